package pgdialect

// json_cast.go: casts of json and jsonb to numbers and boolean.
// PostgreSQL casts a jsonb scalar of the matching kind only: a number to
// smallint/integer/bigint (rounded as numeric rounds), numeric, real,
// double precision, a boolean to boolean; anything else is 22023 `cannot
// cast jsonb string to type integer` (jsonb.c's cannotCastJsonbValue).
// json has no such casts at all: 42846 `cannot cast type json to
// integer`. Both read the stored JSON text, which the number casts took
// for their own input before ('"1"'::jsonb::int was 22P02 `invalid input
// syntax for type numeric`, '1'::jsonb::bool true).

import (
	"database/sql/driver"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

// jsonScalarCasts are the targets of jsonb's scalar casts, by the name
// PostgreSQL's messages give them.
var jsonScalarCasts = map[uint32]string{
	pgoid.Int2: "smallint", pgoid.Int4: "integer", pgoid.Int8: "bigint", pgoid.Numeric: "numeric",
	pgoid.Float4: "real", pgoid.Float8: "double precision", pgoid.Bool: "boolean",
}

// jsonCastErr is PostgreSQL's 42846 for a cast to a number or boolean of
// an operand a..b-1 (cast token at i) the statement shows to be json.
func (x *tx) jsonCastErr(a, b, i int, tt *pgType) error {
	name, ok := jsonScalarCasts[tt.oid]
	if !ok || x.jsonOperandOID(a, b) != pgoid.JSON {
		return nil
	}
	return &Error{Code: "42846", Message: "cannot cast type json to " + name, Position: x.T(i).pos + 1}
}

// jsonbCastFrom is the conversion of a cast to a number or boolean of an
// operand a..b-1 the statement shows to be jsonb: the type's checked cast
// of the scalar pg_jsonb_scalar takes out (the number's text, true or
// false), so rounding, ranges and typmods are the type's own.
func (x *tx) jsonbCastFrom(a, b int, tt *pgType, mods string) (pre, suf string, ok bool) {
	name, isScalar := jsonScalarCasts[tt.oid]
	if !isScalar || x.catalog || x.jsonOperandOID(a, b) != pgoid.JSONB {
		return "", "", false
	}
	if pre, suf, ok = checkedCast(tt, mods, false); !ok { // arith.go
		return "", "", false
	}
	return pre + "pg_jsonb_scalar(", ", " + quoteLit(name) + ")" + suf, true
}

// jsonOperandOID is exprOID, and for an operand whose last operator is
// -> or #> (not yet folded when casts are rewritten: (j -> 'a')::int)
// json when its left operand is shown to be json, else jsonb: the
// operators answer json or jsonb only.
func (x *tx) jsonOperandOID(a, b int) uint32 {
	if o := x.exprOID(a, b); o != 0 {
		return o
	}
	a, b = x.unparen(a, b)
	for k := b - 1; k > a; k-- {
		t := x.T(k)
		if x.depth[k] != x.depth[a] || t.typ != tOp {
			continue
		}
		if t.text != "->" && t.text != "#>" {
			return 0
		}
		if x.jsonOperandOID(a, k) == pgoid.JSON {
			return pgoid.JSON
		}
		return pgoid.JSONB
	}
	return 0
}

// jsonCastBySource is the cast of v, a value of a json or jsonb (src)
// column, to target ('int2', 'int4', 'int8', 'bool'): a bare column's
// cast reads the declared type at run time (castsource.go,
// bits_funcs.go).
func jsonCastBySource(ctx *sqlite.FunctionContext, v driver.Value, src uint32, target string) (driver.Value, error) {
	tt := typeAlias[target]
	if v == nil || tt == nil {
		return nil, nil
	}
	name := jsonScalarCasts[tt.oid]
	if src == pgoid.JSON {
		return nil, pgErr("42846", "cannot cast type json to %s", name)
	}
	s, err := fnJSONBScalar(ctx, []driver.Value{v, name})
	if err != nil {
		return nil, err
	}
	if tt.oid == pgoid.Bool {
		return fnCastBool(ctx, []driver.Value{s})
	}
	return fnNumInt(ctx, []driver.Value{s, target})
}

// fnJSONBScalar is pg_jsonb_scalar(j, type): the text of the scalar of j
// that casts to type, PostgreSQL's 22023 for any other value. A bare
// column's cast to an integer or boolean reads its declared type at run
// time (castsource.go's pg_cast_by_source) and comes here for jsonb.
func fnJSONBScalar(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	x, null, err := jsonArgs(a, 1)
	if null || err != nil {
		return nil, err
	}
	typ := str(a[1])
	kind := jsonTypeName(x)
	switch kind {
	case "number":
		if typ != "boolean" {
			return jsonbText(x), nil
		}
		kind = "numeric" // cannotCastJsonbValue's name for a number
	case "boolean":
		if typ == "boolean" {
			return jsonbText(x), nil
		}
	}
	return nil, pgErr("22023", "cannot cast jsonb %s to type %s", kind, typ)
}
