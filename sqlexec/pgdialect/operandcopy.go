package pgdialect

// operandcopy.go: a rewrite that copies an operand's text into a new form
// (the date/time CASE forms of datetime_columns.go, the run-time numeric
// comparison of arith.go) copies it twice, then blanks the operand's
// tokens. A rewrite still pending inside the operand, recorded by its
// token position to run later, would then splice into the blanked tokens
// and leave the copies as written: (d + iv) <= least(ts, ts) was a
// syntax error (least's rewrite wrote its call after the CASE, over no
// arguments; found by the differential fuzz tester, seed 9600283).

// settleOperands runs now the pending rewrites recorded within tokens
// lo..hi-1, whose text a rewrite is about to copy.
func (x *tx) settleOperands(lo, hi int) {
	x.minMaxWithin(lo, hi)              // strsyntax.go: greatest/least
	x.orderByWithin(lo, hi)             // orderby.go: lag(ts) OVER (ORDER BY id)
	x.sumTypesWithin(lo, hi)            // sum_float4.go: sum(r) + 1 of a real column
	x.numericFuncsWithin(lo, hi, false) // numeric_funcargs.go: mod(2.5, n2) - i4
	x.commonLiteralsWithin(lo, hi)      // unknownlit.go: coalesce(iv, '0') + ts
	x.bitCallsWithin(lo, hi)            // typeof.go: i2 + octet_length(vc)
	x.arrayConcatsWithin(lo, hi)        // array_translate.go: cardinality(ia || ARRAY[4]) + id
	x.outTextWithin(lo, hi)             // textoperands_settle.go: concat(b, 'a') >= q.t, after the arrays' ||
	x.arithMembershipIn(lo, hi)         // membership_settle.go: (q.t BETWEEN 'a' AND 'b') = q.b
	x.anyAllOpensWithin(lo, hi)         // anyall.go: last, its left operand translated
}
