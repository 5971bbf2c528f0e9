package pgdialect

// concat_compare.go: || binds tighter than a comparison in PostgreSQL
// ("any other operator", above < = >), so 'x' || n * 2 > 'x19' compares
// the text 'x3.0' with 'x19'. The comparison step (datetime_translate.go)
// read its operands as the primaries beside the operator, n * 2 and
// 'x19', and compared the product with the text by value: 22P02
// invalid input syntax for type numeric: "x19".

// concatOperands widens the operands ls..re-1 of a comparison over the
// || operators on either side, as PostgreSQL groups them.
func (x *tx) concatOperands(ls, re int) (int, int) {
	for x.concatAt(ls - 1) {
		s := x.primaryStart(ls - 2)
		if s < 0 {
			break
		}
		ls = x.unaryStart(s)
	}
	for x.concatAt(re) {
		e := x.signedOperandEnd(re + 1)
		if e < 0 {
			break
		}
		re = e
	}
	return ls, re
}

// concatAt reports whether token k is a || operator no rewrite took.
func (x *tx) concatAt(k int) bool {
	t := x.T(k)
	return t.typ == tOp && t.text == "||" && !t.ed
}
