package pgdialect

import (
	"database/sql/driver"
	"fmt"
	"strings"

	sqlite "modernc.org/sqlite"
)

// ALTER TABLE ... ADD [CONSTRAINT n] CHECK (e) | FOREIGN KEY (...)
// REFERENCES ... [NOT VALID], and DROP CONSTRAINT [IF EXISTS] n.
//
// SQLite cannot add a constraint to a table, so, like ALTER COLUMN
// (altercolumn.go), the change is made to the table's definition at apply:
// the constraint is appended to the CREATE TABLE text under its name
// (PostgreSQL's default name when none is given), and the existing rows are
// checked first unless NOT VALID (23514, 23503 as PostgreSQL reports them).
// DROP CONSTRAINT removes a named constraint from the definition, or
// drops the index of a UNIQUE/PRIMARY KEY constraint added by ALTER TABLE
// (ddl.go); one declared in CREATE TABLE needs the table rebuilt
// (dropkey.go).

// addConstraint translates ADD [CONSTRAINT name] CHECK/FOREIGN KEY at k
// (after the CONSTRAINT name) up to b.
func (x *tx) addConstraint(tbl, name string, k, b int) (string, error) {
	ch := TableChange{Table: tbl, Column: name}
	end := b
	if x.kw(b-2, "NOT", "VALID") {
		ch.NoValidate, end = true, b-2
	}
	switch {
	case x.kw(k, "CHECK"):
		if !x.isP(k+1, "(") || x.match(k+1) != end-1 {
			for i := x.match(k+1) + 1; i < end; i++ {
				if x.kw(i, "NO", "INHERIT") {
					return "", unsupported("CHECK ... NO INHERIT is not supported")
				}
			}
			return "", x.syntaxErrAt(x.match(k+1) + 1)
		}
		ch.Action, ch.Expr = "add check", strings.TrimSpace(x.text(k+1, end))
	case x.kw(k, "FOREIGN", "KEY"):
		ch.Action, ch.Expr = "add foreign key", strings.TrimSpace(x.text(k, end))
	}
	return ch.statement(), nil
}

// ConstraintEdit is the result of EditConstraint.
type ConstraintEdit struct {
	SQL  string // the table's new CREATE TABLE text ("" = unchanged)
	Name string // the constraint's name
	// DropIndex: the constraint is this index (DROP INDEX it).
	DropIndex string
	// ValidateCheck: an expression true for every row that satisfies
	// the new CHECK ("" = none to check).
	ValidateCheck string
	// ValidateFK: check the table's foreign keys (PRAGMA
	// foreign_key_check).
	ValidateFK bool
	// Rebuild: the dropped constraint is this PRIMARY KEY or UNIQUE
	// declared in CREATE TABLE; SQL must replace the table by a rebuild
	// (its rows copied), not by editing the definition in place.
	Rebuild *KeyConstraint
}

// EditConstraint applies a constraint change to createSQL; columns are the
// table's column names and indexes its index names (both from SQLite).
//
// refPK gives a table's primary key columns: a foreign key that names no
// referenced columns references those, written out because SQLite only
// finds a primary key declared in the referenced table's definition, not
// one added later by ALTER TABLE (a unique index).
func EditConstraint(createSQL string, ch TableChange, columns, indexes []string, refPK func(table string) []string) (*ConstraintEdit, error) {
	x := newTx(createSQL)
	p := x.findParen(0, x.n())
	if p < 0 {
		return nil, unsupported("ALTER TABLE %s ... CONSTRAINT", ch.Table)
	}
	e := x.match(p)
	out := &ConstraintEdit{Name: ch.Column}
	if ch.Action == "alter constraint" { // deferral.go
		sql, err := AlterFKDeferral(createSQL, ch, indexes)
		out.SQL = sql
		return out, err
	}
	if ch.Action != "drop constraint" && ch.Column != "" && containsFold(constraintNames(x, p, e, ch.Table, createSQL, indexes), ch.Column) {
		return nil, &Error{Code: "42710", Message: fmt.Sprintf("constraint \"%s\" for relation \"%s\" already exists", ch.Column, ch.Table)}
	}
	insert := func(clause string) {
		at := x.T(e).pos
		if ch.NoValidate {
			clause = notValidMark + " " + clause // notvalid.go
		}
		out.SQL = createSQL[:at] + ", CONSTRAINT " + quoteIdent(out.Name) + " " + clause + createSQL[at:]
	}
	switch ch.Action {
	case "add check":
		if out.Name == "" {
			// PostgreSQL: table_column_check when the expression names
			// exactly one column, else table_check
			var named []string
			for _, t := range newTx(ch.Expr).toks {
				if t.typ != tIdent && t.typ != tQIdent {
					continue
				}
				for _, c := range columns {
					if strings.EqualFold(c, t.identName()) && !containsFold(named, c) {
						named = append(named, c)
					}
				}
			}
			out.Name = ch.Table + "_check"
			if len(named) == 1 {
				out.Name = ch.Table + "_" + named[0] + "_check"
			}
		}
		insert("CHECK " + ch.Expr)
		if !ch.NoValidate {
			out.ValidateCheck = ch.Expr
		}
	case "add foreign key":
		if refPK != nil {
			ch.Expr = withRefColumns(ch.Expr, refPK)
		}
		if out.Name == "" {
			fx := newTx(ch.Expr)
			out.Name = ch.Table + "_" + strings.Join(fx.parenNames(0, fx.n()), "_") + "_fkey"
		}
		insert(ch.Expr)
		out.ValidateFK = !ch.NoValidate
	case "drop constraint":
		for _, ix := range indexes {
			if strings.EqualFold(ix, ch.Column) {
				out.DropIndex = ix
				return out, nil
			}
		}
		// a PRIMARY KEY or UNIQUE declared in CREATE TABLE (named, or by
		// PostgreSQL's default name): the table is rebuilt (dropkey.go)
		for _, kc := range KeyConstraints(createSQL, ch.Table) {
			if !strings.EqualFold(kc.Name, ch.Column) {
				continue
			}
			if kc.Primary && WithoutRowid(createSQL) {
				return nil, x.keptKeyClause(ch)
			}
			out.SQL, _ = DropKeys(createSQL, ch.Table, func(k KeyConstraint) bool { return k.lo == kc.lo })
			out.Rebuild = &kc
			return out, nil
		}
		// a named clause: a table element CONSTRAINT n ..., or a column's
		for _, r := range x.splitTop(p+1, e) {
			if x.kw(r[0], "CONSTRAINT") && strings.EqualFold(x.T(r[0]+1).identName(), ch.Column) {
				// the element with the comma before it (after it, for the first)
				lo, hi := x.T(r[0]-1).pos, x.T(r[1]-1).pos+len(x.T(r[1]-1).text)
				if !x.isP(r[0]-1, ",") {
					lo, hi = x.T(r[0]).pos, x.T(r[1]+1).pos
				}
				out.SQL = createSQL[:lo] + createSQL[hi:]
				return out, nil
			}
			first := x.T(r[0])
			if first.kw("PRIMARY") || first.kw("UNIQUE") || first.kw("CHECK") || first.kw("FOREIGN") || first.kw("CONSTRAINT") {
				continue
			}
			el := columnElem{x: x, lo: r[0], hi: r[1]}
			el.parse()
			for _, c := range el.clauses {
				if x.kw(c[0], "CONSTRAINT") && strings.EqualFold(x.T(c[0]+1).identName(), ch.Column) {
					lo, hi := x.T(c[0]).pos, x.T(c[1]-1).pos+len(x.T(c[1]-1).text)
					out.SQL = createSQL[:lo] + createSQL[hi:]
					return out, nil
				}
			}
		}
		// an unnamed foreign key, by its default name
		for _, fk := range ForeignKeys(createSQL) {
			if fk.Name == "" && strings.EqualFold(FKConstraintName(ch.Table, fk), ch.Column) {
				out.SQL = createSQL[:fk.start] + createSQL[fk.end:]
				return out, nil
			}
		}
		if ch.IfExists {
			return out, nil
		}
		return nil, &Error{Code: "42704", Message: fmt.Sprintf("constraint \"%s\" of relation \"%s\" does not exist", ch.Column, ch.Table)}
	default:
		return nil, fmt.Errorf("pgdialect: unknown constraint change %q", ch.Action)
	}
	return out, nil
}

// keptKeyClause refuses to drop the PRIMARY KEY of a table stored
// WITHOUT ROWID: the rows live in the key's B-tree, and the definition
// without the key is no table SQLite can open.
func (x *tx) keptKeyClause(ch TableChange) error {
	return &Error{Code: "0A000", Message: fmt.Sprintf("ALTER TABLE ... DROP CONSTRAINT of the PRIMARY KEY of a WITHOUT ROWID table is not supported (constraint \"%s\" of relation \"%s\")", ch.Column, ch.Table),
		Hint: "Create a new table without the constraint and copy the rows (INSERT INTO ... SELECT)."}
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

// fnFKConname(createSQL, table, "col1,col2", reftable) is the name of the
// table's foreign key on those columns: its CONSTRAINT name, or
// PostgreSQL's default table_cols_fkey.
func fnFKConname(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	return FKConname(str(a[0]), str(a[1]), strings.Split(str(a[2]), ","), str(a[3])), nil
}

// FKConname is the name of table's foreign key on cols referencing
// refTable (createSQL is the table's CREATE TABLE): its CONSTRAINT name,
// or PostgreSQL's default table_cols_fkey, as the catalog shows it.
func FKConname(createSQL, table string, cols []string, refTable string) string {
	fk := ForeignKey{Columns: cols}
	for _, f := range ForeignKeys(createSQL) {
		if f.Name != "" && strings.EqualFold(f.RefTable, refTable) && strings.EqualFold(strings.Join(f.Columns, ","), strings.Join(cols, ",")) {
			fk.Name = f.Name
			break
		}
	}
	return FKConstraintName(table, fk)
}

// constraintNames lists the names a table's constraints are known by in
// the catalog: named clauses, CHECKs and foreign keys by their default
// names, and indexes.
func constraintNames(x *tx, p, e int, table string, createSQL string, indexes []string) []string {
	out := append([]string{}, indexes...)
	for i := p + 1; i < e; i++ {
		if x.kw(i, "CONSTRAINT") {
			out = append(out, x.T(i+1).identName())
		}
	}
	for _, fk := range ForeignKeys(createSQL) {
		out = append(out, FKConstraintName(table, fk))
	}
	return out
}

// withRefColumns writes out the referenced columns of a FOREIGN KEY
// clause that names none.
func withRefColumns(clause string, refPK func(string) []string) string {
	x := newTx(clause)
	r := x.findKw(0, x.n(), 0, "REFERENCES")
	if r < 0 {
		return clause
	}
	ref, j := x.name(r + 1)
	if ref == "" || x.isP(j, "(") {
		return clause
	}
	cols := refPK(ref)
	if len(cols) == 0 {
		return clause
	}
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = quoteIdent(c)
	}
	at := x.T(j-1).pos + len(x.T(j-1).text)
	return clause[:at] + " (" + strings.Join(q, ", ") + ")" + clause[at:]
}
