package pgdialect

// datetime_arith_compiled.go: the type of date/time arithmetic over a
// column, in a compiled statement. d + 1, d - 1 of a column the
// translation does not know the type of become columnDTOperator's CASE
// form (datetime_columns.go), whose pg_dt_add/pg_dt_sub reads the
// column's type at run time; compared with a column of another date/time
// type (d - 1 = tz, tz = ANY (ARRAY[d - 1]), d + 0 = tz), the date the
// arithmetic makes was compared as its text with the timestamptz's UTC
// text, never equal, where PostgreSQL promotes the date to the
// timestamptz of its midnight in the session TimeZone. Once SQLite has
// compiled the statement the operands' type expressions can be read, so
// datetime_pair_compiled.go takes the arithmetic's type (date + int is a
// date, date + interval a timestamp: dtBinaryResult) as a column's.

import "strings"

// dtArithCompiledType is the date/time type (date, timestamp,
// timestamptz) of columnDTOperator's CASE form at a..b-1 (or of its text,
// CAST(... AS TEXT)), its operands' type expressions evaluated with declOf (kept in cache by their text);
// 0 when a..b-1 is no such form or is of another type (the arithmetic of
// a number column, date - date's integer, time, interval).
func (x *tx) dtArithCompiledType(a, b int, declOf func(expr string) string, cache map[string]string) uint32 {
	a, b = x.unparen(a, b)
	if b-a > 6 && x.kw(a, "CAST") && x.isP(a+1, "(") && x.match(a+1) == b-1 && x.kw(b-3, "AS", "TEXT") {
		// the text of the value, as IN and BETWEEN compare arithmetic
		return x.dtArithCompiledType(a+2, b-3, declOf, cache)
	}
	if _, _, ok := x.columnDTElse(a, b); !ok {
		return 0
	}
	th := x.findKw(a+2, b, x.depth[a], "THEN")
	if th < 0 || !x.isP(th+2, "(") {
		return 0
	}
	args, op, ok := x.dtCallArgs(th+1, x.match(th+2)+1) // datetime_calltypes.go
	if !ok {
		return 0
	}
	// typeName is the type name the type argument p evaluates to
	typeName := func(p [2]int) string {
		if p[1] == p[0]+1 && x.T(p[0]).typ == tString {
			return strings.ToLower(strings.Trim(x.T(p[0]).text, "'"))
		}
		e := x.src[x.T(p[0]).pos : x.T(p[1]-1).pos+len(x.T(p[1]-1).text)]
		v, known := cache[e]
		if !known {
			v = strings.ToLower(declOf(e))
			cache[e] = v
		}
		return v
	}
	l, r := typeName(args[1]), typeName(args[3])
	// a number beside a date/time value is its day count: d + i of an
	// integer column is a date, as d + 1 (datetime_nested.go's reading)
	if l == "" && isDTType(r) {
		l = "int"
	}
	if r == "" && isDTType(l) {
		r = "int"
	}
	if l == "" || r == "" {
		return 0
	}
	o := dtTypeOIDs[dtBinaryResult(op, l, r)]
	if datetimeRank[o] == 0 {
		return 0
	}
	return o
}
