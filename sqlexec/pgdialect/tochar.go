package pgdialect

// tochar.go: to_char(timestamp|date|interval, format), to_date(text,
// format), to_timestamp(text, format) and to_timestamp(epoch) for
// PostgreSQL's common template patterns (YYYY YYY YY Y IYYY MM DD DDD D ID
// HH24 HH12 HH MI SS MS US AM PM A.M. P.M. Month Mon Day Dy (in upper,
// capitalised and lower case) Q WW IW J TZ OF, the FM prefix, TH/th
// suffixes, "quoted text" and \ escapes). Pure functions of the arguments.

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

var longMonths = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
var longDays = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

// romanMonths are the months in Roman numerals, December first, as
// PostgreSQL's rm_months_upper (RM indexes it from the end).
var romanMonths = []string{"XII", "XI", "X", "IX", "VIII", "VII", "VI", "V", "IV", "III", "II", "I"}

// dateFields are what to_char formats, PostgreSQL's pg_tm of the value: a
// timestamp's wall clock (year astronomical: 0 is 1 BC), or an interval's
// parts, each signed, as interval_to_char fills them (yday the span in
// 30-day months and days, wday 0).
type dateFields struct {
	year, mon, mday, hour, min, sec, usec int64
	yday, wday                            int64
	gmtoff                                int64  // seconds east of UTC
	tzn                                   string // zone abbreviation, "" for none
	interval                              bool
}

// timestampFields are the fields of wall clock t.
func timestampFields(t time.Time, tzn string, gmtoff int) dateFields {
	return dateFields{
		year: int64(t.Year()), mon: int64(t.Month()), mday: int64(t.Day()),
		hour: int64(t.Hour()), min: int64(t.Minute()), sec: int64(t.Second()), usec: int64(t.Nanosecond() / 1000),
		yday: int64(t.YearDay()), wday: int64(t.Weekday()), gmtoff: int64(gmtoff), tzn: tzn,
	}
}

// intervalFields are interval_to_char's fields of iv (interval2itm:
// every part truncated toward zero, so each keeps the sign).
func intervalFields(iv interval) dateFields {
	f := dateFields{year: iv.months / 12, mon: iv.months % 12, mday: iv.days, interval: true}
	us := iv.us
	f.hour, us = us/usPerHour, us%usPerHour
	f.min, us = us/(60*usPerSec), us%(60*usPerSec)
	f.sec, f.usec = us/usPerSec, us%usPerSec
	f.yday = (f.year*12+f.mon)*30 + f.mday
	return f
}

// cInt is C's printf("%0*d", width, n): zero-padded to width, the sign
// counted in it (width 0: no padding).
func cInt(n int64, width int) string {
	s := strconv.FormatInt(n, 10)
	if len(s) >= width {
		return s
	}
	if n < 0 {
		return "-" + strings.Repeat("0", width-len(s)) + s[1:]
	}
	return strings.Repeat("0", width-len(s)) + s
}

// signedWidth is the width PostgreSQL gives a field that may be negative
// in an interval (HH24, MI, SS, MM: one more for the sign); 0 under FM.
func signedWidth(fm bool, n int64, width int) int {
	switch {
	case fm:
		return 0
	case n < 0:
		return width + 1
	}
	return width
}

// adjustYear is PostgreSQL's ADJUST_YEAR: a timestamp's year 0 is 1 BC.
func adjustYear(y int64, isInterval bool) int64 {
	if !isInterval && y <= 0 {
		return 1 - y
	}
	return y
}

// errIntervalFormat is INVALID_FOR_INTERVAL: a pattern about a calendar
// date (a name, a weekday, an era, a zone) in an interval's template.
func errIntervalFormat() error {
	return errors.New(SQLStateText("22007", "invalid format specification for an interval value", "", "Intervals are not tied to specific calendar dates."))
}

// toChar formats f by template format as PostgreSQL's DCH_to_char.
func toChar(f dateFields, format string) (string, error) {
	var b strings.Builder
	for _, n := range parseDateTemplate(format) {
		if n.key == "" {
			b.WriteString(n.lit)
			continue
		}
		out, numeric, err := toCharField(f, n)
		if err != nil {
			return "", err
		}
		if numeric && n.th != "" && out != "" {
			out += ordinalOf(out, n.th == "TH")
		}
		b.WriteString(out)
	}
	return b.String(), nil
}

// toCharField is one keyword's text; numeric when a TH suffix applies to it.
func toCharField(f dateFields, n dateFmtNode) (out string, numeric bool, err error) {
	fm := n.fm
	padName := func(s string, upper, lower bool) string {
		switch {
		case upper:
			s = strings.ToUpper(s)
		case lower:
			s = strings.ToLower(s)
		}
		if fm || n.tm {
			return s
		}
		return fmt.Sprintf("%-9s", s)
	}
	calendarOnly := func() error {
		if f.interval {
			return errIntervalFormat()
		}
		return nil
	}
	hour12 := f.hour % 12
	if hour12 == 0 {
		hour12 = 12
	}
	year := adjustYear(f.year, f.interval)
	isoYear := func() int64 { return adjustYear(date2isoyear(f.year, f.mon, f.mday), f.interval) }
	switch n.canon {
	case "AM", "PM", "A.M.", "P.M.", "am", "pm", "a.m.", "p.m.":
		s := "AM"
		if f.hour%24 >= 12 {
			s = "PM"
		}
		return markerAs(s, n.key), false, nil
	case "AD", "BC", "A.D.", "B.C.", "ad", "bc", "a.d.", "b.c.":
		if err := calendarOnly(); err != nil {
			return "", false, err
		}
		s := "AD"
		if f.year <= 0 {
			s = "BC"
		}
		return markerAs(s, n.key), false, nil
	case "HH24":
		return cInt(f.hour, signedWidth(fm, f.hour, 2)), true, nil
	case "HH", "HH12":
		return cInt(hour12, signedWidth(fm, f.hour, 2)), true, nil
	case "MI":
		return cInt(f.min, signedWidth(fm, f.min, 2)), true, nil
	case "SS":
		return cInt(f.sec, signedWidth(fm, f.sec, 2)), true, nil
	case "FF1", "FF2", "FF3", "FF4", "FF5", "FF6", "MS", "US":
		// fixed widths: FM does not shorten a fraction
		digits := map[string]int{"FF1": 1, "FF2": 2, "FF3": 3, "MS": 3, "FF4": 4, "FF5": 5, "FF6": 6, "US": 6}[n.canon]
		div := int64(1)
		for range 6 - digits {
			div *= 10
		}
		return cInt(f.usec/div, digits), true, nil
	case "SSSS", "SSSSS":
		return strconv.FormatInt(f.hour*3600+f.min*60+f.sec, 10), true, nil
	case "TZ", "tz":
		if err := calendarOnly(); err != nil {
			return "", false, err
		}
		if n.key == "tz" {
			return strings.ToLower(f.tzn), false, nil
		}
		return f.tzn, false, nil
	case "TZH", "TZM", "OF":
		if err := calendarOnly(); err != nil {
			return "", false, err
		}
		sign, off := "+", f.gmtoff
		if off < 0 {
			sign, off = "-", -off
		}
		switch n.canon {
		case "TZH":
			return sign + cInt(off/3600, 2), false, nil
		case "TZM":
			return cInt(off%3600/60, 2), false, nil
		}
		w := 2
		if fm {
			w = 0
		}
		s := sign + cInt(off/3600, w)
		if off%3600 != 0 {
			s += ":" + cInt(off%3600/60, 2)
		}
		return s, false, nil
	case "MONTH", "Month", "month", "MON", "Mon", "mon":
		if err := calendarOnly(); err != nil {
			return "", false, err
		}
		if f.mon == 0 {
			return "", false, nil
		}
		name := longMonths[f.mon-1]
		if strings.HasPrefix(strings.ToUpper(n.canon), "MONTH") {
			return padName(name, n.key == "MONTH", n.key == "month"), false, nil
		}
		return caseLike(n.key, name[:3]), false, nil
	case "DAY", "Day", "day", "DY", "Dy", "dy":
		if err := calendarOnly(); err != nil {
			return "", false, err
		}
		name := longDays[f.wday]
		if len(n.key) == 3 {
			return padName(name, n.key == "DAY", n.key == "day"), false, nil
		}
		return caseLike(n.key, name[:3]), false, nil
	case "MM":
		return cInt(f.mon, signedWidth(fm, f.mon, 2)), true, nil
	case "DDD", "IDDD":
		v := f.yday
		if n.canon == "IDDD" {
			v = date2isoyearday(f.year, f.mon, f.mday)
		}
		return cInt(v, widthUnlessFM(fm, 3)), true, nil
	case "DD":
		return cInt(f.mday, widthUnlessFM(fm, 2)), true, nil
	case "D", "ID":
		if err := calendarOnly(); err != nil {
			return "", false, err
		}
		if n.canon == "D" {
			return strconv.FormatInt(f.wday+1, 10), true, nil
		}
		if f.wday == 0 {
			return "7", true, nil
		}
		return strconv.FormatInt(f.wday, 10), true, nil
	case "WW":
		return cInt((f.yday-1)/7+1, widthUnlessFM(fm, 2)), true, nil
	case "IW":
		return cInt(date2isoweek(f.year, f.mon, f.mday), widthUnlessFM(fm, 2)), true, nil
	case "Q":
		if f.mon == 0 {
			return "", false, nil
		}
		return strconv.FormatInt((f.mon-1)/3+1, 10), true, nil
	case "CC":
		var c int64
		switch {
		case f.interval:
			c = f.year / 100
		case f.year > 0:
			c = (f.year-1)/100 + 1 // century 20 is 1901-2000
		default:
			c = f.year/100 - 1 // century 6 BC is 600-501 BC
		}
		if c >= -99 && c <= 99 {
			return cInt(c, signedWidth(fm, c, 2)), true, nil
		}
		return strconv.FormatInt(c, 10), true, nil
	case "Y,YYY":
		th := year / 1000
		return strconv.FormatInt(th, 10) + "," + cInt(year-th*1000, 3), true, nil
	case "YYYY", "IYYY", "YYY", "IYY", "YY", "IY", "Y", "I":
		v := year
		if n.canon[0] == 'I' {
			v = isoYear()
		}
		digits := len(n.canon) // IYYY has YYYY's width
		if digits < 4 {
			mod := int64(1)
			for range digits {
				mod *= 10
			}
			v %= mod
		}
		if digits == 1 {
			return cInt(v, 1), true, nil // "%1d": one digit, FM or not
		}
		return cInt(v, signedWidth(fm, year, digits)), true, nil
	case "RM", "rm":
		if f.mon == 0 && f.year == 0 {
			return "", false, nil
		}
		var i int64
		switch {
		case f.mon == 0: // whole years of an interval
			if f.year < 0 {
				i = 11
			}
		case f.mon < 0: // -1 is December
			i = -(f.mon + 1)
		default:
			i = 12 - f.mon
		}
		s := romanMonths[i]
		if n.key == "rm" {
			s = strings.ToLower(s)
		}
		if !fm {
			s = fmt.Sprintf("%-4s", s)
		}
		return s, false, nil
	case "W":
		return strconv.FormatInt((f.mday-1)/7+1, 10), true, nil
	case "J":
		return strconv.FormatInt(date2j(f.year, f.mon, f.mday), 10), true, nil
	}
	return "", false, nil // FX: a to_date option, nothing to print
}

func widthUnlessFM(fm bool, width int) int {
	if fm {
		return 0
	}
	return width
}

// caseLike is word in the case of keyword: all upper, all lower, or as is.
func caseLike(keyword, word string) string {
	switch {
	case keyword == strings.ToUpper(keyword):
		return strings.ToUpper(word)
	case keyword == strings.ToLower(keyword):
		return strings.ToLower(word)
	}
	return word
}

// ordinalOf is PostgreSQL's get_th of the digits s: by its last digit, a
// teen (a next-to-last 1) always th.
func ordinalOf(s string, upper bool) string {
	suf := "th"
	last := s[len(s)-1]
	if len(s) < 2 || s[len(s)-2] != '1' {
		switch last {
		case '1':
			suf = "st"
		case '2':
			suf = "nd"
		case '3':
			suf = "rd"
		}
	}
	if upper {
		return strings.ToUpper(suf)
	}
	return suf
}

// date2j is PostgreSQL's date2j (the Julian day of a proleptic Gregorian
// date; any fields, as an interval's, are accepted).
func date2j(y, m, d int64) int64 {
	if m > 2 {
		m++
		y += 4800
	} else {
		m += 13
		y += 4799
	}
	century := y / 100
	j := y*365 - 32167
	j += y/4 - century + century/4
	j += 7834*m/256 + d
	return j
}

// j2day is the weekday of Julian day j (0 Sunday).
func j2day(j int64) int64 {
	j = (j + 1) % 7
	if j < 0 {
		j += 7
	}
	return j
}

// isoWeekStart is the Julian day of the Monday of ISO week 1 of year y.
func isoWeekStart(y int64) int64 {
	day4 := date2j(y, 1, 4)
	return day4 - j2day(day4-1)
}

// date2isoweek and date2isoyear are PostgreSQL's: the ISO week (1-53) and
// its year of a date.
func date2isoweek(y, m, d int64) int64 {
	w, _ := isoWeekYear(y, m, d)
	return w
}

func date2isoyear(y, m, d int64) int64 {
	_, iy := isoWeekYear(y, m, d)
	return iy
}

func isoWeekYear(y, m, d int64) (week, year int64) {
	dayn := date2j(y, m, d)
	start := isoWeekStart(y)
	year = y
	if dayn < start {
		year--
		start = isoWeekStart(year)
	}
	week = (dayn-start)/7 + 1
	if week >= 52 && dayn >= isoWeekStart(y+1) {
		return 1, y + 1
	}
	return week, year
}

// date2isoyearday is the day (1-371) of a date in its ISO year.
func date2isoyearday(y, m, d int64) int64 {
	return date2j(y, m, d) - isoWeekStart(date2isoyear(y, m, d)) + 1
}

// toCharIn is to_char(value, format) for dates, timestamps and intervals
// (a timestamptz prints its local time in zone) and for numbers.
func toCharIn(a []driver.Value, zone *time.Location) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	if isNumberValue(a[0]) {
		// a third argument is the number's type, where it is a real's
		// (numeric_calls.go)
		return toCharNumber(a[0], str(a[1]), len(a) == 3 && str(a[2]) == "float4") // tocharnum.go
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
		return toChar(intervalFields(o.iv), str(a[1]))
	case "time", "timetz":
		// PostgreSQL has no to_char(time): a time is cast to an interval
		// (24:00:00 is hour 24, DD and MM are 00)
		return toChar(intervalFields(interval{us: o.us}), str(a[1]))
	case "timestamptz":
		w, off := localWall(o.t, zone)
		return toChar(timestampFields(w, zoneAbbrev(o.t, zone), off), str(a[1]))
	}
	return toChar(timestampFields(o.t, "", 0), str(a[1]))
}

// parseWithFormat is the inverse of toChar for to_date / to_timestamp.
func parseWithFormat(in, format string) (time.Time, error) {
	// no year field is year 0, 1 BC, as PostgreSQL leaves tm_year 0
	y, mo, d, h, mi, s, us := 0, 1, 1, 0, 0, 0, 0
	pm, am := false, false
	j := 0
	numLen := 0 // the digits readNum read
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
		numLen = k - j
		if in[j] == '-' || in[j] == '+' {
			numLen--
		}
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
	for _, n := range parseDateTemplate(format) {
		if j > len(in) {
			j = len(in) // a literal or AM/PM longer than the rest of the input
		}
		if n.key == "" {
			switch {
			case n.quoted:
				j += len(n.lit)
			case j < len(in) && !isDigit(in[j]) && !isLetter(in[j]):
				j++
			case n.lit != " " && j < len(in) && in[j] == n.lit[0]:
				j++
			}
			continue
		}
		switch n.canon {
		case "YYYY", "IYYY":
			y, err = readNum(4)
		case "YYY", "YY", "Y":
			y, err = readNum(len(n.canon))
			if err == nil && len(n.canon) == 2 {
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
		case "MS", "FF1", "FF2", "FF3", "FF4", "FF5", "FF6", "US":
			// a fraction's digits: "5" under MS is 500 ms, as "25" is 250
			digits := map[string]int{"FF1": 1, "FF2": 2, "FF3": 3, "MS": 3, "FF4": 4, "FF5": 5, "FF6": 6, "US": 6}[n.canon]
			var v int
			v, err = readNum(digits)
			for range 6 - numLen {
				v *= 10
			}
			us += v
		case "AM", "am", "A.M.", "a.m.", "PM", "pm", "P.M.", "p.m.":
			skipSpaces()
			if j < len(in) && (in[j] == 'p' || in[j] == 'P') {
				pm = true
			} else {
				am = true
			}
			j += len(n.key)
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
			// a function's error reaches the client by its marked text
			// (pgErr); an *Error's text has no SQLSTATE (it was XX000)
			return time.Time{}, pgErr("0A000", "template pattern \"%s\" is not supported in to_date/to_timestamp", n.key)
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

// markerAs writes the two-letter marker s (AM, PM, AD, BC) as the
// template key spells its kind: dotted (A.M.) and lower case (am) when
// the key is.
func markerAs(s, key string) string {
	if strings.Contains(key, ".") {
		s = s[:1] + "." + s[1:] + "."
	}
	if key[0] >= 'a' {
		s = strings.ToLower(s)
	}
	return s
}
