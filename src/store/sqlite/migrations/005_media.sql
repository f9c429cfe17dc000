-- 005: the media library. An image is stored once per site by the SHA-256 of its uploaded bytes, re-encoded
-- by libvips into responsive widths named <hash>-<width>.<ext>; alt text is required. Articles point at
-- their featured image, which replaces the earlier free-text image path.

CREATE TABLE media (
  id INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: a stale form or an audit line names one image
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  hash TEXT NOT NULL,                   -- first 32 hex digits of the SHA-256 of the original bytes
  kind TEXT NOT NULL CHECK (kind IN ('jpeg', 'png', 'webp')),
  width INTEGER NOT NULL,               -- of the largest rendition kept
  height INTEGER NOT NULL,
  bytes INTEGER NOT NULL,               -- of the upload
  alt TEXT NOT NULL CHECK (alt <> ''),
  credit TEXT NOT NULL DEFAULT '',
  original_name TEXT NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES user(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (site_id, hash)
);
CREATE INDEX media_by_date ON media (site_id, created_at DESC);

ALTER TABLE article ADD COLUMN image_id INTEGER REFERENCES media(id) ON DELETE SET NULL;
ALTER TABLE article DROP COLUMN image;
ALTER TABLE article DROP COLUMN image_alt;
