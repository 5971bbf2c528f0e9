package pgdialect

// createfk.go: CREATE TABLE's foreign keys between types that join.
//
// PostgreSQL refuses a foreign key whose column pair's types have no
// equality operator to implement it (42804, fktypes.go): a text column
// referencing an integer key. The referenced columns' types are known
// only from the schema (and from the new table itself for a
// self-reference), so a CREATE TABLE with a REFERENCES clause ends its
// log entry with
//
//	SELECT pg_fk_types('t')
//
// which sqlexec runs at apply (sqlexec/createfk.go), after the table is
// created, at the entry's log position: it checks every key of t as
// ALTER TABLE ... ADD FOREIGN KEY does, and its error rolls the entry
// (the CREATE TABLE) back. Elsewhere (a temporary table) the function
// answers NULL.

import (
	"database/sql/driver"
	"strings"

	sqlite "modernc.org/sqlite"
)

// FKTypesFunc names the statement that checks a new table's foreign keys.
const FKTypesFunc = "pg_fk_types"

// fkTypesSQL is the statement checking table's foreign keys.
func fkTypesSQL(table string) string {
	return "SELECT " + FKTypesFunc + "(" + quoteLit(table) + ")"
}

// ParseFKTypes is the table named by a statement of fkTypesSQL's form;
// false for any other statement.
func ParseFKTypes(sqlText string) (string, bool) {
	return parseNameCall(sqlText, FKTypesFunc)
}

// parseNameCall is the name of "SELECT fn('name')", false for any other
// statement.
func parseNameCall(sqlText, fn string) (string, bool) {
	rest, ok := strings.CutPrefix(sqlText, "SELECT "+fn+"(")
	if !ok || !strings.HasSuffix(rest, ")") {
		return "", false
	}
	lit := strings.TrimSuffix(rest, ")")
	if len(lit) < 2 || lit[0] != '\'' || lit[len(lit)-1] != '\'' {
		return "", false
	}
	inner := lit[1 : len(lit)-1]
	if strings.Contains(strings.ReplaceAll(inner, "''", ""), "'") {
		return "", false
	}
	return strings.ReplaceAll(inner, "''", "'"), true
}

// hasReferences reports whether the column list between tokens i and e
// has a REFERENCES clause (a column's or a table FOREIGN KEY's).
func (x *tx) hasReferences(i, e int) bool {
	for k := i; k < e; k++ {
		if x.T(k).kw("REFERENCES") {
			return true
		}
	}
	return false
}

// fnFKTypes is pg_fk_types where sqlexec does not run it as a statement
// of its own: nothing to do.
func fnFKTypes(_ *sqlite.FunctionContext, _ []driver.Value) (driver.Value, error) {
	return nil, nil
}
