package pgdialect

// The tables of a column's own query block. The run-time types of
// columns (arith_columns.go, datetime_columns.go) are read from the table
// a column belongs to; in a statement with a derived table or a CTE an
// unqualified column was given none, since a derived relation may name a
// column of another type after a table's. But a column inside the
// derived table's own query (SELECT x FROM (SELECT d + 1 AS x FROM t) s)
// belongs to its own block's tables, which are plain tables: with no
// type, d + 1 was numeric arithmetic on a date's text (22P02). This file
// finds a token's innermost query block and, when every FROM item of
// that block is a table (no subquery, function, VALUES list or CTE, any
// of which could name the column), its tables.

import (
	"slices"
	"strings"
)

// blockSelect is the SELECT keyword of the query block that holds token
// a (-1 when none): the nearest before it at a depth no deeper than any
// token between them.
func (x *tx) blockSelect(a int) int {
	lo := x.depth[a]
	for k := a; k >= 0; k-- {
		lo = min(lo, x.depth[k])
		if x.depth[k] == lo && x.T(k).kw("SELECT") {
			return k
		}
	}
	return -1
}

// blockTables are the tables of the FROM clause of the query block that
// holds token a; ok=false when the block is not found or has a FROM item
// that is not a table of the schema.
// passLaterals: blockTablesBeside passes over LATERAL subqueries.
const passLaterals = -2

func (x *tx) blockTables(a int) ([]fromTable, bool) { return x.blockTablesBeside(a, -1) }

// blockTablesBeside is blockTables passing over the function FROM item
// whose name is token fn (a json table function kept as json_each beside
// the block's tables, array_translate.go's qualifyEachCols), or with fn
// passLaterals over the LATERAL subqueries (for a qualified column only:
// an unqualified one could be theirs; lateral.go).
func (x *tx) blockTablesBeside(a, fn int) ([]fromTable, bool) {
	s := x.blockSelect(a)
	if s < 0 {
		return nil, false
	}
	d := x.depth[s]
	_, e := x.selectListAt(s)
	if !x.kw(e, "FROM") {
		return nil, false
	}
	end := x.n()
	for k := e + 1; k < x.n() && end == x.n(); k++ {
		if x.depth[k] < d {
			end = k
		} else if x.depth[k] == d && x.T(k).typ == tIdent {
			switch x.T(k).upper() {
			case "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT", "WINDOW", "FOR", "RETURNING", "FETCH":
				end = k
			}
		}
	}
	ctes := x.cteNames()
	var out []fromTable
	for j := e + 1; j < end; {
		if x.kw(j, "ONLY") || x.kw(j, "LATERAL") && (j+1 == fn || fn == passLaterals && x.isP(j+1, "(")) {
			j++
		}
		n, ne := x.name(j)
		if j == fn && x.isP(ne, "(") || fn == passLaterals && x.isP(j, "(") && x.kw(j-1, "LATERAL") {
			k := x.match(ne) + 1
			for k < end && !(x.depth[k] == d && (x.isP(k, ",") || x.kw(k, "JOIN"))) {
				k++
			}
			j = k + 1
			continue
		}
		if n == "" || x.isP(ne, "(") || ctes[n] || x.T(j).typ == tIdent && (reservedWord(x.T(j).upper()) || isClauseKw(x.T(j).upper())) {
			return nil, false // a subquery, function, LATERAL or CTE
		}
		ft := fromTable{name: n}
		k := ne
		if x.kw(k, "AS") {
			k++
		}
		if t := x.T(k); k < end && (t.typ == tQIdent || t.typ == tIdent && !reservedWord(t.upper()) && !isClauseKw(t.upper()) && !isJoinKw(t.upper())) {
			ft.alias = t.identName()
			k++
		}
		if x.isP(k, "(") {
			return nil, false // renamed columns
		}
		out = append(out, ft)
		for k < end && !(x.depth[k] == d && (x.isP(k, ",") || x.kw(k, "JOIN"))) {
			k++
		}
		j = k + 1
	}
	return out, len(out) > 0
}

// blockDerivedBeside is the alias of the one FROM item of token fn's
// query block besides the function FROM item or select-list call fn,
// when that item is a subquery, VALUES list or CTE (`FROM (SELECT ...) s`,
// `FROM (VALUES ...) v(a, b)`, `FROM c`): ok=false when the block has another FROM
// item, a join, or no such item.
func (x *tx) blockDerivedBeside(fn int) (string, bool) {
	s := x.blockSelect(fn)
	if s < 0 {
		return "", false
	}
	d := x.depth[s]
	_, e := x.selectListAt(s)
	if !x.kw(e, "FROM") {
		return "", false
	}
	alias, items, ctes := "", 0, x.cteNames()
	for j := e + 1; j < x.n() && x.depth[j] >= d; {
		if x.depth[j] == d && x.T(j).typ == tIdent && (isClauseKw(x.T(j).upper()) || isJoinKw(x.T(j).upper())) {
			if isJoinKw(x.T(j).upper()) {
				return "", false
			}
			break
		}
		if x.isP(j, ")") || x.isP(j, ";") {
			break
		}
		if x.kw(j, "LATERAL") {
			j++
		}
		items++
		if j == fn {
			// the function item: its call, alias and column list
		} else if x.isP(j, "(") && (x.kw(j+1, "SELECT") || x.kw(j+1, "VALUES") || x.kw(j+1, "WITH")) {
			k := x.match(j) + 1
			if x.kw(k, "AS") {
				k++
			}
			if t := x.T(k); t.typ == tQIdent || t.typ == tIdent && !reservedWord(t.upper()) && !isClauseKw(t.upper()) && !isJoinKw(t.upper()) {
				alias = t.identName()
			}
		} else if n, ne := x.name(j); n != "" && ctes[n] && !x.isP(ne, "(") {
			alias = n
			k := ne
			if x.kw(k, "AS") {
				k++
			}
			if t := x.T(k); t.typ == tQIdent || t.typ == tIdent && !reservedWord(t.upper()) && !isClauseKw(t.upper()) && !isJoinKw(t.upper()) {
				alias = t.identName()
			}
		} else {
			return "", false
		}
		for j < x.n() && !(x.depth[j] == d && x.isP(j, ",")) && x.depth[j] >= d &&
			!(x.depth[j] == d && x.T(j).typ == tIdent && (isClauseKw(x.T(j).upper()) || isJoinKw(x.T(j).upper()))) {
			j++
		}
		if x.isP(j, ",") && x.depth[j] == d {
			j++
		}
	}
	fnInFrom := x.depth[fn] == d && fn > e
	if alias == "" || fnInFrom && items != 2 || !fnInFrom && items != 1 {
		return "", false
	}
	return alias, true
}

// cteNames are the names the statement's WITH clauses define (at any
// depth): a FROM item of one of them is no table.
func (x *tx) cteNames() map[string]bool {
	out := map[string]bool{}
	for k := 1; k+1 < x.n(); k++ {
		if !x.kw(k, "AS") {
			continue
		}
		b := k + 1
		if x.kw(b, "NOT") {
			b++
		}
		if x.kw(b, "MATERIALIZED") {
			b++
		}
		if !x.isP(b, "(") || !(x.kw(b+1, "SELECT") || x.kw(b+1, "VALUES") || x.kw(b+1, "WITH") || x.kw(b+1, "INSERT") || x.kw(b+1, "UPDATE") || x.kw(b+1, "DELETE")) {
			continue
		}
		n := k - 1
		if x.isP(n, ")") { // name (cols) AS (...)
			for n >= 0 && !(x.isP(n, "(") && x.match(n) == k-1) {
				n--
			}
			n--
		}
		if n >= 0 && (x.T(n).typ == tIdent || x.T(n).typ == tQIdent) {
			out[x.T(n).identName()] = true
		}
	}
	return out
}

// blockColumnTable is the table of column col (qualified by qual, or "")
// at token a among its own block's tables (blockTables): the one table
// of that name or alias, or for an unqualified column the block's only
// table.
func (x *tx) blockColumnTable(a int, qual, col string) (string, string, bool) {
	tabs, ok := x.blockTables(a)
	if !ok && qual == "" {
		// FROM t, unnest(ARRAY[id * 10]) u: the function's one column
		// is u, so id is t's
		if fn := x.blockOneColumnSRF(a); fn >= 0 && !slices.Contains(x.srfColumnNames(fn), col) {
			tabs, ok = x.blockTablesBeside(a, fn)
		}
	}
	if !ok {
		return "", "", false
	}
	tbl := tableOf(tabs, qual) // arith_columns.go
	return tbl, col, tbl != ""
}

// blockOneColumnSRF is the name token of the one unnest or
// generate_series FROM item (one argument to unnest: one column) after
// other FROM items in token a's query block, or -1 when there is none
// or more than one.
func (x *tx) blockOneColumnSRF(a int) int {
	s := x.blockSelect(a)
	if s < 0 {
		return -1
	}
	d := x.depth[s]
	_, e := x.selectListAt(s)
	if !x.kw(e, "FROM") {
		return -1
	}
	fn := -1
	for j := e + 1; j+1 < x.n() && x.depth[j] >= d; j++ {
		if x.depth[j] != d {
			continue
		}
		if t := x.T(j); t.typ == tIdent && isClauseKw(t.upper()) && !isJoinKw(t.upper()) && !t.kw("ON") && !t.kw("USING") || x.isP(j, ";") {
			break
		}
		if !(x.isP(j, ",") || x.kw(j, "JOIN") || x.kw(j, "LATERAL")) || x.T(j+1).typ != tIdent || !x.isP(j+2, "(") {
			continue
		}
		switch strings.ToLower(x.T(j + 1).text) {
		case "unnest":
			if len(x.splitTop(j+3, x.match(j+2))) != 1 {
				return -1
			}
		case "generate_series":
		default:
			continue
		}
		if fn >= 0 {
			return -1
		}
		fn = j + 1
	}
	return fn
}

// srfColumnNames are the output column names of the one-column function
// FROM item whose name is token fn: its column alias list's, else its
// alias, else the function's name.
func (x *tx) srfColumnNames(fn int) []string {
	k := x.match(fn+1) + 1
	if x.kw(k, "WITH") && x.kw(k+1, "ORDINALITY") {
		return nil // and ordinality: not worth reading
	}
	if x.kw(k, "AS") {
		k++
	}
	t := x.T(k)
	if !(t.typ == tQIdent || t.typ == tIdent && !reservedWord(t.upper()) && !isClauseKw(t.upper()) && !isJoinKw(t.upper())) {
		return []string{strings.ToLower(x.T(fn).text)}
	}
	if x.isP(k+1, "(") {
		return x.aliasIdents(k+2, x.match(k+1))
	}
	return []string{t.identName()}
}

// aliasIdents are the names of a column alias list lo..hi-1.
func (x *tx) aliasIdents(lo, hi int) []string {
	var out []string
	for j := lo; j < hi; j++ {
		if x.T(j).typ == tIdent || x.T(j).typ == tQIdent {
			out = append(out, x.T(j).identName())
		}
	}
	return out
}
