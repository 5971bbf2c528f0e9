package pgwire

// typmod_zero.go: a Column's TypeModifier 0 is read as "none" (-1) when
// the Column was built without one, except for the types whose typmod 0
// is a precision PostgreSQL declares: timestamp(0), timestamptz(0),
// time(0), timetz(0) and their arrays, which PostgreSQL describes to
// clients with typmod 0 (a client reading the precision from
// FieldDescription.TypeModifier saw -1, no precision). No other type has
// a valid typmod 0 (varchar and bpchar add 4, numeric is (p<<16)+s+4,
// bit(0) is refused, interval's carries its range mask).

import "github.com/raftsql/raftsql/pgwire/oid"

// zeroTypmodType reports whether typmod 0 of type t is a precision.
func zeroTypmodType(t uint32) bool {
	if e := oid.ElemOf(t); e != 0 {
		t = e
	}
	switch t {
	case oid.Timestamp, oid.Timestamptz, oid.Time, oid.Timetz:
		return true
	}
	return false
}
