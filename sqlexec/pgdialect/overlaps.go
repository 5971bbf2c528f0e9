package pgdialect

// overlaps.go: the SQL OVERLAPS predicate, (start1, end1) OVERLAPS
// (start2, end2), over dates, times and timestamps; an end may be an
// interval (the period is then start .. start + interval). The translator
// rewrites it into pg_overlaps(start1, type, end1, type, start2, type,
// end2, type) (the types as the statement shows them, '' to read them
// from the value, as the date/time operators do), which answers as
// PostgreSQL's overlaps_timestamp: the periods are half-open, either end
// may come first, and NULL ends give NULL only where the answer depends
// on them. It is a session-zone function (ZonedFunctions): a timestamptz
// plus an interval of days moves the local calendar date.

import (
	"database/sql/driver"
	"strings"
	"time"
)

func init() {
	ZonedFunctions = append(ZonedFunctions, ZonedFunc{"pg_overlaps", 8, overlapsIn})
}

// overlapsRewrite rewrites each (a, b) OVERLAPS (c, d) into pg_overlaps
// (see the file comment); it runs after the date/time operators, so an
// end such as d + 7 is typed.
func (x *tx) overlapsRewrite() {
	for i := 1; i+1 < x.n(); i++ {
		if !x.T(i).kw("OVERLAPS") || !x.isP(i-1, ")") || !x.isP(i+1, "(") {
			continue
		}
		lo, re := x.matchBack(i-1), x.match(i+1)
		if lo < 0 || re < 0 {
			continue
		}
		left, right := x.splitTop(lo+1, i-1), x.splitTop(i+2, re)
		if len(left) != 2 || len(right) != 2 {
			continue // SQLite reports the row-value error
		}
		for _, arg := range append(left, right...) {
			ty := x.dtType(arg[0], arg[1], x.dtTypes)
			if !isDTType(ty) || ty == "?" {
				ty = ""
			}
			x.T(arg[1] - 1).suf += ", " + quoteLit(ty)
		}
		x.T(lo).pre = "pg_overlaps" + x.T(lo).pre
		x.T(i - 1).set(",")
		x.T(i).set("")
		x.T(i + 1).set("")
		x.castEnd[re] = lo
		if x.dtTypes != nil {
			x.dtTypes[lo] = "bool"
		}
	}
}

// overlapsIn is pg_overlaps(s1, t, e1, t, s2, t, e2, t) in zone.
func overlapsIn(a []driver.Value, zone *time.Location) (driver.Value, error) {
	var ends [4]*dtOperand // nil: NULL
	for k := range ends {
		if a[2*k] == nil {
			continue
		}
		o, err := operand(a[2*k], str(a[2*k+1]))
		if err != nil {
			return nil, err
		}
		ends[k] = &o
	}
	if err := overlapsOperandTypes(ends); err != nil {
		return nil, err
	}
	for _, k := range []int{1, 3} { // (start, interval): start + interval
		if ends[k] == nil || ends[k].typ != "interval" {
			continue
		}
		if ends[k-1] == nil {
			ends[k] = nil
			continue
		}
		v, err := dtAdd(*ends[k-1], *ends[k], zone)
		if err != nil {
			return nil, err
		}
		o, err := operand(v, "")
		if err != nil {
			return nil, err
		}
		ends[k] = &o
	}
	r, known := overlaps(ends)
	switch {
	case !known:
		return nil, nil
	case r:
		return int64(1), nil // SQLite's true
	}
	return int64(0), nil
}

// overlapsOperandTypes refuses a number among the ends, as PostgreSQL
// finds no overlaps function for it (42883): read as a date/time value it
// would give an answer PostgreSQL never gives.
func overlapsOperandTypes(ends [4]*dtOperand) error {
	names, number := make([]string, len(ends)), false
	for k, o := range ends {
		switch {
		case o == nil:
			names[k] = "unknown"
		case o.typ == "int":
			names[k], number = "integer", true
		case o.typ == "float":
			names[k], number = "numeric", true
		default:
			names[k] = msgType[o.typ]
		}
	}
	if !number {
		return nil
	}
	return pgErr("42883", "function pg_catalog.overlaps(%s) does not exist", strings.Join(names, ", "))
}

// overlaps is PostgreSQL's overlaps_timestamp over the ends s1, e1, s2, e2
// (nil: NULL); known is false when the answer is NULL.
func overlaps(ends [4]*dtOperand) (r, known bool) {
	less := func(a, b *dtOperand) bool {
		c, _ := dtCmp(*a, *b, nil) // the ends share one type (overlapsIn)
		return c < 0
	}
	s1, e1, s2, e2 := ends[0], ends[1], ends[2], ends[3]
	// a NULL start takes the end's place; otherwise the lesser end starts
	order := func(s, e *dtOperand) (*dtOperand, *dtOperand) {
		switch {
		case s == nil:
			return e, nil
		case e != nil && less(e, s):
			return e, s
		}
		return s, e
	}
	s1, e1 = order(s1, e1)
	s2, e2 = order(s2, e2)
	if s1 == nil || s2 == nil {
		return false, false
	}
	// the period starting later overlaps when it starts before the other
	// ends; a NULL end decides only where the answer depends on it
	later := func(start, otherEnd, ownEnd *dtOperand) (r, known bool) {
		switch {
		case otherEnd == nil:
			return false, false
		case less(start, otherEnd):
			return true, true
		case ownEnd == nil:
			return false, false
		}
		return false, true
	}
	switch {
	case less(s2, s1):
		return later(s1, e2, e1)
	case less(s1, s2):
		return later(s2, e1, e2)
	}
	if e1 == nil || e2 == nil {
		return false, false
	}
	return true, true
}
