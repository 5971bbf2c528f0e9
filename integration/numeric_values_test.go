package integration

// Decimal constants as PostgreSQL types them (numeric) wherever they are
// values: VALUES lists, set operations, CTEs, subqueries, aggregates and
// casts (sqlexec/pgdialect/nestedresolve.go). The same answers, result
// types and SQLSTATEs on every node of a 3-node cluster as on PostgreSQL
// 15 (run with RAFTSQL_REFERENCE_URL to check them against a real server).

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
)

func TestNumericValuesMatchPostgres(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	w := connectScript(t, urls[0])
	mustExec(t, w, "CREATE TABLE nvw (id int PRIMARY KEY, n numeric, f float8)")
	// a write that reads a VALUES list goes through the log (the target
	// columns convert the values, on every node alike)
	mustExec(t, w, "INSERT INTO nvw SELECT id, x, x FROM (VALUES (1, 0.1), (2, 0.25), (3, 1)) v(id, x)")
	cases := []struct{ q, want string }{
		{"SELECT sum(x), avg(x) FROM (VALUES (0.1), (0.2), (0.3)) v(x)", "0.6|0.20000000000000000000"},
		{"SELECT DISTINCT x FROM (VALUES (1.0), (1.00), (1)) v(x)", "1.0"},
		{"SELECT x FROM (VALUES (1.5), ('NaN'), (-1), ('Infinity'), ('-Infinity'), (0)) v(x) ORDER BY x", "-Infinity;-1;0;1.5;Infinity;NaN"},
		{"SELECT stddev(x), variance(x) FROM (VALUES (1.0), (2.0), (4.0)) v(x)", "1.5275252316519467|2.3333333333333333"},
		{"SELECT x, count(*) FROM (VALUES (1.0), (1.00), (2), (2.0)) v(x) GROUP BY x ORDER BY x", "1.0|2;2|2"},
		{"SELECT max(x), min(x) FROM (VALUES (1.10), (1.1), (-0.5), (10)) v(x)", "10|-0.5"},
		{"SELECT x FROM (VALUES (12345678901234567890.123456789), (1e-20)) v(x)", "12345678901234567890.123456789;0.00000000000000000001"},
		{"VALUES (1.50), (2)", "1.50;2"},
		{"WITH c AS (SELECT 0.1 AS x UNION ALL SELECT 0.2) SELECT sum(x) FROM c", "0.3"},
		{"WITH c AS (SELECT 1 AS x UNION ALL SELECT 1.5) SELECT sum(x), avg(x) FROM c", "2.5|1.25000000000000000000"},
		{"SELECT x FROM (SELECT 1.50 AS x) s", "1.50"},
		{"SELECT sum(0.1), avg(1.5), min(1.50) FROM generate_series(1, 3)", "0.3|1.5000000000000000|1.50"},
		{"SELECT greatest(x, 1), least(x, 1) FROM (VALUES (1.50), (0.5), (10)) v(x)", "1.50|1;1|0.5;10|1"},
		{"SELECT json_build_object('a', x) FROM (VALUES (1.50)) v(x)", `{"a" : 1.50}`},
		{"SELECT sum(x) FROM (VALUES (0.1::float8), (0.2)) v(x)", "0.30000000000000004"},
		{"SELECT x FROM (SELECT 1.5::float8 AS x UNION SELECT 0.1) s ORDER BY x", "0.1;1.5"},
		{"SELECT 1e400::numeric > 1e399, 1e400::numeric = 1e400", "t|t"},
		{"SELECT 1e400::numeric::float8", "ERR:22003"},
		{"SELECT 1e400::float8", "ERR:22003"},
		{"SELECT 1e-400::float8", "ERR:22003"},
		{"SELECT x FROM (VALUES (1.5), ('abc')) v(x)", "ERR:22P02"},
		{"SELECT x FROM (VALUES (1), ('a'::text)) v(x)", "ERR:42804"},
		{"SELECT n, f FROM nvw ORDER BY id", "0.1|0.1;0.25|0.25;1|1"},
		{"SELECT sum(n) + 0.05, sum(x) FROM nvw, (VALUES (0.05)) v(x)", "1.40|0.15"},
	}
	for i, u := range urls {
		conn := connectScript(t, u)
		for _, c := range cases {
			if got := textRows(ctx, conn, c.q); got != c.want {
				t.Errorf("node %d: %s = %q, want %q", i, c.q, got, c.want)
			}
		}
	}
	// described as numeric in every query mode, as pgx and ORMs scan them
	const numeric, float8 = 1700, 701
	for _, c := range []struct {
		q    string
		want []uint32
	}{
		{"SELECT sum(x), avg(x), x FROM (VALUES (0.1), (0.2)) v(x) GROUP BY x", []uint32{numeric, numeric, numeric}},
		{"SELECT stddev(x), max(x) FROM (VALUES (1), (2.5)) v(x)", []uint32{numeric, numeric}},
		{"SELECT sum(0.1), x FROM (SELECT 1.50 AS x) s GROUP BY x", []uint32{numeric, numeric}},
		{"SELECT sum(x) FROM (VALUES (0.1::float8), (0.2)) v(x)", []uint32{float8}},
		{"VALUES (1.50), (2)", []uint32{numeric}},
	} {
		for _, mode := range allModes {
			checkResultTypes(ctx, t, w, c.q, mode, c.want) // arith_test.go
		}
	}
	// pgx scans them as numerics in every mode (binary results included)
	for _, c := range []struct {
		q    string
		want float64
	}{
		{"SELECT sum(x) FROM (VALUES (0.1), (0.2), (0.3)) v(x)", 0.6},
		{"SELECT avg(x) FROM (VALUES (1), (2)) v(x)", 1.5},
		{"SELECT sum(x) FROM (VALUES (1::bigint), (2::bigint)) v(x)", 3},
		{"SELECT max(x) FROM (VALUES (1.5), (2)) v(x)", 2},
		{"SELECT stddev(x) FROM (VALUES (1), (3)) v(x)", 1.4142135623730950},
		{"SELECT x FROM (VALUES ('-Infinity'), (-1.5)) v(x) ORDER BY x DESC LIMIT 1", -1.5},
	} {
		for _, mode := range allModes {
			var n pgtype.Numeric
			if err := w.QueryRow(ctx, c.q, mode).Scan(&n); err != nil {
				t.Errorf("%s (%v): %v", c.q, mode, err)
				continue
			}
			if f, err := n.Float64Value(); err != nil || f.Float64 != c.want {
				t.Errorf("%s (%v) = %v (%v), want %v", c.q, mode, f.Float64, err, c.want)
			}
		}
	}
}
