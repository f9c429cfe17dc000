-- 032: article translations (issue 20). A translation names its family's original (030's family_id); each
-- language appears once in a family. source_revision is the original's revision the translation was made
-- from or last brought up to date with (NULL for an original): a newer revision of the original marks the
-- translation out of date in the back office. A change to a translation also names its original in the
-- change log, so every member's page (switcher, hreflang) drops from the cache when one is added or changed.
-- article_list gains lang and family_id: the lists of a language choose one member per family from the
-- index alone.
ALTER TABLE article ADD COLUMN source_revision INTEGER;
CREATE UNIQUE INDEX article_family_lang ON article (coalesce(family_id, id), lang);
DROP INDEX article_list;
CREATE INDEX article_list ON article (site_id, published_at DESC, id DESC, status, section_id, congress_id,
  trial_id, lang, family_id);
-- a congress's (and a trial's) count is of families: read from the index alone as before
DROP INDEX article_congress_visible;
CREATE INDEX article_congress_visible ON article (congress_id, status, published_at, family_id);
CREATE TRIGGER change_article_family_insert AFTER INSERT ON article WHEN NEW.family_id IS NOT NULL BEGIN
  INSERT INTO change_log (at, kind, article_id) VALUES (unixepoch(), 'article', NEW.family_id);
END;
CREATE TRIGGER change_article_family_update AFTER UPDATE ON article
  WHEN NEW.family_id IS NOT NULL OR OLD.family_id IS NOT NULL BEGIN
  INSERT INTO change_log (at, kind, article_id)
    SELECT unixepoch(), 'article', x FROM (SELECT NEW.family_id AS x UNION SELECT OLD.family_id) WHERE x IS NOT NULL;
END;
CREATE TRIGGER change_article_family_delete AFTER DELETE ON article WHEN OLD.family_id IS NOT NULL BEGIN
  INSERT INTO change_log (at, kind, article_id) VALUES (unixepoch(), 'article', OLD.family_id);
END;
