package pgdialect

// array.go: PostgreSQL's one-dimensional arrays (docs/sql-dialect.md
// "Arrays").
//
// Storage: an array value is stored as PostgreSQL's own text output of it
// ('{1,2,3}', '{a,"b c",NULL}'; package pgwire/pgarray), each element in
// its type's canonical form. An array column's input function
// pg_in__<elem>(value, typmod) (the array type's pgoid name, e.g.
// pg_in__int4) reads PostgreSQL's array input syntax, converts every
// element with the element type's input function (22P02 for a bad
// element, 22P02 "malformed array literal" for bad syntax, 0A000 for more
// than one dimension) and writes the canonical text, so equal arrays are
// equal strings: = and <> and UNIQUE are PostgreSQL's. ORDER BY and < >
// compare element by element through the column's collation
// (array_order.go).
//
// Everything here is a pure function of its arguments (registered
// deterministic, so allowed in writes): the constructor pg_array
// (ARRAY[...]), pg_array_json (the elements as a JSON array, for
// json_each: = ANY, unnest), the functions and operators, and the
// aggregate pg_array_agg.

import (
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/raftsql/raftsql/pgwire"
	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/pgwire/pgarray"
	"modernc.org/sqlite"
)

// arrayElemTypes are the element types whose arrays are supported.
var arrayElemTypes = []uint32{pgoid.Bool, pgoid.Int2, pgoid.Int4, pgoid.Int8, pgoid.Float4, pgoid.Float8,
	pgoid.Numeric, pgoid.Text, pgoid.Varchar, pgoid.Bpchar, pgoid.UUID, pgoid.Date, pgoid.Timestamp, pgoid.Timestamptz}

// arrayIn is the family of array input functions for inFamilies
// (enforce.go): pg_in__int4 ... one per supported element type.
var arrayIn = func() map[string]fn {
	m := map[string]fn{}
	for _, e := range arrayElemTypes {
		m["pg_in__"+pgoid.TypeName(e)] = inArray(e)
	}
	return m
}()

func init() {
	inFamilies = append(inFamilies, arrayIn)
}

// addArrayTypes adds the array types of arrayElemTypes to the type table
// (called from types.go's init, after the element types): _int4 is
// "integer[]", category A.
func addArrayTypes() {
	for _, e := range arrayElemTypes {
		et := typesByOID[e]
		a := pgoid.ArrayOf(e)
		if et == nil || a == 0 {
			continue
		}
		t := &pgType{a, pgoid.TypeName(a), et.format + "[]", "fn:array", "A", -1}
		typesByOID[a] = t
		typeAlias[t.name] = t
	}
}

// arrayTypeOf is the array type whose elements are of type name (a
// typeAlias key: "int", "text", "varchar"), or nil when such arrays are
// not supported.
func arrayTypeOf(name string) *pgType {
	et := typeAlias[name]
	if et == nil {
		return nil
	}
	return typesByOID[pgoid.ArrayOf(et.oid)]
}

// arrayErr maps pgarray's errors to PostgreSQL's.
func arrayErr(err error) error {
	if se, ok := err.(*pgarray.SyntaxError); ok {
		if se.Detail != "" {
			return pgErrDetail("22P02", se.Detail, "malformed array literal: \"%s\"", se.Input)
		}
		return pgErr("22P02", "malformed array literal: \"%s\"", se.Input)
	}
	if err == pgarray.ErrMultiDim {
		return pgErr("0A000", "multidimensional arrays are not supported")
	}
	return err
}

// parseArrayValue reads an array argument: nil for NULL.
func parseArrayValue(v driver.Value) ([]pgarray.Elem, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case string:
		e, err := pgarray.Parse(x)
		return e, arrayErr(err)
	case []byte:
		e, err := pgarray.Parse(string(x))
		return e, arrayErr(err)
	}
	return nil, pgErr("22P02", "malformed array literal: \"%s\"", str(v))
}

// relativeWords are the date/time inputs that read the clock: refused in
// array elements, whose input functions are process-wide and so cannot
// read the entry's pinned clock.
var relativeWords = []string{"now", "today", "tomorrow", "yesterday"}

// inArray is the input function of arrays of elem.
func inArray(elem uint32) fn {
	typ := pgoid.TypeName(elem)
	name := "pg_in_" + typ
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if a[0] == nil {
			return nil, nil
		}
		elems, err := parseArrayValue(a[0])
		if err != nil {
			return nil, err
		}
		typmod := int64(-1)
		if len(a) > 1 {
			if n, ok := a[1].(int64); ok {
				typmod = n
			}
		}
		in := inFunc(name)
		for k, e := range elems {
			if e.Null {
				continue
			}
			var v driver.Value
			if dateTimeIn[name] != nil {
				l := strings.ToLower(e.Val)
				for _, w := range relativeWords {
					if strings.Contains(l, w) {
						return nil, pgErr("0A000", "%q in an array element is not supported", e.Val)
					}
				}
				v, err = InDateTimeIn(typ, e.Val, typmod, env.Now(), nil)
			} else {
				v, err = in(nil, []driver.Value{e.Val, typmod})
			}
			if err != nil {
				return nil, err
			}
			elems[k].Val = elemText(elem, v)
		}
		return pgarray.Format(elems), nil
	}
}

// elemText is the text of an element value v of type elem as an input
// function returned it (booleans are the integers 1 and 0).
func elemText(elem uint32, v driver.Value) string {
	if elem == pgoid.Bool {
		if truthy(v) {
			return "t"
		}
		return "f"
	}
	return valueText(v)
}

// valueText is an SQLite value as an array element's text.
func valueText(v driver.Value) string {
	switch x := v.(type) {
	case float64:
		return pgwire.FormatFloat(x, 64)
	case []byte:
		return `\x` + hex.EncodeToString(x)
	case bool:
		if x {
			return "t"
		}
		return "f"
	}
	return str(v)
}

func valueElem(v driver.Value) pgarray.Elem {
	if v == nil {
		return pgarray.Elem{Null: true}
	}
	return pgarray.Elem{Val: valueText(v)}
}

// elemEqual compares two element texts: equal strings, or equal numbers.
func elemEqual(a, b string) bool {
	if a == b {
		return true
	}
	fa, err1 := strconv.ParseFloat(a, 64)
	fb, err2 := strconv.ParseFloat(b, 64)
	return err1 == nil && err2 == nil && fa == fb
}

// fnArray is pg_array(v1, v2, ...): ARRAY[v1, v2, ...].
func fnArray(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	elems := make([]pgarray.Elem, len(a))
	for k, v := range a {
		elems[k] = valueElem(v)
	}
	return pgarray.Format(elems), nil
}

// jsonKind is how pg_array_json writes elements: by the element type of
// the array's declared type decl when known, else by their look.
func jsonKind(decl driver.Value) string {
	if decl == nil {
		return ""
	}
	o, _ := DeclTypeOID(str(decl))
	switch pgoid.ElemOf(o) {
	case pgoid.Bool:
		return "bool"
	case pgoid.Int2, pgoid.Int4, pgoid.Int8, pgoid.Float4, pgoid.Float8, pgoid.Numeric:
		return "number"
	case 0:
		return ""
	}
	return "text"
}

// looksNumeric reports whether an element's text is a plain number
// (-12, 3.5).
func looksNumeric(s string) bool {
	s = strings.TrimPrefix(s, "-")
	digits, dot := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot && i > 0:
			dot = true
		default:
			return false
		}
	}
	return digits > 0 && s[len(s)-1] != '.'
}

// fnArrayJSON is pg_array_json(arr[, decl[, 'exact']]): the elements as a JSON array
// (for SQLite's json_each: = ANY, unnest). Numbers are JSON numbers (by
// the declared element type, or by their look when decl is unknown),
// booleans of a boolean array JSON true/false, everything else strings.
func fnArrayJSON(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if err := argCount("pg_array_json", a, 1, 3); err != nil {
		return nil, err
	}
	elems, err := parseArrayValue(a[0])
	if err != nil || a[0] == nil {
		return nil, err
	}
	kind := ""
	if len(a) > 1 {
		kind = jsonKind(a[1])
	}
	// 'exact' (unnestExact): numbers as JSON strings of their text, which
	// json_each gives as it is (1.50 keeps its scale)
	exact := len(a) > 2 && str(a[2]) == "exact"
	var b strings.Builder
	b.WriteByte('[')
	for k, e := range elems {
		if k > 0 {
			b.WriteByte(',')
		}
		switch {
		case e.Null:
			b.WriteString("null")
		case kind == "bool":
			if e.Val == "t" {
				b.WriteString("true")
			} else {
				b.WriteString("false")
			}
		case !exact && (kind == "number" || kind == "" && looksNumeric(e.Val)) && json.Valid([]byte(e.Val)):
			b.WriteString(e.Val)
		default:
			q, _ := json.Marshal(e.Val)
			b.Write(q)
		}
	}
	b.WriteByte(']')
	return b.String(), nil
}

// arrayArgs parses the array arguments at positions idx; ok=false when one
// is NULL.
func arrayArgs(a []driver.Value, idx ...int) (out [][]pgarray.Elem, ok bool, err error) {
	for _, i := range idx {
		if a[i] == nil {
			return nil, false, nil
		}
		e, err := parseArrayValue(a[i])
		if err != nil {
			return nil, false, err
		}
		out = append(out, e)
	}
	return out, true, nil
}

// arrayDim is array_length (len) and array_lower (lower bound 1) of
// dimension 1: NULL for another dimension or an empty array.
func arrayDim(of func(n int) int64) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if a[0] == nil || a[1] == nil {
			return nil, nil
		}
		el, err := catalogArray(a[0])
		if err != nil {
			return nil, err
		}
		if d, _ := toInt(a[1]); d != 1 || len(el) == 0 {
			return nil, nil
		}
		return of(len(el)), nil
	}
}

// fnSubscriptsJSON is pg_subscripts_json(array, dim[, reverse]), the rows
// of generate_subscripts as a JSON array for json_each: 1..n (n..1 when
// reverse) for dimension 1 of a non-empty array (arrays here have one
// dimension, lower bound 1), none otherwise or for a NULL argument.
func fnSubscriptsJSON(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if err := argCount("generate_subscripts", a, 2, 3); err != nil {
		return nil, err
	}
	if a[0] == nil || a[1] == nil || len(a) == 3 && a[2] == nil {
		return "[]", nil
	}
	el, err := catalogArray(a[0])
	if err != nil {
		return nil, err
	}
	d, ok := toInt(a[1])
	if !ok {
		return nil, pgErr("22P02", "invalid input syntax for type integer: %q", str(a[1]))
	}
	if d != 1 {
		return "[]", nil
	}
	rev := len(a) == 3 && truthy(a[2])
	subs := make([]string, len(el))
	for k := range el {
		n := k + 1
		if rev {
			n = len(el) - k
		}
		subs[k] = strconv.Itoa(n)
	}
	return "[" + strings.Join(subs, ",") + "]", nil
}

// catalogArray reads an array argument; the catalog's own array columns
// may also be JSON arrays.
func catalogArray(v driver.Value) ([]pgarray.Elem, error) {
	if s := strings.TrimSpace(str(v)); strings.HasPrefix(s, "[") {
		var xs []any
		if json.Unmarshal([]byte(s), &xs) == nil {
			out := make([]pgarray.Elem, len(xs))
			for k, x := range xs {
				if x == nil {
					out[k] = pgarray.Elem{Null: true}
				} else {
					out[k] = pgarray.Elem{Val: fmt.Sprint(x)}
				}
			}
			return out, nil
		}
	}
	return parseArrayValue(v)
}

func fnCardinality(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	el, err := parseArrayValue(a[0])
	if err != nil {
		return nil, err
	}
	return int64(len(el)), nil
}

func fnArrayAppend(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return pgarray.Format([]pgarray.Elem{valueElem(a[1])}), nil
	}
	el, err := parseArrayValue(a[0])
	if err != nil {
		return nil, err
	}
	return pgarray.Format(append(el, valueElem(a[1]))), nil
}

func fnArrayPrepend(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[1] == nil {
		return pgarray.Format([]pgarray.Elem{valueElem(a[0])}), nil
	}
	el, err := parseArrayValue(a[1])
	if err != nil {
		return nil, err
	}
	return pgarray.Format(append([]pgarray.Elem{valueElem(a[0])}, el...)), nil
}

func fnArrayCat(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	switch {
	case a[0] == nil && a[1] == nil:
		return nil, nil
	case a[0] == nil:
		return canonicalArray(a[1])
	case a[1] == nil:
		return canonicalArray(a[0])
	}
	x, _, err := arrayArgs(a, 0, 1)
	if err != nil {
		return nil, err
	}
	return pgarray.Format(append(x[0], x[1]...)), nil
}

func canonicalArray(v driver.Value) (driver.Value, error) {
	el, err := parseArrayValue(v)
	if err != nil {
		return nil, err
	}
	return pgarray.Format(el), nil
}

// fnArrayConcat is the || operator with an array operand: array || array,
// array || element, element || array.
// arrayText reports whether the value v reads as an array.
func arrayText(v driver.Value) bool {
	s, ok := v.(string)
	if !ok || !strings.HasPrefix(strings.TrimSpace(s), "{") {
		return false
	}
	_, err := pgarray.Parse(s)
	return err == nil
}

func fnArrayConcat(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	isArr := arrayText
	switch {
	case isArr(a[0]) && isArr(a[1]):
		return fnArrayCat(nil, a)
	case isArr(a[0]):
		return fnArrayAppend(nil, a)
	case isArr(a[1]):
		return fnArrayPrepend(nil, a)
	case a[0] == nil && a[1] == nil:
		return nil, nil
	case a[0] == nil:
		return fnArrayPrepend(nil, []driver.Value{a[1], nil})
	case a[1] == nil:
		return fnArrayAppend(nil, []driver.Value{nil, a[0]})
	}
	return nil, pgErr("22P02", "malformed array literal: \"%s\"", str(a[0]))
}

func fnArrayRemove(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	el, err := parseArrayValue(a[0])
	if err != nil {
		return nil, err
	}
	out := el[:0]
	for _, e := range el {
		if a[1] == nil && e.Null || a[1] != nil && !e.Null && elemEqual(e.Val, valueText(a[1])) {
			continue
		}
		out = append(out, e)
	}
	return pgarray.Format(out), nil
}

func fnArrayPosition(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	el, err := parseArrayValue(a[0])
	if err != nil {
		return nil, err
	}
	start := int64(1)
	if len(a) > 2 {
		if a[2] == nil {
			return nil, pgErr("22004", "initial position must not be null")
		}
		start, _ = toInt(a[2])
	}
	for k := max(start, 1) - 1; k < int64(len(el)); k++ {
		e := el[k]
		if a[1] == nil && e.Null || a[1] != nil && !e.Null && elemEqual(e.Val, valueText(a[1])) {
			return k + 1, nil
		}
	}
	return nil, nil
}

// fnArrayPositions is array_positions(arr, x): the subscripts of the
// elements equal to x (of the NULLs for a NULL x), as int4[].
func fnArrayPositions(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	el, err := parseArrayValue(a[0])
	if err != nil {
		return nil, err
	}
	out := []pgarray.Elem{}
	for k, e := range el {
		if a[1] == nil && e.Null || a[1] != nil && !e.Null && elemEqual(e.Val, valueText(a[1])) {
			out = append(out, pgarray.Elem{Val: strconv.Itoa(k + 1)})
		}
	}
	return pgarray.Format(out), nil
}

// fnArrayReplace is array_replace(arr, from, to): each element equal to
// from (each NULL for a NULL from) replaced by to.
func fnArrayReplace(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	el, err := parseArrayValue(a[0])
	if err != nil {
		return nil, err
	}
	for k, e := range el {
		if a[1] == nil && e.Null || a[1] != nil && !e.Null && elemEqual(e.Val, valueText(a[1])) {
			el[k] = valueElem(a[2])
		}
	}
	return pgarray.Format(el), nil
}

// fnArrayNdims is array_ndims(arr): 1, NULL for an empty array (arrays
// here have one dimension).
func fnArrayNdims(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	el, err := parseArrayValue(a[0])
	if err != nil || len(el) == 0 {
		return nil, err
	}
	return int64(1), nil
}

// fnArrayDims is array_dims(arr): "[1:n]", NULL for an empty array
// (arrays here have one dimension, lower bound 1).
func fnArrayDims(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	el, err := parseArrayValue(a[0])
	if err != nil || len(el) == 0 {
		return nil, err
	}
	return "[1:" + strconv.Itoa(len(el)) + "]", nil
}

// fnUnnestElem is pg_unnest_elem(value, array): value, an element of
// unnest(array) after other FROM items; the array is there for the
// result's description (calltypes.go), read at no row.
func fnUnnestElem(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	return a[0], nil
}

// fnArrayGet is a[i] (subscripts from 1; NULL out of range).
func fnArrayGet(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	el, err := parseArrayValue(a[0])
	if err != nil {
		return nil, err
	}
	i, ok := toInt(a[1])
	if !ok || i < 1 || i > int64(len(el)) || el[i-1].Null {
		return nil, nil
	}
	kind := ""
	if len(a) > 2 {
		kind = jsonKind(a[2])
	}
	return elemValue(el[i-1].Val, kind), nil
}

// elemValue is an element as an SQLite value: numbers as numbers (by the
// kind of jsonKind, or by their look), booleans of a boolean array 1/0.
func elemValue(v, kind string) driver.Value {
	switch {
	case kind == "bool":
		return boolInt(v == "t")
	case kind == "number" || kind == "" && looksNumeric(v):
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return n
		}
		if f, err := strconv.ParseFloat(v, 64); err == nil && kind == "" {
			return f
		}
	}
	return v
}

// fnArraySlice is a[lo:hi] (either bound NULL: open).
func fnArraySlice(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	el, err := parseArrayValue(a[0])
	if err != nil {
		return nil, err
	}
	lo, hi := int64(1), int64(len(el))
	if a[1] != nil {
		lo, _ = toInt(a[1])
	}
	if a[2] != nil {
		hi, _ = toInt(a[2])
	}
	lo = max(lo, 1)
	hi = min(hi, int64(len(el)))
	if lo > hi {
		return "{}", nil
	}
	return pgarray.Format(el[lo-1 : hi]), nil
}

// isArrayText reports whether v is an array's text and not JSON ('{1,2}';
// '{}' is both, and contains and is contained alike either way).
func isArrayText(v driver.Value) bool {
	s, ok := v.(string)
	if !ok || !strings.HasPrefix(strings.TrimSpace(s), "{") || json.Valid([]byte(s)) {
		return false
	}
	_, err := pgarray.Parse(s)
	return err == nil
}

// fnArrayContains is a @> b: every non-NULL element of b is in a (an
// element NULL in b is never contained, as in PostgreSQL).
func fnArrayContains(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	x, ok, err := arrayArgs(a, 0, 1)
	if err != nil || !ok {
		return nil, err
	}
	return boolInt(containsAll(x[0], x[1])), nil
}

func containsAll(a, b []pgarray.Elem) bool {
	for _, e := range b {
		if e.Null || !hasElem(a, e.Val) {
			return false
		}
	}
	return true
}

func hasElem(a []pgarray.Elem, v string) bool {
	for _, e := range a {
		if !e.Null && elemEqual(e.Val, v) {
			return true
		}
	}
	return false
}

// fnArrayOverlap is a && b.
func fnArrayOverlap(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	x, ok, err := arrayArgs(a, 0, 1)
	if err != nil || !ok {
		return nil, err
	}
	for _, e := range x[1] {
		if !e.Null && hasElem(x[0], e.Val) {
			return int64(1), nil
		}
	}
	return int64(0), nil
}

func fnArrayToString(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	el, err := catalogArray(a[0])
	if err != nil {
		return nil, err
	}
	var keep []string
	for _, e := range el {
		switch {
		case !e.Null:
			keep = append(keep, e.Val)
		case len(a) > 2 && a[2] != nil:
			keep = append(keep, str(a[2]))
		}
	}
	return strings.Join(keep, str(a[1])), nil
}

// fnStringToArray is string_to_array(s, delim[, null_string]).
func fnStringToArray(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if err := argCount("string_to_array", a, 2, 3); err != nil {
		return nil, err
	}
	if a[0] == nil {
		return nil, nil
	}
	s := str(a[0])
	if s == "" {
		return "{}", nil
	}
	var parts []string
	switch {
	case a[1] == nil:
		for _, r := range s {
			parts = append(parts, string(r))
		}
	case str(a[1]) == "":
		parts = []string{s}
	default:
		parts = strings.Split(s, str(a[1]))
	}
	el := make([]pgarray.Elem, len(parts))
	for k, p := range parts {
		el[k] = pgarray.Elem{Val: p}
		if len(a) > 2 && a[2] != nil && p == str(a[2]) {
			el[k] = pgarray.Elem{Null: true}
		}
	}
	return pgarray.Format(el), nil
}

// arrayAgg is array_agg(x): NULL over no rows.
type arrayAgg struct{ elems []pgarray.Elem }

func (g *arrayAgg) Step(_ *sqlite.FunctionContext, a []driver.Value) error {
	g.elems = append(g.elems, valueElem(a[0]))
	return nil
}

func (g *arrayAgg) WindowInverse(*sqlite.FunctionContext, []driver.Value) error {
	g.elems = g.elems[1:]
	return nil
}

func (g *arrayAgg) WindowValue(*sqlite.FunctionContext) (driver.Value, error) {
	if g.elems == nil {
		return nil, nil
	}
	return pgarray.Format(g.elems), nil
}

func (g *arrayAgg) Final(*sqlite.FunctionContext) {}

// arrayFuncs are the registered array functions (name -> arity, -1 any).
var arrayFuncs = map[string]struct {
	n int32
	f fn
}{
	"pg_array":            {-1, fnArray},
	"pg_array_json":       {-1, fnArrayJSON},
	"pg_array_length":     {2, arrayDim(func(n int) int64 { return int64(n) })},
	"array_lower":         {2, arrayDim(func(int) int64 { return 1 })},
	"cardinality":         {1, fnCardinality},
	"array_append":        {2, fnArrayAppend},
	"array_prepend":       {2, fnArrayPrepend},
	"array_cat":           {2, fnArrayCat},
	"pg_array_concat":     {-1, fnArrayConcatAny},
	"pg_concat_refused":   {2, fnConcatRefused}, // concat_columns.go
	"array_remove":        {2, fnArrayRemove},
	"array_position":      {-1, fnArrayPosition},
	"array_positions":     {2, fnArrayPositions},
	"array_replace":       {3, fnArrayReplace},
	"array_ndims":         {1, fnArrayNdims},
	"array_dims":          {1, fnArrayDims},
	"pg_array_get":        {-1, fnArrayGet},
	"pg_array_set":        {3, fnArraySet},   // array_subscript_set.go
	"pg_unnest_elem":      {2, fnUnnestElem}, // array_translate.go
	"pg_array_slice":      {3, fnArraySlice},
	"pg_array_contains":   {2, fnArrayContains},
	"pg_array_overlap":    {2, fnArrayOverlap},
	"array_to_string":     {-1, fnArrayToString},
	"string_to_array":     {-1, fnStringToArray},
	"pg_subscripts_json":  {-1, fnSubscriptsJSON},
	"pg_srf_zip":          {-1, fnSRFZip},         // srfzip.go
	"pg_json_record_rows": {-1, fnJSONRecordRows}, // srfrecord.go
}

func registerArrayFuncs() error {
	if err := registerArrayCollations(); err != nil { // array_order.go
		return err
	}
	for name, d := range arrayFuncs {
		reg := name
		if err := sqlite.RegisterDeterministicScalarFunction(reg, d.n, d.f); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", reg, err)
		}
		deterministic[reg] = true
	}
	impl := &sqlite.FunctionImpl{NArgs: 1, Deterministic: true,
		MakeAggregate: func(sqlite.FunctionContext) (sqlite.AggregateFunction, error) { return &arrayAgg{}, nil }}
	if err := sqlite.RegisterFunction("pg_array_agg", impl); err != nil && !strings.Contains(err.Error(), "already registered") {
		return fmt.Errorf("pgdialect: register pg_array_agg: %w", err)
	}
	deterministic["pg_array_agg"] = true
	return nil
}

// arrayDeclElem reads a declared type written with PostgreSQL's array
// syntax ("text[]", "integer[3]", "int ARRAY") and returns its element
// type. (CREATE TABLE stores array columns as _elem, which DeclTypeOID
// reads from the type table.)
func arrayDeclElem(decl string) (string, bool) {
	d := strings.TrimSpace(decl)
	if strings.HasSuffix(d, "]") {
		if i := strings.IndexByte(d, '['); i > 0 {
			return strings.TrimSpace(d[:i]), true
		}
	}
	if u := strings.ToUpper(d); strings.HasSuffix(u, " ARRAY") {
		return strings.TrimSpace(d[:len(d)-len(" ARRAY")]), true
	}
	return "", false
}
