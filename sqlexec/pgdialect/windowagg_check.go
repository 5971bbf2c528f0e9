package pgdialect

// windowagg_check.go: the aggregate call forms PostgreSQL refuses as
// window functions (0A000 at the function's name): DISTINCT inside the
// call, then an ORDER BY inside it. SQLite answered an internal XX000
// ("ORDER BY may not be used with non-aggregate group_concat()"), or
// for sum(DISTINCT x) OVER () a silent answer (differential fuzz tester).
// A call f(DISTINCT) with no argument is PostgreSQL's syntax error.

// windowAggChecks reports the first call followed by OVER (past its
// FILTER clause) whose arguments PostgreSQL refuses for a window
// function.
func (x *tx) windowAggChecks() error {
	for k := 0; k+1 < x.n(); k++ {
		if x.T(k).typ != tIdent || !x.isP(k+1, "(") || x.kw(k, "FILTER") || x.kw(k-1, "WITHIN", "GROUP") {
			continue // a call's name, not its FILTER or WITHIN GROUP clause
		}
		if x.kw(k+2, "DISTINCT") && x.isP(k+3, ")") {
			return x.syntaxErrAt(k + 3) // f(DISTINCT): SQLite's XX000 with OVER
		}
		m := x.match(k + 1)
		if !x.kw(x.filterEnd(m)+1, "OVER") { // orderby_array.go
			continue
		}
		refused := func(msg string) error {
			return &Error{Code: "0A000", Message: msg, Position: x.T(k).pos + 1}
		}
		if x.kw(k+2, "DISTINCT") {
			return refused("DISTINCT is not implemented for window functions")
		}
		if at := x.findKw(k+2, m, x.depth[k+1]+1, "ORDER"); at >= 0 && x.kw(at+1, "BY") {
			return refused("aggregate ORDER BY is not implemented for window functions")
		}
	}
	return nil
}
