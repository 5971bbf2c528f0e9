package pgdialect

// concat_columns.go: || between two columns, whose types are known at
// run time only.
//
// jsonPass decides `doc || '{"z": 0}'` at run time from the column's
// type (jsonColumnOperand); with two columns neither operand is a
// literal and the pair was left to SQLite's text ||: '{10,20}{30}' for
// PostgreSQL's {10,20,30}. Here both columns' declared types choose, as
// PostgreSQL's operator resolution does: jsonb || jsonb is the jsonb
// concatenation; an array on either side is the array one (array_cat,
// array_append or array_prepend by the types, not by the values, so a
// text '{w}' appended to a text[] stays one element and a NULL array is
// no NULL element); two non-array values of which neither is a string
// have no operator (int4 || int4, json || json: 42883); anything else
// stays text's || (fast, and anynonarray || text).

import (
	"database/sql/driver"
	"strings"

	"modernc.org/sqlite"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// concatColumnsCall is the run-time choice of || between the columns
// ls..i-1 and i+1..re-1 whose declared types are the SQL expressions lt
// and rt (columnTypeExpr); its shape is jsonPass's (runtimeOperatorCall
// and ConcatItems read it). Text's || gets its operands as
// outTextConcatOps would (a boolean column is true, not 1), the other
// branches the values.
func (x *tx) concatColumnsCall(ls, i, re int, lt, rt string) string {
	left, right := x.text(ls, i), x.text(i+1, re)
	if x.castsChecked() {
		x.outTextWrap(ls, i, false) // textoperands.go
		x.outTextWrap(i+1, re, false)
	}
	tl, tr := x.text(ls, i), x.text(i+1, re)
	jsonb := "('jsonb', '" + JSONBDeclType + "')"
	return "CASE WHEN lower(" + lt + ") IN " + jsonb + " AND lower(" + rt + ") IN " + jsonb +
		" THEN pg_jsonb_concat(" + left + ", " + right + ")" +
		" ELSE CASE WHEN substr(" + lt + ", 1, 1) = '_' OR substr(" + rt + ", 1, 1) = '_' OR (SELECT pg_concat_refused(" + lt + ", " + rt + "))" + // once a statement, not a row
		" THEN pg_array_concat(" + left + ", " + right + ", " + lt + ", " + rt + ") ELSE " + tl + " || " + tr + " END END"
}

// concatColumnTypes are the declared-type expressions of the two
// operands ls..i-1 and i+1..re-1 of a || when both are columns (of the
// statement's FROM items or a scalar subquery's), ok=false otherwise.
func (x *tx) concatColumnTypes(ls, i, re int) (lt, rt string, ok bool) {
	if x.concatInChain(ls, re) {
		return "", "", false
	}
	lt, rt = x.concatOperandType(ls, i), x.concatOperandType(i+1, re)
	return lt, rt, lt != "" && rt != ""
}

// concatInChain reports whether the operands ls..re-1 of a || are not
// the operator's own: 'x' || n || d is ('x' || n) || d, a || b + c is
// a || (b + c) (a comparison binds looser).
func (x *tx) concatInChain(ls, re int) bool {
	return x.T(ls-1).typ == tOp && !comparisonOps[x.T(ls-1).text] || x.T(re).typ == tOp && strings.Contains("+-*/%^", x.T(re).text)
}

// concatOperandType is the declared-type expression of the operand a..b-1
// of a ||: a column's (operandColumnType), or a conditional's
// (conditionalOperandType); "" otherwise.
func (x *tx) concatOperandType(a, b int) string {
	if t := x.operandColumnType(a, b); t != "" {
		return t
	}
	return x.conditionalOperandType(a, b)
}

// conditionalOperandType is the declared-type expression of a..b-1 when
// it is a conditional whose
// branches are columns, integer constants and untyped literals (a
// CASE, coalesce or nullif): its first
// column's type, else int4. a || CASE WHEN b THEN 7 END with a an int[]
// column is PostgreSQL's array_append ({1,2,7}); as text's || it was
// '{1,2}7', a silently different answer. A branch of any other kind (a
// numeric constant beside a column, an expression) leaves it "", as the
// types might differ from the first column's.
func (x *tx) conditionalOperandType(a, b int) string {
	a, b = x.unparen(a, b)
	if b <= a || !x.conditionalCall(a) || x.T(a).typ == tIdent && (strings.EqualFold(x.T(a).text, "greatest") || strings.EqualFold(x.T(a).text, "least")) {
		return "" // greatest and least are rewritten later (minmax_conditional.go), their copied text no operand here
	}
	col, num := "", false
	for _, br := range x.conditionalBranches(a, b) { // numeric_runtimecmp.go
		switch ba, bb := x.unparen(br[0], br[1]); {
		case bb-ba == 1 && x.T(ba).typ == tNumber && numLiteralType(x.T(ba).text) == "int4":
			num = true
		case bb-ba == 1 && (x.T(ba).typ == tString || x.T(ba).kw("NULL")):
		default:
			t := x.operandColumnType(ba, bb)
			if t == "" {
				return ""
			}
			if col == "" {
				col = t
			}
		}
	}
	switch {
	case col != "":
		return col
	case num:
		return "'int4'"
	}
	return ""
}

// concatOperand is a rewritten a || b: its end and the SQL expression of
// its declared type (the array's, jsonb, else TEXT).
type concatOperand struct {
	end int
	typ string
}

// noteConcat records the || rewritten at ls..re-1 over operands of types
// lt and rt, so that a chain a || b || c types (a || b) too.
func (x *tx) noteConcat(ls, re int, lt, rt string) {
	if x.concatOps == nil {
		x.concatOps = map[int]concatOperand{}
	}
	x.concatOps[ls] = concatOperand{re, "(CASE WHEN substr(" + lt + ", 1, 1) = '_' THEN " + lt + " WHEN substr(" + rt + ", 1, 1) = '_' THEN " + rt +
		" WHEN lower(" + lt + ") IN ('jsonb', '" + JSONBDeclType + "') AND lower(" + rt + ") IN ('jsonb', '" + JSONBDeclType + "') THEN 'jsonb' ELSE 'TEXT' END)"}
}

// operandColumnType is the declared-type expression (columnTypeExpr) of
// the operand a..b-1 when it is a column, or a scalar subquery selecting
// one column of its own FROM items, "" otherwise.
func (x *tx) operandColumnType(a, b int) string {
	if c, ok := x.concatOps[a]; ok && c.end == b {
		return c.typ
	}
	if t := x.derivedColumnType(a, b); t != "" {
		return t
	}
	if q, c, ok := x.bareColumn(a, b); ok {
		if t := x.columnTypeExpr(q, c); t != "NULL" {
			return t
		}
		return ""
	}
	if b-a < 4 || !x.isP(a, "(") || x.match(a) != b-1 || !x.kw(a+1, "SELECT") {
		return ""
	}
	sub := newTx(x.text(a+1, b-1)) // the subquery's own FROM items only
	items := sub.resultItems()
	if len(items) != 1 {
		return ""
	}
	ia, ib := sub.itemExpr(items[0][0], items[0][1])
	q, c, ok := sub.bareColumn(ia, ib)
	if !ok {
		return ""
	}
	if t := sub.columnTypeExpr(q, c); t != "NULL" {
		return t
	}
	return ""
}

// derivedColumnType is the declared-type expression of the operand a..b-1
// when it is a column of a derived table or CTE whose type derivedcols.go
// resolved (statically, or to a table's column read at run time), ""
// otherwise. The statement's own tables do not have it: a.ta of FROM
// (SELECT * FROM t) a, or a.x of (SELECT ta AS x FROM t) a, was read as
// of no type, and a NULL array beside ARRAY['y'] became {NULL,y}.
func (x *tx) derivedColumnType(a, b int) string {
	if r, ok := x.resolved[a]; ok && r.end == b && r.oid != 0 {
		if name := TypeName(r.oid); name != "" {
			if d, _ := DeclTypeOID(name); d == r.oid {
				return quoteLit(name)
			}
		}
		return ""
	}
	if r, ok := x.colRTypes[a]; ok && r.end == b && (strings.HasPrefix(r.expr, "(SELECT pg_col_numtype(") || strings.HasPrefix(r.expr, numTypeQueryPrefix)) {
		return strings.Replace(r.expr, "pg_col_numtype(", "pg_col_typename(", 1)
	}
	return ""
}

// fnColTypeName is pg_col_typename, pg_col_numtype's twin (same arguments,
// arith_columns.go): the column's declared type as its table declares it
// (what columnTypeExpr reads from pragma_table_xinfo), "" when not known
// or, over several tables, not one column's.
func fnColTypeName(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if len(a) == 2 {
		decl, _ := tableColDecl(str(a[0]), a[1]) // viewdecls.go
		return decl, nil
	}
	if len(a) < 2 {
		return nil, pgErr("42883", "function pg_col_typename takes 2 or more arguments")
	}
	out, n := "", 0
	for _, create := range a[1:] {
		if create == nil {
			continue
		}
		if decl, ok := tableColDecl(str(create), a[0]); ok {
			out, n = decl, n+1
		}
	}
	if n != 1 {
		return "", nil
	}
	return out, nil
}

// comparisonOps bind looser than ||: a || b = c compares a || b.
var comparisonOps = map[string]bool{"=": true, "<>": true, "!=": true, "<": true, ">": true, "<=": true, ">=": true}

// fnConcatRefused is pg_concat_refused(ltype, rtype): no || operator
// takes two non-array values of these declared types: neither is a
// string (text || anynonarray needs one) and they are not jsonb and
// jsonb (int4 || int4, json || json, jsonb || int4: 42883, raised by
// pg_array_concat's typed form). A type not known here is never refused.
func fnConcatRefused(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	var oids [2]uint32
	for i, v := range a {
		if v == nil {
			return int64(0), nil
		}
		o, refused := concatDeclOID(str(v)) // concat_static.go
		if !refused {
			return int64(0), nil
		}
		oids[i] = o
	}
	if oids[0] == pgoid.JSONB && oids[1] == pgoid.JSONB {
		return int64(0), nil
	}
	return int64(1), nil
}

// fnArrayConcatTyped is pg_array_concat(l, r, ltype, rtype): l || r with
// the operands' declared types known (an array on one side, or json on
// both), as PostgreSQL resolves the operator (concatNoOperator, the
// rule the static check in sqlexec also applies).
func fnArrayConcatTyped(a []driver.Value) (driver.Value, error) {
	lo, _ := DeclTypeOID(strings.ToLower(str(a[2])))
	ro, _ := DeclTypeOID(strings.ToLower(str(a[3])))
	le, re := pgoid.ElemOf(lo), pgoid.ElemOf(ro)
	switch {
	case le != 0 && ro == 0:
		// an array beside an expression of a type the statement does not
		// show (concat_elements.go): the array's NULL is a NULL array
		// (NULL || ARRAY[f(x)] is {...}), the other value an array when
		// it reads as one
		if arrayText(a[1]) {
			return fnArrayCat(nil, a[:2])
		}
		return fnArrayAppend(nil, a[:2])
	case re != 0 && lo == 0:
		if arrayText(a[0]) {
			return fnArrayCat(nil, a[:2])
		}
		return fnArrayPrepend(nil, a[:2])
	case lo == 0 || ro == 0:
		return fnArrayConcat(nil, a[:2]) // not known: by the values
	case concatNoOperator(lo, ro, true): // json || json, json || jsonb: no such operator
		return nil, pgErr("42883", "operator does not exist: %s || %s", FormatType(lo, -1), FormatType(ro, -1))
	case (lo == pgoid.Bit || lo == pgoid.Varbit) && (ro == pgoid.Bit || ro == pgoid.Varbit):
		if a[0] == nil || a[1] == nil {
			return nil, nil
		}
		return str(a[0]) + str(a[1]), nil // bitcat: the 0/1 texts joined (bits.go)
	case le != 0 && re != 0:
		// each operand read by its array type's input function: an
		// untyped literal beside an array column is that array type
		// (ia || '{x}' is 22P02 for integer "x", jsonColumnOperand)
		l, err := inArray(le)(nil, a[:1])
		if err != nil {
			return nil, err
		}
		r, err := inArray(re)(nil, a[1:2])
		if err != nil {
			return nil, err
		}
		return fnArrayCat(nil, []driver.Value{l, r})
	case le != 0:
		return fnArrayAppend(nil, a[:2])
	}
	return fnArrayPrepend(nil, a[:2])
}

// fnArrayConcatAny is pg_array_concat with two arguments (the values
// decide, array_translate.go), four (the types decide, above) or three:
// pg_array_concat(l, r, arraytype), an array column beside an untyped
// literal or NULL, both operands of the column's array type
// (jsonColumnOperand: tags || '{w}', tags || NULL).
func fnArrayConcatAny(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if len(a) == 3 {
		return fnArrayConcatTyped([]driver.Value{a[0], a[1], a[2], a[2]})
	}
	if len(a) == 4 {
		return fnArrayConcatTyped(a)
	}
	if len(a) != 2 {
		return nil, pgErr("42883", "function pg_array_concat takes 2, 3 or 4 arguments")
	}
	return fnArrayConcat(nil, a)
}

// concatShownTypes are the extra arguments of pg_array_concat for the ||
// between ls..i-1 and i+1..re-1 (arrayPass) where one operand is a
// column and the other an array shown by its text (ARRAY[...], a cast):
// ", coltype, 'arraytype'", so that a NULL column is a NULL array or
// element as its type says (NULL || ARRAY[1,2] is {1,2}, not {NULL,1,2});
// "" when either type is not known.
func (x *tx) concatShownTypes(ls, i, re int) string {
	shown := func(a, b int) string {
		o := x.arrayExprOID(a, b)
		if o == 0 {
			return ""
		}
		name := TypeName(o)
		if d, _ := DeclTypeOID(name); d != o {
			return ""
		}
		return quoteLit(name)
	}
	// an operand's type: a column's, a shown array's, or an expression's
	// as the statement shows it (concat_elements.go: ARRAY['x'] ||
	// upper('{q}') appends the text, where its value read as an array
	// was concatenated)
	typ := func(a, b int) string {
		// a column's, or a conditional's (nullif(ta, '{a}') || ARRAY['q']
		// is {q} where ta's NULL became {NULL,q})
		if t := x.concatOperandType(a, b); t != "" {
			return t
		}
		if t := shown(a, b); t != "" {
			return t
		}
		if x.concatExpression(a, b) {
			return x.elementTypeExpr(a, b)
		}
		return ""
	}
	l, r := typ(ls, i), typ(i+1, re)
	if l == "" || r == "" || l == "NULL" && r == "NULL" {
		return ""
	}
	return ", " + l + ", " + r
}
