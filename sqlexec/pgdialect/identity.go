package pgdialect

import (
	"database/sql/driver"
	"strings"
)

// GENERATED ALWAYS AS IDENTITY: PostgreSQL refuses an explicit value for
// such a column (428C9) unless the INSERT says OVERRIDING SYSTEM VALUE,
// and an UPDATE of it. Which columns are identity columns is a property
// of the schema, so the session checks its statements against its node's
// schema before proposing them (sqlexec/identity.go, with this lexical
// reading of the statement); the translation drops OVERRIDING SYSTEM
// VALUE, which SQLite does not know. Like DEFAULT in some rows only
// (defaults.go), a table dropped and re-created between the check and
// the statement's place in the log is not seen.

// IdentityAlwaysColumn reports whether column col of the table tableSQL
// creates is GENERATED ALWAYS AS IDENTITY.
func IdentityAlwaysColumn(tableSQL, col string) bool {
	v, _ := fnSerialKind(nil, []driver.Value{tableSQL, col})
	return v != nil && strings.HasPrefix(str(v), "identity:a:")
}

// IdentityViolation is an explicit value for a GENERATED ALWAYS column.
type IdentityViolation struct {
	Column string
	Update bool // an UPDATE's SET (else an INSERT's value)
}

// CheckIdentityAlways finds the first GENERATED ALWAYS column the
// PostgreSQL statement sql (an INSERT or UPDATE) gives an explicit value.
// columns returns a table's columns in order and its GENERATED ALWAYS
// ones (none: nil).
func CheckIdentityAlways(sql string, columns func(table string) (cols []string, always map[string]bool)) *IdentityViolation {
	x := newTx(sql)
	if s := x.stripPublic(); s != sql {
		x = newTx(s)
	}
	if i := x.dmlStart(); i > 0 { // WITH ... INSERT/UPDATE (withdml.go)
		return CheckIdentityAlways(x.orig(i, x.n()), columns)
	}
	switch {
	case x.T(0).kw("INSERT") && x.kw(1, "INTO"):
		return x.insertIdentity(columns)
	case x.T(0).kw("UPDATE"):
		return x.updateIdentity(columns)
	}
	return nil
}

func (x *tx) insertIdentity(columns func(string) ([]string, map[string]bool)) *IdentityViolation {
	table, j := x.name(2)
	if table == "" {
		return nil
	}
	all, always := columns(table)
	if len(always) == 0 {
		return nil
	}
	if x.kw(j, "AS") {
		j += 2
	}
	cols := all
	if x.isP(j, "(") {
		cols = nil
		e := x.match(j)
		for _, p := range x.splitTop(j+1, e) {
			cols = append(cols, x.T(p[0]).identName())
		}
		j = e + 1
	}
	if x.kw(j, "OVERRIDING") || x.kw(j, "DEFAULT", "VALUES") {
		return nil
	}
	var at []int // positions of GENERATED ALWAYS columns
	for i, c := range cols {
		if always[c] {
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		return nil
	}
	if !x.kw(j, "VALUES") {
		return &IdentityViolation{Column: cols[at[0]]} // INSERT ... SELECT
	}
	for i := j + 1; x.isP(i, "("); {
		e := x.match(i)
		items := x.splitTop(i+1, e)
		for _, k := range at {
			if k < len(items) && !(items[k][1] == items[k][0]+1 && x.T(items[k][0]).kw("DEFAULT")) {
				return &IdentityViolation{Column: cols[k]}
			}
		}
		if !x.isP(e+1, ",") {
			break
		}
		i = e + 2
	}
	return nil
}

func (x *tx) updateIdentity(columns func(string) ([]string, map[string]bool)) *IdentityViolation {
	i := 1
	if x.kw(i, "ONLY") {
		i++
	}
	table, j := x.name(i)
	if table == "" {
		return nil
	}
	_, always := columns(table)
	if len(always) == 0 {
		return nil
	}
	set := x.findKw(j, x.n(), 0, "SET")
	if set < 0 {
		return nil
	}
	end := x.n()
	for _, kw := range []string{"FROM", "WHERE", "RETURNING"} {
		if k := x.findKw(set+1, x.n(), 0, kw); k >= 0 && k < end {
			end = k
		}
	}
	for _, p := range x.splitTop(set+1, end) {
		c, k := x.name(p[0])
		if always[c] && x.isP(k, "=") && !(k+2 == p[1] && x.T(k+1).kw("DEFAULT")) {
			return &IdentityViolation{Column: c, Update: true}
		}
	}
	return nil
}

// overriding removes INSERT ... OVERRIDING SYSTEM VALUE (the session
// checked the statement; SQLite has no such clause) and refuses
// OVERRIDING USER VALUE.
func (x *tx) overriding() error {
	for i := 0; i < x.n(); i++ {
		if x.depth[i] != 0 || !x.T(i).kw("OVERRIDING") {
			continue
		}
		switch {
		case x.kw(i+1, "SYSTEM", "VALUE"):
			x.blank(i, i+3)
		case x.kw(i+1, "USER", "VALUE"):
			return unsupported("INSERT ... OVERRIDING USER VALUE is not supported")
		}
	}
	return nil
}
