package pgdialect

// datetime_calltypes.go: the Describe-time type of a date/time operator
// whose one operand is a column of a type the translation did not know.
// d - date '2024-01-01' on a column becomes pg_dt_sub(d, '', ..., 'date')
// (datetime_translate.go): the function takes the column's type from
// its value at run time, and the result column used to be described
// from the first row's value (int8 for the days, text on an empty
// result). PostgreSQL's type follows from the column's declared type
// (date - date is integer, timestamp - date interval): the session asks
// SQLite for it as for arithmetic (ArithItems gives the operand as a
// leaf, arithShape), and arithShape's dtCallShape (arith_types.go)
// combines it with the other operand's written type (dtBinaryResult).

import "strings"

// dtCallArgs are the operands of pg_dt_add/pg_dt_sub(l, 'ltype', r,
// 'rtype') at a..b-1 and its operator, ok=false when a..b-1 is no such
// call.
func (x *tx) dtCallArgs(a, b int) (args [][2]int, op string, ok bool) {
	switch strings.ToLower(x.T(a).text) {
	case "pg_dt_add":
		op = "+"
	case "pg_dt_sub":
		op = "-"
	default:
		return nil, "", false
	}
	if !x.isP(a+1, "(") || x.match(a+1) != b-1 {
		return nil, "", false
	}
	args = x.splitTop(a+2, b-1)
	return args, op, len(args) == 4
}

// timezoneCallArg is the value argument lo..hi-1 of timezone(zone,
// value) (AT TIME ZONE as translated) at a..b-1, ok=false when a..b-1 is
// no such call. Its type is atTimeZoneResult of the value's: a column's,
// or date/time arithmetic's over columns ((tz + iv) AT TIME ZONE 'UTC' is
// a timestamp), which Describe reads as it reads the arithmetic's
// (ArithItems, arithShape); it was described as text.
func (x *tx) timezoneCallArg(a, b int) (lo, hi int, ok bool) {
	n := 2
	if strings.EqualFold(x.T(a).text, "pg_timezone_time") {
		n = 3 // of a time or timetz column (datetime_zone.go)
	} else if !strings.EqualFold(x.T(a).text, "timezone") {
		return 0, 0, false
	}
	if x.T(a).typ != tIdent || !x.isP(a+1, "(") || x.match(a+1) != b-1 {
		return 0, 0, false
	}
	args := x.splitTop(a+2, b-1)
	if len(args) != n || args[1][0] >= args[1][1] {
		return 0, 0, false
	}
	return args[1][0], args[1][1], true
}
