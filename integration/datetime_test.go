package integration

// datetime_test.go: date, time, timestamp, timestamptz and interval as a
// client sees them, against raftsql and (RAFTSQL_REFERENCE_URL) a real
// PostgreSQL 15: identical text results and SQLSTATEs.

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// datetimeE2E are statements and their text results (rows joined by "|",
// columns by ","), or the SQLSTATE they fail with. Run in order on one
// connection.
var datetimeE2E = []struct {
	sql, want, code string
	oids            []uint32 // the result columns' types, when checked
}{
	{sql: "CREATE TABLE ev (id int PRIMARY KEY, d date, ts timestamp, tz timestamptz, t time, iv interval)"},
	{sql: "INSERT INTO ev VALUES (1, '2024-01-31'::date, '2024-01-31 10:11:12.123456'::timestamp, '2024-01-31 10:11:12.5+02'::timestamptz, '23:59:59.999999'::time, '1 mon 2 days 03:00:00'::interval)"},
	{sql: "INSERT INTO ev VALUES (2, date '2024-02-29', timestamp '2024-02-29 00:00:00', timestamptz '2024-02-29 23:00:00-05', time '12:00', interval '90 minutes')"},
	{sql: "SELECT d, ts, tz, t, iv FROM ev ORDER BY id", want: "2024-01-31,2024-01-31 10:11:12.123456,2024-01-31 08:11:12.5+00,23:59:59.999999,1 mon 2 days 03:00:00|2024-02-29,2024-02-29 00:00:00,2024-03-01 04:00:00+00,12:00:00,01:30:00"},
	{sql: "SELECT id FROM ev WHERE d = date '2024-02-29'", want: "2"},
	{sql: "SELECT id FROM ev WHERE tz > timestamptz '2024-02-01 00:00:00+00'", want: "2"},
	{sql: "SELECT id FROM ev WHERE iv > interval '1 day' ORDER BY id", want: "1"},
	{sql: "SELECT d::date + 1, d::date - date '2024-01-01' FROM ev ORDER BY id", want: "2024-02-01,30|2024-03-01,59"},
	{sql: "SELECT d::date + interval '1 month' FROM ev ORDER BY id", want: "2024-02-29 00:00:00|2024-03-29 00:00:00"},
	{sql: "SELECT ts::timestamp + iv::interval FROM ev ORDER BY id", want: "2024-03-02 13:11:12.123456|2024-02-29 01:30:00"},
	{sql: "SELECT date_trunc('month', ts), extract(year from d), date_part('day', d) FROM ev ORDER BY id", want: "2024-01-01 00:00:00,2024,31|2024-02-01 00:00:00,2024,29"},
	{sql: "SELECT to_char(ts, 'YYYY-MM-DD HH24:MI:SS.MS') FROM ev WHERE id = 1", want: "2024-01-31 10:11:12.123", oids: []uint32{25}},
	{sql: "UPDATE ev SET iv = interval '2 hours' WHERE id = 2"},
	{sql: "SELECT iv FROM ev WHERE id = 2", want: "02:00:00"},
	{sql: "SELECT date '2024-01-31' + 1", want: "2024-02-01", oids: []uint32{1082}},
	{sql: "SELECT date '2024-03-01' - date '2024-02-01'", want: "29", oids: []uint32{23}},
	{sql: "SELECT date '2024-01-31' + interval '1 month'", want: "2024-02-29 00:00:00", oids: []uint32{1114}},
	{sql: "SELECT timestamp '2024-03-01 00:00:00' - timestamp '2024-02-01 12:30:00'", want: "28 days 11:30:00", oids: []uint32{1186}},
	{sql: "SELECT interval '1 hour' * 1.5", want: "01:30:00", oids: []uint32{1186}},
	{sql: "SELECT '23:59:59.999999'::time", want: "23:59:59.999999", oids: []uint32{1083}},
	{sql: "SELECT 'January 8, 1999'::date", want: "1999-01-08"},
	{sql: "SELECT age(timestamp '2024-03-15 10:00:00', timestamp '2023-01-31 12:00:00')", want: "1 year 1 mon 14 days 22:00:00", oids: []uint32{1186}},
	{sql: "SELECT make_date(2024, 2, 29), justify_hours(interval '27 hours')", want: "2024-02-29,1 day 03:00:00", oids: []uint32{1082, 1186}},
	{sql: "SELECT timestamptz '2024-01-31 12:00:00+00' AT TIME ZONE 'Europe/Paris'", want: "2024-01-31 13:00:00"},
	{sql: "SELECT to_char(timestamp '2024-01-05 14:07:09', 'Dy, DD Mon YYYY HH12:MI AM')", want: "Fri, 05 Jan 2024 02:07 PM"},
	{sql: "SELECT '2024-02-30'::date", code: "22008"},
	{sql: "SELECT 'garbage'::timestamptz", code: "22007"},
	{sql: "SELECT 'nonsense'::interval", code: "22007"},
	{sql: "SELECT make_date(2023, 2, 29)", code: "22008"},
	{sql: "SELECT date '2024-01-31' + date '2024-01-01'", code: "42883"},
}

func TestDateTimeE2E(t *testing.T) {
	ctx, conn := simpleConn(t)
	for _, c := range datetimeE2E {
		got, oids, err := textRowsOIDs(ctx, conn, c.sql)
		switch {
		case c.code != "":
			if pgCode(err) != c.code {
				t.Errorf("%s: got %q, %v; want SQLSTATE %s", c.sql, got, err, c.code)
			}
		case err != nil:
			t.Fatalf("%s: %v", c.sql, err)
		case got != c.want:
			t.Errorf("%s:\n got %q\nwant %q", c.sql, got, c.want)
		case c.oids != nil && fmt.Sprint(oids) != fmt.Sprint(c.oids):
			t.Errorf("%s: column types %v, want %v", c.sql, oids, c.oids)
		}
	}
}

// TestDateTimeSessionZone: timestamptz values are stored in UTC and shown
// in the session's TimeZone (SET TIME ZONE, Go's tz database), as
// PostgreSQL shows them; AT TIME ZONE converts both ways.
func TestDateTimeSessionZone(t *testing.T) {
	ctx, conn := simpleConn(t)
	steps := []struct{ sql, want string }{
		{"CREATE TABLE tzs (id int PRIMARY KEY, at timestamptz)", ""},
		{"INSERT INTO tzs VALUES (1, timestamptz '2024-01-31 10:00:00+00'), (2, timestamptz '2024-07-01 10:00:00.25+00')", ""},
		{"SET TIME ZONE 'Europe/Paris'", ""},
		{"SELECT at FROM tzs ORDER BY id", "2024-01-31 11:00:00+01|2024-07-01 12:00:00.25+02"},
		{"SELECT timestamptz '2024-01-31 10:00:00+00'", "2024-01-31 11:00:00+01"},
		{"SELECT at AT TIME ZONE 'America/New_York' FROM tzs ORDER BY id", "2024-01-31 05:00:00|2024-07-01 06:00:00.25"},
		{"SELECT timestamp '2024-07-01 12:00:00' AT TIME ZONE 'UTC'", "2024-07-01 14:00:00+02"},
		{"SET TIME ZONE 'UTC'", ""},
		{"SELECT at FROM tzs ORDER BY id", "2024-01-31 10:00:00+00|2024-07-01 10:00:00.25+00"},
	}
	for _, s := range steps {
		got, _, err := textRowsOIDs(ctx, conn, s.sql)
		if err != nil {
			t.Fatalf("%s: %v", s.sql, err)
		}
		if got != s.want {
			t.Errorf("%s:\n got %q\nwant %q", s.sql, got, s.want)
		}
	}
}

// simpleConn connects to a fresh database (simple protocol: values as
// text) for the duration of the test.
func simpleConn(t *testing.T) (context.Context, *pgx.Conn) {
	t.Helper()
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	conn, err := pgx.Connect(ctx, withParam(urls[0], "default_query_exec_mode", "simple_protocol"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return ctx, conn
}

// textRows runs sql and returns its rows' text values (rows joined by
// "|", columns by ",") and the result columns' type OIDs.
func textRowsOIDs(ctx context.Context, conn *pgx.Conn, sql string) (string, []uint32, error) {
	rows, err := conn.Query(ctx, sql)
	if err != nil {
		return "", nil, err
	}
	defer rows.Close()
	var oids []uint32
	for _, f := range rows.FieldDescriptions() {
		oids = append(oids, f.DataTypeOID)
	}
	out := ""
	for rows.Next() {
		if out != "" {
			out += "|"
		}
		for i, v := range rows.RawValues() {
			if i > 0 {
				out += ","
			}
			out += string(v)
		}
	}
	return out, oids, rows.Err()
}

// TestDateTimeExtendedProtocol: date/time results are described with their
// types, so pgx decodes them (binary format) into Go values.
func TestDateTimeExtendedProtocol(t *testing.T) {
	urls := e2eURLs(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, urls[0])
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var (
		d, ts  time.Time
		iv     pgtype.Interval
		sec    float64
		days   int32
		n      int
		stamps []time.Time
	)
	err = conn.QueryRow(ctx, "SELECT date '2024-01-31' + 1, timestamp '2024-01-31 10:11:12.5' + interval '1 hour', interval '1 day 02:00:00.25', "+
		"extract(second from timestamp '2024-01-31 10:11:12.5')::float8, date '2024-03-01' - date '2024-02-01'").Scan(&d, &ts, &iv, &sec, &days)
	if err != nil {
		t.Fatal(err)
	}
	if d.Format("2006-01-02") != "2024-02-01" || ts.Format("2006-01-02 15:04:05.999") != "2024-01-31 11:11:12.5" ||
		iv.Days != 1 || iv.Microseconds != 7200250000 || sec != 12.5 || days != 29 {
		t.Errorf("got %v, %v, %+v, %v, %v", d, ts, iv, sec, days)
	}
	rows, err := conn.Query(ctx, "SELECT g FROM generate_series(timestamp '2024-01-01', timestamp '2024-01-02', interval '6 hours') AS g")
	if err != nil {
		t.Fatal(err)
	}
	stamps, err = pgx.CollectRows(rows, pgx.RowTo[time.Time])
	if n = len(stamps); err != nil || n != 5 || stamps[4].Format("2006-01-02 15:04") != "2024-01-02 00:00" {
		t.Errorf("generate_series: %v %v", stamps, err)
	}
}
