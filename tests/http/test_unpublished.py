"""Unpublished work shapes no answer: "did you mean" learns only from published articles (a word only in a
draft's or a scheduled article's title is no word of the site), and a topic has a page, a feed, a place in the
topic list and the sitemap only while an article a reader may see uses it.

The probe for the vocabulary: a public word P (pembrolizumab) and a draft whose title holds P with one
letter changed (D). Searching D finds nothing, so the page offers P, as for any misspelling; a vocabulary that
knew D would take it for a word of the site and offer nothing, which tells a reader that a draft holds D.

A server of its own on a demo database; articles are made through the back office's editor.
"""
import os
import re
import tempfile
import time
import uuid
from urllib.parse import urlencode

import pytest
import requests

from conftest import make_demo_database, make_staff, parse_html, start_plenary, text_of

PUBLIC = "pembrolizumab"


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-unpublished-") as tmp:
        s = start_plenary(tmp, make_demo_database(tmp), {"media_dir": os.path.join(tmp, "media")},
                          name="unpublished-server")
        yield s
        assert s.stop() == 0


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Una Published")


@pytest.fixture(scope="module")
def section(srv):
    return srv.query("SELECT id FROM section WHERE site_id = (SELECT id FROM site WHERE is_default = 1) "
                     "ORDER BY id LIMIT 1")[0]["id"]


def anon(srv, path):
    return requests.get(srv.url(path), timeout=10, allow_redirects=False)


def suggestion(srv, q):
    r = anon(srv, "/search?" + urlencode({"q": q}))
    assert r.status_code == 200
    count = parse_html(r.text).find("p", class_="search-count")
    total = int(re.match(r"(\d+)", text_of(count)).group(1)) if count is not None else None
    sug = parse_html(r.text).find("p", class_="suggestion")
    return total, (text_of(sug.find("a")) if sug is not None else None)


def eventually(fn, want, timeout=6.0):
    """fn() until it returns want (the kept vocabulary is rebuilt in the background within a second or two)."""
    deadline, got = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        got = fn()
        if got == want:
            return got
        time.sleep(0.2)
    return got


def save_article(editor, section, title, status, published="", tags="", article_id=None):
    path = f"/admin/articles/{article_id}" if article_id else "/admin/articles/new"
    page = editor.get(path)
    assert page.status_code == 200
    doc = parse_html(page.text)
    form = [f for f in doc.find_all("form") if f.get("method") == "post"
            and re.fullmatch(r"/admin/articles(/\d+)?", f.get("action") or "")][0]
    token = form.find("input", name="form_token").get("value")
    revision = form.find("input", name="revision").get("value")
    fields = {"form_token": token, "revision": revision, "title": title, "slug": "",
              "summary": f"A summary of {uuid.uuid4().hex[:6]}.", "body": "The body.", "section": str(section),
              "kind": "news", "byline": "interviewer", "congress": "", "trial": "", "interviewer": "",
              "references": "", "tags": tags, "audience": "public", "video_url": "", "status": status,
              "published": published, "image": "", "action": "save"}
    r = editor.post(form.get("action"), data=fields)
    assert r.status_code == 303, (r.status_code, [text_of(p) for p in parse_html(r.text).find_all(
        "p", class_="field-error")])
    return int(re.search(r"/admin/articles/(\d+)", r.headers["location"]).group(1))


def future(seconds=86400 * 30):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(time.time() + seconds))


def test_the_public_word_is_known(srv):
    total, sug = suggestion(srv, PUBLIC)
    assert total and total > 0 and sug is None
    # a misspelling nobody wrote is corrected
    assert suggestion(srv, "pembrolizumav") == (0, PUBLIC)


@pytest.mark.parametrize("status", ["draft", "review", "scheduled", "archived"])
def test_a_word_only_in_an_unpublished_title_is_no_word_of_the_site(srv, editor, section, status):
    word = {"draft": "pembrolizumaq", "review": "pembrolizumaz", "scheduled": "pembrolizumex",
            "archived": "pembrolizumox"}[status]
    save_article(editor, section, f"Notes on {word} for the {status} list", status,
                 published=future() if status == "scheduled" else "")
    time.sleep(1.5)  # the upkeep's time to learn the new words, if it were to
    got = eventually(lambda: suggestion(srv, word), (0, PUBLIC))
    assert got == (0, PUBLIC), f"searching {word} (only in a {status} title) gave {got}: the draft's word is known"


def test_publishing_teaches_the_word_and_unpublishing_forgets_it(srv, editor, section):
    word = "pembrolizumyq"
    article = save_article(editor, section, f"A {word} briefing", "draft")
    assert eventually(lambda: suggestion(srv, word), (0, PUBLIC)) == (0, PUBLIC)
    save_article(editor, section, f"A {word} briefing", "published", article_id=article)
    total, sug = eventually(lambda: suggestion(srv, word), (1, None))
    assert (total, sug) == (1, None), "the published article is not found by its title's word"
    # a word one letter from the published one is now corrected to it
    assert eventually(lambda: suggestion(srv, "pembrolizumyk"), (0, word)) == (0, word)
    save_article(editor, section, f"A {word} briefing", "draft", article_id=article)
    assert eventually(lambda: suggestion(srv, "pembrolizumyk"), (0, PUBLIC)) == (0, PUBLIC), \
        "the word of an unpublished article is still suggested"


def sitemap_has(srv, path):
    r = anon(srv, "/sitemaps/pages.xml")  # where /sitemap.xml sends crawlers for everything but articles
    assert r.status_code == 200 and "/tag/" in r.text
    return path + "<" in r.text


@pytest.mark.parametrize("status", ["draft", "scheduled"])
def test_a_topic_only_an_unpublished_article_uses_has_no_page(srv, editor, section, status):
    name = f"Xylotopic {status} {uuid.uuid4().hex[:6]}"
    slug = name.lower().replace(" ", "-")
    save_article(editor, section, f"An article tagged {name}", status, tags=name,
                 published=future() if status == "scheduled" else "")
    assert srv.query("SELECT count(*) FROM tag WHERE slug = ?", (slug,))[0][0] == 1
    for path in (f"/tag/{slug}", f"/tag/{slug}/feed.atom", f"/tag/{slug}/feed.rss"):
        assert anon(srv, path).status_code == 404, f"{path} answers for a {status}-only topic"
    assert f"/tag/{slug}" not in anon(srv, "/tags").text
    assert not sitemap_has(srv, f"/tag/{slug}")


def test_a_topic_has_its_page_once_published_and_loses_it_when_unpublished(srv, editor, section):
    name = f"Xylotopic live {uuid.uuid4().hex[:6]}"
    slug = name.lower().replace(" ", "-")
    article = save_article(editor, section, f"The {name} article", "draft", tags=name)
    assert anon(srv, f"/tag/{slug}").status_code == 404
    save_article(editor, section, f"The {name} article", "published", tags=name, article_id=article)
    r = anon(srv, f"/tag/{slug}")
    assert r.status_code == 200 and f"The {name} article" in r.text
    assert anon(srv, f"/tag/{slug}/feed.atom").status_code == 200
    assert f"/tag/{slug}" in anon(srv, "/tags").text and sitemap_has(srv, f"/tag/{slug}")
    save_article(editor, section, f"The {name} article", "draft", tags=name, article_id=article)
    assert anon(srv, f"/tag/{slug}").status_code == 404
    assert f"/tag/{slug}" not in anon(srv, "/tags").text and not sitemap_has(srv, f"/tag/{slug}")




