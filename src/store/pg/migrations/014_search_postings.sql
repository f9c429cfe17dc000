-- 014 (PostgreSQL): each word's articles kept apart, so that search and related articles read a word's
-- articles from an index instead of decompressing and ranking every matching document with ts_rank_cd.
-- search_posting holds, for every lexeme of an article's doc (article_search_index), where it occurs in each
-- column (pos: column << 14 | position, the positions of the column vectors title 0, summary 1, body 2,
-- people 3, trial 4, refs 5, topics 6, sorted), how often it occurs in doc (tf: its positions, what
-- ts_rank_cd counts for one word) and the article's words (size, as article_search_index.size). A word's
-- document frequency is a count over the primary key; a phrase's occurrences are found in C from its words'
-- positions, as ts_rank_cd finds them. search_index() rewrites an article's postings with its index row; the
-- rows are written in lexeme order here (and by the generator), so one word's postings sit together.
CREATE TABLE search_posting (
  lexeme text COLLATE "C" NOT NULL,
  article_id bigint NOT NULL REFERENCES article_search_index(article_id) ON DELETE CASCADE,
  tf integer NOT NULL,
  size integer NOT NULL,
  pos integer[] NOT NULL,
  PRIMARY KEY (lexeme, article_id) INCLUDE (tf, size)
);
CREATE INDEX search_posting_by_article ON search_posting (article_id);
CREATE INDEX article_search_size ON article_search_index (size);

-- writes the postings of the given articles' index rows
CREATE FUNCTION search_postings(ids bigint[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO search_posting (lexeme, article_id, tf, size, pos)
  SELECT l.lexeme, x.article_id, cardinality(l.positions), x.size, c.pos
  FROM article_search_index x CROSS JOIN LATERAL unnest(x.doc) l
  JOIN (SELECT y.article_id, m.lexeme, array_agg((col.k::int - 1) << 14 | p.p ORDER BY col.k, p.p) AS pos
        FROM article_search_index y,
          unnest(ARRAY[y.title, y.summary, y.body, y.people, y.trial, y.refs, y.topics]) WITH ORDINALITY col(v, k),
          unnest(col.v) m, unnest(m.positions) p(p)
        WHERE y.article_id = ANY (ids) GROUP BY y.article_id, m.lexeme) c
    ON c.article_id = x.article_id AND c.lexeme = l.lexeme
  WHERE x.article_id = ANY (ids) AND l.lexeme <> '-'
  ORDER BY l.lexeme, x.article_id
$$;

CREATE OR REPLACE FUNCTION search_index(ids bigint[]) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  INSERT INTO article_search_index AS x (article_id, source, body_level, size, title, summary, body, people,
    trial, refs, topics, meta, doc, words)
  SELECT v.id, v.source, v.body_level, search_size(v.doc), v.t, v.s, v.b, v.p, v.tr, v.r, v.tp, v.meta, v.doc,
    to_tsvector('plenary_words', search_text(v.title || ' ' || v.summary || ' ' || v.people || ' ' ||
      v.trial || ' ' || v.topics))
  FROM (SELECT u.*, search_join(ARRAY[u.t, u.s, u.p, u.tr, u.r, u.tp]) AS meta,
          search_join(ARRAY[u.t, u.s, u.p, u.tr, u.r, u.tp, u.b]) AS doc
        FROM (SELECT d.id, d.source, d.body_level, d.title, d.summary, d.people, d.trial, d.topics,
                search_vector(d.title) AS t, search_vector(d.summary) AS s, search_vector(d.any_body) AS b,
                search_vector(d.people) AS p, search_vector(d.trial) AS tr, search_vector(d.refs) AS r,
                search_vector(d.topics) AS tp
              FROM article_search_doc d WHERE d.id = ANY (ids)) u) v
  ON CONFLICT (article_id) DO UPDATE SET source = EXCLUDED.source, body_level = EXCLUDED.body_level,
    size = EXCLUDED.size, title = EXCLUDED.title, summary = EXCLUDED.summary, body = EXCLUDED.body,
    people = EXCLUDED.people, trial = EXCLUDED.trial, refs = EXCLUDED.refs, topics = EXCLUDED.topics,
    meta = EXCLUDED.meta, doc = EXCLUDED.doc, words = EXCLUDED.words;
  DELETE FROM search_posting WHERE article_id = ANY (ids);
  PERFORM search_postings(ids);
END;
$$;

SELECT search_postings(ARRAY(SELECT article_id FROM article_search_index));
