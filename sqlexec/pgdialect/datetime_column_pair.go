package pgdialect

// datetime_column_pair.go: a comparison of two bare columns of different
// date/time types (d = tz, d < ts, ts >= tz). PostgreSQL promotes the
// lower type of the pair (date < timestamp < timestamptz; a date is its
// midnight, a timestamp read as wall time in the session TimeZone) and
// compares the values; the statement shows neither column's type, so the
// two stored texts were compared as they are: a date '2024-06-01' never
// equalled a timestamptz '2024-06-01 04:00:00+00' (its midnight in
// America/New_York), and d < ts compared '2024-06-01' with '2024-06-01
// 00:00:00' as text.
//
// The right column is taken into the left column's text domain by
// pg_dt_as (datetime_as_column.go), which answers every operator as
// PostgreSQL's promotion does (a higher type's value between two of the
// lower type's becomes a text between theirs). The conversion runs only
// when the two declared types differ (read at run time from the tables'
// CREATE text, a constant of the statement); otherwise the column itself
// is compared, so a comparison of two columns of one type (every join
// on ids) keeps its affinity, collation and plain evaluation. Two
// columns of different FROM items (a join's condition) are compared
// both ways, the left column with the right one converted and the
// converted left one with the right: either column's index can serve
// the join, as for the plain comparison.

import "strings"

// dtColumnPair rewrites the comparison at i of ls..i-1 and i+1..re-1, two
// operands each a bare column or a scalar subquery of one item whose
// date/time type is read at run time (d = (SELECT max(tz) FROM u)), as
// above; it reports whether it did. A subquery is converted by pg_dt_as
// itself, which passes a value of the column's type or of a type that is
// no date/time one unchanged (its text is not copied: it holds a
// subquery check, a row lock's mark), the column it is compared with
// left bare for its index.
func (x *tx) dtColumnPair(ls, i, re int) bool {
	op := x.T(i).text
	if !cmpOps[op] && !isDistinctOp(op) || !x.castsChecked() {
		return false
	}
	ta, colA := x.pairOperandType(ls, i)
	tb, colB := x.pairOperandType(i+1, re)
	if ta == "" || tb == "" || ta == tb { // one column's type twice: no conversion
		return false
	}
	switch {
	case !colA && colB:
		x.T(ls).pre = "pg_dt_as(" + x.T(ls).pre
		x.T(i - 1).suf += ", " + ta + ", " + tb + ")"
		return true
	case !colB:
		x.T(i + 1).pre = "pg_dt_as(" + x.T(i+1).pre
		x.T(re - 1).suf += ", " + tb + ", " + ta + ")"
		return true
	}
	left, right := x.text(ls, i), x.text(i+1, re)
	differ := ta + " <> " + tb
	conv := func(v, vt, ct string) string {
		return "(CASE WHEN " + differ + " THEN pg_dt_as(" + v + ", " + vt + ", " + ct + ") ELSE " + v + " END)"
	}
	x.T(ls).pre = "(" + x.T(ls).pre
	x.T(i + 1).pre = "(CASE WHEN " + differ + " THEN pg_dt_as(" + x.T(i+1).pre
	x.T(re - 1).suf += ", " + tb + ", " + ta + ") ELSE " + right + " END)"
	if x.otherFromItems(ls, i, re) {
		x.T(re - 1).suf += " AND " + conv(left, ta, tb) + " " + op + " " + right
	}
	x.T(re - 1).suf += ")"
	x.castEnd[re-1] = ls
	if x.arithTypes == nil {
		x.arithTypes = map[int]string{}
	}
	x.arithTypes[ls] = "bool"
	return true
}

// pairOperandType is the run-time date/time type expression of a..b-1
// when it is a bare column or a scalar subquery of one item (its
// subqueryDTType, datetime_subquery.go), with whether it is a column; ""
// for any other operand.
func (x *tx) pairOperandType(a, b int) (string, bool) {
	if _, col, ok := x.bareColumn(a, b); ok {
		if internalColumn(col) {
			return "", true
		}
		return x.blockColumnDTType(a, b), true
	}
	if b-a >= 4 && x.isP(a, "(") && x.match(a) == b-1 && x.kw(a+1, "SELECT") {
		// the item a column of the subquery's own table or min/max of
		// one (d = (SELECT max(tz) FROM u))
		if items, e := x.selectListAt(a + 1); len(items) == 1 && x.kw(e, "FROM") && x.subqueryDTType(a, b) != "" {
			ia, ib := x.itemExpr(items[0][0], items[0][1])
			if fn, lo, hi, ok := x.dtKeepTypeCall(ia, ib); ok && (fn == "min" || fn == "max") {
				ia, ib = lo, hi
			}
			if _, _, ok := x.bareColumn(ia, ib); ok {
				return x.blockColumnDTType(ia, ib), false
			}
		}
	}
	if te := x.subqueryDTType(a, b); runtimeTypeExpr(te) {
		return te, false
	}
	return "", false
}

// blockColumnDTType is columnDTType of the bare column a..b-1 read from
// its own query block's table first (blocktables.go): in d = (SELECT
// max(tz) FROM u) of a table t both t and u may have a tz, and the
// statement-wide reading found no one table for it. A column the block's
// table lacks (a reference to an outer query's) reads as no date/time
// type, and is compared as before.
func (x *tx) blockColumnDTType(a, b int) string {
	qual, col, _ := x.bareColumn(a, b)
	if qual == "" {
		qual = preQualifier(x.T(a).pre) // as columnTable reads it
	}
	if tbl, col, ok := x.blockColumnTable(a, qual, col); ok && !x.cteNames()[tbl] {
		return colTypeQuery("pg_col_dttype", tbl, col)
	}
	return x.columnDTType(a, b)
}

// otherFromItems reports whether the columns ls..i-1 and i+1..re-1 may be
// of two FROM items (a join's condition), whose indexes may serve the
// comparison either way.
func (x *tx) otherFromItems(ls, i, re int) bool {
	qa, _, _ := x.bareColumn(ls, i)
	qb, _, _ := x.bareColumn(i+1, re)
	tblA, _, _ := x.columnTable(ls, i)
	tblB, _, _ := x.columnTable(i+1, re)
	return tblA == "" || tblA != tblB || !equalFoldASCII(qa, qb)
}

// dtOperandAsColumn takes the bound of col [NOT] BETWEEN a AND b, or the
// item of col [NOT] IN (a, b, ...), at a..b-1 into the text domain of the
// column, whose type expression is ct, when the bound is itself a bare
// column or a scalar subquery of another date/time type (d BETWEEN tz
// AND ts, d IN (tz, ts)): as dtColumnPair's right operand.
func (x *tx) dtOperandAsColumn(a, b int, ct string) {
	if !x.castsChecked() {
		return
	}
	vt, _ := x.pairOperandType(a, b)
	if vt == "" || vt == ct {
		return
	}
	v := x.text(a, b)
	x.T(a).pre = "(CASE WHEN " + ct + " <> " + vt + " THEN pg_dt_as(" + x.T(a).pre
	x.T(b - 1).suf += ", " + vt + ", " + ct + ") ELSE " + v + " END)"
}

// internalColumn reports whether col is a column of the translation's own
// (MERGE's work tables, rowid), never of a date/time type.
func internalColumn(col string) bool {
	l := asciiLower(col)
	return strings.HasPrefix(l, "pgdialect_") || l == "rowid" || l == "_rowid_" || l == "oid"
}

// dtSetColumn takes the values a column is compared with in col [NOT] IN
// (SELECT item ...), col op ANY/SOME/ALL (SELECT item ...) and col op
// ANY/SOME/ALL (ARRAY[a, b, ...]) into the column's text domain, when an
// item or element is a bare column (or a scalar subquery) of another
// date/time type (ts IN (SELECT tz FROM u) compared a local wall time
// with a UTC text), as dtOperandAsColumn takes an IN list's items.
func (x *tx) dtSetColumn() {
	for k := 2; k+2 < x.n(); k++ {
		t := x.T(k)
		var ls, le int // the column compared
		switch {
		case t.kw("IN"):
			le = k
			if x.T(k - 1).kw("NOT") {
				le--
			}
			ls = x.primaryStart(le - 1)
		case t.kw("ANY") || t.kw("SOME") || t.kw("ALL"):
			if op := x.T(k - 1); op.typ != tOp || !cmpOps[op.text] {
				continue
			}
			le = k - 1
			ls = x.operandBack(le-1, false)
		default:
			continue
		}
		if ls < 0 || ls >= le || !x.isP(k+1, "(") {
			continue
		}
		if t.kw("IN") && x.kw(k+2, "SELECT") && x.rowInSelect(ls, le, k) {
			continue
		}
		if _, _, ok := x.bareColumn(ls, le); !ok {
			continue
		}
		ct, _ := x.pairOperandType(ls, le)
		if ct == "" {
			continue
		}
		e := x.match(k + 1)
		switch {
		case x.kw(k+2, "SELECT"):
			items, from := x.selectListAt(k + 2)
			if len(items) != 1 || from > e || x.findKw(k+2, e, x.depth[k+2], "UNION") >= 0 || x.findKw(k+2, e, x.depth[k+2], "INTERSECT") >= 0 || x.findKw(k+2, e, x.depth[k+2], "EXCEPT") >= 0 {
				continue
			}
			ia, ib := x.itemExpr(items[0][0], items[0][1])
			if _, _, ok := x.bareColumn(ia, ib); ok {
				x.dtOperandAsColumn(ia, ib, ct)
			}
		case !t.kw("IN") && x.kw(k+2, "ARRAY") && x.isP(k+3, "["):
			if c := x.matchBracket(k + 3); c > k+4 && c < e {
				for _, el := range x.splitTop(k+4, c) {
					x.dtOperandAsColumn(el[0], el[1], ct)
				}
			}
		}
	}
}

// dtRowPairs takes each field of the right row of a row comparison ((d,
// n) = (tz, m), ROW(d, n) < ROW(tz, m); SQLite compares row values field
// by field as PostgreSQL does) into the text domain of the left row's
// field when both are bare columns (or the right one a scalar subquery)
// of different date/time types, as dtColumnPair does for one pair.
func (x *tx) dtRowPairs() {
	for i := 1; i+1 < x.n(); i++ {
		op := x.T(i)
		if op.typ != tOp || !cmpOps[op.text] && !isDistinctOp(op.text) || !x.isP(i-1, ")") {
			continue
		}
		lo := x.matchBack(i - 1)
		ro := i + 1
		if x.kw(ro, "ROW") {
			ro++
		}
		if lo < 0 || !x.isP(ro, "(") || x.kw(lo+1, "SELECT") || x.kw(ro+1, "SELECT") {
			continue
		}
		rc := x.match(ro)
		if rc >= x.n() {
			continue
		}
		if lo > 0 && x.T(lo-1).typ == tIdent && !rowBeforeKw[x.T(lo-1).upper()] {
			continue // a call's arguments: f(a, b) = (c, d) is no row comparison
		}
		lf, rf := x.splitTop(lo+1, i-1), x.splitTop(ro+1, rc)
		if len(lf) < 2 || len(lf) != len(rf) {
			continue
		}
		for k := range lf {
			if _, _, ok := x.bareColumn(lf[k][0], lf[k][1]); !ok {
				continue
			}
			if ct, _ := x.pairOperandType(lf[k][0], lf[k][1]); ct != "" {
				x.dtOperandAsColumn(rf[k][0], rf[k][1], ct)
			}
		}
	}
}

// rowBeforeKw are the keywords a row comparison's left row may follow.
var rowBeforeKw = map[string]bool{"ROW": true, "WHERE": true, "AND": true, "OR": true, "NOT": true, "ON": true,
	"WHEN": true, "THEN": true, "ELSE": true, "HAVING": true, "SELECT": true, "CASE": true}

// rowInSelect takes the items of (a, b, ...) [NOT] IN (SELECT x, y, ...)
// (the row ls..le-1, IN at k) into the text domains of the row's fields,
// as dtSetColumn does for one column; it reports whether ls..le-1 is
// such a row.
func (x *tx) rowInSelect(ls, le, k int) bool {
	if !x.isP(ls, "(") || x.match(ls) != le-1 || x.kw(ls+1, "SELECT") {
		return false
	}
	fields := x.splitTop(ls+1, le-1)
	items, from := x.selectListAt(k + 2)
	e := x.match(k + 1)
	if len(fields) < 2 || len(items) != len(fields) || from > e {
		return len(fields) >= 2
	}
	for _, op := range []string{"UNION", "INTERSECT", "EXCEPT"} {
		if x.findKw(k+2, e, x.depth[k+2], op) >= 0 {
			return true
		}
	}
	for f, fd := range fields {
		if _, _, ok := x.bareColumn(fd[0], fd[1]); !ok {
			continue
		}
		ct, _ := x.pairOperandType(fd[0], fd[1])
		if ct == "" {
			continue
		}
		if ia, ib := x.itemExpr(items[f][0], items[f][1]); ia < ib {
			if _, _, ok := x.bareColumn(ia, ib); ok {
				x.dtOperandAsColumn(ia, ib, ct)
			}
		}
	}
	return true
}
