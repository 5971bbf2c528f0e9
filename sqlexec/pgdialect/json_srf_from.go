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
	"slices"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
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
	value := jsonValueCol("", tf)
	cols := []string{"key", "value"}
	exprs := []string{"key", value}
	if tf[0] == "pg_jsonb_elements" {
		cols, exprs = []string{"value"}, []string{value}
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
	cols := q + ".key AS key, " + jsonValueCol(q, tf) + " AS value"
	if tf[0] == "pg_jsonb_elements" {
		cols = jsonValueCol(q, tf) + " AS value"
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

// fromStar is the select list * of a FROM clause that holds the json
// table function at fn, kept as json_each: each item's columns in order,
// a table's as alias.*, the function's PostgreSQL columns. ok is false
// when fn is not in this FROM clause or an item is not understood (a
// join merging columns with USING or NATURAL, another function): the *
// then stays as written. own, when not nil, are the select items of the
// function at fn instead (unnest: array_translate.go), whose column
// alias list they name already.
func (x *tx) fromStar(from, fn int, own []string) (string, bool) {
	d := x.depth[from]
	var parts []string
	found := false
	j := from + 1
	for j < x.n() {
		if x.kw(j, "LATERAL") || x.kw(j, "ONLY") {
			j++
		}
		var alias, ordArg, ordAstext string
		var cols []string
		var itemTF [2]string
		ordEach, written := false, false
		switch n, e := x.name(j); {
		case x.isP(j, "("):
			j = x.match(j) + 1
		case n != "" && x.isP(e, "(") && j == fn && own != nil:
			found = true
			j = x.match(e) + 1
			if x.kw(j, "WITH", "ORDINALITY") {
				j += 2
			}
			if x.kw(j, "AS") {
				j++
			}
			if t := x.T(j); t.typ == tQIdent || t.typ == tIdent && !isClauseKw(t.upper()) && !reservedWord(t.upper()) {
				j++
				if x.isP(j, "(") {
					j = x.match(j) + 1
				}
			}
			parts = append(parts, own...)
			written = true
		case n != "" && x.isP(e, "("):
			tf, ok := jsonTableFuncs[strings.ToLower(x.T(j).text)]
			if !ok || x.T(j).ed && j != fn {
				return "", false
			}
			found = found || j == fn
			itemTF = tf
			alias = strings.ToLower(x.T(j).text)
			cols = []string{"key", "value"}
			if tf[0] == "pg_jsonb_elements" {
				cols = []string{"value"}
			}
			j = x.match(e) + 1
			if x.kw(j, "WITH", "ORDINALITY") {
				cols = append(cols, "ordinality")
				ordArg = x.text(e+1, x.match(e))
				ordEach = tf[0] == "pg_jsonb_each"
				ordAstext = tf[1]
				j += 2
			}
		case n != "":
			alias = n
			if k := strings.LastIndexByte(n, '.'); k >= 0 {
				alias = n[k+1:]
			}
			j = e
		default:
			return "", false
		}
		q := ""
		if !written {
			if x.kw(j, "AS") {
				j++
			}
			if t := x.T(j); t.typ == tQIdent || t.typ == tIdent && !isClauseKw(t.upper()) && !reservedWord(t.upper()) {
				alias = t.identName()
				j++
				if x.isP(j, "(") {
					return "", false // a column alias list
				}
			}
			if alias == "" {
				return "", false
			}
			q = quoteIdent(alias)
			if cols == nil {
				parts = append(parts, q+".*")
			}
		}
		for _, c := range cols {
			if c == "ordinality" { // as jsonOrdinality computes it
				ord := "CAST(" + q + ".key + 1 AS BIGINT)"
				if ordEach {
					ord = "(SELECT count(*) FROM json_each(pg_jsonb_each(" + ordArg + ", " + ordAstext + ")) AS pg_ord WHERE pg_ord.id <= " + q + ".id)"
				}
				parts = append(parts, ord+" AS "+jsonOrdinalityName)
				continue
			}
			if c == "value" {
				parts = append(parts, jsonValueCol(q, itemTF)+" AS value")
				continue
			}
			parts = append(parts, q+"."+c+" AS "+c)
		}
		// to the next item: a comma or a join at this depth
		for j < x.n() && x.depth[j] >= d {
			t := x.T(j)
			if x.depth[j] == d {
				if x.isP(j, ",") || t.kw("JOIN") {
					break
				}
				if t.kw("USING") || t.kw("NATURAL") || t.typ == tIdent && isClauseKw(t.upper()) && !t.kw("ON") && !t.kw("LEFT") && !t.kw("RIGHT") &&
					!t.kw("INNER") && !t.kw("OUTER") && !t.kw("CROSS") && !t.kw("FULL") || t.kw("SELECT") {
					if t.kw("USING") || t.kw("NATURAL") {
						return "", false
					}
					return strings.Join(parts, ", "), found
				}
			}
			if x.isP(j, "(") {
				j = x.match(j)
			}
			j++
		}
		if j >= x.n() || x.depth[j] < d {
			break
		}
		j++
	}
	return strings.Join(parts, ", "), found
}

// jsonStar expands the bare * of the select list whose FROM clause holds
// the json table function at fn (kept as json_each).
func (x *tx) jsonStar(fn int) {
	for k := 0; k < x.n(); k++ {
		if !x.T(k).kw("SELECT") {
			continue
		}
		items, e := x.selectListAt(k)
		if !x.T(e).kw("FROM") || fn < e {
			continue
		}
		cols, ok := x.fromStar(e, fn, nil)
		if !ok {
			continue
		}
		for _, it := range items {
			if it[1] == it[0]+1 && x.isP(it[0], "*") && !x.T(it[0]).ed {
				x.T(it[0]).set(cols)
			}
		}
	}
}

// jsonCorrelatedRefs checks and rewrites the references to the json
// table function at i kept as json_each: alias.type, alias.id ... name
// json_each's own columns, which PostgreSQL's function does not have
// (42703); a column alias list alias(k, v) renames key and value, so
// its names become alias.key and alias.value. It returns the names the
// function shows (for qualifyEachCols to leave alone).
func (x *tx) jsonCorrelatedRefs(i int, tf [2]string) ([]string, error) {
	name := strings.ToLower(x.T(i).text)
	fields := []string{"key", "value"}
	if tf[0] == "pg_jsonb_elements" {
		fields = []string{"value"}
	}
	e := x.match(i + 1)
	j := e + 1
	if x.kw(j, "WITH", "ORDINALITY") {
		j += 2
	}
	if x.kw(j, "AS") {
		j++
	}
	alias := name
	t := x.T(j)
	named := t.typ == tQIdent || t.typ == tIdent && !isClauseKw(t.upper()) && !reservedWord(t.upper())
	if named {
		alias = t.identName()
	}
	shown := slices.Clone(fields)
	rename := map[string]string{} // alias list name -> json_each column
	if named && x.isP(j+1, "(") {
		if x.kw(e+1, "WITH") {
			return nil, unsupported("a column alias list on %s() WITH ORDINALITY after a table it reads is not supported", name)
		}
		ce := x.match(j + 1)
		names := x.splitTop(j+2, ce)
		if len(names) > len(fields) {
			return nil, &Error{Code: "42P10", Message: fmt.Sprintf("table \"%s\" has %d columns available but %d columns specified", alias, len(fields), len(names))}
		}
		for k, c := range names {
			if c[1] != c[0]+1 || x.T(c[0]).typ != tIdent && x.T(c[0]).typ != tQIdent {
				return nil, unsupported("a column alias list on %s() that is not a list of names", name)
			}
			rename[x.T(c[0]).identName()] = fields[k]
			shown[k] = x.T(c[0]).identName()
		}
		x.blank(j+1, ce+1)
	}
	for k := 2; k < x.n(); k++ {
		u := x.T(k)
		if u.ed || u.typ != tIdent && u.typ != tQIdent || !x.isP(k-1, ".") || x.T(k-2).identName() != alias || x.isP(k+1, "(") {
			continue
		}
		name := u.identName()
		f, renamed := rename[name]
		switch {
		case renamed:
			u.set(f)
		case jsonEachCols[name] && !slices.Contains(shown, name):
			return nil, &Error{Code: "42703", Message: fmt.Sprintf("column %s.%s does not exist", alias, name)}
		default:
			f = name
		}
		if f == "value" {
			x.collateValueRef(k-2, k+1, tf, name)
		} else if renamed && x.wholeItem(k-2, k+1) && !x.T(k+1).kw("AS") {
			u.suf += " AS " + quoteIdent(name) // named as PostgreSQL names it
		}
	}
	// unqualified references: the alias list's names, and value of
	// its own query block (a subquery's value is another table's)
	valueName := shown[len(fields)-1]
	block := x.blockSelect(i)
	for k := 0; k < x.n(); k++ {
		u := x.T(k)
		name := u.identName()
		f, renamed := rename[name]
		if !renamed && name == valueName && tf[1] == "0" && (name != alias || len(fields) > 1) {
			// (a bare alias named value is the function's whole value,
			// which the alias's own rewrite reads)
			f = "value"
		} else if !renamed {
			continue
		}
		if u.ed || u.typ != tIdent && u.typ != tQIdent || x.isP(k-1, ".") || x.isP(k+1, ".") || x.isP(k+1, "(") || x.T(k-1).kw("AS") || k == j ||
			k > i && k < e || !renamed && x.blockSelect(k) != block {
			continue
		}
		if renamed {
			u.set(quoteIdent(alias) + "." + f)
		}
		if f == "value" {
			x.collateValueRef(k, k+1, tf, name)
		} else if x.wholeItem(k, k+1) && !x.T(k+1).kw("AS") {
			u.suf += " AS " + quoteIdent(name)
		}
	}
	return shown, nil
}

// jsonOrdinalityName names the ordinality column fromStar writes for *:
// the session types it int8 by it (jsonOrdinalityItem), the column
// having no declared type to describe it by before a row.
const jsonOrdinalityName = "ordinality"

// jsonOrdinalityItem reports whether select list item a..b-1 of a
// translation is the ordinality fromStar wrote: CAST(q.key + 1 AS
// BIGINT) AS ordinality or (SELECT count(*) FROM json_each(...) AS pg_ord
// ...) AS ordinality.
func (x *tx) jsonOrdinalityItem(a, b int) bool {
	if b-a < 4 || !x.kw(b-2, "AS") || x.T(b-1).identName() != jsonOrdinalityName {
		return false
	}
	e := b - 2
	switch {
	case x.kw(a, "CAST") && x.isP(a+1, "(") && x.match(a+1) == e-1:
		return x.kw(e-3, "AS", "BIGINT") && x.isP(a+3, ".") && x.kw(a+4, "KEY")
	case x.isP(a, "(") && x.match(a) == e-1:
		return x.kw(a+1, "SELECT") && strings.EqualFold(x.T(a+2).text, "count") && strings.Contains(x.orig(a, e), "AS pg_ord WHERE pg_ord.id <=")
	}
	return false
}

// jsonValueCol is the value column of the json table function of tf
// read through q (unqualified when ""): jsonb's with the pg_jsonb
// collation, so that ORDER BY, comparisons, DISTINCT and GROUP BY follow
// jsonb's order (jsonb_order.go), not its text's; json's and the _text
// functions' compare as text, as in PostgreSQL.
func jsonValueCol(q string, tf [2]string) string {
	v := "value"
	if q != "" {
		v = q + ".value"
	}
	if tf[1] == "0" {
		v += " COLLATE " + JSONBCollation
	}
	return v
}

// collateValueRef makes the reference at tokens a..b-1 to the value column
// of the json table function of tf (kept as json_each) compare as
// jsonValueCol's; name is what the statement calls it, the output name
// of a select list item that is the reference alone (an alias list's
// name, where the reference now reads value).
func (x *tx) collateValueRef(a, b int, tf [2]string, name string) {
	if tf[1] == "0" {
		x.T(a).pre = "(" + x.T(a).pre
		x.T(b - 1).suf += " COLLATE " + JSONBCollation + ")"
	}
	if x.wholeItem(a, b) && !x.T(b).kw("AS") {
		x.T(b - 1).suf += " AS " + quoteIdent(name)
	}
}

// wholeItem reports whether tokens a..b-1 are a whole item of a select
// list at the statement's top level.
func (x *tx) wholeItem(a, b int) bool {
	for _, items := range x.selectLists() {
		for _, it := range items {
			if it[0] == a && it[1] == b {
				return true
			}
		}
	}
	return false
}

// jsonTableRel is the json table function fn's relation as PostgreSQL
// types it (derivedcols.go): key text; value jsonb, json or, for the
// _text functions, text.
func jsonTableRel(fn string) *derivedRel {
	v := pgoid.JSONB
	switch {
	case strings.HasSuffix(fn, "_text"):
		v = pgoid.Text
	case strings.HasPrefix(fn, "json_"):
		v = pgoid.JSON
	}
	if jsonTableFuncs[fn][0] == "pg_jsonb_elements" {
		return &derivedRel{alias: fn, cols: []string{"value"}, oids: []uint32{v}, own: true}
	}
	return &derivedRel{alias: fn, cols: []string{"key", "value"}, oids: []uint32{pgoid.Text, v}, own: true}
}

// jsonEachRel is the relation of a json_each FROM item of the
// translation whose argument is tokens a..b-1: when it is
// pg_jsonb_each(j, mode) or pg_jsonb_elements(j, mode), json_each's
// columns with key and value typed as the function the statement named
// (jsonTableRel: the mode tells jsonb, json and the _text functions
// apart); else a relation with no types.
func jsonEachRel(x *tx, a, b int) DerivedRel {
	var rel DerivedRel
	if a+2 >= b || !x.isP(a+1, "(") || x.match(a+1) != b-1 || x.T(b-2).typ != tNumber {
		return rel
	}
	name := ""
	for fn, tf := range jsonTableFuncs {
		if strings.EqualFold(x.T(a).text, tf[0]) && x.T(b-2).text == tf[1] && !x.isP(b-3, "-") {
			name = fn
			break
		}
	}
	if name == "" {
		return rel
	}
	r := jsonTableRel(name)
	rel.Alias = "json_each"
	rel.Columns = jsonEachColumns // array_translate.go
	rel.Types = make([]uint32, len(jsonEachColumns))
	for k, c := range r.cols {
		rel.Types[slices.Index(jsonEachColumns, c)] = r.oids[k]
	}
	return rel
}
