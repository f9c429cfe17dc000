"""Limits an outsider meets before any work is done: HTTP/2 resets, request sizes, the request line, Host,
the status line, and the client address behind a trusted proxy."""
import os
import select
import socket
import tempfile
import threading
import time
import uuid

import h2.config
import h2.connection
import h2.events
import h2.exceptions
import pytest
import requests

from conftest import SERVER, form_token, get, make_demo_database, raw, read_responses, start_plenary


def rss_mib(proc):
    with open(f"/proc/{proc.pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.fixture(scope="module")
def h2c_server():
    """A server that speaks clear-text HTTP/2 (off by default), with a small render queue per connection."""
    with tempfile.TemporaryDirectory(prefix="plenary-limits-") as tmp:
        srv = start_plenary(tmp, make_demo_database(tmp),
                            {"http2_cleartext": 1, "render_queue_per_connection": 2, "access_log": ""},
                            name="h2c-server")
        yield srv
        assert srv.stop() == 0


def h2_connect(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    c = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True, header_encoding="utf-8"))
    c.initiate_connection()
    s.sendall(c.data_to_send())
    return s, c


def h2_headers(path):
    return [(":method", "GET"), (":scheme", "http"), (":authority", "127.0.0.1"), (":path", path)]


def h2_collect(s, c, want, timeout=10.0):
    """Reads until `want` streams ended (or reset, or the connection closed): {stream: (status, headers)}."""
    got, ended, deadline = {}, set(), time.monotonic() + timeout
    s.settimeout(1)
    while len(ended) < want and time.monotonic() < deadline:
        try:
            data = s.recv(65536)
        except socket.timeout:
            continue
        if not data:
            break
        for e in c.receive_data(data):
            if isinstance(e, h2.events.ResponseReceived):
                got[e.stream_id] = dict(e.headers)
            elif isinstance(e, (h2.events.StreamEnded, h2.events.StreamReset)):
                ended.add(e.stream_id)
            elif isinstance(e, h2.events.DataReceived):
                c.acknowledge_received_data(e.flow_controlled_length, e.stream_id)
        s.sendall(c.data_to_send())
    return got


# ---- clear-text HTTP/2 is off unless configured ----------------------------------------------------------

def test_prior_knowledge_http2_is_refused_by_default():
    data = raw(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + b"\x00\x00\x00\x04\x00\x00\x00\x00\x00")
    assert data.startswith(b"HTTP/1.1 400 "), data[:80]


def test_upgrade_to_h2c_is_ignored_by_default():
    data = raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
               b"HTTP2-Settings: AAMAAABkAAQAAP__\r\nConnection: close\r\n\r\n")
    assert data.startswith(b"HTTP/1.1 200 "), data[:80]


def test_http2_cleartext_setting_turns_it_on(h2c_server):
    s, c = h2_connect(h2c_server.port)
    sid = c.get_next_available_stream_id()
    c.send_headers(sid, h2_headers("/healthz"), end_stream=True)
    s.sendall(c.data_to_send())
    got = h2_collect(s, c, 1)
    s.close()
    assert got[sid][":status"] == "200"


# ---- rapid reset -----------------------------------------------------------------------------------------

def test_rapid_reset_is_cut_off_and_others_stay_answered(h2c_server):
    """Streams opened and reset at once: the connection is closed early, another client is answered within
    a second throughout, and the server's memory stays near its baseline."""
    base = rss_mib(h2c_server.proc)
    worst, stop = [0.0], threading.Event()

    def probe():
        i = 0
        while not stop.is_set():
            t = time.monotonic()
            r = requests.get(h2c_server.url(f"/search?q=probe{i}x{uuid.uuid4().hex[:6]}"), timeout=10)
            assert r.status_code == 200
            worst[0] = max(worst[0], time.monotonic() - t)
            i += 1
            time.sleep(0.02)

    t = threading.Thread(target=probe)
    t.start()
    s, c = h2_connect(h2c_server.port)
    sent, closed = 0, False
    try:
        for i in range(20000):
            sid = c.get_next_available_stream_id()
            c.send_headers(sid, h2_headers(f"/search?q=reset{i}"), end_stream=True)
            c.reset_stream(sid)
            if i % 50 == 49:
                s.sendall(c.data_to_send())
                sent = i + 1
                # a moment for the server to answer each batch, so that on a loaded machine the client
                # does not fill the socket's buffers with thousands of streams before the server reads any
                if select.select([s], [], [], 0.05)[0] and s.recv(65536) == b"":
                    closed = True
                    break
    except (BrokenPipeError, ConnectionResetError, h2.exceptions.ProtocolError):
        closed = True
    time.sleep(0.5)
    stop.set()
    t.join()
    s.close()
    assert closed and sent < 5000, f"the server read {sent} reset streams and kept the connection"
    assert worst[0] < 1.0, f"another client waited {worst[0]:.2f} s"
    # the target, 100 MB over the baseline; AddressSanitizer (make check sets ASAN_OPTIONS) keeps
    # freed memory in quarantine, up to 256 MB, so there only a gross leak fails it
    limit = 400 if os.environ.get("ASAN_OPTIONS") else 100
    assert rss_mib(h2c_server.proc) - base < limit
    assert get("/healthz").status_code == 200


def test_a_connection_gets_503_past_its_share_of_the_render_queue(h2c_server):
    """render_queue_per_connection = 2: of 20 uncached pages asked at once on one connection, those past the
    share are answered 503 with Retry-After at once, the others 200."""
    s, c = h2_connect(h2c_server.port)
    sids = []
    for i in range(20):
        sid = c.get_next_available_stream_id()
        c.send_headers(sid, h2_headers(f"/search?q=share{uuid.uuid4().hex}"), end_stream=True)
        sids.append(sid)
    s.sendall(c.data_to_send())
    got = h2_collect(s, c, len(sids))
    s.close()
    statuses = [got.get(sid, {}).get(":status") for sid in sids]
    assert set(statuses) <= {"200", "503"}, statuses
    assert "200" in statuses and "503" in statuses, statuses
    busy = [got[sid] for sid in sids if got[sid][":status"] == "503"]
    assert all(h.get("retry-after") == "1" for h in busy)


# ---- request sizes: max_body_kb everywhere, at the headers ---------------------------------------------

@pytest.mark.parametrize("path", ["/contact", "/signin", "/admin/media", "/admin/articles", "/no-such-page"])
def test_a_body_over_the_limit_gets_413_at_the_headers_and_no_100_continue(path):
    s = socket.create_connection(("127.0.0.1", SERVER.port), timeout=5)
    s.sendall(f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
              f"Content-Length: {10 * 1024 * 1024}\r\nExpect: 100-continue\r\n\r\n".encode())
    data = b""
    s.settimeout(3)
    try:
        while b"\r\n\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    finally:
        s.close()
    assert data.startswith(b"HTTP/1.1 413 "), data[:100]
    assert b"100 Continue" not in data
    assert b"x-content-type-options: nosniff" in data.lower()


def test_a_chunked_body_is_cut_at_the_limit():
    body = b"".join(b"%x\r\n%s\r\n" % (65536, b"a" * 65536) for _ in range(8)) + b"0\r\n\r\n"  # 512 KiB
    data = raw(b"POST /contact HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
               b"Content-Type: application/x-www-form-urlencoded\r\n\r\n" + body)
    assert data.startswith(b"HTTP/1.1 413 "), data[:100]


def test_many_parallel_large_bodies_do_not_grow_memory():
    """The attack's shape: 250 anonymous connections each announce a 16 MiB body to /contact and start
    sending it. Each is refused at its headers, so memory grows by less than 250 x max_body_kb (the issue's
    target; about 4 MiB here, 26-45 MiB under AddressSanitizer, over 1 GB before the fix)."""
    with tempfile.TemporaryDirectory(prefix="plenary-bodies-") as tmp:
        srv = start_plenary(tmp, make_demo_database(tmp), {"access_log": ""}, name="bodies-server")
        try:
            base = rss_mib(srv.proc)
            socks, refused = [], 0
            for _ in range(250):
                s = socket.create_connection(("127.0.0.1", srv.port), timeout=5)
                s.sendall(b"POST /contact HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 16777216\r\n"
                          b"Content-Type: application/x-www-form-urlencoded\r\n\r\n")
                try:
                    s.sendall(b"a" * 262144)
                except OSError:
                    pass
                socks.append(s)
            peak = rss_mib(srv.proc)
            for s in socks:
                s.settimeout(3)
                try:
                    refused += s.recv(64).startswith(b"HTTP/1.1 413 ")
                except OSError:
                    pass
                s.close()
            assert refused == 250, f"{refused} of 250 got 413"
            assert peak - base < 250 * 256 / 1024, f"memory grew {peak - base:.1f} MiB"
        finally:
            srv.stop()


# ---- the request line and Host ---------------------------------------------------------------------------

def test_a_request_target_over_max_url_bytes_gets_414():
    r = get("/" + "a" * 9000)
    assert r.status_code == 414
    assert "too long" in r.text.lower()
    assert r.headers["x-content-type-options"] == "nosniff"
    assert get("/search?q=" + "a" * 100).status_code == 200


@pytest.mark.parametrize("request_bytes", [
    b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
    b"POST /contact HTTP/1.0\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
], ids=["http11-without-host", "two-hosts", "chunked-http10"])
def test_ambiguous_host_or_framing_gets_400(request_bytes):
    assert raw(request_bytes).startswith(b"HTTP/1.1 400 ")
    assert get("/healthz").status_code == 200


def test_http10_without_host_is_served():
    assert raw(b"GET /healthz HTTP/1.0\r\n\r\n").startswith(b"HTTP/1.1 200 ")


# ---- one status table ------------------------------------------------------------------------------------

REASONS = {200: b"OK", 303: b"See Other", 304: b"Not Modified", 400: b"Bad Request", 403: b"Forbidden",
           404: b"Not Found", 405: b"Method Not Allowed", 414: b"URI Too Long", 301: b"Moved Permanently",
           401: b"Unauthorized"}


@pytest.mark.parametrize("request_bytes,status", [
    (b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 200),
    (b"GET /admin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 303),
    (b"GET /no-such-page-at-all HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 404),
    (b"DELETE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405),
    (b"GET /" + b"b" * 9000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 414),
    (b"GET /signin/code HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", None),
    (b"GET /congresses/02025 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 301),
], ids=["200", "303", "404", "405", "414", "signin-code", "301"])
def test_the_status_line_has_the_reason_of_its_code(request_bytes, status):
    first = raw(request_bytes).split(b"\r\n", 1)[0]
    code = int(first.split(b" ")[1])
    if status is not None:
        assert code == status, first
    assert first == b"HTTP/1.1 %d %s" % (code, REASONS[code]), first


# ---- the client address behind a trusted proxy -----------------------------------------------------------

@pytest.fixture(scope="module")
def proxied():
    with tempfile.TemporaryDirectory(prefix="plenary-proxy-") as tmp:
        db_path = make_demo_database(tmp)
        srv = start_plenary(tmp, db_path, {"trusted_proxies": "127.0.0.1, ::1", "access_log": ""},
                            name="proxied-server")
        yield srv
        assert srv.stop() == 0


def wrong_signin(srv, forwarded_for):
    """One sign-in with a wrong password for a fresh address, as sent through a proxy for `forwarded_for`."""
    s = requests.Session()
    hdr = {"X-Forwarded-For": forwarded_for}
    token = form_token(s.get(srv.url("/signin"), headers=hdr).text)
    return s.post(srv.url("/signin"), headers=hdr, allow_redirects=False,
                  data={"form_token": token, "email": f"{uuid.uuid4().hex[:10]}@example.org",
                        "password": "not the password"})


def test_behind_a_trusted_proxy_one_attacker_does_not_lock_out_everyone(proxied):
    attacker, reader = "203.0.113.9", "198.51.100.7"
    for _ in range(40):
        if wrong_signin(proxied, f"10.1.1.1, {attacker}").status_code == 429:
            break
    else:
        pytest.fail("the attacker's address was never throttled")
    r = wrong_signin(proxied, reader)
    assert r.status_code == 422, "another reader behind the same proxy was throttled with the attacker"


def test_the_nearest_untrusted_address_counts_not_the_leftmost(proxied):
    """A client cannot escape its throttle by writing its own X-Forwarded-For: the proxy appends the real
    address, and the rightmost untrusted one is the client."""
    real = "192.0.2.44"
    for i in range(40):
        if wrong_signin(proxied, f"198.18.{i}.1, {real}").status_code == 429:
            return
    pytest.fail("a forged leftmost address escaped the throttle")


def test_without_trusted_proxies_x_forwarded_for_is_ignored():
    """The default trusts no proxy: a client that sends X-Forwarded-For is still its own peer address."""
    with tempfile.TemporaryDirectory(prefix="plenary-noproxy-") as tmp:
        srv = start_plenary(tmp, make_demo_database(tmp), {"access_log": ""}, name="noproxy-server")
        try:
            for i in range(40):
                if wrong_signin(srv, f"203.0.{i}.9").status_code == 429:
                    return
            pytest.fail("changing X-Forwarded-For escaped the throttle")
        finally:
            srv.stop()


def via_proxy_protocol(port, client, request, source="127.0.0.1"):
    """One request on a connection that starts with the PROXY protocol line naming `client`."""
    s = socket.socket()
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    s.settimeout(5)
    s.sendall(f"PROXY TCP4 {client} 127.0.0.1 40000 {port}\r\n".encode() + request)
    data = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except (socket.timeout, ConnectionResetError):
        pass
    s.close()
    return data


def proxy_wrong_signin(port, client):
    page = via_proxy_protocol(port, client, b"GET /signin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    head, _, body = page.partition(b"\r\n\r\n")
    cookies = "; ".join(line.split(b":", 1)[1].split(b";")[0].strip().decode()
                        for line in head.split(b"\r\n") if line.lower().startswith(b"set-cookie:"))
    form = (f"form_token={form_token(body.decode())}&email={uuid.uuid4().hex[:10]}%40example.org"
            f"&password=wrong").encode()
    answer = via_proxy_protocol(port, client, b"POST /signin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                                b"Content-Type: application/x-www-form-urlencoded\r\n"
                                + (f"Cookie: {cookies}\r\n" if cookies else "").encode()
                                + b"Content-Length: %d\r\n\r\n" % len(form) + form)
    return int(answer.split(b" ", 2)[1])


def test_proxy_protocol_from_a_trusted_proxy_names_the_client_and_others_are_refused():
    with tempfile.TemporaryDirectory(prefix="plenary-pp-") as tmp:
        srv = start_plenary(tmp, make_demo_database(tmp), {"access_log": "", "proxy_protocol": 1,
                                                           "trusted_proxies": "127.0.0.1"}, name="pp-server")
        try:
            for _ in range(40):
                if proxy_wrong_signin(srv.port, "203.0.113.9") == 429:
                    break
            else:
                pytest.fail("the address the PROXY line named was never throttled")
            assert proxy_wrong_signin(srv.port, "198.51.100.7") == 422
            # a peer that is not a trusted proxy is closed before anything is read
            assert via_proxy_protocol(srv.port, "198.51.100.8", b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
                                      source="127.0.0.2") == b""
        finally:
            srv.stop()


def test_proxy_protocol_without_trusted_proxies_refuses_to_start(tmp_path):
    from conftest import run_plenary
    cfg = tmp_path / "p.ini"
    cfg.write_text("[plenary]\nproxy_protocol = 1\n")
    r = run_plenary(["serve", "--config", str(cfg), "--db", str(tmp_path / "x.db"), "--listen", "127.0.0.1:1"])
    assert r.returncode != 0
    assert "trusted_proxies" in r.stderr + r.stdout


def test_a_bad_trusted_proxies_value_is_refused_with_the_reason(tmp_path):
    from conftest import run_plenary
    cfg = tmp_path / "p.ini"
    cfg.write_text("[plenary]\ntrusted_proxies = 10.0.0.1/8\n")
    r = run_plenary(["serve", "--config", str(cfg), "--db", str(tmp_path / "x.db")])
    assert r.returncode != 0
    assert "prefix" in r.stderr + r.stdout


@pytest.mark.parametrize("trusted", [True, False], ids=["behind-trusted-proxy", "no-trusted-proxies"])
def test_the_access_log_names_the_client_a_trusted_proxy_names(tmp_path, trusted):
    log = tmp_path / "access.log"
    settings = {"access_log": str(log), **({"trusted_proxies": "127.0.0.1"} if trusted else {})}
    srv = start_plenary(str(tmp_path), make_demo_database(str(tmp_path)), settings, name="log-server")
    try:
        r = requests.get(srv.url("/?from=log-test"), headers={"X-Forwarded-For": "192.0.2.1, 203.0.113.9"})
        assert r.status_code == 200
    finally:
        assert srv.stop() == 0
    line = next(x for x in log.read_text().splitlines() if "from=log-test" in x)
    if trusted:  # the nearest untrusted address first, the proxy's own at the end
        assert line.startswith("203.0.113.9 ") and line.endswith(" 127.0.0.1"), line
    else:  # a header anyone can send is not believed
        assert line.startswith("127.0.0.1 ") and "203.0.113.9" not in line, line
