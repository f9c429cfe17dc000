"""The editor's server-side autosave: the form's fields POSTed with X-Form-Token to /admin/articles/ID/autosave
(ID "new" for a new article) are kept per person and article; reopening the editor offers to restore them
from their time, restoring loads them unsaved into the form, a discard or a real save drops them. Sizes,
rates, roles, other people's articles and forged tokens are refused; without JavaScript nothing changes."""
import re
import uuid

import pytest
import requests

from conftest import form_values, make_staff, parse_html, text_of


@pytest.fixture(scope="module")
def srv(admin_server):
    return admin_server


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Ada Autosave")


def uid():
    return uuid.uuid4().hex[:10]


def editor_page(staff, path):
    r = staff.get(path)
    assert r.status_code == 200, r.status_code
    doc = parse_html(r.text)
    form = [f for f in doc.find_all("form") if re.fullmatch(r"/admin/articles(/\d+)?", f.get("action") or "")][0]
    return doc, form


def fields_of(form, **over):
    data = [(k, v) for k, v in form_values(form) if k not in over and k != "form_token"]
    return data + list(over.items())


def autosave(staff, path, data, token, **kw):
    return staff.post(f"{path}/autosave", data=data, headers={"X-Form-Token": token, **kw.pop("headers", {})},
                      **kw)


def rows(srv, staff):
    return srv.query("SELECT a.article_id, a.fields, a.saved_at FROM article_autosave a JOIN \"user\" u "
                     "ON u.id = a.user_id WHERE u.email = ? ORDER BY a.article_id", (staff.email,))


def token_of(doc):
    return doc.find("input", name="form_token").get("value")


def section_id(srv):
    return str(srv.query("SELECT s.id FROM section s JOIN site t ON t.id = s.site_id WHERE t.is_default = 1 "
                         "ORDER BY s.id")[0][0])


def test_a_new_articles_autosave_is_offered_restored_and_dropped_by_a_save(srv):
    staff = make_staff(srv, "editor")
    doc, form = editor_page(staff, "/admin/articles/new")
    status = doc.find("p", id="autosave-status")
    assert status is not None and "hidden" in status.attrs and status.get("data-url") == "/admin/articles/new/autosave"
    assert doc.find("section", class_="autosave-offer") is None
    n = uid()
    title, text = f"Crash-proof draft {n}", f"Typed before the tab closed {n}.\nSecond line <b>&amp;"
    r = autosave(staff, "/admin/articles/new",
                 fields_of(form, title=title, body=text, section=section_id(srv)), token_of(doc))
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json") and r.json()["saved_at"] > 0
    assert [row[0] for row in rows(srv, staff)] == [0]
    assert srv.query("SELECT count(*) FROM article WHERE title = ?", (title,))[0][0] == 0, "an autosave saved it"
    # reopening offers it, with its time
    doc, _ = editor_page(staff, "/admin/articles/new")
    offer = doc.find("section", class_="autosave-offer")
    assert offer is not None, "no offer to restore"
    hhmm = text_of(offer.find("time"))
    assert re.fullmatch(r"\d\d:\d\d UTC", hhmm)
    link = offer.find("a")
    assert text_of(link) == f"Restore the autosaved version from {hhmm}"
    # restoring fills the form, saves nothing
    doc, form = editor_page(staff, link.get("href"))
    got = dict(form_values(form))
    assert got["title"] == title and got["body"] == text
    assert "autosaved version is loaded" in text_of(doc.find("p", class_="notice"))
    assert srv.query("SELECT count(*) FROM article WHERE title = ?", (title,))[0][0] == 0
    # a real save drops it
    r = staff.post("/admin/articles", data=[("form_token", token_of(doc)), *fields_of(form), ("action", "save")])
    assert r.status_code == 303, r.text[:300]
    assert rows(srv, staff) == []
    doc, _ = editor_page(staff, "/admin/articles/new")
    assert doc.find("section", class_="autosave-offer") is None


def test_an_articles_autosave_is_offered_only_when_it_differs_and_a_discard_drops_it(srv, editor):
    n = uid()
    doc, form = editor_page(editor, "/admin/articles/new")
    r = editor.post("/admin/articles", data=[("form_token", token_of(doc)),
                                             *fields_of(form, title=f"Stored {n}", section=section_id(srv),
                                                        body="Stored body."), ("action", "save")])
    assert r.status_code == 303
    path = r.headers["location"].split("?")[0]
    article_id = int(path.rsplit("/", 1)[1])
    doc, form = editor_page(editor, path)
    assert doc.find("p", id="autosave-status").get("data-url") == f"{path}/autosave"
    # the same values as stored: not offered (and forgotten)
    assert autosave(editor, path, fields_of(form), token_of(doc)).status_code == 200
    doc, form = editor_page(editor, path)
    assert doc.find("section", class_="autosave-offer") is None
    assert [r[0] for r in rows(srv, editor) if r[0] == article_id] == []
    # other values: offered; discarding drops it and comes back to the editor
    assert autosave(editor, path, fields_of(form, body=f"Unsaved change {n}"), token_of(doc)).status_code == 200
    doc, form = editor_page(editor, path)
    offer = doc.find("section", class_="autosave-offer")
    assert offer is not None
    discard = offer.find("form")
    assert discard.get("action") == f"{path}/autosave/discard"
    r = editor.post(discard.get("action"), data={"form_token": discard.find("input", name="form_token").get("value")})
    assert r.status_code == 303 and r.headers["location"] == path
    assert [r[0] for r in rows(srv, editor) if r[0] == article_id] == []
    # restoring what is gone says so
    doc, form = editor_page(editor, f"{path}?autosave=restore")
    assert "no autosaved version" in text_of(doc.find("p", class_="notice"))
    assert dict(form_values(form))["body"] == "Stored body."


def test_autosave_refuses_forged_tokens_foreign_origins_readers_and_unknown_articles(srv, editor):
    doc, form = editor_page(editor, "/admin/articles/new")
    data = fields_of(form, title="Forged")
    before = len(rows(srv, editor))
    assert autosave(editor, "/admin/articles/new", data, "1.deadbeef").status_code == 403
    assert editor.post("/admin/articles/new/autosave", data=data).status_code == 403
    assert autosave(editor, "/admin/articles/new", data, token_of(doc),
                    headers={"Origin": "https://evil.example"}).status_code == 403
    assert autosave(editor, "/admin/articles/99999999", data, token_of(doc)).status_code == 404
    assert autosave(editor, "/admin/articles/abc", data, token_of(doc)).status_code == 404
    assert autosave(editor, "/admin/articles/new", [("x", "y")], token_of(doc)).status_code == 422
    assert len(rows(srv, editor)) == before
    anon = requests.post(srv.url("/admin/articles/new/autosave"), data=data, allow_redirects=False, timeout=10)
    assert anon.status_code in (303, 401, 403)
    reader = make_staff(srv, "reader")
    r = reader.post("/admin/articles/new/autosave", data=data, headers={"X-Form-Token": token_of(doc)})
    assert r.status_code == 403


def test_a_contributor_cannot_autosave_a_published_article(srv, editor):
    doc, form = editor_page(editor, "/admin/articles/new")
    r = editor.post("/admin/articles", data=[("form_token", token_of(doc)),
                                             *fields_of(form, title=f"Live {uid()}", section=section_id(srv),
                                                        status="published"), ("action", "save")])
    assert r.status_code == 303
    path = r.headers["location"].split("?")[0]
    contributor = make_staff(srv, "contributor")
    cdoc, cform = editor_page(contributor, path)
    r = autosave(contributor, path, fields_of(cform, body="Sneaky"), token_of(cdoc))
    assert r.status_code == 403 and "only an editor" in r.json()["error"]
    assert rows(srv, contributor) == []


def test_an_autosave_over_the_rows_limit_is_413_and_a_flood_is_429(srv):
    staff = make_staff(srv, "editor")
    doc, form = editor_page(staff, "/admin/articles/new")
    r = autosave(staff, "/admin/articles/new", fields_of(form, title="Big", body="x" * (300 * 1024)), token_of(doc))
    assert r.status_code == 413
    assert rows(srv, staff) == []
    statuses = [autosave(staff, "/admin/articles/new", fields_of(form, title=f"Flood {i}"), token_of(doc))
                for i in range(45)]
    codes = [s.status_code for s in statuses]
    assert codes[:40] == [200] * 40 and 429 in codes[40:], codes
    refused = statuses[codes.index(429)]
    assert int(refused.headers["retry-after"]) >= 1
    # the last one kept is the last one accepted
    kept = rows(srv, staff)
    assert len(kept) == 1 and "title=Flood+39" in kept[0][1]
