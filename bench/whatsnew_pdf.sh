#!/usr/bin/env bash
# The typeset "What's new" PDF: the time to build one section's monthly document of N articles (~3 KB Markdown
# bodies with headings, lists and links, two references each) uncached (cache_mb = 0: every request builds it),
# and requests/s for the same document from the page cache (wrk).
#
# Usage: bench/whatsnew_pdf.sh [BIN [TMPDIR]]   BIN: the plenary binary (default $PLENARY_BIN or ./plenary)
#        BENCH_PDF_ARTICLES="50 300" bench/whatsnew_pdf.sh ...   the document sizes (default 50 and 300)
# Prints one line per size:
#   whatsnew pdf: 300 articles, 412 pages, 1.9 MB: built in 1234 ms uncached (median of 5), 2500 requests/s cached
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-${PLENARY_BIN:-./plenary}}
base=${2:-${TMPDIR:-/tmp}}
sizes=${BENCH_PDF_ARTICLES:-50 300}
secs=${BENCH_SECONDS:-5}
for tool in "$bin" curl wrk /usr/bin/python3; do
	command -v "$tool" >/dev/null || { echo "bench/whatsnew_pdf.sh: $tool not found" >&2; exit 1; }
done
tmp=$(mktemp -d "$base/plenary-pdf-bench.XXXXXX")
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
serve() { # db cache_mb
	printf '[plenary]\ncache_mb = %s\n' "$2" >"$tmp/plenary.ini"
	"$bin" serve --config "$tmp/plenary.ini" --db "$1" --listen "127.0.0.1:$port" --threads 2 >"$tmp/server.log" 2>&1 &
	pid=$!
	for _ in $(seq 100); do
		curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && return 0
		sleep 0.1
	done
	echo "bench/whatsnew_pdf.sh: the server did not start:" >&2
	tail -n 20 "$tmp/server.log" >&2
	exit 1
}
halt() { kill "$pid" && wait "$pid" 2>/dev/null || true; pid=""; }

for n in $sizes; do
	db="$tmp/pdf-$n.db"
	"$bin" demo "$db" >/dev/null 2>&1
	/usr/bin/python3 - "$db" "$n" <<'PY'
import calendar, sqlite3, sys
db, n = sys.argv[1], int(sys.argv[2])
c = sqlite3.connect(db)
c.execute("INSERT INTO section (site_id, slug, name, description, position) VALUES (1, 'bench-pdf', 'Bench Cancer', '', 90)")
sid = c.execute("SELECT id FROM section WHERE slug = 'bench-pdf'").fetchone()[0]
para = ("Investigators reported the primary endpoint of progression-free survival with a hazard ratio of 0.62, "
        "and overall survival data remain immature; see [the abstract](https://example.org/abstract) and "
        "[a related interview](/article/generated-1). ")
body = "\n\n".join(["## Background", para * 3, "- *First* point of the design\n- **Second** point\n- Third point",
                    "## Results", para * 4, "1. Efficacy\n2. Safety\n3. Quality of life", "> A quotation from the "
                    "investigator about what the results mean for practice.", para * 2])
start = calendar.timegm((2025, 6, 1, 8, 0, 0))
for i in range(n):
    cur = c.execute("INSERT INTO article (site_id, slug, title, summary, body, kind, section_id, status, audience, "
                    "published_at, created_at, updated_at) VALUES (1, ?, ?, ?, ?, 'interview', ?, 'published', "
                    "'public', ?, ?, ?)", (f"bench-pdf-{i}", f"Bench article {i}: a trial's results and their "
                    "meaning for practice", "A summary of two sentences. It says what the article covers.", body,
                    sid, start + i * 600, start, start + i * 600))
    for k in range(2):
        c.execute("INSERT INTO reference (article_id, position, citation, abstract_no, url) VALUES (?, ?, ?, "
                  "'LBA5', 'https://doi.org/10.1000/bench')", (cur.lastrowid, k, f"Author A, et al. Study {k}. 2025."))
c.commit()
PY
	url="http://127.0.0.1:$port/section/bench-pdf/whats-new/2025-06.pdf"
	serve "$db" 0
	curl -sf -o "$tmp/doc.pdf" "$url"
	for _ in 1 2 3 4 5; do curl -sf -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n >"$tmp/times"
	build_ms=$(awk 'NR == 3 { printf "%d", $1 * 1000 }' "$tmp/times")
	halt
	size=$(stat -c %s "$tmp/doc.pdf")
	pages=$(command -v pdfinfo >/dev/null && pdfinfo "$tmp/doc.pdf" | awk '$1 == "Pages:" {print $2}' || echo "?")
	serve "$db" 256
	curl -sf -o /dev/null "$url"
	wrk -t2 -c8 -d"${secs}s" -H "Accept-Encoding: identity" "$url" >"$tmp/wrk.txt"
	rps=$(awk '/^Requests\/sec:/ {printf "%d", $2}' "$tmp/wrk.txt")
	halt
	echo "whatsnew pdf: $n articles, $pages pages, $(awk -v b="$size" 'BEGIN { printf "%.1f", b / 1048576 }') MB:" \
		"built in $build_ms ms uncached (median of 5), $rps requests/s cached (wrk -c8, ${secs} s)"
	rm -f "$db"*
done
