#!/usr/bin/env bash
# Static export against Hugo: the same 10,000 generated articles written as a static site by
# `plenary export --static` and by Debian's hugo (with a small theme written here), each into an empty folder.
#
# Usage: bench/export.sh [BIN [TMPDIR]]    BIN: the plenary binary (default $PLENARY_BIN or ./plenary);
#                                         TMPDIR: where the work folder goes (default $TMPDIR or /tmp)
#        BENCH_EXPORT_ARTICLES=N bench/export.sh ...   another number of generated articles
#        BENCH_EXPORT_ROUNDS=N bench/export.sh ...     rounds (default 3): each tool runs once a round, in
#                                                      turn, into a new empty folder; the best time counts
# Prints one line:
#   static export: 10000 articles, plenary N.NN s, hugo N.NN s, ratio X.XX (target: plenary faster)
# ratio is hugo's time over plenary's: above 1.00, plenary is faster.
#
# Both sides write every page: Plenary's timed run is a full export into an empty folder, from the start of the
# command (server start-up included) to its exit; hugo's is a default build (no --minify) of a content folder
# made beforehand from the same database (not timed, as the database's generation is not). What Hugo gets:
# every article a reader can see on all three demo sites (title, date, summary, Markdown body; the summary
# alone for gated articles, which a static copy shows as their public teaser), its section as a Hugo section,
# its topics, congress and trial as taxonomies; home, section and term lists paginated by 12 (Plenary's
# page_size) with an RSS feed each (30 items), single pages, sitemap and robots.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-${PLENARY_BIN:-./plenary}}
base=${2:-${TMPDIR:-/tmp}}
articles=${BENCH_EXPORT_ARTICLES:-10000}
rounds=${BENCH_EXPORT_ROUNDS:-3}
case "$articles$rounds" in *[!0-9]* | "") echo "bench/export.sh: BENCH_EXPORT_ARTICLES and BENCH_EXPORT_ROUNDS must be whole numbers" >&2; exit 2 ;; esac
for tool in "$bin" hugo python3; do
	command -v "$tool" >/dev/null || { echo "bench/export.sh: $tool not found (make plenary; scripts/deps.sh bench)" >&2; exit 1; }
done

tmp=$(mktemp -d "$base/plenary-export-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

seconds() { date +%s.%N; }

"$bin" demo "$tmp/site.db" --articles "$articles" >/dev/null

# ---- the same content for Hugo ----
mkdir -p "$tmp/hugo/content" "$tmp/hugo/layouts/_default"
python3 - "$tmp/site.db" "$tmp/hugo/content" <<'EOF'
import json, os, sqlite3, sys, time
db, out = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db)
now = int(time.time())
sections = {}
for sid, slug, name in c.execute("SELECT id, slug, name FROM section"):
    sections[sid] = slug
    os.makedirs(os.path.join(out, slug), exist_ok=True)
    with open(os.path.join(out, slug, "_index.md"), "w") as f:
        f.write(json.dumps({"title": name}) + "\n")
tags = {}
for aid, name in c.execute("SELECT x.article_id, g.name FROM article_tag x JOIN tag g ON g.id = x.tag_id"):
    tags.setdefault(aid, []).append(name)
rows = c.execute(
    "SELECT a.id, a.slug, a.title, a.summary, a.body, a.audience, a.published_at, a.section_id, "
    "IFNULL(k.name, ''), IFNULL(t.name, '') FROM article a LEFT JOIN congress k ON k.id = a.congress_id "
    "LEFT JOIN trial t ON t.id = a.trial_id "
    "WHERE a.status IN ('published', 'scheduled') AND a.published_at <= ?", (now,))
n = 0
for aid, slug, title, summary, body, audience, published, section, congress, trial in rows:
    front = {"title": title, "slug": slug, "url": f"/article/{slug}/", "summary": summary,
             "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(published)),
             "tags": tags.get(aid, []), "congresses": [congress] if congress else [],
             "trials": [trial] if trial else []}
    with open(os.path.join(out, sections[section], f"{slug}.md"), "w") as f:
        f.write(json.dumps(front) + "\n\n" + (body if audience == "public" else summary) + "\n")
    n += 1
print(f"bench/export.sh: {n} articles visible on the demo sites, all given to hugo", file=sys.stderr)
EOF
cat >"$tmp/hugo/config.toml" <<'EOF'
baseURL = "http://oncology.localhost/"
languageCode = "en"
title = "Plenary Oncology"
paginate = 12
rssLimit = 30
enableRobotsTXT = true
[taxonomies]
tag = "tags"
congress = "congresses"
trial = "trials"
EOF
cat >"$tmp/hugo/layouts/_default/baseof.html" <<'EOF'
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AlternativeOutputFormats }}<link rel="{{ .Rel }}" type="{{ .MediaType.Type }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<header><a href="/">{{ .Site.Title }}</a>
<nav><ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
<li><a href="/congresses/">Congresses</a></li><li><a href="/trials/">Trials</a></li><li><a href="/tags/">Topics</a></li></ul></nav>
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer><p>© {{ now.Year }} {{ .Site.Title }}. For healthcare professionals.</p></footer>
</body>
</html>
EOF
cat >"$tmp/hugo/layouts/_default/single.html" <<'EOF'
{{ define "main" }}<article>
<p><a href="{{ .CurrentSection.RelPermalink }}">{{ .CurrentSection.Title }}</a>{{ range .GetTerms "congresses" }} · <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
<h1>{{ .Title }}</h1>
<p class="lede">{{ .Params.summary }}</p>
<p>Published <time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time></p>
{{ range .GetTerms "trials" }}<p>Trial: <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></p>{{ end }}
<div class="prose">{{ .Content }}</div>
<ul class="tags">{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
</article>{{ end }}
EOF
cat >"$tmp/hugo/layouts/_default/list.html" <<'EOF'
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = .Site.RegularPages }}{{ end }}
{{ range (.Paginate $pages).Pages }}<article class="card">
<h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
<p>{{ .Params.summary }}</p>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time></p>
</article>
{{ end }}
{{ template "_internal/pagination.html" . }}{{ end }}
EOF
cp "$tmp/hugo/layouts/_default/list.html" "$tmp/hugo/layouts/index.html"

# ---- the timed runs: best of the rounds (the machine may be shared), each into a new empty folder ----
best() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }
pbest=""
hbest=""
run_plenary() {
	local t0 t1
	t0=$(seconds)
	"$bin" export --static "$tmp/plenary-$round" --db "$tmp/site.db" >"$tmp/plenary.log"
	t1=$(seconds)
	p=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
}
run_hugo() {
	local t0 t1
	t0=$(seconds)
	hugo --quiet -s "$tmp/hugo" -d "$tmp/hugo-public-$round" --cacheDir "$tmp/hugo-cache-$round" >"$tmp/hugo.log"
	t1=$(seconds)
	h=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
}
# the outputs stay until the end (deleting thousands of files slows the next file creations on some file
# systems), and the two take turns at going first
for round in $(seq 1 "$rounds"); do
	if [ $((round % 2)) -eq 1 ]; then run_plenary; run_hugo; else run_hugo; run_plenary; fi
	echo "bench/export.sh: round $round: plenary $p s, hugo $h s" >&2
	pbest=$(best "$pbest" "$p")
	hbest=$(best "$hbest" "$h")
done
pfiles=$(find "$tmp/plenary-1" -type f -name '*.html' | wc -l)
hfiles=$(find "$tmp/hugo-public-1" -type f -name '*.html' | wc -l)

echo "bench/export.sh: $(tail -n 1 "$tmp/plenary.log")" >&2
echo "bench/export.sh: HTML files: plenary $pfiles, hugo $hfiles" >&2
awk -v n="$articles" -v p="$pbest" -v h="$hbest" 'BEGIN {
	printf "static export: %d articles, plenary %.2f s, hugo %.2f s, ratio %.2f (target: plenary faster)\n",
		n, p, h, (p > 0 ? h / p : 0) }'
