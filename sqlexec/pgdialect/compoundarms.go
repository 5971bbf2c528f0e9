package pgdialect

import pgoid "github.com/raftsql/raftsql/pgwire/oid"

// CompoundArms splits the SQLite statement sqlText, when it is a compound
// SELECT (operands joined by UNION, INTERSECT or EXCEPT at the top level),
// into one SELECT per operand: each with the statement's WITH clause,
// none with the compound's ORDER BY or LIMIT. It returns nil for any
// other statement; EXCEPT ALL / INTERSECT ALL, which setOpAll rewrites
// to CTEs, give their two operands. sqlexec compiles the operands to read each one's
// declared column types: SQLite declares a compound's columns as its
// first operand's, PostgreSQL keeps a type modifier only when every
// operand's column has it (select_common_typmod).
func CompoundArms(sqlText string) []string {
	x := newTx(unwrapBpcharPad(unwrapSetOpValue(sqlText))) // setoptypes.go, bpchar_mixed.go: the items as written
	arms := x.compoundArmBounds()
	with := ""
	if arms == nil {
		// EXCEPT ALL / INTERSECT ALL as setOpAll wrote them: the operands
		// are pg_sa's and pg_sb's bodies, which need none of the WITH
		// clause (a statement with its own WITH is refused there); with
		// it, each operand would again be such a statement, its operands
		// read without end
		arms, _ = x.setOpAllArms() // setops.go
	} else if x.T(0).kw("WITH") {
		with = x.text(0, x.withEnd()) + " "
	}
	if arms == nil {
		return nil
	}
	out := make([]string, len(arms))
	for k, arm := range arms {
		out[k] = with + x.text(arm[0], arm[1])
	}
	return out
}

// withEnd is the token starting the query after the statement's WITH
// clause: its first SELECT or VALUES at the top level (x.n() when none).
func (x *tx) withEnd() int {
	for i := 0; i < x.n(); i++ {
		if x.depth[i] == 0 && (x.T(i).kw("SELECT") || x.T(i).kw("VALUES")) {
			return i
		}
	}
	return x.n()
}

// compoundArmBounds are the token ranges of the operands of the
// statement when it is a compound SELECT (operands joined by UNION,
// INTERSECT or EXCEPT at the top level, after a WITH clause, or inside a
// unionKeepFirst wrapping), each without the compound's ORDER BY or
// LIMIT; nil for any other statement.
func (x *tx) compoundArmBounds() [][2]int {
	start := x.withEnd()
	if start >= x.n() || start > 0 && !x.T(0).kw("WITH") {
		return nil
	}
	return x.compoundArmBoundsAt(start)
}

// compoundArmBoundsAt is compoundArmBounds for the query starting at
// token start (a parenthesised one ends at its closing parenthesis).
func (x *tx) compoundArmBoundsAt(start int) [][2]int {
	if x.unionArms(start) != "" { // unionfirst.go
		start += 5
	}
	d := x.depth[start]
	var arms [][2]int
	a := start
	for i := start; i <= x.n(); i++ {
		end := i == x.n() || x.depth[i] < d || x.depth[i] == d && (x.isP(i, ";") || x.kw(i, "ORDER", "BY") || x.T(i).kw("LIMIT"))
		if !end && !(x.depth[i] == d && x.isSetOp(i)) {
			continue
		}
		arms = append(arms, [2]int{a, i})
		if end {
			break
		}
		if x.kw(i+1, "ALL") || x.kw(i+1, "DISTINCT") {
			i++
		}
		a = i + 1
	}
	if len(arms) < 2 {
		return nil
	}
	return arms
}

// ItemTypes are the types of the items of the first select list of the
// SQLite statement sqlText that are constants (ExprType), 0 for the
// others: a compound's operand SELECT 0 or SELECT 1.5 declares no type,
// but its column takes part in the compound's common type.
func ItemTypes(sqlText string) []uint32 {
	x := newTx(sqlText)
	lists := x.selectLists()
	if len(lists) == 0 {
		return nil
	}
	if out, ok := x.valuesOperandTypes(lists[0]); ok {
		return out
	}
	out := make([]uint32, len(lists[0]))
	for i, it := range lists[0] {
		a, b := x.itemExpr(it[0], it[1])
		if o := x.exprType(a, b); o != pgoid.Unknown {
			out[i] = o
		}
	}
	return out
}

// valuesOperandTypes is ItemTypes of a VALUES operand as
// setop_select_values.go writes it, SELECT * FROM (VALUES (...), ...):
// each column's constants' common type, 0 where one is no constant.
func (x *tx) valuesOperandTypes(list [][2]int) ([]uint32, bool) {
	if len(list) != 1 || list[0][1] != list[0][0]+1 || !x.isP(list[0][0], "*") ||
		!x.kw(list[0][1], "FROM") || !x.isP(list[0][1]+1, "(") || !x.kw(list[0][1]+2, "VALUES") {
		return nil, false
	}
	m := x.match(list[0][1] + 1)
	if m != x.n()-1 {
		return nil, false
	}
	var cols [][]uint32
	for _, r := range x.splitTop(list[0][1]+3, m) {
		if !x.isP(r[0], "(") || x.match(r[0]) != r[1]-1 {
			return nil, false
		}
		items := x.splitTop(r[0]+1, r[1]-1)
		if cols == nil {
			cols = make([][]uint32, len(items))
		}
		if len(items) != len(cols) {
			return nil, false
		}
		for c, it := range items {
			if b := it[1] == it[0]+1 && x.T(it[0]).kw("NULL"); !b {
				cols[c] = append(cols[c], x.exprType(it[0], it[1]))
			}
		}
	}
	out := make([]uint32, len(cols))
	for c, oids := range cols {
		known := len(oids) > 0
		for _, o := range oids {
			known = known && o != 0 && o != pgoid.Unknown
		}
		if known {
			out[c] = CommonType(oids)
		}
	}
	return out, true
}

// NullItems reports which items of the first select list of the SQLite
// statement sqlText are a bare NULL: a compound's NULL operand takes no
// part in its column's common type.
func NullItems(sqlText string) []bool {
	x := newTx(sqlText)
	lists := x.selectLists()
	if len(lists) == 0 {
		return nil
	}
	out := make([]bool, len(lists[0]))
	for i, it := range lists[0] {
		a, b := x.itemExpr(it[0], it[1])
		out[i] = b == a+1 && x.T(a).kw("NULL")
	}
	return out
}
