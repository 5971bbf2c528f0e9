package pgdialect

// json_syntax.go: PostgreSQL's error for json and jsonb input that is not
// valid JSON. Its message is only "invalid input syntax for type json";
// what went wrong is in its DETAIL ("Token "x" is invalid.", "The input
// string ended unexpectedly.", "Expected ":", but found "1"."), which
// PostgreSQL 15's lexer and recursive descent parser (common/jsonapi.c)
// decide: the first token the lexer cannot read, or the first token the
// parser does not expect where it stands. jsonSyntax follows both step
// by step, so the DETAIL names the token PostgreSQL names.

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// jsonInputError is the error PostgreSQL raises for json (jsonb when
// binary: escapes are decoded, so surrogates are checked and \u0000
// refused) input s that encoding/json refused; the message alone when
// jsonSyntax finds s valid.
func jsonInputError(s string, binary bool) error {
	if e := jsonSyntax(s, binary); e != nil {
		return e
	}
	return pgErr("22P02", "invalid input syntax for type json")
}

// jsonEscapesError is the error of PostgreSQL's json (not jsonb)
// functions that decode the escapes of the whole text they read (->, #>,
// json_each[_text], json_array_elements_text, json_object_keys, json_strip_nulls,
// to_jsonb of json): an escaped NUL is 22P05, a lone or doubled
// surrogate half 22P02, as for jsonb input; nil when the text has none.
// (json_typeof, json_array_length and json_array_elements do not
// decode: no error there.)
func jsonEscapesError(v driver.Value) error {
	s := str(v)
	if j, ok := jsonMarked(v); ok {
		s = j
	}
	if !strings.Contains(s, `\u`) {
		return nil
	}
	return jsonSyntax(s, true)
}

// JSON token kinds (jsonapi.c's JsonTokenType).
const (
	jtInvalid = iota
	jtString
	jtNumber
	jtObjectStart
	jtObjectEnd
	jtArrayStart
	jtArrayEnd
	jtComma
	jtColon
	jtTrue
	jtFalse
	jtNull
	jtEnd
)

// jsonLexer reads s as jsonapi.c's json_lex does; err is the first
// lexical error (nil while none).
type jsonLexer struct {
	s          string
	binary     bool
	start, end int // the current token
	typ        int
	err        error
}

// jsonPunct are the one-character tokens.
var jsonPunct = map[byte]int{'{': jtObjectStart, '}': jtObjectEnd, '[': jtArrayStart, ']': jtArrayEnd, ',': jtComma, ':': jtColon}

func isJSONAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80
}

// mblen is the length of the character at i (one byte when it is not
// valid UTF-8).
func (l *jsonLexer) mblen(i int) int {
	if i >= len(l.s) {
		return 0
	}
	_, n := utf8.DecodeRuneInString(l.s[i:])
	return n
}

func (l *jsonLexer) invalid(msg string) {
	l.err = pgErrDetail("22P02", msg, "invalid input syntax for type json")
}

func (l *jsonLexer) invalidToken() {
	l.invalid(fmt.Sprintf("Token \"%s\" is invalid.", l.s[l.start:l.end]))
}

// lex reads the next token; false on a lexical error (l.err).
func (l *jsonLexer) lex() bool {
	i := l.end
	for i < len(l.s) && (l.s[i] == ' ' || l.s[i] == '\t' || l.s[i] == '\n' || l.s[i] == '\r') {
		i++
	}
	l.start = i
	if i >= len(l.s) {
		l.end, l.typ = i, jtEnd
		return true
	}
	c := l.s[i]
	if t, ok := jsonPunct[c]; ok {
		l.end, l.typ = i+1, t
		return true
	}
	switch {
	case c == '"':
		return l.lexString(i)
	case c == '-':
		return l.lexNumber(i + 1)
	case c >= '0' && c <= '9':
		return l.lexNumber(i)
	}
	p := i
	for p < len(l.s) && isJSONAlnum(l.s[p]) {
		p++
	}
	if p == i {
		// not a keyword's first character: the character alone
		l.end = i + l.mblen(i)
		l.invalidToken()
		return false
	}
	l.end = p
	switch l.s[i:p] {
	case "true":
		l.typ = jtTrue
	case "false":
		l.typ = jtFalse
	case "null":
		l.typ = jtNull
	default:
		l.invalidToken()
		return false
	}
	return true
}

// lexNumber reads a number whose digits start at i (after its sign).
func (l *jsonLexer) lexNumber(i int) bool {
	s, bad := l.s, false
	digits := func() {
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		digits()
	default:
		bad = true
	}
	if i < len(s) && s[i] == '.' {
		i++
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			bad = true
		} else {
			digits()
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			bad = true
		} else {
			digits()
		}
	}
	for i < len(s) && isJSONAlnum(s[i]) { // trailing garbage
		i++
		bad = true
	}
	l.end, l.typ = i, jtNumber
	if bad {
		l.invalidToken()
		return false
	}
	return true
}

// lexString reads a string starting at its quote at i.
func (l *jsonLexer) lexString(i int) bool {
	s := l.s
	hi := -1 // a high surrogate waiting for its low one (jsonb)
	for {
		i++
		if i >= len(s) {
			l.end = i
			l.invalidToken()
			return false
		}
		c := s[i]
		switch {
		case c == '"':
			if l.binary && hi != -1 {
				l.invalid("Unicode low surrogate must follow a high surrogate.")
				return false
			}
			l.end, l.typ = i+1, jtString
			return true
		case c < 0x20:
			l.invalid(fmt.Sprintf("Character with value 0x%02x must be escaped.", c))
			return false
		case c == '\\':
			i++
			if i >= len(s) {
				l.end = i
				l.invalidToken()
				return false
			}
			if s[i] == 'u' {
				ch := 0
				for k := 0; k < 4; k++ {
					i++
					if i >= len(s) {
						l.end = i
						l.invalidToken()
						return false
					}
					d, ok := hexDigit(s[i])
					if !ok {
						l.invalid(`"\u" must be followed by four hexadecimal digits.`)
						return false
					}
					ch = ch*16 + d
				}
				if !l.binary {
					continue
				}
				switch {
				case ch >= 0xd800 && ch <= 0xdbff:
					if hi != -1 {
						l.invalid("Unicode high surrogate must not follow a high surrogate.")
						return false
					}
					hi = ch
					continue
				case ch >= 0xdc00 && ch <= 0xdfff:
					if hi == -1 {
						l.invalid("Unicode low surrogate must follow a high surrogate.")
						return false
					}
					ch, hi = 1, -1 // a code point, not zero
				}
				if hi != -1 {
					l.invalid("Unicode low surrogate must follow a high surrogate.")
					return false
				}
				if ch == 0 {
					l.err = pgErrDetail("22P05", `\u0000 cannot be converted to text.`, "unsupported Unicode escape sequence")
					return false
				}
				continue
			}
			if l.binary && hi != -1 {
				l.invalid("Unicode low surrogate must follow a high surrogate.")
				return false
			}
			switch s[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			default:
				l.invalid(fmt.Sprintf("Escape sequence \"\\%s\" is invalid.", s[i:i+l.mblen(i)]))
				return false
			}
		default:
			if l.binary && hi != -1 {
				l.invalid("Unicode low surrogate must follow a high surrogate.")
				return false
			}
		}
	}
}

func hexDigit(c byte) (int, bool) {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0'), true
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10, true
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10, true
	}
	return 0, false
}

// jsonParser is jsonapi.c's recursive descent over a jsonLexer.
type jsonParser struct {
	l     *jsonLexer
	depth int
}

// parseError is report_parse_error: what was expected where the parser
// stands, or that the input ended.
func (p *jsonParser) parseError(expected string) error {
	if p.l.typ == jtEnd {
		return pgErrDetail("22P02", "The input string ended unexpectedly.", "invalid input syntax for type json")
	}
	return pgErrDetail("22P02", fmt.Sprintf(expected, p.l.s[p.l.start:p.l.end]), "invalid input syntax for type json")
}

// advance consumes the current token.
func (p *jsonParser) advance() error {
	if !p.l.lex() {
		return p.l.err
	}
	return nil
}

func (p *jsonParser) expect(t int, expected string) error {
	if p.l.typ != t {
		return p.parseError(expected)
	}
	return p.advance()
}

const (
	jsonExpectValue      = `Expected JSON value, but found "%s".`
	jsonExpectString     = `Expected string, but found "%s".`
	jsonExpectArrayNext  = `Expected "," or "]", but found "%s".`
	jsonExpectObjectNext = `Expected "," or "}", but found "%s".`
	jsonExpectObjectFst  = `Expected string or "}", but found "%s".`
	jsonExpectColon      = `Expected ":", but found "%s".`
	jsonExpectEnd        = `Expected end of input, but found "%s".`
)

// jsonMaxDepth bounds the nesting followed (deeper input is left to the
// caller's own error: PostgreSQL's stack depth limit is another error).
const jsonMaxDepth = 10000

// errJSONTooDeep stops the parser past jsonMaxDepth.
var errJSONTooDeep = errors.New("json nests too deep")

func (p *jsonParser) value() error {
	switch p.l.typ {
	case jtObjectStart:
		return p.nested(p.object)
	case jtArrayStart:
		return p.nested(p.array)
	case jtString, jtNumber, jtTrue, jtFalse, jtNull:
		return p.advance()
	}
	return p.parseError(jsonExpectValue)
}

func (p *jsonParser) nested(f func() error) error {
	if p.depth++; p.depth > jsonMaxDepth {
		return errJSONTooDeep
	}
	defer func() { p.depth-- }()
	return f()
}

func (p *jsonParser) object() error {
	if err := p.advance(); err != nil {
		return err
	}
	switch p.l.typ {
	case jtString:
		for {
			if err := p.field(); err != nil {
				return err
			}
			if p.l.typ != jtComma {
				break
			}
			if err := p.advance(); err != nil {
				return err
			}
		}
	case jtObjectEnd:
	default:
		return p.parseError(jsonExpectObjectFst)
	}
	return p.expect(jtObjectEnd, jsonExpectObjectNext)
}

func (p *jsonParser) field() error {
	if p.l.typ != jtString {
		return p.parseError(jsonExpectString)
	}
	if err := p.advance(); err != nil {
		return err
	}
	if err := p.expect(jtColon, jsonExpectColon); err != nil {
		return err
	}
	return p.value()
}

func (p *jsonParser) array() error {
	if err := p.advance(); err != nil {
		return err
	}
	if p.l.typ != jtArrayEnd {
		for {
			if err := p.value(); err != nil {
				return err
			}
			if p.l.typ != jtComma {
				break
			}
			if err := p.advance(); err != nil {
				return err
			}
		}
	}
	return p.expect(jtArrayEnd, jsonExpectArrayNext)
}

// jsonSyntax is PostgreSQL's error for input s, nil when s is valid
// JSON to PostgreSQL (or nests deeper than it follows).
func jsonSyntax(s string, binary bool) error {
	p := &jsonParser{l: &jsonLexer{s: s, binary: binary}}
	if err := p.advance(); err != nil {
		return err
	}
	err := p.value()
	if err == nil {
		err = p.expect(jtEnd, jsonExpectEnd)
	}
	if errors.Is(err, errJSONTooDeep) {
		return nil
	}
	return err
}
