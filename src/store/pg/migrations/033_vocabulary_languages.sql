-- 033 (PostgreSQL): "did you mean" per language (issue 20), as migrations/033_vocabulary_languages.sql:
-- search_term counts each word's documents per language (the article's lang, its site's language when it has
-- none); store_search_upkeep rebuilds it, the version moving so that it is stale now.
DROP TABLE search_term;
CREATE TABLE search_term (
  term text COLLATE "C" NOT NULL,
  lang text NOT NULL,
  docs bigint NOT NULL,
  PRIMARY KEY (term, lang)
);
UPDATE content_version SET version = version + 1 WHERE id = 1;
