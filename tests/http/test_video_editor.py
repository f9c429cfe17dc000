"""An article's video in the back office and on the page, black-box over HTTP: a library video uploaded in
chunks, chosen for an article with chapters and a transcript; captions added (a broken file refused naming its
line), a transcript made from them; the player, tracks, transcript and VideoObject on the article page; the
YouTube and Vimeo links behind consent; the sitemap's video entries. (test_video.py covers ranges, resumed
uploads and gating for every level; this file covers what the editor does and what the reader then sees.)
"""
import json
import os
import re
import subprocess
import tempfile

import pytest

from conftest import make_demo_database, make_staff, parse_html, run_plenary, start_plenary, text_of

CHUNK = 256 * 1024 // 4 * 3


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-video-editor-") as tmp:
        media_dir = os.path.join(tmp, "media")
        s = start_plenary(tmp, make_demo_database(tmp), {"media_dir": media_dir}, name="video-editor")
        s.media_dir = media_dir
        s.tmp = tmp
        yield s
        rc = s.stop()
        assert rc == 0, f"the server exited with {rc}; log tail:\n{s.log()[-3000:]}"


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Vera Video")


def make_mp4(tmp, seconds=6, name="clip.mp4"):
    path = os.path.join(tmp, name)
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                    "-f", "lavfi", "-i", "sine=frequency=440", "-t", str(seconds), "-c:v", "libx264",
                    "-pix_fmt", "yuv420p", "-c:a", "aac", path], check=True)
    with open(path, "rb") as f:
        return f.read()


def upload_video(editor, data, title="Prof Duhoux meets Prof Ignatiadis", type="video/mp4"):
    token = editor.token("/admin/videos", "/admin/videos")
    r = editor.post("/admin/uploads", data={"name": "interview.mp4", "size": str(len(data)), "type": type,
                                             "alt": title, "credit": "", "form_token": token})
    assert r.status_code == 201, (r.status_code, r.text)
    url = r.json()["url"]
    offset = 0
    while offset < len(data):
        piece = data[offset:offset + CHUNK]
        r = editor.post(url, data=piece, headers={"Content-Type": "application/offset+octet-stream",
                                                 "Upload-Offset": str(offset), "X-Form-Token": token},
                        timeout=60)
        offset += len(piece)
    return r


def public_article(srv):
    row = srv.query("SELECT id, slug FROM article WHERE status = 'published' AND audience = 'public' "
                    "AND published_at <= strftime('%s', 'now') ORDER BY id LIMIT 1")[0]
    return row["id"], row["slug"]


def save_video(editor, article_id, **fields):
    path = f"/admin/articles/{article_id}/video"
    data = {"action": "save", "file_id": "0", "duration": "", "poster_id": "", "chapters": "", "transcript": ""}
    data.update(fields)
    return editor.submit(path, path, data)


def ld_of(html):
    for m in re.finditer(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        ld = json.loads(m.group(1))
        if "headline" in ld:
            return ld
    return None


TRANSCRIPT = ("[0:00] Prof Duhoux: Welcome to this interview about the trial.\n"
              "[0:03] Prof Ignatiadis: Thank you. The zanubrutinib results surprised us.\n")


@pytest.fixture(scope="module")
def uploaded(srv, editor):
    """A 6-second MP4 uploaded into the library in chunks: the uploader's last answer."""
    r = upload_video(editor, make_mp4(srv.tmp))
    assert r.status_code == 200, (r.status_code, r.text)
    return r.json()


def test_an_uploaded_video_plays_on_the_article_with_its_transcript_and_chapters(srv, editor, uploaded):
    done = uploaded
    assert done["done"] is True and done["url"] == f"/admin/videos/{done['video_id']}?uploaded=1"
    row = srv.query("SELECT * FROM video_file WHERE id = ?", (done["video_id"],))[0]
    assert (row["container"], row["video_codec"], row["audio_codec"]) == ("mp4", "h264", "aac")
    assert 5900 <= row["duration_ms"] <= 6100 and row["poster_id"]
    poster = srv.query("SELECT alt, needs_alt FROM media WHERE id = ?", (row["poster_id"],))[0]
    # the poster frame's alt text, said in the site's language when the video arrived (admin.videos.poster_alt)
    assert (poster["alt"], poster["needs_alt"]) == ("A frame of the video Prof Duhoux meets Prof Ignatiadis", 1)
    page = editor.get(f"/admin/videos/{done['video_id']}")
    assert page.status_code == 200 and f"/media/{row['hash']}.mp4" in page.text
    article_id, slug = public_article(srv)
    r = save_video(editor, article_id, file_id=str(done["video_id"]), chapters="0:00 Welcome\n0:03 Results",
                   transcript=TRANSCRIPT)
    assert r.status_code == 303, r.text
    html = srv_get(srv, f"/article/{slug}")
    doc = parse_html(html)
    video = doc.find("video")
    assert video is not None and video.get("poster", "").startswith("/media/")
    source = video.find("source")
    assert source.get("src") == f"/media/{row['hash']}.mp4" and source.get("type") == "video/mp4"
    lines = list(doc.find("section", id="transcript").find_all("li"))
    assert [li.get("data-start") for li in lines] == ["0", "3"]
    assert "zanubrutinib results surprised us" in text_of(lines[1])
    assert text_of(lines[1].find("span", class_="speaker")) == "Prof Ignatiadis"
    assert lines[1].find("a", class_="at").get("href") == f"/media/{row['hash']}.mp4#t=3"
    chapters = [text_of(li) for li in doc.find("nav", class_="chapters").find_all("li")]
    assert chapters == ["0:00 Welcome", "0:03 Results"]
    ld = ld_of(html)["video"]
    assert ld["@type"] == "VideoObject" and ld["duration"] == "PT6S"
    assert ld["contentUrl"].endswith(f"/media/{row['hash']}.mp4")
    assert "zanubrutinib" in ld["transcript"] and ld["thumbnailUrl"].startswith("http")
    chap = srv_get_response(srv, f"/article/{slug}/chapters.vtt")
    assert chap.status_code == 200 and chap.text.startswith("WEBVTT") and "Results" in chap.text


def srv_get_response(srv, path, **kw):
    import requests
    return requests.get(srv.url(path), timeout=10, **kw)


def srv_get(srv, path):
    r = srv_get_response(srv, path)
    assert r.status_code == 200, (path, r.status_code)
    return r.text


def test_a_broken_caption_file_is_refused_with_its_line_and_a_good_one_makes_the_transcript(srv, editor):
    article_id, slug = public_article(srv)
    path = f"/admin/articles/{article_id}/video"
    bad = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHello\n\n00:00:05.000 -> 00:00:06.000\nBroken\n"
    r = editor.submit(path, f"/admin/articles/{article_id}/captions",
                      {"lang": "en", "label": "", "vtt": bad})
    assert r.status_code == 422
    assert "Line 6" in r.text, r.text[-2000:]
    good = ("WEBVTT\n\n00:00:00.000 --> 00:00:02.500\n<v Prof Duhoux>Welcome, everyone.\n\n"
            "00:00:02.500 --> 00:00:05.000\n<v Prof Duhoux>Let us begin &amp; look at the data.\n\n"
            "00:00:05.000 --> 00:00:06.000\n<v Prof Ignatiadis>Gladly.\n")
    r = editor.submit(path, f"/admin/articles/{article_id}/captions", {"lang": "en", "label": "", "vtt": good})
    assert r.status_code == 303, r.text[-2000:]
    vtt = srv_get_response(srv, f"/article/{slug}/captions/en.vtt")
    assert vtt.status_code == 200 and vtt.headers["content-type"].startswith("text/vtt")
    assert "<v Prof Duhoux>Let us begin &amp; look at the data." in vtt.text
    assert srv_get_response(srv, f"/article/{slug}/captions/de.vtt").status_code == 404
    edit = parse_html(editor.get(f"{path}?edit=en").text)
    assert text_of(edit.find("textarea", name="vtt")).startswith("WEBVTT")
    assert edit.find("input", name="lang").get("value") == "en"
    doc = parse_html(srv_get(srv, f"/article/{slug}"))
    track = doc.find("video").find("track", kind="captions")
    assert track is not None and (track.get("srclang"), track.get("label")) == ("en", "English")
    r = editor.submit(path, path, {"action": "from_captions", "from_lang": "en", "file_id": "0",
                                   "duration": "", "poster_id": "", "chapters": "", "transcript": ""})
    assert r.status_code == 200
    area = parse_html(r.text).find("textarea", name="transcript")
    made = text_of(area)
    assert made.startswith("[0:00] Prof Duhoux: Welcome, everyone. Let us begin & look at the data.")
    assert "[0:05] Prof Ignatiadis: Gladly." in made


def test_transcript_and_chapter_errors_name_their_line_and_nothing_is_saved(srv, editor):
    article_id, _ = public_article(srv)
    before = srv.query("SELECT transcript FROM article_video WHERE article_id = ?", (article_id,))
    r = save_video(editor, article_id, transcript="[0:10] A: one\n[0:05] B: two\n")
    assert r.status_code == 422 and "Line 2" in r.text
    r = save_video(editor, article_id, chapters="0:00 Intro\nnot a time\n")
    assert r.status_code == 422 and "Line 2" in r.text
    r = save_video(editor, article_id, duration="twelve minutes")
    assert r.status_code == 422 and "minutes and seconds" in r.text
    r = save_video(editor, article_id, file_id="999999")
    assert r.status_code == 422 and "no such video" in r.text
    after = srv.query("SELECT transcript FROM article_video WHERE article_id = ?", (article_id,))
    assert [dict(x) for x in before] == [dict(x) for x in after]


def test_youtube_and_vimeo_links_wait_for_consent_and_the_sitemap_lists_public_videos(srv, editor):
    rows = srv.query("SELECT id, slug FROM article WHERE status = 'published' AND audience = 'public' "
                     "AND published_at <= strftime('%s', 'now') ORDER BY id LIMIT 3 OFFSET 1")
    (yt_id, yt_slug), (vi_id, vi_slug) = [(r["id"], r["slug"]) for r in rows[:2]]
    srv.execute("UPDATE article SET video_url = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' WHERE id = ?",
                (yt_id,))
    srv.execute("UPDATE article SET video_url = 'https://vimeo.com/76979871' WHERE id = ?", (vi_id,))
    assert save_video(editor, yt_id, duration="12:34", transcript=TRANSCRIPT).status_code == 303
    html = srv_get(srv, f"/article/{vi_slug}")
    assert "<iframe" not in html and "accept embedded videos" in html
    accepted = srv_get_response(srv, f"/article/{vi_slug}", cookies={"plenary_consent": "accepted"})
    if "player.vimeo.com/video/76979871?dnt=1" not in accepted.text:
        pytest.fail("with consent the Vimeo player is embedded (check the consent cookie's name)")
    html = srv_get(srv, f"/article/{yt_slug}")
    doc = parse_html(html)
    at = doc.find("section", id="transcript").find("a", class_="at")
    assert at.get("href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=0s"
    ld = ld_of(html)["video"]
    assert ld["embedUrl"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" and ld["duration"] == "PT12M34S"
    index = srv_get(srv, "/sitemap.xml")
    files = re.findall(r"<loc>[^<]*/(sitemaps/articles-\d+\.xml)</loc>", index)
    body = "".join(srv_get(srv, "/" + f) for f in files)
    assert 'xmlns:video="http://www.google.com/schemas/sitemap-video/1.1"' in body
    assert "<video:player_loc>https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ</video:player_loc>" in body
    assert "<video:duration>754</video:duration>" in body
    assert re.search(r"<video:content_loc>[^<]*/media/[0-9a-f]{32}\.mp4</video:content_loc>", body)


def test_the_static_export_holds_public_library_videos_as_links_to_the_files(srv, editor, uploaded):
    """The crawl leaves /media/*.mp4 out (it would hold the file in memory); the export links each public
    article's library video from media_dir instead (a hard link: no byte is read), again on a second run."""
    article_id, _ = public_article(srv)
    assert save_video(editor, article_id, file_id=str(uploaded["video_id"])).status_code == 303
    rows = srv.query("SELECT f.hash, f.container, f.bytes FROM article_video x JOIN video_file f ON f.id = "
                     "x.file_id JOIN article a ON a.id = x.article_id WHERE a.audience = 'public'")
    assert rows, "the first test chose a library video for a public article"
    out = os.path.join(srv.tmp, "export")
    for _ in range(2):
        p = run_plenary(["export", "--static", out, "--db", srv.db_path, "--config", srv.config_path,
                         "--site", "oncology.localhost"], timeout=120)
        assert p.returncode == 0, p.stdout + p.stderr
    for row in rows:
        name = f"{row['hash']}.{row['container']}"
        exported = os.path.join(out, "media", name)
        assert os.path.getsize(exported) == row["bytes"]
        assert os.stat(exported).st_ino == os.stat(os.path.join(srv.media_dir, name)).st_ino


def test_a_range_of_many_parts_gets_the_whole_file_once(srv, uploaded):
    """h2o answers every part of a Range: thousands of "0-" parts would send the file thousands of times for
    one small request. More than 4 parts are ignored and the file goes once (RFC 9110 allows it)."""
    row = srv.query("SELECT hash, bytes FROM video_file WHERE id = ?", (uploaded["video_id"],))[0]
    path = f"/media/{row['hash']}.mp4"
    r = srv_get_response(srv, path, headers={"Range": "bytes=" + ",".join(["0-"] * 500)})
    assert r.status_code == 200 and len(r.content) == row["bytes"]
    r = srv_get_response(srv, path, headers={"Range": "bytes=0-9,20-29,40-49,60-69"})
    assert r.status_code == 206 and r.headers["content-type"].startswith("multipart/byteranges")
    r = srv_get_response(srv, path, headers={"Range": "bytes=0-9,20-29,40-49,60-69,80-89"})
    assert r.status_code == 200 and len(r.content) == row["bytes"]
