package pgdialect

import (
	"database/sql/driver"
	"fmt"
	"strings"

	sqlite "modernc.org/sqlite"
)

// Deferrable constraints (DEFERRABLE, NOT DEFERRABLE, INITIALLY DEFERRED,
// INITIALLY IMMEDIATE) and SET CONSTRAINTS.
//
// Only foreign keys can be deferred: SQLite checks a foreign key declared
// DEFERRABLE INITIALLY DEFERRED when its transaction commits (and all of
// them under PRAGMA defer_foreign_keys), but checks UNIQUE, PRIMARY KEY and
// CHECK row by row. So constraintAttrs, run on every element of CREATE
// TABLE and ALTER TABLE ... ADD, writes a foreign key's attributes in the
// one spelling SQLite reads (DEFERRABLE INITIALLY DEFERRED, DEFERRABLE
// INITIALLY IMMEDIATE, or nothing for NOT DEFERRABLE) and refuses a
// deferrable UNIQUE or PRIMARY KEY with 0A000; a misplaced or repeated
// attribute is PostgreSQL's 42601. The stored definition is then the
// record of the foreign key's deferrability: ForeignKeys reads it back for
// the catalog (pg_constraint.condeferrable/condeferred, information_schema)
// and for SET CONSTRAINTS' checks (sqlexec/deferred.go).

// constraintAttrs checks and rewrites the constraint attributes of one
// table element x[lo:hi] (a column definition or a table constraint).
// An attribute belongs to the constraint before it, as in PostgreSQL.
func (x *tx) constraintAttrs(lo, hi int) error {
	kind := "" // "fk", "unique", "pk", "check", "other" or "" (none yet)
	table := x.kw(lo, "CONSTRAINT") || x.kw(lo, "FOREIGN") || x.kw(lo, "UNIQUE") || x.kw(lo, "PRIMARY") || x.kw(lo, "CHECK")
	var at []int     // attribute tokens of the current constraint
	foreign := false // FOREIGN KEY seen, its REFERENCES not yet
	set := newAttrSet()
	flush := func() error {
		if kind == "fk" && len(at) > 0 {
			spell, err := set.spelling(x)
			if err != nil {
				return err
			}
			for _, k := range at {
				x.T(k).set("")
			}
			x.T(at[0]).set(spell)
		} else {
			for _, k := range at { // NOT DEFERRABLE, INITIALLY IMMEDIATE: the default
				x.T(k).set("")
			}
		}
		at = at[:0]
		set = newAttrSet()
		return nil
	}
	// attr records the attribute at k (n tokens) for the current constraint.
	attr := func(k, n int, what string) error {
		if k == lo { // no column name before it
			return x.syntaxErrAt(k)
		}
		switch kind {
		case "fk":
		case "unique", "pk":
			if what == "DEFERRABLE" || what == "INITIALLY DEFERRED" {
				name := "UNIQUE"
				if kind == "pk" {
					name = "PRIMARY KEY"
				}
				return unsupported("DEFERRABLE %s constraints are not supported (SQLite checks them row by row); only foreign keys can be deferred", name)
			}
		case "check":
			if table {
				if what == "DEFERRABLE" || what == "INITIALLY DEFERRED" {
					return unsupported("CHECK constraints cannot be marked DEFERRABLE")
				}
				break
			}
			return syntaxErr(x.charPos(k), "misplaced %s clause", what)
		default:
			return syntaxErr(x.charPos(k), "misplaced %s clause", what)
		}
		// FOREIGN KEY ... REFERENCES: one attribute list (PostgreSQL's
		// ConstraintAttributeSpec); a column's: separate elements
		if err := set.add(x, k, what, kind == "fk" && table); err != nil {
			return err
		}
		for i := k; i < k+n; i++ {
			at = append(at, i)
		}
		return nil
	}
	begin := func(k string) error {
		if err := flush(); err != nil {
			return err
		}
		kind = k
		return nil
	}
	for k := lo; k < hi; k++ {
		if x.isP(k, "(") {
			k = x.match(k)
			continue
		}
		var err error
		switch t := x.T(k); {
		case t.kw("DEFERRABLE"):
			err = attr(k, 1, "DEFERRABLE")
		case t.kw("NOT") && x.kw(k+1, "DEFERRABLE"):
			err = attr(k, 2, "NOT DEFERRABLE")
			k++
		case t.kw("INITIALLY") && (x.kw(k+1, "DEFERRED") || x.kw(k+1, "IMMEDIATE")):
			err = attr(k, 2, "INITIALLY "+x.T(k+1).upper())
			k++
		case t.kw("INITIALLY"):
			err = x.syntaxErrPast(k + 1)
		case kind == "fk" && t.kw("ON") && (x.kw(k+1, "DELETE") || x.kw(k+1, "UPDATE")):
			// a referential action, part of the foreign key
			k += 2
			if x.kw(k, "SET") || x.kw(k, "NO") {
				k++
			}
			if x.isP(k+1, "(") { // SET NULL (cols)
				k = x.match(k + 1)
			}
		case kind == "fk" && t.kw("MATCH"):
			k++
		case t.kw("FOREIGN"):
			err = begin("fk")
			foreign = true
		case t.kw("REFERENCES"):
			if !foreign { // FOREIGN KEY ... REFERENCES is one constraint
				err = begin("fk")
			}
			foreign = false
		case t.kw("UNIQUE"):
			err = begin("unique")
		case t.kw("PRIMARY"):
			err = begin("pk")
		case t.kw("CHECK"):
			err = begin("check")
		case t.kw("NULL"), t.kw("DEFAULT"), t.kw("GENERATED"), t.kw("EXCLUDE"):
			err = begin("other")
		}
		if err != nil {
			return err
		}
	}
	return flush()
}

// attrSet is the attributes given one constraint: the token of each, -1
// when absent.
type attrSet struct{ deferrable, notDeferrable, deferred, immediate int }

func newAttrSet() attrSet { return attrSet{-1, -1, -1, -1} }

// add records the attribute what at token k. In one attribute list
// (list: a table constraint's, ALTER CONSTRAINT's) PostgreSQL accepts a
// repeat and refuses a contradiction; a column's attributes are
// constraint elements of their own, of which it refuses any repeat.
func (a *attrSet) add(x *tx, k int, what string, list bool) *Error {
	slot := map[string]*int{"DEFERRABLE": &a.deferrable, "NOT DEFERRABLE": &a.notDeferrable,
		"INITIALLY DEFERRED": &a.deferred, "INITIALLY IMMEDIATE": &a.immediate}[what]
	mode := what == "DEFERRABLE" || what == "NOT DEFERRABLE"
	if !list {
		switch {
		case mode && (a.deferrable >= 0 || a.notDeferrable >= 0):
			return syntaxErr(x.charPos(k), "multiple DEFERRABLE/NOT DEFERRABLE clauses not allowed")
		case !mode && (a.deferred >= 0 || a.immediate >= 0):
			return syntaxErr(x.charPos(k), "multiple INITIALLY IMMEDIATE/DEFERRED clauses not allowed")
		}
		*slot = k
		return nil
	}
	if *slot < 0 {
		*slot = k
	}
	switch {
	case a.notDeferrable >= 0 && a.deferred >= 0:
		return syntaxErr(x.charPos(k), "constraint declared INITIALLY DEFERRED must be DEFERRABLE")
	case a.deferrable >= 0 && a.notDeferrable >= 0, a.deferred >= 0 && a.immediate >= 0:
		return syntaxErr(x.charPos(k), "conflicting constraint properties")
	}
	return nil
}

// spelling is the attributes as SQLite reads them (INITIALLY DEFERRED
// implies DEFERRABLE; NOT DEFERRABLE is SQLite's default, "").
func (a attrSet) spelling(x *tx) (string, *Error) {
	switch {
	case a.notDeferrable >= 0 && a.deferred >= 0:
		return "", syntaxErr(x.charPos(a.deferred), "constraint declared INITIALLY DEFERRED must be DEFERRABLE")
	case a.deferred >= 0:
		return "DEFERRABLE INITIALLY DEFERRED", nil
	case a.deferrable >= 0:
		return "DEFERRABLE INITIALLY IMMEDIATE", nil
	}
	return "", nil
}

// fkDeferral reads the attributes of the foreign key clause w[lo:hi] as
// constraintAttrs wrote them.
func fkDeferral(w []token, lo, hi int) (deferrable, deferred bool) {
	for j := lo; j < hi; j++ {
		switch {
		case w[j].kw("NOT") && j+1 < hi && w[j+1].kw("DEFERRABLE"):
			j++
		case w[j].kw("DEFERRABLE"):
			deferrable = true
		case w[j].kw("INITIALLY") && j+1 < hi && w[j+1].kw("DEFERRED"):
			deferred = true
		}
	}
	return deferrable, deferred && deferrable
}

// fkAttrs are the byte ranges of the attribute words of the foreign key
// clause w[lo:hi] and the offset after the clause.
func fkAttrs(w []token, lo, hi int) (attrs [][2]int, at int) {
	span := func(a, b int) [2]int { return [2]int{w[a].pos, w[b].pos + len(w[b].text)} }
	for j := lo; j < hi; j++ {
		switch {
		case j+1 < hi && (w[j].kw("NOT") && w[j+1].kw("DEFERRABLE") || w[j].kw("INITIALLY")):
			attrs = append(attrs, span(j, j+1))
			j++
		case w[j].kw("DEFERRABLE"):
			attrs = append(attrs, span(j, j))
		}
	}
	if hi > lo {
		at = w[hi-1].pos + len(w[hi-1].text)
	}
	return attrs, at
}

// AlterFKDeferral is ALTER TABLE ... ALTER CONSTRAINT: createSQL (the
// table's CREATE TABLE) with the foreign key ch.Column's attributes
// replaced by ch.Expr (their spelling from constraintAttrs). indexes are
// the table's index names (constraints too, but not foreign keys).
func AlterFKDeferral(createSQL string, ch TableChange, indexes []string) (string, error) {
	for _, fk := range ForeignKeys(createSQL) {
		if !strings.EqualFold(FKConstraintName(ch.Table, fk), ch.Column) {
			continue
		}
		var b strings.Builder
		last := 0
		for _, r := range fk.attrs {
			b.WriteString(createSQL[last:r[0]])
			last = r[1]
		}
		b.WriteString(createSQL[last:fk.attrAt])
		if ch.Expr != "" {
			b.WriteString(" " + ch.Expr)
		}
		b.WriteString(createSQL[fk.attrAt:])
		return b.String(), nil
	}
	x := newTx(createSQL)
	if p := x.findParen(0, x.n()); p >= 0 && containsFold(constraintNames(x, p, x.match(p), ch.Table, createSQL, indexes), ch.Column) {
		return "", &Error{Code: "42809", Message: fmt.Sprintf("constraint \"%s\" of relation \"%s\" is not a foreign key constraint", ch.Column, ch.Table)}
	}
	return "", &Error{Code: "42704", Message: fmt.Sprintf("constraint \"%s\" of relation \"%s\" does not exist", ch.Column, ch.Table)}
}

// alterConstraint translates ALTER CONSTRAINT name [attributes] at k
// (after ALTER CONSTRAINT) up to b: the change made at apply.
func (x *tx) alterConstraint(tbl string, k, b int) (string, error) {
	name, j := x.name(k)
	if name == "" {
		return "", x.syntaxErrPast(k)
	}
	set := newAttrSet()
	for i := j; i < b; i++ {
		var err *Error
		switch {
		case x.kw(i, "DEFERRABLE"):
			err = set.add(x, i, "DEFERRABLE", true)
		case x.kw(i, "NOT", "DEFERRABLE"), x.kw(i, "INITIALLY", "DEFERRED"), x.kw(i, "INITIALLY", "IMMEDIATE"):
			err = set.add(x, i, x.T(i).upper()+" "+x.T(i+1).upper(), true)
			i++
		default:
			err = x.syntaxErrAt(i)
		}
		if err != nil {
			return "", err
		}
	}
	spell, err := set.spelling(x)
	if err != nil {
		return "", err
	}
	return TableChange{Table: tbl, Column: name, Action: "alter constraint", Expr: spell}.statement(), nil
}

// FKDeferral reports whether table's foreign key on cols referencing
// refTable (createSQL is the table's CREATE TABLE, as stored) is
// DEFERRABLE and INITIALLY DEFERRED.
func FKDeferral(createSQL string, cols []string, refTable string) (deferrable, deferred bool) {
	for _, f := range ForeignKeys(createSQL) {
		if strings.EqualFold(f.RefTable, refTable) && strings.EqualFold(strings.Join(f.Columns, ","), strings.Join(cols, ",")) {
			return f.Deferrable, f.Deferred
		}
	}
	return false, false
}

// fnFKDeferral(createSQL, "col1,col2", reftable): 0 for a foreign key
// NOT DEFERRABLE, 1 for DEFERRABLE INITIALLY IMMEDIATE, 2 for DEFERRABLE
// INITIALLY DEFERRED (the catalog's condeferrable/condeferred).
func fnFKDeferral(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	deferrable, deferred := FKDeferral(str(a[0]), strings.Split(str(a[1]), ","), str(a[2]))
	switch {
	case deferred:
		return int64(2), nil
	case deferrable:
		return int64(1), nil
	}
	return int64(0), nil
}

// setConstraints parses SET CONSTRAINTS {ALL | name [, ...]} {DEFERRED |
// IMMEDIATE} after SET at i (at CONSTRAINTS). Names lose a schema
// qualifier (one schema, public).
func (x *tx) setConstraints(i int) (*Stmt, error) {
	i++ // CONSTRAINTS
	st := &Stmt{Kind: KindSetConstraints, Tag: "SET CONSTRAINTS"}
	if x.kw(i, "ALL") {
		i++
	} else {
		for {
			n, j := x.name(i)
			if n == "" {
				return nil, x.syntaxErrPast(i)
			}
			if err := x.constraintQualifier(i, j); err != nil {
				return nil, err
			}
			st.Constraints = append(st.Constraints, n)
			i = j
			if !x.isP(i, ",") {
				break
			}
			i++
		}
	}
	switch {
	case x.kw(i, "DEFERRED"), x.kw(i, "IMMEDIATE"):
		st.Value = x.T(i).upper()
	default:
		return nil, x.syntaxErrPast(i)
	}
	if i+1 < x.n() {
		return nil, x.syntaxErrAt(i + 1)
	}
	return st, nil
}

// constraintQualifier checks the qualifier of the constraint name at
// tokens i..j-1 as PostgreSQL does: a schema that does not exist is 3F000
// (not the name's own 42704), a catalog 0A000, more parts 42601.
func (x *tx) constraintQualifier(i, j int) error {
	parts := (j - i + 1) / 2
	full := make([]string, 0, parts)
	for k := i; k < j; k += 2 {
		full = append(full, x.T(k).identName())
	}
	switch {
	case parts > 3:
		return &Error{Code: "42601", Message: "improper qualified name (too many dotted names): " + strings.Join(full, ".")}
	case parts == 3:
		return &Error{Code: "0A000", Message: "cross-database references are not implemented: " + strings.Join(full, ".")}
	case parts == 2 && !knownSchema(full[0]):
		return &Error{Code: "3F000", Message: "schema \"" + full[0] + "\" does not exist"}
	}
	return nil
}

// syntaxErrPast is the syntax error at token i, which may be past the
// last one (the end of the input).
func (x *tx) syntaxErrPast(i int) *Error {
	if i < x.n() {
		return x.syntaxErrAt(i)
	}
	return syntaxErr(0, "syntax error at end of input")
}
