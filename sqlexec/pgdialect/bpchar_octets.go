package pgdialect

// bpchar_octets.go: octet_length of a character(n) value counts its
// padding. A char(n) value is kept without its trailing blanks
// (bpchar.go), so its text's bytes were the unpadded ones: octet_length
// of a char(5) 'ab' was 2 where PostgreSQL's bpcharoctetlen counts the
// stored, padded value, 5. (length, char_length and bit_length read the
// value as text, without the blanks, in PostgreSQL too.)

import (
	"strings"
	"unicode/utf8"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// bpcharOctets is octet_length of the char(n) value s of declared type
// decl: its bytes and the blanks padding it to n characters; ok=false
// when decl is no char(n) (bare bpchar has no length, bare char and
// character are char(1)).
func bpcharOctets(decl, s string) (n int64, ok bool) {
	o, typmod := DeclTypeOID(decl)
	if o != pgoid.Bpchar {
		return 0, false
	}
	width := int(typmod) - 4
	if typmod < 0 {
		if strings.HasPrefix(strings.TrimSpace(strings.ToLower(decl)), "bpchar") {
			return 0, false // no length, no padding
		}
		width = 1
	}
	return int64(len(s) + max(0, width-utf8.RuneCountInString(s))), true
}
