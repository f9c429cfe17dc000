-- 006 (PostgreSQL): search, as migrations/006_search.sql but over tsvector and a GIN index instead of FTS5.
-- Each article has a row in article_search_index: a tsvector per column (title, summary, body, faculty,
-- trial, references, topics) for ranking by column, meta (every column but the body) and doc (meta and the
-- body) for matching, and words (the public words unstemmed) for "did you mean". body_level is the audience
-- of the body (0 public to 3 verified_hcp): a reader below it is matched against meta, so a body above their
-- level never shapes what they find. Words are cut as FTS5's unicode61 cuts them (every ASCII character that
-- is not a letter or digit, and Unicode punctuation and symbols, separate words), accents are removed
-- (unaccent, when the server has it) and words are stemmed by Snowball's English (Porter 2), with no stop
-- words. Parts are joined with a filler word ('-', never a query's word) between them, so that a phrase never
-- runs from one column into the next. Triggers keep the rows exact on every change that SQLite's FTS
-- triggers follow; visibility and audience are checked when searching.

DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS unaccent;
EXCEPTION WHEN others THEN
  RAISE NOTICE 'the unaccent extension is not available: search keeps accents';
END $$;

CREATE TEXT SEARCH DICTIONARY plenary_stem (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION plenary (PARSER = pg_catalog.default);
CREATE TEXT SEARCH CONFIGURATION plenary_words (PARSER = pg_catalog.default);
DO $$
DECLARE
  accents text := CASE WHEN EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'unaccent') THEN 'unaccent, '
    ELSE '' END;
  kinds text := 'asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, '
    'hword_numpart, int, uint, float, sfloat, version';
BEGIN
  EXECUTE 'ALTER TEXT SEARCH CONFIGURATION plenary ADD MAPPING FOR ' || kinds || ' WITH ' || accents ||
    'plenary_stem';
  EXECUTE 'ALTER TEXT SEARCH CONFIGURATION plenary_words ADD MAPPING FOR ' || kinds || ' WITH ' || accents ||
    'simple';
END $$;

-- text with every separator made a space: what the parser then reads as words
CREATE FUNCTION search_text(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(t, '[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\u0080-\u00bf\u00d7\u00f7\u2000-\u206f'
    '\u2190-\u2bff\u3000-\u303f\U0001f000-\U0001faff]+', ' ', 'g')
$$;

CREATE FUNCTION search_vector(t text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('plenary', search_text(t))
$$;

-- the words of a vector with the filler word between parts
CREATE FUNCTION search_join(parts tsvector[]) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  joined tsvector := '';
  part tsvector;
BEGIN
  FOREACH part IN ARRAY parts LOOP
    IF length(part) > 0 THEN
      IF length(joined) > 0 THEN
        joined := joined || '-:1'::tsvector;
      END IF;
      joined := joined || part;
    END IF;
  END LOOP;
  RETURN joined;
END;
$$;

-- how many words a vector holds but the filler (each lexeme's positions; at most 256 a lexeme)
CREATE FUNCTION search_size(v tsvector) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT COALESCE(sum(cardinality(positions)) FILTER (WHERE lexeme <> '-'), 0)::integer FROM unnest(v)
$$;

-- what FTS5's article_search holds in SQLite, column for column (the body in the column of its audience)
CREATE VIEW article_search_doc AS
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
  a.body AS any_body, a.ctid AS source
FROM article a;

-- SQLite's article_search, as the tests read it (rowid and the text columns)
CREATE VIEW article_search AS
SELECT id AS rowid, title, summary, body, body_members, body_hcp, body_verified, people, trial, refs, topics
FROM article_search_doc;

CREATE TABLE article_search_index (
  article_id bigint PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
  source tid NOT NULL,
  body_level smallint NOT NULL,
  size integer NOT NULL,
  title tsvector NOT NULL,
  summary tsvector NOT NULL,
  body tsvector NOT NULL,
  people tsvector NOT NULL,
  trial tsvector NOT NULL,
  refs tsvector NOT NULL,
  topics tsvector NOT NULL,
  meta tsvector NOT NULL,
  doc tsvector NOT NULL,
  words tsvector NOT NULL
);
CREATE INDEX article_search_match ON article_search_index USING gin (doc);

-- (re)writes the rows of the given articles (PL/pgSQL with a generic plan: the statement is planned once a
-- connection, not at every call)
CREATE FUNCTION search_index(ids bigint[]) RETURNS void
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
END;
$$;

-- an article's row changes whenever something it shows changes (search_stamp counts the changes of the rows
-- linked to it): one trigger then rewrites its index row. The rewrite waits for the transaction's commit (a
-- deferred trigger), and is made once however often the article changed in it: the index row keeps the
-- version of the article row it was made from (source, its ctid), and a trigger finding it current skips.
-- Code that reads the index in the transaction that changed it runs SET CONSTRAINTS search_article_insert,
-- search_article_update IMMEDIATE first (store_related_refresh does).
ALTER TABLE article ADD COLUMN search_stamp bigint NOT NULL DEFAULT 0;

CREATE FUNCTION search_article_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM article_search_index x JOIN article a ON a.id = x.article_id
                 WHERE x.article_id = NEW.id AND x.source = a.ctid) THEN
    PERFORM search_index(ARRAY[NEW.id]);
  END IF;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER search_article_insert AFTER INSERT ON article
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_article_row();
CREATE CONSTRAINT TRIGGER search_article_update AFTER UPDATE ON article
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.summary IS DISTINCT FROM NEW.summary OR
    OLD.body IS DISTINCT FROM NEW.body OR OLD.audience IS DISTINCT FROM NEW.audience OR
    OLD.section_id IS DISTINCT FROM NEW.section_id OR OLD.congress_id IS DISTINCT FROM NEW.congress_id OR
    OLD.trial_id IS DISTINCT FROM NEW.trial_id OR OLD.search_stamp IS DISTINCT FROM NEW.search_stamp)
  EXECUTE FUNCTION search_article_row();
-- (a deleted article's row goes by the foreign key's cascade)

-- rows linked to articles, added or removed (once per statement, for every article it touched)
CREATE FUNCTION search_touch_added() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id IN (SELECT article_id FROM added);
  RETURN NULL;
END;
$$;
CREATE FUNCTION search_touch_removed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE id IN (SELECT article_id FROM removed);
  RETURN NULL;
END;
$$;
CREATE FUNCTION search_touch_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE article SET search_stamp = search_stamp + 1
    WHERE id IN (SELECT article_id FROM removed UNION SELECT article_id FROM added);
  RETURN NULL;
END;
$$;

CREATE TRIGGER search_person_link AFTER INSERT ON article_person
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION search_touch_added();
CREATE TRIGGER search_person_unlink AFTER DELETE ON article_person
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION search_touch_removed();
CREATE TRIGGER search_reference_add AFTER INSERT ON reference
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION search_touch_added();
CREATE TRIGGER search_reference_remove AFTER DELETE ON reference
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION search_touch_removed();
CREATE TRIGGER search_reference_change AFTER UPDATE ON reference
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT
  EXECUTE FUNCTION search_touch_changed();
CREATE TRIGGER search_tag_link AFTER INSERT ON article_tag
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION search_touch_added();
CREATE TRIGGER search_tag_unlink AFTER DELETE ON article_tag
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION search_touch_removed();

-- records an article shows, renamed
CREATE FUNCTION search_person_renamed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE article SET search_stamp = search_stamp + 1
    WHERE id IN (SELECT article_id FROM article_person WHERE person_id = NEW.id);
  RETURN NULL;
END;
$$;
CREATE FUNCTION search_trial_renamed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE trial_id = NEW.id;
  RETURN NULL;
END;
$$;
CREATE FUNCTION search_tag_renamed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE article SET search_stamp = search_stamp + 1
    WHERE id IN (SELECT article_id FROM article_tag WHERE tag_id = NEW.id);
  RETURN NULL;
END;
$$;
CREATE FUNCTION search_section_renamed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE section_id = NEW.id;
  RETURN NULL;
END;
$$;
CREATE FUNCTION search_congress_renamed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE article SET search_stamp = search_stamp + 1 WHERE congress_id = NEW.id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER search_person_rename AFTER UPDATE OF name ON person
  FOR EACH ROW EXECUTE FUNCTION search_person_renamed();
CREATE TRIGGER search_trial_rename AFTER UPDATE OF name, aliases, registry_id ON trial
  FOR EACH ROW EXECUTE FUNCTION search_trial_renamed();
CREATE TRIGGER search_tag_rename AFTER UPDATE OF name ON tag
  FOR EACH ROW EXECUTE FUNCTION search_tag_renamed();
CREATE TRIGGER search_section_rename AFTER UPDATE OF name ON section
  FOR EACH ROW EXECUTE FUNCTION search_section_renamed();
CREATE TRIGGER search_congress_rename AFTER UPDATE OF name ON congress
  FOR EACH ROW EXECUTE FUNCTION search_congress_renamed();

SELECT search_index(ARRAY(SELECT id FROM article));
