package sqlexec

import (
	"strings"
	"testing"
)

// TestDataModifyingCTE: data-modifying statements in WITH run once, in
// order, their effects seen only through RETURNING, atomically; overlaps
// that would need PostgreSQL's single snapshot are refused with 0A000.
// The expected values are PostgreSQL 15's (0A000 overlaps: raftsql's).
func TestDataModifyingCTE(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE src (id int PRIMARY KEY, v int, b boolean, n numeric(10,2))", "")
	mustQ(t, s, "CREATE TABLE dst (id int PRIMARY KEY, v int, b boolean, n numeric(10,2))", "")
	mustQ(t, s, "INSERT INTO src VALUES (1, 10, true, 1.5), (2, 20, false, 2.25), (3, 30, NULL, 10)", "")
	steps := []struct{ sql, want string }{
		{"WITH moved AS (DELETE FROM src WHERE id = 1 RETURNING *) INSERT INTO dst SELECT * FROM moved", "C:INSERT 0 1"},
		{"WITH u AS (UPDATE src SET v = v + 1 RETURNING id) SELECT count(*) FROM u", "R[2] C:SELECT 1"},
		{"WITH u AS (UPDATE src SET v = v + 1 RETURNING *) SELECT * FROM u ORDER BY n DESC", "R[3 32 <nil> 10.00] R[2 22 false 2.25] C:SELECT 2"},
		{"WITH u AS (UPDATE src SET v = v + 1) SELECT 1 FROM u", "ERR 0A000"},
		{"WITH u AS (UPDATE src SET v = v + 1) SELECT 1", "R[1] C:SELECT 1"},
		{"WITH u AS (UPDATE src SET v = v + 1 RETURNING id) SELECT * FROM src", "ERR 0A000"},
		{"SELECT * FROM (WITH d AS (DELETE FROM dst RETURNING *) SELECT * FROM d) s", "ERR 0A000"},
		{"WITH d AS (INSERT INTO src VALUES (3, 1) RETURNING *) INSERT INTO dst SELECT * FROM d", "ERR 23505"},
		{"WITH d AS (DELETE FROM dst RETURNING *), i AS (INSERT INTO src SELECT id, v, b, n FROM d RETURNING id) SELECT id FROM i", "R[1] C:SELECT 1"},
		{"SELECT id, v, b, n FROM src ORDER BY id", "R[1 10 true 1.50] R[2 23 false 2.25] R[3 33 <nil> 10.00] C:SELECT 3"},
		{"SELECT count(*) FROM dst", "R[0] C:SELECT 1"},
	}
	for _, st := range steps {
		got, err := q(t, s, st.sql)
		if err != nil {
			got = "ERR " + code(err)
			t.Logf("%s: %v", st.sql, err)
		}
		if i := strings.Index(got, "] "); strings.HasPrefix(got, "D[") && i > 0 {
			got = got[i+2:]
		}
		if got != st.want {
			t.Errorf("%s:\n got %s\nwant %s", st.sql, got, st.want)
		}
	}
}
