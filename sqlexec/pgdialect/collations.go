package pgdialect

// collations.go: COLLATE clauses. raftsql compares text by its bytes (the
// database's collation is C.UTF-8, which orders UTF-8 text as its code
// points, as "C" does), so the collations PostgreSQL 15 has that order
// that way are taken and dropped; a linguistic collation (an ICU one,
// a libc locale's) would order text otherwise and is refused with 0A000,
// and a name PostgreSQL has no collation by is its 42704. The names are
// case-sensitive, as PostgreSQL's: COLLATE C (read as "c") does not
// exist.

import "strings"

// byteOrderCollations are PostgreSQL's collations that order text as
// its bytes.
var byteOrderCollations = map[string]bool{"default": true, "C": true, "POSIX": true, "ucs_basic": true, "C.utf8": true}

// collateClause handles the COLLATE at i: a byte-order collation is
// dropped, a collation of the translation's own (pg_numeric, pg_jsonb,
// an enum's, BINARY, NOCASE: translated SQL read back, as a stored default
// or a view's lookups) is kept, any other is refused.
func (x *tx) collateClause(i int) error {
	n, j := x.name(i + 1)
	switch {
	case n == "":
		return nil // a syntax error, reported as such
	case byteOrderCollations[n]:
		x.blank(i, j)
		return nil
	case strings.HasPrefix(n, "pg_") || n == "binary" || n == "nocase":
		return nil
	case strings.HasSuffix(n, "-x-icu") || strings.ContainsAny(n, "_.-") || n == "unicode":
		return &Error{Code: "0A000", Message: "collation \"" + n + "\" is not supported (raftsql compares text by its bytes, as collation \"C\" does)", Position: x.charPos(i)}
	}
	return &Error{Code: "42704", Message: "collation \"" + n + "\" for encoding \"UTF8\" does not exist", Position: x.charPos(i)}
}
