#!/usr/bin/python3
"""queues: how long one real sign-in takes alone, during a flood of parallel anonymous sign-ins (from one
address, then from many), and during parallel image uploads.

Usage: /usr/bin/python3 bench/queues.py [BINARY] [setting=value ...]
  BINARY defaults to build/plenary; the settings go into the server's [plenary] section (e.g. hash_queue=16).
  FLOOD=200 UPLOADS=8 in the environment change the sizes.
The server trusts X-Forwarded-For from 127.0.0.1, so the flood and the real reader come from addresses of
their own (192.0.2.1 is the real one; the one-address flood is 198.51.100.7; the other uses 10.x.y.z).
"""
import collections
import io
import os
import random
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests", "http"))
args = sys.argv[1:]
if args and "=" not in args[0]:
    os.environ["PLENARY_BIN"] = os.path.abspath(args.pop(0))
os.environ.setdefault("PLENARY_BIN", os.path.join(os.path.dirname(HERE), "build", "plenary"))

import requests  # noqa: E402
from PIL import Image  # noqa: E402

from conftest import Reader, add_user, make_demo_database, make_staff, start_plenary, unique_email  # noqa: E402

FLOOD = int(os.environ.get("FLOOD", "200"))
UPLOADS = int(os.environ.get("UPLOADS", "8"))
REAL = "192.0.2.1"


def real_signin(srv, email, password):
    """Seconds one sign-in POST takes (the form's page fetched first, not counted) and its status."""
    r = Reader(srv, email=email, password=password)
    r.http.headers["X-Forwarded-For"] = REAL
    token = r.token("/signin")
    t = time.monotonic()
    a = r.post("/signin", data={"form_token": token, "email": email, "password": password}, timeout=120)
    return time.monotonic() - t, a.status_code


def flood(srv, addresses):
    """FLOOD parallel wrong sign-ins; returns (threads, results) with results filled as they end."""
    s = requests.Session()
    page = s.get(srv.url("/signin"))
    token = page.text.split('name="form_token" value="', 1)[1].split('"', 1)[0]
    cookies = s.cookies.get_dict()
    results = []
    go = threading.Barrier(FLOOD)

    def one(i):
        go.wait()
        t = time.monotonic()
        try:
            a = requests.post(srv.url("/signin"), timeout=120, allow_redirects=False, cookies=cookies,
                              headers={"X-Forwarded-For": addresses(i)},
                              data={"form_token": token, "email": f"nobody{i}@example.org",
                                    "password": "a wrong guess of a password"})
            results.append((a.status_code, time.monotonic() - t, a.headers.get("retry-after")))
        except requests.RequestException as e:
            results.append((type(e).__name__, time.monotonic() - t, None))

    threads = [threading.Thread(target=one, args=(i,)) for i in range(FLOOD)]
    for th in threads:
        th.start()
    return threads, results


def summary(results):
    c = collections.Counter(r[0] for r in results)
    slowest = max((r[1] for r in results), default=0)
    retry = sorted({r[2] for r in results if r[2]})
    return f"statuses {dict(c)}, slowest {slowest:.2f} s, Retry-After {retry[:5]}"


def jpeg(seed):
    rnd = random.Random(seed)
    im = Image.effect_noise((3000, 2000), 40).convert("RGB")
    im.paste(tuple(rnd.randrange(256) for _ in range(3)), (0, 0, 1000, 2000))
    b = io.BytesIO()
    im.save(b, "JPEG", quality=90)
    return b.getvalue()


def main():
    settings = {"trusted_proxies": "127.0.0.1", "max_body_kb": "16384"}
    settings.update(a.split("=", 1) for a in args)
    with tempfile.TemporaryDirectory(prefix="plenary-queues-") as tmp:
        settings.setdefault("outbox", os.path.join(tmp, "outbox"))
        settings.setdefault("media_dir", os.path.join(tmp, "media"))
        srv = start_plenary(tmp, make_demo_database(tmp), settings, name="queues")
        try:
            email, password = unique_email("real"), "a long and real passphrase 42"
            p, _ = add_user(srv.db_path, email, "reader", password=password)
            assert p.returncode == 0, p.stderr
            alone = sorted(real_signin(srv, email, password)[0] for _ in range(5))
            print(f"binary {os.environ['PLENARY_BIN']}, settings {args or 'default'}")
            print(f"real sign-in alone: median {alone[2] * 1000:.0f} ms")
            for label, addr in (("one address", lambda i: "198.51.100.7"),
                                ("many addresses", lambda i: f"10.{i // 250}.{i % 250}.{random.randrange(1, 250)}")):
                threads, results = flood(srv, addr)
                time.sleep(0.3)  # the flood is in
                took, status = real_signin(srv, email, password)
                for th in threads:
                    th.join()
                print(f"{FLOOD} sign-ins from {label}: real sign-in {took * 1000:.0f} ms ({status}); "
                      f"flood {summary(results)}")
                time.sleep(1)
            editor = make_staff(srv, "editor")
            token = editor.token("/admin/media", "/admin/media")
            images = [jpeg(i) for i in range(UPLOADS)]
            up = []

            def send(i):
                t = time.monotonic()
                a = editor.post("/admin/media", data={"form_token": token, "alt": f"Hall {i}"},
                                files={"file": (f"hall{i}.jpg", images[i], "image/jpeg")}, timeout=300)
                up.append((a.status_code, time.monotonic() - t, a.headers.get("retry-after")))

            threads = [threading.Thread(target=send, args=(i,)) for i in range(UPLOADS)]
            for th in threads:
                th.start()
            time.sleep(0.5)  # the images are in
            took, status = real_signin(srv, email, password)
            for th in threads:
                th.join()
            print(f"{UPLOADS} uploads ({len(images[0]) // 1024} KB, 3000 x 2000): real sign-in "
                  f"{took * 1000:.0f} ms ({status}); uploads {summary(up)}")
        finally:
            srv.stop()


if __name__ == "__main__":
    main()
