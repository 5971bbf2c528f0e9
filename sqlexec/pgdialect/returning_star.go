package pgdialect

import "strings"

// A RETURNING list with * (or t.*) beside other items. The translation
// names and types RETURNING items one by one (applyReturningAliases), and
// the number of columns a * stands for is a property of the schema it
// does not see: with a * in the list no item was typed, so RETURNING *,
// k = 2 printed the comparison as 1 (SQLite's integer) where PostgreSQL
// prints t, and k * 2 was described int8. The session spells the * out
// in the target's columns, read from the local schema
// (ReturningStarTable, ExpandReturningStar), and the list is then
// translated item by item. A RETURNING * alone keeps SQLite's columns,
// which are the table's declared ones.

// returningTarget reads the target of an INSERT, UPDATE or DELETE: its
// table, the name its columns go by, and the RETURNING keyword (-1 when
// none).
func (x *tx) returningTarget() (table, tref string, ret int) {
	i := x.dmlTargetAt()
	if i < 0 {
		return "", "", -1
	}
	table, j := x.name(i)
	if table == "" {
		return "", "", -1
	}
	tref = table
	if x.kw(j, "AS") {
		j++
	}
	if x.targetAliasAt(j) {
		tref = x.T(j).identName()
	}
	return table, tref, x.findKw(j, x.n(), 0, "RETURNING")
}

// returningStars returns the * and t.* items (their first token) of the
// RETURNING list at r when it has another item too.
func (x *tx) returningStars(r int, table, tref string) []int {
	end := x.n()
	for end > r && x.isP(end-1, ";") {
		end--
	}
	items := x.splitTop(r+1, end)
	var stars []int
	for _, it := range items {
		a, b := it[0], it[1]
		switch {
		case b == a+1 && x.isP(a, "*"):
			stars = append(stars, a)
		case b == a+3 && x.isP(a+1, ".") && x.isP(a+2, "*") && (x.T(a).typ == tIdent || x.T(a).typ == tQIdent) && (x.T(a).identName() == tref || x.T(a).identName() == table):
			stars = append(stars, a)
		}
	}
	if len(stars) == len(items) {
		return nil
	}
	return stars
}

// ReturningStarTable returns the target table of an INSERT, UPDATE or
// DELETE whose RETURNING list has a * beside other items, "" otherwise.
func ReturningStarTable(sql string) string {
	if !containsFoldASCII(sql, "returning") || !strings.Contains(sql, "*") {
		return ""
	}
	x := newTx(sql)
	if !x.balanced() {
		return ""
	}
	table, tref, r := x.returningTarget()
	if r < 0 || x.returningStars(r, table, tref) == nil {
		return ""
	}
	return table
}

// ExpandReturningStar spells out the * items of such a RETURNING list as
// the target's columns (cols: in order, nil when unknown: sql is returned
// as it is).
func ExpandReturningStar(sql string, cols []string) string {
	if len(cols) == 0 {
		return sql
	}
	x := newTx(sql)
	if !x.balanced() {
		return sql
	}
	table, tref, r := x.returningTarget()
	if r < 0 {
		return sql
	}
	stars := x.returningStars(r, table, tref)
	if stars == nil {
		return sql
	}
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = quoteIdent(c)
	}
	list := strings.Join(q, ", ")
	for _, a := range stars {
		if x.isP(a, "*") {
			x.T(a).set(list)
			continue
		}
		x.T(a).set(list)
		x.T(a + 1).set("")
		x.T(a + 2).set("")
	}
	return x.all()
}

// dmlTargetAt is the index of the target table's name of an INSERT,
// UPDATE or DELETE statement (after ONLY), -1 for another statement.
func (x *tx) dmlTargetAt() int {
	i := 1
	switch {
	case x.kw(0, "INSERT", "INTO"), x.kw(0, "DELETE", "FROM"):
		i = 2
	case x.T(0).kw("UPDATE"):
	default:
		return -1
	}
	if x.kw(i, "ONLY") {
		i++
	}
	return i
}
