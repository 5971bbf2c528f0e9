package pgdialect

import (
	"strings"
	"testing"
)

// Which CREATE TABLE statements make a WITHOUT ROWID table (clustered.go).
func TestClusteredKeyChoice(t *testing.T) {
	for ddl, want := range map[string]bool{
		"CREATE TABLE t (id int PRIMARY KEY, v varchar(64))":                           true,
		"CREATE TABLE t (id bigint PRIMARY KEY, n numeric(12,2), at timestamptz)":      true,
		"CREATE TABLE t (u uuid PRIMARY KEY, d date, f float8, b boolean, c char)":     true,
		"CREATE TABLE t (a int, b varchar(20), PRIMARY KEY (a, b))":                    true,
		"CREATE TABLE t (a int, b int, CONSTRAINT k PRIMARY KEY (a, b)) WITH (x=1)":    true,
		"CREATE TABLE t (id serial PRIMARY KEY, flag bool)":                            true,
		"CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, i interval)": true,
		"CREATE TEMP TABLE t (id int PRIMARY KEY, v varchar(10))":                      true,
		// the rowid alias is already clustered
		"CREATE TABLE t (id integer PRIMARY KEY, v varchar(64))": false,
		"CREATE TABLE t (id INTEGER, v int, PRIMARY KEY (id))":   false,
		"CREATE TEMP TABLE t (id serial, v int)":                 false,
		// no primary key
		"CREATE TABLE t (id int UNIQUE, v int)": false,
		"CREATE TABLE t AS SELECT 1 AS id":      false,
		// SQLite's own options: the user chose
		"CREATE TABLE t (id int PRIMARY KEY) STRICT":        false,
		"CREATE TABLE t (id int PRIMARY KEY) WITHOUT ROWID": true,
		// rows that can be large
		"CREATE TABLE t (id int PRIMARY KEY, v text)":                         false,
		"CREATE TABLE t (k text PRIMARY KEY, v int)":                          false,
		"CREATE TABLE t (id int PRIMARY KEY, v varchar)":                      false,
		"CREATE TABLE t (id int PRIMARY KEY, v varchar(300))":                 false,
		"CREATE TABLE t (id int PRIMARY KEY, a varchar(100), b varchar(100))": false,
		"CREATE TABLE t (id int PRIMARY KEY, v numeric)":                      false,
		"CREATE TABLE t (id int PRIMARY KEY, v bytea)":                        false,
		"CREATE TABLE t (id int PRIMARY KEY, v jsonb)":                        false,
		"CREATE TABLE t (id int PRIMARY KEY, v int[])":                        false,
		"CREATE TABLE t (id int PRIMARY KEY, v mood)":                         false,
		"CREATE TABLE t (id int PRIMARY KEY, v)":                              false,
		"CREATE TABLE t (id int PRIMARY KEY, v citext)":                       false,
	} {
		st, err := Translate(ddl)
		if err != nil {
			t.Errorf("%s: %v", ddl, err)
			continue
		}
		if got := strings.Contains(strings.ToUpper(st.Exec[0]), "WITHOUT ROWID"); got != want {
			t.Errorf("%s: WITHOUT ROWID %v, want %v:\n%s", ddl, got, want, st.Exec[0])
		}
	}
}
