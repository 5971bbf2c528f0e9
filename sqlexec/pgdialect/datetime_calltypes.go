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
// leaf, arithShape), and dtCallResult combines it with the other
// operand's written type (dtBinaryResult).

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

// dtCallShape is arithShape of a pg_dt_add/pg_dt_sub call: each operand
// written with an empty type string is a leaf; the result is not a number
// ("": dtCallResult types it).
func (x *tx) dtCallShape(args [][2]int, leaf func(a, b int) string) string {
	for _, p := range [][2]int{args[0], args[2]} {
		if h, ok := unquoteString(x.T(p[1] + 1)); ok && h == "" && p[1]-p[0] == 1 {
			leaf(p[0], p[1])
		}
	}
	return ""
}

// dtCallResult is the type of expression x (a pg_dt_add/pg_dt_sub call
// whose operand's type was left to the run time) given its leaves'
// declared types, ok=false when x is no such call or the types do not
// tell.
func (x *tx) dtCallResult(leafTypes []uint32) (uint32, bool) {
	args, op, ok := x.dtCallArgs(0, x.n())
	if !ok {
		return 0, false
	}
	k := 0
	side := func(v, t [2]int) string {
		h, _ := unquoteString(x.T(t[0]))
		if h != "" || v[1]-v[0] != 1 {
			return h
		}
		if k >= len(leafTypes) {
			return ""
		}
		o := leafTypes[k]
		k++
		for name, oid := range dtTypeOIDs {
			if o == oid && name != "bool" {
				return name
			}
		}
		switch oidArithType(o) {
		case "int2", "int4", "int8":
			return "int"
		}
		return ""
	}
	l, r := side(args[0], args[1]), side(args[2], args[3])
	if l == "" || r == "" {
		return 0, false
	}
	o := dtTypeOIDs[dtBinaryResult(op, l, r)]
	return o, o != 0
}
