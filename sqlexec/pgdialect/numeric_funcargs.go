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
// resolve to the numeric version; with constArgs only those whose
// arguments are constants (abs(-1.50)), before the + and - operators are
// rewritten: a column operand's date/time rewrite copies the other
// operand's text (a.id - abs(-1.50)), which must be the exact call by
// then.
func (x *tx) numericFuncArgs(constArgs bool) {
	x.numericFuncsWithin(0, x.n(), constArgs)
}

// numericFuncsWithin is numericFuncArgs over the calls within tokens
// lo..hi-1. A rewrite that copies an operand's text into a new form (the
// date/time CASE form of datetime_columns.go: (mod(2.5, n2))::float8 -
// i4) calls it first with constArgs false: the later pass skips the
// copied-from tokens, and the copy would call SQLite's own mod, NULL for
// a zero divisor where PostgreSQL raises 22012.
func (x *tx) numericFuncsWithin(lo, hi int, constArgs bool) {
	if !x.castsChecked() {
		return
	}
	// right to left: an argument's calls first, so sqrt(sqrt(n)) sees
	// the inner call's type
	for i := hi - 3; i >= lo; i-- {
		t := x.T(i)
		l := strings.ToLower(t.text)
		nf, ok := numericFuncs[l]
		if t.typ != tIdent || !ok || !x.isP(i+1, "(") || x.isP(i-1, ".") || x.relationAt(i) {
			continue
		}
		if t.ed && (t.out != funcRename[l] || t.out == "") {
			// rewritten, or blanked: an operand copied into an
			// enclosing rewrite (a.id - abs(-1.5), whose column's
			// date/time type is read at run time), where it is
			// translated as it was copied
			continue
		}
		e := x.match(i + 1)
		if e <= i+2 || e >= hi {
			continue
		}
		if constArgs && !x.constantTokens(i+2, e) {
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
			switch {
			case nf.args == 2 && (l == "mod" || l == "power" || l == "pow"):
				x.operatorCall(i, e, args, l == "mod")
			case len(args) == 1 && l != "abs" || l == "log":
				x.numericRuntimeCall(i, e, args, nf.fn, nf.pre)
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

// operatorCall rewrites mod(a, b) and power(a, b) whose arguments'
// types are not all shown to be numeric as their operators a % b and
// a ^ b (PostgreSQL's mod and power are the same functions): integers
// give an integer mod (SQLite's mod is a float's: mod(-2, 2) was -0.0),
// and an argument of a type known only at run time (a column, arithmetic
// over one) picks the version by the arguments' declared types, as the
// operators do (arith_columns.go): mod(n, 3) of a numeric column is exact
// numeric, not float8. Static double precision calls are left as they
// are.
func (x *tx) operatorCall(i, e int, args [][2]int, mod bool) {
	op, f := "^", "pg_pow_typed"
	if mod {
		op, f = "mod", "pg_mod" // arithResult: the types of %, the function's 42883
	}
	l, r := args[0], args[1]
	res, rtype := arithResult(op, x.numType(l[0], l[1]), x.numType(r[0], r[1])), ""
	switch {
	case mod && (res == "int2" || res == "int4" || res == "int8"):
	case res == "":
		if rtype = x.runtimeArithType(op, l[0], l[1], r[0], r[1]); rtype == "" && !mod {
			return
		}
		// mod of operands of unseen type (mod(trunc(n, 1), n)): the
		// values decide in pg_mod, as arithmetic does; SQLite's own mod
		// is NULL for a zero divisor where PostgreSQL raises 22012
	default:
		return // float8 (and numeric, handled by numericFuncArgs)
	}
	if mod && res == "" {
		// a decimal constant is numeric (mod(trunc(n, 1), 1.25)), not
		// the REAL SQLite reads, which pg_mod would take for a float8
		x.numericLiteral(l[0], l[1]) // arith.go
		x.numericLiteral(r[0], r[1])
	}
	pre, suf := arithWrapRT(f, res, rtype)
	x.T(i).set(strings.TrimSuffix(pre, "("))
	x.T(e).set(suf)
	x.markCall(i, e, res, rtype)
}

// markCall records the rewritten call i..e as an expression of static
// type res, or of unknown static type (res "": arithTypes "?", its
// run-time type rtype), that keeps its function's name as a column name
// (numCalls).
func (x *tx) markCall(i, e int, res, rtype string) {
	if s, ok := x.castEnd[e]; !ok || s >= i {
		// an operator rewritten before (exactCallCollation runs after
		// arith.go) that ends with the call keeps its end: id *
		// round(-1.5) lost its run-time type, and coalesce(i2, id *
		// round(-1.5)) sorted -12 after 32767 (the fuzz tester's seed
		// 840500)
		x.castEnd[e] = i
	}
	x.setArithType(i, res, rtype) // arith.go
	if x.numCalls == nil {
		x.numCalls = map[int]int{}
	}
	x.numCalls[i] = e
}

// numericRuntimeCall rewrites f(arg) (or log(b, x)) whose argument's type is known only
// at run time (a column of a table the statement names, arithmetic over
// one: arith_columns.go's run-time type, an uncorrelated subquery run
// once per execution) to the numeric version when that type is numeric,
// the call as it was otherwise: sqrt(n) and sqrt(n * 2) of a numeric
// column are numeric (1.414213562373095), of a float8 one double
// precision (1.4142135623730951). The shape is what ArithItems reads
// back to describe the column (arith_types.go, runtimeCallShape).
// maxRuntimeCall bounds the text numericRuntimeCall writes (the argument
// appears twice, so sqrt(sqrt(...)) doubles at each level).
const maxRuntimeCall = 1 << 16

func (x *tx) numericRuntimeCall(i, e int, args [][2]int, fn, pre string) {
	arg := [2]int{args[0][0], args[len(args)-1][1]}
	rt, cond := x.numTypeExpr(arg[0], arg[1]), " = 'numeric'"
	if len(args) == 2 {
		// log(b, x): PostgreSQL has only the numeric version, so any
		// integer or numeric arguments take it
		rt, cond = x.runtimeArithType("+", args[0][0], args[0][1], args[1][0], args[1][1]), " <> 'float8'"
	}
	if rt == "" || rt[0] == '\'' {
		return // a static type: not numeric (numericArgs said so)
	}
	// the argument's pending rewrites run before its text is copied
	// (operandcopy.go: sign(least(1.5, 2) / n) was a syntax error)
	x.settleOperands(arg[0], arg[1])
	// the call without what encloses it (a comparison's pg_cmp( ... ))
	pi, se := x.T(i).pre, x.T(e).suf
	x.T(i).pre, x.T(e).suf = "", ""
	ref, call := x.text(arg[0], arg[1]), x.text(i, e+1)
	if len(ref)+len(call) > maxRuntimeCall {
		x.T(i).pre, x.T(e).suf = pi, se
		return // nested calls double the text at each level: keep it bounded
	}
	x.T(i).set("(CASE WHEN " + rt + cond + " THEN CAST(" + fn + "(" + pre + ref + ") AS TEXT) ELSE " + call + " END COLLATE " + NumericCollation + ")")
	for k := i + 1; k <= e; k++ {
		x.T(k).set("")
		x.T(k).pre, x.T(k).suf = "", ""
	}
	x.T(i).pre, x.T(e).suf = pi, se
	// numeric or, by the double precision version, float8
	x.markCall(i, e, "", "(CASE WHEN "+rt+cond+" THEN 'numeric' ELSE 'float8' END)")
}

// constantTokens reports whether a..b-1 are numbers, signs, commas and
// parentheses alone.
func (x *tx) constantTokens(a, b int) bool {
	for k := a; k < b; k++ {
		t := x.T(k)
		switch {
		case t.ed:
			return false
		case t.typ == tNumber, x.isP(k, "("), x.isP(k, ")"), x.isP(k, ","):
		case t.typ == tOp && (t.text == "-" || t.text == "+"):
		default:
			return false
		}
	}
	return true
}
