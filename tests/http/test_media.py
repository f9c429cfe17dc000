"""The media library, black-box over HTTP: uploads (type from the bytes, limits, damaged files, duplicates,
roles, the form token), the renditions /media/ serves (widths, upright, metadata stripped, headers), the names
it refuses, alt text and credit, featured images on articles (srcset, width and height) and deletion.

These tests run against admin_server (conftest.py), whose media_dir is a folder in its temporary directory, and
one small server of their own with upload_max_mb = 1. Every form is posted with the form_token of the page it
is on; images are made with Pillow, each with pixels of its own so that no two tests upload the same bytes.
"""
import io
import os
import random
import re
import struct
import tempfile
import zlib

import pytest
import requests
from PIL import Image, ImageOps

from conftest import (PortConnection, form_values, make_demo_database, make_staff, parse_html, start_plenary,
                      text_of)

STANDARD = (320, 640, 960, 1280, 1920)
IMMUTABLE = "public, max-age=31536000, immutable"
TYPES = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
EXT = {"jpeg": "jpg", "png": "png", "webp": "webp"}
NO_IMAGE = "Choose an image from the media library."


@pytest.fixture(scope="module")
def srv(admin_server):
    return admin_server


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Mia Media")


@pytest.fixture(scope="module")
def contributor(srv):
    return make_staff(srv, "contributor", name="Cal Contributor")


@pytest.fixture(scope="module")
def reader(srv):
    return make_staff(srv, "reader", name="Rob Reader")


@pytest.fixture(scope="module")
def site(srv):
    return srv.query("SELECT id FROM site WHERE is_default = 1")[0]["id"]


@pytest.fixture(scope="module")
def section(srv, site):
    return srv.query("SELECT id FROM section WHERE site_id = ? ORDER BY id LIMIT 1", (site,))[0]["id"]


# ---- images ----------------------------------------------------------------------------------------------

def picture(size, seed=None):
    """An RGB image of its own: a random background, a band and a few random pixels."""
    rnd = random.Random(seed)
    im = Image.new("RGB", size, tuple(rnd.randrange(256) for _ in range(3)))
    w, h = size
    im.paste(tuple(rnd.randrange(256) for _ in range(3)), (0, 0, max(1, w // 3), h))
    for _ in range(20):
        im.putpixel((rnd.randrange(w), rnd.randrange(h)), tuple(rnd.randrange(256) for _ in range(3)))
    return im


def encode(im, fmt, **opts):
    b = io.BytesIO()
    im.save(b, fmt, **opts)
    return b.getvalue()


def jpeg(size=(800, 500), **opts):
    return encode(picture(size), "JPEG", quality=90, **opts)


def png(size=(400, 300), **opts):
    return encode(picture(size), "PNG", **opts)


def webp(size=(1000, 400)):
    return encode(picture(size), "WEBP", quality=80)


def noise_png(size):
    """A PNG of random pixels: it barely compresses, so its size in bytes is about 3 × its pixels."""
    return encode(Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)), "PNG", compress_level=1)


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def huge_png(w, h):
    """A valid 1-bit grey PNG of w × h pixels, written by hand: all-black rows compress to a few KB."""
    raw = zlib.compress((b"\x00" * (1 + (w + 7) // 8)) * h, 9)
    ihdr = struct.pack(">IIBBBBB", w, h, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", raw) + png_chunk(b"IEND", b"")


def widths(w):
    """The rendition widths of an image whose largest rendition is w pixels wide (as media_widths)."""
    largest = min(w, 1920)
    return [s for s in STANDARD if s < largest] + [largest]


# ---- helpers ---------------------------------------------------------------------------------------------

def upload(staff, data, filename="photo.jpg", alt="A lecture hall during the plenary session", credit="",
           ctype="image/jpeg", token=True, path="/admin/media", **kw):
    """Posts the upload form as a browser does (multipart/form-data), with the form_token of /admin/media."""
    fields = {"alt": alt, "credit": credit}
    if token:
        fields = {"form_token": staff.token(path, "/admin/media"), **fields}
    files = {"file": (filename, data, ctype)} if data is not None else None
    return staff.post("/admin/media", data=fields, files=files, **kw)


def uploaded_id(r):
    assert r.status_code == 303, f"upload answered {r.status_code}: {errors_of(r.text) or r.text[:500]}"
    m = re.fullmatch(r"/admin/media/(\d+)\?uploaded=1", r.headers["location"])
    assert m, r.headers["location"]
    return int(m.group(1))


def errors_of(html):
    """{field: message} of the messages beside the fields of a page."""
    return {p.get("id")[len("error-"):]: text_of(p) for p in parse_html(html).find_all("p", class_="field-error")}


def media(srv, media_id):
    rows = srv.query("SELECT * FROM media WHERE id = ?", (media_id,))
    return rows[0] if rows else None


def media_count(srv):
    return srv.query("SELECT count(*) FROM media")[0][0]


def files_on_disk(srv):
    """The files of media_dir, with those of its uploads folder (uploads on their way in) as uploads/NAME."""
    if not os.path.isdir(srv.media_dir):
        return set()
    names = set(os.listdir(srv.media_dir)) - {"uploads"}
    tmp = os.path.join(srv.media_dir, "uploads")
    return names | ({f"uploads/{n}" for n in os.listdir(tmp)} if os.path.isdir(tmp) else set())


def rendition_names(row):
    return [f"{row['hash']}-{w}.{EXT[row['kind']]}" for w in widths(row["width"])]


def fetch(srv, path, **kw):
    """An anonymous GET (no cookies), as a reader's browser fetches an image."""
    return requests.get(srv.url(path), timeout=10, allow_redirects=False, **kw)


def served_image(srv, name, kind):
    """GETs /media/name, checks the headers every rendition has, and returns it opened with Pillow."""
    r = fetch(srv, f"/media/{name}")
    assert r.status_code == 200, f"/media/{name}: {r.status_code}"
    assert r.headers["content-type"] == TYPES[kind]
    assert r.headers["cache-control"] == IMMUTABLE
    assert r.headers["x-content-type-options"] == "nosniff"
    assert int(r.headers["content-length"]) == len(r.content)
    im = Image.open(io.BytesIO(r.content))
    im.load()
    assert im.format == {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}[kind]
    return im, r.content


def nothing_stored(srv, before_rows, before_files):
    assert media_count(srv) == before_rows, "a refused upload added a media row"
    assert files_on_disk(srv) == before_files, "a refused upload left files in media_dir"


def article_fields(section, **over):
    n = os.urandom(4).hex()
    f = {"title": f"Featured image trial {n}", "slug": "", "summary": f"A summary ({n}).",
         "body": f"The results, sentence {n}.", "section": str(section), "congress": "", "trial": "",
         "interviewer": "", "references": "", "tags": "", "audience": "public", "video_url": "",
         "status": "published", "published": "", "image": "", "action": "save"}
    f.update(over)
    return f


def editor_form(doc):
    for form in doc.find_all("form"):
        if re.fullmatch(r"/admin/articles(/\d+)?", form.get("action") or "") and form.get("method") == "post":
            return form
    return None


def new_article(staff, section, **over):
    """Saves a new article through the editor; returns the response."""
    doc = parse_html(staff.get("/admin/articles/new").text)
    token = dict(form_values(editor_form(doc)))["form_token"]
    return staff.post("/admin/articles", data={"form_token": token, **article_fields(section, **over)})


def saved_article(r):
    assert r.status_code == 303, f"the editor answered {r.status_code}: {errors_of(r.text) or r.text[:500]}"
    m = re.fullmatch(r"/admin/articles/(\d+)\?saved=1", r.headers["location"])
    assert m, r.headers["location"]
    return int(m.group(1))


def edit_article(staff, article_id, **changes):
    """Opens an article's editor, changes some fields and saves, as a browser does."""
    doc = parse_html(staff.get(f"/admin/articles/{article_id}").text)
    pairs = [(k, v) for k, v in form_values(editor_form(doc)) if k not in changes and k != "action"]
    pairs += list(changes.items()) + [("action", "save")]
    return staff.post(f"/admin/articles/{article_id}", data=pairs)


def article_path(srv, article_id):
    return "/article/" + srv.query("SELECT slug FROM article WHERE id = ?", (article_id,))[0]["slug"]


def featured_img(srv, article_id):
    r = fetch(srv, article_path(srv, article_id))
    assert r.status_code == 200, r.status_code
    fig = parse_html(r.text).find("figure", class_="featured-image")
    return fig, (fig.find("img") if fig is not None else None)


def post_media_form(staff, media_id, **fields):
    """Posts the image page's form (alt, credit, action) with that page's form_token."""
    page = f"/admin/media/{media_id}"
    return staff.post(page, data={"form_token": staff.token(page, page), **fields})


# ---- uploads that work -----------------------------------------------------------------------------------

@pytest.mark.parametrize("kind,data,size", [
    ("jpeg", lambda: jpeg((1000, 600)), (1000, 600)),
    ("png", lambda: png((400, 300)), (400, 300)),
    ("webp", lambda: webp((2500, 500)), (1920, 384)),
])
def test_upload_makes_every_rendition(srv, editor, kind, data, size):
    before = files_on_disk(srv)
    body = data()
    r = upload(editor, body, filename=f"figure-1.{EXT[kind]}", ctype=TYPES[kind], credit="Photo: Congress press")
    media_id = uploaded_id(r)
    row = media(srv, media_id)
    assert (row["kind"], row["width"], row["height"]) == (kind, *size)
    assert row["bytes"] == len(body) and row["alt"] == "A lecture hall during the plenary session"
    assert row["credit"] == "Photo: Congress press" and row["original_name"] == f"figure-1.{EXT[kind]}"
    assert re.fullmatch(r"[0-9a-f]{32}", row["hash"])
    names = rendition_names(row)
    assert files_on_disk(srv) - before == set(names), "the files written are not exactly the renditions"
    for name, w in zip(names, widths(row["width"])):
        im, _ = served_image(srv, name, kind)
        assert im.size[0] == w, f"{name} is {im.size[0]} pixels wide"
        assert abs(im.size[1] - round(w * size[1] / size[0])) <= 1, f"{name}: {im.size} keeps no proportion"
    # the page after the upload: the notice, every width, the Markdown to paste
    page = editor.get(r.headers["location"])
    assert page.status_code == 200
    doc = parse_html(page.text)
    assert "Uploaded and resized." in text_of(doc.find("main"))
    links = [a.get("href") for a in doc.find("dl", class_="facts").find_all("a")]
    assert links == [f"/media/{n}" for n in names]
    snippet = doc.find("input", id="markdown-snippet").get("value")
    assert snippet == f"![A lecture hall during the plenary session](/media/{names[-1]})"


def test_the_markdown_snippet_survives_brackets_in_the_alt_text(srv, editor, section):
    alt = "Kaplan-Meier [OS] curve \\ arm B"
    row = media(srv, uploaded_id(upload(editor, png((500, 300)), ctype="image/png", alt=alt)))
    doc = parse_html(editor.get(f"/admin/media/{row['id']}").text)
    snippet = doc.find("input", id="markdown-snippet").get("value")
    url = f"/media/{row['hash']}-500.png"
    assert snippet == f"![Kaplan-Meier \\[OS\\] curve \\\\ arm B]({url})"
    # pasted into an article body, it is the image with its alt text
    article_id = saved_article(new_article(editor, section, body=f"Before.\n\n{snippet}\n\nAfter."))
    body = parse_html(fetch(srv, article_path(srv, article_id)).text)
    imgs = [i for i in body.find_all("img") if i.get("src") == url]
    assert len(imgs) == 1 and imgs[0].get("alt") == alt


def test_type_comes_from_the_bytes_not_the_name(srv, editor):
    """A PNG sent as photo.jpg with Content-Type image/jpeg is stored and served as the PNG it is."""
    media_id = uploaded_id(upload(editor, png((200, 100)), filename="photo.jpg", ctype="image/jpeg"))
    row = media(srv, media_id)
    assert row["kind"] == "png"
    im, _ = served_image(srv, f"{row['hash']}-200.png", "png")
    assert im.size == (200, 100)
    assert fetch(srv, f"/media/{row['hash']}-200.jpg").status_code == 404


def test_exif_orientation_is_applied_and_metadata_stripped(srv, editor):
    # stored 1200 × 600, left third red and the rest blue; orientation 6 shows it turned a quarter clockwise
    im = Image.new("RGB", (1200, 600), (0, 0, 255))
    im.paste((255, 0, 0), (0, 0, 400, 600))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation
    exif[0x010F] = "SecretCamMaker"  # Make
    exif[0x0110] = "SecretCamModel"  # Model
    exif[0x013B] = "Jane Photographer"  # Artist
    body = encode(im, "JPEG", quality=95, exif=exif.tobytes(), comment=b"private comment")
    assert b"SecretCamMaker" in body
    upright = ImageOps.exif_transpose(Image.open(io.BytesIO(body)))
    assert upright.size == (600, 1200)
    want_top, want_bottom = upright.getpixel((300, 120)), upright.getpixel((300, 1079))
    assert want_top[0] > 200 and want_bottom[2] > 200  # red above, blue below

    row = media(srv, uploaded_id(upload(editor, body)))
    assert (row["width"], row["height"]) == (600, 1200), "the stored size is not the upright one"
    assert len(rendition_names(row)) == 2
    for name in rendition_names(row):
        got, raw = served_image(srv, name, "jpeg")
        assert got.size[1] > got.size[0], f"{name} is {got.size}: not turned upright"
        w, h = got.size
        top, bottom = got.getpixel((w // 2, h // 10)), got.getpixel((w // 2, h - 1 - h // 10))
        assert all(abs(a - b) < 40 for a, b in zip(top, want_top)), (name, top, want_top)
        assert all(abs(a - b) < 40 for a, b in zip(bottom, want_bottom)), (name, bottom, want_bottom)
        assert not got.getexif(), f"{name} still has EXIF: {dict(got.getexif())}"
        assert b"Exif" not in raw and b"SecretCam" not in raw and b"Jane Photographer" not in raw
        assert b"private comment" not in raw


def test_png_text_chunks_are_stripped(srv, editor):
    from PIL.PngImagePlugin import PngInfo
    info = PngInfo()
    info.add_text("Author", "Hidden Author Name")
    info.add_text("Comment", "GPS 38.7223 -9.1393")
    body = png((500, 250), pnginfo=info)
    assert b"Hidden Author Name" in body
    row = media(srv, uploaded_id(upload(editor, body, filename="chart.png", ctype="image/png")))
    for name in rendition_names(row):
        got, raw = served_image(srv, name, "png")
        assert b"Hidden Author Name" not in raw and b"38.7223" not in raw
        assert not got.text, got.text


def test_the_form_refuses_a_file_over_max_body_kb_and_says_how_to_send_it(srv, editor):
    """Without JavaScript the form takes files up to max_body_kb (256 KiB by default); a larger one is 413 with
    a message pointing to the page's uploader (chunks, tests/http/test_uploads.py), and nothing is stored."""
    rows, before = media_count(srv), files_on_disk(srv)
    body = noise_png((400, 400))
    assert len(body) > 300 * 1024
    r = upload(editor, body, filename="noise.png", ctype="image/png", alt="Kept alt")
    assert r.status_code == 413
    message = r.text if "error-file" not in r.text else errors_of(r.text)["file"]
    assert "without JavaScript (256 KB)" in message and "uploader" in message and "16 MB" in message, message
    nothing_stored(srv, rows, before)
    small = png((300, 200))  # under the limit: the form works as it always did
    row = media(srv, uploaded_id(upload(editor, small, filename="small.png", ctype="image/png")))
    assert (row["width"], row["height"], row["bytes"]) == (300, 200, len(small))


def test_a_body_over_max_body_kb_elsewhere_is_413(srv, editor):
    media_id = uploaded_id(upload(editor, png((120, 80))))
    page = f"/admin/media/{media_id}"
    token = editor.token(page, page)
    big = {"form_token": token, "action": "save", "alt": "x" * (300 * 1024)}
    r = editor.post(page, data=big)
    assert r.status_code == 413
    assert media(srv, media_id)["alt"] == "A lecture hall during the plenary session"
    r = editor.post("/admin/articles", data={"form_token": token, "body": "y" * (300 * 1024)})
    assert r.status_code == 413


def test_the_same_bytes_again_lead_to_the_image_there_is(srv, editor):
    body = jpeg((640, 400))
    first = uploaded_id(upload(editor, body, alt="First description"))
    rows, before = media_count(srv), files_on_disk(srv)
    r = upload(editor, body, filename="again.jpg", alt="Second description", credit="Someone")
    assert r.status_code == 303
    assert r.headers["location"] == f"/admin/media/{first}?duplicate=1"
    nothing_stored(srv, rows, before)
    row = media(srv, first)
    assert (row["alt"], row["credit"]) == ("First description", ""), "a duplicate changed the first image"
    page = editor.get(r.headers["location"])
    assert "This image is in the library already" in page.text


def test_the_library_lists_images_newest_first_24_a_page(srv, editor):
    for i in range(max(1, 25 - media_count(srv))):  # the last one uploaded has markup in its alt text
        uploaded_id(upload(editor, png((16, 16)), filename=f"tile-{i}.png", ctype="image/png",
                           alt=f"Small tile {i} <b>&amp;</b>"))
    total = media_count(srv)
    assert total >= 25
    r = editor.get("/admin/media")
    assert r.status_code == 200
    doc = parse_html(r.text)
    items = list(doc.find("ul", class_="media-grid").find_all("li"))
    assert len(items) == 24
    assert f"{total} images in the library" in text_of(doc.find("main"))
    newest = srv.query("SELECT * FROM media ORDER BY created_at DESC, id DESC LIMIT 1")[0]
    link, img = items[0].find("a"), items[0].find("img")
    assert link.get("href") == f"/admin/media/{newest['id']}"
    assert img.get("src") == f"/media/{newest['hash']}-{widths(newest['width'])[0]}.{EXT[newest['kind']]}"
    assert img.get("alt") == newest["alt"] and newest["alt"].endswith("<b>&amp;</b>")
    assert "<b>&amp;</b>" not in r.text, "alt text is not escaped in the library"
    r2 = editor.get("/admin/media?page=2")
    assert r2.status_code == 200
    assert len(list(parse_html(r2.text).find("ul", class_="media-grid").find_all("li"))) == min(24, total - 24)
    assert editor.get("/admin/media?page=999").status_code == 404
    assert editor.get("/admin/media?page=0").status_code in (400, 404)


# ---- uploads that are refused ----------------------------------------------------------------------------

def test_html_named_jpg_is_415_and_nothing_is_stored(srv, editor):
    rows, before = media_count(srv), files_on_disk(srv)
    html = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
    r = upload(editor, html, filename="photo.jpg", ctype="image/jpeg", alt="Not a photo", credit="Kept credit")
    assert r.status_code == 415
    assert "not a JPEG, PNG or WebP image" in errors_of(r.text)["file"]
    assert "<script>alert(document.cookie)" not in r.text
    values = dict(form_values(parse_html(r.text).find("form", action="/admin/media")))
    assert (values["alt"], values["credit"]) == ("Not a photo", "Kept credit")
    nothing_stored(srv, rows, before)


@pytest.mark.parametrize("name,body", [
    ("anim.gif", encode(Image.new("RGB", (20, 20), (1, 2, 3)), "GIF")),
    ("vector.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9" height="9"/></svg>'),
    ("sound.webp", b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00" + b"\x00" * 32),
    ("bitmap.jpg", encode(Image.new("RGB", (20, 20), (1, 2, 3)), "BMP")),
    ("doc.png", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
])
def test_other_types_are_415(srv, editor, name, body):
    rows, before = media_count(srv), files_on_disk(srv)
    r = upload(editor, body, filename=name, ctype="image/png")
    assert r.status_code == 415
    assert "not a JPEG, PNG or WebP image" in errors_of(r.text)["file"]
    nothing_stored(srv, rows, before)


def test_empty_alt_is_422_with_the_values_kept(srv, editor):
    rows, before = media_count(srv), files_on_disk(srv)
    r = upload(editor, jpeg((300, 200)), alt="", credit='Photo: "Ana" <Lisbon> & co')
    assert r.status_code == 422
    errors = errors_of(r.text)
    assert set(errors) == {"alt"} and "Describe the image" in errors["alt"]
    form = parse_html(r.text).find("form", action="/admin/media")
    values = dict(form_values(form))
    assert values["alt"] == "" and values["credit"] == 'Photo: "Ana" <Lisbon> & co'
    assert values["form_token"], "the form to try again has no token"
    assert form.find("input", name="alt").get("aria-invalid") == "true"
    nothing_stored(srv, rows, before)


@pytest.mark.parametrize("alt,credit,field", [
    ("x" * 301, "", "alt"),
    ("two\nlines", "", "alt"),
    ("   ", "", "alt"),
    ("Fine alt", "c" * 201, "credit"),
    ("Fine alt", "line\r\nbreak", "credit"),
])
def test_bad_alt_or_credit_is_422(srv, editor, alt, credit, field):
    rows, before = media_count(srv), files_on_disk(srv)
    r = upload(editor, png((50, 50)), alt=alt, credit=credit, ctype="image/png")
    assert r.status_code == 422
    assert set(errors_of(r.text)) == {field}
    nothing_stored(srv, rows, before)


def test_missing_file_is_422(srv, editor):
    rows, before = media_count(srv), files_on_disk(srv)
    r = upload(editor, None, alt="An image that never came", credit="Kept")
    assert r.status_code == 422
    assert errors_of(r.text)["file"] == "Choose an image file to upload."
    kept = dict(form_values(parse_html(r.text).find("form", action="/admin/media")))
    assert kept["alt"] == "An image that never came"
    # a file input left empty: a file part with an empty name and no bytes
    r = upload(editor, b"", filename="", ctype="application/octet-stream")
    assert r.status_code == 422
    assert errors_of(r.text)["file"] == "Choose an image file to upload."
    # the form sent without multipart (no file can be in it)
    token = editor.token("/admin/media", "/admin/media")
    r = editor.post("/admin/media", data={"form_token": token, "alt": "Urlencoded"})
    assert r.status_code == 422
    assert errors_of(r.text)["file"] == "Choose an image file to upload."
    nothing_stored(srv, rows, before)


def first_half(b):
    return b[:len(b) // 2]


@pytest.mark.parametrize("name,make", [
    ("cut-in-half.jpg", lambda: first_half(jpeg((900, 600)))),
    ("cut-in-half.png", lambda: first_half(noise_png((300, 300)))),
    ("cut-in-half.webp", lambda: first_half(encode(Image.frombytes("RGB", (300, 300), os.urandom(270000)), "WEBP"))),
    ("magic-then-junk.jpg", lambda: b"\xff\xd8\xff\xe0" + os.urandom(4000)),
    ("png-header-only.png", lambda: huge_png(100, 100)[:33]),
    ("webp-magic-only.webp", lambda: b"RIFF\x24\x00\x00\x00WEBPVP8 " + os.urandom(200)),
])
def test_damaged_images_are_422_without_leftovers(srv, editor, name, make):
    rows, before = media_count(srv), files_on_disk(srv)
    kinds = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
    r = upload(editor, make(), filename=name, ctype=kinds[name.rsplit(".", 1)[1]], alt="Damaged", credit="Kept")
    assert r.status_code == 422, r.status_code
    message = errors_of(r.text).get("file", "")
    assert re.search(r"could not be (read|decoded)", message), message
    assert dict(form_values(parse_html(r.text).find("form", action="/admin/media")))["credit"] == "Kept"
    nothing_stored(srv, rows, before)
    assert fetch(srv, "/healthz").status_code == 200


def test_over_50_megapixels_is_refused_before_decoding(srv, editor):
    rows, before = media_count(srv), files_on_disk(srv)
    body = huge_png(8000, 8000)
    assert len(body) < 200 * 1024  # the bytes are few; the pixels are 64 million
    r = upload(editor, body, filename="huge.png", ctype="image/png")
    assert r.status_code == 422
    message = errors_of(r.text)["file"]
    assert "8000 × 8000" in message and "50 megapixels" in message
    nothing_stored(srv, rows, before)
    r = upload(editor, huge_png(25000, 2), filename="wide.png", ctype="image/png")  # few pixels, too wide
    assert r.status_code == 422
    assert "25000 × 2" in errors_of(r.text)["file"]
    nothing_stored(srv, rows, before)


# ---- who may upload --------------------------------------------------------------------------------------

def test_no_form_token_is_403(srv, editor):
    rows, before = media_count(srv), files_on_disk(srv)
    r = upload(editor, jpeg((200, 200)), token=False)
    assert r.status_code == 403
    r = editor.post("/admin/media", data={"form_token": "not-the-token", "alt": "x"},
                    files={"file": ("a.jpg", jpeg((200, 200)), "image/jpeg")})
    assert r.status_code == 403
    # a form token, but the request comes from another site
    token = editor.token("/admin/media", "/admin/media")
    r = editor.post("/admin/media", data={"form_token": token, "alt": "x"}, headers={"Origin": "https://evil.example"},
                    files={"file": ("a.jpg", jpeg((200, 200)), "image/jpeg")})
    assert r.status_code == 403
    nothing_stored(srv, rows, before)


def test_anonymous_is_sent_to_sign_in(srv):
    rows, before = media_count(srv), files_on_disk(srv)
    for path in ("/admin/media", "/admin/media/1"):
        r = fetch(srv, path)
        assert r.status_code == 303
        assert r.headers["location"].startswith("/signin?return=%2Fadmin%2Fmedia")
    r = requests.post(srv.url("/admin/media"), data={"alt": "x"}, files={"file": ("a.jpg", jpeg(), "image/jpeg")},
                      timeout=10, allow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/signin?return=")
    nothing_stored(srv, rows, before)


def test_a_reader_account_is_403(srv, editor, reader):
    media_id = uploaded_id(upload(editor, png((90, 60)), ctype="image/png"))
    rows, before = media_count(srv), files_on_disk(srv)
    assert reader.get("/admin/media").status_code == 403
    assert reader.get(f"/admin/media/{media_id}").status_code == 403
    token = reader.token("/account")  # a valid token of the reader's session: the role alone refuses
    r = reader.post("/admin/media", data={"form_token": token, "alt": "x"},
                    files={"file": ("a.jpg", jpeg((100, 100)), "image/jpeg")})
    assert r.status_code == 403
    r = reader.post(f"/admin/media/{media_id}", data={"form_token": token, "action": "delete"})
    assert r.status_code == 403
    r = reader.post(f"/admin/media/{media_id}", data={"form_token": token, "action": "save", "alt": "Changed"})
    assert r.status_code == 403
    nothing_stored(srv, rows, before)
    assert media(srv, media_id)["alt"] == "A lecture hall during the plenary session"


def test_a_contributor_uploads_and_describes_but_cannot_delete(srv, contributor):
    media_id = uploaded_id(upload(contributor, png((70, 70)), ctype="image/png"))
    row = media(srv, media_id)
    assert post_media_form(contributor, media_id, action="save", alt="Described by a contributor").status_code == 303
    r = post_media_form(contributor, media_id, action="delete")
    assert r.status_code == 403
    assert "deleted by editors" in r.text
    assert media(srv, media_id)["alt"] == "Described by a contributor"
    assert set(rendition_names(row)) <= files_on_disk(srv)


# ---- what /media/ serves ---------------------------------------------------------------------------------

def test_names_that_are_not_ours_are_404(srv, editor):
    row = media(srv, uploaded_id(upload(editor, jpeg((500, 300)))))
    good = f"{row['hash']}-500.jpg"
    served_image(srv, good, "jpeg")
    with open(os.path.join(srv.media_dir, "notes.txt"), "w") as f:
        f.write("not an image")
    with open(os.path.join(os.path.dirname(srv.media_dir), "secret.jpg"), "w") as f:
        f.write("outside media_dir")
    for path in [
        f"/media/{row['hash'].upper()}-500.jpg",  # uppercase hash
        f"/media/{row['hash']}-501.jpg",  # a width never written
        f"/media/{row['hash']}-500.png",  # another extension
        f"/media/{row['hash']}-500.jpeg",
        f"/media/{row['hash']}-500.jpg.tmp",
        f"/media/{row['hash']}-00500.jpg",
        f"/media/{row['hash'][:-1]}-500.jpg",
        f"/media/{'0' * 32}-320.jpg",  # well formed, no such file
        "/media/notes.txt",  # in media_dir, not a rendition name
        "/media/",
        "/media/..%2fsecret.jpg",
        "/media/%2e%2e%2fsecret.jpg",
        "/media/..%2f..%2fadmin-server.ini",
    ]:
        r = fetch(srv, path)
        assert r.status_code == 404, f"{path}: {r.status_code}"
        assert not r.headers.get("content-type", "").startswith("image/"), path
        assert b"outside media_dir" not in r.content and b"[plenary]" not in r.content, path
    for path in ["/media/../secret.jpg", f"/media/{good}/", f"/media/x/{good}"]:
        r = fetch(srv, path)
        assert r.status_code in (400, 404), f"{path}: {r.status_code}"
        assert b"outside media_dir" not in r.content, path
    # a path that normalises to the good name is the good name
    r = fetch(srv, f"/media/..%2fmedia%2f{good}")
    assert r.status_code == 200 and r.content == fetch(srv, f"/media/{good}").content


# ---- alt text, credit and the featured image on articles -------------------------------------------------

def test_alt_and_credit_are_edited_and_the_article_shows_them(srv, editor, section):
    row = media(srv, uploaded_id(upload(editor, jpeg((1400, 700)), alt="Old alt text", credit="Old credit")))
    article_id = saved_article(new_article(editor, section, image=str(row["id"])))
    path = article_path(srv, article_id)
    fig, img = featured_img(srv, article_id)
    assert img.get("alt") == "Old alt text"

    r = post_media_form(editor, row["id"], action="save", alt='New <alt> & "text"', credit="")
    assert r.status_code == 303 and r.headers["location"] == f"/admin/media/{row['id']}?saved=1"
    assert (media(srv, row["id"])["alt"], media(srv, row["id"])["credit"]) == ('New <alt> & "text"', "")
    fig, img = featured_img(srv, article_id)  # the page cache must not keep the old alt
    assert img.get("alt") == 'New <alt> & "text"'
    assert fig.find("figcaption") is None, "an empty credit has a caption"
    assert 'New <alt>' not in fetch(srv, path).text, "alt text is not escaped on the article page"
    page = editor.get(f"/admin/media/{row['id']}?saved=1")
    assert "Saved." in page.text
    assert srv.query("SELECT count(*) FROM audit_log WHERE action = 'media.update' AND target = ?",
                     (f"media:{row['id']}",))[0][0] == 1

    r = post_media_form(editor, row["id"], action="save", alt="", credit="Kept credit")
    assert r.status_code == 422
    assert set(errors_of(r.text)) == {"alt"}
    form = next(f for f in parse_html(r.text).find_all("form") if f.find("input", name="alt") is not None)
    assert dict(form_values(form))["credit"] == "Kept credit"
    assert media(srv, row["id"])["alt"] == 'New <alt> & "text"'


def test_featured_image_has_srcset_of_every_width(srv, editor, section):
    row = media(srv, uploaded_id(upload(editor, jpeg((1600, 900)), alt="Speaker at the podium",
                                        credit="Photo: ESMO")))
    # the editor offers it by its alt text
    doc = parse_html(editor.get("/admin/articles/new").text)
    options = {o.get("value"): text_of(o) for o in doc.find("select", id="field-image").find_all("option")}
    assert options[str(row["id"])] == "Speaker at the podium (1600 × 900)"
    article_id = saved_article(new_article(editor, section, image=str(row["id"])))
    assert srv.query("SELECT image_id FROM article WHERE id = ?", (article_id,))[0][0] == row["id"]
    fig, img = featured_img(srv, article_id)
    assert img is not None, "the article page has no featured image"
    names = rendition_names(row)
    srcset = [part.strip().split(" ") for part in img.get("srcset").split(",")]
    assert srcset == [[f"/media/{n}", f"{w}w"] for n, w in zip(names, widths(1600))]
    assert img.get("src") == f"/media/{row['hash']}-960.jpg"
    assert (img.get("width"), img.get("height")) == ("1600", "900")
    assert img.get("alt") == "Speaker at the podium" and img.get("sizes")
    for url, w in srcset:
        im, _ = served_image(srv, url[len("/media/"):], "jpeg")
        assert f"{im.size[0]}w" == w
    # the editor shows it chosen; choosing none takes it off the page
    doc = parse_html(editor.get(f"/admin/articles/{article_id}").text)
    assert dict(form_values(editor_form(doc)))["image"] == str(row["id"])
    saved_article(edit_article(editor, article_id, image=""))
    assert featured_img(srv, article_id) == (None, None)


def test_the_credit_is_the_featured_image_caption(srv, editor, section):
    row = media(srv, uploaded_id(upload(editor, png((360, 240)), ctype="image/png", credit='Photo: "ESMO" & <co>')))
    article_id = saved_article(new_article(editor, section, image=str(row["id"])))
    fig, _ = featured_img(srv, article_id)
    caption = fig.find("figcaption")
    assert caption is not None, "the credit is not shown"
    assert text_of(caption) == 'Photo: "ESMO" & <co>'


def test_an_image_from_nowhere_is_422(srv, editor, section, site):
    other = srv.query("SELECT id FROM site WHERE id <> ? ORDER BY id LIMIT 1", (site,))[0]["id"]
    srv.execute("INSERT INTO media (site_id, hash, kind, width, height, bytes, alt, created_at) "
                "VALUES (?, ?, 'png', 10, 10, 100, 'Of another site', strftime('%s','now'))",
                (other, os.urandom(16).hex()))
    foreign = srv.query("SELECT max(id) FROM media WHERE site_id = ?", (other,))[0][0]
    articles = srv.query("SELECT count(*) FROM article")[0][0]
    for bad in ("999999", str(foreign)):
        r = new_article(editor, section, image=bad, title="Never saved with a stray image")
        assert r.status_code == 422, bad
        assert errors_of(r.text)["image"] == NO_IMAGE
    assert srv.query("SELECT count(*) FROM article")[0][0] == articles
    # the other site's image is not even offered
    doc = parse_html(editor.get("/admin/articles/new").text)
    assert str(foreign) not in [o.get("value") for o in doc.find("select", id="field-image").find_all("option")]


# ---- deletion --------------------------------------------------------------------------------------------

def test_delete_waits_until_no_article_shows_it(srv, editor, section):
    body = webp((700, 350))
    row = media(srv, uploaded_id(upload(editor, body, filename="d.webp", ctype="image/webp")))
    names = rendition_names(row)
    article_id = saved_article(new_article(editor, section, image=str(row["id"]), status="draft"))
    page = parse_html(editor.get(f"/admin/media/{row['id']}").text)
    assert not [b for b in page.find_all("button") if b.get("value") == "delete"], "a delete button for a used image"
    assert "1 article" in text_of(page.find("dl", class_="facts"))

    r = post_media_form(editor, row["id"], action="delete")
    assert r.status_code == 409
    assert media(srv, row["id"]) is not None and set(names) <= files_on_disk(srv)
    assert fetch(srv, f"/media/{names[0]}").status_code == 200

    saved_article(edit_article(editor, article_id, image=""))
    page = parse_html(editor.get(f"/admin/media/{row['id']}").text)
    assert [b for b in page.find_all("button") if b.get("value") == "delete"]
    r = post_media_form(editor, row["id"], action="delete")
    assert r.status_code == 303 and r.headers["location"] == "/admin/media?deleted=1"
    assert media(srv, row["id"]) is None
    assert not set(names) & files_on_disk(srv), "the files stayed on disk"
    for n in names:
        assert fetch(srv, f"/media/{n}").status_code == 404
    assert editor.get(f"/admin/media/{row['id']}").status_code == 404
    assert "The image was deleted." in editor.get("/admin/media?deleted=1").text
    assert srv.query("SELECT count(*) FROM audit_log WHERE action = 'media.delete' AND target = ?",
                     (f"media:{row['id']}",))[0][0] == 1
    assert editor.post(f"/admin/media/{row['id']}", data={"form_token": editor.token("/admin/media"),
                                                          "action": "delete"}).status_code == 404
    # the same bytes uploaded again make a new image, files and all
    again = media(srv, uploaded_id(upload(editor, body, filename="d.webp", ctype="image/webp")))
    assert again["hash"] == row["hash"] and again["alt"] == "A lecture hall during the plenary session"
    assert set(names) <= files_on_disk(srv)


def test_files_shared_with_another_site_stay_until_the_last_is_deleted(srv, editor, site):
    """Files are named by content alone, so a sister site's image of the same bytes shares them."""
    row = media(srv, uploaded_id(upload(editor, png((330, 100)), ctype="image/png")))
    names = rendition_names(row)
    other = srv.query("SELECT id FROM site WHERE id <> ? ORDER BY id LIMIT 1", (site,))[0]["id"]
    srv.execute("INSERT INTO media (site_id, hash, kind, width, height, bytes, alt, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, 'The same picture elsewhere', strftime('%s','now'))",
                (other, row["hash"], row["kind"], row["width"], row["height"], row["bytes"]))
    r = post_media_form(editor, row["id"], action="delete")
    assert r.status_code == 303 and media(srv, row["id"]) is None
    assert set(names) <= files_on_disk(srv), "the files the sister site's image shows were removed"
    for n in names:
        assert fetch(srv, f"/media/{n}").status_code == 200


def test_ids_that_are_not_images(srv, editor):
    for path in ("/admin/media/0", "/admin/media/999999", "/admin/media/abc", "/admin/media/-1"):
        assert editor.get(path).status_code == 404, path


# ---- the upload limit, on a server of its own ------------------------------------------------------------

@pytest.fixture(scope="module")
def small():
    """A server with upload_max_mb = 1."""
    with tempfile.TemporaryDirectory(prefix="plenary-media-") as tmp:
        media_dir = os.path.join(tmp, "media")
        s = start_plenary(tmp, make_demo_database(tmp), {"upload_max_mb": 1, "media_dir": media_dir},
                          name="media-server")
        s.media_dir = media_dir
        yield s
        rc = s.stop()
        assert rc == 0, f"the media server exited with {rc}; log tail:\n{s.log()[-3000:]}"


def test_upload_limit(small):
    editor = make_staff(small, "editor")
    page = parse_html(editor.get("/admin/media").text)
    assert "at most 1 MB" in text_of(page.find("main"))
    # far over: refused from the Content-Length, before the body is sent, and the connection closed
    conn = PortConnection(small.port)
    try:
        conn.send(f"POST /admin/media HTTP/1.1\r\nHost: 127.0.0.1:{small.port}\r\n"
                  f"Cookie: plenary_session={editor.cookie}\r\n"
                  "Content-Type: multipart/form-data; boundary=x\r\n"
                  f"Content-Length: {4 * 1024 * 1024}\r\n\r\n".encode() + b"--x\r\n")
        r = conn.response()
        assert r is not None and r.status == 413
        assert conn.closed()
    finally:
        conn.close()
    assert small.query("SELECT count(*) FROM media")[0][0] == 0 and not os.listdir(small.media_dir)
    # under the limit still works
    media_id = uploaded_id(upload(editor, jpeg((500, 500))))
    assert small.query("SELECT width FROM media WHERE id = ?", (media_id,))[0][0] == 500


def test_a_sponsor_logo_comes_from_the_library_and_shows_on_its_articles(srv, editor, section):
    media_id = uploaded_id(upload(editor, png((600, 200)), ctype="image/png", alt="Helix Oncology logo"))
    row = media(srv, media_id)
    logo = f"/media/{row['hash']}-320.png"
    doc = parse_html(editor.get("/admin/sponsors/new").text)
    options = {o.get("value"): text_of(o) for o in doc.find("select", id="field-logo").find_all("option")}
    assert options.get(logo) == "Helix Oncology logo", "the library's images are offered by their alt text"
    assert options.get("") == "No logo"
    name = f"Helix Oncology {os.urandom(3).hex()}"
    token = editor.token("/admin/sponsors/new", "/admin/sponsors")
    r = editor.post("/admin/sponsors", data={"form_token": token, "name": name, "url": "https://helix.example",
                                             "logo": logo, "disclosure": "Helix funded this coverage."})
    assert r.status_code == 303, errors_of(r.text)
    sponsor = srv.query("SELECT id, logo FROM sponsor WHERE name = ?", (name,))[0]
    assert sponsor["logo"] == logo
    doc = parse_html(editor.get(f"/admin/sponsors/{sponsor['id']}").text)
    chosen = next((o for o in doc.find("select", id="field-logo").find_all("option") if "selected" in o.attrs), None)
    assert chosen is not None and chosen.get("value") == logo, "the saved logo is selected again"
    article_id = saved_article(new_article(editor, section, sponsors=str(sponsor["id"])))
    page = parse_html(fetch(srv, article_path(srv, article_id)).text)
    img = page.find("section", class_="sponsors").find("img", class_="sponsor-logo")
    assert img is not None and img.get("src") == logo and img.get("alt") == name
    assert fetch(srv, logo).headers["content-type"] == "image/png"
    # a logo that is not a path on this site is refused
    token = editor.token("/admin/sponsors/new", "/admin/sponsors")
    r = editor.post("/admin/sponsors", data={"form_token": token, "name": name + " bis", "url": "",
                                             "logo": "https://evil.example/x.png", "disclosure": "x"})
    assert r.status_code == 422 and "logo" in errors_of(r.text)
