package integration

// Numeric functions over columns and expressions (pgdialect
// numeric_funcargs.go, numeric_exactcalls.go) and the types their result
// columns are described with (arith_types.go, typeresolve.go): mod, power,
// sqrt, exp, ln, log of numeric columns and of arithmetic over them are
// exact numeric with PostgreSQL 15's scales, integers keep integer mod,
// comparisons and aggregates go by value, and every column carries
// PostgreSQL's type in every query mode, also before any row exists. Run
// with RAFTSQL_REFERENCE_URL to check the same table against PostgreSQL 15.

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

func TestNumericColumnFunctions(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conn := connectScript(t, urls[0])
	mustExec(t, conn, "CREATE TABLE ncf (id int PRIMARY KEY, n numeric, m numeric(10,2), i int, s smallint, b bigint, f float8)")
	mustExec(t, conn, "INSERT INTO ncf VALUES (1, 10.5, 3.25, 7, 3, 9000000000, 2.5), (2, 2, 1.10, 3, -4, 5, 0.5), (3, -7.25, 0.33, -2, 0, 0, 1.0)")
	for _, c := range []struct{ q, want string }{
		// mod and power with a numeric column: numeric, not float8
		{"SELECT mod(n, 3), power(n, 2), mod(m, 0.3), power(m, 0.5) FROM ncf WHERE id = 1", "1.5|110.2500000000000000|0.25|1.8027756377319946"},
		{"SELECT mod(m, 0.3), power(m, 0.5) FROM ncf WHERE id = 2", "0.20|1.0488088481701515"},
		{"SELECT mod(n, i), power(n, i), mod(b, 7), mod(i, 2), mod(s, 2) FROM ncf WHERE id = 3", "-1.25|0.0190249702734839|0|0|0"},
		{"SELECT mod(i, s) FROM ncf WHERE id = 3", "ERR:22012"},
		{"SELECT mod(n, 0) FROM ncf WHERE id = 1", "ERR:22012"},
		{"SELECT power(n, 0.5) FROM ncf WHERE id = 3", "ERR:2201F"},
		// calls on expressions over numeric columns
		{"SELECT sqrt(n * 2), abs(n - m), round(n * 1.1, 2), ln(n + 1) FROM ncf WHERE id = 1", "4.582575694955840|7.25|11.55|2.4423470353692044"},
		{"SELECT sqrt(n * 2), abs(n - m), round(n * 1.1, 2) FROM ncf WHERE id = 2", "2.000000000000000|0.90|2.20"},
		{"SELECT exp(m), ln(m), sign(n), sqrt(m), log(m), log(2, m) FROM ncf WHERE id = 3", "1.3909681284637803|-1.1086626245216111|-1|0.57445626465380287|-0.4814860601221125|-1.5994620704162713"},
		{"SELECT sqrt(sqrt(n)), round(sqrt(m), 3) FROM ncf WHERE id = 1", "1.800102871839254|1.803"},
		{"SELECT sqrt(n - 100) FROM ncf WHERE id = 1", "ERR:2201F"},
		{"SELECT ln(n - n) FROM ncf WHERE id = 1", "ERR:2201E"},
		// float8 and integer columns keep the double precision versions
		{"SELECT sqrt(f * 2), abs(f - n), power(i, 2), cbrt(n) FROM ncf WHERE id = 1", "2.23606797749979|8|49|2.1897595699439445"},
		{"SELECT cbrt(27), cbrt(n) FROM ncf WHERE id = 2", "3.0000000000000004|1.2599210498948734"},
		// comparisons and aggregates by value
		{"SELECT id FROM ncf WHERE sqrt(m) > 1 ORDER BY id", "1;2"},
		{"SELECT id FROM ncf WHERE power(n, 2) > 100 ORDER BY id", "1"},
		{"SELECT id FROM ncf WHERE mod(n, 3) = 1.5", "1"},
		{"SELECT id FROM ncf WHERE round(n, 1) > 5 AND abs(n) > 1 ORDER BY id", "1"},
		{"SELECT max(round(n, 1)), max(abs(n)), min(sqrt(m)), sum(abs(n)) FROM ncf", "10.5|10.5|0.57445626465380287|19.75"},
		{"SELECT id FROM ncf ORDER BY mod(n, 3), id", "3;1;2"},
		// aggregates inside expressions
		{"SELECT round(avg(m), 2), max(m) - min(m), sum(n * i), max(i) - min(i) FROM ncf", "1.56|2.92|94.00|9"},
		// writes: the same exact value on every node
		{"UPDATE ncf SET n = mod(n, 3) + sqrt(m) WHERE id = 1 RETURNING n, mod(n, 2), sqrt(n)", "3.302775637731995|1.302775637731995|1.817354021023971"},
	} {
		if got := textRows(ctx, conn, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
}

// TestNumericColumnFunctionTypes checks the result types of numeric
// functions and aggregates over columns and expressions, as pgx is told
// them, on a full and on an empty table.
func TestNumericColumnFunctionTypes(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conn := connectScript(t, urls[0])
	mustExec(t, conn, "CREATE TABLE ncft (id int PRIMARY KEY, n numeric, m numeric(10,2), i int, s smallint, b bigint, f float8)")
	const (
		int2, int4, int8, float8, numeric = 21, 23, 20, 701, 1700
	)
	cases := []struct {
		q    string
		want []uint32
	}{
		{"SELECT mod(n, 3), power(n, 2), mod(i, 2), mod(s, s), mod(b, i), power(i, 2), mod(n, i) FROM ncft", []uint32{numeric, numeric, int4, int2, int8, float8, numeric}},
		{"SELECT sqrt(n * 2), abs(n - m), round(n * 1.1, 2), abs(i - 10), abs(s), abs(f - 1) FROM ncft", []uint32{numeric, numeric, numeric, int4, int2, float8}},
		{"SELECT sqrt(n), exp(m), ln(m), sign(n), log(m), log(2, m), cbrt(n) FROM ncft", []uint32{numeric, numeric, numeric, numeric, numeric, numeric, float8}},
		{"SELECT round(n), trunc(m), ceil(m), floor(n * 2), round(f), round(i), ceil(i) FROM ncft", []uint32{numeric, numeric, numeric, numeric, float8, float8, float8}},
		{"SELECT round(avg(m), 2), max(m) - min(m), sum(n * i), max(i) - min(i), sum(abs(n)), max(round(n, 1)) FROM ncft", []uint32{numeric, numeric, numeric, int4, numeric, numeric}},
		{"SELECT sum(i * 2), sum(m * 2), avg(n - m), min(i + s), sum(s * s), bit_and(i), bit_or(s) FROM ncft", []uint32{int8, numeric, numeric, int4, int8, int4, int2}},
		{"SELECT coalesce(sum(n), 0), coalesce(max(i), 0), coalesce(sum(i), 0), coalesce(avg(f), 0) FROM ncft", []uint32{numeric, int4, int8, float8}},
		{"SELECT sqrt(m) > 1, mod(n, 3) = 1.5 FROM ncft", []uint32{16, 16}},
		{"SELECT sum(x), avg(x) FROM (VALUES (1), (2), (2)) v(x)", []uint32{int8, numeric}},
		{"SELECT sum(x) FROM (VALUES (9223372036854775807::bigint), (1::bigint)) v(x)", []uint32{numeric}},
		{"SELECT stddev(x), var_pop(x) FROM (VALUES (5), (5), (5)) v(x)", []uint32{numeric, numeric}},
		{"SELECT (SELECT max(i) FROM ncft), (SELECT sum(m) FROM ncft) AS total, (SELECT count(*) FROM ncft), (SELECT s FROM ncft LIMIT 1)", []uint32{int4, numeric, int8, int2}},
	}
	for _, full := range []bool{false, true} {
		if full {
			mustExec(t, conn, "INSERT INTO ncft VALUES (1, 10.5, 3.25, 7, 3, 9000000000, 2.5), (2, 2, 1.10, 3, -4, 5, 0.5)")
		}
		for _, c := range cases {
			for _, mode := range allModes {
				checkResultTypes(ctx, t, conn, c.q, mode, c.want)
			}
		}
	}
	// an application scans by the described type: numeric into pgtype.Numeric
	var avg, spread pgtype.Numeric
	if err := conn.QueryRow(ctx, "SELECT round(avg(m), 2), max(m) - min(m) FROM ncft", pgx.QueryExecModeCacheStatement).Scan(&avg, &spread); err != nil {
		t.Fatal(err)
	}
	if v, _ := avg.Value(); v != "2.18" {
		t.Errorf("round(avg(m), 2) scanned as %v, want 2.18", v)
	}
	if v, _ := spread.Value(); v != "2.15" {
		t.Errorf("max(m) - min(m) scanned as %v, want 2.15", v)
	}
}

// TestDateTimeColumnOperatorTypes: a date/time operator whose other
// operand is a column is described from the column's declared type
// (pgdialect datetime_calltypes.go), also before any row exists.
func TestDateTimeColumnOperatorTypes(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn := connectScript(t, urls[0])
	mustExec(t, conn, "CREATE TABLE dcot (id int PRIMARY KEY, d date, ts timestamp, tz timestamptz)")
	const (
		int4, timestamp, timestamptz, interval = 23, 1114, 1184, 1186
	)
	q := "SELECT d - date '2024-01-01', d + interval '1 month', ts - date '2024-01-01', tz + interval '1 day' FROM dcot"
	want := []uint32{int4, timestamp, interval, timestamptz}
	for _, full := range []bool{false, true} {
		if full {
			mustExec(t, conn, "INSERT INTO dcot VALUES (1, '2024-03-01', '2024-03-01 10:00', '2024-03-01 10:00+00')")
		}
		for _, mode := range allModes {
			checkResultTypes(ctx, t, conn, q, mode, want)
		}
	}
	if got := textRows(ctx, conn, "SELECT d - date '2024-01-01' FROM dcot"); got != "60" {
		t.Errorf("d - date '2024-01-01' = %q, want 60", got)
	}
}
