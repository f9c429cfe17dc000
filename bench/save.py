#!/usr/bin/env python3
"""bench/save.py: times an editor's article save over HTTP, as the back office makes it.

Usage: bench/save.py BASE_URL SESSION ARTICLE_ID [ROUNDS]
BASE_URL the server (http://127.0.0.1:PORT), SESSION an editor's plenary_session cookie, ARTICLE_ID the
article edited. Each round reads the editor form, changes a sentence of the body and posts it back; only the
POST is timed (the save, its search index row and its related list, in one transaction). Prints one line:
  save: N rounds, median X.X ms, max Y.Y ms
"""
import html.parser
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


class EditorForm(html.parser.HTMLParser):
    """The fields of the form posting to /admin/articles/ID: inputs, textareas and selects, in order."""

    def __init__(self, action):
        super().__init__(convert_charrefs=True)
        self.action, self.inside, self.fields = action, False, []
        self.textarea = self.select = None
        self.option_value = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("action") == self.action and (a.get("method") or "").lower() == "post"
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file"):
                self.fields.append([a["name"], a.get("value") or ""])
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]
            self.fields.append(self.textarea)
        elif tag == "select" and a.get("name"):
            self.select = [a["name"], None]
            self.fields.append(self.select)
        elif tag == "option" and self.select is not None:
            value = a.get("value")
            if self.select[1] is None or "selected" in a:
                self.select[1] = value if value is not None else ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    base, session, article = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rounds = int(sys.argv[4]) if len(sys.argv) == 5 else 10
    opener = urllib.request.build_opener(NoRedirect)
    headers = {"Cookie": f"plenary_session={session}", "Origin": base}
    path = f"/admin/articles/{article}"
    times = []
    for i in range(rounds):
        page = opener.open(urllib.request.Request(base + path, headers=headers), timeout=30).read()
        form = EditorForm(path)
        form.feed(page.decode())
        fields = [(k, v or "") for k, v in form.fields if k != "action"]
        if not any(k == "body" for k, _ in fields):
            sys.exit(f"bench/save.py: no editor form at {path}")
        fields = [(k, v + f"\n\nEdited by the bench, round {i} at {time.time():.6f}." if k == "body" else v)
                  for k, v in fields] + [("action", "save")]
        body = urllib.parse.urlencode(fields).encode()
        req = urllib.request.Request(base + path, data=body, headers=headers, method="POST")
        t0 = time.perf_counter()
        try:
            status = opener.open(req, timeout=60).status
        except urllib.error.HTTPError as e:
            status = e.code
        times.append((time.perf_counter() - t0) * 1000)
        if status != 303:
            sys.exit(f"bench/save.py: the save answered {status}")
    print(f"save: {rounds} rounds, median {statistics.median(times):.1f} ms, max {max(times):.1f} ms")


if __name__ == "__main__":
    main()
