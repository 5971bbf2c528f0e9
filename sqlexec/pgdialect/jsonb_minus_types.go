package pgdialect

// jsonb_minus_types.go: jsonb - x exists for x of type text (a key),
// integer (an element's index) and text[] (keys). PostgreSQL resolves the
// operator by x's type, so '["a","b"]'::jsonb - 0::bigint is 42883
// `operator does not exist: jsonb - bigint`, - 1.0 `jsonb - numeric`;
// pg_jsonb_delete decided by the value and answered (a whole number as
// an index, 1.0 as the key "1.0"). smallint casts to integer implicitly.

import pgoid "github.com/raftsql/raftsql/pgwire/oid"

// jsonMinusOperand is PostgreSQL's 42883 for jsonb - the operand rs..re-1
// (the operator at i) when the statement shows it to be of a type with
// no such operator.
func (x *tx) jsonMinusOperand(i, rs, re int) error {
	br := x.classify(rs, re) // typeresolve.go
	if br.kind != branchTyped {
		return nil
	}
	switch br.oid {
	case pgoid.Text, pgoid.Varchar, pgoid.Bpchar, pgoid.Name, pgoid.Int4, pgoid.Int2:
		return nil
	}
	t := typesByOID[br.oid]
	if t == nil || pgoid.ElemOf(br.oid) != 0 {
		return nil // an array: jsonb - text[] is anyAll's concern elsewhere
	}
	return &Error{Code: "42883", Message: "operator does not exist: jsonb - " + t.format, Hint: jsonOperatorHint, Position: x.charPos(i)}
}
