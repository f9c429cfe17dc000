"""Languages of the public site (issue 20): every message key its C code names is listed and translated."""
import json
import os
import re
import shutil

import requests

from conftest import REPO, SERVER, run_plenary

THEME = os.path.join(REPO, "themes", "default")
LANGS = ("en", "fr", "nl")


def flat(obj, prefix=""):
    """The catalog's dotted keys."""
    out = {}
    for k, v in obj.items():
        if isinstance(v, dict):
            out.update(flat(v, prefix + k + "."))
        else:
            out[prefix + k] = v
    return out


def catalogs():
    res = {}
    for lang in LANGS:
        with open(os.path.join(THEME, "i18n", f"{lang}.json"), encoding="utf-8") as f:
            res[lang] = flat(json.load(f))
    return res


def listed_code_keys():
    """The keys of the lists `plenary i18n check` counts as used by code: the site's and the shared ones."""
    keys = set()
    for name in ("catalog_site_keys.c", "catalog.c"):
        with open(os.path.join(REPO, "src", "core", name), encoding="utf-8") as f:
            keys |= set(re.findall(r'"([a-z0-9_.-]+\.[a-z0-9_.-]+)"', f.read()))
    return keys


def keys_in_code():
    """(key, plural) of every req_text / req_textf / req_plural literal in src/site, src/http and src/auth, and of
    every literal there that names a key of the catalogs (tables of keys looked up later)."""
    found = set()
    for folder in ("site", "http", "auth"):
        d = os.path.join(REPO, "src", folder)
        for name in sorted(os.listdir(d)):
            if name.endswith(".c"):
                with open(os.path.join(d, name), encoding="utf-8") as f:
                    text = f.read()
                for m in re.finditer(r'req_(text|textf|plural)\(r, "([a-z0-9_.-]+)"', text):
                    found.add((m.group(2), m.group(1) == "plural", name))
    return found


def test_every_key_the_code_names_is_listed_and_translated():
    cats, listed = catalogs(), listed_code_keys()
    uses = keys_in_code()
    assert len(uses) > 100
    for key, plural, where in sorted(uses):
        forms = [key + ".one", key + ".other"] if plural else [key]
        for k in forms:
            assert k in listed, f"{where}: {k} is in neither catalog_site_keys.c nor catalog.c's catalog_code_keys"
            for lang in LANGS:
                assert k in cats[lang], f"{where}: {lang}.json lacks {k}"


def test_table_keys_of_the_code_are_in_the_catalogs():
    """Keys kept in tables (audiences, professions, statuses) and looked up by variable are listed too."""
    cats, listed = catalogs(), listed_code_keys()
    for k in listed:
        for lang in LANGS:
            assert k in cats[lang], f"{lang}.json lacks {k}, listed in catalog_site_keys.c"
    for code in (400, 403, 404, 422, 429, 500, 503):
        assert f"errors.status.{code}.title" in listed and f"errors.status.{code}.message" in listed


def test_french_is_french_and_keeps_placeholders():
    cats = catalogs()
    for key, en in cats["en"].items():
        for lang in ("fr", "nl"):
            if key.endswith(".one"):  # "the article" may leave its count of one unsaid
                continue
            assert sorted(re.findall(r"\{\w+\}", cats[lang][key])) == sorted(re.findall(r"\{\w+\}", en)), \
                (lang, key)
    # typography: a no-break space before the French colon, never a plain one
    assert all(not re.search(r" [:;!?]", v) for v in cats["fr"].values()), \
        [k for k, v in cats["fr"].items() if re.search(r" [:;!?]", v)]
    assert cats["fr"]["forms.errors_title.other"] == "Veuillez corriger {n} problèmes"
    assert cats["nl"]["signin.forgotten"] == "Wachtwoord vergeten?"


def test_a_code_key_missing_from_a_catalog_is_reported(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(THEME, theme)
    p = theme / "i18n" / "nl.json"
    data = json.loads(p.read_text(encoding="utf-8"))
    del data["errors"]["status"]["404"]["title"]
    del data["search"]["results_noun"]["one"]
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = run_plenary(["i18n", "check", "--theme", str(theme)])
    assert r.returncode == 1, r.stdout
    assert "nl: missing errors.status.404.title (the code)" in r.stdout
    assert "nl: missing search.results_noun.one (the code)" in r.stdout
    assert "fr: " in r.stdout and ", 0 missing, 0 unused" in r.stdout.split("fr: ")[-1]


def test_english_pages_read_the_moved_messages():
    page = requests.get(SERVER.base + "/search", timeout=10).text
    assert "How to search" in page and "Browse by section" in page
    assert not re.search(r"\bsearch\.[a-z_]+\b", page)
    r = requests.get(SERVER.base + "/no-such-page-here", timeout=10)
    assert r.status_code == 404
    assert "Page not found" in r.text and "We could not find this page." in r.text
    assert "errors.status" not in r.text
    r = requests.get(SERVER.base + "/signup", timeout=10)
    assert "Create your account" in r.text and "Other healthcare professional" in r.text
    assert "forms.profession" not in r.text
