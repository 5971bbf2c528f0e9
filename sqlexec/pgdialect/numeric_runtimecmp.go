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
func (x *tx) nullifNumeric() {
	if !x.castsChecked() {
		return
	}
	for i := x.n() - 3; i >= 0; i-- {
		t := x.T(i)
		if t.typ != tIdent || t.ed || !strings.EqualFold(t.text, "nullif") || !x.isP(i+1, "(") || x.isP(i-1, ".") {
			continue
		}
		e := x.match(i + 1)
		if e <= i+2 {
			continue
		}
		args := x.splitTop(i+2, e)
		if len(args) != 2 || !x.numberConst(args[1][0], args[1][1]) {
			continue
		}
		a := args[0]
		if _, _, ok := x.bareColumn(a[0], a[1]); !ok {
			continue // evaluated twice below: a column only
		}
		if rt := x.numTypeExpr(a[0], a[1]); rt == "" || rt[0] == '\'' && rt != "'numeric'" {
			continue // not numeric: SQLite compares numbers by value
		}
		x.numericLiteral(args[1][0], args[1][1]) // arith.go
		col := strings.TrimSpace(x.text(a[0], a[1]))
		c := strings.TrimSpace(x.text(args[1][0], args[1][1]))
		x.blank(i+1, e+1)
		for k := i + 1; k <= e; k++ {
			x.T(k).pre, x.T(k).suf = "", ""
		}
		// pg_cmp compares numbers of any kind by value (an integer or
		// float8 column too); a column of a type no number compares with
		// is an error, as in PostgreSQL (42883 there, 22P02 here). The
		// collation keeps a numeric result ordered by value.
		x.T(i).set("(CASE WHEN pg_cmp(" + col + ", " + c + ") = 0 THEN NULL ELSE " + col + " END COLLATE " + NumericCollation + ")")
	}
}

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

// minMaxRuntime is the run-time test that greatest/least over args (no
// argument statically numeric) should compare as numeric: some argument
// is a column or expression of run-time type, the others integers or
// number constants; "" when the arguments' types do not allow it. The
// test is true when one of the run-time types is numeric and none is
// float8, PostgreSQL's common type numeric (with float8 it is float8,
// which SQLite's comparison of numbers gives).
func (x *tx) minMaxRuntime(args [][2]int) string {
	var rts []string
	for _, a := range args {
		switch rt := x.numTypeExpr(a[0], a[1]); {
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
	l := strings.Join(rts, ", ")
	return "'numeric' IN (" + l + ") AND 'float8' NOT IN (" + l + ")"
}
