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
	if !ok {
		return "", "", false
	}
	tbl := tableOf(tabs, qual) // arith_columns.go
	return tbl, col, tbl != ""
}
