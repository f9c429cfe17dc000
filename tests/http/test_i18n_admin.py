"""The back office's messages: in every language, with the same placeholders, and known to `i18n check`."""
import glob
import json
import os
import re
import tempfile

import pytest
import requests
from conftest import REPO, form_values, make_demo_database, make_staff, parse_html, run_plenary, start_plenary

I18N = os.path.join(REPO, "themes", "default", "i18n")


def flat(d, prefix=""):
    out = {}
    for k, v in d.items():
        key = prefix + k
        if isinstance(v, dict) and not set(v) <= {"one", "other"}:
            out.update(flat(v, key + "."))
        elif isinstance(v, dict):
            out.update({key + "." + form: text for form, text in v.items()})
        else:
            out[key] = v
    return out


def catalogs():
    cats = {}
    for lang in ("en", "fr", "nl"):
        with open(os.path.join(I18N, lang + ".json"), encoding="utf-8") as f:
            cats[lang] = flat(json.load(f)["admin"], "admin.")
    return cats


def test_i18n_check_is_clean():
    r = run_plenary(["i18n", "check"])
    assert r.returncode == 0, r.stdout
    assert r.stdout.count(", 0 missing, 0 unused") == 3, r.stdout


def test_every_admin_message_is_in_french_and_dutch_with_its_placeholders():
    cats = catalogs()
    for lang in ("fr", "nl"):
        assert set(cats[lang]) >= set(cats["en"]) - {k for k in cats["en"] if k.endswith(".one")}, lang
        for key, text in cats["en"].items():
            if key in cats[lang]:
                assert set(re.findall(r"\{\w+\}", cats[lang][key])) == set(re.findall(r"\{\w+\}", text)), key


def test_french_puts_a_no_break_space_before_double_punctuation():
    for key, text in catalogs()["fr"].items():
        assert not re.search(r" [:;!?]", text), key
        assert "« " not in text and " »" not in text, key


def test_keys_the_back_office_code_names_are_in_the_catalogs_and_the_checked_list():
    cats = catalogs()
    with open(os.path.join(REPO, "src", "core", "catalog_admin.c"), encoding="utf-8") as f:
        listed = set(re.findall(r'"(admin\.[\w.]+)"', f.read()))
    for path in glob.glob(os.path.join(REPO, "src", "admin", "*.c")):
        with open(path, encoding="utf-8") as f:
            for key in re.findall(r'req_text\(r, "(admin\.[\w.]+)"\)', f.read()):
                for lang in cats:
                    assert key in cats[lang], (path, key, lang)
                if not key.startswith("admin.nav."):  # the navigation's keys are used by its template
                    assert key in listed, (path, key)


# ---- an editor's own language, and a site's languages (a server of their own: they change the demo) ----


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-i18n-admin-") as tmp:
        s = start_plenary(tmp, make_demo_database(tmp), {"outbox": os.path.join(tmp, "outbox")},
                          name="i18n-admin-server")
        yield s
        rc = s.stop()
        assert rc == 0, f"the server exited with {rc}; log tail:\n{s.log()[-3000:]}"


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Élise Rédaction")


@pytest.fixture(scope="module")
def admin(srv):
    return make_staff(srv, "admin", name="Ada Sites")


def text(lang, key):
    """A message as the page shows it (catalog text, HTML-escaped as templates escape it)."""
    return catalogs()[lang][key].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def form_of(staff, path, action):
    page = staff.get(path)
    assert page.status_code == 200, (path, page.status_code)
    form = parse_html(page.text).find("form", action=action)
    assert form is not None, f"no form to {action} on {path}"
    return dict(form_values(form))


def choose_language(staff, lang):
    values = form_of(staff, "/account", "/account/language")
    r = staff.post("/account/language", data={**values, "language": lang})
    assert r.status_code == 303, r.text


def test_a_french_editor_reads_the_newsletters_and_redirects_in_french(srv, editor):
    english = editor.get("/admin/newsletters").text
    assert text("en", "admin.newsletters.write") in english and '<html lang="en">' in english
    choose_language(editor, "fr")
    assert srv.query("SELECT language FROM user WHERE email = ?", (editor.email,))[0]["language"] == "fr"
    page = editor.get("/admin/newsletters")
    assert page.status_code == 200 and '<html lang="fr">' in page.text
    assert text("fr", "admin.newsletters.write") in page.text
    assert text("en", "admin.newsletters.write") not in page.text
    assert 'href="/admin/newsletters/new"' in page.text and 'href="/fr/' not in page.text  # no prefix
    # a form error said by the C code, in French
    values = form_of(editor, "/admin/newsletters/new", "/admin/newsletters")
    r = editor.post("/admin/newsletters", data={**values, "subject": ""})
    assert r.status_code == 422 and text("fr", "admin.newsletter.error_subject") in r.text
    page = editor.get("/admin/redirects")
    assert page.status_code == 200 and text("fr", "admin.redirects.add") in page.text
    values = form_of(editor, "/admin/redirects/new", "/admin/redirects")
    r = editor.post("/admin/redirects", data={**values, "from": "/old page", "to": "/"})
    assert r.status_code == 422 and text("fr", "admin.redirects.error.blank") in r.text
    assert text("fr", "admin.record.redirect.new") in r.text and text("fr", "admin.redirects.old") in r.text
    # the public site keeps the address's language; the account page too
    assert '<html lang="en">' in editor.get("/").text
    choose_language(editor, "")
    page = editor.get("/admin/redirects")
    assert '<html lang="en">' in page.text and text("en", "admin.redirects.add") in page.text


def test_a_french_editor_reads_statuses_and_record_forms_in_french(srv, editor):
    english = editor.get("/admin/articles").text
    assert '<option value="draft">draft</option>' in english
    choose_language(editor, "fr")
    try:
        page = editor.get("/admin/articles").text
        assert f'<option value="draft">{text("fr", "admin.value.status.draft")}</option>' in page
        form = editor.get("/admin/sections/new").text
        assert text("fr", "admin.record.section.new") in form and text("fr", "admin.record.slug") in form
        assert text("fr", "admin.record.section.slug_hint") in form
        values = form_of(editor, "/admin/sections/new", "/admin/sections")
        r = editor.post("/admin/sections", data={**values, "name": "", "position": "x"})
        assert r.status_code == 422
        assert text("fr", "admin.record.section.name_missing") in r.text
        assert text("fr", "admin.record.error.number") in r.text
    finally:
        choose_language(editor, "")


def test_a_dutch_editor_keeps_an_addressed_language(srv, editor):
    choose_language(editor, "nl")
    try:
        assert text("nl", "admin.newsletters.write") in editor.get("/admin/newsletters").text
        page = editor.get("/fr/admin/newsletters")  # the address says French: French it is
        assert page.status_code == 200 and text("fr", "admin.newsletters.write") in page.text
    finally:
        choose_language(editor, "")


def test_readers_have_no_back_office_language_and_odd_ones_are_refused(srv, editor):
    reader = make_staff(srv, "reader")
    assert parse_html(reader.get("/account").text).find("form", action="/account/language") is None
    token = form_of(reader, "/account", "/account/profile")["form_token"]
    assert reader.post("/account/language", data={"form_token": token, "language": "fr"}).status_code == 403
    values = form_of(editor, "/account", "/account/language")
    assert {o for o in re.findall(r'<option value="(\w*)"', editor.get("/account").text)} >= {"", "en", "fr", "nl"}
    assert editor.post("/account/language", data={**values, "language": "xx"}).status_code == 400
    assert srv.query("SELECT language FROM user WHERE email = ?", (editor.email,))[0]["language"] == ""


def anon(srv, path):
    return requests.get(srv.url(path), timeout=10, allow_redirects=False)


def structure_changes(srv):
    return srv.query("SELECT count(*) AS n FROM change_log WHERE kind = 'structure'")[0]["n"]


def test_the_sites_page_saves_languages_and_the_public_site_follows(srv, admin):
    form = form_of(admin, "/admin/sites/1", "/admin/sites/1")
    assert form["language"] == "en" and form["languages"] == "fr nl"
    options = re.findall(r'<option value="(\w+)"[^>]*>([^<]+)</option>', admin.get("/admin/sites/1").text)
    assert ("fr", "Français (fr)") in options and ("nl", "Nederlands (nl)") in options
    for _ in range(3):  # cached as it goes
        assert anon(srv, "/nl/").status_code == 200
    before = structure_changes(srv)
    assert admin.post("/admin/sites/1", data={**form, "languages": "FR,  "}).status_code == 303
    row = srv.query("SELECT language, languages FROM site WHERE id = 1")[0]
    assert (row["language"], row["languages"]) == ("en", "fr")
    assert structure_changes(srv) > before
    for _ in range(4):  # every worker, and the cache keeps no Dutch page
        assert anon(srv, "/nl/").status_code == 404
        assert anon(srv, "/fr/").status_code == 200
    assert admin.post("/admin/sites/1", data={**form, "languages": "nl fr"}).status_code == 303
    for _ in range(4):
        assert anon(srv, "/nl/").status_code == 200
    assert srv.query("SELECT languages FROM site WHERE id = 1")[0]["languages"] == "nl fr"
    assert admin.post("/admin/sites/1", data=form).status_code == 303  # back as it was


@pytest.mark.parametrize("field,value,message", [
    ("languages", "fr xx", "“xx” is not a language of this site&#39;s theme: choose among en fr nl."),
    ("languages", "fr nl fr", "“fr” is listed twice."),
    ("languages", "en fr", "“en” is the default language: list only the others."),
    ("language", "zz", "Choose a language from the list."),
])
def test_bad_languages_are_refused_and_nothing_is_saved(srv, admin, field, value, message):
    form = form_of(admin, "/admin/sites/1", "/admin/sites/1")
    before = srv.query("SELECT * FROM site WHERE id = 1")
    r = admin.post("/admin/sites/1", data={**form, field: value, "tagline": "Changed " + value})
    assert r.status_code == 422 and message in r.text, r.text[-2000:]
    assert f'id="error-{field}"' in r.text
    assert srv.query("SELECT * FROM site WHERE id = 1") == before


# ---- the last English left in C: video and media, menu places, times, accounts, refusals ----


def whole(lang, key):
    """Any message of the catalog (not only admin.*), HTML-escaped as templates escape it."""
    with open(os.path.join(I18N, lang + ".json"), encoding="utf-8") as f:
        msg = flat(json.load(f))[key]
    return msg.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")


FRENCH_TIME = re.compile(r"\b\d{1,2} (janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) "
                         r"\d{4}, \d\d:\d\d \w+")


def test_a_french_editor_reads_the_video_and_media_pages_in_french(srv, editor):
    article = srv.query("SELECT id FROM article ORDER BY id LIMIT 1")[0]["id"]
    path = f"/admin/articles/{article}/video"
    data = {"action": "save", "file_id": "0", "duration": "soon", "poster_id": "", "chapters": "", "transcript": ""}
    r = editor.submit(path, path, data)
    assert r.status_code == 422 and whole("en", "admin.video.error.duration") in r.text
    choose_language(editor, "fr")
    try:
        r = editor.submit(path, path, data)
        assert r.status_code == 422 and whole("fr", "admin.video.error.duration") in r.text
        assert whole("en", "admin.video.error.duration") not in r.text
        r = editor.submit(path, path, {**data, "duration": "", "file_id": "999999"})
        assert r.status_code == 422 and whole("fr", "admin.video.error.no_file") in r.text
        # a refusal made off the request (the file's bytes are read on the image threads), said in French
        html = b"<!DOCTYPE html><html><body>not an image</body></html>"
        r = editor.post("/admin/media", data={"form_token": editor.token("/admin/media", "/admin/media"),
                                              "alt": "Pas une photo", "credit": ""},
                        files={"file": ("photo.jpg", html, "image/jpeg")})
        assert r.status_code == 415 and whole("fr", "admin.media.error.not_image") in r.text
        # the JSON refusal of an old form token
        r = editor.post("/admin/uploads", data={"name": "a.mp4", "size": "10", "type": "video/mp4"},
                        headers={"X-Form-Token": "old"})
        assert r.status_code == 403 and r.json()["error"] == flat(json.load(open(os.path.join(
            I18N, "fr.json"), encoding="utf-8")))["errors.token_expired"]
        # the menu's places, grouped in French
        page = editor.get("/admin/menu/new").text
        doc = parse_html(page)
        labels = {g.get("label") for g in doc.find("select", name="pick").find_all("optgroup")}
        assert labels == {whole("fr", f"admin.record.menu.group_{g}")
                          for g in ("sections", "congresses", "years", "pages", "topics", "trials")}
        assert ">Congrès 2025</option>" in page
        # back-office times with French month abbreviations
        assert FRENCH_TIME.search(editor.get("/admin/articles").text)
    finally:
        choose_language(editor, "")
    r = editor.post("/admin/uploads", data={"name": "a.mp4", "size": "10", "type": "video/mp4"},
                    headers={"X-Form-Token": "old"})
    assert r.json()["error"] == "This page has expired (its form token is missing or old): reload it and try again."


def test_a_french_admin_reads_professions_and_hcp_statuses_in_french(srv, admin):
    reader = make_staff(srv, "reader")
    srv.execute("UPDATE user SET profession = 'physician', hcp_status = 'requested' WHERE email = ?",
                (reader.email,))
    english = admin.get("/admin/users").text
    assert f"<td>{whole('en', 'forms.profession.physician')}</td><td>requested</td>" in english
    choose_language(admin, "fr")
    try:
        page = admin.get("/admin/users").text
        want = f"<td>{whole('fr', 'forms.profession.physician')}</td><td>{whole('fr', 'admin.users.hcp_requested')}</td>"
        assert want in page
    finally:
        choose_language(admin, "")
