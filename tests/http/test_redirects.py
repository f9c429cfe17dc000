"""Redirects: no old link ever dies. A site's redirects (migration 022) answer 301 where a GET would answer
404: the exact path, then the path with its trailing slash removed or added; WordPress's plain links (/?p=12,
/?page_id=3, /?cat=4, /?attachment_id=5) are answered before the page cache. A changed article slug or page
path leaves a redirect behind; editors keep the list at /admin/redirects.

The tests run on a server and demo database of their own, on SQLite or, with PLENARY_TEST_PG, PostgreSQL.
"""
import os
import re
import tempfile
import time
import uuid

import pytest
import requests

from conftest import form_values, make_demo_database, make_staff, parse_html, start_plenary

SITE = 1  # the demo's default site, which requests to 127.0.0.1 get


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-redirects-") as tmp:
        s = start_plenary(tmp, make_demo_database(tmp), {"outbox": os.path.join(tmp, "outbox")},
                          name="redirects-server")
        yield s
        rc = s.stop()
        assert rc == 0, f"the redirects server exited with {rc}; log tail:\n{s.log()[-3000:]}"


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Redirect Editor")


def fetch(srv, path, method="GET", **kw):
    return requests.request(method, srv.url(path), timeout=10, allow_redirects=False, **kw)


def old():
    return f"/old-{uuid.uuid4().hex[:10]}"


def put_row(srv, frm, to, source="import"):
    """A redirect written straight into the database, as the import writes them."""
    srv.execute("INSERT INTO redirect (site_id, from_path, to_path, source) VALUES (?, ?, ?, ?)",
                (SITE, frm, to, source))


@pytest.fixture(scope="module")
def article(srv):
    """The slug of a published article anyone may read."""
    rows = srv.query("SELECT slug FROM article WHERE site_id = ? AND status = 'published' AND audience = 'public' "
                     "ORDER BY id LIMIT 1", (SITE,))
    slug = rows[0]["slug"]
    assert fetch(srv, f"/article/{slug}").status_code == 200
    return slug


def assert_moved(r, location):
    assert r.status_code == 301, (r.status_code, r.headers.get("location"))
    assert r.headers["location"] == location
    assert r.headers["cache-control"] == "public, max-age=3600"


# ---- the public lookup ----------------------------------------------------------------------------------------

def test_an_old_address_answers_301_at_once(srv, article):
    frm = old()
    # a 404 first: 404s are never cached, so a redirect added while the server runs works at once
    assert fetch(srv, frm).status_code == 404
    put_row(srv, frm, f"/article/{article}")
    assert_moved(fetch(srv, frm), f"/article/{article}")
    assert_moved(fetch(srv, frm, "HEAD"), f"/article/{article}")
    assert requests.get(srv.url(frm), timeout=10).url == srv.url(f"/article/{article}")
    # other methods are not redirected
    assert fetch(srv, frm, "POST").status_code in (403, 404, 405)


def test_trailing_slash_variants(srv, article):
    a, b = old(), old()
    put_row(srv, a, f"/article/{article}")
    put_row(srv, b + "/", f"/article/{article}")
    assert_moved(fetch(srv, a + "/"), f"/article/{article}")
    assert_moved(fetch(srv, b), f"/article/{article}")
    assert_moved(fetch(srv, b + "/"), f"/article/{article}")


def test_a_redirect_to_the_same_path_without_its_slash_never_loops(srv, article):
    a = old()
    put_row(srv, a + "/", a)  # /a has no page: asked for /a, the lookup must not send it to itself
    assert_moved(fetch(srv, a + "/"), a)
    assert fetch(srv, a).status_code == 404
    put_row(srv, a + "-q", a + "-q?page=2")
    assert fetch(srv, a + "-q?page=2").status_code == 404
    # with a page there, the slashed form is served by it
    put_row(srv, f"/article/{article}/", f"/article/{article}")
    assert_moved(fetch(srv, f"/article/{article}/"), f"/article/{article}")
    assert fetch(srv, f"/article/{article}").status_code == 200


def test_a_missing_article_slug_is_redirected(srv, article):
    gone = f"/article/gone-{uuid.uuid4().hex[:8]}"
    assert fetch(srv, gone).status_code == 404
    put_row(srv, gone, f"/article/{article}")
    assert_moved(fetch(srv, gone), f"/article/{article}")


def test_the_query_is_carried_over_unless_the_target_has_one(srv, article):
    a, b = old(), old()
    put_row(srv, a, f"/article/{article}")
    put_row(srv, b, "/search?q=lung")
    assert_moved(fetch(srv, a + "?utm_source=mail&x=1"), f"/article/{article}?utm_source=mail&x=1")
    assert_moved(fetch(srv, b + "?utm_source=mail"), "/search?q=lung")
    # an address kept with its query matches with it, and its query is not repeated
    c = old()
    put_row(srv, c + "?lang=en", "/about")
    put_row(srv, c, f"/article/{article}")
    assert_moved(fetch(srv, c + "?lang=en"), "/about")
    assert_moved(fetch(srv, c + "?lang=fr"), f"/article/{article}?lang=fr")


def test_targets_elsewhere_and_unusual_bytes(srv):
    a, b = old(), old()
    put_row(srv, a, "https://archive.example.org/2019/x")
    assert_moved(fetch(srv, a), "https://archive.example.org/2019/x")
    # a kept path is decoded, as the server reads a request's; Location is percent-encoded
    put_row(srv, b + "-caf\u00e9", "/article/caf\u00e9 noir")
    assert_moved(fetch(srv, b + "-caf%C3%A9"), "/article/caf%C3%A9%20noir")
    # a target that would leave the site by a protocol-relative path is never sent
    c = old()
    put_row(srv, c, "//evil.example/x")
    assert fetch(srv, c).status_code == 404


def test_plain_links_answer_before_the_page_cache(srv, article):
    n = 900000 + int(uuid.uuid4().int % 99999)
    # one connection, one worker, one page cache: the home page is cached for the plain link first
    s = requests.Session()
    assert s.get(srv.url("/"), timeout=10).status_code == 200
    for _ in range(2):
        first = s.get(srv.url(f"/?p={n}"), timeout=10, allow_redirects=False)
        assert first.status_code == 200
    assert first.headers.get("x-cache") == "hit"
    put_row(srv, f"/?p={n}", f"/article/{article}")
    put_row(srv, f"/?page_id={n}", "/about")
    put_row(srv, f"/?cat={n}", "/section/x")
    put_row(srv, f"/?attachment_id={n}", "/media/x.jpg")
    assert_moved(s.get(srv.url(f"/?p={n}"), timeout=10, allow_redirects=False), f"/article/{article}")
    assert_moved(fetch(srv, f"/index.php?p={n}"), f"/article/{article}")
    assert_moved(fetch(srv, f"/?page_id={n}"), "/about")
    assert_moved(fetch(srv, f"/?cat={n}"), "/section/x")
    assert_moved(fetch(srv, f"/?attachment_id={n}"), "/media/x.jpg")
    # the rest of the query is carried over
    assert_moved(fetch(srv, f"/?utm_source=x&p={n}"), f"/article/{article}?utm_source=x")
    # the home page is still served for its own queries, and for a plain link that has no redirect
    assert fetch(srv, "/?utm_source=newsletter").status_code == 200
    assert fetch(srv, f"/?p={n + 1}").status_code == 200
    assert fetch(srv, f"/?p={n}x").status_code == 200


def test_long_paths_are_not_looked_up(srv):
    frm = "/" + "a" * 1000
    put_row(srv, frm, "/about")
    assert fetch(srv, frm).status_code == 404
    frm = "/" + "b" * 998
    put_row(srv, frm, "/about")
    assert_moved(fetch(srv, frm), "/about")


# ---- a changed slug or page path -------------------------------------------------------------------------------

def editor_form(doc):
    for form in doc.find_all("form"):
        if re.fullmatch(r"/admin/articles(/\d+)?", form.get("action") or "") and form.get("method") == "post":
            return form
    raise AssertionError("no editor form")


def create_article(srv, staff, **over):
    """A published article saved through the editor form: (id, slug)."""
    r = staff.get("/admin/articles/new")
    data = dict(form_values(editor_form(parse_html(r.text))))
    section = srv.query("SELECT id FROM section WHERE site_id = ? ORDER BY id LIMIT 1", (SITE,))[0]["id"]
    n = uuid.uuid4().hex[:8]
    data.update({"title": f"Redirect test {n}", "slug": f"redirect-test-{n}", "summary": f"A summary ({n}).",
                 "body": f"A body paragraph ({n}).", "section": str(section), "audience": "public",
                 "status": "published", "published": time.strftime("%Y-%m-%dT%H:%M:%S",
                                                                    time.gmtime(time.time() - 3600)),
                 "action": "save"})
    data.update(over)
    r = staff.post("/admin/articles", data=data)
    assert r.status_code == 303, f"the save answered {r.status_code}: {r.text[:300]}"
    article_id = int(re.fullmatch(r"/admin/articles/(\d+)\?saved=1", r.headers["location"]).group(1))
    return article_id, data["slug"]


def change_slug(staff, article_id, slug):
    """Opens the article's editor and saves it with a new slug, as an editor does."""
    r = staff.get(f"/admin/articles/{article_id}")
    assert r.status_code == 200
    pairs = [(k, v) for k, v in form_values(editor_form(parse_html(r.text))) if k not in ("slug", "action")]
    r = staff.post(f"/admin/articles/{article_id}", data=pairs + [("slug", slug), ("action", "save")])
    assert r.status_code == 303, f"the save answered {r.status_code}: {r.text[:300]}"


def test_a_published_articles_new_slug_redirects_its_old_address(srv, editor):
    article_id, first = create_article(srv, editor)
    s = requests.Session()  # one worker: its cache has the page under the old address
    assert s.get(srv.url(f"/article/{first}"), timeout=10).status_code == 200
    second = first + "-v2"
    change_slug(editor, article_id, second)
    assert_moved(s.get(srv.url(f"/article/{first}"), timeout=10, allow_redirects=False), f"/article/{second}")
    assert fetch(srv, f"/article/{second}").status_code == 200
    # changed twice: the first address goes straight to the newest
    third = first + "-v3"
    change_slug(editor, article_id, third)
    assert_moved(fetch(srv, f"/article/{first}"), f"/article/{third}")
    assert_moved(fetch(srv, f"/article/{second}"), f"/article/{third}")
    rows = srv.query("SELECT source FROM redirect WHERE site_id = ? AND to_path = ?", (SITE, f"/article/{third}"))
    assert [r["source"] for r in rows] == ["slug", "slug"]
    # a reader following the first link lands on the article
    landed = requests.get(srv.url(f"/article/{first}?utm_source=mail"), timeout=10)
    assert landed.status_code == 200 and landed.url == srv.url(f"/article/{third}?utm_source=mail")


# ---- the back office ------------------------------------------------------------------------------------------

def opened(staff, path, action):
    r = staff.get(path)
    assert r.status_code == 200, f"GET {path}: {r.status_code}"
    form = parse_html(r.text).find("form", action=action)
    assert form is not None, f"no form to {action} on {path}"
    return dict(form_values(form))


def add(staff, frm, to):
    return staff.post("/admin/redirects", data={**opened(staff, "/admin/redirects/new", "/admin/redirects"),
                                                "from": frm, "to": to})


def saved(r):
    assert r.status_code == 303, f"the save answered {r.status_code}: {field_errors(r.text)}"
    m = re.fullmatch(r"/admin/redirects\?saved=(\d+)", r.headers["location"])
    assert m, r.headers["location"]
    return int(m.group(1))


def field_errors(html):
    doc = parse_html(html)
    return {p.get("id")[len("error-"):]: " ".join(p.text().split()) for p in doc.find_all("p", class_="field-error")}


def test_an_editor_adds_a_redirect_that_works_at_once(srv, editor, article):
    frm = old()
    assert fetch(srv, frm).status_code == 404
    rid = saved(add(editor, frm, f"/article/{article}"))
    assert_moved(fetch(srv, frm), f"/article/{article}")
    row = srv.query("SELECT from_path, to_path, source, created_by FROM redirect WHERE id = ?", (rid,))[0]
    assert (row["from_path"], row["to_path"], row["source"]) == (frm, f"/article/{article}", "editor")
    assert row["created_by"] == srv.query("SELECT id FROM \"user\" WHERE email = ?", (editor.email,))[0]["id"]
    # the list shows it, and its search finds it by either address
    listed = editor.get("/admin/redirects?q=" + frm[5:])
    assert listed.status_code == 200 and frm in listed.text and f"/admin/redirects/{rid}" in listed.text
    assert "editor" in listed.text
    assert frm not in editor.get("/admin/redirects?q=zzz-nothing-" + frm[5:]).text
    # edited: the new target at once
    r = editor.post(f"/admin/redirects/{rid}", data={**opened(editor, f"/admin/redirects/{rid}",
                                                             f"/admin/redirects/{rid}"), "to": "/about"})
    assert saved(r) == rid
    assert_moved(fetch(srv, frm), "/about")


def test_a_pasted_old_link_keeps_its_path_and_query(srv, editor, article):
    n = uuid.uuid4().hex[:8]
    rid = saved(add(editor, f"  https://old.example.org/2019/05/post-{n}/?lang=en#top ", f"/article/{article}"))
    assert srv.query("SELECT from_path FROM redirect WHERE id = ?", (rid,))[0]["from_path"] == \
        f"/2019/05/post-{n}/?lang=en"
    assert_moved(fetch(srv, f"/2019/05/post-{n}/?lang=en"), f"/article/{article}")
    # a WordPress plain link, pasted with its index.php and another parameter, is kept as /?p=N
    p = 800000 + int(uuid.uuid4().int % 99999)
    rid = saved(add(editor, f"http://old.example.org/index.php?p={p}&replytocom=5", f"/article/{article}"))
    assert srv.query("SELECT from_path FROM redirect WHERE id = ?", (rid,))[0]["from_path"] == f"/?p={p}"
    assert_moved(fetch(srv, f"/?p={p}"), f"/article/{article}")
    # percent-escapes are read as the server reads a request's path
    rid = saved(add(editor, f"/caf%C3%A9-{n}", "/about"))
    assert srv.query("SELECT from_path FROM redirect WHERE id = ?", (rid,))[0]["from_path"] == f"/caf\u00e9-{n}"
    assert_moved(fetch(srv, f"/caf%C3%A9-{n}"), "/about")
    # a link to this very site's host is kept as its path
    host = srv.query("SELECT host FROM site WHERE id = ?", (SITE,))[0]["host"]
    rid = saved(add(editor, old(), f"https://{host}/about"))
    assert srv.query("SELECT to_path FROM redirect WHERE id = ?", (rid,))[0]["to_path"] == "/about"
    # a scheme in capitals is written as browsers write it, and the redirect works
    frm = old()
    rid = saved(add(editor, frm, "HTTPS://Archive.example.org/x"))
    assert srv.query("SELECT to_path FROM redirect WHERE id = ?", (rid,))[0]["to_path"] == \
        "https://Archive.example.org/x"
    assert_moved(fetch(srv, frm), "https://Archive.example.org/x")


@pytest.mark.parametrize("frm,to,field,words", [
    ("", "/about", "from", "Give the old address"),
    ("/x", "", "to", "Give the new address"),
    ("old-page", "/about", "from", "starting with one /"),
    ("//evil.example/x", "/about", "from", "starting with one /"),
    ("/has space", "/about", "from", "no spaces"),
    ("/tab\there", "/about", "from", "control characters"),
    ("/nul%00", "/about", "from", "control character"),
    ("/" + "a" * 1001, "/about", "from", "1,000 bytes"),
    ("/ok-{n}", "http://example.org/x", "to", "https://"),
    ("/ok-{n}", "https:///x", "to", "names no site"),
    ("/ok-{n}", "//evil.example/x", "to", "starting with one /"),
    ("/ok-{n}", "/a\\b", "to", "starting with one /"),
    ("/ok-{n}", "relative/path", "to", "starting with one /"),
    ("/ok-{n}", "/" + "b" * 1001, "to", "1,000 bytes"),
    ("/same-{n}", "/same-{n}", "to", "the old one"),
    ("/about", "/article/x", "from", "shows a page"),
    ("/search", "/article/x", "from", "shows a page"),
    ("/article/{article}", "/about", "from", "shows a page"),
    ("/", "/about", "from", "shows a page"),
])
def test_bad_input_gets_422_with_the_form_kept(srv, editor, article, frm, to, field, words):
    n = uuid.uuid4().hex[:8]
    frm, to = frm.replace("{n}", n).replace("{article}", article), to.replace("{n}", n)
    before = srv.query("SELECT count(*) AS c FROM redirect")[0]["c"]
    r = add(editor, frm, to)
    assert r.status_code == 422, (r.status_code, frm, to)
    errors = field_errors(r.text)
    assert words in errors.get(field, ""), errors
    form = parse_html(r.text).find("form", action="/admin/redirects")
    kept = dict(form_values(form))
    assert kept["to"] == to.strip() or field == "to"
    assert srv.query("SELECT count(*) AS c FROM redirect")[0]["c"] == before


def test_a_second_redirect_from_one_address_is_refused(srv, editor, article):
    frm = old()
    rid = saved(add(editor, frm, f"/article/{article}"))
    r = add(editor, frm, "/about")
    assert r.status_code == 422 and "exists already" in field_errors(r.text)["from"]
    # an edit onto another redirect's address too
    other = saved(add(editor, old(), "/about"))
    r = editor.post(f"/admin/redirects/{other}", data={**opened(editor, f"/admin/redirects/{other}",
                                                               f"/admin/redirects/{other}"), "from": frm})
    assert r.status_code == 422 and "exists already" in field_errors(r.text)["from"]
    assert_moved(fetch(srv, frm), f"/article/{article}")
    assert rid != other


def test_chains_collapse(srv, editor, article):
    a, b, c = old(), old(), old()
    saved(add(editor, a, b))
    saved(add(editor, b, f"/article/{article}"))
    # a led to b; b now leads on: a goes straight there
    assert_moved(fetch(srv, a), f"/article/{article}")
    # a new redirect to an address that is itself redirected goes straight on too
    rid = saved(add(editor, c, a))
    assert srv.query("SELECT to_path FROM redirect WHERE id = ?", (rid,))[0]["to_path"] == f"/article/{article}"
    assert_moved(fetch(srv, c), f"/article/{article}")


def test_deletion_asks_first_then_the_old_address_is_gone(srv, editor, article):
    frm = old()
    rid = saved(add(editor, frm, f"/article/{article}"))
    confirm = editor.get(f"/admin/redirects/{rid}/delete")
    assert confirm.status_code == 200 and frm in confirm.text
    action = f"/admin/redirects/{rid}/delete"
    r = editor.post(action, data=opened(editor, action, action))
    assert r.status_code == 303 and r.headers["location"] == "/admin/redirects?deleted=1"
    assert fetch(srv, frm).status_code == 404
    assert srv.query("SELECT count(*) AS c FROM audit_log WHERE action = 'redirect.delete' AND detail = ?",
                     (frm,))[0]["c"] == 1
    # gone: 404 for it, and for ids that never were
    assert editor.get(f"/admin/redirects/{rid}").status_code == 404
    assert editor.get(f"/admin/redirects/{rid}/delete").status_code == 404
    assert editor.post(action, data=opened(editor, "/admin/redirects/new", "/admin/redirects")).status_code == 404
    assert editor.get("/admin/redirects/abc").status_code == 404
    r = editor.post(f"/admin/redirects/{rid}", data={**opened(editor, "/admin/redirects/new", "/admin/redirects"),
                                                     "from": old(), "to": "/about"})
    assert r.status_code == 404


def test_only_editors_and_admins_may_change_redirects(srv):
    reader = make_staff(srv, "reader", name="Redirect Reader")
    contributor = make_staff(srv, "contributor", name="Redirect Contributor")
    for who in (reader, contributor):
        for path in ("/admin/redirects", "/admin/redirects/new"):
            assert who.get(path).status_code == 403, path
        assert who.post("/admin/redirects", data={"from": old(), "to": "/about"}).status_code == 403
    r = fetch(srv, "/admin/redirects")
    assert r.status_code in (302, 303, 403)
    assert srv.query("SELECT count(*) AS c FROM redirect WHERE source = 'editor' AND created_by IN "
                     "(SELECT id FROM \"user\" WHERE email IN (?, ?))",
                     (reader.email, contributor.email))[0]["c"] == 0


def test_a_form_without_its_token_or_from_elsewhere_is_refused(srv, editor):
    frm = old()
    data = {**opened(editor, "/admin/redirects/new", "/admin/redirects"), "from": frm, "to": "/about"}
    assert editor.post("/admin/redirects", data={k: v for k, v in data.items() if k != "form_token"}) \
        .status_code == 403
    assert editor.post("/admin/redirects", data=data, headers={"Origin": "https://evil.example"}).status_code == 403
    assert srv.query("SELECT count(*) AS c FROM redirect WHERE from_path = ?", (frm,))[0]["c"] == 0


def test_the_list_pages_by_fifty(srv, editor):
    tag = uuid.uuid4().hex[:8]
    c = srv.db()
    with c:
        for i in range(55):
            c.execute("INSERT INTO redirect (site_id, from_path, to_path, source) VALUES (?, ?, '/about', 'import')",
                      (SITE, f"/pg-{tag}-{i:02d}"))
    c.close()
    first = editor.get(f"/admin/redirects?q={tag}")
    assert first.status_code == 200
    assert first.text.count(f"<code>/pg-{tag}-") == 50
    assert f"/admin/redirects?q={tag}&amp;page=2" in first.text
    second = editor.get(f"/admin/redirects?q={tag}&page=2")
    assert second.status_code == 200 and second.text.count(f"<code>/pg-{tag}-") == 5
    assert editor.get(f"/admin/redirects?q={tag}&page=3").status_code == 404
    assert editor.get("/admin/redirects?page=x").status_code == 400
    # a search with LIKE's wildcards finds them as written
    assert editor.get("/admin/redirects?q=%25").status_code == 200


def test_a_page_moved_in_the_back_office_leaves_a_redirect(srv, editor):
    n = uuid.uuid4().hex[:8]
    r = editor.post("/admin/pages", data={**opened(editor, "/admin/pages/new", "/admin/pages"),
                                          "path": f"/about/team-{n}", "title": "Team", "body": "Us."})
    assert r.status_code == 303, r.status_code
    pid = srv.query("SELECT id FROM page WHERE path = ?", (f"/about/team-{n}",))[0]["id"]
    r = editor.post(f"/admin/pages/{pid}", data={**opened(editor, f"/admin/pages/{pid}", f"/admin/pages/{pid}"),
                                                 "path": f"/about/people-{n}"})
    assert r.status_code == 303, r.status_code
    assert_moved(fetch(srv, f"/about/team-{n}"), f"/about/people-{n}")
    assert fetch(srv, f"/about/people-{n}").status_code == 200


def test_a_path_that_is_not_utf8_is_a_plain_404_with_no_database_error(srv):
    # /%ff can be no redirect's address; PostgreSQL would refuse it as text and log an error
    before = len(srv.log())
    r = fetch(srv, "/%ff")
    assert r.status_code == 404
    r = fetch(srv, "/section/%ff/whats-new")
    assert r.status_code == 404
    logged = srv.log()[before:]
    assert "invalid byte sequence" not in logged and "error" not in logged.lower(), logged[-2000:]
