-- 006: search. article_search holds every article's words (the body as its Markdown source: punctuation
-- separates words, and the server cleans markup out of snippets) for FTS5 with Porter stemming and
-- diacritics removed. The body goes in the column of its audience, so one match with a column filter
-- leaves out exactly the bodies a reader may not read. search_words holds only the public words (titles, summaries, faculty, trials, topics) unstemmed, for "did you mean".
-- Triggers keep both exact on every change; visibility and audience are checked when searching, so an
-- article scheduled for a second is found from that second on.

CREATE VIRTUAL TABLE article_search USING fts5(
  title, summary, body, body_members, body_hcp, body_verified, people, trial, refs, topics,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE search_words USING fts5(words, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_words, 'row');

CREATE VIEW article_search_doc AS
SELECT a.id AS id, a.title AS title, a.summary AS summary,
  CASE a.audience WHEN 'public' THEN a.body ELSE '' END AS body,
  CASE a.audience WHEN 'members' THEN a.body ELSE '' END AS body_members,
  CASE a.audience WHEN 'hcp' THEN a.body ELSE '' END AS body_hcp,
  CASE a.audience WHEN 'verified_hcp' THEN a.body ELSE '' END AS body_verified,
  (SELECT IFNULL(group_concat(p.name, ', '), '') FROM article_person ap JOIN person p ON p.id = ap.person_id
    WHERE ap.article_id = a.id) AS people,
  IFNULL((SELECT t.name || ' ' || t.aliases || ' ' || t.registry_id FROM trial t WHERE t.id = a.trial_id), '')
    AS trial,
  (SELECT IFNULL(group_concat(r.citation || ' ' || r.abstract_no, '; '), '') FROM reference r
    WHERE r.article_id = a.id) AS refs,
  (SELECT IFNULL(group_concat(g.name, ', '), '') FROM article_tag x JOIN tag g ON g.id = x.tag_id
    WHERE x.article_id = a.id) || ' ' || (SELECT s.name FROM section s WHERE s.id = a.section_id) || ' ' ||
  IFNULL((SELECT c.name FROM congress c WHERE c.id = a.congress_id), '') AS topics
FROM article a;

-- an article's row changes whenever something it shows changes: one trigger then rewrites its documents
ALTER TABLE article ADD COLUMN search_stamp INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER search_article_insert AFTER INSERT ON article BEGIN
  INSERT INTO article_search (rowid, title, summary, body, body_members, body_hcp, body_verified, people, trial,
    refs, topics)
    SELECT id, title, summary, body, body_members, body_hcp, body_verified, people, trial, refs, topics
    FROM article_search_doc WHERE id = NEW.id;
  INSERT INTO search_words (rowid, words)
    SELECT id, title || ' ' || summary || ' ' || people || ' ' || trial || ' ' || topics
    FROM article_search_doc WHERE id = NEW.id;
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
    FROM article_search_doc WHERE id = NEW.id;
END;
CREATE TRIGGER search_article_delete AFTER DELETE ON article BEGIN
  DELETE FROM article_search WHERE rowid = OLD.id;
  DELETE FROM search_words WHERE rowid = OLD.id;
END;

CREATE TRIGGER search_person_link AFTER INSERT ON article_person BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id = NEW.article_id;
END;
CREATE TRIGGER search_person_unlink AFTER DELETE ON article_person BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id = OLD.article_id;
END;
CREATE TRIGGER search_reference_add AFTER INSERT ON reference BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id = NEW.article_id;
END;
CREATE TRIGGER search_reference_remove AFTER DELETE ON reference BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id = OLD.article_id;
END;
CREATE TRIGGER search_reference_change AFTER UPDATE ON reference BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id IN (OLD.article_id, NEW.article_id);
END;
CREATE TRIGGER search_tag_link AFTER INSERT ON article_tag BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id = NEW.article_id;
END;
CREATE TRIGGER search_tag_unlink AFTER DELETE ON article_tag BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id = OLD.article_id;
END;
CREATE TRIGGER search_person_rename AFTER UPDATE OF name ON person BEGIN
  UPDATE article SET search_stamp = search_stamp + 1
    WHERE id IN (SELECT article_id FROM article_person WHERE person_id = NEW.id);
END;
CREATE TRIGGER search_trial_rename AFTER UPDATE OF name, aliases, registry_id ON trial BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE trial_id = NEW.id;
END;
CREATE TRIGGER search_tag_rename AFTER UPDATE OF name ON tag BEGIN
  UPDATE article SET search_stamp = search_stamp + 1
    WHERE id IN (SELECT article_id FROM article_tag WHERE tag_id = NEW.id);
END;
CREATE TRIGGER search_section_rename AFTER UPDATE OF name ON section BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE section_id = NEW.id;
END;
CREATE TRIGGER search_congress_rename AFTER UPDATE OF name ON congress BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE congress_id = NEW.id;
END;

INSERT INTO article_search (rowid, title, summary, body, body_members, body_hcp, body_verified, people, trial,
  refs, topics)
  SELECT id, title, summary, body, body_members, body_hcp, body_verified, people, trial, refs, topics
  FROM article_search_doc;
INSERT INTO search_words (rowid, words)
  SELECT id, title || ' ' || summary || ' ' || people || ' ' || trial || ' ' || topics FROM article_search_doc;
