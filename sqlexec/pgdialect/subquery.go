package pgdialect

import (
	"database/sql/driver"
	"strings"

	sqlite "modernc.org/sqlite"
)

// Scalar subqueries. SQLite gives a parenthesised SELECT used as an
// expression the value of its first row and ignores the others;
// PostgreSQL raises 21000 "more than one row returned by a subquery used
// as an expression". A silently chosen row is a wrong answer, so every
// scalar subquery that could return two rows is made to count its rows:
//
//	(SELECT a FROM t WHERE c)
//	(SELECT * FROM (SELECT a FROM t WHERE c) GROUP BY NULL HAVING pg_scalar_rows(count(*)))
//
// One group over all the subquery's rows (whatever the subquery is:
// ordered, grouped, an aggregate of any name): pg_scalar_rows raises 21000
// when it counts more than one, keeps the group when it counts one (the
// bare column then has that row's value; SQLite describes it with the
// column's declared type as before) and drops it when it counts none (the
// subquery is NULL, as in PostgreSQL). The rewrite is a pure function of
// the rows, so every node raises the same error at apply.
//
// A subquery that cannot return two rows is left alone (no grouping
// cost): an aggregate without GROUP BY, LIMIT 1, FETCH FIRST 1 ROW, or a
// SELECT without FROM.
//
// Which parentheses hold a scalar subquery is decided lexically from what
// precedes them (scalarContext): an operator, an expression keyword
// (SELECT, WHERE, THEN ...), or a comma or parenthesis of an expression
// list. FROM items, IN/EXISTS/ANY/ALL/ARRAY subqueries, CTE bodies, set
// operation operands and INSERT sources are not scalar.

// scalarRowsCheck is the grouping a checked scalar subquery ends with.
const scalarRowsCheck = " GROUP BY NULL HAVING pg_scalar_rows(count(*))"

// scalarSubqueries rewrites the scalar subqueries of the statement (see
// above). It runs before the other expression rewrites, on the client's
// tokens, so that subqueries the translation itself writes are not
// touched.
func (x *tx) scalarSubqueries() {
	if x.readsCatalog() {
		return
	}
	for i := 0; i+1 < x.n(); i++ {
		if !x.isP(i, "(") || !x.kw(i+1, "SELECT") && !x.kw(i+1, "WITH") {
			continue
		}
		e := x.match(i)
		if e >= x.n() || !x.scalarContext(i) {
			continue
		}
		if x.kw(i+1, "SELECT") && x.atMostOneRow(i+1, e) {
			continue
		}
		x.T(i).suf += "SELECT * FROM ("
		x.T(e).pre = ")" + scalarRowsCheck + x.T(e).pre
	}
}

// readsCatalog reports whether the statement names a pg_catalog or
// information_schema relation. Tools' catalog queries are left as they
// were: the emulated catalog is not PostgreSQL's row for row, and a
// scalar subquery over it must not start failing where it has always
// returned the first row.
func (x *tx) readsCatalog() bool {
	for i := 0; i < x.n(); i++ {
		t := x.T(i)
		if t.typ != tIdent && t.typ != tQIdent || x.isP(i+1, "(") {
			continue
		}
		if n := t.identName(); strings.HasPrefix(n, "pg_") || n == "information_schema" {
			return true
		}
	}
	return false
}

// scalarContext reports whether the "(" at i (followed by SELECT) is a
// scalar subquery: an operand of an expression.
func (x *tx) scalarContext(i int) bool {
	if i == 0 {
		return false
	}
	p := x.T(i - 1)
	switch p.typ {
	case tOp:
		return true
	case tPunct:
		switch p.text {
		case ",":
			return x.commaInExprList(i - 1)
		case "(":
			return x.parenIsExprList(i-1, i)
		}
		return false
	case tIdent:
		switch p.upper() {
		case "SELECT", "WHERE", "AND", "OR", "NOT", "WHEN", "THEN", "ELSE", "CASE", "BETWEEN", "HAVING",
			"ON", "RETURNING", "LIMIT", "OFFSET", "BY", "IS", "LIKE", "ILIKE", "SYMMETRIC":
			return true
		case "DISTINCT":
			// SELECT DISTINCT (SELECT ...), not UNION DISTINCT (SELECT ...)
			return x.kw(i-2, "SELECT")
		case "FROM":
			// a IS [NOT] DISTINCT FROM (SELECT ...)
			return x.kw(i-2, "DISTINCT") && (x.kw(i-3, "IS") || x.kw(i-3, "NOT"))
		}
	}
	return false
}

// commaInExprList reports whether the comma at c separates expressions
// (a select list, VALUES row, function arguments, ORDER BY ...) rather
// than FROM items.
func (x *tx) commaInExprList(c int) bool {
	d := x.depth[c]
	for j := c - 1; j >= 0; j-- {
		if x.depth[j] < d {
			return x.parenIsExprList(j, -1)
		}
		if x.depth[j] > d {
			continue
		}
		t := x.T(j)
		if t.typ != tIdent {
			continue
		}
		switch t.upper() {
		case "FROM":
			if !x.kw(j-1, "DISTINCT") {
				return false
			}
		case "JOIN", "USING", "INTO", "TABLE", "UPDATE":
			return false
		case "SELECT", "BY", "VALUES", "RETURNING", "SET", "WHERE", "HAVING", "ON", "WHEN", "THEN", "ELSE":
			return true
		}
	}
	return false
}

// parenIsExprList reports whether the "(" at j holds expressions (function
// arguments, a VALUES row, an IN list, a row constructor). inner is the
// "(" of a subquery directly inside it, or -1.
func (x *tx) parenIsExprList(j, inner int) bool {
	only := inner >= 0 && x.match(inner)+1 == x.match(j)
	if only {
		// ((SELECT ...)): PostgreSQL's select_with_parens, a subquery
		// where the outer parentheses are one (IN, FROM) and an
		// expression where they are an operand
		if j > 0 && x.T(j-1).typ == tIdent && !reservedWords[x.T(j-1).upper()] && !x.kw(j-1, "EXISTS") &&
			!x.kw(j-1, "VALUES") && !x.kw(j-2, "INTO") && !x.kw(j-1, "MATERIALIZED") {
			return true // f((SELECT ...))
		}
		if x.kw(j-1, "VALUES") {
			return true
		}
		return x.scalarContext(j)
	}
	if j == 0 {
		return false
	}
	p := x.T(j - 1)
	switch p.typ {
	case tOp:
		return true
	case tPunct:
		return p.text == "," || p.text == "("
	case tIdent:
		switch p.upper() {
		case "FROM", "JOIN", "LATERAL", "AS", "MATERIALIZED", "UNION", "INTERSECT", "EXCEPT", "EXISTS", "TABLE", "ALL", "ANY", "SOME", "ARRAY":
			return false
		case "IN", "VALUES":
			return true
		}
		if x.kw(j-2, "INTO") {
			return false // INSERT INTO t (a, b)
		}
		return !reservedWords[p.upper()] || x.scalarContext(j)
	}
	return false
}

// scalarAggregates are the aggregate functions whose call makes a SELECT
// without GROUP BY return exactly one row.
var scalarAggregates = map[string]bool{
	"COUNT": true, "SUM": true, "AVG": true, "MIN": true, "MAX": true, "STRING_AGG": true, "ARRAY_AGG": true,
	"BOOL_AND": true, "BOOL_OR": true, "EVERY": true, "JSON_AGG": true, "JSONB_AGG": true,
	"JSON_OBJECT_AGG": true, "JSONB_OBJECT_AGG": true, "BIT_AND": true, "BIT_OR": true, "GROUP_CONCAT": true, "TOTAL": true,
	"STDDEV": true, "STDDEV_POP": true, "STDDEV_SAMP": true, "VARIANCE": true, "VAR_POP": true, "VAR_SAMP": true,
	"CORR": true, "COVAR_POP": true, "COVAR_SAMP": true, "PERCENTILE_CONT": true, "PERCENTILE_DISC": true, "MODE": true,
}

// setReturning are the functions that may return several rows from a
// select list without FROM.
var setReturning = map[string]bool{
	"UNNEST": true, "GENERATE_SERIES": true, "JSONB_ARRAY_ELEMENTS": true, "JSON_ARRAY_ELEMENTS": true,
	"JSONB_ARRAY_ELEMENTS_TEXT": true, "JSON_ARRAY_ELEMENTS_TEXT": true, "JSONB_EACH": true, "JSON_EACH": true,
	"JSONB_EACH_TEXT": true, "JSON_EACH_TEXT": true, "JSONB_OBJECT_KEYS": true, "JSON_OBJECT_KEYS": true,
	"REGEXP_MATCHES": true, "REGEXP_SPLIT_TO_TABLE": true, "STRING_TO_TABLE": true, "GENERATE_SUBSCRIPTS": true,
	"JSONB_TO_RECORDSET": true, "JSON_TO_RECORDSET": true, "JSONB_POPULATE_RECORDSET": true, "JSON_POPULATE_RECORDSET": true,
}

// selectLevel calls f for each token lo..hi-1 of the SELECT at lo that is
// not inside a nested subquery, with its index.
func (x *tx) selectLevel(lo, hi int, f func(k int)) {
	for k := lo; k < hi; k++ {
		if x.isSubquery(k) {
			k = x.match(k)
			continue
		}
		f(k)
	}
}

// selectShape is what a SELECT's own level (not its nested subqueries)
// contains, for atMostOneRow.
type selectShape struct {
	from, group, setop, limit1 bool // FROM, GROUP BY, UNION/INTERSECT/EXCEPT, LIMIT 0/1 or FETCH FIRST 1
	aggInList, srf, over       bool // an aggregate call in the select list, a set-returning call, a window
}

func (x *tx) selectShape(lo, hi int) selectShape {
	d := x.depth[lo]
	var sh selectShape
	x.selectLevel(lo, hi, func(k int) {
		t := x.T(k)
		if t.typ != tIdent {
			return
		}
		u := t.upper()
		if x.depth[k] == d {
			switch u {
			case "FROM":
				sh.from = true
			case "GROUP":
				sh.group = true
			case "UNION", "INTERSECT", "EXCEPT":
				sh.setop = true
			case "LIMIT":
				sh.limit1 = sh.limit1 || x.T(k+1).text == "1" || x.T(k+1).text == "0"
			case "FETCH":
				// FETCH FIRST [1] ROW[S] ONLY
				sh.limit1 = sh.limit1 || x.kw(k+2, "ROW") || x.kw(k+2, "ROWS") || x.T(k+2).text == "1"
			}
		}
		switch {
		case u == "OVER":
			sh.over = true
		case x.isP(k+1, "(") && scalarAggregates[u] && !x.isP(k-1, "."):
			sh.aggInList = sh.aggInList || !sh.from
		case x.isP(k+1, "(") && setReturning[u]:
			sh.srf = true
		}
	})
	return sh
}

// atMostOneRow reports whether the SELECT lo..hi-1 (hi its closing
// parenthesis) returns at most one row whatever the data.
func (x *tx) atMostOneRow(lo, hi int) bool {
	sh := x.selectShape(lo, hi)
	switch {
	case sh.setop:
		return false
	case sh.limit1:
		return true
	case sh.aggInList && !sh.group && !sh.over:
		return true
	}
	return !sh.from && !sh.srf && !sh.group
}

// fnScalarRows is pg_scalar_rows(n): n rows of a scalar subquery are one
// value (true), none (false) or PostgreSQL's 21000.
func fnScalarRows(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	n, _ := a[0].(int64)
	if n > 1 {
		return nil, pgErr("21000", "more than one row returned by a subquery used as an expression")
	}
	if n == 1 {
		return int64(1), nil
	}
	return int64(0), nil
}

// queryFuncs are the deterministic functions the query rewrites of this
// area call (registered by register).
var queryFuncs = map[string]struct {
	n int32
	f fn
}{
	"pg_scalar_rows": {1, fnScalarRows},
	// returning_from.go
	"pg_returning_join_once": {1, fnReturningJoinOnce},
}
