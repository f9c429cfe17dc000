#!/usr/bin/env bash
# First-party counting's cost on a cached page: anonymous article requests per second with analytics = on
# against analytics = off, in one run. Two servers on one demo database, loaded one at a time and in turn
# (on, off, on, off...) so that the machine's drift falls on both; wrk sends a browser's User-Agent, as a
# robot's is not counted. Afterwards the database must hold the views the "on" server answered.
#
# Usage: bench/count.sh [BIN [TMPDIR]]   BIN: the plenary binary (default $PLENARY_BIN or ./plenary)
#        BENCH_SECONDS (default 5): each wrk run's length; BENCH_COUNT_ROUNDS (default 3): runs of each
# Prints (a run on the 2-core development machine, shared: load average 4.7, so the runs vary by a fifth and
# the callgrind figure is the steadier one):
#   counting: cached article 32486 requests/s with analytics on, 32858 off: 0.989 of off (goal >= 0.97: met);
#   3 x 4 s each, in turn (on 28316/34442/34697, off 33912/33690/30970); 394463 views counted, wrk saw 394372
#   answered (...); callgrind: 22900 instructions on the worker loop per counted cached article request on,
#   22370 off (+2.4%)
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-${PLENARY_BIN:-./plenary}}
base=${2:-${TMPDIR:-/tmp}}
secs=${BENCH_SECONDS:-5}
rounds=${BENCH_COUNT_ROUNDS:-3}
conns=${BENCH_CONNECTIONS:-64}
threads=2
case "$secs$rounds$conns" in *[!0-9]* | "") echo "bench/count.sh: BENCH_SECONDS, BENCH_COUNT_ROUNDS and BENCH_CONNECTIONS must be whole numbers" >&2; exit 2 ;; esac
for tool in "$bin" curl wrk sqlite3; do
	command -v "$tool" >/dev/null || { echo "bench/count.sh: $tool not found (scripts/deps.sh bench)" >&2; exit 1; }
done
tmp=$(mktemp -d "$base/plenary-count-bench.XXXXXX")
on_pid=""
off_pid=""
cleanup() {
	for p in $on_pid $off_pid; do { kill -TERM "$p" 2>/dev/null && wait "$p" 2>/dev/null; } || true; done
	rm -rf "$tmp"
}
trap cleanup EXIT

free_port() {
	local p
	for _ in $(seq 100); do
		p=$((10000 + RANDOM % 20000))
		if ! (: >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
	done
	return 1
}
serve() { # name analytics: starts a server, sets port and pid
	port=$(free_port)
	printf '[plenary]\naccess_log =\nanalytics = %s\n' "$2" >"$tmp/$1.ini"
	"$bin" serve --config "$tmp/$1.ini" --db "$tmp/demo.db" --listen "127.0.0.1:$port" --threads "$threads" \
		>"$tmp/$1.log" 2>&1 &
	pid=$!
	for _ in $(seq 500); do
		curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && return 0
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.02
	done
	echo "bench/count.sh: the $1 server did not start:" >&2
	cat "$tmp/$1.log" >&2
	exit 1
}

"$bin" demo "$tmp/demo.db" >"$tmp/demo.log" 2>&1 || { echo "bench/count.sh: demo failed" >&2; cat "$tmp/demo.log" >&2; exit 1; }
serve on on
on_port=$port
on_pid=$pid
serve off off
off_port=$port
off_pid=$pid
slug=$(curl -sf "http://127.0.0.1:$on_port/" | grep -o 'href="/article/[^"/?#]*"' | head -n 1 | sed 's|^href="/article/||; s|"$||')
[ -n "$slug" ] || { echo "bench/count.sh: the home page links no article" >&2; exit 1; }
ua="Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0"
for p in "$on_port" "$off_port"; do curl -sf -o /dev/null -A "$ua" "http://127.0.0.1:$p/article/$slug"; done

declare -A sum runs
sum[on]=0
sum[off]=0
answered=0
for r in $(seq "$rounds"); do
	for mode in on off; do
		p=$on_port
		[ "$mode" = on ] || p=$off_port
		f="$tmp/wrk-$mode-$r.txt"
		wrk -t"$threads" -c"$conns" -d"${secs}s" -H "User-Agent: $ua" -H "Accept-Encoding: identity" \
			"http://127.0.0.1:$p/article/$slug" >"$f"
		rps=$(awk '/^Requests\/sec:/ {print $2}' "$f")
		sum[$mode]=$(awk -v a="${sum[$mode]}" -v b="$rps" 'BEGIN { printf "%.2f", a + b }')
		runs[$mode]="${runs[$mode]:+${runs[$mode]}/}${rps%.*}"
		[ "$mode" = off ] || answered=$((answered + $(awk '/requests in/ {print $1}' "$f")))
	done
done
# the counts of the "on" server, written by the time it has stopped (SIGTERM flushes them)
kill -TERM "$on_pid" && wait "$on_pid" || true
on_pid=""
counted=$(sqlite3 "$tmp/demo.db" "SELECT COALESCE(SUM(n), 0) FROM analytics_count WHERE event = 'view'")

# instructions per counted request, by callgrind (valgrind), a figure the machine's load does not move: one
# worker serving 100 and then 600 cached article requests on one keep-alive connection, on and off; the
# difference over 500 requests leaves start-up, shutdown and the first render out; only the worker's loop is
# counted (worker_main), not the writer's one transaction a second
callgrind_ir() { # analytics requests: prints the instructions the server ran in all, or nothing
	local cport cpid urls
	cport=$(free_port)
	printf '[plenary]\naccess_log =\nanalytics = %s\n' "$1" >"$tmp/cg-$1.ini"
	valgrind --tool=callgrind --toggle-collect=worker_main --callgrind-out-file="$tmp/cg.$1.$2" "$bin" serve --config "$tmp/cg-$1.ini" \
		--db "$tmp/demo.db" --listen "127.0.0.1:$cport" --threads 1 >"$tmp/cg.$1.$2.log" 2>&1 &
	cpid=$!
	for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$cport/healthz" && break; sleep 0.05; done
	urls=$(for _ in $(seq "$2"); do printf 'http://127.0.0.1:%s/article/%s ' "$cport" "$slug"; done)
	# shellcheck disable=SC2086
	curl -s -A "$ua" $urls >/dev/null || true
	kill -TERM "$cpid" 2>/dev/null || true
	wait "$cpid" 2>/dev/null || true
	awk '/^(summary|totals):/ {print $2; exit}' "$tmp/cg.$1.$2" 2>/dev/null || true
}
instr=""
if command -v valgrind >/dev/null 2>&1; then
	declare -A per
	for mode in on off; do
		a=$(callgrind_ir "$mode" 100)
		b=$(callgrind_ir "$mode" 600)
		case "$a$b" in '' | *[!0-9]*) per[$mode]="" ;; *) per[$mode]=$(( (b - a) / 500 )) ;; esac
	done
	if [ -n "${per[on]}" ] && [ -n "${per[off]}" ]; then
		instr=$(awk -v on="${per[on]}" -v off="${per[off]}" 'BEGIN { printf "; callgrind: %d instructions on the worker loop per counted cached article request on, %d off (%+.1f%%)", on, off, (off > 0 ? (on - off) * 100 / off : 0) }')
	fi
fi

awk -v on="${sum[on]}" -v off="${sum[off]}" -v instr="$instr" -v runs_on="${runs[on]}" -v runs_off="${runs[off]}" -v n="$rounds" -v s="$secs" -v counted="$counted" -v answered="$answered" 'BEGIN {
	on /= n; off /= n; ratio = off > 0 ? on / off : 0
	printf "counting: cached article %.0f requests/s with analytics on, %.0f off: %.3f of off (goal >= 0.97: %s); %d x %d s each, in turn (on %s, off %s); %d views counted, wrk saw %d answered (it leaves a few in flight uncounted when it stops)%s\n",
		on, off, ratio, (ratio >= 0.97 ? "met" : "MISSED"), n, s, runs_on, runs_off, counted, answered + 2, instr }'
