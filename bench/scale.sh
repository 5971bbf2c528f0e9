#!/usr/bin/env bash
# How cost grows, PostgreSQL 15 vs raftsql 1 node vs raftsql 3 nodes, in
# one run (bench/scale; docs/benchmarks.md, "How cost grows"):
#   - memory (PSS) with 0, 100 and 1000 idle connections and with 100 and
#     250 connections each in a transaction (one that has read a row; one
#     with an open cursor);
#   - point reads and single-row INSERTs on a 10,000-row table;
#   - COPY FROM STDIN of one generated file (10,000,000 rows, ~1 GiB):
#     PostgreSQL in one COPY, raftsql in one COPY too (it streams through
#     the log) or in COPY commands of COPY_CHUNK bytes; a build from before
#     streamed COPY (BEFORE, targets b1/b3) in commands of
#     COPY_CHUNK_BEFORE bytes (default 8 MiB: a COPY was one log entry);
#   - point reads and INSERTs on the 10,000,000-row table it loaded, after
#     (VACUUM) ANALYZE and a CHECKPOINT on every node (raftsql: a snapshot;
#     without it the first minute after the load measures the automatic
#     snapshot writing the new database out);
#   - the B-tree depth of both tables' keys (pageinspect; SQLite's dbstat).
#
#   bash bench/scale.sh                                 # the full run (~1 GiB file)
#   ROWS=1000000 DURATION=5 bash bench/scale.sh         # a smaller one
#   TARGETS=pg,1 PHASES=memory bash bench/scale.sh
#   BEFORE=main TARGETS=pg,1,b1 bash bench/scale.sh     # b1 (b3): raftsql 1 node (3 nodes) built from git rev main
#   COPY_STREAMS=4 bash bench/scale.sh                  # raftsql's COPY commands on 4 connections at once
#
# The servers run one after the other (each one's data directory is
# deleted before the next starts: the full run needs about 12 GB free at
# its peak, for the 3-node cluster's databases, logs and snapshots) and
# every figure is printed with the load average when it was taken.
# Needs the PostgreSQL 15 server binaries (PGBIN), sqlite3, and root
# (PostgreSQL runs as user postgres through runuser). Everything listens on
# 127.0.0.1 and is stopped by PID.
set -euo pipefail
cd "$(dirname "$0")/.."
{ # read whole before it runs: editing this file during a run must not change the run

ROWS=${ROWS:-10000000}
DURATION=${DURATION:-10}
CLIENTS=${CLIENTS:-1,16}
IDLE=${IDLE:-100,1000}
ACTIVE=${ACTIVE:-100,250}
PHASES=${PHASES:-memory,small,copy,big}
TARGETS=${TARGETS:-pg,1,3}
COPY_CHUNK=${COPY_CHUNK:-0}
COPY_CHUNK_BEFORE=${COPY_CHUNK_BEFORE:-8388608}
COPY_STREAMS=${COPY_STREAMS:-1}
BEFORE=${BEFORE:-}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${PG_PORT:-25481}
BASE_PORT=${BASE_PORT:-15700}
WORK=${WORK:-}

work=$(mktemp -d ${WORK:+-p "$WORK"})
pids=()
pgpid=
stop_all() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
  if [ -n "$pgpid" ]; then
    kill -INT "$pgpid" 2>/dev/null || true # fast shutdown
    for _ in $(seq 1 300); do kill -0 "$pgpid" 2>/dev/null || break; sleep 0.1; done
    pgpid=
  fi
}
cleanup() { stop_all; rm -rf "$work"; }
trap cleanup EXIT

. bench/lib.sh
build_raftsql "$BEFORE"
go build -o "$work/scale" ./bench/scale
url() { echo "postgres://postgres@127.0.0.1:$1/postgres?sslmode=disable"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
depth() { # name target value: one B-tree depth record
  printf '{"section":"B-tree depth of the key (levels, root to leaf)","row":"%s","target":"%s","value":0,"text":"%s"}\n' "$1" "$2" "$3" >>"$work/records.jsonl"
}

if [[ $PHASES == *copy* ]]; then "$work/scale" -gen "$work/copy.txt" -rows "$ROWS"; fi
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores ($cpu), $(go env GOVERSION), load average $(loadavg)"
echo "# ${DURATION}s per cell after 1 s warm-up; COPY file: $ROWS rows, $(stat -c %s "$work/copy.txt" 2>/dev/null || echo 0) bytes"

measure() { # name pids urls [scale flags...]
  local name=$1 ps=$2 urls=$3
  echo "## $name: start, load average $(loadavg)"
  "$work/scale" -target "$name=$urls" -pids "$ps" -out "$work/records.jsonl" -phases "$PHASES" \
    -copy-file "$work/copy.txt" -rows "$ROWS" -clients "$CLIENTS" -duration "${DURATION}s" \
    -idle "$IDLE" -active "$ACTIVE" "${@:4}"
  echo "## $name: end, load average $(loadavg)"
}

for t in ${TARGETS//,/ }; do
  case $t in
  pg)
    name="PostgreSQL 15, 1 node"
    start_postgres "$PG_PORT" 1100
    wait_ready "$PG_PORT"
    pgpid=$(head -1 "$work/pg/postmaster.pid")
    measure "$name" "$pgpid" "$(url "$PG_PORT")" -after-copy "VACUUM ANALYZE bench_big;CHECKPOINT"
    if [[ $PHASES == *copy* || $PHASES == *small* ]]; then
      for tbl in bench_small bench_big; do
        d=$(psql -X -qAt -h 127.0.0.1 -p "$PG_PORT" -U postgres postgres \
          -c "CREATE EXTENSION IF NOT EXISTS pageinspect" -c "SELECT level + 1 FROM bt_metap('${tbl}_pkey')" | tail -1)
        depth "$tbl" "$name" "$d (primary key index)"
      done
    fi
    stop_all
    rm -rf "$work/pg"
    ;;
  1 | 3 | b1 | b3)
    n=${t#b} bin="$work/raftsql"
    name="raftsql $n node$([ "$n" = 3 ] && echo s || true)"
    chunk=$COPY_CHUNK
    if [ "$t" != "$n" ]; then name+=" @$BEFORE" bin="$work/raftsql-before" chunk=$COPY_CHUNK_BEFORE; fi
    initial="" urls="" ps=""
    for i in $(seq 0 $((n - 1))); do initial+="${initial:+,}n$((i + 1))=127.0.0.1:$((BASE_PORT + 10 + i))"; done
    for i in $(seq 0 $((n - 1))); do
      "$bin" serve --id "n$((i + 1))" --data-dir "$work/r$n/n$((i + 1))" \
        --pg-listen "127.0.0.1:$((BASE_PORT + i))" --raft-listen "127.0.0.1:$((BASE_PORT + 10 + i))" \
        --initial-cluster "$initial" --max-connections 1100 --log-level error \
        >"$work/r$n-n$((i + 1)).log" 2>&1 &
      pids+=($!)
      ps+="${ps:+,}$!"
      urls+="${urls:+,}$(url $((BASE_PORT + i)))"
    done
    wait_ready $(seq "$BASE_PORT" $((BASE_PORT + n - 1)))
    measure "$name" "$ps" "$urls" -copy-chunk "$chunk" -copy-streams "$COPY_STREAMS" -after-copy "ANALYZE bench_big;CHECKPOINT"
    echo "## $name: data directory $(du -sh "$work/r$n" | cut -f1)"
    stop_all
    if [[ $PHASES == *copy* || $PHASES == *small* ]]; then
      for tbl in bench_small bench_big; do
        # dbstat's path of a page is / for the root, /000/ for its first
        # child ...: one slash per level.
        d=$(sqlite3 -readonly "$work/r$n/n1/db.sqlite" \
          "SELECT group_concat(d || ' (' || (CASE type WHEN 'table' THEN 'table' ELSE 'index ' || name END) || ')', ', ')
           FROM (SELECT s.type, s.name, max(length(path) - length(replace(path, '/', ''))) AS d
                 FROM dbstat JOIN sqlite_schema s USING (name) WHERE s.tbl_name = '$tbl' GROUP BY s.name)")
        depth "$tbl" "$name" "$d"
      done
    fi
    rm -rf "$work/r$n"
    ;;
  *) echo "TARGETS: unknown target $t (pg, 1, 3, b1, b3)" >&2; exit 2 ;;
  esac
done

echo
echo "# load average after: $(loadavg)"
"$work/scale" -report "$work/records.jsonl"
exit
}
