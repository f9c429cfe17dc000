"""The reader's way back: signing in or up from a gated article (also through the confirmation link and the
second factor) ends on that article; a `next` that is not a path on this site is ignored; staff land on the
back office and every public page links to it for them (and only for them, cache or not)."""
import re
import time
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from conftest import Reader, add_user, mail_link, make_reader, parse_html, totp_code, unique_email

BACK_OFFICE = "Back office"


@pytest.fixture(scope="module")
def srv(accounts_server):
    return accounts_server


@pytest.fixture(scope="module")
def gated(srv):
    """The slug of a published article for members (any signed-in, confirmed reader reads it)."""
    rows = srv.query("SELECT slug FROM article WHERE status = 'published' AND audience = 'members' "
                     "AND published_at <= strftime('%s','now') ORDER BY id LIMIT 1")
    assert rows, "the demo has no members' article"
    return rows[0]["slug"]


def location(r):
    assert r.status_code == 303, (r.status_code, r.text[:300])
    return r.headers["location"]


def staff_account(srv, role, hcp=False):
    """A new staff account, made as an operator does; hcp=False gives it a member's reading level."""
    address = unique_email(role)
    p, password = add_user(srv.db_path, address, role)
    assert p.returncode == 0 and password, p.stderr
    if not hcp:
        srv.execute("UPDATE user SET profession = 'not_hcp', hcp_declared = 0, "
                    "email_verified_at = strftime('%s','now') WHERE email = ?", (address,))
    return Reader(srv, email=address, password=password, name=address)


def test_the_gate_links_to_sign_in_and_sign_up_with_the_article_as_next(srv, gated):
    r = Reader(srv).get(f"/article/{gated}")
    assert r.status_code == 200
    gate = parse_html(r.text).find("section", class_="gate")
    assert gate is not None
    hrefs = {a.get("href") for a in gate.find_all("a")}
    assert f"/signin?next=/article/{gated}" in hrefs and f"/signup?next=/article/{gated}" in hrefs


def test_signing_in_from_the_gate_comes_back_to_the_article(srv, gated):
    reader = make_reader(srv, "member")
    reader.signout()
    page = reader.get(f"/signin?next=/article/{gated}")
    doc = parse_html(page.text)
    field = doc.find("input", name="next")
    assert field is not None and field.get("value") == f"/article/{gated}"
    # the sign-up link on the sign-in page keeps it too
    assert doc.find("a", href=f"/signup?next=%2Farticle%2F{gated}") is not None
    r = reader.post("/signin", data={"form_token": doc.find("input", name="form_token").get("value"),
                                     "email": reader.email, "password": reader.password,
                                     "next": f"/article/{gated}"})
    assert location(r) == f"/article/{gated}"
    body = reader.get(f"/article/{gated}")
    assert 'class="prose article-body"' in body.text, "the reader came back to the article but cannot read it"


def test_the_older_return_field_still_works(srv, gated):
    reader = make_reader(srv, "member")
    reader.signout()
    assert location(reader.signin(back=f"/article/{gated}")) == f"/article/{gated}"


@pytest.mark.parametrize("bad", ["//evil.example/", "https://evil.example/", "http:evil.example", "/\\evil.example",
                                 "\\\\evil.example", "/\t/evil.example", "/\n/evil.example", "evil.example",
                                 "/article/x\r\nSet-Cookie: a=b", "/ok path", "/caf\u00e9", "/" + "a" * 1200])
def test_a_next_elsewhere_is_ignored(srv, bad):
    reader = make_reader(srv, "member")
    reader.signout()
    page = reader.get("/signin?next=" + quote(bad, safe=""))
    assert page.status_code == 200
    doc = parse_html(page.text)
    assert doc.find("input", name="next") is None, f"{bad!r} was kept in the form"
    token = doc.find("input", name="form_token").get("value")
    r = reader.post("/signin", data={"form_token": token, "email": reader.email, "password": reader.password,
                                     "next": bad})
    assert location(r) == "/account", f"{bad!r} was followed"
    # signed in already: the sign-in and sign-up pages send elsewhere, never to it
    assert location(reader.get("/signin?next=" + quote(bad, safe=""))) == "/account"
    assert location(reader.get("/signup?next=" + quote(bad, safe=""))) == "/account"


def test_signing_up_from_the_gate_comes_back_after_the_confirmation(srv, gated):
    reader = Reader(srv, profession="not_hcp", hcp=False)
    page = reader.get(f"/signup?next=/article/{gated}")
    doc = parse_html(page.text)
    assert doc.find("input", name="next").get("value") == f"/article/{gated}"
    assert doc.find("a", href=f"/signin?next=%2Farticle%2F{gated}") is not None
    r = reader.submit(f"/signup?next=/article/{gated}", "/signup",
                      reader.signup_fields(next=f"/article/{gated}"))
    sent = location(r)
    assert urlsplit(sent).path == "/signup/sent" and parse_qs(urlsplit(sent).query)["next"] == [f"/article/{gated}"]
    sent_page = parse_html(reader.get(sent).text)
    assert sent_page.find("a", href=f"/signin?next=%2Farticle%2F{gated}") is not None
    link = mail_link(reader.confirmation_mail(), "/verify")
    assert parse_qs(urlsplit(link).query)["next"] == [f"/article/{gated}"]
    after = location(reader.get(link))
    u = urlsplit(after)
    assert u.path == "/signin" and parse_qs(u.query) == {"verified": ["1"], "next": [f"/article/{gated}"]}
    page = parse_html(reader.get(after).text)
    assert "Your email address is confirmed" in page.text()
    assert page.find("input", name="next").get("value") == f"/article/{gated}"
    r = reader.post("/signin", data={"form_token": page.find("input", name="form_token").get("value"),
                                     "email": reader.email, "password": reader.password,
                                     "next": page.find("input", name="next").get("value")})
    assert location(r) == f"/article/{gated}"
    assert 'class="prose article-body"' in reader.get(f"/article/{gated}").text


def test_a_next_elsewhere_never_reaches_the_confirmation_mail(srv):
    reader = Reader(srv)
    r = reader.submit("/signup", "/signup", reader.signup_fields(next="//evil.example/x"))
    assert location(r) == "/signup/sent"
    link = mail_link(reader.confirmation_mail(), "/verify")
    assert "next" not in parse_qs(urlsplit(link).query) and "evil" not in link
    # a next added to the link by hand is checked again
    tampered = link + "&next=" + quote("//evil.example/", safe="")
    assert location(reader.get(tampered)) == "/signin?verified=1"


def test_a_signed_in_reader_confirming_goes_to_next(srv, gated):
    reader = Reader(srv, profession="not_hcp", hcp=False)
    assert location(reader.signup(next=f"/article/{gated}")).startswith("/signup/sent")
    reader.signin()  # unconfirmed readers may sign in
    link = mail_link(reader.confirmation_mail(), "/verify")
    assert location(reader.get(link)) == f"/article/{gated}"


@pytest.mark.parametrize("role", ["contributor", "editor"])
def test_staff_land_on_the_back_office_unless_next_says_otherwise(srv, role, gated):
    staff = staff_account(srv, role)
    assert location(staff.signin()) == "/admin"
    assert location(staff.get("/signin")) == "/admin"
    staff.signout()
    assert location(staff.signin(back=f"/article/{gated}")) == f"/article/{gated}"


def test_readers_still_land_on_their_account(srv):
    reader = make_reader(srv, "member")
    reader.signout()
    assert location(reader.signin()) == "/account"


def test_the_second_factor_keeps_next_and_staff_land_on_the_back_office(srv, gated):
    staff = staff_account(srv, "editor")
    assert location(staff.signin()) == "/admin"
    page = staff.get("/account/2fa")
    secret = re.search(r"<code>([A-Z2-7]+)</code>", page.text).group(1)
    on = staff.submit("/account/2fa", "/account/2fa/enable", {"code": totp_code(secret)})
    assert on.status_code == 200
    recovery = re.findall(r"<code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</code>", on.text)
    staff.signout()
    # with a next: the code page carries it, then the article
    r = staff.post("/signin", data={"form_token": staff.token("/signin"), "email": staff.email,
                                    "password": staff.password, "next": f"/article/{gated}"})
    code_url = location(r)
    assert urlsplit(code_url).path == "/signin/code" and parse_qs(urlsplit(code_url).query)["next"] == [f"/article/{gated}"]
    doc = parse_html(staff.get(code_url).text)
    assert doc.find("input", name="next").get("value") == f"/article/{gated}"
    r = staff.post("/signin/code", data={"form_token": doc.find("input", name="form_token").get("value"),
                                         "code": totp_code(secret, at=time.time() + 30),
                                         "next": f"/article/{gated}"})
    assert location(r) == f"/article/{gated}"
    staff.signout()
    # without one, and with an attacker's: the back office
    r = staff.post("/signin", data={"form_token": staff.token("/signin"), "email": staff.email,
                                    "password": staff.password, "next": "//evil.example"})
    assert location(r) == "/signin/code"
    r = staff.post("/signin/code", data={"form_token": staff.token("/signin/code"),
                                         "code": recovery[0],
                                         "next": "https://evil.example/"})
    assert location(r) == "/admin"


def test_every_public_page_links_staff_to_the_back_office_and_no_one_else(srv, gated):
    staff = staff_account(srv, "contributor")
    reader = make_reader(srv, "member")  # the same reading level as the staff account: the same cache level
    anonymous = Reader(srv)
    for path in ["/", f"/article/{gated}", "/search?q=cancer", "/tags", "/account"]:
        # the reader first and last, the staff between: a page cached for one is never the other's
        for who, expected in [(reader, False), (anonymous, False), (staff, True), (reader, False)]:
            if who is staff and not staff.cookie:
                assert location(staff.signin()) == "/admin"
            r = who.get(path)
            if path == "/account" and who is anonymous:
                continue
            assert r.status_code == 200, (path, r.status_code)
            link = parse_html(r.text).find("a", href="/admin")
            assert (link is not None) == expected, f"{path}: the back office link {'missing' if expected else 'shown'}"
            if expected:
                assert link.text().strip() == BACK_OFFICE


def test_a_refused_form_keeps_next(srv, gated):
    reader = Reader(srv)
    # a sign-up with errors (no privacy consent) keeps it for the second try
    r = reader.submit(f"/signup?next=/article/{gated}", "/signup",
                      reader.signup_fields(privacy=None, next=f"/article/{gated}"))
    assert r.status_code == 422
    assert parse_html(r.text).find("input", name="next").get("value") == f"/article/{gated}"
    # a wrong password too
    member = make_reader(srv, "member")
    member.signout()
    r = member.post("/signin", data={"form_token": member.token("/signin"), "email": member.email,
                                     "password": "not the password at all", "next": f"/article/{gated}"})
    assert r.status_code == 422
    assert parse_html(r.text).find("input", name="next").get("value") == f"/article/{gated}"
