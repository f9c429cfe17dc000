"""The media library's uploader, black-box over HTTP: an image larger than max_body_kb sent as a resumable
upload of small chunks (POST /admin/uploads, then POST /admin/uploads/ID with Upload-Offset), written to disk
at its offset and brought into the library as the form's uploads are (renditions, hash, the same bytes
leading to the image there is); who may, the form token, every size, offset and count checked; the server's
memory while a 16 MiB image arrives.

These tests run against a server of their own (defaults: max_body_kb 256, upload_max_mb 16) whose media_dir
is a folder of its temporary directory. Chunks are sent as the page's script sends them: the bytes as they
are, the form token of /admin/media in X-Form-Token.
"""
import hashlib
import io
import os
import socket
import tempfile
import time

import pytest
from PIL import Image

from conftest import Reader, make_demo_database, make_staff, parse_html, start_plenary, text_of

MIB = 1024 * 1024
CHUNK = 256 * 1024 // 4 * 3  # three quarters of max_body_kb: what the server asks for


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-uploads-") as tmp:
        media_dir = os.path.join(tmp, "media")
        s = start_plenary(tmp, make_demo_database(tmp), {"media_dir": media_dir}, name="uploads-server")
        s.media_dir = media_dir
        yield s
        rc = s.stop()
        assert rc == 0, f"the uploads server exited with {rc}; log tail:\n{s.log()[-3000:]}"


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Una Uploader")


def noise_png(size):
    """A PNG of random pixels: about 3 bytes a pixel, and no two alike."""
    b = io.BytesIO()
    Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)).save(b, "PNG", compress_level=1)
    return b.getvalue()


def widths(w):
    largest = min(w, 1920)
    return [s for s in (320, 640, 960, 1280, 1920) if s < largest] + [largest]


def temp_files(srv):
    d = os.path.join(srv.media_dir, "uploads")
    return sorted(os.listdir(d)) if os.path.isdir(d) else []


class Uploader:
    """What admin.js does, for one staff account: start, send chunks, ask where an upload stands."""

    def __init__(self, staff):
        self.staff = staff
        self.token = staff.token("/admin/media", "/admin/media")

    def start(self, size, name="figure.png", type="image/png", alt="A poster session at the congress",
              credit="", token=True):
        data = {"name": name, "size": str(size), "type": type, "alt": alt, "credit": credit}
        if token:
            data["form_token"] = self.token
        return self.staff.post("/admin/uploads", data=data)

    def chunk(self, url, offset, data, token=True, headers=None):
        h = {"Content-Type": "application/offset+octet-stream", "Upload-Offset": str(offset)}
        if token:
            h["X-Form-Token"] = self.token
        h.update(headers or {})
        return self.staff.post(url, data=data, headers=h, timeout=60)

    def status(self, url):
        return self.staff.get(url)

    def started(self, data, **kw):
        r = self.start(len(data), **kw)
        assert r.status_code == 201, (r.status_code, r.text)
        j = r.json()
        assert r.headers["location"] == j["url"] == f"/admin/uploads/{j['id']}"
        assert j["offset"] == 0 and j["size"] == len(data) and j["chunk_size"] == CHUNK
        return j

    def send(self, url, data, offset=0, until=None, each=None):
        """Sends data[offset:until] in chunks; returns the last answer."""
        until = len(data) if until is None else until
        r = None
        while offset < until:
            piece = data[offset:min(offset + CHUNK, until)]
            r = self.chunk(url, offset, piece)
            if offset + len(piece) < len(data):
                assert r.status_code == 200, (r.status_code, r.text)
                assert r.json()["offset"] == offset + len(piece)
                assert r.headers["upload-offset"] == str(offset + len(piece))
            offset += len(piece)
            if each:
                each(offset)
        return r


def media_rows(srv):
    return srv.query("SELECT count(*) FROM media")[0][0]


def upload_row(srv, upload_id):
    rows = srv.query("SELECT * FROM media_upload WHERE id = ?", (upload_id,))
    return rows[0] if rows else None


# ---- an image in chunks ------------------------------------------------------------------------------------

def test_a_3_mib_image_in_chunks_arrives_whole_with_its_renditions(srv, editor):
    data = noise_png((1024, 1024))
    assert len(data) > 3 * MIB  # twelve times max_body_kb: no single request could carry it
    up = Uploader(editor)
    j = up.started(data, name="poster-3mib.png", credit="Photo: the congress")
    r = up.send(j["url"], data)
    assert r.status_code == 200, (r.status_code, r.text)
    done = r.json()
    assert done["done"] is True and done["duplicate"] is False and done["offset"] == len(data)
    assert done["url"] == f"/admin/media/{done['media_id']}?uploaded=1"
    row = srv.query("SELECT * FROM media WHERE id = ?", (done["media_id"],))[0]
    # whole: the hash of the bytes sent, their length, the image's own size
    assert row["hash"] == hashlib.sha256(data).hexdigest()[:32]
    assert (row["bytes"], row["width"], row["height"], row["kind"]) == (len(data), 1024, 1024, "png")
    assert (row["alt"], row["credit"], row["original_name"]) == (
        "A poster session at the congress", "Photo: the congress", "poster-3mib.png")
    for w in widths(1024):
        got = editor.get(f"/media/{row['hash']}-{w}.png")
        assert got.status_code == 200, w
        assert Image.open(io.BytesIO(got.content)).size[0] == w
    page = editor.get(done["url"].split("?")[0])
    assert page.status_code == 200 and "poster-3mib.png" in page.text
    # the file on its way in is gone; the finished upload still says what it became (a lost answer)
    assert j["id"] not in temp_files(srv)
    again = up.status(j["url"])
    assert again.status_code == 200 and again.json()["done"] is True
    assert again.json()["media_id"] == done["media_id"]
    late = up.chunk(j["url"], len(data), b"")
    assert late.status_code == 409 and late.json()["done"] is True


def test_the_same_bytes_again_lead_to_the_image_there_is(srv, editor):
    data = noise_png((300, 300))
    up = Uploader(editor)
    first = up.send(up.started(data)["url"], data).json()
    rows = media_rows(srv)
    again = up.started(data)
    second = up.send(again["url"], data).json()
    assert second["duplicate"] is True and second["media_id"] == first["media_id"]
    assert second["url"] == f"/admin/media/{first['media_id']}?duplicate=1"
    assert media_rows(srv) == rows and again["id"] not in temp_files(srv)


def drop_mid_chunk(srv, staff, token, path, offset, data, sent):
    """Sends a chunk's headers and only `sent` bytes of its body, then closes: a connection that dropped."""
    head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{srv.port}\r\n"
            f"Cookie: plenary_session={staff.cookie}\r\nX-Form-Token: {token}\r\n"
            f"Content-Type: application/offset+octet-stream\r\nUpload-Offset: {offset}\r\n"
            f"Content-Length: {len(data)}\r\n\r\n").encode()
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=5)
    s.sendall(head + data[:sent])
    time.sleep(0.2)
    s.close()


def test_a_dropped_upload_resumes_from_the_offset_the_server_reports(srv, editor):
    data = noise_png((700, 600))
    assert len(data) > 4 * CHUNK
    up = Uploader(editor)
    j = up.started(data)
    half = len(data) // 2
    up.send(j["url"], data, until=half)
    # the connection drops in the middle of the next chunk: none of it counts
    drop_mid_chunk(srv, editor, up.token, j["url"], half, data[half:half + CHUNK], 1000)
    r = up.status(j["url"])
    assert r.status_code == 200
    assert r.json()["offset"] == half and r.headers["upload-offset"] == str(half)
    assert r.json()["size"] == len(data) and r.json()["processing"] is False
    h = editor.http.head(srv.url(j["url"]), timeout=10, allow_redirects=False)
    assert h.status_code == 200 and h.headers["upload-offset"] == str(half)
    r = up.send(j["url"], data, offset=r.json()["offset"])
    assert r.status_code == 200 and r.json()["done"] is True
    row = srv.query("SELECT * FROM media WHERE id = ?", (r.json()["media_id"],))[0]
    assert row["hash"] == hashlib.sha256(data).hexdigest()[:32] and row["bytes"] == len(data)


def test_a_wrong_offset_is_409_with_the_offset_expected(srv, editor):
    data = noise_png((400, 400))
    up = Uploader(editor)
    j = up.started(data)
    up.send(j["url"], data, until=CHUNK)
    for wrong in (0, CHUNK - 1, CHUNK + 1, 2 * CHUNK):
        r = up.chunk(j["url"], wrong, data[wrong:wrong + 100])
        assert r.status_code == 409, (wrong, r.status_code, r.text)
        assert r.json()["offset"] == CHUNK and r.headers["upload-offset"] == str(CHUNK)
        assert f"first {CHUNK} bytes" in r.json()["error"]
    assert up.status(j["url"]).json()["offset"] == CHUNK  # nothing was written
    assert os.path.getsize(os.path.join(srv.media_dir, "uploads", j["id"])) == CHUNK
    r = up.chunk(j["url"], CHUNK, data[CHUNK:CHUNK + 10], headers={"Upload-Offset": "-5"})
    assert r.status_code == 400 and "Upload-Offset" in r.json()["error"]
    r = up.chunk(j["url"], CHUNK, data[CHUNK:CHUNK + 10], headers={"Upload-Offset": ""})
    assert r.status_code == 400


def test_sizes_are_checked_before_anything_is_written(srv, editor):
    data = noise_png((400, 400))
    up = Uploader(editor)
    j = up.started(data)
    path = os.path.join(srv.media_dir, "uploads", j["id"])
    r = up.chunk(j["url"], 0, data[:CHUNK + 1])  # one byte over the chunk size
    assert r.status_code == 413 and r.json()["chunk_size"] == CHUNK
    big = Uploader(editor)
    k = big.started(b"\x89PNG" + b"\x00" * 96)  # 100 bytes declared
    r = big.chunk(k["url"], 0, os.urandom(101))  # past the declared end
    assert r.status_code == 413 and "100 bytes" in r.json()["error"]
    r = big.chunk(k["url"], 200, b"x")  # starts past the end
    assert r.status_code == 413
    r = up.chunk(j["url"], 0, data[:100], headers={"Content-Type": "multipart/form-data; boundary=x"})
    assert r.status_code == 415
    assert os.path.getsize(path) == 0 and up.status(j["url"]).json()["offset"] == 0
    r = up.chunk(j["url"], 0, b"")
    assert r.status_code == 400  # an empty chunk says nothing
    for u in (j, k):
        assert editor.post(f"{u['url']}/cancel", headers={"X-Form-Token": up.token}).status_code == 200


def test_a_declared_size_over_upload_max_mb_is_413_and_nothing_starts(srv, editor):
    up = Uploader(editor)
    before, rows = temp_files(srv), srv.query("SELECT count(*) FROM media_upload")[0][0]
    r = up.start(16 * MIB + 1)
    assert r.status_code == 413
    assert r.json()["errors"]["file"] == "This file is larger than the upload limit of 16 MB for images."
    for size, status in (("0", 422), ("-1", 422), ("12abc", 422), ("", 422)):
        r = editor.post("/admin/uploads", data={"form_token": up.token, "name": "a.png", "size": size,
                                                "type": "image/png", "alt": "x"})
        assert r.status_code == status, (size, r.status_code)
        assert r.json()["errors"]["file"] == "Choose an image or video file to upload."
    r = up.start(1000, name="notes.pdf", type="application/pdf")
    assert r.status_code == 415 and "JPEG, PNG or WebP" in r.json()["error"]
    r = up.start(1000, alt="   ")
    assert r.status_code == 422 and "alt" in r.json()["errors"] and r.json()["error"].startswith("Describe")
    assert temp_files(srv) == before and srv.query("SELECT count(*) FROM media_upload")[0][0] == rows


def test_content_that_is_not_an_image_is_refused_at_the_end_and_its_file_removed(srv, editor):
    data = b"%PDF-1.7\n" + os.urandom(300 * 1024)  # named and typed as a PNG; its bytes say otherwise
    up = Uploader(editor)
    j = up.started(data, name="scan.png", type="image/png")
    rows = media_rows(srv)
    r = up.send(j["url"], data)
    assert r.status_code == 415, (r.status_code, r.text)
    assert r.json()["error"] == ("This file is not a JPEG, PNG or WebP image (its type is read from its bytes, "
                                 "not its name).")
    assert r.json()["field"] == "file"
    assert j["id"] not in temp_files(srv) and upload_row(srv, j["id"]) is None and media_rows(srv) == rows
    assert up.status(j["url"]).status_code == 404


def test_a_damaged_image_is_422_and_its_file_removed(srv, editor):
    data = noise_png((500, 500))
    data = data[:len(data) // 2] + b"\x00" * (len(data) - len(data) // 2)  # the second half lost
    up = Uploader(editor)
    j = up.started(data)
    r = up.send(j["url"], data)
    assert r.status_code == 422 and "could not be decoded" in r.json()["error"], r.text
    assert j["id"] not in temp_files(srv) and upload_row(srv, j["id"]) is None


# ---- whose upload, and the form token -----------------------------------------------------------------------

def test_another_users_upload_is_404(srv, editor):
    data = noise_png((300, 200))
    up = Uploader(editor)
    j = up.started(data)
    other = Uploader(make_staff(srv, "editor"))
    assert other.status(j["url"]).status_code == 404
    r = other.chunk(j["url"], 0, data[:CHUNK])
    assert r.status_code == 404 and "no such upload" in r.json()["error"]
    r = other.staff.post(f"{j['url']}/cancel", headers={"X-Form-Token": other.token})
    assert r.status_code == 404
    assert up.status(j["url"]).json()["offset"] == 0  # untouched
    # ids that are not an upload's at all
    for bad in ("0" * 32, "nothing", "../../demo.db", "A" * 32):
        assert up.status(f"/admin/uploads/{bad}").status_code == 404, bad
    assert up.send(j["url"], data).json()["done"] is True  # its owner finishes it


def test_anonymous_and_readers_are_refused(srv, editor):
    up = Uploader(editor)
    j = up.started(noise_png((100, 100)))
    anon = Reader(srv)  # a browser with no session
    for r in (anon.post("/admin/uploads", data={"size": "100", "type": "image/png", "alt": "x"}),
              anon.get(j["url"]),
              anon.post(j["url"], data=b"x", headers={"Upload-Offset": "0",
                                                      "Content-Type": "application/offset+octet-stream"})):
        assert r.status_code == 303 and r.headers["location"].startswith("/signin?return=")
    reader = make_staff(srv, "reader")
    token = reader.token("/account")  # a valid token of the reader's own session: the role alone refuses
    r = reader.post("/admin/uploads", data={"form_token": token, "size": "100", "type": "image/png", "alt": "x"})
    assert r.status_code == 403
    r = reader.post(j["url"], data=b"x", headers={"Upload-Offset": "0", "X-Form-Token": token,
                                                  "Content-Type": "application/offset+octet-stream"})
    assert r.status_code == 403
    assert reader.get(j["url"]).status_code == 403
    assert up.status(j["url"]).json()["offset"] == 0


def test_a_missing_or_foreign_form_token_is_403(srv, editor):
    up = Uploader(editor)
    r = up.start(1000, token=False)
    assert r.status_code == 403 and "reload" in r.json()["error"]
    j = up.started(noise_png((120, 120)))
    r = up.chunk(j["url"], 0, b"\x89PNG", token=False)
    assert r.status_code == 403
    r = up.chunk(j["url"], 0, b"\x89PNG", token=False, headers={"X-Form-Token": "1.deadbeef"})
    assert r.status_code == 403
    r = up.chunk(j["url"], 0, b"\x89PNG", headers={"Origin": "https://evil.example"})
    assert r.status_code == 403
    r = editor.post(f"{j['url']}/cancel")
    assert r.status_code == 403
    assert up.status(j["url"]).json()["offset"] == 0


def test_a_user_has_at_most_four_uploads_in_progress(srv):
    staff = make_staff(srv, "contributor")  # contributors upload too
    up = Uploader(staff)
    started_data = [noise_png((50, 50)) for _ in range(4)]
    started = [up.started(d) for d in started_data]
    r = up.start(5000)
    assert r.status_code == 429 and "4 uploads in progress" in r.json()["error"]
    assert len(temp_files(srv)) >= 4
    # another account is not held back by this one's
    assert Uploader(make_staff(srv, "editor")).start(5000).status_code == 201
    r = staff.post(f"{started[0]['url']}/cancel", headers={"X-Form-Token": up.token})
    assert r.status_code == 200 and r.json()["cancelled"] is True
    assert started[0]["id"] not in temp_files(srv)
    assert up.status(started[0]["url"]).status_code == 404
    assert up.start(5000).status_code == 201
    assert up.start(5000).status_code == 429
    # a finished upload no longer counts
    assert up.send(started[1]["url"], started_data[1]).json()["done"] is True
    assert up.start(5000).status_code == 201


def test_uploads_expire_after_a_day_with_their_files(srv):
    staff = make_staff(srv, "editor")
    up = Uploader(staff)
    data = noise_png((200, 200))
    old = up.started(data)
    up.send(old["url"], data, until=1000)
    path = os.path.join(srv.media_dir, "uploads", old["id"])
    stray = os.path.join(srv.media_dir, "uploads", "form-left-by-a-crash")
    open(stray, "wb").write(b"x")
    day_ago = time.time() - 25 * 3600
    srv.execute("UPDATE media_upload SET created_at = created_at - 90000 WHERE id = ?", (old["id"],))
    os.utime(path, (day_ago, day_ago))
    os.utime(stray, (day_ago, day_ago))
    assert up.status(old["url"]).status_code == 404
    assert up.chunk(old["url"], 1000, data[1000:2000]).status_code == 404
    up.started(noise_png((80, 80)))  # starting one sweeps
    assert not os.path.exists(path) and not os.path.exists(stray)
    assert upload_row(srv, old["id"]) is None


# ---- the page, and the form without JavaScript ----------------------------------------------------------

def test_the_page_offers_the_uploader_and_says_what_the_form_takes_without_it(srv, editor):
    doc = parse_html(editor.get("/admin/media").text)
    form = doc.find("form", action="/admin/media")
    assert form.get("data-uploads") == "/admin/uploads"
    hint = text_of(doc.find("p", id="hint-file"))
    assert "JavaScript" in hint and "up to 256 KB" in hint
    scripts = [s.get("src") for s in doc.find_all("script")]
    assert any(s and s.startswith("/static/admin.js?v=") for s in scripts), scripts
    js = editor.get(next(s for s in scripts if s.startswith("/static/admin.js")))
    assert js.status_code == 200 and "Upload-Offset" in js.text


def test_the_form_says_how_to_send_a_file_over_max_body_kb(srv, editor):
    data = noise_png((400, 400))
    assert len(data) > 256 * 1024
    token = editor.token("/admin/media", "/admin/media")
    r = editor.post("/admin/media", data={"form_token": token, "alt": "Too big for the form"},
                    files={"file": ("big.png", data, "image/png")})
    assert r.status_code == 413
    assert "uploader" in r.text and "JavaScript" in r.text and "16 MB" in r.text
    assert not [n for n in temp_files(srv) if n.startswith("form-")]  # refused before a file was written


# ---- memory: a 16 MiB image arrives without the server holding it --------------------------------------------

def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.mark.skipif("ASAN_OPTIONS" in os.environ,
                    reason="AddressSanitizer keeps freed memory in quarantine (make check): RSS says nothing then")
def test_a_16_mib_upload_keeps_the_servers_memory_flat(srv, editor):
    data = noise_png((2300, 2300))
    assert 15 * MIB < len(data) <= 16 * MIB
    up = Uploader(editor)
    j = up.started(data, name="large-poster.png")
    up.send(j["url"], data, until=2 * CHUNK)  # the first chunks: buffers the server keeps reusing
    base = rss_kib(srv.proc.pid)
    seen = []
    up.send(j["url"], data, offset=2 * CHUNK, until=len(data) - 1000, each=lambda _: seen.append(rss_kib(srv.proc.pid)))
    growth = max(seen) - base
    print(f"\nVmRSS before the chunks {base} KiB; highest while {len(data) // 1024} KiB arrived "
          f"{max(seen)} KiB (+{growth} KiB over {len(seen)} chunks)")
    assert growth < 4 * 1024, f"the server grew by {growth} KiB while a {len(data) // 1024} KiB file arrived"
    r = up.send(j["url"], data, offset=len(data) - 1000)
    assert r.status_code == 200 and r.json()["done"] is True, r.text
    after = rss_kib(srv.proc.pid)
    print(f"VmRSS after the image was decoded and its renditions made: {after} KiB")
    row = srv.query("SELECT * FROM media WHERE id = ?", (r.json()["media_id"],))[0]
    assert row["bytes"] == len(data) and row["hash"] == hashlib.sha256(data).hexdigest()[:32]
    assert (row["width"], row["height"]) == (1920, 1920)
