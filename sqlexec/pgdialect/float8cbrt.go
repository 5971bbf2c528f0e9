package pgdialect

// float8cbrt.go: cbrt(float8) (also ||/) with the digits PostgreSQL
// shows. PostgreSQL's dcbrt calls the C library's cbrt; on Linux that is
// glibc's, which is not correctly rounded: cbrt(27) is 3.0000000000000004
// there, where Go's math.Cbrt gives 3. To agree with PostgreSQL (and so
// that every node computes the same bits on any platform), the cube root
// follows glibc's method (sysdeps/ieee754/dbl-64/s_cbrt.c): the argument
// is split into a mantissa in [0.5, 1) and a binary exponent, a
// polynomial gives a first approximation of the mantissa's root, one
// Halley step refines it, and the exponent's third (with 2^(1/3) or
// 2^(2/3) for its remainder) scales it back.
//
// Every product is rounded on its own (float64(...)) so that no compiler
// fuses a multiply and an add (FMA), which would change the last bit.

import "math"

// cbrtScale is 2^(r/3) for a remainder r of the exponent in -2..2, at
// index r+2, each computed in double precision as C computes 1.0 / CBRT2.
var cbrtScale = func() [5]float64 {
	cbrt2, sqrCbrt2 := 1.2599210498948731648, 1.5874010519681994748 // 2^(1/3), 2^(2/3)
	one := 1.0
	return [5]float64{one / sqrCbrt2, one / cbrt2, one, cbrt2, sqrCbrt2}
}()

// pgCbrt is the cube root of f as glibc computes it.
func pgCbrt(f float64) float64 {
	if f == 0 || math.IsNaN(f) || math.IsInf(f, 0) {
		return f + f
	}
	xm, xe := math.Frexp(math.Abs(f))
	// the polynomial, innermost term first
	u := float64(-0.145263899385486377 * xm)
	u = 0.784932344976639262 + u
	u = -1.83469277483613086 + float64(u*xm)
	u = 2.44693122563534430 + float64(u*xm)
	u = -2.11499494167371287 + float64(u*xm)
	u = 1.50819193781584896 + float64(u*xm)
	u = 0.354895765043919860 + float64(u*xm)
	t2 := float64(float64(u*u) * u)
	ym := float64(u*(t2+float64(2.0*xm))) / (float64(2.0*t2) + xm)
	ym = float64(ym * cbrtScale[2+xe%3])
	r := math.Ldexp(ym, xe/3)
	if f < 0 {
		return -r
	}
	return r
}
