-- 030: languages (issue 20). A site has a default language and may offer others (space-separated codes, the
-- default not among them); its pages in another language sit under /LANG/. An article is in one language
-- ('' = its site's default) and may be a translation of another: family_id names the family's original (NULL
-- for an original), so the switcher and hreflang list the family's members. An account and an email-only
-- subscriber have a language for their mail ('' = the site's default). Sections, congresses, topics, pages
-- and menu entries keep their names in the site's default language; name_translation holds the others,
-- one row per item, language and field. A change to a translation is a change of the structure.
ALTER TABLE site ADD COLUMN language TEXT NOT NULL DEFAULT 'en'
  CHECK (length(language) BETWEEN 2 AND 3 AND language NOT GLOB '*[^a-z]*');
ALTER TABLE site ADD COLUMN languages TEXT NOT NULL DEFAULT '';
ALTER TABLE article ADD COLUMN lang TEXT NOT NULL DEFAULT ''
  CHECK (lang = '' OR (length(lang) BETWEEN 2 AND 3 AND lang NOT GLOB '*[^a-z]*'));
ALTER TABLE article ADD COLUMN family_id INTEGER REFERENCES article(id) ON DELETE SET NULL;
CREATE INDEX article_by_family ON article (family_id) WHERE family_id IS NOT NULL;
ALTER TABLE user ADD COLUMN language TEXT NOT NULL DEFAULT '';
ALTER TABLE subscriber ADD COLUMN language TEXT NOT NULL DEFAULT '';

CREATE TABLE name_translation (
  kind TEXT NOT NULL CHECK (kind IN ('section', 'congress', 'tag', 'page', 'menu_item', 'site')),
  item_id INTEGER NOT NULL,
  lang TEXT NOT NULL CHECK (length(lang) BETWEEN 2 AND 3 AND lang NOT GLOB '*[^a-z]*'),
  field TEXT NOT NULL CHECK (field IN ('name', 'title', 'description', 'body', 'tagline', 'label')),
  text TEXT NOT NULL,
  PRIMARY KEY (kind, item_id, lang, field)
);
CREATE TRIGGER change_name_translation_insert AFTER INSERT ON name_translation BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_name_translation_update AFTER UPDATE ON name_translation BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
CREATE TRIGGER change_name_translation_delete AFTER DELETE ON name_translation BEGIN
  INSERT INTO change_log (at, kind) VALUES (unixepoch(), 'structure');
END;
