package pgdialect

// membership_settle.go: BETWEEN and IN inside an operand a rewrite copies.
//
// arithMembership rewrites x BETWEEN a AND b and x IN (list) after the
// operators: a FROM subquery's or CTE's column of run-time type becomes
// a CASE that compares numbers by value (runtimeMembership). A comparison
// decided at run time (arith.go's runtimeCompareWhen) copies its operands
// before then and blanks them, so (q.t BETWEEN 'abc' AND 'Hello') = q.b
// had its test copied as written and then the CASE spliced into the
// blanked tokens: a syntax error (the differential fuzz tester, seed
// 820185). settleOperands now runs the tests within the operand first.

// settleMember records that the BETWEEN or IN at i has had its turn, so
// the late pass leaves it be.
func (x *tx) settleMember(i int) {
	if x.memberSettled == nil {
		x.memberSettled = map[int]bool{}
	}
	x.memberSettled[i] = true
}
