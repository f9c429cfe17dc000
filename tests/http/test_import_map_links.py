"""A category or tag the --map sends to an existing section, congress or topic keeps its old archive's
address: /category/NAME/ and /tag/NAME/ answer 301 to where the map sent them (both engines)."""
import os
from urllib.parse import urlsplit

import requests

from conftest import make_demo_database, run_plenary, start_plenary
from wxr_make import Export, block_paragraph, utc


def test_a_mapped_category_and_tag_keep_their_archives_addresses(tmp_path):
    tmp = str(tmp_path)
    db = make_demo_database(tmp)
    e = Export(site="https://old.example.org")
    e.author("admin", "ada@old.example.org", "Ada")
    e.category("breast", "Breast")
    e.tag("sabcs23", "SABCS 2023")
    e.tag("her2", "HER2")
    e.post(501, "Mapped post", block_paragraph("Text."), slug="mapped-post", date=utc(2023, 12, 7, 9, 0),
           categories=["breast"], tags=["sabcs23", "her2"])
    xml = e.write(os.path.join(tmp, "export.xml"))
    ini = os.path.join(tmp, "map.ini")
    with open(ini, "w") as f:
        f.write("[categories]\nbreast = section:breast-cancer\n"
                "[tags]\nsabcs23 = congress:sabcs-2023\nher2 = topic:HER2-positive disease\n")
    p = run_plenary(["import", "wordpress", xml, "--db", db, "--site", "oncology.localhost", "--map", ini])
    assert p.returncode == 0, p.stderr
    srv = start_plenary(tmp, db, {"outbox": os.path.join(tmp, "outbox")})
    try:
        def moved(path):
            r = requests.get(srv.url(path), headers={"Host": "oncology.localhost"}, allow_redirects=False,
                             timeout=10)
            assert r.status_code == 301, f"{path}: {r.status_code}"
            return urlsplit(r.headers["location"]).path
        assert moved("/category/breast/") == "/section/breast-cancer"
        assert moved("/tag/sabcs23/") == "/congress/sabcs-2023"
        assert moved("/tag/her2/") == "/tag/her2-positive-disease"
        assert moved("/2023/12/07/mapped-post/") == "/article/mapped-post"
    finally:
        srv.stop()
