package sqlexec

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
)

// requestIDN is a request id numbered n.
func requestIDN(n int) [16]byte {
	var id [16]byte
	id[0], id[1], id[2], id[15] = byte(n), byte(n>>8), byte(n>>16), 0xD1
	return id
}

func insertCmd(id [16]byte, sql string) []byte {
	c := &Command{Timestamp: 1, Seed: 1, RequestID: id, Statements: []Statement{{SQL: sql}}}
	return EncodeCommand(c)
}

// windowRows reads raftsql_requests as the window should mirror it.
func windowRows(t *testing.T, db *DB) map[[16]byte]uint64 {
	t.Helper()
	db.lockApply()
	defer db.mu.Unlock()
	rows := map[[16]byte]uint64{}
	st, _, err := db.w.prepare("SELECT id, idx FROM raftsql_requests")
	if err != nil {
		t.Fatal(err)
	}
	defer st.finalize()
	if _, err := st.run(nil, func(r []any) error {
		var id [16]byte
		copy(id[:], r[0].([]byte))
		rows[id] = uint64(r[1].(int64))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestDedupeWindowModel applies a long random log (new ids, retried ids
// within and beyond the window, entries without an id, entries over the
// work budget, which end the batch's transaction and are applied again)
// in random batches, with restarts, and checks every entry's Duplicate
// against a model of the window's rules, and the in-memory window against
// the table after every batch.
func TestDedupeWindowModel(t *testing.T) {
	dir := t.TempDir()
	const window = 1500
	open := func() *DB {
		db, err := Open(context.Background(), filepath.Join(dir, "state.db"),
			Options{ReadConns: 2, DedupeWindow: window, StepBudget: 100_000})
		if err != nil {
			t.Fatal(err)
		}
		return db
	}
	db := open()
	defer func() { db.Close() }()
	mustApply(t, db, 1, EncodeCommand(&Command{Timestamp: 1, Seed: 1, Statements: []Statement{
		{SQL: "CREATE TABLE t(a INTEGER)"}, {SQL: "CREATE TABLE u(x INTEGER)"}}})) // no request id

	rng := rand.New(rand.NewPCG(7, 11))
	recorded := map[[16]byte]uint64{} // the model: id -> index recorded
	var used [][16]byte
	next, index := 1, uint64(1)
	dups, overs := 0, 0
	for index < 5200 {
		n := 1 + rng.IntN(12)
		var ents []Entry
		var want []bool
		var ids [][16]byte
		var over []bool
		for j := 0; j < n; j++ {
			index++
			var id [16]byte
			sql := fmt.Sprintf("INSERT INTO t(a) VALUES (%d)", index)
			isOver := false
			switch p := rng.IntN(100); {
			case p < 20 && len(used) > 0:
				id = used[rng.IntN(len(used))]
			case p < 25:
				// no request id
			case p < 28:
				next++
				id = requestIDN(next)
				sql, isOver = endlessInsert, true
			default:
				next++
				id = requestIDN(next)
			}
			ents = append(ents, Entry{Index: index, Data: insertCmd(id, sql)})
			ids = append(ids, id)
			over = append(over, isOver)
		}
		// The model, entry by entry, as the apply sees them.
		for j, e := range ents {
			id := ids[j]
			var zero [16]byte
			_, dup := recorded[id]
			dup = dup && id != zero
			want = append(want, dup)
			if dup {
				continue
			}
			if id != zero {
				recorded[id] = e.Index
				used = append(used, id)
			}
			if !over[j] && e.Index%1024 == 0 && e.Index > window {
				for k, at := range recorded {
					if at < e.Index-window {
						delete(recorded, k)
					}
				}
			}
		}
		res := db.ApplyBatch(ents)
		for j, r := range res {
			if r.Err != nil && IsApplyFault(r.Err) {
				t.Fatalf("index %d: fault %v", ents[j].Index, r.Err)
			}
			if r.Duplicate != want[j] {
				t.Fatalf("index %d: Duplicate = %v, the window's rules say %v", ents[j].Index, r.Duplicate, want[j])
			}
			if r.Duplicate {
				dups++
			}
			if over[j] && !r.Duplicate {
				overs++
				if errCode(r.Err) != CodeProgramLimitExceeded {
					t.Fatalf("index %d: over the budget: %v", ents[j].Index, r.Err)
				}
			}
		}
		rows := windowRows(t, db)
		if len(rows) != len(recorded) {
			t.Fatalf("after index %d: table holds %d ids, the model %d", index, len(rows), len(recorded))
		}
		db.lockApply()
		for id, at := range rows {
			if got, ok := db.requests.lookup(id); !ok || got != at || recorded[id] != at {
				db.mu.Unlock()
				t.Fatalf("after index %d: id %x: table %d, window %d %v, model %d", index, id, at, got, ok, recorded[id])
			}
		}
		inMemory := len(db.requests.ids)
		db.mu.Unlock()
		if inMemory != len(rows) {
			t.Fatalf("after index %d: window holds %d ids, the table %d", index, inMemory, len(rows))
		}
		if rng.IntN(60) == 0 {
			db.Close()
			db = open()
		}
	}
	if dups < 100 || overs < 20 {
		t.Fatalf("the log exercised too little: %d duplicates, %d entries over the budget", dups, overs)
	}
}

// TestDedupeUncommittedForgotten: a batch that does not commit (the
// node stops before its log is durable) records none of its ids, so the
// same entries applied again run, and a later retry is a duplicate.
func TestDedupeUncommittedForgotten(t *testing.T) {
	db := openTest(t, t.TempDir())
	defer db.Close()
	mustApply(t, db, 1, cmdOf(1, 1, 0, "CREATE TABLE t(a INTEGER)"))
	ents := []Entry{
		{Index: 2, Data: insertCmd(requestIDN(1), "INSERT INTO t VALUES (1)")},
		{Index: 3, Data: insertCmd(requestIDN(2), "INSERT INTO t VALUES (2)")},
	}
	stop := fmt.Errorf("stopping")
	for _, r := range db.ApplyBatchAfter(ents, func(uint64) error { return stop }) {
		if f, ok := r.Err.(*ApplyFault); !ok || !f.Shutdown {
			t.Fatalf("want a shutdown, got %v", r.Err)
		}
	}
	for _, r := range db.ApplyBatch(ents) {
		if r.Err != nil || r.Duplicate {
			t.Fatalf("index %d after the uncommitted batch: %+v", r.Index, r)
		}
	}
	r := db.Apply(4, insertCmd(requestIDN(2), "INSERT INTO t VALUES (3)"))
	if !r.Duplicate || r.Err != nil || len(r.Results) != 1 || r.Results[0].Tag != "INSERT 0 1" {
		t.Fatalf("retry: %+v", r)
	}
}

// earlierRequestsLayout is raftsql_requests as versions before dedup.go's
// window kept it.
var earlierRequestsLayout = []string{
	"DROP TABLE raftsql_requests",
	"CREATE TABLE raftsql_requests(id BLOB PRIMARY KEY, idx INTEGER NOT NULL, outcome TEXT) WITHOUT ROWID",
	"CREATE INDEX raftsql_requests_idx ON raftsql_requests(idx)",
}

// TestDedupeEarlierLayout: a database written by an earlier version (the
// table keyed by id) is moved to the rowid layout at open, keeping every
// id's outcome, even with a view SQLite cannot compile at that point (a
// rename of the table would parse it again); and the statements the
// earlier version runs on the table still work on the new layout, so a
// snapshot can travel between members of both versions.
func TestDedupeEarlierLayout(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.db")
	db := openTest(t, dir)
	mustApply(t, db, 1, cmdOf(1, 1, 0, "CREATE TABLE t(a INTEGER)"))
	db.Close()

	c, err := openLConn(dsnFor(path, ""))
	if err != nil {
		t.Fatal(err)
	}
	stmts := append([]string{}, earlierRequestsLayout...)
	stmts = append(stmts,
		"CREATE VIEW v_later AS SELECT raftsql_no_such_function(a) FROM t",
		"UPDATE raftsql_meta SET applied_index = 10")
	for _, s := range stmts {
		if err := c.exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	for i, outcome := range []string{"TINSERT 0 1", "E23505\nduplicate key", "TINSERT 0 7\nUPDATE 2"} {
		id := requestIDN(100 + i)
		if err := execArgs(c, "INSERT INTO raftsql_requests(id, idx, outcome) VALUES (?, ?, ?)", id[:], int64(8+i), outcome); err != nil {
			t.Fatal(err)
		}
	}
	c.close()

	db = openTest(t, dir)
	r := db.Apply(11, insertCmd(requestIDN(100), "INSERT INTO t VALUES (1)"))
	if !r.Duplicate || r.Err != nil || r.Results[0].Tag != "INSERT 0 1" {
		t.Fatalf("retry of an id the earlier layout recorded: %+v", r)
	}
	r = db.Apply(12, insertCmd(requestIDN(101), "INSERT INTO t VALUES (1)"))
	if !r.Duplicate || errCode(r.Err) != CodeUniqueViolation {
		t.Fatalf("retry of a failed request: %+v", r)
	}
	r = db.Apply(13, insertCmd(requestIDN(102), "INSERT INTO t VALUES (1)"))
	if !r.Duplicate || len(r.Results) != 2 || r.Results[1].Tag != "UPDATE 2" {
		t.Fatalf("retry of a two-statement request: %+v", r)
	}
	mustApply(t, db, 14, insertCmd(requestIDN(103), "INSERT INTO t VALUES (2)"))
	db.Close()

	// The layout is the rowid one now; the earlier version's statements
	// (its lookup, record, pruning and index) still run on it.
	c, err = openLConn(dsnFor(path, ""))
	if err != nil {
		t.Fatal(err)
	}
	var ddl string
	st, _, err := c.prepare("SELECT sql FROM sqlite_schema WHERE name = 'raftsql_requests'")
	if err != nil {
		t.Fatal(err)
	}
	_, err = st.run(nil, func(r []any) error { ddl = r[0].(string); return nil })
	st.finalize()
	if err != nil || strings.Contains(strings.ToUpper(ddl), "WITHOUT ROWID") {
		t.Fatalf("layout after open: %q %v", ddl, err)
	}
	id := requestIDN(103)
	if n, found, err := queryInt(c, "SELECT count(*) FROM raftsql_requests WHERE id = ?", id[:]); err != nil || !found || n != 1 {
		t.Fatalf("the earlier version's lookup: %d %v %v", n, found, err)
	}
	id = requestIDN(104)
	for _, s := range []struct {
		sql  string
		args []any
	}{
		{"INSERT OR REPLACE INTO raftsql_requests(id, idx, outcome) VALUES (?, ?, ?)", []any{id[:], int64(15), "TINSERT 0 9"}},
		{"CREATE INDEX IF NOT EXISTS raftsql_requests_idx ON raftsql_requests(idx)", nil},
		{"DELETE FROM raftsql_requests WHERE idx < ?", []any{int64(9)}},
		{"UPDATE raftsql_meta SET applied_index = 15", nil},
	} {
		if err := execArgs(c, s.sql, s.args...); err != nil {
			t.Fatalf("%s: %v", s.sql, err)
		}
	}
	c.close()
	db = openTest(t, dir)
	defer db.Close()
	if r := db.Apply(16, insertCmd(requestIDN(104), "INSERT INTO t VALUES (3)")); !r.Duplicate || r.Results[0].Tag != "INSERT 0 9" {
		t.Fatalf("an id the earlier version recorded on the new layout: %+v", r)
	}
	if r := db.Apply(17, insertCmd(requestIDN(100), "INSERT INTO t VALUES (3)")); r.Duplicate || r.Err != nil {
		t.Fatalf("an id the earlier version pruned: %+v", r)
	}
	if rows := windowRows(t, db); len(rows) != 5 {
		t.Fatalf("ids after reopening: %d, want 5", len(rows))
	}
}
