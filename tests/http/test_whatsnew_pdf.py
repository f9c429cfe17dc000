"""The typeset "What's new" PDF (issue 18): /section/S/whats-new.pdf (the newest month), /whats-new/YYYY-MM.pdf
and /whats-new/congress/C.pdf. Checked with poppler's pdftotext and pdfinfo: titles, page numbers and the
running footer on every page, working links (/URI annotations) to each article, to links in its text and to
its references; an article's text only for readers its audience admits (teaser and link for the others);
text laid out as typed, never read as markup; cached and remade when an article in it changes; helpful 404s
(a month with nothing in it answers the HTML page's 404, not an empty PDF)."""
import calendar
import os
import re
import subprocess
import tempfile

import pytest
import requests

from conftest import Reader, form_values, make_demo_database, make_reader, make_staff, parse_html, start_plenary, \
    start_smtp

SECTION = "whatsnew-pdf-test"
MARCH = calendar.timegm((2025, 3, 10, 12, 0, 0))
JAN = calendar.timegm((2025, 1, 5, 12, 0, 0))
PUBLIC_BODY = ("## Background\n\nPublicbody text with [a link](https://example.org/in-text) and "
               "[a page](/article/wn-pdf-public).\n\n- Firstpoint item\n- Secondpoint item\n\n1. Numbered one\n"
               "2. Numbered two\n\n[bad](javascript:alert(1)) and &amp; &#x2265; done.\n\n"
               "[evil](https://example.org/x\\)>>/JS\\(app.alert\\(1\\)\\)) ends here.\n")
TRICKY = "Tricky <b>bold</b> & <span size='99999'>x</span>"


def add_article(srv, slug, section_id, published_at, body, audience="public", congress_id=None, title=None):
    srv.execute("INSERT INTO article (site_id, slug, title, summary, body, kind, section_id, congress_id, status, "
                "audience, published_at, created_at, updated_at) VALUES (1, ?, ?, ?, ?, 'interview', ?, ?, "
                "'published', ?, ?, ?, ?)", (slug, title or f"Title of {slug}", f"Teaser of {slug}", body,
                                              section_id, congress_id, audience, published_at, published_at,
                                              published_at))
    return srv.query("SELECT id FROM article WHERE site_id = 1 AND slug = ?", (slug,))[0]["id"]


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-whatsnew-pdf-") as tmp:
        smtp = start_smtp(tmp)
        try:
            server = start_plenary(tmp, make_demo_database(tmp), {"smtp_url": f"smtp://127.0.0.1:{smtp.port}",
                                                                  "outbox": os.path.join(tmp, "outbox")},
                                   name="whatsnew-pdf-server")
            server.mail = smtp.mailbox
            yield server
            assert server.stop() == 0, server.log()[-3000:]
        finally:
            smtp.stop()


@pytest.fixture(scope="module")
def data(srv):
    srv.execute("INSERT INTO section (site_id, slug, name, description, position) VALUES "
                "(1, ?, 'Pdftest Cancer', '', 98)", (SECTION,))
    sid = srv.query("SELECT id FROM section WHERE site_id = 1 AND slug = ?", (SECTION,))[0]["id"]
    congress = srv.query("SELECT id, slug, name FROM congress WHERE site_id = 1 ORDER BY id LIMIT 1")[0]
    ids = {
        "pub": add_article(srv, "wn-pdf-public", sid, MARCH, PUBLIC_BODY, congress_id=congress["id"]),
        "hcp": add_article(srv, "wn-pdf-hcp", sid, MARCH + 3600, "Gatedbody for professionals only.",
                           audience="hcp", congress_id=congress["id"]),
        "ver": add_article(srv, "wn-pdf-verified", sid, MARCH + 7200, "Verifiedbody for verified ones only.",
                           audience="verified_hcp"),
        "tricky": add_article(srv, "wn-pdf-tricky", sid, MARCH + 9000, "Plain text.", title=TRICKY),
    }
    # January: enough text to fill several pages
    para = ("Longtext paragraph about the trial's design, its endpoints and what the investigators reported, "
            "written out at length so that the document needs several pages. ") * 4
    for i in range(12):
        add_article(srv, f"wn-pdf-long-{i}", sid, JAN + i * 60, "\n\n".join([para] * 6))
    srv.execute("INSERT INTO reference (article_id, position, citation, abstract_no, url) VALUES (?, 0, "
                "'Openref Y, et al. For everyone. 2025.', 'LBA1', 'https://doi.org/10.1000/open')", (ids["pub"],))
    srv.execute("INSERT INTO reference (article_id, position, citation, abstract_no, url) VALUES (?, 1, "
                "'Doiref X. 2025.', '', '10.1000/bare-doi')", (ids["pub"],))
    srv.execute("INSERT INTO reference (article_id, position, citation, abstract_no, url) VALUES (?, 0, "
                "'Gatedref Z, et al. 2025.', '', 'https://doi.org/10.1000/gated')", (ids["hcp"],))
    return {"ids": ids, "congress": congress}


def pdftotext(content, first=None):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(content)
        f.flush()
        pages = ["-f", str(first), "-l", str(first)] if first else []
        return subprocess.run(["pdftotext", "-layout", *pages, f.name, "-"], capture_output=True, text=True,
                              check=True, timeout=30).stdout


def pdf_pages(content):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(content)
        f.flush()
        out = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True, check=True, timeout=30).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def uris(content):
    return set(re.findall(rb"/URI \(([^)]*)\)", content))


def get_pdf(reader, path):
    r = reader.get(path)
    assert r.status_code == 200, (path, r.status_code, r.text[:300])
    assert r.headers["content-type"] == "application/pdf"
    assert r.content.startswith(b"%PDF-")
    return r


def test_month_pdf_has_titles_links_and_references(srv, data):
    r = get_pdf(Reader(srv), f"/section/{SECTION}/whats-new/2025-03.pdf")
    assert r.headers["content-disposition"] == f'inline; filename="whats-new-{SECTION}-2025-03.pdf"'
    text = pdftotext(r.content)
    assert "What's new in Pdftest Cancer" in text and "March 2025" in text
    for slug in ("wn-pdf-public", "wn-pdf-hcp", "wn-pdf-verified"):
        assert f"Title of {slug}" in text and f"Teaser of {slug}" in text
    assert "Page 1" in text
    # the public article's Markdown: heading, list items, numbered items, entities read
    assert "Background" in text and "Publicbody" in text and "Firstpoint" in text and "Numbered two" in text
    assert "• Firstpoint" in text and "2. Numbered two" in text and "& ≥ done" in text
    links = uris(r.content)
    assert any(u.endswith(b"/article/wn-pdf-public") and u.startswith(b"http") for u in links), links
    assert b"https://example.org/in-text" in links
    assert b"https://doi.org/10.1000/open" in links and b"https://doi.org/10.1000/bare-doi" in links
    assert not any(b"javascript" in u for u in links)
    # a ')' in an address cannot end the PDF's string and smuggle in an action: it is percent-encoded
    assert b"https://example.org/x%29>>/JS%28app.alert%281%29%29" in links
    assert b"/JS(" not in r.content and b"/JS (" not in r.content
    # each article is a bookmark of the PDF's outline
    assert b"/Outlines" in r.content and b"/Title (Title of wn-pdf-public)" in r.content
    assert "Openref Y, et al." in text and "Abstract LBA1" in text
    # nothing else of the section's: January's articles are not in March
    assert "wn-pdf-long" not in text and "Longtext" not in text


def test_text_is_laid_out_as_typed_not_as_markup(srv, data):
    text = pdftotext(get_pdf(Reader(srv), f"/section/{SECTION}/whats-new/2025-03.pdf").content)
    assert TRICKY in " ".join(text.split())


def test_every_page_has_its_number_and_the_footer(srv, data):
    r = get_pdf(Reader(srv), f"/section/{SECTION}/whats-new/2025-01.pdf")
    pages = pdf_pages(r.content)
    assert pages >= 3, pages
    for n in range(1, pages + 1):
        page = pdftotext(r.content, first=n)
        assert re.search(rf"Page {n}\s*$", page.strip()), f"page {n}: {page[-300:]}"
        assert "What's new in Pdftest Cancer — January 2025" in page
    # every article of the month is in it, each heading linked
    text = pdftotext(r.content)
    assert all(f"Title of wn-pdf-long-{i}" in text for i in range(12))
    assert sum(1 for u in uris(r.content) if b"/article/wn-pdf-long-" in u) >= 12


@pytest.mark.parametrize("level", ["anonymous", "member", "hcp", "verified_hcp"])
def test_text_only_where_the_reader_may_read_it(srv, data, level):
    reader = make_reader(srv, level)
    for path in (f"/section/{SECTION}/whats-new/2025-03.pdf",
                 f"/section/{SECTION}/whats-new/congress/{data['congress']['slug']}.pdf"):
        text = pdftotext(get_pdf(reader, path).content)
        assert "Teaser of wn-pdf-hcp" in text and "Publicbody" in text
        assert ("Gatedbody" in text) == (level in ("hcp", "verified_hcp")), (level, path)
        assert ("Gatedref" in text) == (level in ("hcp", "verified_hcp")), (level, path)
        if "congress" not in path:
            assert ("Verifiedbody" in text) == (level == "verified_hcp"), level
        if level in ("anonymous", "member"):
            assert "The full article and its references are for healthcare professionals" in text


def test_newest_month_and_congress(srv, data):
    # the newest month with articles in this section is March 2025
    r = get_pdf(Reader(srv), f"/section/{SECTION}/whats-new.pdf")
    assert "March 2025" in pdftotext(r.content)
    assert r.headers["content-disposition"].endswith('-2025-03.pdf"')
    r = get_pdf(Reader(srv), f"/section/{SECTION}/whats-new/congress/{data['congress']['slug']}.pdf")
    text = pdftotext(r.content)
    assert "Title of wn-pdf-public" in text and "Title of wn-pdf-hcp" in text
    assert "Title of wn-pdf-verified" not in text


@pytest.mark.parametrize("path,why", [
    (f"/section/{SECTION}/whats-new/2024-01.pdf", "Nothing was published"),
    (f"/section/{SECTION}/whats-new/2025-13.pdf", "for example 2025-06"),
    (f"/section/{SECTION}/whats-new/march.pdf", "for example 2025-06"),
    (f"/section/{SECTION}/whats-new/congress/no-such-congress.pdf", "no coverage of that congress"),
    ("/section/no-such-section/whats-new.pdf", "no such section"),
    ("/section/no-such-section/whats-new/2025-03.pdf", "no such section"),
    ("/section/breast-cancer/whats-new/.pdf", ""),
])
def test_not_found_says_why(srv, data, path, why):
    r = Reader(srv).get(path)
    assert r.status_code == 404, path
    assert r.headers["content-type"].startswith("text/html")
    assert why in r.text.replace("&quot;", '"')


def test_a_query_leads_to_the_one_address(srv, data):
    # each query would be a PDF built and kept anew: it answers 301 to the address without it
    for path in (f"/section/{SECTION}/whats-new/2025-03.pdf", f"/section/{SECTION}/whats-new.pdf",
                 f"/section/{SECTION}/whats-new/congress/{data['congress']['slug']}.pdf"):
        r = Reader(srv).get(path + "?x=1")
        assert r.status_code == 301 and r.headers["location"] == path, (path, r.status_code)


def test_section_empty_of_articles(srv, data):
    srv.execute("INSERT INTO section (site_id, slug, name, description, position) VALUES "
                "(1, 'whatsnew-pdf-empty', 'Empty Cancer', '', 97)")
    r = Reader(srv).get("/section/whatsnew-pdf-empty/whats-new.pdf")
    assert r.status_code == 404 and "Nothing has been published in this section yet" in r.text


def test_linked_from_pages_and_menu(srv, data):
    index = parse_html(Reader(srv).get(f"/section/{SECTION}/whats-new").text)
    hrefs = {a.get("href") for a in index.find_all("a")}
    assert f"/section/{SECTION}/whats-new/2025-03.pdf" in hrefs and f"/section/{SECTION}/whats-new.pdf" in hrefs
    assert f"/section/{SECTION}/whats-new/congress/{data['congress']['slug']}.pdf" in hrefs
    month = parse_html(Reader(srv).get(f"/section/{SECTION}/whats-new/2025-03").text)
    assert month.find("a", href=f"/section/{SECTION}/whats-new/2025-03.pdf") is not None
    section = parse_html(Reader(srv).get("/section/breast-cancer").text)
    assert section.find("a", href="/section/breast-cancer/whats-new.pdf") is not None
    menu = parse_html(Reader(srv).get("/").text).find("nav", class_="main-nav")
    assert menu.find("a", href="/section/breast-cancer/whats-new.pdf") is not None
    # only the What's new entries: a page's own PDF never shows beside other menu entries
    pdfs = [a.get("href") for a in month.find("nav", class_="main-nav").find_all("a")
            if a.get("href", "").endswith(".pdf")]
    assert pdfs and all(re.fullmatch(r"/section/[a-z0-9-]+/whats-new\.pdf", h) for h in pdfs), pdfs


CONSENTED = {"Cookie": "plenary_consent=rejected"}
ONE = requests.Session()  # one connection, one worker, one page cache


def cached_get(srv, path):
    r = ONE.get(srv.url(path), headers=CONSENTED, timeout=30, allow_redirects=False)
    assert r.status_code == 200, f"{path}: {r.status_code}"
    return r


def test_cached_and_remade_when_an_article_in_it_changes(srv, data):
    editor = make_staff(srv, "editor", name="Paula Pdf")
    path = f"/section/{SECTION}/whats-new/2025-03.pdf"
    first = cached_get(srv, path)
    again = cached_get(srv, path)
    assert again.headers.get("x-cache") == "hit" and again.content == first.content
    assert again.headers["content-type"] == "application/pdf" and "content-disposition" in again.headers
    # 304 for a reader who has it
    assert ONE.get(srv.url(path), headers={**CONSENTED, "If-None-Match": again.headers["etag"]},
                   timeout=10).status_code == 304
    aid = data["ids"]["ver"]
    doc = parse_html(editor.get(f"/admin/articles/{aid}").text)
    form = next(f for f in doc.find_all("form")
                if (f.get("action") or "").startswith("/admin/articles") and f.get("method") == "post")
    title = f"Pdf cache {os.urandom(3).hex()}"
    pairs = [(k, v) for k, v in form_values(form) if k not in ("title", "action")]
    r = editor.post(f"/admin/articles/{aid}", data=pairs + [("title", title), ("action", "save")])
    assert r.status_code == 303, (r.status_code, re.findall(r'(?:error|problem|alert)[^>]*>([^<]{5,200})', r.text))
    fresh = cached_get(srv, path)
    assert fresh.headers.get("x-cache") != "hit"
    assert title in pdftotext(fresh.content)


def test_text_past_the_budget_prints_as_summaries():
    """whatsnew_pdf_text_kb bounds the text one PDF prints whole: past it, the summary and a link."""
    with tempfile.TemporaryDirectory(prefix="plenary-whatsnew-pdf-budget-") as tmp:
        server = start_plenary(tmp, make_demo_database(tmp), {"whatsnew_pdf_text_kb": 1}, name="budget-server")
        try:
            server.execute("INSERT INTO section (site_id, slug, name, description, position) VALUES "
                           "(1, 'budget-pdf', 'Budget Cancer', '', 96)")
            sid = server.query("SELECT id FROM section WHERE site_id = 1 AND slug = 'budget-pdf'")[0]["id"]
            for i in range(3):  # 600 bytes each: the newest fits in 1 KB, the next would pass it
                add_article(server, f"wn-budget-{i}", sid, MARCH + i * 60, f"Budgetbody{i} " + "words " * 98)
            r = get_pdf(Reader(server), "/section/budget-pdf/whats-new/2025-03.pdf")
            text = pdftotext(r.content)
            assert "Budgetbody2" in text and "Budgetbody1" not in text and "Budgetbody0" not in text
            assert all(f"Teaser of wn-budget-{i}" in text for i in range(3))
            assert "The full text of the newest article you may read is printed here" in " ".join(text.split())
            links = re.findall(rb"/URI \(([^)]*)\)", r.content)
            assert sum(1 for u in links if u.endswith(b"/article/wn-budget-0")) == 2  # its title and its note
        finally:
            assert server.stop() == 0, server.log()[-3000:]
