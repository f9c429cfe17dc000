"""Pages missing from the cache render on render threads: the worker's loop goes on serving cached pages
meanwhile, and what the render threads answer is what the loop would have answered."""
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from conftest import USING_PG, connect, h1_text, make_demo_database, parse_html, start_plenary


def hold_write_lock(db_path):
    """Another process's write transaction: anything that writes waits for it (SQLite: the busy timeout;
    PostgreSQL: the table of links locked, so /verify's statements on it wait)."""
    c = connect(db_path, isolation_level=None)
    if USING_PG:
        c.execute("BEGIN")
        c.execute("LOCK TABLE user_token IN ACCESS EXCLUSIVE MODE")
    else:
        c.execute("BEGIN IMMEDIATE")
    return c


def slow_render(srv, results):
    """/verify writes (it marks its link used), so while the lock is held its handler waits."""
    started = time.monotonic()
    r = requests.get(srv.url("/verify?token=held-up-by-the-lock"), timeout=20)
    results["status"] = r.status_code
    results["seconds"] = time.monotonic() - started


def hit_while_a_render_waits(render_threads):
    with tempfile.TemporaryDirectory(prefix="plenary-render-") as tmp:
        db_path = make_demo_database(tmp)
        srv = start_plenary(tmp, db_path, {"render_threads": render_threads, "access_log": ""}, threads=1,
                            name=f"render-{render_threads}")
        try:
            for _ in range(2):
                first = requests.get(srv.url("/"), timeout=5)
            assert first.headers.get("x-cache") == "hit", "the home page is not served from the cache"
            lock = hold_write_lock(db_path)
            results = {}
            slow = threading.Thread(target=slow_render, args=(srv, results))
            slow.start()
            time.sleep(0.4)  # the /verify request is in, waiting on the lock
            try:
                started = time.monotonic()
                hit = requests.get(srv.url("/"), timeout=2)
                hit_seconds = time.monotonic() - started
            except requests.Timeout:
                hit, hit_seconds = None, None
            finally:
                lock.execute("ROLLBACK")
                lock.close()
            slow.join(20)
            assert results.get("status") == 400, f"/verify with a bad link answered {results}"
            return hit, hit_seconds, results["seconds"]
        finally:
            srv.stop()


def test_a_cached_page_is_served_while_another_page_waits_to_render():
    hit, seconds, slow_seconds = hit_while_a_render_waits(1)
    assert hit is not None, "the cached home page waited for another request's render"
    assert hit.status_code == 200 and hit.headers.get("x-cache") == "hit"
    assert seconds < 1.0, f"a cache hit took {seconds:.2f} s while another page rendered"
    assert slow_seconds >= 0.4, "the held-up page did not wait for the lock: the test proves nothing"


def test_without_render_threads_the_loop_waits():
    """The same with render_threads = 0: the handler holds the only loop, so the hit waits (this is what
    the render threads are for, and shows the test above can fail)."""
    hit, seconds, _ = hit_while_a_render_waits(0)
    assert hit is None or seconds >= 1.0, f"the hit came back in {seconds} s with the loop busy"


@pytest.fixture(scope="module")
def one_loop():
    with tempfile.TemporaryDirectory(prefix="plenary-render-many-") as tmp:
        db_path = make_demo_database(tmp)
        srv = start_plenary(tmp, db_path, {"render_threads": 2, "access_log": ""}, threads=1, name="render-many")
        srv.db_path = db_path
        yield srv
        assert srv.stop() == 0, "the server did not stop cleanly with renders in flight"


def test_many_misses_at_once_each_get_their_own_page(one_loop):
    rows = one_loop.query("SELECT slug, title FROM article WHERE status = 'published' AND audience = 'public' "
                          "ORDER BY id LIMIT 24")
    assert len(rows) >= 10

    def fetch(row):
        r = requests.get(one_loop.url(f"/article/{row[0]}"), timeout=10)
        return row, r

    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(pool.map(fetch, rows * 2))
    for (slug, title), r in answers:
        assert r.status_code == 200, f"/article/{slug}: {r.status_code}"
        assert h1_text(parse_html(r.text)) == title, f"/article/{slug} shows another page"
        assert r.headers.get("content-security-policy"), "a page rendered off the loop lacks its headers"


def test_answers_from_render_threads_keep_status_headers_and_revalidation(one_loop):
    missing = requests.get(one_loop.url("/article/no-such-article"), timeout=5)
    assert missing.status_code == 404 and "Page not found" in missing.text
    search = requests.get(one_loop.url("/search?q=pembrolizumab&page=999"), timeout=5)
    assert search.status_code == 404
    bad = requests.get(one_loop.url("/search?q=x&year=abc"), timeout=5)
    assert bad.status_code == 400
    page = requests.get(one_loop.url("/tags?render=1"), timeout=5)
    assert page.status_code == 200 and page.headers.get("etag")
    again = requests.get(one_loop.url("/tags?render=1"), headers={"If-None-Match": page.headers["etag"]},
                         timeout=5)
    assert again.status_code == 304
    head = requests.head(one_loop.url("/congresses?render=head"), timeout=5)
    assert head.status_code == 200 and head.text == "" and int(head.headers["content-length"]) > 0
    feed = requests.get(one_loop.url("/feed.rss?render=1"), timeout=5)
    assert feed.status_code == 200 and feed.headers["content-type"].startswith("application/rss+xml")
    gz = requests.get(one_loop.url("/congresses?render=gz"), headers={"Accept-Encoding": "gzip"}, timeout=5)
    assert gz.status_code == 200 and gz.headers.get("content-encoding") == "gzip" and "<html" in gz.text


def test_clients_that_go_away_while_their_page_renders_leave_the_server_whole(one_loop):
    """HTTP/2 streams reset and HTTP/1 connections closed before the answer: h2o drops those requests while
    render threads still work on them; the answers that come back are thrown away (under make check,
    AddressSanitizer would stop the server on any use of a dropped request)."""
    urls = [one_loop.url(f"/search?q=survival&gone={i}") for i in range(120)]
    for http in (["--http2-prior-knowledge"], ["--http1.1"]):
        args = ["curl", "-s", *http, "--parallel", "--parallel-max", "40", "-m", "0.01"]
        for u in urls:
            args += ["-o", "/dev/null", u]
        subprocess.run(args, timeout=60)
    assert one_loop.proc.poll() is None, f"the server died:\n{one_loop.log()[-3000:]}"
    for path in ("/", "/search?q=survival&gone=7", "/congresses"):
        r = requests.get(one_loop.url(path), timeout=10)
        assert r.status_code == 200 and "</html>" in r.text, path
