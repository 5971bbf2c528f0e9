package pgdialect

import (
	"testing"
	"time"
)

// FuzzDateTimeInput: no input makes the date/time parsers and formatters
// panic (a panic in a registered function would end the connection).
func FuzzDateTimeInput(f *testing.F) {
	for _, s := range []string{"2024-01-31", "1999-01-08 04:05:06.789+02", "January 8, 1999", "04:05 PM", "1 year 2 mons",
		"@ 1 day ago", "P1Y2M3DT4H", "-1 day +02:00:00", "epoch", "infinity", "1/8/1999", "19990108", "Europe/Paris",
		"YYYY-MM-DD HH24:MI:SS.US", "\"x\"YYYY", "FMMonth DDth", "", ":", "-", "+", ".", "1:", "1--2", "P", "T"} {
		f.Add(s, s)
	}
	now := time.Date(2024, 2, 29, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, typ := range DateTimeInTypes {
			_, _ = InDateTimeAt(typ, a, -1, now)
			_, _ = InDateTimeAt(typ, a, 3, now)
		}
		_, _ = parseWithFormat(a, b)
		_, _ = toChar(timestampFields(now, "UTC", 0), b)
		if o, err := dtArg(a); err == nil {
			_, _ = dtAdd(o, o, time.UTC)
			_, _ = dtSub(o, o, time.UTC)
			_, _, _ = extractField(b, o, time.UTC)
		}
	})
}
