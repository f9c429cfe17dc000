"""Search per language (issue 20, migration 031): an article's words are stemmed in its own language (French,
Dutch or English), a reader's words are looked up in every language, and the results in the reader's
language (the page's, else the site's default) come first. The demo is English: the tests give three of its articles a
language and words of their own with SQL, as another program may, on a server and database of their own.
"""
import os
import re
import tempfile
import time
import uuid
from urllib.parse import urlencode

import pytest
import requests

from conftest import make_demo_database, start_plenary

SITE = 1  # the demo's default site, which requests to 127.0.0.1 get
# articles of no family of translations, whose language may change freely
ALONE = "family_id IS NULL AND id NOT IN (SELECT family_id FROM article WHERE family_id IS NOT NULL)"


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-search-lang-") as tmp:
        s = start_plenary(tmp, make_demo_database(tmp), {"outbox": os.path.join(tmp, "outbox")},
                          name="search-language-server")
        yield s
        rc = s.stop()
        assert rc == 0, f"the server exited with {rc}; log tail:\n{s.log()[-3000:]}"


@pytest.fixture(scope="module")
def arts(srv):
    """{language: slug} of three public published articles made French, Dutch and English, sharing a made-up
    word; the French one holds "traitement", the Dutch "behandeling", the English "treatment"."""
    rows = srv.query("SELECT id, slug FROM article WHERE site_id = ? AND status = 'published' AND "
                     "audience = 'public' AND " + ALONE + " ORDER BY id LIMIT 3", (SITE,))
    assert len(rows) == 3
    common = f"zq{uuid.uuid4().hex[:8]}x"
    texts = {
        "fr": (f"Un traitement {common}", "Les résultats de l'essai sont encourageants."),
        "nl": (f"Een behandeling {common}", "De resultaten van de studie zijn bemoedigend."),
        "en": (f"A treatment {common}", "The results of the trial are encouraging."),
    }
    out = {}
    for (lang, (title, summary)), row in zip(texts.items(), rows):
        srv.execute("UPDATE article SET title = ?, summary = ?, body = ?, lang = ? WHERE id = ?",
                    (title, summary, summary, lang, row["id"]))
        out[lang] = row["slug"]
    out["common"] = common
    return out


def search(srv, q, prefix=""):
    """The slugs of prefix + /search?q=q's first page, in order, and the page."""
    r = requests.get(srv.url(prefix + "/search?" + urlencode({"q": q})), timeout=10, allow_redirects=False)
    assert r.status_code == 200, f"{q!r}: {r.status_code}"
    items = re.findall(r'<li class="result">(.*?)</li>', r.text, re.S)
    return [re.search(r'href="(?:/[a-z]{2})?/article/([^"]+)"', x).group(1) for x in items], r.text


@pytest.mark.parametrize("word,lang", [("traitements", "fr"), ("behandelingen", "nl"), ("treatments", "en")])
def test_a_plural_finds_the_singular_in_its_language(srv, arts, word, lang):
    slugs, _ = search(srv, f"{word} {arts['common']}")
    assert slugs == [arts[lang]], f"{word}: {slugs}"


def test_every_language_is_found(srv, arts):
    slugs, _ = search(srv, arts["common"])
    assert set(slugs) == {arts["fr"], arts["nl"], arts["en"]}


def test_accents_are_folded(srv, arts):
    slugs, _ = search(srv, f"RÉSULTATS {arts['common']}")
    assert arts["fr"] in slugs
    slugs, _ = search(srv, f"resultats essai {arts['common']}")
    assert slugs == [arts["fr"]]


@pytest.mark.parametrize("lang,prefix", [("fr", "/fr"), ("nl", "/nl"), ("en", "")])
def test_the_readers_language_ranks_first(srv, arts, lang, prefix):
    # the page's language (the demo's site offers French and Dutch under /fr/ and /nl/), else the site's
    slugs, _ = search(srv, f"{arts['common']} OR zqnothing{lang}", prefix)
    assert slugs and slugs[0] == arts[lang], f"{prefix or '/'}search: {slugs}"
    assert set(slugs) == {arts["fr"], arts["nl"], arts["en"]}, "the other languages follow"


def test_the_language_marker_is_never_shown(srv, arts):
    for q in (arts["common"], "traitements", "resultats"):
        _, page = search(srv, q)
        assert "\x1f" not in page and "&#31;" not in page and "&#x1f;" not in page.lower()
    slugs, _ = search(srv, "fr nl")
    assert not set(slugs) & {arts["fr"], arts["nl"]}, "a language marker was indexed as a word"


# ---- "did you mean" per language (migration 033) ----

@pytest.fixture(scope="module")
def typos(srv, arts):
    """Four more articles for "did you mean": a French "thérapie", a Dutch "diagnostiek" and two English ones
    with "diagnostic" and "therapy" (so that "diagnostic" is in more articles than "diagnostiek"); then waits
    for the kept vocabulary (store_search_upkeep) to count them."""
    rows = srv.query("SELECT id FROM article WHERE site_id = ? AND status = 'published' AND audience = 'public' "
                     "AND " + ALONE + " ORDER BY id LIMIT 4 OFFSET 3", (SITE,))
    assert len(rows) == 4
    texts = [("fr", "Une thérapie ciblée", "Un essai de phase précoce."),
             ("nl", "Nieuwe diagnostiek", "Een vroege fase van de studie."),
             ("en", "Diagnostic accuracy of a therapy", "An early phase trial."),
             ("en", "Diagnostic imaging", "An early phase trial.")]
    for (lang, title, summary), row in zip(texts, rows):
        srv.execute("UPDATE article SET title = ?, summary = ?, body = ?, lang = ? WHERE id = ?",
                    (title, summary, summary, lang, row["id"]))
    for _ in range(200):
        v = srv.query("SELECT version, terms_version FROM content_version")[0]
        if v["version"] == v["terms_version"]:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the vocabulary was not kept up to date")


def suggestion(srv, q, prefix=""):
    _, page = search(srv, q, prefix)
    m = re.search(r'<p class="suggestion">[^<]*<a href="[^"]*">([^<]*)</a>', page)
    return m.group(1) if m else None


@pytest.mark.parametrize("typed,prefix,word", [
    ("traitemnt", "/fr", "traitement"),
    ("behandelng", "/nl", "behandeling"),
    ("treatmnt", "", "treatment"),
    # a word of another language when the reader's has none close
    ("traitemnt", "/nl", "traitement"),
    ("treatmnt", "/fr", "treatment"),
])
def test_did_you_mean_offers_the_readers_language(srv, arts, typos, typed, prefix, word):
    assert suggestion(srv, typed, prefix) == word


def test_did_you_mean_prefers_the_readers_language_to_a_commoner_word(srv, arts, typos):
    # "diagnostk" is two edits from both; "diagnostic" is in more articles
    assert suggestion(srv, "diagnostk", "/nl") == "diagnostiek"
    assert suggestion(srv, "diagnostk") not in (None, "diagnostiek")


def test_did_you_mean_prefers_the_readers_language_to_a_closer_word(srv, arts, typos):
    # "therapje" is one edit from the French "therapie" and two from the English "therapy"
    assert suggestion(srv, "therapje", "/fr") == "therapie"
    assert suggestion(srv, "therapje") not in (None, "therapie")
