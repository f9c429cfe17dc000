-- 025: the durable mail queue, one row per message and recipient, which the sender thread claims, sends and
-- marks one at a time (a crash loses nothing); and the addresses no mail goes to any more (a bounce, a
-- permanent refusal, an administrator's hand), their ASCII letters lowered by the store.
CREATE TABLE mail_queue (
  id INTEGER PRIMARY KEY,
  site_id INTEGER REFERENCES site(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  dedupe TEXT UNIQUE,
  to_addr TEXT NOT NULL,
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT,
  unsubscribe_url TEXT,
  campaign_id INTEGER,
  state TEXT NOT NULL DEFAULT 'queued'
    CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'suppressed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  not_before INTEGER NOT NULL,
  claimed_by TEXT, -- the node (host and listen address) that claimed it: a restart takes back its own
  claimed_at INTEGER,
  sent_at INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL
);
-- the sender's claim (state 'queued', due first) and its restart ('sending')
CREATE INDEX mail_queue_due ON mail_queue (state, not_before, id);
CREATE INDEX mail_queue_by_campaign ON mail_queue (campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX mail_queue_by_to ON mail_queue (lower(to_addr));

CREATE TABLE mail_suppression (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  reason TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL CHECK (source IN ('bounce', 'smtp', 'admin')),
  created_at INTEGER NOT NULL
);
