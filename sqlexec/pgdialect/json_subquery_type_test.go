package pgdialect

import (
	"database/sql/driver"
	"strings"
	"testing"
	"time"
)

// TestSubqueryJSONType: a subquery argument of a JSON constructor is
// typed by its select list item (the array of it for ARRAY(SELECT ...)),
// a subquery of no known item type is left untyped.
func TestSubqueryJSONType(t *testing.T) {
	cases := []struct {
		in   string
		want string // a substring of the translation
	}{
		{"SELECT to_jsonb(ARRAY(SELECT b FROM t))", "name = 'b' COLLATE NOCASE) || '[]'))"},
		{"SELECT to_json(ARRAY(SELECT 1))", "FROM pg_array_sub), 1007))"},
		{"SELECT to_json(ARRAY(SELECT 1 > 2))", "FROM pg_array_sub), 1000))"},
		{"SELECT to_json((SELECT b FROM t LIMIT 1))", "pg_json_typed((SELECT b FROM t LIMIT 1 ), (SELECT"},
		{"SELECT json_agg(x) FROM (SELECT ARRAY(SELECT b FROM t) x FROM t) s", "pg_json_typed(x, ((SELECT"},
	}
	for _, c := range cases {
		st, err := Translate(c.in)
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		if got := strings.Join(st.Exec, "; "); !strings.Contains(got, c.want) {
			t.Errorf("%s: translation %s\nlacks %s", c.in, got, c.want)
		}
	}
	st, err := Translate("SELECT to_json((SELECT 'a'))")
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Exec[0]; strings.Contains(got, "pg_json_typed") {
		t.Errorf("text item typed: %s", got)
	}
}

// TestJSONAggArrays: json_agg puts "\n " before an array (pg_json_typed
// of an array type) as before a row, not before a json value.
func TestJSONAggArrays(t *testing.T) {
	arr := func(v string) driver.Value {
		j, err := jsonTyped([]driver.Value{v, "boolean[]"}, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		return j
	}
	agg := &jsonTextAgg{}
	for _, v := range []driver.Value{arr("{t,f}"), arr("{NULL}"), []byte(jsonMark + "[1]")} {
		if err := agg.Step(nil, []driver.Value{v}); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := agg.WindowValue(nil); got != "[[true,false], \n [null], [1]]" {
		t.Errorf("json_agg of arrays: %q", got)
	}
}
