package pgdialect

// Result types of scalar subqueries. SQLite declares no type for
// (SELECT max(i) FROM t) as a result column, so it was described from its
// first value (int8 for any integer, text when there is no row), where
// PostgreSQL gives the subquery's own column type (int4). An uncorrelated
// subquery is a statement of its own: the session compiles it alone and
// describes its one column the way it describes any statement's
// (sqlexec/resulttypes.go); a correlated one does not compile alone and
// keeps the old description.

import "strings"

// SubqueryItem is a result column that is a parenthesised SELECT.
type SubqueryItem struct {
	Column int    // index of the result column
	SQL    string // the subquery's text, without its parentheses
}

// MentionsSubquery is a cheap test before lexing: sqlText may have a
// scalar subquery item.
func MentionsSubquery(sqlText string) bool {
	low := strings.ToLower(sqlText)
	return strings.Contains(low, "(select") || strings.Contains(low, "( select")
}

// SubqueryItems returns the items of the result list of the SQLite
// statement sqlText (its RETURNING list, else its first select list) that
// are a scalar subquery; nil when the list has a *.
func SubqueryItems(sqlText string) []SubqueryItem {
	x := newTx(sqlText)
	var out []SubqueryItem
	for col, it := range x.resultItems() {
		if it[1] > it[0] && x.isP(it[1]-1, "*") {
			return nil
		}
		a, b := x.itemExpr(it[0], it[1])
		if b-a < 4 || !x.isP(a, "(") || x.match(a) != b-1 || !x.kw(a+1, "SELECT") {
			continue
		}
		last := x.T(b - 2)
		out = append(out, SubqueryItem{Column: col, SQL: x.src[x.T(a+1).pos : last.pos+len(last.text)]})
	}
	return out
}
