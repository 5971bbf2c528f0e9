package pgdialect

// nametype.go: the name type's input, as PostgreSQL's namein: text cut
// to NAMEDATALEN-1 (63) bytes at a character boundary (pg_mbcliplen), so
// a long identifier stored in a name column, or cast ::name, is what
// PostgreSQL stores. Otherwise a name is text (valid UTF-8, no NUL),
// compared bytewise as PostgreSQL's name ("C" collation) is.

import (
	"database/sql/driver"
	"unicode/utf8"

	sqlite "modernc.org/sqlite"
)

// nameMaxBytes is NAMEDATALEN - 1.
const nameMaxBytes = 63

// fnInName is pg_in_name(value, typmod) and, with one argument, the cast
// pg_cast_name(value).
func fnInName(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	v, err := textValue(a[0])
	if err != nil || v == nil {
		return v, err
	}
	s := v.(string)
	if len(s) <= nameMaxBytes {
		return s, nil
	}
	n := nameMaxBytes
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n], nil
}
