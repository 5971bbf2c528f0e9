package sqlexec

import (
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

	_ "modernc.org/sqlite" // a second, plain connection looks at what is committed
)

// ApplyBatchAfter runs the batch's statements, then calls ready with the
// last index before the COMMIT: until ready returns, nothing of the batch
// is committed (another connection does not see it, the applied index has
// not moved); an error from ready rolls the batch back as a shutdown, and
// the same entries apply afresh afterwards.
func TestApplyBatchAfterCommitsOnlyWhenReady(t *testing.T) {
	dir := t.TempDir()
	db := openTest(t, dir)
	defer db.Close()
	mustApply(t, db, 1, cmdOf(1, 1, 1, "CREATE TABLE t(a INTEGER PRIMARY KEY)"))
	other, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	rows := func() int {
		t.Helper()
		var n int
		if err := other.QueryRow("SELECT count(*) FROM t").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	ents := []Entry{{Index: 2, Data: cmdOf(1, 1, 2, "INSERT INTO t VALUES (1)")}, {Index: 3}, {Index: 4, Data: cmdOf(1, 1, 4, "INSERT INTO t VALUES (2)")}}

	stop := errors.New("stopping")
	var asked []uint64
	res := db.ApplyBatchAfter(ents, func(last uint64) error {
		asked = append(asked, last)
		if got := rows(); got != 0 {
			t.Errorf("before ready: another connection sees %d rows, want 0", got)
		}
		if a := db.AppliedIndex(); a != 1 {
			t.Errorf("before ready: applied index %d, want 1", a)
		}
		return stop
	})
	if len(asked) != 1 || asked[0] != 4 {
		t.Fatalf("ready asked for %v, want [4]", asked)
	}
	for _, r := range res {
		var f *ApplyFault
		if !errors.As(r.Err, &f) || !f.Shutdown {
			t.Fatalf("entry %d after a refused ready: %v, want a shutdown fault", r.Index, r.Err)
		}
	}
	if a, n := db.AppliedIndex(), rows(); a != 1 || n != 0 {
		t.Fatalf("after a refused ready: applied %d, %d rows; want 1, 0", a, n)
	}

	asked = nil
	res = db.ApplyBatchAfter(ents, func(last uint64) error { asked = append(asked, last); return nil })
	for _, r := range res {
		if r.Err != nil {
			t.Fatalf("entry %d: %v", r.Index, r.Err)
		}
	}
	if len(asked) != 1 || asked[0] != 4 {
		t.Fatalf("ready asked for %v, want [4]", asked)
	}
	if a, n := db.AppliedIndex(), rows(); a != 4 || n != 2 {
		t.Fatalf("after ready: applied %d, %d rows; want 4, 2", a, n)
	}
}
