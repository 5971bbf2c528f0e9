package pgdialect

// ALTER TABLE t RENAME TO u and ALTER TABLE t RENAME [COLUMN] a TO b.
// SQLite's rename rewrites the identifiers of every view reading t or a,
// but three things of such a view would change or break where
// PostgreSQL's view goes on as before:
//
//   - its column names: `SELECT a FROM t` becomes `SELECT b FROM t`, so
//     the view's column is then named b (PostgreSQL's reads `t.b AS a`);
//   - the run-time type lookups a translated view carries name t and a in
//     string literals (viewdecls.go, arith_columns.go), which no rename
//     rewrites: after it `d + 1` of a date column read the date as a
//     number;
//   - the view's PostgreSQL text (catalog_dump.go's viewTextMark), which its column types
//     are described from, still names t and a: the types became text.
//
// So the translation carries the rename to apply (TableChange action
// "rename table" / "rename column", Expr the new name), where the state
// machine refuses it (0A000) while a view reads the table or column, and
// otherwise renames (sqlexec/rename.go).

// renameTable is the statement of RENAME TO to of table tbl.
func renameTable(tbl, to string) string {
	return TableChange{Table: tbl, Action: "rename table", Expr: to}.statement()
}

// renameColumn is the statement of RENAME COLUMN from TO to of table tbl.
func renameColumn(tbl, from, to string) string {
	return TableChange{Table: tbl, Column: from, Action: "rename column", Expr: to}.statement()
}
