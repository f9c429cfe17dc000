-- 030 (PostgreSQL): languages, as migrations/030_languages.sql: a site's default and offered languages, an
-- article's language and family (family_id: the original it translates), an account's and a subscriber's
-- language for mail, and the translated names of sections, congresses, topics, pages and menu entries.
ALTER TABLE site ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language ~ '^[a-z]{2,3}$');
ALTER TABLE site ADD COLUMN languages text NOT NULL DEFAULT '';
ALTER TABLE article ADD COLUMN lang text NOT NULL DEFAULT '' CHECK (lang = '' OR lang ~ '^[a-z]{2,3}$');
ALTER TABLE article ADD COLUMN family_id bigint REFERENCES article(id) ON DELETE SET NULL;
CREATE INDEX article_by_family ON article (family_id) WHERE family_id IS NOT NULL;
ALTER TABLE "user" ADD COLUMN language text NOT NULL DEFAULT '';
ALTER TABLE subscriber ADD COLUMN language text NOT NULL DEFAULT '';

CREATE TABLE name_translation (
  kind text NOT NULL CHECK (kind IN ('section', 'congress', 'tag', 'page', 'menu_item', 'site')),
  item_id bigint NOT NULL,
  lang text NOT NULL CHECK (lang ~ '^[a-z]{2,3}$'),
  field text NOT NULL CHECK (field IN ('name', 'title', 'description', 'body', 'tagline', 'label')),
  text text NOT NULL,
  PRIMARY KEY (kind, item_id, lang, field)
);
CREATE TRIGGER change_name_translation AFTER INSERT OR UPDATE OR DELETE ON name_translation
  FOR EACH ROW EXECUTE FUNCTION change_structure_row();
