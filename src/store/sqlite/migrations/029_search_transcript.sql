-- 029: a video's transcript in search. article_search gains one transcript column per audience, as the body
-- has (006), so the same column filter that leaves out a body a reader may not read leaves out its
-- transcript too (matches, ranking and snippets). The columns come after topics, so the first ten keep their
-- numbers (sq_search.c's weights and masks). FTS5 cannot add a column: the table is made again with the same
-- tokenizer and refilled from the view, and the triggers that write it (023's, held during a save) list the
-- new columns. Only the transcript's words are indexed (article_video.transcript_plain, 028), not captions.
DROP TRIGGER search_article_insert;
DROP TRIGGER search_article_update;
DROP VIEW article_search_doc;
DROP TABLE article_search;

CREATE VIRTUAL TABLE article_search USING fts5(
  title, summary, body, body_members, body_hcp, body_verified, people, trial, refs, topics,
  transcript, transcript_members, transcript_hcp, transcript_verified,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

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
  IFNULL((SELECT c.name FROM congress c WHERE c.id = a.congress_id), '') AS topics,
  CASE WHEN a.audience = 'public' THEN IFNULL(v.transcript_plain, '') ELSE '' END AS transcript,
  CASE WHEN a.audience = 'members' THEN IFNULL(v.transcript_plain, '') ELSE '' END AS transcript_members,
  CASE WHEN a.audience = 'hcp' THEN IFNULL(v.transcript_plain, '') ELSE '' END AS transcript_hcp,
  CASE WHEN a.audience = 'verified_hcp' THEN IFNULL(v.transcript_plain, '') ELSE '' END AS transcript_verified
FROM article a LEFT JOIN article_video v ON v.article_id = a.id;

CREATE TRIGGER search_article_insert AFTER INSERT ON article WHEN (SELECT hold FROM search_hold) = 0 BEGIN
  INSERT INTO article_search (rowid, title, summary, body, body_members, body_hcp, body_verified, people, trial,
    refs, topics, transcript, transcript_members, transcript_hcp, transcript_verified)
    SELECT id, title, summary, body, body_members, body_hcp, body_verified, people, trial, refs, topics,
      transcript, transcript_members, transcript_hcp, transcript_verified
    FROM article_search_doc WHERE id = NEW.id;
  INSERT INTO search_words (rowid, words)
    SELECT id, title || ' ' || summary || ' ' || people || ' ' || trial || ' ' || topics
    FROM article_search_doc WHERE id = NEW.id AND NEW.status = 'published';
END;

CREATE TRIGGER search_article_update AFTER UPDATE ON article WHEN (SELECT hold FROM search_hold) = 0 BEGIN
  DELETE FROM article_search WHERE rowid = OLD.id;
  DELETE FROM search_words WHERE rowid = OLD.id;
  INSERT INTO article_search (rowid, title, summary, body, body_members, body_hcp, body_verified, people, trial,
    refs, topics, transcript, transcript_members, transcript_hcp, transcript_verified)
    SELECT id, title, summary, body, body_members, body_hcp, body_verified, people, trial, refs, topics,
      transcript, transcript_members, transcript_hcp, transcript_verified
    FROM article_search_doc WHERE id = NEW.id;
  INSERT INTO search_words (rowid, words)
    SELECT id, title || ' ' || summary || ' ' || people || ' ' || trial || ' ' || topics
    FROM article_search_doc WHERE id = NEW.id AND NEW.status = 'published';
END;

-- search_article_delete (006) deletes by rowid and stays as it is; search_words keeps its rows (the
-- transcript is no public word: it is gated like the body)
INSERT INTO article_search (rowid, title, summary, body, body_members, body_hcp, body_verified, people, trial,
  refs, topics, transcript, transcript_members, transcript_hcp, transcript_verified)
  SELECT id, title, summary, body, body_members, body_hcp, body_verified, people, trial, refs, topics,
    transcript, transcript_members, transcript_hcp, transcript_verified
  FROM article_search_doc;
-- refilled in one go, the index is several b-trees (too few for the upkeep's merge, sq_search.c): made one,
-- each word of a query seeks one list again, as before the rebuild
INSERT INTO article_search (article_search) VALUES ('optimize');
