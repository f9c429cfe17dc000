"""The reports on first-party counts (issue 21): the dashboard (/admin/analytics) with its server-drawn chart
and the numbers beside it, one article's page, the minimum group size of the audience, periods refused, the
policy (editors and admins only), and a sponsor's report as HTML, CSV (quoting, formula guard) and PDF.
Counts are seeded with SQL as the writer would leave them. Both engines (PLENARY_TEST_PG)."""
import csv
import datetime
import io
import os
import subprocess
import tempfile

import pytest

from conftest import make_demo_database, make_staff, parse_html, start_plenary


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-reports-") as tmp:
        db_path = make_demo_database(tmp)
        s = start_plenary(tmp, db_path, {"outbox": os.path.join(tmp, "outbox"), "analytics": "off"},
                          name="reports-server")
        try:
            yield s
        finally:
            assert s.stop() == 0, "the reports server did not stop cleanly"


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor")


@pytest.fixture(autouse=True)
def empty(srv):
    srv.execute("DELETE FROM analytics_count")


def day(ago):
    return (datetime.datetime.now(datetime.timezone.utc).date() - datetime.timedelta(days=ago)).isoformat()


def seed(srv, rows):
    """rows: (days ago, article id, event, n) or with referrer, profession, specialty, country after n."""
    for r in rows:
        ago, article, event, n, *dims = r
        dims = list(dims) + [""] * (4 - len(dims))
        srv.execute("INSERT INTO analytics_count (day, site_id, article_id, event, referrer, profession, "
                    "specialty, country, n) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)", (day(ago), article, event, *dims, n))


def articles(srv, n):
    return srv.query("SELECT id, title FROM article WHERE site_id = 1 AND status = 'published' ORDER BY id")[:n]


def text_of(node):
    return " ".join(node.text().split()) if node is not None else None


def table_rows(doc, cls):
    table = doc.find("table", class_=cls)
    assert table is not None, f"no table {cls}"
    return [[text_of(c) for c in tr.find_all() if c.tag in ("th", "td")]
            for tr in table.find("tbody").find_all("tr")]


def test_dashboard_numbers_chart_and_tables(srv, editor):
    (a, title_a), (b, _title_b) = articles(srv, 2)
    seed(srv, [(1, a, "view", 5), (1, a, "read", 2), (3, a, "view", 7, "news.example.org"), (2, a, "play", 1),
               (2, a, "feed", 2), (2, a, "mail", 3), (0, b, "view", 1234567), (0, 0, "view", 4),
               (40, a, "view", 1000)])  # outside the last 7 days
    r = editor.get("/admin/analytics?days=7")
    assert r.status_code == 200, r.text[:300]
    doc = parse_html(r.text)
    totals = {k: text_of(doc.find("dd", class_=f"total-{k}")) for k in ("views", "reads", "plays", "feed", "mail")}
    assert totals == {"views": "1,234,583", "reads": "2", "plays": "1", "feed": "2", "mail": "3"}
    svg = doc.find("svg")
    assert svg is not None and svg.get("role") == "img"
    assert text_of(svg.find("title")) == "Views and reads per day"
    assert len(list(svg.find_all("polyline"))) == 2
    days = table_rows(doc, "report-days")
    assert len(days) == 7
    assert [d[1:] for d in days][-2] == ["5", "2"]  # yesterday
    assert days[-1][1] == "1,234,571"  # today: article b and a page that is no article
    top = table_rows(doc, "report-articles")
    assert top[0][1] == "1,234,567" and top[1] == [title_a, "12", "2", "16.7 %"]
    link = doc.find("table", class_="report-articles").find("a", href=f"/admin/analytics/article/{a}")
    assert link is not None
    assert ["news.example.org", "7"] in table_rows(doc, "report-referrers")
    section = srv.query("SELECT s.name FROM article a JOIN section s ON s.id = a.section_id WHERE a.id = ?", (a,))
    assert any(row[0] == section[0][0] for row in table_rows(doc, "report-sections"))
    # the last 90 days take in the old count; 30 is the default
    r = editor.get("/admin/analytics?days=90")
    assert text_of(parse_html(r.text).find("dd", class_="total-views")) == "1,235,583"
    assert len(table_rows(parse_html(editor.get("/admin/analytics").text), "report-days")) == 30


def test_article_page_and_its_series(srv, editor):
    (a, title_a), (b, _) = articles(srv, 2)
    seed(srv, [(0, a, "view", 3), (0, b, "view", 50), (1, a, "read", 1)])
    r = editor.get(f"/admin/analytics/article/{a}?days=7")
    assert r.status_code == 200
    doc = parse_html(r.text)
    assert title_a in text_of(doc.find("h1"))
    assert text_of(doc.find("dd", class_="total-views")) == "3"
    assert doc.find("svg", role="img") is not None
    assert doc.find("table", class_="report-articles") is None
    assert editor.get("/admin/analytics/article/999999").status_code == 404
    assert editor.get("/admin/analytics/article/nope").status_code == 404


def add_accounts(srv, n, tag, **profile):
    for i in range(n):
        srv.execute("INSERT INTO \"user\" (email, password_hash, name, profession, specialty, country, "
                    "privacy_accepted_at, created_at, updated_at) VALUES (?, 'x', 'Test', ?, ?, ?, 0, 0, 0)",
                    (f"{tag}-{i}@example.org", profile.get("profession", "physician"),
                     profile.get("specialty", ""), profile.get("country", "")))


@pytest.fixture(scope="module")
def lands(srv):
    """Zembla held by 3 accounts, Ruritania by 10, Freedonia by 10 (k = 10 by default)."""
    add_accounts(srv, 3, "zembla", country="Zembla")
    add_accounts(srv, 10, "ruritania", country="Ruritania")
    add_accounts(srv, 10, "freedonia", country="Freedonia")


def countries(doc):
    return {row[0]: row[1] for row in table_rows(doc, "report-countries")}


def test_minimum_group_size(srv, editor, lands):
    (a, _), (b, _) = articles(srv, 2)
    # article a: Zembla (3 accounts) folded into Other (40, shown: at least k); Ruritania shown; anonymous apart
    seed(srv, [(0, a, "view", 40, "", "physician", "", "Zembla"), (0, a, "view", 25, "", "physician", "", "Ruritania"),
               (0, a, "view", 6)])
    doc = parse_html(editor.get(f"/admin/analytics/article/{a}?days=7").text)
    # Zembla counts 40 views but only 3 accounts hold it: never shown by name
    assert countries(doc) == {"Ruritania": "25", "Not signed in": "6", "Other": "40"}
    assert "Zembla" not in editor.get(f"/admin/analytics/article/{a}?days=7").text
    # article b: Zembla 4 views alone in Other (under k), Freedonia 10 accounts but 9 views: folded too
    seed(srv, [(0, b, "view", 4, "", "nurse", "", "Zembla"), (0, b, "view", 9, "", "nurse", "", "Freedonia"),
               (0, b, "view", 12, "", "nurse", "", "Ruritania")])
    doc = parse_html(editor.get(f"/admin/analytics/article/{b}?days=7").text)
    assert countries(doc) == {"Ruritania": "12", "Other": "13"}
    srv.execute("DELETE FROM analytics_count WHERE article_id = ? AND country = 'Freedonia'", (b,))
    doc = parse_html(editor.get(f"/admin/analytics/article/{b}?days=7").text)
    assert countries(doc) == {"Ruritania": "12", "Other": "fewer than 10"}
    # professions: fewer than 10 accounts are nurses, so their 16 views are Other's
    assert srv.query("SELECT COUNT(*) FROM \"user\" WHERE profession = 'nurse'")[0][0] < 10
    profs = {row[0]: row[1] for row in table_rows(doc, "report-professions")}
    assert profs == {"Other": "16"}
    add_accounts(srv, 10, "nurses", profession="nurse")
    doc = parse_html(editor.get(f"/admin/analytics/article/{b}?days=7").text)
    assert {row[0]: row[1] for row in table_rows(doc, "report-professions")} == {"Nurse": "16"}
    assert "at least 10 accounts" in doc.find("p", class_="hint").text()


@pytest.mark.parametrize("query,field,words", [
    ("from=2026-02-30&to=2026-03-10", "from", "YYYY-MM-DD"),
    ("from=2026-03-01&to=yesterday", "to", "YYYY-MM-DD"),
    ("from=%3Cscript%3E&to=2026-03-10", "from", "YYYY-MM-DD"),
    ("from=2026-03-10&to=2026-03-01", "to", "before the start"),
    ("from=2025-01-01&to=2026-01-02", "to", "at most 366 days"),
])
def test_bad_and_oversized_periods(srv, editor, query, field, words):
    for path in ("/admin/analytics", "/admin/sponsors/1/report"):
        r = editor.get(f"{path}?{query}")
        assert r.status_code == 422, (path, r.status_code)
        doc = parse_html(r.text)
        error = doc.find("span", id=f"p-{field}-error")
        assert error is not None and words in error.text(), r.text[:500]
        assert doc.find("input", id=f"p-{field}").get("aria-invalid") == "true"
        assert "<script>" not in r.text.split("<main", 1)[-1]
        assert doc.find("svg") is None


def test_longest_period_is_a_year(srv, editor):
    r = editor.get("/admin/analytics?from=2025-01-01&to=2026-01-01")  # 366 days
    assert r.status_code == 200
    assert len(table_rows(parse_html(r.text), "report-days")) == 366


@pytest.mark.parametrize("role", ["reader", "contributor"])
def test_readers_and_contributors_refused(srv, role):
    who = make_staff(srv, role)
    for path in ("/admin/analytics", "/admin/analytics/article/1", "/admin/sponsors/1/report",
                 "/admin/sponsors/1/report.csv", "/admin/sponsors/1/report.pdf"):
        r = who.get(path)
        assert r.status_code == 403, (role, path, r.status_code)
        assert "Analytics and sponsor reports are for editors and admins." in r.text
    # a contributor edits sponsors but sees no link to their report
    if role == "contributor":
        assert "/admin/sponsors/1/report" not in who.get("/admin/sponsors/1").text


def sponsor_articles(srv, sponsor):
    return [r[0] for r in srv.query("SELECT article_id FROM article_sponsor WHERE sponsor_id = ? ORDER BY "
                                    "article_id", (sponsor,))]


@pytest.fixture
def sponsored(srv):
    """Helix Oncology's (sponsor 1) two articles, retitled to try the CSV's quoting and formula guard."""
    a, b = sponsor_articles(srv, 1)[:2]
    old = {x: srv.query("SELECT title FROM article WHERE id = ?", (x,))[0][0] for x in (a, b)}
    srv.execute("UPDATE article SET title = ? WHERE id = ?", ('=HYPERLINK("http://evil.example")', a))
    srv.execute("UPDATE article SET title = ? WHERE id = ?", ('Chemo, "then" surgery\nor not', b))
    yield a, b
    for x, t in old.items():
        srv.execute("UPDATE article SET title = ? WHERE id = ?", (t, x))


def test_sponsor_report_html_and_link(srv, editor, sponsored, lands):
    a, b = sponsored
    other = [x for x in sponsor_articles(srv, 2)][0]
    seed(srv, [(1, a, "view", 30, "", "physician", "", "Ruritania"), (1, a, "read", 10), (1, b, "view", 5),
               (1, b, "play", 2), (1, other, "view", 999)])
    page = editor.get("/admin/sponsors/1")
    assert "/admin/sponsors/1/report" in page.text
    r = editor.get(f"/admin/sponsors/1/report?from={day(6)}&to={day(0)}")
    assert r.status_code == 200
    doc = parse_html(r.text)
    assert "Helix Oncology Ltd" in text_of(doc.find("h1"))
    rows = table_rows(doc, "report-articles")
    assert rows[0] == ['=HYPERLINK("http://evil.example")', "30", "10", "33.3 %", "0"]
    assert rows[1][1:] == ["5", "0", "0.0 %", "2"]
    assert text_of(doc.find("dd", class_="total-views")) == "35"
    assert countries(doc) == {"Ruritania": "30", "Not signed in": "5"}
    assert "999" not in " ".join(" ".join(r) for r in rows)
    assert editor.get("/admin/sponsors/999999/report").status_code == 404


def test_sponsor_report_csv(srv, editor, sponsored):
    a, b = sponsored
    seed(srv, [(1, a, "view", 30), (1, a, "read", 10), (1, b, "view", 5), (1, b, "play", 2)])
    r = editor.get(f"/admin/sponsors/1/report.csv?from={day(6)}&to={day(0)}")
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    assert r.headers["content-disposition"] == f'attachment; filename="sponsor-helix-oncology-{day(6)}-{day(0)}.csv"'
    assert "\r\n" in r.text
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8"), newline="")))
    assert rows[0] == ["Kind", "Name", "Views", "Reads", "Video plays"]
    assert ["Article", "'=HYPERLINK(\"http://evil.example\")", "30", "10", "0"] in rows
    assert ["Article", 'Chemo, "then" surgery\nor not', "5", "0", "2"] in rows
    assert ["Total", f"{day(6)} to {day(0)}", "35", "10", "2"] in rows
    assert ["Profession", "Not signed in", "35", "", ""] in rows
    assert all(len(row) == 5 for row in rows)
    assert all(not c.startswith(("=", "+", "-", "@")) for row in rows for c in row)


def test_sponsor_report_pdf(srv, editor, sponsored):
    a, b = sponsored
    seed(srv, [(1, a, "view", 30), (1, b, "view", 5)])
    r = editor.get(f"/admin/sponsors/1/report.pdf?from={day(6)}&to={day(0)}")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/pdf"
    assert r.content.startswith(b"%PDF-")
    p = subprocess.run(["pdftotext", "-", "-"], input=r.content, capture_output=True, check=True)
    text = " ".join(p.stdout.decode("utf-8").split())
    assert "Report for Helix Oncology Ltd" in text
    assert '=HYPERLINK("http://evil.example")' in text
    assert 'Chemo, "then" surgery' in text
    assert "30 views" in text
