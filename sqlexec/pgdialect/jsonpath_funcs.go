package pgdialect

// jsonpath_funcs.go: PostgreSQL's SQL/JSON path functions and operators
// over jsonb (the language: jsonpath_parse.go, jsonpath_exec.go):
//
//	jsonb_path_query(target, path [, vars [, silent]])        setof jsonb
//	jsonb_path_query_array / jsonb_path_query_first           jsonb
//	jsonb_path_exists / jsonb_path_match                      boolean
//	target @? path  (jsonb_path_exists, silent)
//	target @@ path  (jsonb_path_match, silent)
//
// Each call becomes pg_<name>(target, path, vars, silent) with the
// defaults ('{}', false) filled in and named arguments (silent => true)
// put in their places; a path written as a literal is parsed here, so a
// malformed one is PostgreSQL's 42601 whatever the rows, and a
// '...'::jsonpath cast or jsonpath '...' literal is its text (jsonpath
// is no column type). jsonb_path_query is a set-returning function like
// jsonb_object_keys: json_each over the JSON array of its items' jsonb
// texts (pg_jsonb_path_query_rows), in the select list and in FROM
// (array_translate.go srfSource). Pure functions of their arguments.

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

// jsonPathFuncs are the PostgreSQL names of the functions.
var jsonPathFuncs = map[string]uint32{
	"jsonb_path_query": pgoid.JSONB, "jsonb_path_query_array": pgoid.JSONB, "jsonb_path_query_first": pgoid.JSONB,
	"jsonb_path_exists": pgoid.Bool, "jsonb_path_match": pgoid.Bool,
}

// jsonPathArgNames are the functions' parameter names, in order.
var jsonPathArgNames = []string{"target", "path", "vars", "silent"}

func init() {
	for name, o := range jsonPathFuncs {
		if name != "jsonb_path_query" {
			funcRename[name] = "pg_" + name
			funcResultOIDs[name] = o
		}
	}
	srfResultOIDs["jsonb_path_query"] = pgoid.JSONB
	setReturning["JSONB_PATH_QUERY"] = true // subquery.go
	jsonbFuncs["pg_jsonb_path_query_rows"] = struct {
		n int32
		f fn
	}{4, fnJSONPathQueryRows}
	for name, f := range map[string]fn{
		"pg_jsonb_path_query_array": fnJSONPathQueryArray, "pg_jsonb_path_query_first": fnJSONPathQueryFirst,
		"pg_jsonb_path_exists": fnJSONPathExists, "pg_jsonb_path_match": fnJSONPathMatch,
	} {
		jsonbFuncs[name] = struct {
			n int32
			f fn
		}{4, f}
	}
	jsonOpFuncs["@?"] = [2]string{"pg_jsonb_path_exists", ", '{}', 1"}
	jsonOpFuncs["@@"] = [2]string{"pg_jsonb_path_match", ", '{}', 1"}
	boolOps["@?"] = true
	boolOps["@@"] = true
}

// jsonPathArgs parses the arguments of a path function; null reports a
// NULL one (a NULL result, no rows).
func jsonPathArgs(a []driver.Value) (p *jsonPath, target any, vars map[string]any, silent, null bool, err error) {
	for _, v := range a {
		if v == nil {
			return nil, nil, nil, false, true, nil
		}
	}
	if p, err = parseJSONPath(str(a[1])); err != nil {
		return nil, nil, nil, false, false, err
	}
	if target, err = jsonParse(a[0]); err != nil {
		return nil, nil, nil, false, false, err
	}
	v, err := jsonParse(a[2])
	if err != nil {
		return nil, nil, nil, false, false, err
	}
	vars, ok := v.(map[string]any)
	if !ok {
		return nil, nil, nil, false, false, pgErrDetail("22023", "Jsonpath parameters should be encoded as key-value pairs of \"vars\" object.", "\"vars\" argument is not an object")
	}
	return p, target, vars, truthy(a[3]), false, nil
}

func jsonPathItems(a []driver.Value, first bool) (items []any, null bool, err error) {
	p, target, vars, silent, null, err := jsonPathArgs(a)
	if null || err != nil {
		return nil, null, err
	}
	items, err = jsonPathRun(p, target, vars, silent, first)
	return items, false, err
}

// fnJSONPathQueryRows is pg_jsonb_path_query_rows: the items as a JSON
// array of their jsonb texts, the rows of jsonb_path_query.
func fnJSONPathQueryRows(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	items, _, err := jsonPathItems(a, false)
	if err != nil {
		return nil, err
	}
	texts := make([]string, len(items))
	for i, it := range items {
		texts[i] = jsonbText(it)
	}
	b, err := json.Marshal(texts)
	if err != nil {
		return nil, fmt.Errorf("pgdialect: jsonb_path_query rows: %w", err)
	}
	return string(b), nil
}

func fnJSONPathQueryArray(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	items, null, err := jsonPathItems(a, false)
	if null || err != nil {
		return nil, err
	}
	if items == nil {
		items = []any{}
	}
	return jsonbText(items), nil
}

func fnJSONPathQueryFirst(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	items, null, err := jsonPathItems(a, false)
	if null || err != nil || len(items) == 0 {
		return nil, err
	}
	return jsonbText(items[0]), nil
}

// fnJSONPathExists is jsonb_path_exists: NULL when silent met an error.
func fnJSONPathExists(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	p, target, vars, silent, null, err := jsonPathArgs(a)
	if null || err != nil {
		return nil, err
	}
	items, err := jsonPathRun(p, target, vars, false, true)
	if err != nil {
		if _, ok := err.(*jpError); ok && silent {
			return nil, nil
		}
		return nil, err
	}
	return boolInt(len(items) > 0), nil
}

// fnJSONPathMatch is jsonb_path_match: the path's one boolean (or null)
// result.
func fnJSONPathMatch(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	p, target, vars, silent, null, err := jsonPathArgs(a)
	if null || err != nil {
		return nil, err
	}
	items, err := jsonPathRun(p, target, vars, silent, false)
	if err != nil {
		return nil, err
	}
	if len(items) == 1 {
		switch b := items[0].(type) {
		case bool:
			return boolInt(b), nil
		case nil:
			return nil, nil
		}
	}
	if silent {
		return nil, nil
	}
	return nil, pgErr("22038", "single boolean result is expected")
}

// jsonPathCall prepares the call of a path function at i (pass 1, before
// the casts): named arguments in place, defaults filled in, the path's
// jsonpath cast dropped and a literal path parsed.
func (x *tx) jsonPathCall(i int) error {
	name := strings.ToLower(x.T(i).text)
	e := x.match(i + 1)
	if e < 0 {
		return nil
	}
	args := x.splitTop(i+2, e)
	pos := 0
	for _, a := range args {
		if a[1] > a[0]+2 && x.T(a[0]).typ == tIdent && x.T(a[0]+1).typ == tOp && x.T(a[0]+1).text == "=>" {
			want := -1
			for k, n := range jsonPathArgNames {
				if strings.EqualFold(n, x.T(a[0]).text) {
					want = k
				}
			}
			if want < 0 {
				return &Error{Code: "42883", Message: fmt.Sprintf("function %s(%s => ...) does not exist", name, strings.ToLower(x.T(a[0]).text))}
			}
			if want < pos || want < 2 {
				return unsupported("%s() with its named arguments in another order is not supported", name)
			}
			x.T(a[0]).set(jsonPathDefaults(pos, want))
			x.T(a[0] + 1).set("")
			pos = want
			a[0] += 2
		}
		if pos == 1 {
			if err := x.jsonPathLiteral(a[0], a[1]); err != nil {
				return err
			}
		}
		pos++
	}
	if pos < 2 || pos > len(jsonPathArgNames) {
		return &Error{Code: "42883", Message: fmt.Sprintf("function %s with %d arguments does not exist", name, len(args))}
	}
	if d := jsonPathDefaults(pos, len(jsonPathArgNames)); d != "" {
		x.T(e - 1).suf += ", " + strings.TrimSuffix(d, ", ") // inside the arguments' text (srfSource)
	}
	return nil
}

// jsonPathDefaults are the default values of the arguments from..to-1,
// each followed by ", ".
func jsonPathDefaults(from, to int) string {
	s := ""
	for k := from; k < to; k++ {
		if k == 2 {
			s += "'{}', "
		} else {
			s += "0, "
		}
	}
	return s
}

// jsonPathLiteral drops a jsonpath cast or type word of the path operand
// lo..hi-1 and parses the path when it is a literal.
func (x *tx) jsonPathLiteral(lo, hi int) error {
	if hi-lo == 2 && x.T(lo).typ == tIdent && strings.EqualFold(x.T(lo).text, "jsonpath") && x.T(lo+1).typ == tString {
		x.T(lo).set("")
		lo++
	}
	if hi-lo == 3 && x.T(lo+1).typ == tCast && strings.EqualFold(x.T(lo+2).text, "jsonpath") {
		x.T(lo + 1).set("")
		x.T(lo + 1).typ = tPunct
		x.T(lo + 2).set("")
		hi = lo + 1
	}
	if hi-lo != 1 || x.T(lo).typ != tString {
		return nil
	}
	s, ok := unquoteString(x.T(lo))
	if !ok {
		return nil
	}
	if _, err := parseJSONPath(s); err != nil {
		return errorOf(err)
	}
	return nil
}

// jsonPathOperands prepares the path operand of @? and @@ (pass 1).
func (x *tx) jsonPathOperands() error {
	for i := 1; i+1 < x.n(); i++ {
		t := x.T(i)
		if t.typ != tOp || t.ed || t.text != "@?" && t.text != "@@" {
			continue
		}
		lo := i + 1
		if t.text == "@?" {
			lo++ // the ? merged into the operator (jsonQuestionOps)
		}
		if x.T(lo).typ == tIdent {
			continue // jsonpath '...' beside an operator: refused as a type (typeallow.go)
		}
		hi := lo + 1
		if x.T(lo+1).typ == tCast {
			hi = lo + 3
		}
		if err := x.jsonPathLiteral(lo, hi); err != nil {
			return err
		}
	}
	return nil
}

// errorOf is a registered function's marked error as a translation error.
func errorOf(err error) error {
	msg, ok := strings.CutPrefix(err.Error(), ErrMarker)
	if !ok || len(msg) < 7 {
		return err
	}
	return &Error{Code: msg[:5], Message: strings.TrimSuffix(msg[7:], errEnd)}
}
