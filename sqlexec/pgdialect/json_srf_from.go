package pgdialect

// json_srf_from.go: a json[b]_each[_text] or json[b]_array_elements[_text]
// FROM item whose argument names no column shows PostgreSQL's columns
// only. SQLite's json_each has eight (key, value, type, atom, id, parent,
// fullkey, path): SELECT * would list them all and a reference to key on
// jsonb_array_elements would find json_each's array index where
// PostgreSQL says 42703. Such an item becomes a subquery over json_each
// that selects PostgreSQL's columns (key text and value for _each, value
// for _array_elements, then ordinality WITH ORDINALITY) under the item's
// alias, with a column alias list renaming them in order as PostgreSQL's
// does. An argument that names a column (FROM t, jsonb_each(t.doc) j,
// PostgreSQL's implicit LATERAL) keeps json_each itself, whose arguments
// SQLite reads from the FROM items before it; a subquery could not see
// them. There j.* is expanded to PostgreSQL's columns.

import (
	"fmt"
	"strings"
)

// jsonFromSubquery rewrites the json table function at i (tf its
// preparing function and astext, jsonTableFuncs) when its argument names
// no column; it reports whether it did. The argument's tokens stay in
// place for the rest of jsonPass.
func (x *tx) jsonFromSubquery(i int, tf [2]string) (bool, error) {
	name := strings.ToLower(x.T(i).text)
	e := x.match(i + 1)
	if x.argNamesColumn(i+2, e) {
		return false, nil
	}
	cols := []string{"key", "value"}
	exprs := []string{"key", "value"}
	if tf[0] == "pg_jsonb_elements" {
		cols, exprs = []string{"value"}, []string{"value"}
	}
	j := e + 1
	if x.kw(j, "WITH", "ORDINALITY") {
		cols = append(cols, "ordinality")
		if tf[0] == "pg_jsonb_elements" {
			exprs = append(exprs, "CAST(key + 1 AS BIGINT)") // the 0-based array index
		} else {
			exprs = append(exprs, "CAST(row_number() OVER (ORDER BY id) AS BIGINT)") // ids rise in document order
		}
		j += 2
	}
	end := j
	if x.kw(j, "AS") {
		j++
	}
	alias := name
	if t := x.T(j); t.typ == tQIdent || t.typ == tIdent && !isClauseKw(t.upper()) && !reservedWord(t.upper()) {
		alias, end = t.identName(), j+1
		if x.isP(j+1, "(") {
			ce := x.match(j + 1)
			names := x.splitTop(j+2, ce)
			if len(names) > len(cols) {
				return false, &Error{Code: "42P10", Message: fmt.Sprintf("table \"%s\" has %d columns available but %d columns specified", alias, len(cols), len(names))}
			}
			for k, c := range names {
				if c[1] != c[0]+1 || x.T(c[0]).typ != tIdent && x.T(c[0]).typ != tQIdent {
					return false, unsupported("a column alias list on %s() that is not a list of names", name)
				}
				cols[k] = x.T(c[0]).identName()
			}
			end = ce + 1
		}
	}
	items := make([]string, len(cols))
	for k := range cols {
		items[k] = exprs[k] + " AS " + quoteIdent(cols[k])
	}
	x.T(i).set("(SELECT " + strings.Join(items, ", ") + " FROM json_each(" + tf[0])
	x.T(e).set(", " + tf[1] + ")) ORDER BY id) AS " + quoteIdent(alias))
	x.blank(e+1, end)
	return true, nil
}

// argNamesColumn reports whether tokens a..b-1 may name a column: a name
// that is not a function's, a type's (after :: or AS) or a keyword
// constant. A subquery's names count too: it may be correlated.
func (x *tx) argNamesColumn(a, b int) bool {
	for k := a; k < b; k++ {
		t := x.T(k)
		if t.typ != tIdent && t.typ != tQIdent {
			continue
		}
		if x.isP(k+1, "(") || x.T(k-1).typ == tCast || x.T(k-1).kw("AS") || t.typ == tIdent && reservedWord(t.upper()) {
			continue
		}
		return true
	}
	return false
}

// jsonStarColumns expands alias.* of the json table function at i, kept
// as json_each (an argument naming a column), to PostgreSQL's columns.
func (x *tx) jsonStarColumns(i int, tf [2]string) {
	e := x.match(i + 1)
	j := e + 1
	if x.kw(j, "AS") {
		j++
	}
	t := x.T(j)
	if !(t.typ == tQIdent || t.typ == tIdent && !isClauseKw(t.upper()) && !reservedWord(t.upper())) {
		return
	}
	alias := t.identName()
	q := quoteIdent(alias)
	cols := q + ".key AS key, " + q + ".value AS value"
	if tf[0] == "pg_jsonb_elements" {
		cols = q + ".value AS value"
	}
	for k := 0; k+2 < x.n(); k++ {
		u := x.T(k)
		if u.ed || u.typ != tIdent && u.typ != tQIdent || u.identName() != alias || !x.isP(k+1, ".") || !x.isP(k+2, "*") {
			continue
		}
		x.T(k).set("")
		x.T(k + 1).set("")
		x.T(k + 2).set(cols)
	}
}
