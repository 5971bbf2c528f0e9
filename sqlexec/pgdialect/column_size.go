package pgdialect

// column_size.go: pg_column_size(any) is refused (0A000). PostgreSQL's
// answer is the bytes of its own datum: a varlena's 1- or 4-byte header
// by where the value comes from (a table's 'abc' is 4, the literal 7), a
// long value's TOAST compression, a numeric's base-10000 digits. raftsql
// keeps SQLite's values, so no size it could give would be PostgreSQL's;
// octet_length gives a value's bytes.

import "strings"

// columnSizeCall refuses pg_column_size called at i.
func (x *tx) columnSizeCall(i int) error {
	if !strings.EqualFold(x.T(i).text, "pg_column_size") {
		return nil
	}
	return unsupported("pg_column_size() is not supported: raftsql does not store PostgreSQL's datums, whose sizes it reports; octet_length() gives a value's bytes")
}
