"""Translated names (issue 20): sections, congresses, topics, pages, menu entries and the site's tagline in the
page's language, and the back office's inputs that write them (name_translation, migration 030).

The back-office tests change names, so they run against a server and demo database of their own."""
import os
import tempfile
import uuid

import pytest
import requests

from conftest import form_values, make_demo_database, make_staff, parse_html, start_plenary, text_of
from test_admin_structure import field_errors, one, save
from test_alerts import add_subscriber, mails, new_section, run_alerts, take_articles


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-names-") as tmp:
        s = start_plenary(tmp, make_demo_database(tmp), {"outbox": os.path.join(tmp, "outbox")},
                          name="names-server")
        yield s
        rc = s.stop()
        assert rc == 0, f"the names server exited with {rc}; log tail:\n{s.log()[-3000:]}"


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Ed Names")


def anon(srv, path):
    r = requests.get(srv.url(path), timeout=10, allow_redirects=False)
    assert r.status_code == 200, f"GET {path}: {r.status_code}"
    return r


def h1(srv, path):
    return text_of(parse_html(anon(srv, path).text).find("h1"))


def translations(srv, kind, item_id):
    return {(r["lang"], r["field"]): r["text"] for r in
            srv.query("SELECT lang, field, text FROM name_translation WHERE kind = ? AND item_id = ?",
                      (kind, item_id))}


def top_menu(srv, path):
    doc = parse_html(anon(srv, path).text)
    menu = doc.find("ul", class_="menu")
    assert menu is not None, f"{path} has no menu"
    labels = []
    for li in menu.find_all("li"):
        s = li.find("summary")
        labels.append(text_of(s) if s is not None else text_of(li.find("a")))
    return labels


# ---- the demo's names -------------------------------------------------------------------------------------

def test_a_section_is_named_in_the_page_language(srv):
    assert "Cancer du sein" in h1(srv, "/fr/section/breast-cancer")
    assert "Borstkanker" in h1(srv, "/nl/section/breast-cancer")
    en = anon(srv, "/section/breast-cancer").text
    assert "Breast Cancer" in text_of(parse_html(en).find("h1")) and "Cancer du sein" not in en
    fr = anon(srv, "/fr/section/breast-cancer").text
    assert "traitements systémiques" in fr  # its description too


def test_the_home_page_lists_sections_and_cards_in_french(srv):
    fr = anon(srv, "/fr/").text
    assert "Cancers digestifs" in fr and "GI Cancer" not in fr
    assert "Interviews d&#39;experts et comptes rendus de congrès" in fr  # the site's tagline
    en = anon(srv, "/").text
    assert "GI Cancer" in en and "Cancers digestifs" not in en


def test_a_topic_is_named_in_the_page_language(srv):
    assert "Immunothérapie" in h1(srv, "/fr/tag/immunotherapy")
    assert "Immunotherapie" in h1(srv, "/nl/tag/immunotherapy")
    assert "Immunotherapy" in h1(srv, "/tag/immunotherapy")
    assert "Oncogériatrie" in anon(srv, "/fr/tags").text


def test_a_static_page_has_its_translated_title_and_body_at_the_same_path(srv):
    fr = anon(srv, "/fr/about").text
    assert "À propos de Plenary Oncology" in text_of(parse_html(fr).find("h1"))
    assert "Indépendance éditoriale" in fr and "Editorial independence" not in fr
    assert "Redactionele onafhankelijkheid" in anon(srv, "/nl/about").text
    en = anon(srv, "/about").text
    assert "About Plenary Oncology" in en and "Indépendance" not in en


def test_a_congress_keeps_its_name_with_a_french_description(srv):
    fr = anon(srv, "/fr/congress/asco-2024").text
    assert "ASCO 2024" in text_of(parse_html(fr).find("h1"))
    assert "La plus grande réunion" in fr and "cancer du poumon avec mutation EGFR" in fr
    assert "The largest oncology meeting" not in fr
    assert "The largest oncology meeting" in anon(srv, "/congress/asco-2024").text


def test_the_menu_is_labelled_in_the_page_language(srv):
    fr, nl, en = top_menu(srv, "/fr/"), top_menu(srv, "/nl/"), top_menu(srv, "/")
    assert "Congrès" in fr and "Autres spécialités" in fr and "Cancer du sein" in fr, fr
    assert "Congressen" in nl and "Borstkanker" in nl, nl
    assert "Congresses" in en and "Breast Cancer" in en and "Congrès" not in en, en
    assert "ASCO 2024" in fr  # a congress's name is the same in every language


def test_an_article_names_its_section_and_topics_in_french(srv):
    slug = one(srv, "SELECT a.slug FROM article a JOIN section s ON s.id = a.section_id "
                    "WHERE s.slug = 'breast-cancer' AND a.status = 'published' AND a.audience = 'public' "
                    "AND a.family_id IS NULL AND NOT EXISTS (SELECT 1 FROM article t WHERE t.family_id = a.id) "
                    "ORDER BY a.id LIMIT 1")["slug"]  # (one without a French member: that one's page is its own)
    doc = parse_html(anon(srv, f"/fr/article/{slug}").text)
    crumbs = [text_of(li) for li in doc.find("nav", class_="breadcrumbs").find_all("li")]
    assert "Cancer du sein" in crumbs, crumbs
    en = parse_html(anon(srv, f"/article/{slug}").text)
    assert "Breast Cancer" in [text_of(li) for li in en.find("nav", class_="breadcrumbs").find_all("li")]


def test_search_facets_and_feeds_name_sections_in_french(srv):
    fr = anon(srv, "/fr/search?q=cancer").text
    assert "Cancer du sein" in fr
    feed = anon(srv, "/fr/section/breast-cancer/feed.rss").text
    assert "<title>Plenary Oncology: Cancer du sein</title>" in feed
    assert "<category>Cancer du sein</category>" in feed
    assert "<title>Plenary Oncology: Breast Cancer</title>" in anon(srv, "/section/breast-cancer/feed.rss").text


def test_whats_new_and_the_subscription_choices_name_sections_in_french(srv):
    assert "Cancer du sein" in h1(srv, "/fr/section/breast-cancer/whats-new")
    options = [text_of(o) for o in parse_html(anon(srv, "/fr/subscribe").text).find_all("option")]
    assert any("Cancer du sein" in o for o in options) and any("Immunothérapie" in o for o in options), options
    options = [text_of(o) for o in parse_html(anon(srv, "/subscribe").text).find_all("option")]
    assert any("Breast Cancer" in o for o in options) and not any("Cancer du sein" in o for o in options)


# ---- the back office --------------------------------------------------------------------------------------

def test_the_section_form_has_an_input_per_other_language_with_the_stored_names(editor):
    doc = parse_html(editor.get("/admin/sections/1").text)
    assert doc.find("input", name="name_fr").get("value") == "Cancer du sein"
    assert doc.find("input", name="name_nl").get("value") == "Borstkanker"
    assert "traitements systémiques" in text_of(doc.find("textarea", name="description_fr"))
    assert doc.find("label", **{"for": "field-name_fr"}) is not None


def test_a_saved_french_section_name_shows_at_once_and_an_empty_one_falls_back(srv, editor):
    anon(srv, "/fr/section/lung-cancer")  # cached before the change
    name = f"Cancer bronchique {uuid.uuid4().hex[:6]}"
    r = save(editor, "/admin/sections/4", "/admin/sections/4", name_fr=name)
    assert r.status_code == 303, r.status_code
    assert translations(srv, "section", 4)[("fr", "name")] == name
    for _ in range(4):  # every worker's cached copy is gone
        assert name in h1(srv, "/fr/section/lung-cancer")
    assert "Lung Cancer" in h1(srv, "/section/lung-cancer")
    assert one(srv, "SELECT count(*) AS n FROM audit_log WHERE action = 'section.names' "
                    "AND target = 'section:4'")["n"] >= 1
    r = save(editor, "/admin/sections/4", "/admin/sections/4", name_fr="")
    assert r.status_code == 303
    assert ("fr", "name") not in translations(srv, "section", 4)
    assert "Lung Cancer" in h1(srv, "/fr/section/lung-cancer")
    assert "Longkanker" in h1(srv, "/nl/section/lung-cancer")  # the other language is untouched


def test_a_too_long_translation_is_a_field_error_and_saves_nothing(srv, editor):
    before = translations(srv, "section", 3)
    name_before = one(srv, "SELECT name FROM section WHERE id = 3")["name"]
    r = save(editor, "/admin/sections/3", "/admin/sections/3", name="GU Cancers renamed", name_nl="n" * 101)
    assert r.status_code == 422
    assert field_errors(r.text) == {"error-name_nl"}
    doc = parse_html(r.text)
    assert doc.find("input", name="name_nl").get("value") == "n" * 101
    assert "at most 100 characters" in text_of(doc.find("div", class_="error-summary"))
    assert translations(srv, "section", 3) == before
    assert one(srv, "SELECT name FROM section WHERE id = 3")["name"] == name_before


def test_a_congress_name_and_description_in_french(srv, editor):
    c = one(srv, "SELECT id, slug, name FROM congress WHERE slug = 'esgo-sgo-2024'")
    anon(srv, f"/fr/congress/{c['slug']}")
    r = save(editor, f"/admin/congresses/{c['id']}", f"/admin/congresses/{c['id']}",
             name_fr="ESGO et SGO 2024", description_fr="Les deux grands congrès de **gynécologie oncologique**.")
    assert r.status_code == 303, (r.status_code, field_errors(r.text))
    fr = anon(srv, f"/fr/congress/{c['slug']}").text
    assert "ESGO et SGO 2024" in text_of(parse_html(fr).find("h1"))
    assert "<strong>gynécologie oncologique</strong>" in fr
    assert "ESGO et SGO 2024" in anon(srv, "/fr/congresses").text
    assert c["name"] in h1(srv, f"/congress/{c['slug']}")
    r = save(editor, f"/admin/congresses/{c['id']}", f"/admin/congresses/{c['id']}", name_fr="x" * 101)
    assert r.status_code == 422 and "error-name_fr" in field_errors(r.text)
    assert translations(srv, "congress", c["id"])[("fr", "name")] == "ESGO et SGO 2024"


def test_a_topic_name_in_dutch_and_a_deleted_topic_leaves_none(srv, editor):
    tag = one(srv, "SELECT id FROM tag WHERE site_id = 1 AND slug = 'adc'")
    anon(srv, "/nl/tag/adc")
    r = save(editor, f"/admin/tags/{tag['id']}", f"/admin/tags/{tag['id']}", name_nl="Antilichaam-geneesmiddelconjugaten")
    assert r.status_code == 303, (r.status_code, field_errors(r.text))
    assert "Antilichaam-geneesmiddelconjugaten" in h1(srv, "/nl/tag/adc")
    assert "ADC" in h1(srv, "/tag/adc") and "ADC" in h1(srv, "/fr/tag/adc")
    r = save(editor, "/admin/tags/new", "/admin/tags", name=f"Palliative care {uuid.uuid4().hex[:4]}",
             slug="", name_nl="Palliatieve zorg")
    assert r.status_code == 303, (r.status_code, field_errors(r.text))
    tag_id = int(r.headers["location"].split("saved=")[1])
    assert translations(srv, "tag", tag_id) == {("nl", "name"): "Palliatieve zorg"}
    form = parse_html(editor.get(f"/admin/tags/{tag_id}/delete").text).find(
        "form", action=f"/admin/tags/{tag_id}/delete")
    r = editor.post(f"/admin/tags/{tag_id}/delete", data=dict(form_values(form)))
    assert r.status_code == 303
    assert translations(srv, "tag", tag_id) == {}  # a new tag given its id starts with none


def test_a_page_title_and_body_in_french(srv, editor):
    page = one(srv, "SELECT id FROM page WHERE site_id = 1 AND path = '/about'")
    anon(srv, "/fr/about")
    r = save(editor, f"/admin/pages/{page['id']}", f"/admin/pages/{page['id']}", title_fr="Qui sommes-nous",
             body_fr="Un **texte** en français.")
    assert r.status_code == 303, (r.status_code, field_errors(r.text))
    fr = anon(srv, "/fr/about").text
    assert "Qui sommes-nous" in text_of(parse_html(fr).find("h1")) and "<strong>texte</strong>" in fr
    assert "About Plenary Oncology" in h1(srv, "/about")
    contact = one(srv, "SELECT id FROM page WHERE site_id = 1 AND path = '/contact'")
    r = save(editor, f"/admin/pages/{contact['id']}", f"/admin/pages/{contact['id']}",
             body_nl="Schrijf ons **gerust**.")
    assert r.status_code == 303
    assert "<strong>gerust</strong>" in anon(srv, "/nl/contact").text  # the contact form's text


def test_a_menu_label_in_french(srv, editor):
    r = save(editor, "/admin/menu/24", "/admin/menu/24", label_fr="Nous écrire")
    assert r.status_code == 303, (r.status_code, field_errors(r.text))
    assert "Nous écrire" in top_menu(srv, "/fr/")
    assert "Contact" in top_menu(srv, "/") and "Nous écrire" not in top_menu(srv, "/")
    r = save(editor, "/admin/menu/24", "/admin/menu/24", label_fr="l" * 81)
    assert r.status_code == 422 and field_errors(r.text) == {"error-label_fr"}


def test_the_site_tagline_in_french_and_a_sister_site_in_english_only(srv):
    admin = make_staff(srv, "admin", name="Ada Names")
    doc = parse_html(admin.get("/admin/sites/1").text)
    assert doc.find("input", name="tagline_fr").get("value").startswith("Interviews d")
    assert doc.find("input", name="name_nl") is not None
    assert parse_html(admin.get("/admin/sites/2").text).find("input", name="name_fr") is None
    anon(srv, "/fr/")
    r = save(admin, "/admin/sites/1", "/admin/sites/1", tagline_fr="Les congrès d\u2019oncologie, pour vous")
    assert r.status_code == 303, (r.status_code, field_errors(r.text))
    fr = parse_html(anon(srv, "/fr/").text)
    assert fr.find("meta", name="description").get("content") == "Les congrès d\u2019oncologie, pour vous"
    assert "Les congrès" not in anon(srv, "/").text
    r = save(admin, "/admin/sites/1", "/admin/sites/1", name_fr="n" * 101)
    assert r.status_code == 422 and field_errors(r.text) == {"error-name_fr"}
    assert ("fr", "name") not in translations(srv, "site", 1)


# ---- mail ---------------------------------------------------------------------------------------------------

def test_an_alert_names_the_section_in_its_reader_language(srv):
    """Last: it moves one of the demo's articles into a section of its own."""
    section, name = new_section(srv)
    srv.execute("INSERT INTO name_translation (kind, item_id, lang, field, text) VALUES ('section', ?, 'fr', "
                "'name', ?)", (section, f"Rubrique {name[-8:]}"))
    take_articles(srv, 1, section)
    fr, _ = add_subscriber(srv, section, "member")
    en, _ = add_subscriber(srv, section, "member")
    srv.execute('UPDATE "user" SET language = ? WHERE email = ?', ("fr", fr))
    run_alerts(srv, "--now")
    m = mails(srv, fr)
    assert len(m) == 1 and f"Rubrique {name[-8:]}" in m[0]["subject"], m
    assert f"Rubrique {name[-8:]}" in m[0]["text_body"] and name not in m[0]["text_body"]
    m = mails(srv, en)
    assert len(m) == 1 and m[0]["subject"].endswith(f"in {name}"), m
    assert "Rubrique" not in m[0]["text_body"]
