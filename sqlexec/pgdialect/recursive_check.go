package pgdialect

// recursive_check.go: the clauses PostgreSQL refuses on a recursive
// CTE's query (0A000 "... in a recursive query is not implemented"):
// ORDER BY, OFFSET, LIMIT (FETCH FIRST), FOR UPDATE/SHARE on the UNION
// of its non-recursive and recursive terms. SQLite runs them: ORDER BY
// without a LIMIT orders its queue and never ends (the statement hung
// until the client went away), LIMIT stops the recursion early.

// recursiveChecks reports the first refused clause of a self-referencing
// query of a WITH RECURSIVE list, in PostgreSQL's order of checks.
func (x *tx) recursiveChecks() error {
	for i := 0; i+1 < x.n(); i++ {
		if !x.kw(i, "WITH", "RECURSIVE") {
			continue
		}
		for j := i + 2; j < x.n(); {
			name, k := x.T(j).identName(), j+1
			if x.T(j).typ != tIdent && x.T(j).typ != tQIdent {
				break
			}
			if x.isP(k, "(") {
				k = x.match(k) + 1
			}
			if !x.kw(k, "AS") {
				break
			}
			k++
			if x.kw(k, "NOT") {
				k++
			}
			if x.kw(k, "MATERIALIZED") {
				k++
			}
			if !x.isP(k, "(") {
				break
			}
			m := x.match(k)
			if err := x.recursiveBodyCheck(name, k+1, m); err != nil {
				return err
			}
			if !x.isP(m+1, ",") { // the main query, or SEARCH/CYCLE
				break
			}
			j = m + 2
		}
	}
	return nil
}

// recursiveBodyCheck checks the query a..b-1 of the CTE name: when it
// reads name in a FROM list after a UNION at its top level, the refused
// clauses at that level.
func (x *tx) recursiveBodyCheck(name string, a, b int) error {
	if a >= b {
		return nil
	}
	d := x.depth[a]
	union := -1
	for k := a; k < b; k++ {
		if x.depth[k] == d && x.T(k).kw("UNION") {
			union = k
		}
	}
	if union < 0 || !x.readsCTE(name, union, b) {
		return nil
	}
	at := func(kws ...string) int {
		for k := union; k < b; k++ {
			if x.depth[k] == d && x.kw(k, kws...) {
				return k
			}
		}
		return -1
	}
	refuse := func(clause string, k int) error {
		e := &Error{Code: "0A000", Message: clause + " in a recursive query is not implemented"}
		if k >= 0 && k < b {
			e.Position = x.T(k).pos + 1
		}
		return e
	}
	if k := at("ORDER", "BY"); k >= 0 {
		return refuse("ORDER BY", k+2)
	}
	if k := at("OFFSET"); k >= 0 {
		return refuse("OFFSET", k+1)
	}
	if k := at("LIMIT"); k >= 0 {
		return refuse("LIMIT", k+1)
	}
	if k := at("FETCH"); k >= 0 {
		return refuse("LIMIT", k+2)
	}
	if k := at("FOR"); k >= 0 {
		return refuse("FOR UPDATE/SHARE", -1)
	}
	return nil
}

// readsCTE reports whether a..b-1 names the CTE name as a FROM item.
func (x *tx) readsCTE(name string, a, b int) bool {
	for k := a; k < b; k++ {
		t := x.T(k)
		if (t.typ == tIdent || t.typ == tQIdent) && t.identName() == name && !x.isP(k-1, ".") && !x.isP(k+1, "(") && !x.isP(k+1, ".") && x.inFrom(k) {
			return true
		}
	}
	return false
}
