package pgdialect

// datetime_column_pair.go: a date/time column compared with a scalar
// subquery of one item of another date/time type (d = (SELECT max(tz)
// FROM u), (SELECT tz FROM u WHERE ...) > d), or such a subquery as a
// BETWEEN bound or an IN list's item beside a column. PostgreSQL promotes
// the lower type of the pair (date < timestamp < timestamptz; a date is
// its midnight, a timestamp read as wall time in the session TimeZone)
// and compares the values; the statement shows neither type, so the
// stored texts were compared as they are (a date never equalled the
// timestamptz of its local midnight).
//
// The subquery's value is taken into the column's text domain by pg_dt_as
// (datetime_as_column.go) with the two types read at run time (the
// columns' declared types, constants of the statement); pg_dt_as passes a
// value of the column's type or of a type that is no date/time one
// unchanged. Two columns are DatetimePairConversion's, once SQLite has
// compiled the statement and their declared types are known
// (datetime_pair_compiled.go).

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
	if !x.scalarSubquery(ls, i) && !x.scalarSubquery(i+1, re) {
		return false // two columns: dtDerivedPair, or DatetimePairConversion once compiled
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
	return false // two columns: DatetimePairConversion, once compiled
}

// dtDerivedPair rewrites the comparison at i of two bare columns when one
// is a derived table's or CTE's column that reads a table's (JOIN c ON
// t.d = c.tz of WITH c AS (SELECT tz FROM u)): the compiled statement
// does not show such a column's type (DatetimePairConversion leaves it),
// the translation reads it at run time (derivedcols.go). The derived
// column is taken into the other's text domain, the table's column left
// bare for its index; it reports whether it did. It runs before
// arith.go's comparison of run-time type copies the operands.
func (x *tx) dtDerivedPair(ls, i, re int) bool {
	dA, dB := x.derivedColumnRef(ls, i), x.derivedColumnRef(i+1, re)
	if !dA && !dB {
		return false // two tables' columns: DatetimePairConversion, once compiled
	}
	ta, _ := x.pairOperandType(ls, i)
	tb, _ := x.pairOperandType(i+1, re)
	if ta == "" || tb == "" || ta == tb {
		return false
	}
	if dB {
		x.T(i + 1).pre = "pg_dt_as(" + x.T(i+1).pre
		x.T(re - 1).suf += ", " + tb + ", " + ta + ")"
	} else {
		x.T(ls).pre = "pg_dt_as(" + x.T(ls).pre
		x.T(i - 1).suf += ", " + ta + ", " + tb + ")"
	}
	return true
}

// derivedColumnRef reports whether the bare column a..b-1 is a derived
// table's or CTE's column of a run-time type (derivedcols.go).
func (x *tx) derivedColumnRef(a, b int) bool {
	if _, _, ok := x.bareColumn(a, b); !ok {
		return false
	}
	r, ok := x.colRTypes[a]
	return ok && r.end == b && strings.HasPrefix(r.expr, numTypeQueryPrefix)
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
// statement-wide reading found no one table for it.
func (x *tx) blockColumnDTType(a, b int) string {
	qual, col, _ := x.bareColumn(a, b)
	if qual == "" {
		qual = preQualifier(x.T(a).pre) // as columnTable reads it
	}
	st := x.columnDTType(a, b)
	if tbl, col, ok := x.blockColumnTable(a, qual, col); ok && !x.cteNames()[tbl] {
		bt := colTypeQuery("pg_col_dttype", tbl, col)
		if qual != "" || st == "" || st == bt {
			return bt
		}
		// an unqualified column the block's table lacks is an outer
		// query's: the statement's one table that has it (tz = d in
		// EXISTS (SELECT 1 FROM u WHERE tz = d) is t's d)
		return "coalesce(nullif(" + bt + ", ''), " + st + ")"
	}
	return st
}

// dtOperandAsColumn takes the bound of col [NOT] BETWEEN a AND b, or the
// item of col [NOT] IN (a, b, ...), at a..b-1 into the text domain of the
// column, whose type expression is ct, when the bound is itself a bare
// column or a scalar subquery of another date/time type (d BETWEEN tz
// AND ts, d IN (tz, ts)): as dtColumnPair's right operand.
func (x *tx) dtOperandAsColumn(a, b int, ct string) {
	if !x.castsChecked() || !x.scalarSubquery(a, b) {
		return // a column: DatetimePairConversion, once compiled
	}
	vt, _ := x.pairOperandType(a, b)
	if vt == "" || vt == ct {
		return
	}
	x.T(a).pre = "pg_dt_as(" + x.T(a).pre
	x.T(b - 1).suf += ", " + vt + ", " + ct + ")"
}

// internalColumn reports whether col is a column of the translation's own
// (MERGE's work tables, rowid), never of a date/time type.
func internalColumn(col string) bool {
	l := asciiLower(col)
	return strings.HasPrefix(l, "pgdialect_") || l == "rowid" || l == "_rowid_" || l == "oid"
}

// scalarSubquery reports whether a..b-1 is a parenthesised SELECT.
func (x *tx) scalarSubquery(a, b int) bool {
	return b-a >= 4 && x.isP(a, "(") && x.match(a) == b-1 && x.kw(a+1, "SELECT")
}
