"""`plenary backup FILE` and `plenary restore FILE`: copies of the SQLite store made and put back with SQLite's
online backup API, also while a server is serving (and others are writing to) the database.

Each test runs the real command line (run_plenary) against demo databases in a temporary folder; two tests
run it beside a server of their own (start_plenary) and check the server keeps answering and, after a
restore, serves the restored content.
"""
import glob
import hashlib
import os
import re
import shutil
import sqlite3
import tempfile
import threading
import time

import pytest
import requests

from conftest import REPO, add_user, h1_text, make_demo_database, parse_html, run_plenary, sqlite_only, \
    start_plenary, unique_email

# PostgreSQL's backups (pg_dump's custom format) are tested in test_postgres.py
pytestmark = sqlite_only("the SQLite backup file format and SQLite's online backup API")

MIGRATIONS = os.path.join(REPO, "src", "store", "sqlite", "migrations")


def newest_schema():
    """The schema version this tree's binary migrates to: the number of its last migration file."""
    return max(int(name.split("_", 1)[0]) for name in os.listdir(MIGRATIONS) if name.endswith(".sql"))


def connect(path):
    c = sqlite3.connect(path, timeout=10)
    c.row_factory = sqlite3.Row
    return c


def scalar(path, sql, params=()):
    c = connect(path)
    try:
        return c.execute(sql, params).fetchone()[0]
    finally:
        c.close()


def table_names(path):
    """The ordinary tables of a database (FTS shadow tables included: they are plain tables)."""
    c = connect(path)
    try:
        return [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")]
    finally:
        c.close()


def rows(path, table):
    """Every row of a table, in a stable order, as tuples."""
    c = sqlite3.connect(path, timeout=10)
    try:
        cols = [r[1] for r in c.execute(f'PRAGMA table_info("{table}")')]
        order = ", ".join(f'"{x}"' for x in cols)
        return c.execute(f'SELECT * FROM "{table}" ORDER BY {order}').fetchall()
    finally:
        c.close()


def copy_database(src, dst):
    """A copy of a database that may have committed pages in its -wal (a plain file copy would miss them)."""
    a, b = sqlite3.connect(src, timeout=10), sqlite3.connect(dst)
    try:
        a.backup(b)
    finally:
        a.close()
        b.close()


def content(path):
    """Every table's rows and the schema version: equal content means an unchanged database."""
    return {"user_version": scalar(path, "PRAGMA user_version"),
            **{t: rows(path, t) for t in table_names(path)}}


def file_state(path):
    """The bytes of a database and of its -wal and -shm files, hashed: equal states mean untouched files."""
    out = {}
    for p in (path, path + "-wal", path + "-shm", path + "-journal"):
        if os.path.exists(p):
            with open(p, "rb") as f:
                out[os.path.basename(p)] = hashlib.sha256(f.read()).hexdigest()
    return out


def backup(*args):
    return run_plenary(["backup", *args], timeout=120)


def restore(*args):
    return run_plenary(["restore", *args], timeout=120)


def ok(p):
    assert p.returncode == 0, f"exit {p.returncode}: {p.stdout} {p.stderr}"
    return p


def refused(p, words):
    """Exit status 1 and a message on standard error that contains `words` (a regular expression)."""
    assert p.returncode == 1, f"expected exit 1, got {p.returncode}: {p.stdout} {p.stderr}"
    assert re.search(words, p.stderr, re.I), f"the message does not say {words!r}: {p.stderr!r}"
    assert p.stdout == "", p.stdout


@pytest.fixture(scope="module")
def tmp():
    with tempfile.TemporaryDirectory(prefix="plenary-backup-") as d:
        yield d


@pytest.fixture(scope="module")
def demo(tmp):
    """A demo database with two staff accounts (the demo has none), not served: the source of backups."""
    folder = os.path.join(tmp, "demo")
    os.mkdir(folder)
    path = make_demo_database(folder)
    for role in ("editor", "admin"):
        p, _ = add_user(path, unique_email(role), role)
        assert p.returncode == 0, p.stderr
    return path


@pytest.fixture(scope="module")
def good_backup(tmp, demo):
    path = os.path.join(tmp, "good-backup.db")
    ok(backup(path, "--db", demo))
    return path


@pytest.fixture()
def live(tmp, good_backup):
    """A live database (restored from the good backup, closed) for a refused restore to leave untouched."""
    folder = tempfile.mkdtemp(dir=tmp)
    path = os.path.join(folder, "live.db")
    ok(restore(good_backup, "--db", path))
    return path


class Traffic:
    """Requests to a server, and inserts into its database, on threads until stop(): what a busy site does
    while a backup or restore runs."""

    def __init__(self, srv, paths, write=True):
        self.srv, self.paths, self.write = srv, paths, write
        self.statuses, self.errors, self.writes = [], [], 0
        self.done = threading.Event()
        self.threads = [threading.Thread(target=self._read)]
        if write:
            self.threads.append(threading.Thread(target=self._write))
        for t in self.threads:
            t.start()

    def _read(self):
        i = 0
        while not self.done.is_set():
            path = self.paths[i % len(self.paths)]
            i += 1
            try:
                self.statuses.append((path, requests.get(self.srv.url(path), timeout=10).status_code))
            except requests.RequestException as e:
                self.errors.append(f"GET {path}: {e}")

    def _write(self):
        c = sqlite3.connect(self.srv.db_path, timeout=10)
        try:
            while not self.done.is_set():
                try:
                    with c:
                        c.execute("INSERT INTO contact_message (site_id, name, email, topic, message, created_at) "
                                  "VALUES ((SELECT min(id) FROM site), 'Traffic', 'traffic@example.org', "
                                  "'other', 'written during a backup', strftime('%s','now'))")
                    self.writes += 1
                except sqlite3.Error as e:
                    self.errors.append(f"insert: {e}")
                time.sleep(0.002)
        finally:
            c.close()

    def stop(self):
        self.done.set()
        for t in self.threads:
            t.join(timeout=20)


def published_slugs(path, n=3):
    c = connect(path)
    try:
        return [r[0] for r in c.execute(
            "SELECT a.slug FROM article a JOIN site s ON s.id = a.site_id WHERE a.status = 'published' "
            "AND a.published_at <= strftime('%s','now') ORDER BY s.is_default DESC, a.published_at DESC LIMIT ?",
            (n,))]
    finally:
        c.close()


# ---- backup ----------------------------------------------------------------------------------------------

def test_backup_while_serving_then_restore_into_a_fresh_path(tmp, demo):
    served = os.path.join(tmp, "served")
    os.mkdir(served)
    db_path = os.path.join(served, "site.db")
    copy_database(demo, db_path)
    srv = start_plenary(served, db_path, {"outbox": os.path.join(served, "outbox")}, name="backup-server")
    try:
        paths = ["/", *[f"/article/{s}" for s in published_slugs(db_path)]]
        traffic = Traffic(srv, paths)
        time.sleep(0.3)  # the server is answering and the writer inserting before the backup starts
        target_dir = os.path.join(tmp, "backups")
        os.mkdir(target_dir)
        target = os.path.join(target_dir, "site-backup.db")
        writes_before = traffic.writes
        p = ok(backup(target, "--db", db_path))
        time.sleep(0.3)
        traffic.stop()
        assert traffic.errors == [], traffic.errors[:5]
        assert traffic.statuses and all(code == 200 for _, code in traffic.statuses), \
            [s for s in traffic.statuses if s[1] != 200][:5]
        assert traffic.writes > writes_before, "the writer made no progress around the backup"
        assert srv.proc.poll() is None, "the server stopped during the backup"
    finally:
        rc = srv.stop()
    assert rc == 0, f"the server exited with {rc}; log tail:\n{srv.log()[-3000:]}"

    # what was done, said once: the file, its size, its schema version and its articles
    articles = scalar(target, "SELECT count(*) FROM article")
    assert articles == scalar(demo, "SELECT count(*) FROM article") > 0
    size = os.path.getsize(target)
    assert target in p.stdout and str(size) in p.stdout, p.stdout
    assert f"schema version {newest_schema()}" in p.stdout and f"{articles} articles" in p.stdout, p.stdout
    # one whole, self-contained file (rollback journal, no -wal needed), for its owner only; no temporary left
    assert os.listdir(target_dir) == ["site-backup.db"], os.listdir(target_dir)
    with open(target, "rb") as f:
        header = f.read(100)
    assert header.startswith(b"SQLite format 3\x00") and header[18] == 1 and header[19] == 1, header[18:20]
    assert os.stat(target).st_mode & 0o077 == 0, oct(os.stat(target).st_mode)
    assert scalar(target, "PRAGMA integrity_check") == "ok"
    assert scalar(target, "PRAGMA user_version") == newest_schema()
    # the content is the database's as the server had it: every article, account and revision
    for table in ("article", "user", "revision", "article_person", "reference", "article_tag", "site"):
        assert rows(target, table) == rows(db_path, table), table
    assert scalar(target, "SELECT count(*) FROM user") == 2
    assert scalar(target, "SELECT count(*) FROM revision") > 0

    # restored into a path where no database is yet: the same content, every table, the epoch moved on
    fresh = os.path.join(tmp, "fresh", "restored.db")
    os.mkdir(os.path.dirname(fresh))
    p = ok(restore(target, "--db", fresh))
    assert fresh in p.stdout and f"{articles} articles" in p.stdout, p.stdout
    assert scalar(fresh, "PRAGMA integrity_check") == "ok"
    assert scalar(fresh, "PRAGMA journal_mode") == "wal"
    assert table_names(fresh) == table_names(target)
    for table in table_names(target):
        if table == "content_version":
            continue
        assert rows(fresh, table) == rows(target, table), f"table {table} differs after the restore"
    assert scalar(fresh, "SELECT epoch FROM content_version") > scalar(target, "SELECT epoch FROM content_version")
    for table in ("article", "user", "revision"):
        assert len(rows(fresh, table)) == len(rows(db_path, table)) > 0, table


def test_backup_refuses_to_overwrite_without_force(tmp, demo):
    target = os.path.join(tmp, "existing.db")
    with open(target, "w") as f:
        f.write("an older backup the operator keeps\n")
    refused(backup(target, "--db", demo), r"already exists.*--force")
    with open(target) as f:
        assert f.read() == "an older backup the operator keeps\n"
    assert sorted(glob.glob(target + "*")) == [target], "a temporary file was left beside the target"

    p = ok(backup(target, "--db", demo, "--force"))
    assert "backup" in p.stdout
    assert scalar(target, "SELECT count(*) FROM article") == scalar(demo, "SELECT count(*) FROM article")
    assert sorted(glob.glob(target + "*")) == [target]


def test_backup_errors_leave_nothing_behind(tmp, demo):
    before = content(demo)
    # no database: said, and none is created
    missing = os.path.join(tmp, "no-such.db")
    target = os.path.join(tmp, "from-missing.db")
    refused(backup(target, "--db", missing), r"does not exist")
    assert not os.path.exists(missing) and not os.path.exists(target)
    # a folder that does not exist, a path through a file
    refused(backup(os.path.join(tmp, "no-folder", "b.db"), "--db", demo), r"cannot write the backup")
    assert not os.path.exists(os.path.join(tmp, "no-folder"))
    plain = os.path.join(tmp, "plain-file")
    with open(plain, "w") as f:
        f.write("x")
    refused(backup(os.path.join(plain, "b.db"), "--db", demo), r"cannot write the backup")
    # the database itself, even with --force
    refused(backup(demo, "--db", demo, "--force"), r"the database itself")
    # a folder the user cannot write (root writes anywhere: checked for other users only)
    if os.geteuid() != 0:
        locked = os.path.join(tmp, "locked")
        os.mkdir(locked, 0o500)
        try:
            refused(backup(os.path.join(locked, "b.db"), "--db", demo), r"cannot write the backup")
            assert os.listdir(locked) == []
        finally:
            os.chmod(locked, 0o700)
    # the database found through a config file, as `plenary serve --config` finds it
    config = os.path.join(tmp, "backup.ini")
    with open(config, "w") as f:
        f.write(f"[plenary]\ndatabase = {demo}\n")
    target = os.path.join(tmp, "via-config.db")
    p = ok(backup(target, "--config", config))
    assert demo in p.stdout
    assert scalar(target, "SELECT count(*) FROM article") == scalar(demo, "SELECT count(*) FROM article")
    # usage mistakes
    assert backup().returncode == 2
    assert backup(target, "--bogus").returncode == 2
    assert content(demo) == before, "a backup changed the database it copied"


# ---- restore ---------------------------------------------------------------------------------------------

def make_bad(kind, folder, good):
    path = os.path.join(folder, f"{kind}.db")
    if kind == "text":
        with open(path, "w") as f:
            f.write("this is not a database\n" * 100)
    elif kind == "truncated":
        with open(good, "rb") as f:
            data = f.read()
        with open(path, "wb") as f:
            f.write(data[:len(data) // 2])
    elif kind == "corrupt":
        shutil.copyfile(good, path)
        with open(path, "r+b") as f:
            f.seek(os.path.getsize(path) // 3)
            f.write(b"\xff" * 65536)
    elif kind == "newer":
        shutil.copyfile(good, path)
        c = sqlite3.connect(path)
        c.execute(f"PRAGMA user_version = {newest_schema() + 1}")
        c.close()
    elif kind == "foreign":  # a SQLite database, but not Plenary's
        c = sqlite3.connect(path)
        c.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL)")
        c.execute("INSERT INTO invoice (total) VALUES (12.5)")
        c.commit()
        c.close()
    return path


@pytest.mark.parametrize("kind, words", [
    ("text", r"not a SQLite database"),
    ("truncated", r"damaged|malformed"),
    ("corrupt", r"damaged"),
    ("newer", r"schema version \d+, newer than"),
    ("foreign", r"not a Plenary database"),
])
def test_restore_refuses_a_bad_file_and_leaves_the_database_untouched(tmp, good_backup, live, kind, words):
    bad = make_bad(kind, os.path.dirname(live), good_backup)
    before = file_state(live)
    assert before, "the live database is missing"
    epoch = scalar(live, "SELECT epoch FROM content_version")
    refused(restore(bad, "--db", live), words)
    assert file_state(live) == before, "a refused restore changed the live database"
    assert scalar(live, "SELECT epoch FROM content_version") == epoch
    assert scalar(live, "SELECT count(*) FROM article") == scalar(good_backup, "SELECT count(*) FROM article")
    # and no database is made where there was none
    nowhere = os.path.join(os.path.dirname(live), "never-made.db")
    refused(restore(bad, "--db", nowhere), words)
    assert not os.path.exists(nowhere)


def test_restore_refuses_a_missing_file_and_the_database_itself(tmp, live):
    before = file_state(live)
    refused(restore(os.path.join(tmp, "no-backup-here.db"), "--db", live), r"no such file")
    refused(restore(live, "--db", live), r"the database itself")
    assert file_state(live) == before
    assert restore().returncode == 2
    assert restore(live, "--force", "--db", live).returncode == 2  # --force is for backup only


def test_restore_upgrades_an_older_backup(tmp, good_backup):
    """A backup made before migration 008 (the schema of migrations 001-007 only, user_version 7, holding the
    good backup's rows in the columns that schema has) is brought up to date."""
    old = os.path.join(tmp, "pre-008.db")
    c = sqlite3.connect(old)
    for name in sorted(os.listdir(MIGRATIONS)):
        if name.endswith(".sql") and int(name[:3]) < 8:
            with open(os.path.join(MIGRATIONS, name)) as f:
                c.executescript(f.read())
    c.execute("PRAGMA foreign_keys = OFF")
    c.execute("ATTACH DATABASE ? AS good", (good_backup,))
    tables = [r[0] for r in c.execute("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                      "'sqlite%' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'search%'")]
    for t in tables:
        have = [r[1] for r in c.execute(f"PRAGMA main.table_info({t})")]
        there = {r[1] for r in c.execute(f"PRAGMA good.table_info({t})")}
        cols = ", ".join(x for x in have if x in there)
        if not cols:  # a table later migrations replaced
            continue
        c.execute(f"DELETE FROM main.{t}")
        c.execute(f"INSERT INTO main.{t} ({cols}) SELECT {cols} FROM good.{t}")
    c.commit()
    c.execute("DETACH DATABASE good")
    c.execute("PRAGMA user_version = 7")
    c.commit()
    c.close()
    target = os.path.join(tmp, "upgraded", "site.db")
    os.mkdir(os.path.dirname(target))
    p = ok(restore(old, "--db", target))
    assert "upgraded from 7" in p.stdout, p.stdout
    assert scalar(target, "PRAGMA user_version") == newest_schema()
    assert scalar(target, "SELECT epoch FROM content_version WHERE id = 1") >= 1
    assert scalar(target, "PRAGMA integrity_check") == "ok"
    new, was = rows(target, "article"), rows(good_backup, "article")
    cols = [r[1] for r in sqlite3.connect(target).execute("PRAGMA table_info(article)")]
    # every column but search_stamp, the search index's change counter that the copy's inserts moved on, and the
    # languages of the demo's translations (032), which a schema 7 had no column for
    later = {"search_stamp", "lang", "family_id", "source_revision"}
    diff = [(cols[i], a[i], b[i]) for a, b in zip(new, was) for i in range(len(a))
            if a[i] != b[i] and cols[i] not in later]
    assert len(new) == len(was) and not diff, (len(new), len(was), diff[:5])


def titles(srv, slug, n):
    """The article page's title n times, each request on a new connection."""
    out = []
    for _ in range(n):
        r = requests.get(srv.url(f"/article/{slug}"), timeout=10)
        assert r.status_code == 200, r.status_code
        out.append(h1_text(parse_html(r.text)))
    return out


def test_restore_while_serving_brings_back_the_old_content(tmp, demo):
    served = os.path.join(tmp, "restore-served")
    os.mkdir(served)
    db_path = os.path.join(served, "site.db")
    copy_database(demo, db_path)
    slug = published_slugs(db_path, 1)[0]
    original = scalar(db_path, "SELECT title FROM article WHERE slug = ?", (slug,))
    srv = start_plenary(served, db_path, {"outbox": os.path.join(served, "outbox")}, name="restore-server")
    try:
        saved = os.path.join(served, "before-edit.db")
        ok(backup(saved, "--db", db_path))
        epoch_before = scalar(db_path, "SELECT epoch FROM content_version")

        # the title changed in the live database after the backup; the page (never asked for until now)
        # shows the new one, and every worker keeps it in its page cache (each request comes on a new
        # connection, so they spread over the workers' listeners)
        changed = f"Changed after the backup {time.time_ns()}"
        c = sqlite3.connect(db_path, timeout=10)
        with c:
            c.execute("UPDATE article SET title = ? WHERE slug = ?", (changed, slug))
        c.close()
        assert titles(srv, slug, 20) == [changed] * 20

        traffic = Traffic(srv, ["/", f"/article/{slug}"], write=False)
        time.sleep(0.2)
        p = ok(restore(saved, "--db", db_path))
        time.sleep(0.2)
        traffic.stop()
        assert traffic.errors == [], traffic.errors[:5]
        assert traffic.statuses and all(code == 200 for _, code in traffic.statuses), \
            [s for s in traffic.statuses if s[1] != 200][:5]

        assert scalar(db_path, "SELECT title FROM article WHERE slug = ?", (slug,)) == original
        epoch = scalar(db_path, "SELECT epoch FROM content_version")
        assert epoch != epoch_before and epoch != scalar(saved, "SELECT epoch FROM content_version")
        assert f"content epoch {epoch}" in p.stdout, p.stdout

        # the running server notices the new epoch (it polls it), every worker drops its cached pages, and
        # the restored title is shown again, by every worker: ten requests in a row
        want = " ".join(original.split())
        deadline = time.monotonic() + 3
        shown = []
        while time.monotonic() < deadline:
            shown = titles(srv, slug, 10)
            if shown == [want] * 10:
                break
            time.sleep(0.1)
        assert shown == [want] * 10, f"after 3 s the server still shows {sorted(set(shown))!r}"
        assert srv.proc.poll() is None
    finally:
        rc = srv.stop()
    assert rc == 0, f"the server exited with {rc}; log tail:\n{srv.log()[-3000:]}"
