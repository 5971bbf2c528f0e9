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
