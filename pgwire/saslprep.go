package pgwire

import (
	"unicode/utf8"

	"github.com/xdg-go/stringprep"
)

// SASLprep prepares a password for SCRAM as PostgreSQL does (saslprep.c,
// RFC 4013): characters mapped to nothing are removed, non-ASCII spaces
// become U+0020, the result is NFKC-normalised and checked for prohibited
// and unassigned (Unicode 3.2) characters and for bidirectional rules. A
// password that is not valid UTF-8, or that SASLprep prohibits, is used as
// its raw bytes, as PostgreSQL and libpq do, so such a password still works
// with every client that behaves like libpq.
//
// Both sides must agree: the verifier stored for CREATE ROLE ... PASSWORD
// and the bootstrap superuser's is derived from the prepared password, and
// clients (libpq, pgx) prepare what the user types the same way. The
// stringprep tables (github.com/xdg-go/stringprep) are RFC 3454's own, the
// ones PostgreSQL compiles in; x/text's PRECIS profiles use newer Unicode
// tables and differ on characters unassigned in Unicode 3.2.
func SASLprep(password string) string {
	if !utf8.ValidString(password) {
		return password
	}
	p, err := pgSASLprep.Prepare(password)
	if err != nil {
		return password
	}
	return p
}

// pgSASLprep is stringprep's SASLprep profile with its two mappings in
// PostgreSQL's order: U+200B ZERO WIDTH SPACE is in both C.1.2 (non-ASCII
// space, mapped to U+0020) and B.1 (mapped to nothing), and PostgreSQL
// maps it to a space (checked against its verifiers in the tests).
var pgSASLprep = func() stringprep.Profile {
	p := stringprep.SASLprep
	spaces := stringprep.Mapping{}
	for _, r := range []rune{0x00A0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x200B, 0x202F, 0x205F, 0x3000} {
		spaces[r] = []rune{' '}
	}
	p.Mappings = []stringprep.Mapping{spaces, stringprep.TableB1}
	return p
}()
