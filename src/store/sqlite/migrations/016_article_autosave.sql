-- 016: the editor's form, autosaved on the server while someone types, so a crash or a closed tab loses at
-- most a few seconds: one row per person, site and article (0: a new article not saved yet), the form as it
-- was posted (application/x-www-form-urlencoded), dropped by a real save or a discard.

CREATE TABLE article_autosave (
  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL,          -- 0: a new article
  fields TEXT NOT NULL,
  saved_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, site_id, article_id)
) WITHOUT ROWID;
