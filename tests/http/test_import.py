"""`plenary import wordpress FILE.xml`: a WordPress export (written by wxr_make as WordPress writes one) taken into
a fresh database, then read as readers and editors see it over HTTP.

One import of a whole small site (authors, categories, tags, posts in every status, pages, attachments with real
uploads, menu items, reusable blocks, comments) is shared by the first tests (fixture `site`); the tests of
re-imports, dry runs and maps make databases of their own. Both engines: PLENARY_TEST_PG runs them on PostgreSQL.
"""
import email
import email.policy
import glob
import hashlib
import os
import re
import tempfile
import time
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
import requests

from conftest import (USING_PG, Reader, card_slugs, connect, form_values, h1_text, make_demo_database,
                      make_staff, new_database, new_password, parse_html, run_plenary, start_plenary, text_of)
from wxr_make import (Export, block_embed_youtube, block_heading, block_image, block_list, block_paragraph,
                      block_quote, classic, epoch, utc, write_uploads)

OLD = "https://old.example.org"
KINDS = ["articles", "pages", "sections", "topics", "authors", "images", "redirects"]
COUNT_LINE = re.compile(r"^  (\w+): (\d+) created, (\d+) updated, (\d+) unchanged, (\d+) skipped$")
ITEM_LINE = re.compile(r'^  (\S+) (\d+) "(.*)": (skipped|changed): (.+)$')


# ---- running the command -----------------------------------------------------------------------------------

def import_wp(db, xml, *more, config=None, timeout=180):
    """Runs `plenary import wordpress XML --db DB [--config CONFIG] MORE...` (not on a terminal)."""
    args = ["import", "wordpress", xml, "--db", db]
    if config:
        args += ["--config", config]
    return run_plenary(args + list(more), timeout=timeout)


def imported(db, xml, *more, config=None):
    """An import that must succeed: its report."""
    p = import_wp(db, xml, *more, config=config)
    assert p.returncode == 0, f"the import failed ({p.returncode}):\n{p.stdout}\n{p.stderr}"
    return parse_report(p.stdout, xml)


def parse_report(stdout, xml, dry=False, host="localhost"):
    """The report that ends stdout: {kind: {created, updated, unchanged, skipped}}, with .items the
    "Skipped and changed" lines as (type, id, title, skipped|changed, reason) and .text the whole report."""
    lines = stdout.rstrip("\n").split("\n")
    first = (f"Dry run of {xml} into {host}: nothing was written" if dry else f"Imported {xml} into {host}")
    assert first in lines, f"no line {first!r} in the report:\n{stdout}"
    i = lines.index(first)
    rest = lines[i + 1:]
    counts = {}
    for kind, line in zip(KINDS, rest):
        m = COUNT_LINE.match(line)
        assert m and m.group(1) == kind, f"expected the {kind} line, got {line!r} in:\n{stdout}"
        counts[kind] = dict(zip(["created", "updated", "unchanged", "skipped"], map(int, m.groups()[1:])))
    assert len(counts) == len(KINDS), f"every kind is printed, in order: {KINDS}\n{stdout}"
    tail = rest[len(KINDS):]
    items = []
    if any(line == "Skipped and changed:" for line in tail):
        for line in tail[tail.index("Skipped and changed:") + 1:]:
            m = ITEM_LINE.match(line)
            if m:
                items.append((m.group(1), int(m.group(2)), m.group(3), m.group(4), m.group(5)))
    r = SimpleNamespace(counts=counts, items=items, text="\n".join(lines[i:]), stdout=stdout)
    return r


def item_lines(report, type_, wp_id):
    return [x for x in report.items if x[0] == type_ and x[1] == wp_id]


# ---- the database ------------------------------------------------------------------------------------------

def tables(c):
    if USING_PG:
        rows = c.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                         "AND table_type = 'BASE TABLE' ORDER BY 1").fetchall()
    else:
        rows = c.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
                         "ORDER BY 1").fetchall()
    return [r[0] for r in rows]


def dump(db, only=None, skip=()):
    """Every row of every table (or of `only`), sorted: {table: [rows as tuples]}."""
    c = connect(db, readonly=True)
    try:
        out = {}
        for t in tables(c):
            if (only and t not in only) or t in skip:
                continue
            rows = c.execute(f'SELECT * FROM "{t}"').fetchall()
            out[t] = sorted((tuple(r) for r in rows), key=repr)
        return out
    finally:
        c.close()


def query(db, sql, params=()):
    c = connect(db, readonly=True)
    try:
        return c.execute(sql, params).fetchall()
    finally:
        c.close()


def one(db, sql, params=()):
    rows = query(db, sql, params)
    assert len(rows) == 1, f"{sql} {params}: {len(rows)} rows"
    return rows[0]


def article(db, slug):
    return one(db, "SELECT * FROM article WHERE slug = ?", (slug,))


def media_files(folder):
    return sorted(os.path.relpath(p, folder) for p in glob.glob(os.path.join(folder, "**", "*"), recursive=True)
                  if os.path.isfile(p))


def diff(before, after):
    """The tables whose rows differ, with a few rows each way (for assertion messages)."""
    out = {}
    for t in sorted(set(before) | set(after)):
        b, a = before.get(t), after.get(t)
        if b != a:
            b, a = set(b or []), set(a or [])
            out[t] = {"gone": sorted(b - a, key=repr)[:3], "new": sorted(a - b, key=repr)[:3]}
    return out


# ---- the export ------------------------------------------------------------------------------------------

LECTURE = "2023/12/lecture-hall.jpg"
POSTER = "2023/12/poster.png"
MISSING = "2023/12/missing-photo.jpg"
UNUSED = "2023/11/unused.jpg"
LECTURE_ALT = "A lecture hall during the plenary session"
POSTER_ALT = "The ALEXANDRA poster in the exhibition hall"

D101 = utc(2023, 12, 7, 14, 30, 0)
D102 = utc(2023, 11, 1, 9, 15, 0)
D103 = utc(2030, 1, 15, 8, 0, 0)


def site_export(newer=False, version="1.2"):
    """The old site: two authors, three categories, three tags, posts in every status, three pages, four
    attachments (one missing from the uploads, one never used), and items Plenary has no use for.
    newer=True: the same site a week later, with post 102's title and text changed."""
    e = Export(site=OLD, version=version)
    e.author("admin", "ada@old.example.org", "Ada Admin", "Ada", "Admin")
    e.author("jdoe", "jane@old.example.org", "Jane Doe", "Jane", "Doe")
    e.category("breast-cancer", "Breast Cancer")
    e.category("lung-cancer", "Lung Cancer")
    e.category("congress-news", "Congress News")
    e.tag("sabcs-2023", "SABCS 2023")
    e.tag("pembrolizumab", "Pembrolizumab")
    e.tag("t-dxd", "T-DXd")
    e.attachment(201, LECTURE, alt=LECTURE_ALT, parent=101)
    e.attachment(202, POSTER, alt=POSTER_ALT, parent=101, mime="image/png")
    e.attachment(203, MISSING, alt="A photo that was lost", parent=111)
    e.attachment(204, UNUSED, alt="Never shown anywhere")
    body101 = (block_paragraph("Adjuvant atezolizumab did not improve invasive disease-free survival in early "
                               "triple-negative breast cancer.")
               + block_heading("What the trial showed")
               + block_list(["2,199 patients were randomised", "the hazard ratio was 1.11", "toxicity was higher"])
               + block_image(201, e.upload_url(LECTURE), LECTURE_ALT)
               + block_paragraph('Read the <a href="https://www.nejm.org/doi/10.1056/example">full paper</a> '
                                 "and <em>the editorial</em>. In an export, ]]> closes a CDATA section.")
               + block_quote("We will not use it in this setting."))
    e.post(101, "Adjuvant atezolizumab in early TNBC", body101, slug="adjuvant-atezolizumab-tnbc", date=D101,
           excerpt="ALEXANDRA/IMpassion030 was negative: what it means for practice.",
           categories=["breast-cancer", "congress-news"], tags=["sabcs-2023", "pembrolizumab"],
           meta={"_thumbnail_id": "202"}, comments=2, author="admin")
    title102 = "Osimertinib after chemoradiotherapy: the LAURA trial"
    first102 = "Osimertinib after chemoradiotherapy improved progression-free survival. "
    if newer:
        title102 = "LAURA: osimertinib after chemoradiotherapy, updated"
        first102 = "Osimertinib after chemoradiotherapy improved progression-free survival, now with overall survival. "
    body102 = classic(first102 + "The trial enrolled 216 patients with unresectable stage III disease.",
                      "<strong>Key point:</strong> the benefit held in every subgroup.",
                      "<blockquote>We should now offer it to all eligible patients.</blockquote>")
    e.post(102, title102, body102, slug="osimertinib-laura", date=D102, categories=["lung-cancer"],
           tags=["t-dxd"], comments=1, author="jdoe", modified=utc(2023, 11, 8) if newer else None)
    e.post(103, "Scheduled preview of SABCS 2030", block_paragraph("Not yet."), slug="scheduled-preview",
           status="future", date=D103, categories=["breast-cancer"])
    e.post(104, "Draft in progress", block_paragraph("Half written."), slug="draft-in-progress", status="draft",
           categories=["breast-cancer"])
    e.post(105, "Pending review", block_paragraph("Waiting for an editor."), slug="pending-review",
           status="pending", categories=["lung-cancer"])
    e.post(106, "Private notes", block_paragraph("Only for us."), slug="private-notes", status="private",
           categories=["lung-cancer"])
    e.post(107, "Members only interview", block_paragraph("Behind a password."), slug="members-only-interview",
           password="secret", categories=["breast-cancer"])
    e.post(108, "Binned", block_paragraph("Deleted."), slug="binned", status="trash", categories=["breast-cancer"])
    e.post(109, "Gallery from the poster hall", classic("Posters we liked.", '[gallery ids="201,202"]',
                                                        '[contact-form-7 id="12" title="Write to us"]'),
           slug="poster-gallery", date=utc(2023, 12, 8, 10, 0), categories=["lung-cancer"])
    e.post(110, "Video: the LAURA investigator", block_paragraph("Watch the interview.") + block_embed_youtube(
        "dQw4w9WgXcQ"), slug="laura-video", date=utc(2023, 12, 8, 12, 0), categories=["lung-cancer"])
    e.post(111, "A report whose photo was lost",
           block_paragraph("The photo is gone.") + block_image(203, e.upload_url(MISSING), "A photo that was lost"),
           slug="lost-photo-report", date=utc(2023, 12, 9, 10, 0), categories=["breast-cancer"])
    e.page(120, "About us", block_paragraph("We cover the oncology congresses for clinicians."), slug="about")
    e.page(121, "Our team", block_paragraph("Editors and reporters in four countries."), slug="team", parent=120,
           parent_path="/about")
    e.page(122, "Search", block_paragraph("Search the old site."), slug="search")
    e.item(301, "", "", type="nav_menu_item", slug="301", meta={"_menu_item_type": "custom",
                                                                "_menu_item_url": OLD + "/about/"})
    e.item(302, "Reusable call to action", block_paragraph("Subscribe!"), type="wp_block", slug="cta")
    e.item(303, "Congress bag", "A bag.", type="product", slug="congress-bag")
    e.item(304, "Adjuvant atezolizumab in early TNBC", body101, type="revision", slug="101-revision-v1",
           status="inherit", parent=101)
    return e


UPLOADS = {LECTURE: "jpeg", POSTER: "png", UNUSED: "jpeg"}
CREATED_ARTICLES = {101: "adjuvant-atezolizumab-tnbc", 102: "osimertinib-laura", 103: "scheduled-preview",
                    104: "draft-in-progress", 105: "pending-review", 106: "private-notes",
                    107: "members-only-interview", 109: "poster-gallery", 110: "laura-video",
                    111: "lost-photo-report"}


def workspace(tmp, demo=False):
    """A database (fresh `plenary init`, or the demo), an uploads folder, a config naming the media folder."""
    ws = SimpleNamespace(tmp=tmp)
    if demo:
        ws.db = make_demo_database(tmp)
    else:
        ws.db = new_database(tmp, "site.db")
        p = run_plenary(["init", ws.db])
        assert p.returncode == 0, p.stderr
    ws.uploads = os.path.join(tmp, "uploads")
    ws.files = write_uploads(ws.uploads, UPLOADS)
    ws.media = os.path.join(tmp, "media")
    ws.outbox = os.path.join(tmp, "outbox")
    ws.config = os.path.join(tmp, "import.ini")
    with open(ws.config, "w") as f:
        f.write(f"[plenary]\nmedia_dir = {ws.media}\n")
    ws.xml = site_export().write(os.path.join(tmp, "export.xml"))
    return ws


def serve(ws, name="server"):
    return start_plenary(ws.tmp, ws.db, {"media_dir": ws.media, "outbox": ws.outbox}, name=name)


def fetch(srv, path, **kw):
    kw.setdefault("timeout", 10)
    kw.setdefault("allow_redirects", False)
    return requests.get(srv.url(path), **kw)


def doc_of(srv, path, status=200):
    r = fetch(srv, path)
    assert r.status_code == status, f"GET {path}: {r.status_code}, expected {status}"
    return parse_html(r.text)


def body_of(doc):
    b = doc.find("div", class_="article-body")
    assert b is not None, "the article page has no article body"
    return b


@pytest.fixture(scope="module")
def site():
    """The whole small site imported into a fresh database, and a server on it."""
    with tempfile.TemporaryDirectory(prefix="plenary-import-") as tmp:
        ws = workspace(tmp)
        p = import_wp(ws.db, ws.xml, "--uploads", ws.uploads, config=ws.config)
        ws.proc = p
        assert p.returncode == 0, f"the import failed ({p.returncode}):\n{p.stdout}\n{p.stderr}"
        ws.report = parse_report(p.stdout, ws.xml)
        ws.srv = serve(ws)
        yield ws
        ws.srv.stop()


# ==== one import, as readers and editors see it ==============================================================

def test_the_report_counts_every_kind_and_names_what_was_skipped_or_changed(site):
    c = site.report.counts
    for kind in KINDS:  # a fresh database: nothing can be "unchanged" or "updated"
        assert c[kind]["unchanged"] == c[kind]["updated"] == 0, f"{kind}: {c[kind]}\n{site.report.text}"
    assert c["articles"]["created"] == len(CREATED_ARTICLES), site.report.text
    assert c["articles"]["updated"] == c["articles"]["unchanged"] == 0
    assert c["articles"]["skipped"] >= 1  # the trash
    assert c["pages"] == {"created": 3, "updated": 0, "unchanged": 0, "skipped": 0}, site.report.text
    assert c["sections"]["created"] == 2, site.report.text  # first categories only: breast- and lung-cancer
    assert c["topics"]["created"] == 4, site.report.text  # congress-news (a second category) and three tags
    assert c["authors"]["created"] == 2
    assert c["images"]["created"] == 2, site.report.text  # used ones only: not the unused one, not the missing one
    assert c["redirects"]["created"] >= 5 * 2 + 1 + 3 * 2 + 2, site.report.text
    r = site.report
    assert ("post", 108, "Binned", "skipped", "in the trash") in r.items, r.text
    for wp_id in (106, 107):
        assert item_lines(r, "post", wp_id), f"post {wp_id} (private / password) is not reported:\n{r.text}"
    assert [x for x in item_lines(r, "post", 109) if x[3] == "changed" and "contact-form-7" in x[4]], r.text
    for type_, wp_id in (("nav_menu_item", 301), ("wp_block", 302), ("product", 303), ("revision", 304)):
        got = item_lines(r, type_, wp_id)
        assert got and got[0][3] == "skipped", f"{type_} {wp_id} is not reported as skipped:\n{r.text}"
    assert MISSING.rsplit("/", 1)[1] in r.text.split("Skipped and changed:", 1)[1], r.text
    comments = [line for line in r.text.split("\n") if "comment" in line.lower()]
    assert comments and re.search(r"\b3\b", comments[0]), f"the 3 comments are not counted:\n{r.text}"
    assert "\r" not in site.proc.stderr and "\x1b" not in site.proc.stderr, \
        "a progress bar although stderr is not a terminal"


def test_a_published_post_is_an_article_with_its_body_summary_section_topics_and_date(site):
    a = article(site.db, "adjuvant-atezolizumab-tnbc")
    assert a["status"] == "published" and a["published_at"] == epoch(D101)  # post_date_gmt, not post_date
    doc = doc_of(site.srv, "/article/adjuvant-atezolizumab-tnbc")
    assert h1_text(doc) == "Adjuvant atezolizumab in early TNBC"
    assert text_of(doc.find("p", class_="lede")) == "ALEXANDRA/IMpassion030 was negative: what it means for practice."
    assert doc.find("p", class_="article-date").find("time").get("datetime").startswith("2023-12-07")
    kicker = doc.find("p", class_="kicker").find("a")
    assert kicker.get("href") == "/section/breast-cancer" and text_of(kicker) == "Breast Cancer"
    body = body_of(doc)
    assert [text_of(h) for h in body.find_all() if h.tag in ("h2", "h3")] == ["What the trial showed"]
    assert [text_of(li) for li in body.find_all("li")] == ["2,199 patients were randomised",
                                                           "the hazard ratio was 1.11", "toxicity was higher"]
    link = body.find("a")
    assert link.get("href") == "https://www.nejm.org/doi/10.1056/example" and text_of(link) == "full paper"
    assert text_of(body.find("em")) == "the editorial"
    assert "In an export, ]]> closes a CDATA section." in text_of(body)  # the split CDATA rejoined
    assert "We will not use it in this setting." in text_of(body.find("blockquote"))
    raw = fetch(site.srv, "/article/adjuvant-atezolizumab-tnbc").text
    assert "wp:paragraph" not in raw and "wp-block" not in raw, "block comments or classes reached the page"
    tags = {a.get("href") for a in doc.find("section", class_="tags").find_all("a")}
    assert tags == {"/tag/sabcs-2023", "/tag/pembrolizumab", "/tag/congress-news"}
    assert "Thank you for this interview." not in raw  # comments are not imported


def test_a_classic_body_keeps_its_paragraphs_and_an_empty_excerpt_gives_the_first_sentences(site):
    a = article(site.db, "osimertinib-laura")
    assert a["summary"].startswith("Osimertinib after chemoradiotherapy improved progression-free survival."), a[
        "summary"]
    assert "<" not in a["summary"] and len(a["summary"]) < 400
    doc = doc_of(site.srv, "/article/osimertinib-laura")
    body = body_of(doc)
    paragraphs = [text_of(p) for p in body.find_all("p")]
    assert paragraphs[0].startswith("Osimertinib after chemoradiotherapy") and len(paragraphs) >= 2
    assert text_of(body.find("strong")) == "Key point:"
    assert "We should now offer it to all eligible patients." in text_of(body.find("blockquote"))
    assert a["published_at"] == epoch(D102)


def test_a_youtube_embed_becomes_the_articles_video(site):
    assert article(site.db, "laura-video")["video_url"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    doc = doc_of(site.srv, "/article/laura-video")
    video = doc.find("section", class_="video")
    assert video is not None, "no video on the page"
    assert any("dQw4w9WgXcQ" in (n.get("href") or n.get("src") or "") for n in video.iter())
    assert "Watch the interview." in text_of(body_of(doc))
    assert "youtube.com/watch" not in text_of(body_of(doc)), "the embed's URL was left in the text as well"


def test_statuses_scheduled_and_drafts_are_not_public_but_editors_see_them(site):
    s = article(site.db, "scheduled-preview")
    assert s["status"] == "scheduled" and s["published_at"] == epoch(D103)
    expect = {"draft-in-progress": "draft", "pending-review": "review", "private-notes": "draft",
              "members-only-interview": "draft"}
    for slug, status in expect.items():
        assert article(site.db, slug)["status"] == status, slug
    assert query(site.db, "SELECT id FROM article WHERE slug = 'binned' OR title = 'Binned'") == []
    for slug in ["scheduled-preview", *expect]:
        assert fetch(site.srv, f"/article/{slug}").status_code == 404, slug
    home = fetch(site.srv, "/").text
    for slug in ["scheduled-preview", *expect]:
        assert f'/article/{slug}"' not in home
    editor = make_staff(site.srv, "editor")
    listed = ""
    for status in ("draft", "review", "scheduled"):
        r = editor.get(f"/admin/articles?status={status}")
        assert r.status_code == 200
        listed += r.text
    for title in ("Scheduled preview of SABCS 2030", "Draft in progress", "Pending review", "Private notes",
                  "Members only interview"):
        assert title in listed, f"{title!r} is not in the back office's list"


def test_sections_and_topics_pages_list_the_imported_articles(site):
    assert [tuple(r) for r in query(site.db, "SELECT slug, name FROM section ORDER BY slug")] == [
        ("breast-cancer", "Breast Cancer"), ("lung-cancer", "Lung Cancer")]
    assert {r[0]: r[1] for r in query(site.db, "SELECT slug, name FROM tag")} == {
        "congress-news": "Congress News", "sabcs-2023": "SABCS 2023", "pembrolizumab": "Pembrolizumab",
        "t-dxd": "T-DXd"}
    breast = card_slugs(doc_of(site.srv, "/section/breast-cancer"))
    assert set(breast) == {"adjuvant-atezolizumab-tnbc", "lost-photo-report"}, breast
    lung = card_slugs(doc_of(site.srv, "/section/lung-cancer"))
    assert set(lung) == {"osimertinib-laura", "poster-gallery", "laura-video"}, lung
    assert card_slugs(doc_of(site.srv, "/tag/t-dxd")) == ["osimertinib-laura"]
    assert card_slugs(doc_of(site.srv, "/tag/congress-news")) == ["adjuvant-atezolizumab-tnbc"]
    assert h1_text(doc_of(site.srv, "/tag/sabcs-2023")).endswith("SABCS 2023")


def test_pages_are_static_pages_at_their_path_and_a_path_the_server_uses_gets_another(site):
    doc = doc_of(site.srv, "/about")
    assert h1_text(doc) == "About us" and "We cover the oncology congresses for clinicians." in text_of(doc)
    doc = doc_of(site.srv, "/about/team")
    assert h1_text(doc) == "Our team" and "Editors and reporters in four countries." in text_of(doc)
    assert h1_text(doc_of(site.srv, "/page-search")) == "Search"
    search = doc_of(site.srv, "/search")
    assert "Search the old site." not in text_of(search)
    assert search.find("input", name="q") is not None, "/search is no longer the search page"
    assert {r[0] for r in query(site.db, "SELECT path FROM page")} == {"/about", "/about/team", "/page-search"}
    assert item_lines(site.report, "page", 122), f"the moved page is not reported:\n{site.report.text}"


def location_path(r):
    assert r.status_code == 301, f"{r.url}: {r.status_code}, expected 301"
    u = urlsplit(r.headers["location"])
    return u.path + (f"?{u.query}" if u.query else "")


def test_old_links_answer_301_to_the_new_urls(site):
    srv = site.srv
    assert location_path(fetch(srv, "/2023/12/07/adjuvant-atezolizumab-tnbc/")) == "/article/adjuvant-atezolizumab-tnbc"
    assert location_path(fetch(srv, "/2023/12/07/adjuvant-atezolizumab-tnbc")) == "/article/adjuvant-atezolizumab-tnbc"
    assert location_path(fetch(srv, "/2023/11/01/osimertinib-laura/")) == "/article/osimertinib-laura"
    assert location_path(fetch(srv, "/?p=101")) == "/article/adjuvant-atezolizumab-tnbc"
    assert location_path(fetch(srv, "/?p=102")) == "/article/osimertinib-laura"
    assert location_path(fetch(srv, "/?p=103")) == "/article/scheduled-preview"  # scheduled: ready for its day
    assert location_path(fetch(srv, "/?page_id=121")) == "/about/team"
    assert location_path(fetch(srv, "/about/team/")) == "/about/team"
    assert location_path(fetch(srv, "/?page_id=122")) == "/page-search"
    assert location_path(fetch(srv, "/category/breast-cancer/")) == "/section/breast-cancer"
    assert location_path(fetch(srv, "/category/lung-cancer/")) == "/section/lung-cancer"
    assert location_path(fetch(srv, "/category/congress-news/")) == "/tag/congress-news"  # a category as a topic
    # a draft's ?p= leads nowhere new, and the home page is still the home page
    r = fetch(srv, "/?p=104")
    assert r.status_code != 301 or "draft-in-progress" not in r.headers.get("location", "")
    home = fetch(srv, "/")
    assert home.status_code == 200 and parse_html(home.text).find("main") is not None
    followed = fetch(srv, "/2023/12/07/adjuvant-atezolizumab-tnbc/", allow_redirects=True)
    assert followed.status_code == 200 and "Adjuvant atezolizumab in early TNBC" in followed.text


def test_used_images_are_in_the_media_library_and_the_pages_show_them(site):
    rows = {r["hash"]: r for r in query(site.db, "SELECT * FROM media")}
    lecture = hashlib.sha256(site.files[LECTURE]).hexdigest()[:32]
    poster = hashlib.sha256(site.files[POSTER]).hexdigest()[:32]
    unused = hashlib.sha256(site.files[UNUSED]).hexdigest()[:32]
    assert set(rows) == {lecture, poster}, rows
    assert rows[lecture]["alt"] == LECTURE_ALT and rows[poster]["alt"] == POSTER_ALT
    assert unused not in rows
    a = article(site.db, "adjuvant-atezolizumab-tnbc")
    assert a["image_id"] == rows[poster]["id"], "the featured image (_thumbnail_id) is not the article's image"
    doc = doc_of(site.srv, "/article/adjuvant-atezolizumab-tnbc")
    featured = doc.find("figure", class_="featured-image").find("img")
    assert featured.get("src").startswith(f"/media/{poster}-") and featured.get("alt") == POSTER_ALT
    imgs = list(body_of(doc).find_all("img"))
    assert len(imgs) == 1, imgs
    src = imgs[0].get("src")
    assert re.fullmatch(rf"/media/{lecture}-\d+\.(jpg|webp|png)", src), src
    assert imgs[0].get("alt") == LECTURE_ALT
    for path in (src, featured.get("src")):
        r = fetch(site.srv, path)
        assert r.status_code == 200 and r.headers["content-type"].startswith("image/"), path
    assert "old.example.org/wp-content" not in fetch(site.srv, "/article/adjuvant-atezolizumab-tnbc").text
    lost = body_of(doc_of(site.srv, "/article/lost-photo-report"))
    assert "The photo is gone." in text_of(lost)
    assert all("old.example.org" not in (i.get("src") or "") for i in lost.find_all("img"))
    assert media_files(site.media), "no image files in media_dir"


def outbox_link(folder, address, path, timeout=8.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for name in sorted(glob.glob(os.path.join(folder, "*.eml"))):
            with open(name, "rb") as f:
                msg = email.message_from_binary_file(f, policy=email.policy.default)
            if str(msg["To"]).strip().lower() != address:
                continue
            body = msg.get_body(preferencelist=("plain",)).get_content()
            for link in re.findall(r"https?://\S+", body):
                u = urlsplit(link)
                if u.path == path:
                    return f"{u.path}?{u.query}"
        time.sleep(0.1)
    raise AssertionError(f"no mail to {address} with a {path} link in {folder}")


def test_authors_are_contributors_who_cannot_sign_in_until_they_reset(site):
    ada = one(site.db, 'SELECT * FROM "user" WHERE email = ?', ("ada@old.example.org",))
    jane = one(site.db, 'SELECT * FROM "user" WHERE email = ?', ("jane@old.example.org",))
    assert ada["role"] == jane["role"] == "contributor"
    assert ada["name"] == "Ada Admin" and jane["name"] == "Jane Doe"
    assert article(site.db, "adjuvant-atezolizumab-tnbc")["author_id"] == ada["id"]
    assert article(site.db, "osimertinib-laura")["author_id"] == jane["id"]
    for guess in ("password", "admin"):  # two: the third attempt below stays within the free ones
        r = Reader(site.srv, email="ada@old.example.org", password=guess).signin()
        assert r.status_code != 303, f"an imported author signed in with {guess!r}"
    helper = Reader(site.srv)
    r = helper.submit("/reset", "/reset", {"email": "ada@old.example.org"})
    assert r.status_code == 303
    link = outbox_link(site.outbox, "ada@old.example.org", "/reset/confirm")
    token = link.split("token=", 1)[1]
    password = new_password()
    r = helper.submit(link, "/reset/confirm", {"token": token, "password": password})
    assert r.status_code == 303, r.status_code
    ada_now = Reader(site.srv, email="ada@old.example.org", password=password)
    assert ada_now.signin().status_code == 303
    assert ada_now.get("/admin/articles").status_code == 200  # a contributor's back office


# ==== again and again: re-imports, newer exports, local edits, dry runs ========================================

CONTENT = ["article", "section", "tag", "article_tag", "page", "media", "user", "person", "article_person",
           "redirect", "congress"]


def test_importing_the_same_file_again_changes_nothing(tmp_path):
    ws = workspace(str(tmp_path))
    first = imported(ws.db, ws.xml, "--uploads", ws.uploads, config=ws.config)
    before, files = dump(ws.db, only=CONTENT), media_files(ws.media)
    second = imported(ws.db, ws.xml, "--uploads", ws.uploads, config=ws.config)
    for kind in KINDS:
        c = second.counts[kind]
        assert c["created"] == 0 and c["updated"] == 0, f"{kind}: {c}\n{second.text}"
    assert second.counts["articles"]["unchanged"] == first.counts["articles"]["created"]
    assert second.counts["pages"]["unchanged"] == 3 and second.counts["images"]["unchanged"] == 2, second.text
    after = dump(ws.db, only=CONTENT)
    assert after == before, diff(before, after)
    assert media_files(ws.media) == files


def test_a_newer_export_updates_what_changed_and_nothing_else(tmp_path):
    ws = workspace(str(tmp_path))
    imported(ws.db, ws.xml, "--uploads", ws.uploads, config=ws.config)
    old = article(ws.db, "osimertinib-laura")
    n = one(ws.db, "SELECT count(*) FROM article")[0]
    newer = site_export(newer=True).write(os.path.join(ws.tmp, "newer.xml"))
    r = imported(ws.db, newer, "--uploads", ws.uploads, config=ws.config)
    assert r.counts["articles"]["updated"] == 1, r.text
    assert r.counts["articles"]["unchanged"] == len(CREATED_ARTICLES) - 1 and r.counts["articles"]["created"] == 0
    a = article(ws.db, "osimertinib-laura")
    assert a["id"] == old["id"] and a["title"] == "LAURA: osimertinib after chemoradiotherapy, updated"
    assert "now with overall survival" in a["body"]
    assert one(ws.db, "SELECT count(*) FROM article")[0] == n
    srv = serve(ws)
    try:
        doc = doc_of(srv, "/article/osimertinib-laura")
        assert h1_text(doc) == "LAURA: osimertinib after chemoradiotherapy, updated"
    finally:
        srv.stop()


def edit_article(staff, article_id, **changes):
    """Opens the back office's editor of an article and saves it with some fields changed."""
    r = staff.get(f"/admin/articles/{article_id}")
    assert r.status_code == 200, r.status_code
    doc = parse_html(r.text)
    form = next(f for f in doc.find_all("form")
                if (f.get("action") or "") == f"/admin/articles/{article_id}" and f.get("method") == "post")
    changes.setdefault("action", "save")
    pairs = [(k, v) for k, v in form_values(form) if k not in changes] + list(changes.items())
    return staff.post(f"/admin/articles/{article_id}", data=pairs)


def test_an_article_edited_in_plenary_is_not_overwritten_by_a_later_import(tmp_path):
    ws = workspace(str(tmp_path))
    imported(ws.db, ws.xml, "--uploads", ws.uploads, config=ws.config)
    a = article(ws.db, "osimertinib-laura")
    srv = serve(ws)
    try:
        editor = make_staff(srv, "editor")
        r = edit_article(editor, a["id"], title="LAURA, as our editor wrote it")
        assert r.status_code == 303, r.text[:500]
    finally:
        srv.stop()
    newer = site_export(newer=True).write(os.path.join(ws.tmp, "newer.xml"))
    r = imported(ws.db, newer, "--uploads", ws.uploads, config=ws.config)
    assert [x for x in item_lines(r, "post", 102) if x[2] == "LAURA: osimertinib after chemoradiotherapy, updated"
            and x[3] == "skipped" and x[4].startswith("changed in Plenary since the last import")], r.text
    assert r.counts["articles"]["updated"] == 0 and r.counts["articles"]["skipped"] >= 2  # the trash too
    assert article(ws.db, "osimertinib-laura")["title"] == "LAURA, as our editor wrote it"


def test_a_dry_run_reports_what_would_happen_and_writes_nothing(tmp_path):
    ws = workspace(str(tmp_path))
    before = dump(ws.db)
    p = import_wp(ws.db, ws.xml, "--uploads", ws.uploads, "--dry-run", config=ws.config)
    assert p.returncode == 0, p.stderr
    dry = parse_report(p.stdout, ws.xml, dry=True)
    after = dump(ws.db)
    assert after == before, diff(before, after)
    assert media_files(ws.media) == []
    real = imported(ws.db, ws.xml, "--uploads", ws.uploads, config=ws.config)
    assert dry.counts == real.counts, f"the dry run said\n{dry.text}\nthe import did\n{real.text}"
    # and on a database that has it already: a newer file's dry run changes nothing either
    before = dump(ws.db)
    files = media_files(ws.media)
    newer = site_export(newer=True).write(os.path.join(ws.tmp, "newer.xml"))
    p = import_wp(ws.db, newer, "--uploads", ws.uploads, "--dry-run", config=ws.config)
    assert p.returncode == 0, p.stderr
    assert parse_report(p.stdout, newer, dry=True).counts["articles"]["updated"] == 1
    after = dump(ws.db)
    assert after == before, diff(before, after)
    assert media_files(ws.media) == files


# ==== the map: categories and tags to sections, congresses and topics; authors to staff or bylines ============

def write_map(ws, text):
    path = os.path.join(ws.tmp, "map.ini")
    with open(path, "w") as f:
        f.write(text)
    return path


def test_a_map_sends_a_tag_to_a_congress_a_category_to_a_section_and_an_author_to_a_byline(tmp_path):
    ws = workspace(str(tmp_path), demo=True)
    e = Export(site=OLD)
    e.author("admin", "ada@old.example.org", "Ada Admin")
    e.author("jdoe", "jane@old.example.org", "Jane Doe")
    e.category("oncology-news", "Oncology News")
    e.tag("sabcs23", "SABCS 2023")
    e.tag("old-stuff", "Old stuff")
    e.post(501, "Imported interview from San Antonio", block_paragraph("A mapped interview."),
           slug="imported-san-antonio", date=utc(2026, 11, 30, 12, 0), categories=["oncology-news"],
           tags=["sabcs23", "old-stuff"], author="jdoe")
    e.post(502, "Imported note by the editor", block_paragraph("Another one."), slug="imported-editor-note",
           date=utc(2026, 11, 29, 12, 0), categories=["oncology-news"], author="admin")
    xml = e.write(os.path.join(ws.tmp, "mapped.xml"))
    sections = one(ws.db, "SELECT count(*) FROM section")[0]
    mp = write_map(ws, "[categories]\noncology-news = section:gi-cancer\n\n[tags]\nsabcs23 = congress:sabcs-2023\n"
                       "old-stuff = skip\n\n[authors]\njdoe = byline\nadmin = staff:editor\n")
    p = import_wp(ws.db, xml, "--map", mp, config=ws.config)
    assert p.returncode == 0, f"{p.stdout}\n{p.stderr}"
    r = parse_report(p.stdout, xml, host="oncology.localhost")
    assert r.counts["sections"]["created"] == 0 and one(ws.db, "SELECT count(*) FROM section")[0] == sections
    a = article(ws.db, "imported-san-antonio")
    assert a["section_id"] == one(ws.db, "SELECT id FROM section WHERE slug = 'gi-cancer' AND site_id = 1")[0]
    assert a["congress_id"] == one(ws.db, "SELECT id FROM congress WHERE slug = 'sabcs-2023'")[0]
    assert query(ws.db, "SELECT id FROM tag WHERE slug IN ('sabcs23', 'old-stuff')") == []
    assert query(ws.db, 'SELECT id FROM "user" WHERE email = ?', ("jane@old.example.org",)) == []
    assert one(ws.db, 'SELECT role FROM "user" WHERE email = ?', ("ada@old.example.org",))[0] == "editor"
    people = query(ws.db, "SELECT p.name, ap.role FROM article_person ap JOIN person p ON p.id = ap.person_id "
                          "WHERE ap.article_id = ?", (a["id"],))
    assert [tuple(x) for x in people] == [("Jane Doe", "author")], people
    srv = serve(ws)
    try:
        hub = doc_of(srv, "/congress/sabcs-2023")
        assert "imported-san-antonio" in card_slugs(hub)
        doc = doc_of(srv, "/article/imported-san-antonio")
        assert doc.find("p", class_="kicker").find("a", href="/congress/sabcs-2023") is not None
        assert "Jane Doe" in text_of(doc.find("header", class_="article-header"))
        assert "imported-san-antonio" in card_slugs(doc_of(srv, "/section/gi-cancer"))
    finally:
        srv.stop()


@pytest.mark.parametrize("line, named", [("[tags]\nsabcs23 = congress:no-such-congress\n", "no-such-congress"),
                                         ("[categories]\noncology-news = section:no-such-section\n",
                                          "no-such-section")])
def test_a_map_naming_what_does_not_exist_is_refused_before_anything_is_read(tmp_path, line, named):
    ws = workspace(str(tmp_path), demo=True)
    mp = write_map(ws, line)
    before = dump(ws.db)
    p = import_wp(ws.db, ws.xml, "--map", mp, config=ws.config)
    assert p.returncode == 1, f"{p.returncode}\n{p.stdout}\n{p.stderr}"
    assert named in p.stderr
    assert dump(ws.db) == before


# ==== usage and refusals of the command line ===================================================================

def test_usage_errors_are_2_and_refusals_are_1_with_a_message(tmp_path):
    ws = workspace(str(tmp_path))
    before = dump(ws.db)
    p = run_plenary(["import", "wordpress", "--db", ws.db])
    assert p.returncode == 2 and p.stderr.strip(), (p.returncode, p.stderr)
    p = run_plenary(["import", "joomla", ws.xml, "--db", ws.db])
    assert p.returncode == 2, (p.returncode, p.stderr)
    p = import_wp(ws.db, ws.xml, "--site", "nowhere.example", config=ws.config)
    assert p.returncode == 1 and "nowhere.example" in p.stderr, (p.returncode, p.stderr)
    missing = os.path.join(ws.tmp, "no-such-uploads")
    p = import_wp(ws.db, ws.xml, "--uploads", missing, config=ws.config)
    assert p.returncode == 1 and "no-such-uploads" in p.stderr, (p.returncode, p.stderr)
    gone = os.path.join(ws.tmp, "gone.xml")
    p = import_wp(ws.db, gone, config=ws.config)
    assert p.returncode == 1 and "gone.xml" in p.stderr, (p.returncode, p.stderr)
    assert dump(ws.db) == before


# ==== other sites, older exports, progress =====================================================================

def test_site_picks_the_site_by_its_host(tmp_path):
    ws = workspace(str(tmp_path), demo=True)
    r = import_wp(ws.db, ws.xml, "--site", "dermatology.localhost", "--uploads", ws.uploads, config=ws.config)
    assert r.returncode == 0, f"{r.stdout}\n{r.stderr}"
    rep = parse_report(r.stdout, ws.xml, host="dermatology.localhost")
    assert rep.counts["articles"]["created"] == len(CREATED_ARTICLES)
    derm = one(ws.db, "SELECT id FROM site WHERE host = 'dermatology.localhost'")[0]
    a = article(ws.db, "adjuvant-atezolizumab-tnbc")
    assert a["site_id"] == derm
    assert one(ws.db, "SELECT site_id FROM section WHERE id = ?", (a["section_id"],))[0] == derm
    assert one(ws.db, "SELECT site_id FROM page WHERE path = '/about/team'")[0] == derm
    srv = serve(ws)
    try:
        r = fetch(srv, "/article/adjuvant-atezolizumab-tnbc", headers={"Host": f"dermatology.localhost:{srv.port}"})
        assert r.status_code == 200
        r = fetch(srv, "/article/adjuvant-atezolizumab-tnbc", headers={"Host": f"oncology.localhost:{srv.port}"})
        assert r.status_code == 404
    finally:
        srv.stop()


def test_a_wxr_1_1_export_imports_as_a_1_2_one(tmp_path):
    ws = workspace(str(tmp_path))
    old = site_export(version="1.1").write(os.path.join(ws.tmp, "old.xml"))
    r = imported(ws.db, old, "--uploads", ws.uploads, config=ws.config)
    assert r.counts["articles"]["created"] == len(CREATED_ARTICLES), r.text
    assert r.counts["topics"]["created"] == 4 and r.counts["sections"]["created"] == 2, r.text
    assert article(ws.db, "adjuvant-atezolizumab-tnbc")["title"] == "Adjuvant atezolizumab in early TNBC"
    # the same site in 1.2 afterwards: matched by post id, nothing new
    again = imported(ws.db, ws.xml, "--uploads", ws.uploads, config=ws.config)
    assert again.counts["articles"]["created"] == 0 and again.counts["articles"]["updated"] == 0, again.text


def big_export(n, site=OLD):
    """n published posts of about 3 KB each, in one category and one tag."""
    e = Export(site=site)
    e.author("admin", "ada@old.example.org", "Ada Admin")
    e.category("breast-cancer", "Breast Cancer")
    e.tag("sabcs-2023", "SABCS 2023")
    para = "The trial met its primary end point and the hazard ratio was 0.72 in the overall population. " * 4
    for i in range(n):
        e.post(10000 + i, f"Bulk interview {i}", block_paragraph(para) * 6, slug=f"bulk-interview-{i}",
               date=utc(2023, 1, 1, 0, 0) if i % 2 else utc(2023, 6, 1, 0, 0), categories=["breast-cancer"],
               tags=["sabcs-2023"])
    return e


def test_progress_is_a_bar_on_a_terminal_and_plain_lines_otherwise(tmp_path):
    import pty
    import subprocess
    from conftest import REPO, _binary
    ws = workspace(str(tmp_path))
    xml = big_export(2000).write(os.path.join(ws.tmp, "big.xml"))
    plain = import_wp(ws.db, xml, "--dry-run", config=ws.config)
    assert plain.returncode == 0, plain.stderr
    assert plain.stderr.strip(), "no progress on stderr"
    assert "\r" not in plain.stderr and "\x1b" not in plain.stderr
    parse_report(plain.stdout, xml, dry=True)
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen([_binary(), "import", "wordpress", xml, "--db", ws.db, "--config", ws.config,
                                 "--dry-run"], cwd=REPO, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=slave)
        os.close(slave)
        slave = None
        seen = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the terminal's last writer is gone
                break
            if not chunk:
                break
            seen += chunk
        out, _ = proc.communicate(timeout=120)
    finally:
        os.close(master)
        if slave is not None:
            os.close(slave)
    assert proc.returncode == 0, seen[-2000:]
    assert b"\r" in seen or b"\x1b[" in seen, f"no bar on the terminal: {seen[:500]!r}"
    parse_report(out.decode(), xml, dry=True)
    assert b"Dry run of" not in seen, "the report went to the terminal's stderr"


def test_classic_captions_tables_lists_and_a_second_video_become_markdown(tmp_path):
    ws = workspace(str(tmp_path))
    e = Export(site=OLD)
    e.author("admin", "ada@old.example.org", "Ada Admin")
    e.category("breast-cancer", "Breast Cancer")
    e.attachment(201, LECTURE, alt=LECTURE_ALT)
    body = classic(
        "[embed]https://vimeo.com/76979871[/embed]",
        f'[caption id="attachment_201" align="aligncenter" width="640"]<img class="size-full wp-image-201" '
        f'src="{e.upload_url(LECTURE)}" alt="{LECTURE_ALT}" width="640" height="480" /> The plenary hall on day one'
        "[/caption]",
        "<h4>Results by arm</h4>",
        "<table><thead><tr><th>Arm</th><th>iDFS</th></tr></thead><tbody><tr><td>Atezolizumab</td><td>85%</td></tr>"
        "<tr><td>Control</td><td>87%</td></tr></tbody></table>",
        "<ol><li>Screen</li><li>Randomise<ul><li>stratify by nodes</li></ul></li><li>Follow up</li></ol>",
        "Also see [embed]https://www.youtube.com/watch?v=aqz-KE-bpKQ[/embed]")
    e.post(601, "Classic body with everything", body, slug="classic-everything", date=utc(2023, 12, 7, 9, 0),
           categories=["breast-cancer"])
    xml = e.write(os.path.join(ws.tmp, "classic.xml"))
    imported(ws.db, xml, "--uploads", ws.uploads, config=ws.config)
    a = article(ws.db, "classic-everything")
    assert a["video_url"] == "https://vimeo.com/76979871", a["video_url"]
    srv = serve(ws)
    try:
        b = body_of(doc_of(srv, "/article/classic-everything"))
        lecture = hashlib.sha256(ws.files[LECTURE]).hexdigest()[:32]
        imgs = list(b.find_all("img"))
        assert len(imgs) == 1 and imgs[0].get("src").startswith(f"/media/{lecture}-"), imgs
        assert "The plenary hall on day one" in text_of(b)
        assert "[caption" not in text_of(b) and "[/caption]" not in text_of(b)
        assert "Results by arm" in [text_of(h) for h in b.find_all() if h.tag in ("h2", "h3", "h4", "h5")]
        rows = [[text_of(c) for c in tr.find_all() if c.tag in ("th", "td")] for tr in b.find_all("tr")]
        assert rows == [["Arm", "iDFS"], ["Atezolizumab", "85%"], ["Control", "87%"]], rows
        ol = b.find("ol")
        assert ol is not None and [text_of(li) for li in ol.children if not isinstance(li, str)][0] == "Screen"
        assert text_of(ol.find("ul").find("li")) == "stratify by nodes"
        links = [x.get("href") for x in b.find_all("a")]
        assert "https://www.youtube.com/watch?v=aqz-KE-bpKQ" in links, links  # a second video stays a link
        assert "[embed]" not in text_of(b)
    finally:
        srv.stop()


def test_a_dash_reads_the_export_from_standard_input(tmp_path):
    import subprocess
    from conftest import REPO, _binary
    ws = workspace(str(tmp_path))
    with open(ws.xml, "rb") as f:
        p = subprocess.run([_binary(), "import", "wordpress", "-", "--db", ws.db, "--config", ws.config],
                           cwd=REPO, stdin=f, capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr.decode()
    assert f"articles: {len(CREATED_ARTICLES)} created" in p.stdout.decode(), p.stdout.decode()
    assert {r[0] for r in query(ws.db, "SELECT slug FROM article")} == set(CREATED_ARTICLES.values())
