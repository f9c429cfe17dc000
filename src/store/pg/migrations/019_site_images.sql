-- 019 (PostgreSQL): each site's logo and favicon from its media library, as migrations/019_site_images.sql.
ALTER TABLE site ADD COLUMN logo_id bigint REFERENCES media(id) ON DELETE SET NULL;
ALTER TABLE site ADD COLUMN favicon_id bigint REFERENCES media(id) ON DELETE SET NULL;
