"""Dependencies one way (scripts/layers.sh, run by `make layers` and `make check`): the project's own src/
(and its objects, once built) passes, and trees made here with one offence each fail, naming the offending
file:line, the loop, or the object and symbol.

Not an HTTP test: it sits here so tests/run.sh runs it with the rest of the suite.
"""
import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = os.path.join(ROOT, "scripts", "layers.sh")


def layers(src, obj=None):
    args = [str(src)] + ([str(obj)] if obj else [])
    p = subprocess.run(["sh", SCRIPT, *args], capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout + p.stderr


def tree(tmp_path, files):
    src = tmp_path / "src"
    for name, text in files.items():
        f = src / name
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(text)
    return src


def test_project_src_keeps_the_layers():
    rc, out = layers(os.path.join(ROOT, "src"))
    assert rc == 0, out
    assert out == ""


def test_project_objects_keep_the_layers():
    binary = os.environ.get("PLENARY_BIN", os.path.join(ROOT, "plenary"))
    obj = os.path.join(os.path.dirname(os.path.realpath(binary)), "obj")
    if not os.path.isdir(obj):
        obj = os.path.join(ROOT, "build", "obj")
    if not os.path.isdir(obj):
        pytest.skip("no build/obj: build first")
    rc, out = layers(os.path.join(ROOT, "src"), obj)
    assert rc == 0, out


GOOD = {
    "core/buf.h": "",
    "core/buf.c": '#include "core/buf.h"\n#include <stdio.h>\n#include "embedded.h"\n',
    "store/store.h": '#include "core/buf.h"\n',
    "http/request.h": '#include "store/store.h"\n',
    "site/layout.h": '#include "http/request.h"\n',
    "admin/users.c": '#include "site/layout.h"\n',
    "main.c": '#include "admin/users.h"\n',
    "admin/users.h": "",
}


def test_a_tree_pointing_down_passes(tmp_path):
    rc, out = layers(tree(tmp_path, GOOD))
    assert rc == 0, out


@pytest.mark.parametrize(
    "name,line,text,expect",
    [
        # the issue's own case: http drawing a page with site's layout
        ("http/response.c", 3, '#include "http/request.h"\n\n#include "site/layout.h"\n',
         "http may not include site (site/layout.h)"),
        # the same header reached by angle brackets (-Isrc finds it) or by climbing out of the folder
        ("http/response.c", 1, "#  include <site/layout.h>\n", "http may not include site"),
        ("http/response.c", 1, '#include "../site/layout.h"\n', "http may not include site"),
        ("store/users.c", 1, '#include "http/request.h"\n', "store may not include http"),
        ("render/view.c", 1, '#include "store/store.h"\n', "render may not include store"),
        ("core/buf.c", 1, '#include "../store/store.h"\n', "core may not include store"),
        ("site/page.c", 1, '#include "admin/users.h"\n', "site may not include admin"),
        ("auth/session.c", 1, '#include "site/layout.h"\n', "auth may not include site"),
        # a header named by a macro could point anywhere
        ("http/response.c", 2, '#define PAGE "site/layout.h"\n#include PAGE\n', "#include of a macro"),
    ],
)
def test_an_include_up_the_layers_fails_at_its_line(tmp_path, name, line, text, expect):
    src = tree(tmp_path, {**GOOD, name: text})
    rc, out = layers(src)
    assert rc == 1, out
    assert f"{src}/{name}:{line}: {expect}" in out


def test_units_including_each_other_fail_with_the_loop(tmp_path):
    files = {
        **GOOD,
        # no header includes another header, yet server.c needs dispatch and dispatch.c needs server
        "http/server.h": "",
        "http/server.c": '#include "http/server.h"\n#include "http/dispatch.h"\n',
        "http/dispatch.h": "",
        "http/dispatch.c": '#include "http/dispatch.h"\n#include "http/request.h"\n',
        "http/request.h": '#include "http/server.h"\n',
    }
    rc, out = layers(tree(tmp_path, files))
    assert rc == 1, out
    loop = [line for line in out.splitlines() if "->" in line]
    assert len(loop) == 1, out
    assert set(loop[0].strip().split(" -> ")) == {"http/server", "http/dispatch", "http/request"}


def compile_objects(tmp_path, sources):
    obj = tmp_path / "obj"
    for name, text in sources.items():
        c = tmp_path / "c" / name.replace(".o", ".c")
        c.parent.mkdir(parents=True, exist_ok=True)
        c.write_text(text)
        o = obj / name
        o.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["cc", "-c", "-o", str(o), str(c)], check=True, timeout=60)
    return obj


def test_a_symbol_used_up_the_layers_fails_without_any_include(tmp_path):
    # http declares site's function itself, so no #include shows the dependency: only the objects do
    src = tree(tmp_path, GOOD)
    obj = compile_objects(tmp_path, {
        "site/layout.o": "int layout_view(void) { return 1; }\n",
        "http/response.o": "int layout_view(void);\nint resp_page(void) { return layout_view(); }\n",
        "admin/users.o": "int layout_view(void);\nint admin_users(void) { return layout_view(); }\n",
    })
    rc, out = layers(src, obj)
    assert rc == 1, out
    assert f"{obj}/http/response.o: http may not use site: layout_view (defined in site/layout.o)" in out
    assert "admin/users.o" not in out  # admin may use site
    (obj / "http" / "response.o").unlink()
    rc, out = layers(src, obj)
    assert rc == 0, out
