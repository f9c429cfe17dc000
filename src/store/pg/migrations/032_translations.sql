-- 032 (PostgreSQL): article translations, as migrations/032_translations.sql: the original's revision a
-- translation follows, one member per language in a family, a change to a translation logged for its
-- original too, and lang and family_id in the index lists are read from.
ALTER TABLE article ADD COLUMN source_revision bigint;
CREATE UNIQUE INDEX article_family_lang ON article ((coalesce(family_id, id)), lang);
DROP INDEX article_list;
CREATE INDEX article_list ON article (site_id, published_at DESC, id DESC, status, section_id, congress_id,
  trial_id, lang, family_id);
-- a congress's (and a trial's) count is of families: read from the index alone as before
DROP INDEX article_congress_visible;
CREATE INDEX article_congress_visible ON article (congress_id, status, published_at, family_id);

CREATE FUNCTION change_article_family_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.family_id IS NOT NULL THEN
    PERFORM change_log_add('article', OLD.family_id);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.family_id IS NOT NULL
     AND (TG_OP = 'INSERT' OR NEW.family_id IS DISTINCT FROM OLD.family_id) THEN
    PERFORM change_log_add('article', NEW.family_id);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER change_article_family AFTER INSERT OR UPDATE OR DELETE ON article
  FOR EACH ROW EXECUTE FUNCTION change_article_family_row();
