package pgdialect

// json_object.go: json_object(text[]) / json_object(keys text[], values
// text[]) and their jsonb spellings, PostgreSQL's object builders from
// text arrays (SQLite's own json_object, which takes key/value argument
// pairs, answered them before: json_object('{a,1}') was 22023 "requires
// an even number of arguments" and json_object(keys, values) an object of
// the two array texts). Values are JSON strings (a NULL one null); json
// keeps the keys in order, repeated ones too ({"a" : "1", "b" : "2"}),
// jsonb sorts them and keeps the last. Arrays are one-dimensional here
// (pgarray): the two-dimensional form ('{{a,1},{b,2}}') is refused as
// every multidimensional array is (0A000). Registered as pg_json_object
// and pg_jsonb_object (jsonb.go, jsonb_translate.go).

import (
	"bytes"
	"database/sql/driver"

	sqlite "modernc.org/sqlite"
)

// fnJSONObject is json_object / jsonb_object (jsonb) of one array of
// alternating keys and values or of a keys and a values array.
func fnJSONObject(jsonb bool) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if len(a) != 1 && len(a) != 2 {
			return nil, pgErr("42883", "function json_object takes 1 or 2 arguments")
		}
		for _, v := range a {
			if v == nil {
				return nil, nil
			}
		}
		var keys, vals []string
		var keyNulls, valNulls []bool
		if len(a) == 1 {
			el, nulls, err := textArray(a[0])
			if err != nil {
				return nil, err
			}
			if len(el)%2 != 0 {
				return nil, pgErr("2202E", "array must have even number of elements")
			}
			for i := 0; i < len(el); i += 2 {
				keys, keyNulls = append(keys, el[i]), append(keyNulls, nulls[i])
				vals, valNulls = append(vals, el[i+1]), append(valNulls, nulls[i+1])
			}
		} else {
			var err error
			if keys, keyNulls, err = textArray(a[0]); err != nil {
				return nil, err
			}
			if vals, valNulls, err = textArray(a[1]); err != nil {
				return nil, err
			}
			// an empty array has no dimension: beside a non-empty one
			// the dimensions differ
			if (len(keys) == 0) != (len(vals) == 0) {
				return nil, pgErr("2202E", "wrong number of array subscripts")
			}
			if len(keys) != len(vals) {
				return nil, pgErr("2202E", "mismatched array dimensions")
			}
		}
		if jsonb {
			out := make(map[string]any, len(keys))
			for i, k := range keys {
				if keyNulls[i] {
					return nil, pgErr("22004", "null value not allowed for object key")
				}
				out[k] = nil
				if !valNulls[i] {
					out[k] = vals[i]
				}
			}
			return jsonbText(out), nil
		}
		var b bytes.Buffer
		b.WriteByte('{')
		for i, k := range keys {
			if keyNulls[i] {
				return nil, pgErr("22004", "null value not allowed for object key")
			}
			if i > 0 {
				b.WriteString(", ")
			}
			writeJSONString(&b, k)
			b.WriteString(" : ")
			if valNulls[i] {
				b.WriteString("null")
			} else {
				writeJSONString(&b, vals[i])
			}
		}
		b.WriteByte('}')
		return b.String(), nil
	}
}
