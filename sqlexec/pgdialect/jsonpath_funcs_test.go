package pgdialect

import (
	"errors"
	"strings"
	"testing"
)

// TestJSONPathCallArgs pins how the calls reach the registered functions:
// defaults filled in, named arguments in place, a jsonpath cast dropped,
// a literal path parsed when translated.
func TestJSONPathCallArgs(t *testing.T) {
	for _, c := range []struct{ sql, want string }{
		{`SELECT jsonb_path_exists(j, '$.a') FROM t`, `pg_jsonb_path_exists(j, '$.a', '{}', 0)`},
		{`SELECT jsonb_path_match(j, '$.a == 1', silent => true) FROM t`, `pg_jsonb_path_match(j, '$.a == 1', '{}',   true)`},
		{`SELECT jsonb_path_query_first(j, '$.a'::jsonpath, '{"x": 1}') FROM t`, `pg_jsonb_path_query_first(j, '$.a', '{"x": 1}', 0)`},
		{`SELECT j @? '$.a' FROM t`, `pg_jsonb_path_exists(j, '$.a', '{}', 1)`},
		{`SELECT j @@ '$.a > 1' FROM t`, `pg_jsonb_path_match(j, '$.a > 1', '{}', 1)`},
		{`SELECT jsonb_path_query(j, '$[*]') FROM t`, `json_each(pg_jsonb_path_query_rows(j, '$[*]', '{}', 0))`},
	} {
		st, err := Translate(c.sql)
		if err != nil {
			t.Fatalf("%s: %v", c.sql, err)
		}
		if got := strings.Join(st.Exec, ";"); !strings.Contains(got, c.want) {
			t.Errorf("%s:\n got %s\nwant %s", c.sql, got, c.want)
		}
	}
	for _, c := range []struct{ sql, code string }{
		{`SELECT jsonb_path_query(j, '$.') FROM t`, "42601"},
		{`SELECT j @? 'last' FROM t`, "42601"},
		{`SELECT jsonb_path_exists(j, '$.a.datetime()') FROM t`, "0A000"},
		{`SELECT jsonb_path_exists(j, '$', silent => true, vars => '{}') FROM t`, "0A000"},
		{`SELECT jsonb_path_exists(j) FROM t`, "42883"},
	} {
		_, err := Translate(c.sql)
		var pe *Error
		if !errors.As(err, &pe) || pe.Code != c.code {
			t.Errorf("%s: got %v, want SQLSTATE %s", c.sql, err, c.code)
		}
	}
}
