"""Compressed pages: brotli and gzip bodies kept with each cached page decode to exactly the page itself, per
reader values (the form token, a signed-in reader's name) spliced into the gzip stream included; each
encoding has its own ETag; Vary names Accept-Encoding."""
import gzip
import re

import brotli
import pytest
import requests

from conftest import SERVER, make_staff, url

CONSENTED = {"Cookie": "plenary_consent=rejected"}  # no banner form: a page without per-reader parts


def fetch(path, encoding, headers=None):
    """The response and its body bytes exactly as sent (not decoded)."""
    h = {"Accept-Encoding": encoding, **(headers or {})}
    r = requests.get(url(path), headers=h, stream=True, timeout=10, allow_redirects=False)
    return r, r.raw.read(decode_content=False)


def decoded(r, raw):
    coding = r.headers.get("content-encoding")
    if coding == "br":
        return brotli.decompress(raw)
    if coding == "gzip":
        return gzip.decompress(raw)
    assert coding is None, coding
    return raw


@pytest.fixture(scope="module")
def article_path():
    home = requests.get(url("/"), headers=CONSENTED, timeout=10).text
    return re.search(r'href="(/article/[^"/?#]+)"', home).group(1)


@pytest.mark.parametrize("path", ["/", "ARTICLE", "/congresses", "/search?q=survival"])
def test_brotli_and_gzip_decode_to_the_identity_page(path, article_path):
    path = article_path if path == "ARTICLE" else path
    plain, plain_raw = fetch(path, "identity", CONSENTED)
    assert plain.status_code == 200 and "content-encoding" not in plain.headers
    for coding in ("br", "gzip"):
        r, raw = fetch(path, coding, CONSENTED)
        assert r.status_code == 200
        assert r.headers["content-encoding"] == coding, f"{path} not sent as {coding}"
        assert int(r.headers["content-length"]) == len(raw) < len(plain_raw)
        assert decoded(r, raw) == plain_raw, f"{path}: the {coding} body is not the page"
        assert "Accept-Encoding" in r.headers["vary"] and "Cookie" in r.headers["vary"]


def test_a_page_with_a_form_token_is_gzip_with_the_token_spliced_in():
    # without a consent choice the banner's form carries a token spliced in at send time
    plain, plain_raw = fetch("/", "identity")
    assert b'name="form_token"' in plain_raw
    r, raw = fetch("/", "gzip")
    assert r.headers["content-encoding"] == "gzip"
    assert decoded(r, raw) == plain_raw, "the spliced gzip stream is not the page"
    # brotli needs a whole body: such a page goes as gzip or as it is
    r, raw = fetch("/", "br")
    assert "content-encoding" not in r.headers and raw == plain_raw


def test_each_encoding_has_its_own_etag_and_revalidates():
    tags = {}
    for coding in ("identity", "gzip", "br"):
        r, _ = fetch("/", coding, CONSENTED)
        tags[coding] = r.headers["etag"]
        again, raw = fetch("/", coding, {**CONSENTED, "If-None-Match": r.headers["etag"]})
        assert again.status_code == 304 and raw == b""
    assert len(set(tags.values())) == 3, tags
    # an ETag of another encoding does not revalidate this one
    r, _ = fetch("/", "gzip", {**CONSENTED, "If-None-Match": tags["br"]})
    assert r.status_code == 200


def test_head_gives_the_length_of_the_compressed_body():
    r, raw = fetch("/", "gzip", CONSENTED)
    h = requests.head(url("/"), headers={"Accept-Encoding": "gzip", **CONSENTED}, timeout=10)
    assert h.status_code == 200 and h.headers["content-encoding"] == "gzip"
    assert int(h.headers["content-length"]) == len(raw)


def test_a_signed_in_reader_gets_their_own_name_inside_the_gzip_stream():
    staff = make_staff(SERVER, "reader", name="Gzip Reader Ödön")
    s = staff.http
    s.cookies.set("plenary_consent", "rejected")
    plain = s.get(url("/"), headers={"Accept-Encoding": "identity"}, stream=True, timeout=10)
    plain_raw = plain.raw.read(decode_content=False)
    assert "Gzip Reader Ödön".encode() in plain_raw
    r = s.get(url("/"), headers={"Accept-Encoding": "gzip"}, stream=True, timeout=10)
    raw = r.raw.read(decode_content=False)
    assert r.headers["content-encoding"] == "gzip"
    body = gzip.decompress(raw)
    assert body == plain_raw, "the name and token spliced into the gzip stream differ from the plain page"
    assert r.headers["cache-control"] == "private, no-store"
