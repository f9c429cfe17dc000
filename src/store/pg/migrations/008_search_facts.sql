-- 008 (PostgreSQL): as migrations/008_search_facts.sql, what search keeps beside its index. content_version
-- changes with every transaction that changes articles or their topics (so "did you mean" knows when its
-- vocabulary is stale), and epoch changes when the whole database is replaced (a restore), so a running
-- server drops everything. The version moves once per transaction, at its commit (a deferred trigger that
-- skips the row once this transaction has written it): no lock is held while the transaction runs, and a
-- bulk load does not write the row once per article. search_term is the public vocabulary with document
-- counts for "did you mean", refreshed in the background from article_search_index's words (store_search_upkeep).
CREATE TABLE content_version (
  id integer PRIMARY KEY CHECK (id = 1),
  version bigint NOT NULL,
  epoch bigint NOT NULL,
  terms_version bigint NOT NULL DEFAULT -1
);
INSERT INTO content_version (id, version, epoch) VALUES (1, 0, 0);

CREATE FUNCTION content_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1 AND xmin <> pg_current_xact_id()::xid;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER content_article AFTER INSERT OR UPDATE OR DELETE ON article
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_changed();
CREATE CONSTRAINT TRIGGER content_article_tag AFTER INSERT OR DELETE ON article_tag
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_changed();

CREATE TABLE search_term (
  term text COLLATE "C" PRIMARY KEY,
  docs bigint NOT NULL
);
