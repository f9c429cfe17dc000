#!/bin/sh
# Keeps dependencies one way: every project #include of SRC (default src) must point down the layers, and no
# two units (a folder/name.c with its name.h) may include each other, however long the way round. Given the
# build's object folder OBJ too, no object may use a symbol defined in a folder above its own (an extern
# declared by hand, which no #include shows).
# Usage: scripts/layers.sh [SRC [OBJ]]   Prints each offence (file:line, object) and exits 1 when there is one.
set -eu
src=${1:-src}
obj=${2:-}
[ -z "$obj" ] || obj=$(cd "$obj" && pwd)
cd "$src"
files=$(find . -name '*.[ch]' | sed 's|^\./||' | sort)
[ -n "$files" ] || { echo "layers: no C files in $src" >&2; exit 2; }
edges=$(mktemp)
trap 'rm -f "$edges"' EXIT

# The layers, lowest first: each folder with the folders below it that it may use (main.c is "main").
rules='BEGIN {
	allow["core"] = ""
	allow["render"] = "core"
	allow["store"] = "core"
	allow["http"] = "core render store"
	allow["auth"] = "core render store http"
	allow["jobs"] = "core render store http"
	allow["export"] = "core render store http"
	allow["import"] = "core render store http auth jobs"
	allow["site"] = "core render store http auth jobs"
	allow["admin"] = "core render store http auth jobs site"
	allow["main"] = "core render store http auth jobs export import site admin"
}
function folder(p) { return p ~ /\// ? substr(p, 1, index(p, "/") - 1) : "main" }
function allowed(from, to) { return from == to || index(" " allow[from] " ", " " to " ") > 0 }
'

awk -v src="$src" -v edges="$edges" "$rules"'
NR == FNR { known[$0] = 1; next }
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
# a header named by a macro: the check could not tell where it points
/^[ \t]*#[ \t]*include[ \t]*[A-Za-z_]/ {
	printf "%s/%s:%d: #include of a macro: name the header\n", src, FILENAME, FNR
	bad = 1
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
	if (!allowed(from, to)) {
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

# Symbols: what each object uses that another defines (nm), judged by the same table. embedded.o, made from
# the SQL files, belongs to no folder. site/routes.c names admin's handlers: the project keeps its one route
# table there (docs/design.md), the one use up the layers allowed.
if [ -n "$obj" ]; then
	(cd "$obj" && find . -name '*.o' | sed 's|^\./||' | sort | xargs nm -A -g 2>/dev/null) | awk -v obj="$obj" "$rules"'
	{
		o = substr($0, 1, index($0, ":") - 1); n = split(substr($0, length(o) + 2), f, " ")
		if (f[n - 1] == "U") { used[++k] = o; sym[k] = f[n] }
		else if (o ~ /\// || o == "main.o") def[f[n]] = o
	}
	END {
		ok["site/routes.o admin"] = 1
		for (i = 1; i <= k; i++) {
			if (!(sym[i] in def)) continue
			to = def[sym[i]]; from = used[i]
			if (allowed(folder(from), folder(to)) || (from " " folder(to)) in ok) continue
			key = from " " to; if (!(key in seen)) order[++m] = key
			seen[key] = seen[key] (seen[key] == "" ? "" : ", ") sym[i]
		}
		for (i = 1; i <= m; i++) {
			split(order[i], p, " ")
			printf "%s/%s: %s may not use %s: %s (defined in %s)\n", obj, p[1], folder(p[1]), folder(p[2]),
			       seen[order[i]], p[2]
		}
		exit m > 0
	}' || rc=1
fi
exit ${rc:-0}
