package integration

// timezone_test.go: the session TimeZone in writes. A timestamptz written
// without a zone is wall-clock time in the writer's TimeZone (the zone
// travels in the log entry), and every session reads the one stored
// instant in its own zone: the same text results as PostgreSQL 15
// (RAFTSQL_REFERENCE_URL).

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func TestTimeZoneAcrossSessions(t *testing.T) {
	urls, cluster := e2eCluster(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conns := make([]*pgx.Conn, 3)
	for i := range conns {
		c, err := pgx.Connect(ctx, withParam(urls[i%len(urls)], "default_query_exec_mode", "simple_protocol"))
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close(context.Background())
		conns[i] = c
	}
	paris, utc, ny := conns[0], conns[1], conns[2]
	const storedUTC = "2024-01-01 09:00:00+00|2024-07-01 08:00:00.5+00|2024-02-01 17:00:00+00|2024-03-31 01:30:00+00|2024-03-10 07:30:00+00|2024-11-03 06:30:00+00"
	steps := []zoneStep{
		{conn: paris, sql: "CREATE TABLE tzi (id int PRIMARY KEY, at timestamptz)"},
		{conn: paris, sql: "SET TIME ZONE 'Europe/Paris'"},
		{conn: ny, sql: "SET TimeZone = 'America/New_York'"},
		{conn: paris, sql: "INSERT INTO tzi VALUES (1, '2024-01-01 10:00'), (2, '2024-07-01 10:00:00.5')"},
		{conn: paris, sql: "INSERT INTO tzi VALUES (3, '2024-01-01 10:00+00'), (4, '2024-03-31 02:30')"},
		{conn: ny, sql: "INSERT INTO tzi VALUES (5, '2024-03-10 02:30'), (6, '2024-11-03 01:30')"},
		{conn: ny, sql: "UPDATE tzi SET at = '2024-02-01 12:00' WHERE id = 3"},
		{conn: paris, sql: "SELECT at FROM tzi ORDER BY id", want: "2024-01-01 10:00:00+01|2024-07-01 10:00:00.5+02|2024-02-01 18:00:00+01|2024-03-31 03:30:00+02|2024-03-10 08:30:00+01|2024-11-03 07:30:00+01"},
		{conn: utc, sql: "SELECT at FROM tzi ORDER BY id", want: storedUTC},
		{conn: ny, sql: "SELECT at FROM tzi ORDER BY id", want: "2024-01-01 04:00:00-05|2024-07-01 04:00:00.5-04|2024-02-01 12:00:00-05|2024-03-30 21:30:00-04|2024-03-10 03:30:00-04|2024-11-03 01:30:00-05"},
		{conn: ny, sql: "SELECT id FROM tzi WHERE at = '2024-01-01 04:00'", want: "1"},
		{conn: paris, sql: "SELECT id FROM tzi WHERE at = '2024-01-01 10:00'", want: "1"},
		{conn: utc, sql: "SELECT id FROM tzi WHERE at < '2024-01-01 09:00:01' ORDER BY id", want: "1"},
		{conn: paris, sql: "SELECT '2024-01-01 10:00'::timestamptz", want: "2024-01-01 10:00:00+01"},
		{conn: ny, sql: "SELECT timestamptz '2024-01-01 10:00'", want: "2024-01-01 10:00:00-05"},
		{conn: ny, sql: "SET TimeZone = 'Nowhere'", code: "22023"},
		{conn: ny, sql: "SHOW TimeZone", want: "America/New_York"},
	}
	runZoneSteps(ctx, t, steps)
	if cluster != nil {
		// Every node applied the entries in the writers' zones: each
		// replica's own state holds the same instants.
		waitReplicasStore(ctx, t, urls, "SELECT at FROM tzi ORDER BY id", storedUTC)
	}
}
