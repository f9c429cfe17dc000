"""Black-box HTTP tests of Plenary: one server for the whole session, on the demo database.

PLENARY_BIN names the binary (default ./plenary, relative to the repository root). The server runs from
the repository root (so the default theme folder is found), on a free loopback port, with its standard
output and error (the access log and messages) in a log file beside the database.

Helpers for the tests: get/post/head/request (requests, against the session's server), raw() for bytes
over a socket, read_responses() to split raw bytes into responses, parse_html() for a small DOM, and
db() for a read-only look at the database the server uses.

The backend: SQLite files by default; PLENARY_TEST_PG=postgresql://USER@HOST:PORT/ runs every test on
PostgreSQL databases of that server instead (see "the backend" below: new_database, connect, sqlite_only).
"""
import base64
import hmac
import hashlib
import struct
import os
import re
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
import uuid
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

    def url(self, path):
        """As Plenary.url: so a Reader (or a staff account, make_staff) can browse the session's server."""
        return self.base + path


SERVER = Server()


def _binary():
    b = os.environ.get("PLENARY_BIN") or "./plenary"
    return b if os.path.isabs(b) else os.path.join(REPO, b)


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---- the backend: SQLite files, or PostgreSQL databases when PLENARY_TEST_PG is set ---------------------------
#
# PLENARY_TEST_PG=postgresql://USER@HOST:PORT/ runs the whole suite on PostgreSQL: every database a test makes
# (new_database, make_demo_database, the session server's) is a new database plenary_t<PID>_<N> on that server,
# dropped when the session ends, and the helpers that read or write a database directly (connect, db(),
# Plenary.db/query/execute) go through PgConnection, which looks like sqlite3 to the tests: rows indexable by
# number and by name, "?" placeholders, implicit transactions around writes, and the few SQLite-only bits the
# tests' SQL uses translated (see pg_sql). Without it every database is a SQLite file, as always.

PG_BASE = os.environ.get("PLENARY_TEST_PG", "").strip()
if PG_BASE and not PG_BASE.endswith("/"):
    PG_BASE += "/"
USING_PG = bool(PG_BASE)
BACKEND = "postgresql" if USING_PG else "sqlite"
_pg_made = []  # names of the databases this session created


def sqlite_only(reason):
    """Marks a test (or, as pytestmark, a module) that is about SQLite itself: skipped on PostgreSQL."""
    return pytest.mark.skipif(USING_PG, reason=f"SQLite only: {reason}")


def postgres_only(reason="needs PLENARY_TEST_PG (a PostgreSQL server)"):
    return pytest.mark.skipif(not USING_PG, reason=reason)


def _pg_admin():
    import psycopg2
    c = psycopg2.connect(PG_BASE + "postgres", connect_timeout=10)
    c.autocommit = True
    return c


def pg_url(name):
    return PG_BASE + name


def new_database(tmp, name="site.db"):
    """Where a new, empty database goes: a path in tmp (SQLite, no file made) or the URL of a new empty
    PostgreSQL database (`plenary init/demo` fill either)."""
    if not USING_PG:
        return os.path.join(tmp, name)
    dbname = f"plenary_t{os.getpid()}_{len(_pg_made) + 1}"
    c = _pg_admin()
    try:
        c.cursor().execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
        c.cursor().execute(f'CREATE DATABASE "{dbname}"')
    finally:
        c.close()
    _pg_made.append(dbname)
    return pg_url(dbname)


def missing_database(tmp, name="missing.db"):
    """A database that does not exist (and that nothing should create)."""
    if not USING_PG:
        return os.path.join(tmp, name)
    return pg_url(f"plenary_missing_{os.getpid()}_{uuid.uuid4().hex[:8]}")


def database_exists(target):
    if not USING_PG or not target.startswith(("postgresql://", "postgres://")):
        return os.path.exists(target)
    c = _pg_admin()
    try:
        cur = c.cursor()
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (target.rsplit("/", 1)[1].split("?")[0],))
        return cur.fetchone() is not None
    finally:
        c.close()


def drop_test_databases():
    """Drops every database this session made (the end of the session)."""
    if not USING_PG or not _pg_made:
        return
    c = _pg_admin()
    try:
        for name in _pg_made:
            try:
                c.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            except Exception as e:  # noqa: BLE001 - a leftover database is reported, not fatal
                print(f"conftest: could not drop {name}: {e}")
        _pg_made.clear()
    finally:
        c.close()


@pytest.fixture(scope="session", autouse=True)
def _test_databases():
    """Set up before every other session fixture, so it is torn down after them: the PostgreSQL databases
    of the session go once every server using them has stopped."""
    yield BACKEND
    drop_test_databases()


class Row(tuple):
    """A row as sqlite3.Row gives it (by number or by case-insensitive column name, keys(), dict(row)) that
    also equals the tuple of its values."""

    def __new__(cls, values, names):
        r = tuple.__new__(cls, values)
        r._names = names
        return r

    def __getitem__(self, key):
        if isinstance(key, str):
            try:
                return tuple.__getitem__(self, self._names[1][key.lower()])
            except KeyError:
                raise IndexError(f"no column named {key}") from None
        return tuple.__getitem__(self, key)

    def keys(self):
        return list(self._names[0])


def _names(description):
    cols = [d[0] for d in description or ()]
    index = {}
    for i, n in enumerate(cols):
        index.setdefault(n.lower(), i)
    return cols, index


_names_cache = {}


def _sqlite_row(cursor, values):
    key = tuple(d[0] for d in cursor.description)
    names = _names_cache.get(key)
    if names is None:
        names = _names_cache[key] = _names(cursor.description)
    return Row(values, names)


# SQLite spellings the tests' SQL uses, and PostgreSQL's
_PG_REWRITES = [
    (re.compile(r"strftime\(\s*'%s'\s*,\s*'now'\s*\)", re.I), "(extract(epoch from now())::bigint)"),
    (re.compile(r"strftime\(\s*'%Y'\s*,\s*([\w.]+)\s*,\s*'unixepoch'\s*\)", re.I),
     r"to_char(to_timestamp(\1) AT TIME ZONE 'UTC', 'YYYY')"),
    (re.compile(r"\bIFNULL\(", re.I), "COALESCE("),
    (re.compile(r"\binstr\(", re.I), "strpos("),
    (re.compile(r"\bgroup_concat\(", re.I), "string_agg("),
    (re.compile(r"(?<!I)\bLIKE\b", re.I), "ILIKE"),  # SQLite's LIKE ignores ASCII case
    (re.compile(r"\b(FROM|JOIN|UPDATE|INTO|TABLE)(\s+)user\b", re.I), r'\1\2"user"'),
]
_INSERT_OR_IGNORE = re.compile(r"^\s*INSERT\s+OR\s+IGNORE\s+INTO\b", re.I)


def _outside_strings(sql, fn):
    """Applies fn to the parts of sql outside '...' literals; a literal's % is doubled (psycopg2 formats the
    whole text)."""
    parts = re.split(r"('(?:[^']|'')*')", sql)
    return "".join(p.replace("%", "%%") if i % 2 else fn(p) for i, p in enumerate(parts))


def pg_sql(sql):
    """The tests' SQLite SQL in PostgreSQL's dialect, with psycopg2's %s placeholders."""
    ignore = bool(_INSERT_OR_IGNORE.match(sql))
    if ignore:
        sql = _INSERT_OR_IGNORE.sub("INSERT INTO", sql, count=1)
    for pattern, repl in _PG_REWRITES:
        sql = pattern.sub(repl, sql)
    sql = _outside_strings(sql, lambda s: s.replace("%", "%%").replace("?", "%s"))
    if ignore:
        sql = sql.rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
    return sql


_PRAGMA_NOOP = re.compile(r"^\s*PRAGMA\s+foreign_keys\s*=\s*ON\s*;?\s*$", re.I)
_WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|WITH\b.*\b(INSERT|UPDATE|DELETE)\b)", re.I | re.S)


class PgCursor:
    def __init__(self, conn):
        self.connection = conn
        self._cur = conn.raw.cursor()
        self._names = None
        self.rowcount = -1

    def execute(self, sql, params=()):
        conn = self.connection
        if _PRAGMA_NOOP.match(sql):  # what SQLite must be told and PostgreSQL always does
            self._names, self.rowcount = None, -1
            return self
        if _WRITE.match(sql) and not conn.in_tx and not conn.autocommit_all:
            self._cur.execute("BEGIN")
            conn.in_tx = True
        self._cur.execute(pg_sql(sql), tuple(params))
        self.rowcount = self._cur.rowcount
        self._names = _names(self._cur.description) if self._cur.description else None
        return self

    def executemany(self, sql, seq):
        n = 0
        for params in seq:
            self.execute(sql, params)
            n += max(self.rowcount, 0)
        self.rowcount = n
        return self

    @property
    def description(self):
        return self._cur.description

    def _row(self, values):
        return None if values is None else Row(values, self._names)

    def fetchone(self):
        return self._row(self._cur.fetchone()) if self._names else None

    def fetchall(self):
        return [self._row(v) for v in self._cur.fetchall()] if self._names else []

    def fetchmany(self, size=1):
        return [self._row(v) for v in self._cur.fetchmany(size)] if self._names else []

    def __iter__(self):
        return iter(self.fetchall())

    def close(self):
        self._cur.close()


def _register_casts(raw):
    import psycopg2
    import psycopg2.extensions as ext

    def number(value, cur):  # numeric (sum of bigints, ...) as int when whole, as SQLite gives it
        if value is None:
            return None
        from decimal import Decimal
        d = Decimal(value)
        return int(d) if d == d.to_integral_value() else float(d)

    def blob(value, cur):
        b = psycopg2.BINARY(value, cur)
        return None if b is None else bytes(b)

    ext.register_type(ext.new_type(ext.DECIMAL.values, "PLENARY_NUMBER", number), raw)
    ext.register_type(ext.new_type(psycopg2.BINARY.values, "PLENARY_BLOB", blob), raw)


class PgConnection:
    """A psycopg2 connection that behaves like the sqlite3 connections the tests use: execute() on the
    connection, a transaction opened by the first write and ended by commit()/rollback() or `with c:`,
    reads outside a transaction (no snapshot held between statements), close() rolling back what was not
    committed."""

    def __init__(self, url, readonly=False, isolation_level=""):
        import psycopg2
        self.raw = psycopg2.connect(url, connect_timeout=10,
                                    options="-c default_transaction_read_only=on" if readonly else None)
        self.raw.autocommit = True
        _register_casts(self.raw)
        self.in_tx = False
        self.autocommit_all = isolation_level is None
        self.row_factory = None  # accepted and ignored: rows are always Row

    def cursor(self):
        return PgCursor(self)

    def execute(self, sql, params=()):
        return PgCursor(self).execute(sql, params)

    def executemany(self, sql, seq):
        return PgCursor(self).executemany(sql, seq)

    def commit(self):
        if self.in_tx:
            self.in_tx = False
            self.raw.cursor().execute("COMMIT")

    def rollback(self):
        if self.in_tx:
            self.in_tx = False
            self.raw.cursor().execute("ROLLBACK")

    def close(self):
        if self.raw.closed:
            return
        try:
            self.rollback()
        except Exception:  # noqa: BLE001 - closing anyway
            pass
        self.raw.close()

    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        if kind is None:
            self.commit()
        else:
            self.rollback()
        return False

    def __del__(self):
        try:
            self.close()
        except Exception:  # noqa: BLE001
            pass


def connect(target, readonly=False, timeout=10, isolation_level=""):
    """A connection to the database at target (a SQLite path or a postgresql:// URL) for the tests' own reads
    and writes, with the same interface on both: execute(sql with ?, params), rows as Row, `with c:` commits."""
    if target.startswith(("postgresql://", "postgres://")):
        return PgConnection(target, readonly=readonly, isolation_level=isolation_level)
    if readonly:
        c = sqlite3.connect(f"file:{target}?mode=ro", uri=True, timeout=timeout, isolation_level=isolation_level)
    else:
        c = sqlite3.connect(target, timeout=timeout, isolation_level=isolation_level)
    c.row_factory = _sqlite_row
    return c


def _make_database(binary, tmp):
    """`plenary demo` into a new file; the tests read what they expect from it."""
    path = new_database(tmp, "demo.db")
    subprocess.run([binary, "demo", path], cwd=REPO, check=True, capture_output=True, timeout=60)
    c = connect(path)
    try:
        articles = c.execute("SELECT count(*) FROM article").fetchone()[0]
    finally:
        c.close()
    assert articles > 0, "`plenary demo` made a database without articles"
    return path


@pytest.fixture(scope="session", autouse=True)
def server(_test_databases):
    binary = _binary()
    assert os.access(binary, os.X_OK), f"no Plenary binary at {binary} (build it with make plenary)"
    with tempfile.TemporaryDirectory(prefix="plenary-http-") as tmp:
        SERVER.db_path = _make_database(binary, tmp)
        SERVER.log_path = os.path.join(tmp, "server.log")
        config_path = os.path.join(tmp, "server.ini")
        last = ""
        for _attempt in range(3):  # a port picked free can be taken before the server binds it
            SERVER.port = _free_port()
            SERVER.base = f"http://127.0.0.1:{SERVER.port}"
            with open(config_path, "w") as f:
                settings = {**TEST_LIMITS, "public_url": f"http://:{SERVER.port}"}
                f.write("[plenary]\n" + "".join(f"{k} = {v}\n" for k, v in settings.items()))
            log = open(SERVER.log_path, "w")
            proc = subprocess.Popen(
                [binary, "serve", "--config", config_path, "--db", SERVER.db_path, "--listen",
                 f"127.0.0.1:{SERVER.port}", "--threads", "2"],
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
        if self.cur.tag in ("textarea", "pre") and not self.cur.children and data.startswith("\n"):
            data = data[1:]  # as HTML drops the newline right after <textarea> or <pre>
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


def form_values(form):
    """(name, value) pairs a browser submits for form as it stands (submit buttons left out)."""
    out = []
    for n in form.iter():
        name = n.get("name")
        if not name or n.tag not in ("input", "textarea", "select"):
            continue
        if n.tag == "input":
            kind = (n.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset"):
                continue
            if kind in ("checkbox", "radio"):
                if "checked" in n.attrs:
                    out.append((name, n.get("value") or "on"))
                continue
            out.append((name, n.get("value") or ""))
        elif n.tag == "textarea":
            out.append((name, n.text()))  # (the parser drops the first newline, as HTML does)
        else:
            options = list(n.find_all("option"))
            chosen = [o for o in options if "selected" in o.attrs]
            if "multiple" not in n.attrs and not chosen and options:
                chosen = options[:1]
            out.extend((name, o.get("value") if o.get("value") is not None else text_of(o)) for o in chosen)
    return out


# ---- the database ----------------------------------------------------------------------------------------

def db():
    """A read-only connection to the server's database."""
    return connect(SERVER.db_path, readonly=True, timeout=5)


# Rows the server shows: published and whose time has come.
VISIBLE = "a.status = 'published' AND a.published_at <= strftime('%s','now')"


def default_site():
    with db() as c:
        return c.execute("SELECT * FROM site ORDER BY is_default DESC, position, id LIMIT 1").fetchone()


# Of a family of translations, a list in the site's default language shows the member in it, else the original.
IN_DEFAULT_LANGUAGE = ("(a.lang = '' OR (a.family_id IS NULL AND NOT EXISTS (SELECT 1 FROM article m WHERE "
                       "m.family_id = a.id AND m.lang = '' AND m.status = 'published' AND "
                       "m.published_at <= strftime('%s','now'))))")


def visible_articles(where="1 = 1", params=(), site_id=None, every_language=False):
    """The visible articles of a list in the site's default language, newest first (every_language: the
    translations too, as search finds them)."""
    site_id = site_id or default_site()["id"]
    pick = "1 = 1" if every_language else IN_DEFAULT_LANGUAGE
    with db() as c:
        return c.execute(f"SELECT a.* FROM article a WHERE {VISIBLE} AND {pick} AND a.site_id = ? "
                         f"AND ({where}) "
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


# ==== accounts: more server instances, mail over SMTP to aiosmtpd, and readers with their own cookies ====
#
# The account and gating tests run against their own server (fixture accounts_server): its own demo database,
# so their users, sessions and failed sign-ins never touch the pages the other tests read, and a config file
# that sends mail over SMTP to Debian's aiosmtpd on loopback (outbox pointed into the temporary folder, so a
# misrouted message never lands in the repository). Readers (Reader) sign up, confirm with the link from
# their mail, sign in and submit forms with the token scraped from the page, as a browser without JavaScript.

import email
import email.policy
from urllib.parse import urlsplit

COMMON_PASSWORDS = "/usr/share/john/password.lst"  # the password_blocklist setting's default


class Mailbox:
    """The maildir aiosmtpd's Mailbox handler delivers to: one file per message in new/."""

    def __init__(self, path):
        self.path = path
        for sub in ("new", "cur", "tmp"):  # the handler writes into an existing maildir only when these exist
            os.makedirs(os.path.join(path, sub), exist_ok=True)

    def messages(self):
        """Every message received so far, oldest first, as email.message.EmailMessage."""
        new = os.path.join(self.path, "new")
        files = []
        for name in os.listdir(new):
            p = os.path.join(new, name)
            try:
                files.append((os.stat(p).st_mtime_ns, name, p))
            except FileNotFoundError:
                pass
        out = []
        for _, _, p in sorted(files):
            with open(p, "rb") as f:
                out.append(email.message_from_binary_file(f, policy=email.policy.default))
        return out

    def to(self, address, subject=None):
        """Messages to address (any case), whose subject contains `subject` when given."""
        return [m for m in self.messages()
                if str(m["To"]).strip().lower() == address.lower()
                and (subject is None or subject in str(m["Subject"]))]

    def wait(self, address, subject=None, count=1, timeout=8.0):
        """The count-th message to address (the mail thread sends asynchronously: this polls)."""
        deadline = time.monotonic() + timeout
        while True:
            got = self.to(address, subject)
            if len(got) >= count:
                return got[count - 1]
            if time.monotonic() > deadline:
                subjects = [(str(m["To"]), str(m["Subject"])) for m in self.messages()][-10:]
                raise AssertionError(f"no mail #{count} to {address} (subject {subject!r}) within {timeout} s; "
                                     f"the last ones: {subjects}")
            time.sleep(0.05)

    def quiet(self, address, seconds=1.0):
        """Messages to address after waiting `seconds`: for asserting that none was sent."""
        time.sleep(seconds)
        return self.to(address)


def mail_body(msg):
    return msg.get_body(preferencelist=("plain",)).get_content()


def mail_link(msg, path):
    """The path and query of the link in msg whose path is `path` (/verify, /reset/confirm)."""
    links = re.findall(r"https?://\S+", mail_body(msg))
    for link in links:
        u = urlsplit(link)
        if u.path == path:
            return f"{u.path}?{u.query}"
    raise AssertionError(f"no {path} link in the mail; links: {links}")


class SmtpServer:
    proc = None
    port = 0
    mailbox = None
    log_path = ""

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def start_smtp(tmp):
    """aiosmtpd on a free loopback port, storing every message in tmp/maildir."""
    smtp = SmtpServer()
    smtp.mailbox = Mailbox(os.path.join(tmp, "maildir"))
    smtp.log_path = os.path.join(tmp, "smtp.log")
    for _attempt in range(3):
        smtp.port = _free_port()
        log = open(smtp.log_path, "w")
        smtp.proc = subprocess.Popen(
            ["/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{smtp.port}", "-c",
             "aiosmtpd.handlers.Mailbox", smtp.mailbox.path],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and smtp.proc.poll() is None:
            try:
                with socket.create_connection(("127.0.0.1", smtp.port), timeout=1) as s:
                    if s.recv(100).startswith(b"220"):
                        return smtp
            except OSError:
                time.sleep(0.05)
        smtp.stop()
    with open(smtp.log_path, encoding="utf-8", errors="replace") as f:
        pytest.fail(f"aiosmtpd did not start; its log:\n{f.read()}")


class Plenary:
    """One server process started by start_plenary."""
    base = ""
    port = 0
    db_path = ""
    log_path = ""
    config_path = ""
    tmp = ""
    proc = None
    mail = None  # a Mailbox when the server sends mail to aiosmtpd
    outbox = ""

    def url(self, path):
        return self.base + path

    def log(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def db(self):
        """A read-write connection to this server's database (tests edit rows the server reads)."""
        return connect(self.db_path)

    def query(self, sql, params=()):
        c = self.db()
        try:
            return c.execute(sql, params).fetchall()
        finally:
            c.close()

    def execute(self, sql, params=()):
        c = self.db()
        try:
            with c:
                return c.execute(sql, params).rowcount
        finally:
            c.close()

    def stop(self):
        """SIGTERM; returns the exit status (None when it had to be killed)."""
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None


# The mail and contact-form limits (per client address, per recipient, for everyone) are raised for the
# servers tests start, since every test reader signs up, confirms and resets from 127.0.0.1; the sign-in
# throttle keeps its defaults. test_limits.py starts its servers with strict_limits=True: the defaults.
TEST_LIMITS = {"mail_per_address": 100000, "mail_per_recipient": 1000, "contact_per_address": 100000,
               "contact_per_hour": 1000000}


def start_plenary(tmp, db_path, settings=None, threads=2, name="server", strict_limits=False, port=0):
    """Starts `plenary serve` from the repository root on a free loopback port (or `port`, as a restarted
    server) with a config file of `settings` ([plenary] section) in tmp (with TEST_LIMITS under them unless
    strict_limits); waits for /healthz."""
    binary = _binary()
    srv = Plenary()
    srv.tmp, srv.db_path = tmp, db_path
    srv.log_path = os.path.join(tmp, f"{name}.log")
    srv.config_path = os.path.join(tmp, f"{name}.ini")
    srv.outbox = (settings or {}).get("outbox", "")
    for _attempt in range(3):
        srv.port = port or _free_port()
        scheme = "https" if (settings or {}).get("tls_cert") else "http"
        srv.base = f"{scheme}://127.0.0.1:{srv.port}"
        # links name the test port only because public_url says so (never from the Host header)
        with open(srv.config_path, "w") as f:
            f.write("[plenary]\n")
            for k, v in {**({} if strict_limits else TEST_LIMITS), "public_url": f"{scheme}://:{srv.port}",
                         **(settings or {})}.items():
                f.write(f"{k} = {v}\n")
        log = open(srv.log_path, "w")
        srv.proc = subprocess.Popen(
            [binary, "serve", "--config", srv.config_path, "--db", db_path, "--listen", f"127.0.0.1:{srv.port}",
             "--threads", str(threads)],
            cwd=REPO, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and srv.proc.poll() is None:
            try:
                if requests.get(srv.base + "/healthz", timeout=1, verify=False).status_code == 200:
                    return srv
            except requests.RequestException:
                pass
            time.sleep(0.05)
        srv.proc.kill()
        srv.proc.wait()
    pytest.fail(f"the {name} did not answer /healthz; its log:\n{srv.log()}")


def make_demo_database(tmp):
    return _make_database(_binary(), tmp)


@pytest.fixture(scope="session")
def accounts_server():
    """A server of its own for accounts: demo database, mail by SMTP to aiosmtpd, outbox in the temp dir."""
    with tempfile.TemporaryDirectory(prefix="plenary-accounts-") as tmp:
        db_path = make_demo_database(tmp)
        smtp = start_smtp(tmp)
        try:
            srv = start_plenary(tmp, db_path, {"smtp_url": f"smtp://127.0.0.1:{smtp.port}",
                                               "outbox": os.path.join(tmp, "outbox")}, name="accounts-server")
            srv.mail = smtp.mailbox
            yield srv
            rc = srv.stop()
            assert rc == 0, f"the accounts server exited with {rc} after SIGTERM; log tail:\n{srv.log()[-3000:]}"
        finally:
            smtp.stop()


def run_plenary(args, stdin_text=None, timeout=30):
    """Runs the plenary command line (not a tty: a password comes from standard input)."""
    return subprocess.run([_binary(), *args], cwd=REPO, input=stdin_text if stdin_text is not None else "",
                          capture_output=True, text=True, timeout=timeout)


def add_user(db_path, address, role, name=None, password=None):
    """`plenary user add`: with --generate unless a password is given; returns (completed process, password)."""
    args = ["user", "add", address, "--role", role, "--db", db_path]
    if name:
        args += ["--name", name]
    if password is None:
        args.append("--generate")
    p = run_plenary(args, stdin_text=None if password is None else password + "\n")
    if password is None:
        m = re.search(r"^password \(shown once\): (\S+)$", p.stdout, re.M)
        password = m.group(1) if m else None
    return p, password


# ---- readers ---------------------------------------------------------------------------------------------

def unique_email(prefix="reader"):
    return f"{prefix}-{uuid.uuid4().hex[:12]}@example.org"


def new_password():
    """At least 12 characters and not on the list of common passwords."""
    return f"quiet harbour {uuid.uuid4().hex[:10]} lantern"


def session_cookie_headers(resp):
    """Every Set-Cookie header of a response for the session cookie, as sent."""
    return [c for c in resp.raw.headers.getlist("set-cookie") if c.startswith("plenary_session=")]


def cookie_parts(set_cookie):
    """(name, value, {attribute lower-case: value}) of one Set-Cookie header."""
    parts = [p.strip() for p in set_cookie.split(";")]
    name, _, value = parts[0].partition("=")
    attrs = {}
    for p in parts[1:]:
        k, _, v = p.partition("=")
        attrs[k.lower()] = v
    return name, value, attrs


class Reader:
    """One reader's browser against one server: a cookie jar of its own; forms are posted with the
    form_token of the page they are on, as a browser without JavaScript does."""

    def __init__(self, srv, email=None, password=None, name=None, profession="physician", hcp=True):
        self.srv = srv
        self.http = requests.Session()
        self.email = email or unique_email()
        self.password = password or new_password()
        self.name = name or f"Dr Reader {uuid.uuid4().hex[:6]}"
        self.profession = profession
        self.hcp = hcp

    # plain requests
    def get(self, path, **kw):
        kw.setdefault("timeout", 10)
        kw.setdefault("allow_redirects", False)
        return self.http.get(self.srv.url(path), **kw)

    def post(self, path, data=None, **kw):
        kw.setdefault("timeout", 10)
        kw.setdefault("allow_redirects", False)
        return self.http.post(self.srv.url(path), data=data, **kw)

    @property
    def cookie(self):
        return self.http.cookies.get("plenary_session")

    def token(self, path, action=None):
        """The form_token of the form posting to `action` (default: the first form) on the page at path."""
        r = self.get(path)
        assert r.status_code == 200, f"GET {path}: {r.status_code}"
        doc = parse_html(r.text)
        forms = [f for f in doc.find_all("form") if action is None or f.get("action") == action]
        assert forms, f"no form posting to {action} on {path}"
        field = forms[0].find("input", name="form_token")
        assert field is not None and field.get("value"), f"the form to {action} on {path} has no token"
        return field.get("value")

    def submit(self, page_path, action, fields, **kw):
        """Posts `fields` to `action` with the token of that form on page_path."""
        data = {"form_token": self.token(page_path, action), **fields}
        return self.post(action, data=data, **kw)

    # account flows
    def signup_fields(self, **over):
        fields = {"email": self.email, "password": self.password, "name": self.name,
                  "profession": self.profession, "specialty": "Medical oncology", "country": "Portugal",
                  "privacy": "yes"}
        if self.hcp:
            fields["hcp"] = "yes"
        fields.update(over)
        return {k: v for k, v in fields.items() if v is not None}

    def signup(self, **over):
        return self.submit("/signup", "/signup", self.signup_fields(**over))

    def confirmation_mail(self, count=1, address=None):
        return self.srv.mail.wait(address or self.email, "Confirm your email address", count=count)

    def confirm(self, count=1):
        """Opens the link of the count-th confirmation mail; returns the response."""
        return self.get(mail_link(self.confirmation_mail(count), "/verify"))

    def signin(self, password=None, remember=False, email=None, back=None):
        fields = {"email": email or self.email, "password": password or self.password}
        if remember:
            fields["remember"] = "yes"
        if back is not None:
            fields["return"] = back
        # signed in already, /signin redirects away: any form of this session carries a token that works
        page = "/signin" if self.get("/signin").status_code == 200 else "/account"
        return self.post("/signin", data={"form_token": self.token(page), **fields})

    def signout(self):
        return self.submit("/account", "/signout", {})

    def signed_in_as(self, path="/"):
        """The name in the page's 'Signed in as' bar, or None when the page is anonymous."""
        r = self.get(path)
        span = parse_html(r.text).find("span", class_="account-name")
        return " ".join(span.text().split())[len("Signed in as "):] if span is not None else None

    def user_row(self, address=None):
        rows = self.srv.query("SELECT * FROM user WHERE email = ?", (address or self.email,))
        return rows[0] if rows else None


def make_reader(srv, level, **kw):
    """A reader signed in at an audience level: unverified, member, hcp or verified_hcp (anonymous: a
    Reader that never signs in). verified_hcp is recorded in the database as an editor's decision would."""
    if level == "anonymous":
        return Reader(srv, **kw)
    if level == "member":
        kw.setdefault("profession", "not_hcp")
        kw.setdefault("hcp", False)
    reader = Reader(srv, **kw)
    r = reader.signup()
    assert r.status_code == 303 and r.headers["location"] == "/signup/sent", (r.status_code, r.text[:500])
    if level != "unverified":
        r = reader.confirm()
        assert r.status_code == 303, r.status_code
    if level == "verified_hcp":
        srv.execute("UPDATE user SET hcp_status = 'verified', hcp_method = 'licence', hcp_evidence = 'test', "
                    "hcp_decided_at = strftime('%s','now') WHERE email = ?", (reader.email,))
    r = reader.signin()
    assert r.status_code == 303 and reader.cookie, (r.status_code, r.text[:500])
    return reader


class PortConnection(Connection):
    """A keep-alive Connection to a server other than the session's."""

    def __init__(self, port, timeout=5.0):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.buf = b""


def raw_get(srv, path, cookie=None):
    """The bytes of a GET request to srv (HTTP/1.1, keep-alive; the Host a browser sends, so the page cache
    key is the one requests' pages use), with the session cookie when given."""
    lines = [f"GET {path} HTTP/1.1", f"Host: 127.0.0.1:{srv.port}"]
    if cookie:
        lines.append(f"Cookie: plenary_session={cookie}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


# ==== the back office: staff accounts, and a server of its own for the editorial tests ====
#
# Staff accounts are made as an operator makes them, with `plenary user add EMAIL --role ROLE --generate` on
# the database the server is running on, then sign in through /signin like any reader (make_staff). The
# editorial tests (test_admin.py) create, publish, schedule and archive articles; they run against
# admin_server, a demo database of their own, so the pages the other tests compare with the demo stay as
# the demo made them.

def make_staff(srv, role, name=None):
    """A signed-in Reader for a new account of `role` (reader, contributor, editor, admin) on srv, made with
    `plenary user add --generate` while srv is serving."""
    address = unique_email(role)
    p, password = add_user(srv.db_path, address, role, name=name)
    assert p.returncode == 0 and password, f"plenary user add failed ({p.returncode}): {p.stdout} {p.stderr}"
    staff = Reader(srv, email=address, password=password, name=name or address)
    r = staff.signin()
    assert r.status_code == 303 and staff.cookie, f"the new {role} could not sign in: {r.status_code}"
    staff.role = role
    if role == "admin":  # admins must use a second factor before the back office lets them in
        enable_totp(staff)
    return staff


def totp_code(secret, at=None, step=30):
    """The RFC 6238 code of a base32 secret, as an authenticator app computes it."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = int((at if at is not None else time.time()) // step)
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    o = mac[-1] & 15
    return "%06d" % ((struct.unpack(">I", mac[o:o + 4])[0] & 0x7FFFFFFF) % 1000000)


def enable_totp(staff):
    """Turns on two-factor sign-in through the account page; keeps the secret and recovery codes on staff."""
    page = staff.get("/account/2fa")
    assert page.status_code == 200, page.status_code
    staff.totp_secret = re.search(r"<code>([A-Z2-7]+)</code>", page.text).group(1)
    r = staff.submit("/account/2fa", "/account/2fa/enable", {"code": totp_code(staff.totp_secret)})
    assert r.status_code == 200, f"turning on two-factor sign-in: {r.status_code}"
    staff.recovery_codes = re.findall(r"<code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</code>", r.text)
    assert len(staff.recovery_codes) == 10


@pytest.fixture(scope="session")
def admin_server():
    """A server of its own for the back office: demo database, 2 worker threads (each with its page cache),
    mail to an outbox in the temporary folder."""
    with tempfile.TemporaryDirectory(prefix="plenary-admin-") as tmp:
        db_path = make_demo_database(tmp)
        srv = start_plenary(tmp, db_path, {"outbox": os.path.join(tmp, "outbox"),
                                           "media_dir": os.path.join(tmp, "media")}, name="admin-server")
        srv.media_dir = os.path.join(tmp, "media")
        yield srv
        rc = srv.stop()
        assert rc == 0, f"the admin server exited with {rc} after SIGTERM; log tail:\n{srv.log()[-3000:]}"
