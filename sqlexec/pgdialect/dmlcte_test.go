package pgdialect

import (
	"strings"
	"testing"
)

// TestWithDMLPlan: a leading WITH list with data-modifying items becomes
// a plan carried by the first item's own SQL: the items and the main
// statement translated on their own, each data-modifying item with
// RETURNING read from its table by the parts after it.
func TestWithDMLPlan(t *testing.T) {
	st, err := Translate("WITH k AS (SELECT $1::int AS id), d AS (DELETE FROM src WHERE id IN (SELECT id FROM k) RETURNING *), " +
		"n AS (UPDATE dst SET v = true WHERE id = 2), i(a, b) AS (INSERT INTO dst SELECT * FROM d RETURNING id, v) SELECT a, b FROM i")
	if err != nil {
		t.Fatal(err)
	}
	if st.Kind != KindQuery || st.Tag != "SELECT" || st.ReadOnly || len(st.Exec) != 1 || st.ParamCount != 1 {
		t.Fatalf("got %+v", st)
	}
	w, ok := ParseWithDML(st.Exec[0])
	if !ok {
		t.Fatalf("no plan in %q", st.Exec[0])
	}
	if !strings.HasPrefix(st.Exec[0], "WITH k AS (SELECT CAST(?1 AS INTEGER)") && !strings.HasPrefix(st.Exec[0], "WITH k AS (") {
		t.Errorf("carrier %q", st.Exec[0])
	}
	if len(w.Items) != 4 || w.Items[0].DML != "" || !w.Items[1].Returning || w.Items[2].Returning || !w.Items[3].Returning {
		t.Fatalf("items %+v", w.Items)
	}
	if got := strings.Join(w.Items[3].Cols, ","); got != "a,b" || w.Items[3].Name != "i" {
		t.Errorf("item i: name %q cols %q", w.Items[3].Name, got)
	}
	cols := func(j int) []string { return map[int][]string{1: {"id", "v"}, 3: {"a", "v"}}[j] }
	part := w.Part(3, cols)
	if !strings.Contains(part, `d(id, v) AS (SELECT * FROM temp."pgdialect_cte_1")`) || strings.Contains(part, "UPDATE dst") ||
		!strings.HasPrefix(part, "WITH k AS (") || !strings.HasSuffix(part, "RETURNING id, v") {
		t.Errorf("part 3: %s", part)
	}
	main := w.MainSQL(cols)
	if !strings.Contains(main, `i(a, v) AS (SELECT * FROM temp."pgdialect_cte_3")`) || !strings.HasSuffix(main, "FROM i") {
		t.Errorf("main: %s", main)
	}
	if _, ok := ParseWithDML("DELETE FROM t /* raftsql:with-dml zz */"); ok {
		t.Error("a bad plan parsed")
	}
}

// TestWithDMLRefused: PostgreSQL 15's errors (SQLSTATE, message,
// position) for data-modifying CTEs it refuses.
func TestWithDMLRefused(t *testing.T) {
	for _, c := range []struct {
		sql, msg string
		pos      int
	}{
		{"WITH u AS (UPDATE t SET v = 1) SELECT * FROM u", `WITH query "u" does not have a RETURNING clause`, 46},
		{"WITH u AS (UPDATE t SET v = 1), w AS (SELECT 1 FROM x, u) SELECT 1", `WITH query "u" does not have a RETURNING clause`, 56},
		{"SELECT * FROM (WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d) s", "WITH clause containing a data-modifying statement must be at the top level", 21},
		{"INSERT INTO t WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", "WITH clause containing a data-modifying statement must be at the top level", 20},
		{"WITH c AS (SELECT 1), d AS (MERGE INTO t USING s ON true WHEN MATCHED THEN DELETE) SELECT 1", "MERGE not supported in WITH query", 23},
		{"EXPLAIN WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", "EXPLAIN of data-modifying statements in WITH is not supported", 0},
	} {
		_, err := Translate(c.sql)
		e, ok := err.(*Error)
		if !ok || e.Code != "0A000" || !strings.HasPrefix(e.Message, strings.TrimSuffix(c.msg, " is not supported")) || e.Position != c.pos {
			t.Errorf("%s: got %v (at %d), want 0A000 %q at %d", c.sql, err, e.Position, c.msg, c.pos)
		}
	}
	// a column named like the CTE is no reference to it; WITH that is
	// no WITH list is left alone
	for _, in := range []string{
		"WITH u AS (UPDATE t SET v = 1) SELECT u FROM x",
		"SELECT now()::timestamp with time zone",
		"SELECT 1 WHERE 'with' = 'with'",
		"CREATE TABLE w (a timestamp with time zone)",
	} {
		if _, err := Translate(in); err != nil {
			t.Errorf("Translate(%q): %v", in, err)
		}
	}
}
