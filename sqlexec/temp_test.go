package sqlexec

import (
	"path/filepath"
	"strings"
	"testing"

	lib "modernc.org/sqlite/lib"
)

// Temporary tables and views: session-local, never in the log; reads mix
// them with replicated tables; a statement that would replicate data
// computed from them is refused.
func TestTempObjects(t *testing.T) {
	e, f := newTestEngine(t)
	a, b := newSess(t, e), newSess(t, e)
	mustQ(t, a, "CREATE TABLE items(id int PRIMARY KEY, name text)", "")
	mustQ(t, a, "INSERT INTO items VALUES (1, 'one'), (2, 'two'), (3, 'three')", "")
	logged := len(f.log)
	for _, c := range []struct{ sql, want, code string }{
		{sql: "CREATE TEMP TABLE picks(id int, note text)", want: "C:CREATE TABLE"},
		{sql: "INSERT INTO picks VALUES (1, 'a'), (3, 'c')", want: "C:INSERT 0 2"},
		{sql: "INSERT INTO picks SELECT id, name FROM items WHERE id = 2", want: "C:INSERT 0 1"},
		{sql: "SELECT p.id, i.name, p.note FROM picks p JOIN items i USING (id) ORDER BY p.id", want: "D[id:23,name:25,note:25] R[1 one a] R[2 two two] R[3 three c] C:SELECT 3"},
		{sql: "UPDATE picks SET note = upper(note) WHERE id = 1", want: "C:UPDATE 1"},
		{sql: "DELETE FROM pg_temp.picks WHERE id = 3", want: "C:DELETE 1"},
		{sql: "CREATE TEMPORARY VIEW named AS SELECT p.id, i.name FROM picks p JOIN items i USING (id)", want: "C:CREATE VIEW"},
		{sql: "SELECT count(*) FROM named", want: "D[count:20] R[2] C:SELECT 1"},
		// replicated writes from temporary data: refused, naming it
		{sql: "INSERT INTO items SELECT id + 10, note FROM picks", code: "0A000"},
		{sql: "UPDATE items SET name = 'x' WHERE id IN (SELECT id FROM picks)", code: "0A000"},
		{sql: "DELETE FROM items WHERE id IN (SELECT id FROM named)", code: "0A000"},
		{sql: "CREATE TABLE copy AS SELECT * FROM picks", code: "0A000"},
		// inside a transaction block: refused
		{sql: "BEGIN", want: "C:BEGIN"},
		{sql: "SELECT * FROM picks", code: "0A000"},
		{sql: "ROLLBACK", want: "C:ROLLBACK"},
		{sql: "CREATE TEMP TABLE big(x int) ON COMMIT DELETE ROWS", want: "C:CREATE TABLE"},
		{sql: "INSERT INTO big VALUES (1) RETURNING x", want: "D[x:23] R[1] C:INSERT 0 1"},
		{sql: "SELECT count(*) FROM big", want: "D[count:20] R[0] C:SELECT 1"},
		{sql: "CREATE TEMP TABLE gone(x int) ON COMMIT DROP", want: "C:CREATE TABLE"},
		{sql: "SELECT * FROM gone", code: "42P01"},
		{sql: "TRUNCATE picks", want: "C:TRUNCATE TABLE"},
		{sql: "SELECT count(*) FROM picks", want: "D[count:20] R[0] C:SELECT 1"},
		{sql: "DROP VIEW named", want: "C:DROP VIEW"},
		{sql: "DROP TABLE picks", want: "C:DROP TABLE"},
		{sql: "SELECT * FROM picks", code: "42P01"},
		// replicated tables are untouched and still work
		{sql: "UPDATE items SET name = 'uno' WHERE id = 1", want: "C:UPDATE 1"},
	} {
		got, err := q(t, a, c.sql)
		if c.code != "" {
			if code(err) != c.code {
				t.Errorf("%s: %v (%s), want %s", c.sql, err, code(err), c.code)
			} else if c.code == "0A000" && c.sql != "SELECT * FROM picks" && !strings.Contains(err.Error(), "pick") && !strings.Contains(err.Error(), "named") {
				t.Errorf("%s: %v does not name the temporary object", c.sql, err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%s:\n got %s %v\nwant %s", c.sql, got, err, c.want)
		}
	}
	// Another session does not see them; they never entered the log.
	mustQ(t, a, "CREATE TEMP TABLE mine(x int)", "C:CREATE TABLE")
	if _, err := q(t, b, "SELECT * FROM mine"); code(err) != "42P01" {
		t.Fatalf("other session: %v, want 42P01", err)
	}
	mustQ(t, b, "CREATE TEMP TABLE mine(y text)", "C:CREATE TABLE")
	mustQ(t, b, "INSERT INTO mine VALUES ('b')", "C:INSERT 0 1")
	mustQ(t, a, "SELECT count(*) FROM mine", "D[count:20] R[0] C:SELECT 1")
	if n := len(f.log) - logged; n != 1 { // the UPDATE of items only
		t.Fatalf("%d log entries from temporary work, want 1 (the UPDATE of items)", n)
	}
	// DISCARD TEMP drops them.
	mustQ(t, b, "DISCARD TEMP", "C:DISCARD TEMP")
	if _, err := q(t, b, "SELECT * FROM mine"); code(err) != "42P01" {
		t.Fatalf("after DISCARD TEMP: %v, want 42P01", err)
	}
	// Session end drops them.
	a.Close()
	a2 := newSess(t, e)
	if _, err := q(t, a2, "SELECT * FROM mine"); code(err) != "42P01" {
		t.Fatalf("after session end: %v, want 42P01", err)
	}
}

// The extended protocol (Parse/Describe/Execute) sees temporary tables.
func TestTempObjectsPrepared(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TEMP TABLE t(a int, b text)", "C:CREATE TABLE")
	ins, err := s.Prepare(t.Context(), "INSERT INTO t VALUES ($1, $2)", nil)
	if err != nil {
		t.Fatal(err)
	}
	w := &rec{}
	if err := ins.Execute(t.Context(), []any{int64(7), "x"}, w); err != nil || strings.Join(w.out, " ") != "C:INSERT 0 1" {
		t.Fatal(err, w.out)
	}
	sel, err := s.Prepare(t.Context(), "SELECT a, b FROM t WHERE a = $1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if cols := sel.Columns(); len(cols) != 2 || cols[0].Name != "a" {
		t.Fatalf("cols %+v", cols)
	}
	w = &rec{}
	if err := sel.Execute(t.Context(), []any{int64(7)}, w); err != nil || strings.Join(w.out, " ") != "R[7 x] C:SELECT 1" {
		t.Fatal(err, w.out)
	}
}

// A query string of several statements is one transaction: temporary
// objects in it are refused clearly, never proposed.
func TestTempObjectsMultiStatement(t *testing.T) {
	e, f := newTestEngine(t)
	s := newSess(t, e)
	n := len(f.log)
	_, err := q(t, s, "CREATE TEMP TABLE x(a int); INSERT INTO x VALUES (1)")
	if code(err) != "0A000" || !strings.Contains(err.Error(), "temporary object") {
		t.Fatalf("multi-statement: %v", err)
	}
	if len(f.log) != n {
		t.Fatal("temporary work was proposed")
	}
	mustQ(t, s, "CREATE TEMP TABLE x(a int)", "C:CREATE TABLE")
	mustQ(t, s, "SELECT count(*) FROM x", "D[count:20] R[0] C:SELECT 1")
}

// Installing a snapshot replaces the database file: a session's temporary
// space is closed first (it holds the file open), and the session's next
// statement ends it with 57P01, never reading the old file.
func TestTempObjectsRestore(t *testing.T) {
	e, f := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE r(v int)", "")
	mustQ(t, s, "INSERT INTO r VALUES (1)", "")
	mustQ(t, s, "CREATE TEMP TABLE x(a int)", "C:CREATE TABLE")
	snap := filepath.Join(t.TempDir(), "snap.db")
	im, err := f.db.SnapshotTo(t.Context(), snap)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.db.Restore(snap, im.Index); err != nil {
		t.Fatal(err)
	}
	_, err = q(t, s, "SELECT * FROM x")
	if e, ok := err.(*Error); !ok || e.Code != "57P01" || e.Severity() != "FATAL" {
		t.Fatalf("after restore: %v, want FATAL 57P01", err)
	}
	s2 := newSess(t, e)
	mustQ(t, s2, "SELECT v FROM r", "D[v:23] R[1] C:SELECT 1")
}

// The temporary space can never change the replicated database: its
// authorizer refuses, whatever the classification said.
func TestTempRefusal(t *testing.T) {
	for _, c := range []struct {
		action         int32
		arg1, arg2, db string
		refused        bool
	}{
		{lib.SQLITE_INSERT, "items", "", "main", true},
		{lib.SQLITE_UPDATE, "items", "name", "main", true},
		{lib.SQLITE_DELETE, "items", "", "main", true},
		{lib.SQLITE_INSERT, "picks", "", "temp", false},
		{lib.SQLITE_CREATE_TABLE, "x", "", "main", true},
		{lib.SQLITE_CREATE_TABLE, "x", "", "temp", false},
		{lib.SQLITE_DROP_TABLE, "items", "", "main", true},
		{lib.SQLITE_ALTER_TABLE, "main", "items", "", true},
		{lib.SQLITE_CREATE_TRIGGER, "tt", "items", "temp", true},
		{lib.SQLITE_CREATE_TEMP_TRIGGER, "tt", "items", "temp", true},
		{lib.SQLITE_TRANSACTION, "BEGIN", "", "", true},
		{lib.SQLITE_ATTACH, "f.db", "", "", true},
		{lib.SQLITE_READ, "items", "name", "main", false},
	} {
		if got := tempRefusal(c.action, c.arg1, c.arg2, c.db) != nil; got != c.refused {
			t.Errorf("%d %s %s %s: refused=%v, want %v", c.action, c.arg1, c.arg2, c.db, got, c.refused)
		}
	}
}
