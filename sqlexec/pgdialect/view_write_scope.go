package pgdialect

import "strings"

// view_write_scope.go: what a bare column name in a write through a view
// names. PostgreSQL looks a bare name up in the FROM items of its own
// query level first, then in those of the levels around it, up to the
// statement's: the view and the items of an UPDATE's FROM or a DELETE's
// USING. A name that two items of one level have is 42702 "column
// reference is ambiguous"; a name of a subquery's own FROM is not the
// view's, however the view calls its columns. The rewrite reads the
// levels' FROM items where each is a relation whose columns the session
// knows (RelCols); a level with any other item (a subquery, a function,
// a join with USING or NATURAL, which merge columns) leaves the name as
// written, for SQLite to resolve.

// RelCols gives a relation's column names in order (nil when it is
// unknown).
type RelCols func(rel string) []string

// scopeItem is a FROM item a bare column name may name.
type scopeItem struct {
	qual string          // what the statement calls it
	cols map[string]bool // its columns, lower case
}

// scopeItems reads the FROM items from lo at depth d; ok is false when
// an item's columns cannot be known (see above).
func (x *tx) scopeItems(lo, d int, cols RelCols) (items []scopeItem, ok bool) {
	i := lo
	for i < x.n() && x.depth[i] == d {
		if x.kw(i, "LATERAL") || x.kw(i, "ROWS") || x.isP(i, "(") {
			return nil, false
		}
		if x.kw(i, "ONLY") {
			i++
		}
		n, j := x.name(i)
		if n == "" || x.isP(j, "(") {
			return nil, false
		}
		cs := cols(n)
		if cs == nil {
			return nil, false
		}
		it := scopeItem{qual: n, cols: map[string]bool{}}
		if k := strings.LastIndexByte(n, '.'); k >= 0 && x.T(j-1).typ != tQIdent {
			it.qual = n[k+1:] // s.t is called t
		}
		for _, c := range cs {
			it.cols[strings.ToLower(c)] = true
		}
		if a, k := x.fromAlias(j); a != "" {
			if x.isP(k-1, ")") {
				return nil, false // AS a(x, y): renamed columns
			}
			it.qual, j = a, k
		}
		items = append(items, it)
		i = j
		for i < x.n() && x.depth[i] >= d {
			if x.depth[i] == d {
				if x.T(i).kw("NATURAL") || x.T(i).kw("USING") {
					return nil, false
				}
				if x.isP(i, ",") || x.T(i).kw("JOIN") {
					i++
					break
				}
				if x.isP(i, ";") || (x.T(i).typ == tIdent && fromEnd[x.T(i).upper()]) {
					return items, true
				}
			}
			i++
		}
	}
	return items, true
}

// subqueryScope is the FROM items of the query level of the subquery
// opened at o that holds token k; ok false when they cannot be known.
func (x *tx) subqueryScope(o, k int, cols RelCols) ([]scopeItem, bool) {
	d := x.depth[o] + 1
	sel := -1
	for j := k; j > o; j-- {
		if x.depth[j] == d && x.T(j).kw("SELECT") {
			sel = j
			break
		}
	}
	if sel < 0 {
		return nil, false // VALUES, WITH ... before the query
	}
	for j := sel + 1; j < x.match(o); j++ {
		if x.depth[j] != d {
			continue
		}
		if x.T(j).kw("FROM") && x.clauseFrom(j) {
			return x.scopeItems(j+1, d, cols)
		}
		if x.isKwAny(j, []string{"WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT", "OFFSET", "FETCH", "UNION", "INTERSECT", "EXCEPT"}) {
			break
		}
	}
	return nil, true // no FROM: no columns of its own
}

// scopeCount is the number of items that have the column name.
func scopeCount(items []scopeItem, name string) (n int, first scopeItem) {
	for _, it := range items {
		if it.cols[strings.ToLower(name)] {
			if n == 0 {
				first = it
			}
			n++
		}
	}
	return n, first
}

// ambiguous is PostgreSQL's 42702 for the bare name at k.
func (w *viewWriter) ambiguous(k int) error {
	t := w.x.T(k)
	return &ViewWriteError{Code: "42702", Message: "column reference \"" + t.identName() + "\" is ambiguous", Position: w.charPos(t.pos)}
}

// others is the statement's FROM (UPDATE) or USING (DELETE) items; ok
// false when they cannot be known.
func (w *viewWriter) others() ([]scopeItem, bool) {
	if w.alone {
		return nil, true
	}
	if w.cols == nil {
		return nil, false
	}
	x := w.x
	for k := 0; k < x.n(); k++ {
		if x.depth[k] == 0 && (x.T(k).kw("FROM") && k > w.nameEnd && x.clauseFrom(k) || x.T(k).kw("USING")) {
			return x.scopeItems(k+1, 0, w.cols)
		}
	}
	return nil, false
}

// bare rewrites the bare column name at k: the view's column becomes its
// expression over the base relation, another item's is qualified by that
// item where the base relation has a column of the name too.
func (w *viewWriter) bare(k int) error {
	x := w.x
	t := x.T(k)
	name := t.identName()
	inSub := w.sub[k]
	if inSub {
		if w.cols == nil {
			return nil
		}
		for o := k - 1; o >= 0; o-- {
			if !x.isSubquery(o) || x.match(o) < k {
				continue
			}
			items, ok := x.subqueryScope(o, k, w.cols)
			if !ok {
				return nil // as written
			}
			if n, _ := scopeCount(items, name); n > 1 {
				return w.ambiguous(k)
			} else if n == 1 {
				return nil // a column of the subquery's own FROM
			}
		}
	}
	others, known := w.others()
	n, other := scopeCount(others, name)
	c := w.col(name)
	switch {
	case n > 1 || n == 1 && c != nil:
		return w.ambiguous(k)
	case c != nil:
		if !w.alone || c.Base != name {
			// (a column of the same name is left as written: nothing
			// else in the statement could be meant)
			w.edit(t.pos, t.pos+len(t.text), w.v.exprText(*c, w.q))
		}
	case n == 1:
		if w.v.baseCols[strings.ToLower(name)] {
			// the base relation has it too: SQLite would find two
			w.edit(t.pos, t.pos+len(t.text), quoteIdent(other.qual)+"."+t.text)
		}
	case known && w.v.baseCols[strings.ToLower(name)]:
		return &ViewWriteError{Code: "42703", Message: "column \"" + name + "\" does not exist", Position: w.charPos(t.pos)}
	}
	return nil
}
