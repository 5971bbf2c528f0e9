package pgdialect

import (
	"fmt"
	"strings"
)

// ALTER TABLE t VALIDATE CONSTRAINT n: PostgreSQL checks the existing rows
// against a CHECK or foreign key added NOT VALID (23514, 23503 as ADD
// CONSTRAINT reports them). The translation carries the name to apply
// (TableChange action "validate constraint"); there ValidatedConstraint
// finds the constraint in the table's definition and the state machine
// checks the rows (sqlexec/validateconstraint.go). A constraint that was
// valid already passes the same check: SQLite enforced it on every row
// written since.

// validateConstraint translates VALIDATE CONSTRAINT name (tokens k..b-1,
// after VALIDATE CONSTRAINT).
func (x *tx) validateConstraint(tbl string, k, b int) (string, error) {
	name, next := x.name(k)
	if name == "" || next != b {
		return "", x.syntaxErrAt(next)
	}
	return TableChange{Table: tbl, Column: name, Action: "validate constraint"}.statement(), nil
}

// ValidatedConstraint finds constraint name of table's definition
// createSQL for VALIDATE CONSTRAINT: a CHECK's parenthesized expression
// (check), or the foreign key (fk); PostgreSQL's 42809 for a key
// constraint (one in keys: the table's key indexes added by ALTER TABLE)
// and 42704 for none.
func ValidatedConstraint(createSQL, table, name string, keys []string) (check string, fk bool, err error) {
	x := newTx(createSQL)
	p := x.findParen(0, x.n())
	if p < 0 {
		return "", false, unsupported("ALTER TABLE %s VALIDATE CONSTRAINT", table)
	}
	// CONSTRAINT name CHECK (...), a table element or a column's clause
	for i := p + 1; i < x.match(p); i++ {
		if x.kw(i, "CONSTRAINT") && strings.EqualFold(x.T(i+1).identName(), name) && x.kw(i+2, "CHECK") && x.isP(i+3, "(") {
			return x.text(i+3, x.match(i+3)+1), false, nil
		}
	}
	for _, f := range ForeignKeys(createSQL) {
		if strings.EqualFold(FKConstraintName(table, f), name) {
			return "", true, nil
		}
	}
	isKey := containsFold(keys, name)
	for _, kc := range KeyConstraints(createSQL, table) {
		isKey = isKey || strings.EqualFold(kc.Name, name)
	}
	if isKey {
		return "", false, &Error{Code: "42809", Message: fmt.Sprintf("constraint \"%s\" of relation \"%s\" is not a foreign key or check constraint", name, table)}
	}
	return "", false, &Error{Code: "42704", Message: fmt.Sprintf("constraint \"%s\" of relation \"%s\" does not exist", name, table)}
}
