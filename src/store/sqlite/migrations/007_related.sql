-- 007: related articles, computed when an article is saved (and for its strongest neighbours), not per
-- request. Rows are kept whatever the status; visibility and audience are checked when reading.
CREATE TABLE article_related (
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  related_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  score REAL NOT NULL,
  PRIMARY KEY (article_id, related_id)
) WITHOUT ROWID;
CREATE INDEX article_related_by_related ON article_related (related_id);
