package pgdialect

// numeric_exactcalls.go: round, trunc, ceil, floor and abs of a numeric
// argument whose type the statement does not show statically (a column,
// arithmetic over one, round(x, n) of anything) compare, sort and
// aggregate by value. numeric_funcs.go computes them exactly on numeric
// text and returns text, which SQLite compared as text: max(round(n, 1))
// over 10.5 and 2 was 2.0 and round(n, 1) > 5 compared a string with a
// number. The call gets the collation of numeric values, as arithmetic
// results do (arith.go), and is marked as an operand of numeric or
// run-time type, so comparisons go through pg_cmp and the result column
// is described from the argument's declared type (arith_types.go).

import "strings"

// exactCalls are the calls of numeric_funcs.go that are exact on
// numeric text. (This runs before float8round.go makes round(x) of a
// float8 pg_round_typed and arith_columns.go gives abs its type
// argument: those edit the call's name and last argument, inside the
// parentheses written here.)
var exactCalls = map[string]bool{"round": true, "trunc": true, "ceil": true, "ceiling": true, "floor": true, "abs": true}

// exactCallCollation gives the calls of exactCalls whose result may be
// numeric text the collation of numeric values.
func (x *tx) exactCallCollation() {
	if !x.castsChecked() {
		return
	}
	for i := x.n() - 3; i >= 0; i-- {
		t := x.T(i)
		name := strings.ToLower(t.text)
		if t.typ != tIdent || !exactCalls[name] || !x.isP(i+1, "(") || x.isP(i-1, ".") || x.relationAt(i) {
			continue
		}
		if t.ed && (t.out != funcRename[name] || t.out == "") {
			// rewritten already (abs of a numeric: numeric_funcargs.go),
			// or blanked: an argument copied into an enclosing call's
			// rewrite (sqrt(abs(n)): numericRuntimeCall)
			continue
		}
		e := x.match(i + 1)
		if e <= i+2 {
			continue
		}
		args := x.splitTop(i+2, e)
		arg := args[0]
		res, rtype := x.numType(arg[0], arg[1]), ""
		if res == "numeric" {
			// a decimal constant as numeric text: SQLite reads 10.005 as
			// a REAL, and trunc(10.005, 2) was 10 for PostgreSQL's 10.00
			x.numericLiteral(arg[0], arg[1]) // arith.go
		}
		switch {
		case len(args) == 2:
			res = "numeric" // round(x, n), trunc(x, n)
		case res == "int2", res == "int4", res == "int8", res == "float8", res == "float4":
			continue // a number, not text
		case res == "":
			if rtype = x.numTypeExpr(arg[0], arg[1]); rtype == "" {
				continue // the value decides, as before
			}
			if name != "abs" {
				// round(x) of an integer or a float8 is a float8
				rtype = "(CASE WHEN " + rtype + " = 'numeric' THEN 'numeric' ELSE 'float8' END)"
			}
		}
		// inside what encloses the call (pg_add( ... , type))
		x.T(i).pre += "("
		x.T(e).suf = " COLLATE " + NumericCollation + ")" + x.T(e).suf
		x.markCall(i, e, res, rtype)
	}
}
