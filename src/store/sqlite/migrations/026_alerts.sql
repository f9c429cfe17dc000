-- 026: alerts and weekly digests. An alert batch covers a site's articles that became visible since the
-- last one (alert_article: one row per article, so each is alerted once, whatever edits follow); a digest
-- run is one site's digest of one week (yyyy-ww), written once, so a restart never makes a second.
-- Articles visible when this migration runs count as covered: an upgrade alerts nothing old.
CREATE TABLE alert_batch (
  id INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: its id is in the queue's dedupe keys
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  articles INTEGER NOT NULL DEFAULT 0,
  mails INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE alert_article (
  article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
  batch_id INTEGER REFERENCES alert_batch(id) ON DELETE CASCADE,
  batched_at INTEGER NOT NULL
);
CREATE INDEX alert_article_by_batch ON alert_article (batch_id);

INSERT INTO alert_article (article_id, batch_id, batched_at)
  SELECT id, NULL, CAST(strftime('%s', 'now') AS INTEGER) FROM article
  WHERE status IN ('published', 'scheduled') AND published_at <= CAST(strftime('%s', 'now') AS INTEGER);

CREATE TABLE digest_run (
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  week TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  mails INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, week)
);
