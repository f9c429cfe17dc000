-- 001: the content model of DESIGN.md: sites, sections, congresses, people, trials, articles,
-- references, sponsors, tags, revisions, static pages, the menu, and contact messages.
-- Times are Unix seconds (UTC) in INTEGER columns; dates of congresses are ISO 'YYYY-MM-DD' text.

CREATE TABLE site (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,            -- 'oncology'
  name TEXT NOT NULL,                   -- 'Plenary Oncology'
  specialty TEXT NOT NULL,              -- 'Oncology'
  host TEXT NOT NULL UNIQUE,            -- host name without port: 'oncology.localhost'
  tagline TEXT NOT NULL DEFAULT '',
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE section (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  slug TEXT NOT NULL,                   -- 'breast-cancer'
  name TEXT NOT NULL,                   -- 'Breast Cancer'
  description TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  UNIQUE (site_id, slug)
);

CREATE TABLE congress (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  slug TEXT NOT NULL,                   -- 'sabcs-2023'
  name TEXT NOT NULL,                   -- 'SABCS 2023'
  full_name TEXT NOT NULL DEFAULT '',   -- 'San Antonio Breast Cancer Symposium 2023'
  year INTEGER NOT NULL,
  starts_on TEXT NOT NULL,              -- '2023-12-05'
  ends_on TEXT NOT NULL,                -- '2023-12-09'
  city TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '', -- Markdown
  UNIQUE (site_id, slug)
);

CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,                   -- 'Jane Doe'
  title TEXT NOT NULL DEFAULT '',       -- 'MD, PhD'
  affiliation TEXT NOT NULL DEFAULT '', -- 'Institut Gustave Roussy, Villejuif, France'
  bio TEXT NOT NULL DEFAULT '',
  photo TEXT NOT NULL DEFAULT ''        -- URL path of a portrait, or ''
);

CREATE TABLE trial (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  slug TEXT NOT NULL,
  name TEXT NOT NULL,                   -- 'ALEXANDRA/IMpassion030'
  aliases TEXT NOT NULL DEFAULT '',     -- comma-separated other names
  registry_id TEXT NOT NULL DEFAULT '', -- 'NCT03498716'
  phase TEXT NOT NULL DEFAULT '',       -- '3'
  setting TEXT NOT NULL DEFAULT '',     -- 'Adjuvant'
  population TEXT NOT NULL DEFAULT '',
  arms TEXT NOT NULL DEFAULT '',
  primary_endpoint TEXT NOT NULL DEFAULT '',
  results TEXT NOT NULL DEFAULT '',     -- key results, Markdown
  status TEXT NOT NULL DEFAULT '',      -- 'Completed', 'Active, not recruiting', ...
  UNIQUE (site_id, slug)
);

CREATE TABLE article (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  slug TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',     -- plain text, shown in lists and teasers
  body TEXT NOT NULL DEFAULT '',        -- Markdown
  kind TEXT NOT NULL DEFAULT 'interview' CHECK (kind IN ('interview', 'report', 'news')),
  section_id INTEGER NOT NULL REFERENCES section(id),
  congress_id INTEGER REFERENCES congress(id),
  trial_id INTEGER REFERENCES trial(id),
  status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'review', 'scheduled', 'published', 'archived')),
  audience TEXT NOT NULL DEFAULT 'public'
    CHECK (audience IN ('public', 'members', 'hcp', 'verified_hcp')),
  video_url TEXT NOT NULL DEFAULT '',
  image TEXT NOT NULL DEFAULT '',       -- URL path of the featured image, or ''
  image_alt TEXT NOT NULL DEFAULT '',
  published_at INTEGER,                 -- Unix seconds; visible when status='published' and <= now
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (site_id, slug)
);
CREATE INDEX article_by_date ON article (site_id, status, published_at DESC);
CREATE INDEX article_by_section ON article (section_id, published_at DESC);
CREATE INDEX article_by_congress ON article (congress_id, published_at DESC);
CREATE INDEX article_by_trial ON article (trial_id, published_at DESC);

CREATE TABLE article_person (
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES person(id),
  role TEXT NOT NULL CHECK (role IN ('interviewer', 'speaker', 'author')),
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (article_id, person_id, role)
);
CREATE INDEX article_person_by_person ON article_person (person_id);

CREATE TABLE reference (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  citation TEXT NOT NULL,               -- 'Ignatiadis M, et al. SABCS 2023.'
  abstract_no TEXT NOT NULL DEFAULT '', -- 'GS01-02'
  url TEXT NOT NULL DEFAULT ''          -- DOI or https:// link
);
CREATE INDEX reference_by_article ON reference (article_id, position);

CREATE TABLE sponsor (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  logo TEXT NOT NULL DEFAULT '',        -- URL path of a logo image, or ''
  disclosure TEXT NOT NULL DEFAULT '',  -- shown wherever the sponsorship is shown
  UNIQUE (site_id, slug)
);

CREATE TABLE article_sponsor (
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  sponsor_id INTEGER NOT NULL REFERENCES sponsor(id),
  PRIMARY KEY (article_id, sponsor_id)
);

CREATE TABLE tag (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (site_id, slug)
);

CREATE TABLE article_tag (
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tag_by_tag ON article_tag (tag_id);

CREATE TABLE revision (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX revision_by_article ON revision (article_id, id);

CREATE TABLE page (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  path TEXT NOT NULL,                   -- '/privacy'
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',        -- Markdown
  updated_at INTEGER NOT NULL,
  UNIQUE (site_id, path)
);

CREATE TABLE menu_item (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  parent_id INTEGER REFERENCES menu_item(id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  label TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT ''          -- '' for a heading that only holds children
);
CREATE INDEX menu_by_site ON menu_item (site_id, parent_id, position);

CREATE TABLE contact_message (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  topic TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- Server secrets (e.g. the key that signs form tokens), created on first use.
CREATE TABLE setting (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
