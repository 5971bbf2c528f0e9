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
	// Uncorrelated: SQL without its WHERE clause ("" when it has none):
	// a correlated subquery (WHERE i.g = t.g) does not compile alone,
	// but its WHERE does not change its column's type, so the session
	// describes this instead (max(v) of an int4 column is int4)
	Uncorrelated string
	// Array: the item is ARRAY(SELECT ...), the array of SQL's column's
	// type (int4[] of an int4 column)
	Array bool
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
		array := false
		if q, ok := x.arraySubquery(a, b); ok {
			a, b, array = q, x.match(q)+1, true // its query, in parentheses
		}
		if b-a < 4 || !x.isP(a, "(") || x.match(a) != b-1 || !x.kw(a+1, "SELECT") {
			continue
		}
		last := x.T(b - 2)
		item := SubqueryItem{Column: col, SQL: x.src[x.T(a+1).pos : last.pos+len(last.text)], Array: array}
		if w := x.findKw(a+1, b-1, x.depth[a+1], "WHERE"); w > 0 {
			e := w + 1
			for e < b-1 && !(x.depth[e] == x.depth[a+1] && (x.kw(e, "GROUP") || x.kw(e, "HAVING") || x.kw(e, "ORDER") || x.kw(e, "LIMIT") ||
				x.kw(e, "UNION") || x.kw(e, "INTERSECT") || x.kw(e, "EXCEPT") || x.kw(e, "WINDOW"))) {
				e++
			}
			item.Uncorrelated = strings.TrimSpace(strings.TrimSpace(x.src[x.T(a+1).pos:x.T(w).pos]) + " " +
				strings.TrimSpace(x.src[x.T(e-1).pos+len(x.T(e-1).text):last.pos+len(last.text)]))
		}
		out = append(out, item)
	}
	return out
}

// arraySubquery is the opening parenthesis of the query of the
// ARRAY(SELECT ...) rewrite at a..b-1 (array_translate.go), ok=false
// when a..b-1 is none.
func (x *tx) arraySubquery(a, b int) (int, bool) {
	if b-a < 10 || !x.isP(a, "(") || x.match(a) != b-1 || !strings.HasPrefix(x.src[x.T(a).pos:], arraySubqueryHead) {
		return 0, false
	}
	q := a + 7 // ( WITH pg_array_sub ( v ) AS (
	if !x.isP(q, "(") || x.match(q) >= b-1 {
		return 0, false
	}
	end := x.T(x.match(q))
	if x.src[end.pos+len(end.text):x.T(b-1).pos+1] != arraySubqueryTail {
		return 0, false
	}
	return q, true
}
