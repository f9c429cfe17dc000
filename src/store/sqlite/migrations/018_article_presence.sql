-- 018: who has which article open in the editor: one row per article and person, its time refreshed while
-- the form stays open; a row older than a few minutes means the editor was closed.

CREATE TABLE article_presence (
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
  seen_at INTEGER NOT NULL,
  PRIMARY KEY (article_id, user_id)
);
CREATE INDEX article_presence_by_time ON article_presence (seen_at);
