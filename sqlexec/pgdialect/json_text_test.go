package pgdialect

import (
	"database/sql/driver"
	"errors"
	"strings"
	"testing"
)

// TestJSONText: the json constructors' layouts (PostgreSQL 15's output).
func TestJSONText(t *testing.T) {
	mark := func(s string) driver.Value { return []byte(jsonMark + s) }
	cases := []struct {
		f    fn
		args []driver.Value
		want string
	}{
		{fnJSONBuildObject, []driver.Value{"a", int64(1), "b", "x", "c", nil}, `{"a" : 1, "b" : "x", "c" : null}`},
		{fnJSONBuildObject, []driver.Value{"a", mark(`{"x":1}`)}, `{"a" : {"x":1}}`},
		{fnJSONBuildObject, []driver.Value{}, `{}`},
		{fnJSONBuildArray, []driver.Value{int64(1), "a", nil, mark(`[1,2]`), 1.5}, `[1, "a", null, [1,2], 1.5]`},
		{fnToJSON, []driver.Value{"a\"b\n"}, `"a\"b\n"`},
		{fnToJSON, []driver.Value{mark(`{"k":  1}`)}, `{"k":  1}`},
		{fnJSONRow, []driver.Value{"a", int64(1), "b", "x"}, jsonRowMark + `{"a":1,"b":"x"}`},
	}
	for _, c := range cases {
		got, err := c.f(nil, c.args)
		if b, ok := got.([]byte); ok {
			got = string(b)
		}
		if err != nil || got != c.want {
			t.Errorf("%v: got %q, %v; want %q", c.args, got, err, c.want)
		}
	}
	agg := &jsonTextAgg{}
	for _, v := range []driver.Value{[]byte(jsonRowMark + `{"a":1}`), []byte(jsonRowMark + `{"a":2}`)} {
		if err := agg.Step(nil, []driver.Value{v}); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := agg.WindowValue(nil); got != "[{\"a\":1}, \n {\"a\":2}]" {
		t.Errorf("json_agg of rows: %q", got)
	}
	oagg := &jsonTextAgg{object: true}
	_ = oagg.Step(nil, []driver.Value{"a", int64(1)})
	_ = oagg.Step(nil, []driver.Value{"b", "x"})
	if got, _ := oagg.WindowValue(nil); got != `{ "a" : 1, "b" : "x" }` {
		t.Errorf("json_object_agg: %q", got)
	}
}

// TestWholeRowTranslate: a whole-row reference becomes pg_json_row when
// the statement shows its columns, and is refused (0A000) for a table.
func TestWholeRowTranslate(t *testing.T) {
	for q, want := range map[string]string{
		`SELECT row_to_json(t) FROM (SELECT 1 AS a, x FROM v) t`:   `pg_json_row('a', t.a, 'x', pg_json_typed(t.x, (SELECT CASE WHEN type <> '' AND (type <> 'TEXT' OR NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE type IN ('view') AND name = 'v' COLLATE NOCASE)) THEN type ELSE coalesce(nullif(pg_col_decl(pg_view_decls('v'), 'x'), ''), type) END FROM pragma_table_xinfo('v')`,
		`SELECT json_agg(t) FROM (VALUES (1, 2)) t(p, q)`:          `pg_json_row('p', t.p, 'q', t.q)`,
		`SELECT to_jsonb(s) FROM (SELECT '{}'::jsonb AS j) AS s`:   `pg_json_row('j', pg_json_typed(s.j, 114))`,
		`SELECT json_agg(t) FROM (SELECT 1 AS a UNION SELECT 2) t`: `pg_json_row('a', t.a)`,
		`SELECT to_json(name) FROM users u`:                        `pg_to_json(pg_json_typed(`,
	} {
		st, err := Translate(q)
		if err != nil || !strings.Contains(strings.Join(st.Exec, ";"), want) {
			t.Errorf("%s: %v, %v; want %s", q, st, err, want)
		}
	}
	for _, q := range []string{`SELECT row_to_json(u) FROM users u`, `SELECT json_agg(users) FROM users`} {
		_, err := Translate(q)
		var e *Error
		if !errors.As(err, &e) || e.Code != "0A000" {
			t.Errorf("%s: %v; want 0A000", q, err)
		}
	}
}
