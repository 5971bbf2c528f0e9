package sqlexec

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/raftsql/raftsql/pgwire"
	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Result columns: the PostgreSQL type of each column SQLite returns, from
// its declared type (pgdialect's type table), the dialect's inference, or
// the first row's values; and the conversion of SQLite values to it.

// typeFromDecl maps a declared column type to a PostgreSQL type OID; 0 if
// there is no declared type.
func typeFromDecl(decl string) uint32 {
	oid, _ := typeFromDeclMod(decl)
	return oid
}

func typeFromDeclMod(decl string) (uint32, int32) {
	// The dialect's type table first; it returns 0 when it cannot tell.
	if oid, mod := pgdialect.DeclTypeOID(decl); oid != 0 {
		return oid, mod
	}
	d := strings.ToUpper(strings.TrimSpace(decl))
	if d == "" {
		return 0, -1
	}
	if i := strings.IndexByte(d, '('); i >= 0 {
		d = strings.TrimSpace(d[:i])
	}
	// What the table cannot tell: SQLite's DATETIME is a timestamp; any
	// other name (STRING, arrays, unknown types) is text.
	if d == "DATETIME" {
		return pgoid.Timestamp, -1
	}
	return pgoid.Text, -1
}

func typeFromValue(v any) uint32 {
	switch v.(type) {
	case int64:
		return pgoid.Int8
	case float64:
		return pgoid.Float8
	case []byte:
		return pgoid.Bytea
	case bool:
		return pgoid.Bool
	}
	return pgoid.Text
}

// colHints are the result column types the translation inferred from
// the statement's text (pgdialect.Stmt's ColumnOIDs and ColumnMods): a
// column SQLite declares no type for is described by its hint.
type colHints struct {
	oids []uint32 // 0: none
	mods []int32  // the oids' type modifiers (-1: none); nil when none has one
}

// stmtHints are the hints of a translated statement.
func stmtHints(st *pgdialect.Stmt) colHints { return colHints{st.ColumnOIDs, st.ColumnMods} }

// at is column i's hint: its type (0: none) and type modifier.
func (h colHints) at(i int) (uint32, int32) {
	if i >= len(h.oids) || h.oids[i] == 0 {
		return 0, -1
	}
	if i < len(h.mods) {
		return h.oids[i], h.mods[i]
	}
	return h.oids[i], -1
}

func (h colHints) equal(o colHints) bool {
	return slices.Equal(h.oids, o.oids) && slices.Equal(h.mods, o.mods)
}

func (h colHints) clone() colHints { return colHints{slices.Clone(h.oids), slices.Clone(h.mods)} }

// colInfo is a column as SQLite describes it.
type colInfo struct {
	name string
	decl string
	hint uint32 // type inferred by the dialect when decl is empty
	// hintMod: the type modifier of a hint the translation gave (-1: none;
	// the inference of resulttypes.go gives types without one)
	hintMod int32
	// the table and column an INTEGER column reads: a serial column is
	// declared INTEGER (SQLite's rowid alias) whatever its type
	// (serialTypes, resulttypes.go)
	table, column string
}

// newColInfo describes result column i of st.
func newColInfo(st *lstmt, i int) colInfo {
	ci := colInfo{name: st.columnName(i), decl: st.columnDecl(i), hintMod: -1}
	if strings.IndexByte(ci.name, ':') > 0 {
		ci.name = repeatedName(ci.name, st.sqlText())
	}
	ci.decl = st.compoundDecl(i, ci.decl) // compounddecl.go
	if strings.EqualFold(ci.decl, "INTEGER") {
		ci.table, ci.column = st.columnOrigin(i)
	}
	return ci
}

// repeatedName is the name PostgreSQL gives a result column that SQLite
// names base:N: SQLite renames the second and later columns of a derived
// table, CTE or view that share a name (SELECT * FROM (SELECT 1 AS k,
// 2 AS k) d has k and k:1), PostgreSQL keeps the name. A name the
// statement spells itself ("k:1" as an alias or a table's column) is the
// user's.
func repeatedName(name, sqlText string) string {
	j := strings.LastIndexByte(name, ':')
	if j <= 0 || j == len(name)-1 || strings.Trim(name[j+1:], "0123456789") != "" ||
		strings.Contains(strings.ToLower(sqlText), strings.ToLower(name)) {
		return name
	}
	return name[:j]
}

// setHint gives ci column i's hint of h when SQLite declares it no type.
func (ci *colInfo) setHint(h colHints, i int) {
	if ci.decl == "" {
		if o, m := h.at(i); o != 0 {
			ci.hint, ci.hintMod = o, m
		}
	}
}

// buildColumns computes result columns: declared type if any, else the type
// of the first row's value, else text.
func buildColumns(infos []colInfo, first []any) []pgwire.Column {
	cols := make([]pgwire.Column, len(infos))
	for i, ci := range infos {
		oid, mod := typeFromDeclMod(ci.decl)
		if oid == 0 && ci.hint != 0 {
			oid, mod = ci.hint, ci.hintMod
		}
		if oid == 0 {
			oid = pgoid.Text
			if first != nil && i < len(first) && first[i] != nil {
				oid = typeFromValue(first[i])
			}
		}
		cols[i] = pgwire.Column{Name: ci.name, TypeOID: oid, TypeSize: pgoid.Size(oid), TypeModifier: mod}
	}
	return cols
}

// convertRow adapts SQLite values to the declared column types: bool, and
// character(n), stored without its trailing blanks (pgdialect's
// pg_in_bpchar) and padded back to n on output as PostgreSQL prints it.
func convertRow(cols []pgwire.Column, row []any) {
	for i, c := range cols {
		if i >= len(row) {
			return
		}
		if c.TypeOID == pgoid.Bpchar && c.TypeModifier > 4 {
			if s, ok := row[i].(string); ok {
				if pad := int(c.TypeModifier-4) - utf8.RuneCountInString(s); pad > 0 {
					row[i] = s + strings.Repeat(" ", pad)
				}
			}
		}
		if c.TypeOID == pgoid.Bool {
			switch v := row[i].(type) {
			case int64:
				row[i] = v != 0
			case float64:
				row[i] = v != 0
			case string:
				switch strings.ToLower(v) {
				case "t", "true", "1", "yes", "on", "y":
					row[i] = true
				case "f", "false", "0", "no", "off", "n":
					row[i] = false
				}
			}
		}
	}
}
