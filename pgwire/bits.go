package pgwire

// bits.go: the binary wire form of bit and bit varying (PostgreSQL's
// bit_send/bit_recv, varbit_send/varbit_recv): the length in bits as an
// int32, then the bits packed most significant first, the last byte's
// unused bits zero. Drivers such as pgx ask for binary results of these
// types (pgtype.Bits) and send parameters in it. The engine's values are
// the types' text output, one '0' or '1' per bit; a binary parameter
// becomes that text, which the types' input functions read.

import (
	"encoding/binary"
	"strings"

	"github.com/raftsql/raftsql/pgwire/oid"
)

// encodeBitsBinary is bit_send / varbit_send of the text s.
func encodeBitsBinary(s string, typeOID uint32) ([]byte, error) {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(s)))
	out = append(out, make([]byte, (len(s)+7)/8)...)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '1':
			out[4+i/8] |= 0x80 >> (i % 8)
		case '0':
		default:
			return nil, newErr(codeInvalidTextRep, "invalid input syntax for type %s: %q", oid.TypeName(typeOID), s)
		}
	}
	return out, nil
}

// decodeBitsBinary is bit_recv / varbit_recv: the value as its text (the
// pad bits of the last byte ignored, as PostgreSQL masks them).
func decodeBitsBinary(b []byte) (string, error) {
	if len(b) < 4 {
		return "", newErr(codeInvalidBinaryRep, "insufficient data left in message")
	}
	n := int64(int32(binary.BigEndian.Uint32(b)))
	if n < 0 || (n+7)/8 != int64(len(b)-4) {
		return "", newErr(codeInvalidBinaryRep, "invalid length in external bit string")
	}
	var s strings.Builder
	for i := int64(0); i < n; i++ {
		s.WriteByte('0' + (b[4+i/8] >> (7 - i%8) & 1))
	}
	return s.String(), nil
}
