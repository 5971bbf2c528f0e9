package pgdialect

import (
	"database/sql/driver"
	"math"
	"strings"

	"modernc.org/sqlite"
)

// FETCH FIRST n ROWS WITH TIES: after the OFFSET m rows, the n rows of the
// ORDER BY order and every following row equal to the last of them in
// the ORDER BY keys (PostgreSQL; SQLite has only LIMIT). Those rows are
// the ones after the first m whose rank() in the ORDER BY order is at
// most m + n (a row tied with the (m+n)th has its rank), so the clause
// becomes a LIMIT counting them, over the same query block:
//
//	SELECT items FROM ... ORDER BY o
//	LIMIT pg_ties_limit((SELECT count(*) FROM (SELECT items,
//	    rank() OVER (ORDER BY o) AS pg_ties_rank FROM ...)
//	    WHERE pg_ties_rank <= pg_ties_bound(m, n)), m, n) OFFSET pg_ties_offset(m)
//
// The block's select list, FROM, WHERE, GROUP BY and HAVING are copied as
// translated (a GROUP BY position or output name means the same there),
// the rank's ORDER BY is the query's with positions and output names
// replaced by the items' expressions (distincton.go's windowOrder), so
// ties are the ORDER BY's own equality (collations, NULLs, numeric keys).
// The block is read twice; the clause is rare, the answer exact. A set
// operation, SELECT DISTINCT (whose rows are not the block's), an ORDER
// BY position over a select list with * and a subquery that qualifies an
// outer query's column (SQLite's LIMIT cannot read it) are refused
// (0A000), and so is a statement whose translation does not finish the
// clause (a view's definition: Translate checks). The count and
// offset are checked when run, in PostgreSQL's order and words: a negative
// offset is 2201X, a negative count 2201W; a NULL constant count is
// refused when translated (PostgreSQL's parser), one computed when run is
// no limit.

// fetchTies is a FETCH ... WITH TIES clause met by limitClause, which
// blanks its keywords and leaves its count and offset to later passes;
// withTies writes the LIMIT once the select items carry their names.
type fetchTies struct {
	at            int    // the clause's first token, to hold its LIMIT text
	count, offset [2]int // the count's and offset's tokens (empty: none)
}

// hasOrderBy reports whether the query block ending in the row-limiting
// clause at i (depth d) has an ORDER BY.
func (x *tx) hasOrderBy(i, d int) bool {
	for k := i - 1; k >= 0 && x.depth[k] >= d; k-- {
		if x.depth[k] == d && x.kw(k, "ORDER", "BY") {
			return true
		}
		if x.depth[k] == d && x.isP(k, ";") {
			break
		}
	}
	return false
}

// withTies finishes each FETCH ... WITH TIES of the statement; it runs
// after applyAliases, as distinctOn.
func (x *tx) withTies() error {
	for _, ft := range x.ties {
		if err := x.withTiesAt(ft); err != nil {
			return err
		}
	}
	x.ties = nil
	return nil
}

func (x *tx) withTiesAt(ft fetchTies) error {
	d := x.depth[ft.at]
	s := -1
	for k := ft.at - 1; k >= 0 && x.depth[k] >= d; k-- {
		if x.depth[k] != d {
			continue
		}
		if x.T(k).kw("UNION") || x.T(k).kw("INTERSECT") || x.T(k).kw("EXCEPT") {
			break
		}
		if x.T(k).kw("SELECT") {
			s = k
			break
		}
	}
	for k := s - 1; k >= 0 && x.depth[k] >= d && s >= 0; k-- {
		if x.depth[k] == d && (x.T(k).kw("UNION") || x.T(k).kw("INTERSECT") || x.T(k).kw("EXCEPT")) {
			s = -1 // the ORDER BY and the clause are the set operation's
		}
	}
	if s < 0 {
		return unsupported("FETCH ... WITH TIES over a set operation or VALUES is not supported")
	}
	if x.kw(s+1, "DISTINCT") {
		return unsupported("FETCH ... WITH TIES with SELECT DISTINCT is not supported")
	}
	clause := func(from int, kws ...string) int {
		for k := from; k < ft.at; k++ {
			if x.depth[k] != d || x.T(k).typ != tIdent {
				continue
			}
			for _, w := range kws {
				if x.T(k).kw(w) {
					return k
				}
			}
		}
		return ft.at
	}
	first := s + 1
	if x.kw(first, "ALL") {
		first++
	}
	ie := clause(first, "FROM", "WHERE", "GROUP", "HAVING", "WINDOW", "ORDER")
	ob := clause(ie, "ORDER")
	items := x.splitTop(first, ie)
	names, exprEnd, err := x.outputNames(items, "")
	if err != nil {
		return err
	}
	star := false
	for _, it := range items {
		star = star || x.isP(it[1]-1, "*")
	}
	if x.outerQualifier(s, ft.at) {
		return unsupported("FETCH ... WITH TIES in a subquery that reads a column of an outer query is not supported")
	}
	oe := ft.at
	if star {
		for _, p := range x.splitTop(ob+2, oe) {
			if x.T(p[0]).typ == tNumber && x.orderTermPlain(p[0]+1, p[1], d) {
				return unsupported("FETCH ... WITH TIES ordered by a column position over a select list with * is not supported")
			}
		}
	}
	order, _ := x.windowOrder(ob, oe, x.orderTermResolver(d, items, names, exprEnd))
	count, offset := "1", "0" // FETCH FIRST ROW, no OFFSET
	if ft.count[0] < ft.count[1] {
		count = x.text(ft.count[0], ft.count[1])
		x.erase(ft.count[0], ft.count[1])
	}
	if ft.offset[0] < ft.offset[1] {
		offset = x.text(ft.offset[0], ft.offset[1])
		x.erase(ft.offset[0], ft.offset[1])
	}
	rank := "(SELECT count(*) FROM (SELECT " + x.text(first, ie) + ", rank() OVER (ORDER BY " + strings.Join(order, ", ") +
		") AS pg_ties_rank " + x.text(ie, ob) + ") WHERE pg_ties_rank <= pg_ties_bound(" + offset + ", " + count + "))"
	x.T(ft.at).set("LIMIT pg_ties_limit(" + rank + ", " + offset + ", " + count + ") OFFSET pg_ties_offset(" + offset + ") ")
	return nil
}

// outerQualifier reports whether tokens lo..hi-1 qualify a column with a
// name none of their FROM clauses gives (o.g of an outer query): the
// count's query runs in SQLite's LIMIT, which sees no outer query's
// columns (an unqualified one is SQLite's "no such column" there).
func (x *tx) outerQualifier(lo, hi int) bool {
	var names []fromName
	for k := lo; k < hi; k++ {
		if x.T(k).kw("FROM") && k+1 < hi && x.clauseVerb(k) >= 0 {
			names, _ = x.fromItemNames(k+1, x.depth[k+1], names)
		}
	}
	for k := lo; k < hi; k++ {
		t := x.T(k)
		if (t.typ != tIdent && t.typ != tQIdent) || !x.isP(k+1, ".") || x.isP(k-1, ".") || x.kw(k-1, "FROM") || x.kw(k-1, "JOIN") {
			continue
		}
		q := t.identName()
		switch q {
		case "public", "pg_catalog", "information_schema", "pg_temp", "excluded":
			continue
		}
		found := false
		for _, n := range names {
			found = found || n.name == q
		}
		if !found {
			return true
		}
	}
	return false
}

// orderTermPlain reports whether lo..hi-1, what follows an ORDER BY
// term's first token, is only its direction and NULLS placement.
func (x *tx) orderTermPlain(lo, hi, d int) bool {
	for k := lo; k < hi; k++ {
		if x.depth[k] != d || !(x.T(k).kw("ASC") || x.T(k).kw("DESC") || x.T(k).kw("NULLS") || x.T(k).kw("FIRST") || x.T(k).kw("LAST")) {
			return false
		}
	}
	return true
}

// tiesArgs checks a WITH TIES clause's offset and count as PostgreSQL's
// Limit node does when it starts (the offset first): a NULL offset is
// none, a NULL count (n -1) no limit.
func tiesArgs(offset, count driver.Value) (m, n int64, err error) {
	if offset != nil {
		var ok bool
		if m, ok = limitInt(offset); !ok {
			return 0, 0, pgErr("22P02", "invalid input syntax for type bigint: \"%s\"", str(offset))
		}
		if m < 0 {
			return 0, 0, pgErr("2201X", "OFFSET must not be negative")
		}
	}
	if count == nil {
		return m, -1, nil // a NULL count when run: no limit (a NULL constant is refused by limitClause)
	}
	n, ok := limitInt(count)
	if !ok {
		return 0, 0, pgErr("22P02", "invalid input syntax for type bigint: \"%s\"", str(count))
	}
	if n < 0 {
		return 0, 0, pgErr("2201W", "LIMIT must not be negative")
	}
	return m, n, nil
}

// limitInt is a count or offset as PostgreSQL's int8 takes it: a
// fraction rounded half away from zero (2.5 rows are 3).
func limitInt(v driver.Value) (int64, bool) {
	if f, ok := v.(float64); ok {
		return int64(math.Round(f)), true
	}
	return toInt(v)
}

// fnTiesOffset is pg_ties_offset(offset): the rows a WITH TIES clause
// skips (pg_ties_limit has checked the offset).
func fnTiesOffset(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	m, _, err := tiesArgs(a[0], int64(0))
	return m, err
}

// fnTiesBound is pg_ties_bound(offset, count): the largest rank() a row of
// a WITH TIES clause may have.
func fnTiesBound(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	m, n, err := tiesArgs(a[0], a[1])
	if err != nil {
		return nil, err
	}
	if n < 0 || m+n < 0 {
		return int64(math.MaxInt64), nil // past int8: every row
	}
	return m + n, nil
}

// fnTiesLimit is pg_ties_limit(ranked, offset, count): the rows a WITH
// TIES clause returns after its offset, of the ranked rows whose rank is
// within pg_ties_bound. A count of 0 returns none (PostgreSQL's Limit
// node stops before reading a row to compare).
func fnTiesLimit(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	m, n, err := tiesArgs(a[1], a[2])
	if err != nil {
		return nil, err
	}
	c, _ := toInt(a[0])
	if n == 0 || c <= m {
		return int64(0), nil
	}
	return c - m, nil
}

// tiesFuncs are the functions of the WITH TIES rewrite (registered by
// register).
var tiesFuncs = map[string]struct {
	n int32
	f fn
}{
	"pg_ties_bound":  {2, fnTiesBound},
	"pg_ties_limit":  {3, fnTiesLimit},
	"pg_ties_offset": {1, fnTiesOffset},
}
