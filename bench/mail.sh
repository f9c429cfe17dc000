#!/usr/bin/env bash
# The durable mail queue: N readers (default 100,000) subscribed to a section of the demo, three of its
# articles (public, members, hcp) just published, queued by one real alert batch (`plenary alerts run --now`:
# each reader's mail gated to their level, one store_mail_put each, one transaction), then delivered by
# `plenary serve` (mail_per_second = 0) to a loopback SMTP sink (aiosmtpd that discards,
# tests/http/mailq_smtp.py). Times both; peak RSS from /usr/bin/time and /proc/PID/status VmHWM.
#
# Usage: bench/mail.sh [BIN [TMPDIR]]    BIN: the plenary binary (default $PLENARY_BIN or ./plenary)
#        BENCH_MAIL_RECIPIENTS=N bench/mail.sh ...   another number of recipients
# Prints two lines:
#   mail: 100000 recipients queued by one alert batch in S s (R messages/s), peak RSS M MB
#   mail: 100000 messages delivered in S s (R messages/s), server peak RSS M MB
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-${PLENARY_BIN:-./plenary}}
base=${2:-${TMPDIR:-/tmp}}
n=${BENCH_MAIL_RECIPIENTS:-100000}
case "$n" in *[!0-9]* | "") echo "bench/mail.sh: BENCH_MAIL_RECIPIENTS must be a whole number" >&2; exit 2 ;; esac
for tool in "$bin" /usr/bin/python3 curl; do
	command -v "$tool" >/dev/null || { echo "bench/mail.sh: $tool not found (make plenary)" >&2; exit 1; }
done
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || { echo "bench/mail.sh: needs python3-aiosmtpd" >&2; exit 1; }

tmp=$(mktemp -d "$base/plenary-mail-bench.XXXXXX")
spid=""
ppid_=""
cleanup() {
	local rc=$?
	[ -z "$ppid_" ] || { kill -TERM "$ppid_" 2>/dev/null; wait "$ppid_" 2>/dev/null; } || true
	[ -z "$spid" ] || { kill -TERM "$spid" 2>/dev/null; wait "$spid" 2>/dev/null; } || true
	rm -rf "$tmp"
	exit "$rc"
}
trap cleanup EXIT
free_port() {
	/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

db="$tmp/mail.db"
"$bin" demo "$db" >/dev/null

# the readers: n confirmed subscribers to one section with immediate alerts (a fifth of them accounts at each
# level, so the batch reads the article at every level), and three articles of it made public a minute ago
/usr/bin/python3 - "$db" "$n" <<'PY'
import sqlite3, sys, time
db, n = sys.argv[1], int(sys.argv[2])
c = sqlite3.connect(db, isolation_level=None)
now = int(time.time())
site = c.execute("SELECT id FROM site WHERE is_default = 1").fetchone()[0]
section = c.execute("SELECT id FROM section WHERE site_id = ? ORDER BY id LIMIT 1", (site,)).fetchone()[0]
c.execute("BEGIN")
levels = [None, ("not_hcp", 0, "none"), ("physician", 1, "none"), ("physician", 1, "verified")]
for i in range(n):
    email, user = f"reader{i}@example.org", None
    level = levels[i % len(levels)]
    if level:
        user = c.execute('INSERT INTO "user" (email, email_verified_at, password_hash, name, profession, '
                         "hcp_declared, hcp_status, privacy_accepted_at, created_at, updated_at) VALUES "
                         "(?, ?, 'x', 'Dr Reader', ?, ?, ?, ?, ?, ?) RETURNING id",
                         (email, now, level[0], level[1], level[2], now, now, now)).fetchone()[0]
    sub = c.execute("INSERT INTO subscriber (site_id, email, user_id, confirmed_at, created_at) VALUES "
                    "(?, ?, ?, ?, ?) RETURNING id", (site, email, user, now, now)).fetchone()[0]
    c.execute("INSERT INTO subscription (subscriber_id, kind, section_id, cadence, created_at) VALUES "
              "(?, 'section', ?, 'immediate', ?)", (sub, section, now))
ids = [r[0] for r in c.execute("SELECT id FROM article WHERE site_id = ? AND status = 'published' ORDER BY id "
                               "LIMIT 3", (site,))]
for k, a in enumerate(ids):
    c.execute("UPDATE article SET section_id = ?, audience = ?, published_at = ? WHERE id = ?",
              (section, ["public", "members", "hcp"][k], now - 60, a))
    c.execute("DELETE FROM alert_article WHERE article_id = ?", (a,))
c.execute("COMMIT")
PY

# queue: the real producer, one alert batch (gated per reader's level, one store_mail_put each, one
# transaction), timed by the command's own run
printf '[plenary]\nalert_delay_minutes = 0\nmail_from = Plenary <no-reply@example.org>\noutbox = %s\nlog_level = warn\n' \
	"$tmp/outbox" >"$tmp/alerts.ini"
t0=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$tmp/alerts.rss" "$bin" alerts run --now --config "$tmp/alerts.ini" --db "$db" >"$tmp/alerts.out" 2>&1 ||
	{ echo "bench/mail.sh: the alert run failed:" >&2; cat "$tmp/alerts.out" >&2; exit 1; }
t1=$(date +%s.%N)
put_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
queued=$(/usr/bin/python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM mail_queue").fetchone()[0])' "$db")
[ "$queued" = "$n" ] || { echo "bench/mail.sh: the batch queued $queued messages for $n readers" >&2; cat "$tmp/alerts.out" >&2; exit 1; }

sport=$(free_port)
/usr/bin/python3 tests/http/mailq_smtp.py "$sport" "$tmp/sink" sink >"$tmp/smtp.out" 2>&1 &
spid=$!
for _ in $(seq 200); do grep -q ready "$tmp/smtp.out" 2>/dev/null && break; sleep 0.05; done

port=$(free_port)
printf '[plenary]\nsmtp_url = smtp://127.0.0.1:%s\nmail_per_second = 0\nmail_from = Plenary <no-reply@example.org>\noutbox = %s\nlog_level = warn\n' \
	"$sport" "$tmp/outbox" >"$tmp/mail.ini"
t0=$(date +%s.%N)
"$bin" serve --config "$tmp/mail.ini" --db "$db" --listen "127.0.0.1:$port" --threads 1 >"$tmp/server.log" 2>&1 &
ppid_=$!
left=$n
while [ "$left" -gt 0 ]; do
	sleep 0.5
	kill -0 "$ppid_" 2>/dev/null || { echo "bench/mail.sh: the server died:" >&2; tail -n 20 "$tmp/server.log" >&2; exit 1; }
	left=$(/usr/bin/python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1], timeout=30); print(c.execute("SELECT count(*) FROM mail_queue WHERE state <> '"'"'sent'"'"'").fetchone()[0])' "$db")
done
t1=$(date +%s.%N)
hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$ppid_/status")
failed=$(grep -c "could not send\|refused" "$tmp/server.log" || true)
[ "$failed" != 0 ] || failed=""
send_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
echo "mail: $n recipients queued by one alert batch in $put_s s ($(awk -v n="$n" -v s="$put_s" 'BEGIN { printf "%d", (s > 0 ? n / s : 0) }') messages/s), peak RSS $(($(cat "$tmp/alerts.rss") / 1024)) MB"
echo "mail: $n messages delivered in $send_s s ($(awk -v n="$n" -v s="$send_s" 'BEGIN { printf "%d", (s > 0 ? n / s : 0) }') messages/s), server peak RSS $((hwm / 1024)) MB${failed:+, $failed delivery warnings in the log}"
