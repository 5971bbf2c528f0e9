package pgdialect

import "testing"

// TestIntervalTypmod: interval typmods in casts and typed literals, each
// case as PostgreSQL 15 answers it (AdjustIntervalForTypmod and the
// input rule of DecodeInterval; interval_typmod.go).
func TestIntervalTypmod(t *testing.T) {
	db := openCatalogDB(t, "")
	for _, c := range []struct{ q, want string }{
		{"SELECT '1.23456 sec'::interval(3)", "00:00:01.235"},
		{"SELECT '-1.23456 sec'::interval(3)", "-00:00:01.235"},
		{"SELECT '0.5 sec'::interval(0)", "00:00:01"},
		{"SELECT '-0.5 sec'::interval(0)", "-00:00:01"},
		{"SELECT '1.5 sec'::interval(0)", "00:00:02"},
		{"SELECT '2.5 sec'::interval(0)", "00:00:03"},
		{"SELECT '1 day 01:02:03.456789'::interval(6)", "1 day 01:02:03.456789"},
		{"SELECT '1 day 01:02:03.456789'::interval(1)", "1 day 01:02:03.5"},
		{"SELECT interval '1 year 2 months 3 days' year to month", "1 year 2 mons"},
		{"SELECT interval '1 year 14 months 3 days 04:05:06' year", "2 years"},
		{"SELECT interval '1 year 14 months 3 days 04:05:06' month", "2 years 2 mons"},
		{"SELECT interval '1 year 2 months 3 days 04:05:06' day", "1 year 2 mons 3 days"},
		{"SELECT interval '1 year 2 months 3 days 04:05:06.789' hour", "1 year 2 mons 3 days 04:00:00"},
		{"SELECT interval '1 year 2 months 3 days 04:05:06.789' minute", "1 year 2 mons 3 days 04:05:00"},
		{"SELECT interval '1 year 2 months 3 days 04:05:06.789' second", "1 year 2 mons 3 days 04:05:06.789"},
		{"SELECT interval '1 year 2 months 3 days 04:05:06.789' day to hour", "1 year 2 mons 3 days 04:00:00"},
		{"SELECT interval '1 year 2 months 3 days 04:05:06.789' day to minute", "1 year 2 mons 3 days 04:05:00"},
		{"SELECT interval '1 year 2 months 3 days 04:05:06.789' day to second", "1 year 2 mons 3 days 04:05:06.789"},
		{"SELECT interval '1 year 2 months 3 days 04:05:06.789' hour to minute", "1 year 2 mons 3 days 04:05:00"},
		{"SELECT interval '1 year 2 months 3 days 04:05:06.789' hour to second", "1 year 2 mons 3 days 04:05:06.789"},
		{"SELECT interval '1 year 2 months 3 days 04:05:06.789' minute to second", "1 year 2 mons 3 days 04:05:06.789"},
		{"SELECT interval '3 days 04:05:06.789' day to second(1)", "3 days 04:05:06.8"},
		{"SELECT interval '04:05:06.789' second(2)", "04:05:06.79"},
		{"SELECT interval '-04:05:06.789' hour", "-04:00:00"},
		{"SELECT interval '-04:05:06.789' minute", "-04:05:00"},
		{"SELECT interval '1' day", "1 day"},
		{"SELECT interval '1' year", "1 year"},
		{"SELECT interval '1' month", "1 mon"},
		{"SELECT interval '1' hour", "01:00:00"},
		{"SELECT interval '1' minute", "00:01:00"},
		{"SELECT interval '1' second", "00:00:01"},
		{"SELECT interval '1' year to month", "1 mon"},
		{"SELECT interval '1' day to hour", "01:00:00"},
		{"SELECT interval '1' day to minute", "00:01:00"},
		{"SELECT interval '1' day to second", "00:00:01"},
		{"SELECT interval '1' hour to minute", "00:01:00"},
		{"SELECT interval '1' minute to second", "00:00:01"},
		{"SELECT interval '1.5' day", "1 day"},
		{"SELECT interval '1:30' hour to minute", "01:30:00"},
		{"SELECT interval '1:30' minute to second", "00:01:30"},
		{"SELECT interval '1:30' hour to second", "01:30:00"},
		{"SELECT interval '1:30' day to second", "01:30:00"},
		{"SELECT interval '1:30:45' minute to second", "01:30:45"},
		{"SELECT interval '2 1:30' day to minute", "2 days 01:30:00"},
		{"SELECT '1 day 02:03:04.5'::interval day to second", "1 day 02:03:04.5"},
		{"SELECT '1 day 02:03:04.5'::interval hour", "1 day 02:00:00"},
		{"SELECT CAST('1 day 02:03:04.5' AS interval minute)", "1 day 02:03:00"},
		{"SELECT CAST('30 hours 10 minutes' AS interval day to hour)", "30:00:00"},
		{"SELECT '1.23456 sec'::interval second(3)", "00:00:01.235"},
		{"SELECT '5'::interval hour", "05:00:00"},
		{"SELECT '1 year 5 months'::interval year", "1 year"},
		{"SELECT '-1 year -5 months'::interval year", "-1 years"},
		{"SELECT '1 day'::interval(3) = '24 hours'::interval", "t"},
		{"SELECT '1.0004 sec'::interval(3) = '1 sec'::interval", "t"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
}
