package pgdialect

// anyall_text.go: the elements of the array of op ANY/SOME/ALL that are
// text stay strings. pg_array_json, given no array type, reads each
// element by its look, so '42' became the number 42, and SQLite never
// finds an expression of no affinity such as lower(t) (whose '42' is
// text) equal to a number: lower(t) = ANY(ARRAY['42', 'abc']) was false
// for '42', lower(t) = ANY(ARRAY[vc, '42']) too. PostgreSQL compares
// text with text there; the array's type is text[] when the statement
// shows it (ARRAY['42', 'abc']), and must be (or be coerced to) text[]
// when the left operand is text (text = ANY(int[]) is 42883).

import pgoid "github.com/raftsql/raftsql/pgwire/oid"

// anyTextElems is anyAll's ", <array type>" for the array i+2..e-1 of op
// ANY/SOME/ALL at i (no bare column, no subquery) when its elements are
// text, "" otherwise.
func (x *tx) anyTextElems(i, e int) string {
	if o := x.exprOID(i+2, e); pgoid.ElemOf(o) != 0 {
		if jsonKind(TypeName(o)) == "text" {
			return ", " + quoteLit(TypeName(o))
		}
		return ""
	}
	// an array of no type shown beside text (lower(t), t || ''): an
	// allow-list of the types whose comparison is text's (bpchar's
	// ignores trailing blanks, so it is left out)
	if s := x.anyAllLeft(i); s >= 0 && s < i-1 {
		switch x.exprOID(s, i-1) {
		case pgoid.Text, pgoid.Varchar:
			return ", " + quoteLit(TypeName(pgoid.ArrayOf(pgoid.Text)))
		}
	}
	return ""
}
