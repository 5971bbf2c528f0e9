package pgdialect

import (
	"database/sql/driver"
	"testing"
)

// TestJSONTyped: typed columns and expressions in the JSON constructors
// print as PostgreSQL 15 prints them (answers recorded from PostgreSQL 15,
// session TimeZone UTC).
func TestJSONTyped(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE jt (id int PRIMARY KEY, b boolean, n numeric(10,2), ts timestamp, tz timestamptz, d date, tm time, u uuid, iv interval, j json, jb jsonb, arr int[], tarr text[], f float8);
INSERT INTO jt VALUES (1, true, 2.50, '2024-01-02 03:04:05', '2024-01-02 03:04:05.123+00', '2024-01-02', '03:04:05', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '1 mon 2 days', '{"x":1}', '{"b":1,"a":2}', '{1,2,3}', '{a,"b c",NULL}', 1.5);
INSERT INTO jt (id, b, iv) VALUES (2, false, '3 days');`)
	for q, want := range map[string]string{
		`SELECT json_build_object('b', b, 'n', n, 'ts', ts, 'tz', tz, 'd', d, 'tm', tm, 'u', u, 'iv', iv, 'j', j, 'jb', jb, 'arr', arr, 'tarr', tarr, 'f', f) FROM jt WHERE id = 1`: `{"b" : true, "n" : 2.50, "ts" : "2024-01-02T03:04:05", "tz" : "2024-01-02T03:04:05.123+00:00", "d" : "2024-01-02", "tm" : "03:04:05", "u" : "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "iv" : "1 mon 2 days", "j" : {"x":1}, "jb" : {"a": 2, "b": 1}, "arr" : [1,2,3], "tarr" : ["a","b c",null], "f" : 1.5}`,
		`SELECT json_build_object('b', b, 'n', n, 'ts', ts, 'arr', arr) FROM jt WHERE id = 2`:                                                                                       `{"b" : false, "n" : null, "ts" : null, "arr" : null}`,
		`SELECT jsonb_build_object('b', b, 'n', n, 'ts', ts, 'tz', tz, 'd', d, 'arr', arr, 'j', j) FROM jt WHERE id = 1`:                                                            `{"b": true, "d": "2024-01-02", "j": {"x": 1}, "n": 2.50, "ts": "2024-01-02T03:04:05", "tz": "2024-01-02T03:04:05.123+00:00", "arr": [1, 2, 3]}`,
		`SELECT json_agg(b ORDER BY id) FROM jt`:                                           `[true, false]`,
		`SELECT jsonb_agg(n ORDER BY id) FROM jt`:                                          `[2.50, null]`,
		`SELECT json_agg(tz ORDER BY id) FROM jt`:                                          `["2024-01-02T03:04:05.123+00:00", null]`,
		`SELECT to_json(b) FROM jt WHERE id = 1`:                                           `true`,
		`SELECT to_jsonb(n) FROM jt WHERE id = 1`:                                          `2.50`,
		`SELECT to_json(ts) FROM jt WHERE id = 1`:                                          `"2024-01-02T03:04:05"`,
		`SELECT array_to_json(arr) FROM jt WHERE id = 1`:                                   `[1,2,3]`,
		`SELECT json_build_object('gt', id > 1, 'isnull', n IS NULL) FROM jt WHERE id = 2`: `{"gt" : true, "isnull" : true}`,
		`SELECT json_object_agg(id, b ORDER BY id) FROM jt`:                                `{ "1" : true, "2" : false }`,
		`SELECT json_build_object(b, 1) FROM jt WHERE id = 1`:                              `{"true" : 1}`,
		`SELECT to_json('2.50'::numeric)`:                                                  `2.50`,
		`SELECT json_build_array('NaN'::numeric, '2024-05-06 07:08:09.5'::timestamp)`:      `["NaN", "2024-05-06T07:08:09.5"]`,
	} {
		if got := queryOne(t, db, q); got != want {
			t.Errorf("%s:\n got %s\nwant %s", q, got, want)
		}
	}
}

// TestJSONTimestamptzZone: a timestamptz prints in the session zone with
// its offset, seconds only when the offset has them.
func TestJSONTimestamptzZone(t *testing.T) {
	ny, err := loadZone("America/New_York") // the embedded tz database: no skip on a machine without one
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonTyped([]driver.Value{"2024-01-02 03:04:05.123+00", "timestamptz"}, ny)
	if err != nil || string(v.([]byte)) != jsonMark+`"2024-01-01T22:04:05.123-05:00"` {
		t.Errorf("got %q, %v", v, err)
	}
	for s, want := range map[string]bool{"1": true, "-0.50": true, "2.50": true, "1e5": true, "01": false, "NaN": false, "1.": false, "": false, "-": false} {
		if jsonNumber(s) != want {
			t.Errorf("jsonNumber(%q) = %v", s, !want)
		}
	}
}

// TestExpandTableRows: whole-row references to tables in the JSON
// constructors become pg_json_row over the catalog's columns; subqueries
// and other arguments are left alone.
func TestExpandTableRows(t *testing.T) {
	cols := func(table string) []string {
		if table == "users" {
			return []string{"id", "Name"}
		}
		return nil
	}
	for q, want := range map[string]string{
		`SELECT row_to_json(u) FROM users u`:              `SELECT row_to_json(pg_json_row('id', u.id, 'Name', u."Name")) FROM users u`,
		`SELECT json_agg(users ORDER BY id) FROM users`:   `SELECT json_agg(pg_json_row('id', users.id, 'Name', users."Name") ORDER BY id) FROM users`,
		`SELECT to_jsonb(o) FROM other o`:                 "",
		`SELECT row_to_json(t) FROM (SELECT 1 AS a) t`:    "",
		`SELECT json_build_object('id', id) FROM users u`: "",
	} {
		got, ok := ExpandTableRows(q, cols)
		if want == "" && ok || want != "" && got != want {
			t.Errorf("%s:\n got %s (%v)\nwant %s", q, got, ok, want)
		}
	}
}

// TestJSONSubqueryRow: the whole row of a FROM subquery types the items
// it selects from table columns or shows the type of.
func TestJSONSubqueryRow(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE jsr (id int, b boolean, n numeric(5,2), a text[]);
INSERT INTO jsr VALUES (1, true, 1.50, '{x,y}'), (2, false, NULL, NULL)`)
	// PostgreSQL 15's answer
	want := `[{"id":1,"b":true,"n":1.50,"a":["x","y"],"big":false}, ` + "\n " + `{"id":2,"b":false,"n":null,"a":null,"big":true}]`
	if got := queryOne(t, db, `SELECT json_agg(s) FROM (SELECT id, b, n, a, id > 1 AS big FROM jsr ORDER BY id) s`); got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	for q, want := range map[string]string{
		`SELECT json_agg(s.big ORDER BY id) FROM (SELECT id, id > 1 AS big FROM jsr) s`:   `[false, true]`,
		`SELECT json_agg(big ORDER BY id) FROM (SELECT id, id > 1 AS big FROM jsr) s`:     `[false, true]`,
		`SELECT json_agg(x ORDER BY x) FROM (SELECT n AS x FROM (SELECT n FROM jsr) a) s`: `[1.50, null]`,
		`SELECT jsonb_build_object('b', s.b) FROM (SELECT b FROM jsr WHERE id = 1) s`:     `{"b": true}`,
	} {
		if got := queryOne(t, db, q); got != want {
			t.Errorf("%s: got %s, want %s", q, got, want)
		}
	}
}

// TestJSONAppQueries: JSON forms applications send that gave other
// answers than PostgreSQL 15's (recorded from it): array_to_json over
// array_agg of JSON (rows became strings), DISTINCT aggregates (booleans
// as 1/0, rows in arrival order; PostgreSQL sorts), numeric constants
// (1.10 printed 1.1), jsonb - text[] (deleted nothing).
func TestJSONAppQueries(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE ja (id int PRIMARY KEY, j jsonb, b boolean, n numeric(10,2), s text, scores int[]);
INSERT INTO ja VALUES (1, '{"a":1,"b":2}', true, 1.50, 'ab', '{1,2}'), (2, '["a", 1]', false, 2.00, NULL, NULL), (3, '{}', true, 1.50, 'x', '{3}')`)
	for q, want := range map[string]string{
		`SELECT array_to_json(array_agg(row_to_json(t))) FROM (SELECT id, s FROM ja ORDER BY id) t`: `[{"id":1,"s":"ab"},{"id":2,"s":null},{"id":3,"s":"x"}]`,
		`SELECT array_to_json(array_agg(b ORDER BY id)) FROM ja`:                                    `[true,false,true]`,
		`SELECT array_to_json(array_agg(j ORDER BY id)) FROM ja`:                                    `[{"a": 1, "b": 2},["a", 1],{}]`,
		`SELECT array_to_json(array_agg(n ORDER BY id DESC)) FROM ja`:                               `[1.50,2.00,1.50]`,
		`SELECT array_to_json(array_agg(id)) FROM ja WHERE id > 5`:                                  `<NULL>`,
		`SELECT jsonb_agg(DISTINCT b) FROM ja`:                                                      `[false, true]`,
		`SELECT json_agg(DISTINCT n) FROM ja`:                                                       `[1.50, 2.00]`,
		`SELECT json_agg(DISTINCT n ORDER BY n DESC) FROM ja`:                                       `[2.00, 1.50]`,
		`SELECT jsonb_build_array(1.10, n, -2.50, 3) FROM ja WHERE id = 1`:                          `[1.10, 1.50, -2.50, 3]`,
		`SELECT json_build_object('a', 1.10)`:                                                       `{"a" : 1.10}`,
		`SELECT '{"a":1,"b":2}'::jsonb - '{a}'::text[]`:                                             `{"b": 2}`,
		`SELECT j - '{a}'::text[] FROM ja WHERE id = 1`:                                             `{"b": 2}`,
		`SELECT j - ARRAY['a','b'] FROM ja WHERE id = 2`:                                            `[1]`,
		`SELECT item->>'a' FROM jsonb_array_elements('[{"a":"q"}]') item`:                           `q`,
		`SELECT string_agg(x, ',') FROM jsonb_array_elements_text('["a","b"]') AS x`:                `a,b`,
		`SELECT string_agg(item->>1, ',') FROM ja, jsonb_array_elements(ja.j) item WHERE ja.id = 2`: `<NULL>`,
	} {
		if got := queryOne(t, db, q); got != want {
			t.Errorf("%s:\n got %s\nwant %s", q, got, want)
		}
	}
}
