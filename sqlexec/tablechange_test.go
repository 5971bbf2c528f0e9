package sqlexec

import (
	"strings"
	"testing"
)

// ALTER COLUMN at apply: rows of a column added with a default keep their
// value when the default changes, triggers neither fire nor disappear, and
// a failed conversion or a rolled-back transaction leaves the table as it
// was.
func TestAlterColumnKeepsRowsAndTriggers(t *testing.T) {
	e, _ := newTestEngine(t)
	a := newSess(t, e)
	mustQ(t, a, "CREATE TABLE t (id int PRIMARY KEY, v text)", "")
	mustQ(t, a, "CREATE TABLE log (n int)", "")
	mustQ(t, a, "INSERT INTO t VALUES (1, 'x')", "")
	mustQ(t, a, "ALTER TABLE t ADD COLUMN k int DEFAULT 5", "")
	mustQ(t, a, "CREATE TRIGGER t_upd AFTER UPDATE ON t BEGIN INSERT INTO log VALUES (1); END", "")
	mustQ(t, a, "ALTER TABLE t ALTER COLUMN k SET DEFAULT 7", "C:ALTER TABLE")
	mustQ(t, a, "INSERT INTO t (id, v) VALUES (2, 'y')", "")
	mustQ(t, a, "ALTER TABLE t ALTER COLUMN k TYPE bigint", "")
	mustQ(t, a, "SELECT id, k FROM t ORDER BY id", "D[id:23,k:20] R[1 5] R[2 7] C:SELECT 2")
	mustQ(t, a, "SELECT count(*) FROM log", "D[count:20] R[0] C:SELECT 1")
	mustQ(t, a, "UPDATE t SET v = 'z' WHERE id = 1", "")
	mustQ(t, a, "SELECT count(*) FROM log", "D[count:20] R[1] C:SELECT 1")

	if _, err := q(t, a, "ALTER TABLE t ALTER COLUMN v TYPE integer USING v::integer"); code(err) != "22P02" {
		t.Fatalf("failed conversion: %v, want 22P02", err)
	}
	mustQ(t, a, "BEGIN", "")
	mustQ(t, a, "ALTER TABLE t ALTER COLUMN v SET NOT NULL", "")
	mustQ(t, a, "ROLLBACK", "")
	mustQ(t, a, "INSERT INTO t (id) VALUES (3)", "")
	out, err := q(t, a, "SELECT sql FROM sqlite_schema WHERE name = 't'")
	// v's definition (up to the next column; the primary key id is NOT NULL)
	vdef := out
	if i := strings.Index(vdef, "v text"); i >= 0 {
		vdef = vdef[i:]
		if j := strings.Index(vdef, ", k "); j >= 0 {
			vdef = vdef[:j]
		}
	}
	if err != nil || !strings.Contains(out, "v text") || strings.Contains(vdef, "NOT NULL") {
		t.Errorf("definition after a failed and a rolled-back ALTER: %q %v", out, err)
	}
	mustQ(t, a, "BEGIN", "")
	if _, err := q(t, a, "ALTER TABLE t ALTER COLUMN v SET NOT NULL"); code(err) != CodeNotNullViolation {
		t.Errorf("SET NOT NULL with a NULL in a transaction: %v", err)
	}
	mustQ(t, a, "ROLLBACK", "")
}
