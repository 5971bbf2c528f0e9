package pgdialect

// json_column_get.go: ->, ->>, #> and #>> over a bare column. Whether the
// column is json or jsonb only the schema knows, and the two answer
// differently: a json member comes back as written ('{"a" : [1,2]}' ->
// 'a' is [1,2], jsonb's [1, 2]) and a jsonb scalar is a one-element array
// to an index ('5' -> 0 is 5; json's is NULL). The translator passes the
// column's declared type (columnTypeExpr: an uncorrelated sqlite_schema
// subquery, read once per statement) as a fourth argument, and the mode
// is settled from it here (a derived table's or CTE's column: the column
// its item reads, json_derived_column.go); without one (an item that is
// an expression) the statement's mode stands (4/5: jsonb's, no scalar as
// an array).

import (
	"database/sql/driver"
	"strings"
)

// jsonColumnMode is the arguments (j, k, mode) of pg_jsonb_get /
// pg_jsonb_path and the mode, settled by a fourth argument's declared
// column type when there is one.
func jsonColumnMode(a []driver.Value) ([]driver.Value, int64, error) {
	if len(a) != 3 && len(a) != 4 {
		return nil, 0, pgErr("42883", "function pg_jsonb_get does not exist")
	}
	mode := srfMode(a[2])
	if len(a) == 3 {
		return a, mode, nil
	}
	decl, _ := a[3].(string)
	astext := mode == srfJSONBText || mode == srfJSONText || mode == 5
	switch strings.ToLower(decl) {
	case "json", JSONDeclType:
		mode = srfJSON
	case "jsonb", JSONBDeclType:
		mode = srfJSONB
	default:
		return a[:3], mode, nil
	}
	if astext {
		mode++ // srfJSONText, srfJSONBText
	}
	return a[:3], mode, nil
}

// jsonColumnTypeArg is the fourth argument of pg_jsonb_get /
// pg_jsonb_path whose left operand is the tokens a..b-1: ", " and the
// declared type expression of a bare column, else "".
func (x *tx) jsonColumnTypeArg(a, b int) string {
	ca, cb := x.jsonChainBase(a, b)
	q, c, ok := x.bareColumn(ca, cb) // jsonb_translate.go
	if !ok && (ca != a || cb != b) && cb == ca+1 && (x.T(ca).typ == tIdent || x.T(ca).typ == tQIdent) && !reservedWord(x.T(ca).upper()) {
		// the chain's bare column, its token carrying the inner
		// operator's call by now
		q, c, ok = "", x.T(ca).identName(), true
	}
	a = ca
	if !ok {
		return ""
	}
	te, ok := x.derivedColumnTypeExpr(a, q, c, 0) // json_derived_column.go
	if !ok {
		te = x.columnTypeExpr(q, c) // pgcast.go
	}
	if te != "NULL" {
		return ", " + te
	}
	return ""
}

// jsonChainBase is the operand a..b-1 of a -> / #>, or, when that operand
// is itself a chain of -> and #> (j -> 'a' -> 0, (j -> 'a') -> 0), the
// chain's first operand: -> and #> of json are json and of jsonb jsonb,
// so the column's declared type is the chain's type. Without it the
// outer -> took the statement's mode, where a jsonb scalar is no
// one-element array: j -> 'a' -> -1 of {"a": 2} was NULL where PostgreSQL
// answers 2 (the differential fuzz tester, seed 822227).
func (x *tx) jsonChainBase(a, b int) (int, int) {
	ua, ub := x.unparen(a, b)
	d, first := x.depth[ua], -1
	for k := ua; k < ub; k++ {
		t := x.T(k)
		if x.depth[k] != d || t.typ != tOp {
			continue
		}
		if t.text != "->" && t.text != "#>" {
			return a, b // another operator: not a chain
		}
		if first < 0 {
			first = k
		}
	}
	if first < 0 {
		return a, b
	}
	return x.jsonChainBase(ua, first)
}
