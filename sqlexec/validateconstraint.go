package sqlexec

import (
	"fmt"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// ALTER TABLE t VALIDATE CONSTRAINT n at apply (pgdialect/
// validateconstraint.go finds the constraint): the existing rows are
// checked as ADD CONSTRAINT checks them, with its errors, and a
// constraint added NOT VALID is then recorded as validated (its mark
// removed from the definition: pgdialect/notvalid.go). Inside the entry,
// on the schema at its log position.

// validateConstraint checks table name's rows (definition createSQL)
// against its constraint ch.Column and records it as validated.
func validateConstraint(c *lconn, name, createSQL string, ch pgdialect.TableChange) error {
	keys, err := queryStrings(c, "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 COLLATE NOCASE AND sql IS NOT NULL", name)
	if err != nil {
		return err
	}
	check, fk, err := pgdialect.ValidatedConstraint(createSQL, name, ch.Column, keys)
	if err != nil {
		return dialectError(err)
	}
	if check != "" {
		if err := checkViolated(c, name, ch.Column, check); err != nil {
			return err
		}
		return markValidated(c, name, createSQL, ch.Column)
	}
	if !fk {
		return nil
	}
	// the foreign key's number among the table's (catalog.go's pgd_fk
	// names them as PostgreSQL does)
	st, _, err := c.prepareFresh(`SELECT id FROM pgd_fk WHERE tbl = ?1 COLLATE NOCASE AND conname = ?2 COLLATE NOCASE`)
	if err != nil {
		return err
	}
	var ids []int64
	_, err = st.run([]any{name, ch.Column}, func(r []any) error {
		if id, ok := r[0].(int64); ok {
			ids = append(ids, id)
		}
		return nil
	})
	st.finalize()
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return fmt.Errorf("validate constraint %s of %s: not in pgd_fk", ch.Column, name)
	}
	e := &Error{Code: CodeForeignKeyViolation, Statement: -1, Table: name, Constraint: ch.Column,
		Message: fmt.Sprintf("insert or update on table \"%s\" violates foreign key constraint \"%s\"", name, ch.Column)}
	if x := foreignKeyViolationOf(c, e, name, name, false, ids); x != nil { // constraint_errors.go: the key
		return x
	}
	return markValidated(c, name, createSQL, ch.Column)
}

// markValidated records constraint conname of table name (definition
// createSQL) as validated: its NOT VALID mark is taken out of the
// definition (pgdialect/notvalid.go), which changes nothing else.
func markValidated(c *lconn, name, createSQL, conname string) error {
	sql, ok := pgdialect.ClearNotValid(createSQL, conname)
	if !ok {
		return nil // valid already
	}
	if err := rewriteTables(c, []dependent{{table: name, sql: sql}}); err != nil {
		return err
	}
	return c.exec("PRAGMA writable_schema=RESET")
}

// checkViolated is PostgreSQL's 23514 when a row of table is false for
// the CHECK constraint named name (expr: its parenthesized expression).
// The expression is the user's: it runs under the write allow-list.
func checkViolated(c *lconn, table, name, expr string) error {
	restore := c.enterAuth(authWrite)
	_, found, err := queryInt(c, "SELECT 1 FROM "+quoteIdent(table)+" WHERE NOT "+expr+" LIMIT 1")
	if e := c.authRefusal(); e != nil {
		err = e
	}
	restore()
	if err != nil {
		return err
	}
	if found {
		return &Error{Code: CodeCheckViolation, Statement: -1, Table: table, Constraint: name,
			Message: fmt.Sprintf("check constraint \"%s\" of relation \"%s\" is violated by some row", name, table)}
	}
	return nil
}

// checkCompiles compiles a CHECK expression on table and reads no row
// (ADD CHECK ... NOT VALID): its errors are the expression's.
func checkCompiles(c *lconn, table, expr string) error {
	defer c.enterAuth(authWrite)()
	_, _, err := queryInt(c, "SELECT 1 FROM "+quoteIdent(table)+" WHERE NOT "+expr+" LIMIT 0")
	if e := c.authRefusal(); e != nil {
		err = e
	}
	return err
}
