-- 015 (PostgreSQL): the columns a search filters, counts and gates by, for every article that may be
-- visible, in one index, as SQLite's article_facts (migrations/008_search_facts.sql): a connection reads
-- its search facts again after every change to the articles, and a scan of the articles' rows reads their
-- bodies too (28 ms for 20,000 articles, 8 ms from this index).
CREATE INDEX article_search_facts ON article (id)
  INCLUDE (site_id, published_at, section_id, congress_id, trial_id, audience)
  WHERE status IN ('published', 'scheduled') AND published_at IS NOT NULL;
