package pgdialect

// anyall_unknown.go: a quoted literal on the left of op ANY/SOME/ALL
// (array). PostgreSQL gives the unknown literal the array's element type
// ('1' = ANY (ARRAY[1]) is true, 'a' = ANY (ARRAY[1]) is 22P02); the
// translation compared its text with the elements json_each yields (1 is
// an integer there, so '1' matched nothing). The literal becomes the
// element type's value, in the form json_each gives the elements
// (pg_array_json): the array's type is the statement's when it shows one
// (ARRAY[1], '{1}'::int[]), else an array column's declared type read at
// run time (columnTypeExpr), so it is decided once per statement.
//
//	'1' = ANY (ia) -> pg_elem_value(pg_in_decl('1', pg_elem_decl(D)), D) IN (...)
//
// pg_in_decl is the input function of the element type (with the entry's
// pinned clock: 'today' = ANY (dates) is deterministic).

import (
	"database/sql/driver"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"modernc.org/sqlite"
)

func init() {
	arrayFuncs["pg_elem_decl"] = struct {
		n int32
		f fn
	}{1, fnElemDecl}
	arrayFuncs["pg_elem_value"] = struct {
		n int32
		f fn
	}{2, fnElemValue}
}

// unknownAnyLeft rewrites the left operand s..i-2 of op ANY/SOME/ALL at i
// (the array at i+1..e, a parenthesis pair) when it is a quoted literal
// of no type of its own. decl is anyAll's ", <declared type>" of an array
// column ("" when the array is no bare column); the result is the one
// pg_array_json then reads: a static array type of text elements, so
// ARRAY['1', '2'] (text[]) keeps its elements text rather than numbers
// by their look (numbers and booleans read by their look already: an
// ARRAY[true] the statement builds holds 1, no boolean's text).
func (x *tx) unknownAnyLeft(s, i, e int, decl string) string {
	if !x.plainStringOperand(s, i-1) {
		return decl
	}
	d := ""
	if decl != "" {
		d = decl[2:]
	} else if x.plainStringOperand(i+2, e) {
		// unknown = ANY (unknown): PostgreSQL resolves text = ANY (text[])
		d = quoteLit(TypeName(pgoid.ArrayOf(pgoid.Text)))
		decl = ", " + d
	} else if o := x.exprOID(i+2, e); pgoid.ElemOf(o) != 0 {
		d = quoteLit(TypeName(o))
		if jsonKind(TypeName(o)) == "text" {
			decl = ", " + d
		}
	}
	if d == "" {
		return "" // an array of no type shown: the text compares
	}
	t := x.T(s)
	t.pre = "pg_elem_value(pg_in_decl(" + t.pre
	t.suf += ", pg_elem_decl(" + d + ")), " + d + ")"
	return decl
}

// unknownAnyElem is the element type of the array of op ANY/SOME/ALL
// (array) when a quoted literal at s is its whole left operand and the
// statement shows the array's type (ARRAY[1], '{1}'::int[]); 0 otherwise.
// Parse analysis reads the literal with that type's input function, so
// its error comes before any row is read (planconst.go).
func (x *tx) unknownAnyElem(s int) uint32 {
	i := s + 2
	if !x.plainStringOperand(s, s+1) || anyAllOps[x.T(s+1).text] == "" || !(x.kw(i, "ANY") || x.kw(i, "SOME") || x.kw(i, "ALL")) ||
		!x.isP(i+1, "(") || x.kw(i+2, "SELECT") || x.kw(i+2, "WITH") || x.kw(i+2, "VALUES") || x.anyAllLeft(i) != s {
		return 0
	}
	return pgoid.ElemOf(x.exprOID(i+2, x.match(i+1)))
}

// unknownAnyColumn is, for a quoted literal at s that is the whole left
// operand of op ANY/SOME/ALL (an array column), a query PostgreSQL's
// parse analysis would run to read it with the column's element type
// ('x' = ANY (ia) of an int[] column: 22P02 before any row is read): the
// literal compared with the column of one row of NULLs of the
// statement's tables that the column's qualifier names (all of them
// without one), whose translation reads it as anyAll does. "" when the
// literal is no such operand. A name the tables give twice is SQLite's
// ambiguity, no data exception: the statement is then left to its rows.
func (x *tx) unknownAnyColumn(s int) string {
	i := s + 2
	if !x.plainStringOperand(s, s+1) || anyAllOps[x.T(s+1).text] == "" || !(x.kw(i, "ANY") || x.kw(i, "SOME") || x.kw(i, "ALL")) ||
		!x.isP(i+1, "(") || x.kw(i+2, "SELECT") || x.kw(i+2, "WITH") || x.kw(i+2, "VALUES") || x.anyAllLeft(i) != s {
		return ""
	}
	e := x.match(i + 1)
	q, col, ok := x.bareColumn(i+2, e)
	if !ok {
		return ""
	}
	var from strings.Builder
	seen := map[fromTable]bool{}
	for _, ft := range x.fromTables() {
		if ft.name == "" || seen[ft] || (q != "" && ft.alias != q && !(ft.alias == "" && ft.name == q)) {
			continue
		}
		seen[ft] = true
		from.WriteString(" LEFT JOIN " + quoteIdent(ft.name))
		if ft.alias != "" {
			from.WriteString(" AS " + quoteIdent(ft.alias))
		}
		from.WriteString(" ON false")
	}
	if from.Len() == 0 {
		return ""
	}
	ref := quoteIdent(col)
	if q != "" {
		ref = quoteIdent(q) + "." + ref
	}
	return "(SELECT " + x.orig(s, s+1) + " = ANY (" + ref + ") FROM (SELECT 1) AS pg_plan_row" + from.String() + ")"
}

// fnElemDecl is pg_elem_decl(decl): the element type of the array type
// decl, NULL when decl is no array type (pg_in_decl then leaves the value
// as it is).
func fnElemDecl(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	o, _ := DeclTypeOID(str(a[0]))
	if n := TypeName(pgoid.ElemOf(o)); n != "" {
		return n, nil
	}
	return nil, nil
}

// fnElemValue is pg_elem_value(v, decl): v, a value of the element type
// of array type decl, as json_each gives that array's elements from
// pg_array_json: JSON numbers (integers, else reals), booleans 1/0, the
// rest text.
func fnElemValue(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	s := str(a[0])
	switch jsonKind(a[1]) {
	case "bool":
		if b, ok := a[0].(int64); ok {
			return boolInt(b != 0), nil
		}
		return boolInt(s == "t" || s == "true"), nil
	case "number":
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return n, nil
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return f, nil
		}
	}
	return a[0], nil
}
