package pgdialect

// numeric_math.go: sign, sqrt, exp, ln and log over numeric, as
// PostgreSQL 15's numeric_sign / numeric_sqrt / numeric_exp / numeric_ln /
// numeric_log compute them, with their result scales (at least 16
// significant digits, at least the argument's scale: sqrt(2.0) is
// 1.414213562373095, exp(1.0) 2.7182818284590452). numeric_funcargs.go
// routes calls whose argument is numeric here; double precision arguments
// keep mathfuncs.go's versions. Results are exact integer square roots or
// big.Float series with guard bits, rounded half away from zero: pure
// functions of their arguments (deterministic, on the write allow-list).
//
//	pg_numsign(x)     -1, 0, 1 (numeric)
//	pg_numsqrt(x)     square root (2201F for a negative argument)
//	pg_numexp(x)      e^x (22003 when it overflows numeric)
//	pg_numln(x)       natural logarithm (2201E for zero and negatives)
//	pg_numlog(b, x)   logarithm of x to base b (log(x) and log10(x): b = 10)

import (
	"database/sql/driver"
	"math"
	"math/big"

	sqlite "modernc.org/sqlite"
)

// numUnary is the SQL function of a numeric -> numeric function.
func numUnary(f func(*decimal) (decimal, error)) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if a[0] == nil {
			return nil, nil
		}
		x, err := numArg(a[0])
		if err != nil {
			return nil, err
		}
		r, err := f(&x)
		if err != nil {
			return nil, err
		}
		return r.String(), nil
	}
}

func numSign(x *decimal) (decimal, error) {
	if x.kind == numNaN {
		return *x, nil
	}
	var d decimal
	d.coef.SetInt64(int64(x.signum()))
	return d, nil
}

// clampScale bounds a result scale as PostgreSQL does (0 ... 1000).
func clampScale(s int, dscale int32) int32 {
	return int32(min(max(s, int(dscale), 0), maxNumericScale))
}

// numSqrt is numeric_sqrt: rscale = 16 - (decimal weight of the root),
// at least the argument's scale.
func numSqrt(x *decimal) (decimal, error) {
	switch {
	case x.kind == numNaN || x.kind == numPosInf:
		return *x, nil
	case x.signum() < 0:
		return decimal{}, pgErr("2201F", "cannot take square root of a negative number")
	}
	w, _ := x.leadDigit()
	rscale := clampScale(numericMinSigDigit-(2*w+1), x.scale)
	// floor(sqrt(x * 10^(2 rscale + 2))), then the last digit rounds
	e := 2*rscale + 2 - x.scale
	n := new(big.Int).Set(&x.coef)
	if e >= 0 {
		n.Mul(n, pow10(e))
	} else {
		n.Quo(n, pow10(-e))
	}
	n.Sqrt(n)
	n.Add(n, big.NewInt(5))
	n.Quo(n, bigTen)
	var d decimal
	d.coef.Set(n)
	d.scale = rscale
	return d, nil
}

// numExp is numeric_exp.
func numExp(x *decimal) (decimal, error) {
	switch x.kind {
	case numNaN, numPosInf:
		return *x, nil
	case numNegInf:
		return decimal{}, nil
	}
	f := x.float()
	val := min(max(f*0.434294481903252, -2000), 2000) // the result's decimal weight
	rscale := clampScale(numericMinSigDigit-int(val), x.scale)
	if math.Abs(f) >= 2000*3 {
		if f > 0 {
			return decimal{}, overflowsNumeric()
		}
		return decimal{scale: rscale}, nil
	}
	prec := uint(float64(max(int(rscale)+int(val), 0)+30)*3.33) + 64
	return decimalFromBig(bigExp(x.bigFloat(prec), prec), rscale), nil
}

// lnArg checks a logarithm's argument as ln_var does.
func lnArg(x *decimal) error {
	switch s := x.signum(); {
	case x.kind == numNaN:
	case s == 0:
		return pgErr("2201E", "cannot take logarithm of zero")
	case s < 0:
		return pgErr("2201E", "cannot take logarithm of a negative number")
	}
	return nil
}

// lnDweight is PostgreSQL's estimate_ln_dweight: the decimal weight of
// ln(x), x > 0.
func lnDweight(x *decimal) int {
	lo, hi := decimal{scale: 1}, decimal{scale: 1}
	lo.coef.SetInt64(9)
	hi.coef.SetInt64(11)
	if x.cmp(&lo) >= 0 && x.cmp(&hi) <= 0 {
		// ln(1 + y) ~ y: the weight of the first digit of x - 1
		var y decimal
		one := decOne()
		one.neg()
		y.add(x, &one)
		a := new(big.Int).Abs(&y.coef)
		if a.Sign() == 0 {
			return 0
		}
		return len(a.String()) - 1 - int(y.scale)
	}
	w, _ := x.leadDigit()
	// the first two base-10000 digit groups: x ~ digits * 10^dweight
	dweight := 4*w - 4
	n := new(big.Int).Set(&x.coef)
	if e := -dweight - int(x.scale); e >= 0 {
		n.Mul(n, pow10(int32(e)))
	} else {
		n.Quo(n, pow10(int32(-e)))
	}
	digits, _ := new(big.Float).SetInt(n).Float64()
	lnv := math.Log(digits) + float64(dweight)*2.302585092994046
	return int(math.Log10(math.Abs(lnv)))
}

// numLn is numeric_ln.
func numLn(x *decimal) (decimal, error) {
	if err := lnArg(x); err != nil {
		return decimal{}, err
	}
	if x.kind != numFinite {
		return *x, nil // NaN, +Infinity
	}
	dw := lnDweight(x)
	rscale := clampScale(numericMinSigDigit-dw, x.scale)
	prec := uint(float64(int(rscale)+max(dw, 0)+30)*3.33) + 64
	return decimalFromBig(bigLn(x.bigFloat(prec), prec), rscale), nil
}

// numBinary is the SQL function of a (numeric, numeric) -> numeric
// function.
func numBinary(f func(*decimal, *decimal) (decimal, error)) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if a[0] == nil || a[1] == nil {
			return nil, nil
		}
		x, err := numArg(a[0])
		if err != nil {
			return nil, err
		}
		y, err := numArg(a[1])
		if err != nil {
			return nil, err
		}
		r, err := f(&x, &y)
		if err != nil {
			return nil, err
		}
		return r.String(), nil
	}
}

// numLog is numeric_log / log_var: ln(x) / ln(b) at 16 significant
// digits, at least either argument's scale.
func numLog(b, x *decimal) (decimal, error) {
	if b.kind == numNaN || x.kind == numNaN {
		return decimal{kind: numNaN}, nil
	}
	if err := lnArg(b); err != nil {
		return decimal{}, err
	}
	if err := lnArg(x); err != nil {
		return decimal{}, err
	}
	switch {
	case b.kind == numPosInf && x.kind == numPosInf:
		return decimal{kind: numNaN}, nil
	case b.kind == numPosInf:
		return decimal{}, nil
	case x.kind == numPosInf:
		return decimal{kind: numPosInf}, nil
	}
	bw, xw := lnDweight(b), lnDweight(x)
	rscale := clampScale(numericMinSigDigit-(xw-bw), max(b.scale, x.scale))
	prec := uint(float64(int(rscale)+max(xw-bw, 0)+abs(bw)+abs(xw)+30)*3.33) + 64
	if one := decOne(); b.cmp(&one) == 0 {
		return decimal{}, divByZero() // ln(1) is 0
	}
	lb := bigLn(b.bigFloat(prec), prec)
	q := new(big.Float).SetPrec(prec).Quo(bigLn(x.bigFloat(prec), prec), lb)
	return decimalFromBig(q, rscale), nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
