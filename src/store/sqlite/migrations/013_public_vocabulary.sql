-- 013: "did you mean" learns only from what readers may see. search_words (the vocabulary's source) held the
-- words of every article, drafts and scheduled ones included, so their titles shaped suggestions; it now holds
-- only published articles' words. A scheduled article joins when the scheduler publishes it (an update); the
-- kept vocabulary (search_term) is rebuilt by store_search_upkeep after every change, and once now.
DROP TRIGGER IF EXISTS search_article_insert;
DROP TRIGGER IF EXISTS search_article_update;

CREATE TRIGGER search_article_insert AFTER INSERT ON article BEGIN
  INSERT INTO article_search (rowid, title, summary, body, body_members, body_hcp, body_verified, people, trial,
    refs, topics)
    SELECT id, title, summary, body, body_members, body_hcp, body_verified, people, trial, refs, topics
    FROM article_search_doc WHERE id = NEW.id;
  INSERT INTO search_words (rowid, words)
    SELECT id, title || ' ' || summary || ' ' || people || ' ' || trial || ' ' || topics
    FROM article_search_doc WHERE id = NEW.id AND NEW.status = 'published';
END;
CREATE TRIGGER search_article_update AFTER UPDATE ON article BEGIN
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

DELETE FROM search_words WHERE rowid IN (SELECT id FROM article WHERE status <> 'published');
UPDATE content_version SET version = version + 1;
