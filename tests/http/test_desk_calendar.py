"""The calendar (/admin/calendar): a month of scheduled and published articles in weeks from Monday, each on
its day on the site's clocks (time_zone = Europe/Brussels, not UTC), with its time, status and a link to the
editor; months before and after; a month that is not one is a 400."""
import os
import tempfile

import pytest

from conftest import make_demo_database, make_staff, parse_html, start_plenary, text_of
from test_admin import Demo, fields, save, saved_id


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-desk-calendar-") as tmp:
        s = start_plenary(tmp, make_demo_database(tmp), {"time_zone": "Europe/Brussels",
                                                        "outbox": os.path.join(tmp, "outbox")},
                          name="desk-calendar-server")
        yield s
        assert s.stop() == 0


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Cal Endar")


@pytest.fixture(scope="module")
def demo(srv):
    d = Demo()
    site = srv.query("SELECT id FROM site WHERE is_default = 1")[0]["id"]
    d.section = srv.query("SELECT * FROM section WHERE site_id = ? ORDER BY id", (site,))[0]
    return d


def day_cells(doc):
    """{date: cell} of the calendar's days, and the rows as lists of dates ('' for a blank)."""
    table = doc.find("table", class_="calendar")
    rows = [[td.get("data-date") or "" for td in tr.find_all("td")] for tr in table.find("tbody").find_all("tr")]
    cells = {td.get("data-date"): td for td in table.find_all("td") if td.get("data-date")}
    return cells, rows


def test_articles_sit_on_their_day_in_the_zone(srv, editor, demo):
    late = saved_id(save(editor, fields(demo, title="Late evening brief", status="scheduled",
                                        published="2031-06-14T23:30")))
    # 00:30 in Brussels on the 15th is still the 14th in UTC: the calendar follows the site's clocks
    early = saved_id(save(editor, fields(demo, title="Early morning brief", status="scheduled",
                                         published="2031-06-15T00:30")))
    # 1 July 00:30 in Brussels is 30 June in UTC: July's, not June's
    july = saved_id(save(editor, fields(demo, title="July opener", status="scheduled", published="2031-07-01T00:30")))
    draft = saved_id(save(editor, fields(demo, title="Planned draft", status="draft", published="2031-06-20T10:00")))
    r = editor.get("/admin/calendar?month=2031-06")
    assert r.status_code == 200
    doc = parse_html(r.text)
    cells, rows = day_cells(doc)
    assert cells["2031-06-14"].find("a").get("href") == f"/admin/articles/{late}"
    text14, text15 = text_of(cells["2031-06-14"]), text_of(cells["2031-06-15"])
    assert "Late evening brief" in text14 and "23:30 CEST" in text14 and "scheduled" in text14
    assert "Early morning brief" in text15 and "00:30 CEST" in text15
    assert "Early morning brief" not in text14
    assert cells["2031-06-15"].find("a").get("href") == f"/admin/articles/{early}"
    page = r.text
    assert "July opener" not in page and "Planned draft" not in page
    assert f"/admin/articles/{draft}" not in page
    # weeks start on Monday: 1 June 2031 is a Sunday, 30 June a Monday
    assert rows[0] == [""] * 6 + ["2031-06-01"]
    assert rows[-1] == ["2031-06-30"] + [""] * 6
    assert len(rows) == 6
    july_doc = parse_html(editor.get("/admin/calendar?month=2031-07").text)
    july_cells, _ = day_cells(july_doc)
    assert july_cells["2031-07-01"].find("a").get("href") == f"/admin/articles/{july}"


def test_published_articles_show_their_status(srv, editor, demo):
    done = saved_id(save(editor, fields(demo, title="Already out", status="published", published="2024-03-05T08:15")))
    cells, _ = day_cells(parse_html(editor.get("/admin/calendar?month=2024-03").text))
    text = text_of(cells["2024-03-05"])
    assert "Already out" in text and "published" in text and "08:15 CET" in text
    assert cells["2024-03-05"].find("a").get("href") == f"/admin/articles/{done}"


def test_months_before_and_after(srv, editor):
    doc = parse_html(editor.get("/admin/calendar?month=2031-01").text)
    prev = doc.find("a", rel="prev")
    nxt = doc.find("a", rel="next")
    assert prev.get("href") == "/admin/calendar?month=2030-12" and "December 2030" in text_of(prev)
    assert nxt.get("href") == "/admin/calendar?month=2031-02" and "February 2031" in text_of(nxt)
    assert "January 2031" in text_of(doc.find("h1"))
    assert "Europe/Brussels" in text_of(doc.find("caption"))


def test_this_month_by_default(srv, editor):
    doc = parse_html(editor.get("/admin/calendar").text)
    today = list(doc.find_all("td", class_="calendar-today"))
    assert len(today) == 1 and "today" in text_of(today[0])


@pytest.mark.parametrize("month", ["2031-13", "2031-00", "abc", "2031-6", "1969-12", "99999-01", "2031-06-01"])
def test_a_month_that_is_not_one_is_400(srv, editor, month):
    r = editor.get(f"/admin/calendar?month={month}")
    assert r.status_code == 400
    assert "Choose a month as 2026-06" in r.text


def test_the_calendar_is_for_staff(srv):
    reader = make_staff(srv, "reader")
    assert reader.get("/admin/calendar").status_code in (403, 404)
