-- 002: accounts of readers and staff, their sessions, one-time tokens, and failed sign-ins.

CREATE TABLE user (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL COLLATE NOCASE UNIQUE,
  email_verified_at INTEGER,
  password_hash TEXT NOT NULL,          -- argon2id string from libsodium
  name TEXT NOT NULL,
  profession TEXT NOT NULL
    CHECK (profession IN ('physician', 'nurse', 'pharmacist', 'other_hcp', 'not_hcp')),
  specialty TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT '',
  hcp_declared INTEGER NOT NULL DEFAULT 0 CHECK (hcp_declared IN (0, 1)),
  alerts INTEGER NOT NULL DEFAULT 0 CHECK (alerts IN (0, 1)),
  role TEXT NOT NULL DEFAULT 'reader' CHECK (role IN ('reader', 'contributor', 'editor', 'admin')),
  hcp_status TEXT NOT NULL DEFAULT 'none' CHECK (hcp_status IN ('none', 'requested', 'verified', 'rejected')),
  hcp_request TEXT NOT NULL DEFAULT '', -- what the reader sent with the request
  hcp_method TEXT NOT NULL DEFAULT '',  -- how an editor verified: licence, document, institution
  hcp_evidence TEXT NOT NULL DEFAULT '',
  hcp_decided_at INTEGER,
  hcp_decided_by INTEGER REFERENCES user(id) ON DELETE SET NULL,
  privacy_accepted_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE session (
  token_hash TEXT PRIMARY KEY,          -- SHA-256 of the cookie's token, hex
  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,          -- absolute end
  remember INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX session_by_user ON session (user_id);

CREATE TABLE user_token (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset')),
  new_email TEXT NOT NULL DEFAULT '',   -- for a change of address: verified before it replaces the old one
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE INDEX user_token_by_user ON user_token (user_id, purpose);

CREATE TABLE login_failure (
  subject TEXT NOT NULL,                -- 'email:<address>' or 'ip:<address>'
  at INTEGER NOT NULL
);
CREATE INDEX login_failure_by_subject ON login_failure (subject, at);
