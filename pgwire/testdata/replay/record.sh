#!/usr/bin/env bash
# record.sh re-records the replay traces in this directory against a real
# PostgreSQL 15: it creates a throw-away cluster (trust authentication,
# UTF8, locale C.UTF-8, TimeZone Etc/UTC) on a free loopback port, runs
# psql, pgx (pgrecord pgx) and pgbench through the recording proxy
# (pgrecord proxy), and stops everything it started by PID.
#
#	pgwire/testdata/replay/record.sh [PGBIN]   (from the repository root)
#
# PGBIN defaults to /usr/lib/postgresql/15/bin. PostgreSQL refuses to run
# as root; run as root, the script runs the server as the user postgres.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
pgbin=${1:-/usr/lib/postgresql/15/bin}
tmp=$(mktemp -d)
pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
	rm -rf "$tmp"
}
trap cleanup EXIT

(cd "$root" && go build -o "$tmp/pgrecord" ./pgwire/cmd/pgrecord)

freeport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# The server.
asuser=()
if [ "$(id -u)" = 0 ]; then
	asuser=(runuser -u postgres --)
	mkdir "$tmp/data" && chown postgres "$tmp/data"
	chmod 755 "$tmp"
fi
"${asuser[@]}" "$pgbin/initdb" -D "$tmp/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$tmp/initdb.log"
pgport=$(freeport)
"${asuser[@]}" "$pgbin/postgres" -D "$tmp/data" -p "$pgport" -k "$tmp/data" -c listen_addresses=127.0.0.1 \
	-c TimeZone=Etc/UTC -c ssl=off -c fsync=off >"$tmp/postgres.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
	"$pgbin/pg_isready" -q -h 127.0.0.1 -p "$pgport" && break
	sleep 0.1
done
"$pgbin/pg_isready" -h 127.0.0.1 -p "$pgport"
direct=(-h 127.0.0.1 -p "$pgport" -U postgres -d postgres -X -q -v ON_ERROR_STOP=1)
"$pgbin/psql" "${direct[@]}" -f "$here/schema.sql"

# proxy DIR: starts a recording proxy writing to DIR; sets $proxyport.
proxy() {
	rm -rf "$1" && mkdir -p "$1"
	"$tmp/pgrecord" proxy -upstream "127.0.0.1:$pgport" -out "$1" >"$tmp/proxy.out" 2>"$tmp/proxy.err" &
	proxypid=$!
	pids+=($proxypid)
	for _ in $(seq 100); do
		grep -q '^listening' "$tmp/proxy.out" 2>/dev/null && break
		sleep 0.1
	done
	proxyport=$(sed -n 's/^listening .*:\([0-9]*\)$/\1/p' "$tmp/proxy.out")
	[ -n "$proxyport" ] || { cat "$tmp/proxy.err"; exit 1; }
}
# stopproxy: ends the proxy once its connections have ended.
stopproxy() {
	kill -TERM "$proxypid"
	wait "$proxypid" || true
}

# psql: one connection per command of psql-commands.txt, then the session
# script on one connection (session.jsonl).
proxy "$tmp/psql"
via=(-h 127.0.0.1 -p "$proxyport" -U postgres -d postgres -X)
while IFS= read -r cmd; do
	"$pgbin/psql" "${via[@]}" -c "$cmd" >/dev/null 2>&1 || true
done <"$here/psql-commands.txt"
"$pgbin/psql" "${via[@]}" -f "$here/session.in" >/dev/null 2>&1 || true
stopproxy
rm -rf "$here/psql" && mkdir -p "$here/psql/wire"
n=$(wc -l <"$here/psql-commands.txt")
for i in $(seq 1 "$n"); do
	f=$(printf 'conn-%03d.jsonl' "$i")
	cp "$tmp/psql/$f" "$here/psql/wire/$f"
done
cp "$tmp/psql/$(printf 'conn-%03d.jsonl' $((n + 1)))" "$here/psql/session.jsonl"

# pgx: the scenarios of pgrecord pgx (pgx tries SSL first, then
# reconnects in plain text: conn-001 is the refused SSL attempt).
proxy "$tmp/pgx"
"$tmp/pgrecord" pgx -dsn "postgres://postgres@127.0.0.1:$proxyport/postgres" >"$tmp/pgx.out"
stopproxy
rm -rf "$here/pgx" && mkdir -p "$here/pgx" && cp -r "$tmp/pgx" "$here/pgx/wire"

# pgbench: -i (its 100,000-row COPY is cut short: conn-001.head.jsonl is
# kept for reading, not replayed), three runs per query mode, and a
# server-side generated init.
proxy "$tmp/pgbench"
pgb=(-h 127.0.0.1 -p "$proxyport" -U postgres)
"$pgbin/pgbench" "${pgb[@]}" -i -s 1 postgres >/dev/null 2>&1
for mode in simple extended prepared; do
	"$pgbin/pgbench" "${pgb[@]}" -M "$mode" -c 1 -j 1 -t 3 postgres >/dev/null 2>&1
done
"$pgbin/pgbench" "${pgb[@]}" -i -s 1 -I dtGvpf postgres >/dev/null 2>&1
stopproxy
rm -rf "$here/pgbench" && mkdir -p "$here/pgbench/wire"
head -n 200 "$tmp/pgbench/conn-001.jsonl" >"$here/pgbench/wire/conn-001.head.jsonl"
for f in "$tmp"/pgbench/conn-*.jsonl; do
	[ "$(basename "$f")" = conn-001.jsonl ] || cp "$f" "$here/pgbench/wire/"
done
echo "recorded into $here"
