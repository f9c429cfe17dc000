"""Times in the site's time zone (time_zone = Europe/Brussels): the editor's date-time field is read and shown
on Brussels clocks and stored in UTC, a time the clocks skip is refused with 422, a time they show twice is the
first, every time the back office shows names its zone, and a zone the system does not know stops start-up."""
import calendar
import os
import subprocess
import tempfile
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from conftest import REPO, _binary, make_demo_database, make_staff, parse_html, start_plenary, text_of
from test_admin import Demo, field_errors, fields, open_editor, save, saved_id

BRUSSELS = ZoneInfo("Europe/Brussels")


def utc_of(local, fold=0):
    """Unix seconds of a Brussels wall-clock time (fold=1: the second of a time shown twice)."""
    return int(datetime.fromisoformat(local).replace(tzinfo=BRUSSELS, fold=fold).timestamp())


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-desk-time-") as tmp:
        s = start_plenary(tmp, make_demo_database(tmp), {"time_zone": "Europe/Brussels",
                                                        "outbox": os.path.join(tmp, "outbox")},
                          name="desk-time-server")
        yield s
        assert s.stop() == 0


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Tess Zone")


@pytest.fixture(scope="module")
def demo(srv):
    d = Demo()
    site = srv.query("SELECT id FROM site WHERE is_default = 1")[0]["id"]
    d.section = srv.query("SELECT * FROM section WHERE site_id = ? ORDER BY id", (site,))[0]
    return d


def published_at(srv, article_id):
    return srv.query("SELECT published_at FROM article WHERE id = ?", (article_id,))[0]["published_at"]


def test_the_field_is_a_date_time_in_the_zone(srv, editor):
    doc, _ = open_editor(editor)
    field = doc.find("input", id="field-published")
    assert field.get("type") == "datetime-local"
    label = doc.find("label", **{"for": "field-published"})
    assert "Europe/Brussels" in text_of(label)


@pytest.mark.parametrize("local", ["2031-06-14T09:30", "2031-01-10T09:30", "2031-06-14T09:30:05"])
def test_a_local_time_is_stored_in_utc_and_shown_as_written(srv, editor, demo, local):
    article_id = saved_id(save(editor, fields(demo, status="scheduled", published=local)))
    assert published_at(srv, article_id) == utc_of(local)
    _, shown = open_editor(editor, f"/admin/articles/{article_id}")
    assert shown["published"] == local


def test_a_time_the_clocks_skip_is_422(srv, editor, demo):
    before = srv.query("SELECT count(*) AS n FROM article")[0]["n"]
    r = save(editor, fields(demo, status="scheduled", published="2031-03-30T02:30"))
    assert r.status_code == 422
    msg = field_errors(parse_html(r.text))["published"]
    assert "does not exist in Europe/Brussels" in msg and "2031-03-30T02:30" in msg
    assert srv.query("SELECT count(*) AS n FROM article")[0]["n"] == before
    # a minute either side of the gap is fine
    for local in ("2031-03-30T01:59", "2031-03-30T03:00"):
        article_id = saved_id(save(editor, fields(demo, status="scheduled", published=local)))
        assert published_at(srv, article_id) == utc_of(local)


def test_a_time_the_clocks_show_twice_is_the_first(srv, editor, demo):
    article_id = saved_id(save(editor, fields(demo, status="scheduled", published="2031-10-26T02:30")))
    assert published_at(srv, article_id) == utc_of("2031-10-26T02:30", fold=0)
    assert utc_of("2031-10-26T02:30", fold=1) - utc_of("2031-10-26T02:30", fold=0) == 3600
    listing = editor.get(f"/admin/articles?status=scheduled")
    assert listing.status_code == 200


def test_the_article_list_and_audit_name_the_zone(srv, editor, demo):
    saved_id(save(editor, fields(demo, status="draft")))
    doc = parse_html(editor.get("/admin/articles?status=draft").text)
    times = [text_of(t) for t in doc.find_all("time")]
    assert times and all(t.endswith((" CET", " CEST")) for t in times), times
    now = time.localtime()  # the test's own clock, only for the year
    assert any(str(now.tm_year) in t for t in times)


def test_an_unknown_zone_stops_start_up_with_a_clear_error(tmp_path):
    ini = tmp_path / "bad.ini"
    for zone in ("Mars/Olympus", "../../etc/passwd", "Europe"):
        ini.write_text(f"[plenary]\ntime_zone = {zone}\n")
        p = subprocess.run([_binary(), "serve", "--config", str(ini), "--db", str(tmp_path / "x.db"),
                            "--listen", "127.0.0.1:1"], cwd=REPO, capture_output=True, text=True, timeout=20)
        assert p.returncode == 2, (zone, p.returncode, p.stderr)
        assert "is not a time zone" in p.stderr and zone in p.stderr, p.stderr


def test_the_public_date_is_the_day_on_the_zones_clocks(srv, editor, demo):
    # 00:30 in Brussels on 5 March is 23:30 on 4 March in UTC: readers in the site's zone see the 5th
    article_id = saved_id(save(editor, fields(demo, status="published", published="2024-03-05T00:30")))
    slug = srv.query("SELECT slug FROM article WHERE id = ?", (article_id,))[0]["slug"]
    doc = parse_html(editor.get(f"/article/{slug}").text)
    when = doc.find("p", class_="article-date").find("time")
    assert text_of(when) == "5 March 2024"
    assert when.get("datetime") == "2024-03-04T23:30:00Z"


def test_the_second_of_a_time_shown_twice_survives_a_save(srv, editor, demo):
    article_id = saved_id(save(editor, fields(demo, status="scheduled", published="2031-10-26T02:30")))
    second = utc_of("2031-10-26T02:30", fold=1)  # 02:30 CET, an hour after 02:30 CEST
    srv.execute("UPDATE article SET published_at = ? WHERE id = ?", (second, article_id))
    doc, shown = open_editor(editor, f"/admin/articles/{article_id}")
    shown = {k: v for k, v in shown.items() if k not in ("revision", "form_token")}
    assert shown["published"] == "2031-10-26T02:30"
    assert "Set to 26 Oct 2031, 02:30 CET." in text_of(doc.find("p", id="hint-published"))
    r = save(editor, {**shown, "title": "Retitled, same time", "action": "save"}, article_id)
    assert saved_id(r) == article_id
    assert published_at(srv, article_id) == second
    # changing the field reads it afresh: the first of the two
    r = save(editor, {**shown, "published": "2031-10-26T02:31", "action": "save"}, article_id)
    assert published_at(srv, saved_id(r)) == utc_of("2031-10-26T02:31", fold=0)
