package pgdialect

import (
	"sort"
	"strings"
)

// Dropping a PRIMARY KEY or UNIQUE constraint declared in CREATE TABLE
// (ALTER TABLE ... DROP CONSTRAINT, or DROP COLUMN of a key column).
//
// SQLite keeps such a key in an automatic index that only the table's
// definition names (or, for an INTEGER PRIMARY KEY, in the rowid itself),
// so the definition cannot simply be edited in place: the caller rebuilds
// the table under the definition made here (sqlexec/rebuild.go). This file
// only edits the text: the clause is removed, and as in PostgreSQL the
// columns of a dropped PRIMARY KEY stay NOT NULL.

// KeyConstraint is one PRIMARY KEY or UNIQUE constraint of a definition.
type KeyConstraint struct {
	Name    string   // its CONSTRAINT name, or PostgreSQL's default name
	Primary bool     // PRIMARY KEY (else UNIQUE)
	Columns []string // the key's columns, in order
	lo, hi  int      // the bytes to remove from the definition
}

// KeyConstraints lists the PRIMARY KEY and UNIQUE constraints of table's
// CREATE TABLE createSQL, column constraints first within each column, in
// the order they are written.
func KeyConstraints(createSQL, table string) []KeyConstraint {
	x := newTx(createSQL)
	p := x.findParen(0, x.n())
	if p < 0 {
		return nil
	}
	e := x.match(p)
	defName := func(primary bool, cols []string) string {
		if primary {
			return table + "_pkey"
		}
		return table + "_" + strings.Join(cols, "_") + "_key"
	}
	var out []KeyConstraint
	for _, r := range x.splitTop(p+1, e) {
		first := x.T(r[0])
		k := r[0]
		named := ""
		if first.kw("CONSTRAINT") {
			named = x.T(r[0] + 1).identName()
			k = r[0] + 2
		}
		if x.kw(k, "PRIMARY", "KEY") || x.kw(k, "UNIQUE") {
			kc := KeyConstraint{Primary: x.kw(k, "PRIMARY"), Columns: x.parenNames(k, r[1])}
			kc.Name = named
			if kc.Name == "" {
				kc.Name = defName(kc.Primary, kc.Columns)
			}
			// a table constraint always follows a column: remove it with
			// the comma before it
			kc.lo, kc.hi = x.T(r[0]-1).pos, x.T(r[1]-1).pos+len(x.T(r[1]-1).text)
			out = append(out, kc)
			continue
		}
		if named != "" || first.kw("CHECK") || first.kw("FOREIGN") {
			continue
		}
		el := columnElem{x: x, lo: r[0], hi: r[1]}
		el.parse()
		col, _ := x.name(r[0])
		for _, c := range el.clauses {
			k, named := c[0], ""
			if x.kw(k, "CONSTRAINT") {
				named, k = x.T(k+1).identName(), k+2
			}
			if !x.kw(k, "PRIMARY", "KEY") && !x.kw(k, "UNIQUE") {
				continue
			}
			kc := KeyConstraint{Name: named, Primary: x.kw(k, "PRIMARY"), Columns: []string{col}}
			if kc.Name == "" {
				kc.Name = defName(kc.Primary, kc.Columns)
			}
			kc.lo, kc.hi = x.T(c[0]).pos, x.T(c[1]-1).pos+len(x.T(c[1]-1).text)
			for kc.lo > 0 && createSQL[kc.lo-1] == ' ' { // with the blank before it
				kc.lo--
			}
			out = append(out, kc)
		}
	}
	return out
}

// WithoutRowid reports a definition stored WITHOUT ROWID: its rows live in
// the primary key's B-tree, so the key cannot be dropped.
func WithoutRowid(createSQL string) bool {
	x := newTx(createSQL)
	p := x.findParen(0, x.n())
	if p < 0 {
		return false
	}
	for i := x.match(p) + 1; i < x.n(); i++ {
		if x.kw(i, "WITHOUT", "ROWID") {
			return true
		}
	}
	return false
}

// DropKeys removes the key constraints drop chooses from createSQL, and
// marks NOT NULL each column of a dropped PRIMARY KEY that is not already
// (PostgreSQL keeps attnotnull when the key goes). It returns the new
// definition and the constraints removed.
func DropKeys(createSQL, table string, drop func(KeyConstraint) bool) (string, []KeyConstraint) {
	var gone []KeyConstraint
	var notNull []string
	for _, kc := range KeyConstraints(createSQL, table) {
		if drop(kc) {
			gone = append(gone, kc)
			if kc.Primary {
				notNull = append(notNull, kc.Columns...)
			}
		}
	}
	if len(gone) == 0 {
		return createSQL, nil
	}
	// from the last range back, so earlier offsets stay valid
	cut := append([]KeyConstraint(nil), gone...)
	sort.Slice(cut, func(i, j int) bool { return cut[i].lo > cut[j].lo })
	out := createSQL
	for _, kc := range cut {
		out = out[:kc.lo] + out[kc.hi:]
	}
	for _, col := range notNull {
		out = setNotNull(out, col)
	}
	return out, gone
}

// setNotNull appends NOT NULL to column col's definition unless it has it.
func setNotNull(createSQL, col string) string {
	x := newTx(createSQL)
	p := x.findParen(0, x.n())
	if p < 0 {
		return createSQL
	}
	for _, r := range x.splitTop(p+1, x.match(p)) {
		first := x.T(r[0])
		if first.kw("CONSTRAINT") || first.kw("PRIMARY") || first.kw("UNIQUE") || first.kw("CHECK") || first.kw("FOREIGN") {
			continue
		}
		if n, _ := x.name(r[0]); !strings.EqualFold(n, col) {
			continue
		}
		el := columnElem{x: x, lo: r[0], hi: r[1]}
		el.parse()
		for _, c := range el.clauses {
			if el.kind(c) == "NOT NULL" {
				return createSQL
			}
		}
		last := x.T(r[1] - 1)
		at := last.pos + len(last.text)
		return createSQL[:at] + " NOT NULL" + createSQL[at:]
	}
	return createSQL
}
