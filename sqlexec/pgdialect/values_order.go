package pgdialect

// values_order.go: a VALUES statement with its own ORDER BY, LIMIT,
// OFFSET or FETCH (VALUES (2), (1) ORDER BY 1), which PostgreSQL's
// grammar allows and SQLite's does not (a syntax error at ORDER). The
// rows become a FROM subquery, SELECT * FROM (VALUES ...) ORDER BY 1,
// which keeps their columns (column1, column2 ...), names and types.

// valuesOrder rewrites a top-level VALUES list, or a set operation whose
// first operand is one (SQLite refuses the ORDER BY after VALUES ...
// UNION VALUES ... too), followed by ORDER BY, LIMIT, OFFSET or FETCH (see
// above). A set operation of VALUES and SELECT operands has each VALUES
// operand wrapped instead (setop_select_values.go).
func (x *tx) valuesOrder() {
	if x.wrapValuesOperands() { // setop_select_values.go
		return
	}
	if !x.kw(0, "VALUES") {
		return
	}
	at := -1
	for k := 1; k < x.n() && at < 0; k++ {
		if x.depth[k] == 0 && (x.kw(k, "ORDER") || x.kw(k, "LIMIT") || x.kw(k, "OFFSET") || x.kw(k, "FETCH")) {
			at = k
		}
	}
	if at < 0 {
		return
	}
	x.T(0).pre = "SELECT * FROM (" + x.T(0).pre
	x.T(at - 1).suf += ")"
}
