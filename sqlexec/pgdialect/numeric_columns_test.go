package pgdialect

import (
	"strings"
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// TestNumericColumnCalls checks numeric functions over columns and
// expressions of run-time type (numeric_funcargs.go,
// numeric_exactcalls.go): each value as PostgreSQL 15 gives it.
func TestNumericColumnCalls(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE nc (id int PRIMARY KEY, n numeric, m numeric(10,2), i int, s smallint, b bigint, f float8);
INSERT INTO nc VALUES (1, 10.5, 3.25, 7, 3, 9000000000, 2.5), (2, 2, 1.10, 3, -4, 5, 0.5), (3, -7.25, 0.33, -2, 0, 0, 1.0)`)
	checkArithValues(t, db, []arithValueCase{
		// mod, power: the operators' run-time types
		{"SELECT mod(n, 3) FROM nc WHERE id = 1", "1.5"},
		{"SELECT power(n, 2) FROM nc WHERE id = 1", "110.2500000000000000"},
		{"SELECT mod(m, 0.3) FROM nc WHERE id = 2", "0.20"},
		{"SELECT power(m, 0.5) FROM nc WHERE id = 2", "1.0488088481701515"},
		{"SELECT mod(n, i) FROM nc WHERE id = 3", "-1.25"},
		{"SELECT power(n, i) FROM nc WHERE id = 3", "0.0190249702734839"},
		{"SELECT mod(i, 2) FROM nc WHERE id = 3", "0"}, // SQLite's mod: -0.0
		{"SELECT mod(-4, 2)", "0"},
		{"SELECT mod(b, 7) FROM nc WHERE id = 2", "5"},
		{"SELECT mod(i, s) FROM nc WHERE id = 3", "ERR 22012"},
		{"SELECT power(f, 2) FROM nc WHERE id = 1", "6.25"},
		// one-argument calls on expressions, log(b, x)
		{"SELECT sqrt(n * 2) FROM nc WHERE id = 2", "2.000000000000000"},
		{"SELECT sqrt(f * 2) FROM nc WHERE id = 2", "1"},
		{"SELECT ln(n + 1) FROM nc WHERE id = 1", "2.4423470353692044"},
		{"SELECT log(2, m) FROM nc WHERE id = 3", "-1.5994620704162713"},
		{"SELECT sqrt(sqrt(n)) FROM nc WHERE id = 1", "1.800102871839254"},
		{"SELECT sqrt(n - 100) FROM nc WHERE id = 1", "ERR 2201F"},
		{"SELECT cbrt(27)", "3.0000000000000004"},
		// comparisons and aggregates by value
		{"SELECT count(*) FROM nc WHERE sqrt(m) > 1", "2"},
		{"SELECT count(*) FROM nc WHERE power(n, 2) > 100", "1"},
		{"SELECT count(*) FROM nc WHERE round(n, 1) > 5", "1"},
		{"SELECT max(round(n, 1)) FROM nc", "10.5"},
		{"SELECT max(abs(n)) FROM nc", "10.5"},
	})
}

// TestNumericColumnCallTypes checks the static types of numeric calls and
// the Describe-time types of those over columns (ArithItems, ArithType).
func TestNumericColumnCallTypes(t *testing.T) {
	for _, c := range []struct {
		q    string
		want []uint32
	}{
		{"SELECT round(x, 2), trunc(x, 1), cbrt(x), sqrt(2), power(2, 2) FROM t", []uint32{pgoid.Numeric, pgoid.Numeric, pgoid.Float8, pgoid.Float8, pgoid.Float8}},
		{"SELECT sum(x), avg(x), stddev(x), bit_and(x) FROM (VALUES (1), (2)) v(x)", []uint32{pgoid.Int8, pgoid.Numeric, pgoid.Numeric, pgoid.Int4}},
		{"SELECT sum(x) FROM (VALUES (1::int8)) v(x)", []uint32{pgoid.Numeric}},
		{"SELECT mod(7, 2), mod(7::int2, 2::int2)", []uint32{pgoid.Int4, pgoid.Int2}},
	} {
		checkColumnOIDs(t, c.q, c.want)
	}
	checkArithTypes(t, []arithTypeCase{
		{"SELECT mod(n, 3) FROM t", []string{"n", "3"}, []uint32{pgoid.Numeric, 0}, pgoid.Numeric},
		{"SELECT mod(i, s) FROM t", []string{"i", "s"}, []uint32{pgoid.Int4, pgoid.Int2}, pgoid.Int4},
		{"SELECT power(i, 2) FROM t", []string{"i", "2"}, []uint32{pgoid.Int4, 0}, pgoid.Float8},
		{"SELECT sqrt(n * 2) FROM t", []string{"n", "2"}, []uint32{pgoid.Numeric, 0}, pgoid.Numeric},
		{"SELECT sqrt(f * 2) FROM t", []string{"f", "2"}, []uint32{pgoid.Float8, 0}, pgoid.Float8},
		{"SELECT sqrt(n) FROM t", []string{"n"}, []uint32{pgoid.Numeric}, pgoid.Numeric},
		{"SELECT sqrt(i) FROM t", []string{"i"}, []uint32{pgoid.Int4}, pgoid.Float8},
		{"SELECT log(2, i) FROM t", []string{"2", "i"}, []uint32{0, pgoid.Int4}, pgoid.Numeric},
		{"SELECT abs(n - m) FROM t", []string{"n", "m"}, []uint32{pgoid.Numeric, pgoid.Numeric}, pgoid.Numeric},
		{"SELECT abs(s) FROM t", []string{"s"}, []uint32{pgoid.Int2}, pgoid.Int2},
		{"SELECT round(n) FROM t", []string{"n"}, []uint32{pgoid.Numeric}, pgoid.Numeric},
		{"SELECT round(i) FROM t", []string{"i"}, []uint32{pgoid.Int4}, pgoid.Float8},
		{"SELECT ceil(n * i) FROM t", []string{"n", "i"}, []uint32{pgoid.Numeric, pgoid.Int4}, pgoid.Numeric},
		{"SELECT max(m) - min(m) FROM t", []string{"m", "m"}, []uint32{pgoid.Numeric, pgoid.Numeric}, pgoid.Numeric},
		{"SELECT max(i) - min(i) FROM t", []string{"i", "i"}, []uint32{pgoid.Int4, pgoid.Int4}, pgoid.Int4},
		{"SELECT sum(n * i) FROM t", []string{"n", "i"}, []uint32{pgoid.Numeric, pgoid.Int4}, pgoid.Numeric},
		{"SELECT sum(i * 2) FROM t", []string{"i", "2"}, []uint32{pgoid.Int4, 0}, pgoid.Int8},
		{"SELECT sum(b) + 1 FROM t", []string{"b", "1"}, []uint32{pgoid.Int8, 0}, pgoid.Numeric},
		{"SELECT count(*) * i FROM t", []string{"i"}, []uint32{pgoid.Int4}, pgoid.Int8},
		{"SELECT stddev(a * b) FROM t", []string{"a", "b"}, []uint32{pgoid.Int4, pgoid.Int8}, pgoid.Numeric},
		{"SELECT var_pop(f * 2) FROM t", []string{"f", "2"}, []uint32{pgoid.Float8, 0}, pgoid.Float8},
		{"SELECT bit_and(s + s) FROM t", []string{"s", "s"}, []uint32{pgoid.Int2, pgoid.Int2}, pgoid.Int2},
	})
}

// TestNumericRuntimeCallBounded: nested calls over a column double the
// text at each level; past a bound the call keeps its run-time
// behaviour instead of growing without limit.
func TestNumericRuntimeCallBounded(t *testing.T) {
	q := "SELECT " + strings.Repeat("sqrt(", 40) + "n" + strings.Repeat(")", 40) + " FROM t"
	st, err := Translate(q)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(st.Exec[0]); n > 4*maxRuntimeCall {
		t.Errorf("translation of 40 nested calls is %d bytes", n)
	}
}

// TestDateTimeCallTypes checks the Describe-time type of a date/time
// operator whose other operand is a column (datetime_calltypes.go).
func TestDateTimeCallTypes(t *testing.T) {
	checkArithTypes(t, []arithTypeCase{
		{"SELECT d - date '2024-01-01' FROM t", []string{"d"}, []uint32{pgoid.Date}, pgoid.Int4},
		{"SELECT d + interval '1 month' FROM t", []string{"d"}, []uint32{pgoid.Date}, pgoid.Timestamp},
		{"SELECT ts - date '2024-01-01' FROM t", []string{"ts"}, []uint32{pgoid.Timestamp}, pgoid.Interval},
		{"SELECT tz + interval '1 day' FROM t", []string{"tz"}, []uint32{pgoid.Timestamptz}, pgoid.Timestamptz},
		{"SELECT x - date '2024-01-01' FROM t", []string{"x"}, []uint32{pgoid.Text}, 0},
	})
}

// TestSubqueryItems checks the scalar subquery items the session
// describes as statements of their own (subqueryitems.go).
func TestSubqueryItems(t *testing.T) {
	for _, c := range []struct {
		q    string
		want []SubqueryItem
	}{
		{"SELECT id, (SELECT max(i) FROM t) AS m, (SELECT 1) + 1 FROM u", []SubqueryItem{{1, "SELECT max(i) FROM t", "", false}}},
		{"SELECT (SELECT count(*) FROM t)", []SubqueryItem{{0, "SELECT count(*) FROM t", "", false}}},
		{"SELECT g, (SELECT max(v) FROM s AS i WHERE i.g = s.g GROUP BY i.h) FROM s",
			[]SubqueryItem{{1, "SELECT max(v) FROM s AS i WHERE i.g = s.g GROUP BY i.h", "SELECT max(v) FROM s AS i GROUP BY i.h", false}}},
		{"SELECT (SELECT max(v) FROM s AS i WHERE i.g = u.g) FROM u",
			[]SubqueryItem{{0, "SELECT max(v) FROM s AS i WHERE i.g = u.g", "SELECT max(v) FROM s AS i", false}}},
		{"SELECT * FROM t WHERE i = (SELECT 1)", nil},
		// ARRAY(SELECT ...) as array_translate.go writes it
		{"SELECT (WITH pg_array_sub(v) AS (SELECT b.k FROM u b WHERE b.k < a.i ORDER BY b.k) SELECT coalesce(pg_array_agg(v), '{}') FROM pg_array_sub) c FROM t a",
			[]SubqueryItem{{0, "SELECT b.k FROM u b WHERE b.k < a.i ORDER BY b.k", "SELECT b.k FROM u b ORDER BY b.k", true}}},
		{"SELECT (WITH pg_array_sub(v) AS (SELECT k FROM u) SELECT pg_array_agg(v) FROM pg_array_sub) c FROM t a", nil},
		{"SELECT (1)", nil},
	} {
		if got := SubqueryItems(c.q); len(got) != len(c.want) || len(got) > 0 && got[0] != c.want[0] {
			t.Errorf("SubqueryItems(%q) = %+v, want %+v", c.q, got, c.want)
		}
	}
	if MentionsSubquery("SELECT 1") || !MentionsSubquery("SELECT (select 1)") {
		t.Error("MentionsSubquery")
	}
}
