package integration

// datetime_assign_test.go: a timestamptz stored into a timestamp, date,
// time, timetz or text column without a cast converts as PostgreSQL's
// assignment cast does, in the session zone (it kept the UTC fields): from
// a column of a FROM item (INSERT ... SELECT, UPDATE ... SET ... FROM), a
// scalar subquery, a sum, EXCLUDED of ON CONFLICT DO UPDATE, a cast
// parameter, also inside an interactive transaction with SET LOCAL
// TimeZone; the other direction (timestamp and date into timestamptz) is
// read in the session zone. Every replica stores the writer's values. The
// same results as PostgreSQL 15 (RAFTSQL_REFERENCE_URL).

import (
	"context"
	"testing"
	"time"
)

func TestTimestamptzAssignment(t *testing.T) {
	urls, cluster := e2eCluster(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c := connect(t, withParam(urls[0], "default_query_exec_mode", "simple_protocol"))
	cx := connect(t, urls[1]) // extended protocol
	steps := []zoneStep{
		{conn: c, sql: "DROP TABLE IF EXISTS tza_t"},
		{conn: c, sql: "DROP TABLE IF EXISTS tza_u"},
		{conn: c, sql: "CREATE TABLE tza_u (id int PRIMARY KEY, tz timestamptz, ts timestamp, d date)"},
		{conn: c, sql: "INSERT INTO tza_u VALUES (1, '2024-03-10 12:00:00+00', '2024-03-10 12:00:00', '2024-03-10')"},
		{conn: c, sql: "CREATE TABLE tza_t (id int PRIMARY KEY, ts timestamp, tz timestamptz, d date, tm time, ttz timetz, tx text)"},
		{conn: c, sql: "SET TimeZone = 'America/New_York'"},
		{conn: c, sql: "INSERT INTO tza_t (id, ts, tz, d, tm, ttz, tx) SELECT 1, tz, tz, tz, tz, tz, tz FROM tza_u"},
		{conn: c, sql: "INSERT INTO tza_t (id, ts, tz, d, tm) SELECT 2, ts, ts, ts, ts FROM tza_u"},
		{conn: c, sql: "INSERT INTO tza_t (id, ts, tz) SELECT 3, d, d FROM tza_u"},
		{conn: c, sql: "INSERT INTO tza_t (id) VALUES (4)"},
		{conn: c, sql: "UPDATE tza_t SET ts = u.tz, tz = u.ts, d = u.tz, tm = u.tz, ttz = u.tz, tx = u.tz FROM tza_u u WHERE tza_t.id = 4"},
		{conn: c, sql: "INSERT INTO tza_t (id) VALUES (5)"},
		{conn: c, sql: "UPDATE tza_t SET ts = (SELECT tz FROM tza_u), tx = (SELECT tz + interval '1 hour' FROM tza_u) WHERE id = 5"},
		{conn: c, sql: "INSERT INTO tza_t (id, ts, tx) VALUES (6, '2024-03-10 12:00:00+00'::timestamptz, '2024-03-10 12:00:00+00'::timestamptz)"},
		// an untyped literal is read by the column's input function
		{conn: c, sql: "INSERT INTO tza_t (id, ts, tz, d) VALUES (7, '2024-03-10 12:00:00+00', '2024-03-10 12:00:00', '2024-03-10 23:30:00+00')"},
		{conn: c, sql: "INSERT INTO tza_t (id, tz) VALUES (8, '2024-03-10 12:00:00+00') ON CONFLICT (id) DO UPDATE SET ts = EXCLUDED.tz"},
		{conn: c, sql: "INSERT INTO tza_t (id, tz) VALUES (8, '2024-03-10 12:00:00+00') ON CONFLICT (id) DO UPDATE SET ts = EXCLUDED.tz, tx = EXCLUDED.tz"},
		{conn: c, sql: "INSERT INTO tza_t (id, ts, tz, d) SELECT 9, u.tz + interval '1 hour', u.ts + interval '1 hour', date_trunc('day', u.tz) FROM tza_u u"},
		// an interactive transaction applies in its SET LOCAL zone
		{conn: c, sql: "BEGIN"},
		{conn: c, sql: "SET LOCAL TimeZone = 'Asia/Kolkata'"},
		{conn: c, sql: "INSERT INTO tza_t (id, ts, tx) SELECT 10, tz, tz FROM tza_u"},
		{conn: c, sql: "UPDATE tza_t SET tm = u.tz FROM tza_u u WHERE tza_t.id = 10"},
		{conn: c, sql: "SELECT ts::text, tm::text, tx FROM tza_t WHERE id = 10", want: "2024-03-10 17:30:00,17:30:00,2024-03-10 17:30:00+05:30"},
		{conn: c, sql: "COMMIT"},
		{conn: c, sql: "SHOW TimeZone", want: "America/New_York"},
		{conn: cx, sql: "SET TimeZone = 'Asia/Kolkata'"},
	}
	runZoneSteps(ctx, t, steps)
	// a parameter cast to timestamptz (pgx sends a time.Time in binary)
	at := time.Date(2024, 3, 10, 20, 0, 0, 0, time.UTC)
	if _, err := cx.Exec(ctx, "INSERT INTO tza_t (id, ts, d, tx) VALUES (11, $1::timestamptz, $1::timestamptz, $1::timestamptz)", at); err != nil {
		t.Fatal(err)
	}
	if _, err := cx.Exec(ctx, "UPDATE tza_t SET ttz = tz WHERE id = 2"); err != nil {
		t.Fatal(err)
	}
	const sel = "SELECT id, ts::text, tz::text, d::text, tm::text, ttz::text, tx FROM tza_t ORDER BY id"
	stored := "1,2024-03-10 08:00:00,2024-03-10 12:00:00+00,2024-03-10,08:00:00,08:00:00-04,2024-03-10 08:00:00-04" +
		"|2,2024-03-10 12:00:00,2024-03-10 16:00:00+00,2024-03-10,12:00:00,21:30:00+05:30," +
		"|3,2024-03-10 00:00:00,2024-03-10 05:00:00+00,,,," +
		"|4,2024-03-10 08:00:00,2024-03-10 16:00:00+00,2024-03-10,08:00:00,08:00:00-04,2024-03-10 08:00:00-04" +
		"|5,2024-03-10 08:00:00,,,,,2024-03-10 09:00:00-04" +
		"|6,2024-03-10 08:00:00,,,,,2024-03-10 08:00:00-04" +
		"|7,2024-03-10 12:00:00,2024-03-10 16:00:00+00,2024-03-10,,," +
		"|8,2024-03-10 08:00:00,2024-03-10 12:00:00+00,,,,2024-03-10 08:00:00-04" +
		"|9,2024-03-10 09:00:00,2024-03-10 17:00:00+00,2024-03-10,,," +
		"|10,2024-03-10 17:30:00,,,17:30:00,,2024-03-10 17:30:00+05:30" +
		"|11,2024-03-11 01:30:00,,2024-03-11,,,2024-03-11 01:30:00+05:30"
	runZoneSteps(ctx, t, []zoneStep{
		{conn: c, sql: "SET TimeZone = 'UTC'"},
		{conn: c, sql: sel, want: stored},
	})
	if cluster != nil {
		waitReplicasStore(ctx, t, urls, sel, stored)
	}
}

// TestTimestamptzParamAssignment: a parameter the client declares
// timestamptz (in Parse, or PREPARE name(timestamptz)) stored into a
// timestamp, date or text column converts in the session zone too.
func TestTimestamptzParamAssignment(t *testing.T) {
	urls, cluster := e2eCluster(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c := connect(t, urls[0])
	for _, s := range []string{"DROP TABLE IF EXISTS tza_p", "CREATE TABLE tza_p (id int PRIMARY KEY, ts timestamp, d date, tx text, tz timestamptz)", "SET TimeZone = 'America/New_York'"} {
		if _, err := c.Exec(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	pc := c.PgConn()
	if _, err := pc.Prepare(ctx, "tza_p1", "INSERT INTO tza_p VALUES ($1, $2, $3, $4, $5)", []uint32{23, 1184, 1184, 1184, 1184}); err != nil {
		t.Fatal(err)
	}
	v := []byte("2024-03-10 03:30:00+00")
	if r := pc.ExecPrepared(ctx, "tza_p1", [][]byte{[]byte("1"), v, v, v, v}, nil, nil).Read(); r.Err != nil {
		t.Fatal(r.Err)
	}
	if _, err := c.Exec(ctx, "SET TimeZone = 'Asia/Kolkata'"); err != nil {
		t.Fatal(err)
	}
	if r := pc.ExecPrepared(ctx, "tza_p1", [][]byte{[]byte("2"), v, v, v, v}, nil, nil).Read(); r.Err != nil {
		t.Fatal(r.Err)
	}
	runZoneSteps(ctx, t, []zoneStep{
		{conn: c, sql: "PREPARE tza_p2(int, timestamptz) AS INSERT INTO tza_p (id, ts, tx) VALUES ($1, $2, $2)"},
		{conn: c, sql: "EXECUTE tza_p2(3, '2024-03-10 20:00+00')"},
	})
	const sel = "SELECT id::text, ts::text, d::text, tx, (tz = '2024-03-10 03:30:00+00')::text FROM tza_p ORDER BY id"
	stored := "1,2024-03-09 22:30:00,2024-03-09,2024-03-09 22:30:00-05,true" +
		"|2,2024-03-10 09:00:00,2024-03-10,2024-03-10 09:00:00+05:30,true" +
		"|3,2024-03-11 01:30:00,,2024-03-11 01:30:00+05:30,"
	runZoneSteps(ctx, t, []zoneStep{{conn: c, sql: sel, want: stored}})
	if cluster != nil {
		waitReplicasStore(ctx, t, urls, sel, stored)
	}
}

// TestTimestamptzAssignmentDerived: a timestamptz reaching a timestamp,
// date, time or timetz column through a derived table, a UNION or a CTE
// of INSERT ... SELECT converts in the session zone too (it kept the UTC
// fields: the statement does not show those columns' types, so the value
// is recognised by timestamptz's stored form); an untyped literal is
// still read by the column's input function. Every replica stores the
// writer's values; the same results as PostgreSQL 15.
func TestTimestamptzAssignmentDerived(t *testing.T) {
	urls, cluster := e2eCluster(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c := connect(t, withParam(urls[0], "default_query_exec_mode", "simple_protocol"))
	runZoneSteps(ctx, t, []zoneStep{
		{conn: c, sql: "DROP TABLE IF EXISTS tzd_t"},
		{conn: c, sql: "DROP TABLE IF EXISTS tzd_u"},
		{conn: c, sql: "CREATE TABLE tzd_u (id int PRIMARY KEY, tz timestamptz, ts timestamp)"},
		{conn: c, sql: "INSERT INTO tzd_u VALUES (1, '2024-03-10 12:00:00+00', '2024-03-10 12:00:00')"},
		{conn: c, sql: "CREATE TABLE tzd_t (id int PRIMARY KEY, ts timestamp, d date, tm time, ttz timetz, tz timestamptz)"},
		{conn: c, sql: "SET TimeZone = 'America/New_York'"},
		{conn: c, sql: "INSERT INTO tzd_t SELECT 1, x, x, x, x, x FROM (SELECT tz AS x FROM tzd_u) s"},
		{conn: c, sql: "INSERT INTO tzd_t (id, ts, d) SELECT 2, s.x, s.x FROM (SELECT tz + interval '1 hour' AS x FROM tzd_u) s"},
		{conn: c, sql: "INSERT INTO tzd_t (id, ts, tm) SELECT 3, tz, tz FROM tzd_u UNION ALL SELECT 4, ts, ts FROM tzd_u"},
		{conn: c, sql: "INSERT INTO tzd_t SELECT 5, tz, tz FROM tzd_u UNION SELECT 6, tz, tz FROM tzd_u"},
		{conn: c, sql: "INSERT INTO tzd_t (id, ts, ttz) WITH w AS (SELECT tz FROM tzd_u) SELECT 7, tz, tz FROM w"},
		{conn: c, sql: "INSERT INTO tzd_t WITH w AS (SELECT tz AS y FROM tzd_u) SELECT 8, y, y FROM w"},
		{conn: c, sql: "INSERT INTO tzd_t (id, ts) SELECT 9, CASE WHEN id > 0 THEN tz END FROM tzd_u"},
		{conn: c, sql: "INSERT INTO tzd_t (id, ts, d) SELECT 10, '2024-03-10 12:00:00+00', '2024-03-10 23:30:00+00'"},
		{conn: c, sql: "INSERT INTO tzd_t (id, ts) SELECT 11, x FROM (SELECT ts AS x FROM tzd_u) s"},
	})
	const sel = "SELECT id, ts::text, d::text, tm::text, ttz::text, tz::text FROM tzd_t ORDER BY id"
	stored := "1,2024-03-10 08:00:00,2024-03-10,08:00:00,08:00:00-04,2024-03-10 12:00:00+00" +
		"|2,2024-03-10 09:00:00,2024-03-10,,," +
		"|3,2024-03-10 08:00:00,,08:00:00,," +
		"|4,2024-03-10 12:00:00,,12:00:00,," +
		"|5,2024-03-10 08:00:00,2024-03-10,,," +
		"|6,2024-03-10 08:00:00,2024-03-10,,," +
		"|7,2024-03-10 08:00:00,,,08:00:00-04," +
		"|8,2024-03-10 08:00:00,2024-03-10,,," +
		"|9,2024-03-10 08:00:00,,,," +
		"|10,2024-03-10 12:00:00,2024-03-10,,," +
		"|11,2024-03-10 12:00:00,,,,"
	runZoneSteps(ctx, t, []zoneStep{
		{conn: c, sql: "SET TimeZone = 'UTC'"},
		{conn: c, sql: sel, want: stored},
	})
	if cluster != nil {
		waitReplicasStore(ctx, t, urls, sel, stored)
	}
}
