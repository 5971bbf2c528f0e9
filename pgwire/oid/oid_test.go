package oid

import "testing"

// The sizes PostgreSQL 15 reports in RowDescription (pg_type.typlen).
func TestSizesMatchPostgreSQL(t *testing.T) {
	for o, want := range map[uint32]int16{
		Bool: 1, Int2: 2, Int4: 4, Int8: 8, Name: 64, Text: -1, Float8: 8, Date: 4,
		Timestamptz: 8, Interval: 16, UUID: 16, Timetz: 12, Numeric: -1, Unknown: -2, 999999: -1,
	} {
		if got := Size(o); got != want {
			t.Errorf("Size(%d) = %d, want %d", o, got, want)
		}
	}
	if TypeName(JSONB) != "jsonb" || TypeName(12345) != "" || Known(12345) || !Known(Int4) {
		t.Error("TypeName/Known disagree with the table")
	}
}
