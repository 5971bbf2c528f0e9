package pgdialect

import (
	"database/sql/driver"
	"fmt"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

// json[b]_to_record(j) and json[b]_to_recordset(j) in FROM with their
// column definition list, AS x(a int, b text). PostgreSQL's
// populate_record reads each named key of the object (of each object of
// the array) and converts its value to the column's type: for a json or
// jsonb column the value itself, for any other its text (a string
// unquoted, anything else as JSON text) through the type's input
// function, so '{"a": 1.5}' into an int column is 22P02 as
// '1.5'::int is. pg_json_record_rows lists the rows as a JSON array for
// json_each, each row an array holding per column its text and its JSON
// form; each column is the type's input (the cast a typed literal gets)
// of its text, or its JSON form for json/jsonb:
//
//	(SELECT pg_in_int4(json_extract(value, '$[0]')) AS "a", ... FROM
//	json_each(pg_json_record_rows(j, 'jsonb_to_recordset', 'a', ...))) AS "x"
//
// As a FROM item that reads no item before it; after other items, or
// without a column definition list, refused as PostgreSQL refuses (42601)
// or 0A000.

// recordFuncs are the functions recordFrom rewrites.
var recordFuncs = map[string]bool{"jsonb_to_record": true, "jsonb_to_recordset": true, "json_to_record": true, "json_to_recordset": true}

// recordItem is a recordFrom call read before the expression passes: its
// select items and keys (from the definition list, wiped) and alias.
type recordItem struct {
	fn, alias   string
	items, keys []string
}

// recordFrom reads the call at i, one of recordFuncs, a FROM item, before
// the expression passes (its definition list holds type names, not
// expressions): the list is wiped and the call kept for recordRewrite,
// after the passes translated its argument.
func (x *tx) recordFrom(i int) error {
	fn := x.T(i).identName()
	e := x.match(i + 1)
	j := e + 1
	if x.kw(j, "AS") {
		j++
	}
	t := x.T(j)
	if !(t.typ == tQIdent || t.typ == tIdent && !isClauseKw(t.upper()) && !reservedWord(t.upper()) && !isJoinKw(t.upper())) || !x.isP(j+1, "(") {
		return &Error{Code: "42601", Message: "a column definition list is required for functions returning \"record\"", Position: x.T(i).pos + 1}
	}
	p := i - 1
	if x.kw(p, "LATERAL") {
		p--
	}
	if !x.kw(p, "FROM") {
		return unsupported("%s() after other FROM items is not supported", fn)
	}
	r := recordItem{fn: fn, alias: t.identName()}
	ce := x.match(j + 1)
	if ce >= x.n() {
		return &Error{Code: "42601", Message: "syntax error at end of input"}
	}
	seen := map[string]bool{}
	for k, c := range x.splitTop(j+2, ce) {
		if c[1] <= c[0]+1 { // a name without a type, or none: no definition list
			return &Error{Code: "42601", Message: "a column definition list is required for functions returning \"record\"", Position: x.T(i).pos + 1}
		}
		name := x.T(c[0]).identName()
		if seen[name] {
			return &Error{Code: "42701", Message: fmt.Sprintf("column name \"%s\" specified more than once", name)}
		}
		seen[name] = true
		end, tn, mods, arr, ok := x.parseType(c[0] + 1)
		tt := typeAlias[tn]
		if ok && tt == nil && !arr && x.T(c[0]+1).typ == tIdent {
			return &Error{Code: "42704", Message: fmt.Sprintf("type \"%s\" does not exist", tn), Position: x.T(c[0]+1).pos + 1}
		}
		// a modifier the input reads (numeric(p,s), a precision) is
		// applied by checkedCast; a length (varchar(n): 22001 when
		// longer) is not, and is refused rather than ignored
		lengthMod := strings.TrimSpace(mods) != "" && tt.oid != pgoid.Numeric && dateTimePrecision(tt, mods) == "" && tt.oid != pgoid.Interval
		if !ok || end != c[1] || arr || tt == nil || lengthMod || strings.Contains(name, `"`) {
			return unsupported("column %s of a %s() column definition list is not supported", x.text(c[0], c[1]), fn)
		}
		r.keys = append(r.keys, quoteLit(name))
		v := fmt.Sprintf("json_extract(value, '$[%d]')", 2*k)
		switch tt.oid {
		case pgoid.JSON:
			v = fmt.Sprintf("json_extract(value, '$[%d]')", 2*k+1)
		case pgoid.JSONB:
			v = fmt.Sprintf("json_extract(value, '$[%d]')", 2*k+1)
			fallthrough
		default:
			if pre, suf, ok := checkedCast(tt, mods, true); ok {
				v = pre + v + suf
			} else {
				v = castExpr(tt, v)
			}
		}
		r.items = append(r.items, v+" AS "+quoteIdent(name))
	}
	x.wipe(e+1, ce+1)
	if x.records == nil {
		x.records = map[int]recordItem{}
	}
	x.records[i] = r
	return nil
}

// recordRewrite rewrites the call at i that recordFrom read, its argument
// translated.
func (x *tx) recordRewrite(i int) {
	r := x.records[i]
	e := x.match(i + 1)
	arg := x.text(i+2, e)
	x.wipe(i, e+1)
	x.T(i).set("(SELECT " + strings.Join(r.items, ", ") + " FROM json_each(pg_json_record_rows(" + arg + ", " + quoteLit(r.fn) + ", " +
		strings.Join(r.keys, ", ") + "))) AS " + quoteIdent(r.alias))
}

// recordRel is the derived relation of the call at k, one of recordFuncs
// (derivedcols.go): its definition list's names and types.
func (x *tx) recordRel(k int) (*derivedRel, int) {
	e := x.match(k+1) + 1
	if x.kw(e, "AS") {
		e++
	}
	if !x.isP(e+1, "(") {
		return nil, e
	}
	rel := &derivedRel{alias: x.T(e).identName()}
	ce := x.match(e + 1)
	for _, c := range x.splitTop(e+2, ce) {
		_, tn, _, _, _ := x.parseType(c[0] + 1)
		var o uint32
		if tt := typeAlias[tn]; tt != nil {
			o = tt.oid
		}
		rel.cols = append(rel.cols, x.T(c[0]).identName())
		rel.oids = append(rel.oids, o)
	}
	return rel, ce + 1
}

// fnJSONRecordRows is pg_json_record_rows(j, fn, key...): the rows of
// fn(j) (json[b]_to_record[set]) for the column definition list's keys,
// a JSON array of rows, each [text, json, text, json, ...] per key (both
// NULL for a missing key or a JSON null): text as populate_record reads a
// non-json column (a string unquoted), json the value as a json (as
// written) or jsonb (normal form) column holds it. A NULL j is no row for
// a recordset, one row of NULLs for a record.
func fnJSONRecordRows(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if len(a) < 3 {
		return nil, fmt.Errorf("pg_json_record_rows: %d arguments", len(a))
	}
	fn := str(a[1])
	keys := make([]string, len(a)-2)
	for k := range keys {
		keys[k] = str(a[k+2])
	}
	set, isJSON := strings.HasSuffix(fn, "recordset"), strings.HasPrefix(fn, "json_")
	if a[0] == nil && set {
		return "[]", nil
	}
	args := append([]driver.Value(nil), a...)
	if args[0] == nil {
		args[0] = "{}" // a record of NULLs
	}
	// one object's row: raw its text (for json's members as written)
	row := func(obj map[string]any, raw driver.Value) []any {
		out := make([]any, 0, 2*len(keys))
		if isJSON {
			ks, vals := jsonRawMembers(raw)
			for _, key := range keys {
				var t, j driver.Value
				for m := range ks { // the last of a repeated key, as PostgreSQL
					if ks[m] == key && vals[m] != "null" {
						t, j = jsonRawValue(vals[m], srfJSONText), vals[m]
					} else if ks[m] == key {
						t, j = nil, nil
					}
				}
				out = append(out, t, j)
			}
			return out
		}
		for _, key := range keys {
			v, ok := obj[key]
			if !ok || v == nil {
				out = append(out, nil, nil)
				continue
			}
			out = append(out, jsonResult(v, true), jsonResult(v, false))
		}
		return out
	}
	return jsonSetReturning(args, "[]", func(x any) (any, error) {
		if !set {
			obj, ok := x.(map[string]any)
			if !ok {
				if _, isArr := x.([]any); isArr {
					return nil, pgErr("22023", "cannot call populate_composite on an array")
				}
				return nil, pgErr("22023", "cannot call populate_composite on a scalar")
			}
			return []any{row(obj, args[0])}, nil
		}
		arr, ok := x.([]any)
		if !ok {
			switch {
			case !isJSON:
				return nil, pgErr("22023", "cannot call %s on a non-array", fn)
			case isObject(x):
				return nil, pgErr("22023", "cannot call %s on an object", fn)
			}
			return nil, pgErr("22023", "cannot call %s on a scalar", fn)
		}
		var raws []string
		if isJSON {
			_, raws = jsonRawMembers(args[0])
		}
		rows := make([]any, len(arr))
		for k, el := range arr {
			obj, ok := el.(map[string]any)
			if !ok {
				return nil, pgErr("22023", "argument of %s must be an array of objects", fn)
			}
			raw := ""
			if k < len(raws) {
				raw = raws[k]
			}
			rows[k] = row(obj, raw)
		}
		return rows, nil
	})
}

// isObject reports whether the parsed JSON x is an object.
func isObject(x any) bool {
	_, ok := x.(map[string]any)
	return ok
}
