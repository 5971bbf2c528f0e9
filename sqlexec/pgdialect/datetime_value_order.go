package pgdialect

// datetime_value_order.go: date, timestamp and timestamptz values that are
// no column order by value, as the columns do (datetime_order.go).
//
// A column carries the pg_datetime collation, but a function's, an
// aggregate's, a CASE's or a scalar subquery's result carries none, so
// SQLite ordered its text: ORDER BY CASE ... THEN d END, max(d) (of a
// group), lag(d) OVER (...), (SELECT max(d) ...), d::timestamp,
// make_date(...), and max(CASE ... END) put '12345-01-01' before
// '2024-01-01' and '0044-03-15 BC' after '0001-01-01 BC'. Equal values have equal texts (a timestamptz
// is stored in UTC; columns of mixed types are taken to one type first,
// datetime_common.go), so grouping and DISTINCT were right; only the order
// was not.
//
// The translation has no schema. Once SQLite has compiled the statement
// the columns' run-time types are read (compiled_types.go's conversion,
// evaluated once per compiled statement): such an ORDER BY item, select
// item (ORDER BY 2, a derived table's or CTE's column sorted outside it)
// or argument of min/max is written with the pg_datetime collation; so
// is a cast to one of the types or a call of a function that returns one
// (datetimeCall), whatever its arguments. A coalesce or CASE of columns
// has it already where the columns' types are matched (datetime_common.go). The
// translation of greatest/least of a run-time type already carries
// pg_numeric, which orders dates and timestamps as pg_datetime does
// (interval_order.go's datePrefix); its ORDER BY key that sorts text
// results by their bytes (orderby_numeric.go) leaves them to it.

import "strings"

// datetimeTypes are the run-time type names (pg_col_dttype's) whose values
// order by the pg_datetime collation.
const datetimeTypes = "('date', 'timestamp', 'timestamptz')"

// conditionalDatetimeCond is the SQL condition under which the
// conditional, aggregate, window value call or scalar subquery a..b-1
// over columns has a date, timestamp or timestamptz result; "" when no
// branch is a column whose type is read at run time.
func (x *tx) conditionalDatetimeCond(a, b int) string {
	a, b = x.overCall(a, b) // orderby_numeric.go: lag(d) OVER (...) is the call's value
	var conds []string
	for _, br := range x.conditionalBranches(a, b) { // numeric_runtimecmp.go
		if rt := x.columnDTType(br[0], br[1]); rt != "" { // datetime_columns.go
			conds = append(conds, rt+" IN "+datetimeTypes)
		} else if ba, bb := x.unparen(br[0], br[1]); bb > ba && (x.conditionalCall(ba) || x.T(a).typ == tIdent) {
			// a conditional within (coalesce(CASE ... END, d)), or an
			// aggregate's: max(coalesce(d, d2))
			if c := x.conditionalDatetimeCond(ba, bb); c != "" {
				conds = append(conds, c)
			}
		}
	}
	return strings.Join(conds, " OR ")
}

// datetimeValueOrder is compiled_types.go's conversion for date/time
// values: the collation edits the file's comment describes. holds
// evaluates a condition once; the statement is read only where the
// schema has a date/time column.
func (x *tx) datetimeValueOrder(holds func(string) bool, done map[int]bool) []textEdit {
	haveDT, held := 0, map[string]bool{}
	var eds []textEdit
	collate := func(a, b int, item bool) {
		ua, ub := x.unparen(a, b)
		if done[a] || ub <= ua+2 || x.collated(a, b) {
			return
		}
		if c := x.rangeBoundCond(ua, ub, "'numrange'"); c != "" {
			// a numrange's bound is numeric text: by value
			if _, ok := held[c]; !ok {
				held[c] = holds(c)
			}
			if held[c] {
				done[a] = true
				eds = append(eds, x.collateEdits(a, b, NumericCollation, item)...)
				return
			}
		}
		if x.datetimeCall(ua, ub) {
			done[a] = true // a call of a date/time type whatever its arguments
			eds = append(eds, x.collateEdits(a, b, DatetimeCollation, item)...)
			return
		}
		cond := x.conditionalDatetimeCond(a, b) // a scalar subquery's parentheses are its own
		if ua != a {
			if c := x.conditionalDatetimeCond(ua, ub); c != "" {
				cond = c
			}
		}
		if cond == "" {
			cond = x.rangeBoundCond(ua, ub, "'daterange', 'tsrange', 'tstzrange'")
		}
		if cond == "" {
			return
		}
		if haveDT == 0 {
			haveDT = 1
			if holds("EXISTS (SELECT 1 FROM sqlite_schema WHERE sql LIKE '%pg_in_date%' OR sql LIKE '%pg_in_timestamp%' OR sql LIKE '%pg_in_tsrange%' OR sql LIKE '%pg_in_tstzrange%') OR " +
				"EXISTS (SELECT 1 FROM sqlite_temp_schema WHERE sql LIKE '%pg_in_date%' OR sql LIKE '%pg_in_timestamp%' OR sql LIKE '%pg_in_tsrange%' OR sql LIKE '%pg_in_tstzrange%')") {
				haveDT = 2
			}
		}
		if haveDT == 1 {
			return
		}
		if _, ok := held[cond]; !ok {
			held[cond] = holds(cond)
		}
		if !held[cond] {
			return
		}
		done[a] = true
		eds = append(eds, x.collateEdits(a, b, DatetimeCollation, item)...)
	}
	for i := 0; i < x.n(); i++ {
		switch {
		case x.T(i).kw("SELECT"):
			x.eachItemExpr(i, collate) // compiled_types.go
		case x.kw(i, "ORDER") && x.kw(i+1, "BY"):
			d := x.depth[i]
			for _, it := range x.orderByItems(i+2, d) { // orderby.go
				if e := x.orderExprEnd(it[0], it[1], d); !x.kw(e, "COLLATE") { // a key of its own collation is left
					collate(it[0], e, false)
				}
			}
		case (x.isCall(i, "max") || x.isCall(i, "min")) && !x.isP(i-1, "."):
			// the aggregate compares its argument's values (one
			// argument; two are greatest/least's translation)
			if args := x.splitTop(i+2, x.match(i+1)); len(args) == 1 && !x.kw(args[0][0], "DISTINCT") {
				collate(args[0][0], args[0][1], false)
			}
		}
	}
	return eds
}

// rangeBoundCond is the SQL condition under which a..b-1, a range's
// bound pg_range_lower(r, type) or pg_range_upper(r, type) (lower(r),
// upper(r)), is of a range type among types (quoted names): the range
// column's declared type is one of them (ORDER BY lower(r) of a
// daterange put '12345-01-01' before '2024-01-01', of a numrange 10
// before 9.25); "" for another expression.
func (x *tx) rangeBoundCond(a, b int, types string) string {
	t := x.T(a)
	if t.typ != tIdent || !x.isP(a+1, "(") || x.match(a+1) != b-1 ||
		!strings.EqualFold(t.text, "pg_range_lower") && !strings.EqualFold(t.text, "pg_range_upper") {
		return ""
	}
	args := x.splitTop(a+2, b-1)
	if len(args) != 2 || args[1][1] <= args[1][0] || x.kw(args[1][0], "NULL") && args[1][1]-args[1][0] == 1 {
		return ""
	}
	return "lower(" + x.text(args[1][0], args[1][1]) + ") IN (" + types + ")"
}
