"""The reader's pictures: cards and lists show each article's featured image (srcset over the renditions the
media library made, or the one image; lazy; width and height set; alt from the library), and each site has a
logo and a favicon chosen in the sites form from its own media library (never another site's).

A server of its own (demo database, media folder in its temporary directory): the default site's logo
changes here, which other modules' pages must not see."""
import io
import json
import os
import subprocess
import random
import re
import tempfile

import pytest
import requests
from PIL import Image

from conftest import REPO, form_values, make_demo_database, make_staff, parse_html, start_plenary, text_of

STANDARD = (320, 640, 960, 1280, 1920)


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-reader-images-") as tmp:
        server = start_plenary(tmp, make_demo_database(tmp), {"outbox": os.path.join(tmp, "outbox"),
                                                             "media_dir": os.path.join(tmp, "media")},
                               name="reader-images")
        yield server
        assert server.stop() == 0, server.log()[-3000:]


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Ida Images")


@pytest.fixture(scope="module")
def admin(srv):
    return make_staff(srv, "admin", name="Ada Sites")


@pytest.fixture(scope="module")
def site(srv):
    return srv.query("SELECT id, slug FROM site WHERE is_default = 1")[0]


@pytest.fixture(scope="module")
def section(srv, site):
    return srv.query("SELECT id, slug FROM section WHERE site_id = ? ORDER BY id LIMIT 1", (site["id"],))[0]


def image_bytes(size, fmt="JPEG"):
    rnd = random.Random(os.urandom(8))
    im = Image.new("RGB", size, tuple(rnd.randrange(256) for _ in range(3)))
    im.paste(tuple(rnd.randrange(256) for _ in range(3)), (0, 0, max(1, size[0] // 3), size[1]))
    b = io.BytesIO()
    im.save(b, fmt)
    return b.getvalue()


def upload(staff, data, alt, filename="photo.jpg", ctype="image/jpeg"):
    fields = {"form_token": staff.token("/admin/media", "/admin/media"), "alt": alt, "credit": ""}
    r = staff.post("/admin/media", data=fields, files={"file": (filename, data, ctype)})
    assert r.status_code == 303, r.text[:500]
    return int(re.fullmatch(r"/admin/media/(\d+)\?uploaded=1", r.headers["location"]).group(1))


def new_article(staff, section, image):
    n = os.urandom(4).hex()
    doc = parse_html(staff.get("/admin/articles/new").text)
    form = next(f for f in doc.find_all("form") if f.get("action") == "/admin/articles")
    token = dict(form_values(form))["form_token"]
    fields = {"form_token": token, "title": f"Card picture {n}", "slug": "", "summary": f"Summary {n}.",
              "body": f"Body {n}.", "section": str(section["id"]), "congress": "", "trial": "", "interviewer": "",
              "references": "", "tags": "", "audience": "public", "video_url": "", "status": "published",
              "published": "", "image": str(image) if image else "", "action": "save"}
    r = staff.post("/admin/articles", data=fields)
    assert r.status_code == 303, r.text[:500]
    article_id = int(re.search(r"/admin/articles/(\d+)", r.headers["location"]).group(1))
    return srv_slug(staff.srv, article_id)


def srv_slug(srv, article_id):
    return srv.query("SELECT slug FROM article WHERE id = ?", (article_id,))[0]["slug"]


def anon(srv, path):
    r = requests.get(srv.url(path), timeout=10, allow_redirects=False)
    assert r.status_code == 200, (path, r.status_code)
    return parse_html(r.text)


def card_of(doc, slug):
    for card in doc.find_all("article", class_="card"):
        if card.find("a", href=f"/article/{slug}") is not None:
            return card
    raise AssertionError(f"no card for {slug}")


def widths(w):
    largest = min(w, 1920)
    return [s for s in STANDARD if s < largest] + [largest]


def test_cards_show_the_featured_image_responsive_lazy_and_sized(srv, editor, section):
    alt = "Forest plot of overall survival by subgroup"
    media_id = upload(editor, image_bytes((1000, 600)), alt)
    h = srv.query("SELECT hash FROM media WHERE id = ?", (media_id,))[0]["hash"]
    slug = new_article(editor, section, media_id)
    plain = new_article(editor, section, None)
    for path in ["/", f"/section/{section['slug']}"]:
        doc = anon(srv, path)
        img = card_of(doc, slug).find("img", class_="card-image")
        assert img is not None, f"{path}: the card has no image"
        assert img.get("alt") == alt
        assert img.get("loading") == "lazy"
        assert (img.get("width"), img.get("height")) == ("1000", "600")
        assert img.get("srcset") == ", ".join(f"/media/{h}-{w}.jpg {w}w" for w in widths(1000))
        assert img.get("sizes") and "100vw" in img.get("sizes")
        assert img.get("src") == f"/media/{h}-960.jpg"
        assert requests.get(srv.url(img.get("src")), timeout=10).status_code == 200
        # a card without a featured image has none, and never borrows another's
        assert card_of(doc, plain).find("img") is None


def test_a_small_image_is_its_one_rendition(srv, editor, section):
    media_id = upload(editor, image_bytes((300, 200), "PNG"), "A small diagram", "d.png", "image/png")
    h = srv.query("SELECT hash FROM media WHERE id = ?", (media_id,))[0]["hash"]
    slug = new_article(editor, section, media_id)
    img = card_of(anon(srv, f"/section/{section['slug']}"), slug).find("img", class_="card-image")
    assert img.get("srcset") == f"/media/{h}-300.png 300w" and img.get("src") == f"/media/{h}-300.png"
    assert (img.get("width"), img.get("height")) == ("300", "200")


def test_related_cards_on_an_article_never_show_the_articles_own_image(srv, editor, section):
    media_id = upload(editor, image_bytes((700, 400)), "The article's own picture")
    slug = new_article(editor, section, media_id)
    doc = anon(srv, f"/article/{slug}")
    related = doc.find("section", class_="related")
    if related is not None:
        for img in related.find_all("img"):
            assert img.get("alt") != "The article's own picture"


def site_form(admin, site_id):
    page = admin.get(f"/admin/sites/{site_id}")
    assert page.status_code == 200, page.status_code
    form = next(f for f in parse_html(page.text).find_all("form") if f.get("action") == f"/admin/sites/{site_id}")
    return dict(form_values(form)), parse_html(page.text)


def save_site(admin, site_id, **changes):
    values, _ = site_form(admin, site_id)
    values.update(changes)
    return admin.post(f"/admin/sites/{site_id}", data=values)


def test_a_site_has_a_logo_and_a_favicon_from_its_media_library(srv, admin, editor, site):
    logo = upload(editor, image_bytes((600, 200), "PNG"), "Plenary Oncology logo", "logo.png", "image/png")
    icon = upload(editor, image_bytes((64, 64), "PNG"), "Plenary icon", "icon.png", "image/png")
    values, doc = site_form(admin, site["id"])
    select = doc.find("select", name="logo_id")
    assert select is not None and doc.find("select", name="favicon_id") is not None
    labels = [text_of(o) for o in select.find_all("option")]
    assert labels[0] == "None" and any("Plenary Oncology logo" in x and "logo.png" in x for x in labels)
    r = save_site(admin, site["id"], logo_id=str(logo), favicon_id=str(icon))
    assert r.status_code == 303, r.text[:800]
    hashes = {row["id"]: row["hash"] for row in srv.query("SELECT id, hash FROM media WHERE id IN (?, ?)", (logo, icon))}
    for path in ["/", f"/section/{srv.query('SELECT slug FROM section WHERE site_id = ? LIMIT 1', (site['id'],))[0]['slug']}",
                 "/signin", "/no-such-page-here"]:
        r = requests.get(srv.url(path), timeout=10)
        doc = parse_html(r.text)
        img = doc.find("a", class_="brand").find("img", class_="brand-logo")
        assert img is not None, f"{path}: no logo"
        assert img.get("srcset") == ", ".join(f"/media/{hashes[logo]}-{w}.png {w}w" for w in widths(600))
        assert (img.get("width"), img.get("height")) == ("600", "200") and img.get("sizes") == "144px"
        icons = [l for l in doc.find_all("link") if l.get("rel") == "icon"]
        assert len(icons) == 1 and icons[0].get("href") == f"/media/{hashes[icon]}-64.png"
        assert icons[0].get("type") == "image/png"
    assert requests.get(srv.url(f"/media/{hashes[icon]}-64.png"), timeout=10).status_code == 200
    # the form shows what is chosen; None takes it away
    values, doc = site_form(admin, site["id"])
    assert values["logo_id"] == str(logo) and values["favicon_id"] == str(icon)
    assert save_site(admin, site["id"], logo_id="", favicon_id="").status_code == 303
    doc = anon(srv, "/")
    assert doc.find("img", class_="brand-logo") is None
    assert not [l for l in doc.find_all("link") if l.get("rel") == "icon"]


def test_another_sites_image_or_nonsense_is_refused(srv, admin, editor, site):
    other = srv.query("SELECT id FROM site WHERE id <> ? ORDER BY id LIMIT 1", (site["id"],))[0]["id"]
    mine = upload(editor, image_bytes((200, 200), "PNG"), "Mine", "m.png", "image/png")
    srv.execute("INSERT INTO media (site_id, hash, kind, width, height, bytes, alt, created_at) "
                "VALUES (?, ?, 'png', 100, 100, 10, 'Theirs', 1)", (other, os.urandom(16).hex()))
    theirs = srv.query("SELECT id FROM media WHERE alt = 'Theirs'")[0]["id"]
    before = srv.query("SELECT logo_id, favicon_id FROM site WHERE id = ?", (site["id"],))[0]
    for bad in [str(theirs), "abc", "-1", "99999999", "1e3", "9" * 40]:
        r = save_site(admin, site["id"], logo_id=bad)
        assert r.status_code == 422, (bad, r.status_code)
        doc = parse_html(r.text)
        assert "media library" in text_of(doc.find("p", id="error-logo_id"))
        assert tuple(srv.query("SELECT logo_id, favicon_id FROM site WHERE id = ?", (site["id"],))[0]) == tuple(before)
    # the other site's image is never offered, and a new site has none to offer
    _, doc = site_form(admin, site["id"])
    offered = [o.get("value") for o in doc.find("select", name="logo_id").find_all("option")]
    assert str(mine) in offered and str(theirs) not in offered
    new = admin.get("/admin/sites/new")
    assert [o.get("value") for o in parse_html(new.text).find("select", name="logo_id").find_all("option")] == [""]


def test_only_admins_choose_a_site_logo(srv, editor, site):
    r = editor.post(f"/admin/sites/{site['id']}", data={"form_token": editor.token("/admin/media"), "logo_id": "1"})
    assert r.status_code == 403


def html_problems(pages):
    """html-validate's findings (the project's config, as test_html.py runs it) on {name: html}."""
    tests = os.path.join(REPO, "tests")
    validator = os.path.join(tests, "node_modules", "html-validate", "bin", "html-validate.js")
    assert os.path.exists(validator), "html-validate is not installed: run `npm ci` in tests/"
    with tempfile.TemporaryDirectory(prefix="plenary-reader-html-") as tmp:
        files = []
        for name, text in pages.items():
            files.append(os.path.join(tmp, f"{name}.html"))
            with open(files[-1], "w", encoding="utf-8") as f:
                f.write(text)
        report = os.path.join(tmp, "report.json")
        subprocess.run(["node", validator, "--config", os.path.join(tests, ".htmlvalidate.json"), "--formatter",
                        f"json={report}", *files], capture_output=True, text=True, timeout=120)
        with open(report, encoding="utf-8") as f:
            results = json.load(f)
    return [f"{os.path.basename(r['filePath'])}:{m.get('line')} {m.get('ruleId')}: {m.get('message')}"
            for r in results for m in r["messages"]]


def test_pages_with_pictures_and_a_logo_are_valid_html(srv, admin, editor, site, section):
    logo = upload(editor, image_bytes((300, 100), "PNG"), "Logo for validation", "l.png", "image/png")
    slug = new_article(editor, section, upload(editor, image_bytes((900, 500)), "Validated picture"))
    assert save_site(admin, site["id"], logo_id=str(logo), favicon_id=str(logo)).status_code == 303
    pages = {}
    for name, path in [("home", "/"), ("section", f"/section/{section['slug']}"), ("article", f"/article/{slug}")]:
        r = requests.get(srv.url(path), timeout=10)
        assert r.status_code == 200 and 'class="brand-logo"' in r.text
        pages[name] = r.text
    assert 'class="card-image"' in pages["home"]
    staff = editor.get("/")  # a staff member's page, with its back office link
    assert "Back office" in staff.text
    pages["home-staff"] = staff.text
    problems = html_problems(pages)
    assert not problems, "\n".join(problems)
    assert save_site(admin, site["id"], logo_id="", favicon_id="").status_code == 303
