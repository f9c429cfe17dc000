-- 021 sister sign-in: one-time tokens of purpose 'sso' (the handshake between sister sites on separate
-- domains) and the family of sessions one sign-in made on several sites, so signing out ends all of them.
CREATE TABLE user_token_new (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset', 'sso')),
  new_email TEXT NOT NULL DEFAULT '',   -- verify: the address it confirms; sso: the host, nonce and session it is bound to
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
INSERT INTO user_token_new SELECT token_hash, user_id, purpose, new_email, created_at, expires_at, used_at
  FROM user_token;
DROP TABLE user_token;
ALTER TABLE user_token_new RENAME TO user_token;
CREATE INDEX user_token_by_user ON user_token (user_id, purpose);

-- '' for a session signed in on its own site; else the token_hash of the session it was carried from
ALTER TABLE session ADD COLUMN family TEXT NOT NULL DEFAULT '';
CREATE INDEX session_by_family ON session (family) WHERE family <> '';
