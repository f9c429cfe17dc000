"""HTTPS with tls_cert and tls_key: HTTP/2 offered through ALPN, HSTS, Secure __Host- session cookies,
https:// in absolute links, and a clear refusal of half a TLS configuration."""
import os
import socket
import ssl
import subprocess
import tempfile
import time
import warnings

import pytest
import requests
import urllib3

from conftest import REPO, Reader, _binary, _free_port, add_user, make_demo_database, start_plenary, unique_email

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
    assert r.status_code == 200
    assert "<main" in r.text and "</html>" in r.text


# Python's ssl module here cannot offer TLS 1.1 at all, so the old case asked nothing of the server. The
# openssl command line can, with its security level lowered to 0 on the client side: proven first against
# an openssl s_server that allows TLS 1.1, so a refusal below is the server's and not the client's.
OLD_TLS_CLIENT = ["-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"]


def s_client(port, *flags):
    """The TLS version openssl s_client agreed with the server at port, or None (and its output)."""
    p = subprocess.run(["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-servername", "127.0.0.1",
                        *flags], input=b"", capture_output=True, timeout=20)
    out = p.stdout.decode(errors="replace") + p.stderr.decode(errors="replace")
    if p.returncode != 0 or "Cipher is (NONE)" in out:  # s_client prints a Protocol line even then
        return None, out
    for line in out.splitlines():
        if line.strip().startswith("Protocol  :"):
            return line.split(":", 1)[1].strip(), out
    return None, out


def test_old_tls_versions_are_refused(tls):
    port = _free_port()
    srv = subprocess.Popen(["openssl", "s_server", "-accept", str(port), "-cert", tls.cert, "-key", tls.key,
                            "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0", "-www"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        version, out = s_client(port, *OLD_TLS_CLIENT)
        assert version == "TLSv1.1", "the client cannot speak TLS 1.1 here, so the check below proves nothing:\n" + out
    finally:
        srv.kill()
        srv.wait()
    version, out = s_client(tls.port, *OLD_TLS_CLIENT)
    assert version is None, "Plenary accepted " + str(version) + ":\n" + out
    assert s_client(tls.port, "-tls1_2")[0] == "TLSv1.2"  # the same client with TLS 1.2 gets in


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
