"""HTTP itself: HEAD, methods, sizes, caching, security headers, malformed requests, logging, HTTP/1.0."""
import re
import time
import uuid

import pytest

from conftest import (SERVER, Connection, form_token, get, head, parse_html, post, raw, read_responses, request,
                      visible_articles)


def an_article():
    return visible_articles("a.audience = 'public'")[0]["slug"]


def css_url():
    doc = parse_html(get("/").text)
    links = [x for x in doc.find_all("link") if x.get("rel") == "stylesheet"
             and x.get("href", "").startswith("/static/site.css")]
    assert len(links) == 1, links
    return links[0].get("href")


def assert_still_serving():
    r = get("/healthz")
    assert r.status_code == 200 and r.text == "ok\n"
    assert get("/").status_code == 200


# ---- HEAD ------------------------------------------------------------------------------------------------

HEAD_PATHS = ["/", "/congresses", "ARTICLE", "/tags", "/no-such-page", "/healthz", "CSS"]


def resolve(path):
    return {"ARTICLE": lambda: f"/article/{an_article()}", "CSS": css_url}.get(path, lambda: path)()


@pytest.mark.parametrize("path", HEAD_PATHS)
def test_head_has_the_headers_of_get_and_no_body(path):
    path = resolve(path)
    g = get(path)
    h = head(path)
    assert h.status_code == g.status_code
    # the same representation: its encoding, and the length of the body as sent (requests decodes g.content)
    assert h.headers.get("content-encoding") == g.headers.get("content-encoding")
    assert h.headers.get("content-length") == g.headers.get("content-length")
    if not g.headers.get("content-encoding"):
        assert h.headers.get("content-length") == str(len(g.content))
    assert h.headers.get("content-type") == g.headers.get("content-type")
    assert h.content == b""
    # on one keep-alive connection: if HEAD sent a body, the next response would not parse
    conn = Connection()
    try:
        conn.send(f"HEAD {path} HTTP/1.1\r\nHost: 127.0.0.1:{SERVER.port}\r\n\r\n".encode())
        first = conn.response(head_only=True)
        conn.send(f"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{SERVER.port}\r\n\r\n".encode())
        second = conn.response()
    finally:
        conn.close()
    assert first.status == g.status_code
    assert second is not None and second.status == 200 and second.body == b"ok\n"


# ---- methods and sizes -----------------------------------------------------------------------------------

@pytest.mark.parametrize("method,path,allow", [
    ("POST", "/article/x", "GET, HEAD"),
    ("PUT", "/", "GET, HEAD"),
    ("DELETE", "/", "GET, HEAD"),
    ("PATCH", "/congresses", "GET, HEAD"),
    ("GET", "/consent", "POST"),
    ("PUT", "/contact", "GET, HEAD, POST"),
])
def test_wrong_method_is_405_with_allow(method, path, allow):
    r = request(method, path, data="x=1", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 405
    assert r.headers.get("allow") == allow
    assert r.headers.get("content-type", "").startswith("text/html")
    assert "<h1>Method not allowed</h1>" in r.text


@pytest.mark.parametrize("path", ["/contact", "/consent"])
def test_body_over_256_kib_is_413(path):
    r = post(path, data=b"a=" + b"x" * (256 * 1024), headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413
    assert_still_serving()


def test_body_just_under_256_kib_is_read():
    # a body the limit allows reaches the handler: without a token it gets the 403 page, not 413
    r = post("/contact", data=b"a=" + b"x" * (256 * 1024 - 100),
             headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 403


# ---- conditional requests and caching --------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/congresses", "ARTICLE", "CSS"])
def test_etag_and_if_none_match_give_304(path):
    path = resolve(path)
    r = get(path)
    etag = r.headers.get("etag")
    assert r.status_code == 200 and etag and re.fullmatch(r'(W/)?"[^"]+"', etag), etag
    n = get(path, headers={"If-None-Match": etag})
    assert n.status_code == 304
    assert n.content == b""
    assert n.headers.get("etag") == etag
    other = get(path, headers={"If-None-Match": '"not-this-one"'})
    assert other.status_code == 200 and other.content == r.content


def test_304_has_no_wrong_content_length():
    # RFC 9110 8.6: a 304 may carry Content-Length only if it equals the length of the 200's content
    r = get("/congresses")
    n = get("/congresses", headers={"If-None-Match": r.headers["etag"]})
    assert n.status_code == 304
    assert n.headers.get("content-length") in (None, str(len(r.content)))


def test_html_pages_vary_on_cookie_and_are_revalidated():
    r = get("/")
    assert "cookie" in r.headers.get("vary", "").lower()
    assert "no-cache" in r.headers.get("cache-control", "")


def test_static_css_at_its_versioned_url_is_immutable():
    u = css_url()
    assert re.fullmatch(r"/static/site\.css\?v=[0-9a-f]{10}", u), u
    r = get(u)
    assert r.status_code == 200
    assert r.headers.get("content-type") == "text/css; charset=utf-8"
    cc = r.headers.get("cache-control", "")
    assert "immutable" in cc and "max-age=31536000" in cc
    assert len(r.content) > 100
    for other in ("/static/site.css", "/static/site.css?v=0000000000"):
        o = get(other)
        assert o.status_code == 200 and o.content == r.content
        assert "immutable" not in o.headers.get("cache-control", ""), other


# ---- security headers ------------------------------------------------------------------------------------

def check_security_headers(headers, what):
    h = {k.lower(): v for k, v in headers}
    csp = h.get("content-security-policy")
    assert csp, f"{what}: no Content-Security-Policy"
    assert "unsafe-inline" not in csp, f"{what}: {csp}"
    assert "frame-ancestors 'none'" in csp, f"{what}: {csp}"
    assert h.get("x-content-type-options") == "nosniff", f"{what}: X-Content-Type-Options"
    assert h.get("referrer-policy") in ("no-referrer", "same-origin", "strict-origin",
                                        "strict-origin-when-cross-origin"), f"{what}: Referrer-Policy"
    server = h.get("server", "")
    assert not re.search(r"\d", server), f"{what}: Server header names a version: {server}"


def _headers_of(r):
    return r.status_code, list(r.headers.items())


def _requests_case(method, path, **kw):
    return lambda: _headers_of(request(method, resolve(path), **kw))


def _raw_case(data):
    def run():
        resp = read_responses(raw(data))[0]
        return resp.status, resp.headers
    return run


def _token():
    return form_token(get("/cookies").text)


def _not_modified():
    etag = get("/").headers["etag"]
    return _headers_of(get("/", headers={"If-None-Match": etag}))


FORM = {"Content-Type": "application/x-www-form-urlencoded"}
SECURITY_CASES = {
    "200 page": (200, _requests_case("GET", "/")),
    "200 article": (200, _requests_case("GET", "ARTICLE")),
    "200 css": (200, _requests_case("GET", "CSS")),
    "200 healthz": (200, _requests_case("GET", "/healthz")),
    "HEAD": (200, _requests_case("HEAD", "/")),
    "304": (304, _not_modified),
    "303 consent": (303, lambda: _headers_of(post("/consent", data={"form_token": _token(), "choice": "rejected",
                                                                     "return": "/"}))),
    "400 page number": (400, _requests_case("GET", "/?page=abc")),
    "403 form token": (403, _requests_case("POST", "/consent", data="choice=accepted", headers=FORM)),
    "404": (404, _requests_case("GET", "/no-such-page")),
    "405": (405, _requests_case("DELETE", "/")),
    "415": (415, _requests_case("POST", "/consent", data="choice=accepted", headers={"Content-Type": "text/plain"})),
    "422": (422, lambda: _headers_of(post("/contact", data={"form_token": _token()}))),
    "431": (431, _raw_case(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 70000 + b"\r\n\r\n")),
    # over max_body_kb but under the upload limit h2o lets through: Plenary's own 413 page
    "413 page": (413, _requests_case("POST", "/contact", data=b"a=" + b"x" * (257 * 1024), headers=FORM)),
    # far over max_body_kb: h2o refuses from the Content-Length before reading the body, and Plenary's
    # filter gives that answer its own small page and the security headers
    "413 at the headers": (413, _raw_case(b"POST /contact HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                          b"application/x-www-form-urlencoded\r\nContent-Length: 100000000"
                                          b"\r\n\r\na=x")),
}

# h2o itself answers these before any handler runs, with a fixed plain-text reply that cannot carry
# headers: there is no HTML in them for a CSP to protect, and the connection is closed.
PROTOCOL_ERRORS = {
    "400 framing": (400, _raw_case(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx")),
}


@pytest.mark.parametrize("case", list(PROTOCOL_ERRORS))
def test_protocol_errors_are_plain_text_and_close(case):
    want, run = PROTOCOL_ERRORS[case]
    status, headers = run()
    assert status == want, f"{case}: status {status}"
    h = {k.lower(): v for k, v in headers}
    assert h.get("content-type", "").startswith("text/plain"), h
    assert h.get("connection", "").lower() == "close", h


@pytest.mark.parametrize("case", list(SECURITY_CASES))
def test_security_headers_on_every_response(case):
    want, run = SECURITY_CASES[case]
    status, headers = run()
    assert status == want, f"{case}: status {status}"
    check_security_headers(headers, case)


def test_server_header_has_no_version():
    for r in (get("/"), get("/no-such-page"), get("/healthz")):
        server = r.headers.get("server")
        assert server is not None and server.strip()
        assert not re.search(r"\d", server), server


# ---- malformed requests over raw sockets -----------------------------------------------------------------

MALFORMED = {
    "garbage request line": (b"GARBAGE\r\n\r\n", (400,)),
    "bad method line": (b"GET /\r\nHost: x\r\n\r\n", (400,)),
    "content-length with transfer-encoding":
        (b"POST /contact HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
         (400,)),
    "two content-lengths": (b"POST /contact HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n"
                            b"hello!", (400,)),
    "two equal content-lengths": (b"POST /contact HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                                  b"Content-Length: 5\r\n\r\nhello", (400,)),
    "folded header": (b"GET / HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n  b\r\n\r\n", (400,)),
    "transfer-encoding gzip": (b"POST /contact HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                               b"0\r\n\r\n", (400,)),
    "70 KB header": (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (70 * 1024) + b"\r\n\r\n", (431,)),
    "70 KB of headers": (b"GET / HTTP/1.1\r\nHost: x\r\n" +
                         b"".join(b"X-H%d: %s\r\n" % (i, b"b" * 1000) for i in range(70)) + b"\r\n", (431,)),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_request_gets_4xx_and_the_server_goes_on(case):
    data, statuses = MALFORMED[case]
    out = raw(data)
    responses = read_responses(out)
    assert len(responses) == 1, f"{case}: {len(responses)} responses: {out[:400]!r}"
    assert responses[0].status in statuses, f"{case}: {responses[0].status}"
    assert_still_serving()


def test_content_length_with_transfer_encoding_on_a_keep_alive_connection():
    marker = uuid.uuid4().hex
    conn = Connection()
    try:
        conn.send(f"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{SERVER.port}\r\n\r\n".encode())
        first = conn.response()
        assert first.status == 200 and first.body == b"ok\n"
        smuggled = f"GET /smuggled-{marker} HTTP/1.1\r\nHost: x\r\n\r\n"
        body = f"0\r\n\r\n{smuggled}"
        conn.send((f"POST /contact HTTP/1.1\r\nHost: 127.0.0.1:{SERVER.port}\r\nContent-Length: {len(body)}\r\n"
                   f"Transfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n"
                   f"{body}").encode())
        second = conn.response()
        assert second is not None and second.status == 400
        assert conn.closed(), "the connection stayed open after an ambiguous request"
    finally:
        conn.close()
    time.sleep(0.2)
    assert f"/smuggled-{marker}" not in SERVER.log(), "the smuggled request was served"
    assert_still_serving()


def test_keep_alive_serves_several_requests():
    conn = Connection()
    try:
        for path in ("/healthz", "/", "/healthz"):
            conn.send(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{SERVER.port}\r\n\r\n".encode())
            resp = conn.response()
            assert resp is not None and resp.status == 200
    finally:
        conn.close()


# ---- logs and old clients --------------------------------------------------------------------------------

def test_access_log_lines_appear_in_the_server_log():
    marker = uuid.uuid4().hex
    assert get(f"/healthz?probe={marker}").status_code == 200
    assert get(f"/no-such-page-{marker}").status_code == 404
    deadline = time.monotonic() + 3
    log = ""
    while time.monotonic() < deadline:
        log = SERVER.log()
        if f"/no-such-page-{marker}" in log and f"probe={marker}" in log:
            break
        time.sleep(0.05)
    assert re.search(rf'"GET /healthz\?probe={marker} HTTP/1\.1" 200 ', log), log[-2000:]
    assert re.search(rf'"GET /no-such-page-{marker} HTTP/1\.1" 404 ', log), log[-2000:]


def test_http_1_0():
    out = raw(b"GET / HTTP/1.0\r\n\r\n")
    responses = read_responses(out)
    assert len(responses) == 1
    r = responses[0]
    assert r.status == 200
    assert int(r.header("content-length")) == len(r.body) > 1000
    assert b"</html>" in r.body
    out = raw(b"HEAD /healthz HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
    assert out.startswith(b"HTTP/1.") and b" 200 " in out.split(b"\r\n")[0]
    assert out.endswith(b"\r\n\r\n")
