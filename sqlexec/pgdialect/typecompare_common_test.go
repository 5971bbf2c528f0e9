package pgdialect

import "testing"

// TestSelectCommonType: values of different categories are 42804 at the
// first one that does not match, whatever the two types; one category
// widens by the implicit casts; an unknown literal takes the other type.
func TestSelectCommonType(t *testing.T) {
	cases := []struct {
		types     []string
		common    string
		code, msg string
		at        int
	}{
		{[]string{"text", "integer"}, "", "42804", "COALESCE types text and integer cannot be matched", 1},
		{[]string{"integer", "unknown", "date"}, "", "42804", "COALESCE types integer and date cannot be matched", 2},
		{[]string{"integer[]", "integer"}, "", "42804", "COALESCE types integer[] and integer cannot be matched", 1},
		{[]string{"integer", "bigint", "numeric"}, "numeric", "", "", 0},
		{[]string{"unknown", "boolean"}, "boolean", "", "", 0},
		{[]string{"unknown", "unknown"}, "unknown", "", "", 0},
		{[]string{"text", ""}, "", "", "", 0}, // a type not known: let through
		{[]string{"money", "integer"}, "", "42846", "COALESCE could not convert type integer to money", 1},
	}
	for _, c := range cases {
		at := make([]int, len(c.types))
		for i := range at {
			at[i] = i
		}
		common, r := selectCommonType("COALESCE", c.types, at)
		switch {
		case c.code == "" && (r != nil || common != c.common):
			t.Errorf("%v: got %q, %v; want %q", c.types, common, r, c.common)
		case c.code != "" && (r == nil || r.sqlState() != c.code || r.message != c.msg || r.tok != c.at):
			t.Errorf("%v: got %+v; want %s %q at %d", c.types, r, c.code, c.msg, c.at)
		}
	}
}

// TestCrossCategory: comparisons never mix categories; an unknown
// literal or a type not known is never refused.
func TestCrossCategory(t *testing.T) {
	for _, c := range []struct {
		l, r string
		want bool
	}{
		{"text", "integer", true}, {"date", "integer", true}, {"numeric", "integer", false},
		{"text", "unknown", false}, {"text", "", false}, {"date", "timestamp with time zone", false},
	} {
		if got := crossCategory(c.l, c.r); got != c.want {
			t.Errorf("crossCategory(%q, %q) = %v", c.l, c.r, got)
		}
	}
}
