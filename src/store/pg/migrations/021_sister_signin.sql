-- 021 sister sign-in: one-time tokens of purpose 'sso' (the handshake between sister sites on separate
-- domains) and the family of sessions one sign-in made on several sites, so signing out ends all of them.
ALTER TABLE user_token DROP CONSTRAINT user_token_purpose_check;
ALTER TABLE user_token ADD CONSTRAINT user_token_purpose_check CHECK (purpose IN ('verify', 'reset', 'sso'));

-- '' for a session signed in on its own site; else the token_hash of the session it was carried from
ALTER TABLE session ADD COLUMN family text COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX session_by_family ON session (family) WHERE family <> '';
