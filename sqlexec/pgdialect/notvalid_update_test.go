package pgdialect

import (
	"reflect"
	"testing"
)

func TestUpdateSet(t *testing.T) {
	for _, c := range []struct {
		sql, table, row, after string
		ok                     bool
	}{
		{"UPDATE t SET a = 1", "t", "t", " a = 1", true},
		{`UPDATE "T" AS x SET a = 1 FROM u WHERE u.id = x.id`, "T", "x", " a = 1 FROM u WHERE u.id = x.id", true},
		{"UPDATE  main.t y SET (a, b) = (1, 2)", "t", "y", " (a, b) = (1, 2)", true},
		{"UPDATE OR REPLACE t SET a = 1", "t", "t", " a = 1", true},
		{"WITH q AS (SELECT 1 AS v) UPDATE t SET a = (SELECT v FROM q)", "t", "t", " a = (SELECT v FROM q)", true},
		{"INSERT INTO t AS x VALUES (1) ON CONFLICT (id) DO UPDATE SET a = excluded.a", "t", "x", " a = excluded.a", true},
		{"INSERT INTO t VALUES (1) ON CONFLICT (id) DO UPDATE SET a = 2", "t", "t", " a = 2", true},
		{"INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING", "", "", "", false},
		{"INSERT INTO t SELECT * FROM u", "", "", "", false},
		{"SELECT 1", "", "", "", false},
		{"DELETE FROM t", "", "", "", false},
		{"UPDATE " + fillRowsMark + `"t" SET "c" = nextval('"t_c_seq"')`, "", "", "", false},
	} {
		table, row, at, ok := UpdateSet(c.sql)
		if ok != c.ok || table != c.table || row != c.row || ok && c.sql[at:] != c.after {
			t.Errorf("UpdateSet(%q) = %q, %q, %d, %v; want %q, %q, %q, %v", c.sql, table, row, at, ok, c.table, c.row, c.after, c.ok)
		}
	}
}

func TestNotValidCheckIdents(t *testing.T) {
	create := `CREATE TABLE t (id int PRIMARY KEY, a int CONSTRAINT pgdialect_in_int4_a CHECK (a > 0), "Val" text, ` +
		`CONSTRAINT c1 CHECK (b > 0), CONSTRAINT c2 ` + notValidMark + ` CHECK (abs(a) < t."Val"), ` +
		`CONSTRAINT f ` + notValidMark + ` FOREIGN KEY (a) REFERENCES u (id), CONSTRAINT c3 ` + notValidMark + ` CHECK (0))`
	got := NotValidCheckIdents(create)
	want := [][]string{{"a", "t", "Val"}, {}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("NotValidCheckIdents = %q, want %q", got, want)
	}
	if got := NotValidCheckIdents("CREATE TABLE t (a int CHECK (a > 0))"); got != nil {
		t.Errorf("without NOT VALID: %q", got)
	}
}
