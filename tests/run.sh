#!/bin/sh
# Runs every test layer against a build folder and ends with one line: "N passed, N failed".
# Usage: tests/run.sh BUILD   (PLENARY_BIN overrides the binary the black-box tests start; the store's unit tests
# and the black-box tests run on SQLite and on a throwaway PostgreSQL, or on the server PLENARY_TEST_PG names;
# BLACKBOX_ENGINES=sqlite leaves out the black-box PostgreSQL pass, as make check does: see the Makefile)
set -u
build=${1:-build}
export PLENARY_BIN=${PLENARY_BIN:-$build/plenary}
here=$(cd "$(dirname "$0")" && pwd)
passed=0
failed=0
add() { # reads "... N passed, M failed" lines from stdin and adds them up
	while IFS= read -r line; do
		echo "$line"
		case "$line" in # what failed, named again at the end, where a log's last lines show it
		FAIL* | ERROR* | *": crashed (exit"* | *"ran no test"*) printf '%s %s\n' "$layer" "$line" >>"$tally.n" ;;
		esac
		p=$(echo "$line" | sed -n 's/.*\b\([0-9][0-9]*\) passed.*/\1/p')
		f=$(echo "$line" | sed -n 's/.*\b\([0-9][0-9]*\) failed.*/\1/p')
		[ -n "$p" ] && echo "$p" >>"$tally.p"
		[ -n "$f" ] && echo "$f" >>"$tally.f"
		e=$(echo "$line" | sed -n 's/.*\b\([0-9][0-9]*\) errors\{0,1\}\b.*/\1/p')
		[ -n "$e" ] && echo "$e" >>"$tally.f"
	done
}
tally=$(mktemp)
: >"$tally.p"
: >"$tally.f"
: >"$tally.n"
layer=""

# One PostgreSQL serves the store's unit tests and the black-box tests' PostgreSQL pass: every database they make is
# a database of a throwaway cluster (scripts/pgtmp.sh), stopped and removed at the end, also when the tests fail or
# are interrupted. PLENARY_TEST_PG set by the caller (a base URL, postgresql://USER@HOST:PORT/) names a server to
# use instead. When none starts, the unit binaries get PLENARY_TEST_PG set and empty: their "pg:" tests fail,
# each counted once, and the black-box PostgreSQL pass counts one failure; nothing is skipped.
echo "== PostgreSQL for the tests"
pgdir=""
stop_pg() {
	if [ -n "$pgdir" ]; then
		"$here/../scripts/pgtmp.sh" stop "$pgdir" >/dev/null 2>&1 || true
		rm -rf "$pgdir"
		pgdir=""
	fi
}
trap 'stop_pg; rm -f "$tally" "$tally.p" "$tally.f" "$tally.n"' EXIT
trap 'exit 130' INT TERM
pg_url=${PLENARY_TEST_PG:-}
if [ -z "$pg_url" ]; then
	pgdir=$(mktemp -d "${TMPDIR:-/tmp}/plenary-pg-XXXXXX")
	pg_port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	if ! pg_url=$("$here/../scripts/pgtmp.sh" start "$pgdir" "$pg_port" 2>"$pgdir.err"); then
		echo "a throwaway PostgreSQL did not start (make test installs PostgreSQL through scripts/deps.sh" \
			"test); the PostgreSQL tests fail:"
		sed 's/^/  /' "$pgdir.err"
		pg_url=""
	fi
	rm -f "$pgdir.err"
fi
[ -n "$pg_url" ] && echo "$pg_url"

echo "== unit tests (the store's on SQLite and PostgreSQL)"
layer=unit:
for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	out=$(PLENARY_TEST_PG=$pg_url "$t" 2>&1)
	rc=$?
	printf '%s\n' "$out" | add
	if [ $rc -ne 0 ] && ! printf '%s' "$out" | grep -q ' passed, '; then
		echo "$t: crashed (exit $rc)" | add
		echo 1 >>"$tally.f"
	elif printf '%s' "$out" | grep -q ': 0 passed, 0 failed'; then
		echo "$t: ran no test (a check outside RUN() counts nothing)" | add
		echo 1 >>"$tally.f"
	fi
done

echo "== node tools (html-validate, playwright-core)"
if [ ! -d "$here/node_modules" ] || [ "$here/package-lock.json" -nt "$here/node_modules" ]; then
	(cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || echo "npm ci failed" >&2
fi

echo "== black-box HTTP tests (SQLite)"
layer=sqlite:
env -u PLENARY_TEST_PG /usr/bin/python3 -m pytest -q -p no:cacheprovider "$here/http" 2>&1 | tail -n 40 | add

echo "== black-box HTTP tests (PostgreSQL)"
layer=postgresql:
if [ "${BLACKBOX_ENGINES:-sqlite postgresql}" = "sqlite" ]; then
	echo "not run here (BLACKBOX_ENGINES=sqlite): make test runs it; the store's PostgreSQL unit tests ran above"
elif [ -z "$pg_url" ]; then
	echo "PostgreSQL pass not run: no PostgreSQL (see \"PostgreSQL for the tests\" above)"
	echo 1 >>"$tally.f"
else
	PLENARY_TEST_PG=$pg_url /usr/bin/python3 -m pytest -q -p no:cacheprovider "$here/http" 2>&1 | tail -n 40 | add
fi
stop_pg

echo "== browser tests"
layer=browser:
if [ -f "$here/browser/run.mjs" ]; then
	node "$here/browser/run.mjs" 2>&1 | add
fi

passed=$(awk '{s+=$1} END {print s+0}' "$tally.p")
failed=$(awk '{s+=$1} END {print s+0}' "$tally.f")
if [ -s "$tally.n" ]; then
	echo "== what failed"
	cat "$tally.n"
fi
rm -f "$tally" "$tally.p" "$tally.f" "$tally.n"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
