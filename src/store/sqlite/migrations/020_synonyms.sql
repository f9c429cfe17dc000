-- 020: each site's synonym groups for search: terms a reader may type for one another (a brand and its
-- generic name, an abbreviation and its words), kept as one line of terms separated by commas. An edit is a
-- change of the structure (009), so every node drops its cached pages, search pages with them.
CREATE TABLE synonym_group (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  terms TEXT NOT NULL,
  created_at INTEGER NOT NULL DEFAULT (unixepoch()),
  updated_at INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX synonym_group_by_site ON synonym_group (site_id, id);

CREATE TRIGGER change_synonym_group_insert AFTER INSERT ON synonym_group BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_synonym_group_update AFTER UPDATE ON synonym_group BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_synonym_group_delete AFTER DELETE ON synonym_group BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
