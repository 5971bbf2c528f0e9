package pgdialect

import (
	"math"
	"testing"
)

// to_char of numbers and to_number answer as PostgreSQL 15 (locale C; the
// answers and SQLSTATEs are PostgreSQL 15's).
func TestToCharNumber(t *testing.T) {
	for _, c := range []struct {
		v         any // int64, float64 or numeric text
		fmt, want string
	}{
		{"1234.5", "9999.99", " 1234.50"},
		{"1234.5", "FM9999.99", "1234.5"},
		{"-1234.5", "9,999.00", "-1,234.50"},
		{"0.5", "0.00", " 0.50"},
		{"0.5", "9.99", "  .50"},
		{"0.5", "FM9.99", ".5"},
		{int64(0), "FM9.99", "0."},
		{int64(0), "999", "   0"},
		{"1234567.891", "FM999,999,999.00", "1,234,567.89"},
		{int64(12), "000", " 012"},
		{int64(99999), "999", " ###"},
		{"-12.5", "S99.9", "-12.5"},
		{"12.5", "99.9S", "12.5+"},
		{int64(-12), "MI99", "-12"},
		{int64(-12), "99PR", "<12>"},
		{int64(-12), "PL99", " -12"},
		{int64(12), "PL99", "+ 12"},
		{int64(12), "99MI", "12 "},
		{"1234.5", "L9,999.99", "  1,234.50"},
		{"12.5", "FM99.090", "12.500"},
		{"0.1234", "0.99EEEE", " 1.23e-01"},
		{"9.999", "9.99EEEE", " 10.00e+00"},
		{int64(-1234), "9.9EEEE", "-1.2e+03"},
		{int64(125), "9.9EEEE", " 1.2e+02"},
		{"125", "9.9EEEE", " 1.3e+02"},
		{"NaN", "9.99EEEE", " #.######"},
		{"Infinity", "999.99", " ###.##"},
		{int64(42), "RN", "           XLII"},
		{int64(21), "FMRN", "XXI"},
		{int64(3999), "FMrn", "mmmcmxcix"},
		{int64(4000), "RN", "###############"},
		{"2.5", "RN", "            III"},
		{2.5, "RN", "             II"},
		{int64(3), "FM9th", "3rd"},
		{int64(11), "FM99th", "11th"},
		{int64(12), "99TH", " 12TH"},
		{int64(-11), "99th", "-11"},
		{int64(12), "99V9", " 120"},
		{int64(1), `"abc"9" x"`, "abc 1 x"},
		{int64(5), `9\"9`, ` " 5`},
		{int64(123), "9 9", " # #"},
		{int64(12), "", ""},
		{-0.001, "9.99", " -.00"},
		{1.005, "9.99", " 1.00"},
		{1234.0, "9.99EEEE", " 1.23e+03"},
		{1.23456789012345678, "9.99999999999999999999", " 1.23456789012346"},
		{"-9223372036854775808", "9999999999999999999", "-9223372036854775808"},
	} {
		got, err := toCharNumber(c.v, c.fmt, false)
		if err != nil || got != c.want {
			t.Errorf("to_char(%v, %q) = %q, %v; want %q", c.v, c.fmt, got, err, c.want)
		}
	}
	for _, c := range []struct {
		v        any
		fmt, msg string
	}{
		{int64(12), "9.9.9", "multiple decimal points"},
		{int64(12), "S9S", `cannot use "S" twice`},
		{int64(12), "9EEEE9", `"EEEE" must be the last pattern used`},
		{int64(12), "FM9EEEE", `"EEEE" is incompatible with other formats`},
		{int64(12), "PR9", `"9" must be ahead of "PR"`},
		{int64(12), "S9MI", `cannot use "S" and "MI" together`},
		{int64(12), "V9.9", `cannot use "V" and decimal point together`},
		{"NaN", "RN", "cannot convert NaN to integer"},
		{int64(5000000000), "RN", "integer out of range"},
	} {
		_, err := toCharNumber(c.v, c.fmt, false)
		if _, msg, ok := ParseSQLStateError(errString(err)); !ok || msg != c.msg {
			t.Errorf("to_char(%v, %q): error %v, want %q", c.v, c.fmt, err, c.msg)
		}
	}
}

func TestToNumber(t *testing.T) {
	for _, c := range []struct{ in, fmt, want string }{
		{"1,234.50", "9,999.99", "1234.50"},
		{"-12.5", "S99.9", "-12.5"},
		{"$42", "L99", "42"},
		{"12,454.8-", "99G999D9S", "-12454.8"},
		{"<12>", "99PR", "-12"},
		{"1 2 3", "999", "123"},
		{"12345", "99", "12"},
		{"1.2345", "9.99", "1.23"},
		{"  42", "9999", "42"},
		{"12", "99V9", "1.2000000000000000"},
		{"1.5-", "9.9MI", "-1.5"},
		{"+5", "SG9", "5"},
		{"-34,338,492.654,878", "99G999G999D999G999", "-34338492.654878"},
		{"<564646.654564>", "999999.999999PR", "-564646.654564"},
		{"5.01-", "FM9.999999MI", "-5.01"},
		{".-01", "S99.99", "-0.01"},
		{"34,50", "999,99", "3450"},
		{"$1,234.56", "L99,999.99", "1234.56"},
		{"42nd", "99th", "42"},
		{"1x2", "999", "12"},
		{"10", "FM9G9", "10"},
	} {
		d, err := toNumber(c.in, c.fmt)
		if err != nil || d == nil || d.String() != c.want {
			t.Errorf("to_number(%q, %q) = %v, %v; want %s", c.in, c.fmt, d, err, c.want)
		}
	}
	if d, err := toNumber("5", ""); d != nil || err != nil {
		t.Errorf("to_number('5', '') = %v, %v; want NULL", d, err)
	}
	for _, c := range []struct{ in, fmt, code string }{
		{"abc", "999", "22P02"},
		{"", "999", "22P02"},
		{"-", "9", "22P02"},
		{"1e5", "9EEEE", "0A000"},
		{"XII", "RN", "0A000"},
		{"12", "9.9.9", "42601"},
	} {
		_, err := toNumber(c.in, c.fmt)
		if code, _, ok := ParseSQLStateError(errString(err)); !ok || code != c.code {
			t.Errorf("to_number(%q, %q): error %v, want SQLSTATE %s", c.in, c.fmt, err, c.code)
		}
	}
}

// FuzzNumFormat: no value and template make to_char or to_number panic
// (a panic in a registered function would end the connection).
func FuzzNumFormat(f *testing.F) {
	for _, s := range []string{"9999.99", "FM9,999.00", "S99.9", "99PR", "PL99", "SG9", "0.99EEEE", "RN", "FMrn",
		"FM9th", "99V9", `"abc"9\"`, "L9G999D99", "9.9.9", "", "MI", "0000", ".", "9 9", "EEEE", "B9C9SP"} {
		f.Add("-1234.5", s, 1.5, int64(-7))
	}
	f.Add("NaN", "9", math.Inf(1), int64(math.MinInt64))
	f.Fuzz(func(t *testing.T, in, format string, fl float64, n int64) {
		if len(format) > 200 {
			return // the templates apps use are short; a long one costs time, not safety
		}
		_, _ = toNumber(in, format)
		for _, v := range []any{in, fl, n} {
			if isNumberValue(v) {
				_, _ = toCharNumber(v, format, false)
			}
		}
	})
}
