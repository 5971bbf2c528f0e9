package pgwire

import (
	"math"
	"math/big"
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
