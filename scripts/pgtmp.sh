#!/bin/sh
# A throwaway PostgreSQL for tests and development: pgtmp.sh start DIR PORT | pgtmp.sh stop DIR
# start: makes a cluster in DIR/data (as the postgres user when run as root: initdb refuses root), trusting
# every connection over loopback, starts it on 127.0.0.1:PORT with its socket and log in DIR, waits until it
# answers, and prints the base URL, postgresql://postgres@127.0.0.1:PORT/ (append a database name; create
# it with createdb -h 127.0.0.1 -p PORT -U postgres NAME). A DIR already holding a cluster is started again
# (on PORT), or left running if it runs.
# stop: stops the cluster of DIR (fast: open connections are closed) and leaves its files.
set -eu

usage() {
	echo "usage: $0 start DIR PORT | $0 stop DIR" >&2
	exit 2
}

# PostgreSQL's programs: pg_config knows their folder (Debian keeps them out of PATH)
bindir=""
if command -v pg_config >/dev/null 2>&1; then
	bindir=$(pg_config --bindir)
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
	for d in /usr/lib/postgresql/*/bin; do
		[ -x "$d/initdb" ] && bindir=$d # the last found (one version is the usual case)
	done
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
	echo "$0: PostgreSQL's server programs are missing (scripts/deps.sh test installs them)" >&2
	exit 1
fi

# runs a command as the cluster's owner: postgres when we are root, ourselves otherwise
as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

[ $# -ge 2 ] || usage
cmd=$1
dir=$2
case "$cmd" in
start)
	[ $# -eq 3 ] || usage
	port=$3
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	[ "$(id -u)" = 0 ] && chown postgres "$dir"
	if [ ! -f "$dir/data/PG_VERSION" ]; then
		as_owner "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
			>"$dir/initdb.log" 2>&1 || {
			cat "$dir/initdb.log" >&2
			exit 1
		}
	fi
	# fsync off: a test cluster is thrown away, and the tests write a lot. One running already is kept.
	as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1 ||
	as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
		-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
-c full_page_writes=off -c max_connections=200" start >/dev/null || {
		tail -n 20 "$dir/log" >&2
		exit 1
	}
	tries=0
	until "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; do
		tries=$((tries + 1))
		[ $tries -lt 100 ] || {
			echo "$0: PostgreSQL on port $port did not become ready" >&2
			exit 1
		}
		sleep 0.1
	done
	echo "postgresql://postgres@127.0.0.1:$port/"
	;;
stop)
	[ $# -eq 2 ] || usage
	[ -f "$dir/data/postmaster.pid" ] || exit 0
	as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
	;;
*) usage ;;
esac
