-- 010 (PostgreSQL): lists of articles read in date order from one index, as migrations/010_article_list.sql:
-- the site's articles newest first, with what a list filters by; and a congress's visible articles counted
-- from an index.
CREATE INDEX article_list ON article (site_id, published_at DESC, id DESC, status, section_id, congress_id,
  trial_id);
CREATE INDEX article_congress_visible ON article (congress_id, status, published_at);
