package integration

// timezone_funcs_test.go: date/time functions in the session TimeZone.
// date_trunc, EXTRACT, to_char, timestamptz arithmetic and the casts of a
// timestamptz work in its local time in the session's zone (DST included),
// in reads and in writes (the entry's zone at apply), and SET TimeZone
// takes what PostgreSQL 15 takes: the same text results as PostgreSQL
// (RAFTSQL_REFERENCE_URL).

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func TestTimeZoneFunctions(t *testing.T) {
	urls, cluster := e2eCluster(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c := connect(t, withParam(urls[0], "default_query_exec_mode", "simple_protocol"))
	// stored: the UTC instants the writes below compute in New York
	const stored = "1,2024-03-10 05:00:00+00,2024-03-11 03:00:00+00,2024-03-09,22:00:00,2024-03-09 22:00:00,22,2024-03-09 22:00 EST -05|" +
		"2,2024-11-03 04:00:00+00,2024-11-04 07:30:00+00,2024-11-03,01:30:00,2024-11-03 01:30:00,1,2024-11-03 01:30 EDT -04"
	steps := []zoneStep{
		{conn: c, sql: "DROP TABLE IF EXISTS tzf"},
		{conn: c, sql: "CREATE TABLE tzf (id int PRIMARY KEY, src timestamptz, day timestamptz, next timestamptz, d date, tm time, ts timestamp, h int, txt text)"},
		{conn: c, sql: "SET TimeZone = 'America/New_York'"},
		{conn: c, sql: "INSERT INTO tzf (id, src) VALUES (1, '2024-03-10 03:00+00'), (2, '2024-11-03 05:30+00')"},
		{conn: c, sql: "UPDATE tzf SET day = date_trunc('day', src + interval '9 hours'), next = src + interval '1 day' + interval '1 hour', d = src::date, tm = src::time, ts = src::timestamp," +
			" h = extract(hour FROM src), txt = to_char(src, 'YYYY-MM-DD HH24:MI TZ OF')"},
		{conn: c, sql: "SET TimeZone = 'UTC'"},
		{conn: c, sql: "SELECT id, day, next, d, tm, ts, h, txt FROM tzf ORDER BY id", want: stored},
		{conn: c, sql: "SET TimeZone = 'America/New_York'"},
		{conn: c, sql: "SELECT day, next FROM tzf ORDER BY id", want: "2024-03-10 00:00:00-05,2024-03-10 23:00:00-04|2024-11-03 00:00:00-04,2024-11-04 02:30:00-05"},
		{conn: c, sql: "SELECT date_trunc('hour', timestamptz '2024-11-03 05:30+00'), date_trunc('hour', timestamptz '2024-11-03 06:30+00')", want: "2024-11-03 01:00:00-04,2024-11-03 01:00:00-05"},
		{conn: c, sql: "SELECT date_trunc('month', timestamptz '2024-03-01 02:00+00'), date_trunc('week', timestamptz '2024-03-11 02:00+00')", want: "2024-02-01 00:00:00-05,2024-03-04 00:00:00-05"},
		{conn: c, sql: "SELECT date_trunc('day', timestamptz '2024-03-10 12:00+00', 'Europe/Paris'), date_trunc('day', date '2024-03-10')", want: "2024-03-09 18:00:00-05,2024-03-10 00:00:00-05"},
		{conn: c, sql: "SELECT extract(timezone FROM timestamptz '2024-03-11 04:00+00'), date_part('day', timestamptz '2024-03-10 03:00+00')", want: "-14400,9"},
		{conn: c, sql: "SELECT timestamptz '2024-03-09 12:00-05' + interval '1 day', timestamptz '2024-03-09 12:00-05' + interval '24 hours'", want: "2024-03-10 12:00:00-04,2024-03-10 13:00:00-04"},
		{conn: c, sql: "SELECT timestamptz '2024-10-31 12:00-04' + interval '1 month', timestamptz '2024-03-11 12:00-04' - interval '1 day'", want: "2024-11-30 12:00:00-05,2024-03-10 12:00:00-04"},
		{conn: c, sql: "SELECT age(timestamptz '2024-03-11 00:00-04', timestamptz '2024-03-09 00:00-05')", want: "2 days"},
		{conn: c, sql: "SELECT timestamptz '2024-03-10 12:00+00'::text, timestamp '2024-03-10 03:00' AT TIME ZONE 'Europe/Paris'", want: "2024-03-10 08:00:00-04,2024-03-09 21:00:00-05"},
		{conn: c, sql: "SELECT timestamptz '2024-03-10 12:00+00' AT TIME ZONE '+05', timestamptz '2024-03-10 12:00+00' AT TIME ZONE 'UTC+5'", want: "2024-03-10 07:00:00,2024-03-10 07:00:00"},
		{conn: c, sql: "SELECT '2024-03-10 03:00+00'::date, cast(timestamptz '2024-03-10 03:00+00' AS date)", want: "2024-03-10,2024-03-09"},
		{conn: c, sql: "SET TIME ZONE -8"},
		{conn: c, sql: "SHOW TimeZone", want: "<-08>+08"},
		{conn: c, sql: "SELECT timestamptz '2024-07-01 12:00+00', timestamptz '2024-07-01 12:00'", want: "2024-07-01 04:00:00-08,2024-07-01 12:00:00-08"},
		{conn: c, sql: "SET TIME ZONE INTERVAL '+05:30' HOUR TO MINUTE"},
		{conn: c, sql: "SHOW TimeZone", want: "<+05:30>-05:30"},
		{conn: c, sql: "SET TimeZone = 'UTC+3'"},
		{conn: c, sql: "SELECT timestamptz '2024-07-01 12:00+00', to_char(timestamptz '2024-07-01 12:00+00', 'TZ OF')", want: "2024-07-01 09:00:00-03,UTC -03"},
		{conn: c, sql: "SET TimeZone = 'EST5EDT'"},
		{conn: c, sql: "SELECT timestamptz '2024-07-01 12:00+00', timestamptz '2024-01-01 12:00+00'", want: "2024-07-01 08:00:00-04,2024-01-01 07:00:00-05"},
		{conn: c, sql: "SET TimeZone = 'XYZ3ABC'"},
		{conn: c, sql: "SELECT timestamptz '2024-07-01 12:00+00', timestamptz '2024-01-01 12:00+00'", want: "2024-07-01 10:00:00-02,2024-01-01 09:00:00-03"},
		{conn: c, sql: "SET TimeZone = '+05:30'"},
		{conn: c, sql: "SELECT timestamptz '2024-07-01 12:00+00'", want: "2024-07-01 06:30:00-05:30"},
		{conn: c, sql: "SET TimeZone = 'europe/paris'"},
		{conn: c, sql: "SHOW TimeZone", want: "Europe/Paris"},
		{conn: c, sql: "SET TimeZone = 'PST'", code: "22023"},
		{conn: c, sql: "SET TimeZone = 'Foo'", code: "22023"},
		{conn: c, sql: "SET TimeZone = 'America/New York'", code: "22023"},
		{conn: c, sql: "SET TIME ZONE INTERVAL '1 day'", code: "22023"},
		{conn: c, sql: "SET TIME ZONE LOCAL"},
		{conn: c, sql: "SELECT timestamptz '2024-07-01 12:00'", want: "2024-07-01 12:00:00+00"},
		{conn: c, sql: "SET TimeZone = 'UTC'"},
		{conn: c, sql: "SELECT timestamptz '2024-07-10 12:00 PST', timestamptz '2024-07-10 12:00 CEST'", want: "2024-07-10 20:00:00+00,2024-07-10 10:00:00+00"},
	}
	runZoneSteps(ctx, t, steps)
	if cluster != nil {
		// Every replica applied the UPDATE in the writer's zone.
		waitReplicasStore(ctx, t, urls, "SELECT id, day, next, d, tm, ts, h, txt FROM tzf ORDER BY id", stored)
	}
}

// zoneStep is a statement on conn with its text result (rows "|",
// columns ",") or SQLSTATE.
type zoneStep struct {
	conn            *pgx.Conn
	sql, want, code string
}

func runZoneSteps(ctx context.Context, t *testing.T, steps []zoneStep) {
	t.Helper()
	for _, s := range steps {
		got, _, err := textRowsOIDs(ctx, s.conn, s.sql)
		switch {
		case s.code != "":
			if pgCode(err) != s.code {
				t.Errorf("%s: got %q, %v; want SQLSTATE %s", s.sql, got, err, s.code)
			}
		case err != nil:
			t.Fatalf("%s: %v", s.sql, err)
		case got != s.want:
			t.Errorf("%s:\n got %q\nwant %q", s.sql, got, s.want)
		}
	}
}

// waitReplicasStore waits until every node's own state (stale reads, no
// forwarding) answers sql with want.
func waitReplicasStore(ctx context.Context, t *testing.T, urls []string, sql, want string) {
	t.Helper()
	for i := range urls {
		rc, err := pgx.Connect(ctx, withParam(urls[i], "default_query_exec_mode", "simple_protocol"))
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close(context.Background())
		if _, err := rc.Exec(ctx, "SET raftsql.read_consistency = stale"); err != nil {
			t.Fatal(err)
		}
		waitUntil(t, fmt.Sprintf("node %d answers %q", i, want), func() bool {
			got, _, err := textRowsOIDs(ctx, rc, sql)
			return err == nil && got == want
		})
	}
}
