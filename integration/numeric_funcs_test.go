package integration

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestNumericFuncsParams: to_char/to_number, scale, trim_scale,
// min_scale, gcd, lcm, factorial, div, width_bucket and isfinite answer
// as PostgreSQL 15 with bound parameters in every query mode, are
// described with PostgreSQL's types, and a write computing them stores the
// same value on every node. Passes against PostgreSQL 15 too
// (RAFTSQL_REFERENCE_URL).
func TestNumericFuncsParams(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, urls[0])
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	cases := []struct {
		q    string
		args []any
		want []string
	}{
		{"SELECT to_char($1::numeric, 'FM999,990.00')", []any{"1234.5"}, []string{"1,234.50"}},
		{"SELECT to_char($1::float8, '9.99EEEE'), to_char($2::int, 'FMRN')", []any{0.125, 1994}, []string{" 1.25e-01", "MCMXCIV"}},
		{"SELECT to_number($1, $2)::text", []any{"12,454.8-", "99G999D9S"}, []string{"-12454.8"}},
		{"SELECT width_bucket($1::numeric, 0, 10, 4)::text, width_bucket($1::float8, 0, 10, 4)::text", []any{"5.5"}, []string{"3", "3"}},
		{"SELECT gcd($1::int, $2::int)::text, lcm($1::int, $2::int)::text", []any{12, 18}, []string{"6", "36"}},
		{"SELECT scale($1::numeric)::text, min_scale($1::numeric)::text, trim_scale($1::numeric)::text", []any{"1.500"}, []string{"3", "1", "1.5"}},
		{"SELECT factorial($1::bigint)::text, div($2::numeric, 2)::text", []any{20, "-7.5"}, []string{"2432902008176640000", "-3"}},
		{"SELECT isfinite($1::date)::text, isfinite($2::timestamp)::text", []any{"infinity", "2024-01-01 10:00"}, []string{"false", "true"}},
	}
	for _, mode := range allModes {
		for _, c := range cases {
			row := make([]string, len(c.want))
			dest := make([]any, len(row))
			for i := range row {
				dest[i] = &row[i]
			}
			if err := conn.QueryRow(ctx, c.q, append([]any{mode}, c.args...)...).Scan(dest...); err != nil {
				t.Errorf("%s (%v): %v", c.q, mode, err)
				continue
			}
			for i := range row {
				if row[i] != c.want[i] {
					t.Errorf("%s (%v): column %d = %q, want %q", c.q, mode, i+1, row[i], c.want[i])
				}
			}
		}
		checkResultTypes(ctx, t, conn, "SELECT scale(1.50), trim_scale(1.50), to_char(1.5, '9.9'), to_number('1', '9'), gcd(4, 6), width_bucket(1.5, 0, 2, 2), factorial(3), div(7, 2), isfinite(date '2024-01-01')",
			mode, []uint32{23, 1700, 25, 1700, 23, 23, 1700, 1700, 16})
	}
	mustExec(t, conn, "CREATE TABLE nfp (id int PRIMARY KEY, label text, n numeric(10,2), b int)")
	mustExec(t, conn, "INSERT INTO nfp VALUES (1, to_char($1::numeric, 'FM9G999D00PR'), to_number($2, 'L9G999D99'), width_bucket($3::numeric, 0, 100, 10))",
		"-1234.5", "$1,234.567", "42.5")
	for _, u := range urls {
		c, err := pgx.Connect(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		var label, n string
		var b int
		if err := c.QueryRow(ctx, "SELECT label, n::text, b FROM nfp WHERE id = 1").Scan(&label, &n, &b); err != nil {
			t.Fatal(err)
		}
		c.Close(ctx)
		if label != "<1,234.50>" || n != "1234.56" || b != 5 {
			t.Errorf("%s: stored %q, %q, %d; want <1,234.50>, 1234.56, 5", u, label, n, b)
		}
	}
}
