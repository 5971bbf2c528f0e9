package pgdialect

// interval.go: PostgreSQL's interval: months, days and microseconds kept
// apart (a month is not a fixed number of days, nor a day a fixed number
// of hours across a DST change), parsed from PostgreSQL's input forms and
// stored in IntervalStyle postgres output form ("1 year 2 mons 3 days
// 04:05:06.5"), which is also what clients read.

import (
	"math"
	"strconv"
	"strings"

	"github.com/raftsql/raftsql/pgwire"
)

// interval is a PostgreSQL interval.
type interval struct {
	months, days int64
	us           int64
}

const (
	usPerSec  = int64(1e6)
	usPerMin  = 60 * usPerSec
	usPerHour = 60 * usPerMin
	usPerDay  = 24 * usPerHour
)

// intervalUnit maps PostgreSQL's unit spellings to intervalSum.add's unit names.
func intervalUnit(u string) string {
	switch u {
	case "us", "usec", "usecs", "useconds", "microsecon", "microseconds", "microsecond":
		return "microsecond"
	case "ms", "msec", "msecs", "mseconds", "millisecon", "milliseconds", "millisecond":
		return "millisecond"
	case "s", "sec", "secs", "second", "seconds":
		return "second"
	case "m", "min", "mins", "minute", "minutes":
		return "minute"
	case "h", "hr", "hrs", "hour", "hours":
		return "hour"
	case "d", "day", "days":
		return "day"
	case "w", "week", "weeks":
		return "week"
	case "mon", "mons", "month", "months":
		return "month"
	case "y", "yr", "yrs", "year", "years":
		return "year"
	case "decade", "decades", "dec", "decs":
		return "decade"
	case "c", "cent", "century", "centuries":
		return "century"
	case "mil", "mils", "millennium", "millennia", "millenniums":
		return "millennium"
	}
	return ""
}

// parseInterval parses PostgreSQL interval input: '1 day', '1 year 2
// mons', '1.5 hours', '-1 day +02:00:00', '@ 1 day ago', '01:30',
// '3 4:05:06' (days then time), 'P1Y2M3DT4H5M6S' (ISO 8601).
func parseInterval(in string) (interval, error) { return parseIntervalIn(in, -1) }

// parseIntervalIn is parseInterval under typmod, whose range decides the
// unit of a bare number and whether 'a:b' is minutes:seconds
// (interval_typmod.go).
func parseIntervalIn(in string, typmod int64) (interval, error) {
	bad := func() (interval, error) {
		return interval{}, pgErr("22007", "invalid input syntax for type interval: \"%s\"", in)
	}
	s := strings.ToLower(strings.TrimSpace(in))
	if strings.HasPrefix(s, "p") {
		return parseISOInterval(in, s)
	}
	s = strings.TrimPrefix(s, "@")
	f := strings.Fields(s)
	if len(f) == 0 {
		return bad()
	}
	ago := false
	if f[len(f)-1] == "ago" {
		ago, f = true, f[:len(f)-1]
	}
	var sum intervalSum
	seen := false
	for k := 0; k < len(f); k++ {
		w := f[k]
		if strings.Contains(w, ":") {
			neg := strings.HasPrefix(w, "-")
			var d dtValue
			rest, err := d.parseTimeField(strings.TrimLeft(w, "+-"))
			if err != nil || rest != "" || d.mi > 59 || d.s > 59 {
				return bad()
			}
			if strings.Count(w, ":") == 1 && !strings.Contains(w, ".") && intervalMinSec(typmod) {
				d.h, d.mi, d.s = 0, d.h, d.mi
			}
			t := int64(d.h)*usPerHour + int64(d.mi)*usPerMin + int64(d.s)*usPerSec + int64(d.us)
			if neg {
				t = -t
			}
			sum.us += t
			seen = true
			continue
		}
		j := 0
		for j < len(w) && (isDigit(w[j]) || w[j] == '.' || (j == 0 && (w[j] == '-' || w[j] == '+'))) {
			j++
		}
		if j == 0 || j == 1 && (w[0] == '-' || w[0] == '+' || w[0] == '.') {
			return bad()
		}
		val, fval, ok := splitIntervalNumber(w[:j])
		if !ok {
			return bad()
		}
		unit := w[j:]
		if unit == "" {
			if k+1 < len(f) && intervalUnit(f[k+1]) != "" {
				unit = f[k+1]
				k++
			} else if k+1 < len(f) && strings.Contains(f[k+1], ":") {
				unit = "day" // '3 04:05:06'
			} else if k+1 == len(f) {
				unit = intervalDefaultUnit(typmod) // a bare number: seconds, or the typmod's last field
			} else {
				return bad()
			}
		}
		if !sum.add(intervalUnit(unit), val, fval) {
			return bad()
		}
		seen = true
	}
	if !seen {
		return bad()
	}
	iv, ok := sum.interval()
	if !ok {
		return interval{}, pgErr("22015", "interval out of range")
	}
	if ago {
		iv = iv.neg()
	}
	return iv, nil
}

// splitIntervalNumber reads a field's number as DecodeInterval does: its
// whole part exactly (strtoi64) and its fraction as a float, negative
// when the number is ('-0.5' too).
func splitIntervalNumber(num string) (val int64, fval float64, ok bool) {
	whole, frac, hasFrac := strings.Cut(num, ".")
	if whole != "" && whole != "-" && whole != "+" {
		v, err := strconv.ParseInt(whole, 10, 64)
		if err != nil {
			return 0, 0, false
		}
		val = v
	}
	if hasFrac {
		f, err := strconv.ParseFloat("0."+frac, 64)
		if err != nil || strings.ContainsAny(frac, "+-") {
			return 0, 0, false
		}
		if strings.HasPrefix(num, "-") {
			f = -f
		}
		fval = f
	}
	return val, fval, true
}

func parseISOInterval(in, s string) (interval, error) {
	bad := func() (interval, error) {
		return interval{}, pgErr("22007", "invalid input syntax for type interval: \"%s\"", in)
	}
	s = s[1:]
	var sum intervalSum
	inTime := false
	for len(s) > 0 {
		if s[0] == 't' {
			inTime = true
			s = s[1:]
			continue
		}
		j := 0
		for j < len(s) && (isDigit(s[j]) || s[j] == '.' || s[j] == '-') {
			j++
		}
		if j == 0 || j == len(s) {
			return bad()
		}
		n, err := strconv.ParseFloat(s[:j], 64)
		if err != nil {
			return bad()
		}
		if math.Abs(n) >= math.MaxInt64 {
			return interval{}, pgErr("22015", "interval out of range")
		}
		// ParseISO8601Number: the whole part of the float, and the rest
		val := int64(n)
		fval := n - float64(val)
		unit := ""
		switch c := s[j]; {
		case c == 'y' && !inTime:
			unit = "year"
		case c == 'm' && !inTime:
			unit = "month"
		case c == 'w' && !inTime:
			unit = "week"
		case c == 'd' && !inTime:
			unit = "day"
		case c == 'h' && inTime:
			unit = "hour"
		case c == 'm' && inTime:
			unit = "minute"
		case c == 's' && inTime:
			unit = "second"
		default:
			return bad()
		}
		sum.add(unit, val, fval)
		s = s[j+1:]
	}
	iv, ok := sum.interval()
	if !ok {
		return interval{}, pgErr("22015", "interval out of range")
	}
	return iv, nil
}

func (iv interval) neg() interval { return interval{-iv.months, -iv.days, -iv.us} }

func (iv interval) add(o interval) interval {
	return interval{iv.months + o.months, iv.days + o.days, iv.us + o.us}
}

// mul is interval * factor as PostgreSQL computes it (interval_mul).
func (iv interval) mul(f float64) (interval, bool) {
	return iv.scale(func(v float64) float64 { return v * f })
}

// div is interval / factor as PostgreSQL computes it (interval_div):
// dividing, not multiplying by 1/factor, gives its last digits.
func (iv interval) div(f float64) (interval, bool) {
	return iv.scale(func(v float64) float64 { return v / f })
}

// scale applies op to each field the way PostgreSQL's interval_mul and
// interval_div do: fractions of months spill into days (30 a month) and
// fractions of days into seconds, each spilled amount rounded to
// microseconds first (TSROUND), so interval '1 year' / 7 is
// 1 mon 21 days 10:17:08.5344 as in PostgreSQL, not ...08.571429.
func (iv interval) scale(op func(float64) float64) (interval, bool) {
	tsround := func(v float64) float64 { return math.RoundToEven(v*1e6) / 1e6 }
	m, d := op(float64(iv.months)), op(float64(iv.days))
	wm, wd := math.Trunc(m), math.Trunc(d)
	monthDays := tsround((m - wm) * 30)
	sec := tsround((d - wd + monthDays - math.Trunc(monthDays)) * 86400)
	if math.Abs(sec) >= 86400 {
		wd += math.Trunc(sec / 86400)
		sec -= math.Trunc(sec/86400) * 86400
	}
	wd += math.Trunc(monthDays)
	us := math.RoundToEven(op(float64(iv.us)) + sec*1e6)
	if math.Abs(wm) > math.MaxInt32 || math.Abs(wd) > math.MaxInt32 || math.Abs(us) > math.MaxInt64/2 || math.IsNaN(us) || math.IsNaN(wm) || math.IsNaN(wd) {
		return interval{}, false
	}
	return interval{months: int64(wm), days: int64(wd), us: int64(us)}, true
}

// String is IntervalStyle postgres output (months and days are within
// int32: spill and PostgreSQL's input limit them).
func (iv interval) String() string {
	return pgwire.FormatInterval(int32(iv.months), int32(iv.days), iv.us)
}

// cmpKey orders intervals as PostgreSQL does: 30-day months, 24-hour days.
func (iv interval) cmpKey() float64 {
	return float64(iv.months)*30*float64(usPerDay) + float64(iv.days)*float64(usPerDay) + float64(iv.us)
}

// justifyHours moves whole 24-hour periods to days.
func (iv interval) justifyHours() interval {
	d := iv.us / usPerDay
	iv.days += d
	iv.us -= d * usPerDay
	return iv.daySign()
}

// daySign gives days and time the same sign.
func (iv interval) daySign() interval {
	if iv.days > 0 && iv.us < 0 {
		iv.us += usPerDay
		iv.days--
	} else if iv.days < 0 && iv.us > 0 {
		iv.us -= usPerDay
		iv.days++
	}
	return iv
}

// justifyDays moves whole 30-day periods to months.
func (iv interval) justifyDays() interval {
	m := iv.days / 30
	iv.months += m
	iv.days -= m * 30
	if iv.months > 0 && iv.days < 0 {
		iv.days += 30
		iv.months--
	} else if iv.months < 0 && iv.days > 0 {
		iv.days -= 30
		iv.months++
	}
	return iv
}

// justifyInterval is justify_interval: both, signs made consistent.
func (iv interval) justifyInterval() interval {
	d := iv.us / usPerDay
	iv.days += d
	iv.us -= d * usPerDay
	m := iv.days / 30
	iv.months += m
	iv.days -= m * 30
	if iv.months > 0 && (iv.days < 0 || iv.days == 0 && iv.us < 0) {
		iv.days += 30
		iv.months--
	} else if iv.months < 0 && (iv.days > 0 || iv.days == 0 && iv.us > 0) {
		iv.days -= 30
		iv.months++
	}
	return iv.daySign()
}
