-- 017 (PostgreSQL): the front page an editor curates, as migrations/017_front_page.sql: the highlighted
-- congress (NULL: chosen automatically, see src/site/home.c) and the featured and pinned articles in their
-- order. Changes are logged as structure (migration 009), so every node drops its cached home page.
CREATE TABLE front_page (
  site_id bigint PRIMARY KEY REFERENCES site(id) ON DELETE CASCADE,
  congress_id bigint REFERENCES congress(id) ON DELETE SET NULL,
  updated_at bigint NOT NULL
);

CREATE TABLE front_article (
  site_id bigint NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  article_id bigint NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  place text NOT NULL CHECK (place IN ('featured', 'pinned')),
  position bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, article_id)
);
CREATE INDEX front_article_by_place ON front_article (site_id, place, position);
CREATE INDEX front_article_by_article ON front_article (article_id);

CREATE TRIGGER change_front_page AFTER INSERT OR UPDATE OR DELETE ON front_page
  FOR EACH ROW EXECUTE FUNCTION change_structure_row();
CREATE TRIGGER change_front_article AFTER INSERT OR UPDATE OR DELETE ON front_article
  FOR EACH ROW EXECUTE FUNCTION change_structure_row();
