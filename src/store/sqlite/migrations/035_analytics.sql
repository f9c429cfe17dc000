-- 035: first-party counting (issue 21). One row per UTC day and dimensions, its count n written by upsert
-- in batches (src/jobs/count_writer.c). event: view, read, play, feed, mail. article_id 0: a page that is no
-- article; -1: counted while a worker's table was full (the site's total is right, the article unknown).
-- referrer: the other site's host, lowercased, on views only ('' for ours and our sisters'). profession,
-- specialty, country: a signed-in reader's profile ('' for anonymous readers). No address, no user agent.
CREATE TABLE analytics_count (
  day TEXT NOT NULL,
  site_id INTEGER NOT NULL,
  article_id INTEGER NOT NULL,
  event TEXT NOT NULL,
  referrer TEXT NOT NULL,
  profession TEXT NOT NULL,
  specialty TEXT NOT NULL,
  country TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (day, site_id, article_id, event, referrer, profession, specialty, country)
) WITHOUT ROWID;
CREATE INDEX analytics_count_site_day ON analytics_count (site_id, day);
