package pgdialect

// json_subquery_type.go: a JSON constructor's argument that is a
// subquery. PostgreSQL's to_jsonb(ARRAY(SELECT b FROM t)) is the JSON
// array [true, false] of the subquery's boolean column, and
// to_jsonb((SELECT b FROM t LIMIT 1)) the JSON true; SQLite hands the
// constructor the array's text {t,f} and the stored 1, so they were the
// JSON string "{t,f}" and the number 1 (as were ARRAY(SELECT i ...) of
// an integer column, "{10,20}", and of a date column). The argument's
// type is its select list item's, as jsonItemType reads an expression's
// (a column's declared type read at run time), or the array of it.

import (
	"strconv"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// subqueryJSONType is jsonItemType of ARRAY(SELECT item ...) or of a
// scalar subquery (SELECT item ...) at a..b-1: the type of its one
// select list item (the array of it for ARRAY), "" when a..b-1 is
// neither or the item's type is not known.
func (x *tx) subqueryJSONType(a, b int) string {
	array := x.T(a).kw("ARRAY")
	open := a
	if array {
		open = a + 1
	}
	if b-open < 4 || !x.isP(open, "(") || x.match(open) != b-1 || !x.kw(open+1, "SELECT") {
		return ""
	}
	items, from := x.selectListAt(open + 1) // aliases.go
	if len(items) != 1 || from > b-1 {
		return ""
	}
	ia, ib := x.itemExpr(items[0][0], items[0][1])
	if ib <= ia || x.isP(ib-1, "*") {
		return ""
	}
	typ := x.jsonItemType(ia, ib)
	if typ == "" {
		// a value whose JSON is the SQLite value's (an integer, a
		// text): the array of its type still makes a JSON array
		if o := x.exprOID(ia, ib); array && o != 0 && o != pgoid.Unknown {
			typ = strconv.FormatUint(uint64(o), 10)
		}
	}
	if !array || typ == "" {
		return typ
	}
	if n, err := strconv.ParseUint(typ, 10, 32); err == nil {
		if o := pgoid.ArrayOf(uint32(n)); o != 0 {
			return strconv.FormatUint(uint64(o), 10)
		}
		return ""
	}
	return "(" + typ + " || '[]')" // a declared type read at run time
}
