#!/bin/sh
# Runs every test layer against a build folder and ends with one line: "N passed, N failed".
# Usage: tests/run.sh BUILD   (PLENARY_BIN overrides the binary the black-box tests start)
set -u
build=${1:-build}
export PLENARY_BIN=${PLENARY_BIN:-$build/plenary}
here=$(cd "$(dirname "$0")" && pwd)
passed=0
failed=0
add() { # reads "... N passed, M failed" lines from stdin and adds them up
	while IFS= read -r line; do
		echo "$line"
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

echo "== unit tests"
for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	out=$("$t" 2>&1)
	rc=$?
	printf '%s\n' "$out" | add
	if [ $rc -ne 0 ] && ! printf '%s' "$out" | grep -q ' passed, '; then
		echo "$t: crashed (exit $rc)"
		echo 1 >>"$tally.f"
	fi
done

echo "== node tools (html-validate, playwright-core)"
if [ ! -d "$here/node_modules" ] || [ "$here/package-lock.json" -nt "$here/node_modules" ]; then
	(cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || echo "npm ci failed" >&2
fi

echo "== black-box HTTP tests"
/usr/bin/python3 -m pytest -q -p no:cacheprovider "$here/http" 2>&1 | tail -n 40 | add

echo "== browser tests"
if [ -f "$here/browser/run.mjs" ]; then
	node "$here/browser/run.mjs" 2>&1 | add
fi

passed=$(awk '{s+=$1} END {print s+0}' "$tally.p")
failed=$(awk '{s+=$1} END {print s+0}' "$tally.f")
rm -f "$tally" "$tally.p" "$tally.f"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
