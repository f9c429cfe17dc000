-- 031: search per language (issue 20). article_search is made again with the "plenary" tokenizer
-- (sq_stem.c): unicode61's words, accents and case folded as before, stemmed by Snowball in the article's
-- language (article.lang, '' meaning its site's), which each column's text carries as a leading marker,
-- char(31) || 'fr' || char(31), that the tokenizer reads and does not index. The columns, transcripts (029)
-- and audiences (006) included, are as 029 made them.
-- Only a connection that registered the tokenizer can open the table, and the tests and sqlite3's shell
-- write articles too; so no trigger in the schema writes article_search any more. A change queues the
-- article in search_stale; Plenary's connections index it there and then (a TEMP trigger on search_stale,
-- sq_search.c), and what another program queued is indexed by Plenary's next search or upkeep.
DROP TRIGGER search_article_insert;
DROP TRIGGER search_article_update;
DROP TRIGGER search_article_delete;
DROP VIEW article_search_doc;
DROP TABLE article_search;

CREATE TABLE search_stale (article_id INTEGER PRIMARY KEY);

CREATE VIRTUAL TABLE article_search USING fts5(
  title, summary, body, body_members, body_hcp, body_verified, people, trial, refs, topics,
  transcript, transcript_members, transcript_hcp, transcript_verified,
  tokenize = 'plenary unicode61 remove_diacritics 2'
);

CREATE VIEW article_search_doc AS
SELECT a.id AS id, a.mark || a.title AS title, a.mark || a.summary AS summary,
  a.mark || CASE a.audience WHEN 'public' THEN a.body ELSE '' END AS body,
  a.mark || CASE a.audience WHEN 'members' THEN a.body ELSE '' END AS body_members,
  a.mark || CASE a.audience WHEN 'hcp' THEN a.body ELSE '' END AS body_hcp,
  a.mark || CASE a.audience WHEN 'verified_hcp' THEN a.body ELSE '' END AS body_verified,
  a.mark || (SELECT IFNULL(group_concat(p.name, ', '), '') FROM article_person ap
    JOIN person p ON p.id = ap.person_id WHERE ap.article_id = a.id) AS people,
  a.mark || IFNULL((SELECT t.name || ' ' || t.aliases || ' ' || t.registry_id FROM trial t
    WHERE t.id = a.trial_id), '') AS trial,
  a.mark || (SELECT IFNULL(group_concat(r.citation || ' ' || r.abstract_no, '; '), '') FROM reference r
    WHERE r.article_id = a.id) AS refs,
  a.mark || (SELECT IFNULL(group_concat(g.name, ', '), '') FROM article_tag x JOIN tag g ON g.id = x.tag_id
    WHERE x.article_id = a.id) || ' ' || (SELECT s.name FROM section s WHERE s.id = a.section_id) || ' ' ||
  IFNULL((SELECT c.name FROM congress c WHERE c.id = a.congress_id), '') AS topics,
  a.mark || CASE WHEN a.audience = 'public' THEN IFNULL(v.transcript_plain, '') ELSE '' END AS transcript,
  a.mark || CASE WHEN a.audience = 'members' THEN IFNULL(v.transcript_plain, '') ELSE '' END
    AS transcript_members,
  a.mark || CASE WHEN a.audience = 'hcp' THEN IFNULL(v.transcript_plain, '') ELSE '' END AS transcript_hcp,
  a.mark || CASE WHEN a.audience = 'verified_hcp' THEN IFNULL(v.transcript_plain, '') ELSE '' END
    AS transcript_verified,
  a.mark AS mark, a.title AS plain_title, a.summary AS plain_summary
FROM (SELECT x.*, char(31) || CASE x.lang WHEN '' THEN (SELECT language FROM site WHERE id = x.site_id)
        ELSE x.lang END || char(31) AS mark
      FROM article x) a
  LEFT JOIN article_video v ON v.article_id = a.id;

-- search_words (006, the public words of "did you mean") keeps its unicode61 words, written here as before
CREATE TRIGGER search_article_insert AFTER INSERT ON article WHEN (SELECT hold FROM search_hold) = 0 BEGIN
  INSERT OR REPLACE INTO search_stale (article_id) VALUES (NEW.id);
  INSERT INTO search_words (rowid, words)
    SELECT id, plain_title || ' ' || plain_summary || ' ' || substr(people, length(mark) + 1) || ' ' ||
      substr(trial, length(mark) + 1) || ' ' || substr(topics, length(mark) + 1)
    FROM article_search_doc WHERE id = NEW.id AND NEW.status = 'published';
END;

CREATE TRIGGER search_article_update AFTER UPDATE ON article WHEN (SELECT hold FROM search_hold) = 0 BEGIN
  INSERT OR REPLACE INTO search_stale (article_id) VALUES (NEW.id);
  DELETE FROM search_words WHERE rowid = OLD.id;
  INSERT INTO search_words (rowid, words)
    SELECT id, plain_title || ' ' || plain_summary || ' ' || substr(people, length(mark) + 1) || ' ' ||
      substr(trial, length(mark) + 1) || ' ' || substr(topics, length(mark) + 1)
    FROM article_search_doc WHERE id = NEW.id AND NEW.status = 'published';
END;

CREATE TRIGGER search_article_delete AFTER DELETE ON article BEGIN
  INSERT OR REPLACE INTO search_stale (article_id) VALUES (OLD.id);
  DELETE FROM search_words WHERE rowid = OLD.id;
END;

-- a site's default language is its articles' without one of their own: their documents stem by it
CREATE TRIGGER search_site_language AFTER UPDATE OF language ON site BEGIN
  INSERT OR REPLACE INTO search_stale (article_id) SELECT id FROM article WHERE site_id = NEW.id AND lang = '';
END;

-- the search's facts (008) read each article's language from the index, not from its row
DROP INDEX article_facts;
CREATE INDEX article_facts ON article (id, site_id, status, published_at, section_id, congress_id, trial_id,
  lang);

INSERT INTO article_search (rowid, title, summary, body, body_members, body_hcp, body_verified, people, trial,
  refs, topics, transcript, transcript_members, transcript_hcp, transcript_verified)
  SELECT id, title, summary, body, body_members, body_hcp, body_verified, people, trial, refs, topics,
    transcript, transcript_members, transcript_hcp, transcript_verified
  FROM article_search_doc;
INSERT INTO article_search (article_search) VALUES ('optimize');
