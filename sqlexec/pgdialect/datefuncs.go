package pgdialect

// datefuncs.go: PostgreSQL's date/time functions over the canonical stored
// forms: date_trunc, date_part/extract, age, make_date, make_time,
// make_timestamp, make_timestamptz, make_interval, justify_days,
// justify_hours, justify_interval, timezone (AT TIME ZONE). All are pure
// functions of their arguments (the translator turns age(x) into
// age(CURRENT_DATE, x)).

import (
	"database/sql/driver"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// dtArg parses argument v of a function for which the translator passed no
// type: its type is read from its form (guessDTType).
func dtArg(v driver.Value) (dtOperand, error) { return operand(v, "") }

// normField is a date_trunc / extract field name in canonical spelling.
func normField(f string) string {
	f = strings.ToLower(strings.TrimSpace(f))
	switch u := intervalUnit(f); u {
	case "microsecond", "millisecond":
		return u + "s"
	case "":
	default:
		return u
	}
	if f == "qtr" {
		return "quarter"
	}
	return f // quarter, dow, doy, epoch, isodow, isoyear, julian, timezone ...
}

// dateTruncIn is date_trunc(field, source[, zone]): timestamp and
// timestamptz keep their type, a date becomes timestamptz (midnight in the
// session zone, as in PostgreSQL), an interval stays an interval. A
// timestamptz is truncated in its local time in zone (the third argument,
// else the session's); truncation to a day or more resolves the local
// result in the zone again (WallIn), finer truncation keeps the value's
// offset (PostgreSQL's timestamptz_trunc_internal).
func dateTruncIn(a []driver.Value, zone *time.Location) (driver.Value, error) {
	if len(a) < 2 || len(a) > 4 {
		return nil, pgErr("42883", "function date_trunc with %d arguments does not exist", len(a))
	}
	typ := ""
	if len(a) == 4 { // (field, source, NULL, source's type): dateTruncTyped
		typ, _ = a[3].(string)
		a = a[:2]
	}
	if anyNil(a) {
		return nil, nil
	}
	o, err := operand(a[1], typ)
	if err != nil {
		return nil, err
	}
	if o.typ == "time" {
		// date_trunc has no time form: PostgreSQL casts a time to
		// interval (implicitly), and a value the translation could not
		// type (nested arithmetic: date_trunc('hour', iv + iv), ts - ts)
		// whose text reads as a time of day is an interval (both were
		// 42883; found by the differential fuzz tester)
		if o, err = operand(a[1], "interval"); err != nil {
			return nil, err
		}
	}
	field := normField(str(a[0]))
	if o.typ == "date" || len(a) == 3 && o.typ == "timestamp" {
		// date and timestamp arguments of the timestamptz versions: local
		// time in the session zone
		o.typ = "timestamptz"
		if o.inf == "" {
			o.t = WallIn(o.t, zone)
		}
	}
	if len(a) == 3 {
		if o.typ != "timestamptz" {
			return nil, pgErr("42883", "function date_trunc(unknown, %s, unknown) does not exist", dtTypeNames2(o.typ))
		}
		if zone, err = zoneArg(a[2]); err != nil {
			return nil, err
		}
	}
	if o.typ == "interval" {
		return truncInterval(field, o.iv, str(a[0]))
	}
	if o.typ != "timestamp" && o.typ != "timestamptz" {
		return nil, pgErr("42883", "function date_trunc(unknown, %s) does not exist", dtTypeNames2(o.typ))
	}
	if o.inf != "" {
		return o.inf, nil
	}
	t, off := o.t, 0
	if o.typ == "timestamptz" {
		t, off = localWall(o.t, zone)
	}
	w, err := truncWall(t, field, str(a[0]), o.typ)
	if err != nil {
		return nil, err
	}
	switch {
	case o.typ == "timestamp":
		o.t = w
	case field == "microseconds" || field == "milliseconds" || field == "second" || field == "minute" || field == "hour":
		o.t = w.Add(-time.Duration(off) * time.Second)
	default:
		o.t = WallIn(w, zone)
	}
	return o.format(), nil
}

// truncWall truncates the wall-clock time t to field (typ names the type
// in the error for an unknown field).
func truncWall(t time.Time, field, orig, typ string) (time.Time, error) {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	ns := t.Nanosecond()
	switch field {
	case "microseconds":
		ns = ns / 1000 * 1000
	case "milliseconds":
		ns = ns / 1e6 * 1e6
	case "second":
		ns = 0
	case "minute":
		s, ns = 0, 0
	case "hour":
		mi, s, ns = 0, 0, 0
	case "day":
		h, mi, s, ns = 0, 0, 0, 0
	case "week":
		wd := (int(t.Weekday()) + 6) % 7 // Monday = 0
		return time.Date(y, mo, d-wd, 0, 0, 0, 0, time.UTC), nil
	case "month":
		d, h, mi, s, ns = 1, 0, 0, 0, 0
	case "quarter":
		mo = time.Month((int(mo)-1)/3*3 + 1)
		d, h, mi, s, ns = 1, 0, 0, 0, 0
	case "year":
		mo, d, h, mi, s, ns = 1, 1, 0, 0, 0, 0
	case "decade":
		y = int(floorDiv(int64(y), 10) * 10)
		mo, d, h, mi, s, ns = 1, 1, 0, 0, 0, 0
	case "century":
		if y > 0 {
			y = (y-1)/100*100 + 1
		} else {
			y = -((99-y)/100*100 - 1)
		}
		mo, d, h, mi, s, ns = 1, 1, 0, 0, 0, 0
	case "millennium":
		if y > 0 {
			y = (y-1)/1000*1000 + 1
		} else {
			y = -((999-y)/1000*1000 - 1)
		}
		mo, d, h, mi, s, ns = 1, 1, 0, 0, 0, 0
	default:
		return time.Time{}, unitErr(orig, typ)
	}
	return time.Date(y, mo, d, h, mi, s, ns, time.UTC), nil
}

func unitErr(field, typ string) error {
	return pgErr("22023", "unit \"%s\" not recognized for type %s", strings.ToLower(field), dtTypeNames2(typ))
}

func truncInterval(field string, iv interval, orig string) (driver.Value, error) {
	switch field {
	case "microseconds":
	case "milliseconds":
		iv.us = iv.us / 1000 * 1000
	case "second":
		iv.us = iv.us / usPerSec * usPerSec
	case "minute":
		iv.us = iv.us / usPerMin * usPerMin
	case "hour":
		iv.us = iv.us / usPerHour * usPerHour
	case "day":
		iv.us = 0
	case "month":
		iv.us, iv.days = 0, 0
	case "quarter":
		iv.us, iv.days, iv.months = 0, 0, iv.months/3*3
	case "year":
		iv.us, iv.days, iv.months = 0, 0, iv.months/12*12
	case "decade":
		iv.us, iv.days, iv.months = 0, 0, iv.months/120*120
	case "century":
		iv.us, iv.days, iv.months = 0, 0, iv.months/1200*1200
	case "millennium":
		iv.us, iv.days, iv.months = 0, 0, iv.months/12000*12000
	default:
		return nil, unitErr(orig, "interval")
	}
	return iv.String(), nil
}

// extractField is EXTRACT(field FROM source) as a decimal string (PostgreSQL
// 14+ returns numeric: scale 6 for seconds and epoch of timestamps and
// times, integral otherwise) and date_part's double precision value. The
// fields of a timestamptz are those of its local time in zone.
func extractField(fieldIn string, o dtOperand, zone *time.Location) (dec string, f float64, err error) {
	field := normField(fieldIn)
	off := 0
	if o.typ == "timestamptz" && o.inf == "" && field != "epoch" {
		o.t, off = localWall(o.t, zone)
	}
	if o.inf != "" {
		if o.typ == "date" && dateTimeUnits[field] {
			return "", 0, extractUnitErr(field, fieldIn, o.typ)
		}
		switch field {
		case "epoch", "year", "isoyear", "decade", "century", "millennium", "julian":
			if o.inf == "infinity" {
				return "Infinity", math.Inf(1), nil
			}
			return "-Infinity", math.Inf(-1), nil
		}
		return "", 0, nil // NULL
	}
	integral := func(n int64) (string, float64, error) { return strconv.FormatInt(n, 10), float64(n), nil }
	// micros renders n/1e6 with scale 6 (scale 0 for dates, as PostgreSQL)
	micros := func(n int64, scale int) (string, float64, error) {
		f := float64(n) / 1e6
		if scale == 0 {
			return strconv.FormatInt(n/1e6, 10), f, nil
		}
		sign := ""
		if n < 0 {
			sign, n = "-", -n
		}
		return fmt.Sprintf("%s%d.%06d", sign, n/1e6, n%1e6), f, nil
	}
	thousandths := func(n int64) (string, float64, error) {
		sign := ""
		f := float64(n) / 1e3
		if n < 0 {
			sign, n = "-", -n
		}
		return fmt.Sprintf("%s%d.%03d", sign, n/1e3, n%1e3), f, nil
	}
	scale := 6
	if o.typ == "date" {
		scale = 0
	}
	switch o.typ {
	case "interval":
		iv := o.iv
		switch field {
		case "microseconds":
			return integral(iv.us % usPerMin)
		case "milliseconds":
			return thousandths(iv.us % usPerMin)
		case "second":
			return micros(iv.us%usPerMin, 6)
		case "minute":
			return integral(iv.us % usPerHour / usPerMin)
		case "hour":
			return integral(iv.us / usPerHour)
		case "day":
			return integral(iv.days)
		case "month":
			return integral(iv.months % 12)
		case "quarter":
			return integral(iv.months%12/3 + 1)
		case "year":
			return integral(iv.months / 12)
		case "decade":
			return integral(iv.months / 120)
		case "century":
			return integral(iv.months / 1200)
		case "millennium":
			return integral(iv.months / 12000)
		case "epoch":
			secs := float64(iv.months/12)*365.25*86400 + float64(iv.months%12)*30*86400 + float64(iv.days)*86400
			n := int64(secs)*usPerSec + iv.us
			return micros(n, 6)
		}
		return "", 0, extractUnitErr(field, fieldIn, "interval")
	case "time", "timetz":
		us := o.us
		switch field {
		case "microseconds":
			return integral(us % usPerMin)
		case "milliseconds":
			return thousandths(us % usPerMin)
		case "second":
			return micros(us%usPerMin, 6)
		case "minute":
			return integral(us % usPerHour / usPerMin)
		case "hour":
			return integral(us / usPerHour)
		case "epoch":
			return micros(us, 6)
		}
		return "", 0, extractUnitErr(field, fieldIn, o.typ)
	}
	t := o.t
	us := int64(t.Second())*usPerSec + int64(t.Nanosecond()/1000)
	y := t.Year()
	if y <= 0 {
		y-- // 1 BC is year -1 in extract
	}
	switch field {
	case "microseconds":
		if o.typ == "date" {
			break
		}
		return integral(us)
	case "milliseconds":
		if o.typ == "date" {
			break
		}
		return thousandths(us)
	case "second":
		if o.typ == "date" {
			break
		}
		return micros(us, 6)
	case "minute":
		if o.typ == "date" {
			break
		}
		return integral(int64(t.Minute()))
	case "hour":
		if o.typ == "date" {
			break
		}
		return integral(int64(t.Hour()))
	case "day":
		return integral(int64(t.Day()))
	case "month":
		return integral(int64(t.Month()))
	case "quarter":
		return integral(int64((int(t.Month())-1)/3 + 1))
	case "year":
		return integral(int64(y))
	case "decade":
		return integral(floorDiv(int64(t.Year()), 10))
	case "century":
		if y > 0 {
			return integral(int64((y + 99) / 100))
		}
		return integral(int64(-((99 - (y + 1)) / 100)))
	case "millennium":
		if y > 0 {
			return integral(int64((y + 999) / 1000))
		}
		return integral(int64(-((999 - (y + 1)) / 1000)))
	case "dow":
		return integral(int64(t.Weekday()))
	case "isodow":
		return integral(int64((int(t.Weekday())+6)%7 + 1))
	case "doy":
		return integral(int64(t.YearDay()))
	case "week":
		_, w := t.ISOWeek()
		return integral(int64(w))
	case "isoyear":
		iy, _ := t.ISOWeek()
		if iy <= 0 {
			iy-- // BC, as year: PostgreSQL adjusts the ISO year the same way
		}
		return integral(int64(iy))
	case "epoch":
		return extractEpoch(t.Unix(), int64(t.Nanosecond()/1000), scale)
	case "julian":
		// the day's number (floored: a time before 1970 is in an earlier
		// day than Unix()/86400 truncates to) plus the fraction of the day
		// as PostgreSQL's numeric division of microseconds by 86400e6
		// (select_div_scale: 20 digits for most times)
		day := floorDiv(t.Unix(), 86400)
		jd := day + 2440588
		if o.typ == "date" {
			return integral(jd)
		}
		usOfDay := (t.Unix()-day*86400)*usPerSec + int64(t.Nanosecond()/1000)
		var num, den, q, sum, whole decimal
		num.coef.SetInt64(usOfDay)
		den.coef.SetInt64(86400 * usPerSec)
		whole.coef.SetInt64(jd)
		if err := q.div(&num, &den); err != nil {
			return "", 0, err
		}
		sum.add(&whole, &q)
		f := float64(jd) + float64(usOfDay)/float64(86400*usPerSec)
		return sum.String(), f, nil
	case "timezone", "timezone_hour", "timezone_minute":
		if o.typ == "timestamptz" {
			switch field {
			case "timezone_hour":
				return integral(int64(off / 3600))
			case "timezone_minute":
				return integral(int64(off % 3600 / 60))
			}
			return integral(int64(off))
		}
	}
	return "", 0, extractUnitErr(field, fieldIn, o.typ)
}

// extractUnits are the units PostgreSQL's extract knows for some type:
// one the source's type has not is 0A000 "not supported" (extract(hour
// FROM a date)), any other word 22023 "not recognized".
var extractUnits = map[string]bool{"microseconds": true, "milliseconds": true, "second": true, "minute": true, "hour": true,
	"day": true, "week": true, "month": true, "quarter": true, "year": true, "decade": true, "century": true, "millennium": true,
	"julian": true, "epoch": true, "dow": true, "isodow": true, "doy": true, "isoyear": true,
	"timezone": true, "timezone_hour": true, "timezone_minute": true}

// dateTimeUnits are the units a date has not (extract of a date checks
// them before it looks at the value, so an infinite date too refuses them).
var dateTimeUnits = map[string]bool{"microseconds": true, "milliseconds": true, "second": true, "minute": true, "hour": true,
	"timezone": true, "timezone_hour": true, "timezone_minute": true}

// extractUnitErr is extract's error for the unit field (as the statement
// spelled it: fieldIn) that type typ has not.
func extractUnitErr(field, fieldIn, typ string) error {
	if extractUnits[field] {
		return pgErr("0A000", "unit \"%s\" not supported for type %s", strings.ToLower(fieldIn), dtTypeNames2(typ))
	}
	return unitErr(fieldIn, typ)
}

// extractArgs is pg_extract(field, source[, column's date/time type]), EXTRACT (numeric: an integer
// or a decimal string), or date_part(field, source) (float8), in the
// session zone zone.
func extractArgs(a []driver.Value, numeric bool, zone *time.Location) (driver.Value, error) {
	if len(a) != 2 && len(a) != 3 {
		return nil, pgErr("42883", "function extract with %d arguments does not exist", len(a))
	}
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	typ := "" // '': read from the value's form
	if len(a) > 2 && a[2] != nil {
		typ = str(a[2]) // a column's date/time type (extractRewrite)
	}
	o, err := operand(a[1], typ)
	if err != nil {
		return nil, err
	}
	if !numeric && o.typ == "date" {
		o.typ = "timestamp" // date_part has no date form: the date is cast to timestamp
	}
	dec, f, err := extractField(str(a[0]), o, zone)
	if err != nil || dec == "" {
		return nil, err
	}
	if !numeric {
		return f, nil
	}
	if n, err := strconv.ParseInt(dec, 10, 64); err == nil {
		return n, nil
	}
	return dec, nil
}

// age is PostgreSQL's symbolic difference a - b in years, months, days and
// time (timestamp_age).
func age(a, b time.Time) interval {
	neg := a.Before(b)
	if neg {
		a, b = b, a
	}
	y1, m1, d1 := a.Date()
	y2, m2, d2 := b.Date()
	us := (int64(a.Hour())*3600+int64(a.Minute())*60+int64(a.Second()))*usPerSec + int64(a.Nanosecond()/1000) -
		(int64(b.Hour())*3600+int64(b.Minute())*60+int64(b.Second()))*usPerSec - int64(b.Nanosecond()/1000)
	days := d1 - d2
	months := int(m1) - int(m2)
	years := y1 - y2
	if us < 0 {
		us += usPerDay
		days--
	}
	for days < 0 {
		// borrow the days of the earlier date's month (as timestamp_age)
		days += daysIn(y2, int(m2))
		months--
	}
	if months < 0 {
		months += 12
		years--
	}
	iv := interval{months: int64(years*12 + months), days: int64(days), us: us}
	if neg {
		iv = iv.neg()
	}
	return iv
}

// ageInfinity is what PostgreSQL 15's timestamp_age makes of infinity:
// it converts the largest timestamp, 2000-01-01 plus 2^63-1 microseconds
// (294277-01-09 04:00:54.775807), as any other, so age('infinity',
// '2000-01-01') is 292277 years 8 days 04:00:54.775807; -infinity does
// not convert (22008 timestamp out of range).
var ageInfinity = time.Date(2000, 1, 1+int(math.MaxInt64/usPerDay), 0, 0, 0, 0, time.UTC).
	Add(time.Duration(math.MaxInt64%usPerDay) * time.Microsecond)

// ageIn is age(a, b); timestamptz values are compared in their local
// times in zone (PostgreSQL's timestamptz_age).
func ageIn(a []driver.Value, zone *time.Location) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	x, err := dtArg(a[0])
	if err != nil {
		return nil, err
	}
	y, err := dtArg(a[1])
	if err != nil {
		return nil, err
	}
	if (x.typ != "date" && !isTS(x.typ)) || (y.typ != "date" && !isTS(y.typ)) {
		return nil, pgErr("42883", "function age(%s, %s) does not exist", dtTypeNames2(x.typ), dtTypeNames2(y.typ))
	}
	for _, v := range []*dtOperand{&x, &y} {
		switch v.inf {
		case "infinity":
			v.t = ageInfinity
		case "-infinity":
			return nil, pgErr("22008", "timestamp out of range")
		}
	}
	if x.typ == "timestamptz" && y.typ == "timestamptz" {
		x.t, _ = localWall(x.t, zone)
		y.t, _ = localWall(y.t, zone)
	}
	return age(x.t, y.t).String(), nil
}

func argInt(v driver.Value) (int64, error) {
	switch x := v.(type) {
	case int64:
		return x, nil
	case float64:
		return int64(math.Round(x)), nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(str(v)), 10, 64)
	if err != nil {
		return 0, pgErr("22P02", "invalid input syntax for type integer: \"%s\"", str(v))
	}
	return n, nil
}

// intArgs converts the first n arguments to integers.
func intArgs(a []driver.Value, n int) ([]int64, error) {
	out := make([]int64, n)
	for i := range out {
		var err error
		if out[i], err = argInt(a[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func argFloat(v driver.Value) (float64, error) {
	f, err := floatCast("double precision")(nil, []driver.Value{v})
	if err != nil {
		return 0, err
	}
	return f.(float64), nil
}

func anyNil(a []driver.Value) bool {
	for _, v := range a {
		if v == nil {
			return true
		}
	}
	return false
}

// makeDate validates y, m, d as make_date does (negative years are BC).
func makeDate(y, m, d int64) (time.Time, error) {
	if y == 0 || m < 1 || m > 12 || d < 1 {
		return time.Time{}, pgErr("22008", "date field value out of range: %d-%02d-%02d", y, m, d)
	}
	if y < 0 {
		y++
	}
	if d > int64(daysIn(int(y), int(m))) {
		if y <= 0 {
			y--
		}
		return time.Time{}, pgErr("22008", "date field value out of range: %d-%02d-%02d", y, m, d)
	}
	return time.Date(int(y), time.Month(m), int(d), 0, 0, 0, 0, time.UTC), nil
}

func makeTimeUS(h, mi int64, sec float64) (int64, error) {
	if h < 0 || h > 24 || mi < 0 || mi > 59 || sec < 0 || sec > 60 || h == 24 && (mi != 0 || sec != 0) {
		// PostgreSQL's "%d:%02d:%02g"
		return 0, pgErr("22008", "time field value out of range: %d:%02d:%02s", h, mi, strconv.FormatFloat(sec, 'g', -1, 64))
	}
	return h*usPerHour + mi*usPerMin + int64(math.Round(sec*1e6)), nil
}

func fnMakeDate(_ *sqliteFunctionContext, a []driver.Value) (driver.Value, error) {
	if anyNil(a) {
		return nil, nil
	}
	n, err := intArgs(a, 3)
	if err != nil {
		return nil, err
	}
	t, err := makeDate(n[0], n[1], n[2])
	if err != nil {
		return nil, err
	}
	return formatDateCanon(t), nil
}

func fnMakeTime(_ *sqliteFunctionContext, a []driver.Value) (driver.Value, error) {
	if anyNil(a) {
		return nil, nil
	}
	n, err := intArgs(a, 2)
	if err != nil {
		return nil, err
	}
	sec, err := argFloat(a[2])
	if err != nil {
		return nil, err
	}
	us, err := makeTimeUS(n[0], n[1], sec)
	if err != nil {
		return nil, err
	}
	return formatTimeCanon(us), nil
}

// makeTimestamp is make_timestamp / make_timestamptz computing in UTC
// (the registration ZonedFunctions replaces per connection).
func makeTimestamp(tz bool) fn {
	return func(_ *sqliteFunctionContext, a []driver.Value) (driver.Value, error) {
		return makeTimestampIn(tz, a, time.UTC)
	}
}

// makeTimestampIn is make_timestamp, or make_timestamptz whose fields are
// the session zone's wall clock when no zone argument names another
// (ZonedFunctions).
func makeTimestampIn(tz bool, a []driver.Value, zone *time.Location) (driver.Value, error) {
	if anyNil(a) {
		return nil, nil
	}
	n, err := intArgs(a, 5)
	if err != nil {
		return nil, err
	}
	sec, err := argFloat(a[5])
	if err != nil {
		return nil, err
	}
	d, err := makeDate(n[0], n[1], n[2])
	if err != nil {
		return nil, err
	}
	us, err := makeTimeUS(n[3], n[4], sec)
	if err != nil {
		return nil, err
	}
	t := d.Add(time.Duration(us) * time.Microsecond)
	if !tz {
		return formatTimestampCanon(t), nil
	}
	if len(a) > 6 {
		loc, err := zoneArgISO(a[6])
		if err != nil {
			return nil, err
		}
		zone = loc
	}
	t = WallIn(t, zone) // t's fields are UTC's: a DST gap or overlap as in PostgreSQL
	return formatTimestamptzCanon(t), nil
}

// zoneArg resolves the zone argument of AT TIME ZONE and date_trunc as
// PostgreSQL's timestamptz_zone does: an abbreviation, a name of the tz
// database or a POSIX TZ string ('+05' and 'UTC+5' are 5 hours WEST).
func zoneArg(v driver.Value) (*time.Location, error) {
	s := strings.TrimSpace(str(v))
	loc, err := loadZone(s)
	if err != nil {
		return nil, pgErr("22023", "time zone \"%s\" not recognized", s)
	}
	return loc, nil
}

// zoneArgISO resolves make_timestamptz's zone as PostgreSQL's
// parse_sane_timezone: an ISO offset first ('+02' is 2 hours EAST), then
// as zoneArg.
func zoneArgISO(v driver.Value) (*time.Location, error) {
	s := strings.TrimSpace(str(v))
	if s != "" && (s[0] == '+' || s[0] == '-') {
		var d dtValue
		if err := d.parseZone(s); err == nil {
			return time.FixedZone(s, d.zoneOff), nil
		}
	}
	return zoneArg(v)
}

// timezoneIn is timezone(zone, value), the function behind AT TIME ZONE,
// in the session's time zone session: a timestamptz becomes the
// wall-clock timestamp in zone; a timestamp (wall clock in zone) becomes
// the timestamptz instant. A date is promoted to timestamptz, as
// PostgreSQL promotes it (its midnight in the session's zone), so it
// becomes a timestamp: date '2024-01-01' AT TIME ZONE 'America/New_York'
// is 2023-12-31 19:00:00 in UTC, where taking the date for a timestamp
// gave the instant 2024-01-01 05:00:00+00.
func timezoneIn(a []driver.Value, session *time.Location) (driver.Value, error) {
	if anyNil(a) {
		return nil, nil
	}
	loc, err := zoneArg(a[0])
	if err != nil {
		return nil, err
	}
	o, err := dtArg(a[1])
	if err != nil {
		return nil, err
	}
	if o.inf != "" {
		return o.inf, nil
	}
	switch o.typ {
	case "date":
		t := o.t
		o.t = WallIn(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), session)
		fallthrough
	case "timestamptz":
		l := o.t.In(loc)
		return formatTimestampCanon(time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), l.Second(), l.Nanosecond(), time.UTC)), nil
	case "timestamp":
		t := o.t // WallIn: a gap or overlap at a DST change resolves as in PostgreSQL
		return formatTimestamptzCanon(WallIn(time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC), loc)), nil
	}
	return nil, pgErr("42883", "function timezone(unknown, %s) does not exist", dtTypeNames2(o.typ))
}

func fnJustify(f func(interval) interval) fn {
	return func(_ *sqliteFunctionContext, a []driver.Value) (driver.Value, error) {
		if a[0] == nil {
			return nil, nil
		}
		iv, err := parseInterval(str(a[0]))
		if err != nil {
			return nil, err
		}
		return f(iv).String(), nil
	}
}

// extractEpoch is extract(epoch ...) of the instant secs (Unix seconds)
// and us (microseconds within the second), with scale 0 (a date) or 6.
// PostgreSQL's timestamps count microseconds from 2000-01-01 in an int64;
// past where the Unix count no longer fits one (from year 294247), its
// timestamp_part computes in numeric: (ts - epoch) / 1000000 at the
// division's scale, 4 (select_div_scale), rounded, then printed at 6
// (extract(epoch FROM ...) of 294273-01-06 16:00:54.775807 is
// 9224192275254.775800; the int64 wrapped negative here).
func extractEpoch(secs, us int64, scale int) (string, float64, error) {
	f := float64(secs) + float64(us)/1e6
	if scale == 0 {
		return strconv.FormatInt(secs, 10), f, nil
	}
	if secs <= (math.MaxInt64-us-1)/usPerSec {
		n := secs*usPerSec + us
		sign := ""
		if n < 0 {
			sign, n = "-", -n
		}
		return fmt.Sprintf("%s%d.%06d", sign, n/usPerSec, n%usPerSec), f, nil
	}
	frac := (us + 50) / 100 // half away from zero, as numeric's division rounds
	if frac == 10000 {
		secs, frac = secs+1, 0
	}
	return fmt.Sprintf("%d.%04d00", secs, frac), f, nil
}
