"""Password hashing and image work in separate, bounded queues, black-box over HTTP: a flood of sign-ins gets
429 (with Retry-After and a message) instead of delaying everyone; one address cannot take the whole queue, so
a real sign-in from another stays quick; a signed-in reader's password re-check is never refused for the
anonymous flood (part of the queue is kept for it, and it goes first); uploads beyond the image queue get
429 too, and a chunked upload put off that way finishes when its last (empty) chunk is sent again.

The server trusts X-Forwarded-For from 127.0.0.1 (trusted_proxies), so each simulated client has an address
of its own; hash_queue, hash_per_client and image_queue are set small.
"""
import io
import os
import random
import re
import socket
import tempfile
import threading
import time

import h2.config
import h2.connection
import h2.events
import pytest
import requests
from PIL import Image

from conftest import (Reader, add_user, make_demo_database, make_staff, new_password, parse_html, start_plenary,
                      text_of, unique_email)

FLOOD = 200
BUSY_HASH = "Too many passwords are being checked just now."
BUSY_IMAGE = "Many images are being processed just now."


@pytest.fixture(scope="module")
def srv():
    with tempfile.TemporaryDirectory(prefix="plenary-queues-") as tmp:
        media_dir = os.path.join(tmp, "media")
        s = start_plenary(tmp, make_demo_database(tmp),
                          {"trusted_proxies": "127.0.0.1", "hash_threads": 1, "hash_queue": 8,
                           "hash_per_client": 2, "image_threads": 1, "image_queue": 1,
                           # the throttles (test_limits.py) would answer these floods first: out of the way
                           "signin_free_per_address": 100000, "signin_free_per_account": 1000,
                           "max_body_kb": 8192, "outbox": os.path.join(tmp, "outbox"), "media_dir": media_dir},
                          name="queues-server")
        s.media_dir = media_dir
        yield s
        rc = s.stop()
        assert rc == 0, f"the queues server exited with {rc}; log tail:\n{s.log()[-3000:]}"


def account(srv, address):
    """A reader account made by `plenary user add`, as a Reader coming from address."""
    email, password = unique_email("queued"), new_password()
    p, _ = add_user(srv.db_path, email, "reader", password=password)
    assert p.returncode == 0, p.stderr
    reader = Reader(srv, email=email, password=password)
    reader.http.headers["X-Forwarded-For"] = address
    return reader


def flood(srv, address_of):
    """FLOOD wrong sign-ins at once (address_of(i) is the i-th one's address); returns (threads, results)."""
    s = requests.Session()
    page = s.get(srv.url("/signin"))
    token = re.search(r'name="form_token" value="([^"]+)"', page.text).group(1)
    cookies = s.cookies.get_dict()
    results = []
    go = threading.Barrier(FLOOD)

    def one(i):
        go.wait()
        t = time.monotonic()
        a = requests.post(srv.url("/signin"), timeout=60, allow_redirects=False, cookies=cookies,
                          headers={"X-Forwarded-For": address_of(i)},
                          data={"form_token": token, "email": f"nobody-{i}-{random.random()}@example.org",
                                "password": "a wrong guess of somebody's password"})
        results.append((a, time.monotonic() - t))

    threads = [threading.Thread(target=one, args=(i,)) for i in range(FLOOD)]
    for th in threads:
        th.start()
    return threads, results


def assert_busy_answers(results):
    """Some of the flood was refused at once with 429, a Retry-After and the sign-in form saying why; the
    rest were checked (422); none waited long."""
    statuses = [a.status_code for a, _ in results]
    assert set(statuses) <= {422, 429}, statuses
    busy = [a for a, _ in results if a.status_code == 429 and BUSY_HASH in a.text]
    assert len(busy) >= FLOOD // 4, f"{len(busy)} of {FLOOD} refused for a full queue: {statuses}"
    for a in busy:
        assert re.fullmatch(r"[1-9][0-9]?", a.headers.get("retry-after", "")), a.headers
        doc = parse_html(a.text)
        assert doc.find("form", action="/signin") is not None  # the form again, to try once more
        assert a.headers["content-type"].startswith("text/html")
    slowest = max(t for _, t in results)
    assert slowest < 10, f"the slowest of the flood took {slowest:.1f} s"


def test_a_flood_from_one_address_gets_429_and_a_real_sign_in_stays_quick(srv):
    real = account(srv, "192.0.2.1")
    threads, results = flood(srv, lambda i: "198.51.100.7")
    time.sleep(0.3)  # the flood is in
    token = real.token("/signin")
    t = time.monotonic()
    r = real.post("/signin", data={"form_token": token, "email": real.email, "password": real.password})
    took = time.monotonic() - t
    for th in threads:
        th.join()
    assert r.status_code == 303 and real.cookie, (r.status_code, r.text[:300])
    # before: it waited for all 200 hashes of the flood (1.45 s on the reference machine)
    assert took < 1.0, f"the real sign-in took {took:.2f} s during the flood"
    assert_busy_answers(results)


def test_a_signed_in_re_check_is_not_refused_for_an_anonymous_flood(srv):
    reader = account(srv, "192.0.2.2")
    assert reader.signin().status_code == 303
    token = reader.token("/account", "/account/password")
    threads, results = flood(srv, lambda i: f"10.{i // 200}.{i % 200}.{random.randrange(1, 250)}")
    time.sleep(0.3)
    t = time.monotonic()
    r = reader.post("/account/password", data={"form_token": token, "current_password": "not my password at all",
                                               "new_password": new_password()})
    took = time.monotonic() - t
    for th in threads:
        th.join()
    # checked (and found wrong), not put off: the reserved part of the queue, taken before the flood's jobs
    assert r.status_code == 422, (r.status_code, r.text[:300])
    assert "retry-after" not in r.headers
    assert took < 1.0, f"the signed-in re-check took {took:.2f} s during the flood"
    assert_busy_answers(results)
    time.sleep(1.5)  # the flood is over: a real sign-in from one of its addresses goes through again
    late = account(srv, "10.0.0.77")
    assert late.signin().status_code == 303


def test_an_ipv6_64_is_one_client_for_its_share_of_the_queue(srv):
    """60 clients that keep signing in for 2 s, each from addresses of one IPv6 /64 (anyone holding a /64 has
    them all): together they hold one client's share of the queue, so five sign-ins from another /64 during
    the flood all go through. Counted per address instead, they would fill the queue's open part all along
    and the real sign-ins would get 429."""
    real = account(srv, "2001:db8:1:3::1")
    stop = threading.Event()
    results = []
    s = requests.Session()
    token = re.search(r'name="form_token" value="([^"]+)"', s.get(srv.url("/signin")).text).group(1)
    cookies = s.cookies.get_dict()

    def one(i):
        http = requests.Session()
        n = 0
        while not stop.is_set():
            n += 1
            a = http.post(srv.url("/signin"), timeout=30, allow_redirects=False, cookies=cookies,
                          headers={"X-Forwarded-For": f"2001:db8:1:2:{i:x}:{n:x}::{random.randrange(1, 65535):x}"},
                          data={"form_token": token, "email": f"nobody-{i}-{n}@example.org",
                                "password": "a wrong guess of somebody's password"})
            results.append(a)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(60)]
    for th in threads:
        th.start()
    try:
        time.sleep(0.5)
        answers = []
        for _ in range(5):  # each in a browser of its own, signed out
            me = Reader(srv, email=real.email, password=real.password)
            me.http.headers["X-Forwarded-For"] = "2001:db8:1:3::1"
            token = me.token("/signin")
            r = me.post("/signin", data={"form_token": token, "email": me.email, "password": me.password})
            answers.append(r.status_code)
            time.sleep(0.2)
    finally:
        stop.set()
        for th in threads:
            th.join()
    assert answers == [303] * 5, answers
    busy = [a for a in results if a.status_code == 429]
    assert len(busy) > len(results) // 2, f"{len(busy)} of {len(results)} refused"
    assert all(BUSY_HASH in a.text and a.headers.get("retry-after") for a in busy)


def test_one_account_flooding_its_re_checks_gets_429_past_its_share(srv):
    """A signed-in reader's re-checks go first and may use the kept part of the queue, so one account may
    have at most hash_per_client of them out: 40 password changes at once get 429 past that, each with
    Retry-After and an error page that says why; the others are checked (422: the current password is
    wrong)."""
    reader = account(srv, "192.0.2.3")
    assert reader.signin().status_code == 303
    token = reader.token("/account", "/account/password")
    answers = []
    go = threading.Barrier(40)

    def one():
        go.wait()
        answers.append(reader.post("/account/password", data={"form_token": token,
                                                               "current_password": "not my password at all",
                                                               "new_password": new_password()}))

    threads = [threading.Thread(target=one) for _ in range(40)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    statuses = [a.status_code for a in answers]
    assert set(statuses) <= {422, 429} and statuses.count(429) >= 10, statuses
    for a in answers:
        if a.status_code == 429:
            assert re.fullmatch(r"[1-9][0-9]?", a.headers.get("retry-after", "")), a.headers
            assert BUSY_HASH in text_of(parse_html(a.text))


def noisy_jpeg(seed, size=(2400, 1600)):
    rnd = random.Random(seed)
    im = Image.effect_noise(size, 50).convert("RGB")
    im.paste(tuple(rnd.randrange(256) for _ in range(3)), (0, 0, size[0] // 3, size[1]))
    b = io.BytesIO()
    im.save(b, "JPEG", quality=92)
    return b.getvalue()


def test_uploads_past_the_image_queue_get_429_and_can_be_sent_again(srv):
    editor = make_staff(srv, "editor", name="Quinn Queue")
    token = editor.token("/admin/media", "/admin/media")
    images = [noisy_jpeg(i) for i in range(8)]
    chunk_headers = {"Content-Type": "application/offset+octet-stream", "X-Form-Token": token}
    answers = {}

    def by_form(i):
        answers[i] = editor.post("/admin/media", data={"form_token": token, "alt": f"Poster hall {i}"},
                                 files={"file": (f"hall{i}.jpg", images[i], "image/jpeg")}, timeout=120)

    def by_chunks(i):
        start = editor.post("/admin/uploads", data={"form_token": token, "name": f"hall{i}.jpg",
                                                    "size": str(len(images[i])), "type": "image/jpeg",
                                                    "alt": f"Poster hall {i}"})
        assert start.status_code == 201, start.text
        url = start.json()["url"]
        a = editor.post(url, data=images[i], headers={**chunk_headers, "Upload-Offset": "0"}, timeout=120)
        a.upload_url = url
        answers[i] = a

    threads = [threading.Thread(target=by_form if i % 2 else by_chunks, args=(i,)) for i in range(len(images))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    busy = [i for i, a in answers.items() if a.status_code == 429]
    assert busy, f"no upload was put off: {[a.status_code for a in answers.values()]}"
    for i, a in answers.items():
        if a.status_code != 429:
            assert a.status_code in (200, 303), (i, a.status_code, a.text[:300])
            continue
        assert re.fullmatch(r"[1-9][0-9]?", a.headers.get("retry-after", "")), a.headers
        if i % 2:  # the form: the library page again, saying why
            assert BUSY_IMAGE in text_of(parse_html(a.text))
        else:  # the uploader: JSON, and the whole file is still there
            j = a.json()
            assert BUSY_IMAGE in j["error"] and j["offset"] == j["size"] == len(images[i]), j
            st = editor.get(a.upload_url)
            assert st.status_code == 200 and st.json()["offset"] == len(images[i]), st.text
    # sent again one by one (the form's file again; the uploader's last chunk, empty, at the end), all arrive
    for i in busy:
        for _attempt in range(20):
            if i % 2:
                again = editor.post("/admin/media", data={"form_token": token, "alt": f"Poster hall {i}"},
                                    files={"file": (f"hall{i}.jpg", images[i], "image/jpeg")}, timeout=120)
                ok = again.status_code == 303
            else:
                again = editor.post(answers[i].upload_url, data=b"",
                                    headers={**chunk_headers, "Upload-Offset": str(len(images[i]))}, timeout=120)
                ok = again.status_code == 200 and again.json().get("done")
            if ok:
                break
            assert again.status_code == 429, (again.status_code, again.text[:300])
            time.sleep(0.5)
        assert ok, f"upload {i} never got in"
    rows = srv.query("SELECT count(*) FROM media WHERE alt LIKE 'Poster hall %'")[0][0]
    assert rows == len(images)
    left = os.listdir(os.path.join(srv.media_dir, "uploads"))
    assert not [n for n in left if n.startswith("form-")], left


def test_sign_ins_reset_while_waiting_are_never_hashed():
    """HTTP/2 streams that post a sign-in and are reset while their check waits for the hashing thread: the
    check is taken out of the queue unrun, so 300 of them leave the next real sign-in quick (before, each
    was hashed anyway, the answer dropped: the real one waited behind all of them)."""
    with tempfile.TemporaryDirectory(prefix="plenary-queues-h2-") as tmp:
        srv = start_plenary(tmp, make_demo_database(tmp),
                            {"http2_cleartext": 1, "trusted_proxies": "127.0.0.1", "hash_threads": 1, "hash_queue": 1000, "hash_per_client": 0,
                             "outbox": os.path.join(tmp, "outbox")}, name="queues-h2-server")
        try:
            real = account(srv, "192.0.2.4")
            page = requests.get(srv.url("/signin"))
            token = re.search(r'name="form_token" value="([^"]+)"', page.text).group(1)
            cookie = "; ".join(f"{k}={v}" for k, v in page.cookies.get_dict().items())
            sock = socket.create_connection(("127.0.0.1", srv.port), timeout=5)
            c = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True, header_encoding="utf-8"))
            c.initiate_connection()
            c.increment_flow_control_window(1 << 30)
            streams = []
            for i in range(300):
                body = f"form_token={token}&email=gone{i}%40example.org&password=a+wrong+guess+of+a+password"
                sid = c.get_next_available_stream_id()
                headers = [(":method", "POST"), (":scheme", "http"), (":authority", f"127.0.0.1:{srv.port}"),
                           (":path", "/signin"), ("content-type", "application/x-www-form-urlencoded"),
                           ("content-length", str(len(body))), ("x-forwarded-for", "198.51.100.9")]
                if cookie:
                    headers.append(("cookie", cookie))
                c.send_headers(sid, headers)
                c.send_data(sid, body.encode(), end_stream=True)
                streams.append(sid)
                if len(streams) % 50 == 0:
                    sock.sendall(c.data_to_send())
            sock.sendall(c.data_to_send())
            time.sleep(0.3)  # the checks are queued (a few done)
            for sid in streams:
                c.reset_stream(sid)
            sock.sendall(c.data_to_send())
            time.sleep(0.1)
            token = real.token("/signin")
            t = time.monotonic()
            r = real.post("/signin", data={"form_token": token, "email": real.email, "password": real.password})
            took = time.monotonic() - t
            sock.close()
            assert r.status_code == 303, (r.status_code, r.text[:300])
            assert took < 0.5, f"the real sign-in took {took:.2f} s after the reset streams"
        finally:
            assert srv.stop() == 0
