"""The editorial back office: the article list and its filters, the editor (create, update, preview), every bad
input, roles, conflicts, expired sessions, revisions and restore, the audit log; and what the public sees:
an article shows on its page, its section, the home page and its tags exactly when it is visible, an edit is on
every cached page right after the save, and a scheduled article appears at its second.

These tests run against admin_server (conftest.py), a server with a demo database of its own, so the public
pages the other modules compare with the demo stay unchanged. Staff accounts are made with
`plenary user add --generate` while the server runs (make_staff) and sign in through /signin; every form is
posted with the form_token scraped from the page it is on, as a browser without JavaScript posts it.
"""
import calendar
import re
import tempfile
import time
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from conftest import (card_slugs, form_token, form_values, h1_text, main_of, make_demo_database, make_staff,
                      parse_html, start_plenary, text_of)

LIST_PAGE = 25  # articles per page in /admin/articles
STATUSES = ["draft", "review", "scheduled", "published", "archived"]
HIDDEN = ["draft", "review", "archived"]  # never on public pages, whatever their time
SESSION_ENDED = "Your session has ended"
SLUG_RULE = "A slug has only lowercase letters, digits and single hyphens"


@pytest.fixture(scope="module")
def srv(admin_server):
    return admin_server


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Eda Editor")


@pytest.fixture(scope="module")
def contributor(srv):
    return make_staff(srv, "contributor", name="Cole Contributor")


@pytest.fixture(scope="module")
def admin(srv):
    return make_staff(srv, "admin", name="Ada Admin")


@pytest.fixture(scope="module")
def reader(srv):
    return make_staff(srv, "reader", name="Rita Reader")


class Demo:
    """What the demo database offers the editor on the default site."""


@pytest.fixture(scope="module")
def demo(srv):
    d = Demo()
    site = srv.query("SELECT id FROM site WHERE is_default = 1")[0]["id"]
    d.site = site
    d.sections = srv.query("SELECT * FROM section WHERE site_id = ? ORDER BY id", (site,))
    d.section, d.other_section = d.sections[0], d.sections[1]
    d.congresses = srv.query("SELECT * FROM congress WHERE site_id = ? ORDER BY id", (site,))
    d.congress, d.other_congress = d.congresses[0], d.congresses[1]
    d.trial = srv.query("SELECT * FROM trial WHERE site_id = ? ORDER BY id LIMIT 1", (site,))[0]
    d.people = srv.query("SELECT * FROM person ORDER BY id LIMIT 3")
    d.sponsors = srv.query("SELECT * FROM sponsor WHERE site_id = ? ORDER BY id", (site,))
    d.tag = srv.query("SELECT * FROM tag WHERE site_id = ? ORDER BY id LIMIT 1", (site,))[0]
    assert len(d.sections) >= 2 and len(d.congresses) >= 2 and len(d.people) == 3 and len(d.sponsors) >= 2
    return d


# ---- helpers ---------------------------------------------------------------------------------------------

def uid():
    return uuid.uuid4().hex[:10]


def utc(t):
    """Unix seconds as the editor writes them: UTC, to the second."""
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t))


def fields(demo, **over):
    """A complete, valid editor form for a new draft; `over` replaces fields (None drops one)."""
    n = uid()
    f = {"title": f"Adjuvant readout {n}", "slug": "", "summary": f"What the trial showed, in short ({n}).",
         "body": f"The investigators reported sentence-{n} at the plenary.\n\nA second paragraph.",
         "section": str(demo.section["id"]), "congress": "", "trial": "", "interviewer": "", "references": "",
         "tags": "", "audience": "public", "video_url": "", "status": "draft", "published": "", "action": "save"}
    f.update(over)
    return {k: v for k, v in f.items() if v is not None}


def editor_form(doc):
    """The editor's <form> (it posts to /admin/articles or /admin/articles/ID)."""
    for form in doc.find_all("form"):
        if re.fullmatch(r"/admin/articles(/\d+)?", form.get("action") or "") and form.get("method") == "post":
            return form
    return None


def values(doc):
    """The editor form's values by name: a list for the fields that may repeat."""
    got = {}
    for k, v in form_values(editor_form(doc)):
        got.setdefault(k, []).append(v)
    return {k: (v if k in ("speakers", "sponsors") else v[0]) for k, v in got.items()}


def field_errors(doc):
    """{field: message} of the messages beside the fields."""
    return {p.get("id")[len("error-"):]: text_of(p) for p in doc.find_all("p", class_="field-error")}


def summary_errors(doc):
    box = doc.find("div", class_="error-summary")
    return [(a.get("href"), text_of(a)) for a in box.find_all("a")] if box is not None else []


def open_editor(staff, path="/admin/articles/new"):
    """GETs an editor page: (document, its form's values)."""
    r = staff.get(path)
    assert r.status_code == 200, f"GET {path}: {r.status_code}"
    doc = parse_html(r.text)
    assert editor_form(doc) is not None, f"no editor form on {path}"
    return doc, dict(form_values(editor_form(doc)))


def save(staff, data, article_id=None, revision=None):
    """Posts data to the editor as a browser would from a freshly opened editor: the form_token (and, for an
    existing article, the revision it started from, unless data or `revision` gives one)."""
    path = f"/admin/articles/{article_id}" if article_id else "/admin/articles"
    _, opened = open_editor(staff, path if article_id else "/admin/articles/new")
    body = {"form_token": opened["form_token"], **data}
    if article_id and "revision" not in data:
        body["revision"] = opened["revision"] if revision is None else str(revision)
    return staff.post(path, data=body)


def edit(staff, article_id, **changes):
    """Opens the editor of an article, changes some fields and saves, as an editor in a browser does (the
    other fields, the revision and the slug as the page has them)."""
    doc, _ = open_editor(staff, f"/admin/articles/{article_id}")
    changes.setdefault("action", "save")
    pairs = [(k, v) for k, v in form_values(editor_form(doc)) if k not in changes]
    for k, v in changes.items():
        pairs.extend((k, x) for x in (v if isinstance(v, list) else [v]))
    return staff.post(f"/admin/articles/{article_id}", data=pairs)


def saved_id(r):
    assert r.status_code == 303, f"save answered {r.status_code}: {summary_errors(parse_html(r.text)) or r.text[:300]}"
    m = re.fullmatch(r"/admin/articles/(\d+)\?saved=1", r.headers["location"])
    assert m, r.headers["location"]
    return int(m.group(1))


def create(staff, demo, **over):
    """Saves a new article; returns (id, the fields sent)."""
    data = fields(demo, **over)
    return saved_id(save(staff, data)), data


def row(srv, article_id):
    return srv.query("SELECT * FROM article WHERE id = ?", (article_id,))[0]


def count(srv, sql, params=()):
    return srv.query(sql, params)[0][0]


def snapshot(srv):
    """Every table a save writes to, counted: a refused save changes none of them."""
    return {t: count(srv, f"SELECT count(*) FROM {t}")
            for t in ("article", "revision", "audit_log", "tag", "article_tag", "article_person", "reference",
                      "article_sponsor")}


def user_id(srv, staff):
    return srv.query("SELECT id FROM user WHERE email = ?", (staff.email,))[0]["id"]


def anon(srv, path):
    """A GET by an anonymous reader (no cookies): the page every visitor shares, from the page cache."""
    return requests.get(srv.url(path), timeout=10, allow_redirects=False)


def public_cards(srv, path):
    r = anon(srv, path)
    if r.status_code == 404:
        return []
    assert r.status_code == 200, f"GET {path}: {r.status_code}"
    return card_slugs(main_of(parse_html(r.text)))


def latest_cards(srv):
    """Slugs of the home page's 'Latest interviews and reports' list."""
    r = anon(srv, "/")
    assert r.status_code == 200
    sec = parse_html(r.text).find("section", aria_labelledby="latest-title")
    return card_slugs(sec)


def shown(srv, path, slug, title=None):
    """Whether the public page at path shows the article: its own page answers 200 (with the title when given);
    a list has its card (with the title when given)."""
    r = anon(srv, path)
    if path == f"/article/{slug}":
        if r.status_code == 404:
            return False
        assert r.status_code == 200, f"GET {path}: {r.status_code}"
        return title is None or h1_text(parse_html(r.text)) == title
    if r.status_code == 404:
        return False
    assert r.status_code == 200, f"GET {path}: {r.status_code}"
    doc = parse_html(r.text)
    main = main_of(doc)
    if slug not in card_slugs(main):
        return False
    if title is None:
        return True
    titles = [text_of(c.find("h3")) for c in main.find_all("article", class_="card")
              if c.find("h3").find("a").get("href") == f"/article/{slug}"]
    return all(t == title for t in titles)


def warm(srv, paths, times=6):
    """Fetches each page several times, so both worker threads have it in their page cache."""
    for _ in range(times):
        for p in paths:
            anon(srv, p)


def wait_for(pred, timeout, step=0.02):
    """Polls pred until true; returns the seconds it took, or None."""
    start = time.monotonic()
    while True:
        if pred():
            return time.monotonic() - start
        if time.monotonic() - start > timeout:
            return None
        time.sleep(step)


def admin_rows(staff, query=""):
    """(total from the "N articles." line, [(id, title, status)]) of one page of the article list."""
    r = staff.get("/admin/articles" + query)
    assert r.status_code == 200, f"GET /admin/articles{query}: {r.status_code}"
    doc = parse_html(r.text)
    main = main_of(doc)
    total = next(int(m.group(1)) for p in main.find_all("p") if (m := re.fullmatch(r"(\d+) articles\.", text_of(p))))
    rows = []
    table = main.find("table")
    for tr in (table.find("tbody").find_all("tr") if table is not None else []):
        a = tr.find("a")
        cells = list(tr.find_all("td"))
        rows.append((int(a.get("href").rsplit("/", 1)[1]), text_of(a), text_of(cells[1])))
    return total, rows


# ==== who may enter ======================================================================================

def admin_paths(article_id):
    return ["/admin", "/admin/articles", "/admin/articles?status=draft", "/admin/articles/new",
            f"/admin/articles/{article_id}", f"/admin/articles/{article_id}/revisions", "/admin/audit"]


@pytest.fixture(scope="module")
def some_draft(editor, demo):
    article_id, _ = create(editor, demo)
    return article_id


def test_anonymous_visitors_are_sent_to_sign_in(srv, some_draft):
    for path in admin_paths(some_draft):
        r = anon(srv, path)
        assert r.status_code == 303, f"{path}: {r.status_code}"
        loc = urlsplit(r.headers["location"])
        assert loc.path == "/signin", f"{path} redirects to {r.headers['location']}"
        assert parse_qs(loc.query).get("return") == [urlsplit(path).path], r.headers["location"]


def test_readers_get_403_on_every_page_and_form(srv, reader, editor, demo, some_draft):
    for path in admin_paths(some_draft):
        r = reader.get(path)
        assert r.status_code == 403, f"reader GET {path}: {r.status_code}"
        assert editor_form(parse_html(r.text)) is None
    token = reader.token("/account")  # a valid token of the reader's own session
    before = snapshot(srv)
    revision = row(srv, some_draft)["revision_no"]
    for path, data in [("/admin/articles", fields(demo, status="published")),
                       (f"/admin/articles/{some_draft}", fields(demo, revision=str(revision))),
                       (f"/admin/articles/{some_draft}/restore", {"revision_id": "1"})]:
        r = reader.post(path, data={"form_token": token, **data})
        assert r.status_code == 403, f"reader POST {path}: {r.status_code}"
    assert snapshot(srv) == before
    assert row(srv, some_draft)["revision_no"] == revision


def test_admin_home_goes_to_the_article_list(editor):
    r = editor.get("/admin")
    assert r.status_code == 303 and r.headers["location"] == "/admin/articles"


def test_staff_of_every_role_opens_the_list_and_the_editor(editor, contributor, admin):
    for staff in (editor, contributor, admin):
        for path in ("/admin/articles", "/admin/articles/new"):
            r = staff.get(path)
            assert r.status_code == 200, f"{staff.role} GET {path}: {r.status_code}"
            assert r.headers.get("content-type") == "text/html; charset=utf-8"


def test_the_audit_log_is_for_editors_and_admins(editor, admin, contributor):
    assert editor.get("/admin/audit").status_code == 200
    assert admin.get("/admin/audit").status_code == 200
    assert contributor.get("/admin/audit").status_code == 403


def test_unknown_articles_are_404(editor):
    for path in ("/admin/articles/999999", "/admin/articles/abc", "/admin/articles/0",
                 "/admin/articles/999999/revisions", "/admin/articles/-1/revisions"):
        assert editor.get(path).status_code == 404, path


def test_saving_an_unknown_article_is_404_and_creates_nothing(srv, editor, demo):
    before = snapshot(srv)
    _, opened = open_editor(editor)
    r = editor.post("/admin/articles/999999", data={"form_token": opened["form_token"], "revision": "1",
                                                       **fields(demo)})
    assert r.status_code == 404, f"saving article 999999 answered {r.status_code}, not 404"
    assert snapshot(srv) == before


def test_every_post_needs_the_form_token(srv, editor, demo, some_draft):
    before = snapshot(srv)
    revision = row(srv, some_draft)["revision_no"]
    for path, data in [("/admin/articles", fields(demo)),
                       (f"/admin/articles/{some_draft}", fields(demo, revision=str(revision))),
                       (f"/admin/articles/{some_draft}/restore", {"revision_id": "1"})]:
        for token in (None, "", "1.00", "deadbeef"):
            body = dict(data) if token is None else {"form_token": token, **data}
            r = editor.post(path, data=body)
            assert r.status_code == 403, f"POST {path} with token {token!r}: {r.status_code}"
    assert snapshot(srv) == before


# ==== the list ===========================================================================================

def test_the_list_pages_25_articles_newest_change_first(srv, editor, demo):
    total = count(srv, "SELECT count(*) FROM article WHERE site_id = ?", (demo.site,))
    got, rows = admin_rows(editor)
    assert got == total
    want = srv.query("SELECT id FROM article WHERE site_id = ? ORDER BY updated_at DESC, id DESC LIMIT 25",
                     (demo.site,))
    assert [x[0] for x in rows] == [w["id"] for w in want]
    pages = -(-total // LIST_PAGE)
    assert pages >= 3, "the demo needs more than two pages of articles"
    _, second = admin_rows(editor, "?page=2")
    assert len(second) == LIST_PAGE and not {x[0] for x in second} & {x[0] for x in rows}
    _, last = admin_rows(editor, f"?page={pages}")
    assert len(last) == total - (pages - 1) * LIST_PAGE
    assert editor.get(f"/admin/articles?page={pages + 1}").status_code == 404
    for bad in ("0", "abc", "-1"):
        assert editor.get(f"/admin/articles?page={bad}").status_code == 400, bad
    assert editor.get("/admin/articles?status=bogus").status_code == 400


def test_the_list_filters_by_status_section_congress_title_and_author(srv, editor, contributor, demo):
    word = f"Filterable{uid()}"
    mine, _ = create(contributor, demo, title=f"{word} report", section=str(demo.other_section["id"]),
                     congress=str(demo.other_congress["id"]), status="review")
    other, _ = create(editor, demo, title=f"{word} interview", section=str(demo.section["id"]),
                      congress=str(demo.congress["id"]), status="draft")

    def ids(staff, query):
        total, rows = admin_rows(staff, query)
        assert total == len(rows)
        return {x[0] for x in rows}

    assert ids(editor, f"?q={word}") == {mine, other}
    assert ids(editor, f"?q={word}&status=review") == {mine}
    assert ids(editor, f"?q={word}&status=draft") == {other}
    assert ids(editor, f"?q={word}&status=published") == set()
    assert ids(editor, f"?q={word}&section={demo.other_section['id']}") == {mine}
    assert ids(editor, f"?q={word}&congress={demo.congress['id']}") == {other}
    assert ids(contributor, f"?q={word}&mine=1") == {mine}
    assert ids(editor, f"?q={word}&mine=1") == {other}
    assert ids(editor, f"?q={word}&status=&section=&congress=") == {mine, other}  # "Any" in every filter
    # the status column, the author column, and no public link for what is not published
    r = editor.get(f"/admin/articles?q={word}")
    doc = parse_html(r.text)
    for tr in main_of(doc).find("tbody").find_all("tr"):
        cells = [text_of(td) for td in tr.find_all("td")]
        link = tr.find("a").get("href")
        if link == f"/admin/articles/{mine}":
            assert cells[1] == "review" and cells[5] == "Cole Contributor"
        else:
            assert cells[1] == "draft" and cells[5] == "Eda Editor"
        assert tr.find("a", href=re.compile(r"^/article/")) is None
    # LIKE wildcards are literal characters
    n = count(srv, "SELECT count(*) FROM article WHERE site_id = ? AND instr(title, '%') > 0", (demo.site,))
    assert admin_rows(editor, "?q=%25")[0] == n
    # the filters show what was chosen
    doc = parse_html(editor.get(f"/admin/articles?q={word}&status=review&section={demo.other_section['id']}&mine=1").text)
    assert doc.find("input", name="q").get("value") == word
    assert "selected" in doc.find("select", name="status").find("option", value="review").attrs
    assert "selected" in doc.find("select", name="section").find("option", value=str(demo.other_section["id"])).attrs
    assert "checked" in doc.find("input", name="mine").attrs
    assert "No article matches" in editor.get(f"/admin/articles?q={word}&status=archived").text


# ==== the editor =========================================================================================

def options(doc, name):
    select = editor_form(doc).find("select", name=name)
    return [o.get("value") for o in select.find_all("option") if o.get("value")]


def test_the_new_article_form_offers_every_choice(srv, editor, contributor, demo):
    doc, v = open_editor(editor)
    form = editor_form(doc)
    assert form.get("action") == "/admin/articles"
    assert v["revision"] == "0" and v["form_token"]
    assert sorted(options(doc, "section"), key=int) == [str(s["id"]) for s in demo.sections]
    assert sorted(options(doc, "congress"), key=int) == sorted((str(c["id"]) for c in demo.congresses), key=int)
    assert set(options(doc, "speakers")) == {str(p["id"]) for p in srv.query("SELECT id FROM person")}
    assert "multiple" in form.find("select", name="speakers").attrs
    assert {i.get("value") for i in form.find_all("input", name="sponsors")} == {str(s["id"]) for s in demo.sponsors}
    assert options(doc, "status") == STATUSES
    assert v["status"] == "draft" and v["audience"] == "public"
    cdoc, _ = open_editor(contributor)
    assert options(cdoc, "status") == ["draft", "review"]


def test_create_a_draft_then_open_it_again(srv, editor, demo):
    n = uid()
    data = fields(demo, title=f"Overall survival at five years {n}", summary='Five-year data: <b>"HR 0.72"</b> & more',
                  body=f"Survival **improved** ({n}).\r\n\r\nSecond paragraph.", tags=f"Survival {n}, Adjuvant {n}",
                  congress=str(demo.congress["id"]), trial=str(demo.trial["id"]),
                  interviewer=str(demo.people[2]["id"]), audience="hcp",
                  video_url="https://www.youtube.com/watch?v=abc123",
                  references=f"Smith J et al. N Engl J Med 2025 | LBA{n[:3]} | https://example.org/abs/{n}\r\n")
    r = save(editor, {**data, "speakers": [str(demo.people[0]["id"]), str(demo.people[1]["id"])],
                      "sponsors": [str(demo.sponsors[1]["id"])]})
    article_id = saved_id(r)
    a = row(srv, article_id)
    assert a["slug"] == f"overall-survival-at-five-years-{n}"
    # line breaks are stored as LF (a browser sends a textarea's as CRLF)
    assert (a["title"], a["summary"], a["body"]) == (data["title"], data["summary"], data["body"].replace("\r\n", "\n"))
    assert (a["status"], a["audience"], a["revision_no"]) == ("draft", "hcp", 1)
    assert a["author_id"] == user_id(srv, editor) and a["site_id"] == demo.site
    assert (a["section_id"], a["congress_id"], a["trial_id"]) == (demo.section["id"], demo.congress["id"],
                                                                 demo.trial["id"])
    assert a["published_at"] is None
    r = editor.get(r.headers["location"])
    assert r.status_code == 200
    doc = parse_html(r.text)
    assert text_of(doc.find("p", class_="notice")) == "Saved."
    v = values(doc)
    assert editor_form(doc).get("action") == f"/admin/articles/{article_id}"
    assert (v["title"], v["summary"], v["slug"], v["revision"]) == (data["title"], data["summary"], a["slug"], "1")
    assert v["body"].replace("\r\n", "\n") == data["body"].replace("\r\n", "\n")
    assert sorted(v["tags"].split(", ")) == [f"Adjuvant {n}", f"Survival {n}"]
    assert v["references"].strip() == data["references"].strip()
    assert v["speakers"] == [str(demo.people[0]["id"]), str(demo.people[1]["id"])]
    assert v["sponsors"] == [str(demo.sponsors[1]["id"])]
    assert (v["congress"], v["trial"], v["interviewer"]) == (str(demo.congress["id"]), str(demo.trial["id"]),
                                                            str(demo.people[2]["id"]))
    assert (v["audience"], v["status"], v["video_url"]) == ("hcp", "draft", data["video_url"])
    # the escaped summary is text, not markup
    assert '<b>"HR 0.72"</b>' not in r.text


def test_an_explicit_slug_is_kept(srv, editor, demo):
    slug = f"asco-2025-interview-{uid()}"
    article_id, _ = create(editor, demo, slug=slug)
    assert row(srv, article_id)["slug"] == slug


def test_the_title_can_give_no_slug(srv, editor, demo):
    before = snapshot(srv)
    r = save(editor, fields(demo, title="— · —"))
    assert r.status_code == 422
    assert "slug" in field_errors(parse_html(r.text))
    assert snapshot(srv) == before


# ---- what the public sees ------------------------------------------------------------------------------

def test_a_published_article_is_on_its_page_section_home_tags_and_congress(srv, editor, demo):
    n = uid()
    new_tag = f"Practice Changing {n}"
    refs = (f"Doe A et al. Lancet Oncol 2025 | LBA{n[:4]} | https://example.org/lba/{n}\r\n"
            f"Roe B. J Clin Oncol 2024\r\n")
    data = fields(demo, status="published", tags=f"{new_tag}, {demo.tag['name']}", congress=str(demo.congress["id"]),
                  trial=str(demo.trial["id"]), interviewer=str(demo.people[2]["id"]), references=refs)
    before_tags = count(srv, "SELECT count(*) FROM tag")
    article_id = saved_id(save(editor, {**data, "speakers": [str(demo.people[0]["id"]), str(demo.people[1]["id"])],
                                        "sponsors": [str(s["id"]) for s in demo.sponsors[:2]]}))
    a = row(srv, article_id)
    assert a["status"] == "published" and abs(a["published_at"] - time.time()) < 5
    # the new tag is created once, the existing one reused
    tags = srv.query("SELECT g.* FROM tag g JOIN article_tag x ON x.tag_id = g.id WHERE x.article_id = ? "
                     "ORDER BY g.name", (article_id,))
    assert count(srv, "SELECT count(*) FROM tag") == before_tags + 1
    created = [t for t in tags if t["name"] == new_tag]
    assert created and created[0]["slug"] == f"practice-changing-{n}" and created[0]["site_id"] == demo.site
    assert {t["id"] for t in tags} == {created[0]["id"], demo.tag["id"]}

    r = anon(srv, f"/article/{a['slug']}")
    assert r.status_code == 200
    doc = parse_html(r.text)
    main = main_of(doc)
    assert h1_text(doc) == data["title"]
    assert data["summary"] in text_of(main)
    assert data["body"].split("\n")[0] in text_of(main.find("div", class_="article-body"))
    faculty = text_of(main.find("section", class_="faculty"))
    for p in demo.people[:2]:
        assert p["name"] in faculty and p["affiliation"] in faculty
    assert demo.people[2]["name"] in text_of(main.find("p", class_="interviewer"))
    items = list(main.find("section", class_="references").find_all("li"))
    assert len(items) == 2
    assert text_of(items[0]).startswith("Doe A et al. Lancet Oncol 2025") and f"Abstract LBA{n[:4]}." in text_of(items[0])
    assert items[0].find("a", href=f"https://example.org/lba/{n}") is not None
    assert text_of(items[1]) == "Roe B. J Clin Oncol 2024"
    sponsors = text_of(main.find("section", class_="sponsors"))
    for s in demo.sponsors[:2]:
        assert s["name"] in sponsors
    tag_links = {x.get("href") for x in main.find("section", class_="tags").find_all("a")}
    assert tag_links == {f"/tag/{created[0]['slug']}", f"/tag/{demo.tag['slug']}"}
    assert main.find("p", class_="trial-label") is not None

    assert latest_cards(srv)[0] == a["slug"], "the newest article is not first on the home page"
    assert a["slug"] in public_cards(srv, f"/section/{demo.section['slug']}")
    assert public_cards(srv, f"/tag/{created[0]['slug']}") == [a["slug"]]
    assert a["slug"] in public_cards(srv, f"/tag/{demo.tag['slug']}")
    assert a["slug"] in public_cards(srv, f"/congress/{demo.congress['slug']}")
    tags_page = parse_html(anon(srv, "/tags").text)
    assert tags_page.find("a", href=f"/tag/{created[0]['slug']}") is not None
    # the list links the live article
    doc = parse_html(editor.get(f"/admin/articles?q={data['title']}").text)
    assert doc.find("a", href=f"/article/{a['slug']}") is not None


@pytest.mark.parametrize("status", HIDDEN + ["scheduled"])
def test_unpublished_articles_are_never_public(srv, editor, demo, status):
    n = uid()
    tag = f"Hidden {status} {n}"
    when = time.time() + 3600 if status == "scheduled" else time.time() - 3600  # a past time must not matter
    article_id, data = create(editor, demo, status=status, published=utc(when), tags=tag,
                              congress=str(demo.congress["id"]))
    a = row(srv, article_id)
    assert a["status"] == status
    slug = a["slug"]
    assert anon(srv, f"/article/{slug}").status_code == 404
    assert slug not in latest_cards(srv)
    for path in ("/", f"/section/{demo.section['slug']}", f"/congress/{demo.congress['slug']}",
                 f"/tag/hidden-{status}-{n}", f"/tag/{demo.tag['slug']}"):
        assert slug not in public_cards(srv, path), f"the {status} article is listed on {path}"
    assert data["title"] not in anon(srv, "/").text
    tags_page = anon(srv, "/tags")
    assert f"/tag/hidden-{status}-{n}" not in tags_page.text, "a tag of an unpublished article is in the topic list"


def test_a_heading_in_the_body_does_not_make_a_second_h1(srv, editor, demo):
    """The body is Markdown: an editor's '# Key results' must not give the article page a second <h1> (the
    page's one <h1> is its title, as test_html checks for every page)."""
    article_id, _ = create(editor, demo, status="published", body="# Key results\n\nText.\n\n## Details\n\nMore.")
    doc = parse_html(anon(srv, f"/article/{row(srv, article_id)['slug']}").text)
    heads = [text_of(h) for h in doc.find_all("h1")]
    assert len(heads) == 1, f"the article page has {len(heads)} <h1>: {heads}"


def test_archiving_takes_an_article_off_every_page_at_once(srv, editor, demo):
    article_id, data = create(editor, demo, status="published")
    slug = row(srv, article_id)["slug"]
    places = [f"/article/{slug}", "/", f"/section/{demo.section['slug']}"]
    warm(srv, places)
    assert all(shown(srv, p, slug) for p in places)
    assert saved_id(edit(editor, article_id, status="archived")) == article_id
    for p in places:
        assert not shown(srv, p, slug), f"{p} still shows the archived article"


# ---- cache exactness -----------------------------------------------------------------------------------

def test_an_edit_is_on_every_cached_page_right_after_the_save(srv, editor, demo):
    old = f"Before the edit {uid()}"
    article_id, data = create(editor, demo, status="published", title=old)
    slug = row(srv, article_id)["slug"]
    places = [f"/article/{slug}", "/", f"/section/{demo.section['slug']}"]
    warm(srv, places)
    assert all(shown(srv, p, slug, old) for p in places)
    new = f"After the edit {uid()}"
    r = edit(editor, article_id, title=new)
    saved_at = time.monotonic()
    assert saved_id(r) == article_id
    for p in places:  # no waiting: the first request after the save
        for _ in range(4):  # both workers
            assert shown(srv, p, slug, new), f"{p} shows the old title right after the save"
    took = time.monotonic() - saved_at
    assert took < 1.0, f"the edited title took {took:.3f} s to reach the public pages"
    for p in places:
        assert old not in anon(srv, p).text


def test_publishing_a_draft_shows_it_everywhere_within_a_second(srv, editor, demo):
    article_id, data = create(editor, demo, status="draft")
    slug = row(srv, article_id)["slug"]
    places = [f"/article/{slug}", "/", f"/section/{demo.section['slug']}"]
    warm(srv, places)
    assert not any(shown(srv, p, slug) for p in places)
    start = time.monotonic()
    assert saved_id(edit(editor, article_id, status="published")) == article_id
    took = wait_for(lambda: all(shown(srv, p, slug) for p in places), 3)
    assert took is not None, "the published article is not on every public page 3 s after the save"
    total = time.monotonic() - start
    assert total < 1.0, f"publish-to-visible took {total:.3f} s"
    assert latest_cards(srv)[0] == slug


# ---- scheduling ----------------------------------------------------------------------------------------

def watch_schedule(srv, slug, places, at, until):
    """Polls every place until `until` (Unix time); returns [(received, path, shown)]."""
    seen = []
    while time.time() < until:
        for p in places:
            got = shown(srv, p, slug)
            seen.append((time.time(), p, got))
        time.sleep(0.03)
    return seen


def assert_appears_at(seen, places, at, within=1.0):
    """Every answer received before the second `at` hides the article; every one received `within` seconds
    after it shows it (in between, a worker may still hand out the page it cached before)."""
    early = [(round(t - at, 3), p) for t, p, got in seen if got and t < at]
    assert not early, f"shown before its second (seconds from it, page): {early[:5]}"
    for p in places:
        assert any(t < at for t, q, _ in seen if q == p), f"no look at {p} before the second"
        late = [t for t, q, _ in seen if q == p and t >= at + within]
        assert late, f"no look at {p} after the second"
        missing = [round(t - at, 3) for t, q, got in seen if q == p and t >= at + within and not got]
        assert not missing, f"{p} still hides the article {missing[:3]} s after its second"


def test_a_scheduled_article_appears_at_its_second(srv, editor, demo):
    # the pages are cached before the time: the scheduler must drop them when it publishes
    at = int(time.time()) + 3
    article_id, _ = create(editor, demo, status="scheduled", published=utc(at))
    a = row(srv, article_id)
    assert (a["status"], a["published_at"]) == ("scheduled", at)
    slug = a["slug"]
    places = [f"/article/{slug}", "/", f"/section/{demo.section['slug']}"]
    seen = watch_schedule(srv, slug, places, at, at + 2.0)
    assert_appears_at(seen, places, at)
    took = wait_for(lambda: row(srv, article_id)["status"] == "published", 2)
    assert took is not None, "the scheduler did not mark the article published"
    assert latest_cards(srv)[0] == slug


def test_a_published_article_with_a_future_time_is_refused_or_appears_at_its_second(srv, editor, demo):
    """'published' with a time ahead is either refused or behaves as scheduled: no cached page may keep it
    hidden once its time has come."""
    at = int(time.time()) + 3
    r = save(editor, fields(demo, status="published", published=utc(at)))
    if r.status_code == 422:
        assert "published" in field_errors(parse_html(r.text)) or "status" in field_errors(parse_html(r.text))
        return
    article_id = saved_id(r)
    slug = row(srv, article_id)["slug"]
    places = [f"/article/{slug}", "/", f"/section/{demo.section['slug']}"]
    seen = watch_schedule(srv, slug, places, at, at + 2.0)
    assert_appears_at(seen, places, at)


def test_a_schedule_survives_a_restart(editor):
    """A server stopped before the time and started after it shows the article at once (the store's rule),
    and its scheduler marks it published."""
    with tempfile.TemporaryDirectory(prefix="plenary-admin-restart-") as tmp:
        db_path = make_demo_database(tmp)
        first = start_plenary(tmp, db_path, {"outbox": f"{tmp}/outbox"}, name="restart-1")
        try:
            staff = make_staff(first, "editor")
            section = first.query("SELECT s.* FROM section s JOIN site t ON t.id = s.site_id "
                                  "WHERE t.is_default = 1 ORDER BY s.id LIMIT 1")[0]
            at = int(time.time()) + 2
            title = f"Restart survivor {uid()}"
            _, opened = open_editor(staff)
            r = staff.post("/admin/articles", data={"form_token": opened["form_token"], "title": title, "slug": "",
                                                    "summary": "", "body": "Text.", "section": str(section["id"]),
                                                    "audience": "public", "status": "scheduled",
                                                    "published": utc(at), "action": "save"})
            article_id = saved_id(r)
            slug = first.query("SELECT slug FROM article WHERE id = ?", (article_id,))[0]["slug"]
            assert requests.get(first.url(f"/article/{slug}"), timeout=5).status_code == 404
        finally:
            assert first.stop() == 0
        time.sleep(max(0.0, at + 0.3 - time.time()))
        second = start_plenary(tmp, db_path, {"outbox": f"{tmp}/outbox"}, name="restart-2")
        try:
            r = requests.get(second.url(f"/article/{slug}"), timeout=5)
            assert r.status_code == 200 and h1_text(parse_html(r.text)) == title
            assert slug in card_slugs(main_of(parse_html(requests.get(second.url("/"), timeout=5).text)))
            assert wait_for(lambda: second.query("SELECT status FROM article WHERE id = ?",
                                                 (article_id,))[0]["status"] == "published", 2) is not None
        finally:
            assert second.stop() == 0


# ==== bad input: 422 with the messages and the values kept, nothing saved ================================

def refused(srv, staff, data, article_id=None, status=422):
    """Posts data; asserts it is refused with `status` and that no table changed; returns the document."""
    before = snapshot(srv)
    current = row(srv, article_id) if article_id else None
    r = save(staff, data, article_id)
    assert r.status_code == status, f"answered {r.status_code}, not {status}"
    assert r.headers.get("content-type") == "text/html; charset=utf-8"
    assert snapshot(srv) == before, "a refused save changed the database"
    if article_id:
        assert dict(row(srv, article_id)) == dict(current), "a refused save changed the article"
    return parse_html(r.text)


def test_missing_title_and_section_are_422_with_messages_and_the_values_kept(srv, editor, demo):
    n = uid()
    data = fields(demo, title="", section="", summary=f'Kept <summary> & "quotes" {n}',
                  body=f"Kept body {n}\r\n\r\n* a list item", tags=f"Kept tag {n}, Second",
                  references=f"Kept citation {n} | LBA9 | https://example.org/{n}", congress=str(demo.congress["id"]),
                  trial=str(demo.trial["id"]), interviewer=str(demo.people[2]["id"]), audience="members",
                  video_url="https://example.org/video", status="review", published="2025-06-02T14:30:00")
    doc = refused(srv, editor, {**data, "speakers": [str(demo.people[1]["id"])],
                                "sponsors": [str(demo.sponsors[0]["id"]), str(demo.sponsors[1]["id"])]})
    errors = field_errors(doc)
    assert set(errors) == {"title", "section"}, errors
    assert errors["title"] == "Give the article a title (at most 300 characters)."
    assert errors["section"] == "Choose a section."
    assert summary_errors(doc) == [("#field-title", errors["title"]), ("#field-section", errors["section"])]
    assert "Please correct 2 problems" in text_of(doc.find("div", class_="error-summary"))
    v = values(doc)
    assert v["summary"] == data["summary"] and v["tags"] == data["tags"]
    assert v["body"].replace("\r\n", "\n") == data["body"].replace("\r\n", "\n")
    assert v["references"].strip() == data["references"]
    assert (v["congress"], v["trial"], v["interviewer"]) == (data["congress"], data["trial"], data["interviewer"])
    assert (v["audience"], v["status"], v["video_url"], v["published"]) == ("members", "review",
                                                                            data["video_url"], data["published"])
    assert v["speakers"] == [str(demo.people[1]["id"])]
    assert v["sponsors"] == [str(demo.sponsors[0]["id"]), str(demo.sponsors[1]["id"])]
    assert v["section"] == "" and v["title"] == ""


def test_every_message_links_to_its_field_and_the_field_is_marked_invalid(srv, editor, demo):
    html = save(editor, fields(demo, title="", section="", slug="Bad Slug", video_url="http://x.org",
                               published="soon", tags=",".join(f"t{i}" for i in range(21)),
                               references="citation | 1 | ftp://x", congress="999999")).text
    doc = parse_html(html)
    links = summary_errors(doc)
    assert len(links) == 8, links
    problems = []
    for href, message in links:
        field = href[len("#field-"):]
        target = doc.find(id=href[1:])
        if target is None:
            problems.append(f"{message!r} links to {href}, which is not on the page")
            continue
        if doc.find("p", id=f"error-{field}") is None:
            problems.append(f"{href}: no message beside the field")
        if target.get("aria-invalid") != "true":
            problems.append(f"{href}: not marked aria-invalid")
        tag = re.search(rf'<(?:input|select|textarea)\b[^>]*\bid="field-{field}"[^>]*>', html).group(0)
        names = re.findall(r'\s([a-z-]+)(?==|\s|>)', tag)
        described = re.findall(r'aria-describedby="([^"]*)"', tag)
        if len(names) != len(set(names)):
            problems.append(f"{href}: an attribute is repeated: {tag}")
        elif not described or f"error-{field}" not in described[0].split():
            problems.append(f"{href}: not described by its message")
    assert not problems, "\n".join(problems)


def test_a_duplicate_slug_is_422(srv, editor, demo):
    slug = f"duplicate-{uid()}"
    first, data = create(editor, demo, slug=slug)
    doc = refused(srv, editor, fields(demo, slug=slug, title="Another title"))
    assert field_errors(doc) == {"slug": "Another article already uses this slug. Change it."}
    assert values(doc)["title"] == "Another title"
    # the same title makes the same slug
    title = f"Same title {uid()}"
    create(editor, demo, title=title)
    doc = refused(srv, editor, fields(demo, title=title))
    assert set(field_errors(doc)) == {"slug"}
    # an update may not take another article's slug either
    second, second_data = create(editor, demo)
    refused(srv, editor, {**second_data, "slug": slug}, second)


@pytest.mark.parametrize("slug", ["Capital-Letters", "two--hyphens", "-leading", "trailing-", "with space",
                                  "under_score", "caf\u00e9", "a/b", "dot.slug"])
def test_a_slug_that_is_not_clean_is_422(srv, editor, demo, slug):
    doc = refused(srv, editor, fields(demo, slug=slug))
    errors = field_errors(doc)
    assert set(errors) == {"slug"} and errors["slug"].startswith(SLUG_RULE)
    assert values(doc)["slug"] == slug


@pytest.mark.parametrize("when", ["tomorrow", "2025-06-02 14:30:00", "02/06/2025 14:30", "2025-06-02",
                                  "2025-06-02T25:00:00", "2025-13-02T14:30:00", "2025-06-02T14:30:00Z",
                                  "2025-06-02T14:30:00+02:00", "2025-06-32T10:00:00"])
def test_a_bad_time_is_422(srv, editor, demo, when):
    doc = refused(srv, editor, fields(demo, published=when))
    assert field_errors(doc) == {"published": "Write the date and time as 2026-06-14T09:30 (UTC time)."}
    assert values(doc)["published"] == when


@pytest.mark.parametrize("when", ["2025-02-30T10:00:00", "2025-04-31T08:00:00", "2023-02-29T12:00:00"])
def test_a_day_that_does_not_exist_is_422(srv, editor, demo, when):
    """strptime takes any day 1-31 and timegm rolls it over: 30 February must not become 2 March."""
    doc = refused(srv, editor, fields(demo, published=when))
    assert "published" in field_errors(doc)


def test_minutes_without_seconds_are_accepted(srv, editor, demo):
    article_id, _ = create(editor, demo, published="2025-06-02T14:30")
    assert row(srv, article_id)["published_at"] == calendar.timegm((2025, 6, 2, 14, 30, 0))


@pytest.mark.parametrize("when", ["past", "now", "empty"])
def test_a_schedule_needs_a_future_time(srv, editor, demo, when):
    t = {"past": utc(time.time() - 60), "now": utc(time.time()), "empty": ""}[when]
    doc = refused(srv, editor, fields(demo, status="scheduled", published=t))
    assert field_errors(doc) == {"published": "A scheduled article needs a publication time in the future."}
    assert values(doc)["status"] == "scheduled"


@pytest.mark.parametrize("link", ["http://www.youtube.com/watch?v=abc", "javascript:alert(1)", "ftp://example.org/v",
                                  "www.youtube.com/watch?v=abc", "HTTPS//example.org", "https://" + "v" * 493])
def test_a_video_link_must_be_https(srv, editor, demo, link):
    doc = refused(srv, editor, fields(demo, video_url=link))
    assert field_errors(doc) == {"video_url": "A video link starts with https://."}
    assert values(doc)["video_url"] == link


def test_an_https_video_link_is_saved(srv, editor, demo):
    link = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    article_id, _ = create(editor, demo, video_url=link)
    assert row(srv, article_id)["video_url"] == link


def test_tags_at_most_20_of_at_most_60_characters(srv, editor, demo):
    n = uid()
    twenty = ", ".join(f"Limit{n} {i}" for i in range(20))
    article_id, _ = create(editor, demo, tags=twenty + ", , ")
    assert count(srv, "SELECT count(*) FROM article_tag WHERE article_id = ?", (article_id,)) == 20
    for tags in (twenty + f", Limit{n} 20", "x" * 61):
        doc = refused(srv, editor, fields(demo, tags=tags))
        assert field_errors(doc) == {"tags": "At most 20 tags of at most 60 characters each."}
        assert values(doc)["tags"] == tags


def test_references_need_web_links(srv, editor, demo):
    refs = "A citation | 12 | ftp://example.org/a"
    doc = refused(srv, editor, fields(demo, references=refs))
    assert set(field_errors(doc)) == {"references"}
    assert values(doc)["references"].strip() == refs


@pytest.mark.parametrize("field,size,message", [
    ("title", 301, "Give the article a title (at most 300 characters)."),
    ("summary", 1001, "The summary can be at most 1,000 characters."),
    ("body", 60001, "The body can be at most 60,000 characters."),
])
def test_oversized_fields_are_422_with_the_text_kept(srv, editor, demo, field, size, message):
    text = ("Lorem ipsum dolor sit amet " * (size // 27 + 1))[:size - 1] + "Z"
    data = fields(demo, **{field: text})
    if field == "title":
        data["slug"] = f"long-title-{uid()}"
    doc = refused(srv, editor, data)
    assert field_errors(doc) == {field: message}
    assert values(doc)[field] == text


def test_a_body_of_exactly_60000_characters_is_saved(srv, editor, demo):
    body = ("Lorem ipsum dolor sit amet " * 2300)[:59999] + "Z"
    article_id, _ = create(editor, demo, body=body)
    assert len(row(srv, article_id)["body"]) == 60000


def test_a_60000_character_body_of_ordinary_text_is_saved(srv, editor, demo):
    """The editor allows 60,000 characters; a real article has commas, accents and line breaks, which a browser
    sends percent-encoded (up to 9 bytes a character). A body within the limit must save, not answer 413."""
    para = ("In the phase 3 trial, patients (n = 1,024; median age, 61 years) received 200 mg every 3 weeks; "
            "the hazard ratio was 0.72 (95% CI, 0.61\u20130.85). Dr M\u00fcller said: \u201cIt is practice-changing.\u201d"
            "\r\n\r\n")
    body = (para * (60000 // len(para) + 1))[:60000]
    assert len(body) == 60000
    r = save(editor, fields(demo, body=body))
    assert r.status_code != 413, "a 60,000-character body was refused as too large a request (413)"
    article_id = saved_id(r)
    assert row(srv, article_id)["body"] == body.replace("\r\n", "\n")  # line breaks stored as LF


@pytest.mark.parametrize("status", ["published", "scheduled", "archived"])
def test_contributors_cannot_publish_schedule_or_archive(srv, contributor, demo, status):
    when = utc(time.time() + 3600) if status == "scheduled" else ""
    doc = refused(srv, contributor, fields(demo, status=status, published=when))
    assert field_errors(doc) == {"status": "Contributors save drafts and send them for review; an editor publishes."}


def test_contributors_cannot_publish_an_existing_article(srv, contributor, demo):
    article_id, data = create(contributor, demo, status="draft")
    refused(srv, contributor, {**data, "status": "published"}, article_id)
    assert row(srv, article_id)["status"] == "draft"


@pytest.mark.parametrize("status", ["draft", "review"])
def test_contributors_save_drafts_and_send_them_for_review(srv, contributor, demo, status):
    article_id, _ = create(contributor, demo, status=status)
    a = row(srv, article_id)
    assert a["status"] == status and a["author_id"] == user_id(srv, contributor)


@pytest.mark.parametrize("status", ["", "live", "Published"])
def test_an_unknown_status_or_audience_is_422(srv, editor, demo, status):
    doc = refused(srv, editor, fields(demo, status=status, audience="everyone"))
    assert set(field_errors(doc)) == {"status", "audience"}


def test_a_section_that_does_not_exist_is_422(srv, editor, demo):
    doc = refused(srv, editor, fields(demo, section="999999"))
    assert "section" in field_errors(doc)


def test_a_congress_of_another_site_or_none_at_all_is_422(srv, editor, demo):
    other = srv.query("SELECT c.id FROM congress c JOIN site t ON t.id = c.site_id WHERE t.is_default = 0 LIMIT 1")
    for congress in [r["id"] for r in other] + [999999]:
        doc = refused(srv, editor, fields(demo, congress=str(congress)))
        assert "congress" in field_errors(doc) or "congress" in {h[len("#field-"):] for h, _ in summary_errors(doc)}


def test_a_section_of_another_site_is_422(srv, editor, demo):
    other = srv.query("SELECT s.id FROM section s JOIN site t ON t.id = s.site_id WHERE t.is_default = 0 LIMIT 1")[0]
    doc = refused(srv, editor, fields(demo, section=str(other["id"])))
    assert "section" in field_errors(doc)


# ==== conflicts and ended sessions =======================================================================

def test_a_stale_revision_is_409_with_the_text_kept_and_nothing_changed(srv, editor, admin, demo):
    article_id, data = create(editor, demo)
    doc_a, opened_a = open_editor(editor, f"/admin/articles/{article_id}")  # the editor's tab, at revision 1
    assert opened_a["revision"] == "1"
    theirs = f"Their title {uid()}"
    assert saved_id(edit(admin, article_id, title=theirs)) == article_id  # someone else saves
    current = dict(row(srv, article_id))
    assert current["revision_no"] == 2
    before = snapshot(srv)
    mine = {**dict(form_values(editor_form(doc_a))), "title": f"My title {uid()}",
            "body": "My own careful rewrite.\r\nSecond line.", "action": "save"}
    r = editor.post(f"/admin/articles/{article_id}", data=mine)
    assert r.status_code == 409
    doc = parse_html(r.text)
    assert "Someone saved this article after you opened it" in text_of(doc.find("div", class_="error-summary"))
    v = values(doc)
    assert v["title"] == mine["title"] and v["body"].replace("\r\n", "\n") == mine["body"].replace("\r\n", "\n")
    assert editor_form(doc).get("action") == f"/admin/articles/{article_id}"
    assert dict(row(srv, article_id)) == current and snapshot(srv) == before
    # without a revision at all it is a conflict too, never a blind overwrite
    refused(srv, editor, {**data, "revision": ""}, article_id, status=409)
    refused(srv, editor, {**data, "revision": "3"}, article_id, status=409)


def test_a_save_after_the_session_ended_is_401_with_the_text_kept(srv, demo):
    staff = make_staff(srv, "editor")
    article_id, data = create(staff, demo)
    _, opened_new = open_editor(staff)
    _, opened_old = open_editor(staff, f"/admin/articles/{article_id}")
    srv.execute("UPDATE session SET expires_at = strftime('%s','now') - 1 WHERE user_id = "
                "(SELECT id FROM user WHERE email = ?)", (staff.email,))
    current = dict(row(srv, article_id))
    before = snapshot(srv)
    n = uid()
    typed = {"title": f"Hours of <work> & \"care\" {n}", "summary": f"A summary {n}",
             "body": f"Paragraph one {n}.\r\n\r\nParagraph <two> & three."}
    for path, opened in (("/admin/articles", opened_new), (f"/admin/articles/{article_id}", opened_old)):
        r = staff.post(path, data={**data, **opened, **typed, "action": "save"})
        assert r.status_code == 401, f"POST {path} with an ended session: {r.status_code}"
        doc = parse_html(r.text)
        assert h1_text(doc) == SESSION_ENDED
        kept = {t.get("id"): t.text().removeprefix("\n") for t in doc.find_all("textarea")}  # as HTML drops it
        assert kept["kept-title"] == typed["title"] and kept["kept-summary"] == typed["summary"]
        assert kept["kept-body"].replace("\r\n", "\n") == typed["body"].replace("\r\n", "\n")
        assert doc.find("a", href="/signin") is not None
    assert snapshot(srv) == before and dict(row(srv, article_id)) == current
    assert staff.get("/admin/articles").status_code == 303


# ---- signing in again and saving in one step ------------------------------------------------------------

RESUME_OWN = {"form_token", "resume_article", "email", "password", "code"}


def resume_form(doc):
    form = doc.find("form", action="/admin/resume")
    assert form is not None and form.get("method") == "post", "the session-ended page has no resume form"
    return form


def kept_fields(doc):
    """The editor's fields the resume form carries, as sorted (name, value) pairs with LF line ends."""
    return sorted((k, v.replace("\r\n", "\n")) for k, v in form_values(resume_form(doc)) if k not in RESUME_OWN)


def sent_fields(pairs):
    return sorted((k, v.replace("\r\n", "\n")) for k, v in pairs if k != "form_token")


def resume(staff, doc, **over):
    """Posts the resume form of a session-ended page as a browser does, filled in with the staff's email and
    password; `over` replaces fields (None leaves one out)."""
    fill = {"email": staff.email, "password": staff.password, "code": None, **over}
    data = [(k, v) for k, v in form_values(resume_form(doc)) if k not in fill]
    data += [(k, v) for k, v in fill.items() if v is not None]
    return staff.post("/admin/resume", data=data)


def end_session(srv, staff, how):
    """Ends the staff's session: signed out in another tab, its cookie gone, or expired on the server."""
    if how == "signed out":
        other = requests.Session()
        other.cookies.update(staff.http.cookies)
        token = form_token(other.get(srv.url("/account"), timeout=10).text)
        assert other.post(srv.url("/signout"), data={"form_token": token}, timeout=10,
                          allow_redirects=False).status_code == 303
    elif how == "cookie removed":
        staff.http.cookies.clear()
    else:
        srv.execute("UPDATE session SET expires_at = strftime('%s','now') - 1 WHERE user_id = "
                    "(SELECT id FROM user WHERE email = ?)", (staff.email,))


def edited_pairs(doc, **changes):
    """The editor form of doc as a browser posts it, with changes (a list value for a repeated field)."""
    pairs = [(k, v) for k, v in form_values(editor_form(doc)) if k not in changes]
    for k, v in changes.items():
        pairs.extend((k, x) for x in (v if isinstance(v, list) else [v]))
    return pairs


@pytest.mark.parametrize("how", ["signed out", "cookie removed", "expired"])
def test_after_a_session_ended_the_401_keeps_the_whole_form_and_signing_in_saves_it(srv, demo, how):
    staff = make_staff(srv, "editor")
    article_id, data = create(staff, demo)
    doc, _ = open_editor(staff, f"/admin/articles/{article_id}")
    end_session(srv, staff, how)
    n = uid()
    typed = edited_pairs(doc, title=f"Hours of <work> & \"care\" {n}", summary=f"A summary {n}",
                         body=f"Paragraph one {n}.\r\n\r\nParagraph <two> & three.\r\n",
                         tags=f"Tag {n}, Second tag", speakers=[str(p["id"]) for p in demo.people[:2]],
                         sponsors=[str(demo.sponsors[0]["id"])],
                         references=f"Citation {n} | LBA2 | https://example.org/{n}\r\nOther | | ",
                         action="save")
    before = snapshot(srv)
    r = staff.post(f"/admin/articles/{article_id}", data=typed)
    assert r.status_code == 401
    assert snapshot(srv) == before
    page = parse_html(r.text)
    assert h1_text(page) == SESSION_ENDED
    form = resume_form(page)
    assert kept_fields(page) == sent_fields(typed), "the page does not carry the form as it was sent"
    assert form.find("input", name="resume_article").get("value") == str(article_id)
    assert form.find("input", name="form_token").get("value")
    labels = {label.get("for") for label in form.find_all("label")}
    for name, kind in (("email", "email"), ("password", "password"), ("code", "text")):
        field = form.find("input", name=name)
        assert field is not None and field.get("type") == kind and field.get("id") in labels
    assert f"&lt;work&gt; &amp; &quot;care&quot; {n}" in r.text and "<work>" not in r.text

    old_cookie = staff.cookie
    r = resume(staff, page)
    assert saved_id(r) == article_id
    assert staff.cookie and staff.cookie != old_cookie, "signing in again set no new session cookie"
    a = row(srv, article_id)
    assert (a["title"], a["summary"], a["body"].replace("\r\n", "\n")) == \
        (f"Hours of <work> & \"care\" {n}", f"A summary {n}", f"Paragraph one {n}.\n\nParagraph <two> & three.\n")
    assert a["revision_no"] == 2
    assert count(srv, "SELECT count(*) FROM article_person WHERE article_id = ?", (article_id,)) == 2
    assert count(srv, "SELECT count(*) FROM article_sponsor WHERE article_id = ?", (article_id,)) == 1
    assert count(srv, "SELECT count(*) FROM reference WHERE article_id = ?", (article_id,)) == 2
    rev = srv.query("SELECT * FROM revision WHERE article_id = ? ORDER BY id DESC LIMIT 1", (article_id,))[0]
    assert rev["author_id"] == user_id(srv, staff)
    # signed in again: the editor opens, with the saved text
    _, values_now = open_editor(staff, f"/admin/articles/{article_id}?saved=1")
    assert values_now["title"] == a["title"]


def test_a_new_article_is_created_when_signing_in_again(srv, demo):
    staff = make_staff(srv, "contributor")
    doc, _ = open_editor(staff)
    end_session(srv, staff, "expired")
    title = f"Written while the session ended {uid()}"
    pairs = edited_pairs(doc, title=title, section=str(demo.section["id"]), body="New text.", action="save")
    r = staff.post("/admin/articles", data=pairs)
    assert r.status_code == 401
    page = parse_html(r.text)
    assert resume_form(page).find("input", name="resume_article").get("value") == ""
    article_id = saved_id(resume(staff, page))
    a = row(srv, article_id)
    assert (a["title"], a["status"], a["author_id"]) == (title, "draft", user_id(srv, staff))


def test_a_wrong_password_shows_the_page_again_with_the_text_kept(srv, demo):
    staff = make_staff(srv, "editor")
    article_id, _ = create(staff, demo)
    doc, _ = open_editor(staff, f"/admin/articles/{article_id}")
    end_session(srv, staff, "expired")
    typed = edited_pairs(doc, title=f"Kept title {uid()}", body="Kept <body>\r\nline two", action="save")
    page = parse_html(staff.post(f"/admin/articles/{article_id}", data=typed).text)
    before = snapshot(srv), dict(row(srv, article_id))
    r = resume(staff, page, password="not the password at all")
    assert r.status_code == 422
    again = parse_html(r.text)
    assert h1_text(again) == SESSION_ENDED
    assert "The email address or the password is not right." in text_of(again.find("div", class_="error-summary"))
    assert kept_fields(again) == sent_fields(typed)
    assert resume_form(again).find("input", name="email").get("value") == staff.email
    assert "set-cookie" not in r.headers
    assert (snapshot(srv), dict(row(srv, article_id))) == before
    # missing fields are the same page too
    r = resume(staff, page, password="", email="")
    assert r.status_code == 422 and kept_fields(parse_html(r.text)) == sent_fields(typed)
    # the right password on the page shown again saves
    assert saved_id(resume(staff, again)) == article_id
    assert row(srv, article_id)["title"] == dict(typed)["title"]


def test_a_reader_account_cannot_save_by_signing_in_again(srv, demo, reader):
    staff = make_staff(srv, "editor")
    article_id, _ = create(staff, demo)
    doc, _ = open_editor(staff, f"/admin/articles/{article_id}")
    end_session(srv, staff, "expired")
    typed = edited_pairs(doc, title=f"Not by a reader {uid()}", action="save")
    page = parse_html(staff.post(f"/admin/articles/{article_id}", data=typed).text)
    before = dict(row(srv, article_id))
    r = resume(reader, page)
    assert r.status_code == 403 and kept_fields(parse_html(r.text)) == sent_fields(typed)
    assert dict(row(srv, article_id)) == before


def test_someone_elses_save_meanwhile_is_a_conflict_with_the_text_kept(srv, demo, admin):
    staff = make_staff(srv, "editor")
    article_id, _ = create(staff, demo)
    doc, _ = open_editor(staff, f"/admin/articles/{article_id}")
    end_session(srv, staff, "signed out")
    mine = f"My title {uid()}"
    typed = edited_pairs(doc, title=mine, body="My careful text.", action="save")
    page = parse_html(staff.post(f"/admin/articles/{article_id}", data=typed).text)
    theirs = f"Their title {uid()}"
    assert saved_id(edit(admin, article_id, title=theirs)) == article_id
    current = dict(row(srv, article_id))
    r = resume(staff, page)
    assert r.status_code == 409
    doc = parse_html(r.text)
    assert "Someone saved this article after you opened it" in text_of(doc.find("div", class_="error-summary"))
    v = values(doc)
    assert v["title"] == mine and v["body"] == "My careful text."
    assert dict(row(srv, article_id)) == current
    # signed in now: the conflict page's own form saves, as from the editor
    assert staff.cookie and staff.get("/admin/articles").status_code == 200


def test_an_admin_signs_in_again_with_the_second_factor(srv, demo):
    staff = make_staff(srv, "admin")
    article_id, _ = create(staff, demo)
    doc, _ = open_editor(staff, f"/admin/articles/{article_id}")
    end_session(srv, staff, "expired")
    typed = edited_pairs(doc, title=f"Two factors {uid()}", action="save")
    page = parse_html(staff.post(f"/admin/articles/{article_id}", data=typed).text)
    before = dict(row(srv, article_id))
    for code, status in ((None, 422), ("000000", 422)):  # a third failure in a row would have to wait
        r = resume(staff, page, code=code)
        assert r.status_code == status, (code, r.status_code)
        again = parse_html(r.text)
        assert "two-factor" in text_of(again.find("div", class_="error-summary"))
        assert kept_fields(again) == sent_fields(typed) and "set-cookie" not in r.headers
    assert dict(row(srv, article_id)) == before
    assert saved_id(resume(staff, page, code=staff.recovery_codes[0])) == article_id
    assert row(srv, article_id)["title"] == dict(typed)["title"]
    # a recovery code works once
    end_session(srv, staff, "expired")
    page = parse_html(staff.post(f"/admin/articles/{article_id}", data=edited_pairs(doc, action="save")).text)
    assert resume(staff, page, code=staff.recovery_codes[0]).status_code == 422


def test_the_resume_form_needs_its_token_and_this_sites_origin(srv, demo):
    staff = make_staff(srv, "editor")
    article_id, _ = create(staff, demo)
    doc, _ = open_editor(staff, f"/admin/articles/{article_id}")
    end_session(srv, staff, "cookie removed")
    typed = edited_pairs(doc, title=f"Forged {uid()}", action="save")
    page = parse_html(staff.post(f"/admin/articles/{article_id}", data=typed).text)
    before = dict(row(srv, article_id))
    assert resume(staff, page, form_token="").status_code == 403
    pairs = [(k, v) for k, v in form_values(resume_form(page)) if k != "form_token"]
    r = staff.post("/admin/resume", data=pairs + [("email", staff.email), ("password", staff.password)])
    assert r.status_code == 403
    r = staff.post("/admin/resume", data=form_values(resume_form(page)) + [("email", staff.email),
                                                                          ("password", staff.password)],
                   headers={"Origin": "https://evil.example"})
    assert r.status_code == 403
    # the session-bound token of the editor page is no good here either
    r = staff.post("/admin/resume", data=[(k, v) for k, v in form_values(resume_form(page)) if k != "form_token"] +
                   [("form_token", dict(form_values(editor_form(doc)))["form_token"]), ("email", staff.email),
                    ("password", staff.password)])
    assert r.status_code == 403
    assert dict(row(srv, article_id)) == before
    assert staff.post("/admin/resume", data={"email": staff.email}).status_code == 403
    # another site cannot make the session-ended page carry a form of its own
    r = staff.post(f"/admin/articles/{article_id}", data=typed, headers={"Origin": "https://evil.example"})
    assert r.status_code == 403 and parse_html(r.text).find("form", action="/admin/resume") is None
    r = staff.post(f"/admin/articles/{article_id}", data=typed, headers={"Origin": srv.url("")})
    assert r.status_code == 401 and resume_form(parse_html(r.text)) is not None


def test_signing_in_again_is_throttled_like_signing_in(demo):
    """On a server of its own: the failures it counts per address would slow the other tests' sign-ins."""
    with tempfile.TemporaryDirectory(prefix="plenary-admin-throttle-") as tmp:
        own = start_plenary(tmp, make_demo_database(tmp), {"outbox": f"{tmp}/outbox"}, name="throttle")
        try:
            staff = make_staff(own, "editor")
            section = own.query("SELECT s.id FROM section s JOIN site t ON t.id = s.site_id "
                                "WHERE t.is_default = 1 ORDER BY s.id LIMIT 1")[0]["id"]
            doc, _ = open_editor(staff)
            end_session(own, staff, "expired")
            typed = edited_pairs(doc, title=f"Throttled {uid()}", section=str(section), body="Kept.", action="save")
            page = parse_html(staff.post("/admin/articles", data=typed).text)
            # three tries are free, then each failure doubles the wait (1, 2, 4 ... seconds)
            statuses = [resume(staff, page, password=f"wrong {i}").status_code for i in range(3)]
            assert statuses == [422, 422, 422]
            for i in range(8):
                r = resume(staff, page, password=f"wrong again {i}")
                if r.status_code == 429 and int(r.headers["retry-after"]) >= 2:
                    break
                assert r.status_code in (422, 429)
                time.sleep(0.3)
            assert r.status_code == 429, "wrong passwords were never slowed down"
            r = resume(staff, page)  # now the right password waits too
            assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
            again = parse_html(r.text)
            assert "Too many attempts" in text_of(again.find("div", class_="error-summary"))
            assert kept_fields(again) == sent_fields(typed)
            time.sleep(int(r.headers["retry-after"]) + 0.2)
            assert saved_id(resume(staff, again)) > 0
        finally:
            assert own.stop() == 0


# ==== preview ============================================================================================

def test_a_preview_renders_the_article_with_the_theme_and_saves_nothing(srv, editor, demo):
    n = uid()
    data = fields(demo, action="preview", body=f"Preview **bold {n}** text.", tags=f"Preview tag {n}",
                  references=f"Preview citation {n} | LBA1 | https://example.org/{n}", status="published")
    before = snapshot(srv)
    r = save(editor, data)
    assert r.status_code == 200
    doc = parse_html(r.text)
    assert "Preview:" in text_of(doc.find("p", class_="notice"))
    assert h1_text(doc) == data["title"]
    body = main_of(doc).find("div", class_="article-body")
    assert body is not None and text_of(body.find("strong")) == f"bold {n}"
    assert f"Preview citation {n}" in text_of(main_of(doc).find("section", class_="references"))
    assert demo.section["name"] in text_of(main_of(doc).find("p", class_="kicker"))
    assert snapshot(srv) == before
    assert count(srv, "SELECT count(*) FROM article WHERE title = ?", (data["title"],)) == 0


def test_a_preview_of_an_edit_changes_nothing_public(srv, editor, demo):
    article_id, data = create(editor, demo, status="published")
    a = dict(row(srv, article_id))
    warm(srv, [f"/article/{a['slug']}"], times=2)
    doc = refused(srv, editor, {**data, "title": f"Previewed title {uid()}", "action": "preview"}, article_id,
                  status=200)
    assert "Preview:" in text_of(doc.find("p", class_="notice"))
    assert shown(srv, f"/article/{a['slug']}", a["slug"], a["title"])


def test_a_preview_without_title_or_section_is_the_422_form(srv, editor, demo):
    doc = refused(srv, editor, fields(demo, title="", action="preview"))
    assert "title" in field_errors(doc) and editor_form(doc) is not None


def test_a_preview_is_never_cached_and_keeps_the_frame_and_script_rules(srv, editor, demo):
    """The live preview fetches the preview and shows it in a sandboxed srcdoc iframe, so the preview answer
    needs no framing rights: it keeps frame-ancestors 'none' and X-Frame-Options DENY like every page."""
    data = fields(demo, action="preview", body="Cached? **never**.")
    first = save(editor, data)
    assert first.status_code == 200 and "Preview:" in first.text
    h = first.headers
    assert h["cache-control"] == "private, no-store"
    assert "etag" not in h and "last-modified" not in h
    assert "Cookie" in h.get("vary", "")
    assert "frame-ancestors 'none'" in h["content-security-policy"]
    assert h["x-frame-options"] == "DENY"
    # the same preview again, as the live preview sends it (Origin of the site, a revalidation header): a
    # fresh render, never a 304
    token = dict(form_values(editor_form(parse_html(editor.get("/admin/articles/new").text))))["form_token"]
    again = editor.post("/admin/articles", data={**data, "form_token": token},
                        headers={"Origin": srv.url(""), "If-None-Match": "*"})
    assert again.status_code == 200 and "<strong>never</strong>" in again.text
    assert again.headers["cache-control"] == "private, no-store" and "etag" not in again.headers
    # a preview from another site's page is refused like any other form post
    other = editor.post("/admin/articles", data={**data, "form_token": token},
                        headers={"Origin": "https://evil.example"})
    assert other.status_code == 403
    assert count(srv, "SELECT count(*) FROM article WHERE title = ?", (data["title"],)) == 0


def test_only_the_editor_loads_the_live_preview_script_by_its_hashed_address(srv, editor, demo, some_draft):
    r = editor.get(f"/admin/articles/{some_draft}")
    doc = parse_html(r.text)
    scripts = list(doc.find_all("script"))
    # admin.js (the live preview) and editor.js (the toolbar and autosave, test_preview_toolbar.py)
    assert len(scripts) == 2 and all(s.get("src") for s in scripts), "an inline script or another script"
    src = scripts[0].get("src")
    assert re.fullmatch(r"/static/admin\.js\?v=[0-9a-f]{10}", src), src
    assert re.fullmatch(r"/static/editor\.js\?v=[0-9a-f]{10}", scripts[1].get("src")), scripts[1].get("src")
    assert all("defer" in s.attrs for s in scripts)
    section = doc.find("section", id="live-preview")
    assert section is not None and "hidden" in section.attrs, "the live preview shows before the script runs"
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp and "frame-ancestors 'none'" in csp
    js = requests.get(srv.url(src), timeout=10)
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    assert "immutable" in js.headers["cache-control"]
    assert "fetch(" in js.text and "srcdoc" in js.text
    # the public pages and the other back-office pages do without it (public pages load reader.js only)
    for path in ("/", f"/admin/articles/{some_draft}/revisions", "/admin/articles"):
        page_text = editor.get(path).text
        scripts = [s.get("src") or "" for s in parse_html(page_text).find_all("script")]
        allowed = 1 if path == "/" else 0
        assert "admin.js" not in page_text and len(scripts) == allowed, (path, scripts)
        assert all(re.fullmatch(r"/static/reader\.js\?v=[0-9a-f]{10}", src) for src in scripts), (path, scripts)


# ==== revisions and restore ==============================================================================

def test_each_save_adds_a_revision_and_restore_loads_an_old_text(srv, editor, demo):
    n = uid()
    article_id, data = create(editor, demo, title=f"First title {n}", body=f"First body {n}")
    bodies = [f"First body {n}", f"Second body {n}", f"Third body {n}"]
    titles = [f"First title {n}", f"Second title {n}", f"Third title {n}"]
    for i in (1, 2):
        assert saved_id(edit(editor, article_id, title=titles[i], body=bodies[i])) == article_id
        revs = srv.query("SELECT * FROM revision WHERE article_id = ? ORDER BY id", (article_id,))
        assert [r["revision_no"] for r in revs] == list(range(1, i + 2))
        assert row(srv, article_id)["revision_no"] == i + 1
    revs = srv.query("SELECT * FROM revision WHERE article_id = ? ORDER BY id", (article_id,))
    assert [r["body"] for r in revs] == bodies and [r["title"] for r in revs] == titles
    assert all(r["author_id"] == user_id(srv, editor) for r in revs)

    r = editor.get(f"/admin/articles/{article_id}/revisions")
    assert r.status_code == 200
    doc = parse_html(r.text)
    table = [[text_of(td) for td in tr.find_all("td")] for tr in main_of(doc).find("tbody").find_all("tr")]
    assert [t[0] for t in table] == ["3", "2", "1"] and [t[4] for t in table] == titles[::-1]
    assert all(t[2] == "Eda Editor" and t[3] == "draft" for t in table)
    assert doc.find("section", class_="compare") is None

    first = revs[0]["id"]
    doc = parse_html(editor.get(f"/admin/articles/{article_id}/revisions?show={first}").text)
    cmp = doc.find("section", class_="compare")
    assert cmp is not None
    rows = diff_rows(cmp)
    assert rows["Body"] == [("changed", "1", "Changed from", bodies[0], "1", "Changed to", bodies[2])]
    assert rows["Title"] == [("changed", "1", "Changed from", titles[0], "1", "Changed to", titles[2])]
    restore = cmp.find("form")
    assert restore.get("action") == f"/admin/articles/{article_id}/restore"

    before = snapshot(srv)
    r = editor.post(restore.get("action"), data=dict(form_values(restore)))
    assert r.status_code == 200
    doc = parse_html(r.text)
    assert "The text of revision 1 is loaded" in text_of(doc.find("p", class_="notice"))
    v = values(doc)
    assert (v["title"], v["body"], v["revision"]) == (titles[0], bodies[0], "3")
    assert snapshot(srv) == before and row(srv, article_id)["body"] == bodies[2], "restoring saved something"

    # saving the loaded text makes it the current version, as a new revision
    r = editor.post(f"/admin/articles/{article_id}", data={**dict(form_values(editor_form(doc))), "action": "save"})
    assert saved_id(r) == article_id
    a = row(srv, article_id)
    assert (a["title"], a["body"], a["revision_no"]) == (titles[0], bodies[0], 4)
    assert count(srv, "SELECT count(*) FROM revision WHERE article_id = ?", (article_id,)) == 4


def diff_rows(cmp):
    """{"Title" | "Summary" | "Body": [(kind, old line number, old label, old text, new number, new label, new text)]}
    from the side-by-side diff table; a folded run of unchanged lines is ("skip", its text)."""
    out = {}
    table = cmp.find("table", class_="diff")
    assert table is not None, "no diff table"
    for body in table.find_all("tbody"):
        trs = list(body.find_all("tr"))
        label = text_of(trs[0].find("th", class_="diff-field")).split(" (")[0]
        rows = out.setdefault(label, [])
        for tr in trs[1:]:
            kind = tr.get("class")[len("diff-"):]
            tds = list(tr.find_all("td"))
            if kind == "skip":
                rows.append(("skip", text_of(tds[0])))
                continue
            assert len(tds) == 4, tr

            def side(td):
                hidden = td.find("span", class_="visually-hidden")
                sign = td.find("span", class_="diff-sign")
                line = td.find("span", class_="diff-line")
                if hidden is not None:  # the words and the sign say the same as the colour
                    assert sign is not None and sign.get("aria-hidden") == "true", td
                return (text_of(hidden).rstrip(":") if hidden is not None else "",
                        line.text() if line is not None else None)
            (ol, ot), (nl, nt) = side(tds[1]), side(tds[3])
            rows.append((kind, text_of(tds[0]), ol, ot, text_of(tds[2]), nl, nt))
    return out


def changes_list(cmp):
    ul = cmp.find("ul", class_="diff-summary")
    return [text_of(li) for li in ul.find_all("li")] if ul is not None else None


def compare_page(staff, article_id, revision_no):
    rev = staff.srv.query("SELECT id FROM revision WHERE article_id = ? AND revision_no = ?",
                          (article_id, revision_no))[0]["id"]
    r = staff.get(f"/admin/articles/{article_id}/revisions?show={rev}")
    assert r.status_code == 200, r.status_code
    cmp = parse_html(r.text).find("section", class_="compare")
    assert cmp is not None
    return r, cmp


def test_the_revision_diff_marks_removed_added_and_changed_lines_side_by_side(srv, editor, demo):
    lines = [f"Line {i} of the interview." for i in range(1, 21)]
    article_id, data = create(editor, demo, body="\r\n".join(lines), summary="The old summary.")
    new = lines[:1] + lines[2:4] + ["Line 5, rewritten."] + lines[5:13] + ["A new line after 13."] + lines[13:]
    assert saved_id(edit(editor, article_id, body="\r\n".join(new), summary="The new summary.")) == article_id
    r, cmp = compare_page(editor, article_id, 1)
    assert changes_list(cmp) == ["Title: unchanged", "Summary: 1 line changed",
                                 "Body: 1 line changed, 1 line added, 1 line removed"]
    rows = diff_rows(cmp)
    assert rows["Title"] == [("same", "1", "", data["title"], "1", "", data["title"])]
    assert rows["Summary"] == [("changed", "1", "Changed from", "The old summary.", "1", "Changed to",
                                "The new summary.")]
    same = lambda o, n: ("same", str(o), "", lines[o - 1], str(n), "", lines[o - 1])  # noqa: E731
    assert rows["Body"] == [
        same(1, 1),
        ("removed", "2", "Removed", lines[1], "", "", None),
        same(3, 2), same(4, 3),
        ("changed", "5", "Changed from", lines[4], "4", "Changed to", "Line 5, rewritten."),
        same(6, 5), same(7, 6), same(8, 7),
        ("skip", "2 unchanged lines"),
        same(11, 10), same(12, 11), same(13, 12),
        ("added", "", "", None, "13", "Added", "A new line after 13."),
        same(14, 14), same(15, 15), same(16, 16),
        ("skip", "4 unchanged lines"),
    ]
    doc = parse_html(r.text)
    # an empty side is shown as empty, and the signs are there for those who do not see the colours
    removed = next(tr for tr in cmp.find_all("tr", class_="diff-removed"))
    tds = list(removed.find_all("td"))
    assert "diff-none" in tds[3].get("class").split() and text_of(tds[3]) == ""
    assert text_of(tds[1].find("span", class_="diff-sign")) == "−"
    added = next(cmp.find_all("tr", class_="diff-added"))
    assert text_of(list(added.find_all("td"))[3].find("span", class_="diff-sign")) == "+"
    assert doc.find("table", class_="diff").find("caption") is not None


def test_the_revision_diff_escapes_the_text(srv, editor, demo):
    evil = '<script>alert("x")</script> & <b>bold</b>'
    article_id, _ = create(editor, demo, body="Plain first line.")
    assert saved_id(edit(editor, article_id, body=f"Plain first line.\r\n{evil}")) == article_id
    r, cmp = compare_page(editor, article_id, 1)
    assert "<script>alert" not in r.text and "<b>bold</b>" not in r.text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in r.text
    assert diff_rows(cmp)["Body"][-1] == ("added", "", "", None, "2", "Added", evil)


def test_a_revision_with_the_same_text_says_so(srv, editor, demo):
    article_id, _ = create(editor, demo)
    assert saved_id(edit(editor, article_id, status="review")) == article_id
    _, cmp = compare_page(editor, article_id, 1)
    assert "has the same title, summary and body" in text_of(cmp.find("p", class_="diff-summary"))
    assert changes_list(cmp) is None
    body = diff_rows(cmp)["Body"]
    assert len(body) == 1 and body[0][0] == "skip", body  # the unchanged body folds into one row


@pytest.mark.parametrize("paragraphs,note", [
    (False, "it is compared paragraph by paragraph"),
    (True, "only the lines it starts and ends with are matched"),
])
def test_a_diff_too_large_to_compare_line_by_line_is_coarser_and_says_so(srv, editor, demo, paragraphs, note):
    # 1,100 x 1,100 different lines are over the budget of a line-by-line comparison; with a blank line after
    # each, 1,100 x 1,100 paragraphs are over it too
    end = "\r\n\r\n" if paragraphs else "\r\n"
    old = "".join(f"old {i}{end}" for i in range(1100))
    new = "".join(f"new {i}{end}" for i in range(1100))
    article_id, _ = create(editor, demo, body="Intro.\r\n" + old + "Outro.")
    assert saved_id(edit(editor, article_id, body="Intro.\r\n" + new + "Outro.")) == article_id
    start = time.monotonic()
    r, cmp = compare_page(editor, article_id, 1)
    assert time.monotonic() - start < 5
    notes = [text_of(p) for p in cmp.find_all("p", class_="notice")]
    assert len(notes) == 1 and "The body has too many changed lines to compare line by line" in notes[0]
    assert note in notes[0]
    body = diff_rows(cmp)["Body"]
    assert body[0] == ("same", "1", "", "Intro.", "1", "", "Intro.")
    assert body[-1][0] == "same" and body[-1][3] == "Outro."
    assert ("changed", "2", "Changed from", "old 0", "2", "Changed to", "new 0") in body


def test_restoring_a_revision_of_another_article_is_404(srv, editor, demo):
    a, _ = create(editor, demo)
    b, _ = create(editor, demo)
    rev_of_b = srv.query("SELECT id FROM revision WHERE article_id = ?", (b,))[0]["id"]
    _, opened = open_editor(editor, f"/admin/articles/{a}")
    for rid in (str(rev_of_b), "999999", "", "x"):
        r = editor.post(f"/admin/articles/{a}/restore", data={"form_token": opened["form_token"], "revision_id": rid})
        assert r.status_code == 404, f"revision_id {rid!r}: {r.status_code}"


def test_refused_saves_and_previews_add_no_revision(srv, editor, demo):
    article_id, data = create(editor, demo)
    for bad in ({"title": ""}, {"slug": "Bad"}, {"action": "preview"}, {"revision": "0"}):
        save(editor, {**data, **bad}, article_id)
    assert count(srv, "SELECT count(*) FROM revision WHERE article_id = ?", (article_id,)) == 1


# ==== the audit log ======================================================================================

def test_the_audit_log_lists_creates_and_updates_with_the_editors_email(srv, admin, demo):
    staff = make_staff(srv, "editor")
    article_id, data = create(staff, demo, status="review")
    assert saved_id(edit(staff, article_id, status="published")) == article_id
    rows = srv.query("SELECT * FROM audit_log WHERE target = ? ORDER BY id", (f"article:{article_id}",))
    assert [(r["action"], r["user_email"], r["detail"]) for r in rows] == [
        ("article.create", staff.email, "review"), ("article.update", staff.email, "published")]
    for viewer in (admin, staff):
        doc = parse_html(viewer.get("/admin/audit").text)
        entries = [[text_of(td) for td in tr.find_all("td")] for tr in main_of(doc).find("tbody").find_all("tr")]
        mine = [e for e in entries if e[3] == f"article:{article_id}"]
        assert [(e[1], e[2], e[4]) for e in mine] == [(staff.email, "article.update", "published"),
                                                    (staff.email, "article.create", "review")]
        assert all(re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC", e[0]) for e in mine)
