package pgdialect

import (
	"database/sql/driver"
	"testing"
)

// TestNumCeilFloorKeepsArgument: ceil/floor of numeric text whose value is
// already whole (a numeric(12,2) column's 100.00) is that value; rounding
// a copy of the argument must not change the argument (it printed 101).
func TestNumCeilFloorKeepsArgument(t *testing.T) {
	cases := []struct {
		in         string
		ceil, flor string
	}{
		{"100.00", "100", "100"},
		{"-100.00", "-100", "-100"},
		{"19.99", "20", "19"},
		{"-0.50", "0", "-1"},
		{"123456789012345678901234567890.000", "123456789012345678901234567890", "123456789012345678901234567890"},
	}
	for _, c := range cases {
		for _, f := range []struct {
			ceil bool
			want string
		}{{true, c.ceil}, {false, c.flor}} {
			got, err := numCeilFloor(f.ceil)(nil, []driver.Value{c.in})
			if err != nil || got != f.want {
				t.Errorf("ceil=%v(%s) = %v, %v; want %s", f.ceil, c.in, got, err, f.want)
			}
		}
	}
}
