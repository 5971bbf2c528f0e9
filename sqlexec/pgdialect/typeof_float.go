package pgdialect

// typeof_float.go: the static result type of PostgreSQL's float8 math
// functions, for pg_typeof (typeof.go's argTypedCallOID). random() and
// pi() are double precision; the trigonometric, hyperbolic and angle
// functions have only a float8 overload, so any number argument (an
// integer or numeric converts implicitly) gives double precision;
// power/pow have float8 and numeric overloads: float8 when an argument is
// float4/float8 or both are integers (float8 is the numeric category's
// preferred type), numeric when one is numeric and none is a float; abs
// keeps its argument's type; sign has float8 and numeric overloads.
// pg_typeof(random()) was refused (0A000) where PostgreSQL answers.

import (
	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// floatOnlyFuncs take and return double precision only.
var floatOnlyFuncs = map[string]int{
	"sin": 1, "cos": 1, "tan": 1, "cot": 1, "asin": 1, "acos": 1, "atan": 1,
	"sind": 1, "cosd": 1, "tand": 1, "cotd": 1, "asind": 1, "acosd": 1, "atand": 1,
	"sinh": 1, "cosh": 1, "tanh": 1, "asinh": 1, "acosh": 1, "atanh": 1,
	"degrees": 1, "radians": 1, "atan2": 2, "atan2d": 2, "random": 0, "pi": 0,
}

// numberOID reports whether o is one of the number types these functions
// take.
func numberOID(o uint32) bool {
	switch o {
	case pgoid.Int2, pgoid.Int4, pgoid.Int8, pgoid.Float4, pgoid.Float8, pgoid.Numeric:
		return true
	}
	return false
}

// floatCallOID is the result type of the call of fn with args when fn is
// one of this file's functions and its arguments' types are known
// numbers; ok false otherwise (0 and true: none of these overloads).
func (x *tx) floatCallOID(fn string, args [][2]int) (uint32, bool) {
	n, only := floatOnlyFuncs[fn]
	if !only && fn != "power" && fn != "pow" && fn != "abs" && fn != "sign" {
		return 0, false
	}
	if n == 0 && only {
		if len(args) == 1 && args[0][0] >= args[0][1] {
			args = nil // f()
		}
		if len(args) != 0 {
			return 0, false
		}
		return pgoid.Float8, true
	}
	types := make([]uint32, len(args))
	float, numeric := false, false
	for k, a := range args {
		if a[0] >= a[1] {
			return 0, false
		}
		types[k] = x.exprOID(a[0], a[1])
		if !numberOID(types[k]) {
			return 0, false // an unknown literal, a type of no overload here: not typed
		}
		float = float || types[k] == pgoid.Float4 || types[k] == pgoid.Float8
		numeric = numeric || types[k] == pgoid.Numeric
	}
	switch {
	case only:
		if len(args) != n {
			return 0, false
		}
		return pgoid.Float8, true
	case fn == "power" || fn == "pow":
		if len(args) != 2 {
			return 0, false
		}
		if numeric && !float {
			return pgoid.Numeric, true
		}
		return pgoid.Float8, true
	case len(args) != 1:
		return 0, false
	case fn == "abs":
		return types[0], true
	}
	if numeric { // sign
		return pgoid.Numeric, true
	}
	return pgoid.Float8, true
}
