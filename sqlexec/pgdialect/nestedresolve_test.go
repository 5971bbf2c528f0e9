package pgdialect

import (
	"strings"
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// TestNumericConstantsExact checks decimal constants that reach a VALUES
// list, a set operation, a CTE, a subquery or an aggregate: PostgreSQL
// types them numeric, so their sums, averages, DISTINCT, ORDER BY and
// GROUP BY are exact, and the result columns are numeric (answers from
// PostgreSQL 15).
func TestNumericConstantsExact(t *testing.T) {
	db := openCatalogDB(t, "")
	for _, c := range []struct {
		q, want string
		oid     uint32 // the first column's, 0: not checked
	}{
		{"SELECT sum(x), avg(x) FROM (VALUES (0.1), (0.2), (0.3)) v(x)", "0.6|0.20000000000000000000", pgoid.Numeric},
		{"SELECT DISTINCT x FROM (VALUES (1.0), (1.00), (1)) v(x)", "1.0", pgoid.Numeric},
		{"SELECT x FROM (VALUES (1.5), ('NaN'), (-1), ('Infinity'), ('-Infinity'), (0)) v(x) ORDER BY x", "-Infinity;-1;0;1.5;Infinity;NaN", pgoid.Numeric},
		{"SELECT stddev(x), variance(x) FROM (VALUES (1.0), (2.0), (4.0)) v(x)", "1.5275252316519467|2.3333333333333333", pgoid.Numeric},
		{"SELECT avg(x) FROM (VALUES (1.5), (2.5)) v(x)", "2.0000000000000000", pgoid.Numeric},
		{"SELECT avg(x) FROM (VALUES (1), (2)) v(x)", "1.5000000000000000", pgoid.Numeric},
		{"SELECT x, count(*) FROM (VALUES (1.0), (1.00), (2), (2.0)) v(x) GROUP BY x ORDER BY x", "1.0|2;2|2", pgoid.Numeric},
		{"SELECT max(x), min(x) FROM (VALUES (1.10), (1.1), (-0.5), (10)) v(x)", "10|-0.5", pgoid.Numeric},
		{"SELECT x FROM (VALUES (0.3), (0.1), (1e-20)) v(x) ORDER BY x DESC", "0.3;0.1;0.00000000000000000001", pgoid.Numeric},
		{"SELECT x FROM (VALUES (12345678901234567890.123456789), (99999999999999999999)) v(x)", "12345678901234567890.123456789;99999999999999999999", pgoid.Numeric},
		{"SELECT x FROM (VALUES (2.5), (10)) v(x) WHERE x > 3", "10", pgoid.Numeric},
		{"SELECT x::text FROM (VALUES (2.50), (3)) v(x)", "2.50;3", pgoid.Text},
		{"SELECT json_build_object('a', x) FROM (VALUES (1.50)) v(x)", `{"a" : 1.50}`, pgoid.JSON},
		{"SELECT greatest(x, 1), least(x, 1) FROM (VALUES (1.50), (0.5), (10)) v(x)", "1.50|1;1|0.5;10|1", pgoid.Numeric},
		{"VALUES (1.50), (2)", "1.50;2", pgoid.Numeric},
		{"VALUES (0.10)", "0.10", pgoid.Numeric},
		{"WITH c(x) AS (VALUES (0.1), (0.2)) SELECT sum(x) FROM c", "0.3", pgoid.Numeric},
		{"WITH c AS (SELECT 0.1 AS x UNION ALL SELECT 0.2) SELECT sum(x) FROM c", "0.3", pgoid.Numeric},
		{"WITH c AS (SELECT 1 AS x UNION ALL SELECT 1.5) SELECT sum(x), avg(x) FROM c", "2.5|1.25000000000000000000", pgoid.Numeric},
		{"SELECT x FROM (SELECT 1.50 AS x) s", "1.50", pgoid.Numeric},
		{"SELECT s.x * 2, s.y FROM (SELECT 1.50 AS x, 1 AS y UNION ALL SELECT 2, 2.0) s ORDER BY 1", "3.00|1;4|2.0", pgoid.Numeric},
		{"SELECT (SELECT 0.10) + 1", "1.10", 0},
		{"SELECT sum(0.1) FROM generate_series(1, 3)", "0.3", pgoid.Numeric},
		{"SELECT avg(1.5), sum(1.50), min(1.50), max(2.50) FROM generate_series(1, 2)", "1.5000000000000000|3.00|1.50|2.50", pgoid.Numeric},
		// float8 stays float8
		{"SELECT x FROM (SELECT 1.5::float8 AS x UNION SELECT 0.1) s ORDER BY x", "0.1;1.5", 0},
		{"SELECT sum(x) FROM (VALUES (0.1::float8), (0.2)) v(x)", "0.30000000000000004", 0},
		{"SELECT 0.1::float8, 1e100::float8 = 1e100::numeric::float8", "0.1|t", pgoid.Float8},
		// a numeric constant cast is exact
		{"SELECT 1e400::numeric > 1e399, CAST(1e400 AS numeric) = 1e400", "t|t", pgoid.Bool},
	} {
		st, err := Translate(c.q)
		if err != nil {
			t.Errorf("%s: %v", c.q, err)
			continue
		}
		// runPG (catalog_test.go): a header line, then the rows
		lines := strings.Split(strings.TrimSuffix(runPG(db, c.q), "\n"), "\n")
		if got := strings.Join(lines[1:], ";"); got != c.want {
			t.Errorf("%s = %q, want %q\n%s", c.q, got, c.want, st.Exec[0])
		}
		if c.oid != 0 && (len(st.ColumnOIDs) == 0 || st.ColumnOIDs[0] != c.oid) {
			t.Errorf("%s: column types %v, want the first %d", c.q, st.ColumnOIDs, c.oid)
		}
	}
}

// TestNumericConstantErrors: PostgreSQL's errors where a numeric constant
// meets a type it does not fit.
func TestNumericConstantErrors(t *testing.T) {
	db := openCatalogDB(t, "")
	for _, c := range []struct{ q, code, msg string }{
		{"SELECT 1e400::numeric::float8", "22003", `"1` + strings.Repeat("0", 400) + `" is out of range for type double precision`},
		{"SELECT 1e400::float8", "22003", "is out of range for type double precision"},
		{"SELECT CAST(1e400 AS float8)", "22003", "is out of range for type double precision"},
		{"SELECT 1e-400::float8", "22003", `"0.` + strings.Repeat("0", 399) + `1" is out of range for type double precision`},
		{"SELECT '1e-400'::float8", "22003", `"1e-400" is out of range for type double precision`},
		{"SELECT x FROM (VALUES (1.5), ('abc')) v(x)", "22P02", `invalid input syntax for type numeric: "abc"`},
		{"SELECT x FROM (VALUES (1), ('a'::text)) v(x)", "42804", "VALUES types integer and text cannot be matched"},
		{"WITH c AS (SELECT 1 AS x UNION SELECT 'a') SELECT x FROM c", "22P02", `invalid input syntax for type integer: "a"`},
	} {
		st, err := Translate(c.q)
		if err == nil {
			r, qerr := db.Query(st.Exec[0])
			if qerr == nil {
				for r.Next() {
				}
				qerr = r.Err()
				r.Close()
			}
			err = qerr
		}
		code, msg := "", ""
		if e, ok := err.(*Error); ok {
			code, msg = e.Code, e.Message
		} else if err != nil {
			code, msg, _ = ParseSQLStateError(err.Error())
		}
		if code != c.code || !strings.Contains(msg, c.msg) {
			t.Errorf("%s: %s %q, want %s %q", c.q, code, msg, c.code, c.msg)
		}
	}
}

// TestNumericConstantsInWrites: a data-modifying statement keeps the
// values SQLite reads (the target columns convert them), so VALUES in a
// CTE still feed float8 and numeric columns.
func TestNumericConstantsInWrites(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE nw (n numeric(10,2), f float8);
WITH v(x) AS (VALUES (1.5), (2)) INSERT INTO nw (n, f) SELECT x, x FROM v`)
	if got := queryOne(t, db, "SELECT string_agg(n::text || '/' || f::text, ',' ORDER BY n) FROM nw"); got != "1.50/1.5,2.00/2" {
		t.Errorf("rows %q", got)
	}
	// INSERT ... SELECT of a constant: a numeric column reads its digits
	// (PostgreSQL 15: 1.50/1.5/3 and 3.14159265358979323846/-0.1/-3)
	execAll(t, db, `CREATE TABLE nw2 (n numeric, f float8, i int);
INSERT INTO nw2 (n, f, i) SELECT 1.50, 1.50, 2.5;
INSERT INTO nw2 SELECT 3.14159265358979323846, -0.10, -2.5 FROM generate_series(1, 1)`)
	if got := queryOne(t, db, "SELECT string_agg(n::text || '/' || f::text || '/' || i::text, ',' ORDER BY n) FROM nw2"); got != "1.50/1.5/3,3.14159265358979323846/-0.1/-3" {
		t.Errorf("rows %q", got)
	}
}
