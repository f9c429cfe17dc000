"""Readers' subscriptions (issue 18, first part): subscribing by email with a confirmation mail, signed links
for confirming, preferences and unsubscribing without signing in (RFC 8058 one-click POST), the account
page's subscriptions, throttling and the limit of 200 a subscriber.

Most tests run against accounts_server (mail over SMTP to a maildir); the throttling and limit tests have a
server of their own with a small mail allowance."""
import os
import tempfile
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from conftest import (Reader, mail_body, mail_link, make_demo_database, make_reader, parse_html, start_plenary,
                      start_smtp, unique_email)


@pytest.fixture(scope="module")
def srv(accounts_server):
    return accounts_server


@pytest.fixture(autouse=True)
def fresh_allowances(request):
    """The shared accounts server's throttles start each test empty: the modules before these (accounts,
    gating, return paths) spend the loopback address's sign-in and mail allowances, some on purpose."""
    if "srv" in request.fixturenames:
        request.getfixturevalue("srv").execute("DELETE FROM attempt")


def targets(srv):
    """The option values of the /subscribe form's target list."""
    r = requests.get(srv.url("/subscribe"), timeout=10)
    assert r.status_code == 200
    return [o.get("value") for o in parse_html(r.text).find("select", name="target").find_all("option")]


def subscribe(srv, address, target=None, cadence="weekly", browser=None):
    """Posts the /subscribe form as a browser without JavaScript: its token, then the fields."""
    b = browser or Reader(srv, email=address)
    return b.submit("/subscribe", "/subscribe",
                    {"email": address, "target": target or targets(srv)[0], "cadence": cadence})


def token_of(link):
    return parse_qs(urlsplit(link).query)["t"][0]


def subscriber(srv, address):
    rows = srv.query("SELECT id, confirmed_at FROM subscriber WHERE email = ?", (address.lower(),))
    return rows[0] if rows else None


def confirm(srv, link):
    """Opens a confirmation link as its owner does: the page asks, its button confirms (a POST)."""
    b = Reader(srv)
    page = b.get(link)
    assert page.status_code == 200 and page.headers.get("referrer-policy") == "no-referrer"
    form = parse_html(page.text).find("form", action="/subscribe/confirm")
    assert form is not None, page.text[:500]
    return b.post("/subscribe/confirm", data={i.get("name"): i.get("value") for i in form.find_all("input")})


def confirmed_subscriber(srv, target=None):
    """A new address subscribed and confirmed: (address, its mail)."""
    address = unique_email("subs")
    r = subscribe(srv, address, target)
    assert r.status_code == 303 and r.headers["location"] == "/subscribe/sent", (r.status_code, r.text[:300])
    mail = srv.mail.wait(address, "Confirm your subscription")
    assert confirm(srv, mail_link(mail, "/subscribe/confirm")).status_code == 200
    return address, mail


def test_subscribe_by_email_mails_a_link_that_confirms_once_and_idempotently(srv):
    address = unique_email("Subs")
    target = targets(srv)[1]
    r = subscribe(srv, address, target)
    assert r.status_code == 303 and r.headers["location"] == "/subscribe/sent"
    row = subscriber(srv, address)
    assert row is not None and row["confirmed_at"] is None
    kind, _, tid = target.partition(":")
    subs = srv.query("SELECT kind, cadence FROM subscription WHERE subscriber_id = ?", (row["id"],))
    assert [(s["kind"], s["cadence"]) for s in subs] == [(kind, "weekly")]
    mail = srv.mail.wait(address, "Confirm your subscription")
    link = mail_link(mail, "/subscribe/confirm")
    # opening the link (as a mail scanner does) only asks: nothing is confirmed without the button
    r = requests.get(srv.url(link), timeout=10)
    assert r.status_code == 200 and "Confirm my subscription" in r.text
    assert subscriber(srv, address)["confirmed_at"] is None
    # a POST without the page's form token is refused, and confirms nothing
    r = requests.post(srv.url("/subscribe/confirm"), data={"t": token_of(link)}, timeout=10)
    assert r.status_code == 403 and subscriber(srv, address)["confirmed_at"] is None
    r = confirm(srv, link)
    assert r.status_code == 200 and "confirmed" in r.text
    first = subscriber(srv, address)["confirmed_at"]
    assert first
    # again: the link now says so, nothing changes
    r = requests.get(srv.url(link), timeout=10)
    assert r.status_code == 200 and "confirmed" in r.text
    assert subscriber(srv, address)["confirmed_at"] == first
    # the confirmation page leads to the preferences, which work without signing in
    prefs = parse_html(r.text).find("a", class_="button").get("href")
    r = requests.get(srv.url(prefs), timeout=10)
    assert r.status_code == 200 and address.lower() in r.text


def test_the_answer_is_the_same_for_a_known_and_an_unknown_address(srv):
    known, _ = confirmed_subscriber(srv)
    before = srv.query("SELECT count(*) AS n FROM subscription WHERE subscriber_id = ?",
                       (subscriber(srv, known)["id"],))[0]["n"]
    other = targets(srv)[-1]
    a = subscribe(srv, known, other)
    b = subscribe(srv, unique_email("subs-new"), other)
    assert (a.status_code, a.headers.get("location")) == (b.status_code, b.headers.get("location")) == \
        (303, "/subscribe/sent")
    assert requests.get(srv.url(a.headers["location"]), timeout=10).text == \
        requests.get(srv.url(b.headers["location"]), timeout=10).text
    # a stranger adds nothing to a confirmed address: its owner gets its preferences link instead
    assert srv.query("SELECT count(*) AS n FROM subscription WHERE subscriber_id = ?",
                     (subscriber(srv, known)["id"],))[0]["n"] == before
    mail = srv.mail.wait(known, "Your subscriptions")
    assert mail_link(mail, "/subscriptions")


def test_bad_forms_are_answered_with_the_fields_to_fix(srv):
    r = subscribe(srv, "not an address", "section:999999")
    assert r.status_code == 422
    doc = parse_html(r.text)
    ids = {p.get("id") for p in doc.find_all("p", class_="field-error")}
    assert ids == {"error-email", "error-target"}
    assert doc.find("input", name="email").get("value") == "not an address"


def test_tampered_and_cross_purpose_tokens_are_refused(srv):
    address, mail = confirmed_subscriber(srv)
    confirm = token_of(mail_link(mail, "/subscribe/confirm"))
    unsub = token_of(mail_link(mail, "/unsubscribe"))
    flipped = confirm[:10] + ("A" if confirm[10] != "A" else "B") + confirm[11:]
    for path, t in [("/subscribe/confirm", flipped), ("/subscribe/confirm", unsub), ("/subscriptions", confirm),
                    ("/subscriptions", unsub), ("/unsubscribe", confirm), ("/subscribe/confirm", ""),
                    ("/subscriptions", "x" * 5000), ("/unsubscribe", confirm + "AA")]:
        r = requests.get(srv.url(path), params={"t": t}, timeout=10)
        assert r.status_code == 400, (path, t, r.status_code)
        assert "/subscribe" in r.text  # says what to do
    r = requests.post(srv.url("/unsubscribe"), params={"t": confirm},
                      data={"List-Unsubscribe": "One-Click"}, timeout=10)
    assert r.status_code == 400
    assert subscriber(srv, address) is not None


def test_preferences_without_signing_in(srv):
    address, mail = confirmed_subscriber(srv)
    sid = subscriber(srv, address)["id"]
    assert mail_link(mail, "/unsubscribe")  # the confirmation mail carries an unsubscribe link
    r = subscribe(srv, address)  # a confirmed address gets its preferences link
    link = mail_link(srv.mail.wait(address, "Your subscriptions"), "/subscriptions")
    t = token_of(link)
    b = Reader(srv)
    page = b.get(link)
    assert page.status_code == 200 and "public" not in page.headers.get("cache-control", "")
    # the address holds a token: a link followed from the page must not carry it to another site
    assert page.headers.get("referrer-policy") == "no-referrer"
    doc = parse_html(page.text)
    forms = [f for f in doc.find_all("form") if f.get("action") == "/subscriptions"]
    assert forms and all(f.find("input", name="t").get("value") == t for f in forms)
    sub = srv.query("SELECT id, cadence FROM subscription WHERE subscriber_id = ?", (sid,))[0]
    token = forms[0].find("input", name="form_token").get("value")
    r = b.post("/subscriptions", data={"form_token": token, "t": t, "action": "cadence", "id": sub["id"],
                                       "cadence": "immediate"})
    assert r.status_code == 303
    assert srv.query("SELECT cadence FROM subscription WHERE id = ?", (sub["id"],))[0]["cadence"] == "immediate"
    # another subscriber's subscription is not this link's
    other, _ = confirmed_subscriber(srv)
    theirs = srv.query("SELECT id FROM subscription WHERE subscriber_id = ?", (subscriber(srv, other)["id"],))
    r = b.post("/subscriptions", data={"form_token": token, "t": t, "action": "remove", "id": theirs[0]["id"]})
    assert r.status_code == 422
    r = b.post("/subscriptions", data={"form_token": token, "t": t, "action": "add", "target": targets(srv)[-1],
                                       "cadence": "weekly"})
    assert r.status_code == 303
    r = b.post("/subscriptions", data={"form_token": token, "t": t, "action": "remove", "id": sub["id"]})
    assert r.status_code == 303
    assert not srv.query("SELECT id FROM subscription WHERE id = ?", (sub["id"],))
    # without the form token, refused
    r = b.post("/subscriptions", data={"t": t, "action": "everything"})
    assert r.status_code == 403 and subscriber(srv, address) is not None
    r = b.post("/subscriptions", data={"form_token": token, "t": t, "action": "everything"})
    assert r.status_code == 200 and subscriber(srv, address) is None


def test_one_click_unsubscribe_is_a_bare_post_and_get_only_asks(srv):
    address, mail = confirmed_subscriber(srv)
    link = mail_link(mail, "/unsubscribe")
    # a mail scanner fetching the link changes nothing
    r = requests.get(srv.url(link), timeout=10)
    assert r.status_code == 200 and subscriber(srv, address) is not None
    forms = [f for f in parse_html(r.text).find_all("form") if f.get("action") == link]
    assert forms and forms[0].get("method") == "post"
    # RFC 8058: no cookie, no form token, another origin
    r = requests.post(srv.url(link), data="List-Unsubscribe=One-Click", timeout=10,
                      headers={"Content-Type": "application/x-www-form-urlencoded",
                               "Origin": "https://mail.example.com"})
    assert r.status_code == 200
    assert subscriber(srv, address) is None
    assert not srv.query("SELECT s.id FROM subscription s LEFT JOIN subscriber b ON b.id = s.subscriber_id "
                         "WHERE b.id IS NULL")
    # again: still fine
    r = requests.post(srv.url(link), data="List-Unsubscribe=One-Click", timeout=10,
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 200


def test_account_page_adds_and_removes_subscriptions(srv):
    reader = make_reader(srv, "member")
    page = reader.get("/account")
    doc = parse_html(page.text)
    form = [f for f in doc.find_all("form") if f.get("action") == "/account/subscriptions"]
    assert form, "no subscription form on the account page"
    target = list(form[-1].find("select", name="target").find_all("option"))[0].get("value")
    r = reader.submit("/account", "/account/subscriptions",
                      {"action": "add", "target": target, "cadence": "weekly"})
    assert r.status_code == 303
    row = subscriber(srv, reader.email)
    assert row is not None and row["confirmed_at"], "an account's verified address is confirmed at once"
    subs = srv.query("SELECT id FROM subscription WHERE subscriber_id = ?", (row["id"],))
    assert len(subs) == 1
    page = reader.get("/account")
    assert "Remove" in page.text
    r = reader.submit("/account", "/account/subscriptions", {"action": "remove", "id": subs[0]["id"]})
    assert r.status_code == 303
    assert not srv.query("SELECT id FROM subscription WHERE subscriber_id = ?", (row["id"],))
    # signed out, the route sends to sign-in; an unverified account may not subscribe
    r = requests.post(srv.url("/account/subscriptions"), data={"action": "add"}, timeout=10,
                      allow_redirects=False)
    assert r.status_code in (303, 403)
    fresh = make_reader(srv, "unverified")
    assert not [f for f in parse_html(fresh.get("/account").text).find_all("form")
                if f.get("action") == "/account/subscriptions"]


@pytest.fixture(scope="module")
def small():
    """A server of its own: mail_per_recipient 3 an hour."""
    with tempfile.TemporaryDirectory(prefix="plenary-subs-") as tmp:
        db_path = make_demo_database(tmp)
        smtp = start_smtp(tmp)
        try:
            s = start_plenary(tmp, db_path, {"smtp_url": f"smtp://127.0.0.1:{smtp.port}",
                                             "mail_per_recipient": 3}, name="subs-server")
            s.mail = smtp.mailbox
            yield s
            assert s.stop() == 0
        finally:
            smtp.stop()


def test_subscribing_is_throttled_per_address(small):
    address = unique_email("subs-many")
    codes = [subscribe(small, address).status_code for _ in range(4)]
    assert codes == [303, 303, 303, 429]
    r = subscribe(small, address)
    assert r.status_code == 429 and r.headers.get("retry-after")


def test_at_most_200_subscriptions(small):
    address, mail = confirmed_subscriber(small)
    sid = subscriber(small, address)["id"]
    site = small.query("SELECT id FROM site WHERE is_default = 1")[0]["id"]
    for i in range(205):
        small.execute("INSERT INTO tag (site_id, slug, name) VALUES (?, ?, ?)", (site, f"subs-lim-{i}", f"Lim {i}"))
    tags = [r["id"] for r in small.query("SELECT id FROM tag WHERE slug LIKE 'subs-lim-%' ORDER BY id")]
    r = subscribe(small, address)
    link = mail_link(small.mail.wait(address, "Your subscriptions"), "/subscriptions")
    t = token_of(link)
    b = Reader(small)
    token = b.token(link, "/subscriptions")
    have = small.query("SELECT count(*) AS n FROM subscription WHERE subscriber_id = ?", (sid,))[0]["n"]
    for tag in tags[:200 - have]:
        r = b.post("/subscriptions", data={"form_token": token, "t": t, "action": "add", "target": f"topic:{tag}",
                                           "cadence": "weekly"})
        assert r.status_code == 303
    r = b.post("/subscriptions", data={"form_token": token, "t": t, "action": "add",
                                       "target": f"topic:{tags[-1]}", "cadence": "weekly"})
    assert r.status_code == 409 and "200" in r.text
    assert small.query("SELECT count(*) AS n FROM subscription WHERE subscriber_id = ?", (sid,))[0]["n"] == 200


def test_links_made_from_the_form_key_open_the_pages(srv):
    """subs_links.py makes the server's tokens (test_html.py relies on it), and a link for another site's
    subscriber does not work here."""
    from conftest import connect
    from subs_links import link_token, make_subscriber
    conn = connect(srv.db_path)
    try:
        site = conn.execute("SELECT id FROM site WHERE is_default = 1").fetchone()[0]
        other = conn.execute("SELECT id FROM site WHERE is_default = 0 ORDER BY id").fetchone()[0]
        address = unique_email("subs-made")
        sid = make_subscriber(conn, site, address)
        t = link_token(conn, "prefs", sid, address)
        elsewhere = unique_email("subs-elsewhere")
        oid = make_subscriber(conn, other, elsewhere)
        ot = link_token(conn, "prefs", oid, elsewhere)
    finally:
        conn.close()
    r = requests.get(srv.url("/subscriptions"), params={"t": t}, timeout=10)
    assert r.status_code == 200 and address in r.text
    assert requests.get(srv.url("/subscriptions"), params={"t": ot}, timeout=10).status_code == 400


def test_an_account_keeps_its_subscriber_when_its_address_changes(srv):
    reader = make_reader(srv, "member")
    first, second = targets(srv)[0], targets(srv)[1]
    assert reader.submit("/account", "/account/subscriptions",
                         {"action": "add", "target": first, "cadence": "weekly"}).status_code == 303
    sid = subscriber(srv, reader.email)["id"]
    new = unique_email("subs-moved")
    r = reader.submit("/account", "/account/email", {"new_email": new, "current_password": reader.password})
    assert r.status_code == 303
    assert reader.get(mail_link(srv.mail.wait(new, "Confirm your email address"), "/verify")).status_code == 303
    assert reader.submit("/account", "/account/subscriptions",
                         {"action": "add", "target": second, "cadence": "immediate"}).status_code == 303
    rows = srv.query("SELECT subscriber_id FROM subscription s JOIN subscriber b ON b.id = s.subscriber_id "
                     "WHERE b.user_id = (SELECT id FROM user WHERE email = ?)", (new,))
    assert [r["subscriber_id"] for r in rows] == [sid, sid], "the account's subscriptions split in two"
    page = parse_html(reader.get("/account").text)
    listed = [f for f in page.find_all("form") if f.get("action") == "/account/subscriptions" and
              f.find("input", name="id") is not None]
    assert len(listed) == 2


def test_account_page_and_confirmation_page_are_valid_html(srv, tmp_path):
    import json
    import subprocess
    from test_html import CONFIG, VALIDATOR
    reader = make_reader(srv, "member")
    assert reader.submit("/account", "/account/subscriptions",
                         {"action": "add", "target": targets(srv)[0], "cadence": "weekly"}).status_code == 303
    page = tmp_path / "account.html"
    page.write_text(reader.get("/account?subscribed=1").text, encoding="utf-8")
    address = unique_email("subs")  # and the page a confirmation link opens
    assert subscribe(srv, address).status_code == 303
    ask = tmp_path / "confirm.html"
    ask.write_text(requests.get(srv.url(mail_link(srv.mail.wait(address, "Confirm your subscription"),
                                                  "/subscribe/confirm")), timeout=10).text, encoding="utf-8")
    report = tmp_path / "report.json"
    subprocess.run(["node", VALIDATOR, "--config", CONFIG, "--formatter", f"json={report}", str(page), str(ask)],
                   capture_output=True, text=True, timeout=120)
    problems = [m for res in json.loads(report.read_text()) for m in res["messages"]]
    assert not problems, problems


def test_the_sign_up_box_becomes_a_weekly_digest_of_every_section_once_confirmed(srv):
    sections = [t for t in targets(srv) if t.startswith("section:")]
    assert sections
    asked = Reader(srv)
    assert asked.signup(alerts="yes").status_code == 303
    assert subscriber(srv, asked.email) is None  # nothing before the address is confirmed
    assert asked.confirm().status_code == 303
    row = subscriber(srv, asked.email)
    assert row is not None and row["confirmed_at"]
    subs = list(srv.query("SELECT kind, section_id, cadence FROM subscription WHERE subscriber_id = ?", (row["id"],)))
    assert sorted(f"section:{s['section_id']}" for s in subs) == sorted(sections)
    assert {(s["kind"], s["cadence"]) for s in subs} == {("section", "weekly")}
    # the account page shows them, to change or stop
    assert asked.signin().status_code == 303
    panel = parse_html(asked.get("/account").text).find(id="subscriptions")
    assert panel is not None and len(list(panel.find_all("form", action="/account/subscriptions"))) > len(subs)
    # without the box: no mail is set up
    silent = Reader(srv)
    assert silent.signup().status_code == 303 and silent.confirm().status_code == 303
    assert subscriber(srv, silent.email) is None
