"""The body's Markdown toolbar as the server sends it: hidden until editor.js shows it (a plain textarea
without JavaScript), every button named for assistive technology, the shortcuts declared, and an image
picker listing the media library with addresses that serve the image and render through Markdown."""
import io
import re

import pytest
import requests
from PIL import Image

from conftest import make_staff, parse_html, text_of


@pytest.fixture(scope="module")
def srv(admin_server):
    return admin_server


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Tom Toolbar")


def png():
    out = io.BytesIO()
    Image.new("RGB", (400, 300), (30, 120, 60)).save(out, "PNG")
    return out.getvalue()


def test_the_toolbar_is_hidden_without_script_and_every_button_is_named(srv, editor):
    doc = parse_html(editor.get("/admin/articles/new").text)
    bar = doc.find("div", class_="md-toolbar")
    assert bar is not None and "hidden" in bar.attrs
    assert bar.get("role") == "toolbar" and bar.get("aria-label") and bar.get("aria-controls") == "field-body"
    buttons = {b.get("aria-label"): b for b in bar.find_all("button")}
    assert set(buttons) == {"Heading", "Subheading", "Bold", "Italic", "Link", "Bulleted list", "Numbered list",
                            "Quote", "Image from the library"}
    assert all(b.get("type") == "button" for b in buttons.values()), "a toolbar button would submit the form"
    assert {k: buttons[k].get("aria-keyshortcuts") for k in ("Bold", "Italic", "Link")} == {
        "Bold": "Control+B", "Italic": "Control+I", "Link": "Control+K"}
    # the body is still the one textarea the form posts
    assert doc.find("textarea", id="field-body").get("name") == "body"


def test_the_picker_lists_the_library_with_addresses_that_serve_the_image(srv, editor):
    alt = "Kaplan-Meier curve of the picker test"
    tok = parse_html(editor.get("/admin/media").text).find("input", name="form_token").get("value")
    r = editor.post("/admin/media", data={"form_token": tok, "alt": alt, "credit": ""},
                    files={"file": ("curve.png", png(), "image/png")})
    assert r.status_code == 303, r.text[:300]
    doc = parse_html(editor.get("/admin/articles/new").text)
    dialog = doc.find("dialog", id="md-images")
    assert dialog is not None and "open" not in dialog.attrs
    choices = [b for b in dialog.find_all("button", class_="md-image-choice") if b.get("data-alt") == alt]
    assert len(choices) == 1
    src = choices[0].get("data-src")
    assert re.fullmatch(r"/media/[0-9a-f]{32}-\d+\.png", src), src
    got = requests.get(srv.url(src), timeout=10)
    assert got.status_code == 200 and got.headers["content-type"] == "image/png"
    thumb = choices[0].find("img")
    assert thumb.get("alt") == "" and thumb.get("loading") == "lazy" and thumb.get("width") == "128"
    assert requests.get(srv.url(thumb.get("src")), timeout=10).status_code == 200
    # what the picker writes renders as the image in the preview
    tok = doc.find("input", name="form_token").get("value")
    section = doc.find("select", id="field-section").find_all("option")
    sid = [o.get("value") for o in section if o.get("value")][0]
    r = editor.post("/admin/articles", data={"form_token": tok, "title": "Picker preview", "section": sid,
                                             "status": "draft", "audience": "public", "action": "preview",
                                             "body": f"Text.\n\n![{alt}]({src})\n"})
    assert r.status_code == 200
    img = parse_html(r.text).find("div", class_="article-body").find("img")
    assert img is not None and img.get("src") == src and img.get("alt") == alt


def test_the_picker_closes_without_choosing(srv, editor):
    doc = parse_html(editor.get("/admin/articles/new").text)
    dialog = doc.find("dialog", id="md-images")
    close = dialog.find("form", method="dialog")
    assert close is not None and text_of(close.find("button")) == "Cancel"
