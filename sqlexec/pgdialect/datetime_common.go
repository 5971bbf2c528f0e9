package pgdialect

// datetime_common.go: date, timestamp and timestamptz columns matched to
// one type: the elements of ARRAY[...], the arguments of COALESCE (and of
// GREATEST and LEAST, max/min over coalesce calls in the SQLite text,
// strsyntax.go) and the results of CASE. PostgreSQL converts the values
// to their common type, the widest of them (a date converts implicitly
// to timestamp, a timestamp to timestamptz, not back), and reads a quoted
// literal among them by that type's input: ARRAY[d, ts] is timestamp[]
// with the date at midnight ({"2024-01-02 00:00:00","2024-01-03
// 04:05:06"}), coalesce(d, ts) the timestamp 2024-01-02 00:00:00. The
// translation kept each value as stored, a different answer. The
// columns' types are their declared types, known once SQLite has
// compiled the statement (typedconvert.go runs this), as for
// bpchar_mixed.go; a value of another form (an expression, a function)
// leaves the construct as it is. So do numeric columns beside a float
// column (or a cast to one): coalesce(f, n) and ARRAY[f, n] read n as
// the float, 4.50 as 4.5 (floatCommon). A coalesce or CASE of date/time
// columns then carries their collation, pg_datetime (datetime_order.go),
// which no function's or CASE's result had: greatest(ts, ts2) compared
// the texts ('2024-01-01' above '12345-01-01'), and ORDER BY, min/max and
// comparisons of the result read them as text.

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// datetimeRank orders date, timestamp and timestamptz by PostgreSQL's
// implicit casts, each to the next.
var datetimeRank = map[uint32]int{pgoid.Date: 1, pgoid.Timestamp: 2, pgoid.Timestamptz: 3}

// datetimeCast is the translation's cast function to each of them.
var datetimeCast = map[uint32]string{pgoid.Date: "pg_cast_date", pgoid.Timestamp: "pg_cast_timestamp", pgoid.Timestamptz: "pg_cast_timestamptz"}

// datetimeCommon is the common type of date/time element types oids (0:
// an unknown literal or NULL), 0 when one is of another type or none is
// typed.
func datetimeCommon(oids []uint32) uint32 {
	var res uint32
	for _, o := range oids {
		switch {
		case o == 0:
		case datetimeRank[o] == 0:
			return 0
		case datetimeRank[o] > datetimeRank[res]:
			res = o
		}
	}
	return res
}

// DatetimeCommonConversion is sqlText (SQLite text) with the values of
// its pg_array and coalesce calls and CASE results over date/time columns
// converted to their common type, "" when none needs it. declOf
// evaluates an SQL expression (a column's declared type's read) and
// returns its text.
func DatetimeCommonConversion(sqlText string, declOf func(expr string) string) string {
	low := strings.ToLower(sqlText)
	if !strings.Contains(low, "pg_array(") && !strings.Contains(low, "coalesce(") && !strings.Contains(low, "case") {
		return ""
	}
	x := newTx(sqlText)
	decls := map[string]string{}
	colType := func(a, b int) uint32 { return x.compiledColumnOID(a, b, declOf, decls) }
	var eds []textEdit
	// convert converts the values vals of the coalesce call or CASE
	// whose last token is end (-1: an array's elements)
	convert := func(vals [][2]int, end int) {
		oids := make([]uint32, len(vals))
		lits := make([]bool, len(vals))
		for k, p := range vals {
			a, b := x.unparen(p[0], p[1])
			switch {
			case b == a+1 && x.T(a).kw("NULL"):
			case b == a+1 && x.T(a).typ == tString:
				lits[k] = true
			case x.isCall(a, "pg_cast_float8") && x.match(a+1) == b-1:
				oids[k] = pgoid.Float8 // coalesce(NULL::float8, n)
			case x.isCall(a, "pg_cast_float4") && x.match(a+1) == b-1:
				oids[k] = pgoid.Float4
			default:
				if oids[k] = colType(a, b); oids[k] == 0 {
					return // a value not known here
				}
			}
		}
		common := datetimeCommon(oids)
		if common == 0 {
			if common = floatCommon(oids); common != 0 {
				// numeric and integer values beside a float: read as
				// the float (4.50 is 4.5; int4's 2147483647 beside a
				// real is 2.1474836e+09, int8's 9223372036854775807
				// beside a float8 9.223372036854776e+18: the fuzz
				// tester's seed 840810)
				for k, p := range vals {
					if oids[k] != 0 && oids[k] != common {
						eds = append(eds, textEdit{x.T(p[0]).pos, 0, floatCastFn[common] + "("},
							textEdit{x.T(p[1]-1).pos + len(x.T(p[1]-1).text), 0, ")"})
					}
				}
			} else if numericCommon(oids) {
				// integer values beside a numeric: numeric text (an
				// integer's digits are its numeric text), as the numeric
				// values are. SQLite orders any integer before any text,
				// so a set operation's column of CASE WHEN b THEN i4
				// ELSE n2 END ordered 3 and 2147483647 before -2.5 (the
				// fuzz tester's seed 842722)
				for k, p := range vals {
					if oids[k] != 0 && oids[k] != pgoid.Numeric {
						eds = append(eds, textEdit{x.T(p[0]).pos, 0, "CAST("},
							textEdit{x.T(p[1]-1).pos + len(x.T(p[1]-1).text), 0, " AS TEXT)"})
					}
				}
			}
			return
		}
		for k, p := range vals {
			if !lits[k] && (oids[k] == 0 || oids[k] == common) {
				continue
			}
			eds = append(eds, textEdit{x.T(p[0]).pos, 0, datetimeCast[common] + "("},
				textEdit{x.T(p[1]-1).pos + len(x.T(p[1]-1).text), 0, ")"})
		}
		if end >= 0 && !x.kw(end+1, "COLLATE") {
			// the result orders as its type's columns do
			// (datetime_order.go): greatest/least's max/min over
			// coalesce calls compares with it (max(coalesce(ts, ts2),
			// coalesce(ts2, ts)) was 2024-01-01 beside 12345-01-01), as
			// do ORDER BY, min/max and comparisons
			eds = append(eds, textEdit{x.T(end).pos + len(x.T(end).text), 0, " COLLATE " + DatetimeCollation})
		}
	}
	for i := 0; i+1 < x.n(); i++ {
		switch {
		case x.isCall(i, "pg_array"):
			convert(x.splitTop(i+2, x.match(i+1)), -1)
		case x.isCall(i, "coalesce"):
			e := x.match(i + 1)
			convert(x.splitTop(i+2, e), e)
		case x.kw(i, "CASE") && !x.isP(i-1, "."):
			if vals := x.caseResults(i); vals != nil {
				convert(vals, x.caseEnd(i))
			}
		}
	}
	if len(eds) == 0 {
		return ""
	}
	return applyEdits(sqlText, eds)
}

// caseResults are the result expressions of the CASE at k (each THEN's
// and the ELSE's), nil when it does not end.
func (x *tx) caseResults(k int) [][2]int {
	e := x.caseEnd(k)
	if e >= x.n() {
		return nil
	}
	d := x.depth[k]
	var out [][2]int
	start := -1
	for j := k + 1; j <= e; j++ {
		if x.depth[j] != d {
			continue
		}
		if x.kw(j, "CASE") {
			j = x.caseEnd(j) // a nested CASE: part of the expression it is in
			continue
		}
		if x.kw(j, "WHEN") || x.kw(j, "ELSE") || j == e {
			if start >= 0 && j > start {
				out = append(out, [2]int{start, j})
			}
			start = -1
		}
		if x.kw(j, "THEN") || x.kw(j, "ELSE") {
			start = j + 1
		}
	}
	return out
}

// datetimeSetOp converts the items of column c of the set operation of
// operands arms (their select lists items, of declared types armOIDs)
// when they are date/time columns of different types, each to the
// widest: SELECT d FROM t UNION ALL SELECT ts FROM t is timestamp, the
// date at midnight (SetOpConversion runs it). false when the column is no
// such one (an operand's type not known, or of another type).
func (x *tx) datetimeSetOp(arms [][2]int, items [][][2]int, armOIDs [][]uint32, c int) bool {
	if x.hasSetOpAll() {
		return false
	}
	oids := make([]uint32, len(arms))
	for k := range arms {
		switch o := armOIDs[k][c]; o {
		case 0:
			return false // not known
		case pgoid.Unknown:
			// a NULL: any type
		default:
			oids[k] = o
		}
	}
	common := datetimeCommon(oids)
	if common == 0 {
		return false
	}
	changed := false
	for k := range arms {
		if oids[k] == 0 || oids[k] == common {
			continue
		}
		a, b := x.itemExpr(items[k][c][0], items[k][c][1])
		name := x.columnRefName(a, b)
		x.T(a).wpre = datetimeCast[common] + "(" + x.T(a).wpre
		x.T(b - 1).wsuf += ")"
		if name != "" && x.unaliased(b) {
			// SQLite named the bare column after itself; the call it is
			// now would be named by its text
			x.T(b - 1).wsuf += ` AS "` + strings.ReplaceAll(name, `"`, `""`) + `"`
		}
		changed = true
	}
	return changed
}

// numericCommon reports whether number types oids (0: an unknown literal
// or NULL) are integers and numerics, both: numeric is their common type.
func numericCommon(oids []uint32) bool {
	num, ints := false, false
	for _, o := range oids {
		switch o {
		case 0:
		case pgoid.Numeric:
			num = true
		case pgoid.Int2, pgoid.Int4, pgoid.Int8:
			ints = true
		default:
			return false
		}
	}
	return num && ints
}

// floatCastFn is the translation's cast function to float8 and float4.
var floatCastFn = map[uint32]string{pgoid.Float8: "pg_cast_float8", pgoid.Float4: "pg_cast_float4"}

// floatCommon is the common type of number types oids (0: an unknown
// literal or NULL) when it is float4 or float8 (the widest of them by
// PostgreSQL's implicit casts), else 0.
func floatCommon(oids []uint32) uint32 {
	var res uint32
	for _, o := range oids {
		switch {
		case o == 0:
		case numericRank[o] == 0:
			return 0
		case numericRank[o] > numericRank[res]:
			res = o
		}
	}
	if floatCastFn[res] == "" {
		return 0
	}
	return res
}

// compiledColumnOID is the type of the bare column reference a..b-1 of a
// compiled statement by its declared type (0: no column, or no type),
// read with declOf (a compiled conversion's evaluator of SQL expressions)
// and kept in decls by the expression that reads it.
func (x *tx) compiledColumnOID(a, b int, declOf func(expr string) string, decls map[string]string) uint32 {
	qual, col, ok := x.bareColumn(a, b)
	if !ok || x.inSchemaQuery(a) {
		return 0
	}
	e := x.columnTypeExpr(qual, col) // pgcast.go
	if e == "NULL" {
		return 0
	}
	d, known := decls[e]
	if !known {
		d = declOf(e)
		decls[e] = d
	}
	o, _ := DeclTypeOID(d)
	return o
}
