"""The operators' metrics and access logs (issue 21), black-box: a scrape read by Prometheus's own text-format
parser (python3-prometheus-client); counters that move with requests (a 404 counted as a 404, a page-cache hit
as a hit, with its latency in the histogram); the mail queue's rows by state; the settings that say who may read
them (metrics_allow on the site's listener, judged on the client trusted proxies name; anyone else gets the
ordinary 404; metrics_listen, a listener of their own); the store's reconnects after PostgreSQL's connections
are killed; and access_log_format = json, each line read by json.loads, values escaped by h2o.
"""
import datetime
import json
import os
import socket
import subprocess
import tempfile
import time

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

from conftest import REPO, USING_PG, _binary, _free_port, _pg_admin, make_demo_database, postgres_only, start_plenary

CTYPE = "text/plain; version=0.0.4; charset=utf-8"


@pytest.fixture(scope="module")
def srv():
    """A server whose metrics are on a listener of their own and at /metrics for 127.0.0.1, with a JSON
    access log."""
    with tempfile.TemporaryDirectory(prefix="plenary-metrics-") as tmp:
        port = _free_port()
        log = os.path.join(tmp, "access.log")
        s = start_plenary(tmp, make_demo_database(tmp),
                          {"metrics_listen": f"127.0.0.1:{port}", "metrics_allow": "127.0.0.1",
                           "access_log": log, "access_log_format": "json"})
        s.metrics_url = f"http://127.0.0.1:{port}/metrics"
        s.access_log = log
        yield s
        assert s.stop() == 0


def families(text):
    """{name: family} as prometheus_client reads the text (a counter's name without _total)."""
    return {f.name: f for f in text_string_to_metric_families(text)}


def scrape(srv):
    r = requests.get(srv.metrics_url, timeout=10)
    assert r.status_code == 200
    assert r.headers["content-type"] == CTYPE
    return families(r.text)


def value(fams, family, sample=None, **labels):
    """The value of the sample `sample` (by default the family's own name, as a gauge's) of `family` with these
    labels; 0 when there is none."""
    for s in fams[family].samples:
        if s.name == (sample or family) and all(s.labels.get(k) == v for k, v in labels.items()):
            return s.value
    return 0


def requests_with(fams, **labels):
    return sum(s.value for s in fams["plenary_http_requests"].samples
               if s.name == "plenary_http_requests_total" and all(s.labels.get(k) == v for k, v in labels.items()))


def wait_until(what, check, timeout=5.0):
    """A request is counted when h2o is done with it, just after its last byte left: look again briefly."""
    deadline = time.monotonic() + timeout
    while True:
        got = check()
        if got or time.monotonic() > deadline:
            assert got, what
            return got
        time.sleep(0.05)


def raw_get(port, target, headers=b""):
    """A request line sent as bytes, so quotes and backslashes reach the server as they are."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + b"Connection: close\r\n\r\n")
        out = b""
        while chunk := s.recv(65536):
            out += chunk
    return int(out.split(b" ", 2)[1])


def test_a_scrape_is_the_text_format_with_every_family(srv):
    fams = scrape(srv)
    types = {name: f.type for name, f in fams.items()}
    for name, kind in {"plenary_http_requests": "counter", "plenary_http_request_duration_seconds": "histogram",
                       "plenary_http_response_bytes": "counter", "plenary_page_cache_hits": "counter",
                       "plenary_page_cache_misses": "counter", "plenary_queue_waiting": "gauge",
                       "plenary_queue_refused": "counter", "plenary_db_statements": "counter",
                       "plenary_db_seconds": "counter", "plenary_db_reconnects": "counter",
                       "plenary_db_connections_lost": "counter", "plenary_mail_queue_messages": "gauge",
                       "plenary_uptime_seconds": "gauge", "plenary_workers": "gauge",
                       "plenary_connections_open": "gauge", "process_resident_memory_bytes": "gauge"}.items():
        assert types.get(name) == kind, f"{name}: {types.get(name)}"
    queues = {s.labels["queue"] for s in fams["plenary_queue_waiting"].samples}
    assert queues == {"render", "hashing", "image"}
    assert value(fams, "plenary_queue_limit", queue="render") == 256
    assert value(fams, "plenary_workers") == 2
    assert value(fams, "plenary_mail_queue_up") == 1
    states = {s.labels["state"] for s in fams["plenary_mail_queue_messages"].samples}
    assert states == {"queued", "sending", "sent", "failed", "suppressed"}
    # the page /healthz and start-up read the database already
    assert value(fams, "plenary_db_statements", "plenary_db_statements_total") > 0
    assert value(fams, "plenary_db_seconds", "plenary_db_seconds_total") > 0


def test_a_404_is_counted_as_a_404(srv):
    before = requests_with(scrape(srv), code="404")
    assert requests.get(srv.url("/no-such-page-for-metrics"), timeout=10).status_code == 404
    wait_until("the 404 was counted", lambda: requests_with(scrape(srv), code="404") == before + 1)
    time.sleep(0.2)
    assert requests_with(scrape(srv), code="404") == before + 1, "one 404, counted once"


def test_cache_hits_are_counted_with_their_latency(srv):
    fams = scrape(srv)
    hits0 = value(fams, "plenary_page_cache_hits", "plenary_page_cache_hits_total")
    misses0 = value(fams, "plenary_page_cache_misses", "plenary_page_cache_misses_total")
    served0 = requests_with(fams, route="cache", code="200")
    count0 = value(fams, "plenary_http_request_duration_seconds", "plenary_http_request_duration_seconds_count",
                   route="cache")
    session = requests.Session()  # one connection: one worker, whose cache the first request fills
    hits = 0
    for _ in range(6):
        r = session.get(srv.url("/?metrics-cache-hits"), timeout=10)
        assert r.status_code == 200
        hits += r.headers.get("x-cache") == "hit"
    session.close()
    assert hits >= 4, "the home page was not served from the page cache"

    def counted():
        f = scrape(srv)
        return f if value(f, "plenary_page_cache_hits", "plenary_page_cache_hits_total") == hits0 + hits else None
    fams = wait_until("the hits were counted", counted)
    assert value(fams, "plenary_page_cache_misses", "plenary_page_cache_misses_total") == misses0 + 6 - hits
    assert requests_with(fams, route="cache", code="200") == served0 + hits
    name = "plenary_http_request_duration_seconds"
    assert value(fams, name, name + "_count", route="cache") == count0 + hits
    buckets = [(float(s.labels["le"]), s.value) for s in fams[name].samples
               if s.name == name + "_bucket" and s.labels["route"] == "cache"]
    assert [b for b, _ in buckets] == sorted(b for b, _ in buckets) and buckets[-1][0] == float("inf")
    assert all(a[1] <= b[1] for a, b in zip(buckets, buckets[1:])), "buckets are cumulative"
    assert buckets[-1][1] == value(fams, name, name + "_count", route="cache")
    assert 0 < value(fams, name, name + "_sum", route="cache") < 10 * buckets[-1][1]


def test_a_page_rendered_moves_the_database_counters(srv):
    fams = scrape(srv)
    statements = value(fams, "plenary_db_statements", "plenary_db_statements_total")
    seconds = value(fams, "plenary_db_seconds", "plenary_db_seconds_total")
    r = requests.get(srv.url("/search?q=metrics-" + str(time.monotonic_ns())), timeout=10)
    assert r.status_code == 200
    fams = wait_until("the search's statements were counted",
                      lambda: (lambda f: f if value(f, "plenary_db_statements", "plenary_db_statements_total")
                               > statements else None)(scrape(srv)))
    assert value(fams, "plenary_db_seconds", "plenary_db_seconds_total") > seconds


def test_the_mail_queue_is_counted_by_state(srv):
    before = value(scrape(srv), "plenary_mail_queue_messages", state="failed")
    for n in range(2):
        srv.execute("INSERT INTO mail_queue (kind, to_addr, subject, text_body, state, attempts, last_error, "
                    "not_before, created_at) VALUES ('test', ?, 'metrics', 'x', 'failed', 1, '550 no', 0, 0)",
                    (f"metrics{n}@example.org",))
    assert value(scrape(srv), "plenary_mail_queue_messages", state="failed") == before + 2


def test_metrics_allow_serves_path_metrics_to_its_addresses(srv):
    r = requests.get(srv.url("/metrics"), timeout=10)
    assert r.status_code == 200 and r.headers["content-type"] == CTYPE
    assert "plenary_http_requests" in families(r.text)
    assert requests.get(srv.url("/fr/metrics"), timeout=10).status_code == 404, "one address only"


def test_the_metrics_listener_serves_nothing_else(srv):
    base = srv.metrics_url.rsplit("/", 1)[0]
    assert requests.get(base + "/", timeout=10).status_code == 404
    assert requests.get(base + "/metrics/x", timeout=10).status_code == 404
    assert requests.post(srv.metrics_url, data="x", timeout=10).status_code == 405


def title(html):
    return html.split("<title>", 1)[1].split("</title>", 1)[0]


def test_a_client_outside_metrics_allow_gets_the_ordinary_404():
    with tempfile.TemporaryDirectory(prefix="plenary-metrics-deny-") as tmp:
        db = make_demo_database(tmp)
        s = start_plenary(tmp, db, {"metrics_allow": "10.0.0.0/8", "trusted_proxies": "127.0.0.1"})
        try:
            r = requests.get(s.url("/metrics"), timeout=10)
            assert r.status_code == 404 and "plenary_" not in r.text
            other = requests.get(s.url("/no-such-page-for-metrics"), timeout=10)
            assert other.status_code == 404 and title(r.text) == title(other.text), "the ordinary 404 page"
            # behind the trusted proxy, the reader it names is the client
            r = requests.get(s.url("/metrics"), headers={"X-Forwarded-For": "10.1.2.3"}, timeout=10)
            assert r.status_code == 200 and "plenary_http_requests_total" in r.text
            r = requests.get(s.url("/metrics"), headers={"X-Forwarded-For": "10.1.2.3, 203.0.113.7"}, timeout=10)
            assert r.status_code == 404, "the right-most address is the client's"
        finally:
            assert s.stop() == 0
        s = start_plenary(tmp, db, name="off")
        try:
            assert requests.get(s.url("/metrics"), timeout=10).status_code == 404, "off by default"
        finally:
            assert s.stop() == 0


def log_lines(srv):
    with open(srv.access_log, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_the_json_access_log_escapes_what_a_client_sends(srv):
    status = raw_get(srv.port, b'/quote"back\\slash\xc3\xa9?q="x"',
                     b"User-Agent: tab\there\r\nReferer: https://example.org/\"r\"\r\n")
    assert status == 404

    def line():
        return [x for x in log_lines(srv) if x["path"].startswith("/quote")]
    entry = wait_until("the request was logged", line)[-1]
    assert entry["path"] == '/quote"back\\slash\u00c3\u00a9?q="x"'  # bytes past ASCII as \u00XX
    assert entry["user_agent"] == "tab\there"
    assert entry["referer"] == 'https://example.org/"r"'
    assert entry["method"] == "GET" and entry["status"] == 404 and entry["client"] == "127.0.0.1"
    assert entry["proxy"] is None and entry["protocol"] == "HTTP/1.1"
    assert isinstance(entry["bytes"], int) and entry["bytes"] > 0
    assert isinstance(entry["duration"], (int, float)) and 0 <= entry["duration"] < 10  # h2o: seconds
    when = datetime.datetime.strptime(entry["time"], "%Y-%m-%dT%H:%M:%S.%f%z")
    assert abs((datetime.datetime.now(datetime.timezone.utc) - when).total_seconds()) < 60
    # a request without a Referer: null, not "null"
    requests.get(srv.url("/?json-log-null"), headers={"User-Agent": "plain"}, timeout=10)
    entry = wait_until("logged", lambda: [x for x in log_lines(srv) if x["path"] == "/?json-log-null"])[-1]
    assert entry["referer"] is None and entry["user_agent"] == "plain" and entry["status"] == 200


def test_the_json_access_log_behind_a_trusted_proxy_names_the_client_and_the_proxy():
    with tempfile.TemporaryDirectory(prefix="plenary-metrics-log-") as tmp:
        log = os.path.join(tmp, "access.log")
        s = start_plenary(tmp, make_demo_database(tmp), {"trusted_proxies": "127.0.0.1", "access_log": log,
                                                         "access_log_format": "json"})
        try:
            requests.get(s.url("/?behind-proxy"), headers={"X-Forwarded-For": "198.51.100.4"}, timeout=10)
            s.access_log = log
            entry = wait_until("logged", lambda: [x for x in log_lines(s) if x["path"] == "/?behind-proxy"])[-1]
            assert entry["client"] == "198.51.100.4" and entry["proxy"] == "127.0.0.1"
        finally:
            assert s.stop() == 0


def test_a_bad_setting_stops_the_start():
    with tempfile.TemporaryDirectory(prefix="plenary-metrics-bad-") as tmp:
        for bad in ({"access_log_format": "xml"}, {"metrics_allow": "not-an-address"},
                    {"metrics_listen": "nowhere"}):
            ini = os.path.join(tmp, "bad.ini")
            with open(ini, "w") as f:
                f.write("[plenary]\n" + "".join(f"{k} = {v}\n" for k, v in bad.items()))
            p = subprocess.run([_binary(), "serve", "--config", ini, "--db", os.path.join(tmp, "x.db"),
                                "--listen", f"127.0.0.1:{_free_port()}"], cwd=REPO, capture_output=True,
                               text=True, timeout=20)
            assert p.returncode != 0, f"{bad} was accepted"
            assert "bad.ini:2" in p.stdout + p.stderr


@postgres_only()
def test_killed_postgresql_connections_are_counted_and_made_again(srv):
    fams = scrape(srv)
    lost0 = value(fams, "plenary_db_connections_lost", "plenary_db_connections_lost_total")
    again0 = value(fams, "plenary_db_reconnects", "plenary_db_reconnects_total")
    dbname = srv.db_path.rsplit("/", 1)[1]
    admin = _pg_admin()
    try:
        cur = admin.cursor()
        cur.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> pg_backend_pid()", (dbname,))
        assert cur.fetchone()[0] > 0
    finally:
        admin.close()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        requests.get(srv.url("/search?q=again-" + str(time.monotonic_ns())), timeout=10)
        fams = scrape(srv)
        if value(fams, "plenary_db_reconnects", "plenary_db_reconnects_total") > again0:
            break
        time.sleep(0.2)
    assert value(fams, "plenary_db_connections_lost", "plenary_db_connections_lost_total") > lost0
    assert value(fams, "plenary_db_reconnects", "plenary_db_reconnects_total") > again0
    assert requests.get(srv.url("/search?q=after"), timeout=10).status_code == 200


@pytest.mark.skipif(USING_PG, reason="the outage is PostgreSQL's; SQLite never reconnects")
def test_sqlite_never_counts_reconnects(srv):
    fams = scrape(srv)
    assert value(fams, "plenary_db_reconnects", "plenary_db_reconnects_total") == 0
    assert value(fams, "plenary_db_connections_lost", "plenary_db_connections_lost_total") == 0
