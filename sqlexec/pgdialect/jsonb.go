package pgdialect

// jsonb.go: PostgreSQL's jsonb operators and functions as deterministic
// SQL functions over the stored text (jsonb_translate.go rewrites the
// operators and names to them):
//
//	pg_jsonb_get(j, key|index, astext)   -> ->>
//	pg_jsonb_path(j, '{a,0}', astext)    #> #>>
//	pg_jsonb_contains(a, b)              @> (and <@ swapped)
//	pg_jsonb_exists(j, key)              ?
//	pg_jsonb_exists_any/all(j, '{a,b}')  ?| ?&
//	pg_jsonb_concat(a, b)                || of jsonb
//	pg_jsonb_delete(j, key|index)        - of jsonb
//	pg_jsonb_delete_path(j, '{a,0}')     #-
//	pg_jsonb_set(j, path, new[, create]) jsonb_set
//	pg_jsonb_insert(j, path, new[, after]) jsonb_insert
//	pg_jsonb_set_lax(j, path, new[, create[, treatment]]) jsonb_set_lax
//	pg_jsonb_typeof, pg_jsonb_array_length, pg_jsonb_pretty, pg_to_jsonb,
//	pg_jsonb_build_object, pg_jsonb_build_array, pg_jsonb_agg,
//	pg_jsonb_object_agg, pg_jsonb_elements, pg_jsonb_each (json_each's
//	input for the table functions), pg_json_mark
//
// Every result is a pure function of the arguments. jsonb values are
// written in PostgreSQL's output form (writeJSONB, types_in.go), so a
// result stored in a jsonb column is already canonical and compares as
// text. A SQL value that is JSON (a jsonb column, a cast, the result of
// one of these functions) reaches to_jsonb/jsonb_build_* as text; the
// translator marks such arguments with pg_json_mark (a NUL-prefixed text:
// no PostgreSQL text value contains NUL), so they nest as JSON instead of
// becoming strings.

import (
	"bytes"
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/raftsql/raftsql/pgwire"
	sqlite "modernc.org/sqlite"
)

// jsonMark prefixes the blob pg_json_mark makes of a JSON text (a blob:
// SQLite would cut a text at a NUL).
const jsonMark = "\x00pgjson\x00"

// jsonbFuncs are the scalar functions of this file (name -> arity, -1:
// variadic).
var jsonbFuncs = map[string]struct {
	n int32
	f fn
}{
	"pg_jsonb_get":          {-1, fnJSONBGet}, // a 4th argument: json_column_get.go
	"pg_jsonb_path":         {-1, fnJSONBPath},
	"pg_jsonb_contains":     {2, fnJSONBContains},
	"pg_jsonb_exists":       {2, fnJSONBExists},
	"pg_jsonb_exists_any":   {2, fnJSONBExistsAnyAll(false)},
	"pg_jsonb_exists_all":   {2, fnJSONBExistsAnyAll(true)},
	"pg_jsonb_concat":       {2, fnJSONBConcat},
	"pg_jsonb_delete":       {2, fnJSONBDelete},
	"pg_jsonb_delete_keys":  {2, fnJSONBDeleteKeys},
	"pg_jsonb_delete_path":  {2, fnJSONBDeletePath},
	"pg_jsonb_set":          {-1, fnJSONBSet},
	"pg_jsonb_insert":       {-1, fnJSONBInsert},
	"pg_jsonb_set_lax":      {-1, fnJSONBSetLax},
	"pg_jsonb_scalar":       {2, fnJSONBScalar},        // json_cast.go
	"pg_json_object":        {-1, fnJSONObject(false)}, // json_object.go
	"pg_jsonb_object":       {-1, fnJSONObject(true)},
	"pg_jsonb_typeof":       {1, fnJSONBTypeof},
	"pg_jsonb_array_length": {1, fnJSONBArrayLength},
	"pg_jsonb_pretty":       {1, fnJSONBPretty},
	"pg_to_jsonb":           {1, fnToJSONB},
	"pg_jsonb_build_object": {-1, fnJSONBBuildObject},
	"pg_jsonb_build_array":  {-1, fnJSONBBuildArray},
	"pg_jsonb_elements":     {2, fnJSONBElements},
	"pg_jsonb_each":         {2, fnJSONBEach},
	"pg_jsonb_keys":         {1, fnJSONBKeys},
	"pg_json_keys":          {1, fnJSONKeys},        // json_object_keys.go
	"jsonb_strip_nulls":     {1, fnJSONBStripNulls}, // json_strip.go
	"json_strip_nulls":      {1, fnJSONStripNulls},
	"pg_json_mark":          {1, fnJSONMark},
	"pg_no_operator":        {1, fnNoOperator}, // json_operators.go
	"pg_cast_json":          {1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return jsonIn(a[0], false) }},
	"pg_cast_jsonb":         {1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) { return jsonIn(a[0], true) }},
}

func registerJSONBFuncs() error {
	for _, funcs := range []map[string]struct {
		n int32
		f fn
	}{jsonbFuncs, jsonTextFuncs /* json_text.go */} {
		for name, d := range funcs {
			if err := sqlite.RegisterDeterministicScalarFunction(name, d.n, d.f); err != nil && !strings.Contains(err.Error(), "already registered") {
				return fmt.Errorf("pgdialect: register %s: %w", name, err)
			}
			deterministic[name] = true
		}
	}
	aggs := map[string]struct {
		n  int32
		mk func() sqlite.AggregateFunction
	}{
		"pg_jsonb_agg":        {1, func() sqlite.AggregateFunction { return &jsonbAgg{} }},
		"pg_jsonb_object_agg": {2, func() sqlite.AggregateFunction { return &jsonbAgg{object: true} }},
	}
	for name, a := range jsonTextAggs { // json_text.go
		aggs[name] = a
	}
	for name, a := range aggs {
		mk := a.mk
		impl := &sqlite.FunctionImpl{NArgs: a.n, Deterministic: true,
			MakeAggregate: func(sqlite.FunctionContext) (sqlite.AggregateFunction, error) { return mk(), nil }}
		if err := sqlite.RegisterFunction(name, impl); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
		deterministic[name] = true
	}
	return nil
}

// jsonParse reads a JSON argument (text, or a number SQLite stored as one).
func jsonParse(v driver.Value) (any, error) {
	switch x := v.(type) {
	case int64:
		return json.Number(strconv.FormatInt(x, 10)), nil
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return nil, pgErr("22P02", "invalid input syntax for type json")
		}
		return json.Number(strconv.FormatFloat(x, 'g', -1, 64)), nil
	}
	s := str(v)
	if j, ok := jsonMarked(v); ok {
		s = j
	}
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var out any
	if err := d.Decode(&out); err != nil {
		return nil, jsonInputError(s, false) // json_syntax.go
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, jsonInputError(s, false)
	}
	return out, nil
}

// jsonArgs parses a[0] for a function whose result is NULL when any of
// its first n arguments is (null reports that).
func jsonArgs(a []driver.Value, n int) (x any, null bool, err error) {
	for _, v := range a[:n] {
		if v == nil {
			return nil, true, nil
		}
	}
	x, err = jsonParse(a[0])
	return x, false, err
}

// jsonbText is x in jsonb's output form.
func jsonbText(x any) string {
	var b bytes.Buffer
	writeJSONB(&b, x)
	return b.String()
}

// jsonResult is x as a jsonb result, or as text for ->> and #>> (a string
// unquoted, null as SQL NULL).
func jsonResult(x any, astext bool) driver.Value {
	if !astext {
		return jsonbText(x)
	}
	switch x := x.(type) {
	case nil:
		return nil
	case string:
		return x
	}
	return jsonbText(x)
}

// jsonStep is one step of a path into x: an object key, or an array index
// (negative counts from the end); nil when absent.
func jsonStep(x any, key string, byIndex bool, idx int64) (any, bool) {
	switch c := x.(type) {
	case map[string]any:
		if byIndex {
			return nil, false
		}
		v, ok := c[key]
		return v, ok
	case []any:
		if !byIndex {
			n, err := strconv.ParseInt(strings.TrimSpace(key), 10, 64)
			if err != nil {
				return nil, false
			}
			idx = n
		}
		if idx < 0 {
			idx += int64(len(c))
		}
		if idx < 0 || idx >= int64(len(c)) {
			return nil, false
		}
		return c[idx], true
	}
	return nil, false
}

func fnJSONBGet(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	a, mode, err := jsonColumnMode(a) // json_column_get.go
	if err != nil {
		return nil, err
	}
	x, null, err := jsonArgs(a, 2)
	if null || err != nil {
		return nil, err
	}
	// mode (json_srf_modes.go): 0/1 jsonb, 2/3 json, 4/5 either
	scalarArray := mode < 2
	if mode >= 4 {
		mode -= 4
	}
	if err := jsonGetIndexType(a[1], mode); err != nil { // json_get.go
		return nil, err
	}
	if srfIsJSON(mode) {
		return jsonRawGet(a[0], a[1], mode) // json_get.go
	}
	var v any
	var ok bool
	switch k := a[1].(type) {
	case int64:
		v, ok = jsonStep(x, "", true, k)
		if !ok && scalarArray {
			v, ok = jsonbScalarElement(x, k) // json_get.go
		}
	default:
		_, isArr := x.([]any)
		if isArr {
			return nil, nil // a text key does not index an array
		}
		v, ok = jsonStep(x, str(k), false, 0)
	}
	if !ok {
		return nil, nil
	}
	return jsonResult(v, srfAsText(mode)), nil
}

// textArray reads a PostgreSQL text[] literal ('{a,b}') argument: its
// elements and which of them are NULL (each function treats a NULL
// element its own way, as PostgreSQL's do).
func textArray(v driver.Value) (vals []string, nulls []bool, err error) {
	el, err := catalogArray(v) // array.go
	if err != nil {
		return nil, nil, err
	}
	vals, nulls = make([]string, len(el)), make([]bool, len(el))
	for k, e := range el {
		vals[k], nulls[k] = e.Val, e.Null
	}
	return vals, nulls, nil
}

// nonNull is vals without its NULL elements: ?|, ?& and jsonb - text[]
// skip them.
func nonNull(vals []string, nulls []bool) []string {
	out := vals[:0:0]
	for i, v := range vals {
		if !nulls[i] {
			out = append(out, v)
		}
	}
	return out
}

// jsonAndPath parses a[0] and the text[] a[1] (a path or key list).
func jsonAndPath(a []driver.Value) (x any, path []string, nulls []bool, null bool, err error) {
	if x, null, err = jsonArgs(a, 2); null || err != nil {
		return nil, nil, nil, null, err
	}
	path, nulls, err = textArray(a[1])
	return x, path, nulls, false, err
}

func fnJSONBPath(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	a, mode, err := jsonColumnMode(a) // json_column_get.go
	if err != nil {
		return nil, err
	}
	x, path, nulls, null, err := jsonAndPath(a)
	if null || err != nil {
		return nil, err
	}
	if slices.Contains(nulls, true) {
		return nil, nil // #> with a NULL path element is NULL
	}
	if srfIsJSON(mode) {
		return jsonRawPath(a[0], path, mode) // json_get.go
	}
	for _, k := range path {
		var ok bool
		if x, ok = jsonStep(x, k, false, 0); !ok {
			return nil, nil
		}
	}
	return jsonResult(x, srfAsText(mode)), nil
}

// jsonEqual compares two JSON values as jsonb does (numbers by value).
func jsonEqual(a, b any) bool {
	switch x := a.(type) {
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		rx, ok1 := new(big.Rat).SetString(string(x))
		ry, ok2 := new(big.Rat).SetString(string(y))
		return ok1 && ok2 && rx.Cmp(ry) == 0
	case map[string]any, []any:
		return jsonContains(a, b, false) && jsonContains(b, a, false)
	}
	return a == b
}

// jsonContains is PostgreSQL's a @> b: every key/value of an object b is
// contained in a's; every element of an array b is contained in some
// element of a; scalars equal; and (top level only) an array contains a
// scalar element.
func jsonContains(a, b any, top bool) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			return false
		}
		for k, bv := range y {
			av, ok := x[k]
			if !ok || !jsonContains(av, bv, false) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok {
			if _, isObj := b.(map[string]any); isObj || !top {
				return false
			}
			y = []any{b}
		}
		for _, bv := range y {
			found := false
			for _, av := range x {
				if jsonContains(av, bv, false) {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
		return true
	}
	switch b.(type) {
	case map[string]any, []any:
		return false
	}
	return jsonEqual(a, b)
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func fnJSONBContains(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if isArrayText(a[0]) || isArrayText(a[1]) { // array.go: @> of arrays
		return fnArrayContains(nil, a)
	}
	x, null, err := jsonArgs(a, 2)
	if null || err != nil {
		return nil, err
	}
	y, err := jsonParse(a[1])
	if err != nil {
		return nil, err
	}
	return boolInt(jsonContains(x, y, true)), nil
}

// jsonHasKey is j ? key: an object key, a string element of an array, or
// a string scalar equal to key.
func jsonHasKey(x any, key string) bool {
	switch c := x.(type) {
	case map[string]any:
		_, ok := c[key]
		return ok
	case []any:
		for _, e := range c {
			if s, ok := e.(string); ok && s == key {
				return true
			}
		}
		return false
	case string:
		return c == key
	}
	return false
}

func fnJSONBExists(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	x, null, err := jsonArgs(a, 2)
	if null || err != nil {
		return nil, err
	}
	return boolInt(jsonHasKey(x, str(a[1]))), nil
}

func fnJSONBExistsAnyAll(all bool) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		x, keys, nulls, null, err := jsonAndPath(a)
		if null || err != nil {
			return nil, err
		}
		for _, k := range nonNull(keys, nulls) {
			if jsonHasKey(x, k) != all {
				return boolInt(!all), nil
			}
		}
		return boolInt(all), nil
	}
}

// jsonConcat is PostgreSQL's jsonb || jsonb.
func jsonConcat(x, y any) any {
	xo, xObj := x.(map[string]any)
	yo, yObj := y.(map[string]any)
	if xObj && yObj {
		out := make(map[string]any, len(xo)+len(yo))
		for k, v := range xo {
			out[k] = v
		}
		for k, v := range yo {
			out[k] = v
		}
		return out
	}
	asArray := func(v any) []any {
		if a, ok := v.([]any); ok {
			return a
		}
		return []any{v}
	}
	xa, ya := asArray(x), asArray(y)
	out := make([]any, 0, len(xa)+len(ya))
	return append(append(out, xa...), ya...)
}

func fnJSONBConcat(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	x, null, err := jsonArgs(a, 2)
	if null || err != nil {
		return nil, err
	}
	y, err := jsonParse(a[1])
	if err != nil {
		return nil, err
	}
	return jsonbText(jsonConcat(x, y)), nil
}

// fnJSONBDeleteKeys is jsonb - text[]: the object without those keys, the
// array without those strings.
func fnJSONBDeleteKeys(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	x, keys, nulls, null, err := jsonAndPath(a)
	if null || err != nil {
		return nil, err
	}
	drop := make(map[string]bool, len(keys))
	for _, k := range nonNull(keys, nulls) {
		drop[k] = true
	}
	switch c := x.(type) {
	case map[string]any:
		out := make(map[string]any, len(c))
		for k, v := range c {
			if !drop[k] {
				out[k] = v
			}
		}
		return jsonbText(out), nil
	case []any:
		out := make([]any, 0, len(c))
		for _, v := range c {
			if s, ok := v.(string); !ok || !drop[s] {
				out = append(out, v)
			}
		}
		return jsonbText(out), nil
	}
	return nil, pgErr("22023", "cannot delete from scalar")
}

func fnJSONBDelete(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	x, null, err := jsonArgs(a, 2)
	if null || err != nil {
		return nil, err
	}
	switch c := x.(type) {
	case map[string]any:
		if _, isInt := a[1].(int64); isInt {
			return nil, pgErr("22023", "cannot delete from object using integer index")
		}
		out := make(map[string]any, len(c))
		for k, v := range c {
			if k != str(a[1]) {
				out[k] = v
			}
		}
		return jsonbText(out), nil
	case []any:
		out := make([]any, 0, len(c))
		if i, isInt := a[1].(int64); isInt {
			if i < 0 {
				i += int64(len(c))
			}
			for k, v := range c {
				if int64(k) != i {
					out = append(out, v)
				}
			}
			return jsonbText(out), nil
		}
		for _, v := range c {
			if s, ok := v.(string); !ok || s != str(a[1]) {
				out = append(out, v)
			}
		}
		return jsonbText(out), nil
	}
	return nil, pgErr("22023", "cannot delete from scalar")
}

// jsonAtPath returns x with the value at path replaced by f(old, exists)
// (f returns keep=false to delete it). Missing intermediate steps leave x
// unchanged, as jsonb_set and #- do. nulls marks the path's NULL
// elements: reaching one is PostgreSQL's 22004 (setPath checks the
// element of each level it descends to, a scalar's too).
func jsonAtPath(x any, path []string, nulls []bool, f func(old any, exists bool) (any, bool)) (any, error) {
	if len(path) == 0 {
		return x, nil
	}
	return jsonAtLevel(x, path, nulls, 0, f)
}

// jsonPathNull is setPath's error for a NULL path element at level.
func jsonPathNull(nulls []bool, level int) error {
	if nulls[level] {
		return pgErr("22004", "path element at position %d is null", level+1)
	}
	return nil
}

// jsonPathIndex is path[level] as an array index (setPathArray's
// strtoint: leading spaces, no trailing text).
func jsonPathIndex(path []string, level int) (int64, error) {
	n, err := strconv.ParseInt(strings.TrimLeft(path[level], " \t\n\r\v\f"), 10, 32)
	if err != nil {
		return 0, pgErr("22P02", "path element at position %d is not an integer: \"%s\"", level+1, path[level])
	}
	return n, nil
}

func jsonAtLevel(x any, path []string, nulls []bool, level int, f func(old any, exists bool) (any, bool)) (any, error) {
	if err := jsonPathNull(nulls, level); err != nil {
		return nil, err
	}
	k, last := path[level], level == len(path)-1
	switch c := x.(type) {
	case map[string]any:
		old, exists := c[k]
		out := make(map[string]any, len(c)+1)
		for kk, v := range c {
			out[kk] = v
		}
		if last {
			nv, keep := f(old, exists)
			if keep {
				out[k] = nv
			} else {
				delete(out, k)
			}
			return out, nil
		}
		if !exists {
			return x, nil
		}
		nv, err := jsonAtLevel(old, path, nulls, level+1, f)
		if err != nil {
			return nil, err
		}
		out[k] = nv
		return out, nil
	case []any:
		n, err := jsonPathIndex(path, level)
		if err != nil {
			return nil, err
		}
		i := n
		if i < 0 {
			i += int64(len(c))
		}
		out := append([]any(nil), c...)
		if last {
			if i < 0 || i >= int64(len(c)) {
				nv, keep := f(nil, false)
				if !keep {
					return out, nil
				}
				if n < 0 {
					return append([]any{nv}, out...), nil
				}
				return append(out, nv), nil
			}
			nv, keep := f(c[i], true)
			if keep {
				out[i] = nv
				return out, nil
			}
			return append(out[:i], out[i+1:]...), nil
		}
		if i < 0 || i >= int64(len(c)) {
			return x, nil
		}
		nv, err := jsonAtLevel(c[i], path, nulls, level+1, f)
		if err != nil {
			return nil, err
		}
		out[i] = nv
		return out, nil
	}
	return x, nil
}

func fnJSONBDeletePath(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	x, null, err := jsonArgs(a, 2)
	if null || err != nil {
		return nil, err
	}
	switch c := x.(type) {
	case map[string]any:
		if len(c) == 0 {
			return jsonbText(x), nil
		}
	case []any:
		if len(c) == 0 {
			return jsonbText(x), nil
		}
	default:
		return nil, pgErr("22023", "cannot delete path in scalar")
	}
	path, nulls, err := textArray(a[1])
	if err != nil {
		return nil, err
	}
	out, err := jsonAtPath(x, path, nulls, func(any, bool) (any, bool) { return nil, false })
	if err != nil {
		return nil, err
	}
	return jsonbText(out), nil
}

// jsonSetArgs reads (target, path, new[, flag]) of jsonb_set and
// jsonb_insert (named fn): null for a NULL argument (both are strict).
func jsonSetArgs(fn string, a []driver.Value) (x any, path []string, nulls []bool, nv any, null bool, err error) {
	if len(a) != 3 && len(a) != 4 {
		return nil, nil, nil, nil, false, pgErr("42883", "function %s takes 3 or 4 arguments", fn)
	}
	for _, v := range a {
		if v == nil {
			return nil, nil, nil, nil, true, nil
		}
	}
	if x, err = jsonParse(a[0]); err != nil {
		return nil, nil, nil, nil, false, err
	}
	switch x.(type) {
	case map[string]any, []any:
	default:
		return nil, nil, nil, nil, false, pgErr("22023", "cannot set path in scalar")
	}
	if path, nulls, err = textArray(a[1]); err != nil {
		return nil, nil, nil, nil, false, err
	}
	nv, err = jsonParse(a[2])
	return x, path, nulls, nv, false, err
}

func fnJSONBSet(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	x, path, nulls, nv, null, err := jsonSetArgs("jsonb_set", a)
	if null || err != nil {
		return nil, err
	}
	create := len(a) < 4 || truthy(a[3])
	if !create && jsonEmptyContainer(x) {
		return jsonbText(x), nil // jsonb_set returns an empty target as it is
	}
	out, err := jsonAtPath(x, path, nulls, func(old any, exists bool) (any, bool) {
		if !exists && !create {
			return old, false
		}
		return nv, true
	})
	if err != nil {
		return nil, err
	}
	return jsonbText(out), nil
}

// jsonEmptyContainer reports whether x is {} or [].
func jsonEmptyContainer(x any) bool {
	switch c := x.(type) {
	case map[string]any:
		return len(c) == 0
	case []any:
		return len(c) == 0
	}
	return false
}

// nullTreatmentsMsg is jsonb_set_lax's error for an unknown null_value_treatment.
const nullTreatmentsMsg = `null_value_treatment must be "delete_key", "return_target", "use_json_null", or "raise_exception"`

// fnJSONBSetLax is jsonb_set_lax(target, path, new[, create_if_missing
// [, null_value_treatment]]) as PostgreSQL's: NULL for a NULL target,
// path or flag; jsonb_set for a non-NULL new value; for a NULL one the
// treatment decides (default use_json_null).
func fnJSONBSetLax(ctx *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if len(a) < 3 || len(a) > 5 {
		return nil, pgErr("42883", "function jsonb_set_lax takes 3 to 5 arguments")
	}
	create, treatment := driver.Value(int64(1)), driver.Value("use_json_null")
	if len(a) > 3 {
		create = a[3]
	}
	if len(a) > 4 {
		treatment = a[4]
	}
	if a[0] == nil || a[1] == nil || create == nil {
		return nil, nil
	}
	if treatment == nil {
		return nil, pgErr("22023", "%s", nullTreatmentsMsg)
	}
	if a[2] != nil {
		return fnJSONBSet(ctx, []driver.Value{a[0], a[1], a[2], create})
	}
	switch str(treatment) {
	case "raise_exception":
		return nil, errors.New(SQLStateText("22004", "JSON value must not be null",
			`Exception was raised because null_value_treatment is "raise_exception".`,
			"To avoid, either change the null_value_treatment argument or ensure that an SQL NULL is not passed."))
	case "use_json_null":
		return fnJSONBSet(ctx, []driver.Value{a[0], a[1], "null", create})
	case "delete_key":
		return fnJSONBDeletePath(ctx, a[:2])
	case "return_target":
		x, err := jsonParse(a[0])
		if err != nil {
			return nil, err
		}
		return jsonbText(x), nil
	}
	return nil, pgErr("22023", "%s", nullTreatmentsMsg)
}

// fnJSONBInsert is jsonb_insert(target, path, new[, insert_after]): new
// inserted into the array at path's last step before (after) its element
// (an index before the first prepends, one past the last appends), or as
// the object's new key, 22023 where the key exists; a missing step on the
// way leaves target unchanged.
func fnJSONBInsert(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	x, path, nulls, nv, null, err := jsonSetArgs("jsonb_insert", a)
	if null || err != nil {
		return nil, err
	}
	if len(path) == 0 {
		return jsonbText(x), nil
	}
	after := len(a) == 4 && truthy(a[3])
	last := path[len(path)-1]
	insert := func(parent any) (any, error) {
		if err := jsonPathNull(nulls, len(path)-1); err != nil {
			return nil, err
		}
		switch c := parent.(type) {
		case map[string]any:
			if _, ok := c[last]; ok {
				return nil, errors.New(SQLStateText("22023", "cannot replace existing key", "", "Try using the function jsonb_set to replace key value."))
			}
			out := make(map[string]any, len(c)+1)
			for k, v := range c {
				out[k] = v
			}
			out[last] = nv
			return out, nil
		case []any:
			n, err := jsonPathIndex(path, len(path)-1)
			if err != nil {
				return nil, err
			}
			i := n
			if i < 0 {
				i += int64(len(c))
			}
			switch {
			case i < 0:
				i = 0
			case i >= int64(len(c)):
				i = int64(len(c))
			case after:
				i++
			}
			out := make([]any, 0, len(c)+1)
			out = append(append(append(out, c[:i]...), nv), c[i:]...)
			return out, nil
		}
		return parent, nil // a scalar on the way: unchanged
	}
	if len(path) == 1 {
		out, err := insert(x)
		if err != nil {
			return nil, err
		}
		return jsonbText(out), nil
	}
	var ierr error
	out, err := jsonAtPath(x, path[:len(path)-1], nulls, func(old any, exists bool) (any, bool) {
		if !exists {
			return nil, false // a missing step: nothing to insert into
		}
		nv, err := insert(old)
		if err != nil {
			ierr = err
			return old, true
		}
		return nv, true
	})
	if err == nil {
		err = ierr
	}
	if err != nil {
		return nil, err
	}
	return jsonbText(out), nil
}

func jsonTypeName(x any) string {
	switch x.(type) {
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case json.Number:
		return "number"
	case bool:
		return "boolean"
	}
	return "null"
}

func fnJSONBTypeof(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	x, null, err := jsonArgs(a, 1)
	if null || err != nil {
		return nil, err
	}
	return jsonTypeName(x), nil
}

func fnJSONBArrayLength(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	x, null, err := jsonArgs(a, 1)
	if null || err != nil {
		return nil, err
	}
	switch c := x.(type) {
	case []any:
		return int64(len(c)), nil
	case map[string]any:
		return nil, pgErr("22023", "cannot get array length of a non-array")
	}
	return nil, pgErr("22023", "cannot get array length of a scalar")
}

// writePretty is jsonb_pretty's layout: four spaces per level, one
// element per line.
func writePretty(b *bytes.Buffer, x any, indent string) {
	switch c := x.(type) {
	case []any:
		b.WriteString("[")
		for i, e := range c {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n" + indent + "    ")
			writePretty(b, e, indent+"    ")
		}
		b.WriteString("\n" + indent + "]")
	case map[string]any:
		keys := jsonbKeys(c)
		b.WriteString("{")
		for i, k := range keys {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n" + indent + "    ")
			writeJSONString(b, k)
			b.WriteString(": ")
			writePretty(b, c[k], indent+"    ")
		}
		b.WriteString("\n" + indent + "}")
	default:
		writeJSONB(b, x)
	}
}

func fnJSONBPretty(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	x, null, err := jsonArgs(a, 1)
	if null || err != nil {
		return nil, err
	}
	var b bytes.Buffer
	writePretty(&b, x, "")
	return b.String(), nil
}

// sqlToJSON is to_jsonb of a SQL value: numbers as numbers, text as a
// string, a marked JSON text as its value, a blob as its \x text.
func sqlToJSON(v driver.Value) (any, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case int64:
		return json.Number(strconv.FormatInt(x, 10)), nil
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return pgwire.FormatFloat(x, 64), nil
		}
		return json.Number(strconv.FormatFloat(x, 'g', -1, 64)), nil
	case bool:
		return x, nil
	case []byte:
		if j, ok := jsonMarked(x); ok {
			// jsonb never holds what the check refuses: a json value's
			if err := jsonEscapesError(j); err != nil { // json_syntax.go
				return nil, err
			}
			return jsonParse(j)
		}
		return `\x` + hex.EncodeToString(x), nil
	case string:
		return x, nil
	}
	return str(v), nil
}

func fnToJSONB(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	x, err := sqlToJSON(a[0])
	if err != nil {
		return nil, err
	}
	return jsonbText(x), nil
}

func fnJSONMark(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	switch x := a[0].(type) {
	case nil, int64, float64:
		return a[0], nil // a number is JSON as it is
	case []byte:
		if strings.HasPrefix(string(x), jsonMark) || strings.HasPrefix(string(x), jsonArrayMark) {
			return x, nil
		}
	}
	return []byte(jsonMark + str(a[0])), nil
}

// jsonMarked returns the JSON text of a pg_json_mark blob (or of a
// pg_json_row one or an array's pg_json_typed one: json_text.go).
func jsonMarked(v driver.Value) (string, bool) {
	if j, ok := jsonRowText(v); ok {
		return j, true
	}
	b, ok := v.([]byte)
	if ok && strings.HasPrefix(string(b), jsonArrayMark) {
		return string(b[len(jsonArrayMark):]), true // json_text.go
	}
	if !ok || !strings.HasPrefix(string(b), jsonMark) {
		return "", false
	}
	return string(b[len(jsonMark):]), true
}

func fnJSONBBuildObject(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if len(a)%2 != 0 {
		return nil, errors.New(SQLStateText("22023", "argument list must have even number of elements", "",
			"The arguments of jsonb_build_object() must consist of alternating keys and values."))
	}
	out := make(map[string]any, len(a)/2)
	for i := 0; i < len(a); i += 2 {
		if a[i] == nil {
			return nil, pgErr("22023", "argument %d: key must not be null", i+1)
		}
		if err := jsonScalarKey(a[i]); err != nil { // json_text.go
			return nil, err
		}
		k := jsonKey(a[i]) // json_typed.go
		if f, ok := a[i].(float64); ok {
			k = pgwire.FormatFloat(f, 64)
		}
		v, err := sqlToJSON(a[i+1])
		if err != nil {
			return nil, err
		}
		out[k] = v
	}
	return jsonbText(out), nil
}

func fnJSONBBuildArray(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	out := make([]any, 0, len(a))
	for _, v := range a {
		x, err := sqlToJSON(v)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return jsonbText(out), nil
}

// fnJSONBElements is pg_jsonb_elements(j, mode): a JSON array of the
// elements of the array j, each as the text the spelling of mode
// (json_srf_modes.go) returns, for SQLite's json_each to list:
// json_each(pg_jsonb_elements(j, 0)).value is the element.
func fnJSONBElements(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	mode := srfMode(a[1]) // json_srf_modes.go
	return jsonSetReturning(a, "[]", func(x any) (any, error) {
		arr, ok := x.([]any)
		if !ok {
			return nil, srfElementsError(mode, x)
		}
		out := make([]any, len(arr))
		if srfIsJSON(mode) {
			if mode == srfJSONText { // json_array_elements decodes no escapes
				if err := jsonEscapesError(a[0]); err != nil { // json_syntax.go
					return nil, err
				}
			}
			_, raw := jsonRawMembers(a[0])
			for i := range out {
				out[i] = jsonRawValue(raw[i], mode)
			}
			return out, nil
		}
		for i, e := range arr {
			out[i] = jsonResult(e, srfAsText(mode))
		}
		return out, nil
	})
}

// fnJSONBKeys is pg_jsonb_keys(j): the keys of the object j in jsonb's
// order, as a JSON array for json_each (jsonb_object_keys).
func fnJSONBKeys(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	return jsonSetReturning(a, "[]", func(x any) (any, error) {
		obj, ok := x.(map[string]any)
		if !ok {
			if _, isArr := x.([]any); isArr {
				return nil, pgErr("22023", "cannot call jsonb_object_keys on an array")
			}
			return nil, pgErr("22023", "cannot call jsonb_object_keys on a scalar")
		}
		return jsonbKeys(obj), nil
	})
}

// fnJSONBEach is pg_jsonb_each(j, mode): an object of j's keys with each
// value as the spelling of mode returns it (json_srf_modes.go), for
// json_each(pg_jsonb_each(j, 0)): its key and value columns. jsonb's keys
// come in jsonb's order, json's as written, repeated ones included.
func fnJSONBEach(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	mode := srfMode(a[1])
	return jsonSetReturning(a, "{}", func(x any) (any, error) {
		obj, ok := x.(map[string]any)
		if !ok {
			return nil, srfEachError(mode, x)
		}
		var keys []string
		var vals []driver.Value
		if srfIsJSON(mode) {
			if err := jsonEscapesError(a[0]); err != nil { // json_syntax.go
				return nil, err
			}
			ks, raw := jsonRawMembers(a[0])
			keys = ks
			for _, r := range raw {
				vals = append(vals, jsonRawValue(r, mode))
			}
		} else {
			keys = jsonbKeys(obj)
			for _, k := range keys {
				vals = append(vals, jsonResult(obj[k], srfAsText(mode)))
			}
		}
		// written out (json.Marshal of a map would sort the keys and
		// drop repeated ones)
		var b bytes.Buffer
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			kb, _ := json.Marshal(k)
			vb, _ := json.Marshal(vals[i])
			b.Write(kb)
			b.WriteByte(':')
			b.Write(vb)
		}
		b.WriteByte('}')
		return json.RawMessage(b.Bytes()), nil
	})
}

// jsonSetReturning is the input of json_each for a set-returning jsonb
// function: empty for a NULL argument, else rows(j) (an array or object
// of SQL values: text, or nil for NULL) as JSON.
func jsonSetReturning(a []driver.Value, empty string, rows func(any) (any, error)) (driver.Value, error) {
	if a[0] == nil {
		return empty, nil
	}
	x, err := jsonParse(a[0])
	if err != nil {
		return nil, err
	}
	r, err := rows(x)
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(r)
	if err != nil {
		return nil, pgErr("22023", "%v", err)
	}
	return string(b), nil
}

// jsonbAgg is jsonb_agg(x) and jsonb_object_agg(k, v). The rows' values
// are kept in order, so that a window frame that moves drops its oldest
// row (WindowInverse); the object is built from the pairs when asked for
// (a later duplicate key wins, as PostgreSQL's).
type jsonbAgg struct {
	object bool
	elems  []any
	keys   []string // jsonb_object_agg: elems[i]'s key
}

func (g *jsonbAgg) Step(_ *sqlite.FunctionContext, a []driver.Value) error {
	if g.object {
		if a[0] == nil {
			return pgErr("22023", "field name must not be null") // PostgreSQL 15: ERRCODE_INVALID_PARAMETER_VALUE
		}
		v, err := sqlToJSON(a[1])
		if err != nil {
			return err
		}
		g.keys = append(g.keys, jsonKey(a[0])) // json_typed.go
		g.elems = append(g.elems, v)
		return nil
	}
	v, err := sqlToJSON(a[0])
	if err != nil {
		return err
	}
	g.elems = append(g.elems, v)
	return nil
}

func (g *jsonbAgg) WindowInverse(*sqlite.FunctionContext, []driver.Value) error {
	g.elems = g.elems[1:]
	if g.object {
		g.keys = g.keys[1:]
	}
	return nil
}

func (g *jsonbAgg) WindowValue(*sqlite.FunctionContext) (driver.Value, error) {
	if len(g.elems) == 0 {
		return nil, nil
	}
	if g.object {
		obj := make(map[string]any, len(g.keys))
		for i, k := range g.keys {
			obj[k] = g.elems[i]
		}
		return jsonbText(obj), nil
	}
	return jsonbText(g.elems), nil
}

func (g *jsonbAgg) Final(*sqlite.FunctionContext) {}

// jsonbKeys are an object's keys in jsonb order (shorter first, then
// bytewise).
func jsonbKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortJSONBKeys(keys)
	return keys
}
