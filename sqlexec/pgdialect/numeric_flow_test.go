package pgdialect

import (
	"fmt"
	"strings"
	"testing"
)

// TestNumericFlowNestedConstants stores decimal constants through nested
// queries (FROM VALUES, CTE, set operation, scalar subquery, UPDATE ...
// FROM) and checks each stored value against the same constant stored by
// INSERT ... VALUES, whose literal path is exact: a constant that passed
// through SQLite's binary float differs in its digits or scale.
func TestNumericFlowNestedConstants(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE fl (id int PRIMARY KEY, n numeric(30,10), i int, s smallint, b bigint)`)
	consts := []string{"12345678901234567.89", "1.50", "-0.0000000001", "2.5", "-7.5", "99999999999999999999.5"}
	forms := []string{
		"INSERT INTO fl (id, n) SELECT %d, x FROM (VALUES (%s)) v(x)",
		"INSERT INTO fl (id, n) SELECT %d, %s UNION ALL SELECT -1, NULL",
		"INSERT INTO fl (id, n) VALUES (%d, (SELECT %s))",
		"INSERT INTO fl (id, n) SELECT %d, (SELECT %s)",
		"INSERT INTO fl (id, n) SELECT %d, x FROM (SELECT %s AS x) s",
	}
	id := 0
	for _, c := range consts {
		id++
		ref := id
		execAll(t, db, fmt.Sprintf("INSERT INTO fl (id, n) VALUES (%d, %s)", ref, c))
		want := queryOne(t, db, fmt.Sprintf("SELECT n FROM fl WHERE id = %d", ref))
		for _, f := range forms {
			id++
			q := fmt.Sprintf(f, id, c)
			execAll(t, db, q)
			execAll(t, db, "DELETE FROM fl WHERE id = -1")
			if got := queryOne(t, db, fmt.Sprintf("SELECT n FROM fl WHERE id = %d", id)); got != want {
				t.Errorf("%s: stored %s, want %s (as INSERT ... VALUES stores it)", q, got, want)
			}
		}
		for _, u := range []string{
			"UPDATE fl SET n = (SELECT %s) WHERE id = %d",
			"UPDATE fl SET n = s.x FROM (SELECT %s AS x) s WHERE id = %d",
		} {
			execAll(t, db, fmt.Sprintf("UPDATE fl SET n = 0 WHERE id = %d", id))
			q := fmt.Sprintf(u, c, id)
			execAll(t, db, q)
			if got := queryOne(t, db, fmt.Sprintf("SELECT n FROM fl WHERE id = %d", id)); got != want {
				t.Errorf("%s: stored %s, want %s", q, got, want)
			}
		}
	}
	// an integer column takes numeric's assignment cast (rounds half away
	// from zero), the same through a nested query as from a literal
	for _, col := range []string{"i", "s", "b"} {
		for _, c := range []string{"2.5", "-2.5", "7.49", "1e2"} {
			id++
			execAll(t, db, fmt.Sprintf("INSERT INTO fl (id, %s) VALUES (%d, %s)", col, id, c))
			want := queryOne(t, db, fmt.Sprintf("SELECT %s FROM fl WHERE id = %d", col, id))
			id++
			execAll(t, db, fmt.Sprintf("INSERT INTO fl (id, %s) SELECT %d, x FROM (VALUES (%s)) v(x)", col, id, c))
			if got := queryOne(t, db, fmt.Sprintf("SELECT %s FROM fl WHERE id = %d", col, id)); got != want {
				t.Errorf("%s %s through VALUES: stored %s, want %s", col, c, got, want)
			}
		}
	}
	// out of the column's range: the integer type's error, not a wrapped value
	st, err := Translate("INSERT INTO fl (id, s) SELECT 999, x FROM (VALUES (40000.5)) v(x)")
	if err != nil {
		t.Fatal(err)
	}
	if err := execTranslated(db, st.Exec[0]); err == nil {
		t.Error("40000.5 into smallint through VALUES: no error")
	} else if code, _, _ := ParseSQLStateError(err.Error()); code != "22003" {
		t.Errorf("40000.5 into smallint: %v, want 22003", err)
	}
}

// TestNumericFlowColumnTypes computes numeric functions of a numeric
// column read through a join, a FROM subquery and a CTE, and checks them
// against the same call on the table's column, which the statement types
// directly (numeric, exact).
func TestNumericFlowColumnTypes(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE ft (id int PRIMARY KEY, a int, amt numeric(30,10));
CREATE TABLE fa (id int PRIMARY KEY, bal numeric(20,2));
INSERT INTO fa VALUES (1, 10.5), (2, 0.01), (3, -3);
INSERT INTO ft VALUES (1, 1, 1234567.1234567891), (2, 2, 0.0000000001), (3, 3, -5.5)`)
	exprs := []string{"mod(amt, 0.07)", "sqrt(abs(amt))", "ln(abs(amt))", "power(amt, 2)", "exp(amt / 10000000)", "amt * 1.075", "round(amt / 3, 12)"}
	for _, e := range exprs {
		for id := 1; id <= 3; id++ {
			want := queryOne(t, db, fmt.Sprintf("SELECT %s FROM ft WHERE id = %d", e, id))
			for _, q := range []string{
				"SELECT %s FROM ft JOIN fa ON fa.id = ft.a WHERE ft.id = %d",
				"SELECT %s FROM (SELECT id, amt FROM ft) s WHERE id = %d",
				"SELECT %s FROM (SELECT t.id AS id, t.amt AS amt FROM ft t JOIN fa ON fa.id = t.a) s WHERE s.id = %d",
				"WITH c AS (SELECT id, amt FROM ft) SELECT %s FROM c WHERE id = %d",
			} {
				q = fmt.Sprintf(q, e, id)
				if got := queryOne(t, db, q); got != want {
					t.Errorf("%s = %s, want %s (as on the table)", q, got, want)
				}
			}
		}
	}
	// an aggregate of a numeric column in a CTE stays numeric
	want := queryOne(t, db, "SELECT sqrt(abs(sum(amt))) FROM ft")
	if got := queryOne(t, db, "WITH s AS (SELECT sum(amt) AS tot FROM ft) SELECT sqrt(abs(tot)) FROM s"); got != want {
		t.Errorf("sqrt of a CTE's sum = %s, want %s", got, want)
	}
}

// TestNumericFlowCompare checks nullif, greatest, least and coalesce of
// numeric columns with number constants, and comparisons of their
// results with numbers, against the same conditions written with the
// columns' own comparisons (which compare a numeric column by value).
func TestNumericFlowCompare(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE fo (id int PRIMARY KEY, total numeric(12,2), other numeric(12,2), qty int, f float8);
INSERT INTO fo VALUES (1, 10.01, 9.5, 3, 20.5), (2, 100.50, 100.5, 1, 0.5), (3, 50, 7, 2, 50.25), (4, NULL, 1, NULL, NULL)`)
	for _, c := range []string{"5", "10.01", "50", "60", "100.5", "-1"} {
		for _, p := range []struct{ q, want string }{
			{"nullif(total, %s) IS NULL", "total IS NULL OR total = %s"},
			{"greatest(total, 50) > %s", "total > %s OR 50 > %s"},
			{"least(total, 50) > %s", "coalesce(total > %s, true) AND 50 > %s"},
			{"greatest(total, other) >= %s", "total >= %s OR other >= %s"},
			{"least(total, qty) < %s", "total < %s OR qty < %s"},
			{"greatest(total, f) > %s", "total > %s OR f > %s"},
			{"coalesce(total, 0) > %s", "total > %s OR total IS NULL AND 0 > %s"},
			{"nullif(total, 50) <= %s", "total <> 50 AND total <= %s"},
			{"%s < greatest(total, 50)", "%s < total OR %s < 50"},
			{"CASE WHEN id > 0 THEN total END > %s", "total > %s"},
			{"CASE WHEN id > 2 THEN total ELSE other END <= %s", "id > 2 AND total <= %s OR id <= 2 AND other <= %s"},
			{"greatest(total, 50) = %s", "(total > 50 AND total = %s) OR (coalesce(total <= 50, true) AND 50 = %s)"},
		} {
			q := "SELECT string_agg(id::text, ',' ORDER BY id) FROM fo WHERE " + strings.ReplaceAll(p.q, "%s", c)
			w := "SELECT string_agg(id::text, ',' ORDER BY id) FROM fo WHERE " + strings.ReplaceAll(p.want, "%s", c)
			if got, want := queryOne(t, db, q), queryOne(t, db, w); got != want {
				t.Errorf("%s: rows %s, want %s (%s)", q, got, want, w)
			}
		}
	}
	// the values themselves: greatest/least as the larger/smaller by value
	for _, p := range []struct{ q, want string }{
		{"SELECT string_agg(greatest(total, 50)::text, ',' ORDER BY id) FROM fo", "SELECT string_agg(CASE WHEN total >= 50 THEN total::text ELSE '50' END, ',' ORDER BY id) FROM fo"},
		{"SELECT string_agg(least(total, other)::text, ',' ORDER BY id) FROM fo", "SELECT string_agg(CASE WHEN total <= other THEN total::text ELSE other::text END, ',' ORDER BY id) FROM fo"},
	} {
		if got, want := queryOne(t, db, p.q), queryOne(t, db, p.want); got != want {
			t.Errorf("%s = %s, want %s", p.q, got, want)
		}
	}
}

// TestNumericFlowDerivedAggregates filters and orders by an aggregate of
// a numeric column read through a FROM subquery and a CTE, against the
// same filter written as HAVING and the order of the table's own values.
func TestNumericFlowDerivedAggregates(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE fg (id int PRIMARY KEY, k int, v numeric(10,3));
INSERT INTO fg VALUES (1, 1, 10.5), (2, 1, 9.25), (3, 2, 100), (4, 3, 0.001), (5, 4, 2)`)
	for _, c := range []string{"19.7", "2", "0.0005", "100"} {
		want := queryOne(t, db, "SELECT count(DISTINCT k) FROM fg WHERE k IN (SELECT k FROM fg GROUP BY k HAVING sum(v) > "+c+")")
		for _, q := range []string{
			"SELECT count(*) FROM (SELECT k, sum(v) AS tot FROM fg GROUP BY k) s WHERE s.tot > " + c,
			"WITH s AS (SELECT k, sum(v) AS tot FROM fg GROUP BY k) SELECT count(*) FROM s WHERE tot > " + c,
		} {
			if got := queryOne(t, db, q); got != want {
				t.Errorf("%s = %s, want %s (as HAVING)", q, got, want)
			}
		}
	}
	// by value: 0.001 (k 3), 2 (k 4), 19.750 (k 1), 100 (k 2); as text
	// 100.000 would sort first
	want := queryOne(t, db, "SELECT string_agg(k::text, ',' ORDER BY v) FROM fg WHERE id <> 2")
	for _, q := range []string{
		"SELECT string_agg(s.k::text, ',') FROM (SELECT k FROM (SELECT k, sum(v) AS tot FROM fg GROUP BY k) s0 ORDER BY s0.tot) s",
		"WITH s AS (SELECT k, sum(v) AS tot FROM fg GROUP BY k) SELECT string_agg(k::text, ',' ORDER BY tot) FROM s",
	} {
		if got := queryOne(t, db, q); got != want {
			t.Errorf("%s = %s, want %s", q, got, want)
		}
	}
}
