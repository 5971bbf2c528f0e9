package sqlexec

import (
	"fmt"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// refuseConstraintIndexDrop is PostgreSQL's 2BP01 for DROP INDEX of the
// index a PRIMARY KEY or UNIQUE constraint owns (pgd_idx names it after
// the constraint). SQLite dropped such an index made by ALTER TABLE ...
// ADD CONSTRAINT, and with it the constraint: duplicates were accepted
// afterwards. Run at apply, on the state the statement drops from.
func refuseConstraintIndexDrop(c *lconn, sqlText string) *Error {
	name := pgdialect.DroppedIndex(sqlText)
	if name == "" {
		return nil
	}
	defer c.enterAuth(authOff)() // the catalog views, not the statement's allow-list
	tables, err := queryStrings(c, `SELECT tbl FROM pgd_idx WHERE pgname = ?1 COLLATE NOCASE AND contype IN ('p', 'u')`, name)
	if err != nil || len(tables) == 0 {
		return nil // not a constraint's: SQLite drops it or says it does not exist
	}
	return &Error{Code: "2BP01", Statement: -1,
		Message:  fmt.Sprintf("cannot drop index %s because constraint %s on table %s requires it", name, name, tables[0]),
		HintText: fmt.Sprintf("You can drop constraint %s on table %s instead.", name, tables[0])}
}
