"""Languages: the theme's message catalogs as `plenary i18n check` and the server read them (issue 20)."""
import json
import os
import shutil

import requests

from conftest import REPO, SERVER, get, host_header, parse_html, post, run_plenary

THEME = os.path.join(REPO, "themes", "default")


def copy_theme(tmp_path):
    dst = tmp_path / "theme"
    shutil.copytree(THEME, dst)
    return dst


def catalog(theme, lang):
    with open(theme / "i18n" / f"{lang}.json", encoding="utf-8") as f:
        return json.load(f)


def save(theme, lang, data):
    with open(theme / "i18n" / f"{lang}.json", "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)


def test_the_demo_theme_lacks_no_message_in_any_language():
    r = run_plenary(["i18n", "check"])
    assert r.returncode == 0, r.stdout + r.stderr
    summary = [line for line in r.stdout.splitlines() if line.endswith("unused")]
    assert [line.split(":")[0] for line in summary] == ["en", "fr", "nl"], r.stdout
    assert all(", 0 missing, 0 unused" in line for line in summary), r.stdout


def test_a_missing_message_is_named_with_where_it_is_used(tmp_path):
    theme = copy_theme(tmp_path)
    fr = catalog(theme, "fr")
    del fr["layout"]["sign_out"]
    fr["layout"]["left_over"] = "Reste"
    save(theme, "fr", fr)
    r = run_plenary(["i18n", "check", "--theme", str(theme)])
    assert r.returncode == 1
    assert "fr: missing layout.sign_out (" in r.stdout and "layout/top.html:" in r.stdout
    assert "fr: unused layout.left_over" in r.stdout
    assert "en: " in r.stdout and "nl: " in r.stdout


def test_a_template_naming_an_unknown_message_does_not_load(tmp_path):
    theme = copy_theme(tmp_path)
    p = theme / "layout" / "bottom.html"
    p.write_text(p.read_text(encoding="utf-8").replace("{{@layout.contact}}", "{{@layout.nowhere}}"),
                 encoding="utf-8")
    r = run_plenary(["i18n", "check", "--theme", str(theme)])
    assert r.returncode == 2
    assert "bottom.html:" in r.stdout and 'no message "layout.nowhere"' in r.stdout


def test_a_broken_catalog_is_refused_with_its_line(tmp_path):
    theme = copy_theme(tmp_path)
    (theme / "i18n" / "nl.json").write_text('{"layout": {\n"skip": "Naar",\n}}', encoding="utf-8")
    r = run_plenary(["i18n", "check", "--theme", str(theme)])
    assert r.returncode == 2 and "nl.json:3:" in r.stdout
    (theme / "i18n" / "nl.json").write_text('{"layout": {"skip": "Naar {de inhoud"}}', encoding="utf-8")
    r = run_plenary(["i18n", "check", "--theme", str(theme)])
    assert r.returncode == 2 and "layout.skip: a '{' opens no placeholder" in r.stdout


def test_the_base_language_needs_its_catalog(tmp_path):
    theme = copy_theme(tmp_path)
    os.remove(theme / "i18n" / "en.json")
    r = run_plenary(["i18n", "check", "--theme", str(theme)])
    assert r.returncode == 2 and "en.json: missing" in r.stdout
    r = run_plenary(["i18n", "nothing"])
    assert r.returncode == 2 and "usage: plenary i18n check" in r.stderr


def test_the_english_page_reads_its_messages():
    page = requests.get(SERVER.base + "/", timeout=10).text
    assert "Skip to main content" in page and "Other specialties" in page
    assert "{{@" not in page and "layout." not in page


# ---- pages under /LANG/ (the demo's oncology site offers French and Dutch besides English) ----

def links(doc):
    return [a.get("href") for a in doc.find_all("a") if a.get("href")] + \
        [f.get("action") for f in doc.find_all("form") if f.get("action")]


def test_a_page_under_fr_is_in_french_and_its_links_stay_in_french():
    r = get("/fr/")
    assert r.status_code == 200
    doc = parse_html(r.text)
    assert doc.find("html").get("lang") == "fr"
    assert "Aller au contenu principal" in r.text and "Skip to main content" not in r.text
    root = [p for p in links(doc) if p.startswith("/") and not p.startswith("//")]
    assert root and all(p.startswith("/fr/") for p in root), [p for p in root if not p.startswith("/fr/")]
    css = [link.get("href") for link in doc.find_all("link") if link.get("rel") == "stylesheet"]
    assert css and all(h.startswith("/static/") for h in css)  # files are the same in every language
    assert doc.find("link", rel="canonical").get("href").endswith("/fr/")


def test_alternates_and_the_switcher_name_every_language_of_the_site():
    for path, current in (("/", "en"), ("/fr/", "fr"), ("/nl/", "nl")):
        doc = parse_html(get(path).text)
        alts = {x.get("hreflang"): x.get("href") for x in doc.find_all("link", rel="alternate")
                if x.get("hreflang")}
        assert set(alts) == {"en", "fr", "nl", "x-default"}, alts
        assert alts["fr"].endswith("/fr/") and alts["nl"].endswith("/nl/") and alts["x-default"] == alts["en"]
        nav = doc.find("nav", class_="language-switcher")
        assert nav is not None
        names = [a.find("span", class_="lang-name").text().strip() for a in nav.find_all("a")]
        assert names == ["English", "Français", "Nederlands"]
        cur = [a.get("hreflang") for a in nav.find_all("a") if a.get("aria-current") == "true"]
        assert cur == [current]


def test_a_page_keeps_its_path_in_each_language():
    r = get("/nl/congresses")
    assert r.status_code == 200 and parse_html(r.text).find("html").get("lang") == "nl"
    alts = {x.get("hreflang"): x.get("href") for x in parse_html(r.text).find_all("link", rel="alternate")
            if x.get("hreflang")}
    assert alts["fr"].endswith("/fr/congresses") and alts["en"].endswith("/congresses")


def test_a_language_the_site_does_not_offer_is_not_found():
    assert get("/de/").status_code == 404
    assert get("/en/").status_code == 404  # the default language has no prefix
    sister = host_header("dermatology.localhost")
    assert get("/fr/", headers=sister).status_code == 404  # the sister site is in English only
    doc = parse_html(get("/", headers=sister).text)
    assert doc.find("nav", class_="language-switcher") is None
    assert not [x for x in doc.find_all("link", rel="alternate") if x.get("hreflang")]


def test_each_language_has_its_own_cached_page():
    hits = {"fr": 0, "en": 0}
    for _ in range(6):  # each worker thread has its own cache: a few rounds reach a warm one
        fr, en = get("/fr/"), get("/")
        assert 'lang="fr"' in fr.text and 'lang="en"' in en.text
        hits["fr"] += fr.headers.get("x-cache") == "hit"
        hits["en"] += en.headers.get("x-cache") == "hit"
    assert hits["fr"] and hits["en"], hits


def test_a_form_posted_under_fr_comes_back_to_french():
    page = get("/fr/cookies")
    doc = parse_html(page.text)
    form = next(f for f in doc.find_all("form") if (f.get("action") or "").endswith("/consent"))
    assert form.get("action") == "/fr/consent"
    fields = {i.get("name"): i.get("value") or "" for i in form.find_all("input") if i.get("name")}
    fields["choice"] = "rejected"
    r = post("/fr/consent", data=fields, headers={"Origin": SERVER.base}, cookies=page.cookies)
    assert r.status_code in (302, 303), r.status_code
    assert r.headers["location"].startswith("/fr/"), r.headers["location"]


MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"],
}


def test_dates_are_written_the_reader_s_way():
    slug = next(a.get("href") for a in parse_html(get("/").text).find_all("a")
                if (a.get("href") or "").startswith("/article/"))
    days = {}
    for lang, prefix in (("en", ""), ("fr", "/fr"), ("nl", "/nl")):
        doc = parse_html(get(prefix + slug).text)
        shown = [(t.get("datetime"), t.text().strip()) for t in doc.find_all("time")]
        assert shown, lang
        for iso, text in shown:
            day, month, year = text.split(" ")
            assert month in MONTHS[lang], (lang, text)
            assert int(iso[:4]) == int(year) and MONTHS[lang].index(month) + 1 == int(iso[5:7]), (lang, iso, text)
        days[lang] = [text for _, text in shown]
    assert days["en"] != days["fr"]  # English months are capitalised, French ones not
