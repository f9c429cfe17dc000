-- 008: what makes search fast on large sites. content_version counts every change to articles and their
-- topics (triggers), so each connection knows when its in-memory facts about articles are stale, and
-- epoch changes when the whole database is replaced (a restore), so a running server drops everything.
-- article_facts covers the columns a search filters and counts by, read without touching the bodies.
-- search_term is the public vocabulary with document counts for "did you mean", refreshed in the
-- background from search_vocab (which walks every document list when read).
CREATE TABLE content_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL,
  epoch INTEGER NOT NULL,
  terms_version INTEGER NOT NULL DEFAULT -1
);
INSERT INTO content_version (id, version, epoch) VALUES (1, 0, 0);

CREATE INDEX article_facts ON article (id, site_id, status, published_at, section_id, congress_id, trial_id);

CREATE TRIGGER content_article_insert AFTER INSERT ON article BEGIN
  UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER content_article_update AFTER UPDATE ON article BEGIN
  UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER content_article_delete AFTER DELETE ON article BEGIN
  UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER content_tag_link AFTER INSERT ON article_tag BEGIN
  UPDATE content_version SET version = version + 1;
END;
CREATE TRIGGER content_tag_unlink AFTER DELETE ON article_tag BEGIN
  UPDATE content_version SET version = version + 1;
END;

CREATE TABLE search_term (
  term TEXT PRIMARY KEY,
  docs INTEGER NOT NULL
) WITHOUT ROWID;
