#!/bin/sh
# make bench: wrk against Plenary and against nginx serving the same bytes, one after the other.
set -eu
cd "$(dirname "$0")/.."
secs=${BENCH_SECONDS:-10}
conns=${BENCH_CONNECTIONS:-64}
bin=${PLENARY_BIN:-./plenary}
out=bench/out
mkdir -p "$out"
tmp=$(mktemp -d)
ppid_=""
npid=""
cleanup() {
	[ -n "$ppid_" ] && kill "$ppid_" 2>/dev/null || true
	[ -n "$npid" ] && kill "$npid" 2>/dev/null || true
	wait 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pport=$(free_port)
nport=$(free_port)

"$bin" demo "$tmp/demo.db" >/dev/null
printf '[plenary]\naccess_log =\nthreads = 2\n' >"$tmp/plenary.ini"
"$bin" serve --config "$tmp/plenary.ini" --db "$tmp/demo.db" --listen "127.0.0.1:$pport" 2>"$tmp/plenary.log" &
ppid_=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$pport/healthz" >/dev/null && break; sleep 0.1; done

slug=$(sqlite3 "$tmp/demo.db" "SELECT slug FROM article WHERE audience='public' AND status='published' AND site_id = (SELECT id FROM site WHERE is_default = 1) ORDER BY published_at DESC LIMIT 1")
mkdir -p "$tmp/www/article"
curl -sf "http://127.0.0.1:$pport/article/$slug" -o "$tmp/www/article/$slug"
curl -sf "http://127.0.0.1:$pport/" -o "$tmp/www/index.html"

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
	default_type text/html;
	server {
		listen 127.0.0.1:$nport;
		root $tmp/www;
		index index.html;
	}
}
NGINX
chmod -R a+rX "$tmp" # nginx workers run as www-data
/usr/sbin/nginx -c "$tmp/nginx.conf" -p "$tmp" &
npid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nport/" >/dev/null && break; sleep 0.1; done

# both must serve the same number of bytes for the comparison to mean anything
for path in "/article/$slug" "/"; do
	a=$(curl -s "http://127.0.0.1:$pport$path" | wc -c)
	b=$(curl -s "http://127.0.0.1:$nport$path" | wc -c)
	[ "$a" = "$b" ] || { echo "bench: $path differs in size: plenary $a, nginx $b bytes" >&2; exit 1; }
done

run() { # name url -> prints "rps p99_ms" and keeps the wrk output
	wrk -t2 -c"$conns" -d"${secs}s" --latency "$2" >"$out/$1.txt"
	rps=$(awk '/^Requests\/sec/ {print $2}' "$out/$1.txt")
	p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; printf "%.2f", v}' "$out/$1.txt")
	echo "$rps $p99"
}

echo "Plenary vs nginx, wrk -t2 -c$conns -d${secs}s on loopback, $(nproc) cores, page sizes: article $(wc -c <"$tmp/www/article/$slug") B, home $(wc -c <"$tmp/www/index.html") B"
set -- $(run plenary-article "http://127.0.0.1:$pport/article/$slug"); pa=$1; pa99=$2
set -- $(run nginx-article "http://127.0.0.1:$nport/article/$slug"); na=$1; na99=$2
set -- $(run plenary-home "http://127.0.0.1:$pport/"); ph=$1; ph99=$2
set -- $(run nginx-home "http://127.0.0.1:$nport/"); nh=$1; nh99=$2
rss=$(awk '/VmRSS/ {print $2}' "/proc/$ppid_/status")

printf '%-10s %-8s %12s %10s %8s\n' page server "requests/s" "p99 ms" ratio
printf '%-10s %-8s %12s %10s %8s\n' article plenary "$pa" "$pa99" "$(echo "$pa $na" | awk '{printf "%.2f", $1/$2}')"
printf '%-10s %-8s %12s %10s %8s\n' article nginx "$na" "$na99" ""
printf '%-10s %-8s %12s %10s %8s\n' home plenary "$ph" "$ph99" "$(echo "$ph $nh" | awk '{printf "%.2f", $1/$2}')"
printf '%-10s %-8s %12s %10s %8s\n' home nginx "$nh" "$nh99" ""
echo "plenary resident memory after the runs: $((rss / 1024)) MB"
echo "targets (issue 2): article >= 0.80 of nginx, p99 < 5 ms at 64 connections, RSS < 50 MB; raw wrk output in $out/"
