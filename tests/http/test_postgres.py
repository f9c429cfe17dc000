"""What only PostgreSQL has to show: a site served while its database goes away and comes back (503 meanwhile,
never a crash), two nodes on one PostgreSQL database, and `plenary backup`/`plenary restore` with pg_dump's
custom format while serving. Runs only with PLENARY_TEST_PG (conftest); skipped on SQLite, whose twins are
test_nodes.py and test_backup.py.

The outage test needs a PostgreSQL of its own (it is stopped and started again): a throwaway cluster made with
scripts/pgtmp.sh on a free port in a temporary folder.
"""
import os
import re
import subprocess
import tempfile
import threading
import time

import pytest
import requests

from conftest import (REPO, Reader, _free_port, add_user, connect, h1_text, make_demo_database, make_staff,
                      new_database, parse_html, postgres_only, run_plenary, start_plenary, unique_email)
from test_nodes import CONSENTED, cached_on, editor_save, wait_for

pytestmark = postgres_only()

PGTMP = os.path.join(REPO, "scripts", "pgtmp.sh")


# ---- the database goes away and comes back -----------------------------------------------------------------

class Cluster:
    """A PostgreSQL of the test's own, made and started with scripts/pgtmp.sh."""

    def __init__(self, folder):
        self.dir = folder
        self.port = 0
        self.url = ""

    def start(self):
        p = subprocess.run([PGTMP, "start", self.dir, str(self.port)], capture_output=True, text=True, timeout=120)
        assert p.returncode == 0, f"pgtmp.sh start failed: {p.stderr}"
        self.url = p.stdout.strip()

    def stop(self):
        p = subprocess.run([PGTMP, "stop", self.dir], capture_output=True, text=True, timeout=60)
        assert p.returncode == 0, f"pgtmp.sh stop failed: {p.stderr}"


@pytest.fixture()
def own_cluster():
    with tempfile.TemporaryDirectory(prefix="plenary-pg-outage-") as tmp:
        os.chmod(tmp, 0o711)  # the cluster's folder inside belongs to the postgres user when we are root
        cluster = Cluster(os.path.join(tmp, "cluster"))
        last = ""
        for _attempt in range(3):  # a port picked free can be taken before PostgreSQL binds it
            cluster.port = _free_port()
            p = subprocess.run([PGTMP, "start", cluster.dir, str(cluster.port)], capture_output=True, text=True,
                               timeout=120)
            if p.returncode == 0:
                cluster.url = p.stdout.strip()
                break
            last = p.stderr
        else:
            pytest.fail(f"a PostgreSQL of the test's own did not start: {last}")
        try:
            yield tmp, cluster
        finally:
            subprocess.run([PGTMP, "stop", cluster.dir], capture_output=True, timeout=60)


def test_an_outage_answers_503_and_the_site_comes_back(own_cluster):
    tmp, cluster = own_cluster
    import psycopg2
    admin = psycopg2.connect(cluster.url + "postgres", connect_timeout=10)
    admin.autocommit = True
    admin.cursor().execute("CREATE DATABASE plenary_outage")
    admin.close()
    url = cluster.url + "plenary_outage"
    p = run_plenary(["demo", url], timeout=120)
    assert p.returncode == 0, p.stderr
    srv = start_plenary(tmp, url, {"outbox": os.path.join(tmp, "outbox")}, name="outage-server")
    try:
        r = requests.get(srv.url("/search?q=before-the-outage"), timeout=10)
        assert r.status_code == 200, r.status_code
        cached = requests.get(srv.url("/"), timeout=10)
        assert cached.status_code == 200

        cluster.stop()
        for word in ("during-the-outage", "still-down"):
            started = time.monotonic()
            r = requests.get(srv.url(f"/search?q={word}"), timeout=15)
            assert r.status_code == 503, f"an uncached page during the outage: {r.status_code}, {r.text[:300]}"
            assert r.headers.get("retry-after", "").isdigit(), r.headers
            assert time.monotonic() - started < 10, "the answer during the outage took too long"
        assert srv.proc.poll() is None, f"the server stopped during the outage; log:\n{srv.log()[-3000:]}"

        cluster.start()
        seen = []

        def back():
            r = requests.get(srv.url("/search?q=after-the-outage"), timeout=10)
            seen.append(r.status_code)
            return r.status_code == 200

        took = wait_for(back, 5.0)
        assert took is not None, f"5 s after PostgreSQL came back the server still answers {seen[-5:]}"
        assert requests.get(srv.url("/"), timeout=10).status_code == 200
    finally:
        rc = srv.stop()
    assert rc == 0, f"the server exited with {rc}; log tail:\n{srv.log()[-3000:]}"


# ---- two nodes on one PostgreSQL database ----------------------------------------------------------------

@pytest.fixture(scope="module")
def pg_nodes():
    with tempfile.TemporaryDirectory(prefix="plenary-pg-nodes-") as tmp:
        db_path = make_demo_database(tmp)
        settings = {"outbox": os.path.join(tmp, "outbox"), "media_dir": os.path.join(tmp, "media")}
        a = start_plenary(tmp, db_path, settings, threads=1, name="pg-node-a")
        b = start_plenary(tmp, db_path, settings, threads=1, name="pg-node-b")
        try:
            yield a, b
        finally:
            assert a.stop() == 0 and b.stop() == 0, "a node did not stop cleanly"


def public_article(srv, offset=0):
    return srv.query("SELECT id, slug, title FROM article WHERE status = 'published' AND audience = 'public' "
                     "ORDER BY id LIMIT 1 OFFSET ?", (offset,))[0]


def shows_title(srv, session, path, title):
    r = session.get(srv.url(path), headers=CONSENTED, timeout=10)
    return r.status_code == 200 and h1_text(parse_html(r.text)) == title


def test_a_direct_update_reaches_the_other_nodes_cached_page_within_a_second(pg_nodes):
    a, b = pg_nodes
    row = public_article(a, 3)
    path = f"/article/{row['slug']}"
    reader_b = requests.Session()
    assert cached_on(b, path, reader_b), "node B does not cache the article page"
    new_title = f"{row['title']} (changed in the database {time.time_ns()})"
    assert a.execute("UPDATE article SET title = ? WHERE id = ?", (new_title, row["id"])) == 1
    took = wait_for(lambda: shows_title(b, reader_b, path, new_title), 1.0)
    assert took is not None, "node B still shows the old title a second after the UPDATE"


def test_an_edit_through_node_a_reaches_node_b_within_a_second(pg_nodes):
    a, b = pg_nodes
    row = public_article(a, 4)
    path = f"/article/{row['slug']}"
    reader_b = requests.Session()
    assert cached_on(b, path, reader_b)
    editor = make_staff(a, "editor", name="Pia Postgres")
    new_title = row["title"] + " (edited on node A)"
    editor_save(editor, row["id"], title=new_title)
    took = wait_for(lambda: shows_title(b, reader_b, path, new_title), 1.0)
    assert took is not None, "node B still shows the old title a second after node A saved the new one"


def test_sessions_are_shared_and_end_on_both_nodes(pg_nodes):
    a, b = pg_nodes
    editor = make_staff(a, "editor", name="Sid Shared")
    r = requests.get(b.url("/account"), cookies={"plenary_session": editor.cookie}, timeout=10,
                     allow_redirects=False)
    assert r.status_code == 200 and "Sid Shared" in r.text, f"node B does not know node A's session: {r.status_code}"
    token = re.search(r'name="form_token" value="([^"]+)"', r.text).group(1)
    out = requests.post(b.url("/signout"), data={"form_token": token}, cookies={"plenary_session": editor.cookie},
                        headers={"Origin": b.base}, timeout=10, allow_redirects=False)
    assert out.status_code == 303

    def a_forgot_it():
        again = requests.get(a.url("/account"), cookies={"plenary_session": editor.cookie}, timeout=10,
                             allow_redirects=False)
        return again.status_code in (302, 303) and "/signin" in again.headers.get("location", "")

    assert wait_for(a_forgot_it, 1.5) is not None, "node A still knows a session node B signed out"


def test_a_scheduled_article_is_published_exactly_once(pg_nodes):
    a, b = pg_nodes
    due = int(time.time()) + 3
    a.execute("""INSERT INTO article (site_id, slug, title, summary, body, section_id, status, audience,
                 published_at, created_at, updated_at) VALUES (1, 'pg-nodes-due', 'Due on two PostgreSQL nodes',
                 '', '', (SELECT id FROM section WHERE site_id = 1 ORDER BY id LIMIT 1), 'scheduled', 'public',
                 ?, ?, ?)""", (due, due, due))
    article_id = a.query("SELECT id FROM article WHERE slug = 'pg-nodes-due'")[0][0]
    logged_before = a.query("SELECT count(*) FROM change_log WHERE kind = 'article' AND article_id = ?",
                            (article_id,))[0][0]
    for srv in (a, b):
        requests.get(srv.url("/"), headers=CONSENTED, timeout=10)

    def both_show_it():
        return all('href="/article/pg-nodes-due"' in requests.get(s.url("/"), headers=CONSENTED, timeout=10).text
                   for s in (a, b))

    assert wait_for(both_show_it, 5.0) is not None, "a node's home page does not show the due article"
    time.sleep(1.0)  # a second publication, if any, would have happened by now
    assert a.query("SELECT status FROM article WHERE id = ?", (article_id,))[0][0] == "published"
    # one change of the row (the publication), by one node; and no more than one audit line about it
    logged = a.query("SELECT count(*) FROM change_log WHERE kind = 'article' AND article_id = ?",
                     (article_id,))[0][0]
    assert logged - logged_before == 1, f"the article changed {logged - logged_before} times"
    audits = a.query("SELECT action FROM audit_log WHERE target = ?", (f"article:{article_id}",))
    assert len(audits) <= 1, [r[0] for r in audits]
    logs = a.log() + b.log()
    published = [int(n) for n in re.findall(r"scheduler: published (\d+) scheduled article", logs)]
    assert sum(published) == 1, f"the scheduled article was published {sum(published)} times: {published}"


# ---- backup and restore with pg_dump's custom format ----------------------------------------------------------

def table_rows(target, table):
    """Every row of a table as tuples, in a stable order (not every table has an id)."""
    c = connect(target)
    try:
        rows = [tuple(r) for r in c.execute(f'SELECT * FROM "{table}"').fetchall()]
    finally:
        c.close()
    return sorted(rows, key=lambda r: [(v is None, str(v)) for v in r])


def scalar(target, sql, params=()):
    c = connect(target)
    try:
        return c.execute(sql, params).fetchone()[0]
    finally:
        c.close()


def ok(p):
    assert p.returncode == 0, f"exit {p.returncode}: {p.stdout} {p.stderr}"
    return p


def refused(p, words):
    assert p.returncode == 1, f"expected exit 1, got {p.returncode}: {p.stdout} {p.stderr}"
    assert re.search(words, p.stderr, re.I), f"the message does not say {words!r}: {p.stderr!r}"


def titles(srv, slug, n):
    out = []
    for _ in range(n):
        r = requests.get(srv.url(f"/article/{slug}"), timeout=10)
        assert r.status_code == 200, r.status_code
        out.append(h1_text(parse_html(r.text)))
    return out


class Readers:
    """Requests to a server on a thread until stop(): a site being read while a backup or restore runs."""

    def __init__(self, srv, paths):
        self.srv, self.paths, self.statuses, self.errors = srv, paths, [], []
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run)
        self.thread.start()

    def _run(self):
        i = 0
        while not self.done.is_set():
            path = self.paths[i % len(self.paths)]
            i += 1
            try:
                self.statuses.append((path, requests.get(self.srv.url(path), timeout=10).status_code))
            except requests.RequestException as e:
                self.errors.append(f"GET {path}: {e}")

    def stop(self):
        self.done.set()
        self.thread.join(timeout=20)


CHECKED = ("article", "user", "revision", "article_person", "reference", "article_tag", "site", "section")


def test_backup_while_serving_then_restore_brings_everything_back():
    with tempfile.TemporaryDirectory(prefix="plenary-pg-backup-") as tmp:
        db = make_demo_database(tmp)
        for role in ("editor", "admin"):
            p, _ = add_user(db, unique_email(role), role)
            assert p.returncode == 0, p.stderr
        srv = start_plenary(tmp, db, {"outbox": os.path.join(tmp, "outbox")}, name="pg-backup-server")
        try:
            slug = srv.query("SELECT slug FROM article WHERE status = 'published' AND audience = 'public' "
                             "ORDER BY id LIMIT 1")[0][0]
            editor = make_staff(srv, "editor", name="Rita Revision")
            article_id = srv.query("SELECT id FROM article WHERE slug = ?", (slug,))[0][0]
            editor_save(editor, article_id, summary="A summary saved before the backup")  # a revision
            original = srv.query("SELECT title FROM article WHERE slug = ?", (slug,))[0][0]
            before = {t: table_rows(db, t) for t in CHECKED}
            assert before["revision"] and before["user"], "nothing to compare"

            saved = os.path.join(tmp, "backups", "site.dump")
            os.mkdir(os.path.dirname(saved))
            readers = Readers(srv, ["/", f"/article/{slug}"])
            time.sleep(0.2)
            p = ok(run_plenary(["backup", saved, "--db", db], timeout=120))
            readers.stop()
            assert readers.errors == [] and all(code == 200 for _, code in readers.statuses), \
                (readers.errors[:3], [s for s in readers.statuses if s[1] != 200][:3])
            articles = len(before["article"])
            size = os.path.getsize(saved)
            assert f"{articles} articles" in p.stdout and str(size) in p.stdout, p.stdout
            with open(saved, "rb") as f:
                assert f.read(5) == b"PGDMP", "not pg_dump's custom format"
            assert os.stat(saved).st_mode & 0o077 == 0, oct(os.stat(saved).st_mode)
            assert os.listdir(os.path.dirname(saved)) == ["site.dump"], "a temporary file was left"
            # refused without --force, the file kept; replaced with it
            mtime = os.stat(saved).st_mtime_ns
            refused(run_plenary(["backup", saved, "--db", db]), r"already exists.*--force")
            assert os.stat(saved).st_mtime_ns == mtime
            ok(run_plenary(["backup", saved, "--db", db, "--force"], timeout=120))
            epoch_before = scalar(db, "SELECT epoch FROM content_version")

            # the database changed after the backup: a title, an article gone, a new account, a new revision
            changed = f"Changed after the backup {time.time_ns()}"
            srv.execute("UPDATE article SET title = ? WHERE slug = ?", (changed, slug))
            gone = srv.query("SELECT id FROM article WHERE slug <> ? ORDER BY id DESC LIMIT 1", (slug,))[0][0]
            srv.execute("DELETE FROM article WHERE id = ?", (gone,))
            p, _ = add_user(db, unique_email("after"), "reader")
            assert p.returncode == 0, p.stderr
            editor_save(editor, article_id, summary="A summary saved after the backup")
            assert titles(srv, slug, 10) == [changed] * 10

            # a file that is not a PostgreSQL backup is refused, the database untouched
            junk = os.path.join(tmp, "junk.dump")
            with open(junk, "w") as f:
                f.write("not a backup\n" * 50)
            refused(run_plenary(["restore", junk, "--db", db]), r"not a PostgreSQL backup")
            truncated = os.path.join(tmp, "truncated.dump")
            with open(saved, "rb") as f, open(truncated, "wb") as g:
                g.write(f.read()[:size // 3])
            refused(run_plenary(["restore", truncated, "--db", db]), r"damaged|failed")
            assert scalar(db, "SELECT title FROM article WHERE slug = ?", (slug,)) == changed

            readers = Readers(srv, ["/", f"/article/{slug}"])
            time.sleep(0.2)
            p = ok(run_plenary(["restore", saved, "--db", db], timeout=120))
            time.sleep(0.2)
            readers.stop()
            assert readers.errors == [] and all(code == 200 for _, code in readers.statuses), \
                (readers.errors[:3], [s for s in readers.statuses if s[1] != 200][:3])
            epoch = scalar(db, "SELECT epoch FROM content_version")
            assert epoch > epoch_before and f"content epoch {epoch}" in p.stdout, (epoch, epoch_before, p.stdout)
            assert f"{articles} articles" in p.stdout, p.stdout
            for t in CHECKED:
                assert table_rows(db, t) == before[t], f"table {t} differs after the restore"

            # the running server drops what it cached and shows the restored title, on every worker
            want = " ".join(original.split())
            deadline = time.monotonic() + 3
            shown = []
            while time.monotonic() < deadline:
                shown = titles(srv, slug, 10)
                if shown == [want] * 10:
                    break
                time.sleep(0.1)
            assert shown == [want] * 10, f"after 3 s the server still shows {sorted(set(shown))!r}"
            # and it goes on working: an account made after the restore signs in (a restore that made the
            # tables' collation again broke the statements the server had prepared)
            address = unique_email("after-restore")
            p, password = add_user(db, address, "editor")
            assert p.returncode == 0, p.stderr
            late = Reader(srv, email=address, password=password)
            r = late.signin()
            assert r.status_code == 303 and late.cookie, \
                (r.status_code, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", r.text.split("<main", 1)[-1]))[:600],
                 srv.query("SELECT id, email, role FROM user WHERE email = ?", (address,)), srv.log()[-1500:])
            assert srv.proc.poll() is None
        finally:
            rc = srv.stop()
        assert rc == 0, f"the server exited with {rc}; log tail:\n{srv.log()[-3000:]}"


def test_restore_into_an_empty_database():
    with tempfile.TemporaryDirectory(prefix="plenary-pg-restore-") as tmp:
        db = make_demo_database(tmp)
        saved = os.path.join(tmp, "demo.dump")
        ok(run_plenary(["backup", saved, "--db", db], timeout=120))
        empty = new_database(tmp, "empty")
        p = ok(run_plenary(["restore", saved, "--db", empty], timeout=120))
        assert "restored" in p.stdout
        for t in CHECKED:
            assert table_rows(empty, t) == table_rows(db, t), t
        assert scalar(empty, "SELECT epoch FROM content_version") > scalar(db, "SELECT epoch FROM content_version")
        # a SQLite file is not a PostgreSQL backup
        sqlite_file = os.path.join(tmp, "sqlite.db")
        import sqlite3
        c = sqlite3.connect(sqlite_file)
        c.execute("CREATE TABLE article (id INTEGER PRIMARY KEY)")
        c.commit()
        c.close()
        refused(run_plenary(["restore", sqlite_file, "--db", empty]), r"SQLite backup")
