package pgwire

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// float4 digits: PostgreSQL's float4out (Ryu's f2s) prints the shortest
// decimal that lies strictly inside the value's rounding interval; a
// decimal exactly halfway to the next float4 does not count, even where
// round-half-even would read it back as the value. Go's shortest form
// counts it: (-9000000000)::real is -8999999488, exactly halfway between
// two float4s from -9e+09, so PostgreSQL prints -8.999999e+09 where Go
// prints -9e+09 (differential fuzz tester).

// float4Exp is f's float4 text in exponent form (strconv's 'e') with
// the fewest digits PostgreSQL's float4out prints.
func float4Exp(f float64) string {
	e := strconv.FormatFloat(f, 'e', -1, 32)
	for prec := digitsOf(e) - 1; prec < 9 && float4Halfway(e, f); prec++ {
		e = strconv.FormatFloat(f, 'e', prec+1, 32)
	}
	return e
}

// digitsOf is the number of significant digits of an 'e' form.
func digitsOf(e string) int {
	m := strings.TrimPrefix(e[:strings.LastIndexByte(e, 'e')], "-")
	return len(strings.Replace(m, ".", "", 1))
}

// float4Halfway: the decimal e lies exactly halfway between float4 f
// and a neighbour (the midpoints are exact in float64).
func float4Halfway(e string, f float64) bool {
	d, ok := new(big.Rat).SetString(e)
	if !ok {
		return false
	}
	f32 := float32(f)
	for _, n := range []float32{math.Nextafter32(f32, float32(math.Inf(1))), math.Nextafter32(f32, float32(math.Inf(-1)))} {
		if math.IsInf(float64(n), 0) {
			continue
		}
		mid := new(big.Rat).SetFloat64((float64(f32) + float64(n)) / 2)
		if mid != nil && d.Cmp(mid) == 0 {
			return true
		}
	}
	return false
}

// float8 digits: float8out is Ryu's d2s, which PostgreSQL builds without
// STRICTLY_SHORTEST (acceptBounds is false), so likewise a decimal exactly
// halfway to the next double does not count: 1e23 reads back as
// 99999999999999991611392, exactly halfway from the next double up, and
// PostgreSQL prints 9.999999999999999e+22 where Go prints 1e+23.

// float8Exp is f's float8 text in exponent form (strconv's 'e') with the
// fewest digits PostgreSQL's float8out prints.
func float8Exp(f float64) string {
	e := strconv.FormatFloat(f, 'e', -1, 64)
	for prec := digitsOf(e) - 1; prec < 17 && float8Halfway(e); prec++ {
		e = strconv.FormatFloat(f, 'e', prec+1, 64)
	}
	return e
}

// pow5 are 5^0 .. 5^27, the powers of five a uint64 holds.
var pow5 = func() (p [28]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 5
	}
	return p
}()

// float8Halfway: the decimal e ('e' form) lies exactly halfway between
// two doubles, i.e. it is a binary fraction whose odd significand has 54
// bits, one more than a double holds (as the shortest form of a double it
// is then the midpoint next to it). Integer arithmetic only: it runs for
// every float8 value sent.
func float8Halfway(e string) bool {
	i := strings.LastIndexByte(e, 'e')
	k, err := strconv.Atoi(e[i+1:])
	if err != nil {
		return false
	}
	// the usual value returns here: 54 bits need 17 digits below 2^53
	// (about 9e15), and 17 is the most a shortest form has
	if k < 15 && i < 18 {
		return false
	}
	var d uint64
	n := 0
	for _, c := range e[:i] {
		if c >= '0' && c <= '9' {
			d = d*10 + uint64(c-'0')
			n++
		}
	}
	k -= n - 1 // e is d × 10^k
	if d == 0 {
		return false
	}
	for d%10 == 0 {
		d /= 10
		k++
	}
	d >>= bits.TrailingZeros64(d) // d × 10^k = d × 5^k × 2^(k+tz)
	switch {
	case k >= 0:
		if k >= len(pow5) {
			return false
		}
		hi, lo := bits.Mul64(d, pow5[k])
		if hi != 0 {
			return false
		}
		d = lo
	default:
		if -k >= len(pow5) || d%pow5[-k] != 0 {
			return false // not a binary fraction
		}
		d /= pow5[-k]
	}
	return bits.Len64(d) == 54
}
