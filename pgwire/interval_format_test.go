package pgwire

import (
	"math"
	"testing"
)

// TestFormatIntervalExtremes: the time part's magnitude is taken without
// overflowing int64, so the lowest interval prints as PostgreSQL prints it.
func TestFormatIntervalExtremes(t *testing.T) {
	for _, c := range []struct {
		months, days int32
		us           int64
		want         string
	}{
		{0, 0, math.MinInt64, "-2562047788:00:54.775808"},
		{0, 0, math.MaxInt64, "2562047788:00:54.775807"},
		{0, -1, math.MaxInt64, "-1 days +2562047788:00:54.775807"},
		{math.MinInt32, math.MinInt32, 0, "-178956970 years -8 mons -2147483648 days"},
		{0, 0, -1, "-00:00:00.000001"},
	} {
		if got := FormatInterval(c.months, c.days, c.us); got != c.want {
			t.Errorf("FormatInterval(%d, %d, %d) = %q, want %q", c.months, c.days, c.us, got, c.want)
		}
	}
}

// TestFormatIntervalSigns: a positive field after a negative one carries
// "+", as PostgreSQL's EncodeInterval prints it (answers from
// PostgreSQL 15's output of the same intervals).
func TestFormatIntervalSigns(t *testing.T) {
	const us = int64(4*3600+5*60+6)*1e6 + 789000
	for _, c := range []struct {
		months, days int32
		us           int64
		want         string
	}{
		{-14, 3, -us, "-1 years -2 mons +3 days -04:05:06.789"},
		{-2, 3, -us, "-2 mons +3 days -04:05:06.789"},
		{-14, -3, us, "-1 years -2 mons -3 days +04:05:06.789"},
		{-12, 0, us, "-1 years +04:05:06.789"},
		{3, -4, 0, "3 mons -4 days"},
		{0, -1, -7200e6, "-1 days -02:00:00"},
		{14, -3, us, "1 year 2 mons -3 days +04:05:06.789"},
		{0, 0, 0, "00:00:00"},
	} {
		if got := FormatInterval(c.months, c.days, c.us); got != c.want {
			t.Errorf("FormatInterval(%d, %d, %d) = %q, want %q", c.months, c.days, c.us, got, c.want)
		}
	}
}
