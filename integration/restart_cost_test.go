package integration

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/raftsql/raftsql"
)

// What a restart costs is bounded by the snapshot interval, not by the
// history: after N single-row writes (one log entry each), a restarted
// follower and a restarted leader open at most about one snapshot interval
// plus the tail of log entries and replay no more than that. Counted (SHOW
// raftsql.snapshot's log_entries_at_start and replayed_at_start, logged at
// start as "data directory opened"), never timed.
//
// Default: 4,000 writes with a 500-entry interval. RAFTSQL_LONG=1: 1,000,000
// writes with a 20,000-entry interval. RAFTSQL_RESTART_WRITES=N sets N.
func TestRestartCostBoundedBySnapshotInterval(t *testing.T) {
	writes, every, tail := 4_000, uint64(500), uint64(50)
	if longRun() {
		writes, every, tail = 1_000_000, 20_000, 1_000
	}
	if s := os.Getenv("RAFTSQL_RESTART_WRITES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			t.Fatalf("RAFTSQL_RESTART_WRITES=%q: want a positive count", s)
		}
		writes = n
	}
	c := startMemClusterWith(t, 3, func(cfg *raftsql.Config) {
		cfg.SnapshotEntries = every
		cfg.LogTailEntries = tail
	})
	lead := c.waitLeader(10 * time.Second)
	execSQL(t, c.url(lead), "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")

	// Several clients, one row per statement: one log entry per write.
	const clients = 8
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Hour)
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	for w := 0; w < clients; w++ {
		conn := connect(t, c.url(lead))
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < writes; i += clients {
				if _, err := conn.Exec(ctx, "INSERT INTO t(id, v) VALUES ($1, $2)", i, "row"); err != nil {
					errs <- fmt.Errorf("write %d: %w", i, err)
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	waitAllApplied(t, c, c.nodes[lead].AppliedIndex(), time.Minute)

	// The bound: the interval, the tail, and what may be applied while one
	// snapshot is being made (another interval, generously), whatever N.
	bound := 2*every + tail
	for _, i := range []int{c.follower(lead), lead} {
		name := c.nodes[i].Name()
		c.stop(i)
		c.start(i)
		st := c.nodes[i].SnapshotStatus()
		t.Logf("%s restarted after %d writes (snapshot every %d, tail %d): %d log entries opened, %d replayed, snapshot at %d",
			name, writes, every, tail, st.LogEntriesAtStart, st.ReplayedAtStart, st.SnapshotIndex)
		if st.SnapshotIndex == 0 {
			t.Fatalf("%s made no snapshot in %d writes", name, writes)
		}
		if st.LogEntriesAtStart > bound || st.ReplayedAtStart > bound {
			t.Fatalf("%s: restart opened %d and replayed %d log entries, want at most %d", name, st.LogEntriesAtStart, st.ReplayedAtStart, bound)
		}
		c.waitLeader(20 * time.Second)
	}
	var n int
	if err := connect(t, c.url(c.waitLeader(20*time.Second))).QueryRow(ctx, "SELECT count(*) FROM t").Scan(&n); err != nil || n != writes {
		t.Fatalf("rows after the restarts: %d, %v; want %d", n, err, writes)
	}
	checkChecksums(t, c)
}
