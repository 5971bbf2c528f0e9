package pgdialect

// bool_array_text.go: a boolean array cast to an array of a string type.
// PostgreSQL casts each element with boolean's cast to text, which
// writes true/false (ARRAY[b]::text[] is {true}), while the array's own
// output writes t/f (ARRAY[b]::text is {t}, array_to_string(ARRAY[b],
// ',') t). The array input functions pg_in__text/varchar/bpchar read the
// elements of their argument's text, so a boolean array there kept its
// t/f: {t}. Once SQLite has compiled the statement, the columns'
// declared types show which arguments are boolean arrays (a bool[]
// column, ARRAY[b] of a boolean column, array_agg(b), ARRAY(SELECT b
// ...), a cast to bool[]); those are wrapped in pg_array_bool_text,
// which writes each element as boolean's cast to text does. Of
// ARRAY[...] PostgreSQL casts each element instead (ARRAY[b, 'yes']::
// text[] is {true,yes}): its boolean elements are cast to text alone.

import (
	"database/sql/driver"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/pgwire/pgarray"
	sqlite "modernc.org/sqlite"
)

func init() {
	arrayFuncs["pg_array_bool_text"] = struct {
		n int32
		f fn
	}{1, fnArrayBoolText}
}

// fnArrayBoolText is pg_array_bool_text(arr): the boolean array arr with
// its elements written true/false (NULL elements stay NULL).
func fnArrayBoolText(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	elems, err := parseArrayValue(a[0])
	if err != nil || elems == nil {
		return nil, err
	}
	for k, e := range elems {
		if e.Null {
			continue
		}
		v, err := fnCastBool(nil, []driver.Value{e.Val})
		if err != nil {
			return nil, err
		}
		elems[k].Val = "false"
		if v == int64(1) {
			elems[k].Val = "true"
		}
	}
	return pgarray.Format(elems), nil
}

// stringArrayInputs are the input functions of the arrays of string
// types a boolean array's cast writes true/false into.
var stringArrayInputs = []string{"pg_in__text", "pg_in__varchar", "pg_in__bpchar"}

// BoolArrayTextConversion is sqlText (SQLite text) with the boolean
// array argument of each string array input function (a cast to text[],
// varchar[], char(n)[]) wrapped in pg_array_bool_text, "" when there is
// none. declOf evaluates an SQL expression (a column's declared type's
// read) and returns its text.
func BoolArrayTextConversion(sqlText string, declOf func(expr string) string) string {
	if !strings.Contains(strings.ToLower(sqlText), "pg_in__") {
		return ""
	}
	bt := newBoolTypes(sqlText, declOf)
	x := bt.x
	var eds []textEdit
	for i := 0; i+1 < x.n(); i++ {
		input := false
		for _, f := range stringArrayInputs {
			input = input || x.isCall(i, f)
		}
		if !input {
			continue
		}
		args := x.splitTop(i+2, x.match(i+1))
		if len(args) == 0 || !bt.boolArrayValue(args[0][0], args[0][1]) {
			continue
		}
		if a, b := x.unparen(args[0][0], args[0][1]); x.isCall(a, "pg_array") && x.match(a+1) == b-1 {
			// ARRAY[...]::text[]: PostgreSQL casts each element to
			// text (ARRAY[b, 'yes']::text[] is {true,yes}), so only
			// the boolean ones are written true/false
			for _, p := range x.splitTop(a+2, b-1) {
				if bt.typ(p[0], p[1]) == pgoid.Bool {
					eds = append(eds, textEdit{x.T(p[0]).pos, 0, "pg_text("},
						textEdit{x.T(p[1]-1).pos + len(x.T(p[1]-1).text), 0, ", 'bool')"})
				}
			}
			continue
		}
		a, b := args[0][0], args[0][1]
		eds = append(eds, textEdit{x.T(a).pos, 0, "pg_array_bool_text("},
			textEdit{x.T(b-1).pos + len(x.T(b-1).text), 0, ")"})
	}
	if len(eds) == 0 {
		return ""
	}
	return applyEdits(sqlText, eds)
}

// boolArrayValue reports whether the value a..b-1 is a boolean array:
// boolArray's, a cast to bool[] (pg_in__bool), one ordered as a boolean
// array, array_agg(b) as a window function, ARRAY(SELECT b ...) of a
// boolean item, or a scalar subquery of such an item ((SELECT
// array_agg(b) FROM t)).
func (bt *boolTypes) boolArrayValue(a, b int) bool {
	x := bt.x
	a, b = x.unparen(a, b)
	switch {
	case b <= a:
		return false
	case x.isCall(a, "pg_in__bool") && x.match(a+1) == b-1:
		return true
	case b-a >= 3 && x.kw(b-2, "COLLATE") && strings.EqualFold(x.T(b-1).text, ArrayCollationPrefix+"bool"):
		return true // a boolean array's order (array_order.go): ARRAY[true] || ba
	case x.isCall(a, "pg_array_agg") && x.overEnd(x.filterEnd(x.match(a+1))+1) == b:
		s, e := bt.aggArg(a) // array_agg(b) FILTER (...) OVER (...)
		return e > s && bt.typ(s, e) == pgoid.Bool
	case x.kw(a, "WITH") && strings.EqualFold(x.T(a+1).text, "pg_array_sub") && x.isP(a+2, "("):
		return bt.ctorBool(x.arraySubItems(a)) // bool_array.go
	case x.kw(a, "SELECT"):
		items, _ := x.selectListAt(a)
		if len(items) != 1 {
			return false
		}
		s, e := x.itemExpr(items[0][0], items[0][1])
		return bt.boolArrayValue(s, e)
	}
	return bt.boolArray(a, b)
}
