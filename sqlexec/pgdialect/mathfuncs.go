package pgdialect

// mathfuncs.go: sqrt, cbrt, ln, log, log10 and power with PostgreSQL's
// errors. SQLite's built-in math functions answer NULL where PostgreSQL
// raises an error (sqrt(-1), ln(0), power(-8, 1.0/3)), a silently wrong
// answer; funcRename (expr.go) sends the calls here. The results are
// double precision; calls whose arguments are numeric go to the numeric
// versions instead (numeric_funcargs.go, numeric_math.go).

import (
	"database/sql/driver"
	"fmt"
	"math"
	"strings"

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
	} {
		if err := sqlite.RegisterDeterministicScalarFunction(name, d.n, d.f); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
		deterministic[name] = true
	}
	return nil
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
