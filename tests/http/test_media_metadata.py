"""Image metadata never reaches the public: a JPEG, PNG and WebP carrying GPS EXIF (with camera, artist and
date), XMP and an ICC profile are uploaded through the form and through the chunked uploader, and every
rendition /media/ serves is checked for each of them, in its bytes and as Pillow reads it.

ICC: the renditions carry no profile (browsers read untagged images as sRGB), so none can identify a device;
the cost is that a wide-gamut (e.g. Display P3) upload is shown as if it were sRGB.
"""
import io
import random
import re
import struct

import pytest
from PIL import Image, ImageCms

from conftest import make_staff

TYPES = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
EXT = {"jpeg": "jpg", "png": "png", "webp": "webp"}
PIL_FORMAT = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}
SECRETS = (b"SecretCamMaker", b"SecretCamModel", b"Jane Photographer", b"2026:03:14", b"XmpSecretCreator")


@pytest.fixture(scope="module")
def srv(admin_server):
    return admin_server


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Meta Data")


def gps_exif():
    exif = Image.Exif()
    exif[0x010F] = "SecretCamMaker"  # Make
    exif[0x0110] = "SecretCamModel"  # Model
    exif[0x013B] = "Jane Photographer"  # Artist
    exif[0x0132] = "2026:03:14 09:26:53"  # DateTime
    # GPS IFD: 38° 43' 20" N, 9° 8' 22" W (a hotel room, say)
    exif[0x8825] = {1: "N", 2: (38.0, 43.0, 20.0), 3: "W", 4: (9.0, 8.0, 22.0)}
    return exif.tobytes()


XMP = (b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
       b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
       b'xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="XmpSecretCreator"/></rdf:RDF></x:xmpmeta>'
       b'<?xpacket end="w"?>')


def icc_profile():
    """An sRGB profile as a camera or an editor embeds one (its 'acsp' signature is what the renditions lack)."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def picture(size, seed):
    rnd = random.Random(seed)
    im = Image.new("RGB", size, tuple(rnd.randrange(256) for _ in range(3)))
    im.paste(tuple(rnd.randrange(256) for _ in range(3)), (0, 0, size[0] // 3, size[1]))
    for _ in range(50):
        im.putpixel((rnd.randrange(size[0]), rnd.randrange(size[1])), tuple(rnd.randrange(256) for _ in range(3)))
    return im


def with_xmp_png(body):
    """Adds an iTXt XML:com.adobe.xmp chunk (Pillow does not write one) before IEND."""
    import zlib
    data = b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + XMP
    chunk = struct.pack(">I", len(data)) + b"iTXt" + data + struct.pack(">I", zlib.crc32(b"iTXt" + data))
    return body[:-12] + chunk + body[-12:]


def image_with_metadata(kind, size, seed):
    im = picture(size, seed)
    b = io.BytesIO()
    icc = icc_profile()
    if kind == "jpeg":
        im.save(b, "JPEG", quality=90, exif=gps_exif(), icc_profile=icc, comment=b"SecretCamMaker comment")
        body = b.getvalue()
        # an APP1 XMP segment right after SOI
        xmp = b"http://ns.adobe.com/xap/1.0/\x00" + XMP
        body = body[:2] + b"\xff\xe1" + struct.pack(">H", len(xmp) + 2) + xmp + body[2:]
    elif kind == "png":
        from PIL.PngImagePlugin import PngInfo
        info = PngInfo()
        info.add_text("Author", "Jane Photographer")
        im.save(b, "PNG", exif=gps_exif(), icc_profile=icc, pnginfo=info)
        body = with_xmp_png(b.getvalue())
    else:
        im.save(b, "WEBP", quality=85, exif=gps_exif(), icc_profile=icc, xmp=XMP)
        body = b.getvalue()
    for needle in (b"SecretCamMaker", b"Jane Photographer", b"XmpSecretCreator"):
        assert needle in body, (kind, needle)
    got = Image.open(io.BytesIO(body))
    assert got.getexif().get_ifd(0x8825), f"the {kind} upload has no GPS EXIF to strip"
    return body


def assert_clean(srv, name, kind):
    r = srv_get(srv, f"/media/{name}")
    assert r.status_code == 200, f"/media/{name}: {r.status_code}"
    assert r.headers["content-type"] == TYPES[kind]
    raw = r.content
    for needle in SECRETS + (b"Exif\x00\x00", b"http://ns.adobe.com/xap", b"x:xmpmeta", b"acsp"):
        assert needle not in raw, f"{name} still carries {needle!r}"
    im = Image.open(io.BytesIO(raw))
    im.load()
    assert im.format == PIL_FORMAT[kind]
    assert not im.getexif(), f"{name} still has EXIF: {dict(im.getexif())}"
    assert not im.info.get("exif") and not im.info.get("xmp") and not im.info.get("XML:com.adobe.xmp"), name
    assert not im.info.get("icc_profile"), f"{name} still has an ICC profile"
    if kind == "webp":
        # no EXIF, XMP or ICCP chunk in the RIFF container at all
        assert not re.search(rb"EXIF|XMP |ICCP", raw[12:16] + b"".join(chunk_names(raw))), chunk_names(raw)
    if kind == "png":
        assert not getattr(im, "text", {}), f"{name} has text chunks {im.text}"
        assert b"eXIf" not in raw and b"iCCP" not in raw and b"iTXt" not in raw and b"tEXt" not in raw


def chunk_names(raw):
    names, pos = [], 12
    while pos + 8 <= len(raw):
        kind, size = raw[pos:pos + 4], struct.unpack("<I", raw[pos + 4:pos + 8])[0]
        names.append(kind)
        pos += 8 + size + (size & 1)
    return names


def srv_get(srv, path):
    import requests
    return requests.get(srv.url(path), timeout=10, allow_redirects=False)


def renditions(srv, media_id):
    row = srv.query("SELECT * FROM media WHERE id = ?", (media_id,))[0]
    largest = min(row["width"], 1920)
    ws = [w for w in (320, 640, 960, 1280, 1920) if w < largest] + [largest]
    return row, [f"{row['hash']}-{w}.{EXT[row['kind']]}" for w in ws]


@pytest.mark.parametrize("kind", ["jpeg", "png", "webp"])
def test_form_upload_renditions_carry_no_metadata(srv, editor, kind):
    body = image_with_metadata(kind, (700, 300), seed=f"form-{kind}")
    assert len(body) < 256 * 1024
    fields = {"form_token": editor.token("/admin/media", "/admin/media"), "alt": "A poster", "credit": ""}
    r = editor.post("/admin/media", data=fields, files={"file": (f"p.{EXT[kind]}", body, TYPES[kind])})
    assert r.status_code == 303, (r.status_code, r.text[:300])
    media_id = int(re.fullmatch(r"/admin/media/(\d+)\?uploaded=1", r.headers["location"]).group(1))
    row, names = renditions(srv, media_id)
    assert row["kind"] == kind and len(names) == 3  # 320, 640 and 700 wide
    for name in names:
        assert_clean(srv, name, kind)


@pytest.mark.parametrize("kind", ["jpeg", "png", "webp"])
def test_chunked_upload_renditions_carry_no_metadata(srv, editor, kind):
    body = image_with_metadata(kind, (1000, 500), seed=f"chunk-{kind}")
    token = editor.token("/admin/media", "/admin/media")
    r = editor.post("/admin/uploads", data={"name": f"c.{EXT[kind]}", "size": str(len(body)), "type": TYPES[kind],
                                            "alt": "A hall", "credit": "", "form_token": token})
    assert r.status_code == 201, (r.status_code, r.text)
    j = r.json()
    offset, step = 0, j["chunk_size"]
    while offset < len(body):
        piece = body[offset:offset + step]
        r = editor.post(j["url"], data=piece, headers={"Content-Type": "application/offset+octet-stream",
                                                       "Upload-Offset": str(offset), "X-Form-Token": token})
        assert r.status_code == 200, (r.status_code, r.text)
        offset += len(piece)
    done = r.json()
    assert done["done"] is True
    row, names = renditions(srv, done["media_id"])
    assert row["kind"] == kind and len(names) == 4  # 320, 640, 960 and 1000 wide
    for name in names:
        assert_clean(srv, name, kind)


def test_webp_renditions_written_before_the_fix_are_stripped_when_the_server_starts(tmp_path):
    """WebP renditions already on disk (written when webpsave kept EXIF) lose their metadata chunks when the
    server starts, in place: same name, same pixels."""
    import hashlib
    from conftest import make_demo_database, start_plenary
    media_dir = tmp_path / "media"
    media_dir.mkdir()
    body = image_with_metadata("webp", (320, 200), seed="old-rendition")
    name = hashlib.sha256(body).hexdigest()[:32] + "-320.webp"
    (media_dir / name).write_bytes(body)
    clean = io.BytesIO()
    picture((320, 200), "plain").save(clean, "WEBP", quality=80)
    plain = hashlib.sha256(clean.getvalue()).hexdigest()[:32] + "-320.webp"
    (media_dir / plain).write_bytes(clean.getvalue())
    srv = start_plenary(str(tmp_path), make_demo_database(str(tmp_path)), {"media_dir": str(media_dir)},
                        name="old-renditions")
    try:
        assert_clean(srv, name, "webp")
        before = Image.open(io.BytesIO(body)).convert("RGB")
        after = Image.open(io.BytesIO(srv_get(srv, f"/media/{name}").content)).convert("RGB")
        assert after.tobytes() == before.tobytes(), "the image data changed"
        assert (media_dir / plain).read_bytes() == clean.getvalue(), "a clean rendition was rewritten"
    finally:
        assert srv.stop() == 0
