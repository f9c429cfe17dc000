#!/usr/bin/env bash
# Search and article saves on both engines, side by side: the same generated articles in SQLite and in a
# throwaway PostgreSQL (scripts/pgtmp.sh), the search mix of bench/search.lua on one connection with the page
# cache off, then an editor's saves of one article (bench/save.py).
#
# Usage: bench/search.sh [BIN [TMPDIR]]        BIN: the plenary binary (default $PLENARY_BIN or ./plenary)
#        BENCH_SEARCH_ARTICLES=N  generated articles (default 20000); BENCH_SECONDS=N each search run (10)
#        BENCH_WARMUP=N  seconds of searches before the measured run (3)
#        BENCH_LANGUAGES=0  every article English (default: a third each French, Dutch and English)
#        BENCH_ENGINES="sqlite postgresql"  the engines run (PostgreSQL is left out when its programs are
#        missing)
# Prints one line per engine, then the targets.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-${PLENARY_BIN:-./plenary}}
base=${2:-${TMPDIR:-/tmp}}
articles=${BENCH_SEARCH_ARTICLES:-20000}
secs=${BENCH_SECONDS:-10}
warmup=${BENCH_WARMUP:-3}
engines=${BENCH_ENGINES:-sqlite postgresql}
out=bench/out
case "$articles$secs$warmup" in *[!0-9]* | "") echo "bench/search.sh: BENCH_SEARCH_ARTICLES, BENCH_SECONDS and BENCH_WARMUP must be whole numbers" >&2; exit 2 ;; esac
for tool in "$bin" curl wrk python3; do
	command -v "$tool" >/dev/null || { echo "bench/search.sh: $tool not found (make plenary; scripts/deps.sh bench)" >&2; exit 1; }
done

tmp=$(mktemp -d "$base/plenary-search-bench.XXXXXX")
chmod 755 "$tmp" # the cluster's files are PostgreSQL's user's (scripts/pgtmp.sh), under this folder
spid=""
pgdir=""
cleanup() {
	[ -z "$spid" ] || { kill -TERM "$spid" 2>/dev/null; wait "$spid" 2>/dev/null; } || true
	[ -z "$pgdir" ] || scripts/pgtmp.sh stop "$pgdir" >/dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$out"

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
ms() { # wrk latency (850.00us, 7.01ms, 1.20s) -> milliseconds
	awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
		f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : -1
		if (f < 0) { print "?"; exit } printf "%.2f", n * f }'
}
yes_no() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "?" || a == "" ? "?" : a + 0 < b + 0 ? "met" : "MISSED") }'; }

declare -A p50 p99 rps save gen
run_engine() { # engine db
	local engine=$1 db=$2 port t0 f made pw jar token session id
	t0=$(date +%s)
	"$bin" demo "$db" --articles "$articles" >"$tmp/$engine-demo.log" 2>&1 ||
		{ echo "bench/search.sh: generating on $engine failed:" >&2; cat "$tmp/$engine-demo.log" >&2; exit 1; }
	# the three languages mixed (BENCH_LANGUAGES=0: all English): a third of the articles French and a third
	# Dutch, their generated words stemmed in that language; SQLite indexes them again at the first search,
	# within the warm-up
	if [ "${BENCH_LANGUAGES:-1}" != 0 ]; then
		# (the demo's families of translations keep theirs: a family has one article per language)
		local mix="UPDATE article SET lang = CASE id % 3 WHEN 1 THEN 'fr' WHEN 2 THEN 'nl' ELSE '' END WHERE family_id IS NULL AND id NOT IN (SELECT family_id FROM article WHERE family_id IS NOT NULL)"
		case "$engine" in sqlite) sqlite3 "$db" "$mix" ;; *) psql "$db" -qc "$mix" ;; esac
	fi
	gen[$engine]=$(($(date +%s) - t0))
	printf '[plenary]\naccess_log =\ncache_mb = 0\n' >"$tmp/search.ini"
	port=$(free_port)
	"$bin" serve --config "$tmp/search.ini" --db "$db" --listen "127.0.0.1:$port" --threads 2 >"$tmp/$engine.log" 2>&1 &
	spid=$!
	for _ in $(seq 1500); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.02; done
	curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" || { echo "bench/search.sh: $engine server did not start:" >&2; cat "$tmp/$engine.log" >&2; exit 1; }
	f="$out/plenary-search-$engine.txt"
	wrk -t1 -c1 -d"${warmup}s" -s bench/search.lua "http://127.0.0.1:$port" >/dev/null
	wrk -t1 -c1 -d"${secs}s" --latency -s bench/search.lua "http://127.0.0.1:$port" >"$f"
	p50[$engine]=$(ms "$(awk '$1 == "50%" {print $2}' "$f")")
	p99[$engine]=$(ms "$(awk '$1 == "99%" {print $2}' "$f")")
	rps[$engine]=$(awk '/^Requests\/sec:/ {print $2}' "$f")
	# an editor saves the generated article in the middle, ten times
	made=$("$bin" user add "bench-editor@example.org" --role editor --name "Bench Editor" --generate --db "$db" 2>/dev/null)
	pw=$(echo "$made" | sed -n 's/^password (shown once): //p')
	jar="$tmp/cookies-$engine"
	token=$(curl -s -c "$jar" "http://127.0.0.1:$port/signin" | grep -o 'name="form_token" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
	curl -s -b "$jar" -c "$jar" -o /dev/null -H "Origin: http://127.0.0.1:$port" \
		--data-urlencode "email=bench-editor@example.org" --data-urlencode "password=$pw" \
		--data-urlencode "form_token=$token" "http://127.0.0.1:$port/signin"
	session=$(awk '$6 == "plenary_session" {print $7}' "$jar")
	[ -n "$session" ] || { echo "bench/search.sh: the bench editor could not sign in on $engine" >&2; exit 1; }
	id=$(curl -s -b "$jar" "http://127.0.0.1:$port/article/generated-$((articles / 2))" | grep -o 'href="/admin/articles/[0-9]*"' | head -n 1 | grep -o '[0-9]*' || true)
	if [ -z "$id" ]; then
		case "$engine" in
		sqlite) id=$(sqlite3 "$db" "SELECT id FROM article WHERE slug = 'generated-$((articles / 2))'") ;;
		*) id=$(psql "$db" -Atc "SELECT id FROM article WHERE slug = 'generated-$((articles / 2))'") ;;
		esac
	fi
	save[$engine]=$(python3 bench/save.py "http://127.0.0.1:$port" "$session" "$id" 10 | awk '{print $5}')
	kill -TERM "$spid" 2>/dev/null || true
	wait "$spid" 2>/dev/null || true
	spid=""
}

for engine in $engines; do
	case "$engine" in
	sqlite) run_engine sqlite "$tmp/search.db" ;;
	postgresql)
		if ! pgurl=$(scripts/pgtmp.sh start "$tmp/pg" "$(free_port)" 2>"$tmp/pg.err"); then
			echo "bench/search.sh: no PostgreSQL, its row is left out: $(cat "$tmp/pg.err")" >&2
			continue
		fi
		pgdir="$tmp/pg"
		run_engine postgresql "${pgurl}postgres"
		;;
	*) echo "bench/search.sh: unknown engine $engine" >&2; exit 2 ;;
	esac
done

echo "search mix (bench/search.lua, one connection, no cache, after $warmup s of warm-up) and an editor's save (bench/save.py, median of 10) on $articles generated articles:"
printf '%-11s %9s %9s %11s %9s %8s  %s\n' engine "p50 ms" "p99 ms" requests/s "save ms" "made s" targets
for engine in $engines; do
	[ -n "${p99[$engine]:-}" ] || continue
	case "$engine" in sqlite) limit=10 ;; *) limit=15 ;; esac
	printf '%-11s %9s %9s %11s %9s %8s  %s\n' "$engine" "${p50[$engine]}" "${p99[$engine]}" "${rps[$engine]}" \
		"${save[$engine]}" "${gen[$engine]}" \
		"p99 < $limit ms: $(yes_no "${p99[$engine]}" "$limit"); save < 50 ms: $(yes_no "${save[$engine]}" 50)"
done
echo "raw wrk output: $out/plenary-search-{$(echo "$engines" | tr ' ' ',')}.txt"
