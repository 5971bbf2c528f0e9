// Package pgarray reads and writes PostgreSQL's text form of a
// one-dimensional array ('{a,"b c",NULL}'), the form raftsql stores array
// values in (docs/sql-dialect.md "Arrays"). It knows nothing of element
// types: elements are strings (or NULL); the callers convert them.
//
// Invariant: Format of what Parse returns is PostgreSQL's array_out of the
// same elements, so a value that went through Parse and Format has one
// spelling, and equal arrays are equal strings.
package pgarray

import (
	"errors"
	"strings"
)

// Elem is one array element: its text, or NULL.
type Elem struct {
	Val  string
	Null bool
}

// ErrMultiDim reports an array literal of more than one dimension, or one
// with explicit bounds ('[0:1]={...}'): not supported.
var ErrMultiDim = errors.New("multidimensional arrays are not supported")

// SyntaxError is PostgreSQL's "malformed array literal" (22P02) with its
// DETAIL.
type SyntaxError struct {
	Input  string
	Detail string
}

func (e *SyntaxError) Error() string {
	return "malformed array literal: \"" + e.Input + "\" (" + e.Detail + ")"
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// Parse reads a one-dimensional array literal as PostgreSQL's array_in
// does (whitespace around elements ignored, "quoted" elements, backslash
// escapes, unquoted NULL in any case is NULL).
func Parse(s string) ([]Elem, error) {
	bad := func(d string) error { return &SyntaxError{Input: s, Detail: d} }
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	if i < len(s) && s[i] == '[' {
		return nil, ErrMultiDim
	}
	if i >= len(s) || s[i] != '{' {
		return nil, bad("Array value must start with \"{\" or dimension information.")
	}
	i++
	var out []Elem
	first := true
	for {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			return nil, bad("Unexpected end of input.")
		}
		if s[i] == '}' {
			if !first {
				return nil, bad("Unexpected \"}\" character.")
			}
			i++
			break
		}
		if s[i] == '{' {
			return nil, ErrMultiDim
		}
		// one element
		var b strings.Builder
		quoted, null := false, false
		switch s[i] {
		case ',':
			return nil, bad("Unexpected \",\" character.")
		case '"':
			quoted = true
			i++
			for {
				if i >= len(s) {
					return nil, bad("Unexpected end of input.")
				}
				c := s[i]
				if c == '\\' {
					i++
					if i >= len(s) {
						return nil, bad("Unexpected end of input.")
					}
					b.WriteByte(s[i])
					i++
					continue
				}
				if c == '"' {
					i++
					break
				}
				b.WriteByte(c)
				i++
			}
		default:
			// unquoted: up to , or }; trailing whitespace dropped, escaped
			// characters kept (also escaped whitespace)
			keep := 0 // length of b up to the last escaped or non-space byte
			escaped := false
			for i < len(s) && s[i] != ',' && s[i] != '}' {
				c := s[i]
				switch {
				case c == '\\':
					i++
					if i >= len(s) {
						return nil, bad("Unexpected end of input.")
					}
					b.WriteByte(s[i])
					keep = b.Len()
					escaped = true
				case c == '"':
					return nil, bad("Unexpected array element.")
				case c == '{':
					return nil, bad("Unexpected \"{\" character.")
				default:
					b.WriteByte(c)
					if !isSpace(c) {
						keep = b.Len()
					}
				}
				i++
			}
			v := b.String()[:keep]
			b.Reset()
			b.WriteString(v)
			null = !escaped && strings.EqualFold(v, "NULL")
		}
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			return nil, bad("Unexpected end of input.")
		}
		if quoted && s[i] != ',' && s[i] != '}' {
			return nil, bad("Unexpected array element.")
		}
		e := Elem{Val: b.String(), Null: null}
		if null {
			e.Val = ""
		}
		out = append(out, e)
		first = false
		if s[i] == '}' {
			i++
			break
		}
		i++ // ','
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i < len(s) && s[i] == '}' {
			return nil, bad("Unexpected \"}\" character.")
		}
	}
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	if i != len(s) {
		return nil, bad("Junk after closing right brace.")
	}
	if out == nil {
		out = []Elem{}
	}
	return out, nil
}

// needsQuotes reports whether array_out quotes the element.
func needsQuotes(v string) bool {
	if v == "" || strings.EqualFold(v, "NULL") {
		return true
	}
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '{', '}', ',', '"', '\\':
			return true
		default:
			if isSpace(c) {
				return true
			}
		}
	}
	return false
}

// AppendElem appends one element as array_out writes it.
func AppendElem(b []byte, e Elem) []byte {
	if e.Null {
		return append(b, "NULL"...)
	}
	if !needsQuotes(e.Val) {
		return append(b, e.Val...)
	}
	b = append(b, '"')
	for i := 0; i < len(e.Val); i++ {
		c := e.Val[i]
		if c == '"' || c == '\\' {
			b = append(b, '\\')
		}
		b = append(b, c)
	}
	return append(b, '"')
}

// Format writes elems as PostgreSQL's array_out does.
func Format(elems []Elem) string {
	b := make([]byte, 0, 2+8*len(elems))
	b = append(b, '{')
	for i, e := range elems {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendElem(b, e)
	}
	return string(append(b, '}'))
}
