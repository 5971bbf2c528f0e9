package pgdialect

// Result columns read from derived relations. SQLite declares a type for
// a result column only when it reads a table's column, straight or
// through subqueries, CTEs and views; a column that a subquery, CTE or
// view computes (SELECT s FROM (SELECT sum(amt) AS s FROM t) x, WITH c AS
// (SELECT max(ts) m FROM t) SELECT m FROM c, a view's 1 AS one) has none,
// so it was described from its first value, or as text without rows,
// where PostgreSQL gives the type the relation's query gives the column.
// The relation's query is a statement of its own: the session compiles it
// alone and describes its columns the way it describes any statement's
// (sqlexec/resulttypes.go), then gives each result column that is a bare
// reference to one of them (s, x.s, *, x.*) that column's type. This file
// finds those references and the relations' queries, lexically; a
// correlated subquery (LATERAL) does not compile alone and is left to its
// value.

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// DerivedRel is a FROM item of a statement's main query block.
type DerivedRel struct {
	Alias string // the name the block reads it by
	// SQL: a subquery's or CTE's query as a statement of its own (the
	// statement's WITH clause before it, so it sees the CTEs it reads)
	SQL string
	// Name: a relation named in FROM that is no CTE (a table or a view:
	// the session looks it up); "" for a subquery or CTE
	Name string
	// Cols: the column names an alias list gives (AS x(a, b)) or a CTE
	// declares, which rename the query's first columns; nil when none
	Cols []string
	// Columns, Types: a json table function's columns, typed by the
	// dialect (json_each over pg_jsonb_each or pg_jsonb_elements, as
	// json_srf_from.go keeps jsonb_each(t.doc) after a table it reads:
	// no statement of its own); Types[i] 0 where not known
	Columns []string
	Types   []uint32
}

// Known reports whether the session can describe the relation's columns:
// it is neither a join in parentheses nor a function other than a json
// table function.
func (r DerivedRel) Known() bool { return r.SQL != "" || r.Name != "" || r.Types != nil }

// DerivedItem is one item of the main query block's select list.
type DerivedItem struct {
	// Rel: the FROM item the item reads (an index into Rels); -1 for an
	// unqualified column or * (the one relation that has the column; all
	// relations in order)
	Rel  int
	Col  string // the column read; "" for * and for an item of another shape
	Star bool   // * or alias.*: one result column per column of Rel (of all Rels when -1)
	// Type: the type of an item of another shape that the dialect wrote
	// and knows (a json table function's ordinality after a table,
	// json_srf_from.go); 0 otherwise
	Type uint32
}

// Ref reports whether the item is a bare column reference or a star.
func (it DerivedItem) Ref() bool { return it.Star || it.Col != "" }

// DerivedQuery is the main query block of a SELECT statement: its FROM
// items and select list items.
type DerivedQuery struct {
	Rels  []DerivedRel
	Items []DerivedItem
}

// MentionsDerived is a cheap test before lexing: sqlText may read a
// subquery, a CTE or a named relation in FROM.
func MentionsDerived(sqlText string) bool {
	low := strings.ToLower(sqlText)
	return strings.Contains(low, "from")
}

// DerivedColumns reads the main query block of the SQLite SELECT statement
// sqlText (after its WITH clause); nil when it has none this file reads:
// another statement, a set operation at the top (its columns are the
// common types of its arms, described elsewhere), no FROM clause.
func DerivedColumns(sqlText string) *DerivedQuery {
	x := newTx(sqlText)
	if !x.balanced() || x.n() == 0 {
		return nil
	}
	ctes := map[string]DerivedRel{}
	main := 0
	if x.kw(0, "WITH") {
		if main = x.withCTEs(ctes); main < 0 {
			return nil
		}
	}
	if !x.kw(main, "SELECT") {
		return nil
	}
	for k := main; k < x.n(); k++ {
		if x.depth[k] == 0 && (x.kw(k, "UNION") || x.kw(k, "INTERSECT") || x.kw(k, "EXCEPT")) {
			return nil
		}
	}
	list, e := x.selectListAt(main)
	if !x.kw(e, "FROM") {
		return nil
	}
	end := x.n()
	for k := e + 1; k < x.n(); k++ {
		if x.depth[k] == 0 && x.T(k).typ == tIdent {
			switch x.T(k).upper() {
			case "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "WINDOW", "FOR", "FETCH":
				end = k
			}
			if end != x.n() {
				break
			}
		}
	}
	prefix := ""
	if main > 0 {
		prefix = x.orig(0, main) + " "
	}
	q := &DerivedQuery{}
	for _, it := range x.fromItems(e+1, end, map[string]*derivedRel{}) { // derivedcols.go
		q.Rels = append(q.Rels, x.derivedRel(it.a, it.b, prefix, ctes))
	}
	for _, it := range list {
		q.Items = append(q.Items, x.derivedItem(it[0], it[1], q.Rels))
	}
	return q
}

// withCTEs reads the WITH clause at the start of the statement into ctes
// (each a statement of its own: the whole clause, then its query) and
// returns the index of the main statement, -1 when not understood.
func (x *tx) withCTEs(ctes map[string]DerivedRel) int {
	defs, i, _, ok := x.withList(0) // withdml.go
	if !ok {
		return -1
	}
	prefix := x.orig(0, i) + " "
	for _, d := range defs {
		if x.kw(d.lo, "SELECT") || x.kw(d.lo, "VALUES") {
			ctes[d.name] = DerivedRel{Alias: d.name, SQL: prefix + x.orig(d.lo, d.hi), Cols: d.cols}
		} else {
			ctes[d.name] = DerivedRel{Alias: d.name} // a data-modifying CTE
		}
	}
	return i
}

// derivedRel reads the FROM item a..b-1.
func (x *tx) derivedRel(a, b int, prefix string, ctes map[string]DerivedRel) DerivedRel {
	var rel DerivedRel
	e := -1
	switch t := x.T(a); {
	case x.kw(a, "LATERAL") || x.kw(a-1, "LATERAL"):
		return rel // correlated: not a statement of its own
	case x.isP(a, "(") && (x.kw(a+1, "SELECT") || x.kw(a+1, "VALUES") || x.kw(a+1, "WITH")):
		m := x.match(a)
		if m < 0 || m >= b {
			return rel
		}
		if x.kw(a+1, "WITH") {
			prefix = "" // its own WITH clause: the statement's would come before it
		}
		rel.SQL = prefix + x.orig(a+1, m)
		e = m + 1
	case t.typ == tIdent && strings.EqualFold(t.text, "json_each") && x.isP(a+1, "("):
		m := x.match(a + 1)
		if m < 0 || m >= b {
			return rel
		}
		rel = jsonEachRel(x, a+2, m) // json_srf_from.go
		if rel.Types == nil {
			return rel
		}
		e = m + 1
	case t.typ == tIdent || t.typ == tQIdent:
		if x.kw(a, "ONLY") {
			a++
		}
		name, n := x.name(a)
		if name == "" || x.isP(n, "(") || n > b {
			return rel // a function
		}
		if c, ok := ctes[name]; ok && n == a+1 {
			rel = c
		} else {
			rel.Name, rel.Alias = name, name
		}
		e = n
	default:
		return rel
	}
	if x.kw(e, "AS") {
		e++
	}
	if t := x.T(e); e < b && (t.typ == tQIdent || t.typ == tIdent && !reservedWord(t.upper()) && !isClauseKw(t.upper()) && !isJoinKw(t.upper())) {
		rel.Alias = t.identName()
		e++
		if x.isP(e, "(") && x.match(e) < b {
			rel.Cols = x.parenNames(e, b)
		}
	}
	return rel
}

// derivedItem reads the select list item a..b-1.
func (x *tx) derivedItem(a, b int, rels []DerivedRel) DerivedItem {
	if x.jsonOrdinalityItem(a, b) { // json_srf_from.go
		return DerivedItem{Rel: -2, Type: pgoid.Int8}
	}
	a, b = x.itemExpr(a, b)
	alias := func(q string) int {
		k := -1
		for i, r := range rels {
			if r.Alias == q {
				if k >= 0 {
					return -2 // ambiguous
				}
				k = i
			}
		}
		return k
	}
	switch {
	case b == a+1 && x.isP(a, "*"):
		return DerivedItem{Rel: -1, Star: true}
	case b == a+3 && x.isP(a+1, ".") && x.isP(a+2, "*"):
		if k := alias(x.T(a).identName()); k >= 0 {
			return DerivedItem{Rel: k, Star: true}
		}
		return DerivedItem{Rel: -2}
	}
	for b-a >= 3 && x.isP(a, "(") && x.match(a) == b-1 {
		a, b = a+1, b-1 // (col), as an arithmetic probe writes a leaf (arith_types.go), is col
		if b-a >= 3 && x.kw(b-2, "COLLATE") {
			b -= 2 // (col COLLATE pg_jsonb): a json table function's value (json_srf_from.go)
		}
	}
	if b-a >= 3 && x.kw(b-2, "COLLATE") {
		b -= 2
	}
	qual, col, ok := x.bareColumn(a, b) // jsonb_translate.go
	switch {
	case !ok:
		return DerivedItem{Rel: -2}
	case qual == "":
		return DerivedItem{Rel: -1, Col: col}
	}
	if k := alias(qual); k >= 0 {
		return DerivedItem{Rel: k, Col: col}
	}
	return DerivedItem{Rel: -2}
}

// ViewQuery is the PostgreSQL text of the query of the view that
// createSQL (its sqlite_schema entry) creates; false when it keeps none.
func ViewQuery(createSQL string) (string, bool) {
	return viewPGText(createSQL) // catalog_dump.go
}

// ColumnIndex is the index of column name among a relation's column
// names (cols, the first renamed by rename where given), -1 when absent
// or ambiguous. Names compare as SQLite resolves them, without regard to
// ASCII case.
func ColumnIndex(cols, rename []string, name string) int {
	k := -1
	for i, c := range cols {
		if i < len(rename) {
			c = rename[i]
		}
		if strings.EqualFold(c, name) {
			if k >= 0 {
				return -1
			}
			k = i
		}
	}
	return k
}
