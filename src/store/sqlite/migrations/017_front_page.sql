-- 017: the front page an editor curates: the highlighted congress (NULL: chosen automatically, see
-- src/site/home.c) and the featured and pinned articles in their order. Changes are logged as structure
-- (migration 009), so every node drops its cached home page.
CREATE TABLE front_page (
  site_id INTEGER PRIMARY KEY REFERENCES site(id) ON DELETE CASCADE,
  congress_id INTEGER REFERENCES congress(id) ON DELETE SET NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE front_article (
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  place TEXT NOT NULL CHECK (place IN ('featured', 'pinned')),
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, article_id)
);
CREATE INDEX front_article_by_place ON front_article (site_id, place, position);
CREATE INDEX front_article_by_article ON front_article (article_id);

CREATE TRIGGER change_front_page_insert AFTER INSERT ON front_page BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_front_page_update AFTER UPDATE ON front_page BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_front_page_delete AFTER DELETE ON front_page BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_front_article_insert AFTER INSERT ON front_article BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_front_article_update AFTER UPDATE ON front_article BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_front_article_delete AFTER DELETE ON front_article BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
