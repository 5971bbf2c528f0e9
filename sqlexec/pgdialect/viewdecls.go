package pgdialect

// viewdecls.go: a view's columns have types inside the statements that
// read them.
//
// The translator has no schema: where an expression needs a column's
// type (numeric arithmetic, to_json, a cast, date arithmetic) it asks at
// run time, from the CREATE TABLE text in sqlite_schema (arith_columns.go)
// or from pragma_table_xinfo (pgcast.go). A view's column computed by an
// expression (amount * 2 AS dbl) has neither: its CREATE VIEW text
// declares nothing and SQLite gives the column no declared type, so
// to_json(dbl) printed the numeric as a JSON string and d1 - 1 of a date
// column failed as numeric input.
//
// Each lookup therefore reads a view's row of sqlite_schema too and hands
// the type functions, in place of the view's CREATE VIEW text,
//
//	pg_view_decls(name)
//
// a CREATE TABLE text declaring each of the view's columns with its
// PostgreSQL type (ColumnDecl), as the view's query is described
// (sqlexec/derivedtypes.go: one home for a view's column types). sqlexec
// installs pg_view_decls on every connection, cached per schema version;
// the one registered here, for connections that are not sqlexec's,
// answers NULL (types unknown, as before). The types depend only on the
// schema, which every node holds identically at a log position, so the
// lookup may run in writes (INSERT ... SELECT FROM v).

import (
	"database/sql/driver"
	"strings"

	sqlite "modernc.org/sqlite"
)

// ViewDeclsFunc names the function giving a view's columns as a CREATE
// TABLE text (see the top of the file).
const ViewDeclsFunc = "pg_view_decls"

// relCreateSQL is the create text of a relation's sqlite_schema row: a
// table's own, a view's as pg_view_decls declares it.
const relCreateSQL = "CASE type WHEN 'view' THEN " + ViewDeclsFunc + "(name) ELSE sql END"

// relSchemaRow selects the sqlite_schema row of table or view tbl. The
// temporary tables a translation names itself (MERGE's kept rows,
// merge.go, mergesource.go) are in the temporary schema.
func relSchemaRow(tbl string) string {
	schema := "sqlite_schema"
	if isMergeTable(tbl) {
		schema = "sqlite_temp_schema"
	}
	return "FROM " + schema + " WHERE type IN ('table', 'view') AND name = " + quoteLit(tbl) + " COLLATE NOCASE"
}

// ViewDeclsSQL is pg_view_decls' answer for view name with columns cols
// and their declarations (ColumnDecl; "" for a column of no known type).
func ViewDeclsSQL(name string, cols, decls []string) string {
	var b strings.Builder
	b.WriteString("CREATE TABLE " + quoteIdent(name) + " (")
	for i, c := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(quoteIdent(c))
		if i < len(decls) && decls[i] != "" {
			b.WriteString(" " + decls[i])
		}
	}
	b.WriteString(")")
	return b.String()
}

// viewColumnDeclExpr is the declared type of column col of relation tbl:
// for a view's column, the type pg_view_decls gives it (an expression's
// column has no declared type in SQLite, or TEXT when viewnumeric.go
// cast it), else the one pragma_table_xinfo gives it.
// (A table's column never asks pg_view_decls: a write's statement may
// not read the schema version its cache is keyed on.)
func viewColumnDeclExpr(tbl, col string) string {
	return "(SELECT CASE WHEN type <> '' AND (type <> 'TEXT' OR NOT EXISTS (SELECT 1 " + strings.Replace(relSchemaRow(tbl), "('table', 'view')", "('view')", 1) +
		")) THEN type ELSE " + viewColumnDecl(quoteLit(tbl), quoteLit(col), "type") + " END FROM pragma_table_xinfo(" + quoteLit(tbl) +
		") WHERE name = " + quoteLit(col) + " COLLATE NOCASE)"
}

// viewColumnDecl is the SQL of the declared type of column col of
// relation rel (SQL expressions), a view's as pg_view_decls gives it
// when it knows it, else decl (SQLite's declared type).
func viewColumnDecl(rel, col, decl string) string {
	return "coalesce(nullif(pg_col_decl(" + ViewDeclsFunc + "(" + rel + "), " + col + "), ''), " + decl + ")"
}

// fnViewDeclsNone is pg_view_decls on a connection sqlexec did not set
// up: no types known.
func fnViewDeclsNone(_ *sqlite.FunctionContext, _ []driver.Value) (driver.Value, error) {
	return nil, nil
}

// fnColDecl is pg_col_decl(create_sql, column): the declared type of the
// column of the table created by create_sql, "" when not known.
func fnColDecl(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return "", nil
	}
	decl, _ := tableColDecl(str(a[0]), a[1])
	return decl, nil
}
