"""A video's transcript in search (migration 029): its words find the article, gated exactly like the body.

A reader finds an article by a word said in its video only when they may read the article's body (public,
members, HCP, verified HCP), and never sees a snippet from a transcript they may not read; a change to the
transcript or its removal is searched at once; a word in the title ranks above the same word in the body,
which ranks above it in the transcript. The transcripts are written straight into article_video (028), as
the back office will; the articles are saved through the editor form. Both engines (conftest).
"""
import os
import re
import tempfile
import time
import uuid
from urllib.parse import urlencode

import pytest
import requests

from conftest import form_values, make_demo_database, make_staff, parse_html, start_plenary

SITE = 1
AUDIENCES = ("public", "members", "hcp", "verified_hcp")  # in order: a level reads its own and those before
LEVELS = ("anonymous", "member", "hcp", "verified_hcp")


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-vsearch-") as tmp:
        s = start_plenary(tmp, make_demo_database(tmp), {"outbox": os.path.join(tmp, "outbox")},
                          name="vsearch-server")
        yield s
        rc = s.stop()
        assert rc == 0, f"the video search server exited with {rc}; log tail:\n{s.log()[-3000:]}"


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Video Search Editor")


@pytest.fixture(scope="module")
def section(srv):
    return srv.query("SELECT id FROM section WHERE site_id = ? ORDER BY id LIMIT 1", (SITE,))[0]["id"]


@pytest.fixture(scope="module")
def readers(srv):
    """A fetch per level: anonymous, then readers signed in as a member, an HCP and a verified HCP."""
    now = int(time.time())
    member = make_staff(srv, "reader", name="Video member")
    srv.execute("UPDATE user SET email_verified_at = ?, profession = 'not_hcp', hcp_declared = 0 WHERE email = ?",
                (now, member.email))
    hcp = make_staff(srv, "reader", name="Video HCP")
    srv.execute("UPDATE user SET email_verified_at = ?, profession = 'physician', hcp_declared = 1, "
                "hcp_status = 'none' WHERE email = ?", (now, hcp.email))
    verified = make_staff(srv, "reader", name="Video verified HCP")
    srv.execute("UPDATE user SET email_verified_at = ?, profession = 'physician', hcp_declared = 1, "
                "hcp_status = 'verified', hcp_method = 'licence', hcp_evidence = 'test', hcp_decided_at = ? "
                "WHERE email = ?", (now, now, verified.email))
    anonymous = lambda path: requests.get(srv.url(path), timeout=10, allow_redirects=False)  # noqa: E731
    return {"anonymous": anonymous, "member": member.get, "hcp": hcp.get, "verified_hcp": verified.get}


def word(prefix="zv"):
    """A made-up word no article holds, that stemming leaves alone."""
    return f"{prefix}{uuid.uuid4().hex[:10]}x"


def search(srv, q, fetch=None):
    """(slugs of the results in order, the result <li>s' HTML) of /search?q=q."""
    path = "/search?" + urlencode({"q": q})
    r = fetch(path) if fetch else requests.get(srv.url(path), timeout=10, allow_redirects=False)
    assert r.status_code == 200, f"{q!r}: {r.status_code}"
    items = re.findall(r'<li class="result">(.*?)</li>', r.text, re.S)
    slugs = [re.search(r'href="/article/([^"]+)"', x).group(1) for x in items]
    return slugs, items


def found(srv, q, fetch=None):
    slugs, _ = search(srv, q, fetch)
    assert len(slugs) == len(set(slugs)), slugs
    return set(slugs)


def editor_form(doc):
    for form in doc.find_all("form"):
        if re.fullmatch(r"/admin/articles(/\d+)?", form.get("action") or "") and form.get("method") == "post":
            return form
    raise AssertionError("no editor form")


def create(srv, staff, section, age=3600, **over):
    """A published article (published `age` seconds ago) saved through the editor form: (id, slug)."""
    r = staff.get("/admin/articles/new")
    data = dict(form_values(editor_form(parse_html(r.text))))
    n = uuid.uuid4().hex[:8]
    data.update({"title": f"Video search test {n}", "slug": "", "summary": f"A summary ({n}).",
                 "body": f"A body paragraph ({n}).", "section": str(section), "audience": "public",
                 "status": "published",
                 "published": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(time.time() - age)),
                 "action": "save"})
    data.update(over)
    r = staff.post("/admin/articles", data=data)
    assert r.status_code == 303, f"the save answered {r.status_code}: {r.text[:300]}"
    article_id = int(re.fullmatch(r"/admin/articles/(\d+)\?saved=1", r.headers["location"]).group(1))
    return article_id, srv.query("SELECT slug FROM article WHERE id = ?", (article_id,))[0]["slug"]


def transcript_lines(*lines):
    """A transcript as 028 keeps it: canonical lines, and their words alone for search."""
    canonical = "\n".join(f"[0:{10 + i:02d}] {line}" for i, line in enumerate(lines))
    return canonical, "\n".join(lines)


def set_video(srv, article_id, *lines):
    canonical, plain = transcript_lines(*lines)
    srv.execute("INSERT INTO article_video (article_id, transcript, transcript_plain, updated_at) "
                "VALUES (?, ?, ?, ?)", (article_id, canonical, plain, int(time.time())))


def found_soon(srv, q, fetch, want, within=5.0):
    """Whether q's results become `want` within a few seconds: a change written straight into the database
    (another process's, as these are) reaches the server's page cache at its scheduler's next tick."""
    until = time.monotonic() + within
    while True:
        got = found(srv, q, fetch)
        if got == want or time.monotonic() > until:
            return got
        time.sleep(0.2)


def marked(item):
    return [m.lower() for m in re.findall(r"<mark>(.*?)</mark>", item)]


# ---- gating ---------------------------------------------------------------------------------------------------

def test_a_word_said_in_the_video_finds_exactly_what_each_level_may_read(srv, editor, section, readers):
    said = word("sd")
    by_audience = {}
    for audience in AUDIENCES:
        article_id, slug = create(srv, editor, section, audience=audience,
                                  title=f"Interview for {audience.replace('_', ' ')} readers")
        set_video(srv, article_id, "Moderator: welcome to the panel.",
                  f"Dr Stone: the {said} arm did better at two years.")
        by_audience[audience] = slug
    # an article without a video, and one whose video says something else, are never found
    create(srv, editor, section, title="No video here")
    other_id, _ = create(srv, editor, section, title="Another interview")
    set_video(srv, other_id, f"Dr Stone: nothing about {word('ot')}.")
    for level_no, level in enumerate(LEVELS):
        fetch = readers[level]
        want = {by_audience[a] for a in AUDIENCES[:level_no + 1]}
        slugs, items = search(srv, said, fetch)
        assert set(slugs) == want, f"{level} found {slugs}, may read {sorted(want)}"
        # the snippet is the transcript's line, the word marked
        for slug, item in zip(slugs, items):
            assert said in marked(item), f"{level}, {slug}: {item}"
            assert "the <mark>" in item and "arm did better" in item, item
        # the same by a prefix of the word, and beside another word of the transcript
        assert found(srv, said[:9] + "*", fetch) == want, level
        assert found(srv, f"{said} welcome", fetch) == want, level
        assert found(srv, f"{said} -welcome", fetch) == set(), level


def test_a_transcript_the_reader_may_not_read_is_never_their_snippet(srv, editor, section, readers):
    """Every level finds the four articles by their title; only a transcript they may read is shown."""
    topic, secret = word("tp"), word("sc")
    by_audience = {}
    for audience in AUDIENCES:
        article_id, slug = create(srv, editor, section, audience=audience, title=f"Panel on {topic} ({audience})",
                                  summary="What the panel said.", body="The written report.")
        set_video(srv, article_id, f"Chair: on {topic} the {secret} data were mature.")
        by_audience[audience] = slug
    for level_no, level in enumerate(LEVELS):
        slugs, items = search(srv, topic, readers[level])
        assert set(slugs) == set(by_audience.values()), (level, slugs)
        snippet = dict(zip(slugs, items))
        for a_no, audience in enumerate(AUDIENCES):
            item = snippet[by_audience[audience]]
            if a_no <= level_no:
                # the match beyond the title is in the transcript: the snippet comes from there
                assert topic in marked(item) and secret in item, (level, audience, item)
            else:
                assert secret not in item, f"{level} sees the {audience} transcript: {item}"
                assert "What the panel said." in item, (level, audience, item)  # the summary stands in
        # nor does the word only the transcript holds find anything above the level
        want = {by_audience[a] for a in AUDIENCES[:level_no + 1]}
        assert found(srv, secret, readers[level]) == want, level
        assert found(srv, f"{topic} {secret}", readers[level]) == want, level
        assert found(srv, f'"{topic} the {secret}"', readers[level]) == want, level
        # excluding it leaves out only what the reader may read: a transcript above them tells nothing
        assert found(srv, f"{topic} -{secret}", readers[level]) == set(by_audience.values()) - want, level


def test_a_transcript_word_is_not_a_public_suggestion(srv, editor, section):
    """"Did you mean" learns from public words only: a transcript is gated like the body, so it is not one."""
    said, titled = word("sg"), word("sg")
    article_id, _ = create(srv, editor, section, title=f"Suggestions {titled}")
    set_video(srv, article_id, f"Speaker: {said}.")
    assert srv.query("SELECT count(*) AS n FROM search_term WHERE term = ?", (said,))[0]["n"] == 0
    # a near miss of the title's word is corrected to it, a near miss of the transcript's is not
    r = requests.get(srv.url("/search?" + urlencode({"q": titled[:-1] + "q"})), timeout=10)
    assert r.status_code == 200 and titled in r.text
    r = requests.get(srv.url("/search?" + urlencode({"q": said[:-1] + "q"})), timeout=10)
    assert r.status_code == 200 and said not in r.text


# ---- changes --------------------------------------------------------------------------------------------------

def test_a_changed_or_removed_transcript_is_searched_at_once(srv, editor, section, readers):
    before, after = word("bf"), word("af")
    article_id, slug = create(srv, editor, section, title="Changing transcript")
    set_video(srv, article_id, f"Speaker: {before} first.")
    fetches = (None, readers["member"])
    for fetch in fetches:  # both pages cached now: a change must reach them
        assert found(srv, before, fetch) == {slug}
        assert found(srv, after, fetch) == set()
    _, plain = transcript_lines(f"Speaker: {after} instead.")
    srv.execute("UPDATE article_video SET transcript_plain = ?, updated_at = ? WHERE article_id = ?",
                (plain, int(time.time()), article_id))
    for fetch in fetches:
        assert found_soon(srv, before, fetch, set()) == set()
        assert found_soon(srv, after, fetch, {slug}) == {slug}
    srv.execute("DELETE FROM article_video WHERE article_id = ?", (article_id,))
    for fetch in fetches:
        assert found_soon(srv, after, fetch, set()) == set()
    # the article itself is still found by its title
    assert slug in found(srv, '"Changing transcript"')


def test_an_audience_raised_takes_the_transcript_with_the_body(srv, editor, section, readers):
    said = word("au")
    article_id, slug = create(srv, editor, section, title="Raised audience")
    set_video(srv, article_id, f"Speaker: {said}.")
    assert found(srv, said) == {slug}
    srv.execute("UPDATE article SET audience = 'hcp' WHERE id = ?", (article_id,))
    assert found_soon(srv, said, None, set()) == set()
    assert found_soon(srv, said, readers["member"], set()) == set()
    assert found_soon(srv, said, readers["hcp"], {slug}) == {slug}


# ---- ranking --------------------------------------------------------------------------------------------------

def test_the_title_ranks_above_the_body_above_the_transcript(srv, editor, section):
    term = word("rk")
    # the older articles hold the word where it weighs more: recency alone would put them last
    _, in_title = create(srv, editor, section, age=3 * 3600, title=f"All about {term}")
    _, in_body = create(srv, editor, section, age=2 * 3600, title="Second", body=f"The {term} arm did well.")
    said_id, in_transcript = create(srv, editor, section, age=600, title="Third")
    # said three times: many mentions in speech still weigh less than one written in the body
    set_video(srv, said_id, f"Dr Lee: {term} helped.", f"Dr Kim: {term} again.", f"Dr Lee: yes, {term}.")
    slugs, _ = search(srv, term)
    assert slugs == [in_title, in_body, in_transcript]
    # one mention in the body against one in a newer transcript
    term2 = word("rb")
    _, body_once = create(srv, editor, section, age=2 * 3600, title="Body once", body=f"Once {term2} here.")
    said2, said_once = create(srv, editor, section, age=60, title="Said once")
    set_video(srv, said2, f"Speaker: once {term2} here.")
    assert search(srv, term2)[0] == [body_once, said_once]
