-- 023: imports. Every item an import (WordPress today) brought in is remembered by the export's site and
-- WordPress's id, so running a newer export again updates those items instead of making copies, and an
-- item an editor changed since is left alone. Images whose alt text the import had to make up are flagged.
CREATE TABLE import_item (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  source TEXT NOT NULL,                  -- the exported site: 'https://old.example'
  kind TEXT NOT NULL,                    -- 'post', 'page', 'attachment', 'category', 'post_tag', 'author'
  wp_id INTEGER NOT NULL,                -- WordPress's id of the post, term or author
  wp_key TEXT NOT NULL DEFAULT '',       -- a post's guid, a term's slug, an author's login, a file's path
  target_kind TEXT NOT NULL DEFAULT '',  -- 'article', 'page', 'section', 'tag', 'congress', 'user', 'person', 'media', ''
  target_id INTEGER NOT NULL DEFAULT 0,  -- what it became (0: nothing yet, e.g. an image no post used)
  fingerprint TEXT NOT NULL DEFAULT '',  -- a hash of what was imported: the same again is "unchanged"
  revision_no INTEGER NOT NULL DEFAULT 0, -- the article's revision the import wrote: a later one is an editor's
  detail TEXT NOT NULL DEFAULT '',       -- an attachment's alt text
  imported_at INTEGER NOT NULL,
  UNIQUE (site_id, source, kind, wp_id)
);
CREATE INDEX import_item_by_key ON import_item (site_id, source, kind, wp_key);

ALTER TABLE media ADD COLUMN needs_alt INTEGER NOT NULL DEFAULT 0 CHECK (needs_alt IN (0, 1));

-- Articles whose related lists a batch (an import) left to score: the server's scheduler scores them a few
-- at a time, each with its neighbours, so a large import neither waits for it nor holds the write lock.
CREATE TABLE related_pending (
  article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
  queued_at INTEGER NOT NULL
);

-- what the media library counts as an image's uses, and the import's featured images: found by index
CREATE INDEX article_by_image ON article (image_id) WHERE image_id IS NOT NULL;

-- A save writes an article's row and then its faculty, references and topics, each of which used to rewrite
-- the article's search documents: while search_hold holds 1 (inside a save's transaction) those triggers wait,
-- and the save rewrites the documents once at its end.
CREATE TABLE search_hold (hold INTEGER NOT NULL CHECK (hold IN (0, 1)));
INSERT INTO search_hold (hold) VALUES (0);
DROP TRIGGER search_article_insert;
CREATE TRIGGER search_article_insert AFTER INSERT ON article WHEN (SELECT hold FROM search_hold) = 0 BEGIN
  INSERT INTO article_search (rowid, title, summary, body, body_members, body_hcp, body_verified, people, trial,
    refs, topics)
    SELECT id, title, summary, body, body_members, body_hcp, body_verified, people, trial, refs, topics
    FROM article_search_doc WHERE id = NEW.id;
  INSERT INTO search_words (rowid, words)
    SELECT id, title || ' ' || summary || ' ' || people || ' ' || trial || ' ' || topics
    FROM article_search_doc WHERE id = NEW.id AND NEW.status = 'published';
END;

DROP TRIGGER search_article_update;
CREATE TRIGGER search_article_update AFTER UPDATE ON article WHEN (SELECT hold FROM search_hold) = 0 BEGIN
  DELETE FROM article_search WHERE rowid = OLD.id;
  DELETE FROM search_words WHERE rowid = OLD.id;
  INSERT INTO article_search (rowid, title, summary, body, body_members, body_hcp, body_verified, people, trial,
    refs, topics)
    SELECT id, title, summary, body, body_members, body_hcp, body_verified, people, trial, refs, topics
    FROM article_search_doc WHERE id = NEW.id;
  INSERT INTO search_words (rowid, words)
    SELECT id, title || ' ' || summary || ' ' || people || ' ' || trial || ' ' || topics
    FROM article_search_doc WHERE id = NEW.id AND NEW.status = 'published';
END;

DROP TRIGGER search_person_link;
CREATE TRIGGER search_person_link AFTER INSERT ON article_person WHEN (SELECT hold FROM search_hold) = 0 BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id = NEW.article_id;
END;

DROP TRIGGER search_person_unlink;
CREATE TRIGGER search_person_unlink AFTER DELETE ON article_person WHEN (SELECT hold FROM search_hold) = 0 BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id = OLD.article_id;
END;

DROP TRIGGER search_reference_add;
CREATE TRIGGER search_reference_add AFTER INSERT ON reference WHEN (SELECT hold FROM search_hold) = 0 BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id = NEW.article_id;
END;

DROP TRIGGER search_reference_remove;
CREATE TRIGGER search_reference_remove AFTER DELETE ON reference WHEN (SELECT hold FROM search_hold) = 0 BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id = OLD.article_id;
END;

DROP TRIGGER search_reference_change;
CREATE TRIGGER search_reference_change AFTER UPDATE ON reference WHEN (SELECT hold FROM search_hold) = 0 BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id IN (OLD.article_id, NEW.article_id);
END;

DROP TRIGGER search_tag_link;
CREATE TRIGGER search_tag_link AFTER INSERT ON article_tag WHEN (SELECT hold FROM search_hold) = 0 BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id = NEW.article_id;
END;

DROP TRIGGER search_tag_unlink;
CREATE TRIGGER search_tag_unlink AFTER DELETE ON article_tag WHEN (SELECT hold FROM search_hold) = 0 BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id = OLD.article_id;
END;
