package pgdialect

// numeric_arrays.go: the elements of a numeric[] column, read by a
// subscript (a[1]) or unnest(a). PostgreSQL keeps each element's scale
// ({1.50,2.0} unnests as 1.50, 2.0) and compares, sorts and aggregates
// them by value. The translation has no schema, so an array column's
// element type is known only at run time (pg_array_json and
// pg_array_get read the column's declared type, the expression
// columnTypeExpr writes): json_each gave the elements as SQLite numbers
// (1.5, 2), and a subscript gave integers as numbers and the others as
// text, which SQLite orders after every number (max(a[1]) of 4 and 1.50
// was 1.50). A value's collation cannot be chosen at run time, so once
// SQLite has compiled the statement (sqlexec: the declared types are the
// schema's, the same on every node) the calls over a numeric[] column
// are rewritten as the translation writes those over a numeric[] the
// statement shows (unnestExact): each element as its exact text, a
// numeric value with the collation of numeric values.
//
// The elements of an int2[], int4[] or int8[] column are SQLite integers
// without affinity, so a comparison with a string literal (a[2] > '5',
// FROM t, unnest(t.a) u WHERE u IN ('6', '7')) compared them as text
// (an integer is less than every text: no row). They get INTEGER's
// affinity back, as an int column has: CAST(... AS INTEGER), which keeps
// every integer as it is.

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// NumericArrayConversion is the SQLite statement sqlText with the
// subscripts and unnest calls over numeric[] columns converted (see
// above), "" when it has none. declOf evaluates a declared-type
// expression the translation wrote (an uncorrelated read of the schema)
// to the declared type, "" when it cannot.
func NumericArrayConversion(sqlText string, declOf func(expr string) string) string {
	if !strings.Contains(sqlText, "pg_array_get(") && !strings.Contains(sqlText, "pg_array_json(") {
		return ""
	}
	x := newTx(sqlText)
	elem := func(decl [2]int) uint32 {
		o, _ := DeclTypeOID(declOf(x.orig(decl[0], decl[1])))
		return pgoid.ElemOf(o) // as pg_array_json reads it (jsonKind)
	}
	integer := func(o uint32) bool { return o == pgoid.Int2 || o == pgoid.Int4 || o == pgoid.Int8 }
	pre, suf, _ := strings.Cut(exactNumericValue("\x00"), "\x00")
	ins := map[int]string{} // byte offset: text inserted there
	add := func(at int, s string, before bool) {
		if before {
			ins[at] = s + ins[at]
		} else {
			ins[at] += s
		}
	}
	wrap := func(a, m int, o uint32) { // the call a..m (m its closing parenthesis) over elements of type o
		if integer(o) {
			add(x.T(a).pos, "CAST(", true)
			add(x.T(m).pos+1, " AS INTEGER)", false)
			return
		}
		add(x.T(a).pos, pre, true)
		add(x.T(m).pos+1, suf, false)
	}
	for i := 0; i+1 < x.n(); i++ {
		if !x.isCall(i, "pg_array_get") {
			continue
		}
		m := x.match(i + 1)
		if args := x.splitTop(i+2, m); len(args) == 3 {
			if o := elem(args[2]); o == pgoid.Numeric || integer(o) {
				wrap(i, m, o)
			}
		}
	}
	for i := 0; i+3 < x.n(); i++ {
		if !x.isCall(i, "json_each") || !x.isCall(i+2, "pg_array_json") {
			continue
		}
		m := x.match(i + 3)
		args := x.splitTop(i+4, m)
		if len(args) != 2 || !x.isP(m+1, ")") {
			continue
		}
		o := elem(args[1])
		if o != pgoid.Numeric && !integer(o) {
			continue
		}
		alias := m + 2
		if x.kw(alias, "AS") {
			alias++
		}
		if alias >= x.n() || x.T(alias).typ != tIdent && x.T(alias).typ != tQIdent {
			continue
		}
		elems, ok := x.unnestElemCalls(x.T(alias).identName())
		if !ok {
			continue
		}
		if o == pgoid.Numeric {
			add(x.T(m).pos, ", 'exact'", false) // pg_array_json's exact text (array.go)
		}
		for _, e := range elems {
			wrap(e[0], e[1], o)
		}
	}
	if len(ins) == 0 {
		return ""
	}
	var b strings.Builder
	for k := 0; k <= len(sqlText); k++ {
		b.WriteString(ins[k])
		if k < len(sqlText) {
			b.WriteByte(sqlText[k])
		}
	}
	return b.String()
}

// isCall reports whether token i is a call of the function name.
// callName is the lower-cased name of the unqualified call starting at
// token i that no pass has rewritten yet, "" when i starts none.
func (x *tx) callName(i int) string {
	t := x.T(i)
	if t.typ != tIdent || t.ed || !x.isP(i+1, "(") || x.isP(i-1, ".") {
		return ""
	}
	return strings.ToLower(t.text)
}

func (x *tx) isCall(i int, name string) bool {
	t := x.T(i)
	return t.typ == tIdent && strings.EqualFold(t.text, name) && x.isP(i+1, "(") && !x.isP(i-1, ".") && x.match(i+1) < x.n()
}

// unnestElemCalls are the calls pg_unnest_elem(alias.value, arr) (start,
// closing parenthesis) of the json_each item alias; ok is false when
// alias.value is read anywhere else (the value itself then: its
// representation must not change).
func (x *tx) unnestElemCalls(alias string) (calls [][2]int, ok bool) {
	for k := 0; k+2 < x.n(); k++ {
		t := x.T(k)
		if t.typ != tIdent && t.typ != tQIdent || t.identName() != alias || !x.isP(k+1, ".") || !strings.EqualFold(x.T(k+2).identName(), "value") {
			continue
		}
		if k < 2 || !x.isP(k-1, "(") || !x.isCall(k-2, "pg_unnest_elem") {
			return nil, false
		}
		calls = append(calls, [2]int{k - 2, x.match(k - 1)})
	}
	return calls, len(calls) > 0
}
