"""Limits an attacker meets, at their default settings: the password throttle decided atomically before the
password is checked (parallel guesses, every form that re-checks a password), and the limits on the forms
that send mail and on the contact form. A server of its own with the defaults (strict_limits); each test
starts from an empty attempt table, since all of them come from 127.0.0.1."""
import http.client
import math
import os
import tempfile
import threading
import uuid
import re
import time
from urllib.parse import urlencode

import pytest
import requests

from conftest import (Reader, add_user, enable_totp, mail_body, make_demo_database, make_reader, make_staff,
                      parse_html, start_plenary, start_smtp, text_of, unique_email)

WRONG = "not the password at all"


@pytest.fixture(scope="module")
def strict():
    with tempfile.TemporaryDirectory(prefix="plenary-limits-") as tmp:
        smtp = start_smtp(tmp)
        try:
            srv = start_plenary(tmp, make_demo_database(tmp), {"smtp_url": f"smtp://127.0.0.1:{smtp.port}",
                                                               "outbox": os.path.join(tmp, "outbox"),
                                                               "public_url": ""},
                                name="limits-server", strict_limits=True)
            srv.mail = smtp.mailbox
            yield srv
            assert srv.stop() == 0, srv.log()[-2000:]
        finally:
            smtp.stop()


@pytest.fixture(autouse=True)
def fresh_counts(strict):
    strict.execute("DELETE FROM attempt")
    yield


def allowed(free, seconds):
    """How many of a burst lasting `seconds` the throttle may let through: the free ones, then one more each
    time a wait of 1, 2, 4 ... s has passed (counted in whole seconds, so the first may pass at once)."""
    return free + 1 + int(math.log2(seconds + 1))


def parallel_posts(srv, path, bodies):
    """Posts every body at once (one connection each, released together); returns the statuses."""
    ready = threading.Barrier(len(bodies))
    out = [None] * len(bodies)

    def one(i):
        c = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=60)
        try:
            c.connect()
            ready.wait()
            c.request("POST", path, body=urlencode(bodies[i]),
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
            out[i] = c.getresponse().status
        finally:
            c.close()

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(bodies))]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    parallel_posts.seconds = time.monotonic() - started
    return out


def signin_bodies(srv, emails):
    token = Reader(srv).token("/signin", "/signin")
    return [{"form_token": token, "email": e, "password": WRONG} for e in emails]


# ==== item 9: the sign-in throttle cannot be raced ========================================================

def test_150_parallel_wrong_passwords_for_one_account_check_at_most_3(strict):
    known = unique_email("raced")
    p, _ = add_user(strict.db_path, known, "reader", password="a right password for the race")
    assert p.returncode == 0, p.stderr
    statuses = parallel_posts(strict, "/signin", signin_bodies(strict, [known] * 150))
    checked = statuses.count(422)
    assert set(statuses) <= {422, 429}, sorted(set(statuses))
    limit = allowed(3, parallel_posts.seconds)
    assert 1 <= checked <= limit, f"{checked} of 150 parallel guesses were checked where {limit} are allowed"


def test_150_parallel_wrong_passwords_from_one_address_check_at_most_10(strict):
    emails = [unique_email("spray") for _ in range(150)]
    statuses = parallel_posts(strict, "/signin", signin_bodies(strict, emails))
    checked = statuses.count(422)
    assert set(statuses) <= {422, 429}, sorted(set(statuses))
    limit = allowed(10, parallel_posts.seconds)
    assert 1 <= checked <= limit, f"{checked} of 150 parallel guesses from one address were checked ({limit})"


def test_two_nodes_on_one_database_share_the_count(strict):
    """Two processes on one database (PostgreSQL: any number of nodes): 150 guesses split between them."""
    with tempfile.TemporaryDirectory(prefix="plenary-limit-nodes-") as tmp:
        other = start_plenary(tmp, strict.db_path, {"outbox": os.path.join(tmp, "outbox")}, name="node-b",
                              strict_limits=True)
        try:
            known = unique_email("twonodes")
            p, _ = add_user(strict.db_path, known, "reader", password="a right password for two nodes")
            assert p.returncode == 0, p.stderr
            out = {}

            def run(srv):
                out[srv.port] = parallel_posts(srv, "/signin", signin_bodies(srv, [known] * 75))

            threads = [threading.Thread(target=run, args=(srv,)) for srv in (strict, other)]
            started = time.monotonic()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            statuses = out[strict.port] + out[other.port]
            limit = allowed(3, time.monotonic() - started)
            assert set(statuses) <= {422, 429}, sorted(set(statuses))
            assert 1 <= statuses.count(422) <= limit, f"{statuses.count(422)} of 150 guesses on two nodes were checked"
        finally:
            assert other.stop() == 0


# ==== item 9: every password re-check is throttled per account ============================================

def recheck_forms(strict):
    """(name, staff, page, action, fields with the password under 'password', its field name)."""
    reader = make_staff(strict, "reader")
    twofa = make_staff(strict, "reader")
    enable_totp(twofa)
    admin = make_staff(strict, "admin")
    other = strict.query("SELECT id FROM user WHERE email = ?", (reader.email,))[0]["id"]
    return [
        ("change password", make_staff(strict, "reader"), "/account", "/account/password",
         {"new_password": "a brand new password 123"}, "current_password"),
        ("change email", make_staff(strict, "reader"), "/account", "/account/email",
         {"new_email": unique_email("moved")}, "current_password"),
        ("delete account", reader, "/account", "/account/delete", {}, "password"),
        ("turn off 2FA", twofa, "/account/2fa", "/account/2fa/disable", {}, "password"),
        ("role change", admin, "/admin/users", "/admin/users", {"user_id": str(other), "role": "editor"},
         "password"),
    ]


def test_every_password_recheck_is_throttled_like_signing_in(strict):
    for name, staff, page, action, fields, field in recheck_forms(strict):
        strict.execute("DELETE FROM attempt")
        statuses = [staff.submit(page, action, {**fields, field: f"wrong {i} {WRONG}"}).status_code
                    for i in range(3)]
        assert statuses == [422, 422, 422], (name, statuses)
        for i in range(4):  # the fourth waits 1 s; when a second ticks over meanwhile, the next waits 2 s
            r = staff.submit(page, action, {**fields, field: f"wrong again {i} " + WRONG})
            if r.status_code == 429:
                break
            assert r.status_code == 422, (name, r.status_code)
        assert r.status_code == 429, (name, r.status_code)
        assert 1 <= int(r.headers["retry-after"]) <= 4, (name, r.headers.get("retry-after"))
        assert "Too many wrong passwords" in r.text, name
        # the right password waits too (the wait made longer than the test): refused before any check
        strict.execute("UPDATE attempt SET last_at = last_at + 30 WHERE subject = ?",
                       ("email:" + staff.email.lower(),))
        r = staff.submit(page, action, {**fields, field: staff.password})
        assert r.status_code == 429, (name, r.status_code)


def test_parallel_rechecks_are_counted_before_checking(strict):
    staff = make_staff(strict, "reader")
    token = parse_html(staff.get("/account").text).find("input", name="form_token").get("value")
    cookie = staff.cookie
    ready = threading.Barrier(40)
    out = []

    def one(i):
        s = requests.Session()
        s.cookies.set("plenary_session", cookie)
        ready.wait()
        out.append(s.post(strict.url("/account/password"), allow_redirects=False, timeout=60,
                          data={"form_token": token, "current_password": f"{i} {WRONG}",
                                "new_password": "another new password 456"}).status_code)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(40)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(out) <= {422, 429}, sorted(set(out))
    limit = allowed(3, time.monotonic() - started)
    assert 1 <= out.count(422) <= limit, f"{out.count(422)} of 40 parallel re-checks were checked ({limit})"


# ==== item 11: mail-sending forms =========================================================================

def reset(srv, address):
    return Reader(srv).submit("/reset", "/reset", {"email": address})


def test_reset_mails_to_one_address_stop_at_5_an_hour_with_the_same_answer_for_strangers(strict):
    victim = make_staff(strict, "reader")
    stranger = unique_email("nobody")
    answers = {}
    for address in (victim.email, stranger):
        seq = [reset(strict, address) for _ in range(6)]
        assert [r.status_code for r in seq[:5]] == [303] * 5, address
        last = seq[5]
        assert last.status_code == 429 and 3500 <= int(last.headers["retry-after"]) <= 3600
        answers[address] = text_of(parse_html(last.text).find("main") or parse_html(last.text))
        assert "try again in 60 minutes" in answers[address]
    assert answers[victim.email] == answers[stranger], "the answer over the limit tells accounts apart"
    assert len(strict.mail.quiet(victim.email, 1.5)) == 5
    assert strict.mail.to(stranger) == []


def test_mail_asked_for_from_one_address_stops_at_20_an_hour(strict):
    statuses = [reset(strict, unique_email("spread")).status_code for _ in range(21)]
    assert statuses == [303] * 20 + [429], statuses


def test_signup_mails_to_one_address_stop_at_5(strict):
    address = unique_email("signup")
    statuses = [Reader(strict, email=address).signup().status_code for _ in range(6)]
    assert statuses == [303] * 5 + [429], statuses
    assert len(strict.mail.quiet(address, 1.5)) == 5


def test_email_change_mails_stop_at_5(strict):
    staff = make_staff(strict, "reader")
    target = unique_email("newhome")
    statuses = [staff.submit("/account", "/account/email",
                             {"new_email": target, "current_password": staff.password}).status_code
                for _ in range(6)]
    assert statuses == [303] * 5 + [429], statuses
    assert len(strict.mail.quiet(target, 1.5)) == 5


def test_resending_the_confirmation_stops_at_5_mails(strict):
    reader = make_reader(strict, "unverified")  # its sign-up sent the first
    statuses = [reader.submit("/account", "/account/resend", {}).status_code for _ in range(5)]
    assert statuses == [303] * 4 + [429], statuses
    assert len(strict.mail.quiet(reader.email, 1.5)) == 5


# ==== item 11: the contact form ===========================================================================

def contact_from(srv, source_ip):
    token = Reader(srv).token("/contact", "/contact")
    body = urlencode({"form_token": token, "name": "Flood", "email": "flood@example.org", "topic": "other",
                      "message": f"A message long enough {uuid.uuid4().hex}", "agree": "yes"})
    c = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10, source_address=(source_ip, 0))
    try:
        c.request("POST", "/contact", body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
        resp = c.getresponse()
        return resp.status, resp.getheader("retry-after"), resp.read().decode()
    finally:
        c.close()


def test_contact_messages_from_one_address_stop_at_5_an_hour(strict):
    before = strict.query("SELECT count(*) FROM contact_message")[0][0]
    answers = [contact_from(strict, "127.0.0.1") for _ in range(6)]
    assert [s for s, _, _ in answers] == [303] * 5 + [429], [s for s, _, _ in answers]
    assert int(answers[-1][1]) >= 3500 and "Please try again in 60 minutes" in answers[-1][2]
    assert strict.query("SELECT count(*) FROM contact_message")[0][0] == before + 5
    assert contact_from(strict, "127.0.0.3")[0] == 303, "another address was held back"


def test_contact_messages_from_everyone_stop_at_contact_per_hour():
    with tempfile.TemporaryDirectory(prefix="plenary-contact-") as tmp:
        srv = start_plenary(tmp, make_demo_database(tmp), {"contact_per_hour": 3}, name="contact-server",
                            strict_limits=True)
        try:
            statuses = [contact_from(srv, f"127.0.0.{i}")[0] for i in range(2, 6)]
            assert statuses == [303, 303, 303, 429], statuses
            assert srv.query("SELECT count(*) FROM contact_message")[0][0] == 3
        finally:
            assert srv.stop() == 0


# ==== the accounts' low items =============================================================================

def test_reset_does_its_work_after_the_answer_whatever_the_address(strict):
    """The answer cannot depend on the account: the token and the mail are made after it, off the request."""
    victim = make_staff(strict, "reader")
    uid = strict.query("SELECT id FROM user WHERE email = ?", (victim.email,))[0]["id"]
    r = reset(strict, victim.email)
    assert r.status_code == 303
    assert strict.query("SELECT 1 FROM user_token WHERE user_id = ? AND purpose = 'reset'", (uid,)) == [], \
        "the reset link was made while the request was answered"
    time.sleep(1)
    assert len(strict.query("SELECT 1 FROM user_token WHERE user_id = ? AND purpose = 'reset'", (uid,))) == 1
    assert len(strict.mail.to(victim.email, "Reset")) == 1


@pytest.mark.parametrize("address", ["x@[127.0.0.1]", "x@127.0.0.1]", "x@-bad.org", "x@host", "a(b)@c.org"])
def test_an_address_mail_cannot_go_to_is_refused_before_any_account(strict, address):
    r = Reader(strict, email=address).signup()
    assert r.status_code == 422, r.status_code
    assert strict.query("SELECT 1 FROM user WHERE email = ?", (address,)) == [], "an account was left"


def test_the_host_headers_port_is_not_in_links(strict):
    """public_url is empty on this server: links carry the site's host and no port, whatever Host says."""
    victim = make_staff(strict, "reader")
    s = requests.Session()
    host = {"Host": "127.0.0.1:9999"}
    page = s.get(strict.url("/reset"), headers=host, timeout=10)
    token = parse_html(page.text).find("input", name="form_token").get("value")
    r = s.post(strict.url("/reset"), headers=host, data={"form_token": token, "email": victim.email},
               allow_redirects=False, timeout=10)
    assert r.status_code == 303
    body = mail_body(strict.mail.wait(victim.email, "Reset"))
    links = re.findall(r"https?://\S+", body)
    assert links and all(":9999" not in link for link in links), links
    canonical = [l.get("href") for l in parse_html(page.text).find_all("link") if l.get("rel") == "canonical"]
    assert canonical and ":9999" not in canonical[0], canonical


def test_public_url_gives_links_their_scheme_and_port():
    with tempfile.TemporaryDirectory(prefix="plenary-public-url-") as tmp:
        srv = start_plenary(tmp, make_demo_database(tmp), {"public_url": "https://:8443"}, name="public-url")
        try:
            page = requests.get(srv.url("/"), headers={"Host": "127.0.0.1:9999"}, timeout=10).text
            canonical = [l.get("href") for l in parse_html(page).find_all("link") if l.get("rel") == "canonical"]
            assert canonical and canonical[0].startswith("https://") and ":8443/" in canonical[0], canonical
        finally:
            assert srv.stop() == 0


def test_behind_a_trusted_proxy_an_ipv6_client_is_counted_by_its_64():
    """The contact form's per-address limit counts the reader's address from X-Forwarded-For (the proxy is
    trusted), and an IPv6 reader by its /64, which one client commonly holds whole."""
    with tempfile.TemporaryDirectory(prefix="plenary-limit-proxy-") as tmp:
        srv = start_plenary(tmp, make_demo_database(tmp), {"trusted_proxies": "127.0.0.1"}, name="proxied",
                            strict_limits=True)
        try:
            def post(client):
                s = requests.Session()
                hdr = {"X-Forwarded-For": client}
                token = parse_html(s.get(srv.url("/contact"), headers=hdr, timeout=10).text).find(
                    "input", name="form_token").get("value")
                return s.post(srv.url("/contact"), headers=hdr, allow_redirects=False, timeout=10,
                              data={"form_token": token, "name": "Six", "email": "six@example.org",
                                    "topic": "other", "message": f"Message {uuid.uuid4().hex}", "agree": "yes"}
                              ).status_code
            statuses = [post(f"2001:db8:1:2::{i + 1:x}") for i in range(6)]
            assert statuses == [303] * 5 + [429], statuses
            assert post("2001:db8:1:3::1") == 303, "another /64 was held back"
            assert post("198.51.100.7") == 303, "another reader behind the proxy was held back"
        finally:
            assert srv.stop() == 0
