package integration

// Exact numeric through the wire: the same answers and SQLSTATEs as
// PostgreSQL 15 (run with RAFTSQL_REFERENCE_URL to check them against a
// real server), money that adds up, and numeric result columns.

import (
	"context"
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// textRows runs q in the simple protocol and returns its rows as text
// ("NULL" for NULL), or "ERR:<SQLSTATE>".
func textRows(ctx context.Context, conn *pgx.Conn, q string) string {
	rows, err := conn.Query(ctx, q, pgx.QueryExecModeSimpleProtocol)
	if err != nil {
		return "ERR:" + pgCode(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var cells []string
		for _, v := range rows.RawValues() {
			if v == nil {
				cells = append(cells, "NULL")
			} else {
				cells = append(cells, string(v))
			}
		}
		out = append(out, strings.Join(cells, "|"))
	}
	if err := rows.Err(); err != nil {
		return "ERR:" + pgCode(err)
	}
	return strings.Join(out, ";")
}

func TestNumericMatchesPostgres(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, urls[0])
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	mustExec(t, conn, "CREATE TABLE acct (id int PRIMARY KEY, bal numeric(10,2), n numeric)")
	mustExec(t, conn, "CREATE INDEX acct_bal ON acct (bal)")
	mustExec(t, conn, "INSERT INTO acct VALUES (1, '0.33', '1.50'), (2, '10.00', '9'), (3, '9.00', '0.1'), (4, NULL, NULL), (5, '-0.10', '0.2')")
	for _, c := range []struct{ q, want string }{
		{"SELECT bal, n FROM acct WHERE id = 1", "0.33|1.50"},
		{"SELECT id FROM acct WHERE bal = 0.33", "1"},
		{"SELECT id FROM acct WHERE bal = '0.330'", "1"},
		{"SELECT id FROM acct WHERE n = 1.5", "1"},
		{"SELECT id FROM acct WHERE bal IS NOT NULL ORDER BY bal", "5;1;3;2"},
		{"SELECT id FROM acct WHERE bal IS NOT NULL ORDER BY bal DESC", "2;3;1;5"},
		{"SELECT count(*) FROM acct WHERE bal > 9.5", "1"},
		{"SELECT min(bal), max(bal) FROM acct", "-0.10|10.00"},
		{"SELECT sum(bal) FROM acct", "19.23"},
		{"SELECT sum(n) FROM acct WHERE id IN (3, 5)", "0.3"},
		{"SELECT avg(bal) FROM acct", "4.8075000000000000"},
		{"SELECT avg(n) FROM acct", "2.7000000000000000"},
		{"SELECT sum(bal) FROM acct WHERE id > 100", "NULL"},
		{"SELECT round(sum(n), 3), trunc(avg(n), 1) FROM acct", "10.800|2.7"},
		{"SELECT round(bal, 1), abs(bal), ceil(bal), floor(bal) FROM acct WHERE id = 5", "-0.1|0.10|0|-1"},
		{"SELECT round(2.5), round(-2.5), round(1.235, 2), round(5, 2)", "3|-3|1.24|5.00"},
		{"INSERT INTO acct VALUES (6, 'abc', 1)", "ERR:22P02"},
		{"INSERT INTO acct VALUES (6, '123456789.00', 1)", "ERR:22003"},
		{"INSERT INTO acct VALUES (6, 1, '1e')", "ERR:22P02"},
		{"UPDATE acct SET bal = 'x' WHERE id = 1", "ERR:22P02"},
		{"CREATE TABLE bad (x numeric(0,2))", "ERR:22023"},
		{"SELECT sum(x) FROM (SELECT 'NaN'::numeric AS x UNION ALL SELECT 1) s", "NaN"},
		{"SELECT count(*) FROM acct", "5"},
	} {
		if got := textRows(ctx, conn, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
	// A numeric column is described as numeric(10,2) in every mode.
	for _, mode := range allModes {
		rows, err := conn.Query(ctx, "SELECT bal FROM acct WHERE id = 1", mode)
		if err != nil {
			t.Fatal(err)
		}
		fd := rows.FieldDescriptions()
		rows.Close()
		if len(fd) != 1 || fd[0].DataTypeOID != 1700 {
			t.Errorf("%v: described as %+v, want numeric (1700)", mode, fd)
		}
	}
}

// TestNumericMoneyAddsUp sums 1,000 random amounts with two decimals and
// compares every node's sum with the exact sum computed in Go.
func TestNumericMoneyAddsUp(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, urls[0])
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	mustExec(t, conn, "CREATE TABLE ledger (id int PRIMARY KEY, amount numeric(12,2))")
	rng := rand.New(rand.NewPCG(11, 1700))
	exact := new(big.Int) // cents
	const n, batch = 1000, 250
	for lo := 0; lo < n; lo += batch {
		var vals []string
		for i := lo; i < lo+batch; i++ {
			cents := rng.Int64N(2_000_000_00) - 1_000_000_00
			exact.Add(exact, big.NewInt(cents))
			vals = append(vals, fmt.Sprintf("(%d, '%s')", i, centsText(cents)))
		}
		mustExec(t, conn, "INSERT INTO ledger VALUES "+strings.Join(vals, ", "))
	}
	want := centsText(exact.Int64())
	for i, u := range urls {
		c, err := pgx.Connect(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		var got string
		// linearizable reads: every node sees the committed rows
		if err := c.QueryRow(ctx, "SELECT sum(amount)::text FROM ledger", pgx.QueryExecModeSimpleProtocol).Scan(&got); err != nil {
			t.Fatal(err)
		}
		c.Close(ctx)
		if got != want {
			t.Errorf("node %d: sum = %s, want exactly %s", i, got, want)
		}
	}
}

// centsText prints an amount in cents with two decimals.
func centsText(c int64) string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	return fmt.Sprintf("%s%d.%02d", sign, c/100, c%100)
}
