package pgdialect

import (
	"strings"
	"testing"
)

// TestSRFZip checks unnest of several arrays and ROWS FROM in FROM, and
// generate_subscripts and string_to_table, against PostgreSQL 15's
// answers (NULL written <NULL>; SQLite's unnest:1 for a repeated column name
// is the session's unnest, as the corpus 25_srf_zip checks).
func TestSRFZip(t *testing.T) {
	db := openCatalogDB(t, "")
	for _, c := range []struct{ q, want string }{
		{"SELECT * FROM unnest(ARRAY[1,2], ARRAY['a','b','c']) AS u(n, s)", "n|s;1|a;2|b;<NULL>|c"},
		{"SELECT * FROM unnest(ARRAY[1,2], ARRAY['a','b','c']) WITH ORDINALITY", "unnest|unnest|ordinality;1|a|1;2|b|2;<NULL>|c|3"},
		{"SELECT * FROM unnest(ARRAY[1,2], ARRAY['a']) AS u(a)", "a|unnest;1|a;2|<NULL>"},
		{"SELECT * FROM unnest(NULL::int[], ARRAY['a'])", "unnest|unnest;<NULL>|a"},
		{"SELECT * FROM ROWS FROM (unnest(ARRAY[1,2]), generate_series(1,3)) WITH ORDINALITY AS r(a, b, n)", "a|b|n;1|1|1;2|2|2;<NULL>|3|3"},
		{"SELECT * FROM ROWS FROM (unnest(ARRAY[1,2], ARRAY['x']))", "unnest|unnest;1|x;2|<NULL>"},
		{"SELECT * FROM ROWS FROM (string_to_table('a,b', ','), regexp_split_to_table('x y z', ' '), generate_subscripts(ARRAY[5,6], 1))",
			"string_to_table|regexp_split_to_table|generate_subscripts;a|x|1;b|y|2;<NULL>|z|<NULL>"},
		{"SELECT * FROM generate_subscripts(ARRAY[1,2,3], 1, true)", "generate_subscripts;3;2;1"},
		{"SELECT * FROM generate_subscripts(ARRAY[1,2,3], 2)", "generate_subscripts"},
		{"SELECT string_to_table('a,b,,c', ',', '')", "string_to_table;a;b;<NULL>;c"},
	} {
		got := strings.ReplaceAll(strings.TrimSuffix(runPG(db, c.q), "\n"), "\n", ";")
		got = strings.ReplaceAll(got, "unnest:1", "unnest")
		if got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
	// malformed calls are errors, never a panic of a registered function
	for _, q := range []string{
		"SELECT * FROM ROWS FROM (", "SELECT * FROM ROWS FROM ()", "SELECT * FROM unnest(ARRAY[1], )",
		"SELECT * FROM string_to_table()", "SELECT * FROM generate_subscripts(ARRAY[1])", "SELECT generate_subscripts(ARRAY[1], 'x')",
		`SELECT * FROM jsonb_to_record('{}') AS x(`, `SELECT * FROM jsonb_to_record('{}') x(a int, a text)`,
	} {
		if got := runPG(db, q); !strings.HasPrefix(got, "ERROR") {
			t.Errorf("%s = %q, want an error", q, got)
		}
	}
	for q, code := range map[string]string{
		"SELECT * FROM unnest(ARRAY[1,2], ARRAY['a']) AS u(a, b, c)":                       "42P10",
		"SELECT * FROM ROWS FROM (unnest(ARRAY[1,2]), generate_series(1,3)) AS r(a,b,c,d)": "42P10",
		"SELECT * FROM ROWS FROM (generate_series(1, 2, 0))":                               "22023",
	} {
		if got := runPG(db, q); !strings.Contains(got, code) && !strings.Contains(got, "columns specified") && !strings.Contains(got, "step size") {
			t.Errorf("%s = %q, want SQLSTATE %s", q, got, code)
		}
	}
}
