package pgdialect

import (
	"database/sql"
	"errors"
	"strings"
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// TestJSONTableFunctionColumns: a json table function in FROM shows
// PostgreSQL's columns (names, types, rows as PostgreSQL 15 returns them),
// alone and after a table it reads; json_each's own columns are 42703.
func TestJSONTableFunctionColumns(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE jt (id int PRIMARY KEY, doc jsonb, arr jsonb, key text);
INSERT INTO jt VALUES (1, '{"bb":2,"a":[1]}', '[1,"x"]', 'k1')`)
	for _, c := range []struct {
		q, cols, rows string
		oids          []uint32
	}{
		{`SELECT * FROM jsonb_each('{"bb":1,"a":{"z":1}}')`, "key,value", `a={"z": 1};bb=1`, []uint32{pgoid.Text, pgoid.JSONB}},
		{`SELECT * FROM jsonb_each_text('{"a":"x","b":null}')`, "key,value", `a=x;b=<nil>`, []uint32{pgoid.Text, pgoid.Text}},
		{`SELECT * FROM jsonb_array_elements('[1,"x",null]')`, "value", `1;"x";null`, []uint32{pgoid.JSONB}},
		{`SELECT * FROM json_array_elements_text('[1,"x",null]')`, "value", `1;x;<nil>`, []uint32{pgoid.Text}},
		{`SELECT * FROM jsonb_array_elements('[5,6]') WITH ORDINALITY`, "value,ordinality", `5=1;6=2`, []uint32{pgoid.JSONB, pgoid.Int8}},
		{`SELECT * FROM jsonb_each('{"b":1,"a":2}') WITH ORDINALITY AS t(k, v, n)`, "k,v,n", `a=2=1;b=1=2`, []uint32{pgoid.Text, pgoid.JSONB, pgoid.Int8}},
		{`SELECT e FROM jsonb_array_elements('[1]') e`, "e", `1`, []uint32{pgoid.JSONB}},
		{`SELECT x FROM jsonb_array_elements('[1,2]') AS t(x)`, "x", `1;2`, []uint32{pgoid.JSONB}},
		{`SELECT count(*) FROM jsonb_each('{"a":1,"b":2}')`, "count", `2`, []uint32{pgoid.Int8}},
		{`SELECT * FROM jt, jsonb_each(jt.doc) j ORDER BY 5`, "id,doc,arr,key,key,value", `1={"a": [1], "bb": 2}=[1, "x"]=k1=a=[1];1={"a": [1], "bb": 2}=[1, "x"]=k1=bb=2`, nil},
		{`SELECT j.* FROM jt, jsonb_array_elements(jt.arr) j`, "value", `1;"x"`, nil},
		{`SELECT id, key, v FROM jt, jsonb_array_elements(jt.arr) AS e(v)`, "id,key,v", `1=k1=1;1=k1="x"`, []uint32{0, 0, pgoid.JSONB}},
		{`SELECT id, e.k FROM jt, jsonb_each(jt.doc) e(k, v) ORDER BY 2`, "id,k", `1=a;1=bb`, nil},
	} {
		st, err := Translate(c.q)
		if err != nil {
			t.Fatalf("Translate(%q): %v", c.q, err)
		}
		cols, got := queryJoined(t, db, c.q, st.Exec[0])
		if g := strings.Join(cols, ","); g != c.cols {
			t.Errorf("%s: columns %s, want %s", c.q, g, c.cols)
		}
		if g := got; g != c.rows {
			t.Errorf("%s: rows %s, want %s", c.q, g, c.rows)
		}
		for i, o := range c.oids {
			if o != 0 && (i >= len(st.ColumnOIDs) || st.ColumnOIDs[i] != o) {
				t.Errorf("%s: column types %v, want %v", c.q, st.ColumnOIDs, c.oids)
				break
			}
		}
	}
	for q, code := range map[string]string{
		`SELECT * FROM jsonb_each('{}') AS t(a, b, c)`:                         "42P10",
		`SELECT * FROM jt, jsonb_array_elements(jt.arr) AS e(a, b)`:            "42P10",
		`SELECT e.type FROM jt, jsonb_array_elements(jt.arr) e`:                "42703",
		`SELECT e.key FROM jt, jsonb_array_elements(jt.arr) e`:                 "42703",
		`SELECT jsonb_array_elements.id FROM jt, jsonb_array_elements(jt.arr)`: "42703",
	} {
		_, err := Translate(q)
		var e *Error
		if !errors.As(err, &e) || e.Code != code {
			t.Errorf("%s: err %v, want SQLSTATE %s", q, err, code)
		}
	}
	// not a column on the subquery form: SQLite's error (42703 at the wire)
	for _, q := range []string{`SELECT key FROM jsonb_array_elements('[1]')`, `SELECT e.atom FROM jsonb_each('{"a":1}') e`} {
		st, err := Translate(q)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(st.Exec[0]); err == nil || !strings.Contains(err.Error(), "no such column") {
			t.Errorf("%s: err %v, want no such column", q, err)
		}
	}
	wantSQLStates(t, db, map[string]string{
		`SELECT * FROM jsonb_array_elements('null')`: "22023",
		`SELECT * FROM jsonb_each('[1]')`:            "22023",
	})
}

// queryJoined runs the translation e of q and returns its column names
// and its rows, each row's values joined by "=" (NULL as <nil>), the rows
// by ";".
func queryJoined(t *testing.T, db *sql.DB, q, e string) ([]string, string) {
	t.Helper()
	rows, err := db.Query(e)
	if err != nil {
		t.Fatalf("%s (%s): %v", q, e, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var got []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var r []string
		for _, v := range vals {
			if v == nil {
				r = append(r, "<nil>")
			} else {
				r = append(r, renderValue(v, 0))
			}
		}
		got = append(got, strings.Join(r, "="))
	}
	return cols, strings.Join(got, ";")
}
