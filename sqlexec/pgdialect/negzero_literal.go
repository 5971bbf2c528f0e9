package pgdialect

// negzero_literal.go: -0.0 is numeric's negation of 0.0, which is 0.0
// (numeric has no negative zero), so wherever PostgreSQL converts it to
// a float (VALUES (1::float8), (-0.0); coalesce(-0.0, f);
// greatest(-0.0, 0::float8)) it is 0. SQLite reads -0.0 as the double
// -0, printed -0. The sign of a decimal zero constant is dropped where
// it applies to the constant itself; -0.0::float8 casts first and
// negates the double (-0), as in PostgreSQL, so it keeps its sign.

// negativeZeroLiterals makes the unary minus of a decimal zero constant
// that no cast or subscript follows a unary plus, which every later pass
// reads as the sign of a numeric constant (+0.0 is 0.0).
func (x *tx) negativeZeroLiterals() {
	for i := 0; i+1 < x.n(); i++ {
		t, num := x.T(i), x.T(i+1)
		if t.typ != tOp || t.text != "-" || t.ed || num.typ != tNumber || num.ed || i > 0 && x.endsOperand(i-1) {
			continue
		}
		if numLiteralType(num.text) != "numeric" || nonzeroMantissa(num.text) {
			continue
		}
		if x.T(i+2).typ == tCast || x.isP(i+2, "[") {
			continue
		}
		t.text = "+" // the source's own token, not an edit: a sign
	}
}
