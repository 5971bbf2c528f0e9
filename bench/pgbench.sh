#!/usr/bin/env bash
# Benchmark raftsql (a 3-node cluster started with `raftsql demo`) next to a
# single-node PostgreSQL 15 on the same machine, in the same run, with
# pgbench: the built-in select-only script, a single-row INSERT script, and
# (with TPCB=1) the default TPC-B-like transaction script.
#
#   bash bench/pgbench.sh            # 20 s per run
#   DURATION=60 bash bench/pgbench.sh
#   SCRIPTS=tpcb CLIENTS=16 DURATION=30 MAX_TRIES=20 PG_SERIALIZABLE=1 bash bench/pgbench.sh
#
# Needs pgbench and the PostgreSQL 15 server binaries
# (/usr/lib/postgresql/15/bin). Everything listens on 127.0.0.1 and is
# stopped by PID at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
CLIENTS=${CLIENTS:-"1 16 64"}
SCRIPTS=${SCRIPTS:-"select-only insert"}
if [ "${TPCB:-0}" = 1 ]; then SCRIPTS="$SCRIPTS tpcb"; fi
MAX_TRIES=${MAX_TRIES:-}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
RAFT_PG_PORT=${RAFT_PG_PORT:-15432}
RAFT_PEER_PORT=${RAFT_PEER_PORT:-17001}
PG_PORT=${PG_PORT:-25432}
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ -f "$work/pg/postmaster.pid" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/raftsql" ./cmd/raftsql

# raftsql: 3 nodes in one process.
"$work/raftsql" demo --nodes 3 --pg-port "$RAFT_PG_PORT" --raft-port "$RAFT_PEER_PORT" \
  --data-dir "$work/raft" --log-level error >"$work/demo.log" 2>&1 &
pids+=($!)

# PostgreSQL 15, single node, default settings (fsync on), trust auth.
chown -R postgres "$work" 2>/dev/null || true
chmod 755 "$work"
runuser -u postgres -- "$PGBIN/initdb" -D "$work/pg" -A trust -U postgres >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pg" -o "-p $PG_PORT -k $work -c listen_addresses=127.0.0.1 -c max_connections=200" -l "$work/pg.log" -w start >/dev/null

for i in $(seq 1 100); do
  pg_isready -h 127.0.0.1 -p "$RAFT_PG_PORT" >/dev/null 2>&1 && break
  sleep 0.1
done

cat >"$work/insert.sql" <<'SQL'
\set v random(1, 1000000)
INSERT INTO bench_insert (v) VALUES (:v);
SQL

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
echo "# pgbench: raftsql 3-node (one process) vs PostgreSQL 15 single node"
echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $cpu, ${DURATION}s per run, scale 1"
echo
echo "| server | script | clients | tps | avg latency ms | failed | retried |"
echo "|---|---|---|---|---|---|---|"

run() { # name host port script clients
  local name=$1 port=$2 script=$3 c=$4 args out tps lat failed
  case $script in
    select-only) args=(-S) ;;
    insert) args=(-n -f "$work/insert.sql") ;;
    tpcb) args=(-n ${MAX_TRIES:+--max-tries "$MAX_TRIES"}) ;;
  esac
  local j=$(( c < 2 ? 1 : 2 ))
  local opts=""
  if [ "$name" = postgresql-serializable ]; then opts="-c default_transaction_isolation=serializable"; fi
  out=$(PGOPTIONS="$opts" PGUSER=postgres pgbench -h 127.0.0.1 -p "$port" -c "$c" -j "$j" -T "$DURATION" "${args[@]}" postgres 2>&1 || true)
  tps=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
  lat=$(echo "$out" | sed -n 's/^latency average = \([0-9.]*\) ms/\1/p')
  failed=$(echo "$out" | sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p')
  retried=$(echo "$out" | sed -n 's/^number of transactions retried: \(.*\)/\1/p')
  echo "| $name | $script | $c | ${tps:-error} | ${lat:--} | ${failed:-?} | ${retried:-0} |"
  if [ -z "$tps" ]; then echo "$out" | tail -5 | sed 's/^/    /' >&2; fi
}

targets=("raftsql:$RAFT_PG_PORT" "postgresql:$PG_PORT")
# PG_SERIALIZABLE=1 also runs PostgreSQL at SERIALIZABLE (raftsql's only level).
if [ "${PG_SERIALIZABLE:-0}" = 1 ]; then targets+=("postgresql-serializable:$PG_PORT"); fi
for target in "${targets[@]}"; do
  name=${target%%:*}; port=${target##*:}
  PGUSER=postgres pgbench -i -s 1 -q -h 127.0.0.1 -p "$port" postgres >/dev/null 2>&1
  PGUSER=postgres psql -X -q -h 127.0.0.1 -p "$port" postgres \
    -c "DROP TABLE IF EXISTS bench_insert" -c "CREATE TABLE bench_insert (id BIGSERIAL PRIMARY KEY, v INT)" >/dev/null
  for c in $CLIENTS; do
    for script in $SCRIPTS; do run "$name" "$port" "$script" "$c"; done
  done
done
