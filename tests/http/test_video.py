"""Video interviews (issue 19), black-box over HTTP: a video sent through the chunked uploader (resumed after a
dropped connection, probed, a poster frame taken, the same bytes leading to the video there is; a file that
is not a video, an HEVC file and one over video_max_mb refused with their reasons), the file served back with
byte ranges (python requests and the curl command), the article's video editor (chapters, transcript and
their line-numbered errors), captions (WebVTT checked line by line, turned into a transcript), what the
public article page, its JSON-LD and the sitemap say of the video.

The server is one of this module's own (media_dir in its temporary folder, video_max_mb 40); the videos are
made here with the ffmpeg command (testsrc2 and a sine tone), each with a comment of its own so that no two
tests share bytes by accident. Who may read the transcript and the caption files: test_video_gating.py.
"""
import hashlib
import io
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
import xml.etree.ElementTree as ET

import pytest
import requests
from PIL import Image

from conftest import Reader, make_demo_database, make_staff, parse_html, run_plenary, start_plenary, text_of

MIB = 1024 * 1024
VIDEO_MAX_MB = 40
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
VIDEO_NS = "http://www.google.com/schemas/sitemap-video/1.1"
V = "{" + VIDEO_NS + "}"
CACHE_FOREVER = "public, max-age=31536000, immutable"

FFMPEG = shutil.which("ffmpeg")
pytestmark = pytest.mark.skipif(FFMPEG is None, reason="the ffmpeg command makes these tests' videos")


# ---- videos made with ffmpeg -----------------------------------------------------------------------------------

def ffmpeg(out, *args):
    p = subprocess.run([FFMPEG, "-hide_banner", "-loglevel", "error", "-nostdin", "-y", *args,
                        "-metadata", f"comment={uuid.uuid4().hex}", out], capture_output=True, text=True, timeout=180)
    assert p.returncode == 0, f"ffmpeg could not make {out}: {p.stderr[-2000:]}"
    with open(out, "rb") as f:
        return f.read()


def sources(seconds, size, audio=True):
    out = ["-f", "lavfi", "-i", f"testsrc2=size={size}:rate=25:duration={seconds}"]
    if audio:
        out += ["-f", "lavfi", "-i", f"sine=frequency=440:sample_rate=48000:duration={seconds}"]
    return out


def make_mp4(path, seconds=4, size="640x360", bitrate="4M", codec="h264"):
    """H.264 (8-bit 4:2:0) and AAC in MP4, moov first: what every browser plays. codec="hevc" for H.265."""
    video = (["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"] if codec == "h264" else
             ["-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-tag:v", "hvc1",
              "-x265-params", "log-level=error"])
    return ffmpeg(path, *sources(seconds, size), *video, "-b:v", bitrate, "-maxrate", bitrate, "-bufsize", bitrate,
                  "-c:a", "aac", "-b:a", "64k", "-shortest", "-movflags", "+faststart")


def make_webm(path, seconds=3, size="320x240"):
    return ffmpeg(path, *sources(seconds, size), "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8",
                  "-b:v", "800k", "-c:a", "libopus", "-b:a", "48k", "-shortest")


@pytest.fixture(scope="module")
def tmpdir_():
    with tempfile.TemporaryDirectory(prefix="plenary-video-") as tmp:
        yield tmp


@pytest.fixture(scope="module")
def srv(tmpdir_):
    media_dir = os.path.join(tmpdir_, "media")
    s = start_plenary(tmpdir_, make_demo_database(tmpdir_), {"media_dir": media_dir, "video_max_mb": VIDEO_MAX_MB},
                      name="video-server")
    s.media_dir = media_dir
    yield s
    rc = s.stop()
    assert rc == 0, f"the video server exited with {rc}; log tail:\n{s.log()[-3000:]}"


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Vera Video")


def video_path(tmp, ext="mp4"):
    return os.path.join(tmp, f"{uuid.uuid4().hex}.{ext}")


# ---- the uploader, as admin.js drives it ------------------------------------------------------------------------

class Uploader:
    def __init__(self, staff):
        self.staff = staff
        self.token = staff.token("/admin/media")

    def start(self, size, name="interview.mp4", type="video/mp4", title="An interview at the congress", credit=""):
        data = {"name": name, "size": str(size), "type": type, "alt": title, "credit": credit,
                "form_token": self.token}
        return self.staff.post("/admin/uploads", data=data)

    def started(self, data, **kw):
        r = self.start(len(data), **kw)
        assert r.status_code == 201, (r.status_code, r.text)
        j = r.json()
        assert j["url"] == f"/admin/uploads/{j['id']}" and j["offset"] == 0 and j["chunk_size"] > 0
        return j

    def chunk(self, url, offset, data):
        return self.staff.post(url, data=data, timeout=120, headers={
            "Content-Type": "application/offset+octet-stream", "Upload-Offset": str(offset),
            "X-Form-Token": self.token})

    def send(self, j, data, offset=0, until=None):
        """Sends data[offset:until] in chunks of the size the server asked for; returns the last answer."""
        until = len(data) if until is None else until
        r = None
        while offset < until:
            piece = data[offset:min(offset + j["chunk_size"], until)]
            r = self.chunk(j["url"], offset, piece)
            if offset + len(piece) < len(data):
                assert r.status_code == 200, (offset, r.status_code, r.text)
                assert r.json()["offset"] == offset + len(piece)
            offset += len(piece)
        return r

    def upload(self, data, **kw):
        """The whole file; returns the final answer's JSON (status 200 checked)."""
        r = self.send(self.started(data, **kw), data)
        assert r.status_code == 200, (r.status_code, r.text)
        return r.json()


def drop_mid_chunk(srv, staff, token, path, offset, data, sent):
    """A chunk's headers and `sent` bytes of its body, then the connection closes: a dropped connection."""
    head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{srv.port}\r\n"
            f"Cookie: plenary_session={staff.cookie}\r\nX-Form-Token: {token}\r\n"
            f"Content-Type: application/offset+octet-stream\r\nUpload-Offset: {offset}\r\n"
            f"Content-Length: {len(data)}\r\n\r\n").encode()
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=5)
    s.sendall(head + data[:sent])
    time.sleep(0.2)
    s.close()


def media_name(data, ext="mp4"):
    return f"{hashlib.sha256(data).hexdigest()[:32]}.{ext}"


def video_page(staff, video_id):
    r = staff.get(f"/admin/videos/{video_id}")
    assert r.status_code == 200, f"/admin/videos/{video_id}: {r.status_code}"
    return r


def file_url_on(html, ext="mp4"):
    found = set(re.findall(r"/media/[0-9a-f]{32}\." + ext + r"\b", html))
    assert len(found) == 1, f"the video's page names {len(found)} .{ext} files: {sorted(found)}"
    return found.pop()


def poster_src(html):
    """The poster frame shown on a library video's page: an image of the media library (an <img>, or the
    player's poster)."""
    doc = parse_html(html)
    srcs = [i.get("src") for i in doc.find_all("img")] + [v.get("poster") for v in doc.find_all("video")]
    found = [s for s in srcs if re.match(r"^/media/[0-9a-f]{32}-\d+\.(jpg|png|webp)$", s or "")]
    assert found, "the video's page shows no poster frame from the media library"
    return found[0]


def shown_title(html):
    """The title as a library video's page shows it: its heading, or the field that renames it."""
    doc = parse_html(html)
    field = doc.find("input", name="title")
    return text_of(doc.find("main") or doc) + " " + (field.get("value") if field is not None else "")


# ---- 1. the upload --------------------------------------------------------------------------------------------

def test_a_dropped_video_upload_resumes_and_the_file_comes_back_byte_for_byte(srv, editor, tmpdir_):
    data = make_mp4(video_path(tmpdir_), seconds=4)
    up = Uploader(editor)
    j = up.started(data, name="Interview ESMO 2026.mp4", title="Dr Ana Costa on the KEYNOTE trial")
    assert len(data) > 6 * j["chunk_size"], f"{len(data)} bytes make too few chunks of {j['chunk_size']}"
    third = 3 * j["chunk_size"]
    up.send(j, data, until=third)
    # the next chunk's connection drops part of the way: none of it counts
    drop_mid_chunk(srv, editor, up.token, j["url"], third, data[third:third + j["chunk_size"]], 5000)
    # and the uploader stops sending for a while (a laptop closed): the server still says where it stands
    st = editor.get(j["url"])
    assert st.status_code == 200 and st.json()["offset"] == third, (st.status_code, st.text)
    assert st.json()["size"] == len(data)
    r = up.send(j, data, offset=st.json()["offset"])
    assert r.status_code == 200, (r.status_code, r.text)
    done = r.json()
    assert done["done"] is True and done["duplicate"] is False, done
    vid = done["video_id"]
    assert isinstance(vid, int) and vid > 0
    assert done["url"] == f"/admin/videos/{vid}?uploaded=1"
    page = video_page(editor, vid)
    text = text_of(parse_html(page.text))
    assert "Dr Ana Costa on the KEYNOTE trial" in shown_title(page.text)
    assert "0:04" in text, "the page does not give the duration (0:04)"
    assert re.search(r"H\.?264", text, re.I) and re.search(r"AAC", text, re.I), "the page does not name the codecs"
    assert re.search(r"\b\d+(\.\d+)? MB\b", text), "the page does not give the file's size"
    # the file: named by the hash of its bytes, the same bytes back
    path = file_url_on(page.text)
    assert path == "/media/" + media_name(data)
    got = requests.get(srv.url(path), timeout=30)
    assert got.status_code == 200 and got.headers["content-type"] == "video/mp4"
    assert got.content == data, "the file served is not the file sent"
    # its poster frame is an image of the media library
    poster = requests.get(srv.url(poster_src(page.text)), timeout=10)
    assert poster.status_code == 200 and poster.headers["content-type"].startswith("image/")
    im = Image.open(io.BytesIO(poster.content))
    assert im.size[0] > 0 and im.size[1] > 0
    assert srv.query("SELECT count(*) FROM media WHERE id = (SELECT poster_id FROM video_file WHERE id = ?)",
                     (vid,))[0][0] == 1
    # the library lists it
    lib = editor.get("/admin/videos")
    assert lib.status_code == 200
    assert parse_html(lib.text).find("a", href=f"/admin/videos/{vid}") is not None, "the library does not link it"
    assert "Dr Ana Costa on the KEYNOTE trial" in lib.text


def test_the_same_video_again_leads_to_the_one_there_is(srv, editor, tmpdir_):
    data = make_mp4(video_path(tmpdir_), seconds=2, size="320x240", bitrate="1M")
    up = Uploader(editor)
    first = up.upload(data)
    rows = srv.query("SELECT count(*) FROM video_file")[0][0]
    second = up.upload(data, title="The same file under another title")
    assert second["done"] is True and second["duplicate"] is True, second
    assert second["video_id"] == first["video_id"]
    assert srv.query("SELECT count(*) FROM video_file")[0][0] == rows


def test_a_webm_video_is_taken_and_served_as_webm(srv, editor, tmpdir_):
    data = make_webm(video_path(tmpdir_, "webm"))
    done = Uploader(editor).upload(data, name="talk.webm", type="video/webm", title="A talk in WebM")
    assert done["done"] is True and not done["duplicate"]
    path = file_url_on(video_page(editor, done["video_id"]).text, "webm")
    assert path == "/media/" + media_name(data, "webm")
    got = requests.get(srv.url(path), timeout=30)
    assert got.status_code == 200 and got.headers["content-type"] == "video/webm" and got.content == data


def refused_at_the_end(srv, editor, data, **kw):
    """Uploads data whole; returns the last answer, which must refuse it (415 or 422) with an error."""
    before = srv.query("SELECT count(*) FROM video_file")[0][0]
    up = Uploader(editor)
    j = up.started(data, **kw)
    r = up.send(j, data)
    assert r.status_code in (415, 422), (r.status_code, r.text)
    assert r.json().get("error"), r.text
    assert srv.query("SELECT count(*) FROM video_file")[0][0] == before
    assert j["id"] not in os.listdir(os.path.join(srv.media_dir, "uploads")), "the refused file is left on disk"
    return r


def test_bytes_that_are_not_a_video_are_refused_with_the_reason(srv, editor):
    data = b"%PDF-1.7\n" + os.urandom(400 * 1024)  # named and typed as an MP4; its bytes say otherwise
    r = refused_at_the_end(srv, editor, data, name="slides.mp4")
    assert re.search(r"MP4|WebM|video", r.json()["error"]), r.json()["error"]


def test_an_hevc_video_is_refused_and_the_error_names_hevc(srv, editor, tmpdir_):
    data = make_mp4(video_path(tmpdir_), seconds=2, size="320x240", bitrate="500k", codec="hevc")
    r = refused_at_the_end(srv, editor, data, name="iphone.mp4")
    assert re.search(r"HEVC|H\.?265", r.json()["error"], re.I), r.json()["error"]


def test_a_video_over_video_max_mb_is_413_before_anything_starts_and_images_keep_their_limit(srv, editor):
    up = Uploader(editor)
    rows = srv.query("SELECT count(*) FROM media_upload")[0][0]
    r = up.start(VIDEO_MAX_MB * MIB + 1)
    assert r.status_code == 413, (r.status_code, r.text)
    assert f"{VIDEO_MAX_MB} MB" in r.text, r.text
    assert srv.query("SELECT count(*) FROM media_upload")[0][0] == rows
    # a video over upload_max_mb (16) but under video_max_mb starts; an image of that size does not
    r = up.start(20 * MIB)
    assert r.status_code == 201, (r.status_code, r.text)
    assert editor.post(f"{r.json()['url']}/cancel", headers={"X-Form-Token": up.token}).status_code == 200
    r = up.start(20 * MIB, name="big.png", type="image/png")
    assert r.status_code == 413 and "16 MB" in r.text, (r.status_code, r.text)


def test_video_max_mb_is_a_setting_of_2048_by_default():
    p = run_plenary(["--help"])
    assert p.returncode == 0
    out = p.stdout + p.stderr
    assert re.search(r"^video_max_mb = 2048$", out, re.M), "plenary --help gives no video_max_mb = 2048"
    assert re.search(r"^upload_max_mb = 16$", out, re.M)


def test_a_video_without_a_title_is_refused_before_it_starts(srv, editor):
    r = Uploader(editor).start(1000, title="   ")
    assert r.status_code == 422, (r.status_code, r.text)
    assert r.json().get("error")


# ---- 2. byte ranges ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def served(srv, editor, tmpdir_):
    """A library video: (its bytes, its /media/ path)."""
    data = make_mp4(video_path(tmpdir_), seconds=3, size="320x240", bitrate="2M")
    done = Uploader(editor).upload(data, title="Ranges")
    path = file_url_on(video_page(editor, done["video_id"]).text)
    assert path == "/media/" + media_name(data)
    return data, path, done["video_id"]


def ranged(srv, path, value, method="GET", **headers):
    h = {"Range": value} if value else {}
    h.update(headers)
    return requests.request(method, srv.url(path), headers=h, timeout=30, allow_redirects=False)


def test_the_whole_file_says_it_takes_ranges_and_is_cached_for_a_year(srv, served):
    data, path, _ = served
    r = ranged(srv, path, None)
    assert r.status_code == 200 and r.content == data
    assert r.headers["accept-ranges"] == "bytes"
    assert r.headers["content-length"] == str(len(data))
    assert r.headers["cache-control"] == CACHE_FOREVER
    assert r.headers["etag"] == '"%s"' % path[len("/media/"):-len(".mp4")]
    assert r.headers.get("last-modified")
    assert "set-cookie" not in r.headers


def test_one_range_is_206_with_content_range(srv, served):
    data, path, _ = served
    n = len(data)
    for value, start, end in (("bytes=0-99", 0, 99), ("bytes=1000-1999", 1000, 1999), ("bytes=-500", n - 500, n - 1),
                              (f"bytes={n - 10}-", n - 10, n - 1), (f"bytes={n - 1}-{n + 1000}", n - 1, n - 1),
                              ("bytes=0-", 0, n - 1)):
        r = ranged(srv, path, value)
        assert r.status_code == 206, (value, r.status_code)
        assert r.headers["content-range"] == f"bytes {start}-{end}/{n}", (value, r.headers["content-range"])
        assert r.headers["content-length"] == str(end - start + 1)
        assert r.content == data[start:end + 1], value
        assert r.headers["cache-control"] == CACHE_FOREVER and "set-cookie" not in r.headers


def test_a_range_past_the_end_is_416_with_the_size(srv, served):
    data, path, _ = served
    for value in (f"bytes={len(data)}-", f"bytes={len(data) + 5}-{len(data) + 10}"):
        r = ranged(srv, path, value)
        assert r.status_code == 416, (value, r.status_code)
        assert r.headers["content-range"] == f"bytes */{len(data)}"


def multipart_parts(r):
    m = re.match(r'multipart/byteranges;\s*boundary="?([^";]+)"?', r.headers["content-type"])
    assert m, r.headers["content-type"]
    boundary = b"--" + m.group(1).encode()
    parts = []
    for chunk in r.content.split(boundary)[1:]:
        if chunk.startswith(b"--"):
            break
        head, _, body = chunk.lstrip(b"\r\n").partition(b"\r\n\r\n")
        headers = dict(line.split(": ", 1) for line in head.decode("latin-1").split("\r\n") if line)
        headers = {k.lower(): v for k, v in headers.items()}
        parts.append((headers, body[:-2] if body.endswith(b"\r\n") else body))
    return parts


def test_several_ranges_are_one_multipart_answer(srv, served):
    data, path, _ = served
    r = ranged(srv, path, "bytes=0-9,2000-2099,-7")
    assert r.status_code == 206, r.status_code
    parts = multipart_parts(r)
    n = len(data)
    want = [(0, 9), (2000, 2099), (n - 7, n - 1)]
    assert len(parts) == len(want), f"{len(parts)} parts"
    for (headers, body), (a, b) in zip(parts, want):
        assert headers["content-range"] == f"bytes {a}-{b}/{n}"
        assert headers["content-type"] == "video/mp4"
        assert body == data[a:b + 1]


def test_if_range_with_the_etag_or_the_date_keeps_the_range_else_the_whole_file(srv, served):
    data, path, _ = served
    whole = ranged(srv, path, None)
    etag, date = whole.headers["etag"], whole.headers["last-modified"]
    for validator in (etag, date):
        r = ranged(srv, path, "bytes=10-19", **{"If-Range": validator})
        assert r.status_code == 206 and r.content == data[10:20], validator
    for validator in ('"0123456789abcdef0123456789abcdef"', 'W/' + etag, "Mon, 01 Jan 2001 00:00:00 GMT", "junk"):
        r = ranged(srv, path, "bytes=10-19", **{"If-Range": validator})
        assert r.status_code == 200 and r.content == data, (validator, r.status_code)


def test_head_and_if_none_match(srv, served):
    data, path, _ = served
    h = ranged(srv, path, None, method="HEAD")
    assert h.status_code == 200 and h.content == b""
    assert h.headers["content-length"] == str(len(data)) and h.headers["accept-ranges"] == "bytes"
    r = ranged(srv, path, None, **{"If-None-Match": h.headers["etag"]})
    assert r.status_code == 304 and r.content == b""
    assert "set-cookie" not in r.headers
    r = ranged(srv, path, None, **{"If-None-Match": '"ffffffffffffffffffffffffffffffff"'})
    assert r.status_code == 200 and r.content == data


def test_a_signed_in_request_gets_no_cookie_with_the_file(srv, served, editor):
    data, path, _ = served
    r = editor.get(path, headers={"Range": "bytes=0-99"})
    assert r.status_code == 206 and r.content == data[:100]
    assert "set-cookie" not in r.headers and r.headers["cache-control"] == CACHE_FOREVER


def test_unknown_or_malformed_video_names_are_404(srv, served):
    _, path, _ = served
    for bad in ("/media/" + "0" * 32 + ".mp4", path[:-4] + ".mkv", path[:-4] + ".MP4", path.replace(".mp4", "x.mp4"),
                "/media/" + "g" * 32 + ".mp4", "/media/../demo.mp4"):
        assert ranged(srv, bad, "bytes=0-9").status_code == 404, bad


def curl(srv, *args):
    """The curl command: (status, headers in lower case, body) of its answer."""
    with tempfile.TemporaryDirectory(dir=srv.tmp) as d:
        head, body = os.path.join(d, "head"), os.path.join(d, "body")
        p = subprocess.run(["curl", "-s", "-S", "--max-time", "20", "-D", head, "-o", body, *args],
                           capture_output=True, timeout=30)
        assert p.returncode == 0, p.stderr
        with open(head, encoding="latin-1", newline="") as f:
            lines = f.read().strip().split("\r\n")
        with open(body, "rb") as f:
            data = f.read()
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, v in (x.split(":", 1) for x in lines[1:] if ":" in x)}
    return status, headers, data


@pytest.mark.skipif(shutil.which("curl") is None, reason="the curl command")
def test_curl_gets_ranges_as_the_issue_asks(srv, served):
    data, path, _ = served
    u, n = srv.url(path), len(data)
    status, h, body = curl(srv, "-r", "0-99", u)
    assert (status, h["content-range"], body) == (206, f"bytes 0-99/{n}", data[:100])
    status, h, body = curl(srv, "-r", "-100", u)
    assert (status, h["content-range"], body) == (206, f"bytes {n - 100}-{n - 1}/{n}", data[-100:])
    status, h, body = curl(srv, "-r", f"{n - 50}-", u)
    assert (status, body) == (206, data[-50:])
    status, h, _ = curl(srv, "-r", f"{n}-", u)
    assert status == 416 and h["content-range"] == f"bytes */{n}"
    status, h, body = curl(srv, "-I", u)
    assert status == 200 and h["content-length"] == str(n) and h["accept-ranges"] == "bytes"
    # curl resuming a download (-C -) from a partial file ends with the whole file
    part = os.path.join(srv.tmp, "partial.mp4")
    with open(part, "wb") as f:
        f.write(data[:n // 3])
    p = subprocess.run(["curl", "-s", "-S", "-C", "-", "-o", part, u], capture_output=True, timeout=30)
    assert p.returncode == 0, p.stderr
    with open(part, "rb") as f:
        assert f.read() == data


# ---- 3. the article's video editor, captions, transcript --------------------------------------------------------

def article_of(srv, audience="public", video_url=None):
    """A visible article of the default site with this audience and no video record yet."""
    where = "AND a.video_url <> ''" if video_url else ""
    rows = srv.query("SELECT a.id, a.slug, a.title, a.summary, a.video_url FROM article a WHERE a.status = 'published' "
                     "AND a.published_at <= strftime('%s','now') AND a.audience = ? AND a.site_id = "
                     "(SELECT id FROM site WHERE is_default = 1) AND a.id NOT IN (SELECT article_id FROM article_video) "
                     f"{where} ORDER BY a.published_at DESC", (audience,))
    assert rows, f"the demo has no free {audience} article"
    return rows[0]


def editor_page(staff, aid):
    return f"/admin/articles/{aid}/video"


def save_video(staff, aid, **fields):
    page = editor_page(staff, aid)
    data = {"action": "save", "file_id": "0", "duration": "", "poster_id": "0", "chapters": "", "transcript": "",
            **{k: str(v) for k, v in fields.items()}}
    return staff.post(page, data={"form_token": staff.token(page), **data})


def add_captions(staff, aid, lang, label, vtt, as_file=True):
    page = editor_page(staff, aid)
    data = {"form_token": staff.token(page), "lang": lang, "label": label}
    if as_file:
        return staff.post(f"/admin/articles/{aid}/captions", data=data,
                          files={"file": (f"{lang}.vtt", vtt.encode(), "text/vtt")})
    return staff.post(f"/admin/articles/{aid}/captions", data=data, files={"vtt": (None, vtt)})


def back_to_page(r, aid):
    assert r.status_code == 303, (r.status_code, r.text[:2000])
    assert r.headers["location"].split("?")[0] == f"/admin/articles/{aid}/video", r.headers["location"]


def error_text(r):
    assert r.status_code == 422, (r.status_code, r.text[:1000])
    return text_of(parse_html(r.text))


CHAPTERS = "0:00 Welcome\n0:01 The trial's design\n0:02 What it means for practice"
TRANSCRIPT = ("[0:00] Interviewer: Welcome to the congress.\n"
              "[0:01] Dr Costa: The trial enrolled nine hundred patients.\n"
              "[0:02] Dr Costa: Survival improved by a third.")
GOOD_VTT = """WEBVTT

00:00:00.000 --> 00:00:01.000
Welcome to the congress.

00:00:01.000 --> 00:00:02.500
The trial enrolled nine hundred patients.

00:00:02.500 --> 00:00:03.000
Survival improved by a third.
"""


def test_the_editor_page_offers_the_library_videos(srv, editor, served):
    a = article_of(srv)
    r = editor.get(editor_page(editor, a["id"]))
    assert r.status_code == 200, r.status_code
    doc = parse_html(r.text)
    field = doc.find(name="file_id")
    assert field is not None, "no file_id field"
    if field.tag == "select":
        assert str(served[2]) in [o.get("value") for o in field.find_all("option")], "the library video is not offered"
    for name in ("chapters", "transcript", "poster_id"):
        assert doc.find(name=name) is not None, f"no {name} field"
    # staff only
    assert Reader(srv).get(editor_page(editor, a["id"])).status_code in (303, 403)


def test_chapters_and_transcript_errors_name_their_line(srv, editor, served):
    a = article_of(srv)
    fid = served[2]
    text = error_text(save_video(editor, a["id"], file_id=fid, chapters="0:00 Start\n0:01 Middle\nlater The end"))
    assert "Line 3" in text, text[:500]
    text = error_text(save_video(editor, a["id"], file_id=fid,
                                 transcript="[0:00] A: one\n[0:01] B: two\n[0:0x] C: three\n[0:02] D: four"))
    assert "Line 3" in text, text[:500]
    text = error_text(save_video(editor, a["id"], file_id=fid, transcript="[0:05] A: one\n[0:02] B: two"))
    assert "Line 2" in text, text[:500]  # times go forward
    # the editor's text is kept on the page it gets back
    r = save_video(editor, a["id"], file_id=fid, chapters="0:00 Start\n0:01 Middle\nlater The end")
    assert "later The end" in r.text
    assert srv.query("SELECT count(*) FROM article_video WHERE article_id = ?", (a["id"],))[0][0] == 0
    # a file that is not in the library
    r = save_video(editor, a["id"], file_id=999999)
    assert r.status_code == 422, r.status_code


BAD_VTTS = [
    ("no header", "00:00:00.000 --> 00:00:01.000\nHello\n", 1),
    ("a bad timing line", "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHello\n\n00:00:01.000 --> 00:00:0x.000\nAgain\n", 6),
    ("end before start", "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHello\n\n00:00:05.000 --> 00:00:04.000\nBack\n", 6),
    ("minutes past 59", "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHello\n\n00:61:00.000 --> 00:62:00.000\nX\n", 6),
]


def captions_of(srv, aid):
    return {r["lang"]: r["vtt"] for r in srv.query("SELECT lang, vtt FROM video_caption WHERE article_id = ?", (aid,))}


@pytest.mark.parametrize("what,vtt,line", BAD_VTTS, ids=[b[0] for b in BAD_VTTS])
def test_a_bad_caption_file_is_refused_naming_the_line(srv, editor, interview, what, vtt, line):
    a, _ = interview
    before = captions_of(srv, a["id"])
    for lang in ("de", "en"):  # a new language, and one replacing the good captions there are
        text = error_text(add_captions(editor, a["id"], lang, "Deutsch" if lang == "de" else "English", vtt))
        assert f"Line {line}" in text, f"{what}: {text[:600]}"
        assert captions_of(srv, a["id"]) == before


def test_caption_languages_and_labels_are_checked(srv, editor, interview):
    a, _ = interview
    before = captions_of(srv, a["id"])
    for lang, label in (("", "English"), ("english language", "English"), ("ja", ""), ("<b>", "X"), ("e", "E"),
                        ("de/../en", "X")):
        r = add_captions(editor, a["id"], lang, label, GOOD_VTT)
        assert r.status_code == 422, (lang, label, r.status_code)
    try:  # over max_body_kb: the server may answer 413 and close before the whole body is sent
        r = add_captions(editor, a["id"], "de", "Deutsch", "WEBVTT\n\n" + "x" * 3 * MIB)
        assert r.status_code in (413, 422), r.status_code
    except requests.ConnectionError:
        assert requests.get(srv.url("/healthz"), timeout=5).status_code == 200
    assert captions_of(srv, a["id"]) == before


@pytest.fixture(scope="module")
def interview(srv, editor, served):
    """A public article playing the library video, with chapters, a transcript and English and French
    captions; as (article row, video id)."""
    a = article_of(srv, "public")
    back_to_page(save_video(editor, a["id"], file_id=served[2], chapters=CHAPTERS, transcript=TRANSCRIPT), a["id"])
    back_to_page(add_captions(editor, a["id"], "en", "English", GOOD_VTT), a["id"])
    back_to_page(add_captions(editor, a["id"], "pt-BR", "Português (Brasil)",
                              GOOD_VTT.replace("Welcome", "Bem-vindos"), as_file=False), a["id"])
    return a, served[2]


def jsonld_videos(html):
    """Every VideoObject in the page's JSON-LD, nested or not."""
    out = []

    def walk(x):
        if isinstance(x, dict):
            t = x.get("@type")
            if t == "VideoObject" or (isinstance(t, list) and "VideoObject" in t):
                out.append(x)
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    for s in parse_html(html).find_all("script", type="application/ld+json"):
        walk(json.loads(s.text()))
    return out


def iso_seconds(d):
    m = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?", d or "")
    assert m and d != "PT", f"not an ISO 8601 duration: {d!r}"
    return int(m.group(1) or 0) * 3600 + int(m.group(2) or 0) * 60 + float(m.group(3) or 0)


def test_the_public_page_plays_the_video_with_its_tracks_and_transcript(srv, interview, served):
    a, _ = interview
    data, path, _ = served
    r = Reader(srv).get(f"/article/{a['slug']}")
    assert r.status_code == 200
    doc = parse_html(r.text)
    video = doc.find("video")
    assert video is not None, "no <video>"
    assert "controls" in video.attrs and video.get("preload") == "metadata"
    src = video.find("source")
    assert src is not None and src.get("src") == path and src.get("type") == "video/mp4"
    assert re.match(r"^/media/[0-9a-f]{32}-\d+\.(jpg|png|webp)$", video.get("poster") or ""), video.get("poster")
    tracks = {t.get("srclang"): t for t in video.find_all("track") if t.get("kind") == "captions"}
    en = tracks.get("en")
    assert en is not None and en.get("kind") == "captions" and en.get("label") == "English"
    assert en.get("src") == f"/article/{a['slug']}/captions/en.vtt"
    assert tracks.get("pt-BR") is not None and tracks["pt-BR"].get("label") == "Português (Brasil)"
    chapters = [t for t in video.find_all("track") if t.get("kind") == "chapters"]
    assert len(chapters) == 1 and chapters[0].get("src") == f"/article/{a['slug']}/chapters.vtt"
    # the transcript, readable without JavaScript
    sec = doc.find("section", id="transcript")
    assert sec is not None and "transcript" in (sec.get("class") or "").split()
    items = list(sec.find("ol").find_all("li"))
    assert [li.get("data-start") for li in items] == ["0", "1", "2"]
    first = items[1]
    at = first.find("a", class_="at")
    assert at is not None and text_of(at) == "0:01"
    assert text_of(first.find("span", class_="speaker")).rstrip(":") == "Dr Costa"
    assert "The trial enrolled nine hundred patients." in text_of(first)
    href = at.get("href")
    # the files the tracks name
    vtt = requests.get(srv.url(en.get("src")), timeout=10)
    assert vtt.status_code == 200 and vtt.headers["content-type"].startswith("text/vtt")
    assert vtt.text.startswith("WEBVTT") and "The trial enrolled nine hundred patients." in vtt.text
    assert "Bem-vindos" in requests.get(srv.url(f"/article/{a['slug']}/captions/pt-BR.vtt"), timeout=10).text
    ch = requests.get(srv.url(chapters[0].get("src")), timeout=10)
    assert ch.status_code == 200 and ch.headers["content-type"].startswith("text/vtt")
    assert ch.text.startswith("WEBVTT") and "The trial's design" in ch.text
    assert re.search(r"^(00:)?00:01\.000 --> ", ch.text, re.M), ch.text
    assert requests.get(srv.url(f"/article/{a['slug']}/captions/de.vtt"), timeout=10).status_code == 404
    assert requests.get(srv.url(f"/article/{a['slug']}/captions/..%2Fen.vtt"), timeout=10).status_code == 404
    # without JavaScript a time opens the file at that second (a media fragment); the page's script seeks its
    # own player instead (the browser test)
    assert re.fullmatch(r"/media/[0-9a-f]{32}\.mp4#t=1", href), href


def test_the_page_json_ld_has_a_video_object(srv, interview, served):
    a, _ = interview
    data, path, _ = served
    r = Reader(srv).get(f"/article/{a['slug']}")
    vids = jsonld_videos(r.text)
    assert len(vids) == 1, f"{len(vids)} VideoObjects"
    v = vids[0]
    for key in ("name", "description", "thumbnailUrl", "uploadDate", "duration"):
        assert v.get(key), f"the VideoObject has no {key}: {v}"
    assert 2.5 <= iso_seconds(v["duration"]) <= 3.5, v["duration"]
    assert v.get("contentUrl", "").endswith(path) and v["contentUrl"].startswith("http"), v.get("contentUrl")
    thumbs = v["thumbnailUrl"] if isinstance(v["thumbnailUrl"], list) else [v["thumbnailUrl"]]
    assert all(t.startswith("http") for t in thumbs)
    assert "The trial enrolled nine hundred patients." in v.get("transcript", "")


# captions as a transcript: a new paragraph where the speaker changes or after a pause
FROM_VTT = """WEBVTT

00:00:00.000 --> 00:00:01.000
<v Interviewer>Welcome to the congress.

00:00:01.000 --> 00:00:02.500
<v Dr Costa>The trial enrolled nine hundred patients.

00:00:02.500 --> 00:00:03.000
<v Dr Costa>It ran for four years.

00:00:07.000 --> 00:00:08.000
<v Dr Costa>Survival improved by a third.
"""


def test_from_captions_makes_the_transcript(srv, editor, served):
    a = article_of(srv, "public")
    back_to_page(save_video(editor, a["id"], file_id=served[2]), a["id"])
    back_to_page(add_captions(editor, a["id"], "en", "English", FROM_VTT), a["id"])
    r = save_video(editor, a["id"], file_id=served[2], action="from_captions", from_lang="en")
    status = r.status_code
    if status == 200:  # the code puts the transcript made in the form, for the editor to check and save
        made = parse_html(r.text).find("textarea", name="transcript").text()
        r = save_video(editor, a["id"], file_id=served[2], transcript=made)
    back_to_page(r, a["id"])
    doc = parse_html(Reader(srv).get(f"/article/{a['slug']}").text)
    sec = doc.find("section", id="transcript")
    assert sec is not None, "no transcript after from_captions"
    items = list(sec.find_all("li"))
    assert [li.get("data-start") for li in items] == ["0", "1", "7"], [text_of(li) for li in items]
    assert [text_of(li.find("span", class_="speaker")).rstrip(":") for li in items] == [
        "Interviewer", "Dr Costa", "Dr Costa"]
    assert "nine hundred patients. It ran for four years." in text_of(items[1])
    assert "by a third" in text_of(items[2])
    assert not [t for t in doc.find_all("track") if t.get("kind") == "chapters"], "a chapters track without chapters"
    # a language with no captions is an error, not an empty transcript
    r = save_video(editor, a["id"], file_id=served[2], action="from_captions", from_lang="fr")
    assert r.status_code == 422, r.status_code
    # made, not saved: the editor checks the speakers' names in the form before saving it
    assert status == 200, status


def test_captions_are_deleted_and_their_file_goes(srv, editor, served):
    a = article_of(srv, "public")
    back_to_page(save_video(editor, a["id"], file_id=served[2]), a["id"])
    back_to_page(add_captions(editor, a["id"], "fr", "Français", GOOD_VTT), a["id"])
    path = f"/article/{a['slug']}/captions/fr.vtt"
    assert requests.get(srv.url(path), timeout=10).status_code == 200
    page = editor_page(editor, a["id"])
    r = editor.post(f"/admin/articles/{a['id']}/captions/fr/delete", data={"form_token": editor.token(page)})
    back_to_page(r, a["id"])
    assert requests.get(srv.url(path), timeout=10).status_code == 404
    doc = parse_html(Reader(srv).get(f"/article/{a['slug']}").text)
    assert not [t for t in doc.find_all("track") if t.get("srclang") == "fr"]


@pytest.fixture(scope="module")
def linked(srv, editor):
    """A public article whose video is its YouTube or Vimeo link (video_url), with the editor's duration."""
    a = article_of(srv, "public", video_url=True)
    back_to_page(save_video(editor, a["id"], duration="12:34", transcript="[0:05] Host: Hello from the link."),
                 a["id"])
    return a


def test_a_linked_video_takes_the_editors_duration(srv, editor, linked):
    text = error_text(save_video(editor, linked["id"], duration="12 minutes"))
    assert "duration" in text.lower(), text[:500]
    vids = jsonld_videos(Reader(srv).get(f"/article/{linked['slug']}").text)
    assert len(vids) == 1 and iso_seconds(vids[0]["duration"]) == 754, vids
    assert vids[0].get("embedUrl") or vids[0].get("contentUrl"), vids[0]
    doc = parse_html(Reader(srv).get(f"/article/{linked['slug']}").text)
    li = doc.find("section", id="transcript").find("li")
    assert li.get("data-start") == "5" and "Hello from the link." in text_of(li)


def test_the_editor_chooses_another_poster(srv, editor, served):
    a = article_of(srv, "public")
    png = io.BytesIO()
    Image.new("RGB", (640, 360), (200, 30, 60)).save(png, "PNG")
    r = editor.post("/admin/media", data={"form_token": editor.token("/admin/media"), "alt": "A chosen poster",
                                          "credit": ""}, files={"file": ("poster.png", png.getvalue(), "image/png")})
    assert r.status_code == 303, (r.status_code, r.text[:500])
    image_id = int(re.fullmatch(r"/admin/media/(\d+)\?uploaded=1", r.headers["location"]).group(1))
    image_hash = srv.query("SELECT hash FROM media WHERE id = ?", (image_id,))[0][0]
    r = save_video(editor, a["id"], file_id=served[2], poster_id=999999)
    assert r.status_code == 422, r.status_code
    back_to_page(save_video(editor, a["id"], file_id=served[2], poster_id=image_id), a["id"])
    html = Reader(srv).get(f"/article/{a['slug']}").text
    poster = parse_html(html).find("video").get("poster") or ""
    assert poster.startswith(f"/media/{image_hash}-"), f"the player's poster is {poster}, not image {image_id}"
    thumbs = jsonld_videos(html)[0]["thumbnailUrl"]
    thumbs = thumbs if isinstance(thumbs, list) else [thumbs]
    assert all(f"/media/{image_hash}-" in t for t in thumbs), thumbs


def test_deleting_the_video_record_takes_the_transcript_off_the_page(srv, editor, served):
    a = article_of(srv, "public")
    back_to_page(save_video(editor, a["id"], file_id=served[2], transcript="[0:00] Host: Words to be removed."),
                 a["id"])
    assert "Words to be removed." in Reader(srv).get(f"/article/{a['slug']}").text
    back_to_page(save_video(editor, a["id"], action="delete"), a["id"])
    html = Reader(srv).get(f"/article/{a['slug']}").text
    assert "Words to be removed." not in html and parse_html(html).find("section", id="transcript") is None


# ---- 5. the sitemap -----------------------------------------------------------------------------------------

def sitemap_entries(srv):
    """{article slug: <url> element} over every article sitemap of the default site."""
    index = ET.fromstring(requests.get(srv.url("/sitemap.xml"), timeout=10).content)
    out = {}
    for loc in index.iter(SM + "loc"):
        path = "/" + loc.text.split("/", 3)[3]
        if not path.startswith("/sitemaps/articles-"):
            continue
        r = requests.get(srv.url(path), timeout=10)
        assert r.status_code == 200
        assert f'xmlns:video="{VIDEO_NS}"' in r.text, f"{path} does not declare the video namespace"
        for u in ET.fromstring(r.content).iter(SM + "url"):
            out[u.find(SM + "loc").text.rsplit("/article/", 1)[1]] = u
    return out


def test_the_sitemap_lists_public_videos(srv, editor, interview, served, linked):
    a, _ = interview
    gated = article_of(srv, "hcp")
    back_to_page(save_video(editor, gated["id"], file_id=served[2], transcript="[0:00] A: hidden."), gated["id"])
    entries = sitemap_entries(srv)
    v = entries[a["slug"]].find(V + "video")
    assert v is not None, "the public article with a video has no <video:video>"
    assert v.find(V + "title").text == a["title"]
    assert v.find(V + "description").text
    assert re.match(r"^https?://.*/media/[0-9a-f]{32}-\d+\.(jpg|png|webp)$", v.find(V + "thumbnail_loc").text)
    assert v.find(V + "content_loc").text.endswith(served[1])
    assert v.find(V + "duration").text == "3"
    assert entries[gated["slug"]].find(V + "video") is None, "a gated article's video is in the sitemap"
    public = {r["slug"] for r in srv.query("SELECT slug FROM article WHERE audience = 'public'")}
    with_video = {s for s, u in entries.items() if u.find(V + "video") is not None}
    assert with_video <= public, f"gated articles' videos in the sitemap: {sorted(with_video - public)}"
    # a linked video (YouTube or Vimeo) names its player, and the editor's duration
    lv = entries[linked["slug"]].find(V + "video")
    assert lv is not None, "the article with a linked video has no <video:video>"
    assert lv.find(V + "player_loc") is not None or lv.find(V + "content_loc") is not None
    assert lv.find(V + "duration").text == "754"
