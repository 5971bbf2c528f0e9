package pgdialect

// datetime_subquery.go: a scalar subquery as an operand of date/time
// arithmetic. The translator reads an operand's date/time type from the
// statement or from a column's declared type (datetime_columns.go,
// datetime_nested.go); a scalar subquery was neither, so ts - (SELECT iv
// FROM t WHERE id = 1) and (SELECT max(ts) FROM t) - ts took numeric
// arithmetic (22P02 on the timestamp's text), and beside a typed operand
// (now() - (SELECT max(tz) FROM t)) the value's text decided, which reads
// an interval printed 10:30:00 as a time of day. A scalar subquery is of
// its one item's type, so its type expression is its item's: a column's
// declared type, an aggregate's, a nested result's, each a constant of
// the schema (an uncorrelated expression SQLite evaluates once).

// subqueryDTType is the date/time type expression (dtTypeExpr) of the
// single item of the scalar subquery a..b-1, "" when a..b-1 is no such
// subquery (several items, a set operation, whose type is its arms') or
// its item's type is not known.
func (x *tx) subqueryDTType(a, b int) string {
	if b-a < 4 || !x.isP(a, "(") || x.match(a) != b-1 || !x.kw(a+1, "SELECT") {
		return ""
	}
	d := x.depth[a+1]
	for _, op := range []string{"UNION", "INTERSECT", "EXCEPT"} {
		if x.findKw(a+1, b-1, d, op) >= 0 {
			return ""
		}
	}
	items, _ := x.selectListAt(a + 1)
	if len(items) != 1 {
		return ""
	}
	ia, ib := x.itemExpr(items[0][0], items[0][1])
	if ia >= ib || x.isP(ib-1, "*") {
		return ""
	}
	return x.dtTypeExpr(ia, ib)
}
