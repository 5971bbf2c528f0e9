package pgdialect

// setoporder.go: the ORDER BY of a UNION, INTERSECT or EXCEPT names its
// result columns only (by name or number). An expression there is
// PostgreSQL's 0A000 "invalid UNION/INTERSECT/EXCEPT ORDER BY clause" at
// the expression; SQLite refuses it for UNION ALL, INTERSECT and EXCEPT
// too (without a place), but a UNION [DISTINCT] is run as a SELECT
// DISTINCT over the arms (unionfirst.go), whose ORDER BY would sort by
// the expression: a silently different answer. So the check runs on the
// client's text, before anything is rewritten.

// setOpOrderHint and setOpOrderDetail are PostgreSQL's words with the
// refusal.
const (
	setOpOrderDetail = "Only result column names can be used, not expressions or functions."
	setOpOrderHint   = "Add the expression/function to every SELECT, or move the UNION into a FROM clause."
)

// setOpOrderBy returns the refusal of the first set operation's ORDER BY
// item that is an expression, or nil. An item that is one name or
// constant (in parentheses too), a qualified name (PostgreSQL's 42P01,
// left to SQLite's refusal) or one with COLLATE (PostgreSQL checks the
// collation first) is let through.
func (x *tx) setOpOrderBy() *Error {
	for k := 0; k < x.n(); k++ {
		// a query's start: its SELECT, or the parenthesis of its first arm
		if !x.kw(k, "SELECT") && !(x.isP(k, "(") && x.kw(k+1, "SELECT")) || x.afterSetOp(k) {
			continue
		}
		ob := x.setOpOrderAt(k)
		if ob < 0 {
			continue
		}
		for _, it := range x.splitTop(ob+2, x.orderListEnd(ob+2)) {
			a, b := it[0], x.sortKeyEnd(it[0], it[1])
			for b > a+1 && x.isP(a, "(") && x.match(a) == b-1 {
				a, b = a+1, b-1
			}
			if b <= a+1 || x.findKw(a, b, x.depth[a], "COLLATE") >= 0 || x.isP(a+1, ".") && b == a+3 {
				continue
			}
			return &Error{Code: "0A000", Message: "invalid UNION/INTERSECT/EXCEPT ORDER BY clause",
				Detail: setOpOrderDetail, Hint: setOpOrderHint, Position: x.charPos(a)}
		}
	}
	return nil
}

// setOpOrderAt is the ORDER BY token of the query whose first arm starts
// at k when the query has a set operation, else -1.
func (x *tx) setOpOrderAt(k int) int {
	d := x.depth[k]
	setOp := false
	for i := k + 1; i < x.n() && x.depth[i] >= d; i++ {
		switch {
		case x.depth[i] != d:
		case x.isP(i, ";"):
			return -1
		case x.isSetOp(i):
			setOp = true
		case setOp && x.kw(i, "ORDER", "BY"):
			return i
		}
	}
	return -1
}

// orderListEnd is the end of the ORDER BY list starting at a: LIMIT,
// OFFSET, FETCH, FOR, ";" or the enclosing ")".
func (x *tx) orderListEnd(a int) int {
	d := x.depth[min(a, x.n()-1)]
	for i := a; i < x.n(); i++ {
		if x.depth[i] < d || x.depth[i] == d && (x.isP(i, ";") || x.kw(i, "LIMIT") || x.kw(i, "OFFSET") ||
			x.kw(i, "FETCH") || x.kw(i, "FOR")) {
			return i
		}
	}
	return x.n()
}

// sortKeyEnd is the end of the sort key of the ORDER BY item [a, b):
// before ASC, DESC, USING op and NULLS FIRST/LAST.
func (x *tx) sortKeyEnd(a, b int) int {
	d := x.depth[a]
	for i := a + 1; i < b; i++ {
		if x.depth[i] == d && (x.kw(i, "ASC") || x.kw(i, "DESC") || x.kw(i, "USING") || x.kw(i, "NULLS")) {
			return i
		}
	}
	return b
}
