package pgdialect

// concat_unknown.go: a string literal beside a column in ||, typed from
// the column as PostgreSQL's operator resolution types it.
//
// PostgreSQL resolves `col || 'lit'` by the column's type: text (and any
// non-array, non-jsonb type) || unknown is text's concatenation; an
// array column makes the literal that array type (anyarray || anyarray),
// so `tags || 'z'` is 22P02 malformed array literal "z"; a jsonb column
// makes it jsonb, so `doc || 'z'` is 22P02 invalid input syntax for type
// json. The column's type is known only at run time here, and a literal
// that reads as an array or a document ('{...}', '[...]') is decided by
// jsonPass's run-time choice (jsonColumnOperand); every other literal
// keeps text's || with this check around it (textoperands.go,
// unknownBesideColumn), which passes the literal through unchanged for
// every other type.

import (
	"database/sql/driver"
	"strings"

	"modernc.org/sqlite"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/pgwire/pgarray"
)

func init() {
	quoteFuncs["pg_concat_unknown"] = struct {
		n int32
		f fn
	}{2, fnConcatUnknown}
}

// fnConcatUnknown is pg_concat_unknown(literal, column type): the literal,
// or PostgreSQL's error reading it as the column's array or jsonb type.
// Such a literal that does read as that type is refused: it is not
// '{...}' or '[...]' (those take the run-time choice), so it is a jsonb
// scalar ('1', 'true', '"s"') or an array with dimensions, which text's
// || would join as text.
func fnConcatUnknown(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	lit, typ := a[0], strings.ToLower(str(a[1]))
	if lit == nil || a[1] == nil {
		return lit, nil
	}
	o, _ := DeclTypeOID(typ)
	switch {
	case pgoid.ElemOf(o) != 0:
		if _, err := pgarray.Parse(str(lit)); err != nil {
			if se, ok := err.(*pgarray.SyntaxError); ok {
				return nil, pgErrDetail("22P02", se.Detail, "malformed array literal: \"%s\"", se.Input)
			}
			return nil, arrayErr(err)
		}
		return nil, pgErr("0A000", "%s || '%s' is not supported: cast the literal to the array type", FormatType(o, -1), str(lit))
	case o == pgoid.JSONB || typ == JSONBDeclType:
		if _, err := jsonIn(lit, true); err != nil {
			return nil, err
		}
		return nil, pgErr("0A000", "jsonb || '%s' is not supported: cast the literal to jsonb", str(lit))
	}
	return lit, nil
}
