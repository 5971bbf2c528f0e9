package pgdialect

import (
	"strconv"
	"strings"
)

// distincton_position.go: an integer constant in the DISTINCT ON list of
// a SELECT, or in its ORDER BY, is an output column's position, and one
// outside the select list is PostgreSQL's 42P10 "DISTINCT ON position 100
// is not in select list" ("ORDER BY position ..."), at the constant. The
// DISTINCT ON rewrite (distincton.go) resolved only the positions in
// range, so DISTINCT ON (100) ... ORDER BY 100 became a constant window
// key and answered. Read with sortConstants, in PostgreSQL's order of the
// clauses (ORDER BY before DISTINCT ON); a sign and parentheses are part
// of the constant, as PostgreSQL's grammar folds them ((-1), ((2))).

// distinctOnPosition is the 42P10 of the item a..b-1 of clause at token i
// (ORDER BY or DISTINCT ON) of a SELECT DISTINCT ON, or nil.
func (x *tx) distinctOnPosition(i, a, b int, clause string) *Error {
	sel := x.selectOf(i)
	if sel < 0 || !x.kw(sel+1, "DISTINCT", "ON") {
		return nil
	}
	for b > a+2 && x.isP(a, "(") && x.match(a) == b-1 {
		a, b = a+1, b-1
	}
	at, digits := a, a
	if x.isP(a, "-") {
		digits++
	}
	t := x.T(digits)
	if digits+1 != b || t.typ != tNumber {
		return nil
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(t.text, "_", ""), 0, 64)
	if err != nil {
		return nil // 0x.., too long: left to the rewrite
	}
	if digits > at {
		n = -n
	}
	items, _ := x.selectListAt(sel)
	star := false
	for _, it := range items {
		star = star || x.isP(it[1]-1, "*")
	}
	if n >= 1 && (star || n <= int64(len(items))) {
		return nil
	}
	return &Error{Code: "42P10", Message: clause + " position " + strconv.FormatInt(n, 10) + " is not in select list", Position: x.T(at).pos + 1}
}

// selectOf is the SELECT at the depth of token i that the clause at i
// belongs to, -1 when none.
func (x *tx) selectOf(i int) int {
	for j := i - 1; j >= 0 && x.depth[j] >= x.depth[i]; j-- {
		if x.depth[j] == x.depth[i] && x.kw(j, "SELECT") {
			return j
		}
	}
	return -1
}
