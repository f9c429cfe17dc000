"""Search (/search): results and their order, highlighted and escaped snippets, facets whose counts are the
totals they lead to, filters, pages, "did you mean", the query language (phrases, prefixes, OR, -word),
hostile queries, the help page of the empty query; and what readers below an article's audience may find:
never by its body, never with a snippet of it. Scheduled articles are found from their second, drafts never,
and an edit is in the results at once.

The read-only tests run on the session's demo server. The tests that write articles run on admin_server (its
own demo database, see conftest.py) and make them through the back office as an editor does; readers of
each audience level there are accounts made with `plenary user add` whose profile the test writes to the
database (test_gating.py covers how readers reach those levels through sign-up and verification).
"""
import re
import tempfile
import time
import uuid
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests

from conftest import (SERVER, db, default_site, form_values, get, host_header, make_demo_database, make_staff,
                      new_database, parse_html,
                      run_plenary, start_plenary, text_of, visible_articles)

PER_PAGE = 10


# ---- reading a results page ------------------------------------------------------------------------------

class Results:
    """What one /search page shows."""

    def __init__(self, resp):
        self.status = resp.status_code
        self.html = resp.text
        self.doc = parse_html(resp.text)
        count = self.doc.find("p", class_="search-count")
        self.searched = count is not None
        self.total = None
        if count is not None:
            m = re.match(r"(\d+) results? for “", text_of(count))
            assert m, f"unreadable result count: {text_of(count)!r}"
            self.total = int(m.group(1))
        self.items = []  # dicts: slug, title, snippet (its HTML as sent), snippet_text, html (the whole <li>)
        for raw in re.findall(r'<li class="result">(.*?)</li>', resp.text, re.S):
            node = parse_html(raw)
            link = node.find("h2", class_="card-title").find("a")
            snip = re.search(r'<p class="snippet">(.*?)</p>', raw, re.S)
            assert snip, f"a result without a snippet: {raw[:300]}"
            self.items.append({"slug": link.get("href")[len("/article/"):], "title": text_of(link),
                               "snippet": snip.group(1), "snippet_text": text_of(node.find("p", class_="snippet")),
                               "html": raw})
        self.slugs = [x["slug"] for x in self.items]
        sug = self.doc.find("p", class_="suggestion")
        self.suggestion = (text_of(sug.find("a")), sug.find("a").get("href")) if sug is not None else None
        nxt = self.doc.find("a", rel="next")
        self.next_url = nxt.get("href") if nxt is not None else None

    def facets(self):
        """{title: [(name, count, url or None when selected)]} and {title: url of its 'Any …' link}."""
        out, clear = {}, {}
        aside = self.doc.find("aside", class_="facets")
        if aside is None:
            return out, clear
        for sec in aside.find_all("section", class_="facet"):
            title = text_of(sec.find("h2"))
            items = []
            for li in sec.find("ul").find_all("li"):
                m = re.fullmatch(r"(.*) \((\d+)\)", text_of(li))
                assert m, f"unreadable facet item {text_of(li)!r}"
                a = li.find("a")
                items.append((m.group(1), int(m.group(2)), a.get("href") if a is not None else None))
            out[title] = items
            for a in sec.find_all("a"):
                if text_of(a).startswith("Any "):
                    clear[title] = a.get("href")
        return out, clear


def search_path(q=None, **params):
    p = {} if q is None else {"q": q}
    p.update({k: v for k, v in params.items() if v is not None})
    return "/search?" + urlencode(p) if p else "/search"


def search(q=None, fetch=None, status=200, **params):
    """GETs a search (fetch: a function of the path, default the session server anonymously)."""
    path = search_path(q, **params)
    r = (fetch or get)(path)
    assert r.status_code == status, f"GET {path[:200]}: {r.status_code}, expected {status}"
    if status == 200:
        assert r.headers.get("content-type") == "text/html; charset=utf-8"
    return Results(r)


def every_page(q, fetch=None, **params):
    """Slugs of every result of a search, following the rel=next links."""
    res = search(q, fetch, **params)
    total, slugs, pages = res.total, list(res.slugs), 1
    while res.next_url:
        res = Results((fetch or get)(res.next_url))
        assert res.status == 200 and res.total == total
        slugs += res.slugs
        pages += 1
        assert pages < 100
    return total, slugs


def marks(snippet_html):
    return re.findall(r"<mark>(.*?)</mark>", snippet_html)


def facet_items(res, title):
    f, _ = res.facets()
    assert title in f, f"no {title} facet: {list(f)}"
    return f[title]


# ---- results and snippets (demo) ---------------------------------------------------------------------------

def families_of(slugs):
    """The family (its original's id) of each slug's article, in order."""
    with db() as c:
        fam = {r["slug"]: r["family"] for r in c.execute("SELECT slug, COALESCE(family_id, id) AS family FROM article")}
    return [fam[s] for s in slugs]


def test_results_are_visible_articles_with_the_word():
    total, slugs = every_page("pembrolizumab")
    assert total == len(slugs) == len(set(slugs)) and total > PER_PAGE
    assert len(set(families_of(slugs))) == total, "one member per family of translations"
    visible = {a["slug"]: a for a in visible_articles(every_language=True)}  # search finds every language
    with db() as c:
        fields = {r["slug"]: " ".join(str(r[k]) for k in ("title", "summary", "body", "people", "trial", "refs",
                                                           "topics"))
                  # the indexed documents (the view: SQLite's index needs Plenary's tokenizer, 031)
                  for r in c.execute("SELECT a.slug, f.* FROM article_search_doc f JOIN article a ON a.id = f.id")}
    for s in slugs:
        assert s in visible, f"{s} is not a visible article"
        assert "pembrolizumab" in fields[s].lower(), f"{s} does not hold the word"
    # every visible public article holding the word in its title, summary or body is found
    public = [a["slug"] for a in visible_articles("a.audience = 'public' AND (a.title LIKE '%pembrolizumab%' OR "
                                                  "a.summary LIKE '%pembrolizumab%' OR a.body LIKE '%pembrolizumab%')",
                                              every_language=True)]
    assert public and set(families_of(public)) <= set(families_of(slugs))


def test_the_word_is_marked_in_snippets():
    res = search("pembrolizumab")
    marked = [m for x in res.items for m in marks(x["snippet"])]
    assert marked, "no snippet marks the word"
    for m in marked:
        assert m.lower().startswith("pembrolizumab"), f"<mark> around {m!r}"
    for x in res.items:
        assert "\x02" not in x["snippet"] and "\x03" not in x["snippet"]
        assert x["snippet"].count("<mark>") == x["snippet"].count("</mark>")


def test_the_query_is_echoed_escaped():
    q = '<script>alert("x")</script> & pembrolizumab'
    res = search(q)
    assert "<script>alert" not in res.html
    assert res.doc.find("input", id="search-q").get("value") == q
    assert f"for “{q}”" in text_of(res.doc.find("p", class_="search-count"))


def test_trials_people_and_references_are_searched():
    with db() as c:
        trial = c.execute("SELECT t.* FROM trial t WHERE t.registry_id <> '' AND EXISTS (SELECT 1 FROM article a "
                          "WHERE a.trial_id = t.id AND a.status = 'published' AND a.published_at <= "
                          "strftime('%s','now')) ORDER BY t.id LIMIT 1").fetchone()
        person = c.execute("SELECT p.* FROM person p JOIN article_person x ON x.person_id = p.id "
                           "JOIN article a ON a.id = x.article_id WHERE a.status = 'published' "
                           "ORDER BY p.id LIMIT 1").fetchone()
    # the trial column is public: every visible article of the trial, gated or not
    want = {a["slug"] for a in visible_articles("a.trial_id = ?", (trial["id"],))}
    total, slugs = every_page(trial["registry_id"])
    assert want <= set(slugs), f"searching {trial['registry_id']} misses {want - set(slugs)}"
    surname = person["name"].split()[-1]
    with db() as c:
        theirs = {r[0] for r in c.execute("SELECT a.slug FROM article a JOIN article_person x ON x.article_id = "
                                          "a.id WHERE x.person_id = ?", (person["id"],))}
    _, slugs = every_page(surname)
    visible = {a["slug"] for a in visible_articles()}
    assert theirs & visible and (theirs & visible) <= set(slugs), f"searching {surname} misses their articles"


def test_each_site_searches_its_own_articles():
    with db() as c:
        other = c.execute("SELECT * FROM site WHERE is_default = 0 ORDER BY id LIMIT 1").fetchone()
    assert other is not None, "the demo has one site only"
    mine = visible_articles(site_id=other["id"])
    assert mine, f"{other['host']} has no visible article"
    target = next((a for a in mine if a["audience"] == "public"), mine[0])
    w = max(re.findall(r"[A-Za-z]{4,}", target["title"]), key=len)
    fetch = lambda path: get(path, headers=host_header(other["host"]))  # noqa: E731
    total, slugs = every_page(w, fetch)
    assert target["slug"] in slugs
    assert set(slugs) <= {a["slug"] for a in mine}, "a search on one site lists another site's articles"
    _, here = every_page(w)
    assert target["slug"] not in here, "the default site lists another site's article"
    # and the reverse: the default site's most searched word is not found on the other site with its articles
    _, theirs = every_page("pembrolizumab", fetch)
    assert not set(theirs) & {a["slug"] for a in visible_articles()}


# ---- ranking (back office) -----------------------------------------------------------------------------------

def uid():
    return uuid.uuid4().hex[:8]


def word(prefix="zq"):
    """A made-up word no article holds, that stemming leaves alone (letters and digits, ending in x)."""
    return f"{prefix}{uuid.uuid4().hex[:10]}x"


def utc(t):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t))


@pytest.fixture(scope="module")
def srv(admin_server):
    return admin_server


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Search Editor")


@pytest.fixture(scope="module")
def section(srv):
    return srv.query("SELECT s.* FROM section s JOIN site t ON t.id = s.site_id WHERE t.is_default = 1 "
                     "ORDER BY s.id LIMIT 1")[0]


def editor_form(doc):
    for form in doc.find_all("form"):
        if re.fullmatch(r"/admin/articles(/\d+)?", form.get("action") or "") and form.get("method") == "post":
            return form
    raise AssertionError("no editor form")


def create(editor, section, **over):
    """Saves a new article through the editor form; returns (id, fields sent)."""
    r = editor.get("/admin/articles/new")
    assert r.status_code == 200
    data = dict(form_values(editor_form(parse_html(r.text))))
    n = uid()
    data.update({"title": f"Search test {n}", "slug": "", "summary": f"A summary ({n}).",
                 "body": f"A body paragraph ({n}).", "section": str(section["id"]), "audience": "public",
                 "status": "published", "published": utc(time.time() - 3600), "action": "save"})
    data.update(over)
    r = editor.post("/admin/articles", data=data)
    assert r.status_code == 303, f"the save answered {r.status_code}: {r.text[:500]}"
    m = re.fullmatch(r"/admin/articles/(\d+)\?saved=1", r.headers["location"])
    assert m, r.headers["location"]
    return int(m.group(1)), data


def edit(editor, article_id, **changes):
    r = editor.get(f"/admin/articles/{article_id}")
    assert r.status_code == 200
    pairs = [(k, v) for k, v in form_values(editor_form(parse_html(r.text))) if k not in changes]
    pairs += list({"action": "save", **changes}.items())
    r = editor.post(f"/admin/articles/{article_id}", data=pairs)
    assert r.status_code == 303, f"the edit answered {r.status_code}: {r.text[:500]}"


def slug_of(srv, article_id):
    return srv.query("SELECT slug FROM article WHERE id = ?", (article_id,))[0]["slug"]


def anon_on(srv):
    """A fetch for search(): an anonymous request (no cookies) to srv."""
    return lambda path: requests.get(srv.url(path), timeout=10, allow_redirects=False)


def reader_on(reader):
    return lambda path: reader.get(path)


def test_a_title_match_ranks_above_a_body_match(srv, editor, section):
    w = word()
    when = utc(time.time() - 2 * 86400)
    # the title match is made first: with equal scores the newer (higher id) would come first
    in_title, _ = create(editor, section, title=f"Findings on {w} in practice", body="Nothing to see here.",
                         published=when)
    in_body, _ = create(editor, section, title="Findings in practice",
                        body=f"The speakers discussed {w} at length during the session.", published=when)
    res = search(w, anon_on(srv))
    assert res.total == 2
    assert res.slugs == [slug_of(srv, in_title), slug_of(srv, in_body)]
    # a summary match, weighted between the two, ranks between them
    in_summary, _ = create(editor, section, title="Findings in practice, again", summary=f"About {w}.",
                           body="Nothing to see here either.", published=when)
    assert search(w, anon_on(srv)).slugs == [slug_of(srv, in_title), slug_of(srv, in_summary),
                                             slug_of(srv, in_body)]


def test_of_two_equal_matches_the_newer_comes_first(srv, editor, section):
    w = word()
    same = {"title": f"Equal matches for {w}", "summary": "The same summary.", "body": f"The same body with {w}."}
    # the newer is made first, so a lower id; the older second
    newer, _ = create(editor, section, slug=f"equal-newer-{uid()}", published=utc(time.time() - 3 * 86400), **same)
    older, _ = create(editor, section, slug=f"equal-older-{uid()}", published=utc(time.time() - 40 * 86400), **same)
    res = search(w, anon_on(srv))
    assert res.slugs == [slug_of(srv, newer), slug_of(srv, older)]
    # the same second: the one made last first
    at = utc(time.time() - 10 * 86400)
    first, _ = create(editor, section, slug=f"equal-first-{uid()}", published=at, **{**same, "title": f"Tie {w}x"})
    second, _ = create(editor, section, slug=f"equal-second-{uid()}", published=at, **{**same, "title": f"Tie {w}x"})
    assert search(f"{w}x", anon_on(srv)).slugs == [slug_of(srv, second), slug_of(srv, first)]


def test_snippets_mark_the_word_and_escape_the_body(srv, editor, section):
    w = word()
    body = (f"Opening paragraph without the word.\n\nThe panel said {w} matters <script>alert('x')</script> "
            f"& AT&T \"quoted\" <b>bold</b> text.")
    article_id, _ = create(editor, section, title="Escaping in snippets", summary="Nothing here.", body=body)
    res = search(w, anon_on(srv))
    assert res.slugs == [slug_of(srv, article_id)]
    snip = res.items[0]["snippet"]
    assert marks(snip) == [w], snip
    assert "<script" not in snip and "<b>" not in snip, f"markup from the body is live: {snip}"
    assert "&lt;script" in snip and "&lt;b" in snip, snip
    assert "&amp; AT&amp;T" in snip, snip
    assert "<script>alert" not in res.html
    text = res.items[0]["snippet_text"]
    assert "<script" in text and w in text and "alert('x')" in text


def test_a_comparison_in_the_body_keeps_its_sign(srv, editor, section):
    """Plain-text characters that Markdown markup shares are text: 'CPS > 10' is what the article says."""
    w = word()
    article_id, _ = create(editor, section, title="Signs in snippets", summary="Nothing here.",
                           body=f"Benefit with {w} was seen when CPS > 10 and in C# code, issue #3.")
    res = search(w, anon_on(srv))
    assert res.slugs == [slug_of(srv, article_id)]
    text = res.items[0]["snippet_text"]
    assert "CPS > 10" in text, text
    assert "C# code, issue #3" in text, text


def test_snippets_leave_markdown_markup_out(srv, editor, section):
    w = word()
    body = (f"## Key {w} results\n\n> A quoted **bold** and _emphasised_ `code` line about {w}.\n\n"
            f"See [the {w} abstract](https://example.org/abstract) and | a | table |.")
    article_id, _ = create(editor, section, title="Markup in snippets", summary="Nothing here.", body=body)
    res = search(w, anon_on(srv))
    assert res.slugs == [slug_of(srv, article_id)]
    text = res.items[0]["snippet_text"]
    for markup in ("##", "**", "`", "](", "https://example.org", "|", "> A"):
        assert markup not in text, f"{markup!r} left in the snippet: {text}"
    assert "Key " + w + " results" in text and "A quoted bold and emphasised code line" in text, text
    assert f"the {w} abstract" in text, text


# ---- facets, filters, pages (demo) ----------------------------------------------------------------------------

def test_each_facet_count_is_the_total_it_leads_to():
    res = search("pembrolizumab")
    facets, clear = res.facets()
    assert {"Section", "Year", "Topic"} <= set(facets), list(facets)
    assert not clear, "no filter is set, so no facet offers 'Any …'"
    for title in ("Section", "Year"):  # one of each per article: the counts add up to the total
        assert sum(c for _, c, _ in facets[title]) == res.total, title
    for title, items in facets.items():
        assert items and all(c > 0 for _, c, _ in items)
        counts = [c for _, c, _ in items]
        assert counts == sorted(counts, reverse=True) or title == "Year", f"{title} not largest first"
        for name, count, url in items:
            assert url, f"{title} {name}: no link"
            followed = Results(get(url))
            assert followed.status == 200, url
            assert followed.total == count, f"{title} {name}: {count} in the facet, {followed.total} results"
            f, c = followed.facets()
            assert (name, count, None) in f[title], f"{title} {name} not shown selected after following it"
            assert title in c, f"no 'Any {title}' link once {title} is chosen"
            assert Results(get(c[title])).total == res.total


def test_a_section_filter_keeps_only_that_section():
    res = search("pembrolizumab")
    name, count, url = facet_items(res, "Section")[0]
    params = parse_qs(urlsplit(url).query)
    total, slugs = every_page("pembrolizumab", section=params["section"][0])
    assert total == count == len(slugs)
    with db() as c:
        sections = {r[0]: r[1] for r in c.execute("SELECT a.slug, s.name FROM article a JOIN section s ON "
                                                  "s.id = a.section_id")}
    assert all(sections[s] == name for s in slugs)


def test_filters_combine():
    base = search("pembrolizumab")
    sec_name, _, sec_url = facet_items(base, "Section")[0]
    by_section = Results(get(sec_url))
    year, year_count, both_url = facet_items(by_section, "Year")[0]
    q = parse_qs(urlsplit(both_url).query)
    assert set(q) == {"q", "section", "year"}, both_url
    both = Results(get(both_url))
    assert both.total == year_count <= by_section.total
    with db() as c:
        rows = {r["slug"]: r for r in c.execute(
            "SELECT a.slug, s.name AS section, CAST(strftime('%Y', a.published_at, 'unixepoch') AS INTEGER) AS y "
            "FROM article a JOIN section s ON s.id = a.section_id")}
    for s in both.slugs:
        assert rows[s]["section"] == sec_name and str(rows[s]["y"]) == year
    # a third filter narrows again and keeps the other two
    topic, topic_count, three_url = facet_items(both, "Topic")[0]
    three = Results(get(three_url))
    assert set(parse_qs(urlsplit(three_url).query)) == {"q", "section", "year", "tag"}
    assert three.total == topic_count <= both.total
    # clearing one filter keeps the others: "Any Section" gives the year's count over every section
    _, clear = both.facets()
    year_everywhere = dict((n, c) for n, c, _ in facet_items(base, "Year"))[year]
    assert Results(get(clear["Section"])).total == year_everywhere
    assert Results(get(clear["Year"])).total == by_section.total
    # a filter no result has: nothing, and no error
    empty = search("pembrolizumab", section=999999)
    assert empty.total == 0 and empty.items == []


@pytest.mark.parametrize("params", [
    {"section": "0"}, {"section": "abc"}, {"section": "-1"}, {"section": "1.5"}, {"section": "1x"},
    {"congress": "x"}, {"tag": "0"}, {"trial": "99999999999"}, {"year": "10000"}, {"year": "20x4"},
    {"section": "+1"}, {"section": " 1"}, {"section": "01"},
    {"page": "abc"}, {"page": "0"}, {"page": "-1"}, {"page": "1.5"}, {"page": ""}, {"page": "99999999999"}])
def test_bad_filters_and_pages_are_400(params):
    r = get(search_path("pembrolizumab", **params))
    assert r.status_code == 400, f"{params}: {r.status_code}"
    assert r.headers.get("content-type") == "text/html; charset=utf-8"


def test_pages_of_ten():
    first = search("pembrolizumab")
    assert first.total > PER_PAGE, "the demo needs more than ten results for pembrolizumab"
    pages = -(-first.total // PER_PAGE)
    assert len(first.items) == PER_PAGE
    assert first.next_url and parse_qs(urlsplit(first.next_url).query)["page"] == ["2"]
    second = search("pembrolizumab", page=2)
    assert second.total == first.total
    assert len(second.items) == (first.total - PER_PAGE if pages == 2 else PER_PAGE)
    assert not set(first.slugs) & set(second.slugs)
    assert second.doc.find("a", rel="prev") is not None
    search("pembrolizumab", page=pages)
    search("pembrolizumab", page=pages + 1, status=404)
    search("pembrolizumab", page=100000, status=404)
    # one page only: no page 2; no results: page 1 exists, page 2 does not
    search("xqzvvkwjx", page=1)
    search("xqzvvkwjx", page=2, status=404)
    # filters stay on the next page's link
    sec = parse_qs(urlsplit(facet_items(first, "Section")[0][2]).query)["section"][0]
    filtered = search("pembrolizumab OR nivolumab OR survival", section=sec)
    if filtered.total > PER_PAGE:
        assert parse_qs(urlsplit(filtered.next_url).query)["section"] == [sec]


# ---- did you mean (demo) -------------------------------------------------------------------------------------

def test_did_you_mean_corrects_a_misspelt_title_word():
    res = search("pembrolizumb")
    assert res.total == 0
    assert res.suggestion is not None, "no suggestion for pembrolizumb"
    text, url = res.suggestion
    assert text == "pembrolizumab"
    assert parse_qs(urlsplit(url).query)["q"] == ["pembrolizumab"]
    assert Results(get(url)).total > 0
    # two misspelt words
    res = search("pembrolizumb survivl")
    assert res.total == 0 and res.suggestion and res.suggestion[0] == "pembrolizumab survival"
    # upper case is read as lower case
    res = search("PEMBROLIZUMB")
    assert res.suggestion and res.suggestion[0] == "pembrolizumab"


def test_did_you_mean_keeps_the_rest_of_the_query():
    res = search("pembrolizumb -adjuvant")
    assert res.total == 0 and res.suggestion is not None
    text, url = res.suggestion
    assert text == "pembrolizumab -adjuvant"
    assert Results(get(url)).total == search("pembrolizumab -adjuvant").total


@pytest.mark.parametrize("q", ["xqzvvkwjx", "qqqqqqq", "pembrolizumab xqzvvkwjx", "zz", "ab", "é",
                               "pembrolizumab -pembrolizumab"])
def test_no_suggestion_for_nonsense(q):
    res = search(q)
    assert res.total == 0
    assert res.suggestion is None, f"{q!r}: suggested {res.suggestion}"


def test_no_suggestion_when_something_is_found():
    res = search("pembrolizumab")
    assert res.total > 0 and res.suggestion is None


# ---- the query language (demo) --------------------------------------------------------------------------------

def test_a_phrase_is_narrower_than_its_words():
    _, words = every_page("survival overall")
    _, phrase = every_page('"overall survival"')
    _, reversed_phrase = every_page('"survival overall"')
    assert phrase and set(phrase) <= set(words)
    assert len(reversed_phrase) < len(words), "a phrase in the other order found as much as the words"
    # an unterminated phrase is a phrase to the end
    assert every_page('"overall survival')[1] == phrase


def test_a_prefix_finds_the_words_it_begins():
    _, full = every_page("pembrolizumab")
    _, prefix = every_page("pembroli*")
    assert set(full) <= set(prefix)
    _, immuno = every_page("immuno*")
    assert immuno, "immuno* finds nothing"
    assert len(immuno) > len(every_page("immuno")[1])
    # beside a word, a phrase, a group, an exclusion or an OR, a prefix is answered and its words are marked
    for q in ("immuno* therapy", "therapy immuno*", '"overall survival" immuno*', "(therapy) immuno*",
              "immuno* -pembrolizumab", "immunoth* OR nivolumab", "immuno* neoadj*"):
        res = search(q)
        assert res.total and res.items, q
        marked = [m.lower() for it in res.items for m in marks(it["snippet"])]
        assert any(m.startswith("immuno") for m in marked), (q, marked)
    # one character is too short to be a prefix: a* is the word a, not every word in a
    assert search("a*").total == search("a").total
    assert search("p*").total == search("p").total


def test_or_and_exclusion():
    _, a = every_page("pembrolizumab")
    _, b = every_page("nivolumab")
    _, either = every_page("pembrolizumab OR nivolumab")
    assert set(either) == set(a) | set(b)
    _, both = every_page("pembrolizumab nivolumab")
    assert set(both) == set(a) & set(b)
    _, without = every_page("pembrolizumab -nivolumab")
    assert set(without) == set(a) - set(b)
    assert search("-pembrolizumab").searched is False  # only an exclusion: nothing to look for
    # lower-case "or" and "and" are common words, left out beside others; FTS5's operators typed are words
    assert search("pembrolizumab or nivolumab").total == len(both)
    assert search("pembrolizumab AND nivolumab").total == len(both)
    assert search("pembrolizumab NEAR nivolumab").total <= len(both)


HOSTILE = [
    '"', '""', '"""', '" OR "', "'", "''", "(", ")", "()", "(((((", "a)", "NEAR(", "NEAR(a b", "NEAR(a b, 2)",
    "NEAR", "AND", "OR", "NOT", "a AND", "NOT a", "a NOT", "OR OR OR", "title:", "title:pembrolizumab",
    "{body}:", "{body}: pembrolizumab", "- {body} : x", "{title summary}:x", "^", "^pembrolizumab", "*", "**",
    "a*", "*a", "-", "--", "-*", "+", ":", "::", "{", "}", "{}", "[", "]", "\\", "\\\"", "`", "%", "%%", "&", "#",
    "pembrolizumab\"", "\"pembrolizumab", "pembro\"lizumab", "a \"b c", "-\"a b\"", "x OR -y", "OR -y",
    "中文 検索", "Ärzte café", "😀", "😀*", "\u200b", "\u202e", "é*", "\ufeff", "a\tb\nc", "\r\n",
    "<script>alert(1)</script>", "' OR 1=1 --", "'; DROP TABLE article; --", "NEAR(\"a\" \"b\", 10)",
    # long, yet within max_url_bytes (8 KiB) once encoded: far past the query's own 400 bytes
    "x" * 6000, "\"" * 2000, "a " * 2500, "(" * 2000, "-a " * 1500, "é" * 1000, "pembrolizumab " * 400,
]


def test_a_query_past_the_longest_address_gets_414_with_a_page():
    r = get(search_path("é" * 5000))
    assert r.status_code == 414
    assert parse_html(r.text).find("h1") is not None


@pytest.mark.parametrize("q", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_never_fail(q):
    r = get(search_path(q))
    assert r.status_code == 200, f"{q[:60]!r}: {r.status_code}"
    res = Results(r)
    assert res.doc.find("h1") is not None
    assert "<script>alert" not in r.text
    assert res.searched or res.doc.find("section", class_="search-help") is not None


@pytest.mark.parametrize("raw", ["%00", "a%00b", "pembrolizumab%00", "%zz", "%", "%e2%80", "%ff%fe", "%c0%af",
                                 "a%0d%0ab", "%2500"])
def test_odd_encodings_never_fail(raw):
    r = get(f"/search?q={raw}")
    assert r.status_code in (200, 400), f"{raw}: {r.status_code}"
    assert r.headers.get("content-type") == "text/html; charset=utf-8"


def test_a_long_query_says_only_its_beginning_was_used():
    res = search("pembrolizumab " + "x" * 1000)
    assert "Only the beginning of this long query was used." in text_of(res.doc)
    assert res.total == search("pembrolizumab " + "x" * 385).total
    assert "Only the beginning" not in search("pembrolizumab").html


def test_the_server_logged_no_search_error():
    with open(SERVER.log_path, encoding="utf-8", errors="replace") as f:
        log = f.read()
    assert "fts5" not in log.lower(), [line for line in log.splitlines() if "fts5" in line.lower()][:5]
    assert "syntax error" not in log.lower()


# ---- the empty query (demo) ----------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/search", "/search?q=", "/search?q=+++", "/search?q=%09", "/search?page=1"])
def test_the_empty_query_shows_the_help_page(path):
    r = get(path)
    assert r.status_code == 200
    doc = parse_html(r.text)
    help_ = doc.find("section", class_="search-help")
    assert help_ is not None, "no help section"
    assert doc.find("p", class_="search-count") is None and doc.find("ol", class_="results") is None
    if "q=" not in path or path.endswith("q="):
        assert doc.find("p", class_="notice") is None, "an empty query is not a query with nothing to find"
    assert text_of(doc.find("h1")) == "Search"
    site = default_site()["id"]
    with db() as c:
        sections = [(r[0], r[1]) for r in c.execute("SELECT slug, name FROM section WHERE site_id = ?", (site,))]
    links = {a.get("href"): text_of(a) for a in help_.find_all("a")}
    for slug, name in sections:
        assert links.get(f"/section/{slug}") == name, f"section {name} is not offered"
    topics = [h for h in links if h.startswith("/tag/")]
    assert topics, "no topics offered"
    for h in topics[:5]:
        assert get(h).status_code == 200, h
    # the examples it gives find something
    examples = [h for h in links if h.startswith("/search?")]
    assert len(examples) >= 3
    for h in examples:
        assert Results(get(h)).total > 0, f"the example {h} finds nothing"


@pytest.mark.parametrize("q", ["!!!", "-adjuvant", "()", "OR", "*"])
def test_a_query_without_words_says_so(q):
    res = search(q)
    assert not res.searched
    notice = res.doc.find("p", class_="notice")
    assert notice is not None and "There is no word to look for" in text_of(notice)
    assert res.doc.find("section", class_="search-help") is not None


# ---- gating (back office) -------------------------------------------------------------------------------------

LEVEL_PROFILES = {  # what makes a signed-in account a reader of each level (see reader_level in auth/session.c)
    "member": ("not_hcp", 0, "none"),
    "hcp": ("physician", 1, "none"),
    "verified_hcp": ("physician", 1, "verified"),
}


@pytest.fixture(scope="module")
def readers(srv):
    out = {"anonymous": None}
    for level, (profession, declared, status) in LEVEL_PROFILES.items():
        reader = make_staff(srv, "reader", name=f"Search {level}")
        srv.execute("UPDATE user SET email_verified_at = strftime('%s','now'), profession = ?, hcp_declared = ?, "
                    "hcp_status = ? WHERE email = ?", (profession, declared, status, reader.email))
        out[level] = reader
    return out


def fetch_as(srv, readers, level):
    return anon_on(srv) if readers[level] is None else reader_on(readers[level])


@pytest.fixture(scope="module")
def gated(srv, editor, section):
    """An hcp article and a verified_hcp one, each with a word only in its body and one in its title."""
    out = {}
    for audience in ("hcp", "verified_hcp"):
        body_word, title_word = word("bw"), word("tw")
        sentence = f"Only the body says {body_word} in this sentence"
        article_id, _ = create(editor, section, title=f"Gated {audience} {title_word}",
                               summary="A summary that names nothing in particular.",
                               body=f"{sentence}.\n\nA second paragraph.", audience=audience)
        out[audience] = {"id": article_id, "slug": slug_of(srv, article_id), "body_word": body_word,
                         "title_word": title_word, "sentence": sentence}
    return out


READS = {"anonymous": 0, "member": 1, "hcp": 2, "verified_hcp": 3}
AUDIENCE = {"hcp": 2, "verified_hcp": 3}


def test_the_readers_have_their_levels(srv, readers, gated):
    """The accounts read gated bodies exactly as their level allows (else the tests below prove nothing)."""
    for level in READS:
        for audience, a in gated.items():
            r = fetch_as(srv, readers, level)(f"/article/{a['slug']}")
            assert r.status_code == 200
            assert (a["sentence"] in r.text) == (READS[level] >= AUDIENCE[audience]), (level, audience)


@pytest.mark.parametrize("level", list(READS))
def test_a_body_word_is_found_only_by_readers_of_the_audience(srv, readers, gated, level):
    fetch = fetch_as(srv, readers, level)
    for audience, a in gated.items():
        allowed = READS[level] >= AUDIENCE[audience]
        res = search(a["body_word"], fetch)
        if allowed:
            assert res.slugs == [a["slug"]], f"{level} does not find the {audience} article by its body"
            assert marks(res.items[0]["snippet"]) == [a["body_word"]]
            assert a["sentence"] in res.items[0]["snippet_text"]
        else:
            assert res.total == 0 and res.items == [], f"{level} finds the {audience} article by its body"
            assert res.suggestion is None
            facets, _ = res.facets()
            assert facets == {}, f"{level}: facets count the {audience} article: {facets}"
            assert a["slug"] not in res.html
            # the word is on the page only where it repeats the query
            main = re.search(r"<main.*</main>", res.html, re.S).group(0)
            rest = main.replace(f'value="{a["body_word"]}"', "").replace(f"“{a['body_word']}”", "")
            assert a["body_word"] not in rest, "the body word is on the page outside the echoes of the query"
        # a prefix, a phrase and an OR reach the body no better
        for q in (a["body_word"][:-2] + "*", f"\"says {a['body_word']}\"", f"{a['body_word']} OR qqqqzzzzx"):
            got = search(q, fetch)
            assert (a["slug"] in got.slugs) == allowed, f"{level}, {audience}: {q}"
        # excluding the body word does not hide the article from those who may not read it
        got = search(f"{a['title_word']} -{a['body_word']}", fetch)
        assert (a["slug"] in got.slugs) == (not allowed), f"{level}, {audience}: -{a['body_word']}"


@pytest.mark.parametrize("level", list(READS))
def test_a_title_word_is_found_by_everyone_without_the_body(srv, readers, gated, level):
    fetch = fetch_as(srv, readers, level)
    for audience, a in gated.items():
        allowed = READS[level] >= AUDIENCE[audience]
        res = search(a["title_word"], fetch)
        assert res.slugs == [a["slug"]], f"{level} does not find the {audience} article by its title"
        item = res.items[0]
        assert item["title"].endswith(a["title_word"])
        if not allowed:
            assert a["body_word"] not in item["html"] and "Only the body says" not in item["html"], \
                f"{level} sees the {audience} body in the snippet: {item['snippet']}"
            assert "A summary that names nothing" in item["snippet_text"], "the snippet is not the summary"
        # the facets count it for everyone
        sections = facet_items(res, "Section")
        assert sum(c for _, c, _ in sections) == 1
        # the badge tells what it is
        assert "badge" in item["html"]


# ---- the index follows the records an article shows (back office, rows written to the database) -----------

class Probe:
    """Searches that never repeat a URL, so no cached page answers for the index (direct writes to the
    database do not drop cached pages; the back office does, and test_an_edit_changes_the_results_at_once
    covers that)."""

    def __init__(self, srv, slug):
        self.srv, self.slug = srv, slug

    def finds(self, q):
        return self.slug in search(f"{q} OR {word('nothing')}", anon_on(self.srv)).slugs


def test_the_index_follows_every_record_an_article_shows(srv, editor, section):
    article_id, _ = create(editor, section, title=f"Index follows {uid()}")
    probe = Probe(srv, slug_of(srv, article_id))
    site = srv.query("SELECT site_id FROM article WHERE id = ?", (article_id,))[0][0]
    w = {k: word(k[:3]) for k in ("person", "person2", "cite", "cite2", "abstract", "tag", "tag2", "trial",
                                  "alias", "registry", "section", "section2", "congress", "congress2")}
    made = []
    try:
        # faculty: linked, renamed, unlinked
        srv.execute("INSERT INTO person (slug, name) VALUES (?, ?)", (w["person"], f"Dr {w['person']}"))
        person = srv.query("SELECT id FROM person WHERE slug = ?", (w["person"],))[0][0]
        made.append(("person", person))
        srv.execute("INSERT INTO article_person (article_id, person_id, role) VALUES (?, ?, 'speaker')",
                    (article_id, person))
        assert probe.finds(w["person"])
        srv.execute("UPDATE person SET name = ? WHERE id = ?", (f"Dr {w['person2']}", person))
        assert probe.finds(w["person2"]) and not probe.finds(w["person"])
        srv.execute("DELETE FROM article_person WHERE article_id = ?", (article_id,))
        assert not probe.finds(w["person2"])
        # references: added, changed, removed
        srv.execute("INSERT INTO reference (article_id, citation, abstract_no) VALUES (?, ?, ?)",
                    (article_id, f"Doe J. {w['cite']}. 2025.", w["abstract"]))
        assert probe.finds(w["cite"]) and probe.finds(w["abstract"])
        srv.execute("UPDATE reference SET citation = ? WHERE article_id = ?", (f"Roe R. {w['cite2']}.", article_id))
        assert probe.finds(w["cite2"]) and not probe.finds(w["cite"])
        srv.execute("DELETE FROM reference WHERE article_id = ?", (article_id,))
        assert not probe.finds(w["cite2"]) and not probe.finds(w["abstract"])
        # topics: linked, renamed, the tag deleted
        srv.execute("INSERT INTO tag (site_id, slug, name) VALUES (?, ?, ?)", (site, w["tag"], f"Topic {w['tag']}"))
        tag = srv.query("SELECT id FROM tag WHERE slug = ?", (w["tag"],))[0][0]
        made.append(("tag", tag))
        srv.execute("INSERT INTO article_tag (article_id, tag_id) VALUES (?, ?)", (article_id, tag))
        assert probe.finds(w["tag"])
        srv.execute("UPDATE tag SET name = ? WHERE id = ?", (f"Topic {w['tag2']}", tag))
        assert probe.finds(w["tag2"]) and not probe.finds(w["tag"])
        c = srv.db()  # as the server deletes a tag: its links go by the foreign key's cascade
        try:
            c.execute("PRAGMA foreign_keys = ON")
            with c:
                c.execute("DELETE FROM tag WHERE id = ?", (tag,))
        finally:
            c.close()
        assert not srv.query("SELECT 1 FROM article_tag WHERE tag_id = ?", (tag,))
        assert not probe.finds(w["tag2"])
        # the trial: set, renamed, aliased, a new registry id
        srv.execute("INSERT INTO trial (site_id, slug, name) VALUES (?, ?, ?)", (site, w["trial"], w["trial"]))
        trial = srv.query("SELECT id FROM trial WHERE slug = ?", (w["trial"],))[0][0]
        made.append(("trial", trial))
        srv.execute("UPDATE article SET trial_id = ? WHERE id = ?", (trial, article_id))
        assert probe.finds(w["trial"])
        srv.execute("UPDATE trial SET aliases = ?, registry_id = ? WHERE id = ?", (w["alias"], w["registry"], trial))
        assert probe.finds(w["alias"]) and probe.finds(w["registry"])
        # the section and the congress: moved to, renamed
        srv.execute("INSERT INTO section (site_id, slug, name, position) VALUES (?, ?, ?, 999)",
                    (site, w["section"], f"Section {w['section']}"))
        new_section = srv.query("SELECT id FROM section WHERE slug = ?", (w["section"],))[0][0]
        made.append(("section", new_section))
        srv.execute("INSERT INTO congress (site_id, slug, name, year, starts_on, ends_on) VALUES "
                    "(?, ?, ?, 1990, '1990-01-01', '1990-01-02')", (site, w["congress"], f"Congress {w['congress']}"))
        congress = srv.query("SELECT id FROM congress WHERE slug = ?", (w["congress"],))[0][0]
        made.append(("congress", congress))
        srv.execute("UPDATE article SET section_id = ?, congress_id = ? WHERE id = ?",
                    (new_section, congress, article_id))
        assert probe.finds(w["section"]) and probe.finds(w["congress"])
        srv.execute("UPDATE section SET name = ? WHERE id = ?", (f"Section {w['section2']}", new_section))
        srv.execute("UPDATE congress SET name = ? WHERE id = ?", (f"Congress {w['congress2']}", congress))
        assert probe.finds(w["section2"]) and not probe.finds(w["section"])
        assert probe.finds(w["congress2"]) and not probe.finds(w["congress"])
    finally:  # the other modules on this server see the site as the demo made it
        srv.execute("UPDATE article SET status = 'archived', section_id = ?, congress_id = NULL, trial_id = NULL "
                    "WHERE id = ?", (section["id"], article_id))
        for table, row_id in reversed(made):
            if table == "person":
                srv.execute("DELETE FROM article_person WHERE person_id = ?", (row_id,))
            srv.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))


def test_a_reference_moved_to_another_article_leaves_the_first(srv, editor, section):
    first, _ = create(editor, section, title=f"Reference first {uid()}")
    second, _ = create(editor, section, title=f"Reference second {uid()}")
    cite = word("cite")
    srv.execute("INSERT INTO reference (article_id, citation) VALUES (?, ?)", (first, f"Doe J. {cite}."))
    assert Probe(srv, slug_of(srv, first)).finds(cite)
    srv.execute("UPDATE reference SET article_id = ? WHERE article_id = ?", (second, first))
    assert Probe(srv, slug_of(srv, second)).finds(cite)
    assert not Probe(srv, slug_of(srv, first)).finds(cite)


# ---- scheduling, drafts, edits (back office) -----------------------------------------------------------------

def found(srv, q, slug, fetch=None):
    res = search(q, fetch or anon_on(srv))
    return slug in res.slugs


def test_a_scheduled_article_is_found_from_its_second(srv, editor, section):
    w = word()
    at = int(time.time()) + 3
    article_id, _ = create(editor, section, title=f"Scheduled {w}", status="scheduled", published=utc(at))
    slug = slug_of(srv, article_id)
    assert srv.query("SELECT status FROM article WHERE id = ?", (article_id,))[0]["status"] == "scheduled"
    seen = []
    while time.time() < at + 2.5:
        seen.append((time.time(), found(srv, w, slug)))
        time.sleep(0.05)
    early = [round(t - at, 3) for t, got in seen if got and t < at]
    assert not early, f"found before its second (seconds from it): {early[:5]}"
    assert any(t < at for t, _ in seen)
    late = [round(t - at, 3) for t, got in seen if t >= at + 1.0 and not got]
    assert any(t >= at + 1.0 for t, _ in seen) and not late, f"not found {late[:3]} s after its second"


@pytest.mark.parametrize("status", ["draft", "review", "archived"])
def test_unpublished_articles_are_never_found(srv, editor, section, status, readers):
    w = word()
    article_id, _ = create(editor, section, title=f"Unpublished {status} {w}", summary=f"Summary {w}.",
                           body=f"Body {w}.", status=status, published=utc(time.time() - 3600))
    slug = slug_of(srv, article_id)
    for fetch in (anon_on(srv), reader_on(readers["verified_hcp"]), reader_on(editor)):
        res = search(w, fetch)
        assert res.total == 0 and slug not in res.html, f"the {status} article is found"
        # its words are no suggestion either
        res = search(w[:-1] + "q", fetch)
        assert res.suggestion is None, f"a word of a {status} article is suggested: {res.suggestion}"


def test_an_edit_changes_the_results_at_once(srv, editor, section):
    old, new = word("old"), word("new")
    article_id, _ = create(editor, section, title=f"Before {old}")
    slug = slug_of(srv, article_id)
    for _ in range(6):  # both workers cache the page
        assert found(srv, old, slug) and not found(srv, new, slug)
    edit(editor, article_id, title=f"After {new}")
    for _ in range(6):
        assert found(srv, new, slug), "the new title is not found right after the save"
        assert not found(srv, old, slug), "the old title is still found after the save"
    # the summary, the body and the topics follow too
    s, b, t = word("sum"), word("body"), word("tag")
    edit(editor, article_id, summary=f"Now about {s}.", body=f"Now the body holds {b}.", tags=f"Topic {t}")
    for q in (s, b, t):
        assert found(srv, q, slug), f"{q} is not found after the edit"
    # and once unpublished it is gone
    edit(editor, article_id, status="archived")
    for q in (new, s, b, t):
        assert not found(srv, q, slug), f"the archived article is found by {q}"


def test_an_excluded_phrase_is_left_out():
    _, everything = every_page("pembrolizumab")
    _, with_phrase = every_page('pembrolizumab "overall survival"')
    _, without = every_page('pembrolizumab -"overall survival"')
    assert with_phrase and without, "the demo should have articles on both sides"
    assert set(with_phrase).isdisjoint(without)
    # of a family, the member shown is one that matches: another may stand for it on one side
    assert set(families_of(with_phrase)) | set(families_of(without)) == set(families_of(everything))


# ---- a big site: hits read in parts on several connections ------------------------------------------------

@pytest.fixture(scope="module")
def big_sites():
    """2,500 generated articles (a site from 2,000 reads a search's hits in parts, a range of ids each), served
    by a server with 3 search threads and by one with 1, the page cache off."""
    with tempfile.TemporaryDirectory(prefix="plenary-parts-") as tmp:
        path = new_database(tmp, "big.db")
        made = run_plenary(["demo", path, "--articles", "2500"], timeout=180)
        assert made.returncode == 0, made.stderr
        parts = start_plenary(tmp, path, {"search_threads": 3, "cache_mb": 0}, name="parts")
        alone = start_plenary(tmp, path, {"search_threads": 1, "cache_mb": 0}, name="alone")
        try:
            yield parts, alone
        finally:
            assert parts.stop() == 0 and alone.stop() == 0
        for srv in (parts, alone):
            assert "search:" not in srv.log() and "error" not in srv.log().lower(), srv.log()[-2000:]


BIG_QUERIES = ["survival", '"event-free survival"', "toxicity management", "neoadj*", "nivolumab OR survival",
               "survival -toxicity", "pembrolizumab melanoma", "generated"]


@pytest.mark.parametrize("q", BIG_QUERIES)
def test_a_search_read_in_parts_is_the_search_read_alone(big_sites, q):
    parts, alone = big_sites
    for params in ({}, {"page": 2}, {"year": 2025}, {"page": 5}):
        got = Results(requests.get(parts.url(search_path(q, **params)), timeout=30))
        want = Results(requests.get(alone.url(search_path(q, **params)), timeout=30))
        assert got.status == want.status, (q, params)
        assert got.total == want.total, (q, params)
        assert [(x["slug"], x["snippet"]) for x in got.items] == [(x["slug"], x["snippet"]) for x in want.items]
        assert got.facets() == want.facets(), (q, params)


def test_every_hit_of_a_search_in_parts_is_listed_once(big_sites):
    parts, alone = big_sites
    fetch = lambda p: requests.get(parts.url(p), timeout=30)  # noqa: E731
    total, slugs = every_page("survival -toxicity", fetch)
    assert total > 3 * PER_PAGE and len(slugs) == total == len(set(slugs))
    assert every_page("survival -toxicity", lambda p: requests.get(alone.url(p), timeout=30)) == (total, slugs)


def test_a_fresh_server_answers_a_search_without_hits_first():
    """The first search of each render thread finds nothing: it still gets its page (once a 500, when no
    search on the connection had had a hit yet)."""
    with tempfile.TemporaryDirectory(prefix="plenary-fresh-") as tmp:
        srv = start_plenary(tmp, make_demo_database(tmp), name="fresh")
        try:
            for q in ["zzzzqx", "1764772712345", '"no such phrase here"', "zzzzqx", "pembrolizumab"]:
                r = requests.get(srv.url(search_path(q)), timeout=30)
                assert r.status_code == 200, f"{q}: {r.status_code}"
                res = Results(r)
                assert res.searched and (res.total == 0) == (q != "pembrolizumab"), (q, res.total)
        finally:
            assert srv.stop() == 0
