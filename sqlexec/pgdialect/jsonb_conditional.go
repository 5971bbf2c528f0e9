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

import (
	"maps"
	"slices"
	"strings"
)

// conditionalJSONBCond is the SQL condition under which the conditional
// a..b-1 (a CASE or a coalesce, nullif, greatest or least call) has a
// jsonb result: a branch that is a
// column of a table the statement names, of declared type jsonb, or a
// conditional of such a branch; "" when no branch is such a column.
func (x *tx) conditionalJSONBCond(a, b int) string {
	if !x.conditionalCall(a) && !x.windowValueCall(a, b) { // lag(j) OVER (...) too
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

// conditionalCall reports whether the expression at a is a CASE or a
// coalesce, nullif, greatest or least call.
func (x *tx) conditionalCall(a int) bool {
	t := x.T(a)
	return t.kw("CASE") || t.typ == tIdent && (strings.EqualFold(t.text, "coalesce") || strings.EqualFold(t.text, "nullif") ||
		strings.EqualFold(t.text, "greatest") || strings.EqualFold(t.text, "least"))
}

// jsonbCompare is a comparison whose operand is a conditional of jsonb
// or interval columns: its operands' extent ls..re-1 and the collations
// it compares with, and when.
type jsonbCompare struct {
	ls, re int
	whens  []collatedWhen
}

// collatedWhen is a collation a conditional's result compares with and
// the SQL condition under which it does.
type collatedWhen struct{ cond, coll string }

// noteJSONBCompare records the comparison at i between ls..i-1 and
// i+1..re-1 when an operand is a conditional that may be jsonb or
// interval and arithCompare left it as written (coalesce(j, k) < '1' and
// coalesce(iv, '1 sec') < '1 hour' compared the texts). The rewrite
// copies the operands, so it is made once their text is final
// (jsonbCompares, from resolveNested).
func (x *tx) noteJSONBCompare(i, ls, re int) {
	if !x.castsChecked() || x.T(i).ed || x.T(i).typ != tOp {
		return
	}
	whens := x.compareCollations(i, ls, re)
	if len(whens) == 0 {
		return
	}
	if x.jsonbCmps == nil {
		x.jsonbCmps = map[int]jsonbCompare{}
	}
	x.jsonbCmps[i] = jsonbCompare{ls, re, whens}
}

// compareCollations are the collations the comparison at i between
// ls..i-1 and i+1..re-1 compares with: jsonb's where an operand is a
// conditional of jsonb columns (conditionalJSONBCond), interval's where
// one is a conditional of interval columns (conditionalIntervalCond,
// orderby_numeric.go: '1 day' = '24 hours', '1 mon' > '29 days'); none
// when neither is. arith.go's run-time comparison of two conditionals
// puts them in its own CASE (coalesce(a.j, a.k) = coalesce(b.k, b.j)).
func (x *tx) compareCollations(i, ls, re int) []collatedWhen {
	var whens []collatedWhen
	for _, c := range []struct {
		coll string
		when func(a, b int) string
	}{{JSONBCollation, x.conditionalJSONBCond}, {IntervalCollation, x.conditionalIntervalCond}, {NumericCollation, x.conditionalNumericCond}} {
		var conds []string
		for _, side := range [][2]int{{ls, i}, {i + 1, re}} {
			if a, b := x.unparen(side[0], side[1]); b > a && x.conditionalCall(a) {
				if cond := c.when(a, b); cond != "" {
					conds = append(conds, cond)
				}
			}
		}
		if len(conds) > 0 {
			whens = append(whens, collatedWhen{strings.Join(conds, " OR "), c.coll})
		}
	}
	return whens
}

// collatedWhens is the WHEN arms that compare left op right with the
// collations whens names.
func collatedWhens(whens []collatedWhen, left, op, right string) string {
	var sb strings.Builder
	for _, w := range whens {
		sb.WriteString(" WHEN " + w.cond + " THEN (" + left + ") COLLATE " + w.coll + " " + op + " " + right)
	}
	return sb.String()
}

// jsonbCompares rewrites the comparisons noteJSONBCompare recorded, the
// last first (one inside another's operand is in the text the outer one
// copies), as
//
//	(CASE WHEN <jsonb> THEN (l) COLLATE pg_jsonb op r ELSE l op r END)
//
// unless a rewrite since took the operator into a form of its own.
func (x *tx) jsonbCompares() {
	for _, i := range slices.Backward(slices.Sorted(maps.Keys(x.jsonbCmps))) {
		c := x.jsonbCmps[i]
		if x.T(i).ed {
			continue
		}
		op := x.T(i).text
		x.commonLiteralsWithin(c.ls, c.re)         // unknownlit.go: coalesce(iv, '1 sec') is copied below
		pre, suf := x.T(c.ls).pre, x.T(c.re-1).suf // what encloses the comparison stays around it
		x.T(c.ls).pre, x.T(c.re-1).suf = "", ""
		left, right := x.text(c.ls, i), x.text(i+1, c.re)
		x.wipe(c.ls, c.re)
		x.T(c.ls).set("(CASE" + collatedWhens(c.whens, left, op, right) + " ELSE " + left + " " + op + " " + right + " END)")
		x.T(c.ls).pre, x.T(c.re-1).suf = pre, suf
		x.castEnd[c.re-1] = c.ls
	}
}
