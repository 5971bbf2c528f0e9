package integration

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestParamsReadByType: a parameter bound as text is read by its type's
// input function, in the session's TimeZone, as PostgreSQL reads it at
// Bind. Each query with $1 must count the rows the same query counts with
// the value written in as a literal (which raftsql reads by the column's
// type), through pgx's protocols; the stored rows are checked against
// PostgreSQL's text for them. Runs against RAFTSQL_REFERENCE_URL too.
func TestParamsReadByType(t *testing.T) {
	ctx := context.Background()
	conn := connect(t, e2eURLs(t)[0])
	for _, q := range []string{
		"SET TimeZone = 'America/New_York'",
		"CREATE TABLE prt (id int PRIMARY KEY, t time, tz timetz, iv interval, c char(3), ba bool[], ts timestamptz, d date, w timestamp)",
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	// written through parameters: text in the session's zone, and
	// time.Time values bound in binary (a BC date among them)
	ins := "INSERT INTO prt VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
	if _, err := conn.Exec(ctx, ins, 1, "10:00", "10:00", "12.345", "  7", "{1,NULL}", "2024-01-01 10:00", "2024-01-01", "2024-01-01 10:00+03"); err != nil {
		t.Fatal(err)
	}
	bc := time.Date(-44, 3, 15, 0, 0, 0, 0, time.UTC)
	if _, err := conn.Exec(ctx, ins, 2, "23:59:59.5", "23:00-02", "1 day 02:00", "ab", "{t,f}", time.Date(2024, 7, 1, 16, 0, 0, 0, time.UTC), bc, bc); err != nil {
		t.Fatal(err)
	}
	var stored []string
	rows, err := conn.Query(ctx, "SELECT concat_ws('|', id, t, tz, iv, c, ba, ts, d, w) FROM prt ORDER BY id", pgx.QueryExecModeSimpleProtocol)
	if err != nil {
		t.Fatal(err)
	}
	stored, err = pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"1|10:00:00|10:00:00-05|00:00:12.345|  7|{t,NULL}|2024-01-01 10:00:00-05|2024-01-01|2024-01-01 10:00:00",
		"2|23:59:59.5|23:00:00-02|1 day 02:00:00|ab |{t,f}|2024-07-01 12:00:00-04|0045-03-15 BC|0045-03-15 00:00:00 BC",
	}
	if strings.Join(stored, "\n") != strings.Join(want, "\n") {
		t.Errorf("stored:\n%s\nwant (PostgreSQL 15's):\n%s", strings.Join(stored, "\n"), strings.Join(want, "\n"))
	}
	for _, c := range []struct{ cond, arg string }{
		{"t = %s", "10:00:00.000"},
		{"t > %s", "9:00"},
		{"tz < %s", "15:30+00"},
		{"tz = %s", "10:00"},
		{"iv = %s", "12.345"},
		{"iv < %s", "61"},
		{"iv > %s", "1 day"},
		{"c = %s", "  7 "},
		{"c = %s", "ab"},
		{"ba = %s", "{1,NULL}"},
		{"ba = %s", "{true,false}"},
		{"ts = %s", "2024-01-01 10:00"},
		{"ts = %s", "2024-01-01 15:00+00"},
		{"ts < %s", "2024-01-01 10:30"},
		{"d = %s", "0045-03-15 BC"},
		{"w = %s", "2024-01-01 10:00+09"},
	} {
		lit := "SELECT count(*) FROM prt WHERE " + fmt.Sprintf(c.cond, "'"+c.arg+"'")
		var want int
		if err := conn.QueryRow(ctx, lit, pgx.QueryExecModeSimpleProtocol).Scan(&want); err != nil {
			t.Fatalf("%s: %v", lit, err)
		}
		if want == 0 {
			t.Fatalf("%s: no rows: the case checks nothing", lit)
		}
		q := "SELECT count(*) FROM prt WHERE " + fmt.Sprintf(c.cond, "$1")
		for _, mode := range []pgx.QueryExecMode{pgx.QueryExecModeCacheStatement, pgx.QueryExecModeDescribeExec, pgx.QueryExecModeExec} {
			var got int
			if err := conn.QueryRow(ctx, q, mode, c.arg).Scan(&got); err != nil {
				t.Errorf("mode %v: %s with $1 = %q: %v", mode, q, c.arg, err)
			} else if got != want {
				t.Errorf("mode %v: %s with $1 = %q: %d rows, the literal's %d", mode, q, c.arg, got, want)
			}
		}
	}
	// a value the type does not accept is the type's error, at Bind
	for _, c := range []struct{ cond, arg, code string }{
		{"ts = $1", "2024-02-30", "22008"},
		{"ts = $1", "garbage", "22007"},
		{"iv = $1", "forever", "22007"},
		{"t = $1", "25:00", "22008"},
	} {
		var n int
		err := conn.QueryRow(ctx, "SELECT count(*) FROM prt WHERE "+c.cond, c.arg).Scan(&n)
		if code := pgCode(err); code != c.code {
			t.Errorf("%s with $1 = %q: %v (SQLSTATE %q), want SQLSTATE %s", c.cond, c.arg, err, code, c.code)
		}
	}
}
