package pgdialect

// mathfuncs.go: sqrt, cbrt, ln, log, log10, power, exp, the
// trigonometric functions, degrees and radians with PostgreSQL's errors.
// SQLite's built-in math functions answer NULL where PostgreSQL raises an
// error (sqrt(-1), ln(0), power(-8, 1.0/3), sin('Infinity'), asin(2):
// their NaN becomes NULL) or Infinity where it reports an overflow
// (exp(1000)), a silently wrong answer; funcRename (expr.go) sends the
// first calls here, the others are registered under SQLite's own names
// (floatFuncs), which take precedence over the built-ins. The results are
// double precision; calls whose arguments are numeric go to the numeric
// versions instead (numeric_funcargs.go, numeric_math.go).

import (
	"database/sql/driver"
	"fmt"
	"math"
	"strings"
	"sync"

	"modernc.org/libc"
	"modernc.org/sqlite"
)

// mathRenames are the funcRename entries of this file.
var mathRenames = map[string]string{
	"sqrt":  "pg_sqrt", // arith_funcs.go, also |/
	"cbrt":  "pg_cbrt", // also ||/
	"ln":    "pg_ln",
	"log":   "pg_log",
	"log10": "pg_log10",
	"power": "pg_pow", // arith_funcs.go, also ^ on double precision
	"pow":   "pg_pow",
}

func registerMathFuncs() error {
	for name, d := range map[string]struct {
		n int32
		f fn
	}{
		"pg_ln":    {1, fnLog(math.Log)},
		"pg_log10": {1, fnLog(math.Log10)},
		"pg_log":   {-1, fnLogBase}, // log(x) is log10; log(b, x)
		"atan2d":   {2, fnAtan2d},   // trigdegrees.go
	} {
		if err := sqlite.RegisterDeterministicScalarFunction(name, d.n, d.f); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
		deterministic[name] = true
	}
	for name, f := range floatFuncs {
		if err := sqlite.RegisterDeterministicScalarFunction(name, 1, fnFloat(f)); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
		deterministic[name] = true
	}
	return nil
}

// floatFuncs are the float8 functions of one argument registered under
// SQLite's names, each with PostgreSQL 15's checks (float.c): an infinite
// argument to sin, cos, tan and an argument outside the domain of asin,
// acos, acosh, atanh is 22003 "input is out of range" (SQLite answers
// NULL), exp 22003 on overflow and underflow (SQLite answers Infinity or
// 0), degrees and radians are float8_div/float8_mul by PostgreSQL's
// RADIANS_PER_DEGREE, with their overflow checks and their rounding.
var floatFuncs = map[string]func(float64) (float64, error){
	"sin": trig(libc.Xsin),
	"cos": trig(libc.Xcos),
	"tan": trig(libc.Xtan),
	"asin": func(x float64) (float64, error) {
		if x < -1 || x > 1 {
			return 0, errInputRange()
		}
		return libm(libc.Xasin, x), nil
	},
	"acos": func(x float64) (float64, error) {
		if x < -1 || x > 1 {
			return 0, errInputRange()
		}
		return libm(libc.Xacos, x), nil
	},
	"acosh": func(x float64) (float64, error) {
		if x < 1 {
			return 0, errInputRange()
		}
		return libm(libc.Xacosh, x), nil
	},
	"atanh": func(x float64) (float64, error) {
		if x < -1 || x > 1 {
			return 0, errInputRange()
		}
		return libm(libc.Xatanh, x), nil // ±1: ±Infinity, as PostgreSQL
	},
	"exp": func(x float64) (float64, error) {
		r := libm(libc.Xexp, x)
		if math.IsInf(x, 0) {
			return r, nil // Infinity, 0
		}
		switch {
		case math.IsInf(r, 0):
			return 0, pgErr("22003", "value out of range: overflow")
		case r == 0:
			return 0, pgErr("22003", "value out of range: underflow")
		}
		return r, nil
	},
	"degrees": func(x float64) (float64, error) { return floatArithF('/', x, radiansPerDegree) },
	"radians": func(x float64) (float64, error) { return floatArithF('*', x, radiansPerDegree) },
}

// radiansPerDegree is PostgreSQL's RADIANS_PER_DEGREE (float.c).
const radiansPerDegree = 0.0174532925199432957692

// trig is sin, cos or tan: an infinite argument is out of range.
func trig(f func(*libc.TLS, float64) float64) func(float64) (float64, error) {
	return func(x float64) (float64, error) {
		if math.IsInf(x, 0) {
			return 0, errInputRange()
		}
		return libm(f, x), nil
	}
}

// libm computes f(x) by the C library SQLite's built-ins called (musl's,
// as modernc.org/libc compiles it), not Go's math package: Go's Sin, Cos,
// Exp ... differ from it in the last digit for about a quarter of all
// arguments, where musl's agree with the glibc PostgreSQL uses. Its
// functions take a TLS; they run one at a time on the one kept here.
func libm(f func(*libc.TLS, float64) float64, x float64) float64 {
	libmMu.Lock()
	defer libmMu.Unlock()
	if libmTLS == nil {
		libmTLS = libc.NewTLS()
	}
	return f(libmTLS, x)
}

var (
	libmMu  sync.Mutex
	libmTLS *libc.TLS
)

func errInputRange() error { return pgErr("22003", "input is out of range") }

// floatArithF is floatArith's float64 result.
func floatArithF(op byte, x, y float64) (float64, error) {
	r, err := floatArith(op, x, y)
	if err != nil {
		return 0, err
	}
	return r.(float64), nil
}

// fnFloat is the SQLite function of a float8 function of one argument:
// NULL for NULL, the argument read as a number (an integer, a double,
// numeric text), a NaN result refused (float8nan.go) rather than returned
// for SQLite to turn into NULL.
func fnFloat(f func(float64) (float64, error)) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if a[0] == nil {
			return nil, nil
		}
		x, err := classify(a[0])
		if err != nil {
			return nil, err
		}
		r, err := f(x.toFloat())
		if err != nil {
			return nil, err
		}
		if math.IsNaN(r) {
			return nil, errFloatNaN("double precision")
		}
		return r, nil
	}
}

// logArg is x as a logarithm's argument: 2201E for zero and negatives.
func logArg(v driver.Value) (float64, bool, error) {
	if v == nil {
		return 0, true, nil
	}
	x, err := classify(v)
	if err != nil {
		return 0, false, err
	}
	f := x.toFloat()
	switch {
	case f == 0:
		return 0, false, pgErr("2201E", "cannot take logarithm of zero")
	case f < 0:
		return 0, false, pgErr("2201E", "cannot take logarithm of a negative number")
	}
	return f, false, nil
}

func fnLog(log func(float64) float64) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		f, null, err := logArg(a[0])
		if null || err != nil {
			return nil, err
		}
		return log(f), nil
	}
}

// fnLogBase is log(x) (base 10) and log(b, x).
func fnLogBase(ctx *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	switch len(a) {
	case 1:
		return fnLog(math.Log10)(ctx, a)
	case 2:
	default:
		return nil, pgErr("42883", "function log with %d arguments does not exist", len(a))
	}
	b, null, err := logArg(a[0])
	if null || err != nil {
		return nil, err
	}
	x, null, err := logArg(a[1])
	if null || err != nil {
		return nil, err
	}
	if b == 1 {
		return nil, pgErr("22012", "division by zero")
	}
	return math.Log(x) / math.Log(b), nil
}

func init() {
	for k, v := range mathRenames {
		funcRename[k] = v
	}
}
