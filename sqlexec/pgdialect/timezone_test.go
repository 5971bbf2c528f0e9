package pgdialect

import (
	"testing"
	"time"
)

// TestInDateTimeInZone: timestamptz input without a zone is wall-clock
// time in the session zone, resolved at DST transitions as PostgreSQL 15
// resolves them (values checked against it).
func TestInDateTimeInZone(t *testing.T) {
	now := time.Date(2024, 6, 15, 22, 30, 0, 0, time.UTC)
	cases := []struct{ zone, typ, in, want string }{
		{"Europe/Paris", "timestamptz", "2024-01-01 10:00", "2024-01-01 09:00:00+00"},
		{"Europe/Paris", "timestamptz", "2024-07-01 10:00", "2024-07-01 08:00:00+00"},
		{"Europe/Paris", "timestamptz", "2024-01-01 10:00+00", "2024-01-01 10:00:00+00"},
		{"Europe/Paris", "timestamptz", "2024-03-31 02:30", "2024-03-31 01:30:00+00"},     // gap
		{"America/New_York", "timestamptz", "2024-03-10 02:30", "2024-03-10 07:30:00+00"}, // gap
		{"America/New_York", "timestamptz", "2024-11-03 01:30", "2024-11-03 06:30:00+00"}, // overlap
		{"America/New_York", "timestamptz", "2024-01-01 10:00 Europe/Paris", "2024-01-01 09:00:00+00"},
		{"Europe/Paris", "timestamp", "2024-01-01 10:00", "2024-01-01 10:00:00"},
		{"Asia/Tokyo", "date", "today", "2024-06-16"},
		{"Asia/Tokyo", "timestamptz", "today", "2024-06-15 15:00:00+00"},
		{"UTC", "timestamptz", "today", "2024-06-15 00:00:00+00"},
		{"Asia/Tokyo", "timestamptz", "now", "2024-06-15 22:30:00+00"},
	}
	for _, c := range cases {
		loc, _, err := LoadZone(c.zone)
		if err != nil {
			t.Fatal(err)
		}
		got, err := InDateTimeIn(c.typ, c.in, -1, now, loc)
		if err != nil || got != c.want {
			t.Errorf("%s %s in %s: got %v, %v; want %s", c.typ, c.in, c.zone, got, err, c.want)
		}
	}
}

func TestLoadZone(t *testing.T) {
	for in, want := range map[string]string{"europe/paris": "Europe/Paris", "UTC": "UTC", "utc": "UTC", "America/New_York": "America/New_York", "GMT": "UTC"} {
		if _, got, err := LoadZone(in); err != nil || got != want {
			t.Errorf("LoadZone(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"Nowhere", "", "../../etc/passwd", "/etc/localtime", "Europe/Nowhere", "CET x"} {
		if _, _, err := LoadZone(in); err == nil {
			t.Errorf("LoadZone(%q) accepted", in)
		} else if code, _, _ := ParseSQLStateError(err.Error()); code != "22023" {
			t.Errorf("LoadZone(%q): %v", in, err)
		}
	}
}
