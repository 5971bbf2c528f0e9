package pgdialect

// scalarsub_item.go: the value of a scalar subquery. (SELECT sum(amt)
// FROM o WHERE o.c_id = c.id) is its one select item's value, and SQLite
// gives a subquery's value neither its item's affinity nor its
// collation: a numeric aggregate's text then ordered after every number
// and as text among numerics (103.00 before 3.75), and compared with a
// number as text. Treated as its item, it takes part in what the
// statement knows of the item's type: ORDER BY it (orderby_numeric.go)
// and comparisons with numbers (numeric_runtimecmp.go) go by value.

// scalarSubqueryItem is the expression of the one select item of a..b-1
// when a..b-1 is a parenthesised SELECT of one item and no set operation
// (a scalar subquery); ok=false otherwise.
func (x *tx) scalarSubqueryItem(a, b int) (int, int, bool) {
	if !x.isP(a, "(") || x.match(a) != b-1 || !x.kw(a+1, "SELECT") {
		return 0, 0, false
	}
	d := x.depth[a+1]
	for k := a + 1; k < b-1; k++ {
		if x.depth[k] == d && x.isSetOp(k) {
			return 0, 0, false
		}
	}
	items, _ := x.selectListAt(a + 1)
	if len(items) != 1 || x.kw(a+2, "DISTINCT") && x.kw(a+3, "ON") {
		return 0, 0, false
	}
	ia, ib := x.itemExpr(items[0][0], items[0][1])
	if ib <= ia || x.isP(ia, "*") || x.isP(ib-1, "*") {
		return 0, 0, false
	}
	return ia, ib, true
}

// numberInSubquery gives a number constant tested with IN against a
// subquery of one numeric item (103 IN (SELECT sum(amt) FROM o ...), 3
// IN (SELECT amt * 1 ...)) the TEXT affinity and collation of numeric
// values, as arithMembership gives an arithmetic operand: the item's
// numeric text, of no affinity, then compares with the constant's text
// by value, where SQLite found no integer equal to text. IN at i, the
// operand ending before e.
func (x *tx) numberInSubquery(i, e int) {
	m := x.match(i + 1)
	ia, ib, ok := x.scalarSubqueryItem(i+1, m+1)
	if !ok {
		return
	}
	t, arith := x.arithTypes[ia]
	arith = arith && x.castEnd[ib-1] == ia && (t == "?" || t == "numeric")
	if rt := x.numTypeExpr(ia, ib); !arith && rt != "'numeric'" && (rt == "" || rt[0] == '\'') && !x.conditionalNumeric(ia, ib) {
		return
	}
	a := e - 1
	for a > 0 && x.T(a-1).typ == tOp && (x.T(a-1).text == "-" || x.T(a-1).text == "+") && !x.endsOperand(a-2) {
		a--
	}
	if !x.numberConst(a, e) {
		return
	}
	if t := x.T(a - 1); a > 0 && t.typ == tOp && !x.isP(a-1, "=") {
		// the right operand of an operator ((array_length(ia, 1) + 1)
		// IN (SELECT ...)): arithmetic, not the constant alone (its CAST
		// went around the 1 inside pg_add's arguments: a syntax error)
		return
	}
	x.T(a).pre = "CAST(" + x.T(a).pre
	x.T(e - 1).suf += " AS TEXT) COLLATE " + NumericCollation
}
