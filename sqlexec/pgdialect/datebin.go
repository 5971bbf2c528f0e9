package pgdialect

// datebin.go: PostgreSQL's date_bin(stride, source, origin): source
// rounded down to the start of its bin of width stride counted from
// origin. The arithmetic is PostgreSQL 15's timestamp_bin /
// timestamptz_bin over microseconds since 2000-01-01, so values, range
// checks and errors (and their order) are the same. A timestamptz is
// binned in absolute time: the session zone plays no part unless an
// argument must first be converted to timestamptz (a timestamp or date
// beside a timestamptz, as PostgreSQL resolves the overload), which is why
// date_bin is one of the ZonedFunctions (datetime_zone.go).

import (
	"database/sql/driver"
	"math"
	"strings"
	"time"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

const (
	// pgEpochUnix is 2000-01-01 00:00:00 UTC, PostgreSQL's timestamp
	// epoch, in Unix seconds.
	pgEpochUnix = 946684800
	// minTimestampUS and endTimestampUS bound a valid timestamp
	// (PostgreSQL's MIN_TIMESTAMP, END_TIMESTAMP: 4714-11-24 BC,
	// 294277-01-01) in microseconds since the epoch.
	minTimestampUS = int64(-211813488000000000)
	endTimestampUS = int64(9223371331200000000)
)

// pgMicros is t in microseconds since PostgreSQL's epoch.
func pgMicros(t time.Time) int64 {
	return (t.Unix()-pgEpochUnix)*usPerSec + int64(t.Nanosecond()/1000)
}

// fromPGMicros is the inverse of pgMicros, in UTC.
func fromPGMicros(us int64) time.Time {
	sec := floorDiv(us, usPerSec)
	return time.Unix(sec+pgEpochUnix, (us-sec*usPerSec)*1000).UTC()
}

// dateBinIn is date_bin(stride, source, origin) with zone the session
// zone (for the conversions to timestamptz only). The result has the type
// of the overload PostgreSQL picks: timestamp when both source and origin
// are timestamps (a date beside a timestamp is one), else timestamptz.
func dateBinIn(a []driver.Value, zone *time.Location) (driver.Value, error) {
	if anyNil(a) {
		return nil, nil
	}
	stride, err := operand(a[0], "interval")
	if err != nil {
		return nil, err
	}
	src, err := dtArg(a[1])
	if err != nil {
		return nil, err
	}
	org, err := dtArg(a[2])
	if err != nil {
		return nil, err
	}
	if len(a) == 5 {
		// an untyped literal beside a timestamp column is a timestamp
		// (its UTC offset ignored, as PostgreSQL's input); dateBinLiterals
		if src, err = literalAs(src, a[1], a[3], zone); err != nil {
			return nil, err
		}
		if org, err = literalAs(org, a[2], a[4], zone); err != nil {
			return nil, err
		}
	}
	for _, o := range []dtOperand{src, org} {
		if o.typ != "timestamp" && o.typ != "timestamptz" && o.typ != "date" {
			return nil, pgErr("42883", "function date_bin(interval, %s, %s) does not exist", dtTypeNames2(src.typ), dtTypeNames2(org.typ))
		}
	}
	typ := "timestamp"
	if src.typ == "timestamptz" || org.typ == "timestamptz" || src.typ == "date" && org.typ == "date" {
		typ = "timestamptz"
	}
	// the implicit casts: date to midnight, timestamp to timestamptz in
	// the session zone
	conv := func(o *dtOperand) {
		if o.typ != typ && o.inf == "" && typ == "timestamptz" {
			o.t = WallIn(o.t, zone)
		}
		o.typ = typ
	}
	conv(&src)
	conv(&org)
	if src.inf != "" {
		return src.inf, nil
	}
	if org.inf != "" {
		return nil, pgErr("22008", "origin out of range")
	}
	iv := stride.iv
	if iv.months != 0 {
		return nil, pgErr("0A000", "timestamps cannot be binned into intervals containing months or years")
	}
	strideUS, ok := mulInt64(iv.days, usPerDay)
	if ok {
		strideUS, ok = addInt64(strideUS, iv.us)
	}
	if !ok {
		return nil, pgErr("22008", "interval out of range")
	}
	if strideUS <= 0 {
		return nil, pgErr("22008", "stride must be greater than zero")
	}
	ts, origin := pgMicros(src.t), pgMicros(org.t)
	diff, ok := subInt64(ts, origin)
	if !ok {
		return nil, pgErr("22008", "interval out of range")
	}
	mod := diff % strideUS
	res := origin + (diff - mod)
	if mod < 0 {
		// round towards -infinity, not 0: the bin before the origin
		// can start before the first valid timestamp
		if res, ok = subInt64(res, strideUS); !ok || res < minTimestampUS || res >= endTimestampUS {
			return nil, pgErr("22008", "timestamp out of range")
		}
	}
	return dtOperand{typ: typ, t: fromPGMicros(res)}.format(), nil
}

// literalAs is the operand o of value v as PostgreSQL reads the untyped
// literal beside a column of declared type hint: a timestamp beside a
// timestamp column (its UTC offset ignored, as PostgreSQL's input), a
// timestamptz (in zone) beside a date column; o as read otherwise.
func literalAs(o dtOperand, v, hint driver.Value, zone *time.Location) (dtOperand, error) {
	switch {
	case o.typ == "timestamptz" && str(hint) == TypeName(pgoid.Timestamp):
		return operand(v, "timestamp")
	case o.typ == "timestamp" && str(hint) == TypeName(pgoid.Date):
		if o.inf == "" {
			o.t = WallIn(o.t, zone)
		}
		o.typ = "timestamptz"
	}
	return o, nil
}

// addInt64, subInt64 and mulInt64 are PostgreSQL's pg_add/sub/mul_s64_overflow:
// the result and whether it fits.
func addInt64(a, b int64) (int64, bool) {
	s := a + b
	return s, (s > a) == (b > 0)
}

func subInt64(a, b int64) (int64, bool) {
	s := a - b
	return s, (s < a) == (b > 0)
}

func mulInt64(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	p := a * b
	return p, p/b == a && !(a == -1 && b == math.MinInt64) && !(b == -1 && a == math.MinInt64)
}

// dateBinLiterals types the untyped string literals among the source and
// origin of the date_bin call at i as PostgreSQL resolves its overload:
// timestamp beside a timestamp, else timestamptz (read in the session
// zone: pg_cast_timestamptz). Beside an operand whose type the statement
// does not show (a column) the literal stays as written and dateBinIn
// reads it as the column value's type, or as a timestamp beside a timestamp
// column (its declared type passed as a fourth or fifth argument).
func (x *tx) dateBinLiterals(i int) {
	args := x.splitTop(i+2, x.match(i+1))
	if len(args) != 3 {
		return
	}
	unknown := func(p [2]int) bool {
		t := x.T(p[0])
		return p[1] == p[0]+1 && (t.kw("NULL") || t.typ == tString && strings.ContainsRune("'eE", rune(t.text[0])))
	}
	for k, other := range [][2]int{args[2], args[1]} {
		lit := args[k+1]
		if !unknown(lit) || x.T(lit[0]).kw("NULL") {
			continue
		}
		typ := "timestamptz"
		if !unknown(other) {
			switch x.dtType(other[0], other[1], x.dtTypes) {
			case "timestamp":
				typ = "timestamp"
			case "timestamptz", "date":
			default:
				if ct := x.columnDTType(other[0], other[1]); ct != "" { // datetime_columns.go
					// the column's declared type, read at run time
					hints := [2]string{"''", "''"}
					hints[k] = ct
					x.T(args[2][1] - 1).suf += ", " + hints[0] + ", " + hints[1]
				}
				continue
			}
		}
		t := x.T(lit[0])
		t.pre = "pg_cast_" + typ + "(" + t.pre
		t.suf += ")"
	}
}
