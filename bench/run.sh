#!/usr/bin/env bash
# make bench: wrk against Plenary, then against nginx serving the same bytes as static files; BENCH_SECONDS sets each run's length.
set -euo pipefail
cd "$(dirname "$0")/.."

secs=${BENCH_SECONDS:-10}
conns=${BENCH_CONNECTIONS:-64}
threads=2 # plenary's --threads, nginx's worker_processes and wrk's -t: the machine has 2 cores
bin=${PLENARY_BIN:-./plenary}
nginx=/usr/sbin/nginx
out=bench/out

case "$secs$conns" in *[!0-9]* | "") echo "bench: BENCH_SECONDS and BENCH_CONNECTIONS must be whole numbers" >&2; exit 2 ;; esac
for tool in "$bin" "$nginx" curl wrk; do
	command -v "$tool" >/dev/null || { echo "bench: $tool not found (make plenary; scripts/deps.sh bench)" >&2; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/plenary-bench.XXXXXX")
ppid_=""
npid=""
wpid=""
stop() { # name pid signal: asks one server to stop and waits for it
	[ -n "$2" ] || return 0
	kill "-$3" "$2" 2>/dev/null || return 0
	local rc=0
	wait "$2" || rc=$?
	[ "$rc" -eq 0 ] || echo "bench: $1 exited with status $rc after SIG$3" >&2
}
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	[ -z "$wpid" ] || { kill "$wpid" 2>/dev/null; wait "$wpid" 2>/dev/null; } || true
	stop plenary "$ppid_" TERM # graceful in plenary
	stop nginx "$npid" QUIT    # graceful in nginx
	rm -rf "$tmp"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { # a loopback port nobody listens on, below the kernel's range for outgoing connections
	local lo p
	lo=$(awk '{print $1}' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
	[ "$lo" -gt 11000 ] || lo=61000
	for _ in $(seq 100); do
		p=$((10000 + RANDOM % (lo - 10000)))
		if ! (: >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi # refused: free
	done
	echo "bench: no free port found" >&2
	return 1
}
wait_up() { # pid url: 0 once the server answers, 1 if it exited, 2 if it never answered in 10 s
	for _ in $(seq 500); do
		curl -sf -o /dev/null "$2" && return 0
		kill -0 "$1" 2>/dev/null || { wait "$1" || true; return 1; }
		sleep 0.02
	done
	return 2
}
start() { # name url-path launcher: runs "launcher PORT" in the background on a free port, retried as another
	# program may take the port first; sets port and pid, or exits
	local name=$1 path=$2 rc=0
	for _ in 1 2 3 4 5; do
		port=$(free_port)
		"$3" "$port" >"$tmp/$name.log" 2>&1 &
		pid=$!
		rc=0
		wait_up "$pid" "http://127.0.0.1:$port$path" || rc=$?
		[ "$rc" -eq 1 ] || break
	done
	[ "$rc" -eq 0 ] && return 0
	kill "$pid" 2>/dev/null || true
	if [ "$rc" -eq 1 ]; then echo "bench: $name did not start:" >&2; else echo "bench: $name did not answer $path in 10 s:" >&2; fi
	cat "$tmp/$name.log" >&2 || true
	exit 1
}

# --- plenary: demo database, access log off, 2 threads
"$bin" demo "$tmp/demo.db" >"$tmp/demo.log" 2>&1 || { echo "bench: $bin demo failed:" >&2; cat "$tmp/demo.log" >&2; exit 1; }
printf '[plenary]\naccess_log =\n' >"$tmp/plenary.ini"
launch_plenary() { exec "$bin" serve --config "$tmp/plenary.ini" --db "$tmp/demo.db" --listen "127.0.0.1:$1" --threads "$threads"; }
start plenary /healthz launch_plenary
pport=$port
ppid_=$pid
rss_idle=$(awk '/^VmRSS/ {print $2}' "/proc/$ppid_/status")

# --- the same bytes as static files: the newest article linked from the home page, and the home page
mkdir -p "$tmp/www/article"
curl -sf "http://127.0.0.1:$pport/" -o "$tmp/www/index.html"
slug=$(grep -o 'href="/article/[^"/?#]*"' "$tmp/www/index.html" | head -n 1 | sed 's|^href="/article/||; s|"$||') || true
[ -n "$slug" ] || { echo "bench: the home page links no article (is the demo content there?)" >&2; exit 1; }
curl -sf "http://127.0.0.1:$pport/article/$slug" -o "$tmp/www/article/$slug"
# the article's section page
section=$(grep -o 'href="/section/[^"/?#]*"' "$tmp/www/article/$slug" | head -n 1 | sed 's|^href="/section/||; s|"$||') || true
[ -n "$section" ] || { echo "bench: the article links no section" >&2; exit 1; }
mkdir -p "$tmp/www/section"
curl -sf "http://127.0.0.1:$pport/section/$section" -o "$tmp/www/section/$section"
# and their gzip forms exactly as Plenary sends them, for nginx's gzip_static
curl -sf -H "Accept-Encoding: gzip" "http://127.0.0.1:$pport/" -o "$tmp/www/index.html.gz"
curl -sf -H "Accept-Encoding: gzip" "http://127.0.0.1:$pport/article/$slug" -o "$tmp/www/article/$slug.gz"

# --- nginx: 2 workers, no access log, sendfile, default keep-alive, no gzip, everything under $tmp
cat >"$tmp/nginx.conf" <<NGINX
daemon off;
worker_processes $threads;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 1024; }
http {
	access_log off;
	sendfile on;
	tcp_nopush on;
	gzip off;
	gzip_static on; # the .gz file beside each page, to clients that accept gzip
	default_type text/html;
	client_body_temp_path $tmp/client_body;
	proxy_temp_path $tmp/proxy;
	fastcgi_temp_path $tmp/fastcgi;
	uwsgi_temp_path $tmp/uwsgi;
	scgi_temp_path $tmp/scgi;
	server {
		# reuseport: one listening socket per worker, spread by the kernel, as plenary does per thread
		listen 127.0.0.1:@PORT@ reuseport;
		root $tmp/www;
		index index.html;
	}
}
NGINX
chmod -R a+rX "$tmp" # as root, nginx's workers run as nobody
launch_nginx() {
	sed "s/@PORT@/$1/" "$tmp/nginx.conf" >"$tmp/nginx-port.conf"
	exec "$nginx" -e "$tmp/nginx-error.log" -p "$tmp" -c "$tmp/nginx-port.conf"
}
start nginx / launch_nginx
nport=$port
npid=$pid

# --- both must send the same body, or the comparison means nothing
pages=("article:/article/$slug" "home:/" "section:/section/$section" "article-gz:/article/$slug" "home-gz:/")
enc() { case "$1" in *-gz) echo gzip ;; *) echo identity ;; esac; }
for entry in "${pages[@]}"; do
	path=${entry#*:}
	e=$(enc "${entry%%:*}")
	curl -sf -H "Accept-Encoding: $e" "http://127.0.0.1:$pport$path" -o "$tmp/p.body"
	curl -sf -H "Accept-Encoding: $e" "http://127.0.0.1:$nport$path" -o "$tmp/n.body"
	a=$(wc -c <"$tmp/p.body")
	b=$(wc -c <"$tmp/n.body")
	[ "$a" -eq "$b" ] || { echo "bench: $path differs in size: plenary $a, nginx $b bytes" >&2; exit 1; }
	cmp -s "$tmp/p.body" "$tmp/n.body" || echo "bench: warning: $path has the same size but other bytes on a second fetch" >&2
done
hsize() { curl -s -o /dev/null -D - "$1" | wc -c; }

# --- wrk, one run at a time, never two servers loaded together
mkdir -p "$out"
rm -f "$out"/*.txt
ms() { # wrk latency (850.00us, 7.01ms, 1.20s, 1.00m) -> milliseconds
	awk -v v="$1" 'BEGIN {
		n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
		f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : (u == "h") ? 3600000 : -1
		if (f < 0) { print "?"; exit } printf "%.2f", n * f }'
}
declare -A rps p99 notes
bench_one() { # page server url
	local f="$out/$2-$1.txt"
	wrk -t"$threads" -c"$conns" -d"${secs}s" --latency -H "Accept-Encoding: $(enc "$1")" "$3" >"$f" &
	wpid=$!
	wait "$wpid" # in the background so that a signal to this script stops the run at once
	wpid=""
	rps[$1-$2]=$(awk '/^Requests\/sec:/ {print $2}' "$f")
	p99[$1-$2]=$(ms "$(awk '$1 == "99%" {print $2}' "$f")")
	notes[$1-$2]=$(awk '/Non-2xx or 3xx responses:/ {printf "%s non-2xx; ", $NF} /Socket errors:/ {sub(/^ *Socket errors: */, ""); printf "socket errors %s; ", $0}' "$f")
}
echo "$("$bin" --version 2>/dev/null | head -n 1) vs nginx $("$nginx" -v 2>&1 | sed 's|.*/||'):" \
	"wrk -t$threads -c$conns -d${secs}s --latency on loopback, $(nproc) cores shared by wrk and the server"
for entry in "${pages[@]}"; do
	page=${entry%%:*}
	path=${entry#*:}
	bench_one "$page" plenary "http://127.0.0.1:$pport$path"
	bench_one "$page" nginx "http://127.0.0.1:$nport$path"
done
# --- a signed-in reader: the cached article with their name and form token spliced in, against nginx's
# anonymous article (the same page but for those parts)
made=$("$bin" user add "bench-reader@example.org" --role reader --name "Bench Reader" --generate --db "$tmp/demo.db" 2>/dev/null)
pw=$(echo "$made" | sed -n 's/^password (shown once): //p')
jar="$tmp/cookies"
token=$(curl -s -c "$jar" "http://127.0.0.1:$pport/signin" | grep -o 'name="form_token" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null -H "Origin: http://127.0.0.1:$pport" \
	--data-urlencode "email=bench-reader@example.org" --data-urlencode "password=$pw" \
	--data-urlencode "form_token=$token" "http://127.0.0.1:$pport/signin"
session=$(awk '$6 == "plenary_session" {print $7}' "$jar")
[ -n "$session" ] || { echo "bench: the bench reader could not sign in" >&2; exit 1; }
signed_in_page=$(curl -s -H "Cookie: plenary_session=$session" "http://127.0.0.1:$pport/article/$slug" | grep -c "Bench Reader" || true)
[ "$signed_in_page" -gt 0 ] || { echo "bench: the signed-in article does not name the reader" >&2; exit 1; }
f="$out/plenary-article-signed-in.txt"
wrk -t"$threads" -c"$conns" -d"${secs}s" --latency -H "Cookie: plenary_session=$session" -H "Accept-Encoding: identity" \
	"http://127.0.0.1:$pport/article/$slug" >"$f" &
wpid=$!
wait "$wpid"
wpid=""
rps[signed-plenary]=$(awk '/^Requests\/sec:/ {print $2}' "$f")
p99[signed-plenary]=$(ms "$(awk '$1 == "99%" {print $2}' "$f")")

# --- publish to visible: an article scheduled two seconds ahead (written straight into the database, as
# the editor's save does); the cached home page is polled until it links the article
due=$(( $(date +%s) + 2 ))
sqlite3 "$tmp/demo.db" "INSERT INTO article (site_id, slug, title, summary, body, section_id, status, audience,
	published_at, created_at, updated_at) VALUES (1, 'bench-due', 'Published by the bench', '', '',
	(SELECT id FROM section WHERE site_id = 1 ORDER BY id LIMIT 1), 'scheduled', 'public', $due, $due, $due);"
curl -s -o /dev/null "http://127.0.0.1:$pport/" # cached before the second
visible_ms="?"
for _ in $(seq 600); do
	if curl -s "http://127.0.0.1:$pport/" | grep -q 'href="/article/bench-due"'; then
		visible_ms=$(( $(date +%s%3N) - due * 1000 ))
		break
	fi
	sleep 0.005
done

# --- instructions per cached request, counted by callgrind (valgrind), so a regression shows as a number:
# two runs of one worker thread serving 100 and 600 cached article requests over one keep-alive connection;
# the difference over 500 requests leaves start-up and shutdown out
callgrind_ir() { # requests: prints the instructions the server ran in all, or nothing
	local n=$1 cport cpid urls
	cport=$(free_port)
	valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.$n" "$bin" serve --config "$tmp/plenary.ini" \
		--db "$tmp/demo.db" --listen "127.0.0.1:$cport" --threads 1 >"$tmp/cg.$n.log" 2>&1 &
	cpid=$!
	for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$cport/healthz" && break; sleep 0.05; done
	urls=$(for _ in $(seq "$n"); do printf 'http://127.0.0.1:%s/article/%s ' "$cport" "$slug"; done)
	# shellcheck disable=SC2086
	curl -s -H "Cookie: plenary_consent=rejected" $urls >/dev/null || true
	kill -TERM "$cpid" 2>/dev/null || true
	wait "$cpid" 2>/dev/null || true
	awk '/^(summary|totals):/ {print $2; exit}' "$tmp/cg.$n" 2>/dev/null || true
}
instr="callgrind: valgrind not installed"
if command -v valgrind >/dev/null 2>&1; then
	ir1=$(callgrind_ir 100)
	ir2=$(callgrind_ir 600)
	case "$ir1$ir2" in
	'' | *[!0-9]*) instr="callgrind: no count (see $tmp/cg.*.log)" ;;
	*) instr="callgrind: $(( (ir2 - ir1) / 500 )) instructions per cached article request (one worker, keep-alive)" ;;
	esac
fi

rss_after=$(awk '/^VmRSS/ {print $2}' "/proc/$ppid_/status")
rss_peak=$(awk '/^VmHWM/ {print $2}' "/proc/$ppid_/status")

# --- the table, with the targets next to the figures (printed, not enforced)
yes_no() { awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN { ok = (op == ">=") ? (a + 0 >= b + 0) : (a + 0 < b + 0); print (a == "?" ? "?" : ok ? "met" : "MISSED") }'; }
echo
printf '%-10s %-8s %8s %12s %9s %9s  %s\n' page server "body B" "requests/s" "p99 ms" "pl/nginx" "targets (plenary rows)"
for entry in "${pages[@]}"; do
	page=${entry%%:*}
	case "$page" in
	home) size=$(wc -c <"$tmp/www/index.html") ;;
	home-gz) size=$(wc -c <"$tmp/www/index.html.gz") ;;
	article-gz) size=$(wc -c <"$tmp/www/article/$slug.gz") ;;
	*) size=$(wc -c <"$tmp/www/article/$slug") ;;
	esac
	ratio=$(awk -v a="${rps[$page-plenary]}" -v b="${rps[$page-nginx]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
	case "$page" in
	article*) target="requests/s >= 1.0 x nginx: $(yes_no "$ratio" ">=" 1.0); p99 < 2 ms: $(yes_no "${p99[$page-plenary]}" "<" 2)" ;;
	*) target="requests/s >= 0.9 x nginx: $(yes_no "$ratio" ">=" 0.9); p99 < 5 ms: $(yes_no "${p99[$page-plenary]}" "<" 5)" ;;
	esac
	[ "$conns" -eq 64 ] || target="$target (the p99 target is for 64 connections)"
	printf '%-10s %-8s %8s %12s %9s %9s  %s\n' "$page" plenary "$size" "${rps[$page-plenary]}" "${p99[$page-plenary]}" "$ratio" "$target"
	printf '%-10s %-8s %8s %12s %9s %9s\n' "$page" nginx "$size" "${rps[$page-nginx]}" "${p99[$page-nginx]}" ""
done
sratio=$(awk -v a="${rps[signed-plenary]}" -v b="${rps[article-nginx]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
printf '%-10s %-8s %8s %12s %9s %9s  %s\n' "signed-in" plenary "" "${rps[signed-plenary]}" "${p99[signed-plenary]}" "$sratio" \
	"article for a signed-in reader vs nginx's static article: >= 0.70: $(yes_no "$sratio" ">=" 0.70)"
echo "publish to visible: $visible_ms ms from an article's scheduled second to the cached home page showing it (target < 100 ms: $(yes_no "$visible_ms" "<" 100))"
echo "$instr"
awk -v i="$rss_idle" -v a="$rss_after" -v h="$rss_peak" -v ok="$(yes_no "$rss_after" "<" 51200)" 'BEGIN {
	printf "plenary resident memory (VmRSS): %.1f MB after the runs (target < 50 MB: %s); %.1f MB idle before, %.1f MB peak\n",
		a / 1024, ok, i / 1024, h / 1024 }'
echo "response headers: plenary $(hsize "http://127.0.0.1:$pport/") B, nginx $(hsize "http://127.0.0.1:$nport/") B (home page)"
for k in "${!notes[@]}"; do
	[ -z "${notes[$k]}" ] || echo "bench: warning: $k: ${notes[$k]}" >&2
done
echo "raw wrk output: $out/{plenary,nginx}-{article,home,article-gz,home-gz}.txt (-gz: Accept-Encoding: gzip)"

# --- hits while misses render: cached article requests on 16 connections while 4 others ask only pages the
# cache has never seen, with render threads (the default) and with render_threads = 0 (misses on the loops)
hits_during_misses() { # render_threads: prints the hits' p99 in ms
	local f="$out/plenary-hits-during-misses-$1.txt" hp
	printf '[plenary]\naccess_log =\nrender_threads = %s\n' "$1" >"$tmp/misses-$1.ini"
	launch_misses() { exec "$bin" serve --config "$tmp/misses-$1.ini" --db "$tmp/demo.db" --listen "127.0.0.1:$2" --threads "$threads"; }
	launch_m() { launch_misses "$mthreads" "$1"; }
	mthreads=$1
	start misses /healthz launch_m
	hp=$port
	local mpid=$pid
	curl -sf -o /dev/null "http://127.0.0.1:$hp/article/$slug"
	wrk -t1 -c4 -d"${secs}s" -s bench/misses.lua "http://127.0.0.1:$hp" >"$out/plenary-misses-$1.txt" &
	local m=$!
	wrk -t1 -c16 -d"${secs}s" --latency "http://127.0.0.1:$hp/article/$slug" >"$f"
	wait "$m" || true
	kill -TERM "$mpid" 2>/dev/null || true
	wait "$mpid" 2>/dev/null || true
	ms "$(awk '$1 == "99%" {print $2}' "$f")"
}
stop plenary "$ppid_" TERM
ppid_=""
with_threads=$(hits_during_misses 2)
without=$(hits_during_misses 0)
echo "cached article while other connections ask new pages: p99 $with_threads ms with render threads, $without ms with render_threads = 0 (raw: $out/plenary-hits-during-misses-{2,0}.txt)"

# --- first-party counting's cost on a cached article: analytics on against off, in turn (bench/count.sh)
bench/count.sh "$bin" "$tmp"

# --- search on 20,000 generated articles: the page cache off, so every request runs the query; one
# connection, so the latency is the query's own and not time spent queueing behind others
search_articles=${BENCH_SEARCH_ARTICLES:-20000}
echo
echo "search: generating $search_articles articles (plenary demo --articles) ..."
gen_start=$(date +%s)
"$bin" demo "$tmp/search.db" --articles "$search_articles" >"$tmp/search-demo.log" 2>&1 ||
	{ echo "bench: generating articles failed:" >&2; cat "$tmp/search-demo.log" >&2; exit 1; }
# the generator's 120 MB on disk before measuring, or the kernel writes them back during the run
sync "$tmp/search.db"
printf '[plenary]\naccess_log =\ncache_mb = 0\n' >"$tmp/search.ini"
launch_search() { exec "$bin" serve --config "$tmp/search.ini" --db "$tmp/search.db" --listen "127.0.0.1:$1" --threads "$threads"; }
t0=$(date +%s%3N)
start search /healthz launch_search
startup_ms=$(( $(date +%s%3N) - t0 ))
ppid_=$pid
f="$out/plenary-search.txt"
# a running server's figure: 3 s of the same queries first (the first pass maps the index into each
# connection and opens the search helpers; start-up is measured above and below on its own)
wrk -t1 -c1 -d3s -s bench/search.lua "http://127.0.0.1:$port" >"$out/plenary-search-warmup.txt"
wrk -t1 -c1 -d"${secs}s" --latency -s bench/search.lua "http://127.0.0.1:$port" >"$f" &
wpid=$!
wait "$wpid"
wpid=""
s50=$(ms "$(awk '$1 == "50%" {print $2}' "$f")")
s99=$(ms "$(awk '$1 == "99%" {print $2}' "$f")")
srps=$(awk '/^Requests\/sec:/ {print $2}' "$f")
broad=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/search?q=survival" | awk '{printf "%.1f", $1 * 1000}')
broad_n=$(sqlite3 "$tmp/search.db" "SELECT count(*) FROM article_search WHERE article_search MATCH 'survival'" 2>/dev/null || echo "?")
echo "search over $search_articles articles (made in $(( $(date +%s) - gen_start )) s), 30 queries x 6 filters from bench/search.lua, no cache, after 3 s of warm-up:" \
	"p50 $s50 ms, p99 $s99 ms (target p99 < 10 ms: $(yes_no "$s99" "<" 10)), $srps requests/s on one connection;" \
	"a word in ${broad_n:-?} of the $search_articles articles (survival): $broad ms"
big_slug=generated-$(( search_articles / 2 ))
curl -sf -o /dev/null "http://127.0.0.1:$port/" && curl -sf -o /dev/null "http://127.0.0.1:$port/article/$big_slug" || true
rss_big=$(awk '/^VmRSS/ {print $2}' "/proc/$ppid_/status")
anon_big=$(awk '/^RssAnon/ {print $2}' "/proc/$ppid_/status")
echo "with $search_articles articles: start-up to the first answer $startup_ms ms (target < 300 ms: $(yes_no "$startup_ms" "<" 300)), resident memory $(( rss_big / 1024 )) MB after the search run (target < 100 MB: $(yes_no "$rss_big" "<" 102400)), of which $(( anon_big / 1024 )) MB is the process's own; the rest is libraries and the database file mapped by each worker (mmap_mb)"
echo "raw wrk output: $f"

# the same on one search thread (search_threads = 1: no helper reads a part of the hits)
stop search "$ppid_" TERM
ppid_=""
printf '[plenary]\naccess_log =\ncache_mb = 0\nsearch_threads = 1\n' >"$tmp/search1.ini"
launch_search1() { exec "$bin" serve --config "$tmp/search1.ini" --db "$tmp/search.db" --listen "127.0.0.1:$1" --threads "$threads"; }
start search1 /healthz launch_search1
ppid_=$pid
f1="$out/plenary-search-one-thread.txt"
wrk -t1 -c1 -d3s -s bench/search.lua "http://127.0.0.1:$port" >/dev/null
wrk -t1 -c1 -d"${secs}s" --latency -s bench/search.lua "http://127.0.0.1:$port" >"$f1"
echo "the same on one search thread (search_threads = 1): p50 $(ms "$(awk '$1 == "50%" {print $2}' "$f1")") ms," \
	"p99 $(ms "$(awk '$1 == "99%" {print $2}' "$f1")") ms, $(awk '/^Requests\/sec:/ {print $2}' "$f1") requests/s (raw: $f1)"
stop search1 "$ppid_" TERM
ppid_=""

# --- search and saves on both engines side by side, on the same generated articles (bench/search.sh)
bench/search.sh "$bin" "$tmp"

# --- start-up and memory with 10,000 articles, the size issue 6 names
"$bin" demo "$tmp/ten.db" --articles 10000 >"$tmp/ten-demo.log" 2>&1 ||
	{ echo "bench: generating 10,000 articles failed:" >&2; cat "$tmp/ten-demo.log" >&2; exit 1; }
launch_ten() { exec "$bin" serve --config "$tmp/plenary.ini" --db "$tmp/ten.db" --listen "127.0.0.1:$1" --threads "$threads"; }
t0=$(date +%s%3N)
start ten /healthz launch_ten
ten_ms=$(( $(date +%s%3N) - t0 ))
ppid_=$pid
for path in / /article/generated-5000 /section/$section "/search?q=pembrolizumab" /congresses /feed.rss; do
	curl -sf -o /dev/null "http://127.0.0.1:$port$path" || true
done
rss_ten=$(awk '/^VmRSS/ {print $2}' "/proc/$ppid_/status")
anon_ten=$(awk '/^RssAnon/ {print $2}' "/proc/$ppid_/status")
echo "with 10000 articles: start-up to the first answer $ten_ms ms (target < 300 ms: $(yes_no "$ten_ms" "<" 300)), resident memory $(( rss_ten / 1024 )) MB after a walk through its pages (target < 100 MB: $(yes_no "$rss_ten" "<" 102400)), $(( anon_ten / 1024 )) MB of it the process's own"


# --- static export of 10,000 articles against Hugo building the same content (bench/export.sh)
stop ten "$ppid_" TERM
ppid_=""
bench/export.sh "$bin" "$tmp"

# --- WordPress import of 10,000 and 40,000 generated posts: time and peak memory (bench/import.sh)
bench/import.sh "$bin" "$tmp"

# --- the mail queue: 100,000 recipients queued and delivered to a loopback SMTP sink (bench/mail.sh)
bench/mail.sh "$bin" "$tmp"

# --- the typeset "What's new" PDF of one section's month: 50 and 300 articles, uncached and cached (bench/whatsnew_pdf.sh)
bench/whatsnew_pdf.sh "$bin" "$tmp"

# --- library videos: random 1 MB ranges of 100 MB against nginx (1 and 64 connections), memory during a 1 GB upload (bench/video.sh)
bench/video.sh "$bin" "$tmp"
