package pgdialect

// membership_intcall.go: an integer-valued function call tested with IN
// against a list that holds more than constants. The call's integer has
// no affinity, and neither have the values of an IN list, so a numeric
// column's or a numeric result's text never equalled it: scale(n) IN
// (2.5, round(n2)) was false for 1 and round(0.50) (the fuzz tester's
// seed 781796), length('a') IN (n, 7) false for n = 1. The call takes
// the TEXT affinity and collation of numeric values, as numberInList
// gives a number constant (arith.go), so the list's values, converted to
// text, compare with it by value.

import "slices"

// intCallInList rewrites the operand ending at e, tested with IN at i,
// when it is such a call (a function of an integer type the statement
// shows: scale, length, strpos ...), and reports whether it did.
func (x *tx) intCallInList(i, e int) bool {
	if !x.T(i).kw("IN") || x.kw(i+2, "SELECT") || x.kw(i+2, "WITH") || x.kw(i+2, "VALUES") || !x.isP(e, ")") {
		return false
	}
	k := x.matchBack(e)
	s := k - 1
	if k < 1 || x.T(s).typ != tIdent || x.isP(s-1, ".") {
		return false
	}
	if t := x.T(s - 1); s > 0 && t.typ == tOp && !x.isP(s-1, "=") {
		return false // the right operand of an operator: arithmetic
	}
	switch x.numType(s, e+1) {
	case "int2", "int4", "int8":
	default:
		return false
	}
	list := x.splitTop(i+2, x.match(i+1))
	if !slices.ContainsFunc(list, func(it [2]int) bool { return !x.numberConst(it[0], it[1]) && !x.stringOperand(it[0], it[1]) }) {
		return false // constants alone compare as they are
	}
	x.T(s).pre = "CAST(" + x.T(s).pre
	x.T(e).suf += " AS TEXT) COLLATE " + NumericCollation
	return true
}
