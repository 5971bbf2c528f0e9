package pgarray

import (
	"errors"
	"reflect"
	"testing"
)

func TestParseFormat(t *testing.T) {
	n := Elem{Null: true}
	v := func(s string) Elem { return Elem{Val: s} }
	cases := []struct {
		in    string
		elems []Elem
		out   string // Format of the result (PostgreSQL's array_out)
	}{
		{"{}", []Elem{}, "{}"},
		{" { } ", []Elem{}, "{}"},
		{"{1,2,3}", []Elem{v("1"), v("2"), v("3")}, "{1,2,3}"},
		{"{ a , b c ,NULL,null, \"NULL\"}", []Elem{v("a"), v("b c"), n, n, v("NULL")}, `{a,"b c",NULL,NULL,"NULL"}`},
		{`{"a,b","q\"x","back\\slash",""}`, []Elem{v("a,b"), v(`q"x`), v(`back\slash`), v("")}, `{"a,b","q\"x","back\\slash",""}`},
		{`{a\,b,\ x}`, []Elem{v("a,b"), v(" x")}, `{"a,b"," x"}`},
		{`{"{braces}"}`, []Elem{v("{braces}")}, `{"{braces}"}`},
		{`{\NULL}`, []Elem{v("NULL")}, `{"NULL"}`},
	}
	for _, c := range cases {
		got, err := Parse(c.in)
		if err != nil || !reflect.DeepEqual(got, c.elems) {
			t.Errorf("Parse(%q) = %#v, %v; want %#v", c.in, got, err, c.elems)
			continue
		}
		if f := Format(got); f != c.out {
			t.Errorf("Format(Parse(%q)) = %s, want %s", c.in, f, c.out)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for in, detail := range map[string]string{
		"":          `Array value must start with "{" or dimension information.`,
		"1,2":       `Array value must start with "{" or dimension information.`,
		"{1,2":      "Unexpected end of input.",
		"{1,,2}":    `Unexpected "," character.`,
		"{1,}":      `Unexpected "}" character.`,
		`{"a"b}`:    "Unexpected array element.",
		"{a}x":      "Junk after closing right brace.",
		`{"a`:       "Unexpected end of input.",
		`{a"b}`:     "Unexpected array element.",
		"{1,{2}}":   "",
		"[1:2]={1}": "",
	} {
		_, err := Parse(in)
		var se *SyntaxError
		switch {
		case detail == "" && !errors.Is(err, ErrMultiDim):
			t.Errorf("Parse(%q): %v, want ErrMultiDim", in, err)
		case detail != "" && (!errors.As(err, &se) || se.Detail != detail):
			t.Errorf("Parse(%q): %v, want %q", in, err, detail)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"{}", `{a,"b c",NULL}`, `{"\\",x}`, "{1,2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := Parse(s)
		if err != nil {
			return
		}
		out := Format(e)
		e2, err := Parse(out)
		if err != nil || !reflect.DeepEqual(e, e2) || Format(e2) != out {
			t.Fatalf("%q -> %q -> %v %v", s, out, e2, err)
		}
	})
}
