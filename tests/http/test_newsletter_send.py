"""A newsletter is sent once whatever happens (issue 18): the server killed in the middle of queueing it, and two
servers (nodes) on one database whose schedulers find it due together. Each test has servers of its own, on
a demo database with thousands of confirmed subscribers put in with SQL."""
import signal
import tempfile
import time

from conftest import connect, make_demo_database, start_plenary

SUBSCRIBERS = 12000


def seed(db_path, count):
    """count confirmed subscribers of the default site and a newsletter of its 10 newest articles, scheduled an
    hour ahead; returns its id."""
    now = int(time.time())
    c = connect(db_path)
    try:
        with c:
            site = c.execute("SELECT id FROM site WHERE is_default = 1").fetchone()[0]
            c.executemany("INSERT INTO subscriber (site_id, email, confirmed_at, created_at) VALUES (?, ?, ?, ?)",
                          [(site, f"once{i}@example.org", now, now) for i in range(count)])
            c.execute("INSERT INTO newsletter (site_id, subject, intro, state, send_at, created_at, updated_at) "
                      "VALUES (?, 'Once', 'Hello', 'scheduled', ?, ?, ?)", (site, now + 3600, now, now))
            nid = c.execute("SELECT max(id) FROM newsletter").fetchone()[0]
            arts = [r[0] for r in c.execute("SELECT id FROM article WHERE site_id = ? AND status = 'published' "
                                            "ORDER BY published_at DESC LIMIT 10", (site,)).fetchall()]
            c.executemany("INSERT INTO newsletter_article (newsletter_id, article_id, position) VALUES (?, ?, ?)",
                          [(nid, a, i) for i, a in enumerate(arts)])
    finally:
        c.close()
    return nid


def make_due(db_path, nid):
    c = connect(db_path)
    try:
        with c:
            c.execute("UPDATE newsletter SET send_at = ? WHERE id = ?", (int(time.time()) - 1, nid))
    finally:
        c.close()


def one(db_path, sql, params=()):
    c = connect(db_path)
    try:
        return c.execute(sql, params).fetchone()[0]
    finally:
        c.close()


def wait_sent(db_path, nid, timeout=60):
    deadline = time.monotonic() + timeout
    while one(db_path, "SELECT state FROM newsletter WHERE id = ?", (nid,)) != "sent":
        assert time.monotonic() < deadline, f"newsletter {nid} not sent within {timeout} s"
        time.sleep(0.2)


def assert_once(db_path, nid, count):
    assert one(db_path, "SELECT count(*) FROM mail_queue WHERE campaign_id = ?", (nid,)) == count
    assert one(db_path, "SELECT count(DISTINCT to_addr) FROM mail_queue WHERE campaign_id = ?", (nid,)) == count
    assert one(db_path, "SELECT recipients FROM newsletter WHERE id = ?", (nid,)) == count
    assert one(db_path, "SELECT count(*) FROM newsletter_recipient WHERE newsletter_id = ?", (nid,)) == count


def test_killed_in_the_middle_of_queueing_it_sends_it_once_after_restart():
    with tempfile.TemporaryDirectory(prefix="plenary-news-kill-") as tmp:
        db_path = make_demo_database(tmp)
        nid = seed(db_path, SUBSCRIBERS)
        outbox = f"{tmp}/outbox"
        srv = start_plenary(tmp, db_path, {"outbox": outbox}, name="first")
        try:
            make_due(db_path, nid)
            deadline = time.monotonic() + 10
            while f"newsletter {nid} \"Once\" due" not in srv.log():  # claimed: it is queueing now
                assert time.monotonic() < deadline, "the scheduler did not start sending"
                time.sleep(0.02)
            time.sleep(0.3)  # some of the 12,000 queued (they take seconds), inside its transaction
            srv.proc.send_signal(signal.SIGKILL)
            srv.proc.wait()
        finally:
            srv.stop()
        queued = one(db_path, "SELECT count(*) FROM mail_queue WHERE campaign_id = ?", (nid,))
        state = one(db_path, "SELECT state FROM newsletter WHERE id = ?", (nid,))
        # all or nothing: killed inside its transaction, nothing of it is left (and it is still scheduled)
        assert (state, queued) == ("scheduled", 0), (state, queued)
        again = start_plenary(tmp, db_path, {"outbox": outbox}, name="second")
        try:
            wait_sent(db_path, nid)
            time.sleep(1.5)  # a later tick finds nothing more to send
            assert_once(db_path, nid, SUBSCRIBERS)
        finally:
            assert again.stop() == 0


def test_two_nodes_on_one_database_send_it_once():
    with tempfile.TemporaryDirectory(prefix="plenary-news-nodes-") as tmp:
        db_path = make_demo_database(tmp)
        nid = seed(db_path, 3000)
        nodes = [start_plenary(tmp, db_path, {"outbox": f"{tmp}/outbox-{i}"}, name=f"node{i}") for i in range(2)]
        try:
            make_due(db_path, nid)
            wait_sent(db_path, nid)
            time.sleep(2.5)  # both schedulers have looked again since
            assert_once(db_path, nid, 3000)
            logs = [n.log() for n in nodes]
            assert sum(log.count(f"newsletter {nid} \"Once\" sent") for log in logs) == 1, logs
        finally:
            for n in nodes:
                assert n.stop() == 0
