package pgdialect

// aggregate_shown.go: aggregate_argtypes.go's refusal for an argument
// whose type the statement itself shows. PostgreSQL resolves sum(x) by
// its argument's type when it plans the statement, so avg(b::bool),
// sum(1 = 1), sum(CAST(d AS date)) or bit_and(true) are 42883 "function
// avg(boolean) does not exist" whatever the rows; SQLite's aggregates
// took the stored values (a boolean's 1s and 0s were averaged, a date
// failed per row with numeric's input error, or not at all over no row).
// The check on the SQLite text (aggArgRefusal) types bare columns only;
// the casts and the boolean expressions are gone from it, so this one
// reads the client's text. Only what is sure is refused: the argument is
// one cast (x::t, x::s::t, CAST(x AS t)) of a type this package knows,
// a boolean literal, or an expression whose top level is a comparison or
// a boolean operator (not inside a CASE, which may be of any type).
// It runs once a statement translated without error (an error the
// translator finds in the argument, such as a cast PostgreSQL refuses,
// comes first, as PostgreSQL analyses the argument first).

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// aggShownBoolWords: keywords whose presence at an argument's top level
// makes it boolean.
var aggShownBoolWords = map[string]bool{"AND": true, "OR": true, "NOT": true, "IS": true, "ISNULL": true, "NOTNULL": true,
	"LIKE": true, "ILIKE": true, "BETWEEN": true, "IN": true, "SIMILAR": true, "EXISTS": true}

// aggShownCheck is PostgreSQL's 42883 for the first aggregate call of sql
// (PostgreSQL text) given an argument of a shown type it does not take,
// or nil.
func aggShownCheck(sql string) *Error {
	if !MentionsAggregate(sql) {
		return nil // the cheap test (aggregate_argtypes.go)
	}
	x := newTx(sql)
	if !x.balanced() {
		return nil
	}
	for k := 0; k+1 < x.n(); k++ {
		t := x.T(k)
		if t.typ != tIdent || !x.isP(k+1, "(") || x.isP(k-1, ".") {
			continue
		}
		agg, ok := aggArgTypes[strings.ToLower(t.text)]
		if !ok || agg.pg != strings.ToLower(t.text) {
			continue
		}
		m, a := x.match(k+1), k+2
		if m < 0 {
			continue
		}
		if x.kw(a, "DISTINCT") || x.kw(a, "ALL") {
			a++
		}
		end := a // the argument: up to a top-level "," or ORDER BY
		for end < m && !(x.depth[end] == x.depth[a] && (x.isP(end, ",") || x.kw(end, "ORDER", "BY"))) {
			end++
		}
		typ := x.aggShownType(a, end)
		if typ == "" || agg.types[typ] || agg.arrays && strings.HasSuffix(typ, "[]") {
			continue
		}
		return &Error{Code: "42883", Message: "function " + agg.pg + "(" + typ + ") does not exist", Hint: jsonFunctionHint, Position: x.charPos(k)}
	}
	return nil
}

// aggShownType is PostgreSQL's name of the type of the argument a..b-1
// when the text shows it surely, else "".
func (x *tx) aggShownType(a, b int) string {
	if a >= b {
		return ""
	}
	if b == a+1 && (x.kw(a, "TRUE") || x.kw(a, "FALSE")) {
		return "boolean"
	}
	if x.kw(a, "CAST") && x.isP(a+1, "(") && x.match(a+1) == b-1 {
		for j := a + 2; j < b-1; j++ {
			if x.depth[j] == x.depth[a+2] && x.kw(j, "AS") {
				return x.aggShownCastType(j+1, b-1)
			}
		}
		return ""
	}
	d, last, boolean := x.depth[a], -1, false
	for j := a; j < b; j++ {
		if x.depth[j] != d {
			continue
		}
		t := x.T(j)
		switch {
		case t.typ == tCast:
			last = j
		case t.typ == tIdent && t.kw("CASE"):
			return "" // a CASE's type is its branches'
		case t.typ == tIdent && aggShownBoolWords[t.upper()], t.typ == tOp && boolOps[t.text] && !(t.text == "~" && (j == a || !x.endsOperand(j-1))):
			boolean = true
		case t.typ == tOp:
			if last < 0 || !boolean {
				last = -2 // an operator: the cast is of one operand
			}
		}
	}
	switch {
	case boolean:
		return "boolean" // a comparison or a boolean operator binds loosest but for these
	case last >= 0:
		for j := a; j < last; j++ {
			if x.depth[j] == d && x.T(j).typ == tOp {
				return ""
			}
		}
		return x.aggShownCastType(last+1, b)
	}
	return ""
}

// aggShownCastType is the format name of the type named by the tokens
// a..b-1 (all of them), else "".
func (x *tx) aggShownCastType(a, b int) string {
	end, name, _, array, ok := x.parseType(a)
	if !ok || end != b {
		return ""
	}
	tt := typeAlias[name]
	if tt == nil || tt.oid == 0 {
		return ""
	}
	if array {
		if pgoid.ArrayOf(tt.oid) == 0 {
			return ""
		}
		return tt.format + "[]"
	}
	return tt.format
}
