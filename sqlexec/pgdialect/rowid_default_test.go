package pgdialect

import (
	"strings"
	"testing"
)

// TestIntegerKeyDefault: an integer primary key, with a DEFAULT or
// without, is declared int4, not SQLite's INTEGER rowid alias (which
// takes max(rowid)+1 for an omitted or NULL key, ignoring the DEFAULT and
// PostgreSQL's 23502); an integer column that is not the key is unchanged.
func TestIntegerKeyDefault(t *testing.T) {
	for _, c := range []struct {
		in    string
		alias bool // the id column stays SQLite's INTEGER rowid alias
	}{
		{"CREATE TABLE r1 (id integer DEFAULT nextval('sq'), v text, PRIMARY KEY (id))", false},
		{"CREATE TABLE r2 (id integer PRIMARY KEY DEFAULT nextval('sq'), v text)", false},
		{"CREATE TABLE r3 (id INTEGER DEFAULT 5 PRIMARY KEY)", false},
		{"CREATE TABLE r4 (id integer PRIMARY KEY, v text)", false},
		{"CREATE TABLE r6 (id INTEGER, v text, PRIMARY KEY (id))", false},
		{"CREATE TABLE r7 (id INTEGER PRIMARY KEY AUTOINCREMENT, v text)", true},
		{"CREATE TABLE r5 (id integer DEFAULT 1, v text)", false},
	} {
		st, err := Translate(c.in)
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		decls := tableDecls(st.Exec[0])
		if len(decls) == 0 || decls[0].name != "id" {
			t.Fatalf("%s: columns %v", c.in, decls)
		}
		if got := decls[0].decl == ""; got != c.alias {
			t.Errorf("%s: rowid alias %v, want %v (%s)", c.in, got, c.alias, st.Exec[0])
		}
		if !c.alias && strings.Contains(st.Exec[0], "PRIMARY KEY") && !strings.Contains(st.Exec[0], "pgdialect_in_int4_id") {
			t.Errorf("%s: the key is not enforced as int4: %s", c.in, st.Exec[0])
		}
	}
}

// TestSetDefaultIntegerKey: ALTER COLUMN ... SET DEFAULT on an INTEGER
// PRIMARY KEY asks for a rebuild that declares it int4; on any other
// column, and DROP DEFAULT, it edits the definition in place.
func TestSetDefaultIntegerKey(t *testing.T) {
	for _, c := range []struct {
		create  string
		rebuild bool
	}{
		{"CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", true},
		{"CREATE TABLE t (id INTEGER NOT NULL, v TEXT, PRIMARY KEY (id))", true},
		{"CREATE TABLE t (id int4 PRIMARY KEY, v TEXT)", false},
		{"CREATE TABLE t (id INTEGER /*serial*/ PRIMARY KEY, v TEXT)", true},
		{"CREATE TABLE t (id int4 /*serial*/ NOT NULL DEFAULT (nextval('t_id_seq')) PRIMARY KEY, v TEXT)", false},
		{"CREATE TABLE t (id INTEGER, v TEXT)", false},
	} {
		ed, err := EditColumn(c.create, TableChange{Table: "t", Column: "id", Action: "set default", Expr: "nextval('sq')"})
		if err != nil {
			t.Fatalf("%s: %v", c.create, err)
		}
		if ed.Rebuild != c.rebuild {
			t.Errorf("%s: Rebuild %v, want %v", c.create, ed.Rebuild, c.rebuild)
		}
		if alias := tableDecls(ed.SQL)[0].decl == ""; alias {
			t.Errorf("%s: still a rowid alias: %s", c.create, ed.SQL)
		}
	}
}
