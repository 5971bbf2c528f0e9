package sqlexec

import (
	"fmt"
	"strings"
	"testing"
)

// An edit of sqlite_schema is never interrupted: SQLite keeps a schema it
// only partly loaded while writable_schema is on (sqlite3InitOne under
// SQLITE_NoSchemaError), so an interrupt that landed in a reload there
// left the apply connection without the tables after the cut until its
// next schema reset: a transaction's speculation preempted there, and
// run again, answered 42P01 for a table that exists (TestDiffCorpus,
// 22_rebuild.sql, failed about one run in five). Here every progress
// handler call asks to stop the statement (a cancel request) while the
// edit runs on a connection that must reload its schema.
func TestSchemaEditNotInterrupted(t *testing.T) {
	db := openTest(t, t.TempDir())
	t.Cleanup(func() { db.Close() })
	const tables = 300
	var ddl []string
	for i := range tables {
		ddl = append(ddl, fmt.Sprintf("CREATE TABLE t%d (a INTEGER, b TEXT)", i))
	}
	mustApply(t, db, 1, cmdOf(1, 1, 1, ddl...))
	w := db.w
	db.mu.Lock()
	defer db.mu.Unlock()
	w.meter.begin(0)
	defer w.meter.end()
	if err := w.exec("BEGIN"); err != nil {
		t.Fatal(err)
	}
	defer w.exec("ROLLBACK")
	// The next statement that needs the schema reloads it.
	if err := w.exec("PRAGMA writable_schema=RESET"); err != nil {
		t.Fatal(err)
	}
	tok := &cancelToken{}
	tok.reason.Store(&Error{Code: CodeQueryCanceled, Message: "canceling statement due to user request"})
	w.meter.cancel = tok
	err := rewriteTables(w, []dependent{{table: "t0", sql: "CREATE TABLE t0 (a INTEGER, b TEXT, c INTEGER)"}})
	w.meter.cancel = nil
	if err != nil {
		t.Fatalf("schema edit: %v", err)
	}
	w.unsynced = unsyncedAll
	for _, name := range []string{"t0", fmt.Sprintf("t%d", tables-1)} {
		if _, _, err := queryInt(w, "SELECT count(*) FROM "+name); err != nil {
			if strings.Contains(err.Error(), "no such table") {
				t.Fatalf("after the edit, %s: %v: SQLite kept a partly loaded schema", name, err)
			}
			t.Fatalf("after the edit, %s: %v", name, err)
		}
	}
}
