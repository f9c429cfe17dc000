"""Every page type answers with the content the database holds."""
import re
from urllib.parse import quote

import pytest

from conftest import (PAGE_SIZE, SERVER, VISIBLE, breadcrumbs, card_slugs, db, default_site, get, h1_text,
                      host_header, main_of, page, parse_html, text_of, visible_articles)

SECTIONS = ["breast-cancer", "gi-cancer", "gu-cancer", "lung-cancer"]


def site_named(host):
    with db() as c:
        row = c.execute("SELECT * FROM site WHERE host = ?", (host,)).fetchone()
    assert row is not None, f"the demo has no site with host {host}"
    return row


def pick_article(*conditions):
    """The newest visible public article of the default site meeting every SQL condition."""
    where = " AND ".join(conditions) or "1 = 1"
    rows = visible_articles(f"a.audience = 'public' AND {where}")
    assert rows, f"the demo has no visible article with {where}"
    return rows[0]


def congress_rows(year=0):
    site = default_site()["id"]
    with db() as c:
        return c.execute(
            f"SELECT c.*, (SELECT count(*) FROM article a WHERE a.congress_id = c.id AND {VISIBLE}) AS n "
            "FROM congress c WHERE c.site_id = ? AND (? = 0 OR c.year = ?) ORDER BY c.starts_on DESC, c.name",
            (site, year, year)).fetchall()


def distinctive_sentence(article):
    """A run of 30+ plain characters of the body that the title and summary do not contain."""
    runs = sorted((m.group(0).strip() for m in re.finditer(r"[A-Za-z0-9 ,]{30,}", article["body"])), key=len,
                  reverse=True)
    for run in runs:
        if run not in article["title"] and run not in article["summary"]:
            return run
    pytest.fail(f"article {article['slug']} has no distinctive plain sentence in its body")


# ---- home ------------------------------------------------------------------------------------------------

def test_home_lists_the_latest_articles_newest_first():
    _, doc = page("/")
    latest = doc.find("section", aria_labelledby="latest-title")
    assert latest is not None, "no 'Latest interviews and reports' section"
    assert "Latest interviews and reports" in text_of(latest)
    highlighted = set(card_slugs(doc.find("section", class_="highlight")))
    want = [a["slug"] for a in visible_articles()[:PAGE_SIZE] if a["slug"] not in highlighted]
    assert card_slugs(latest) == want, "the first page's latest list leaves out the highlighted articles"


def test_home_highlights_the_newest_congress_with_coverage():
    # automatic (issue 16): the newest congress with 4 articles to fill the highlight, else the one with most
    rows = [c for c in congress_rows() if c["n"] > 0]
    newest = next((c for c in rows if c["n"] >= 4), None) or max(rows, key=lambda c: c["n"])
    _, doc = page("/")
    hl = doc.find("section", class_="highlight")
    assert hl is not None, "no highlights section on the home page"
    assert text_of(hl.find("h2")) == f"Highlights from {newest['name']}"
    assert hl.find("a", href=f"/congress/{newest['slug']}") is not None
    want = [a["slug"] for a in visible_articles("a.congress_id = ?", (newest["id"],))[:4]]
    assert card_slugs(hl) == want
    count = len(visible_articles("a.congress_id = ?", (newest["id"],)))
    assert f"All {count} articles from {newest['name']}" in text_of(hl)


def test_home_links_every_section():
    _, doc = page("/")
    for slug in SECTIONS:
        assert doc.find("a", href=f"/section/{slug}") is not None, slug


# ---- congresses ------------------------------------------------------------------------------------------

def test_congresses_grouped_by_year_newest_first():
    _, doc = page("/congresses")
    assert h1_text(doc) == "Congresses"
    years = [text_of(h) for h in main_of(doc).find_all("h2") if (h.get("id") or "").startswith("year-")]
    assert "2025" in years and "2024" in years
    assert years.index("2025") < years.index("2024")
    want_years = []
    for c in congress_rows():
        if str(c["year"]) not in want_years:
            want_years.append(str(c["year"]))
    assert years == want_years
    for y in ("2025", "2024"):
        section = main_of(doc).find("section", aria_labelledby=f"year-{y}")
        slugs = [a.get("href") for a in section.find_all("a", class_="congress-name")]
        assert slugs == [f"/congress/{c['slug']}" for c in congress_rows(int(y))]


def test_congresses_of_one_year():
    _, doc = page("/congresses/2025")
    assert h1_text(doc) == "Congresses 2025"
    links = [a.get("href") for a in main_of(doc).find_all("a", class_="congress-name")]
    assert links == [f"/congress/{c['slug']}" for c in congress_rows(2025)]
    assert links, "no 2025 congress listed"
    for c in congress_rows(2024):
        assert f"/congress/{c['slug']}" not in links
    assert breadcrumbs(doc) == [("Home", "/"), ("Congresses", "/congresses"), ("Congresses 2025", None)]


@pytest.mark.parametrize("path", ["/congresses/1999", "/congresses/abc", "/congress/no-such-congress"])
def test_unknown_congress_or_year_is_404(path):
    page(path, status=404)


def test_congress_hub():
    with db() as c:
        hub = c.execute("SELECT * FROM congress WHERE slug = 'sabcs-2023' AND site_id = ?",
                        (default_site()["id"],)).fetchone()
    assert hub is not None, "the demo has no sabcs-2023 congress"
    _, doc = page("/congress/sabcs-2023")
    assert h1_text(doc) == hub["name"]
    assert hub["full_name"] in text_of(doc.find("header", class_="page-header"))
    want = [a["slug"] for a in visible_articles("a.congress_id = ?", (hub["id"],))[:PAGE_SIZE]]
    assert want, "sabcs-2023 has no visible article"
    assert card_slugs(main_of(doc)) == want
    assert breadcrumbs(doc) == [("Home", "/"), ("Congresses", "/congresses"),
                                (str(hub["year"]), f"/congresses/{hub['year']}"), (hub["name"], None)]


# ---- sections --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("slug", SECTIONS)
def test_section_whats_new(slug):
    with db() as c:
        s = c.execute("SELECT * FROM section WHERE slug = ? AND site_id = ?", (slug, default_site()["id"])).fetchone()
    assert s is not None, f"the demo has no section {slug}"
    r, doc = page(f"/section/{slug}")
    assert h1_text(doc) == s["name"]
    assert f"What's new in {s['name']}" in doc.find("title").text()
    want = [a["slug"] for a in visible_articles("a.section_id = ?", (s["id"],))[:PAGE_SIZE]]
    assert want, f"section {slug} has no visible article"
    assert card_slugs(main_of(doc)) == want
    for card in main_of(doc).find_all("article", class_="card"):
        assert card.find("a", href=f"/section/{slug}") is not None


def test_unknown_section_is_404():
    page("/section/no-such-section", status=404)


# ---- articles --------------------------------------------------------------------------------------------

def full_article():
    return pick_article("EXISTS (SELECT 1 FROM article_sponsor x WHERE x.article_id = a.id)",
                        "EXISTS (SELECT 1 FROM reference x WHERE x.article_id = a.id)",
                        "EXISTS (SELECT 1 FROM article_person x WHERE x.article_id = a.id AND x.role <> 'interviewer')",
                        "EXISTS (SELECT 1 FROM article_tag x WHERE x.article_id = a.id)")


def test_article_title_summary_faculty_and_breadcrumbs():
    a = full_article()
    _, doc = page(f"/article/{a['slug']}")
    assert h1_text(doc) == " ".join(a["title"].split())
    assert text_of(doc.find("p", class_="lede")) == " ".join(a["summary"].split())
    with db() as c:
        people = c.execute("SELECT p.* FROM article_person x JOIN person p ON p.id = x.person_id "
                           "WHERE x.article_id = ? AND x.role <> 'interviewer'", (a["id"],)).fetchall()
        section = c.execute("SELECT * FROM section WHERE id = ?", (a["section_id"],)).fetchone()
    faculty = text_of(doc.find("section", class_="faculty"))
    for p in people:
        assert p["name"] in faculty and p["affiliation"] in faculty
    assert breadcrumbs(doc) == [("Home", "/"), (section["name"], f"/section/{section['slug']}"),
                                (" ".join(a["title"].split()), None)]


def test_article_references():
    a = full_article()
    _, doc = page(f"/article/{a['slug']}")
    refs = doc.find("section", class_="references")
    assert refs is not None and text_of(refs.find("h2")) == "References"
    with db() as c:
        want = c.execute("SELECT * FROM reference WHERE article_id = ? ORDER BY position, id", (a["id"],)).fetchall()
    items = list(refs.find_all("li"))
    assert len(items) == len(want)
    for li, ref in zip(items, want):
        assert " ".join(ref["citation"].split()) in text_of(li)
        if ref["url"]:
            assert li.find("a", href=ref["url"]) is not None


def test_article_related_three():
    a = full_article()
    _, doc = page(f"/article/{a['slug']}")
    related = doc.find("section", class_="related")
    assert related is not None
    assert text_of(related.find("h2")) == "You may also be interested in"
    slugs = card_slugs(related)
    assert len(slugs) == 3 and len(set(slugs)) == 3
    assert a["slug"] not in slugs
    assert set(slugs) <= {x["slug"] for x in visible_articles()}


def test_related_articles_share_the_trial_first():
    with db() as c:
        trial = c.execute("SELECT t.id FROM trial t WHERE (SELECT count(*) FROM article a WHERE a.trial_id = t.id "
                          f"AND {VISIBLE}) >= 3 AND t.site_id = ? ORDER BY t.id", (default_site()["id"],)).fetchone()
    assert trial is not None, "the demo has no trial with three articles"
    same = visible_articles("a.trial_id = ?", (trial["id"],))
    a = same[-1]
    _, doc = page(f"/article/{a['slug']}")
    others = [x["slug"] for x in same if x["id"] != a["id"]][:3]
    assert card_slugs(doc.find("section", class_="related"))[:len(others)] == others


def test_article_sponsor_support_shown_only_when_sponsored():
    a = full_article()
    _, doc = page(f"/article/{a['slug']}")
    sponsors = doc.find("section", class_="sponsors")
    assert sponsors is not None
    assert text_of(sponsors.find("h2")) == "With the educational support of"
    with db() as c:
        names = [r["name"] for r in c.execute("SELECT p.name FROM article_sponsor x JOIN sponsor p "
                                              "ON p.id = x.sponsor_id WHERE x.article_id = ?", (a["id"],))]
    for n in names:
        assert n in text_of(sponsors)
    plain = pick_article("NOT EXISTS (SELECT 1 FROM article_sponsor x WHERE x.article_id = a.id)")
    r, doc = page(f"/article/{plain['slug']}")
    assert "With the educational support of" not in r.text


def test_article_tags():
    a = full_article()
    _, doc = page(f"/article/{a['slug']}")
    with db() as c:
        tags = c.execute("SELECT g.* FROM article_tag x JOIN tag g ON g.id = x.tag_id WHERE x.article_id = ? "
                         "ORDER BY g.name", (a["id"],)).fetchall()
    box = doc.find("section", class_="tags")
    assert box is not None
    links = [(text_of(x), x.get("href")) for x in box.find_all("a")]
    assert links == [(" ".join(t["name"].split()), f"/tag/{t['slug']}") for t in tags]


def test_article_share_links_carry_the_percent_encoded_article_url():
    a = full_article()
    _, doc = page(f"/article/{a['slug']}")
    article_url = f"http://{default_site()['host']}:{SERVER.port}/article/{a['slug']}"
    encoded = quote(article_url, safe="")
    share = doc.find("section", class_="share")
    assert share is not None
    hrefs = [x.get("href") for x in share.find_all("a")]
    assert f"https://www.linkedin.com/sharing/share-offsite/?url={encoded}" in hrefs
    assert any(h.startswith("https://x.com/intent/post?") and h.endswith(f"&url={encoded}") for h in hrefs), hrefs
    assert any(h.startswith("mailto:?subject=") and h.endswith(f"&body={encoded}") for h in hrefs), hrefs
    assert article_url in hrefs  # the plain link to copy


def test_alexandra_article_text():
    with db() as c:
        trial = c.execute("SELECT id FROM trial WHERE name = 'ALEXANDRA/IMpassion030' AND site_id = ?",
                          (default_site()["id"],)).fetchone()
    assert trial is not None, "the demo has no ALEXANDRA/IMpassion030 trial"
    rows = visible_articles("a.audience = 'public' AND a.trial_id = ?", (trial["id"],))
    assert rows, "the demo has no public article about ALEXANDRA/IMpassion030"
    first = rows[-1]  # the report from the congress itself, before the follow-ups
    _, doc = page(f"/article/{first['slug']}")
    assert "ALEXANDRA/IMpassion030" in h1_text(doc)
    body = text_of(doc.find("div", class_="article-body"))
    assert re.search(r"\b(HR|hazard ratio)\b[^.]{0,40}\b1\.12\b", body), body[:2000]
    assert "IDFS" in body
    assert "Trial: ALEXANDRA/IMpassion030" in text_of(doc.find("header", class_="article-header"))


def test_every_visible_article_renders():
    bad = []
    for a in visible_articles():
        r = get(f"/article/{a['slug']}")
        if r.status_code != 200 or "<h1>" not in r.text:
            bad.append((a["slug"], r.status_code))
    assert not bad


def test_unknown_article_is_the_sites_html_404():
    site = default_site()
    r, doc = page("/article/no-such-article-here", status=404)
    assert h1_text(doc) == "Page not found"
    assert "Error 404" in text_of(main_of(doc))
    assert site["name"] in doc.find("title").text()
    assert doc.find("a", href="/") is not None


@pytest.mark.parametrize("path", ["/no/such/page", "/nothing-here", "/tag/no-such-topic", "/static/no-such.css"])
def test_unknown_path_is_the_sites_html_404(path):
    r, doc = page(path, status=404)
    assert h1_text(doc) == "Page not found"
    assert default_site()["name"] in text_of(doc.find("header", class_="site-header"))


# ---- gated articles --------------------------------------------------------------------------------------

def gated_articles():
    rows = visible_articles("a.audience <> 'public' AND a.body <> ''")
    assert rows, "the demo has no gated (non-public) article"
    return rows


def test_gated_article_body_is_withheld_from_anonymous_readers():
    # the control: the same way of looking finds the body of a public article on its page
    public = pick_article()
    assert distinctive_sentence(public) in get(f"/article/{public['slug']}").text
    for a in gated_articles():
        sentence = distinctive_sentence(a)
        for cookie in (None, "accepted"):
            r, doc = page(f"/article/{a['slug']}", cookies={"plenary_consent": cookie} if cookie else None)
            assert sentence not in r.text, f"the body of gated {a['slug']} was served"
            gate = doc.find("section", class_="gate")
            assert gate is not None, f"no sign-in prompt on {a['slug']}"
            assert gate.find("a", href=f"/signin?next=/article/{a['slug']}") is not None
            assert h1_text(doc) == " ".join(a["title"].split())
            assert doc.find("div", class_="article-body") is None


def test_gated_articles_appear_in_lists_as_teasers_only():
    for a in gated_articles():
        sentence = distinctive_sentence(a)
        with db() as c:
            section = c.execute("SELECT slug FROM section WHERE id = ?", (a["section_id"],)).fetchone()["slug"]
        found = False
        for n in range(1, 20):
            r = get(f"/section/{section}?page={n}")
            if r.status_code == 404:
                break
            assert r.status_code == 200
            assert sentence not in r.text
            card = next((x for x in parse_html(r.text).find_all("article", class_="card")
                         if x.find("a", href=f"/article/{a['slug']}") is not None), None)
            if card is not None:
                found = True
                assert text_of(card.find("p", class_="card-summary")) == " ".join(a["summary"].split())
                assert {"members": "For members", "hcp": "For healthcare professionals",
                        "verified_hcp": "For verified healthcare professionals"}[a["audience"]] in text_of(card)
                break
        assert found, f"gated article {a['slug']} is missing from its section's list"
        for path in ("/", "/tags", "/congresses"):
            assert sentence not in get(path).text


# ---- tags ------------------------------------------------------------------------------------------------

def tag_counts():
    with db() as c:
        # a family of translations counts once
        return c.execute(f"SELECT g.*, count(DISTINCT COALESCE(a.family_id, a.id)) AS n FROM tag g "
                         f"JOIN article_tag x ON x.tag_id = g.id "
                         f"JOIN article a ON a.id = x.article_id WHERE g.site_id = ? AND {VISIBLE} "
                         "GROUP BY g.id ORDER BY n DESC, g.name", (default_site()["id"],)).fetchall()


def test_tag_index_lists_topics_with_counts():
    _, doc = page("/tags")
    assert h1_text(doc) == "Topics"
    cloud = main_of(doc).find("ul", class_="tag-cloud")
    got = [(x.get("href"), text_of(x)) for x in cloud.find_all("a")]
    want = [(f"/tag/{t['slug']}", f"{' '.join(t['name'].split())} ({t['n']})") for t in tag_counts()]
    assert want and got == want


def test_tag_page_lists_its_articles():
    t = tag_counts()[0]
    _, doc = page(f"/tag/{t['slug']}")
    assert h1_text(doc) == " ".join(t["name"].split())
    want = [a["slug"] for a in visible_articles("a.id IN (SELECT article_id FROM article_tag WHERE tag_id = ?)",
                                                (t["id"],))[:PAGE_SIZE]]
    assert card_slugs(main_of(doc)) == want
    assert breadcrumbs(doc)[:2] == [("Home", "/"), ("Topics", "/tags")]


# ---- static pages, forms, account placeholders -----------------------------------------------------------

@pytest.mark.parametrize("path", ["/privacy", "/about"])
def test_static_pages(path):
    with db() as c:
        p = c.execute("SELECT * FROM page WHERE site_id = ? AND path = ?", (default_site()["id"], path)).fetchone()
    assert p is not None, f"the demo has no page {path}"
    _, doc = page(path)
    assert h1_text(doc) == " ".join(p["title"].split())
    first_words = re.search(r"[A-Za-z][A-Za-z ,]{15,}", p["body"]).group(0).strip()
    assert first_words in text_of(main_of(doc))


def test_contact_page():
    _, doc = page("/contact")
    assert h1_text(doc) == "Contact us"
    form = doc.find("form", action="/contact")
    assert form is not None and form.get("method") == "post"
    for name in ("name", "email", "topic", "message", "agree", "form_token"):
        assert any(x.get("name") == name for x in form.iter()), name


def test_cookies_page():
    _, doc = page("/cookies")
    assert h1_text(doc) == "Cookie settings"
    assert "plenary_consent" in text_of(main_of(doc))
    assert "not made yet" in text_of(main_of(doc))
    forms = list(main_of(doc).find_all("form", action="/consent"))
    assert len(forms) == 2


@pytest.mark.parametrize("path,title,action", [("/signup", "Create your account", "/signup"),
                                               ("/signin", "Sign in", "/signin")])
def test_account_forms(path, title, action):
    _, doc = page(path)
    assert h1_text(doc) == title
    assert main_of(doc).find("form", action=action) is not None


def test_healthz():
    r = get("/healthz")
    assert r.status_code == 200 and r.text == "ok\n"


# ---- sister sites ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("host", ["dermatology.localhost", "hematology.localhost"])
def test_sister_site_by_host_header(host):
    site = site_named(host)
    r, doc = page("/", headers=host_header(host))
    assert text_of(doc.find("span", class_="brand-name")) == site["name"]
    assert site["name"] in doc.find("title").text()
    with db() as c:
        others = c.execute("SELECT host FROM site WHERE id <> ?", (site["id"],)).fetchall()
    nav = doc.find("header", class_="site-header")
    footer = doc.find("footer")
    for o in others:
        link = f"http://{o['host']}:{SERVER.port}/"
        assert footer.find("a", href=link) is not None, f"footer lacks {link}"
    with db() as c:
        menu_targets = c.execute("SELECT s.host FROM menu_item m JOIN site s ON 'site:' || s.slug = m.url "
                                 "WHERE m.site_id = ?", (site["id"],)).fetchall()
    for t in menu_targets:
        assert nav.find("a", href=f"http://{t['host']}:{SERVER.port}/") is not None, t["host"]
    assert f"http://{host}:{SERVER.port}/" not in [a.get("href") for a in footer.find_all("a")]


@pytest.mark.parametrize("host", ["dermatology.localhost", "hematology.localhost"])
def test_sister_site_pages_speak_of_their_own_specialty(host):
    # the theme's fixed wording must not call a dermatology or hematology site's congresses "oncology"
    _, doc = page("/congresses", headers=host_header(host))
    lede = text_of(main_of(doc).find("p", class_="lede"))
    assert "oncology" not in lede.lower(), lede
    if host.startswith("dermatology"):
        _, doc = page("/", headers=host_header(host))
        headings = [text_of(h) for h in main_of(doc).find_all("h2")]
        assert not any("cancer type" in h for h in headings), headings


def test_menu_links_to_other_sites_with_the_port():
    site = default_site()
    with db() as c:
        targets = c.execute("SELECT s.host FROM menu_item m JOIN site s ON 'site:' || s.slug = m.url "
                            "WHERE m.site_id = ?", (site["id"],)).fetchall()
    assert targets, "the demo menu has no link to a sister site"
    _, doc = page("/")
    nav = doc.find("nav", class_="main-nav")
    for t in targets:
        assert nav.find("a", href=f"http://{t['host']}:{SERVER.port}/") is not None, t["host"]


def test_sister_site_does_not_serve_another_sites_article():
    a = visible_articles()[0]
    r = get(f"/article/{a['slug']}", headers=host_header("dermatology.localhost"))
    assert r.status_code == 404


def test_unknown_host_gets_the_default_site():
    _, doc = page("/", headers={"Host": "unknown.example"})
    assert text_of(doc.find("span", class_="brand-name")) == default_site()["name"]


# ---- pagination ------------------------------------------------------------------------------------------

def test_pagination_page_two():
    all_slugs = [a["slug"] for a in visible_articles()]
    assert len(all_slugs) > 2 * PAGE_SIZE, "the demo needs more than two pages of articles"
    _, doc = page("/?page=2")
    latest = doc.find("section", aria_labelledby="latest-title")
    assert card_slugs(latest) == all_slugs[PAGE_SIZE:2 * PAGE_SIZE]
    assert doc.find("a", rel="prev").get("href") == "/"
    assert doc.find("a", rel="next").get("href") == "/?page=3"
    assert doc.find("section", class_="highlight") is None
    pages = -(-len(all_slugs) // PAGE_SIZE)
    assert f"Page 2 of {pages}" in text_of(doc.find("nav", class_="pagination"))


def test_pagination_first_and_last_page():
    total = len(visible_articles())
    pages = -(-total // PAGE_SIZE)
    _, doc = page("/")
    assert doc.find("a", rel="prev") is None
    assert doc.find("a", rel="next").get("href") == "/?page=2"
    _, doc = page(f"/?page={pages}")
    assert doc.find("a", rel="next") is None
    assert doc.find("a", rel="prev").get("href") == (f"/?page={pages - 1}" if pages > 2 else "/")
    latest = doc.find("section", aria_labelledby="latest-title")
    assert len(card_slugs(latest)) == total - (pages - 1) * PAGE_SIZE


@pytest.mark.parametrize("query", ["page=0", "page=abc", "page=-1", "page=1x", "page="])
@pytest.mark.parametrize("base", ["/", "/section/breast-cancer", "/congress/sabcs-2023"])
def test_bad_page_number_is_400(base, query):
    r, doc = page(f"{base}?{query}", status=400)
    assert "whole number" in text_of(main_of(doc))


@pytest.mark.parametrize("base", ["/", "/section/breast-cancer", "/congress/sabcs-2023"])
def test_page_past_the_end_is_404(base):
    page(f"{base}?page=999", status=404)


# ---- what the reader types is shown as text, never as markup ---------------------------------------------

@pytest.mark.parametrize("path", ['/congresses?q="><script>alert(1)</script>',
                                  "/no-such-page-<script>alert(1)</script>",
                                  "/section/breast-cancer?page=2&x=%22%3E%3Cscript%3Ealert(1)%3C/script%3E"])
def test_reflected_input_is_escaped(path):
    r = get(path)
    assert r.status_code in (200, 404)
    assert "<script>" not in r.text
    assert "alert(1)" not in r.text or "&lt;script&gt;" in r.text or "%3Cscript%3E" in r.text


def test_year_with_leading_zero_redirects_to_its_one_address():
    r = get("/congresses/02025", allow_redirects=False)
    assert r.status_code == 301
    assert r.headers["location"] == "/congresses/2025"
