package pgdialect

// jsonb_translate.go: PostgreSQL's jsonb operators and functions to the
// functions of jsonb.go.
//
//   - Operators ->, ->>, #>, #>>, @>, <@, ?, ?|, ?&, #- always; || and -
//     when an operand is shown to be jsonb (a ::jsonb cast, a jsonb
//     function or operator), or when one operand is a bare column and the
//     other a string literal that looks like JSON ('{...}', '[...]') for
//     || or any string literal for -: then the column's declared type
//     decides at run time (CASE over columnTypeExpr), so text columns
//     keep SQLite's || and -. PostgreSQL gives all of them one precedence,
//     left-associative, between + - and the comparisons. The operators of
//     no other type are rewritten before the date/time operators
//     (jsonEarlyOps), the others after them, each left to right.
//   - ? is a parameter marker for SQLite-style clients; it is read as the
//     jsonb operator when it follows an operand (a column, a literal, a
//     closing parenthesis) and precedes one, and ?| / ?& always.
//     (PostgreSQL's protocol numbers parameters $1, $2, so a PostgreSQL
//     client never sends ? as a parameter.)
//   - Functions are renamed (funcRename); the arguments of to_jsonb,
//     jsonb_build_object/array and jsonb_agg/jsonb_object_agg that are
//     shown to be JSON are wrapped in pg_json_mark so they nest as JSON.
//   - jsonb_each[_text], jsonb_array_elements[_text] (and the json_
//     spellings) in FROM become SQLite's json_each over the value
//     pg_jsonb_each / pg_jsonb_elements prepares: columns key and value
//     as PostgreSQL names them. SQLite's table-valued functions take
//     arguments from the FROM items before them, so FROM t,
//     jsonb_array_elements(t.j) e works as PostgreSQL's implicit LATERAL.
//     An argument naming no column makes a subquery showing PostgreSQL's
//     columns only (json_srf_from.go).
//
// json and jsonb are treated alike: results are printed as jsonb prints
// them (PostgreSQL's json functions keep their input's spacing).

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// jsonFuncRenames are added to funcRename (expr.go).
var jsonFuncRenames = map[string]string{
	"jsonb_set": "pg_jsonb_set", "jsonb_set_lax": "pg_jsonb_set_lax", "jsonb_insert": "pg_jsonb_insert", "jsonb_typeof": "pg_jsonb_typeof", "json_typeof": "pg_jsonb_typeof",
	"jsonb_array_length": "pg_jsonb_array_length", "json_array_length": "pg_jsonb_array_length",
	"jsonb_pretty": "pg_jsonb_pretty", "to_jsonb": "pg_to_jsonb",
	"jsonb_build_object": "pg_jsonb_build_object", "jsonb_build_array": "pg_jsonb_build_array",
	"jsonb_agg": "pg_jsonb_agg", "jsonb_object_agg": "pg_jsonb_object_agg",
	"jsonb_object": "pg_jsonb_object", "json_object": "pg_json_object", // json_object.go
	// json keeps its text (json_text.go)
	"to_json": "pg_to_json", "row_to_json": "pg_row_to_json", "json_build_object": "pg_json_build_object",
	"json_build_array": "pg_json_build_array", "json_agg": "pg_json_agg", "json_object_agg": "pg_json_object_agg",
}

// jsonTableFuncs: set-returning functions in FROM -> (preparing function,
// mode: json_srf_modes.go).
var jsonTableFuncs = map[string][2]string{
	"jsonb_each": {"pg_jsonb_each", "0"}, "json_each": {"pg_jsonb_each", "2"},
	"jsonb_each_text": {"pg_jsonb_each", "1"}, "json_each_text": {"pg_jsonb_each", "3"},
	"jsonb_array_elements": {"pg_jsonb_elements", "0"}, "json_array_elements": {"pg_jsonb_elements", "2"},
	"jsonb_array_elements_text": {"pg_jsonb_elements", "1"}, "json_array_elements_text": {"pg_jsonb_elements", "3"},
}

// jsonArgFuncs take SQL values that become JSON (the marked arguments).
var jsonArgFuncs = map[string]bool{"pg_to_jsonb": true, "pg_jsonb_build_object": true, "pg_jsonb_build_array": true,
	"pg_jsonb_agg": true, "pg_jsonb_object_agg": true,
	"pg_to_json": true, "pg_row_to_json": true, "pg_json_build_object": true, "pg_json_build_array": true, "pg_json_agg": true, "pg_json_object_agg": true,
	"pg_json_array_agg": true}

func init() {
	for k, v := range jsonFuncRenames {
		funcRename[k] = v
		o := pgoid.JSONB
		switch v {
		case "pg_jsonb_typeof", "pg_jsonb_pretty":
			o = pgoid.Text
		case "pg_jsonb_array_length":
			o = pgoid.Int4
		}
		if strings.HasPrefix(k, "json_") || k == "to_json" || k == "row_to_json" {
			if o == pgoid.JSONB {
				o = pgoid.JSON
			}
		}
		funcResultOIDs[k] = o // strfuncs.go: result column types
	}
	for _, op := range []string{"@>", "<@", "?", "?|", "?&"} {
		boolOps[op] = true // aliases.go: these operators return boolean
	}
}

// jsonQuestionOps turns the ? tokens that are jsonb operators (see the
// file comment) into operator tokens, before the parameters are counted.
func (x *tx) jsonQuestionOps() {
	for i := 1; i < x.n(); i++ {
		t := x.T(i)
		if t.typ != tParam || t.text != "?" {
			continue
		}
		next, prev := x.T(i+1), x.T(i-1)
		switch {
		case prev.typ == tOp && prev.text == "@" && !prev.ed && prev.pos+1 == t.pos:
			prev.text = "@?" // jsonpath's exists operator (jsonpath_funcs.go)
			t.typ = tOp
			t.set("")
		case next.typ == tOp && (next.text == "|" || next.text == "&"):
			t.typ, t.text = tOp, "?"+next.text
			next.set("")
		case x.operandBefore(i-1) && (next.typ == tString || next.typ == tDollar || next.typ == tIdent || next.typ == tQIdent || x.isP(i+1, "(") || next.typ == tParam && next.text != "?"):
			t.typ = tOp
		}
	}
}

// operandBefore reports whether the token at i certainly ends an operand
// (so a ? after it is an operator, not a parameter).
func (x *tx) operandBefore(i int) bool {
	t := x.T(i)
	switch t.typ {
	case tQIdent, tString, tDollar:
		return true
	case tPunct:
		return t.text == ")" || t.text == "]"
	case tIdent:
		u := t.upper()
		return x.endsOperand(i) && !reservedWord(u) && !isClauseKw(u) && u != "LIMIT" && u != "OFFSET" && u != "BY"
	}
	return false
}

// jsonOpFuncs: operator -> function and the arguments after the two
// operands ("" none); <@ swaps its operands.
var jsonOpFuncs = map[string][2]string{
	"->": {"pg_jsonb_get", ", 0"}, "->>": {"pg_jsonb_get", ", 1"},
	"#>": {"pg_jsonb_path", ", 0"}, "#>>": {"pg_jsonb_path", ", 1"},
	"@>": {"pg_jsonb_contains", ""}, "<@": {"pg_jsonb_contains", ""},
	"?": {"pg_jsonb_exists", ""}, "?|": {"pg_jsonb_exists_any", ""}, "?&": {"pg_jsonb_exists_all", ""},
	"#-": {"pg_jsonb_delete_path", ""}, "||": {"pg_jsonb_concat", ""}, "-": {"pg_jsonb_delete", ""},
}

// jsonGetUntyped: the mode argument of -> and ->> over an operand of a
// type the statement does not show (a column: json or jsonb), jsonb's
// without its raw scalar read as an array (json_get.go).
var jsonGetUntyped = map[string]string{"->": ", 4", "->>": ", 5"}

// jsonGetOps: the mode argument of json's (not jsonb's) ->, ->>, #>, #>>
// (json_get.go).
var jsonGetOps = map[string]string{"->": ", 2", "->>": ", 3", "#>": ", 2", "#>>": ", 3"}

// jsonEarlyOps are the json operators of no other type: jsonEarlyOperators
// rewrites them before the date/time, numeric and array rewrites, which
// copy an operand's text into the forms they build (iv + CASE WHEN j ?
// 'a' THEN iv END carried the ? as written, a syntax error in SQLite:
// seed 8000081 of the differential fuzz tester). The operators that
// other types share (||, -, @>, <@) wait for jsonPass, which knows by
// then what the arrays and ranges took, unless an operand is shown to be
// jsonb (j -> 'a' @> '1').
var jsonEarlyOps = map[string]bool{"->": true, "->>": true, "#>": true, "#>>": true, "?": true, "?|": true, "?&": true, "#-": true}

// jsonLateOps are the operators of jsonOpFuncs that share their
// precedence with jsonEarlyOps and wait for jsonPass: j || k -> 'a' is
// (j || k) -> 'a', so an early operator after one is left to jsonPass too.
var jsonLateOps = map[string]bool{"||": true, "-": true, "@>": true, "<@": true}

// jsonEarlyOperators rewrites the jsonEarlyOps operators (see there).
func (x *tx) jsonEarlyOperators() error {
	if x.catalog {
		return nil
	}
	x.elementAliasValues() // item->>'a' of FROM jsonb_array_elements(...) item
	return x.jsonOperators(true)
}

// jsonPass rewrites the operators, table functions and JSON arguments.
func (x *tx) jsonPass() error {
	if x.catalog {
		return nil
	}
	if err := x.refuseTableRows(); err != nil { // json_tablerow.go
		return err
	}
	if err := x.jsonOperators(false); err != nil {
		return err
	}
	return x.jsonCalls()
}

// jsonOperators rewrites the json operators (early: jsonEarlyOps alone,
// else every one left).
func (x *tx) jsonOperators(early bool) error {
	if x.jsonKnown == nil {
		x.jsonKnown = map[int]bool{} // start of a rewritten jsonb expression
	}
	known := x.jsonKnown
	for i := 1; i < x.n(); i++ {
		t := x.T(i)
		if t.typ != tOp || t.ed { // an operator an earlier pass rewrote or consumed (arrayPass: a || b of arrays)
			continue
		}
		op := t.text
		spec, ok := jsonOpFuncs[op]
		if !ok || early && !jsonEarlyOps[op] && op != "@>" && op != "<@" || !x.endsOperand(i-1) {
			continue
		}
		rs := i + 1
		if op == "?|" || op == "?&" || op == "@?" {
			rs++ // the | or & (the ?) merged into the operator (jsonQuestionOps)
		}
		ls := x.primaryStart(i - 1)
		re := x.operandEnd(rs)
		if (x.isP(rs, "-") || x.isP(rs, "+")) && x.T(rs+1).typ == tNumber {
			re = rs + 2 // j->-1: the lexer splits ->- as PostgreSQL does
		}
		if ls < 0 || re < 0 {
			continue
		}
		if p := x.T(ls - 1); early && ls > 0 && p.typ == tOp && !p.ed && jsonLateOps[p.text] {
			continue // j || k -> 'a': jsonPass's, left to right
		}
		if early && !jsonEarlyOps[op] && !x.jsonExpr(ls, i, known) && !x.jsonExpr(rs, re, known) {
			continue // no operand shown to be jsonb: an array's or a range's too
		}
		runtime := ""                                // the column type expression deciding || and -
		delKeys := op == "-" && x.arrayShown(rs, re) // jsonb - text[], the only - with an array
		// a || decided at run time by a column's type, then || a quoted
		// literal ('[' || t || ']', j || '{"a":1}' || '{"b":2}'): the
		// first result is of the column's type (text, jsonb or an
		// array), so the second is decided by the same test
		// (each test copies its operands into its branches: one chained
		// || at most, so the text grows fourfold, not exponentially; a
		// longer chain reads the first result as jsonb, as before)
		chained, leftRuntime := x.jsonRuntime[ls]
		leftRuntime = leftRuntime && op == "||" && x.castEnd[i-1] == ls && x.plainString(rs, re) && !x.jsonChained[ls]
		if delKeys {
			spec[0] = "pg_jsonb_delete_keys"
		}
		if op == "-" && !delKeys && x.jsonExpr(ls, i, known) {
			if err := x.jsonMinusOperand(i, rs, re); err != nil { // jsonb_minus_types.go
				return err
			}
		}
		if jsonbOnlyOps[op] && (x.jsonShown(ls, i) || x.jsonShown(rs, re)) {
			continue // json has no such operator; || is text's (json_operators.go)
		}
		if leftRuntime {
			runtime = chained
		} else if (op == "||" || op == "-") && !delKeys {
			if !x.jsonExpr(ls, i, known) && !x.jsonExpr(rs, re, known) {
				lt, rt, ok := x.concatColumnTypes(ls, i, re)
				if !ok {
					lt, rt, ok = x.concatElementTypes(ls, i, re) // concat_elements.go
				}
				if ok && op == "||" {
					x.settleOperands(ls, i)                        // operandcopy.go: greatest(2, 3) is copied
					x.settleOperands(i+1, re)                      // (each operand: this || is not one within them)
					call := x.concatColumnsCall(ls, i, re, lt, rt) // concat_columns.go
					x.wipe(ls, re)
					x.T(ls).set("(" + call + ")")
					x.castEnd[re-1] = ls
					x.noteConcat(ls, re, lt, rt)
					continue
				}
				runtime = x.jsonColumnOperand(ls, i, rs, re, op)
				if runtime == "" || runtime == "NULL" {
					x.jsonbScalarConcat(ls, i, rs, re)
					continue
				}
			}
		}
		for k := ls; k < re; k++ {
			// a constructor folded into this operator's text: its
			// arguments are prepared first (to_jsonb(d) - 'id')
			if u := x.T(k); u.ed && jsonArgFuncs[u.out] && u.typ == tIdent && x.isP(k+1, "(") {
				if err := x.jsonCallArgs(k, known); err != nil {
					return err
				}
			}
		}
		lt, rt := x.exprOID(ls, i), x.exprOID(rs, re) // before the fold: a call's type by its name
		if op == "||" && x.plainString(ls, i) {
			lt = pgoid.JSONB // an unknown literal beside jsonb is jsonb
		}
		if op == "||" && x.plainString(rs, re) {
			rt = pgoid.JSONB
		}
		left, right := x.text(ls, i), x.text(rs, re)
		if op == "<@" {
			left, right = right, left
		}
		mode := spec[1]
		if jsonGetOps[op] != "" && x.jsonShown(ls, i) {
			mode = jsonGetOps[op] // json's text as written (json_get.go)
		} else if (op == "->" || op == "->>") && lt != pgoid.JSONB {
			mode = jsonGetUntyped[op] // json or jsonb: no scalar as an array
		}
		if jsonGetOps[op] != "" && !x.jsonShown(ls, i) && lt != pgoid.JSONB {
			mode += x.jsonColumnTypeArg(ls, i) // a column's declared type settles it (json_column_get.go)
		}
		call := spec[0] + "(" + left + ", " + right + mode + ")"
		if runtime != "" {
			other := left + " " + op + " " + right
			if op == "||" {
				// text's || prints a numeric constant as numeric's output
				// (vc || 3.00 is hello3.00; SQLite's REAL printed 3.0)
				tl, tr := left, right
				if v, ok := x.numericLiteralText(x.unparen(ls, i)); ok {
					tl = v
				}
				if v, ok := x.numericLiteralText(x.unparen(rs, re)); ok {
					tr = v
				}
				other = tl + " || " + tr
			}
			if op == "||" { // an array column (array_translate.go)
				types := "" // a number's or a cast's value is an element: the values decide
				if x.plainString(ls, i) || x.plainString(rs, re) || x.kw(ls, "NULL") && i == ls+1 || x.kw(rs, "NULL") && re == rs+1 {
					// an untyped literal is of the column's array type: a
					// NULL column is a NULL array (NULL || '{4,5}' is {4,5})
					types = ", " + runtime
				}
				other = "CASE WHEN substr(" + runtime + ", 1, 1) = '_' THEN pg_array_concat(" + left + ", " + right + types + ") ELSE " + other + " END"
			}
			colLeft := leftRuntime || x.columnOrConditionalType(ls, i) != ""
			lit := x.jsonLiteralType(ls, i)
			if colLeft {
				lit = x.jsonLiteralType(rs, re)
			}
			jsonCase := jsonColumnCase(runtime, op, left, right, lit, !colLeft) // json_operators.go
			call = jsonbColumnCall(call, op, left, right, lit, !colLeft)
			call = "CASE WHEN lower(" + runtime + ") IN ('jsonb', '" + JSONBDeclType + "') THEN " + call + jsonCase + " ELSE " + other + " END"
		}
		if runtime == "" && (op == "->" || op == "#>" || op == "||" || op == "-" || op == "#-") {
			call += " COLLATE " + JSONBCollation // compared by value (jsonb_order.go)
		}
		x.wipe(ls, re)
		x.T(ls).set("(" + call + ")")
		x.castEnd[re-1] = ls
		known[ls] = op != "->>" && op != "#>>" && !boolOps[op]
		if runtime != "" && op == "||" {
			// of the column's type, not surely jsonb (see chained above)
			if x.jsonRuntime == nil {
				x.jsonRuntime, x.jsonChained = map[int]string{}, map[int]bool{}
			}
			x.jsonRuntime[ls] = runtime
			x.jsonChained[ls] = leftRuntime
			known[ls] = leftRuntime // a longer chain: as before
		}
		if o := jsonOpResultOID(op, lt, rt); runtime == "" && o != 0 {
			// described as PostgreSQL: jsonb_build_object(...) -> 'a' is
			// jsonb, to_jsonb(d) - 'id' too (the call's argument has no
			// declared type for the session to read)
			x.typeSpan(ls, re, o)
		}
	}
	return nil
}

// jsonCalls rewrites the JSON table functions and the JSON constructors'
// arguments.
func (x *tx) jsonCalls() error {
	known := x.jsonKnown
	x.arrayToJSONAgg()
	for i := 0; i < x.n(); i++ {
		t := x.T(i)
		if t.typ != tIdent || !x.isP(i+1, "(") || x.isP(i-1, ".") {
			continue
		}
		if tf, ok := jsonTableFuncs[strings.ToLower(t.text)]; ok && !t.ed {
			p := i - 1
			if x.kw(p, "LATERAL") {
				p-- // FROM t, LATERAL jsonb_each(t.doc)
			}
			if !(x.kw(p, "FROM") || x.kw(p, "JOIN") || x.isP(p, ",") && x.inFrom(i)) {
				return unsupported("%s() is only supported in FROM", strings.ToLower(t.text))
			}
			if done, err := x.jsonFromSubquery(i, tf); err != nil {
				return err
			} else if done {
				continue // json_srf_from.go
			}
			x.jsonStarColumns(i, tf)
			x.jsonStar(i)
			shown, err := x.jsonCorrelatedRefs(i, tf) // json_srf_from.go
			if err != nil {
				return err
			}
			x.qualifyEachCols(i, shown...) // key, id ... not shown are the table's
			e := x.match(i + 1)
			t.set("json_each(" + tf[0])
			x.T(e).set(", " + tf[1] + "))")
			if x.kw(e+1, "WITH", "ORDINALITY") {
				if err := x.jsonOrdinality(i, e, tf); err != nil {
					return err
				}
				continue
			}
			continue
		}
		if !t.ed || !jsonArgFuncs[t.out] {
			continue
		}
		if err := x.jsonCallArgs(i, known); err != nil {
			return err
		}
	}
	x.jsonbCallsCollated() // jsonb_call_order.go
	return nil
}

// jsonOpResultOID is the type of the json operator op over operands of
// the types lt and rt the statement shows, 0 when it does not tell.
func jsonOpResultOID(op string, lt, rt uint32) uint32 {
	switch op {
	case "->", "#>":
		if lt == pgoid.JSON || lt == pgoid.JSONB {
			return lt
		}
	case "-", "#-":
		if lt == pgoid.JSONB {
			return lt
		}
	case "||":
		if lt == pgoid.JSONB && rt == pgoid.JSONB {
			return pgoid.JSONB
		}
	}
	return 0
}

// jsonCallArgs prepares the arguments of the JSON constructor call at i
// (renamed to t.out): a whole row expanded, JSON nested as JSON, other
// values typed (json_typed.go).
func (x *tx) jsonCallArgs(i int, known map[int]bool) error {
	e := x.match(i + 1)
	for _, a := range x.splitTop(i+2, e) {
		o := x.findKw(a[0], a[1], x.depth[a[0]], "ORDER")
		if o > a[0] {
			a[1] = o // jsonb_agg(x ORDER BY y)
		}
		distinctOrder := ""
		if x.kw(a[0], "DISTINCT") && a[1] > a[0]+1 {
			a[0]++ // jsonb_agg(DISTINCT b): the value is b's JSON
			if o < 0 {
				// PostgreSQL's DISTINCT sorts the values: their
				// order, not the order the rows came in
				distinctOrder = " ORDER BY " + x.text(a[0], a[1]) + " NULLS LAST"
			}
		}
		if row, ok := x.wholeRow(a[0], a[1]); ok { // json_text.go
			x.wipe(a[0], a[1])
			x.T(a[0]).set(row)
		} else if x.tableRow(a[0], a[1]) {
			return unsupported("a table's whole row as JSON is not supported (%s): list its columns, json_build_object('col', col, ...), or select them in a subquery", x.text(a[0], a[1]))
		} else if x.jsonExpr(a[0], a[1], known) {
			x.T(a[0]).pre = "pg_json_mark(" + x.T(a[0]).pre
			x.T(a[1] - 1).suf += ")"
		} else {
			x.jsonTypedArg(a[0], a[1]) // json_typed.go
		}
		x.T(a[1] - 1).suf += distinctOrder
	}
	return nil
}

// elementAliasValues makes the alias of a json[b]_array_elements[_text]
// FROM item, used as a value, its value column: PostgreSQL's
// `FROM t, jsonb_array_elements(t.j) item ... item->>'sku'` names the
// function's one column by the alias; SQLite's json_each has several
// (item.value).
func (x *tx) elementAliasValues() {
	for i := 0; i+1 < x.n(); i++ {
		tf, ok := jsonTableFuncs[x.callName(i)] // numeric_arrays.go
		if !ok || tf[0] != "pg_jsonb_elements" {
			continue
		}
		a := x.match(i+1) + 1
		if x.kw(a, "AS") {
			a++
		}
		if a >= x.n() || !(x.T(a).typ == tIdent && !isClauseKw(x.T(a).upper()) || x.T(a).typ == tQIdent) || x.isP(a+1, "(") {
			continue
		}
		alias := x.T(a).identName()
		whole := map[int]bool{} // a select item that is the alias alone: named by it
		for _, items := range x.selectLists() {
			for _, it := range items {
				if it[1] == it[0]+1 {
					whole[it[0]] = true
				}
			}
		}
		for k := 0; k < x.n(); k++ {
			u := x.T(k)
			if k == a || u.ed || u.typ != tIdent && u.typ != tQIdent || u.identName() != alias ||
				x.isP(k-1, ".") || x.isP(k+1, ".") || x.isP(k+1, "(") || x.T(k-1).kw("AS") {
				continue
			}
			u.suf += ".value"
			if tf[1] == "0" { // as jsonValueCol (json_srf_from.go): jsonb's order
				u.pre = "(" + u.pre
				u.suf += " COLLATE " + JSONBCollation + ")"
			}
			if whole[k] && !x.T(k+1).kw("AS") {
				u.suf += " AS " + quoteIdent(alias)
			}
		}
	}
}

// arrayToJSONAgg rewrites array_to_json(array_agg(x ...)) to the
// aggregate pg_json_array_agg(x ...), whose argument jsonPass then types
// as json_agg's: the array of PostgreSQL (json[], bool[], numeric[] ...)
// keeps each element's JSON, where SQLite's array text would make a
// json element a string ("{\"id\":1}") and lose a boolean's
// true/false. Its output is array_to_json's: elements joined by ",".
func (x *tx) arrayToJSONAgg() {
	for i := 0; i+3 < x.n(); i++ {
		t, in := x.T(i), x.T(i+2)
		if t.typ != tIdent || !strings.EqualFold(t.text, "array_to_json") || x.isP(i-1, ".") || !x.isP(i+1, "(") ||
			in.typ != tIdent || !strings.EqualFold(in.text, "array_agg") || !x.isP(i+3, "(") {
			continue
		}
		if x.match(i+1) != x.match(i+3)+1 {
			continue // a second argument (pretty), FILTER, OVER
		}
		t.set("")
		x.T(i + 1).set("")
		x.T(x.match(i + 1)).set("")
		in.set("pg_json_array_agg")
	}
}

// jsonExpr reports whether a..b-1 is shown to be json or jsonb: a cast to
// them, a call of a function returning them, a rewritten jsonb operator.
func (x *tx) jsonExpr(a, b int, known map[int]bool) bool {
	if a >= b {
		return false
	}
	if known[a] && x.castEnd[b-1] == a {
		return true
	}
	if o := x.exprOID(a, b); o == pgoid.JSON || o == pgoid.JSONB {
		return true
	}
	t := x.T(a)
	if t.typ == tIdent && x.isP(a+1, "(") && x.match(a+1) == b-1 {
		if o := funcResultOIDs[strings.ToLower(t.text)]; o == pgoid.JSON || o == pgoid.JSONB {
			return true
		}
	}
	return false
}

// jsonMinus reports whether the - between ls..i-1 and i+1..re-1 is
// jsonb's (delete a key or an element), which jsonPass rewrites after
// the arithmetic and must find unrewritten: an operand shown to be jsonb,
// or a bare column minus a key (decided at run time).
func (x *tx) jsonMinus(ls, i, re int) bool {
	if x.jsonExpr(ls, i, nil) || x.jsonExpr(i+1, re, nil) || x.arrayShown(i+1, re) {
		return true // (jsonb - text[] is the only - of an array)
	}
	rt := x.jsonColumnOperand(ls, i, i+1, re, "-")
	return rt != "" && rt != "NULL"
}

// jsonColumnOperand returns the column type expression for a || or -
// between a bare column and a string literal (see the file comment), or
// "".
func (x *tx) jsonColumnOperand(la, lb, ra, rb int, op string) string {
	lit := func(a, b int) bool {
		if b != a+1 || x.T(a).typ != tString {
			return false
		}
		s, ok := unquoteString(x.T(a))
		s = strings.TrimSpace(s)
		if op == "-" { // not a date or interval text (datetime_columns.go)
			return ok && s != "" && !(s[0] >= '0' && s[0] <= '9' || s[0] == '-' || s[0] == '+')
		}
		return ok && (strings.HasPrefix(s, "{") || strings.HasPrefix(s, "["))
	}
	if op == "||" {
		// an array column || an element: a number, or a string cast to a
		// type (tags || 'x'::text); text concatenation would give
		// '{1,2}3'
		lit0 := lit
		lit = func(a, b int) bool {
			if b == a+1 && x.T(a).typ == tNumber {
				return true
			}
			if b > a+2 && x.T(a).typ == tString && x.T(a+1).typ == tCast {
				return true
			}
			// NULL is an unknown too: tags || NULL is tags (a NULL array)
			return lit0(a, b) || b == a+1 && x.T(a).kw("NULL")
		}
	}
	if t := x.columnOrConditionalType(la, lb); t != "" && lit(ra, rb) {
		return t
	}
	if t := x.columnOrConditionalType(ra, rb); t != "" && lit(la, lb) && op == "||" {
		return t
	}
	return ""
}

// columnOrConditionalType is the column type expression (columnTypeExpr)
// of a..b-1 when it is a bare column, or a CASE or a coalesce, nullif,
// greatest or least call with a bare column among its branches: the
// first such column's (coalesce(j, '{}') || '{"z": 1}' is jsonb's || over
// a jsonb column: it was text's, a silently different answer; a branch of
// another type beside it would be PostgreSQL's error); "" otherwise.
func (x *tx) columnOrConditionalType(a, b int) string {
	if t := x.derivedColumnType(a, b); t != "" { // concat_columns.go
		return t
	}
	if q, c, ok := x.bareColumn(a, b); ok {
		return x.columnTypeExpr(q, c)
	}
	a, b = x.unparen(a, b) // (CASE ... END) - 'a'
	if x.conditionalCall(a) {
		// a branch that is a derived table's column (columnSrcType below
		// reads only the statement's own tables): coalesce(a.ia, '{9}')
		// || 4 is array_append there too
		for _, br := range x.conditionalBranches(a, b) {
			if t := x.derivedColumnType(br[0], br[1]); t != "" {
				return t
			}
		}
	}
	if x.conditionalJSONBCond(a, b) == "" { // jsonb_conditional.go: such a conditional
		return ""
	}
	for _, br := range x.conditionalBranches(a, b) {
		if q, c, ok := x.bareColumn(br[0], br[1]); ok {
			return x.columnTypeExpr(q, c)
		}
	}
	return ""
}

// jsonbScalarConcat makes the || between ls..i-1 and rs..re-1, a bare
// column beside a string literal that is no document ('true', '"s"',
// '5': jsonColumnOperand takes '{...}' and '[...]'), jsonb's || where the
// column is jsonb at run time, PostgreSQL's reading of the literal as
// jsonb ('[1]'::jsonb || 'true' is [1, true]; it was 0A000 here). Any
// other column keeps text's || with the literal's check as written
// (textoperands.go: the || token is left to outTextConcatOps), in the
// ELSE branch of the same run-time form as jsonPass's.
func (x *tx) jsonbScalarConcat(ls, i, rs, re int) {
	if p, n := x.T(ls-1), x.T(re); ls > 0 && p.typ == tOp || re < x.n() && n.typ == tOp {
		return // 'a' || j || 'b': one operator of a chain; the run-time check refuses
	}
	scalar := func(a, b int) bool { // a literal jsonb reads (anything else is its 22P02 there)
		s, ok := unquoteString(x.T(a))
		_, err := jsonParse(s)
		return x.plainString(a, b) && ok && err == nil
	}
	q, c, ok := x.bareColumn(ls, i)
	if !ok || !scalar(rs, re) {
		if q, c, ok = x.bareColumn(rs, re); !ok || !scalar(ls, i) {
			return
		}
	}
	rt := x.columnTypeExpr(q, c)
	if rt == "" || rt == "NULL" {
		return
	}
	// around what outTextConcatOps wraps the operands in; an array column
	// reads the literal as its array type (22P02 for 'true'), as jsonPass's
	// form does, whose shape ConcatItems describes
	l, r := x.text(ls, i), x.text(rs, re)
	x.T(ls).wpre = "(CASE WHEN lower(" + rt + ") IN ('jsonb', '" + JSONBDeclType + "') THEN pg_jsonb_concat(" + l + ", " + r +
		") ELSE CASE WHEN substr(" + rt + ", 1, 1) = '_' THEN pg_array_concat(" + l + ", " + r + ", " + rt + ") ELSE " + x.T(ls).wpre
	x.T(re - 1).wsuf += " END END)"
}

// plainString reports whether a..b-1 is a string constant alone of
// unknown type ('...', E'...', U&'...', $$...$$; not the bit strings B'...'
// and X'...' or N'...', which are typed), whose type PostgreSQL resolves
// from the operator's other operand.
func (x *tx) plainString(a, b int) bool {
	if b != a+1 {
		return false
	}
	t := x.T(a)
	switch t.typ {
	case tDollar:
		return true
	case tString:
		return t.text[0] == '\'' || t.text[0] == 'E' || t.text[0] == 'e' || t.text[0] == 'U' || t.text[0] == 'u'
	}
	return false
}

// bareColumn reports whether a..b-1 is a column reference, col or
// qual.col, and returns its parts.
func (x *tx) bareColumn(a, b int) (qual, col string, ok bool) {
	switch {
	case b == a+1 && x.T(a).typ == tQIdent && !x.T(a).ed:
		return "", x.T(a).identName(), true
	case b == a+1 && x.T(a).typ == tIdent && !x.T(a).ed && x.endsOperand(a) && !reservedWord(x.T(a).upper()) && !isClauseKw(x.T(a).upper()):
		return "", x.T(a).identName(), true
	case b == a+3 && x.isP(a+1, ".") && (x.T(a).typ == tIdent || x.T(a).typ == tQIdent) && (x.T(a+2).typ == tIdent || x.T(a+2).typ == tQIdent):
		return x.T(a).identName(), x.T(a + 2).identName(), true
	}
	return "", "", false
}

// jsonOrdinality reads WITH ORDINALITY after the json table function at
// i..e (already json_each over the prepared value): references to its
// ordinality column become the row's 1-based position, an element's
// array index plus one (json_each's key over the array of elements), a
// key/value pair's count of the pairs up to it (json_each's ids rise in
// document order). The FROM item needs an alias to name its row.
func (x *tx) jsonOrdinality(i, e int, tf [2]string) error {
	name := strings.ToLower(x.T(i).text)
	j := e + 3
	if x.kw(j, "AS") {
		j++
	}
	at := x.T(j)
	if !(at.typ == tIdent && !isClauseKw(at.upper()) && !reservedWord(at.upper()) || at.typ == tQIdent) {
		return unsupported("%s() WITH ORDINALITY without an alias is not supported", name)
	}
	if x.isP(j+1, "(") {
		return unsupported("a column alias list on %s() is not supported", name)
	}
	alias := quoteIdent(at.identName())
	ord := "CAST(" + alias + ".key + 1 AS BIGINT)"
	if tf[0] == "pg_jsonb_each" {
		ord = "(SELECT count(*) FROM json_each(" + tf[0] + "(" + x.text(i+2, e) + ", " + tf[1] + ")) AS pg_ord WHERE pg_ord.id <= " + alias + ".id)"
	}
	x.blank(e+1, e+3)
	whole := map[int]bool{}
	for _, items := range x.selectLists() {
		for _, it := range items {
			if it[1] == it[0]+1 || it[1] == it[0]+3 && x.isP(it[0]+1, ".") {
				whole[it[1]-1] = true
			}
		}
	}
	for k := 0; k < x.n(); k++ {
		u := x.T(k)
		if u.ed || u.typ != tIdent && u.typ != tQIdent || u.identName() != "ordinality" || x.isP(k+1, "(") || x.isP(k+1, ".") || x.T(k-1).kw("AS") {
			continue
		}
		if x.isP(k-1, ".") {
			if x.T(k-2).identName() != at.identName() {
				continue
			}
			x.T(k - 2).set("")
			x.T(k - 1).set("")
		}
		u.set(ord)
		if whole[k] {
			u.suf += " AS ordinality"
		}
	}
	return nil
}
