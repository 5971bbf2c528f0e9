package pgwire

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/raftsql/raftsql/pgwire/oid"
)

// pgEpoch is 2000-01-01 00:00:00 UTC, the origin of binary dates and times.
var pgEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

const (
	pgEpochUnix      = 946684800 // pgEpoch in unix seconds
	infinityMicros   = math.MaxInt64
	negInfinityMicro = math.MinInt64
)

func formatDate(t time.Time) string {
	y := t.Year()
	if y <= 0 {
		return fmt.Sprintf("%04d-%02d-%02d BC", 1-y, int(t.Month()), t.Day())
	}
	return t.Format("2006-01-02")
}

func formatTimestamp(t time.Time) string {
	y := t.Year()
	if y <= 0 {
		return fmt.Sprintf("%04d", 1-y) + t.Format("-01-02 15:04:05.999999") + " BC"
	}
	return t.Format("2006-01-02 15:04:05.999999")
}

func formatTimestamptz(t time.Time) string {
	_, off := t.Zone()
	s := formatTimestamp(t)
	bc := strings.HasSuffix(s, " BC")
	s = strings.TrimSuffix(s, " BC")
	sign := byte('+')
	if off < 0 {
		sign = '-'
		off = -off
	}
	s += string(sign) + fmt.Sprintf("%02d", off/3600)
	if m := (off % 3600) / 60; m != 0 || off%60 != 0 {
		s += fmt.Sprintf(":%02d", m)
		if sec := off % 60; sec != 0 {
			s += fmt.Sprintf(":%02d", sec)
		}
	}
	if bc {
		s += " BC"
	}
	return s
}

// FormatTimeOfDay prints a time of day (or a signed duration under 100
// hours) given in microseconds as PostgreSQL does: 04:05:06.5.
func FormatTimeOfDay(us int64) string { return formatTimeOfDay(us) }

func formatTimeOfDay(v int64) string {
	// The magnitude as uint64: -math.MinInt64 overflows int64 (an
	// interval of -2562047788:00:54.775808 is PostgreSQL's lowest).
	neg, us := v < 0, uint64(v)
	if neg {
		us = -us
	}
	h := us / 3600e6
	us -= h * 3600e6
	m := us / 60e6
	us -= m * 60e6
	s := us / 1e6
	us -= s * 1e6
	out := fmt.Sprintf("%02d:%02d:%02d", h, m, s)
	if us != 0 {
		out += strings.TrimRight(fmt.Sprintf(".%06d", us), "0")
	}
	if neg {
		out = "-" + out
	}
	return out
}

// FormatInterval prints an interval in IntervalStyle postgres: 1 year 2
// mons -3 days +04:05:06.
func FormatInterval(months, days int32, us int64) string { return formatInterval(months, days, us) }

func formatInterval(months, days int32, us int64) string {
	// PostgreSQL's EncodeInterval (IntervalStyle postgres): a field
	// after a negative one carries an explicit "+" when positive
	// ("-1 years -2 mons +3 days -04:05:06.789").
	var parts []string
	empty, afterNeg := true, false
	add := func(n int64, unit string) {
		if n == 0 {
			return
		}
		sign := ""
		if afterNeg && n > 0 {
			sign = "+"
		}
		part := fmt.Sprintf("%s%d %s", sign, n, unit)
		if n != 1 { // PostgreSQL: "-1 days"
			part += "s"
		}
		parts = append(parts, part)
		empty, afterNeg = false, n < 0
	}
	add(int64(months/12), "year")
	add(int64(months%12), "mon")
	add(int64(days), "day")
	if us != 0 || empty {
		t := formatTimeOfDay(us)
		if us > 0 && afterNeg {
			t = "+" + t
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, " ")
}

// unixToTime interprets an integer timestamp: seconds, milliseconds,
// microseconds or nanoseconds since the Unix epoch, by magnitude.
func unixToTime(n int64) time.Time {
	a := n
	if a < 0 {
		a = -a
	}
	switch {
	case a < 1e11:
		return time.Unix(n, 0).UTC()
	case a < 1e14:
		return time.UnixMilli(n).UTC()
	case a < 1e17:
		return time.UnixMicro(n).UTC()
	default:
		return time.Unix(0, n).UTC()
	}
}

// toTime converts a value for a date/timestamp column; special is
// "infinity"/"-infinity" for those values.
func toTime(v any, typeOID uint32, loc *time.Location) (t time.Time, special string, err error) {
	switch x := v.(type) {
	case time.Time:
		return x, "", nil
	case int64:
		return unixToTime(x), "", nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return time.Time{}, "", fmt.Errorf("invalid timestamp %v", x)
		}
		sec, frac := math.Modf(x)
		return time.Unix(int64(sec), int64(frac*1e9)).UTC().Round(time.Microsecond), "", nil
	case string:
		return parseTimeText(x, typeOID, loc)
	case []byte:
		return parseTimeText(string(x), typeOID, loc)
	}
	return time.Time{}, "", fmt.Errorf("cannot encode %T as a date/time", v)
}

var timeLayouts = []string{
	"2006-01-02 15:04:05Z07:00:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05Z07",
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02T15:04:05Z07",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04Z07:00",
	"2006-01-02 15:04",
	"2006-01-02T15:04",
	"2006-01-02",
}

// parseTimeText parses the date/time forms SQLite and PostgreSQL print.
// Values without a zone are taken in loc for timestamptz, UTC otherwise.
func parseTimeText(s string, typeOID uint32, loc *time.Location) (time.Time, string, error) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "infinity", "+infinity":
		return time.Time{}, "infinity", nil
	case "-infinity":
		return time.Time{}, "-infinity", nil
	case "epoch":
		return time.Unix(0, 0).UTC(), "", nil
	}
	bc := false
	if strings.HasSuffix(s, " BC") {
		bc = true
		s = strings.TrimSuffix(s, " BC")
	}
	zoneLoc := time.UTC
	if typeOID == oid.Timestamptz && loc != nil {
		zoneLoc = loc
	}
	s, shift := fourDigitYear(s)
	for _, layout := range timeLayouts {
		t, err := time.ParseInLocation(layout, s, zoneLoc)
		if err == nil {
			t = t.AddDate(shift, 0, 0)
			if bc {
				t = t.AddDate(1-2*t.Year(), 0, 0)
			}
			if typeOID == oid.Timestamp {
				// timestamp without time zone keeps the wall clock.
				y, mo, d := t.Date()
				h, mi, sec := t.Clock()
				t = time.Date(y, mo, d, h, mi, sec, t.Nanosecond(), time.UTC)
			}
			return t, "", nil
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && len(s) > 8 {
		return unixToTime(n), "", nil
	}
	typ := "timestamp"
	switch typeOID {
	case oid.Date:
		typ = "date"
	case oid.Timestamptz:
		typ = "timestamp with time zone"
	}
	return time.Time{}, "", newErr(codeInvalidTextRep, "invalid input syntax for type %s: %q", typ, s)
}

// fourDigitYear rewrites a year of more than four digits (PostgreSQL's
// dates reach 5874897, timestamps 294276), which Go's layouts cannot
// read, as a four-digit year of the same place in the 400-year Gregorian
// cycle (so the same leap years and weekdays), returning how many years
// to add back after parsing.
func fourDigitYear(s string) (string, int) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i <= 4 || i >= len(s) || s[i] != '-' {
		return s, 0
	}
	y, err := strconv.Atoi(s[:i])
	if err != nil {
		return s, 0
	}
	sub := 2000 + y%400
	return strconv.Itoa(sub) + s[i:], y - sub
}

// toMicros converts a time-of-day or interval value to microseconds.
// Numbers are seconds.
func toMicros(v any) (int64, error) {
	switch x := v.(type) {
	case int64:
		if x > math.MaxInt64/1_000_000 || x < math.MinInt64/1_000_000 {
			return 0, newErr(codeNumericOutOfRange, "interval out of range")
		}
		return x * 1e6, nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > math.MaxInt64/1e6 {
			return 0, newErr(codeNumericOutOfRange, "interval out of range")
		}
		return int64(math.Round(x * 1e6)), nil
	case time.Time:
		h, m, s := x.Clock()
		return int64(h)*3600e6 + int64(m)*60e6 + int64(s)*1e6 + int64(x.Nanosecond()/1000), nil
	case string:
		return parseTimeOfDay(x)
	case []byte:
		return parseTimeOfDay(string(x))
	}
	return 0, fmt.Errorf("cannot encode %T as time", v)
}

// parseTimeOfDay parses [-]HH:MM[:SS[.ffffff]].
func parseTimeOfDay(s string) (int64, error) {
	s = strings.TrimSpace(s)
	orig := s
	neg := false
	if strings.HasPrefix(s, "-") {
		neg = true
		s = s[1:]
	} else if strings.HasPrefix(s, "+") {
		s = s[1:]
	}
	if i := strings.IndexAny(s, "T "); i >= 0 && strings.Contains(s[:i], "-") {
		s = s[i+1:] // a timestamp: keep the time part
	}
	if i := strings.IndexAny(s, "+-Zz"); i > 0 {
		s = s[:i]
	}
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, newErr(codeInvalidTextRep, "invalid input syntax for type time: %q", orig)
	}
	h, err1 := strconv.ParseInt(parts[0], 10, 64)
	m, err2 := strconv.ParseInt(parts[1], 10, 64)
	if err1 != nil || err2 != nil || h < 0 || m < 0 || m > 59 || h > 2562047788 {
		return 0, newErr(codeInvalidTextRep, "invalid input syntax for type time: %q", orig)
	}
	var us int64
	if len(parts) == 3 {
		f, err := strconv.ParseFloat(parts[2], 64)
		if err != nil || f < 0 || f >= 61 {
			return 0, newErr(codeInvalidTextRep, "invalid input syntax for type time: %q", orig)
		}
		us = int64(math.Round(f * 1e6))
	}
	total := h*3600e6 + m*60e6 + us
	if neg {
		total = -total
	}
	return total, nil
}

// parseInterval parses IntervalStyle postgres output and the common
// input forms ("1 day 02:00:00", "3 hours", "-1 mons", "@ 1 day ago" is
// not supported). It returns months, days, microseconds.
func parseInterval(s string) (months, days int32, us int64, err error) {
	orig := s
	bad := func() (int32, int32, int64, error) {
		return 0, 0, 0, newErr(codeInvalidTextRep, "invalid input syntax for type interval: %q", orig)
	}
	f := strings.Fields(strings.TrimSpace(s))
	if len(f) == 0 {
		return bad()
	}
	var m, d int64
	for i := 0; i < len(f); i++ {
		tok := f[i]
		if strings.Contains(tok, ":") {
			t, err := parseTimeOfDay(tok)
			if err != nil {
				return bad()
			}
			us += t
			continue
		}
		n, err := strconv.ParseFloat(tok, 64)
		if err != nil || math.IsNaN(n) || math.IsInf(n, 0) || math.Abs(n) > 1e12 {
			return bad()
		}
		unit := "second"
		if i+1 < len(f) {
			unit = strings.ToLower(f[i+1])
			i++
		}
		unit = strings.TrimSuffix(unit, ",")
		switch {
		case strings.HasPrefix(unit, "mil") && strings.Contains(unit, "enn"):
			m += int64(n * 12000)
		case strings.HasPrefix(unit, "cent"):
			m += int64(n * 1200)
		case strings.HasPrefix(unit, "dec"):
			m += int64(n * 120)
		case strings.HasPrefix(unit, "y"):
			m += int64(n * 12)
		case strings.HasPrefix(unit, "mon"):
			m += int64(n)
		case strings.HasPrefix(unit, "w"):
			d += int64(n * 7)
		case strings.HasPrefix(unit, "d"):
			d += int64(n)
		case strings.HasPrefix(unit, "h"):
			us += int64(n * 3600e6)
		case strings.HasPrefix(unit, "mil") || unit == "ms" || unit == "msec" || unit == "msecs":
			us += int64(n * 1e3)
		case strings.HasPrefix(unit, "mic") || unit == "us" || unit == "usec" || unit == "usecs":
			us += int64(n)
		case strings.HasPrefix(unit, "min") || unit == "m":
			us += int64(n * 60e6)
		case strings.HasPrefix(unit, "s"):
			us += int64(n * 1e6)
		default:
			return bad()
		}
	}
	if m > math.MaxInt32 || m < math.MinInt32 || d > math.MaxInt32 || d < math.MinInt32 {
		return bad()
	}
	return int32(m), int32(d), us, nil
}

// --- binary output -----------------------------------------------------
