"""Exact invalidation: a change drops every cached page that shows it and leaves the others cached. An
article's edit drops its own page, the pages that name it as related and the lists; another article's page
stays cached; a change of the structure (a section's name) drops every page. Cache hits say x-cache: hit.
Each worker thread has its own cache, so the reader here keeps one connection (one worker)."""
import os
import time

import pytest
import requests

from conftest import form_values, make_staff, parse_html

CONSENTED = {"Cookie": "plenary_consent=rejected"}


@pytest.fixture(scope="module")
def srv(admin_server):
    return admin_server


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Cass Cache")


# one keep-alive connection: every request reaches the same worker thread, whose page cache is its own
READER = requests.Session()


def page(srv, path):
    r = READER.get(srv.url(path), headers=CONSENTED, timeout=10, allow_redirects=False)
    assert r.status_code == 200, f"{path}: {r.status_code}"
    return r


def cached(srv, path):
    """Fetches twice; True when the second answer came from the page cache."""
    page(srv, path)
    return page(srv, path).headers.get("x-cache") == "hit"


def editor_form(doc):
    for form in doc.find_all("form"):
        if (form.get("action") or "").startswith("/admin/articles") and form.get("method") == "post":
            return form
    return None


def edit(editor, article_id, **changes):
    doc = parse_html(editor.get(f"/admin/articles/{article_id}").text)
    pairs = [(k, v) for k, v in form_values(editor_form(doc)) if k not in changes and k != "action"]
    pairs += list(changes.items()) + [("action", "save")]
    r = editor.post(f"/admin/articles/{article_id}", data=pairs)
    assert r.status_code == 303, r.status_code


@pytest.fixture(scope="module")
def trio(srv):
    """A (to edit), R (names A as related) and B (unrelated to A: another section, no related rows)."""
    rows = srv.query("""SELECT a.id, a.slug, a.section_id, s.slug AS section_slug FROM article a
                        JOIN section s ON s.id = a.section_id
                        WHERE a.site_id = 1 AND a.status = 'published' AND a.audience = 'public' ORDER BY a.id""")
    for a in rows:
        rel = srv.query("SELECT article_id FROM article_related WHERE related_id = ?", (a["id"],))
        related = {x["article_id"] for x in rel}
        for r in rows:
            if r["id"] not in related:
                continue
            for b in rows:
                if (b["section_id"] != a["section_id"] and b["id"] not in related and b["id"] != r["id"]
                        and not srv.query("SELECT 1 FROM article_related WHERE article_id = ? AND related_id = ?",
                                          (a["id"], b["id"]))):
                    html = page(srv, f"/article/{r['slug']}").text
                    if f'href="/article/{a["slug"]}"' in html:  # R's page shows A among its related
                        return a, r, b
    pytest.skip("the demo has no such three articles")


def test_an_article_edit_drops_exactly_the_pages_that_show_it(srv, editor, trio):
    a, r, _ = trio
    pa, pr = f"/article/{a['slug']}", f"/article/{r['slug']}"
    others = srv.query("SELECT id, slug FROM article WHERE site_id = 1 AND status = 'published' AND "
                       "audience = 'public' AND section_id <> ? AND id <> ? AND lang = ''", (a["section_id"], r["id"]))
    for path in [pa, pr, "/"] + [f"/article/{o['slug']}" for o in others]:
        assert cached(srv, path), f"{path} is not served from the cache"
    title = f"Edited for the cache {os.urandom(3).hex()}"
    edit(editor, a["id"], title=title)
    # the article itself, and the article that names it as related, show the new title at once
    first = page(srv, pa)
    assert first.headers.get("x-cache") != "hit" and title in first.text
    related = page(srv, pr)
    assert related.headers.get("x-cache") != "hit" and title in related.text
    # lists show it too
    assert page(srv, "/").headers.get("x-cache") != "hit"
    # the articles that cannot show it (no related row to it, even after the save rescored its neighbours)
    # stay cached
    naming = {x["article_id"] for x in srv.query("SELECT article_id FROM article_related WHERE related_id = ?",
                                                  (a["id"],))}
    kept = [o for o in others if o["id"] not in naming]
    assert kept, "every other article may show the edited one: nothing left to check"
    for o in kept:
        assert page(srv, f"/article/{o['slug']}").headers.get("x-cache") == "hit", \
            f"/article/{o['slug']} was dropped though it cannot show the edited article"


def test_a_structure_change_drops_every_page(srv, editor, trio):
    _, _, b = trio
    pb = f"/article/{b['slug']}"
    assert cached(srv, pb)
    section = srv.query("SELECT id, name, slug, description, position FROM section WHERE id = ?",
                        (b["section_id"],))[0]
    doc = parse_html(editor.get(f"/admin/sections/{section['id']}").text)
    form = next(f for f in doc.find_all("form") if f.get("method") == "post")
    values = dict(form_values(form))
    name = f"{section['name']} {os.urandom(2).hex()}"
    r = editor.post(f"/admin/sections/{section['id']}", data={**values, "name": name})
    assert r.status_code == 303, r.status_code
    try:
        fresh = page(srv, pb)
        assert fresh.headers.get("x-cache") != "hit" and name in fresh.text
    finally:
        editor.post(f"/admin/sections/{section['id']}", data={**values, "name": section["name"]})


def test_publishing_at_its_second_drops_the_lists(srv, editor):
    assert cached(srv, "/")
    due = int(time.time()) + 2
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(due))
    doc = parse_html(editor.get("/admin/articles/new").text)
    values = dict(form_values(editor_form(doc)))
    section = srv.query("SELECT id FROM section WHERE site_id = 1 ORDER BY id LIMIT 1")[0]["id"]
    title = f"Due at its second {os.urandom(3).hex()}"
    r = editor.post("/admin/articles", data={**values, "title": title, "slug": "", "section": str(section),
                                               "status": "scheduled", "published": stamp, "action": "save",
                                               "audience": "public"})
    assert r.status_code == 303, r.status_code
    assert title not in page(srv, "/").text
    while time.time() < due + 1.5:
        if title in page(srv, "/").text:
            break
        time.sleep(0.02)
    assert title in page(srv, "/").text, "the home page does not show the article after its second"
    assert time.time() < due + 1.5


def test_gating_variants_never_cross_in_the_cache(srv):
    """A members' article cached for a member is never served to an anonymous reader, and the reverse."""
    row = srv.query("SELECT slug, body FROM article WHERE site_id = 1 AND status = 'published' AND "
                    "audience = 'members' AND body <> '' ORDER BY id LIMIT 1")
    if not row:
        pytest.skip("the demo has no members' article")
    path, body = f"/article/{row[0]['slug']}", row[0]["body"]
    words = [w for w in body.split() if len(w) > 7 and w.isalpha()][:3]
    assert words
    member = make_staff(srv, "reader", name="Mia Member")
    member.http.cookies.set("plenary_consent", "rejected")
    for _ in range(3):  # cached for the member on whichever worker
        r = member.get(path)
        assert r.status_code == 200 and all(w in r.text for w in words), "the member does not see the body"
    for _ in range(6):  # anonymous readers on every worker: the gated page, never the member's
        anon = requests.get(srv.url(path), headers=CONSENTED, timeout=10)
        assert anon.status_code == 200 and 'class="gate"' in anon.text
        assert not any(w in anon.text for w in words), "an anonymous reader got the member's cached page"
    for _ in range(3):  # and the member still gets the full page after the anonymous ones were cached
        assert all(w in member.get(path).text for w in words)
