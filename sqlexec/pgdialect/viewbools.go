package pgdialect

// viewbools.go: a view's boolean expression columns keep their type.
//
// SQLite holds a boolean as 1/0 and a view's column has a declared type
// only when it is a table's column (sqlite3_column_decltype follows a
// view's column to its expression, and an expression has none), so
// `CREATE VIEW v AS SELECT id > 1 AS big FROM t` would print 1/0 in
// `SELECT * FROM v`, in text contexts and in JSON, and be described as
// int8. SQLite's one expression with a declared type is a scalar
// subquery of a table's column, so the translation writes each boolean
// select item of a view whose type the statement shows (a comparison,
// IS, EXISTS, IN, LIKE, a CASE or coalesce of booleans, a boolean
// function) as
//
//	(SELECT b FROM raftsql_bools WHERE b = (expr)) AS "name"
//
// over raftsql_bools(b boolean), the state machine's table holding 0 and
// 1 (created at open, sqlexec/db.go): its value is expr's (NULL when
// expr is NULL: no row) and its declared type is boolean, which reaches
// every statement reading the view, views of views included.
//
// An item with an aggregate or window call cannot be wrapped so (in a
// subquery the aggregate would be the subquery's own): the view's query
// becomes a derived table and the view wraps its column instead.

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// BoolsTableSQL creates the table the view columns of boolean
// expressions read their type from (see the top of the file).
const BoolsTableSQL = `CREATE TABLE IF NOT EXISTS raftsql_bools(b boolean PRIMARY KEY) WITHOUT ROWID`

// BoolsRowsSQL fills BoolsTableSQL's table.
const BoolsRowsSQL = `INSERT OR IGNORE INTO raftsql_bools(b) VALUES (0), (1)`

// ViewBoolOpen starts the typed wrapping of a view's boolean column; the
// guard against statements naming raftsql's tables lets it through (it
// reads the table, and nothing can follow it that writes).
const ViewBoolOpen = "(SELECT b FROM raftsql_bools WHERE b = ("

// viewBoolAggs are the aggregate calls that keep an item unwrapped.
var viewBoolAggs = map[string]bool{"count": true, "sum": true, "avg": true, "min": true, "max": true,
	"bool_and": true, "bool_or": true, "every": true, "array_agg": true, "string_agg": true,
	"json_agg": true, "jsonb_agg": true, "json_object_agg": true, "jsonb_object_agg": true,
	"group_concat": true, "total": true, "bit_and": true, "bit_or": true, "bit_xor": true,
	"stddev": true, "stddev_samp": true, "stddev_pop": true, "variance": true, "var_samp": true,
	"var_pop": true, "mode": true, "percentile_cont": true, "percentile_disc": true, "corr": true,
	"covar_pop": true, "covar_samp": true, "regr_count": true, "xmlagg": true, "grouping": true}

// typeViewBools wraps the boolean items of the first select list of a
// CREATE VIEW (after applyAliases, which named every unnamed item).
// oids are the types of the view's columns, as the view's query alone
// is described (Translate of the query: derived tables and CTEs
// included).
func (x *tx) typeViewBools(oids []uint32, as int) {
	lists := x.selectLists()
	if as < 0 || len(lists) == 0 || len(oids) != len(lists[0]) {
		return
	}
	derived := x.hasDerivedTable()
	items := lists[0]
	names := make([]string, len(items)) // the items' column names ("" for a star)
	var outer []int                     // boolean items typed around the query
	for k, it := range items {
		a, b := it[0], it[1]
		if a >= b || x.isP(b-1, "*") {
			continue
		}
		e := b // the expression's end (before an alias)
		switch n, has, _ := x.itemName(a, b); {
		case b-a >= 2 && x.T(b-2).kw("AS"):
			e, names[k] = b-2, x.T(b-1).identName()
		case has:
			e, names[k] = b-1, x.T(b-1).identName()
		case n != "":
			names[k] = n // applyAliases named it so
		default:
			bare, j := x.name(a)
			if bare == "" || j != b {
				continue
			}
			names[k] = bare
			// a bare column: a table's keeps its declared type; a
			// derived table's or CTE's expression has none
			if oids[k] != pgoid.Bool || !derived {
				continue
			}
			x.T(b - 1).wsuf += " AS " + quoteIdent(bare)
		}
		if oids[k] != pgoid.Bool || e <= a {
			continue
		}
		if x.aggregateIn(a, e) {
			// in a subquery the aggregate would be the subquery's own
			outer = append(outer, k)
			continue
		}
		x.T(a).pre = ViewBoolOpen + x.T(a).pre
		x.T(e - 1).suf += "))"
	}
	if len(outer) > 0 {
		x.typeViewBoolsAround(names, outer, as)
	}
}

// typeViewBoolsAround types the boolean items at outer of a view's
// query (the tokens after as) whose expressions hold aggregates: the
// query becomes a derived table whose columns the view selects by name,
// those items through the typed wrapping. It needs every column's name,
// and distinct ones (a star's columns, or SQLite's k:1 for a repeated
// name, leave the view as it is).
func (x *tx) typeViewBoolsAround(names []string, outer []int, as int) {
	seen := map[string]bool{}
	for _, n := range names {
		if n == "" || seen[n] {
			return
		}
		seen[n] = true
	}
	typed := map[int]bool{}
	for _, k := range outer {
		typed[k] = true
	}
	var sel strings.Builder
	for k, n := range names {
		if k > 0 {
			sel.WriteString(", ")
		}
		col := "pgdialect_v." + quoteIdent(n)
		if typed[k] {
			sel.WriteString(ViewBoolOpen + col + ")) AS " + quoteIdent(n))
		} else {
			sel.WriteString(col)
		}
	}
	first, last := as+1, x.n()-1
	for last > first && x.isP(last, ";") {
		last--
	}
	if first > last {
		return
	}
	x.T(first).wpre = "SELECT " + sel.String() + " FROM (" + x.T(first).wpre
	x.T(last).wsuf += ") AS pgdialect_v"
}

// aggregateIn reports an aggregate or window call in a..b-1.
func (x *tx) aggregateIn(a, b int) bool {
	for k := a; k < b; k++ {
		t := x.T(k)
		if t.kw("OVER") || t.kw("FILTER") {
			return true
		}
		if t.typ == tIdent && x.isP(k+1, "(") {
			n := strings.ToLower(t.text)
			if viewBoolAggs[n] || strings.HasPrefix(strings.ToLower(t.str()), "pg_sum") ||
				strings.HasPrefix(strings.ToLower(t.str()), "pg_percentile") || strings.HasPrefix(strings.ToLower(t.str()), "pg_mode") {
				return true
			}
		}
	}
	return false
}
