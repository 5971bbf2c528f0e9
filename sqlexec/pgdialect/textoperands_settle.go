package pgdialect

// textoperands_settle.go: the text of booleans and floats (textoperands.go)
// inside an operand a rewrite copies.
//
// outTextCalls and outTextConcatOps run late, after the casts and the
// array and jsonb operators. A comparison decided at run time
// (arith.go's runtimeCompareWhen: a FROM subquery's or CTE's column of
// run-time type) copies its operands' text before then and blanks them,
// so concat(b, 'a') >= q.t compared concat of the stored 1/0 ('1a'
// where PostgreSQL's concat prints 'ta'), and b || 'a' and
// array_to_string(ARRAY[b], ',') alike (found by the differential fuzz
// tester, seed 820171). Settling them with the other pending rewrites
// wraps the operands first.

// outTextWithin wraps now the concat/concat_ws/format arguments,
// array_to_string's boolean arrays and the text || operands within
// tokens lo..hi-1, whose text a rewrite is about to copy
// (operandcopy.go). The || of arrays are settled before it
// (arrayConcatsWithin), as arrayPass runs before outTextConcatOps.
func (x *tx) outTextWithin(lo, hi int) {
	x.outTextCallsIn(lo, hi)
	x.outTextConcatOpsIn(lo, hi)
}

// settleOutText records that the call or operator at i has its operands
// wrapped, so the late passes leave it be.
func (x *tx) settleOutText(i int) {
	if x.outTextSettled == nil {
		x.outTextSettled = map[int]bool{}
	}
	x.outTextSettled[i] = true
}
