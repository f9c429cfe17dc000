-- 028: an article's video as a record. Videos uploaded into the media library (probed: container, codecs,
-- duration, size; a poster frame taken into the images), and per article: where it plays, its duration and
-- poster, chapters, captions per language and a transcript. The article's video_url stays where a YouTube,
-- Vimeo or external MP4 link is kept; a library file, when chosen, plays instead.
CREATE TABLE video_file (
  id INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  hash TEXT NOT NULL,                   -- first 32 hex digits of the SHA-256 of the bytes; the file's name
  container TEXT NOT NULL CHECK (container IN ('mp4', 'webm')),
  video_codec TEXT NOT NULL,
  audio_codec TEXT NOT NULL DEFAULT '', -- '' when silent
  duration_ms INTEGER NOT NULL CHECK (duration_ms > 0),
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  original_name TEXT NOT NULL DEFAULT '',
  poster_id INTEGER REFERENCES media(id) ON DELETE SET NULL,
  created_by INTEGER REFERENCES user(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (site_id, hash)
);
CREATE INDEX video_file_by_date ON video_file (site_id, created_at DESC);

CREATE TABLE article_video (
  article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
  file_id INTEGER REFERENCES video_file(id) ON DELETE SET NULL,
  duration_ms INTEGER NOT NULL DEFAULT 0, -- a library file's own; for a link, as the editor gives it (0: unknown)
  poster_id INTEGER REFERENCES media(id) ON DELETE SET NULL, -- else the file's poster frame
  chapters TEXT NOT NULL DEFAULT '',    -- canonical lines "M:SS Title" (core/chapters.c)
  transcript TEXT NOT NULL DEFAULT '',  -- canonical lines "[M:SS] Speaker: text" (core/transcript.c)
  transcript_plain TEXT NOT NULL DEFAULT '', -- its words alone, for search
  recorded_at INTEGER NOT NULL DEFAULT 0, -- the video's upload date; 0: the article's publication
  updated_at INTEGER NOT NULL
);
CREATE INDEX article_video_by_file ON article_video (file_id);

CREATE TABLE video_caption (
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  lang TEXT NOT NULL CHECK (length(lang) BETWEEN 2 AND 12), -- a BCP 47 tag: en, fr, nl, pt-BR
  label TEXT NOT NULL CHECK (label <> ''),                  -- what the player's menu says: English
  vtt TEXT NOT NULL,                                        -- WebVTT as core/webvtt.c writes it back
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (article_id, lang)
);

-- Whatever the page or the search index shows changes the article's row: its cached pages go (the change
-- log tells other nodes) and search reads the transcript again.
CREATE TRIGGER article_video_insert AFTER INSERT ON article_video BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id = NEW.article_id;
END;
CREATE TRIGGER article_video_update AFTER UPDATE ON article_video BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id = NEW.article_id;
END;
CREATE TRIGGER article_video_delete AFTER DELETE ON article_video BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id = OLD.article_id;
END;
CREATE TRIGGER video_caption_insert AFTER INSERT ON video_caption BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id = NEW.article_id;
END;
CREATE TRIGGER video_caption_update AFTER UPDATE ON video_caption BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id = NEW.article_id;
END;
CREATE TRIGGER video_caption_delete AFTER DELETE ON video_caption BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id = OLD.article_id;
END;
CREATE TRIGGER video_file_update AFTER UPDATE ON video_file BEGIN
  UPDATE article SET search_stamp = search_stamp + 1
    WHERE id IN (SELECT article_id FROM article_video WHERE file_id = NEW.id);
END;

-- A chunked upload says what it brings (its size limit differs), and a finished video names its file.
ALTER TABLE media_upload ADD COLUMN kind TEXT NOT NULL DEFAULT 'image' CHECK (kind IN ('image', 'video'));
ALTER TABLE media_upload ADD COLUMN video_id INTEGER REFERENCES video_file(id) ON DELETE SET NULL;
