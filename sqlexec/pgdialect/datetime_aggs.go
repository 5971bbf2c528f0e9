package pgdialect

// datetime_aggs.go: aggregates and window functions of a date/time column
// as operands of date/time operators. max(ts) - min(ts), max(d) + 1 and
// ts - lag(ts) OVER (ORDER BY ts) are as common as the operators over
// bare columns, but the translator saw a call, not a column, so no type
// test was written and the operator took numeric arithmetic (22P02 on the
// timestamp's text). A call whose result keeps its argument column's type
// (min, max, and the window functions that return a row's value) has that
// column's type expression; sum and avg have it only for an interval
// column (PostgreSQL has no sum or avg of the other date/time types).

// dtKeepArgFuncs are the aggregate and window functions whose result is of
// their first argument's type (lag(ts, 1, default) is a timestamp).
var dtKeepArgFuncs = map[string]bool{
	"min": true, "max": true, "lag": true, "lead": true,
	"first_value": true, "last_value": true, "nth_value": true,
}

// aggDTType is the run-time date/time type expression of a..b-1 when it
// is a call of dtKeepArgFuncs, sum or avg (dtKeepTypeCall) over a column,
// such a call (lag(max(ts)) OVER ()) or date/time arithmetic over columns
// (max(ts + iv)); "" otherwise.
func (x *tx) aggDTType(a, b int) string {
	fn, lo, hi, ok := x.dtKeepTypeCall(a, b)
	if !ok {
		return ""
	}
	c := x.columnDTType(lo, hi)
	if c == "" {
		// of an expression over columns (max(ts + iv), max(d + 1)): its
		// recorded type (datetime_nested.go)
		c = x.nestedDTType(lo, hi)
	}
	if c == "" || dtKeepArgFuncs[fn] {
		return c
	}
	return "(CASE " + c + " WHEN 'interval' THEN 'interval' ELSE '' END)"
}

// dtKeepTypeCall recognises at a..b-1 a call of dtKeepArgFuncs, sum or avg,
// with FILTER (...) and OVER (...) or OVER name after it, and returns the
// function's name and its first argument's extent (after DISTINCT): the
// call's type follows from the argument's.
func (x *tx) dtKeepTypeCall(a, b int) (fn string, lo, hi int, ok bool) {
	t := x.T(a)
	if t.typ != tIdent || !x.isP(a+1, "(") || x.isP(a-1, ".") {
		return "", 0, 0, false
	}
	fn = t.identName()
	if fn == "pg_sum_typed" || fn == "pg_sum_distinct" {
		fn = "sum" // sum(x) rewritten (sum_float4.go), as Describe reads it
	}
	if !dtKeepArgFuncs[fn] && fn != "sum" && fn != "avg" {
		return "", 0, 0, false
	}
	m := x.match(a + 1)
	if m <= a+2 || m >= b {
		return "", 0, 0, false
	}
	for end := m + 1; end != b; {
		switch {
		case end > b:
			return "", 0, 0, false
		case x.kw(end, "FILTER") && x.isP(end+1, "("):
			end = x.match(end+1) + 1
		case x.kw(end, "OVER") && x.isP(end+1, "("):
			end = x.match(end+1) + 1
		case x.kw(end, "OVER") && end+2 <= b:
			end += 2
		default:
			return "", 0, 0, false
		}
	}
	args := x.splitTop(a+2, m)
	if (fn == "min" || fn == "max") && len(args) != 1 {
		return "", 0, 0, false // SQLite's scalar min(a, b) and max (greatest/least)
	}
	// pg_sum_typed(x, type): x is first
	lo, hi = args[0][0], args[0][1]
	if x.kw(lo, "DISTINCT") || x.kw(lo, "ALL") {
		lo++
	}
	return fn, lo, hi, lo < hi
}
