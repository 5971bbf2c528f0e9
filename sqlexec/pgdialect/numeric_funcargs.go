package pgdialect

// numeric_funcargs.go: abs, sign, mod, power, sqrt, exp, ln, log and
// log10 of numeric arguments computed in numeric. PostgreSQL types a
// decimal literal (2.5, -3.50, 1e3) as numeric, so abs(-3.50) is 3.50 and
// power(2.0, 0.5) 1.4142135623730950; SQLite reads the literal as a binary
// float and its functions (or mathfuncs.go's double precision ones) lose
// the scale and the digits. Where the statement shows an argument's type
// (a literal, a cast, numeric arithmetic) and the types resolve to
// PostgreSQL's numeric version of the function (a numeric argument, none
// double precision), the call becomes the exact one: the numeric literals
// become text (numericLiteral) and the result gets the TEXT affinity and
// collation of numeric values, as arithmetic results do (arith.go).
// Arguments of unknown type (a column) keep the run-time behaviour.

import "strings"

// numericFuncs maps a function to its numeric implementation and the
// number of arguments it takes; a "10, " prefix is spliced before the
// arguments (log(x) is log(10, x) in PostgreSQL).
var numericFuncs = map[string]struct {
	fn, pre string
	args    int
}{
	"abs":   {"abs", "", 1}, // numeric_funcs.go: exact on numeric text
	"sign":  {"pg_numsign", "", 1},
	"mod":   {"pg_mod", "", 2}, // arith_funcs.go, with the type 'numeric'
	"power": {"pg_numpow", "", 2},
	"pow":   {"pg_numpow", "", 2},
	"sqrt":  {"pg_numsqrt", "", 1},
	"exp":   {"pg_numexp", "", 1},
	"ln":    {"pg_numln", "", 1},
	"log":   {"pg_numlog", "10, ", 1},
	"log10": {"pg_numlog", "10, ", 1},
}

// numericFuncArgs rewrites the calls of numericFuncs whose arguments
// resolve to the numeric version.
func (x *tx) numericFuncArgs() {
	if !x.castsChecked() {
		return
	}
	for i := 0; i+2 < x.n(); i++ {
		t := x.T(i)
		l := strings.ToLower(t.text)
		nf, ok := numericFuncs[l]
		if t.typ != tIdent || !ok || !x.isP(i+1, "(") || x.isP(i-1, ".") || x.relationAt(i) {
			continue
		}
		if t.ed && t.out != funcRename[l] {
			continue
		}
		e := x.match(i + 1)
		if e <= i+2 {
			continue
		}
		args := x.splitTop(i+2, e)
		ints := false // integers alone make the double precision version
		if l == "log" && len(args) == 2 {
			nf.pre, nf.args = "", 2 // log(b, x): numeric only
			ints = true
		}
		if len(args) != nf.args {
			continue
		}
		if !x.numericArgs(args, ints) {
			if len(args) == 1 && l != "abs" {
				x.numericColumnCall(i, e, args[0], nf.fn, nf.pre)
			}
			continue
		}
		for _, a := range args {
			if x.numType(a[0], a[1]) == "numeric" {
				x.numericLiteral(a[0], a[1])
			}
		}
		t.set("(CAST(" + nf.fn)
		x.T(i + 1).suf += nf.pre
		suf := ") AS TEXT) COLLATE " + NumericCollation + ")"
		if nf.fn == "pg_mod" {
			suf = ", 'numeric'" + suf
		}
		x.T(e).set(suf)
		x.numCallType(i, e, "numeric") // a numeric operand to what follows (numeric_calls.go)
	}
}

// numericArgs reports whether the arguments' static types make
// PostgreSQL choose a function's numeric version: every type known, one
// numeric (or, with ints, none: log(2, 8) has only a numeric version),
// none double precision (integers convert to numeric).
func (x *tx) numericArgs(args [][2]int, ints bool) bool {
	numeric := ints
	for _, a := range args {
		switch x.numType(a[0], a[1]) {
		case "numeric":
			numeric = true
		case "int2", "int4", "int8":
		default:
			return false
		}
	}
	return numeric
}

// numericColumnCall rewrites f(col) over a column of a table the
// statement names to the numeric version when the column's declared type
// is numeric (read at run time from the schema, as arith_columns.go does:
// an uncorrelated subquery, once per execution), the call as it was
// otherwise: sqrt(n) of a numeric column is 1.414213562373095, of a
// float8 one 1.4142135623730951. (abs is exact on numeric text already.)
func (x *tx) numericColumnCall(i, e int, arg [2]int, fn, pre string) {
	tbl, col, ok := x.columnTable(arg[0], arg[1])
	if !ok {
		return
	}
	// the call without what encloses it (a comparison's pg_cmp( ... ))
	pi, se := x.T(i).pre, x.T(e).suf
	x.T(i).pre, x.T(e).suf = "", ""
	ref, call := x.text(arg[0], arg[1]), x.text(i, e+1)
	x.T(i).set("(CASE WHEN " + colTypeQuery("pg_col_numtype", tbl, col) + " = 'numeric' THEN CAST(" + fn + "(" + pre + ref + ") AS TEXT) ELSE " + call + " END COLLATE " + NumericCollation + ")")
	for k := i + 1; k <= e; k++ {
		x.T(k).set("")
		x.T(k).pre, x.T(k).suf = "", ""
	}
	x.T(i).pre, x.T(e).suf = pi, se
}
