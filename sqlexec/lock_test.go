package sqlexec

import "testing"

func TestLockTable(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE lt (id int)", "")
	mustQ(t, s, "CREATE SEQUENCE lseq", "")
	mustQ(t, s, "CREATE VIEW lv AS SELECT * FROM lt", "")
	if _, err := q(t, s, "LOCK TABLE lt"); code(err) != "25P01" {
		t.Fatalf("LOCK outside a transaction: %v", err)
	}
	if _, err := q(t, s, "LOCK TABLE nosuch"); code(err) != "25P01" {
		t.Fatalf("LOCK of a missing table outside a transaction: %v (the block is checked first)", err)
	}
	mustQ(t, s, "LOCK TABLE lt; SELECT 1", "") // a string of statements is a transaction block
	mustQ(t, s, "BEGIN", "C:BEGIN")
	mustQ(t, s, "CREATE TABLE lt2 (id int)", "C:CREATE TABLE")
	mustQ(t, s, "LOCK TABLE lt, lv, lt2 IN SHARE ROW EXCLUSIVE MODE NOWAIT", "C:LOCK TABLE")
	if _, err := q(t, s, "LOCK TABLE lseq"); code(err) != "42809" {
		t.Fatalf("LOCK of a sequence: %v", err)
	}
	mustQ(t, s, "ROLLBACK", "C:ROLLBACK")
	mustQ(t, s, "BEGIN", "C:BEGIN")
	if _, err := q(t, s, "LOCK TABLE lt, nosuch"); code(err) != "42P01" {
		t.Fatalf("LOCK of a missing table: %v", err)
	}
	mustQ(t, s, "ROLLBACK", "C:ROLLBACK")
}
