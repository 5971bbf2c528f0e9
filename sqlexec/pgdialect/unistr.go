package pgdialect

import (
	"database/sql/driver"
	"errors"
	"strconv"
	"strings"
	"unicode/utf16"

	"modernc.org/sqlite"
)

// fnUnistr is PostgreSQL's unistr(text), replacing SQLite's built-in of
// the same name: SQLite's dropped an unpaired UTF-16 surrogate or a code
// point past U+10FFFF silently ('wrong: \db99' was "wrong: ") and raised
// an internal XX000 for a bad escape. PostgreSQL's escapes are \\, \XXXX,
// \uXXXX, \+XXXXXX and \UXXXXXXXX; a bad one is 42601 (with its HINT),
// an unpaired or misordered surrogate 42601, a code point outside
// 1..10FFFF 22023.
func fnUnistr(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	s := str(a[0])
	var b strings.Builder
	pairFirst := rune(0)
	badPair := func() error { return pgErr("42601", "invalid Unicode surrogate pair") }
	hexAt := func(i, n int) (rune, bool) {
		if i+n > len(s) {
			return 0, false
		}
		for _, c := range []byte(s[i : i+n]) {
			if !isHex(c) {
				return 0, false
			}
		}
		v, err := strconv.ParseUint(s[i:i+n], 16, 32)
		return rune(v), err == nil
	}
	emit := func(r rune) error {
		switch {
		case utf16.IsSurrogate(r) && r < 0xdc00: // a first half
			if pairFirst != 0 {
				return badPair()
			}
			pairFirst = r
			return nil
		case utf16.IsSurrogate(r): // a second half
			if pairFirst == 0 {
				return badPair()
			}
			r = utf16.DecodeRune(pairFirst, r)
			pairFirst = 0
		case pairFirst != 0:
			return badPair()
		}
		if r <= 0 || r > 0x10ffff {
			return pgErr("22023", "invalid Unicode code point: %04X", r)
		}
		b.WriteRune(r)
		return nil
	}
	for i := 0; i < len(s); {
		if s[i] != '\\' {
			if pairFirst != 0 {
				return nil, badPair()
			}
			b.WriteByte(s[i])
			i++
			continue
		}
		var r rune
		var n int
		ok := false
		switch {
		case i+1 < len(s) && s[i+1] == '\\':
			b.WriteByte('\\')
			i += 2
			continue
		case i+1 < len(s) && s[i+1] == 'u':
			r, ok = hexAt(i+2, 4)
			n = 6
		case i+1 < len(s) && s[i+1] == '+':
			r, ok = hexAt(i+2, 6)
			n = 8
		case i+1 < len(s) && s[i+1] == 'U':
			r, ok = hexAt(i+2, 8)
			n = 10
		default:
			r, ok = hexAt(i+1, 4)
			n = 5
		}
		if !ok {
			return nil, errors.New(SQLStateText("42601", "invalid Unicode escape", "", `Unicode escapes must be \XXXX, \+XXXXXX, \uXXXX, or \UXXXXXXXX.`))
		}
		if r > 0x10ffff {
			return nil, pgErr("22023", "invalid Unicode code point: %04X", r)
		}
		if err := emit(r); err != nil {
			return nil, err
		}
		i += n
	}
	if pairFirst != 0 {
		return nil, badPair()
	}
	return b.String(), nil
}
