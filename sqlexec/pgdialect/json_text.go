package pgdialect

// json_text.go: the json (not jsonb) constructors, which print as
// PostgreSQL's json type does: a json value keeps its text as written
// (nested json arguments are copied verbatim, jsonb arguments in jsonb's
// form), json_build_object writes `{"a" : 1, "b" : 2}`, json_object_agg
// `{ "a" : 1, "b" : 2 }`, a row (row_to_json, to_json(t), json_agg(t))
// `{"a":1,"b":"x"}`, and json_agg separates rows with ", \n ". All are
// pure functions of their arguments.
//
// A whole-row reference t to a FROM subquery whose columns the statement
// names becomes pg_json_row('a', t.a, 'b', t.b): a JSON text marked with
// jsonRowMark, which every JSON function reads as JSON (jsonMarked) and
// json_agg as a row.

import (
	"bytes"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/raftsql/raftsql/pgwire"
	sqlite "modernc.org/sqlite"
)

// jsonRowMark prefixes the blob pg_json_row makes of a row's JSON text.
const jsonRowMark = "\x00pgjsonrow\x00"

// jsonArrayMark prefixes the blob pg_json_typed makes of an array's JSON
// text: json_agg puts "\n " before an array as before a row (PostgreSQL's
// json_agg_transfn does for both categories), not before a json value
// that is an array.
const jsonArrayMark = "\x00pgjsonarr\x00"

// jsonTextFuncs are the json scalar functions (registered with jsonb.go's).
var jsonTextFuncs = map[string]struct {
	n int32
	f fn
}{
	"pg_to_json":           {1, fnToJSON},
	"pg_row_to_json":       {-1, fnRowToJSON},
	"pg_json_build_object": {-1, fnJSONBuildObject},
	"pg_json_build_array":  {-1, fnJSONBuildArray},
	"pg_json_row":          {-1, fnJSONRow},
}

// jsonTextAggs are the json aggregates (registered with jsonb.go's).
var jsonTextAggs = map[string]struct {
	n  int32
	mk func() sqlite.AggregateFunction
}{
	"pg_json_agg":        {1, func() sqlite.AggregateFunction { return &jsonTextAgg{} }},
	"pg_json_array_agg":  {1, func() sqlite.AggregateFunction { return &jsonTextAgg{compact: true} }},
	"pg_json_object_agg": {2, func() sqlite.AggregateFunction { return &jsonTextAgg{object: true} }},
}

// jsonRowText returns the JSON text of a pg_json_row blob.
func jsonRowText(v driver.Value) (string, bool) {
	b, ok := v.([]byte)
	if !ok || !strings.HasPrefix(string(b), jsonRowMark) {
		return "", false
	}
	return string(b[len(jsonRowMark):]), true
}

// sqlToJSONText is to_json of a SQL value as json prints it: marked JSON
// verbatim, numbers as numbers, text as a string.
func sqlToJSONText(v driver.Value) string {
	if j, ok := jsonMarked(v); ok {
		return j
	}
	var b bytes.Buffer
	switch x := v.(type) {
	case nil:
		return "null"
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			writeJSONString(&b, pgwire.FormatFloat(x, 64))
			return b.String()
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case []byte:
		writeJSONString(&b, `\x`+hex.EncodeToString(x))
	default:
		writeJSONString(&b, str(v))
	}
	return b.String()
}

// jsonScalarKey is PostgreSQL's 22023 for a key of json_build_object
// that is an array, a row or a JSON object or array (pg_json_typed marks
// them as JSON).
func jsonScalarKey(v driver.Value) error {
	if j, ok := jsonMarked(v); ok && (strings.HasPrefix(j, "{") || strings.HasPrefix(j, "[")) {
		return pgErr("22023", "key value must be scalar, not array, composite, or json")
	}
	return nil
}

// jsonKeyText is a json_build_object / json_object_agg key.
func jsonKeyText(v driver.Value) string {
	k := jsonKey(v) // json_typed.go
	if f, ok := v.(float64); ok {
		k = pgwire.FormatFloat(f, 64)
	}
	var b bytes.Buffer
	writeJSONString(&b, k)
	return b.String()
}

func fnToJSON(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	return sqlToJSONText(a[0]), nil
}

func fnJSONBuildObject(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if len(a)%2 != 0 {
		return nil, errors.New(SQLStateText("22023", "argument list must have even number of elements", "",
			"The arguments of json_build_object() must consist of alternating keys and values."))
	}
	var b strings.Builder
	b.WriteByte('{')
	for i := 0; i < len(a); i += 2 {
		if a[i] == nil {
			return nil, errors.New(SQLStateText("22023", fmt.Sprintf("argument %d cannot be null", i+1), "", "Object keys should be text."))
		}
		if err := jsonScalarKey(a[i]); err != nil {
			return nil, err
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(jsonKeyText(a[i]) + " : " + sqlToJSONText(a[i+1]))
	}
	b.WriteByte('}')
	return b.String(), nil
}

func fnJSONBuildArray(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	parts := make([]string, len(a))
	for i, v := range a {
		parts[i] = sqlToJSONText(v)
	}
	return "[" + strings.Join(parts, ", ") + "]", nil
}

// fnRowToJSON is row_to_json(row[, pretty]): to_json of the row, with
// pretty its top-level fields one per line (",\n " between them, as
// PostgreSQL's composite_to_json writes them); NULL for a NULL argument.
func fnRowToJSON(ctx *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if len(a) != 1 && len(a) != 2 {
		return nil, pgErr("42883", "function row_to_json takes 1 or 2 arguments")
	}
	if len(a) == 1 {
		return fnToJSON(ctx, a)
	}
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	pretty := truthy(a[1])
	if j, ok := jsonMarked(a[1]); ok {
		pretty = j == "true"
	}
	row, isRow := jsonRowText(a[0])
	if !pretty || !isRow {
		return fnToJSON(ctx, a[:1])
	}
	keys, vals := jsonRawMembers(row) // json_srf_modes.go
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteString(",\n ")
		}
		writeJSONString(&b, k)
		b.WriteString(":" + vals[i])
	}
	b.WriteByte('}')
	return b.String(), nil
}

// fnJSONRow is pg_json_row(name, value, ...): a row as PostgreSQL's
// row_to_json prints it, marked as a row.
func fnJSONRow(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	var b strings.Builder
	b.WriteString(jsonRowMark + "{")
	for i := 0; i+1 < len(a); i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(jsonKeyText(a[i]) + ":" + sqlToJSONText(a[i+1]))
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

// jsonTextAgg is json_agg(x) and json_object_agg(k, v). The elements'
// texts are kept apart, so that a window frame that moves (ROWS BETWEEN 1
// PRECEDING AND CURRENT ROW) drops its oldest row (WindowInverse: SQLite
// removes rows in the order it added them).
type jsonTextAgg struct {
	object  bool
	compact bool // array_to_json(array_agg(x)): "," between elements (jsonb_translate.go's arrayToJSONAgg)
	elems   []string
	rows    []bool // the element is a row (row_to_json) or an array: PostgreSQL's json_agg puts "\n " before it
}

func (g *jsonTextAgg) Step(_ *sqlite.FunctionContext, a []driver.Value) error {
	if g.object {
		if a[0] == nil {
			return pgErr("22023", "field name must not be null") // PostgreSQL 15: ERRCODE_INVALID_PARAMETER_VALUE
		}
		g.elems = append(g.elems, jsonKeyText(a[0])+" : "+sqlToJSONText(a[1]))
		return nil
	}
	_, row := jsonRowText(a[0])
	if b, ok := a[0].([]byte); ok && bytes.HasPrefix(b, []byte(jsonArrayMark)) {
		row = true
	}
	g.elems = append(g.elems, sqlToJSONText(a[0]))
	g.rows = append(g.rows, row)
	return nil
}

func (g *jsonTextAgg) WindowInverse(*sqlite.FunctionContext, []driver.Value) error {
	g.elems = g.elems[1:]
	if !g.object {
		g.rows = g.rows[1:]
	}
	return nil
}

func (g *jsonTextAgg) WindowValue(*sqlite.FunctionContext) (driver.Value, error) {
	if len(g.elems) == 0 {
		return nil, nil
	}
	if g.object {
		return "{ " + strings.Join(g.elems, ", ") + " }", nil
	}
	var b strings.Builder
	b.WriteByte('[')
	for i, e := range g.elems {
		switch {
		case i == 0:
		case g.compact:
			b.WriteByte(',')
		default:
			b.WriteString(", ")
			if g.rows[i] {
				b.WriteString("\n ") // PostgreSQL's json_agg between rows and arrays
			}
		}
		b.WriteString(e)
	}
	b.WriteByte(']')
	return b.String(), nil
}

func (g *jsonTextAgg) Final(*sqlite.FunctionContext) {}

// wholeRow returns pg_json_row(...) for a..b-1 when it is a bare name of a
// FROM subquery (or VALUES list with column aliases) whose column names
// the statement shows: row_to_json(t), to_json(t), json_agg(t) ...
func (x *tx) wholeRow(a, b int) (string, bool) {
	if b != a+1 || x.T(a).typ != tIdent && x.T(a).typ != tQIdent || x.isP(a+1, "(") || x.isP(a-1, ".") {
		return "", false
	}
	alias := x.T(a).identName()
	row, found := "", false
	x.fromSubqueries(func(open, k, j int) bool {
		if x.T(j).identName() != alias || j == a {
			return true
		}
		names, types := x.subqueryColumns(open, k, j)
		if len(names) == 0 {
			found = true
			return false
		}
		if slices.Contains(names, alias) {
			return false // a column of that name: PostgreSQL reads the column (v of v(x, v))
		}
		found = true
		parts := make([]string, 0, 2*len(names))
		for i, n := range names {
			if n == "" || n == "*" {
				return false
			}
			ref := quoteIdent(alias) + "." + quoteIdent(n)
			if i < len(types) && types[i] != "" {
				ref = "pg_json_typed(" + ref + ", " + types[i] + ")" // json_typed.go
			}
			parts = append(parts, quoteLit(n), ref)
		}
		row = "pg_json_row(" + strings.Join(parts, ", ") + ")"
		return false
	})
	return row, found && row != ""
}

// fromSubqueries calls visit(open, close, alias) for each parenthesised
// FROM item with an alias, "(...) [AS] alias", until it returns false.
func (x *tx) fromSubqueries(visit func(open, k, j int) bool) {
	for k := 1; k < x.n(); k++ {
		if !x.isP(k, ")") {
			continue
		}
		j := k + 1
		if x.kw(j, "AS") {
			j++
		}
		if x.T(j).typ != tIdent && x.T(j).typ != tQIdent {
			continue
		}
		open := x.matchBack(k)
		if open < 0 || !x.inFrom(open) {
			continue
		}
		if !visit(open, k, j) {
			return
		}
	}
}

// subqueryColumns are the column names of the FROM item open..k with
// alias at j (its alias list, or its select list's names) and, for a
// select list, each item's type as pg_json_typed takes it.
func (x *tx) subqueryColumns(open, k, j int) (names, types []string) {
	if x.isP(j+1, "(") { // t(a, b)
		for _, p := range x.splitTop(j+2, x.match(j+1)) {
			names = append(names, x.T(p[0]).identName())
		}
		return names, nil
	}
	if x.kw(open+1, "SELECT") {
		return x.selectNames(open+2, k)
	}
	return nil, nil
}

// selectNames are the output column names of the select list starting at
// lo (up to FROM at the list's depth, or hi): an alias, a column's name,
// "" when PostgreSQL would invent one; and each item's type as
// pg_json_typed takes it ("" unknown: json_typed.go).
func (x *tx) selectNames(lo, hi int) (names, types []string) {
	end := hi
	for _, kw := range []string{"FROM", "UNION", "INTERSECT", "EXCEPT", "WHERE", "GROUP", "ORDER", "LIMIT"} {
		if f := x.findKw(lo, end, x.depth[lo], kw); f > lo {
			end = f
		}
	}
	for _, p := range x.splitTop(lo, end) {
		last := x.T(p[1] - 1)
		// without its alias, AS or not: (SELECT ARRAY(SELECT b ...) x) s
		ia, ib := x.itemExpr(p[0], p[1]) // typeresolve.go
		types = append(types, x.jsonItemType(ia, ib))
		switch {
		case p[1]-p[0] >= 2 && x.T(p[1]-2).kw("AS") && (last.typ == tIdent || last.typ == tQIdent):
			names = append(names, last.identName())
		case p[1]-p[0] == 1 && (last.typ == tIdent || last.typ == tQIdent):
			names = append(names, last.identName())
		case p[1]-p[0] == 3 && x.isP(p[0]+1, ".") && (last.typ == tIdent || last.typ == tQIdent):
			names = append(names, last.identName())
		case p[1]-p[0] >= 2 && last.typ == tIdent && !reservedWord(last.upper()) && !isClauseKw(last.upper()) && !x.isP(p[1]-2, "."):
			names = append(names, last.identName()) // expr alias
		default:
			names = append(names, "")
		}
	}
	return names, types
}

// tableRow reports whether a..b-1 is a bare name of a FROM table (its
// alias, or its name without one): a whole row whose columns the
// statement does not show.
func (x *tx) tableRow(a, b int) bool {
	if b != a+1 || x.T(a).typ != tIdent && x.T(a).typ != tQIdent || x.isP(a-1, ".") {
		return false
	}
	n := x.T(a).identName()
	for _, ft := range x.fromTables() {
		if ft.alias == n || ft.alias == "" && ft.name == n {
			return true
		}
	}
	return false
}
