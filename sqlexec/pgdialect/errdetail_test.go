package pgdialect

import (
	"strings"
	"testing"
)

// The argument types PostgreSQL 15 names in "function f(...) does not
// exist" for the same calls.
func TestCallArgTypes(t *testing.T) {
	for _, c := range []struct {
		sql    string
		params []string
		want   string // "-" = cannot tell
	}{
		{"SELECT f(1)", nil, "integer"},
		{"SELECT f()", nil, ""},
		{"SELECT f(-2147483648, 2147483648, -9223372036854775808, 9223372036854775808)", nil, "integer, bigint, bigint, numeric"},
		{"SELECT f(1.5, 1e5, 'a', NULL, true, FALSE)", nil, "numeric, numeric, unknown, unknown, boolean, boolean"},
		{"SELECT f('x'::varchar(3), CAST(1 AS bigint), 2::int2, '2024-01-01'::timestamptz)", nil,
			"character varying, bigint, smallint, timestamp with time zone"},
		{"SELECT f($1, $2)", []string{"integer"}, "integer, unknown"},
		{"SELECT F(1)", nil, "integer"},
		{"SELECT g(f(1))", nil, "integer"},
		{"SELECT f(a) FROM t", nil, "-"},
		{"SELECT f(1 + 1)", nil, "-"},
		{"SELECT f('a'::nosuchtype)", nil, "-"},
		{"SELECT f(timestamp '2000-01-01', interval '1 day', timestamp with time zone '2000-01-01')", nil,
			"timestamp without time zone, interval, timestamp with time zone"},
	} {
		got, ok := CallArgTypes(c.sql, "f", c.params)
		g := strings.Join(got, ", ")
		if !ok {
			g = "-"
		}
		if g != c.want {
			t.Errorf("%s: got %q, want %q", c.sql, g, c.want)
		}
	}
}

func TestParseIndex(t *testing.T) {
	for sql, want := range map[string]string{
		`CREATE UNIQUE INDEX i ON t (lower(code))`:                             "lower(code)",
		`CREATE UNIQUE INDEX i ON "T" (a, "B" DESC, lower(c) COLLATE nocase)`:  `a|"B"|lower(c)`,
		`CREATE UNIQUE INDEX i ON t (coalesce(a, 0), (b + 1) ASC) WHERE a > 0`: "coalesce(a, 0)|(b + 1)",
		`CREATE TABLE t (a int)`:                                               "",
	} {
		def, _ := ParseIndex(sql)
		if got := strings.Join(def.Elems, "|"); got != want {
			t.Errorf("%s: got %q, want %q", sql, got, want)
		}
	}
	if def, ok := ParseIndex(`CREATE UNIQUE INDEX IF NOT EXISTS "Ix" ON main.t (a) WHERE b > 0`); !ok || def.Name != "Ix" || def.Table != "t" || def.Where != "b > 0" {
		t.Errorf("ParseIndex: %+v %v", def, ok)
	}
	for elem, want := range map[string]string{"a": "a", `"B"`: "B", "lower(c)": "", "a + 1": ""} {
		got, ok := IdentName(elem)
		if !ok {
			got = ""
		}
		if got != want {
			t.Errorf("IdentName(%s) = %q, want %q", elem, got, want)
		}
	}
}
