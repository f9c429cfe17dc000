"""The back office's site structure: sections, tags, static pages, the menu tree and the sister sites.

These tests reorder the menu, delete tags and add sites, so they run against a server and demo database of
their own (structure_server below), leaving admin_server's demo as the other back-office tests expect it.
"""
import os
import re
import tempfile
import threading
import time
import uuid

import pytest
import requests

from conftest import form_values, make_demo_database, make_staff, parse_html, start_plenary, text_of


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-structure-") as tmp:
        s = start_plenary(tmp, make_demo_database(tmp), {"outbox": os.path.join(tmp, "outbox")},
                          name="structure-server")
        yield s
        rc = s.stop()
        assert rc == 0, f"the structure server exited with {rc}; log tail:\n{s.log()[-3000:]}"


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Ed Structure")


@pytest.fixture(scope="module")
def admin(srv):
    return make_staff(srv, "admin", name="Ada Structure")


@pytest.fixture(scope="module")
def contributor(srv):
    return make_staff(srv, "contributor", name="Con Tributor")


def uid():
    return uuid.uuid4().hex[:8]


def rows(srv, sql, *args):
    return srv.query(sql, args)


def one(srv, sql, *args):
    found = rows(srv, sql, *args)
    return found[0] if found else None


def field_errors(html):
    return {p.get("id") for p in parse_html(html).find_all("p", class_="field-error")}


def anon(srv, path):
    """A reader without a session: the page the cache keeps for everyone."""
    return requests.get(srv.url(path), timeout=10, allow_redirects=False)


def audits(srv, action, detail=None):
    if detail is None:
        return one(srv, "SELECT count(*) AS n FROM audit_log WHERE action = ?", action)["n"]
    return one(srv, "SELECT count(*) AS n FROM audit_log WHERE action = ? AND detail = ?", action, detail)["n"]


def opened(staff, path, action):
    """The values of the form posting to action on the page at path, as a browser would send them."""
    r = staff.get(path)
    assert r.status_code == 200, f"GET {path}: {r.status_code}"
    form = parse_html(r.text).find("form", action=action)
    assert form is not None, f"no form to {action} on {path}"
    return dict(form_values(form))


def save(staff, form_page, form_action, **fields):
    return staff.post(form_action, data={**opened(staff, form_page, form_action), **fields})


def public_menu(srv, path="/"):
    """The public menu as [(label, [child labels])] of the top level, read from an anonymous page."""
    doc = parse_html(anon(srv, path).text)
    menu = doc.find("ul", class_="menu")
    assert menu is not None, "the page has no menu"
    out = []
    for li in menu.children:
        if getattr(li, "tag", None) != "li":
            continue
        summary = li.find("summary")
        label = text_of(summary) if summary is not None else text_of(li.find("a"))
        kids = []
        sub = li.find("ul")
        if sub is not None:
            for k in sub.children:
                if getattr(k, "tag", None) == "li":
                    s = k.find("summary")
                    kids.append(text_of(s) if s is not None else text_of(k.find("a")))
        out.append((label, kids))
    return out


SITE = 1  # the demo's default site, which requests to 127.0.0.1 get


# ---- sections ---------------------------------------------------------------------------------------------

def test_a_new_section_gets_a_slug_from_its_name_and_a_page_at_once(srv, editor):
    n = uid()
    name = f"Neuro-Oncology {n}"
    last = one(srv, "SELECT max(position) AS p FROM section WHERE site_id = ?", SITE)["p"]
    r = save(editor, "/admin/sections/new", "/admin/sections", name=name, slug="",
             description="Gliomas & brain metastases.", position="")
    assert r.status_code == 303 and r.headers["location"].startswith("/admin/sections?saved="), r.status_code
    row = one(srv, "SELECT * FROM section WHERE site_id = ? AND name = ?", SITE, name)
    assert row["slug"] == f"neuro-oncology-{n}"
    assert row["position"] == last + 1, "a new section without a position goes last"
    page = anon(srv, f"/section/neuro-oncology-{n}")
    assert page.status_code == 200 and name in page.text and "Gliomas &amp; brain metastases." in page.text
    assert name in editor.get("/admin/sections").text
    assert audits(srv, "section.create", name) == 1


def test_section_bad_input_is_422_with_the_values_kept(srv, editor):
    before = one(srv, "SELECT count(*) AS n FROM section")["n"]
    r = save(editor, "/admin/sections/new", "/admin/sections", name="", slug="Bad Slug!",
             description="d" * 501, position="first")
    assert r.status_code == 422
    assert field_errors(r.text) == {"error-name", "error-slug", "error-description", "error-position"}
    doc = parse_html(r.text)
    assert doc.find("input", name="slug").get("value") == "Bad Slug!"
    assert doc.find("input", name="position").get("value") == "first"
    assert doc.find("div", class_="error-summary") is not None
    assert one(srv, "SELECT count(*) AS n FROM section")["n"] == before


def test_a_slug_made_of_nothing_is_an_error(editor):
    r = save(editor, "/admin/sections/new", "/admin/sections", name="!!! ???", slug="")
    assert r.status_code == 422 and field_errors(r.text) == {"error-slug"}
    assert "no letters or digits" in r.text


def test_a_duplicate_section_slug_is_a_field_error(srv, editor):
    r = save(editor, "/admin/sections/new", "/admin/sections", name=f"Breast again {uid()}", slug="breast-cancer")
    assert r.status_code == 422 and field_errors(r.text) == {"error-slug"}
    assert "Another section of this site has this slug." in r.text
    assert one(srv, "SELECT count(*) AS n FROM section WHERE slug = 'breast-cancer' AND site_id = ?", SITE)["n"] == 1


def test_a_renamed_section_shows_on_its_public_page_at_once(srv, editor):
    sid = one(srv, "SELECT id FROM section WHERE site_id = ? AND slug = 'gi-cancer'", SITE)["id"]
    before = anon(srv, "/section/gi-cancer")
    assert before.status_code == 200 and "GI Cancer" in before.text
    assert anon(srv, "/section/gi-cancer").status_code == 200  # now served from the page cache
    values = opened(editor, f"/admin/sections/{sid}", f"/admin/sections/{sid}")
    assert values["name"] == "GI Cancer" and values["slug"] == "gi-cancer"
    r = editor.post(f"/admin/sections/{sid}", data={**values, "name": "Digestive Cancers"})
    assert r.status_code == 303
    after = anon(srv, "/section/gi-cancer")
    assert after.status_code == 200
    assert text_of(parse_html(after.text).find("h1")) == "Digestive Cancers"
    assert audits(srv, "section.update", "Digestive Cancers") == 1


def test_an_unknown_section_is_404(editor):
    assert editor.get("/admin/sections/999999").status_code == 404
    assert editor.get("/admin/sections/abc").status_code == 404
    token_form = opened(editor, "/admin/sections/new", "/admin/sections")
    assert editor.post("/admin/sections/999999", data={**token_form, "name": "Ghost"}).status_code == 404


# ---- tags -------------------------------------------------------------------------------------------------

def test_the_tag_list_counts_articles(srv, editor):
    tag = one(srv, "SELECT g.id, g.name, count(*) AS n FROM tag g JOIN article_tag x ON x.tag_id = g.id "
                   "WHERE g.site_id = ? GROUP BY g.id ORDER BY n DESC LIMIT 1", SITE)
    doc = parse_html(editor.get("/admin/tags").text)
    link = doc.find("a", href=f"/admin/tags/{tag['id']}")
    assert link is not None and text_of(link) == tag["name"]
    cells = [text_of(td) for td in next(a for a in link.ancestors() if a.tag == "tr").find_all("td")]
    assert str(tag["n"]) in cells


def test_a_new_tag_and_its_duplicates(srv, editor):
    n = uid()
    r = save(editor, "/admin/tags/new", "/admin/tags", name=f"Liquid biopsy {n}", slug="")
    assert r.status_code == 303
    assert one(srv, "SELECT slug FROM tag WHERE name = ?", f"Liquid biopsy {n}")["slug"] == f"liquid-biopsy-{n}"
    assert audits(srv, "tag.create", f"Liquid biopsy {n}") == 1
    r = save(editor, "/admin/tags/new", "/admin/tags", name=f"LIQUID BIOPSY {n}", slug=f"other-{n}")
    assert r.status_code == 422 and field_errors(r.text) == {"error-name"}
    assert "Another tag of this site has this name." in r.text
    r = save(editor, "/admin/tags/new", "/admin/tags", name=f"Other name {n}", slug=f"liquid-biopsy-{n}")
    assert r.status_code == 422 and field_errors(r.text) == {"error-slug"}
    r = save(editor, "/admin/tags/new", "/admin/tags", name="", slug="")
    assert r.status_code == 422 and "error-name" in field_errors(r.text)
    assert one(srv, "SELECT count(*) AS n FROM tag WHERE slug LIKE ?", f"%{n}")["n"] == 1


def test_renaming_a_tag_keeps_its_articles(srv, editor):
    tag = one(srv, "SELECT g.id, g.slug, count(*) AS n FROM tag g JOIN article_tag x ON x.tag_id = g.id "
                   "WHERE g.site_id = ? GROUP BY g.id ORDER BY n DESC LIMIT 1", SITE)
    values = opened(editor, f"/admin/tags/{tag['id']}", f"/admin/tags/{tag['id']}")
    new = f"Renamed topic {uid()}"
    assert editor.post(f"/admin/tags/{tag['id']}", data={**values, "name": new}).status_code == 303
    assert one(srv, "SELECT count(*) AS n FROM article_tag WHERE tag_id = ?", tag["id"])["n"] == tag["n"]
    assert new in anon(srv, f"/tag/{tag['slug']}").text


def test_deleting_a_tag_asks_first_and_removes_it_from_its_articles(srv, editor):
    art = one(srv, "SELECT a.slug, g.id AS tag_id, g.slug AS tag_slug, g.name AS tag_name FROM article a "
                   "JOIN article_tag x ON x.article_id = a.id JOIN tag g ON g.id = x.tag_id "
                   "WHERE a.site_id = ? AND a.status = 'published' AND a.audience = 'public' "
                   "AND a.published_at <= strftime('%s','now') ORDER BY a.published_at DESC LIMIT 1", SITE)
    page = anon(srv, f"/article/{art['slug']}")
    assert page.status_code == 200 and f'href="/tag/{art["tag_slug"]}"' in page.text
    count = one(srv, "SELECT count(*) AS n FROM article_tag WHERE tag_id = ?", art["tag_id"])["n"]
    confirm = editor.get(f"/admin/tags/{art['tag_id']}/delete")
    assert confirm.status_code == 200
    assert f"{count} article" in confirm.text
    action = f"/admin/tags/{art['tag_id']}/delete"
    # a GET never deletes, and a POST without the form's token is refused
    assert one(srv, "SELECT count(*) AS n FROM tag WHERE id = ?", art["tag_id"])["n"] == 1
    assert editor.post(action, data={"confirm": "yes"}).status_code == 403
    assert one(srv, "SELECT count(*) AS n FROM tag WHERE id = ?", art["tag_id"])["n"] == 1
    r = editor.post(action, data=opened(editor, action, action))
    assert r.status_code == 303 and r.headers["location"] == "/admin/tags?deleted=1"
    assert one(srv, "SELECT count(*) AS n FROM tag WHERE id = ?", art["tag_id"])["n"] == 0
    assert one(srv, "SELECT count(*) AS n FROM article_tag WHERE tag_id = ?", art["tag_id"])["n"] == 0
    after = anon(srv, f"/article/{art['slug']}")
    assert after.status_code == 200 and f'href="/tag/{art["tag_slug"]}"' not in after.text
    assert anon(srv, f"/tag/{art['tag_slug']}").status_code == 404
    assert audits(srv, "tag.delete", art["tag_name"]) == 1
    assert editor.post(action, data=opened(editor, "/admin/tags/new", "/admin/tags")).status_code == 404


# ---- static pages -----------------------------------------------------------------------------------------

def test_a_new_page_appears_at_its_path_at_once(srv, editor):
    path = f"/resources-{uid()}/guides"
    assert anon(srv, path).status_code == 404
    started = int(time.time())
    r = save(editor, "/admin/pages/new", "/admin/pages", path=path, title="Guides & resources",
             body="## Where to start\n\nRead the **guidelines** first.")
    assert r.status_code == 303
    row = one(srv, "SELECT * FROM page WHERE site_id = ? AND path = ?", SITE, path)
    assert row is not None and row["updated_at"] >= started - 1
    page = anon(srv, path)
    assert page.status_code == 200
    doc = parse_html(page.text)
    assert text_of(doc.find("h1")) == "Guides & resources"
    assert "<strong>guidelines</strong>" in page.text
    values = opened(editor, f"/admin/pages/{row['id']}", f"/admin/pages/{row['id']}")
    assert values["path"] == path and values["body"].startswith("## Where to start")
    assert editor.post(f"/admin/pages/{row['id']}", data={**values, "title": "Guides, revised"}).status_code == 303
    assert text_of(parse_html(anon(srv, path).text).find("h1")) == "Guides, revised"
    assert audits(srv, "page.create", path) == 1 and audits(srv, "page.update", path) == 1
    assert path in editor.get("/admin/pages").text


@pytest.mark.parametrize("path", ["about-us", "/About", "/a b", "/a//b", "/trailing/", "/", "/café",
                                  "/x.html", "/a?b"])
def test_a_badly_formed_page_path_is_refused(srv, editor, path):
    r = save(editor, "/admin/pages/new", "/admin/pages", path=path, title="Bad path")
    assert r.status_code == 422 and field_errors(r.text) == {"error-path"}
    assert "Start with a slash" in r.text
    assert parse_html(r.text).find("input", name="path").get("value") == path
    assert one(srv, "SELECT count(*) AS n FROM page WHERE path = ?", path)["n"] == 0


@pytest.mark.parametrize("path", ["/admin", "/admin/help", "/article", "/article/my-story", "/section/new",
                                  "/static/site", "/signin", "/signup/extra", "/account", "/tags", "/tag/x",
                                  "/congresses/2031", "/congress", "/reset", "/healthz", "/cookies", "/media/x",
                                  "/search", "/feed", "/metrics"])
def test_a_page_path_the_server_uses_is_reserved(srv, editor, path):
    r = save(editor, "/admin/pages/new", "/admin/pages", path=path, title="Clash")
    assert r.status_code == 422 and field_errors(r.text) == {"error-path"}
    assert "The server uses this address" in r.text
    assert one(srv, "SELECT count(*) AS n FROM page WHERE path = ?", path)["n"] == 0


def test_page_duplicates_and_missing_fields(srv, editor):
    r = save(editor, "/admin/pages/new", "/admin/pages", path="/privacy", title="Another privacy page")
    assert r.status_code == 422 and field_errors(r.text) == {"error-path"}
    assert "Another page of this site has this path." in r.text
    r = save(editor, "/admin/pages/new", "/admin/pages", path="", title="", body="b" * 50001)
    assert r.status_code == 422 and field_errors(r.text) == {"error-path", "error-title", "error-body"}


def test_the_contact_page_text_stays_editable(srv, editor):
    pid = one(srv, "SELECT id FROM page WHERE site_id = ? AND path = '/contact'", SITE)["id"]
    values = opened(editor, f"/admin/pages/{pid}", f"/admin/pages/{pid}")
    text = f"Write to the desk {uid()}."
    assert editor.post(f"/admin/pages/{pid}", data={**values, "body": text}).status_code == 303
    assert text in anon(srv, "/contact").text


# ---- the menu ---------------------------------------------------------------------------------------------

def menu_id(srv, label, parent=None):
    sql = "SELECT id FROM menu_item WHERE site_id = ? AND label = ? AND " + (
        "parent_id IS NULL" if parent is None else "parent_id = ?")
    args = (SITE, label) if parent is None else (SITE, label, parent)
    return one(srv, sql, *args)["id"]


def move(staff, entry, direction):
    action = f"/admin/menu/{entry}/move"
    token = opened(staff, "/admin/menu/new", "/admin/menu")["form_token"]
    return staff.post(action, data={"form_token": token, "direction": direction})


def test_the_menu_is_listed_as_a_tree(srv, editor):
    doc = parse_html(editor.get("/admin/menu").text)
    congresses = menu_id(srv, "Congresses")
    year = menu_id(srv, "2025", congresses)
    outer = doc.find("li", id=f"entry-{congresses}")
    assert outer is not None and outer.find("li", id=f"entry-{year}") is not None, "children sit in their parent"
    home = doc.find("li", id=f"entry-{menu_id(srv, 'Home')}")
    buttons = [text_of(b) for b in home.find_all("button")]
    assert "Down" in buttons and "Up" not in buttons, "the first entry cannot move up"


def test_moving_an_entry_up_and_down_changes_the_public_menu(srv, editor):
    labels = [label for label, _ in public_menu(srv)]
    assert labels.index("Contact") == labels.index("Trials") + 1
    contact = menu_id(srv, "Contact")
    r = move(editor, contact, "up")
    assert r.status_code == 303 and r.headers["location"].startswith("/admin/menu?moved=")
    labels = [label for label, _ in public_menu(srv)]
    assert labels.index("Contact") == labels.index("Trials") - 1
    assert audits(srv, "menu.move-up", "Contact") == 1
    assert move(editor, contact, "down").status_code == 303
    labels = [label for label, _ in public_menu(srv)]
    assert labels.index("Contact") == labels.index("Trials") + 1
    positions = [r["position"] for r in rows(srv, "SELECT position FROM menu_item WHERE site_id = ? AND "
                                                  "parent_id IS NULL ORDER BY position, id", SITE)]
    assert positions == list(range(len(positions))), "siblings are numbered 0, 1, 2... after a move"
    home = menu_id(srv, "Home")
    assert move(editor, home, "up").status_code == 303, "the first entry stays first"
    assert [label for label, _ in public_menu(srv)][0] == "Home"
    assert move(editor, home, "sideways").status_code == 400
    assert move(editor, 999999, "up").status_code == 404


def test_a_new_entry_under_a_heading_shows_in_the_public_menu(srv, editor):
    heading = menu_id(srv, "What's new")
    label = f"Neuro {uid()}"
    form = opened(editor, f"/admin/menu/new?parent={heading}", "/admin/menu")
    assert form["parent"] == str(heading), "the 'add under' link preselects the parent"
    r = editor.post("/admin/menu", data={**form, "label": label, "url": "/section/breast-cancer", "position": ""})
    assert r.status_code == 303
    row = one(srv, "SELECT * FROM menu_item WHERE label = ?", label)
    assert row["parent_id"] == heading
    kids = dict(public_menu(srv))["What's new"]
    assert kids[-1] == label, "a new entry without a position goes last"
    assert audits(srv, "menu.create", label) == 1


@pytest.mark.parametrize("url", ["", "/congresses/2025", "https://example.org/esmo?x=1", "site:dermatology",
                                 "/section/breast-cancer/whats-new.pdf"])
def test_menu_links_that_are_allowed(srv, editor, url):
    label = f"Link {uid()}"
    r = save(editor, "/admin/menu/new", "/admin/menu", label=label, url=url, parent="0")
    assert r.status_code == 303, field_errors(r.text)
    assert one(srv, "SELECT url FROM menu_item WHERE label = ?", label)["url"] == url
    entry = one(srv, "SELECT id FROM menu_item WHERE label = ?", label)["id"]
    action = f"/admin/menu/{entry}/delete"
    assert editor.post(action, data=opened(editor, action, action)).status_code == 303


@pytest.mark.parametrize("url", ["javascript:alert(1)", "//evil.example/x", "http://example.org/", "https://",
                                 "https:///path", "menu", "/a b", "site:nosuch", "/x\"onclick=\"y",
                                 "/congresses/2031"])
def test_menu_links_that_are_refused(srv, editor, url):
    label = f"Bad {uid()}"
    r = save(editor, "/admin/menu/new", "/admin/menu", label=label, url=url, parent="0")
    assert r.status_code == 422 and field_errors(r.text) == {"error-url"}
    assert parse_html(r.text).find("input", name="url").get("value") == url
    assert one(srv, "SELECT count(*) AS n FROM menu_item WHERE label = ?", label)["n"] == 0


def test_menu_parents_must_be_real_and_keep_the_tree_three_levels_deep(srv, editor):
    congresses = menu_id(srv, "Congresses")
    year = menu_id(srv, "2025", congresses)
    asco = menu_id(srv, "ASCO 2025", year)
    heading = menu_id(srv, "What's new")
    edit = f"/admin/menu/{congresses}"

    def options(path):
        select = parse_html(editor.get(path).text).find("select", name="parent")
        return [o.get("value") for o in select.find_all("option")]

    # an entry with two levels under it can only sit at the top; one with one level, under a top entry
    assert options(edit) == ["0"]
    year_options = options(f"/admin/menu/{year}")
    assert "0" in year_options and str(congresses) in year_options and str(heading) in year_options
    assert not {str(year), str(asco), str(menu_id(srv, "2024", congresses))} & set(year_options)
    assert str(asco) not in options("/admin/menu/new") and str(year) in options("/admin/menu/new")
    cases = [
        (edit, {"parent": str(year)}, "cannot go under itself"),
        (edit, {"parent": str(heading)}, "three levels deep"),
        ("/admin/menu/new", {"label": "Too deep", "parent": str(asco)}, "three levels deep"),
        ("/admin/menu/new", {"label": "Nowhere", "parent": "999999"}, "no such entry"),
        ("/admin/menu/new", {"label": "Nowhere", "parent": "x1"}, "Choose where"),
        ("/admin/menu/new", {"label": "", "position": "-3"}, None),
    ]
    for path, fields, message in cases:
        action = "/admin/menu" if path.endswith("/new") else path
        r = save(editor, path, action, **fields)
        assert r.status_code == 422, (fields, r.status_code)
        if message:
            assert field_errors(r.text) == {"error-parent"} and message in r.text, fields
        else:
            assert field_errors(r.text) == {"error-label", "error-position"}
    assert one(srv, "SELECT parent_id FROM menu_item WHERE id = ?", congresses)["parent_id"] is None
    # a leaf may move under another top-level entry
    r = save(editor, f"/admin/menu/{asco}", f"/admin/menu/{asco}", parent=str(heading), position="")
    assert r.status_code == 303
    assert one(srv, "SELECT parent_id FROM menu_item WHERE id = ?", asco)["parent_id"] == heading
    assert "ASCO 2025" in dict(public_menu(srv))["What's new"]


def test_deleting_an_entry_takes_its_children_and_says_so(srv, editor):
    n = uid()
    assert save(editor, "/admin/menu/new", "/admin/menu", label=f"Heading {n}", url="").status_code == 303
    head = one(srv, "SELECT id FROM menu_item WHERE label = ?", f"Heading {n}")["id"]
    for k in ("One", "Two"):
        r = save(editor, f"/admin/menu/new?parent={head}", "/admin/menu", label=f"{k} {n}", url="/contact")
        assert r.status_code == 303
    assert [k for k in dict(public_menu(srv))[f"Heading {n}"]] == [f"One {n}", f"Two {n}"]
    action = f"/admin/menu/{head}/delete"
    confirm = editor.get(action)
    assert confirm.status_code == 200
    assert "The 2 entries under it go with it" in confirm.text and f"One {n}" in confirm.text
    assert editor.post(action, data={"form_token": ""}).status_code == 403
    r = editor.post(action, data=opened(editor, action, action))
    assert r.status_code == 303 and r.headers["location"] == "/admin/menu?deleted=1"
    assert one(srv, "SELECT count(*) AS n FROM menu_item WHERE label LIKE ?", f"% {n}")["n"] == 0
    assert f"Heading {n}" not in dict(public_menu(srv))
    assert audits(srv, "menu.delete", f"Heading {n}") == 1


# ---- sister sites -----------------------------------------------------------------------------------------

def test_sister_sites_are_for_admins_only(srv, editor):
    before = rows(srv, "SELECT * FROM site ORDER BY id")
    for path in ("/admin/sites", "/admin/sites/new", "/admin/sites/1"):
        r = editor.get(path)
        assert r.status_code == 403 and "managed by admins" in r.text, path
    token = opened(editor, "/admin/sections/new", "/admin/sections")["form_token"]
    r = editor.post("/admin/sites/2", data={"form_token": token, "name": "Taken over", "specialty": "X",
                                            "host": "evil.example"})
    assert r.status_code == 403
    assert rows(srv, "SELECT * FROM site ORDER BY id") == before


def test_an_admin_edits_a_site_and_the_default_stays(srv, admin):
    doc = parse_html(admin.get("/admin/sites").text)
    assert "(default)" in text_of(doc.find("a", href="/admin/sites/1").parent)
    form = opened(admin, "/admin/sites/1", "/admin/sites/1")
    assert "is_default" not in form and set(form) >= {"name", "slug", "specialty", "host", "tagline", "position"}
    page = admin.get("/admin/sites/1")
    assert "This is the default site" in page.text and "as soon as they are saved" in page.text
    tagline = f"Oncology for clinicians {uid()}"
    assert admin.post("/admin/sites/1", data={**form, "tagline": tagline}).status_code == 303
    row = one(srv, "SELECT * FROM site WHERE id = 1")
    assert row["tagline"] == tagline and row["is_default"] == 1
    # readers see it at once: every worker reads the sites again after a change, no restart
    for _ in range(4):
        assert tagline in requests.get(f"http://127.0.0.1:{srv.port}/", timeout=5).text
    form = opened(admin, "/admin/sites/2", "/admin/sites/2")
    r = admin.post("/admin/sites/2", data={**form, "host": "Derm.Example.ORG"})
    assert r.status_code == 303
    assert one(srv, "SELECT host FROM site WHERE id = 2")["host"] == "derm.example.org"
    assert admin.post("/admin/sites/2", data={**form}).status_code == 303  # back as it was
    assert audits(srv, "site.update") >= 3


def test_an_admin_adds_a_site_and_cannot_delete_one(srv, admin):
    n = uid()
    r = save(admin, "/admin/sites/new", "/admin/sites", name=f"Plenary Cardiology {n}", slug="",
             specialty="Cardiology", host=f"cardiology-{n}.localhost", tagline="Hearts", position="")
    assert r.status_code == 303
    row = one(srv, "SELECT * FROM site WHERE host = ?", f"cardiology-{n}.localhost")
    assert row["slug"] == f"plenary-cardiology-{n}" and row["is_default"] == 0
    assert row["position"] == one(srv, "SELECT max(position) AS p FROM site")["p"]
    for _ in range(4):  # the new host answers as its own site at once, on every worker
        home = requests.get(f"http://127.0.0.1:{srv.port}/", timeout=5,
                            headers={"Host": f"cardiology-{n}.localhost:{srv.port}"})
        assert home.status_code == 200 and f"Plenary Cardiology {n}" in home.text
    token = opened(admin, "/admin/sites/new", "/admin/sites")["form_token"]
    assert admin.post(f"/admin/sites/{row['id']}/delete", data={"form_token": token}).status_code in (404, 405)
    assert one(srv, "SELECT count(*) AS n FROM site WHERE id = ?", row["id"])["n"] == 1


@pytest.mark.parametrize("host,message", [
    ("oncology.localhost:8080", "Leave the port out"),
    ("bad_host.org", "letters, digits, hyphens and dots"),
    ("-start.org", "letters, digits, hyphens and dots"),
    ("end-.org", "letters, digits, hyphens and dots"),
    ("a..b", "letters, digits, hyphens and dots"),
    ("trailing.", "letters, digits, hyphens and dots"),
    ("x" * 64 + ".org", "letters, digits, hyphens and dots"),
    ("http://x.org", "Leave the port out"),
    ("", "Give the host name"),
    ("oncology.localhost", "Another site answers to this host name."),
])
def test_a_bad_or_taken_host_is_refused(srv, admin, host, message):
    before = rows(srv, "SELECT * FROM site ORDER BY id")
    form = opened(admin, "/admin/sites/2", "/admin/sites/2")
    r = admin.post("/admin/sites/2", data={**form, "host": host})
    assert r.status_code == 422 and field_errors(r.text) == {"error-host"} and message in r.text
    assert rows(srv, "SELECT * FROM site ORDER BY id") == before


def test_a_taken_site_slug_and_missing_fields(srv, admin):
    r = save(admin, "/admin/sites/new", "/admin/sites", name="Copy", slug="oncology", specialty="Oncology",
             host=f"copy-{uid()}.localhost")
    assert r.status_code == 422 and field_errors(r.text) == {"error-slug"} and "Another site has this slug." in r.text
    r = save(admin, "/admin/sites/new", "/admin/sites", name="", slug="", specialty="", host="")
    assert r.status_code == 422 and field_errors(r.text) == {"error-name", "error-specialty", "error-host"}


# ---- limits, roles and tokens everywhere --------------------------------------------------------------------

LIMITS = [
    ("/admin/sections/new", "/admin/sections", {"name": "N"}, "name", 100),
    ("/admin/sections/new", "/admin/sections", {"name": "N"}, "slug", 80),
    ("/admin/sections/new", "/admin/sections", {"name": "N"}, "position", 5),
    ("/admin/tags/new", "/admin/tags", {"name": "N"}, "name", 60),
    ("/admin/tags/new", "/admin/tags", {"name": "N"}, "slug", 80),
    ("/admin/pages/new", "/admin/pages", {"path": "/ok", "title": "T"}, "path", 120),
    ("/admin/pages/new", "/admin/pages", {"path": "/ok", "title": "T"}, "title", 150),
    ("/admin/menu/new", "/admin/menu", {"label": "L"}, "label", 80),
    ("/admin/menu/new", "/admin/menu", {"label": "L"}, "url", 300),
    ("/admin/sites/new", "/admin/sites", {"name": "N", "specialty": "S", "host": "h.example"}, "name", 100),
    ("/admin/sites/new", "/admin/sites", {"name": "N", "specialty": "S", "host": "h.example"}, "tagline", 200),
    ("/admin/sites/new", "/admin/sites", {"name": "N", "specialty": "S", "host": "h.example"}, "host", 253),
]


@pytest.mark.parametrize("page,action,valid,field,limit", LIMITS, ids=[f"{x[1]}-{x[3]}" for x in LIMITS])
def test_every_field_has_a_length_limit(srv, editor, admin, page, action, valid, field, limit):
    staff = admin if action == "/admin/sites" else editor
    value = "/" + "a" * limit if field == "path" else "1" * (limit + 1) if field == "position" else "a" * (limit + 1)
    r = save(staff, page, action, **{**valid, field: value})
    assert r.status_code == 422 and field_errors(r.text) == {f"error-{field}"}
    assert f"At most {limit} characters." in r.text


def test_control_characters_are_refused(editor):
    r = save(editor, "/admin/tags/new", "/admin/tags", name="Bell\x07tag")
    assert r.status_code == 422 and field_errors(r.text) == {"error-name"}


CONTRIBUTOR_GETS = ["/admin/sections", "/admin/sections/new", "/admin/sections/1", "/admin/tags", "/admin/tags/new",
                    "/admin/pages", "/admin/pages/new", "/admin/menu", "/admin/menu/new", "/admin/menu/1",
                    "/admin/menu/1/delete", "/admin/sites"]


def test_contributors_cannot_change_the_structure(srv, contributor):
    for path in CONTRIBUTOR_GETS:
        r = contributor.get(path)
        assert r.status_code == 403, path
        assert ("managed by admins" if path == "/admin/sites" else "changed by editors and admins") in r.text, path
    token = contributor.token("/admin/articles/new")
    sections = one(srv, "SELECT count(*) AS n FROM section")["n"]
    menu = rows(srv, "SELECT id, position FROM menu_item ORDER BY id")
    posts = [("/admin/sections", {"name": "By a contributor"}), ("/admin/tags", {"name": "By a contributor"}),
             ("/admin/pages", {"path": "/contrib", "title": "By a contributor"}),
             ("/admin/menu", {"label": "By a contributor"}), ("/admin/menu/2/move", {"direction": "up"}),
             ("/admin/menu/2/delete", {}), ("/admin/sites", {"name": "X", "specialty": "X", "host": "x.example"})]
    for action, fields in posts:
        assert contributor.post(action, data={"form_token": token, **fields}).status_code == 403, action
    assert one(srv, "SELECT count(*) AS n FROM section")["n"] == sections
    assert one(srv, "SELECT count(*) AS n FROM page WHERE path = '/contrib'")["n"] == 0
    assert rows(srv, "SELECT id, position FROM menu_item ORDER BY id") == menu


def test_signed_out_visitors_go_to_sign_in(srv):
    r = anon(srv, "/admin/menu")
    assert r.status_code == 303 and r.headers["location"].startswith("/signin?return=")


def test_every_form_needs_its_token(srv, editor, admin):
    before = {t: one(srv, f"SELECT count(*) AS n FROM {t}")["n"] for t in ("section", "tag", "page", "menu_item",
                                                                           "site")}
    positions = rows(srv, "SELECT id, position FROM menu_item ORDER BY id")
    tag = one(srv, "SELECT id FROM tag WHERE site_id = ? LIMIT 1", SITE)["id"]
    posts = [(editor, "/admin/sections", {"name": "No token"}), (editor, "/admin/sections/1", {"name": "No token"}),
             (editor, "/admin/tags", {"name": "No token"}), (editor, f"/admin/tags/{tag}/delete", {}),
             (editor, "/admin/pages", {"path": "/no-token", "title": "No token"}),
             (editor, "/admin/menu", {"label": "No token"}), (editor, "/admin/menu/2/move", {"direction": "down"}),
             (editor, "/admin/menu/2/delete", {}),
             (admin, "/admin/sites", {"name": "No token", "specialty": "X", "host": "no-token.example"})]
    for staff, action, fields in posts:
        for token in (None, "forged-token"):
            data = {"sent": "yes", **fields} if token is None else {"form_token": token, **fields}
            r = staff.post(action, data=data)
            assert r.status_code == 403, (action, token)
            assert "This form has expired" in r.text
    after = {t: one(srv, f"SELECT count(*) AS n FROM {t}")["n"] for t in before}
    assert after == before
    assert rows(srv, "SELECT id, position FROM menu_item ORDER BY id") == positions
    assert one(srv, "SELECT name FROM section WHERE id = 1")["name"] != "No token"


# ---- editors at once --------------------------------------------------------------------------------------
# The store makes writers of one site's tag names and section positions take turns (SQLite's one writer,
# PostgreSQL's locks): the same requests sent at once end as if sent one after the other.

def at_once(n, send):
    """send(i) for i in 0..n-1 on n threads started together: the results in order."""
    out = [None] * n
    start = threading.Barrier(n)

    def run(i):
        start.wait()
        out[i] = send(i)
    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def test_one_tag_name_sent_at_once_is_saved_once(srv, editor):
    for _ in range(3):
        n = uid()
        forms = [opened(editor, "/admin/tags/new", "/admin/tags") for _ in range(6)]
        codes = at_once(6, lambda i: editor.post("/admin/tags", data={
            **forms[i], "name": f"Race {n}", "slug": f"race-{n}-{i}"}).status_code)
        assert sorted(codes) == [303] + [422] * 5, codes
        assert one(srv, "SELECT count(*) AS n FROM tag WHERE slug LIKE ?", f"race-{n}-%")["n"] == 1


def test_sections_added_at_once_each_go_last(srv, editor):
    n = uid()
    forms = [opened(editor, "/admin/sections/new", "/admin/sections") for _ in range(6)]
    codes = at_once(6, lambda i: editor.post("/admin/sections", data={
        **forms[i], "name": f"Race {n} {i}", "slug": f"race-{n}-{i}", "position": ""}).status_code)
    assert codes == [303] * 6
    positions = [r["position"] for r in rows(srv, "SELECT position FROM section WHERE slug LIKE ?", f"race-{n}-%")]
    assert len(set(positions)) == 6, positions

