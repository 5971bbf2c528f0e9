// Package pgrange reads and writes PostgreSQL's text form of a range value
// ('[1,5)', '(,"2024-01-01 10:00:00"]', 'empty'), the form raftsql stores
// range values in (docs/sql-dialect.md "Range types"). It knows nothing of
// element types: bounds are strings; the callers convert, compare and
// canonicalise them (sqlexec/pgdialect/range.go), and the wire server
// encodes them (pgwire/range.go).
//
// Parse is PostgreSQL 15's range_parse and range_parse_bound
// (rangetypes.c), Format its range_out and range_bound_escape, so a value
// that went through Parse and Format is spelled as PostgreSQL prints it.
package pgrange

import "strings"

// Range is one parsed range: Empty, or two bounds, each infinite (Lower
// or Upper "" with LowerInf/UpperInf) or a value with its inclusivity.
type Range struct {
	Empty              bool
	Lower, Upper       string
	LowerInf, UpperInf bool
	LowerInc, UpperInc bool
}

// SyntaxError is PostgreSQL's "malformed range literal" (22P02) with its
// DETAIL.
type SyntaxError struct {
	Input  string
	Detail string
}

func (e *SyntaxError) Error() string {
	return "malformed range literal: \"" + e.Input + "\" (" + e.Detail + ")"
}

// isSpace is PostgreSQL's scanner_isspace (range_parse skips these).
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// Parse reads s as range_parse does: blanks around the whole value,
// "empty" in any case, [ or ( then two bounds separated by a comma then ]
// or ); a missing bound is infinite (and never inclusive: make_range
// drops the flag); a bound may be "quoted" (a doubled "" is a quote) and
// a backslash takes the next character literally.
func Parse(s string) (Range, error) {
	bad := func(d string) error { return &SyntaxError{Input: s, Detail: d} }
	var r Range
	i := 0
	skip := func() {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
	}
	skip()
	if len(s)-i >= 5 && strings.EqualFold(s[i:i+5], "empty") {
		i += 5
		skip()
		if i < len(s) {
			return r, bad("Junk after \"empty\" key word.")
		}
		r.Empty = true
		return r, nil
	}
	switch {
	case i < len(s) && s[i] == '[':
		r.LowerInc = true
		i++
	case i < len(s) && s[i] == '(':
		i++
	default:
		return r, bad("Missing left parenthesis or bracket.")
	}
	var err error
	if r.Lower, r.LowerInf, i, err = parseBound(s, i, bad); err != nil {
		return r, err
	}
	if i < len(s) && s[i] == ',' {
		i++
	} else {
		return r, bad("Missing comma after lower bound.")
	}
	if r.Upper, r.UpperInf, i, err = parseBound(s, i, bad); err != nil {
		return r, err
	}
	switch {
	case i < len(s) && s[i] == ']':
		r.UpperInc = true
		i++
	case i < len(s) && s[i] == ')':
		i++
	default:
		return r, bad("Too many commas.")
	}
	skip()
	if i < len(s) {
		return r, bad("Junk after right parenthesis or bracket.")
	}
	if r.LowerInf {
		r.LowerInc = false
	}
	if r.UpperInf {
		r.UpperInc = false
	}
	return r, nil
}

// parseBound is range_parse_bound: the bound at s[i:] up to an unquoted
// , ) or ] (none at all: infinite), and the index after it.
func parseBound(s string, i int, bad func(string) error) (string, bool, int, error) {
	if i >= len(s) {
		return "", false, i, bad("Unexpected end of input.")
	}
	if c := s[i]; c == ',' || c == ')' || c == ']' {
		return "", true, i, nil
	}
	var b strings.Builder
	inQuote := false
	for i < len(s) && (inQuote || !(s[i] == ',' || s[i] == ')' || s[i] == ']')) {
		c := s[i]
		i++
		switch {
		case c == '\\':
			if i >= len(s) {
				return "", false, i, bad("Unexpected end of input.")
			}
			b.WriteByte(s[i])
			i++
		case c == '"' && !inQuote:
			inQuote = true
		case c == '"' && i < len(s) && s[i] == '"':
			b.WriteByte('"') // a doubled quote within quotes
			i++
		case c == '"':
			inQuote = false
		default:
			b.WriteByte(c)
		}
	}
	if i >= len(s) {
		return "", false, i, bad("Unexpected end of input.")
	}
	return b.String(), false, i, nil
}

// Format is range_out: "empty", or the bounds' brackets around the bound
// texts, each quoted when it is empty or holds a quote, a backslash, a
// bracket, a parenthesis, a comma or a blank (quotes and backslashes
// doubled inside).
func Format(r Range) string {
	if r.Empty {
		return "empty"
	}
	var b strings.Builder
	if r.LowerInc {
		b.WriteByte('[')
	} else {
		b.WriteByte('(')
	}
	if !r.LowerInf {
		escape(&b, r.Lower)
	}
	b.WriteByte(',')
	if !r.UpperInf {
		escape(&b, r.Upper)
	}
	if r.UpperInc {
		b.WriteByte(']')
	} else {
		b.WriteByte(')')
	}
	return b.String()
}

// escape is range_bound_escape.
func escape(b *strings.Builder, v string) {
	quote := v == ""
	for i := 0; i < len(v) && !quote; i++ {
		switch c := v[i]; c {
		case '"', '\\', '(', ')', '[', ']', ',':
			quote = true
		default:
			quote = isSpace(c)
		}
	}
	if !quote {
		b.WriteString(v)
		return
	}
	b.WriteByte('"')
	for i := 0; i < len(v); i++ {
		if v[i] == '"' || v[i] == '\\' {
			b.WriteByte(v[i])
		}
		b.WriteByte(v[i])
	}
	b.WriteByte('"')
}
