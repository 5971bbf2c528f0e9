package pgdialect

// case_collation.go: SQLite gives a searched CASE the collation of the
// first of its parts that names one, a WHEN condition's too, where
// PostgreSQL's CASE has its results' collation. The translation names
// collations inside conditions (a numeric constant's pg_numeric: 0.0 IN
// (10.005, 1.5), i4 + 0.5 > 0), so CASE WHEN i4 + 0.5 > 0 THEN t ELSE vc
// END ordered its text results as numbers first ('42' before ''; the
// fuzz tester's seed 778474). Without such a condition the CASE of
// results that name none has no collation, SQLite's BINARY; an ORDER
// BY key of such a CASE names BINARY (orderby_numeric.go's
// orderNumericKey, whose keys before it order numeric, interval and
// jsonb results by value).

// conditionCollated reports whether expr, the translated text of an
// ORDER BY item, is a searched CASE (in parentheses or not) with a
// collation named in a WHEN condition and none in its results, outside
// subqueries (a subquery's collations stay inside it).
func conditionCollated(expr string) bool {
	y := newTx(expr)
	a, b := y.unparen(0, y.n())
	if b-a < 4 || !y.kw(a, "CASE") || !y.kw(a+1, "WHEN") || y.caseEnd(a) != b-1 {
		return false
	}
	d := y.depth[a]
	inCond, level, named := false, 0, false
	for k := a + 1; k < b-1; k++ {
		t := y.T(k)
		if y.isP(k, "(") && (y.kw(k+1, "SELECT") || y.kw(k+1, "WITH") || y.kw(k+1, "VALUES")) {
			k = y.match(k)
			continue
		}
		if y.depth[k] == d {
			switch {
			case t.kw("CASE"):
				level++
			case t.kw("END") && level > 0:
				level--
			case level == 0 && t.kw("WHEN"):
				inCond = true
				continue
			case level == 0 && (t.kw("THEN") || t.kw("ELSE")):
				inCond = false
				continue
			}
		}
		if t.kw("COLLATE") {
			if !inCond {
				return false // a result names one: SQLite's choice stands
			}
			named = true
		}
	}
	return named
}
