package pgdialect

// minmax_collation.go: the collation of greatest/least whose arguments'
// type shows only at run time (strsyntax.go's rewriteMinMax: CASE WHEN
// 'interval' IN (<run-time types>) THEN <intervals by value> ... ELSE
// <SQLite's max/min> END). SQLite gives a CASE the collation of its first
// branch that names one, so the result carried pg_interval whatever the
// columns' type: over text columns it compared every text that reads as
// an interval ('42', '5', '') as one, numbers first and the empty text
// after them (least('a_c', t) < '5' was false for '' and '42', ORDER BY
// put '42' before ''; the fuzz tester's seeds 777196, 778363, 778372,
// 778474). A collation is chosen when the statement is prepared, before
// the type is read, so this one tells an interval result by its text:
// an interval column holds its type's output form ('1 day 12:00:00',
// '-02:00:00'), which no ordinary text of a text column is. Two texts
// compare as intervals when both read as intervals and one of them is
// in that form (a column's value beside a literal, '36 hours'); any
// other two compare by their bytes, as text and dates do.

import "strings"

// MinMaxCollation is the collation of greatest/least of run-time type.
const MinMaxCollation = "pg_minmax"

// compareMinMaxText is the pg_minmax collation.
func compareMinMaxText(a, b string) int {
	if a == b {
		return 0
	}
	va, errA := parseInterval(a)
	vb, errB := parseInterval(b)
	if errA != nil || errB != nil || va.String() != a && vb.String() != b {
		return strings.Compare(a, b) // SQLite's BINARY
	}
	return compareIntervals(va, vb)
}

// runtimeMinMaxText reports whether expr is the translated text of
// greatest/least whose arguments' type is read at run time and may be
// numeric (strsyntax.go: (CASE WHEN 'numeric' IN (...) AND 'float8' NOT
// IN (...) THEN ... END COLLATE pg_numeric)). The collation orders a
// numeric result by value, and text results as numbers first
// (least(t, vc) put '10' and '42' before the empty text); an ORDER BY of one sorts
// first by its numeric key (orderby_numeric.go), which orders every
// numeric result, so its own key sorts by the bytes, as text's order.
func runtimeMinMaxText(expr string) bool {
	return strings.HasPrefix(expr, "(CASE WHEN 'numeric' IN (") && strings.Contains(expr, ") AND 'float8' NOT IN (") &&
		strings.HasSuffix(expr, " END COLLATE "+NumericCollation+")")
}
