package pgdialect

import (
	"database/sql/driver"
	"fmt"
	"testing"
	"time"
)

// TestZonedFunctions: the session-TimeZone-dependent functions against
// values checked with PostgreSQL 15 (stored forms: timestamptz in UTC).
func TestZonedFunctions(t *testing.T) {
	fns := map[string]func([]driver.Value, *time.Location) (driver.Value, error){}
	for _, z := range ZonedFunctions {
		fns[z.Name] = z.F
	}
	cases := []struct {
		zone, fn string
		args     []driver.Value
		want     string
	}{
		{"America/New_York", "date_trunc", []driver.Value{"day", "2024-03-10 12:00:00+00"}, "2024-03-10 05:00:00+00"},
		{"America/New_York", "date_trunc", []driver.Value{"hour", "2024-11-03 05:30:00+00"}, "2024-11-03 05:00:00+00"},
		{"America/New_York", "date_trunc", []driver.Value{"hour", "2024-11-03 06:30:00+00"}, "2024-11-03 06:00:00+00"},
		{"America/New_York", "date_trunc", []driver.Value{"day", "2024-11-03 12:30:00+00"}, "2024-11-03 04:00:00+00"},
		{"America/New_York", "date_trunc", []driver.Value{"month", "2024-03-01 02:00:00+00"}, "2024-02-01 05:00:00+00"},
		{"America/New_York", "date_trunc", []driver.Value{"week", "2024-03-11 02:00:00+00"}, "2024-03-04 05:00:00+00"},
		{"America/New_York", "date_trunc", []driver.Value{"day", "2024-03-10"}, "2024-03-10 05:00:00+00"},
		{"America/New_York", "date_trunc", []driver.Value{"day", "2024-03-10 12:00:00"}, "2024-03-10 00:00:00"},
		{"America/New_York", "date_trunc", []driver.Value{"day", "2024-03-10 12:00:00+00", "Europe/Paris"}, "2024-03-09 23:00:00+00"},
		{"America/New_York", "date_trunc", []driver.Value{"day", "2024-03-10 12:00:00", "UTC"}, "2024-03-10 00:00:00+00"},
		{"America/New_York", "date_trunc", []driver.Value{"day", "2024-03-10 12:00:00+00", "+05"}, "2024-03-10 05:00:00+00"},
		{"Asia/Kolkata", "date_trunc", []driver.Value{"hour", "2024-01-01 00:10:00+00"}, "2023-12-31 23:30:00+00"},
		{"UTC", "date_trunc", []driver.Value{"day", "2024-03-10 12:00:00+00"}, "2024-03-10 00:00:00+00"},
		{"America/New_York", "pg_extract", []driver.Value{"hour", "2024-03-10 12:00:00+00"}, "8"},
		{"America/New_York", "pg_extract", []driver.Value{"timezone", "2024-03-11 04:00:00+00"}, "-14400"},
		{"Asia/Kolkata", "pg_extract", []driver.Value{"timezone_minute", "2024-03-11 04:00:00+00"}, "30"},
		{"America/New_York", "pg_extract", []driver.Value{"epoch", "2024-03-10 12:00:00+00"}, "1710072000.000000"},
		{"America/New_York", "date_part", []driver.Value{"day", "2024-03-10 03:00:00+00"}, "9"},
		{"America/New_York", "pg_to_char", []driver.Value{"2024-03-10 03:00:00+00", "YYYY-MM-DD HH24:MI TZ OF"}, "2024-03-09 22:00 EST -05"},
		{"Asia/Kolkata", "pg_to_char", []driver.Value{"2024-07-01 12:00:00+00", "HH24:MI TZ OF"}, "17:30 IST +05:30"},
		{"America/New_York", "pg_tstz_local", []driver.Value{"2024-03-10 03:00:00+00", "timestamptz"}, "2024-03-09 22:00:00"},
		{"America/New_York", "pg_tstz_local", []driver.Value{"2024-03-10 03:00:00+00", "text"}, "2024-03-10 03:00:00+00"},
		{"America/New_York", "pg_dt_add", []driver.Value{"2024-03-09 17:00:00+00", "timestamptz", "1 day", "interval"}, "2024-03-10 16:00:00+00"},
		{"America/New_York", "pg_dt_add", []driver.Value{"2024-03-09 17:00:00+00", "timestamptz", "24 hours", "interval"}, "2024-03-10 17:00:00+00"},
		{"America/New_York", "pg_dt_add", []driver.Value{"2024-10-31 16:00:00+00", "timestamptz", "1 mon", "interval"}, "2024-11-30 17:00:00+00"},
		{"America/New_York", "pg_dt_add", []driver.Value{"2024-03-10", "date", "1 day", "interval"}, "2024-03-11 00:00:00"},
		{"America/New_York", "pg_dt_sub", []driver.Value{"2024-03-11 16:00:00+00", "timestamptz", "1 day", "interval"}, "2024-03-10 16:00:00+00"},
		{"America/New_York", "age", []driver.Value{"2024-03-11 04:00:00+00", "2024-03-09 05:00:00+00"}, "2 days"},
		{"America/New_York", "pg_text", []driver.Value{"2024-03-10 12:00:00+00", "timestamp with time zone"}, "2024-03-10 08:00:00-04"},
		// a date beside a timestamptz is the session zone's midnight
		{"America/New_York", "pg_dt_cmp", []driver.Value{"2024-06-01", "date", "2024-06-01 04:00:00+00", "timestamptz"}, "0"},
		{"America/New_York", "pg_dt_cmp", []driver.Value{"2024-06-01 03:00:00+00", "timestamptz", "2024-06-01", "date"}, "-1"},
		{"America/Santiago", "pg_dt_cmp", []driver.Value{"2024-09-08", "date", "2024-09-08 04:00:00+00", "timestamptz"}, "0"},
		{"America/New_York", "pg_dt_sub", []driver.Value{"2024-06-01 04:00:00+00", "timestamptz", "2024-06-01", "date"}, "00:00:00"},
		{"America/New_York", "pg_dt_sub", []driver.Value{"2024-06-01", "date", "2024-06-01", "date"}, "0"},
		{"America/New_York", "pg_date_as", []driver.Value{"2024-06-01", "timestamptz"}, "2024-06-01 04:00:00+00"},
		{"America/New_York", "pg_date_as", []driver.Value{"2024-06-01", "timestamp"}, "2024-06-01 00:00:00"},
		{"America/New_York", "pg_date_as", []driver.Value{"2024-06-01", "date"}, "2024-06-01"},
		// fields without a zone are the session zone's wall clock
		{"America/New_York", "to_timestamp", []driver.Value{"2024-05-06 07:08", "YYYY-MM-DD HH24:MI"}, "2024-05-06 11:08:00+00"},
		{"America/New_York", "to_timestamp", []driver.Value{int64(1700000000)}, "2023-11-14 22:13:20+00"},
		{"America/New_York", "make_timestamptz", []driver.Value{int64(2024), int64(3), int64(10), int64(2), int64(30), int64(0)}, "2024-03-10 07:30:00+00"},
		{"America/New_York", "make_timestamptz", []driver.Value{int64(2024), int64(11), int64(3), int64(1), int64(30), int64(0)}, "2024-11-03 06:30:00+00"},
		{"America/New_York", "make_timestamptz", []driver.Value{int64(2024), int64(7), int64(1), int64(12), int64(0), int64(0), "UTC"}, "2024-07-01 12:00:00+00"},
	}
	for _, c := range cases {
		loc, _, err := LoadZone(c.zone)
		if err != nil {
			t.Fatal(err)
		}
		got, err := fns[c.fn](c.args, loc)
		if err != nil || fmt.Sprint(got) != c.want {
			t.Errorf("%s%v in %s = %v, %v; want %s", c.fn, c.args, c.zone, got, err, c.want)
		}
	}
}

// TestLoadZoneForms: SET TimeZone's forms as PostgreSQL 15 reads and
// shows them, and the offsets they give.
func TestLoadZoneForms(t *testing.T) {
	summer, winter := time.Date(2024, 7, 1, 12, 0, 0, 0, time.UTC), time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		in, show   string
		sOff, wOff int // hours east, summer and winter (seconds/36 for :30)
	}{
		{"-8", "<-08>+08", -800, -800},
		{"5.5", "<+05:30>-05:30", 550, 550},
		{"+3", "<+03>-03", 300, 300},
		{"interval -08:00 hour to minute", "<-08>+08", -800, -800},
		{"interval +05:30", "<+05:30>-05:30", 550, 550},
		{"+05:30", "+05:30", -550, -550},
		{"UTC+3", "UTC+3", -300, -300},
		{"UTC-3", "UTC-3", 300, 300},
		{"<+03>-3", "<+03>-3", 300, 300},
		{"EST5EDT", "EST5EDT", -400, -500},
		{"XYZ3ABC", "XYZ3ABC", -200, -300},
		{"EST5EDT,M3.2.0,M11.1.0", "EST5EDT,M3.2.0,M11.1.0", -400, -500},
		{"UTC+3:30", "UTC+3:30", -350, -350},
		{"EST", "EST", -500, -500},
		{"europe/paris", "Europe/Paris", 200, 100},
		{"US/Eastern", "US/Eastern", -400, -500},
		{"Etc/GMT+5", "Etc/GMT+5", -500, -500},
	}
	for _, c := range cases {
		loc, show, err := LoadZone(c.in)
		if err != nil || show != c.show {
			t.Errorf("LoadZone(%q) = %q, %v; want %q", c.in, show, err, c.show)
			continue
		}
		_, s := summer.In(loc).Zone()
		_, w := winter.In(loc).Zone()
		if s/36 != c.sOff || w/36 != c.wOff {
			t.Errorf("LoadZone(%q): offsets %d, %d; want %d, %d", c.in, s/36, w/36, c.sOff, c.wOff)
		}
		if again, show2, err := LoadZone(show); err != nil || show2 != show || again.String() != loc.String() {
			t.Errorf("LoadZone(%q) (the shown name of %q) = %q, %v", show, c.in, show2, err)
		}
	}
	for _, in := range []string{"PST", "Foo", "abc", "America/New York", "Z", "Local", "interval 1 day", "interval 1 mon", "../etc/passwd", "", " UTC+3", "UTC+3,", "<+03"} {
		if _, _, err := LoadZone(in); err == nil {
			t.Errorf("LoadZone(%q) accepted", in)
		} else if code, _, _ := ParseSQLStateError(err.Error()); code != "22023" {
			t.Errorf("LoadZone(%q): %v", in, err)
		}
	}
}
