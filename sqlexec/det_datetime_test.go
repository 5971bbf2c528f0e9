package sqlexec

import (
	"context"
	"path/filepath"
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
