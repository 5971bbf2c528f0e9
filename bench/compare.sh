#!/usr/bin/env bash
# Side-by-side benchmark in one run: PostgreSQL 15 (1 node, default
# settings, fsync on) vs raftsql 1 node vs raftsql 3 nodes (one `raftsql
# serve` process per node, all on this machine), with one client program
# for all (bench/compare: pgx, one connection per client, prepared
# statements): single-row INSERT into (id int primary key, 64-byte text)
# and point SELECT by key over 10,000 rows. Prints a markdown table (with
# each server's CPU per operation over the measured period, from /proc); see
# docs/benchmarks.md.
#
#   bash bench/compare.sh                      # 10 s per cell, 1/16/64 clients
#   DURATION=5 CLIENTS=1,16,64,256 bash bench/compare.sh
#   PROFILE=/tmp/prof bash bench/compare.sh    # also raftsql CPU/mutex/block/alloc profiles (BEFORE's too)
#   BEFORE=main bash bench/compare.sh          # also raftsql built from git rev main
#   LEASE=1 bash bench/compare.sh              # also 3 nodes with --read-lease
#   PIPELINED=1 bash bench/compare.sh          # also 1 and 3 nodes with --pipelined-log-writes
#   NODES=1 OPS=read bash bench/compare.sh     # only the 1-node clusters (NODES=1,3 is the default)
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
BASE_PORT=${BASE_PORT:-15400} # raftsql clusters: 30 ports from BASE_PORT for each cluster started
PROFILE=${PROFILE:-}
BEFORE=${BEFORE:-}
LEASE=${LEASE:-}
PIPELINED=${PIPELINED:-}
NODES=${NODES:-1,3}

work=$(mktemp -d)
pids=()
pgpid=
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ -n "$pgpid" ]; then
    kill -INT "$pgpid" 2>/dev/null || true # fast shutdown
    for _ in $(seq 1 100); do kill -0 "$pgpid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

. bench/lib.sh
build_raftsql "$BEFORE"
go build -o "$work/compare" ./bench/compare

url() { echo "postgres://postgres@127.0.0.1:$1/postgres?sslmode=disable"; }
targets=() pprofs=() ports=() cpus=()
# cluster NAME BINARY NODES PORT0 [pprof [serve flags...]]: starts NODES
# `raftsql serve` processes; node i uses PORT0+i (PostgreSQL), PORT0+10+i
# (peers) and PORT0+20+i (profiles).
cluster() {
  local name=$1 bin=$2 nodes=$3 p0=$4 prof=${5:-} initial="" urls="" purls="" cpids="" i
  local flags=("${@:6}")
  for i in $(seq 0 $((nodes - 1))); do
    initial+="${initial:+,}n$((i + 1))=127.0.0.1:$((p0 + 10 + i))"
  done
  for i in $(seq 0 $((nodes - 1))); do
    local extra=()
    if [ -n "$prof" ]; then
      extra=(--http-listen "127.0.0.1:$((p0 + 20 + i))" --pprof)
      purls+="${purls:+,}http://127.0.0.1:$((p0 + 20 + i))"
    fi
    "$bin" serve --id "n$((i + 1))" --data-dir "$work/$p0/n$((i + 1))" \
      --pg-listen "127.0.0.1:$((p0 + i))" --raft-listen "127.0.0.1:$((p0 + 10 + i))" \
      --initial-cluster "$initial" --max-connections 1000 --log-level error "${extra[@]}" "${flags[@]}" \
      >"$work/$p0-n$((i + 1)).log" 2>&1 &
    pids+=($!)
    cpids+="${cpids:+,}$!"
    ports+=($((p0 + i)))
    urls+="${urls:+,}$(url $((p0 + i)))"
  done
  targets+=(-target "$name=$urls")
  cpus+=(-cpu "$name=$cpids")
  nslot=$((nslot + 1))
  if [ -n "$purls" ]; then pprofs+=(-pprof "$name=$purls"); fi
}

prof=${PROFILE:+1}
# slot: the first port of the next cluster's 30, in the order they start
# (so that a run starting few clusters fits in few ports).
nslot=0
slot() { echo $((BASE_PORT + 30 * nslot)); }
one=; three=
case ",$NODES," in *,1,*) one=1 ;; esac
case ",$NODES," in *,3,*) three=1 ;; esac
if [ -n "$one" ]; then cluster "raftsql 1 node" "$work/raftsql" 1 "$(slot)" "$prof"; fi
if [ -n "$three" ]; then cluster "raftsql 3 nodes" "$work/raftsql" 3 "$(slot)" "$prof"; fi
if [ -n "$BEFORE" ]; then
  if [ -n "$one" ]; then cluster "raftsql 1 node @$BEFORE" "$work/raftsql-before" 1 "$(slot)" "$prof"; fi
  if [ -n "$three" ]; then cluster "raftsql 3 nodes @$BEFORE" "$work/raftsql-before" 3 "$(slot)" "$prof"; fi
fi
if [ -n "$LEASE" ]; then
  cluster "raftsql 3 nodes, lease reads" "$work/raftsql" 3 "$(slot)" "$prof" --read-lease
fi
if [ -n "$PIPELINED" ]; then
  cluster "raftsql 1 node, pipelined" "$work/raftsql" 1 "$(slot)" "$prof" --pipelined-log-writes
  cluster "raftsql 3 nodes, pipelined" "$work/raftsql" 3 "$(slot)" "$prof" --pipelined-log-writes
fi

start_postgres "$PG_PORT" 1000
wait_ready "$PG_PORT" "${ports[@]}"
pgpid=$(head -1 "$work/pg/postmaster.pid")
if [ -n "$PROFILE" ]; then mkdir -p "$PROFILE"; pprofs+=(-profile-dir "$PROFILE"); fi

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores ($cpu), $(go env GOVERSION), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# ${DURATION}s per cell after 1 s warm-up; a target's clients spread round-robin over its nodes"
echo
"$work/compare" -duration "${DURATION}s" -clients "$CLIENTS" -ops "$OPS" -rows "$ROWS" \
  -target "PostgreSQL 15, 1 node=$(url "$PG_PORT")" "${targets[@]}" "${pprofs[@]}" \
  -cpu "PostgreSQL 15, 1 node=$pgpid" "${cpus[@]}"
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
