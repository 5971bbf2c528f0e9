package pgdialect

// datetime_translate.go: the translation of PostgreSQL's date/time syntax
// to the functions of datearith.go and datefuncs.go. SQLite's own + and -
// know nothing of dates ('2024-01-31' + 1 is 2025), so an operator with an
// operand the statement shows to be a date, time, timestamp or interval (a
// typed literal, a cast, a date/time function, CURRENT_DATE ...) becomes
// pg_dt_add / pg_dt_sub / pg_dt_mul / pg_dt_div(a, type of a, b, type of
// b). An operator between two operands of unknown type (two columns) is
// left to SQLite: cast one of them (d::date + 1).
//
// Precedence follows PostgreSQL's: AT TIME ZONE binds tighter than * and
// /, which bind tighter than + and -; each rewritten expression is marked
// (castEnd) so that the next operator takes it whole.

import (
	"sort"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// dtLiteralTypes are the keywords of typed literals of date/time types.
var dtLiteralTypes = map[string]string{
	"DATE": "date", "TIME": "time", "TIMETZ": "timetz", "TIMESTAMP": "timestamp", "TIMESTAMPTZ": "timestamptz", "INTERVAL": "interval",
}

// dtFuncTypes are the result types of functions returning date/time values
// ("" = depends on the arguments: read at run time).
var dtFuncTypes = map[string]string{
	"make_date": "date", "to_date": "date", "make_time": "time",
	"make_timestamp": "timestamp", "make_timestamptz": "timestamptz", "to_timestamp": "timestamptz",
	"now": "timestamptz", "transaction_timestamp": "timestamptz", "statement_timestamp": "timestamptz", "clock_timestamp": "timestamptz",
	"age": "interval", "justify_days": "interval", "justify_hours": "interval", "justify_interval": "interval", "make_interval": "interval",
	"date_trunc": "", "date_bin": "", "timezone": "",
	"pg_cast_date": "date", "pg_cast_time": "time", "pg_cast_timetz": "timetz", "pg_cast_timestamp": "timestamp",
	"pg_cast_timestamptz": "timestamptz", "pg_cast_interval": "interval", "pg_in_interval": "interval",
	"pg_dt_add": "", "pg_dt_sub": "", "pg_dt_mul": "interval", "pg_dt_div": "interval",
}

// intervalFieldWords may follow an interval literal: interval '1' day,
// interval '1-2' year to month.
var intervalFieldWords = map[string]bool{"YEAR": true, "MONTH": true, "DAY": true, "HOUR": true, "MINUTE": true, "SECOND": true, "TO": true}

// intervalLiteral rewrites INTERVAL 'text' [fields] at i (a typed literal)
// to pg_cast_interval('text'), or pg_in_interval('text', typmod) when it has
// fields or a precision (interval_typmod.go); it reports whether it did.
func (x *tx) intervalLiteral(i int) bool {
	at := i + 1 // the literal; interval(3) '1.5' has the precision first
	if x.isP(at, "(") {
		at = x.match(at) + 1
	}
	lit := x.T(at)
	v, ok := unquoteString(lit)
	if !ok {
		return false
	}
	j := at + 1
	var fields []string
	for at == i+1 && x.T(j).typ == tIdent && intervalFieldWords[x.T(j).upper()] {
		fields = append(fields, x.T(j).upper())
		j++
	}
	if x.isP(j, "(") && len(fields) > 0 { // second(3)
		j = x.match(j) + 1
	}
	if !x.castsChecked() {
		// a bare number takes the unit of the last field: interval '1' day
		if len(fields) > 0 && !strings.ContainsAny(v, ": ") && strings.IndexFunc(v, func(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }) < 0 {
			v += " " + strings.ToLower(fields[len(fields)-1])
		}
		x.T(i).set("(" + sqliteLit(v) + ")")
		x.blank(i+1, j)
		x.castEnd[j-1] = i
		return true
	}
	f, arg := "pg_cast_interval", ""
	mods := x.orig(i+1, at) + " " + x.orig(at+1, j)
	if tm, ok := intervalMods(mods); ok && tm >= 0 { // interval_typmod.go
		f, arg = "pg_in_interval", ", "+strconv.FormatInt(tm, 10)
	}
	x.T(i).set(f + "(" + sqliteLit(v) + arg + ")")
	x.blank(i+1, j)
	x.castEnd[j-1] = i
	return true
}

// dtType is the date/time type of operand a..b-1 as the statement shows it:
// a type name, "int"/"float" for numbers, "?" for a date/time value of a
// type known only at run time, "" when nothing is known.
func (x *tx) dtType(a, b int, known map[int]string) string {
	if ty := x.dtTypeLexical(a, b, known); ty != "" {
		return ty
	}
	switch x.exprOID(a, b) {
	case pgoid.Date:
		return "date"
	case pgoid.Time:
		return "time"
	case pgoid.Timetz:
		return "timetz"
	case pgoid.Timestamp:
		return "timestamp"
	case pgoid.Timestamptz:
		return "timestamptz"
	case pgoid.Interval:
		return "interval"
	case pgoid.Int2, pgoid.Int4, pgoid.Int8:
		return "int"
	case pgoid.Float4, pgoid.Float8, pgoid.Numeric:
		return "float"
	}
	return ""
}

// dtTypeLexical is dtType from the operand's own tokens only.
func (x *tx) dtTypeLexical(a, b int, known map[int]string) string {
	if a >= b {
		return ""
	}
	if t, ok := known[a]; ok && x.castEnd[b-1] == a {
		return t
	}
	t := x.T(a)
	if t.kw("INTERVAL") && x.isP(a+1, "(") && x.castEnd[b-1] == a {
		return "interval" // interval(3) '1.5'
	}
	if t.typ == tIdent && (b-a == 2 || b-a > 2 && x.castEnd[b-1] == a && !x.isP(a+2, "::")) && x.T(a+1).typ == tString {
		if ty, ok := dtLiteralTypes[t.upper()]; ok {
			return ty
		}
	}
	if b-a == 4 && t.typ == tIdent && x.isP(a+1, "(") && x.match(a+1) == b-1 && nowPrecisionFuncs[t.upper()] != "" {
		b = a + 1 // CURRENT_TIME(3): the keyword's type (nowprecision.go)
	}
	if b-a == 1 {
		switch {
		case t.typ == tNumber && strings.ContainsAny(t.text, ".eE"):
			return "float"
		case t.typ == tNumber:
			return "int"
		case t.kw("CURRENT_DATE"):
			return "date"
		case t.kw("CURRENT_TIMESTAMP"):
			return "timestamptz"
		case t.kw("LOCALTIMESTAMP"):
			return "timestamp"
		case t.kw("CURRENT_TIME"):
			return "timetz"
		case t.kw("LOCALTIME"):
			return "time"
		}
	}
	if t.typ == tIdent && x.isP(a+1, "(") && x.match(a+1) == b-1 {
		if ty, ok := dtFuncTypes[strings.ToLower(t.text)]; ok {
			if ty == "" {
				return x.dtCallType(a, b, known) // datetime_zone.go
			}
			return ty
		}
	}
	return ""
}

var dtTypeOIDs = map[string]uint32{
	"date": pgoid.Date, "time": pgoid.Time, "timetz": pgoid.Timetz, "timestamp": pgoid.Timestamp,
	"timestamptz": pgoid.Timestamptz, "interval": pgoid.Interval, "int": pgoid.Int4, "bool": pgoid.Bool,
}

// dtExprOID is the type of a date/time expression a..b-1 (a typed
// literal, a rewritten operator, a date/time function), 0 when not one:
// exprOID asks it first so that clients are told the PostgreSQL type.
func (x *tx) dtExprOID(a, b int) uint32 {
	if b-a == 1 && x.T(a).typ == tNumber {
		return 0 // exprOID's own rules
	}
	if ty := x.dtTypeLexical(a, b, x.dtTypes); ty != "" {
		return dtTypeOIDs[ty]
	}
	if n, j := x.name(a); n != "" && j == b && x.dtCols[n] != "" {
		return dtTypeOIDs[x.dtCols[n]]
	}
	t := x.T(a)
	if t.typ == tIdent && x.isP(a+1, "(") && x.match(a+1) == b-1 {
		switch strings.ToLower(t.text) {
		case "extract":
			return pgoid.Numeric
		case "date_part":
			return pgoid.Float8
		case "to_char":
			return pgoid.Text
		}
	}
	return 0
}

func isDTType(t string) bool { return t != "" && t != "int" && t != "float" }

// operandEnd returns the index after the operand starting at j, or -1.
func (x *tx) operandEnd(j int) int {
	t := x.T(j)
	e := -1
	switch {
	case x.isP(j, "("):
		e = x.match(j) + 1
	case t.typ == tIdent && t.kw("CASE"):
		// CASE ... END is one operand (n / CASE ... END); caseEnd is
		// x.n() when no END closes it
		e = x.caseEnd(j) + 1 // aggitems.go
	case t.typ == tIdent || t.typ == tQIdent:
		k := j
		for (x.T(k).typ == tIdent || x.T(k).typ == tQIdent) && x.isP(k+1, ".") {
			k += 2
		}
		e = k + 1
		if x.isP(k+1, "(") {
			e = x.callEnd(x.match(k+1) + 1)
		}
	case t.typ == tNumber || t.typ == tString || t.typ == tDollar || t.typ == tParam:
		e = j + 1
	default:
		return -1
	}
	if e > x.n() {
		return -1 // unbalanced parentheses: SQLite reports the syntax error
	}
	// a cast or typed literal starting at j extends the operand
	for k, s := range x.castEnd {
		if s == j && k+1 > e {
			e = k + 1
		}
	}
	return e
}

// callEnd extends a function call ending before e over its aggregate
// FILTER (WHERE ...) and window OVER (...) / OVER name clauses: they are
// part of the operand (10 + row_number() OVER ()).
func (x *tx) callEnd(e int) int {
	if x.kw(e, "FILTER") && x.isP(e+1, "(") {
		e = x.match(e+1) + 1
	}
	if x.kw(e, "OVER") {
		switch {
		case x.isP(e+1, "("):
			e = x.match(e+1) + 1
		case x.T(e+1).typ == tIdent || x.T(e+1).typ == tQIdent:
			e += 2
		}
	}
	return e
}

// dtBinaryResult is the static result type of a rewritten operator.
func dtBinaryResult(op, a, b string) string {
	switch op {
	case "*", "/":
		return "interval"
	case "+":
		switch {
		case a == "date" && b == "int" || a == "int" && b == "date":
			return "date"
		case a == "interval" && b == "interval":
			return "interval"
		case (a == "timestamp" || a == "timestamptz") && b == "interval":
			return a
		case a == "interval" && (b == "timestamp" || b == "timestamptz"):
			return b
		case a == "date" && b == "interval" || a == "interval" && b == "date":
			return "timestamp"
		case a == "date" && b == "time" || a == "time" && b == "date":
			return "timestamp"
		case (a == "timestamp" || a == "timestamptz") && b == "time":
			return a // time is cast to interval
		case a == "time" && (b == "timestamp" || b == "timestamptz"):
			return b
		case (a == "time" || a == "timetz") && b == "interval":
			return a
		case a == "interval" && (b == "time" || b == "timetz"):
			return b
		}
	case "-":
		switch {
		case a == "date" && b == "date":
			return "int"
		case a == "date" && b == "int":
			return "date"
		case a == "interval" && b == "interval":
			return "interval"
		case (a == "timestamp" || a == "timestamptz") && (b == "interval" || b == "time"):
			return a
		case a == "date" && (b == "interval" || b == "time"):
			return "timestamp"
		case a == "interval" && b == "time":
			return "interval"
		case (a == "time" || a == "timetz") && b == "interval":
			return a
		case a == "time" && b == "time":
			return "interval"
		case (a == "timestamp" || a == "timestamptz" || a == "date") && (b == "timestamp" || b == "timestamptz" || b == "date"):
			return "interval"
		}
	}
	return "?"
}

// innerFirst are the token indexes from 1 on, those in deeper
// parentheses first, each depth left to right (datetimePass).
func (x *tx) innerFirst() []int {
	idx := make([]int, 0, x.n())
	for i := 1; i < x.n(); i++ {
		idx = append(idx, i)
	}
	sort.SliceStable(idx, func(p, q int) bool { return x.depth[idx[p]] > x.depth[idx[q]] })
	return idx
}

// datetimePass rewrites AT TIME ZONE and the date/time operators (after
// the casts: their extents are known).
func (x *tx) datetimePass() error {
	if x.catalog {
		return nil
	}
	known := map[int]string{} // start of a rewritten expression -> its type
	x.dtTypes = known
	// AT TIME ZONE zone
	for i := 0; i < x.n(); i++ {
		if !x.kw(i, "AT", "TIME", "ZONE") {
			continue
		}
		s := x.primaryStart(i - 1)
		ze := x.operandEnd(i + 3)
		if s < 0 || ze < 0 {
			continue
		}
		zone := strings.TrimSpace(x.text(i+3, ze))
		st := x.dtType(s, i, known)
		res := atTimeZoneResult(st) // datetime_zone.go
		x.T(s).pre = "timezone(" + zone + ", " + x.T(s).pre
		x.blank(i, ze)
		x.T(i).set(")")
		// a time or timetz (timezoneTime): its stored text does not show
		// which, so the type goes along (a column's read at run time)
		if ct := x.columnDTType(s, i); st == "time" || st == "timetz" || st == "" && ct != "" {
			if ct == "" {
				ct = quoteLit(st)
			}
			x.T(s).pre = "pg_timezone_time(" + strings.TrimPrefix(x.T(s).pre, "timezone(")
			x.T(i).set(", " + ct + ")")
		}
		x.castEnd[ze-1] = s
		known[s] = res
	}
	cmpOps := map[string]bool{"<": true, ">": true, "<=": true, ">=": true, "=": true, "<>": true, "!=": true,
		opDistinct: true, opNotDistinct: true} // distinct_operator.go
	// other arithmetic and comparisons: arith.go. The binary arithmetic
	// operators by precedence within each depth of parentheses, the
	// deepest first: an operand in parentheses is rewritten before the
	// operator that takes it, which then reads its type ((i4 + (n + n))
	// * 2 is numeric arithmetic, not of the values' type)
	order := x.innerFirst()
	// jsonb - operators left as they are (jsonMinus): + and - are left
	// associative, so j - 'a' - 'b' is (j - 'a') - 'b', jsonb's - again,
	// not j - ('a' - 'b') (the operand just before the second -)
	jsonMinusAt := map[int]bool{}
	type opStep struct {
		ops   string
		depth int // -1: every depth
	}
	steps := []opStep{{"unary", -1}}
	if len(order) > 0 {
		for d := x.depth[order[0]]; d >= 0; d-- {
			steps = append(steps, opStep{"^", d}, opStep{"*/%", d}, opStep{"+-", d})
		}
	}
	steps = append(steps, opStep{"prefix", -1}, opStep{"bits", -1}, opStep{"funcs", -1}, opStep{"cmp", -1})
	for _, step := range steps {
		ops := step.ops
		switch ops {
		case "bits":
			if err := x.bitwiseOps(); err != nil { // bitwise.go: & | # ~ << >>, below + and -
				return err
			}
			continue
		case "unary":
			if err := x.bitNegateErr(); err != nil { // bitwise.go
				return err
			}
			x.arithNegate(known) // -x binds tightest
			x.numericFuncArgs(true)
			continue
		case "prefix":
			x.arithPrefix() // |/ x, ||/ x, @ x: below + and -, above comparisons
			continue
		case "funcs":
			// numeric function calls over the arithmetic just written, so
			// that a comparison sees their types (sqrt(n) > 1 compares
			// by value: numeric_funcargs.go)
			x.numericFuncArgs(false)
			x.exactCallCollation()    // numeric_exactcalls.go
			x.intervalCallCollation() // interval_order.go
			continue
		}
		for _, i := range order {
			if step.depth >= 0 && x.depth[i] != step.depth {
				continue
			}
			t := x.T(i)
			if t.typ != tOp || t.ed || !x.endsOperand(i-1) {
				continue
			}
			if ops == "cmp" != cmpOps[t.text] || ops != "cmp" && (len(t.text) != 1 || !strings.Contains(ops, t.text)) {
				continue
			}
			ls := x.primaryStart(i - 1)
			re := x.signedOperandEnd(i + 1)
			if ls < 0 || re < 0 {
				continue
			}
			ls = x.unaryStart(ls)
			if ops == "cmp" {
				ls, re = x.concatOperands(ls, re) // concat_compare.go
			}
			lt, rt := x.dtBranchType(ls, i, known), x.dtBranchType(i+1, re, known)
			// a quoted literal beside a date/time operand: the type
			// PostgreSQL gives it (datetime_unknown.go)
			lt, rt, err := x.unknownOperandTypes(ls, i, re, lt, rt)
			if err != nil {
				return err
			}
			arith := false
			switch t.text {
			case "+", "-":
				if !isDTType(lt) && !isDTType(rt) {
					// a date/time column operand (datetime_columns.go),
					// jsonb's - (jsonb_translate.go), else PostgreSQL's
					// checked arithmetic (arith.go)
					if x.columnDTOperator(ls, i, re) {
						continue
					}
					if t.text == "-" && (jsonMinusAt[ls-1] || x.jsonMinus(ls, i, re)) {
						jsonMinusAt[i] = true
						continue
					}
					arith = true
				}
			case "*": // time is cast to interval (time '01:30' * 2)
				arith = lt != "interval" && rt != "interval" && lt != "time" && rt != "time"
			case "/":
				arith = lt != "interval" && lt != "time"
			case "%", "^":
				arith = true
			default:
				if t.text == "=" && x.inSetClause(i) {
					continue // an assignment
				}
				if err := x.xmlCompareErr(i, ls, re); err != nil { // xmltype.go
					return err
				}
				// the stored text forms of one type compare as the values
				// do, except intervals ('1 day' > '23 hours') and mixed
				// types (a date and a timestamp)
				if lt != "interval" && rt != "interval" && !(isDTType(lt) && isDTType(rt) && lt != rt && lt != "?" && rt != "?") {
					x.castComparedLiteral(ls, i, re, lt, rt) // datetime_unknown.go
					if !isDTType(lt) && !isDTType(rt) {
						if lt == "" && rt == "" {
							x.dtDerivedPair(ls, i, re) // datetime_column_pair.go: JOIN c ON t.d = c.tz
						}
						before := x.text(ls, re)
						x.arithCompare(i, ls, re)
						x.noteJSONBCompare(i, ls, re) // jsonb_conditional.go
						if lt == "" && rt == "" && x.text(ls, re) == before {
							x.dtColumnPair(ls, i, re) // datetime_column_pair.go: d = (SELECT max(tz) ...)
						}
					} else {
						x.dateBesideColumn(ls, i, re, lt, rt) // datetime_zone.go
					}
					continue
				}
				lx, rx := x.dtOperandType(lt, ls, i), x.dtOperandType(rt, i+1, re)
				x.T(ls).pre = "(" + distinctCmp("pg_dt_cmp", t.text) + "(" + x.T(ls).pre
				t.set(", " + lx + ", ")
				x.T(re - 1).suf += ", " + rx + ") " + t.text + " 0)"
				x.castEnd[re-1] = ls
				known[ls] = "bool"
				// a boolean, as arithCompare's pg_cmp: iv * 2 >= INTERVAL
				// '1 day' printed 1 as the arithmetic inside it was typed
				if x.arithTypes == nil {
					x.arithTypes = map[int]string{}
				}
				x.arithTypes[ls] = "bool"
				continue
			}
			if arith {
				// iv * 2 of an interval column: an interval when the
				// column is one (datetime_nested.go)
				lx, rx := x.dtTypeExpr(ls, i), x.dtTypeExpr(i+1, re)
				if done, err := x.arithRewrite(i, ls, re); err != nil {
					return err
				} else if done && (t.text == "*" || t.text == "/") && scaledDTOperand(lx, rx) {
					x.recordDTResult(ls, re, t.text, lx, rx)
				} else if done {
					delete(x.dtRTypes, ls) // a number, or a product of columns
				}
				continue
			}
			f := map[string]string{"+": "pg_dt_add", "-": "pg_dt_sub", "*": "pg_dt_mul", "/": "pg_dt_div"}[t.text]
			res := dtBinaryResult(t.text, lt, rt)
			lx, rx := x.dtOperandType(lt, ls, i), x.dtOperandType(rt, i+1, re)
			pre, suf := f+"(", ", "+rx+")"
			if res == "interval" || res == "?" && !x.comparedOperand(ls, re) {
				// an interval orders by value, as an interval column
				// (interval_order.go: ORDER BY b - a, max(b - a)); the
				// collation keeps the text order of dates and timestamps,
				// so it serves a result of a type known only at run time,
				// except where it would decide a comparison (an index on
				// the other operand would not serve it)
				pre, suf = "("+pre, suf+" COLLATE "+IntervalCollation+")"
			}
			x.T(ls).pre = pre + x.T(ls).pre
			t.set(", " + lx + ", ")
			x.T(re - 1).suf += suf
			x.castEnd[re-1] = ls
			known[ls] = res
			x.recordDTResult(ls, re, t.text, lx, rx)
		}
	}
	x.dateBetweenColumn(known) // datetime_zone.go
	x.dateInColumn(known)      // datetime_zone.go
	x.overlapsRewrite()        // overlaps.go
	return nil
}

// comparedOperand reports whether the expression ls..re-1 may be an
// operand of a comparison (=, <, BETWEEN, IN, LIKE ...), whose collation
// it would choose.
func (x *tx) comparedOperand(ls, re int) bool {
	near := func(t *token) bool {
		switch {
		case t.typ == tOp && cmpOps[t.text]:
			return true
		case t.typ == tIdent:
			switch t.upper() {
			case "BETWEEN", "AND", "IN", "IS", "NOT", "LIKE", "GLOB", "ILIKE", "ANY", "ALL", "SOME":
				return true
			}
		}
		return false
	}
	return ls > 0 && near(x.T(ls-1)) || re < x.n() && near(x.T(re))
}

// extractRewrite rewrites EXTRACT(field FROM source) at i to
// pg_extract('field', source), or pg_extract('field', source, the column's
// date/time type) when source is a column (pg_col_dttype).
func (x *tx) extractRewrite(i int) bool {
	e := x.match(i + 1)
	if !x.kw(i+3, "FROM") || e <= i+4 {
		return false
	}
	f := x.T(i + 2)
	field := f.text
	if f.typ == tString {
		v, ok := unquoteString(f)
		if !ok {
			return false
		}
		field = v
	} else if f.typ != tIdent {
		return false
	}
	x.T(i).set("pg_extract")
	// numeric text with numeric's affinity and collation: an integral
	// result is a SQLite integer, a fractional or infinite one text, and
	// ORDER BY put every text after every integer (946684799.500000
	// after 1709208000)
	x.T(i).pre = "(CAST(" + x.T(i).pre
	x.T(e).suf += " AS TEXT) COLLATE " + NumericCollation + ")"
	x.castEnd[e] = i
	f.set(quoteLit(strings.ToLower(field)))
	x.T(i + 3).set(",")
	if ct := x.columnDTType(i+4, e); ct != "" { // datetime_columns.go
		// a column: its declared type, which its stored text may not
		// show (interval '00:00:01.5' reads as a time of day)
		x.T(e - 1).suf += ", " + ct
	} else if st := x.dtType(i+4, e, x.dtTypes); isDTType(st) && st != "?" {
		// a type the statement shows ('2020-02-29'::date): an infinite
		// value's text does not tell a date from a timestamp, and a date
		// has no hour even when infinite (0A000). Before the closing
		// parenthesis: a typed literal's token is rewritten later.
		x.T(e).pre = ", " + quoteLit(st) + x.T(e).pre
	}
	return true
}

// datePartColumn gives date_part(field, column) at i the column's
// date/time type as a third argument, as extractRewrite gives EXTRACT's.
func (x *tx) datePartColumn(i int) {
	e := x.match(i + 1)
	args := x.splitTop(i+2, e)
	if len(args) != 2 {
		return
	}
	if ct := x.columnDTType(args[1][0], args[1][1]); ct != "" { // datetime_columns.go
		x.T(e - 1).suf += ", " + ct
	}
}

// dateTruncTyped gives date_trunc(field, source) at i its source's type
// as third and fourth arguments (NULL, type), the type the statement
// shows or one read at run time (a column's declared type, a
// coalesce's): an interval of hours alone
// ('36:00:00') reads as a time of day from its text, and date_trunc has
// no time form (date_trunc('hour', iv) was 42883 for date_trunc(unknown,
// time without time zone)). The three-argument date_trunc (a zone) is
// left as it is.
func (x *tx) dateTruncTyped(i int) {
	e := x.match(i + 1)
	args := x.splitTop(i+2, e)
	if len(args) != 2 {
		return
	}
	if ty := x.dtTypeExpr(args[1][0], args[1][1]); ty != "" { // datetime_nested.go
		// before the closing parenthesis: a typed literal's token is
		// rewritten later, its suffix inside its own call
		x.T(e).pre = ", NULL, " + ty + x.T(e).pre
		if ty == "'interval'" || runtimeTypeExpr(ty) {
			// an interval's truncation orders and compares as an
			// interval column does (interval_order.go): ORDER BY
			// date_trunc('hour', iv) put '-02:00:00' before '-1 mons +1
			// day' as text (fuzz seed 802050). A timestamp's text is no
			// interval, and the collation compares two such as text. No
			// parentheses: COLLATE binds to the call, and the result
			// type's probe (calltypes.go) reads the argument without them.
			x.T(e).suf = " COLLATE " + IntervalCollation + x.T(e).suf
		}
	}
}

// ageRewrite turns age(x) into age(CURRENT_DATE, x) (PostgreSQL: age
// from midnight of today; CURRENT_DATE reads the entry's pinned time).
func (x *tx) ageRewrite(i int) {
	e := x.match(i + 1)
	if len(x.splitTop(i+2, e)) == 1 && e > i+2 {
		x.T(i + 1).set("(CURRENT_DATE, ")
	}
}

// inSetClause reports whether token i is in the SET list of an UPDATE (or
// of ON CONFLICT DO UPDATE), where = assigns. The WHEN of a CASE that
// ends before i is the CASE's (SET a = a + CASE WHEN ... END, b = b * 2
// made b = ... a comparison, and the statement a syntax error).
func (x *tx) inSetClause(i int) bool {
	cases := 0 // the CASE ... END blocks being passed over
	for j := i - 1; j >= 0; j-- {
		if x.depth[j] != x.depth[i] {
			continue
		}
		switch x.T(j).upper() {
		case "END":
			cases++
		case "CASE":
			cases--
		}
		if cases > 0 {
			continue
		}
		switch x.T(j).upper() {
		case "SET":
			return true
		case "WHERE", "FROM", "SELECT", "ON", "WHEN", "AND", "OR", "HAVING", "RETURNING":
			return false
		}
	}
	return false
}

// seriesDateTime is the recursive step of generate_series(start, stop,
// step interval) over timestamps (a date start makes a timestamptz series,
// as in PostgreSQL); ok=false when the series is not over date/time values.
func (x *tx) seriesDateTime(args [][2]int, a func(int) string, col string) (string, bool) {
	if len(args) != 3 {
		return "", false
	}
	st := x.dtType(args[0][0], args[0][1], x.dtTypes)
	if !isDTType(st) && x.dtType(args[2][0], args[2][1], x.dtTypes) != "interval" {
		return "", false
	}
	start := a(0)
	switch st {
	case "date":
		start, st = "pg_in_timestamptz("+start+", -1)", "timestamptz"
	case "?":
		st = ""
	}
	if st != "" {
		if x.dtCols == nil {
			x.dtCols = map[string]string{}
		}
		x.dtCols[col] = st // the series column's type, for the result description
	}
	ty := quoteLit(st)
	next := "pg_dt_add(v, " + ty + ", " + a(2) + ", 'interval')"
	// the step's sign; pg_series_step refuses 0 (22023, as PostgreSQL)
	sign := "pg_series_step(pg_dt_cmp(" + a(2) + ", 'interval', '0', 'interval'))"
	stop := a(1)
	within := func(v string) string {
		return "CASE WHEN " + sign + " > 0 THEN pg_dt_cmp(" + v + ", " + ty + ", " + stop + ", '') <= 0 ELSE pg_dt_cmp(" + v + ", " + ty + ", " + stop + ", '') >= 0 END"
	}
	// the first row only when the range is not empty, as for numbers
	return "SELECT " + start + " WHERE " + within(start) + " UNION ALL SELECT " + next + " FROM pg_gs WHERE " + within(next), true
}
