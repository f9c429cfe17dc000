-- 003: the editorial back office: who wrote an article, a revision counter for conflict detection,
-- richer revisions, and an audit log of who did what, when.

ALTER TABLE article ADD COLUMN author_id INTEGER REFERENCES user(id) ON DELETE SET NULL;
ALTER TABLE article ADD COLUMN revision_no INTEGER NOT NULL DEFAULT 1;

ALTER TABLE revision ADD COLUMN author_id INTEGER REFERENCES user(id) ON DELETE SET NULL;
ALTER TABLE revision ADD COLUMN status TEXT NOT NULL DEFAULT '';
ALTER TABLE revision ADD COLUMN audience TEXT NOT NULL DEFAULT '';
ALTER TABLE revision ADD COLUMN published_at INTEGER;
ALTER TABLE revision ADD COLUMN revision_no INTEGER NOT NULL DEFAULT 1;

CREATE INDEX article_scheduled ON article (status, published_at) WHERE status = 'scheduled';

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
  user_email TEXT NOT NULL DEFAULT '',   -- kept when the account is gone
  action TEXT NOT NULL,                  -- 'article.create', 'article.update', 'article.publish', ...
  target TEXT NOT NULL DEFAULT '',       -- 'article:42'
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_time ON audit_log (at DESC);
