package pgdialect

// range_translate.go: PostgreSQL's operators on ranges (@> <@ && << >> &<
// &> -|- + * -) and lower()/upper() of a range rewritten into
// range_funcs.go's functions. SQLite would read << >> as integer shifts,
// + - * as arithmetic on the texts, and lower() as text's.
//
//   - An operator with an operand of a range type the statement shows (a
//     cast, a typed literal, a constructor, a range operator) becomes
//     pg_range_op(op, a, b, ta, tb), ta and tb the operands' types: the
//     type name shown, 'unknown' for a string literal (read as the other
//     operand's range type, as PostgreSQL resolves it), or a column's
//     declared type read at run time.
//   - &<, &> and -|- are range operators only: always pg_range_op.
//   - @>, <@, &&, << and >> between a column and another column or a
//     literal, whose types the statement does not show, become
//     pg_range_or(..., fallback): a range operator when a column is
//     declared a range type, else the function the other passes would
//     have made (a jsonb column's @>, an array column's &&, inet's <<).
//     << and >> between two columns whose tables are certain are left to
//     bitwise.go, whose shift the two declared types decide
//     (optype_columns.go: range, integer or bit string).
//   - + - * between two columns are arithmetic (arith.go), whose type
//     argument names the range type when both columns are declared one
//     (optype_columns.go; 42883 for two range types), and which reads
//     two range values as ranges (rangeArithValues); a column with a
//     literal that reads as a range ('[1,5)', '(...', 'empty') is
//     pg_range_or without a fallback.
//   - lower(x) / upper(x) of a range shown become pg_range_lower(x,
//     'int4range') (described as the element type), of a column
//     pg_range_lower(x, declared type): text's lower() unless the column is
//     a range's.

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// rangeOps are the operators rangeOperators reads.
var rangeOps = map[string]bool{"@>": true, "<@": true, "&&": true, "<<": true, ">>": true, "&<": true, "&>": true, "-|-": true,
	"+": true, "-": true, "*": true}

// rangeElemTypes are the element types of the enforced ranges: @> or <@
// with such an operand is a range's containment of an element.
var rangeElemTypes = map[uint32]bool{pgoid.Int2: true, pgoid.Int4: true, pgoid.Int8: true, pgoid.Numeric: true, pgoid.Date: true, pgoid.Timestamp: true, pgoid.Timestamptz: true}

// rangeHint is the type hint of operand a..b-1 for pg_range_op: 'unknown'
// for a string literal, the type the statement shows, a column's
// declared type (where the statement may read the schema), else NULL.
func (x *tx) rangeHint(a, b int) string {
	if x.stringOperand(a, b) {
		return "'unknown'"
	}
	if o := x.shownOID(a, b); o != 0 {
		return quoteLit(TypeName(o))
	}
	if !x.castsChecked() {
		return "NULL"
	}
	return x.textHint(a, b) // pgcast.go
}

// shownOID is the type the statement shows for operand a..b-1, 0 for a
// string literal (its type is unknown: the other operand's); a bare
// column of a range type the same CREATE TABLE declares is of that type.
func (x *tx) shownOID(a, b int) uint32 {
	if x.stringOperand(a, b) {
		return 0
	}
	if k := x.declaredRangeColumn(a, b); k != nil {
		return k.oid
	}
	return x.exprOID(a, b)
}

// declaredRangeColumn is the range kind of the bare column a..b-1 when
// the statement is a CREATE TABLE declaring it of a range type (its CHECK
// constraints and defaults, where the run-time reading of the declared
// type is not possible: SQLite allows no subquery there), else nil.
func (x *tx) declaredRangeColumn(a, b int) *rangeKind {
	_, col, ok := x.bareColumn(a, b)
	if !ok || !x.kw(0, "CREATE") {
		return nil
	}
	p := -1
	for k := 1; k < x.n() && p < 0; k++ {
		if x.isP(k, "(") {
			p = k
		} else if !x.T(k).kw("TABLE") && !x.T(k).kw("TEMP") && !x.T(k).kw("TEMPORARY") && !x.T(k).kw("UNLOGGED") &&
			!x.T(k).kw("IF") && !x.T(k).kw("NOT") && !x.T(k).kw("EXISTS") && k > 2 && !x.isP(k, ".") && x.T(k-1).typ != tIdent && x.T(k-1).typ != tQIdent {
			return nil
		}
	}
	if p < 0 || !x.T(1).kw("TABLE") && !x.T(2).kw("TABLE") {
		return nil
	}
	e := x.match(p)
	for _, el := range x.splitTop(p+1, e) {
		if el[1]-el[0] >= 2 && (x.T(el[0]).typ == tIdent || x.T(el[0]).typ == tQIdent) && x.T(el[0]).identName() == col {
			return rangeKindNamed(x.T(el[0] + 1).text)
		}
	}
	return nil
}

// rangeLiteral reports whether a..b-1 is a string literal that reads as
// a range.
func (x *tx) rangeLiteral(a, b int) bool {
	if !x.stringOperand(a, b) {
		return false
	}
	s, ok := unquoteString(x.T(a))
	s = strings.TrimSpace(s)
	return ok && (strings.HasPrefix(s, "[") || strings.HasPrefix(s, "(") || strings.EqualFold(s, "empty"))
}

// rangeOperators rewrites the range operators of the statement (after the
// casts, before the date/time, arithmetic, network, array and jsonb
// operators, which would take them otherwise).
func (x *tx) rangeOperators() error {
	if x.catalog {
		return nil
	}
	for i := 1; i < x.n(); i++ {
		t := x.T(i)
		if t.typ == tOp && !t.ed && rangeCompareOps[t.text] && x.endsOperand(i-1) {
			x.rangeCompareLiteral(i)
			continue
		}
		if t.typ != tOp || t.ed || !rangeOps[t.text] || !x.endsOperand(i-1) {
			continue
		}
		op := t.text
		ls := x.primaryStart(i - 1)
		re := x.operandEnd(i + 1)
		if ls < 0 || re < 0 {
			continue
		}
		lo, ro := x.shownOID(ls, i), x.shownOID(i+1, re)
		lk, rk := rangeKinds[lo], rangeKinds[ro]
		_, _, lcol := x.bareColumn(ls, i)
		_, _, rcol := x.bareColumn(i+1, re)
		setOp := op == "+" || op == "-" || op == "*"
		fallback := ""
		switch {
		case lk != nil || rk != nil:
		case op == "&<" || op == "&>" || op == "-|-":
		case !x.castsChecked() || !lcol && !rcol:
			continue
		case setOp:
			if !(lcol && x.rangeLiteral(i+1, re) || rcol && x.rangeLiteral(ls, i)) {
				continue // two columns: arithmetic reads two ranges (rangeArithValues)
			}
			fallback = "-"
		case (op == "@>" && rangeElemTypes[ro] || op == "<@" && rangeElemTypes[lo]) && (lcol || rcol):
		case lo != 0 || ro != 0:
			continue // a jsonb, an array, an inet the statement shows: theirs
		case op == "@>" || op == "<@":
			fallback = "pg_jsonb_contains"
		case op == "&&" && (x.arrayLiteral(ls, i) || x.arrayLiteral(i+1, re)):
			continue
		case op == "&&" && (x.stringOperand(ls, i) || x.stringOperand(i+1, re)):
			fallback = "pg_net_overlap"
		case op == "&&" && lcol && rcol:
			fallback = "pg_array_overlap"
		case (op == "<<" || op == ">>") && (x.stringOperand(ls, i) || x.stringOperand(i+1, re)):
			fallback = map[string]string{"<<": "pg_net_contained", ">>": "pg_net_contains"}[op]
		case (op == "<<" || op == ">>") && lcol && rcol && x.runtimeArithType(op, ls, i, i+1, re) != "":
			continue // decided by the columns' declared types (optype_columns.go)
		case (op == "<<" || op == ">>") && lcol && rcol:
			fallback = map[string]string{"<<": "pg_net_shift_contained", ">>": "pg_net_shift_contains"}[op]
		default:
			continue
		}
		left, right := x.text(ls, i), x.text(i+1, re)
		args := quoteLit(op) + ", " + left + ", " + right + ", " + x.rangeHint(ls, i) + ", " + x.rangeHint(i+1, re)
		call := "pg_range_op(" + args + ")"
		if fallback != "" {
			if fallback == "-" {
				fallback = ""
			}
			call = "pg_range_or(" + args + ", " + quoteLit(fallback) + ")"
		}
		res := pgoid.Bool
		if setOp {
			k := lk
			if k == nil {
				k = rk
			}
			res = 0
			if k != nil {
				res = k.oid
			}
			call = "(" + call + " COLLATE " + RangeCollation + ")"
		}
		if err := x.rangeElemErr(i, lk, rk, lo, ro); err != nil {
			return err
		}
		x.wipe(ls, re)
		x.T(ls).set(call)
		x.castEnd[re-1] = ls
		if res != 0 {
			x.setResolved(ls, re, res)
		}
	}
	x.rangeBoundCalls()
	return nil
}

// rangeElemErr is PostgreSQL's 42883 for @> or <@ (at i) of a range shown
// with an element of another type shown than the range's element type
// (int4range @> bigint, int8range @> 3, tsrange @> date): anyrange @>
// anyelement casts no element implicitly.
func (x *tx) rangeElemErr(i int, lk, rk *rangeKind, lo, ro uint32) *Error {
	op := x.T(i).text
	k, e, left := lk, ro, true
	if op == "<@" {
		k, e, left = rk, lo, false
	}
	if op != "@>" && op != "<@" || k == nil || e == 0 || rangeKinds[e] != nil || e == k.elem {
		return nil
	}
	l, r := k.name, FormatType(e, -1)
	if !left {
		l, r = r, l
	}
	return &Error{Code: "42883", Message: "operator does not exist: " + l + " " + op + " " + r,
		Hint: "No operator matches the given name and argument types. You might need to add explicit type casts.", Position: x.charPos(i)}
}

// rangeCompareOps are the comparisons, whose string literal beside a
// range shown is read as that range type (rangeCompareLiteral).
var rangeCompareOps = map[string]bool{"=": true, "<>": true, "!=": true, "<": true, ">": true, "<=": true, ">=": true}

// rangeCompareLiteral casts the string literal compared at i with an
// operand of a range type the statement shows to that type, as PostgreSQL
// types it: int4range(1, 5) = '[1,4]' compares [1,5) with [1,5). (A
// literal compared with a range column is converted by
// canonicalComparisons, enforce.go.)
func (x *tx) rangeCompareLiteral(i int) {
	ls := x.primaryStart(i - 1)
	re := x.operandEnd(i + 1)
	if ls < 0 || re < 0 {
		return
	}
	lit, other := ls, [2]int{i + 1, re}
	if !x.stringOperand(ls, i) {
		lit, other = i+1, [2]int{ls, i}
		if !x.stringOperand(i+1, re) {
			return
		}
	}
	k := rangeKinds[x.exprOID(other[0], other[1])]
	if k == nil {
		return
	}
	t := x.T(lit)
	t.pre = "(pg_cast_" + k.name + "(" + t.pre
	t.suf += ") COLLATE " + RangeCollation + ")"
}

// rangeBoundCalls rewrites lower(x) and upper(x) of a range shown, or of
// a column (decided by its declared type at run time).
func (x *tx) rangeBoundCalls() {
	for i := 0; i+1 < x.n(); i++ {
		t := x.T(i)
		if t.typ == tIdent && !t.ed && rangeKindNamed(t.text) != nil && x.isP(i+1, "(") && !x.isP(i-1, ".") {
			// a constructor's value orders as its type (range_funcs.go)
			e := x.match(i + 1)
			if rangeKindNamed(t.text).elem == pgoid.Numeric {
				for _, a := range x.splitTop(i+2, e) {
					x.numericLiteral(a[0], a[1]) // arith.go: 2.50 keeps its scale
				}
			}
			t.pre += "(" // innermost: a cast's pg_text( may be outside
			x.T(e).suf = " COLLATE " + RangeCollation + ")" + x.T(e).suf
			continue
		}
		if t.typ != tIdent || t.ed || !t.kw("LOWER") && !t.kw("UPPER") && !t.kw("RANGE_MERGE") || !x.isP(i+1, "(") || x.isP(i-1, ".") {
			continue
		}
		e := x.match(i + 1)
		args := x.splitTop(i+2, e)
		if len(args) == 0 || len(args) > 2 || args[0][0] >= args[0][1] || len(args) == 2 && !t.kw("RANGE_MERGE") {
			continue
		}
		a, b := args[0][0], args[0][1]
		if t.kw("RANGE_MERGE") {
			k := rangeKinds[x.exprOID(a, b)]
			if len(args) == 2 && k == nil {
				k = rangeKinds[x.exprOID(args[1][0], args[1][1])]
			}
			t.pre += "("
			x.T(e).suf = " COLLATE " + RangeCollation + ")" + x.T(e).suf
			if k != nil {
				x.setResolved(i, e+1, k.oid)
			}
			continue
		}
		k := rangeKinds[x.shownOID(a, b)]
		_, _, col := x.bareColumn(a, b)
		if k == nil && !(col && x.castsChecked()) {
			continue
		}
		hint := x.rangeHint(a, b)
		t.set("pg_range_" + strings.ToLower(t.text))
		x.T(e).pre += ", " + hint
		// of a column the type is the declared type's element type,
		// described from it (calltypes.go), not text's lower()
		o := uint32(0)
		if k != nil {
			o = k.elem
		}
		x.setResolved(i, e+1, o)
	}
}
