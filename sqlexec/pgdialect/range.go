package pgdialect

// range.go: the values of PostgreSQL's range types int4range, int8range,
// numrange, daterange and tsrange, read, checked, canonicalised, compared
// and combined as PostgreSQL 15's rangetypes.c does. A value is stored as
// its output text (range_out: '[1,6)', '(,"2024-01-01 10:00:00"]',
// 'empty'), which for the discrete types (int4range, int8range,
// daterange) is their one canonical form [lo,hi), so equality, unique
// indexes and the wire see what PostgreSQL shows. The text's syntax is
// pgwire/pgrange's (range_parse, range_out); the bounds are read by the
// element type's own input function (types_in.go, numeric, datetime_in.go)
// and compared as that type orders them. A tstzrange's bounds are stored
// as timestamptz is, in UTC ('["2024-01-01 09:00:00+00",)'): a bound
// without a zone is read in the session TimeZone (the functions that read
// one are ZonedFunctions), and the wire prints them in it (pgwire/range.go).

import (
	"database/sql/driver"
	"math"
	"strconv"
	"strings"
	"time"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/pgwire/pgrange"
)

// rangeKind is one range type: its OID, its element type and whether it
// is discrete (has a canonical function: bounds become [lo,hi)).
type rangeKind struct {
	oid, elem uint32
	name      string
	discrete  bool
}

// rangeKinds are the range types raftsql enforces, by OID (their element
// types pgwire/oid's RangeElem).
var rangeKinds = func() map[uint32]*rangeKind {
	m := map[uint32]*rangeKind{}
	for o, discrete := range map[uint32]bool{pgoid.Int4Range: true, pgoid.Int8Range: true, pgoid.NumRange: false,
		pgoid.DateRange: true, pgoid.TsRange: false, pgoid.TstzRange: false} {
		m[o] = &rangeKind{o, pgoid.RangeElem(o), pgoid.TypeName(o), discrete}
	}
	return m
}()

// rangeKindNamed is the range kind of a type name or declared type
// ('int4range', 'INT4RANGE'), nil for any other type.
func rangeKindNamed(name string) *rangeKind {
	if t := typeAlias[strings.ToLower(strings.TrimSpace(name))]; t != nil {
		return rangeKinds[t.oid]
	}
	return nil
}

// elemIn reads a bound's text with the element type's input function:
// its canonical text, or the element type's error (22P02 ...). The
// relative date/time words are refused as in array elements: a bound
// has no pinned clock to read them with. A timestamptz without a zone is
// wall-clock time in zone (nil: UTC), the session's.
func (k *rangeKind) elemIn(s string, zone *time.Location) (string, error) {
	switch k.elem {
	case pgoid.Int4, pgoid.Int8:
		v, err := typesIn["pg_in_"+pgoid.TypeName(k.elem)](nil, []driver.Value{s, int64(-1)}) // types_in.go
		if err != nil {
			return "", err
		}
		return strconv.FormatInt(v.(int64), 10), nil
	case pgoid.Numeric:
		v, err := fnInNumeric(nil, []driver.Value{s, int64(-1)})
		if err != nil {
			return "", err
		}
		return str(v), nil
	}
	l := strings.ToLower(s)
	for _, w := range relativeWords { // array.go
		if strings.Contains(l, w) {
			return "", pgErr("0A000", "%q in a range bound is not supported", s)
		}
	}
	v, err := InDateTimeIn(pgoid.TypeName(k.elem), s, -1, time.Time{}, zone)
	if err != nil {
		return "", err
	}
	return str(v), nil
}

// elemValue is a bound's text as the SQL value of the element type
// (lower(), upper()): an integer for the integer ranges, text otherwise.
func (k *rangeKind) elemValue(s string) driver.Value {
	if k.elem == pgoid.Int4 || k.elem == pgoid.Int8 {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return n
		}
	}
	return s
}

// next is the discrete element after s (the canonical functions'
// +1): 22003 past the integer type's range; ok false for an infinite
// date, which daterange_canonical leaves as it is, inclusivity and all.
func (k *rangeKind) next(s string) (string, bool, error) {
	switch k.elem {
	case pgoid.Int4, pgoid.Int8:
		n, _ := strconv.ParseInt(s, 10, 64)
		if k.elem == pgoid.Int4 && n >= math.MaxInt32 {
			return "", false, pgErr("22003", "integer out of range")
		}
		if n == math.MaxInt64 {
			return "", false, pgErr("22003", "bigint out of range")
		}
		return strconv.FormatInt(n+1, 10), true, nil
	}
	o, err := operand(s, "date") // datearith.go
	if err != nil || o.inf != "" {
		return s, false, err
	}
	return formatDateCanon(o.t.AddDate(0, 0, 1)), true, nil
}

// compareElems orders two bound texts of one range type as the element
// type does: numbers (every bound of the integer and numeric ranges) by
// value, dates and timestamps by their instant (-infinity first,
// infinity last). It needs no kind, so the pg_range collation and the
// operators between columns compare stored values without one.
func compareElems(a, b string) int {
	if a == b {
		return 0
	}
	if x, ok := parseDecimal(a); ok {
		if y, ok := parseDecimal(b); ok {
			return x.cmp(&y)
		}
	}
	rank := func(s string) (int, time.Time) {
		switch s {
		case "-infinity":
			return 0, time.Time{}
		case "infinity":
			return 2, time.Time{}
		}
		o, err := operand(s, "")
		if err != nil {
			return 3, time.Time{}
		}
		return 1, o.t
	}
	ra, ta := rank(a)
	rb, tb := rank(b)
	switch {
	case ra != rb:
		return ra - rb
	case ra == 1:
		return ta.Compare(tb)
	}
	return strings.Compare(a, b)
}

// rbound is one bound of a range (RangeBound).
type rbound struct {
	val      string
	inf, inc bool
	lower    bool
}

func lowerOf(r pgrange.Range) rbound { return rbound{r.Lower, r.LowerInf, r.LowerInc, true} }
func upperOf(r pgrange.Range) rbound { return rbound{r.Upper, r.UpperInf, r.UpperInc, false} }

// cmpBounds is range_cmp_bounds: two bounds, lower or upper, in the order
// of the points they stand for (an exclusive lower bound is just after
// its value, an exclusive upper bound just before).
func cmpBounds(b1, b2 rbound) int {
	if c := cmpBoundValues(b1, b2); c != 0 || b1.inf || b2.inf {
		return c
	}
	switch {
	case !b1.inc && !b2.inc:
		if b1.lower == b2.lower {
			return 0
		}
		return -boolCmp(b1.lower)
	case !b1.inc:
		return -boolCmp(b1.lower)
	case !b2.inc:
		return boolCmp(b2.lower)
	}
	return 0
}

// boolCmp is -1 for true (a lower bound's side), 1 for false.
func boolCmp(lower bool) int {
	if lower {
		return -1
	}
	return 1
}

// cmpBoundValues is range_cmp_bound_values: the bounds' values only.
func cmpBoundValues(b1, b2 rbound) int {
	switch {
	case b1.inf && b2.inf:
		if b1.lower == b2.lower {
			return 0
		}
		return boolCmp(b1.lower)
	case b1.inf:
		return boolCmp(b1.lower)
	case b2.inf:
		return -boolCmp(b2.lower)
	}
	return compareElems(b1.val, b2.val)
}

// makeRange is make_range: lower after upper is 22000, equal values not
// both inclusive are empty, infinite bounds lose their inclusivity; a
// discrete kind (k non-nil) is then canonicalised to [lo,hi).
func makeRange(k *rangeKind, lo, hi rbound) (pgrange.Range, error) {
	r, err := serializeRange(lo, hi)
	if err != nil || r.Empty || k == nil || !k.discrete {
		return r, err
	}
	if !r.LowerInf && !r.LowerInc {
		v, ok, err := k.next(r.Lower)
		if err != nil {
			return r, err
		}
		if ok {
			r.Lower, r.LowerInc = v, true
		}
	}
	if !r.UpperInf && r.UpperInc {
		v, ok, err := k.next(r.Upper)
		if err != nil {
			return r, err
		}
		if ok {
			r.Upper, r.UpperInc = v, false
		}
	}
	return serializeRange(lowerOf(r), upperOf(r))
}

// serializeRange is range_serialize's checks.
func serializeRange(lo, hi rbound) (pgrange.Range, error) {
	if lo.inf {
		lo.inc = false
	}
	if hi.inf {
		hi.inc = false
	}
	if !lo.inf && !hi.inf {
		c := compareElems(lo.val, hi.val)
		if c > 0 {
			return pgrange.Range{}, pgErr("22000", "range lower bound must be less than or equal to range upper bound")
		}
		if c == 0 && !(lo.inc && hi.inc) {
			return pgrange.Range{Empty: true}, nil
		}
	}
	return pgrange.Range{Lower: lo.val, LowerInf: lo.inf, LowerInc: lo.inc, Upper: hi.val, UpperInf: hi.inf, UpperInc: hi.inc}, nil
}

// parseRangeSyntax is pgrange.Parse with PostgreSQL's error (22P02
// malformed range literal, with its DETAIL).
func parseRangeSyntax(s string) (pgrange.Range, error) {
	r, err := pgrange.Parse(s)
	if se, ok := err.(*pgrange.SyntaxError); ok {
		return r, pgErrDetail("22P02", se.Detail, "malformed range literal: \"%s\"", s)
	}
	return r, err
}

// parseRange is range_in: the text's syntax, each bound read by the
// element type's input function (in the session zone zone), then
// make_range.
func parseRange(k *rangeKind, s string, zone *time.Location) (pgrange.Range, error) {
	r, err := parseRangeSyntax(s)
	if err != nil || r.Empty {
		return r, err
	}
	if !r.LowerInf {
		if r.Lower, err = k.elemIn(r.Lower, zone); err != nil {
			return r, err
		}
	}
	if !r.UpperInf {
		if r.Upper, err = k.elemIn(r.Upper, zone); err != nil {
			return r, err
		}
	}
	return makeRange(k, lowerOf(r), upperOf(r))
}

// compareRanges is range_cmp: empty first, then by lower bound, then by
// upper bound.
func compareRanges(a, b pgrange.Range) int {
	switch {
	case a.Empty && b.Empty:
		return 0
	case a.Empty:
		return -1
	case b.Empty:
		return 1
	}
	if c := cmpBounds(lowerOf(a), lowerOf(b)); c != 0 {
		return c
	}
	return cmpBounds(upperOf(a), upperOf(b))
}

// rangeContains is range_contains_internal (r1 @> r2).
func rangeContains(r1, r2 pgrange.Range) bool {
	switch {
	case r2.Empty:
		return true
	case r1.Empty:
		return false
	}
	return cmpBounds(lowerOf(r1), lowerOf(r2)) <= 0 && cmpBounds(upperOf(r1), upperOf(r2)) >= 0
}

// rangeContainsElem is range_contains_elem_internal (r @> e).
func rangeContainsElem(r pgrange.Range, e string) bool {
	if r.Empty {
		return false
	}
	if !r.LowerInf {
		c := compareElems(r.Lower, e)
		if c > 0 || c == 0 && !r.LowerInc {
			return false
		}
	}
	if !r.UpperInf {
		c := compareElems(r.Upper, e)
		if c < 0 || c == 0 && !r.UpperInc {
			return false
		}
	}
	return true
}

// rangeOverlaps is range_overlaps_internal (&&).
func rangeOverlaps(r1, r2 pgrange.Range) bool {
	if r1.Empty || r2.Empty {
		return false
	}
	l1, u1, l2, u2 := lowerOf(r1), upperOf(r1), lowerOf(r2), upperOf(r2)
	return cmpBounds(l1, l2) >= 0 && cmpBounds(l1, u2) <= 0 || cmpBounds(l2, l1) >= 0 && cmpBounds(l2, u1) <= 0
}

// rangeBefore is range_before_internal (<<); rangeBefore(r2, r1) is >>.
func rangeBefore(r1, r2 pgrange.Range) bool {
	if r1.Empty || r2.Empty {
		return false
	}
	return cmpBounds(upperOf(r1), lowerOf(r2)) < 0
}

// rangeOverleft is &< (r1 does not extend to the right of r2).
func rangeOverleft(r1, r2 pgrange.Range) bool {
	if r1.Empty || r2.Empty {
		return false
	}
	return cmpBounds(upperOf(r1), upperOf(r2)) <= 0
}

// rangeOverright is &> (r1 does not extend to the left of r2).
func rangeOverright(r1, r2 pgrange.Range) bool {
	if r1.Empty || r2.Empty {
		return false
	}
	return cmpBounds(lowerOf(r1), lowerOf(r2)) >= 0
}

// boundsAdjacent is bounds_adjacent: upper bound a meets lower bound b
// with no point between (for values already canonical, a discrete kind's
// [x,y) [y,z) meet exactly as a continuous one's do).
func boundsAdjacent(a, b rbound) bool {
	return cmpBoundValues(a, b) == 0 && a.inc != b.inc
}

// rangeAdjacent is range_adjacent_internal (-|-).
func rangeAdjacent(r1, r2 pgrange.Range) bool {
	if r1.Empty || r2.Empty {
		return false
	}
	return boundsAdjacent(upperOf(r1), lowerOf(r2)) || boundsAdjacent(upperOf(r2), lowerOf(r1))
}

// rangeUnion is range_union_internal: with strict (+) 22000 when the
// ranges neither overlap nor touch; range_merge takes the span.
func rangeUnion(k *rangeKind, r1, r2 pgrange.Range, strict bool) (pgrange.Range, error) {
	switch {
	case r1.Empty:
		return r2, nil
	case r2.Empty:
		return r1, nil
	}
	if strict && !rangeOverlaps(r1, r2) && !rangeAdjacent(r1, r2) {
		return r1, pgErr("22000", "result of range union would not be contiguous")
	}
	lo, hi := lowerOf(r1), upperOf(r1)
	if cmpBounds(lowerOf(r2), lo) < 0 {
		lo = lowerOf(r2)
	}
	if cmpBounds(upperOf(r2), hi) > 0 {
		hi = upperOf(r2)
	}
	return makeRange(k, lo, hi)
}

// rangeIntersect is range_intersect_internal (*).
func rangeIntersect(k *rangeKind, r1, r2 pgrange.Range) (pgrange.Range, error) {
	if r1.Empty || r2.Empty || !rangeOverlaps(r1, r2) {
		return pgrange.Range{Empty: true}, nil
	}
	lo, hi := lowerOf(r1), upperOf(r1)
	if cmpBounds(lowerOf(r2), lo) > 0 {
		lo = lowerOf(r2)
	}
	if cmpBounds(upperOf(r2), hi) < 0 {
		hi = upperOf(r2)
	}
	return makeRange(k, lo, hi)
}

// rangeMinus is range_minus_internal (-): 22000 when r2 splits r1.
func rangeMinus(k *rangeKind, r1, r2 pgrange.Range) (pgrange.Range, error) {
	if r1.Empty || r2.Empty {
		return r1, nil
	}
	l1, u1, l2, u2 := lowerOf(r1), upperOf(r1), lowerOf(r2), upperOf(r2)
	cl1l2, cl1u2, cu1l2, cu1u2 := cmpBounds(l1, l2), cmpBounds(l1, u2), cmpBounds(u1, l2), cmpBounds(u1, u2)
	switch {
	case cl1l2 < 0 && cu1u2 > 0:
		return r1, pgErr("22000", "result of range difference would not be contiguous")
	case cl1u2 > 0 || cu1l2 < 0:
		return r1, nil
	case cl1l2 >= 0 && cu1u2 <= 0:
		return pgrange.Range{Empty: true}, nil
	case cl1l2 <= 0 && cu1l2 >= 0 && cu1u2 <= 0:
		l2.inc, l2.lower = !l2.inc, false
		return makeRange(k, l1, l2)
	}
	// cl1l2 >= 0 && cu1u2 >= 0 && cl1u2 <= 0
	u2.inc, u2.lower = !u2.inc, true
	return makeRange(k, u2, u1)
}
