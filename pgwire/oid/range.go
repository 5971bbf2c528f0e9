package oid

// Range types: PostgreSQL's built-in ranges over one element type each
// (pg_range.rngsubtype). Their values are stored and sent in PostgreSQL's
// text form ('[1,5)'; package pgwire/pgrange), and in the binary range
// format when a client asks.
var rangeElem = map[uint32]uint32{
	Int4Range: Int4, Int8Range: Int8, NumRange: Numeric, DateRange: Date, TsRange: Timestamp, TstzRange: Timestamptz,
}

// RangeElem is the element type of range type r (0 when r is no range
// type in the table).
func RangeElem(r uint32) uint32 { return rangeElem[r] }
