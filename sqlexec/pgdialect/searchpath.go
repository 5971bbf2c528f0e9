package pgdialect

import "strings"

// search_path. raftsql has one user schema, public (schema.go), so a
// search_path either finds it or finds no user relation at all. When it
// does not name public (pg_dump and its scripts empty it), PostgreSQL
// finds no unqualified user relation: the session refuses a statement
// that names one as PostgreSQL does (42P01 "relation ... does not exist",
// 3F000 "no schema has been selected to create in" for one created),
// from the names UnqualifiedRelations finds in its text; pg_catalog
// (always searched) and qualified names are unaffected. current_schema()
// and current_schemas() answer from it as PostgreSQL does, so a client
// that empties it (pg_dump records current_schemas(false) in its dump
// header) reads what it set.

// SearchPathSchemas is current_schemas(implicit) for the search_path
// value path of user: the schemas it names that exist, in order ("$user"
// is the user's schema), with pg_catalog first when implicit and not
// named.
func SearchPathSchemas(path, user string, implicit bool) []string {
	var out []string
	seen := map[string]bool{}
	for _, item := range splitSearchPath(path) {
		if item == "$user" {
			item = user
		}
		if knownSchema(item) && !seen[item] {
			seen[item] = true
			out = append(out, item)
		}
	}
	if implicit && !seen["pg_catalog"] {
		out = append([]string{"pg_catalog"}, out...)
	}
	return out
}

// splitSearchPath splits a search_path value into its names: unquoted
// ones in lower case, double-quoted ones as written.
func splitSearchPath(path string) []string {
	var names []string
	for i := 0; i < len(path); {
		for i < len(path) && (path[i] == ' ' || path[i] == '\t' || path[i] == ',') {
			i++
		}
		if i >= len(path) {
			break
		}
		var b strings.Builder
		if path[i] == '"' {
			for i++; i < len(path); i++ {
				if path[i] == '"' {
					if i+1 < len(path) && path[i+1] == '"' {
						b.WriteByte('"')
						i++
						continue
					}
					i++
					break
				}
				b.WriteByte(path[i])
			}
			for i < len(path) && path[i] != ',' {
				i++
			}
			names = append(names, b.String())
			continue
		}
		j := i
		for j < len(path) && path[j] != ',' {
			j++
		}
		names = append(names, strings.ToLower(strings.TrimSpace(path[i:j])))
		i = j
	}
	return names
}

// SchemaArray is the text of a name[] of schemas.
func SchemaArray(schemas []string) string {
	return "{" + strings.Join(schemas, ",") + "}"
}

// fromRelations returns the token indexes of the unqualified relation
// names in the FROM lists and JOINs of the statement (not common table
// expressions, not functions in FROM), also inside the parentheses
// PostgreSQL's view text puts around joins.
func (x *tx) fromRelations() []int {
	ctes := map[string]bool{}
	for i := 0; i < x.n(); i++ {
		if t := x.T(i); (t.typ == tIdent || t.typ == tQIdent) && x.kw(i+1, "AS") && x.isP(i+2, "(") {
			ctes[t.identName()] = true
		}
	}
	var out []int
	inFrom := map[int]bool{}
	startsItem := func(k int) bool {
		p := x.T(k)
		return p.kw("FROM") || p.kw("JOIN") || p.kw("ONLY") || x.isP(k, ",") || x.isP(k, "(") && inFrom[x.depth[k]]
	}
	for i := 0; i < x.n(); i++ {
		t, d := x.T(i), x.depth[i]
		switch {
		case t.kw("FROM") || t.kw("JOIN"):
			inFrom[d] = true
			continue
		case t.kw("WHERE") || t.kw("GROUP") || t.kw("HAVING") || t.kw("ORDER") || t.kw("LIMIT") || t.kw("UNION") ||
			t.kw("INTERSECT") || t.kw("EXCEPT") || t.kw("WINDOW") || t.kw("ON") || t.kw("USING") || t.kw("SELECT") ||
			t.kw("RETURNING") || t.kw("SET") || t.kw("VALUES"):
			inFrom[d] = false
			continue
		}
		// a FROM item in parentheses: its first relation follows the "("
		if inFrom[d] && x.isP(i, "(") && startsItem(i-1) && i+1 < x.n() {
			inFrom[x.depth[i+1]] = true
			continue
		}
		if !inFrom[d] || (t.typ != tIdent && t.typ != tQIdent) || t.kw("ONLY") || t.kw("LATERAL") ||
			x.isP(i+1, ".") || x.isP(i+1, "(") || ctes[t.identName()] {
			continue
		}
		if startsItem(i - 1) {
			out = append(out, i)
		}
	}
	return out
}

// RelationRef is a relation name in a statement's text and the byte
// offset where it starts.
type RelationRef struct {
	Name string
	Pos  int
}

// UnqualifiedRelations returns the relations sqlText (PostgreSQL text)
// names without a schema: in FROM lists and JOINs, as the target of
// INSERT, UPDATE, DELETE, COPY, TRUNCATE, LOCK, ALTER TABLE, DROP TABLE
// / VIEW / SEQUENCE and CREATE INDEX ... ON; and created, the table,
// view, sequence or type it creates without a schema (Name "" if none).
func UnqualifiedRelations(sqlText string) (refs []RelationRef, created RelationRef) {
	x := newTx(sqlText)
	seen := map[string]bool{}
	add := func(i int) {
		t := x.T(i)
		if (t.typ == tIdent || t.typ == tQIdent) && !x.isP(i+1, ".") && !x.isP(i-1, ".") && !seen[t.identName()] {
			seen[t.identName()] = true
			refs = append(refs, RelationRef{t.identName(), t.pos})
		}
	}
	if !x.kw(0, "COPY") || x.isP(1, "(") { // COPY t FROM stdin has no FROM list
		for _, i := range x.fromRelations() {
			add(i)
		}
	}
	skip := func(i int, words ...string) int {
		for _, w := range words {
			if x.kw(i, w) {
				i++
			}
		}
		return i
	}
	switch {
	case x.kw(0, "INSERT", "INTO"):
		add(2)
	case x.kw(0, "UPDATE"):
		add(skip(1, "ONLY"))
	case x.kw(0, "DELETE", "FROM"):
		add(skip(2, "ONLY"))
	case x.kw(0, "COPY"):
		add(1)
	case x.kw(0, "TRUNCATE"):
		for i := skip(1, "TABLE"); i < x.n(); i++ {
			if i == skip(1, "TABLE") || x.isP(i-1, ",") {
				add(skip(i, "ONLY"))
			}
		}
	case x.kw(0, "LOCK"):
		add(skip(skip(1, "TABLE"), "ONLY"))
	case x.kw(0, "ALTER", "TABLE"):
		i := 2
		if x.kw(i, "IF", "EXISTS") {
			i += 2
		}
		add(skip(i, "ONLY"))
	case x.kw(0, "DROP", "TABLE") || x.kw(0, "DROP", "VIEW") || x.kw(0, "DROP", "SEQUENCE"):
		i := 2
		if x.kw(i, "IF", "EXISTS") {
			i += 2
		}
		for k := i; k < x.n(); k++ {
			if k == i || x.isP(k-1, ",") {
				add(k)
			}
		}
	case x.kw(0, "CREATE"):
		i := skip(1, "OR", "REPLACE", "UNIQUE", "UNLOGGED")
		switch {
		case x.kw(i, "INDEX"):
			for k := i; k < x.n(); k++ {
				if x.kw(k, "ON") {
					add(skip(k+1, "ONLY"))
					break
				}
			}
		case x.kw(i, "TABLE") || x.kw(i, "VIEW") || x.kw(i, "SEQUENCE") || x.kw(i, "TYPE"):
			k := i + 1
			if x.kw(k, "IF", "NOT", "EXISTS") {
				k += 3
			}
			if t := x.T(k); (t.typ == tIdent || t.typ == tQIdent) && !x.isP(k+1, ".") {
				created = RelationRef{t.identName(), t.pos}
			}
		}
	}
	return refs, created
}
