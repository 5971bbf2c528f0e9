package sqlexec

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"
)

// Commits that grow the WAL past checkpointFrames wake the background
// checkpointer, which checkpoints on its own connection; the data stays
// readable and survives a reopen.
func TestBackgroundCheckpoint(t *testing.T) {
	dir := t.TempDir()
	db := openTest(t, dir)
	mustApply(t, db, 1, cmdOf(1, 1, 1, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)"))
	const entries, perEntry = 30, 100 // ~3,000 rows of 2 KiB: ~1,500 pages or more
	idx := uint64(2)
	for i := 0; i < entries; i++ {
		sql := fmt.Sprintf("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM n WHERE x < %d) "+
			"INSERT INTO t(v) SELECT printf('%%02048d', x) FROM n", perEntry)
		mustApply(t, db, idx, cmdOf(1, 1, byte(i+2), sql))
		idx++
	}
	deadline := time.Now().Add(20 * time.Second)
	for db.ckpt.runs.Load() == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("no background checkpoint ran (WAL at %d pages)", db.ckpt.frames.Load())
		}
		time.Sleep(5 * time.Millisecond)
	}
	check := func(db *DB) {
		t.Helper()
		var n int64
		if err := db.withReader(context.Background(), func(c *lconn) error {
			v, _, err := queryInt(c, "SELECT count(*) FROM t")
			n = v
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if n != entries*perEntry {
			t.Fatalf("rows %d, want %d", n, entries*perEntry)
		}
	}
	check(db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(db.path); err != nil {
		t.Fatal(err)
	}
	db = openTest(t, dir)
	defer db.Close()
	check(db)
	if db.AppliedIndex() != idx-1 {
		t.Fatalf("applied %d, want %d", db.AppliedIndex(), idx-1)
	}
}
