-- 035 (PostgreSQL): first-party counting (issue 21), as migrations/035_analytics.sql: one row per UTC day
-- and dimensions, n written by upsert in batches; article_id 0 a page that is no article, -1 counted while a
-- worker's table was full. No address, no user agent.
CREATE TABLE analytics_count (
  day text NOT NULL,
  site_id bigint NOT NULL,
  article_id bigint NOT NULL,
  event text NOT NULL,
  referrer text NOT NULL,
  profession text NOT NULL,
  specialty text NOT NULL,
  country text NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (day, site_id, article_id, event, referrer, profession, specialty, country)
);
CREATE INDEX analytics_count_site_day ON analytics_count (site_id, day);
