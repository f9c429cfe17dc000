"""The back office's records other than articles: faculty, congresses, trials, accounts and roles, the inbox."""
import re
import uuid

import pytest

from conftest import make_staff, parse_html

@pytest.fixture(scope="module")
def srv(admin_server):
    return admin_server


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Edna Records")


@pytest.fixture(scope="module")
def admin(srv):
    return make_staff(srv, "admin", name="Adam Records")


def uid():
    return uuid.uuid4().hex[:8]


def rows(srv, sql, *args):
    return srv.query(sql, args)


def field_errors(html):
    return [p.get("id") for p in parse_html(html).find_all("p", class_="field-error")]


# ---- faculty ----------------------------------------------------------------------------------------------

def test_a_new_faculty_member_is_offered_in_the_editor(srv, editor):
    name = f"Dr Inés Ortega {uid()}"
    r = editor.submit("/admin/people/new", "/admin/people", {"name": name, "title": "MD", "affiliation": "Hospital Clínic"})
    assert r.status_code == 303 and r.headers["location"] == "/admin/people?saved=1"
    assert name in editor.get("/admin/people").text
    assert name in editor.get("/admin/articles/new").text
    slug = rows(srv, "SELECT slug FROM person WHERE name = ?", name)[0][0]
    assert re.fullmatch(r"dr-ines-ortega-[0-9a-f]{8}", slug), slug
    assert rows(srv, "SELECT count(*) FROM audit_log WHERE action = 'person.create' AND detail = ?", name)[0][0] == 1


def test_faculty_bad_input_is_422_and_nothing_saved(srv, editor):
    before = rows(srv, "SELECT count(*) FROM person")[0][0]
    r = editor.submit("/admin/people/new", "/admin/people", {"name": "", "title": "x" * 101})
    assert r.status_code == 422
    assert set(field_errors(r.text)) == {"error-name", "error-title"}
    name = f"Dr Twin {uid()}"
    assert editor.submit("/admin/people/new", "/admin/people", {"name": name}).status_code == 303
    r = editor.submit("/admin/people/new", "/admin/people", {"name": name})
    assert r.status_code == 422 and "already in the faculty list" in r.text
    assert rows(srv, "SELECT count(*) FROM person")[0][0] == before + 1


def test_editing_an_unknown_person_is_404(editor):
    assert editor.get("/admin/people/999999").status_code == 404
    token = editor.token("/admin/people/new", "/admin/people")
    assert editor.post("/admin/people/999999", data={"form_token": token, "name": "Ghost Person"}).status_code == 404


# ---- congresses -------------------------------------------------------------------------------------------

def test_a_new_congress_has_a_hub_and_a_place_in_its_year(srv, editor):
    n = uid()
    name = f"ASCO 2031 {n}"
    r = editor.submit("/admin/congresses/new", "/admin/congresses",
                      {"name": name, "full_name": "ASCO Annual Meeting", "starts_on": "2031-05-30",
                       "ends_on": "2031-06-03", "city": "Chicago", "country": "USA"})
    assert r.status_code == 303
    hub = editor.get(f"/congress/asco-2031-{n}")
    assert hub.status_code == 200 and name in hub.text
    assert name in editor.get("/congresses/2031").text


@pytest.mark.parametrize("starts,ends", [("2031-02-30", "2031-03-01"), ("2031-05-30", "2031-05-29"), ("soon", "")])
def test_congress_dates_are_checked(editor, starts, ends):
    r = editor.submit("/admin/congresses/new", "/admin/congresses", {"name": f"Bad {uid()}", "starts_on": starts, "ends_on": ends})
    assert r.status_code == 422
    assert {"error-starts_on", "error-ends_on"} & set(field_errors(r.text))


# ---- trials -----------------------------------------------------------------------------------------------

def test_a_new_trial_can_be_linked_from_the_editor(srv, editor):
    name = f"TRIAL-{uid()}"
    r = editor.submit("/admin/trials/new", "/admin/trials",
                      {"name": name, "registry_id": "NCT00000001", "phase": "3", "results": "HR 0.80"})
    assert r.status_code == 303
    assert name in editor.get("/admin/articles/new").text
    tid = rows(srv, "SELECT id FROM trial WHERE name = ?", name)[0][0]
    r = editor.get(f"/admin/trials/{tid}")
    assert r.status_code == 200 and "NCT00000001" in r.text
    r = editor.submit(f"/admin/trials/{tid}", f"/admin/trials/{tid}", {"name": name, "phase": "x" * 21})
    assert r.status_code == 422 and "error-phase" in field_errors(r.text)
    assert rows(srv, "SELECT phase FROM trial WHERE id = ?", tid)[0][0] == "3"


# ---- accounts, roles and the inbox ------------------------------------------------------------------------

def test_a_role_change_needs_the_admins_password(srv, admin):
    someone = make_staff(srv, "reader", name="Roland Reader")
    uid_ = rows(srv, "SELECT id FROM user WHERE email = ?", someone.email)[0][0]
    r = admin.submit("/admin/users", "/admin/users", {"user_id": str(uid_), "role": "editor", "password": "not the password"})
    assert r.status_code == 422
    assert rows(srv, "SELECT role FROM user WHERE id = ?", uid_)[0][0] == "reader"
    r = admin.submit("/admin/users", "/admin/users", {"user_id": str(uid_), "role": "editor", "password": admin.password})
    assert r.status_code == 303
    assert rows(srv, "SELECT role FROM user WHERE id = ?", uid_)[0][0] == "editor"
    assert rows(srv, "SELECT count(*) FROM audit_log WHERE action = 'user.role' AND target = ?", f"user:{uid_}")[0][0] == 1


def test_an_admin_cannot_demote_themself(srv, admin):
    me = rows(srv, "SELECT id FROM user WHERE email = ?", admin.email)[0][0]
    r = admin.submit("/admin/users", "/admin/users", {"user_id": str(me), "role": "reader", "password": admin.password})
    assert r.status_code == 422
    assert rows(srv, "SELECT role FROM user WHERE id = ?", me)[0][0] == "admin"


def test_only_admins_manage_accounts_and_only_editors_read_the_inbox(srv, editor, admin):
    contributor = make_staff(srv, "contributor")
    assert editor.get("/admin/users").status_code == 403
    assert contributor.get("/admin/messages").status_code == 403
    assert editor.get("/admin/messages").status_code == 200
    assert admin.get("/admin/users").status_code == 200


def test_the_inbox_shows_contact_messages_escaped(srv, editor):
    text = f"<b>Question</b> about dosing {uid()}"
    visitor = make_staff(srv, "reader")
    r = visitor.submit("/contact", "/contact", {"name": "Dr <i>Visitor</i>", "email": "v@example.org",
                                                 "topic": "editorial", "message": text, "agree": "yes"})
    assert r.status_code == 303
    inbox = editor.get("/admin/messages").text
    assert "&lt;b&gt;Question&lt;/b&gt;" in inbox and "<b>Question</b>" not in inbox


# ---- sponsors ---------------------------------------------------------------------------------------------

def test_a_sponsors_disclosure_is_checked_and_shown_on_its_articles(srv, editor):
    r = editor.submit("/admin/sponsors/new", "/admin/sponsors",
                      {"name": "", "url": "http://plain.example", "logo": "//evil.example/x.png", "disclosure": "short"})
    assert r.status_code == 422
    assert set(field_errors(r.text)) == {"error-name", "error-url", "error-logo", "error-disclosure"}
    (sid, name, slug), = rows(srv, "SELECT s.id, s.name, a.slug FROM sponsor s JOIN article_sponsor x ON x.sponsor_id = s.id "
                                   "JOIN article a ON a.id = x.article_id AND a.audience = 'public' "
                                   "AND a.status = 'published' WHERE s.site_id = 1 LIMIT 1")
    disclosure = f"Supported by an independent educational grant, reviewed {uid()}."
    r = editor.submit(f"/admin/sponsors/{sid}", f"/admin/sponsors/{sid}", {"name": name, "disclosure": disclosure})
    assert r.status_code == 303
    page = editor.get(f"/article/{slug}")
    assert disclosure in page.text
    assert rows(srv, "SELECT count(*) FROM audit_log WHERE action = 'sponsor.update' AND target = ?", f"sponsor:{sid}")[0][0] >= 1
    assert editor.get("/admin/sponsors/999999").status_code == 404
