package pgdialect

// trigdegrees.go: cot and the trigonometric functions in degrees (sind,
// cosd, tand, cotd, asind, acosd, atand, atan2d), as PostgreSQL 15's
// float.c computes them, step for step, so that the exact answers it
// promises come out exactly (sind(30) is 0.5, tand(45) 1, acosd(0.5) 60)
// and the others digit for digit: the argument is reduced to [0, 90] by
// fmod and symmetry, then scaled by the libm (libm in mathfuncs.go)
// values of sin(30°), 1 - cos(60°), asin(0.5), acos(0.5) and atan(1).
// An infinite argument of the direct functions and one outside [-1, 1]
// of asind/acosd is 22003 "input is out of range"; tand(90) and cotd(0)
// are Infinity, and a zero tand/cotd is never -0.

import (
	"database/sql/driver"
	"math"
	"sync"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"modernc.org/libc"
	"modernc.org/sqlite"
)

func init() {
	for name, f := range map[string]func(float64) (float64, error){
		"cot":   cot,
		"sind":  sind,
		"cosd":  cosd,
		"tand":  tand,
		"cotd":  cotd,
		"asind": asind,
		"acosd": acosd,
		"atand": atand,
	} {
		floatFuncs[name] = f // registered by registerMathFuncs
		funcResultOIDs[name] = pgoid.Float8
	}
	// PostgreSQL has only the double precision versions: described so
	// whatever the value (sind(NULL) too)
	funcResultOIDs["atan2d"] = pgoid.Float8
}

// degree constants: init_degree_constants, computed by the same libm at
// first use.
var (
	degreeOnce                                                sync.Once
	sin30, oneMinusCos60, asin05, acos05, atan1, tan45, cot45 float64
)

func degreeConstants() {
	degreeOnce.Do(func() {
		// in float64 at run time, as C computes degree_c_thirty *
		// RADIANS_PER_DEGREE (Go's constant arithmetic would be exact)
		thirty, sixty := 30.0, 60.0
		sin30 = libm(libc.Xsin, thirty*radiansPerDegree)
		oneMinusCos60 = 1 - libm(libc.Xcos, sixty*radiansPerDegree)
		asin05 = libm(libc.Xasin, 0.5)
		acos05 = libm(libc.Xacos, 0.5)
		atan1 = libm(libc.Xatan, 1)
		tan45 = sindQ1(45) / cosdQ1(45)
		cot45 = cosdQ1(45) / sindQ1(45)
	})
}

// cot is dcot: 1 / tan(x); cot(0) is Infinity.
func cot(x float64) (float64, error) {
	if math.IsInf(x, 0) {
		return 0, errInputRange()
	}
	return 1 / libm(libc.Xtan, x), nil
}

func sind0to30(x float64) float64 { return libm(libc.Xsin, x*radiansPerDegree) / sin30 / 2 }

func cosd0to60(x float64) float64 {
	return 1 - (1-libm(libc.Xcos, x*radiansPerDegree))/oneMinusCos60/2
}

func sindQ1(x float64) float64 {
	if x <= 30 {
		return sind0to30(x)
	}
	return cosd0to60(90 - x)
}

func cosdQ1(x float64) float64 {
	if x <= 60 {
		return cosd0to60(x)
	}
	return sind0to30(90 - x)
}

// reduceDegrees brings x into [0, 90] as dsind/dcosd/dtand/dcotd do: the
// sign flips for x < 0 and x > 180 where negate, and for x > 90 where
// flip90 (cosine, tangent, cotangent; not sine).
func reduceDegrees(x float64, negate, flip90 bool) (float64, float64, error) {
	if math.IsInf(x, 0) {
		return 0, 0, errInputRange()
	}
	degreeConstants()
	sign := 1.0
	x = math.Mod(x, 360)
	if x < 0 {
		x = -x
		if negate {
			sign = -sign
		}
	}
	if x > 180 {
		x = 360 - x
		if negate {
			sign = -sign
		}
	}
	if x > 90 {
		x = 180 - x
		if flip90 {
			sign = -sign
		}
	}
	return x, sign, nil
}

func sind(x float64) (float64, error) {
	x, sign, err := reduceDegrees(x, true, false)
	if err != nil {
		return 0, err
	}
	return sign * sindQ1(x), nil
}

func cosd(x float64) (float64, error) {
	x, sign, err := reduceDegrees(x, false, true)
	if err != nil {
		return 0, err
	}
	return sign * cosdQ1(x), nil
}

func tand(x float64) (float64, error) {
	x, sign, err := reduceDegrees(x, true, true)
	if err != nil {
		return 0, err
	}
	r := sign * (sindQ1(x) / cosdQ1(x) / tan45)
	if r == 0 {
		r = 0 // never -0 (tand(180))
	}
	return r, nil
}

func cotd(x float64) (float64, error) {
	x, sign, err := reduceDegrees(x, true, true)
	if err != nil {
		return 0, err
	}
	r := sign * (cosdQ1(x) / sindQ1(x) / cot45)
	if r == 0 {
		r = 0 // never -0 (cotd(270))
	}
	return r, nil
}

func asindQ1(x float64) float64 {
	if x <= 0.5 {
		return libm(libc.Xasin, x) / asin05 * 30
	}
	return 90 - float64(libm(libc.Xacos, x)/acos05*60) // no fused multiply-add
}

func acosdQ1(x float64) float64 {
	if x <= 0.5 {
		return 90 - float64(libm(libc.Xasin, x)/asin05*30)
	}
	return libm(libc.Xacos, x) / acos05 * 60
}

func asind(x float64) (float64, error) {
	if x < -1 || x > 1 {
		return 0, errInputRange()
	}
	degreeConstants()
	if x >= 0 {
		return asindQ1(x), nil
	}
	return -asindQ1(-x), nil
}

func acosd(x float64) (float64, error) {
	if x < -1 || x > 1 {
		return 0, errInputRange()
	}
	degreeConstants()
	if x >= 0 {
		return acosdQ1(x), nil
	}
	return 90 + asindQ1(-x), nil
}

func atand(x float64) (float64, error) {
	degreeConstants()
	return libm(libc.Xatan, x) / atan1 * 45, nil
}

// fnAtan2d is atan2d(y, x): datan2d, atan2(y, x) scaled by atan(1).
func fnAtan2d(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	y, err := classify(a[0])
	if err != nil {
		return nil, err
	}
	x, err := classify(a[1])
	if err != nil {
		return nil, err
	}
	degreeConstants()
	libmMu.Lock()
	if libmTLS == nil {
		libmTLS = libc.NewTLS()
	}
	r := libc.Xatan2(libmTLS, y.toFloat(), x.toFloat())
	libmMu.Unlock()
	return r / atan1 * 45, nil
}
