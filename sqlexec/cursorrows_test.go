package sqlexec

import (
	"math"
	"reflect"
	"testing"
	"time"
)

// TestCursorRowsRoundTrip: every row reads back with the dynamic types and
// values it was added with, including the edge cases of each encoded type
// and values kept as given.
func TestCursorRowsRoundTrip(t *testing.T) {
	when := time.Date(2026, 12, 5, 1, 2, 3, 4, time.UTC)
	rows := [][]any{
		{int64(1), "one"},
		{nil, nil},
		{int64(math.MinInt64), int64(math.MaxInt64), int64(0), int64(-1)},
		{0.5, math.Inf(-1), math.Copysign(0, -1), math.SmallestNonzeroFloat64},
		{"", "ünïcode\x00with nul", string(make([]byte, 300))},
		{[]byte{}, []byte(nil), []byte{0, 1, 2, 255}},
		{true, false},
		{when, int32(7), 3, uint64(9), struct{ A int }{1}},
		{},
		{"last"},
	}
	var r cursorRows
	for _, row := range rows {
		r.add(row)
	}
	if r.len() != len(rows) {
		t.Fatalf("len = %d, want %d", r.len(), len(rows))
	}
	for i, want := range rows {
		got := r.row(i)
		if len(got) != len(want) {
			t.Fatalf("row %d: %d values, want %d", i, len(got), len(want))
		}
		for j := range want {
			if reflect.TypeOf(got[j]) != reflect.TypeOf(want[j]) {
				t.Errorf("row %d value %d: type %T, want %T", i, j, got[j], want[j])
			}
			if f, ok := want[j].(float64); ok {
				if math.Float64bits(got[j].(float64)) != math.Float64bits(f) {
					t.Errorf("row %d value %d: %v, want %v (bits)", i, j, got[j], f)
				}
				continue
			}
			if !reflect.DeepEqual(got[j], want[j]) {
				t.Errorf("row %d value %d: %#v, want %#v", i, j, got[j], want[j])
			}
		}
	}
	nan := math.NaN()
	r.add([]any{nan})
	if got := r.row(r.len() - 1)[0].(float64); math.Float64bits(got) != math.Float64bits(nan) {
		t.Errorf("NaN read back as %v", got)
	}
}

// TestCursorRowsFreshValues: a row read back is the caller's to change; the
// stored row, and the values it was added from, are unaffected.
func TestCursorRowsFreshValues(t *testing.T) {
	src := []byte{1, 2, 3}
	var r cursorRows
	r.add([]any{src})
	src[0] = 9
	got := r.row(0)
	got[0].([]byte)[1] = 8
	if again := r.row(0)[0].([]byte); !reflect.DeepEqual(again, []byte{1, 2, 3}) {
		t.Fatalf("stored row changed: %v", again)
	}
}
