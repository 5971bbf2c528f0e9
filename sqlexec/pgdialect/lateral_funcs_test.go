package pgdialect

import (
	"database/sql/driver"
	"math"
	"reflect"
	"testing"
)

// TestLateralRowRoundTrip: every storage class comes back from a packed
// row as it went in (lateral_funcs.go), the values JSON would change
// included.
func TestLateralRowRoundTrip(t *testing.T) {
	in := []driver.Value{nil, int64(math.MaxInt64), int64(math.MinInt64), 1e300, 1.0 / 3, math.Copysign(0, -1), math.Inf(-1),
		"a,b\x00ü \"q\"", "", []byte{0, 1, 255}, []byte{}, `{"k": 1.50}`}
	row, err := fnLateralRow(nil, in)
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range in {
		got, err := fnLateralCol(nil, []driver.Value{row, int64(k)})
		if err != nil {
			t.Fatalf("value %d: %v", k, err)
		}
		if f, ok := want.(float64); ok {
			if g, ok := got.(float64); !ok || math.Float64bits(g) != math.Float64bits(f) {
				t.Errorf("value %d = %#v, want %#v", k, got, want)
			}
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("value %d = %#v, want %#v", k, got, want)
		}
	}
	if got, err := fnLateralCol(nil, []driver.Value{nil, int64(0)}); got != nil || err != nil {
		t.Errorf("the NULL row of a LEFT JOIN = %#v, %v", got, err)
	}
}
