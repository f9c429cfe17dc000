-- 009: a log of changes, so that several processes serving one database (nodes) drop the same cached
-- pages. Triggers write a row for every change to an article or to what pages show around articles (the
-- structure); each node's scheduler reads the rows other nodes wrote (it knows its own by the update hook)
-- and drops what they name, within a tick. Rows older than an hour are pruned.
CREATE TABLE change_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('article', 'structure')),
  article_id INTEGER NOT NULL DEFAULT 0
);

CREATE TRIGGER change_article_insert AFTER INSERT ON article BEGIN
  INSERT INTO change_log (at, kind, article_id) VALUES (unixepoch(), 'article', NEW.id);
END;
CREATE TRIGGER change_article_update AFTER UPDATE ON article BEGIN
  INSERT INTO change_log (at, kind, article_id) VALUES (unixepoch(), 'article', NEW.id);
END;
CREATE TRIGGER change_article_delete AFTER DELETE ON article BEGIN
  INSERT INTO change_log (at, kind, article_id) VALUES (unixepoch(), 'article', OLD.id);
END;
CREATE TRIGGER change_article_sponsor_add AFTER INSERT ON article_sponsor BEGIN
  INSERT INTO change_log (at, kind, article_id) VALUES (unixepoch(), 'article', NEW.article_id);
END;
CREATE TRIGGER change_article_sponsor_remove AFTER DELETE ON article_sponsor BEGIN
  INSERT INTO change_log (at, kind, article_id) VALUES (unixepoch(), 'article', OLD.article_id);
END;
CREATE TRIGGER change_site_insert AFTER INSERT ON site BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_site_update AFTER UPDATE ON site BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_site_delete AFTER DELETE ON site BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_menu_item_insert AFTER INSERT ON menu_item BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_menu_item_update AFTER UPDATE ON menu_item BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_menu_item_delete AFTER DELETE ON menu_item BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_section_insert AFTER INSERT ON section BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_section_update AFTER UPDATE ON section BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_section_delete AFTER DELETE ON section BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_tag_insert AFTER INSERT ON tag BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_tag_update AFTER UPDATE ON tag BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_tag_delete AFTER DELETE ON tag BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_person_insert AFTER INSERT ON person BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_person_update AFTER UPDATE ON person BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_person_delete AFTER DELETE ON person BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_congress_insert AFTER INSERT ON congress BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_congress_update AFTER UPDATE ON congress BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_congress_delete AFTER DELETE ON congress BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_trial_insert AFTER INSERT ON trial BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_trial_update AFTER UPDATE ON trial BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_trial_delete AFTER DELETE ON trial BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_sponsor_insert AFTER INSERT ON sponsor BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_sponsor_update AFTER UPDATE ON sponsor BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_sponsor_delete AFTER DELETE ON sponsor BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_page_insert AFTER INSERT ON page BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_page_update AFTER UPDATE ON page BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_page_delete AFTER DELETE ON page BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_media_insert AFTER INSERT ON media BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_media_update AFTER UPDATE ON media BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_media_delete AFTER DELETE ON media BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
