package pgdialect

// json_compare.go: PostgreSQL's json (unlike jsonb) has no equality and no
// ordering operator, so it refuses json = json, json < unknown, ORDER BY,
// GROUP BY, DISTINCT, count(DISTINCT ...) and min/max of a json value with
// 42883. SQLite stores json as text and would compare the texts: a
// silently different answer. The check here refuses, before anything is
// translated, the forms whose json type the statement itself shows:
//
//	'…'::json, CAST(… AS json)                       a cast to json
//	to_json(…), json_build_object(…), json_agg(…), …  a function returning json
//	(e)                                               e of the above
//
// compared by = <> != < > <= >= with another json or an unknown (a quoted
// literal, NULL) or integer operand, or as an ORDER BY / GROUP BY /
// DISTINCT item or min/max argument. The operand's extent is read
// conservatively: anything the check cannot delimit (an operator of
// higher precedence next to it, a subscript, a multi-word type) is let
// through, so nothing PostgreSQL accepts is refused. A json column's type
// is not visible here (the translator has no schema): json_columns.go
// runs the same reading on the SQLite text with the catalog.

import (
	"strconv"
	"strings"
)

// jsonResultFuncs are PostgreSQL 15's functions returning json (not jsonb).
var jsonResultFuncs = map[string]bool{"to_json": true, "array_to_json": true, "row_to_json": true,
	"json_build_array": true, "json_build_object": true, "json_object": true, "json_agg": true,
	"json_object_agg": true, "json_strip_nulls": true, "json_extract_path": true}

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

// jsonRefused is a refusal found at token tok.
type jsonRefused struct {
	tok           int
	message, hint string
}

// jsonTyping says which operands are json beyond what the statement's
// text shows: col reports a column reference at token k naming a json
// column (json_columns.go, on the SQLite text); nil in the translator's
// pass.
type jsonTyping struct {
	col func(k int) bool
}

// Hints PostgreSQL gives with the refusals.
const (
	jsonOperatorHint = "No operator matches the given name and argument types. You might need to add explicit type casts."
	jsonFunctionHint = "No function matches the given name and argument types. You might need to add explicit type casts."
	jsonOrderHint    = "Use an explicit ordering operator or modify the query."
)

// jsonCompare returns PostgreSQL's 42883 for the first comparison, sort,
// grouping or min/max of a visibly json-typed value, or nil.
func (x *tx) jsonCompare() *Error {
	if !x.mentionsJSON() {
		return nil
	}
	for k := 0; k < x.n(); k++ {
		if r := x.jsonCompareAt(k, jsonTyping{}); r != nil {
			return &Error{Code: "42883", Message: r.message, Hint: r.hint, Position: x.charPos(r.tok)}
		}
	}
	return nil
}

// mentionsJSON is the fast path: no json cast or json function, nothing to check.
func (x *tx) mentionsJSON() bool {
	for k := 0; k < x.n(); k++ {
		t := x.T(k)
		if t.typ == tIdent && (t.kw("JSON") || jsonResultFuncs[strings.ToLower(t.text)]) {
			return true
		}
	}
	return false
}

// jsonCompareAt checks the construct starting at token k.
func (x *tx) jsonCompareAt(k int, ty jsonTyping) *jsonRefused {
	t := x.T(k)
	switch {
	case x.kw(k, "ORDER", "BY"):
		return x.jsonListItems(k+2, "ordering", true, ty)
	case x.kw(k, "GROUP", "BY"):
		return x.jsonListItems(k+2, "equality", false, ty)
	case t.kw("DISTINCT") && !x.kw(k+1, "ON") && !x.kw(k-1, "IS") && !x.kw(k-2, "IS", "NOT"):
		return x.jsonListItems(k+1, "equality", false, ty)
	case t.typ == tIdent && (t.kw("MIN") || t.kw("MAX")) && x.isP(k+1, "(") && !x.isP(k-1, "."):
		m := x.match(k + 1)
		if end, typ, ok := x.jsonOperand(k+2, ty); ok && end == m && typ == "json" {
			return &jsonRefused{k, "function " + strings.ToLower(t.text) + "(json) does not exist", jsonFunctionHint}
		}
	}
	if !x.jsonCmpStart(k) {
		return nil
	}
	end, left, ok := x.jsonOperand(k, ty)
	if !ok {
		return nil
	}
	if left == "json" && x.kw(end, "IN") && x.isP(end+1, "(") && !x.isSubquery(end+1) {
		// PostgreSQL compares with each item by =: the first one's type
		// names the missing operator
		if _, right, ok := x.jsonOperand(end+2, ty); ok && right != "" {
			return &jsonRefused{end, "operator does not exist: json = " + right, jsonOperatorHint}
		}
		return nil
	}
	op := x.T(end)
	if op.typ != tOp || !jsonCmpOps[op.text] {
		return nil
	}
	end2, right, ok := x.jsonOperand(end+1, ty)
	if !ok || !x.jsonCmpEnd(end2) || left != "json" && right != "json" || left == "" || right == "" {
		return nil
	}
	return &jsonRefused{end, "operator does not exist: " + left + " " + op.text + " " + right, jsonOperatorHint}
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
		if ok && typ == "json" && x.jsonItemEnd(end, e, order) {
			r := &jsonRefused{s, "could not identify an " + what + " operator for type json", ""}
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
// and PostgreSQL's name of its type ("json", "unknown", "integer"), ""
// when the check does not know it; ok false when s starts none.
func (x *tx) jsonOperand(s int, ty jsonTyping) (end int, typ string, ok bool) {
	t := x.T(s)
	switch {
	case s >= x.n():
		return s, "", false
	case t.typ == tString:
		end, typ = s+1, "unknown"
	case t.kw("NULL"):
		end, typ = s+1, "unknown"
	case t.typ == tNumber:
		end = s + 1
		if n, err := strconv.ParseInt(t.text, 10, 32); err == nil && n >= 0 {
			typ = "integer"
		}
	case t.kw("CAST") && x.isP(s+1, "("):
		m := x.match(s + 1)
		if m < 0 {
			return s, "", false
		}
		end = m + 1
		if x.kw(m-2, "AS") && x.kw(m-1, "JSON") {
			typ = "json"
		}
	case t.typ == tIdent && x.isP(s+1, "("):
		m := x.match(s + 1)
		if m < 0 {
			return s, "", false
		}
		end = m + 1
		switch {
		case ty.col != nil:
			// the SQLite text: a literal compared with a column is read
			// by the column's type at run time (enforce.go's wrapIn)
			if strings.EqualFold(t.text, "pg_in_col") && x.T(m-1).typ == tString && x.T(m-1).text == "'unknown'" {
				typ = "unknown"
			}
		case jsonResultFuncs[strings.ToLower(t.text)] && !x.isP(s-1, "."):
			typ = "json"
		}
	case x.isP(s, "("):
		m := x.match(s)
		if m < 0 {
			return s, "", false
		}
		end = m + 1
		if e, in, ok := x.jsonOperand(s+1, ty); ok && e == m {
			typ = in
		}
	case t.typ == tIdent || t.typ == tQIdent:
		end = s + 1
		for x.isP(end, ".") && (x.T(end+1).typ == tIdent || x.T(end+1).typ == tQIdent) {
			end += 2
		}
		if ty.col != nil && ty.col(s) {
			typ = "json"
		}
	default:
		return s, "", false
	}
	for x.T(end).typ == tCast {
		if x.T(end+1).typ != tIdent {
			return end, "", true
		}
		typ = ""
		if x.kw(end+1, "JSON") && !x.isP(end+2, "[") && !x.isP(end+2, "(") {
			typ = "json"
		}
		end += 2
	}
	return end, typ, true
}
