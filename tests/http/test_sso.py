"""One sign-in for the sister sites (issue 16): a shared parent-domain cookie where the hosts share one, a
redirect handshake through the default site where they do not, sign-out everywhere, and the consent choice
following the same rule. A server of its own whose sites are onco.example.org (default), derm.example.org
and heme-news.eu; a small browser below keeps cookies by domain as browsers do and follows redirects
between the hosts (all served on 127.0.0.1)."""
import tempfile
import time
from urllib.parse import parse_qs, urlsplit

import os
import subprocess

import pytest
import requests
import urllib3

from conftest import add_user, connect, form_token, make_demo_database, start_plenary

HOSTS = {1: "onco.example.org", 2: "derm.example.org", 3: "heme-news.eu"}
ONCO, DERM, HEME = HOSTS[1], HOSTS[2], HOSTS[3]


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-sso-") as tmp:
        db_path = make_demo_database(tmp)
        c = connect(db_path)
        with c:
            for sid, host in HOSTS.items():
                c.execute("UPDATE site SET host = ? WHERE id = ?", (host, sid))
        c.close()
        s = start_plenary(tmp, db_path, name="sso-server")
        yield s
        assert s.stop() == 0, s.log()[-3000:]


class Browser:
    """Cookies by (domain, host-only, name) with the Domain rules browsers apply; top-level navigations
    send the Sec-Fetch-* headers Chromium sends; redirects are followed across the sites' hosts."""

    def __init__(self, srv, cookies=True):
        self.srv, self.jar, self.accept = srv, {}, cookies
        self.scheme = "https" if srv.base.startswith("https") else "http"

    def cookie_header(self, host):
        out = []
        for (domain, host_only, name), value in self.jar.items():
            if host == domain or (not host_only and host.endswith("." + domain)):
                out.append(f"{name}={value}")
        return "; ".join(out)

    def cookies(self, name):
        return {(d, ho): v for (d, ho, n), v in self.jar.items() if n == name}

    def keep(self, host, resp):
        for line in resp.raw.headers.getlist("set-cookie"):
            parts = [p.strip() for p in line.split(";")]
            name, _, value = parts[0].partition("=")
            attrs = {p.partition("=")[0].lower(): p.partition("=")[2] for p in parts[1:]}
            domain = attrs.get("domain", "").lstrip(".").lower()
            if domain and not (host == domain or host.endswith("." + domain)):
                continue  # a browser drops a cookie for a domain the host is not under
            key = (domain or host, not domain, name)
            if attrs.get("max-age") == "0":
                self.jar.pop(key, None)
            elif self.accept:
                self.jar[key] = value

    def request(self, method, host, path, nav=True, site="none", referer=None, **kw):
        headers = {"Host": f"{host}:{self.srv.port}", **kw.pop("headers", {})}
        if nav:
            headers.update({"Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document", "Sec-Fetch-Site": site})
        if referer:
            headers["Referer"] = referer
        jar = self.cookie_header(host)
        if jar:
            headers["Cookie"] = jar
        r = requests.request(method, f"{self.scheme}://127.0.0.1:{self.srv.port}{path}", headers=headers,
                             allow_redirects=False, timeout=10, verify=False, **kw)
        self.keep(host, r)
        return r

    def visit(self, host, path="/", site="none", referer=None, nav=True, max_hops=8):
        """GET and follow redirects; returns (last response, [(host, path, status)...])."""
        hops = []
        r = self.request("GET", host, path, nav=nav, site=site, referer=referer)
        hops.append((host, path, r.status_code))
        while r.status_code in (301, 302, 303, 307) and len(hops) <= max_hops:
            loc = urlsplit(r.headers["location"])
            nhost = (loc.hostname or host)
            npath = (loc.path or "/") + (f"?{loc.query}" if loc.query else "")
            same = nhost == host
            # a redirect chain that crossed sites is cross-site; no-referrer drops the Referer
            site = "same-origin" if same and site == "same-origin" else ("cross-site" if not same else site)
            if r.headers.get("referrer-policy") == "no-referrer":
                referer = None
            host, path = nhost, npath
            r = self.request("GET", host, path, nav=nav, site=site, referer=referer)
            hops.append((host, path, r.status_code))
        return r, hops

    def signin(self, host, email, password):
        page = self.request("GET", host, "/signin", site="same-origin")
        assert page.status_code == 200, page.status_code
        r = self.request("POST", host, "/signin", nav=False,
                         data={"form_token": form_token(page.text), "email": email, "password": password})
        assert r.status_code == 303, (r.status_code, r.text[:300])
        return r

    def signed_in(self, host, path="/"):
        r = self.request("GET", host, path, site="same-origin")
        return "account-name" in r.text


def new_reader(srv):
    email = f"sso-{time.monotonic_ns()}@example.net"
    p, password = add_user(srv.db_path, email, "reader", name="Sso Reader")
    assert p.returncode == 0 and password, p.stderr
    return email, password


def session_cookie(b):
    return {k: v for k, v in b.jar.items() if "session" in k[2]}


# ---- the shared parent domain ----

def test_shared_domain_cookie_signs_in_every_sister_under_it(srv):
    b = Browser(srv)
    email, password = new_reader(srv)
    r = b.signin(ONCO, email, password)
    sc = [c for c in r.raw.headers.getlist("set-cookie") if "session" in c]
    assert any("Domain=example.org" in c and c.startswith("plenary_shared_session=") for c in sc), sc
    assert b.signed_in(ONCO) and b.signed_in(DERM)
    # the cookie is the parent domain's, never a host-only one and never for heme-news.eu
    assert list(session_cookie(b)) == [("example.org", False, "plenary_shared_session")]
    assert not b.signed_in(HEME, "/search")  # same-origin: no handshake, and no cookie of its own


def test_shared_domain_sign_out_on_a_sister_signs_out_of_all(srv):
    b = Browser(srv)
    email, password = new_reader(srv)
    b.signin(DERM, email, password)
    assert b.signed_in(ONCO)
    token = b.request("GET", DERM, "/account", site="same-origin")
    r = b.request("POST", DERM, "/signout", nav=False, data={"form_token": form_token(token.text)})
    assert r.status_code == 303
    assert not b.signed_in(ONCO) and not b.signed_in(DERM)
    assert srv.query("SELECT count(*) FROM session s JOIN \"user\" u ON u.id = s.user_id WHERE u.email = ?",
                     (email,))[0][0] == 0


def test_consent_on_the_shared_domain(srv):
    b = Browser(srv)
    page = b.request("GET", DERM, "/cookies", site="same-origin")
    r = b.request("POST", DERM, "/consent", nav=False,
                  data={"form_token": form_token(page.text), "choice": "rejected", "return": "/"})
    assert r.status_code == 303
    assert b.cookies("plenary_consent") == {("example.org", False): "rejected"}
    assert 'action="/consent"' in Browser(srv).request("GET", ONCO, "/", site="same-origin").text  # a banner
    home = b.request("GET", ONCO, "/", site="same-origin").text
    assert 'action="/consent"' not in home  # no banner: the choice was made on the sister


# ---- the handshake between separate domains ----

def test_handshake_signs_in_on_a_separate_domain_once(srv):
    b = Browser(srv)
    email, password = new_reader(srv)
    b.signin(ONCO, email, password)
    r, hops = b.visit(HEME, "/search?q=myeloma", site="cross-site", referer=f"http://{ONCO}:{srv.port}/")
    assert [(h, s) for h, _, s in hops] == [(HEME, 303), (ONCO, 303), (HEME, 303), (HEME, 200)], hops
    assert hops[1][1].startswith("/sso/issue?") and hops[2][1].startswith("/sso/land?")
    assert hops[-1][1] == "/search?q=myeloma"  # back where the reader asked, without the token
    assert "account-name" in r.text
    assert b.signed_in(HEME)
    # a later visit from elsewhere does not bounce again
    r, hops = b.visit(HEME, "/", site="none")
    assert len(hops) == 1 and "account-name" in r.text


def test_handshake_anonymous_reader_comes_back_unsigned_and_never_loops(srv):
    b = Browser(srv)
    r, hops = b.visit(HEME, "/")
    assert [s for _, _, s in hops] == [303, 303, 303, 200] and "account-name" not in r.text
    assert "t=" not in hops[2][1]
    r, hops = b.visit(HEME, "/", site="none")
    assert len(hops) == 1  # asked once: the marker holds


def test_handshake_with_cookies_refused_ends_without_a_loop(srv):
    b = Browser(srv, cookies=False)
    r, hops = b.visit(HEME, "/section/myeloma")
    assert len(hops) <= 4 and hops[-1][2] != 303, hops
    assert hops[-1][1].endswith("sso=off")
    # a crawler (no Sec-Fetch headers) is never bounced
    r = b.request("GET", HEME, "/", nav=False)
    assert r.status_code == 200


def test_handshake_token_is_single_use_bound_and_short_lived(srv):
    b = Browser(srv)
    email, password = new_reader(srv)
    b.signin(ONCO, email, password)
    bounce = b.request("GET", HEME, "/", site="cross-site")
    issue = urlsplit(bounce.headers["location"])
    answer = b.request("GET", ONCO, f"{issue.path}?{issue.query}", site="cross-site")
    land = urlsplit(answer.headers["location"])
    assert land.hostname == HEME and answer.headers["referrer-policy"] == "no-referrer"
    q = parse_qs(land.query)
    token = q["t"][0]
    # another browser (no nonce cookie of this handshake) cannot use it
    thief = Browser(srv)
    thief.visit(HEME, "/")  # has a nonce of its own
    r = thief.request("GET", HEME, f"/sso/land?{land.query}", site="cross-site")
    assert r.status_code == 303 and not thief.signed_in(HEME)
    # tampered: one letter changed
    bad = token[:-1] + ("A" if token[-1] != "A" else "B")
    r = b.request("GET", HEME, f"/sso/land?{land.query.replace(token, bad)}", site="cross-site")
    assert r.status_code == 303 and not b.signed_in(HEME)
    # the real one works once
    r = b.request("GET", HEME, f"/sso/land?{land.query}", site="cross-site")
    assert r.status_code == 303 and b.signed_in(HEME)
    b.jar = {k: v for k, v in b.jar.items() if not (k[0] == HEME and "session" in k[2])}
    r = b.request("GET", HEME, f"/sso/land?{land.query}", site="cross-site")
    assert r.status_code == 303 and not b.signed_in(HEME)  # reused
    # expired: a fresh token aged past its 60 seconds in the store
    nonce = b.cookies("plenary_sso")[(HEME, True)].split(".")[1]
    answer = b.request("GET", ONCO, f"/sso/issue?to={HEME}&n={nonce}&return=/", site="cross-site")
    land = urlsplit(answer.headers["location"])
    srv.execute("UPDATE user_token SET expires_at = expires_at - 120 WHERE purpose = 'sso' AND used_at IS NULL")
    r = b.request("GET", HEME, f"/sso/land?{land.query}", site="cross-site")
    assert r.status_code == 303 and not b.signed_in(HEME)
    # the token never reaches the access log
    assert token not in srv.log() and "/sso/land?t=(redacted)" in srv.log()


def test_handshake_refuses_open_redirects(srv):
    b = Browser(srv)
    n = "A" * 22
    for to in ["evil.example.com", ONCO, DERM, "", f"{HEME}.evil.com"]:
        r = b.request("GET", ONCO, f"/sso/issue?to={to}&n={n}&return=/", site="cross-site")
        assert r.status_code == 400, (to, r.status_code)
    for ret in ["//evil.com/", "https://evil.com/", "/\\evil.com", "javascript:alert(1)", ""]:
        r = b.request("GET", ONCO, "/sso/issue", params={"to": HEME, "n": n, "return": ret}, site="cross-site")
        assert r.status_code == 400, (ret, r.status_code)
        r = b.request("GET", HEME, "/sso/land", params={"n": n, "return": ret}, site="cross-site")
        assert r.status_code == 303 and r.headers["location"].split("?")[0] == "/", (ret, r.headers)
    # only the default site hands out tokens
    r = b.request("GET", HEME, "/sso/issue", params={"to": HEME, "n": n, "return": "/"}, site="cross-site")
    assert r.status_code == 400


def test_handshake_sign_out_on_either_side_signs_out_of_both(srv):
    for where in (HEME, ONCO):
        b = Browser(srv)
        email, password = new_reader(srv)
        b.signin(ONCO, email, password)
        b.visit(HEME, "/", site="cross-site")
        assert b.signed_in(HEME) and b.signed_in(DERM)
        page = b.request("GET", where, "/account", site="same-origin")
        r = b.request("POST", where, "/signout", nav=False, data={"form_token": form_token(page.text)})
        assert r.status_code == 303
        assert not b.signed_in(HEME) and not b.signed_in(ONCO) and not b.signed_in(DERM), where


def test_handshake_carries_the_consent_choice(srv):
    b = Browser(srv)
    page = b.request("GET", ONCO, "/cookies", site="same-origin")
    b.request("POST", ONCO, "/consent", nav=False,
              data={"form_token": form_token(page.text), "choice": "accepted", "return": "/"})
    r, hops = b.visit(HEME, "/", site="cross-site")
    assert b.cookies("plenary_consent").get((HEME, True)) == "accepted"
    assert 'action="/consent"' not in r.text


def test_signing_in_on_the_default_site_reaches_a_sister_visited_before(srv):
    b = Browser(srv)
    b.visit(HEME, "/")  # asked once, anonymous
    email, password = new_reader(srv)
    b.signin(ONCO, email, password)
    time.sleep(11)  # past the guard against asking twice in a row
    r, hops = b.visit(HEME, "/", site="cross-site", referer=f"http://{ONCO}:{srv.port}/")
    assert len(hops) == 4 and "account-name" in r.text, hops


def test_signing_in_on_a_separate_sister_signs_in_on_the_default_site_and_comes_back(srv):
    b = Browser(srv)
    email, password = new_reader(srv)
    r, hops = b.visit(HEME, "/signin?return=/trials", site="same-origin")
    assert hops[-1][0] == ONCO and r.status_code == 200, hops  # the form is the default site's
    back = parse_qs(urlsplit(hops[-1][1]).query)["return"][0]
    assert back.startswith("/sso/to?host=heme-news.eu")
    r = b.request("POST", ONCO, "/signin", nav=False,
                  data={"form_token": form_token(r.text), "email": email, "password": password, "return": back})
    assert r.status_code == 303 and r.headers["location"] == back, r.headers
    # a page that moves on by itself (a redirect of the form's POST to another site would break the
    # Content-Security-Policy's form-action 'self'), with a link for the reader
    r = b.request("GET", ONCO, back, site="same-origin")
    assert r.status_code == 200 and r.headers["referrer-policy"] == "no-referrer", r.status_code
    nxt = r.headers["refresh"].split("url=", 1)[1]
    assert urlsplit(nxt).hostname == HEME and f'href="{nxt}"' in r.text.replace("&amp;", "&")
    loc = urlsplit(nxt)
    r, hops = b.visit(HEME, f"{loc.path}?{loc.query}", site="cross-site")
    assert hops[-1][0] == HEME and hops[-1][1] == "/trials" and r.status_code == 200, hops
    assert "account-name" in r.text
    assert b.signed_in(ONCO) and b.signed_in(DERM) and b.signed_in(HEME)
    # /sso/to and /sso/start lead only to sister sites and local paths
    for q in ({"host": "evil.com", "return": "/"}, {"host": ONCO, "return": "/"}):
        assert b.request("GET", ONCO, "/sso/to", params=q).status_code == 400
    r = b.request("GET", ONCO, "/sso/to", params={"host": HEME, "return": "//evil.com"})
    assert r.status_code == 200 and r.headers["refresh"].endswith("/sso/start?return=%2F"), r.headers
    r = b.request("GET", HEME, "/sso/start", params={"return": "https://evil.com/"})
    assert r.status_code == 303 and r.headers["location"] == "/"


def test_handshake_tokens_are_bounded_per_reader(srv):
    b = Browser(srv)
    email, password = new_reader(srv)
    b.signin(ONCO, email, password)
    uid = srv.query('SELECT id FROM "user" WHERE email = ?', (email,))[0][0]
    ask = {"to": HEME, "n": "B" * 22, "return": "/"}
    for _ in range(3):
        assert "&t=" in b.request("GET", ONCO, "/sso/issue", params=ask).headers["location"]
    count = "SELECT count(*) FROM user_token WHERE user_id = ? AND purpose = 'sso'"
    assert srv.query(count, (uid,))[0][0] == 3
    srv.execute("UPDATE user_token SET expires_at = 0 WHERE user_id = ? AND purpose = 'sso'", (uid,))
    b.request("GET", ONCO, "/sso/issue", params=ask)
    assert srv.query(count, (uid,))[0][0] == 1  # the expired ones were cleared
    # 120 an hour: past that the answer still goes back to the sister, without a token
    last = None
    for _ in range(120):
        last = b.request("GET", ONCO, "/sso/issue", params=ask)
    assert last.status_code == 303 and "&t=" not in last.headers["location"]
    assert urlsplit(last.headers["location"]).hostname == HEME


def test_robots_keep_crawlers_out_of_the_handshake(srv):
    r = Browser(srv).request("GET", HEME, "/robots.txt", nav=False)
    assert r.status_code == 200 and "Disallow: /sso/" in r.text


def test_pages_with_a_mailed_token_are_not_sent_round_the_sisters(srv):
    b = Browser(srv)
    for path in ("/verify?token=" + "x" * 43, "/reset?token=" + "y" * 43):
        r = b.request("GET", HEME, path, site="cross-site")
        assert r.status_code != 303 or "/sso/issue" not in r.headers.get("location", ""), path
    assert "x" * 43 not in srv.log().replace(f"/verify?token={'x' * 43}", "")


@pytest.fixture(scope="module")
def tls_srv():
    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    with tempfile.TemporaryDirectory(prefix="plenary-sso-tls-") as tmp:
        cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
        made = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out",
                               cert, "-days", "2", "-subj", "/CN=onco.example.org"], capture_output=True)
        assert made.returncode == 0, made.stderr
        db_path = make_demo_database(tmp)
        c = connect(db_path)
        with c:
            for sid, host in HOSTS.items():
                c.execute("UPDATE site SET host = ? WHERE id = ?", (host, sid))
        c.close()
        s = start_plenary(tmp, db_path, {"tls_cert": cert, "tls_key": key}, name="sso-tls-server")
        yield s
        assert s.stop() == 0


def test_over_https_the_shared_cookie_is_secure_and_prefixed(tls_srv):
    b = Browser(tls_srv)
    email, password = new_reader(tls_srv)
    r = b.signin(ONCO, email, password)
    sc = [c for c in r.raw.headers.getlist("set-cookie") if "session" in c]
    shared = [c for c in sc if c.startswith("__Secure-plenary_shared_session=")]
    assert shared and "; Secure" in shared[0] and "Domain=example.org" in shared[0], sc
    assert not any(c.startswith("__Host-") and "Max-Age=0" not in c for c in sc), sc  # __Host- takes no Domain
    assert b.signed_in(DERM)
    # and the separate site still has its own __Host- cookie after the handshake
    r, hops = b.visit(HEME, "/", site="cross-site")
    assert "account-name" in r.text and ("heme-news.eu", True, "__Host-plenary_session") in b.jar, hops
