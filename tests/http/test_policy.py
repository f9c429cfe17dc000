"""Authorization in one place: every route of the table (`plenary routes`) x every role (anonymous, reader,
contributor, editor, admin) x the admin's second factor (on, off), checked against the row's policy.

A refused combination never reaches the handler: anonymous gets the sign-in redirect back to the page (or the
page that keeps an editor's text, 401), a signed-in account without the role gets 403 with the row's
message, an admin without two-factor sign-in on a row that needs it gets the redirect to turn it on. An
allowed combination never gets any of those. Route parameters are ids and slugs that do not exist (999999),
so allowed requests end in the handler's own 404/422 and change nothing; POSTs carry a valid form token.

The table comes from `plenary routes` of the binary under test; PLENARY_ROUTES_TABLE may name a file with
that output instead, to run the walk against a binary that has no such command (it fails there: before the
table carried the policy, /admin/verifications answered an admin without a second factor with 200).
"""
import os
import tempfile

import pytest

from conftest import Reader, add_user, make_demo_database, make_staff, run_plenary, start_plenary

ROLES = ["anyone", "reader", "contributor", "editor", "admin"]
RANK = {name: i for i, name in enumerate(ROLES)}
FAKE = "999999"

# allowed combinations whose handler answers 403 for a reason of its own, not the route's policy
OWN_403 = {
    ("POST", "/account/2fa/disable", "admin"): "Admins must keep two-factor sign-in on.",
    ("POST", "/account/2fa/disable", "admin-no-2fa"): "Admins must keep two-factor sign-in on.",
}


def route_table():
    path = os.environ.get("PLENARY_ROUTES_TABLE")
    if path:
        with open(path) as f:
            text = f.read()
    else:
        p = run_plenary(["routes"])
        assert p.returncode == 0, f"plenary routes: {p.returncode} {p.stderr}"
        text = p.stdout
    rows = []
    lines = text.splitlines()
    assert lines[0].split()[:7] == ["method", "path", "role", "2fa", "body_kb", "render", "csrf"], lines[0]
    for line in lines[1:]:
        method, pattern, role, twofa, body_kb, render, csrf = line.split("#")[0].split()[:7]
        assert method in ("GET", "POST") and role in RANK and twofa in ("yes", "no"), line
        assert render in ("loop", "thread") and int(body_kb) > 0, line
        assert method == "GET" and csrf == "-" or csrf in ("token", "token-no-session", "header", "none"), line
        if csrf == "none":
            assert "#" in line and line.split("#", 1)[1].strip(), f"a POST row without a token says why: {line}"
        rows.append({"method": method, "pattern": pattern, "role": role, "twofa": twofa == "yes",
                     "body_kb": int(body_kb), "csrf": csrf, "line": line})
    return rows


def concrete(pattern):
    if pattern == "*":
        return "/privacy"
    return "/".join(FAKE if seg == ":" else seg for seg in pattern.split("/"))


@pytest.fixture(scope="module")
def policy_server():
    with tempfile.TemporaryDirectory(prefix="plenary-policy-") as tmp:
        db_path = make_demo_database(tmp)
        srv = start_plenary(tmp, db_path, {"outbox": os.path.join(tmp, "outbox"),
                                           "media_dir": os.path.join(tmp, "media")}, name="policy-server")
        yield srv
        srv.stop()


def identities(srv):
    """name -> (Reader or None for anonymous, role rank, admin without a second factor)"""
    out = {"anonymous": (Reader(srv), -1, False)}
    for role in ["reader", "contributor", "editor", "admin"]:
        out[role] = (make_staff(srv, role), RANK[role], False)
    p, password = add_user(srv.db_path, f"admin-no-2fa-{os.getpid()}@example.org", "admin")
    assert p.returncode == 0, p.stderr
    bare = Reader(srv, email=f"admin-no-2fa-{os.getpid()}@example.org", password=password)
    r = bare.signin()
    assert r.status_code == 303 and bare.cookie, r.status_code
    out["admin-no-2fa"] = (bare, RANK["admin"], True)
    return out


def expected(row, rank, no_second_factor):
    """'allow', 'signin', 'forbidden' or 'second-factor' for one identity on one row."""
    need = RANK[row["role"]]
    if need == 0:
        return "allow"
    if rank < 0:
        return "signin"
    if rank < need:
        return "forbidden"
    if row["twofa"] and rank == RANK["admin"] and no_second_factor:
        return "second-factor"
    return "allow"


def answer_kind(resp):
    loc = resp.headers.get("location", "")
    if resp.status_code == 303 and loc.startswith("/signin?return="):
        return "signin"
    if resp.status_code == 401 and "session has ended" in resp.text.lower():
        return "signin"  # the editor's save keeps the text when nobody is signed in
    if resp.status_code == 303 and loc == "/account/2fa?required=1":
        return "second-factor"
    if resp.status_code == 403:
        return "forbidden"
    return "allow"


def test_every_route_role_and_second_factor_follows_its_row(policy_server):
    srv = policy_server
    rows = route_table()
    assert len(rows) > 100, "the table lists every route"
    who = identities(srv)
    # the token of no session (the worker's), and each account's own
    import requests
    anon_page = requests.get(srv.url("/contact"), timeout=10).text
    from conftest import parse_html
    no_session_token = parse_html(anon_page).find("input", name="form_token").get("value")
    tokens = {"anonymous": no_session_token}
    for name, (reader, _, _) in who.items():
        if name != "anonymous":
            tokens[name] = reader.token("/account")
    # signing out ends the session: walk it last
    rows.sort(key=lambda r: r["pattern"] == "/signout")
    wrong = []
    checked = 0
    for name, (reader, rank, bare) in who.items():
        for row in rows:
            path = concrete(row["pattern"])
            want = expected(row, rank, bare)
            if row["method"] == "GET":
                resp = reader.get(path)
            else:
                token = no_session_token if row["csrf"] == "token-no-session" else tokens[name]
                resp = reader.post(path, data={"form_token": token})
            got = answer_kind(resp)
            checked += 1
            if got == want:
                continue
            if want == "allow" and got == "forbidden" and \
                    OWN_403.get((row["method"], row["pattern"], name), "\0") in resp.text:
                continue
            wrong.append(f"{name:13} {row['method']:4} {path:32} want {want:13} got {resp.status_code} "
                         f"{resp.headers.get('location', '')} ({row['line'].split()[2]})")
    assert checked == len(rows) * len(who)
    assert not wrong, f"{len(wrong)} of {checked} answers break their row's policy:\n" + "\n".join(wrong)


def test_a_refusal_says_why(policy_server):
    """403s carry the row's message, not a bare status."""
    srv = policy_server
    reader = make_staff(srv, "reader")
    r = reader.get("/admin/verifications")
    assert r.status_code == 403 and "This page is for editors and admins: they review verification requests." in r.text
    contributor = make_staff(srv, "contributor")
    r = contributor.get("/admin/users")
    assert r.status_code == 403 and "Accounts and roles are managed by admins." in r.text
    r = contributor.get("/admin/verifications")
    assert r.status_code == 403, r.status_code
    r = reader.get("/admin/articles")
    assert r.status_code == 403 and "editorial team" in r.text


def test_routes_command_prints_every_row_once():
    rows = route_table()
    keys = [(r["method"], r["pattern"]) for r in rows]
    assert len(keys) == len(set(keys)), "a route is listed once"
    admin = [r for r in rows if r["pattern"].startswith("/admin") and r["pattern"] != "/admin/resume"]
    assert admin and all(RANK[r["role"]] >= RANK["contributor"] and r["twofa"] for r in admin), \
        "every back-office row needs a staff role and the admins' second factor"
    assert all(r["body_kb"] <= 256 for r in rows), "no row exceeds max_body_kb (256 by default)"


def test_a_row_body_limit_below_max_body_kb_is_enforced(policy_server):
    """/signin takes a few short fields: its row accepts 16 KiB, so 20 KiB is 413 where /contact (the config's
    256 KiB) reads the same body as a form."""
    srv = policy_server
    rows = {(r["method"], r["pattern"]): r for r in route_table()}
    assert rows[("POST", "/signin")]["body_kb"] == 16 and rows[("POST", "/contact")]["body_kb"] == 256
    anon = Reader(srv)
    token = anon.token("/signin")
    padding = "x" * (20 * 1024)
    r = anon.post("/signin", data={"form_token": token, "email": "a@example.org", "password": padding})
    assert r.status_code == 413, r.status_code
    r = anon.post("/contact", data={"form_token": token, "name": "A", "message": padding})
    assert r.status_code != 413, r.status_code
