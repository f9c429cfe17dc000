"""Languages: the theme's message catalogs as `plenary i18n check` and the server read them (issue 20)."""
import json
import os
import shutil

import requests

from conftest import REPO, SERVER, run_plenary

THEME = os.path.join(REPO, "themes", "default")


def copy_theme(tmp_path):
    dst = tmp_path / "theme"
    shutil.copytree(THEME, dst)
    return dst


def catalog(theme, lang):
    with open(theme / "i18n" / f"{lang}.json", encoding="utf-8") as f:
        return json.load(f)


def save(theme, lang, data):
    with open(theme / "i18n" / f"{lang}.json", "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)


def test_the_demo_theme_lacks_no_message_in_any_language():
    r = run_plenary(["i18n", "check"])
    assert r.returncode == 0, r.stdout + r.stderr
    summary = [line for line in r.stdout.splitlines() if line.endswith("unused")]
    assert [line.split(":")[0] for line in summary] == ["en", "fr", "nl"], r.stdout
    assert all(", 0 missing, 0 unused" in line for line in summary), r.stdout


def test_a_missing_message_is_named_with_where_it_is_used(tmp_path):
    theme = copy_theme(tmp_path)
    fr = catalog(theme, "fr")
    del fr["layout"]["sign_out"]
    fr["layout"]["left_over"] = "Reste"
    save(theme, "fr", fr)
    r = run_plenary(["i18n", "check", "--theme", str(theme)])
    assert r.returncode == 1
    assert "fr: missing layout.sign_out (" in r.stdout and "layout/top.html:" in r.stdout
    assert "fr: unused layout.left_over" in r.stdout
    assert "en: " in r.stdout and "nl: " in r.stdout


def test_a_template_naming_an_unknown_message_does_not_load(tmp_path):
    theme = copy_theme(tmp_path)
    p = theme / "layout" / "bottom.html"
    p.write_text(p.read_text(encoding="utf-8").replace("{{@layout.contact}}", "{{@layout.nowhere}}"),
                 encoding="utf-8")
    r = run_plenary(["i18n", "check", "--theme", str(theme)])
    assert r.returncode == 2
    assert "bottom.html:" in r.stdout and 'no message "layout.nowhere"' in r.stdout


def test_a_broken_catalog_is_refused_with_its_line(tmp_path):
    theme = copy_theme(tmp_path)
    (theme / "i18n" / "nl.json").write_text('{"layout": {\n"skip": "Naar",\n}}', encoding="utf-8")
    r = run_plenary(["i18n", "check", "--theme", str(theme)])
    assert r.returncode == 2 and "nl.json:3:" in r.stdout
    (theme / "i18n" / "nl.json").write_text('{"layout": {"skip": "Naar {de inhoud"}}', encoding="utf-8")
    r = run_plenary(["i18n", "check", "--theme", str(theme)])
    assert r.returncode == 2 and "layout.skip: a '{' opens no placeholder" in r.stdout


def test_the_base_language_needs_its_catalog(tmp_path):
    theme = copy_theme(tmp_path)
    os.remove(theme / "i18n" / "en.json")
    r = run_plenary(["i18n", "check", "--theme", str(theme)])
    assert r.returncode == 2 and "en.json: missing" in r.stdout
    r = run_plenary(["i18n", "nothing"])
    assert r.returncode == 2 and "usage: plenary i18n check" in r.stderr


def test_the_english_page_reads_its_messages():
    page = requests.get(SERVER.base + "/", timeout=10).text
    assert "Skip to main content" in page and "Other specialties" in page
    assert "{{@" not in page and "layout." not in page
