package pgdialect

// json_derived_column.go: the declared type of a json column read through
// a FROM subquery or a CTE. ->, ->>, #> and #>> answer json's text as
// written or jsonb's form by the column's declared type
// (json_column_get.go), which the schema gives only for a table's or
// view's column. A derived table's column was looked up by its name among
// all the statement's tables: one renamed (SELECT j AS k ... ) s, read
// with a qualifier (s.j), or from a CTE was jsonb's form
// ('{"a" : [1,2]}' -> 'a' printed [1, 2], PostgreSQL [1,2]), and a jsonb
// item named as a json column of the inner table (SELECT b AS j) was
// read as json. Here a reference to a derived table's column follows
// the select list item that names it to the column it reads.

// derivedColumnTypeExpr is the declared type expression of the column
// c of a FROM subquery or CTE (aliased q, any at the depth of the
// reference at ref when q is ""), the SQL "NULL" when the item that
// names it is not a bare column, and found false when no derived
// relation names c.
func (x *tx) derivedColumnTypeExpr(ref int, q, c string, hops int) (te string, found bool) {
	if hops > 8 {
		return "NULL", true
	}
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
			found, te = true, x.columnTypeExpr("", c) // SELECT *: the inner table's column
			return
		}
		for i, it := range items {
			a, b := x.itemExpr(it[0], it[1]) // typeresolve.go
			name := ""
			if i < len(cols) {
				name = cols[i]
			} else if b < it[1] {
				name = x.T(it[1] - 1).identName()
			} else if _, col, ok := x.bareColumn(a, b); ok {
				name = col
			}
			if name != c {
				continue
			}
			found, te = true, "NULL"
			if q2, c2, ok := x.bareColumn(a, b); ok {
				if t, ok := x.derivedColumnTypeExpr(a, q2, c2, hops+1); ok {
					te = t
				} else {
					te = x.columnTypeExpr(q2, c2) // pgcast.go
				}
			}
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
		return te, found
	}
	defs, _, recursive, ok := x.withList(0) // withdml.go
	if !ok || recursive {
		return te, found
	}
	for _, ft := range x.fromTables() { // pgcast.go
		if q != "" && ft.alias != q && !(ft.alias == "" && ft.name == q) {
			continue
		}
		for _, d := range defs {
			if d.name == ft.name && x.kw(d.lo, "SELECT") && !(d.lo <= ref && ref < d.hi) {
				follow(d.lo, d.hi, d.cols)
				if found {
					return te, found
				}
			}
		}
	}
	return te, found
}
