"""Search synonyms: a site's groups of terms a reader may type for one another (brand and generic names,
abbreviations and their words, hyphen and space variants), edited at /admin/synonyms and seeded in the demo.

Searching for one term of a group finds articles with any of them, both ways, in phrases and exclusions, with
the synonym that matched highlighted; gating is unchanged (a body above the reader's level never matches); an
edit changes results at once, cached pages included. The tests run on a server and demo database of their own
and make their groups and articles of made-up words through the back office, as an editor does.
"""
import os
import re
import tempfile
import time
import uuid
from urllib.parse import urlencode

import pytest
import requests

from conftest import form_values, make_demo_database, make_staff, parse_html, start_plenary, text_of

SITE = 1  # the demo's default site, which requests to 127.0.0.1 get


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-synonyms-") as tmp:
        s = start_plenary(tmp, make_demo_database(tmp), {"outbox": os.path.join(tmp, "outbox")},
                          name="synonyms-server")
        yield s
        rc = s.stop()
        assert rc == 0, f"the synonyms server exited with {rc}; log tail:\n{s.log()[-3000:]}"


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Syn Editor")


@pytest.fixture(scope="module")
def section(srv):
    return srv.query("SELECT id FROM section WHERE site_id = ? ORDER BY id LIMIT 1", (SITE,))[0]["id"]


def word(prefix="zq"):
    """A made-up word no article holds, that stemming leaves alone."""
    return f"{prefix}{uuid.uuid4().hex[:10]}x"


def short():
    """A short made-up compound, as T-DXd: letters, a hyphen, letters and digits."""
    h = uuid.uuid4().hex
    return f"zq{h[:3]}-k{h[3:6]}"


# ---- searching ------------------------------------------------------------------------------------------------

def search(srv, q, fetch=None):
    """(slugs of the results, the page's HTML, the result <li>s' HTML) of /search?q=q."""
    path = "/search?" + urlencode({"q": q})
    r = fetch(path) if fetch else requests.get(srv.url(path), timeout=10, allow_redirects=False)
    assert r.status_code == 200, f"{q!r}: {r.status_code}"
    items = re.findall(r'<li class="result">(.*?)</li>', r.text, re.S)
    slugs = [re.search(r'href="/article/([^"]+)"', x).group(1) for x in items]
    return slugs, r.text, items


def found(srv, q, fetch=None):
    return set(search(srv, q, fetch)[0])


def found_all(srv, q):
    """Every result of q, page after page (the order within a page moves with the recency boost)."""
    out = set()
    for page in range(1, 20):
        r = requests.get(srv.url("/search?" + urlencode({"q": q, "page": page})), timeout=10)
        if r.status_code == 404:
            break
        assert r.status_code == 200, (q, page, r.status_code)
        slugs = re.findall(r'<li class="result">.*?href="/article/([^"]+)"', r.text, re.S)
        if not slugs:
            break
        out |= set(slugs)
    return out


# ---- the back office ------------------------------------------------------------------------------------------

def opened(staff, path, action):
    r = staff.get(path)
    assert r.status_code == 200, f"GET {path}: {r.status_code}"
    form = parse_html(r.text).find("form", action=action)
    assert form is not None, f"no form to {action} on {path}"
    return dict(form_values(form))


def add_group(staff, terms):
    return staff.post("/admin/synonyms", data={**opened(staff, "/admin/synonyms/new", "/admin/synonyms"),
                                               "terms": terms})


def group_id(srv, term):
    rows = srv.query("SELECT id, terms FROM synonym_group WHERE site_id = ?", (SITE,))
    ids = [r["id"] for r in rows if term in [t.strip() for t in r["terms"].split(",")]]
    assert len(ids) == 1, f"{term}: {rows[-3:]}"
    return ids[0]


def delete_group(staff, gid):
    action = f"/admin/synonyms/{gid}/delete"
    return staff.post(action, data=opened(staff, action, action))


def field_error(html):
    p = parse_html(html).find("p", class_="field-error")
    return text_of(p) if p is not None else None


def editor_form(doc):
    for form in doc.find_all("form"):
        if re.fullmatch(r"/admin/articles(/\d+)?", form.get("action") or "") and form.get("method") == "post":
            return form
    raise AssertionError("no editor form")


def create(srv, staff, section, **over):
    """A published article saved through the editor form: its slug."""
    r = staff.get("/admin/articles/new")
    data = dict(form_values(editor_form(parse_html(r.text))))
    n = uuid.uuid4().hex[:8]
    data.update({"title": f"Synonym test {n}", "slug": "", "summary": f"A summary ({n}).",
                 "body": f"A body paragraph ({n}).", "section": str(section), "audience": "public",
                 "status": "published", "published": time.strftime("%Y-%m-%dT%H:%M:%S",
                                                                    time.gmtime(time.time() - 3600)),
                 "action": "save"})
    data.update(over)
    r = staff.post("/admin/articles", data=data)
    assert r.status_code == 303, f"the save answered {r.status_code}: {r.text[:300]}"
    article_id = int(re.fullmatch(r"/admin/articles/(\d+)\?saved=1", r.headers["location"]).group(1))
    return srv.query("SELECT slug FROM article WHERE id = ?", (article_id,))[0]["slug"]


# ---- the demo's vocabulary ------------------------------------------------------------------------------------

def test_the_demo_seeds_an_oncology_list(srv):
    rows = srv.query("SELECT terms FROM synonym_group WHERE site_id = ?", (SITE,))
    assert len(rows) >= 40
    terms = {t.strip().lower() for r in rows for t in r["terms"].split(",")}
    for t in ("keytruda", "pembrolizumab", "tnbc", "triple-negative breast cancer", "t-dxd",
              "trastuzumab deruxtecan", "nsclc", "non-small cell lung cancer"):
        assert t in terms, t
    assert len(found_all(srv, "pembrolizumab")) > 10  # more than a page: found_all reads them all


@pytest.mark.parametrize("typed, meant", [
    ("Keytruda", "pembrolizumab"),
    ("TNBC", '"triple-negative breast cancer"'),
    ("T-DXd", '"trastuzumab deruxtecan"'),
    ("NSCLC", '"non-small-cell lung cancer"'),
])
def test_the_demo_vocabulary_finds_what_the_words_mean(srv, typed, meant):
    """Each demo term finds every article its synonym finds (the demo never says Keytruda or T-DXd at all)."""
    by_meaning = found_all(srv, meant)
    assert by_meaning, f"the demo has no article with {meant}"
    assert by_meaning <= found_all(srv, typed)
    assert by_meaning <= found_all(srv, typed.lower())


def test_the_synonym_that_matched_is_highlighted(srv):
    _, html, items = search(srv, "Keytruda")
    assert items
    assert any("<mark>pembrolizumab</mark>" in x.lower() for x in items), items[0]
    assert "Also searched for" in html and "pembrolizumab" in html


# ---- each kind, both ways -------------------------------------------------------------------------------------

def test_brand_and_generic_names_find_each_other_once_grouped(srv, editor, section):
    brand, generic, other = word("br"), word("gn"), word("ot")
    a_generic = create(srv, editor, section, title=f"Adjuvant {generic} in practice",
                       body=f"The trial gave {generic} for a year. {other}")
    a_brand = create(srv, editor, section, title="A brand in the clinic",
                     body=f"Patients on {brand.capitalize()} did well. {other}")
    # cached for everyone before the group exists
    assert found(srv, brand) == {a_brand} == found(srv, brand)
    assert found(srv, generic) == {a_generic}
    r = add_group(editor, f"{brand.capitalize()}, {generic}")
    assert r.status_code == 303 and r.headers["location"].startswith("/admin/synonyms?saved="), r.text[:300]
    # at once, on the page the cache held
    assert found(srv, brand) == {a_brand, a_generic}
    assert found(srv, generic) == {a_brand, a_generic}
    assert found(srv, brand.upper()) == {a_brand, a_generic}
    # a phrase of one and an exclusion of the other
    assert found(srv, f'"{generic}"') == {a_brand, a_generic}
    assert found(srv, f"{other} -{brand}") == set()
    assert found(srv, f"{other} -{word()}") == {a_brand, a_generic}
    # OR keeps its meaning beside a widened term
    lone = create(srv, editor, section, title="Another", body=f"Only {word('lo')} here, {other}.")
    assert found(srv, f"{brand} OR {other}") == {a_brand, a_generic, lone}
    # deleted: each finds only itself again
    assert delete_group(editor, group_id(srv, generic)).status_code == 303
    assert found(srv, brand) == {a_brand}
    assert found(srv, generic) == {a_generic}


def test_an_abbreviation_and_its_words_find_each_other(srv, editor, section):
    abbr, w1, w2, w3 = word("ab"), word("wa"), word("wb"), word("wc")
    spelled = f"{w1} {w2}-{w3}"
    a_words = create(srv, editor, section, title="Spelled out",
                     body=f"In {w1} {w2}-{w3} the benefit held.")
    a_abbr = create(srv, editor, section, title="Abbreviated", body=f"In {abbr.upper()} the benefit held.")
    scattered = create(srv, editor, section, title="Scattered",
                       body=f"{w3} and {w2}, then later {w1}.")
    assert add_group(editor, f"{abbr.upper()}, {spelled}").status_code == 303
    both = {a_words, a_abbr}
    assert found(srv, abbr) == both
    # the words, quoted or not, with a hyphen or a space: the term they spell
    assert found(srv, f'"{spelled}"') == both
    assert found(srv, f'"{w1} {w2} {w3}"') == both
    assert found(srv, spelled) == both
    assert found(srv, f"{w1} {w2} {w3}") == both
    # words that do not spell it are searched as typed
    assert found(srv, f"{w3} {w1}") == {a_words, scattered}
    # excluded, with its synonym
    assert found(srv, f"{w3} -{abbr}") == {scattered}


def test_hyphen_and_space_variants_of_a_short_compound(srv, editor, section):
    compound, brand = short(), word("br")
    joined = compound.replace("-", "")
    spaced = compound.replace("-", " ")
    a_hyphen = create(srv, editor, section, title="Hyphenated", body=f"With {compound.upper()} given early.")
    a_joined = create(srv, editor, section, title="Joined", body=f"With {joined} given early.")
    a_brand = create(srv, editor, section, title="Brand", body=f"With {brand} given early.")
    assert found(srv, compound) == {a_hyphen}
    assert add_group(editor, f"{compound.upper()}, {brand}").status_code == 303
    every = {a_hyphen, a_joined, a_brand}
    for typed in (compound, joined, spaced, f'"{spaced}"', brand):
        assert found(srv, typed) == every, typed


def test_a_term_is_widened_within_the_query_limits(srv, editor, section):
    """Twelve terms of twelve-term groups: at most 20 alternatives are added, the page still answers."""
    groups = [[word("lm") for _ in range(12)] for _ in range(12)]
    for g in groups:
        assert add_group(editor, ", ".join(g)).status_code == 303
    last = create(srv, editor, section, title="Limits", body=" ".join(g[-1] for g in groups))
    # one group alone: every alternative fits
    assert found(srv, groups[-1][0]) == {last}
    # all twelve first terms ANDed: the first groups get alternatives, the last ones are searched as typed
    q = " ".join(g[0] for g in groups)
    slugs, html, _ = search(srv, q)
    assert slugs == []
    shown = re.search(r"Also searched for:(.*?)</p>", html, re.S)
    assert shown and len(re.findall(r'class="synonym"', shown.group(1))) == 20
    for g in groups:
        delete_group(editor, group_id(srv, g[0]))


# ---- gating ---------------------------------------------------------------------------------------------------

def test_a_synonym_in_a_gated_body_is_found_only_by_readers_of_its_level(srv, editor, section):
    brand, generic = word("br"), word("gn")
    gated = create(srv, editor, section, title="Gated synonym test", summary="A summary of nothing.",
                   body=f"Only the body names {generic} here.", audience="hcp")
    assert add_group(editor, f"{brand}, {generic}").status_code == 303
    hcp = make_staff(srv, "reader", name="Syn HCP")
    srv.execute("UPDATE user SET email_verified_at = strftime('%s','now'), profession = 'physician', "
                "hcp_declared = 1, hcp_status = 'none' WHERE email = ?", (hcp.email,))
    member = make_staff(srv, "reader", name="Syn member")
    assert found(srv, brand) == set()
    assert found(srv, brand, member.get) == set()
    slugs, _, items = search(srv, brand, hcp.get)
    assert slugs == [gated]
    assert f"<mark>{generic}</mark>" in items[0]
    # the title still finds it for everyone, without the body in the snippet
    _, _, items = search(srv, "Gated synonym test")
    assert items and generic not in items[0]


# ---- the back office ------------------------------------------------------------------------------------------

def test_the_list_shows_each_group_with_a_search_link(srv, editor):
    a, b = word("ls"), word("ls")
    assert add_group(editor, f"  {a} ,{b},, ").status_code == 303
    gid = group_id(srv, a)
    row = srv.query("SELECT terms FROM synonym_group WHERE id = ?", (gid,))[0]
    assert row["terms"] == f"{a}, {b}"  # tidied
    page = editor.get("/admin/synonyms")
    assert page.status_code == 200
    doc = parse_html(page.text)
    link = doc.find("a", href=f"/admin/synonyms/{gid}")
    assert link is not None and text_of(link) == f"{a}, {b}"
    assert doc.find("a", href=f"/search?q={a}") is not None
    assert srv.query("SELECT count(*) AS n FROM audit_log WHERE action = 'synonym.create' AND detail = ?",
                     (f"{a}, {b}",))[0]["n"] == 1


def test_an_edit_changes_results_at_once(srv, editor, section):
    a, b, c = word("ed"), word("ed"), word("ed")
    art = create(srv, editor, section, title="Edited group", body=f"Mentions {c} only.")
    assert add_group(editor, f"{a}, {b}").status_code == 303
    gid = group_id(srv, a)
    assert found(srv, a) == set()
    values = opened(editor, f"/admin/synonyms/{gid}", f"/admin/synonyms/{gid}")
    assert values["terms"] == f"{a}, {b}"
    r = editor.post(f"/admin/synonyms/{gid}", data={**values, "terms": f"{a}, {b}, {c}"})
    assert r.status_code == 303
    assert found(srv, a) == {art}


@pytest.mark.parametrize("terms, says", [
    ("", "Give the terms"),
    ("onlyone", "at least two terms"),
    ("alpha, ALPHA", "are the same term"),
    ("beta-one, beta one", "are the same term"),
    ("x, gammaword", "too short"),
    ("a" * 61 + ", delta", "at most 60 characters"),
    (", ".join(f"term{i}x" for i in range(13)), "at most 12 terms"),
    ("pembrolizumab, " + "z" * 20, "already in another group"),
    ("bell\x07, ring", None),
])
def test_a_bad_group_is_refused_with_a_reason(srv, editor, terms, says):
    before = srv.query("SELECT count(*) AS n FROM synonym_group", ())[0]["n"]
    r = add_group(editor, terms)
    assert r.status_code == 422, (terms, r.status_code)
    err = field_error(r.text)
    assert err, r.text[:500]
    if says:
        assert says in err, err
    # the form keeps what was typed
    form = parse_html(r.text).find("form", action="/admin/synonyms")
    assert dict(form_values(form)).get("terms") == terms or "\x07" in terms
    assert srv.query("SELECT count(*) AS n FROM synonym_group", ())[0]["n"] == before


def test_too_long_a_line_is_refused(srv, editor):
    r = add_group(editor, ", ".join(word("long") for _ in range(60)))
    assert r.status_code == 422 and field_error(r.text)


def test_a_site_holds_at_most_300_groups(srv, editor):
    have = srv.query("SELECT count(*) AS n FROM synonym_group WHERE site_id = ?", (SITE,))[0]["n"]
    tag = word("fill")
    for i in range(300 - have):
        srv.execute("INSERT INTO synonym_group (site_id, terms, created_at, updated_at) VALUES (?, ?, 0, 0)",
                    (SITE, f"{tag}a{i}, {tag}b{i}"))
    try:
        r = add_group(editor, f"{word()}, {word()}")
        assert r.status_code == 422 and "300" in field_error(r.text)
        assert "Add a group" not in editor.get("/admin/synonyms").text
        # an edit of one still works
        gid = group_id(srv, f"{tag}a0")
        values = opened(editor, f"/admin/synonyms/{gid}", f"/admin/synonyms/{gid}")
        assert editor.post(f"/admin/synonyms/{gid}", data={**values, "terms": f"{tag}a0, {tag}c0"}).status_code == 303
    finally:
        srv.execute("DELETE FROM synonym_group WHERE terms LIKE ?", (f"{tag}%",))


def test_delete_asks_then_goes_and_is_audited(srv, editor):
    a, b = word("dl"), word("dl")
    add_group(editor, f"{a}, {b}")
    gid = group_id(srv, a)
    confirm = editor.get(f"/admin/synonyms/{gid}/delete")
    assert confirm.status_code == 200 and a in confirm.text
    r = delete_group(editor, gid)
    assert r.status_code == 303 and r.headers["location"] == "/admin/synonyms?deleted=1"
    assert srv.query("SELECT count(*) AS n FROM synonym_group WHERE id = ?", (gid,))[0]["n"] == 0
    assert srv.query("SELECT count(*) AS n FROM audit_log WHERE action = 'synonym.delete' AND detail = ?",
                     (f"{a}, {b}",))[0]["n"] == 1
    assert editor.get(f"/admin/synonyms/{gid}").status_code == 404
    assert editor.get(f"/admin/synonyms/{gid}/delete").status_code == 404
    action = f"/admin/synonyms/{gid}/delete"
    token = opened(editor, "/admin/synonyms/new", "/admin/synonyms")
    assert editor.post(action, data=token).status_code == 404
    assert editor.get("/admin/synonyms/abc").status_code == 404


def test_readers_and_contributors_cannot_edit_synonyms(srv):
    reader = make_staff(srv, "reader", name="Syn Reader")
    contributor = make_staff(srv, "contributor", name="Syn Contributor")
    for who in (reader, contributor):
        for path in ("/admin/synonyms", "/admin/synonyms/new"):
            assert who.get(path).status_code == 403, path
        assert who.post("/admin/synonyms", data={"terms": "a1, b1"}).status_code == 403
    r = requests.get(srv.url("/admin/synonyms"), timeout=10, allow_redirects=False)
    assert r.status_code in (302, 303, 403)


def test_another_sites_groups_do_not_widen_this_ones_search(srv, editor, section):
    brand, generic = word("br"), word("gn")
    art = create(srv, editor, section, title="Other site", body=f"About {generic}.")
    srv.execute("INSERT INTO synonym_group (site_id, terms, created_at, updated_at) VALUES (2, ?, 0, 0)",
                (f"{brand}, {generic}",))
    assert found(srv, brand) == set()
    assert found(srv, generic) == {art}
    # the dermatology site's own search widens it, the oncology site's (searched in between) still not
    host = srv.query("SELECT host FROM site WHERE id = 2", ())[0]["host"]
    for _ in range(2):
        r = requests.get(srv.url("/search?" + urlencode({"q": brand})), headers={"Host": f"{host}:{srv.port}"},
                         timeout=10)
        assert r.status_code == 200 and re.search(r"Also searched for:.*" + generic, r.text), r.text[-2000:]
        assert "Also searched for" not in search(srv, brand)[1]


def test_a_group_written_by_another_node_counts_within_a_tick(srv, editor, section):
    """Another process (a node sharing the database) adds a group: this server's cached page and the groups
    its threads keep give way, from the change log, within the scheduler's tick."""
    brand, generic = word("nd"), word("nd")
    art = create(srv, editor, section, title="Another node", body=f"About {generic}.")
    for _ in range(3):  # every worker thread has read this site's groups, and the page is cached
        assert found(srv, brand) == set()
    srv.execute("INSERT INTO synonym_group (site_id, terms, created_at, updated_at) VALUES (?, ?, 0, 0)",
                (SITE, f"{brand}, {generic}"))
    # a tick is 200 ms, but the scheduler's thread also runs search upkeep and related scoring between ticks,
    # which under the sanitizers (make check) took over 5 s once: the bound is generous, a change the
    # scheduler never reads still fails it
    deadline = time.monotonic() + 20
    while found(srv, brand) != {art} and time.monotonic() < deadline:
        time.sleep(0.1)
    assert found(srv, brand) == {art}
