package pgdialect

import (
	"fmt"
	"strings"
)

// applyReturningAliases does for the RETURNING list of INSERT, UPDATE and
// DELETE what applyAliases does for a select list: PostgreSQL's column
// names for unaliased items and the inferred result types (so
// RETURNING x IS NOT NULL is a boolean, not SQLite's integer).
func (x *tx) applyReturningAliases() {
	r := x.findKw(0, x.n(), 0, "RETURNING")
	if r < 0 || r+1 >= x.n() {
		return
	}
	// (the RETURNING list was unqualified before the expression pass:
	// dmlChecks)
	var oids []uint32
	var mods []int32
	items := x.splitTop(r+1, x.n())
	x.padChars(items) // bpchar.go: RETURNING c::char(5) prints padded
	star := false
	for _, it := range items {
		a, b := it[0], it[1]
		if a >= b {
			return
		}
		if x.isP(b-1, "*") {
			// the column count is unknown here, the other items are
			// still named as PostgreSQL names them (RETURNING *, k + 1:
			// ?column?, not SQLite's text of the translated expression)
			star = true
			continue
		}
		x.numericItem(a, b) // arith.go
		name, has, oid := x.itemName(a, b)
		oids = append(oids, oid)
		mods = append(mods, x.itemMod(a, b, oid))
		if !has && name != "" {
			x.T(b - 1).wsuf += ` AS "` + strings.ReplaceAll(name, `"`, `""`) + `"`
		}
	}
	if !star {
		x.colOIDs, x.colMods = oids, mods
	}
}

// unqualifyReturning drops the target table's name or alias from the
// qualified column names of the RETURNING list at r (RETURNING t.id, and
// t.* as *): SQLite's RETURNING reads only the target table and knows it
// by no name (its * is the target's columns, as PostgreSQL's t.* is, also
// in UPDATE ... FROM). A target with an alias is known by the alias only:
// its table's name there is PostgreSQL's 42P01.
func (x *tx) unqualifyReturning(r int) error {
	i := 1
	switch {
	case x.T(0).kw("INSERT") || x.T(0).kw("DELETE"):
		i = 2 // INSERT INTO t, DELETE FROM t
	}
	if x.kw(i, "ONLY") {
		i++
	}
	table, j := x.name(i)
	if table == "" {
		return nil
	}
	names := map[string]bool{table: true}
	tableTok := x.T(j - 1).text // the name as written, without its schema
	if x.kw(j, "AS") {
		j++
	}
	hidden := "" // the table's name, when an alias hides it
	if t := x.T(j); x.targetAliasAt(j) {
		if a := t.identName(); a != table {
			names = map[string]bool{a: true}
			hidden = table
		}
	}
	for k := r + 1; k+2 < x.n(); k++ {
		if x.isP(k, "(") && (x.kw(k+1, "SELECT") || x.kw(k+1, "WITH") || x.kw(k+1, "VALUES")) {
			m := x.match(k)
			if err := x.qualifyReturningSubquery(k, m, names, hidden, tableTok); err != nil {
				return err
			}
			k = m
			continue
		}
		t := x.T(k)
		if (t.typ == tIdent || t.typ == tQIdent) && x.isP(k+1, ".") && !x.isP(k-1, ".") &&
			(x.T(k+2).typ == tIdent || x.T(k+2).typ == tQIdent || x.isP(k+2, "*")) {
			switch n := t.identName(); {
			case names[n]:
				t.set("")
				x.T(k + 1).set("")
			case n == hidden:
				return x.hiddenTableRef(k, names)
			case x.isP(k+2, "*"):
				// SQLite's RETURNING takes no other q.* (its XX000
				// "RETURNING may not use "TABLE.*" wildcards")
				return x.returningOtherStar(k, r, n)
			}
		}
	}
	return nil
}

// hiddenTableRef is PostgreSQL's error for the target table's name at k
// where an alias hides it.
func (x *tx) hiddenTableRef(k int, names map[string]bool) error {
	alias := ""
	for a := range names {
		alias = a
	}
	return &Error{Code: "42P01", Message: fmt.Sprintf("invalid reference to FROM-clause entry for table %q", x.T(k).identName()),
		Hint: fmt.Sprintf("Perhaps you meant to reference the table alias %q.", alias), Position: x.charPos(k)}
}

// qualifyReturningSubquery makes the target's columns that the subquery
// a..m of a RETURNING list reads (u.k, t.k) read the returned row: SQLite
// knows the target there by its table name only, and an unqualified k
// would be the subquery's own column (RETURNING (SELECT count(*) FROM s
// WHERE s.k = u.k) counted every row of s). A subquery that names the
// target's name or alias itself (as a FROM item of its own) reads that
// item by it, as in PostgreSQL, and is left as it is.
func (x *tx) qualifyReturningSubquery(a, m int, names map[string]bool, hidden, tableTok string) error {
	var quals []int
	for k := a + 1; k < m && k+2 < x.n(); k++ {
		t := x.T(k)
		if t.typ != tIdent && t.typ != tQIdent || x.isP(k-1, ".") {
			continue
		}
		n := t.identName()
		if !names[n] && n != hidden {
			continue
		}
		if !x.isP(k+1, ".") {
			return nil // redeclared inside: its own FROM item
		}
		if x.T(k+2).typ == tIdent || x.T(k+2).typ == tQIdent || x.isP(k+2, "*") {
			quals = append(quals, k)
		}
	}
	for _, k := range quals {
		if x.T(k).identName() == hidden {
			return x.hiddenTableRef(k, names)
		}
		x.T(k).set(tableTok)
	}
	return nil
}

// returningSelfRead refuses a subquery of the RETURNING list that reads
// the statement's target table. PostgreSQL evaluates it against the
// snapshot the statement started with (INSERT ... RETURNING (SELECT
// count(*) FROM t) counts the rows before the insert); SQLite's RETURNING
// sees the statement's own changes, a different answer, so the statement
// is refused rather than answered differently.
func (x *tx) returningSelfRead() error {
	r := x.findKw(0, x.n(), 0, "RETURNING")
	if r < 0 {
		return nil
	}
	i := 1
	if x.T(0).kw("INSERT") || x.T(0).kw("DELETE") {
		i = 2 // INSERT INTO t, DELETE FROM t
	}
	if x.kw(i, "ONLY") {
		i++
	}
	table, _ := x.name(i)
	if table == "" {
		return nil
	}
	for k := r + 1; k < x.n(); k++ {
		if !x.isP(k, "(") || !(x.kw(k+1, "SELECT") || x.kw(k+1, "WITH") || x.kw(k+1, "VALUES")) {
			continue
		}
		m := x.match(k)
		if m < k {
			return nil // unbalanced: SQLite's syntax error
		}
		for j := k + 1; j < m; j++ {
			t := x.T(j)
			if (t.typ == tIdent || t.typ == tQIdent) && t.identName() == table && !x.isP(j-1, ".") && !x.isP(j+1, "(") && !x.isP(j+1, ".") {
				return unsupported("a subquery in RETURNING that reads the target table %s is not supported", table)
			}
		}
		k = m
	}
	return nil
}

// returningOtherStar refuses n.* (at k) in the RETURNING list at r where
// n is not the target: PostgreSQL's 42P01 when the statement has no such
// item (RETURNING old.* in PostgreSQL 15), 0A000 for an item of UPDATE
// ... FROM or DELETE ... USING.
func (x *tx) returningOtherStar(k, r int, n string) error {
	for j := 0; j < r; j++ {
		if t := x.T(j); (t.typ == tIdent || t.typ == tQIdent) && t.identName() == n {
			return &Error{Code: "0A000", Message: fmt.Sprintf("RETURNING %s.* of a table other than the target is not supported", n), Position: x.T(k).pos + 1}
		}
	}
	return &Error{Code: "42P01", Message: fmt.Sprintf("missing FROM-clause entry for table \"%s\"", n), Position: x.T(k).pos + 1}
}
