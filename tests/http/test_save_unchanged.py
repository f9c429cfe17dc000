"""Saving a record unchanged changes nothing: every edit form of the back office (articles, congresses,
trials, people, sponsors, media, sections, tags, pages, menu entries, sites, users' roles) is opened and
submitted as a browser submits it untouched (hidden fields, selected options, checked boxes, textareas
with their first newline dropped and newlines sent as CRLF, text inputs without line breaks), and the whole
public site (every page reachable from the home page and the sitemap) and the records themselves are
compared before and after.

A server of its own on a demo database, so that the other tests' pages stay as the demo made them.
"""
import re
import tempfile
from urllib.parse import urljoin, urlsplit

import pytest
import requests

from conftest import make_demo_database, make_staff, parse_html, start_plenary, text_of

# the back office's edit pages: the list that links to them, and the form's path
KINDS = ["articles", "congresses", "trials", "people", "sponsors", "media", "sections", "tags", "pages",
         "menu", "sites"]

# columns a save may rightly touch
VOLATILE = {"updated_at", "revision_no", "search_stamp"}  # search_stamp: the search index's own bookkeeping

# the records the back office edits, as tables
TABLES = ["article", "article_person", "article_sponsor", "article_tag", "reference", "congress", "trial", "person",
          "sponsor", "media", "section", "tag", "page", "menu_item", "site", "user"]


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-unchanged-") as tmp:
        import os
        s = start_plenary(tmp, make_demo_database(tmp), {"media_dir": os.path.join(tmp, "media"),
                                                        "outbox": os.path.join(tmp, "outbox")},
                          name="unchanged-server")
        yield s
        assert s.stop() == 0


@pytest.fixture(scope="module")
def admin(srv):
    return make_staff(srv, "admin", name="Ada Unchanged")


def browser_fields(form):
    """(name, value) pairs a browser submits for an untouched form, with its first submit button (Enter)."""
    out = []
    for n in form.iter():
        name = n.get("name")
        if n.tag not in ("input", "textarea", "select", "button") or "disabled" in n.attrs:
            continue
        if n.tag == "button" or (n.tag == "input" and (n.get("type") or "").lower() in ("submit", "image")):
            continue
        if not name:
            continue
        if n.tag == "input":
            kind = (n.get("type") or "text").lower()
            if kind in ("button", "reset", "file"):
                continue
            if kind in ("checkbox", "radio"):
                if "checked" in n.attrs:
                    out.append((name, n.get("value") if n.get("value") is not None else "on"))
                continue
            value = n.get("value") or ""
            if kind in ("text", "search", "url", "tel", "email", "password", "hidden") and kind != "hidden":
                value = value.replace("\r", "").replace("\n", "")  # the value sanitisation of text inputs
            out.append((name, value))
        elif n.tag == "textarea":
            text = "".join(c for c in n.children if isinstance(c, str))  # its first newline dropped (parse_html)
            text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
            out.append((name, text))
        else:
            options = list(n.find_all("option"))
            chosen = [o for o in options if "selected" in o.attrs and "disabled" not in o.attrs]
            if "multiple" not in n.attrs:
                chosen = chosen[-1:] or [o for o in options if "disabled" not in o.attrs][:1]
            out.extend((name, o.get("value") if o.get("value") is not None else text_of(o).strip())
                       for o in chosen)
    buttons = [b for b in form.iter() if (b.tag == "button" and (b.get("type") or "submit") == "submit")
               or (b.tag == "input" and (b.get("type") or "").lower() == "submit")]
    if buttons and buttons[0].get("name"):
        out.append((buttons[0].get("name"), buttons[0].get("value") or ""))
    return out


def crawl(base, host=None):
    """Every public page of a site reachable from / and its sitemaps: {path: (status, location, body)}, as an
    anonymous reader sees it (host: the site's name in the Host header; None: the default site)."""
    headers = {"Host": host} if host else {}
    seen, todo, pages = set(), ["/", "/sitemap.xml"], {}
    while todo and len(pages) < 3000:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        r = requests.get(base + path, timeout=10, allow_redirects=False, headers=headers)
        body = r.text if "image" not in r.headers.get("content-type", "") else ""
        body = re.sub(r'name="form_token" value="[^"]*"', 'name="form_token"', body)
        pages[path] = (r.status_code, r.headers.get("location", ""), body)
        if r.status_code != 200 or not re.search(r"html|xml", r.headers.get("content-type", "")):
            continue
        for link in re.findall(r'(?:href|src)="([^"#]+)"|<loc>([^<]+)</loc>', body):
            u = urlsplit(urljoin(base + path, (link[0] or link[1]).replace("&amp;", "&")))
            if u.scheme not in ("http", "https") or u.hostname not in (urlsplit(base).hostname, host):
                continue  # another site, or mailto:
            p = u.path + ("?" + u.query if u.query else "")
            if p.startswith(("/admin", "/media/", "/static/", "/signout")) or "?" in p:
                continue
            if p not in seen:
                todo.append(p)
    return pages


def records(srv):
    out = {}
    for table in TABLES:
        try:
            rows = srv.query(f'SELECT * FROM "{table}"')
        except Exception:  # noqa: BLE001 - a table this schema does not have
            continue
        out[table] = sorted(tuple((k, row[k]) for k in row.keys() if k not in VOLATILE) for row in rows)
    return out


def host_headers(staff, host):
    """The headers that make a staff member's request one to the site named host (requests matches cookies
    against a Host header set by hand, so the session goes in by hand too)."""
    return {"Host": host, "Cookie": f"plenary_session={staff.cookie}"} if host else {}


def edit_paths(admin, kind, host=None):
    """The edit pages linked from /admin/KIND and from its further pages (?page=N)."""
    headers = host_headers(admin, host)
    found, lists, todo = set(), set(), [f"/admin/{kind}"]
    while todo:
        path = todo.pop()
        if path in lists:
            continue
        lists.add(path)
        r = admin.get(path, headers=headers)
        assert r.status_code == 200, (path, r.status_code)
        found |= set(re.findall(rf'href="(/admin/{kind}/\d+)"', r.text))
        todo += [p.replace("&amp;", "&") for p in re.findall(rf'href="(/admin/{kind}\?(?:[^"]*&amp;)?page=\d+[^"]*)"', r.text)]
    return sorted(found, key=lambda p: int(p.rsplit("/", 1)[1]))


def save_unchanged(admin, path, host=None):
    headers = host_headers(admin, host)
    page = admin.get(path, headers=headers)
    assert page.status_code == 200, (path, page.status_code)
    forms = [f for f in parse_html(page.text).find_all("form")
             if f.get("method") == "post" and f.get("action") == path]
    assert forms, f"{path} has no form posting to itself"
    r = admin.post(path, data=browser_fields(forms[0]), headers=headers)
    if r.status_code != 303:
        errs = [text_of(p) for p in parse_html(r.text).find_all("p", class_="field-error")]
        return f"saving {path} unchanged was refused ({r.status_code}): {errs or r.text[:300]}"
    return None


def row_changes(before, after):
    """What differs between two lists of rows (tuples of (column, value)), row by row, column by column."""
    gone, came = [r for r in before if r not in after], [r for r in after if r not in before]
    out = []
    for g in gone[:3]:
        match = [c for c in came if c[0] == g[0]]
        if match:
            cols = [(a[0], a[1], b[1]) for a, b in zip(g, match[0]) if a != b]
            out.append(f"{g[0]}: " + ", ".join(f"{k}: {str(x)[:80]!r} -> {str(y)[:80]!r}" for k, x, y in cols))
        else:
            out.append(f"gone {str(g)[:200]}")
    out += [f"new {str(c)[:200]}" for c in came if not any(c[0] == g[0] for g in gone)][:3]
    return f"{len(gone)} rows changed, {len(came) - len(gone)} more; " + "; ".join(out)


def diff(before, after):
    out = []
    for k in sorted(set(before) | set(after)):
        if before.get(k) != after.get(k):
            out.append(k)
    return out


def upload_image(admin):
    """An image in the library with alt text and a credit (the demo has none), so its form is saved too."""
    import io
    from PIL import Image
    b = io.BytesIO()
    Image.new("RGB", (500, 300), (20, 120, 200)).save(b, "PNG")
    token = admin.token("/admin/media", "/admin/media")
    r = admin.post("/admin/media", data={"form_token": token, "alt": "A plenary hall, seen from the stage",
                                         "credit": "Photo: Plenary"},
                   files={"file": ("hall.png", b.getvalue(), "image/png")})
    assert r.status_code == 303, r.status_code


def role_forms(admin):
    """Each account's role form on /admin/users, as the admin would submit it untouched (with the password
    it asks for)."""
    doc = parse_html(admin.get("/admin/users").text)
    out = []
    for form in doc.find_all("form"):
        if form.get("action") == "/admin/users" and form.find("input", name="user_id") is not None:
            fields = [(k, admin.password if k == "password" else v) for k, v in browser_fields(form)]
            out.append(fields)
    return out


def test_every_record_saved_unchanged_leaves_the_site_and_records_as_they_were(srv, admin):
    upload_image(admin)
    make_staff(srv, "editor", name="Ed Unchanged")  # a second account on /admin/users
    hosts = [None] + [row["host"] for row in srv.query("SELECT host FROM site WHERE is_default = 0 ORDER BY id")]
    assert len(hosts) == 3, "the demo's three sites"
    paths = {(host, kind): edit_paths(admin, kind, host) for host in hosts for kind in KINDS}
    assert sum(len(paths[h, "articles"]) for h in hosts) == srv.query("SELECT count(*) FROM article")[0][0], \
        "not every article of the demo is listed"
    for kind in KINDS:
        assert paths[None, kind], f"no {kind} to edit on /admin/{kind}"
    sites_before, rows_before = {h: crawl(srv.base, h) for h in hosts}, records(srv)
    assert all(len(pages) > 30 for pages in sites_before.values())
    revisions = srv.query("SELECT count(*) FROM revision")[0][0]
    problems = []
    for host in hosts:
        for kind in KINDS:
            for path in paths[host, kind]:
                refused = save_unchanged(admin, path, host)
                if refused:
                    problems.append(f"{host or 'default'}: {refused}")
            rows_now = records(srv)
            for t in diff(rows_before, rows_now):
                problems.append(f"{host or 'default'} /admin/{kind}: table {t}: "
                                + row_changes(rows_before[t], rows_now[t]))
            rows_before = rows_now
    forms = role_forms(admin)
    assert len(forms) >= 2
    for fields in forms:
        r = admin.post("/admin/users", data=fields)
        if r.status_code != 303:
            problems.append(f"an unchanged role form was refused ({r.status_code}): {fields}")
    rows_now = records(srv)
    for t in diff(rows_before, rows_now):
        problems.append(f"/admin/users: table {t}: " + row_changes(rows_before[t], rows_now[t]))
    changed_pages = []
    for host in hosts:
        after = crawl(srv.base, host)
        changed = [(host, p) for p in diff(sites_before[host], after)]
        changed_pages += changed
        for _, p in changed[:5]:
            a, b = sites_before[host].get(p), after.get(p)
            if a and b:
                import difflib
                d = list(difflib.unified_diff(a[2].splitlines(), b[2].splitlines(), lineterm="", n=0))[2:8]
                problems.append(f"{host or 'default'} page {p} changed: {a[:2]} -> {b[:2]}: {d}")
            else:
                problems.append(f"{host or 'default'} page {p}: {'gone' if a else 'new'}")
    assert not problems, f"{len(changed_pages)} public pages changed;\n" + "\n".join(problems)
    assert srv.query("SELECT count(*) FROM revision")[0][0] == revisions, \
        "saving unchanged articles added revisions"


def test_a_field_the_form_does_not_send_keeps_its_stored_value(srv, admin):
    """A form from before a field existed (an open tab, a cached page) leaves that field as it is: a report
    posted without kind and byline stays a report by its author."""
    article = srv.query("SELECT a.id FROM article a JOIN article_person p ON p.article_id = a.id "
                        "WHERE a.kind = 'report' AND p.role = 'author' ORDER BY a.id LIMIT 1")
    assert article, "the demo has a report with an author"
    path = f"/admin/articles/{article[0]['id']}"
    page = admin.get(path)
    form = [f for f in parse_html(page.text).find_all("form") if f.get("action") == path][0]
    fields = [(k, v) for k, v in browser_fields(form) if k not in ("kind", "byline")]
    fields = [(k, v + " (revised)" if k == "title" else v) for k, v in fields]  # a real change beside
    r = admin.post(path, data=fields)
    assert r.status_code == 303, r.status_code
    row = srv.query("SELECT title, kind FROM article WHERE id = ?", (article[0]["id"],))[0]
    assert row["title"].endswith(" (revised)") and row["kind"] == "report"
    roles = [x["role"] for x in srv.query("SELECT role FROM article_person WHERE article_id = ? ORDER BY position",
                                          (article[0]["id"],))]
    assert roles[0] == "author" and set(roles[1:]) <= {"speaker"}


def test_a_tag_name_with_a_comma_is_refused(srv, admin):
    """The article editor lists tags separated by commas: a tag "A, B" would come back from a save as two."""
    r = admin.post("/admin/tags", data={"form_token": admin.token("/admin/tags/new", "/admin/tags"),
                                        "name": "HER2-low, HR-positive", "slug": ""})
    assert r.status_code == 422
    errors = [text_of(p) for p in parse_html(r.text).find_all("p", class_="field-error")]
    assert any("comma" in e for e in errors), errors
    assert srv.query("SELECT count(*) FROM tag WHERE name LIKE '%,%'")[0][0] == 0


def test_a_reader_saving_their_profile_unchanged_changes_nothing(srv):
    reader = make_staff(srv, "reader", name="Rita Unchanged")
    before = records(srv)["user"]
    page = reader.get("/account")
    assert page.status_code == 200
    form = [f for f in parse_html(page.text).find_all("form") if f.get("action") == "/account/profile"][0]
    r = reader.post("/account/profile", data=browser_fields(form))
    assert r.status_code == 303, r.status_code
    after = records(srv)["user"]
    assert after == before, row_changes(before, after)


def test_people_in_roles_the_form_does_not_edit_are_kept(srv, admin):
    """An article with a second byline (two authors, say, as an import may bring) keeps it through saves:
    the editor names it beside the byline and writes it back as it was."""
    a = srv.query("SELECT a.id FROM article a JOIN article_person p ON p.article_id = a.id "
                  "WHERE p.role = 'interviewer' AND a.site_id = (SELECT id FROM site WHERE is_default = 1) "
                  "ORDER BY a.id DESC LIMIT 1")[0]["id"]
    other = srv.query("SELECT id, name FROM person WHERE id NOT IN (SELECT person_id FROM article_person "
                      "WHERE article_id = ?) ORDER BY id LIMIT 1", (a,))[0]
    srv.execute("INSERT INTO article_person (article_id, person_id, role, position) VALUES (?, ?, 'author', 9)",
                (a, other["id"]))
    people = srv.query("SELECT person_id, role FROM article_person WHERE article_id = ? ORDER BY position", (a,))
    path = f"/admin/articles/{a}"
    page = admin.get(path)
    assert f"{other['name']} (author)" in page.text, "the editor does not say who else is on the article"
    form = [f for f in parse_html(page.text).find_all("form") if f.get("action") == path][0]
    fields = [(k, v + " (revised)" if k == "title" else v) for k, v in browser_fields(form)]
    assert admin.post(path, data=fields).status_code == 303
    after = srv.query("SELECT person_id, role FROM article_person WHERE article_id = ? ORDER BY position", (a,))
    assert [tuple(r) for r in after] == [tuple(r) for r in people]
