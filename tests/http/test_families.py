"""Families of translations (issue 20) where a reader meets one member of each: search shows one member per
family among those that match (the reader's language's, else the original, else the lowest id), with counts,
facets and pages of families; a newsletter gives each recipient the listed article's member in their language;
a translation made in the editor plays its original's video with its captions, chapters and transcript.

The demo's oncology site (English, with French and Dutch) has French and Dutch translations of articles 1, 5,
17 and 18. Each test gives the members words of its own with SQL, on a server and database of this module.
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

SITE = 1  # the demo's default site, which requests to 127.0.0.1 get
ALONE = "family_id IS NULL AND id NOT IN (SELECT family_id FROM article WHERE family_id IS NOT NULL)"


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-families-") as tmp:
        s = start_plenary(tmp, make_demo_database(tmp), {"outbox": os.path.join(tmp, "outbox")},
                          name="families-server")
        yield s
        rc = s.stop()
        assert rc == 0, f"the server exited with {rc}; log tail:\n{s.log()[-3000:]}"


@pytest.fixture(scope="module")
def families(srv):
    """[{lang: (id, slug)}] of the demo's four families in three languages, "en" the original."""
    out = []
    for root in srv.query("SELECT DISTINCT family_id FROM article WHERE site_id = ? AND family_id IS NOT NULL "
                          "ORDER BY family_id", (SITE,)):
        rows = srv.query("SELECT id, slug, lang FROM article WHERE id = ? OR family_id = ? ORDER BY id",
                         (root["family_id"], root["family_id"]))
        fam = {(r["lang"] or "en"): (r["id"], r["slug"]) for r in rows}
        if set(fam) == {"en", "fr", "nl"}:  # the demo's (a test may make others)
            out.append(fam)
    assert len(out) == 4
    return out


def word():
    return f"zq{uuid.uuid4().hex[:8]}x"


def add_word(srv, ids, w):
    for i in ids:
        srv.execute("UPDATE article SET title = title || ' ' || ? WHERE id = ?", (w, i))


def search(srv, q, prefix="", page=1, status=200):
    """The slugs of prefix + /search?q=q's page, in order, the count it says, and the page's document."""
    args = {"q": q} if page == 1 else {"q": q, "page": page}
    r = requests.get(srv.url(prefix + "/search?" + urlencode(args)), timeout=10, allow_redirects=False)
    assert r.status_code == status, f"{q!r}: {r.status_code}"
    if status != 200:
        return None, None, None
    items = re.findall(r'<li class="result">(.*?)</li>', r.text, re.S)
    slugs = [re.search(r'href="(?:/[a-z]{2})?/article/([^"]+)"', x).group(1) for x in items]
    doc = parse_html(r.text)
    count = int(re.search(r"\d+", text_of(doc.find("p", class_="search-count"))).group(0))
    return slugs, count, doc


def facet_sum(doc, k):
    """The sum of the counts of the page's k-th facet (0: sections, each result has one)."""
    return sum(int(n) for n in re.findall(r"\((\d+)\)", text_of(list(doc.find_all("section", class_="facet"))[k])))


# ---- search ----

@pytest.mark.parametrize("lang,prefix", [("en", ""), ("fr", "/fr"), ("nl", "/nl")])
def test_a_family_that_matches_everywhere_is_shown_once_in_the_readers_language(srv, families, lang, prefix):
    w = word()
    fam = families[0]
    add_word(srv, [fam[k][0] for k in fam], w)
    slugs, count, doc = search(srv, w, prefix)
    assert slugs == [fam[lang][1]]
    assert count == 1
    assert facet_sum(doc, 0) == 1, "the section facet counts the family once"


def test_the_original_stands_in_when_the_readers_member_does_not_match(srv, families):
    w = word()
    fam = families[1]
    add_word(srv, [fam["en"][0], fam["nl"][0]], w)
    assert search(srv, w, "/fr")[0] == [fam["en"][1]]
    assert search(srv, w, "/nl")[0] == [fam["nl"][1]]
    assert search(srv, w)[0] == [fam["en"][1]]


def test_the_lowest_id_stands_in_when_neither_matches(srv, families):
    w = word()
    fam = families[2]
    add_word(srv, [fam["fr"][0], fam["nl"][0]], w)
    lowest = min((fam["fr"], fam["nl"]))[1]
    assert search(srv, w)[0] == [lowest]
    assert search(srv, w, "/nl")[0] == [fam["nl"][1]]
    assert search(srv, w, "/fr")[0] == [fam["fr"][1]]


def test_a_member_not_yet_visible_does_not_stand_in(srv, families):
    w = word()
    fam = families[3]
    add_word(srv, [fam[k][0] for k in fam], w)
    old = srv.query("SELECT status, published_at FROM article WHERE id = ?", (fam["nl"][0],))[0]
    srv.execute("UPDATE article SET status = 'scheduled', published_at = ? WHERE id = ?",
                (int(time.time()) + 86400, fam["nl"][0]))
    try:
        assert search(srv, w, "/nl")[0] == [fam["en"][1]]
    finally:
        srv.execute("UPDATE article SET status = ?, published_at = ? WHERE id = ?",
                    (old["status"], old["published_at"], fam["nl"][0]))
    # another address than the first search's, which the page cache may keep until it learns of the change
    assert search(srv, w.upper(), "/nl")[0] == [fam["nl"][1]]


def test_counts_facets_and_pages_are_of_families(srv, families):
    # every member of the four families and seven articles of none: eleven results, not nineteen
    w = word()
    alone = srv.query("SELECT id, slug FROM article WHERE site_id = ? AND status = 'published' AND "
                      "audience = 'public' AND " + ALONE + " ORDER BY id LIMIT 7", (SITE,))
    assert len(alone) == 7
    add_word(srv, [f[k][0] for f in families for k in f] + [a["id"] for a in alone], w)
    for prefix, lang in (("", "en"), ("/fr", "fr")):
        first, count, doc = search(srv, w, prefix)
        second, count2, _ = search(srv, w, prefix, page=2)
        assert count == count2 == 11
        assert len(first) == 10 and len(second) == 1
        shown = set(first + second)
        assert len(shown) == 11
        assert {f[lang][1] for f in families} <= shown
        assert {a["slug"] for a in alone} <= shown
        search(srv, w, prefix, page=3, status=404)
        assert facet_sum(doc, 0) == 11, "each result has one section: the section facet counts the eleven"


# ---- newsletters ----

def wait_for(fn, what, timeout=30):
    deadline = time.monotonic() + timeout
    while not fn():
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


def test_a_newsletter_gives_each_reader_the_member_in_their_language(srv, families):
    a, b, c = families[0], families[1], families[2]
    lone = srv.query("SELECT id, slug FROM article WHERE site_id = ? AND status = 'published' AND "
                     "audience = 'public' AND " + ALONE + " ORDER BY id LIMIT 1", (SITE,))[0]
    tag = uuid.uuid4().hex[:8]
    readers = {lang: f"{lang}-{tag}@example.org" for lang in ("en", "fr", "nl")}
    now = int(time.time())
    for lang, email in readers.items():
        srv.execute("INSERT INTO subscriber (site_id, email, confirmed_at, created_at, language) "
                    "VALUES (?, ?, ?, ?, ?)", (SITE, email, now, now, "" if lang == "en" else lang))
    srv.execute("INSERT INTO newsletter (site_id, subject, intro, state, send_at, created_at, updated_at) "
                "VALUES (?, ?, 'Hello', 'draft', NULL, ?, ?)", (SITE, f"Families {tag}", now, now))
    nid = srv.query("SELECT max(id) AS id FROM newsletter")[0]["id"]
    # the English original of a, the French member of b, an article of no family, the original of c
    listed = [a["en"][0], b["fr"][0], lone["id"], c["en"][0]]
    for i, art in enumerate(listed):
        srv.execute("INSERT INTO newsletter_article (newsletter_id, article_id, position) VALUES (?, ?, ?)",
                    (nid, art, i))
    # c's Dutch member is a draft for now: a Dutch reader gets c's original
    srv.execute("UPDATE article SET status = 'draft' WHERE id = ?", (c["nl"][0],))
    try:
        srv.execute("UPDATE newsletter SET state = 'scheduled', send_at = ? WHERE id = ?", (now - 1, nid))
        wait_for(lambda: srv.query("SELECT state FROM newsletter WHERE id = ?", (nid,))[0]["state"] == "sent",
                 "the newsletter was not sent")
    finally:
        srv.execute("UPDATE article SET status = 'published' WHERE id = ?", (c["nl"][0],))
    titles = {r["id"]: r["title"] for r in srv.query(
        "SELECT id, title FROM article WHERE id IN (%s)" % ",".join(
            str(f[k][0]) for f in (a, b, c) for k in f))}
    want = {"en": [a["en"], b["en"], c["en"]], "fr": [a["fr"], b["fr"], c["fr"]],
            "nl": [a["nl"], b["nl"], c["en"]]}
    for lang, email in readers.items():
        text = srv.query("SELECT text_body FROM mail_queue WHERE campaign_id = ? AND to_addr = ?",
                         (nid, email))[0]["text_body"]
        prefix = "" if lang == "en" else f"{lang}/"
        # each link ends with the marker that counts a mail's click (test_counting.py)
        for art_id, slug in want[lang]:
            assert titles[art_id] in text, f"{lang}: {titles[art_id]!r} missing"
            member_prefix = "" if art_id in (a["en"][0], b["en"][0], c["en"][0]) else prefix
            assert f"/{member_prefix}article/{slug}?via=mail\n" in text, f"{lang}: the link to {slug}"
        assert f"/article/{lone['slug']}?via=mail\n" in text, "an article of no family is sent as it is"
        others = [f[k] for f in (a, b, c) for k in f if f[k] not in want[lang]]
        for art_id, slug in others:
            assert f"/article/{slug}?via=mail\n" not in text, f"{lang}: {slug} is another language's"
        assert text.count("\n* ") == 4, "four articles, one per family"


def test_a_newsletter_whose_member_is_too_long_for_a_mail_is_not_sent(srv, families):
    # the English original is short, its French member too long for the queue: a French reader would get it
    fam = families[3]
    body = srv.query("SELECT body FROM article WHERE id = ?", (fam["fr"][0],))[0]["body"]
    now = int(time.time())
    srv.execute("INSERT INTO newsletter (site_id, subject, intro, state, send_at, created_at, updated_at) "
                "VALUES (?, 'Long member', '', 'draft', NULL, ?, ?)", (SITE, now, now))
    nid = srv.query("SELECT max(id) AS id FROM newsletter")[0]["id"]
    srv.execute("INSERT INTO newsletter_article (newsletter_id, article_id, position) VALUES (?, ?, 0)",
                (nid, fam["en"][0]))
    srv.execute("UPDATE article SET body = ? WHERE id = ?", ("Des mots longs. " * 160000, fam["fr"][0]))
    try:
        srv.execute("UPDATE newsletter SET state = 'scheduled', send_at = ? WHERE id = ?", (now - 1, nid))
        wait_for(lambda: "newsletter %d is longer than a mail may be" % nid in srv.log(),
                 "the send did not refuse it")
        assert srv.query("SELECT state FROM newsletter WHERE id = ?", (nid,))[0]["state"] == "draft"
        assert srv.query("SELECT count(*) AS n FROM mail_queue WHERE campaign_id = ?", (nid,))[0]["n"] == 0
    finally:
        srv.execute("UPDATE article SET body = ? WHERE id = ?", (body, fam["fr"][0]))


# ---- a translation's video ----

VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nThe trial enrolled nine hundred patients.\n"
TRANSCRIPT = "[0:00] Dr Costa: The trial enrolled nine hundred patients."


def test_a_translation_plays_its_originals_video_with_its_tracks_and_transcript(srv):
    editor = make_staff(srv, "editor", name="Fam Translator")
    src = srv.query("SELECT id, slug FROM article WHERE site_id = ? AND status = 'published' AND audience = "
                    "'public' AND " + ALONE + " AND id NOT IN (SELECT article_id FROM article_video) "
                    "ORDER BY id DESC LIMIT 1", (SITE,))[0]
    aid, now = src["id"], int(time.time())
    srv.execute("UPDATE article SET video_url = 'https://cdn.example.org/families.mp4' WHERE id = ?", (aid,))
    srv.execute("INSERT INTO article_video (article_id, duration_ms, chapters, transcript, transcript_plain, "
                "updated_at) VALUES (?, 125000, ?, ?, ?, ?)",
                (aid, "0:00 Opening\n1:00 Results", TRANSCRIPT, "The trial enrolled nine hundred patients.", now))
    srv.execute("INSERT INTO video_caption (article_id, lang, label, vtt, updated_at) VALUES (?, 'en', 'English', "
                "?, ?)", (aid, VTT, now))
    r = editor.submit(f"/admin/articles/{aid}", f"/admin/articles/{aid}/translate", {"lang": "fr"})
    assert r.status_code == 303, srv.log()[-1500:]
    new_id = int(re.fullmatch(r"/admin/articles/(\d+)\?translated=1", r.headers["location"]).group(1))
    cols = "duration_ms, chapters, transcript, transcript_plain, COALESCE(file_id, 0) AS f, COALESCE(poster_id, 0) AS p"
    video = [tuple(srv.query(f"SELECT {cols} FROM article_video WHERE article_id = ?", (i,))[0]) for i in (aid, new_id)]
    assert video[0] == video[1]
    caps = [[tuple(c) for c in srv.query("SELECT lang, label, vtt FROM video_caption WHERE article_id = ? ORDER BY lang",
                                         (i,))] for i in (aid, new_id)]
    assert caps[0] == caps[1] == [("en", "English", VTT)]
    # the editor says where the transcript's language comes from, on a translation only
    assert "translation-video" in editor.get(f"/admin/articles/{new_id}/video").text
    assert "translation-video" not in editor.get(f"/admin/articles/{aid}/video").text
    # published, its page plays the same video with the same tracks and transcript
    slug = srv.query("SELECT slug FROM article WHERE id = ?", (new_id,))[0]["slug"]
    srv.execute("UPDATE article SET status = 'published', published_at = ? WHERE id = ?", (now - 5, new_id))
    r = requests.get(srv.url(f"/fr/article/{slug}"), timeout=10, allow_redirects=False)
    assert r.status_code == 200
    doc = parse_html(r.text)
    video_el = doc.find("video")
    assert video_el is not None and video_el.find("source").get("src") == "https://cdn.example.org/families.mp4"
    tracks = {t.get("kind"): t.get("src") for t in video_el.find_all("track")}
    assert tracks.get("captions", "").endswith(f"/article/{slug}/captions/en.vtt"), tracks
    assert tracks.get("chapters", "").endswith(f"/article/{slug}/chapters.vtt"), tracks
    assert "The trial enrolled nine hundred patients." in text_of(doc.find("section", id="transcript"))
    vtt = requests.get(srv.url(f"/fr/article/{slug}/captions/en.vtt"), timeout=10)
    assert vtt.status_code == 200 and "nine hundred patients" in vtt.text


def test_the_demos_translations_of_the_first_interview_show_its_transcript(srv, families):
    fam = families[0]  # article 1's: the demo's video interview
    original = srv.query("SELECT transcript FROM article_video WHERE article_id = ?", (fam["en"][0],))[0]["transcript"]
    assert original
    first_line = re.sub(r"^\[[0-9:]+\] [^:]+: ", "", original.split("\n")[0])
    for lang in ("fr", "nl"):
        r = requests.get(srv.url(f"/{lang}/article/{fam[lang][1]}"), timeout=10, allow_redirects=False)
        assert r.status_code == 200
        sec = parse_html(r.text).find("section", id="transcript")
        assert sec is not None, f"{lang}: no transcript"
        assert first_line[:40] in text_of(sec), f"{lang}: not the original's transcript"
