package pgdialect

// bpchar_array.go: char(n) columns as array elements. A char(n) value is
// kept without its trailing blanks (bpchar.go) and padded where it is
// printed as the column's value; an array's elements are printed as part
// of the array's text, so ARRAY[c] and array_agg(c) of a char(3) 'ab'
// were {ab} where PostgreSQL's are {"ab "}. The column's declared type is
// known once SQLite has compiled the statement (typedconvert.go runs
// this): each such element is padded to its length (pg_bpchar_pad), an
// element of pg_array whose first typed element is one and the argument
// of pg_array_agg alike, where the array is a result column as it is.
// Elsewhere (compared, subscripted, unnested) the elements stay as they
// are: PostgreSQL's bpchar comparison and conversion to text ignore the
// blanks.

import (
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// BpcharArrayConversion is sqlText (SQLite text) with its char(n) column
// elements of arrays padded, "" when it has none. declOf evaluates an
// SQL expression (a column's declared type's read) and returns its text.
func BpcharArrayConversion(sqlText string, declOf func(expr string) string) string {
	low := strings.ToLower(sqlText)
	if !strings.Contains(low, "pg_array(") && !strings.Contains(low, "pg_array_agg(") {
		return ""
	}
	x := newTx(sqlText)
	decls := map[string]string{}
	var eds []textEdit
	pad := func(a, b int) {
		a, b = x.unparen(a, b)
		qual, col, ok := x.bareColumn(a, b)
		if !ok || x.inSchemaQuery(a) {
			return
		}
		e := x.columnTypeExpr(qual, col) // pgcast.go
		if e == "NULL" {
			return
		}
		d, known := decls[e]
		if !known {
			d = declOf(e)
			decls[e] = d
		}
		o, mod := DeclTypeOID(d)
		if o != pgoid.Bpchar || mod <= 4 {
			return
		}
		eds = append(eds, textEdit{x.T(a).pos, 0, "pg_bpchar_pad("},
			textEdit{x.T(b-1).pos + len(x.T(b-1).text), 0, ", " + strconv.Itoa(int(mod-4)) + ")"})
	}
	// types of the elements: the array is char(n)'s when its first typed
	// element is (ARRAY[t, c] is text[], its c read as text: unpadded)
	firstBpchar := func(args [][2]int) bool {
		for _, p := range args {
			a, b := x.unparen(p[0], p[1])
			if b == a+1 && (x.T(a).kw("NULL") || x.T(a).typ == tString) {
				continue
			}
			qual, col, ok := x.bareColumn(a, b)
			if !ok {
				return false
			}
			e := x.columnTypeExpr(qual, col)
			d, known := decls[e]
			if !known {
				d = declOf(e)
				decls[e] = d
			}
			o, _ := DeclTypeOID(d)
			return o == pgoid.Bpchar
		}
		return false
	}
	for _, it := range x.resultItems() { // arith_types.go
		a, b := x.itemExpr(it[0], it[1])
		a, b = x.unparen(a, b)
		if b <= a || x.match(a+1) != b-1 {
			continue
		}
		switch {
		case x.isCall(a, "pg_array"):
			args := x.splitTop(a+2, b-1)
			if !firstBpchar(args) {
				continue
			}
			for _, p := range args {
				pad(p[0], p[1])
			}
		case x.isCall(a, "pg_array_agg"):
			s := a + 2
			if x.kw(s, "DISTINCT") {
				s++
			}
			e := s
			for e < b-1 && !(x.depth[e] == x.depth[s] && (x.kw(e, "ORDER") || x.isP(e, ","))) {
				e++
			}
			if e > s {
				pad(s, e)
			}
		}
	}
	if len(eds) == 0 {
		return ""
	}
	return applyEdits(sqlText, eds)
}
