package sqlexec

import (
	"strings"
	"testing"
)

// A row statement the write allow-list refuses inside a transaction is
// refused by the speculation's own compile (checkBeforeSpeculation): the
// client gets 0A000 naming the construct, the statement is never
// recorded, and the transaction's entry never carries it.
func TestSpeculationRefusesUnrecorded(t *testing.T) {
	e, f := newTestEngine(t)
	s := newSess(t, e)
	mustRows(t, s, "CREATE TABLE sr(id integer PRIMARY KEY, v text)", "")
	for _, refusedFirst := range []bool{true, false} {
		mustRows(t, s, "DELETE FROM sr", "")
		mustRows(t, s, "BEGIN", "")
		if !refusedFirst {
			mustRows(t, s, "INSERT INTO sr VALUES (1, 'a')", "C:INSERT 0 1")
		}
		mustRows(t, s, "SAVEPOINT p", "")
		for _, bad := range []string{
			"INSERT INTO sr SELECT 2, sqlite_version()",
			"UPDATE sr SET v = sqlite_version()",
			"DELETE FROM sr WHERE v = sqlite_version()",
		} {
			_, err := q(t, s, bad)
			ee, ok := err.(*Error)
			if !ok || ee.Code != CodeFeatureNotSupported || !strings.Contains(ee.Message, "sqlite_version()") {
				t.Fatalf("%s: %v, want 0A000 naming sqlite_version()", bad, err)
			}
			if _, err := q(t, s, "SELECT 1"); err == nil || err.(*Error).Code != "25P02" {
				t.Fatalf("after a refusal the transaction is aborted, got %v", err)
			}
			mustRows(t, s, "ROLLBACK TO p", "")
		}
		mustRows(t, s, "INSERT INTO sr VALUES (3, 'c')", "C:INSERT 0 1")
		n := len(f.log)
		mustRows(t, s, "COMMIT", "")
		if len(f.log) != n+1 {
			t.Fatalf("COMMIT proposed %d entries, want 1", len(f.log)-n)
		}
		if entry := string(f.log[len(f.log)-1]); strings.Contains(entry, "sqlite_version") {
			t.Fatalf("a refused statement entered the log: %q", entry)
		}
		want := "R[1] R[3] C:SELECT 2"
		if refusedFirst {
			want = "R[3] C:SELECT 1"
		}
		mustRows(t, s, "SELECT id FROM sr ORDER BY id", want)
	}
}

// A write in a READ ONLY transaction still compiles on the read view
// first (txExec's writes): a missing table is 42P01 before 25006, as in
// PostgreSQL; in a read-write transaction the write goes straight to the
// speculation, which finds the same 42P01.
func TestWriteErrorsOrder(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustRows(t, s, "CREATE TABLE wo(a integer)", "")
	for _, c := range []struct{ begin, sql, code string }{
		{"BEGIN READ ONLY", "INSERT INTO wo_missing VALUES (1)", "42P01"},
		{"BEGIN READ ONLY", "INSERT INTO wo VALUES (1)", "25006"},
		{"BEGIN", "INSERT INTO wo_missing VALUES (1)", "42P01"},
		{"BEGIN", "UPDATE wo SET a = 'x'", "22P02"},
	} {
		mustRows(t, s, c.begin, "")
		_, err := q(t, s, c.sql)
		if ee, ok := err.(*Error); !ok || ee.Code != c.code {
			t.Errorf("%s; %s: %v, want %s", c.begin, c.sql, err, c.code)
		}
		mustRows(t, s, "ROLLBACK", "")
	}
}
