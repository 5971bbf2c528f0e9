package pgdialect

// Common types in nested queries. PostgreSQL resolves every VALUES list
// and every set operation to one type per column (select_common_type),
// wherever it stands, and types a decimal constant as numeric wherever it
// is a value; resolveSetOps (typeresolve.go) and numericItem (arith.go)
// do so for the statement's own VALUES list, set operation and select
// list. This file does the same for the queries nested in a read-only
// statement (a FROM item, a CTE's body, a subquery): (VALUES (0.1),
// (0.2), (0.3)) v(x) is a numeric column whose constants stay exact (sum
// is 0.6, not SQLite's 0.6000000000000001), whose integers are widened
// to numeric and whose quoted literals are read by numeric's input
// function ('NaN', 'Infinity'), so the column sorts, groups, compares and
// aggregates by numeric value; WITH c AS (SELECT 0.1 AS x UNION ALL
// SELECT 0.2) likewise. derivedcols.go types the references to such a
// column from the same rules.
//
// A data-modifying statement is resolved the same way: the values it
// stores reach the target columns' input functions (pg_in_col) as
// numeric text, which a numeric column keeps digit for digit (INSERT ...
// SELECT x FROM (VALUES (12345678901234567.89)) v(x) is exact, where
// SQLite's float kept 17 digits) and an integer column converts by
// numeric's assignment cast (enforce.go, integerAssign: 1.5 is 2).

// resolveNested resolves the nested VALUES lists and set operations and
// makes the numeric constants of nested select lists and of aggregates
// (sum(0.1)) exact; the error is
// PostgreSQL's for a literal that is not valid input for its column's
// type, or for types that cannot be matched (42804).
func (x *tx) resolveNested() error {
	if !x.castsChecked() {
		return nil
	}
	for k := 1; k < x.n(); k++ {
		if !x.isP(k-1, "(") {
			continue
		}
		m := x.match(k - 1)
		if m < 0 {
			continue
		}
		var rows [][][2]int
		what := "VALUES"
		switch {
		case x.kw(k, "VALUES"):
			rows = x.valuesRows(k, m) // derivedcols.go
		case x.kw(k, "SELECT"):
			rows, what = x.setOpRows(k, m)
		}
		if len(rows) == 0 {
			continue
		}
		if _, err := x.resolveRows(rows, what); err != nil { // typeresolve.go
			return err
		}
	}
	if x.T(0).kw("INSERT") {
		// INSERT ... SELECT ... UNION ...: the set operation's columns
		// are of its branches' common type, as in a SELECT statement
		for k := 1; k < x.n(); k++ {
			if x.depth[k] == 0 && x.T(k).kw("SELECT") {
				if rows, what := x.setOpRows(k, x.n()); len(rows) > 0 {
					if _, err := x.resolveRows(rows, what); err != nil {
						return err
					}
				}
				break
			}
		}
	}
	for k := 0; k < x.n(); k++ {
		t := x.T(k)
		name := t.identName()
		if t.ed && t.out != "" && t.out == funcRename[name] {
			name = t.out // array_agg is pg_array_agg (array_translate.go)
		}
		if t.typ == tIdent && (!t.ed || name != t.identName()) && aggTyped[name] && x.isP(k+1, "(") && !x.isP(k-1, ".") {
			// an aggregate of a constant: sum(0.1) over three rows is
			// 0.3, array_agg(0.0 ORDER BY 0.0) is {0.0,0.0}
			a := k + 2
			if x.kw(a, "DISTINCT") || x.kw(a, "ALL") {
				a++
			}
			if m := x.match(k + 1); m > a {
				if o := x.findKw(a, m, x.depth[a], "ORDER"); o > a {
					m = o
				}
				x.numericConst(a, m) // arith.go
			}
			continue
		}
		if !x.T(k).kw("SELECT") || x.depth[k] == 0 && !x.T(0).kw("INSERT") {
			continue // a SELECT statement's own list: resolveSetOps
		}
		items, _ := x.selectListAt(k)
		for _, it := range items {
			if it[0] < it[1] {
				x.numericItem(it[0], it[1]) // arith.go
			}
		}
	}
	// min/max of a numeric conditional over its arguments as resolved
	// (coalesce(i, 1.50) keeps the constant's digits)
	x.minMaxConditional()      // minmax_conditional.go
	x.conditionalMemberships() // membership_conditional.go: likewise
	x.jsonbCompares()          // jsonb_conditional.go: likewise
	return nil
}

// setOpRows returns the items of the select lists of the set operation
// starting with the SELECT at s (ending before b) and the operation's
// name; nil when the query is no set operation, or a branch is a VALUES
// list or has a *.
func (x *tx) setOpRows(s, b int) ([][][2]int, string) {
	d := x.depth[s]
	what := ""
	for k := s + 1; k < b; k++ {
		if x.depth[k] == d && (x.kw(k, "UNION") || x.kw(k, "INTERSECT") || x.kw(k, "EXCEPT")) {
			if what == "" {
				what = x.T(k).upper()
			}
			if x.kw(k+1, "VALUES") || x.kw(k+1, "ALL", "VALUES") || x.kw(k+1, "DISTINCT", "VALUES") || x.isP(k+1, "(") {
				return nil, ""
			}
		}
	}
	if what == "" {
		return nil, ""
	}
	var rows [][][2]int
	for k := s; k < b; k++ {
		if x.depth[k] != d || !x.T(k).kw("SELECT") {
			continue
		}
		l, _ := x.selectListAt(k)
		items := make([][2]int, len(l))
		for i, it := range l {
			if it[1] > it[0] && x.isP(it[1]-1, "*") {
				return nil, ""
			}
			items[i][0], items[i][1] = x.itemExpr(it[0], it[1])
		}
		rows = append(rows, items)
	}
	return rows, what
}
