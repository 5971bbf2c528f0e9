package pgdialect

import (
	"strings"
	"testing"
)

// TestDropKeys: the key clauses a definition declares, under PostgreSQL's
// names, and the definition without the chosen ones; a dropped primary
// key's columns stay NOT NULL.
func TestDropKeys(t *testing.T) {
	const def = `CREATE TABLE k (id int PRIMARY KEY, code text CONSTRAINT k_code_named UNIQUE, a int, b int NOT NULL, UNIQUE (a, b), CONSTRAINT k_ab2 UNIQUE (b, a), CHECK (a > 0))`
	var names []string
	for _, kc := range KeyConstraints(def, "k") {
		names = append(names, kc.Name+"="+strings.Join(kc.Columns, ","))
	}
	if got, want := strings.Join(names, " "), "k_pkey=id k_code_named=code k_a_b_key=a,b k_ab2=b,a"; got != want {
		t.Fatalf("keys:\n got %s\nwant %s", got, want)
	}
	cases := []struct{ drop, want string }{
		{"k_pkey", `CREATE TABLE k (id int NOT NULL, code text CONSTRAINT k_code_named UNIQUE, a int, b int NOT NULL, UNIQUE (a, b), CONSTRAINT k_ab2 UNIQUE (b, a), CHECK (a > 0))`},
		{"k_code_named", `CREATE TABLE k (id int PRIMARY KEY, code text, a int, b int NOT NULL, UNIQUE (a, b), CONSTRAINT k_ab2 UNIQUE (b, a), CHECK (a > 0))`},
		{"k_a_b_key", `CREATE TABLE k (id int PRIMARY KEY, code text CONSTRAINT k_code_named UNIQUE, a int, b int NOT NULL, CONSTRAINT k_ab2 UNIQUE (b, a), CHECK (a > 0))`},
		{"k_ab2", `CREATE TABLE k (id int PRIMARY KEY, code text CONSTRAINT k_code_named UNIQUE, a int, b int NOT NULL, UNIQUE (a, b), CHECK (a > 0))`},
	}
	for _, c := range cases {
		got, gone := DropKeys(def, "k", func(kc KeyConstraint) bool { return kc.Name == c.drop })
		if got != c.want || len(gone) != 1 {
			t.Errorf("drop %s:\n got %s\nwant %s", c.drop, got, c.want)
		}
	}
	// every key with column a; a table primary key's columns get NOT NULL
	got, gone := DropKeys(`CREATE TABLE p (a int, b int NOT NULL, v text, PRIMARY KEY (a, b), UNIQUE (v, a))`, "p",
		func(kc KeyConstraint) bool { return kc.Columns[len(kc.Columns)-1] == "a" || kc.Primary })
	if want := `CREATE TABLE p (a int NOT NULL, b int NOT NULL, v text)`; got != want || len(gone) != 2 {
		t.Errorf("drop all:\n got %s\nwant %s", got, want)
	}
	if !WithoutRowid(`CREATE TABLE w (a text PRIMARY KEY) WITHOUT ROWID`) || WithoutRowid(def) {
		t.Error("WithoutRowid")
	}
}

// TestDropConstraintOfCreateTableKey: EditConstraint hands a PRIMARY KEY or
// UNIQUE of CREATE TABLE to a rebuild (by its name or PostgreSQL's default
// name) and refuses the primary key of a WITHOUT ROWID table.
func TestDropConstraintOfCreateTableKey(t *testing.T) {
	ed, err := EditConstraint(`CREATE TABLE k (id int PRIMARY KEY, code text UNIQUE)`, TableChange{Table: "k", Column: "k_code_key", Action: "drop constraint"}, nil, nil, nil)
	if err != nil || ed.Rebuild == nil || ed.Rebuild.Primary || ed.SQL != `CREATE TABLE k (id int PRIMARY KEY, code text)` {
		t.Fatalf("UNIQUE: %+v %v", ed, err)
	}
	_, err = EditConstraint(`CREATE TABLE w (a text PRIMARY KEY, b text UNIQUE) WITHOUT ROWID`, TableChange{Table: "w", Column: "w_pkey", Action: "drop constraint"}, nil, nil, nil)
	if e, ok := err.(*Error); !ok || e.Code != "0A000" {
		t.Fatalf("WITHOUT ROWID primary key: %v", err)
	}
}
