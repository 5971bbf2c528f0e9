package pgdialect

// catalog_star.go: the types of SELECT * (and rel.*) over pg_catalog
// relations.
//
// A catalog relation is a view of the connection's temporary schema
// (catalog.go) whose columns SQLite declares no type for: a column named
// in the select list is typed by its name (catalogColOID), but the
// columns of a * were described by their values, so a boolean column
// (pg_sequences.cycle, pg_class.relhasindex, pg_index.indisunique ...)
// read 0/1 and an oid column int8. The columns of each pg_catalog view are
// read once from its definition's first select list, and a * whose FROM
// items are all such relations (rel.* naming one) is typed column by
// column as the named columns are.

import (
	"strings"
	"sync"
)

var (
	catalogColsOnce sync.Once
	catalogCols     map[string][]string // pg_catalog view -> its columns
)

// CatalogRelColumns is the columns of pg_catalog relation name in order,
// as its view's first select list names them; nil when not known.
func CatalogRelColumns(name string) []string {
	catalogColsOnce.Do(func() {
		catalogCols = map[string][]string{}
		for _, v := range catalogViews {
			if !strings.HasPrefix(v.name, "pg_") {
				continue // raftsql's own pgd_ helpers, information_schema_ views
			}
			if cols := viewColumns(v.sql); cols != nil {
				catalogCols[v.name] = cols
			}
		}
	})
	return catalogCols[name]
}

// viewColumns is the names of the items of the first select list of a
// catalog view's query: each an alias (x AS name) or a column (q.name);
// nil when an item is neither (a *).
func viewColumns(query string) []string {
	x := newTx(query)
	for i := 0; i < x.n(); i++ {
		if x.depth[i] != 0 || !x.T(i).kw("SELECT") {
			continue
		}
		items, _ := x.selectListAt(i)
		var cols []string
		for _, it := range items {
			last := x.T(it[1] - 1)
			if last.typ != tIdent && last.typ != tQIdent {
				return nil
			}
			if !(it[1]-it[0] == 1 || x.kw(it[1]-2, "AS") || x.isP(it[1]-2, ".") && it[1]-it[0] == 3) {
				return nil
			}
			cols = append(cols, last.identName())
		}
		return cols
	}
	return nil
}

// catalogStars gives each * and rel.* of the statement's depth-0 select
// lists over pg_catalog relations its columns' types (x.starCols, read by
// applyAliases).
func (x *tx) catalogStars() {
	if x.infoSchema {
		return
	}
	for i := 0; i < x.n(); i++ {
		if x.depth[i] != 0 || !x.T(i).kw("SELECT") {
			continue
		}
		items, e := x.selectListAt(i)
		if x.kw(e, "FROM") {
			x.catalogStarsOf(items, e)
		}
		i = e - 1
	}
}

// catalogStarsOf types the stars of select list items whose FROM is at
// token from.
func (x *tx) catalogStarsOf(items [][2]int, from int) {
	end := x.n()
	for k := from + 1; k < x.n() && end == x.n(); k++ {
		if x.depth[k] < x.depth[from] {
			end = k
		} else if x.depth[k] == x.depth[from] && x.T(k).typ == tIdent {
			switch x.T(k).upper() {
			case "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT", "WINDOW", "FOR", "RETURNING":
				end = k
			}
		}
	}
	type rel struct {
		name string
		oids []uint32
	}
	var rels []rel
	all := true
	// the items: [schema.]name [[AS] alias], joined by commas or JOIN ...
	// ON (a subquery, a function, USING or NATURAL: not typed here)
	d := x.depth[from]
	k := from + 1
	for k < end {
		name, e := x.name(k)
		if name == "" || x.isP(e, "(") {
			all = false
			break
		}
		r := rel{name: name}
		if x.kw(e, "AS") {
			e++
		}
		if t := x.T(e); e < end && (t.typ == tQIdent || t.typ == tIdent && !reservedWord(t.upper()) && !isClauseKw(t.upper()) && !isJoinKw(t.upper())) {
			r.name = t.identName()
			e++
		}
		if cols := CatalogRelColumns(name); cols != nil {
			r.oids = make([]uint32, len(cols))
			for c, col := range cols {
				r.oids[c] = x.catalogColumnOID(col)
			}
		} else {
			all = false
		}
		rels = append(rels, r)
		// on to the next item, past a join condition
		for e < end && !(x.depth[e] == d && (x.isP(e, ",") || x.kw(e, "JOIN"))) {
			if x.depth[e] == d && (x.kw(e, "USING") || x.kw(e, "NATURAL")) {
				all = false
			}
			e++
		}
		k = e + 1
	}
	for _, it := range items {
		star := it[1] - 1
		if !x.isP(star, "*") {
			continue
		}
		var oids []uint32
		switch {
		case it[1]-it[0] == 1 && all && len(rels) > 0:
			for _, r := range rels {
				oids = append(oids, r.oids...)
			}
		case it[1]-it[0] == 3 && x.isP(star-1, ".") && (x.T(it[0]).typ == tIdent || x.T(it[0]).typ == tQIdent):
			q := x.T(it[0]).identName()
			for _, r := range rels {
				if r.name == q && r.oids != nil {
					oids = r.oids
				}
			}
		}
		if _, lateral := x.starCols[star]; oids != nil && !lateral {
			if x.starCols == nil {
				x.starCols = map[int][]uint32{}
			}
			x.starCols[star] = oids
		}
	}
}
