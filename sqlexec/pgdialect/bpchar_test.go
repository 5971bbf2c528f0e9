package pgdialect

import "testing"

// char(n) outside a column (bpchar.go): cut and blank-stripped by the cast,
// padded when it is what the statement outputs, as in PostgreSQL 15.
func TestBpcharCasts(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE bc (id int PRIMARY KEY, c char(4), t text)`)
	execAll(t, db, `INSERT INTO bc VALUES (1, 'ab', 'ab  ')`)
	for _, c := range []struct{ q, want string }{
		{"SELECT 'ab'::char(5)", "ab   "},
		{"SELECT 'abc'::char(2)", "ab"},
		{"SELECT 'abc'::char", "a"},
		{"SELECT 'abc'::character", "a"},
		{"SELECT CAST('ab' AS character(4))", "ab  "},
		{"SELECT CAST('abc' AS varchar(2))", "ab"},
		{"SELECT 'ab'::char(5) || 'c'", "abc"},
		{"SELECT length('ab'::char(5))", "2"},
		{"SELECT 'ab'::char(5)::text || '|'", "ab|"},
		{"SELECT 'a '::bpchar || '|'", "a|"},
		{"SELECT 'ab'::char(5) = 'ab  '::char(3)", "t"},
		{"SELECT t::char(4) = c FROM bc", "t"},
		{"SELECT c || '|' FROM bc", "ab|"},
		{"SELECT x || '|' FROM (SELECT 'ab'::char(5) AS x) s", "ab|"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
}
