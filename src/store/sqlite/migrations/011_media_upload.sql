-- 013: uploads in progress. A large image arrives as a resumable upload of small chunks written to a file
-- <media_dir>/uploads/<id> (the file's size is how far it got); the row says whose it is, what was declared
-- and what it becomes. A finished upload keeps its row (media_id set) so a client that lost the answer can
-- ask again; rows and files older than a day are removed by the scheduler.

CREATE TABLE media_upload (
  id TEXT PRIMARY KEY,                  -- 32 random hex digits, also the name of its file
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
  size INTEGER NOT NULL CHECK (size > 0), -- declared, in bytes
  name TEXT NOT NULL DEFAULT '',        -- the file's name on the editor's computer
  alt TEXT NOT NULL CHECK (alt <> ''),
  credit TEXT NOT NULL DEFAULT '',
  media_id INTEGER REFERENCES media(id) ON DELETE SET NULL, -- set when finished
  done INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE INDEX media_upload_by_user ON media_upload (user_id, created_at);
CREATE INDEX media_upload_by_age ON media_upload (created_at);
