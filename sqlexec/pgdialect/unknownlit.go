package pgdialect

// Unknown-typed literals. In PostgreSQL a quoted literal has no type of
// its own ("unknown"): compared with a value of a known type it is read
// by that type's input function, so 3 = '3' is true and 3 = '3x' is
// 22P02. SQLite compares a number with a string across storage classes
// (never equal, a number always sorts first), which would answer such a
// comparison silently wrongly. canonicalComparisons (enforce.go) types a
// literal compared with a column from the column's declaration; this file
// types the literals whose other operand's type the statement shows:
//
//   - a literal compared (= <> != < > <= >=) with an operand of a static
//     type: a number, TRUE/FALSE, a cast, typed arithmetic (3 = '3',
//     '3' = 1 + 2, x::int = '3', true = 't');
//   - the literals of an IN list whose left operand is a column
//     (i IN ('3', '4'): the column's input function, as for =) or of a
//     static type (3 IN ('3', '4')).
//
// The literal is converted by the type's cast function, the same one
// '3'::int uses, so the error for invalid input is PostgreSQL's.

import (
	"database/sql/driver"
	"math"
	"strconv"
	"unicode/utf8"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"modernc.org/sqlite"
)

// unknownLitCast is the SQLite function reading an unknown literal as a
// value of the type with this OID; types without one are left alone.
var unknownLitCast = map[uint32]string{
	pgoid.Int2:   "pg_cast_int2(%s)",
	pgoid.Int4:   "pg_cast_int4(%s)",
	pgoid.Int8:   "pg_cast_int8(%s)",
	pgoid.Float4: "pg_cast_float8(%s)",
	pgoid.Float8: "pg_cast_float8(%s)",
	pgoid.Bool:   "pg_cast_bool(%s)",
	pgoid.Date:   "pg_cast_date(%s)",
}

// literalCheck reads a literal as a value of the type with this OID at
// translation time: PostgreSQL converts a constant when it plans the
// statement, so 'x' in a CASE branch never taken, or in a set operation
// over no rows, is still its 22P02.
var literalCheck = map[uint32]fn{
	pgoid.Int2:   intCast("smallint", math.MinInt16, math.MaxInt16),
	pgoid.Int4:   intCast("integer", math.MinInt32, math.MaxInt32),
	pgoid.Int8:   intCast("bigint", math.MinInt64, math.MaxInt64),
	pgoid.Float8: floatCast("double precision"),
	// numeric's input function, as the conversion itself (checkedCast):
	// 'Infinity' is a numeric in PostgreSQL 15
	pgoid.Numeric: func(c *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		return fnInNumeric(c, []driver.Value{a[0], int64(-1)})
	},
}

// checkLiteral is literal i's conversion error as type o, nil when it
// converts (or o has no check here).
func (x *tx) checkLiteral(i int, o uint32) *Error {
	f := literalCheck[o]
	v, ok := unquoteString(x.T(i))
	if f == nil || !ok {
		return nil
	}
	if _, err := f(nil, []driver.Value{v}); err != nil {
		if code, msg, ok := ParseSQLStateError(err.Error()); ok {
			return &Error{Code: code, Message: msg, Position: utf8.RuneCountInString(x.src[:x.T(i).pos]) + 1}
		}
	}
	return nil
}

// unknownLitOIDs are the static type names numType reports, as OIDs.
var unknownLitOIDs = map[string]uint32{"int2": pgoid.Int2, "int4": pgoid.Int4, "int8": pgoid.Int8, "float4": pgoid.Float4, "float8": pgoid.Float8}

// plainLiteral reports whether token i is a quoted literal that no
// rewrite has touched (and that is not itself cast: '3'::int is typed).
func (x *tx) plainLiteral(i int) bool {
	t := x.T(i)
	return t.typ == tString && t.text[0] == '\'' && !t.ed && t.pre == "" && t.suf == "" && t.wpre == "" && t.wsuf == "" &&
		x.T(i+1).typ != tCast && !x.typedLiteral(i)
}

// typedLiteral reports whether literal i is the value of a typed literal
// (int '5').
func (x *tx) typedLiteral(i int) bool {
	s, ok := x.castEnd[i]
	return ok && s == i-1
}

// resolveUnknownLiterals types the literals described at the top of this
// file. It runs after canonicalComparisons, which has already wrapped the
// literals compared with columns.
func (x *tx) resolveUnknownLiterals() {
	for i := 0; i < x.n(); i++ {
		if x.T(i).typ == tParam {
			x.typeParamCompared(i)
			continue
		}
		if !x.plainLiteral(i) {
			continue
		}
		if op := x.T(i - 1); op.typ == tOp && cmpOps[op.text] && !op.ed {
			if o := x.typeBefore(i - 2); o != 0 {
				x.typeLiteral(i, o)
				continue
			}
		}
		if op := x.T(i + 1); op.typ == tOp && cmpOps[op.text] && !op.ed && !x.operandContinues(i-1) {
			if o := x.typeAfter(i + 2); o != 0 {
				x.typeLiteral(i, o)
			}
		}
	}
	x.resolveInLists()
	x.resolveCommonLiterals()
	_ = x.resolveExprs() // typeresolve.go: done before a query (resolveSetOps)
}

// mentionsGroupBy reports whether the statement has a GROUP BY anywhere.
func (x *tx) mentionsGroupBy() bool {
	for k := 0; k+1 < x.n(); k++ {
		if x.kw(k, "GROUP", "BY") {
			return true
		}
	}
	return false
}

// resolveCommonLiterals types the literals among the arguments of
// COALESCE and NULLIF calls (commonLiterals: nullif(f, 'Infinity') of a
// float8 column compares Infinity with Infinity, where SQLite compared a
// number with a string, never equal); GREATEST and LEAST are rewritten
// before, and theirs typed there (strsyntax.go).
func (x *tx) resolveCommonLiterals() { x.commonLiteralsWithin(0, x.n()) }

// commonLiteralsWithin is resolveCommonLiterals of the tokens lo..hi-1:
// a rewrite that copies an operand's text (datetime_columns.go's CASE
// form) types its literals first, as the copies are out of this pass's
// reach.
func (x *tx) commonLiteralsWithin(lo, hi int) {
	for i := lo; i+1 < hi; i++ {
		if t := x.T(i); t.typ == tIdent && !t.ed && (t.kw("COALESCE") || t.kw("NULLIF")) && x.isP(i+1, "(") && !x.isP(i-1, ".") {
			x.commonLiterals(i)
		}
		if t := x.T(i); t.kw("CASE") && !t.ed {
			x.caseCommonLiterals(i)
		}
		if t := x.T(i); t.typ == tIdent && !t.ed && (t.kw("LAG") || t.kw("LEAD")) && x.isP(i+1, "(") && !x.isP(i-1, ".") {
			x.windowDefaultLiteral(i)
		}
	}
}

// windowDefaultLiteral types the quoted literal default of the lag or
// lead call at i over a column (lag(i4, 1, '7') OVER (...)) as
// commonLiterals does: lag(anycompatible, integer, anycompatible) reads
// it by the column type's input function, so '7' is the integer 7 (was
// the text '7') and 'x' beside an integer 22P02.
func (x *tx) windowDefaultLiteral(i int) {
	m := x.match(i + 1)
	if m < 0 || !x.kw(m+1, "OVER") || x.mentionsGroupBy() {
		return // (a grouped statement: see commonLiterals)
	}
	args := x.splitTop(i+2, m)
	if len(args) != 3 {
		return
	}
	d, v := args[2], args[0]
	if d[1]-d[0] != 1 || !x.plainLiteral(d[0]) {
		return
	}
	qual, col, ok := x.columnBefore(v[1] - 1)
	if !ok || v[0] != v[1]-1 && v[0] != v[1]-3 {
		return // not a bare column
	}
	tbl := x.qualTable(qual) // enforce.go
	if tbl == "" {
		return
	}
	x.T(d[0]).pre = "pg_in_col(" + x.T(d[0]).pre
	x.T(d[0]).suf += ", " + declOf(tbl, col, 0) + ", NULL, 'common')" // InColAt
}

// caseCommonLiterals is commonLiterals for the results of the CASE at i
// (its THEN and ELSE expressions): beside one column and NULLs a quoted
// literal is read by the column type's input function, as PostgreSQL's
// common type is the column's (CASE WHEN b THEN '01' ELSE n END of an
// int4 n is 1, not the text 01; '2024-1-5' beside a date is 2024-01-05).
func (x *tx) caseCommonLiterals(i int) {
	brs, end := x.caseBranches(i)
	if end == 0 || x.mentionsGroupBy() {
		return // (a grouped statement: see commonLiterals)
	}
	var lits []int
	qual, col, cols := "", "", 0
	for _, br := range brs {
		a, b := br.a, br.b
		switch {
		case b-a == 1 && x.plainLiteral(a):
			lits = append(lits, a)
		case b-a == 1 && x.T(a).kw("NULL"):
		default:
			q, c, ok := x.columnBefore(b - 1)
			if !ok || a != b-1 && a != b-3 {
				return // not a bare column
			}
			qual, col = q, c
			cols++
		}
	}
	tbl := x.qualTable(qual) // enforce.go
	if cols != 1 || tbl == "" || len(lits) == 0 {
		return
	}
	for _, l := range lits {
		x.T(l).pre = "pg_in_col(" + x.T(l).pre
		x.T(l).suf += ", " + declOf(tbl, col, 0) + ", NULL, 'common')" // InColAt
	}
}

// commonLiterals types the literals among the arguments of the COALESCE,
// NULLIF, GREATEST or LEAST call at i whose one other argument is a column
// (coalesce(m, '2')): PostgreSQL's common type is the column's, without
// its modifier, and the literal is read by its input function (money's
// $2.00, a boolean's t). With more typed arguments the common type
// could be another: left alone.
func (x *tx) commonLiterals(i int) {
	m := x.match(i + 1)
	if m < 0 || x.mentionsGroupBy() {
		// a grouped statement: the ORDER BY copies of a select item
		// (numeric ordering) are taken before, and the grouping check
		// would no longer find the item grouped
		return
	}
	var lits []int
	qual, col, cols := "", "", 0
	for _, a := range x.splitTop(i+2, m) {
		switch {
		case a[1]-a[0] == 1 && x.plainLiteral(a[0]):
			lits = append(lits, a[0])
		case a[1]-a[0] == 1 && x.T(a[0]).kw("NULL"):
		default:
			q, c, ok := x.columnBefore(a[1] - 1)
			if !ok || a[0] != a[1]-1 && a[0] != a[1]-3 {
				cols = 2 // not a bare column
			}
			qual, col = q, c
			cols++
		}
	}
	tbl := x.qualTable(qual) // enforce.go
	if cols != 1 || tbl == "" {
		return
	}
	for _, l := range lits {
		x.T(l).pre = "pg_in_col(" + x.T(l).pre
		x.T(l).suf += ", " + declOf(tbl, col, 0) + ", NULL, 'common')" // InColAt
	}
}

// typeParamCompared gives parameter $n at i the type of the operand it is
// compared with (3 = $1, $1 < x::int8), as PostgreSQL infers it: a
// client sending '3' as text then has it read as an integer, not compared
// as a string. A type already inferred or declared is kept.
func (x *tx) typeParamCompared(i int) {
	t := x.T(i)
	if len(t.text) < 2 || t.text[0] != '$' {
		return
	}
	n, err := strconv.Atoi(t.text[1:])
	if err != nil || x.oids[n] != 0 || x.T(i+1).typ == tCast {
		return
	}
	var o uint32
	if op := x.T(i - 1); op.typ == tOp && cmpOps[op.text] && !op.ed {
		o = x.typeBefore(i - 2)
	}
	if op := x.T(i + 1); o == 0 && op.typ == tOp && cmpOps[op.text] && !op.ed && !x.operandContinues(i-1) {
		o = x.typeAfter(i + 2)
	}
	if o == 0 && (x.isP(i-1, "(") || x.isP(i-1, ",")) {
		o = x.inListType(i)
	}
	if _, ok := unknownLitCast[o]; ok {
		x.oids[n] = o
	}
}

// inListType is the type of the left operand of the IN list holding item
// i, when the statement shows it (3 IN ($1, $2)).
func (x *tx) inListType(i int) uint32 {
	open := i - 1
	for open >= 0 && !x.isP(open, "(") {
		if x.depth[open] != x.depth[i] || !x.isP(open, ",") && x.T(open).typ != tParam && x.T(open).typ != tString && x.T(open).typ != tNumber {
			return 0
		}
		open--
	}
	if open < 1 || x.depth[open]+1 != x.depth[i] || !x.T(open-1).kw("IN") {
		return 0
	}
	e := open - 2
	if x.kw(e, "NOT") {
		e--
	}
	return x.typeBefore(e)
}

// typeLiteral wraps literal i in the cast function of type o.
func (x *tx) typeLiteral(i int, o uint32) {
	f, ok := unknownLitCast[o]
	if !ok {
		return
	}
	t := x.T(i)
	for k := 0; k+1 < len(f); k++ {
		if f[k] == '%' && f[k+1] == 's' {
			t.wpre, t.wsuf = f[:k], f[k+2:]
			return
		}
	}
}

// operandContinues reports whether token j binds tighter than a
// comparison to what follows it (an arithmetic or concatenation
// operator, a cast, a dot): the operand around it is longer than one
// primary, so its type is not the primary's.
func (x *tx) operandContinues(j int) bool {
	t := x.T(j)
	switch t.typ {
	case tCast:
		return true
	case tOp:
		return !cmpOps[t.text]
	case tPunct:
		return t.text == "."
	}
	return false
}

// typeBefore is the static type of the operand ending at token e (the
// left side of a comparison), 0 when unknown.
func (x *tx) typeBefore(e int) uint32 {
	if e < 0 {
		return 0
	}
	s := -1
	if c, ok := x.castEnd[e]; ok {
		s = c
	} else {
		t := x.T(e)
		switch {
		case t.typ == tNumber && !t.ed:
			s = x.unaryStart(e)
		case t.typ == tIdent && !t.ed && (t.upper() == "TRUE" || t.upper() == "FALSE"):
			s = e
		case x.isP(e, ")"):
			s = x.matchBack(e)
			if s > 0 && x.T(s-1).typ == tIdent {
				if x.T(s-1).kw("COUNT") && !x.operandContinues(s-2) {
					return pgoid.Int8 // count(*) > '1' (pgx's simple protocol quotes every argument)
				}
				return 0 // a call: its result type is not known here
			}
		}
	}
	if s < 0 || x.operandContinues(s-1) {
		return 0
	}
	return x.staticOID(s, e+1)
}

// typeAfter is the static type of the operand starting at token j (the
// right side of a comparison), 0 when unknown.
func (x *tx) typeAfter(j int) uint32 {
	t := x.T(j)
	if t.typ == tIdent && !t.ed && (t.upper() == "TRUE" || t.upper() == "FALSE") {
		if x.operandContinues(j + 1) {
			return 0
		}
		return pgoid.Bool
	}
	if t.typ == tIdent && !x.isP(j+1, "(") && x.castEnd[j] != j {
		return 0 // a column: canonicalComparisons' business
	}
	e := x.signedOperandEnd(j)
	if e <= j || x.operandContinues(e) {
		return 0
	}
	return x.staticOID(j, e)
}

// staticOID is the type of operand a..b-1 when the statement shows it: a
// number, a boolean constant, a cast, typed arithmetic.
func (x *tx) staticOID(a, b int) uint32 {
	if b-a == 1 && x.T(a).typ == tIdent && (x.T(a).upper() == "TRUE" || x.T(a).upper() == "FALSE") {
		return pgoid.Bool
	}
	if b-a == 1 && (x.T(a).typ == tString || x.T(a).typ == tParam) {
		return 0
	}
	if o := unknownLitOIDs[x.numType(a, b)]; o != 0 {
		return o
	}
	if o := x.exprOID(a, b); o == pgoid.Bool || o == pgoid.Date {
		if x.castEnd[b-1] == a || b-a == 1 {
			return o
		}
	}
	return 0
}

// resolveInLists types the literals of expr IN (lit, ...) by expr's type.
func (x *tx) resolveInLists() {
	for i := 1; i < x.n(); i++ {
		if !x.T(i).kw("IN") || !x.isP(i+1, "(") || x.kw(i+2, "SELECT") || x.kw(i+2, "VALUES") || x.kw(i+2, "WITH") {
			continue
		}
		e := i - 1
		if x.kw(e, "NOT") {
			e--
		}
		end := x.match(i + 1)
		if end < 0 {
			continue
		}
		var lits []int
		for _, it := range x.splitTop(i+2, end) {
			if it[1]-it[0] == 1 && x.plainLiteral(it[0]) {
				lits = append(lits, it[0])
			}
		}
		if len(lits) == 0 {
			continue
		}
		if qual, col, ok := x.columnBefore(e); ok {
			for _, l := range lits {
				x.wrapCompared(l, qual, col)
			}
			continue
		}
		if o := x.typeBefore(e); o != 0 {
			for _, l := range lits {
				x.typeLiteral(l, o)
			}
		}
	}
}

// columnBefore is the column reference (qualifier, name) ending at token
// e when it is a whole operand.
func (x *tx) columnBefore(e int) (string, string, bool) {
	qual, col, ok := x.columnRefAt(e) // enforce.go
	s := e
	if qual != "" {
		s = e - 2
	}
	if !ok || x.operandContinues(s-1) {
		return "", "", false
	}
	return qual, col, true
}
