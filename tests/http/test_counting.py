"""First-party counting (issue 21): page views counted by the server itself, cache hit or miss; robots,
prefetches, HEAD, errors and staff not counted; reads from the article page's beacon (POST /count) once a
day per reader and article however often the page is reloaded; beacons for drafts, other sites' articles or
garbage refused with nothing counted; a signed-in reader's profile on the rows; ?via=feed and ?via=mail
counted without splitting the page cache; counts written in batches that a SIGKILL cannot corrupt and that
SIGTERM flushes; analytics = off counts nothing."""
import os
import re
import signal
import tempfile
import time

import pytest
import requests

from conftest import Reader, add_user, make_demo_database, make_staff, parse_html, start_plenary, unique_email

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0"
OTHER_BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 Version/17.1 Safari/605.1.15"
HEADERS = {"User-Agent": BROWSER, "Cookie": "plenary_consent=rejected"}


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-count-") as tmp:
        db_path = make_demo_database(tmp)
        s = start_plenary(tmp, db_path, {"outbox": os.path.join(tmp, "outbox"),
                                         "media_dir": os.path.join(tmp, "media")}, name="count-server")
        try:
            yield s
        finally:
            assert s.stop() == 0, "the counting server did not stop cleanly"


_taken = set()


def article(srv, site_id=1):
    """A published article of the site that no other test of this module counts on."""
    rows = srv.query("SELECT id, slug FROM article WHERE site_id = ? AND status = 'published' AND lang = '' "
                     "AND audience = 'public' "
                     "ORDER BY id", (site_id,))
    for row in rows:
        if (srv.port, row[0]) not in _taken:
            _taken.add((srv.port, row[0]))
            return {"id": row[0], "slug": row[1]}
    pytest.fail("the demo has too few articles for these tests")


def total(srv, article_id, event, **dims):
    where = "".join(f" AND {k} = ?" for k in dims)
    row = srv.query(f"SELECT COALESCE(SUM(n), 0) FROM analytics_count WHERE article_id = ? AND event = ?{where}",
                    (article_id, event, *dims.values()))
    return int(row[0][0])


def settled(srv, article_id, event, want, timeout=10, **dims):
    """The count once it reached want (or the timeout passed), and then a little longer: nothing more came."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and total(srv, article_id, event, **dims) < want:
        time.sleep(0.1)
    time.sleep(1.5)  # a worker hands its table every second, the writer writes it within the next
    return total(srv, article_id, event, **dims)


def view(srv, a, headers=None, query="", session=None):
    h = dict(HEADERS)
    h.update(headers or {})
    return (session or requests).get(srv.url(f"/article/{a['slug']}{query}"), headers=h, timeout=10,
                                     allow_redirects=False)


def beacon(srv, data, headers=None, session=None):
    h = {"User-Agent": BROWSER, "Origin": srv.base}
    h.update(headers or {})
    return (session or requests).post(srv.url("/count"), data=data, headers=h, timeout=10,
                                      allow_redirects=False)


def test_views_counted_for_cached_and_uncached_pages(srv):
    a = article(srv)
    s = requests.Session()  # one connection, one worker: each worker has its own page cache
    first, second = view(srv, a, session=s), view(srv, a, session=s)
    assert first.status_code == second.status_code == 200
    assert first.headers.get("x-cache") != "hit", "the first request should render the page"
    assert second.headers.get("x-cache") == "hit", "the second request should come from the page cache"
    assert settled(srv, a["id"], "view", 2) == 2
    # the page carries what its beacon needs, and no cookie was set for counting
    doc = parse_html(second.text)
    assert doc.find("article", **{"data-count": str(a["id"])}) is not None
    assert any("count" in (s.get("src") or "") for s in doc.find_all("script"))
    assert "set-cookie" not in second.headers


def test_pages_that_are_no_article_count_under_article_zero(srv):
    before = total(srv, 0, "view")
    r = requests.get(srv.url("/section/lung-cancer"), headers=HEADERS, timeout=10)
    assert r.status_code == 200
    assert settled(srv, 0, "view", before + 1) == before + 1


def test_robots_prefetches_head_errors_and_staff_not_counted(srv):
    a = article(srv)
    for ua in ("", "curl/8.5.0", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
               "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36"):
        assert view(srv, a, {"User-Agent": ua}).status_code == 200
    for h in ({"Sec-Purpose": "prefetch"}, {"Sec-Purpose": "prefetch;prerender"}, {"Purpose": "prefetch"},
              {"X-Moz": "prefetch"}):
        assert view(srv, a, h).status_code == 200
    assert requests.head(srv.url(f"/article/{a['slug']}"), headers=HEADERS, timeout=10).status_code == 200
    assert requests.get(srv.url(f"/article/{a['slug']}-gone"), headers=HEADERS, timeout=10).status_code == 404
    staff = make_staff(srv, "contributor")
    staff.http.headers["User-Agent"] = BROWSER
    assert staff.get(f"/article/{a['slug']}").status_code == 200
    staff.get("/admin")  # the back office is never counted
    assert beacon(srv, {"a": a["id"], "e": "read"}, session=staff.http).status_code == 204
    # then one reader's view: it is the only one counted
    assert view(srv, a).status_code == 200
    assert settled(srv, a["id"], "view", 1) == 1
    assert total(srv, a["id"], "read") == 0


def test_twenty_reloads_are_twenty_views_and_one_read(srv):
    a = article(srv)
    s = requests.Session()
    for _ in range(20):
        assert view(srv, a, session=s).status_code == 200
        assert beacon(srv, {"a": a["id"], "e": "read"}, session=s).status_code == 204
    assert settled(srv, a["id"], "view", 20) == 20
    assert total(srv, a["id"], "read") == 1
    # another browser on the same address is another reader; a play is counted apart from the read
    assert beacon(srv, {"a": a["id"], "e": "read"}, {"User-Agent": OTHER_BROWSER}).status_code == 204
    assert beacon(srv, {"a": a["id"], "e": "play"}).status_code == 204
    assert beacon(srv, {"a": a["id"], "e": "play"}).status_code == 204
    assert settled(srv, a["id"], "read", 2) == 2
    assert total(srv, a["id"], "play") == 1


def test_beacons_refused_for_drafts_other_sites_and_garbage(srv):
    draft = article(srv)
    srv.execute("UPDATE article SET status = 'draft' WHERE id = ?", (draft["id"],))
    other = article(srv, site_id=2)
    mine = article(srv)
    r = beacon(srv, {"a": draft["id"], "e": "read"})
    assert r.status_code == 404, "a draft cannot be read"
    r = beacon(srv, {"a": other["id"], "e": "read"})
    assert r.status_code == 404, "another site's article is not this site's to count"
    gated = srv.query("SELECT id, slug FROM article WHERE site_id = 1 AND status = 'published' AND audience = 'hcp' "
                      "ORDER BY id LIMIT 1")[0]
    r = beacon(srv, {"a": gated[0], "e": "read"})
    assert r.status_code == 404, "an anonymous reader sees only the teaser of an article for professionals"
    page = view(srv, {"id": gated[0], "slug": gated[1]})
    assert page.status_code == 200 and "data-count" not in page.text, "a teaser sends no read beacon"
    for data in ({"a": "abc", "e": "read"}, {"a": mine["id"], "e": "stare"}, {"a": mine["id"]}, {"e": "read"},
                 {"a": "-3", "e": "read"}, {"a": "1e3", "e": "read"}, {"a": "9" * 30, "e": "read"}, {"a": "", "e": ""}):
        r = beacon(srv, data)
        assert r.status_code == 400, (data, r.status_code)
        assert "read or play" in r.text
    assert beacon(srv, None).status_code == 415, "a beacon is a form"
    r = beacon(srv, {"a": mine["id"], "e": "read"}, {"Origin": "https://elsewhere.example"})
    assert r.status_code == 403, "another site's page cannot count for ours"
    r = requests.post(srv.url("/count"), data="a=1&e=read" + "x" * 2000, timeout=10,
                      headers={"User-Agent": BROWSER, "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413, "the beacon's body is tiny"
    # a read that is right is counted: the ones above were not
    assert beacon(srv, {"a": mine["id"], "e": "read"}).status_code == 204
    assert settled(srv, mine["id"], "read", 1) == 1
    assert total(srv, draft["id"], "read") == 0 and total(srv, other["id"], "read") == 0
    assert total(srv, gated[0], "read") == 0


def test_signed_in_reader_carries_profile(srv):
    a = article(srv)
    email = unique_email("counted")
    p, password = add_user(srv.db_path, email, "reader", name="Dr Counted")
    assert p.returncode == 0 and password, p.stderr
    srv.execute("UPDATE \"user\" SET profession = 'physician', specialty = 'Medical oncology', country = 'Belgium' "
                "WHERE email = ?", (email,))
    reader = Reader(srv, email=email, password=password)
    assert reader.signin().status_code == 303
    reader.http.headers["User-Agent"] = BROWSER
    assert reader.get(f"/article/{a['slug']}").status_code == 200
    assert beacon(srv, {"a": a["id"], "e": "read"}, session=reader.http).status_code == 204
    # and an anonymous reader beside
    assert view(srv, a).status_code == 200
    dims = {"profession": "physician", "specialty": "Medical oncology", "country": "Belgium"}
    assert settled(srv, a["id"], "read", 1, **dims) == 1
    assert total(srv, a["id"], "view", **dims) == 1
    assert total(srv, a["id"], "view", profession="", specialty="", country="") == 1


def test_via_feed_and_mail_counted_without_splitting_the_cache(srv):
    a = article(srv)
    s = requests.Session()  # one connection, one worker: each worker has its own page cache
    first = view(srv, a, query="?via=feed", session=s)
    assert first.status_code == 200
    plain = view(srv, a, session=s)
    assert plain.headers.get("x-cache") == "hit", "?via=feed made a page of its own in the cache"
    again = view(srv, a, query="?via=feed", session=s)
    assert again.headers.get("x-cache") == "hit"
    mail = view(srv, a, query="?via=mail", session=s)
    assert mail.headers.get("x-cache") == "hit"
    assert settled(srv, a["id"], "view", 4) == 4
    assert total(srv, a["id"], "feed") == 2
    assert total(srv, a["id"], "mail") == 1
    # the marker is taken out, other parameters stay part of the address
    other = view(srv, a, query="?via=feed&page=2", session=s)
    assert other.status_code == 200 and other.headers.get("x-cache") != "hit"
    # feeds link their items with the marker; the guid and id stay the article's address
    rss = requests.get(srv.url("/feed.rss"), timeout=10).text
    assert re.search(r"<link>[^<]*/article/[^<?]+\?via=feed</link>", rss)
    assert not re.search(r"<guid[^>]*>[^<]*via=", rss)
    atom = requests.get(srv.url("/feed.atom"), timeout=10).text
    assert re.search(r'<link rel="alternate" type="text/html" href="[^"]*/article/[^"?]+\?via=feed"/>', atom)
    assert not re.search(r"<id>[^<]*via=", atom)


def test_referrer_host_only_from_other_sites(srv):
    a = article(srv)
    assert view(srv, a, {"Referer": "https://News.Example.COM/some/path?q=1"}).status_code == 200
    assert view(srv, a, {"Referer": f"http://oncology.localhost:{srv.port}/section/x"}).status_code == 200
    assert view(srv, a, {"Referer": "https://dermatology.localhost/"}).status_code == 200  # a sister site
    assert settled(srv, a["id"], "view", 3) == 3
    assert total(srv, a["id"], "view", referrer="news.example.com") == 1
    assert total(srv, a["id"], "view", referrer="") == 2
    rows = srv.query("SELECT referrer FROM analytics_count WHERE article_id = ?", (a["id"],))
    assert all("/" not in r[0] and "?" not in r[0] for r in rows), "only the host is kept"


def _crash_server(tmp, name, **settings):
    db_path = make_demo_database(tmp)
    return start_plenary(tmp, db_path, {"outbox": os.path.join(tmp, "outbox"),
                                        "media_dir": os.path.join(tmp, "media"), **settings}, name=name)


def _first_article(s):
    row = s.query("SELECT id, slug FROM article WHERE site_id = 1 AND status = 'published' AND audience = 'public' "
                  "AND lang = '' ORDER BY id LIMIT 1")
    return {"id": row[0][0], "slug": row[0][1]}


def test_sigkill_during_counting_leaves_the_database_consistent():
    with tempfile.TemporaryDirectory(prefix="plenary-count-kill-") as tmp:
        s = _crash_server(tmp, "count-kill")
        a = _first_article(s)
        done = []  # the time each view was answered
        sess = requests.Session()
        end = time.monotonic() + 4
        while time.monotonic() < end:
            assert view(s, a, session=sess).status_code == 200
            done.append(time.monotonic())
        s.proc.send_signal(signal.SIGKILL)
        killed = time.monotonic()
        s.proc.wait()
        stored = total(s, a["id"], "view")
        # everything answered more than an interval (a second to hand over, one to write) and a margin for a
        # busy machine before the kill is there; nothing is counted twice or made up
        assert len([t for t in done if t < killed - 3.0]) <= stored <= len(done), (stored, len(done))
        if not s.db_path.startswith("postgresql:"):
            assert s.query("PRAGMA integrity_check")[0][0] == "ok"
        # the database takes a server again, which counts on from there
        s2 = start_plenary(tmp, s.db_path, {"outbox": os.path.join(tmp, "outbox"),
                                            "media_dir": os.path.join(tmp, "media")}, name="count-kill-2")
        try:
            assert view(s2, a).status_code == 200
            assert settled(s2, a["id"], "view", stored + 1) == stored + 1
        finally:
            assert s2.stop() == 0


def test_sigterm_flushes_the_last_counts():
    with tempfile.TemporaryDirectory(prefix="plenary-count-term-") as tmp:
        s = _crash_server(tmp, "count-term")
        a = _first_article(s)
        sess = requests.Session()
        for _ in range(7):
            assert view(s, a, session=sess).status_code == 200
        assert beacon(s, {"a": a["id"], "e": "read"}, session=sess).status_code == 204
        assert s.stop() == 0  # at once: less than a second after the last count
        assert total(s, a["id"], "view") == 7
        assert total(s, a["id"], "read") == 1


def test_analytics_off_counts_nothing():
    with tempfile.TemporaryDirectory(prefix="plenary-count-off-") as tmp:
        s = _crash_server(tmp, "count-off", analytics="off")
        a = _first_article(s)
        r = view(s, a)
        assert r.status_code == 200
        doc = parse_html(r.text)
        assert doc.find("article", **{"data-count": str(a["id"])}) is None, "no beacon when counting is off"
        assert beacon(s, {"a": a["id"], "e": "read"}).status_code == 204
        time.sleep(2.5)
        assert s.stop() == 0
        assert s.query("SELECT count(*) FROM analytics_count")[0][0] == 0


def test_beacons_past_the_client_budget_are_refused():
    with tempfile.TemporaryDirectory(prefix="plenary-count-budget-") as tmp:
        s = _crash_server(tmp, "count-budget")
        try:
            a = _first_article(s)
            sess = requests.Session()
            codes = [beacon(s, {"a": a["id"], "e": "read"}, session=sess).status_code for _ in range(600)]
            assert codes == [204] * 600, "600 beacons an hour are one client's budget"
            r = beacon(s, {"a": a["id"], "e": "read"}, session=sess)
            assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
            # another user agent on the same address shares the address's budget
            r = beacon(s, {"a": a["id"], "e": "read"}, {"User-Agent": OTHER_BROWSER})
            assert r.status_code == 429
            assert settled(s, a["id"], "read", 1) == 1
        finally:
            assert s.stop() == 0
