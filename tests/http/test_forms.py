"""The consent banner and the contact form: tokens, origins, redirects, cookies, errors, storage."""
import hashlib
import hmac
import re
import time
import uuid

import pytest

from conftest import (SERVER, db, default_site, form_token, get, h1_text, host_header, main_of, page, parse_html,
                      post, text_of, visible_articles)

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def token(path="/cookies", **kw):
    return form_token(get(path, **kw).text)


def consent(choice, ret="/", **extra):
    return post("/consent", data={"form_token": token(), "choice": choice, "return": ret, **extra})


def cookie_attributes(set_cookie):
    parts = [p.strip() for p in set_cookie.split(";")]
    name, _, value = parts[0].partition("=")
    attrs = {}
    for p in parts[1:]:
        k, _, v = p.partition("=")
        attrs[k.lower()] = v
    return name, value, attrs


def video_article():
    rows = visible_articles("a.audience = 'public' AND a.video_url LIKE 'https://%youtu%'")
    assert rows, "the demo has no public article with a YouTube video"
    return rows[0]


# ---- the consent banner ----------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/congresses", "/privacy", "/no-such-page"])
def test_first_visit_shows_the_banner_and_sets_no_cookie(path):
    r = get(path)
    assert r.status_code in (200, 404)
    assert "set-cookie" not in {k.lower() for k in r.headers}, r.headers.get("set-cookie")
    doc = parse_html(r.text)
    banner = doc.find("section", class_="consent")
    assert banner is not None, "no consent banner"
    forms = list(banner.find_all("form"))
    assert len(forms) == 2
    choices = []
    for f in forms:
        assert f.get("method") == "post" and f.get("action") == "/consent"
        assert f.find("input", name="form_token").get("value")
        assert f.find("input", name="return").get("value") == path
        b = f.find("button")
        choices.append((b.get("name"), b.get("value"), text_of(b)))
    assert choices == [("choice", "accepted", "Accept"), ("choice", "rejected", "Reject")]


def test_no_page_sets_a_cookie_before_a_choice():
    for path in ("/", f"/article/{video_article()['slug']}", "/contact", "/cookies", "/tags", "/?page=2",
                 "/static/site.css", "/healthz"):
        r = get(path)
        assert "set-cookie" not in {k.lower() for k in r.headers}, path


@pytest.mark.parametrize("choice", ["rejected", "accepted"])
def test_consent_choice_redirects_back_and_sets_the_cookie(choice):
    r = consent(choice, "/congresses?x=1")
    assert r.status_code == 303
    assert r.headers.get("location") == "/congresses?x=1"
    cookies = r.raw.headers.getlist("set-cookie")
    assert len(cookies) == 1, cookies
    name, value, attrs = cookie_attributes(cookies[0])
    assert (name, value) == ("plenary_consent", choice)
    assert "httponly" in attrs
    assert attrs.get("samesite", "").lower() == "lax"
    assert attrs.get("path") == "/"
    assert int(attrs.get("max-age", "0")) > 0


@pytest.mark.parametrize("choice", ["rejected", "accepted"])
def test_banner_is_gone_once_chosen(choice):
    r, doc = page("/", cookies={"plenary_consent": choice})
    assert doc.find("section", class_="consent") is None
    assert 'action="/consent"' not in r.text
    assert "set-cookie" not in {k.lower() for k in r.headers}
    _, doc = page("/cookies", cookies={"plenary_consent": choice})
    assert f"Your current choice: {choice}." in text_of(main_of(doc))


def test_unknown_consent_value_shows_the_banner_again():
    _, doc = page("/", cookies={"plenary_consent": "maybe"})
    assert doc.find("section", class_="consent") is not None


@pytest.mark.parametrize("ret", ["//evil.example/", "https://evil.example/", "/\\evil.example", "evil", "",
                                 "/\x7fx"])
def test_consent_never_redirects_off_site(ret):
    r = consent("rejected", ret)
    assert r.status_code == 303
    assert r.headers.get("location") == "/cookies?saved=1"


def test_consent_without_a_choice_is_400():
    r = post("/consent", data={"form_token": token(), "choice": "whatever", "return": "/"})
    assert r.status_code == 400
    assert "set-cookie" not in {k.lower() for k in r.headers}


def test_video_is_embedded_only_after_accepting():
    a = video_article()
    path = f"/article/{a['slug']}"
    _, doc = page(path, cookies={"plenary_consent": "accepted"})
    frames = list(doc.find_all("iframe"))
    assert len(frames) == 1
    src = frames[0].get("src")
    # enablejsapi: the transcript seeks the player by postMessage
    assert src.startswith("https://www.youtube-nocookie.com/embed/") and src.endswith("?enablejsapi=1"), src
    assert len(src.rsplit("/", 1)[1].split("?")[0]) == 11, src
    assert frames[0].get("title")
    for cookie in ({"plenary_consent": "rejected"}, None):
        r, doc = page(path, cookies=cookie)
        assert doc.find("iframe") is None, cookie
        # nothing the browser would load from YouTube: the VideoObject's embedUrl is data for search engines
        html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", r.text, flags=re.S)
        assert "youtube-nocookie" not in html
        video = doc.find("section", class_="video")
        assert video is not None and video.find("a", href=a["video_url"]) is not None
        assert video.find("a", href="/cookies") is not None


def test_consent_from_the_banner_then_the_video_plays():
    # the whole flow as a browser without JavaScript makes it
    a = video_article()
    path = f"/article/{a['slug']}"
    first = get(path)
    doc = parse_html(first.text)
    form = next(f for f in doc.find("section", class_="consent").find_all("form")
                if f.find("button").get("value") == "accepted")
    data = {i.get("name"): i.get("value") for i in form.find_all("input")}
    data["choice"] = "accepted"
    r = post("/consent", data=data, headers={"Origin": f"http://127.0.0.1:{SERVER.port}",
                                             "Referer": f"http://127.0.0.1:{SERVER.port}{path}"})
    assert r.status_code == 303 and r.headers["location"] == path
    _, doc = page(path, cookies={"plenary_consent": r.cookies.get("plenary_consent")})
    assert doc.find("iframe") is not None


# ---- tokens and origins ----------------------------------------------------------------------------------

def assert_forbidden_page(r):
    assert r.status_code == 403
    doc = parse_html(r.text)
    assert h1_text(doc) == "This form has expired"
    assert "token" in text_of(main_of(doc))
    retry = main_of(doc).find("a", class_="button")
    assert retry is not None and retry.get("href") and "again" in text_of(retry)
    assert "set-cookie" not in {k.lower() for k in r.headers}
    return retry.get("href")


def test_consent_without_token_is_403_with_a_retry_link():
    r = post("/consent", data={"choice": "rejected", "return": "/"})
    assert assert_forbidden_page(r) == "/"


@pytest.mark.parametrize("forged", ["0.00000000000000000000000000000000", "garbage", "", "x" * 200, "TOKEN+1",
                                    "OTHER HOUR"])
def test_consent_with_a_forged_token_is_403(forged):
    good = token()
    hour = int(good.split(".")[0], 16)
    if forged == "TOKEN+1":  # right hour, wrong signature
        forged = good[:-1] + ("0" if good[-1] != "0" else "1")
    elif forged == "OTHER HOUR":  # this hour's signature under another hour
        forged = f"{hour - 1:x}." + good.split(".")[1]
    r = post("/consent", data={"form_token": forged, "choice": "rejected", "return": "/"})
    assert_forbidden_page(r)


def signed_token(hour):
    """A token as the server signs it (HMAC-SHA256 with the key kept in the database)."""
    with db() as c:
        key = bytes.fromhex(c.execute("SELECT value FROM setting WHERE name = 'form_key'").fetchone()[0])
    mac = hmac.new(key, f"form:{hour}:".encode(), hashlib.sha256).hexdigest()[:32]  # anonymous: no session part
    return f"{hour:x}.{mac}"


def test_tokens_last_48_hours():
    current = token()
    hour = int(current.split(".")[0], 16)
    assert signed_token(hour) == current, "the test signs tokens differently from the server"
    for age, ok in ((0, True), (47, True), (49, False), (24 * 30, False), (-1, False)):
        r = post("/consent", data={"form_token": signed_token(hour - age), "choice": "rejected", "return": "/"})
        assert r.status_code == (303 if ok else 403), f"a token {age} hours old"


def test_retry_link_goes_back_to_the_form_of_this_site():
    back = f"http://127.0.0.1:{SERVER.port}/contact"
    r = post("/contact", data={"form_token": "bad", "name": "x"}, headers={"Referer": back})
    assert assert_forbidden_page(r) == back


@pytest.mark.parametrize("headers", [{"Origin": "http://evil.example"}, {"Origin": "null"},
                                     {"Referer": "http://evil.example/page"},
                                     {"Origin": "http://127.0.0.1:1"}])
def test_cross_origin_post_is_403_even_with_a_valid_token(headers):
    r = post("/consent", data={"form_token": token(), "choice": "accepted", "return": "/"}, headers=headers)
    href = assert_forbidden_page(r)
    assert "evil" not in href


def test_same_origin_post_is_accepted():
    r = post("/consent", data={"form_token": token(), "choice": "accepted", "return": "/"},
             headers={"Origin": f"http://127.0.0.1:{SERVER.port}"})
    assert r.status_code == 303


@pytest.mark.parametrize("ctype", ["text/plain", "multipart/form-data; boundary=x", "application/json", None])
def test_wrong_content_type_is_415(ctype):
    headers = {"Content-Type": ctype} if ctype else {}
    body = f"form_token={token()}&choice=accepted"
    r = post("/consent", data=body.encode(), headers=headers)
    assert r.status_code == 415
    assert "application/x-www-form-urlencoded" in r.text
    assert "set-cookie" not in {k.lower() for k in r.headers}


# ---- the contact form ------------------------------------------------------------------------------------

FIELDS = ["name", "email", "topic", "message", "agree"]


def contact(fields, **kw):
    data = {"form_token": token("/contact"), **fields}
    return post("/contact", data=data, **kw)


def good_fields(**over):
    fields = {"name": "Dr Ada Example", "email": "ada@example.org", "topic": "correction",
              "message": f"Please fix a typo in the ALEXANDRA article. Ref {uuid.uuid4().hex}", "agree": "yes"}
    fields.update(over)
    return {k: v for k, v in fields.items() if v is not None}


def field_errors(doc):
    return {p.get("id")[len("error-"):]: text_of(p) for p in doc.find_all("p", class_="field-error")}


def test_empty_contact_submit_is_422_with_every_error():
    r = contact({})
    assert r.status_code == 422
    doc = parse_html(r.text)
    errors = field_errors(doc)
    assert sorted(errors) == sorted(FIELDS)
    assert all(errors.values())
    summary = doc.find("div", class_="error-summary")
    assert summary is not None and summary.get("role") == "alert"
    links = [(a.get("href"), text_of(a)) for a in summary.find_all("a")]
    assert links == [(f"#field-{f}", errors[f]) for f in FIELDS]
    for f in FIELDS:
        assert doc.find(id=f"field-{f}") is not None, f"the summary links to a missing #field-{f}"


def test_error_summary_counts_in_plural():
    r = contact({})
    doc = parse_html(r.text)
    assert text_of(doc.find("div", class_="error-summary").find("h2")) == "Please correct 5 problems"
    r = contact(good_fields(email="nope"))
    doc = parse_html(r.text)
    assert text_of(doc.find("div", class_="error-summary").find("h2")) == "Please correct 1 problem"


def test_contact_errors_are_tied_to_their_fields():
    # screen readers announce a field's error only when the field points to it
    doc = parse_html(contact({}).text)
    for f in FIELDS:
        control = doc.find(id=f"field-{f}")
        assert control.get("aria-invalid") == "true", f
        assert f"error-{f}" in (control.get("aria-describedby") or "").split(), f


def test_invalid_email_keeps_the_typed_values_escaped():
    tricky = '<b>"x"</b> & \'y\''
    fields = good_fields(name=tricky, email="not-an-email", message=f"{tricky} </textarea><script>alert(1)</script>")
    r = contact(fields)
    assert r.status_code == 422
    doc = parse_html(r.text)
    assert list(field_errors(doc)) == ["email"]
    assert doc.find("input", name="name").get("value") == fields["name"]
    assert doc.find("input", name="email").get("value") == "not-an-email"
    assert doc.find("textarea", name="message").text() == fields["message"]
    assert "checked" in doc.find("input", name="agree").attrs
    selected = [o.get("value") for o in doc.find("select", name="topic").find_all("option") if "selected" in o.attrs]
    assert selected == ["correction"]
    assert '<b>"x"</b>' not in r.text
    assert "<script>alert(1)</script>" not in r.text
    assert "&lt;b&gt;&quot;x&quot;&lt;/b&gt;" in r.text or "&lt;b&gt;&#34;x&#34;&lt;/b&gt;" in r.text


def stored(message):
    with db() as c:
        return c.execute("SELECT * FROM contact_message WHERE message = ?", (message,)).fetchall()


def test_valid_contact_submit_is_stored_and_thanked():
    fields = good_fields()
    before = int(time.time()) - 5
    r = contact(fields)
    assert r.status_code == 303
    assert r.headers.get("location") == "/contact?sent=1"
    rows = stored(fields["message"])
    assert len(rows) == 1
    row = rows[0]
    assert (row["name"], row["email"], row["topic"]) == (fields["name"], fields["email"], fields["topic"])
    assert row["site_id"] == default_site()["id"]
    assert before <= row["created_at"] <= int(time.time()) + 5
    _, doc = page("/contact?sent=1")
    notice = doc.find("p", class_="notice")
    assert notice is not None and "Thank you" in text_of(notice) and notice.get("role") == "status"
    _, doc = page("/contact")
    assert doc.find("p", class_="notice") is None


def test_contact_on_a_sister_site_is_stored_for_that_site():
    with db() as c:
        derm = c.execute("SELECT id FROM site WHERE host = 'dermatology.localhost'").fetchone()
    assert derm is not None
    fields = good_fields()
    data = {"form_token": token("/contact", headers=host_header("dermatology.localhost")), **fields}
    r = post("/contact", data=data, headers=host_header("dermatology.localhost"))
    assert r.status_code == 303
    assert [x["site_id"] for x in stored(fields["message"])] == [derm["id"]]


@pytest.mark.parametrize("over,field,message_part", [
    ({"message": "x" * 5001}, "message", "at most 5,000"),
    ({"message": "é" * 5001}, "message", "at most 5,000"),
    ({"message": "too short"}, "message", "at least 10"),
    ({"name": "n" * 101}, "name", "at most 100"),
    ({"topic": "bribery"}, "topic", "Choose"),
    ({"agree": None}, "agree", "Agree"),
    ({"email": "a@b"}, "email", "name@example.org"),
    ({"email": "a@@example.org"}, "email", "name@example.org"),
])
def test_contact_rejects_bad_fields(over, field, message_part):
    fields = good_fields(**over)
    r = contact(fields)
    assert r.status_code == 422
    errors = field_errors(parse_html(r.text))
    assert list(errors) == [field]
    assert message_part in errors[field]
    assert stored(fields["message"]) == []


def test_contact_accepts_5000_characters():
    fields = good_fields()
    fields["message"] = (fields["message"] + " " + "é" * 5000)[:5000]
    r = contact(fields)
    assert r.status_code == 303
    assert len(stored(fields["message"])) == 1


# ---- broken form bodies ----------------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "&".join(f"f{i}=v" for i in range(129)),  # more fields than any form has (FORM_MAX_FIELDS is 128)
    "form_token=x&choice=%zz",  # a broken percent escape
    "form_token=x&choice=accepted%00",  # a NUL byte
])
def test_unreadable_form_is_400(body):
    r = post("/consent", data=body.encode(), headers=FORM)
    assert r.status_code == 400
    assert "could not be read" in text_of(main_of(parse_html(r.text)))
    assert "set-cookie" not in {k.lower() for k in r.headers}
