"""The back office's messages: in every language, with the same placeholders, and known to `i18n check`."""
import glob
import json
import os
import re

from conftest import REPO, run_plenary

I18N = os.path.join(REPO, "themes", "default", "i18n")


def flat(d, prefix=""):
    out = {}
    for k, v in d.items():
        key = prefix + k
        if isinstance(v, dict) and not set(v) <= {"one", "other"}:
            out.update(flat(v, key + "."))
        elif isinstance(v, dict):
            out.update({key + "." + form: text for form, text in v.items()})
        else:
            out[key] = v
    return out


def catalogs():
    cats = {}
    for lang in ("en", "fr", "nl"):
        with open(os.path.join(I18N, lang + ".json"), encoding="utf-8") as f:
            cats[lang] = flat(json.load(f)["admin"], "admin.")
    return cats


def test_i18n_check_is_clean():
    r = run_plenary(["i18n", "check"])
    assert r.returncode == 0, r.stdout
    assert r.stdout.count(", 0 missing, 0 unused") == 3, r.stdout


def test_every_admin_message_is_in_french_and_dutch_with_its_placeholders():
    cats = catalogs()
    for lang in ("fr", "nl"):
        assert set(cats[lang]) >= set(cats["en"]) - {k for k in cats["en"] if k.endswith(".one")}, lang
        for key, text in cats["en"].items():
            if key in cats[lang]:
                assert set(re.findall(r"\{\w+\}", cats[lang][key])) == set(re.findall(r"\{\w+\}", text)), key


def test_french_puts_a_no_break_space_before_double_punctuation():
    for key, text in catalogs()["fr"].items():
        assert not re.search(r" [:;!?]", text), key
        assert "« " not in text and " »" not in text, key


def test_keys_the_back_office_code_names_are_in_the_catalogs_and_the_checked_list():
    cats = catalogs()
    with open(os.path.join(REPO, "src", "core", "catalog_admin.c"), encoding="utf-8") as f:
        listed = set(re.findall(r'"(admin\.[\w.]+)"', f.read()))
    for path in glob.glob(os.path.join(REPO, "src", "admin", "*.c")):
        with open(path, encoding="utf-8") as f:
            for key in re.findall(r'req_text\(r, "(admin\.[\w.]+)"\)', f.read()):
                for lang in cats:
                    assert key in cats[lang], (path, key, lang)
                if not key.startswith("admin.nav."):  # the navigation's keys are used by its template
                    assert key in listed, (path, key)
