package sqlexec

import (
	"context"
	"strings"
	"testing"
)

// TestSequenceAsRelation: a sequence read as a relation answers its row
// (last_value, log_cnt, is_called, typed bigint, bigint, boolean), by its
// name, with an alias, in a join, prepared and in a transaction; writing
// it is 42809; a missing relation is still 42P01.
func TestSequenceAsRelation(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE SEQUENCE sr_sq START 100", "")
	mustQ(t, s, "SELECT nextval('sr_sq')", "")
	same := func(sql, want string) {
		t.Helper()
		got, err := q(t, s, sql)
		if err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
		w, err := q(t, s, want)
		if err != nil {
			t.Fatalf("%s: %v", want, err)
		}
		if got != w {
			t.Fatalf("%s:\n got %s\nwant %s", sql, got, w)
		}
	}
	same("SELECT last_value FROM sr_sq", "SELECT 100::int8 AS last_value")
	same("SELECT * FROM sr_sq", "SELECT 100::int8 AS last_value, 0::int8 AS log_cnt, true AS is_called")
	same("SELECT s.is_called FROM public.sr_sq AS s", "SELECT true AS is_called")
	same("SELECT sr_sq.last_value + 1 AS n FROM sr_sq", "SELECT 101::int8 AS n")
	mustQ(t, s, "CREATE TABLE sr_t (n int8)", "")
	mustQ(t, s, "INSERT INTO sr_t VALUES (100), (7)", "")
	same("SELECT t.n FROM sr_t t JOIN sr_sq q ON q.last_value = t.n", "SELECT 100::int8 AS n")
	same("SELECT t.n FROM sr_t t, sr_sq WHERE last_value = t.n", "SELECT 100::int8 AS n")
	wantCode(t, s, "SELECT * FROM sr_missing", "42P01")
	if got := wantCode(t, s, "SELECT last_value, is_called FROM sr_sq", ""); got == "" {
		t.Fatal("pg_dump's read of the sequence's state answered nothing")
	}
	ps, err := s.Prepare(context.Background(), "SELECT last_value FROM sr_sq", nil)
	if err != nil {
		t.Fatalf("Prepare of a sequence read as a relation: %v", err)
	}
	if cols := ps.(*PreparedStatement).cols; len(cols) != 1 || cols[0].Name != "last_value" {
		t.Fatalf("prepared columns %+v", cols)
	}
	if _, err := s.Prepare(context.Background(), "SELECT * FROM sr_missing", nil); code(err) != "42P01" {
		t.Fatalf("Prepare of a missing relation: %v", err)
	}
	for _, w := range []string{"INSERT INTO sr_sq VALUES (1, 0, true)", "UPDATE sr_sq SET last_value = 5", "DELETE FROM sr_sq"} {
		if _, err := q(t, s, w); code(err) != "42809" || !strings.Contains(err.Error(), `cannot change sequence "sr_sq"`) {
			t.Fatalf("%s: %v, want 42809", w, err)
		}
	}
	wantCode(t, s, "INSERT INTO sr_t SELECT last_value FROM sr_sq", "0A000")
	mustQ(t, s, "BEGIN", "C:BEGIN")
	mustQ(t, s, "SELECT setval('sr_sq', 5, false)", "")
	same("SELECT last_value, is_called FROM sr_sq s", "SELECT 5::int8 AS last_value, false AS is_called")
	mustQ(t, s, "ROLLBACK", "C:ROLLBACK")
}

// TestIntegerKeyDefaultApplies: an integer primary key's DEFAULT applies
// on insert (not SQLite's max(rowid)+1), also after ALTER COLUMN ... SET
// DEFAULT on an INTEGER PRIMARY KEY, which keeps the rows.
func TestIntegerKeyDefaultApplies(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE SEQUENCE ik_sq START 100", "")
	mustQ(t, s, "CREATE TABLE ik1 (id integer PRIMARY KEY DEFAULT nextval('ik_sq'), v text)", "")
	mustQ(t, s, "INSERT INTO ik1 (v) VALUES ('a')", "")
	mustQ(t, s, "CREATE TABLE ik2 (id integer PRIMARY KEY, v text)", "")
	mustQ(t, s, "INSERT INTO ik2 VALUES (1, 'x')", "")
	mustQ(t, s, "ALTER TABLE ik2 ALTER COLUMN id SET DEFAULT nextval('ik_sq')", "")
	mustQ(t, s, "INSERT INTO ik2 (v) VALUES ('b')", "")
	a, err := q(t, s, "SELECT id AS x FROM ik1")
	if err != nil {
		t.Fatal(err)
	}
	b, err := q(t, s, "SELECT string_agg(id::text, ',' ORDER BY id) AS x FROM ik2")
	if err != nil {
		t.Fatal(err)
	}
	wantA, _ := q(t, s, "SELECT 100 AS x")
	wantB, _ := q(t, s, "SELECT '1,101'::text AS x")
	if a != wantA || b != wantB || !strings.Contains(a, "100") || !strings.Contains(b, "1,101") {
		t.Fatalf("ik1 %q (want %q), ik2 %q (want %q)", a, wantA, b, wantB)
	}
	wantCode(t, s, "INSERT INTO ik1 VALUES (3000000000, 'big')", "22003")
}
