-- 012: attempts counted before they are made. A throttle reserves one attempt of a kind (sign-in, password
-- re-check, mail, contact message) for a subject (an account, a client address, a recipient) in one atomic
-- statement before the work is done, so parallel requests cannot all pass a check made before any counted.
-- The row is the window's count: n attempts since started_at, the last at last_at.

CREATE TABLE attempt (
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,                -- 'email:<address>', 'ip:<address>', 'user:<id>', 'to:<address>', '*'
  started_at INTEGER NOT NULL,          -- the window began
  last_at INTEGER NOT NULL,             -- the latest attempt reserved
  n INTEGER NOT NULL,                   -- attempts reserved in the window
  PRIMARY KEY (kind, subject)
) WITHOUT ROWID;
CREATE INDEX attempt_by_age ON attempt (last_at);

DROP TABLE IF EXISTS login_failure;
