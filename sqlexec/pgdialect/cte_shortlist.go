package pgdialect

import "strings"

// cte_shortlist.go: a WITH query's column list naming fewer columns than
// its query has. PostgreSQL renames the leading columns and keeps the
// query's own names for the rest (WITH x(n) AS (SELECT 1, 2) has columns
// n and ?column?); SQLite requires the list to name every column ("table
// x has 2 values for 1 columns"). Where the query's columns can be read
// from its text (a select list without *, a VALUES list), the list is
// completed with the names PostgreSQL gives the remaining columns; the
// others stay as they are and keep their error (litemessages.go).

// cteShortLists is sql with each short WITH column list completed, or
// sql itself when there is none.
func cteShortLists(sql string) string {
	if !strings.Contains(strings.ToUpper(sql), "WITH") {
		return sql
	}
	x := newTx(sql)
	changed := false
	for i := 0; i < x.n(); i++ {
		if !x.T(i).kw("WITH") {
			continue
		}
		k := i + 1
		if x.kw(k, "RECURSIVE") {
			k++
		}
		for {
			if _, j := x.name(k); j != k+1 {
				break // not a CTE name (WITH ORDINALITY (..., WITH TIME ZONE ...)
			}
			k++
			var cols [][2]int
			colEnd := -1
			if x.isP(k, "(") {
				colEnd = x.match(k)
				cols = x.splitTop(k+1, colEnd)
				k = colEnd + 1
			}
			if !x.kw(k, "AS") {
				break
			}
			k++
			if x.kw(k, "NOT", "MATERIALIZED") {
				k += 2
			} else if x.kw(k, "MATERIALIZED") {
				k++
			}
			if !x.isP(k, "(") {
				break
			}
			end := x.match(k)
			if colEnd >= 0 && len(cols) > 0 {
				if names, ok := x.queryColumnNames(k + 1); ok && len(names) > len(cols) {
					var b strings.Builder
					for _, n := range names[len(cols):] {
						b.WriteString(", " + quoteIdent(n))
					}
					x.T(colEnd - 1).wsuf += b.String()
					changed = true
				}
			}
			k = end + 1
			if !x.isP(k, ",") {
				break
			}
			k++
		}
	}
	if !changed {
		return sql
	}
	return x.all()
}

// queryColumnNames is the names PostgreSQL gives the columns of the query
// starting at i (a SELECT without * in its select list, or VALUES), and
// false when they cannot be read from its text.
func (x *tx) queryColumnNames(i int) ([]string, bool) {
	switch {
	case x.T(i).kw("VALUES") && x.isP(i+1, "("):
		n := len(x.splitTop(i+2, x.match(i+1)))
		names := make([]string, n)
		for k := range names {
			names[k] = "column" + itoa(k+1)
		}
		return names, n > 0
	case x.T(i).kw("SELECT"):
		items, _ := x.selectListAt(i)
		var names []string
		for _, it := range items {
			a, b := it[0], it[1]
			if a >= b || x.isP(b-1, "*") {
				return nil, false
			}
			name, has, _ := x.itemName(a, b)
			switch {
			case has:
				name = x.T(b - 1).identName()
			case name != "":
			default:
				if n, j := x.name(a); n != "" && j == b {
					name = n
				} else {
					name = x.figureName(a, b)
				}
			}
			names = append(names, name)
		}
		return names, len(names) > 0
	}
	return nil, false
}
