package pgdialect

import (
	"strings"
)

// tokType classifies a lexical token.
type tokType uint8

const (
	tSpace   tokType = iota // whitespace
	tComment                // -- line or /* block */ comment (possibly nested)
	tIdent                  // bare identifier or keyword
	tQIdent                 // "quoted identifier" (also `backtick` SQLite form)
	tString                 // '...', E'...', B'...', X'...', N'...', U&'...'
	tDollar                 // $tag$ ... $tag$
	tNumber                 // 123, 1.5e3, .5, 0x1F
	tParam                  // $1, ?, ?3, :name, @name
	tOp                     // operator (+ - * / < > = ~ ! @ # % ^ & | ` and combinations)
	tCast                   // ::
	tPunct                  // ( ) , ; [ ] . :
)

type token struct {
	typ  tokType
	text string // the original text
	pos  int    // byte offset in the statement
	out  string // replacement text (valid when edited)
	ed   bool
	open bool   // unterminated quote, dollar quote or block comment: runs to the end of the input
	pre  string // text spliced before the token (outermost first)
	suf  string // text spliced after the token (innermost first)
	wpre string // outermost wrapping (DDL DEFAULT parentheses)
	wsuf string
}

func (t *token) set(s string) { t.out, t.ed = s, true }
func (t *token) str() string {
	c := t.text
	if t.ed {
		c = t.out
	}
	if t.pre == "" && t.suf == "" && t.wpre == "" && t.wsuf == "" {
		return c
	}
	return t.wpre + t.pre + c + t.suf + t.wsuf
}

// kw reports whether t is the bare keyword k (k upper case).
func (t *token) kw(k string) bool {
	return t.typ == tIdent && len(t.text) == len(k) && strings.EqualFold(t.text, k)
}

func (t *token) upper() string { return strings.ToUpper(t.text) }

// identName returns the identifier value: lower-cased for bare words,
// unquoted for quoted identifiers.
func (t *token) identName() string {
	switch t.typ {
	case tIdent:
		return asciiLower(t.text)
	case tQIdent:
		if len(t.text) >= 2 {
			q := t.text[0:1]
			return strings.ReplaceAll(t.text[1:len(t.text)-1], q+q, q)
		}
	}
	return t.text
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
func isIdentChar(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' || c == '$' }
func isDigit(c byte) bool     { return c >= '0' && c <= '9' }
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// isOpChar: PostgreSQL operator characters (without '?', which is a SQLite
// parameter here).
func isOpChar(c byte) bool { return strings.IndexByte("+-*/<>=~!@#%^&|`", c) >= 0 }

// lex splits s into tokens. It never fails: unterminated quotes or comments
// run to the end of the input, marked open (checkLexical reports them as
// PostgreSQL's scanner does).
func lex(s string) []token {
	toks := make([]token, 0, len(s)/4+4)
	i := 0
	n := len(s)
	emit := func(t tokType, end int) {
		toks = append(toks, token{typ: t, text: s[i:end], pos: i})
		i = end
	}
	// emitScan(t)(end, closed) emits a token whose scan reports whether
	// it was closed.
	emitScan := func(t tokType) func(int, bool) {
		return func(end int, closed bool) {
			emit(t, end)
			toks[len(toks)-1].open = !closed
		}
	}
	for i < n {
		c := s[i]
		switch {
		case isSpace(c):
			j := i + 1
			for j < n && isSpace(s[j]) {
				j++
			}
			emit(tSpace, j)
		case c == '-' && i+1 < n && s[i+1] == '-':
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				j = n
			} else {
				j += i
			}
			emit(tComment, j)
		case c == '/' && i+1 < n && s[i+1] == '*':
			emitScan(tComment)(scanBlockComment(s, i))
		case c == '\'':
			emitScan(tString)(scanQuoted(s, i+1, '\'', false))
		case (c == 'E' || c == 'e') && i+1 < n && s[i+1] == '\'':
			emitScan(tString)(scanQuoted(s, i+2, '\'', true))
		case (c == 'B' || c == 'b' || c == 'X' || c == 'x' || c == 'N' || c == 'n') && i+1 < n && s[i+1] == '\'':
			emitScan(tString)(scanQuoted(s, i+2, '\'', false))
		case (c == 'U' || c == 'u') && i+2 < n && s[i+1] == '&' && s[i+2] == '\'':
			emitScan(tString)(scanQuoted(s, i+3, '\'', false))
		case (c == 'U' || c == 'u') && i+2 < n && s[i+1] == '&' && s[i+2] == '"':
			emitScan(tQIdent)(scanQuoted(s, i+3, '"', false))
		case c == '"':
			emitScan(tQIdent)(scanQuoted(s, i+1, '"', false))
		case c == '`':
			emitScan(tQIdent)(scanQuoted(s, i+1, '`', false))
		case isIdentStart(c):
			j := i + 1
			for j < n && isIdentChar(s[j]) {
				j++
			}
			emit(tIdent, j)
		case isDigit(c) || c == '.' && i+1 < n && isDigit(s[i+1]):
			emit(tNumber, scanNumber(s, i))
		case c == '$':
			if i+1 < n && isDigit(s[i+1]) {
				j := i + 1
				for j < n && isDigit(s[j]) {
					j++
				}
				emit(tParam, j)
			} else if end, closed, ok := scanDollar(s, i); ok {
				emitScan(tDollar)(end, closed)
			} else if i+1 < n && isIdentStart(s[i+1]) { // SQLite $name parameter
				j := i + 1
				for j < n && (isIdentChar(s[j]) || s[j] == ':') {
					j++
				}
				emit(tParam, j)
			} else {
				emit(tPunct, i+1)
			}
		case c == '?':
			j := i + 1
			for j < n && isDigit(s[j]) {
				j++
			}
			emit(tParam, j)
		case c == ':':
			if i+1 < n && s[i+1] == ':' {
				emit(tCast, i+2)
			} else if i+1 < n && isIdentStart(s[i+1]) && (i == 0 || !isIdentChar(s[i-1])) {
				j := i + 1
				for j < n && isIdentChar(s[j]) {
					j++
				}
				emit(tParam, j)
			} else {
				emit(tPunct, i+1)
			}
		case isOpChar(c):
			emit(tOp, scanOp(s, i))
		default:
			// ( ) , ; [ ] . and anything else, one byte (UTF-8 bytes >= 0x80
			// are identifier characters, handled above).
			emit(tPunct, i+1)
		}
	}
	return toks
}

// scanBlockComment scans a (nested) block comment from i to just after its
// end; closed is false when the input ends first.
func scanBlockComment(s string, i int) (end int, closed bool) {
	depth := 0
	n := len(s)
	for i < n {
		if s[i] == '/' && i+1 < n && s[i+1] == '*' {
			depth++
			i += 2
			continue
		}
		if s[i] == '*' && i+1 < n && s[i+1] == '/' {
			depth--
			i += 2
			if depth == 0 {
				return i, true
			}
			continue
		}
		i++
	}
	return n, false
}

// scanQuoted scans from j (just after the opening quote) to just after the
// closing quote; a doubled quote is an escaped quote; with backslash, \x
// escapes the next byte; closed is false when the input ends first.
func scanQuoted(s string, j int, q byte, backslash bool) (end int, closed bool) {
	n := len(s)
	for j < n {
		c := s[j]
		if backslash && c == '\\' {
			j += 2
			continue
		}
		if c == q {
			if j+1 < n && s[j+1] == q {
				j += 2
				continue
			}
			return j + 1, true
		}
		j++
	}
	return n, false
}

func scanNumber(s string, i int) int {
	n := len(s)
	j := i
	if s[j] == '0' && j+1 < n && (s[j+1] == 'x' || s[j+1] == 'X') {
		j += 2
		for j < n && (isDigit(s[j]) || s[j] >= 'a' && s[j] <= 'f' || s[j] >= 'A' && s[j] <= 'F' || s[j] == '_') {
			j++
		}
		return j
	}
	for j < n && (isDigit(s[j]) || s[j] == '_') {
		j++
	}
	if j < n && s[j] == '.' && !(j+1 < n && s[j+1] == '.') {
		j++
		for j < n && isDigit(s[j]) {
			j++
		}
	}
	if j < n && (s[j] == 'e' || s[j] == 'E') {
		k := j + 1
		if k < n && (s[k] == '+' || s[k] == '-') {
			k++
		}
		if k < n && isDigit(s[k]) {
			for k < n && isDigit(s[k]) {
				k++
			}
			j = k
		}
	}
	return j
}

// scanDollar recognises $tag$...$tag$ starting at i (ok); closed is false
// when the input ends before the closing tag.
func scanDollar(s string, i int) (end int, closed, ok bool) {
	n := len(s)
	j := i + 1
	for j < n && s[j] != '$' {
		if !(isIdentChar(s[j]) && s[j] != '$') || (j == i+1 && isDigit(s[j])) {
			return 0, false, false
		}
		j++
	}
	if j >= n {
		return 0, false, false
	}
	tag := s[i : j+1]
	k := strings.Index(s[j+1:], tag)
	if k < 0 {
		return n, false, true
	}
	return j + 1 + k + len(tag), true, true
}

// scanOp scans a PostgreSQL operator: the longest run of operator
// characters, stopping before -- or /*, and dropping trailing + or - unless
// the operator contains one of ~ ! @ # % ^ & | ` (PostgreSQL's rule).
func scanOp(s string, i int) int {
	n := len(s)
	j := i
	for j < n && isOpChar(s[j]) {
		if j > i && (s[j] == '-' && j+1 < n && s[j+1] == '-' || s[j] == '/' && j+1 < n && s[j+1] == '*') {
			break
		}
		if s[j] == '-' && j+1 < n && s[j+1] == '-' || s[j] == '/' && j+1 < n && s[j+1] == '*' {
			break
		}
		j++
	}
	if j == i {
		return i + 1
	}
	if j-i > 1 && !strings.ContainsAny(s[i:j], "~!@#%^&|`") {
		for j-i > 1 && (s[j-1] == '+' || s[j-1] == '-') {
			j--
		}
	}
	return j
}

// isTrivia: whitespace or comment.
func (t *token) trivia() bool { return t.typ == tSpace || t.typ == tComment }
