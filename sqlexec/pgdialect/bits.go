package pgdialect

// bits.go: the values of PostgreSQL's bit(n) and bit varying(n): their
// input (a port of varbit.c's bit_in: 'b'/'x' prefixes, binary or hex
// digits, 22P02 naming the bad digit), the length coercion of the type's
// modifier (bit(n) pads or truncates in a cast and refuses another length
// on assignment, 22026; varbit(n) truncates in a cast and refuses a longer
// string on assignment, 22001), and the operators. A value is stored as
// its output text, one '0' or '1' per bit: SQLite's text order of those
// texts is PostgreSQL's bit_cmp (bitwise, then the shorter first: the
// padding zeros of bit_cmp's last byte compare as a shorter text's end
// does), so equality, ORDER BY, UNIQUE and indexes need no collation, and
// length, substring, position and || of the text are the bit string's.

import (
	"database/sql/driver"
	"strings"
	"unicode/utf8"
)

// parseBits reads the text of a bit string as bit_in does: a leading b
// or B reads binary digits, x or X hex digits (four bits each), anything
// else binary digits.
func parseBits(s string) (string, error) {
	hex := false
	if s != "" && (s[0] == 'b' || s[0] == 'B') {
		s = s[1:]
	} else if s != "" && (s[0] == 'x' || s[0] == 'X') {
		s, hex = s[1:], true
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if !hex {
			if c != '0' && c != '1' {
				return "", pgErr("22P02", "\"%s\" is not a valid binary digit", firstChar(s[i:]))
			}
			b.WriteByte(c)
			i++
			continue
		}
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			return "", pgErr("22P02", "\"%s\" is not a valid hexadecimal digit", firstChar(s[i:]))
		}
		for k := 3; k >= 0; k-- {
			b.WriteByte('0' + (v >> k & 1))
		}
		i++
	}
	return b.String(), nil
}

// firstChar is the first character of s (PostgreSQL names a multibyte
// digit whole).
func firstChar(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n]
}

// isBitText reports whether v is a stored bit string: a text of 0s and
// 1s (an inet, a macaddr or a number stored as text is never one).
func isBitText(v driver.Value) bool {
	s, ok := v.(string)
	if !ok {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '0' && s[i] != '1' {
			return false
		}
	}
	return true
}

// coerceBits applies the length n of bit(n) (varying false) or bit
// varying(n) to bits: explicit (a cast) pads bit(n) with zeros and
// truncates both, else (an assignment) another length of bit(n) is 22026
// and a longer varbit 22001. n < 0: no length.
func coerceBits(bits string, n int, varying, explicit bool) (string, error) {
	switch {
	case n < 0 || len(bits) == n || varying && len(bits) < n:
		return bits, nil
	case explicit && len(bits) > n:
		return bits[:n], nil
	case explicit:
		return bits + strings.Repeat("0", n-len(bits)), nil
	case varying:
		return "", pgErr("22001", "bit string too long for type bit varying(%d)", n)
	}
	return "", pgErr("22026", "bit string length %d does not match type bit(%d)", len(bits), n)
}

// bitOpNames are the words of PostgreSQL's 22026 for & | #.
var bitOpNames = map[string]string{"&": "AND", "|": "OR", "#": "XOR"}

// bitStringOp is op of the bit string x and y (a bit string for & | #,
// an integer count for << >>, nil for ~).
func bitStringOp(op, x string, y driver.Value) (driver.Value, error) {
	b := []byte(x)
	switch op {
	case "~":
		for i := range b {
			b[i] ^= 1
		}
		return string(b), nil
	case "<<", ">>":
		n, ok := y.(int64)
		if !ok {
			return nil, pgErr("42883", "operator does not exist: bit %s %s", op, valueTypeName(y))
		}
		if op == ">>" {
			n = -n
		}
		return shiftBits(x, n), nil
	}
	s, ok := y.(string)
	if !ok || !isBitText(y) {
		return nil, pgErr("42883", "operator does not exist: bit %s %s", op, valueTypeName(y))
	}
	if len(s) != len(x) {
		return nil, pgErr("22026", "cannot %s bit strings of different sizes", bitOpNames[op])
	}
	for i := range b {
		l, r := b[i]-'0', s[i]-'0'
		switch op {
		case "&":
			b[i] = '0' + (l & r)
		case "|":
			b[i] = '0' + (l | r)
		default:
			b[i] = '0' + (l ^ r)
		}
	}
	return string(b), nil
}

// shiftBits shifts x left by n bits (right when n < 0), zeros shifted in,
// the length kept.
func shiftBits(x string, n int64) string {
	l := int64(len(x))
	switch {
	case n >= l || n <= -l: // (no -n: n may be the smallest int64)
		return strings.Repeat("0", len(x))
	case n >= 0:
		return x[n:] + strings.Repeat("0", int(n))
	}
	return strings.Repeat("0", int(-n)) + x[:l+n]
}
