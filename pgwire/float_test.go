package pgwire

import (
	"math"
	"testing"
)

// PostgreSQL 15's float8out/float4out (extra_float_digits = 1).
func TestFormatFloat(t *testing.T) {
	for _, c := range []struct {
		f    float64
		bits int
		want string
	}{
		{math.Pi, 64, "3.141592653589793"},
		{0.1, 64, "0.1"},
		{1.5, 32, "1.5"},
		{float64(float32(0.1)), 32, "0.1"},
		{100, 64, "100"},
		{1e14, 64, "100000000000000"},
		{1e15, 64, "1e+15"},
		{123456789012345678, 64, "1.2345678901234568e+17"},
		{0.0001, 64, "0.0001"},
		{0.00001, 64, "1e-05"},
		{-2.5e-10, 64, "-2.5e-10"},
		{123456, 32, "123456"},
		{1e6, 32, "1e+06"},
		{math.Inf(1), 64, "Infinity"},
		{math.Inf(-1), 64, "-Infinity"},
		{math.NaN(), 64, "NaN"},
		{math.Copysign(0, -1), 64, "-0"},
		// float4 values whose Go shortest form lies exactly halfway to
		// the next float4 (float_shortest.go), as PostgreSQL 15 printed them
		{float64(float32(-9e9)), 32, "-8.999999e+09"},
		{float64(float32(3e10)), 32, "3.0000001e+10"},
		{float64(float32(1.7e10)), 32, "1.6999999e+10"},
		{float64(float32(1e10)), 32, "1e+10"},
		{float64(float32(5e10)), 32, "5e+10"},
		{float64(float32(123456789012)), 32, "1.2345679e+11"},
		{float64(float32(16777217)), 32, "1.6777216e+07"},
		{float64(float32(6e-41)), 32, "6e-41"},
		{float64(float32(2e-45)), 32, "1e-45"},
		{float64(float32(123456.7)), 32, "123456.7"},
		{float64(float32(0.00012345)), 32, "0.00012345"},
		// doubles whose Go shortest form lies exactly halfway to the next
		// double (float8Halfway), as PostgreSQL 15 printed them
		{1e23, 64, "9.999999999999999e+22"},
		{5.9031e20, 64, "5.903100000000001e+20"},
		{5.9033e20, 64, "5.903299999999999e+20"},
		{1.1807e21, 64, "1.1807000000000001e+21"},
		{9007199254740993, 64, "9.007199254740992e+15"},
		{5e-324, 64, "5e-324"},
		{1e22, 64, "1e+22"},
		{1.7976931348623157e308, 64, "1.7976931348623157e+308"},
	} {
		if got := FormatFloat(c.f, c.bits); got != c.want {
			t.Errorf("FormatFloat(%v, %d) = %q, want %q", c.f, c.bits, got, c.want)
		}
	}
}
