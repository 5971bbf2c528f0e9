package pgdialect

// orderby_numeric.go: ORDER BY a conditional over a numeric column.
// coalesce(v, 50), CASE WHEN ... THEN v ELSE 50 END, nullif(v, 1),
// greatest(v, 1) over a numeric column v yield numeric text or a SQLite
// number, and SQLite orders every number before every text and text by
// its bytes (10.500 before 9.250): PostgreSQL orders the numeric values.
// The translator does not know v's type (it has no schema), so the item
// gets a first sort key that is the value as numeric text with the
// collation of numeric values when the statement's run-time types say the
// result is numeric, else NULL (every row equal, so the item as written
// decides):
//
//	ORDER BY (CASE WHEN 'numeric' IN (<v's run-time type>)
//	  THEN CAST(pg_in_numeric(coalesce(v, 50), -1) AS TEXT) END)
//	  COLLATE pg_numeric NULLS LAST, coalesce(v, 50) NULLS LAST
//
// The run-time type is the schema's, the same on every node.

import (
	"strconv"
	"strings"
)

// orderNumeric records the ORDER BY items that are a conditional with a
// branch of numeric or run-time type (conditionalNumeric), before
// nullifNumeric and rewriteMinMax change their shape.
func (x *tx) orderNumeric() {
	if !x.castsChecked() {
		return
	}
	for i := 0; i < x.n(); i++ {
		if !x.kw(i, "ORDER", "BY") {
			continue
		}
		d := x.depth[i]
		for _, it := range x.orderByItems(i+2, d) { // orderby.go
			a, b := it[0], x.orderExprEnd(it[0], it[1], d)
			ia, ib := a, b
			if d == 0 {
				if sa, sb, ok := x.orderOutputItem(a, b); ok {
					ia, ib = sa, sb // ORDER BY 2, ORDER BY total: the select item's expression
				}
			}
			recorded := false
			ca, cb := x.overCall(ia, ib)
			if ao, ok := x.arrayOrderOf(ia, ib); ok { // orderby_array.go
				if x.orderArr == nil {
					x.orderArr = map[int]arrayOrder{}
				}
				x.orderArr[a], recorded = ao, true
			} else if !x.conditionalNumeric(ca, cb) && !x.exactAvg(ca, cb) {
				continue
			} else if cond, ivCond, jCond := x.conditionalNumericCond(ca, cb), x.conditionalIntervalCond(ca, cb), x.conditionalJSONBCond(ca, cb); cond != "" || ivCond != "" || jCond != "" {
				if x.orderNum == nil {
					x.orderNum, x.orderIv, x.orderJSONB, x.orderDT = map[int]string{}, map[int]string{}, map[int]string{}, map[int]string{}
				}
				x.orderNum[a], x.orderIv[a], x.orderJSONB[a], recorded = cond, ivCond, jCond, true
				x.orderDT[a] = x.conditionalDatetimeCond(ca, cb) // datetime_value_order.go
			}
			if recorded {
				if ia != a {
					if x.orderNumItem == nil {
						x.orderNumItem = map[int][2]int{}
					}
					x.orderNumItem[a] = [2]int{ia, ib}
				}
			}
		}
	}
}

// exactAvg reports whether a..b-1 is avg of an argument the statement
// types as an integer or numeric (avg(length(t)), avg(i4 * 2)): numeric
// text, which SQLite ordered as text (11.00 before 5.00 descending;
// found by the differential fuzz tester, seed 1301249).
func (x *tx) exactAvg(a, b int) bool {
	t := x.T(a)
	if t.typ != tIdent || !strings.EqualFold(t.text, "avg") || !x.isP(a+1, "(") || x.match(a+1) != b-1 {
		return false
	}
	args := x.splitTop(x.aggArgsStart(a+2), b-1)
	if len(args) != 1 {
		return false
	}
	switch x.numTypeExpr(args[0][0], args[0][1]) {
	case "'int2'", "'int4'", "'int8'", "'numeric'":
		return true
	}
	return false
}

// overCall is the call of the expression a..b-1 when it is a window
// function's call and its OVER clause (sum(n2) OVER (PARTITION BY g
// ORDER BY id)): the call's type is the window's, so ORDER BY it sorts
// as the aggregate's result (a running sum of a numeric column ordered
// -0.50 before -3.00 as text; found by the differential fuzz tester,
// seeds 1300398, 1300954); a..b-1 itself otherwise.
func (x *tx) overCall(a, b int) (int, int) {
	if x.T(a).typ != tIdent || !x.isP(a+1, "(") {
		return a, b
	}
	if e := x.match(a + 1); x.windowCall(a) && x.callEnd(e+1) == b { // srfplace.go
		return a, e + 1
	} else if x.kw(e+1, "FILTER") && x.isP(e+2, "(") && x.match(e+2) == b-1 {
		// an aggregate's FILTER (WHERE ...) keeps its type: avg(n)
		// FILTER (WHERE b) ordered -0.5 before -2.5 as text (the fuzz
		// tester's seed 782468)
		return a, e + 1
	}
	return a, b
}

// orderExprEnd is the end of the expression of the ORDER BY item lo..hi-1
// at depth d: before its ASC, DESC, NULLS, USING or COLLATE.
func (x *tx) orderExprEnd(lo, hi, d int) int {
	for j := lo; j < hi; j++ {
		if x.depth[j] == d && (x.T(j).kw("ASC") || x.T(j).kw("DESC") || x.T(j).kw("NULLS") || x.T(j).kw("USING") || x.T(j).kw("COLLATE")) {
			return j
		}
	}
	return hi
}

// conditionalNumericCond is the SQL condition under which the conditional
// a..b-1 has a numeric result: a branch statically numeric, or one whose
// run-time type is; "" when none can be.
func (x *tx) conditionalNumericCond(a, b int) string {
	if x.exactAvg(a, b) {
		return "1"
	}
	var rts []string
	for _, br := range x.conditionalBranches(a, b) { // numeric_runtimecmp.go
		switch rt := x.numTypeExpr(br[0], br[1]); {
		case rt == "'numeric'":
			return "1"
		case rt == "" || rt[0] == '\'':
		default:
			rts = append(rts, rt)
		}
	}
	if len(rts) == 0 {
		return ""
	}
	if x.T(a).typ == tIdent && strings.EqualFold(x.T(a).text, "avg") && len(rts) == 1 {
		// avg of an integer column is numeric too (PostgreSQL's avg of
		// int2/int4/int8), numeric text that would order as text
		return rts[0] + " IN ('int2', 'int4', 'int8', 'numeric')"
	}
	if x.T(a).typ == tIdent && strings.EqualFold(x.T(a).text, "sum") && len(rts) == 1 {
		// sum of an int8 column is numeric (PostgreSQL's int8_sum): a
		// sum past int8's range is numeric text, which ordered after
		// every integer sum (sum(i8) OVER (ORDER BY n DESC) ordered
		// -9000000000 before -9223372045854775805: the fuzz tester's
		// seed 778312)
		return rts[0] + " IN ('int8', 'numeric')"
	}
	return "'numeric' IN (" + strings.Join(rts, ", ") + ")"
}

// conditionalIntervalCond is the SQL condition under which the
// conditional or aggregate a..b-1 over columns has an interval result
// (max(iv), coalesce(iv, iv2) of interval columns): an aggregate's or a
// function's result has no collation, so SQLite ordered the intervals'
// text ('-02:00:00' before '-1 mons +1 day'); "" when no branch is a
// column of a date/time type read at run time.
func (x *tx) conditionalIntervalCond(a, b int) string {
	var rts, conds []string
	for _, br := range x.conditionalBranches(a, b) {
		if rt := x.columnDTType(br[0], br[1]); rt != "" { // datetime_columns.go
			rts = append(rts, rt)
		} else if rt := x.dtTypeExpr(br[0], br[1]); runtimeTypeExpr(rt) { // datetime_nested.go
			// date/time arithmetic over columns, typed at run time:
			// greatest(iv * 2, -iv) ordered its intervals as text, 36:00:00
			// above 1 year 2 mons (the fuzz tester's seed 842200)
			rts = append(rts, rt)
		} else if ba, bb := x.unparen(br[0], br[1]); x.T(a).typ == tIdent {
			// an aggregate of a conditional: sum(CASE WHEN b THEN iv
			// ELSE INTERVAL '1 mon' END) (seed 3100504 of the fuzz tester)
			if c := x.conditionalIntervalCond(ba, bb); c != "" {
				conds = append(conds, c)
			}
		}
	}
	if len(rts) > 0 {
		conds = append(conds, "'interval' IN ("+strings.Join(rts, ", ")+")")
	}
	return strings.Join(conds, " OR ")
}

// orderNumericKey puts the numeric and interval sort keys recorded by
// orderNumeric before the ORDER BY item lo..hi-1 at depth d (desc: it sorts
// descending; explicit: it spells out its NULL placement), in the same
// direction and NULL placement.
func (x *tx) orderNumericKey(lo, hi, d int, desc, explicit bool) {
	cond, ok := x.orderNum[lo]
	ao, isArr := x.orderArr[lo]
	if !ok && !isArr {
		return
	}
	e := x.orderExprEnd(lo, hi, d)
	mods := strings.TrimSpace(x.text(e, hi))
	if e < hi && (x.T(e).kw("COLLATE") || x.T(e).kw("USING")) {
		return // a collation or operator of its own: left as written
	}
	if !explicit {
		if desc {
			mods += " NULLS FIRST"
		} else {
			mods += " NULLS LAST"
		}
	}
	expr := strings.TrimSpace(x.text(lo, e))
	if it, ok := x.orderNumItem[lo]; ok {
		expr = strings.TrimSpace(x.text(it[0], it[1])) // the output column's expression, as translated
	}
	if isArr {
		x.T(lo).pre = ao.key(expr, mods) + x.T(lo).pre
		return
	}
	if conditionCollated(expr) || runtimeMinMaxText(expr) { // case_collation.go, minmax_collation.go
		// the item's collation is no type's: a result of none of the
		// types the keys below order sorts by its bytes first (text);
		// one of them leaves this key NULL, so values equal by type
		// ('1.5' and '1.50') stay equal to the keys after the item. A
		// date/time result is left to the item, whose pg_numeric orders
		// it as the pg_datetime collation does (BC years first)
		var typed []string
		for _, c := range []string{cond, x.orderIv[lo], x.orderJSONB[lo], x.orderDT[lo]} {
			if c != "" {
				typed = append(typed, "NOT coalesce(("+c+"), 0)")
			}
		}
		if len(typed) > 0 {
			x.T(lo).pre = "(CASE WHEN " + strings.Join(typed, " AND ") + " THEN " + expr + " END) COLLATE BINARY " + mods + ", " + x.T(lo).pre
		}
	}
	if jc := x.orderJSONB[lo]; jc != "" {
		// a jsonb result sorts as jsonb (jsonb_conditional.go)
		x.T(lo).pre = "(CASE WHEN " + jc + " THEN " + expr + " END) COLLATE " + JSONBCollation + " " + mods + ", " + x.T(lo).pre
	}
	if iv := x.orderIv[lo]; iv != "" {
		// an interval result sorts by value (interval_order.go)
		x.T(lo).pre = "(CASE WHEN " + iv + " THEN " + expr + " END) COLLATE " + IntervalCollation + " " + mods + ", " + x.T(lo).pre
	}
	if cond != "" {
		x.T(lo).pre = "(CASE WHEN " + cond + " THEN CAST(pg_in_numeric(" + expr + ", -1) AS TEXT) END) COLLATE " + NumericCollation + " " + mods + ", " + x.T(lo).pre
	}
}

// orderOutputItem is the expression of the top-level select item that
// the depth-0 ORDER BY item a..b-1 names by position (ORDER BY 2) or by
// its output name (ORDER BY total), in a statement of one SELECT (the
// ORDER BY of a set operation sorts its result columns, whose
// expressions are the arms'); ok=false otherwise.
func (x *tx) orderOutputItem(a, b int) (int, int, bool) {
	if b != a+1 {
		return 0, 0, false
	}
	var items [][2]int
	switch {
	case x.kw(0, "SELECT"):
		lists := x.selectLists()
		if len(lists) != 1 {
			return 0, 0, false
		}
		items = lists[0]
	case x.kw(0, "WITH"):
		// the main SELECT after the WITH list: ORDER BY 2 of avg(a.n2)
		// over a CTE sorted the numeric text as text
		_, main, _, ok := x.withList(0) // withdml.go
		if !ok || !x.kw(main, "SELECT") || x.depth[main] != 0 {
			return 0, 0, false
		}
		items, _ = x.selectListAt(main)
	default:
		return 0, 0, false
	}
	for i := 0; i < x.n(); i++ {
		if x.depth[i] == 0 && x.isSetOp(i) {
			return 0, 0, false
		}
	}
	t := x.T(a)
	var it [2]int
	switch t.typ {
	case tNumber:
		n, err := strconv.Atoi(t.text)
		if err != nil || n < 1 || n > len(items) {
			return 0, 0, false
		}
		it = items[n-1]
	case tIdent, tQIdent:
		name, found := strings.ToLower(t.identName()), false
		for _, c := range items {
			if alias, ok := x.itemAlias(c); ok && alias == name && c[1]-c[0] > 1 {
				if found {
					return 0, 0, false // two items of that name: PostgreSQL's 42702
				}
				it, found = c, true
			}
		}
		if !found {
			return 0, 0, false
		}
	default:
		return 0, 0, false
	}
	ia, ib := x.itemExpr(it[0], it[1])
	if ib <= ia || x.isP(ia, "*") || ib == ia+1 && x.T(ia).typ != tIdent {
		return 0, 0, false
	}
	if x.findKw(0, x.n(), 0, "GROUP") < 0 {
		// an aggregate without GROUP BY is one row, and repeated in
		// ORDER BY it would fail the session's type probe (the probe
		// reads the item's argument bare: aggitems.go)
		for k := ia; k+1 < ib; k++ {
			if x.isP(k, "(") && x.kw(k+1, "SELECT") {
				k = x.match(k) // a scalar subquery's aggregate is its own query's
				continue
			}
			if x.T(k).typ == tIdent && x.isP(k+1, "(") && (aggTyped[strings.ToLower(x.T(k).text)] || firstArgTyped[strings.ToLower(x.T(k).text)]) && !x.windowCall(k) {
				return 0, 0, false
			}
		}
	}
	return ia, ib, true
}
