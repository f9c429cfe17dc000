"""Refusals made where no request is at hand (the caption, chapter and transcript parsers, the image resizing,
the video probe on the image threads) reach the editor in the editor's own language, their values (lines,
sizes) in place; and the keys the C code names are in every catalog and in the checked list."""
import glob
import html
import json
import os
import re
import subprocess
import tempfile

import pytest

from conftest import REPO, form_values, make_demo_database, make_staff, parse_html, start_plenary, text_of

I18N = os.path.join(REPO, "themes", "default", "i18n")


def flat(d, prefix=""):
    out = {}
    for k, v in d.items():
        if isinstance(v, dict) and not set(v) <= {"one", "other"}:
            out.update(flat(v, prefix + k + "."))
        else:
            out[prefix + k] = v
    return out


def catalog(lang):
    with open(os.path.join(I18N, lang + ".json"), encoding="utf-8") as f:
        return flat(json.load(f))


def said(lang, key, **values):
    """The message of key in lang with its placeholders filled, as the server says it."""
    text = catalog(lang)[key]
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    assert "{" not in text, text
    return text


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-i18n-errors-") as tmp:
        media_dir = os.path.join(tmp, "media")
        s = start_plenary(tmp, make_demo_database(tmp), {"media_dir": media_dir}, name="i18n-errors")
        s.tmp = tmp
        yield s
        rc = s.stop()
        assert rc == 0, f"the server exited with {rc}; log tail:\n{s.log()[-3000:]}"


@pytest.fixture(scope="module")
def editor(srv):
    return make_staff(srv, "editor", name="Émile Erreur")


def speak(staff, lang):
    """Sets the editor's own language on /account ("" for the site's)."""
    page = staff.get("/account")
    assert page.status_code == 200
    form = parse_html(page.text).find("form", action="/account/language")
    r = staff.post("/account/language", data={**dict(form_values(form)), "language": lang})
    assert r.status_code == 303, r.text


def article_id(srv):
    return srv.query("SELECT id FROM article WHERE status = 'published' ORDER BY id LIMIT 1")[0]["id"]


BAD_VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHello\n\n00:00:05.000 --> 00:00:04.000\nBackwards\n"


def caption_refusal(srv, editor):
    aid = article_id(srv)
    r = editor.submit(f"/admin/articles/{aid}/video", f"/admin/articles/{aid}/captions",
                      {"lang": "en", "label": "", "vtt": BAD_VTT})
    assert r.status_code == 422, r.status_code
    return html.unescape(r.text)


def upload_chunked(editor, data, name, ctype):
    """The uploader's way (JSON): the whole file in one chunk; the final answer."""
    token = editor.token("/admin/media")
    r = editor.post("/admin/uploads", data={"name": name, "size": str(len(data)), "type": ctype,
                                             "alt": "A refused file", "credit": "", "form_token": token})
    assert r.status_code == 201, (r.status_code, r.text)
    return editor.post(r.json()["url"], data=data, timeout=60, headers={
        "Content-Type": "application/offset+octet-stream", "Upload-Offset": "0", "X-Form-Token": token})


@pytest.fixture(scope="module")
def sound_only(srv):
    """An M4A file: an MP4 by its bytes, with sound and no picture: the probe refuses it."""
    path = os.path.join(srv.tmp, "sound.m4a")
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440",
                    "-t", "1", "-c:a", "aac", path], check=True)
    with open(path, "rb") as f:
        return f.read()


def test_a_french_editor_reads_a_broken_caption_file_refused_in_french_with_its_line(srv, editor):
    english = caption_refusal(srv, editor)
    want_en = said("en", "admin.video.error.vtt.end_before_start", line=6, end="00:00:04.000",
                   start="00:00:05.000")
    assert want_en == "Line 6: the cue's end (00:00:04.000) is before its start (00:00:05.000)."
    assert want_en in english
    speak(editor, "fr")
    try:
        french = caption_refusal(srv, editor)
        assert said("fr", "admin.video.error.vtt.end_before_start", line=6, end="00:00:04.000",
                    start="00:00:05.000") in french
        assert "Ligne 6" in french and "Line 6" not in french
    finally:
        speak(editor, "")


def test_transcript_and_chapter_refusals_follow_the_editor_s_language(srv, editor):
    aid = article_id(srv)
    path = f"/admin/articles/{aid}/video"
    speak(editor, "fr")
    try:
        r = editor.submit(path, path, {"action": "save", "file_id": "0", "duration": "", "poster_id": "",
                                       "chapters": "0:30 Début\n0:10 Fin\n",
                                       "transcript": "[0:10] A: un\n[0:05] B: deux\n"})
        assert r.status_code == 422
        page = html.unescape(r.text)
        assert said("fr", "admin.video.error.chapters.not_after", line=2, time="0:10", previous="0:30") in page
        assert said("fr", "admin.video.error.transcript.backwards", line=2, time="0:05", previous="0:10") in page
    finally:
        speak(editor, "")


def test_a_non_video_upload_is_refused_in_french_then_in_dutch(srv, editor, sound_only):
    r = upload_chunked(editor, sound_only, "interview.mp4", "video/mp4")
    assert r.status_code == 422, (r.status_code, r.text)
    assert r.json()["error"] == said("en", "admin.media.error.video.no_video")
    speak(editor, "fr")
    try:
        r = upload_chunked(editor, sound_only, "interview.mp4", "video/mp4")
        assert r.status_code == 422, (r.status_code, r.text)
        assert r.json()["error"] == said("fr", "admin.media.error.video.no_video")
        assert r.json()["error"].startswith("Ce fichier n’a pas de piste vidéo")
        # bytes that are no video at all are refused before the probe, in French too
        r = upload_chunked(editor, b"%PDF-1.7\n" + b"x" * 4000, "slides.mp4", "video/mp4")
        assert r.status_code == 415 and r.json()["error"] == said("fr", "admin.media.error.not_video")
        speak(editor, "nl")
        r = upload_chunked(editor, sound_only, "interview.mp4", "video/mp4")
        assert r.status_code == 422, (r.status_code, r.text)
        assert r.json()["error"] == said("nl", "admin.media.error.video.no_video")
        assert r.json()["error"].startswith("Dit bestand heeft geen videospoor")
        # and a broken caption file in Dutch, its line in place
        dutch = caption_refusal(srv, editor)
        assert said("nl", "admin.video.error.vtt.end_before_start", line=6, end="00:00:04.000",
                    start="00:00:05.000") in dutch
    finally:
        speak(editor, "")
    assert srv.query("SELECT count(*) AS n FROM video_file")[0]["n"] == 0


def test_a_damaged_image_is_refused_in_french_with_its_kind(srv, editor):
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 12  # a PNG's signature, then nothing an image is made of
    speak(editor, "fr")
    try:
        token = editor.token("/admin/media", "/admin/media")
        r = editor.post("/admin/media", data={"form_token": token, "alt": "Une image abîmée", "credit": ""},
                        files={"file": ("abime.png", png, "image/png")})
        assert r.status_code == 422, r.status_code
        errors = {p.get("id"): text_of(p) for p in parse_html(r.text).find_all("p", class_="field-error")}
        want = said("fr", "admin.media.error.unreadable", kind="PNG").replace("\xa0", " ")  # text_of's spaces
        assert errors.get("error-file") == want, errors
    finally:
        speak(editor, "")


def test_keys_core_and_jobs_name_are_in_every_catalog_and_the_checked_list():
    with open(os.path.join(REPO, "src", "core", "catalog_admin.c"), encoding="utf-8") as f:
        listed = set(re.findall(r'"(admin\.[\w.]+)"', f.read()))
    cats = {lang: catalog(lang) for lang in ("en", "fr", "nl")}
    found = set()
    parsers = [os.path.join(REPO, "src", "core", n) for n in ("webvtt.c", "chapters.c", "transcript.c")]
    parsers += [os.path.join(REPO, "src", "jobs", n) for n in ("media.c", "video_probe.c")]
    for path in parsers + glob.glob(os.path.join(REPO, "src", "jobs", "*.c")):
        with open(path, encoding="utf-8") as f:
            source = f.read()
        for key in re.findall(r'"(admin\.(?:video|media)\.error\.[\w.]+)"', source):
            found.add(key)
            assert key in listed, (path, key)
            for lang, cat in cats.items():
                assert key in cat, (path, key, lang)
        # no sentence for an editor is written into an error buffer any more
        assert path not in parsers or not re.search(r"snprintf\(err,", source), path
    assert len(found) > 60, len(found)
