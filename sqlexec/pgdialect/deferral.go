package pgdialect

import (
	"database/sql/driver"
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
	deferrable, notDeferrable, deferred, immediate := -1, -1, -1, -1
	flush := func() error {
		if kind == "fk" && len(at) > 0 {
			if notDeferrable >= 0 && deferred >= 0 {
				return syntaxErr(x.charPos(deferred), "constraint declared INITIALLY DEFERRED must be DEFERRABLE")
			}
			spell := ""
			switch {
			case deferred >= 0:
				spell = "DEFERRABLE INITIALLY DEFERRED"
			case deferrable >= 0:
				spell = "DEFERRABLE INITIALLY IMMEDIATE"
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
		deferrable, notDeferrable, deferred, immediate = -1, -1, -1, -1
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
		slot := map[string]*int{"DEFERRABLE": &deferrable, "NOT DEFERRABLE": &notDeferrable,
			"INITIALLY DEFERRED": &deferred, "INITIALLY IMMEDIATE": &immediate}[what]
		if deferrable >= 0 || notDeferrable >= 0 {
			if what == "DEFERRABLE" || what == "NOT DEFERRABLE" {
				return syntaxErr(x.charPos(k), "multiple DEFERRABLE/NOT DEFERRABLE clauses not allowed")
			}
		}
		if deferred >= 0 || immediate >= 0 {
			if what == "INITIALLY DEFERRED" || what == "INITIALLY IMMEDIATE" {
				return syntaxErr(x.charPos(k), "multiple INITIALLY IMMEDIATE/DEFERRED clauses not allowed")
			}
		}
		*slot = k
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

// syntaxErrPast is the syntax error at token i, which may be past the
// last one (the end of the input).
func (x *tx) syntaxErrPast(i int) *Error {
	if i < x.n() {
		return x.syntaxErrAt(i)
	}
	return syntaxErr(0, "syntax error at end of input")
}
