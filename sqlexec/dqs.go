package sqlexec

import (
	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// SQLite's double-quoted string literal misfeature: an identifier in
// double quotes that names no column is read as a string. PostgreSQL's
// "x" is always an identifier, so SELECT "nosuch" FROM t answered a row
// of the text nosuch, UPDATE t ... WHERE "nosuch" = 'x' matched nothing
// silently, and CREATE INDEX ON t ("nosuch") / CHECK ("nosuch" > 0)
// were accepted (a later DROP COLUMN then failed on the index). Turned
// off on every connection, for statements and DDL: an unknown quoted
// name is then SQLite's "no such column", PostgreSQL's 42703. SQLite
// still reads an existing schema with the misfeature on, so a database
// written before stays readable.
func noDoubleQuotedStrings(c *lconn) {
	for _, op := range []int32{lib.SQLITE_DBCONFIG_DQS_DML, lib.SQLITE_DBCONFIG_DQS_DDL} {
		va := libc.NewVaList(int32(0), uintptr(0))
		lib.Xsqlite3_db_config(c.tls, c.db, op, va)
		libc.Xfree(c.tls, va)
	}
}
