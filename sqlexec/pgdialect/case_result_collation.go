package pgdialect

// case_result_collation.go: a CASE has its results' collation. SQLite
// gives a CASE the collation of the first of its parts that names one,
// in the order base expression, WHEN condition, THEN result, ..., ELSE
// result (sqlite3ExprCollSeq over the CASE's list), and the translation
// names collations inside conditions (pg_mod(...) COLLATE pg_numeric in
// CASE WHEN i4 IS DISTINCT FROM mod(10, id) THEN ...). A CASE whose text
// results name BINARY (to_char, ::text) then took the condition's
// pg_numeric and ordered '23:59:59' before '2 mons -2 days', PostgreSQL's
// text results by their bytes the other way round (the fuzz tester's
// seed 842902). Where a condition (or the base) comes first and a result
// names a collation, the CASE names the first such result's after its
// END, as SQLite would have chosen without the condition. A CASE none of
// whose results names one is left to the ORDER BY key that names BINARY
// (case_collation.go) and to the compiled passes that name a type's
// collation after END (datetime_common.go).

import "strings"

// caseResultCollation is the translated statement sql with the
// collation of the first result that names one after the END of each
// CASE that SQLite would give a condition's.
func caseResultCollation(sql string) string {
	low := strings.ToLower(sql)
	if !strings.Contains(low, "case") || !strings.Contains(low, "collate") {
		return sql
	}
	// innermost first: an outer CASE's result reads the collation its
	// inner CASE names once fixed, so each round fixes the CASEs that
	// hold none still to be fixed, and the statement is read again
	for round := 0; round < 8; round++ {
		x := newTx(sql)
		type fix struct {
			k, end int
			name   string
		}
		var fixes []fix
		for k := 0; k < x.n(); k++ {
			if !x.kw(k, "CASE") || x.isP(k-1, ".") {
				continue
			}
			if end, name := x.caseConditionCollated(k); name != "" {
				fixes = append(fixes, fix{k, end, name})
			}
		}
		if len(fixes) == 0 {
			return sql
		}
		var eds []textEdit
		for i, f := range fixes {
			inner := false
			for j, g := range fixes {
				inner = inner || j != i && g.k > f.k && g.end < f.end
			}
			if !inner {
				eds = append(eds, textEdit{x.T(f.end).pos + len(x.T(f.end).text), 0, " COLLATE " + f.name})
			}
		}
		sql = applyEdits(sql, eds)
	}
	return sql
}

// caseConditionCollated reads the CASE at k: its END, and the collation
// name of its first result that names one when a condition or the base
// expression names one before it ("" otherwise, and when END is already
// followed by a collation).
func (x *tx) caseConditionCollated(k int) (int, string) {
	end := x.caseEnd(k)
	if end >= x.n() || x.kw(end+1, "COLLATE") {
		return end, ""
	}
	d := x.depth[k]
	conditionFirst := false
	seen := false // a part naming a collation came before
	start, cond := k+1, true
	level := 0
	part := func(a, b int, isCond bool) string {
		c := x.collateWithin(a, b)
		if c < 0 {
			return ""
		}
		if !seen {
			seen, conditionFirst = true, isCond
		}
		if isCond {
			return ""
		}
		return x.collationAt(a, b, c)
	}
	for j := k + 1; j <= end; j++ {
		if x.depth[j] != d {
			continue
		}
		switch {
		case x.kw(j, "CASE"):
			level++
			continue
		case x.kw(j, "END") && j < end:
			level--
			continue
		case level > 0:
			continue
		case !x.kw(j, "WHEN") && !x.kw(j, "THEN") && !x.kw(j, "ELSE") && j != end:
			continue
		}
		if start < j {
			if name := part(start, j, cond); name != "" {
				if !conditionFirst {
					return end, ""
				}
				return end, name
			}
		}
		start, cond = j+1, x.kw(j, "WHEN")
	}
	return end, ""
}

// collateWithin is the first COLLATE of a..b-1 outside subqueries (a
// subquery's collations stay inside it), -1 when none.
func (x *tx) collateWithin(a, b int) int {
	for k := a; k < b; k++ {
		if x.isP(k, "(") && (x.kw(k+1, "SELECT") || x.kw(k+1, "WITH") || x.kw(k+1, "VALUES")) {
			if m := x.match(k); m > k {
				k = m
			}
			continue
		}
		if x.kw(k, "COLLATE") && k+1 < b {
			return k
		}
	}
	return -1
}

// collationAt is the collation SQLite reads from the part a..b-1 whose
// first COLLATE is at c: that of the outermost COLLATE whose operand
// holds c (f(x COLLATE A, y) COLLATE B is B, x COLLATE A COLLATE B too).
func (x *tx) collationAt(a, b, c int) string {
	best, bestStart := c, c
	for j := c + 1; j+1 < b; j++ {
		if !x.kw(j, "COLLATE") || x.depth[j] > x.depth[c] {
			continue
		}
		if s := x.collateOperand(a, j); s <= c && s <= bestStart {
			best, bestStart = j, s
		}
	}
	return x.T(best + 1).text
}

// collateOperand is the first token of the operand of the COLLATE at j
// (not before a): the primary before it, a parenthesised expression or
// call with its name, a CASE, or a COLLATE before it with its own
// operand.
func (x *tx) collateOperand(a, j int) int {
	s := j - 1
	switch {
	case s-1 >= a && x.kw(s-1, "COLLATE"):
		return x.collateOperand(a, s-1)
	case x.isP(s, ")"):
		s = x.matchBack(s)
		if s-1 >= a && (x.T(s-1).typ == tIdent || x.T(s-1).typ == tQIdent) {
			s--
		}
	case x.kw(s, "END"):
		// a CASE: back to its CASE, past the ones nested in it
		for n, k := 0, s; k >= a; k-- {
			if x.depth[k] != x.depth[s] {
				continue
			}
			if x.kw(k, "END") {
				n++
			} else if x.kw(k, "CASE") {
				if n--; n == 0 {
					s = k
					break
				}
			}
		}
	case s-2 >= a && x.isP(s-1, "."):
		s -= 2
	}
	if s < a {
		return a
	}
	return s
}
