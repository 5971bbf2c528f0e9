package pgdialect

// datetime_columns.go: date/time operators on bare columns. The translator
// does not know a column's type, so `d + 1` of a date column would be
// SQLite's arithmetic on the text ('2024-01-31' + 1 = 2025). When one
// operand of + or - is a column of a table the statement certainly names
// (qualified, or its only table) and the other a number or a string that
// starts with a digit or sign, or a column too (ts - ts2, d - d2, ts +
// iv: the test is then whether either column is a date/time one for +,
// the left one for -), the operator becomes
//
//	(CASE WHEN (SELECT pg_col_dttype(sql, 'd') FROM sqlite_schema ...) <> ''
//	  THEN pg_dt_add(d, (SELECT pg_col_dttype(...) ...), 1, 'int')
//	  ELSE (pg_add(d, 1, <d's type + int4>) COLLATE pg_numeric) END COLLATE pg_numeric)
//
// pg_col_dttype reads the column's declared type from the table's CREATE
// TABLE text (read from sqlite_schema and parsed once per text, like
// pg_in_col): a date/time type name, or '' for any other type, whose
// columns take arith.go's checked arithmetic typed by the column's type
// (arith_columns.go; the subquery is constant: SQLite evaluates it once
// per statement). An operand that is itself such a CASE form of + or -
// with a number (d + 1 + 2) takes the same test, its date/time type read
// from its value. The
// CASE counts as that arithmetic for the rest of the translation
// (arithTypes "?": BETWEEN, IN), a comparison with it is decided by the
// same test (columnDTCompare), and Describe reads its ELSE branch
// (columnDTElse, columnDTResult). An operand of a static numeric type
// (d + $1::int) counts as a number. A bare parameter operand ($1) is left
// to arith.go: PostgreSQL refuses date + unknown (42725), and integer
// updates (SET n = n + $1) keep their plain checked arithmetic.

import (
	"database/sql/driver"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// fnColDTType is pg_col_dttype(create_sql, column), or
// pg_col_dttype(column, create_sql, ...) for an unqualified column of a
// join (the one table's that has it): the column's date/time type name,
// empty for any other type or an unknown column. It takes the arguments
// pg_col_numtype takes (colDeclType).
func fnColDTType(_ *sqliteFunctionContext, a []driver.Value) (driver.Value, error) {
	oid, err := colDeclType(a)
	if err != nil {
		return nil, err
	}
	switch oid {
	case pgoid.Date, pgoid.Time, pgoid.Timetz, pgoid.Timestamp, pgoid.Timestamptz, pgoid.Interval:
		return TypeName(oid), nil
	}
	return "", nil
}

func equalFoldASCII(a, b string) bool { return asciiLower(a) == asciiLower(b) }

// columnDTType is the pg_col_dttype expression of the column at a..b-1,
// or "" when a..b-1 is not a column of a table the statement certainly
// names. lower(r) or upper(r) of a column r (range_translate.go) has
// pg_col_elemdttype's: the date/time element type of a range column
// (upper(d) - lower(d) of a daterange is date - date); max(ts) or
// lag(ts) OVER (...) of a column the column's (aggDTType).
func (x *tx) columnDTType(a, b int) string {
	if c := x.aggDTType(a, b); c != "" {
		return c
	}
	f := "pg_col_dttype"
	if ca, cb, ok := x.rangeBoundColumn(a, b); ok {
		a, b, f = ca, cb, "pg_col_elemdttype"
	}
	tbl, col, ok := x.columnTable(a, b) // arith_columns.go
	if !ok {
		// a derived table's or CTE's column that reads a table's
		// (derivedcols.go): that column's type (SELECT d + 1 FROM
		// (SELECT d FROM t) s is date arithmetic)
		if r, ok := x.colRTypes[a]; ok && r.end == b && strings.HasPrefix(r.expr, numTypeQueryPrefix) {
			return f + "(" + RelSQLFunc + "(" + r.expr[len(numTypeQueryPrefix):]
		}
		// an unqualified column of a join (d + n FROM a, b)
		return x.joinColumnType(f, a, b)
	}
	return colTypeQuery(f, tbl, col)
}

// rangeBoundColumn is the column ca..cb-1 of a..b-1 when a..b-1 is
// lower(col) or upper(col) that rangeBoundCalls rewrote to decide by the
// column's declared type.
func (x *tx) rangeBoundColumn(a, b int) (ca, cb int, ok bool) {
	t := x.T(a)
	if !t.ed || t.out != "pg_range_lower" && t.out != "pg_range_upper" || !x.isP(a+1, "(") || x.match(a+1) != b-1 {
		return 0, 0, false
	}
	if _, _, ok := x.bareColumn(a+2, b-1); !ok {
		return 0, 0, false
	}
	return a + 2, b - 1, true
}

// fnColElemDTType is pg_col_elemdttype(...), pg_col_dttype's arguments:
// the date/time type name of the elements of the range column named,
// empty for any other column.
func fnColElemDTType(_ *sqliteFunctionContext, a []driver.Value) (driver.Value, error) {
	oid, err := colDeclType(a)
	if err != nil {
		return nil, err
	}
	if k := rangeKinds[oid]; k != nil {
		switch k.elem {
		case pgoid.Date, pgoid.Timestamp, pgoid.Timestamptz:
			return TypeName(k.elem), nil
		}
	}
	return "", nil
}

// columnDTOperator rewrites the + or - at i between ls..i-1 and i+1..re-1
// when an operand is a column (see the file comment); it reports whether
// it did.
func (x *tx) columnDTOperator(ls, i, re int) bool {
	lc, rc := x.columnDTType(ls, i), x.columnDTType(i+1, re)
	// an operand that is itself a rewritten operator over columns (d + 1,
	// ts - iv, iv * 2: datetime_nested.go), or a CASE of such results
	lf, rf := "", ""
	if lc == "" {
		lf = x.nestedDTType(ls, i)
	}
	if rc == "" {
		rf = x.nestedDTType(i+1, re)
	}
	// a CASE of a column and a quoted literal beside a number (CASE WHEN
	// ... THEN i ELSE '4' END + 1) is the number arithmetic it was: only
	// a date/time column beside it makes it a date/time operand
	if lc == "" && rc+rf == "" && x.caseWithLiteral(ls, i) {
		lf = ""
	}
	if rc == "" && lc+lf == "" && x.caseWithLiteral(i+1, re) {
		rf = ""
	}
	if lc+lf == "" && rc+rf == "" {
		return false
	}
	if len(x.text(ls, re)) > maxDTNested {
		// the CASE form holds its operands twice: past the bound a sum
		// of many terms (a * b + c + d * e + f ...) is plain arithmetic,
		// as datetime_nested.go bounds the levels it records
		return false
	}
	// a product of two columns beside a date/time operand (ts - iv * n,
	// iv * n + ts): its interval factor's type (noteDTFactor). Not
	// between two such products, so that sums of products of number
	// columns (a * b + c * d) keep plain arithmetic
	switch {
	case lc+lf == "":
		lf = x.factorDTType(ls, i)
	case rc+rf == "":
		rf = x.factorDTType(i+1, re)
	}
	typeOf := func(a, b int, colType, chain string) (string, bool) {
		if colType != "" {
			return colType, true
		}
		if chain != "" {
			// column +- number has the column's type (date + 1 is a
			// date): read from the value, 'infinity' would be a timestamp;
			// a nested result its recorded type
			return chain, true
		}
		t := x.T(a)
		switch nt := x.numType(a, b); {
		case nt == "int2" || nt == "int4" || nt == "int8":
			return "'int'", true // d + $1::int
		case nt == "numeric" || nt == "float8" || nt == "float4":
			return "'float'", true
		case b == a+1 && t.typ == tNumber:
			if _, err := strconv.ParseInt(t.text, 10, 64); err == nil {
				return "'int'", true
			}
			return "'float'", true
		case x.T(i).text == "+" && x.plainStringOperand(a, b):
			// of the type the other operand's makes it, at run time
			// (datetime_unknown.go: d + '1' is 42725, ts + '1 day' an
			// interval's sum)
			return quoteLit(unknownType), true
		case b == a+1 && t.typ == tString:
			// a date, time or interval text starts with a digit or sign;
			// j - 'key' is jsonb's (jsonb_translate.go)
			if v, ok := unquoteString(t); ok && v != "" && (v[0] >= '0' && v[0] <= '9' || v[0] == '-' || v[0] == '+') {
				return "''", true
			}
		}
		return "", false
	}
	lt, ok1 := typeOf(ls, i, lc, lf)
	rt, ok2 := typeOf(i+1, re, rc, rf)
	if !ok1 || !ok2 {
		return false
	}
	sameType := false
	if x.T(i).text == "-" {
		// a quoted literal beside a date/time value is of that value's
		// type (PostgreSQL prefers the operator of one type for an
		// unknown operand): d - '2024-01-01' is date - date, 60, not
		// the literal's guess; d - '1' is date's 22007
		switch {
		case lt == "''" && rt != "''":
			lt, sameType = rt, true
		case rt == "''" && lt != "''":
			rt, sameType = lt, true
		}
	}
	cond := lc + lf
	switch {
	case cond == "":
		cond = rc + rf
	case rc+rf != "" && x.T(i).text == "+":
		// col + col: a date/time sum when either is one (ts + iv,
		// n + d); - is decided by its left operand (ts - iv, d - d2)
		cond = "max(" + cond + ", " + rc + rf + ")"
	}
	f := map[string]string{"+": "pg_dt_add", "-": "pg_dt_sub"}[x.T(i).text]
	op := x.T(i).text
	x.settleOperands(ls, re) // operandcopy.go: the operands' text is copied below
	if !x.castsChecked() {
		left, right := x.text(ls, i), x.text(i+1, re)
		x.wipe(ls, re)
		x.T(ls).set("(CASE WHEN " + cond + " <> '' THEN " + f + "(" + left + ", " + lt + ", " + right + ", " + rt + ") ELSE " + left + " " + op + " " + right + " END)")
		x.castEnd[re-1] = ls
		return true
	}
	// a column of another type: PostgreSQL's checked arithmetic (arith.go)
	// of unknown type, whose shape the ELSE branch keeps for Describe
	// (ArithItems) and whose collation the whole expression takes
	x.numericLiteral(ls, i)
	x.numericLiteral(i+1, re)
	rtype := x.runtimeArithType(op, ls, i, i+1, re) // arith_columns.go
	left, right := x.text(ls, i), x.text(i+1, re)
	pre, suf := arithWrapRT(arithFuncs[op], "", rtype)
	x.wipe(ls, re)
	x.T(ls).set("(CASE WHEN " + cond + " <> '' THEN " + f + "(" + left + ", " + lt + ", " + right + ", " + rt + ") ELSE " +
		pre + left + ", " + right + suf + " END COLLATE " + NumericCollation + ")")
	x.castEnd[re-1] = ls
	if x.arithTypes == nil {
		x.arithTypes = map[int]string{}
	}
	x.arithTypes[ls] = "?" // a number of unknown type, or a date/time value
	x.setRuntimeType(ls, rtype)
	if x.dtConds == nil {
		x.dtConds = map[int]string{}
	}
	x.dtConds[ls] = cond
	if (lc+lf == "" || rc+rf == "") && !sameType {
		// column +- number: a date/time value when the column is one
		if x.dtRTypes == nil {
			x.dtRTypes = map[int]string{}
		}
		x.dtRTypes[ls] = cond
	} else {
		x.recordDTResult(ls, re, op, lt, rt) // ts - iv: its type for an outer operator
	}
	return true
}

// maxDTChain bounds the text of an operand that dtChainOf continues: the
// CASE form holds its operand twice, so a long chain (a + 1 + 1 + ...)
// would grow as 2^n; past the bound the chain takes plain arithmetic.
const maxDTChain = 4096

// dtChainOf is the column-type test of operand a..b-1 when it is
// columnDTOperator's CASE form of a column plus or minus a number (a
// date/time value when the column is one: d + 1), "" otherwise.
func (x *tx) dtChainOf(a, b int) string {
	for b-a > 2 && x.isP(a, "(") && x.match(a) == b-1 {
		a, b = a+1, b-1 // (d + 1) - 1: the chain in parentheses
	}
	if c, ok := x.dtRTypes[a]; ok && b > a && x.castEnd[b-1] == a && x.T(b-1).pos-x.T(a).pos < maxDTChain {
		return c
	}
	return ""
}

// columnDTElse recognises the CASE form of columnDTOperator at a..b-1 of
// SQLite text, with or without its parentheses, and returns the extent of
// its ELSE branch (the arithmetic of arith.go).
func (x *tx) columnDTElse(a, b int) (lo, hi int, ok bool) {
	for b-a >= 2 && x.isP(a, "(") && x.match(a) == b-1 { // ((d + 1)) - 1: as many as there are
		a, b = a+1, b-1
	}
	// CASE WHEN <type test> <> '' THEN pg_dt_add|pg_dt_sub(...): the test
	// is a column's type ((SELECT pg_col_dttype ...)), max of two, a
	// nested operand's ((SELECT pg_dt_result ...), datetime_nested.go)
	if !x.kw(a, "CASE", "WHEN") {
		return 0, 0, false
	}
	th := x.findKw(a+2, b, x.depth[a], "THEN")
	if th < a+4 || !x.isP(th-2, "<>") || x.T(th-1).text != "''" || !x.isP(th+2, "(") {
		return 0, 0, false
	}
	if f := strings.ToLower(x.T(th + 1).text); f != "pg_dt_add" && f != "pg_dt_sub" {
		return 0, 0, false
	}
	end := b - 1
	if b-a >= 3 && x.kw(b-2, "COLLATE") {
		end = b - 3
	}
	if !x.kw(end, "END") {
		return 0, 0, false
	}
	for k := a + 3; k < end; k++ {
		if x.kw(k, "ELSE") && x.depth[k] == x.depth[a] {
			return k + 1, end, true
		}
	}
	return 0, 0, false
}

// columnDTResult is the type of columnDTOperator's CASE form x (a result
// column of SQLite text) when the probe's declared types of its operands
// (ArithProbeSQL: a column's, 0 for a constant, in arithShape's order)
// show a date/time column: date + 1 is date, date - date int4, timestamp
// - timestamp interval, d + 1 + 2 date. ok=false when x is no such form
// or no operand is a date/time column (then arith's typing applies).
func (x *tx) columnDTResult(leafTypes []uint32) (uint32, bool) {
	if _, _, ok := x.columnDTElse(0, x.n()); !ok {
		return 0, false
	}
	k := 0
	t, dt := x.columnDTShape(0, x.n(), leafTypes, &k)
	if !dt {
		return 0, false
	}
	if isDTName(t) {
		return dtTypeOIDs[t], true
	}
	return arithTypeOIDs[t], true // date - date, and numbers over it
}

// columnDTShape is the type of a..b-1 (dtBinaryResult's date/time names;
// arith.go's for a number, "?" unknown) and whether a date/time column decides it, consuming
// leaf types as arithShape visits the leaves.
func (x *tx) columnDTShape(a, b int, leafTypes []uint32, k *int) (string, bool) {
	if lo, hi, ok := x.columnDTElse(a, b); ok && hi-lo >= 5 && x.isP(lo+2, "(") {
		op := "" // ELSE (pg_add(l, r, type) COLLATE pg_numeric)
		for o, f := range arithFuncs {
			if strings.EqualFold(x.T(lo+1).text, f) {
				op = o
			}
		}
		if args := x.splitTop(lo+3, x.match(lo+2)); op != "" && len(args) == 3 {
			l, dl := x.columnDTShape(args[0][0], args[0][1], leafTypes, k)
			r, dr := x.columnDTShape(args[1][0], args[1][1], leafTypes, k)
			lit := func(a [2]int) bool { return a[1]-a[0] == 1 && x.T(a[0]).typ == tString }
			// the literal's type, beside a date/time value of type t:
			// for - t's own (d - '2024-01-01' is date - date, an int4;
			// columnDTOperator), for + an interval where t takes one
			// (ts + '1 day'; date + unknown is PostgreSQL's 42725)
			litType := func(t string) string {
				switch {
				case op == "-":
					return t
				case t == "timestamp" || t == "timestamptz" || t == "time" || t == "interval":
					return "interval"
				}
				return ""
			}
			switch {
			case lit(args[1]) && isDTName(l) && !isDTName(r) && litType(l) != "":
				r = litType(l)
			case lit(args[0]) && isDTName(r) && !isDTName(l) && litType(r) != "":
				l = litType(r)
			}
			switch res := dtBinaryResult(op, dtShapeName(l), dtShapeName(r)); {
			case res == "int":
				return "int4", dl || dr // date - date
			case res != "?":
				return res, dl || dr
			case op == "+" && (l == "timestamp" || l == "timestamptz") && r == "?":
				return l, dl // ts + CASE ... END: timestamp + interval (or time) is a timestamp
			case op == "+" && (r == "timestamp" || r == "timestamptz") && l == "?":
				return r, dr
			case !isDTName(l) && !isDTName(r):
				// numbers: (d - d2) + n is int4 + int4
				if t := arithResult(op, l, r); arithTypeOIDs[t] != 0 {
					return t, dl || dr
				}
			}
			return "?", dl || dr
		}
	}
	// the leaves as arithShape visits them: a column's declared type, a
	// constant's own (iv * 2 + iv: interval times int4 is an interval)
	n, dt := 0, false
	st := x.arithShape(a, b, func(lo, hi int) string {
		idx := *k + n
		n++
		o := uint32(0)
		if idx < len(leafTypes) {
			o = leafTypes[idx]
		}
		if o == 0 {
			o = x.exprType(lo, hi) // pg_cast_int4(1), a typed literal
			if e := x.branchDTTypeExpr(lo, hi); o == 0 && e != "" && !runtimeTypeExpr(e) {
				o = dtTypeOIDs[e[1:len(e)-1]] // CASE ... ELSE interval '1 hour' END (datetime_nested.go)
			} else if o == 0 && x.kw(lo, "CASE") {
				return "?" // CASE WHEN ... THEN iv END: its results' type is not probed
			}
		} else if _, j := x.name(lo); hi-lo == 1 || j == hi || x.rangeBound(lo, hi) {
			// a column, maybe qualified (o.placed), or lower(col) /
			// upper(col) of a range column (its element type)
			for name, oid := range dtTypeOIDs {
				if o == oid && isDTType(name) && name != "bool" {
					dt = true
				}
			}
		}
		for name, oid := range dtTypeOIDs {
			if o == oid && isDTType(name) && name != "bool" {
				return name
			}
		}
		return oidArithType(o)
	})
	*k += n
	switch {
	case isDTName(st):
		return st, dt
	case arithTypeOIDs[st] != 0 && st != "bool":
		return st, false
	case st == "?":
		return st, false
	case n == 1:
		switch x.dtTypeLexical(a, b, nil) { // a number
		case "float":
			return "numeric", false
		case "int":
			return "int4", false
		}
	}
	return "int4", false
}

// isDTName reports whether t names a date/time type (dtTypeOIDs' names
// but int and bool).
func isDTName(t string) bool { return dtTypeOIDs[t] != 0 && t != "int" && t != "bool" }

// columnDTCompare rewrites the comparison at i between ls..i-1 and
// i+1..re-1, an operand of which is columnDTOperator's CASE form, so that
// the column's type decides at run time: date/time values compare as
// their text does, numbers as arithCompare's pg_cmp (numeric text by
// value). It reports whether it did.
func (x *tx) columnDTCompare(i, ls, re int) bool {
	// in parentheses or not ((d + 1) > x), as arithCompare reads them
	la, lb := x.unparen(ls, i)
	ra, rb := x.unparen(i+1, re)
	cond := x.dtConds[la]
	if lb <= la || x.castEnd[lb-1] != la {
		cond = ""
	}
	if c := x.dtConds[ra]; cond == "" && c != "" && rb > ra && x.castEnd[rb-1] == ra {
		cond = c
	}
	if cond == "" {
		return false
	}
	op := x.T(i).text
	// a quoted literal beside the date/time value is of its type: through
	// that type's input (ts + iv = '2024-10-28 00:00' compared the
	// spelling with '2024-10-28 00:00:00', a timestamptz's UTC text with
	// local time)
	// (a difference of no date/time type is date - date's integer: d1 -
	// d2 > '5' compared a number with text, never true)
	litType := func(a, b int) string {
		te := x.dtTypeExpr(a, b)
		if !runtimeTypeExpr(te) {
			return ""
		}
		if strings.HasPrefix(te, dtResultPrefix+"'-'") {
			te = "coalesce(nullif(" + te + ", ''), 'int4')"
		}
		return te
	}
	dl, dr := "", ""
	if x.plainStringOperand(i+1, re) {
		dr = litType(la, lb)
	} else if x.plainStringOperand(ls, i) {
		dl = litType(ra, rb)
	}
	x.settleOperands(ls, re) // operandcopy.go: the operands' text is copied below
	left, right := x.text(ls, i), x.text(i+1, re)
	dtLeft, dtRight := left, right
	if dl != "" {
		dtLeft = "pg_in_decl(" + left + ", " + dl + ")"
	}
	if dr != "" {
		dtRight = "pg_in_decl(" + right + ", " + dr + ")"
	}
	x.wipe(ls, re)
	x.T(ls).set("(CASE WHEN " + cond + " <> '' THEN " + dtLeft + " " + op + " " + dtRight +
		" ELSE (" + distinctCmp("pg_cmp", op) + "(" + left + ", " + right + ") " + op + " 0) END)")
	x.castEnd[re-1] = ls
	x.arithTypes[ls] = "bool"
	return true
}

// rangeBound reports whether lo..hi-1 is lower(col) or upper(col) of a
// range column as range_translate.go rewrites it (pg_range_lower(col,
// type)): an operand of the element's type, as a column is.
func (x *tx) rangeBound(lo, hi int) bool {
	t := x.T(lo)
	return t.typ == tIdent && (strings.EqualFold(t.text, "pg_range_lower") || strings.EqualFold(t.text, "pg_range_upper")) && x.isP(lo+1, "(") && x.match(lo+1) == hi-1
}
