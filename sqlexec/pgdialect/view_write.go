package pgdialect

import "strings"

// view_write.go: INSERT, UPDATE and DELETE through a view.
//
// PostgreSQL writes through an automatically updatable view (a SELECT of
// plain columns and expressions from one table or updatable view, without
// WITH, DISTINCT, GROUP BY, HAVING, set operations, LIMIT/OFFSET,
// aggregates, window or set-returning functions) by rewriting the
// statement onto the view's base relation (rewriteHandler.c,
// rewriteTargetView): the view's columns become the base columns they
// read, an UPDATE or DELETE reaches only the rows the view's WHERE shows,
// an INSERT or UPDATE may leave them outside it (no CHECK OPTION), and
// RETURNING returns the view's columns. SQLite writes through no view. The
// session reads the view's definition (ParseViewWrite) and rewrites the
// PostgreSQL text of the statement the same way (RewriteViewWrite), before
// it is translated; the rewritten statement is what every node applies.
// A view that is not automatically updatable is PostgreSQL's 55000 with
// its DETAIL (ViewWrite.NotUpdatable), a column that is no base column
// 0A000, both from the session.

// ViewWrite is what a view's definition says about writing through it.
type ViewWrite struct {
	Name string // the view
	Base string // the single relation of its FROM ("" when NotUpdatable)
	Cols []ViewCol
	// NotUpdatable: PostgreSQL's DETAIL for a view that is not
	// automatically updatable; "" when it is
	NotUpdatable string
	// Check: the view's WITH CHECK OPTION ("LOCAL", "CASCADED"; "" for
	// none)
	Check string

	body     *tx
	inSub    []bool // body tokens inside a subquery
	where    [2]int // its WHERE condition's tokens in body (empty: none)
	alias    string // the name the view's FROM gives the base relation
	baseCols map[string]bool
}

// ViewCol is a column of a view.
type ViewCol struct {
	Name string
	// Base: the base relation's column the view's column is; "" for an
	// expression, which cannot be written
	Base string
	expr [2]int // the expression's tokens in body (empty: Base by name)
}

// Updatable reports whether some column of the view can be written.
func (v *ViewWrite) Updatable() bool {
	for _, c := range v.Cols {
		if c.Base != "" {
			return true
		}
	}
	return false
}

const viewNotSingle = "Views that do not select from a single table or view are not automatically updatable."

// windowOnly are the window functions that are no aggregates.
var windowOnly = map[string]bool{"ROW_NUMBER": true, "RANK": true, "DENSE_RANK": true, "PERCENT_RANK": true,
	"CUME_DIST": true, "NTILE": true, "LAG": true, "LEAD": true, "FIRST_VALUE": true, "LAST_VALUE": true, "NTH_VALUE": true}

// viewAggregates are aggregate functions beyond scalarAggregates.
var viewAggregates = map[string]bool{"BIT_XOR": true, "XMLAGG": true, "REGR_SLOPE": true, "REGR_INTERCEPT": true,
	"REGR_COUNT": true, "REGR_R2": true, "REGR_AVGX": true, "REGR_AVGY": true, "REGR_SXX": true, "REGR_SYY": true,
	"REGR_SXY": true, "ANY_VALUE": true, "RANGE_AGG": true, "RANGE_INTERSECT_AGG": true}

// ParseViewWrite reads a view's definition: createSQL is its CREATE VIEW
// statement as stored (which keeps the PostgreSQL text of its query),
// names its columns' names in order, baseCols the columns of a relation
// (nil when it is unknown). nil when the definition cannot be read here.
func ParseViewWrite(name, createSQL string, names []string, baseCols func(rel string) []string) *ViewWrite {
	return parseViewWrite(name, createSQL, names, baseCols)
}

// ViewAutoUpdatable reports whether the view createSQL defines can be
// written through (information_schema's is_updatable and
// is_insertable_into: automatically updatable, with a column that is a
// column of its base relation, which is taken to have every column named).
func ViewAutoUpdatable(createSQL string) bool {
	v := parseViewWrite("", createSQL, nil, nil)
	return v != nil && v.NotUpdatable == "" && v.Updatable()
}

// parseViewWrite is ParseViewWrite; without baseCols (ViewAutoUpdatable)
// every name the view reads is taken for a base column and names are not
// checked.
func parseViewWrite(name, createSQL string, names []string, baseCols func(rel string) []string) *ViewWrite {
	body, ok := viewPGText(createSQL) // catalog_dump.go
	if !ok {
		return nil
	}
	v := &ViewWrite{Name: name, Check: viewCheckOption(createSQL)}
	x := newTx(body)
	if s := x.stripPublic(); s != body {
		x = newTx(s)
	}
	v.body = x
	v.inSub = x.subqueryTokens()
	top := func(words ...string) int {
		for k := 0; k < x.n(); k++ {
			if x.depth[k] == 0 && x.isKwAny(k, words) {
				return k
			}
		}
		return -1
	}
	switch {
	case x.T(0).kw("WITH"):
		v.NotUpdatable = "Views containing WITH are not automatically updatable."
	case top("UNION", "INTERSECT", "EXCEPT") >= 0:
		v.NotUpdatable = "Views containing UNION, INTERSECT, or EXCEPT are not automatically updatable."
	case !x.T(0).kw("SELECT"):
		v.NotUpdatable = viewNotSingle // VALUES, a parenthesized query
	case x.kw(1, "DISTINCT"):
		v.NotUpdatable = "Views containing DISTINCT are not automatically updatable."
	case top("GROUP") >= 0 && x.kw(top("GROUP")+1, "BY"):
		v.NotUpdatable = "Views containing GROUP BY are not automatically updatable."
	case top("HAVING") >= 0:
		v.NotUpdatable = "Views containing HAVING are not automatically updatable."
	case top("LIMIT", "OFFSET", "FETCH") >= 0:
		v.NotUpdatable = "Views containing LIMIT or OFFSET are not automatically updatable."
	}
	if v.NotUpdatable != "" {
		return v
	}
	items, from := x.selectListAt(0)
	if detail := x.viewCalls(0, x.n()); detail != "" {
		v.NotUpdatable = detail
		return v
	}
	if from >= x.n() || !x.T(from).kw("FROM") {
		v.NotUpdatable = viewNotSingle
		return v
	}
	end := x.n()
	for k := from + 1; k < x.n(); k++ {
		if x.depth[k] == 0 && x.isKwAny(k, []string{"WHERE", "ORDER", "WINDOW", "FOR"}) {
			end = k
			break
		}
	}
	k := from + 1
	if x.kw(k, "ONLY") {
		k++
	}
	rel, j := x.name(k)
	if rel == "" || x.isP(j, "(") {
		v.NotUpdatable = viewNotSingle
		return v
	}
	v.Base, v.alias = rel, rel
	if x.kw(j, "AS") {
		j++
	}
	if j < end && x.targetAliasAt(j) && !x.T(j).kw("TABLESAMPLE") && !x.T(j).kw("JOIN") && !x.T(j).kw("NATURAL") && !x.T(j).kw("CROSS") {
		v.alias = x.T(j).identName()
		j++
	}
	if j < end {
		if x.T(j).kw("TABLESAMPLE") {
			v.NotUpdatable = "Views containing TABLESAMPLE are not automatically updatable."
		} else {
			v.NotUpdatable = viewNotSingle // a join, a comma, a column alias list
		}
		return v
	}
	if w := end; w < x.n() && x.T(w).kw("WHERE") {
		we := x.n()
		for k := w + 1; k < x.n(); k++ {
			if x.depth[k] == 0 && x.isKwAny(k, []string{"ORDER", "WINDOW", "FOR"}) {
				we = k
				break
			}
		}
		v.where = [2]int{w + 1, we}
	}
	loose := baseCols == nil
	var cols []string
	if loose {
		cols = []string{"*"}
	} else if cols = baseCols(rel); cols == nil {
		return nil
	}
	v.baseCols = map[string]bool{}
	for _, c := range cols {
		v.baseCols[strings.ToLower(c)] = true
	}
	for _, it := range items {
		a, b := it[0], it[1]
		if a >= b {
			return nil
		}
		if x.isP(b-1, "*") {
			if b-a == 3 && x.T(a).identName() != v.alias || b-a != 1 && b-a != 3 {
				return nil
			}
			for _, c := range cols {
				v.Cols = append(v.Cols, ViewCol{Base: c})
			}
			continue
		}
		e := b
		if _, has, _ := x.itemName(a, b); has {
			e = b - 1
			if x.kw(e-1, "AS") {
				e--
			}
		}
		c := ViewCol{expr: [2]int{a, e}}
		switch {
		case e == a+1 && (x.T(a).typ == tIdent || x.T(a).typ == tQIdent):
			c.Base = x.T(a).identName()
		case e == a+3 && x.isP(a+1, ".") && x.T(a).identName() == v.alias && (x.T(a+2).typ == tIdent || x.T(a+2).typ == tQIdent):
			c.Base = x.T(a + 2).identName()
		}
		if c.Base != "" && !loose && !v.baseCols[strings.ToLower(c.Base)] {
			c.Base = "" // a system column, an outer name: read only
		}
		if c.Base != "" {
			c.Base = baseColName(cols, c.Base)
		}
		v.Cols = append(v.Cols, c)
	}
	if loose {
		return v
	}
	if len(v.Cols) != len(names) {
		return nil
	}
	for i := range v.Cols {
		v.Cols[i].Name = names[i]
	}
	return v
}

// baseColName is the base relation's spelling of the column name.
func baseColName(cols []string, name string) string {
	for _, c := range cols {
		if strings.EqualFold(c, name) {
			return c
		}
	}
	return name
}

// viewCalls is PostgreSQL's DETAIL for the aggregate, window or
// set-returning function the query level lo..hi-1 calls, or "".
func (x *tx) viewCalls(lo, hi int) string {
	agg, win, srf := false, false, false
	for k := lo; k < hi; k++ {
		if x.isSubquery(k) {
			k = x.match(k)
			continue
		}
		t := x.T(k)
		if t.typ != tIdent || !x.isP(k+1, "(") || x.isP(k-1, ".") {
			continue
		}
		u := t.upper()
		m := x.match(k + 1)
		if x.kw(m+1, "FILTER") && x.isP(m+2, "(") {
			m = x.match(m + 2)
		}
		if x.kw(m+1, "WITHIN", "GROUP") && x.isP(m+3, "(") {
			m = x.match(m + 3)
		}
		switch {
		case x.kw(m+1, "OVER") && (windowOnly[u] || scalarAggregates[u] || viewAggregates[u]):
			win = true
		case scalarAggregates[u] || viewAggregates[u]:
			agg = true
		case setReturning[u]:
			srf = true
		}
	}
	switch {
	case agg:
		return "Views that return aggregate functions are not automatically updatable."
	case win:
		return "Views that return window functions are not automatically updatable."
	case srf:
		return "Views that return set-returning functions are not automatically updatable."
	}
	return ""
}

// subqueryTokens marks the tokens inside a parenthesized subquery.
func (x *tx) subqueryTokens() []bool {
	in := make([]bool, x.n())
	for k := 0; k < x.n(); k++ {
		if x.isSubquery(k) {
			m := x.match(k)
			for r := k + 1; r < m && r < x.n(); r++ {
				in[r] = true
			}
		}
	}
	return in
}

// bareColumnRef reports whether the identifier at k reads as a bare column
// reference: not qualified, qualifying, called, a type or an alias.
func (x *tx) bareColumnRef(k int) bool {
	t := x.T(k)
	if t.typ != tIdent && t.typ != tQIdent {
		return false
	}
	if x.isP(k-1, ".") || x.isP(k+1, ".") || x.isP(k+1, "(") || x.T(k-1).typ == tCast || x.T(k-1).kw("AS") {
		return false
	}
	if n := x.T(k + 1); n.typ == tString {
		return false // a typed literal: date '2024-01-01'
	}
	return t.typ == tQIdent || !reservedWords[t.upper()]
}

// exprText is the text of column c's expression over the base relation
// called q.
func (v *ViewWrite) exprText(c ViewCol, q string) string {
	if c.Base != "" {
		return q + "." + quoteIdent(c.Base)
	}
	return "(" + v.requalify(c.expr[0], c.expr[1], q) + ")"
}

// whereText is the view's WHERE condition over the base relation called
// q ("" when it has none).
func (v *ViewWrite) whereText(q string) string {
	if v.where[0] >= v.where[1] {
		return ""
	}
	return v.requalify(v.where[0], v.where[1], q)
}

// requalify is the body's tokens lo..hi-1 with their references to the
// base relation's columns qualified by q: qualified ones by the view's
// name for the relation, bare ones outside subqueries (a subquery's own
// FROM may have columns of the same names).
func (v *ViewWrite) requalify(lo, hi int, q string) string {
	x := v.body
	var b strings.Builder
	at := x.T(lo).pos
	end := x.T(hi-1).pos + len(x.T(hi-1).text)
	for k := lo; k < hi; k++ {
		t := x.T(k)
		if (t.typ == tIdent || t.typ == tQIdent) && !x.isP(k-1, ".") && x.isP(k+1, ".") && t.identName() == v.alias &&
			(x.T(k+2).typ == tIdent || x.T(k+2).typ == tQIdent) && k+2 < hi {
			b.WriteString(x.src[at:t.pos])
			b.WriteString(q + ".")
			at = x.T(k + 2).pos
			k += 2
			continue
		}
		if !v.inSub[k] && x.bareColumnRef(k) && v.baseCols[strings.ToLower(t.identName())] {
			b.WriteString(x.src[at:t.pos])
			b.WriteString(q + "." + t.text)
			at = t.pos + len(t.text)
		}
	}
	b.WriteString(x.src[at:end])
	return b.String()
}

// viewCheckOption is the CHECK OPTION a stored CREATE VIEW keeps
// (createView's mark), "" for none.
func viewCheckOption(createSQL string) string {
	i := strings.Index(createSQL, viewCheckMark)
	if i < 0 {
		return ""
	}
	rest := createSQL[i+len(viewCheckMark):]
	if j := strings.Index(rest, "*/"); j >= 0 {
		return rest[:j]
	}
	return ""
}

// viewCheckMark keeps a view's WITH [LOCAL | CASCADED] CHECK OPTION in
// its SQLite definition (which has no such clause).
const viewCheckMark = "/*pg_check_option:"
