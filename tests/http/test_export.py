"""`plenary export --static DIR`: the public pages, feeds, sitemaps, assets and images of every site as files under
DIR/<host>/ (or DIR itself with --site HOST), at the same URLs, as a CDN or nginx would serve them.

Each test runs the real command line (run_plenary) on a demo database of its own in a temporary folder. The bytes
of the files are compared with what a server of the same database (start_plenary) sends an anonymous reader who
refused embedded videos (the consent cookie "rejected": no consent banner, whose form needs a server). The
incremental tests edit the database directly (conftest.connect), as the back office would, and export again into the same
folder. One test serves the export with Debian's nginx and the configuration the README gives.
"""
import os
import re
import shutil
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlsplit

import feedparser
import pytest
import requests

from conftest import _free_port, connect, make_demo_database, missing_database, parse_html, run_plenary, \
    start_plenary

HOST = "oncology.localhost"
SITES = ["oncology.localhost", "dermatology.localhost", "hematology.localhost"]
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
CONSENT = {"Cookie": "plenary_consent=rejected"}
# what needs a server: never written, and the only links of the copy allowed to lead nowhere
SERVER_ONLY = ("/admin", "/account", "/signin", "/signup", "/signout", "/reset", "/verify", "/search", "/consent",
               "/cookies", "/contact", "/healthz")
VISIBLE = "status IN ('published', 'scheduled') AND published_at <= strftime('%s', 'now')"
SUMMARY = re.compile(r"(\d+) files \((\d+) pages\) from (\d+) sites?: (\d+) written, (\d+) unchanged, (\d+) removed; "
                     r"(\d+) bytes written, (\d+) in all; ([\d.]+) s")


# ---- helpers ---------------------------------------------------------------------------------------------

def export(db, out, *more):
    """Runs the export; returns (summary numbers as a dict, completed process)."""
    p = run_plenary(["export", "--static", out, "--db", db, *more], timeout=120)
    assert p.returncode == 0, f"export failed ({p.returncode}):\n{p.stdout}\n{p.stderr}"
    m = SUMMARY.search(p.stdout)
    assert m, f"no summary line in: {p.stdout!r}"
    keys = ["files", "pages", "sites", "written", "unchanged", "removed", "bytes_written", "bytes", "seconds"]
    return dict(zip(keys, [float(x) if "." in x else int(x) for x in m.groups()])), p


def file_for(site_dir, url):
    """The file an export keeps a root-relative URL in: HTML at <path>/index.html (page N: index-N.html), anything
    else at its path (an asset's ?v= is a cache buster). None for a URL of another kind."""
    u = urlsplit(url)
    path = unquote(u.path)
    if path.startswith(("/static/", "/media/")) or "." in path.rsplit("/", 1)[-1]:
        return os.path.join(site_dir, path.lstrip("/"))
    m = re.fullmatch(r"page=(\d+)", u.query)
    if u.query and not m:
        return None
    name = f"index-{m.group(1)}.html" if m else "index.html"
    return os.path.join(site_dir, path.lstrip("/"), name)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def html_files(site_dir):
    for root, _dirs, files in os.walk(site_dir):
        for name in files:
            if name.endswith(".html"):
                yield os.path.join(root, name)


def links_of(html):
    """Root-relative href, src and srcset URLs of a page, unescaped, without #fragments."""
    out = []
    for attr, value in re.findall(r'\s(href|src|srcset)="([^"]*)"', html):
        value = value.replace("&amp;", "&")
        urls = [part.strip().split(" ")[0] for part in value.split(",")] if attr == "srcset" else [value]
        for u in urls:
            u = u.split("#", 1)[0]
            if u.startswith("/") and not u.startswith("//"):
                out.append(u)
    return out


def db_rows(path, sql, params=()):
    c = connect(path)
    try:
        return c.execute(sql, params).fetchall()
    finally:
        c.close()


def db_write(path, sql, params=()):
    c = connect(path)
    try:
        with c:
            return c.execute(sql, params).rowcount
    finally:
        c.close()


def public_article(path, site_id=1):
    return db_rows(path, f"SELECT * FROM article WHERE site_id = ? AND audience = 'public' AND {VISIBLE} "
                         "ORDER BY published_at DESC LIMIT 1", (site_id,))[0]


@pytest.fixture(scope="module")
def site():
    """One export of a demo database, and a server of the same database to compare with."""
    with tempfile.TemporaryDirectory(prefix="plenary-export-") as tmp:
        os.chmod(tmp, 0o755)  # nginx's workers read the export below it
        db = make_demo_database(tmp)
        out = os.path.join(tmp, "out")
        summary, _ = export(db, out)
        # links as the export's own server makes them: the site's host, no port (public_url empty)
        srv = start_plenary(tmp, db, {"public_url": ""}, name="export-server")
        try:
            yield {"tmp": tmp, "db": db, "out": out, "dir": os.path.join(out, HOST), "summary": summary, "srv": srv}
        finally:
            srv.stop()


def served(site, path, host=HOST):
    """What the server sends an anonymous reader who refused embedded videos, with the export's Host header."""
    r = requests.get(site["srv"].url(path), headers={"Host": host, **CONSENT}, timeout=10, allow_redirects=False)
    return r


# ---- what the export holds ---------------------------------------------------------------------------------

def test_summary_counts_every_file_and_every_site(site):
    s = site["summary"]
    assert s["sites"] == 3
    assert s["written"] == s["files"] and s["unchanged"] == 0 and s["removed"] == 0
    on_disk = sum(len(files) for _r, _d, files in os.walk(site["out"])) - 1  # the manifest
    assert on_disk == s["files"]
    assert sorted(os.listdir(site["out"])) == sorted(SITES + [".plenary-export"])


def test_article_file_is_what_the_server_sends(site):
    a = public_article(site["db"])
    path = f"/article/{a['slug']}"
    r = served(site, path)
    assert r.status_code == 200
    assert read(file_for(site["dir"], path)) == r.content
    assert a["title"].encode() in r.content


def test_lists_feeds_and_sitemaps_are_what_the_server_sends(site):
    for path in ["/", "/?page=2", "/section/breast-cancer", "/congresses", "/congresses/2024", "/tags", "/trials",
                 "/feed.rss", "/feed.atom", "/section/gu-cancer/feed.rss", "/sitemap.xml", "/sitemaps/pages.xml",
                 "/sitemaps/articles-1.xml", "/robots.txt", "/about", "/privacy"]:
        r = served(site, path)
        assert r.status_code == 200, path
        assert read(file_for(site["dir"], path)) == r.content, path


def test_not_found_page_is_the_themed_404(site):
    body = read(os.path.join(site["dir"], "404.html")).decode()
    assert "Page not found" in body and "<main" in body
    assert served(site, "/404.html").content == body.encode()


def test_without_the_consent_choice_the_only_difference_is_the_banner(site):
    """Why the export asks as a reader who refused embedded videos: without a choice, every page carries the
    consent form, whose token is per hour and whose POST needs a server."""
    a = public_article(site["db"])
    r = requests.get(site["srv"].url(f"/article/{a['slug']}"), headers={"Host": HOST}, timeout=10)
    assert 'name="form_token"' in r.text and 'action="/consent"' in r.text
    exported = read(file_for(site["dir"], f"/article/{a['slug']}")).decode()
    without_banner = re.sub(r'<section class="consent".*?</section>\n', "", r.text, flags=re.S)
    assert without_banner == exported


def test_gated_article_is_only_its_public_teaser(site):
    a = db_rows(site["db"], f"SELECT * FROM article WHERE site_id = 1 AND audience <> 'public' AND {VISIBLE} "
                            "AND length(body) > 200 LIMIT 1")[0]
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", re.sub(r"[#*_>`\[\]]", " ", a["body"]))
                 if len(s.strip()) > 40 and s.strip() not in a["summary"]]
    assert sentences, "the gated article's body has no long sentence to look for"
    html = read(file_for(site["dir"], f"/article/{a['slug']}")).decode()
    doc = parse_html(html)
    assert doc.find("section", class_="gate") is not None, "no gate on the gated article's page"
    assert a["title"].split(":")[0] in html
    for s in sentences[:5]:
        assert " ".join(s.split()[:8]) not in html, f"the body of a gated article leaked: {s!r}"
    # and it is what an anonymous reader gets from the server
    assert served(site, f"/article/{a['slug']}").content == html.encode()


def test_feeds_parse_and_link_to_files_of_the_export(site):
    for name in ["feed.rss", "feed.atom", "section/breast-cancer/feed.rss", "tag/adc/feed.atom"]:
        d = feedparser.parse(read(os.path.join(site["dir"], name)))
        assert not d.bozo, f"{name}: {d.bozo_exception}"
        assert d.entries, f"{name} has no entries"
        for e in d.entries:
            u = urlsplit(e.link)
            assert u.netloc == HOST and u.scheme == "http", e.link
            assert os.path.isfile(file_for(site["dir"], u.path)), f"{name}: {e.link} has no file"


def test_sitemaps_list_only_files_of_the_export(site):
    index = ET.fromstring(read(os.path.join(site["dir"], "sitemap.xml")))
    maps = [urlsplit(loc.text) for loc in index.iter(SM + "loc")]
    assert len(maps) >= 2
    urls = 0
    for m in maps:
        assert m.netloc == HOST
        sub = ET.fromstring(read(file_for(site["dir"], m.path)))
        for loc in sub.iter(SM + "loc"):
            u = urlsplit(loc.text)
            if unprefixed(u.path) in SERVER_ONLY:
                continue  # /contact (and /fr/contact) is listed for search engines: it needs a server
            assert os.path.isfile(file_for(site["dir"], u.path)), f"{loc.text} is in a sitemap but has no file"
            urls += 1
    articles = db_rows(site["db"], f"SELECT count(*) FROM article WHERE site_id = 1 AND {VISIBLE}")[0][0]
    assert urls > articles


LANGUAGES = ("fr", "nl")  # the demo's oncology site offers them besides English (issue 20)


def unprefixed(path):
    """A path of a page in another language without its /fr or /nl."""
    for lang in LANGUAGES:
        if path == f"/{lang}" or path.startswith(f"/{lang}/"):
            return path[len(lang) + 1:] or "/"
    return path


def test_every_link_of_every_page_has_its_file(site):
    """Links are root-relative, so the copy works under any host name; only server-only pages are missing."""
    for out_site in SITES:
        d = os.path.join(site["out"], out_site)
        checked, css = 0, 0
        for f in html_files(d):
            for url in links_of(read(f).decode()):
                if unprefixed(url.split("?")[0]).startswith(SERVER_ONLY):
                    continue
                target = file_for(d, url)
                assert target and os.path.isfile(target), f"{f}: link {url} has no file ({target})"
                checked += 1
                css += url.startswith("/static/site.css")
        assert checked > 100 and css > 0, out_site


def test_nothing_only_a_server_or_a_signed_in_reader_has(site):
    for root, dirs, files in os.walk(site["out"]):
        rel = os.path.relpath(root, site["out"])
        parts = rel.split(os.sep)[1:]
        if parts and parts[0] in LANGUAGES:  # a page in French or Dutch: what follows /fr/
            parts = parts[1:]
        for part in SERVER_ONLY:
            assert part.strip("/") not in parts[:1], f"{rel} was exported"
        for name in files:
            body = read(os.path.join(root, name))
            for needle in (b"form_token", b"csrf", b"Set-Cookie", b'href="/admin', b'action="/signout"',
                           b"Signed in as", b'href="/account"'):
                assert needle not in body, f"{root}/{name} holds {needle!r}"


def test_sister_sites_each_in_their_folder(site):
    for host in SITES:
        name = db_rows(site["db"], "SELECT name FROM site WHERE host = ?", (host,))[0][0]
        home = read(os.path.join(site["out"], host, "index.html")).decode()
        assert f"<title>{name}</title>" in home
        assert read(os.path.join(site["out"], host, "index.html")) == served(site, "/", host).content


def test_one_site_straight_into_the_folder(site):
    out = os.path.join(site["tmp"], "one")
    summary, _ = export(site["db"], out, "--site", "dermatology.localhost")
    assert summary["sites"] == 1
    assert os.path.isfile(os.path.join(out, "index.html")) and os.path.isfile(os.path.join(out, "feed.rss"))
    assert not os.path.exists(os.path.join(out, "dermatology.localhost"))
    assert read(os.path.join(out, "index.html")) == read(os.path.join(site["out"], "dermatology.localhost",
                                                                       "index.html"))
    p = run_plenary(["export", "--static", os.path.join(site["tmp"], "none"), "--db", site["db"], "--site",
                     "nowhere.example"])
    assert p.returncode == 1 and "oncology.localhost" in p.stderr


def test_https_site_exports_https_urls(site):
    """With tls_cert and tls_key in the config file, the export's own server speaks HTTPS, so feeds, sitemaps and
    canonical links say https://, as the site's readers get them."""
    key, cert = os.path.join(site["tmp"], "key.pem"), os.path.join(site["tmp"], "cert.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost"], check=True,
                   capture_output=True)
    conf = os.path.join(site["tmp"], "tls.ini")
    with open(conf, "w") as f:
        f.write(f"[plenary]\ntls_cert = {cert}\ntls_key = {key}\n")
    out = os.path.join(site["tmp"], "tls")
    summary, _ = export(site["db"], out, "--config", conf, "--site", HOST)
    assert summary["sites"] == 1 and summary["pages"] > 100
    d = feedparser.parse(read(os.path.join(out, "feed.rss")))
    assert d.entries and all(e.link.startswith(f"https://{HOST}/article/") for e in d.entries)
    assert f'<link rel="canonical" href="https://{HOST}/">' in read(os.path.join(out, "index.html")).decode()


# ---- incremental exports ---------------------------------------------------------------------------------

@pytest.fixture()
def fresh():
    with tempfile.TemporaryDirectory(prefix="plenary-export-inc-") as tmp:
        db = make_demo_database(tmp)
        out = os.path.join(tmp, "out")
        first, _ = export(db, out)
        yield {"tmp": tmp, "db": db, "out": out, "dir": os.path.join(out, HOST), "first": first}


def stamps(root):
    """(inode, mtime_ns) of every file: a rewritten file is a new file renamed over the old one."""
    out = {}
    for r, _d, files in os.walk(root):
        for name in files:
            st = os.stat(os.path.join(r, name))
            out[os.path.relpath(os.path.join(r, name), root)] = (st.st_ino, st.st_mtime_ns)
    return out


def test_second_export_rewrites_nothing(fresh):
    before = stamps(fresh["out"])
    second, _ = export(fresh["db"], fresh["out"])
    assert second["written"] == 0 and second["removed"] == 0
    assert second["unchanged"] == fresh["first"]["files"]
    after = stamps(fresh["out"])
    before.pop(".plenary-export"), after.pop(".plenary-export")
    assert after == before


def test_a_new_title_rewrites_its_pages_and_lists_only(fresh):
    d = fresh["dir"]
    a = public_article(fresh["db"])
    mine = file_for(d, f"/article/{a['slug']}")
    # an article whose page shows nothing of a (not in its related cards, not linked): must stay as it is
    others = db_rows(fresh["db"], f"SELECT slug FROM article WHERE site_id = 1 AND {VISIBLE} AND id <> ? "
                     "AND lang = ''", (a["id"],))
    unrelated = [file_for(d, f"/article/{o['slug']}") for o in others]
    unrelated = [f for f in unrelated if a["slug"].encode() not in read(f)]
    assert unrelated
    before = stamps(fresh["out"])
    new_title = "A renamed interview about something else entirely"
    assert db_write(fresh["db"], "UPDATE article SET title = ? WHERE id = ?", (new_title, a["id"])) == 1
    again, _ = export(fresh["db"], fresh["out"])
    after = stamps(fresh["out"])
    changed = {f for f in after if f in before and after[f] != before[f]} - {".plenary-export"}
    assert new_title in read(mine).decode()
    assert os.path.relpath(mine, fresh["out"]) in changed
    assert os.path.join(HOST, "index.html") in changed, "the home page lists it"
    assert os.path.join(HOST, "feed.rss") in changed
    for f in unrelated:
        assert os.path.relpath(f, fresh["out"]) not in changed, f"{f} was rewritten"
    assert again["written"] == len(changed) and again["removed"] == 0
    assert 0 < again["written"] < again["files"] // 4
    # every rewritten file really has the new title (or is a list the article is in)
    for f in changed:
        assert new_title.encode() in read(os.path.join(fresh["out"], f)), f


def test_an_unpublished_article_loses_its_file(fresh):
    a = public_article(fresh["db"])
    mine = file_for(fresh["dir"], f"/article/{a['slug']}")
    assert os.path.isfile(mine)
    assert db_write(fresh["db"], "UPDATE article SET status = 'draft' WHERE id = ?", (a["id"],)) == 1
    again, _ = export(fresh["db"], fresh["out"])
    assert not os.path.exists(mine) and not os.path.exists(os.path.dirname(mine)), "the page or its folder was kept"
    assert again["removed"] >= 1
    manifest = read(os.path.join(fresh["out"], ".plenary-export")).decode().splitlines()
    assert f"{HOST}/article/{a['slug']}/index.html" not in manifest
    assert f"{HOST}/index.html" in manifest
    # and no page of the export links to it any more
    for f in html_files(fresh["out"]):
        assert f'href="/article/{a["slug"]}"' not in read(f).decode(), f


def test_only_its_own_files_are_ever_deleted(fresh):
    mine = os.path.join(fresh["out"], HOST, "article", "notes-of-the-operator.txt")
    with open(mine, "w") as f:
        f.write("kept")
    a = public_article(fresh["db"])
    db_write(fresh["db"], "DELETE FROM article WHERE id = ?", (a["id"],))
    export(fresh["db"], fresh["out"])
    assert read(mine) == b"kept"
    assert not os.path.exists(file_for(fresh["dir"], f"/article/{a['slug']}"))


def test_a_folder_it_did_not_make_is_refused_without_force(fresh):
    other = os.path.join(fresh["tmp"], "theirs")
    os.makedirs(other)
    with open(os.path.join(other, "robots.txt"), "w") as f:
        f.write("theirs")
    p = run_plenary(["export", "--static", other, "--db", fresh["db"]])
    assert p.returncode == 1 and "--force" in p.stderr
    assert read(os.path.join(other, "robots.txt")) == b"theirs" and os.listdir(other) == ["robots.txt"]
    summary, _ = export(fresh["db"], other, "--force")
    assert summary["written"] > 0 and os.path.isfile(os.path.join(other, HOST, "index.html"))
    assert read(os.path.join(other, "robots.txt")) == b"theirs"


def snapshot(root):
    """Every path under root with its bytes (None for a folder): what a victim folder must keep."""
    out = {}
    for r, dirs, files in os.walk(root):
        for d in dirs:
            out[os.path.relpath(os.path.join(r, d), root)] = None
        for name in files:
            out[os.path.relpath(os.path.join(r, name), root)] = read(os.path.join(r, name))
    return out


def test_a_symlinked_output_folder_is_refused_even_with_force(fresh):
    victim = os.path.join(fresh["tmp"], "victim")
    shutil.copytree(fresh["out"], victim)  # a folder an export made, manifest and all
    with open(os.path.join(victim, HOST, "index.html"), "w") as f:
        f.write("someone else's")
    before = snapshot(victim)
    link = os.path.join(fresh["tmp"], "link")
    os.symlink(victim, link)
    for more in ([], ["--force"]):
        p = run_plenary(["export", "--static", link, "--db", fresh["db"], *more])
        assert p.returncode == 1 and "symbolic link" in p.stderr, p.stderr
    assert snapshot(victim) == before


def test_no_file_is_written_or_deleted_through_a_symlinked_subfolder(fresh):
    victim = os.path.join(fresh["tmp"], "victim")
    article_dir = os.path.join(fresh["dir"], "article")
    shutil.copytree(article_dir, victim)
    for name in os.listdir(victim):  # other bytes than the export's, so a rewrite shows
        page = os.path.join(victim, name, "index.html")
        if os.path.isfile(page):
            with open(page, "w") as f:
                f.write("someone else's")
    before = snapshot(victim)
    shutil.rmtree(article_dir)
    os.symlink(victim, article_dir)
    a = public_article(fresh["db"])  # its page is now to be deleted, through the link if followed
    db_write(fresh["db"], "DELETE FROM article WHERE id = ?", (a["id"],))
    p = run_plenary(["export", "--static", fresh["out"], "--db", fresh["db"], "--force"], timeout=120)
    assert snapshot(victim) == before
    assert p.returncode != 0 and "article" in p.stderr + p.stdout
    assert os.path.islink(article_dir)


def test_usage_errors(fresh):
    p = run_plenary(["export", "--db", fresh["db"]])
    assert p.returncode == 2 and "--static DIR" in p.stderr
    p = run_plenary(["export", "--static", fresh["out"], "--db", fresh["db"], "--bogus"])
    assert p.returncode == 2 and "--bogus" in p.stderr
    p = run_plenary(["export", "--static", fresh["out"], "--db", missing_database(fresh["tmp"])])
    assert p.returncode == 1 and "does not exist" in p.stderr


# ---- served by nginx as the README says ---------------------------------------------------------------------

NGINX_CONF = """
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log;
{user}
events {{}}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {tmp}/nginx-body;
    proxy_temp_path {tmp}/nginx-proxy;
    fastcgi_temp_path {tmp}/nginx-fastcgi;
    uwsgi_temp_path {tmp}/nginx-uwsgi;
    scgi_temp_path {tmp}/nginx-scgi;
{readme}
}}
"""


def readme_nginx_config():
    """The nginx block of the README's "Static export" section."""
    with open(os.path.join(os.path.dirname(__file__), "..", "..", "README.md"), encoding="utf-8") as f:
        text = f.read()
    section = text[text.index("## Static export"):]
    m = re.search(r"```nginx\n(.*?)```", section, re.S)
    assert m, "no nginx block in the README's Static export section"
    return m.group(1)


@pytest.mark.skipif(not os.path.exists("/usr/sbin/nginx"), reason="nginx is not installed")
def test_nginx_serves_the_copy_with_the_readme_configuration(site):
    port = _free_port()
    conf = readme_nginx_config().replace("listen 80;", f"listen 127.0.0.1:{port};")
    conf = conf.replace("/srv/plenary-export", site["out"])
    path = os.path.join(site["tmp"], "nginx.conf")
    with open(path, "w") as f:
        f.write(NGINX_CONF.format(tmp=site["tmp"], readme=conf, user="user root;" if os.getuid() == 0 else ""))
    proc = subprocess.Popen(["/usr/sbin/nginx", "-c", path, "-p", site["tmp"]], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 10
        while True:
            try:
                requests.get(base + "/", timeout=1)
                break
            except requests.RequestException:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read().decode()
                time.sleep(0.05)
        a = public_article(site["db"])
        for url in ["/", "/?page=2", f"/article/{a['slug']}", "/section/gi-cancer?page=2", "/feed.rss",
                    "/sitemap.xml", "/robots.txt", "/congresses/2024"]:
            r = requests.get(base + url, headers={"Host": HOST}, timeout=5, allow_redirects=False)
            assert r.status_code == 200, url
            assert r.content == served(site, url).content, url
            assert r.headers.get("content-security-policy", "").startswith("default-src 'self'"), url
        css = re.search(r'href="(/static/site\.css\?v=[^"]+)"', requests.get(base + "/", headers={"Host": HOST}).text)
        r = requests.get(base + css.group(1), headers={"Host": HOST}, timeout=5)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/css")
        r = requests.get(base + "/no/such/page", headers={"Host": HOST}, timeout=5)
        assert r.status_code == 404 and "Page not found" in r.text
        r = requests.get(base + "/", headers={"Host": "dermatology.localhost"}, timeout=5)
        assert r.status_code == 200 and "Plenary Dermatology" in r.text
    finally:
        proc.terminate()
        proc.wait(timeout=10)
