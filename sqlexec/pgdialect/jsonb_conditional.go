package pgdialect

// jsonb_conditional.go: a CASE, coalesce, nullif, greatest or least over
// jsonb columns. A column's value carries the pg_jsonb collation
// (jsonb_order.go), but a CASE's or a function's result has none, so
// SQLite ordered and compared such a result as text ('{"a": 10}' before
// '{"a": 9}', '[]' after 'null'; found by the differential fuzz tester,
// seed 8000129) where PostgreSQL orders the jsonb values. The translator
// has no schema: as for a numeric or interval conditional
// (orderby_numeric.go), the result takes the collation where the
// statement's run-time types say it is jsonb:
//
//	ORDER BY (CASE WHEN 'jsonb' IN (<j's declared type>, ...)
//	  THEN coalesce(j, k) END) COLLATE pg_jsonb, coalesce(j, k)
//
// The run-time type is the schema's, the same on every node.

import "strings"

// conditionalJSONBCond is the SQL condition under which the conditional
// a..b-1 (a CASE or a coalesce, nullif, greatest or least call) has a
// jsonb result: a branch that is a
// column of a table the statement names, of declared type jsonb, or a
// conditional of such a branch; "" when no branch is such a column.
func (x *tx) conditionalJSONBCond(a, b int) string {
	switch t := x.T(a); {
	case t.kw("CASE"):
	case t.typ == tIdent && (strings.EqualFold(t.text, "coalesce") || strings.EqualFold(t.text, "nullif") ||
		strings.EqualFold(t.text, "greatest") || strings.EqualFold(t.text, "least")):
	default:
		return "" // a scalar subquery is left as it was; jsonb has no sum, avg, min, max
	}
	var rts, conds []string
	for _, br := range x.conditionalBranches(a, b) { // numeric_runtimecmp.go
		if rt := x.columnSrcType(br[0], br[1]); rt != "" { // castsource.go
			rts = append(rts, rt)
		} else if ba, bb := x.unparen(br[0], br[1]); bb > ba {
			// coalesce(CASE WHEN b THEN j END, k)
			if c := x.conditionalJSONBCond(ba, bb); c != "" {
				conds = append(conds, c)
			}
		}
	}
	if len(rts) > 0 {
		conds = append(conds, "'jsonb' IN ("+strings.Join(rts, ", ")+")")
	}
	return strings.Join(conds, " OR ")
}
