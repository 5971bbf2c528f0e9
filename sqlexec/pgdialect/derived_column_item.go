package pgdialect

// derived_column_item.go: the select list item that names a FROM
// subquery's or CTE's column, followed from a reference to it: the
// column's type is that item's (a json column's declared type,
// json_derived_column.go; a date/time expression's, datetime_expr_type.go).

// derivedColumnItem is the select list item a..b-1 (its expression) that
// names the column c of a FROM subquery or CTE (aliased q, any at the
// depth of the reference at ref when q is ""): star when the relation is
// SELECT * (the inner table's column), found false when no derived
// relation names c.
func (x *tx) derivedColumnItem(ref int, q, c string) (a, b int, star, found bool) {
	// follow reads the select list of the SELECT at sel (to hi), renamed
	// by cols, for the item named c
	follow := func(sel, hi int, cols []string) {
		lo := sel + 1
		if x.kw(lo, "DISTINCT") || x.kw(lo, "ALL") {
			if x.kw(lo, "DISTINCT") && x.isP(lo+1, "(") {
				return // DISTINCT ON: not read
			}
			lo++
		}
		end := hi
		for _, kw := range []string{"FROM", "UNION", "INTERSECT", "EXCEPT", "WHERE", "GROUP", "ORDER", "LIMIT"} {
			if f := x.findKw(lo, end, x.depth[lo], kw); f > lo {
				end = f
			}
		}
		items := x.splitTop(lo, end)
		if len(items) == 1 && items[0][1] == items[0][0]+1 && x.isP(items[0][0], "*") && len(cols) == 0 {
			found, star = true, true
			return
		}
		for i, it := range items {
			ia, ib := x.itemExpr(it[0], it[1]) // typeresolve.go
			name := ""
			if i < len(cols) {
				name = cols[i]
			} else if ib < it[1] {
				name = x.T(it[1] - 1).identName()
			} else if _, col, ok := x.bareColumn(ia, ib); ok {
				name = col
			}
			if name != c {
				continue
			}
			a, b, found = ia, ib, true
			return
		}
	}
	x.fromSubqueries(func(open, k, j int) bool { // json_text.go
		if q != "" && x.T(j).identName() != q || q == "" && x.depth[open] != x.depth[ref] || open < ref && ref < k || !x.kw(open+1, "SELECT") {
			return true
		}
		var cols []string
		if x.isP(j+1, "(") {
			cols = x.parenNames(j+1, x.n())
		}
		follow(open+1, k, cols)
		return !found
	})
	if found || !x.kw(0, "WITH") {
		return a, b, star, found
	}
	defs, _, recursive, ok := x.withList(0) // withdml.go
	if !ok || recursive {
		return a, b, star, found
	}
	for _, ft := range x.fromTables() { // pgcast.go
		if q != "" && ft.alias != q && !(ft.alias == "" && ft.name == q) {
			continue
		}
		for _, d := range defs {
			if d.name == ft.name && x.kw(d.lo, "SELECT") && !(d.lo <= ref && ref < d.hi) {
				follow(d.lo, d.hi, d.cols)
				if found {
					return a, b, star, found
				}
			}
		}
	}
	return a, b, star, found
}
