package pgdialect

import (
	"strings"
	"unicode/utf8"
)

// Checks of PostgreSQL's lexer that SQLite's does not make, so the
// statement would otherwise run with another meaning or reach an error
// path that has no name to report.

// checkIdents refuses a zero-length delimited identifier ("") as
// PostgreSQL does (42601): SQLite takes it for an empty string or an
// unnamed column.
func (x *tx) checkIdents() error {
	for i := 0; i < x.n(); i++ {
		if t := x.T(i); t.typ == tQIdent && t.text == `""` {
			return syntaxErr(x.charPos(i), "zero-length delimited identifier at or near \"%s\"", t.text)
		}
	}
	return nil
}

// checkNumbers refuses a numeric literal with trailing junk as PostgreSQL
// 15 does (42601): an identifier written against it (.5e, 1AND, 1.5e3x),
// and the hexadecimal and underscore forms PostgreSQL 15 does not have
// (0x1F, 1_000), and a numeric constant past numeric's limits (22003).
// SQLite reads some as a number and an alias (SELECT .5e
// is 0.5 named e), others as a number PostgreSQL 15 never accepts.
func (x *tx) checkNumbers() error {
	for i := 0; i < x.n(); i++ {
		t := x.T(i)
		if t.typ != tNumber {
			continue
		}
		junk := strings.HasPrefix(t.text, "0x") || strings.HasPrefix(t.text, "0X") || strings.Contains(t.text, "_")
		near := t.text
		if next := x.T(i + 1); next.typ == tIdent && next.pos == t.pos+len(t.text) {
			junk, near = true, near+next.text
			// 1e+ : PostgreSQL names the exponent's sign with it
			if end := next.pos + len(next.text); strings.EqualFold(next.text, "e") && end < len(x.src) && (x.src[end] == '+' || x.src[end] == '-') {
				near += x.src[end : end+1]
			}
		}
		if junk {
			return syntaxErr(x.charPos(i), "trailing junk after numeric literal at or near \"%s\"", near)
		}
		if code := numberTextCode(t.text); code != "" {
			// PostgreSQL reads the constant when it parses the
			// statement: 1e131072 is refused even where unused.
			return &Error{Code: code, Message: numericLimitMessage(code), Position: x.charPos(i)}
		}
	}
	return nil
}

// charPos is the 1-based character (not byte) position of token i in the
// statement, as PostgreSQL reports error positions.
func (x *tx) charPos(i int) int {
	p := x.T(i).pos
	if p < 0 {
		return 0 // past the end: no position (as before)
	}
	if p > len(x.src) {
		p = len(x.src)
	}
	return utf8.RuneCountInString(x.src[:p]) + 1
}

// checkLexical (toks: lex(sql)) refuses an unterminated quoted string, quoted identifier,
// dollar-quoted string or block comment as PostgreSQL's scanner does
// (42601, at or near the rest of the input from where it opens). SQLite
// reads some of them another way (an open comment ends the statement, an
// open dollar quote is a parameter) and words the others as its own
// tokenizer's error about the translated text.
func checkLexical(sql string, toks []token) error {
	for _, t := range toks {
		if !t.open {
			continue
		}
		var what string
		start := t.pos
		switch {
		case t.typ == tComment:
			what = "unterminated /* comment"
		case t.typ == tDollar:
			what = "unterminated dollar-quoted string"
		case t.typ == tQIdent && t.text[0] != '`':
			what = "unterminated quoted identifier"
		case t.typ == tString && (t.text[0] == 'B' || t.text[0] == 'b'):
			what = "unterminated bit string literal"
		case t.typ == tString && (t.text[0] == 'X' || t.text[0] == 'x'):
			what = "unterminated hexadecimal string literal"
		case t.typ == tString:
			what = "unterminated quoted string"
			if t.text[0] == 'N' || t.text[0] == 'n' {
				start++ // PostgreSQL's scanner reads N apart from the quote
			}
		default:
			continue // a `backtick` name (not PostgreSQL's): SQLite's error
		}
		return syntaxErr(utf8.RuneCountInString(sql[:start])+1, "%s at or near \"%s\"", what, sql[start:])
	}
	return nil
}
