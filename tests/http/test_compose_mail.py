"""Mail templates in the theme (issue 18, helper "compose"): the account and subscription mails come from
themes/*/mail/NAME.txt (+ NAME.html), so an operator's copy of the theme changes their wording without a
rebuild; a theme whose mail template is missing or broken refuses cleanly instead of sending nonsense."""
import os
import re
import shutil
import subprocess
import tempfile
from urllib.parse import urlsplit

import pytest
import requests

from conftest import (REPO, Reader, mail_body, mail_link, make_demo_database, parse_html, start_plenary,
                      start_smtp)


def custom_theme(tmp, edits):
    """A copy of the default theme in tmp with files edited ({relative path: text, or None to delete})."""
    theme = os.path.join(tmp, "theme")
    shutil.copytree(os.path.join(REPO, "themes", "default"), theme)
    for rel, text in edits.items():
        path = os.path.join(theme, rel)
        if text is None:
            os.remove(path)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    return theme


@pytest.fixture(scope="module")
def themed():
    """A server whose theme has its own wording for the sign-up confirmation, and no reset mail at all."""
    with tempfile.TemporaryDirectory(prefix="plenary-compose-") as tmp:
        db_path = make_demo_database(tmp)
        smtp = start_smtp(tmp)
        theme = custom_theme(tmp, {
            "mail/verify.txt": "{{! an operator's wording }}\nSubject:  Bitte bestätigen: {{site_name}} & <Co>  \n\n"
                               "Guten Tag,\nöffnen Sie {{link}} für {{address}} ({{hours}} Stunden).\n<b>{{site_name}}</b>\n",
            "mail/verify.html": None,
            "mail/reset.txt": None,
        })
        try:
            srv = start_plenary(tmp, db_path, {"smtp_url": f"smtp://127.0.0.1:{smtp.port}", "theme": theme,
                                               "outbox": os.path.join(tmp, "outbox")}, name="themed")
            srv.mail = smtp.mailbox
            yield srv
            assert srv.stop() == 0
        finally:
            smtp.stop()


def test_the_wording_of_a_mail_comes_from_the_theme(themed):
    reader = Reader(themed)
    r = reader.signup()
    assert r.status_code == 303 and r.headers["location"] == "/signup/sent"
    msg = themed.mail.wait(reader.email, "Bitte bestätigen")
    site = themed.query("SELECT name FROM site WHERE is_default = 1")[0][0]
    assert str(msg["Subject"]) == f"Bitte bestätigen: {site} & <Co>"
    body = mail_body(msg)
    # plain text: nothing HTML-escaped, the comment line and the blank line after Subject gone
    assert body.startswith("Guten Tag,\n")
    assert f"für {reader.email} (48 stunden)".lower() in body.lower()
    assert f"<b>{site}</b>" in body and "&amp;" not in body and "&lt;" not in body
    # the link in it works as the default wording's does
    assert reader.get(mail_link(msg, "/verify")).status_code == 303
    assert reader.user_row()["email_verified_at"] is not None


def test_a_theme_without_the_mail_template_refuses_cleanly(themed):
    """Reset mails are sent after the answer: the page is the same, nothing is mailed, the log says why."""
    reader = Reader(themed)
    assert reader.signup().status_code == 303
    themed.mail.wait(reader.email, "Bitte bestätigen")
    r = reader.submit("/reset", "/reset", {"email": reader.email})
    assert r.status_code == 303 and r.headers["location"] == "/reset/sent"
    assert [str(m["Subject"]) for m in themed.mail.quiet(reader.email, 1.5)] == \
        [str(m["Subject"]) for m in themed.mail.to(reader.email, "Bitte")]
    assert "mail template mail/reset.txt is missing from the theme" in themed.log()


def test_a_missing_confirmation_template_creates_no_account(tmp_path):
    db_path = make_demo_database(str(tmp_path))
    smtp = start_smtp(str(tmp_path))
    theme = custom_theme(str(tmp_path), {"mail/verify.txt": "no subject line here\n{{link}}\n"})
    try:
        srv = start_plenary(str(tmp_path), db_path, {"smtp_url": f"smtp://127.0.0.1:{smtp.port}", "theme": theme,
                                                     "outbox": os.path.join(str(tmp_path), "outbox")},
                            name="broken-theme")
        srv.mail = smtp.mailbox
        reader = Reader(srv)
        r = reader.signup()
        assert r.status_code == 503 and "confirmation mail could not be sent" in r.text
        assert reader.user_row() is None
        assert srv.mail.quiet(reader.email, 1.0) == []
        assert 'must start with a "Subject: ..." line' in srv.log()
        assert srv.stop() == 0
    finally:
        smtp.stop()


# ---- the mails go through the durable queue with their HTML part -----------------------------------------

@pytest.fixture(scope="module")
def plain(accounts_server):
    return accounts_server


def queued(srv, address):
    return srv.query("SELECT kind, subject, text_body, html_body, unsubscribe_url, site_id FROM mail_queue "
                     "WHERE lower(to_addr) = lower(?) ORDER BY id", (address,))


def html_valid(tmp_path, html):
    """html-validate with the project's rules (tests/.htmlvalidate.json), as test_html.py runs it."""
    validator = os.path.join(REPO, "tests", "node_modules", "html-validate", "bin", "html-validate.js")
    if not os.path.exists(validator):
        pytest.fail("html-validate is missing: run npm ci in tests/")
    path = tmp_path / "mail.html"
    path.write_text(html, encoding="utf-8")
    p = subprocess.run(["node", validator, "-c", os.path.join(REPO, "tests", ".htmlvalidate.json"), str(path)],
                       capture_output=True, text=True, timeout=60)
    return p.returncode == 0, p.stdout + p.stderr


def test_account_mails_are_queued_with_their_html_part(plain, tmp_path):
    plain.execute("DELETE FROM attempt")
    reader = Reader(plain)
    assert reader.signup().status_code == 303
    msg = reader.confirmation_mail()
    link = mail_link(msg, "/verify")
    rows = queued(plain, reader.email)
    assert len(rows) == 1
    row = rows[0]
    assert row["kind"] == "account" and row["unsubscribe_url"] in (None, "")
    assert row["subject"] == str(msg["Subject"]) and row["subject"].startswith("Confirm your email address for ")
    assert row["site_id"] == plain.query("SELECT id FROM site WHERE is_default = 1")[0][0]
    html = row["html_body"]
    # the text's link whole (the site's own host), escaped as an attribute, in the HTML too
    full = [u for u in re.findall(r"https?://\S+", mail_body(msg)) if urlsplit(u).path == "/verify"][0]
    assert f'href="{full.replace("&", "&amp;")}"' in html and "<!DOCTYPE html>" in html
    ok, report = html_valid(tmp_path, html)
    assert ok, report


def test_subscription_mails_carry_a_one_click_unsubscribe(plain, tmp_path):
    plain.execute("DELETE FROM attempt")
    address = f"compose-{os.urandom(4).hex()}@example.org"
    b = Reader(plain, email=address)
    page = b.get("/subscribe")
    target = next(iter(parse_html(page.text).find("select", name="target").find_all("option"))).get("value")
    r = b.submit("/subscribe", "/subscribe", {"email": address, "target": target, "cadence": "weekly"})
    assert r.status_code == 303, r.text[:300]
    msg = plain.mail.wait(address, "Confirm your subscription")
    rows = queued(plain, address)
    assert len(rows) == 1 and rows[0]["kind"] == "confirm"
    unsubscribe = rows[0]["unsubscribe_url"]
    assert urlsplit(unsubscribe).path == "/unsubscribe" and unsubscribe in mail_body(msg)
    assert str(msg["List-Unsubscribe"]) == f"<{unsubscribe}>"
    assert str(msg["List-Unsubscribe-Post"]) == "List-Unsubscribe=One-Click"
    ok, report = html_valid(tmp_path, rows[0]["html_body"])
    assert ok, report
    # the header's URL, as a mail client uses it: a bare POST, no cookie, no token
    assert plain.query("SELECT count(*) FROM subscriber WHERE email = ?", (address.lower(),))[0][0] == 1
    u = urlsplit(unsubscribe)
    r = requests.post(plain.url(f"{u.path}?{u.query}"), data="List-Unsubscribe=One-Click", timeout=10,
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 200
    assert plain.query("SELECT count(*) FROM subscriber WHERE email = ?", (address.lower(),))[0][0] == 0



def test_every_account_mail_has_a_valid_html_part_with_its_link(plain, tmp_path):
    """The other three mails of the theme, each triggered as a reader would: "already have an account",
    the password reset, and "already subscribed"; their HTML parts are valid and carry the text's link."""
    from test_subscriptions import confirm, subscribe
    plain.execute("DELETE FROM attempt")
    reader = Reader(plain)
    assert reader.signup().status_code == 303
    reader.confirmation_mail()
    again = Reader(plain, email=reader.email)
    assert again.signup().status_code == 303  # the same answer, and a mail to the owner
    exists = plain.mail.wait(reader.email, "You already have an account")
    assert again.submit("/reset", "/reset", {"email": reader.email}).status_code == 303
    reset = plain.mail.wait(reader.email, "password")
    address = f"compose-{os.urandom(4).hex()}@example.org"
    assert subscribe(plain, address).status_code == 303
    assert confirm(plain, mail_link(plain.mail.wait(address, "Confirm your subscription"),
                                    "/subscribe/confirm")).status_code == 200
    assert subscribe(plain, address).status_code == 303
    already = plain.mail.wait(address, "Your subscriptions")
    for msg, path in ((exists, "/reset"), (reset, "/reset/confirm"), (already, "/subscriptions")):
        html = msg.get_body(preferencelist=("html",))
        assert html is not None and html.get_content_type() == "text/html", str(msg["Subject"])
        link = [u for u in re.findall(r"https?://\S+", mail_body(msg)) if urlsplit(u).path == path][0]
        assert f'href="{link.replace("&", "&amp;")}"' in html.get_content(), (path, link)
        ok, report = html_valid(tmp_path, html.get_content())
        assert ok, (str(msg["Subject"]), report)
