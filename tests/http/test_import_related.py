"""After an import, the server scores the imported articles' related lists in the background (the import
queues them in related_pending and its one transaction never waits for the scoring), on both engines."""
import os
import time

from conftest import new_database, parse_html, run_plenary, start_plenary
from test_import import query
from wxr_make import Export, block_paragraph, utc


def related_slugs(srv, slug):
    import requests
    r = requests.get(srv.url(f"/article/{slug}"), timeout=10)
    assert r.status_code == 200, r.status_code
    box = parse_html(r.text).find("section", class_="related")
    if box is None:
        return set()
    return {a.get("href").rsplit("/", 1)[-1] for a in box.find_all("a") if "/article/" in (a.get("href") or "")}


def test_the_server_scores_an_imports_related_lists_in_the_background(tmp_path):
    tmp = str(tmp_path)
    db = new_database(tmp, "site.db")
    assert run_plenary(["init", db]).returncode == 0
    e = Export(site="https://old.example.org")
    e.author("admin", "ada@old.example.org", "Ada")
    e.category("breast-cancer", "Breast Cancer")
    e.tag("her2", "HER2")
    for i in range(6):
        e.post(900 + i, f"Trastuzumab deruxtecan interview {i}", block_paragraph(f"Part {i}."),
               slug=f"t-dxd-{i}", date=utc(2023, 12, 1 + i, 9, 0), categories=["breast-cancer"], tags=["her2"])
    xml = e.write(os.path.join(tmp, "export.xml"))
    p = run_plenary(["import", "wordpress", xml, "--db", db])
    assert p.returncode == 0, p.stderr
    # the import left the scoring to the server: no list yet, six articles queued
    assert query(db, "SELECT count(*) FROM article_related")[0][0] == 0
    assert query(db, "SELECT count(*) FROM related_pending")[0][0] == 6
    srv = start_plenary(tmp, db, {"outbox": os.path.join(tmp, "outbox")})
    try:
        deadline = time.time() + 15
        while time.time() < deadline and query(db, "SELECT count(*) FROM related_pending")[0][0]:
            time.sleep(0.2)
        assert query(db, "SELECT count(*) FROM related_pending")[0][0] == 0, "the queue was never scored"
        # the page drawn before or after, each article now lists the others of its section and topic
        deadline = time.time() + 5
        got = set()
        while time.time() < deadline:
            got = related_slugs(srv, "t-dxd-0")
            if got:
                break
            time.sleep(0.3)
        assert got and got <= {f"t-dxd-{i}" for i in range(1, 6)}, got
    finally:
        srv.stop()
