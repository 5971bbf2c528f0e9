package pgdialect

// float8 NaN. SQLite has no float NaN: a NaN returned by a function or
// bound as a value becomes NULL, so 'NaN'::float8 or Infinity - Infinity
// would answer NULL where PostgreSQL answers NaN (and NaN = NaN is true
// there, NULL here): a silently different answer. No representation is
// both stored and computed with consistently (a TEXT 'NaN' in a REAL
// column would sort above every number, as PostgreSQL's NaN does, but
// SQLite's own functions and aggregates would read it as 0), so NaN is
// refused wherever float8 arithmetic or a cast would produce it: the
// clear 0A000, as for storing NaN in a float8 column (types_in.go).
// ±Infinity are REALs in SQLite and behave as in PostgreSQL. numeric's
// NaN is exact text and supported (numeric.go).

// errFloatNaN is the refusal of a float NaN of type typ.
func errFloatNaN(typ string) error {
	return pgErr("0A000", "%s", FloatNaNMessage(typ))
}

// errFloat8NaN is floatArith's refusal of a float8 NaN result, which
// float4Arith names as real's.
var errFloat8NaN = errFloatNaN("double precision")

// FloatNaNMessage is the message of the refusal (SQLSTATE 0A000) of a
// float NaN of type typ, also for a NaN parameter value, which SQLite's
// bind would turn into NULL (sqlexec/lite.go).
func FloatNaNMessage(typ string) string {
	return "NaN is not supported for type " + typ + " (SQLite has no NaN; numeric supports NaN)"
}
