package pgdialect

import (
	"strings"
	"testing"
)

// TestNumericArrayConversion: subscripts and unnest of a numeric[] column
// become exact numeric text with the numeric collation, those of an
// integer[] column integers of INTEGER affinity; other arrays, and a
// json_each value read other than through pg_unnest_elem, stay.
func TestNumericArrayConversion(t *testing.T) {
	decls := map[string]string{"n": "numeric[]", "i": "integer[]", "s": "text[]"}
	declOf := func(expr string) string {
		for col, d := range decls {
			if strings.Contains(expr, "name = '"+col+"'") {
				return d
			}
		}
		return ""
	}
	cases := []conversionCase{
		{"SELECT n[1], i[1] FROM t WHERE n[2] > 2", []string{"(CAST(pg_array_get(n, 1, ", "(CAST(pg_array_get(n, 2, ", "COLLATE pg_numeric) > 2"}},
		{"SELECT i[1], s[2] FROM t WHERE i[2] > '5'", []string{"CAST(pg_array_get(i, 1, ", "CAST(pg_array_get(i, 2, "}},
		{"SELECT s[2] FROM t", nil},
		{"SELECT unnest(n) FROM t ORDER BY 1", []string{"(CAST(pg_unnest_elem(pg_unnest.value, n) AS TEXT) COLLATE pg_numeric)", ", 'exact'))"}},
		{"SELECT x FROM t, unnest(n) AS u(x) WHERE x > 1", []string{"(CAST(pg_unnest_elem(u.value, n) AS TEXT) COLLATE pg_numeric) > 1", ", 'exact'))"}},
		{"SELECT u FROM t, unnest(t.i) u WHERE u > '5'", []string{"CAST(pg_unnest_elem(u.value, t.i) AS INTEGER) > '5'"}},
		{"SELECT unnest(s) FROM t", nil},
	}
	checkConversions(t, cases, func(sql string) string { return NumericArrayConversion(sql, declOf) })
	// a value read bare is left as it is: its type must not change
	q := `SELECT pg_unnest.value + 1 FROM t, json_each(pg_array_json(n, (SELECT type FROM pragma_table_xinfo('t') WHERE name = 'n'))) AS pg_unnest`
	if got := NumericArrayConversion(q, declOf); got != "" {
		t.Errorf("bare value converted: %s", got)
	}
}

// conversionCase is a statement and substrings of the conversion a pass
// makes of its translation (nil: none).
type conversionCase struct {
	in   string
	want []string
}

// checkConversions translates each case and checks convert's answer for
// its translation.
func checkConversions(t *testing.T, cases []conversionCase, convert func(sql string) string) {
	t.Helper()
	for _, c := range cases {
		st, err := Translate(c.in)
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		got := convert(st.Exec[0])
		if c.want == nil {
			if got != "" {
				t.Errorf("%s: converted to %s, want none", c.in, got)
			}
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: conversion %s\nlacks %s", c.in, got, w)
			}
		}
	}
}
