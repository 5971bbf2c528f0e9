package pgdialect

// arith.go: PostgreSQL's arithmetic operators. SQLite's + - * / % differ
// from PostgreSQL's without a word: an integer overflow becomes a float,
// x/0 is NULL, 0.1 + 0.2 is a binary float. datetimePass (which walks the
// operators by precedence: ^, then * / %, then + -, then comparisons)
// hands every operator that is not a date/time one to arithRewrite, which
// turns a op b into pg_add / pg_sub / pg_mul / pg_div / pg_mod(a, b,
// type) or pg_pow(a, b) (arith_funcs.go), where type is the result type
// the statement shows: the operands' types from literals (1 is int4,
// 3000000000 int8, 0.1 numeric), casts, typed literals, functions of known
// type and earlier rewritten operators, combined by PostgreSQL's rules
// (int4 + int4 is int4, int4 + int8 int8, int + numeric numeric, anything
// with float8 float8). Where an operand's type is unknown (a column: the
// translator has no schema) the type is '' and the function decides from
// the values: integers as bigint, a float as float8, a stored numeric
// (text) exactly.
//
// A numeric result is text (numeric's stored form); it is spliced as
// CAST(... AS TEXT) COLLATE pg_numeric so that it sorts, groups and
// compares with literals by value. A comparison with a numeric or
// unknown-typed arithmetic operand becomes (pg_cmp(a, b) op 0), which
// compares numbers of any kind by value.
//
// Not rewritten: catalog queries and DDL (CHECK and DEFAULT expressions
// are stored as written), and operators whose operands the token scan
// cannot delimit (SQLite's semantics then apply).

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

var arithFuncs = map[string]string{"+": "pg_add", "-": "pg_sub", "*": "pg_mul", "/": "pg_div", "%": "pg_mod"}

// arithTypeOIDs maps the static types of arith.go to OIDs.
var arithTypeOIDs = map[string]uint32{
	"int2": pgoid.Int2, "int4": pgoid.Int4, "int8": pgoid.Int8, "numeric": pgoid.Numeric, "float8": pgoid.Float8, "float4": pgoid.Float4, "bool": pgoid.Bool,
	"money": pgoid.Money,
}

// numLiteralType is PostgreSQL's type of a numeric constant: an integer
// is int4 when it fits, else int8, else numeric; one with a point or an
// exponent is numeric.
func numLiteralType(s string) string {
	if strings.ContainsAny(s, ".eE") {
		return "numeric"
	}
	n, err := strconv.ParseInt(s, 10, 64)
	switch {
	case err != nil:
		return "numeric"
	case n >= -1<<31 && n < 1<<31:
		return "int4"
	}
	return "int8"
}

// numType is the static numeric type of operand a..b-1 ("int2", "int4",
// "int8", "numeric", "float8"), "" when the statement does not show it.
func (x *tx) numType(a, b int) string {
	if a >= b {
		return ""
	}
	if t, ok := x.arithTypes[a]; ok && x.castEnd[b-1] == a {
		if t == "?" {
			return ""
		}
		return t
	}
	t := x.T(a)
	switch {
	case b-a == 1 && t.typ == tNumber:
		return numLiteralType(t.text)
	case t.typ == tOp && t.text == "-" && !t.ed && b-a == 2 && x.T(a+1).typ == tNumber:
		return numLiteralType("-" + x.T(a+1).text) // -2147483648 is int4
	case t.typ == tOp && (t.text == "-" || t.text == "+") && !t.ed:
		return x.numType(a+1, b)
	case x.isP(a, "(") && x.match(a) == b-1:
		return x.numType(a+1, b-1)
	}
	if t := x.exactCallType(a, b); t != "" {
		return t
	}
	return oidArithType(x.exprOID(a, b)) // arith_types.go
}

// exactCallType is the static type of a call a..b-1 of exactCalls
// (numeric_exactcalls.go) that the statement shows, "" otherwise:
// round(x, n) and trunc(x, n) are numeric whatever x (PostgreSQL has
// only the numeric ones), round(x) of a numeric numeric, abs(x) x's
// type. The operators are rewritten before exactCallCollation marks the
// calls, so round(-0.5) / 2 divided a value of unknown type (-1 for
// PostgreSQL's -0.50000000000000000000).
func (x *tx) exactCallType(a, b int) string {
	t := x.T(a)
	name := strings.ToLower(t.text)
	if t.typ != tIdent || t.ed || !exactCalls[name] || !x.isP(a+1, "(") || x.match(a+1) != b-1 || x.isP(a-1, ".") {
		return ""
	}
	args := x.splitTop(a+2, b-1)
	switch {
	case len(args) == 2 && (name == "round" || name == "trunc"):
		return "numeric"
	case len(args) != 1:
		return ""
	}
	switch in := x.numType(args[0][0], args[0][1]); {
	case in == "numeric":
		return "numeric"
	case name == "abs" && (in == "int2" || in == "int4" || in == "int8" || in == "float8" || in == "float4"):
		return in
	}
	return ""
}

// operandTypeNames names a static arithmetic type as PostgreSQL's error
// messages do.
var operandTypeNames = map[string]string{"money": "money", "oid": "oid", "int2": "smallint", "int4": "integer", "int8": "bigint",
	"numeric": "numeric", "float4": "real", "float8": "double precision"}

// noOperator is PostgreSQL's 42883 for an arithResult "!op l r": an
// operator PostgreSQL does not have for its operands' types (money +
// integer, oid + integer). arithRewrite raises it when the statement
// shows both types, arithFn when they are read at run time.
func noOperator(hint string) error {
	f := strings.Fields(strings.TrimPrefix(hint, "!"))
	if len(f) != 3 {
		return pgErr("42883", "operator does not exist")
	}
	name := func(t string) string {
		if n := operandTypeNames[t]; n != "" {
			return n
		}
		return t
	}
	if f[0] == "mod" {
		return errors.New(SQLStateText("42883", fmt.Sprintf("function mod(%s, %s) does not exist", name(f[1]), name(f[2])), "", jsonFunctionHint))
	}
	return pgErr("42883", "operator does not exist: %s %s %s", name(f[1]), f[0], name(f[2]))
}

// arithResult is PostgreSQL's result type of l op r ("" when unknown;
// "!op l r" when PostgreSQL has no such operator: noOperator).
func arithResult(op, l, r string) string {
	if op == "mod" {
		// mod(a, b): the % operator's types; PostgreSQL's 42883 names the
		// function (noOperator)
		if res := arithResult("%", l, r); strings.HasPrefix(res, "!") {
			return "!mod " + l + " " + r
		} else {
			return res
		}
	}
	if bitFuncs[op] != "" {
		return bitResult(op, l, r) // bitwise.go
	}
	if l == "" || r == "" {
		return ""
	}
	if l == "money" || r == "money" {
		return moneyArithResult(op, l, r) // money.go
	}
	if l == "oid" || r == "oid" {
		return "!" + op + " " + l + " " + r // oid has no arithmetic (oidtype.go)
	}
	switch {
	case op == "%" && (l == "float8" || r == "float8" || l == "float4" || r == "float4"):
		return "!" + op + " " + l + " " + r // no float % (nor mod) in PostgreSQL
	case l == "float4" && r == "float4" && op != "^":
		return "float4" // float4pl ...: single precision
	case l == "float8" || r == "float8" || l == "float4" || r == "float4":
		return "float8" // float4 with any other number goes by float8
	case op == "^" && (l == "numeric" || r == "numeric"):
		return "numeric"
	case op == "^":
		return "float8"
	case l == "numeric" || r == "numeric":
		return "numeric"
	case l == "int8" || r == "int8":
		return "int8"
	case l == "int2" && r == "int2":
		return "int2"
	}
	return "int4"
}

// commonNumType is the common type of two numeric types as PostgreSQL
// resolves it for greatest/least, CASE or UNION (the later one in int2,
// int4, int8, numeric, float4, float8; not arithmetic's: real with an
// integer stays real); "" when either is unknown.
func commonNumType(l, r string) string {
	rank := map[string]int{"int2": 1, "int4": 2, "int8": 3, "numeric": 4, "float4": 5, "float8": 6}
	if rank[l] == 0 || rank[r] == 0 {
		return ""
	}
	if rank[r] > rank[l] {
		return r
	}
	return l
}

// unaryStart extends operand start ls over a leading unary sign (-a * b
// is (-a) * b).
func (x *tx) unaryStart(ls int) int {
	for ls > 0 && x.T(ls-1).typ == tOp && (x.T(ls-1).text == "-" || x.T(ls-1).text == "+") && !x.T(ls-1).ed && !x.endsOperand(ls-2) {
		ls--
	}
	return ls
}

// signedOperandEnd is operandEnd that also takes a unary sign (a * -b)
// and an expression rewritten from a sign or a prefix operator (-2 * 3,
// @ x: arithPrefix).
func (x *tx) signedOperandEnd(j int) int {
	t := x.T(j)
	if t.typ != tOp || !t.ed && t.text != "-" && t.text != "+" {
		return x.operandEnd(j)
	}
	e := -1
	if !t.ed {
		e = x.signedOperandEnd(j + 1)
	}
	for k, s := range x.castEnd {
		if s == j && k+1 > e {
			e = k + 1
		}
	}
	return e
}

// numericLiteral makes a numeric constant operand a..b-1 text, so that
// no digit is lost to a binary float on its way to the function; a unary
// minus joins the literal.
func (x *tx) numericLiteral(a, b int) {
	v, ok := x.numericLiteralText(a, b)
	if !ok {
		return
	}
	x.blank(a, b-1)
	x.T(b - 1).set(v)
}

// numericLiteralText is the quoted text numericLiteral makes of the
// numeric constant operand a..b-1 (signs before it joining it), ok=false
// when a..b-1 is no such constant. It changes no token.
func (x *tx) numericLiteralText(a, b int) (string, bool) {
	if b <= a {
		return "", false
	}
	t := x.T(b - 1)
	if t.typ != tNumber || t.ed || numLiteralType(t.text) != "numeric" {
		return "", false
	}
	sgn := ""
	for k := a; k < b-1; k++ {
		if x.T(k).typ != tOp || x.T(k).ed {
			return "", false
		}
		if x.T(k).text == "-" {
			sgn = strings.TrimPrefix(sgn+"-", "--")
		}
	}
	v := sgn + t.text
	if d, ok := parseDecimal(v); ok {
		v = d.String() // 1e3 is 1000
	}
	return quoteLit(v), true
}

// numericValueLiterals is numericLiteral for each decimal constant that
// a..b-1 yields as its value: itself, a branch of a CASE, coalesce,
// greatest or least within it, or nullif's first argument. A rewrite that
// copies such an operand into a numeric form (greatest/least) would
// otherwise carry the constant as a binary float: greatest(coalesce(3.00,
// n), n2) was 3 where PostgreSQL gives 3.00.
func (x *tx) numericValueLiterals(a, b int) {
	a, b = x.unparen(a, b)
	if a >= b {
		return
	}
	x.numericLiteral(a, b)
	t := x.T(a)
	if t.kw("CASE") {
		for _, br := range x.conditionalBranches(a, b) {
			x.numericValueLiterals(br[0], br[1])
		}
		return
	}
	if t.typ != tIdent || t.ed || !x.isP(a+1, "(") || x.match(a+1) != b-1 || x.isP(a-1, ".") {
		return
	}
	args := x.splitTop(a+2, b-1)
	switch strings.ToLower(t.text) {
	case "nullif":
		if len(args) == 2 {
			x.numericValueLiterals(args[0][0], args[0][1])
		}
	case "coalesce", "greatest", "least":
		for _, arg := range args {
			x.numericValueLiterals(arg[0], arg[1])
		}
	}
}

// arithRewrite rewrites the arithmetic operator at i between operands
// ls..i-1 and i+1..re-1. It reports whether it did.
func (x *tx) arithRewrite(i, ls, re int) (bool, error) {
	if !x.castsChecked() {
		return false, nil
	}
	if x.netArith(i, ls, re) { // inet_translate.go
		return true, nil
	}
	if err := x.bitArithErr(i, ls, re); err != nil { // bitwise.go
		return false, err
	}
	op := x.T(i).text
	lt, rt := x.numType(ls, i), x.numType(i+1, re)
	if lt == "" && x.unknownLiteralOf(ls, i, rt) {
		lt = rt
	} else if rt == "" && x.unknownLiteralOf(i+1, re, lt) {
		rt = lt
	}
	res := arithResult(op, lt, rt)
	if res == "" && (lt == "" || rt == "") {
		res = x.branchArithResult(op, ls, i, re)
	}
	if strings.HasPrefix(res, "!") {
		e := noOperator(res)
		code, msg, _ := ParseSQLStateError(e.Error())
		return false, &Error{Code: code, Message: msg, Position: x.T(i).pos + 1}
	}
	if lt == "numeric" {
		x.numericLiteral(ls, i)
	}
	if rt == "numeric" {
		x.numericLiteral(i+1, re)
	}
	if x.arithTypes == nil {
		x.arithTypes = map[int]string{}
	}
	if op == "^" {
		if res == "numeric" { // numeric_pow.go
			x.T(ls).pre = "CAST(pg_numpow(" + x.T(ls).pre
			x.T(i).set(", ")
			x.T(re - 1).suf += ") AS TEXT) COLLATE " + NumericCollation
			x.castEnd[re-1] = ls
			x.arithTypes[ls] = "numeric"
			return true, nil
		}
		if res == "" {
			if rtype := x.runtimeArithType(op, ls, i, i+1, re); rtype != "" {
				// n ^ 2 on a numeric column is numeric (arith_columns.go)
				pre, suf := arithWrapRT("pg_pow_typed", "", rtype)
				x.T(ls).pre = pre + x.T(ls).pre
				x.T(i).set(", ")
				x.T(re - 1).suf += suf
				x.castEnd[re-1] = ls
				x.arithTypes[ls] = "?"
				x.setRuntimeType(ls, rtype)
				return true, nil
			}
		}
		x.T(ls).pre = "pg_pow(" + x.T(ls).pre
		x.T(i).set(", ")
		x.T(re - 1).suf += ")"
		x.castEnd[re-1] = ls
		x.arithTypes[ls] = "float8"
		return true, nil
	}
	rtype := ""
	if res == "" {
		rtype = x.runtimeArithType(op, ls, i, i+1, re) // arith_columns.go
		x.noteDTFactor(ls, i, re)                      // datetime_nested.go
	}
	x.wrapBinary(ls, i, re, arithFuncs[op], res, rtype)
	return true, nil
}

// wrapBinary rewrites the binary operator at i between ls..i-1 and
// i+1..re-1 as the call f(left, right) typed res (arithWrapRT) and
// records its type.
func (x *tx) wrapBinary(ls, i, re int, f, res, rtype string) {
	pre, suf := arithWrapRT(f, res, rtype)
	x.T(ls).pre = pre + x.T(ls).pre
	x.T(i).set(", ")
	x.T(re - 1).suf += suf
	x.castEnd[re-1] = ls
	x.setArithType(ls, res, rtype)
}

// setArithType records the static type res of the expression starting at
// at ("": unknown until run time, when its type is rtype).
func (x *tx) setArithType(at int, res, rtype string) {
	if x.arithTypes == nil {
		x.arithTypes = map[int]string{}
	}
	if res == "" {
		res = "?"
		x.setRuntimeType(at, rtype)
	}
	x.arithTypes[at] = res
}

// unknownLiteralOf reads operand a..b-1, when it is a string literal (of
// type unknown), as a value of the other operand's integer or numeric type
// typ, as PostgreSQL resolves int4 + unknown to int4 + int4: '1'::int +
// '2' is int4, 3, and + 'x' fails with 22P02 as the type's input does. It
// reports whether it did. (float8 is left alone: arith.go's float8 also
// stands for float4, whose operators are float4's.)
func (x *tx) unknownLiteralOf(a, b int, typ string) bool {
	t := x.T(a)
	if b-a != 1 || t.typ != tString || t.ed || t.text[0] != '\'' {
		return false
	}
	switch typ {
	case "int2", "int4", "int8", "numeric":
	default:
		return false
	}
	pre, suf, ok := checkedCast(typeAlias[typ], "", true)
	if !ok {
		return false
	}
	t.set(pre + t.text + suf)
	return true
}

// arithCompare rewrites the comparison at i between ls..i-1 and
// i+1..re-1 to (pg_cmp(a, b) op 0) when an operand is a numeric value or
// an arithmetic result of unknown type (either may be numeric text, which
// SQLite would order after every number). A numeric value compared with
// a plain column is left alone: its TEXT affinity and collation compare
// it by value, and an index on the column stays usable.
func (x *tx) arithCompare(i, ls, re int) {
	if !x.castsChecked() {
		return
	}
	if x.kw(i-1, "END") && x.numberConst(i+1, re) {
		// CASE ... END > 60: the whole CASE is the operand
		for c := i - 2; c >= 0 && x.depth[c] >= x.depth[i]; c-- {
			if x.depth[c] == x.depth[i] && x.kw(c, "CASE") && x.caseEnd(c) == i-1 {
				if x.conditionalNumeric(c, i) {
					ls = c
				}
				break
			}
		}
	}
	// rt: the run-time type expression of a side that is a FROM
	// subquery's or CTE's column of a table's column (derivedcols.go):
	// its arithmetic type name, '' when the column is not a number
	side := func(a, b int) (numeric, unknownArith, column bool, rt string) {
		t, ok := x.arithTypes[a]
		ok = ok && x.castEnd[b-1] == a
		if ua, ub := x.unparen(a, b); !ok && ub > ua {
			// a parenthesised operand ((n / id) > 3) is the arithmetic
			// inside it: its numeric text has no affinity either
			t, ok = x.arithTypes[ua]
			ok = ok && x.castEnd[ub-1] == ua
		}
		n, j := x.name(a)
		column = n != "" && j == b && !(x.T(a).typ == tIdent && reservedWord(x.T(a).upper()))
		if r, derived := x.colRTypes[a]; derived && r.end == b {
			// a FROM subquery's or CTE's column of run-time type
			// (derivedcols.go): an aggregate's value has no affinity
			// to compare a number by value, as a table's column has
			return x.numType(a, b) == "numeric", true, false, r.expr
		}
		return x.numType(a, b) == "numeric", ok && t == "?", column, ""
	}
	ln, lu, lc, lrt := side(ls, i)
	rn, ru, rc, rrt := side(i+1, re)
	// Only a derived column of run-time type calls for pg_cmp: whether it
	// is a number is known at run time only (q.s = 'pear' over a text
	// column compares text; pg_cmp would read 'pear' as a number).
	runtimeOnly := !ln && !rn && (lrt != "" || !lu) && (rrt != "" || !ru)
	// sum(b) > $1: sum of an int8 is numeric, and its parameter is bound
	// as numeric text, which SQLite orders after the integer sum
	if x.numericAggregate(ls, i) && re == i+2 && x.unknownOperand(i+1) {
		lu, lrt = true, ""
	}
	if x.numericAggregate(i+1, re) && i == ls+1 && x.unknownOperand(ls) {
		ru, rrt = true, ""
	}
	// coalesce(total, 0) > 60: a conditional of a numeric column compared
	// with a number (numeric_runtimecmp.go)
	// ... or with a number the statement types that has no column's
	// affinity to convert numeric text with (x::float8 >= coalesce(n, 1)
	// was false for 0 and 0: seed 1300544 of the fuzz tester)
	// ... or with greatest/least of such numbers (minmax_numbers.go)
	if (x.numberConst(i+1, re) || rn || x.numType(i+1, re) != "" && !rc || x.minMaxNumbers(i+1, re)) && x.conditionalNumeric(ls, i) {
		lu, lrt = true, ""
	}
	if (x.numberConst(ls, i) || ln || x.numType(ls, i) != "" && !lc || x.minMaxNumbers(ls, i)) && x.conditionalNumeric(i+1, re) {
		ru, rrt = true, ""
	}
	runtimeOnly = runtimeOnly && (lrt != "" || !lu) && (rrt != "" || !ru)
	if !(lu || ru || ln || rn || lc || rc) && x.conditionalNumeric(ls, i) && x.conditionalNumeric(i+1, re) {
		// two values numeric at run time ((SELECT sum(amt) ...) >
		// (SELECT max(amt) ...)): by value where either is numeric
		// (numeric_runtimecmp.go)
		var conds []string
		for _, c := range []string{x.conditionalNumericCond(ls, i), x.conditionalNumericCond(i+1, re)} {
			if c != "" {
				conds = append(conds, c)
			}
		}
		if len(conds) > 0 {
			x.runtimeCompareWhen(i, ls, re, strings.Join(conds, " OR "))
		}
		return
	}
	if !(lu || ru || ln && !rc || rn && !lc) || !(ln || lu || rn || ru) {
		return
	}
	if x.columnDTCompare(i, ls, re) { // d + 1 > x: date or number (datetime_columns.go)
		return
	}
	if runtimeOnly {
		x.runtimeCompare(i, ls, re, lrt, rrt)
		return
	}
	if ln {
		x.numericLiteral(ls, i) // exact: 1e400 is no double
	}
	if rn {
		x.numericLiteral(i+1, re)
	}
	t := x.T(i)
	x.T(ls).pre = "(" + distinctCmp("pg_cmp", t.text) + "(" + x.T(ls).pre
	x.T(re - 1).suf += ") " + t.text + " 0)"
	t.set(", ")
	x.castEnd[re-1] = ls
	if x.arithTypes == nil {
		x.arithTypes = map[int]string{}
	}
	x.arithTypes[ls] = "bool"
}

// runtimeCompare rewrites the comparison at i between ls..i-1 and
// i+1..re-1, whose operands that call for arithCompare's pg_cmp are
// derived columns of run-time type lrt/rrt (either may be ""), so that
// the columns' types decide at run time: numbers compare by value
// (pg_cmp), anything else as SQLite compares it, with the column's
// collation. The type expressions are uncorrelated scalar subqueries,
// evaluated once per execution.
func (x *tx) runtimeCompare(i, ls, re int, lrt, rrt string) {
	var conds []string
	for _, rt := range []string{lrt, rrt} {
		if rt != "" {
			conds = append(conds, "coalesce("+rt+", '') <> ''")
		}
	}
	x.runtimeCompareWhen(i, ls, re, strings.Join(conds, " OR "))
}

// runtimeCompareWhen rewrites the comparison at i between ls..i-1 and
// i+1..re-1 to compare by value (pg_cmp) where the SQL condition cond
// holds, as SQLite compares otherwise.
func (x *tx) runtimeCompareWhen(i, ls, re int, cond string) {
	op := x.T(i).text
	colls := x.compareCollations(i, ls, re) // jsonb_conditional.go: read before settling rewrites the operands' tokens
	x.settleOperands(ls, re)                // operandcopy.go: the operands' text is copied below
	x.nullifNumericWithin(ls, re)           // numeric_runtimecmp.go: nullif(n, 0) = coalesce(n2, 1)
	left, right := x.text(ls, i), x.text(i+1, re)
	x.wipe(ls, re)
	x.T(ls).set("(CASE WHEN " + cond + " THEN (" + distinctCmp("pg_cmp", op) + "(" + left + ", " + right + ") " + op + " 0)" + collatedWhens(colls, left, op, right) + " ELSE " +
		left + " " + op + " " + right + " END)")
	x.castEnd[re-1] = ls
	if x.arithTypes == nil {
		x.arithTypes = map[int]string{}
	}
	x.arithTypes[ls] = "bool"
}

// arithExprOID is the type of an arithmetic expression a..b-1 rewritten
// by arithRewrite or of a signed numeric constant (-1), 0 when not one or
// unknown.
func (x *tx) arithExprOID(a, b int) uint32 {
	if t, ok := x.arithTypes[a]; ok && b > a && x.castEnd[b-1] == a {
		return arithTypeOIDs[t]
	}
	sgn := ""
	if b-a == 2 && x.T(a).typ == tOp && (x.T(a).text == "-" || x.T(a).text == "+") {
		sgn = strings.Trim(x.T(a).text, "+")
		a++
	}
	if b-a == 1 && x.T(a).typ == tNumber {
		return arithTypeOIDs[numLiteralType(sgn+x.T(a).text)]
	}
	return 0
}

// numericItem makes a result column that is a numeric constant (1.50,
// -0.5, 1e3) numeric, as PostgreSQL types it, rather than SQLite's binary
// float (1.5): its text with the collation of numeric values. It reports
// whether it did.
func (x *tx) numericItem(a, b int) bool {
	if b-a >= 3 && x.T(b-2).kw("AS") || b-a >= 2 && (x.T(b-1).typ == tIdent || x.T(b-1).typ == tQIdent) {
		b -= 1 + btoi(x.T(b-2).kw("AS")) // alias
	}
	return x.numericConst(a, b)
}

// numericConst makes expression a..b-1, when it is a numeric constant
// (1.50, -0.5, 1e3, an integer past int8's range), numeric's exact text
// with the TEXT affinity and the collation of numeric values, as a
// numeric arithmetic result is spliced: wherever the constant is a value
// of its own (a select item, a VALUES row, an aggregate's argument) it
// keeps its digits and scale (DISTINCT over 1.0, 1.00 is 1.0, sum over
// 0.1, 0.2, 0.3 is 0.6), which SQLite's binary float would lose. It reports whether it
// did.
func (x *tx) numericConst(a, b int) bool {
	if r, ok := x.resolved[a]; ok && r.end == b && r.oid != pgoid.Numeric {
		return false // converted to its column's type (1.5::float8 UNION SELECT 0.1)
	}
	a, b = x.unparen(a, b) // (1.50) is 1.50, (-0.0) numeric's 0.0
	if !x.castsChecked() || b-a < 1 || b-a > 2 || x.T(b-1).typ != tNumber || x.T(b-1).ed {
		return false
	}
	if b-a == 2 && !(x.T(a).typ == tOp && (x.T(a).text == "-" || x.T(a).text == "+") && !x.T(a).ed) {
		return false
	}
	if numLiteralType(x.T(b-1).text) != "numeric" {
		return false
	}
	if r, ok := x.resolved[a]; ok && r.end == b && r.oid != pgoid.Numeric {
		return false // converted to its column's type (1.5::float8 UNION SELECT 0.1)
	}
	x.numericLiteral(a, b)
	x.T(b - 1).pre = "(CAST(" + x.T(b-1).pre
	x.T(b - 1).suf += " AS TEXT) COLLATE " + NumericCollation + ")"
	return true
}

// checkedCast returns the text spliced before and after an expression to
// convert it to type tt the way PostgreSQL does (mods: the type's
// modifiers as written, "(10,2)"; literal: the expression is a string
// literal or a parameter, whose text is the type's input syntax).
// ok=false when tt has no checked conversion.
//
// A numeric becomes its canonical stored text at the typmod's scale
// (pg_in_numeric), spliced like a numeric arithmetic result (arithRewrite)
// so that it compares and sorts by value. A conversion to an integer type
// of anything but a literal goes through pg_num_int, which also takes
// numeric text (1.5::numeric::int is 2, as in PostgreSQL).
func checkedCast(tt *pgType, mods string, literal bool) (pre, suf string, ok bool) {
	switch tt.oid {
	case pgoid.Numeric:
		typmod := "-1"
		if mods != "" {
			if p, s, err := parseNumericMods(mods); err == nil {
				typmod = strconv.Itoa(int(numericTypmodOf(p, s)))
			}
		}
		return "(CAST(pg_in_numeric(", ", " + typmod + ") AS TEXT) COLLATE " + NumericCollation + ")", true
	case pgoid.Interval:
		if tm, ok := intervalMods(mods); ok && tm >= 0 { // interval_typmod.go
			return "pg_in_interval(", ", " + strconv.FormatInt(tm, 10) + ")", true
		}
	case pgoid.Money:
		return "(pg_cast_money(", ") COLLATE " + MoneyCollation + ")", true // money.go
	case pgoid.OID:
		if tt != typesByOID[pgoid.OID] {
			return "", "", false // xid, cid, regrole, regoper: CAST AS INTEGER
		}
	case pgoid.JSONB:
		// compared by value (jsonb_order.go): '1.50'::jsonb = '1.5'::jsonb
		return "(pg_cast_jsonb(", ") COLLATE " + JSONBCollation + ")", true
	case pgoid.Inet, pgoid.Cidr, pgoid.Macaddr, pgoid.Macaddr8:
		// ordered and compared as PostgreSQL does (inet_funcs.go)
		return "(pg_cast_" + TypeName(tt.oid) + "(", ") COLLATE " + netCollation(tt.oid) + ")", true
	case pgoid.Int4Range, pgoid.Int8Range, pgoid.NumRange, pgoid.DateRange, pgoid.TsRange, pgoid.TstzRange:
		// ordered and compared as PostgreSQL does (range_funcs.go)
		return "(pg_cast_" + TypeName(tt.oid) + "(", ") COLLATE " + RangeCollation + ")", true
	case pgoid.Int2, pgoid.Int4, pgoid.Int8:
		if !literal {
			return "pg_num_int(", ", " + quoteLit(TypeName(tt.oid)) + ")", true
		}
	}
	if f := checkedCasts[tt.oid]; f != "" {
		if in := dateTimePrecision(tt, mods); in != "" {
			// the cast's canonical text read again with the precision:
			// '10:15:30.555'::time(1) is 10:15:30.6
			return in + f + "(", ")" + ", " + strings.Trim(strings.TrimSpace(mods), "()") + ")", true
		}
		return f + "(", ")", true
	}
	return "", "", false
}

// dateTimePrecision is the input function ("pg_in_time(") that applies the
// precision of a cast to time(p), timetz(p), timestamp(p), timestamptz(p)
// or interval(p), "" for any other type or modifier.
func dateTimePrecision(tt *pgType, mods string) string {
	typ := TypeName(tt.oid)
	if typ == "date" || !slices.Contains(DateTimeInTypes, typ) {
		return ""
	}
	p, err := strconv.Atoi(strings.Trim(strings.TrimSpace(mods), "()"))
	if err != nil || p < 0 || p > 6 {
		return ""
	}
	return "pg_in_" + typ + "("
}

// floatIntCast turns checkedCast's numeric -> integer conversion (pre)
// of the operand a..b-1 into pg_float_int, which rounds a double half to
// even as PostgreSQL's float8 -> integer casts do, unless the operand is
// known to be numeric or integer. Numeric values reach it as text, so a
// double is a float8 value (a float8 column, float8 arithmetic), except a
// numeric literal SQLite read as a double in an expression of unknown type
// (CASE ... THEN 2.5 ELSE col END::int): a documented difference for exact
// halves.
func (x *tx) floatIntCast(pre string, a, b int) string {
	if pre != "pg_num_int(" {
		return pre
	}
	switch x.numType(a, b) {
	case "numeric", "int2", "int4", "int8":
		return pre
	case "":
		if oid := x.exprOID(a, b); oid != 0 && oid != pgoid.Float4 {
			return pre // known, not a float: bool, text ...
		}
	}
	return "pg_float_int("
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// arithMembership gives an arithmetic result of unknown type that is
// tested with BETWEEN or IN the TEXT affinity and collation of numeric
// values (CAST(... AS TEXT) COLLATE pg_numeric), so that the bounds and
// list values, converted to text, compare with it by value: SQLite would
// order a numeric text result after every number (i + 0.5 BETWEEN 5 AND 6).
func (x *tx) arithMembership() { x.arithMembershipIn(1, x.n()) }

// arithMembershipIn is arithMembership of the tests whose BETWEEN or IN
// is within tokens lo..hi-1; a test it rewrites is not rewritten again
// (memberSettled: membership_settle.go).
func (x *tx) arithMembershipIn(lo, hi int) {
	for i := max(lo, 1); i < hi && i < x.n(); i++ {
		if x.memberSettled[i] {
			continue
		}
		if x.T(i).kw("BETWEEN") || x.T(i).kw("IN") {
			x.settleMember(i)
		}
		if x.anyMembership(i) { // any_conditional.go
			continue
		}
		if !x.T(i).kw("BETWEEN") && !(x.T(i).kw("IN") && x.isP(i+1, "(")) {
			continue
		}
		if x.kw(i-1, "ROWS") || x.kw(i-1, "RANGE") || x.kw(i-1, "GROUPS") {
			continue // a window frame's (over a FROM subquery its ROWS was taken for a column)
		}
		e := i - 1
		if x.T(e).kw("NOT") {
			e--
		}
		// a parenthesised operand ((i8 * 0.1) BETWEEN -0.5 AND 1.25) is
		// the arithmetic inside it
		if x.isP(e, ")") {
			k := x.matchBack(e)
			call := k > 0 && (x.T(k-1).typ == tIdent || x.T(k-1).typ == tQIdent) && x.endsOperand(k-1)
			if a, b := x.unparen(k, e+1); k >= 0 && !call && b > a && x.castEnd[b-1] == a {
				e = b - 1
			}
		}
		s, ok := x.castEnd[e]
		if !ok && x.numberInList(i, e) || (!ok || x.arithTypes[s] != "?") && x.intCallInList(i, e) { // membership_intcall.go
			continue
		}
		if !ok || x.arithTypes[s] != "?" && !x.numericCallOperand(s) {
			if x.conditionalMembership(i) { // membership_conditional.go
				continue
			}
			x.runtimeMembership(i, e+1)
			continue
		}
		x.T(s).pre = "CAST(" + x.T(s).pre
		x.T(e).suf += " AS TEXT)"
	}
}

// numberInList gives a number constant ending at e, tested with IN at i
// against a list that holds more than constants, the TEXT affinity and
// collation of numeric values, as arithMembership gives arithmetic: the
// values of an IN list have no affinity in SQLite, so a numeric column's
// or an arithmetic result's numeric text never equalled the constant
// (-0.5 IN (n) and -1.5 IN (2.5, i2 * n) were false; found by the
// differential fuzz tester). It reports whether it did.
func (x *tx) numberInList(i, e int) bool {
	if !x.T(i).kw("IN") || x.kw(i+2, "SELECT") || x.T(e).typ != tNumber || x.T(e).ed {
		return false
	}
	s := e
	for (x.isP(s-1, "-") || x.isP(s-1, "+")) && !x.endsOperand(s-2) {
		s--
	}
	if t := x.T(s - 1); t.typ == tOp && !x.isP(s-1, "=") || !x.numberConst(s, e+1) {
		return false // (the right operand of an operator: arithmetic)
	}
	list := x.splitTop(i+2, x.match(i+1))
	if !slices.ContainsFunc(list, func(it [2]int) bool { return !x.numberConst(it[0], it[1]) && !x.stringOperand(it[0], it[1]) }) {
		return false // constants alone compare as they are
	}
	x.numericLiteral(s, e+1) // exact: 1e400 is no double
	x.T(s).pre = "CAST(" + x.T(s).pre
	x.T(e).suf += " AS TEXT) COLLATE " + NumericCollation
	return true
}

// numericCallOperand reports whether the operand starting at s is a
// numeric function call of numeric type the statement shows (round(n, 1),
// trunc(x::numeric(10,2), 1): numeric_exactcalls.go), whose numeric text
// has the collation of numeric values but, as a call's result, no
// affinity to convert the bounds of BETWEEN or an IN list with: SQLite
// ordered it after every number (trunc(n, 0) BETWEEN 3.00 AND 12345.678
// was false for 100).
func (x *tx) numericCallOperand(s int) bool {
	_, call := x.numCalls[s]
	return call && x.arithTypes[s] == "numeric" && !strings.HasPrefix(x.T(s).pre, "CAST(")
}

// runtimeMembership rewrites x [NOT] BETWEEN a AND b and x [NOT] IN
// (list) (BETWEEN or IN at i, the operand ending at e) when x is a FROM
// subquery's or CTE's column of run-time type (derivedcols.go), as
// runtimeCompare rewrites a comparison: numbers compare by value,
// anything else as SQLite compares it. (The column's value has no
// affinity to convert the bounds with, so numeric text sorted after
// every number.) A number tested with IN is its text with the collation
// of numeric values, as arithMembership's.
func (x *tx) runtimeMembership(i, e int) {
	s := -1
	var rt string
	for a, r := range x.colRTypes {
		if r.end == e && a < e {
			s, rt = a, r.expr
		}
	}
	if s < 0 && x.isP(e-1, ")") {
		// a scalar subquery of a numeric value ((SELECT sum(amt) ...)
		// BETWEEN -1 AND 10: scalarsub_item.go) has no affinity either
		if k := x.matchBack(e - 1); k >= 0 {
			if ia, ib, ok := x.scalarSubqueryItem(k, e); ok {
				if t := x.numTypeExpr(ia, ib); t == "'numeric'" || t != "" && t[0] != '\'' {
					s, rt = k, t
				}
			}
		}
	}
	if s < 0 && x.T(i).kw("IN") && x.kw(i+2, "SELECT") {
		x.numberInSubquery(i, e)
		return
	}
	if s < 0 || rt == "" || x.kw(i+1, "SYMMETRIC") || x.kw(i+1, "ASYMMETRIC") {
		return
	}
	x.membershipByValue(s, i, e, "coalesce("+rt+", '') <> ''", "")
}

// membershipByValue rewrites x [NOT] BETWEEN a AND b or x [NOT] IN
// (list), its operand x at s..e-1 and BETWEEN or IN at i, so that where
// cond holds at run time numbers compare by value (pg_cmp; x as numeric
// text with the numeric collation for IN), and as SQLite compares them
// otherwise. What encloses the test stays around it.
func (x *tx) membershipByValue(s, i, e int, cond, jcond string) {
	not := ""
	if x.T(e).kw("NOT") {
		not = "NOT "
	}
	end := 0
	if x.T(i).kw("IN") {
		end = x.match(i+1) + 1
	} else {
		and := x.betweenAnd(i) // symmetric.go
		if and < 0 || and == i+1 {
			return // SQLite's syntax error
		}
		if end = x.boundEnd(and+1, x.depth[i]); end <= and+1 {
			return
		}
	}
	last := i + 1 // the operand that ends the test: IN's list, BETWEEN's upper bound
	if !x.T(i).kw("IN") {
		last = x.betweenAnd(i) + 1
	}
	pre, suf := x.T(s).pre, x.T(end-1).suf
	x.T(s).pre, x.T(end-1).suf = "", ""
	pre, x.T(s).pre = enclosingPrefix(pre, x.text(s, e)) // enclosing.go
	x.T(end - 1).suf, suf = enclosingSuffix(x.text(last, end), suf)
	col := x.text(s, e)
	// a jsonb result compares as jsonb (jsonb_conditional.go)
	jsonbWhen := func(test string) string {
		if jcond == "" {
			return ""
		}
		return " WHEN " + jcond + " THEN (" + col + ") COLLATE " + JSONBCollation + " " + test
	}
	if x.T(i).kw("IN") {
		list := x.text(i+1, end)
		x.wipe(s, end)
		x.T(s).set("(CASE WHEN " + cond + " THEN CAST(" + col + " AS TEXT) COLLATE " + NumericCollation + " " + not +
			"IN " + list + jsonbWhen(not+"IN "+list) + " ELSE " + col + " " + not + "IN " + list + " END)")
	} else {
		and := x.betweenAnd(i)
		lo, hi := x.text(i+1, and), x.text(and+1, end)
		x.wipe(s, end)
		x.T(s).set("(CASE WHEN " + cond + " THEN " + not + "(pg_cmp(" + col + ", " + lo + ") >= 0 AND pg_cmp(" +
			col + ", " + hi + ") <= 0)" + jsonbWhen(not+"BETWEEN "+lo+" AND "+hi) + " ELSE " + col + " " + not + "BETWEEN " + lo + " AND " + hi + " END)")
	}
	x.T(s).pre, x.T(end-1).suf = pre, suf
	x.castEnd[end-1] = s
	// the test is boolean whatever its operand (a greatest/least operand
	// left its numeric type on s, which described the item by its value)
	x.setResolved(s, end, pgoid.Bool)
}

// arithNegate rewrites unary minus on an operand that is not a bare
// constant (SQLite's negates a constant right, but turns a numeric's
// text into a float and -(-9223372036854775808) into a float) to
// pg_neg(x, type): -2.50::numeric(5,2) is -2.50, -n on a numeric
// column keeps its scale, a bigint overflow is 22003. An interval is
// multiplied by -1 (datetime_translate.go's pg_dt_mul).
func (x *tx) arithNegate(known map[int]string) {
	if !x.castsChecked() {
		return
	}
	for i := x.n() - 1; i >= 0; i-- { // right to left: - -x
		t := x.T(i)
		if t.typ != tOp || t.text != "-" || t.ed || x.endsOperand(i-1) {
			continue
		}
		re := x.signedOperandEnd(i + 1)
		if re < 0 || re == i+2 && x.T(i+1).typ == tNumber {
			continue
		}
		if dt := x.dtType(i+1, re, known); dt == "interval" {
			t.set("pg_dt_mul(") // -interval '1 day' is -1 days
			x.T(re - 1).suf += ", 'interval', -1, 'int')"
			x.castEnd[re-1] = i
			known[i] = dt
			continue
		} else if isDTType(dt) {
			continue
		}
		res := x.numType(i+1, re)
		if res == "numeric" {
			x.numericLiteral(i+1, re)
		}
		rtype := ""
		if res == "" {
			rtype = x.runtimeArithType("-", i+1, re, -1, -1)
		}
		dtOf := x.dtTypeExpr(i+1, re) // datetime_nested.go
		pre, suf := arithWrapRT("pg_neg", res, rtype)
		t.set(pre)
		x.T(re - 1).suf += suf
		x.castEnd[re-1] = i
		// -iv of an interval column (or of ts - ts2) is an interval
		// (fnNeg): an operator over it (-iv + iv) is date/time arithmetic
		// when the operand is one
		x.recordDTResult(i, re, "*", dtOf, "'int'")
		x.setArithType(i, res, rtype)
	}
}

// arithWrapRT is the text around the operands of f(a, b, 'res') as
// arithRewrite splices it: numeric results get the TEXT affinity and
// collation of numeric values, untyped ones the collation, and the type
// argument of an untyped one is rtype, the run-time type argument
// (arith_columns.go), when there is one.
func arithWrapRT(f, res, rtype string) (pre, suf string) {
	hint := quoteLit(res)
	if res == "" && rtype != "" {
		hint = rtype
	}
	pre, suf = f+"(", ", "+hint+")"
	switch res {
	case "numeric":
		pre, suf = "CAST("+pre, suf+" AS TEXT) COLLATE "+NumericCollation
	case "":
		pre, suf = "("+pre, suf+" COLLATE "+NumericCollation+")"
	case "money":
		pre, suf = "("+pre, suf+" COLLATE "+MoneyCollation+")"
	}
	return pre, suf
}

// prefixFuncs are PostgreSQL's prefix arithmetic operators: square root,
// cube root (double precision) and absolute value (any number).
var prefixFuncs = map[string]string{"|/": "pg_sqrt", "||/": "pg_cbrt", "@": "abs"}

// arithPrefix rewrites the prefix operators |/ x, ||/ x and @ x. As in
// PostgreSQL they bind less tightly than + and - (|/ 16 + 9 is 5) and
// more tightly than comparisons, so this runs between those levels.
func (x *tx) arithPrefix() {
	if !x.castsChecked() {
		return
	}
	for i := x.n() - 1; i >= 0; i-- { // right to left: @ |/ x
		t := x.T(i)
		f, ok := prefixFuncs[t.text]
		if t.typ != tOp || !ok || t.ed || x.endsOperand(i-1) {
			continue
		}
		re := x.signedOperandEnd(i + 1)
		if re < 0 {
			continue
		}
		typ := "float8"
		if f == "abs" {
			typ = x.numType(i+1, re)
		}
		if typ == "numeric" {
			x.numericLiteral(i+1, re)
			t.set("(CAST(" + f + "(")
			x.T(re - 1).suf += ") AS TEXT) COLLATE " + NumericCollation + ")"
		} else {
			t.set(f + "(")
			x.T(re - 1).suf += ")"
		}
		x.castEnd[re-1] = i
		if typ != "" {
			if x.arithTypes == nil {
				x.arithTypes = map[int]string{}
			}
			x.arithTypes[i] = typ
		}
	}
}

// unknownOperand reports whether token i is a parameter or a quoted
// literal of unknown type (pgx's simple protocol quotes every argument:
// sum(b) > '25').
func (x *tx) unknownOperand(i int) bool {
	return x.T(i).typ == tParam || x.plainLiteral(i)
}

// numericAggregate reports whether a..b-1 is a call of sum or avg: a
// number of a run-time kind (an integer, a float or numeric text).
func (x *tx) numericAggregate(a, b int) bool {
	f := strings.ToLower(x.T(a).text)
	return x.T(a).typ == tIdent && (f == "sum" || f == "avg") && x.isP(a+1, "(") && x.match(a+1) == b-1
}
