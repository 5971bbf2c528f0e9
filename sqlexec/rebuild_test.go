package sqlexec

import (
	"strings"
	"testing"
)

// TestRebuildKeepsTableAndReferences: dropping a UNIQUE declared in
// CREATE TABLE rebuilds the table (rebuild.go). The rows of tables that
// reference it with ON DELETE CASCADE and SET NULL never change, their
// foreign keys still act afterwards, and the table keeps its rowids,
// serial sequence, enum column, comments, index, trigger (not fired by the
// copy), CHECK and view; SQLite's integrity and foreign key checks are
// clean.
func TestRebuildKeepsTableAndReferences(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	for _, sql := range []string{
		"CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
		"CREATE TABLE p (id serial PRIMARY KEY, code text UNIQUE, m mood, n numeric(5,2) DEFAULT 1.25 CHECK (n > 0))",
		"COMMENT ON TABLE p IS 'parents'",
		"COMMENT ON COLUMN p.code IS 'the code'",
		"CREATE INDEX p_m_idx ON p (m)",
		"CREATE TABLE plog (id int, what text)",
		"CREATE TRIGGER p_ins AFTER INSERT ON p BEGIN INSERT INTO plog VALUES (NEW.id, 'ins'); END",
		"CREATE TABLE c_cascade (id int, pid int REFERENCES p(id) ON DELETE CASCADE)",
		"CREATE TABLE c_null (id int, pid int REFERENCES p(id) ON DELETE SET NULL)",
		"CREATE VIEW pv AS SELECT id, code FROM p",
		"INSERT INTO p (code, m) VALUES ('a', 'ok'), ('b', 'happy'), ('c', 'sad')",
		"DELETE FROM p WHERE id = 2",
		"INSERT INTO c_cascade VALUES (1, 1), (3, 3)",
		"INSERT INTO c_null VALUES (1, 1), (3, 3)",
	} {
		mustQ(t, s, sql, "")
	}
	before := func() string {
		got, err := q(t, s, "SELECT (SELECT string_agg(id || ':' || pid, ',' ORDER BY id) FROM c_cascade), (SELECT string_agg(id || ':' || coalesce(pid::text, '-'), ',' ORDER BY id) FROM c_null), (SELECT count(*) FROM plog)")
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	b := before()
	mustQ(t, s, "ALTER TABLE p DROP CONSTRAINT p_code_key", "C:ALTER TABLE")
	if a := before(); a != b {
		t.Fatalf("referencing rows or trigger log changed by the rebuild:\n got %s\nwant %s", a, b)
	}
	mustQ(t, s, "SELECT _rowid_, id, code, m, n FROM p ORDER BY id", "")
	got, _ := q(t, s, "SELECT _rowid_, id, code, m::text, n::text FROM p ORDER BY id")
	if !strings.Contains(got, "R[1 1 a ok 1.25] R[3 3 c sad 1.25]") {
		t.Fatalf("rows: %s", got)
	}
	for _, c := range []struct{ sql, want string }{
		{"SELECT obj_description('p'::regclass, 'pg_class'), col_description('p'::regclass, 2)", "R[parents the code]"},
		{"SELECT indexname FROM pg_indexes WHERE tablename = 'p' ORDER BY 1", "R[p_m_idx] R[p_pkey] C:SELECT 2"},
		{"SELECT pg_get_serial_sequence('p', 'id')", "R[public.p_id_seq]"},
		{"SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'p'::regclass AND attname IN ('m', 'n') ORDER BY attnum", "R[mood] R[numeric(5,2)]"},
		{"INSERT INTO p (code, m) VALUES ('a', 'happy') RETURNING id", "R[4]"},
		{"SELECT count(*) FROM plog", "R[4]"},
		{"SELECT count(*) FROM pv", "R[3]"},
		{"DELETE FROM p WHERE id = 1", "C:DELETE 1"},
		{"SELECT string_agg(id || ':' || pid, ',') FROM c_cascade", "R[3:3]"},
		{"SELECT string_agg(id || ':' || coalesce(pid::text, '-'), ',' ORDER BY id) FROM c_null", "R[1:-,3:3]"},
		{"PRAGMA integrity_check", "R[ok]"},
		{"PRAGMA foreign_key_check", "C:"},
	} {
		got, err := q(t, s, c.sql)
		if err != nil {
			t.Fatalf("%s: %v", c.sql, err)
		}
		if !strings.Contains(got, c.want) {
			t.Fatalf("%s:\n got %s\nwant %s", c.sql, got, c.want)
		}
	}
	if _, err := q(t, s, "INSERT INTO p (m) VALUES ('meh')"); code(err) != "22P02" {
		t.Fatalf("enum input after the rebuild: %v", err)
	}
	if _, err := q(t, s, "INSERT INTO p (n) VALUES (-1)"); code(err) != "23514" {
		t.Fatalf("CHECK after the rebuild: %v", err)
	}
}

// TestRebuildFailureRollsBack: a DROP COLUMN whose rebuild succeeds but
// whose SQLite DROP COLUMN then fails (a trigger, in SQLite's syntax,
// names the column) leaves the table as it was, key and the expression
// index naming the column (which goes with it otherwise) included.
func TestRebuildFailureRollsBack(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	for _, sql := range []string{
		"CREATE TABLE k (id int PRIMARY KEY, code text UNIQUE, v int)",
		"CREATE INDEX k_expr ON k ((v + length(code)))",
		"CREATE TRIGGER k_tr AFTER INSERT ON k BEGIN SELECT new.code; END",
		"INSERT INTO k VALUES (1, 'a', 1)",
	} {
		mustQ(t, s, sql, "")
	}
	if _, err := q(t, s, "ALTER TABLE k DROP COLUMN code"); err == nil {
		t.Fatal("DROP COLUMN of a column a trigger names succeeded")
	}
	if _, err := q(t, s, "INSERT INTO k VALUES (2, 'a', 2)"); code(err) != "23505" {
		t.Fatalf("the UNIQUE is gone after a failed DROP COLUMN: %v", err)
	}
	mustQ(t, s, "SELECT indexname FROM pg_indexes WHERE tablename = 'k' ORDER BY 1", "")
	got, _ := q(t, s, "SELECT indexname FROM pg_indexes WHERE tablename = 'k' ORDER BY 1")
	if !strings.Contains(got, "R[k_code_key] R[k_expr] R[k_pkey]") {
		t.Fatalf("indexes: %s", got)
	}
	// a transaction block: the rebuild, rows after it, then ROLLBACK
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "ALTER TABLE k DROP CONSTRAINT k_pkey", "C:ALTER TABLE")
	mustQ(t, s, "INSERT INTO k VALUES (1, 'z', 5)", "C:INSERT 0 1")
	mustQ(t, s, "ROLLBACK", "")
	if _, err := q(t, s, "INSERT INTO k VALUES (1, 'y', 5)"); code(err) != "23505" {
		t.Fatalf("the PRIMARY KEY is gone after ROLLBACK: %v", err)
	}
}
