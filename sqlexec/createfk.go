package sqlexec

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// checkCreatedFKTypes runs pg_fk_types(table), the last statement of a
// CREATE TABLE's log entry that has a REFERENCES clause, at apply
// (pgdialect/createfk.go): every foreign key of the new table must join
// its column pairs' types, as PostgreSQL requires (42804), the check
// ALTER TABLE ... ADD FOREIGN KEY makes (altertype_fk.go). It runs after
// the table is created, so a self-reference sees the table's own
// columns. Before the types, as PostgreSQL's order is: a referenced table
// that does not exist is 42P01, a referenced column that does not exist
// 42703, referenced columns that are no primary key or unique constraint
// 42830 (refuseCreatedFKTargets; both were
// accepted, every later write to the table then failing). Its error
// rolls the entry back, the table with it.
func checkCreatedFKTypes(c *lconn, table, verb string) (res StatementResult) {
	defer c.enterAuth(authOff)()
	res.Tag = verb
	if err := refuseCreatedFKTargets(c, table); err != nil {
		res.Err = err
		return res
	}
	// in the order of the definition, as PostgreSQL checks them
	if err := refuseFKPairs(c, `k.tbl = ?1 COLLATE NOCASE`, "DESC",
		func(string, string, string, string) (string, string) { return "", "" }, table); err != nil {
		res.Err = mapError(err, "")
	}
	return res
}

// refuseCreatedFKTargets is PostgreSQL's error for a foreign key of the
// new table whose referenced table does not exist (42P01), whose
// referenced column does not exist (42703) or whose
// referenced columns have no unique index (42830: SQLite's "foreign key
// mismatch", which foreign_key_check raises even over no rows).
func refuseCreatedFKTargets(c *lconn, table string) error {
	sql, found, err := tableSQL(c, table) // serial.go
	if err != nil || !found {
		return err
	}
	fks := pgdialect.ForeignKeys(sql)
	if len(fks) == 0 {
		return nil
	}
	// a table with rows is no new one (CREATE TABLE IF NOT EXISTS of an
	// existing table): its keys were checked when it was made, and
	// foreign_key_check would read all its rows
	if _, rows, err := queryInt(c, "SELECT 1 FROM "+quoteIdent(table)+" LIMIT 1"); err != nil || rows {
		return err
	}
	columns, err := queryStrings(c, "SELECT name FROM pragma_table_xinfo(?1) WHERE hidden <> 1", table)
	if err != nil {
		return err
	}
	for _, fk := range fks {
		if err := refuseMissingFKColumns(c, fk, columns); err != nil { // fkcolumns.go: 42P01, 42703
			return err
		}
	}
	_, _, err = queryInt(c, "SELECT 1 FROM pragma_foreign_key_check(?1) LIMIT 1", table)
	return fkMismatch(err, fks[0].RefTable)
}

// refTableExists is PostgreSQL's 42P01 for a foreign key's referenced
// table that does not exist (CREATE TABLE and ADD FOREIGN KEY).
func refTableExists(c *lconn, ref string) error {
	_, ok, err := queryInt(c, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1 COLLATE NOCASE", ref)
	if err == nil && !ok {
		err = &Error{Code: CodeUndefinedTable, Statement: -1, Message: fmt.Sprintf("relation \"%s\" does not exist", ref)}
	}
	return err
}

// fkMismatch is err of a foreign_key_check with SQLite's "foreign key
// mismatch" (referenced columns that no unique index covers) made
// PostgreSQL's 42830, naming the referenced table SQLite names (ref
// when it names none); other errors as they are.
func fkMismatch(err error, ref string) error {
	if err == nil || !strings.Contains(err.Error(), "foreign key mismatch") {
		return err
	}
	if m := fkMismatchTable.FindStringSubmatch(err.Error()); m != nil {
		ref = m[1]
	}
	return &Error{Code: "42830", Statement: -1,
		Message: fmt.Sprintf("there is no unique constraint matching given keys for referenced table \"%s\"", ref)}
}

// fkMismatchTable reads the referenced table of SQLite's `foreign key
// mismatch - "child" referencing "parent"`.
var fkMismatchTable = regexp.MustCompile(`referencing "([^"]+)"`)
