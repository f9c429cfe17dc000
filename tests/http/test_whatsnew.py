"""The "What's new" document per section (issue 18): its index of months and congresses, one month's or one
congress's visible articles (no drafts, scheduled or other sections), references only for readers the
article's audience admits (teaser for the others), helpful 404s, and the page cache (a hit on the second
request, dropped when an article in it changes). Articles of a section of its own are written to the
database before any page of it is asked for."""
import calendar
import os
import tempfile
import time

import pytest
import requests

from conftest import (Reader, form_values, make_demo_database, make_reader, make_staff, parse_html, start_plenary,
                      start_smtp, text_of)

SECTION = "whatsnew-test"
MARCH = calendar.timegm((2025, 3, 10, 12, 0, 0))
FEB = calendar.timegm((2025, 2, 20, 12, 0, 0))
GATED_REF = "Gatedref Z, et al. Only for professionals. 2025."
PUBLIC_REF = "Openref Y, et al. For everyone. 2025."


def add_article(srv, slug, section_id, published_at, status="published", audience="public", congress_id=None):
    srv.execute("INSERT INTO article (site_id, slug, title, summary, body, kind, section_id, congress_id, status, "
                "audience, published_at, created_at, updated_at) VALUES (1, ?, ?, ?, ?, 'interview', ?, ?, ?, ?, "
                "?, ?, ?)", (slug, f"Title of {slug}", f"Teaser of {slug}", f"Body of {slug}", section_id,
                            congress_id, status, audience, published_at, published_at, published_at))
    return srv.query("SELECT id FROM article WHERE site_id = 1 AND slug = ?", (slug,))[0]["id"]


@pytest.fixture(scope="module")
def srv():
    """A server of its own (the articles written here must not reach other modules' pages): the demo
    database, mail to aiosmtpd for the readers' sign-up."""
    with tempfile.TemporaryDirectory(prefix="plenary-whatsnew-") as tmp:
        smtp = start_smtp(tmp)
        try:
            server = start_plenary(tmp, make_demo_database(tmp), {"smtp_url": f"smtp://127.0.0.1:{smtp.port}",
                                                                  "outbox": os.path.join(tmp, "outbox")},
                                   name="whatsnew-server")
            server.mail = smtp.mailbox
            yield server
            assert server.stop() == 0, server.log()[-3000:]
        finally:
            smtp.stop()


@pytest.fixture(scope="module")
def data(srv):
    srv.execute("INSERT INTO section (site_id, slug, name, description, position) VALUES "
                "(1, ?, 'Whatsnew Test Cancer', '', 99)", (SECTION,))
    sid = srv.query("SELECT id FROM section WHERE site_id = 1 AND slug = ?", (SECTION,))[0]["id"]
    other = srv.query("SELECT id FROM section WHERE site_id = 1 AND slug = 'breast-cancer'")[0]["id"]
    congress = srv.query("SELECT id, slug, name FROM congress WHERE site_id = 1 ORDER BY id LIMIT 1")[0]
    now = int(time.time())
    ids = {
        "pub": add_article(srv, "wn-public-march", sid, MARCH, congress_id=congress["id"]),
        "hcp": add_article(srv, "wn-hcp-march", sid, MARCH + 3600, audience="hcp", congress_id=congress["id"]),
        "draft": add_article(srv, "wn-draft-march", sid, MARCH + 7200, status="draft"),
        "review": add_article(srv, "wn-review-march", sid, MARCH + 7300, status="review"),
        "other": add_article(srv, "wn-other-section-march", other, MARCH + 100),
        "feb": add_article(srv, "wn-public-feb", sid, FEB),
        "recent": add_article(srv, "wn-recent", sid, now - 3600),
        "scheduled": add_article(srv, "wn-scheduled", sid, now + 86400, status="scheduled"),
    }
    srv.execute("INSERT INTO reference (article_id, position, citation, abstract_no, url) VALUES (?, 0, ?, 'LBA7', "
                "'https://doi.org/10.1000/gated')", (ids["hcp"], GATED_REF))
    srv.execute("INSERT INTO reference (article_id, position, citation, abstract_no, url) VALUES (?, 0, ?, '', "
                "'https://doi.org/10.1000/open')", (ids["pub"], PUBLIC_REF))
    srv.execute("INSERT INTO reference (article_id, position, citation, abstract_no, url) VALUES (?, 1, 'Doiref X. "
                "2025.', '', '10.1000/bare-doi')", (ids["pub"],))
    srv.execute("INSERT INTO reference (article_id, position, citation, abstract_no, url) VALUES (?, 2, 'Oddref W. "
                "2025.', '', 'javascript:alert(1)')", (ids["pub"],))
    person = srv.query("SELECT id, name FROM person ORDER BY id LIMIT 1")[0]
    srv.execute("INSERT INTO article_person (article_id, person_id, role, position) VALUES (?, ?, 'speaker', 0)",
                (ids["pub"], person["id"]))
    return {"ids": ids, "congress": congress, "person": person, "now": now}


def slugs(html):
    doc = parse_html(html)
    return {a.get("href")[len("/article/"):] for s in doc.find_all("section", class_="whatsnew-item")
            for a in s.find_all("a") if a.get("href", "").startswith("/article/") and a.parent.tag == "h2"}


def test_index_lists_months_and_congresses(srv, data):
    r = Reader(srv).get(f"/section/{SECTION}/whats-new")
    assert r.status_code == 200
    doc = parse_html(r.text)
    links = [a.get("href", "") for a in doc.find_all("a") if not a.get("href", "").endswith(".pdf")]  # PDFs beside
    months = [h.rsplit("/", 1)[1] for h in links if "/whats-new/20" in h]
    recent = time.strftime("%Y-%m", time.gmtime(data["now"] - 3600))
    assert months == sorted({"2025-03", "2025-02", recent}, reverse=True)  # newest first, no draft-only month
    congresses = [h for h in links if "/whats-new/congress/" in h]
    assert congresses == [f"/section/{SECTION}/whats-new/congress/{data['congress']['slug']}"]
    assert "What&#39;s new in Whatsnew Test Cancer" in r.text or "What's new in Whatsnew Test Cancer" in r.text


def test_month_holds_exactly_its_visible_articles(srv, data):
    r = Reader(srv).get(f"/section/{SECTION}/whats-new/2025-03")
    assert r.status_code == 200
    assert slugs(r.text) == {"wn-public-march", "wn-hcp-march"}
    doc = parse_html(r.text)
    assert "Whatsnew Test Cancer — March 2025" in text_of(doc.find("h1"))
    item = doc.find("section", aria_labelledby="item-wn-public-march")
    assert data["person"]["name"] in text_of(item) and data["congress"]["name"] in text_of(item)
    assert "Teaser of wn-public-march" in text_of(item) and "Interview" in text_of(item)
    assert PUBLIC_REF in text_of(item) and item.find("a", href="https://doi.org/10.1000/open")
    assert "whatsnew.css" in r.text
    # a bare DOI links to its resolver; an address that is neither web nor DOI is shown, never linked
    assert item.find("a", href="https://doi.org/10.1000/bare-doi") is not None
    assert "javascript:alert(1)" in text_of(item) and not item.find("a", href="javascript:alert(1)")
    # the scheduled article is not in its month's document; the recent one is
    recent = time.strftime("%Y-%m", time.gmtime(data["now"] - 3600))
    page = Reader(srv).get(f"/section/{SECTION}/whats-new/{recent}")
    assert "wn-recent" in slugs(page.text) and "wn-scheduled" not in page.text


def test_congress_document(srv, data):
    r = Reader(srv).get(f"/section/{SECTION}/whats-new/congress/{data['congress']['slug']}")
    assert r.status_code == 200
    assert slugs(r.text) == {"wn-public-march", "wn-hcp-march"}


@pytest.mark.parametrize("level", ["anonymous", "member", "hcp"])
def test_gated_references_only_for_the_audience(srv, data, level):
    reader = make_reader(srv, level)
    for path in [f"/section/{SECTION}/whats-new/2025-03",
                 f"/section/{SECTION}/whats-new/congress/{data['congress']['slug']}"]:
        r = reader.get(path)
        assert r.status_code == 200
        item = parse_html(r.text).find("section", aria_labelledby="item-wn-hcp-march")
        assert "Teaser of wn-hcp-march" in text_of(item)
        assert "Body of wn-hcp-march" not in r.text
        shown = GATED_REF in r.text or "10.1000/gated" in r.text
        assert shown == (level == "hcp"), f"{level}: references {'shown' if shown else 'missing'} on {path}"
        assert PUBLIC_REF in r.text


@pytest.mark.parametrize("path,why", [
    (f"/section/{SECTION}/whats-new/2024-01", "Nothing was published"),
    (f"/section/{SECTION}/whats-new/2025-13", "for example 2025-06"),
    (f"/section/{SECTION}/whats-new/2025-3", "for example 2025-06"),
    (f"/section/{SECTION}/whats-new/march", "for example 2025-06"),
    (f"/section/{SECTION}/whats-new/congress/no-such-congress", "no coverage of that congress"),
    ("/section/no-such-section/whats-new", "no such section"),
    ("/section/no-such-section/whats-new/2025-03", "no such section"),
])
def test_not_found_says_why(srv, data, path, why):
    r = Reader(srv).get(path)
    assert r.status_code == 404, path
    assert why in r.text.replace("&quot;", '"')


def test_congress_without_coverage_in_this_section(srv, data):
    other = srv.query("SELECT slug FROM congress WHERE site_id = 1 AND id <> ? ORDER BY id LIMIT 1",
                      (data["congress"]["id"],))[0]["slug"]
    assert Reader(srv).get(f"/section/{SECTION}/whats-new/congress/{other}").status_code == 404


def test_section_page_and_menu_lead_to_the_index(srv, data):
    r = Reader(srv).get("/section/breast-cancer")
    assert 'href="/section/breast-cancer/whats-new"' in r.text
    home = Reader(srv).get("/")
    menu = parse_html(home.text).find("nav", class_="main-nav")
    assert menu.find("a", href="/section/breast-cancer/whats-new") is not None


# ---- the page cache --------------------------------------------------------------------------------------

CONSENTED = {"Cookie": "plenary_consent=rejected"}
ONE = requests.Session()  # one connection, one worker, one page cache


def cached_get(srv, path):
    r = ONE.get(srv.url(path), headers=CONSENTED, timeout=10, allow_redirects=False)
    assert r.status_code == 200, f"{path}: {r.status_code}"
    return r


def test_cached_and_dropped_when_an_article_in_it_changes(srv):
    editor = make_staff(srv, "editor", name="Wanda Whatsnew")
    a = srv.query("SELECT a.id, a.published_at FROM article a JOIN section s ON s.id = a.section_id "
                  "WHERE a.site_id = 1 AND s.slug = 'breast-cancer' AND a.status = 'published' "
                  "AND a.audience = 'public' ORDER BY a.published_at DESC LIMIT 1")[0]
    path = "/section/breast-cancer/whats-new/" + time.strftime("%Y-%m", time.gmtime(a["published_at"]))
    cached_get(srv, path)
    assert cached_get(srv, path).headers.get("x-cache") == "hit"
    doc = parse_html(editor.get(f"/admin/articles/{a['id']}").text)
    form = next(f for f in doc.find_all("form")
                if (f.get("action") or "").startswith("/admin/articles") and f.get("method") == "post")
    title = f"Whats new cache {os.urandom(3).hex()}"
    pairs = [(k, v) for k, v in form_values(form) if k not in ("title", "action")]
    r = editor.post(f"/admin/articles/{a['id']}", data=pairs + [("title", title), ("action", "save")])
    assert r.status_code == 303, r.status_code
    fresh = cached_get(srv, path)
    assert fresh.headers.get("x-cache") != "hit" and title in fresh.text
