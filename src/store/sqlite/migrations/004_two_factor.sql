-- 004: two-factor sign-in with TOTP for staff: a secret per account, the last time step used (a code
-- works once), one-time recovery codes, and sessions that wait for their second factor.

ALTER TABLE user ADD COLUMN totp_secret TEXT NOT NULL DEFAULT '';  -- base32; '' until set up
ALTER TABLE user ADD COLUMN totp_enabled INTEGER NOT NULL DEFAULT 0 CHECK (totp_enabled IN (0, 1));
ALTER TABLE user ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;

CREATE TABLE recovery_code (
  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,              -- SHA-256 hex of the code
  used_at INTEGER,
  PRIMARY KEY (user_id, code_hash)
);

ALTER TABLE session ADD COLUMN second_factor_pending INTEGER NOT NULL DEFAULT 0;
