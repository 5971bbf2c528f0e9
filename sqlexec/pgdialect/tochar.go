package pgdialect

// tochar.go: to_char(timestamp|date|interval, format), to_date(text,
// format), to_timestamp(text, format) and to_timestamp(epoch) for
// PostgreSQL's common template patterns (YYYY YYY YY Y IYYY MM DD DDD D ID
// HH24 HH12 HH MI SS MS US AM PM A.M. P.M. Month Mon Day Dy (in upper,
// capitalised and lower case) Q WW IW J TZ OF, the FM prefix, TH/th
// suffixes, "quoted text" and \ escapes). Pure functions of the arguments.

import (
	"database/sql/driver"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

var toCharPatterns = []string{
	"HH24", "HH12", "HH", "MI", "SS", "MS", "US", "SSSSS", "SSSS",
	"A.M.", "a.m.", "P.M.", "p.m.", "AM", "am", "PM", "pm",
	"YYYY", "IYYY", "YYY", "YY", "Y", "MONTH", "Month", "month", "MON", "Mon", "mon", "MM",
	"DAY", "Day", "day", "DY", "Dy", "dy", "DDD", "DD", "D", "ID", "IW", "WW", "Q", "J",
	"TZ", "tz", "OF",
}

var longMonths = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
var longDays = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

func casePattern(pat, word string) string {
	switch {
	case pat == strings.ToUpper(pat):
		return strings.ToUpper(word)
	case pat == strings.ToLower(pat):
		return strings.ToLower(word)
	}
	return word
}

// matchPattern returns the pattern at format[i:], or "".
func matchPattern(format string, i int) string {
	for _, p := range toCharPatterns {
		if strings.HasPrefix(format[i:], p) {
			return p
		}
	}
	return ""
}

// toChar formats t (with interval iv when isInterval) as PostgreSQL's
// to_char does; tz is the zone abbreviation for TZ ("" for timestamp), off
// the zone's offset for OF.
func toChar(t time.Time, iv *interval, tzName string, off int, format string) string {
	var b strings.Builder
	for i := 0; i < len(format); {
		c := format[i]
		if c == '"' {
			j := i + 1
			for j < len(format) && format[j] != '"' {
				if format[j] == '\\' && j+1 < len(format) {
					j++
				}
				b.WriteByte(format[j])
				j++
			}
			i = j + 1
			continue
		}
		if c == '\\' && i+1 < len(format) {
			b.WriteByte(format[i+1])
			i += 2
			continue
		}
		fm := false
		if strings.HasPrefix(format[i:], "FM") || strings.HasPrefix(format[i:], "fm") {
			fm = true
			i += 2
		}
		p := matchPattern(format, i)
		if p == "" {
			if fm {
				continue
			}
			b.WriteByte(c)
			i++
			continue
		}
		i += len(p)
		num := func(n int64, width int) string {
			if fm {
				return strconv.FormatInt(n, 10)
			}
			if n < 0 {
				return fmt.Sprintf("-%0*d", width, -n)
			}
			return fmt.Sprintf("%0*d", width, n)
		}
		word := func(w string, width int) string {
			w = casePattern(p, w)
			if fm {
				return w
			}
			return fmt.Sprintf("%-*s", width, w)
		}
		var out string
		var n int64 = -1 // for TH
		y := t.Year()
		if iv != nil {
			y = int(iv.months / 12) // an interval's years: 0 is 0000, not 1 BC
		} else if y <= 0 {
			y = 1 - y
		}
		hour := t.Hour()
		if iv != nil {
			hour = int(iv.us / usPerHour)
		}
		switch p {
		case "HH24":
			n = int64(hour)
			out = num(n, 2)
		case "HH12", "HH":
			h := hour % 12
			if h == 0 {
				h = 12
			}
			n = int64(h)
			out = num(n, 2)
		case "MI":
			n = int64(t.Minute())
			out = num(n, 2)
		case "SS":
			n = int64(t.Second())
			out = num(n, 2)
		case "MS":
			n = int64(t.Nanosecond() / 1e6)
			out = num(n, 3)
		case "US":
			n = int64(t.Nanosecond() / 1e3)
			out = num(n, 6)
		case "SSSS", "SSSSS":
			n = int64(t.Hour()*3600 + t.Minute()*60 + t.Second())
			out = strconv.FormatInt(n, 10)
		case "AM", "PM", "am", "pm", "A.M.", "P.M.", "a.m.", "p.m.":
			pm := hour%24 >= 12
			s := "AM"
			if pm {
				s = "PM"
			}
			if strings.Contains(p, ".") {
				s = s[:1] + "." + s[1:] + "."
			}
			if p[0] >= 'a' {
				s = strings.ToLower(s)
			}
			out = s
		case "YYYY":
			n = int64(y)
			out = num(n, 4)
		case "IYYY":
			iy, _ := t.ISOWeek()
			n = int64(iy)
			out = num(n, 4)
		case "YYY":
			n = int64(y % 1000)
			out = num(n, 3)
		case "YY":
			n = int64(y % 100)
			out = num(n, 2)
		case "Y":
			n = int64(y % 10)
			out = num(n, 1)
		case "MONTH", "Month", "month":
			out = word(longMonths[t.Month()-1], 9)
		case "MON", "Mon", "mon":
			out = casePattern(p, longMonths[t.Month()-1][:3])
		case "MM":
			n = int64(t.Month())
			if iv != nil {
				n = iv.months % 12
			}
			out = num(n, 2)
		case "DAY", "Day", "day":
			out = word(longDays[t.Weekday()], 9)
		case "DY", "Dy", "dy":
			out = casePattern(p, longDays[t.Weekday()][:3])
		case "DDD":
			n = int64(t.YearDay())
			out = num(n, 3)
		case "DD":
			n = int64(t.Day())
			if iv != nil {
				n = iv.days
			}
			out = num(n, 2)
		case "D":
			n = int64(t.Weekday()) + 1
			out = strconv.FormatInt(n, 10)
		case "ID":
			n = int64((int(t.Weekday())+6)%7 + 1)
			out = strconv.FormatInt(n, 10)
		case "IW":
			_, w := t.ISOWeek()
			n = int64(w)
			out = num(n, 2)
		case "WW":
			n = int64((t.YearDay()-1)/7 + 1)
			out = num(n, 2)
		case "Q":
			n = int64((int(t.Month())-1)/3 + 1)
			out = strconv.FormatInt(n, 10)
		case "J":
			n = floorDiv(t.Unix(), 86400) + 2440588
			out = strconv.FormatInt(n, 10)
		case "TZ", "tz":
			out = casePattern(p, tzName)
		case "OF":
			if tzName != "" || off != 0 {
				out = formatOffset(off)
			}
		}
		if n >= 0 && (strings.HasPrefix(format[i:], "TH") || strings.HasPrefix(format[i:], "th")) {
			out += casePattern(format[i:i+2], ordinalSuffix(n))
			i += 2
		}
		b.WriteString(out)
	}
	return b.String()
}

func ordinalSuffix(n int64) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// toCharIn is to_char(value, format) for dates, timestamps and intervals
// (a timestamptz prints its local time in zone) and for numbers.
func toCharIn(a []driver.Value, zone *time.Location) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	if isNumberValue(a[0]) {
		return toCharNumber(a[0], str(a[1])) // tocharnum.go
	}
	o, err := dtArg(a[0])
	if err != nil {
		return nil, err
	}
	if o.inf != "" {
		return nil, nil // PostgreSQL: NULL for infinite timestamps
	}
	switch o.typ {
	case "interval":
		iv := o.iv
		t := time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(iv.us%usPerHour) * time.Microsecond)
		t = time.Date(int(iv.months/12), time.Month(1), 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
		return toChar(t, &iv, "", 0, str(a[1])), nil
	case "time", "timetz":
		// formatted like an interval of o.us, as PostgreSQL's time_to_char
		// fills no date fields: 24:00:00 is hour 24, DD and MM are 00
		t := time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(o.us%usPerHour) * time.Microsecond)
		return toChar(t, &interval{us: o.us}, "", 0, str(a[1])), nil
	case "timestamptz":
		w, off := localWall(o.t, zone)
		return toChar(w, nil, zoneAbbrev(o.t, zone), off, str(a[1])), nil
	}
	return toChar(o.t, nil, "", 0, str(a[1])), nil
}

// parseWithFormat is the inverse of toChar for to_date / to_timestamp.
func parseWithFormat(in, format string) (time.Time, error) {
	y, mo, d, h, mi, s, us := 1, 1, 1, 0, 0, 0, 0
	pm, am := false, false
	j := 0
	skipSpaces := func() {
		for j < len(in) && in[j] == ' ' {
			j++
		}
	}
	readNum := func(max int) (int, error) {
		skipSpaces()
		k := j
		if k < len(in) && (in[k] == '-' || in[k] == '+') {
			k++
		}
		for k < len(in) && k-j < max && isDigit(in[k]) {
			k++
		}
		if k == j {
			return 0, pgErr("22007", "invalid value \"%s\" for \"%s\"", in[j:], format)
		}
		n, err := strconv.Atoi(in[j:k])
		j = k
		return n, err
	}
	readWord := func(words []string, short bool) (int, error) {
		skipSpaces()
		for i, w := range words {
			if short {
				w = w[:3]
			}
			if len(in)-j >= len(w) && strings.EqualFold(in[j:j+len(w)], w) {
				j += len(w)
				return i, nil
			}
		}
		return 0, pgErr("22007", "invalid value \"%s\" for \"%s\"", in[j:], format)
	}
	var err error
	for i := 0; i < len(format); {
		if j > len(in) {
			j = len(in) // a literal or AM/PM longer than the rest of the input
		}
		if strings.HasPrefix(format[i:], "FM") || strings.HasPrefix(format[i:], "fm") {
			i += 2
			continue
		}
		if format[i] == '"' {
			k := strings.IndexByte(format[i+1:], '"')
			if k < 0 {
				k = len(format) - i - 1
			}
			j += k
			i += k + 2
			continue
		}
		p := matchPattern(format, i)
		if p == "" {
			if j < len(in) && !isDigit(in[j]) && !isLetter(in[j]) {
				j++
			} else if format[i] != ' ' && j < len(in) && in[j] == format[i] {
				j++
			}
			i++
			continue
		}
		i += len(p)
		switch p {
		case "YYYY", "IYYY":
			y, err = readNum(4)
		case "YYY", "YY", "Y":
			y, err = readNum(len(p))
			if err == nil && len(p) == 2 {
				y = twoDigitYear(y)
			}
		case "MM":
			mo, err = readNum(2)
		case "DD":
			d, err = readNum(2)
		case "HH24", "HH12", "HH":
			h, err = readNum(2)
		case "MI":
			mi, err = readNum(2)
		case "SS":
			s, err = readNum(2)
		case "MS":
			var ms int
			ms, err = readNum(3)
			us += ms * 1000
		case "US":
			var u int
			u, err = readNum(6)
			us += u
		case "AM", "am", "A.M.", "a.m.", "PM", "pm", "P.M.", "p.m.":
			skipSpaces()
			if j < len(in) && (in[j] == 'p' || in[j] == 'P') {
				pm = true
			} else {
				am = true
			}
			j += len(p)
		case "MONTH", "Month", "month":
			mo, err = readWord(longMonths, false)
			mo++
		case "MON", "Mon", "mon":
			mo, err = readWord(longMonths, true)
			mo++
		case "DAY", "Day", "day":
			_, err = readWord(longDays, false)
		case "DY", "Dy", "dy":
			_, err = readWord(longDays, true)
		default:
			return time.Time{}, unsupported("template pattern \"%s\" is not supported in to_date/to_timestamp", p)
		}
		if err != nil {
			return time.Time{}, err
		}
	}
	if pm && h < 12 {
		h += 12
	} else if am && h == 12 {
		h = 0
	}
	if mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 24 || mi > 59 || s > 60 {
		return time.Time{}, pgErr("22008", "date/time field value out of range: \"%s\"", in)
	}
	return time.Date(y, time.Month(mo), d, h, mi, s, us*1000, time.UTC), nil
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func fnToDate(_ *sqliteFunctionContext, a []driver.Value) (driver.Value, error) {
	return parseFormatted(a, formatDateCanon)
}

// parseFormatted is to_date / to_timestamp(text, format), canonicalised by
// canon.
func parseFormatted(a []driver.Value, canon func(time.Time) string) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	t, err := parseWithFormat(str(a[0]), str(a[1]))
	if err != nil {
		return nil, err
	}
	return canon(t), nil
}

// toTimestampIn is to_timestamp(text, format), whose fields are the
// session zone's wall clock (ZonedFunctions), or to_timestamp(epoch
// seconds).
func toTimestampIn(a []driver.Value, zone *time.Location) (driver.Value, error) {
	switch len(a) {
	case 2:
		return parseFormatted(a, func(t time.Time) string { return formatTimestamptzCanon(WallIn(t, zone)) })
	case 1:
	default:
		return nil, pgErr("42883", "function to_timestamp with %d arguments does not exist", len(a))
	}
	if a[0] == nil {
		return nil, nil
	}
	f, err := argFloat(a[0])
	if err != nil {
		return nil, err
	}
	switch {
	case math.IsInf(f, 1):
		return "infinity", nil
	case math.IsInf(f, -1):
		return "-infinity", nil
	case math.IsNaN(f) || math.Abs(f) > 9.2e12:
		return nil, pgErr("22008", "timestamp out of range: \"%s\"", strconv.FormatFloat(f, 'g', -1, 64))
	}
	sec := math.Floor(f)
	t := time.Unix(int64(sec), int64(math.Round((f-sec)*1e6))*1000).UTC()
	return formatTimestamptzCanon(t), nil
}
