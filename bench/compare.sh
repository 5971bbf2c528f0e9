#!/usr/bin/env bash
# Side-by-side benchmark in one run: PostgreSQL 15 (1 node, default
# settings, fsync on) vs raftsql 1 node vs raftsql 3 nodes (`raftsql demo`,
# three nodes in one process), with one client program for all
# (bench/compare: pgx, one connection per client, prepared statements):
# single-row INSERT into (id int primary key, 64-byte text) and point SELECT
# by key over 10,000 rows. Prints a markdown table; docs/benchmarks.md.
#
#   bash bench/compare.sh                      # 10 s per cell, 1/16/64 clients
#   DURATION=5 CLIENTS=1,16,64,256 bash bench/compare.sh
#   PROFILE=/tmp/prof bash bench/compare.sh    # also raftsql CPU/mutex/block profiles
#   BEFORE=main bash bench/compare.sh          # also raftsql built from git rev main
#
# Needs the PostgreSQL 15 server binaries (PGBIN) and root (PostgreSQL runs
# as user postgres through runuser). Everything listens on 127.0.0.1 and is
# stopped by PID at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
CLIENTS=${CLIENTS:-1,16,64}
OPS=${OPS:-insert,read}
ROWS=${ROWS:-10000}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${PG_PORT:-25441}
R1_PG_PORT=${R1_PG_PORT:-15441}     # raftsql 1 node
R1_RAFT_PORT=${R1_RAFT_PORT:-17441}
R3_PG_PORT=${R3_PG_PORT:-15451}     # raftsql 3 nodes: ports +0, +1, +2
R3_RAFT_PORT=${R3_RAFT_PORT:-17451}
R1_PPROF=${R1_PPROF:-127.0.0.1:16441}
R3_PPROF=${R3_PPROF:-127.0.0.1:16451}
PROFILE=${PROFILE:-}
BEFORE=${BEFORE:-}
B1_PG_PORT=${B1_PG_PORT:-15461}     # BEFORE, 1 node
B1_RAFT_PORT=${B1_RAFT_PORT:-17461}
B3_PG_PORT=${B3_PG_PORT:-15471}     # BEFORE, 3 nodes
B3_RAFT_PORT=${B3_RAFT_PORT:-17471}

work=$(mktemp -d)
pids=()
pgpid=
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ -n "$pgpid" ]; then
    kill -INT "$pgpid" 2>/dev/null || true  # fast shutdown
    for _ in $(seq 1 100); do kill -0 "$pgpid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/raftsql" ./cmd/raftsql
go build -o "$work/compare" ./bench/compare
before_targets=()
if [ -n "$BEFORE" ]; then
  # The same benchmark against raftsql as of git revision $BEFORE, in the
  # same run: before/after figures under the same load.
  mkdir "$work/before-src"
  git archive "$BEFORE" | tar -x -C "$work/before-src"
  (cd "$work/before-src" && go build -o "$work/raftsql-before" ./cmd/raftsql)
  "$work/raftsql-before" demo --nodes 1 --pg-port "$B1_PG_PORT" --raft-port "$B1_RAFT_PORT" \
    --data-dir "$work/b1" --log-level error >"$work/b1.log" 2>&1 &
  pids+=($!)
  "$work/raftsql-before" demo --nodes 3 --pg-port "$B3_PG_PORT" --raft-port "$B3_RAFT_PORT" \
    --data-dir "$work/b3" --log-level error >"$work/b3.log" 2>&1 &
  pids+=($!)
fi

pprof_args=()
demo_pprof1=() demo_pprof3=()
if [ -n "$PROFILE" ]; then
  mkdir -p "$PROFILE"
  demo_pprof1=(--pprof-addr "$R1_PPROF")
  demo_pprof3=(--pprof-addr "$R3_PPROF")
  pprof_args=(-pprof "raftsql 1 node=http://$R1_PPROF" -pprof "raftsql 3 nodes=http://$R3_PPROF" -profile-dir "$PROFILE")
fi

"$work/raftsql" demo --nodes 1 --pg-port "$R1_PG_PORT" --raft-port "$R1_RAFT_PORT" \
  --data-dir "$work/r1" --log-level error "${demo_pprof1[@]}" >"$work/r1.log" 2>&1 &
pids+=($!)
"$work/raftsql" demo --nodes 3 --pg-port "$R3_PG_PORT" --raft-port "$R3_RAFT_PORT" \
  --data-dir "$work/r3" --log-level error "${demo_pprof3[@]}" >"$work/r3.log" 2>&1 &
pids+=($!)

# PostgreSQL 15, single node, default settings (fsync on), trust auth.
chmod 755 "$work"
mkdir "$work/pg" && chown postgres "$work/pg"
runuser -u postgres -- "$PGBIN/initdb" -D "$work/pg" -A trust -U postgres >/dev/null
runuser -u postgres -- "$PGBIN/postgres" -D "$work/pg" -p "$PG_PORT" -k "$work/pg" \
  -c listen_addresses=127.0.0.1 -c max_connections=300 >"$work/pg.log" 2>&1 &
pids+=($!)  # runuser; the postmaster's own PID is read below

ready() { pg_isready -q -h 127.0.0.1 -p "$1"; }
ports=("$PG_PORT" "$R1_PG_PORT" "$R3_PG_PORT" $((R3_PG_PORT + 1)) $((R3_PG_PORT + 2)))
if [ -n "$BEFORE" ]; then ports+=("$B1_PG_PORT" "$B3_PG_PORT" $((B3_PG_PORT + 1)) $((B3_PG_PORT + 2))); fi
for port in "${ports[@]}"; do
  for i in $(seq 1 300); do
    ready "$port" && break
    if [ "$i" = 300 ]; then echo "nothing ready on port $port" >&2; cat "$work"/*.log >&2; exit 1; fi
    sleep 0.1
  done
done
pgpid=$(head -1 "$work/pg/postmaster.pid")
url() { echo "postgres://postgres@127.0.0.1:$1/postgres?sslmode=disable"; }
if [ -n "$BEFORE" ]; then
  before_targets=(-target "raftsql 1 node @$BEFORE=$(url "$B1_PG_PORT")"
    -target "raftsql 3 nodes @$BEFORE=$(url "$B3_PG_PORT"),$(url $((B3_PG_PORT + 1))),$(url $((B3_PG_PORT + 2)))")
fi

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores ($cpu), $(go env GOVERSION), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# ${DURATION}s per cell after 1 s warm-up; clients spread round-robin over a target's nodes"
echo
"$work/compare" -duration "${DURATION}s" -clients "$CLIENTS" -ops "$OPS" -rows "$ROWS" \
  -target "PostgreSQL 15, 1 node=$(url "$PG_PORT")" \
  -target "raftsql 1 node=$(url "$R1_PG_PORT")" \
  -target "raftsql 3 nodes=$(url "$R3_PG_PORT"),$(url $((R3_PG_PORT + 1))),$(url $((R3_PG_PORT + 2)))" \
  "${before_targets[@]}" "${pprof_args[@]}"
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
