"""Black-box HTTP tests of Plenary: one server for the whole session, on the demo database.

PLENARY_BIN names the binary (default ./plenary, relative to the repository root). The server runs from
the repository root (so the default theme folder is found), on a free loopback port, with its standard
output and error (the access log and messages) in a log file beside the database.

Helpers for the tests: get/post/head/request (requests, against the session's server), raw() for bytes
over a socket, read_responses() to split raw bytes into responses, parse_html() for a small DOM, and
db() for a read-only look at the database the server uses.
"""
import os
import re
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
from html.parser import HTMLParser

import pytest
import requests

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Server:
    base = ""  # http://127.0.0.1:PORT
    port = 0
    db_path = ""
    log_path = ""
    proc = None

    def log(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()


SERVER = Server()


def _binary():
    b = os.environ.get("PLENARY_BIN") or "./plenary"
    return b if os.path.isabs(b) else os.path.join(REPO, b)


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _make_database(binary, tmp):
    """`plenary demo` into a new file; the tests read what they expect from it."""
    path = os.path.join(tmp, "demo.db")
    subprocess.run([binary, "demo", path], cwd=REPO, check=True, capture_output=True, timeout=60)
    with sqlite3.connect(path) as c:
        articles = c.execute("SELECT count(*) FROM article").fetchone()[0]
    assert articles > 0, "`plenary demo` made a database without articles"
    return path


@pytest.fixture(scope="session", autouse=True)
def server():
    binary = _binary()
    assert os.access(binary, os.X_OK), f"no Plenary binary at {binary} (build it with make plenary)"
    with tempfile.TemporaryDirectory(prefix="plenary-http-") as tmp:
        SERVER.db_path = _make_database(binary, tmp)
        SERVER.log_path = os.path.join(tmp, "server.log")
        last = ""
        for _attempt in range(3):  # a port picked free can be taken before the server binds it
            SERVER.port = _free_port()
            SERVER.base = f"http://127.0.0.1:{SERVER.port}"
            log = open(SERVER.log_path, "w")
            proc = subprocess.Popen(
                [binary, "serve", "--db", SERVER.db_path, "--listen", f"127.0.0.1:{SERVER.port}", "--threads", "2"],
                cwd=REPO, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            log.close()
            deadline = time.monotonic() + 15
            up = False
            while time.monotonic() < deadline and proc.poll() is None:
                try:
                    if requests.get(SERVER.base + "/healthz", timeout=1).status_code == 200:
                        up = True
                        break
                except requests.RequestException:
                    pass
                time.sleep(0.05)
            if up:
                break
            proc.kill()
            proc.wait()
            last = SERVER.log()
        else:
            pytest.fail(f"the server did not answer /healthz; its log:\n{last}")
        SERVER.proc = proc
        yield SERVER
        # graceful shutdown: SIGTERM, then exit status 0 within 10 seconds
        proc.send_signal(signal.SIGTERM)
        try:
            rc = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            pytest.fail("the server did not stop within 10 s of SIGTERM")
        assert rc == 0, f"the server exited with status {rc} after SIGTERM; log tail:\n{SERVER.log()[-3000:]}"


# ---- requests helpers ------------------------------------------------------------------------------------

def url(path):
    return SERVER.base + path


def request(method, path, **kw):
    kw.setdefault("timeout", 10)
    kw.setdefault("allow_redirects", False)
    return requests.request(method, url(path), **kw)


def get(path, **kw):
    return request("GET", path, **kw)


def head(path, **kw):
    return request("HEAD", path, **kw)


def post(path, **kw):
    return request("POST", path, **kw)


def host_header(name):
    """A Host header naming a site by its host name, with the server's port."""
    return {"Host": f"{name}:{SERVER.port}"}


# ---- raw sockets -----------------------------------------------------------------------------------------

def raw(data, timeout=5.0, close_write=False):
    """Sends bytes on a new connection and returns every byte received until the server closes it or
    nothing comes for `timeout` seconds."""
    with socket.create_connection(("127.0.0.1", SERVER.port), timeout=timeout) as s:
        s.sendall(data)
        if close_write:
            s.shutdown(socket.SHUT_WR)
        return _read_all(s, timeout)


def _read_all(s, timeout):
    s.settimeout(timeout)
    out = b""
    while True:
        try:
            chunk = s.recv(65536)
        except socket.timeout:
            break
        except ConnectionResetError:
            break
        if not chunk:
            break
        out += chunk
    return out


class RawResponse:
    def __init__(self, status, reason, headers, body):
        self.status, self.reason, self.headers, self.body = status, reason, headers, body

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None


def read_responses(data):
    """Splits the bytes of one connection into responses (Content-Length framing, as Plenary sends)."""
    out = []
    while data:
        head_end = data.find(b"\r\n\r\n")
        assert head_end >= 0, f"incomplete response head: {data[:300]!r}"
        lines = data[:head_end].decode("latin-1").split("\r\n")
        m = re.match(r"HTTP/1\.[01] (\d{3}) ?(.*)", lines[0])
        assert m, f"not a status line: {lines[0]!r}"
        headers = [tuple(x.strip() for x in line.split(":", 1)) for line in lines[1:]]
        resp = RawResponse(int(m.group(1)), m.group(2), headers, b"")
        length = int(resp.header("content-length") or 0)
        resp.body = data[head_end + 4:head_end + 4 + length]
        data = data[head_end + 4 + length:]
        out.append(resp)
    return out


class Connection:
    """One keep-alive connection for sending requests one after another."""

    def __init__(self, timeout=5.0):
        self.sock = socket.create_connection(("127.0.0.1", SERVER.port), timeout=timeout)
        self.buf = b""

    def send(self, data):
        self.sock.sendall(data)

    def response(self, head_only=False):
        """Reads one response; returns None when the connection closed first."""
        while b"\r\n\r\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                return None
            self.buf += chunk
        head_end = self.buf.find(b"\r\n\r\n")
        lines = self.buf[:head_end].decode("latin-1").split("\r\n")
        m = re.match(r"HTTP/1\.[01] (\d{3})", lines[0])
        headers = [tuple(x.strip() for x in line.split(":", 1)) for line in lines[1:]]
        resp = RawResponse(int(m.group(1)), "", headers, b"")
        length = 0 if head_only else int(resp.header("content-length") or 0)
        while len(self.buf) < head_end + 4 + length:
            chunk = self.sock.recv(65536)
            if not chunk:
                break
            self.buf += chunk
        resp.body = self.buf[head_end + 4:head_end + 4 + length]
        self.buf = self.buf[head_end + 4 + length:]
        return resp

    def closed(self, timeout=3.0):
        """True when the server closes the connection (EOF or reset) within timeout."""
        self.sock.settimeout(timeout)
        try:
            return self.sock.recv(1) == b""
        except ConnectionResetError:
            return True
        except socket.timeout:
            return False

    def close(self):
        self.sock.close()


# ---- HTML ------------------------------------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def get(self, name, default=None):
        return self.attrs.get(name, default)

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def find_all(self, tag=None, **attrs):
        """Elements by tag name and attribute values; class_ matches one class of the class attribute."""
        for n in self.iter():
            if tag and n.tag != tag:
                continue
            ok = True
            for k, v in attrs.items():
                if k == "class_":
                    ok = ok and v in (n.get("class") or "").split()
                else:
                    ok = ok and n.get(k.replace("_", "-")) == v
            if ok:
                yield n

    def find(self, tag=None, **attrs):
        return next(self.find_all(tag, **attrs), None)

    def ancestors(self):
        p = self.parent
        while p is not None:
            yield p
            p = p.parent

    def __repr__(self):
        return f"<{self.tag} {self.attrs}>"


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse_html(text):
    b = _TreeBuilder()
    b.feed(text)
    b.close()
    return b.root


def form_token(html):
    """The value of the first hidden form_token field of a page."""
    doc = parse_html(html)
    field = doc.find("input", name="form_token")
    assert field is not None, "the page has no form_token field"
    assert field.get("value"), "the form_token field is empty"
    return field.get("value")


# ---- the database ----------------------------------------------------------------------------------------

def db():
    """A read-only connection to the server's database."""
    c = sqlite3.connect(f"file:{SERVER.db_path}?mode=ro", uri=True, timeout=5)
    c.row_factory = sqlite3.Row
    return c


# Rows the server shows: published and whose time has come.
VISIBLE = "a.status = 'published' AND a.published_at <= strftime('%s','now')"


def default_site():
    with db() as c:
        return c.execute("SELECT * FROM site ORDER BY is_default DESC, position, id LIMIT 1").fetchone()


def visible_articles(where="1", params=(), site_id=None):
    site_id = site_id or default_site()["id"]
    with db() as c:
        return c.execute(f"SELECT a.* FROM article a WHERE {VISIBLE} AND a.site_id = ? AND ({where}) "
                         "ORDER BY a.published_at DESC, a.id DESC", (site_id, *params)).fetchall()


# ---- page helpers ----------------------------------------------------------------------------------------

PAGE_SIZE = 12  # the page_size setting's default: articles per page in lists


def page(path, status=200, **kw):
    """GETs path, checks the status and that it is an HTML page, and returns (response, document)."""
    r = get(path, **kw)
    assert r.status_code == status, f"GET {path}: {r.status_code}, expected {status}"
    assert r.headers.get("content-type", "").startswith("text/html"), r.headers.get("content-type")
    return r, parse_html(r.text)


def card_slugs(node):
    """Slugs of the article cards under node, in order."""
    out = []
    for card in node.find_all("article", class_="card"):
        a = card.find("h3").find("a")
        assert a.get("href", "").startswith("/article/"), a.get("href")
        out.append(a.get("href")[len("/article/"):])
    return out


def main_of(doc):
    m = doc.find("main")
    assert m is not None, "the page has no <main>"
    return m


def breadcrumbs(doc):
    """(label, href or None) of each breadcrumb."""
    nav = doc.find("nav", class_="breadcrumbs")
    assert nav is not None, "the page has no breadcrumbs"
    out = []
    for li in nav.find_all("li"):
        a = li.find("a")
        out.append((li.text().strip(), a.get("href") if a is not None else None))
    return out


def h1_text(doc):
    hs = list(doc.find_all("h1"))
    assert len(hs) == 1, f"{len(hs)} <h1> elements"
    return " ".join(hs[0].text().split())


def text_of(node):
    return " ".join(node.text().split())
