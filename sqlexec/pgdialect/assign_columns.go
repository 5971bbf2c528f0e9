package pgdialect

// assign_columns.go: the declared type of a column assigned to another
// (INSERT INTO t (n) SELECT b FROM s, UPDATE t SET n = b FROM s, ON
// CONFLICT DO UPDATE SET n = b) for assign_cast.go's 42804 check. The
// translator has no schema, so an unqualified column's type is read, when
// the statement is prepared, from the one table of its scope that has the
// column (arith_columns.go's run-time lookups with pg_col_decltype, which
// names any declared type, where pg_col_numtype names only the
// arithmetic ones). Where the scope is not certain (a derived table or CTE
// of columns not typed here, a name two tables have), the type stays
// unknown and the run-time conversion decides, as before.

import (
	"database/sql/driver"
	"slices"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

func init() {
	quoteFuncs["pg_col_decltype"] = struct {
		n int32
		f fn
	}{-1, fnColDeclType}
}

// fnColDeclType is pg_col_numtype's twin (same arguments,
// arith_columns.go) naming the column's declared type as a canonical
// type name (int4, bool, int4[]), empty when raftsql does not know the
// type for certain (an enum, a domain) or the column is not found.
func fnColDeclType(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	typ, err := colDeclType(a)
	if err != nil || typ == 0 || typesByOID[typ] == nil {
		return "", err
	}
	if !declKnown(a) {
		return "", nil
	}
	if e := pgoid.ElemOf(typ); e != 0 {
		return TypeName(e) + "[]", nil
	}
	return TypeName(typ), nil
}

// declKnown reports whether the column pg_col_decltype's arguments name
// has a declared type raftsql knows for certain (DeclTypeOID guesses
// SQLite's affinity from any other name: an enum's is no text).
func declKnown(a []driver.Value) bool {
	creates, col := a[1:], a[0]
	if len(a) == 2 {
		creates, col = a[:1], a[1]
	}
	for _, create := range creates {
		if create == nil || col == nil {
			continue
		}
		for _, c := range tableDecls(str(create)) {
			if equalFoldASCII(c.name, str(col)) {
				return assignDeclOID(c.decl) != 0
			}
		}
	}
	return false
}

// Where an assigned value is read from (assignColumnType's scope).
const (
	assignFromValues = iota // INSERT ... VALUES: no column is in scope
	assignFromSelect        // INSERT ... SELECT: the query block's FROM items
	assignFromUpdate        // UPDATE ... SET: the target and the FROM items
	// ON CONFLICT DO UPDATE SET: an unqualified column is the target's
	// and excluded's, which PostgreSQL refuses as ambiguous (42702)
	assignFromConflict
)

// assignColumnType is the SQL of the declared type of the column
// reference a..b-1 (unqualified, or qualified by a derived FROM item)
// assigned to a column of table tbl from scope (the consts above), ""
// when not certain.
func (x *tx) assignColumnType(a, b int, tbl string, scope int) string {
	qual, col, ok := x.bareColumn(a, b)
	if !ok {
		return ""
	}
	if r, ok := x.colRTypes[a]; ok && r.end == b {
		// a derived table's or CTE's column (derivedcols.go): a table's
		// column read through it names its declared type; another
		// run-time type is an arithmetic type's, or ""
		if strings.HasPrefix(r.expr, numTypeQueryPrefix) && strings.Count(r.expr, "pg_col_numtype(") == 1 {
			return strings.Replace(r.expr, "pg_col_numtype(", "pg_col_decltype(", 1)
		}
		return r.expr
	}
	if qual != "" {
		return ""
	}
	switch scope {
	case assignFromSelect:
		// the item's own query block's tables, when all its FROM items
		// are tables (blocktables.go): the one of them that has the
		// column
		tabs, ok := x.blockTables(a)
		if !ok {
			return ""
		}
		var names []string
		for _, ft := range tabs {
			if slices.Contains(names, ft.name) {
				return "" // a self-join: PostgreSQL's column is ambiguous
			}
			names = append(names, ft.name)
		}
		if len(names) == 1 {
			return colTypeQuery("pg_col_decltype", names[0], col)
		}
		return joinTypeQuery("pg_col_decltype", names, col) // arith_columns.go
	case assignFromUpdate:
		if t, c, ok := x.columnTable(a, b); ok {
			return colTypeQuery("pg_col_decltype", t, c)
		}
		return x.joinColumnType("pg_col_decltype", a, b)
	}
	return ""
}
