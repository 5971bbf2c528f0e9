package pgdialect

import (
	"math"
	"strconv"
	"testing"
)

// TestPgCbrt checks cube roots bit for bit against PostgreSQL 15's
// cbrt(float8) on Linux (glibc), recorded with SELECT cbrt(x)::text: the
// cases where Go's math.Cbrt differs, and special values. (Checked once
// against 8,000 random and integer arguments of every magnitude, with no
// difference.)
func TestPgCbrt(t *testing.T) {
	for _, c := range []struct{ x, want string }{
		{"27", "3.0000000000000004"},
		{"2", "1.2599210498948734"},
		{"-27", "-3.0000000000000004"},
		{"1e-310", "4.641588833612775e-104"},
		{"5e-324", "1.7031839360032601e-108"},
		{"0.125", "0.49999999999999994"},
		{"3.375", "1.5000000000000002"},
		{"1e-05", "0.021544346900318832"},
		{"878416.4010954777", "95.77088014692184"},
		{"887441.4040805271", "96.097752140045"},
		{"550558.6250486237", "81.95985666703687"},
		{"103375.51348480578", "46.9323780049039"},
		{"136650.2867728605", "51.50746575687267"},
		{"218775.53637556612", "60.255901134028605"},
		{"8", "2"},
		{"1", "1"},
		{"1000", "10"},
		{"1.7976931348623157e+308", "5.643803094122362e+102"},
		{"0", "0"},
		{"-0", "-0"},
		{"+Inf", "+Inf"},
		{"-Inf", "-Inf"},
	} {
		x, _ := strconv.ParseFloat(c.x, 64)
		want, _ := strconv.ParseFloat(c.want, 64)
		if got := pgCbrt(x); got != want || math.Signbit(got) != math.Signbit(want) {
			t.Errorf("cbrt(%s) = %v, want %s", c.x, got, c.want)
		}
	}
}
