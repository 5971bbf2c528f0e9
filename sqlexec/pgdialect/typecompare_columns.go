package pgdialect

// typecompare_columns.go: typecompare.go's refusals for json, jsonb, xml and
// money columns. The translator has no schema, so the check runs on the
// SQLite text once it compiles, with the catalog (like CheckGrouping):
// each query level's FROM items are read as the grouping check reads
// them (readFrom), and a column reference that surely names a json,
// jsonb, xml or money column of a table or view is an operand of that
// type. Whatever the level reading cannot resolve (an ambiguous name, a
// join form it skips, a derived column whose type is not sure) is let
// through. The answer depends only on the text and the schema, the
// same on every node. A subquery's or CTE's column is typed by its
// query's select list, read the same way.

import "strings"

// TypedCatalog is what the check asks of the database.
type TypedCatalog interface {
	GroupCatalog
	// TypedColumns: the columns of the table or view name whose type is
	// known: lower-case name to PostgreSQL's name of the type
	// (ColumnTypeName). The types of typedColumnTypes are the ones
	// refused; the others are what they are compared with or matched to
	// (money = integer, UNION types xml and text).
	TypedColumns(name string) map[string]string
}

// typedColumnTypes are the column types the check refuses in some use
// and reads from a subquery's or CTE's select list too: json and xml (no
// equality, no order), noMinMax's (no min/max), money (no comparison
// with a number, no common type with one).
var typedColumnTypes = func() map[string]bool {
	out := map[string]bool{"json": true, "xml": true, "money": true}
	for t := range noMinMax {
		out[t] = true
	}
	return out
}()

// ColumnTypeName is PostgreSQL's name (format_type's, without a
// modifier) of the type of a column declared decl in the SQLite schema,
// "" when decl names no type this package knows.
func ColumnTypeName(decl string) string {
	if !DeclTypeKnown(decl) {
		return ""
	}
	o, _ := DeclTypeOID(decl)
	if t := typesByOID[o]; t != nil {
		return t.format
	}
	return ""
}

// TypeRefusal is PostgreSQL's error for a json or xml column compared,
// sorted or grouped, a json or jsonb column given to min/max, a money
// column compared with a number or given to a numeric function (42883),
// a set operation matching json with another type (42804, 42846), or an
// index on a json or xml column (42704): Off is the byte offset in the
// checked text of the token PostgreSQL's position names, -1 when there
// is none (an index) or that token is the translator's own (a renamed
// function: no place to map back to).
type TypeRefusal struct {
	Off                 int
	Code, Message, Hint string
}

// CheckTypedColumns returns the first refusal of sqlText (SQLite text), level
// by level; ok is false when there is none.
func CheckTypedColumns(sqlText string, cat TypedCatalog) (r TypeRefusal, ok bool) {
	x := newTx(sqlText)
	if !x.balanced() {
		return r, false
	}
	if r, ok := x.jsonIndex(cat); ok {
		return r, true
	}
	var sc *jsonScope
	for s := 0; s < x.n(); s++ {
		if !x.T(s).kw("SELECT") {
			continue
		}
		if sc == nil {
			sc = &jsonScope{x: x, cat: cat, ctes: x.groupCTENames(), cteCols: x.groupCTEColumns()}
			sc.cteBody = x.jsonCTEBodies(sc.cteCols)
		}
		l, _, _, ty, found := sc.level(s, 0)
		f := x.jsonSetOp(s, sc.typing(ty), func(arm int) jsonTyping {
			_, _, _, aty, _ := sc.level(arm, 0)
			return sc.typing(aty)
		})
		if !found && f == nil && l.from >= 0 {
			continue
		}
		// a level without FROM items: its constants and casts
		// (coalesce('a'::text, 1) is 42804 too)
		ty = sc.typing(ty)
		for k := l.items; k < l.end && f == nil; k++ {
			if x.isSubquery(k) {
				k = x.match(k) // its own level
				continue
			}
			f = x.jsonCompareAt(k, ty)
		}
		if f != nil {
			off := -1 // a renamed function (moneyFuncCall)
			if f.tok >= 0 {
				off = x.T(f.tok).pos
			}
			return TypeRefusal{Off: off, Code: f.sqlState(), Message: f.message, Hint: f.hint}, true
		}
	}
	return r, false
}

// jsonScope is what the check knows of one statement: its CTEs' names,
// output columns and queries.
type jsonScope struct {
	x       *tx
	cat     TypedCatalog
	ctes    map[string]bool
	cteCols map[string][]string
	cteBody map[string][2]int
}

// typing is ty, or for a level without FROM items a typing that knows
// no column (the SQLite text's function names, never PostgreSQL's).
func (sc *jsonScope) typing(ty jsonTyping) jsonTyping {
	if ty.col == nil {
		return jsonTyping{col: func(int) string { return "" }}
	}
	return ty
}

// jsonMaxNest bounds how deep a CTE's or subquery's columns are typed
// through others (a recursive CTE reads itself).
const jsonMaxNest = 8

// level reads the FROM items of the query level of the SELECT at s and
// returns its FROM items, their typed columns (typedColumnTypes) and the
// typing of its column references; found is false when no item has a
// typed column.
func (sc *jsonScope) level(s, nest int) (l gsLevel, items []gcItem, cols []map[string]string, ty jsonTyping, found bool) {
	x := sc.x
	l = x.levelAt(s)
	if l.from < 0 {
		return l, nil, nil, ty, false
	}
	g := &gcLevel{x: x, cat: sc.cat, d: x.depth[s], outs: map[string]bool{}}
	if !g.readFrom(l.from+1, l.next(l.from), sc.ctes, sc.cteCols) {
		return l, nil, nil, ty, false
	}
	cols = make([]map[string]string, len(g.items))
	for i, it := range g.items {
		switch {
		case it.table != "" && !catalogView(it.table):
			// (the catalog's views are raftsql's reading of the schema:
			// their columns' declared types are SQLite's, not always
			// PostgreSQL's, so a catalog query is not held to them)
			cols[i] = sc.cat.TypedColumns(it.table)
		case it.derived != nil && it.cols != nil:
			cols[i] = sc.derivedJSON(it, nest)
		}
		// any known type: COALESCE, CASE, GREATEST and LEAST match their
		// values' types whatever they are (typecompare_common.go)
		found = found || len(cols[i]) > 0
	}
	ty = jsonTyping{col: func(k int) string {
		ref, sure, _, isRef := g.resolve(k, k)
		if !isRef || !sure {
			return ""
		}
		return cols[ref.item][ref.col]
	}}
	return l, g.items, cols, ty, found
}

// derivedJSON: the typed output columns (lower case, to their type in
// typedColumnTypes) of a subquery or CTE FROM item, read from its
// query's select list.
func (sc *jsonScope) derivedJSON(it gcItem, nest int) map[string]string {
	body := it.body
	if it.cte != "" {
		b, ok := sc.cteBody[it.cte]
		if !ok {
			return nil
		}
		body = b
	}
	if nest >= jsonMaxNest || body[1] <= body[0] {
		return nil
	}
	types := sc.outJSON(body[0], body[1], nest+1)
	var out map[string]string
	for i, name := range it.derived {
		if i < len(types) && types[i] != "" {
			if out == nil {
				out = map[string]string{}
			}
			out[strings.ToLower(name)] = types[i]
		}
	}
	return out
}

// outJSON: the types (typedColumnTypes', or any of a bare column, else "") of the output columns
// of the query in tokens [lo, hi) (its first arm's select list); nil when
// the check cannot tell.
func (sc *jsonScope) outJSON(lo, hi, nest int) []string {
	x := sc.x
	if x.kw(lo, "WITH") {
		_, end, _, ok := x.withList(lo)
		if !ok {
			return nil
		}
		lo = end
	}
	if lo >= hi || !x.kw(lo, "SELECT") {
		return nil
	}
	l, items, cols, ty, _ := sc.level(lo, nest)
	if l.from < 0 {
		ty = jsonTyping{col: func(int) string { return "" }}
	}
	if l.next(l.items) > hi {
		return nil
	}
	// SELECT * FROM one item (the translation's form of a column alias
	// list is SELECT * FROM a CTE): its columns in order
	if l.from == lo+2 && x.isP(lo+1, "*") {
		if len(cols) != 1 {
			return nil
		}
		it := items[0]
		names := it.derived
		if it.table != "" {
			names, _, _ = sc.cat.TableColumns(it.table)
		}
		var types []string
		for _, n := range names {
			types = append(types, cols[0][strings.ToLower(n)])
		}
		return types
	}
	var types []string
	for _, it := range x.jsonSelectItems(l) {
		e, typ, ok := x.jsonOperand(it[0], ty)
		// a column of a typed column's type, or of any known type when the
		// item is the column itself (sum(s.x) of a text column x is
		// refused as the column's: aggregate_argtypes.go)
		if !ok || !x.jsonItemEnd(e, it[1], false) || !typedColumnTypes[typ] && x.columnRefEnd(it[0]) != e {
			typ = ""
		}
		types = append(types, typ)
	}
	return types
}

// jsonCTEBodies: the query tokens of each CTE of the statement; a name
// defined twice is left out. A CTE whose query's output names are not
// known (SELECT *) but that names its columns gets those names in cols
// (the translation's form of a FROM item's column alias list).
func (x *tx) jsonCTEBodies(cols map[string][]string) map[string][2]int {
	out := map[string][2]int{}
	seen := map[string]bool{}
	for _, c := range x.withItems() {
		name := strings.ToLower(c.name)
		if seen[name] {
			delete(out, name)
			delete(cols, name)
			continue
		}
		seen[name] = true
		out[name] = [2]int{c.lo, c.hi}
		if _, ok := cols[name]; !ok && len(c.cols) > 0 {
			cols[name] = c.cols
		}
	}
	return out
}

// jsonIndex is PostgreSQL's 42704 for CREATE INDEX on a json or xml
// column (no default btree operator class: no equality, no order): the
// SQLite text CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (items),
// an item a bare column name (with a sort direction). PostgreSQL gives
// no position.
func (x *tx) jsonIndex(cat TypedCatalog) (r TypeRefusal, ok bool) {
	k := 1
	if x.kw(k, "UNIQUE") {
		k++
	}
	if !x.kw(0, "CREATE") || !x.kw(k, "INDEX") {
		return r, false
	}
	for k < x.n() && !x.kw(k, "ON") {
		k++
	}
	if x.T(k+1).typ != tIdent && x.T(k+1).typ != tQIdent || !x.isP(k+2, "(") {
		return r, false
	}
	cols := cat.TypedColumns(x.T(k + 1).identName())
	m := x.match(k + 2)
	if len(cols) == 0 || m < 0 {
		return r, false
	}
	for _, it := range x.splitTop(k+3, m) {
		t := x.T(it[0])
		if t.typ != tIdent && t.typ != tQIdent {
			continue
		}
		if e := it[0] + 1; e != it[1] && !x.kw(e, "ASC") && !x.kw(e, "DESC") && !x.kw(e, "NULLS") {
			continue
		}
		if typ := cols[strings.ToLower(t.identName())]; noEquality(typ) {
			return TypeRefusal{Off: -1, Code: "42704", Message: "data type " + typ + " has no default operator class for access method \"btree\"",
				Hint: "You must specify an operator class for the index or define a default operator class for the data type."}, true
		}
	}
	return r, false
}

// columnRefEnd is the end of the column reference (c, s.c, "s"."c") that
// starts at token a, or -1 when none does (a call, a literal).
func (x *tx) columnRefEnd(a int) int {
	if x.T(a).typ != tIdent && x.T(a).typ != tQIdent {
		return -1
	}
	end := a + 1
	for x.isP(end, ".") && (x.T(end+1).typ == tIdent || x.T(end+1).typ == tQIdent) {
		end += 2
	}
	if x.isP(end, "(") || x.isP(end, ".") {
		return -1
	}
	return end
}
