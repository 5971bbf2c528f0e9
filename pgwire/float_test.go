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
	} {
		if got := FormatFloat(c.f, c.bits); got != c.want {
			t.Errorf("FormatFloat(%v, %d) = %q, want %q", c.f, c.bits, got, c.want)
		}
	}
}
