package pgdialect

// unknown_operators.go: an operator between two quoted literals. Neither
// has a type ("unknown"), and where PostgreSQL has several operators of
// that name over two operands of one type with no preferred one among
// them it refuses with 42725 `operator is not unique: unknown - unknown`
// ('1' - '2' could be integer's, numeric's, date's, inet's ...; '{"a":1}'
// -> 'a' json's or jsonb's). SQLite answered them: '1' - '2' was -1,
// '{"a":1}' -> 'a' a jsonb value, '1' @> '2' false. The operators
// PostgreSQL 15 resolves between two unknowns keep their answer: text's
// || and comparisons, ^ (double precision's), ~ and LIKE (text's), ?
// and #- (jsonb's alone), @@ (text search's).

// unknownNotUnique are the binary operators PostgreSQL 15 finds no unique
// candidate for between two unknown literals (recorded from a server),
// mapped to their precedence: 2 for * / %, 1 for + -, 0 for the other
// operators (PostgreSQL's "any other operator").
var unknownNotUnique = map[string]int{"*": 2, "/": 2, "%": 2, "+": 1, "-": 1,
	"&": 0, "|": 0, "#": 0, "<<": 0, ">>": 0, "&&": 0, "@>": 0, "<@": 0, "->": 0, "->>": 0,
	"#>": 0, "#>>": 0, "?|": 0, "?&": 0, "-|-": 0, "<->": 0}

// unknownOperatorBefore: the tokens after which a quoted literal starts
// the whole left operand of a binary operator.
var unknownOperatorBefore = map[string]bool{"SELECT": true, "WHERE": true, "AND": true, "OR": true, "NOT": true,
	"ON": true, "WHEN": true, "THEN": true, "ELSE": true, "HAVING": true, "RETURNING": true, "BY": true}

// unknownOperators returns PostgreSQL's 42725 for the first operator of
// unknownNotUnique between two quoted literals that are its whole
// operands, or nil.
func (x *tx) unknownOperators() *Error {
	for i := 1; i+1 < x.n(); i++ {
		op, r, ok := x.unknownOperatorAt(i)
		if !ok {
			continue
		}
		prec := unknownNotUnique[op]
		if !x.unknownLiteralAlone(i-1) || !x.unknownLiteralAlone(r) {
			continue
		}
		if p := x.T(i - 2); i >= 2 && !(p.typ == tPunct && (p.text == "(" || p.text == ",") ||
			p.typ == tIdent && unknownOperatorBefore[p.upper()] ||
			p.typ == tOp && x.endsOperand(i-3) && operatorPrecedence(p.text) < prec) {
			continue // another operator's operand ('a' || '1' -> '2' is, '1' * '2' - '3' too)
		}
		if n := x.T(r + 1); r+1 < x.n() && n.typ == tOp && operatorPrecedence(n.text) > prec {
			continue // a tighter operator takes the right literal ('1' - '2' * '3')
		}
		return &Error{Code: "42725", Message: "operator is not unique: unknown " + op + " unknown",
			Hint: "Could not choose a best candidate operator. You might need to add explicit type casts.", Position: x.charPos(i)}
	}
	return nil
}

// operatorPrecedence is the binding of the binary operator op as
// unknownNotUnique ranks it: 3 for ^, -1 for the comparisons, 0 for any
// other operator (||, ~, ...).
func operatorPrecedence(op string) int {
	if p, ok := unknownNotUnique[op]; ok {
		return p
	}
	switch {
	case op == "^":
		return 3
	case jsonCmpOps[op]:
		return -1
	}
	return 0
}

// unknownOperatorAt reads a binary operator of unknownNotUnique at i
// (?| and ?& are two tokens before jsonQuestionOps), with the first token
// of its right operand.
func (x *tx) unknownOperatorAt(i int) (op string, right int, ok bool) {
	t := x.T(i)
	switch {
	case t.typ == tParam && t.text == "?" && x.T(i+1).typ == tOp && (x.T(i+1).text == "|" || x.T(i+1).text == "&") &&
		x.T(i+1).pos == t.pos+1:
		return "?" + x.T(i+1).text, i + 2, true
	case t.typ == tOp:
		if _, ok := unknownNotUnique[t.text]; ok {
			return t.text, i + 1, true
		}
	}
	return "", 0, false
}

// unknownLiteralAlone reports whether token k is a plain quoted literal
// ('...', E'...', $$...$$) with no cast, subscript or COLLATE after it.
func (x *tx) unknownLiteralAlone(k int) bool {
	if k < 0 || k >= x.n() || !x.plainString(k, k+1) {
		return false
	}
	n := x.T(k + 1)
	return !(n.typ == tCast || x.isP(k+1, "[") || x.isP(k+1, ".") || n.kw("COLLATE"))
}
