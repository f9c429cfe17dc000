-- 027: the editors' newsletters: a subject, an introduction in Markdown and up to 30 articles in order; a
-- draft is scheduled for a time, then sent once (state sending then sent in one transaction) to the site's
-- confirmed subscribers, each recorded in newsletter_recipient so the list can count who unsubscribed since.
CREATE TABLE newsletter (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  subject TEXT NOT NULL,
  intro TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'scheduled', 'sending', 'sent')),
  send_at INTEGER,
  created_by INTEGER REFERENCES user(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  sent_at INTEGER,
  recipients INTEGER NOT NULL DEFAULT 0,
  CHECK (state <> 'scheduled' OR send_at IS NOT NULL)
);
CREATE INDEX newsletter_by_site ON newsletter (site_id, id);
CREATE INDEX newsletter_due ON newsletter (send_at) WHERE state = 'scheduled';

CREATE TABLE newsletter_article (
  newsletter_id INTEGER NOT NULL REFERENCES newsletter(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (newsletter_id, article_id)
);
CREATE INDEX newsletter_article_by_article ON newsletter_article (article_id);

CREATE TABLE newsletter_recipient (
  newsletter_id INTEGER NOT NULL REFERENCES newsletter(id) ON DELETE CASCADE,
  subscriber_id INTEGER NOT NULL,
  email TEXT NOT NULL,
  PRIMARY KEY (newsletter_id, subscriber_id)
);
