package pgdialect

import "fmt"

// A column definition's constraints that contradict an identity, as
// PostgreSQL's transformColumnDefinition refuses them (42601, at the later
// of the two): a second GENERATED ... AS IDENTITY, a DEFAULT beside it
// (also a serial type's implicit one), and NULL beside it (an identity
// column is NOT NULL). They were taken: the identity silently won over
// the DEFAULT and the NULL.

// columnConflicts is what columnDef has seen of a column's constraints.
type columnConflicts struct {
	col, table                        string
	depth                             int // the constraints' nesting depth
	identity, dflt, nullable, notNull bool
}

// columnConflict notes the constraint at token c of a column definition
// of CREATE TABLE (serial: the column's type is serial) and refuses one
// that contradicts an earlier one.
func (x *tx) columnConflict(cc *columnConflicts, c int, serial bool) error {
	if cc.table == "" || x.depth[c] != cc.depth || x.kw(c-1, "SET") {
		// not CREATE TABLE's column; a CHECK's or a DEFAULT's own
		// tokens; a foreign key's ON DELETE SET NULL / SET DEFAULT
		return nil
	}
	errAt := func(msg string) error {
		return syntaxErr(x.charPos(c), msg+" for column \"%s\" of table \"%s\"", cc.col, cc.table)
	}
	switch {
	case x.kw(c, "GENERATED", "ALWAYS", "AS", "IDENTITY"), x.kw(c, "GENERATED", "BY", "DEFAULT", "AS", "IDENTITY"):
		switch {
		case cc.identity:
			return errAt("multiple identity specifications")
		case serial:
			return &Error{Code: "42601", Message: fmt.Sprintf("both default and identity specified for column \"%s\" of table \"%s\"", cc.col, cc.table)}
		case cc.dflt:
			return errAt("both default and identity specified")
		case cc.nullable && !cc.notNull:
			return errAt("conflicting NULL/NOT NULL declarations")
		}
		cc.identity, cc.nullable, cc.notNull = true, true, true
	case x.kw(c, "DEFAULT"):
		if cc.identity {
			return errAt("both default and identity specified")
		}
		cc.dflt = true
	case x.kw(c, "NOT", "NULL"):
		if cc.nullable && !cc.notNull {
			return errAt("conflicting NULL/NOT NULL declarations")
		}
		cc.nullable, cc.notNull = true, true
	case x.kw(c, "NULL") && !x.kw(c-1, "NOT") && (cc.identity || cc.notNull):
		return errAt("conflicting NULL/NOT NULL declarations")
	case x.kw(c, "NULL") && !x.kw(c-1, "NOT"):
		cc.nullable = true
	}
	return nil
}
