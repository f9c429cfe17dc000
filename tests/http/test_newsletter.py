"""The editors' newsletter (issue 18): compose (subject, Markdown intro, articles picked and ordered), preview
as each reader level, a test to oneself, schedule (the past refused) and cancel, and the due send: one
message per confirmed subscriber in the durable queue, each gated to the reader's level as the site is, once.

A server of its own (demo database, mail over SMTP to aiosmtpd) so its subscribers and queue are only these
tests'. Messages are read from the queue (mail_queue), what the sender thread later delivers."""
import re
import tempfile
import time
import uuid
from urllib.parse import urlsplit

import pytest
import requests

from conftest import (make_demo_database, make_reader, make_staff, parse_html, start_plenary, start_smtp,
                      unique_email)

GATED = "GATEDBODY" + uuid.uuid4().hex[:8]
OPEN = "OPENBODY" + uuid.uuid4().hex[:8]


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-news-") as tmp:
        db_path = make_demo_database(tmp)
        smtp = start_smtp(tmp)
        try:
            s = start_plenary(tmp, db_path, {"smtp_url": f"smtp://127.0.0.1:{smtp.port}"}, name="news-server")
            s.mail = smtp.mailbox
            yield s
            assert s.stop() == 0
        finally:
            smtp.stop()


def now():
    return int(time.time())


@pytest.fixture(scope="module")
def articles(srv):
    """(gated, open): a published verified-HCP article and a public one, their bodies marked."""
    def one(audience, marker):
        rows = srv.query("SELECT a.id, a.title, a.summary FROM article a JOIN site s ON s.id = a.site_id "
                         "WHERE s.is_default = 1 AND a.status = 'published' AND a.audience = ? "
                         "AND a.published_at <= ? ORDER BY a.id LIMIT 1", (audience, now()))
        assert rows, f"the demo has no published {audience} article"
        srv.execute("UPDATE article SET body = ? WHERE id = ?", (f"Results: **{marker}** in the trial.", rows[0][0]))
        return {"id": rows[0][0], "title": rows[0][1], "summary": rows[0][2]}
    return one("verified_hcp", GATED), one("public", OPEN)


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor")


def compose(editor, arts, subject=None, intro="Hello from *the desk*.", places=None):
    """Posts the new-newsletter form as a browser without JavaScript; returns (response, id)."""
    fields = {"subject": subject or f"Weekly {uuid.uuid4().hex[:6]}", "intro": intro,
              "article": [str(a["id"]) for a in arts]}
    for a, p in zip(arts, places or []):
        fields[f"place_{a['id']}"] = str(p)
    r = editor.submit("/admin/newsletters/new", "/admin/newsletters", fields)
    m = re.match(r"^/admin/newsletters/(\d+)\?done=saved$", r.headers.get("location", ""))
    return r, int(m.group(1)) if m else None


def preview(editor, nid, level):
    r = editor.get(f"/admin/newsletters/{nid}?level={level}")
    assert r.status_code == 200, r.status_code
    box = parse_html(r.text).find("div", id="newsletter-preview")
    assert box is not None, "no preview on the page"
    return box.text(), r.text


def test_compose_pick_order_and_preview_per_level(srv, editor, articles):
    gated, public = articles
    r, nid = compose(editor, [gated, public], places=[2, 1])
    assert r.status_code == 303 and nid, (r.status_code, r.text[:500])
    rows = srv.query("SELECT article_id FROM newsletter_article WHERE newsletter_id = ? ORDER BY position", (nid,))
    assert [x[0] for x in rows] == [public["id"], gated["id"]]  # the places given, not the list's order
    # an anonymous subscriber: the public body, the gated one's teaser and link, never its body
    text, page = preview(editor, nid, "anonymous")
    assert OPEN in text and GATED not in text and GATED not in page
    assert gated["title"] in text and "verified healthcare professionals" in text
    assert "the desk" in text  # the intro, as Markdown rendered
    # a signed-up reader and an HCP: still not the verified-HCP body
    for level in ("reader", "hcp"):
        text, page = preview(editor, nid, level)
        assert GATED not in page and OPEN in text, level
    text, _ = preview(editor, nid, "verified")
    assert GATED in text and OPEN in text
    # the form comes back as saved, in order
    doc = parse_html(editor.get(f"/admin/newsletters/{nid}").text)
    checked = [i.get("value") for i in doc.find_all("input", name="article") if "checked" in i.attrs]
    assert checked == [str(public["id"]), str(gated["id"])]


def test_bad_forms_answered_with_the_field_to_fix(srv, editor, articles):
    before = srv.query("SELECT count(*) FROM newsletter")[0][0]
    r, _ = compose(editor, [articles[1]], subject="   ")
    assert r.status_code == 422 and "Give the newsletter a subject" in r.text
    r, _ = compose(editor, [articles[1]], subject="Tab\tinside")
    assert r.status_code == 422 and "one line of text" in r.text
    r, _ = compose(editor, [articles[1]], subject="x" * 201)
    assert r.status_code == 422 and "at most 200" in r.text
    r, _ = compose(editor, [articles[1]], intro="y" * 20001)
    assert r.status_code == 422 and "20,000" in r.text
    r = editor.submit("/admin/newsletters/new", "/admin/newsletters",
                      {"subject": "Too many", "article": [str(i) for i in range(1, 32)]})
    assert r.status_code == 422 and "at most 30" in r.text
    r = editor.submit("/admin/newsletters/new", "/admin/newsletters", {"subject": "Odd", "article": "12abc"})
    assert r.status_code == 422
    # another site's article is not this site's to pick
    other = srv.query("SELECT a.id FROM article a JOIN site s ON s.id = a.site_id WHERE s.is_default = 0 "
                      "ORDER BY a.id LIMIT 1")
    if other:
        r = editor.submit("/admin/newsletters/new", "/admin/newsletters", {"subject": "Foreign",
                                                                             "article": str(other[0][0])})
        assert r.status_code == 422 and "no longer exists" in r.text
    assert srv.query("SELECT count(*) FROM newsletter")[0][0] == before
    # a page that does not exist, and a POST without the form token
    assert editor.get("/admin/newsletters/999999").status_code == 404
    assert editor.post("/admin/newsletters", data={"subject": "No token"}).status_code == 403


def test_a_test_goes_to_the_editor_only_and_is_throttled(srv, editor, articles):
    srv.execute("DELETE FROM attempt")
    _, nid = compose(editor, list(articles), intro="Write to us: [contact](/contact) or ![logo](/media/x.png)")
    queued = srv.query("SELECT count(*) FROM mail_queue")[0][0]
    r = editor.submit(f"/admin/newsletters/{nid}", f"/admin/newsletters/{nid}/test", {"level": "verified"})
    assert r.status_code == 303, (r.status_code, r.text[:300])
    rows = srv.query("SELECT to_addr, subject, kind, text_body, html_body FROM mail_queue WHERE id > 0 "
                     "ORDER BY id DESC LIMIT 1")
    assert srv.query("SELECT count(*) FROM mail_queue")[0][0] == queued + 1
    to, subject, kind, text, html = rows[0]
    assert to == editor.email and kind == "test" and subject.startswith("[Test] ")
    assert GATED in text and GATED in html  # the level chosen: verified HCP
    # the sender delivers it to the editor over SMTP, as multipart text and HTML
    got = srv.mail.wait(editor.email, "[Test] ")
    assert GATED in got.get_body(preferencelist=("plain",)).get_content()
    assert GATED in got.get_body(preferencelist=("html",)).get_content()
    # a mail has no address of its own: the site's paths in it are made absolute
    assert re.search(r'href="https?://[^"/]+/contact"', html) and re.search(r'src="https?://[^"/]+/media/x\.png"', html)
    assert 'href="/' not in html and 'src="/' not in html
    # the anonymous level's test leaves the gated body out
    r = editor.submit(f"/admin/newsletters/{nid}", f"/admin/newsletters/{nid}/test", {"level": "anonymous"})
    assert r.status_code == 303
    text = srv.query("SELECT text_body FROM mail_queue ORDER BY id DESC LIMIT 1")[0][0]
    assert GATED not in text and OPEN in text
    # 10 an hour
    codes = [editor.submit(f"/admin/newsletters/{nid}", f"/admin/newsletters/{nid}/test", {}).status_code
             for _ in range(9)]
    assert codes == [303] * 8 + [429]
    assert srv.query("SELECT count(*) FROM mail_queue WHERE kind = 'test' AND to_addr <> ?",
                     (editor.email,))[0][0] == 0
    srv.execute("DELETE FROM attempt")


def test_schedule_in_the_past_refused_then_scheduled_and_cancelled(srv, editor, articles):
    _, nid = compose(editor, [articles[1]])
    page = f"/admin/newsletters/{nid}"
    r = editor.submit(page, f"{page}/schedule", {"send_at": "2020-01-01T09:00"})
    assert r.status_code == 422 and "This time has passed" in r.text
    r = editor.submit(page, f"{page}/schedule", {"send_at": "not a time"})
    assert r.status_code == 422 and "2026-06-14T09:30" in r.text
    assert srv.query("SELECT state FROM newsletter WHERE id = ?", (nid,))[0][0] == "draft"
    later = time.strftime("%Y-%m-%dT%H:%M", time.localtime(now() + 7 * 86400))
    r = editor.submit(page, f"{page}/schedule", {"send_at": later})
    assert r.status_code == 303 and "done=scheduled" in r.headers["location"]
    state, at = srv.query("SELECT state, send_at FROM newsletter WHERE id = ?", (nid,))[0]
    assert state == "scheduled" and at > now() + 6 * 86400
    r = editor.submit(page, f"{page}/cancel", {})
    assert r.status_code == 303
    assert srv.query("SELECT state, send_at FROM newsletter WHERE id = ?", (nid,))[0] == ("draft", None)
    # a draft has no cancel button; a cancel posted anyway is told it has nothing to cancel
    r = editor.post(f"{page}/cancel", data={"form_token": editor.token(page, f"{page}/schedule")})
    assert r.status_code == 409 and "not scheduled" in r.text


def test_a_draft_is_deleted_a_scheduled_one_only_after_cancelling(srv, editor, articles):
    _, nid = compose(editor, [articles[0], articles[1]])
    page = f"/admin/newsletters/{nid}"
    later = time.strftime("%Y-%m-%dT%H:%M", time.localtime(now() + 7 * 86400))
    assert editor.submit(page, f"{page}/schedule", {"send_at": later}).status_code == 303
    # scheduled: no delete button, and a delete posted anyway is told to cancel first
    assert f'action="{page}/delete"' not in editor.get(page).text
    r = editor.post(f"{page}/delete", data={"form_token": editor.token(page, f"{page}/cancel")})
    assert r.status_code == 409 and "cancel the sending first" in r.text
    assert srv.query("SELECT state FROM newsletter WHERE id = ?", (nid,))[0][0] == "scheduled"
    assert editor.submit(page, f"{page}/cancel", {}).status_code == 303
    r = editor.submit(page, f"{page}/delete", {})
    assert r.status_code == 303 and r.headers["location"] == "/admin/newsletters?deleted=1"
    assert srv.query("SELECT count(*) FROM newsletter WHERE id = ?", (nid,))[0][0] == 0
    assert srv.query("SELECT count(*) FROM newsletter_article WHERE newsletter_id = ?", (nid,))[0][0] == 0
    assert "The draft is deleted." in editor.get("/admin/newsletters?deleted=1").text
    assert editor.get(page).status_code == 404


def subscribe_row(srv, address, confirmed=True, user_id=None):
    site = srv.query("SELECT id FROM site WHERE is_default = 1")[0][0]
    srv.execute("INSERT INTO subscriber (site_id, email, user_id, confirmed_at, created_at) VALUES (?, ?, ?, ?, ?)",
                (site, address, user_id, now() if confirmed else None, now()))
    return srv.query("SELECT id FROM subscriber WHERE email = ?", (address,))[0][0]


def wait_sent(srv, nid, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if srv.query("SELECT state FROM newsletter WHERE id = ?", (nid,))[0][0] == "sent":
            return
        time.sleep(0.1)
    raise AssertionError(f"newsletter {nid} not sent within {timeout} s; log tail:\n{srv.log()[-2000:]}")


def test_a_due_newsletter_goes_once_to_each_confirmed_subscriber_at_their_level(srv, editor, articles):
    plain, waiting, stopped = unique_email("n-plain"), unique_email("n-wait"), unique_email("n-stop")
    subscribe_row(srv, plain)
    subscribe_row(srv, waiting, confirmed=False)
    subscribe_row(srv, stopped)
    broken = f"not an address {uuid.uuid4().hex[:6]}"  # a row from before addresses were checked: skipped
    subscribe_row(srv, broken)
    srv.execute("INSERT INTO mail_suppression (email, reason, source, created_at) VALUES (?, 'test', 'admin', ?)",
                (stopped, now()))
    doctor = make_reader(srv, "verified_hcp")
    uid = srv.query("SELECT id FROM user WHERE email = ?", (doctor.email,))[0][0]
    subscribe_row(srv, doctor.email.lower(), user_id=uid)
    _, nid = compose(editor, list(articles), subject="The week in oncology")
    page = f"/admin/newsletters/{nid}"
    later = time.strftime("%Y-%m-%dT%H:%M", time.localtime(now() + 3600))
    assert editor.submit(page, f"{page}/schedule", {"send_at": later}).status_code == 303
    srv.execute("UPDATE newsletter SET send_at = ? WHERE id = ?", (now() - 1, nid))  # its time has come
    wait_sent(srv, nid)
    rows = srv.query("SELECT to_addr, kind, dedupe, subject, text_body, html_body, unsubscribe_url FROM mail_queue "
                     "WHERE campaign_id = ? ORDER BY id", (nid,))
    by = {r[0].lower(): r for r in rows}
    confirmed = srv.query("SELECT count(*) FROM subscriber s WHERE confirmed_at IS NOT NULL AND s.site_id = "
                          "(SELECT id FROM site WHERE is_default = 1) AND lower(email) NOT IN (?, ?)", (stopped, broken))[0][0]
    assert len(rows) == confirmed and len(by) == len(rows)  # one each
    assert waiting not in by and stopped not in by and broken not in by
    assert plain in by and doctor.email.lower() in by
    for r in rows:
        assert r[1] == "newsletter" and r[2].startswith(f"news:{nid}:") and r[3] == "The week in oncology"
        assert r[6] and urlsplit(r[6]).path == "/unsubscribe"
    assert GATED not in by[plain][4] and GATED not in by[plain][5] and OPEN in by[plain][4]
    assert GATED in by[doctor.email.lower()][4] and GATED in by[doctor.email.lower()][5]
    # delivered over SMTP with RFC 8058's headers; nothing to the unconfirmed or suppressed
    got = srv.mail.wait(plain, "The week in oncology")
    assert got["List-Unsubscribe"].strip() == f"<{by[plain][6]}>"
    assert got["List-Unsubscribe-Post"].strip() == "List-Unsubscribe=One-Click"
    assert GATED not in got.get_body(preferencelist=("plain",)).get_content()
    assert GATED in srv.mail.wait(doctor.email, "The week in oncology").get_body(
        preferencelist=("plain",)).get_content()
    assert not srv.mail.to(waiting) and not srv.mail.to(stopped)
    recipients = srv.query("SELECT recipients FROM newsletter WHERE id = ?", (nid,))[0][0]
    assert recipients == len(rows)
    # once: the scheduler finds nothing more to send, and a second claim would find it sent
    time.sleep(1.5)
    assert srv.query("SELECT count(*) FROM mail_queue WHERE campaign_id = ?", (nid,))[0][0] == len(rows)
    # the plain subscriber unsubscribes with one click: counted on the list
    link = urlsplit(by[plain][6])
    r = requests.post(srv.url(f"{link.path}?{link.query}"), data="List-Unsubscribe=One-Click", timeout=10,
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 200
    # the list: recipients, then sent / waiting / failed from the queue as the sender works, unsubscribed
    deadline = time.monotonic() + 15
    while True:
        doc = parse_html(editor.get("/admin/newsletters").text)
        row = next(tr for tr in doc.find_all("tr") if tr.find("a", href=page) is not None)
        cells = [" ".join(td.text().split()) for td in row.find_all("td")]
        if cells[4] == str(recipients) or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert cells[1] == "Sent" and cells[3] == str(recipients), cells
    assert cells[4] == str(recipients) and cells[5] == "0" and cells[6] == "0", cells  # all delivered
    assert cells[7] == "1", cells
    # a sent newsletter is no longer edited or scheduled
    r = editor.post(page, data={"form_token": editor.token("/admin/newsletters/new"), "subject": "Changed"})
    assert r.status_code == 409


def test_readers_get_403_and_anonymous_are_sent_to_sign_in(srv):
    reader = make_reader(srv, "member")
    for path in ("/admin/newsletters", "/admin/newsletters/new", "/admin/newsletters/1"):
        assert reader.get(path).status_code == 403, path
    token = reader.token("/account")
    for path in ("/admin/newsletters", "/admin/newsletters/1/test", "/admin/newsletters/1/schedule"):
        assert reader.post(path, data={"form_token": token, "subject": "x"}).status_code == 403, path
    r = requests.get(srv.url("/admin/newsletters"), allow_redirects=False, timeout=10)
    assert r.status_code in (302, 303) and "/signin" in r.headers["location"]


def test_a_newsletter_too_long_for_a_mail_is_never_sent(srv, editor, articles):
    aid, body = srv.query("SELECT a.id, a.body FROM article a JOIN site s ON s.id = a.site_id WHERE s.is_default = 1 "
                          "AND a.status = 'published' AND a.audience = 'public' AND a.published_at <= ? "
                          "ORDER BY a.id DESC LIMIT 1", (now(),))[0]
    long_body = "Long words. " * 200000  # 2.4 MB: the queue takes parts of 2 MiB
    later = time.strftime("%Y-%m-%dT%H:%M", time.localtime(now() + 3600))
    try:
        # refused when scheduled
        srv.execute("UPDATE article SET body = ? WHERE id = ?", (long_body, aid))
        r, nid = compose(editor, [{"id": aid}])
        assert r.status_code == 303, r.status_code
        page = f"/admin/newsletters/{nid}"
        r = editor.submit(page, f"{page}/schedule", {"send_at": later})
        assert r.status_code == 422 and "longer than a mail may be" in r.text
        assert srv.query("SELECT state FROM newsletter WHERE id = ?", (nid,))[0][0] == "draft"
        # a scheduled one saved with the long article: a draft again, said so
        srv.execute("UPDATE article SET body = ? WHERE id = ?", (body, aid))
        _, nid = compose(editor, [articles[1]])
        page = f"/admin/newsletters/{nid}"
        assert editor.submit(page, f"{page}/schedule", {"send_at": later}).status_code == 303
        srv.execute("UPDATE article SET body = ? WHERE id = ?", (long_body, aid))
        r = editor.post(page, data={"form_token": editor.token(page, f"{page}/schedule"), "subject": "Grown",
                                    "article": [str(aid)]})
        assert r.status_code == 303 and r.headers["location"].endswith("done=toolong")
        assert srv.query("SELECT state FROM newsletter WHERE id = ?", (nid,))[0][0] == "draft"
        # an article grown after scheduling: the send puts it back to draft, queues nothing
        srv.execute("UPDATE article SET body = ? WHERE id = ?", (body, aid))
        _, nid = compose(editor, [{"id": aid}])
        page = f"/admin/newsletters/{nid}"
        assert editor.submit(page, f"{page}/schedule", {"send_at": later}).status_code == 303
        srv.execute("UPDATE article SET body = ? WHERE id = ?", (long_body, aid))
        srv.execute("UPDATE newsletter SET send_at = ? WHERE id = ?", (now() - 1, nid))
        deadline = time.monotonic() + 10
        while srv.query("SELECT state FROM newsletter WHERE id = ?", (nid,))[0][0] != "draft":
            assert time.monotonic() < deadline, "the overlong newsletter was not put back to draft"
            time.sleep(0.1)
        assert srv.query("SELECT count(*) FROM mail_queue WHERE campaign_id = ?", (nid,))[0][0] == 0
    finally:
        srv.execute("UPDATE article SET body = ? WHERE id = ?", (body, aid))
