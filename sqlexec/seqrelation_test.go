package sqlexec

import (
	"context"
	"strings"
	"testing"
)

// TestSequenceAsRelation: a sequence read as a relation is 0A000 (it is
// no SQLite table), pg_dump's form is answered, and a missing relation is
// still 42P01.
func TestSequenceAsRelation(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE SEQUENCE sr_sq START 100", "")
	mustQ(t, s, "SELECT nextval('sr_sq')", "")
	wantCode(t, s, "SELECT last_value FROM sr_sq", "0A000")
	wantCode(t, s, "SELECT * FROM sr_sq", "0A000")
	wantCode(t, s, "SELECT * FROM sr_missing", "42P01")
	if got := wantCode(t, s, "SELECT last_value, is_called FROM sr_sq", ""); got == "" {
		t.Fatal("pg_dump's read of the sequence's state answered nothing")
	}
	if _, err := s.Prepare(context.Background(), "SELECT last_value FROM sr_sq", nil); code(err) != "0A000" {
		t.Fatalf("Prepare of a sequence read as a relation: %v", err)
	}
	if _, err := s.Prepare(context.Background(), "SELECT * FROM sr_missing", nil); code(err) != "42P01" {
		t.Fatalf("Prepare of a missing relation: %v", err)
	}
	mustQ(t, s, "BEGIN", "C:BEGIN")
	wantCode(t, s, "SELECT * FROM sr_sq", "0A000")
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
