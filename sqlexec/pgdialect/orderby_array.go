package pgdialect

// orderby_array.go: ORDER BY an array the query builds: array_agg(x),
// ARRAY[a, b], ARRAY(SELECT ...), or the output column that is one
// (ORDER BY 2, ORDER BY alias). An array column sorts by its element
// type's collation (array_order.go), but a built array is plain text to
// SQLite, which orders '{10}' before '{9}' and '{a,b}' before '{a}';
// PostgreSQL compares element by element by the element type. The item
// gets first sort keys with the array collation of its element type:
// the type's own where the statement shows it (ARRAY[1.5, 2] numeric,
// array_agg(x::int)), else chosen by the element expression's run-time
// type (a column's, read from the schema: the same on every node):
//
//	ORDER BY (CASE WHEN <x's type> IN ('int2', ..., 'numeric')
//	  THEN array_agg(x) END) COLLATE pg_array_numeric NULLS LAST,
//	  (array_agg(x)) COLLATE pg_array_text NULLS LAST, array_agg(x) ...
//
// Of a number array the first key decides (every row's second key then
// ties only equal arrays); of any other the first is NULL on every row
// and the second orders the elements as text (dates, uuids and booleans
// in their canonical text order too).

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// arrayOrder is how an ORDER BY item that builds an array sorts: by the
// collation of its static element type (coll), or, when that is known only
// at run time, by pg_array_numeric when cond holds and else as text.
type arrayOrder struct {
	coll string // pg_array_<elem>, or "" for the run-time form
	cond string // SQL: the elements are numbers
}

// numberTypesIn is the list numTypeExpr's number types are tested
// against.
const numberTypesIn = "('int2', 'int4', 'int8', 'numeric', 'float4', 'float8')"

// arrayOrderOf reports how the expression a..b-1 (as the late pass sees
// it: pg_array, pg_array_agg, ARRAY(SELECT) translated) sorts when it
// builds an array; ok=false when it does not, or its element type can
// be neither seen nor read at run time.
func (x *tx) arrayOrderOf(a, b int) (arrayOrder, bool) {
	if o := x.exprOID(a, b); o != 0 {
		if e := pgoid.ElemOf(o); e != 0 && arrayCollation("_"+pgoid.TypeName(e)) != "" {
			return arrayOrder{coll: ArrayCollationPrefix + pgoid.TypeName(e)}, true
		}
	}
	var elems [][2]int
	switch t := x.T(a); {
	case t.kw("ARRAY") && x.isP(a+1, "[") && x.closeBracket(a+1) == b-1:
		elems = x.splitTop(a+2, b-1) // ARRAY[x, y]
	case t.kw("ARRAY") && x.isP(a+1, "(") && x.match(a+1) == b-1 && x.kw(a+2, "SELECT"):
		// ARRAY(SELECT e FROM ...): e's type
		items, _ := x.selectListAt(a + 2)
		if len(items) != 1 {
			return arrayOrder{}, false
		}
		ia, ib := x.itemExpr(items[0][0], items[0][1])
		elems = [][2]int{{ia, ib}}
	case t.typ == tIdent && (strings.EqualFold(t.text, "array_agg") || t.text == "pg_array_agg") && x.isP(a+1, "(") && x.filterEnd(x.match(a+1)) == b-1:
		// (with a FILTER clause too: array_agg(x) FILTER (WHERE c)
		// ordered as text; found by the differential fuzz tester)
		end := x.match(a + 1)
		if k := x.findKw(a+2, end, x.depth[a+2], "ORDER"); k >= 0 {
			end = k // array_agg(x ORDER BY k1, k2): the keys' commas are the ORDER BY's
		}
		args := x.splitTop(a+2, end)
		if len(args) != 1 {
			return arrayOrder{}, false
		}
		lo, hi := args[0][0], args[0][1]
		if x.kw(lo, "DISTINCT") {
			lo++
		}
		elems = [][2]int{{lo, hi}}
	default:
		return arrayOrder{}, false
	}
	var rts []string
	for _, e := range elems {
		if e[0] >= e[1] || e[1]-e[0] == 1 && x.T(e[0]).kw("NULL") {
			continue
		}
		switch rt := x.numTypeExpr(e[0], e[1]); {
		case rt == "":
			// An element whose type is chosen at run time among
			// non-numbers (t || n: text, jsonb or an array; upper(t):
			// text or a range's bound) orders element by element as
			// text, as text elements do: SQLite's order of the whole
			// text would put '{a,b}' before '{a}'.
			return arrayOrder{coll: ArrayCollationPrefix + "text"}, true
		case rt[0] == '\'':
			if o := unknownLitOIDs[strings.Trim(rt, "'")]; o != 0 || rt == "'numeric'" {
				return arrayOrder{coll: ArrayCollationPrefix + "numeric"}, true
			}
			return arrayOrder{}, false
		default:
			rts = append(rts, rt)
		}
	}
	if len(rts) == 0 {
		return arrayOrder{}, false
	}
	return arrayOrder{cond: rts[0] + " IN " + numberTypesIn}, true
}

// filterEnd is the end of the FILTER clause that follows a call whose
// argument list closes at e, else e.
func (x *tx) filterEnd(e int) int {
	if x.kw(e+1, "FILTER") && x.isP(e+2, "(") {
		return x.match(e + 2)
	}
	return e
}

// key is the sort keys that go before the ORDER BY item whose expression
// is expr, each followed by mods (its direction and NULL placement).
func (o arrayOrder) key(expr, mods string) string {
	if o.coll != "" {
		return "(" + expr + ") COLLATE " + o.coll + " " + mods + ", "
	}
	return "(CASE WHEN " + o.cond + " THEN " + expr + " END) COLLATE " + ArrayCollationPrefix + "numeric " + mods + ", " +
		"(" + expr + ") COLLATE " + ArrayCollationPrefix + "text " + mods + ", "
}
