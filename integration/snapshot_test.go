package integration

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/raftsql/raftsql"
)

// Snapshots and log compaction: a follower that missed compacted history
// catches up by snapshot; a cut transfer and an interrupted install leave
// a node that still catches up; the log stays bounded under writes, and so
// does the work of a restart.

// longRun reports whether the big variants run (RAFTSQL_LONG=1).
func longRun() bool { return os.Getenv("RAFTSQL_LONG") != "" }

// writeRows inserts rows rows into t(id, v) in statements of perStmt
// rows each (one log entry per statement), starting at id from.
func writeRows(t *testing.T, url string, from, rows, perStmt int, pad string) {
	t.Helper()
	conn := connect(t, url)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	for i := 0; i < rows; i += perStmt {
		k := min(perStmt, rows-i)
		q := fmt.Sprintf(`INSERT INTO t(id, v) SELECT %d + x, '%s' || x FROM generate_series(0, %d) AS g(x)`, from+i, pad, k-1)
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("insert rows %d..: %v", from+i, err)
		}
	}
}

func execSQL(t *testing.T, url string, qs ...string) {
	t.Helper()
	conn := connect(t, url)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for _, q := range qs {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// follower returns the index of a running node that does not lead.
func (c *memCluster) follower(lead int) int {
	for i, n := range c.nodes {
		if n != nil && i != lead {
			return i
		}
	}
	c.t.Fatal("no follower")
	return -1
}

// laggingFollower starts three nodes that keep a 5-entry log tail,
// creates t(id, v) and stops a follower once it has the table; it returns
// the cluster, the leader and the stopped follower.
func laggingFollower(t *testing.T) (c *memCluster, lead, f int) {
	t.Helper()
	c = startMemClusterWith(t, 3, func(cfg *raftsql.Config) { cfg.LogTailEntries = 5 })
	lead = c.waitLeader(10 * time.Second)
	execSQL(t, c.url(lead), "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
	f = c.follower(lead)
	waitAllApplied(t, c, c.nodes[lead].AppliedIndex(), 20*time.Second)
	c.stop(f)
	return c, lead, f
}

// A follower stopped while the cluster writes and compacts its log comes
// back, receives a snapshot (the entries it misses are gone from every
// log), installs it and catches up; every checksum matches. CHECKPOINT
// makes the snapshot, and SHOW raftsql.snapshot reports it.
func TestFollowerCatchesUpBySnapshot(t *testing.T) {
	rows := 5_000
	if longRun() {
		rows = 100_000
	}
	c, lead, f := laggingFollower(t)

	writeRows(t, c.url(lead), 0, rows, 100, "row")
	execSQL(t, c.url(lead), "CHECKPOINT")
	st := c.nodes[lead].SnapshotStatus()
	if st.SnapshotIndex == 0 || st.LogFirstIndex <= 2 || st.Made == 0 {
		t.Fatalf("after CHECKPOINT the leader reports %+v: want a snapshot and a compacted log", st)
	}
	// SHOW reports the same, over the wire.
	show := showSnapshot(t, c.url(lead))
	if show["snapshot_index"] != fmt.Sprint(st.SnapshotIndex) || show["log_first_index"] != fmt.Sprint(st.LogFirstIndex) {
		t.Fatalf("SHOW raftsql.snapshot says %v; the node says %+v", show, st)
	}

	c.start(f)
	waitUntil(t, "the restarted follower installs a snapshot", func() bool {
		return c.nodes[f].SnapshotStatus().Installed > 0
	})
	execSQL(t, c.url(lead), "INSERT INTO t(id, v) VALUES (-1, 'after')")
	checkChecksums(t, c)
	var n int
	if err := connect(t, c.url(f)).QueryRow(context.Background(), "SELECT count(*) FROM t").Scan(&n); err != nil || n != rows+1 {
		t.Fatalf("the follower has %d rows (%v), want %d", n, err, rows+1)
	}
	// The follower's own snapshot machinery works on the installed state.
	execSQL(t, c.url(f), "CHECKPOINT")
}

// A snapshot transfer cut by the receiver's restart is sent again from
// the beginning, and the follower still catches up. The cut lands
// wherever the restart finds the transfer: the outcome is the same.
func TestSnapshotTransferCutByRestart(t *testing.T) {
	rows := 20_000
	if longRun() {
		rows = 200_000
	}
	c, lead, f := laggingFollower(t)
	writeRows(t, c.url(lead), 0, rows, 500, strings.Repeat("p", 200))
	// Compact every running node's log: leadership may have moved under
	// load, and whichever node leads must send a snapshot.
	for i := range c.nodes {
		if i != f {
			execSQL(t, c.url(i), "CHECKPOINT")
		}
	}

	c.start(f)
	waitUntil(t, "a leader starts a transfer or the follower installs", func() bool {
		for i := range c.nodes {
			if i != f && c.nodes[i].SnapshotStatus().Transfers != "" {
				return true
			}
		}
		return c.nodes[f].SnapshotStatus().Installed > 0
	})
	cut := c.nodes[f].SnapshotStatus().Installed == 0
	c.stop(f)
	c.start(f)
	t.Logf("receiver restarted during the transfer: %v", cut)
	waitUntil(t, "the follower catches up", func() bool {
		return c.nodes[f].AppliedIndex() >= c.nodes[lead].AppliedIndex()
	})
	checkChecksums(t, c)
	// Nothing of the cut transfer is left behind.
	tmp, _ := filepath.Glob(filepath.Join(c.dir, c.members[f].Name, "snapshots", "*.tmp"))
	if len(tmp) > 0 {
		t.Fatalf("temp files left after the catch-up: %v", tmp)
	}
}

// A node whose SQLite is behind its log store's snapshot (it crashed
// after saving a received snapshot and before swapping the database in)
// installs the snapshot from its own store at restart; so does a node
// whose database file was moved aside after its log was compacted.
func TestInterruptedInstallRecoversAtRestart(t *testing.T) {
	c, lead, f := laggingFollower(t)
	dbPath := filepath.Join(c.dir, c.members[f].Name, "db.sqlite")
	old := filepath.Join(t.TempDir(), "old.sqlite")
	copyFile(t, dbPath, old)

	writeRows(t, c.url(lead), 0, 3000, 500, "row")
	execSQL(t, c.url(lead), "CHECKPOINT")
	c.start(f)
	waitUntil(t, "the follower installs a snapshot", func() bool {
		return c.nodes[f].SnapshotStatus().Installed > 0
	})
	c.stop(f)
	// The crash point: the log store holds the snapshot (its log was
	// dropped), SQLite is the database from before the install.
	for _, suf := range []string{"-wal", "-shm"} {
		os.Remove(dbPath + suf)
	}
	copyFile(t, old, dbPath)
	c.start(f)
	if got := c.nodes[f].SnapshotStatus().Installed; got != 1 {
		t.Fatalf("restart after an interrupted install installed %d snapshots, want 1", got)
	}
	checkChecksums(t, c)

	// The database moved aside after compaction: rebuilt from the local
	// snapshot and the log's tail, not from the (compacted) history.
	execSQL(t, c.url(f), "CHECKPOINT")
	writeRows(t, c.url(lead), 10_000, 20, 1, "tail")
	waitAllApplied(t, c, c.nodes[lead].AppliedIndex(), 20*time.Second)
	c.stop(f)
	for _, suf := range []string{"", "-wal", "-shm"} {
		os.Remove(dbPath + suf)
	}
	c.start(f)
	checkChecksums(t, c)
}

// showSnapshot returns SHOW raftsql.snapshot's row by column name.
func showSnapshot(t *testing.T, url string) map[string]string {
	t.Helper()
	rows, err := connect(t, url).Query(context.Background(), "SHOW raftsql.snapshot")
	if err != nil {
		t.Fatalf("SHOW raftsql.snapshot: %v", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		vals, err := rows.Values()
		if err != nil {
			t.Fatal(err)
		}
		for i, fd := range rows.FieldDescriptions() {
			out[fd.Name] = fmt.Sprint(vals[i])
		}
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		t.Fatalf("SHOW raftsql.snapshot: %v (%d columns)", err, len(out))
	}
	return out
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// With small thresholds the log stays bounded during a long write run:
// snapshots are made on their own, the retained log never exceeds the
// snapshot interval plus the tail (and what arrives while a snapshot is
// made), and a restart opens and replays no more than that.
func TestLogBoundedUnderWrites(t *testing.T) {
	const every, tail = 200, 20
	writes := 1500
	if longRun() {
		writes = 20_000
	}
	c := startMemClusterWith(t, 3, func(cfg *raftsql.Config) {
		cfg.SnapshotEntries = every
		cfg.LogTailEntries = tail
	})
	lead := c.waitLeader(10 * time.Second)
	execSQL(t, c.url(lead), "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
	conn := connect(t, c.url(lead))
	ctx := context.Background()
	// The bound: the interval, the tail, and the entries applied while
	// one snapshot is being made (generous on a loaded machine).
	const bound = every + tail + 400
	var maxRetained uint64
	var maxDisk int64
	for i := 0; i < writes; i++ {
		if _, err := conn.Exec(ctx, "INSERT INTO t(id, v) VALUES ($1, $2)", i, strings.Repeat("v", 100)); err != nil {
			t.Fatal(err)
		}
		if i%50 == 49 {
			for _, n := range c.nodes {
				st := n.SnapshotStatus()
				maxRetained = max(maxRetained, st.LogLastIndex-st.LogFirstIndex+1)
				maxDisk = max(maxDisk, st.LogDiskBytes)
			}
		}
	}
	waitAllApplied(t, c, c.nodes[lead].AppliedIndex(), 20*time.Second)
	for _, n := range c.nodes {
		st := n.SnapshotStatus()
		if st.Made == 0 || st.LogFirstIndex <= 1 {
			t.Fatalf("%s made no snapshot in %d writes with a %d-entry policy: %+v", n.Name(), writes, every, st)
		}
	}
	t.Logf("%d writes, snapshot every %d entries, tail %d: at most %d log entries retained, at most %d bytes of log on disk", writes, every, tail, maxRetained, maxDisk)
	if maxRetained > bound {
		t.Fatalf("a node retained %d log entries, want at most %d", maxRetained, bound)
	}

	// Restart cost: the entries opened and replayed, not wall-clock time.
	f := c.follower(lead)
	c.stop(f)
	c.start(f)
	st := c.nodes[f].SnapshotStatus()
	t.Logf("restart after %d writes: %d log entries opened, %d replayed", writes, st.LogEntriesAtStart, st.ReplayedAtStart)
	if st.LogEntriesAtStart > bound || st.ReplayedAtStart > bound {
		t.Fatalf("restart opened %d and replayed %d entries, want at most %d", st.LogEntriesAtStart, st.ReplayedAtStart, bound)
	}
	checkChecksums(t, c)
}

// CHECKPOINT behaves as in PostgreSQL: tag CHECKPOINT, in and out of a
// transaction block (read-only too), and the transaction goes on. Passes
// against RAFTSQL_REFERENCE_URL too.
func TestCheckpointStatement(t *testing.T) {
	urls := e2eURLs(t)
	ctx := context.Background()
	conn := connect(t, urls[1])
	for _, tc := range []struct {
		name  string
		stmts []string
	}{
		{"alone", []string{"CHECKPOINT"}},
		{"in a transaction", []string{"BEGIN", "CHECKPOINT", "SELECT 1", "COMMIT"}},
		{"in a read-only transaction", []string{"BEGIN READ ONLY", "CHECKPOINT", "COMMIT"}},
		{"simple-protocol batch", []string{"SELECT 1; CHECKPOINT"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, q := range tc.stmts {
				tag, err := conn.Exec(ctx, q)
				if err != nil {
					t.Fatalf("%s: %v", q, err)
				}
				if strings.HasSuffix(q, "CHECKPOINT") && tag.String() != "CHECKPOINT" {
					t.Fatalf("%s: tag %q, want CHECKPOINT", q, tag.String())
				}
			}
		})
	}
}
