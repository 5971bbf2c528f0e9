package integration

// timezone_multi_test.go: a SET in a query string of several statements
// (or earlier in a pipeline, before its Sync) holds for the statements
// after it, as in PostgreSQL 15: their timestamptz input is read, and
// their rows print, in the zone the statements before them left, in the
// string's implicit transaction, in a transaction block, with SET LOCAL.
// The client learns the new TimeZone (ParameterStatus) only at
// ReadyForQuery, so the server must not print by what it last reported.
// The same answers as PostgreSQL (RAFTSQL_REFERENCE_URL).

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// multiResults renders every result of a multi-result read: each
// statement's rows ("," between cells, "|" between rows, as
// textRowsOIDs) and its tag,
// statements separated by " / ".
func multiResults(rs []*pgconn.Result, err error) (string, error) {
	var parts []string
	for _, r := range rs {
		if r.Err != nil {
			return strings.Join(parts, " / "), r.Err
		}
		var rows []string
		for _, row := range r.Rows {
			cells := make([]string, len(row))
			for i, c := range row {
				cells[i] = string(c)
			}
			rows = append(rows, strings.Join(cells, ","))
		}
		p := r.CommandTag.String()
		if len(rows) > 0 {
			p = strings.Join(rows, "|") + " " + p
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " / "), err
}

func TestSetInMultiStatementString(t *testing.T) {
	urls, cluster := e2eCluster(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, urls[0])
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	pc := conn.PgConn()
	simple := func(sql, want string) {
		t.Helper()
		got, err := multiResults(pc.Exec(ctx, sql).ReadAll())
		if err != nil {
			t.Fatalf("%s: %v (after %q)", sql, err, got)
		}
		if got != want {
			t.Errorf("%s:\n got %q\nwant %q", sql, got, want)
		}
	}
	simple("CREATE TABLE tzm (id int PRIMARY KEY, a timestamptz)", "CREATE TABLE")
	simple("INSERT INTO tzm VALUES (1, '2024-01-01 12:00+00')", "INSERT 0 1")
	// The bug report: the SELECT printed in the zone before the string.
	simple("SET TIME ZONE 'America/New_York'; SELECT a FROM tzm WHERE id = 1",
		"SET / 2024-01-01 07:00:00-05 SELECT 1")
	simple("SET TIME ZONE 'UTC'; SET TimeZone = 'Asia/Tokyo'; SELECT a FROM tzm WHERE id = 1; SHOW TimeZone",
		"SET / SET / 2024-01-01 21:00:00+09 SELECT 1 / Asia/Tokyo SHOW")
	// A transaction's entry applies in one zone: raftsql refuses to
	// change it after the transaction's first statement (0A000, the
	// string rolls back; docs/sql-dialect.md), where PostgreSQL goes on.
	const change = "SET TIME ZONE 'UTC'; SELECT a FROM tzm WHERE id = 1; SET TimeZone = 'Asia/Tokyo'; SELECT a FROM tzm WHERE id = 1"
	got, err := multiResults(pc.Exec(ctx, change).ReadAll())
	if cluster != nil {
		if pgCode(err) != "0A000" {
			t.Errorf("%s: got %q, %v; want SQLSTATE 0A000", change, got, err)
		}
		simple("SHOW TimeZone", "Asia/Tokyo SHOW") // as before the string
	} else if want := "SET / 2024-01-01 12:00:00+00 SELECT 1 / SET / 2024-01-01 21:00:00+09 SELECT 1"; err != nil || got != want {
		t.Errorf("%s:\n got %q, %v\nwant %q", change, got, err, want)
	}
	// In a transaction block, with SET LOCAL, and after it.
	simple("SET TIME ZONE 'UTC'; BEGIN; SET LOCAL TIME ZONE 'Asia/Kolkata'; SELECT a FROM tzm WHERE id = 1; COMMIT; SELECT a FROM tzm WHERE id = 1",
		"SET / BEGIN / SET / 2024-01-01 17:30:00+05:30 SELECT 1 / COMMIT / 2024-01-01 12:00:00+00 SELECT 1")
	simple("BEGIN; SET TIME ZONE 'Europe/Paris'; SELECT a FROM tzm WHERE id = 1; COMMIT; SHOW TimeZone",
		"BEGIN / SET / 2024-01-01 13:00:00+01 SELECT 1 / COMMIT / Europe/Paris SHOW")
	// Writes: zoneless input is read in the zone the SET before it left,
	// also when the session's zone was not UTC before the string.
	simple("SET TIME ZONE 'Asia/Tokyo'; INSERT INTO tzm VALUES (2, '2024-01-01 09:00'); INSERT INTO tzm VALUES (3, '2024-01-01 09:00')",
		"SET / INSERT 0 1 / INSERT 0 1")
	simple("INSERT INTO tzm VALUES (4, '2024-01-01 09:00'); INSERT INTO tzm VALUES (5, '2024-01-01 09:00'); SELECT a FROM tzm WHERE id = 5",
		"INSERT 0 1 / INSERT 0 1 / 2024-01-01 09:00:00+09 SELECT 1")
	simple("SET TIME ZONE 'UTC'; SELECT a FROM tzm WHERE id > 1 ORDER BY id",
		"SET / 2024-01-01 00:00:00+00|2024-01-01 00:00:00+00|2024-01-01 00:00:00+00|2024-01-01 00:00:00+00 SELECT 4")

	// The extended protocol: SET and SELECT in one pipeline, one Sync.
	b := &pgconn.Batch{}
	b.ExecParams("SET TIME ZONE 'America/New_York'", nil, nil, nil, nil)
	b.ExecParams("SELECT a FROM tzm WHERE id = 1", nil, nil, nil, nil)
	b.ExecParams("SET LOCAL TIME ZONE 'Asia/Tokyo'", nil, nil, nil, nil)
	b.ExecParams("SELECT a FROM tzm WHERE id = 1", nil, nil, nil, nil)
	got, err = multiResults(pc.ExecBatch(ctx, b).ReadAll())
	if want := "SET / 2024-01-01 07:00:00-05 SELECT 1 / SET / 2024-01-01 21:00:00+09 SELECT 1"; err != nil || got != want {
		t.Errorf("pipeline:\n got %q, %v\nwant %q", got, err, want)
	}
	simple("SHOW TimeZone; SELECT a FROM tzm WHERE id = 1", "America/New_York SHOW / 2024-01-01 07:00:00-05 SELECT 1")

	if cluster != nil {
		// Every node applied the writes in the zone of their string.
		waitReplicasStore(ctx, t, urls, "SELECT a::text FROM tzm WHERE id > 1 ORDER BY id",
			"2024-01-01 00:00:00+00|2024-01-01 00:00:00+00|2024-01-01 00:00:00+00|2024-01-01 00:00:00+00")
	}
}
