package pgdialect

import (
	"database/sql/driver"
	"strings"
	"testing"
)

// TestWindowRangeErrors: PostgreSQL's errors for RANGE offsets, and the
// offsets this translation refuses, found before SQLite runs anything.
func TestWindowRangeErrors(t *testing.T) {
	for _, c := range []struct{ sql, code string }{
		{"SELECT sum(q) OVER (ORDER BY ts RANGE BETWEEN interval '-1 day' PRECEDING AND CURRENT ROW) FROM s", "22013"},
		{"SELECT sum(q) OVER (ORDER BY n RANGE BETWEEN CURRENT ROW AND -1 FOLLOWING) FROM s", "22013"},
		{"SELECT sum(q) OVER (ORDER BY ts, id RANGE BETWEEN interval '1 day' PRECEDING AND CURRENT ROW) FROM s", "42P20"},
		{"SELECT sum(q) OVER (RANGE 1 PRECEDING) FROM s", "42P20"},
		{"SELECT sum(q) OVER (ORDER BY ts RANGE BETWEEN interval '1 month' PRECEDING AND CURRENT ROW) FROM s", "0A000"},
		{"SELECT sum(q) OVER w FROM s WINDOW w AS (ORDER BY ts RANGE interval '1 year' PRECEDING)", "0A000"},
	} {
		_, err := Translate(c.sql)
		if e, ok := err.(*Error); !ok || e.Code != c.code {
			t.Errorf("%s: got %v, want %s", c.sql, err, c.code)
		}
	}
}

// TestWindowRangeRewrite: the key becomes pg_range_key and the offset its
// number (microseconds; the number scaled by its decimal places).
func TestWindowRangeRewrite(t *testing.T) {
	for _, c := range []struct{ sql, want string }{
		{"SELECT sum(q) OVER (ORDER BY ts RANGE BETWEEN interval '1 day 2 hours' PRECEDING AND '30 minutes'::interval FOLLOWING) FROM s",
			"RANGE BETWEEN 93600000000  PRECEDING AND 1800000000  FOLLOWING"},
		{"SELECT sum(q) OVER (ORDER BY n DESC RANGE BETWEEN 1.25 PRECEDING AND 3 FOLLOWING) FROM s", "RANGE BETWEEN 125  PRECEDING AND 300  FOLLOWING"},
	} {
		st, err := Translate(c.sql)
		if err != nil {
			t.Fatalf("%s: %v", c.sql, err)
		}
		got := strings.Join(st.Exec, ";")
		if !strings.Contains(got, "pg_range_key(") || !strings.Contains(got, c.want) {
			t.Errorf("%s:\n got %s\nwant it to contain %s", c.sql, got, c.want)
		}
	}
}

// TestRangeKey: pg_range_key's keys, and its refusals where no fixed
// offset is PostgreSQL's frame.
func TestRangeKey(t *testing.T) {
	ny, err := loadZone("America/New_York") // the embedded tz database: present everywhere
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []driver.Value
		want driver.Value
		code string
	}{
		{[]driver.Value{"2024-01-02", "date", "", "interval", int64(0)}, int64(1704153600000000), ""},
		{[]driver.Value{"2024-01-02 00:00:01.5", "timestamp", "", "interval", int64(0)}, int64(1704153601500000), ""},
		{[]driver.Value{"2024-03-12 16:00:00+00", "timestamptz", "", "interval", int64(0), "1 day"}, int64(1710259200000000), ""},
		// 2024-03-10 16:00+00 minus one New York day is 17:00+00 the day before
		{[]driver.Value{"2024-03-10 16:00:00+00", "timestamptz", "", "interval", int64(0), "1 day"}, nil, "0A000"},
		{[]driver.Value{int64(3), "", "int4", "interval", int64(0)}, nil, "0A000"},
		{[]driver.Value{"3.25", "", "numeric", "number", int64(2)}, int64(325), ""},
		{[]driver.Value{"3.25", "", "numeric", "number", int64(1)}, nil, "0A000"},
		{[]driver.Value{int64(7), "", "int4", "number", int64(0)}, int64(7), ""},
		{[]driver.Value{int64(7), "", "int4", "number", int64(1)}, nil, "0A000"},
		{[]driver.Value{2.5, "", "float8", "number", int64(0)}, 2.5, ""},
		{[]driver.Value{"2024-01-02", "date", "", "number", int64(0)}, nil, "0A000"},
		{[]driver.Value{nil, "date", "", "interval", int64(0)}, nil, ""},
	} {
		got, err := rangeKeyIn(c.args, ny)
		if c.code != "" {
			if err == nil || !strings.HasPrefix(err.Error(), ErrMarker+c.code+":") {
				t.Errorf("%v: got %v, %v; want %s", c.args, got, err, c.code)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%v: got %v, %v; want %v", c.args, got, err, c.want)
		}
	}
}
