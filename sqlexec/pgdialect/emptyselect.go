package pgdialect

import "strings"

// Empty select lists. PostgreSQL accepts a SELECT without select items
// (SELECT FROM t WHERE c, SELECT WHERE true, EXISTS (SELECT FROM t ...)):
// its rows have no columns. SQLite needs at least one item, so every
// empty list gets a NULL item; when the statement's own result is such a
// list, Stmt.NoColumns tells the session to describe and send its rows
// with zero columns (the row count and command tag are the rows').
//
// A statement whose top-level SELECTs mix empty and non-empty lists
// (SELECT 1 UNION SELECT FROM t: PostgreSQL's 42601, each UNION query must
// have the same number of columns) and INSERT ... SELECT FROM t (rows of
// defaults in PostgreSQL) are left as they are: SQLite's syntax error.

// emptySelectLists returns the statement with a NULL item in each empty
// select list, and whether its own result list was one.
func (x *tx) emptySelectLists() (string, bool) {
	var at []int // byte offsets after each empty list's SELECT
	top, empty, full := false, 0, 0
	for k := 0; k < x.n(); k++ {
		t := x.T(k)
		if !t.kw("SELECT") {
			continue
		}
		bare := k+1 >= x.n() || x.isP(k+1, ";") || x.isP(k+1, ")")
		if n := x.T(k + 1); !bare && n.typ == tIdent {
			switch n.upper() {
			case "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT", "WINDOW", "FOR", "FETCH":
				bare = true
			}
		}
		if x.depth[k] == 0 {
			if x.T(0).kw("INSERT") {
				continue
			}
			if bare {
				empty++
				if empty == 1 && full == 0 {
					top = true
				}
			} else {
				full++
			}
		}
		if bare {
			at = append(at, t.pos+len(t.text))
		}
	}
	if len(at) == 0 || empty > 0 && full > 0 {
		return x.src, false
	}
	var b strings.Builder
	last := 0
	for _, p := range at {
		b.WriteString(x.src[last:p])
		b.WriteString(" NULL")
		last = p
	}
	b.WriteString(x.src[last:])
	return b.String(), top
}
