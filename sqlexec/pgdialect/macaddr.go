package pgdialect

// macaddr.go: PostgreSQL's MAC address types. A macaddr or macaddr8 is
// stored as PostgreSQL prints it (lower-case hex pairs joined by ':'),
// whose text order is the byte order PostgreSQL compares by, so the
// column needs no collation. The readers accept what mac.c and mac8.c
// accept: macaddr the seven sscanf patterns (08:00:2b:01:02:03,
// 08-00-2b-01-02-03, 08002b:010203, 08002b-010203, 0800.2b01.0203,
// 0800-2b01-0203, 08002b010203) with sscanf's blanks and signs, macaddr8
// 6 or 8 hex pairs with one separator (':', '-' or '.') used throughout
// (a 6-byte address gets ff:fe in its middle).

import (
	"fmt"
	"strings"
)

// macPatterns are macaddr_in's sscanf formats: each field a %x of the
// width (0: unlimited) followed by its literal separator.
var macPatterns = []struct {
	width int
	sep   [6]string
}{
	{0, [6]string{":", ":", ":", ":", ":", ""}},
	{0, [6]string{"-", "-", "-", "-", "-", ""}},
	{2, [6]string{"", "", ":", "", "", ""}},
	{2, [6]string{"", "", "-", "", "", ""}},
	{2, [6]string{"", ".", "", ".", "", ""}},
	{2, [6]string{"", "-", "", "-", "", ""}},
	{2, [6]string{"", "", "", "", "", ""}},
}

// parseMacaddr is macaddr_in: 22P02 for no pattern, 22003 for an octet
// past 255 (or negative).
func parseMacaddr(s string) ([6]byte, error) {
	var out [6]byte
	for _, p := range macPatterns {
		var v [6]int64
		i, ok := 0, true
		for f := 0; f < 6 && ok; f++ {
			v[f], i, ok = scanHexField(s, i, p.width)
			if ok && p.sep[f] != "" {
				ok = strings.HasPrefix(s[i:], p.sep[f])
				i += len(p.sep[f])
			}
		}
		if !ok || strings.TrimLeft(s[i:], " \t\n\r\v\f") != "" {
			continue
		}
		for f := range v {
			if v[f] < 0 || v[f] > 255 {
				return out, pgErr("22003", "invalid octet value in \"macaddr\" value: \"%s\"", s)
			}
			out[f] = byte(v[f])
		}
		return out, nil
	}
	return out, pgErr("22P02", "invalid input syntax for type macaddr: \"%s\"", s)
}

// scanHexField is sscanf's %x (width: at most that many characters, 0 for
// any) at s[i:]: blanks skipped, an optional sign and 0x, hex digits
// (glibc's: the width counts the sign and the 0x, not the blanks). A
// value past 32 bits is -1 (out of range for a caller wanting 0-255).
func scanHexField(s string, i, width int) (int64, int, bool) {
	for i < len(s) && strings.IndexByte(" \t\n\r\v\f", s[i]) >= 0 {
		i++
	}
	limit := len(s)
	if width > 0 && i+width < limit {
		limit = i + width
	}
	neg := false
	if i < limit && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	prefixed := false
	if i+1 < limit && s[i] == '0' && (s[i+1] == 'x' || s[i+1] == 'X') {
		i += 2 // glibc takes "0x" even with no digit after it: the value is 0
		prefixed = true
	}
	start := i
	var v int64
	for i < limit && isHex(s[i]) {
		if v < 1<<32 {
			v = v<<4 | int64(hexVal(s[i]))
		}
		i++
	}
	if i == start && !prefixed {
		return 0, i, false
	}
	if v >= 1<<32 {
		return -1, i, true
	}
	if neg {
		v = -v
	}
	return v, i, true
}

// parseMacaddr8 is macaddr8_in.
func parseMacaddr8(s string) ([8]byte, error) {
	var out [8]byte
	bad := pgErr("22P02", "invalid input syntax for type macaddr8: \"%s\"", s)
	isSpace := func(c byte) bool { return strings.IndexByte(" \t\n\r\v\f", c) >= 0 }
	p := 0
	for p < len(s) && isSpace(s[p]) {
		p++
	}
	count := 0
	var spacer byte
	for p+1 < len(s) {
		count++
		if count > 8 || !isHex(s[p]) || !isHex(s[p+1]) {
			return out, bad
		}
		out[count-1] = byte(hexVal(s[p])<<4 | hexVal(s[p+1]))
		p += 2
		if p < len(s) && (s[p] == ':' || s[p] == '-' || s[p] == '.') {
			if spacer == 0 {
				spacer = s[p]
			} else if spacer != s[p] {
				return out, bad
			}
			p++
		}
		if (count == 6 || count == 8) && p < len(s) && isSpace(s[p]) {
			for p < len(s) && isSpace(s[p]) {
				p++
			}
			if p < len(s) {
				return out, bad
			}
		}
	}
	switch count {
	case 6:
		return [8]byte{out[0], out[1], out[2], 0xff, 0xfe, out[3], out[4], out[5]}, nil
	case 8:
		return out, nil
	}
	return out, bad
}

// macText is the output of a MAC address: hex pairs joined by ':'.
func macText(b []byte) string {
	var sb strings.Builder
	for i, c := range b {
		if i > 0 {
			sb.WriteByte(':')
		}
		fmt.Fprintf(&sb, "%02x", c)
	}
	return sb.String()
}
