package pgdialect

import (
	"strings"
	"testing"
)

// The current date/time keywords and date(x) translate to the session-zone
// casts; date(x, modifier) stays SQLite's.
func TestLocalNowTranslation(t *testing.T) {
	for _, c := range []struct{ sql, has, hasNot, name string }{
		{"SELECT current_date", currentDateSQL, "", `"current_date"`},
		{"SELECT localtimestamp", localTimestampSQL, "", `"localtimestamp"`},
		{"SELECT localtime", localTimeSQL, "", `"localtime"`},
		{"SELECT current_time", currentTimeSQL, "", `"current_time"`},
		{"SELECT date(ts) FROM t", "pg_cast_date(pg_tstz_local(pg_dt_cast_from(ts", "", `AS "date"`},
		{"SELECT date(date(ts)) AS y FROM t", "pg_cast_date(pg_cast_date(", "date(", ""},
		{"SELECT date(ts, '+1 day') FROM t", "date(ts, '+1 day')", "pg_cast_date", ""},
		{"SELECT (ts + interval '1 hour')::date FROM t", "'auto'", "", ""},
		{"SELECT ts::timetz FROM t", "pg_tstz_timetz(pg_dt_cast_from(ts", "", ""},
	} {
		st, err := Translate(c.sql)
		if err != nil {
			t.Fatalf("%s: %v", c.sql, err)
		}
		got := strings.Join(st.Exec, ";")
		if !strings.Contains(got, c.has) || c.name != "" && !strings.Contains(got, c.name) {
			t.Errorf("%s: got %s, want %s and %s", c.sql, got, c.has, c.name)
		}
		if c.hasNot != "" && strings.Contains(strings.ReplaceAll(got, "pg_cast_date(", ""), c.hasNot) {
			t.Errorf("%s: got %s, want no %s", c.sql, got, c.hasNot)
		}
	}
	for _, d := range []string{currentDateSQL, localTimestampSQL, localTimeSQL, currentTimeSQL} {
		if localNowKeyword(d) == "" {
			t.Errorf("%s: no keyword", d)
		}
	}
}
