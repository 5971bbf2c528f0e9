package pgdialect

import (
	"database/sql/driver"
	"strings"
	"unicode"
	"unicode/utf8"

	sqlite "modernc.org/sqlite"
)

// LIKE, ILIKE and case mapping as in PostgreSQL.
//
// SQLite's LIKE ignores ASCII case, has no default escape character and
// its upper()/lower() map ASCII only. PostgreSQL's LIKE is case-sensitive
// with backslash as the default escape; ILIKE folds case, and upper(),
// lower() and initcap() map every Unicode letter. SQLite compiles
// "x LIKE p [ESCAPE e]" to like(p, x[, e]) and "x GLOB p [ESCAPE e]" to
// glob(p, x[, e]), so registering like() (replacing SQLite's) gives LIKE
// PostgreSQL's meaning, and ILIKE is translated to GLOB with glob()
// replaced by the case-folding match (PostgreSQL has no GLOB, so nothing
// else reaches it). All are pure functions of their arguments: registered
// deterministic, they may run in writes on every node.

// likeFuncs are registered by register (funcs.go).
var likeFuncs = map[string]struct {
	n int32
	f fn
}{
	"like":    {-1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return likeFn(a, false) }},
	"glob":    {-1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return likeFn(a, true) }},
	"upper":   {1, caseFn(strings.ToUpper)},
	"lower":   {1, caseFn(strings.ToLower)},
	"initcap": {1, caseFn(initcap)},
}

func caseFn(f func(string) string) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if a[0] == nil {
			return nil, nil
		}
		return f(str(a[0])), nil
	}
}

// likeFn is like(pattern, s[, escape]) / glob(...) for ILIKE.
func likeFn(a []driver.Value, fold bool) (driver.Value, error) {
	if len(a) < 2 || len(a) > 3 {
		return nil, pgErr("42883", "function like() takes 2 or 3 arguments")
	}
	for _, v := range a {
		if v == nil {
			return nil, nil
		}
	}
	esc, hasEsc := '\\', true
	if len(a) == 3 {
		e := str(a[2])
		switch utf8.RuneCountInString(e) {
		case 0:
			hasEsc = false
		case 1:
			esc, _ = utf8.DecodeRuneInString(e)
		default:
			return nil, pgErr("22025", "invalid escape string")
		}
	}
	p, s := str(a[0]), str(a[1])
	if fold {
		p, s = foldCase(p), foldCase(s)
	}
	ok, err := likeMatch([]rune(s), []rune(p), esc, hasEsc)
	if err != nil {
		return nil, err
	}
	if ok {
		return int64(1), nil
	}
	return int64(0), nil
}

// foldCase maps s for ILIKE: PostgreSQL lowers both sides.
func foldCase(s string) string { return strings.ToLower(s) }

// likeMatch matches s against the LIKE pattern p (% any run, _ one
// character, esc quotes the next character).
func likeMatch(s, p []rune, esc rune, hasEsc bool) (bool, error) {
	// Iterative matching with backtracking to the last %.
	si, pi := 0, 0
	starP, starS := -1, 0
	for si < len(s) {
		if pi < len(p) {
			c := p[pi]
			switch {
			case hasEsc && c == esc:
				if pi+1 >= len(p) {
					return false, errLikeEscape
				}
				if p[pi+1] == s[si] {
					si, pi = si+1, pi+2
					continue
				}
			case c == '%':
				starP, starS = pi, si
				pi++
				continue
			case c == '_' || c == s[si]:
				si, pi = si+1, pi+1
				continue
			}
		}
		if starP < 0 {
			return false, nil
		}
		starS++
		si, pi = starS, starP+1
	}
	// the text is used up: a match when only %s remain; an escape at the
	// pattern's end is no error here (PostgreSQL's MatchText raises it
	// only when it reads the escape against a character of the text)
	for pi < len(p) {
		if p[pi] != '%' {
			return false, nil
		}
		pi++
	}
	return true, nil
}

var errLikeEscape = pgErr("22025", "LIKE pattern must not end with escape character")

// initcap: the first letter of each run of letters and digits upper case,
// the others lower case (PostgreSQL's initcap).
func initcap(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	inWord := false
	for _, r := range s {
		if inWord {
			b.WriteRune(unicode.ToLower(r))
		} else {
			b.WriteRune(unicode.ToUpper(r))
		}
		inWord = unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return b.String()
}
