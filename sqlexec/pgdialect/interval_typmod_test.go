package pgdialect

import (
	"strings"
	"testing"
)

// TestIntervalTypmod: interval typmods in casts and typed literals, each
// case as PostgreSQL 15 answers it (AdjustIntervalForTypmod and the
// input rule of DecodeInterval; interval_typmod.go).
func TestIntervalTypmod(t *testing.T) {
	db := openCatalogDB(t, "")
	for _, c := range []struct{ q, want string }{
		{"SELECT '1.23456 sec'::interval(3)", "00:00:01.235"},
		{"SELECT interval(3) '1.23456'", "00:00:01.235"},
		{"SELECT interval(0) '-2.5 sec'", "-00:00:03"},
		{"SELECT interval(2) '1 day 00:00:00.125'", "1 day 00:00:00.13"},
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

// TestIntervalTypmodColumns: interval typmods on columns round and
// truncate what is stored, and the catalog shows them as PostgreSQL 15
// does (format_type, atttypmod, information_schema.columns).
func TestIntervalTypmodColumns(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE iv (a interval(3), b interval day to second, c interval second(2), d interval year to month, e interval, f interval hour to minute, g interval day to second(0));
INSERT INTO iv VALUES ('1.23456 sec', '1 year 2 days 03:04:05.678', '1.555', '1 year 2 mons 3 days', '1 day', '1 day 01:02:03', '1 day 01:02:03.5')`)
	for _, c := range []struct{ q, want string }{
		{"SELECT a FROM iv", "00:00:01.235"},
		{"SELECT b FROM iv", "1 year 2 days 03:04:05.678"},
		{"SELECT c FROM iv", "00:00:01.56"},
		{"SELECT d FROM iv", "1 year 2 mons"},
		{"SELECT e FROM iv", "1 day"},
		{"SELECT f FROM iv", "1 day 01:02:00"},
		{"SELECT g FROM iv", "1 day 01:02:04"},
		{"SELECT count(*) FROM iv WHERE a = '1.235 sec'::interval AND f = interval '25:02' hour to minute", "1"},
		{"SELECT string_agg(format_type(atttypid, atttypmod), ', ' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'iv'::regclass AND attnum > 0",
			"interval(3), interval day to second, interval second(2), interval year to month, interval, interval hour to minute, interval day to second(0)"},
		{"SELECT string_agg(atttypmod::text, ', ' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'iv'::regclass AND attnum > 0",
			"2147418115, 470351871, 268435458, 458751, -1, 201392127, 470286336"},
		{"SELECT string_agg(coalesce(interval_type, '-') || ' ' || datetime_precision, ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'iv'",
			"- 3, DAY TO SECOND 6, SECOND(2) 2, YEAR TO MONTH 6, - 6, HOUR TO MINUTE 6, DAY TO SECOND(0) 0"},
		{"SELECT pg_dump_coltype('interval day_to_second(3)', NULL) || ', ' || pg_dump_coltype('interval(0)', NULL) || ', ' || pg_dump_coltype('interval hour', NULL)",
			"interval day to second(3), interval(0), interval hour"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
}

// TestIntervalMods: the modifier text of an interval type to PostgreSQL's
// typmod and back (format_type), and the ones outside the grammar.
func TestIntervalMods(t *testing.T) {
	for _, c := range []struct {
		mods   string
		typmod int64
		format string
	}{
		{"", -1, ""},
		{"(3)", 2147418115, "(3)"},
		{"(9)", 2147418118, "(6)"},
		{" day to second", 470351871, " day to second"},
		{"DAY  TO SECOND (0)", 470286336, " day to second(0)"},
		{"day_to_second(0)", 470286336, " day to second(0)"},
		{"second(2)", 268435458, " second(2)"},
		{"year to month", 458751, " year to month"},
		{"hour to minute", 201392127, " hour to minute"},
	} {
		tm, ok := intervalMods(c.mods)
		if !ok || tm != c.typmod {
			t.Errorf("intervalMods(%q) = %d, %v; want %d", c.mods, tm, ok, c.typmod)
		}
		if f := formatIntervalTypmod(tm); f != c.format {
			t.Errorf("formatIntervalTypmod(%d) = %q, want %q", tm, f, c.format)
		}
		if d := intervalStoredDecl(c.mods); !strings.Contains(d, " to ") {
			if tm2, ok := intervalDeclTypmod(d); !ok || tm2 != c.typmod {
				t.Errorf("intervalDeclTypmod(%q) = %d, %v; want %d", d, tm2, ok, c.typmod)
			}
		}
	}
	for _, bad := range []string{"day to year", "hour(2)", "(x)", "(-1)", "to second", "week"} {
		if _, ok := intervalMods(bad); ok {
			t.Errorf("intervalMods(%q) accepted", bad)
		}
	}
}
