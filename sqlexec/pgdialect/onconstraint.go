package pgdialect

// INSERT ... ON CONFLICT ON CONSTRAINT name: PostgreSQL's arbiter is the
// named primary key or UNIQUE constraint, i.e. its columns; SQLite only
// knows a conflict target of columns. Which columns a constraint has is
// a property of the schema, which the lexical translation does not see,
// so the translation records where the clause is (Stmt.OnConstraint) and
// the session, which can read the schema the statement runs on, names
// the columns in the PostgreSQL text (WithConflictTarget) and translates
// that: the repeated-key check of DO UPDATE (upsert.go) and everything
// else then see an ordinary ON CONFLICT (cols).
//
// Until then the statement translates with the clause left out (an
// ON CONFLICT without a target), which SQLite accepts: enough to describe
// the statement's parameters and result, never run: Session.exec
// resolves OnConstraint before anything else, and a query string of
// several statements with one runs statement by statement (multistmt.go).

// OnConstraint is the ON CONSTRAINT clause of an INSERT's ON CONFLICT.
type OnConstraint struct {
	Table      string // the INSERT's target table
	Constraint string // the constraint named
}

// onConstraint finds ON CONFLICT ON CONSTRAINT name in an INSERT at i
// (the index of the first ON), records it and blanks the clause.
func (x *tx) onConstraint(i int) error {
	name := x.T(i + 4)
	if name.typ != tIdent && name.typ != tQIdent {
		return x.syntaxErrAt(i + 4)
	}
	into := x.findKw(0, x.n(), 0, "INTO")
	table, _ := x.name(into + 1)
	if into < 0 || table == "" {
		return x.syntaxErrAt(i)
	}
	x.onConstr = &OnConstraint{Table: table, Constraint: name.identName()}
	x.blank(i+2, i+5)
	return nil
}

// WithConflictTarget is the PostgreSQL text sql of an INSERT with its
// ON CONFLICT ON CONSTRAINT name replaced by the conflict target cols
// (PostgreSQL's quoted identifiers, "a, b"); sql unchanged if it has
// none.
func WithConflictTarget(sql string, cols string) string {
	x := newTx(sql)
	for i := 0; i+4 < x.n(); i++ {
		if x.kw(i, "ON", "CONFLICT", "ON", "CONSTRAINT") {
			a, z := x.T(i+2), x.T(i+4)
			return sql[:a.pos] + "(" + cols + ")" + sql[z.pos+len(z.text):]
		}
	}
	return sql
}
