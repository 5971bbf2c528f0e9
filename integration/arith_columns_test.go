package integration

// Arithmetic typed by the declared types of columns (pgdialect
// arith_columns.go): int4 and int2 columns overflow as their types do,
// results carry PostgreSQL's types, date columns chain (d + 1 + 2), in
// queries, writes, RETURNING and with parameters. Run with
// RAFTSQL_REFERENCE_URL to check the same table against PostgreSQL 15.

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func TestArithColumnTypes(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conn := connectScript(t, urls[0])
	mustExec(t, conn, "CREATE TABLE ac (id int PRIMARY KEY, a int4, s int2, b int8, n numeric, f float8, d date)")
	mustExec(t, conn, "INSERT INTO ac VALUES (1, 2147483647, 32767, 9223372036854775807, 1.5, 0.5, '2024-01-31'), (2, -2147483648, -32768, -9223372036854775808, -2.25, -1, '2024-02-28'), (3, -7, 3, 10, 0, 2, NULL)")
	for _, c := range []struct{ q, want string }{
		// int4 and int2 columns: their own ranges
		{"SELECT a + 1 FROM ac WHERE id = 1", "ERR:22003"},
		{"SELECT a * 2 FROM ac WHERE id = 1", "ERR:22003"},
		{"SELECT a - 1 FROM ac WHERE id = 2", "ERR:22003"},
		{"SELECT -a FROM ac WHERE id = 2", "ERR:22003"},
		{"SELECT a / -1 FROM ac WHERE id = 2", "ERR:22003"},
		{"SELECT a - 1 + 2 FROM ac WHERE id = 1", "ERR:22003"},
		{"SELECT (a - 1) + 1, a - 1 FROM ac WHERE id = 1", "2147483647|2147483646"},
		{"SELECT a::int8 + 1, a + 1::int8 FROM ac WHERE id = 1", "2147483648|2147483648"},
		{"SELECT a + b FROM ac WHERE id = 1", "ERR:22003"},
		{"SELECT s + 1, s * 2, -s FROM ac WHERE id = 1", "32768|65534|-32767"},
		{"SELECT s + s FROM ac WHERE id = 1", "ERR:22003"},
		{"SELECT s * 2::int2 FROM ac WHERE id = 1", "ERR:22003"},
		{"SELECT -s FROM ac WHERE id = 2", "ERR:22003"},
		{"SELECT s - 1::int2 FROM ac WHERE id = 2", "ERR:22003"},
		{"SELECT b + 1 FROM ac WHERE id = 1", "ERR:22003"},
		{"SELECT a + '1' FROM ac WHERE id = 1", "ERR:22003"},
		{"SELECT s + '1', a + '1' FROM ac WHERE id = 3", "4|-6"},
		// integer division, modulo
		{"SELECT a / 2, a % 2, s / -2, s % -2, -a / 2 FROM ac WHERE id = 3", "-3|-1|-1|1|3"},
		{"SELECT a / 0 FROM ac WHERE id = 3", "ERR:22012"},
		// mixed types
		{"SELECT a + 1.5, a * 0.5, a + n FROM ac WHERE id = 1", "2147483648.5|1073741823.5|2147483648.5"},
		{"SELECT a + f, s * f, a + 1.5::float8 FROM ac WHERE id = 1", "2147483647.5|16383.5|2147483648.5"},
		{"SELECT a + 2 > 2147483647::int8 FROM ac WHERE id = 3", "f"},
		{"SELECT id FROM ac WHERE a + 1 > 0 ORDER BY id", "ERR:22003"},
		{"SELECT id FROM ac WHERE s + 1 > 32767 ORDER BY id", "1"},
		// abs keeps the type's range; -2147483648 is an int4 constant
		{"SELECT abs(a) FROM ac WHERE id = 2", "ERR:22003"},
		{"SELECT abs(s) FROM ac WHERE id = 2", "ERR:22003"},
		{"SELECT abs(a), abs(s), abs(b) FROM ac WHERE id = 3", "7|3|10"},
		{"SELECT abs(-2147483648)", "ERR:22003"},
		{"SELECT -2147483648 - 1", "ERR:22003"},
		{"SELECT abs(-2147483649), -9223372036854775808", "2147483649|-9223372036854775808"},
		// numeric ^ numeric
		{"SELECT 2.0 ^ 3, 2 ^ 0.5, 3::numeric ^ -3, 1.5 ^ 2.5, n ^ 2::numeric FROM ac WHERE id = 1", "8.0000000000000000|1.4142135623730950|0.0370370370370370|2.7556759606310754|2.2500000000000000"},
		{"SELECT n ^ 2, n ^ 0.5, a ^ 2 FROM ac WHERE id = 1", "2.2500000000000000|1.2247448713915890|4.6116860141324206e+18"},
		{"SELECT 0 ^ -1.0", "ERR:2201F"},
		{"SELECT (-2.0) ^ 0.5", "ERR:2201F"},
		// aggregates: sum(int4) is int8, sum(int8) and avg numeric
		{"SELECT avg(a), avg(s), sum(a), sum(s), avg(b), sum(b) FROM ac WHERE id IN (1, 3)", "1073741820.00000000|16385.000000000000|2147483640|32770|4611686018427387909|9223372036854775817"},
		// date columns
		{"SELECT d + 1 + 2, d - 1 - 1, d + 1 - 1 FROM ac WHERE id = 1", "2024-02-03|2024-01-29|2024-01-31"},
		{"SELECT d + 1::int, d + 2::int2 + 1 FROM ac WHERE id = 2", "2024-02-29|2024-03-02"},
		// writes: the error at apply is the statement's result
		{"UPDATE ac SET a = a * 2 / 2 WHERE id = 1", "ERR:22003"},
		{"UPDATE ac SET s = s + 1 - 1 WHERE id = 1 RETURNING s", "32767"},
		{"UPDATE ac SET a = a + 1 WHERE id = 1", "ERR:22003"},
		{"UPDATE ac SET s = s + 1 WHERE id = 1", "ERR:22003"},
		{"SELECT a, s FROM ac WHERE id = 1", "2147483647|32767"},
		{"INSERT INTO ac (id, a, s, d) VALUES (4, 2147483647, 5, '2024-12-31') RETURNING a + 1", "ERR:22003"},
		{"INSERT INTO ac (id, a, s, d) VALUES (4, 5, 5, '2024-12-31') RETURNING a + 1, s + s, d + 1, d + 1 + 1", "6|10|2025-01-01|2025-01-02"},
		{"UPDATE ac SET a = a + 1 WHERE id = 4 RETURNING a * 2, -a, d - 1", "12|-6|2024-12-30"},
	} {
		if got := textRows(ctx, conn, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
	// parameters take the column's type (PostgreSQL resolves a + $1 so)
	for _, c := range []struct {
		q    string
		args []any
		want string
	}{
		{"SELECT a + $1 FROM ac WHERE id = 1", []any{int32(1)}, "ERR:22003"},
		{"SELECT a + $1 FROM ac WHERE id = 3", []any{int32(1)}, "-6"},
		{"SELECT s + $1 FROM ac WHERE id = 1", []any{int16(1)}, "ERR:22003"},
		{"SELECT d + $1::int FROM ac WHERE id = 1", []any{int32(3)}, "2024-02-03"},
		{"UPDATE ac SET a = a + $1 WHERE id = 1", []any{int32(1)}, "ERR:22003"},
	} {
		for _, mode := range allModes {
			if got := argRows(ctx, conn, c.q, mode, c.args...); got != c.want {
				t.Errorf("%s %v (%v) = %q, want %q", c.q, c.args, mode, got, c.want)
			}
		}
	}
}

// TestArithColumnResultTypes checks the result types of arithmetic on
// columns, as pgx is told them before any row exists.
func TestArithColumnResultTypes(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn := connectScript(t, urls[0])
	mustExec(t, conn, "CREATE TABLE act (id int PRIMARY KEY, a int4, s int2, b int8, n numeric, f float8, d date)")
	const (
		int2, int4, int8, float8, numeric, date = 21, 23, 20, 701, 1700, 1082
	)
	for _, c := range []struct {
		q    string
		want []uint32
	}{
		{"SELECT a + 1, s + 1, s * 2::int2, -s, -a, a - 1 + 2, b + a, a + n, s * f FROM act", []uint32{int4, int4, int2, int2, int4, int4, int8, numeric, float8}},
		{"SELECT d + 1, d + 1 + 2, d - 1::int FROM act", []uint32{date, date, date}},
		{"SELECT n ^ 2, a ^ 2, 2.0 ^ 2 FROM act", []uint32{numeric, float8, numeric}},
		{"INSERT INTO act (id, a, s, d) VALUES (1, 1, 1, '2024-01-01') RETURNING a + 1, s + s, d + 1", []uint32{int4, int2, date}},
	} {
		for _, mode := range allModes {
			checkResultTypes(ctx, t, conn, c.q, mode, c.want)
			mustExec(t, conn, "DELETE FROM act")
		}
	}
	// a parameter takes the column's type: so does the result (Describe)
	sd, err := conn.Prepare(ctx, "act_params", "SELECT s + $1, a * $2 FROM act")
	if err != nil {
		t.Fatal(err)
	}
	if len(sd.Fields) != 2 || sd.Fields[0].DataTypeOID != int2 || sd.Fields[1].DataTypeOID != int4 {
		t.Errorf("SELECT s + $1, a * $2: fields %+v, want int2, int4", sd.Fields)
	}
}

// argRows is textRows with arguments, in mode.
func argRows(ctx context.Context, conn *pgx.Conn, q string, mode pgx.QueryExecMode, args ...any) string {
	rows, err := conn.Query(ctx, q, append([]any{mode}, args...)...)
	if err != nil {
		return "ERR:" + pgCode(err)
	}
	defer rows.Close()
	out := ""
	for rows.Next() {
		for i, v := range rows.RawValues() {
			if i > 0 {
				out += "|"
			}
			if v == nil {
				out += "NULL"
				continue
			}
			vals, _ := rows.Values()
			if tm, ok := vals[i].(time.Time); ok {
				out += tm.Format("2006-01-02") // a date
				continue
			}
			out += fmt.Sprint(vals[i])
		}
	}
	if err := rows.Err(); err != nil {
		return "ERR:" + pgCode(err)
	}
	return out
}
