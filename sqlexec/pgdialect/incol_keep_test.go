package pgdialect

import (
	"database/sql/driver"
	"fmt"
	"math"
	"testing"
	"time"
)

// TestInColKeepSound: whatever InColKeepFor says a column keeps, InColAt
// returns unchanged and without an error, for every declared type and
// value tried; and the common cases (text into text, an integer into an
// integer column) are kept, or the apply's shortcut would never run.
func TestInColKeepSound(t *testing.T) {
	decls := []string{"text", "varchar(3)", "varchar", "character varying(2)", "int2", "smallint", "int4", "integer", "int", "int8", "bigint",
		"char(3)", "numeric", "numeric(5,2)", "boolean", "uuid", "jsonb", "json", "date", "timestamptz", "timestamp(0)", "float8", "real",
		"bytea", "text[]", "int[]", "interval", "inet", "bit(3)", "money", "serial_is_not_a_type"}
	values := []driver.Value{int64(0), int64(1), int64(-1), int64(math.MaxInt16), int64(math.MaxInt16 + 1), int64(math.MinInt32),
		int64(math.MaxInt32 + 1), int64(math.MinInt64), int64(math.MaxInt64), 1.5, math.Copysign(0, -1), "", "abc", "abcd", "ab ", "abc  ", "a\x00b",
		"\xff\xfe", "é", "ééé", "éééé", "1.5", "yes", "2024-01-31", "{1,2}", `{"a": 1}`, "NaN", " 12 "}
	create := "CREATE TABLE t (id INTEGER PRIMARY KEY, "
	for i, d := range decls {
		create += fmt.Sprintf("c%d %s, ", i, d)
	}
	create += "untyped)"
	now := func() time.Time { return time.Unix(1_700_000_000, 0) }
	kept := map[string]bool{}
	cols := append([]string{"id", "untyped", "missing"}, func() (cs []string) {
		for i := range decls {
			cs = append(cs, fmt.Sprintf("c%d", i))
		}
		return
	}()...)
	for ci, col := range cols {
		for _, ref := range []any{col, int64(ci)} {
			if _, isPos := ref.(int64); isPos && col == "missing" {
				continue
			}
			k := InColKeepFor(create, ref)
			for _, v := range values {
				var keeps bool
				switch v := v.(type) {
				case int64:
					keeps = k.KeepsInt(v)
				case string:
					keeps = k.KeepsText(v)
				default:
					keeps = k.Any
				}
				if !keeps {
					continue
				}
				kept[fmt.Sprintf("%s/%T", col, v)] = true
				got, err := InColAt([]driver.Value{v, create, ref}, now, time.UTC)
				if err != nil || got != v {
					t.Errorf("column %s (%v): kept %#v, but InColAt gives %#v, %v", col, ref, v, got, err)
				}
			}
		}
	}
	for _, want := range []string{"c0/string", "c1/string", "c4/int64", "c6/int64", "c9/int64", "id/int64", "untyped/string", "missing/int64"} {
		if !kept[want] {
			t.Errorf("%s: no value kept", want)
		}
	}
}
