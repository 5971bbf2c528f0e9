package pgdialect

// compiled_types.go: what a column's declared type decides once SQLite has
// compiled the statement. The translation has no schema; where the answer
// depends only on a run-time type test that is the same for every row
// (the schema's, the same on every node) and the form SQLite needs is
// fixed when it compiles (a collation, which aggregate runs), sqlexec asks
// for this conversion once per compiled statement (as for numeric[]
// elements, numeric_arrays.go) and runs the converted text:
//
//   - min/max of a numeric column (min(n), max(n)) become pg_numeric_min /
//     pg_numeric_max, PostgreSQL's numeric_smaller / numeric_larger: of
//     equal values (1.5 and 1.50) the last one read is kept, where
//     SQLite's min/max keep the first (max(n) over 1.5 then 1.50 printed
//     1.5, PostgreSQL 1.50); as a window call (max(n) OVER (...)) they
//     become pg_numeric_wmin / pg_numeric_wmax, the same fold over each
//     frame's rows. Any other column keeps SQLite's own call, so
//     max(id) of an integer key is still read from the index's end.
//   - a coalesce, nullif or CASE whose branches are columns of numeric,
//     interval or jsonb type (coalesce(v, w)) has no collation: a
//     function's or a CASE's result carries none, so GROUP BY, DISTINCT,
//     count(DISTINCT ...) and set operations compared its values as text
//     (1.5 and 1.50, '1 day' and '24:00:00' two groups), and ORDER BY
//     broke ties between equal values by their text. In a statement that
//     groups, deduplicates or sorts (GROUP BY, DISTINCT, PARTITION BY, a
//     set operation, ORDER BY), such a select item, GROUP BY, PARTITION
//     BY or ORDER BY item or DISTINCT aggregate's argument is written with
//     its type's collation, as a column of that type has. The test is the
//     one ORDER BY and comparisons of such a conditional make at run time
//     (conditionalNumericCond, conditionalIntervalCond,
//     conditionalJSONBCond: orderby_numeric.go, jsonb_conditional.go),
//     evaluated here once.
//   - a conditional, aggregate, window value call or scalar subquery of
//     date, timestamp or timestamptz columns that is sorted, or is
//     min/max's argument, is written with pg_datetime, the columns'
//     collation (datetime_value_order.go).

import (
	"cmp"
	"slices"
	"strings"
)

// CompiledTypeConversion is the SQLite statement sqlText converted as the
// file's comment says, "" when nothing in it needs converting. holds
// evaluates an SQL condition the translation writes (uncorrelated reads
// of the schema) and reports whether it is true.
func CompiledTypeConversion(sqlText string, holds func(cond string) bool) string {
	low := strings.ToLower(sqlText)
	minMax := strings.Contains(low, "max(") || strings.Contains(low, "min(")
	grouped := strings.Contains(low, "distinct") || strings.Contains(low, "group by") || strings.Contains(low, "partition by") || strings.Contains(low, "order by") ||
		strings.Contains(low, "union") || strings.Contains(low, "intersect") || strings.Contains(low, "except")
	conditional := strings.Contains(low, "coalesce(") || strings.Contains(low, "nullif(") || strings.Contains(low, "case")
	ordered := strings.Contains(low, "order by")
	if !minMax && !ordered && !(grouped && conditional) {
		return "" // the common statement: not lexed
	}
	x := newTx(sqlText)
	var eds []textEdit
	if minMax {
		eds = append(eds, x.numericMinMax(holds)...)
	}
	done := map[int]bool{}
	if grouped && conditional {
		eds = append(eds, x.groupedConditionals(holds, done)...)
	}
	if minMax || ordered {
		eds = append(eds, x.datetimeValueOrder(holds, done)...) // datetime_value_order.go
	}
	if len(eds) == 0 {
		return ""
	}
	return applyEdits(sqlText, eds)
}

// textEdit replaces n bytes at byte offset at by s (n 0: inserts s).
type textEdit struct {
	at, n int
	s     string
}

// applyEdits is s with eds made; of insertions at one offset the earlier
// recorded comes first.
func applyEdits(s string, eds []textEdit) string {
	slices.SortStableFunc(eds, func(a, b textEdit) int { return cmp.Compare(a.at, b.at) })
	var sb strings.Builder
	last := 0
	for _, e := range eds {
		sb.WriteString(s[last:e.at])
		sb.WriteString(e.s)
		last = e.at + e.n
	}
	sb.WriteString(s[last:])
	return sb.String()
}

// numericMinMax renames the calls min(col) and max(col) of a numeric
// column (see the file's comment); min(DISTINCT col) is left.
func (x *tx) numericMinMax(holds func(string) bool) []textEdit {
	var eds []textEdit
	for i := 0; i+3 < x.n(); i++ {
		t := x.T(i)
		if !x.isCall(i, "max") && !x.isCall(i, "min") {
			continue
		}
		e := x.match(i + 1)
		if _, _, ok := x.bareColumn(i+2, e); !ok {
			continue
		}
		rt := x.numTypeExpr(i+2, e) // arith_columns.go: the column's type, read from the schema
		if rt == "" || rt[0] == '\'' || !holds("'numeric' IN ("+rt+")") {
			continue
		}
		name := "pg_numeric_"
		if x.windowCall(i) {
			name = "pg_numeric_w" // a frame's rows enter and leave (numeric_minmax.go)
		}
		eds = append(eds, textEdit{t.pos, len(t.text), name + strings.ToLower(t.text)})
	}
	return eds
}

// groupedConditionals gives the conditionals the statement groups or
// deduplicates their type's collation (see the file's comment).
func (x *tx) groupedConditionals(holds func(string) bool, done map[int]bool) []textEdit {
	var eds []textEdit
	collate := func(a, b int, item bool) {
		ua, ub := x.unparen(a, b)
		if done[a] || ub <= ua+2 || !x.conditionalCall(ua) || x.collated(a, b) {
			return
		}
		coll := ""
		for _, c := range []struct {
			coll string
			cond func(a, b int) string
		}{{NumericCollation, x.conditionalNumericCond}, {IntervalCollation, x.conditionalIntervalCond}, {JSONBCollation, x.conditionalJSONBCond}} {
			if cond := c.cond(ua, ub); cond != "" && holds(cond) {
				coll = c.coll
				break
			}
		}
		if coll == "" {
			return
		}
		done[a] = true // datetime_value_order.go's edits leave it
		eds = append(eds, x.collateEdits(a, b, coll, item)...)
	}
	for i := 0; i < x.n(); i++ {
		switch {
		case x.T(i).kw("SELECT"):
			// every SELECT's: a derived table's column is grouped
			// outside it (FROM (SELECT coalesce(v, w) AS c ...) s GROUP
			// BY s.c), and carries the item's collation there
			x.eachItemExpr(i, collate)
		case x.kw(i, "GROUP") && x.kw(i+1, "BY"), x.kw(i, "PARTITION") && x.kw(i+1, "BY"):
			// a window's partitions are groups too (DISTINCT ON is
			// row_number() OVER (PARTITION BY ...): distincton.go)
			for _, it := range x.splitTop(i+2, x.groupByEnd(i+2)) {
				collate(it[0], it[1], false)
			}
		case x.kw(i, "ORDER") && x.kw(i+1, "BY"):
			// ORDER BY's by-value key (orderby_numeric.go) leaves equal
			// values to the item itself, whose text ordered them before
			// the next item did (ORDER BY coalesce(v, w), id put 1.5
			// before 1.50 whatever their ids)
			d := x.depth[i]
			for _, it := range x.orderByItems(i+2, d) { // orderby.go
				collate(it[0], x.orderExprEnd(it[0], it[1], d), false)
			}
		case x.kw(i, "DISTINCT") && x.isP(i-1, "(") && x.T(i-2).typ == tIdent:
			// an aggregate's DISTINCT argument: count(DISTINCT coalesce(v, w))
			if args := x.splitTop(i+1, x.match(i-1)); len(args) == 1 {
				collate(args[0][0], args[0][1], false)
			}
		}
	}
	return eds
}

// collateEdits write a..b-1 with the collation coll: (a..b-1 COLLATE
// coll), a select item (item) that SQLite named by its text still named
// so.
func (x *tx) collateEdits(a, b int, coll string, item bool) []textEdit {
	end := x.T(b-1).pos + len(x.T(b-1).text)
	suf := " COLLATE " + coll + ")"
	if item && x.unaliased(b) {
		// SQLite named the item by its text, which the collation
		// would join
		suf += " AS " + quoteIdent(x.src[x.T(a).pos:end])
	}
	return []textEdit{{x.T(a).pos, 0, "("}, {end, 0, suf}}
}

// groupByEnd is the end of the GROUP BY or PARTITION BY list that starts
// at s.
func (x *tx) groupByEnd(s int) int {
	d := x.depth[s]
	e := s
	for e < x.n() && x.depth[e] >= d {
		if x.depth[e] == d && (x.kw(e, "HAVING") || x.kw(e, "ORDER") || x.kw(e, "LIMIT") || x.kw(e, "WINDOW") || x.isSetOp(e) ||
			x.kw(e, "ROWS") || x.kw(e, "RANGE") || x.kw(e, "GROUPS")) {
			break
		}
		e++
	}
	return e
}

// eachItemExpr calls f with the expression a..b-1 of each item of the
// select list of the SELECT at i (whole: the item has no alias after it).
func (x *tx) eachItemExpr(i int, f func(a, b int, whole bool)) {
	items, _ := x.selectListAt(i)
	for _, it := range items {
		a, b := x.itemExpr(it[0], it[1])
		f(a, b, b == it[1])
	}
}
