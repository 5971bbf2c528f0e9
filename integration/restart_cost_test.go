package integration

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/raftsql/raftsql"
)

// What a restart costs is bounded by the snapshot interval, not by the
// history: after N single-row writes (one log entry each), a restarted
// follower and a restarted leader open at most about one snapshot interval
// plus the tail of log entries and replay no more than that. Counted (SHOW
// raftsql.snapshot's log_entries_at_start and replayed_at_start, logged at
// start as "data directory opened"), never timed: the start's wall time is
// logged at every milestone so a long run shows it flat, not asserted.
//
// The writes go in phases up to each milestone; between phases the writers
// stop, a follower and then the leader are restarted and measured, and the
// writers resume against whichever node leads. While writing, the log's
// retained entries and disk bytes are sampled on every node (criterion 4 of
// issue 12: the log stays bounded during a long write run).
//
// Default: milestones 1,000 and 4,000 with a 500-entry interval, 8
// clients. RAFTSQL_LONG=1: 10,000, 100,000 and 1,000,000 writes with a
// 5,000-entry interval (500-entry tail) and 64 clients. RAFTSQL_RESTART_WRITES=N ends at N
// writes (earlier milestones below N kept); RAFTSQL_RESTART_CLIENTS=K sets
// the number of concurrent clients.
func TestRestartCostBoundedBySnapshotInterval(t *testing.T) {
	milestones, every, tail, clients := []int{1_000, 4_000}, uint64(500), uint64(50), 8
	if longRun() {
		milestones, every, tail, clients = []int{10_000, 100_000, 1_000_000}, 5_000, 500, 64
	}
	if s := os.Getenv("RAFTSQL_RESTART_WRITES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			t.Fatalf("RAFTSQL_RESTART_WRITES=%q: want a positive count", s)
		}
		var kept []int
		for _, m := range milestones {
			if m < n {
				kept = append(kept, m)
			}
		}
		milestones = append(kept, n)
	}
	if s := os.Getenv("RAFTSQL_RESTART_CLIENTS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			t.Fatalf("RAFTSQL_RESTART_CLIENTS=%q: want a positive count", s)
		}
		clients = n
	}
	c := startMemClusterWith(t, 3, func(cfg *raftsql.Config) {
		cfg.SnapshotEntries = every
		cfg.LogTailEntries = tail
	})
	lead := c.waitLeader(10 * time.Second)
	execSQL(t, c.url(lead), "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")

	// The bound: the interval, the tail, and what may be applied while one
	// snapshot is being made (another interval, generously), whatever N.
	bound := 2*every + tail
	// While writing, the retained log also holds what arrives while a
	// snapshot is made and compacted, which on a loaded machine at a high
	// write rate is a few seconds' worth: a looser bound, but one that does
	// not grow with the history either.
	writeBound := 4*every + tail
	var maxRetained atomic.Uint64
	var maxDisk atomic.Int64
	written := 0
	for _, upTo := range milestones {
		began := time.Now()
		writePhase(t, c, lead, written, upTo, clients, &maxRetained, &maxDisk)
		phase := time.Since(began)
		t.Logf("wrote %d..%d with %d clients in %v (%.0f writes/s); so far at most %d log entries retained and %d bytes of log on disk on any node",
			written, upTo, clients, phase.Round(time.Millisecond), float64(upTo-written)/phase.Seconds(), maxRetained.Load(), maxDisk.Load())
		written = upTo
		if r := maxRetained.Load(); r > writeBound {
			t.Fatalf("a node retained %d log entries during the writes, want at most %d", r, writeBound)
		}
		for _, i := range []int{c.follower(lead), lead} {
			restartMeasured(t, c, i, written, every, tail, bound)
			lead = c.waitLeader(30 * time.Second)
		}
	}
	var n int
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := connect(t, c.url(lead)).QueryRow(ctx, "SELECT count(*) FROM t").Scan(&n); err != nil || n != written {
		t.Fatalf("rows after the restarts: %d, %v; want %d", n, err, written)
	}
	checkChecksums(t, c)
}

// writePhase inserts rows from..upTo-1 into t through the leader lead,
// clients connections each writing one row per statement (one log entry
// per write), and samples every node's retained log as it goes.
func writePhase(t *testing.T, c *memCluster, lead, from, upTo, clients int, maxRetained *atomic.Uint64, maxDisk *atomic.Int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Hour)
	defer cancel()
	var wg sync.WaitGroup
	var done atomic.Int64
	errs := make(chan error, clients)
	for w := 0; w < clients; w++ {
		conn := connect(t, c.url(lead))
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := from + w; i < upTo; i += clients {
				if err := execRetryUnknown(ctx, conn, "INSERT INTO t(id, v) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING", i, "row"); err != nil {
					errs <- fmt.Errorf("write %d: %w", i, err)
					return
				}
				if done.Add(1)%200 == 0 {
					for _, n := range c.nodes {
						st := n.SnapshotStatus()
						if st.LogLastIndex >= st.LogFirstIndex {
							atomicMax(maxRetained, st.LogLastIndex-st.LogFirstIndex+1)
						}
						for old := maxDisk.Load(); st.LogDiskBytes > old; old = maxDisk.Load() {
							if maxDisk.CompareAndSwap(old, st.LogDiskBytes) {
								break
							}
						}
					}
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	waitAllApplied(t, c, c.nodes[lead].AppliedIndex(), 5*time.Minute)
}

// execRetryUnknown runs an idempotent write, retrying it while its
// outcome is unknown (40003: the write timeout passed on a loaded machine,
// or the leader changed): a retry of an applied write changes nothing, so
// row counts stay exact.
func execRetryUnknown(ctx context.Context, conn *pgx.Conn, sql string, args ...any) error {
	for attempt := 1; ; attempt++ {
		_, err := conn.Exec(ctx, sql, args...)
		var pgErr *pgconn.PgError
		if err == nil || attempt == 5 || !errors.As(err, &pgErr) || pgErr.Code != "40003" {
			return err
		}
	}
}

func atomicMax(v *atomic.Uint64, x uint64) {
	for old := v.Load(); x > old; old = v.Load() {
		if v.CompareAndSwap(old, x) {
			return
		}
	}
}

// restartMeasured stops and starts node i, logs what the start cost (log
// entries opened and replayed, counted; the start's and the catch-up's
// wall time, logged only) and fails when the counts pass bound.
func restartMeasured(t *testing.T, c *memCluster, i, written int, every, tail, bound uint64) {
	t.Helper()
	name := c.nodes[i].Name()
	c.stop(i)
	began := time.Now()
	c.start(i)
	started := time.Since(began)
	st := c.nodes[i].SnapshotStatus()
	// Caught up: applied what the others have committed (the new leader, if
	// i led, commits once it is elected).
	var target uint64
	for j, n := range c.nodes {
		if j != i && n != nil {
			target = max(target, n.AppliedIndex())
		}
	}
	waitAllApplied(t, c, target, 5*time.Minute)
	caughtUp := time.Since(began)
	t.Logf("%s restarted after %d writes (snapshot every %d, tail %d): start %v, caught up %v; %d log entries opened, %d replayed, snapshot at %d, log on disk %d bytes",
		name, written, every, tail, started.Round(time.Millisecond), caughtUp.Round(time.Millisecond), st.LogEntriesAtStart, st.ReplayedAtStart, st.SnapshotIndex, st.LogDiskBytes)
	if st.SnapshotIndex == 0 && uint64(written) >= 2*every {
		t.Fatalf("%s made no snapshot in %d writes", name, written)
	}
	if st.LogEntriesAtStart > bound || st.ReplayedAtStart > bound {
		t.Fatalf("%s: restart opened %d and replayed %d log entries, want at most %d", name, st.LogEntriesAtStart, st.ReplayedAtStart, bound)
	}
}
