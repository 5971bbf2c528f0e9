package pgdialect

// numeric_runtimecmp.go: nullif, greatest and least that compare a
// column of a number type with number constants. A numeric column holds
// numeric text (numeric_ddl.go), which SQLite orders after every number
// and never finds equal to one: nullif(total, 10.01) kept 10.01 (SQLite's
// float 10.01 is not the text '10.01'), greatest(total, 50) of 10.01 was
// 10.01 (an integer sorts before any text), where PostgreSQL compares
// both as numeric values. When the statement does not show the column's
// type, the choice is made at run time from its declared type
// (arith_columns.go's uncorrelated schema subquery, read once per
// execution): a numeric column compares by value, any other as before.

import "strings"

// nullifNumeric rewrites nullif(a, c), a a column whose type is numeric
// or known only at run time and c a number constant, as CASE WHEN
// pg_cmp(a, c) = 0 THEN NULL ELSE a END, so the constant is compared by
// value (exactly: a decimal constant is passed as its text).
func (x *tx) nullifNumeric() { x.nullifNumericWithin(0, x.n()) }

// nullifNumericWithin is nullifNumeric of the calls within tokens
// lo..hi-1. A comparison by value at run time (arith.go's
// runtimeCompareWhen) copies its operands' text before this pass runs,
// so it settles them first: the copy kept SQLite's nullif(n, 0), which
// finds the numeric text '0' unequal to the integer 0, so nullif(n, 0) =
// coalesce(n2, 1) was true for 0 where PostgreSQL's is NULL. (Arithmetic
// around a nullif reads its type from the call as written: not here.)
func (x *tx) nullifNumericWithin(lo, hi int) {
	if !x.castsChecked() {
		return
	}
	for i := min(hi, x.n()) - 3; i >= lo; i-- {
		t := x.T(i)
		if t.typ != tIdent || t.ed || !strings.EqualFold(t.text, "nullif") || !x.isP(i+1, "(") || x.isP(i-1, ".") {
			continue
		}
		e := x.match(i + 1)
		if e <= i+2 || e >= hi {
			continue
		}
		args := x.splitTop(i+2, e)
		if len(args) != 2 || !x.numberConst(args[1][0], args[1][1]) {
			continue
		}
		a := args[0]
		if _, _, ok := x.bareColumn(a[0], a[1]); !ok && !x.repeatableNumeric(a[0], a[1]) {
			continue // evaluated twice below: a column, or numeric arithmetic or a numeric call of columns
		}
		if rt := x.numTypeExpr(a[0], a[1]); rt == "" || rt[0] == '\'' && rt != "'numeric'" {
			continue // not numeric: SQLite compares numbers by value
		}
		x.numericLiteral(args[1][0], args[1][1]) // arith.go
		// the rewrites pending within run before its text is copied
		// (operandcopy.go): rewriteMinMax would splice into the blanked
		// tokens (nullif(greatest(n, n2), 2.5) was a syntax error)
		x.settleOperands(a[0], a[1])
		col := strings.TrimSpace(x.text(a[0], a[1]))
		c := strings.TrimSpace(x.text(args[1][0], args[1][1]))
		se := x.T(e).suf // an enclosing comparison's (arithCompare)
		x.blank(i+1, e+1)
		for k := i + 1; k <= e; k++ {
			x.T(k).pre, x.T(k).suf = "", ""
		}
		x.T(e).suf = se
		// pg_cmp compares numbers of any kind by value (an integer or
		// float8 column too); a column of a type no number compares with
		// is an error, as in PostgreSQL (42883 there, 22P02 here). The
		// collation keeps a numeric result ordered by value.
		x.T(i).set(nullifMark + col + ", " + c + ") = 0 THEN NULL ELSE " + col + " END COLLATE " + NumericCollation + ")")
	}
}

// repeatableNumeric reports whether a..b-1 is arithmetic or a call of
// run-time type over columns and constants (abs(n), n * 1) that may be
// evaluated twice: no subquery, no call with an effect or of a
// changing value. nullif(abs(n), 0.5) compared abs(n)'s numeric text with
// SQLite's double 0.5 (never equal: the differential fuzz tester, seed
// 9101593).
func (x *tx) repeatableNumeric(a, b int) bool {
	if rt := x.numTypeExpr(a, b); rt == "" || rt[0] == '\'' {
		return false // of a type the statement shows: resolved with the constant (typeresolve.go)
	}
	for k := a; k < b; k++ {
		if x.isSubquery(k) { // groupcheck.go
			return false
		}
		if t := x.T(k); t.typ == tIdent && x.isP(k+1, "(") && volatileCalls[strings.ToLower(t.text)] {
			return false
		}
	}
	return true
}

// volatileCalls are the functions whose two calls may differ.
var volatileCalls = map[string]bool{"nextval": true, "setval": true, "random": true, "gen_random_uuid": true,
	"clock_timestamp": true, "timeofday": true, "statement_timestamp": true}

// nullifMark starts nullifNumeric's rewrite (MentionsUntypedArith looks
// for it: the result is described from the column's type).
const nullifMark = "(CASE WHEN pg_cmp("

// numberConst reports whether a..b-1 is a number constant, signed or not
// (10, -0.5, 1e3).
func (x *tx) numberConst(a, b int) bool {
	if b <= a || x.T(b-1).typ != tNumber || x.T(b-1).ed {
		return false
	}
	for k := a; k < b-1; k++ {
		if t := x.T(k); t.typ != tOp || t.ed || t.text != "-" && t.text != "+" {
			return false
		}
	}
	return true
}

// minMaxRuntime is the list of the run-time types of greatest/least's
// args (no argument statically numeric) when some argument is a column
// or expression of run-time type and the others integers, number
// constants or parameters; "" when the arguments' types do not allow it. With one of
// the run-time types numeric the arguments compare as numeric, or, with
// a float8 among them too, as float8 (PostgreSQL's common type): SQLite
// would order the numeric text after every number.
func (x *tx) minMaxRuntime(args [][2]int) string {
	var rts []string
	for _, a := range args {
		switch rt := x.numTypeExpr(a[0], a[1]); {
		case x.isParam(a[0], a[1]):
			// a parameter: typed as the other arguments (paramoperands.go),
			// numeric text beside a numeric column
		case rt == "":
			return ""
		case rt == "'int2'" || rt == "'int4'" || rt == "'int8'":
		case rt[0] == '\'':
			return "" // numeric (minMaxNumeric's) or another type
		default:
			rts = append(rts, rt)
		}
	}
	if len(rts) == 0 {
		return ""
	}
	return strings.Join(rts, ", ")
}

// nullifShape reports whether c..end-1 is nullifNumeric's rewrite, CASE
// WHEN pg_cmp(a, c) = 0 THEN NULL ELSE a END, and gives a's tokens (the
// ELSE operand): the result is of a's type (arith_types.go describes it).
func (x *tx) nullifShape(c, end int) (lo, hi int, ok bool) {
	if x.caseEnd(c) != end-1 || !x.kw(c+1, "WHEN") || x.T(c+2).text != "pg_cmp" || !x.isP(c+3, "(") {
		return 0, 0, false
	}
	k := x.match(c + 3)
	if k < 0 || !x.kw(k+3, "THEN") || !x.kw(k+4, "NULL") || !x.kw(k+5, "ELSE") || end-1 <= k+6 {
		return 0, 0, false
	}
	return k + 6, end - 1, true
}

// minMaxShape reports whether c..end-1 is the run-time form of
// greatest/least (rewriteMinMax), CASE WHEN ... THEN <numeric version>
// ELSE max(coalesce(a, b, ...), ...) END, and gives the arguments a, b,
// ... of the plain version's first coalesce.
func (x *tx) minMaxShape(c, end int) ([][2]int, bool) {
	if x.caseEnd(c) != end-1 || !x.kw(c+1, "WHEN") || x.T(c+2).text != "'numeric'" || !x.kw(c+3, "IN") {
		return nil, false
	}
	k := x.findKw(c+1, end, x.depth[c], "ELSE")
	if k < 0 || x.T(k+1).typ != tIdent || x.T(k+1).text != "max" && x.T(k+1).text != "min" || !x.isP(k+2, "(") ||
		x.T(k+3).text != "coalesce" || !x.isP(k+4, "(") || x.match(k+4) < 0 {
		return nil, false
	}
	return x.splitTop(k+5, x.match(k+4)), true
}

// conditionalBranches are the operands whose value the conditional or
// aggregate a..b-1 yields: a CASE's branches, the arguments of coalesce,
// nullif, greatest, least, sum, avg, min, max; none for anything else.
func (x *tx) conditionalBranches(a, b int) [][2]int {
	var brs [][2]int
	switch t := x.T(a); {
	case t.kw("CASE"):
		if x.caseEnd(a) != b-1 {
			return nil
		}
		cb, _ := x.caseBranches(a) // typeresolve.go
		for _, br := range cb {
			brs = append(brs, [2]int{br.a, br.b})
		}
	case t.typ == tIdent && x.isP(a+1, "(") && x.match(a+1) == b-1 && !x.isP(a-1, "."):
		switch strings.ToLower(t.text) {
		case "coalesce", "nullif", "greatest", "least":
			brs = x.splitTop(a+2, b-1)
		case "sum", "avg", "min", "max":
			// an aggregate of a numeric column is numeric text too
			// (HAVING sum(v) > 100), DISTINCT's as well (avg(DISTINCT
			// i4) ordered 10.00 before 3.00: the fuzz tester's seed
			// 840360)
			brs = x.splitTop(x.aggArgsStart(a+2), b-1)
		case "first_value", "last_value", "nth_value", "lag", "lead":
			// a window call (the call of ... OVER (...), orderby_numeric.go's
			// overCall) is its argument's value, or lag's default: ORDER BY
			// first_value(n) OVER (...) sorted numeric text as text
			if !x.windowValueCall(a, b) {
				break
			}
			if args := x.splitTop(a+2, b-1); len(args) > 0 {
				brs = append(brs, args[0])
				if n := strings.ToLower(t.text); (n == "lag" || n == "lead") && len(args) == 3 {
					brs = append(brs, args[2])
				}
			}
		}
	case t.typ == tPunct:
		// a scalar subquery is its item's value (scalarsub_item.go)
		if ia, ib, ok := x.scalarSubqueryItem(a, b); ok {
			brs = append(brs, [2]int{ia, ib})
		}
	}
	return brs
}

// aggArgsStart is where an aggregate's arguments begin when its
// parenthesis opens before token i: after a DISTINCT or ALL.
func (x *tx) aggArgsStart(i int) int {
	if x.kw(i, "DISTINCT") || x.kw(i, "ALL") {
		return i + 1
	}
	return i
}

// windowValueCall reports whether a..b-1 is the call of a window
// function whose value is its argument's (first_value, last_value,
// nth_value, lag, lead), its OVER clause after it.
func (x *tx) windowValueCall(a, b int) bool {
	t := x.T(a)
	if t.typ != tIdent || !x.isP(a+1, "(") || x.match(a+1) != b-1 || x.isP(a-1, ".") || !x.kw(b, "OVER") {
		return false
	}
	switch strings.ToLower(t.text) {
	case "first_value", "last_value", "nth_value", "lag", "lead":
		return true
	}
	return false
}

// conditionalNumeric reports whether a..b-1 is a CASE expression or a
// coalesce, nullif, greatest or least call with a result branch that is
// a column of numeric or run-time type, or sum, avg, min or max of such
// a column: its value may be numeric text,
// which SQLite orders after every number (coalesce(total, 0) > 60 was
// true for 10.01), so a comparison with a number goes through pg_cmp
// (arith.go, arithCompare). A column of a type no number compares with
// is then an error, as in PostgreSQL.
func (x *tx) conditionalNumeric(a, b int) bool {
	if !x.castsChecked() || b <= a+2 {
		return false
	}
	for _, br := range x.conditionalBranches(a, b) {
		if _, _, ok := x.bareColumn(br[0], br[1]); !ok {
			// numeric arithmetic or a numeric call is numeric text too
			// (coalesce((-1.5 - 0.0), trunc(n, 1))), and so is a
			// scalar subquery's sum of a numeric column, or a CASE's
			if x.numType(br[0], br[1]) == "numeric" && !x.numberConst(br[0], br[1]) || x.conditionalNumeric(br[0], br[1]) {
				return true
			}
			// min(coalesce(n2, n)) > -1: an aggregate of such a
			// conditional is numeric text too
			if a2, b2 := x.unparen(br[0], br[1]); x.T(a).typ == tIdent && x.conditionalNumeric(a2, b2) {
				return true
			}
			// arithmetic whose type shows at run time (sum(amt * 1),
			// CASE WHEN b THEN amt + n END): numeric text where amt is
			// numeric, whose collation the aggregate or CASE drops
			if rt := x.numTypeExpr(br[0], br[1]); rt != "" && rt[0] != '\'' {
				return true
			}
			continue
		}
		if rt := x.numTypeExpr(br[0], br[1]); rt == "'numeric'" || rt != "" && rt[0] != '\'' {
			return true
		}
	}
	return false
}
