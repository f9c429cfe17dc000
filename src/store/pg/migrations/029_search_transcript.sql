-- 029 (PostgreSQL): a video's transcript in search, as migrations/029_search_transcript.sql. The index row
-- gains a transcript vector (article_video.transcript_plain, 028), searched with the rest (doc) and posted as
-- column 7 of search_posting.pos (title 0 ... topics 6, transcript 7), so the search gates it by the body's
-- level exactly as the body (column 2) and ranks it with its own weight (pg_search_hits.c). The view gains
-- the transcript per audience, as SQLite's article_search has it, and any_transcript for the snippets.
CREATE OR REPLACE VIEW article_search_doc AS
SELECT a.id AS id, a.title AS title, a.summary AS summary,
  CASE a.audience WHEN 'public' THEN a.body ELSE '' END AS body,
  CASE a.audience WHEN 'members' THEN a.body ELSE '' END AS body_members,
  CASE a.audience WHEN 'hcp' THEN a.body ELSE '' END AS body_hcp,
  CASE a.audience WHEN 'verified_hcp' THEN a.body ELSE '' END AS body_verified,
  COALESCE((SELECT string_agg(p.name, ', ' ORDER BY ap.person_id, ap.role) FROM article_person ap
    JOIN person p ON p.id = ap.person_id WHERE ap.article_id = a.id), '') AS people,
  COALESCE((SELECT t.name || ' ' || t.aliases || ' ' || t.registry_id FROM trial t WHERE t.id = a.trial_id), '')
    AS trial,
  COALESCE((SELECT string_agg(r.citation || ' ' || r.abstract_no, '; ' ORDER BY r.position, r.id)
    FROM reference r WHERE r.article_id = a.id), '') AS refs,
  COALESCE((SELECT string_agg(g.name, ', ' ORDER BY x.tag_id) FROM article_tag x JOIN tag g ON g.id = x.tag_id
    WHERE x.article_id = a.id), '') || ' ' || (SELECT s.name FROM section s WHERE s.id = a.section_id) || ' ' ||
  COALESCE((SELECT c.name FROM congress c WHERE c.id = a.congress_id), '') AS topics,
  (CASE a.audience WHEN 'public' THEN 0 WHEN 'members' THEN 1 WHEN 'hcp' THEN 2 ELSE 3 END) AS body_level,
  a.body AS any_body, a.ctid AS source,
  CASE a.audience WHEN 'public' THEN COALESCE(v.transcript_plain, '') ELSE '' END AS transcript,
  CASE a.audience WHEN 'members' THEN COALESCE(v.transcript_plain, '') ELSE '' END AS transcript_members,
  CASE a.audience WHEN 'hcp' THEN COALESCE(v.transcript_plain, '') ELSE '' END AS transcript_hcp,
  CASE a.audience WHEN 'verified_hcp' THEN COALESCE(v.transcript_plain, '') ELSE '' END AS transcript_verified,
  COALESCE(v.transcript_plain, '') AS any_transcript
FROM article a LEFT JOIN article_video v ON v.article_id = a.id;

CREATE OR REPLACE VIEW article_search AS
SELECT id AS rowid, title, summary, body, body_members, body_hcp, body_verified, people, trial, refs, topics,
  transcript, transcript_members, transcript_hcp, transcript_verified
FROM article_search_doc;

ALTER TABLE article_search_index ADD COLUMN transcript tsvector NOT NULL DEFAULT '';

CREATE OR REPLACE FUNCTION search_postings(ids bigint[]) RETURNS void
LANGUAGE sql AS $$
  WITH d AS MATERIALIZED (
    SELECT x.article_id, x.size, l.lexeme COLLATE "C" AS lexeme, cardinality(l.positions) AS tf
    FROM article_search_index x CROSS JOIN LATERAL unnest(x.doc) l
    WHERE x.article_id = ANY (ids) AND l.lexeme <> '-'),
  c AS MATERIALIZED (
    SELECT y.article_id, m.lexeme COLLATE "C" AS lexeme,
      array_agg((col.k::int - 1) << 14 | p.p ORDER BY col.k, p.p) AS pos
    FROM article_search_index y,
      unnest(ARRAY[y.title, y.summary, y.body, y.people, y.trial, y.refs, y.topics, y.transcript])
        WITH ORDINALITY col(v, k),
      unnest(col.v) m, unnest(m.positions) p(p)
    WHERE y.article_id = ANY (ids) GROUP BY 1, 2)
  INSERT INTO search_posting (lexeme, article_id, tf, size, pos)
  SELECT d.lexeme, d.article_id, d.tf, d.size, c.pos
  FROM d JOIN c ON c.article_id = d.article_id AND c.lexeme = d.lexeme
  ORDER BY d.lexeme, d.article_id
$$;

-- the transcript joins doc after the body (so a phrase never runs from one into the other); words, the
-- public vocabulary of "did you mean", leaves it out as it leaves out the body
CREATE OR REPLACE FUNCTION search_index(ids bigint[]) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  INSERT INTO article_search_index AS x (article_id, source, body_level, size, title, summary, body, people,
    trial, refs, topics, transcript, meta, doc, words)
  SELECT v.id, v.source, v.body_level, search_size(v.doc), v.t, v.s, v.b, v.p, v.tr, v.r, v.tp, v.tx, v.meta,
    v.doc, to_tsvector('plenary_words', search_text(v.title || ' ' || v.summary || ' ' || v.people || ' ' ||
      v.trial || ' ' || v.topics))
  FROM (SELECT u.*, search_join(ARRAY[u.t, u.s, u.p, u.tr, u.r, u.tp]) AS meta,
          search_join(ARRAY[u.t, u.s, u.p, u.tr, u.r, u.tp, u.b, u.tx]) AS doc
        FROM (SELECT d.id, d.source, d.body_level, d.title, d.summary, d.people, d.trial, d.topics,
                search_vector(d.title) AS t, search_vector(d.summary) AS s, search_vector(d.any_body) AS b,
                search_vector(d.people) AS p, search_vector(d.trial) AS tr, search_vector(d.refs) AS r,
                search_vector(d.topics) AS tp, search_vector(d.any_transcript) AS tx
              FROM article_search_doc d WHERE d.id = ANY (ids)) u) v
  ON CONFLICT (article_id) DO UPDATE SET source = EXCLUDED.source, body_level = EXCLUDED.body_level,
    size = EXCLUDED.size, title = EXCLUDED.title, summary = EXCLUDED.summary, body = EXCLUDED.body,
    people = EXCLUDED.people, trial = EXCLUDED.trial, refs = EXCLUDED.refs, topics = EXCLUDED.topics,
    transcript = EXCLUDED.transcript, meta = EXCLUDED.meta, doc = EXCLUDED.doc, words = EXCLUDED.words;
  DELETE FROM search_posting WHERE article_id = ANY (ids);
  PERFORM search_postings(ids);
END;
$$;

-- the articles with a transcript already (every other row's transcript is rightly empty)
SELECT search_index(ARRAY(SELECT article_id FROM article_video WHERE transcript_plain <> ''));
