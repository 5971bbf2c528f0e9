package sqlexec

import "testing"

// TestTypeRequire: a column type that is no type pgdialect knows must be
// an enum (or citext with its extension) when the DDL applies, else 42704
// (in a transaction block at the statement, as the speculative run applies
// it); tables created by earlier versions with types the allow-list now
// refuses still read and write as before.
func TestTypeRequire(t *testing.T) {
	e, f := newTestEngine(t)
	// tables as an earlier version created them (no allow-list)
	f.next = 1
	mustApply(t, f.db, 1, cmdOf(1, 1, 9, "CREATE TABLE old_t (a tsvector, b text2, c blob, d)"))
	a := newSess(t, e)
	runSessSteps(t, []sessStep{
		{a, "INSERT INTO old_t VALUES ('garbage', 'x', 'y', 1)", "C:INSERT 0 1", ""},
		{a, "UPDATE old_t SET a = 'more garbage'", "C:UPDATE 1", ""},
		{a, "SELECT a, b, c, d FROM old_t", "R[more garbage x [121] 1]", ""},
		// an enum may not take the name a column already declares
		{a, "CREATE TYPE text2 AS ENUM ('a')", "", "0A000"},
		{a, "CREATE TABLE n (x nosuch)", "", "42704"},
		{a, "ALTER TABLE old_t ADD COLUMN e nosuch", "", "42704"},
		{a, "CREATE TYPE mood AS ENUM ('sad', 'ok')", "", ""},
		{a, "CREATE TABLE n (x mood, y public.mood)", "C:CREATE TABLE", ""},
		{a, "INSERT INTO n VALUES ('ok', 'sad')", "C:INSERT 0 1", ""},
		{a, "INSERT INTO n VALUES ('meh', 'sad')", "", "22P02"},
		{a, "ALTER TABLE old_t ADD COLUMN e mood", "C:ALTER TABLE", ""},
		{a, "BEGIN", "", ""},
		{a, "CREATE TYPE mood2 AS ENUM ('x')", "", ""},
		{a, "CREATE TABLE n2 (x mood2)", "C:CREATE TABLE", ""},
		{a, "CREATE TABLE n3 (x mood3)", "", "42704"},
		{a, "ROLLBACK", "", ""},
		{a, "CREATE TABLE b (x blob)", "", "42704"},
		{a, "CREATE TYPE tint AS ENUM ('red')", "", ""},
		{a, "CREATE TABLE b (x tint)", "", "0A000"},
		{a, "CREATE TABLE ci (x citext)", "", "42704"},
		{a, "CREATE EXTENSION citext", "", ""},
		{a, "CREATE TABLE ci (x citext PRIMARY KEY)", "C:CREATE TABLE", ""},
		{a, "INSERT INTO ci VALUES ('Ab'), ('aB')", "", "23505"},
	})
	_, err := q(t, a, "CREATE TABLE n4 (a int, b nosuch)")
	if se, ok := err.(*Error); !ok || se.Code != "42704" || se.Message != `type "nosuch" does not exist` || se.Pos != 27 {
		t.Errorf("position of the apply's refusal: %#v", err)
	}
}
