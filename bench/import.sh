#!/usr/bin/env bash
# WordPress import: N generated posts (bench/wxr_gen.py: ~3 KB block-editor bodies with headings, lists, links and
# one image each, 20 categories, 200 tags) imported into a fresh SQLite database under /usr/bin/time -v; then a
# file four times larger, to show that memory stays bounded (the import streams the file).
#
# Usage: bench/import.sh [BIN [TMPDIR]]    BIN: the plenary binary (default $PLENARY_BIN or ./plenary);
#                                         TMPDIR: where the work folder goes (default $TMPDIR or /tmp)
#        BENCH_IMPORT_POSTS=N bench/import.sh ...   another number of posts (default 10000; the second run 4 x N)
# Prints two lines:
#   import: 10000 posts in S s, peak RSS M MB (target 10000 posts under 10 s: met)
#   import: 40000 posts in S s, peak RSS M MB (peak RSS R x the first run's for 4 x the posts)
# The generation of the file and the images (Pillow) is not timed; the import is, from start to exit, with its
# images taken from --uploads into the media library (20 distinct images, each used by many posts).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-${PLENARY_BIN:-./plenary}}
base=${2:-${TMPDIR:-/tmp}}
posts=${BENCH_IMPORT_POSTS:-10000}
case "$posts" in *[!0-9]* | "") echo "bench/import.sh: BENCH_IMPORT_POSTS must be a whole number" >&2; exit 2 ;; esac
for tool in "$bin" /usr/bin/time /usr/bin/python3; do
	command -v "$tool" >/dev/null || { echo "bench/import.sh: $tool not found (make plenary; apt-get install time)" >&2; exit 1; }
done

tmp=$(mktemp -d "$base/plenary-import-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# import_run N: writes "SECONDS KB" (wall-clock seconds, peak resident set size in kB) to $tmp/result-N
import_run() {
	local n=$1 d="$tmp/run-$1"
	mkdir -p "$d"
	/usr/bin/python3 bench/wxr_gen.py "$n" "$d/export.xml" "$d/uploads"
	"$bin" init "$d/site.db" >/dev/null
	printf '[plenary]\nmedia_dir = %s\n' "$d/media" >"$d/import.ini"
	sync "$d/export.xml"
	if ! /usr/bin/time -v -o "$d/time.txt" "$bin" import wordpress "$d/export.xml" --db "$d/site.db" \
		--config "$d/import.ini" --uploads "$d/uploads" >"$d/report.txt" 2>"$d/progress.txt"; then
		echo "bench/import.sh: the import of $n posts failed:" >&2
		tail -n 20 "$d/progress.txt" "$d/report.txt" >&2
		exit 1
	fi
	local created
	created=$(awk '$1 == "articles:" {print $2; exit}' "$d/report.txt")
	[ "$created" = "$n" ] || echo "bench/import.sh: warning: $n posts gave ${created:-no} created articles (see the report below)" >&2
	[ "$created" = "$n" ] || cat "$d/report.txt" >&2
	awk -F': ' '
		/Elapsed \(wall clock\) time/ { k = split($2, t, ":"); s = 0; for (i = 1; i <= k; i++) s = s * 60 + t[i] }
		/Maximum resident set size/ { kb = $2 }
		END { printf "%.2f %d\n", s, kb }' "$d/time.txt" >"$tmp/result-$n"
	rm -rf "$d"
}

big=$((posts * 4))
import_run "$posts"
import_run "$big"
read -r s1 kb1 <"$tmp/result-$posts"
read -r s4 kb4 <"$tmp/result-$big"
met=$(awk -v s="$s1" -v n="$posts" 'BEGIN { print (n != 10000 ? "not measured at " n " posts" : (s < 10 ? "met" : "MISSED")) }')
echo "import: $posts posts in $s1 s, peak RSS $((kb1 / 1024)) MB (target 10000 posts under 10 s: $met)"
echo "import: $big posts in $s4 s, peak RSS $((kb4 / 1024)) MB (peak RSS $(awk -v a="$kb4" -v b="$kb1" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }') x the first run's for 4 x the posts)"
