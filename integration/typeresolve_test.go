package integration

// Type resolution of literals and expressions (pgdialect unknownlit.go,
// typeresolve.go, derivedcols.go, float8round.go, bpchar.go): the values
// and the described column types PostgreSQL 15 gives, in every query mode
// pgx has (the binary encodings of the described types included). Run
// with RAFTSQL_REFERENCE_URL to check the same table against PostgreSQL.

import (
	"context"
	"testing"
	"time"
)

func TestTypeResolution(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conn := connectScript(t, urls[0])
	mustExec(t, conn, "CREATE TABLE tr (id int PRIMARY KEY, i int4, n numeric(10,2), f float8, d date, b boolean, c char(4))")
	mustExec(t, conn, "INSERT INTO tr VALUES (1, 3, 3.50, 2.5, '2024-01-02', true, 'ab'), (2, 4, 4.00, 3.5, '2024-02-03', false, 'cd')")
	const (
		boolean, int4, int8, text, float8, numeric, bpchar = 16, 23, 20, 25, 701, 1700, 1042
	)
	for _, c := range []struct {
		q    string
		want string
		oids []uint32
	}{
		// an unknown literal takes the other operand's type
		{"SELECT 3 = '3', '3' = 3, 11 < '9', 3 IN ('3', '4'), true = 't', 1 + 2 = '3'", "t|t|f|t|t|t", []uint32{boolean, boolean, boolean, boolean, boolean, boolean}},
		{"SELECT 3 = '3x'", "ERR:22P02", nil},
		{"SELECT id FROM tr WHERE i IN ('3', '4') ORDER BY id", "1;2", []uint32{int4}},
		{"SELECT id FROM tr WHERE n = '3.5' OR d = '2024-2-3' ORDER BY id", "1;2", []uint32{int4}},
		{"SELECT id FROM tr WHERE b = 'yes'", "1", []uint32{int4}},
		// common types of set operations, VALUES, CASE, COALESCE
		{"SELECT 1 UNION SELECT 'a'", "ERR:22P02", nil},
		{"SELECT 1 UNION SELECT 'a'::text", "ERR:42804", nil},
		{"SELECT 1 UNION SELECT '2' ORDER BY 1", "1;2", []uint32{int4}},
		{"SELECT 1 UNION SELECT 2.5 ORDER BY 1", "1;2.5", []uint32{numeric}},
		{"SELECT 'a' UNION SELECT 'b' ORDER BY 1", "a;b", []uint32{text}},
		{"SELECT NULL UNION ALL SELECT 1", "NULL;1", []uint32{int4}},
		{"VALUES (1), ('2'), (NULL)", "1;2;NULL", []uint32{int4}},
		{"SELECT CASE WHEN false THEN 1 ELSE 'x' END", "ERR:22P02", nil},
		{"SELECT CASE WHEN id > 1 THEN 5 END FROM tr WHERE false", "", []uint32{int4}},
		{"SELECT CASE WHEN true THEN NULL ELSE 2 END, coalesce(NULL, 3), nullif(1, '1')", "NULL|3|NULL", []uint32{int4, int4, int4}},
		// derived columns: generate_series, VALUES in FROM, CTEs
		{"SELECT * FROM generate_series(1, 3)", "1;2;3", []uint32{int4}},
		{"SELECT * FROM generate_series(1, 0)", "", []uint32{int4}},
		{"SELECT g.i * 2 FROM generate_series(1, 2) AS g(i)", "2;4", []uint32{int4}},
		{"SELECT x FROM (VALUES (3), (NULL)) v(x) ORDER BY x", "3;NULL", []uint32{int4}},
		{"WITH a AS (SELECT 1 AS x), b AS (SELECT x + 1 AS y FROM a) SELECT * FROM a, b", "1|2", []uint32{int4, int4}},
		{"WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n * 2 FROM t WHERE n < 8) SELECT max(n) FROM t", "8", []uint32{int4}},
		// branches over columns: their declared types (an empty result too)
		{"SELECT CASE WHEN id > 1 THEN i END, coalesce(f, 0), nullif(n, 0), lag(i) OVER (ORDER BY id) FROM tr ORDER BY id", "NULL|2.5|3.50|NULL;4|3.5|4.00|3", []uint32{int4, float8, numeric, int4}},
		{"SELECT CASE WHEN id > 1 THEN i END, coalesce(f, 0) FROM tr WHERE false", "", []uint32{int4, float8}},
		// greatest/least and window functions
		{"SELECT greatest(1, 5, 3), least(2.5, 1), greatest('a', 'b')", "5|1|b", []uint32{int4, numeric, text}},
		{"SELECT ntile(2) OVER (ORDER BY id), rank() OVER (ORDER BY id), lag(x) OVER (ORDER BY id) FROM (VALUES (1, 7), (2, 8)) v(id, x) ORDER BY id", "1|1|NULL;2|2|7", []uint32{int4, int8, int4}},
		// math functions of literals
		{"SELECT abs(-5), mod(10, 3), sign(-3), round(2.5), round(2.345, 2), ceil(1.2)", "5|1|-1|3|2.35|2", []uint32{int4, int4, float8, numeric, numeric, numeric}},
		// round(float8) half to even, round(numeric) half away from zero
		{"SELECT round(2.5::float8), round(3.5::float8), round(2.5::numeric)", "2|4|3", []uint32{float8, float8, numeric}},
		{"SELECT round(f) FROM tr ORDER BY id", "2;4", nil},
		// char(n): padded when output, blank-insensitive elsewhere
		{"SELECT 'ab'::char(5), 'ab'::char(5) || 'c', length('ab'::char(5)), 'abc'::char", "ab   |abc|2|a", []uint32{bpchar, text, int4, bpchar}},
		{"SELECT c, c || '|' FROM tr WHERE c = 'ab  '", "ab  |ab|", []uint32{bpchar, text}},
	} {
		if got := textRows(ctx, conn, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
		if c.oids == nil {
			continue
		}
		for _, mode := range allModes {
			checkResultTypes(ctx, t, conn, c.q, mode, c.oids)
			rows, err := conn.Query(ctx, c.q, mode)
			if err != nil {
				t.Errorf("%s (%v): %v", c.q, mode, err)
				continue
			}
			for rows.Next() {
				if _, err := rows.Values(); err != nil {
					t.Errorf("%s (%v): decoding: %v", c.q, mode, err)
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				t.Errorf("%s (%v): %v", c.q, mode, err)
			}
		}
	}
	// a parameter compared with a value of a known type takes that type
	// (a client's text '3' is read as an integer)
	for _, c := range []struct {
		q    string
		args []any
		want string
	}{
		{"SELECT 3 = $1, $2 = 3", []any{"3", "3"}, "true|true"},
		{"SELECT CASE WHEN 3 IN ($1, $2) THEN 'yes' ELSE 'no' END", []any{"4", "3"}, "yes"},
		{"SELECT id FROM tr WHERE i = $1", []any{"4"}, "2"},
	} {
		for _, mode := range allModes {
			if got := argRows(ctx, conn, c.q, mode, c.args...); got != c.want {
				t.Errorf("%s %v (%v) = %q, want %q", c.q, c.args, mode, got, c.want)
			}
		}
	}
}
