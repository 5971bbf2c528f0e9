package pgdialect

// numeric_calls.go: the calls of the functions that exist only for exact
// numbers (numeric_scale.go, numeric_intfuncs.go, widthbucket.go,
// to_char of a number: tocharnum.go, to_number: tonumber.go), typed
// as PostgreSQL types them. SQLite reads a decimal literal as a binary
// float, which would lose what these functions look at (scale(1.500) is
// 3, gcd(0.25, 0.1) is 0.05): a decimal literal argument becomes numeric
// text (numericLiteral). The result is described with PostgreSQL's type
// and takes part in arithmetic as that type; a numeric result is numeric
// text with the numeric collation (compared by value), as numeric
// arithmetic results are (arith.go). gcd and lcm get the arguments'
// common type as a third argument, which decides their overflow bounds
// (int4 or int8) or makes them numeric.

// numericCallResults: each function's result type ("" for gcd and lcm:
// the arguments' common type).
var numericCallResults = map[string]string{
	"scale": "int4", "min_scale": "int4", "trim_scale": "numeric",
	"gcd": "", "lcm": "",
	"div": "numeric", "factorial": "numeric",
	"width_bucket": "int4",
	"to_char":      "text", "to_number": "numeric", // tocharnum.go, tonumber.go
}

// numericCalls rewrites the calls of numericCallResults.
func (x *tx) numericCalls() {
	if !x.castsChecked() {
		return
	}
	for i := 0; i+2 < x.n(); i++ {
		t := x.T(i)
		l := t.identName()
		res, ok := numericCallResults[l]
		if t.typ != tIdent || !ok || !x.isP(i+1, "(") || x.isP(i-1, ".") || x.relationAt(i) ||
			t.ed && t.out != funcRename[l] {
			continue
		}
		e := x.match(i + 1)
		if e <= i+2 {
			continue
		}
		args := x.splitTop(i+2, e)
		if l == "to_char" {
			// tocharnum.go formats numeric text exactly, a float as
			// float8_to_char, an integer as int4_to_char; a bigint goes
			// as numeric text, as int8_to_char formats through numeric
			// (the result is text: dtExprOID)
			a, b := args[0][0], args[0][1]
			switch typ := x.numType(a, b); typ {
			case "float4", "":
				// a real formats with FLT_DIG digits (float4_to_char):
				// its type as the third argument; a column's declared
				// type is read at run time, only for a float value (a
				// date column's to_char does not look)
				if len(args) != 2 {
					break
				}
				if typ == "float4" {
					x.T(e).pre = ", 'float4'" + x.T(e).pre
					break
				}
				if _, _, ok := x.bareColumn(a, b); ok {
					if rt := x.numTypeExpr(a, b); rt != "" && rt[0] != '\'' {
						x.T(e).pre = ", CASE WHEN typeof(" + x.text(a, b) + ") = 'real' THEN " + rt + " END" + x.T(e).pre
					}
				}
			case "numeric":
				x.numericLiteral(a, b)
			case "int8":
				// on the call's own parenthesis and comma: whatever the
				// argument's rewrites wrap around it stays inside
				if len(args) == 2 && x.isP(b, ",") {
					x.T(i + 1).suf += "CAST(("
					x.T(b).pre = ") AS TEXT)" + x.T(b).pre
				}
			}
			continue
		}
		literals := l != "factorial"
		if l == "width_bucket" {
			if len(args) != 4 {
				continue
			}
			// the double precision version when an argument is one:
			// decimal literals stay floats
			literals = !x.anyArgType(args[:3], "float8") && !x.anyArgType(args[:3], "float4")
			args = args[:3]
		}
		if literals {
			for _, a := range args {
				if x.numType(a[0], a[1]) == "numeric" {
					x.numericLiteral(a[0], a[1])
				}
			}
		}
		name, end := l, ")"
		if l == "gcd" || l == "lcm" {
			if len(args) != 2 {
				continue
			}
			res = x.commonIntType(args)
			name, end = "pg_"+l, ", "+quoteLit(res)+")"
			for _, a := range args {
				if res != "" && x.unknownArg(a[0], a[1]) {
					// read as the resolved type: gcd('4', 6) is int4's
					// gcd, gcd('4.5', 6) 22P02
					x.T(a[0]).pre += "pg_cast_" + res + "("
					x.T(a[1] - 1).suf = ")" + x.T(a[1]-1).suf
				}
			}
			if rt := x.gcdRuntimeType(args); res == "" && rt != "" {
				// a column's type: gcd of int4 columns has int4's bounds
				// (gcd(-2147483648, 0) is 22003), as PostgreSQL's
				end = ", " + rt + ")"
			}
		}
		if res == "numeric" {
			name, end = "(CAST("+name, end+" AS TEXT) COLLATE "+NumericCollation+")"
		}
		// in the tokens' own text: inside what earlier passes spliced
		// around the call (an operator's pg_add( ... ))
		t.set(name)
		x.T(e).set(end)
		if res == "" {
			continue
		}
		x.numCallType(i, e, res)
	}
}

// numCallType records the call starting at i, its closing parenthesis at
// e, as an expression of arithmetic type typ (arith.go's names): it is
// described so (exprOID), the operators around it take it as that type,
// and its column is named after the function.
func (x *tx) numCallType(i, e int, typ string) {
	// an operator expression that starts or ends with the call, rewritten
	// earlier (sqrt(2.0) = 2.5 is a comparison: bool), keeps its type; one
	// of unknown type ("?": sqrt(2.0) + 1) takes the call's
	if s, ok := x.castEnd[e]; ok && s != i {
		return
	}
	if t, ok := x.arithTypes[i]; ok && t != "?" {
		for k, s := range x.castEnd {
			if s == i && k > e {
				return
			}
		}
	}
	x.markCall(i, e, typ, "") // numeric_funcargs.go
}

// anyArgType reports whether an argument's static type is typ.
func (x *tx) anyArgType(args [][2]int, typ string) bool {
	for _, a := range args {
		if x.numType(a[0], a[1]) == typ {
			return true
		}
	}
	return false
}

// commonIntType is the type PostgreSQL resolves gcd/lcm(a, b) to: numeric
// when an argument is numeric, else int8 when one is, int4 for smaller
// integers, "" when an argument's type is not known.
func (x *tx) commonIntType(args [][2]int) string {
	if x.anyArgType(args, "numeric") {
		return "numeric" // also with a column: gcd(v, 0.5) is numeric
	}
	res := "int4"
	for _, a := range args {
		if x.unknownArg(a[0], a[1]) {
			continue // a string literal or NULL takes the other's type
		}
		switch x.numType(a[0], a[1]) {
		case "numeric":
			return "numeric"
		case "int8":
			res = "int8"
		case "int2", "int4":
		default:
			return ""
		}
	}
	return res
}

// gcdRuntimeType is the run-time type of gcd/lcm(a, b) when an argument's
// type is known only at run time (a column's): the arguments' common type
// as arithmetic combines them (pg_arith_type; int2 computes with int4's
// bounds, intGcd); "" when an argument's type is not known at all.
func (x *tx) gcdRuntimeType(args [][2]int) string {
	l, r := x.numTypeExpr(args[0][0], args[0][1]), x.numTypeExpr(args[1][0], args[1][1])
	if l == "" || r == "" {
		return ""
	}
	return "(SELECT pg_arith_type('+', " + l + ", " + r + "))"
}
