"""HTTPS with tls_cert and tls_key: HTTP/2 offered through ALPN, HSTS, Secure __Host- session cookies,
https:// in absolute links, and a clear refusal of half a TLS configuration."""
import os
import socket
import ssl
import subprocess
import tempfile
import warnings

import pytest
import requests
import urllib3

from conftest import REPO, Reader, _binary, add_user, make_demo_database, start_plenary, unique_email

warnings.simplefilter("ignore", urllib3.exceptions.InsecureRequestWarning)


@pytest.fixture(scope="module")
def tls():
    with tempfile.TemporaryDirectory() as tmp:
        cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
        made = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out",
                               cert, "-days", "2", "-subj", "/CN=127.0.0.1"], capture_output=True)
        assert made.returncode == 0, made.stderr
        srv = start_plenary(tmp, make_demo_database(tmp), {"tls_cert": cert, "tls_key": key,
                                                           "outbox": os.path.join(tmp, "outbox")}, name="tls-server")
        srv.cert, srv.key, srv.tmp = cert, key, tmp
        yield srv
        srv.stop()


def alpn(port, protocols):
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    ctx.set_alpn_protocols(protocols)
    with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
        with ctx.wrap_socket(raw, server_hostname="127.0.0.1") as s:
            return s.selected_alpn_protocol(), s.version()


def test_http2_is_offered_and_http1_still_works(tls):
    proto, version = alpn(tls.port, ["h2", "http/1.1"])
    assert proto == "h2" and version in ("TLSv1.2", "TLSv1.3")
    assert alpn(tls.port, ["http/1.1"])[0] in (None, "http/1.1")  # HTTP/1.1 without ALPN is HTTP/1.1 too
    r = requests.get(tls.url("/"), verify=False, timeout=10)
    assert r.status_code == 200 and "<h1" in r.text or "<main" in r.text


def test_old_tls_versions_are_refused(tls):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ctx.maximum_version = ssl.TLSVersion.TLSv1_1
        try:
            ctx.minimum_version = ssl.TLSVersion.TLSv1
        except ValueError:
            pytest.skip("this OpenSSL cannot even offer TLS 1.1")
    with socket.create_connection(("127.0.0.1", tls.port), timeout=5) as raw:
        with pytest.raises(ssl.SSLError):
            ctx.wrap_socket(raw, server_hostname="127.0.0.1")


def test_hsts_and_https_links(tls):
    r = requests.get(tls.url("/"), verify=False, timeout=10)
    assert r.headers["strict-transport-security"] == "max-age=31536000"
    assert f'rel="canonical" href="https://' in r.text
    feed = requests.get(tls.url("/feed.rss"), verify=False, timeout=10).text
    assert "<link>https://" in feed and "http://" not in feed.split("<item>")[1].split("</item>")[0]


def test_the_session_cookie_is_secure_and_host_bound(tls):
    address = unique_email("tls")
    p, password = add_user(tls.db_path, address, "reader", name="Tess Secure")
    assert p.returncode == 0 and password
    staff = Reader(tls, email=address, password=password, name="Tess Secure")
    staff.http.verify = False  # the test's own self-signed certificate
    staff.http.trust_env = False  # or a CA bundle named in the environment would override verify
    r = staff.signin()
    assert r.status_code == 303, r.status_code
    cookies = {c.name: c for c in staff.http.cookies}
    assert "__Host-plenary_session" in cookies and "plenary_session" not in cookies
    c = cookies["__Host-plenary_session"]
    assert c.secure and c.path == "/" and not c.domain.startswith(".")
    r = staff.get("/account")
    assert r.status_code == 200 and "Tess Secure" in r.text


def test_half_a_tls_configuration_stops_start_up(tls):
    conf = os.path.join(tls.tmp, "half.ini")
    with open(conf, "w") as f:
        f.write(f"[plenary]\ntls_cert = {tls.cert}\n")
    p = subprocess.run([_binary(), "serve", "--config", conf, "--db", tls.db_path, "--listen", "127.0.0.1:1"],
                       cwd=REPO, capture_output=True, text=True, timeout=20)
    assert p.returncode != 0 and "tls_cert and tls_key go together" in p.stdout + p.stderr
    with open(conf, "w") as f:
        f.write(f"[plenary]\ntls_cert = {tls.cert}\ntls_key = {tls.cert}\n")  # not a key
    p = subprocess.run([_binary(), "serve", "--config", conf, "--db", tls.db_path, "--listen", "127.0.0.1:1"],
                       cwd=REPO, capture_output=True, text=True, timeout=20)
    assert p.returncode != 0 and "tls_key" in p.stdout + p.stderr
