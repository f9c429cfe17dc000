"""Discovery: the RSS and Atom feeds, the sitemaps, robots.txt, the trial pages, the schema.org JSON-LD and the
metadata in every page's head (canonical URL, Open Graph, robots, feed links).

What the demo holds is read from the database (conftest.db, visible_articles); what the server answers is read
over HTTP only. Absolute URLs carry the site's own host name with the server's port
(http://oncology.localhost:PORT/...): they are fetched from 127.0.0.1 with that Host header, as a browser
resolving *.localhost would.

The tests that create, schedule or gate articles run against admin_server (conftest.py), the back office's own
server, so the session server keeps the demo as `plenary demo` made it.
"""
import calendar
import json
import re
import time
import uuid
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import feedparser
import pytest
import requests

from conftest import (SERVER, card_slugs, db, default_site, form_values, get, h1_text, host_header, main_of,
                      make_staff, page, parse_html, text_of, visible_articles, VISIBLE)

FEED_ITEMS = 30
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
XML_TYPE = "application/xml; charset=utf-8"

TRIAL = "alexandra-impassion030"  # the demo trial with three articles from three congresses
SISTER = "dermatology.localhost"

# The lists with feeds on the default site, as (kind, slug) with a slug the demo has.
LISTS = [("site", None), ("section", "breast-cancer"), ("section", "gu-cancer"), ("congress", "sabcs-2023"),
         ("tag", "adc"), ("trial", TRIAL)]


# ---- helpers ---------------------------------------------------------------------------------------------

def site_row(host=None):
    if host is None:
        return default_site()
    with db() as c:
        return c.execute("SELECT * FROM site WHERE host = ?", (host,)).fetchone()


def root_of(site, port=None):
    """The site's absolute root URL as the server writes it (ends with '/')."""
    return f"http://{site['host']}:{port or SERVER.port}/"


def list_path(kind, slug):
    return "" if kind == "site" else f"/{kind}/{slug}"


def feed_path(kind, slug, fmt):
    return f"{list_path(kind, slug)}/feed.{fmt}"


def list_where(kind, slug, site_id):
    """SQL (for visible_articles) selecting the articles of a list."""
    if kind == "site":
        return "1 = 1", ()
    if kind == "tag":
        return ("EXISTS (SELECT 1 FROM article_tag x JOIN tag g ON g.id = x.tag_id "
                "WHERE x.article_id = a.id AND g.slug = ? AND g.site_id = ?)", (slug, site_id))
    table = {"section": "section", "congress": "congress", "trial": "trial"}[kind]
    return f"a.{kind}_id = (SELECT id FROM {table} WHERE slug = ? AND site_id = ?)", (slug, site_id)


def list_name(kind, slug, site_id):
    if kind == "site":
        return None
    with db() as c:
        return c.execute(f"SELECT name FROM {kind} WHERE slug = ? AND site_id = ?", (slug, site_id)).fetchone()[0]


def fetch_abs(absolute, srv=None, **kw):
    """GETs an absolute URL the server wrote: checks it is http on the server's port, then asks 127.0.0.1 with
    the URL's host in the Host header."""
    port = srv.port if srv is not None else SERVER.port
    u = urlsplit(absolute)
    assert u.scheme == "http" and u.hostname and u.port == port, f"not an absolute URL of this server: {absolute}"
    path = (u.path or "/") + (f"?{u.query}" if u.query else "")
    headers = {"Host": u.netloc, **kw.pop("headers", {})}
    return requests.get(f"http://127.0.0.1:{port}{path}", headers=headers, timeout=10, allow_redirects=False, **kw)


def parse_feed(r, fmt):
    assert r.status_code == 200, f"{r.url}: {r.status_code}"
    assert r.headers.get("content-type") == (RSS_TYPE if fmt == "rss" else ATOM_TYPE), r.headers.get("content-type")
    d = feedparser.parse(r.content)
    assert not d.bozo, f"{r.url} is not well-formed: {d.get('bozo_exception')!r}"
    assert d.version == ("rss20" if fmt == "rss" else "atom10"), d.version
    return d


def feed_of(path, fmt, srv=None, headers=None):
    base = srv.url(path) if srv is not None else SERVER.url(path)
    return parse_feed(requests.get(base, headers=headers or {}, timeout=10, allow_redirects=False), fmt)


VIA_FEED = "?via=feed"  # an item's link is counted as a feed's click (test_counting.py)


def article_link(e):
    """An entry's link without the feed's marker, which every item's link carries."""
    assert e.link.endswith(VIA_FEED), f"entry link {e.link} does not say it comes from a feed"
    return e.link[:-len(VIA_FEED)]


def entry_slugs(d, root):
    out = []
    for e in d.entries:
        link = article_link(e)
        assert link.startswith(root + "article/"), f"entry link {e.link} is not an article of {root}"
        out.append(link[len(root + "article/"):])
    return out


def parse_xml(r):
    assert r.status_code == 200, f"{r.url}: {r.status_code}"
    assert r.headers.get("content-type") == XML_TYPE, r.headers.get("content-type")
    assert r.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    return ET.fromstring(r.content)


def sitemap_urls(root_el):
    """(loc, lastmod or None) of every <url> or <sitemap> of a sitemap or sitemap index."""
    out = []
    for el in root_el:
        assert el.tag in (SM + "url", SM + "sitemap"), el.tag
        loc = el.find(SM + "loc")
        lastmod = el.find(SM + "lastmod")
        assert loc is not None and loc.text, "an entry without <loc>"
        out.append((loc.text, lastmod.text if lastmod is not None else None))
    return out


def rfc3339_seconds(s):
    assert RFC3339.match(s), f"lastmod {s!r} is not RFC 3339"
    assert s.endswith("Z"), s  # the server writes UTC
    return calendar.timegm(time.strptime(s[:19], "%Y-%m-%dT%H:%M:%S"))


def ld_blocks(doc):
    """Every application/ld+json script of a page, parsed."""
    out = []
    for s in doc.find_all("script", type="application/ld+json"):
        out.append(json.loads(s.text()))
    return out


def ld_of(doc, kind):
    found = [b for b in ld_blocks(doc) if b.get("@type") == kind]
    assert len(found) == 1, f"{len(found)} JSON-LD blocks of @type {kind}; types: {[b.get('@type') for b in ld_blocks(doc)]}"
    assert found[0].get("@context") == "https://schema.org"
    return found[0]


def meta(doc, **attrs):
    m = doc.find("meta", **attrs)
    return m.get("content") if m is not None else None


def canonical(doc):
    links = [l for l in doc.find_all("link") if l.get("rel") == "canonical"]
    assert len(links) == 1, f"{len(links)} canonical links"
    return links[0].get("href")


def alternates(doc):
    return {l.get("type"): l.get("href") for l in doc.find_all("link") if l.get("rel") == "alternate"}


def article_with(where):
    rows = visible_articles(where)
    assert rows, f"the demo has no visible article with {where}"
    return rows[0]


def trial_row(slug, site_id=None):
    with db() as c:
        return c.execute("SELECT * FROM trial WHERE slug = ? AND site_id = ?",
                         (slug, site_id or default_site()["id"])).fetchone()


# ==== feeds ================================================================================================

@pytest.mark.parametrize("fmt", ["rss", "atom"])
@pytest.mark.parametrize("kind,slug", LISTS)
def test_feed_lists_the_30_newest_visible_articles(kind, slug, fmt):
    site = default_site()
    root = root_of(site)
    where, params = list_where(kind, slug, site["id"])
    want = visible_articles(where, params)
    assert want, f"the demo has no article in {kind} {slug}"
    d = feed_of(feed_path(kind, slug, fmt), fmt)
    # titles: the site's name, or "Site: list name"
    name = list_name(kind, slug, site["id"])
    assert d.feed.title == (site["name"] if name is None else f"{site['name']}: {name}")
    page_url = root + list_path(kind, slug).lstrip("/")
    assert d.feed.link == page_url, "the feed's link is not its list page"
    assert len(d.entries) == min(FEED_ITEMS, len(want)) <= FEED_ITEMS
    # newest first, exactly the visible articles of the list
    assert entry_slugs(d, root) == [a["slug"] for a in want[:FEED_ITEMS]]
    for e, a in zip(d.entries, want):
        assert e.title == a["title"]
        assert e.id == root + "article/" + a["slug"], "the id/guid is not the article's absolute URL"
        assert calendar.timegm(e.published_parsed) == a["published_at"], f"{a['slug']}: published date"
        if fmt == "atom":
            assert calendar.timegm(e.updated_parsed) == max(a["updated_at"] or 0, a["published_at"])
        assert e.summary == a["summary"]
    stamps = [calendar.timegm(e.published_parsed) for e in d.entries]
    assert stamps == sorted(stamps, reverse=True), "the entries are not newest first"
    if fmt == "atom":
        self_links = [l.href for l in d.feed.links if l.rel == "self"]
        assert self_links == [root + feed_path(kind, slug, fmt).lstrip("/")]
        assert calendar.timegm(d.feed.updated_parsed) >= stamps[0]


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_the_site_feed_is_capped_at_30(fmt):
    assert len(visible_articles()) > FEED_ITEMS, "the demo needs more than 30 articles for this test"
    d = feed_of(f"/feed.{fmt}", fmt)
    assert len(d.entries) == FEED_ITEMS


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_a_section_feed_has_only_that_sections_articles(fmt):
    site = default_site()
    with db() as c:
        sections = c.execute("SELECT * FROM section WHERE site_id = ?", (site["id"],)).fetchall()
    assert len(sections) >= 2
    for s in sections:
        d = feed_of(f"/section/{s['slug']}/feed.{fmt}", fmt)
        slugs = entry_slugs(d, root_of(site))
        with db() as c:
            sections_of = {r[0]: r[1] for r in c.execute(
                "SELECT slug, section_id FROM article WHERE site_id = ?", (site["id"],))}
        assert slugs, f"the {s['slug']} feed is empty"
        assert all(sections_of[x] == s["id"] for x in slugs), f"the {s['slug']} feed has another section's article"
        assert all(e.tags[0].term == s["name"] for e in d.entries), "an entry's category is not its section"


@pytest.mark.parametrize("fmt", ["rss", "atom"])
@pytest.mark.parametrize("kind", ["section", "congress", "tag", "trial"])
def test_the_feed_of_an_unknown_slug_is_404(kind, fmt):
    assert get(f"/{kind}/no-such-{kind}-x9/feed.{fmt}").status_code == 404
    # a slug of another site is unknown here
    with db() as c:
        other = c.execute(f"SELECT x.slug FROM {kind} x JOIN site s ON s.id = x.site_id WHERE s.is_default = 0 "
                          f"AND x.slug NOT IN (SELECT slug FROM {kind} WHERE site_id = ?) LIMIT 1",
                          (default_site()["id"],)).fetchone()
    if other is not None:
        assert get(f"/{kind}/{other[0]}/feed.{fmt}").status_code == 404, f"another site's {kind} has a feed here"


@pytest.mark.parametrize("kind,slug", LISTS)
def test_feeds_answer_304_to_their_etag(kind, slug):
    for fmt in ("rss", "atom"):
        path = feed_path(kind, slug, fmt)
        r = get(path)
        assert r.status_code == 200
        etag = r.headers.get("etag")
        assert etag and re.fullmatch(r'"[^"]+"', etag), f"{path}: ETag {etag!r}"
        assert get(path).headers.get("etag") == etag, "the ETag of an unchanged feed changed"
        again = get(path, headers={"If-None-Match": etag})
        assert again.status_code == 304, f"{path} with its ETag: {again.status_code}"
        assert again.content == b""
        assert get(path, headers={"If-None-Match": '"not-this-one"'}).status_code == 200
    rss, atom = get(feed_path(kind, slug, "rss")), get(feed_path(kind, slug, "atom"))
    assert rss.headers["etag"] != atom.headers["etag"]


def test_the_sister_site_has_its_own_feed():
    sister = site_row(SISTER)
    assert sister is not None, f"the demo has no {SISTER} site"
    mine = [a["slug"] for a in visible_articles(site_id=sister["id"])]
    theirs = {a["slug"] for a in visible_articles()}
    assert mine, "the sister site has no visible article"
    root = root_of(sister)
    for fmt in ("rss", "atom"):
        d = feed_of(f"/feed.{fmt}", fmt, headers=host_header(SISTER))
        assert d.feed.title == sister["name"]
        assert d.feed.link == root
        slugs = entry_slugs(d, root)
        assert slugs == mine[:FEED_ITEMS]
        assert not set(slugs) & theirs
        for e in d.entries[:3]:
            assert fetch_abs(e.link).status_code == 200
        # and the default site's feed has none of the sister's articles
        assert not set(entry_slugs(feed_of(f"/feed.{fmt}", fmt), root_of(default_site()))) & set(mine)


def test_feed_entry_links_open_the_articles():
    d = feed_of("/feed.rss", "rss")
    for e in d.entries[:10]:
        r = fetch_abs(e.link)
        assert r.status_code == 200, f"{e.link}: {r.status_code}"
        assert h1_text(parse_html(r.text)) == e.title


# ==== sitemaps and robots.txt ==============================================================================

def test_the_sitemap_index_lists_pages_then_articles():
    root = root_of(default_site())
    urls = sitemap_urls(parse_xml(get("/sitemap.xml")))
    assert parse_xml(get("/sitemap.xml")).tag == SM + "sitemapindex"
    assert [u for u, _ in urls] == [root + "sitemaps/pages.xml", root + "sitemaps/articles-1.xml"]
    for loc, lastmod in urls:
        if lastmod is not None:
            rfc3339_seconds(lastmod)
        assert parse_xml(fetch_abs(loc)).tag == SM + "urlset", f"{loc} is not a urlset"


def test_pages_sitemap_lists_every_list_and_page_and_each_answers_200():
    site = default_site()
    root = root_of(site)
    urls = sitemap_urls(parse_xml(get("/sitemaps/pages.xml")))
    locs = [u for u, _ in urls]
    assert len(locs) == len(set(locs)), f"repeated <loc>: {sorted({u for u in locs if locs.count(u) > 1})}"
    sid = site["id"]
    with db() as c:
        sections = [r[0] for r in c.execute("SELECT slug FROM section WHERE site_id = ?", (sid,))]
        pages = [r[0] for r in c.execute("SELECT path FROM page WHERE site_id = ?", (sid,))]
        trials_all = [r[0] for r in c.execute("SELECT slug FROM trial WHERE site_id = ?", (sid,))]
    trials = {a["trial_id"] for a in visible_articles("a.trial_id IS NOT NULL")}
    congresses = {a["congress_id"] for a in visible_articles("a.congress_id IS NOT NULL")}
    with db() as c:
        trial_slugs = {r[1] for r in c.execute("SELECT id, slug FROM trial") if r[0] in trials}
        congress_slugs = {r[1] for r in c.execute("SELECT id, slug FROM congress") if r[0] in congresses}
    want = {root, root + "trials", root + "congresses", root + "tags"}
    want |= {root + "section/" + s for s in sections}
    want |= {root + "trial/" + s for s in trial_slugs}
    want |= {root + "congress/" + s for s in congress_slugs}
    want |= {root + p.lstrip("/") for p in pages}
    missing = want - set(locs)
    assert not missing, f"missing from pages.xml: {sorted(missing)}"
    for s in set(trials_all) - trial_slugs:
        assert root + "trial/" + s not in locs, f"trial {s} has no visible article but is in the sitemap"
    assert any(u.startswith(root + "tag/") for u in locs), "no topic in pages.xml"
    for loc, lastmod in urls:
        assert loc.startswith(root), f"{loc} is not an absolute URL of this site"
        if lastmod is not None:
            assert rfc3339_seconds(lastmod) <= time.time() + 5
        r = fetch_abs(loc)
        assert r.status_code == 200, f"{loc}: {r.status_code}"
        assert r.headers.get("content-type", "").startswith("text/html"), loc


def test_articles_sitemap_lists_every_visible_article():
    site = default_site()
    root = root_of(site)
    doc = parse_xml(get("/sitemaps/articles-1.xml"))
    assert doc.tag == SM + "urlset"
    urls = sitemap_urls(doc)
    with db() as c:  # every article, translations too, each at its own language's address
        want = c.execute(f"SELECT a.* FROM article a WHERE {VISIBLE} AND a.site_id = ? "
                         "ORDER BY a.published_at DESC, a.id DESC", (site["id"],)).fetchall()
    assert [u for u, _ in urls] == [root + (a["lang"] + "/" if a["lang"] else "") + "article/" + a["slug"]
                                     for a in want]
    for (loc, lastmod), a in zip(urls, want):
        assert lastmod is not None, f"{loc} has no lastmod"
        assert rfc3339_seconds(lastmod) == max(a["updated_at"] or 0, a["published_at"])
    # at least 20 of them, spread over the file, answer 200 with the article
    step = max(1, len(want) // 25)
    sample = want[::step] + [want[-1]]
    assert len(sample) >= 20
    for a in sample:
        r = fetch_abs(root + (a["lang"] + "/" if a["lang"] else "") + "article/" + a["slug"])
        assert r.status_code == 200, f"{a['slug']}: {r.status_code}"
        assert h1_text(parse_html(r.text)) == " ".join(a["title"].split())  # (French no-break spaces too)


def test_article_sitemaps_beyond_the_last_are_404():
    assert len(visible_articles()) <= 5000
    for path in ("/sitemaps/articles-2.xml", "/sitemaps/articles-0.xml", "/sitemaps/articles-x.xml",
                 "/sitemaps/articles-1.txt", "/sitemaps/articles-99999999999999999999.xml", "/sitemaps/other.xml"):
        assert get(path).status_code == 404, path


def test_sitemaps_answer_304_to_their_etag():
    for path in ("/sitemap.xml", "/sitemaps/pages.xml", "/sitemaps/articles-1.xml"):
        etag = get(path).headers.get("etag")
        assert etag, f"{path} has no ETag"
        assert get(path, headers={"If-None-Match": etag}).status_code == 304, path


def test_the_sister_sites_sitemap_names_its_own_host():
    sister = site_row(SISTER)
    root = root_of(sister)
    urls = sitemap_urls(parse_xml(get("/sitemaps/articles-1.xml", headers=host_header(SISTER))))
    assert [u for u, _ in urls] == [root + "article/" + a["slug"] for a in visible_articles(site_id=sister["id"])]
    index = sitemap_urls(parse_xml(get("/sitemap.xml", headers=host_header(SISTER))))
    assert index[0][0] == root + "sitemaps/pages.xml"


def test_robots_txt():
    r = get("/robots.txt")
    assert r.status_code == 200
    assert r.headers.get("content-type") == "text/plain; charset=utf-8"
    lines = [x.strip() for x in r.text.splitlines()]
    assert "User-agent: *" in lines
    disallowed = {x.split(":", 1)[1].strip() for x in lines if x.lower().startswith("disallow:")}
    for p in ("/admin", "/account", "/signin", "/signup", "/reset", "/verify", "/search"):
        assert p in disallowed, f"robots.txt does not disallow {p}"
    for p in ("/", "", "/article", "/section", "/feed.rss", "/sitemap.xml", "/trial", "/static"):
        assert p not in disallowed, f"robots.txt disallows {p!r}"
    sitemaps = [x.split(":", 1)[1].strip() for x in lines if x.lower().startswith("sitemap:")]
    assert sitemaps == [root_of(default_site()) + "sitemap.xml"]
    assert fetch_abs(sitemaps[0]).status_code == 200
    sister = get("/robots.txt", headers=host_header(SISTER)).text
    assert f"Sitemap: {root_of(site_row(SISTER))}sitemap.xml" in sister.splitlines()


# ==== trials ===============================================================================================

def test_the_trial_page_lists_its_articles_oldest_first():
    t = trial_row(TRIAL)
    want = visible_articles("a.trial_id = ?", (t["id"],))
    assert len(want) == 3, "the demo's ALEXANDRA/IMpassion030 has three articles"
    r, doc = page(f"/trial/{TRIAL}")
    assert h1_text(doc) == t["name"]
    main = main_of(doc)
    assert card_slugs(main) == [a["slug"] for a in reversed(want)], "not every article, oldest first"
    assert "(3 articles)" in text_of(main)
    # the record
    facts = main.find("dl", class_="trial-facts")
    got = dict(zip([text_of(x) for x in facts.find_all("dt")], [text_of(x) for x in facts.find_all("dd")]))
    assert t["registry_id"].startswith("NCT")
    assert got["Registry"] == t["registry_id"]
    link = facts.find("a", href=f"https://clinicaltrials.gov/study/{t['registry_id']}")
    assert link is not None and text_of(link) == t["registry_id"], "no registry link"
    for label, col in [("Phase", "phase"), ("Setting", "setting"), ("Population", "population"), ("Arms", "arms"),
                       ("Primary endpoint", "primary_endpoint"), ("Status", "status")]:
        if t[col]:
            assert got.get(label) == " ".join(t[col].split()), label
    if t["results"]:
        results = main.find("section", class_="trial-results")
        assert results is not None and results.find("li") is not None, "the key results are not rendered Markdown"
        assert "**" not in text_of(results)


def test_the_trials_index_lists_trials_with_articles():
    sid = default_site()["id"]
    with db() as c:
        trials = c.execute("SELECT * FROM trial WHERE site_id = ?", (sid,)).fetchall()
    _, doc = page("/trials")
    assert h1_text(doc) == "Trials"
    hrefs = [a.get("href") for a in main_of(doc).find("ul", class_="trial-list").find_all("a")]
    for t in trials:
        n = len(visible_articles("a.trial_id = ?", (t["id"],)))
        if n:
            assert f"/trial/{t['slug']}" in hrefs, f"/trials does not list {t['slug']}"
        else:
            assert f"/trial/{t['slug']}" not in hrefs
    item = next(li for li in main_of(doc).find_all("li") if li.find("a", href=f"/trial/{TRIAL}") is not None)
    assert "3 articles" in text_of(item) and trial_row(TRIAL)["registry_id"] in text_of(item)
    for h in hrefs:
        assert get(h).status_code == 200, h


def test_an_unknown_trial_is_404():
    assert get("/trial/no-such-trial-x9").status_code == 404
    assert get("/trial/ALEXANDRA-IMPASSION030").status_code == 404
    # a trial of another site is not shown here
    assert get(f"/trial/{TRIAL}", headers=host_header(SISTER)).status_code == 404


def test_an_article_with_a_trial_shows_the_trial_card():
    t = trial_row(TRIAL)
    a = article_with(f"a.trial_id = {t['id']}")
    _, doc = page(f"/article/{a['slug']}")
    card = doc.find("aside", class_="trial-card")
    assert card is not None, "no trial card"
    assert {x.get("href") for x in card.find_all("a")} == {f"/trial/{TRIAL}"}
    assert t["name"] in text_of(card) and t["registry_id"] in text_of(card)
    assert get(f"/trial/{TRIAL}").status_code == 200
    plain = article_with("a.trial_id IS NULL")
    _, doc = page(f"/article/{plain['slug']}")
    assert doc.find("aside", class_="trial-card") is None


def test_the_trial_page_has_medical_trial_json_ld():
    t = trial_row(TRIAL)
    _, doc = page(f"/trial/{TRIAL}")
    ld = ld_of(doc, "MedicalTrial")
    assert ld["name"] == t["name"] == h1_text(doc)
    assert ld["identifier"] == t["registry_id"]
    assert ld["url"] == root_of(default_site()) + f"trial/{TRIAL}" == canonical(doc)
    if t["phase"]:
        assert ld["phase"] == t["phase"]


# ==== JSON-LD on articles ==================================================================================

def faculty_names(doc):
    sec = doc.find("section", class_="faculty")
    return [text_of(s) for s in sec.find_all("span", class_="person-name")] if sec is not None else []


def test_article_json_ld_matches_the_page():
    t = trial_row(TRIAL)
    a = article_with(f"a.trial_id = {t['id']} AND a.kind = 'interview' AND a.audience = 'public'")
    _, doc = page(f"/article/{a['slug']}")
    ld = ld_of(doc, "NewsArticle")
    root = root_of(default_site())
    assert ld["headline"] == h1_text(doc) == a["title"]
    assert ld["description"] == a["summary"]
    time_el = doc.find("p", class_="article-date").find("time")
    assert ld["datePublished"] == time_el.get("datetime")
    assert rfc3339_seconds(ld["datePublished"]) == a["published_at"]
    assert rfc3339_seconds(ld["dateModified"]) >= rfc3339_seconds(ld["datePublished"]) - 1
    assert ld["url"] == root + f"article/{a['slug']}" == canonical(doc)
    assert ld["isAccessibleForFree"] is True
    assert ld["publisher"]["name"] == default_site()["name"]
    section = doc.find("p", class_="kicker").find("a")
    assert ld["articleSection"] == text_of(section)
    assert ld["about"]["@type"] == "MedicalTrial"
    assert ld["about"]["name"] == t["name"]
    assert ld["about"]["url"] == root + f"trial/{TRIAL}"
    refs = doc.find("section", class_="references")
    items = list(refs.find_all("li")) if refs is not None else []
    assert len(ld["citation"]) == len(items) > 0
    for c, li in zip(ld["citation"], items):
        assert text_of(li).startswith(" ".join(c["name"].split())), (c["name"], text_of(li))


def test_article_json_ld_authors_are_the_faculty():
    """The authors are the faculty the page shows (speakers, with affiliations), not the interviewer."""
    rows = visible_articles("a.audience = 'public' AND EXISTS (SELECT 1 FROM article_person x "
                            "WHERE x.article_id = a.id AND x.role = 'interviewer')")
    assert rows, "the demo has no interview with an interviewer"
    for a in rows[:5]:
        _, doc = page(f"/article/{a['slug']}")
        ld = ld_of(doc, "NewsArticle" if a["kind"] != "report" else "MedicalScholarlyArticle")
        on_page = faculty_names(doc)
        names = [p["name"] for p in ld["author"]]
        assert len(names) == len(on_page) and all(f == n or f.startswith(n + ", ") for n, f in zip(names, on_page)), \
            f"{a['slug']}: JSON-LD authors {names}, faculty on the page {on_page}"
        affiliations = [text_of(s) for s in doc.find("section", class_="faculty").find_all(
            "span", class_="person-affiliation")]
        assert [p.get("affiliation", {}).get("name", "") for p in ld["author"]] == affiliations


def test_report_articles_are_medical_scholarly_articles():
    a = article_with("a.kind = 'report' AND a.audience = 'public'")
    _, doc = page(f"/article/{a['slug']}")
    ld = ld_of(doc, "MedicalScholarlyArticle")
    assert ld["headline"] == h1_text(doc)
    assert not [b for b in ld_blocks(doc) if b.get("@type") == "NewsArticle"]


def test_an_article_without_a_trial_is_about_nothing():
    a = article_with("a.trial_id IS NULL AND a.kind = 'interview'")
    _, doc = page(f"/article/{a['slug']}")
    assert "about" not in ld_of(doc, "NewsArticle")


@pytest.mark.parametrize("audience", ["members", "hcp", "verified_hcp"])
def test_a_gated_article_is_not_accessible_for_free(audience):
    a = article_with(f"a.audience = '{audience}'")
    _, doc = page(f"/article/{a['slug']}")
    ld = ld_of(doc, "MedicalScholarlyArticle" if a["kind"] == "report" else "NewsArticle")
    assert ld["isAccessibleForFree"] is False
    assert ld["headline"] == a["title"]


@pytest.mark.parametrize("path", ["article", f"/trial/{TRIAL}", "/section/breast-cancer", "/trials",
                                  "/congress/sabcs-2023"])
def test_breadcrumb_list_positions_and_items(path):
    if path == "article":
        path = f"/article/{article_with('1 = 1')['slug']}"
    _, doc = page(path)
    nav = doc.find("nav", class_="breadcrumbs")
    assert nav is not None, f"{path} has no breadcrumbs"
    crumbs = [(text_of(li), li.find("a").get("href") if li.find("a") is not None else None)
              for li in nav.find_all("li")]
    ld = ld_of(doc, "BreadcrumbList")
    items = ld["itemListElement"]
    positions = [x["position"] for x in items]
    assert all(type(p) is int for p in positions), f"positions are not integers: {positions!r}"
    assert positions == list(range(1, len(items) + 1))
    assert [x["name"] for x in items] == [label for label, _ in crumbs]
    root = root_of(default_site())
    for x, (_, href) in zip(items[:-1], crumbs[:-1]):
        assert x["@type"] == "ListItem"
        assert x["item"] == root + href.lstrip("/"), x
        assert fetch_abs(x["item"]).status_code == 200
    assert "item" not in items[-1], "the last crumb (this page) has an item"


def test_json_ld_survives_quotes_and_script_endings(admin_server, staff):
    """A title with quotes, a backslash and </script> stays inside its JSON string."""
    n = uuid.uuid4().hex[:8]
    title = f'Quoted "HR 0.72" \\ </script><b>bold</b> & more {n}'
    slug = publish(admin_server, staff, title=title, slug=f"json-ld-{n}", summary=f'Say "{n}" </script>')
    r = requests.get(admin_server.url(f"/article/{slug}"), timeout=10)
    assert r.status_code == 200
    doc = parse_html(r.text)
    ld = ld_of(doc, "NewsArticle")
    assert ld["headline"] == title == h1_text(doc)
    assert ld["description"] == f'Say "{n}" </script>'
    crumbs = ld_of(doc, "BreadcrumbList")["itemListElement"]
    assert crumbs[-1]["name"] == title


# ==== the head =============================================================================================

def test_canonical_and_open_graph_on_an_article():
    a = article_with("a.audience = 'public'")
    _, doc = page(f"/article/{a['slug']}")
    url = root_of(default_site()) + f"article/{a['slug']}"
    assert canonical(doc) == url
    assert meta(doc, property="og:url") == url
    assert meta(doc, property="og:type") == "article"
    assert meta(doc, property="og:title") == a["title"]
    assert meta(doc, property="og:description") == a["summary"] == meta(doc, name="description")
    assert meta(doc, property="og:site_name") == default_site()["name"]
    if a["image_id"]:
        assert meta(doc, property="og:image", ).startswith(root_of(default_site()))
    else:
        assert meta(doc, property="og:image") is None and meta(doc, name="twitter:card") == "summary"
    # the canonical URL drops the query, but keeps a page number
    _, doc = page(f"/article/{a['slug']}?utm_source=x")
    assert canonical(doc) == url
    _, doc = page("/section/breast-cancer?page=2")
    assert canonical(doc) == root_of(default_site()) + "section/breast-cancer?page=2"


@pytest.mark.parametrize("path", ["/", "/section/gi-cancer", "/congress/sabcs-2023", "/tag/adc", f"/trial/{TRIAL}",
                                  "/trials", "/tags", "/congresses", "/about"])
def test_other_pages_are_websites_with_their_canonical_url(path):
    _, doc = page(path)
    assert meta(doc, property="og:type") == "website"
    assert canonical(doc) == root_of(default_site()) + path.lstrip("/")
    assert meta(doc, property="og:url") == canonical(doc)
    assert meta(doc, name="description")


@pytest.mark.parametrize("path,status", [("/search", 200), ("/search?q=pembrolizumab", 200), ("/signin", 200),
                                         ("/signup", 200), ("/cookies", 200), ("/reset", 200)])
def test_private_pages_are_noindex(path, status):
    _, doc = page(path, status=status)
    assert meta(doc, name="robots") == "noindex", f"{path} has no noindex"


def test_public_pages_are_indexable():
    a = article_with("a.audience = 'public'")
    gated = article_with("a.audience <> 'public'")
    for path in ("/", f"/article/{a['slug']}", f"/article/{gated['slug']}", "/section/lung-cancer",
                 f"/trial/{TRIAL}", "/trials", "/about", "/contact"):
        _, doc = page(path)
        assert meta(doc, name="robots") is None, f"{path} is noindex"


@pytest.mark.parametrize("kind,slug", LISTS)
def test_list_pages_advertise_their_two_feeds(kind, slug):
    path = list_path(kind, slug) or "/"
    _, doc = page(path)
    alt = alternates(doc)
    assert alt.get("application/rss+xml") == feed_path(kind, slug, "rss")
    assert alt.get("application/atom+xml") == feed_path(kind, slug, "atom")
    for fmt, href in (("rss", alt["application/rss+xml"]), ("atom", alt["application/atom+xml"])):
        d = feed_of(href, fmt)
        assert d.entries, f"{href} is empty"


def test_article_and_search_pages_advertise_no_list_feed():
    a = article_with("1 = 1")
    for path in (f"/article/{a['slug']}", "/search?q=pembrolizumab"):
        _, doc = page(path)
        assert "application/rss+xml" not in alternates(doc), path


def test_the_sister_sites_home_advertises_its_own_feed():
    _, doc = page("/", headers=host_header(SISTER))
    assert alternates(doc).get("application/rss+xml") == "/feed.rss"
    assert canonical(doc) == root_of(site_row(SISTER))


# ==== what the back office changes: admin_server =============================================================

@pytest.fixture(scope="module")
def staff(admin_server):
    return make_staff(admin_server, "editor", name="Dana Discovery")


def section_of(srv):
    return srv.query("SELECT s.* FROM section s JOIN site t ON t.id = s.site_id WHERE t.is_default = 1 "
                     "ORDER BY s.id LIMIT 1")[0]


def editor_form(doc):
    for form in doc.find_all("form"):
        if re.fullmatch(r"/admin/articles(/\d+)?", form.get("action") or "") and form.get("method") == "post":
            return form
    return None


def utc(t):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t))


def save_article(srv, staff, article_id=None, **over):
    """Saves an article through the editor as a browser does; returns its id."""
    path = f"/admin/articles/{article_id}" if article_id else "/admin/articles/new"
    r = staff.get(path)
    assert r.status_code == 200, f"GET {path}: {r.status_code}"
    opened = dict(form_values(editor_form(parse_html(r.text))))
    if article_id:  # every field as the editor shows it, but the changed ones
        over.setdefault("action", "save")
        data = [(k, v) for k, v in form_values(editor_form(parse_html(r.text))) if k not in over]
        data += list(over.items())
    else:
        n = uuid.uuid4().hex[:10]
        data = {"form_token": opened["form_token"], "title": f"Discovery article {n}", "slug": "",
                "summary": f"A summary for {n}.", "body": f"Body text {n}.", "section": str(section_of(srv)["id"]),
                "congress": "", "trial": "", "interviewer": "", "references": "", "tags": "", "audience": "public",
                "video_url": "", "status": "draft", "published": "", "action": "save", **over}
    r = staff.post(f"/admin/articles/{article_id}" if article_id else "/admin/articles", data=data)
    assert r.status_code == 303, f"save answered {r.status_code}: {r.text[:500]}"
    m = re.fullmatch(r"/admin/articles/(\d+)\?saved=1", r.headers["location"])
    assert m, r.headers["location"]
    return int(m.group(1))


def slug_of(srv, article_id):
    return srv.query("SELECT slug FROM article WHERE id = ?", (article_id,))[0]["slug"]


def publish(srv, staff, **over):
    return slug_of(srv, save_article(srv, staff, status="published", **over))


def srv_feed(srv, path, fmt):
    return parse_feed(requests.get(srv.url(path), timeout=10, allow_redirects=False), fmt)


def srv_text(srv, path):
    r = requests.get(srv.url(path), timeout=10, allow_redirects=False)
    assert r.status_code == 200, f"{path}: {r.status_code}"
    return r.text


def srv_root(srv):
    site = srv.query("SELECT * FROM site WHERE is_default = 1")[0]
    return f"http://{site['host']}:{srv.port}/"


def srv_feeds(srv):
    s = section_of(srv)["slug"]
    return ["/feed.rss", "/feed.atom", f"/section/{s}/feed.rss", f"/section/{s}/feed.atom"]


def test_a_gated_article_is_in_the_feeds_without_its_body(admin_server, staff):
    srv = admin_server
    word = f"Secretword{uuid.uuid4().hex[:12]}"
    n = uuid.uuid4().hex[:8]
    title, summary = f"Gated readout {n}", f"The public teaser of {n}."
    slug = publish(srv, staff, title=title, summary=summary, audience="hcp",
                   body=f"The confidential {word} result.\n\nMore about {word}.")
    assert word in srv.query("SELECT body FROM article WHERE slug = ?", (slug,))[0]["body"]
    for path in srv_feeds(srv):
        fmt = path.rsplit(".", 1)[1]
        raw = srv_text(srv, path)
        assert word not in raw, f"{path} carries the body of an hcp article"
        d = srv_feed(srv, path, fmt)
        entry = next((e for e in d.entries if article_link(e) == srv_root(srv) + f"article/{slug}"), None)
        assert entry is not None, f"{path} does not list the gated article"
        assert entry.title == title and entry.summary == summary
        assert "content" not in entry, f"{path} has a content element for the gated article"
    # its page keeps the body from anonymous readers, and says it is not free
    r = requests.get(srv.url(f"/article/{slug}"), timeout=10)
    assert word not in r.text
    ld = ld_of(parse_html(r.text), "NewsArticle")
    assert ld["isAccessibleForFree"] is False


def test_a_public_article_is_in_the_feeds_with_its_summary_only(admin_server, staff):
    srv = admin_server
    word = f"Bodyword{uuid.uuid4().hex[:12]}"
    slug = publish(srv, staff, body=f"Public body {word}.")
    raw = srv_text(srv, "/feed.rss")
    assert f"article/{slug}" in raw and word not in raw


def in_feeds_or_sitemaps(srv, slug):
    """Where the article's URL appears among the feeds and sitemaps of srv's default site."""
    url = srv_root(srv) + f"article/{slug}"
    where = []
    for path in srv_feeds(srv) + ["/sitemaps/articles-1.xml"]:
        if url in srv_text(srv, path):
            where.append(path)
    return where


@pytest.mark.parametrize("status", ["draft", "review", "scheduled", "archived"])
def test_unpublished_articles_are_in_no_feed_or_sitemap(admin_server, staff, status):
    srv = admin_server
    n = uuid.uuid4().hex[:8]
    when = time.time() + 3600 if status == "scheduled" else time.time() - 3600
    tag = f"Hidden discovery {status} {n}"
    article_id = save_article(srv, staff, status=status, published=utc(when), tags=tag,
                              title=f"Unpublished {status} {n}")
    slug = slug_of(srv, article_id)
    assert srv.query("SELECT status FROM article WHERE id = ?", (article_id,))[0]["status"] == status
    assert in_feeds_or_sitemaps(srv, slug) == [], f"the {status} article is listed"
    for path in srv_feeds(srv):
        assert f"Unpublished {status} {n}" not in srv_text(srv, path)
    tag_slug = srv.query("SELECT slug FROM tag WHERE name = ?", (tag,))[0]["slug"]
    assert f"/tag/{tag_slug}<" not in srv_text(srv, "/sitemaps/pages.xml"), "its topic is in the sitemap"
    # the index counts only visible articles: still one articles file for the demo's few
    index = sitemap_urls(parse_xml(requests.get(srv.url("/sitemap.xml"), timeout=10)))
    assert [u for u, _ in index][1:] == [srv_root(srv) + "sitemaps/articles-1.xml"]


def test_a_scheduled_article_enters_the_feeds_at_its_second(admin_server, staff):
    srv = admin_server
    at = int(time.time()) + 3
    article_id = save_article(srv, staff, status="scheduled", published=utc(at))
    slug = slug_of(srv, article_id)
    url = srv_root(srv) + f"article/{slug}"
    seen = []  # (time the answer came, path, listed)
    paths = ["/feed.rss", "/feed.atom", "/sitemaps/articles-1.xml"]
    while time.time() < at + 2.5:
        for p in paths:
            listed = url in srv_text(srv, p)
            seen.append((time.time(), p, listed))
        time.sleep(0.1)
    early = [(round(t - at, 2), p) for t, p, got in seen if got and t < at]
    assert not early, f"listed before its second: {early}"
    for p in paths:
        assert any(t < at for t, q, _ in seen if q == p), f"no look at {p} before the second"
        late = [got for t, q, got in seen if q == p and t >= at + 1.0]
        assert late and all(late), f"{p} does not list the article a second after its time"
    d = srv_feed(srv, "/feed.rss", "rss")
    assert article_link(d.entries[0]) == url, "the newly published article is not first in the feed"
    assert calendar.timegm(d.entries[0].published_parsed) == at


def test_a_feed_changes_its_etag_when_an_article_is_published(admin_server, staff):
    srv = admin_server
    r = requests.get(srv.url("/feed.atom"), timeout=10)
    etag = r.headers["etag"]
    publish(srv, staff)
    again = requests.get(srv.url("/feed.atom"), headers={"If-None-Match": etag}, timeout=10)
    assert again.status_code == 200, "a changed feed answered 304 to the old ETag"
    assert again.headers["etag"] != etag


def create_trial(srv, staff, name):
    r = staff.submit("/admin/trials/new", "/admin/trials",
                     {"name": name, "registry_id": "NCT09999999", "phase": "3", "setting": "Adjuvant",
                      "results": "Embargoed until the plenary."})
    assert r.status_code == 303, f"saving the trial answered {r.status_code}"
    rows = srv.query("SELECT * FROM trial WHERE name = ?", (name,))
    assert len(rows) == 1
    return rows[0]


def test_a_trial_whose_only_article_is_a_draft_stays_hidden(admin_server, staff):
    srv = admin_server
    name = f"EMBARGO-{uuid.uuid4().hex[:8].upper()}"
    t = create_trial(srv, staff, name)
    article_id = save_article(srv, staff, status="draft", trial=str(t["id"]))
    hidden = [f"/trial/{t['slug']}", f"/trial/{t['slug']}/feed.rss", f"/trial/{t['slug']}/feed.atom"]
    for p in hidden:
        r = requests.get(srv.url(p), timeout=10, allow_redirects=False)
        assert r.status_code == 404, f"{p}: {r.status_code} for a trial with only a draft"
        assert name not in r.text
    for p in ("/trials", "/sitemaps/pages.xml"):
        assert name not in srv_text(srv, p) and f"/trial/{t['slug']}" not in srv_text(srv, p), p
    # once its article is published the trial has its page, feed, index entry and sitemap entry
    save_article(srv, staff, article_id=article_id, status="published")
    slug = slug_of(srv, article_id)
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        r = requests.get(srv.url(f"/trial/{t['slug']}"), timeout=10, allow_redirects=False)
        if r.status_code == 200:
            break
        time.sleep(0.05)
    assert r.status_code == 200, f"the trial page answers {r.status_code} after its article was published"
    assert card_slugs(main_of(parse_html(r.text))) == [slug]
    assert f'href="/trial/{t["slug"]}"' in srv_text(srv, "/trials")
    assert srv_root(srv) + f"trial/{t['slug']}<" in srv_text(srv, "/sitemaps/pages.xml")
    d = srv_feed(srv, f"/trial/{t['slug']}/feed.rss", "rss")
    assert [article_link(e) for e in d.entries] == [srv_root(srv) + f"article/{slug}"]
