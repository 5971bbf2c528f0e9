package pgdialect

// inet.go: the values of PostgreSQL's network address types inet and cidr,
// read and printed exactly as PostgreSQL 15's network.c and
// inet_net_pton.c / inet_cidr_ntop.c do, so that what a column stores is
// PostgreSQL's output text (its one canonical form: equality, unique
// indexes and the wire see what PostgreSQL shows) and every operator and
// function works on the parsed value. The quirks are PostgreSQL's and are
// kept: inet takes '10/8' and '1.2.3.4.' but not '10'; cidr takes the
// classful abbreviations ('10' is 10.0.0.0/8, '224' 224.0.0.0/4) and hex
// ('0x0a'); IPv6 output compresses the longest run of zero groups and
// prints an embedded IPv4 address for ::a.b.c.d and ::ffff:a.b.c.d.

import (
	"fmt"
	"strconv"
	"strings"
)

// netAddr is one inet or cidr value: the family, the mask length and the
// address (the first 4 bytes for IPv4, the rest zero).
type netAddr struct {
	v6   bool
	bits int
	addr [16]byte
}

// maxBits is 32 for IPv4, 128 for IPv6.
func (n netAddr) maxBits() int {
	if n.v6 {
		return 128
	}
	return 32
}

// size is the address's length in bytes.
func (n netAddr) size() int { return n.maxBits() / 8 }

// family is PostgreSQL's family() answer: 4 or 6.
func (n netAddr) family() int64 {
	if n.v6 {
		return 6
	}
	return 4
}

// errBadNet is any refusal of the address parsers; the caller words it.
var errBadNet = fmt.Errorf("invalid network address")

// parseNet reads s as PostgreSQL's network_in does for inet (cidr false)
// or cidr, returning its error: 22P02 invalid input syntax, or for a cidr
// with bits right of its mask 22P02 invalid cidr value with the DETAIL.
func parseNet(s string, cidr bool) (netAddr, error) {
	typ := "inet"
	if cidr {
		typ = "cidr"
	}
	var n netAddr
	var bits int
	var err error
	n.v6 = strings.IndexByte(s, ':') >= 0
	switch {
	case n.v6:
		bits, err = ptonIPv6(s, &n.addr)
	case cidr:
		bits, err = ptonCIDRv4(s, &n.addr)
	default:
		bits, err = ptonInetv4(s, &n.addr)
	}
	if err != nil || bits < 0 || bits > n.maxBits() || strings.IndexByte(s, 0) >= 0 {
		return n, pgErr("22P02", "invalid input syntax for type %s: \"%s\"", typ, s)
	}
	n.bits = bits
	if cidr && !n.hostZero() {
		return n, pgErrDetail("22P02", "Value has bits set to right of mask.", "invalid cidr value: \"%s\"", s)
	}
	return n, nil
}

// hostZero reports whether no bit right of the mask is set (addressOK).
func (n netAddr) hostZero() bool {
	for i := n.bits; i < n.maxBits(); i++ {
		if n.bit(i) {
			return false
		}
	}
	return true
}

// bit is the address bit i (0 the most significant).
func (n netAddr) bit(i int) bool { return n.addr[i/8]&(0x80>>(i%8)) != 0 }

func isDig(c byte) bool { return c >= '0' && c <= '9' }

// decOctets reads dotted decimal octets (each 0-255), the first digit
// ch, the rest from next (0 at the end), into dst from index o on, at
// most four in all: the count then and the character after the octets.
// With digitAfterDot a '.' must be followed by another octet
// (inet_cidr_pton_ipv4); without, a trailing '.' ends them
// (inet_net_pton_ipv4: '1.2.3.4.' is an inet).
func decOctets(ch byte, next func() byte, dst *[16]byte, o int, digitAfterDot bool) (int, byte, error) {
	for isDig(ch) {
		v := 0
		for {
			v = v*10 + int(ch-'0')
			if v > 255 {
				return 0, 0, errBadNet
			}
			if ch = next(); ch == 0 || !isDig(ch) {
				break
			}
		}
		if o == 4 {
			return 0, 0, errBadNet
		}
		dst[o] = byte(v)
		o++
		if ch == 0 || ch == '/' {
			break
		}
		if ch != '.' {
			return 0, 0, errBadNet
		}
		if ch = next(); digitAfterDot && !isDig(ch) {
			return 0, 0, errBadNet
		}
	}
	return o, ch, nil
}

// ptonInetv4 is inet_net_pton_ipv4: dotted decimal octets (up to 4, each
// 0-255), an optional /bits (0-32); without /bits all four octets are
// needed and the mask is /32; the octets given must cover /bits.
func ptonInetv4(s string, dst *[16]byte) (int, error) {
	i, o := 0, 0
	next := func() byte {
		if i < len(s) {
			c := s[i]
			i++
			return c
		}
		i++
		return 0
	}
	o, ch, err := decOctets(next(), next, dst, 0, false)
	if err != nil {
		return 0, err
	}
	bits := -1
	if ch == '/' && i < len(s) && isDig(s[i]) && o > 0 {
		b, err := readBits(s, &i, 32)
		if err != nil {
			return 0, err
		}
		bits, ch = b, 0
	}
	if ch != 0 || i < len(s) && bits < 0 {
		return 0, errBadNet
	}
	if bits == -1 {
		if o != 4 {
			return 0, errBadNet
		}
		bits = 32
	}
	if o == 0 || bits/8 > o {
		return 0, errBadNet
	}
	return bits, nil
}

// readBits reads the decimal mask length at s[*i:] to the end of s (it
// must end there), at most max.
func readBits(s string, i *int, max int) (int, error) {
	bits := 0
	for ; *i < len(s); *i++ {
		if !isDig(s[*i]) {
			return 0, errBadNet
		}
		bits = bits*10 + int(s[*i]-'0')
		if bits > 1000 {
			return 0, errBadNet
		}
	}
	if bits > max {
		return 0, errBadNet
	}
	return bits, nil
}

// ptonCIDRv4 is inet_cidr_pton_ipv4: hex (0x0a...) or dotted decimal with
// any number of octets up to 4, an optional /bits; without /bits the mask
// is the address's class (A /8, B /16, C /24, D /4 or /8+, E /32), widened
// to cover the octets given.
func ptonCIDRv4(s string, dst *[16]byte) (int, error) {
	i, o := 0, 0
	next := func() byte {
		if i < len(s) {
			c := s[i]
			i++
			return c
		}
		i++
		return 0
	}
	ch := next()
	switch {
	case ch == '0' && i+1 < len(s) && (s[i] == 'x' || s[i] == 'X') && isHex(s[i+1]):
		i++ // the x
		dirty, tmp := 0, 0
		for {
			ch = next()
			if ch == 0 || !isHex(ch) {
				break
			}
			tmp = tmp<<4 | hexVal(ch)
			dirty++
			if dirty == 2 {
				if o == 4 {
					return 0, errBadNet
				}
				dst[o] = byte(tmp)
				o++
				dirty, tmp = 0, 0
			}
		}
		if dirty > 0 {
			if o == 4 {
				return 0, errBadNet
			}
			dst[o] = byte(tmp << 4)
			o++
		}
	case isDig(ch):
		var err error
		if o, ch, err = decOctets(ch, next, dst, o, true); err != nil {
			return 0, err
		}
	default:
		return 0, errBadNet
	}
	bits := -1
	if ch == '/' && i < len(s) && isDig(s[i]) && o > 0 {
		b, err := readBits(s, &i, 32)
		if err != nil {
			return 0, err
		}
		bits, ch = b, 0
	}
	if ch != 0 || i < len(s) && bits < 0 {
		return 0, errBadNet
	}
	if o == 0 {
		return 0, errBadNet
	}
	if bits == -1 {
		switch first := dst[0]; {
		case first >= 240:
			bits = 32
		case first >= 224:
			bits = 8
		case first >= 192:
			bits = 24
		case first >= 128:
			bits = 16
		default:
			bits = 8
		}
		if bits < o*8 {
			bits = o * 8
		}
		if bits == 8 && dst[0] == 224 {
			bits = 4
		}
	}
	return bits, nil
}

// ptonIPv6 is inet_cidr_pton_ipv6: groups of up to 4 hex digits, one ::,
// an embedded dotted IPv4 address at the end, an optional /bits (0-128,
// no leading zeros); without /bits the mask is /128.
func ptonIPv6(s string, dst *[16]byte) (int, error) {
	var tmp [16]byte
	tp, colonp := 0, -1
	i := 0
	if i < len(s) && s[i] == ':' {
		i++
		if i >= len(s) || s[i] != ':' {
			return 0, errBadNet
		}
	}
	curtok := i
	sawX, val, digits, bits := false, 0, 0, -1
	for i < len(s) {
		ch := s[i]
		i++
		if isHex(ch) {
			val = val<<4 | hexVal(ch)
			digits++
			if digits > 4 {
				return 0, errBadNet
			}
			sawX = true
			continue
		}
		if ch == ':' {
			curtok = i
			if !sawX {
				if colonp >= 0 {
					return 0, errBadNet
				}
				colonp = tp
				continue
			} else if i >= len(s) {
				return 0, errBadNet
			}
			if tp+2 > 16 {
				return 0, errBadNet
			}
			tmp[tp], tmp[tp+1] = byte(val>>8), byte(val)
			tp += 2
			sawX, digits, val = false, 0, 0
			continue
		}
		if ch == '.' && tp+4 <= 16 {
			if v4, b, ok := getV4(s[curtok:]); ok {
				copy(tmp[tp:], v4[:])
				tp += 4
				sawX = false
				if b >= 0 {
					bits = b
				}
				break // getV4 read to the end
			}
		}
		if ch == '/' {
			if b, ok := getBits(s[i:]); ok {
				bits = b
				break
			}
		}
		return 0, errBadNet
	}
	if sawX {
		if tp+2 > 16 {
			return 0, errBadNet
		}
		tmp[tp], tmp[tp+1] = byte(val>>8), byte(val)
		tp += 2
	}
	if bits == -1 {
		bits = 128
	}
	if colonp >= 0 {
		if tp == 16 {
			return 0, errBadNet
		}
		n := tp - colonp
		for k := 1; k <= n; k++ {
			tmp[16-k] = tmp[colonp+n-k]
			tmp[colonp+n-k] = 0
		}
		tp = 16
	}
	if tp != 16 {
		return 0, errBadNet
	}
	*dst = tmp
	return bits, nil
}

// getBits is the /bits of an IPv6 address: decimal, no leading zero, at
// most 128.
func getBits(s string) (int, bool) {
	val := 0
	for k := 0; k < len(s); k++ {
		if !isDig(s[k]) {
			return 0, false
		}
		if k > 0 && val == 0 {
			return 0, false
		}
		val = val*10 + int(s[k]-'0')
		if val > 128 {
			return 0, false
		}
	}
	return val, len(s) > 0
}

// getV4 is getv4: the dotted IPv4 tail of an IPv6 address (up to four
// octets, no leading zeros, the missing ones zero, as PostgreSQL reads
// it), with its /bits (-1 when none).
func getV4(s string) (v4 [4]byte, bits int, ok bool) {
	bits = -1
	o, val, n := 0, 0, 0
	for k := 0; k < len(s); k++ {
		ch := s[k]
		switch {
		case isDig(ch):
			if n > 0 && val == 0 {
				return v4, bits, false
			}
			n++
			val = val*10 + int(ch-'0')
			if val > 255 {
				return v4, bits, false
			}
		case ch == '.' || ch == '/':
			if o > 3 {
				return v4, bits, false
			}
			v4[o] = byte(val)
			o++
			if ch == '/' {
				b, ok := getBits(s[k+1:])
				return v4, b, ok
			}
			val, n = 0, 0
		default:
			return v4, bits, false
		}
	}
	if n == 0 || o > 3 {
		return v4, bits, false
	}
	v4[o] = byte(val)
	return v4, bits, true
}

// String is PostgreSQL's output of the value as inet (cidr: cidrText).
func (n netAddr) String() string {
	var b strings.Builder
	if n.v6 {
		b.WriteString(ntopIPv6(n.addr))
	} else {
		for k := 0; k < 4; k++ {
			if k > 0 {
				b.WriteByte('.')
			}
			b.WriteString(strconv.Itoa(int(n.addr[k])))
		}
	}
	if n.bits != n.maxBits() {
		b.WriteString("/" + strconv.Itoa(n.bits))
	}
	return b.String()
}

// cidrText is the value's output as cidr: always with /bits.
func (n netAddr) cidrText() string {
	s := n.String()
	if n.bits == n.maxBits() {
		s += "/" + strconv.Itoa(n.bits)
	}
	return s
}

// ntopIPv6 is inet_net_ntop_ipv6's address: the longest run (the first
// of equals) of two or more zero groups as ::, an IPv4 tail for
// ::a.b.c.d and ::ffff:a.b.c.d.
func ntopIPv6(a [16]byte) string {
	var w [8]int
	for i := range w {
		w[i] = int(a[2*i])<<8 | int(a[2*i+1])
	}
	bestBase, bestLen, curBase, curLen := -1, 0, -1, 0
	for i := 0; i < 8; i++ {
		if w[i] == 0 {
			if curBase == -1 {
				curBase, curLen = i, 1
			} else {
				curLen++
			}
		} else if curBase != -1 {
			if bestBase == -1 || curLen > bestLen {
				bestBase, bestLen = curBase, curLen
			}
			curBase = -1
		}
	}
	if curBase != -1 && (bestBase == -1 || curLen > bestLen) {
		bestBase, bestLen = curBase, curLen
	}
	if bestBase != -1 && bestLen < 2 {
		bestBase = -1
	}
	var b strings.Builder
	for i := 0; i < 8; i++ {
		if bestBase != -1 && i >= bestBase && i < bestBase+bestLen {
			if i == bestBase {
				b.WriteByte(':')
			}
			continue
		}
		if i != 0 {
			b.WriteByte(':')
		}
		if i == 6 && bestBase == 0 && (bestLen == 6 || bestLen == 7 && w[7] != 1 || bestLen == 5 && w[5] == 0xffff) {
			fmt.Fprintf(&b, "%d.%d.%d.%d", a[12], a[13], a[14], a[15])
			break
		}
		b.WriteString(strconv.FormatInt(int64(w[i]), 16))
	}
	if bestBase != -1 && bestBase+bestLen == 8 {
		b.WriteByte(':')
	}
	return b.String()
}

// abbrevCIDR is abbrev(cidr): inet_cidr_ntop, which prints only the
// octets (IPv4) or groups (IPv6) the mask covers.
func (n netAddr) abbrevCIDR() string {
	if !n.v6 {
		var b strings.Builder
		if n.bits == 0 {
			b.WriteByte('0')
		}
		k := 0
		for ; k < n.bits/8; k++ {
			b.WriteString(strconv.Itoa(int(n.addr[k])))
			if k < n.bits/8-1 {
				b.WriteByte('.')
			}
		}
		if r := n.bits % 8; r > 0 {
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			m := byte(((1 << r) - 1) << (8 - r))
			b.WriteString(strconv.Itoa(int(n.addr[k] & m)))
		}
		return b.String() + "/" + strconv.Itoa(n.bits)
	}
	if n.bits == 0 {
		return "::/0"
	}
	var s [16]byte
	p := (n.bits + 7) / 8
	copy(s[:p], n.addr[:p])
	if r := n.bits % 8; r != 0 {
		s[p-1] &= byte(0xff << (8 - r))
	}
	words := (n.bits + 15) / 16
	if words == 1 {
		words = 2
	}
	zeroS, zeroL, tmpS, tmpL := 0, 0, 0, 0
	for i := 0; i < words*2; i += 2 {
		if s[i]|s[i+1] == 0 {
			if tmpL == 0 {
				tmpS = i / 2
			}
			tmpL++
		} else if tmpL != 0 && zeroL < tmpL {
			zeroS, zeroL, tmpL = tmpS, tmpL, 0
		}
	}
	if tmpL != 0 && zeroL < tmpL {
		zeroS, zeroL = tmpS, tmpL
	}
	isV4 := zeroL != words && zeroS == 0 && (zeroL == 6 || zeroL == 5 && s[10] == 0xff && s[11] == 0xff || zeroL == 7 && s[14] != 0 && s[15] != 1)
	var b strings.Builder
	k := 0
	for p := 0; p < words; p++ {
		if zeroL != 0 && p >= zeroS && p < zeroS+zeroL {
			if p == zeroS {
				b.WriteByte(':')
			}
			if p == words-1 {
				b.WriteByte(':')
			}
			k += 2
			continue
		}
		if isV4 && p > 5 {
			if p == 6 {
				b.WriteByte(':')
			} else {
				b.WriteByte('.')
			}
			b.WriteString(strconv.Itoa(int(s[k])))
			k++
			if p != 7 || n.bits > 120 {
				b.WriteByte('.')
				b.WriteString(strconv.Itoa(int(s[k])))
				k++
			}
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(':')
		}
		b.WriteString(strconv.FormatInt(int64(s[k])<<8|int64(s[k+1]), 16))
		k += 2
	}
	return b.String() + "/" + strconv.Itoa(n.bits)
}

// bitCmp compares the first bits bits of a's and b's addresses (bitncmp).
func bitCmp(a, b [16]byte, bits int) int {
	for i := 0; i < bits; i++ {
		x, y := a[i/8]&(0x80>>(i%8)), b[i/8]&(0x80>>(i%8))
		switch {
		case x == y:
		case x == 0:
			return -1
		default:
			return 1
		}
	}
	return 0
}

// compareNet is network_cmp: family (IPv4 first), the network bits both
// masks cover, the mask length, then the whole address. inet and cidr
// values compare alike.
func compareNet(a, b netAddr) int {
	if a.v6 != b.v6 {
		if a.v6 {
			return 1
		}
		return -1
	}
	if c := bitCmp(a.addr, b.addr, min(a.bits, b.bits)); c != 0 {
		return c
	}
	switch {
	case a.bits < b.bits:
		return -1
	case a.bits > b.bits:
		return 1
	}
	return bitCmp(a.addr, b.addr, a.maxBits())
}

// network is the value with the bits right of the mask cleared.
func (n netAddr) network() netAddr {
	for i := n.bits; i < n.maxBits(); i++ {
		n.addr[i/8] &^= 0x80 >> (i % 8)
	}
	return n
}
