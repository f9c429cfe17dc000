"""Alerts and weekly digests (issue 18): articles published together make one mail per reader, each reader's
mail at their own level (every audience x every level), unconfirmed and suppressed addresses get nothing,
unpublished articles never appear, a failed batch queues nothing and a batch run again doubles nothing, the
scheduler sends after alert_delay_minutes, and the weekly digest is made once.

The mails are read from the durable queue (mail_queue) the producers fill; `plenary alerts run --now` runs
a batch at once (the server's own scheduler waits alert_delay_minutes, a day here, except in the test of
the scheduler)."""
import datetime
import os
import subprocess
import tempfile
import time
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from conftest import REPO, Plenary, _binary, make_demo_database, start_plenary

# a weekday three days from today: the scheduler's digest is never due while these tests run
FAR_DAY = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][
    (datetime.datetime.now().weekday() + 3) % 7]


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-alerts-") as tmp:
        s = start_plenary(tmp, make_demo_database(tmp),
                          {"alert_delay_minutes": 1440, "digest_weekday": FAR_DAY,
                           "outbox": os.path.join(tmp, "outbox")}, name="alerts-server")
        yield s
        assert s.stop() == 0, s.log()[-3000:]


def run_alerts(srv, *flags, check=True):
    r = subprocess.run([_binary(), "alerts", "run", *flags, "--config", srv.config_path, "--db", srv.db_path],
                       cwd=REPO, capture_output=True, text=True, timeout=120)
    if check:
        assert r.returncode == 0, r.stdout + r.stderr
    return r


def new_section(srv):
    slug = f"alerts-{uuid.uuid4().hex[:8]}"
    name = f"Section {slug[-8:]}"
    srv.execute("INSERT INTO section (site_id, slug, name) VALUES ((SELECT id FROM site WHERE is_default = 1), "
                "?, ?)", (slug, name))
    return srv.query("SELECT id FROM section WHERE slug = ?", (slug,))[0]["id"], name


def take_articles(srv, n, section, audiences=None, ago=30):
    """n of the demo's published articles no alert covered, moved into section, made public `ago` seconds
    ago with a body that says which they are: [(id, title, marker)]."""
    rows = srv.query("SELECT a.id, a.title FROM article a WHERE a.site_id = (SELECT id FROM site WHERE "
                     "is_default = 1) AND a.status = 'published' AND a.published_at < ? AND NOT EXISTS "
                     "(SELECT 1 FROM alert_article x WHERE x.article_id = a.id) ORDER BY a.id LIMIT ?",
                     (int(time.time()) - 3 * 86400, n))
    assert len(rows) == n, "the demo has too few articles left for these tests"
    out = []
    for i, r in enumerate(rows):
        marker = f"bodymarker{uuid.uuid4().hex[:10]}"
        audience = audiences[i] if audiences else "public"
        srv.execute("UPDATE article SET section_id = ?, congress_id = NULL, audience = ?, body = ?, "
                    "published_at = ? WHERE id = ?",
                    (section, audience, f"The full text {marker} for readers, [see the trials](/trials) and "
                     f"[elsewhere](//example.org/x).", int(time.time()) - ago, r["id"]))
        out.append((r["id"], r["title"], marker))
    return out


def add_subscriber(srv, section, level="anonymous", confirmed=True, cadence="immediate"):
    """A subscriber to section: an address alone ("anonymous") or an account's at a level."""
    email = f"alerts-{level}-{uuid.uuid4().hex[:10]}@example.org"
    now = int(time.time())
    user_id = None
    if level != "anonymous":
        verified = None if level == "unverified" else now
        hcp = 1 if level in ("hcp", "verified_hcp") else 0
        srv.execute('INSERT INTO "user" (email, email_verified_at, password_hash, name, profession, '
                    "hcp_declared, hcp_status, privacy_accepted_at, created_at, updated_at) VALUES "
                    "(?, ?, 'x', 'Dr Test', ?, ?, ?, ?, ?, ?)",
                    (email, verified, "physician" if hcp else "not_hcp", hcp,
                     "verified" if level == "verified_hcp" else "none", now, now, now))
        user_id = srv.query('SELECT id FROM "user" WHERE email = ?', (email,))[0]["id"]
    srv.execute("INSERT INTO subscriber (site_id, email, user_id, confirmed_at, created_at) VALUES "
                "((SELECT id FROM site WHERE is_default = 1), ?, ?, ?, ?)",
                (email, user_id, now if confirmed else None, now))
    sid = srv.query("SELECT id FROM subscriber WHERE email = ?", (email,))[0]["id"]
    srv.execute("INSERT INTO subscription (subscriber_id, kind, section_id, cadence, created_at) VALUES "
                "(?, 'section', ?, ?, ?)", (sid, section, cadence, now))
    return email, sid


def mails(srv, to, kind="alert"):
    return srv.query("SELECT subject, text_body, html_body, unsubscribe_url, dedupe, state FROM mail_queue "
                     "WHERE kind = ? AND to_addr = ? ORDER BY id", (kind, to))


def test_articles_published_together_make_one_mail_per_reader(srv):
    section, name = new_section(srv)
    arts = take_articles(srv, 3, section)
    # all three interviews of one congress: the subject names it, the kind and the section
    congress = srv.query("SELECT id, name FROM congress WHERE site_id = (SELECT id FROM site WHERE "
                         "is_default = 1) ORDER BY id LIMIT 1")[0]
    for aid, _title, _marker in arts:
        srv.execute("UPDATE article SET congress_id = ?, kind = 'interview' WHERE id = ?", (congress["id"], aid))
    a, a_id = add_subscriber(srv, section)
    b, _ = add_subscriber(srv, section, "member")
    out = run_alerts(srv, "--now").stdout
    assert "1 batch" in out, out
    for to in (a, b):
        got = mails(srv, to)
        assert len(got) == 1, got
        m = got[0]
        assert m["subject"] == f"{congress['name']}: 3 new interviews in {name}", m["subject"]
        for _id, title, marker in arts:
            assert title in m["text_body"] and marker in m["text_body"] and marker in m["html_body"]
        assert m["html_body"].lstrip().lower().startswith("<!doctype html>")
        # a mail has no address of its own: the site's paths in a body are absolute, other hosts' kept
        site_url = m["unsubscribe_url"].split("/unsubscribe")[0]
        assert f'href="{site_url}/trials"' in m["html_body"] and 'href="/trials"' not in m["html_body"]
        assert 'href="//example.org/x"' in m["html_body"]
    m = mails(srv, a)[0]
    assert m["dedupe"].startswith("alert:") and m["dedupe"].endswith(f":{a_id}")
    # the preferences link opens without signing in; the one-click URL unsubscribes with a bare POST
    prefs = [w for w in m["text_body"].split() if "/subscriptions?t=" in w][0]
    r = requests.get(srv.url(urlsplit(prefs).path + "?" + urlsplit(prefs).query), timeout=10)
    assert r.status_code == 200 and a in r.text
    u = urlsplit(m["unsubscribe_url"])
    assert u.path == "/unsubscribe" and parse_qs(u.query)["t"][0]
    assert m["unsubscribe_url"] in m["text_body"]
    r = requests.post(srv.url(f"{u.path}?{u.query}"), data="List-Unsubscribe=One-Click",
                      headers={"Content-Type": "application/x-www-form-urlencoded"}, timeout=10)
    assert r.status_code == 200
    assert srv.query("SELECT count(*) AS n FROM subscriber WHERE email = ?", (a,))[0]["n"] == 0
    # nothing pending: another run makes nothing, and queues no second mail
    assert "0 batches" in run_alerts(srv, "--now").stdout
    assert len(mails(srv, b)) == 1


AUDIENCES = ["public", "members", "hcp", "verified_hcp"]
LEVELS = {"anonymous": 0, "unverified": 0, "member": 1, "hcp": 2, "verified_hcp": 3}


def test_every_audience_at_every_level(srv):
    """The table: for each article audience and each reader level, the body where the site shows it to that
    reader, else the public summary and the link; never the body above the reader's level."""
    section, _ = new_section(srv)
    arts = take_articles(srv, 4, section, AUDIENCES)
    readers = {level: add_subscriber(srv, section, level)[0] for level in LEVELS}
    run_alerts(srv, "--now")
    for level, to in readers.items():
        got = mails(srv, to)
        assert len(got) == 1, (level, got)
        m = got[0]
        assert m["subject"].startswith("4 new "), m["subject"]
        for (aid, title, marker), audience in zip(arts, AUDIENCES):
            slug = srv.query("SELECT slug, summary FROM article WHERE id = ?", (aid,))[0]
            link = f"/article/{slug['slug']}"
            assert title in m["text_body"] and link in m["text_body"] and link in m["html_body"]
            assert slug["summary"] in m["text_body"]
            allowed = LEVELS[level] >= AUDIENCES.index(audience)
            assert (marker in m["text_body"]) == allowed, (level, audience)
            assert (marker in m["html_body"]) == allowed, (level, audience)
            # as the article page itself shows it to a reader of that level (anonymous: the same page)
            if level in ("anonymous",):
                page = requests.get(srv.url(link), timeout=10).text
                assert (marker in page) == allowed


def test_unconfirmed_suppressed_unpublished_and_others_get_nothing(srv):
    section, _ = new_section(srv)
    other, _ = new_section(srv)
    arts = take_articles(srv, 4, section)
    # one scheduled for later, one a draft, one deleted: never in a mail
    later, draft, gone = arts[1], arts[2], arts[3]
    srv.execute("UPDATE article SET status = 'scheduled', published_at = ? WHERE id = ?",
                (int(time.time()) + 3600, later[0]))
    srv.execute("UPDATE article SET status = 'draft' WHERE id = ?", (draft[0],))
    srv.execute("DELETE FROM article WHERE id = ?", (gone[0],))
    ok, _ = add_subscriber(srv, section)
    unconfirmed, _ = add_subscriber(srv, section, confirmed=False)
    weekly, _ = add_subscriber(srv, section, cadence="weekly")
    elsewhere, _ = add_subscriber(srv, other)
    suppressed, _ = add_subscriber(srv, section, "member")
    srv.execute("INSERT INTO mail_suppression (email, reason, source, created_at) VALUES (?, 'bounced', "
                "'bounce', ?)", (suppressed, int(time.time())))
    run_alerts(srv, "--now")
    got = mails(srv, ok)
    assert len(got) == 1
    assert arts[0][2] in got[0]["text_body"]
    for _id, title, marker in (later, draft, gone):
        assert marker not in got[0]["text_body"] and title not in got[0]["text_body"]
    assert got[0]["subject"].startswith("1 new ")
    for to in (unconfirmed, weekly, elsewhere):
        assert mails(srv, to) == []
    assert [m for m in mails(srv, suppressed) if m["state"] != "suppressed"] == []


def test_a_failed_batch_queues_nothing_and_a_batch_run_again_doubles_nothing(srv):
    section, _ = new_section(srv)
    take_articles(srv, 2, section)
    readers = [add_subscriber(srv, section)[0] for _ in range(3)]
    before = srv.query("SELECT count(*) AS n FROM alert_batch")[0]["n"]
    # the queue refuses the second message of the batch (a full disk, a lost connection, a crash)
    pg = srv.db_path.startswith("postgres")
    if pg:
        srv.execute("CREATE FUNCTION alerts_boom() RETURNS trigger AS $$ BEGIN IF NEW.to_addr = '" + readers[1]
                    + "' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql")
        srv.execute("CREATE TRIGGER alerts_boom BEFORE INSERT ON mail_queue FOR EACH ROW EXECUTE FUNCTION "
                    "alerts_boom()")
    else:
        srv.execute(f"CREATE TRIGGER alerts_boom BEFORE INSERT ON mail_queue WHEN NEW.to_addr = '{readers[1]}' "
                    "BEGIN SELECT RAISE(ABORT, 'boom'); END")
    try:
        r = run_alerts(srv, "--now", check=False)
        assert r.returncode != 0
        for to in readers:
            assert mails(srv, to) == []  # the first reader's mail was rolled back with the batch
        assert srv.query("SELECT count(*) AS n FROM alert_batch")[0]["n"] == before
    finally:
        srv.execute("DROP TRIGGER alerts_boom" + (" ON mail_queue" if pg else ""))
        if pg:
            srv.execute("DROP FUNCTION alerts_boom()")
    # done again: the whole batch once; again and again: nothing more
    assert "1 batch," in run_alerts(srv, "--now").stdout
    for _ in range(2):
        assert "0 batches" in run_alerts(srv, "--now").stdout
    for to in readers:
        assert len(mails(srv, to)) == 1


def test_the_weekly_digest_is_made_once(srv):
    section, name = new_section(srv)
    arts = take_articles(srv, 2, section, ["public", "hcp"], ago=3 * 86400)
    weekly, wid = add_subscriber(srv, section, "member", cadence="weekly")
    immediate, _ = add_subscriber(srv, section, cadence="immediate")
    out = run_alerts(srv, "--digest-now").stdout
    assert "digest" in out
    got = mails(srv, weekly, "digest")
    assert len(got) == 1, got
    m = got[0]
    week = datetime.datetime.now().strftime("%G-%V")
    assert m["dedupe"] == f"digest:{week}:{wid}"
    assert "This week on" in m["subject"] and f"in {name}" in m["subject"]
    assert arts[0][2] in m["text_body"] and arts[1][1] in m["text_body"]
    assert arts[1][2] not in m["text_body"] and arts[1][2] not in m["html_body"]  # hcp body, member reader
    assert mails(srv, immediate, "digest") == []
    # the same week again (a restart, a second run): no second digest
    run_alerts(srv, "--digest-now")
    assert len(mails(srv, weekly, "digest")) == 1


def test_the_scheduler_sends_a_batch_after_the_delay_and_a_scheduled_article_once_public():
    with tempfile.TemporaryDirectory(prefix="plenary-alerts-sched-") as tmp:
        s = start_plenary(tmp, make_demo_database(tmp),
                          {"alert_delay_minutes": 0, "digest_weekday": FAR_DAY,
                           "outbox": os.path.join(tmp, "outbox")}, name="alerts-scheduler")
        try:
            section, _ = new_section(s)
            arts = take_articles(s, 2, section)
            # the second becomes public in 3 s: the scheduler publishes it, and it is alerted after that
            s.execute("UPDATE article SET status = 'scheduled', published_at = ? WHERE id = ?",
                      (int(time.time()) + 3, arts[1][0]))
            to, _ = add_subscriber(s, section)
            deadline = time.monotonic() + 30
            seen = []
            while time.monotonic() < deadline:
                seen = [m["text_body"] for m in mails(s, to)]
                if any(arts[1][2] in t for t in seen):
                    break
                time.sleep(0.5)
            assert any(arts[0][2] in t for t in seen), s.log()[-2000:]
            assert any(arts[1][2] in t for t in seen), s.log()[-2000:]
            # each article in one mail only
            for _id, _title, marker in arts:
                assert sum(marker in t for t in seen) == 1
        finally:
            assert s.stop() == 0


def test_the_scheduler_makes_the_digest_at_its_hour_and_a_restart_makes_no_second():
    now = datetime.datetime.now(datetime.timezone.utc)
    today = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][now.weekday()]
    settings = {"alert_delay_minutes": 1440, "digest_weekday": today, "digest_hour": now.hour,
                "time_zone": "UTC"}
    with tempfile.TemporaryDirectory(prefix="plenary-alerts-digest-") as tmp:
        db = Plenary()  # the database before a server starts: the digest is due at once
        db.db_path = make_demo_database(tmp)
        section, _ = new_section(db)
        arts = take_articles(db, 2, section, ago=2 * 86400)
        to, sid = add_subscriber(db, section, "verified_hcp", cadence="weekly")
        s = start_plenary(tmp, db.db_path, {**settings, "outbox": os.path.join(tmp, "outbox")}, name="digest-1")
        try:
            deadline = time.monotonic() + 30
            got = []
            while time.monotonic() < deadline and not got:
                got = mails(s, to, "digest")
                time.sleep(0.5)
            assert len(got) == 1, s.log()[-2000:]
        finally:
            assert s.stop() == 0
        week = now.strftime("%G-%V")
        assert got[0]["dedupe"] == f"digest:{week}:{sid}"
        assert arts[0][2] in got[0]["text_body"] and arts[1][2] in got[0]["text_body"]
        # the same database served again (a restart) within the hour: no second digest
        s = start_plenary(tmp, db.db_path, {**settings, "outbox": os.path.join(tmp, "outbox")}, name="digest-2")
        try:
            time.sleep(7)
            assert len(mails(s, to, "digest")) == 1
            assert "digests: " not in s.log()
        finally:
            assert s.stop() == 0


def test_the_wording_comes_from_the_theme_and_a_theme_without_it_queues_nothing(srv, tmp_path):
    import shutil
    section, _ = new_section(srv)
    arts = take_articles(srv, 1, section)
    to, _ = add_subscriber(srv, section)
    theme = tmp_path / "theme"
    shutil.copytree(os.path.join(REPO, "themes", "default"), theme)
    os.remove(theme / "mail" / "alert.txt")
    ini = tmp_path / "alerts.ini"
    ini.write_text(f"[plenary]\ntheme = {theme}\n")

    def run(*flags):
        return subprocess.run([_binary(), "alerts", "run", *flags, "--config", str(ini), "--db", srv.db_path],
                              cwd=REPO, capture_output=True, text=True, timeout=120)

    r = run("--now")
    assert r.returncode != 0 and "mail/alert" in r.stderr + r.stdout
    assert mails(srv, to) == []
    assert srv.query("SELECT count(*) AS n FROM alert_article WHERE article_id = ?", (arts[0][0],))[0]["n"] == 0
    # the operator's own wording, without a rebuild
    (theme / "mail" / "alert.txt").write_text(
        "{{! an operator's wording }}\nSubject: Neu bei {{site_name}}: {{count}} <Artikel>\n\n"
        "{{#articles}}* {{title}} {{url}}\n{{/articles}}Abmelden: {{unsubscribe_url}}\n")
    r = run("--now")
    assert r.returncode == 0, r.stderr
    got = mails(srv, to)
    assert len(got) == 1
    assert got[0]["subject"].endswith(": 1 <Artikel>") and got[0]["subject"].startswith("Neu bei ")
    assert arts[0][1] in got[0]["text_body"] and got[0]["unsubscribe_url"] in got[0]["text_body"]


def test_a_mail_past_the_queue_s_size_limit_goes_with_summaries_and_links(srv):
    section, _ = new_section(srv)
    arts = take_articles(srv, 3, section)
    for aid, _title, marker in arts:  # 3 x 800 KB: the queue takes 2 MiB a part at most
        srv.execute("UPDATE article SET body = ? WHERE id = ?", (f"{marker} " + "long words here " * 51200, aid))
    to, _ = add_subscriber(srv, section)
    run_alerts(srv, "--now")
    got = mails(srv, to)
    assert len(got) == 1
    m = got[0]
    assert len(m["text_body"]) < 100000 and len(m["html_body"]) < 100000
    for aid, title, marker in arts:
        slug = srv.query("SELECT slug, summary FROM article WHERE id = ?", (aid,))[0]
        assert title in m["text_body"] and slug["summary"] in m["text_body"]
        assert f"/article/{slug['slug']}" in m["text_body"] and marker not in m["text_body"]


def test_the_html_parts_are_valid_html(srv, tmp_path):
    validator = os.path.join(REPO, "tests", "node_modules", "html-validate", "bin", "html-validate.js")
    if not os.path.exists(validator):
        pytest.skip("html-validate is not installed (cd tests && npm ci)")
    with open(os.path.join(REPO, "themes", "default", "mail", "top.html")) as f:
        if 'style="' in f.read():
            pytest.skip("mail/top.html still styles inline (the theme's mail classes are not merged yet)")
    section, _ = new_section(srv)
    take_articles(srv, 4, section, AUDIENCES)
    a, _ = add_subscriber(srv, section, "member")
    take_articles(srv, 2, section, ["public", "verified_hcp"], ago=3 * 86400)
    w, _ = add_subscriber(srv, section, "hcp", cadence="weekly")
    run_alerts(srv, "--now")
    srv.execute("DELETE FROM digest_run")
    run_alerts(srv, "--digest-now")
    files = []
    for to, kind in ((a, "alert"), (w, "digest")):
        got = mails(srv, to, kind)
        assert len(got) == 1
        path = tmp_path / f"{kind}.html"
        path.write_text(got[0]["html_body"])
        files.append(str(path))
    r = subprocess.run(["node", validator, "-c", os.path.join(REPO, "tests", ".htmlvalidate.json"), *files],
                       cwd=os.path.join(REPO, "tests"), capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr


def test_a_batch_killed_midway_is_made_again_whole_and_once(srv):
    """SIGKILL to `plenary alerts run` while it queues 20,000 mails: nothing or everything was queued, and
    the next run leaves exactly one mail per reader."""
    section, _ = new_section(srv)
    take_articles(srv, 2, section)
    tag = f"crash-{uuid.uuid4().hex[:8]}"
    n, now = 20000, int(time.time())
    site = "(SELECT id FROM site WHERE is_default = 1)"
    if srv.db_path.startswith("postgres"):
        srv.execute(f"INSERT INTO subscriber (site_id, email, confirmed_at, created_at) SELECT {site}, "
                    f"'{tag}-' || i || '@example.org', {now}, {now} FROM generate_series(1, {n}) AS i")
    else:
        srv.execute(f"WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < {n}) "
                    f"INSERT INTO subscriber (site_id, email, confirmed_at, created_at) SELECT {site}, "
                    f"'{tag}-' || i || '@example.org', {now}, {now} FROM c")
    srv.execute("INSERT INTO subscription (subscriber_id, kind, section_id, cadence, created_at) SELECT id, "
                "'section', ?, 'immediate', ? FROM subscriber WHERE email LIKE ?", (section, now, f"{tag}-%"))

    def queued():
        return srv.query("SELECT count(*) AS n FROM mail_queue WHERE to_addr LIKE ?", (f"{tag}-%",))[0]["n"]

    p = subprocess.Popen([_binary(), "alerts", "run", "--now", "--config", srv.config_path, "--db", srv.db_path],
                         cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    killed = p.poll() is None  # still queueing: the kill lands inside its transaction
    p.kill()
    p.wait()
    assert queued() == (0 if killed else n)
    print("killed midway" if killed else "finished before the kill")
    run_alerts(srv, "--now")
    run_alerts(srv, "--now")
    assert queued() == n
    assert srv.query("SELECT count(DISTINCT to_addr) AS n FROM mail_queue WHERE to_addr LIKE ?",
                     (f"{tag}-%",))[0]["n"] == n


def test_a_batch_waits_for_the_delay_and_for_a_quiet_spell(srv, tmp_path):
    """alert_delay_minutes = 10: not before the first article has been public ten minutes, nor while
    another followed in the last two."""
    ini = tmp_path / "delay.ini"
    ini.write_text("[plenary]\nalert_delay_minutes = 10\n")

    def run():
        r = subprocess.run([_binary(), "alerts", "run", "--config", str(ini), "--db", srv.db_path],
                           cwd=REPO, capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stderr
        return r.stdout

    section, _ = new_section(srv)
    first, second = take_articles(srv, 2, section, ago=300)
    to, _ = add_subscriber(srv, section)
    assert "0 batches" in run() and mails(srv, to) == []  # five minutes: too early
    now = int(time.time())
    srv.execute("UPDATE article SET published_at = ? WHERE id = ?", (now - 700, first[0]))
    srv.execute("UPDATE article SET published_at = ? WHERE id = ?", (now - 30, second[0]))
    assert "0 batches" in run() and mails(srv, to) == []  # another came 30 s ago: wait for quiet
    srv.execute("UPDATE article SET published_at = ? WHERE id = ?", (now - 200, second[0]))
    assert "1 batch," in run()
    got = mails(srv, to)
    assert len(got) == 1 and first[2] in got[0]["text_body"] and second[2] in got[0]["text_body"]


def test_an_alert_reaches_a_real_smtp_server_with_one_click_unsubscribe(tmp_path):
    """End to end once the queue has its sender: the alert is a multipart text and HTML mail with RFC 8058's
    List-Unsubscribe and List-Unsubscribe-Post, and a bare POST to that URL unsubscribes."""
    helptext = subprocess.run([_binary(), "--help"], capture_output=True, text=True).stdout
    if "mail_per_second" not in helptext:
        pytest.skip("the mail queue's sender is not merged yet")
    from conftest import start_smtp
    tmp = str(tmp_path)
    smtp = start_smtp(tmp)
    try:
        s = start_plenary(tmp, make_demo_database(tmp),
                          {"smtp_url": f"smtp://127.0.0.1:{smtp.port}", "alert_delay_minutes": 0,
                           "digest_weekday": FAR_DAY, "outbox": os.path.join(tmp, "outbox")}, name="alerts-smtp")
        try:
            section, name = new_section(s)
            arts = take_articles(s, 2, section, ["public", "verified_hcp"])
            to, _ = add_subscriber(s, section, "member")
            msg = smtp.mailbox.wait(to, timeout=30)
            assert f"in {name}" in msg["Subject"]
            text = msg.get_body(preferencelist=("plain",)).get_content()
            assert arts[0][2] in text and arts[1][2] not in text  # the member reads only the public body
            assert msg.get_content_type() == "multipart/alternative"
            html = msg.get_body(preferencelist=("html",)).get_content()
            assert arts[0][2] in html and arts[1][2] not in html
            assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
            # as sent, not as Python decodes it: mail clients read <URL>, never RFC 2047 encoded-words
            raw = dict(msg.raw_items())["List-Unsubscribe"]
            assert raw.strip().startswith("<http") and "=?" not in raw, raw
            link = msg["List-Unsubscribe"].strip().strip("<>")
            u = urlsplit(link)
            r = requests.post(s.url(f"{u.path}?{u.query}"), data="List-Unsubscribe=One-Click",
                              headers={"Content-Type": "application/x-www-form-urlencoded"}, timeout=10)
            assert r.status_code == 200
            assert s.query("SELECT count(*) AS n FROM subscriber WHERE email = ?", (to,))[0]["n"] == 0
        finally:
            assert s.stop() == 0
    finally:
        smtp.stop()
