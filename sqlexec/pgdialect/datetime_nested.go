package pgdialect

// datetime_nested.go: date/time arithmetic whose operand is itself date/time
// arithmetic over columns, typed from the inside out. The translator does
// not know a column's type, so ts - iv of columns is columnDTOperator's
// CASE form (datetime_columns.go) and iv * 2 arith.go's pg_mul, both of a
// type known only at run time. An operator over such an operand ((ts -
// iv) - iv, iv * 2 + iv, ts + iv * n) used to find no type for it and
// took numeric arithmetic (22P02 on the timestamp's text), or passed ''
// to pg_dt_add, which reads the type from the value's text: an interval
// printed 10:30:00 was taken for a time of day.
//
// Each such rewrite now records its date/time type as an SQL expression
// (x.dtRTypes): pg_dt_result('-', <left's type>, <right's type>) over the
// operands' own type expressions, a column's being its declared type
// (pg_col_dttype). The outer operator passes it as its operand's type
// argument and, for + and -, tests it as it tests a column's type. The
// expression depends only on the schema: the same on every node.

import (
	"database/sql/driver"
	"strings"
)

// fnDTResult is pg_dt_result(op, left type, right type): the date/time
// type of the result of op over operands of those types (dtBinaryResult's
// names; empty for a number or an operand of another type), empty when the
// result is no date/time value (date - date is an integer, n * 2 a
// number), so that it serves as the type test of columnDTOperator.
func fnDTResult(_ *sqliteFunctionContext, a []driver.Value) (driver.Value, error) {
	op, l, r := str(a[0]), str(a[1]), str(a[2])
	switch op {
	case "*", "/":
		if l == "interval" || op == "*" && r == "interval" {
			return "interval", nil
		}
		return "", nil
	}
	// a column of another type ('' from pg_col_dttype) beside a date/time
	// value is a number: d + n is a date (pg_dt_add refuses a non-integer)
	if l == "" && isDTType(r) {
		l = "int"
	}
	if r == "" && isDTType(l) {
		r = "int"
	}
	if res := dtBinaryResult(op, l, r); isDTType(res) && res != "?" {
		return res, nil
	}
	return "", nil
}

// dtResultExpr is the pg_dt_result expression of op over operands whose
// type expressions are l and r ("" unknown: the operand's value decides).
func dtResultExpr(op, l, r string) string {
	if l == "" {
		l = "''"
	}
	if r == "" {
		r = "''"
	}
	// a scalar subquery over constant arguments: SQLite computes it once
	// per statement, not per row
	return dtResultPrefix + quoteLit(op) + ", " + l + ", " + r + "))"
}

// dtTypeExpr is the date/time type of operand a..b-1 as an SQL expression
// for a type argument of pg_dt_*: the type the statement shows, quoted
// ('interval', 'int'), else the run-time type of a column or of a
// rewritten operator over columns (dtRTypes), else of a CASE whose
// results have one; "" when none is known.
func (x *tx) dtTypeExpr(a, b int) string {
	for b-a > 2 && x.isP(a, "(") && x.match(a) == b-1 && !x.kw(a+1, "SELECT") {
		a, b = a+1, b-1
	}
	if a >= b {
		return ""
	}
	if t := x.dtType(a, b, x.dtTypes); t != "" && t != "?" {
		return quoteLit(t)
	}
	if c := x.columnDTType(a, b); c != "" {
		return c
	}
	if c := x.dtChainOf(a, b); c != "" {
		return c
	}
	if c := x.subqueryDTType(a, b); c != "" {
		return c
	}
	if c := x.truncDTTypeExpr(a, b); c != "" {
		return c
	}
	return x.branchDTTypeExpr(a, b)
}

// truncDTTypeExpr is the run-time type of date_trunc(field, source) at
// a..b-1 whose source's type is read at run time (a column's): the
// source's, a date's timestamptz. Its value's text alone does not tell
// an interval from a time of day: date_trunc('year', iv) + iv was time
// arithmetic on '00:00:00' (found by the differential fuzz tester).
func (x *tx) truncDTTypeExpr(a, b int) string {
	t := x.T(a)
	if t.typ != tIdent || !strings.EqualFold(t.text, "date_trunc") || x.isP(a-1, ".") || !x.isP(a+1, "(") || x.match(a+1) != b-1 {
		return ""
	}
	args := x.splitTop(a+2, b-1)
	if len(args) != 2 || args[1][0] >= args[1][1] {
		return ""
	}
	st := x.dtTypeExpr(args[1][0], args[1][1])
	if !runtimeTypeExpr(st) {
		return "" // a type the statement shows: dtType's (dtCallType)
	}
	return "(SELECT CASE " + st + " WHEN 'date' THEN 'timestamptz' ELSE " + st + " END)"
}

// branchDTTypeExpr is dtTypeExpr of a CASE ... END, coalesce(...) or
// nullif(a, b) at a..b-1: the date/time type of its first result that
// shows one (CASE WHEN n > 1 THEN iv ELSE interval '1 hour' END,
// coalesce(iv, interval '0') are intervals), a result the statement types
// before one known at run time; "" when a..b-1 is none of those, no
// result has a type or one is a number. A quoted literal among them is of
// the others' type (CASE WHEN n > 1 THEN iv ELSE '1 hour' END, coalesce(iv,
// '0') are intervals): columnDTOperator types a coalesce's literals
// before it copies them (commonLiteralsWithin).
func (x *tx) branchDTTypeExpr(a, b int) string {
	var brs []branch
	switch t := x.T(a); {
	case t.kw("CASE"):
		var end int
		if brs, end = x.caseBranches(a); end != b { // typeresolve.go
			return ""
		}
	case t.typ == tIdent && x.isP(a+1, "(") && x.match(a+1) == b-1 && !x.isP(a-1, ".") && (t.identName() == "coalesce" || t.identName() == "nullif" || t.identName() == "greatest" || t.identName() == "least"):
		for _, arg := range x.splitTop(a+2, b-1) {
			if arg[0] >= arg[1] {
				return ""
			}
			brs = append(brs, x.classify(arg[0], arg[1]))
			if t.identName() == "nullif" {
				break // of its first argument's type
			}
		}
	default:
		return ""
	}
	// greatest/least: of a static date/time type only (an interval
	// literal among its arguments); of columns alone it may be a number,
	// which an operator's run-time form would copy with its pending
	// rewrites (nullif(least(n, n2), -2.5) + 3)
	minMax := x.T(a).identName() == "greatest" || x.T(a).identName() == "least"
	rt := ""
	for _, br := range brs {
		if br.kind == branchNull || br.kind == branchUnknown {
			continue // a quoted literal is of the others' type
		}
		switch e := x.dtTypeExpr(br.a, br.b); {
		case e == "'int'" || e == "'float'":
			return "" // a number: no date/time operand (n + CASE ... END)
		case e != "" && e[0] == '\'':
			return e
		case rt == "" && !minMax:
			rt = e
		}
	}
	return rt
}

// caseWithLiteral reports whether a..b-1, parenthesised or not, is a
// CASE ... END with a quoted literal among its results.
func (x *tx) caseWithLiteral(a, b int) bool {
	a, b = x.unparen(a, b)
	if !x.kw(a, "CASE") {
		return false
	}
	brs, end := x.caseBranches(a)
	if end != b {
		return false
	}
	for _, br := range brs {
		if br.kind == branchUnknown {
			return true
		}
	}
	return false
}

// maxDTNested bounds the rewritten text of an expression whose type
// recordDTResult records: an outer + or - over it takes columnDTOperator's
// CASE form, which holds it twice, so a sum of many columns (a + b + c +
// ...) would grow as 2^n; past the bound the outer operator is plain
// arithmetic over it (a few levels of ts - iv - iv fit).
const maxDTNested = 8192

// recordDTResult records the run-time date/time type of the operator op
// just rewritten at ls..re-1 (its operands' type expressions l and r),
// when an operand's type is read at run time: the outer operator reads it
// (dtTypeExpr).
func (x *tx) recordDTResult(ls, re int, op, l, r string) {
	// an inner expression starting at the same token (a - b of a - b -
	// c) is no longer the operand
	delete(x.dtRTypes, ls)
	if !runtimeTypeExpr(l) && !runtimeTypeExpr(r) {
		return // both static (or unknown): dtType reads the result
	}
	if len(x.text(ls, re)) > maxDTNested {
		return
	}
	if x.dtRTypes == nil {
		x.dtRTypes = map[int]string{}
	}
	x.dtRTypes[ls] = dtResultExpr(op, l, r)
}

// runtimeTypeExpr reports whether type expression e is read at run time
// (a column's type, a nested result's), not quoted by the statement.
func runtimeTypeExpr(e string) bool { return e != "" && e[0] != '\'' }

// nestedDTType is the run-time date/time type expression of operand a..b-1
// when it is a rewritten operator over columns (dtChainOf) or a CASE whose
// results show a type, "" otherwise (a bare column: columnDTType).
func (x *tx) nestedDTType(a, b int) string {
	if c := x.dtChainOf(a, b); c != "" {
		return c
	}
	for b-a > 2 && x.isP(a, "(") && x.match(a) == b-1 && !x.kw(a+1, "SELECT") {
		a, b = a+1, b-1
	}
	// a scalar subquery of a date/time item ((SELECT max(ts) FROM t) -
	// ts); one of a number is no date/time operand
	if c := x.subqueryDTType(a, b); runtimeTypeExpr(c) || c != "" && isDTName(c[1:len(c)-1]) {
		return c
	}
	if c := x.truncDTTypeExpr(a, b); c != "" {
		return c
	}
	return x.branchDTTypeExpr(a, b)
}

// dtOperandType is the type argument of pg_dt_* for operand a..b-1 whose
// static type is st (dtType): st quoted, or when the statement does not
// show it the operand's run-time type (dtTypeExpr), the empty string when that is not
// known either (the value's text decides).
func (x *tx) dtOperandType(st string, a, b int) string {
	if st != "" && st != "?" {
		return quoteLit(st)
	}
	if e := x.dtTypeExpr(a, b); e != "" {
		return e
	}
	if c := x.factorDTType(a, b); c != "" {
		return c
	}
	return "''"
}

// factorDTType is the date/time type of a column, or of a product or
// quotient of columns noteDTFactor recorded, at a..b-1; "" otherwise.
func (x *tx) factorDTType(a, b int) string {
	if a, b = x.unparen(a, b); a >= b {
		return ""
	}
	if c := x.columnDTType(a, b); c != "" {
		return c
	}
	if c, ok := x.dtFactors[a]; ok && x.castEnd[b-1] == a {
		return c
	}
	return ""
}

// noteDTFactor records, for the product or quotient ls..re-1 of the
// operator at i that arith.go rewrote, the date/time type of its column
// factor: the left operand's, or for * either's (n * iv: an interval is
// the only date/time type * and / take). A product of two columns gets
// no type expression of its own (scaledDTOperand), but as the operand of
// an operator whose other side the statement types (n * iv + interval
// '1 day') it needs its type argument: left to the value's text, an
// interval's 24:00:00 was read as a time of day (dtOperandType).
func (x *tx) noteDTFactor(ls, i, re int) {
	op := x.T(i).text
	if op != "*" && op != "/" {
		return
	}
	c := x.factorDTType(ls, i)
	if r := x.factorDTType(i+1, re); op == "*" && r != "" {
		if c != "" {
			r = "max(" + c + ", " + r + ")" // '' < 'interval'
		}
		c = r
	}
	if c == "" {
		return
	}
	if x.dtFactors == nil {
		x.dtFactors = map[int]string{}
	}
	x.dtFactors[ls] = c
}

// dtBranchType is dtType of operand a..b-1, or when that is not known the
// date/time type a CASE's or coalesce's results show (coalesce(iv,
// interval '0') * 2 is an interval's product, pg_dt_mul).
func (x *tx) dtBranchType(a, b int, known map[int]string) string {
	if t := x.dtType(a, b, known); t != "" {
		return t
	}
	if e := x.branchDTTypeExpr(a, b); e != "" && !runtimeTypeExpr(e) {
		return e[1 : len(e)-1]
	}
	return ""
}

// dtResultPrefix starts every nested result's type expression.
const dtResultPrefix = "(SELECT pg_dt_result("

// scaledDTOperand reports whether a product or quotient over operands of
// type expressions l and r may be an interval worth recording: one
// operand a nested date/time result ((ts - ts2) * 2), or a column times a
// number the statement shows (iv * 2, iv / 1.5). A product of two columns
// (price * qty, iv * n) is not: an outer + or - over it would become
// columnDTOperator's CASE form, which holds its operands twice, and sums
// of such products would grow as 2^n for number columns.
func scaledDTOperand(l, r string) bool {
	num := func(e string) bool { return e == "'int'" || e == "'float'" }
	switch {
	case strings.HasPrefix(l, dtResultPrefix) || strings.HasPrefix(r, dtResultPrefix):
		return true
	case runtimeTypeExpr(l) && num(r), runtimeTypeExpr(r) && num(l):
		return true
	}
	return false
}
