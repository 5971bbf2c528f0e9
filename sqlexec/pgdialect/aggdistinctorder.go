package pgdialect

// aggdistinctorder.go: an aggregate call with DISTINCT and its own ORDER
// BY (string_agg(DISTINCT x, ',' ORDER BY y)). PostgreSQL sorts the
// distinct argument tuples, so every ORDER BY expression must be one of the
// arguments: otherwise 42P10 "in an aggregate with DISTINCT, ORDER BY
// expressions must appear in argument list", at the expression. SQLite
// takes any ORDER BY there and answered with the rows in y's order, an
// answer PostgreSQL never gives. The expressions are compared as written
// (parentheses around the whole and identifier case aside; a bare column
// matches a qualified one of the same name); a string literal alone never
// matches, as in PostgreSQL (the ORDER BY's literal stays unknown where
// the argument's was coerced), one inside an expression matches the same
// literal (x || 'a' ORDER BY x || 'a').

// aggDistinctOrder refuses such a call as PostgreSQL does.
func (x *tx) aggDistinctOrder() error {
	for i := 0; i+3 < x.n(); i++ {
		if x.T(i).typ != tIdent || !x.isP(i+1, "(") || !x.kw(i+2, "DISTINCT") || x.isP(i-1, ".") {
			continue
		}
		m := x.match(i + 1)
		d := x.depth[i+2]
		ob := -1
		for k := i + 3; k < m; k++ {
			if x.depth[k] == d && x.kw(k, "ORDER", "BY") {
				ob = k
				break
			}
		}
		if ob < 0 {
			continue
		}
		args := x.splitTop(i+3, ob)
		for _, it := range x.splitTop(ob+2, m) {
			a, b := it[0], x.sortKeyEnd(it[0], it[1]) // setoporder.go
			found := false
			for _, g := range args {
				if x.sameExpr(a, b, g[0], g[1]) {
					found = true
					break
				}
			}
			if !found {
				return &Error{Code: "42P10", Message: "in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list", Position: x.T(a).pos + 1}
			}
		}
	}
	return nil
}

// sameExpr reports whether a..b-1 and c..e-1 are written as the same
// expression (see the file's comment).
func (x *tx) sameExpr(a, b, c, e int) bool {
	a, b = x.unparen(a, b)
	c, e = x.unparen(c, e)
	if na, ea := x.columnRefEnd(a), x.columnRefEnd(c); na == b && ea == e && na >= 0 && ea >= 0 {
		// columns: the same name, and the same qualifier where both have one
		if x.T(b-1).identName() != x.T(e-1).identName() {
			return false
		}
		if b-a == 1 || e-c == 1 {
			return true
		}
	}
	if b-a != e-c {
		return false
	}
	for k := 0; k < b-a; k++ {
		s, t := x.T(a+k), x.T(c+k)
		if s.typ != t.typ || (s.typ == tString || s.typ == tDollar) && (b-a == 1 || s.text != t.text) {
			// a literal inside an expression is coerced alike in both
			// (x || 'a' ORDER BY x || 'a'); alone it is not
			return false
		}
		if s.typ == tIdent || s.typ == tQIdent {
			if s.identName() != t.identName() {
				return false
			}
		} else if s.text != t.text {
			return false
		}
	}
	return true
}
