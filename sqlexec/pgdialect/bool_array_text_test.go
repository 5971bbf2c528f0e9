package pgdialect

import (
	"database/sql/driver"
	"strings"
	"testing"
)

// TestBoolArrayTextConversion: a boolean array cast to a string array is
// written true/false first; of ARRAY[...] only its boolean elements are
// cast; arrays of other types stay.
func TestBoolArrayTextConversion(t *testing.T) {
	decls := map[string]string{"b": "boolean", "ba": "boolean[]", "i": "integer", "s": "text"}
	declOf := func(expr string) string {
		for col, d := range decls {
			if strings.Contains(expr, "'"+col+"' COLLATE") || strings.Contains(expr, "name = '"+col+"'") {
				return d
			}
		}
		return ""
	}
	cases := []conversionCase{
		{"SELECT ba::text[] FROM t", []string{"pg_in__text(pg_array_bool_text(ba), -1)"}},
		{"SELECT ba::varchar[] FROM t", []string{"pg_in__varchar(pg_array_bool_text(ba), -1)"}},
		{"SELECT ARRAY[b, 'yes']::text[] FROM t", []string{"pg_array(pg_text(b, 'bool'), 'yes')"}},
		{"SELECT '{t}'::boolean[]::text[]", []string{"pg_in__text(pg_array_bool_text(pg_in__bool('{t}', -1)), -1)"}},
		{"SELECT (SELECT array_agg(b) FROM t)::text[]", []string{"pg_in__text(pg_array_bool_text((SELECT "}},
		{"SELECT ARRAY(SELECT b FROM t)::text[]", []string{"pg_in__text(pg_array_bool_text((WITH pg_array_sub"}},
		{"SELECT (array_agg(b) OVER ())::text[] FROM t", []string{"pg_array_bool_text((pg_array_agg(b) OVER ()))"}},
		{"SELECT ARRAY[i]::text[], ARRAY[s]::text[], ba::text FROM t", nil},
	}
	checkConversions(t, cases, func(sql string) string { return BoolArrayTextConversion(sql, declOf) }) // numeric_arrays_test.go
}

// TestArrayBoolText: every boolean input spelling becomes true/false,
// NULL elements and a NULL array stay NULL, a non-boolean is 22P02.
func TestArrayBoolText(t *testing.T) {
	for in, want := range map[string]driver.Value{"{t,f,NULL}": "{true,false,NULL}", "{yes,0}": "{true,false}", "{}": "{}"} {
		got, err := fnArrayBoolText(nil, []driver.Value{in})
		if err != nil || got != want {
			t.Errorf("%s: %v, %v; want %v", in, got, err, want)
		}
	}
	if got, err := fnArrayBoolText(nil, []driver.Value{nil}); got != nil || err != nil {
		t.Errorf("NULL: %v, %v", got, err)
	}
	if _, err := fnArrayBoolText(nil, []driver.Value{"{x}"}); err == nil || !strings.Contains(err.Error(), "22P02") {
		t.Errorf("{x}: %v, want 22P02", err)
	}
}
