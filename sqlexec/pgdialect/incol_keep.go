package pgdialect

import (
	"strings"
	"unicode/utf8"
)

// incol_keep.go: which values pg_in_col (InColAt) hands back unchanged.
//
// Every value an INSERT or UPDATE writes passes through pg_in_col, a Go
// callback that SQLite calls per value: converting the value, the table's
// CREATE text and the column's name to Go strings and the result back to
// C costs more than the check itself, and most values written are already
// in their column's canonical form (a parameter's text into a text
// column, an integer into an integer column). The apply's callback
// (sqlexec/det_datetime.go) asks InColKeepFor, from views of SQLite's own
// memory, whether the column's input function returns such a value as it
// is, and then returns SQLite's value itself. The rules are InColAt's for
// a call with three arguments (no literal's digits, no declared source
// type): nothing else may be kept.

// InColKeep says which values of a column InColAt's three-argument form
// returns unchanged.
type InColKeep struct {
	// Any: every value (no declared type, a rowid alias, a type without
	// an input function).
	Any bool
	// Text: a text value that is valid UTF-8 without a NUL byte and,
	// when MaxRunes >= 0, of at most MaxRunes characters.
	Text     bool
	MaxRunes int
	// Int: an integer value within [Lo, Hi].
	Int    bool
	Lo, Hi int64
}

// KeepsText reports whether k keeps the text s (s may be a view of
// SQLite's memory: nothing keeps it).
func (k InColKeep) KeepsText(s string) bool {
	if k.Any {
		return true
	}
	if !k.Text || strings.IndexByte(s, 0) >= 0 || !utf8.ValidString(s) {
		return false
	}
	return k.MaxRunes < 0 || len(s) <= k.MaxRunes || utf8.RuneCountInString(s) <= k.MaxRunes
}

// KeepsInt reports whether k keeps the integer n.
func (k InColKeep) KeepsInt(n int64) bool {
	return k.Any || k.Int && n >= k.Lo && n <= k.Hi
}

// InColKeepFor is InColKeep of column col (a name or a 0-based position)
// of the table created by create. create and a name may be views of
// memory the caller reuses: neither is kept (a CREATE text not seen
// before is copied into the cache).
func InColKeepFor(create string, col any) InColKeep {
	cols, ok := cachedTableDecls(create)
	if !ok {
		cols = tableDecls(strings.Clone(create))
	}
	switch c := col.(type) {
	case int64:
		if c >= 0 && int(c) < len(cols) {
			return cols[c].keep
		}
	case string:
		name := strings.ToLower(c) // tableColDecl's comparison
		for i := range cols {
			if strings.ToLower(cols[i].name) == name {
				return cols[i].keep
			}
		}
	default:
		return InColKeep{} // tableColDecl reads other kinds as text: the long way
	}
	return InColKeep{Any: true} // InColAt: a column not found keeps its value
}

// inColKeepOf is InColKeep of a column declared decl, from the steps
// InColAt takes for a three-argument call: a decl of "" returns the
// value; otherwise integerAssign (integer columns: a float or numeric
// text converts), then InDeclAt's input function.
func inColKeepOf(decl string) InColKeep {
	if decl == "" {
		return InColKeep{Any: true}
	}
	name, typmod := inSpec(decl)
	oid, _ := DeclTypeOID(decl)
	r, isInt := intTypes[TypeName(oid)]
	switch {
	case isInt:
		if name == "pg_in_"+TypeName(oid) {
			return InColKeep{Int: true, Lo: r.lo, Hi: r.hi}
		}
	case name == "":
		return InColKeep{Any: true}
	case name == "pg_in_text":
		return InColKeep{Text: true, MaxRunes: -1}
	case name == "pg_in_varchar":
		n := -1
		if typmod >= 5 {
			n = int(typmod - 4) // lengthMod
		}
		return InColKeep{Text: true, MaxRunes: n}
	}
	return InColKeep{}
}
