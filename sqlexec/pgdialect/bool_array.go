package pgdialect

// bool_array.go: booleans as array elements. SQLite keeps a boolean as
// the integer 1/0, so ARRAY[b], array_agg(b) and ARRAY(SELECT b ...) of
// a boolean column (or of a comparison, true, NOT b) built the text
// {1,0}: sent as boolean[] it printed {t,f}, but the value itself was
// another one than a boolean[] column's {t,f} (ARRAY[b, NOT b] = ba was
// false, to_jsonb(ARRAY[b]) the string "{1}", the untyped array {1}).
// Each boolean element is written as boolean's output writes it
// (pg_array_bool: t/f), so the array is the one a boolean[] column
// holds; so is a boolean given to array_append, array_position ...
// beside a boolean array (array_append(ba, b) held {t,f,1} and
// array_position(ba, true) found no t). The functions that read the
// elements of ARRAY[...] take its type (array_ctor_types.go's
// arrayCtorDecl), as a boolean[] column's: t is true there. An
// element's type is its column's declared type, known once SQLite has
// compiled the statement (typedconvert.go runs this), or the type the
// SQLite text shows (a comparison, IS, NOT, a boolean cast); a quoted
// literal beside a boolean is read by boolean's input, as PostgreSQL
// resolves ARRAY[b, 'yes'] (22P02 for 'x').

import (
	"database/sql/driver"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

func init() {
	arrayFuncs["pg_array_bool"] = struct {
		n int32
		f fn
	}{1, fnArrayBool}
}

// fnArrayBool is pg_array_bool(v): boolean v as an array element's text,
// t or f (NULL stays NULL); a text is read by boolean's input.
func fnArrayBool(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	v, err := fnCastBool(nil, a)
	switch {
	case err != nil || v == nil:
		return nil, err
	case v == int64(1):
		return "t", nil
	}
	return "f", nil
}

// elementFuncs are the array functions taking elements beside an array:
// the argument positions of the array and of the elements.
var elementFuncs = map[string]struct{ arr, elems []int }{
	"array_append":    {[]int{0}, []int{1}},
	"array_prepend":   {[]int{1}, []int{0}},
	"array_position":  {[]int{0}, []int{1}},
	"array_positions": {[]int{0}, []int{1}},
	"array_remove":    {[]int{0}, []int{1}},
	"array_replace":   {[]int{0}, []int{1, 2}},
}

// boolTypes reads the types of a compiled statement's values for the
// boolean array conversions: declOf evaluates an SQL expression (a
// column's declared type's read) and returns its text, kept in decls.
type boolTypes struct {
	x      *tx
	declOf func(expr string) string
	decls  map[string]string
}

func newBoolTypes(sqlText string, declOf func(expr string) string) *boolTypes {
	return &boolTypes{newTx(sqlText), declOf, map[string]string{}}
}

// typ is the type of the value a..b-1: a column's declared type, else
// the type the text shows (0: not known)
func (bt *boolTypes) typ(a, b int) uint32 {
	x := bt.x
	a, b = x.unparen(a, b)
	if x.inSchemaQuery(a) {
		return 0
	}
	if _, _, ok := x.bareColumn(a, b); ok {
		return x.compiledColumnOID(a, b, bt.declOf, bt.decls) // datetime_common.go
	}
	if x.isCall(a, "pg_array_bool") && x.match(a+1) == b-1 {
		return pgoid.Bool
	}
	if o := x.exprOID(a, b); o != 0 {
		return o
	}
	return x.exprType(a, b) // aggitems.go
}

// ctorBool reports whether the elements args of pg_array are booleans:
// one is, and the others are too or quoted literals
func (bt *boolTypes) ctorBool(args [][2]int) bool {
	x := bt.x
	boolean := false
	for _, p := range args {
		a, b := x.unparen(p[0], p[1])
		if b == a+1 && (x.T(a).kw("NULL") || x.T(a).typ == tString) {
			continue
		}
		if bt.typ(a, b) != pgoid.Bool {
			return false
		}
		boolean = true
	}
	return boolean
}

// aggArg is the value pg_array_agg at i collects (e == s: none)
func (bt *boolTypes) aggArg(i int) (s, e int) {
	x := bt.x
	s, c := i+2, x.match(i+1)
	if x.kw(s, "DISTINCT") {
		s++
	}
	e = s
	for e < c && !(x.depth[e] == x.depth[s] && (x.kw(e, "ORDER") || x.isP(e, ","))) {
		e++
	}
	return s, e
}

// boolArray reports whether the array a..b-1 is a boolean array
func (bt *boolTypes) boolArray(a, b int) bool {
	x := bt.x
	a, b = x.unparen(a, b)
	switch {
	case x.isCall(a, "pg_array") && x.match(a+1) == b-1:
		return bt.ctorBool(x.splitTop(a+2, b-1))
	case x.isCall(a, "pg_array_agg") && x.match(a+1) == b-1:
		s, e := bt.aggArg(a)
		return e > s && bt.typ(s, e) == pgoid.Bool
	}
	return bt.typ(a, b) == pgoid.ArrayOf(pgoid.Bool)
}

// BoolArrayConversion is sqlText (SQLite text) with the boolean elements
// of its pg_array calls, the boolean argument of its pg_array_agg calls,
// the boolean item of its ARRAY(SELECT ...) subqueries and the elements
// given to array_append, array_position ... beside a boolean array
// written t/f, "" when it has none. declOf evaluates an SQL expression (a
// column's declared type's read) and returns its text.
func BoolArrayConversion(sqlText string, declOf func(expr string) string) string {
	low := strings.ToLower(sqlText)
	if !strings.Contains(low, "pg_array") && !strings.Contains(low, "array_") {
		return ""
	}
	bt := newBoolTypes(sqlText, declOf)
	x := bt.x
	var eds []textEdit
	wrap := func(a, b int) {
		if a, b := x.unparen(a, b); b == a+1 && x.T(a).kw("NULL") {
			return
		}
		eds = append(eds, textEdit{x.T(a).pos, 0, "pg_array_bool("},
			textEdit{x.T(b-1).pos + len(x.T(b-1).text), 0, ")"})
	}
	for i := 0; i+1 < x.n(); i++ {
		if !x.isCall(i, x.T(i).text) {
			if x.kw(i, "WITH") && strings.EqualFold(x.T(i+1).text, "pg_array_sub") && x.isP(i+2, "(") {
				// ARRAY(SELECT item ...) (array_translate.go): the item
				// the aggregate collects
				if items := x.arraySubItems(i); bt.ctorBool(items) {
					for _, it := range items {
						wrap(it[0], it[1])
					}
				}
			}
			continue
		}
		args := x.splitTop(i+2, x.match(i+1))
		switch name := strings.ToLower(x.T(i).text); name {
		case "pg_array":
			if bt.ctorBool(args) {
				for _, p := range args {
					wrap(p[0], p[1])
				}
			}
		case "pg_array_agg":
			if s, e := bt.aggArg(i); e > s && bt.typ(s, e) == pgoid.Bool {
				wrap(s, e)
			}
		default:
			f, ok := elementFuncs[name]
			if !ok || len(args) <= f.arr[0] || !bt.boolArray(args[f.arr[0]][0], args[f.arr[0]][1]) {
				continue
			}
			for _, k := range f.elems {
				if k < len(args) {
					wrap(args[k][0], args[k][1])
				}
			}
		}
	}
	if len(eds) == 0 {
		return ""
	}
	return applyEdits(sqlText, eds)
}

// arraySubItems are the expressions of the one select list item of each
// operand of the query of ARRAY(SELECT ...) (one unless it is a set
// operation), whose WITH pg_array_sub(v) AS (query) the translation
// wrote at w; nil for a query of another shape (VALUES, *, a list of
// several items).
func (x *tx) arraySubItems(w int) [][2]int {
	o := x.match(w + 2)
	if !x.kw(o+1, "AS") || !x.isP(o+2, "(") {
		return nil
	}
	q, qe := o+3, x.match(o+2)
	starts := []int{q}
	for k := q; k < qe; k++ {
		if x.depth[k] == x.depth[q] && (x.kw(k, "UNION") || x.kw(k, "INTERSECT") || x.kw(k, "EXCEPT")) {
			s := k + 1
			if x.kw(s, "ALL") || x.kw(s, "DISTINCT") {
				s++
			}
			starts = append(starts, s)
		}
	}
	var out [][2]int
	for _, k := range starts {
		if !x.kw(k, "SELECT") {
			return nil
		}
		items, _ := x.selectListAt(k) // aliases.go
		if len(items) != 1 {
			return nil
		}
		a, b := x.itemExpr(items[0][0], items[0][1])
		if b <= a || x.isP(b-1, "*") {
			return nil
		}
		out = append(out, [2]int{a, b})
	}
	return out
}
