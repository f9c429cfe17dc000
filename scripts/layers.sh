#!/bin/sh
# Keeps dependencies one way: every project #include of SRC (default src) must point down the layers, and no
# two units (a folder/name.c with its name.h) may include each other, however long the way round.
# Usage: scripts/layers.sh [SRC]   Prints each offence as file:line and exits 1 when there is one.
set -eu
src=${1:-src}
cd "$src"
files=$(find . -name '*.[ch]' | sed 's|^\./||' | sort)
[ -n "$files" ] || { echo "layers: no C files in $src" >&2; exit 2; }
edges=$(mktemp)
trap 'rm -f "$edges"' EXIT

# The layers, lowest first: a folder may include itself and the folders listed after it (main.c is "main").
awk -v src="$src" -v edges="$edges" '
BEGIN {
	allow["core"] = ""
	allow["render"] = "core"
	allow["store"] = "core"
	allow["http"] = "core render store"
	allow["auth"] = "core render store http"
	allow["jobs"] = "core render store http"
	allow["export"] = "core render store http"
	allow["site"] = "core render store http auth jobs"
	allow["admin"] = "core render store http auth jobs site"
	allow["main"] = "core render store http auth jobs export site admin"
	bad = 0
}
NR == FNR { known[$0] = 1; next }
function folder(p) { return p ~ /\// ? substr(p, 1, index(p, "/") - 1) : "main" }
function unit(p) { sub(/\.[ch]$/, "", p); return p }
# dir/../x and ./x folded, so a path that climbs out and back in is judged by where it lands
function fold(p,   n, i, parts, out, k) {
	n = split(p, parts, "/"); k = 0
	for (i = 1; i <= n; i++) {
		if (parts[i] == "." || parts[i] == "") continue
		if (parts[i] == "..") { if (k > 0) k--; else return ""; continue }
		out[++k] = parts[i]
	}
	p = ""
	for (i = 1; i <= k; i++) p = p (i > 1 ? "/" : "") out[i]
	return p
}
/^[ \t]*#[ \t]*include[ \t]*["<]/ {
	line = $0
	sub(/^[ \t]*#[ \t]*include[ \t]*/, "", line)
	close_ch = substr(line, 1, 1) == "<" ? ">" : "\""
	name = substr(line, 2)
	if (index(name, close_ch) == 0) next
	name = substr(name, 1, index(name, close_ch) - 1)
	dir = FILENAME; sub(/[^\/]*$/, "", dir)
	# as the compiler looks: beside the file first (quotes only), then from src (-Isrc)
	local = fold(dir name)
	target = ""
	if (close_ch == "\"" && local in known) target = local
	else if (fold(name) in known) target = fold(name)
	if (target == "") next # a system header, or one made in the build folder (embedded.h)
	from = folder(FILENAME); to = folder(target)
	if (from != to && index(" " allow[from] " ", " " to " ") == 0) {
		printf "%s/%s:%d: %s may not include %s (%s): it may include %s\n", src, FILENAME, FNR, from, to,
		       target, allow[from] == "" ? "only itself" : allow[from] " and itself"
		bad = 1
	}
	if (unit(FILENAME) != unit(target)) print unit(FILENAME), unit(target) > edges
}
END { exit bad }
' - $files <<EOF || rc=1
$files
EOF

# Units that include each other, directly or round a loop: tsort names one loop at a time, a line each.
loops=$(sort -u "$edges" | tsort 2>&1 >/dev/null | awk '
	/input contains a loop/ { if (l != "") print "  " l; l = ""; next }
	{ sub(/^tsort: /, ""); l = l == "" ? $0 : l " -> " $0 }
	END { if (l != "") print "  " l }' || true)
if [ -n "$loops" ]; then
	echo "$src: units (name.c with name.h) that include each other:"
	printf '%s\n' "$loops"
	rc=1
fi
exit ${rc:-0}
