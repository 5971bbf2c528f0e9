#!/usr/bin/env bash
# System calls, context switches and CPU per operation of one raftsql node
# under bench/compare's load, from /proc (no strace: its overhead would be
# the measurement): the node's read and write system calls (syscr, syscw
# of /proc/PID/io), its threads' context switches and its CPU time over
# one measured cell, divided by the cell's operations. See
# docs/benchmarks.md (round 11).
#
#   bash bench/syscalls.sh                     # point reads, 16 clients
#   CLIENTS=1 OPS=insert bash bench/syscalls.sh
#   BIN=/path/to/raftsql bash bench/syscalls.sh  # another build
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-16}
OPS=${OPS:-read}
DURATION=${DURATION:-5}
PORT=${PORT:-15460} # PostgreSQL protocol; PORT+1 for Raft

work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
bin=${BIN:-}
if [ -z "$bin" ]; then
  go build -o "$work/raftsql" ./cmd/raftsql
  bin=$work/raftsql
fi
go build -o "$work/compare" ./bench/compare
"$bin" serve --id n1 --data-dir "$work/n1" --pg-listen "127.0.0.1:$PORT" --raft-listen "127.0.0.1:$((PORT + 1))" \
  --initial-cluster "n1=127.0.0.1:$((PORT + 1))" --max-connections 1000 --log-level error >"$work/n1.log" 2>&1 &
pid=$!
for i in $(seq 1 300); do
  pg_isready -q -U postgres -h 127.0.0.1 -p "$PORT" && break
  if [ "$i" = 300 ]; then echo "node not ready" >&2; tail -n 20 "$work/n1.log" >&2; exit 1; fi
  sleep 0.1
done
url="postgres://postgres@127.0.0.1:$PORT/postgres?sslmode=disable"

# snap: syscr syscw context-switches cpu-ticks of the node
snap() {
  local cs=0 s
  for s in /proc/$pid/task/*/status; do
    cs=$((cs + $(awk '/^(non)?voluntary_ctxt_switches/{n += $2} END {print n}' "$s" 2>/dev/null || echo 0)))
  done
  echo "$(awk '/^syscr/{print $2}' /proc/$pid/io) $(awk '/^syscw/{print $2}' /proc/$pid/io) $cs $(cut -d' ' -f14,15 /proc/$pid/stat | awk '{print $1 + $2}')"
}
# A first short cell loads the table and warms the caches.
"$work/compare" -target "raftsql=$url" -ops "$OPS" -clients "$CLIENTS" -duration 1s -warmup 0s >/dev/null
read -r r1 w1 c1 t1 <<<"$(snap)"
line=$("$work/compare" -target "raftsql=$url" -ops "$OPS" -clients "$CLIENTS" -duration "${DURATION}s" -warmup 0s | tail -1)
read -r r2 w2 c2 t2 <<<"$(snap)"
rate=$(echo "$line" | sed -E 's/^[^|]*\|[^|]*\| ([0-9,]+)\/s.*/\1/' | tr -d ,)
ops=$((rate * DURATION))
hz=$(getconf CLK_TCK)
awk -v ops="$ops" -v rate="$rate" -v r=$((r2 - r1)) -v w=$((w2 - w1)) -v c=$((c2 - c1)) -v t=$((t2 - t1)) -v hz="$hz" \
  -v op="$OPS" -v cl="$CLIENTS" 'BEGIN {
  printf "%s, %d clients: %d/s; per operation: %.2f read and %.2f write system calls, %.2f context switches, %.1f µs CPU\n",
    op, cl, rate, r / ops, w / ops, c / ops, t * 1e6 / hz / ops }'
