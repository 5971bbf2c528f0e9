package pgdialect

// numeric_pow.go: numeric ^ numeric and power(numeric, numeric), as
// PostgreSQL 15's power_var computes them. The result scale is
// PostgreSQL's: for an integer exponent at least 16 digits after the
// point and at least the base's scale (2.0 ^ 3 is 8.0000000000000000);
// otherwise 16 significant digits, at least either input's scale. An
// integer exponent is computed exactly (base^n, or 1/base^n) and rounded
// half away from zero; when the exact power would be huge (1.000001 ^
// 1000000) and for a fractional exponent (exp(y * ln x)), the power is
// computed in binary floating point with enough bits for the result's
// digits plus guard digits, then rounded. All of it is a pure function of
// the operands (deterministic, on the write allow-list).

import (
	"math"
	"math/big"
)

const (
	numericMaxWeightDigits = 131072 // digits before the point (PostgreSQL's limit)
	maxExactPowDigits      = 4096   // beyond this an integer power is computed in floating point
)

func overflowsNumeric() error { return pgErr("22003", "value overflows numeric format") }

func decOne() decimal {
	var d decimal
	d.coef.SetInt64(1)
	return d
}

// isIntegral reports whether d is a finite integer.
func (d *decimal) isIntegral() bool {
	if d.kind != numFinite {
		return false
	}
	if d.scale <= 0 {
		return true
	}
	return new(big.Int).Rem(&d.coef, pow10(d.scale)).Sign() == 0
}

// numPow is PostgreSQL's numeric_power.
func numPow(base, exp *decimal) (decimal, error) {
	if base.kind == numNaN || exp.kind == numNaN {
		one := decOne()
		if base.kind == numNaN && exp.kind == numFinite && exp.coef.Sign() == 0 ||
			exp.kind == numNaN && base.kind == numFinite && base.cmp(&one) == 0 {
			return one, nil // NaN ^ 0 and 1 ^ NaN are 1 (POSIX pow)
		}
		return decimal{kind: numNaN}, nil
	}
	s1, s2 := base.signum(), exp.signum()
	if s1 == 0 && s2 < 0 {
		return decimal{}, pgErr("2201F", "zero raised to a negative power is undefined")
	}
	if s1 < 0 && !exp.isIntegral() && exp.kind == numFinite {
		return decimal{}, pgErr("2201F", "a negative number raised to a non-integer power yields a complex result")
	}
	if base.kind != numFinite || exp.kind != numFinite {
		return numPowInf(base, exp, s1, s2)
	}
	if exp.isIntegral() {
		e := *exp
		e.coef.Set(&exp.coef)
		e.rescale(0, true)
		if e.coef.IsInt64() && e.coef.Int64() >= math.MinInt32 && e.coef.Int64() <= math.MaxInt32 {
			rscale := min(max(numericMinSigDigit, base.scale, 0), maxNumericScale)
			return powInt(base, e.coef.Int64(), rscale)
		}
	}
	// exp(exp * ln(base)) on |base|; a negative base has an integral
	// exponent here: the sign of an odd one
	neg := false
	if s1 < 0 {
		e := new(big.Int).Quo(&exp.coef, pow10(max(exp.scale, 0)))
		neg = e.Bit(0) == 1
	}
	if s1 == 0 {
		var z decimal
		z.scale = numericMinSigDigit
		return z, nil
	}
	bx, by := base.bigFloat(64), exp.bigFloat(64)
	bx.Abs(bx)
	lnb, _ := bigLn(bx, 64).Float64()
	yv, _ := by.Float64()
	val := lnb * yv
	if math.Abs(val) > 2000*3.01 {
		if val > 0 {
			return decimal{}, overflowsNumeric()
		}
		var z decimal
		z.scale = maxNumericScale
		return z, nil
	}
	val *= 0.434294481903252 // the result's decimal weight
	rscale := int32(numericMinSigDigit - int(val))
	rscale = min(max(rscale, base.scale, exp.scale, 0), maxNumericScale)
	sig := max(int(rscale)+int(val), 0)
	prec := uint(float64(sig+30)*3.33) + 64
	r := bigExp(new(big.Float).SetPrec(prec).Mul(bigLn(base.bigFloatAbs(prec), prec), exp.bigFloat(prec)), prec)
	d := decimalFromBig(r, rscale)
	if neg {
		d.neg()
	}
	return d, nil
}

// numPowInf is numeric_power with an infinite operand (PostgreSQL 15's
// rules, after the NaN and error cases).
func numPowInf(base, exp *decimal, s1, s2 int) (decimal, error) {
	one := decOne()
	if exp.kind != numFinite {
		ab := *base
		ab.coef.Abs(&base.coef)
		if base.kind != numFinite {
			ab.kind = numPosInf
		}
		c := ab.cmp(&one)
		switch {
		case c == 0:
			return one, nil
		case (c > 0) == (s2 > 0):
			return decimal{kind: numPosInf}, nil
		}
		return decimal{}, nil
	}
	// infinite base, finite exponent
	switch {
	case s2 == 0:
		return one, nil
	case s2 < 0:
		return decimal{}, nil
	case s1 < 0 && exp.isIntegral() && new(big.Int).Quo(&exp.coef, pow10(max(exp.scale, 0))).Bit(0) == 1:
		return decimal{kind: numNegInf}, nil
	}
	return decimal{kind: numPosInf}, nil
}

// powInt is power_var_int: base ^ n at scale rscale.
func powInt(base *decimal, n int64, rscale int32) (decimal, error) {
	if n == 0 {
		d := decOne()
		d.rescale(rscale, false)
		return d, nil
	}
	if base.coef.Sign() == 0 {
		var z decimal
		z.scale = rscale
		return z, nil
	}
	an := n
	if an < 0 {
		an = -an
	}
	// the result's decimal weight, as PostgreSQL estimates it
	bf, _ := base.bigFloatAbs(64).Float64()
	f := float64(n) * math.Log10(bf)
	if f > numericMaxWeightDigits {
		return decimal{}, overflowsNumeric()
	}
	if f+1 < -float64(rscale) {
		var z decimal
		z.scale = rscale
		return z, nil
	}
	digits := len(new(big.Int).Abs(&base.coef).String())
	if int64(digits)*an <= maxExactPowDigits {
		var p decimal
		p.coef.Exp(&base.coef, big.NewInt(an), nil)
		p.scale = base.scale * int32(an)
		if n > 0 {
			p.rescale(rscale, false)
			return p, nil
		}
		// 1 / p at rscale, rounded half away from zero
		num, den := big.NewInt(1), new(big.Int).Set(&p.coef)
		shift := rscale + 1 + p.scale
		if shift >= 0 {
			num.Mul(num, pow10(shift))
		} else {
			den.Mul(den, pow10(-shift))
		}
		var d decimal
		d.coef.Quo(num, den)
		d.scale = rscale + 1
		d.rescale(rscale, false)
		return d, nil
	}
	sig := max(int(rscale)+int(f), 1) + int(math.Log(float64(an))) + 8
	prec := uint(float64(sig+20)*3.33) + 64
	b := base.bigFloat(prec)
	r := new(big.Float).SetPrec(prec).SetInt64(1)
	for e := an; e > 0; e >>= 1 {
		if e&1 == 1 {
			r.Mul(r, b)
		}
		b.Mul(b, b)
	}
	if n < 0 {
		r.Quo(new(big.Float).SetPrec(prec).SetInt64(1), r)
	}
	return decimalFromBig(r, rscale), nil
}

// bigFloat is d as a big.Float of prec bits.
func (d *decimal) bigFloat(prec uint) *big.Float {
	f := new(big.Float).SetPrec(prec).SetInt(&d.coef)
	if d.scale > 0 {
		f.Quo(f, new(big.Float).SetPrec(prec).SetInt(pow10(d.scale)))
	} else if d.scale < 0 {
		f.Mul(f, new(big.Float).SetPrec(prec).SetInt(pow10(-d.scale)))
	}
	return f
}

func (d *decimal) bigFloatAbs(prec uint) *big.Float {
	f := d.bigFloat(prec)
	return f.Abs(f)
}

// decimalFromBig rounds f to scale digits after the point, half away from
// zero.
func decimalFromBig(f *big.Float, scale int32) decimal {
	// scale+4 digits, then a decimal rounding
	s := f.Text('f', int(scale)+4)
	d, _ := parseDecimal(s)
	d.rescale(scale, false)
	return d
}

// bigExp is e^x at prec bits: x halved until small, a Taylor series, then
// squared back.
func bigExp(x *big.Float, prec uint) *big.Float {
	wp := prec + 64
	y := new(big.Float).SetPrec(wp).Set(x)
	k := 0
	half := big.NewFloat(0.5)
	for y.MantExp(nil) > -8 && k < 100000 { // |y| < 2^-8
		y.Mul(y, half)
		k++
	}
	sum := new(big.Float).SetPrec(wp).SetInt64(1)
	term := new(big.Float).SetPrec(wp).SetInt64(1)
	eps := new(big.Float).SetPrec(wp).SetMantExp(big.NewFloat(1), -int(wp))
	for i := int64(1); i < 10000; i++ {
		term.Mul(term, y)
		term.Quo(term, new(big.Float).SetPrec(wp).SetInt64(i))
		sum.Add(sum, term)
		if new(big.Float).Abs(term).Cmp(eps) < 0 {
			break
		}
	}
	for ; k > 0; k-- {
		sum.Mul(sum, sum)
	}
	return sum.SetPrec(prec)
}

// bigLn is ln(x) for x > 0 at prec bits: x = m * 2^e with m in [0.5, 1),
// ln x = ln m + e ln 2, each by Newton's iteration on bigExp.
func bigLn(x *big.Float, prec uint) *big.Float {
	wp := prec + 64
	m := new(big.Float).SetPrec(wp)
	e := x.MantExp(m)
	r := newtonLn(m, wp)
	if e != 0 {
		ln2 := newtonLn(new(big.Float).SetPrec(wp).SetInt64(2), wp)
		r.Add(r, ln2.Mul(ln2, new(big.Float).SetPrec(wp).SetInt64(int64(e))))
	}
	return r.SetPrec(prec)
}

// newtonLn is ln(m) for m of moderate size: y += 2(m - e^y)/(m + e^y)
// from the float64 logarithm, doubling the correct bits each step.
func newtonLn(m *big.Float, wp uint) *big.Float {
	mf, _ := m.Float64()
	y := new(big.Float).SetPrec(wp).SetFloat64(math.Log(mf))
	for bits := uint(50); ; bits *= 2 {
		ey := bigExp(y, wp)
		num := new(big.Float).SetPrec(wp).Sub(m, ey)
		den := new(big.Float).SetPrec(wp).Add(m, ey)
		num.Quo(num, den)
		y.Add(y, num.Mul(num, big.NewFloat(2)))
		if bits > wp {
			break
		}
	}
	return y
}
