package pgdialect

// json_columns.go: json_compare.go's refusals for json columns. The
// translator has no schema, so the check runs on the SQLite text once it
// compiles, with the catalog (like CheckGrouping): each query level's
// FROM items are read as the grouping check reads them (readFrom), and a
// column reference that surely names a json (not jsonb) column of a table
// or view is a json operand. Whatever the level reading cannot resolve
// (a CTE's or subquery's column, an ambiguous name, a join form it skips)
// is let through. The answer depends only on the text and the schema, the
// same on every node.

// JSONCatalog is what the check asks of the database.
type JSONCatalog interface {
	GroupCatalog
	// JSONColumns: the lower-case names of the json (not jsonb) columns
	// of the table or view name.
	JSONColumns(name string) map[string]bool
}

// JSONRefusal is PostgreSQL's 42883 for a json column compared, sorted or
// grouped: Off is the byte offset in the checked text of the token
// PostgreSQL's position names.
type JSONRefusal struct {
	Off           int
	Message, Hint string
}

// CheckJSONColumns returns the first refusal of sqlText (SQLite text), level
// by level; ok is false when there is none.
func CheckJSONColumns(sqlText string, cat JSONCatalog) (r JSONRefusal, ok bool) {
	x := newTx(sqlText)
	if !x.balanced() {
		return r, false
	}
	var ctes map[string]bool
	for s := 0; s < x.n(); s++ {
		if !x.T(s).kw("SELECT") {
			continue
		}
		l := x.levelAt(s)
		if l.from < 0 {
			continue
		}
		if ctes == nil {
			ctes = x.groupCTENames()
		}
		g := &gcLevel{x: x, cat: cat, d: x.depth[s], outs: map[string]bool{}}
		if !g.readFrom(l.from+1, l.next(l.from), ctes, map[string][]string{}) {
			continue
		}
		jcols := make([]map[string]bool, len(g.items))
		found := false
		for i, it := range g.items {
			if it.table != "" {
				jcols[i] = cat.JSONColumns(it.table)
				found = found || len(jcols[i]) > 0
			}
		}
		if !found {
			continue
		}
		ty := jsonTyping{col: func(k int) bool {
			ref, sure, _, isRef := g.resolve(k, k)
			return isRef && sure && jcols[ref.item][ref.col]
		}}
		for k := l.items; k < l.end; k++ {
			if x.isSubquery(k) {
				k = x.match(k) // its own level
				continue
			}
			if f := x.jsonCompareAt(k, ty); f != nil {
				return JSONRefusal{Off: x.T(f.tok).pos, Message: f.message, Hint: f.hint}, true
			}
		}
	}
	return r, false
}
