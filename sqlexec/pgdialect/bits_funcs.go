package pgdialect

// bits_funcs.go: the SQL side of bit(n) and bit varying(n) (bits.go):
// their input functions (enforce.go's bitIn family: an assignment's
// length rules), casts (to and from integers, between bit and varbit,
// from text and literals: a cast's length rules), and the functions
// PostgreSQL 15 defines on them that the stored text does not already
// answer as text does (length, substring, position, overlay and || of
// the 0/1 text are the bit string's). All are pure functions of their
// arguments, registered with the driver for every connection.

import (
	"database/sql/driver"
	"math/bits"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

// bitIn is the bit string family of input functions (enforce.go).
var bitIn = map[string]fn{
	"pg_in_bit":    bitInFn(false),
	"pg_in_varbit": bitInFn(true),
}

// bitInFn is pg_in_bit / pg_in_varbit(value, typmod): the value of an
// assignment to a column of the type (its length must fit: 22026, 22001).
func bitInFn(varying bool) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if a[0] == nil {
			return nil, nil
		}
		bits, err := bitInput(a[0], varying)
		if err != nil {
			return nil, err
		}
		n := int64(-1)
		if len(a) > 1 {
			n, _ = a[1].(int64)
		}
		if !varying && n <= 0 {
			n = -1 // bit without a length takes any (a cast's result; columns are bit(1))
		}
		return coerceBits(bits, int(n), varying, false)
	}
}

// bitTypeName is the type's name in PostgreSQL's messages.
func bitTypeName(varying bool) string {
	if varying {
		return "bit varying"
	}
	return "bit"
}

// bitText is a text argument of a bit string's input; a number is 42846
// as PostgreSQL's cast of one to varbit is (an integer column of an
// INSERT ... SELECT into bit is refused too).
func bitText(v driver.Value, varying bool) (string, error) {
	switch v.(type) {
	case int64:
		return "", pgErr("42846", "cannot cast type integer to %s", bitTypeName(varying))
	case float64:
		return "", pgErr("42846", "cannot cast type numeric to %s", bitTypeName(varying))
	case []byte:
		return "", pgErr("42846", "cannot cast type bytea to %s", bitTypeName(varying))
	}
	return str(v), nil
}

// bitInput is a bit string input's value: bitText read by bit_in.
func bitInput(v driver.Value, varying bool) (string, error) {
	s, err := bitText(v, varying)
	if err != nil {
		return "", err
	}
	return parseBits(s)
}

// fnCastBits is pg_cast_bits(x, type, typmod): the cast x::bit(n) or
// x::varbit(n) (typmod -1: no length). A text is read as bit_in reads it
// (a bit string's stored text is its own input); an integer is bit(n)'s
// bitfromint8: its n low bits, sign-extended past 64 (an int4's bits
// sign-extend to the same); then the cast's length rule pads or truncates.
func fnCastBits(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	varying := str(a[1]) == "varbit"
	n, _ := a[2].(int64)
	if n <= 0 {
		n = -1
	}
	if v, ok := a[0].(int64); ok {
		if varying {
			return nil, pgErr("42846", "cannot cast type integer to bit varying")
		}
		if n < 0 {
			n = 1
		}
		b := make([]byte, n)
		for i := range b {
			k := int(n) - 1 - i // the bit's weight
			if k > 63 {
				k = 63 // sign extension
			}
			b[i] = '0' + byte(v>>k&1)
		}
		return string(b), nil
	}
	bits, err := bitInput(a[0], varying)
	if err != nil {
		return nil, err
	}
	return coerceBits(bits, int(n), varying, true)
}

// fnBitsInt is pg_bits_int(bits, type): bit::int4 or bit::int8, the bits
// as an unsigned number in the type's width (22003 for more bits than
// the width: bittoint4 counts the bits, not their value).
//
// With a third argument, the declared type of the column cast: a column
// of another type is cast as any column is (pg_float_int), a varbit one
// refused (42846: PostgreSQL casts only bit to integers), an oid one to
// int4 wrapped as PostgreSQL's oid-to-int4 cast keeps the bits.
func fnBitsInt(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if len(a) == 3 {
		switch o, _ := DeclTypeOID(str(a[2])); o {
		case pgoid.JSON, pgoid.JSONB:
			return jsonCastBySource(nil, a[0], o, str(a[1])) // json_cast.go
		case pgoid.Varbit:
			return nil, pgErr("42846", "cannot cast type bit varying to %s", operandTypeNames[str(a[1])])
		case pgoid.Bit:
		case pgoid.OID:
			if str(a[1]) == "int4" { // the bits kept, as oidtype.go's pg_oid_int4
				v, err := fnOIDInt4(nil, []driver.Value{a[0], a[2]})
				if err != nil {
					return nil, err
				}
				return fnFloatInt(nil, []driver.Value{v, a[1]})
			}
			return fnFloatInt(nil, a[:2])
		case pgoid.Text, pgoid.Varchar, pgoid.Bpchar, pgoid.Name:
			// read by the integer's input function: '1.5' is 22P02
			// (castsource.go)
			if f := intCasts[str(a[1])]; f != nil {
				return f(nil, a[:1])
			}
			return fnFloatInt(nil, a[:2])
		default:
			return fnFloatInt(nil, a[:2])
		}
	}
	if a[0] == nil {
		return nil, nil
	}
	s := str(a[0])
	if !isBitText(a[0]) {
		return nil, pgErr("42846", "cannot cast type %s to %s", valueTypeName(a[0]), operandTypeNames[str(a[1])])
	}
	w := 64
	if str(a[1]) == "int4" {
		w = 32
	}
	if len(s) > w {
		if w == 32 {
			return nil, pgErr("22003", "integer out of range")
		}
		return nil, pgErr("22003", "bigint out of range")
	}
	var u uint64
	for i := 0; i < len(s); i++ {
		u = u<<1 | uint64(s[i]-'0')
	}
	if w == 32 {
		return int64(int32(uint32(u))), nil
	}
	return int64(u), nil
}

// bitArg is a bit string argument of a function (42883 for a value that
// is none).
func bitArg(f string, v driver.Value) (string, error) {
	if !isBitText(v) {
		return "", pgErr("42883", "function %s(%s) does not exist", f, valueTypeName(v))
	}
	return str(v), nil
}

// bitIndex is get_bit's and set_bit's bit number n of a string of
// length l (2202E when out of range: a bit string's message, or
// bytea's).
func bitIndex(n driver.Value, l int, bytea bool) (int, error) {
	k, ok := n.(int64)
	if !ok {
		f, err := strconv.ParseInt(strings.TrimSpace(str(n)), 10, 64)
		if err != nil {
			return 0, pgErr("22P02", "invalid input syntax for type integer: \"%s\"", str(n))
		}
		k = f
	}
	if k < 0 || k >= int64(l) {
		if bytea {
			return 0, pgErr("2202E", "index %d out of valid range, 0..%d", k, l-1)
		}
		return 0, pgErr("2202E", "bit index %d out of valid range (0..%d)", k, l-1)
	}
	return int(k), nil
}

// fnGetBit is get_bit(bits, n) and get_bit(bytea, n) (bytea's bit n is
// bit n%8 of byte n/8, counted from the least significant).
func fnGetBit(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	if b, ok := a[0].([]byte); ok {
		k, err := bitIndex(a[1], len(b)*8, true)
		if err != nil {
			return nil, err
		}
		return int64(b[k/8] >> (k % 8) & 1), nil
	}
	s, err := bitArg("get_bit", a[0])
	if err != nil {
		return nil, err
	}
	k, err := bitIndex(a[1], len(s), false)
	if err != nil {
		return nil, err
	}
	return int64(s[k] - '0'), nil
}

// fnSetBit is set_bit(bits, n, v) and set_bit(bytea, n, v).
func fnSetBit(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil || a[2] == nil {
		return nil, nil
	}
	b, isBytea := a[0].([]byte)
	if !isBytea {
		s, err := bitArg("set_bit", a[0])
		if err != nil {
			return nil, err
		}
		b = []byte(s)
	}
	l := len(b)
	if isBytea {
		l *= 8
	}
	k, err := bitIndex(a[1], l, isBytea)
	if err != nil {
		return nil, err
	}
	v, ok := a[2].(int64)
	if !ok || v != 0 && v != 1 {
		return nil, pgErr("22023", "new bit must be 0 or 1")
	}
	if isBytea {
		out := append([]byte(nil), b...)
		out[k/8] = out[k/8]&^(1<<(k%8)) | byte(v)<<(k%8)
		return out, nil
	}
	b[k] = '0' + byte(v)
	return string(b), nil
}

// fnBitCount is bit_count(bits) and bit_count(bytea): the bits set.
func fnBitCount(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	if b, ok := a[0].([]byte); ok {
		n := 0
		for _, c := range b {
			n += bits.OnesCount8(c)
		}
		return int64(n), nil
	}
	s, err := bitArg("bit_count", a[0])
	return int64(strings.Count(s, "1")), err
}

// fnBitsLength is pg_bits_length(x, decl, octets): octet_length(x)
// (octets) or bit_length(x) by x's type decl (a column's declared type
// or the type the statement shows): a bit string's bits or bytes, else
// the text's or bytea's bytes (times 8 for bit_length).
func fnBitsLength(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	octets := a[2] == int64(1)
	if o, _ := DeclTypeOID(str(a[1])); (o == pgoid.Bit || o == pgoid.Varbit) && isBitText(a[0]) {
		n := int64(len(str(a[0])))
		if octets {
			return (n + 7) / 8, nil
		}
		return n, nil
	}
	n := int64(len(str(a[0])))
	if b, ok := a[0].([]byte); ok {
		n = int64(len(b))
	}
	if octets {
		if p, ok := bpcharOctets(str(a[1]), str(a[0])); ok { // bpchar_octets.go
			return p, nil
		}
		return n, nil
	}
	return 8 * n, nil
}

// bitStringFuncs are the functions on bit strings (name: arity, function).
var bitStringFuncs = map[string]netFunc{
	"pg_cast_bits":   {3, fnCastBits},
	"pg_bits_int":    {-1, fnBitsInt},
	"pg_bits_length": {3, fnBitsLength},
	"get_bit":        {2, fnGetBit},
	"set_bit":        {3, fnSetBit},
	"bit_count":      {1, fnBitCount},
}

// bitTypedCalls are the functions whose answer on a bit string depends on
// its type, not only its text: octet_length and bit_length ('1010' is
// one byte of bit, four of text); and those whose result is a bit string
// when their argument is one (set_bit, substring, overlay: described bit
// where the statement shows the argument's type). typedCall (typeof.go)
// hands them to bitTypedCall.
var bitTypedCalls = map[string]bool{"octet_length": true, "bit_length": true, "set_bit": true, "substring": true, "overlay": true}

// bitTypedCall rewrites octet_length(x) / bit_length(x) at i to
// pg_bits_length(x, x's type, octets), and types set_bit, substring and
// overlay of a bit string the statement shows.
func (x *tx) bitTypedCall(i int, l string, args [][2]int) {
	if len(args) == 0 || args[0][0] >= args[0][1] {
		return
	}
	a, b := args[0][0], args[0][1]
	for k := a + 1; k < b; k++ {
		if x.depth[k] == x.depth[a] && (x.kw(k, "FROM") || x.kw(k, "PLACING")) {
			b = k // substring(x FROM 2), overlay(x PLACING y FROM 2)
			break
		}
	}
	e := x.match(i + 1)
	if l != "octet_length" && l != "bit_length" {
		if x.bitOperandOID(a, b) != 0 {
			x.setResolved(i, e+1, pgoid.Bit)
		}
		return
	}
	if len(args) != 1 {
		return
	}
	hint := x.textHint(a, b)
	if n := x.charCastLen(a, b); n > 0 {
		hint = quoteLit("char(" + strconv.Itoa(n) + ")") // bpchar_octets.go: its padding counts
	}
	x.T(i).set("pg_bits_length")
	x.T(e).wpre += ", " + hint + ", " + strconv.Itoa(btoi(l == "octet_length"))
	x.setResolved(i, e+1, pgoid.Int4)
}

// maxBitLength is PostgreSQL's VARBITMAXLEN (the most bits of a bit(n)).
const maxBitLength = 83886080

// bitLength is the length n of bit(n) or varbit(n) written as mods
// ("(4)"), -1 when none; 22023 for a length PostgreSQL refuses.
func bitLength(tt *pgType, mods string) (int, error) {
	m := strings.TrimSpace(strings.Trim(strings.TrimSpace(mods), "()"))
	if m == "" {
		return -1, nil
	}
	n, err := strconv.Atoi(m)
	switch {
	case err != nil || n < 1:
		return 0, &Error{Code: "22023", Message: "length for type " + tt.name + " must be at least 1"}
	case n > maxBitLength:
		return 0, &Error{Code: "22023", Message: "length for type " + tt.name + " cannot exceed " + strconv.Itoa(maxBitLength)}
	}
	return n, nil
}

// bitCastErr refuses a cast between a bit string type and a type
// PostgreSQL has no cast for (42846): bit from int2 or a non-integer
// number, a bit string to any type but bit, varbit, int4, int8 and the
// text types; and a length below 1 (22023).
func (x *tx) bitCastErr(a, b int, tt *pgType, mods string) error {
	switch tt.oid {
	case pgoid.Bit, pgoid.Varbit:
		if _, err := bitLength(tt, mods); err != nil {
			return err
		}
		if from := x.numType(a, b); from != "" && (from != "int4" && from != "int8" || tt.oid == pgoid.Varbit) {
			return &Error{Code: "42846", Message: "cannot cast type " + operandTypeNames[from] + " to " + tt.format, Position: x.charPos(a)}
		}
		return nil
	case pgoid.Int4, pgoid.Int8:
		if x.bitOperandOID(a, b) == pgoid.Varbit {
			return &Error{Code: "42846", Message: "cannot cast type bit varying to " + tt.format, Position: x.charPos(a)}
		}
		return nil
	case pgoid.Text, pgoid.Varchar, pgoid.Bpchar:
		return nil
	}
	if x.bitOperandOID(a, b) != 0 {
		return &Error{Code: "42846", Message: "cannot cast type bit to " + tt.format, Position: x.charPos(a)}
	}
	return nil
}

// bitCastFrom is the conversion of operand a..b-1 of a cast to tt when
// one side is a bit string type: bit(n) and varbit(n) from anything
// (pg_cast_bits; bit alone is bit(1)), int4 and int8 from a bit string
// (pg_bits_int). The text types take the stored text as it is.
func (x *tx) bitCastFrom(a, b int, tt *pgType, mods string) (pre, suf string, ok bool) {
	switch tt.oid {
	case pgoid.Bit, pgoid.Varbit:
		tm, _ := bitLength(tt, mods) // bitCastErr refused a bad one
		if tm < 0 && tt.oid == pgoid.Bit {
			tm = 1
		}
		return "pg_cast_bits(", ", " + quoteLit(tt.name) + ", " + strconv.Itoa(tm) + ")", true
	case pgoid.Int4, pgoid.Int8:
		if x.bitOperandOID(a, b) != 0 {
			return "pg_bits_int(", ", " + quoteLit(tt.name) + ")", true
		}
		if _, _, col := x.columnRef(a, b); col && x.exprOID(a, b) == 0 {
			// a column: its declared type decides at run time
			if hint := x.textHint(a, b); hint != "NULL" {
				return "pg_bits_int(", ", " + quoteLit(tt.name) + ", " + hint + ")", true
			}
		}
	}
	return "", "", false
}

// bitLiteral rewrites the bit string constant B'...' or X'...' at i to
// its stored text (22P02 at the constant for a bad digit).
func (x *tx) bitLiteral(i int) error {
	t := x.T(i)
	bits, err := parseBits(t.text[:1] + unq(t.text[2:]))
	if err != nil {
		code, msg, _ := ParseSQLStateError(err.Error())
		return &Error{Code: code, Message: msg, Position: x.charPos(i)}
	}
	t.set(quoteLit(bits))
	x.setResolved(i, i+1, pgoid.Bit)
	return nil
}

// bitTypedLiteral rewrites the typed literal bit '...', bit varying
// '...' or varbit '...' at i (no length: bit '101' is 101) and reports
// whether it did.
func (x *tx) bitTypedLiteral(i int) bool {
	o, j := pgoid.Bit, i+1
	switch {
	case x.T(i).kw("VARBIT"):
		o = pgoid.Varbit
	case x.kw(j, "VARYING"):
		o, j = pgoid.Varbit, j+1
	}
	lit := x.T(j)
	if lit.typ != tString || lit.text[0] != '\'' || lit.ed || x.endsOperand(i-1) || x.isP(i-1, ".") {
		return false
	}
	x.T(i).set("pg_cast_bits(" + lit.str() + ", " + quoteLit(TypeName(o)) + ", -1)")
	x.blank(i+1, j+1)
	x.castEnd[j] = i
	x.setResolved(i, j+1, o)
	return true
}

func init() {
	for name, d := range bitStringFuncs {
		netFuncs[name] = d
	}
	funcResultOIDs["get_bit"] = pgoid.Int4
	funcResultOIDs["bit_count"] = pgoid.Int8
}
