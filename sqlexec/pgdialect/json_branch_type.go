package pgdialect

// json_branch_type.go: the type of a CASE (or coalesce, greatest, least,
// nullif) over columns, for a JSON argument.
//
// to_jsonb, jsonb_agg and the other constructors write a value by its
// type (pg_json_typed, json_typed.go); a conditional whose values include
// a column has no type the statement shows, so its value was written as
// SQLite holds it: jsonb_agg(CASE WHEN b THEN n ELSE 1 END) of a numeric
// column was ["2.50", "1"] and to_jsonb(CASE id WHEN 1 THEN paid END) of
// a boolean column 1, where PostgreSQL's are [2.50, 1] and true. The
// values' types are gathered as jsonItemType gives them (a column's
// declared type read at run time, a type the statement shows), and
// pg_branch_type resolves their common type when the statement runs, as
// PostgreSQL's select_common_type does at parse analysis.

import (
	"database/sql/driver"
	"strconv"
	"strings"

	sqlite "modernc.org/sqlite"
)

func init() {
	arrayFuncs["pg_branch_type"] = struct {
		n int32
		f fn
	}{-1, fnBranchType}
}

// jsonBranchType is jsonItemType of the conditional a..b-1 when a value
// of it is a column (or another value typed at run time): the
// pg_branch_type call of its values' types; "" when it is no conditional,
// its values' types all show (conditionalCallType, exprOID type those) or
// a value's type cannot be told.
func (x *tx) jsonBranchType(a, b int) string {
	vals := x.conditionalValues(a, b, true) // typeresolve.go
	var types []string
	runtime := false
	for _, v := range vals {
		va, vb := x.unparen(v[0], v[1])
		br := x.classify(va, vb)
		switch br.kind {
		case branchNull, branchUnknown:
			continue // NULL or a quoted literal: takes the others' type
		case branchTyped:
			types = append(types, strconv.FormatUint(uint64(br.oid), 10))
			continue
		}
		typ := x.jsonItemType(va, vb)
		if typ == "" {
			return ""
		}
		types = append(types, typ)
		runtime = true
	}
	if !runtime {
		return ""
	}
	return "pg_branch_type(" + strings.Join(types, ", ") + ")"
}

// fnBranchType is pg_branch_type(type, ...): the common type (an OID) of
// the types, each a type OID or a declared type's name; NULL when one is
// not known or they have none (PostgreSQL refuses such a CASE).
func fnBranchType(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	oids := make([]uint32, len(a))
	for i, t := range a {
		switch t := t.(type) {
		case int64:
			oids[i] = uint32(t)
		case nil:
		default:
			oids[i], _ = DeclTypeOID(str(t))
		}
		if oids[i] == 0 {
			return nil, nil
		}
	}
	o := datetimeCommon(oids) // datetime_common.go: a date beside a timestamp
	if o == 0 {
		o = CommonType(oids) // typeresolve.go
	}
	if o == 0 {
		return nil, nil
	}
	return int64(o), nil
}
