package pgdialect

// json_columns.go: json_compare.go's refusals for json columns. The
// translator has no schema, so the check runs on the SQLite text once it
// compiles, with the catalog (like CheckGrouping): each query level's
// FROM items are read as the grouping check reads them (readFrom), and a
// column reference that surely names a json (not jsonb) column of a table
// or view is a json operand. Whatever the level reading cannot resolve
// (an ambiguous name, a join form it skips, a derived column that is not
// surely json)
// is let through. The answer depends only on the text and the schema, the
// same on every node. A subquery's or CTE's column is typed by its
// query's select list, read the same way.

import "strings"

// JSONCatalog is what the check asks of the database.
type JSONCatalog interface {
	GroupCatalog
	// JSONColumns: the lower-case names of the json (not jsonb) columns
	// of the table or view name.
	JSONColumns(name string) map[string]bool
	// JSONBColumns: the same for the jsonb columns (min/max, which
	// jsonb has neither)
	JSONBColumns(name string) map[string]bool
}

// JSONRefusal is PostgreSQL's error (42883; a set operation's type
// mismatch 42804 or 42846) for a json column compared, sorted or
// grouped: Off is the byte offset in the checked text of the token
// PostgreSQL's position names.
type JSONRefusal struct {
	Off                 int
	Code, Message, Hint string
}

// CheckJSONColumns returns the first refusal of sqlText (SQLite text), level
// by level; ok is false when there is none.
func CheckJSONColumns(sqlText string, cat JSONCatalog) (r JSONRefusal, ok bool) {
	x := newTx(sqlText)
	if !x.balanced() {
		return r, false
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
		l, _, _, _, ty, found := sc.level(s, 0)
		f := x.jsonSetOp(s, sc.typing(ty), func(arm int) jsonTyping {
			_, _, _, _, aty, _ := sc.level(arm, 0)
			return sc.typing(aty)
		})
		if !found && f == nil {
			continue
		}
		for k := l.items; k < l.end && f == nil; k++ {
			if x.isSubquery(k) {
				k = x.match(k) // its own level
				continue
			}
			f = x.jsonCompareAt(k, ty)
		}
		if f != nil {
			return JSONRefusal{Off: x.T(f.tok).pos, Code: f.sqlState(), Message: f.message, Hint: f.hint}, true
		}
	}
	return r, false
}

// jsonScope is what the check knows of one statement: its CTEs' names,
// output columns and queries.
type jsonScope struct {
	x       *tx
	cat     JSONCatalog
	ctes    map[string]bool
	cteCols map[string][]string
	cteBody map[string][2]int
}

// typing is ty, or for a level without FROM items a typing that knows
// no column (the SQLite text's function names, never PostgreSQL's).
func (sc *jsonScope) typing(ty jsonTyping) jsonTyping {
	if ty.col == nil {
		return jsonTyping{col: func(int) bool { return false }}
	}
	return ty
}

// jsonMaxNest bounds how deep a CTE's or subquery's columns are typed
// through others (a recursive CTE reads itself).
const jsonMaxNest = 8

// level reads the FROM items of the query level of the SELECT at s and
// returns its FROM items, their json and jsonb columns and the typing of
// its column references; found is false when no item has either.
func (sc *jsonScope) level(s, nest int) (l gsLevel, items []gcItem, jcols, jbcols []map[string]bool, ty jsonTyping, found bool) {
	x := sc.x
	l = x.levelAt(s)
	if l.from < 0 {
		return l, nil, nil, nil, ty, false
	}
	g := &gcLevel{x: x, cat: sc.cat, d: x.depth[s], outs: map[string]bool{}}
	if !g.readFrom(l.from+1, l.next(l.from), sc.ctes, sc.cteCols) {
		return l, nil, nil, nil, ty, false
	}
	jcols = make([]map[string]bool, len(g.items))
	jbcols = make([]map[string]bool, len(g.items))
	for i, it := range g.items {
		switch {
		case it.table != "":
			jcols[i] = sc.cat.JSONColumns(it.table)
			jbcols[i] = sc.cat.JSONBColumns(it.table)
		case it.derived != nil && it.cols != nil:
			jcols[i] = sc.derivedJSON(it, nest, "json")
			jbcols[i] = sc.derivedJSON(it, nest, "jsonb")
		}
		found = found || len(jcols[i]) > 0 || len(jbcols[i]) > 0
	}
	ty = jsonTyping{col: func(k int) bool {
		ref, sure, _, isRef := g.resolve(k, k)
		return isRef && sure && jcols[ref.item][ref.col]
	}, colb: func(k int) bool {
		ref, sure, _, isRef := g.resolve(k, k)
		return isRef && sure && jbcols[ref.item][ref.col]
	}}
	return l, g.items, jcols, jbcols, ty, found
}

// derivedJSON: the output columns (lower case) of a subquery or CTE FROM
// item that are surely of type typ ("json" or "jsonb"), read from its
// query's select list.
func (sc *jsonScope) derivedJSON(it gcItem, nest int, typ string) map[string]bool {
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
	flags := sc.outJSON(body[0], body[1], nest+1, typ)
	var out map[string]bool
	for i, name := range it.derived {
		if i < len(flags) && flags[i] {
			if out == nil {
				out = map[string]bool{}
			}
			out[strings.ToLower(name)] = true
		}
	}
	return out
}

// outJSON: which output columns of the query in tokens [lo, hi) (its
// first arm's select list) are surely of type want ("json" or "jsonb");
// nil when the check cannot tell.
func (sc *jsonScope) outJSON(lo, hi, nest int, want string) []bool {
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
	l, items, jcols, jbcols, ty, _ := sc.level(lo, nest)
	if want == "jsonb" {
		jcols = jbcols
	}
	if l.from < 0 {
		ty = jsonTyping{col: func(int) bool { return false }}
	}
	if l.next(l.items) > hi {
		return nil
	}
	// SELECT * FROM one item (the translation's form of a column alias
	// list is SELECT * FROM a CTE): its columns in order
	if l.from == lo+2 && x.isP(lo+1, "*") {
		if len(jcols) != 1 {
			return nil
		}
		it := items[0]
		names := it.derived
		if it.table != "" {
			names, _, _ = sc.cat.TableColumns(it.table)
		}
		var flags []bool
		for _, n := range names {
			flags = append(flags, jcols[0][strings.ToLower(n)])
		}
		return flags
	}
	var flags []bool
	for _, it := range x.jsonSelectItems(l) {
		e, typ, ok := x.jsonOperand(it[0], ty)
		flags = append(flags, ok && typ == want && x.jsonItemEnd(e, it[1], false))
	}
	return flags
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
