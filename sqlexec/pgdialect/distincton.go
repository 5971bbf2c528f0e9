package pgdialect

import (
	"strconv"
	"strings"
)

// SELECT DISTINCT ON (d, ...) items FROM ... ORDER BY o, ... keeps the
// first row of each group of equal d values in the ORDER BY order
// (PostgreSQL; SQLite has no DISTINCT ON). It becomes a window query:
//
//	SELECT pg_don_1 AS "a", pg_don_2 AS "b" FROM (
//	    SELECT a AS pg_don_1, b AS pg_don_2,
//	        row_number() OVER (PARTITION BY d ORDER BY o) AS pg_don_rn,
//	        row_number() OVER (ORDER BY o) AS pg_don_ord
//	    FROM ...) WHERE pg_don_rn = 1 ORDER BY pg_don_ord [LIMIT ...]
//
// The outer names are PostgreSQL's column names of the items, and the
// columns keep their declared types through the subquery. ORDER BY
// positions and output names are replaced by the item's expression in the
// windows. As in PostgreSQL, the DISTINCT ON expressions must match the
// leftmost ORDER BY expressions (42P10; compared as written, positions
// resolved). A select list with * is refused (0A000): the items must be
// named to leave the window columns out. Without ORDER BY the row kept
// per group is the first SQLite reads (PostgreSQL: unpredictable too).

// distinctOn rewrites each SELECT DISTINCT ON of the statement. It runs
// last, after applyAliases has named the items.
func (x *tx) distinctOn() error {
	for s := 0; s < x.n(); s++ {
		if x.T(s).kw("SELECT") && x.kw(s+1, "DISTINCT", "ON") && x.isP(s+3, "(") {
			if err := x.distinctOnAt(s); err != nil {
				return err
			}
		}
	}
	return nil
}

func (x *tx) distinctOnAt(s int) error {
	d := x.depth[s]
	dc := x.match(s + 3)
	end := x.n()
	for k := dc + 1; k < x.n(); k++ {
		if x.depth[k] < d {
			end = k
			break
		}
	}
	clause := func(from int, kws ...string) int {
		for k := from; k < end; k++ {
			if x.depth[k] != d || x.T(k).typ != tIdent {
				continue
			}
			for _, w := range kws {
				if x.T(k).kw(w) && !(w == "FROM" && x.kw(k-1, "DISTINCT")) {
					return k
				}
			}
		}
		return end
	}
	if clause(dc+1, "UNION", "INTERSECT", "EXCEPT") < end {
		return unsupported("SELECT DISTINCT ON in a set operation is not supported")
	}
	ie := clause(dc+1, "FROM", "WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT", "OFFSET", "FETCH", "INTO", "FOR")
	items := x.splitTop(dc+1, ie)
	names, exprEnd, err := x.outputNames(items, "SELECT DISTINCT ON")
	if err != nil {
		return err
	}
	resolve := x.orderTermResolver(d, items, names, exprEnd)
	var part, dorig []string
	for _, p := range x.splitTop(s+4, dc) {
		t, o, _, _ := resolve(p[0], p[1])
		part, dorig = append(part, t), append(dorig, o)
	}
	ob := clause(ie, "ORDER")
	if !x.kw(ob+1, "BY") {
		ob = end
	}
	var order []string
	cut := clause(ie, "LIMIT", "OFFSET", "FETCH", "FOR")
	if ob < end {
		oe := clause(ob+2, "LIMIT", "OFFSET", "FETCH", "FOR")
		var origs []string
		order, origs = x.windowOrder(ob, oe, resolve)
		left := append([]string(nil), dorig...)
		for _, o := range origs {
			if len(left) == 0 {
				break
			}
			m := -1
			for k, dx := range left {
				if o == dx || strings.HasSuffix(o, "."+dx) || strings.HasSuffix(dx, "."+o) {
					m = k
				}
			}
			if m < 0 {
				return &Error{Code: "42P10", Message: "SELECT DISTINCT ON expressions must match initial ORDER BY expressions", Position: x.T(s+4).pos + 1}
			}
			left = append(left[:m], left[m+1:]...)
		}
		// the ORDER BY moves into the windows; the statement's wrappings
		// on its first and last tokens (windowOrder) stay
		first, last := *x.T(ob), *x.T(oe - 1)
		x.erase(ob, oe)
		x.T(ob).wpre, x.T(ob).wsuf = first.wpre, first.wsuf
		x.T(oe-1).wpre, x.T(oe-1).wsuf = last.wpre, last.wsuf
		cut = ob
	}
	x.erase(s+1, dc+1)
	var outer []string
	for k, it := range items {
		col := "pg_don_" + strconv.Itoa(k+1)
		last := x.T(it[1] - 1)
		if exprEnd[k] < it[1] {
			last.set(col)
		} else {
			last.wsuf = strings.Replace(last.wsuf, ` AS "`+strings.ReplaceAll(names[k], `"`, `""`)+`"`, "", 1) + " AS " + col
		}
		outer = append(outer, col+" AS "+quoteIdent(names[k]))
	}
	ord := ""
	if len(order) > 0 {
		ord = " ORDER BY " + strings.Join(order, ", ")
	}
	x.T(ie - 1).wsuf += ", row_number() OVER (PARTITION BY " + strings.Join(part, ", ") + ord + ") AS pg_don_rn, row_number() OVER (" +
		strings.TrimPrefix(ord, " ") + ") AS pg_don_ord"
	x.T(s).pre += "SELECT " + strings.Join(outer, ", ") + " FROM ("
	x.T(cut - 1).suf += ") WHERE pg_don_rn = 1 ORDER BY pg_don_ord"
	return nil
}

// orderTermResolver returns the expression of an ORDER BY (or DISTINCT
// ON) term lo..hi-1 of the SELECT at depth d whose items are given: its
// translated text and its text as written (normExpr), where the
// expression ends and whether the term was a position or an output name
// standing for an item's expression (a window's ORDER BY cannot name the
// select list).
func (x *tx) orderTermResolver(d int, items [][2]int, names []string, exprEnd []int) func(lo, hi int) (text, orig string, exprHi int, sub bool) {
	return func(lo, hi int) (text, orig string, exprHi int, sub bool) {
		exprHi = hi
		for k := lo; k < hi; k++ {
			if x.depth[k] == d && (x.T(k).kw("ASC") || x.T(k).kw("DESC") || x.T(k).kw("NULLS") || x.T(k).kw("USING")) {
				exprHi = k
				break
			}
		}
		item := -1
		in, inHi := lo, exprHi // a position in parentheses is one too: ((2))
		for inHi > in+2 && x.isP(in, "(") && x.match(in) == inHi-1 {
			in, inHi = in+1, inHi-1
		}
		if inHi == in+1 && x.T(in).typ == tNumber {
			if n, err := strconv.Atoi(x.T(in).text); err == nil && n >= 1 && n <= len(items) {
				item = n - 1
			}
		} else if exprHi == lo+1 {
			t := x.T(lo)
			if n, err := strconv.Atoi(t.text); err == nil && t.typ == tNumber && n >= 1 && n <= len(items) {
				item = n - 1
			} else if t.typ == tIdent || t.typ == tQIdent {
				for k, it := range items {
					if exprEnd[k] < it[1] && names[k] == t.identName() {
						item = k
					}
				}
			}
		}
		if item < 0 {
			return x.text(lo, exprHi), normExpr(x.orig(lo, exprHi)), exprHi, false
		}
		it := items[item]
		return x.text(it[0], exprEnd[item]), normExpr(x.orig(it[0], exprEnd[item])), exprHi, true
	}
}

// windowOrder returns the terms of the ORDER BY list ob..oe-1 (ORDER BY
// and its terms) as a window's ORDER BY takes them: each resolved
// (orderTermResolver) with its direction and NULLS placement as
// translated (orderby.go), and each term's expression as written.
func (x *tx) windowOrder(ob, oe int, resolve func(lo, hi int) (string, string, int, bool)) (order, origs []string) {
	// the outermost wrappings of the ORDER BY's first and last tokens
	// (an INSERT's input conversion ends on its last token) are the
	// statement's, not the list's; one inside it (a branch converted to
	// its common type: setoptypes.go) is the expression's, copied with it
	edges := []int{ob, oe - 1}
	var wraps [2][2]string
	for k, e := range edges {
		t := x.T(e)
		wraps[k] = [2]string{t.wpre, t.wsuf}
		t.wpre, t.wsuf = "", ""
	}
	defer func() {
		for k, e := range edges {
			x.T(e).wpre, x.T(e).wsuf = wraps[k][0], wraps[k][1]
		}
	}()
	for _, p := range x.splitTop(ob+2, oe) {
		t, o, hi, sub := resolve(p[0], p[1])
		dir := ""
		if sub {
			dir = x.T(p[0]).suf + x.T(p[0]).wsuf
		}
		if hi < p[1] {
			dir += x.text(hi, p[1])
		}
		order, origs = append(order, t+" "+dir), append(origs, o)
	}
	return order, origs
}

// normExpr is an expression's text as written, for comparing two
// spellings: lower case outside quotes, without spaces.
func normExpr(s string) string {
	var b strings.Builder
	var q byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '\'' || c == '"':
			q = c
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// outputNames returns PostgreSQL's column names of select items and where
// each item's expression ends (before its alias); a * item is 0A000 for
// the construct what, or with what "" an item of no name (its columns
// are not known here).
func (x *tx) outputNames(items [][2]int, what string) (names []string, exprEnd []int, err error) {
	exprEnd = make([]int, len(items))
	names = make([]string, len(items))
	for k, it := range items {
		a, b := it[0], it[1]
		if a < b && x.isP(b-1, "*") && what == "" {
			exprEnd[k] = b
			continue
		}
		if a >= b || x.isP(b-1, "*") {
			return nil, nil, unsupported("%s with * is not supported: name the columns", what)
		}
		name, has, _ := x.itemName(a, b)
		exprEnd[k] = b
		switch {
		case has:
			exprEnd[k] = b - 1
			if x.kw(b-2, "AS") {
				exprEnd[k] = b - 2
			}
			name = x.T(b - 1).identName()
		case name == "":
			if n, j := x.name(a); n != "" && j == b {
				name = n
			} else {
				name = "?column?"
			}
		}
		names[k] = name
	}
	return names, exprEnd, nil
}
