package sqlexec

import "fmt"

// Edits of sqlite_schema's text (writable_schema), SQLite's documented
// way to change a definition in place (droptable.go, rebuild.go,
// comments.go).
//
// While writable_schema is on, SQLite keeps a schema it loaded only in
// part (sqlite3InitOne, under SQLITE_NoSchemaError): a load stopped
// half-way leaves the connection without the objects after the cut, as if
// they did not exist, until its next schema reset. A load happens at any
// statement after a reset (a ROLLBACK of DDL does one), and the progress
// handler stops statements, loads included, for the work budget, a cancel
// request, a shutdown or a waiting apply (budget.go, preempt.go). So no
// interrupt is given while an edit runs: the meter's schemaEdit count
// holds them back, and the window is a handful of short statements.

// schemaEdit replaces the text of one schema object.
type schemaEdit struct{ typ, name, sql string }

// editSchema replaces the definitions in edits and bumps the schema
// version, so that other connections reload it. The connection itself
// keeps its in-memory schema until a PRAGMA writable_schema=RESET (the
// caller decides when: a table rebuild drops the table first).
func editSchema(c *lconn, edits []schemaEdit) (err error) {
	ver, err := c.schemaVersion()
	if err != nil {
		return err
	}
	if m := c.meter; m != nil {
		m.schemaEdit++
		defer func() { m.schemaEdit-- }()
	}
	if err := c.exec("PRAGMA writable_schema=ON"); err != nil {
		return err
	}
	defer func() {
		if e := c.exec("PRAGMA writable_schema=OFF"); err == nil {
			err = e
		}
	}()
	for _, e := range edits {
		if err := execArgs(c, "UPDATE sqlite_schema SET sql = ?1 WHERE type = ?2 AND name = ?3", e.sql, e.typ, e.name); err != nil {
			return err
		}
	}
	return c.exec(fmt.Sprintf("PRAGMA schema_version=%d", ver+1))
}
