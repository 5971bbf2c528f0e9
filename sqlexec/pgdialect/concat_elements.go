package pgdialect

// concat_elements.go: || between a column and an expression of any other
// kind (a function call, greatest/least, arithmetic, a scalar subquery).
//
// jsonPass decided such a || at run time only when the other operand was
// a literal (jsonColumnOperand) or a column too (concat_columns.go); with
// a call or an arithmetic beside an array column it stayed text's ||:
// int[] a || greatest(2, 3) was '{1,2}3' for PostgreSQL's {1,2,3}. The
// column's declared type still chooses at run time (concatColumnsCall),
// the expression's type being what the statement shows of it, so that
// text[] || upper('{a}') appends the one element "{A}" (PostgreSQL's
// array_append), where its value read as an array was concatenated
// ({x,y,A}), and int[] || upper('x') is PostgreSQL's 42883.

// concatElementTypes are the declared-type expressions (as
// concatColumnTypes gives them) of the operands ls..i-1 and i+1..re-1 of
// a || whose one operand is a column (concatOperandType) and the other an
// expression of no literal's kind: the expression's type as the statement
// shows it (elementTypeExpr); ok=false otherwise.
func (x *tx) concatElementTypes(ls, i, re int) (lt, rt string, ok bool) {
	if x.concatInChain(ls, re) { // concat_columns.go
		return "", "", false
	}
	if lt = x.concatOperandType(ls, i); lt != "" {
		if !x.concatExpression(i+1, re) {
			return "", "", false
		}
		return lt, x.elementTypeExpr(i+1, re), true
	}
	if rt = x.concatOperandType(i+1, re); rt != "" && x.concatExpression(ls, i) {
		return x.elementTypeExpr(ls, i), rt, true
	}
	return "", "", false
}

// concatExpression reports whether a..b-1 is an operand this file types:
// not a literal, NULL, parameter or cast literal (their type comes from
// the column: jsonColumnOperand, concat_unknown.go), and no expression
// jsonPass reads as jsonb.
func (x *tx) concatExpression(a, b int) bool {
	if b <= a || b == a+1 {
		return false // a literal, NULL, a parameter, a column (concatColumnTypes)
	}
	if x.T(a).typ == tString && x.T(a+1).typ == tCast {
		return false // 'x'::text: jsonColumnOperand's
	}
	return !x.jsonExpr(a, b, x.jsonKnown)
}

// elementTypeExpr is the SQL expression of the type of the operand a..b-1
// of a || beside a column: its type name quoted where the statement shows
// it, NULL otherwise (pg_array_concat then reads the value: an array's
// text is an array).
func (x *tx) elementTypeExpr(a, b int) string {
	o := x.concatOperandOID(a, b)
	if o == 0 {
		// arithmetic over columns: its type at run time (t || (id * 2)
		// is PostgreSQL's 42883 for a text[] t)
		if e := x.numTypeExpr(a, b); e != "" {
			return e
		}
		return "NULL"
	}
	name := TypeName(o)
	if d, _ := DeclTypeOID(name); d != o {
		return "NULL"
	}
	return quoteLit(name)
}

// concatOperandOID is the type of the operand a..b-1 of a || as the
// statement shows it: exprOID's, else the numeric type of a call typed by
// its arguments (abs(2), greatest(2, 3) are int4: numTypeExpr), 0 when
// not shown.
func (x *tx) concatOperandOID(a, b int) uint32 {
	if o := x.exprOID(a, b); o != 0 {
		return o
	}
	// a static numeric type numTypeExpr quotes ('int4'), not a run-time
	// type expression
	if e := x.numTypeExpr(a, b); len(e) > 2 && e[0] == '\'' && e[len(e)-1] == '\'' {
		return arithTypeOIDs[e[1:len(e)-1]]
	}
	return 0
}
