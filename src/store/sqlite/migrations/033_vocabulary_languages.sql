-- 033: "did you mean" per language (issue 20). search_term, the kept vocabulary, counts each word's documents
-- per language (the article's lang, its site's language when it has none), so a reader is offered a word of
-- the page's language before one of another. search_vocab_instance reads search_words' words with their
-- documents, which the upkeep and the live vocabulary join to the articles' languages. The kept vocabulary is
-- rebuilt by store_search_upkeep: the version moves so that it is stale now.
DROP TABLE search_term;
CREATE TABLE search_term (
  term TEXT NOT NULL,
  lang TEXT NOT NULL,
  docs INTEGER NOT NULL,
  PRIMARY KEY (term, lang)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE search_vocab_instance USING fts5vocab(search_words, 'instance');
UPDATE content_version SET version = version + 1;
