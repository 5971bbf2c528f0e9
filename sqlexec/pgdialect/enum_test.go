package pgdialect

import (
	"strings"
	"testing"
)

func TestEnumTranslate(t *testing.T) {
	checkStateDDL(t, []ddlCase{
		{"CREATE TYPE mood AS ENUM ('sad', 'o''k')", `SELECT pg_enum_create('mood', '["sad","o''k"]')`, ""},
		{`CREATE TYPE public."Mood" AS ENUM ()`, `SELECT pg_enum_create('Mood', '[]')`, ""},
		{"ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' BEFORE 'ok'", "SELECT pg_enum_add('mood', 'meh', 1, 'before', 'ok')", ""},
		{"ALTER TYPE mood ADD VALUE 'x'", "SELECT pg_enum_add('mood', 'x', 0, '', '')", ""},
		{"DROP TYPE IF EXISTS a, b", "SELECT pg_enum_drop('a', 1); SELECT pg_enum_drop('b', 1)", ""},
		{"CREATE TYPE int4 AS ENUM ('a')", "", "42710"},
		{"CREATE TYPE r AS RANGE (subtype = int4)", "", "0A000"},
		{"CREATE TYPE m AS ENUM ('" + strings.Repeat("x", 64) + "')", "", "22023"},
		{"ALTER TYPE m RENAME TO n", "", "0A000"},
		{"DROP TYPE m CASCADE", "", "0A000"},
	})
	// A column of a type this package does not know may be an enum.
	// Whether it is one is decided at apply (typeallow.go).
	st, err := Translate("CREATE TABLE p (m mood NOT NULL, n integer, b bytea)")
	if err != nil || !strings.Contains(st.Exec[0], "pg_enum_in('mood', m)") || strings.Count(st.Exec[0], "pg_enum_in") != 1 ||
		len(st.Exec) != 2 || st.Exec[1] != "SELECT pg_type_require('mood', 1)" || !st.NoRows {
		t.Errorf("enum column: %v %v", st, err)
	}
}
