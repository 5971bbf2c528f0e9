package pgwire

// netaddr.go: the binary wire forms of inet, cidr, macaddr and macaddr8
// (PostgreSQL's inet_send/inet_recv, macaddr_send/recv): drivers such as
// pgx ask for binary results of these types and may send parameters in
// it. The engine's values are the types' text output (the SQL dialect
// stores them canonical); a binary parameter becomes text that the
// types' input functions read.

import (
	"net/netip"
	"strconv"
	"strings"

	"github.com/raftsql/raftsql/pgwire/oid"
)

// PostgreSQL's address families on the wire (PGSQL_AF_INET, _INET6).
const (
	pgAFInet  = 2
	pgAFInet6 = 3
)

// encodeNetBinary is inet_send: family, mask length, is-cidr flag,
// address length, address.
func encodeNetBinary(s string, typeOID uint32) ([]byte, error) {
	addr, bits := s, -1
	if i := strings.IndexByte(s, '/'); i >= 0 {
		b, err := strconv.Atoi(s[i+1:])
		if err != nil {
			return nil, newErr(codeInvalidTextRep, "invalid input syntax for type %s: %q", oid.TypeName(typeOID), s)
		}
		addr, bits = s[:i], b
	}
	a, err := netip.ParseAddr(addr)
	if err != nil {
		return nil, newErr(codeInvalidTextRep, "invalid input syntax for type %s: %q", oid.TypeName(typeOID), s)
	}
	fam, raw := byte(pgAFInet), a.AsSlice()
	if a.Is6() {
		fam = pgAFInet6
	}
	if bits < 0 {
		bits = len(raw) * 8
	}
	cidr := byte(0)
	if typeOID == oid.Cidr {
		cidr = 1
	}
	return append([]byte{fam, byte(bits), cidr, byte(len(raw))}, raw...), nil
}

// decodeNetBinary is inet_recv: the value as inet text (an address, /bits
// when shorter than the address).
func decodeNetBinary(b []byte, typeOID uint32) (string, error) {
	bad := newErr(codeInvalidBinaryRep, "invalid external \"%s\" value", oid.TypeName(typeOID))
	if len(b) < 4 {
		return "", bad
	}
	fam, bits, n := b[0], int(b[1]), int(b[3])
	if fam != pgAFInet && fam != pgAFInet6 || fam == pgAFInet && n != 4 || fam == pgAFInet6 && n != 16 || len(b) != 4+n || bits > n*8 {
		return "", bad
	}
	a, _ := netip.AddrFromSlice(b[4:])
	if typeOID == oid.Cidr {
		if p, err := a.Prefix(bits); err != nil || p.Addr() != a {
			return "", bad // bits set right of the mask
		}
	}
	s := a.String()
	if bits != n*8 || typeOID == oid.Cidr {
		s += "/" + strconv.Itoa(bits)
	}
	return s, nil
}

// encodeMacBinary is macaddr_send / macaddr8_send: the bytes.
func encodeMacBinary(s string, typeOID uint32) ([]byte, error) {
	var out []byte
	for _, p := range strings.Split(s, ":") {
		v, err := strconv.ParseUint(p, 16, 8)
		if err != nil || len(p) != 2 {
			return nil, newErr(codeInvalidTextRep, "invalid input syntax for type %s: %q", oid.TypeName(typeOID), s)
		}
		out = append(out, byte(v))
	}
	if want := map[uint32]int{oid.Macaddr: 6, oid.Macaddr8: 8}[typeOID]; len(out) != want {
		return nil, newErr(codeInvalidTextRep, "invalid input syntax for type %s: %q", oid.TypeName(typeOID), s)
	}
	return out, nil
}

// decodeMacBinary is macaddr_recv / macaddr8_recv.
func decodeMacBinary(b []byte, typeOID uint32) (string, error) {
	if want := map[uint32]int{oid.Macaddr: 6, oid.Macaddr8: 8}[typeOID]; len(b) != want {
		return "", newErr(codeInvalidBinaryRep, "incorrect binary data format")
	}
	parts := make([]string, len(b))
	for i, c := range b {
		parts[i] = strconv.FormatUint(uint64(c)|0x100, 16)[1:]
	}
	return strings.Join(parts, ":"), nil
}
