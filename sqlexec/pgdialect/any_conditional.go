package pgdialect

// any_conditional.go: a coalesce, nullif, greatest, least or CASE with a
// branch of numeric or run-time type tested with = ANY (or <> ALL) of an
// array, which array_translate.go's anyAll makes IN (SELECT +value FROM
// json_each(...)). Its numeric text has no affinity to convert the
// array's numbers with, so it never equalled one:
// coalesce(strpos(t, 'abc'), div(i4, i2)) = ANY(ia) was false for 0 and
// {-1,0,1} (the fuzz tester's seed 777360), coalesce(n, 0) =
// ANY(ARRAY[100, 2]) false for 100. As membership_conditional.go does
// for IN (list), the test compares by value where the branches'
// run-time types make the result numeric: its operand takes the TEXT
// affinity and the collation of numeric values, so the elements,
// converted to text, compare with it by value.

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// anyMembership records the = ANY / <> ALL of an array at i (the ANY,
// SOME or ALL keyword, rewritten by anyAll) when its operand is such a
// conditional, and reports whether it did.
func (x *tx) anyMembership(i int) bool {
	u := x.T(i).upper()
	if u != "ANY" && u != "SOME" && u != "ALL" || !x.isP(i+1, "(") || i < 2 {
		return false
	}
	op := x.T(i - 1)
	if !op.ed || !strings.Contains(op.out, "IN") || !x.T(i).ed || !strings.HasPrefix(x.T(i).out, anyInSubquery) {
		return false // not anyAll's IN form
	}
	return x.recordMemberTest(i, i-1, true) // membership_conditional.go
}

// anyInSubquery starts anyAll's IN subquery.
const anyInSubquery = "(SELECT +value FROM json_each("

// anyByValue rewrites the test anyMembership recorded: s..op-1 the
// operand, op the operator (" IN " or " NOT IN "), i the keyword.
func (x *tx) anyByValue(s, op, i int, cond, jcond string) {
	end := x.match(i+1) + 1
	pre, suf := x.T(s).pre, x.T(end-1).suf
	x.T(s).pre, x.T(end-1).suf = "", ""
	pre, x.T(s).pre = enclosingPrefix(pre, x.text(s, op)) // enclosing.go
	x.T(end - 1).suf, suf = enclosingSuffix(x.text(op, end), suf)
	col, test := x.text(s, op), x.text(op, end)
	jsonbWhen := ""
	if jcond != "" {
		jsonbWhen = " WHEN " + jcond + " THEN (" + col + ") COLLATE " + JSONBCollation + test
	}
	x.wipe(s, end)
	x.T(s).set("(CASE WHEN " + cond + " THEN CAST(" + col + " AS TEXT) COLLATE " + NumericCollation + test +
		jsonbWhen + " ELSE " + col + test + " END)")
	x.T(s).pre, x.T(end-1).suf = pre, suf
	x.castEnd[end-1] = s
	x.setResolved(s, end, pgoid.Bool)
}
