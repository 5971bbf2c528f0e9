package integration

// The query shapes of the differential fuzz tester (difffuzz_test.go)
// beyond difffuzz_gen_test.go's: window functions with frames and the
// ranking and value functions, aggregates with FILTER, SELECT DISTINCT
// ON, subqueries in the select list, more string functions, date_trunc
// and extract over every date/time type, and three-valued logic with
// NULLs. Every seed runs one such query after its first one; its
// generator is seeded apart (fuzzShapeSalt), so a seed's first query and
// its write stay what they were, and a difference reruns with the
// seed's RAFTSQL_DIFF_FUZZ_SEED as the others do.

import (
	"fmt"
	"strings"
)

// fuzzShapeSalt seeds a seed's shape query apart from its first query.
const fuzzShapeSalt = 0x5348415045 // "SHAPE"

// shapeQuery is one random query of the shapes above.
func (g *fuzzGen) shapeQuery() string {
	g.alias = "a"
	g.ext = true
	switch g.n(8) {
	case 0, 1:
		return g.frameQuery()
	case 2:
		return g.filterQuery()
	case 3:
		return g.distinctOnQuery()
	case 4:
		return g.subItemQuery()
	default:
		return g.plainQuery()
	}
}

// extExpr is an expression of type ty of the shapes difffuzz_gen_test.go
// does not write, or "" where there is none of ty.
func (g *fuzzGen) extExpr(ty fuzzType, d int) string {
	switch ty {
	case ftInt:
		switch g.n(9) {
		case 0:
			return fmt.Sprintf("strpos(%s, %s)", g.expr(ftText, d), g.lit(ftText))
		case 1:
			return fmt.Sprintf("char_length(%s)", g.expr(ftText, d))
		case 2:
			return fmt.Sprintf("octet_length(%s)", g.expr(ftText, d))
		case 3:
			return fmt.Sprintf("ascii(%s)", g.expr(ftText, d))
		case 4:
			return fmt.Sprintf("sign(%s)", g.expr(ftInt, d))
		case 5:
			return fmt.Sprintf("div(%s, %s)", g.expr(ftInt, d), g.expr(ftInt, d))
		case 6:
			return fmt.Sprintf("gcd(%s, %s)", g.expr(ftInt, d), g.expr(ftInt, d))
		case 7:
			return fmt.Sprintf("width_bucket(%s, 0, 100, 4)", g.expr(pick(g, ftInt, ftNumeric, ftFloat), d))
		default:
			return fmt.Sprintf("date_part(%s, %s)::int8", pick(g, "'year'", "'month'", "'day'", "'dow'", "'hour'"), g.expr(ftTimestamp, d))
		}
	case ftNumeric:
		switch g.n(8) {
		case 0:
			return fmt.Sprintf("ceil(%s)", g.expr(ftNumeric, d))
		case 1:
			return fmt.Sprintf("floor(%s)", g.expr(ftNumeric, d))
		case 2:
			return fmt.Sprintf("sign(%s)", g.expr(ftNumeric, d))
		case 3:
			return fmt.Sprintf("extract(%s FROM %s)", pick(g, "year", "month", "day", "dow", "isodow", "doy", "week", "isoyear", "quarter", "decade", "century", "millennium", "julian"), g.expr(pick(g, ftDate, ftTimestamp, ftTimestamptz), d))
		case 4:
			return fmt.Sprintf("extract(%s FROM %s)", pick(g, "hour", "minute", "second", "milliseconds", "microseconds", "epoch"), g.expr(pick(g, ftTimestamp, ftTimestamptz), d))
		case 5:
			return fmt.Sprintf("extract(%s FROM %s)", pick(g, "year", "month", "day", "hour", "minute", "second", "epoch", "quarter"), g.expr(ftInterval, d))
		case 6:
			return fmt.Sprintf("scale(%s)", g.expr(ftNumeric, d))
		default:
			return fmt.Sprintf("div(%s, %s)", g.expr(ftNumeric, d), g.expr(ftNumeric, d))
		}
	case ftFloat:
		switch g.n(4) {
		case 0:
			return fmt.Sprintf("date_part(%s, %s)", pick(g, "'year'", "'month'", "'day'", "'dow'", "'doy'", "'hour'", "'epoch'", "'week'"), g.expr(pick(g, ftTimestamp, ftTimestamptz, ftDate), d))
		case 1:
			return fmt.Sprintf("date_part(%s, %s)", pick(g, "'year'", "'month'", "'day'", "'hour'", "'epoch'"), g.expr(ftInterval, d))
		case 2:
			return fmt.Sprintf("ceil(%s)", g.expr(ftFloat, d))
		default:
			return fmt.Sprintf("floor(%s)", g.expr(ftFloat, d))
		}
	case ftText:
		switch g.n(16) {
		case 0:
			return fmt.Sprintf("lpad(%s, %d, %s)", g.expr(ftText, d), g.n(7)-1, pick(g, "'*'", "'ab'", "''"))
		case 1:
			return fmt.Sprintf("rpad(%s, %d)", g.expr(ftText, d), g.n(7))
		case 2:
			return fmt.Sprintf("repeat(%s, %d)", g.expr(ftText, d), g.n(4)-1)
		case 3:
			return fmt.Sprintf("reverse(%s)", g.expr(ftText, d))
		case 4:
			return fmt.Sprintf("split_part(%s, %s, %d)", g.expr(ftText, d), pick(g, "'b'", "' '", "'l'", "''"), pick(g, 1, 2, -1))
		case 5:
			return fmt.Sprintf("initcap(%s)", g.expr(ftText, d))
		case 6:
			return fmt.Sprintf("translate(%s, %s, %s)", g.expr(ftText, d), pick(g, "'abc'", "'lé'"), pick(g, "'xy'", "'ABC'", "''"))
		case 7:
			return fmt.Sprintf("%s(%s, %s)", pick(g, "btrim", "ltrim", "rtrim"), g.expr(ftText, d), pick(g, "'a'", "'ab'", "' '", "'hH'"))
		case 8:
			return fmt.Sprintf("right(%s, %d)", g.expr(ftText, d), g.n(5)-2)
		case 9:
			return fmt.Sprintf("overlay(%s placing %s from %d for %d)", g.expr(ftText, d), g.lit(ftText), 1+g.n(3), g.n(3))
		case 10:
			return fmt.Sprintf("md5(%s)", g.expr(ftText, d))
		case 11:
			return fmt.Sprintf("regexp_replace(%s, %s, %s%s)", g.expr(ftText, d), pick(g, "'[a-c]'", "'l+'", "'^.'", "'(.)(.)'"), pick(g, "'X'", "'\\2\\1'", "''"), pick(g, "", ", 'g'", ", 'i'"))
		case 12:
			return fmt.Sprintf("concat_ws(%s, %s, %s)", pick(g, "','", "'-'", "NULL"), g.expr(pick(g, ftText, ftInt), d), g.expr(pick(g, ftText, ftNumeric, ftBool), d))
		case 13:
			return fmt.Sprintf("to_char(%s, %s)", g.expr(pick(g, ftTimestamp, ftTimestamptz), d), pick(g, "'YYYY-MM-DD HH24:MI:SS.MS'", "'Day DD Month YYYY'", "'IYYY-IW-ID'", "'Q WW DDD J'", "'HH12:MI AM'", "'FMMonth FMDD'", "'YY-MON-dy'"))
		case 14:
			return fmt.Sprintf("to_char(%s, %s)", g.expr(pick(g, ftInt, ftNumeric, ftFloat), d), pick(g, "'999D99'", "'FM9990.00'", "'S9999'", "'99999999999999999999'", "'0000'"))
		default:
			return fmt.Sprintf("(%s)::text", g.expr(pick(g, ftTimestamptz, ftJSONB, ftTextArray, ftDate), d))
		}
	case ftBool:
		switch g.n(10) {
		case 0:
			return fmt.Sprintf("(%s %s NULL)", g.expr(ftBool, d), pick(g, "AND", "OR"))
		case 1:
			return fmt.Sprintf("(%s %sIN (%s, NULL))", g.expr(ftInt, d), pick(g, "", "NOT "), g.lit(ftInt))
		case 2:
			return fmt.Sprintf("(%s %s ANY(ARRAY[%s, NULL]))", g.expr(ftInt, d), pick(g, "=", "<>", "<"), g.lit(ftInt))
		case 3:
			return fmt.Sprintf("(%s %s ALL(%s))", g.expr(ftInt, d), pick(g, "=", "<>", ">", "<="), g.col(ftIntArray))
		case 4:
			return fmt.Sprintf("(%s %sIN (SELECT k FROM n25fz_u))", g.expr(ftInt, d), pick(g, "", "NOT "))
		case 5:
			return fmt.Sprintf("(%s %s %s)", g.expr(ftBool, d), pick(g, "=", "<>", "<", ">="), g.expr(ftBool, d))
		case 6:
			return fmt.Sprintf("(%s IS %sUNKNOWN)", g.expr(ftBool, d), pick(g, "", "NOT "))
		case 7:
			return fmt.Sprintf("starts_with(%s, %s)", g.expr(ftText, d), pick(g, "'a'", "'h'", "''", "'AB'"))
		case 8:
			return fmt.Sprintf("(%s %s (SELECT k FROM n25fz_u))", g.expr(ftInt, d), pick(g, "= ANY", "<> ALL", "> ALL", "<= ANY"))
		default:
			return fmt.Sprintf("(%s ~%s %s)", g.expr(ftText, d), pick(g, "", "*"), pick(g, "'^a'", "'b.c'", "'[0-9]'", "'l{2}'"))
		}
	case ftTimestamp:
		switch g.n(3) {
		case 0:
			return fmt.Sprintf("date_trunc(%s, %s)", pick(g, "'minute'", "'second'", "'decade'", "'century'", "'millennium'", "'milliseconds'"), g.expr(ftTimestamp, d))
		case 1:
			return fmt.Sprintf("make_timestamp(2024, %d, %d, %d, 30, 15.5)", 1+g.n(12), 1+g.n(28), g.n(24))
		default:
			return fmt.Sprintf("(%s)::timestamp", g.expr(ftTimestamptz, d))
		}
	case ftTimestamptz:
		switch g.n(2) {
		case 0:
			return fmt.Sprintf("date_trunc(%s, %s)", pick(g, "'year'", "'month'", "'day'", "'hour'", "'week'", "'quarter'"), g.expr(ftTimestamptz, d))
		default:
			return fmt.Sprintf("(%s + %s)", g.expr(ftTimestamptz, d), g.expr(ftInterval, d))
		}
	case ftInterval:
		switch g.n(3) {
		case 0:
			return fmt.Sprintf("date_trunc(%s, %s)", pick(g, "'year'", "'month'", "'day'", "'hour'"), g.expr(ftInterval, d))
		case 1:
			return fmt.Sprintf("justify_%s(%s)", pick(g, "days", "hours"), g.expr(ftInterval, d))
		default:
			return fmt.Sprintf("age(%s)", g.expr(ftTimestamp, d))
		}
	case ftDate:
		return fmt.Sprintf("make_date(%d, %d, %d)", pick(g, 2024, 2023, 1), 1+g.n(12), 1+g.n(28))
	}
	return ""
}

// frameQuery: a window function over a frame (ROWS, RANGE, GROUPS) or a
// ranking or value function, ordered by a key and a.id so the rows'
// order within the window does not depend on the plan.
func (g *fuzzGen) frameQuery() string {
	part := ""
	if g.chance(0.5) {
		part = "PARTITION BY " + g.expr(pick(g, ftInt, ftText, ftBool), 1) + " "
	}
	ord := g.expr(pick(g, ftInt, ftNumeric, ftText, ftDate, ftFloat), 1)
	dir := pick(g, "", " DESC", " NULLS FIRST", " DESC NULLS LAST")
	over := fmt.Sprintf("(%sORDER BY %s%s, a.id%s)", part, ord, dir, g.frame())
	var w string
	switch g.n(9) {
	case 0:
		w = fmt.Sprintf("%s(%s) OVER %s", pick(g, "sum", "avg", "min", "max", "count"), g.expr(pick(g, ftInt, ftNumeric), 1), over)
	case 1:
		w = fmt.Sprintf("%s(%s) OVER %s", pick(g, "first_value", "last_value"), g.expr(pick(g, ftInt, ftText, ftNumeric, ftDate), 1), over)
	case 2:
		w = fmt.Sprintf("nth_value(%s, %d) OVER %s", g.expr(pick(g, ftInt, ftText), 1), 1+g.n(3), over)
	case 3:
		w = fmt.Sprintf("%s() OVER (%sORDER BY %s%s)", pick(g, "percent_rank", "cume_dist", "rank", "dense_rank"), part, ord, dir)
	case 4:
		w = fmt.Sprintf("ntile(%d) OVER (%sORDER BY %s%s, a.id)", 1+g.n(4), part, ord, dir)
	case 5:
		w = fmt.Sprintf("%s(%s, %d, %s) OVER (%sORDER BY %s%s, a.id)", pick(g, "lag", "lead"), g.col(ftInt), 1+g.n(2), pick(g, "0", "NULL", "-1"), part, ord, dir)
	case 6:
		w = fmt.Sprintf("string_agg(%s, ',') OVER %s", g.expr(ftText, 1), over)
	case 7:
		w = fmt.Sprintf("count(*) FILTER (WHERE %s) OVER %s", g.expr(ftBool, 1), over)
	default:
		w = fmt.Sprintf("sum(%s) OVER (%sORDER BY %s%s)", g.expr(pick(g, ftInt, ftNumeric, ftFloat), 1), part, ord, dir)
	}
	return "SELECT a.id AS c1, " + w + " AS c2, " + g.item() + " AS c3 FROM n25fz_t a" + g.where() + g.orderBy(3)
}

// frame is a window frame clause, or none: its end not before its start
// but now and then (PostgreSQL's 42P20 errors).
func (g *fuzzGen) frame() string {
	if g.chance(0.25) {
		return ""
	}
	unit := pick(g, "ROWS", "ROWS", "GROUPS", "RANGE")
	// bounds in order: 0 UNBOUNDED PRECEDING, 1 n PRECEDING, 2 CURRENT
	// ROW, 3 n FOLLOWING, 4 UNBOUNDED FOLLOWING (RANGE takes no n here:
	// its offset needs an ORDER BY key of a type it applies to)
	bound := func(k int) string {
		switch k {
		case 0:
			return "UNBOUNDED PRECEDING"
		case 1:
			return fmt.Sprintf("%d PRECEDING", g.n(3))
		case 2:
			return "CURRENT ROW"
		case 3:
			return fmt.Sprintf("%d FOLLOWING", g.n(3))
		}
		return "UNBOUNDED FOLLOWING"
	}
	lo, hi := g.n(4), 0
	if g.chance(0.05) {
		hi = g.n(5) // maybe before lo, maybe UNBOUNDED FOLLOWING first
		lo = g.n(5)
	} else {
		hi = lo + g.n(5-lo)
		if lo == 0 && hi == 0 {
			hi = 2
		}
	}
	if unit == "RANGE" {
		for _, k := range []*int{&lo, &hi} {
			if *k == 1 || *k == 3 {
				*k = 2
			}
		}
	}
	s := fmt.Sprintf(" %s BETWEEN %s AND %s", unit, bound(lo), bound(hi))
	if g.chance(0.2) {
		s += pick(g, " EXCLUDE CURRENT ROW", " EXCLUDE TIES", " EXCLUDE GROUP", " EXCLUDE NO OTHERS")
	}
	return s
}

// filterQuery: a GROUP BY with aggregates that carry FILTER clauses.
func (g *fuzzGen) filterQuery() string {
	key := g.expr(pick(g, ftInt, ftText, ftBool, ftDate), 1)
	items := []string{key + " AS c1"}
	for i := 0; i < 1+g.n(3); i++ {
		var a string
		switch g.n(5) {
		case 0:
			a = "count(*)"
		case 1:
			a = fmt.Sprintf("%s(%s)", pick(g, "sum", "avg", "min", "max"), g.expr(pick(g, ftInt, ftNumeric), 2))
		case 2:
			e := g.expr(ftText, 1)
			a = fmt.Sprintf("string_agg(%s, ',' ORDER BY %s)", e, e)
		case 3:
			a = fmt.Sprintf("%s(%s)", pick(g, "bool_and", "bool_or", "every"), g.expr(ftBool, 1))
		default:
			e := g.expr(pick(g, ftInt, ftText), 1)
			a = fmt.Sprintf("array_agg(%s ORDER BY %s)", e, e)
		}
		items = append(items, fmt.Sprintf("%s FILTER (WHERE %s) AS c%d", a, g.expr(ftBool, 2), i+2))
	}
	return "SELECT " + strings.Join(items, ", ") + " FROM n25fz_t a" + g.where() + " GROUP BY 1" + g.orderBy(len(items)) + g.limit()
}

// distinctOnQuery: SELECT DISTINCT ON a key, the kept row the first by
// a.id.
func (g *fuzzGen) distinctOnQuery() string {
	key := g.expr(pick(g, ftInt, ftText, ftBool, ftNumeric, ftDate), 2)
	dir := pick(g, "", " DESC", " NULLS FIRST", " DESC NULLS LAST")
	return "SELECT DISTINCT ON (" + key + ") " + key + " AS c1, a.id AS c2, " + g.item() + " AS c3 FROM n25fz_t a" + g.where() +
		" ORDER BY " + key + dir + ", a.id" + pick(g, "", " DESC") + g.limit()
}

// subItemQuery: subqueries in the select list.
func (g *fuzzGen) subItemQuery() string {
	sub := pick(g,
		"(SELECT b.s FROM n25fz_u b WHERE b.k = a.i4 ORDER BY b.id LIMIT 1)",
		"(SELECT b.v FROM n25fz_u b WHERE b.k <= a.i2 ORDER BY b.v DESC NULLS LAST, b.id LIMIT 1)",
		"EXISTS (SELECT 1 FROM n25fz_u b WHERE b.s = a.t)",
		"a.i4 IN (SELECT b.k FROM n25fz_u b)",
		"a.i4 NOT IN (SELECT b.k FROM n25fz_u b)",
		"ARRAY(SELECT b.k FROM n25fz_u b WHERE b.k < a.i4 ORDER BY b.k)",
		"(SELECT string_agg(b.s, ',' ORDER BY b.s) FROM n25fz_u b WHERE b.k <> a.i2)",
		"(SELECT avg(b.k) FROM n25fz_u b WHERE b.k < a.id)",
		"(SELECT count(*) FILTER (WHERE b.v > a.n) FROM n25fz_u b)",
		"(SELECT min(b.v) FROM n25fz_u b WHERE b.s ILIKE a.t)",
		"coalesce((SELECT b.k FROM n25fz_u b WHERE b.id = a.id), -1) + 1",
	)
	return "SELECT a.id AS c1, " + sub + " AS c2, " + g.item() + " AS c3 FROM n25fz_t a" + g.where() + g.orderBy(3) + g.limit()
}
