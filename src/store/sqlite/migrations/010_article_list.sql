-- 010: lists of articles (home, section, congress, topic and trial pages, feeds, sitemaps) read in date order
-- from one index: the site's articles newest first, with what a list filters by, so page N of a list walks
-- N pages of index entries and stops, without reading an article row or sorting the site's articles
-- (article_by_date puts status before the date: with two visible statuses that order needs a sort of every
-- visible article, 30 ms a page at 10,000 articles).
CREATE INDEX article_list ON article (site_id, published_at DESC, id DESC, status, section_id, congress_id,
  trial_id);
-- A congress's visible articles, counted on its page and in the list of congresses, from the index alone
-- (article_by_congress has no status: each of its entries was a read of the article's row).
CREATE INDEX article_congress_visible ON article (congress_id, status, published_at);
