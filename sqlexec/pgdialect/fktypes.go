package pgdialect

import (
	"fmt"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// The types a foreign key may join. PostgreSQL implements a foreign key
// with the referenced key's btree equality operator for the two columns'
// types, or the key type's own after an implicit cast of the referencing
// column; two types with neither are 42804 "foreign key constraint ...
// cannot be implemented". SQLite compares any two values, so a key column
// of another type (a text column referencing an integer key) would be
// accepted and compared by SQLite's affinity rules. fkJoins is the
// answer of PostgreSQL 15 for the types below (recorded with CREATE TABLE
// over every pair); a pair outside them joins only when the types are
// equal.

// fkTypes are the types whose pairs fkJoins covers.
var fkTypes = map[uint32]bool{
	pgoid.Int2: true, pgoid.Int4: true, pgoid.Int8: true, pgoid.Numeric: true, pgoid.Float4: true, pgoid.Float8: true,
	pgoid.Text: true, pgoid.Varchar: true, pgoid.Bpchar: true, pgoid.Date: true, pgoid.Timestamp: true, pgoid.Timestamptz: true,
	pgoid.Bool: true, pgoid.UUID: true, pgoid.Bytea: true, pgoid.Interval: true, pgoid.Time: true, pgoid.Timetz: true,
	pgoid.Money: true, pgoid.Inet: true, pgoid.Cidr: true, pgoid.Macaddr: true, pgoid.JSONB: true, pgoid.OID: true,
}

// fkJoins: referencing type -> referenced types it joins, besides itself.
var fkJoins = map[uint32][]uint32{
	pgoid.Int2:        {pgoid.Int4, pgoid.Int8, pgoid.Numeric, pgoid.Float4, pgoid.Float8, pgoid.OID},
	pgoid.Int4:        {pgoid.Int2, pgoid.Int8, pgoid.Numeric, pgoid.Float4, pgoid.Float8, pgoid.OID},
	pgoid.Int8:        {pgoid.Int2, pgoid.Int4, pgoid.Numeric, pgoid.Float4, pgoid.Float8, pgoid.OID},
	pgoid.Numeric:     {pgoid.Float4, pgoid.Float8},
	pgoid.Float4:      {pgoid.Float8},
	pgoid.Float8:      {pgoid.Float4},
	pgoid.Text:        {pgoid.Varchar, pgoid.Bpchar},
	pgoid.Varchar:     {pgoid.Text, pgoid.Bpchar},
	pgoid.Bpchar:      {pgoid.Text, pgoid.Varchar},
	pgoid.Date:        {pgoid.Timestamp, pgoid.Timestamptz},
	pgoid.Timestamp:   {pgoid.Date, pgoid.Timestamptz},
	pgoid.Timestamptz: {pgoid.Date, pgoid.Timestamp},
	pgoid.Time:        {pgoid.Interval, pgoid.Timetz},
	pgoid.Inet:        {pgoid.Cidr},
	pgoid.Cidr:        {pgoid.Inet},
}

// ForeignKeyTypesErr is PostgreSQL's error for foreign key conname whose
// column from (declared fromDecl, SQLite's declared type) references
// column to (toDecl), nil when the types join; a pair of types PostgreSQL's
// answer for is not recorded here is 0A000.
func ForeignKeyTypesErr(conname, from, fromDecl, to, toDecl string) *Error {
	f, _ := DeclTypeOID(fromDecl)
	t, _ := DeclTypeOID(toDecl)
	if f == t {
		return nil
	}
	if !fkTypes[f] || !fkTypes[t] {
		return &Error{Code: "0A000", Message: fmt.Sprintf("foreign key %s between columns of types %s and %s is not supported", conname, FormatType(f, -1), FormatType(t, -1))}
	}
	for _, j := range fkJoins[f] {
		if j == t {
			return nil
		}
	}
	return &Error{Code: "42804", Message: fmt.Sprintf("foreign key constraint \"%s\" cannot be implemented", conname),
		Detail: fmt.Sprintf("Key columns \"%s\" and \"%s\" are of incompatible types: %s and %s.", from, to, FormatType(f, -1), FormatType(t, -1))}
}
