package pgdialect

// notvalid.go: a constraint added NOT VALID is kept as not validated.
//
// ALTER TABLE ... ADD CONSTRAINT n CHECK (...) | FOREIGN KEY ... NOT VALID
// skips the check of the existing rows, and PostgreSQL records the
// constraint as not validated (pg_constraint.convalidated false,
// pg_get_constraintdef ending in NOT VALID) until ALTER TABLE ...
// VALIDATE CONSTRAINT n checks them. The constraint is appended to the
// table's CREATE TABLE text at apply (constraint_ddl.go); a NOT VALID one
// carries notValidMark right after its name, inside its own element, so
// it goes with the constraint when it is dropped and follows the table's
// definition wherever it goes (snapshots, renames). VALIDATE CONSTRAINT
// removes it (ClearNotValid, sqlexec/validateconstraint.go); the catalog
// reads it with pg_con_valid.

import (
	"database/sql/driver"
	"strings"

	sqlite "modernc.org/sqlite"
)

// notValidMark follows the name of a constraint added NOT VALID.
const notValidMark = "/*pg_not_valid*/"

// notValidAt is the index of the token of notValidMark of constraint name
// in the CREATE TABLE text x, -1 when it has none.
func notValidAt(x *tx, name string) int {
	open := x.firstTopParen()
	if open < 0 {
		return -1
	}
	for _, el := range x.splitTop(open+1, x.match(open)) {
		if el[1]-el[0] < 3 || !x.T(el[0]).kw("CONSTRAINT") || !strings.EqualFold(x.T(el[0]+1).identName(), name) {
			continue
		}
		for k := x.sig[el[0]+1] + 1; k < x.sig[el[0]+2]; k++ {
			if x.toks[k].typ == tComment && x.toks[k].text == notValidMark {
				return k
			}
		}
	}
	return -1
}

// ClearNotValid is createSQL with constraint name validated; false when it
// was not marked NOT VALID.
func ClearNotValid(createSQL, name string) (string, bool) {
	if !strings.Contains(createSQL, notValidMark) {
		return "", false
	}
	x := newTx(createSQL)
	at := notValidAt(x, name)
	if at < 0 {
		return "", false
	}
	var b strings.Builder
	for k := range x.toks {
		if k == at || k == at+1 && x.toks[k].typ == tSpace {
			continue
		}
		b.WriteString(x.toks[k].text)
	}
	return b.String(), true
}

// fnConValid is pg_con_valid(createSQL, name): 0 when constraint name of
// the table's CREATE TABLE text was added NOT VALID and not validated
// since, else 1.
func fnConValid(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	sql := str(a[0])
	if !strings.Contains(sql, notValidMark) || notValidAt(newTx(sql), str(a[1])) < 0 {
		return int64(1), nil
	}
	return int64(0), nil
}

// HasNotValid reports whether createSQL has a constraint added NOT VALID.
func HasNotValid(createSQL string) bool {
	return strings.Contains(createSQL, notValidMark)
}

// WithoutNotValidChecks is createSQL without its CHECK constraints added
// NOT VALID (and not validated since): the definition under which a
// statement that writes the table's existing rows again (a rebuild's copy,
// a rewrite of every row) runs, as PostgreSQL checks no old constraint on
// them; the caller puts createSQL back afterwards.
func WithoutNotValidChecks(createSQL string) string {
	if !strings.Contains(createSQL, notValidMark) {
		return createSQL
	}
	x := newTx(createSQL)
	open := x.firstTopParen()
	if open < 0 {
		return createSQL
	}
	out, last := "", 0
	prevEnd := -1 // token index of the comma before the element
	for _, el := range x.splitTop(open+1, x.match(open)) {
		isNV := el[1]-el[0] >= 4 && x.T(el[0]).kw("CONSTRAINT") && x.T(el[0]+2).kw("CHECK") &&
			notValidAt(x, x.T(el[0]+1).identName()) >= 0
		if isNV && prevEnd >= 0 {
			lo := x.T(prevEnd).pos // the comma before it
			hi := x.T(el[1]-1).pos + len(x.T(el[1]-1).text)
			out += createSQL[last:lo]
			last = hi
		}
		prevEnd = el[1]
	}
	return out + createSQL[last:]
}
