package pgdialect

// round() of a float8 or a real (which PostgreSQL casts to float8 for it).
// PostgreSQL has two one-argument rounds:
// round(numeric) rounds half away from zero (round(2.5) is 3), round(double
// precision) half to even, like the C library's rint (round(2.5::float8)
// is 2, round(3.5::float8) 4). At run time both arrive as SQLite REALs (a
// decimal literal is one), so the function alone cannot tell them apart;
// the translation can, where the argument's type shows (a cast, float8
// arithmetic) or is a column's (read from the schema at run time, as
// arith_columns.go does): round(x) becomes pg_round_typed(x, type).

import (
	"database/sql/driver"
	"math"
	"strings"

	"modernc.org/sqlite"
)

// roundFloat8 rewrites the one-argument round calls whose argument's type
// the statement shows or a column gives.
func (x *tx) roundFloat8() {
	for i := 0; i+2 < x.n(); i++ {
		t := x.T(i)
		if t.typ != tIdent || t.ed || !strings.EqualFold(t.text, "round") || !x.isP(i+1, "(") || x.isP(i-1, ".") {
			continue
		}
		e := x.match(i + 1)
		if e <= i+2 || len(x.splitTop(i+2, e)) != 1 {
			continue
		}
		typ := x.numTypeExpr(i+2, e)
		if typ == "" || typ[0] == '\'' && typ != "'float8'" && typ != "'float4'" {
			continue // a static type other than float8 or real: round as numeric
		}
		t.set("pg_round_typed")
		x.T(e - 1).suf += ", " + typ
	}
}

// fnRoundTyped is pg_round_typed(x, type): round(x) of a value of the given
// type name (int2 ... float8, NULL when unknown).
func fnRoundTyped(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if f, ok := a[0].(float64); ok {
		if t, _ := a[1].(string); t == "float8" || t == "float4" {
			return math.RoundToEven(f), nil
		}
	}
	return numRound(false)(nil, a[:1])
}
