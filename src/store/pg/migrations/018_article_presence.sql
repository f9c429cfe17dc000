-- 018: who has which article open in the editor (see the SQLite migration 018).

CREATE TABLE article_presence (
  article_id bigint NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  user_id bigint NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
  seen_at bigint NOT NULL,
  PRIMARY KEY (article_id, user_id)
);
CREATE INDEX article_presence_by_time ON article_presence (seen_at);
