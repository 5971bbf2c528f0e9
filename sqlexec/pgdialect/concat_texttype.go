package pgdialect

// concat_texttype.go: text's || as the translation writes it, typed.
//
// col || 'x' over a column of a type read at run time is written
// pg_out_text(col, type, false) COLLATE BINARY || pg_concat_unknown('x',
// type) (textoperands.go, concat_unknown.go): the operator is text's
// concatenation, whose result PostgreSQL types text. SQLite declares
// nothing for it, so an element of ARRAY[key, key || 'x'] probed for its
// type (array_ctor_types.go) was unknown and the array described text
// where PostgreSQL says text[].

import "strings"

// textConcat reports whether a..b-1 is text's || over an operand the
// translation wrapped for it: an operator || at a..b-1's own depth, no
// CASE there (whose branches could be other operators), and an operand
// at that depth that is a pg_out_text or pg_concat_unknown call.
func (x *tx) textConcat(a, b int) bool {
	d := x.depth[a]
	concat, wrapped := false, false
	for k := a; k < b; k++ {
		if x.depth[k] != d {
			continue
		}
		t := x.T(k)
		switch {
		case t.kw("CASE"):
			return false
		case t.typ == tOp && t.text == "||":
			concat = true
		case t.typ == tIdent && x.isP(k+1, "(") && !x.isP(k-1, "."):
			switch strings.ToLower(t.text) {
			case "pg_out_text", "pg_concat_unknown":
				wrapped = true
			}
		}
	}
	return concat && wrapped
}
