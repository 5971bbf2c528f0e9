package pgrange

import (
	"errors"
	"testing"
)

// Each input reads back as PostgreSQL 15 prints it: the want texts are
// the reference server's output of the same literals cast to a range of
// text (CREATE TYPE textrange AS RANGE (subtype = text, collation = "C")),
// whose bounds are the parsed strings unchanged.
func TestParseFormat(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`["a""b","c,d")`, `["a""b","c,d")`},
		{`["","x y"]`, `["","x y"]`},
		{`["a\\b",)`, `["a\\b",)`},
		{`["a""b",\c)`, `["a""b",c)`},
		{`( a , b )`, `(" a "," b ")`},
		{`("","(])")`, `("","(])")`},
		{`  EmPtY  `, `empty`},
		{`[,]`, `(,)`},
		{`[1,5]`, `[1,5]`},
	} {
		r, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if got := Format(r); got != c.want {
			t.Errorf("Format(Parse(%q)) = %q, want %q", c.in, got, c.want)
		}
	}
}

// The DETAILs are PostgreSQL 15's for the same inputs.
func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ in, detail string }{
		{"", "Missing left parenthesis or bracket."},
		{"1,5)", "Missing left parenthesis or bracket."},
		{"[1,5", "Unexpected end of input."},
		{"[1 5)", "Missing comma after lower bound."},
		{"[1,2,3)", "Too many commas."},
		{"empty x", `Junk after "empty" key word.`},
		{"[1,5) x", "Junk after right parenthesis or bracket."},
		{`[1,"5)`, "Unexpected end of input."},
		{`[1,5\`, "Unexpected end of input."},
	} {
		_, err := Parse(c.in)
		var se *SyntaxError
		if !errors.As(err, &se) || se.Detail != c.detail || se.Input != c.in {
			t.Errorf("Parse(%q) = %v, want DETAIL %q", c.in, err, c.detail)
		}
	}
}
