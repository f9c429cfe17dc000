-- 024: readers' subscriptions to a site's sections, congresses, trials and topics (tags): a subscriber is an
-- address on a site (its ASCII letters lowered by the store), confirmed or not, maybe an account's; each
-- subscription names its target in the one column of its kind, so deleting the target deletes it.
CREATE TABLE subscriber (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  user_id INTEGER REFERENCES user(id) ON DELETE CASCADE,
  confirmed_at INTEGER,
  created_at INTEGER NOT NULL,
  UNIQUE (site_id, email)
);
CREATE INDEX subscriber_by_user ON subscriber (user_id);

CREATE TABLE subscription (
  id INTEGER PRIMARY KEY,
  subscriber_id INTEGER NOT NULL REFERENCES subscriber(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('section', 'congress', 'trial', 'topic')),
  section_id INTEGER REFERENCES section(id) ON DELETE CASCADE,
  congress_id INTEGER REFERENCES congress(id) ON DELETE CASCADE,
  trial_id INTEGER REFERENCES trial(id) ON DELETE CASCADE,
  tag_id INTEGER REFERENCES tag(id) ON DELETE CASCADE,
  cadence TEXT NOT NULL CHECK (cadence IN ('immediate', 'weekly')),
  created_at INTEGER NOT NULL,
  CHECK ((kind = 'section') = (section_id IS NOT NULL) AND (kind = 'congress') = (congress_id IS NOT NULL)
    AND (kind = 'trial') = (trial_id IS NOT NULL) AND (kind = 'topic') = (tag_id IS NOT NULL)),
  UNIQUE (subscriber_id, section_id),
  UNIQUE (subscriber_id, congress_id),
  UNIQUE (subscriber_id, trial_id),
  UNIQUE (subscriber_id, tag_id)
);
CREATE INDEX subscription_by_section ON subscription (section_id);
CREATE INDEX subscription_by_congress ON subscription (congress_id);
CREATE INDEX subscription_by_trial ON subscription (trial_id);
CREATE INDEX subscription_by_tag ON subscription (tag_id);
