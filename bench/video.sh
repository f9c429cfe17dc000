#!/usr/bin/env bash
# Library videos: random 1 MB byte ranges of a 100 MB MP4 served by Plenary and by nginx (the same file), for 1
# and 64 connections (wrk, bench/ranges.lua), and Plenary's peak memory (VmHWM) while a 1 GB MP4 arrives through
# the chunked uploader. Both videos are made with ffmpeg (testsrc2, constant 40 Mbit/s) and uploaded as an
# editor would, so the file nginx serves is the one the library keeps.
#
# Usage: bench/video.sh [BIN [TMPDIR]]   BIN: the plenary binary (default $PLENARY_BIN or ./plenary)
#        BENCH_SECONDS (default 5): each wrk run's length; BENCH_VIDEO_UPLOAD_MB (default 1024): the upload's size
# Prints (figures of one run on the 2-core development machine):
#   video upload: 1028 MB in 258 chunks of 4096 KB in 16.4 s (63 MB/s); VmHWM 61 MB before, 79 MB after (+18 MB)
#   video ranges, 1 connection: plenary 493 MB/s, nginx 416 MB/s: 1.19 of nginx (wrk, random 1 MB ranges of 95 MB, 5 s)
#   video ranges, 64 connections: plenary 331 MB/s, nginx 324 MB/s: 1.02 of nginx (wrk, random 1 MB ranges of 95 MB, 5 s)
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-${PLENARY_BIN:-./plenary}}
base=${2:-${TMPDIR:-/tmp}}
secs=${BENCH_SECONDS:-5}
upload_mb=${BENCH_VIDEO_UPLOAD_MB:-1024}
nginx=/usr/sbin/nginx
case "$secs$upload_mb" in *[!0-9]* | "") echo "bench/video.sh: BENCH_SECONDS and BENCH_VIDEO_UPLOAD_MB must be whole numbers" >&2; exit 2 ;; esac
for tool in "$bin" "$nginx" ffmpeg curl wrk /usr/bin/python3; do
	command -v "$tool" >/dev/null || { echo "bench/video.sh: $tool not found (scripts/deps.sh bench)" >&2; exit 1; }
done
tmp=$(mktemp -d "$base/plenary-video-bench.XXXXXX")
pid=""
npid=""
cleanup() {
	[ -z "$npid" ] || { kill -QUIT "$npid" 2>/dev/null && wait "$npid" 2>/dev/null; } || true
	[ -z "$pid" ] || { kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; } || true
	rm -rf "$tmp"
}
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_up() { # url name log
	for _ in $(seq 100); do
		curl -sf -o /dev/null "$1" && return 0
		sleep 0.1
	done
	echo "bench/video.sh: $2 did not start:" >&2
	tail -n 20 "$3" >&2
	exit 1
}

# --- the videos: H.264/AAC in MP4 at a constant 40 Mbit/s (x264's filler keeps the rate), moov first
make_video() { # seconds path
	ffmpeg -hide_banner -loglevel error -nostdin -y -f lavfi -i "testsrc2=size=640x360:rate=25:duration=$1" \
		-f lavfi -i "sine=frequency=440:duration=$1" -c:v libx264 -preset ultrafast -pix_fmt yuv420p \
		-b:v 40M -minrate 40M -maxrate 40M -bufsize 20M -x264-params nal-hrd=cbr -c:a aac -b:a 128k -shortest \
		-movflags +faststart -metadata "comment=bench $RANDOM$RANDOM" "$2"
}
# --- plenary: demo database, large chunks (max_body_kb 8192; the server says how large), the media library under $tmp, an editor
"$bin" demo "$tmp/demo.db" >/dev/null 2>&1
port=$(free_port)
printf '[plenary]\naccess_log =\nmax_body_kb = 8192\nmedia_dir = %s\nvideo_max_mb = %s\n' "$tmp/media" \
	$((upload_mb + 64)) >"$tmp/plenary.ini"
"$bin" serve --config "$tmp/plenary.ini" --db "$tmp/demo.db" --listen "127.0.0.1:$port" --threads 2 \
	>"$tmp/server.log" 2>&1 &
pid=$!
wait_up "http://127.0.0.1:$port/healthz" plenary "$tmp/server.log"
editor="bench-editor@example.org"
password=$("$bin" user add "$editor" --role editor --generate --db "$tmp/demo.db" 2>"$tmp/user.log" | sed -n 's/^password (shown once): //p')
[ -n "$password" ] || { echo "bench/video.sh: plenary user add printed no password" >&2; exit 1; }

# upload FILE TITLE: signs in as the editor, sends the file through /admin/uploads, prints "<media path> <chunks>
# <chunk bytes> <seconds> <VmHWM KiB before> <VmHWM KiB after>"
upload() {
	/usr/bin/python3 - "http://127.0.0.1:$port" "$editor" "$password" "$pid" "$1" "$2" <<'PY'
import os, re, sys, time
import requests
base, email, password, pid, path, title = sys.argv[1:]
def hwm():
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"^VmHWM:\s+(\d+)", f.read(), re.M).group(1))
def token(s, page):
    return re.search(r'name="form_token" value="([^"]+)"', s.get(base + page).text).group(1)
s = requests.Session()
r = s.post(base + "/signin", data={"form_token": token(s, "/signin"), "email": email, "password": password},
           allow_redirects=False)
assert r.status_code == 303 and s.cookies.get("plenary_session"), f"signing in: {r.status_code}"
t = token(s, "/admin/media")
size = os.path.getsize(path)
r = s.post(base + "/admin/uploads", data={"form_token": t, "name": os.path.basename(path), "size": str(size),
                                          "type": "video/mp4", "alt": title, "credit": ""})
assert r.status_code == 201, f"starting the upload: {r.status_code} {r.text[:300]}"
up = r.json()
before, chunks, started = hwm(), 0, time.monotonic()
with open(path, "rb") as f:
    offset = 0
    while offset < size:
        piece = f.read(up["chunk_size"])
        r = s.post(base + up["url"], data=piece, timeout=600, headers={
            "Content-Type": "application/offset+octet-stream", "Upload-Offset": str(offset), "X-Form-Token": t})
        assert r.status_code == 200, f"the chunk at {offset}: {r.status_code} {r.text[:300]}"
        offset += len(piece)
        chunks += 1
took, after = time.monotonic() - started, hwm()
done = r.json()
assert done.get("done") and done.get("video_id"), done
page = s.get(base + f"/admin/videos/{done['video_id']}").text
media = re.search(r"/media/[0-9a-f]{32}\.mp4", page).group(0)
print(media, chunks, up["chunk_size"], f"{took:.1f}", before, after)
PY
}
# --- memory while a large video arrives: VmHWM (the peak resident size since the server started) before and after
make_video $(((upload_mb * 1048576 + 4999999) / 5000000)) "$tmp/large.mp4" # 40 Mbit/s: 5,000,000 bytes a second
big=$(stat -c %s "$tmp/large.mp4")
out=$(upload "$tmp/large.mp4" "Bench: a large upload")
read -r _ chunks chunk took before after <<<"$out"
echo "video upload: $((big / 1048576)) MB in $chunks chunks of $((chunk / 1024)) KB in $took s" \
	"($(awk -v b="$big" -v t="$took" 'BEGIN { printf "%.0f", b / 1048576 / t }') MB/s);" \
	"VmHWM $((before / 1024)) MB before, $((after / 1024)) MB after (+$(((after - before) / 1024)) MB)"
rm -f "$tmp/large.mp4" "$tmp/media/"*.mp4 # (the library's copy too: only the ranges video is needed now)

# --- random 1 MB ranges of a 100 MB video, from Plenary and from nginx
make_video 20 "$tmp/ranges.mp4"
out=$(upload "$tmp/ranges.mp4" "Bench: ranges")
read -r media _ <<<"$out"
size=$(stat -c %s "$tmp/ranges.mp4")

# --- nginx: the same file, 2 workers, sendfile, no access log
mkdir -p "$tmp/www/media"
ln "$tmp/media/${media#/media/}" "$tmp/www/media/" 2>/dev/null || cp "$tmp/media/${media#/media/}" "$tmp/www/media/"
nport=$(free_port)
cat >"$tmp/nginx.conf" <<NGINX
daemon off;
worker_processes 2;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 1024; }
http {
	access_log off;
	sendfile on;
	tcp_nopush on;
	types { video/mp4 mp4; }
	client_body_temp_path $tmp/client_body;
	proxy_temp_path $tmp/proxy;
	fastcgi_temp_path $tmp/fastcgi;
	uwsgi_temp_path $tmp/uwsgi;
	scgi_temp_path $tmp/scgi;
	server {
		listen 127.0.0.1:$nport reuseport;
		root $tmp/www;
	}
}
NGINX
chmod -R a+rX "$tmp" # as root, nginx's workers run as nobody
"$nginx" -e "$tmp/nginx-error.log" -p "$tmp" -c "$tmp/nginx.conf" >"$tmp/nginx.log" 2>&1 &
npid=$!
wait_up "http://127.0.0.1:$nport$media" nginx "$tmp/nginx-error.log"

# both answer the same range with the same bytes, or the comparison means nothing
for p in "$port" "$nport"; do
	curl -sf -r 1048576-2097151 -o "$tmp/range-$p" -w '%{http_code}' "http://127.0.0.1:$p$media" >"$tmp/code-$p"
	[ "$(cat "$tmp/code-$p")" = 206 ] || { echo "bench/video.sh: port $p answered $(cat "$tmp/code-$p") to a range" >&2; exit 1; }
done
cmp -s "$tmp/range-$port" "$tmp/range-$nport" || { echo "bench/video.sh: plenary and nginx sent other bytes" >&2; exit 1; }

mbps() { # wrk output: its Transfer/sec in MB/s
	awk '/^Transfer\/sec:/ { v = $2; u = substr(v, length(v) - 1); n = v + 0;
		if (u == "GB") n *= 1024; else if (u == "KB") n /= 1024; else if (u != "MB") n /= 1048576;
		printf "%.0f", n }' "$1"
}
for conns in 1 64; do
	threads=$((conns < 2 ? 1 : 2))
	for p in "$port" "$nport"; do
		VIDEO_PATH=$media VIDEO_BYTES=$size wrk -t"$threads" -c"$conns" -d"${secs}s" -s bench/ranges.lua \
			"http://127.0.0.1:$p" >"$tmp/wrk-$p.txt"
		if grep -q "Non-2xx" "$tmp/wrk-$p.txt"; then
			echo "bench/video.sh: answers other than 206 from port $p:" >&2
			cat "$tmp/wrk-$p.txt" >&2
			exit 1
		fi
	done
	a=$(mbps "$tmp/wrk-$port.txt")
	b=$(mbps "$tmp/wrk-$nport.txt")
	echo "video ranges, $conns connection$([ "$conns" = 1 ] || echo s): plenary $a MB/s, nginx $b MB/s:" \
		"$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b ? a / b : 0 }') of nginx" \
		"(wrk, random 1 MB ranges of $((size / 1048576)) MB, ${secs} s)"
done

