package pgdialect

import (
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// Clustered primary keys (issue 15): a table created with a PRIMARY KEY
// is stored as a SQLite WITHOUT ROWID table, whose rows live in the
// primary key's B-tree, so a read by key is one B-tree descent (a rowid
// table keeps the key in a separate index and then finds the row by its
// rowid: two descents). SQLite refuses NULL in a WITHOUT ROWID table's key
// columns, as PostgreSQL does (the translation adds NOT NULL to key
// columns anyway, so a NULL key is 23502 either way).
//
// The choice is made here, when CREATE TABLE is translated: the words
// WITHOUT ROWID are in the translated statement the log carries, so every
// node creates the same table, and tables created before keep their
// form. A table keeps its rowid when
//   - its key is SQLite's rowid alias (a single INTEGER column, or a
//     temporary table's serial): the row is already found in one descent;
//   - the statement carries SQLite's own table options (STRICT, WITHOUT
//     ROWID): the user chose the storage;
//   - it has no primary key;
//   - its rows can be large: a column of a type without a bound on its
//     size (text, varchar without a length, bytea, json, jsonb, numeric
//     without a precision, arrays, enums, a column without a type), or
//     declared sizes adding up to more than clusteredRowBytes.
//
// The last rule is SQLite's advice, measured here (docs/benchmarks.md,
// round 9): a WITHOUT ROWID table is an index B-tree, whose cells (whole
// rows) spill to overflow pages past about a quarter of a page and whose
// interior pages hold whole rows, so large rows make every descent and
// every insert cost more than in a rowid table (a point read of 2,000-byte
// rows about three times the CPU). Declared sizes are what the CREATE
// TABLE says, the only thing known when the choice is made; a type's size
// is its stored form's largest (a timestamptz's text, a uuid's 36
// characters, varchar(n) and char(n) counted as n bytes).
//
// What depends on it: a WITHOUT ROWID table has no rowid, so code that
// names rows by rowid (the checksums, the sampled sums, the explanation
// of a foreign key violation) orders or names them by the key instead;
// whole-table UPDATEs (ADD COLUMN serial) visit rows in key order.

// clusteredKey reports whether the table whose column list closes at
// token e gets WITHOUT ROWID; hasPK: it declares a primary key.
func (x *tx) clusteredKey(e int, hasPK bool) bool {
	if !hasPK || x.rowidKey || x.rowLarge || x.rowBytes > clusteredRowBytes {
		return false
	}
	for k := e + 1; k < x.n(); k++ {
		if strings.TrimSpace(x.T(k).str()) != "" {
			return false // SQLite's own options
		}
	}
	return true
}

// clusteredRowBytes is the largest declared row a WITHOUT ROWID table is
// made for: about 1/20 of SQLite's 4096-byte page, SQLite's own advice.
const clusteredRowBytes = 200

// storedBytes is the most bytes a value of each bounded type takes as
// raftsql stores it (an allow-list: a type not here can be large).
var storedBytes = map[uint32]int{
	pgoid.Bool: 1, pgoid.Int2: 9, pgoid.Int4: 9, pgoid.Int8: 9, pgoid.OID: 9,
	pgoid.Float4: 9, pgoid.Float8: 9, pgoid.Money: 9,
	pgoid.Date: 13, pgoid.Time: 15, pgoid.Timetz: 21, pgoid.Timestamp: 29, pgoid.Timestamptz: 35,
	pgoid.Interval: 64, pgoid.UUID: 36, pgoid.Inet: 49,
}

// noteColumnSize adds a column of type name (the dialect's type name, ""
// when unknown) with modifiers mods to the row size clusteredKey judges.
func (x *tx) noteColumnSize(name, mods string) {
	t := typeAlias[strings.ToLower(name)]
	if t == nil {
		x.rowLarge = true
		return
	}
	if n, ok := storedBytes[t.oid]; ok {
		x.rowBytes += n
		return
	}
	// the first modifier: varchar(n)/char(n)'s length, numeric(p, s)'s
	// precision (digits, sign and point)
	first, _, _ := strings.Cut(strings.Trim(mods, "() "), ",")
	n, err := strconv.Atoi(strings.TrimSpace(first))
	switch {
	case t.oid == pgoid.Bpchar && mods == "":
		x.rowBytes++ // char is char(1)
	case (t.oid == pgoid.Varchar || t.oid == pgoid.Bpchar) && err == nil && n > 0:
		x.rowBytes += n
	case t.oid == pgoid.Numeric && err == nil && n > 0:
		x.rowBytes += n + 2
	default:
		x.rowLarge = true
	}
}
