package pgdialect

import (
	"errors"
	"strings"
	"testing"
)

// TestTypeAllowList: where a statement names a type, an enforced type (in
// every spelling) passes; a built-in type raftsql does not enforce is
// 0A000, a pseudo-type column 42P16, an unknown name that cannot be an
// enum 42704, each at PostgreSQL's place (integration's 25_typeallow
// corpus compares them with PostgreSQL).
func TestTypeAllowList(t *testing.T) {
	for _, c := range []struct {
		sql, code string
		pos       int
	}{
		{"CREATE TABLE t (a int4, b float8, c double precision, d character varying(10), e timestamp(3) with time zone, f bool, g decimal(10,2))", "", 0},
		{"CREATE TABLE t (a serial, b bigserial, c smallserial, d int[], e integer ARRAY, f varchar(20)[], g interval day to second(3), h char, i \"char\"[])", "0A000", 137},
		{"CREATE TABLE t (a text, b datemultirange)", "0A000", 27},
		{"CREATE TABLE t (a int4range, b int8range, c numrange, d daterange, e tsrange, f tstzrange)", "", 0},
		{"CREATE TABLE t (a bit varying(3), b bit(2), c varbit, d bit)", "", 0},
		{"CREATE TABLE t (a bit(2)[])", "0A000", 19},
		{"CREATE TABLE t (a circle)", "0A000", 19},
		{"CREATE TABLE t (a int4range[])", "0A000", 19},
		{"CREATE TABLE t (a record)", "42P16", 0},
		{"CREATE TABLE t (a, b)", "42601", 0},
		{"ALTER TABLE t ADD COLUMN b tsvector", "0A000", 28},
		{"ALTER TABLE t ALTER COLUMN b TYPE tsquery", "0A000", 0},
		{"SELECT 'garbage'::lseg", "0A000", 19},
		{"SELECT CAST('1' AS box)", "0A000", 20},
		{"SELECT CAST('1' AS blob)", "42704", 20},
		{"SELECT point '(1,2)'", "0A000", 8},
		{"SELECT 'a'::citext", "0A000", 13},
		{"SELECT '1'::pg_lsn", "0A000", 13},
		{"SELECT '1'::oid, CAST('1' AS money), '<a/>'::xml, 'n'::name", "", 0},
		{"SELECT 'pg_class'::regclass, 'int'::regtype, 'x'::text, '1'::int8, '{1}'::int[]", "", 0},
		{"SELECT c.oid::int8, c.relname::name FROM pg_catalog.pg_class c", "", 0},
	} {
		_, err := Translate(c.sql)
		var pe *Error
		switch {
		case c.code == "" && err != nil:
			t.Errorf("%s: %v", c.sql, err)
		case c.code == "":
		case !errors.As(err, &pe) || pe.Code != c.code || pe.Position != c.pos:
			t.Errorf("%s: %#v, want %s at %d", c.sql, err, c.code, c.pos)
		}
	}
	// names that are no type of PostgreSQL 15 may be enums: decided at apply
	for sql, want := range map[string]string{
		"CREATE TABLE t (a int, b blob, c mood, d public.mood)": "SELECT pg_type_require('blob', 0); SELECT pg_type_require('mood', 1)",
		"CREATE TABLE t (a citext)":                             "SELECT pg_type_require('citext', 1)",
		"ALTER TABLE t ADD b datetime, ALTER c TYPE mood":       "SELECT pg_type_require('datetime', 0); SELECT pg_type_require('mood', 1)",
	} {
		st, err := Translate(sql)
		if err != nil {
			t.Errorf("%s: %v", sql, err)
			continue
		}
		var req []string
		for _, e := range st.Exec {
			if strings.HasPrefix(e, "SELECT pg_type_require(") {
				req = append(req, e)
			}
		}
		if got := strings.Join(req, "; "); got != want || !st.NoRows {
			t.Errorf("%s: %q, want %q", sql, got, want)
		}
	}
}
