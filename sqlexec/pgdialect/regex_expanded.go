package pgdialect

// regex_expanded.go: ARE's expanded syntax (flag x, embedded (?x)).
//
// PostgreSQL's lexer skips white space and #-comments (to the end of the
// line) before each token outside bracket expressions, also inside a
// bound {m,n}; a backslash keeps the next character (`\ ` is a space).
// stripExpanded removes them, so the rest is read as a pattern without
// the flag. Where ARE reads two characters as one token without skipping
// between them (`( ?:` is a group and then a quantifier there), the
// stripped text would join them: that is PostgreSQL's error. White space
// outside ASCII is the locale's: refused.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func stripExpanded(pat string, refuse func(string) error) (string, error) {
	var b strings.Builder
	for i := 0; i < len(pat); {
		c := pat[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == '#':
			j := i
			for j < len(pat) {
				if d := pat[j]; d == ' ' || d == '\t' || d == '\n' || d == '\v' || d == '\f' || d == '\r' {
					j++
				} else if d == '#' {
					for j < len(pat) && pat[j] != '\n' {
						j++
					}
				} else {
					break
				}
			}
			if j < len(pat) && pat[j] == '?' && strings.HasSuffix(b.String(), "(") {
				// ARE reads ( and then a ? quantifier with no operand
				return "", pgErr("2201B", "invalid regular expression: quantifier operand invalid")
			}
			i = j
		case c == '\\':
			if i+1 >= len(pat) {
				b.WriteByte(c)
				i++
				continue
			}
			_, w := utf8.DecodeRuneInString(pat[i+1:])
			b.WriteString(pat[i : i+1+w])
			i += 1 + w
		case c == '[':
			j := bracketEnd(pat, i)
			b.WriteString(pat[i:j])
			i = j
		case c >= utf8.RuneSelf:
			r, w := utf8.DecodeRuneInString(pat[i:])
			if unicode.IsSpace(r) {
				return "", refuse("white space outside ASCII under flag x")
			}
			b.WriteString(pat[i : i+w])
			i += w
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), nil
}

// bracketEnd is the index just past the bracket expression at pat[i] ==
// '[' (as areBracket reads it), or len(pat) when it is not closed.
func bracketEnd(pat string, i int) int {
	j := i + 1
	if j < len(pat) && pat[j] == '^' {
		j++
	}
	if j < len(pat) && pat[j] == ']' {
		j++
	}
	for j < len(pat) {
		switch c := pat[j]; {
		case c == ']':
			return j + 1
		case c == '[' && j+1 < len(pat) && (pat[j+1] == ':' || pat[j+1] == '.' || pat[j+1] == '='):
			end := strings.Index(pat[j+2:], string(pat[j+1])+"]")
			if end < 0 {
				return len(pat)
			}
			j += 2 + end + 2
		case c == '\\':
			j += 2
		default:
			j++
		}
	}
	return len(pat)
}
