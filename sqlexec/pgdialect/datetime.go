package pgdialect

// datetime.go: PostgreSQL's date/time input syntax and the canonical stored
// forms of date, time, timetz, timestamp and timestamptz.
//
// Invariants:
//   - Every stored date/time value is the PostgreSQL ISO output of the value
//     (DateStyle ISO, TimeZone UTC): date "2024-01-31", time
//     "23:59:59.999999", timetz "04:05:06+02", timestamp
//     "2024-01-31 04:05:06.789", timestamptz "2024-01-31 02:05:06.789+00"
//     (always UTC), trailing fractional zeros trimmed, microsecond
//     precision. Values of one type in AD years 1..9999 therefore compare
//     and sort as text exactly as PostgreSQL compares them.
//   - Parsing is a pure function of the input and, for the relative words
//     'now', 'today', 'tomorrow', 'yesterday', of the time passed in (the
//     entry's pinned time on the apply connection).

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/raftsql/raftsql/pgwire"
)

// dtErr is PostgreSQL's 22007 invalid_datetime_format.
func dtSyntax(typ, in string) error {
	return pgErr("22007", "invalid input syntax for type %s: \"%s\"", typ, in)
}

// dtRange is PostgreSQL's 22008 datetime_field_overflow.
func dtRange(in string) error {
	return pgErr("22008", "date/time field value out of range: \"%s\"", in)
}

// dtRangeMD is dtRange for a month or day of month no month has
// (DTERR_MD_FIELD_OVERFLOW), with PostgreSQL's HINT: the fields may be in
// another order than DateStyle reads them.
func dtRangeMD(in string) error {
	return errors.New(SQLStateText("22008", fmt.Sprintf("date/time field value out of range: \"%s\"", in), "",
		`Perhaps you need a different "datestyle" setting.`))
}

// dtValue is a parsed date/time input.
type dtValue struct {
	special       string // "infinity", "-infinity" or ""
	hasDate       bool
	y, m, d       int
	hasTime       bool
	h, mi, s, us  int
	hasZone       bool
	zoneOff       int            // seconds east of UTC
	zoneLoc       *time.Location // a named zone (offset depends on the date)
	relativeToNow string         // "now", "today", ...
	bc            bool
	pm, am        bool
}

var monthNames = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
	"sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

var dayNames = map[string]bool{
	"sun": true, "sunday": true, "mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true,
	"wed": true, "wednesday": true, "thu": true, "thur": true, "thurs": true, "thursday": true,
	"fri": true, "friday": true, "sat": true, "saturday": true,
}

// parseDT parses PostgreSQL date/time input (ISO 8601, 'January 8, 1999',
// '1/8/1999' (DateStyle MDY), '19990108', 'epoch', 'infinity', ...). typ
// names the type in error messages.
func parseDT(typ, in string) (dtValue, error) {
	var v dtValue
	s := strings.ToLower(strings.TrimSpace(in))
	switch s {
	case "infinity", "+infinity", "-infinity":
		v.special = strings.TrimPrefix(s, "+")
		return v, nil
	case "epoch":
		v.hasDate, v.y, v.m, v.d, v.hasTime = true, 1970, 1, 1, true
		v.hasZone = true
		return v, nil
	case "now", "today", "tomorrow", "yesterday":
		v.relativeToNow = s
		return v, nil
	case "allballs":
		v.hasTime, v.hasZone = true, true
		return v, nil
	}
	// ISO 'T' separator between date and time
	if i := strings.IndexByte(s, 't'); i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]) {
		s = s[:i] + " " + s[i+1:]
	}
	fields := splitDateSuffix(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }))
	if len(fields) == 0 {
		return v, dtSyntax(typ, in)
	}
	var nums []int // bare numbers for 'January 8 1999' / '8 January 1999'
	var numDigits []int
	for k := 0; k < len(fields); k++ {
		f := fields[k]
		switch {
		case f == "z" || f == "utc" || f == "gmt" || f == "zulu":
			v.hasZone, v.zoneOff = true, 0
		case f == "bc":
			v.bc = true
		case f == "ad":
		case f == "am" || f == "a.m.":
			v.am = true
		case f == "pm" || f == "p.m.":
			v.pm = true
		case dayNames[f] || dayNames[strings.TrimSuffix(f, ".")]:
		case monthNames[strings.TrimSuffix(f, ".")] != 0:
			if v.m != 0 {
				return v, dtSyntax(typ, in)
			}
			v.m = monthNames[strings.TrimSuffix(f, ".")]
		case strings.Contains(f, ":") && isDigit(f[0]):
			if v.hasTime {
				return v, dtSyntax(typ, in)
			}
			rest, err := v.parseTimeField(f)
			if err != nil {
				return v, dtSyntax(typ, in)
			}
			if rest != "" {
				if err := v.parseZone(rest); err != nil {
					return v, zoneError(err, typ, in)
				}
			}
		case (f[0] == '+' || f[0] == '-') && len(f) > 1 && isDigit(f[1]):
			if !v.hasTime && !v.hasDate && len(nums) == 0 {
				return v, dtSyntax(typ, in)
			}
			if err := v.parseZone(f); err != nil {
				return v, zoneError(err, typ, in)
			}
		case (isDigit(f[0]) || textMonthField(f)) && strings.ContainsAny(f, "-/.") && !v.hasDate:
			if err := v.parseDateField(f); err != nil {
				if err == errRange {
					return v, dtRange(in)
				}
				return v, dtSyntax(typ, in)
			}
		case f[0] == 'j' && len(f) > 1 && len(f) <= 10 && allDigits(f[1:]) && !v.hasDate && len(nums) == 0 && v.m == 0:
			// J2460341: a Julian day number (PostgreSQL's j2date)
			n, _ := strconv.Atoi(f[1:])
			v.hasDate = true
			v.y, v.m, v.d = julianDate(n)
			if v.y <= 0 {
				v.bc, v.y = true, 1-v.y // the BC year, turned back below
			}
		case allDigits(f):
			if len(f) >= 6 && len(f) <= 10 && !v.hasDate && len(nums) == 0 && v.m == 0 {
				// YYYYMMDD, YYMMDD: the last four digits are the month
				// and day, the rest the year (PostgreSQL's
				// DecodeNumberField); a two-digit year is 1970..2069
				n, _ := strconv.Atoi(f)
				v.hasDate, v.y, v.m, v.d = true, n/10000, n/100%100, n%100
				if len(f) == 6 {
					v.y = twoDigitYear(v.y)
				}
				continue
			}
			if len(f) == 6 && v.hasDate && !v.hasTime {
				n, _ := strconv.Atoi(f)
				v.hasTime, v.h, v.mi, v.s = true, n/10000, n/100%100, n%100
				continue
			}
			n, err := strconv.Atoi(f)
			if err != nil {
				return v, dtSyntax(typ, in)
			}
			nums, numDigits = append(nums, n), append(numDigits, len(f))
		case strings.Contains(f, "/") || isZoneAbbrev(f):
			// a time zone name: Europe/Paris
			loc, err := loadZone(fields[k])
			if err != nil {
				return v, pgErr("22023", "time zone \"%s\" not recognized", originalCase(in, f))
			}
			v.hasZone, v.zoneLoc = true, loc
		default:
			return v, dtSyntax(typ, in)
		}
	}
	if len(nums) > 0 {
		if v.hasDate || v.m == 0 || len(nums) != 2 {
			return v, dtSyntax(typ, in)
		}
		// Month D YYYY or D Month YYYY: the year is the number > 31 or the
		// last; one of two digits or fewer is 1970..2069 (not BC), as
		// PostgreSQL's DecodeNumber and ValidateDate read it
		v.hasDate = true
		yd := numDigits[1]
		if nums[0] > 31 {
			v.y, v.d, yd = nums[0], nums[1], numDigits[0]
		} else {
			v.d, v.y = nums[0], nums[1]
		}
		if yd <= 2 && !v.bc {
			v.y = twoDigitYear(v.y)
		}
	} else if v.m != 0 && !v.hasDate {
		return v, dtSyntax(typ, in)
	}
	if v.pm || v.am {
		if !v.hasTime || v.h < 1 || v.h > 12 {
			return v, dtRange(in)
		}
		if v.pm && v.h != 12 {
			v.h += 12
		} else if v.am && v.h == 12 {
			v.h = 0
		}
	}
	if v.bc {
		if !v.hasDate || v.y < 1 {
			return v, dtSyntax(typ, in)
		}
		v.y = 1 - v.y
	}
	if v.hasDate {
		if v.m < 1 || v.m > 12 || v.d < 1 || v.d > 31 {
			return v, dtRangeMD(in)
		}
		if v.d > daysIn(v.y, v.m) || v.y == 0 && !v.bc {
			return v, dtRange(in)
		}
	}
	return v, nil
}

// splitDateSuffix splits a field that starts with a date or a number
// where PostgreSQL's ParseDateTime ends that field: at a sign or a letter
// after it, which begins a time zone field ('2023-06-06+00',
// '2023-06-06z', '20230606+05:30' are a date and a zone; were 22007). A
// date's own delimiter continues it ('2023-06-06-07' stays one field, an
// invalid date as there); a time ('10:00+05') is read by parseTimeField,
// whose rest is the zone.
func splitDateSuffix(fields []string) []string {
	var out []string
	for _, f := range fields {
		if f == "" || !isDigit(f[0]) {
			out = append(out, f)
			continue
		}
		i := 0
		for i < len(f) && isDigit(f[i]) {
			i++
		}
		if i < len(f) && f[i] == ':' {
			out = append(out, f) // a time
			continue
		}
		if i < len(f) && (f[i] == '-' || f[i] == '/' || f[i] == '.') {
			delim := f[i]
			i++
			if i < len(f) && isDigit(f[i]) {
				for i < len(f) && (isDigit(f[i]) || f[i] == delim) {
					i++
				}
			} else {
				for i < len(f) && (isDigit(f[i]) || f[i] >= 'a' && f[i] <= 'z' || f[i] == delim) {
					i++
				}
			}
		}
		switch r := f[i:]; {
		case r != "" && (r[0] == '+' || r[0] == '-'):
			out = append(out, f[:i], r)
		case r != "" && r[0] >= 'a' && r[0] <= 'z':
			// the letters are a field of their own, as what follows
			// ('2023-06-06z10:00': z, then 10:00)
			j := 0
			for j < len(r) && r[j] >= 'a' && r[j] <= 'z' {
				j++
			}
			out = append(out, f[:i], r[:j])
			if j < len(r) {
				out = append(out, splitDateSuffix([]string{r[j:]})...)
			}
		default:
			out = append(out, f)
		}
	}
	return out
}

func originalCase(in, lower string) string {
	// (lower-casing invalid UTF-8 changes lengths: check the bounds)
	if i := strings.Index(strings.ToLower(in), lower); i >= 0 && i+len(lower) <= len(in) {
		return in[i : i+len(lower)]
	}
	return lower
}

func isZoneAbbrev(f string) bool {
	switch f {
	case "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "cet", "cest", "eet", "eest", "wet", "west", "bst", "jst", "ist", "msk":
		return true
	}
	return false
}

var zoneAbbrevs = map[string]int{
	"est": -5 * 3600, "edt": -4 * 3600, "cst": -6 * 3600, "cdt": -5 * 3600, "mst": -7 * 3600, "mdt": -6 * 3600,
	"pst": -8 * 3600, "pdt": -7 * 3600, "cet": 3600, "cest": 7200, "eet": 7200, "eest": 3 * 3600,
	"wet": 0, "west": 3600, "bst": 3600, "jst": 9 * 3600, "ist": 7200, "msk": 3 * 3600,
}

// loadZone resolves a time zone name in date/time input and AT TIME ZONE:
// PostgreSQL's common abbreviations (fixed offsets), then a name of the
// embedded tz database (case-insensitive) or a POSIX TZ string
// (zoneinfo.go).
func loadZone(name string) (*time.Location, error) {
	l := strings.ToLower(name)
	if off, ok := zoneAbbrevs[l]; ok {
		return time.FixedZone(strings.ToUpper(name), off), nil
	}
	switch l {
	case "utc", "gmt", "z", "zulu", "etc/utc", "universal":
		return time.UTC, nil
	}
	if loc, ok := zoneSpec(name); ok {
		return loc, nil
	}
	return nil, fmt.Errorf("unknown time zone %s", name)
}

var errRange = fmt.Errorf("out of range")

// textMonthField reports whether f starts with a month name followed by
// a date separator (jan-31-2024).
func textMonthField(f string) bool {
	i := strings.IndexAny(f, "-/.")
	return i > 0 && monthNames[f[:i]] != 0
}

// parseDateField parses YYYY-MM-DD, YYYY/MM/DD, MM/DD/YYYY, MM-DD-YYYY,
// DD.MM.YYYY (as PostgreSQL with DateStyle MDY reads them), a field with
// a month name (31-Jan-2024, Jan-31-2024, 2024-Jan-31: textMonthDate) and
// a year with a day of the year (2024-031, 1999.008).
func (v *dtValue) parseDateField(f string) error {
	sep := f[strings.IndexAny(f, "-/.")]
	p := strings.Split(f, string(sep))
	if len(p) == 2 && len(p[0]) >= 3 && len(p[1]) == 3 && allDigits(p[0]) && allDigits(p[1]) {
		// YYYY-DDD: PostgreSQL's DecodeNumber reads three digits after a
		// year as the day of the year (1..366; 366 of a common year is
		// the next January 1st, as there)
		y, _ := strconv.Atoi(p[0])
		doy, _ := strconv.Atoi(p[1])
		if doy < 1 || doy > 366 {
			return fmt.Errorf("bad date")
		}
		t := time.Date(y, 1, doy, 0, 0, 0, 0, time.UTC)
		v.hasDate, v.y, v.m, v.d = true, t.Year(), int(t.Month()), t.Day()
		return nil
	}
	if len(p) != 3 {
		return fmt.Errorf("bad date")
	}
	var n [3]int
	month := -1 // the part that is a month name
	for i, s := range p {
		if !allDigits(s) || s == "" {
			if m := monthNames[s]; m != 0 && month < 0 {
				n[i], month = m, i
				continue
			}
			return fmt.Errorf("bad date")
		}
		n[i], _ = strconv.Atoi(s)
	}
	if month >= 0 {
		return v.textMonthDate(p, n, month)
	}
	switch {
	case len(p[0]) >= 3: // Y-M-D
		v.y, v.m, v.d = n[0], n[1], n[2]
	case sep == '.': // D.M.Y is not MDY; PostgreSQL reads M.D.Y under MDY
		v.m, v.d, v.y = n[0], n[1], n[2]
	default: // M/D/Y
		v.m, v.d, v.y = n[0], n[1], n[2]
		if len(p[2]) <= 2 {
			v.y = twoDigitYear(v.y)
		}
	}
	v.hasDate = true
	if v.m < 1 || v.m > 12 || v.d < 1 || v.d > daysIn(v.y, v.m) {
		return errRange
	}
	return nil
}

// textMonthDate reads a date field whose part month is a month name, as
// PostgreSQL's DecodeDate and DecodeNumber do (DateStyle MDY): of the two
// numbers, the first is the year when it has three digits or more, else
// the day; the other is the other. A year of two digits or fewer is
// 1970..2069.
func (v *dtValue) textMonthDate(p []string, n [3]int, month int) error {
	var nums, digits []int
	for i := range p {
		if i != month {
			nums, digits = append(nums, n[i]), append(digits, len(p[i]))
		}
	}
	v.m = n[month]
	y, yd := nums[1], digits[1]
	v.d = nums[0]
	if digits[0] >= 3 {
		y, yd, v.d = nums[0], digits[0], nums[1]
	}
	v.y = y
	if yd <= 2 {
		v.y = twoDigitYear(y)
	}
	v.hasDate = true
	if v.d < 1 || v.d > daysIn(v.y, v.m) {
		return errRange
	}
	return nil
}

// julianDate is the proleptic Gregorian date (astronomical year: 0 is
// 1 BC) of Julian day n.
func julianDate(n int) (y, m, d int) {
	t := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n-2440588)
	return t.Year(), int(t.Month()), t.Day()
}

func twoDigitYear(y int) int {
	if y < 70 {
		return 2000 + y
	}
	return 1900 + y
}

// parseTimeField parses HH:MM[:SS[.ffffff]] and returns what follows it (a
// zone such as "+02", "-08:00", "z").
func (v *dtValue) parseTimeField(f string) (rest string, err error) {
	end := 0
	for end < len(f) && (isDigit(f[end]) || f[end] == ':' || f[end] == '.') {
		end++
	}
	rest = f[end:]
	p := strings.Split(f[:end], ":")
	if len(p) < 2 || len(p) > 3 {
		return "", fmt.Errorf("bad time")
	}
	h, err1 := strconv.Atoi(p[0])
	m, err2 := strconv.Atoi(p[1])
	if err1 != nil || err2 != nil || len(p[1]) != 2 {
		return "", fmt.Errorf("bad time")
	}
	v.h, v.mi = h, m
	if len(p) == 3 {
		sec, frac, _ := strings.Cut(p[2], ".")
		if len(sec) != 2 || !allDigits(sec) || !allDigits(frac) {
			return "", fmt.Errorf("bad time")
		}
		v.s, _ = strconv.Atoi(sec)
		if frac != "" {
			// round to microseconds as ParseFractionalSecond: rint of
			// the float, half to even (.0000005 is 0)
			x, _ := strconv.ParseFloat("0."+frac, 64)
			v.us = int(math.RoundToEven(x * 1e6))
		}
	}
	v.hasTime = true
	return rest, nil
}

// parseZone parses +HH, -HH:MM, +HHMM, z.
func (v *dtValue) parseZone(z string) error {
	if z == "z" {
		v.hasZone, v.zoneOff = true, 0
		return nil
	}
	sign := 1
	switch z[0] {
	case '+':
	case '-':
		sign = -1
	default:
		return fmt.Errorf("bad zone")
	}
	z = z[1:]
	var h, m, s int
	var err error
	switch {
	case strings.Contains(z, ":"):
		p := strings.Split(z, ":")
		if len(p) > 3 {
			return fmt.Errorf("bad zone")
		}
		vals := []*int{&h, &m, &s}
		for i, x := range p {
			if *vals[i], err = strconv.Atoi(x); err != nil || !allDigits(x) {
				return fmt.Errorf("bad zone")
			}
		}
	case allDigits(z) && len(z) <= 2:
		h, _ = strconv.Atoi(z)
	case allDigits(z) && len(z) == 4:
		n, _ := strconv.Atoi(z)
		h, m = n/100, n%100
	default:
		return fmt.Errorf("bad zone")
	}
	if h > 15 || m > 59 || s > 59 {
		return errZoneRange
	}
	v.hasZone, v.zoneOff = true, sign*(h*3600+m*60+s)
	return nil
}

// errZoneRange is a numeric zone past PostgreSQL's limits (15 hours, 59
// minutes or seconds: DecodeTimezone's DTERR_TZDISP_OVERFLOW).
var errZoneRange = errors.New("time zone displacement out of range")

// zoneError is the error of a zone parseZone refused in input in of type
// typ: 22009 past the limits ('2023-06-06 10:00+25'), else 22007.
func zoneError(err error, typ, in string) error {
	if err == errZoneRange {
		return pgErr("22009", "time zone displacement out of range: \"%s\"", in)
	}
	return dtSyntax(typ, in)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// resolve turns relative words into a date and time at now: 'now' is the
// instant itself; 'today', 'tomorrow' and 'yesterday' are midnights in
// the input's zone, else in zone (the session's).
func (v *dtValue) resolve(now time.Time, zone *time.Location) {
	if v.relativeToNow == "" {
		return
	}
	now = now.UTC()
	if v.relativeToNow != "now" && !v.hasZone && v.zoneLoc == nil && zone != nil {
		now = now.In(zone)
	} else {
		v.hasZone = true
	}
	day := now
	switch v.relativeToNow {
	case "tomorrow":
		day = now.AddDate(0, 0, 1)
	case "yesterday":
		day = now.AddDate(0, 0, -1)
	}
	v.hasDate, v.y, v.m, v.d = true, day.Year(), int(day.Month()), day.Day()
	v.hasTime = true
	if v.relativeToNow == "now" {
		v.h, v.mi, v.s, v.us = now.Hour(), now.Minute(), now.Second(), now.Nanosecond()/1000
	}
}

// wall is the value's wall-clock time (no zone applied), as a UTC time.
func (v *dtValue) wall() time.Time {
	return time.Date(v.y, time.Month(v.m), v.d, v.h, v.mi, v.s, v.us*1000, time.UTC)
}

// instant is the value as an instant: its zone applied, UTC when none.
func (v *dtValue) instant() time.Time { return v.instantIn(time.UTC) }

// instantIn is the value as an instant: its zone applied, wall-clock time
// in zone when it has none (PostgreSQL's timestamptz input under a
// session TimeZone).
func (v *dtValue) instantIn(zone *time.Location) time.Time {
	switch {
	case v.zoneLoc != nil:
		return WallIn(v.wall(), v.zoneLoc)
	case v.hasZone:
		return v.wall().Add(-time.Duration(v.zoneOff) * time.Second)
	case zone != nil && zone != time.UTC:
		return WallIn(v.wall(), zone)
	}
	return v.wall()
}

// WallIn is the instant (in UTC) at which the clocks of zone show the
// wall-clock time w (its fields, read as UTC), resolved at a transition
// as PostgreSQL does: a time in a spring-forward gap takes the offset
// before the transition, an ambiguous time after a fall-back the offset
// after it. (time.Date leaves both unspecified.)
func WallIn(w time.Time, zone *time.Location) time.Time {
	offAt := func(t time.Time) int { _, o := t.In(zone).Zone(); return o }
	valid := func(o int) bool { return offAt(w.Add(-time.Duration(o)*time.Second)) == o }
	// Offsets a day either side: zones do not change twice within two days.
	before, after := offAt(w.Add(-24*time.Hour)), offAt(w.Add(24*time.Hour))
	switch {
	case valid(after):
		// plain (also on a transition day, after it), or fall-back overlap
		return w.Add(-time.Duration(after) * time.Second)
	case valid(before):
		return w.Add(-time.Duration(before) * time.Second)
	case before != after:
		return w.Add(-time.Duration(before) * time.Second) // spring-forward gap
	}
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), zone).UTC()
}

// LoadZone resolves a session TimeZone value (SET TimeZone) as
// PostgreSQL 15 does (zoneinfo.go): a name of the embedded tz database,
// case-insensitive, a POSIX TZ string (UTC+3, EST5EDT), a number of hours
// east (-8, 5.5) or an interval (INTERVAL '-08:00' HOUR TO MINUTE).
// Anything else is 22023. name is the canonical spelling to store, show
// and carry in log entries: LoadZone(name) is the same zone.
func LoadZone(value string) (loc *time.Location, name string, err error) {
	v := strings.TrimSpace(value)
	switch strings.ToLower(v) {
	case "utc", "gmt", "etc/utc", "universal", "zulu":
		return time.UTC, "UTC", nil
	}
	if loc, name, ok, err := setZoneNumeric(v); err != nil || ok {
		return loc, name, err
	}
	if v == value && !strings.ContainsAny(v, " \x00") {
		if loc, ok := zoneSpec(v); ok {
			return loc, loc.String(), nil
		}
	}
	return nil, "", pgErr("22023", "invalid value for parameter \"TimeZone\": \"%s\"", value)
}

func (v *dtValue) checkTime(in string) error {
	if v.h > 24 || v.mi > 59 || v.s > 60 || v.h == 24 && (v.mi != 0 || v.s != 0 || v.us != 0) {
		return dtRange(in)
	}
	return nil
}

// roundPrecision rounds t to p fractional digits (typmod of time and
// timestamp; -1 keeps microseconds).
func roundPrecision(t time.Time, typmod int64) time.Time {
	if typmod < 0 || typmod >= 6 {
		return t
	}
	unit := time.Duration(math.Pow10(9 - int(typmod)))
	return t.Round(unit)
}

// Canonical forms.

func formatDateCanon(t time.Time) string {
	if y := t.Year(); y <= 0 {
		return fmt.Sprintf("%04d-%02d-%02d BC", 1-y, int(t.Month()), t.Day())
	}
	return fmt.Sprintf("%04d-%02d-%02d", t.Year(), int(t.Month()), t.Day())
}

func fracString(ns int) string {
	us := ns / 1000
	if us == 0 {
		return ""
	}
	return strings.TrimRight(fmt.Sprintf(".%06d", us), "0")
}

func formatTimestampCanon(t time.Time) string {
	bc := ""
	y := t.Year()
	if y <= 0 {
		bc, y = " BC", 1-y
	}
	return fmt.Sprintf("%04d-%02d-%02d %02d:%02d:%02d%s%s", y, int(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second(), fracString(t.Nanosecond()), bc)
}

func formatTimestamptzCanon(t time.Time) string {
	s := formatTimestampCanon(t.UTC())
	if strings.HasSuffix(s, " BC") {
		return strings.TrimSuffix(s, " BC") + "+00 BC"
	}
	return s + "+00"
}

// formatOffset is PostgreSQL's zone suffix: +02, -03:30.
func formatOffset(off int) string {
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	s := fmt.Sprintf("%s%02d", sign, off/3600)
	if off%3600 != 0 {
		s += fmt.Sprintf(":%02d", off%3600/60)
		if off%60 != 0 {
			s += fmt.Sprintf(":%02d", off%60)
		}
	}
	return s
}

func formatTimeCanon(us int64) string { return pgwire.FormatTimeOfDay(us) }
