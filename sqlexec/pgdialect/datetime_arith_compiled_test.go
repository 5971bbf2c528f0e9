package pgdialect

import (
	"strings"
	"testing"
)

// TestDatetimeArithCompiled: date arithmetic over a date column compared
// with a timestamptz column takes the timestamptz into the date's domain
// (pg_dt_as), or on the right the arithmetic into the timestamptz's,
// beside = ANY, IN, BETWEEN and an operator; arithmetic of a
// number column, and date - date's integer, are left as they are.
func TestDatetimeArithCompiled(t *testing.T) {
	decls := map[string]string{"d": "date", "tz": "timestamptz", "n": ""}
	declOf := func(expr string) string {
		if strings.Contains(expr, "EXISTS (SELECT 1 FROM sqlite_schema WHERE sql LIKE") {
			return "1" // a date/time column exists
		}
		for col, d := range decls {
			if strings.Contains(expr, "'"+col+"')") || strings.Contains(expr, "name = '"+col+"'") {
				return d
			}
		}
		return ""
	}
	const promoted = "pg_dt_as(tz, 'timestamptz', 'date')"
	cases := []struct {
		in   string
		want string // a substring of the conversion ("": none)
	}{
		{"SELECT d + 0 = tz FROM t", promoted},
		{"SELECT tz < d - 1 FROM t", "END COLLATE pg_numeric), 'date', 'timestamptz')"}, // the arithmetic into tz's domain
		{"SELECT d - 1 = ANY (ARRAY[tz]) FROM t", promoted},
		{"SELECT d - 1 IN (tz) FROM t", promoted},
		{"SELECT d - 1 BETWEEN tz AND tz FROM t", promoted},
		{"SELECT n + 1 = tz FROM t", ""},
		{"SELECT d - d = tz FROM t", ""},
	}
	for _, c := range cases {
		st, err := Translate(c.in)
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		got := DatetimePairConversion(st.Exec[0], declOf)
		if c.want == "" {
			if strings.Contains(got, "pg_dt_as(") {
				t.Errorf("%s: converted to %s, want none", c.in, got)
			}
			continue
		}
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: conversion %q\nlacks %s", c.in, got, c.want)
		}
	}
}
