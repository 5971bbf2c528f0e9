package pgdialect

// membership_conditional.go: a coalesce, nullif or CASE with a branch of
// numeric or run-time type tested with BETWEEN or IN. Its result is
// numeric text with no affinity to convert the bounds or list values
// with, so SQLite ordered it after every number: coalesce(n2, 0) BETWEEN
// -1.5 AND 2.5 was false for 0.00 (found by the differential fuzz tester,
// seed 3100705). As a comparison of one goes through pg_cmp (arith.go),
// the test compares by value where the branches' run-time types make the
// result numeric (membershipByValue), as SQLite does otherwise. The
// rewrite copies the operand, the bounds and the list, so it is recorded
// here and made once their text is final (resolveNested).

import (
	"maps"
	"slices"
	"strings"
)

// memberTest is a BETWEEN or IN at i whose conditional operand is s..e-1,
// numeric when cond holds.
type memberTest struct {
	s, e int
	cond string
	// jcond: when it is jsonb (jsonb_conditional.go)
	jcond string
	// any: = ANY / <> ALL of an array at i, e its operator
	// (any_conditional.go)
	any bool
}

// conditionalMembership records the BETWEEN or IN at i when its operand
// is such a conditional, in parentheses or not, and reports whether it
// did.
func (x *tx) conditionalMembership(i int) bool {
	if x.kw(i+1, "SYMMETRIC") || x.kw(i+1, "ASYMMETRIC") {
		return false
	}
	e := i
	if x.T(e - 1).kw("NOT") {
		e--
	}
	return x.recordMemberTest(i, e, false)
}

// recordMemberTest records at i the membership test whose operand ends
// before token e when that operand is a numeric conditional
// (conditionalOperand), anyAll for = ANY / <> ALL; it reports whether it
// did.
func (x *tx) recordMemberTest(i, e int, anyAll bool) bool {
	s, a, b, ok := x.conditionalOperand(e - 1)
	if !ok || !x.conditionalNumeric(a, b) {
		return false
	}
	cond := x.conditionalNumericCond(a, b) // orderby_numeric.go
	if cond == "" {
		return false
	}
	if x.memberTests == nil {
		x.memberTests = map[int]memberTest{}
	}
	x.memberTests[i] = memberTest{s: s, e: e, cond: cond, jcond: x.conditionalJSONBCond(a, b), any: anyAll}
	return true
}

// conditionalOperand is the operand ending at token k when it is a
// coalesce, nullif, greatest or least call or a CASE (least(n, n2)
// BETWEEN -1.5 AND 0.0 was false for 0: seed 49537480657989), in parentheses or not: its first
// token s and the conditional's own extent a..b-1.
func (x *tx) conditionalOperand(k int) (s, a, b int, ok bool) {
	switch {
	case x.kw(k, "END"):
		for c := k - 1; c >= 0 && x.depth[c] >= x.depth[k]; c-- {
			if x.depth[c] == x.depth[k] && x.kw(c, "CASE") && x.caseEnd(c) == k {
				return c, c, k + 1, true
			}
		}
	case x.isP(k, ")"):
		m := x.matchBack(k)
		if m < 0 {
			return 0, 0, 0, false
		}
		if f := x.T(m - 1); m > 0 && f.typ == tIdent && !x.isP(m-2, ".") &&
			(strings.EqualFold(f.text, "coalesce") || strings.EqualFold(f.text, "nullif") ||
				strings.EqualFold(f.text, "greatest") || strings.EqualFold(f.text, "least")) {
			return m - 1, m - 1, k + 1, true
		}
		if m > 0 && (x.T(m-1).typ == tIdent || x.T(m-1).typ == tQIdent) && x.endsOperand(m-1) {
			// another function's call of a conditional, length(CASE ...
			// END) = ANY(ia): the call is the operand, not its argument
			// (its CASE took the test, length(... IN ...): the fuzz
			// tester's seed 830075)
			return 0, 0, 0, false
		}
		if a, b := x.unparen(m, k+1); b > a && x.kw(a, "CASE") && x.caseEnd(a) == b-1 {
			return m, a, b, true
		} else if b > a+1 && a > m && x.isP(b-1, ")") && x.matchBack(b-1) == a+1 {
			// (least(n, 0.25)) BETWEEN -1 AND 0.25
			if _, ia, ib, ok := x.conditionalOperand(b - 1); ok && ia == a && ib == b {
				return m, a, b, true
			}
		}
	}
	return 0, 0, 0, false
}

// conditionalMemberships rewrites the tests conditionalMembership
// recorded, the last first (one inside another's operand or list is in
// the text the outer one copies).
func (x *tx) conditionalMemberships() {
	x.conditionalMembershipsWithin(0, x.n())
}

// conditionalMembershipsWithin rewrites now, and forgets, the tests
// recorded at tokens lo..hi-1, whose text a rewrite is about to copy
// (minmax_conditional.go: min(coalesce(n2, 1.5)) FILTER (WHERE
// coalesce(-1, id) IN (2, 3)) spliced the test into blanked tokens, a
// syntax error).
func (x *tx) conditionalMembershipsWithin(lo, hi int) {
	for _, i := range slices.Backward(slices.Sorted(maps.Keys(x.memberTests))) {
		if i < lo || i >= hi {
			continue
		}
		m := x.memberTests[i]
		delete(x.memberTests, i)
		if m.any {
			x.anyByValue(m.s, m.e, i, m.cond, m.jcond) // any_conditional.go
			continue
		}
		x.membershipByValue(m.s, i, m.e, m.cond, m.jcond) // arith.go
	}
}
