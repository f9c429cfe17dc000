"""Every distinct page type is valid HTML (html-validate, recommended rules) and meets basic accessibility."""
import json
import os
import struct
import subprocess
import tempfile
import time
import zlib

import pytest
import requests

from conftest import (REPO, form_token, form_values, get, host_header, make_staff, parse_html, post, request,
                      visible_articles)

TESTS = os.path.join(REPO, "tests")
CONFIG = os.path.join(TESTS, ".htmlvalidate.json")
VALIDATOR = os.path.join(TESTS, "node_modules", "html-validate", "bin", "html-validate.js")

# Every rule that tests/.htmlvalidate.json turns off, with the reason (JSON has no comments, and
# html-validate refuses unknown keys, so the reasons live here; a test checks both lists agree).
DISABLED_BECAUSE = {
    "long-title": "article pages are titled with the article's full headline, which editors write longer "
                  "than 70 characters on purpose; a long <title> is valid HTML",
}


def _article(where):
    rows = visible_articles(where)
    assert rows, f"the demo has no visible article with {where}"
    return f"/article/{rows[0]['slug']}"


def _subscriber_link(path, purpose):
    """path?t= a new subscriber's signed link (subs_links.py), made in the session server's database."""
    from conftest import SERVER, connect
    from subs_links import link_token, make_subscriber
    conn = connect(SERVER.db_path)
    try:
        site = conn.execute("SELECT id FROM site ORDER BY is_default DESC, position, id").fetchone()[0]
        address = f"html-{purpose}-{time.time_ns()}@example.org"
        sid = make_subscriber(conn, site, address)
        return f"{path}?t={link_token(conn, purpose, sid, address)}"
    finally:
        conn.close()


def _post_form(path, fields, source="/contact"):
    return post(path, data={"form_token": form_token(get(source).text), **fields})


ACCEPTED = {"cookies": {"plenary_consent": "accepted"}}

# name: (expected status, how to fetch it)
PAGES = {
    "home": (200, lambda: get("/")),
    "home-page-2": (200, lambda: get("/?page=2")),
    "home-consent-given": (200, lambda: get("/", **ACCEPTED)),
    "congresses": (200, lambda: get("/congresses")),
    "congresses-2025": (200, lambda: get("/congresses/2025")),
    "congress-hub": (200, lambda: get("/congress/sabcs-2023")),
    "section-breast-cancer": (200, lambda: get("/section/breast-cancer")),
    "section-gi-cancer": (200, lambda: get("/section/gi-cancer")),
    "section-gu-cancer": (200, lambda: get("/section/gu-cancer")),
    "section-lung-cancer": (200, lambda: get("/section/lung-cancer")),
    "section-page-2": (200, lambda: get("/section/breast-cancer?page=2")),
    "whatsnew-index": (200, lambda: get("/section/breast-cancer/whats-new")),
    "whatsnew-month": (200, lambda: get("/section/breast-cancer/whats-new/2024-12")),
    "whatsnew-congress": (200, lambda: get("/section/breast-cancer/whats-new/congress/sabcs-2024")),
    "whatsnew-404": (404, lambda: get("/section/breast-cancer/whats-new/2024-13")),
    "article-sponsored": (200, lambda: get(_article(
        "a.audience = 'public' AND EXISTS (SELECT 1 FROM article_sponsor x WHERE x.article_id = a.id) "
        "AND EXISTS (SELECT 1 FROM reference x WHERE x.article_id = a.id)"))),
    "article-alexandra": (200, lambda: get(_article("a.audience = 'public' AND a.title LIKE '%ALEXANDRA%'"))),
    "article-plain": (200, lambda: get(_article(
        "a.audience = 'public' AND NOT EXISTS (SELECT 1 FROM article_sponsor x WHERE x.article_id = a.id)"))),
    "article-gated": (200, lambda: get(_article("a.audience <> 'public'"))),
    "article-video-accepted": (200, lambda: get(_article("a.audience = 'public' AND a.video_url <> ''"), **ACCEPTED)),
    "article-video-no-consent": (200, lambda: get(_article("a.audience = 'public' AND a.video_url <> ''"))),
    "tags": (200, lambda: get("/tags")),
    "tag": (200, lambda: get(parse_html(get("/tags").text).find("ul", class_="tag-cloud").find("a").get("href"))),
    "trials": (200, lambda: get("/trials")),
    "trial": (200, lambda: get("/trial/alexandra-impassion030")),
    "privacy": (200, lambda: get("/privacy")),
    "about": (200, lambda: get("/about")),
    "contact": (200, lambda: get("/contact")),
    "contact-errors": (422, lambda: _post_form("/contact", {})),
    "contact-kept-values": (422, lambda: _post_form("/contact", {
        "name": '<b>"x"</b> & co', "email": "nope", "topic": "other", "message": "<i>hello</i> & goodbye",
        "agree": "yes"})),
    "contact-sent": (200, lambda: get("/contact?sent=1")),
    "cookies": (200, lambda: get("/cookies")),
    "cookies-saved": (200, lambda: get("/cookies?saved=1", **ACCEPTED)),
    "signup": (200, lambda: get("/signup")),
    "signin": (200, lambda: get("/signin")),
    "subscribe": (200, lambda: get("/subscribe")),
    "subscribe-errors": (422, lambda: _post_form("/subscribe", {"email": '<b>"x"</b>', "target": "nope"},
                                                  "/subscribe")),
    "subscribe-sent": (200, lambda: get("/subscribe/sent")),
    "subscribe-bad-link": (400, lambda: get("/subscribe/confirm?t=nope")),
    "subscriptions": (200, lambda: get(_subscriber_link("/subscriptions", "prefs"))),
    "unsubscribe": (200, lambda: get(_subscriber_link("/unsubscribe", "unsubscribe"))),
    "dermatology-home": (200, lambda: get("/", headers=host_header("dermatology.localhost"))),
    "hematology-home": (200, lambda: get("/", headers=host_header("hematology.localhost"))),
    "sso-continue": (200, lambda: get("/sso/to?host=hematology.localhost&return=%2Ftrials")),
    "sso-refused": (400, lambda: get("/sso/issue?to=evil.example.com&n=AAAAAAAAAAAAAAAAAAAAAA&return=%2F")),
    "search-results": (200, lambda: get("/search?q=pembrolizumab")),
    "search-empty": (200, lambda: get("/search")),
    "search-did-you-mean": (200, lambda: get("/search?q=pembrolizumb")),
    "search-no-words": (200, lambda: get("/search?q=%21%21%21")),
    "search-filtered": (200, lambda: get(parse_html(get("/search?q=pembrolizumab").text).find(
        "aside", class_="facets").find("a").get("href"))),
    "error-400": (400, lambda: get("/?page=abc")),
    "error-403": (403, lambda: post("/consent", data={"choice": "accepted"})),
    "error-404": (404, lambda: get("/no-such-page")),
    "error-404-article": (404, lambda: get("/article/no-such-article")),
    "error-405": (405, lambda: request("DELETE", "/")),
    "error-415": (415, lambda: post("/consent", data=b"choice=accepted", headers={"Content-Type": "text/plain"})),
}


@pytest.fixture(scope="module")
def pages():
    out = {}
    for name, (status, fetch) in PAGES.items():
        r = fetch()
        assert r.status_code == status, f"{name}: {r.status_code}, expected {status}"
        assert r.headers.get("content-type") == "text/html; charset=utf-8", name
        out[name] = r.text
    return out


def test_html_validate(pages):
    assert os.path.exists(VALIDATOR), "html-validate is not installed: run `npm ci` in tests/"
    with tempfile.TemporaryDirectory(prefix="plenary-html-") as tmp:
        files = []
        for name, text in pages.items():
            path = os.path.join(tmp, f"{name}.html")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            files.append(path)
        report = os.path.join(tmp, "report.json")  # a file: node cuts long output to a pipe at exit
        run = subprocess.run(["node", VALIDATOR, "--config", CONFIG, "--formatter", f"json={report}", *files],
                             capture_output=True, text=True, timeout=120)
        assert os.path.exists(report), f"html-validate wrote no report (exit {run.returncode}): {run.stderr}"
        with open(report, encoding="utf-8") as f:
            results = json.load(f)
    problems = []
    for res in results:
        name = os.path.basename(res["filePath"])
        for m in res["messages"]:
            problems.append(f"{name}:{m.get('line')}:{m.get('column')} {m.get('ruleId')}: {m.get('message')}"
                            f" [{m.get('selector')}]")
    assert not problems, f"{len(problems)} html-validate problems:\n" + "\n".join(problems)
    assert run.returncode == 0, run.stderr


def test_disabled_rules_have_reasons():
    with open(CONFIG, encoding="utf-8") as f:
        config = json.load(f)
    assert config.get("extends") == ["html-validate:recommended"]
    off = {rule for rule, setting in config.get("rules", {}).items()
           if (setting[0] if isinstance(setting, list) else setting) in ("off", 0)}
    assert off == set(DISABLED_BECAUSE), "every rule turned off needs its reason in DISABLED_BECAUSE"


# ---- accessibility facts, page by page -------------------------------------------------------------------

LABELLED_INPUTS_EXEMPT = {"hidden", "submit", "button", "image", "reset"}


@pytest.mark.parametrize("name", list(PAGES))
def test_basic_accessibility(pages, name):
    doc = parse_html(pages[name])
    html = doc.find("html")
    assert html is not None and html.get("lang"), "<html> has no lang"
    title = doc.find("title")
    assert title is not None and title.text().strip(), "empty <title>"
    mains = list(doc.find_all("main"))
    assert len(mains) == 1 and mains[0].get("id") == "main", "needs exactly one <main id=main>"
    first_link = doc.find("body").find("a")
    assert first_link.get("href") == "#main" and "skip" in first_link.text().lower(), "no skip link first"
    h1s = list(doc.find_all("h1"))
    assert len(h1s) == 1, f"{len(h1s)} <h1>"
    assert h1s[0].text().strip()
    for img in doc.find_all("img"):
        assert "alt" in img.attrs, f"<img> without alt: {img}"
    for frame in doc.find_all("iframe"):
        assert frame.get("title"), f"<iframe> without title: {frame}"
    ids = {}
    for n in doc.iter():
        if n.get("id"):
            ids[n.get("id")] = n
    label_for = {lab.get("for") for lab in doc.find_all("label") if lab.get("for")}
    for n in doc.iter():
        if n.tag not in ("input", "select", "textarea"):
            continue
        if n.tag == "input" and (n.get("type") or "text") in LABELLED_INPUTS_EXEMPT:
            continue
        labelled = (n.get("id") in label_for or any(p.tag == "label" for p in n.ancestors())
                    or n.get("aria-label") or all(i in ids for i in (n.get("aria-labelledby") or "-").split()))
        assert labelled, f"form control without a label: {n}"
    for b in doc.find_all("button"):
        assert b.text().strip() or b.get("aria-label"), f"<button> without a name: {b}"
    for a in doc.find_all("a"):
        assert a.get("href"), f"<a> without href: {a}"
        assert a.text().strip() or a.get("aria-label"), f"link without text: {a}"


# ---- the back office -------------------------------------------------------------------------------------
# Its pages need staff accounts and change articles, so they are fetched from admin_server (conftest.py), the
# back office's own server, and checked by the same two tests as the public pages above.

ADMIN_PAGES = ["admin-articles", "admin-articles-filtered-empty", "admin-articles-page-2", "admin-article-new",
               "admin-article-new-contributor", "admin-article-edit-saved", "admin-article-errors",
               "admin-article-conflict", "admin-article-preview", "admin-revisions", "admin-revisions-compare",
               "admin-revision-restored", "admin-audit", "admin-session-ended", "admin-reader-403",
               "admin-audit-contributor-403"]
# the site's structure (test_admin_structure.py): lists, forms, 422 forms and confirmations, none of which saves
STRUCTURE_PAGES = ["admin-sections", "admin-section-edit", "admin-section-errors", "admin-tags", "admin-tag-new",
                   "admin-tag-delete-confirm", "admin-pages", "admin-page-edit", "admin-page-errors", "admin-menu",
                   "admin-menu-edit", "admin-menu-new-under", "admin-menu-errors", "admin-menu-delete-confirm",
                   "admin-sites", "admin-site-edit-default", "admin-site-errors", "admin-sites-editor-403",
                   "admin-structure-contributor-403"]
ADMIN_PAGES += STRUCTURE_PAGES
# the media library (test_media.py): the library, its upload errors, an image's page, and an article showing one
MEDIA_PAGES = ["admin-media", "admin-media-errors", "admin-media-image", "admin-media-image-errors",
               "admin-media-image-used", "article-featured-image"]
ADMIN_PAGES += MEDIA_PAGES
# the desk (test_desk_*.py): the calendar, a bulk action's outcome and refusal, the editor's presence warning
DESK_PAGES = ["admin-calendar", "admin-calendar-bad-month", "admin-articles-bulk", "admin-articles-bulk-refused",
              "admin-article-being-edited"]
ADMIN_PAGES += DESK_PAGES
# the front page's curation (test_frontpage.py): the page with curated articles (one unpublished), its 422
FRONT_PAGES = ["admin-front", "admin-front-errors"]
ADMIN_PAGES += FRONT_PAGES
# the editor's autosave (test_preview_autosave.py): the offer to restore one, and the form it restores
PREVIEW_PAGES = ["admin-article-autosave-offer", "admin-article-autosave-restored"]
ADMIN_PAGES += PREVIEW_PAGES
# search synonyms (test_synonyms.py): the list, a form, a refused one, a confirmation, and a widened search
SYNONYM_PAGES = ["admin-synonyms", "admin-synonym-new", "admin-synonym-edit", "admin-synonym-errors",
                 "admin-synonym-delete-confirm", "search-synonyms"]
ADMIN_PAGES += SYNONYM_PAGES
# redirects (test_redirects.py): the list with a search and pages, a form, a refused one, a confirmation
REDIRECT_PAGES = ["admin-redirects", "admin-redirects-search", "admin-redirect-new", "admin-redirect-edit",
                  "admin-redirect-errors", "admin-redirect-delete-confirm"]
ADMIN_PAGES += REDIRECT_PAGES
# the mail queue (test_mailq.py): counts, a failure and a suppression with markup in them, a refused form
MAIL_PAGES = ["admin-mail", "admin-mail-search-empty", "admin-mail-errors"]
ADMIN_PAGES += MAIL_PAGES
# newsletters (test_newsletter.py): the list with a sent one, a new form, one with its preview, refused forms
NEWSLETTER_PAGES = ["admin-newsletters", "admin-newsletter-new", "admin-newsletter-edit",
                    "admin-newsletter-errors", "admin-newsletter-schedule-errors"]
ADMIN_PAGES += NEWSLETTER_PAGES


def _editor_form(doc):
    return next(f for f in doc.find_all("form") if (f.get("action") or "").startswith("/admin/articles")
                and f.get("method") == "post")


@pytest.fixture(scope="module")
def admin_pages(admin_server):
    srv = admin_server
    editor = make_staff(srv, "editor", name='Eda "Desk" <Editor> & Co')
    contributor = make_staff(srv, "contributor")
    reader = make_staff(srv, "reader")
    section = srv.query("SELECT s.id FROM section s JOIN site t ON t.id = s.site_id WHERE t.is_default = 1 "
                        "ORDER BY s.id LIMIT 1")[0]["id"]
    people = [str(r["id"]) for r in srv.query("SELECT id FROM person ORDER BY id LIMIT 2")]
    sponsor = str(srv.query("SELECT id FROM sponsor ORDER BY id LIMIT 1")[0]["id"])

    def opened(path):
        return dict(form_values(_editor_form(parse_html(editor.get(path).text))))

    def article(**over):
        data = {"title": 'Validated <article> & "quotes"', "summary": "A summary with <b>markup</b> & more.",
                "body": "## A heading\n\nSome **Markdown** & <i>text</i>.\n\n* one\n* two", "section": str(section),
                "audience": "public", "status": "draft", "published": "", "slug": "", "tags": "html validate",
                "references": "Doe A. N Engl J Med 2025 | LBA1 | https://example.org/lba1",
                "speakers": people, "sponsors": [sponsor], "action": "save", **over}
        return data

    r = editor.post("/admin/articles", data={**opened("/admin/articles/new"), **article()})
    assert r.status_code == 303, r.status_code
    path = r.headers["location"].split("?")[0]
    article_id = int(path.rsplit("/", 1)[1])
    stale = opened(path)
    r = editor.post(path, data={**opened(path), "title": "Validated, second revision", "action": "save"})
    assert r.status_code == 303, r.status_code
    first_revision = srv.query("SELECT min(id) FROM revision WHERE article_id = ?", (article_id,))[0][0]
    compare = parse_html(editor.get(f"{path}/revisions?show={first_revision}").text)
    restore = compare.find("form", action=f"{path}/restore")

    fetch = {
        "admin-articles": (200, lambda: editor.get("/admin/articles")),
        "admin-articles-filtered-empty": (200, lambda: editor.get("/admin/articles?q=no+such+title&status=archived"
                                                                  f"&section={section}&mine=1")),
        "admin-articles-page-2": (200, lambda: editor.get("/admin/articles?page=2")),
        "admin-article-new": (200, lambda: editor.get("/admin/articles/new")),
        "admin-article-new-contributor": (200, lambda: contributor.get("/admin/articles/new")),
        "admin-article-edit-saved": (200, lambda: editor.get(f"{path}?saved=1")),
        "admin-article-errors": (422, lambda: editor.post("/admin/articles", data={
            **opened("/admin/articles/new"), **article(title="", section="", slug="Bad Slug", published="soon",
                                                       video_url="http://example.org/v", tags="x" * 61,
                                                       references="c | 1 | ftp://x", congress="999999")})),
        "admin-article-conflict": (409, lambda: editor.post(path, data={**stale, "title": "A stale save",
                                                                        "action": "save"})),
        "admin-article-preview": (200, lambda: editor.post("/admin/articles", data={
            **opened("/admin/articles/new"), **article(action="preview")})),
        "admin-revisions": (200, lambda: editor.get(f"{path}/revisions")),
        "admin-revisions-compare": (200, lambda: editor.get(f"{path}/revisions?show={first_revision}")),
        "admin-revision-restored": (200, lambda: editor.post(restore.get("action"), data=dict(form_values(restore)))),
        "admin-audit": (200, lambda: editor.get("/admin/audit")),
        "admin-session-ended": (401, lambda: requests.post(srv.url("/admin/articles"), timeout=10, data={
            "title": "Kept <title>", "summary": "Kept & summary", "body": "Kept\n\nbody"})),
        "admin-reader-403": (403, lambda: reader.get("/admin/articles")),
        "admin-audit-contributor-403": (403, lambda: contributor.get("/admin/audit")),
        **_structure_pages(srv, editor, contributor),
        **_media_pages(srv, editor, section),
        **_desk_pages(srv, editor, article_id),
        **_front_pages(srv, editor),
        **_preview_pages(editor, path),
        **_synonym_pages(srv, editor),
        **_redirect_pages(srv, editor),
        **_mail_pages(srv),
        **_newsletter_pages(srv, editor),
    }
    assert list(fetch) == ADMIN_PAGES
    out = {}
    for name, (status, get_it) in fetch.items():
        r = get_it()
        assert r.status_code == status, f"{name}: {r.status_code}, expected {status}"
        assert r.headers.get("content-type") == "text/html; charset=utf-8", name
        out[name] = r.text
    return out


def _front_pages(srv, editor):
    """The front page's back office with a featured, a pinned and an archived article (rows put in and taken
    out again, so the shared server's home page stays the demo's), and its 422 form keeping markup escaped."""
    def curated():
        ids = [r[0] for r in srv.query("SELECT id FROM article WHERE site_id = 1 ORDER BY id LIMIT 3")]
        srv.execute("DELETE FROM front_article WHERE site_id = 1")
        for i, (a, place) in enumerate(zip(ids, ("featured", "featured", "pinned"))):
            srv.execute("INSERT INTO front_article (site_id, article_id, place, position) VALUES (1, ?, ?, ?)",
                        (a, place, i))
        try:
            return editor.get("/admin/front?done=added")
        finally:
            srv.execute("DELETE FROM front_article WHERE site_id = 1")

    def refused():
        form = next(f for f in parse_html(editor.get("/admin/front").text).find_all("form")
                    if f.get("action") == "/admin/front/articles")
        return editor.post("/admin/front/articles", data={**dict(form_values(form)), "article": "",
                                                          "address": '/article/<b>"x"</b>', "place": "?"})

    return {"admin-front": (200, curated), "admin-front-errors": (422, refused)}


def _with(r, text):
    assert text in r.text, f"{r.url}: no {text}"
    return r


def _preview_pages(editor, path):
    """An autosave of the article at path with markup in its text, then the editor offering and restoring it."""
    doc = parse_html(editor.get(path).text)
    form = [(k, v) for k, v in form_values(_editor_form(doc)) if k not in ("form_token", "body")]
    token = doc.find("input", name="form_token").get("value")
    r = editor.post(f"{path}/autosave", data=[*form, ("body", 'Autosaved <b>"markup"</b> & more')],
                    headers={"X-Form-Token": token})
    assert r.status_code == 200, r.text
    return {
        "admin-article-autosave-offer": (200, lambda: _with(editor.get(path), 'class="notice autosave-offer"')),
        "admin-article-autosave-restored": (200, lambda: editor.get(f"{path}?autosave=restore")),
    }


def _structure_pages(srv, editor, contributor):
    """How to fetch each of STRUCTURE_PAGES; values with markup show that forms escape what they keep."""
    admin = make_staff(srv, "admin")
    tag = srv.query("SELECT x.tag_id FROM article_tag x JOIN tag g ON g.id = x.tag_id WHERE g.site_id = 1 "
                    "LIMIT 1")[0][0]
    page = srv.query("SELECT id FROM page WHERE site_id = 1 ORDER BY id LIMIT 1")[0][0]
    parent = srv.query("SELECT id FROM menu_item WHERE site_id = 1 AND parent_id IS NULL AND url = '' "
                       "ORDER BY position LIMIT 1")[0][0]
    entry = srv.query("SELECT parent_id FROM menu_item WHERE site_id = 1 AND parent_id IS NOT NULL "
                      "ORDER BY id LIMIT 1")[0][0]

    def bad(staff, page_path, action, **fields):
        form = next(f for f in parse_html(staff.get(page_path).text).find_all("form") if f.get("action") == action)
        return staff.post(action, data={**dict(form_values(form)), **fields})

    return {
        "admin-sections": (200, lambda: editor.get("/admin/sections?saved=1")),
        "admin-section-edit": (200, lambda: editor.get("/admin/sections/1")),
        "admin-section-errors": (422, lambda: bad(editor, "/admin/sections/new", "/admin/sections", name="",
                                                  slug='<b>"bad"</b>', description="d" * 501, position="x")),
        "admin-tags": (200, lambda: editor.get("/admin/tags?deleted=1")),
        "admin-tag-new": (200, lambda: editor.get("/admin/tags/new")),
        "admin-tag-delete-confirm": (200, lambda: editor.get(f"/admin/tags/{tag}/delete")),
        "admin-pages": (200, lambda: editor.get("/admin/pages?saved=1")),
        "admin-page-edit": (200, lambda: editor.get(f"/admin/pages/{page}")),
        "admin-page-errors": (422, lambda: bad(editor, "/admin/pages/new", "/admin/pages", path="/admin/<x>",
                                               title="", body="Kept & <i>escaped</i>")),
        "admin-menu": (200, lambda: editor.get("/admin/menu?moved=1")),
        "admin-menu-edit": (200, lambda: editor.get(f"/admin/menu/{entry}")),
        "admin-menu-new-under": (200, lambda: editor.get(f"/admin/menu/new?parent={parent}")),
        "admin-menu-errors": (422, lambda: bad(editor, "/admin/menu/new", "/admin/menu", label="",
                                               url='javascript:"x"', parent="999999", position="-1")),
        "admin-menu-delete-confirm": (200, lambda: editor.get(f"/admin/menu/{parent}/delete")),
        "admin-sites": (200, lambda: admin.get("/admin/sites?saved=1")),
        "admin-site-edit-default": (200, lambda: admin.get("/admin/sites/1")),
        "admin-site-errors": (422, lambda: bad(admin, "/admin/sites/new", "/admin/sites", name="", slug="",
                                               specialty="", host="bad host:80", tagline="t" * 201)),
        "admin-sites-editor-403": (403, lambda: editor.get("/admin/sites")),
        "admin-structure-contributor-403": (403, lambda: contributor.get("/admin/menu")),
    }


def _mail_pages(srv):
    """How to fetch each of MAIL_PAGES: a failed row and a suppression whose text has markup."""
    admin = make_staff(srv, "admin")
    srv.execute("INSERT INTO mail_queue (kind, to_addr, subject, text_body, state, attempts, last_error, "
                "not_before, created_at) VALUES ('test', 'html@example.org', 'A <b>subject</b> & more', 'x', "
                "'failed', 1, '550 <refused> & \"gone\"', 0, 0)")
    srv.execute("INSERT INTO mail_suppression (email, reason, source, created_at) VALUES "
                "('html@example.org', 'Status 5.1.1; <x> & \"y\"', 'bounce', 0)")

    def bad():
        form = parse_html(admin.get("/admin/mail").text).find("form", action="/admin/mail/suppress")
        return admin.post("/admin/mail/suppress", data={**dict(form_values(form)), "email": '<b>"not"</b> & one'})

    return {
        "admin-mail": (200, lambda: admin.get("/admin/mail?done=lifted")),
        "admin-mail-search-empty": (200, lambda: admin.get("/admin/mail?q=%3Cnobody%3E")),
        "admin-mail-errors": (422, bad),
    }


def _synonym_pages(srv, editor):
    """How to fetch each of SYNONYM_PAGES, on the demo's oncology groups."""
    group = srv.query("SELECT id FROM synonym_group WHERE site_id = 1 ORDER BY id LIMIT 1")[0][0]

    def bad():
        form = parse_html(editor.get("/admin/synonyms/new").text).find("form", action="/admin/synonyms")
        return editor.post("/admin/synonyms", data={**dict(form_values(form)), "terms": '<b>"only"</b> & one'})

    return {
        "admin-synonyms": (200, lambda: editor.get("/admin/synonyms?saved=1")),
        "admin-synonym-new": (200, lambda: editor.get("/admin/synonyms/new")),
        "admin-synonym-edit": (200, lambda: editor.get(f"/admin/synonyms/{group}")),
        "admin-synonym-errors": (422, bad),
        "admin-synonym-delete-confirm": (200, lambda: editor.get(f"/admin/synonyms/{group}/delete")),
        "search-synonyms": (200, lambda: requests.get(srv.url("/search?q=Keytruda+survival"), timeout=10)),
    }


def _redirect_pages(srv, editor):
    """How to fetch each of REDIRECT_PAGES: 60 redirects (two pages), one with markup in its addresses."""
    c = srv.db()
    with c:
        for i in range(60):
            c.execute("INSERT INTO redirect (site_id, from_path, to_path, source) VALUES (1, ?, ?, ?)",
                      (f"/html-old-{i}/\"<b>&amp;", f"/html-new-{i}?a=1&b=<i>", ("import", "slug", "editor")[i % 3]))
    c.close()
    rid = srv.query("SELECT id FROM redirect WHERE from_path LIKE '/html-old-%' ORDER BY id LIMIT 1")[0][0]

    def bad():
        form = parse_html(editor.get("/admin/redirects/new").text).find("form", action="/admin/redirects")
        return editor.post("/admin/redirects", data={**dict(form_values(form)), "from": '<b>"x"</b> & y',
                                                     "to": 'http://x.example/"<i>'})

    return {
        "admin-redirects": (200, lambda: editor.get("/admin/redirects?saved=1")),
        "admin-redirects-search": (200, lambda: editor.get("/admin/redirects?q=%3Cb%3E&page=2")),
        "admin-redirect-new": (200, lambda: editor.get("/admin/redirects/new")),
        "admin-redirect-edit": (200, lambda: editor.get(f"/admin/redirects/{rid}")),
        "admin-redirect-errors": (422, bad),
        "admin-redirect-delete-confirm": (200, lambda: editor.get(f"/admin/redirects/{rid}/delete")),
    }


def _newsletter_pages(srv, editor):
    """How to fetch each of NEWSLETTER_PAGES: a newsletter with markup in its subject and intro and two
    articles, and a sent one (its row as the sender leaves it) for the list's counts."""
    arts = [str(r[0]) for r in srv.query("SELECT id FROM article WHERE site_id = 1 AND status = 'published' "
                                         "ORDER BY id LIMIT 2")]
    r = editor.submit("/admin/newsletters/new", "/admin/newsletters",
                      {"subject": 'News <b>"bold"</b> & more', "intro": "Hi <i>all</i> & **you**",
                       "article": arts, f"place_{arts[0]}": "2"})
    assert r.status_code == 303, r.status_code
    path = r.headers["location"].split("?")[0]
    now = int(time.time())
    srv.execute("INSERT INTO newsletter (site_id, subject, intro, state, created_at, updated_at, sent_at, recipients) "
                "VALUES (1, 'Sent <one>', '', 'sent', ?, ?, ?, 3)", (now, now, now))

    def bad():
        return editor.submit("/admin/newsletters/new", "/admin/newsletters",
                             {"subject": "", "intro": "x" * 20001, "article": ["1x"]})

    def bad_time():
        return editor.submit(path, f"{path}/schedule", {"send_at": '2020-01-01T09:00<b>'})

    return {
        "admin-newsletters": (200, lambda: editor.get("/admin/newsletters")),
        "admin-newsletter-new": (200, lambda: editor.get("/admin/newsletters/new?q=%3Cb%3E")),
        "admin-newsletter-edit": (200, lambda: editor.get(f"{path}?level=verified&done=saved")),
        "admin-newsletter-errors": (422, bad),
        "admin-newsletter-schedule-errors": (422, bad_time),
    }


def test_admin_html_validate(admin_pages):
    test_html_validate(admin_pages)


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_admin_basic_accessibility(admin_pages, name):
    test_basic_accessibility(admin_pages, name)


def _png(w, h, seed):
    """An RGB PNG written by hand (no imaging library needed), its pixels varied by seed."""
    rows = b"".join(b"\x00" + bytes((x * 7 + y * 3 + seed) % 256 for x in range(w * 3)) for y in range(h))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _desk_pages(srv, editor, article_id):
    """How to fetch each of DESK_PAGES: a second editor (with markup in the name) has the article open."""
    other = make_staff(srv, "editor", name='Otto <b>"Open"</b> & Co')
    assert other.get(f"/admin/articles/{article_id}").status_code == 200

    def bulk(**fields):
        token = editor.token("/admin/articles", "/admin/articles/bulk")
        return editor.post("/admin/articles/bulk", data={"form_token": token, **fields})

    return {
        "admin-calendar": (200, lambda: editor.get("/admin/calendar")),
        "admin-calendar-bad-month": (400, lambda: editor.get("/admin/calendar?month=2026-13")),
        "admin-articles-bulk": (200, lambda: bulk(ids=[str(article_id), "999999", "<b>x</b>"], bulk="archive")),
        "admin-articles-bulk-refused": (422, lambda: bulk(bulk="publish")),
        "admin-article-being-edited": (200, lambda: editor.get(f"/admin/articles/{article_id}")),
    }


def _media_pages(srv, editor, section):
    """How to fetch each of MEDIA_PAGES: two images uploaded (one featured on a published article)."""
    def token(page):
        form = next(f for f in parse_html(editor.get(page).text).find_all("form") if f.get("method") == "post")
        return dict(form_values(form))["form_token"]

    def upload(seed, **fields):
        r = editor.post("/admin/media", data={"form_token": token("/admin/media"), **fields},
                        files={"file": ('chart "1" <a>.png', _png(700, 400, seed), "image/png")})
        assert r.status_code == 303, f"upload: {r.status_code}"
        return r.headers["location"].split("?")[0]

    seed = int(time.time()) % 200
    used = upload(seed, alt='A chart of <survival> & "response"', credit="Figure: Doe & Roe")
    unused = upload(seed + 1, alt="An image no article shows")
    data = {**dict(form_values(_editor_form(parse_html(editor.get("/admin/articles/new").text)))),
            "title": "Validated featured image", "summary": "A summary.", "body": "Body text.",
            "section": str(section), "audience": "public", "status": "published", "image": used.rsplit("/", 1)[1],
            "action": "save"}
    r = editor.post("/admin/articles", data=data)
    assert r.status_code == 303, f"the article with a featured image: {r.status_code}"
    article_id = int(r.headers["location"].split("?")[0].rsplit("/", 1)[1])
    slug = srv.query("SELECT slug FROM article WHERE id = ?", (article_id,))[0][0]
    return {
        "admin-media": (200, lambda: editor.get("/admin/media?deleted=1")),
        "admin-media-errors": (422, lambda: editor.post("/admin/media", data={
            "form_token": token("/admin/media"), "alt": "", "credit": 'Kept <credit> & "quotes"'},
            files={"file": ("empty.png", b"", "image/png")})),
        "admin-media-image": (200, lambda: editor.get(f"{unused}?uploaded=1")),
        "admin-media-image-errors": (422, lambda: editor.post(unused, data={
            "form_token": token(unused), "action": "save", "alt": "", "credit": "c" * 201})),
        "admin-media-image-used": (200, lambda: editor.get(f"{used}?saved=1")),
        "article-featured-image": (200, lambda: requests.get(srv.url(f"/article/{slug}"), timeout=10)),
    }
