package pgdialect

// jsonb_call_order.go: a jsonb function's result compares and orders as
// jsonb.
//
// A jsonb column, a jsonb cast and the -> / #> results carry the pg_jsonb
// collation (jsonb_order.go); a call of a function returning jsonb did
// not, so its text ordered as text: ORDER BY jsonb_agg(i) put [null]
// before [-7, 3] (PostgreSQL: an array with more elements after one with
// fewer), and jsonb_build_array(10) before jsonb_build_array(7), where
// PostgreSQL compares the numbers (the differential fuzz tester, seed
// 821017). Every call of a function PostgreSQL types jsonb now carries
// the collation after its FILTER and OVER clauses, as a jsonb column
// does, so comparisons, ORDER BY, DISTINCT, GROUP BY and min/max follow
// jsonb's order.

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// jsonbCallsCollated gives every call of a function of jsonb result
// (funcResultOIDs) the pg_jsonb collation.
func (x *tx) jsonbCallsCollated() {
	if !x.castsChecked() {
		return
	}
	for i := 0; i+1 < x.n(); i++ {
		t := x.T(i)
		if t.typ != tIdent || !x.isP(i+1, "(") || x.isP(i-1, ".") || funcResultOIDs[strings.ToLower(t.text)] != pgoid.JSONB {
			continue
		}
		e := x.callClausesEnd(i) // aliases.go: after FILTER (...) and OVER (...)
		if e <= i {
			continue
		}
		// on the closing parenthesis itself, inside what wraps the call
		// already (a cast's pg_text(...)): f(x) COLLATE c binds as one
		// operand
		c := x.T(e)
		out := c.text
		if c.ed {
			out = c.out
		}
		c.set(out + " COLLATE " + JSONBCollation)
	}
}
