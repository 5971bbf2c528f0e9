package pgdialect

// datetime_pair_compiled.go: a date/time column compared with a column of
// another date/time type (d = tz, d < ts, ts IS DISTINCT FROM tz, d IN
// (tz, ts), d IN (SELECT tz FROM u), (d, n) = (tz, n)). PostgreSQL
// promotes the lower type of the pair (date < timestamp < timestamptz; a
// date is its midnight, a timestamp read as wall time in the session
// TimeZone) and compares the values; the translation sees neither
// column's type, so the stored texts were compared as they are: a date
// '2024-06-01' never equalled the timestamptz of its local midnight
// ('2024-06-01 04:00:00+00' in America/New_York), and d < ts compared
// '2024-06-01' with '2024-06-01 00:00:00' as text.
//
// Once SQLite has compiled the statement the columns' declared types are
// read (typedconvert.go runs this, as bpchar_compare.go), and the right
// column of such a pair is taken into the left column's text domain by
// pg_dt_as (datetime_as_column.go), which answers every operator as
// PostgreSQL's promotion does (a value of the higher type between two of
// the lower type's becomes a text between theirs). An operand may be an
// expression whose type follows from its columns' (coalesce(tz, ts),
// greatest(ts, ts2), a cast: datetime_expr_type.go; d - 1 of a date
// column: datetime_arith_compiled.go). Pairs of one type, and
// every statement of a schema with no date/time column, are left as they
// are. A scalar subquery beside a column is converted by the translation
// (datetime_column_pair.go).

import "strings"

// DatetimePairConversion is sqlText (SQLite text) with the comparisons
// the file's comment describes converted, "" when none is. declOf
// evaluates an SQL expression (a declared type's read) and returns its
// text.
func DatetimePairConversion(sqlText string, declOf func(expr string) string) string {
	low := strings.ToLower(sqlText)
	if !strings.ContainsAny(sqlText, "=<>") && !strings.Contains(low, " in ") && !strings.Contains(low, " is ") && !strings.Contains(low, " between ") {
		return ""
	}
	x := newTx(sqlText)
	haveDT, decls, hops, cols := 0, map[string]uint32{}, 0, 0
	arithTypes := map[string]string{} // datetime_arith_compiled.go's type reads
	// typeOf is the declared date/time type of the bare column a..b-1, or
	// the type of an expression of such columns (datetime_expr_type.go),
	// 0 for any other operand or type
	var typeOf func(a, b int) uint32
	typeOf = func(a, b int) uint32 {
		a, b = x.unparen(a, b)
		if b <= a || x.inSchemaQuery(a) {
			return 0
		}
		qual, col, ok := x.bareColumn(a, b)
		if !ok {
			if o := x.dtArithCompiledType(a, b, declOf, arithTypes); o != 0 {
				cols++ // d - 1 of a date column: typed by its declaration
				return o
			}
			return x.datetimeExprType(a, b, typeOf)
		}
		if internalColumn(col) {
			return 0
		}
		if hops < 8 {
			// a FROM subquery's or CTE's column: its item's type (JOIN c
			// ON t.d = c.z of WITH c AS (SELECT coalesce(tz, ts) AS z ...))
			if ia, ib, star, found := x.derivedColumnItem(a, qual, col); found && !star { // derived_column_item.go
				hops++
				defer func() { hops-- }()
				return typeOf(ia, ib)
			} else if star {
				qual = ""
			}
		}
		if haveDT == 0 {
			haveDT = 1
			if declOf("(SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE sql LIKE '%pg_in_date(%' OR sql LIKE '%pg_in_timestamp%') OR "+
				"EXISTS (SELECT 1 FROM sqlite_temp_schema WHERE sql LIKE '%pg_in_date(%' OR sql LIKE '%pg_in_timestamp%'))") == "1" {
				haveDT = 2
			}
		}
		if haveDT == 1 {
			return 0
		}
		e := x.columnTypeExpr(qual, col) // pgcast.go
		if e == "NULL" {
			return 0
		}
		o, known := decls[e]
		if !known {
			o, _ = DeclTypeOID(declOf(e))
			decls[e] = o
		}
		if datetimeRank[o] == 0 {
			return 0
		}
		cols++
		return o
	}
	// leftType is typeOf of a comparison's left operand, noting whether a
	// column's declaration typed it: two operands of static types only
	// (date '...' < ANY (ARRAY[timestamp '...'])), and an operand that is
	// a cast or call of a static type (d < ANY (ARRAY[ts::timestamp]),
	// make_date(...) = ts), are the translation's (pg_dt_as,
	// pg_dt_array_as)
	leftSchema := false
	leftType := func(a, b int) uint32 {
		if ua, ub := x.unparen(a, b); x.datetimeCall(ua, ub) {
			return 0
		}
		c0 := cols
		o := typeOf(a, b)
		leftSchema = cols > c0
		return o
	}
	var eds []textEdit
	// convert takes the column b0..b1-1 into the domain of type ct (the
	// left operand's, leftType's)
	convert := func(b0, b1 int, ct uint32) {
		if ua, ub := x.unparen(b0, b1); x.datetimeCall(ua, ub) {
			return
		}
		c0 := cols
		vt := typeOf(b0, b1)
		if vt == 0 || ct == 0 || vt == ct || !leftSchema && cols == c0 {
			return
		}
		start := x.T(b0).pos
		end := x.T(b1-1).pos + len(x.T(b1-1).text)
		eds = append(eds, textEdit{start, 0, "pg_dt_as("}, textEdit{end, 0, ", '" + TypeName(vt) + "', '" + TypeName(ct) + "')"})
	}
	for i := 1; i+1 < x.n(); i++ {
		t := x.T(i)
		switch {
		case t.typ == tOp && bpcharCmpOps[t.text], t.kw("IS"):
			rs := i + 1
			if t.kw("IS") && x.kw(rs, "NOT") {
				rs++
			}
			if t.kw("IS") {
				if !x.kw(rs, "DISTINCT", "FROM") {
					continue
				}
				rs += 2
			}
			if x.isP(i-1, ")") && x.isP(rs, "(") && !x.kw(rs+1, "SELECT") {
				// (a, b) = (c, d): field by field
				lo, rc := x.matchBack(i-1), x.match(rs)
				if lo < 0 || rc >= x.n() || x.kw(lo+1, "SELECT") || lo > 0 && x.T(lo-1).typ == tIdent && !rowBeforeKw[x.T(lo-1).upper()] {
					continue
				}
				lf, rf := x.splitTop(lo+1, i-1), x.splitTop(rs+1, rc)
				if len(lf) >= 2 && len(lf) == len(rf) {
					for k := range lf {
						convert(rf[k][0], rf[k][1], leftType(lf[k][0], lf[k][1]))
					}
				}
				continue
			}
			ls := x.primaryStart(i - 1)
			re := x.operandEnd(rs)
			if x.isP(rs, "+") && x.T(rs+1).identName() == "pg_anyall_v" {
				re = rs + 2 // anyall.go's +pg_anyall_v
			}
			if ls < 0 || re < 0 || re > x.n() || !x.cmpBoundary(ls-1, re) {
				continue
			}
			if lt := leftType(ls, i); lt != 0 {
				if r0, r1 := x.unaryPlus(rs, re); r1 == r0+1 && x.T(r0).identName() == "pg_anyall_v" {
					x.anyAllSource(r1, lt, convert) // op ANY/ALL (...): anyall.go's form
				} else {
					convert(rs, re, lt)
				}
			}
		case t.kw("IN") && x.isP(i+1, "("):
			le := i
			if x.kw(i-1, "NOT") {
				le = i - 1
			}
			e := x.match(i + 1)
			if x.isP(le-1, ")") && x.kw(i+2, "SELECT") {
				// (a, b) IN (SELECT x, y ...)
				lo := x.matchBack(le - 1)
				items, from := x.selectListAt(i + 2)
				if lo < 0 || from > e || x.kw(lo+1, "SELECT") {
					continue
				}
				if lf := x.splitTop(lo+1, le-1); len(lf) >= 2 {
					if len(items) == len(lf) {
						for k := range lf {
							ia, ib := x.itemExpr(items[k][0], items[k][1])
							convert(ia, ib, leftType(lf[k][0], lf[k][1]))
						}
					}
					continue
				}
				// one value in parentheses: (d - 1) IN (SELECT ...), as
				// d - 1 = ANY (ARRAY[tz]) is translated, below
			}
			ls := x.primaryStart(le - 1)
			if ls < 0 || !x.cmpBoundary(ls-1, -1) {
				continue
			}
			lt := leftType(ls, le)
			if lt == 0 {
				continue
			}
			if x.kw(i+2, "SELECT") {
				items, from := x.selectListAt(i + 2)
				if len(items) == 1 && from <= e {
					ia, ib := x.itemExpr(items[0][0], items[0][1])
					if a0, a1 := x.unaryPlus(ia, ib); a1 == a0+1 && x.T(a0).identName() == "value" {
						// = ANY (ARRAY[...]): IN (SELECT +value FROM
						// json_each(... pg_array(a, b) ...)), array_translate.go
						if args, ok := x.arrayArgs(from, e); ok {
							for _, p := range args {
								convert(p[0], p[1], lt)
							}
						}
						continue
					}
					convert(ia, ib, lt)
				}
				continue
			}
			for _, p := range x.splitTop(i+2, e) {
				convert(p[0], p[1], lt)
			}
		case t.kw("BETWEEN"):
			l := i - 1
			if x.kw(l, "NOT") {
				l--
			}
			ls := x.primaryStart(l)
			if ls < 0 || !x.cmpBoundary(ls-1, -1) {
				continue
			}
			lt := leftType(ls, l+1)
			first := i + 1
			if x.kw(first, "SYMMETRIC") || x.kw(first, "ASYMMETRIC") {
				first++
			}
			e1 := x.operandEnd(first)
			if lt == 0 || e1 < 0 || !x.kw(e1, "AND") {
				continue
			}
			e2 := x.operandEnd(e1 + 1)
			if e2 < 0 {
				continue
			}
			convert(first, e1, lt)
			convert(e1+1, e2, lt)
		}
	}
	if len(eds) == 0 {
		return ""
	}
	return applyEdits(sqlText, eds)
}

// rowBeforeKw are the keywords a row comparison's left row may follow
// (else the parentheses are a call's arguments: f(a, b) = (c, d)).
var rowBeforeKw = map[string]bool{"ROW": true, "WHERE": true, "AND": true, "OR": true, "NOT": true, "ON": true,
	"WHEN": true, "THEN": true, "ELSE": true, "HAVING": true, "SELECT": true, "CASE": true}

// unaryPlus is a..b-1 without a leading unary + (the translation's +value).
func (x *tx) unaryPlus(a, b int) (int, int) {
	if b-a >= 2 && x.isP(a, "+") {
		return a + 1, b
	}
	return a, b
}

// arrayArgs are the arguments of the first pg_array call in a..b-1 (an
// ARRAY[...] constructor's translation), ok=false when there is none.
func (x *tx) arrayArgs(a, b int) ([][2]int, bool) {
	for k := a; k < b; k++ {
		if x.isCall(k, "pg_array") {
			if m := x.match(k + 1); m > k+2 && m <= b {
				return x.splitTop(k+2, m), true
			}
			return nil, false
		}
	}
	return nil, false
}

// anyAllSource converts into type lt the values that anyall.go's form of
// x op ANY/ALL (...) compares x with, read from after its operand (at
// from) to the end of its subquery: the elements of the array (pg_array)
// or the item of the subquery (WITH pg_anyall(pg_anyall_v) AS (SELECT
// item ...)).
func (x *tx) anyAllSource(from int, lt uint32, convert func(a, b int, ct uint32)) {
	end := x.n()
	d := x.depth[from]
	for k := from; k < x.n(); k++ {
		if x.depth[k] < d {
			end = k
			break
		}
	}
	for k := from; k < end; k++ {
		switch {
		case x.isCall(k, "pg_array"):
			if args, ok := x.arrayArgs(k, end); ok {
				for _, p := range args {
					convert(p[0], p[1], lt)
				}
			}
			return
		case x.kw(k, "WITH") && x.T(k+1).identName() == "pg_anyall":
			for j := k + 2; j < end; j++ {
				if x.kw(j, "AS") && x.isP(j+1, "(") && x.kw(j+2, "SELECT") {
					items, f := x.selectListAt(j + 2)
					if len(items) == 1 && f <= x.match(j+1) {
						ia, ib := x.itemExpr(items[0][0], items[0][1])
						convert(ia, ib, lt)
					}
					return
				}
			}
			return
		}
	}
}
