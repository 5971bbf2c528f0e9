package pgdialect

// json_operators.go: json (unlike jsonb) has no ||, -, #-, @> or <@
// operator in PostgreSQL. `json || unknown` and `json || text` are
// text's concatenation (anynonarray || text) of the json's text, as it
// was written; `json || json`, `json || integer` and every `-`, `#-`,
// `@>`, `<@` with a json operand are 42883 `operator does not exist`.
// raftsql's jsonb operators (jsonPass) would otherwise take a json
// operand as jsonb: `'{"a":1}'::json || '[1]'` was the jsonb array
// [{"a": 1}, 1] where PostgreSQL answers the text {"a":1}[1], a silently
// different answer. The refusal is read where the statement shows the
// json type (a cast, a json function: jsonOperand's reading, before
// translation); a json column beside a literal is decided at run time
// (jsonPass's CASE over the column's declared type, jsonColumnOperand).

import (
	"database/sql/driver"
	"math"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

// jsonbOnlyOps are the operators PostgreSQL has for jsonb and not for
// json; || is text's for json beside a string (jsonOperatorAt).
var jsonbOnlyOps = map[string]bool{"||": true, "-": true, "#-": true, "@>": true, "<@": true}

// jsonOperatorAt checks the operand starting at token k followed by one
// of jsonbOnlyOps: a json operand on either side, the other side of a
// type PostgreSQL has no such operator with, is 42883 at the operator.
func (x *tx) jsonOperatorAt(k int, ty jsonTyping) *jsonRefused {
	if k > 0 && (x.T(k-1).typ == tOp && !jsonCmpOps[x.T(k-1).text] || x.isP(k-1, ".")) {
		return nil // k is not the start of the operator's whole left operand
	}
	end, left, ok := x.jsonOperand(k, ty)
	if !ok {
		return nil
	}
	op := x.T(end)
	if op.typ != tOp || !jsonbOnlyOps[op.text] {
		return nil
	}
	end2, right, ok := x.jsonOperand(end+1, ty)
	if !ok || left != "json" && right != "json" {
		return nil
	}
	left, right = x.jsonOtherType(k, end, left), x.jsonOtherType(end+1, end2, right)
	if left == "" || right == "" {
		return nil
	}
	if next := x.T(end2); end2 < x.n() && (x.isP(end2, "[") || x.isP(end2, ".") ||
		next.typ == tOp && !jsonCmpOps[next.text] && next.text != "||" && !(op.text == "-" && next.text == "+" || op.text == "-" && next.text == "-")) {
		return nil // a tighter operator takes the right operand
	}
	if op.text == "||" && (left == "unknown" || right == "unknown" || left == "text" || right == "text" || x.stringTyped(k, end) || x.stringTyped(end+1, end2)) {
		return nil // text concatenation of the json's text
	}
	return &jsonRefused{end, "operator does not exist: " + left + " " + op.text + " " + right, jsonOperatorHint, ""}
}

// jsonOtherType is typ (jsonOperand's name of a..b-1's type), else the
// name of the type a cast or a typed expression there shows, "" when
// not known.
func (x *tx) jsonOtherType(a, b int, typ string) string {
	if typ != "" {
		return typ
	}
	if o := x.exprOID(a, b); o != 0 {
		return FormatType(o, -1)
	}
	return ""
}

// stringTyped reports whether a..b-1 is of a string type (text ||
// anynonarray takes it).
func (x *tx) stringTyped(a, b int) bool {
	t := typesByOID[x.exprOID(a, b)]
	return t != nil && t.cat == "S"
}

// jsonShown reports whether a..b-1 is shown to be json (not jsonb) by
// its text: a cast to json or a function returning json.
func (x *tx) jsonShown(a, b int) bool {
	if a >= b {
		return false
	}
	if x.exprOID(a, b) == pgoid.JSON {
		return true
	}
	t := x.T(a)
	return t.typ == tIdent && x.isP(a+1, "(") && x.match(a+1) == b-1 && funcResultOIDs[strings.ToLower(t.text)] == pgoid.JSON
}

// jsonLiteralType is PostgreSQL's name of the type of the literal at
// a..b-1 that jsonColumnOperand pairs with a column ("unknown" for a
// quoted string, a number's type, a cast's type), "" when not known.
func (x *tx) jsonLiteralType(a, b int) string {
	switch t := x.T(a); {
	case b == a+1 && t.typ == tString:
		return "unknown"
	case b == a+1 && t.typ == tNumber:
		if n, err := strconv.ParseInt(t.text, 10, 64); err == nil {
			if n >= math.MinInt32 && n <= math.MaxInt32 {
				return "integer"
			}
			return "bigint"
		}
		return "numeric"
	}
	if o := x.exprOID(a, b); o != 0 {
		return FormatType(o, -1)
	}
	return ""
}

// jsonColumnCase is the branch jsonPass puts in its run-time CASE for a
// json column (its declared type expression rt) at the operator op with
// the literal of type lit on the other side: text's concatenation of
// left and right for || beside a string, else pg_no_operator's 42883
// (json || integer, json - unknown).
func jsonColumnCase(rt, op, left, right, lit string, litLeft bool) string {
	body := left + " || " + right
	if op != "||" || !stringTypeName(lit) {
		types := "json " + op + " " + lit
		if litLeft {
			types = lit + " " + op + " json"
		}
		body = "pg_no_operator(" + quoteLit(types) + ")"
	}
	return " WHEN lower(" + rt + ") IN ('json', '" + JSONDeclType + "') THEN " + body
}

// stringTypeName reports whether lit (jsonLiteralType's name) is an
// unknown literal's or a string type's: json || lit is text's ||.
func stringTypeName(lit string) bool {
	return lit == "unknown" || lit == "text" || lit == "character varying" || lit == "character"
}

// jsonbColumnCall is the call jsonPass puts in its run-time CASE for a
// jsonb column at || with the operand of type lit (jsonLiteralType's
// name) on the other side: PostgreSQL's jsonb || jsonb for an unknown
// literal or a jsonb, text's || for a string type (anynonarray || text),
// else 42883 (jsonb || integer: found by a helper comparing with
// PostgreSQL 15); call as it is for any other operator or a type not
// known.
func jsonbColumnCall(call, op, left, right, lit string, litLeft bool) string {
	switch {
	case op != "||" || lit == "" || lit == "unknown" || lit == "jsonb":
		return call
	case stringTypeName(lit):
		return left + " || " + right
	}
	types := "jsonb || " + lit
	if litLeft {
		types = lit + " || jsonb"
	}
	return "pg_no_operator(" + quoteLit(types) + ")"
}

// fnNoOperator is pg_no_operator(types): PostgreSQL's 42883 for an
// operator with no implementation for its operands' types ("json -
// unknown"), raised where the operands' types are only known at run time.
func fnNoOperator(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	return nil, pgErr("42883", "operator does not exist: %s", str(a[0]))
}
