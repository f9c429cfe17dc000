"""The front page an editor controls (issue 16): menu entries that must lead somewhere, the curation of the
home page (highlighted congress, featured and pinned articles) and a home page that shows no article twice.

These tests change the menu and the home page, so they run against a server and demo database of their own.
"""
import os
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
