package pgdialect

// typecompare.go: the comparisons PostgreSQL has no operator for among
// the types SQLite stores as text. json (unlike jsonb) and xml have no
// equality and no ordering operator, so PostgreSQL refuses json = json,
// xml < unknown, ORDER BY, GROUP BY, DISTINCT, UNION, count(DISTINCT ...)
// and min/max of such a value with 42883; money compares only with money
// (and an unknown literal, which becomes money), so money < 5 and
// m IN (1, 2) are 42883 too, as are the numeric functions over money
// (abs(money), round(money), ...). SQLite would compare the texts (or a
// text with a number): a silently different answer. The check here
// refuses, before anything is translated, the forms whose type the
// statement itself shows:
//
//	'…'::json, CAST(… AS json)                       a cast to json, xml, money, macaddr
//	to_json(…), json_build_object(…), json_agg(…), …  a function returning json
//	(e)                                               e of the above
//
// compared by = <> != < > <= >= (or BETWEEN, IN) with an operand of a
// type it has no operator with (another json, an unknown: a quoted
// literal, NULL; a number), or as an ORDER BY / GROUP BY / DISTINCT item
// or min/max argument. The operand's extent is read
// conservatively: anything the check cannot delimit (an operator of
// higher precedence next to it, a subscript, a multi-word type) is let
// through, so nothing PostgreSQL accepts is refused. A json column's type
// is not visible here (the translator has no schema): typecompare_columns.go
// runs the same reading on the SQLite text with the catalog (every column
// of a known type). The common type of COALESCE, GREATEST, LEAST, CASE
// and set operations: typecompare_common.go.

import (
	"strconv"
	"strings"
)

// jsonResultFuncs are PostgreSQL 15's functions returning json (not jsonb).
var jsonResultFuncs = map[string]bool{"to_json": true, "array_to_json": true, "row_to_json": true,
	"json_build_array": true, "json_build_object": true, "json_object": true, "json_agg": true,
	"json_object_agg": true, "json_strip_nulls": true, "json_extract_path": true}

// jsonbResultFuncs are the functions whose result is jsonb.
var jsonbResultFuncs = map[string]bool{"to_jsonb": true, "jsonb_build_array": true, "jsonb_build_object": true,
	"jsonb_object": true, "jsonb_agg": true, "jsonb_object_agg": true, "jsonb_strip_nulls": true,
	"jsonb_extract_path": true, "jsonb_set": true, "jsonb_set_lax": true, "jsonb_insert": true,
	"jsonb_path_query_first": true, "jsonb_path_query_array": true}

// jsonChainOps are the operators whose result over a json (jsonb) left
// operand is json (jsonb): j -> 'a', j #> '{a}'; and jsonb's - and #-.
var jsonChainOps = map[string]bool{"->": true, "#>": true, "-": true, "#-": true}

// collatedKeepsType are the SQLite text's calls whose collation (X
// COLLATE c) leaves X's type as it is: a set operation's numeric item
// (setoptypes.go), j -> k and j #> path (jsonb_order.go). (A cast to
// text with the numeric collation is a number's, not text's.)
var collatedKeepsType = map[string]bool{"pg_setop_value": true, "pg_jsonb_get": true, "pg_jsonb_path": true}

// liteJSONFuncs are jsonResultFuncs' names in the SQLite text.
var liteJSONFuncs = func() map[string]bool {
	out := map[string]bool{}
	for pg, lite := range jsonFuncRenames {
		if jsonResultFuncs[pg] {
			out[lite] = true
		}
	}
	return out
}()

// jsonCmpOps are the comparison operators; json has none.
var jsonCmpOps = map[string]bool{"=": true, "<>": true, "!=": true, "<": true, ">": true, "<=": true, ">=": true}

// jsonCmpBefore: keywords after which an operand starts an expression whose
// operators bind tighter than comparison (so the operand is the
// comparison's whole left side).
var jsonCmpBefore = map[string]bool{"SELECT": true, "WHERE": true, "AND": true, "OR": true, "NOT": true,
	"ON": true, "WHEN": true, "THEN": true, "ELSE": true, "HAVING": true, "RETURNING": true}

// jsonCmpAfter: keywords that end a comparison's right operand.
var jsonCmpAfter = map[string]bool{"AND": true, "OR": true, "THEN": true, "WHEN": true, "ELSE": true,
	"END": true, "FROM": true, "WHERE": true, "GROUP": true, "ORDER": true, "HAVING": true, "LIMIT": true,
	"OFFSET": true, "UNION": true, "INTERSECT": true, "EXCEPT": true, "AS": true, "RETURNING": true,
	"WINDOW": true, "FETCH": true, "IS": true}

// jsonListEnd: keywords that end a DISTINCT select list or a GROUP BY or
// ORDER BY list.
var jsonListEnd = map[string]bool{"FROM": true, "WHERE": true, "GROUP": true, "HAVING": true,
	"ORDER": true, "LIMIT": true, "OFFSET": true, "UNION": true, "INTERSECT": true, "EXCEPT": true,
	"WINDOW": true, "INTO": true, "FETCH": true, "FOR": true, "ROWS": true, "RANGE": true, "GROUPS": true}

// jsonRefused is a refusal found at token tok (-1: at a token of the
// translator's own, moneyFuncCall's renamed function).
type jsonRefused struct {
	tok           int
	message, hint string
	code          string // the SQLSTATE; "" is 42883
}

// sqlState is r's SQLSTATE.
func (r *jsonRefused) sqlState() string {
	if r.code == "" {
		return "42883"
	}
	return r.code
}

// jsonTyping says which operands are json, jsonb, xml or money beyond
// what the statement's text shows: col reports the type
// (typedColumnTypes') of the column a reference at token k surely names,
// else "" (typecompare_columns.go, on the SQLite text); nil in the translator's
// pass.
type jsonTyping struct {
	col func(k int) string
}

// noEquality: PostgreSQL's types here with no equality and no ordering
// operator at all.
func noEquality(typ string) bool { return typ == "json" || typ == "xml" }

// noMinMax: the types besides json and xml PostgreSQL 15 has no min/max
// for: jsonb, the MAC addresses, the bit strings and the range types
// (which SQLite's min/max would answer by their stored order).
var noMinMax = func() map[string]bool {
	out := map[string]bool{"jsonb": true, "macaddr": true, "macaddr8": true, "bit": true, "bit varying": true}
	for _, k := range rangeKinds {
		out[k.name] = true
	}
	return out
}()

// noComparison: PostgreSQL has no comparison operator between operands of
// types l and r (both known): json and xml have none, money none but
// with money (an unknown literal becomes money), a number none with a
// string (numberString).
func noComparison(l, r string) bool {
	if l == "" || r == "" {
		return false
	}
	return noEquality(l) || noEquality(r) || l == "money" && r != "money" && r != "unknown" ||
		r == "money" && l != "money" && l != "unknown" || numberString(l, r) || numberString(r, l)
}

// cmpNumberTypes and cmpStringTypes are the number and string types (by
// format_type's names) between which PostgreSQL has no comparison and no
// implicit cast: int_col = text_col and text_col = 5 are 42883 `operator
// does not exist: integer = text`, where SQLite compared the stored
// values and answered. A quoted literal is unknown, of the other
// operand's type ('5' = int_col is integer = integer), so it never
// counts.
var (
	cmpNumberTypes = map[string]bool{"smallint": true, "integer": true, "bigint": true, "numeric": true, "real": true, "double precision": true}
	cmpStringTypes = map[string]bool{"text": true, "character varying": true, "character": true}
)

// numberString reports whether l is a number type and r a string type.
func numberString(l, r string) bool { return cmpNumberTypes[l] && cmpStringTypes[r] }

// Hints PostgreSQL gives with the refusals.
const (
	jsonOperatorHint = "No operator matches the given name and argument types. You might need to add explicit type casts."
	jsonFunctionHint = "No function matches the given name and argument types. You might need to add explicit type casts."
	jsonOrderHint    = "Use an explicit ordering operator or modify the query."
)

// jsonCompare returns PostgreSQL's 42883 for the first comparison, sort,
// grouping or min/max of a visibly json- or xml-typed value, or a money
// value compared with a number, or nil.
func (x *tx) jsonCompare() *Error {
	if !x.mentionsJSON() {
		return nil
	}
	for k := 0; k < x.n(); k++ {
		if r := x.jsonCompareAt(k, jsonTyping{}); r != nil {
			return &Error{Code: r.sqlState(), Message: r.message, Hint: r.hint, Position: x.charPos(r.tok)}
		}
	}
	return nil
}

// mentionsJSON is the fast path: no json, xml, money or macaddr cast and
// no json function, nothing to check.
func (x *tx) mentionsJSON() bool {
	for k := 0; k < x.n(); k++ {
		t := x.T(k)
		if t.typ == tIdent && (t.kw("JSON") || t.kw("JSONB") || t.kw("XML") || t.kw("MONEY") || t.kw("MACADDR") || t.kw("MACADDR8") || jsonResultFuncs[strings.ToLower(t.text)] || jsonbResultFuncs[strings.ToLower(t.text)]) {
			return true
		}
		if noMinMax[cmpCastType(t)] || x.bitConstant(k) {
			return true // min('[1,2)'::int4range), max(B'101')
		}
	}
	return false
}

// jsonCompareAt checks the construct starting at token k.
func (x *tx) jsonCompareAt(k int, ty jsonTyping) *jsonRefused {
	if r := x.jsonOperatorAt(k, ty); r != nil {
		return r // json_operators.go
	}
	if r := x.aggArgRefusal(k, ty); r != nil {
		return r // aggregate_argtypes.go
	}
	if r := x.arrayAggOfArray(k, ty); r != nil {
		return r // arrayagg_arrays.go
	}
	t := x.T(k)
	switch {
	case t.kw("SELECT"):
		return x.jsonSetOp(k, ty, nil)
	case x.kw(k, "ORDER", "BY"):
		return x.jsonListItems(k+2, "ordering", true, ty)
	case x.kw(k, "GROUP", "BY"):
		return x.jsonListItems(k+2, "equality", false, ty)
	case t.kw("DISTINCT") && !x.kw(k+1, "ON") && !x.kw(k-1, "IS") && !x.kw(k-2, "IS", "NOT"):
		return x.jsonListItems(k+1, "equality", false, ty)
	case ty.col != nil && strings.EqualFold(t.text, "pg_cmp") && x.isP(k+1, "("):
		return x.jsonPgCmp(k, ty)
	case t.typ == tIdent && (t.kw("MIN") || t.kw("MAX")) && x.isP(k+1, "(") && !x.isP(k-1, "."):
		m, a := x.match(k+1), k+2
		if x.kw(a, "DISTINCT") || x.kw(a, "ALL") {
			a++ // max(DISTINCT v) is max(v)'s
		}
		end, typ, ok := x.jsonOperand(a, ty)
		for ok && end < m && (typ == "json" || typ == "jsonb") && x.T(end).typ == tOp && jsonChainOps[x.T(end).text] &&
			(typ == "jsonb" || x.T(end).text == "->" || x.T(end).text == "#>") {
			// max(j -> 'a'): of the left operand's type
			end, _, ok = x.jsonOperand(end+1, ty)
		}
		if ok && end == m && (noEquality(typ) || noMinMax[typ]) {
			return &jsonRefused{k, "function " + strings.ToLower(t.text) + "(" + typ + ") does not exist", jsonFunctionHint, ""}
		}
		if ty.col != nil {
			return x.commonTypeCall(k, ty) // GREATEST, LEAST (typecompare_common.go)
		}
	case t.kw("CASE"):
		if r := x.caseCommon(k, ty); r != nil {
			return r
		}
	case t.typ == tIdent && x.isP(k+1, "(") && !x.isP(k-1, "."):
		if r := x.moneyFuncCall(k, ty); r != nil {
			return r
		}
		if r := x.commonTypeCall(k, ty); r != nil {
			return r
		}
	}
	if !x.jsonCmpStart(k) {
		return nil
	}
	end, left, ok := x.jsonOperand(k, ty)
	if !ok {
		return nil
	}
	in, eq := end, "="
	if x.kw(end, "NOT", "IN") {
		in, eq = end+1, "<>"
	}
	if (noEquality(left) || left == "money" || cmpNumberTypes[left] || cmpStringTypes[left]) && x.kw(in, "IN") && x.isP(in+1, "(") && !x.isSubquery(in+1) {
		if right := x.jsonInListType(in+1, left, ty); right != "" {
			return &jsonRefused{end, "operator does not exist: " + left + " " + eq + " " + right, jsonOperatorHint, ""}
		}
		return nil
	}
	if r := x.jsonBetween(end, left, ty); r != nil || x.kw(end, "BETWEEN") || x.kw(end, "NOT", "BETWEEN") {
		return r
	}
	if u := strings.ToUpper(x.T(end).text); u == "IS DISTINCT FROM" || u == "IS NOT DISTINCT FROM" {
		// (one token to the lexer) compares by =
		if end2, right, ok := x.jsonOperand(end+1, ty); ok && x.jsonCmpEnd(end2) && (numberString(left, right) || numberString(right, left)) {
			return &jsonRefused{end, "operator does not exist: " + left + " = " + right, jsonOperatorHint, ""}
		}
		return nil
	}
	op := x.T(end)
	if op.typ != tOp || !jsonCmpOps[op.text] {
		return nil
	}
	end2, right, ok := x.jsonOperand(end+1, ty)
	if !ok || !x.jsonCmpEnd(end2) || !noComparison(left, right) {
		return nil
	}
	return &jsonRefused{end, "operator does not exist: " + left + " " + op.text + " " + right, jsonOperatorHint, ""}
}

// jsonListItems checks the items of the list starting at a: an item that is
// a json value is PostgreSQL's "could not identify an <what> operator".
func (x *tx) jsonListItems(a int, what string, order bool, ty jsonTyping) *jsonRefused {
	d := x.depth[min(a, x.n()-1)]
	for s := a; s < x.n(); {
		e := s
		// a ")" closing the list's parenthesis has the depth outside it
		for e < x.n() && !(x.depth[e] == d && (x.isP(e, ",") || x.isP(e, ";") ||
			x.T(e).typ == tIdent && jsonListEnd[x.T(e).upper()])) && x.depth[e] >= d {
			e++
		}
		end, typ, ok := x.jsonOperand(s, ty)
		if ok && typ == "integer" && order && x.jsonItemEnd(end, e, order) {
			typ = x.jsonOrdinalType(s, ty)
		}
		if ok && order && end == s+1 && x.jsonItemEnd(end, e, order) {
			if t, named := x.jsonAliasType(s, ty); named {
				typ = t // ORDER BY x names the output column x first
			}
		}
		if ok && noEquality(typ) && x.jsonItemEnd(end, e, order) {
			r := &jsonRefused{s, "could not identify an " + what + " operator for type " + typ, "", ""}
			if order {
				r.hint = jsonOrderHint
			}
			return r
		}
		if !x.isP(e, ",") || x.depth[e] != d {
			return nil
		}
		s = e + 1
	}
	return nil
}

// jsonItemEnd: the operand ending at end is the whole list item ending at e
// (followed only by a sort direction, or by an output alias).
func (x *tx) jsonItemEnd(end, e int, order bool) bool {
	if end == e {
		return true
	}
	if order {
		return x.kw(end, "ASC") || x.kw(end, "DESC") || x.kw(end, "NULLS")
	}
	return x.kw(end, "AS") || end+1 == e && (x.T(end).typ == tIdent || x.T(end).typ == tQIdent)
}

// jsonCmpStart: an operand at k would be the whole left side of a
// comparison following it.
func (x *tx) jsonCmpStart(k int) bool {
	if k == 0 || x.isP(k-1, "(") || x.isP(k-1, ",") || x.isP(k-1, ";") {
		return true
	}
	p := x.T(k - 1)
	return p.typ == tIdent && jsonCmpBefore[p.upper()]
}

// jsonCmpEnd: the right operand of a comparison ends at token e.
func (x *tx) jsonCmpEnd(e int) bool {
	if e >= x.n() || x.isP(e, ")") || x.isP(e, ",") || x.isP(e, ";") {
		return true
	}
	t := x.T(e)
	return t.typ == tIdent && jsonCmpAfter[t.upper()]
}

// jsonOperand reads a primary expression with its casts at s: its end
// and PostgreSQL's name of its type ("json", "jsonb", "xml", "money",
// "text", "unknown", "integer", "bigint", "numeric"), "" when the check
// does not know it; ok false when s starts none.
func (x *tx) jsonOperand(s int, ty jsonTyping) (end int, typ string, ok bool) {
	t := x.T(s)
	switch {
	case s >= x.n():
		return s, "", false
	case ty.col == nil && x.bitConstant(s):
		end, typ = s+1, "bit"
	case t.typ == tString:
		end, typ = s+1, "unknown"
	case t.kw("NULL"):
		end, typ = s+1, "unknown"
	case t.typ == tNumber:
		end, typ = s+1, numberLiteralType(t.text)
	case t.kw("CAST") && x.isP(s+1, "("):
		m := x.match(s + 1)
		if m < 0 {
			return s, "", false
		}
		end = m + 1
		if x.kw(m-2, "AS") {
			typ = cmpCastType(x.T(m - 1))
		}
		if _, _, col := x.bareColumn(s+2, m-2); typ == "text" && ty.col != nil && !(m-2 == s+3 && x.T(s+2).typ == tString) && !col {
			// the translation's own CAST(expr AS TEXT) around a numeric
			// value (trunc(n, 0), a numeric constant): no text to the
			// client; a literal's or a column's cast is the client's
			typ = ""
		}
	case t.kw("CASE"):
		// of its results' common type (typecompare_common.go): max(CASE
		// WHEN b THEN j END) of a jsonb column is 42883 too
		e := x.caseEnd(s)
		if e >= x.n() {
			return s, "", false
		}
		end = e + 1
		typ, _ = x.caseCommonType(s, ty)
	case t.typ == tIdent && x.isP(s+1, "("):
		m := x.match(s + 1)
		if m < 0 {
			return s, "", false
		}
		end = m + 1
		if !x.isP(s-1, ".") {
			typ, _ = x.callCommonType(s, ty) // coalesce(j, k): as CASE's
		}
		switch {
		case ty.col != nil:
			// the SQLite text: a literal compared with a column is read
			// by the column's type at run time (enforce.go's wrapIn)
			if _, ok := x.commonLiteral(s); ok || strings.EqualFold(t.text, "pg_in_col") && x.T(m-1).typ == tString && (x.T(m-1).text == "'unknown'" || x.T(m-1).text == "'compared'") {
				typ = "unknown"
			}
			if liteJSONFuncs[strings.ToLower(t.text)] {
				typ = "json"
			}
			if strings.EqualFold(t.text, "pg_cast_xml") {
				typ = "xml"
			}
			if f := strings.ToLower(t.text); (f == "pg_jsonb_get" || f == "pg_jsonb_path") && jsonValueMode(x, x.splitTop(s+2, m)) {
				// j -> k, j #> path (jsonb_translate.go): of j's type
				if e, in, ok := x.jsonOperand(s+2, ty); ok && (in == "json" || in == "jsonb") && x.isP(e, ",") {
					typ = in
				}
			}
			if strings.EqualFold(t.text, "pg_setop_value") {
				// a set operation's numeric item (setoptypes.go): the
				// type its second argument names, else its first
				// argument's type
				args := x.splitTop(s+2, m)
				if e, in, ok := x.jsonOperand(s+2, ty); ok && len(args) > 1 && e == args[0][1] {
					typ = in
				}
				if a := args[min(1, len(args)-1)]; len(args) > 1 && a[1] == a[0]+1 && x.T(a[0]).typ == tString {
					if t := typeAlias[strings.Trim(x.T(a[0]).text, "'")]; t != nil {
						typ = t.format
					}
				}
			}
		case jsonResultFuncs[strings.ToLower(t.text)] && !x.isP(s-1, "."):
			typ = "json"
		case jsonbResultFuncs[strings.ToLower(t.text)] && !x.isP(s-1, ".") && ty.col == nil:
			typ = "jsonb"
		case rangeKindNamed(t.text) != nil && !x.isP(s-1, "."):
			typ = rangeKindNamed(t.text).name // a constructor: int4range(1, 5)
		}
	case x.isP(s, "("):
		m := x.match(s)
		if m < 0 {
			return s, "", false
		}
		end = m + 1
		if e, in, ok := x.jsonOperand(s+1, ty); ok && (e == m ||
			ty.col != nil && collatedKeepsType[strings.ToLower(x.T(s+1).text)] && x.kw(e, "COLLATE") && e+2 == m) {
			typ = in
		}
	case t.typ == tIdent || t.typ == tQIdent:
		end = s + 1
		for x.isP(end, ".") && (x.T(end+1).typ == tIdent || x.T(end+1).typ == tQIdent) {
			end += 2
		}
		if ty.col != nil {
			typ = ty.col(s)
		}
	default:
		return s, "", false
	}
	for x.T(end).typ == tCast {
		if x.T(end+1).typ != tIdent {
			return end, "", true
		}
		typ = ""
		if !x.isP(end+2, "[") && !x.isP(end+2, "(") {
			typ = cmpCastType(x.T(end + 1))
		} else if c := cmpCastType(x.T(end + 1)); noMinMax[c] && x.isP(end+2, "(") && x.match(end+2) > 0 {
			typ, end = c, x.match(end+2)-1 // ::bit(3): its length changes no type
		}
		end += 2
	}
	return end, typ, true
}

// jsonOrdinalType: the type (jsonOperand's) of the select item that ORDER
// BY's integer at s names (ORDER BY 2), read in its query level's select
// list.
func (x *tx) jsonOrdinalType(s int, ty jsonTyping) string {
	n, err := strconv.Atoi(x.T(s).text)
	sel := x.innermostSelect(s)
	if err != nil || n < 1 || sel < 0 {
		return ""
	}
	l := x.levelAt(sel)
	if l.order < 0 || s < l.order+2 || s >= l.next(l.order) || x.depth[s] != x.depth[l.order] {
		return "" // an aggregate's or window's ORDER BY 1 sorts by the constant
	}
	items := x.jsonSelectItems(l)
	if n > len(items) {
		return ""
	}
	it := items[n-1]
	if end, typ, ok := x.jsonOperand(it[0], ty); ok && x.jsonItemEnd(end, it[1], false) {
		return typ
	}
	return ""
}

// jsonAliasType: the type ("json" or "") of the select item whose output
// name the identifier at s (an ORDER BY item of its query level) is, as
// PostgreSQL reads ORDER BY x: an output column before an input column;
// named is false when no item is named so.
func (x *tx) jsonAliasType(s int, ty jsonTyping) (typ string, named bool) {
	t := x.T(s)
	if t.typ != tIdent && t.typ != tQIdent || x.isP(s+1, ".") || x.isP(s-1, ".") {
		return "", false
	}
	sel := x.innermostSelect(s)
	if sel < 0 {
		return "", false
	}
	l := x.levelAt(sel)
	if l.order < 0 || s < l.order+2 || s >= l.next(l.order) || x.depth[s] != x.depth[l.order] {
		return "", false
	}
	name := t.identName()
	for _, it := range x.jsonSelectItems(l) {
		end, typ, ok := x.jsonOperand(it[0], ty)
		a := it[1] - 1
		if !ok || end == it[1] || a < it[0] || !(x.T(a).typ == tIdent || x.T(a).typ == tQIdent) || x.T(a).identName() != name {
			continue
		}
		if !x.jsonItemEnd(end, it[1], false) {
			return "", true // named by an item the check cannot type
		}
		return typ, true
	}
	return "", false
}

// jsonSelectItems: the select items of level l (after DISTINCT).
func (x *tx) jsonSelectItems(l gsLevel) [][2]int {
	items := l.items
	if x.kw(items, "DISTINCT") {
		if x.kw(items+1, "ON") {
			return nil
		}
		items++
	}
	return x.splitTop(items, l.next(items))
}

// jsonSetOp: the SELECT at s starts the first arm of a UNION, INTERSECT
// or EXCEPT. PostgreSQL resolves the set operations left to right, each
// column in turn: the arms' types are matched (json, xml or money with
// a known type of another category is 42804 `UNION types json and
// integer cannot be matched` at the later item, with one of the same
// category 42846 `UNION could not convert type jsonb to json`:
// selectCommonType, typecompare_common.go; an
// unknown literal takes the other's type, two unknowns are text), then
// an operation other than UNION ALL needs the type's equality: json and
// xml are 42883 at the item that decided the type, the first such one
// (`SELECT '1' UNION SELECT j` at j). armTyping types the
// column references of the arm at a given SELECT (nil: ty for all).
// Arms that are no plain SELECT end the reading.
func (x *tx) jsonSetOp(s int, ty jsonTyping, armTyping func(int) jsonTyping) *jsonRefused {
	d := x.depth[s]
	if p := s - 1; p >= 0 && x.depth[p] == d && (x.kw(p, "UNION") || x.kw(p, "INTERSECT") ||
		x.kw(p, "EXCEPT") || x.kw(p, "ALL") || x.kw(p, "DISTINCT")) {
		return nil // a later arm
	}
	l := x.levelAt(s)
	if !l.compound {
		return nil
	}
	// the SQLite text's UNION is UNION ALL inside a DISTINCT
	// (unionfirst.go)
	wrapped := s >= 5 && x.isP(s-1, "(") && x.unionArms(s-5) != ""
	items := x.jsonSelectItems(l)
	cur := make([]string, len(items))
	best := make([]int, len(items))
	for c, it := range items {
		cur[c], best[c] = x.jsonSetItemType(it, ty), it[0]
	}
	for k := l.end; k < x.n() && x.depth[k] >= d; k++ {
		if x.depth[k] == d && x.isP(k, ";") {
			break
		}
		if x.depth[k] != d || !(x.kw(k, "UNION") || x.kw(k, "INTERSECT") || x.kw(k, "EXCEPT")) {
			continue
		}
		opName, all := x.T(k).upper(), x.kw(k+1, "ALL")
		arm := k + 1
		if x.kw(arm, "ALL") || x.kw(arm, "DISTINCT") {
			arm++
		}
		if !x.kw(arm, "SELECT") {
			return nil
		}
		aty := ty
		if armTyping != nil {
			aty = armTyping(arm)
		}
		al := x.levelAt(arm)
		aitems := x.jsonSelectItems(al)
		if len(aitems) != len(items) {
			return nil
		}
		needEq := !(opName == "UNION" && all) || wrapped
		for c, it := range aitems {
			t := x.jsonSetItemType(it, aty)
			switch {
			case noEquality(cur[c]) && t == "":
				// not known here: the type or one that does not match
				// it, refused either way
			default:
				// "": not known here, the column is let through
				common, r := selectCommonType(opName, []string{cur[c], t}, []int{best[c], it[0]})
				if r != nil {
					return r
				}
				if cur[c] == "unknown" && t != "unknown" {
					best[c] = it[0]
				}
				cur[c] = common
			}
			if needEq && noEquality(cur[c]) {
				return &jsonRefused{best[c], "could not identify an equality operator for type " + cur[c], "", ""}
			}
			if cur[c] == "unknown" {
				cur[c] = "text"
			}
		}
		k = al.end - 1
	}
	return nil
}

// setOpChecked: the types whose matching in a set operation the check
// refuses (json, xml, money): no implicit cast to or from any other type
// it knows.
func setOpChecked(typ string) bool { return noEquality(typ) || typ == "money" }

// jsonSetItemType: jsonOperand's type of the select item it when the
// operand is the whole item (before an output alias), else "".
func (x *tx) jsonSetItemType(it [2]int, ty jsonTyping) string {
	if end, typ, ok := x.jsonOperand(it[0], ty); ok && x.jsonItemEnd(end, it[1], false) {
		return typ
	}
	return ""
}

// jsonInListType: the right operand type PostgreSQL names for left IN
// the list in parentheses at p, "" when it has the operator or the check
// cannot tell. Several items that all resolve to left's type (left's
// type or unknown) are compared as one array: for json and xml, left's
// type; otherwise each item by = (NOT IN: <>), and the first item with no
// operator names it (money = integer).
func (x *tx) jsonInListType(p int, left string, ty jsonTyping) string {
	m := x.match(p)
	if m < 0 {
		return ""
	}
	items := x.splitTop(p+1, m)
	common := len(items) > 1
	var types []string
	for _, it := range items {
		end, typ, ok := x.jsonOperand(it[0], ty)
		if !ok || end != it[1] {
			typ = ""
		}
		types = append(types, typ)
		common = common && (typ == left || typ == "unknown")
	}
	if common {
		if noEquality(left) {
			return left
		}
		return ""
	}
	for _, typ := range types {
		if typ == "" {
			return ""
		}
		if noComparison(left, typ) {
			return typ
		}
	}
	return ""
}

// jsonBetween: left [NOT] BETWEEN a AND b at end is left >= a AND left
// <= b (NOT: left < a OR left > b) to PostgreSQL, which names the first
// comparison with no operator at BETWEEN (NOT BETWEEN: at NOT).
func (x *tx) jsonBetween(end int, left string, ty jsonTyping) *jsonRefused {
	b, lo, hi := end, ">=", "<="
	if x.kw(end, "NOT", "BETWEEN") {
		b, lo, hi = end+1, "<", ">"
	}
	if !x.kw(b, "BETWEEN") || x.kw(b+1, "SYMMETRIC") || x.kw(b+1, "ASYMMETRIC") || left == "" {
		return nil
	}
	e1, t1, ok := x.jsonOperand(b+1, ty)
	if !ok || !x.kw(e1, "AND") {
		return nil
	}
	e2, t2, ok := x.jsonOperand(e1+1, ty)
	if !ok || !x.jsonCmpEnd(e2) {
		return nil
	}
	switch {
	case noComparison(left, t1):
		return &jsonRefused{end, "operator does not exist: " + left + " " + lo + " " + t1, jsonOperatorHint, ""}
	case noComparison(left, t2):
		return &jsonRefused{end, "operator does not exist: " + left + " " + hi + " " + t2, jsonOperatorHint, ""}
	}
	return nil
}

// numberLiteralType is PostgreSQL's type of an unsigned number constant:
// integer, bigint past int4, else numeric.
func numberLiteralType(s string) string {
	if _, err := strconv.ParseInt(s, 10, 32); err == nil {
		return "integer"
	}
	if _, err := strconv.ParseInt(s, 10, 64); err == nil {
		return "bigint"
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return "numeric"
	}
	return "" // 0x1F, 1_000: let through
}

// cmpCastType: the type a cast to the type name at t gives, when it is
// one the check knows ("" otherwise).
func cmpCastType(t *token) string {
	for _, name := range []string{"json", "jsonb", "xml", "money", "text", "macaddr", "macaddr8", "bit", "varbit"} {
		if t.typ == tIdent && t.kw(strings.ToUpper(name)) {
			return typeAlias[name].format // varbit: bit varying
		}
	}
	if t.typ == tIdent {
		if k := rangeKindNamed(t.text); k != nil {
			return k.name
		}
	}
	return ""
}

// bitConstant reports whether token s is a bit string constant (B'101',
// X'1F') of the statement as the client wrote it.
func (x *tx) bitConstant(s int) bool {
	t := x.T(s)
	return t.typ == tString && strings.ContainsRune("bBxX", rune(t.text[0]))
}

// jsonPgCmp: the SQLite text's pg_cmp(a, b) op 0 at k is the comparison
// a op b (arith.go writes numeric and derived columns' comparisons so;
// the caret maps back from its op).
func (x *tx) jsonPgCmp(k int, ty jsonTyping) *jsonRefused {
	m := x.match(k + 1)
	args := x.splitTop(k+2, m)
	op := x.T(m + 1)
	if m < 0 || len(args) != 2 || op.typ != tOp || !jsonCmpOps[op.text] || x.T(m+2).text != "0" {
		return nil
	}
	var types [2]string
	for i, a := range args {
		end, typ, ok := x.jsonOperand(a[0], ty)
		if !ok || end != a[1] || typ == "" {
			return nil
		}
		types[i] = typ
	}
	if !noComparison(types[0], types[1]) && !crossCategory(types[0], types[1]) {
		return nil
	}
	return &jsonRefused{m + 1, "operator does not exist: " + types[0] + " " + op.text + " " + types[1], jsonOperatorHint, ""}
}
