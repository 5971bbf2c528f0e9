package pgdialect

// Set operations. PostgreSQL lets an operand of UNION / INTERSECT /
// EXCEPT, and a whole query, be a parenthesised query with its own ORDER
// BY and LIMIT: (SELECT ... LIMIT 2) UNION ALL (SELECT ...); SQLite's
// grammar has no parentheses there. Each such operand is made a subquery:
// SELECT * FROM (SELECT ... LIMIT 2), which keeps its columns, their
// names and declared types.

// setOpParens rewrites parenthesised set-operation operands (see above).
func (x *tx) setOpParens() {
	for i := 0; i+1 < x.n(); i++ {
		if !x.isP(i, "(") || !x.kw(i+1, "SELECT") && !x.kw(i+1, "WITH") && !x.kw(i+1, "VALUES") {
			continue
		}
		e := x.match(i)
		if e >= x.n() {
			return
		}
		if i == 0 || x.afterSetOp(i) || x.isSetOp(e+1) && !x.scalarContext(i) || x.insertSource(i) {
			x.T(i).pre = "SELECT * FROM " + x.T(i).pre
		}
	}
}

// isSetOp reports whether token i is UNION, INTERSECT or EXCEPT.
func (x *tx) isSetOp(i int) bool {
	return x.kw(i, "UNION") || x.kw(i, "INTERSECT") || x.kw(i, "EXCEPT")
}

// afterSetOp reports whether token i follows a set operator (and its ALL
// or DISTINCT).
func (x *tx) afterSetOp(i int) bool {
	if x.kw(i-1, "ALL") || x.kw(i-1, "DISTINCT") {
		i--
	}
	return x.isSetOp(i - 1)
}

// insertSource reports whether the "(" at i starts the source of INSERT
// INTO t [(cols)] (SELECT ...).
func (x *tx) insertSource(i int) bool {
	if !x.kw(0, "INSERT", "INTO") || x.depth[i] != 0 {
		return false
	}
	_, j := x.name(2)
	if x.kw(j, "AS") {
		j += 2
	}
	if x.isP(j, "(") && j != i {
		j = x.match(j) + 1
	}
	return j == i
}
