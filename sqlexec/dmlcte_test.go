package sqlexec

import (
	"context"
	"fmt"
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
		// atomic: the main statement fails after the CTE ran
		{"WITH d AS (DELETE FROM src WHERE id = 1 RETURNING *) INSERT INTO dst SELECT id, v / 0, b, n FROM d", "ERR 22012"},
		{"SELECT count(*) FROM src", "R[3] C:SELECT 1"},
		// a query string of several statements is one transaction
		{"WITH d AS (DELETE FROM src WHERE id = 1 RETURNING *) INSERT INTO dst SELECT * FROM d; SELECT count(*) FROM dst", "C:INSERT 0 1 D[count:20] R[1] C:SELECT 1"},
		{"WITH d AS (DELETE FROM dst RETURNING *) SELECT * FROM raftsql_meta", "ERR 42501"},
		{"EXPLAIN WITH d AS (DELETE FROM dst RETURNING *) SELECT * FROM d", "ERR 0A000"},
		{"BEGIN", "C:BEGIN"},
		{"DECLARE c CURSOR FOR WITH d AS (DELETE FROM dst RETURNING *) SELECT * FROM d", "ERR 0A000"},
		{"ROLLBACK", "C:ROLLBACK"},
		// a table read for no column (count(*)) is a read
		{"WITH d AS (UPDATE src SET v = 1 RETURNING *) SELECT count(*) FROM src", "ERR 0A000"},
		{"WITH d AS (INSERT INTO src VALUES (9, 9) RETURNING now() = now() AS same, id) SELECT same, id FROM d", "R[true 9] C:SELECT 1"},
		{"WITH u AS (INSERT INTO dst VALUES (1, 5), (8, 8) ON CONFLICT (id) DO UPDATE SET v = excluded.v RETURNING id, v) SELECT * FROM u ORDER BY id", "R[1 5] R[8 8] C:SELECT 2"},
		{"WITH u AS (INSERT INTO dst VALUES (1, 6), (1, 7) ON CONFLICT (id) DO UPDATE SET v = excluded.v RETURNING id, v) SELECT * FROM u", "ERR 21000"},
		// a trigger's writes are the part's
		{"CREATE TABLE tlog (k int)", "C:CREATE TABLE"},
		{"CREATE TRIGGER dst_log AFTER INSERT ON dst BEGIN INSERT INTO tlog VALUES (new.id); END", "C:CREATE TRIGGER"},
		{"WITH i AS (INSERT INTO dst (id) VALUES (50) RETURNING id) SELECT count(*) FROM tlog", "ERR 0A000"},
		{"WITH i AS (INSERT INTO dst (id) VALUES (50) RETURNING id) SELECT id FROM i", "R[50] C:SELECT 1"},
		{"SELECT k FROM tlog", "R[50] C:SELECT 1"},
		// foreign keys: the parent first runs; the child first, and a
		// cascade the main statement reads, are refused
		{"CREATE TABLE p (id int PRIMARY KEY)", "C:CREATE TABLE"},
		{"CREATE TABLE ch (id int PRIMARY KEY, pid int REFERENCES p ON DELETE CASCADE)", "C:CREATE TABLE"},
		{"WITH a AS (INSERT INTO p VALUES (1), (2) RETURNING id) INSERT INTO ch SELECT id * 10, id FROM a", "C:INSERT 0 2"},
		{"WITH a AS (INSERT INTO ch VALUES (30, 3) RETURNING pid) INSERT INTO p SELECT pid FROM a", "ERR 0A000"},
		{"WITH a AS (DELETE FROM p WHERE id = 1 RETURNING id) SELECT count(*) FROM ch", "ERR 0A000"},
		{"WITH a AS (DELETE FROM p WHERE id = 1 RETURNING id) SELECT id FROM a", "R[1] C:SELECT 1"},
		{"WITH a AS (DELETE FROM ch WHERE pid = 2 RETURNING pid) DELETE FROM p WHERE id IN (SELECT pid FROM a)", "C:DELETE 1"},
		{"SELECT (SELECT count(*) FROM p), (SELECT count(*) FROM ch)", "R[0 0] C:SELECT 1"},
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

// TestDataModifyingCTEDescribed: the extended protocol describes the
// main statement's columns (not the first CTE's) as the simple protocol
// does, outside and inside a transaction; PostgreSQL 15 describes them
// as bool, numeric, int4 and int8.
func TestDataModifyingCTEDescribed(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE src (id int PRIMARY KEY, v int, b boolean, n numeric(10,2))", "")
	mustQ(t, s, "INSERT INTO src VALUES (1, 10, true, 1.5), (2, 20, false, 2.25)", "")
	const sql = "WITH d AS (DELETE FROM src WHERE id = $1 RETURNING *) SELECT b, n, id, (SELECT count(*) FROM d) AS c FROM d"
	for i, want := range []string{"D[b:16,n:1700,id:23,c:20] R[true 1.50 1 1] C:SELECT 1", "D[b:16,n:1700,id:23,c:20] R[false 2.25 2 1] C:SELECT 1"} {
		inTx := i == 1
		if inTx {
			mustQ(t, s, "BEGIN", "")
		}
		ps, err := s.Prepare(context.Background(), sql, nil)
		if err != nil {
			t.Fatalf("prepare: %v", err)
		}
		var desc []string
		for _, col := range ps.Columns() {
			desc = append(desc, fmt.Sprintf("%s:%d", col.Name, col.TypeOID))
		}
		w := &rec{}
		if err := ps.Execute(context.Background(), []any{int64(i + 1)}, w); err != nil {
			t.Fatalf("execute: %v", err)
		}
		if got := "D[" + strings.Join(desc, ",") + "] " + strings.Join(w.out, " "); got != want {
			t.Errorf("in a transaction %v:\n got %s\nwant %s", inTx, got, want)
		}
		if inTx {
			mustQ(t, s, "COMMIT", "")
		}
	}
	mustQ(t, s, "SELECT count(*) FROM src", "D[count:20] R[0] C:SELECT 1")
}
