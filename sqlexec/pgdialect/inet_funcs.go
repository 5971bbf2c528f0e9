package pgdialect

// inet_funcs.go: the SQL side of the network address types (inet.go,
// macaddr.go): their input functions (enforce.go's netIn family), casts,
// the pg_inet collation that orders inet and cidr columns as PostgreSQL
// does, and the functions and operators PostgreSQL 15 defines on them.
// All are pure functions of their arguments (deterministic, on the write
// allow-list), registered with the driver for every connection.
//
// inet and cidr are stored as their output text, whose text order is not
// PostgreSQL's (family, network bits, mask length, then host bits:
// '10.0.0.0/8' before '9.0.0.0/16' before '10.0.0.1'), so their columns
// are declared COLLATE pg_inet, as interval's and jsonb's are
// (type_collations.go), and a cast to them carries it. macaddr and
// macaddr8 print fixed-width lower-case hex, whose text order is
// PostgreSQL's byte order; their collation pg_macaddr makes other
// spellings of a literal compare equal.

import (
	"bytes"
	"database/sql/driver"
	"fmt"
	"math/big"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

// InetCollation is the collation of inet and cidr columns and casts.
const InetCollation = "pg_inet"

// MacaddrCollation is the collation of macaddr and macaddr8 columns and
// casts: their stored text already sorts as PostgreSQL's bytes, but a
// value compared with a literal in another spelling (mac = '08002b010203'
// beside a cast or in a join, where the literal is not converted) must
// find it, as PostgreSQL reads the literal as a macaddr.
const MacaddrCollation = "pg_macaddr"

// netCollation is the collation of the network type o.
func netCollation(o uint32) string {
	if o == pgoid.Macaddr || o == pgoid.Macaddr8 {
		return MacaddrCollation
	}
	return InetCollation
}

// compareMacText is the pg_macaddr collation: the bytes of the addresses
// (a 6-byte one as macaddr8 reads it, ff:fe in its middle, which keeps
// the order of 6-byte addresses); texts no address after every address.
func compareMacText(a, b string) int {
	return compareParsed(a, b, func(s string) ([8]byte, error) {
		if m, err := parseMacaddr(s); err == nil {
			return [8]byte{m[0], m[1], m[2], 0xff, 0xfe, m[3], m[4], m[5]}, nil
		}
		return parseMacaddr8(s)
	}, func(x, y [8]byte) int { return bytes.Compare(x[:], y[:]) }) // type_collations.go
}

// netIn is the network family of input functions (enforce.go).
var netIn = map[string]fn{
	"pg_in_inet":     inWrap(fnCastInet),
	"pg_in_cidr":     inWrap(fnCastCIDR),
	"pg_in_macaddr":  inWrap(fnCastMacaddr),
	"pg_in_macaddr8": inWrap(fnCastMacaddr8),
}

// netTypeName is the type's name in PostgreSQL's messages.
var netTypeName = map[uint32]string{pgoid.Inet: "inet", pgoid.Cidr: "cidr", pgoid.Macaddr: "macaddr", pgoid.Macaddr8: "macaddr8"}

// netText is a text argument of a network type's input; a number is
// 42846 as PostgreSQL's cast of one is.
func netText(v driver.Value, typ string) (string, error) {
	switch v.(type) {
	case int64:
		return "", pgErr("42846", "cannot cast type integer to %s", typ)
	case float64:
		return "", pgErr("42846", "cannot cast type numeric to %s", typ)
	}
	return str(v), nil
}

func fnCastInet(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	s, err := netText(a[0], "inet")
	if err != nil {
		return nil, err
	}
	n, err := parseNet(s, false)
	if err != nil {
		return nil, err
	}
	return n.String(), nil
}

func fnCastCIDR(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	s, err := netText(a[0], "cidr")
	if err != nil {
		return nil, err
	}
	n, err := parseNet(s, true)
	if err != nil {
		return nil, err
	}
	return n.cidrText(), nil
}

func fnCastMacaddr(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	s, err := netText(a[0], "macaddr")
	if err != nil {
		return nil, err
	}
	m, err := parseMacaddr(s)
	if err != nil {
		return nil, err
	}
	return macText(m[:]), nil
}

func fnCastMacaddr8(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	s, err := netText(a[0], "macaddr8")
	if err != nil {
		return nil, err
	}
	m, err := parseMacaddr8(s)
	if err != nil {
		return nil, err
	}
	return macText(m[:]), nil
}

// fnCastFrom is pg_cast_net_from(value, target, source): the cast of a
// value of type source (a declared type, 'inet', or NULL: text) to the
// network type target, which for inet -> cidr keeps the network
// (PostgreSQL's cidr(inet)) and for macaddr8 -> macaddr drops the ff:fe,
// where reading the text would refuse it.
func fnCastFrom(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	src := uint32(0)
	if a[2] != nil {
		src, _ = DeclTypeOID(str(a[2]))
	}
	switch str(a[1]) {
	case "cidr":
		if src == pgoid.Inet {
			n, err := netArg(a[0])
			if err != nil {
				return nil, err
			}
			return n.network().cidrText(), nil
		}
		return fnCastCIDR(nil, a[:1])
	case "inet":
		return fnCastInet(nil, a[:1])
	case "macaddr":
		if src == pgoid.Macaddr8 {
			m, err := parseMacaddr8(str(a[0]))
			if err != nil {
				return nil, err
			}
			if m[3] != 0xff || m[4] != 0xfe {
				return nil, pgErr("22003", "macaddr8 data out of range to convert to macaddr%s%s", hintMarker,
					"Only addresses that have FF and FE as values in the 4th and 5th bytes from the left, for example xx:xx:xx:ff:fe:xx:xx:xx, are eligible to be converted from macaddr8 to macaddr.")
			}
			return macText([]byte{m[0], m[1], m[2], m[5], m[6], m[7]}), nil
		}
		return fnCastMacaddr(nil, a[:1])
	}
	return fnCastMacaddr8(nil, a[:1])
}

// netArg reads a stored inet or cidr value (any text inet input takes).
func netArg(v driver.Value) (netAddr, error) {
	s, err := netText(v, "inet")
	if err != nil {
		return netAddr{}, err
	}
	return parseNet(s, false)
}

// compareNetText is the pg_inet collation: network_cmp of the parsed
// values; texts no inet (nothing an inet or cidr column stores) sort after
// every address, among themselves as text.
func compareNetText(a, b string) int {
	return compareParsed(a, b, func(s string) (netAddr, error) { return parseNet(s, false) }, compareNet) // type_collations.go
}

// netFuncs are the functions on inet and cidr values, and the operators'
// functions (inet_translate.go).
// netFunc is one registered function of the network types: its argument
// count and body.
type netFunc struct {
	n int32
	f fn
}

var netFuncs = map[string]netFunc{
	"host":                {1, netFn(func(n netAddr) (driver.Value, error) { n.bits = n.maxBits(); return n.String(), nil })},
	"pg_inet_text":        {1, netFn(func(n netAddr) (driver.Value, error) { return n.cidrText(), nil })},
	"masklen":             {1, netFn(func(n netAddr) (driver.Value, error) { return int64(n.bits), nil })},
	"family":              {1, netFn(func(n netAddr) (driver.Value, error) { return n.family(), nil })},
	"network":             {1, netFn(func(n netAddr) (driver.Value, error) { return n.network().cidrText(), nil })},
	"netmask":             {1, netFn(func(n netAddr) (driver.Value, error) { return n.mask(false).String(), nil })},
	"hostmask":            {1, netFn(func(n netAddr) (driver.Value, error) { return n.mask(true).String(), nil })},
	"broadcast":           {1, netFn(broadcast)},
	"pg_inet_abbrev":      {2, fnAbbrev},
	"pg_set_masklen":      {3, fnSetMasklen},
	"inet_same_family":    {2, netFn2(func(a, b netAddr) (driver.Value, error) { return int64(btoi(a.v6 == b.v6)), nil })},
	"inet_merge":          {2, netFn2(inetMerge)},
	"pg_net_contained":    {2, netFn2(netSubsetOp(func(a, b netAddr) bool { return a.bits > b.bits }))},   // <<
	"pg_net_contained_eq": {2, netFn2(netSubsetOp(func(a, b netAddr) bool { return a.bits >= b.bits }))},  // <<=
	"pg_net_contains":     {2, netFn2(netSubsetOp2(func(a, b netAddr) bool { return a.bits < b.bits }))},  // >>
	"pg_net_contains_eq":  {2, netFn2(netSubsetOp2(func(a, b netAddr) bool { return a.bits <= b.bits }))}, // >>=
	"pg_net_overlap":      {2, netFn2(netOverlap)},                                                        // &&
	"pg_net_and":          {2, netFn2(func(a, b netAddr) (driver.Value, error) { return netBitwise(a, b, "AND") })},
	"pg_net_or":           {2, netFn2(func(a, b netAddr) (driver.Value, error) { return netBitwise(a, b, "OR") })},
	"pg_net_not":          {1, netFn(netNot)},
	"pg_net_add":          {2, fnNetAdd},
	"pg_net_minus":        {2, fnNetMinus}, // inet - int8 or inet - inet, decided by the values
	"pg_net_minus_int":    {2, fnNetMinus}, // inet - int8
	"pg_net_diff":         {2, fnNetMinus}, // inet - inet
	"pg_cast_inet":        {1, fnCastInet},
	"pg_cast_cidr":        {1, fnCastCIDR},
	"pg_cast_macaddr":     {1, fnCastMacaddr},
	"pg_cast_macaddr8":    {1, fnCastMacaddr8},
	"pg_cast_net_from":    {3, fnCastFrom},
	"pg_macaddr_trunc":    {1, fnMacTrunc},
	"macaddr8_set7bit":    {1, fnMacSet7bit},
}

// netFn adapts a function of one inet or cidr value (strict: NULL gives
// NULL).
func netFn(f func(netAddr) (driver.Value, error)) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if a[0] == nil {
			return nil, nil
		}
		n, err := netArg(a[0])
		if err != nil {
			return nil, err
		}
		return f(n)
	}
}

// netFn2 adapts a function of two inet or cidr values.
func netFn2(f func(a, b netAddr) (driver.Value, error)) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if a[0] == nil || a[1] == nil {
			return nil, nil
		}
		x, err := netArg(a[0])
		if err != nil {
			return nil, err
		}
		y, err := netArg(a[1])
		if err != nil {
			return nil, err
		}
		return f(x, y)
	}
}

// mask is netmask (host false: the mask bits set) or hostmask (the bits
// right of the mask set), of the full length.
func (n netAddr) mask(host bool) netAddr {
	m := netAddr{v6: n.v6, bits: n.maxBits()}
	for i := 0; i < n.maxBits(); i++ {
		if (i < n.bits) != host {
			m.addr[i/8] |= 0x80 >> (i % 8)
		}
	}
	return m
}

func broadcast(n netAddr) (driver.Value, error) {
	for i := n.bits; i < n.maxBits(); i++ {
		n.addr[i/8] |= 0x80 >> (i % 8)
	}
	return n.String(), nil
}

// fnAbbrev is abbrev(x) of a value of type typ ('cidr' or 'inet', a
// declared type): cidr prints only the octets its mask covers.
func fnAbbrev(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	if o, _ := DeclTypeOID(str(a[1])); o != pgoid.Inet && o != pgoid.Cidr {
		return nil, pgErr("0A000", "abbrev of an expression whose type is not known to be inet or cidr is not supported: cast it (::inet or ::cidr)")
	} else if o == pgoid.Cidr {
		n, err := netArg(a[0])
		if err != nil {
			return nil, err
		}
		return n.abbrevCIDR(), nil
	}
	n, err := netArg(a[0])
	if err != nil {
		return nil, err
	}
	return n.String(), nil
}

// fnSetMasklen is set_masklen(x, len) of a value of type typ: -1 is the
// full length; a cidr's bits right of the new mask are cleared.
func fnSetMasklen(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	o, _ := DeclTypeOID(str(a[2]))
	if o != pgoid.Inet && o != pgoid.Cidr {
		return nil, pgErr("0A000", "set_masklen of an expression whose type is not known to be inet or cidr is not supported: cast it (::inet or ::cidr)")
	}
	n, err := netArg(a[0])
	if err != nil {
		return nil, err
	}
	bits, ok := a[1].(int64)
	if !ok {
		return nil, pgErr("42883", "function set_masklen(%s, unknown) does not exist", netTypeName[o])
	}
	if bits == -1 {
		bits = int64(n.maxBits())
	}
	if bits < 0 || bits > int64(n.maxBits()) {
		return nil, pgErr("22023", "invalid mask length: %d", a[1].(int64))
	}
	n.bits = int(bits)
	if o == pgoid.Cidr {
		return n.network().cidrText(), nil
	}
	return n.String(), nil
}

// inetMerge is inet_merge: the smallest network holding both.
func inetMerge(a, b netAddr) (driver.Value, error) {
	if a.v6 != b.v6 {
		return nil, pgErr("22023", "cannot merge addresses from different families")
	}
	bits := min(a.bits, b.bits)
	for i := 0; i < bits; i++ {
		if a.bit(i) != b.bit(i) {
			bits = i
			break
		}
	}
	a.bits = bits
	return a.network().cidrText(), nil
}

// netSubsetOp is << / <<=: a inside b (the same family, a's mask longer
// (or as long), a's network bits b's).
func netSubsetOp(longer func(a, b netAddr) bool) func(a, b netAddr) (driver.Value, error) {
	return func(a, b netAddr) (driver.Value, error) {
		return int64(btoi(a.v6 == b.v6 && longer(a, b) && bitCmp(a.addr, b.addr, b.bits) == 0)), nil
	}
}

// netSubsetOp2 is >> / >>=: b inside a.
func netSubsetOp2(shorter func(a, b netAddr) bool) func(a, b netAddr) (driver.Value, error) {
	return func(a, b netAddr) (driver.Value, error) {
		return int64(btoi(a.v6 == b.v6 && shorter(a, b) && bitCmp(a.addr, b.addr, a.bits) == 0)), nil
	}
}

func netOverlap(a, b netAddr) (driver.Value, error) {
	return int64(btoi(a.v6 == b.v6 && bitCmp(a.addr, b.addr, min(a.bits, b.bits)) == 0)), nil
}

// netBitwise is inet & inet and inet | inet: the longer mask is kept.
func netBitwise(a, b netAddr, what string) (driver.Value, error) {
	if a.v6 != b.v6 {
		return nil, pgErr("22023", "cannot %s inet values of different sizes", what)
	}
	for i := range a.addr {
		if what == "AND" {
			a.addr[i] &= b.addr[i]
		} else {
			a.addr[i] |= b.addr[i]
		}
	}
	a.bits = max(a.bits, b.bits)
	return a.String(), nil
}

func netNot(n netAddr) (driver.Value, error) {
	for i := 0; i < n.size(); i++ {
		n.addr[i] = ^n.addr[i]
	}
	return n.String(), nil
}

// addrInt is the address as an integer.
func (n netAddr) addrInt() *big.Int { return new(big.Int).SetBytes(n.addr[:n.size()]) }

// withAddr is n with the address v, or false when v does not fit.
func (n netAddr) withAddr(v *big.Int) (netAddr, bool) {
	if v.Sign() < 0 || v.BitLen() > n.maxBits() {
		return n, false
	}
	var b [16]byte
	v.FillBytes(b[:n.size()])
	n.addr = b
	return n, true
}

// fnNetAdd is inet + int8 or int8 + inet.
func fnNetAdd(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	x, y := a[0], a[1]
	if _, ok := x.(int64); ok {
		x, y = y, x
	}
	d, ok := y.(int64)
	if !ok {
		return nil, pgErr("42883", "operator does not exist: inet + inet")
	}
	n, err := netArg(x)
	if err != nil {
		return nil, err
	}
	r, ok := n.withAddr(new(big.Int).Add(n.addrInt(), big.NewInt(d)))
	if !ok {
		return nil, pgErr("22003", "result is out of range")
	}
	return r.String(), nil
}

// fnNetMinus is inet - int8 (an inet) or inet - inet (the int8
// difference of the addresses).
func fnNetMinus(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	n, err := netArg(a[0])
	if err != nil {
		return nil, err
	}
	if d, ok := a[1].(int64); ok {
		r, ok := n.withAddr(new(big.Int).Sub(n.addrInt(), big.NewInt(d)))
		if !ok {
			return nil, pgErr("22003", "result is out of range")
		}
		return r.String(), nil
	}
	m, err := netArg(a[1])
	if err != nil {
		return nil, err
	}
	if n.v6 != m.v6 {
		return nil, pgErr("22023", "cannot subtract inet values of different sizes")
	}
	d := new(big.Int).Sub(n.addrInt(), m.addrInt())
	if !d.IsInt64() {
		return nil, pgErr("22003", "result is out of range")
	}
	return d.Int64(), nil
}

// fnMacTrunc is trunc(macaddr): the last three bytes zero.
func fnMacTrunc(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	s := str(a[0])
	if len(s) == len("08:00:2b:ff:fe:01:02:03") {
		m, err := parseMacaddr8(s)
		if err != nil {
			return nil, err
		}
		return macText([]byte{m[0], m[1], m[2], 0, 0, 0, 0, 0}), nil
	}
	m, err := parseMacaddr(s)
	if err != nil {
		return nil, err
	}
	return macText([]byte{m[0], m[1], m[2], 0, 0, 0}), nil
}

// fnMacSet7bit is macaddr8_set7bit: the universal/local bit set.
func fnMacSet7bit(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	m, err := parseMacaddr8(str(a[0]))
	if err != nil {
		return nil, err
	}
	m[0] |= 0x02
	return macText(m[:]), nil
}

func registerNetFuncs() error {
	for name, d := range netFuncs {
		if err := sqlite.RegisterDeterministicScalarFunction(name, d.n, d.f); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
		deterministic[name] = true
	}
	return nil
}

func init() {
	for _, f := range []string{"host", "pg_inet_text", "pg_inet_abbrev", "abbrev"} {
		funcResultOIDs[f] = pgoid.Text
	}
	for _, f := range []string{"masklen", "family"} {
		funcResultOIDs[f] = pgoid.Int4
	}
	for _, f := range []string{"network", "inet_merge"} {
		funcResultOIDs[f] = pgoid.Cidr
	}
	for _, f := range []string{"netmask", "hostmask", "broadcast", "pg_net_and", "pg_net_or", "pg_net_not", "pg_net_add", "pg_net_minus_int", "set_masklen"} {
		funcResultOIDs[f] = pgoid.Inet
	}
	for _, f := range []string{"inet_same_family", "pg_net_contained", "pg_net_contained_eq", "pg_net_contains", "pg_net_contains_eq", "pg_net_overlap"} {
		funcResultOIDs[f] = pgoid.Bool
	}
	funcResultOIDs["pg_net_diff"] = pgoid.Int8
	funcResultOIDs["macaddr8_set7bit"] = pgoid.Macaddr8
}
