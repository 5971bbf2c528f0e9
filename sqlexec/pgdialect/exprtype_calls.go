package pgdialect

// exprtype_calls.go: the calls of the SQLite text whose result type does
// not depend on their arguments, typed where the session probes them.
//
// The translation types char_length(vc) int4 when it is a select item of
// its own; as an argument of greatest/least, ARRAY[...] or an aggregate
// over columns the session probes it (arith_types.go, calltypes.go), and
// SQLite declares nothing for a call: least(char_length(vc), i2) was
// described text and least(cardinality(ia), id) int8, where PostgreSQL
// says int4. A call of one of these functions is of their one result
// type whatever its arguments: PostgreSQL's fixed-result functions under
// their own names (funcResultOIDs, dtFuncTypes) and under the names the
// translation gives them (translatedCallOIDs).

import pgoid "github.com/raftsql/raftsql/pgwire/oid"

// translatedCallOIDs are the result types of the calls the translation
// writes for PostgreSQL's functions of a fixed result type.
var translatedCallOIDs = map[string]uint32{
	"length":          pgoid.Int4,   // length, char_length, character_length
	"pg_bits_length":  pgoid.Int4,   // octet_length, bit_length (bits_funcs.go)
	"pg_position":     pgoid.Int4,   // position(a IN b) (strfuncs.go)
	"instr":           pgoid.Int4,   // strpos
	"pg_array_length": pgoid.Int4,   // array_length, array_upper (expr.go)
	"scale":           pgoid.Int4,   // numeric_calls.go
	"min_scale":       pgoid.Int4,   //
	"width_bucket":    pgoid.Int4,   //
	"date_part":       pgoid.Float8, // date_part(field, x): double precision in PostgreSQL 15
	"pg_to_char":      pgoid.Text,   // to_char (tochar.go)
}

// fixedCallOID is the result type of a call of f in the SQLite text when
// it does not depend on the arguments, 0 otherwise.
func fixedCallOID(f string) uint32 {
	if o := translatedCallOIDs[f]; o != 0 {
		return o
	}
	if o := funcResultOIDs[f]; o != 0 {
		return o
	}
	if t := dtFuncTypes[f]; t != "" {
		return dtTypeOIDs[t]
	}
	return 0
}
