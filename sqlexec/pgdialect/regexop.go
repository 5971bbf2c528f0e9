package pgdialect

// regexop.go: the operators ~, ~*, !~ and !~*, which the translation
// writes as SQLite's REGEXP (expr.go rewriteOp): x REGEXP p calls
// regexp(p, x). The pattern is PostgreSQL's ARE read by pgRegexp
// (regexfuncs.go), so the operators match exactly as regexp_match does
// (a newline is an ordinary character for ., ARE's prefixes and embedded
// options, \d and \s) and refuse with 0A000 what RE2 cannot reproduce;
// RE2's own syntax was read before (`E'a\nb' ~ 'a.b'` was false, `\m`
// an XX000).
//
// ~* prepends icaseMarker to the pattern: bytes no PostgreSQL text holds
// (0xFF is never UTF-8), so no pattern a client writes can look like it.
// Patterns stored by earlier translations begin with (?i) instead, which
// ARE reads as the same embedded option.

import (
	"database/sql/driver"
	"strings"
	"sync"

	"modernc.org/sqlite"
)

// icaseMarker starts the pattern of ~* (expr.go writes it as the SQLite
// blob literal icaseMarkerSQL cast to text).
const (
	icaseMarker    = "\xff\x01"
	icaseMarkerSQL = "CAST(x'ff01' AS TEXT)"
)

// opCache holds the compiled patterns of the operators, by flags and
// pattern (a pattern is compiled once per process, as before).
var opCache sync.Map

type opRE struct {
	re  *pgRE
	err error
}

// fnRegexp is regexp(pattern, value): 1 when value matches pattern, NULL
// for a NULL argument.
func fnRegexp(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	p, flags, op := str(a[0]), "", "~"
	if strings.HasPrefix(p, icaseMarker) {
		p, flags, op = p[len(icaseMarker):], "i", "~*"
	}
	key := flags + "\x00" + p
	v, ok := opCache.Load(key)
	if !ok {
		r, err := pgRegexp(op, p, flags)
		v = opRE{r, err}
		opCache.Store(key, v)
	}
	c := v.(opRE)
	if c.err != nil {
		return nil, c.err
	}
	s := str(a[1])
	if err := c.re.checkSubject(op, s); err != nil {
		return nil, err
	}
	if c.re.re.MatchString(s) {
		return int64(1), nil
	}
	return int64(0), nil
}
