package pgdialect

// mod_type.go: the run-time type of mod(x, y), the mod of its arguments'
// types (PostgreSQL's mod(int2, int2), mod(int4, int4), mod(int8, int8),
// mod(numeric, numeric)). Of a column it was of no type numTypeExpr
// knew, so arithmetic over it fell back to SQLite's and ordered as text:
// mod(i2, 5) * n of a numeric column put 300 before 2.5 (the fuzz
// tester's seed 782441).

import "strings"

// modTypeExpr is numTypeExpr of a..b-1 when it is mod(x, y) with both
// arguments' types known (statically or at run time), "" otherwise.
func (x *tx) modTypeExpr(a, b int) string {
	t := x.T(a)
	if t.typ != tIdent || !strings.EqualFold(t.text, "mod") || !x.isP(a+1, "(") || x.match(a+1) != b-1 || x.isP(a-1, ".") {
		return ""
	}
	args := x.splitTop(a+2, b-1)
	if len(args) != 2 {
		return ""
	}
	l, r := x.numTypeExpr(args[0][0], args[0][1]), x.numTypeExpr(args[1][0], args[1][1])
	if l == "" || r == "" {
		return ""
	}
	if l[0] == '\'' && r[0] == '\'' {
		if res := arithResult("mod", strings.Trim(l, "'"), strings.Trim(r, "'")); res != "" {
			return quoteLit(res)
		}
		return ""
	}
	return "(SELECT " + arithRuntimeMark + "'mod', " + l + ", " + r + "))"
}
