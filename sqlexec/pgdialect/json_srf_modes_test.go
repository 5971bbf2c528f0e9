package pgdialect

import (
	"strings"
	"testing"
)

// TestJSONTableFunctionModes: after a table it reads, a jsonb table
// function's value sorts in jsonb's order (not its text's); the json
// spellings keep the text as written; each spelling raises its own error
// (answers of PostgreSQL 15).
func TestJSONTableFunctionModes(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE jm (id int PRIMARY KEY, arr jsonb, doc json);
INSERT INTO jm VALUES (1, '[10, "x", 2, null, true, [], {}]', '{"b" : [1,  2], "a": 1, "b": "s"}')`)
	for q, want := range map[string]string{
		`SELECT e FROM jm, jsonb_array_elements(jm.arr) e ORDER BY e`:                     `[];null;"x";2;10;true;{}`,
		`SELECT value FROM jm, jsonb_array_elements(jm.arr) ORDER BY 1 DESC`:              `{};true;10;2;"x";null;[]`,
		`SELECT v FROM jm, jsonb_array_elements(jm.arr) AS e(v) WHERE v > '2' ORDER BY v`: `10;true;{}`,
		`SELECT j.key, j.value FROM jm, json_each(jm.doc) j`:                              `b=[1,  2];a=1;b="s"`,
		`SELECT j.key, j.value FROM jm, json_each_text(jm.doc) j`:                         `b=[1,  2];a=1;b=s`,
		`SELECT * FROM json_array_elements(' [ 1.50 , {"b" :2, "a":1}, null ] ')`:         `1.50;{"b" :2, "a":1};null`,
		`SELECT * FROM json_array_elements_text('["a\u0041", null]')`:                     `aA;<nil>`,
	} {
		st, err := Translate(q)
		if err != nil {
			t.Fatalf("Translate(%q): %v", q, err)
		}
		if _, g := queryJoined(t, db, q, st.Exec[0]); g != want {
			t.Errorf("%s: rows %s, want %s", q, g, want)
		}
	}
	for q, msg := range map[string]string{
		`SELECT * FROM jsonb_each('"s"')`:                "cannot call jsonb_each on a non-object",
		`SELECT * FROM jsonb_each_text('[1]')`:           "cannot call jsonb_each_text on a non-object",
		`SELECT * FROM json_each('"s"')`:                 "cannot deconstruct a scalar",
		`SELECT * FROM json_each_text('[1]')`:            "cannot deconstruct an array as an object",
		`SELECT * FROM jsonb_array_elements_text('{}')`:  "cannot extract elements from an object",
		`SELECT * FROM json_array_elements('{}')`:        "cannot call json_array_elements on a non-array",
		`SELECT * FROM json_array_elements_text('null')`: "cannot call json_array_elements_text on a scalar",
	} {
		st, err := Translate(q)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(st.Exec[0]); err == nil || !strings.Contains(err.Error(), "22023") || !strings.Contains(err.Error(), msg) {
			t.Errorf("%s: err %v, want 22023 %s", q, err, msg)
		}
	}
}
