"""Contributors' changes to live records need an editor, as for articles: a trial, congress, faculty member or
sponsor that readers see (a congress's hub page; a trial, person or sponsor that a published or scheduled
article shows) is changed by editors and admins only. A contributor's save of one is refused with 403 and a
message saying to ask an editor, and the public page does not change; an editor's save shows at once. A
contributor still creates new records and edits those no published work shows yet, except congresses: a
congress's hub is public as soon as it exists, so only editors add them.
"""
import os
import tempfile
import uuid

import pytest

from conftest import form_values, make_demo_database, make_staff, parse_html, start_plenary


@pytest.fixture(scope="module")
def live_server():
    with tempfile.TemporaryDirectory(prefix="plenary-live-") as tmp:
        srv = start_plenary(tmp, make_demo_database(tmp), {"outbox": os.path.join(tmp, "outbox")},
                            name="live-server")
        yield srv
        srv.stop()


@pytest.fixture(scope="module")
def staff(live_server):
    return {role: make_staff(live_server, role) for role in ("contributor", "editor")}


PUBLIC_ARTICLE = ("a.status = 'published' AND a.published_at <= strftime('%s','now') "
                  "AND a.audience = 'public' AND a.site_id = (SELECT id FROM site WHERE is_default = 1)")


def live_record(srv, kind):
    """(admin path, public page, field to change) of a record of kind that a public article shows."""
    if kind == "trial":
        row = srv.query(f"SELECT t.id, t.slug FROM trial t JOIN article a ON a.trial_id = t.id "
                        f"WHERE {PUBLIC_ARTICLE} ORDER BY t.id LIMIT 1")[0]
        return f"/admin/trials/{row[0]}", f"/trial/{row[1]}", "results"
    if kind == "congress":
        row = srv.query(f"SELECT c.id, c.slug FROM congress c JOIN article a ON a.congress_id = c.id "
                        f"WHERE {PUBLIC_ARTICLE} ORDER BY c.id LIMIT 1")[0]
        return f"/admin/congresses/{row[0]}", f"/congress/{row[1]}", "description"
    if kind == "person":
        row = srv.query(f"SELECT x.person_id, a.slug FROM article_person x JOIN article a ON a.id = x.article_id "
                        f"WHERE {PUBLIC_ARTICLE} ORDER BY x.person_id LIMIT 1")[0]
        return f"/admin/people/{row[0]}", f"/article/{row[1]}", "affiliation"
    row = srv.query(f"SELECT x.sponsor_id, a.slug FROM article_sponsor x JOIN article a ON a.id = x.article_id "
                    f"WHERE {PUBLIC_ARTICLE} ORDER BY x.sponsor_id LIMIT 1")[0]
    return f"/admin/sponsors/{row[0]}", f"/article/{row[1]}", "disclosure"


LOCKED_NOTE = "only an editor can change"


def save_with(user, admin_path, field, value, locked=False):
    """Opens the record's form as user and posts it back with one field changed; the form says beforehand
    whether only an editor can change the record."""
    page = user.get(admin_path)
    assert page.status_code == 200, (admin_path, page.status_code)
    note = parse_html(page.text).find("p", class_="notice")
    assert (note is not None and LOCKED_NOTE in note.text()) == locked, (admin_path, locked)
    form = parse_html(page.text).find("form", action=admin_path)
    assert form is not None, f"no form posting to {admin_path}"
    data = dict(form_values(form))
    assert field in data, (field, sorted(data))
    data[field] = value
    return user.post(admin_path, data=data)


@pytest.mark.parametrize("kind", ["trial", "congress", "person", "sponsor"])
def test_a_contributor_cannot_change_a_live_record_and_an_editor_can(live_server, staff, kind):
    srv = live_server
    admin_path, public, field = live_record(srv, kind)
    before = srv.url(public)
    assert staff["editor"].get(public).status_code == 200, public
    theirs = f"Contributor change {uuid.uuid4().hex[:8]}"
    r = save_with(staff["contributor"], admin_path, field, theirs, locked=True)
    assert r.status_code == 403, (kind, r.status_code)
    assert LOCKED_NOTE in r.text and "Ask an editor" in r.text
    page = staff["editor"].get(public)
    assert page.status_code == 200 and theirs not in page.text, f"{before} shows the contributor's change"
    ours = f"Editor change {uuid.uuid4().hex[:8]}"
    r = save_with(staff["editor"], admin_path, field, ours)
    assert r.status_code == 303, (kind, r.status_code, r.text[:300])
    page = staff["contributor"].get(public)
    assert page.status_code == 200 and ours in page.text, f"{before} does not show the editor's change"


def test_a_contributor_still_writes_records_readers_do_not_see_yet(live_server, staff):
    contributor = staff["contributor"]
    name = f"NEWTRIAL-{uuid.uuid4().hex[:6]}"
    token = contributor.token("/admin/trials/new", "/admin/trials")
    r = contributor.post("/admin/trials", data={"form_token": token, "name": name, "results": "Pending."})
    assert r.status_code == 303, r.status_code
    trial_id = live_server.query("SELECT id FROM trial WHERE name = ?", (name,))[0][0]
    r = save_with(contributor, f"/admin/trials/{trial_id}", "results", "HR 0.71 (95% CI 0.60-0.84).")
    assert r.status_code == 303, r.status_code
    assert live_server.query("SELECT results FROM trial WHERE id = ?", (trial_id,))[0][0].startswith("HR 0.71")


def test_a_contributor_cannot_put_a_new_congress_before_readers(live_server, staff):
    import requests
    contributor, editor = staff["contributor"], staff["editor"]
    listing = contributor.get("/admin/congresses")
    assert listing.status_code == 200 and 'href="/admin/congresses/new"' not in listing.text
    assert "ask an editor" in listing.text
    assert contributor.get("/admin/congresses/new").status_code == 403
    name = f"NEWCONG-{uuid.uuid4().hex[:6]}"
    token = contributor.token("/admin/trials/new", "/admin/trials")  # the reader's token, from any form
    r = contributor.post("/admin/congresses", data={"form_token": token, "name": name, "starts_on": "2027-06-01",
                                                    "ends_on": "2027-06-05", "city": "Chicago"})
    assert r.status_code == 403 and "editors add congresses" in r.text, r.status_code
    assert not live_server.query("SELECT 1 FROM congress WHERE name = ?", (name,))
    assert name not in requests.get(live_server.url("/congresses")).text
    # an editor adds it, and readers see it at once
    assert 'href="/admin/congresses/new"' in editor.get("/admin/congresses").text
    token = editor.token("/admin/congresses/new", "/admin/congresses")
    r = editor.post("/admin/congresses", data={"form_token": token, "name": name, "starts_on": "2027-06-01",
                                               "ends_on": "2027-06-05", "city": "Chicago"})
    assert r.status_code == 303, (r.status_code, r.text[:300])
    assert name in requests.get(live_server.url("/congresses")).text
