package pgdialect

// anyall_types.go: x op ANY/SOME/ALL (array) needs an operator between
// x's type and the array's element type. PostgreSQL resolves it at parse
// analysis (make_scalar_array_op), so 1 = ANY (ARRAY['1', '2']) (integer
// = text), i = ANY (text_col) and d = ANY (int_col) are 42883 `operator
// does not exist: integer = text` at the operator, whatever the rows.
// SQLite compared the values as they are stored and answered (false, or
// true where the texts matched): a silently different answer.
//
// The two types are read where the statement shows them (a cast, a typed
// constant, ARRAY[...] of typed elements); where one is a bare column's,
// its declared type is read at run time from the schema (the
// uncorrelated sqlite_schema subqueries of columnTypeExpr, the same on
// every node), by pg_anyall_types, which passes pg_array_json's type
// argument through when the types have an operator:
//
//	i = ANY (ta) -> i IN (... pg_array_json(ta, pg_anyall_types('=', <i's decl>, <ta's decl>, <ta's decl>)) ...)
//
// Between a date, timestamp or timestamptz and an array of another of
// these types PostgreSQL promotes the lower one and compares instants;
// the stored texts ('2020-01-01' and '2020-01-01 00:00:00') never
// matched, so d = ANY (ARRAY['2020-01-01'::timestamp]) was false. The
// elements are taken into the left operand's text domain, as
// datetime_as_column.go's pg_dt_as takes a value beside a column:
//
//	d = ANY (tsa) -> d IN (... pg_array_json(pg_dt_array_as(tsa, <tsa's element type>, <d's type>), ...) ...)
//
// Only types of different categories with no implicit cast between them
// are refused (anyAllNoOperator): whatever the check cannot type (a
// quoted literal or parameter, which takes the other's type; an
// expression; a column of a table the statement does not surely name)
// is let through as before.

import (
	"database/sql/driver"
	"time"

	"github.com/raftsql/raftsql/pgwire/pgarray"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"modernc.org/sqlite"
)

func init() {
	arrayFuncs["pg_anyall_types"] = struct {
		n int32
		f fn
	}{4, fnAnyAllTypes}
	ZonedFunctions = append(ZonedFunctions, ZonedFunc{"pg_dt_array_as", 3, dtArrayAs})
}

// anyAllNoOperator reports whether PostgreSQL has no comparison operator
// between values of types l and r (OIDs, r an element type): different
// categories (crossCategory), other than the pairs an implicit cast
// joins ("char" to text, time to interval), or money beside anything
// but money.
func anyAllNoOperator(l, r uint32) bool {
	tl, tr := typesByOID[l], typesByOID[r]
	if tl == nil || tr == nil || l == pgoid.Unknown || r == pgoid.Unknown {
		return false
	}
	implicit := func(a, b uint32) bool {
		return a == pgoid.Char && typesByOID[b].cat == "S" || a == pgoid.Time && b == pgoid.Interval
	}
	if implicit(l, r) || implicit(r, l) {
		return false
	}
	if (l == pgoid.Money) != (r == pgoid.Money) {
		return true
	}
	return crossCategory(tl.format, tr.format)
}

// anyAllOperatorMessage is PostgreSQL's 42883 message for op between
// types named l and r.
func anyAllOperatorMessage(l, op, r string) string {
	return "operator does not exist: " + l + " " + op + " " + r
}

// anyAllTypes checks the types of x op ANY/SOME/ALL (array i+1..e) at
// i: a refusal when the statement shows both, else decl (anyAll's ", <the
// array's type argument of pg_array_json>") with the run-time check
// around it when one is a bare column's.
func (x *tx) anyAllTypes(i, e int, decl string) (string, error) {
	op, ok := anyAllOps[x.anyAllOperator(i)]
	s := x.anyAllLeft(i)
	if _, match := anyAllMatchOps[x.anyAllOperator(i)]; match && s >= 0 && s < i-1 {
		return decl, x.anyAllMatchTypes(s, i, e) // anyall_like.go
	}
	if !ok || s < 0 || s >= i-1 || x.isUnknown(s, i-1) || x.kw(s, "NULL") && s+1 == i-1 {
		return decl, nil
	}
	lt := x.exprOID(s, i-1)
	lExpr := ""
	if lt == 0 {
		tbl, col, ok := x.columnTable(s, i-1)
		if !ok {
			return decl, nil
		}
		lExpr = viewColumnDeclExpr(tbl, col)
	} else if pgoid.ElemOf(lt) != 0 {
		return decl, nil // an array on the left: array = ANY (array of arrays)
	}
	et := pgoid.ElemOf(x.exprOID(i+2, e))
	aExpr := ""
	if et == 0 {
		q, col, ok := x.bareColumn(i+2, e)
		if !ok || decl == "" {
			return decl, nil
		}
		aExpr = x.columnTypeExpr(q, col)
	}
	x.anyAllDates(s, i, e, lt, et, aExpr)
	if lExpr == "" && aExpr == "" {
		if anyAllNoOperator(lt, et) {
			return "", &Error{Code: "42883", Message: anyAllOperatorMessage(FormatType(lt, -1), op, FormatType(et, -1)),
				Hint: jsonOperatorHint, Position: x.charPos(i - 1)}
		}
		return decl, nil
	}
	if lExpr == "" {
		lExpr = quoteLit(TypeName(lt))
	}
	if aExpr == "" {
		aExpr = quoteLit(TypeName(pgoid.ArrayOf(et)))
	}
	pass := "NULL"
	if decl != "" {
		pass = decl[2:]
	}
	return ", pg_anyall_types(" + quoteLit(op) + ", " + lExpr + ", " + aExpr + ", " + pass + ")", nil
}

// fnAnyAllTypes is pg_anyall_types(op, left_decl, array_decl, pass):
// PostgreSQL's 42883 when the left operand's type (a declared type)
// has no operator op with the array's element type, else pass.
func fnAnyAllTypes(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[1] == nil || a[2] == nil {
		return a[3], nil
	}
	l, _ := DeclTypeOID(str(a[1]))
	arr, _ := DeclTypeOID(str(a[2]))
	if !DeclTypeKnown(str(a[1])) || pgoid.ElemOf(l) != 0 || pgoid.ElemOf(arr) == 0 {
		return a[3], nil
	}
	if r := pgoid.ElemOf(arr); anyAllNoOperator(l, r) {
		return nil, pgErr("42883", "%s", anyAllOperatorMessage(FormatType(l, -1), str(a[0]), FormatType(r, -1)))
	}
	return a[3], nil
}

// anyAllDates wraps the array i+2..e-1 of op ANY/SOME/ALL at i in
// pg_dt_array_as when the left operand s..i-2 and the elements may be
// dates, timestamps or timestamptzs of different types: lt and et are
// their static types (0: not shown), aExpr the array column's run-time
// declared type ("" when the statement shows the array's type).
func (x *tx) anyAllDates(s, i, e int, lt, et uint32, aExpr string) {
	left := ""
	if lt != 0 {
		if !dtRank(TypeName(lt)) {
			return
		}
		left = quoteLit(TypeName(lt))
	} else if left = x.columnDTType(s, i-1); left == "" { // datetime_columns.go
		return
	}
	elem := ""
	if et != 0 {
		if !dtRank(TypeName(et)) || et == lt {
			return
		}
		elem = quoteLit(TypeName(et))
	} else if aExpr != "" {
		elem = "pg_elem_decl(" + aExpr + ")" // anyall_unknown.go
	} else {
		return
	}
	// on the parentheses of ANY (...), outside whatever else wraps the
	// array itself: a cast's rewrite, ANY (ARRAY[d - 1]::date[]), wraps
	// its tokens later and nested the call in its own (42883)
	x.T(i + 1).suf += "pg_dt_array_as("
	x.T(e).pre = ", " + elem + ", " + left + ")" + x.T(e).pre
}

// dtArrayAs is pg_dt_array_as(array, element type, type): the array with
// each element (of date/time type vt) as pg_dt_as gives it beside a
// value of date/time type ct; other arrays and types unchanged.
func dtArrayAs(a []driver.Value, zone *time.Location) (driver.Value, error) {
	if a[0] == nil || a[1] == nil || a[2] == nil || str(a[1]) == str(a[2]) || !dtRank(str(a[1])) || !dtRank(str(a[2])) {
		return a[0], nil
	}
	elems, err := parseArrayValue(a[0])
	if err != nil {
		return nil, err
	}
	for k, el := range elems {
		if el.Null {
			continue
		}
		v, err := dtAsColumn([]driver.Value{el.Val, a[1], a[2]}, zone) // datetime_as_column.go
		if err != nil {
			return nil, err
		}
		elems[k].Val = str(v)
	}
	return pgarray.Format(elems), nil
}
