package sqlexec

import "testing"

// TestTimestamptzAssignment: a timestamptz stored into a timestamp, date,
// time, timetz or text column without a cast converts in the session zone
// (PostgreSQL's assignment cast), through INSERT ... SELECT, VALUES, UPDATE
// ... SET (also from a scalar subquery), ON CONFLICT DO UPDATE and inside a
// transaction with SET LOCAL; a replica replaying the log stores the same.
// Expected values checked with PostgreSQL 15.
func TestTimestamptzAssignment(t *testing.T) {
	e, f := newTestEngine(t)
	s, utc := newSess(t, e), newSess(t, e)
	mustQ(t, s, "CREATE TABLE u (id int PRIMARY KEY, tz timestamptz, ts timestamp, d date)", "")
	mustQ(t, s, "INSERT INTO u VALUES (1, '2024-03-10 12:00:00+00', '2024-03-10 12:00:00', '2024-03-10')", "")
	mustQ(t, s, "CREATE TABLE t (id int PRIMARY KEY, ts timestamp, tz timestamptz, d date, tm time, ttz timetz, tx text)", "")
	mustQ(t, s, "SET TimeZone = 'America/New_York'", "")
	for _, sql := range []string{
		"INSERT INTO t (id, ts, tz, d, tm, ttz, tx) SELECT 1, tz, tz, tz, tz, tz, tz FROM u",
		"INSERT INTO t (id, ts, tz, d, tm) SELECT 2, ts, ts, ts, ts FROM u",
		"INSERT INTO t (id, ts, tz) SELECT 3, d, d FROM u",
		"INSERT INTO t (id) VALUES (4)",
		"UPDATE t SET ts = u.tz, tz = u.ts, d = u.tz, tm = u.tz, ttz = u.tz, tx = u.tz FROM u WHERE t.id = 4",
		"INSERT INTO t (id) VALUES (5)",
		"UPDATE t SET ts = (SELECT tz FROM u), tx = (SELECT tz + interval '1 hour' FROM u) WHERE id = 5",
		"INSERT INTO t (id, ts, tx) VALUES (6, '2024-03-10 12:00:00+00'::timestamptz, '2024-03-10 12:00:00+00'::timestamptz)",
		"INSERT INTO t (id, ts, tz, d) VALUES (7, '2024-03-10 12:00:00+00', '2024-03-10 12:00:00', '2024-03-10 23:30:00+00')",
		"INSERT INTO t (id, tz) VALUES (8, '2024-03-10 12:00:00+00') ON CONFLICT (id) DO UPDATE SET ts = EXCLUDED.tz",
		"INSERT INTO t (id, tz) VALUES (8, '2024-03-10 12:00:00+00') ON CONFLICT (id) DO UPDATE SET ts = EXCLUDED.tz, tx = EXCLUDED.tz",
		"INSERT INTO t (id, ts, tz, d) SELECT 9, u.tz + interval '1 hour', u.ts + interval '1 hour', date_trunc('day', u.tz) FROM u",
		"BEGIN; SET LOCAL TimeZone = 'Asia/Kolkata'; INSERT INTO t (id, ts, tx) SELECT 10, tz, tz FROM u; COMMIT",
	} {
		mustQ(t, s, sql, "")
	}
	got, _ := q(t, utc, "SELECT id, ts::text, tz::text, d::text, tm::text, ttz::text, tx FROM t ORDER BY id")
	want := "D[id:23,ts:25,tz:25,d:25,tm:25,ttz:25,tx:25]" +
		" R[1 2024-03-10 08:00:00 2024-03-10 12:00:00+00 2024-03-10 08:00:00 08:00:00-04 2024-03-10 08:00:00-04]" +
		" R[2 2024-03-10 12:00:00 2024-03-10 16:00:00+00 2024-03-10 12:00:00 <nil> <nil>]" +
		" R[3 2024-03-10 00:00:00 2024-03-10 05:00:00+00 <nil> <nil> <nil> <nil>]" +
		" R[4 2024-03-10 08:00:00 2024-03-10 16:00:00+00 2024-03-10 08:00:00 08:00:00-04 2024-03-10 08:00:00-04]" +
		" R[5 2024-03-10 08:00:00 <nil> <nil> <nil> <nil> 2024-03-10 09:00:00-04]" +
		" R[6 2024-03-10 08:00:00 <nil> <nil> <nil> <nil> 2024-03-10 08:00:00-04]" +
		" R[7 2024-03-10 12:00:00 2024-03-10 16:00:00+00 2024-03-10 <nil> <nil> <nil>]" +
		" R[8 2024-03-10 08:00:00 2024-03-10 12:00:00+00 <nil> <nil> <nil> 2024-03-10 08:00:00-04]" +
		" R[9 2024-03-10 09:00:00 2024-03-10 17:00:00+00 2024-03-10 <nil> <nil> <nil>]" +
		" R[10 2024-03-10 17:30:00 <nil> <nil> <nil> <nil> 2024-03-10 17:30:00+05:30]" +
		" C:SELECT 10"
	if got != want {
		t.Fatalf("stored:\n got %s\nwant %s", got, want)
	}

	checkReplay(t, e, f) // timezone_test.go
}
