package pgdialect

import "strings"

// Schema-qualified names.
//
// raftsql has one user schema, public, which is SQLite's main database.
// Migration tools and ORMs qualify names with it (golang-migrate writes
// CREATE TABLE IF NOT EXISTS "public"."schema_migrations", GORM and bun
// may write public.t), so the qualifier public — bare or quoted, in any
// position — is removed before translation: "public"."t" and public.t mean
// t everywhere. pg_catalog and information_schema qualifiers are handled
// by the expression pass (they name the catalog views).
//
// Any other schema does not exist (SQLite's temp and main are left to the
// write allow-list, which refuses temporary objects). DDL naming one (CREATE/ALTER/DROP
// TABLE, VIEW, INDEX, SEQUENCE, REFERENCES other.t) is refused with
// PostgreSQL's 3F000 "schema ... does not exist" before SQLite could read
// the qualifier as an attached database; DML naming one reaches SQLite,
// whose "no such table: other.t" the session reports as PostgreSQL does
// (42P01 relation "other.t" does not exist).

// knownSchema reports the schemas a qualifier may name.
func knownSchema(name string) bool {
	switch name {
	case "public", "pg_catalog", "information_schema":
		return true
	}
	return false
}

// stripPublic returns sql without its public. qualifiers, or sql itself
// when it has none. A public token qualifies a name when a "." and an
// identifier follow it and it is not itself the tail of a qualified name
// (t.public.x is left alone).
func (x *tx) stripPublic() string {
	var cut [][2]int // byte ranges to remove
	for i := 0; i+2 < x.n(); i++ {
		t := x.T(i)
		if !(t.kw("public") || t.typ == tQIdent && t.text == `"public"`) || x.isP(i-1, ".") {
			continue // (no allocation: this runs on every statement)
		}
		if !x.isP(i+1, ".") || (x.T(i+2).typ != tIdent && x.T(i+2).typ != tQIdent) {
			continue
		}
		cut = append(cut, [2]int{t.pos, x.T(i + 2).pos})
	}
	if cut == nil {
		return x.src
	}
	var b strings.Builder
	at := 0
	for _, c := range cut {
		b.WriteString(x.src[at:c[0]])
		at = c[1]
	}
	b.WriteString(x.src[at:])
	return b.String()
}

// checkSchemas refuses DDL that names an object in a schema other than
// public (3F000), as PostgreSQL does for a schema that does not exist.
func (x *tx) checkSchemas() error {
	first := x.T(0).upper()
	if first != "CREATE" && first != "ALTER" && first != "DROP" {
		return nil
	}
	index := x.findKw(0, min(x.n(), 4), 0, "INDEX") >= 0
	onSeen := false
	for i := 1; i+2 < x.n(); i++ {
		t := x.T(i)
		if (t.typ != tIdent && t.typ != tQIdent) || !x.isP(i+1, ".") || x.isP(i-1, ".") {
			continue
		}
		if x.T(i+2).typ != tIdent && x.T(i+2).typ != tQIdent {
			continue
		}
		p := x.T(i - 1)
		pos := false
		switch {
		case p.kw("TABLE"), p.kw("VIEW"), p.kw("INDEX"), p.kw("SEQUENCE"), p.kw("TYPE"), p.kw("ONLY"), p.kw("REFERENCES"):
			pos = true
		case p.kw("EXISTS") && x.depth[i] == 0:
			pos = true // IF [NOT] EXISTS name
		case p.kw("ON") && index && !onSeen && x.depth[i] == 0:
			pos, onSeen = true, true // CREATE INDEX ... ON name
		case p.typ == tPunct && p.text == "," && first == "DROP" && x.depth[i] == 0:
			pos = true // DROP TABLE a, other.b
		}
		if n := t.identName(); n == "temp" || n == "main" {
			// SQLite's own schemas: the write allow-list refuses
			// temporary objects by name (0A000), main is the database
			continue
		}
		if pos && !knownSchema(t.identName()) {
			return &Error{Code: "3F000", Message: "schema \"" + t.identName() + "\" does not exist", Position: t.pos + 1}
		}
	}
	return nil
}
