package sqlexec

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDateTimeInputPinned: the column-type input functions and the time
// casts resolve 'now' & co. to the entry's pinned time whatever the node's
// clock, are accepted in writes, and the operators and functions over the
// stored values give the same result on every node.
func TestDateTimeInputPinned(t *testing.T) {
	pinned := time.Date(2024, 2, 29, 23, 30, 0, 123456000, time.UTC)
	stmts := []string{
		"CREATE TABLE d(a, b, c, e, f, g, h)",
		"INSERT INTO d VALUES (pg_in_date('today', -1), pg_in_timestamptz('now', -1), pg_in_timestamp('now', 0), pg_in_time('now', -1), pg_cast_timetz('now'), pg_in_interval('1.5 days', -1), " +
			"pg_dt_add(pg_in_date('tomorrow', -1), 'date', pg_in_interval('1 month', -1), 'interval'))",
	}
	got := applyOnClocks(t, pinned, stmts, "SELECT a || '|' || b || '|' || c || '|' || e || '|' || f || '|' || g || '|' || h FROM d")
	for _, f := range []string{"pg_in_date", "pg_in_time", "pg_in_timetz", "pg_in_timestamp", "pg_in_timestamptz", "pg_in_interval",
		"pg_cast_time", "pg_cast_timetz", "pg_cast_interval", "pg_dt_add", "pg_dt_sub", "pg_dt_mul", "pg_dt_div", "pg_dt_cmp",
		"date_trunc", "pg_extract", "date_part", "age", "make_date", "make_time", "make_timestamp", "make_timestamptz",
		"make_interval", "justify_days", "justify_hours", "justify_interval", "timezone", "pg_to_char", "to_date", "to_timestamp"} {
		if !writeFunctionAllowed(f) {
			t.Errorf("%s is not allowed in writes", f)
		}
	}
	want := "2024-02-29|2024-02-29 23:30:00.123456+00|2024-02-29 23:30:00|23:30:00.123456|23:30:00.123456+00|1 day 12:00:00|2024-04-01 00:00:00"
	for _, g := range got {
		if g != want {
			t.Errorf("stored %q, want %q", g, want)
		}
	}
}

// applyOnClocks applies stmts (entries pinned at pinned) on two fresh
// databases whose wall clocks differ (and from pinned), and returns the
// first column of query's row on each.
func applyOnClocks(t *testing.T, pinned time.Time, stmts []string, query string) []string {
	t.Helper()
	var got []string
	for i, wall := range []time.Time{time.Date(2030, 1, 1, 5, 0, 0, 0, time.UTC), time.Date(2001, 6, 1, 23, 59, 0, 0, time.FixedZone("X", 5*3600))} {
		clock := func() time.Time { return wall }
		db, err := Open(context.Background(), filepath.Join(t.TempDir(), "s.db"), Options{ReadConns: 1, Clock: clock})
		if err != nil {
			t.Fatal(err)
		}
		for k, s := range stmts {
			mustApply(t, db, uint64(k+1), cmdOf(pinned.UnixMicro(), 7, byte(k+1), s))
		}
		var row string
		err = db.withReader(context.Background(), func(c *lconn) error {
			st, _, err := c.prepare(query)
			if err != nil {
				return err
			}
			defer st.finalize()
			_, err = st.run(nil, func(r []any) error { row = r[0].(string); return nil })
			return err
		})
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, row)
		t.Logf("node %d: %s", i, row)
	}
	return got
}

// TestStringLiteralTimestamptzInSessionZone: a zoneless timestamptz
// literal is read in the session's zone on every write path, also when
// the column conversion carries the string-literal marker (pg_in_col of
// five arguments must be the zoned one, not the UTC fallback).
func TestStringLiteralTimestamptzInSessionZone(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE tzl (id int, a timestamptz)", "")
	mustQ(t, s, "SET TIME ZONE 'Asia/Tokyo'", "")
	mustQ(t, s, "INSERT INTO tzl VALUES (1, '2024-01-01 09:00')", "")
	mustQ(t, s, "INSERT INTO tzl (id, a) VALUES (2, '2024-01-01 09:00')", "")
	mustQ(t, s, "INSERT INTO tzl (id, a) SELECT 3, '2024-01-01 09:00'", "")
	mustQ(t, s, "UPDATE tzl SET a = '2024-01-01 09:00' WHERE id = 3", "")
	mustQ(t, s, "SET TIME ZONE 'UTC'", "")
	got, err := q(t, s, "SELECT count(*) FROM tzl WHERE a = '2024-01-01 00:00:00+00'")
	if err != nil || !strings.Contains(got, "R[3]") {
		t.Fatalf("rows stored at 00:00 UTC: %s, %v; want 3", got, err)
	}
}
