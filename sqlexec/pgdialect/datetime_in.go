package pgdialect

// datetime_in.go: pg_in_date, pg_in_time, pg_in_timetz, pg_in_timestamp,
// pg_in_timestamptz (and pg_in_interval in interval.go): a value of any
// storage class to the type's canonical stored form (datetime.go), or
// PostgreSQL's error. They are pure functions of their arguments except
// for the relative words ('now', 'today' ...), which read the clock
// passed in: the entry's pinned time on the apply connection (sqlexec
// installs the per-connection versions; see InDateTimeAt).

import (
	"database/sql/driver"
	"time"
)

// datetime type names as pgwire/oid spells them, with the names used in
// PostgreSQL's messages.
var dtTypeNames = map[string]string{
	"date": "date", "time": "time without time zone", "timetz": "time with time zone",
	"timestamp": "timestamp without time zone", "timestamptz": "timestamp with time zone", "interval": "interval",
}

// msgType is the type as PostgreSQL's input errors name it.
var msgType = map[string]string{
	"date": "date", "time": "time", "timetz": "time with time zone",
	"timestamp": "timestamp", "timestamptz": "timestamp with time zone", "interval": "interval",
}

// InDateTimeAt is pg_in_<typ>(v, typmod) for typ one of date, time, timetz,
// timestamp, timestamptz, interval, with 'now' etc. relative to now.
func InDateTimeAt(typ string, v driver.Value, typmod int64, now time.Time) (driver.Value, error) {
	return InDateTimeIn(typ, v, typmod, now, time.UTC)
}

// InDateTimeIn is InDateTimeAt in the session time zone zone (nil = UTC):
// a timestamptz written without a zone is wall-clock time in zone, and
// 'today', 'tomorrow', 'yesterday' are midnights in zone, as PostgreSQL
// reads them under SET TimeZone. On the apply connection zone is the
// proposer's TimeZone carried in the entry, so the result is the same on
// every node.
func InDateTimeIn(typ string, v driver.Value, typmod int64, now time.Time, zone *time.Location) (driver.Value, error) {
	if zone == nil {
		zone = time.UTC
	}
	var s string
	switch x := v.(type) {
	case nil:
		return nil, nil
	case string:
		s = x
	case []byte:
		s = string(x)
	case time.Time:
		s = formatTimestamptzCanon(x)
	case int64, float64:
		kind := "integer"
		if _, ok := x.(float64); ok {
			kind = "numeric"
		}
		return nil, pgErr("42804", "column is of type %s but expression is of type %s", dtTypeNames[typ], kind)
	default:
		s = str(v)
	}
	if typ == "interval" {
		iv, err := parseIntervalIn(s, typmod)
		if err != nil {
			return nil, err
		}
		return iv.applyTypmod(typmod).String(), nil
	}
	d, err := parseDT(msgType[typ], s)
	if err != nil {
		return nil, err
	}
	if d.special != "" {
		if typ == "time" || typ == "timetz" {
			return nil, dtSyntax(msgType[typ], s)
		}
		return d.special, nil
	}
	d.resolve(now, zone)
	if err := d.checkTime(s); err != nil {
		return nil, err
	}
	switch typ {
	case "date":
		if !d.hasDate {
			return nil, dtSyntax("date", s)
		}
		w := d.wall()
		if jd := floorDiv(w.Unix(), 86400) + 2440588; jd < 0 || jd >= 2147483494 {
			return nil, pgErr("22008", "date out of range: \"%s\"", s)
		}
		return formatDateCanon(w), nil
	case "timestamp":
		if !d.hasDate {
			return nil, dtSyntax("timestamp", s)
		}
		w := roundPrecision(d.wall(), typmod)
		if err := timestampInputRange(w, s); err != nil {
			return nil, err
		}
		return formatTimestampCanon(w), nil
	case "timestamptz":
		if !d.hasDate {
			return nil, dtSyntax("timestamp with time zone", s)
		}
		t := roundPrecision(d.instantIn(zone), typmod)
		if err := timestampInputRange(t, s); err != nil {
			return nil, err
		}
		return formatTimestamptzCanon(t), nil
	case "time", "timetz":
		if !d.hasTime {
			return nil, dtSyntax(msgType[typ], s)
		}
		us := int64(d.h)*3600e6 + int64(d.mi)*60e6 + int64(d.s)*1e6 + int64(d.us)
		if typmod >= 0 && typmod < 6 {
			us = roundTo(us, typmod)
		}
		if typ == "time" {
			return formatTimeCanon(us), nil
		}
		off, loc := d.zoneOff, d.zoneLoc
		if loc == nil && !d.hasZone {
			// no zone written: the session's, as PostgreSQL's timetz
			// input takes it ('10:00' is 10:00:00-05 in New York)
			loc = zone
		}
		if loc != nil {
			// a zone's offset on the value's date, else on today's
			// (PostgreSQL's DetermineTimeZoneOffset at the current
			// date: the pinned one at apply)
			ref := now.In(loc)
			if d.hasDate {
				ref = d.wall()
			}
			_, off = time.Date(ref.Year(), ref.Month(), ref.Day(), d.h, d.mi, d.s, 0, loc).Zone()
		}
		return formatTimeCanon(us) + formatOffset(off), nil
	}
	return nil, pgErr("42704", "type \"%s\" does not exist", typ)
}

// roundTo rounds microseconds to p fractional digits, half away from zero.
func roundTo(us int64, p int64) int64 {
	unit := int64(1)
	for i := p; i < 6; i++ {
		unit *= 10
	}
	if us >= 0 {
		return (us + unit/2) / unit * unit
	}
	return -((-us + unit/2) / unit * unit)
}

// inDateTimeFunc is the process-wide pg_in_<typ> (the process clock for
// 'now'; sqlexec replaces it per connection with the pinned clock).
func inDateTimeFunc(typ string) fn {
	return func(_ *sqliteFunctionContext, a []driver.Value) (driver.Value, error) {
		tm, _ := toInt(a[1])
		if a[1] == nil {
			tm = -1
		}
		return InDateTimeAt(typ, a[0], tm, env.Now())
	}
}

// DateTimeInTypes are the types with a pg_in_<typ> function in this file
// and interval.go.
var DateTimeInTypes = []string{"date", "time", "timetz", "timestamp", "timestamptz", "interval"}

// dateTimeIn is the date/time family of input functions for inFamilies
// (enforce.go): pg_in_date ... pg_in_interval with the process clock;
// inValueAt passes the entry's pinned clock instead.
var dateTimeIn = func() map[string]fn {
	m := map[string]fn{}
	for _, typ := range DateTimeInTypes {
		m["pg_in_"+typ] = inDateTimeFunc(typ)
	}
	return m
}()

// timestampInputRange is PostgreSQL's 22008 for a timestamp input outside
// the range of timestamps (4714-11-24 00:00:00 BC .. before 294277-01-01;
// a timestamptz's instant in UTC): '294277-01-01'::timestamp is an error,
// not a value no PostgreSQL could hold.
func timestampInputRange(t time.Time, in string) error {
	if u := t.Unix(); u < minTimestampUnix || u >= endTimestampUnix {
		return pgErr("22008", "timestamp out of range: \"%s\"", in)
	}
	return nil
}
