package pgdialect

// anyall_like.go: x [NOT] LIKE / ILIKE ANY|SOME|ALL (array or subquery),
// and the operators ~~ !~~ ~~* !~~* ~ !~ ~* !~* before ANY/ALL.
// PostgreSQL's grammar takes [NOT] [I]LIKE as a subquery operator
// (subquery_Op), so 'x' LIKE ANY (ARRAY['a%', 'x%']) is true when some
// pattern matches, NOT LIKE ALL when none does, with the NULL rules of
// any other op ANY/ALL. The translation read ANY (...) as a call of a
// function named any (42883) or failed on ALL (42601). They take
// anyAllCompare's form, each element matched by the operator's own
// translation (LIKE is like.go's case-sensitive like(), ILIKE its
// case-folding glob(), ~ regexop.go's REGEXP):
//
//	x LIKE ANY (a) -> (SELECT <verdict> FROM (SELECT x LIKE +v AS c FROM <a's elements>))

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// anyAllMatchOps are the pattern matching operators anyAllCompare takes
// (by PostgreSQL's name), in their SQLite spelling before the element.
var anyAllMatchOps = map[string]string{
	"~~": "LIKE", "!~~": "NOT LIKE", "~~*": "GLOB", "!~~*": "NOT GLOB",
	"~": "REGEXP", "!~": "NOT REGEXP", "~*": "REGEXP " + icaseMarkerSQL + " ||", "!~*": "NOT REGEXP " + icaseMarkerSQL + " ||",
}

// anyAllOperator is PostgreSQL's name of the operator before ANY/SOME/ALL
// at i: the operator token's text, or ~~ (!~~, ~~*, !~~*) for the words
// [NOT] LIKE / ILIKE.
func (x *tx) anyAllOperator(i int) string {
	if x.T(i-1).typ == tOp {
		return x.T(i - 1).text
	}
	op := "~~"
	if x.kw(i-1, "ILIKE") {
		op = "~~*"
	}
	if x.anyAllNot(i) {
		op = "!" + op
	}
	return op
}

// anyAllNot reports whether ANY/SOME/ALL at i follows NOT LIKE or NOT
// ILIKE.
func (x *tx) anyAllNot(i int) bool {
	return (x.kw(i-1, "LIKE") || x.kw(i-1, "ILIKE")) && x.kw(i-2, "NOT")
}

// anyAllMatched reports whether the operator at i is one anyAllCompare
// already rewrote (the ANY/SOME/ALL after it is blanked): the operator
// pass must not spell it again over the rewrite.
func (x *tx) anyAllMatched(i int) bool {
	n := x.T(i + 1)
	return x.T(i).ed && (x.T(i).typ == tOp || x.kw(i, "ILIKE")) && n.ed && n.out == "" && (n.kw("ANY") || n.kw("SOME") || n.kw("ALL"))
}

// anyAllMatchTypes is PostgreSQL's 42883 for a pattern matching operator
// before ANY/SOME/ALL (array i+1..e) at i whose left operand s..i-2 or
// element type, as the statement shows them, is no string (1 LIKE ANY
// (ARRAY['1']): integer ~~ text; 'x' LIKE ANY (ARRAY[1]): unknown ~~
// integer). The operators take text, character, name (and LIKE bytea);
// a type the statement does not show is let through.
func (x *tx) anyAllMatchTypes(s, i, e int) error {
	op := x.anyAllOperator(i)
	stringy := func(o uint32) bool {
		t := typesByOID[o]
		return t == nil || t.cat == "S" || o == pgoid.Unknown || o == pgoid.Bytea && strings.Contains(op, "~~")
	}
	le := i - 1 // the left operand's end
	if x.anyAllNot(i) {
		le--
	}
	var lt uint32
	lname := "unknown"
	if !x.isUnknown(s, le) && !(x.kw(s, "NULL") && s+1 == le) {
		if lt = x.exprOID(s, le); lt == 0 {
			return nil
		}
		lname = FormatType(lt, -1)
	}
	if x.kw(i+2, "SELECT") || x.kw(i+2, "WITH") || x.kw(i+2, "VALUES") {
		return nil
	}
	et := pgoid.ElemOf(x.exprOID(i+2, e))
	if et == 0 {
		return nil
	}
	if !stringy(lt) || !stringy(et) {
		return &Error{Code: "42883", Message: anyAllOperatorMessage(lname, op, FormatType(et, -1)), Hint: jsonOperatorHint, Position: x.charPos(le)}
	}
	return nil
}
