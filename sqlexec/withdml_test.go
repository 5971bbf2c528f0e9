package sqlexec

import (
	"strings"
	"testing"
)

// TestWithDML: WITH ... INSERT/UPDATE/DELETE behaves as the statement
// without the WITH (type enforcement, numeric scale, column filling,
// RETURNING, command tags); a data-modifying CTE whose main statement
// writes the table it modified is refused with 0A000 (dmlcte_test.go). The expected values are PostgreSQL 15's.
func TestWithDML(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE t (id int PRIMARY KEY, name text, flag boolean, n numeric(10,2), extra text DEFAULT 'dflt')", "")
	steps := []struct{ sql, want string }{
		{"WITH c AS (SELECT 1 AS a, 'x' AS b) INSERT INTO t (id, name) SELECT a, b FROM c", "C:INSERT 0 1"},
		// no column list: the leading columns, the rest their defaults
		{"WITH c AS (SELECT 3 AS a, 'y' AS b) INSERT INTO t SELECT a, b FROM c RETURNING *", "R[3 y <nil> <nil> dflt] C:INSERT 0 1"},
		// numeric(10,2): the column's scale
		{"WITH c(a, b) AS (VALUES (4, 1.5)) INSERT INTO t (id, n) SELECT a, b FROM c RETURNING id, n", "R[4 1.50] C:INSERT 0 1"},
		{"WITH c AS (SELECT 20 AS a) INSERT INTO t (id, n) WITH e AS (SELECT a FROM c) SELECT a, 2.555 FROM e RETURNING n", "R[2.56] C:INSERT 0 1"},
		{"WITH c AS (SELECT 5 AS a) INSERT INTO t (id, name) VALUES ((SELECT a FROM c), 'v') RETURNING *", "R[5 v <nil> <nil> dflt] C:INSERT 0 1"},
		{"WITH RECURSIVE r(i) AS (SELECT 10 UNION ALL SELECT i + 1 FROM r WHERE i < 12) INSERT INTO t (id) SELECT i FROM r", "C:INSERT 0 3"},
		// boolean input 'on' converted as in UPDATE without WITH
		{"WITH c AS (SELECT 1 AS a) UPDATE t SET name = 'upd', flag = 'on' WHERE id IN (SELECT a FROM c) RETURNING id, name, flag", "R[1 upd true] C:UPDATE 1"},
		{"WITH c AS (SELECT 1 AS a) UPDATE t SET flag = 'maybe' WHERE id IN (SELECT a FROM c)", "ERR 22P02"},
		{"WITH c AS (SELECT 10 AS a UNION ALL SELECT 11) DELETE FROM t WHERE id IN (SELECT a FROM c) RETURNING id", "R[10] R[11] C:DELETE 2"},
		{"WITH c AS (SELECT 'abc' AS a) INSERT INTO t (id, name) SELECT 30, a FROM c ON CONFLICT (id) DO NOTHING", "C:INSERT 0 1"},
		{"WITH d AS (DELETE FROM t WHERE id = 3 RETURNING *) INSERT INTO t (id) SELECT id + 100 FROM d", "ERR 0A000"},
		{"SELECT id, name, flag, n FROM t ORDER BY id", "R[1 upd true <nil>] R[3 y <nil> <nil>] R[4 <nil> <nil> 1.50] R[5 v <nil> <nil>] R[12 <nil> <nil> <nil>] R[20 <nil> <nil> 2.56] R[30 abc <nil> <nil>] C:SELECT 7"},
	}
	for _, st := range steps {
		got, err := q(t, s, st.sql)
		if err != nil {
			got = "ERR " + code(err)
		}
		// drop the row description: the rows and tag are compared
		if i := strings.Index(got, "] "); strings.HasPrefix(got, "D[") && i > 0 {
			got = got[i+2:]
		}
		if got != st.want {
			t.Errorf("%s:\n got %s\nwant %s", st.sql, got, st.want)
		}
	}
}
