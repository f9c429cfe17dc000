"""Gated articles: who reads the body, that lists never show it, and that the page cache never hands one
reader's variant to another (the server runs 2 worker threads, each with a cache of its own).

Readers at each audience level sign up, confirm and sign in on accounts_server (conftest.py); the verified
HCP's status is written to the database as an editor's decision would (test_accounts.py tests that flow).
"""
import re

import pytest

from conftest import PortConnection, Reader, make_reader, parse_html, raw_get, text_of

LEVELS = ["anonymous", "unverified", "member", "hcp", "verified_hcp"]
READS = {"anonymous": 0, "unverified": 0, "member": 1, "hcp": 2, "verified_hcp": 3}  # highest audience read
AUDIENCE = {"public": 0, "members": 1, "hcp": 2, "verified_hcp": 3}
SIGNED_IN = "Signed in as"

VISIBLE = ("a.status = 'published' AND a.published_at <= strftime('%s','now') AND a.site_id = "
           "(SELECT id FROM site WHERE is_default = 1)")


@pytest.fixture(scope="module")
def srv(accounts_server):
    return accounts_server


@pytest.fixture(scope="module")
def readers(srv):
    """One reader per level; names with HTML special characters."""
    out = {"anonymous": Reader(srv)}
    names = {"unverified": "Una <Unverified> & co", "member": "Mem \"Member\" O'Brien",
             "hcp": "Dr <b>Hcp</b> & Partners", "verified_hcp": "Prof. Véri <i>Fied</i>"}
    for level, name in names.items():
        out[level] = make_reader(srv, level, name=name)
    return out


def distinctive(srv, body):
    """The longest run of plain text in the body that no title or summary of the site contains."""
    shown = " ".join(r[0] + " " + r[1] for r in srv.query("SELECT title, summary FROM article"))
    runs = sorted({m.group(0).strip() for m in re.finditer(r"[A-Za-z0-9 ,]{30,}", body)}, key=len, reverse=True)
    for run in runs:
        if run not in shown:
            return run
    pytest.fail("a gated article has no distinctive sentence in its body")


@pytest.fixture(scope="module")
def articles(srv):
    """Every visible gated article of the default site, and the newest public one as a control; each with
    the sentence of its body that tells whether the body is on a page."""
    rows = srv.query(f"SELECT a.* FROM article a WHERE {VISIBLE} AND a.audience <> 'public' ORDER BY a.id")
    assert {r["audience"] for r in rows} == {"members", "hcp", "verified_hcp"}, "the demo lacks a gated level"
    public = srv.query(f"SELECT a.* FROM article a WHERE {VISIBLE} AND a.audience = 'public' "
                       "ORDER BY a.published_at DESC LIMIT 1")
    return [dict(r, sentence=distinctive(srv, r["body"])) for r in rows + public]


def reader_get(reader, path):
    r = reader.get(path)
    assert r.status_code == 200, f"GET {path}: {r.status_code}"
    return r


def shown_name(html):
    span = parse_html(html).find("span", class_="account-name")
    return text_of(span)[len(SIGNED_IN) + 1:] if span is not None else None


# ---- the article page ------------------------------------------------------------------------------------

@pytest.mark.parametrize("level", LEVELS)
def test_article_body_is_shown_exactly_when_the_level_allows(readers, articles, level):
    reader = readers[level]
    for a in articles:
        path = f"/article/{a['slug']}"
        r = reader_get(reader, path)
        allowed = AUDIENCE[a["audience"]] <= READS[level]
        assert (a["sentence"] in r.text) == allowed, \
            f"{level} reading {a['audience']} article {a['slug']}: body {'missing' if allowed else 'shown'}"
        doc = parse_html(r.text)
        gate = doc.find("section", class_="gate")
        assert (gate is None) == allowed, f"{level}, {a['slug']}: gate {'shown' if allowed else 'missing'}"
        assert (doc.find("div", class_="article-body") is not None) == allowed
        if level == "anonymous":
            assert SIGNED_IN not in r.text
        else:
            assert shown_name(r.text) == reader.name
        if allowed:
            continue
        # the gate tells this reader what to do
        text = text_of(gate)
        if level == "anonymous":
            assert gate.find("a", href=f"/signin?next={path}") is not None and gate.find("a", href=f"/signup?next={path}")
        elif level == "unverified":
            assert "Confirm your email address" in text
        elif level == "member":
            assert "update your profile" in text
        elif level == "hcp":
            assert a["audience"] == "verified_hcp" and "Ask for verification" in text


def test_a_signed_in_page_is_private(readers, articles):
    gated = next(a for a in articles if a["audience"] == "hcp")
    r = reader_get(readers["hcp"], f"/article/{gated['slug']}")
    assert r.headers.get("cache-control") == "private, no-store"
    assert "cookie" in r.headers.get("vary", "").lower()
    assert "etag" not in {k.lower() for k in r.headers}
    r = reader_get(readers["anonymous"], f"/article/{gated['slug']}")
    assert "cookie" in r.headers.get("vary", "").lower(), "shared caches may hand a reader's page to others"


# ---- lists -----------------------------------------------------------------------------------------------

def list_pages(srv, articles):
    """Home, every section, and the congress hubs and tag pages of the gated articles: first pages only;
    each list's further pages are followed through its rel=next links."""
    starts = ["/", "/congresses", "/tags"]
    starts += [f"/section/{r['slug']}" for r in srv.query("SELECT slug FROM section WHERE site_id = "
                                                           "(SELECT id FROM site WHERE is_default = 1)")]
    ids = [a["id"] for a in articles if a["audience"] != "public"]
    marks = ",".join("?" * len(ids))
    starts += [f"/congress/{r['slug']}" for r in srv.query(
        f"SELECT DISTINCT c.slug FROM congress c JOIN article a ON a.congress_id = c.id WHERE a.id IN ({marks})", ids)]
    starts += [f"/tag/{r['slug']}" for r in srv.query(
        f"SELECT DISTINCT t.slug FROM tag t JOIN article_tag x ON x.tag_id = t.id WHERE x.article_id IN ({marks})",
        ids)]
    return starts


@pytest.mark.parametrize("level", LEVELS)
def test_lists_never_show_a_gated_body(srv, readers, articles, level):
    reader = readers[level]
    gated = [a for a in articles if a["audience"] != "public"]
    carded = set()
    for start in list_pages(srv, articles):
        path, seen = start, 0
        while path and seen < 20:
            r = reader_get(reader, path)
            for a in gated:
                assert a["sentence"] not in r.text, f"{level}: {path} shows the body of {a['slug']}"
            doc = parse_html(r.text)
            carded |= {x.get("href")[len("/article/"):] for x in doc.find_all("a")
                       if (x.get("href") or "").startswith("/article/")}
            nxt = doc.find("a", rel="next")
            path, seen = (nxt.get("href") if nxt is not None else None), seen + 1
    missing = [a["slug"] for a in gated if a["slug"] not in carded]
    assert not missing, f"the lists link no card of {missing}: the check above proved nothing for them"


# ---- the page cache never crosses variants ---------------------------------------------------------------

def fetch(conn, srv, path, cookie=None):
    conn.send(raw_get(srv, path, cookie))
    resp = conn.response()
    assert resp is not None, f"the connection closed before answering {path}"
    assert resp.status == 200, f"{path}: {resp.status}"
    return resp.body.decode("utf-8")


def assert_anonymous_variant(html, a, how):
    assert a["sentence"] not in html, f"{how}: an anonymous request got the {a['audience']} body of {a['slug']}"
    assert SIGNED_IN not in html, f"{how}: an anonymous request got a signed-in page"


def test_the_cache_never_serves_a_readers_variant_to_anonymous_requests(srv, readers, articles):
    for a in [x for x in articles if x["audience"] != "public"]:
        path = f"/article/{a['slug']}"
        privileged = readers["verified_hcp"] if a["audience"] == "verified_hcp" else readers["hcp"]
        for rnd in range(4):
            conn = PortConnection(srv.port)
            try:
                html = fetch(conn, srv, path, privileged.cookie)
                assert a["sentence"] in html and shown_name(html) == privileged.name, f"round {rnd}: no body"
                # the SAME keep-alive connection, so the same worker and its cache
                assert_anonymous_variant(fetch(conn, srv, path), a, f"round {rnd}, same connection")
                html = fetch(conn, srv, path, readers["unverified"].cookie)
                assert a["sentence"] not in html and shown_name(html) == readers["unverified"].name
                html = fetch(conn, srv, path, "B" * 43)  # a well-formed cookie of no session
                assert_anonymous_variant(html, a, f"round {rnd}, unknown cookie")
                assert a["sentence"] in fetch(conn, srv, path, privileged.cookie)
            finally:
                conn.close()
            for k in range(3):  # fresh connections, landing on either worker
                conn = PortConnection(srv.port)
                try:
                    assert_anonymous_variant(fetch(conn, srv, path), a, f"round {rnd}, fresh connection {k}")
                finally:
                    conn.close()


def test_a_cached_anonymous_variant_is_not_served_to_a_reader(srv, readers, articles):
    a = next(x for x in articles if x["audience"] == "hcp")
    path = f"/article/{a['slug']}"
    for rnd in range(4):
        conn = PortConnection(srv.port)
        try:
            assert_anonymous_variant(fetch(conn, srv, path), a, f"round {rnd}")
            html = fetch(conn, srv, path, readers["hcp"].cookie)
            assert a["sentence"] in html, f"round {rnd}: the HCP got the anonymous page from the cache"
            html = fetch(conn, srv, path, readers["member"].cookie)
            assert a["sentence"] not in html, f"round {rnd}: a member got the HCP page from the cache"
            assert shown_name(html) == readers["member"].name
        finally:
            conn.close()


def test_pipelined_requests_of_two_variants_get_their_own_pages(srv, readers, articles):
    a = next(x for x in articles if x["audience"] == "verified_hcp")
    path = f"/article/{a['slug']}"
    for _ in range(3):
        conn = PortConnection(srv.port)
        try:
            conn.send(raw_get(srv, path, readers["verified_hcp"].cookie) + raw_get(srv, path) +
                      raw_get(srv, path, readers["verified_hcp"].cookie) + raw_get(srv, path))
            bodies = [conn.response().body.decode("utf-8") for _ in range(4)]
        finally:
            conn.close()
        assert a["sentence"] in bodies[0] and a["sentence"] in bodies[2]
        assert_anonymous_variant(bodies[1], a, "pipelined")
        assert_anonymous_variant(bodies[3], a, "pipelined")


def test_each_reader_sees_their_own_name_escaped(srv, articles):
    """Two readers of the same level share cached pages; the name and form token spliced in are their own."""
    first = make_reader(srv, "hcp", name='Dr <b>Ann</b> "Smith" & Co')
    second = make_reader(srv, "hcp", name="Bob O'Neil <script>alert(1)</script>")
    gated = next(x for x in articles if x["audience"] == "hcp")
    paths = ["/", f"/article/{gated['slug']}", "/congresses"]
    for rnd in range(3):
        shared = PortConnection(srv.port)
        try:
            for path in paths:
                for me, other in ((first, second), (second, first)):
                    for conn in (shared, PortConnection(srv.port)):
                        html = fetch(conn, srv, path, me.cookie)
                        if conn is not shared:
                            conn.close()
                        assert shown_name(html) == me.name, f"round {rnd}, {path}: {shown_name(html)!r}"
                        assert other.name not in parse_html(html).text(), f"{path}: the other reader's name"
                        assert "<b>Ann</b>" not in html and "<script>alert(1)</script>" not in html
                        # the form token spliced into the shared page belongs to this reader's session
                        token = parse_html(html).find("form", action="/signout").find(
                            "input", name="form_token").get("value")
                        r = me.post("/account/resend", data={"form_token": token})
                        assert r.status_code == 303, f"{path}: the token on {me.name}'s page is not theirs"
        finally:
            shared.close()
