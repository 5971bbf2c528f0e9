package pgdialect

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// branch_consts.go: a decimal constant among the branches of a CASE or
// coalesce whose other branches read table columns (coalesce(n, 1.50),
// CASE WHEN c THEN i ELSE 2.50 END), or among the elements of ARRAY[...].
// PostgreSQL resolves them to their common type: numeric beside an
// integer or numeric column, so the constant prints at its own scale
// (1.50) and the integers as integers, float8 (or real) beside a float
// column (1.5). The translation does not see a column's type, and SQLite
// reads the constant as a double, which keeps no trailing zero: the
// result printed 1.5. The branches are converted to their common type
// where the column types allow (constsBesideColumns), chosen by them at
// run time (numTypeExpr: read from the schema, the same on every node).

// constsBesideColumns converts the decimal constants of brs (branches
// whose common type commonType could not see) when every other branch
// is NULL, an integer or numeric value, or an expression whose type is
// known statically or at run time (in an array only a bare column).
// Branches are values side by side in one column (CASE, coalesce:
// inArray false): every branch becomes its value converted to the
// common type as a set operation's operands are (setoptypes.go's
// pg_setop_value), so beside an integer column the integers become
// numeric text too, grouped, sorted and compared with the constant by
// value (SQLite orders every integer before any text), and the
// conversion names the branches' types for the money check
// (typecompare_common.go: coalesce(m, 0.5) is 42846). Inside an array
// (ARRAY[i, 2.50]: inArray) every element is text anyway, so the
// constant is numeric text unless a column is a float.
func (x *tx) constsBesideColumns(brs []branch, inArray bool) {
	if !x.castsChecked() {
		return
	}
	var consts []branch
	var rts []string
	ints := false
	for _, br := range brs {
		if strings.Contains(x.T(br.a).wpre, setOpValueFunc+"(") {
			return // converted already (the types are resolved again after a rewrite)
		}
		switch {
		case br.kind == branchNull:
		case br.kind == branchTyped && br.oid == pgoid.Numeric && x.literalDigits(br.a, br.b) != "":
			consts = append(consts, br)
		case br.kind == branchTyped && numericRank[br.oid] > 0 && numericRank[br.oid] <= numericRank[pgoid.Numeric]:
			ints = true
		case br.kind == branchOpaque:
			if _, _, ok := x.bareColumn(br.a, br.b); !ok && inArray {
				return
			}
			rt := x.numTypeExpr(br.a, br.b)
			switch {
			case rt == "":
				return
			case rt == "'float8'" || rt == "'float4'":
				return // a float: the constant is one too, as SQLite reads it
			case rt[0] == '\'':
				if _, ok := unknownLitOIDs[strings.Trim(rt, "'")]; !ok && rt != "'numeric'" {
					return // not a number: PostgreSQL's error, left to the statement
				}
			default:
				rts = append(rts, rt)
			}
		default:
			return
		}
	}
	if len(consts) == 0 && (inArray || !ints || len(rts) == 0) {
		return
	}
	if !inArray {
		// also beside an integer (coalesce(v, 0), CASE ... ELSE 1 END
		// of a numeric v): the conversion's collation groups, orders and
		// deduplicates the numeric text by value (1.5 and 1.50 one
		// group), and the integer, numeric text then, compares with it
		if types, list, _, _ := x.runtimeBranchTypes(brs); types != nil { // setoptypes.go
			x.convertBranches(brs, types, list, false)
		}
		return
	}
	for _, c := range consts {
		lit := x.literalDigits(c.a, c.b)
		if !x.numericConst(c.a, c.b) { // arith.go
			continue
		}
		if len(rts) > 0 {
			in := "(" + strings.Join(rts, ", ") + ")"
			cond := "'float8' IN " + in + " OR 'float4' IN " + in
			x.T(c.a).pre = "(CASE WHEN " + cond + " THEN " + lit + " ELSE " + x.T(c.a).pre
			x.T(c.b - 1).suf += " END)"
		}
	}
}

// arrayNumericConsts converts the decimal constants among the elements
// of each ARRAY[...] constructor as constsBesideColumns does for
// branches: ARRAY[1.50, 2.0] is numeric[] {1.50,2.0} in PostgreSQL,
// where SQLite's doubles made it {1.5,2}.
func (x *tx) arrayNumericConsts() { x.arrayNumericConstsIn(0, x.n()) }

// arrayNumericConstsIn is arrayNumericConsts over tokens lo..hi-1 (an
// unnest argument, whose text the call's rewrite copies before the late
// pass: array_translate.go).
func (x *tx) arrayNumericConstsIn(lo, hi int) {
	for i := lo; i+1 < hi; i++ {
		if !x.T(i).kw("ARRAY") || !x.isP(i+1, "[") {
			continue
		}
		c := x.closeBracket(i + 1)
		if c < 0 {
			continue
		}
		var brs []branch
		for _, p := range x.splitTop(i+2, c) {
			brs = append(brs, x.classify(p[0], p[1]))
		}
		x.constsBesideColumns(brs, true)
	}
}
