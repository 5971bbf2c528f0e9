package pgdialect

// datearith.go: PostgreSQL's date/time operators over the canonical stored
// forms (datetime.go, interval.go): pg_dt_add(a, ta, b, tb),
// pg_dt_sub(a, ta, b, tb), pg_dt_mul(a, b), pg_dt_div(a, b). The
// translator passes each operand's type when the statement shows it (a
// typed literal, a cast, a date/time function) and '' otherwise; an
// untyped operand's type is read from the shape of its stored form.

import (
	"database/sql/driver"
	"math"
	"regexp"
	"strings"
	"time"
)

// dtOperand is an operand of a date/time operator.
type dtOperand struct {
	typ string // date, time, timetz, timestamp, timestamptz, interval, int, float
	t   time.Time
	us  int64 // time of day
	iv  interval
	n   float64
	inf string // "infinity" / "-infinity"
}

var (
	reCanonDate = regexp.MustCompile(`^\d{4,}-\d{2}-\d{2}( BC)?$`)
	reCanonTS   = regexp.MustCompile(`^\d{4,}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?( BC)?$`)
	reCanonTime = regexp.MustCompile(`^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$`)
)

// guessDTType reads the type of an untyped operand from its form.
func guessDTType(v driver.Value) string {
	switch v.(type) {
	case int64:
		return "int"
	case float64:
		return "float"
	}
	s := strings.TrimSpace(str(v))
	switch {
	case reCanonDate.MatchString(s):
		return "date"
	case reCanonTS.MatchString(s):
		return "timestamp"
	case reCanonTime.MatchString(s) && (s[:2] < "24" || s[:2] == "24" && strings.Trim(s[2:], ":0.") == ""):
		// a time of day is at most 24:00:00; the same text with more
		// hours is an interval's (interval '25 hours' prints 25:00:00)
		return "time"
	case s == "infinity" || s == "-infinity":
		return "timestamp"
	}
	if len(s) > 10 && isDigit(s[0]) && s[4] == '-' {
		return "timestamptz"
	}
	return "interval"
}

// operand parses v as type typ (” = guess).
func operand(v driver.Value, typ string) (dtOperand, error) {
	if typ == "" {
		typ = guessDTType(v)
	}
	o := dtOperand{typ: typ}
	switch typ {
	case "int", "float", "numeric", "int2", "int4", "int8", "float4", "float8":
		switch x := v.(type) {
		case int64:
			o.typ, o.n = "int", float64(x)
			return o, nil
		case float64:
			o.typ, o.n = "float", x
			return o, nil
		}
		f, err := floatCast("double precision")(nil, []driver.Value{v})
		if err != nil {
			return o, err
		}
		o.typ, o.n = "float", f.(float64)
		return o, nil
	case "interval":
		iv, err := parseInterval(str(v))
		o.iv = iv
		return o, err
	}
	s := str(v)
	d, err := parseDT(msgType[typ], s)
	if err != nil {
		return o, err
	}
	if d.special != "" {
		o.inf = d.special
		return o, nil
	}
	if d.relativeToNow != "" {
		// 'now' must be cast first (pinned per entry); an operator reads
		// stored values only, so it stays a pure function.
		return o, dtSyntax(msgType[typ], s)
	}
	switch typ {
	case "time", "timetz":
		o.us = int64(d.h)*usPerHour + int64(d.mi)*usPerMin + int64(d.s)*usPerSec + int64(d.us)
	case "timestamptz":
		o.t = d.instant()
	default:
		o.t = d.wall()
	}
	return o, nil
}

// format renders o in its type's canonical form.
func (o dtOperand) format() driver.Value {
	if o.inf != "" {
		return o.inf
	}
	switch o.typ {
	case "date":
		return formatDateCanon(o.t)
	case "timestamp":
		return formatTimestampCanon(o.t)
	case "timestamptz":
		return formatTimestamptzCanon(o.t)
	case "time":
		return formatTimeCanon(((o.us % usPerDay) + usPerDay) % usPerDay)
	case "interval":
		return o.iv.String()
	case "int":
		return int64(o.n)
	}
	return o.n
}

// addInterval is timestamp + interval as PostgreSQL computes it: months
// first (the day clipped to the month's end), then days, then time.
func addInterval(t time.Time, iv interval) time.Time {
	if iv.months != 0 {
		y, m, d := t.Date()
		mm := int64(y)*12 + int64(m) - 1 + iv.months
		ny, nm := int(floorDiv(mm, 12)), int(mm-floorDiv(mm, 12)*12)+1
		if dim := daysIn(ny, nm); d > dim {
			d = dim
		}
		h, mi, s := t.Clock()
		t = time.Date(ny, time.Month(nm), d, h, mi, s, t.Nanosecond(), t.Location())
	}
	if iv.days != 0 {
		t = t.AddDate(0, 0, int(iv.days))
	}
	return t.Add(time.Duration(iv.us) * time.Microsecond)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func opErr(op string, a, b dtOperand) error {
	return pgErr("42883", "operator does not exist: %s %s %s", dtTypeNames2(a.typ), op, dtTypeNames2(b.typ))
}

func dtTypeNames2(t string) string {
	switch t {
	case "int":
		return "integer"
	case "float":
		return "numeric"
	}
	if n := dtTypeNames[t]; n != "" {
		return n
	}
	return t
}

func isTS(t string) bool { return t == "timestamp" || t == "timestamptz" }

// dtAdd is a + b (a timestamptz's calendar arithmetic in zone).
func dtAdd(a, b dtOperand, zone *time.Location) (driver.Value, error) {
	if (b.typ == "date" || isTS(b.typ)) && a.typ != "date" && !isTS(a.typ) {
		a, b = b, a // int + date, interval + timestamp, time + date
	}
	if a.typ == "interval" && b.typ == "time" {
		a, b = b, a
	}
	if isTS(a.typ) && b.typ == "time" {
		b = timeAsInterval(b) // timestamp + time is timestamp + interval
	}
	if a.typ == "time" && b.typ == "time" { // time + interval and interval + time both fit
		return nil, pgErr("42725", "operator is not unique: time without time zone + time without time zone")
	}
	if a.inf != "" {
		return a.format(), nil
	}
	switch {
	case a.typ == "date" && b.typ == "int":
		a.t = a.t.AddDate(0, 0, int(b.n))
		return a.dateInRange()
	case a.typ == "timestamptz" && b.typ == "interval":
		a.t = addIntervalIn(a.t, b.iv, zone)
		return a.timestampInRange()
	case a.typ == "date" && b.typ == "interval":
		a.typ = "timestamp"
		fallthrough
	case a.typ == "timestamp" && b.typ == "interval":
		a.t = addInterval(a.t, b.iv)
		return a.timestampInRange()
	case a.typ == "date" && b.typ == "time":
		a.typ = "timestamp"
		a.t = a.t.Add(time.Duration(b.us) * time.Microsecond)
		return a.timestampInRange()
	case a.typ == "time" && b.typ == "interval":
		a.us += b.iv.us
		return a.format(), nil
	case a.typ == "interval" && b.typ == "interval":
		a.iv = a.iv.add(b.iv)
		return a.format(), nil
	}
	return nil, opErr("+", a, b)
}

// dateInRange is the date a (the result of date +/- integer) in its
// canonical form, or PostgreSQL's 22008 when it is outside the range of
// dates (Julian days 0 .. 2147483493: 4714-11-24 BC .. 5874897-12-31).
func (a dtOperand) dateInRange() (driver.Value, error) {
	if jd := floorDiv(a.t.Unix(), 86400) + 2440588; jd < 0 || jd >= 2147483494 {
		return nil, pgErr("22008", "date out of range")
	}
	return a.format(), nil
}

// timestampInRange is the timestamp a (the result of timestamp +/-
// interval) in its canonical form, or PostgreSQL's 22008 when it is
// outside the range of timestamps (4714-11-24 00:00:00 BC .. before
// 294277-01-01, in UTC): date '2020-02-29' + age('2000-01-01',
// 'infinity') is an error, not a date of year 290260 BC.
func (a dtOperand) timestampInRange() (driver.Value, error) {
	if u := a.t.Unix(); u < minTimestampUnix || u >= endTimestampUnix {
		return nil, pgErr("22008", "timestamp out of range")
	}
	return a.format(), nil
}

// minTimestampUnix and endTimestampUnix bound PostgreSQL's timestamps
// (Julian day 0; 294277-01-01) in Unix seconds.
var (
	minTimestampUnix = int64(-2440588) * 86400
	endTimestampUnix = time.Date(294277, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
)

// timeAsInterval is time operand o as an interval: PostgreSQL casts time
// to interval implicitly, so an operator that has no time form takes the
// interval one (timestamp + time, date - time, interval - time, time * 2).
func timeAsInterval(o dtOperand) dtOperand {
	return dtOperand{typ: "interval", iv: interval{us: o.us}}
}

// dtSub is a - b (a timestamptz's calendar arithmetic in zone).
func dtSub(a, b dtOperand, zone *time.Location) (driver.Value, error) {
	if b.typ == "time" && (a.typ == "date" || isTS(a.typ) || a.typ == "interval") {
		b = timeAsInterval(b)
	}
	switch {
	case a.typ == "date" && b.typ == "date":
		if a.inf != "" || b.inf != "" {
			return nil, pgErr("22008", "cannot subtract infinite dates")
		}
		// by seconds: time.Duration saturates past 292 years (make_date(1, 11,
		// 15) - DATE '2024-01-31' was -106751)
		return (a.t.Unix() - b.t.Unix()) / 86400, nil
	case a.typ == "date" && b.typ == "int":
		if a.inf != "" {
			return a.format(), nil
		}
		a.t = a.t.AddDate(0, 0, -int(b.n))
		return a.dateInRange()
	case (a.typ == "date" || isTS(a.typ)) && b.typ == "interval":
		return dtAdd(a, dtOperand{typ: "interval", iv: b.iv.neg()}, zone)
	case (isTS(a.typ) || a.typ == "date") && (isTS(b.typ) || b.typ == "date"):
		if a.inf != "" || b.inf != "" {
			return nil, pgErr("22008", "cannot subtract infinite timestamps")
		}
		a, b = asTimestamptz(a, b, zone), asTimestamptz(b, a, zone)
		d := a.t.Sub(b.t)
		iv := interval{us: d.Microseconds()}
		if math.Abs(float64(a.t.Unix()-b.t.Unix())) > 9e9*86400/1e6 { // beyond time.Duration's range
			iv = interval{us: (a.t.Unix()-b.t.Unix())*usPerSec + int64(a.t.Nanosecond()-b.t.Nanosecond())/1000}
		}
		return iv.justifyHours().String(), nil
	case a.typ == "time" && b.typ == "time":
		return interval{us: a.us - b.us}.String(), nil
	case a.typ == "time" && b.typ == "interval":
		a.us -= b.iv.us
		return a.format(), nil
	case a.typ == "interval" && b.typ == "interval":
		a.iv = a.iv.add(b.iv.neg())
		return a.format(), nil
	}
	return nil, opErr("-", a, b)
}

// dtMul is interval * number (either order); div is interval / number.
func dtMul(a, b dtOperand, div bool) (driver.Value, error) {
	if !div && a.typ != "interval" && a.typ != "time" {
		a, b = b, a
	}
	if a.typ == "time" {
		a = timeAsInterval(a)
	}
	if a.typ != "interval" || (b.typ != "int" && b.typ != "float") {
		op := "*"
		if div {
			op = "/"
		}
		return nil, opErr(op, a, b)
	}
	iv, ok := a.iv.mul(b.n)
	if div {
		if b.n == 0 {
			return nil, pgErr("22012", "division by zero")
		}
		iv, ok = a.iv.div(b.n)
	}
	if !ok {
		return nil, pgErr("22015", "interval out of range")
	}
	return iv.String(), nil
}

// asTimestamptz is date or timestamp operand o promoted to timestamptz
// when the other operand is one, as PostgreSQL's date_cmp_timestamptz,
// timestamp_cmp_timestamptz and timestamptz_mi do: the date's midnight, the
// timestamp's wall time, in the session zone (in America/New_York
// '2024-06-01'::date = '2024-06-01 00:00-04'::timestamptz, and tz - ts
// counts from the timestamp's local time), not in UTC.
func asTimestamptz(o, other dtOperand, zone *time.Location) dtOperand {
	if o.typ != "date" && o.typ != "timestamp" || other.typ != "timestamptz" || o.inf != "" || zone == nil {
		return o
	}
	o.t = WallIn(o.t, zone)
	o.typ = "timestamptz"
	return o
}

// dtCmp compares a and b (-1, 0, 1), NULL when either is NULL; a date
// compared with a timestamptz is the session zone's midnight.
func dtCmp(a, b dtOperand, zone *time.Location) (int64, error) {
	a, b = asTimestamptz(a, b, zone), asTimestamptz(b, a, zone)
	key := func(o dtOperand) (float64, error) {
		switch {
		case o.inf == "infinity":
			return math.Inf(1), nil
		case o.inf == "-infinity":
			return math.Inf(-1), nil
		case o.typ == "interval":
			return o.iv.cmpKey(), nil
		case o.typ == "time" || o.typ == "timetz":
			return float64(o.us), nil
		case o.typ == "date" || isTS(o.typ):
			return float64(o.t.Unix())*1e6 + float64(o.t.Nanosecond()/1000), nil
		}
		return o.n, nil
	}
	ka, err := key(a)
	if err != nil {
		return 0, err
	}
	kb, _ := key(b)
	switch {
	case ka < kb:
		return -1, nil
	case ka > kb:
		return 1, nil
	}
	return 0, nil
}

// dtBinary wraps an operator as a registered function
// f(a, type of a, b, type of b).
func dtBinary(op func(a, b dtOperand) (driver.Value, error)) fn {
	f := dtBinaryIn(func(a, b dtOperand, _ *time.Location) (driver.Value, error) { return op(a, b) })
	return func(_ *sqliteFunctionContext, args []driver.Value) (driver.Value, error) { return f(args, time.UTC) }
}

// dtBinaryIn is dtBinary for an operator that depends on the session
// time zone (ZonedFunctions).
func dtBinaryIn(op func(a, b dtOperand, zone *time.Location) (driver.Value, error)) func([]driver.Value, *time.Location) (driver.Value, error) {
	return func(args []driver.Value, zone *time.Location) (driver.Value, error) {
		if args[0] == nil || args[2] == nil {
			return nil, nil
		}
		a, err := operand(args[0], str(args[1]))
		if err != nil {
			return nil, err
		}
		b, err := operand(args[2], str(args[3]))
		if err != nil {
			return nil, err
		}
		return op(a, b, zone)
	}
}
