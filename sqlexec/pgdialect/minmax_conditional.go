package pgdialect

// minmax_conditional.go: min and max of a coalesce or CASE over a numeric
// column, or of a scalar subquery of a numeric value (max((SELECT sum(v)
// ...))). coalesce(n2, n) and CASE WHEN b THEN n END yield numeric text
// or a SQLite number with no collation (a function's or a CASE's result
// has none), so SQLite's min compared the text bytewise and put every
// number before every text: min(coalesce(n2, n)) of -0.50 and -2.50 was
// -0.50 (found by the differential fuzz tester, seed 2600224). As
// ORDER BY of such a conditional does (orderby_numeric.go), the argument
// becomes the value as numeric text with the collation of numeric values
// when the statement's run-time types say the result is numeric, in a
// call of its own (the collation would order text results too; SQLite
// runs both calls, so the first one's argument is NULL otherwise):
//
//	(CASE WHEN 'numeric' IN (<n2's run-time type>, <n's>)
//	  THEN min((CASE WHEN 'numeric' IN (...)
//	    THEN CAST(pg_in_numeric(coalesce(n2, n), -1) AS TEXT) END) COLLATE pg_numeric)
//	  ELSE min(coalesce(n2, n)) END)
//
// AggregateItems (aggitems.go) reads the second call back to describe
// the result (minMaxElseCall), and BranchItems (branchtypes.go) the first
// call's argument as the conditional (minMaxKeyArg). nullif and
// greatest/least carry the collation of their own
// (numeric_runtimecmp.go, strsyntax.go).

import (
	"maps"
	"slices"
	"strings"
)

// minMaxArg is a min or max call that minMaxConditional rewrites: its
// argument and when the argument's value is numeric.
type minMaxArg struct {
	a, b int
	cond string
}

// minMaxConditionals records the min and max calls whose one argument is
// a coalesce or CASE with a branch of numeric or run-time type, before
// other rewrites change the argument's shape (orderNumeric's time).
func (x *tx) minMaxConditionals() {
	if !x.castsChecked() {
		return
	}
	for i := 0; i+2 < x.n(); i++ {
		if n := x.callName(i); n != "min" && n != "max" { // numeric_arrays.go
			continue
		}
		args := x.splitTop(i+2, x.match(i+1))
		if len(args) != 1 {
			continue
		}
		a, b := args[0][0], args[0][1]
		for x.isP(a+1, "(") && x.match(a+1) == b-2 && x.isP(a, "(") && x.match(a) == b-1 {
			a, b = a+1, b-1 // ((SELECT ...)): the subquery's parentheses are its own
		}
		if _, _, sub := x.scalarSubqueryItem(a, b); !sub { // scalarsub_item.go: its item's value
			a, b = x.unparen(a, b)
			if b <= a+2 || !x.kw(a, "CASE") && !(x.T(a).typ == tIdent && strings.EqualFold(x.T(a).text, "coalesce")) {
				continue
			}
		}
		if !x.conditionalNumeric(a, b) {
			continue
		}
		if cond := x.conditionalNumericCond(a, b); cond != "" {
			if x.minMaxArgs == nil {
				x.minMaxArgs = map[int]minMaxArg{}
			}
			x.minMaxArgs[i] = minMaxArg{a, b, cond}
		}
	}
}

// minMaxConditional rewrites the calls minMaxConditionals recorded, with
// their FILTER and OVER clauses, over their translated text with the
// branches' types resolved (resolveNested calls it last); the last
// first (one in a subquery of another's argument is in the text the
// outer one copies).
func (x *tx) minMaxConditional() {
	for _, i := range slices.Backward(slices.Sorted(maps.Keys(x.minMaxArgs))) {
		m := x.minMaxArgs[i]
		e := x.match(i + 1)
		ce := x.callEnd(e + 1)                // datetime_translate.go
		x.orderByWithin(i, ce)                // orderby.go: OVER (ORDER BY ...) is copied
		x.conditionalMembershipsWithin(i, ce) // FILTER (WHERE coalesce(...) IN (...)) too
		// what encloses the call stays around it (a comparison's
		// pg_cmp( ... ), arith.go)
		pre, suf := x.T(i).pre, x.T(ce-1).suf
		x.T(i).pre, x.T(ce-1).suf = "", ""
		call, arg := x.text(i, m.a), strings.TrimSpace(x.text(m.a, m.b))
		rest := x.text(m.b, ce)
		x.wipe(i, ce)
		x.T(i).set("(CASE WHEN " + m.cond + " THEN " + call + "(CASE WHEN " + m.cond + " THEN CAST(pg_in_numeric(" + arg +
			", -1) AS TEXT) END) COLLATE " + NumericCollation + rest + " ELSE " + call + arg + rest + " END)")
		x.T(i).pre, x.T(ce-1).suf = pre, suf
		x.castEnd[ce-1] = i
	}
}

// minMaxKeyArg is the conditional of a..b-1 when it is the argument
// minMaxConditional writes into the first call, (CASE WHEN cond THEN
// CAST(pg_in_numeric(arg, -1) AS TEXT) END) COLLATE pg_numeric.
func (x *tx) minMaxKeyArg(a, b int) (int, int, bool) {
	if !x.isP(a, "(") || !x.kw(a+1, "CASE") {
		return 0, 0, false
	}
	p := x.match(a)
	if p+3 != b || !x.kw(p+1, "COLLATE") || !strings.EqualFold(x.T(p+2).text, NumericCollation) {
		return 0, 0, false
	}
	brs, end := x.caseBranches(a + 1) // typeresolve.go
	if end != p || len(brs) != 1 {
		return 0, 0, false
	}
	c := brs[0].a
	if !x.kw(c, "CAST") || !x.isP(c+1, "(") || !strings.EqualFold(x.T(c+2).text, "pg_in_numeric") || !x.isP(c+3, "(") {
		return 0, 0, false
	}
	args := x.splitTop(c+4, x.match(c+3))
	if len(args) != 2 {
		return 0, 0, false
	}
	return args[0][0], args[0][1], true
}

// minMaxElseCall is the second call (its FILTER and OVER clauses too) of
// the parenthesised a..match(a) when it is minMaxConditional's CASE of
// two calls.
func (x *tx) minMaxElseCall(a int) (int, int, bool) {
	p := x.match(a)
	if !x.isP(a, "(") || !x.kw(a+1, "CASE") || p < 0 {
		return 0, 0, false
	}
	brs, end := x.caseBranches(a + 1) // typeresolve.go
	if end != p || len(brs) != 2 {
		return 0, 0, false
	}
	first := brs[0]
	if x.T(first.a).typ != tIdent || !x.isP(first.a+1, "(") {
		return 0, 0, false
	}
	arg := x.splitTop(first.a+2, x.match(first.a+1))
	if len(arg) != 1 {
		return 0, 0, false
	}
	if _, _, ok := x.minMaxKeyArg(arg[0][0], arg[0][1]); !ok {
		return 0, 0, false
	}
	return brs[1].a, brs[1].b, true
}
