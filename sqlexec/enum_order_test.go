package sqlexec

import (
	"context"
	"path/filepath"
	"testing"
)

// Enum values order by declaration (ADD VALUE BEFORE/AFTER included) in
// every construct that compares them, and arrays element by element, as
// in PostgreSQL 15 (integration/order_test.go runs the same kind of steps
// against a cluster and a real server).
func TestEnumAndArrayOrder(t *testing.T) {
	e, _ := newTestEngine(t)
	a := newSess(t, e)
	steps := []sessStep{
		{a, "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')", "", ""},
		{a, "CREATE TABLE p (id int PRIMARY KEY, m mood)", "", ""},
		{a, "CREATE INDEX p_m ON p (m)", "", ""},
		{a, "INSERT INTO p VALUES (1, 'happy'), (2, 'sad'), (3, 'ok'), (4, NULL)", "", ""},
		{a, "SELECT string_agg(m::text, ',' ORDER BY m) FROM p", "R[sad,ok,happy]", ""},
		{a, "SELECT id FROM p ORDER BY m DESC NULLS LAST", "R[1] R[3] R[2] R[4]", ""},
		{a, "SELECT min(m), max(m) FROM p", "R[sad happy]", ""},
		{a, "SELECT id FROM p WHERE m > 'sad' ORDER BY id", "R[1] R[3]", ""},
		{a, "SELECT id FROM p WHERE m BETWEEN 'ok' AND 'happy' ORDER BY id", "R[1] R[3]", ""},
		{a, "SELECT id FROM p WHERE m > 'bogus'", "", "22P02"},
		{a, "SELECT id FROM p WHERE m > 'sad'::mood ORDER BY id", "R[1] R[3]", ""},
		{a, "SELECT id FROM p WHERE m <= CAST('ok' AS mood) ORDER BY id", "R[2] R[3]", ""},
		{a, "SELECT 'happy'::mood < 'sad'::mood, NULL::mood", "R[false <nil>]", ""},
		{a, "SELECT 'bogus'::mood", "", "22P02"},
		{a, "SELECT 'ok'::public.mood, CAST('sad' AS public.mood)", "R[ok sad]", ""},
		{a, "CREATE TABLE pd (id int, m public.mood DEFAULT 'ok'::public.mood)", "", ""},
		{a, "INSERT INTO pd (id) VALUES (1)", "", ""},
		{a, "SELECT m FROM pd", "R[ok]", ""},
		{a, "INSERT INTO pd VALUES (2, 'sad'), (3, 'happy')", "", ""},
		{a, "SELECT id FROM pd ORDER BY m", "R[2] R[1] R[3]", ""},
		{a, "INSERT INTO pd VALUES (4, 'bogus')", "", "22P02"},
		{a, "SELECT 'x'::nosuchtype", "", "42704"},
		{a, "INSERT INTO p VALUES (9, 'bogus'::mood)", "", "22P02"},
		{a, "ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok'", "", ""},
		{a, "ALTER TYPE mood ADD VALUE 'ecstatic' AFTER 'happy'", "", ""},
		{a, "ALTER TYPE mood ADD VALUE 'awful' BEFORE 'sad'", "", ""},
		{a, "INSERT INTO p VALUES (5, 'meh'), (6, 'ecstatic'), (7, 'awful')", "", ""},
		{a, "SELECT string_agg(m::text, ',' ORDER BY m) FROM p", "R[awful,sad,meh,ok,happy,ecstatic]", ""},
		{a, "SELECT m, count(*) FROM p WHERE m IS NOT NULL GROUP BY m ORDER BY m LIMIT 2", "R[awful 1] R[sad 1]", ""},
		{a, "SELECT DISTINCT m FROM p WHERE m < 'ok' ORDER BY 1", "R[awful] R[sad] R[meh]", ""},
		{a, "SELECT id, rank() OVER (ORDER BY m) FROM p WHERE m IS NOT NULL ORDER BY id LIMIT 3", "R[1 5] R[2 2] R[3 4]", ""},
		{a, "CREATE UNIQUE INDEX p_mu ON p (m)", "", ""},
		{a, "INSERT INTO p VALUES (8, 'meh')", "", "23505"},
		{a, "CREATE TYPE later_t AS ENUM ('a')", "", ""},
		{a, "CREATE TABLE arr (id int PRIMARY KEY, xs int[], ts text[], ns numeric[])", "", ""},
		{a, "CREATE INDEX arr_xs ON arr (xs)", "", ""},
		{a, "INSERT INTO arr VALUES (1, '{10}', '{b}', '{1.5}'), (2, '{9}', '{a,b}', '{10}'), (3, '{9,1}', '{a}', '{2}'), (4, '{9,NULL}', '{a,NULL}', NULL), (5, '{}', '{}', '{-1}')", "", ""},
		{a, "SELECT id FROM arr ORDER BY xs, id", "R[5] R[2] R[3] R[4] R[1]", ""},
		{a, "SELECT id FROM arr ORDER BY ts, id", "R[5] R[3] R[2] R[4] R[1]", ""},
		{a, "SELECT id FROM arr WHERE ns IS NOT NULL ORDER BY ns", "R[5] R[1] R[3] R[2]", ""},
		{a, "SELECT min(xs), max(xs) FROM arr", "R[{} {10}]", ""},
		{a, "SELECT id FROM arr WHERE xs > '{9,1}' ORDER BY id", "R[1] R[4]", ""},
		{a, "SELECT id FROM arr WHERE xs = '{9}'", "R[2]", ""},
		{a, "SELECT m::text FROM p WHERE m IS NOT NULL ORDER BY 1 LIMIT 3", "R[awful] R[ecstatic] R[happy]", ""},
		{a, "SELECT CAST(xs AS text) FROM arr ORDER BY 1 LIMIT 3", "R[{10}] R[{9,1}] R[{9,NULL}]", ""},
		{a, "PRAGMA integrity_check", "R[ok]", ""},
	}
	runSessSteps(t, steps)
}

// ALTER COLUMN ... TYPE to and from an enum type (or numeric) changes the
// column's collation: its indexes are rebuilt in the new order (they were
// a storage fault before).
func TestAlterColumnTypeReorders(t *testing.T) {
	e, _ := newTestEngine(t)
	a := newSess(t, e)
	runSessSteps(t, []sessStep{
		{a, "CREATE TYPE lvl AS ENUM ('low', 'mid', 'high')", "", ""},
		{a, "CREATE TABLE al (id int PRIMARY KEY, l text, xs text)", "", ""},
		{a, "CREATE INDEX al_l ON al (l)", "", ""},
		{a, "INSERT INTO al VALUES (1, 'high', '{10}'), (2, 'low', '{9}'), (3, 'mid', '{9,1}')", "", ""},
		{a, "ALTER TABLE al ALTER COLUMN l TYPE lvl USING l", "", ""},
		{a, "PRAGMA integrity_check", "R[ok]", ""},
		{a, "SELECT id FROM al ORDER BY l", "R[2] R[3] R[1]", ""},
		{a, "SELECT id FROM al WHERE l > 'low' ORDER BY l DESC", "R[1] R[3]", ""},
		{a, "UPDATE al SET l = 'mid' WHERE id = 1", "", ""},
		{a, "ALTER TABLE al ALTER COLUMN l TYPE text", "", ""},
		{a, "PRAGMA integrity_check", "R[ok]", ""},
		{a, "SELECT id FROM al ORDER BY l, id", "R[2] R[1] R[3]", ""},
		{a, "CREATE TABLE an (id int PRIMARY KEY, n text)", "", ""},
		{a, "CREATE INDEX an_n ON an (n)", "", ""},
		{a, "INSERT INTO an VALUES (1, '10'), (2, '9'), (3, '9.5')", "", ""},
		{a, "ALTER TABLE an ALTER COLUMN n TYPE numeric USING n::numeric", "", ""},
		{a, "PRAGMA integrity_check", "R[ok]", ""},
		{a, "SELECT id FROM an ORDER BY n", "R[2] R[3] R[1]", ""},
	})
}

// A speculated transaction that drops and recreates a type in another
// order is rolled back: the orders the node's connections compare by are
// the table's again at once, before any other write.
func TestEnumOrderAfterRollback(t *testing.T) {
	e, _ := newTestEngine(t)
	a, b := newSess(t, e), newSess(t, e)
	runSessSteps(t, []sessStep{
		{a, "CREATE TYPE ro AS ENUM ('x', 'y', 'z')", "", ""},
		{a, "BEGIN", "", ""},
		{a, "DROP TYPE ro", "", ""},
		{a, "CREATE TYPE ro AS ENUM ('z', 'y', 'x')", "", ""},
		{a, "ROLLBACK", "", ""},
	})
	if got := e.db.enums.labels("ro")["x"]; got != 1 {
		t.Fatalf("sort order of x after the rollback: %v, want 1", got)
	}
	runSessSteps(t, []sessStep{
		{b, "CREATE TABLE rt (v ro)", "", ""},
		{b, "INSERT INTO rt VALUES ('z'), ('x'), ('y')", "", ""},
		{b, "SELECT v FROM rt ORDER BY v", "R[x] R[y] R[z]", ""},
	})
}

// A snapshot image with enum and array indexes passes CheckFile (its own
// connection: PRAGMA integrity_check and the content checksum), whose
// enum orders come from the file itself.
func TestEnumOrderSnapshotFileCheck(t *testing.T) {
	e, _ := newTestEngine(t)
	a := newSess(t, e)
	runSessSteps(t, []sessStep{
		{a, "CREATE TYPE sz AS ENUM ('s', 'm', 'l')", "", ""},
		{a, "ALTER TYPE sz ADD VALUE 'xs' BEFORE 's'", "", ""},
		{a, "CREATE TABLE shirts (id int PRIMARY KEY, s sz UNIQUE, ns int[])", "", ""},
		{a, "CREATE INDEX shirts_ns ON shirts (ns)", "", ""},
		{a, "INSERT INTO shirts VALUES (1, 'l', '{10}'), (2, 'xs', '{9}'), (3, 's', '{9,1}'), (4, 'm', NULL)", "", ""},
	})
	path := filepath.Join(t.TempDir(), "snap.db")
	if _, err := e.db.SnapshotTo(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	rep, err := CheckFile(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	sum, _, err := e.db.Checksum(context.Background())
	if err != nil || rep.Checksum != sum {
		t.Fatalf("image checksum %s, database %s (%v)", rep.Checksum, sum, err)
	}
}
