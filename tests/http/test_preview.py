"""The editor's preview is the article: what the Preview button (a POST, nothing saved) shows is what the public
page shows once the same form is saved and published, congress label, faculty, interviewer, trial card,
video, sponsors, topics and image included, from the form's unsaved values."""
import time
import uuid

import pytest

from conftest import form_values, make_staff, parse_html, text_of


@pytest.fixture(scope="module")
def srv(admin_server):
    return admin_server


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Pia Preview")


def uid():
    return uuid.uuid4().hex[:10]


def one(srv, sql, params=()):
    rows = srv.query(sql, params)
    assert rows, sql
    return rows[0]


def token(staff, path="/admin/articles/new"):
    r = staff.get(path)
    assert r.status_code == 200, r.status_code
    doc = parse_html(r.text)
    return doc.find("input", name="form_token").get("value"), doc


def full_form(srv, n):
    """Every part of an article the public page shows, picked from the demo's default site."""
    site = one(srv, "SELECT id FROM site WHERE is_default = 1")["id"]
    section = one(srv, "SELECT id, name FROM section WHERE site_id = ? ORDER BY id", (site,))
    congress = one(srv, "SELECT id, name, slug FROM congress WHERE site_id = ? ORDER BY id", (site,))
    trial = one(srv, "SELECT id, name, slug FROM trial WHERE site_id = ? AND registry_id != '' ORDER BY id",
                (site,))
    people = srv.query("SELECT id, name FROM person ORDER BY id LIMIT 3")
    sponsors = srv.query("SELECT id, name FROM sponsor WHERE site_id = ? ORDER BY id LIMIT 2", (site,))
    tag = one(srv, "SELECT name, slug FROM tag WHERE site_id = ? ORDER BY id", (site,))
    image = srv.query("SELECT id, alt FROM media WHERE site_id = ? ORDER BY id LIMIT 1", (site,))
    data = [("title", f"Preview is the article {n}"), ("slug", ""), ("summary", f"Short summary {n}."),
            ("body", f"Body with **strong {n}** words.\n\nA second paragraph."), ("kind", "interview"),
            ("section", str(section["id"])), ("congress", str(congress["id"])), ("trial", str(trial["id"])),
            ("speakers", str(people[1]["id"])), ("speakers", str(people[2]["id"])),
            ("interviewer", str(people[0]["id"])), ("byline", "interviewer"),
            ("references", f"Citation {n} | LBA{n[:3]} | https://example.org/{n}"),
            ("sponsors", str(sponsors[0]["id"])), ("sponsors", str(sponsors[1]["id"])),
            ("tags", f"{tag['name']}, Brand new topic {n}"), ("audience", "public"),
            ("image", str(image[0]["id"]) if image else ""),
            ("video_url", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"), ("status", "published"),
            ("published", time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(time.time() - 600)))]
    return data, {"congress": congress, "trial": trial, "people": people, "sponsors": sponsors, "tag": tag,
                  "section": section}


def article_of(html):
    doc = parse_html(html)
    arts = list(doc.find_all("article", class_="article"))
    assert len(arts) == 1, f"{len(arts)} articles"
    return arts[0]


def shape(node):
    """The text and every link and image of a node: what a reader sees and follows."""
    links = [(n.tag, n.get("href") or n.get("src") or "") for n in node.iter() if n.tag in ("a", "img", "iframe")]
    return text_of(node), links


def test_the_preview_shows_everything_the_published_page_shows_and_saves_nothing(srv, editor):
    n = uid()
    data, picked = full_form(srv, n)
    before = one(srv, "SELECT count(*) AS n FROM article")["n"]
    tags_before = one(srv, "SELECT count(*) AS n FROM tag")["n"]
    tok, _ = token(editor)
    r = editor.post("/admin/articles", data=[("form_token", tok), *data, ("action", "preview")])
    assert r.status_code == 200, r.text[:500]
    assert "no-store" in r.headers.get("cache-control", "")
    preview = article_of(r.text)
    text, links = shape(preview)
    # every part of the article, from the form's unsaved values
    assert picked["congress"]["name"] in text_of(preview.find("p", class_="kicker"))
    assert ("a", f"/congress/{picked['congress']['slug']}") in links
    faculty = text_of(preview.find("section", class_="faculty"))
    assert picked["people"][1]["name"] in faculty and picked["people"][2]["name"] in faculty
    assert faculty.index(picked["people"][1]["name"]) < faculty.index(picked["people"][2]["name"])
    assert picked["people"][0]["name"] in text_of(preview.find("p", class_="interviewer"))
    card = preview.find("aside", class_="trial-card")
    assert card is not None and picked["trial"]["name"] in text_of(card)
    assert card.find("p", class_="hint") is not None, "the trial card has no registry, phase or endpoint"
    assert preview.find("section", class_="video") is not None
    sponsors = text_of(preview.find("section", class_="sponsors"))
    assert all(s["name"] in sponsors for s in picked["sponsors"])
    topics = text_of(preview.find("section", class_="tags"))
    assert picked["tag"]["name"] in topics and f"Brand new topic {n}" in topics
    assert ("a", f"/tag/{picked['tag']['slug']}") in links
    assert ("a", f"/tag/brand-new-topic-{n}") in links
    # nothing was written: no article, no tag
    assert one(srv, "SELECT count(*) AS n FROM article")["n"] == before
    assert one(srv, "SELECT count(*) AS n FROM tag")["n"] == tags_before

    # saved and published as it is, the public page shows exactly the same article
    tok, _ = token(editor)
    r = editor.post("/admin/articles", data=[("form_token", tok), *data, ("action", "save")])
    assert r.status_code == 303, r.text[:500]
    slug = one(srv, "SELECT slug FROM article WHERE title = ?", (data[0][1],))["slug"]
    public = editor.get(f"/article/{slug}")
    assert public.status_code == 200
    assert shape(article_of(public.text)) == (text, links)


def test_the_preview_of_a_saved_article_shows_the_unsaved_choices(srv, editor):
    """Opening a published article, unticking a sponsor and choosing no congress: the preview follows the form,
    the public page keeps what is saved."""
    n = uid()
    data, picked = full_form(srv, n)
    tok, _ = token(editor)
    r = editor.post("/admin/articles", data=[("form_token", tok), *data, ("action", "save")])
    assert r.status_code == 303
    path = r.headers["location"].split("?")[0]
    tok, doc = token(editor, path)
    form = [(k, v) for k, v in form_values(doc.find("form", method="post", action=path))
            if k != "congress" and not (k == "sponsors" and v == str(picked["sponsors"][1]["id"]))]
    r = editor.post(path, data=[*form, ("congress", ""), ("action", "preview")])
    assert r.status_code == 200
    preview = article_of(r.text)
    assert picked["congress"]["name"] not in text_of(preview.find("p", class_="kicker"))
    sponsors = text_of(preview.find("section", class_="sponsors"))
    assert picked["sponsors"][0]["name"] in sponsors and picked["sponsors"][1]["name"] not in sponsors
    slug = one(srv, "SELECT slug FROM article WHERE title = ?", (data[0][1],))["slug"]
    public = article_of(editor.get(f"/article/{slug}").text)
    assert picked["congress"]["name"] in text_of(public.find("p", class_="kicker"))
    assert picked["sponsors"][1]["name"] in text_of(public.find("section", class_="sponsors"))


def test_the_preview_sits_beside_the_form_in_one_grid(srv, editor):
    _, doc = token(editor)
    grid = doc.find("div", class_="editor-layout")
    assert grid is not None
    assert grid.find("form") is not None and grid.find("section", id="live-preview") is not None
