"""The front page an editor controls (issue 16): menu entries that must lead somewhere, the curation of the
home page (highlighted congress, featured and pinned articles) and a home page that shows no article twice.

These tests change the menu and the home page, so they run against a server and demo database of their own.
"""
import os
import time
import tempfile
import uuid

import pytest
import requests

from conftest import form_values, make_demo_database, make_staff, parse_html, start_plenary, text_of

SITE = 1  # the demo's default site, which requests to 127.0.0.1 get


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-frontpage-") as tmp:
        s = start_plenary(tmp, make_demo_database(tmp), {"outbox": os.path.join(tmp, "outbox")},
                          name="frontpage-server")
        yield s
        rc = s.stop()
        assert rc == 0, f"the frontpage server exited with {rc}; log tail:\n{s.log()[-3000:]}"


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Ed Front")


@pytest.fixture(scope="module")
def contributor(srv):
    return make_staff(srv, "contributor", name="Con Front")


def uid():
    return uuid.uuid4().hex[:8]


def one(srv, sql, *args):
    found = srv.query(sql, args)
    return found[0] if found else None


def opened(staff, path, action):
    r = staff.get(path)
    assert r.status_code == 200, f"GET {path}: {r.status_code}"
    form = parse_html(r.text).find("form", action=action)
    assert form is not None, f"no form to {action} on {path}"
    return dict(form_values(form))


def save(staff, form_page, form_action, **fields):
    return staff.post(form_action, data={**opened(staff, form_page, form_action), **fields})


def field_errors(html):
    return {p.get("id"): text_of(p) for p in parse_html(html).find_all("p", class_="field-error")}


def anon(srv, path):
    return requests.get(srv.url(path), timeout=10, allow_redirects=False)


# ---- menu entries lead somewhere ----------------------------------------------------------------------------

def test_the_menu_form_offers_what_exists_grouped(srv, editor):
    doc = parse_html(editor.get("/admin/menu/new").text)
    select = doc.find("select", name="pick")
    assert select is not None, "the form has a list to pick a link from"
    groups = {g.get("label"): [o.get("value") for o in g.find_all("option")]
              for g in select.find_all("optgroup")}
    assert set(groups) == {"Sections", "Congresses", "Congresses by year", "Pages", "Topics", "Trials"}
    assert "/section/breast-cancer" in groups["Sections"]
    assert "/congress/asco-2025" in groups["Congresses"]
    assert "/congresses/2025" in groups["Congresses by year"]
    assert "/privacy" in groups["Pages"]
    tag = one(srv, "SELECT slug FROM tag WHERE site_id = ? ORDER BY name LIMIT 1", SITE)["slug"]
    trial = one(srv, "SELECT slug FROM trial WHERE site_id = ? ORDER BY name LIMIT 1", SITE)["slug"]
    assert f"/tag/{tag}" in groups["Topics"] and f"/trial/{trial}" in groups["Trials"]
    other = one(srv, "SELECT slug FROM congress WHERE site_id <> ? LIMIT 1", SITE)["slug"]
    assert f"/congress/{other}" not in groups["Congresses"], "a sister site's congress is not offered"


def test_a_picked_place_is_saved_and_shown_picked(srv, editor):
    label = f"Picked {uid()}"
    r = save(editor, "/admin/menu/new", "/admin/menu", label=label, pick="/congress/asco-2025", url="", parent="0")
    assert r.status_code == 303, field_errors(r.text)
    row = one(srv, "SELECT id, url FROM menu_item WHERE label = ?", label)
    assert row["url"] == "/congress/asco-2025"
    form = opened(editor, f"/admin/menu/{row['id']}", f"/admin/menu/{row['id']}")
    assert form["pick"] == "/congress/asco-2025" and form["url"] == ""
    # saving the form as it is keeps the link
    r = save(editor, f"/admin/menu/{row['id']}", f"/admin/menu/{row['id']}", label=label + " b")
    assert r.status_code == 303
    assert one(srv, "SELECT url FROM menu_item WHERE id = ?", row["id"])["url"] == "/congress/asco-2025"
    # saved unchanged, it writes nothing
    audits = one(srv, "SELECT count(*) AS n FROM audit_log WHERE action = 'menu.update'")["n"]
    assert save(editor, f"/admin/menu/{row['id']}", f"/admin/menu/{row['id']}").status_code == 303
    assert one(srv, "SELECT count(*) AS n FROM audit_log WHERE action = 'menu.update'")["n"] == audits
    # a typed link replaces it when the list is set back to "type a link"
    r = save(editor, f"/admin/menu/{row['id']}", f"/admin/menu/{row['id']}", pick="", url="/trials")
    assert r.status_code == 303
    assert one(srv, "SELECT url FROM menu_item WHERE id = ?", row["id"])["url"] == "/trials"


@pytest.mark.parametrize("url,words", [
    ("/congress/esmo-2O25", "no congress esmo-2O25"),
    ("/section/no-such-section", "no section no-such-section"),
    ("/tag/no-such-topic", "no topic no-such-topic"),
    ("/trial/no-such-trial", "no trial no-such-trial"),
    ("/article/no-such-article", "no published article no-such-article"),
    ("/congresses/2031", "no congress in the year 2031"),
    ("/no-such-page", "no page at that path"),
    ("/congress/asco-2025/nothing", "no page at that path"),
    ("/admin", "no page at that path"),
])
def test_a_typed_path_that_leads_nowhere_is_refused_by_name(srv, editor, url, words):
    label = f"Nowhere {uid()}"
    r = save(editor, "/admin/menu/new", "/admin/menu", label=label, url=url, parent="0")
    assert r.status_code == 422
    errors = field_errors(r.text)
    assert set(errors) == {"error-url"} and words in errors["error-url"], errors
    doc = parse_html(r.text)
    assert doc.find("input", name="url").get("value") == url, "the form keeps what was typed"
    assert doc.find("input", name="label").get("value") == label
    assert one(srv, "SELECT count(*) AS n FROM menu_item WHERE label = ?", label)["n"] == 0


def test_typed_paths_to_what_exists_are_kept(srv, editor):
    article = one(srv, "SELECT slug FROM article WHERE site_id = ? AND status = 'published' LIMIT 1", SITE)["slug"]
    for url in ["/", "/search?q=keytruda", "/privacy", "/section/breast-cancer/feed.rss", f"/article/{article}",
                "/congress/asco-2025#agenda", "/tags"]:
        label = f"Fine {uid()}"
        r = save(editor, "/admin/menu/new", "/admin/menu", label=label, url=url, parent="0")
        assert r.status_code == 303, (url, field_errors(r.text))
        assert one(srv, "SELECT url FROM menu_item WHERE label = ?", label)["url"] == url
        assert anon(srv, url.split("#")[0]).status_code == 200, url


def test_external_links_must_be_https(srv, editor):
    r = save(editor, "/admin/menu/new", "/admin/menu", label=f"Plain {uid()}", url="http://www.esmo.org/",
             parent="0")
    assert r.status_code == 422 and "https://" in field_errors(r.text)["error-url"]


def test_picking_and_typing_two_places_is_refused_and_a_forged_pick_too(srv, editor):
    label = f"Both {uid()}"
    r = save(editor, "/admin/menu/new", "/admin/menu", label=label, pick="/section/breast-cancer", url="/trials")
    assert r.status_code == 422 and "not both" in field_errors(r.text)["error-url"]
    for pick in ["javascript:alert(1)", "/congress/esmo-2O25", "https://evil.example/"]:
        r = save(editor, "/admin/menu/new", "/admin/menu", label=label, pick=pick, url="")
        assert r.status_code == 422 and set(field_errors(r.text)) == {"error-pick"}, pick
    assert one(srv, "SELECT count(*) AS n FROM menu_item WHERE label = ?", label)["n"] == 0


def test_existing_bad_entries_are_marked_in_the_list(srv, editor):
    label = f"Broken {uid()}"
    srv.execute("INSERT INTO menu_item (site_id, parent_id, position, label, url) VALUES (?, NULL, 99, ?, ?)",
                (SITE, label, "/congress/esmo-2O25"))
    plain = f"Plain {uid()}"
    srv.execute("INSERT INTO menu_item (site_id, parent_id, position, label, url) VALUES (?, NULL, 99, ?, ?)",
                (SITE, plain, "http://www.esmo.org/"))
    doc = parse_html(editor.get("/admin/menu").text)
    entry = one(srv, "SELECT id FROM menu_item WHERE label = ?", label)["id"]
    li = doc.find("li", id=f"entry-{entry}")
    warning = li.find("strong", class_="menu-problem")
    assert warning is not None and "esmo-2O25" in text_of(warning)
    li = doc.find("li", id=f"entry-{one(srv, 'SELECT id FROM menu_item WHERE label = ?', plain)['id']}")
    assert "https://" in text_of(li.find("strong", class_="menu-problem"))
    assert len(list(doc.find_all("strong", class_="menu-problem"))) == 2, "the demo's own entries all lead somewhere"
    alert = doc.find("p", role="alert")
    assert alert is not None and "lead nowhere" in text_of(alert)
    srv.execute("DELETE FROM menu_item WHERE label IN (?, ?)", (label, plain))


# ---- the front page an editor curates ------------------------------------------------------------------------

CONSENTED = {"Cookie": "plenary_consent=rejected"}  # no banner: the page every such reader shares, cached


def home(srv):
    r = requests.get(srv.url("/"), headers=CONSENTED, timeout=10, allow_redirects=False)
    assert r.status_code == 200
    return parse_html(r.text)


def cards(node):
    """The article slugs of the cards under node, in order."""
    out = []
    for a in node.find_all("a"):
        href = a.get("href") or ""
        if href.startswith("/article/") and any(p.tag == "h3" for p in a.ancestors()):
            out.append(href[len("/article/"):])
    return out


def section_cards(doc, title_id):
    h2 = doc.find("h2", id=title_id)
    return cards(h2.parent) if h2 is not None else []


def highlight_name(doc):
    h2 = doc.find("h2", id="highlight-title")
    return text_of(h2) if h2 is not None else None


def wait_for(pred, seconds):
    end = time.time() + seconds
    while time.time() < end:
        v = pred()
        if v:
            return v
        time.sleep(0.05)
    return None


def front_post(staff, action, **fields):
    token = opened(staff, "/admin/front", "/admin/front/highlight")["form_token"]
    return staff.post(action, data={"form_token": token, **fields}, allow_redirects=False)


def published(srv, n, congress=None):
    sql = ("SELECT id, slug FROM article WHERE site_id = ? AND status = 'published' AND published_at <= ? "
           + ("AND congress_id = ? " if congress else "") + "ORDER BY published_at DESC, id DESC LIMIT ?")
    args = (SITE, int(time.time())) + ((congress,) if congress else ()) + (n,)
    return srv.query(sql, args)


def test_the_front_page_is_for_editors(srv, contributor):
    assert contributor.get("/admin/front").status_code == 403
    assert anon(srv, "/admin/front").status_code in (302, 303)
    r = contributor.post("/admin/front/highlight", data={"congress": "0"})
    assert r.status_code == 403


def test_the_demo_home_page_shows_no_article_twice(srv):
    doc = home(srv)
    slugs = cards(doc)
    assert slugs and len(slugs) == len(set(slugs)), [s for s in slugs if slugs.count(s) > 1]
    assert section_cards(doc, "highlight-title"), "the demo has a congress highlight"


def test_one_new_article_does_not_replace_a_fuller_highlight(srv):
    before = highlight_name(home(srv))
    assert before
    n = uid()
    with srv.db() as c:
        c.execute("INSERT INTO congress (site_id, slug, name, full_name, year, starts_on, ends_on, city) VALUES "
                  "(?, ?, ?, 'A congress of the future', 2099, '2099-06-01', '2099-06-05', 'Brussels')",
                  (SITE, f"future-{n}", f"Future {n}"))
        cid = c.execute("SELECT id FROM congress WHERE slug = ?", (f"future-{n}",)).fetchone()[0]
        now = int(time.time()) - 5
        c.execute("INSERT INTO article (site_id, slug, title, summary, body, section_id, congress_id, status, "
                  "audience, published_at, created_at, updated_at) VALUES (?, ?, ?, '', '', "
                  "(SELECT id FROM section WHERE site_id = ? ORDER BY id LIMIT 1), ?, 'published', 'public', ?, ?, ?)",
                  (SITE, f"first-news-{n}", f"First news {n}", SITE, cid, now, now, now))
    doc = wait_for(lambda: (lambda d: d if f"first-news-{n}" in cards(d) else None)(home(srv)), 5.0)
    assert doc is not None, "the new article reaches the home page"
    assert highlight_name(doc) == before, "one article of a newer congress took over the highlight"
    assert "All 1 articles" not in text_of(doc.find("main") or doc)


def cached(srv):
    return requests.get(srv.url("/"), headers=CONSENTED, timeout=10).headers.get("x-cache") == "hit"


def test_the_editor_chooses_the_highlight_and_the_cached_home_page_follows(srv, editor):
    home(srv)
    assert wait_for(lambda: cached(srv), 3.0), "the home page is served from the cache"
    other = one(srv, "SELECT id, name FROM congress WHERE site_id = ? AND slug = 'sabcs-2023'", SITE)
    r = front_post(editor, "/admin/front/highlight", congress=str(other["id"]))
    assert r.status_code == 303 and r.headers["location"] == "/admin/front?done=highlight"
    r = requests.get(srv.url("/"), headers=CONSENTED, timeout=10)
    assert r.headers.get("x-cache") != "hit", "the curation change dropped the cached home page"
    assert highlight_name(parse_html(r.text)) == f"Highlights from {other['name']}"
    assert opened(editor, "/admin/front", "/admin/front/highlight")["congress"] == str(other["id"])
    # refused: not a number, another site's congress; nothing changes
    foreign = one(srv, "SELECT id FROM congress WHERE site_id <> ? LIMIT 1", SITE)["id"]
    for value, words in [("abc", "Choose a congress"), (str(foreign), "no such congress"), ("", "Choose")]:
        r = front_post(editor, "/admin/front/highlight", congress=value)
        assert r.status_code == 422 and words in r.text, value
        assert parse_html(r.text).find("p", id="error-congress") is not None
    assert one(srv, "SELECT congress_id FROM front_page WHERE site_id = ?", SITE)["congress_id"] == other["id"]
    # back to automatic
    assert front_post(editor, "/admin/front/highlight", congress="0").status_code == 303
    assert highlight_name(home(srv)) != f"Highlights from {other['name']}"
    assert one(srv, "SELECT congress_id FROM front_page WHERE site_id = ?", SITE)["congress_id"] is None


def test_featured_and_pinned_articles_in_the_editors_order(srv, editor):
    first, second, third = [row["slug"] for row in published(srv, 30)[-3:]]
    ids = {row["slug"]: row["id"] for row in published(srv, 30)}
    home(srv)  # cached now
    assert front_post(editor, "/admin/front/articles", article=str(ids[first]), place="featured").status_code == 303
    r = front_post(editor, "/admin/front/articles", address=srv.url(f"/article/{second}"), place="featured")
    assert r.status_code == 303, field_errors(r.text)
    r = front_post(editor, "/admin/front/articles", address=f"/article/{third}", place="pinned")
    assert r.status_code == 303, field_errors(r.text)
    doc = home(srv)
    assert section_cards(doc, "featured-title") == [first, second]
    assert section_cards(doc, "latest-title")[0] == third, "a pinned article leads the latest list"
    slugs = cards(doc)
    assert len(slugs) == len(set(slugs)), "no article twice"
    # the order changes with Up (no JavaScript: a form per button)
    page = parse_html(editor.get("/admin/front").text)
    li = page.find("li", id=f"front-{ids[second]}")
    assert li is not None and li.find("form", action=f"/admin/front/articles/{ids[second]}/move") is not None
    r = front_post(editor, f"/admin/front/articles/{ids[second]}/move", direction="up")
    assert r.status_code == 303
    assert section_cards(home(srv), "featured-title") == [second, first]
    assert front_post(editor, f"/admin/front/articles/{ids[second]}/move", direction="sideways").status_code == 400
    assert front_post(editor, "/admin/front/articles/999999/move", direction="up").status_code == 404
    # an archived article leaves the home page and is marked in the back office
    srv.execute("UPDATE article SET status = 'archived' WHERE id = ?", (ids[first],))
    assert wait_for(lambda: first not in cards(home(srv)), 5.0)
    page = parse_html(editor.get("/admin/front").text)
    assert "Not published" in text_of(page.find("li", id=f"front-{ids[first]}"))
    srv.execute("UPDATE article SET status = 'published' WHERE id = ?", (ids[first],))
    # removing takes them off the home page at once
    for slug in (first, second, third):
        assert front_post(editor, f"/admin/front/articles/{ids[slug]}/remove").status_code == 303
    doc = home(srv)
    assert doc.find("h2", id="featured-title") is None
    assert one(srv, "SELECT count(*) AS n FROM front_article WHERE site_id = ?", SITE)["n"] == 0
    assert front_post(editor, f"/admin/front/articles/{ids[first]}/remove").status_code == 404
    assert one(srv, "SELECT count(*) AS n FROM audit_log WHERE action = 'article.feature'")["n"] >= 2


def test_what_cannot_go_on_the_front_page_is_refused_with_the_form_kept(srv, editor):
    rows = published(srv, 8)
    draft = one(srv, "SELECT id FROM article WHERE site_id = ? AND status = 'draft' LIMIT 1", SITE)
    foreign = one(srv, "SELECT id, slug FROM article WHERE site_id <> ? AND status = 'published' LIMIT 1", SITE)
    cases = [
        ({"article": str(rows[0]["id"]), "place": "middle"}, "error-place", "Featured or Pinned"),
        ({"article": "", "address": "", "place": "featured"}, "error-article", "Choose an article"),
        ({"article": str(rows[0]["id"]), "address": "/article/x", "place": "featured"}, "error-address", "not both"),
        ({"address": "/article/no-such-article", "place": "featured"}, "error-address", "No published article"),
        ({"address": f"/article/{foreign['slug']}", "place": "featured"}, "error-address", "No published article"),
        ({"address": "x" * 301, "place": "featured"}, "error-address", "too long"),
        ({"article": str(foreign["id"]), "place": "pinned"}, "error-article", "not published on this site"),
        ({"article": "12abc", "place": "pinned"}, "error-article", "Choose an article"),
    ]
    if draft:
        cases.append(({"article": str(draft["id"]), "place": "pinned"}, "error-article", "not published"))
    for fields, field, words in cases:
        r = front_post(editor, "/admin/front/articles", **fields)
        assert r.status_code == 422, fields
        errors = field_errors(r.text)
        assert field in errors and words in errors[field], (fields, errors)
        if fields.get("address") and len(fields["address"]) <= 300:
            assert parse_html(r.text).find("input", name="address").get("value") == fields["address"]
    assert one(srv, "SELECT count(*) AS n FROM front_article WHERE site_id = ?", SITE)["n"] == 0
    # twice, and more than the home page shows
    for row in rows[:4]:
        assert front_post(editor, "/admin/front/articles", article=str(row["id"]), place="featured").status_code == 303
    r = front_post(editor, "/admin/front/articles", article=str(rows[0]["id"]), place="pinned")
    assert r.status_code == 422 and "already" in field_errors(r.text)["error-article"]
    r = front_post(editor, "/admin/front/articles", article=str(rows[5]["id"]), place="featured")
    assert r.status_code == 422 and "at most" in field_errors(r.text)["error-place"]
    assert one(srv, "SELECT count(*) AS n FROM front_article WHERE site_id = ?", SITE)["n"] == 4
    for row in rows[:4]:
        assert front_post(editor, f"/admin/front/articles/{row['id']}/remove").status_code == 303
