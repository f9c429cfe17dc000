-- 031 (PostgreSQL): search per language (issue 20), as migrations/031_search_languages.sql. An article's
-- words are stemmed by Snowball in its language (article.lang, '' meaning its site's): the configuration
-- plenary (English, 006), plenary_fr or plenary_nl, each with unaccent when the server has it (Debian's
-- postgresql package ships it in contrib) and no stop words, as 006 made plenary. A query's words are looked
-- up in all three (pg_search_hits.c), so a reader finds documents in every language. words, the public
-- vocabulary of "did you mean", stays unstemmed (plenary_words).
CREATE TEXT SEARCH DICTIONARY plenary_stem_fr (TEMPLATE = snowball, Language = french);
CREATE TEXT SEARCH DICTIONARY plenary_stem_nl (TEMPLATE = snowball, Language = dutch);
CREATE TEXT SEARCH CONFIGURATION plenary_fr (PARSER = pg_catalog.default);
CREATE TEXT SEARCH CONFIGURATION plenary_nl (PARSER = pg_catalog.default);
DO $$
DECLARE
  accents text := CASE WHEN EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'unaccent') THEN 'unaccent, '
    ELSE '' END;
  kinds text := 'asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, '
    'hword_numpart, int, uint, float, sfloat, version';
BEGIN
  EXECUTE 'ALTER TEXT SEARCH CONFIGURATION plenary_fr ADD MAPPING FOR ' || kinds || ' WITH ' || accents ||
    'plenary_stem_fr';
  EXECUTE 'ALTER TEXT SEARCH CONFIGURATION plenary_nl ADD MAPPING FOR ' || kinds || ' WITH ' || accents ||
    'plenary_stem_nl';
END $$;

-- the configuration of a language: English's for any other (as before 031)
CREATE FUNCTION search_config(lang text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE lang WHEN 'fr' THEN 'plenary_fr' WHEN 'nl' THEN 'plenary_nl' ELSE 'plenary' END::regconfig
$$;

CREATE FUNCTION search_vector(t text, lang text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector(search_config(lang), search_text(t))
$$;

-- the view gains the article's language, its site's when it has none
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
  COALESCE(v.transcript_plain, '') AS any_transcript,
  CASE a.lang WHEN '' THEN (SELECT s.language FROM site s WHERE s.id = a.site_id) ELSE a.lang END AS lang
FROM article a LEFT JOIN article_video v ON v.article_id = a.id;

-- each column's vector in the article's language
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
                search_vector(d.title, d.lang) AS t, search_vector(d.summary, d.lang) AS s,
                search_vector(d.any_body, d.lang) AS b, search_vector(d.people, d.lang) AS p,
                search_vector(d.trial, d.lang) AS tr, search_vector(d.refs, d.lang) AS r,
                search_vector(d.topics, d.lang) AS tp, search_vector(d.any_transcript, d.lang) AS tx
              FROM article_search_doc d WHERE d.id = ANY (ids)) u) v
  ON CONFLICT (article_id) DO UPDATE SET source = EXCLUDED.source, body_level = EXCLUDED.body_level,
    size = EXCLUDED.size, title = EXCLUDED.title, summary = EXCLUDED.summary, body = EXCLUDED.body,
    people = EXCLUDED.people, trial = EXCLUDED.trial, refs = EXCLUDED.refs, topics = EXCLUDED.topics,
    transcript = EXCLUDED.transcript, meta = EXCLUDED.meta, doc = EXCLUDED.doc, words = EXCLUDED.words;
  DELETE FROM search_posting WHERE article_id = ANY (ids);
  PERFORM search_postings(ids);
END;
$$;


-- an article's language changes its stems, as a site's default changes those of its articles without one
DROP TRIGGER search_article_update ON article;
CREATE CONSTRAINT TRIGGER search_article_update AFTER UPDATE ON article
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.summary IS DISTINCT FROM NEW.summary OR
    OLD.body IS DISTINCT FROM NEW.body OR OLD.audience IS DISTINCT FROM NEW.audience OR
    OLD.section_id IS DISTINCT FROM NEW.section_id OR OLD.congress_id IS DISTINCT FROM NEW.congress_id OR
    OLD.trial_id IS DISTINCT FROM NEW.trial_id OR OLD.search_stamp IS DISTINCT FROM NEW.search_stamp OR
    OLD.lang IS DISTINCT FROM NEW.lang)
  EXECUTE FUNCTION search_article_row();

CREATE FUNCTION search_site_language() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_index(ARRAY(SELECT id FROM article WHERE site_id = NEW.id AND lang = ''));
  RETURN NULL;
END;
$$;
CREATE TRIGGER search_site_language AFTER UPDATE OF language ON site
  FOR EACH ROW WHEN (OLD.language IS DISTINCT FROM NEW.language) EXECUTE FUNCTION search_site_language();

-- the search's facts (015) read each article's language from the index too
DROP INDEX article_search_facts;
CREATE INDEX article_search_facts ON article (id)
  INCLUDE (site_id, published_at, section_id, congress_id, trial_id, audience, lang)
  WHERE status IN ('published', 'scheduled') AND published_at IS NOT NULL;

-- English stems are as they were: only the articles in another language are indexed again
SELECT search_index(ARRAY(SELECT a.id FROM article a JOIN site s ON s.id = a.site_id
  WHERE CASE a.lang WHEN '' THEN s.language ELSE a.lang END <> 'en'));
