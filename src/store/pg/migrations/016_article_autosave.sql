-- 016: the editor's form, autosaved on the server (see the SQLite migration 016): one row per person, site and
-- article (0: a new article), the form as posted, dropped by a real save or a discard.

CREATE TABLE article_autosave (
  user_id bigint NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
  site_id bigint NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  article_id bigint NOT NULL,
  fields text NOT NULL,
  saved_at bigint NOT NULL,
  PRIMARY KEY (user_id, site_id, article_id)
);
