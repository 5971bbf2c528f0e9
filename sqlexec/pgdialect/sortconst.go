package pgdialect

import (
	"strconv"
	"strings"
)

// sortconst.go: PostgreSQL reads a bare constant in a query's ORDER BY,
// GROUP BY or DISTINCT ON as an output column's position when it is an
// integer and refuses any other constant (42601 non-integer constant in
// ORDER BY): SQLite took ORDER BY 'a' or ORDER BY true as a constant
// key, ordering nothing, and grouped by it (differential fuzz tester,
// SELECT DISTINCT ON (true) ... ORDER BY true, ...). A window's or an
// aggregate's ORDER BY takes constants as values in PostgreSQL too.

// sortConstants reports the first non-integer constant item of a
// query's ORDER BY, GROUP BY or DISTINCT ON list, in the order
// PostgreSQL reads the clauses (ORDER BY, then GROUP BY, then DISTINCT
// ON).
func (x *tx) sortConstants() error {
	for _, clause := range []string{"ORDER BY", "GROUP BY", "DISTINCT ON"} {
		kw := strings.Fields(clause)
		for i := 0; i+1 < x.n(); i++ {
			var lo, hi int
			switch {
			case kw[1] == "BY" && x.kw(i, kw...):
				lo, hi = i+2, x.clauseListEnd(i+2)
			case kw[1] == "ON" && x.kw(i, kw...) && x.isP(i+2, "("):
				lo, hi = i+3, x.match(i+2)
			default:
				continue
			}
			if !x.querySelectAt(i) {
				continue
			}
			for _, item := range x.splitTop(lo, hi) {
				a, b := item[0], item[1]
				for b > a+1 && (x.kw(b-1, "ASC") || x.kw(b-1, "DESC") || x.kw(b-1, "FIRST") || x.kw(b-1, "LAST") || x.kw(b-1, "NULLS")) {
					b--
				}
				if b == a+1 && x.nonIntegerConstant(a) {
					return &Error{Code: "42601", Message: "non-integer constant in " + clause, Position: x.T(a).pos + 1}
				}
				if e := x.signedSortConstant(a, b, clause); e != nil {
					return e
				}
				if e := x.distinctOnPosition(i, a, b, clause); e != nil {
					return e
				}
			}
		}
	}
	return nil
}

// signedSortConstant is the error of item a..b-1 of clause when it is a
// negative number, in parentheses or not: PostgreSQL's grammar folds the
// sign and the parentheses into the constant, so ORDER BY -1.5 or (1.5)
// is 42601 non-integer constant, ORDER BY -1 42P10 ORDER BY position -1
// is not in select list (SQLite ordered by the value -1.5, and named no
// position; fuzz seeds 801614, 801882). DISTINCT ON's integer positions
// are distinctOnPosition's.
func (x *tx) signedSortConstant(a, b int, clause string) *Error {
	for b > a+2 && x.isP(a, "(") && x.match(a) == b-1 {
		a, b = a+1, b-1
	}
	at := a
	if b == a+2 && x.T(a).typ == tOp && x.T(a).text == "-" {
		a++
	}
	if b != a+1 || x.T(a).typ != tNumber {
		return nil
	}
	if x.nonIntegerConstant(a) {
		return &Error{Code: "42601", Message: "non-integer constant in " + clause, Position: x.T(at).pos + 1}
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(x.T(a).text, "_", ""), 0, 64)
	if at == a || clause == "DISTINCT ON" || err != nil {
		return nil
	}
	return &Error{Code: "42P10", Message: clause + " position " + strconv.FormatInt(-n, 10) + " is not in select list", Position: x.T(at).pos + 1}
}

// querySelectAt reports whether the clause at token i belongs to a
// SELECT at its own parenthesis depth (not to a window's or an
// aggregate's parentheses).
func (x *tx) querySelectAt(i int) bool {
	for j := i - 1; j >= 0 && x.depth[j] >= x.depth[i]; j-- {
		if x.depth[j] == x.depth[i] && x.kw(j, "SELECT") {
			return true
		}
	}
	return false
}

// clauseListEnd is the end of the ORDER BY or GROUP BY list starting at
// lo: the first token at its depth that ends it.
func (x *tx) clauseListEnd(lo int) int {
	d := x.depth[min(lo, x.n()-1)]
	for k := lo; k < x.n(); k++ {
		// an item's own parentheses close at the list's depth ((1.5) ends
		// at its ")"): only a shallower token ends the list
		if x.depth[k] < d || x.isP(k, ";") {
			return k
		}
		if x.depth[k] == d {
			switch x.T(k).upper() {
			case "LIMIT", "OFFSET", "FETCH", "FOR", "HAVING", "WINDOW", "ORDER", "UNION", "INTERSECT", "EXCEPT", "RETURNING", "ON":
				return k
			}
		}
	}
	return x.n()
}

// nonIntegerConstant reports whether token k is a constant other than an
// integer: a quoted string, a decimal or exponent number, TRUE, FALSE or
// NULL.
func (x *tx) nonIntegerConstant(k int) bool {
	t := x.T(k)
	switch t.typ {
	case tString:
		return true
	case tNumber:
		if len(t.text) > 1 && t.text[0] == '0' && (t.text[1]|0x20 == 'x' || t.text[1]|0x20 == 'o' || t.text[1]|0x20 == 'b') {
			return false // 0x1F: an integer
		}
		for _, c := range t.text {
			if (c < '0' || c > '9') && c != '_' {
				return true // 1.5, 1e3, .5
			}
		}
		return false
	case tIdent:
		return t.kw("TRUE") || t.kw("FALSE") || t.kw("NULL")
	}
	return false
}
