package pgdialect

// json_get.go: ->, ->>, #> and #>> of json (not jsonb). PostgreSQL's json
// is its text, so a member comes back as written (spacing, numbers,
// escapes: '{"a": [1,2 ]}'::json -> 'a' is [1,2 ]), a repeated key's
// last value; jsonb's re-serialise the parsed value in jsonb's form. The
// translator passes json operands the modes 2 (->, #>) and 3 (->>, #>>)
// of json_srf_modes.go when the statement shows the left operand to be
// json (jsonShown); jsonb's 0 and 1. A jsonb scalar is a one-element
// array to -> and ->> with an index ('1'::jsonb -> 0 is 1, as
// PostgreSQL's raw scalar container answers); json's is not, nor one of
// an operand whose type the statement does not show (modes 4 and 5:
// jsonb's otherwise; a bare column's declared type settles the mode at
// run time: json_column_get.go).

import (
	"database/sql/driver"
	"math"
	"strconv"
	"strings"
)

// jsonRawStep is one step into the json text raw: an object's key (its
// last occurrence) or an array's index (negative from the end); ok false
// when absent or when raw is of another kind.
func jsonRawStep(raw, key string, byIndex bool, idx int64) (string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" || raw[0] != '{' && raw[0] != '[' {
		return "", false
	}
	keys, vals := jsonRawMembers(raw) // json_srf_modes.go
	if raw[0] == '{' {
		if byIndex {
			return "", false
		}
		for i := len(keys) - 1; i >= 0; i-- {
			if keys[i] == key {
				return vals[i], true
			}
		}
		return "", false
	}
	if !byIndex {
		n, err := strconv.ParseInt(strings.TrimSpace(key), 10, 64)
		if err != nil {
			return "", false
		}
		idx = n
	}
	if idx < 0 {
		idx += int64(len(vals))
	}
	if idx < 0 || idx >= int64(len(vals)) {
		return "", false
	}
	return vals[idx], true
}

// jsonRawGet is json's -> / ->> (mode 2 / 3) of the validated text v.
func jsonRawGet(v, k driver.Value, mode int64) (driver.Value, error) {
	if err := jsonEscapesError(v); err != nil { // json_syntax.go
		return nil, err
	}
	raw := str(v)
	if j, ok := jsonMarked(v); ok {
		raw = j
	}
	var out string
	var ok bool
	if i, isInt := k.(int64); isInt {
		out, ok = jsonRawStep(raw, "", true, i)
	} else {
		if strings.HasPrefix(strings.TrimSpace(raw), "[") {
			return nil, nil // a text key does not index an array
		}
		out, ok = jsonRawStep(raw, str(k), false, 0)
	}
	if !ok {
		return nil, nil
	}
	return jsonRawValue(out, mode), nil
}

// jsonRawPath is json's #> / #>> (mode 2 / 3) of the validated text v.
func jsonRawPath(v driver.Value, path []string, mode int64) (driver.Value, error) {
	if err := jsonEscapesError(v); err != nil {
		return nil, err
	}
	raw := str(v)
	if j, ok := jsonMarked(v); ok {
		raw = j
	}
	raw = strings.TrimSpace(raw)
	for _, k := range path {
		var ok bool
		if raw, ok = jsonRawStep(raw, k, false, 0); !ok {
			return nil, nil
		}
	}
	return jsonRawValue(raw, mode), nil
}

// jsonbScalarElement is jsonb's -> / ->> of a scalar with an integer:
// the scalar for 0 or -1 (a one-element array), else absent.
func jsonbScalarElement(x any, idx int64) (any, bool) {
	switch x.(type) {
	case map[string]any, []any:
		return nil, false
	}
	return x, idx == 0 || idx == -1
}

// jsonGetIndexType is PostgreSQL's 42883 for -> / ->> (mode) with a right
// operand of no type they take: a number with a fraction (numeric) or an
// integer past int4's range (bigint). The values decide (the operand's
// type is not passed): an int8 column's small values index as int4's.
func jsonGetIndexType(k driver.Value, mode int64) error {
	typ := ""
	switch k := k.(type) {
	case float64:
		typ = "numeric"
	case int64:
		if k < math.MinInt32 || k > math.MaxInt32 {
			typ = "bigint"
		}
	}
	if typ == "" {
		return nil
	}
	left, op := "jsonb", "->"
	if srfIsJSON(mode) {
		left = "json"
	}
	if srfAsText(mode) {
		op = "->>"
	}
	return pgErr("42883", "operator does not exist: %s %s %s", left, op, typ)
}
