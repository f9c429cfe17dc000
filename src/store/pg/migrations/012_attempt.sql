-- 012: attempts counted before they are made (see the SQLite migration 012): one row per kind and subject,
-- reserved with one INSERT ... ON CONFLICT DO UPDATE, atomic across every node sharing the database.

CREATE TABLE attempt (
  kind text COLLATE "C" NOT NULL,
  subject text COLLATE "C" NOT NULL,
  started_at bigint NOT NULL,
  last_at bigint NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (kind, subject)
);
CREATE INDEX attempt_by_age ON attempt (last_at);

DROP TABLE IF EXISTS login_failure;
