package sqlexec

import (
	"fmt"
	"testing"
)

// The apply connection re-reads the schema version only after a statement
// that may change it (statetrack.go). A cached statement must still never
// be described with another schema's columns: after a schema change, and
// after a schema change is undone (the entry fails and rolls back to its
// savepoint), in one batch or entry by entry.
func TestApplyCachedStatementsFollowSchema(t *testing.T) {
	const ins = "INSERT OR IGNORE INTO t(a) VALUES (%d) RETURNING *" // no row when a exists
	log := [][]string{
		{"CREATE TABLE t(a INTEGER PRIMARY KEY)"},
		{fmt.Sprintf(ins, 1)}, // 1 column, cached
		{"ALTER TABLE t ADD COLUMN b INTEGER DEFAULT 7"},
		{fmt.Sprintf(ins, 1)}, // no row: described without a row
		{fmt.Sprintf(ins, 2)},
		{"ALTER TABLE t ADD COLUMN c INTEGER DEFAULT 8", fmt.Sprintf(ins, 3), "INSERT INTO t(a) VALUES (1)"}, // fails: c undone
		{fmt.Sprintf(ins, 1)},
		{"ALTER TABLE t DROP COLUMN b"},
		{fmt.Sprintf(ins, 1)},
		{fmt.Sprintf(ins, 5)},
	}
	const failing = 5
	wantCols := map[int]int{1: 1, 3: 2, 4: 2, 6: 2, 8: 1, 9: 1} // by entry, from 0
	for _, batch := range []int{1, 3, len(log)} {
		t.Run(fmt.Sprintf("batch%d", batch), func(t *testing.T) {
			db := openTest(t, t.TempDir())
			defer db.Close()
			var ents []Entry
			for i, stmts := range log {
				ents = append(ents, Entry{Index: uint64(i + 1), Data: cmdOf(1, 1, byte(i+1), stmts...)})
			}
			var res []*ApplyResult
			for i := 0; i < len(ents); i += batch {
				res = append(res, db.ApplyBatch(ents[i:min(i+batch, len(ents))])...)
			}
			for i, r := range res {
				if i == failing {
					if errCode(r.Err) != CodeUniqueViolation {
						t.Fatalf("entry %d: %v, want a unique violation", i+1, r.Err)
					}
					continue
				}
				if r.Err != nil {
					t.Fatalf("entry %d: %v", i+1, r.Err)
				}
				if n, ok := wantCols[i]; ok {
					got := r.Results[0]
					if len(got.Columns) != n || len(got.Rows) == 1 && len(got.Rows[0]) != n {
						t.Fatalf("entry %d: %d columns, row %v; want %d", i+1, len(got.Columns), got.Rows, n)
					}
				}
			}
		})
	}
}

// What the apply connection's tracking counts as changing the schema or
// settings: everything but the allow-list.
func TestAltersConn(t *testing.T) {
	for _, sqlText := range []string{
		"CREATE TABLE x(a)", "ALTER TABLE t ADD COLUMN z", "DROP TABLE t", "CREATE INDEX i ON t(a)",
		"PRAGMA query_only=1", "PRAGMA main.query_only(true)", "PRAGMA schema_version", "ROLLBACK",
		"ROLLBACK TO s", "ANALYZE", "CREATE VIEW v AS SELECT 1",
	} {
		if !compilesAltering(t, sqlText) {
			t.Errorf("%s: not counted as altering the connection", sqlText)
		}
	}
	for _, sqlText := range []string{
		"INSERT INTO t(a) VALUES (1)", "UPDATE t SET a = a + 1", "DELETE FROM t", "SELECT * FROM t",
		"WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM r WHERE n < 3) SELECT lower('A') FROM r",
		"BEGIN IMMEDIATE", "COMMIT", "SAVEPOINT s", "RELEASE s",
	} {
		if compilesAltering(t, sqlText) {
			t.Errorf("%s: counted as altering the connection", sqlText)
		}
	}
}

func compilesAltering(t *testing.T, sqlText string) bool {
	t.Helper()
	db := openTest(t, t.TempDir())
	defer db.Close()
	mustApply(t, db, 1, cmdOf(1, 1, 1, "CREATE TABLE t(a INTEGER PRIMARY KEY)"))
	db.mu.Lock()
	defer db.mu.Unlock()
	if err := db.w.exec("SAVEPOINT s"); err != nil {
		t.Fatal(err)
	}
	defer db.w.exec("ROLLBACK")
	st, _, err := db.w.prepareFresh(sqlText)
	if err != nil {
		t.Fatalf("%s: %v", sqlText, err)
	}
	defer st.finalize()
	return st.alters
}
