package pgdialect

// round_type.go: the run-time type of round, trunc, ceil, ceiling, floor
// and sign of one argument. PostgreSQL has them for numeric (numeric)
// and double precision (float8, which an integer or real argument is
// cast to); of a column they were of no type numTypeExpr knew, so the
// arithmetic around them fell back to SQLite's: round(n) / 2 of a
// numeric column was integer division (1.25 gave 0, PostgreSQL 0.5),
// 7 / round(n) 0 for -8 (PostgreSQL -0.875).

import "strings"

// roundTypeExpr is numTypeExpr of a..b-1 when it is such a call of one
// argument: 'numeric' of a numeric, 'float8' of another number, a
// run-time choice between them over an argument of run-time type; ""
// otherwise (a call of two arguments is numeric, which numType knows).
func (x *tx) roundTypeExpr(a, b int) string {
	t := x.T(a)
	if t.typ != tIdent || !x.isP(a+1, "(") || x.match(a+1) != b-1 || x.isP(a-1, ".") {
		return ""
	}
	switch strings.ToLower(t.text) {
	case "round", "trunc", "ceil", "ceiling", "floor", "sign":
	default:
		return ""
	}
	args := x.splitTop(a+2, b-1)
	if len(args) != 1 {
		return ""
	}
	rt := x.numTypeExpr(args[0][0], args[0][1])
	switch rt {
	case "":
		return ""
	case "'numeric'":
		return rt
	case "'int2'", "'int4'", "'int8'", "'float4'", "'float8'":
		return "'float8'"
	}
	if rt[0] == '\'' {
		return "" // no number (money keeps its own round: money.go)
	}
	return "(CASE WHEN " + rt + " = 'numeric' THEN 'numeric' WHEN " + rt + " IN ('int2', 'int4', 'int8', 'float4', 'float8') THEN 'float8' ELSE '' END)"
}
