package pgdialect

import (
	"strings"
	"testing"
)

// TestJSONToRecord checks json[b]_to_record[set] with a column definition
// list against PostgreSQL 15's answers (NULL written <NULL>).
func TestJSONToRecord(t *testing.T) {
	db := openCatalogDB(t, "")
	for _, c := range []struct{ q, want string }{
		{`SELECT * FROM jsonb_to_recordset('[{"a":1,"b":"x"},{"a":2}]') AS x(a int, b text)`, "a|b;1|x;2|<NULL>"},
		{`SELECT * FROM jsonb_to_record('{"a":"x","b":{"c":[1, 2]},"d":true,"e":null, "f": 1.50}') AS x(a text, b text, d text, e text, f text, g text)`,
			`a|b|d|e|f|g;x|{"c": [1, 2]}|true|<NULL>|1.50|<NULL>`},
		{`SELECT * FROM json_to_record('{"b":{"c" : [1,2]},"f": 1.50, "a": "q"}') AS x(b json, f numeric, a text)`, `b|f|a;{"c" : [1,2]}|1.50|q`},
		{`SELECT * FROM json_to_record('{"a":1,"a":2}') AS x(a int)`, "a;2"},
		{`SELECT * FROM jsonb_to_record(NULL) AS x(a int)`, "a;<NULL>"},
		{`SELECT * FROM jsonb_to_recordset(NULL) AS x(a int)`, "a"},
	} {
		got := strings.ReplaceAll(strings.TrimSuffix(runPG(db, c.q), "\n"), "\n", ";")
		if got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
	for q, msg := range map[string]string{
		`SELECT * FROM jsonb_to_recordset('[1]') AS x(a int)`:     "argument of jsonb_to_recordset must be an array of objects",
		`SELECT * FROM jsonb_to_record('[1]') AS x(a int)`:        "cannot call populate_composite on an array",
		`SELECT * FROM jsonb_to_recordset('{"a":1}') AS x(a int)`: "cannot call jsonb_to_recordset on a non-array",
		`SELECT * FROM json_to_recordset('{}') AS x(a int)`:       "cannot call json_to_recordset on an object",
		`SELECT * FROM jsonb_to_record('{"a":1.5}') AS x(a int)`:  `invalid input syntax for type integer: "1.5"`,
		`SELECT * FROM jsonb_to_record('{"a":"1"}') AS x`:         `a column definition list is required for functions returning "record"`,
	} {
		if got := runPG(db, q); !strings.Contains(got, msg) {
			t.Errorf("%s = %q, want %q", q, got, msg)
		}
	}
}
