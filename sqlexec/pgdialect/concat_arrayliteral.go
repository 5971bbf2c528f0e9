package pgdialect

// concat_arrayliteral.go: a string literal beside an array in ||.
//
// PostgreSQL resolves `'a' || ARRAY['b']` (an unknown literal beside an
// array) as anyarray || anyarray: the literal is read as an array
// literal when the statement is planned, so 'a' is 22P02 malformed array
// literal "a" at the literal, and '{a}' joins its elements. The run-time
// pg_array_concat would append the literal as one element instead ({a,b}).
// A bare NULL there is likewise a NULL array, which adds no element
// (`NULL || ARRAY['b']` is {b}, not {NULL,b}).

import (
	"errors"

	"github.com/raftsql/raftsql/pgwire/pgarray"
)

// concatArrayLiteral checks the operands a..b-1 of an array || (the other
// operand shown to be an array): a lone standard string literal must read
// as an array literal. A bare NULL is returned (its index, else -1): the
// caller makes it the empty array ('{}'), which array_cat joins as it
// joins a NULL array, once the operands' types are read.
func (x *tx) concatArrayLiteral(a, b int) (int, error) {
	lit := -1
	for k := a; k < b; k++ {
		if x.T(k).trivia() {
			continue
		}
		if lit >= 0 {
			return -1, nil // more than one token: not a bare literal
		}
		lit = k
	}
	if lit < 0 || x.T(lit).ed {
		return -1, nil
	}
	if x.T(lit).kw("NULL") {
		return lit, nil
	}
	v, ok := x.T(lit).plainString()
	if !ok {
		return -1, nil
	}
	_, err := pgarray.Parse(v)
	var se *pgarray.SyntaxError
	if err == nil || !errors.As(err, &se) {
		return -1, nil // multidimensional and other input: the run-time function decides, as before
	}
	return -1, &Error{Code: "22P02", Message: "malformed array literal: \"" + se.Input + "\"", Detail: se.Detail, Position: x.charPos(lit)}
}
