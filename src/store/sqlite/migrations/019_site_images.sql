-- 019: each site's logo (in the header) and favicon (<link rel="icon">), chosen from its own media library.
-- Deleting the image leaves the site without one rather than pointing at files that are gone.
ALTER TABLE site ADD COLUMN logo_id INTEGER REFERENCES media(id) ON DELETE SET NULL;
ALTER TABLE site ADD COLUMN favicon_id INTEGER REFERENCES media(id) ON DELETE SET NULL;
