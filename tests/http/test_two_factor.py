"""Two-factor sign-in with TOTP: setting it up, the second step of sign-in, recovery codes, admins' duty."""
import re
import time

import pytest

from conftest import Reader, add_user, enable_totp, make_staff, totp_code


@pytest.fixture(scope="module")
def srv(admin_server):
    return admin_server


def staff_without_2fa(srv, role):
    from conftest import unique_email
    address = unique_email(role)
    p, password = add_user(srv.db_path, address, role)
    assert p.returncode == 0
    s = Reader(srv, email=address, password=password)
    assert s.signin().status_code == 303
    return s


def wait_for_next_step():
    time.sleep(30 - time.time() % 30 + 0.2)


def test_an_admin_without_a_second_factor_is_sent_to_set_it_up(srv):
    admin = staff_without_2fa(srv, "admin")
    r = admin.get("/admin/articles")
    assert r.status_code == 303 and r.headers["location"] == "/account/2fa?required=1"
    page = admin.get("/account/2fa?required=1")
    assert "Admins must sign in with a second factor" in page.text
    assert page.text.count("<rect") > 100  # the QR code is drawn
    enable_totp(admin)
    assert admin.get("/admin/articles").status_code == 200


def test_a_wrong_code_does_not_turn_it_on(srv):
    editor = staff_without_2fa(srv, "editor")
    editor.get("/account/2fa")
    r = editor.submit("/account/2fa", "/account/2fa/enable", {"code": "123456"})
    assert r.status_code == 422
    assert srv.query("SELECT totp_enabled FROM user WHERE email = ?", (editor.email,))[0][0] == 0


def test_sign_in_asks_for_the_code_and_the_password_alone_signs_nobody_in(srv):
    admin = make_staff(srv, "admin")
    again = Reader(srv, email=admin.email, password=admin.password)
    r = again.signin(back="/admin/articles")
    assert r.status_code == 303 and r.headers["location"].startswith("/signin/code?next=")
    assert again.get("/account").status_code == 303  # not signed in yet
    assert again.get("/admin/articles").status_code == 303
    assert "Signed in as" not in again.get("/").text
    wait_for_next_step()  # the step used when it was turned on cannot be used again
    r = again.submit("/signin/code", "/signin/code", {"code": totp_code(admin.totp_secret), "return": "/admin/articles"})
    assert r.status_code == 303 and r.headers["location"] == "/admin/articles"
    assert again.get("/admin/articles").status_code == 200


def test_a_code_works_once_and_a_wrong_one_is_refused(srv):
    editor = staff_without_2fa(srv, "editor")
    enable_totp(editor)
    wait_for_next_step()
    code = totp_code(editor.totp_secret)
    first = Reader(srv, email=editor.email, password=editor.password)
    first.signin()
    assert first.submit("/signin/code", "/signin/code", {"code": code}).status_code == 303
    second = Reader(srv, email=editor.email, password=editor.password)
    second.signin()
    r = second.submit("/signin/code", "/signin/code", {"code": code})
    assert r.status_code == 422 and "not right" in r.text
    wrong = "%06d" % ((int(code) + 1) % 1000000)
    assert second.submit("/signin/code", "/signin/code", {"code": wrong}).status_code == 422


def test_recovery_codes_work_once(srv):
    admin = make_staff(srv, "admin")
    code = admin.recovery_codes[0]
    a = Reader(srv, email=admin.email, password=admin.password)
    a.signin()
    r = a.submit("/signin/code", "/signin/code", {"code": code, "return": "/account"})
    assert r.status_code == 303
    b = Reader(srv, email=admin.email, password=admin.password)
    b.signin()
    assert b.submit("/signin/code", "/signin/code", {"code": code}).status_code == 422
    stored = [row[0] for row in srv.query(
        "SELECT code_hash FROM recovery_code r JOIN user u ON u.id = r.user_id WHERE u.email = ?", (admin.email,))]
    assert len(stored) == 10 and code not in stored  # kept hashed


def test_admins_cannot_turn_it_off_editors_can_with_their_password(srv):
    admin = make_staff(srv, "admin")
    assert "/account/2fa/disable" not in admin.get("/account/2fa").text  # no form to turn it off
    token = admin.token("/account")  # any form of this session carries a valid token
    r = admin.post("/account/2fa/disable", data={"form_token": token, "password": admin.password})
    assert r.status_code == 403
    editor = staff_without_2fa(srv, "editor")
    enable_totp(editor)
    r = editor.submit("/account/2fa", "/account/2fa/disable", {"password": "not my password!"})
    assert r.status_code == 422
    r = editor.submit("/account/2fa", "/account/2fa/disable", {"password": editor.password})
    assert r.status_code == 303
    assert srv.query("SELECT totp_enabled, totp_secret FROM user WHERE email = ?", (editor.email,))[0] == (0, "")


def test_the_code_page_without_a_pending_sign_in_sends_to_sign_in(srv):
    r = Reader(srv).get("/signin/code")
    assert r.status_code == 303 and r.headers["location"] == "/signin"
