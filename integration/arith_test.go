package integration

// PostgreSQL's arithmetic through the wire: exact numeric, integer
// overflow and division by zero errors, ^, typed literals and the result
// types clients see. Run with RAFTSQL_REFERENCE_URL to check the same
// table against a real PostgreSQL 15.

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func TestArithMatchesPostgres(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn := connectScript(t, urls[0])
	mustExec(t, conn, "CREATE TABLE ar (id int PRIMARY KEY, a int, b bigint, s smallint, n numeric(10,2), f float8)")
	mustExec(t, conn, "INSERT INTO ar VALUES (1, 2147483647, 9223372036854775807, 32767, 12.34, 1.5), (2, -7, -2, 3, 0.10, 0), (3, NULL, NULL, NULL, NULL, NULL)")
	for _, c := range []struct{ q, want string }{
		// exact numeric
		{"SELECT 0.10::numeric(10,2) + 0.20::numeric(10,2)", "0.30"},
		{"SELECT 0.1 + 0.2, 0.1 + 0.2 = 0.3, 1 - 0.9, 1.5 * 2, 2 * 0.5", "0.3|t|0.1|3.0|1.0"},
		{"SELECT 7.0 / 2, 1 / 3.0, 10::numeric / 3, 5.5 % 2, -5.5 % 2", "3.5000000000000000|0.33333333333333333333|3.3333333333333333|1.5|-1.5"},
		{"SELECT 12345678901234567890 + 1, 99999999999999999999.5 - 0.5", "12345678901234567891|99999999999999999999.0"},
		{"SELECT 1.50, -0.5, 1e3, 1e-2 + 1", "1.50|-0.5|1000|1.01"},
		{"SELECT (0.1 + 0.2)::text, (1.5::numeric)::int, (2.5 * 1)::int, (-2.5 * 1)::int", "0.3|2|3|-3"},
		{"SELECT n * 2, n / 3, n + 0.001, n - n, n % 5 FROM ar WHERE id = 1", "24.68|4.1133333333333333|12.341|0.00|2.34"},
		{"SELECT n + 1, n * n FROM ar WHERE id = 2", "1.10|0.0100"},
		{"SELECT id FROM ar WHERE n * 2 > 20", "1"},
		{"SELECT id FROM ar WHERE n + 1 = 13.34", "1"},
		{"SELECT id FROM ar WHERE n * 1 > 9 ORDER BY id", "1"},
		{"SELECT id FROM ar WHERE n IS NOT NULL ORDER BY n * -1", "1;2"},
		{"SELECT sum(n * 2) FROM ar", "24.88"},
		{"SELECT id FROM ar WHERE a + 0.5 BETWEEN -7 AND -6", "2"},
		{"SELECT id FROM ar WHERE a * 1.0 IN (-7, 5)", "2"},
		{"SELECT id FROM ar WHERE coalesce(n, 0) = 0.1", "2"},
		{"SELECT -2 ^ 2, -2 * 3 + 1, 2 + 3 * 4 - 6 / 2", "4|-5|11"},
		{"SELECT 1 + NULL, NULL * 2.5", "NULL|NULL"},
		// integers
		{"SELECT 7 / 2, -7 / 2, 7 % 3, -7 % 3, 5 % -3", "3|-3|1|-1|2"},
		{"SELECT a - 1, b - 1, s - 1 FROM ar WHERE id = 1", "2147483646|9223372036854775806|32766"},
		{"SELECT a * 2, b * a FROM ar WHERE id = 2", "-14|14"},
		{"SELECT 2147483647::int4 + 1", "ERR:22003"},
		{"SELECT 2147483647 + 1", "ERR:22003"},
		{"SELECT 9223372036854775807::int8 + 1", "ERR:22003"},
		{"SELECT 32767::int2 + 1::int2", "ERR:22003"},
		{"SELECT 2147483647::int4 + 1::int8", "2147483648"},
		{"SELECT (-2147483648)::int4 * -1", "ERR:22003"},
		{"SELECT (-9223372036854775808)::int8 / -1", "ERR:22003"},
		{"SELECT b + 1 FROM ar WHERE id = 1", "ERR:22003"},
		{"SELECT b * 2 FROM ar WHERE id = 1", "ERR:22003"},
		{"SELECT -b - 2 FROM ar WHERE id = 1", "ERR:22003"},
		// division by zero
		{"SELECT 1 / 0", "ERR:22012"},
		{"SELECT 1 % 0", "ERR:22012"},
		{"SELECT 1.0 / 0", "ERR:22012"},
		{"SELECT 1.5 % 0", "ERR:22012"},
		{"SELECT 1::float8 / 0", "ERR:22012"},
		{"SELECT a / 0 FROM ar WHERE id = 1", "ERR:22012"},
		{"SELECT n / 0 FROM ar WHERE id = 1", "ERR:22012"},
		{"SELECT f / 0 FROM ar WHERE id = 1", "ERR:22012"},
		{"SELECT a / (id - 1) FROM ar WHERE id = 1", "ERR:22012"},
		{"SELECT a / f FROM ar WHERE id = 2", "ERR:22012"},
		// floats
		{"SELECT 0.1::float8 + 0.2::float8, 10 / 4::float8, f * 2 FROM ar WHERE id = 1", "0.30000000000000004|2.5|3"},
		{"SELECT 1e308::float8 * 10", "ERR:22003"},
		{"SELECT 1.5::float8 % 1", "ERR:42883"},
		// ^
		{"SELECT 2 ^ 10, 2.0::float8 ^ 0.5, (-8) ^ 3, 2 ^ 3 ^ 2", "1024|1.4142135623730951|-512|64"},
		{"SELECT 0 ^ (-1)", "ERR:2201F"},
		// prefix operators and unary minus
		{"SELECT |/ 25, @ -5, @ -1.50, |/ 16 + 9, |/ 25 > 4, @ @ -3, @ -2 * 3", "5|5|1.50|5|t|3|6"},
		{"SELECT |/ -1", "ERR:2201F"},
		{"SELECT -2.50::numeric(5,2), -n, - -n, -(n * 2) FROM ar WHERE id = 2", "-2.50|-0.10|0.10|-0.20"},
		{"SELECT -b FROM ar WHERE id = 1", "-9223372036854775807"},
		{"SELECT -(-b - 1) FROM ar WHERE id = 1", "ERR:22003"},
		{"SELECT -interval '1 day', -(date '2024-01-02' - date '2024-01-01')", "-1 days|-1"},
		{"SELECT (-8) ^ 0.5::float8", "ERR:2201F"},
		// typed literals
		{"SELECT int2 '2', float8 '0', numeric '1.5', bool 't', int4 '7', int8 '5', text 'x', real '1.5', decimal '2.50'", "2|0|1.5|t|7|5|x|1.5|2.50"},
		{"SELECT interval '1 day', date '2024-01-01', timestamp '2024-01-01 10:00'", "1 day|2024-01-01|2024-01-01 10:00:00"},
		{"SELECT int2 '70000'", "ERR:22003"},
		{"SELECT int4 'x'", "ERR:22P02"},
		{"SELECT int2 '2' + int2 '3', float8 '1.5' * 2", "5|3"},
		// writes
		{"UPDATE ar SET a = a + 1 WHERE id = 1", "ERR:22003"},
		{"UPDATE ar SET n = n + 0.015, b = b - 1 WHERE id = 1 RETURNING n, b", "12.36|9223372036854775806"},
		{"UPDATE ar SET a = a / 0 WHERE id = 2", "ERR:22012"},
		{"INSERT INTO ar VALUES (4, 1 + 1, 2 * 3, 2 - 1, 0.1 + 0.2, 1.0 / 4) RETURNING a, b, s, n, f", "2|6|1|0.30|0.25"},
	} {
		if got := textRows(ctx, conn, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
}

// TestArithResultTypes checks the types clients are told (pgx scans by
// them), in every query mode, before any row exists.
func TestArithResultTypes(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn := connectScript(t, urls[0])
	mustExec(t, conn, "CREATE TABLE art (id int PRIMARY KEY, a int, b bigint, s smallint, n numeric(10,2), f float8)")
	const (
		int2, int4, int8, float8, numeric, boolean = 21, 23, 20, 701, 1700, 16
	)
	for _, c := range []struct {
		q    string
		want []uint32
	}{
		{"SELECT 1 + 1, 1 + 3000000000, 1.5 + 1, 2 ^ 2, 1::float8 * 2, 1::int2 + 1::int2, 1 = 1", []uint32{int4, int8, numeric, float8, float8, int2, boolean}},
		{"SELECT 1, -2, 1.50, 3000000000", []uint32{int4, int4, numeric, int8}},
		{"SELECT a + 1, b * 2, s + s, n * 2, f / 2, a + b, a * 1.5, -a + 1, (a + 1) * 2, a + n FROM art", []uint32{int4, int8, int2, numeric, float8, int8, numeric, int4, int4, numeric}},
		{"SELECT a + 1 > 2, n * 2 = 1 FROM art", []uint32{boolean, boolean}},
		{"INSERT INTO art VALUES (1, 1, 1, 1, 1, 1) RETURNING a + 1, n * 2, a > 0, s + s", []uint32{int4, numeric, boolean, int2}},
	} {
		for _, mode := range allModes {
			checkResultTypes(ctx, t, conn, c.q, mode, c.want)
			mustExec(t, conn, "DELETE FROM art")
		}
	}
}

// checkResultTypes runs q in mode and checks the result columns' type
// OIDs against want.
func checkResultTypes(ctx context.Context, t *testing.T, conn *pgx.Conn, q string, mode pgx.QueryExecMode, want []uint32) {
	t.Helper()
	rows, err := conn.Query(ctx, q, mode)
	if err != nil {
		t.Fatalf("%s (%v): %v", q, mode, err)
	}
	fd := rows.FieldDescriptions()
	for rows.Next() {
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		t.Fatalf("%s (%v): %v", q, mode, err)
	}
	if len(fd) != len(want) {
		t.Errorf("%s (%v): %d columns, want %d", q, mode, len(fd), len(want))
		return
	}
	for i, f := range fd {
		if f.DataTypeOID != want[i] {
			t.Errorf("%s (%v): column %d is type %d, want %d", q, mode, i+1, f.DataTypeOID, want[i])
		}
	}
}
