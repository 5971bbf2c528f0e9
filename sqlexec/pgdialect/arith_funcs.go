package pgdialect

// The SQL functions behind PostgreSQL's arithmetic operators (arith.go
// rewrites the operators to them):
//
//	pg_add(a, b, type) pg_sub pg_mul pg_div pg_mod   a + b ... ; type is the
//	                      static result type the statement shows ('int2',
//	                      'int4', 'int8', 'numeric', 'float8') or '' (unknown)
//	pg_neg(a, type)       -a
//	pg_pow(a, b)          a ^ b (double precision)
//	pg_numpow(a, b)       a ^ b (numeric: numeric_pow.go)
//	pg_pow_typed(a, b, t) a ^ b with a column operand: numeric when t is
//	                      'numeric', else double precision
//	pg_cmp(a, b)          -1, 0, 1 comparing two numbers of any kind
//	pg_num_int(a, type)   numeric -> int2/int4/int8 (rounds half away from zero)
//	pg_sqrt(a) pg_cbrt(a) |/ a and ||/ a (double precision)
//
// SQLite's own operators silently differ from PostgreSQL's: an integer
// overflow becomes a float, x/0 is NULL, a stored numeric (text) becomes a
// binary float. These raise PostgreSQL's errors instead (22003 integer out
// of range, 22012 division by zero) and compute numeric exactly.
//
// An operand is classified by its SQLite value: an integer is an integer,
// a real is a float, text is a numeric (how numeric values are stored,
// numeric.go; text spelling an integer counts as an integer, as a bound
// parameter's text does). With a static type the statement decides;
// without one (two columns) a float operand makes float arithmetic, a
// numeric one exact numeric, two integers bigint arithmetic. All are pure
// functions of their arguments (deterministic, on the write allow-list).

import (
	"cmp"
	"database/sql/driver"
	"fmt"
	"math"
	"strconv"
	"strings"

	sqlite "modernc.org/sqlite"
)

func registerArithFuncs() error {
	fns := map[string]struct {
		n int32
		f fn
	}{
		"pg_add":       {3, arithFn('+')},
		"pg_sub":       {3, arithFn('-')},
		"pg_mul":       {3, arithFn('*')},
		"pg_div":       {3, arithFn('/')},
		"pg_mod":       {3, arithFn('%')},
		"pg_pow":       {2, fnPow},
		"pg_numpow":    {2, numBinary(numPow)}, // numeric_pow.go
		"pg_pow_typed": {3, fnPowTyped},
		"pg_cmp":       {2, fnCmp},
		"pg_cmp_nd":    {2, fnCmpNotDistinct}, // distinct_operator.go
		"pg_num_int":   {2, fnNumInt},
		"pg_float_int": {2, fnFloatInt},
		"pg_neg":       {2, fnNeg},
		"pg_sqrt":      {1, fnRoot(2)},
		"pg_cbrt":      {1, fnRoot(3)},
		// arith_columns.go
		"pg_col_numtype": {-1, fnColNumType},
		"pg_arith_type":  {3, fnArithType},
		"pg_round_typed": {2, fnRoundTyped}, // float8round.go
		// viewdecls.go
		ViewDeclsFunc: {1, fnViewDeclsNone},
		"pg_col_decl": {2, fnColDecl},
		TableSQLFunc:  {1, fnTableSQLPlain}, // tablesql.go
		RelSQLFunc:    {-1, fnRelSQLPlain},
	}
	for name, d := range fns {
		if err := sqlite.RegisterDeterministicScalarFunction(name, d.n, d.f); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
		deterministic[name] = true
	}
	return nil
}

type numClass uint8

const (
	clInt numClass = iota
	clFloat
	clDec
)

// numOperand is one classified argument.
type numOperand struct {
	class    numClass
	i        int64
	f        float64
	d        decimal
	fromText bool // an integer read from text (may be a numeric value)
}

func classify(v driver.Value) (numOperand, error) {
	switch v := v.(type) {
	case int64:
		return numOperand{class: clInt, i: v}, nil
	case bool:
		if v {
			return numOperand{class: clInt, i: 1}, nil
		}
		return numOperand{class: clInt}, nil
	case float64:
		return numOperand{class: clFloat, f: v}, nil
	case []byte:
		return numOperand{}, pgErr("42883", "operator does not exist: bytea and a number")
	}
	s := strings.TrimSpace(str(v))
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return numOperand{class: clInt, i: n, fromText: true}, nil
	}
	d, ok := parseDecimal(s)
	if !ok {
		return numOperand{}, numericInputError(v)
	}
	return numOperand{class: clDec, d: d}, nil
}

// classify2 classifies a function's first two arguments; null when
// either is NULL (the result is NULL).
func classify2(a []driver.Value) (x, y numOperand, null bool, err error) {
	if a[0] == nil || a[1] == nil {
		return x, y, true, nil
	}
	if x, err = classify(a[0]); err != nil {
		return x, y, false, err
	}
	y, err = classify(a[1])
	return x, y, false, err
}

func (o *numOperand) toDec() decimal {
	switch o.class {
	case clInt:
		var d decimal
		d.coef.SetInt64(o.i)
		return d
	case clFloat:
		d, _ := decimalFromValue(o.f)
		return d
	}
	return o.d
}

func (o *numOperand) toFloat() float64 {
	switch o.class {
	case clInt:
		return float64(o.i)
	case clDec:
		return o.d.float()
	}
	return o.f
}

// intTypes are the integer types' ranges and out-of-range messages.
var intTypes = map[string]struct {
	lo, hi int64
	msg    string
}{
	"int2": {math.MinInt16, math.MaxInt16, "smallint out of range"},
	"int4": {math.MinInt32, math.MaxInt32, "integer out of range"},
	"int8": {math.MinInt64, math.MaxInt64, "bigint out of range"},
}

func divByZero() error { return pgErr("22012", "division by zero") }

func arithFn(op byte) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if h := str(a[2]); h == "money" || strings.HasPrefix(h, "!") || h == "float8" && op == '/' && isMoney(a[0]) && isMoney(a[1]) {
			return moneyArith(op, a[0], a[1], h) // money.go
		}
		x, y, null, err := classify2(a)
		if err != nil && (op == '*' || op == '/') {
			if v, ok, err := intervalArith(op, a[0], a[1]); ok { // interval_sum.go
				return v, err
			}
		}
		if err != nil && (op == '+' || op == '-') && str(a[2]) == "" {
			if v, ok, err := netArithValues(op, a[0], a[1]); ok { // inet_translate.go
				return v, err
			}
		}
		if err != nil && (op == '+' || op == '-' || op == '*') {
			if v, ok, err := rangeArithValues(op, a[0], a[1]); ok { // range_funcs.go
				return v, err
			}
		}
		if null || err != nil {
			return nil, err
		}
		hint := str(a[2])
		switch {
		case hint == "numeric":
			return decArith(op, x.toDec(), y.toDec())
		case hint == "float8":
			return floatArith(op, x.toFloat(), y.toFloat())
		case hint == "float4":
			return float4Arith(op, x.toFloat(), y.toFloat())
		case x.class == clInt && y.class == clInt:
			if _, ok := intTypes[hint]; !ok {
				hint = "int8"
			}
			r, err := intArith(op, x.i, y.i, hint)
			if err != nil && (x.fromText || y.fromText) && hint == "int8" && str(a[2]) == "" && op != '/' && op != '%' {
				// of unknown type, a numeric value spelled as an integer:
				// numeric has no bigint range (a declared integer type
				// keeps its range: int4 + $1 with $1 sent as text)
				return decArith(op, x.toDec(), y.toDec())
			}
			return r, err
		case x.class == clFloat || y.class == clFloat:
			return floatArith(op, x.toFloat(), y.toFloat())
		}
		return decArith(op, x.toDec(), y.toDec())
	}
}

// intArith is PostgreSQL's int2/int4/int8 arithmetic: 22003 when the
// result leaves the type's range, 22012 on division by zero, / truncates.
func intArith(op byte, x, y int64, typ string) (driver.Value, error) {
	rng := intTypes[typ]
	var r int64
	switch op {
	case '+':
		r = x + y
		if (r > x) != (y > 0) {
			return nil, pgErr("22003", "%s", rng.msg)
		}
	case '-':
		r = x - y
		if (r < x) != (y > 0) {
			return nil, pgErr("22003", "%s", rng.msg)
		}
	case '*':
		r = x * y
		if x != 0 && (r/x != y || x == -1 && y == math.MinInt64 || y == -1 && x == math.MinInt64) {
			return nil, pgErr("22003", "%s", rng.msg)
		}
	case '/':
		if y == 0 {
			return nil, divByZero()
		}
		if y == -1 {
			if x == rng.lo {
				return nil, pgErr("22003", "%s", rng.msg)
			}
			r = -x
		} else {
			r = x / y
		}
	case '%':
		if y == 0 {
			return nil, divByZero()
		}
		if y != -1 {
			r = x % y
		}
	}
	if r < rng.lo || r > rng.hi {
		return nil, pgErr("22003", "%s", rng.msg)
	}
	return r, nil
}

// floatArith is float8 arithmetic with PostgreSQL's checks (float.h).
func floatArith(op byte, x, y float64) (driver.Value, error) {
	var r float64
	switch op {
	case '+':
		r = x + y
	case '-':
		r = x - y
	case '*':
		r = x * y
		if r == 0 && x != 0 && y != 0 {
			return nil, pgErr("22003", "value out of range: underflow")
		}
	case '/':
		if y == 0 && !math.IsNaN(x) {
			return nil, divByZero()
		}
		r = x / y
		if r == 0 && x != 0 && !math.IsInf(y, 0) {
			return nil, pgErr("22003", "value out of range: underflow")
		}
	case '%':
		return nil, pgErr("42883", "operator does not exist: double precision %% double precision")
	}
	if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsInf(y, 0) {
		return nil, pgErr("22003", "value out of range: overflow")
	}
	if math.IsNaN(r) {
		return nil, errFloat8NaN // float8nan.go: Infinity - Infinity
	}
	return r, nil
}

// float4Arith is PostgreSQL's float4 op float4 (float4pl ...): the
// operands hold single precision, the result is rounded to it (computing
// in double and rounding once gives the single-precision result for + - *
// /), with check_float4_val's overflow and underflow errors.
func float4Arith(op byte, x, y float64) (driver.Value, error) {
	if op == '%' {
		return nil, pgErr("42883", "operator does not exist: real %% real")
	}
	if op == '/' && y == 0 && !math.IsNaN(x) {
		return nil, divByZero()
	}
	r, err := floatArith(op, x, y)
	if err == errFloat8NaN {
		return nil, errFloatNaN("real") // a real's NaN ('Infinity'::real * 0)
	}
	if err != nil {
		return nil, err
	}
	f := float32(r.(float64))
	switch {
	case math.IsInf(float64(f), 0) && !math.IsInf(x, 0) && !math.IsInf(y, 0):
		return nil, pgErr("22003", "value out of range: overflow")
	case f == 0 && (op == '*' && x != 0 && y != 0 || op == '/' && x != 0):
		return nil, pgErr("22003", "value out of range: underflow")
	}
	return float64(f), nil
}

// decArith is exact numeric arithmetic; the result is the canonical text.
func decArith(op byte, x, y decimal) (driver.Value, error) {
	var r decimal
	switch op {
	case '+':
		r.add(&x, &y)
	case '-':
		y.neg()
		r.add(&x, &y)
	case '*':
		r.mul(&x, &y)
	case '/':
		if err := r.div(&x, &y); err != nil {
			return nil, err
		}
	case '%':
		if err := r.mod(&x, &y); err != nil {
			return nil, err
		}
	}
	return r.String(), nil
}

// neg negates d.
func (d *decimal) neg() {
	switch d.kind {
	case numPosInf:
		d.kind = numNegInf
	case numNegInf:
		d.kind = numPosInf
	case numFinite:
		d.coef.Neg(&d.coef)
	}
}

// mul sets d = a * b at scale a.scale + b.scale (exact, as PostgreSQL).
func (d *decimal) mul(a, b *decimal) {
	if a.kind != numFinite || b.kind != numFinite {
		sa, sb := a.signum(), b.signum()
		switch {
		case a.kind == numNaN || b.kind == numNaN, sa == 0 || sb == 0:
			d.kind = numNaN // NaN, or infinity times zero
		case sa*sb > 0:
			d.kind = numPosInf
		default:
			d.kind = numNegInf
		}
		return
	}
	d.kind = numFinite
	d.coef.Mul(&a.coef, &b.coef)
	d.scale = a.scale + b.scale
}

// signum is -1, 0, 1 (infinities their sign, NaN 0).
func (d *decimal) signum() int {
	switch d.kind {
	case numPosInf:
		return 1
	case numNegInf:
		return -1
	case numNaN:
		return 0
	}
	return d.coef.Sign()
}

// mod sets d = a % b (sign of a, scale the larger of both), as
// PostgreSQL's numeric_mod: 22012 for a zero divisor.
func (d *decimal) mod(a, b *decimal) error {
	if a.kind == numNaN || b.kind == numNaN {
		d.kind = numNaN
		return nil
	}
	if b.kind == numFinite && b.coef.Sign() == 0 {
		return divByZero()
	}
	if a.kind != numFinite {
		d.kind = numNaN
		return nil
	}
	if b.kind != numFinite {
		*d = *a
		d.coef.Set(&a.coef)
		return nil
	}
	x, y, s := aligned(a, b)
	d.kind = numFinite
	d.coef.Rem(&x.coef, &y.coef)
	d.scale = s
	return nil
}

// fnPow is a ^ b over double precision (PostgreSQL's dpow).
func fnPow(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	x, y, null, err := classify2(a)
	if null || err != nil {
		return nil, err
	}
	b, e := x.toFloat(), y.toFloat()
	if b == 0 && e < 0 {
		return nil, pgErr("2201F", "zero raised to a negative power is undefined")
	}
	if b < 0 && e != math.Floor(e) && !math.IsInf(e, 0) {
		return nil, pgErr("2201F", "a negative number raised to a non-integer power yields a complex result")
	}
	r := math.Pow(b, e)
	if math.IsInf(r, 0) && !math.IsInf(b, 0) && !math.IsInf(e, 0) {
		return nil, pgErr("22003", "value out of range: overflow")
	}
	if r == 0 && b != 0 && !math.IsInf(e, 0) && !math.IsInf(b, 0) { // Infinity ^ -1 is 0
		return nil, pgErr("22003", "value out of range: underflow")
	}
	if math.IsNaN(r) {
		return nil, errFloatNaN("double precision") // float8nan.go: a numeric NaN operand
	}
	return r, nil
}

// fnPowTyped is pg_pow_typed(a, b, type): numeric ^ when the operands'
// types (a column's, arith_columns.go) make it numeric, else float8's.
func fnPowTyped(ctx *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if str(a[2]) == "numeric" {
		return numBinary(numPow)(ctx, a[:2])
	}
	return fnPow(ctx, a[:2])
}

// fnCmp compares two numbers of any kind (pg_cmp(a, b) < 0 ...): numeric
// text by value, not as SQLite orders text after every number.
func fnCmp(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if x, ok := moneyCents(a[0]); ok {
		if y, ok := moneyCents(a[1]); ok {
			return int64(cmp.Compare(x, y)), nil // money.go
		}
	}
	x, y, null, err := classify2(a)
	if err != nil {
		if c, ok := cmpIntervalTexts(a[0], a[1]); ok {
			return c, nil
		}
	}
	if null || err != nil {
		return nil, err
	}
	switch {
	case x.class == clInt && y.class == clInt:
		return int64(cmp.Compare(x.i, y.i)), nil
	case x.class == clFloat || y.class == clFloat:
		return int64(cmpFloat(x.toFloat(), y.toFloat())), nil
	}
	dx, dy := x.toDec(), y.toDec()
	return int64(sign(dx.cmp(&dy))), nil
}

// fnCmpNotDistinct is pg_cmp_nd(a, b), pg_cmp for IS [NOT] DISTINCT
// FROM (distinct_operator.go): 0 for two NULLs, NULL for one.
func fnCmpNotDistinct(ctx *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil && a[1] == nil {
		return int64(0), nil
	}
	return fnCmp(ctx, a)
}

// cmpIntervalTexts compares two operands of pg_cmp that are no numbers
// but both intervals' texts by value (interval_order.go): arithmetic over
// a column of run-time type is compared through pg_cmp, and the column
// may be an interval ((iv * 3) * 2 <> iv; seed 2600402 of the fuzz tester).
func cmpIntervalTexts(a, b driver.Value) (int64, bool) {
	sa, ok1 := a.(string)
	sb, ok2 := b.(string)
	if !ok1 || !ok2 || datePrefix(sa) || datePrefix(sb) {
		return 0, false
	}
	ia, err1 := parseInterval(sa)
	ib, err2 := parseInterval(sb)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return int64(compareIntervals(ia, ib)), true
}

// cmpFloat orders as PostgreSQL's float8: NaN equals NaN and is above
// every other value.
func cmpFloat(a, b float64) int {
	switch an, bn := math.IsNaN(a), math.IsNaN(b); {
	case an && bn:
		return 0
	case an:
		return 1
	case bn:
		return -1
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// fnNumInt is pg_num_int(numeric, 'int4'): numeric -> integer, rounding
// half away from zero; 22003 out of range (NaN and infinities too).
func fnNumInt(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	rng, ok := intTypes[str(a[1])]
	if !ok {
		return nil, pgErr("42704", "type %q does not exist", str(a[1]))
	}
	x, err := classify(a[0])
	if err != nil {
		return nil, err
	}
	d := x.toDec()
	if d.kind == numNaN {
		return nil, pgErr("0A000", "cannot convert NaN to %s", strings.TrimSuffix(rng.msg, " out of range"))
	}
	if d.kind != numFinite {
		return nil, pgErr("0A000", "cannot convert infinity to %s", strings.TrimSuffix(rng.msg, " out of range"))
	}
	d.rescale(0, false)
	if !d.coef.IsInt64() || d.coef.Int64() < rng.lo || d.coef.Int64() > rng.hi {
		return nil, pgErr("22003", "%s", rng.msg)
	}
	return d.coef.Int64(), nil
}

// fnFloatInt is pg_float_int(float8, 'int4'): a float8 -> integer cast,
// rounding half to even as PostgreSQL does (rint: 4.5::float8::int is 4,
// where 4.5::numeric::int is 5); 22003 out of range. Other values go as
// pg_num_int.
func fnFloatInt(ctx *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	f, ok := a[0].(float64)
	if !ok {
		return fnNumInt(ctx, a)
	}
	rng, ok := intTypes[str(a[1])]
	if !ok {
		return nil, pgErr("42704", "type %q does not exist", str(a[1]))
	}
	// the range test of PostgreSQL's FLOAT8_FITS_IN_INT*: lo is -2^(n-1);
	// NaN and the infinities fail it too ('Infinity'::float8::int is
	// "integer out of range", not numeric's "cannot convert infinity")
	if r := math.RoundToEven(f); r >= float64(rng.lo) && r < -float64(rng.lo) {
		return int64(r), nil
	}
	return nil, pgErr("22003", "%s", rng.msg)
}

// fnRoot is |/ (n = 2: 2201F for a negative number) and ||/ (n = 3).
func fnRoot(n int) fn {
	return fnFloat(func(f float64) (float64, error) { // mathfuncs.go
		if n == 3 {
			return pgCbrt(f), nil // float8cbrt.go
		}
		if f < 0 {
			return 0, pgErr("2201F", "cannot take square root of a negative number")
		}
		return math.Sqrt(f), nil
	})
}

// fnNeg is unary minus: 22003 for the smallest integer of the type.
func fnNeg(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	hint := str(a[1])
	if hint == "money" || isMoney(a[0]) {
		return nil, pgErr("42883", "operator does not exist: - money") // money.go
	}
	x, err := classify(a[0])
	if err != nil {
		// -iv over a column that is no number (its type hint is empty):
		// an interval's text negates as an interval (PostgreSQL's
		// interval_um); anything else keeps the number's error
		if s, ok := a[0].(string); ok && hint == "" {
			if iv, ierr := parseInterval(s); ierr == nil {
				return iv.neg().String(), nil
			}
		}
		return nil, err
	}
	switch {
	case hint == "numeric" || x.class == clDec:
		d := x.toDec()
		d.neg()
		return d.String(), nil
	case x.class == clFloat || hint == "float8" || hint == "float4":
		return -x.toFloat(), nil
	}
	if _, ok := intTypes[hint]; !ok {
		hint = "int8"
	}
	return intArith('-', 0, x.i, hint)
}
