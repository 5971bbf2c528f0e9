package pgdialect

// json_srf_modes.go: the four spellings of each set-returning JSON
// function share pg_jsonb_each / pg_jsonb_elements (jsonb.go), told apart
// by their second argument, the mode. jsonb's print each value in jsonb's
// normal form; json's keep the text as written (PostgreSQL's json type
// is its text: spacing, key order, repeated keys and numbers stay), so
// they read the input's raw members instead of its parsed value. The
// _text spellings print a string unquoted and a JSON null as SQL NULL.
// Each raises PostgreSQL's own error for its own name.

import (
	"bytes"
	"database/sql/driver"
	"encoding/json"
	"strings"
)

// The modes, as the translation writes them (jsonTableFuncs).
const (
	srfJSONB     = 0 // jsonb_each, jsonb_array_elements
	srfJSONBText = 1 // jsonb_each_text, jsonb_array_elements_text
	srfJSON      = 2 // json_each, json_array_elements
	srfJSONText  = 3 // json_each_text, json_array_elements_text
)

// srfMode reads the mode argument.
func srfMode(v driver.Value) int64 {
	if m, ok := v.(int64); ok {
		return m
	}
	return srfJSONB
}

// srfAsText reports whether mode is a _text spelling.
func srfAsText(mode int64) bool { return mode == srfJSONBText || mode == srfJSONText }

// srfIsJSON reports whether mode is a json (not jsonb) spelling.
func srfIsJSON(mode int64) bool { return mode == srfJSON || mode == srfJSONText }

// srfEachError is PostgreSQL's error for json[b]_each[_text] of x, which
// is not an object.
func srfEachError(mode int64, x any) error {
	switch {
	case mode == srfJSONB:
		return pgErr("22023", "cannot call jsonb_each on a non-object")
	case mode == srfJSONBText:
		return pgErr("22023", "cannot call jsonb_each_text on a non-object")
	}
	if _, isArr := x.([]any); isArr {
		return pgErr("22023", "cannot deconstruct an array as an object")
	}
	return pgErr("22023", "cannot deconstruct a scalar")
}

// srfElementsError is PostgreSQL's error for json[b]_array_elements[_text]
// of x, which is not an array.
func srfElementsError(mode int64, x any) error {
	_, isObj := x.(map[string]any)
	if !srfIsJSON(mode) {
		if isObj {
			return pgErr("22023", "cannot extract elements from an object")
		}
		return pgErr("22023", "cannot extract elements from a scalar")
	}
	name := "json_array_elements"
	if mode == srfJSONText {
		name += "_text"
	}
	if isObj {
		return pgErr("22023", "cannot call %s on a non-array", name)
	}
	return pgErr("22023", "cannot call %s on a scalar", name)
}

// jsonRawMembers are the top-level members of the json text v (validated
// already) as written: an object's keys (repeated ones included) and
// values, or an array's elements (keys nil), each value's text trimmed.
func jsonRawMembers(v driver.Value) (keys []string, vals []string) {
	s := str(v)
	if j, ok := jsonMarked(v); ok {
		s = j
	}
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	open, err := d.Token()
	if err != nil {
		return nil, nil
	}
	obj := open == json.Delim('{')
	for d.More() {
		if obj {
			k, err := d.Token()
			if err != nil {
				break
			}
			ks, _ := k.(string)
			keys = append(keys, ks)
		}
		var r json.RawMessage
		if err := d.Decode(&r); err != nil {
			break
		}
		vals = append(vals, string(bytes.TrimSpace(r)))
	}
	return keys, vals
}

// jsonRawValue is the json member text raw as the function of mode
// returns it: as written, or for a _text spelling a string unquoted and
// null as SQL NULL.
func jsonRawValue(raw string, mode int64) driver.Value {
	if !srfAsText(mode) {
		return raw
	}
	switch {
	case raw == "null":
		return nil
	case strings.HasPrefix(raw, `"`):
		var s string
		if err := json.Unmarshal([]byte(raw), &s); err == nil {
			return s
		}
	}
	return raw
}
