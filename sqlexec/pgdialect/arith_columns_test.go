package pgdialect

import (
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// TestArithColumnTypes checks arithmetic typed by the operands' declared
// column types (arith_columns.go): each value as PostgreSQL 15 gives it.
func TestArithColumnTypes(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE ac (id int PRIMARY KEY, a int4, s int2, b int8, n numeric, f float8, d date, ts timestamp);
INSERT INTO ac VALUES (1, 2147483647, 32767, 9223372036854775807, 1.5, 0.5, '2024-01-31', '2024-01-31 10:00'), (2, -2147483648, -32768, -9223372036854775808, -2.25, -1, '2024-02-28', NULL), (3, -7, 3, 10, 0, 2, NULL, NULL)`)
	checkArithValues(t, db, []arithValueCase{
		{"SELECT a + 1 FROM ac WHERE id = 1", "ERR 22003"},
		{"SELECT a * 2 FROM ac WHERE id = 1", "ERR 22003"},
		{"SELECT -a FROM ac WHERE id = 2", "ERR 22003"},
		{"SELECT a / -1 FROM ac WHERE id = 2", "ERR 22003"},
		{"SELECT a - 1 + 2 FROM ac WHERE id = 1", "ERR 22003"},
		{"SELECT (a - 1) + 1 FROM ac WHERE id = 1", "2147483647"},
		{"SELECT a::int8 + 1 FROM ac WHERE id = 1", "2147483648"},
		{"SELECT a + 1::int8 FROM ac WHERE id = 1", "2147483648"},
		{"SELECT ac.a + 1 FROM ac WHERE id = 1", "ERR 22003"},
		{"SELECT x.a * 2 FROM ac x WHERE id = 1", "ERR 22003"},
		{"SELECT s + 1 FROM ac WHERE id = 1", "32768"},
		{"SELECT s + s FROM ac WHERE id = 1", "ERR 22003"},
		{"SELECT s * 2::int2 FROM ac WHERE id = 1", "ERR 22003"},
		{"SELECT -s FROM ac WHERE id = 2", "ERR 22003"},
		{"SELECT s + '1' FROM ac WHERE id = 1", "ERR 22003"},
		{"SELECT a + '1' FROM ac WHERE id = 3", "-6"},
		{"SELECT b + 1 FROM ac WHERE id = 1", "ERR 22003"},
		{"SELECT a + b FROM ac WHERE id = 3", "3"},
		{"SELECT a / 2 FROM ac WHERE id = 3", "-3"},
		{"SELECT a % 2 FROM ac WHERE id = 3", "-1"},
		{"SELECT s % -2 FROM ac WHERE id = 3", "1"},
		{"SELECT a + 1.5 FROM ac WHERE id = 1", "2147483648.5"},
		{"SELECT a + n FROM ac WHERE id = 1", "2147483648.5"},
		{"SELECT ac.a + y.a FROM ac, ac AS y WHERE ac.id = 3 AND y.id = 3", "-14"},
		{"SELECT ac.s + y.s FROM ac, ac AS y WHERE ac.id = 1 AND y.id = 1", "ERR 22003"},
		// a derived table's column may have another type: unknown, bigint
		{"SELECT a + 1 FROM (SELECT a::int8 AS a FROM ac) q WHERE a > 0", "2147483648"},
		{"WITH q AS (SELECT a::int8 AS a FROM ac) SELECT a + 1 FROM q WHERE a > 0", "2147483648"},
		// date/time columns
		{"SELECT d + 1 + 2 FROM ac WHERE id = 1", "2024-02-03"},
		{"SELECT d - 1 - 1 FROM ac WHERE id = 1", "2024-01-29"},
		{"SELECT d + 1::int FROM ac WHERE id = 1", "2024-02-01"},
		{"SELECT d + 2::int2 + 1 FROM ac WHERE id = 2", "2024-03-02"},
		{"SELECT d - d FROM ac WHERE id = 1", "0"},
		// numeric ^ numeric (numeric_pow.go)
		{"SELECT 2.0 ^ 3", "8.0000000000000000"},
		{"SELECT 2 ^ 0.5", "1.4142135623730950"},
		{"SELECT 2::numeric ^ 100", "1267650600228229401496703205376.0000000000000000"},
		{"SELECT 1.1 ^ 10", "2.5937424601000000"},
		{"SELECT 0.5 ^ 100", "0.0000000000000000"},
		{"SELECT 3::numeric ^ -3", "0.0370370370370370"},
		{"SELECT 1.5 ^ 2.5", "2.7556759606310754"},
		{"SELECT 2.5 ^ -1.5", "0.2529822128134703"},
		{"SELECT 12.345 ^ 3", "1881.3659636250000000"},
		{"SELECT 10 ^ 20.0", "100000000000000000000.0000000000000000"},
		{"SELECT 1.000001 ^ 1000000", "2.7182804693193769"},
		{"SELECT (-2.5) ^ 3", "-15.6250000000000000"},
		{"SELECT 0.0000000001 ^ 0.5", "0.000010000000000000000"},
		{"SELECT 123.456 ^ 7.89", "31771028258180977.309"},
		{"SELECT 9.99 ^ -20.5", "0.000000000000000000003227806496650921"},
		{"SELECT 1.23456789012345678 ^ 3", "1.88167637235365773"},
		{"SELECT 'NaN'::numeric ^ 0", "1"},
		{"SELECT 'Infinity'::numeric ^ 2", "Infinity"},
		{"SELECT 0.9 ^ 'Infinity'::numeric", "0"},
		{"SELECT 0.0 ^ 1.5", "0.0000000000000000"},
		{"SELECT 0 ^ -1.0", "ERR 2201F"},
		{"SELECT (-2.0) ^ 0.5", "ERR 2201F"},
		{"SELECT 10.0 ^ 1000000", "ERR 22003"},
	})
	// writes: the declared type's range at apply
	for _, c := range []struct{ q, code string }{
		{"UPDATE ac SET a = a * 2 / 2 WHERE id = 1", "22003"},
		{"UPDATE ac SET s = s + 1 WHERE id = 1", "22003"},
	} {
		st, err := Translate(c.q)
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Exec(st.Exec[0])
		if code, _, _ := ParseSQLStateError(errText(err)); code != c.code {
			t.Errorf("%s: %v, want %s", c.q, err, c.code)
		}
	}
	if got := queryOne(t, db, "SELECT s + 1 - 1 FROM ac WHERE id = 1"); got != "32767" {
		t.Errorf("s + 1 - 1 = %s", got)
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestArithColumnTypeArgs checks the run-time type argument the
// translation writes: a column's type, combined with the other operand's.
func TestArithColumnTypeArgs(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE tt (a int4, s smallint, b bigint, n numeric(5,2), f real, g double precision, x text, d date)`)
	for _, c := range []struct{ col, want string }{
		{"a", "int4"}, {"s", "int2"}, {"b", "int8"}, {"n", "numeric"}, {"f", "float4"}, {"g", "float8"}, {"x", ""}, {"d", ""}, {"nope", ""},
	} {
		if got := queryOne(t, db, "SELECT pg_col_numtype(sql, '"+c.col+"') FROM sqlite_schema WHERE name = 'tt'"); got != c.want {
			t.Errorf("pg_col_numtype(%s) = %q, want %q", c.col, got, c.want)
		}
	}
	for _, c := range []struct{ q, want string }{
		{"SELECT pg_arith_type('+', 'int2', 'int2')", "int2"},
		{"SELECT pg_arith_type('+', 'int2', 'int4')", "int4"},
		{"SELECT pg_arith_type('*', 'int4', 'int8')", "int8"},
		{"SELECT pg_arith_type('-', 'int4', 'numeric')", "numeric"},
		{"SELECT pg_arith_type('/', 'numeric', 'float8')", "float8"},
		{"SELECT pg_arith_type('+', '', 'int4')", ""},
		{"SELECT pg_arith_type('-', 'int2', NULL)", "int2"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
	for _, name := range []string{"pg_col_numtype", "pg_arith_type", "pg_numpow"} {
		if !IsDeterministic(name) {
			t.Errorf("%s is not on the deterministic allow-list", name)
		}
	}
	// result types at Describe: from the operands' declared types
	checkArithTypes(t, []arithTypeCase{
		{"SELECT s * 2::int2 FROM tt", []string{"s", "pg_cast_int2(2)"}, []uint32{pgoid.Int2, 0}, pgoid.Int2},
	})
}

// TestArithAbs checks abs of int2 and int4 values: their own ranges.
func TestArithAbs(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE ab (id int PRIMARY KEY, a int4, s int2, b int8);
INSERT INTO ab VALUES (1, -2147483648, -32768, -9223372036854775808), (2, -5, -3, -7)`)
	checkArithValues(t, db, []arithValueCase{
		{"SELECT abs((-2147483648)::int4)", "ERR 22003"},
		{"SELECT abs((-32768)::int2)", "ERR 22003"},
		{"SELECT abs(-2147483648)", "ERR 22003"}, // an int4 constant, as in PostgreSQL
		{"SELECT abs(-2147483649)", "2147483649"},
		{"SELECT -2147483648 - 1", "ERR 22003"},
		{"SELECT abs(a) FROM ab WHERE id = 1", "ERR 22003"},
		{"SELECT abs(s) FROM ab WHERE id = 1", "ERR 22003"},
		{"SELECT abs(b) FROM ab WHERE id = 1", "ERR 22003"},
		{"SELECT abs(s::int4) FROM ab WHERE id = 1", "32768"},
		{"SELECT abs(a) + abs(s) FROM ab WHERE id = 2", "8"},
		{"SELECT abs(-1.5)", "1.5"},
		{"SELECT abs(1, 2, 3)", "ERR 42883"},
	})
}
