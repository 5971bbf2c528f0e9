package pgdialect

// jsonb_order.go: jsonb values compare and order as PostgreSQL's jsonb
// btree operator class does (compareJsonbContainers), not as their stored
// text: '1.50'::jsonb = '1.5'::jsonb, '{"a":1}' = '{"a":1.0}', and the
// order is Object > Array > Boolean > Number > String > Null, an object
// with more pairs after one with fewer, an array with more elements after
// one with fewer, else pair by pair (keys in jsonb's storage order: shorter
// first, then bytewise) or element by element; an empty top-level array
// sorts before everything, null included (PostgreSQL's historical quirk).
//
// Every jsonb column is declared COLLATE pg_jsonb (ddl.go's columnDef), and
// the jsonb casts and -> / #> results carry it, so =, <, ORDER BY,
// DISTINCT, GROUP BY, min/max and UNIQUE indexes follow it. Like
// pg_interval it is a pure function of the two texts, the same on every
// node. Columns created before it existed keep SQLite's text order.

import (
	"encoding/json"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// JSONDeclType and JSONBDeclType are the declared SQLite types of json and
// jsonb columns. The names carry "text" so SQLite gives the columns TEXT
// affinity: under the NUMERIC affinity of a plain "jsonb" SQLite stored
// the top-level number '1.50' as the float 1.5 and
// '100000000000000000000001' as 1e+23; DeclTypeOID maps them back.
// Columns created before keep their declared "json"/"jsonb".
const (
	JSONDeclType  = "json_text"
	JSONBDeclType = "jsonb_text"
)

// jsonDeclType is the declared type a column of type oid gets, "" unless
// json or jsonb.
func jsonDeclType(oid uint32) string {
	switch oid {
	case pgoid.JSON:
		return JSONDeclType
	case pgoid.JSONB:
		return JSONBDeclType
	}
	return ""
}

// JSONBCollation is the collation of jsonb columns and expressions.
const JSONBCollation = "pg_jsonb"

// compareJSONBText is the pg_jsonb collation. Texts that are no JSON
// (nothing a jsonb column stores) sort after every JSON value, among
// themselves as text, so the order stays total.
func compareJSONBText(a, b string) int {
	parse := func(s string) (any, error) { return jsonParse(s) }
	return compareParsed(a, b, parse, func(x, y any) int { return compareJSONB(x, y, true) })
}

// jsonbKind is the rank of a JSON value's type in jsonb's order
// (PostgreSQL's enum jbvType: null, string, numeric, bool, array, object).
func jsonbKind(v any) int {
	switch v.(type) {
	case nil:
		return 0
	case string:
		return 1
	case json.Number:
		return 2
	case bool:
		return 3
	case []any:
		return 4
	}
	return 5 // map[string]any
}

// compareJSONB compares two parsed JSON values (-1, 0, 1); top marks the
// top level, where a scalar is PostgreSQL's one-element "raw scalar"
// array.
func compareJSONB(a, b any, top bool) int {
	_, aObj := a.(map[string]any)
	_, bObj := b.(map[string]any)
	if top && !aObj && !bObj {
		aa, aArr := a.([]any)
		ba, bArr := b.([]any)
		if aArr != bArr {
			// a raw scalar against an array: the scalar first, unless
			// the element counts differ (the count decides: [] < null)
			na, nb := 1, 1
			if aArr {
				na = len(aa)
			}
			if bArr {
				nb = len(ba)
			}
			if na != nb {
				return cmpInt(na, nb)
			}
			if aArr {
				return 1
			}
			return -1
		}
	}
	ka, kb := jsonbKind(a), jsonbKind(b)
	if ka != kb {
		return cmpInt(ka, kb)
	}
	switch x := a.(type) {
	case nil:
		return 0
	case string:
		return strings.Compare(x, b.(string))
	case json.Number:
		y := b.(json.Number)
		dx, ok1 := parseDecimal(string(x))
		dy, ok2 := parseDecimal(string(y))
		if !ok1 || !ok2 {
			return strings.Compare(string(x), string(y))
		}
		return dx.cmp(&dy)
	case bool:
		y := b.(bool)
		switch {
		case x == y:
			return 0
		case y:
			return -1
		}
		return 1
	case []any:
		y := b.([]any)
		if len(x) != len(y) {
			return cmpInt(len(x), len(y))
		}
		for i := range x {
			if c := compareJSONB(x[i], y[i], false); c != 0 {
				return c
			}
		}
		return 0
	}
	x, y := a.(map[string]any), b.(map[string]any)
	if len(x) != len(y) {
		return cmpInt(len(x), len(y))
	}
	kx, ky := jsonbKeys(x), jsonbKeys(y) // jsonb.go: storage order
	for i := range kx {
		if c := strings.Compare(kx[i], ky[i]); c != 0 {
			return c
		}
		if c := compareJSONB(x[kx[i]], y[ky[i]], false); c != 0 {
			return c
		}
	}
	return 0
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
