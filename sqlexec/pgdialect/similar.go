package pgdialect

import (
	"database/sql/driver"
	"regexp"
	"strings"
	"unicode/utf8"
)

// SIMILAR TO. `a [NOT] SIMILAR TO p [ESCAPE e]` is written as SQLite's
// `a [NOT] MATCH p [ESCAPE e]`, which calls match(p, a[, e]) with LIKE's
// precedence; match is SimilarTo, registered per connection by sqlexec
// (similar.go: SQLite's own match, two arguments, only serves full-text
// tables and an exact arity wins over a variadic registration). It converts the SQL regular expression to a Go one as
// PostgreSQL's similar_to_escape does: the whole string must match; % is
// .*, _ is ., ( ) | * + ? {m,n} and [...] are regular-expression syntax,
// other characters (. ^ $ \ included) are literal; the escape character
// (default \, none for ESCAPE ”) makes the next character literal. A
// pure function of its arguments, so usable in writes.

// similarWords rewrites SIMILAR TO at i (the SIMILAR token) as MATCH.
func (x *tx) similarWords(i int) {
	x.T(i).set("MATCH")
	x.T(i + 1).set("")
}

// similarToRegexp converts a SIMILAR TO pattern with escape character esc
// (0 for none) to an anchored Go regular expression.
func similarToRegexp(pat string, esc rune) string {
	var b strings.Builder
	b.WriteString(`(?s)^(?:`)
	inBracket, afterEsc := false, false
	for _, c := range pat {
		switch {
		case afterEsc:
			afterEsc = false
			if c == '"' {
				continue // the substring() markers: nothing for matching
			}
			b.WriteString(regexp.QuoteMeta(string(c)))
		case esc != 0 && c == esc:
			afterEsc = true
		case inBracket:
			if c == ']' {
				inBracket = false
			}
			if c == '\\' {
				b.WriteByte('\\')
			}
			b.WriteRune(c)
		case c == '[':
			inBracket = true
			b.WriteRune(c)
		case c == '%':
			b.WriteString(".*")
		case c == '_':
			b.WriteByte('.')
		case c == '(':
			b.WriteString("(?:")
		case strings.ContainsRune(")|*+?{}", c):
			b.WriteRune(c)
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	if afterEsc {
		b.WriteString(regexp.QuoteMeta(string(esc)))
	}
	b.WriteString(`)$`)
	return b.String()
}

// SimilarTo is match(pattern, value[, escape]): value SIMILAR TO pattern
// (true 1, false 0, NULL when an argument is).
func SimilarTo(a []driver.Value) (driver.Value, error) {
	if len(a) < 2 || len(a) > 3 {
		return nil, pgErr("42883", "function match does not exist")
	}
	if anyNull(a) {
		return nil, nil
	}
	esc := '\\'
	if len(a) == 3 {
		e := str(a[2])
		switch utf8.RuneCountInString(e) {
		case 0:
			esc = 0
		case 1:
			esc, _ = utf8.DecodeRuneInString(e)
		default:
			return nil, pgErr("22025", "invalid escape string")
		}
	}
	p := similarToRegexp(str(a[0]), esc)
	var re *regexp.Regexp
	if v, ok := reCache.Load(p); ok {
		re = v.(*regexp.Regexp)
	} else {
		var err error
		if re, err = regexp.Compile(p); err != nil {
			return nil, pgErr("2201B", "invalid regular expression: %v", err)
		}
		reCache.Store(p, re)
	}
	if re.MatchString(str(a[1])) {
		return int64(1), nil
	}
	return int64(0), nil
}
