package integration

// current_datetime_test.go: CURRENT_DATE, LOCALTIMESTAMP, LOCALTIME and
// CURRENT_TIME are the transaction's instant on the session zone's
// clocks, as now()::date, now()::timestamp, now()::time and
// now()::timetz are (they were UTC: in a zone west of UTC in the evening
// current_date was already tomorrow), in reads, in writes and in column
// DEFAULTs (also now() as the DEFAULT of a date or timestamp column: the
// assignment takes the local date and time); date(x) is the cast x::date (it returned NULL for a
// timestamptz); the cast of a sum ((now() - interval '1 day')::date) takes
// the local date too; a timestamptz parameter is an instant in any zone. Pacific/Kiritimati (+14) and Pacific/Pago_Pago (-11)
// together have a date other than UTC's at any hour, so a UTC answer
// fails in at least one of them. The same results as PostgreSQL 15
// (RAFTSQL_REFERENCE_URL).

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func TestCurrentDateTimeInSessionZone(t *testing.T) {
	urls, _ := e2eCluster(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c := connect(t, withParam(urls[0], "default_query_exec_mode", "simple_protocol"))
	// extended protocol: the types clients are told
	cx := connect(t, urls[1])
	steps := []zoneStep{
		{conn: c, sql: "DROP TABLE IF EXISTS cdt"},
		{conn: c, sql: "CREATE TABLE cdt (id int PRIMARY KEY, zone text, a date DEFAULT current_date, b text DEFAULT current_date, c time DEFAULT localtime," +
			" d timestamp DEFAULT localtimestamp, e timetz DEFAULT current_time, ok bool, ts timestamptz, f date DEFAULT now(), g timestamp DEFAULT CURRENT_TIMESTAMP)"},
		{conn: c, sql: "SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'cdt' AND column_name IN ('a', 'b', 'c', 'd', 'e', 'f') ORDER BY ordinal_position",
			want: "a,CURRENT_DATE|b,CURRENT_DATE|c,LOCALTIME|d,LOCALTIMESTAMP|e,CURRENT_TIME|f,now()"},
	}
	for i, zone := range []string{"Pacific/Kiritimati", "Pacific/Pago_Pago", "America/New_York", "Asia/Kolkata"} {
		id := string(rune('1' + i))
		steps = append(steps,
			zoneStep{conn: c, sql: "SET TimeZone = '" + zone + "'"},
			zoneStep{conn: c, sql: "SELECT current_date = now()::date, localtimestamp = now()::timestamp, localtime = now()::time, current_time = now()::timetz," +
				" date(now()) = current_date, (now() - interval '1 day')::date = current_date - 1, date(current_timestamp) = current_date", want: "t,t,t,t,t,t,t"},
			// a write computes them in the writer's zone (the entry's), also as DEFAULTs
			zoneStep{conn: c, sql: "INSERT INTO cdt (id, zone, ok, ts) SELECT " + id + ", '" + zone + "', current_date = now()::date AND localtimestamp = now()::timestamp, now()"},
			zoneStep{conn: c, sql: "SELECT ok, a = ts::date, b = ts::date::text, c = ts::time, d = ts::timestamp, e = ts::timetz, date(ts) = a, f = a, g = d FROM cdt WHERE id = " + id, want: "t,t,t,t,t,t,t,t,t"},
			// a timestamptz value stored into date, time, timestamp and
			// text columns by INSERT and UPDATE: PostgreSQL's assignment
			// casts (local fields; the text in the session zone)
			zoneStep{conn: c, sql: "INSERT INTO cdt (id, zone, a, c, d, b, ts) VALUES (1" + id + ", 'assign', timestamptz '2024-03-10 03:30+00', timestamptz '2024-03-10 03:30+00', timestamptz '2024-03-10 03:30+00', timestamptz '2024-03-10 03:30+00', timestamptz '2024-03-10 03:30+00')"},
			zoneStep{conn: c, sql: "UPDATE cdt SET f = now(), g = CURRENT_TIMESTAMP WHERE id = 1" + id},
			zoneStep{conn: c, sql: "SELECT a = ts::date, c = ts::time, d = ts::timestamp, b = ts::text, f = current_date, g::date = current_date FROM cdt WHERE id = 1" + id, want: "t,t,t,t,t,t"},
		)
	}
	steps = append(steps,
		zoneStep{conn: c, sql: "SET TimeZone = 'America/New_York'"},
		zoneStep{conn: c, sql: "SELECT date(timestamptz '2024-03-10 03:30+00'), date('2024-03-10 03:30+00'), date(timestamp '2024-03-10 23:30'), (timestamptz '2024-03-10 03:30+00' + interval '1 hour')::date," +
			" cast(timestamptz '2024-03-10 03:30+00' - interval '1 day' AS date), timestamptz '2024-03-10 03:30+00'::timetz, timestamptz '2024-07-01 03:30+00'::timetz",
			want: "2024-03-09,2024-03-10,2024-03-10,2024-03-09,2024-03-08,22:30:00-05,23:30:00-04"},
		zoneStep{conn: c, sql: "SELECT count(*) FROM cdt WHERE date(ts) = ts::date AND (ts + interval '1 hour')::date >= ts::date", want: "8"},
	)
	runZoneSteps(ctx, t, steps)
	// a timestamptz parameter (pgx sends binary) is an instant, whatever
	// the session zone: its casts take the local date and time (it was
	// read as a zoneless time in the session's zone)
	if _, err := cx.Exec(ctx, "SET TimeZone = 'America/New_York'"); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2024, 3, 10, 3, 30, 0, 0, time.UTC)
	var inst, local time.Time
	var day, text string
	if err := cx.QueryRow(ctx, "SELECT $1::timestamptz, $1::timestamptz::timestamp, $1::timestamptz::date::text, $1::timestamptz::text", at).Scan(&inst, &local, &day, &text); err != nil {
		t.Fatal(err)
	}
	if !inst.Equal(at) || local != time.Date(2024, 3, 9, 22, 30, 0, 0, time.UTC) || day != "2024-03-09" || text != "2024-03-09 22:30:00-05" {
		t.Errorf("timestamptz parameter: %v %v %s %s; want %v 2024-03-09 22:30 2024-03-09 2024-03-09 22:30:00-05", inst, local, day, text, at)
	}
	if _, err := cx.Exec(ctx, "INSERT INTO cdt (id, zone, ts) VALUES (9, 'param', $1)", at); err != nil {
		t.Fatal(err)
	}
	if err := cx.QueryRow(ctx, "SELECT ts::text FROM cdt WHERE id = 9 AND ts = $1", at).Scan(&text); err != nil || text != "2024-03-09 22:30:00-05" {
		t.Errorf("stored timestamptz parameter: %q %v", text, err)
	}
	// the described types and the column name of date(x)
	wantColumns(ctx, t, cx, "SELECT current_date, localtimestamp, localtime, current_time, date(now())",
		"current_date:1082 localtimestamp:1114 localtime:1083 current_time:1266 date:1082")
}

// wantColumns checks the names and type OIDs a client is told for the
// result columns of sql (a prepared statement's description).
func wantColumns(ctx context.Context, t *testing.T, c *pgx.Conn, sql, want string) {
	t.Helper()
	sd, err := c.Prepare(ctx, "", sql)
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	var got []string
	for _, f := range sd.Fields {
		got = append(got, fmt.Sprintf("%s:%d", f.Name, f.DataTypeOID))
	}
	if g := strings.Join(got, " "); g != want {
		t.Errorf("%s: columns %s, want %s", sql, g, want)
	}
}

// TestSequenceFunctionTypes: nextval, currval, setval and lastval are
// described as bigint (they were text), pg_get_serial_sequence as text,
// and a CREATE SEQUENCE prepared statement returns no rows (it was
// described with the row of the function carrying it out).
func TestSequenceFunctionTypes(t *testing.T) {
	urls, _ := e2eCluster(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c := connect(t, urls[0])
	for _, q := range []string{"DROP TABLE IF EXISTS seqty", "DROP SEQUENCE IF EXISTS seqty_s",
		"CREATE TABLE seqty (id serial PRIMARY KEY, v text)", "CREATE SEQUENCE seqty_s"} {
		if _, err := c.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	wantColumns(ctx, t, c, "SELECT nextval('seqty_s'), currval('seqty_s'), setval('seqty_s', 5), setval('seqty_s', 5, false), lastval()",
		"nextval:20 currval:20 setval:20 setval:20 lastval:20")
	wantColumns(ctx, t, c, "SELECT pg_get_serial_sequence('seqty', 'id')", "pg_get_serial_sequence:25")
	wantColumns(ctx, t, c, "CREATE SEQUENCE seqty_s2", "")
	var n, cur int64
	var name string
	if err := c.QueryRow(ctx, "SELECT nextval('seqty_s'), currval('seqty_s'), pg_get_serial_sequence('seqty', 'id')").Scan(&n, &cur, &name); err != nil {
		t.Fatal(err)
	}
	if n != 1 || cur != 1 || name != "public.seqty_id_seq" {
		t.Errorf("got %d %d %q, want 1 1 public.seqty_id_seq", n, cur, name)
	}
}
