package pgdialect

import (
	"database/sql/driver"
	"fmt"
	"strings"
	"testing"
)

// TestInFuncs checks the input functions of types_in.go directly: the
// canonical form, or the SQLSTATE of the error (PostgreSQL 15's).
func TestInFuncs(t *testing.T) {
	for _, c := range []struct {
		fn     string
		in     driver.Value
		typmod int64
		want   driver.Value
		code   string
	}{
		{"pg_in_bool", "yes", -1, int64(1), ""},
		{"pg_in_bool", " OFF ", -1, int64(0), ""},
		{"pg_in_bool", "maybe", -1, nil, "22P02"},
		{"pg_in_bool", int64(2), -1, nil, "22P02"},
		{"pg_in_int2", int64(70000), -1, nil, "22003"},
		{"pg_in_int2", " 12 ", -1, int64(12), ""},
		{"pg_in_int4", 2.5, -1, int64(3), ""},
		{"pg_in_int4", "4.5", -1, nil, "22P02"},
		{"pg_in_int8", "9223372036854775808", -1, nil, "22003"},
		{"pg_in_float4", 0.1, -1, float64(float32(0.1)), ""},
		{"pg_in_float8", "NaN", -1, nil, "0A000"},
		{"pg_in_float8", "1e400", -1, nil, "22003"},
		{"pg_in_varchar", "abc  ", 7, "abc", ""},
		{"pg_in_varchar", "abcd", 7, nil, "22001"},
		{"pg_in_varchar", "日本語", 7, "日本語", ""},
		{"pg_in_bpchar", "ab   ", 7, "ab", ""},
		{"pg_in_text", "a\x00b", -1, nil, "22021"},
		{"pg_in_bytea", `\x0A0b`, -1, []byte{10, 11}, ""},
		{"pg_in_bytea", `\x0`, -1, nil, "22023"},
		{"pg_in_json", `{"a":1,"a":2}`, -1, `{"a":1,"a":2}`, ""},
		{"pg_in_json", `{`, -1, nil, "22P02"},
		{"pg_in_jsonb", `{"bb":1,"a":{"y":[1e2, -0, 2.50, 1.5e-3]},"a":null}`, -1, `{"a": null, "bb": 1}`, ""},
		{"pg_in_jsonb", `{"k":[1e2, -0, 2.50, 1.5e-3, 12E+1, "t\u0001"]}`, -1, `{"k": [100, 0, 2.50, 0.0015, 120, "t\u0001"]}`, ""},
		{"pg_in_jsonb", `[1] x`, -1, nil, "22P02"},
		{"pg_in_jsonb", `"\u0000"`, -1, nil, "22P05"},
		{"pg_in_uuid", "{A0EEBC99-9C0B4EF8-BB6D6BB9-BD380A11}", -1, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", ""},
		{"pg_in_uuid", "a0eebc99", -1, nil, "22P02"},
	} {
		got, err := inFunc(c.fn)(nil, []driver.Value{c.in, c.typmod})
		name := fmt.Sprintf("%s(%q, %d)", c.fn, c.in, c.typmod)
		if c.code != "" {
			code, _, _ := ParseSQLStateError(fmt.Sprint(err))
			if code != c.code {
				t.Errorf("%s: %v, %v, want SQLSTATE %s", name, got, err, c.code)
			}
			continue
		}
		if err != nil || fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", c.want) {
			t.Errorf("%s = %#v, %v, want %#v", name, got, err, c.want)
		}
	}
}

// TestTableDecls: the column types pg_in_col reads from a stored CREATE
// TABLE, with the rowid alias left unenforced.
func TestTableDecls(t *testing.T) {
	decls := func(cols []tableCol) string {
		var out []string
		for _, c := range cols {
			out = append(out, "{"+c.name+" "+c.decl+"}")
		}
		return "[" + strings.Join(out, " ") + "]"
	}
	got := decls(tableDecls(`CREATE TABLE "t" (id INTEGER PRIMARY KEY, "B" boolean NOT NULL CONSTRAINT pgdialect_in_bool_B CHECK (pg_in_bool("B", -1) IS "B"), v varchar(3) DEFAULT 'x', n numeric(10, 2), CONSTRAINT c CHECK (n > 0), u uuid)`))
	want := "[{id } {B boolean} {v varchar(3)} {n numeric(10, 2)} {u uuid}]"
	if got != want {
		t.Errorf("tableDecls = %s, want %s", got, want)
	}
	if got := decls(tableDecls(`CREATE TABLE t (k int, id INTEGER, PRIMARY KEY (id))`)); got != "[{k int} {id }]" {
		t.Errorf("table-level rowid alias: %s", got)
	}
}
