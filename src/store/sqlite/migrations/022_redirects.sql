-- 022: each site's redirects: an old address (a path, with its query for WordPress's plain links such as
-- /?p=12) that answers 301 to where the content lives now. Made by the import, by a changed slug or path,
-- or by an editor. An edit is a change of the structure (009), so every node drops its cached pages.
CREATE TABLE redirect (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  from_path TEXT NOT NULL,
  to_path TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('import', 'slug', 'editor')),
  created_by INTEGER REFERENCES user(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL DEFAULT (unixepoch()),
  updated_at INTEGER NOT NULL DEFAULT (unixepoch()),
  UNIQUE (site_id, from_path)
);
-- the chain rule finds the redirects that lead to an address
CREATE INDEX redirect_by_target ON redirect (site_id, to_path);

CREATE TRIGGER change_redirect_insert AFTER INSERT ON redirect BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_redirect_update AFTER UPDATE ON redirect BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_redirect_delete AFTER DELETE ON redirect BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
