package pgdialect

// anyall.go: x op ANY/SOME/ALL (array or subquery) for the comparison
// operators other than = ANY and <> ALL (those are SQLite's IN and NOT IN,
// array_translate.go's anyAll). PostgreSQL's rules (ExecScalarArrayOp,
// ExecSubPlan): ANY is true when some element compares true, else NULL
// when some comparison was NULL (a NULL element, or x NULL with elements),
// else false (no elements: false); ALL is false when some comparison is
// false, else NULL when some was NULL, else true (no elements: true). The
// comparisons are one row each of a subquery around x, whose aggregate
// gives that verdict (opened in the late pass, around x's translation:
// the operators' rewrites copy an operand's text):
//
//	x < ANY (S) -> (SELECT CASE WHEN max(c) THEN 1 WHEN count(*) > count(c)
//	               THEN NULL ELSE 0 END FROM (SELECT x < v AS c FROM S))
//
// A subquery S is a CTE with a column list, so its column keeps its
// affinity (a text literal on the left compares with an integer column
// as PostgreSQL's coercion of the unknown literal does); an array's
// elements are json_each's, as for = ANY. x is read inside the subquery
// (correlated), so an aggregate or window call in x, which would count
// the subquery's rows, is refused.

import "strings"

// anyAllOps are the comparison operators anyAllCompare takes.
var anyAllOps = map[string]string{"=": "=", "<>": "<>", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">="}

// anyAllVerdicts are the aggregates over the comparisons' results c.
var anyAllVerdicts = map[bool]string{
	false: "CASE WHEN max(pg_anyall_c) THEN 1 WHEN count(*) > count(pg_anyall_c) THEN NULL ELSE 0 END",
	true:  "CASE WHEN min(pg_anyall_c) = 0 THEN 0 WHEN count(*) > count(pg_anyall_c) THEN NULL ELSE 1 END",
}

// anyAllCompare rewrites x op ANY/SOME/ALL (...) at i (the keyword; the
// operator at i-1); sub: the parentheses hold a subquery, else an array;
// decl: the array column's declared type argument of pg_array_json.
func (x *tx) anyAllCompare(i int, sub bool, decl string) error {
	opText, u := x.anyAllOperator(i), x.T(i).upper()
	op, ok := anyAllOps[opText]
	if !ok {
		op, ok = anyAllMatchOps[opText] // anyall_like.go
	}
	if !ok {
		return unsupported("%s %s (...) is not supported (only comparison and pattern matching operators)", opText, u)
	}
	s := x.anyAllLeft(i)
	if s < 0 {
		return unsupported("%s %s (...) after this left operand is not supported", opText, u)
	}
	for k := s; k < i-1; k++ {
		if t := x.T(k); t.kw("OVER") || t.typ == tIdent && x.isP(k+1, "(") && pgAggregates[strings.ToLower(t.text)] {
			return unsupported("an aggregate or window function on the left of %s %s (...) is not supported", opText, u)
		}
	}
	x.late = append(x.late, i) // anyAllOpen, once the left operand is translated
	e := x.match(i + 1)
	x.T(i).set("")
	if x.anyAllNot(i) {
		x.T(i - 2).set("") // NOT [I]LIKE: op says it
	}
	if sub {
		x.T(i - 1).set(" " + op + " pg_anyall_v AS pg_anyall_c FROM (WITH pg_anyall(pg_anyall_v) AS ")
		x.T(e).suf += " SELECT pg_anyall_v FROM pg_anyall) AS pg_anyall))"
		return nil
	}
	// json_each's own columns (id, key, type, path ...) must not take
	// x's names: one column of a name of ours. The element without its
	// affinity (+), so a numeric column's text compares as numeric_text's
	x.T(i - 1).set(" " + op + " +pg_anyall_v AS pg_anyall_c FROM (SELECT value AS pg_anyall_v FROM json_each(coalesce(pg_array_json(")
	x.T(i + 1).set("")
	x.T(e).set(decl + "), '[null]'))) AS pg_anyall))")
	return nil
}

// anyAllLeft is the start of the left operand of the operator at i-1.
func (x *tx) anyAllLeft(i int) int {
	e := i - 2
	if x.anyAllNot(i) {
		e-- // x NOT LIKE ANY (...)
	}
	if x.kw(e, "END") {
		return x.caseStart(e)
	}
	return x.operandBack(e, false)
}

// anyAllOpen opens the subquery of anyAllCompare's rewrite at i before the
// left operand's translation.
func (x *tx) anyAllOpen(i int) {
	s := x.anyAllLeft(i)
	first := x.T(s)
	first.pre = "(SELECT " + anyAllVerdicts[x.T(i).kw("ALL")] + " FROM (SELECT " + first.pre
	const src = "SELECT value AS pg_anyall_v "
	la, lb := x.unparen(s, i-1)
	if x.isP(la, "-") || x.isP(la, "+") {
		la++
	}
	if op := x.T(i - 1); strings.Contains(op.out, src) && !(lb == la+1 && x.T(la).typ == tNumber) {
		// a numeric left operand that is no column (greatest(3, div(3,
		// id)), arithmetic over columns) is numeric text of no affinity:
		// SQLite ordered every element number before it (3 < ANY(ARRAY[
		// 32767]) was false: the fuzz tester's seed 841215). The element
		// as text compares under the operand's numeric collation; the
		// operand stays +pg_anyall_v, which the date/time pair rewrite
		// reads (datetime_pair_compiled.go). A number constant is
		// SQLite's number, compared as one.
		switch rt := x.numTypeExpr(s, i-1); {
		case rt == "'numeric'":
			op.set(strings.Replace(op.out, src, "SELECT CAST(value AS TEXT) AS pg_anyall_v ", 1))
		case runtimeTypeExpr(rt):
			op.set(strings.Replace(op.out, src, "SELECT (CASE WHEN "+rt+" = 'numeric' THEN CAST(value AS TEXT) ELSE value END) AS pg_anyall_v ", 1))
		}
	}
}

// anyAllOpensWithin runs now the late anyAllOpen of the op ANY/SOME/ALL
// within tokens lo..hi-1, whose text a rewrite is about to copy
// (operandcopy.go): run later, its "(SELECT ... FROM (SELECT " went onto
// the blanked left operand after the copy, a syntax error (a.b = ((a.id
// % 32767) < ANY(ARRAY[...])) over a derived table, whose run-time
// comparison copies its operands: the fuzz tester's seed 782197).
func (x *tx) anyAllOpensWithin(lo, hi int) {
	kept := x.late[:0]
	var now []int
	for _, i := range x.late {
		if t := x.T(i); i >= lo && i < hi && (t.kw("ANY") || t.kw("SOME") || t.kw("ALL")) {
			now = append(now, i)
		} else {
			kept = append(kept, i)
		}
	}
	x.late = kept
	for k := len(now) - 1; k >= 0; k-- {
		x.anyAllOpen(now[k])
	}
}
