# Shared by the bench scripts (source it after setting work, pids and
# PGBIN): builds, PostgreSQL's start, readiness.

# build_raftsql [REV]: $work/raftsql from this tree and, with REV,
# $work/raftsql-before from git revision REV (measured in the same run:
# before/after figures under the same load).
build_raftsql() {
  go build -o "$work/raftsql" ./cmd/raftsql
  if [ -n "${1:-}" ]; then
    mkdir "$work/before-src"
    git archive "$1" | tar -x -C "$work/before-src"
    (cd "$work/before-src" && go build -o "$work/raftsql-before" ./cmd/raftsql)
    rm -rf "$work/before-src"
  fi
}

# start_postgres PORT MAX_CONNECTIONS: PostgreSQL 15 in $work/pg, single
# node, default settings (fsync on), trust auth, on 127.0.0.1:PORT. Its
# runuser's PID joins pids; the postmaster's own is in $work/pg/postmaster.pid
# once it is ready (wait_ready).
start_postgres() {
  chmod 755 "$work"
  mkdir "$work/pg" && chown postgres "$work/pg"
  runuser -u postgres -- "$PGBIN/initdb" -D "$work/pg" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$PGBIN/postgres" -D "$work/pg" -p "$1" -k "$work/pg" \
    -c listen_addresses=127.0.0.1 -c max_connections="$2" >"$work/pg.log" 2>&1 &
  pids+=($!)
}

# wait_ready PORT...: until a server accepts connections on each port
# (30 s each, then the logs and exit).
wait_ready() {
  local port i
  for port in "$@"; do
    for i in $(seq 1 300); do
      pg_isready -q -U postgres -h 127.0.0.1 -p "$port" && break
      if [ "$i" = 300 ]; then echo "nothing ready on port $port" >&2; tail -n 20 "$work"/*.log >&2; exit 1; fi
      sleep 0.1
    done
  done
}
