package pgdialect

import (
	"strconv"
	"strings"
)

// PostgreSQL's rule for grouped queries (SQLSTATE 42803; SQLite has none:
// it reads an arbitrary row's value of a column that is neither grouped
// nor aggregated). In a query level with GROUP BY, HAVING or an aggregate
// call, a column reference in the select list, ORDER BY or HAVING outside
// an aggregate's arguments must be
//   - a grouping expression, or inside a part of the expression equal to
//     one (GROUP BY lower(n) allows lower(n), not n); GROUP BY positions
//     and output names count as the items they name;
//   - a column of a table whose primary key columns are all grouped
//     (functional dependency; a UNIQUE key does not count);
//   - an outer reference (a correlated subquery's view of its outer query).
//
// The check reads the SQLite text the translation produced, after SQLite
// compiled it (every name exists), with the catalog's columns and keys.
// Invariant: it never refuses what PostgreSQL accepts. Whatever it cannot
// resolve for sure lets the query through: a level with LATERAL or a
// parenthesized join, a reference it cannot tie
// to exactly one FROM item of the level whose columns it knows (functions
// in FROM; subqueries and CTEs whose select list has a * or an unnamed
// expression: their columns are known from the select list or the column
// alias list otherwise), a reference inside a nested subquery other than
// the sure ones subqueryUngrouped reports, a named window, a column that appears in
// a grouping expression with a cast (spellings of a cast vary).
//
// NATURAL and USING joins merge their join columns: an unqualified k of
// JOIN ... USING (k) is the left side's k (INNER, LEFT; the right side's
// for RIGHT), as PostgreSQL's merged column is when the two types match;
// of a FULL join (COALESCE of both) it is let through. As PostgreSQL
// coerces the sides to a common type when they differ (and then takes
// the other side's column), grouping by either side's k covers the
// other's and the merged k, and grouping by the merged k covers both
// sides: such a reference is never refused. Joins merging a column a
// join before them merged are let through.

// GroupCatalog is what the check asks of the database.
type GroupCatalog interface {
	// TableColumns: the columns of the table or view name and the
	// column lists of the keys that may be its primary key (none for a
	// view; a key that may be only UNIQUE in PostgreSQL counts, which
	// lets a query through rather than refuse it); ok false when unknown.
	TableColumns(name string) (cols []string, keys [][]string, ok bool)
	// Aggregate: name (lower case) is an aggregate or window function.
	Aggregate(name string) bool
}

// Ungrouped is a column reference that breaks the rule: Off is the byte
// offset of its first token in the checked text, Name is PostgreSQL's
// "range.column".
type Ungrouped struct {
	Off  int
	Name string
	// Outer: the reference is inside a subquery (PostgreSQL's message
	// differs)
	Outer bool
}

// Message is PostgreSQL's error message for u.
func (u Ungrouped) Message() string {
	if u.Outer {
		return `subquery uses ungrouped column "` + u.Name + `" from outer query`
	}
	return `column "` + u.Name + `" must appear in the GROUP BY clause or be used in an aggregate function`
}

// CheckGrouping returns the first ungrouped column reference of sqlText,
// level by level in text order; ok is false when there is none.
func CheckGrouping(sqlText string, cat GroupCatalog) (u Ungrouped, ok bool) {
	x := newTx(sqlText)
	if !x.mayGroup(cat) {
		return u, false
	}
	ctes := x.groupCTENames()
	cteCols := x.groupCTEColumns()
	for s := 0; s < x.n(); s++ {
		if x.T(s).kw("SELECT") {
			if u, ok := x.groupCheckLevel(s, cat, ctes, cteCols); ok {
				return u, true
			}
		}
	}
	return u, false
}

// mayGroup is the fast path: a statement without GROUP BY, HAVING or a
// call of an aggregate has nothing to check.
func (x *tx) mayGroup(cat GroupCatalog) bool {
	for k := 0; k < x.n(); k++ {
		t := x.T(k)
		if t.kw("GROUP") || t.kw("HAVING") || t.typ == tIdent && x.isP(k+1, "(") && cat.Aggregate(asciiLower(t.text)) {
			return true
		}
	}
	return false
}

// cteNames: every name the statement may define as a CTE (name AS ( and
// name (cols) AS (): such a name in FROM is not the catalog's table.
func (x *tx) groupCTENames() map[string]bool {
	out := map[string]bool{}
	for k := 0; k+2 < x.n(); k++ {
		t := x.T(k)
		if t.typ != tIdent && t.typ != tQIdent {
			continue
		}
		j := k + 1
		if x.isP(j, "(") {
			j = x.match(j) + 1
		}
		if x.kw(j, "AS") && (x.isP(j+1, "(") || x.kw(j+1, "MATERIALIZED") || x.kw(j+1, "NOT")) {
			out[strings.ToLower(t.identName())] = true
		}
	}
	return out
}

// groupCTEColumns: the output columns of each CTE of the statement whose
// names the check can read (its column list, or its query's select list
// where every item has a name); a name defined twice with different
// columns is left out.
func (x *tx) groupCTEColumns() map[string][]string {
	out := map[string][]string{}
	seen := map[string]bool{}
	for _, c := range x.withItems() {
		name := strings.ToLower(c.name)
		cols, known := x.queryOutNames(c.lo, c.hi, out)
		if known && len(c.cols) > 0 {
			cols = append(append([]string(nil), c.cols...), cols[min(len(c.cols), len(cols)):]...)
		}
		if seen[name] || !known {
			delete(out, name)
			seen[name] = true
			continue
		}
		seen[name] = true
		out[name] = cols
	}
	return out
}

// queryOutNames: the output column names of the query in tokens [lo, hi)
// (a SELECT, the first arm of a compound one), when every select item's
// name can be read (an alias or a column); known false otherwise (*,
// an expression without an alias, VALUES, a WITH).
func (x *tx) queryOutNames(lo, hi int, cteCols map[string][]string) (names []string, known bool) {
	if x.kw(lo, "WITH") {
		_, end, _, ok := x.withList(lo)
		if !ok {
			return nil, false
		}
		lo = end
	}
	if lo >= hi || !x.kw(lo, "SELECT") {
		return nil, false
	}
	l := x.levelAt(lo)
	// SELECT * FROM c of a CTE c: c's columns (the translation's form of
	// a column alias list, (WITH pgdialect_cols_s(a, b) AS (...) SELECT *
	// FROM pgdialect_cols_s) s)
	if l.from == lo+2 && x.isP(lo+1, "*") && l.from+2 == l.end && l.end == hi {
		if t := x.T(l.from + 1); t.typ == tIdent || t.typ == tQIdent {
			cols, ok := cteCols[strings.ToLower(t.identName())]
			return cols, ok
		}
	}
	items := l.items
	if x.kw(items, "DISTINCT") {
		items++
		if x.kw(items, "ON") && x.isP(items+1, "(") {
			items = x.match(items+1) + 1
		}
	}
	end := l.next(items)
	if end > hi {
		return nil, false
	}
	for _, it := range x.splitTop(items, end) {
		if _, ok := x.itemAlias(it); !ok {
			return nil, false
		}
		names = append(names, x.T(it[1]-1).identName())
	}
	return names, len(names) > 0
}

// gcItem is one FROM item of a level.
type gcItem struct {
	ref   string            // the range name: alias or table name (lower case)
	table string            // the catalog's table or view it reads ("" for others)
	name  string            // the range name as PostgreSQL prints it
	cols  map[string]string // lower-case column -> its catalog spelling; nil when unknown
	keys  [][]string
	whole bool // a key is grouped: every column is
	// a subquery's or CTE's output column names in order (after column
	// aliases), and where its query is: body, the subquery's tokens, or
	// cte, the CTE's name (typecompare_columns.go types its columns)
	derived []string
	body    [2]int
	cte     string
}

// gcRef is a resolved column reference.
type gcRef struct {
	item int
	col  string // lower case
}

// gcLevel is the check's view of one query level.
type gcLevel struct {
	x     *tx
	cat   GroupCatalog
	d     int
	items []gcItem
	outs  map[string]bool // output column names
	// merged: a NATURAL or USING join's column (lower case) -> the column
	// an unqualified reference is (full: a FULL join's, left unresolved);
	// partner: each side's column of such a join -> the other side's
	merged  map[string]gcMerge
	partner map[gcRef]gcRef
}

// gcMerge is one merged join column.
type gcMerge struct {
	ref  gcRef
	full bool
}

// covered reports whether ref is grouped (in cols) or of a table whose
// key is, directly or through its join partner (see the top of the file).
func (g *gcLevel) covered(ref gcRef, cols map[gcRef]bool) bool {
	if cols[ref] || g.items[ref.item].whole {
		return true
	}
	p, ok := g.partner[ref]
	return ok && (cols[p] || g.items[p.item].whole)
}

// mergeJoin records the merged columns of the NATURAL or USING join (of
// kind join: "", LEFT, RIGHT or FULL) of the last FROM item with the items
// from seg before it; false when the check cannot tell them (columns not
// known, a name on the left side twice or missing, a column merged
// before).
func (g *gcLevel) mergeJoin(seg int, using []string, natural bool, join string) bool {
	right := len(g.items) - 1
	if g.items[right].cols == nil {
		return false
	}
	leftOf := func(c string) (int, bool) {
		found := -1
		for i := seg; i < right; i++ {
			if g.items[i].cols == nil {
				return 0, false
			}
			if _, ok := g.items[i].cols[c]; ok {
				if found >= 0 {
					return 0, false
				}
				found = i
			}
		}
		return found, found >= 0
	}
	names := using
	if natural {
		names = nil
		for i := seg; i < right; i++ {
			if g.items[i].cols == nil {
				return false
			}
		}
		for c := range g.items[right].cols {
			for i := seg; i < right; i++ {
				if _, ok := g.items[i].cols[c]; ok {
					names = append(names, c)
					break
				}
			}
		}
	}
	if g.merged == nil {
		g.merged, g.partner = map[string]gcMerge{}, map[gcRef]gcRef{}
	}
	for _, n := range names {
		c := strings.ToLower(n)
		l, ok := leftOf(c)
		if _, rok := g.items[right].cols[c]; !ok || !rok {
			return false
		}
		if _, twice := g.merged[c]; twice {
			return false
		}
		lr, rr := gcRef{l, c}, gcRef{right, c}
		m := gcMerge{ref: lr, full: join == "FULL"}
		if join == "RIGHT" {
			m.ref = rr
		}
		g.merged[c] = m
		g.partner[lr], g.partner[rr] = rr, lr
	}
	return true
}

// isUnqualified reports whether a..b-1 is one bare column name.
func (x *tx) isUnqualified(a, b int) bool {
	return b == a+1 && (x.T(a).typ == tIdent || x.T(a).typ == tQIdent)
}

// gcLevelSkip: join forms whose column scoping the check leaves alone.
var gcLevelSkip = map[string]bool{"LATERAL": true}

// gcJoinWord: the words between FROM items.
var gcJoinWord = map[string]bool{"JOIN": true, "LEFT": true, "RIGHT": true, "FULL": true, "INNER": true,
	"CROSS": true, "OUTER": true}

// gcNotColumn: bare words in expressions that are never column references
// the check considers (keywords of expressions and sort specifications).
var gcNotColumn = map[string]bool{"ASC": true, "DESC": true, "NULLS": true, "FIRST": true, "LAST": true,
	"AND": true, "OR": true, "NOT": true, "IS": true, "NULL": true, "TRUE": true, "FALSE": true, "CASE": true,
	"WHEN": true, "THEN": true, "ELSE": true, "END": true, "IN": true, "LIKE": true, "ILIKE": true,
	"BETWEEN": true, "ESCAPE": true, "DISTINCT": true, "AS": true, "COLLATE": true, "FILTER": true,
	"OVER": true, "WITHIN": true, "GROUP": true, "ORDER": true, "BY": true, "PARTITION": true, "ROWS": true,
	"RANGE": true, "GROUPS": true, "UNBOUNDED": true, "PRECEDING": true, "FOLLOWING": true, "CURRENT": true,
	"ROW": true, "EXISTS": true, "GLOB": true, "REGEXP": true, "MATCH": true, "ISNULL": true, "NOTNULL": true,
	"CAST": true, "ALL": true, "ANY": true, "SOME": true, "EXCLUDE": true, "TIES": true, "OTHERS": true,
	"NO": true, "ON": true, "SIMILAR": true, "TO": true, "AT": true, "TIME": true, "ZONE": true}

// groupCheckLevel checks the query level of the SELECT at s.
func (x *tx) groupCheckLevel(s int, cat GroupCatalog, ctes map[string]bool, cteCols map[string][]string) (Ungrouped, bool) {
	l := x.levelAt(s)
	if l.from < 0 {
		return Ungrouped{}, false
	}
	g := &gcLevel{x: x, cat: cat, d: x.depth[s], outs: map[string]bool{}}
	if !g.readFrom(l.from+1, l.next(l.from), ctes, cteCols) {
		return Ungrouped{}, false
	}
	items := l.items
	if x.kw(items, "DISTINCT") {
		if x.kw(items+1, "ON") {
			return Ungrouped{}, false
		}
		items++
	}
	var regions [][2]int // in PostgreSQL's order: select list, ORDER BY, HAVING
	regions = append(regions, [2]int{items, l.from})
	if l.order >= 0 && !l.compound {
		regions = append(regions, [2]int{l.order + 2, l.next(l.order)})
	}
	if l.having >= 0 {
		regions = append(regions, [2]int{l.having + 1, l.next(l.having)})
	}
	grouped := l.group >= 0 || l.having >= 0
	for _, r := range regions {
		grouped = grouped || g.hasAggregate(r[0], r[1])
	}
	if !grouped {
		return Ungrouped{}, false
	}
	selItems := x.splitTop(items, l.from)
	for _, it := range selItems {
		if name, ok := x.itemAlias(it); ok {
			g.outs[name] = true
		}
	}
	// the grouping expressions
	cols := map[gcRef]bool{}
	castCols := map[gcRef]bool{}
	var exprs [][]gcTok
	if l.group >= 0 {
		for _, p := range x.splitTop(l.group+2, l.next(l.group)) {
			a, b := p[0], p[1]
			for b-a > 2 && x.isP(a, "(") && x.match(a) == b-1 && !x.kw(a+1, "SELECT") {
				a, b = a+1, b-1
			}
			if b-a == 1 && x.T(a).typ == tNumber {
				n := 0
				for _, c := range x.T(a).text {
					n = n*10 + int(c-'0')
				}
				if n < 1 || n > len(selItems) {
					return Ungrouped{}, false
				}
				it := selItems[n-1]
				a, b = it[0], x.itemEnd(it)
			} else if b-a == 1 && (x.T(a).typ == tIdent || x.T(a).typ == tQIdent) {
				if _, sure, _, _ := g.resolve(a, l.group+2); !sure {
					name := strings.ToLower(x.T(a).identName())
					for _, it := range selItems {
						if n, ok := x.itemAlias(it); ok && n == name {
							a, b = it[0], x.itemEnd(it)
						}
					}
				}
			}
			seq := g.normalize(a, b)
			if len(seq) == 1 && seq[0].ref != nil {
				cols[*seq[0].ref] = true
				if p, ok := g.partner[*seq[0].ref]; ok && x.isUnqualified(a, b) {
					cols[p] = true // the merged column: either side
				}
				continue
			}
			cast := false
			for k := a; k < b; k++ {
				cast = cast || x.T(k).typ == tCast || x.kw(k, "CAST")
			}
			for _, e := range seq {
				if cast && e.ref != nil {
					castCols[*e.ref] = true
				}
			}
			exprs = append(exprs, seq)
		}
	}
	for i := range g.items {
		it := &g.items[i]
		for _, key := range it.keys {
			all := len(key) > 0
			for _, c := range key {
				all = all && cols[gcRef{i, strings.ToLower(c)}]
			}
			it.whole = it.whole || all
		}
	}
	for _, r := range regions {
		seq := g.normalize(r[0], r[1])
		for k, e := range seq {
			if e.sub > 0 {
				if u, ok := g.subqueryUngrouped(e.sub-1, cols, castCols, len(exprs) > 0); ok {
					return u, true
				}
				continue
			}
			if e.ref == nil {
				continue
			}
			ref := *e.ref
			if g.covered(ref, cols) || castCols[ref] || coveredBy(seq, k, exprs) {
				continue
			}
			it := g.items[ref.item]
			return Ungrouped{Off: e.off, Name: it.name + "." + it.cols[ref.col]}, true
		}
	}
	return Ungrouped{}, false
}

// gcTok is one element of an expression as the check compares them: a
// resolved column reference (ref set, key naming the column), a token's
// lower-case text, or a placeholder for an aggregate call or subquery.
type gcTok struct {
	key string
	ref *gcRef
	off int // byte offset of its first token
	sub int // a subquery: 1 + the token index of its "("
}

// subqueryUngrouped finds, in the subquery whose "(" is at token k, a
// qualified reference q.c to a column of this level that is not grouped:
// PostgreSQL's "subquery uses ungrouped column ... from outer query".
// Only the sure cases: q names exactly one FROM item of this level whose
// columns are known and no range inside the subquery (q may be an inner
// table or alias otherwise: every name the subquery may define as a range
// is left alone), the reference is outside any aggregate call of the
// subquery (an aggregate of only outer columns is the outer query's), and
// this level groups by plain columns only (haveExprs false: a grouping
// expression may cover the reference).
func (g *gcLevel) subqueryUngrouped(k int, cols, castCols map[gcRef]bool, haveExprs bool) (Ungrouped, bool) {
	x := g.x
	if haveExprs {
		return Ungrouped{}, false
	}
	a, b := k+1, x.match(k)
	inner := map[string]bool{}
	for j := a; j < b; j++ {
		t := x.T(j)
		if t.typ != tIdent && t.typ != tQIdent || x.isP(j+1, ".") {
			continue
		}
		p := x.T(j - 1)
		if !(p.kw("FROM") || p.kw("JOIN") || p.kw("AS") || p.kw("WITH") || p.kw("ONLY") || p.kw("LATERAL") || p.kw("RECURSIVE") ||
			x.isP(j-1, ",") || x.isP(j-1, ")")) {
			continue
		}
		// name [AS] alias: the alias is the range's name (the name too,
		// to be safe)
		inner[strings.ToLower(t.identName())] = true
		n := j + 1
		if x.kw(n, "AS") {
			n++
		}
		if al := x.T(n); al.typ == tQIdent || al.typ == tIdent && !reservedWord(al.upper()) && !gcJoinWord[al.upper()] && !gcNotColumn[al.upper()] {
			inner[strings.ToLower(al.identName())] = true
		}
	}
	for j := a; j < b; j++ {
		if end, _, ok := g.aggregateCall(j); ok {
			j = end - 1
			continue
		}
		t := x.T(j)
		if t.typ != tIdent && t.typ != tQIdent || x.isP(j-1, ".") || !x.isP(j+1, ".") {
			continue
		}
		c := x.T(j + 2)
		if c.typ != tIdent && c.typ != tQIdent || x.isP(j+3, ".") || x.isP(j+3, "(") {
			continue
		}
		q, col := strings.ToLower(t.identName()), strings.ToLower(c.identName())
		if inner[q] {
			continue
		}
		found := -1
		for i, it := range g.items {
			if it.ref == q {
				if found >= 0 {
					found = -2
					break
				}
				found = i
			}
		}
		if found < 0 || g.items[found].cols == nil {
			continue
		}
		it := g.items[found]
		if _, ok := it.cols[col]; !ok {
			continue
		}
		ref := gcRef{found, col}
		if cols[ref] || it.whole || castCols[ref] {
			continue
		}
		return Ungrouped{Off: t.pos, Name: it.name + "." + it.cols[col], Outer: true}, true
	}
	return Ungrouped{}, false
}

// coveredBy: the element k of seq lies inside a run of seq equal to one
// of the grouping expressions.
func coveredBy(seq []gcTok, k int, exprs [][]gcTok) bool {
	for _, e := range exprs {
		for lo := max(0, k-len(e)+1); lo <= k && lo+len(e) <= len(seq); lo++ {
			same := true
			for j := range e {
				if seq[lo+j].key != e[j].key {
					same = false
					break
				}
			}
			if same {
				return true
			}
		}
	}
	return false
}

// isSubquery: a parenthesis at k that opens a query.
func (x *tx) isSubquery(k int) bool {
	return x.isP(k, "(") && (x.kw(k+1, "SELECT") || x.kw(k+1, "WITH") || x.kw(k+1, "VALUES"))
}

// aggregateCall: the call at k (name then parenthesis) is of an
// aggregate or window function: end is past its FILTER and WITHIN GROUP,
// window reports an OVER clause after it.
func (g *gcLevel) aggregateCall(k int) (end int, window, ok bool) {
	x := g.x
	if x.T(k).typ != tIdent || !x.isP(k+1, "(") || x.isP(k-1, ".") || !g.cat.Aggregate(asciiLower(x.T(k).text)) {
		return 0, false, false
	}
	name := asciiLower(x.T(k).text)
	if (name == "min" || name == "max") && len(x.splitTop(k+2, x.match(k+1))) > 1 {
		return 0, false, false // SQLite's scalar min(a, b, ...) and max (greatest/least)
	}
	j := x.match(k+1) + 1
	if x.kw(j, "WITHIN", "GROUP") && x.isP(j+2, "(") {
		j = x.match(j+2) + 1
	}
	if x.kw(j, "FILTER") && x.isP(j+1, "(") {
		j = x.match(j+1) + 1
	}
	return j, x.kw(j, "OVER"), true
}

// hasAggregate: tokens [a, b) call an aggregate of this level (not a
// window function, not inside a subquery).
func (g *gcLevel) hasAggregate(a, b int) bool {
	x := g.x
	for k := a; k < b; k++ {
		if x.isSubquery(k) {
			k = x.match(k)
			continue
		}
		if _, window, ok := g.aggregateCall(k); ok && !window {
			return true
		}
	}
	return false
}

// normalize reads tokens [a, b) as the check compares expressions.
func (g *gcLevel) normalize(a, b int) []gcTok {
	x := g.x
	var out []gcTok
	for k := a; k < b; k++ {
		t := x.T(k)
		switch {
		case x.isSubquery(k):
			out = append(out, gcTok{key: "@sub", off: t.pos, sub: k + 1})
			k = x.match(k)
			continue
		case x.kw(k, "OVER") && (x.T(k+1).typ == tIdent || x.T(k+1).typ == tQIdent):
			out = append(out, gcTok{key: "@window", off: t.pos})
			k++
			continue
		}
		if va, vb, close, ok := x.setOpValueAt(k); ok {
			// a value converted to its branches' common type
			// (setoptypes.go) is the value: GROUP BY coalesce(v, 0)
			// converted covers an ORDER BY key that copied it unconverted
			out = append(out, g.normalize(va, vb)...)
			k = close
			continue
		}
		if end, window, ok := g.aggregateCall(k); ok && !window {
			out = append(out, gcTok{key: "@agg", off: t.pos})
			k = end - 1
			continue
		}
		if _, _, _, conv := x.setOpValueAt(k + 1); t.typ == tIdent && x.isP(k+1, "(") && !conv {
			out = append(out, gcTok{key: asciiLower(t.text) + "(", off: t.pos})
			continue
		}
		if ref, sure, next, isRef := g.resolve(k, a); isRef {
			if sure {
				r := ref
				out = append(out, gcTok{key: "#" + strconv.Itoa(r.item) + "." + r.col, ref: &r, off: t.pos})
			} else {
				out = append(out, gcTok{key: "?" + strings.ToLower(x.text(k, next)), off: t.pos})
			}
			k = next - 1
			continue
		}
		key := t.text
		if t.typ == tIdent {
			key = asciiLower(key)
		}
		out = append(out, gcTok{key: key, off: t.pos})
	}
	return out
}

// resolve reads the column reference at k: isRef false when the token is
// none; sure when it names exactly one column of a FROM item of the
// level whose columns are known; next is the token after it.
func (g *gcLevel) resolve(k, regionStart int) (ref gcRef, sure bool, next int, isRef bool) {
	x := g.x
	t := x.T(k)
	if t.typ != tIdent && t.typ != tQIdent || x.isP(k-1, ".") || x.T(k-1).typ == tCast ||
		x.kw(k-1, "AS") || x.kw(k-1, "COLLATE") || t.typ == tIdent && gcNotColumn[t.upper()] {
		return ref, false, k + 1, false
	}
	if x.isP(k+1, ".") {
		c := x.T(k + 2)
		if c.typ != tIdent && c.typ != tQIdent || x.isP(k+3, ".") || x.isP(k+3, "(") {
			return ref, false, k + 1, false
		}
		q, col := strings.ToLower(t.identName()), strings.ToLower(c.identName())
		found := -1
		for i, it := range g.items {
			if it.ref == q {
				if found >= 0 {
					return ref, false, k + 3, true
				}
				found = i
			}
		}
		if found < 0 || g.items[found].cols == nil {
			return ref, false, k + 3, true
		}
		if _, ok := g.items[found].cols[col]; !ok {
			return ref, false, k + 3, true
		}
		return gcRef{found, col}, true, k + 3, true
	}
	col := strings.ToLower(t.identName())
	if g.inOrder(regionStart) && g.outs[col] {
		return ref, false, k + 1, true
	}
	if m, ok := g.merged[col]; ok {
		return m.ref, !m.full, k + 1, true
	}
	found := -1
	for i, it := range g.items {
		if _, ok := it.cols[col]; ok {
			if found >= 0 {
				return ref, false, k + 1, true
			}
			found = i
		}
	}
	if found < 0 {
		return ref, false, k + 1, true
	}
	return gcRef{found, col}, true, k + 1, true
}

// inOrder: the region starting at token a is an ORDER BY list.
func (g *gcLevel) inOrder(a int) bool {
	return a >= 2 && g.x.kw(a-2, "ORDER", "BY") && g.x.depth[a-2] == g.d
}

// itemAlias: the output name of the select item it, when it has one the
// check can read (an alias, or a bare column's name).
func (x *tx) itemAlias(it [2]int) (string, bool) {
	a, b := it[0], it[1]
	last := x.T(b - 1)
	if b <= a || last.typ != tIdent && last.typ != tQIdent {
		return "", false
	}
	name := strings.ToLower(last.identName())
	switch {
	case b-a == 1, b-a == 3 && x.isP(a+1, "."):
		return name, true
	case b-a >= 3 && x.kw(b-2, "AS"):
		return name, true
	case b-a >= 2 && x.bareAlias(it):
		return name, true
	}
	return "", false
}

// bareAlias: the select item it ends with an alias without AS.
func (x *tx) bareAlias(it [2]int) bool {
	a, b := it[0], it[1]
	if b-a < 2 || x.T(b-1).typ != tIdent && x.T(b-1).typ != tQIdent || x.T(b-1).typ == tIdent && gcNotColumn[x.T(b-1).upper()] {
		return false
	}
	p := x.T(b - 2)
	// a CASE's END too (CASE ... END c): read as a column, the alias
	// was part of the expression, which then matched no grouping item
	return p.typ == tQIdent || p.typ == tIdent && (!gcNotColumn[p.upper()] || p.kw("END")) || p.typ == tNumber || p.typ == tString || x.isP(b-2, ")")
}

// itemEnd: the end of the select item it's expression (before its alias).
func (x *tx) itemEnd(it [2]int) int {
	a, b := it[0], it[1]
	switch {
	case b-a >= 3 && x.kw(b-2, "AS"):
		return b - 2
	case b-a >= 2 && !(b-a == 3 && x.isP(a+1, ".")) && x.bareAlias(it):
		return b - 1
	}
	return b
}

// readFrom reads the FROM items in tokens [a, b); false when the check
// leaves the level alone.
func (g *gcLevel) readFrom(a, b int, ctes map[string]bool, cteCols map[string][]string) bool {
	x := g.x
	for k := a; k < b; k++ {
		if x.depth[k] == g.d && x.T(k).typ == tIdent && gcLevelSkip[x.T(k).upper()] {
			return false
		}
	}
	k := a
	seg := 0 // the first item after the last comma: a join's left side starts there
	for k < b {
		natural, join := false, ""
		for k < b && (x.isP(k, ",") || x.T(k).typ == tIdent && (gcJoinWord[x.T(k).upper()] || x.T(k).kw("NATURAL"))) {
			switch u := x.T(k).upper(); {
			case x.isP(k, ","):
				seg, natural, join = len(g.items), false, ""
			case u == "NATURAL":
				natural = true
			case u == "LEFT" || u == "RIGHT" || u == "FULL":
				join = u
			}
			k++
		}
		if k >= b {
			break
		}
		it := gcItem{}
		table := ""
		var derived []string // a subquery's or CTE's columns, when known
		switch t := x.T(k); {
		case x.isSubquery(k):
			if names, ok := x.queryOutNames(k+1, x.match(k), cteCols); ok {
				derived = names
			}
			it.body = [2]int{k + 1, x.match(k)}
			k = x.match(k) + 1
		case t.typ == tIdent || t.typ == tQIdent:
			name := t
			k++
			if x.isP(k, ".") {
				name = x.T(k + 1)
				k += 2
			}
			it.ref, it.name = strings.ToLower(name.identName()), name.identName()
			if x.isP(k, "(") {
				k = x.match(k) + 1
			} else if !ctes[it.ref] {
				table = name.identName()
			} else {
				derived = cteCols[it.ref]
				it.cte = it.ref
			}
		default:
			return false
		}
		if x.kw(k, "AS") {
			k++
		}
		if t := x.T(k); k < b && (t.typ == tQIdent || t.typ == tIdent && !gcJoinWord[t.upper()] && !t.kw("ON") && !t.kw("NATURAL") && !t.kw("USING")) {
			it.ref, it.name = strings.ToLower(t.identName()), t.identName()
			k++
		}
		if x.isP(k, "(") { // column aliases
			table = ""
			if derived != nil {
				as := x.parenNames(k, x.match(k)+1)
				derived = append(as, derived[min(len(as), len(derived)):]...)
			}
			k = x.match(k) + 1
		}
		it.derived = derived
		if derived != nil {
			// no keys: PostgreSQL's functional dependency is on a
			// table's primary key only
			it.cols = map[string]string{}
			for _, c := range derived {
				if _, dup := it.cols[strings.ToLower(c)]; dup {
					it.cols = nil // a duplicated name: PostgreSQL's reference is ambiguous
					break
				}
				it.cols[strings.ToLower(c)] = c
			}
		}
		if table != "" {
			if cols, keys, ok := g.cat.TableColumns(table); ok {
				it.table = table
				it.cols = map[string]string{}
				for _, c := range cols {
					it.cols[strings.ToLower(c)] = c
				}
				it.keys = keys
			}
		}
		g.items = append(g.items, it)
		var using []string
		if x.kw(k, "USING") && x.isP(k+1, "(") {
			using = x.parenNames(k+1, x.match(k+1)+1)
			k = x.match(k+1) + 1
		}
		if natural || using != nil {
			if !g.mergeJoin(seg, using, natural, join) {
				return false
			}
		}
		if x.kw(k, "ON") {
			for k++; k < b && !(x.depth[k] == g.d && (x.isP(k, ",") || x.T(k).typ == tIdent && gcJoinWord[x.T(k).upper()])); k++ {
			}
		}
		if k < b && !(x.isP(k, ",") || x.T(k).typ == tIdent && (gcJoinWord[x.T(k).upper()] || x.T(k).kw("NATURAL"))) {
			return false
		}
	}
	return len(g.items) > 0
}
