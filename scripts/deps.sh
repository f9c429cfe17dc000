#!/bin/sh
# Installs the Debian 12 packages Plenary needs to build, run, test and benchmark.
# Usage: scripts/deps.sh [build|test|bench]   (default: build)
# As root it installs what is missing with apt-get; otherwise it prints the command.
set -eu

BUILD="gcc make pkg-config libh2o-evloop-dev libssl-dev zlib1g-dev libsqlite3-dev \
libmd4c-dev libmd4c-html0-dev libsodium-dev libinih-dev libbrotli-dev libjansson-dev libcurl4-openssl-dev liboath-dev libqrencode-dev libvips-dev libwebp-dev libgmime-3.0-dev libpq-dev libexpat1-dev libgumbo-dev libstemmer-dev libopendkim-dev libcairo2-dev libpango1.0-dev libavformat-dev libavcodec-dev libswscale-dev libavutil-dev fonts-dejavu-core john"
TEST="$BUILD python3 python3-pytest python3-requests python3-aiosmtpd python3-pil python3-feedparser python3-brotli python3-h2 openssl chromium postgresql python3-psycopg2 python3-dkim python3-prometheus-client poppler-utils ffmpeg \
clang libclang-rt-14-dev clang-format"
# Node.js may come from elsewhere than Debian (it bundles npm); only ask Debian for it when absent.
command -v npm >/dev/null 2>&1 || TEST="$TEST nodejs npm"
BENCH="$BUILD wrk nginx-light procps time curl sqlite3 valgrind hugo"

case "${1:-build}" in
build) want=$BUILD ;;
test) want=$TEST ;;
bench) want=$BENCH ;;
*) echo "usage: $0 [build|test|bench]" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "Missing Debian packages:$missing" >&2
	echo "Run as root:  apt-get install -y$missing" >&2
	exit 1
fi
echo "deps.sh: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || true
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
