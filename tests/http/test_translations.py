"""Translations of articles (issue 20): a family of one original and its translations. The switcher and the
hreflang alternates name only the languages an article exists in, each at its own address; a page asked for
in a language the family has goes to that member; lists, feeds and sitemaps show one member per family in the
reader's language; editors make a translation from an article and see which ones are older than the original.

The demo's oncology site (English, with French and Dutch) has French and Dutch translations of four
interviews. Everything runs against admin_server (a demo database of its own), on SQLite or PostgreSQL.
"""
import re
import xml.etree.ElementTree as ET

import pytest
import requests

from conftest import form_values, make_staff, parse_html, text_of

EN = "adjuvant-atezolizumab-in-stage-ii-iii-tnbc-what-alexandra-impassion030-tells-us"
FR = "atezolizumab-adjuvant-cstn-de-stade-ii-iii-ce-que-montre-alexandra-impassion030"
NL = "adjuvant-atezolizumab-tnbc-stadium-ii-iii-wat-alexandra-impassion030-ons-leert"
EV_EN = "enfortumab-vedotin-plus-pembrolizumab-a-new-first-line-standard-in-urothelial-cancer"
EV_FR = "enfortumab-vedotine-pembrolizumab-standard-de-premiere-ligne-cancer-urothelial"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def srv(admin_server):
    return admin_server


def get(srv, path, **kw):
    kw.setdefault("allow_redirects", False)
    return requests.get(srv.url(path), timeout=10, **kw)


def alternates(html):
    doc = parse_html(html)
    return {link.get("hreflang"): link.get("href") for link in doc.find_all("link")
            if link.get("rel") == "alternate" and link.get("hreflang")}


def canonical(html):
    return [link.get("href") for link in parse_html(html).find_all("link") if link.get("rel") == "canonical"][0]


def switcher_languages(html):
    nav = parse_html(html).find("nav", class_="language-switcher")
    return [a.get("hreflang") for a in nav.find_all("a")] if nav is not None else []


def test_an_original_names_its_translations_and_only_their_languages(srv):
    r = get(srv, f"/article/{EN}")
    assert r.status_code == 200
    alt = alternates(r.text)
    assert set(alt) == {"en", "fr", "nl", "x-default"}
    assert alt["fr"].endswith(f"/fr/article/{FR}") and alt["nl"].endswith(f"/nl/article/{NL}")
    assert alt["en"].endswith(f"/article/{EN}") and "/fr/" not in alt["en"] and alt["x-default"] == alt["en"]
    assert canonical(r.text) == alt["en"]
    assert switcher_languages(r.text) == ["en", "fr", "nl"]
    links = parse_html(r.text).find("p", class_="article-translations").find_all("a")
    assert [a.get("hreflang") for a in links] == ["fr", "nl"]


def test_a_translation_is_read_in_its_language_with_its_family(srv):
    r = get(srv, f"/fr/article/{FR}")
    assert r.status_code == 200
    assert '<html lang="fr">' in r.text
    doc = parse_html(r.text)
    assert doc.find("h1").get("lang") is None  # its words are the page's language
    assert text_of(doc.find("h1")).startswith("Atézolizumab adjuvant")
    assert canonical(r.text).endswith(f"/fr/article/{FR}")
    assert set(alternates(r.text)) == {"en", "fr", "nl", "x-default"}
    assert '"inLanguage": "fr"' in r.text


def test_an_article_asked_for_in_a_language_its_family_has_goes_there(srv):
    r = get(srv, f"/fr/article/{EN}")
    assert r.status_code == 302 and r.headers["location"] == f"/fr/article/{FR}"
    r = get(srv, f"/article/{FR}")  # the French member in the English interface: the English original
    assert r.status_code == 302 and r.headers["location"] == f"/article/{EN}"
    r = get(srv, f"/nl/article/{FR}")
    assert r.status_code == 302 and r.headers["location"] == f"/nl/article/{NL}"


def test_an_article_without_translations_is_shown_in_any_interface_marked_with_its_language(srv):
    slug = srv.query("SELECT slug FROM article WHERE site_id = 1 AND status = 'published' AND family_id IS NULL "
                     "AND NOT EXISTS (SELECT 1 FROM article t WHERE t.family_id = article.id) ORDER BY id "
                     "LIMIT 1")[0][0]
    r = get(srv, f"/fr/article/{slug}")
    assert r.status_code == 200 and '<html lang="fr">' in r.text
    doc = parse_html(r.text)
    assert doc.find("h1").get("lang") == "en"
    assert doc.find("div", class_="article-body").get("lang") == "en"
    assert alternates(r.text) == {} and switcher_languages(r.text) == []
    assert canonical(r.text).endswith(f"/article/{slug}") and "/fr/" not in canonical(r.text)


def card_hrefs(html):
    return [card.find("h3").find("a").get("href") for card in parse_html(html).find_all("article", class_="card")]


def all_pages(srv, path):
    hrefs, page = [], 1
    while True:
        r = get(srv, f"{path}?page={page}" if page > 1 else path)
        if r.status_code != 200:
            return hrefs
        got = card_hrefs(r.text)
        if not got:
            return hrefs
        hrefs += got
        page += 1


def test_lists_show_one_member_of_each_family_in_the_readers_language(srv):
    fr = all_pages(srv, "/fr/section/gu-cancer")
    en = all_pages(srv, "/section/gu-cancer")
    assert f"/fr/article/{EV_FR}" in fr and f"/fr/article/{EV_EN}" not in fr
    assert f"/article/{EV_EN}" in en and f"/article/{EV_FR}" not in en
    assert len(fr) == len(en)  # the same interviews, each once
    r = get(srv, "/fr/section/gu-cancer")
    foreign = [c for c in parse_html(r.text).find_all("article", class_="card") if c.find("h3").get("lang")]
    assert foreign and all(c.find("h3").get("lang") == "en" for c in foreign)
    assert all(c.find("abbr", class_="badge-lang") is not None for c in foreign)


def test_feeds_are_in_their_language_and_link_each_article_in_its_own(srv):
    r = get(srv, "/fr/congress/asco-gu-2024/feed.rss")
    assert r.status_code == 200
    channel = ET.fromstring(r.content).find("channel")
    assert channel.find("language").text == "fr"
    # (each link carries the feed's counting marker, ?via=feed)
    links = [item.find("link").text.split("?")[0] for item in channel.findall("item")]
    pairs = srv.query("SELECT t.slug, o.slug FROM article t JOIN article o ON o.id = t.family_id "
                      "WHERE t.lang = 'fr' AND t.status = 'published'")
    translated = [fr for fr, _ in pairs if any(link.endswith(f"/fr/article/{fr}") for link in links)]
    assert translated, links
    originals = {en for _, en in pairs}
    assert not any(link.rsplit("/", 1)[1] in originals for link in links)
    assert all("/fr/article/" in link or "/article/" in link for link in links)
    atom = ET.fromstring(get(srv, "/nl/feed.atom").content)
    assert atom.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"


def test_sitemaps_list_every_language_with_alternates(srv):
    pages = ET.fromstring(get(srv, "/sitemaps/pages.xml").content)
    locs = [u.find(SM + "loc").text for u in pages.findall(SM + "url")]
    home = [loc for loc in locs if re.fullmatch(r"https?://[^/]+/((fr|nl)/)?", loc)]
    assert len(home) == 3
    first = pages.findall(SM + "url")[0]
    assert {x.get("hreflang") for x in first.findall(XHTML + "link")} == {"en", "fr", "nl"}
    arts = ET.fromstring(get(srv, "/sitemaps/articles-1.xml").content)
    by_loc = {u.find(SM + "loc").text: u for u in arts.findall(SM + "url")}
    fr = [u for loc, u in by_loc.items() if loc.endswith(f"/fr/article/{FR}")]
    assert len(fr) == 1
    assert {x.get("hreflang"): x.get("href").rsplit("/", 1)[1] for x in fr[0].findall(XHTML + "link")} == \
        {"en": EN, "fr": FR, "nl": NL}


# ---- the back office ----

@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Tina Translator")


def article_id(srv, slug):
    return srv.query("SELECT id FROM article WHERE slug = ?", (slug,))[0][0]


def panel(html):
    return parse_html(html).find("section", class_="translations-panel")


def test_the_editor_shows_the_family_and_translating_makes_a_draft(srv, editor):
    page = editor.get(f"/admin/articles/{article_id(srv, EN)}")
    assert page.status_code == 200
    rows = list(panel(page.text).find("tbody").find_all("tr"))
    assert len(rows) == 3 and panel(page.text).find("select") is None  # every language has a member
    slug = srv.query("SELECT slug FROM article WHERE site_id = 1 AND status = 'published' AND family_id IS NULL "
                     "AND NOT EXISTS (SELECT 1 FROM article t WHERE t.family_id = article.id) AND EXISTS (SELECT 1 FROM "
                     "article_person p WHERE p.article_id = article.id) ORDER BY id DESC LIMIT 1")[0][0]
    aid = article_id(srv, slug)
    page = editor.get(f"/admin/articles/{aid}")
    options = [o.get("value") for o in panel(page.text).find("select").find_all("option")]
    assert options == ["fr", "nl"]
    r = editor.submit(f"/admin/articles/{aid}", f"/admin/articles/{aid}/translate", {"lang": "nl"})
    assert r.status_code == 303, srv.log()[-1500:]
    new_id = int(re.fullmatch(r"/admin/articles/(\d+)\?translated=1", r.headers["location"]).group(1))
    row = srv.query("SELECT lang, family_id, status, slug, title FROM article WHERE id = ?", (new_id,))[0]
    assert row[0] == "nl" and row[1] == aid and row[2] == "draft" and row[3] == f"{slug}-nl"
    counts = srv.query("SELECT (SELECT count(*) FROM article_person WHERE article_id = ?), "
                       "(SELECT count(*) FROM article_person WHERE article_id = ?)", (new_id, aid))[0]
    assert counts[0] == counts[1] > 0
    # a draft: not public, and the original's page does not name it
    assert get(srv, f"/nl/article/{slug}-nl").status_code == 404
    assert "nl" not in alternates(get(srv, f"/article/{slug}").text)
    # again: the family has Dutch already
    r = editor.submit(f"/admin/articles/{aid}", f"/admin/articles/{aid}/translate", {"lang": "fr"})
    assert r.status_code == 303
    token = editor.token(f"/admin/articles/{aid}")
    r = editor.post(f"/admin/articles/{aid}/translate", data={"form_token": token, "lang": "nl"})
    assert r.status_code == 409 and "Nederlands" in r.text
    for bad in ("de", "", "x" * 40, "en\x00"):
        r = editor.post(f"/admin/articles/{aid}/translate", data={"form_token": token, "lang": bad})
        assert r.status_code == 400, bad
    r = editor.post("/admin/articles/99999999/translate", data={"form_token": token, "lang": "fr"})
    assert r.status_code == 404


def publish(srv, editor, aid, **changes):
    doc = parse_html(editor.get(f"/admin/articles/{aid}").text)
    form = [f for f in doc.find_all("form") if f.get("action") == f"/admin/articles/{aid}"][0]
    changes.setdefault("action", "save")
    pairs = [(k, v) for k, v in form_values(form) if k not in changes] + list(changes.items())
    r = editor.post(f"/admin/articles/{aid}", data=pairs)
    assert r.status_code == 303, r.text[:500]


def test_a_published_translation_joins_its_familys_pages_at_once(srv, editor):
    slug = srv.query("SELECT slug FROM article WHERE site_id = 1 AND status = 'published' AND family_id IS NULL "
                     "AND NOT EXISTS (SELECT 1 FROM article t WHERE t.family_id = article.id) ORDER BY id "
                     "LIMIT 1 OFFSET 3")[0][0]
    aid = article_id(srv, slug)
    before = get(srv, f"/article/{slug}")  # cached without alternates
    assert alternates(before.text) == {}
    r = editor.submit(f"/admin/articles/{aid}", f"/admin/articles/{aid}/translate", {"lang": "fr"})
    assert r.status_code == 303, (r.status_code, parse_html(r.text).find("main") and text_of(parse_html(r.text).find("main")))
    new_id = int(re.search(r"/admin/articles/(\d+)", r.headers["location"]).group(1))
    publish(srv, editor, new_id, title="Une traduction française", status="published")
    fr_slug = srv.query("SELECT slug FROM article WHERE id = ?", (new_id,))[0][0]
    page = get(srv, f"/fr/article/{fr_slug}")
    assert page.status_code == 200 and "Une traduction française" in page.text
    alt = alternates(get(srv, f"/article/{slug}").text)
    assert set(alt) == {"en", "fr", "x-default"} and alt["fr"].endswith(f"/fr/article/{fr_slug}")
    assert get(srv, f"/fr/article/{slug}").headers.get("location") == f"/fr/article/{fr_slug}"


def test_a_translation_older_than_its_original_is_marked_until_brought_up_to_date(srv, editor):
    en_id, fr_id = article_id(srv, EV_EN), article_id(srv, EV_FR)
    page = editor.get(f"/admin/articles/{fr_id}")
    assert panel(page.text).find("strong", class_="badge-warning") is None
    publish(srv, editor, en_id, body="A corrected body.\n\nWith a second paragraph.")
    page = editor.get(f"/admin/articles/{fr_id}")
    stale = [tr for tr in panel(page.text).find("tbody").find_all("tr") if tr.find("strong", class_="badge-warning")]
    assert len(stale) == 2  # the French and the Dutch translations
    mine = [tr for tr in stale if tr.get("aria-current") == "page"][0]
    assert mine.find("form").get("action") == f"/admin/articles/{fr_id}/current"
    assert editor.get(f"/admin/articles/{en_id}").text.count("badge-warning") == 2  # the original shows them too
    r = editor.submit(f"/admin/articles/{fr_id}", f"/admin/articles/{fr_id}/current", {})
    assert r.status_code == 303 and r.headers["location"] == f"/admin/articles/{fr_id}?current=1"
    rows = panel(editor.get(f"/admin/articles/{fr_id}").text).find("tbody").find_all("tr")
    assert [tr.get("aria-current") for tr in rows if tr.find("strong", class_="badge-warning")] == [None]
    token = editor.token(f"/admin/articles/{en_id}")
    r = editor.post(f"/admin/articles/{en_id}/current", data={"form_token": token})
    assert r.status_code == 404  # an original follows nothing


def test_a_reader_cannot_translate(srv):
    reader = make_staff(srv, "reader")
    r = reader.post(f"/admin/articles/{article_id(srv, EN)}/translate", data={"lang": "fr"})
    assert r.status_code in (403, 404, 303)
    assert srv.query("SELECT count(*) FROM article WHERE family_id = ? AND lang = 'fr'",
                     (article_id(srv, EN),))[0][0] == 1


def test_an_article_written_in_another_language_says_so_and_a_family_has_each_language_once(srv, editor):
    aid = article_id(srv, EV_EN)
    page = editor.get(f"/admin/articles/{aid}")
    select = parse_html(page.text).find("select", id="field-lang")
    assert [o.get("value") for o in select.find_all("option")] == ["en", "fr", "nl"]
    assert [o.get("value") for o in select.find_all("option") if "selected" in o.attrs] == ["en"]
    # the French member cannot become Dutch: the family has Dutch
    fr_id = article_id(srv, EV_FR)
    doc = parse_html(editor.get(f"/admin/articles/{fr_id}").text)
    form = [f for f in doc.find_all("form") if f.get("action") == f"/admin/articles/{fr_id}"][0]
    pairs = [(k, v) for k, v in form_values(form) if k != "lang"] + [("lang", "nl"), ("action", "save")]
    r = editor.post(f"/admin/articles/{fr_id}", data=pairs)
    assert r.status_code == 422
    err = parse_html(r.text).find("p", id="error-lang")
    assert err is not None and "already" in text_of(err)
    assert srv.query("SELECT lang FROM article WHERE id = ?", (fr_id,))[0][0] == "fr"
    for bad in ("de", "xx", "<b>"):
        pairs = [(k, v) for k, v in form_values(form) if k != "lang"] + [("lang", bad), ("action", "save")]
        r = editor.post(f"/admin/articles/{fr_id}", data=pairs)
        assert r.status_code == 422 and parse_html(r.text).find("p", id="error-lang") is not None, bad
    # an original written in Dutch: its page is read under /nl/, and the English interface lists it
    slug = srv.query("SELECT slug FROM article WHERE site_id = 1 AND status = 'published' AND family_id IS NULL "
                     "AND NOT EXISTS (SELECT 1 FROM article t WHERE t.family_id = article.id) ORDER BY id "
                     "LIMIT 1 OFFSET 5")[0][0]
    oid = article_id(srv, slug)
    publish(srv, editor, oid, lang="nl")
    assert srv.query("SELECT lang FROM article WHERE id = ?", (oid,))[0][0] == "nl"
    r = get(srv, f"/article/{slug}")
    assert r.status_code == 200 and parse_html(r.text).find("h1").get("lang") == "nl"
    assert canonical(r.text).endswith(f"/nl/article/{slug}")
    assert get(srv, f"/nl/article/{slug}").status_code == 200
    publish(srv, editor, oid, lang="en")
    assert srv.query("SELECT lang FROM article WHERE id = ?", (oid,))[0][0] == ""
