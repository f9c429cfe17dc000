-- 004 (PostgreSQL): two-factor sign-in with TOTP for staff, as migrations/004_two_factor.sql: a secret per
-- account, the last time step used (a code works once), one-time recovery codes, and sessions that wait for
-- their second factor.

ALTER TABLE "user" ADD COLUMN totp_secret text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE "user" ADD COLUMN totp_enabled integer NOT NULL DEFAULT 0 CHECK (totp_enabled IN (0, 1));
ALTER TABLE "user" ADD COLUMN totp_last_step bigint NOT NULL DEFAULT 0;

CREATE TABLE recovery_code (
  user_id bigint NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
  code_hash text COLLATE "C" NOT NULL,
  used_at bigint,
  PRIMARY KEY (user_id, code_hash)
);

ALTER TABLE session ADD COLUMN second_factor_pending integer NOT NULL DEFAULT 0;
