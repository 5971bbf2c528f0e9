package pgdialect

import "strconv"

// Parameters no context types. PostgreSQL refuses to prepare a statement
// with a parameter whose type nothing determines (SELECT id FROM t WHERE
// $1 IS NULL: 42P18 could not determine data type of parameter $1); left
// unknown here it was described as text and bound as text, a statement
// PostgreSQL never runs. UntypedParams finds those parameters lexically:
// each of their occurrences is the operand of IS [NOT] NULL, the one
// place that gives a parameter no type, with nothing on its other side
// (no operator, no cast, no function argument). The session refuses them
// when no other inference typed them (sqlexec/prepare.go).

// UntypedParams returns the numbers of the parameters of sql (PostgreSQL
// text) whose every occurrence is a bare operand of IS [NOT] NULL.
func UntypedParams(sql string) []int {
	x := newTx(sql)
	bare := map[int]bool{} // $n: every occurrence so far is bare
	var order []int
	for i := 0; i < x.n(); i++ {
		t := x.T(i)
		if t.typ != tParam || len(t.text) < 2 || t.text[0] != '$' {
			continue
		}
		n, err := strconv.Atoi(t.text[1:])
		if err != nil {
			continue
		}
		ok := x.kw(i+1, "IS", "NULL") || x.kw(i+1, "IS", "NOT", "NULL")
		// nothing binds it on the left: the start of a condition
		ok = ok && (x.kw(i-1, "WHERE") || x.kw(i-1, "AND") || x.kw(i-1, "OR") || x.kw(i-1, "NOT") ||
			x.kw(i-1, "WHEN") || x.kw(i-1, "HAVING") || x.kw(i-1, "ON") || x.kw(i-1, "SELECT") ||
			x.isP(i-1, "(") && !x.isIdentBefore(i-1) || x.isP(i-1, ",") && x.depth[i] == 0)
		if prev, seen := bare[n]; seen {
			bare[n] = prev && ok
		} else {
			bare[n] = ok
			order = append(order, n)
		}
	}
	var out []int
	for _, n := range order {
		if bare[n] {
			out = append(out, n)
		}
	}
	return out
}

// isIdentBefore reports whether the ( at k opens a call's arguments (an
// identifier before it), where a parameter is typed by the signature.
func (x *tx) isIdentBefore(k int) bool {
	return k > 0 && (x.T(k-1).typ == tIdent || x.T(k-1).typ == tQIdent) && !x.T(k-1).kw("AND") && !x.T(k-1).kw("OR") &&
		!x.T(k-1).kw("NOT") && !x.T(k-1).kw("WHERE") && !x.T(k-1).kw("WHEN") && !x.T(k-1).kw("HAVING") && !x.T(k-1).kw("ON") && !x.T(k-1).kw("SELECT")
}
