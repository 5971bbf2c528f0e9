package sqlexec

import (
	"strings"
	"testing"
)

// PREPARE / EXECUTE / DEALLOCATE in SQL: results, command tags and
// SQLSTATEs as PostgreSQL 15 gives them (checked against it by hand; the
// integration test TestSQLPrepare runs the same against a reference
// server when RAFTSQL_REFERENCE_URL is set).
func TestSQLPrepare(t *testing.T) {
	e, f := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE t(a int, b text)", "")
	for _, c := range []struct{ sql, want, code string }{
		{sql: "PREPARE p(int, text) AS INSERT INTO t VALUES ($1, $2) RETURNING a, b", want: "C:PREPARE"},
		{sql: "EXECUTE p(1, 'x')", want: "D[a:23,b:25] R[1 x] C:INSERT 0 1"},
		{sql: "EXECUTE p('2', upper('y'))", want: "D[a:23,b:25] R[2 Y] C:INSERT 0 1"},
		{sql: "PREPARE p AS SELECT 1", code: "42P05"},
		{sql: "EXECUTE nope", code: "26000"},
		{sql: "EXECUTE p(1)", code: "42601"},
		{sql: "EXECUTE p(1, 2, 3)", code: "42601"},
		{sql: "EXECUTE p('abc', 'z')", code: "22P02"},
		{sql: "PREPARE q AS SELECT b FROM t WHERE a = $1", want: "C:PREPARE"},
		{sql: "EXECUTE q(2)", want: "D[b:25] R[Y] C:SELECT 1"},
		{sql: "EXECUTE q(1+1)", want: "D[b:25] R[Y] C:SELECT 1"},
		{sql: "DEALLOCATE q", want: "C:DEALLOCATE"},
		{sql: "DEALLOCATE q", code: "26000"},
		{sql: "EXECUTE q(1)", code: "26000"},
		{sql: "PREPARE s2 AS SELECT * FROM nosuch", code: "42P01"},
		{sql: "PREPARE s5 AS BEGIN", code: "42601"},
		{sql: "PREPARE s6 AS CREATE TABLE u(x int)", code: "42601"},
		{sql: "PREPARE TRANSACTION 'x'", code: "0A000"},
		{sql: "EXECUTE p((SELECT 1), 'x')", code: "0A000"},
		{sql: "PREPARE s4 AS SELECT 1", want: "C:PREPARE"},
		{sql: "EXECUTE s4", want: "D[?column?:23] R[1] C:SELECT 1"}, // int4, as PostgreSQL
		{sql: "EXECUTE s4()", code: "42601"},
		{sql: "PREPARE u AS UPDATE t SET b = $2 WHERE a = $1", want: "C:PREPARE"},
		{sql: "EXECUTE u(1, 'z')", want: "C:UPDATE 1"},
		{sql: "DEALLOCATE PREPARE u", want: "C:DEALLOCATE"},
		{sql: "DEALLOCATE ALL", want: "C:DEALLOCATE ALL"},
		{sql: "EXECUTE p(3, 'w')", code: "26000"},
		{sql: "SELECT a, b FROM t ORDER BY a", want: "D[a:23,b:25] R[1 z] R[2 Y] C:SELECT 2"},
	} {
		got, err := q(t, s, c.sql)
		if c.code != "" {
			if code(err) != c.code {
				t.Errorf("%s: %v (%s), want %s", c.sql, err, code(err), c.code)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%s:\n got %s %v\nwant %s", c.sql, got, err, c.want)
		}
	}
	// The log holds the body's statement with the values bound, never
	// EXECUTE or PREPARE.
	for _, ent := range f.log {
		cmd, err := DecodeCommand(ent)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range cmd.Statements {
			if u := strings.ToUpper(st.SQL); strings.Contains(u, "PREPARE") || strings.Contains(u, "EXECUTE") {
				t.Errorf("log entry %q", st.SQL)
			}
		}
	}
}

// EXECUTE inside a transaction takes part in it like the statement itself.
func TestSQLPrepareInTxn(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE t(a int PRIMARY KEY)", "")
	mustQ(t, s, "PREPARE ins(int) AS INSERT INTO t VALUES ($1)", "C:PREPARE")
	mustQ(t, s, "BEGIN", "C:BEGIN")
	mustQ(t, s, "EXECUTE ins(1)", "C:INSERT 0 1")
	if _, err := q(t, s, "EXECUTE ins(1)"); code(err) != "23505" {
		t.Fatalf("duplicate: %v", err)
	}
	mustQ(t, s, "ROLLBACK", "C:ROLLBACK")
	mustQ(t, s, "SELECT count(*) FROM t", "D[count:20] R[0] C:SELECT 1")
	mustQ(t, s, "BEGIN; EXECUTE ins(2); EXECUTE ins(3); COMMIT", "")
	mustQ(t, s, "SELECT count(*) FROM t", "D[count:20] R[2] C:SELECT 1")
	mustQ(t, s, "DISCARD ALL", "C:DISCARD ALL")
	if _, err := q(t, s, "EXECUTE ins(4)"); code(err) != "26000" {
		t.Fatalf("after DISCARD ALL: %v", err)
	}
}
