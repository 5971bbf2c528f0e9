package pgdialect

// unionfirst.go: UNION keeps the first of equal rows, as PostgreSQL.
//
// Values that are equal but print differently (numerics of different
// scales: 1.50 and 1.5) leave one row of a UNION; PostgreSQL's is the
// first one read (SELECT 1.50 UNION SELECT 1.5 is 1.50, with the arms
// swapped 1.5), SQLite's the last one (its UNION inserts every row into
// an index keyed by the row, and an equal key replaces the one there).
// A SELECT whose set operations at the top are all UNION [DISTINCT] is
// written
//
//	SELECT DISTINCT * FROM (arm UNION ALL arm ...) AS pgdialect_union [ORDER BY ...] [LIMIT ...]
//
// whose DISTINCT keeps the first row of each value in the arms' order
// (the columns keep their names and declared types: SQLite declares a
// subquery's columns as the compound's; CompoundArms reads the arms
// through the wrapping). INTERSECT: intersectfirst.go; EXCEPT returns
// the left operand's rows in both.

import "strings"

// unionWrapOpen and unionWrapClose wrap the arms (see above).
const (
	unionWrapOpen  = "SELECT DISTINCT * FROM ("
	unionWrapClose = ") AS pgdialect_union"
)

// unionKeepFirst rewrites a SELECT whose top-level set operations are all
// UNION (see above), and each parenthesised query whose own are: a FROM
// subquery's, a CTE's (but a recursive CTE's UNION, whose second operand
// reads the rows the first gave, is the recursion itself), a scalar
// subquery's; not a subquery of IN, EXISTS, ANY or ALL, which only asks
// whether a value is there.
func (x *tx) unionKeepFirst() {
	start := x.withEnd() // compoundarms.go
	if start < x.n() && (start == 0 || x.T(0).kw("WITH")) {
		x.unionKeepFirstAt(start)
	}
	for i := 0; i+1 < x.n(); i++ {
		if !x.isP(i, "(") || !x.kw(i+1, "SELECT") || x.recursiveBody(i) {
			continue
		}
		if x.kw(i-1, "IN") || x.kw(i-1, "EXISTS") || x.kw(i-1, "ANY") || x.kw(i-1, "ALL") || x.kw(i-1, "SOME") {
			continue
		}
		x.unionKeepFirstAt(i + 1)
	}
}

// unionKeepFirstAt wraps the query starting with the SELECT at start
// (see above) when its set operations are all UNION [DISTINCT].
func (x *tx) unionKeepFirstAt(start int) {
	if !x.T(start).kw("SELECT") {
		return
	}
	d := x.depth[start]
	end := x.n() // the arms' end: the compound's ORDER BY, LIMIT, OFFSET, ";" or ")"
	var unions []int
	for i := start; i < x.n(); i++ {
		if x.depth[i] < d {
			end = i
			break
		}
		if x.depth[i] != d {
			continue
		}
		if x.isP(i, ";") || x.kw(i, "ORDER", "BY") || x.T(i).kw("LIMIT") || x.T(i).kw("OFFSET") || x.T(i).kw("FETCH") {
			end = i
			break
		}
		if !x.isSetOp(i) {
			continue
		}
		if !x.T(i).kw("UNION") || x.kw(i+1, "ALL") {
			return
		}
		unions = append(unions, i)
	}
	if len(unions) == 0 || end <= start {
		return
	}
	for _, u := range unions {
		if x.kw(u+1, "DISTINCT") {
			x.T(u + 1).set("")
		}
		x.T(u).suf += " ALL"
	}
	x.T(start).wpre = unionWrapOpen + x.T(start).wpre
	x.T(end - 1).wsuf += unionWrapClose
}

// unionArms is the text of the arms inside a unionKeepFirst wrapping that
// starts at token start, "" when there is none there.
func (x *tx) unionArms(start int) string {
	if !x.kw(start, "SELECT", "DISTINCT") || !x.isP(start+2, "*") || !x.kw(start+3, "FROM") || !x.isP(start+4, "(") {
		return ""
	}
	e := x.match(start + 4)
	if e >= x.n() || !x.kw(e+1, "AS") || x.T(e+2).identName() != "pgdialect_union" {
		return ""
	}
	return x.text(start+5, e)
}

// UnionKeepsFirst reports whether the SQLite statement sqlText is a UNION
// written by unionKeepFirst (its columns' declared types are its first
// operand's: sqlexec/compounddecl.go).
func UnionKeepsFirst(sqlText string) bool {
	if !strings.Contains(sqlText, unionWrapClose) {
		return false
	}
	x := newTx(sqlText)
	for i := 0; i < x.n(); i++ {
		if x.depth[i] == 0 && (x.T(i).kw("SELECT") || x.T(i).kw("VALUES")) {
			return x.unionArms(i) != ""
		}
	}
	return false
}

// recursiveBody reports whether the "(" at i opens the body of a CTE of
// a WITH RECURSIVE clause (generate_series's too: its UNION ALL is the
// recursion, whose second operand reads the rows the first gave).
func (x *tx) recursiveBody(i int) bool {
	k := i - 1
	if x.kw(k, "MATERIALIZED") {
		k--
		if x.kw(k, "NOT") {
			k--
		}
	}
	if !x.kw(k, "AS") {
		return false
	}
	d := x.depth[i]
	for j := k; j >= 0 && x.depth[j] >= d; j-- {
		if x.depth[j] == d && x.T(j).kw("WITH") {
			return x.kw(j+1, "RECURSIVE")
		}
	}
	return false
}
