package pgdialect

import (
	"encoding/hex"
	"strings"
	"testing"
)

// Each case was checked against PostgreSQL 15 (accepted, or its SQLSTATE);
// UNIQUE/PRIMARY KEY DEFERRABLE, which PostgreSQL accepts, is refused
// (0A000): SQLite checks them row by row.
func TestConstraintAttrs(t *testing.T) {
	for _, c := range []struct {
		sql  string
		code string // "" = accepted
		want string // in the translation, when accepted
	}{
		{"CREATE TABLE c (id int, pid int REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED)", "", "REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED"},
		{"CREATE TABLE c (id int, pid int REFERENCES p(id) INITIALLY DEFERRED)", "", "REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED"},
		{"CREATE TABLE c (id int, pid int REFERENCES p INITIALLY DEFERRED DEFERRABLE)", "", "REFERENCES p DEFERRABLE INITIALLY DEFERRED"},
		{"CREATE TABLE c (id int, pid int REFERENCES p DEFERRABLE)", "", "REFERENCES p DEFERRABLE INITIALLY IMMEDIATE"},
		{"CREATE TABLE c (id int, pid int REFERENCES p ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED NOT NULL)", "", "ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED"},
		{"CREATE TABLE c (id int, pid int REFERENCES p NOT DEFERRABLE INITIALLY IMMEDIATE)", "", "REFERENCES p"},
		{"CREATE TABLE c (id int, pid int, CONSTRAINT f FOREIGN KEY (pid) REFERENCES p (id) MATCH SIMPLE ON UPDATE CASCADE INITIALLY DEFERRED)", "", "ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED"},
		{"CREATE TABLE c (id int PRIMARY KEY NOT DEFERRABLE, u int UNIQUE INITIALLY IMMEDIATE)", "", ""},
		{"CREATE TABLE c (id int, pid int REFERENCES p NOT DEFERRABLE INITIALLY DEFERRED)", "42601", ""},
		{"CREATE TABLE c (id int, pid int REFERENCES p DEFERRABLE DEFERRABLE)", "42601", ""},
		{"CREATE TABLE c (id int, pid int REFERENCES p INITIALLY DEFERRED INITIALLY IMMEDIATE)", "42601", ""},
		{"CREATE TABLE c (id int, pid int NOT NULL DEFERRABLE)", "42601", ""},
		{"CREATE TABLE c (id int DEFERRABLE)", "42601", ""},
		{"CREATE TABLE c (id int CHECK (id > 0) DEFERRABLE)", "42601", ""},
		{"CREATE TABLE c (id int, CHECK (id > 0) DEFERRABLE)", "0A000", ""},
		{"CREATE TABLE c (id int PRIMARY KEY DEFERRABLE)", "0A000", ""},
		{"CREATE TABLE c (id int UNIQUE DEFERRABLE INITIALLY DEFERRED)", "0A000", ""},
		{"CREATE TABLE c (id int, UNIQUE (id) DEFERRABLE)", "0A000", ""},
		{"ALTER TABLE c ADD CONSTRAINT f FOREIGN KEY (pid) REFERENCES p INITIALLY DEFERRED", "", "DEFERRABLE INITIALLY DEFERRED"},
		{"ALTER TABLE c ADD CONSTRAINT u UNIQUE (pid) DEFERRABLE", "0A000", ""},
		{"ALTER TABLE c ADD CONSTRAINT f FOREIGN KEY (pid) REFERENCES p NOT DEFERRABLE INITIALLY DEFERRED", "42601", ""},
		{"ALTER TABLE c ALTER CONSTRAINT f INITIALLY DEFERRED", "", "DEFERRABLE INITIALLY DEFERRED"},
		{"ALTER TABLE c ALTER CONSTRAINT f DEFERRABLE DEFERRABLE", "", "DEFERRABLE INITIALLY IMMEDIATE"},
		{"ALTER TABLE c ALTER CONSTRAINT f DEFERRABLE NOT DEFERRABLE", "42601", ""},
		{"ALTER TABLE c ALTER CONSTRAINT f NOT DEFERRABLE INITIALLY DEFERRED", "42601", ""},
		{"ALTER TABLE c ALTER CONSTRAINT f CASCADE", "42601", ""},
		{"CREATE TABLE c (a int, FOREIGN KEY (a) REFERENCES p DEFERRABLE DEFERRABLE)", "", "REFERENCES p DEFERRABLE INITIALLY IMMEDIATE"},
		{"CREATE TABLE c (a int, FOREIGN KEY (a) REFERENCES p INITIALLY DEFERRED INITIALLY IMMEDIATE)", "42601", ""},
	} {
		st, err := Translate(c.sql)
		if c.code != "" {
			if e, ok := err.(*Error); !ok || e.Code != c.code {
				t.Errorf("%s: got %v, want %s", c.sql, err, c.code)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.sql, err)
			continue
		}
		got := strings.Join(st.Exec, "; ")
		if _, h, ok := strings.Cut(got, "raftsql:table-change "); ok { // ALTER TABLE: the change, hex JSON
			b, _ := hex.DecodeString(strings.TrimSuffix(h, " */"))
			got = string(b)
		}
		if c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%s:\n got %s\nwant it to contain %s", c.sql, got, c.want)
		}
		if strings.Contains(strings.ToUpper(got), "DEFERRABLE") && !strings.Contains(c.want, "DEFERRABLE") {
			t.Errorf("%s: attributes left in %s", c.sql, got)
		}
	}
}

func TestFKDeferral(t *testing.T) {
	const create = `CREATE TABLE c(a int REFERENCES p DEFERRABLE INITIALLY DEFERRED, b int REFERENCES p DEFERRABLE INITIALLY IMMEDIATE,
 d int REFERENCES p, e int, CONSTRAINT k FOREIGN KEY (e) REFERENCES q (id) DEFERRABLE INITIALLY DEFERRED)`
	for _, c := range []struct {
		col, ref             string
		deferrable, deferred bool
	}{{"a", "p", true, true}, {"b", "p", true, false}, {"d", "p", false, false}, {"e", "q", true, true}} {
		d, i := FKDeferral(create, []string{c.col}, c.ref)
		if d != c.deferrable || i != c.deferred {
			t.Errorf("%s: got %v %v, want %v %v", c.col, d, i, c.deferrable, c.deferred)
		}
	}
}

func TestSetConstraints(t *testing.T) {
	for _, c := range []struct {
		sql, value string
		names      []string
		bad        bool
	}{
		{sql: "SET CONSTRAINTS ALL DEFERRED", value: "DEFERRED"},
		{sql: "set constraints a, public.\"B\" immediate", value: "IMMEDIATE", names: []string{"a", "B"}},
		{sql: "SET CONSTRAINTS ALL", bad: true},
		{sql: "SET CONSTRAINTS a IMMEDIATE, ALL DEFERRED", bad: true},
	} {
		st, err := Translate(c.sql)
		if c.bad {
			if err == nil {
				t.Errorf("%s: accepted", c.sql)
			}
			continue
		}
		if err != nil || st.Kind != KindSetConstraints || st.Value != c.value || strings.Join(st.Constraints, ",") != strings.Join(c.names, ",") {
			t.Errorf("%s: got %+v, %v", c.sql, st, err)
		}
	}
}
