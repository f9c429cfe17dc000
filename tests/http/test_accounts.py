"""Accounts: sign-up, the confirmation link, sign-in and sessions, form tokens, password reset, the account
page (profile, email, password, data, deletion), HCP verification by an editor, throttling, `plenary user add`.

These tests run against accounts_server (conftest.py): a server of their own with its own demo database, and
mail sent over SMTP to aiosmtpd on loopback, read back from its maildir. Every reader is a new address.
Failed sign-ins count per address and per client address (all tests come from 127.0.0.1), so this module
makes few of them on the shared accounts server; the throttling tests have a server of their own.
"""
import hashlib
import http.client
import json
import os
import re
import tempfile
import time
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests

from conftest import (COMMON_PASSWORDS, Reader, add_user, cookie_parts, database_exists, h1_text, mail_body,
                      mail_link, main_of, make_reader, missing_database, new_database, new_password, parse_html,
                      run_plenary, session_cookie_headers, start_plenary, text_of, unique_email)

SESSION = "plenary_session"
WRONG = "The email address or the password is not right."


@pytest.fixture(scope="module")
def srv(accounts_server):
    return accounts_server


@pytest.fixture(scope="module")
def member(srv):
    """One signed-in member for checks that change nothing."""
    return make_reader(srv, "member")


def field_errors(doc):
    return {p.get("id")[len("error-"):]: text_of(p) for p in doc.find_all("p", class_="field-error")}


def anon_get(srv, path, cookie=None, **kw):
    """A GET from a browser with no cookie jar, sending `cookie` as the session cookie when given."""
    kw.setdefault("timeout", 10)
    kw.setdefault("allow_redirects", False)
    return requests.get(srv.url(path), cookies={SESSION: cookie} if cookie else None, **kw)


def signed_in(resp):
    return "Signed in as" in resp.text


def assert_anonymous(srv, cookie, what="the cookie"):
    r = anon_get(srv, "/", cookie)
    assert r.status_code == 200
    assert not signed_in(r), f"{what} still signs a reader in"
    r = anon_get(srv, "/account", cookie)
    assert_to_signin(r, "/account")


def assert_to_signin(r, back):
    """A 303 to the sign-in page that comes back to `back` afterwards."""
    assert r.status_code == 303, r.status_code
    u = urlsplit(r.headers["location"])
    assert u.path == "/signin" and parse_qs(u.query).get("return") == [back], r.headers["location"]


def assert_signed_in(srv, cookie, email):
    r = anon_get(srv, "/account", cookie)
    assert r.status_code == 200, f"/account answered {r.status_code} to a cookie that should sign {email} in"
    assert f"Signed in as {email}" in text_of(main_of(parse_html(r.text)))


def assert_forbidden(r):
    assert r.status_code == 403, r.status_code
    assert h1_text(parse_html(r.text)) == "This form has expired"


def account_level(reader):
    r = reader.get("/account")
    assert r.status_code == 200
    m = re.search(r"You can read (.*?)\.\s*$", text_of(main_of(parse_html(r.text)).find("p")))
    assert m, "no 'You can read ...' on the account page"
    return m.group(1)


def signup_ok(r):
    assert r.status_code == 303, (r.status_code, r.text[:600])
    assert r.headers["location"] == "/signup/sent"


def common_long_password():
    """An entry of the common-password list long enough to pass the length rule."""
    with open(COMMON_PASSWORDS, encoding="latin-1") as f:
        words = [w.strip() for w in f if w.strip() and not w.startswith("#!")]
    long_ones = [w for w in words if len(w) >= 12]
    assert long_ones, f"{COMMON_PASSWORDS} has no entry of 12 characters or more"
    return long_ones[0]


def article_of(srv, audience):
    rows = srv.query("SELECT a.slug, a.body FROM article a JOIN site s ON s.id = a.site_id WHERE s.is_default = 1 "
                     "AND a.audience = ? AND a.status = 'published' AND a.published_at <= strftime('%s','now') "
                     "ORDER BY a.id LIMIT 1", (audience,))
    assert rows, f"the demo has no visible {audience} article"
    return rows[0]


def body_sentence(body):
    return max(re.findall(r"[A-Za-z0-9 ,]{30,}", body), key=len).strip()


# ==== sign-up ==============================================================================================

def test_signup_form_has_every_field_and_a_token(srv):
    r = anon_get(srv, "/signup")
    assert r.status_code == 200
    doc = parse_html(r.text)
    form = doc.find("form", action="/signup")
    assert form is not None and form.get("method") == "post"
    assert form.find("input", name="form_token").get("value")
    for name in ("email", "password", "name", "specialty", "country", "hcp", "privacy", "alerts"):
        assert form.find("input", name=name) is not None, name
    options = [o.get("value") for o in form.find("select", name="profession").find_all("option")]
    assert options == ["", "physician", "nurse", "pharmacist", "other_hcp", "not_hcp"]
    assert form.find("input", name="password").get("type") == "password"


def test_empty_signup_is_422_with_an_error_for_each_required_field(srv):
    reader = Reader(srv)
    r = reader.submit("/signup", "/signup", {})
    assert r.status_code == 422
    errors = field_errors(parse_html(r.text))
    assert sorted(errors) == sorted(["email", "password", "name", "profession", "privacy"])
    assert all(errors.values())
    assert session_cookie_headers(r) == []


def test_signup_errors_keep_the_typed_values_escaped_but_never_the_password(srv):
    reader = Reader(srv)
    tricky = '<b>"Dr" O\'Hara</b> & co'
    fields = reader.signup_fields(email="not-an-email", name=tricky, specialty=tricky + " onc",
                                  country="<i>Côte d'Ivoire</i>", alerts="yes", profession="nurse")
    r = reader.submit("/signup", "/signup", fields)
    assert r.status_code == 422
    doc = parse_html(r.text)
    assert list(field_errors(doc)) == ["email"]
    form = doc.find("form", action="/signup")
    assert form.find("input", name="email").get("value") == "not-an-email"
    assert form.find("input", name="name").get("value") == tricky
    assert form.find("input", name="specialty").get("value") == tricky + " onc"
    assert form.find("input", name="country").get("value") == "<i>Côte d'Ivoire</i>"
    for box in ("hcp", "privacy", "alerts"):
        assert "checked" in form.find("input", name=box).attrs, box
    selected = [o.get("value") for o in form.find("select", name="profession").find_all("option")
                if "selected" in o.attrs]
    assert selected == ["nurse"]
    assert form.find("input", name="password").get("value") in (None, "")
    assert reader.password not in r.text, "the typed password is sent back in the page"
    assert "<b>\"Dr\"" not in r.text and "<i>Côte" not in r.text
    assert srv.query("SELECT 1 FROM user WHERE name = ?", (tricky,)) == []


BAD_SIGNUPS = [
    ({"password": "short pass"}, "password", "at least 12"),
    ({"password": "x" * 2000}, "password", "at most 256"),
    ({"password": "COMMON"}, "password", "commonly used"),
    ({"password": "COMMON-UPPER"}, "password", "commonly used"),
    ({"password": "EMAIL"}, "password", "email address"),
    ({"name": "n" * 1000}, "name", "at most 100"),
    ({"name": ""}, "name", "Enter your name"),
    ({"name": "Ann\x07Bell"}, "name", ""),
    ({"profession": "surgeon"}, "profession", "Choose your profession"),
    ({"profession": None}, "profession", "Choose your profession"),
    ({"specialty": "s" * 101}, "specialty", "at most 100"),
    ({"country": "c" * 101}, "country", "at most 100"),
    ({"hcp": "yes", "profession": "not_hcp"}, "hcp", "not a healthcare professional"),
    ({"privacy": None}, "privacy", "privacy policy"),
    ({"email": "nobody-at-example.org"}, "email", "name@hospital.org"),
    ({"email": "a" * 300 + "@example.org"}, "email", "name@hospital.org"),
    ({"email": "two@@example.org"}, "email", "name@hospital.org"),
]


@pytest.mark.parametrize("over,field,part", BAD_SIGNUPS,
                         ids=[f"{f}-{i}" for i, (_, f, _) in enumerate(BAD_SIGNUPS)])
def test_signup_refuses_bad_input_with_422_on_that_field(srv, over, field, part):
    reader = Reader(srv)
    over = dict(over)
    if over.get("password") == "COMMON":
        over["password"] = common_long_password()
    elif over.get("password") == "COMMON-UPPER":
        over["password"] = common_long_password().upper()
    elif over.get("password") == "EMAIL":
        over["password"] = reader.email.upper()
    r = reader.signup(**over)
    assert r.status_code == 422, r.status_code
    doc = parse_html(r.text)
    errors = field_errors(doc)
    assert list(errors) == [field], errors
    assert part in errors[field], errors[field]
    control = doc.find(id=f"field-{field}")
    assert control is not None and control.get("aria-invalid") == "true"
    assert reader.user_row() is None, "an account was created from a refused form"
    assert session_cookie_headers(r) == []


def test_signup_creates_an_unconfirmed_account_and_mails_a_48_hour_link(srv):
    reader = Reader(srv, name="Dr Inês Sá-Pereira", profession="pharmacist")
    before = int(time.time()) - 2
    r = reader.signup(alerts="yes")
    signup_ok(r)
    assert session_cookie_headers(r) == [], "sign-up signs the reader in before the address is confirmed"
    row = reader.user_row()
    assert row is not None
    assert (row["name"], row["profession"], row["specialty"], row["country"]) == \
        ("Dr Inês Sá-Pereira", "pharmacist", "Medical oncology", "Portugal")
    assert (row["hcp_declared"], row["alerts"], row["role"], row["hcp_status"]) == (1, 1, "reader", "none")
    assert row["email_verified_at"] is None
    assert before <= row["privacy_accepted_at"] <= time.time() + 2
    assert row["password_hash"].startswith("$argon2id$") and reader.password not in row["password_hash"]
    msg = reader.confirmation_mail()
    body = mail_body(msg)
    assert reader.email in body and "48 hours" in body
    link = mail_link(msg, "/verify")
    token = link.split("token=", 1)[1]
    tokens = srv.query("SELECT * FROM user_token WHERE user_id = ?", (row["id"],))
    assert len(tokens) == 1 and tokens[0]["purpose"] == "verify"
    assert tokens[0]["token_hash"] == hashlib.sha256(token.encode()).hexdigest(), "the link's token is stored raw?"
    assert tokens[0]["expires_at"] - tokens[0]["created_at"] == 48 * 3600
    page = anon_get(srv, "/signup/sent")
    assert page.status_code == 200 and h1_text(parse_html(page.text)) == "Check your email"


def test_signup_with_a_taken_address_answers_the_same_and_mails_the_owner(srv):
    owner = Reader(srv, name="Original Owner")
    signup_ok(owner.signup())
    assert owner.confirm().status_code == 303
    row = owner.user_row()
    fresh = Reader(srv)  # a stranger with a new address, for comparison
    first = fresh.signup()
    intruder = Reader(srv, email=owner.email.upper(), name="Someone Else")
    second = intruder.signup()
    for r in (first, second):
        signup_ok(r)
        assert session_cookie_headers(r) == [] and r.content == b""
    assert sorted(k.lower() for k in first.headers if k.lower() != "date") == \
        sorted(k.lower() for k in second.headers if k.lower() != "date"), "the two answers differ in headers"
    notice = srv.mail.wait(owner.email, "You already have an account")
    body = mail_body(notice)
    assert "/reset" in body and "/verify" not in body
    assert len(srv.mail.to(owner.email, "Confirm your email address")) == 1, "a second confirmation link was sent"
    after = owner.user_row()
    assert (after["id"], after["name"], after["password_hash"]) == (row["id"], "Original Owner", row["password_hash"])
    assert len(srv.query("SELECT 1 FROM user WHERE email = ?", (owner.email,))) == 1
    assert owner.signin().status_code == 303, "the owner's password stopped working"


def test_signed_in_reader_is_sent_from_signup_to_the_account(srv):
    reader = make_reader(srv, "member")
    r = reader.get("/signup")
    assert r.status_code == 303 and r.headers["location"] == "/account"


# ==== the confirmation link ================================================================================

def test_confirmation_link_works_once(srv):
    reader = Reader(srv)
    signup_ok(reader.signup())
    link = mail_link(reader.confirmation_mail(), "/verify")
    r = anon_get(srv, link)
    assert r.status_code == 303 and r.headers["location"] == "/signin?verified=1"
    assert reader.user_row()["email_verified_at"] is not None
    page = anon_get(srv, "/signin?verified=1")
    assert "Your email address is confirmed" in page.text
    again = anon_get(srv, link)
    assert again.status_code == 400
    assert h1_text(parse_html(again.text)) == "This link does not work any more"


@pytest.mark.parametrize("how", ["tampered", "truncated", "extended", "missing", "empty", "huge", "expired",
                                 "other-purpose"])
def test_a_bad_confirmation_link_is_400_and_confirms_nothing(srv, how):
    reader = Reader(srv)
    signup_ok(reader.signup())
    link = mail_link(reader.confirmation_mail(), "/verify")
    token = link.split("token=", 1)[1]
    if how == "tampered":
        link = "/verify?token=" + token[:-1] + ("A" if token[-1] != "A" else "B")
    elif how == "truncated":
        link = "/verify?token=" + token[:20]
    elif how == "extended":
        link = link + "x"
    elif how == "missing":
        link = "/verify"
    elif how == "empty":
        link = "/verify?token="
    elif how == "huge":
        link = "/verify?token=" + token * 5
    elif how == "expired":
        uid = reader.user_row()["id"]
        n = srv.execute("UPDATE user_token SET expires_at = strftime('%s','now') - 1 WHERE user_id = ?", (uid,))
        assert n == 1
    elif how == "other-purpose":
        # a password-reset token is no confirmation token
        srv.execute("UPDATE user_token SET purpose = 'reset' WHERE user_id = ?", (reader.user_row()["id"],))
    r = anon_get(srv, link)
    assert r.status_code == 400, r.status_code
    assert h1_text(parse_html(r.text)) == "This link does not work any more"
    assert reader.user_row()["email_verified_at"] is None


def test_confirming_while_signed_in_goes_to_the_account_and_raises_the_level(srv):
    reader = make_reader(srv, "unverified")
    assert account_level(reader).startswith("public content only")
    r = reader.confirm()
    assert r.status_code == 303 and r.headers["location"] == "/account?verified=1"
    page = reader.get("/account?verified=1")
    assert "Your email address is confirmed." in page.text
    assert account_level(reader) == "content for healthcare professionals"


def test_sending_the_link_again_replaces_the_old_one(srv):
    reader = make_reader(srv, "unverified")
    first = mail_link(reader.confirmation_mail(1), "/verify")
    r = reader.submit("/account", "/account/resend", {})
    assert r.status_code == 303 and r.headers["location"] == "/account?resent=1"
    second = mail_link(reader.confirmation_mail(2), "/verify")
    assert second != first
    assert anon_get(srv, first).status_code == 400, "the old link still works after a new one was sent"
    assert anon_get(srv, second).status_code == 303
    assert reader.user_row()["email_verified_at"] is not None


# ==== signing in and out ===================================================================================

def test_signin_sets_a_session_cookie_for_the_browser_session_only(srv):
    reader = Reader(srv)
    signup_ok(reader.signup())
    reader.confirm()
    r = reader.signin()
    assert r.status_code == 303 and r.headers["location"] == "/account"
    cookies = session_cookie_headers(r)
    assert len(cookies) == 1, r.raw.headers.getlist("set-cookie")
    name, value, attrs = cookie_parts(cookies[0])
    assert name == SESSION and re.fullmatch(r"[A-Za-z0-9_-]{43}", value), value
    assert "httponly" in attrs and attrs.get("samesite", "").lower() == "lax" and attrs.get("path") == "/"
    assert "max-age" not in attrs and "expires" not in attrs, "a session cookie without remember me persists"
    assert "secure" not in attrs  # plain HTTP: a Secure cookie would never come back
    assert_signed_in(srv, value, reader.email)
    rows = srv.query("SELECT * FROM session WHERE user_id = ?", (reader.user_row()["id"],))
    assert len(rows) == 1
    assert rows[0]["token_hash"] == hashlib.sha256(value.encode()).hexdigest()
    assert rows[0]["remember"] == 0
    assert abs(rows[0]["expires_at"] - (time.time() + 24 * 3600)) < 60


def test_remember_me_keeps_the_cookie_30_days(srv):
    reader = Reader(srv)
    signup_ok(reader.signup())
    r = reader.signin(remember=True)
    assert r.status_code == 303
    _, value, attrs = cookie_parts(session_cookie_headers(r)[0])
    assert attrs.get("max-age") == str(30 * 86400)
    assert "httponly" in attrs and attrs.get("samesite", "").lower() == "lax"
    row = srv.query("SELECT * FROM session WHERE token_hash = ?", (hashlib.sha256(value.encode()).hexdigest(),))[0]
    assert row["remember"] == 1 and abs(row["expires_at"] - (time.time() + 30 * 86400)) < 60


def session_hash(cookie):
    return hashlib.sha256(cookie.encode()).hexdigest()


def test_a_session_ends_after_its_lifetime_or_12_idle_hours(srv):
    reader = make_reader(srv, "member")
    # idle for 13 hours (session_idle_minutes defaults to 720)
    srv.execute("UPDATE session SET last_seen_at = strftime('%s','now') - 13 * 3600 WHERE token_hash = ?",
                (session_hash(reader.cookie),))
    assert_anonymous(srv, reader.cookie, "a session idle for 13 hours")
    assert reader.signin().status_code == 303
    srv.execute("UPDATE session SET last_seen_at = strftime('%s','now') - 11 * 3600 WHERE token_hash = ?",
                (session_hash(reader.cookie),))
    assert_signed_in(srv, reader.cookie, reader.email)
    srv.execute("UPDATE session SET expires_at = strftime('%s','now') - 1 WHERE token_hash = ?",
                (session_hash(reader.cookie),))
    assert_anonymous(srv, reader.cookie, "a session past its end")


def test_remember_me_survives_a_day_away(srv):
    """A reader who ticks "Keep me signed in" gets a 30-day cookie; coming back the next day, the server must
    still know the session (the 12-hour idle limit is for sessions that end with the browser)."""
    reader = Reader(srv)
    signup_ok(reader.signup())
    assert reader.signin(remember=True).status_code == 303
    srv.execute("UPDATE session SET last_seen_at = strftime('%s','now') - 24 * 3600, "
                "created_at = strftime('%s','now') - 24 * 3600 WHERE token_hash = ?", (session_hash(reader.cookie),))
    assert_signed_in(srv, reader.cookie, reader.email)


def test_wrong_password_and_unknown_address_get_the_same_answer(srv):
    reader = Reader(srv)
    signup_ok(reader.signup())
    stranger = unique_email("nobody")
    wrong = Reader(srv).signin(email=reader.email, password="not the password at all")
    unknown = Reader(srv).signin(email=stranger, password="not the password at all")
    assert wrong.status_code == unknown.status_code == 422
    for r in (wrong, unknown):
        doc = parse_html(r.text)
        assert text_of(doc.find(id="error-signin")) == WRONG
        assert session_cookie_headers(r) == []
    # the two pages differ only by the address typed back into the form
    assert wrong.text.replace(reader.email, "ADDRESS") == unknown.text.replace(stranger, "ADDRESS")
    assert parse_html(wrong.text).find("input", name="password").get("value") in (None, "")


@pytest.mark.parametrize("fields", [{}, {"email": "someone@example.org"}, {"password": "a password long enough"},
                                    {"email": "", "password": ""}])
def test_signin_without_address_or_password_is_422(srv, fields):
    r = Reader(srv).submit("/signin", "/signin", fields)
    assert r.status_code == 422
    assert text_of(parse_html(r.text).find(id="error-signin")) == "Enter your email address and your password."


def test_a_2000_character_password_is_refused_at_signin_without_hashing_or_counting(srv):
    reader = Reader(srv)
    r = reader.signin(email=reader.email, password="p" * 2000)
    assert r.status_code == 422
    assert srv.query("SELECT 1 FROM attempt WHERE subject = ?", ("email:" + reader.email.lower(),)) == []


def test_each_signin_makes_a_new_session_token(srv):
    reader = Reader(srv)
    signup_ok(reader.signup())
    first = reader.signin()
    c1 = reader.cookie
    second = reader.signin()  # again, from the same browser, already signed in
    c2 = reader.cookie
    assert first.status_code == second.status_code == 303
    assert c1 and c2 and c1 != c2, "signing in again kept the same session token"
    assert_anonymous(srv, c1, "the session replaced by a new sign-in")
    other = Reader(srv, email=reader.email, password=reader.password)
    assert other.signin().status_code == 303
    c3 = other.cookie
    assert c3 not in (c1, c2)
    assert_signed_in(srv, c2, reader.email)
    assert_signed_in(srv, c3, reader.email)


def test_a_planted_session_cookie_is_not_adopted_at_signin(srv):
    reader = Reader(srv)
    signup_ok(reader.signup())
    planted = "A" * 43
    reader.http.cookies.set(SESSION, planted, domain="127.0.0.1", path="/")
    r = reader.signin()
    assert r.status_code == 303
    _, value, _ = cookie_parts(session_cookie_headers(r)[0])
    assert value != planted
    assert_anonymous(srv, planted, "the planted cookie")


def test_signin_returns_to_a_local_page_only(srv):
    reader = Reader(srv)
    signup_ok(reader.signup())
    path = "/article/" + article_of(srv, "public")["slug"]
    page = anon_get(srv, "/signin?return=" + path)
    assert parse_html(page.text).find("form", action="/signin").find("input", name="next").get("value") == path
    r = reader.signin(back=path)
    assert r.status_code == 303 and r.headers["location"] == path
    r = Reader(srv, email=reader.email, password=reader.password).signin(back="//evil.example/x")
    assert r.status_code == 303 and r.headers["location"] == "/account"


def test_signout_ends_the_session_on_the_server(srv):
    reader = make_reader(srv, "member")
    old = reader.cookie
    assert_signed_in(srv, old, reader.email)
    r = reader.signout()
    assert r.status_code == 303 and r.headers["location"] == "/"
    cleared = session_cookie_headers(r)
    assert len(cleared) == 1
    _, value, attrs = cookie_parts(cleared[0])
    assert value == "" and attrs.get("max-age") == "0"
    assert reader.cookie is None
    # a copy of the old cookie (kept by a thief, or a browser that ignored the deletion) is worth nothing
    assert_anonymous(srv, old, "the cookie of a signed-out session")
    assert srv.query("SELECT 1 FROM session WHERE token_hash = ?", (hashlib.sha256(old.encode()).hexdigest(),)) == []


@pytest.mark.parametrize("how", ["last-char", "first-char", "truncated", "extended", "garbage", "empty",
                                 "another-hash"])
def test_a_tampered_session_cookie_is_anonymous(srv, how, member):
    reader = member
    c = reader.cookie
    flip = lambda ch: "A" if ch != "A" else "B"  # noqa: E731
    bad = {"last-char": c[:-1] + flip(c[-1]), "first-char": flip(c[0]) + c[1:], "truncated": c[:-1],
           "extended": c + "A", "garbage": "../../etc/passwd%00" + "x" * 30, "empty": "",
           "another-hash": hashlib.sha256(c.encode()).hexdigest()}[how]
    r = requests.get(srv.url("/"), headers={"Cookie": f"{SESSION}={bad}"}, timeout=10)
    assert r.status_code == 200 and not signed_in(r)
    r = requests.get(srv.url("/account"), headers={"Cookie": f"{SESSION}={bad}"}, timeout=10,
                     allow_redirects=False)
    assert r.status_code == 303
    assert_signed_in(srv, c, reader.email)  # the real cookie still works


def test_an_unconfirmed_reader_may_sign_in_but_reads_public_content_only(srv):
    reader = make_reader(srv, "unverified")
    assert account_level(reader).startswith("public content only")
    page = reader.get("/account")
    assert parse_html(page.text).find("form", action="/account/resend") is not None


# ==== form tokens and origins ==============================================================================

def test_account_forms_need_a_token(srv):
    reader = make_reader(srv, "member")
    for action, fields in (("/account/profile", {"name": "Changed Name", "profession": "not_hcp", "specialty": "",
                                                 "country": ""}),
                           ("/signout", {"x": ""}), ("/account/delete", {"password": reader.password})):
        r = reader.post(action, data=fields)
        assert_forbidden(r)
    assert reader.user_row()["name"] == reader.name
    assert_signed_in(srv, reader.cookie, reader.email)


def test_a_token_from_before_signin_is_refused_after_it(srv):
    reader = Reader(srv, profession="not_hcp", hcp=False)
    signup_ok(reader.signup())
    before = reader.token("/signin", "/signin")  # the anonymous token
    assert reader.signin().status_code == 303
    r = reader.post("/account/profile", data={"form_token": before, "name": "Changed Name",
                                               "profession": "not_hcp", "specialty": "", "country": ""})
    assert_forbidden(r)
    r = reader.post("/signout", data={"form_token": before})
    assert_forbidden(r)
    assert_signed_in(srv, reader.cookie, reader.email)
    assert reader.user_row()["name"] == reader.name


def test_a_token_of_another_session_is_refused(srv):
    alice = make_reader(srv, "member")
    bob = make_reader(srv, "member")
    bobs = bob.token("/account", "/account/profile")
    r = alice.post("/account/profile", data={"form_token": bobs, "name": "Changed by Bob", "profession": "not_hcp",
                                              "specialty": "", "country": ""})
    assert_forbidden(r)
    assert alice.user_row()["name"] == alice.name
    # and a signed-in token is no use once signed out
    mine = alice.token("/account", "/signout")
    assert alice.signout().status_code == 303
    r = alice.post("/signin", data={"form_token": mine, "email": alice.email, "password": alice.password})
    assert_forbidden(r)


@pytest.mark.parametrize("headers", [{"Origin": "http://evil.example"}, {"Origin": "null"},
                                     {"Referer": "http://evil.example/account"},
                                     {"Origin": "http://127.0.0.1:1"}])
def test_a_post_from_another_site_is_403_even_with_a_valid_token(srv, headers, member):
    reader = member
    fields = {"name": "Changed Elsewhere", "profession": "not_hcp", "specialty": "", "country": ""}
    r = reader.submit("/account", "/account/profile", fields, headers=headers)
    assert_forbidden(r)
    assert reader.user_row()["name"] == reader.name
    r = Reader(srv).submit("/signin", "/signin", {"email": reader.email, "password": reader.password},
                           headers=headers)
    assert_forbidden(r)
    assert session_cookie_headers(r) == []


def test_a_post_from_this_site_is_accepted(srv):
    reader = make_reader(srv, "member")
    origin = f"http://127.0.0.1:{srv.port}"
    r = reader.submit("/account", "/account/profile", {"name": "Same Origin", "profession": "not_hcp",
                                                        "specialty": "", "country": ""}, headers={"Origin": origin})
    assert r.status_code == 303


# ==== password reset =======================================================================================

def test_password_reset_by_mail(srv):
    reader = make_reader(srv, "hcp")
    old_cookie = reader.cookie
    other = Reader(srv, email=reader.email, password=reader.password)
    assert other.signin().status_code == 303
    helper = Reader(srv)  # the browser where the reader asks for the link (signed out)
    page = helper.get("/reset")
    assert page.status_code == 200 and parse_html(page.text).find("form", action="/reset") is not None
    r = helper.submit("/reset", "/reset", {"email": reader.email.upper()})
    assert r.status_code == 303 and r.headers["location"] == "/reset/sent"
    assert "one hour" in helper.get("/reset/sent").text
    msg = srv.mail.wait(reader.email, "Reset your")
    body = mail_body(msg)
    assert "1 hour" in body
    link = mail_link(msg, "/reset/confirm")
    token = link.split("token=", 1)[1]
    row = srv.query("SELECT * FROM user_token WHERE token_hash = ?", (hashlib.sha256(token.encode()).hexdigest(),))
    assert len(row) == 1 and row[0]["purpose"] == "reset"
    assert row[0]["expires_at"] - row[0]["created_at"] == 3600
    form = helper.get(link)
    assert form.status_code == 200
    doc = parse_html(form.text)
    assert doc.find("input", name="token").get("value") == token
    # a bad new password: 422, and the link still works
    r = helper.submit(link, "/reset/confirm", {"token": token, "password": "too short"})
    assert r.status_code == 422 and "at least 12" in field_errors(parse_html(r.text))["password"]
    r = helper.submit(link, "/reset/confirm", {"token": token, "password": "y" * 2000})
    assert r.status_code == 422
    new = new_password()
    r = helper.submit(link, "/reset/confirm", {"token": token, "password": new})
    assert r.status_code == 303 and r.headers["location"] == "/signin?reset=1"
    assert "Your password is changed" in helper.get("/signin?reset=1").text
    # every session of the account ends
    assert_anonymous(srv, old_cookie, "a session from before the reset")
    assert_anonymous(srv, other.cookie, "another session from before the reset")
    assert srv.query("SELECT 1 FROM session WHERE user_id = ?", (reader.user_row()["id"],)) == []
    # single use
    assert helper.get(link).status_code == 400
    r = helper.post("/reset/confirm", data={"form_token": helper.token("/reset"), "token": token,
                                            "password": new_password()})
    assert r.status_code == 400
    # the new password works, the old one does not
    assert Reader(srv, email=reader.email, password=new).signin().status_code == 303
    assert Reader(srv, email=reader.email, password=reader.password).signin().status_code == 422


def test_a_password_reset_cancels_a_pending_change_of_address(srv):
    """Someone who learnt the password signs in and asks to move the account to their own address. The owner
    notices and resets the password, which signs every session out. The link the intruder got must die too:
    otherwise it moves the account to the intruder's address, who then resets the password from there."""
    owner = make_reader(srv, "hcp")
    intruder_address = unique_email("intruder")
    intruder = Reader(srv, email=owner.email, password=owner.password)
    assert intruder.signin().status_code == 303
    r = intruder.submit("/account", "/account/email", {"new_email": intruder_address,
                                                        "current_password": owner.password})
    assert r.status_code == 303
    link = mail_link(srv.mail.wait(intruder_address, "Confirm your email address"), "/verify")
    helper = Reader(srv)
    helper.submit("/reset", "/reset", {"email": owner.email})
    reset = mail_link(srv.mail.wait(owner.email, "Reset your"), "/reset/confirm")
    r = helper.submit(reset, "/reset/confirm", {"token": reset.split("token=", 1)[1], "password": new_password()})
    assert r.status_code == 303
    assert_anonymous(srv, intruder.cookie, "the intruder's session after the reset")
    r = anon_get(srv, link)
    assert owner.user_row() is not None, "the intruder's change of address went through after a password reset"
    assert r.status_code == 400


def test_reset_for_an_unknown_address_answers_the_same_and_mails_nobody(srv):
    stranger = unique_email("stranger")
    r = Reader(srv).submit("/reset", "/reset", {"email": stranger})
    assert r.status_code == 303 and r.headers["location"] == "/reset/sent"
    assert srv.mail.quiet(stranger, 1.0) == []


def test_reset_with_a_bad_address_is_422(srv):
    r = Reader(srv).submit("/reset", "/reset", {"email": "<script>@x"})
    assert r.status_code == 422
    doc = parse_html(r.text)
    assert "email" in field_errors(doc)
    assert doc.find("input", name="email").get("value") == "<script>@x"
    assert "<script>@x" not in r.text


@pytest.mark.parametrize("how", ["tampered", "expired", "superseded", "verify-token"])
def test_a_bad_reset_link_is_400(srv, how):
    reader = Reader(srv)
    signup_ok(reader.signup())
    helper = Reader(srv)
    helper.submit("/reset", "/reset", {"email": reader.email})
    link = mail_link(srv.mail.wait(reader.email, "Reset your"), "/reset/confirm")
    token = link.split("token=", 1)[1]
    if how == "tampered":
        token = token[:-1] + ("A" if token[-1] != "A" else "B")
    elif how == "expired":
        srv.execute("UPDATE user_token SET expires_at = strftime('%s','now') - 1 WHERE purpose = 'reset' "
                    "AND user_id = ?", (reader.user_row()["id"],))
    elif how == "superseded":  # only the newest link works
        helper.submit("/reset", "/reset", {"email": reader.email})
        newer = mail_link(srv.mail.wait(reader.email, "Reset your", count=2), "/reset/confirm")
        assert newer != link
    elif how == "verify-token":  # the confirmation link's token is no reset token
        token = mail_link(reader.confirmation_mail(), "/verify").split("token=", 1)[1]
    hash_before = reader.user_row()["password_hash"]
    r = helper.get("/reset/confirm?token=" + token)
    assert r.status_code == 400
    assert h1_text(parse_html(r.text)) == "This link does not work any more"
    r = helper.post("/reset/confirm", data={"form_token": helper.token("/reset"), "token": token,
                                            "password": new_password()})
    assert r.status_code == 400
    assert reader.user_row()["password_hash"] == hash_before


def test_a_reset_link_confirms_the_address(srv):
    reader = Reader(srv)
    signup_ok(reader.signup())
    helper = Reader(srv)
    helper.submit("/reset", "/reset", {"email": reader.email})
    link = mail_link(srv.mail.wait(reader.email, "Reset your"), "/reset/confirm")
    token = link.split("token=", 1)[1]
    r = helper.submit(link, "/reset/confirm", {"token": token, "password": new_password()})
    assert r.status_code == 303
    assert reader.user_row()["email_verified_at"] is not None


# ==== the account page =====================================================================================

@pytest.mark.parametrize("path", ["/account", "/account/data"])
def test_account_pages_need_signin(srv, path):
    assert_to_signin(anon_get(srv, path), path)


@pytest.mark.parametrize("action", ["/account/profile", "/account/email", "/account/password", "/account/resend",
                                    "/account/verification", "/account/delete"])
def test_account_forms_need_signin(srv, action):
    anon = Reader(srv)
    r = anon.post(action, data={"form_token": anon.token("/signin"), "name": "x"})
    assert_to_signin(r, action)


def test_signin_from_the_account_redirect_comes_back_to_the_account(srv):
    reader = Reader(srv)
    signup_ok(reader.signup())
    r = reader.get("/account")
    target = r.headers["location"]
    page = reader.get(target)
    back = parse_html(page.text).find("form", action="/signin").find("input", name="next").get("value")
    assert back == "/account"
    r = reader.signin(back=back)
    assert r.status_code == 303 and r.headers["location"] == "/account"


def test_account_page_shows_the_profile(srv):
    reader = make_reader(srv, "hcp", name='Dr Zoë "Z" <Adams>')
    r = reader.get("/account")
    assert r.status_code == 200
    assert r.headers.get("cache-control") == "private, no-store"
    doc = parse_html(r.text)
    assert f"Signed in as {reader.email}" in text_of(main_of(doc))
    form = doc.find("form", action="/account/profile")
    assert form.find("input", name="name").get("value") == reader.name
    assert "<Adams>" not in r.text
    assert form.find("input", name="specialty").get("value") == "Medical oncology"
    assert "checked" in form.find("input", name="hcp").attrs
    for action in ("/account/email", "/account/password", "/account/delete", "/account/verification", "/signout"):
        f = doc.find("form", action=action)
        assert f is not None and f.find("input", name="form_token").get("value"), action


BAD_PROFILES = [
    ({"name": ""}, "name", "Enter your name"),
    ({"name": "N" * 1000}, "name", "at most 100"),
    ({"name": "é" * 101}, "name", "at most 100"),
    ({"profession": "astronaut"}, "profession", "Choose your profession"),
    ({"specialty": "s" * 101}, "specialty", "at most 100"),
    ({"country": "c" * 101}, "country", "at most 100"),
    ({"hcp": "yes", "profession": "not_hcp"}, "hcp", "healthcare profession"),
]


def test_profile_edit_refuses_bad_input_with_422(srv):
    reader = make_reader(srv, "hcp")
    before = dict(reader.user_row())
    for over, field, part in BAD_PROFILES:
        fields = {"name": "Dr Valid Name", "profession": "physician", "specialty": "Oncology", "country": "Chile",
                  "hcp": "yes", **over}
        r = reader.submit("/account", "/account/profile", fields)
        assert r.status_code == 422, (over, r.status_code)
        doc = parse_html(r.text)
        errors = field_errors(doc)
        assert list(errors) == [field] and part in errors[field], (over, errors)
        typed = doc.find("form", action="/account/profile").find("input", name="name").get("value")
        assert typed == fields["name"], "the typed name is not kept"
    after = dict(reader.user_row())
    assert after == before, "a refused profile changed the database"


def test_profile_edit_saves(srv):
    reader = make_reader(srv, "member")
    r = reader.submit("/account", "/account/profile", {"name": "Dr Renamed & Co", "profession": "nurse",
                                                        "specialty": "Oncology nursing", "country": "Kenya",
                                                        "hcp": "yes", "alerts": "yes"})
    assert r.status_code == 303 and r.headers["location"] == "/account?saved=1"
    row = reader.user_row()
    # the sign-up's "email me" choice is not the profile's: mail is chosen in the subscriptions panel
    assert (row["name"], row["profession"], row["specialty"], row["country"], row["hcp_declared"], row["alerts"]) \
        == ("Dr Renamed & Co", "nurse", "Oncology nursing", "Kenya", 1, 0)
    page = reader.get("/account?saved=1")
    assert "Your profile is saved." in page.text
    assert text_of(parse_html(page.text).find("span", class_="account-name")) == "Signed in as Dr Renamed & Co"
    assert account_level(reader) == "content for healthcare professionals"


def test_change_of_email_needs_the_password_and_the_new_address_confirmed(srv):
    reader = make_reader(srv, "member")
    new = unique_email("moved")
    # wrong current password: nothing is sent
    r = reader.submit("/account", "/account/email", {"new_email": new, "current_password": "not my password ok"})
    assert r.status_code == 422
    assert "current_password" in field_errors(parse_html(r.text))
    r = reader.submit("/account", "/account/email", {"new_email": new})
    assert r.status_code == 422
    r = reader.submit("/account", "/account/email", {"new_email": "not an address", "current_password":
                                                     reader.password})
    assert r.status_code == 422 and "new_email" in field_errors(parse_html(r.text))
    assert srv.mail.quiet(new, 0.5) == []
    # right password: a link to the new address; the address changes only when it is opened
    r = reader.submit("/account", "/account/email", {"new_email": new, "current_password": reader.password})
    assert r.status_code == 303 and r.headers["location"] == "/account?email_sent=1"
    msg = srv.mail.wait(new, "Confirm your email address")
    assert new in mail_body(msg)
    assert len(srv.mail.to(reader.email, "Confirm your email address")) == 1, "a link went to the old address"
    assert reader.user_row() is not None and reader.user_row(new) is None
    r = reader.get(mail_link(msg, "/verify"))
    assert r.status_code == 303 and r.headers["location"] == "/account?verified=1"
    assert reader.user_row() is None
    row = reader.user_row(new)
    assert row is not None and row["email_verified_at"] is not None
    assert f"Signed in as {new}" in text_of(main_of(parse_html(reader.get("/account").text)))
    assert Reader(srv, email=new, password=reader.password).signin().status_code == 303


def test_change_of_email_to_a_taken_address_changes_nothing(srv):
    reader = make_reader(srv, "member")
    other = make_reader(srv, "member")
    r = reader.submit("/account", "/account/email", {"new_email": other.email, "current_password": reader.password})
    assert r.status_code == 303
    link = mail_link(srv.mail.wait(other.email, "Confirm your email address", count=2), "/verify")
    r = reader.get(link)
    assert r.status_code == 409
    assert reader.user_row() is not None and other.user_row()["id"] != reader.user_row()["id"]


def test_change_of_password_signs_out_other_devices_only(srv):
    reader = make_reader(srv, "member")
    laptop = Reader(srv, email=reader.email, password=reader.password)
    assert laptop.signin().status_code == 303
    old_here = reader.cookie
    new = new_password()
    r = reader.submit("/account", "/account/password", {"current_password": "wrong password here", "new_password": new})
    assert r.status_code == 422 and "current_password_2" in field_errors(parse_html(r.text))
    r = reader.submit("/account", "/account/password", {"current_password": reader.password, "new_password": "short"})
    assert r.status_code == 422 and "new_password" in field_errors(parse_html(r.text))
    r = reader.submit("/account", "/account/password", {"current_password": reader.password,
                                                         "new_password": common_long_password()})
    assert r.status_code == 422
    assert_signed_in(srv, laptop.cookie, reader.email)
    r = reader.submit("/account", "/account/password", {"current_password": reader.password, "new_password": new})
    assert r.status_code == 303 and r.headers["location"] == "/account?password_changed=1"
    assert len(session_cookie_headers(r)) == 1, "this device did not get a new session"
    assert reader.cookie != old_here
    assert_signed_in(srv, reader.cookie, reader.email)
    assert "Your password is changed" in reader.get("/account?password_changed=1").text
    assert_anonymous(srv, laptop.cookie, "another device's session after a password change")
    assert_anonymous(srv, old_here, "this device's old session token")
    assert Reader(srv, email=reader.email, password=new).signin().status_code == 303
    assert Reader(srv, email=reader.email, password=reader.password).signin().status_code == 422


def test_download_my_data(srv):
    reader = make_reader(srv, "hcp", name="Dr Data <Export>")
    r = reader.get("/account/data")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    disposition = r.headers.get("content-disposition", "")
    assert disposition.startswith("attachment") and ".json" in disposition
    assert "no-store" in r.headers.get("cache-control", "")
    data = json.loads(r.text)
    assert data["email"] == reader.email and data["name"] == "Dr Data <Export>"
    assert data["profession"] == "physician" and data["email_verified"] is True and data["hcp_declared"] is True
    assert data["created_at"] > 0 and data["privacy_accepted_at"] > 0
    text = r.text.lower()
    assert "argon2" not in text and "password" not in text, "the export holds the password hash"
    assert reader.cookie not in r.text


def test_delete_account(srv):
    reader = make_reader(srv, "hcp")
    phone = Reader(srv, email=reader.email, password=reader.password)
    assert phone.signin().status_code == 303
    uid = reader.user_row()["id"]
    r = reader.submit("/account", "/account/delete", {"password": "not the right password"})
    assert r.status_code == 422 and "delete_password" in field_errors(parse_html(r.text))
    r = reader.submit("/account", "/account/delete", {})
    assert r.status_code == 422
    assert reader.user_row() is not None
    old = reader.cookie
    r = reader.submit("/account", "/account/delete", {"password": reader.password})
    assert r.status_code == 303 and r.headers["location"] == "/account/deleted"
    _, value, attrs = cookie_parts(session_cookie_headers(r)[0])
    assert value == "" and attrs.get("max-age") == "0"
    assert reader.user_row() is None
    for table in ("session", "user_token"):
        assert srv.query(f"SELECT 1 FROM {table} WHERE user_id = ?", (uid,)) == [], table
    assert_anonymous(srv, old, "the deleted account's session")
    assert_anonymous(srv, phone.cookie, "the deleted account's other session")
    page = reader.get("/account/deleted")
    assert page.status_code == 200 and h1_text(parse_html(page.text)) == "Your account is deleted"
    # the address is free again: a new sign-up gets a confirmation link, not "you already have an account"
    again = Reader(srv, email=reader.email)
    signup_ok(again.signup())
    assert mail_link(again.confirmation_mail(2), "/verify")
    assert srv.mail.to(reader.email, "You already have an account") == []
    row = again.user_row()
    assert row["name"] == again.name and row["email_verified_at"] is None and row["hcp_status"] == "none"


# ==== HCP verification =====================================================================================

@pytest.fixture(scope="module")
def editor(srv):
    address = unique_email("editor")
    p, password = add_user(srv.db_path, address, "editor", name="Editor <Ed>")
    assert p.returncode == 0, p.stderr
    ed = Reader(srv, email=address, password=password)
    assert ed.signin().status_code == 303
    return ed


def request_verification(reader, details):
    return reader.submit("/account", "/account/verification", {"details": details})


def test_verification_request_and_the_editors_decision(srv, editor):
    reader = make_reader(srv, "hcp", name="Dr <i>Query</i> Reader")
    article = article_of(srv, "verified_hcp")
    path = f"/article/{article['slug']}"
    sentence = body_sentence(article["body"])
    assert sentence not in reader.get(path).text
    for bad in ("abc", "x" * 2001, ""):
        r = request_verification(reader, bad)
        assert r.status_code == 422 and "details" in field_errors(parse_html(r.text))
    assert reader.user_row()["hcp_status"] == "none"
    details = "GMC 7654321, General Medical Council, UK; <b>call</b> the registry"
    r = request_verification(reader, details)
    assert r.status_code == 303 and r.headers["location"] == "/account?requested=1"
    row = reader.user_row()
    assert (row["hcp_status"], row["hcp_request"]) == ("requested", details)
    page = reader.get("/account?requested=1")
    assert "waiting for an editor" in page.text
    assert parse_html(page.text).find("form", action="/account/verification") is None
    # the editor's queue
    q = editor.get("/admin/verifications")
    assert q.status_code == 200
    doc = parse_html(q.text)
    section = doc.find("section", aria_labelledby=f"request-{row['id']}")
    assert section is not None, "the request is not in the editor's queue"
    assert text_of(section.find("h2")) == reader.name and reader.email in text_of(section)
    assert details in text_of(section)
    assert "<i>Query</i>" not in q.text and "<b>call</b>" not in q.text
    token = section.find("input", name="form_token").get("value")
    decide = {"form_token": token, "user_id": str(row["id"]), "decision": "verified", "method": "licence",
              "evidence": "GMC register entry 7654321 checked, full registration with licence"}
    for over in ({"method": "phoned a friend"}, {"method": ""}, {"evidence": "ok"}, {"evidence": "e" * 1001},
                 {"decision": "maybe"}, {"user_id": "0"}, {"user_id": "abc"}, {"user_id": "999999999"}):
        r = editor.post("/admin/verifications", data={**decide, **over})
        assert r.status_code == 422, over
    assert reader.user_row()["hcp_status"] == "requested"
    r = editor.post("/admin/verifications", data=decide)
    assert r.status_code == 303 and r.headers["location"] == "/admin/verifications?decided=1"
    row = reader.user_row()
    editor_id = editor.user_row()["id"]
    assert (row["hcp_status"], row["hcp_method"], row["hcp_evidence"], row["hcp_decided_by"]) == \
        ("verified", "licence", decide["evidence"], editor_id)
    assert abs(row["hcp_decided_at"] - time.time()) < 60
    q = editor.get("/admin/verifications?decided=1")
    assert "The decision is recorded." in q.text
    assert parse_html(q.text).find("section", aria_labelledby=f"request-{row['id']}") is None
    # the reader now reads content for verified healthcare professionals
    assert account_level(reader).startswith("all content")
    assert "Your status as a healthcare professional is verified." in reader.get("/account").text
    assert sentence in reader.get(path).text


def test_download_my_data_includes_the_verification_record(srv, editor):
    """The account page promises "a JSON file with everything your account holds": what an editor recorded
    about the reader (how they were checked, what was seen, when) is part of it."""
    reader = make_reader(srv, "hcp")
    assert request_verification(reader, "Ordem dos Medicos 12345, Portugal").status_code == 303
    token = editor.token("/admin/verifications", "/admin/verifications")
    evidence = "Ordem dos Medicos register: entry 12345 active"
    r = editor.post("/admin/verifications", data={"form_token": token, "user_id": str(reader.user_row()["id"]),
                                                  "decision": "verified", "method": "licence",
                                                  "evidence": evidence})
    assert r.status_code == 303
    data = json.loads(reader.get("/account/data").text)
    assert data["hcp_status"] == "verified" and data["hcp_request"] == "Ordem dos Medicos 12345, Portugal"
    assert data.get("hcp_method") == "licence", f"the export lacks the verification method: {sorted(data)}"
    assert data.get("hcp_evidence") == evidence, "the export lacks the evidence recorded about the reader"
    assert data.get("hcp_decided_at"), "the export lacks the date of the decision"


def test_an_editor_can_reject_a_request(srv, editor):
    reader = make_reader(srv, "hcp")
    assert request_verification(reader, "Hospital Santa Maria, Lisbon, oncology department").status_code == 303
    token = editor.token("/admin/verifications", "/admin/verifications")
    uid = reader.user_row()["id"]
    r = editor.post("/admin/verifications", data={"form_token": token, "user_id": str(uid), "decision": "rejected",
                                                  "method": "institution",
                                                  "evidence": "The hospital has no one of that name on staff"})
    assert r.status_code == 303
    row = reader.user_row()
    assert (row["hcp_status"], row["hcp_method"]) == ("rejected", "institution")
    assert row["hcp_evidence"] == "The hospital has no one of that name on staff"
    page = reader.get("/account")
    assert "could not verify your status" in page.text
    assert parse_html(page.text).find("form", action="/account/verification") is not None, "cannot ask again"
    assert account_level(reader) == "content for healthcare professionals"


def test_readers_get_403_on_the_verification_queue(srv, member):
    reader = member
    r = reader.get("/admin/verifications")
    assert r.status_code == 403
    assert "for editors" in r.text
    r = reader.post("/admin/verifications", data={"form_token": reader.token("/account"), "user_id": "1",
                                                  "decision": "verified", "method": "licence",
                                                  "evidence": "self-approved"})
    assert r.status_code == 403
    assert reader.user_row()["hcp_status"] == "none"


def test_the_verification_queue_needs_signin(srv):
    assert_to_signin(anon_get(srv, "/admin/verifications"), "/admin/verifications")
    anon = Reader(srv)
    r = anon.post("/admin/verifications", data={"form_token": anon.token("/signin"), "user_id": "1",
                                                "decision": "verified", "method": "licence", "evidence": "xyz"})
    assert_to_signin(r, "/admin/verifications")


def test_a_reader_who_is_not_an_hcp_is_not_offered_verification(srv, member):
    reader = member
    doc = parse_html(reader.get("/account").text)
    assert doc.find("form", action="/account/verification") is None


# ==== throttling (a server of its own: failures count per client address) ==================================

@pytest.fixture(scope="module")
def throttled():
    with tempfile.TemporaryDirectory(prefix="plenary-throttle-") as tmp:
        db_path = new_database(tmp, "t.db")
        p = run_plenary(["init", db_path])
        assert p.returncode == 0, p.stderr
        srv = start_plenary(tmp, db_path, {"outbox": os.path.join(tmp, "outbox")}, name="throttle-server")
        known = Reader(srv, email=unique_email("known"))
        p, _ = add_user(db_path, known.email, "reader", password=known.password)
        assert p.returncode == 0, p.stderr
        srv.known = known
        try:
            yield srv
        finally:
            rc = srv.stop()
            assert rc == 0, f"the throttle server exited with {rc}; log:\n{srv.log()[-2000:]}"


def attempt(srv, address, password):
    """A sign-in from a browser of its own; returns (status, Retry-After or None, message)."""
    r = Reader(srv).signin(email=address, password=password)
    m = parse_html(r.text).find(id="error-signin") if r.status_code != 303 else None
    return r.status_code, r.headers.get("retry-after"), text_of(m) if m is not None else None, r


def failures_until_throttled(srv, address):
    """Fails to sign in until a 429; returns the sequence of (status, retry-after, message)."""
    seen = []
    for _ in range(7):
        status, retry, msg, _ = attempt(srv, address, "definitely not it!!")
        seen.append((status, retry, msg))
        if status == 429:
            break
    return seen


def test_repeated_failures_get_429_with_retry_after_the_same_for_unknown_addresses(throttled):
    srv = throttled
    srv.execute("DELETE FROM attempt")
    known = failures_until_throttled(srv, srv.known.email)
    srv.execute("DELETE FROM attempt WHERE subject LIKE 'ip:%'")  # this test is about the address's count
    stranger = unique_email("unknown")
    unknown = failures_until_throttled(srv, stranger)
    for seq in (known, unknown):
        assert [s for s, _, _ in seq[:3]] == [422, 422, 422], seq  # three free attempts
        assert seq[-1][0] == 429, f"no 429 after {len(seq)} failures: {seq}"
        assert all(s == 422 for s, _, _ in seq[:-1])
        assert all(m == WRONG for _, _, m in seq[:-1])
        retry = seq[-1][1]
        assert retry is not None and retry.isdigit() and 1 <= int(retry) <= 2 ** (len(seq) - 4), seq
        assert seq[-1][2] == f"Too many attempts to sign in. Wait {retry} seconds, then try again."
    # unknown and known addresses are throttled alike: same statuses, same messages (how many failures it
    # takes may differ by one when a second ticks over between two attempts)
    shape = lambda seq: [(s, m.split(" Wait")[0]) for s, _, m in seq[:3] + seq[-1:]]  # noqa: E731
    assert shape(known) == shape(unknown)


def add_failures(srv, subject, count, at=None):
    """count sign-in attempts already made by subject, the window begun and the last made at `at`."""
    at = int(time.time()) if at is None else at
    c = srv.db()
    with c:
        c.execute("DELETE FROM attempt WHERE kind = 'signin' AND subject = ?", (subject,))
        c.execute("INSERT INTO attempt (kind, subject, started_at, last_at, n) VALUES ('signin', ?, ?, ?, ?)",
                  (subject, at, at, count))
    c.close()


def test_while_throttled_even_the_right_password_waits_then_works(throttled):
    srv = throttled
    srv.execute("DELETE FROM attempt")
    subject = "email:" + srv.known.email.lower()
    add_failures(srv, subject, 6)  # an 8-second wait
    status, retry, msg, r = attempt(srv, srv.known.email, srv.known.password)
    assert status == 429 and int(retry) in (7, 8), (status, retry)
    assert session_cookie_headers(r) == [], "the right password got through the throttle"
    # nine seconds later (the failures moved back in time rather than the test sleeping)
    srv.execute("UPDATE attempt SET last_at = last_at - 9, started_at = started_at - 9 WHERE subject = ?",
                (subject,))
    status, _, _, r = attempt(srv, srv.known.email, srv.known.password)
    assert status == 303 and len(session_cookie_headers(r)) == 1
    assert srv.query("SELECT 1 FROM attempt WHERE subject = ?", (subject,)) == [], \
        "a successful sign-in did not clear the address's failures"


def test_waits_grow_1_2_4_8_seconds(throttled):
    srv = throttled
    address = unique_email("growing")
    srv.execute("DELETE FROM attempt")
    add_failures(srv, "email:" + address, 3)
    status, retry, _, _ = attempt(srv, address, "whatever password")
    assert status == 422 or (status == 429 and retry == "1"), (status, retry)  # 1 s, unless the second ticked
    waits = []
    for count, delay in ((4, 2), (5, 4), (6, 8), (7, 16)):
        srv.execute("DELETE FROM attempt")
        add_failures(srv, "email:" + address, count)
        status, retry, msg, _ = attempt(srv, address, "whatever password")
        assert status == 429, (count, status)
        assert int(retry) in (delay - 1, delay), f"{count} failures: Retry-After {retry}, expected {delay}"
        waits.append(int(retry))
    assert waits == sorted(waits) and len(set(waits)) == len(waits)
    # a failure more than an hour old is forgotten
    srv.execute("DELETE FROM attempt")
    add_failures(srv, "email:" + address, 7, at=int(time.time()) - 3601)
    status, _, _, _ = attempt(srv, address, "whatever password")
    assert status == 422
    # 100 failures in the hour: wait out the hour
    srv.execute("DELETE FROM attempt")
    add_failures(srv, "email:" + address, 100)
    status, retry, _, _ = attempt(srv, address, "whatever password")
    assert status == 429 and 3590 <= int(retry) <= 3600, retry
    srv.execute("DELETE FROM attempt")


def test_the_429_status_line_says_too_many_requests(throttled):
    srv = throttled
    srv.execute("DELETE FROM attempt")
    address = unique_email("reason")
    add_failures(srv, "email:" + address, 8)
    _, _, _, r = attempt(srv, address, "whatever password")
    srv.execute("DELETE FROM attempt")
    assert r.status_code == 429
    assert r.reason == "Too Many Requests", f"the status line is '429 {r.reason}'"


def post_signin_from(srv, source_ip, address, password):
    """A sign-in POST sent from another loopback address (the throttle counts per client address)."""
    token = Reader(srv).token("/signin", "/signin")
    body = urlencode({"form_token": token, "email": address, "password": password})
    c = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10, source_address=(source_ip, 0))
    try:
        c.request("POST", "/signin", body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
        resp = c.getresponse()
        return resp.status, resp.getheader("retry-after"), resp.read()
    finally:
        c.close()


def test_ten_failures_from_one_address_throttle_every_account_from_it(throttled):
    srv = throttled
    srv.execute("DELETE FROM attempt")
    add_failures(srv, "ip:127.0.0.1", 12)  # a 4-second wait
    status, retry, msg, _ = attempt(srv, unique_email("fresh"), "any password at all")
    assert status == 429 and int(retry) in (3, 4), (status, retry)
    status, retry, msg, _ = attempt(srv, srv.known.email, srv.known.password)
    assert status == 429
    # another client address is not held back
    status, retry, _ = post_signin_from(srv, "127.0.0.2", srv.known.email, srv.known.password)
    assert status == 303 and retry is None
    srv.execute("DELETE FROM attempt")


# ==== plenary user add =====================================================================================

def test_user_add_reads_the_password_from_stdin(srv):
    address = unique_email("cli")
    password = new_password()
    p, _ = add_user(srv.db_path, address, "editor", name="Cli Editor", password=password)
    assert p.returncode == 0, p.stderr
    assert "account created" in p.stdout and "shown once" not in p.stdout
    assert password not in p.stdout + p.stderr
    row = srv.query("SELECT * FROM user WHERE email = ?", (address,))[0]
    assert (row["role"], row["name"]) == ("editor", "Cli Editor")
    assert row["email_verified_at"] is not None and row["password_hash"].startswith("$argon2id$")
    ed = Reader(srv, email=address, password=password)
    assert ed.signin().status_code == 303
    assert ed.get("/admin/verifications").status_code == 200


def test_user_add_generate_prints_the_password_once(srv):
    address = unique_email("gen")
    p, password = add_user(srv.db_path, address, "editor")
    assert p.returncode == 0, p.stderr
    assert password and len(password) >= 12
    assert p.stdout.count(password) == 1 and password not in p.stderr
    assert len(re.findall(r"shown once", p.stdout)) == 1
    row = srv.query("SELECT * FROM user WHERE email = ?", (address,))[0]
    assert password not in row["password_hash"]
    assert Reader(srv, email=address, password=password).signin().status_code == 303
    p2, password2 = add_user(srv.db_path, unique_email("gen"), "reader")
    assert p2.returncode == 0 and password2 != password


def test_user_add_refuses_a_duplicate(srv):
    address = unique_email("dup")
    p, _ = add_user(srv.db_path, address, "reader")
    assert p.returncode == 0
    hash_before = srv.query("SELECT password_hash FROM user WHERE email = ?", (address,))[0][0]
    for again in (address, address.upper()):
        p, password = add_user(srv.db_path, again, "admin")
        assert p.returncode != 0, "a second account with the same address"
        assert "exists" in p.stderr
        assert "shown once" not in p.stdout, "a password was printed for an account that was not created"
    rows = srv.query("SELECT role, password_hash FROM user WHERE email = ?", (address,))
    assert len(rows) == 1 and rows[0]["role"] == "reader" and rows[0]["password_hash"] == hash_before


@pytest.mark.parametrize("args,stdin,code,part", [
    (["--role", "superuser", "--generate"], "", 2, "--role"),
    (["--generate"], "", 2, "--role"),
    (["--role", "editor"], "", 2, "no password"),
    (["--role", "editor"], "short\n", 1, "at least 12"),
    (["--role", "editor"], "COMMON\n", 1, "commonly used"),
    (["--role", "editor", "--bogus"], "", 2, "unexpected"),
])
def test_user_add_refuses_bad_arguments(srv, args, stdin, code, part):
    address = unique_email("bad")
    stdin = stdin.replace("COMMON", common_long_password())
    p = run_plenary(["user", "add", address, "--db", srv.db_path, *args], stdin_text=stdin)
    assert p.returncode == code, (p.returncode, p.stdout, p.stderr)
    assert part in p.stderr
    assert srv.query("SELECT 1 FROM user WHERE email = ?", (address,)) == []


def test_user_add_needs_an_address_and_an_existing_database(srv):
    p = run_plenary(["user", "add", "not-an-address", "--role", "editor", "--generate", "--db", srv.db_path])
    assert p.returncode == 2
    with tempfile.TemporaryDirectory() as tmp:
        missing = missing_database(tmp)
        p = run_plenary(["user", "add", unique_email(), "--role", "editor", "--generate", "--db", missing])
        assert p.returncode == 1 and "does not exist" in p.stderr
        assert not database_exists(missing)


# ==== mail =================================================================================================

def test_mail_goes_over_smtp_and_not_to_the_outbox(srv):
    reader = Reader(srv)
    signup_ok(reader.signup())
    msg = reader.confirmation_mail()
    assert msg["From"] and msg["Date"] and msg["Message-ID"]
    assert msg["X-RcptTo"] == reader.email, "the SMTP envelope names another recipient"
    # the theme's text and HTML parts (themes/default/mail/verify.txt and .html), both UTF-8
    assert msg.get_content_type() == "multipart/alternative"
    plain, html = msg.get_body(preferencelist=("plain",)), msg.get_body(preferencelist=("html",))
    assert plain.get_content_charset() == "utf-8" and html.get_content_charset() == "utf-8"
    assert "—" in mail_body(msg) and "—" in html.get_content()  # the UTF-8 signature survives the trip
    outbox = srv.outbox
    assert not os.path.isdir(outbox) or os.listdir(outbox) == [], "mail went to the outbox despite smtp_url"
    assert "error mail" not in srv.log()
