"""The article list's desk tools: bulk publish, archive and move with checkboxes (one POST with the form token,
each row's outcome reported, at most 50 a request, nothing changed on a refused request), and who is editing
what (the editor marks an article it opens, the list names who has it open, the editor warns the next one,
the script's refresh answers who else is there; marks go stale)."""
import json
import os
import tempfile

import pytest

from conftest import make_demo_database, make_staff, parse_html, start_plenary, text_of
from test_admin import Demo, fields, save, saved_id


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-desk-list-") as tmp:
        s = start_plenary(tmp, make_demo_database(tmp), {"outbox": os.path.join(tmp, "outbox")},
                          name="desk-list-server")
        yield s
        assert s.stop() == 0


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Bea Bulk")


@pytest.fixture(scope="module")
def other(srv):
    return make_staff(srv, "editor", name="Carl <Other> & Co")


@pytest.fixture(scope="module")
def demo(srv):
    d = Demo()
    site = srv.query("SELECT id FROM site WHERE is_default = 1")[0]["id"]
    d.site = site
    d.sections = srv.query("SELECT * FROM section WHERE site_id = ? ORDER BY id", (site,))
    d.section = d.sections[0]
    return d


def article(srv, article_id):
    return srv.query("SELECT * FROM article WHERE id = ?", (article_id,))[0]


def drafts(editor, demo, n, **over):
    return [saved_id(save(editor, fields(demo, **over))) for _ in range(n)]


def bulk(staff, ids, action, **extra):
    data = {"form_token": staff.token("/admin/articles", "/admin/articles/bulk"), "ids": [str(i) for i in ids],
            "bulk": action, **extra}
    return staff.post("/admin/articles/bulk", data=data)


def outcomes(r):
    doc = parse_html(r.text)
    return [[text_of(td) for td in tr.find_all("td")] for tr in doc.find("tbody").find_all("tr")]


def snapshot(srv):
    return [tuple(r) for r in srv.query("SELECT id, status, section_id, revision_no, published_at FROM article "
                                        "ORDER BY id")]


def test_the_list_has_a_checkbox_per_article_and_the_actions(srv, editor, demo):
    drafts(editor, demo, 1)
    doc = parse_html(editor.get("/admin/articles").text)
    form = doc.find("form", action="/admin/articles/bulk")
    assert form is not None and form.get("method") == "post"
    boxes = [i for i in form.find_all("input") if i.get("name") == "ids"]
    assert len(boxes) == 25
    assert [o.get("value") for o in form.find("select", name="bulk").find_all("option")] == \
        ["publish", "archive", "move"]


def test_bulk_publish_reports_each_row(srv, editor, demo):
    ids = drafts(editor, demo, 3)
    done = saved_id(save(editor, fields(demo, status="published")))
    revs = {i: article(srv, i)["revision_no"] for i in ids}
    r = bulk(editor, ids + [done, 99999999], "publish")
    assert r.status_code == 200
    rows = outcomes(r)
    assert [row[1] for row in rows] == ["Published."] * 3 + ["Unchanged: already published.",
                                                             "Not changed: there is no such article on this site."]
    assert "3 of the 5 ticked articles changed" in r.text
    for i in ids:
        a = article(srv, i)
        assert a["status"] == "published" and a["published_at"] and a["revision_no"] == revs[i] + 1
        assert srv.query("SELECT count(*) AS n FROM audit_log WHERE target = ?", (f"article:{i}",))[0]["n"] == 2
        # live on the public site at once
        assert editor.get(f"/article/{a['slug']}").status_code == 200


def test_bulk_publish_of_a_scheduled_article_publishes_it_now(srv, editor, demo):
    import time
    sid = saved_id(save(editor, fields(demo, status="scheduled", published="2031-06-14T09:30:00")))
    r = bulk(editor, [sid], "publish")
    assert outcomes(r)[0][1] == "Published."
    a = article(srv, sid)
    assert a["status"] == "published" and abs(a["published_at"] - time.time()) < 10


def test_bulk_archive_and_move_keep_everything_else(srv, editor, demo):
    data = fields(demo, tags="bulk kept, second kept", references="Doe A. 2025 | LBA1 | https://example.org/x")
    first = saved_id(save(editor, data))
    second = saved_id(save(editor, fields(demo)))
    before = article(srv, first)
    tags = srv.query("SELECT tag_id FROM article_tag WHERE article_id = ? ORDER BY tag_id", (first,))
    r = bulk(editor, [first, second], "archive")
    assert [row[1] for row in outcomes(r)] == ["Archived.", "Archived."]
    target = demo.sections[1]
    r = bulk(editor, [first, second], "move", to_section=str(target["id"]))
    assert [row[1] for row in outcomes(r)] == ["Moved.", "Moved."]
    assert target["name"] in r.text
    after = article(srv, first)
    assert after["status"] == "archived" and after["section_id"] == target["id"]
    for col in ("title", "slug", "summary", "body", "audience", "kind", "published_at", "congress_id"):
        assert after[col] == before[col], col
    assert srv.query("SELECT tag_id FROM article_tag WHERE article_id = ? ORDER BY tag_id", (first,)) == tags
    assert srv.query("SELECT count(*) AS n FROM reference WHERE article_id = ?", (first,))[0]["n"] == 1
    r = bulk(editor, [first], "move", to_section=str(target["id"]))
    assert outcomes(r)[0][1] == "Unchanged: already in this section."


@pytest.mark.parametrize("case", ["no-ids", "too-many", "bad-action", "no-section", "other-site-section"])
def test_a_refused_bulk_request_changes_nothing(srv, editor, demo, case):
    ids = drafts(editor, demo, 2)
    other_section = srv.query("SELECT id FROM section WHERE site_id <> ? ORDER BY id LIMIT 1", (demo.site,))
    args = {"no-ids": ([], "publish", {}),
            "too-many": (ids + list(range(900000, 900049)), "publish", {}),
            "bad-action": (ids, "delete", {}),
            "no-section": (ids, "move", {}),
            "other-site-section": (ids, "move", {"to_section": str(other_section[0]["id"]) if other_section
                                                 else "999999"})}[case]
    before = snapshot(srv)
    r = bulk(editor, args[0], args[1], **args[2])
    assert r.status_code == 422
    assert "Nothing was changed" in r.text or "nothing was changed" in r.text or "Choose what to do" in r.text
    assert snapshot(srv) == before


def test_bulk_needs_the_form_token_and_an_editor(srv, editor, demo):
    ids = drafts(editor, demo, 1)
    before = snapshot(srv)
    r = editor.post("/admin/articles/bulk", data={"ids": [str(ids[0])], "bulk": "publish"})
    assert r.status_code == 403
    contributor = make_staff(srv, "contributor")
    r = contributor.post("/admin/articles/bulk", data={"form_token": contributor.token("/admin/articles"),
                                                      "ids": [str(ids[0])], "bulk": "publish"})
    assert r.status_code == 403
    assert snapshot(srv) == before
    doc = parse_html(contributor.get("/admin/articles").text)
    assert doc.find("form", action="/admin/articles/bulk") is not None  # the list, without the actions
    assert not [i for i in doc.find_all("input") if i.get("name") == "ids"]


def test_who_is_editing_what(srv, editor, other, demo):
    aid = saved_id(save(editor, fields(demo, title="Shared draft")))
    opened = editor.get(f"/admin/articles/{aid}")
    assert opened.status_code == 200 and "open in the editor too" not in opened.text
    # the other editor sees the first in the list and is warned in the editor
    listing = parse_html(other.get("/admin/articles").text)
    row = next(tr for tr in listing.find_all("tr") if tr.find("a", href=f"/admin/articles/{aid}"))
    assert "Being edited by Bea Bulk" in text_of(row)
    page = other.get(f"/admin/articles/{aid}")
    assert "Bea Bulk has this article open in the editor too" in text_of(parse_html(page.text).find("p", class_="notice"))
    # and the first now sees the second (escaped), not themselves
    mine = parse_html(editor.get("/admin/articles").text)
    row = next(tr for tr in mine.find_all("tr") if tr.find("a", href=f"/admin/articles/{aid}"))
    assert text_of(row.find("span", class_="editing")) == "Being edited by Carl <Other> & Co"
    assert "Carl &lt;Other&gt; &amp; Co" in editor.get("/admin/articles").text
    # the script's refresh: the form token in a header, who else is there as JSON
    token = editor.token(f"/admin/articles/{aid}", f"/admin/articles/{aid}")
    r = editor.post(f"/admin/articles/{aid}/presence", headers={"X-Form-Token": token})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    got = json.loads(r.text)
    assert got["others"] == ["Carl <Other> & Co"] and "open in the editor too" in got["warning"]
    assert editor.post(f"/admin/articles/{aid}/presence").status_code == 403
    assert editor.post("/admin/articles/99999999/presence", headers={"X-Form-Token": token}).status_code == 404
    # a mark not refreshed for more than two minutes is forgotten
    srv.execute("UPDATE article_presence SET seen_at = seen_at - 200 WHERE article_id = ?", (aid,))
    assert "Being edited by" not in text_of(next(
        tr for tr in parse_html(other.get("/admin/articles").text).find_all("tr")
        if tr.find("a", href=f"/admin/articles/{aid}")))


def test_another_sites_articles_and_repeated_ticks(srv, editor, demo):
    elsewhere = srv.query("SELECT id, status FROM article WHERE site_id <> ? ORDER BY id LIMIT 1", (demo.site,))
    assert elsewhere, "the demo has articles on a sister site"
    before = snapshot(srv)
    mine = drafts(editor, demo, 1)[0]
    r = bulk(editor, [elsewhere[0]["id"], mine, mine, "12abc", "99999999999999999999999"], "archive")
    assert r.status_code == 200
    rows = outcomes(r)
    assert [row[1] for row in rows] == ["Not changed: there is no such article on this site.", "Archived.",
                                        "Not changed: there is no such article on this site.",
                                        "Not changed: there is no such article on this site."]
    assert [row[0] for row in rows][2:] == ["12abc", "99999999999999999999999"]
    assert article(srv, elsewhere[0]["id"])["status"] == elsewhere[0]["status"]
    assert article(srv, mine)["revision_no"] == 2  # archived once, though ticked twice
    # the presence of another site's article is not this site's to mark
    token = editor.token("/admin/articles", "/admin/articles/bulk")
    r = editor.post(f"/admin/articles/{elsewhere[0]['id']}/presence", headers={"X-Form-Token": token})
    assert r.status_code == 404
    assert srv.query("SELECT count(*) AS n FROM article_presence WHERE article_id = ?",
                     (elsewhere[0]["id"],))[0]["n"] == 0
    assert len(snapshot(srv)) == len(before) + 1
