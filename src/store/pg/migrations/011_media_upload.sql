-- 013 (PostgreSQL): uploads in progress, as migrations/013_media_upload.sql. A large image arrives as a
-- resumable upload of small chunks written to a file <media_dir>/uploads/<id>; the row says whose it is, what
-- was declared and what it becomes; rows and files older than a day are removed by the scheduler.

CREATE TABLE media_upload (
  id text COLLATE "C" PRIMARY KEY,
  site_id bigint NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  user_id bigint NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
  size bigint NOT NULL CHECK (size > 0),
  name text COLLATE "C" NOT NULL DEFAULT '',
  alt text COLLATE "C" NOT NULL CHECK (alt <> ''),
  credit text COLLATE "C" NOT NULL DEFAULT '',
  media_id bigint REFERENCES media(id) ON DELETE SET NULL,
  done integer NOT NULL DEFAULT 0,
  created_at bigint NOT NULL
);
CREATE INDEX media_upload_by_user ON media_upload (user_id, created_at);
CREATE INDEX media_upload_by_age ON media_upload (created_at);
