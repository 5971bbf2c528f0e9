package pgdialect

// numeric_intfuncs.go: the integer-valued arithmetic functions of
// PostgreSQL 15, exact, with its result types and errors.
//
//	pg_gcd(a, b, type)  gcd(a, b): int4/int8 (22003 when the result does not
//	                    fit: gcd(-2147483648, 0)), or numeric: the largest
//	                    value dividing both, at the larger scale
//	                    (gcd(0.25, 0.1) is 0.05); NaN for NaN or infinities
//	pg_lcm(a, b, type)  lcm(a, b): likewise (lcm(0, x) is 0)
//	factorial(n)        n! of a bigint as numeric (22003 for n < 0, as PostgreSQL 15,
//	                    22003 past 32177!, numeric's 131072 digits)
//	div(a, b)           a / b truncated toward zero, numeric at scale 0
//	                    (22012 for b = 0; infinities as numeric_div_trunc)
//
// type is the arguments' common type as the statement shows it
// ('int4', 'int8', 'numeric'; '' when unknown: integers then compute as
// int8 and numeric text as numeric), added by numeric_calls.go. Pure
// functions of their arguments (deterministic, on the write allow-list).

import (
	"database/sql/driver"
	"math"
	"math/big"
	"strconv"
	"strings"

	sqlite "modernc.org/sqlite"
)

// maxFactorial is the largest n whose n! fits numeric (131072 digits
// before the point): 32177! has 131064.
const maxFactorial = 32177

// intGcd is gcd/lcm over integers of type typ (int4 or int8 bounds).
func intGcd(a, b int64, lcm bool, typ string) (driver.Value, error) {
	lo, hi, msg := int64(math.MinInt64), int64(math.MaxInt64), "bigint out of range"
	if typ == "int4" || typ == "int2" {
		lo, hi, msg = math.MinInt32, math.MaxInt32, "integer out of range"
	}
	g := new(big.Int).GCD(nil, nil, new(big.Int).Abs(big.NewInt(a)), new(big.Int).Abs(big.NewInt(b)))
	r := g
	if lcm {
		if a == 0 || b == 0 {
			return int64(0), nil
		}
		r = new(big.Int).Quo(big.NewInt(a), g)
		r.Mul(r, big.NewInt(b))
		r.Abs(r)
	}
	if !r.IsInt64() || r.Int64() < lo || r.Int64() > hi {
		return nil, pgErr("22003", "%s", msg)
	}
	return r.Int64(), nil
}

// numGcd is gcd/lcm over numeric (PostgreSQL's gcd_var at the larger
// display scale).
func numGcd(a, b *decimal, lcm bool) decimal {
	if a.kind != numFinite || b.kind != numFinite {
		return decimal{kind: numNaN}
	}
	x, y, s := aligned(a, b)
	var r decimal
	r.scale = s
	r.coef.GCD(nil, nil, new(big.Int).Abs(&x.coef), new(big.Int).Abs(&y.coef))
	if lcm {
		if x.coef.Sign() == 0 || y.coef.Sign() == 0 {
			r.coef.SetInt64(0)
			return r
		}
		// lcm(x, y) = |x / gcd * y|, in units of 10^-s
		q := new(big.Int).Quo(&x.coef, &r.coef)
		r.coef.Abs(q.Mul(q, &y.coef))
	}
	return r
}

// gcdLcm is pg_gcd (lcm false) and pg_lcm (lcm true).
func gcdLcm(lcm bool) fn {
	name := "gcd"
	if lcm {
		name = "lcm"
	}
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		typ := ""
		if len(a) == 3 {
			typ = str(a[2])
		}
		if typ == "int2" {
			// two smallint columns, known at run time: PostgreSQL has
			// no int2 version and cannot choose (gcd_notunique.go)
			return nil, pgErr("42725", "function %s(smallint, smallint) is not unique", name)
		}
		if a[0] == nil || a[1] == nil {
			return nil, nil
		}
		x, xi := a[0].(int64)
		y, yi := a[1].(int64)
		if xi && yi && typ != "numeric" {
			return intGcd(x, y, lcm, typ)
		}
		dx, err := numArg(a[0])
		if err != nil {
			return nil, err
		}
		dy, err := numArg(a[1])
		if err != nil {
			return nil, err
		}
		r := numGcd(&dx, &dy, lcm)
		if r.kind == numFinite && r.intDigits() > numericMaxWeightDigits {
			return nil, overflowsNumeric()
		}
		return r.String(), nil
	}
}

func fnFactorial(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	n, ok := a[0].(int64)
	if s, isText := a[0].(string); isText {
		// an untyped parameter: PostgreSQL reads it as the bigint argument
		var err error
		if n, err = strconv.ParseInt(strings.TrimSpace(s), 10, 64); err != nil {
			return nil, invalidInput("bigint", s)
		}
		ok = true
	}
	if !ok {
		typ := "numeric"
		if _, f := a[0].(float64); f {
			typ = "double precision"
		}
		return nil, pgErr("42883", "function factorial(%s) does not exist", typ)
	}
	switch {
	case n < 0:
		return nil, pgErr("22003", "factorial of a negative number is undefined")
	case n <= 1:
		return "1", nil
	case n > maxFactorial:
		return nil, overflowsNumeric()
	}
	return new(big.Int).MulRange(2, n).String(), nil
}

// numDivTrunc is div(a, b): numeric_div_trunc.
func numDivTrunc(a, b *decimal) (decimal, error) {
	if a.kind == numNaN || b.kind == numNaN {
		return decimal{kind: numNaN}, nil
	}
	if a.kind != numFinite {
		if b.kind != numFinite {
			return decimal{kind: numNaN}, nil // Inf / [-]Inf
		}
		switch b.signum() {
		case 0:
			return decimal{}, pgErr("22012", "division by zero")
		case -1:
			if a.kind == numPosInf {
				return decimal{kind: numNegInf}, nil
			}
			return decimal{kind: numPosInf}, nil
		}
		return *a, nil
	}
	if b.kind != numFinite {
		return decimal{}, nil // finite / infinite is zero
	}
	if b.coef.Sign() == 0 {
		return decimal{}, pgErr("22012", "division by zero")
	}
	x, y, _ := aligned(a, b)
	var r decimal
	r.coef.Quo(&x.coef, &y.coef) // truncates toward zero
	return r, nil
}
