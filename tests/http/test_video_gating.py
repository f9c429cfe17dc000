"""Who gets an interview's transcript (issue 19): for every audience (public, members, hcp, verified_hcp) and
every reader (anonymous, unverified, member, HCP, verified HCP, editor), the transcript on the article page,
its caption and chapter tracks, the caption and chapter files, and the transcript in the page's VideoObject
go exactly to the readers who may read the body; the others find none of its words anywhere in the page,
and the page cache never hands one reader's transcript to another.

The server is this module's own: a demo database, mail by SMTP to aiosmtpd (readers sign up and confirm as
in test_gating.py), media_dir in its temporary folder. An editor uploads one video (made with ffmpeg) and
gives one article of each audience that video, chapters, a transcript and English captions, each with words
of its own that tell whether that article's transcript is on a page.
"""
import os
import tempfile

import pytest

from conftest import (PortConnection, Reader, make_demo_database, make_reader, make_staff, parse_html, raw_get,
                      start_plenary, start_smtp)
from test_video import (FFMPEG, Uploader, add_captions, back_to_page, jsonld_videos, make_mp4, save_video,
                        video_path)

pytestmark = pytest.mark.skipif(FFMPEG is None, reason="the ffmpeg command makes these tests' videos")

LEVELS = ["anonymous", "unverified", "member", "hcp", "verified_hcp", "editor"]
READS = {"anonymous": 0, "unverified": 0, "member": 1, "hcp": 2, "verified_hcp": 3}  # highest audience read
AUDIENCES = ["public", "members", "hcp", "verified_hcp"]
RANK = {a: i for i, a in enumerate(AUDIENCES)}


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-video-gating-") as tmp:
        db_path = make_demo_database(tmp)
        smtp = start_smtp(tmp)
        try:
            s = start_plenary(tmp, db_path, {"smtp_url": f"smtp://127.0.0.1:{smtp.port}",
                                             "outbox": os.path.join(tmp, "outbox"),
                                             "media_dir": os.path.join(tmp, "media")}, name="video-gating-server")
            s.mail = smtp.mailbox
            s.media_dir = os.path.join(tmp, "media")
            yield s
            rc = s.stop()
            assert rc == 0, f"the server exited with {rc} after SIGTERM; log tail:\n{s.log()[-3000:]}"
        finally:
            smtp.stop()


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Gita Gatekeeper")


def words(audience):
    """Made-up words no demo text holds, one set per article: the transcript's, the captions', the chapters'."""
    tag = audience.replace("_", "")
    return {"transcript": f"Zorblax{tag}transcript", "caption": f"Quibbit{tag}caption",
            "chapter": f"Flumph{tag}chapter", "speaker": f"Dr Wexford{tag.capitalize()}"}


@pytest.fixture(scope="module")
def interviews(srv, editor):
    """One visible article per audience with the same library video, chapters, a transcript and captions."""
    data = make_mp4(video_path(srv.tmp), seconds=3, size="320x240", bitrate="1M")
    done = Uploader(editor).upload(data, title="The gated interview")
    out = {}
    for audience in AUDIENCES:
        rows = srv.query("SELECT id, slug FROM article WHERE status = 'published' AND published_at <= "
                         "strftime('%s','now') AND audience = ? AND site_id = (SELECT id FROM site WHERE "
                         "is_default = 1) ORDER BY published_at DESC LIMIT 1", (audience,))
        assert rows, f"the demo has no visible {audience} article"
        a, w = dict(rows[0]), words(audience)
        r = save_video(editor, a["id"], file_id=done["video_id"],
                       chapters=f"0:00 Opening\n0:01 {w['chapter']} results",
                       transcript=(f"[0:00] Interviewer: Welcome.\n[0:01] {w['speaker']}: The {w['transcript']} "
                                   "finding holds.\n[0:02] Interviewer: Thank you."))
        back_to_page(r, a["id"])
        vtt = f"WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nThe {w['caption']} line.\n"
        back_to_page(add_captions(editor, a["id"], "en", "English", vtt), a["id"])
        a["words"] = w
        out[audience] = a
    return out


@pytest.fixture(scope="module")
def readers(srv, editor):
    out = {"anonymous": Reader(srv), "editor": editor}
    for level in ("unverified", "member", "hcp", "verified_hcp"):
        out[level] = make_reader(srv, level)
    return out


def may_read(level, audience, page_doc):
    """Whether this reader may read the article's body: by the level's rule, and for the editor by what the
    page shows (staff read the public site as the reader their profile makes them)."""
    if level == "editor":
        return page_doc.find("div", class_="article-body") is not None
    allowed = RANK[audience] <= READS[level]
    assert (page_doc.find("div", class_="article-body") is not None) == allowed, \
        f"{level} on a {audience} article: the body itself is {'missing' if allowed else 'shown'}"
    return allowed


def leaked(html, w):
    return [k for k in ("transcript", "caption", "chapter", "speaker") if w[k] in html]


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_transcript_and_tracks_go_to_readers_of_the_body_only(srv, interviews, readers, audience, level):
    a, reader = interviews[audience], readers[level]
    w = a["words"]
    r = reader.get(f"/article/{a['slug']}")
    assert r.status_code == 200, r.status_code
    doc = parse_html(r.text)
    allowed = may_read(level, audience, doc)
    video = doc.find("video")
    tracks = list(doc.find_all("track"))
    section = doc.find("section", id="transcript")
    if allowed:
        assert section is not None, f"{level} may read the {audience} article but gets no transcript"
        assert w["transcript"] in section.text() and w["speaker"] in section.text()
        assert video is not None and {t.get("kind") for t in tracks} == {"captions", "chapters"}, \
            [t.attrs for t in tracks]
        vids = jsonld_videos(r.text)
        assert len(vids) == 1 and w["transcript"] in vids[0].get("transcript", ""), vids
    else:
        assert section is None, f"{level} may not read the {audience} article but gets its transcript"
        assert not tracks, f"{level} on a {audience} article gets tracks: {[t.attrs for t in tracks]}"
        assert not leaked(r.text, w), f"{level} on a {audience} article: the page holds {leaked(r.text, w)}"
        for v in jsonld_videos(r.text):
            assert "transcript" not in v, f"{level} on a {audience} article: the VideoObject has a transcript"


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_caption_and_chapter_files_follow_the_body(srv, interviews, readers, audience, level):
    a, reader = interviews[audience], readers[level]
    w = a["words"]
    allowed = may_read(level, audience, parse_html(reader.get(f"/article/{a['slug']}").text))
    for path, word in ((f"/article/{a['slug']}/captions/en.vtt", w["caption"]),
                       (f"/article/{a['slug']}/chapters.vtt", w["chapter"])):
        r = reader.get(path)
        if allowed:
            assert r.status_code == 200, f"{level}, {audience}: {path} answers {r.status_code}"
            assert r.headers["content-type"].startswith("text/vtt") and r.text.startswith("WEBVTT")
            assert word in r.text
            if audience != "public":
                assert "public" not in r.headers.get("cache-control", ""), \
                    f"{path} of a {audience} article may be kept by shared caches: {r.headers.get('cache-control')}"
        else:
            assert r.status_code == 403, f"{level}, {audience}: {path} answers {r.status_code}, not 403"
            assert not leaked(r.text, w), f"{level}, {audience}: the 403 of {path} holds {leaked(r.text, w)}"
    unknown = reader.get(f"/article/{a['slug']}/captions/es.vtt")
    if allowed:
        assert unknown.status_code == 404, f"{level}, {audience}: an unknown language answers {unknown.status_code}"
    else:
        assert unknown.status_code in (403, 404) and not leaked(unknown.text, w)


def fetch(conn, srv, path, cookie=None):
    conn.send(raw_get(srv, path, cookie))
    resp = conn.response()
    assert resp is not None and resp.status == 200, f"{path}: {resp and resp.status}"
    return resp.body.decode("utf-8")


@pytest.mark.parametrize("audience", ["hcp", "verified_hcp"])
def test_the_page_cache_never_hands_a_transcript_to_a_reader_who_may_not_read_it(srv, interviews, readers, audience):
    a = interviews[audience]
    w, path = a["words"], f"/article/{a['slug']}"
    privileged = readers["verified_hcp"]
    for rnd in range(3):
        conn = PortConnection(srv.port)  # one keep-alive connection: one worker and its cache
        try:
            assert w["transcript"] in fetch(conn, srv, path, privileged.cookie), f"round {rnd}: no transcript"
            for level in ("anonymous", "member", "hcp" if audience == "verified_hcp" else "unverified"):
                html = fetch(conn, srv, path, readers[level].cookie if level != "anonymous" else None)
                assert not leaked(html, w), f"round {rnd}: {level} got {leaked(html, w)} from the cache"
            assert w["transcript"] in fetch(conn, srv, path, privileged.cookie)
        finally:
            conn.close()
        for _ in range(2):  # fresh connections, landing on either worker
            conn = PortConnection(srv.port)
            try:
                assert not leaked(fetch(conn, srv, path), w)
            finally:
                conn.close()
