"""Two nodes (two `plenary serve` processes) on one database: a change made through one is shown by the
other within a second, cached pages included; a session made on one works on the other, and ends on both
within a second of signing out; a scheduled article is published once, by one node."""
import os
import re
import tempfile
import time

import pytest
import requests

from conftest import form_values, h1_text, make_demo_database, make_staff, parse_html, start_plenary

CONSENTED = {"Cookie": "plenary_consent=rejected"}


@pytest.fixture(scope="module")
def nodes():
    with tempfile.TemporaryDirectory(prefix="plenary-nodes-") as tmp:
        db_path = make_demo_database(tmp)
        settings = {"outbox": os.path.join(tmp, "outbox"), "media_dir": os.path.join(tmp, "media")}
        a = start_plenary(tmp, db_path, settings, threads=1, name="node-a")
        b = start_plenary(tmp, db_path, settings, threads=1, name="node-b")
        try:
            yield a, b
        finally:
            assert a.stop() == 0 and b.stop() == 0, "a node did not stop cleanly"


def cached_on(srv, path, session):
    """Fetches path twice on one keep-alive connection (one worker); True when the second was a hit."""
    session.get(srv.url(path), headers=CONSENTED, timeout=10)
    return session.get(srv.url(path), headers=CONSENTED, timeout=10).headers.get("x-cache") == "hit"


def wait_for(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return time.monotonic() - (deadline - seconds)
        time.sleep(0.05)
    return None


def editor_save(editor, article_id, **changes):
    doc = parse_html(editor.get(f"/admin/articles/{article_id}").text)
    form = next(f for f in doc.find_all("form")
                if (f.get("action") or "").startswith("/admin/articles") and f.get("method") == "post")
    pairs = [(k, v) for k, v in form_values(form) if k not in changes and k != "action"]
    pairs += list(changes.items()) + [("action", "save")]
    r = editor.post(f"/admin/articles/{article_id}", data=pairs)
    assert r.status_code == 303, r.status_code


def test_an_edit_on_one_node_reaches_the_other_nodes_cached_page(nodes):
    a, b = nodes
    row = a.query("SELECT id, slug, title FROM article WHERE status = 'published' AND audience = 'public' "
                  "ORDER BY id LIMIT 1")[0]
    path = f"/article/{row['slug']}"
    reader_b = requests.Session()
    assert cached_on(b, path, reader_b), "node B does not cache the article page"
    editor = make_staff(a, "editor", name="Nina Node")
    new_title = row["title"] + " (updated on node A)"
    editor_save(editor, row["id"], title=new_title)

    def b_shows_it():
        r = reader_b.get(b.url(path), headers=CONSENTED, timeout=10)
        return h1_text(parse_html(r.text)) == new_title

    took = wait_for(b_shows_it, 1.0)
    assert took is not None, "node B still shows the old title a second after node A saved the new one"
    # and the lists on B name the new title too
    home = reader_b.get(b.url("/"), headers=CONSENTED, timeout=10).text
    assert new_title in home or row["slug"] not in home


def test_a_structure_change_on_one_node_reaches_the_other(nodes):
    a, b = nodes
    section = a.query("SELECT id, slug, name FROM section ORDER BY id LIMIT 1")[0]
    reader_b = requests.Session()
    assert cached_on(b, f"/section/{section['slug']}", reader_b)
    new_name = section["name"] + " and more"
    a.execute("UPDATE section SET name = ? WHERE id = ?", (new_name, section["id"]))  # as a tool would

    def b_shows_it():
        return new_name in reader_b.get(b.url(f"/section/{section['slug']}"), headers=CONSENTED, timeout=10).text

    assert wait_for(b_shows_it, 1.0) is not None, "node B missed a change written by another process"


def test_a_session_made_on_one_node_works_on_the_other(nodes):
    a, b = nodes
    editor = make_staff(a, "editor", name="Sam Session")
    r = requests.get(b.url("/account"), cookies={"plenary_session": editor.cookie}, timeout=10,
                     allow_redirects=False)
    assert r.status_code == 200, f"node B does not know node A's session: {r.status_code}"
    assert "Sam Session" in r.text
    # signing out on B ends it on A too
    token = re.search(r'name="form_token" value="([^"]+)"', r.text).group(1)
    out = requests.post(b.url("/signout"), data={"form_token": token}, cookies={"plenary_session": editor.cookie},
                        headers={"Origin": b.base}, timeout=10, allow_redirects=False)
    assert out.status_code == 303
    gone = requests.get(b.url("/account"), cookies={"plenary_session": editor.cookie}, timeout=10,
                        allow_redirects=False)
    assert gone.status_code in (302, 303), "the node that signed the session out still knows it"

    def a_forgot_it():  # node A's loops remember a session for up to a second
        again = requests.get(a.url("/account"), cookies={"plenary_session": editor.cookie}, timeout=10,
                             allow_redirects=False)
        return again.status_code in (302, 303) and "/signin" in again.headers.get("location", "")

    assert wait_for(a_forgot_it, 1.5) is not None, "node A still knows a session node B signed out"


def test_a_scheduled_article_is_published_once_by_one_node(nodes):
    a, b = nodes
    due = int(time.time()) + 2
    a.execute("""INSERT INTO article (site_id, slug, title, summary, body, section_id, status, audience,
                 published_at, created_at, updated_at) VALUES (1, 'two-nodes-due', 'Due on two nodes', '', '',
                 (SELECT id FROM section WHERE site_id = 1 ORDER BY id LIMIT 1), 'scheduled', 'public', ?, ?, ?)""",
              (due, due, due))
    for srv in (a, b):
        requests.get(srv.url("/"), headers=CONSENTED, timeout=10)  # cached before the second

    def both_show_it():
        return all('href="/article/two-nodes-due"' in requests.get(s.url("/"), headers=CONSENTED, timeout=10).text
                   for s in (a, b))

    assert wait_for(both_show_it, 4.0) is not None, "a node's home page does not show the due article"
    assert a.query("SELECT status FROM article WHERE slug = 'two-nodes-due'")[0]["status"] == "published"
    time.sleep(0.5)
    logs = a.log() + b.log()
    published = [int(n) for n in re.findall(r"scheduler: published (\d+) scheduled article", logs)]
    assert sum(published) == 1, f"the scheduled article was published {sum(published)} times: {published}"
