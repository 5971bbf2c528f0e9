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
	q, c, ok := x.bareColumn(a, b) // jsonb_translate.go
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
