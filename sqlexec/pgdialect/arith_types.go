package pgdialect

// Static result types of arithmetic on columns. The translation types
// a + 1 only when it knows a's type (arith.go); on a column it writes
// (pg_add(a, 1, '') COLLATE pg_numeric) and the result column would be
// typed by its first value (none on an empty table). PostgreSQL's type
// follows from the operands' declared types: int4 + int4 is int4, a
// numeric column times 2 numeric. As for aggregates (aggitems.go), the
// session asks SQLite: it compiles the statement with each such item
// replaced by one of its operands (ArithProbeSQL), once per operand
// position, and combines the operands' declared types (ArithType).

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// ArithItem is a result column that is arithmetic over operands of types
// the translation did not know.
type ArithItem struct {
	Column int      // index of the result column
	Leaves []string // the operands' texts, left to right
	aggs   []string // BranchItems: the aggregate applied to each leaf ("" none)
	nullif bool     // BranchItems: nullif(a, b), of the type of a's = operator's left side
	// BranchItems: a CASE whose last leaf is its ELSE, which PostgreSQL's
	// select_common_type takes first (elseFirst)
	caseElse bool
	expr     string // the item's text (without alias)
	start    int    // byte range of the expression in the statement
	end      int
}

// arithUnknownMark ends every arithmetic rewrite of unknown type.
const arithUnknownMark = "COLLATE " + NumericCollation + ")"

// MentionsUntypedArith is a cheap test before lexing: sqlText has an
// arithmetic rewrite of unknown static type (arith_columns.go).
func MentionsUntypedArith(sqlText string) bool {
	// (ceil(n) COLLATE pg_numeric): a numeric function of a column
	return strings.Contains(sqlText, arithUnknownMark) || strings.Contains(sqlText, arithRuntimeMark) || strings.Contains(sqlText, "pg_col_numtype(") ||
		strings.Contains(sqlText, nullifMark) || // numeric_runtimecmp.go
		strings.Contains(sqlText, "COLLATE "+IntervalCollation+")") ||
		strings.Contains(sqlText, "pg_dt_") && strings.Contains(sqlText, "''") || // datetime_calltypes.go
		strings.Contains(sqlText, "timezone(") || strings.Contains(sqlText, "pg_timezone_time(") // AT TIME ZONE of a column (timezoneCallArg)
}

// ArithItems returns the items of the result list of the SQLite statement
// sqlText (its RETURNING list, else its first select list) that are
// arithmetic of unknown type; nil when the list has a *.
func ArithItems(sqlText string) []ArithItem {
	x := newTx(sqlText)
	var out []ArithItem
	for col, it := range x.resultItems() {
		a, b := it[0], it[1]
		for k := a; k < b; k++ {
			if x.isP(k, "*") && (k == a || x.isP(k-1, ".")) && x.depth[k] == x.depth[a] {
				return nil
			}
		}
		a, b = x.itemExpr(a, b) // without its alias, AS or not (x*x pp)
		if b <= a || !x.untypedArithItem(a, b) {
			continue
		}
		var leaves []string
		x.arithShape(a, b, func(lo, hi int) string {
			if e := x.windowValueArg(lo, hi); e[1] > e[0] {
				lo, hi = e[0], e[1] // lag(f) OVER (...) is of f's declared type
			}
			leaves = append(leaves, x.src[x.T(lo).pos:x.T(hi-1).pos+len(x.T(hi-1).text)])
			return ""
		})
		if len(leaves) == 0 {
			continue
		}
		// (also one of a static type: the translation wrote it but
		// described nothing for it, -abs(3 - 1) as pg_neg(abs(pg_sub(3,
		// 1, 'int4'), 'int4'), ''), and ArithType gives it)
		last := x.T(b - 1)
		out = append(out, ArithItem{Column: col, Leaves: leaves,
			expr:  x.src[x.T(a).pos : last.pos+len(last.text)],
			start: x.T(a).pos, end: last.pos + len(last.text)})
	}
	return out
}

// untypedArithItem reports whether a..b-1 is an item ArithItems types:
// arithmetic or a numeric function call of unknown static type, (...
// COLLATE pg_numeric), or a call whose result type follows from such an
// argument's (abs(n - m, type), sum(n * i), round(sqrt(n))).
func (x *tx) untypedArithItem(a, b int) bool {
	for x.isP(a, "(") && x.match(a) == b-1 && x.isP(a+1, "(") && x.match(a+1) == b-2 {
		a, b = a+1, b-1 // written in parentheses: (v * 1) AS x
	}
	if x.isP(a, "(") && x.match(a) == b-1 && x.kw(b-3, "COLLATE") {
		return true
	}
	if args, _, ok := x.dtCallArgs(a, b); ok {
		// pg_dt_sub(d, '', ...): an operand's type left to the run time,
		// or read then ((SELECT pg_col_dttype ...): datetime_nested.go)
		for _, t := range [][2]int{args[1], args[3]} {
			if h, ok := unquoteString(x.T(t[0])); !ok || h == "" || t[1]-t[0] != 1 {
				return true
			}
		}
	}
	if lo, hi, ok := x.timezoneCallArg(a, b); ok && x.dtType(lo, hi, nil) == "" {
		return true // (tz + iv) AT TIME ZONE 'UTC', tz AT TIME ZONE 'UTC'
	}
	if x.T(a).typ != tIdent || !x.isP(a+1, "(") || x.match(a+1) != b-1 || !shapeFuncs[strings.ToLower(x.T(a).text)] {
		return false
	}
	for k := a + 2; k < b-1; k++ {
		if x.kw(k, "COLLATE") && x.T(k+1).text == NumericCollation {
			return true
		}
	}
	return false
}

// shapeFuncs are the calls arithShape types from their argument's type.
var shapeFuncs = map[string]bool{"abs": true, "sum": true, "pg_sum_typed": true, "pg_sum_distinct": true, "avg": true, "min": true, "max": true,
	"stddev": true, "stddev_samp": true, "stddev_pop": true, "variance": true, "var_samp": true, "var_pop": true, "bit_and": true, "bit_or": true, "bit_xor": true}

// ArithProbeSQL is sqlText with each item replaced by its k-th operand
// (NULL when it has fewer): compiling it gives that operand's declared
// type as the item's result column's.
func ArithProbeSQL(sqlText string, items []ArithItem, k int) string {
	out := sqlText
	for i := len(items) - 1; i >= 0; i-- {
		it := items[i]
		leaf := "NULL"
		if k < len(it.Leaves) {
			leaf = it.Leaves[k]
		}
		if !primaryText(leaf) {
			leaf = "(" + leaf + ")"
		}
		out = out[:it.start] + leaf + out[it.end:]
	}
	return out
}

// primaryText reports whether SQLite expression s is one operand that
// needs no parentheses where a probe puts it: a token, a call or a
// parenthesised group. Left bare, the probe's item has the shape the
// other probes recognise (coalesce(total, 0) + amt probes
// coalesce(total, 0), which BranchItems types; so is a CASE ... END).
func primaryText(s string) bool {
	x := newTx(s)
	n := x.n()
	switch {
	case n == 1:
		return true
	case n >= 2 && x.isP(0, "(") && x.match(0) == n-1:
		return true
	case n >= 3 && x.T(0).typ == tIdent && x.isP(1, "(") && x.match(1) == n-1:
		return true
	case n >= 3 && x.T(0).kw("CASE") && x.caseEnd(0) == n-1:
		return true
	}
	return false
}

// ArithType is the PostgreSQL type of item it given the types of its
// operands (0: unknown), 0 when it cannot tell. A parameter operand
// takes the type of the other operand, as PostgreSQL resolves $1 in
// a + $1.
func ArithType(it ArithItem, leafTypes []uint32) uint32 {
	x := newTx(it.expr)
	if o, ok := x.columnDTResult(leafTypes); ok {
		return o // d + 1 on a date column (datetime_columns.go)
	}
	if o, ok := x.bitwiseLeafResult(leafTypes); ok {
		return o // addr << net of inet columns (bitwise.go)
	}
	if n := x.n(); n > 3 && x.T(0).typ == tIdent && x.isP(1, "(") && x.match(1) == n-1 && shapeFuncs[x.T(0).identName()] && x.T(0).identName() != "abs" {
		// max(b - a) over timestamp columns: the aggregate of an interval
		// (pg_sum_typed(x, type) is sum(x): sum_float4.go)
		arg := x.splitTop(2, n-1)[0]
		in := newTx(x.src[x.T(arg[0]).pos : x.T(arg[1]-1).pos+len(x.T(arg[1]-1).text)])
		if o, ok := in.columnDTResult(leafTypes); ok {
			f := x.T(0).identName()
			if f == "pg_sum_typed" || f == "pg_sum_distinct" {
				f = "sum"
			}
			return AggregateType(f, o)
		}
	}
	if o, ok := x.minMaxOtherResult(leafTypes); ok {
		return o
	}
	k := 0
	t := x.arithShape(0, x.n(), func(lo, hi int) string {
		if k >= len(leafTypes) {
			return ""
		}
		o := leafTypes[k]
		k++
		if hi-lo == 1 && x.T(lo).typ == tParam {
			return "="
		}
		if v, ok := unquoteString(x.T(lo)); ok && hi-lo == 1 && numLiteralType(v) == "numeric" {
			if _, ok := parseDecimal(v); ok {
				return "numeric" // a numeric constant arith.go quoted
			}
		}
		if o == 0 {
			o = x.exprType(lo, hi)
		}
		for name, oid := range dtTypeOIDs {
			if o == oid && isDTType(name) && name != "bool" {
				return name // interval * 2, d + interval '1 day'
			}
		}
		if k := rangeKinds[o]; k != nil {
			return k.name // a range column: + * - of two (arithCall)
		}
		return oidArithType(o)
	})
	if o := dtTypeOIDs[t]; o != 0 && (isDTType(t) || t == "int") {
		return o // "int": date - date is integer
	}
	if k := rangeKindNamed(t); k != nil {
		return k.oid
	}
	return arithTypeOIDs[t]
}

// minMaxOtherResult is the type of greatest/least over columns as
// numeric_runtimecmp.go writes it, (CASE WHEN 'numeric' IN (...) ...
// ELSE max(coalesce(b, a), ...) END COLLATE pg_numeric), when its
// arguments, each one operand typed by leafTypes, are of one type that
// is no number (minMaxOtherTypes: uuid columns, uuid; array columns of
// one array type, that type), or of text and varchar (the first
// argument's type, as commonType): ok=false otherwise, arithShape's
// case.
func (x *tx) minMaxOtherResult(leafTypes []uint32) (uint32, bool) {
	n := x.n()
	if n < 5 || !x.isP(0, "(") || x.match(0) != n-1 || !x.kw(n-3, "COLLATE") || !x.kw(1, "CASE") {
		return 0, false
	}
	args, ok := x.minMaxShape(1, n-3)
	if !ok || len(args) < 2 || len(args) != len(leafTypes) {
		return 0, false
	}
	known := true
	for _, o := range leafTypes {
		known = known && o != 0
	}
	if o := datetimeCommon(leafTypes); o != 0 && known {
		return o, true // date beside timestamp: the widest (datetime_common.go)
	}
	// least's are rotated (numeric_runtimecmp.go: of equal ones SQLite's
	// min keeps the last, so least(a, b, c) is min(coalesce(c, a, b),
	// ...)): PostgreSQL's first argument is the second
	first := leafTypes[0]
	if e := x.findKw(1, n-3, x.depth[1], "ELSE"); e > 0 && x.T(e+1).text == "min" {
		first = leafTypes[1]
	}
	for _, o := range leafTypes {
		switch {
		case !minMaxOtherTypes[o] && pgoid.ElemOf(o) == 0:
			return 0, false // a number, date/time, range...: arithShape's
		case pgoid.ElemOf(o) != 0 && o != first:
			return 0, false // arrays of one type only (least(ta, ta) is text[])
		case o != first && !(stringKeepsFirst[o] && stringKeepsFirst[first]):
			return 0, false
		}
	}
	return first, true
}

// minMaxOtherTypes are the types minMaxOtherResult gives.
var minMaxOtherTypes = map[uint32]bool{pgoid.UUID: true, pgoid.Text: true, pgoid.Varchar: true}

// oidArithType is the static type name (arith.go) of a type OID.
func oidArithType(o uint32) string {
	switch o {
	case pgoid.Int2:
		return "int2"
	case pgoid.Int4:
		return "int4"
	case pgoid.Int8:
		return "int8"
	case pgoid.Numeric:
		return "numeric"
	case pgoid.Float4:
		return "float4"
	case pgoid.Float8:
		return "float8"
	case pgoid.Money:
		return "money"
	case pgoid.OID:
		return "oid"
	}
	return ""
}

// arithShape is the static type of SQLite expression a..b-1 as arith.go
// wrote it, calling leaf for each operand that is not itself rewritten
// arithmetic ("" unknown, "=" a parameter: the other operand's type).
func (x *tx) arithShape(a, b int, leaf func(a, b int) string) string {
	if lo, hi, ok := x.columnDTElse(a, b); ok {
		return x.arithShape(lo, hi, leaf) // + or - on a column: its arithmetic branch
	}
	if in := x.floatRefusedArg([2]int{a, b}); in != [2]int{a, b} && strings.EqualFold(x.T(a).text, "pg_call_arg_refused") {
		return x.arithShape(in[0], in[1], leaf) // a checked argument: its value (callargkinds.go)
	}
	if b-a >= 2 && x.isP(a, "(") && x.match(a) == b-1 {
		// (pg_op(...) COLLATE pg_numeric) or a parenthesised operand
		if b-a >= 5 && x.kw(b-3, "COLLATE") && x.isP(a+2, "(") && x.match(a+2) == b-4 {
			if t := x.arithCall(a+1, b-3, leaf); t != "-" {
				return t
			}
		}
		if b-a >= 5 && x.kw(a+1, "CASE") && x.kw(b-3, "COLLATE") {
			if t, ok := x.runtimeCallShape(a+1, b-3, leaf); ok {
				return t
			}
			if lo, hi, ok := x.nullifShape(a+1, b-3); ok {
				return x.arithShape(lo, hi, leaf) // nullif(a, c): a's type
			}
			if args, ok := x.minMaxShape(a+1, b-3); ok {
				// greatest/least: the arguments' common type
				res, seen := "", false
				for _, arg := range args {
					t := x.arithShape(arg[0], arg[1], leaf)
					if t == "int" {
						t = "int4" // date - date (dtBinaryResult's integer)
					}
					switch {
					case t == "=":
						// a parameter: of the others' type (paramoperands.go)
					case !seen:
						res, seen = t, true
					case t != res:
						res = commonNumType(res, t)
					} // of one type: that type (greatest(iv, iv2) is an interval)
				}
				if !seen {
					return "=" // parameters only
				}
				return res
			}
		}
		return x.arithShape(a+1, b-1, leaf)
	}
	if x.kw(a, "CAST") && x.isP(a+1, "(") && x.kw(b-2, "COLLATE") && x.match(a+1) == b-3 && x.isP(a+3, "(") {
		// CAST(pg_op(...) AS TEXT) COLLATE pg_numeric: numeric
		x.arithCall(a+2, x.match(a+3)+1, leaf)
		return "numeric"
	}
	if lo, hi, ok := x.timezoneCallArg(a, b); ok { // datetime_calltypes.go
		if fn, vlo, vhi, ok := x.dtKeepTypeCall(lo, hi); ok && dtKeepArgFuncs[fn] {
			lo, hi = vlo, vhi // max(tz) AT TIME ZONE 'UTC': of its argument's type
		}
		if t := atTimeZoneResult(x.arithShape(lo, hi, leaf)); t != "?" {
			return t
		}
		return ""
	}
	if x.isP(a+1, "(") && x.match(a+1) == b-1 {
		if t := x.arithCall(a, b, leaf); t != "-" {
			return t
		}
	}
	if b-a >= 2 && x.T(a).typ == tOp && (x.T(a).text == "-" || x.T(a).text == "+") &&
		!(b-a == 2 && x.T(a+1).typ == tNumber) { // -2147483648 is one constant, an int4
		return x.arithShape(a+1, b, leaf) // -a: a's type
	}
	if fn, lo, hi, ok := x.dtKeepTypeCall(a, b); ok && x.match(a+1) != b-1 {
		// lag(ts) OVER (...), max(ts) FILTER (...) (datetime_aggs.go): of
		// its argument's type (a probe declares no type for the call)
		t := x.arithShape(lo, hi, leaf)
		if dtKeepArgFuncs[fn] || t == "" || t == "=" {
			return t
		}
		return aggShape(fn, t)
	}
	return leaf(a, b)
}

// runtimeCallShape is arithShape of numericRuntimeCall's rewrite at
// c..end-1 (numeric_funcargs.go), CASE WHEN type = 'numeric' THEN
// CAST(pg_numf([10, ]x) AS TEXT) ELSE f(x) END: numeric of a numeric x,
// float8 (the double precision version) of another number; with "<>
// 'float8'" (log(b, x)) numeric of any integers and numerics.
func (x *tx) runtimeCallShape(c, end int, leaf func(a, b int) string) (string, bool) {
	if x.caseEnd(c) != end-1 {
		return "", false
	}
	k := x.findKw(c+1, end, x.depth[c], "THEN")
	if k < 0 || !x.kw(k+1, "CAST") || !x.isP(k+2, "(") || x.T(k+3).typ != tIdent || !x.isP(k+4, "(") {
		return "", false
	}
	args := x.splitTop(k+5, x.match(k+4))
	if len(args) == 0 {
		return "", false
	}
	if x.isP(k-2, "<>") {
		// log(b, x): numeric unless an argument is a float8
		res := "numeric"
		for _, a := range args {
			switch t := x.arithShape(a[0], a[1], leaf); t {
			case "", "=":
				res = ""
			case "float8", "float4":
				if res != "" {
					res = "float8"
				}
			}
		}
		return res, true
	}
	last := args[len(args)-1]
	switch t := x.arithShape(last[0], last[1], leaf); t {
	case "numeric":
		return t, true
	case "", "=":
		return "", true
	}
	return "float8", true
}

// aggShape is the result type of aggregate fn over an argument of type t
// (AggregateType; "" when unknown).
func aggShape(fn, t string) string {
	if isDTName(t) {
		// max(ts) is a timestamp, sum(iv) an interval (a date/time
		// aggregate keeps its argument's type or has none)
		if AggregateType(fn, dtTypeOIDs[t]) == dtTypeOIDs[t] {
			return t
		}
		return ""
	}
	return oidArithType(AggregateType(fn, arithTypeOIDs[t]))
}

// arithCall is arithShape of the call pg_op(l, r[, 'type']) at a..b-1,
// "-" when it is no arithmetic function.
func (x *tx) arithCall(a, b int, leaf func(a, b int) string) string {
	f := strings.ToLower(x.T(a).text)
	switch f {
	case "count":
		return "int8"
	case "round", "trunc", "ceil", "ceiling", "floor", "pg_round_typed":
		// numeric_exactcalls.go: numeric of a numeric, else float8
		args := x.splitTop(a+2, b-1)
		if len(args) == 0 || len(args) > 2 {
			return "-"
		}
		if len(args) == 2 && f != "pg_round_typed" {
			return "numeric" // round(x, n)
		}
		switch t := x.arithShape(args[0][0], args[0][1], leaf); t {
		case "numeric", "", "=":
			return t
		}
		return "float8"
	case "abs", "sum", "pg_sum_typed", "pg_sum_distinct", "avg", "min", "max", "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop", "bit_and", "bit_or", "bit_xor":
		// abs(x[, type]) keeps x's type; the aggregates map it
		// (pg_sum_typed(x, type) is sum: sum_float4.go)
		args := x.splitTop(a+2, b-1)
		two := f == "abs" || f == "pg_sum_typed" || f == "pg_sum_distinct"
		if len(args) == 0 || !two && len(args) != 1 || two && len(args) > 2 {
			return "-"
		}
		lo, hi := args[0][0], args[0][1]
		if x.kw(lo, "DISTINCT") || x.kw(lo, "ALL") {
			lo++
		}
		if lo >= hi {
			return "-"
		}
		t := x.arithShape(lo, hi, leaf)
		if f == "abs" || t == "" || t == "=" {
			return t
		}
		if f == "pg_sum_typed" || f == "pg_sum_distinct" {
			f = "sum"
		}
		return aggShape(f, t)
	}
	op := ""
	for o, name := range arithFuncs {
		if name == f {
			op = o
		}
	}
	switch f {
	case "pg_pow", "pg_pow_typed":
		op = "^"
	case "pg_neg":
		args := x.splitTop(a+2, b-1)
		if len(args) != 2 {
			return "-"
		}
		t := x.arithShape(args[0][0], args[0][1], leaf)
		if h, ok := unquoteString(x.T(args[1][0])); ok && h != "" {
			return h
		}
		return t
	}
	if t := x.dtCallShape(a, b, leaf); t != "-" {
		return t
	}
	args := x.splitTop(a+2, b-1)
	if op == "" {
		op = bitOpOf(f) // bitwise.go
	}
	if op == "~" {
		if len(args) != 2 {
			return "-"
		}
		l := x.arithShape(args[0][0], args[0][1], leaf)
		if h, ok := unquoteString(x.T(args[1][0])); ok && h != "" {
			return h
		}
		return bitResult(op, l, "")
	}
	if op == "" || len(args) < 2 {
		return "-"
	}
	l := x.arithShape(args[0][0], args[0][1], leaf)
	r := x.arithShape(args[1][0], args[1][1], leaf)
	if len(args) == 3 {
		if h, ok := unquoteString(x.T(args[2][0])); ok && h != "" {
			return h
		}
		// an operand the probes cannot type (length(t), a call SQLite
		// declares nothing for) whose type the translation wrote into the
		// run-time type argument: pg_add(n, length(t), (SELECT
		// pg_arith_type('+', (SELECT pg_col_numtype(...)), 'int4')))
		sl, sr := x.runtimeArithOperands(args[2][0], args[2][1])
		if l == "" {
			l = sl
		}
		if r == "" {
			r = sr
		}
	}
	if f == "pg_pow" {
		return "float8"
	}
	switch {
	case l == "=":
		l = r
	case r == "=":
		r = l
	}
	if rangeKindNamed(l) != nil || rangeKindNamed(r) != nil {
		// union, intersection, difference of two ranges of one type
		// (rangeArithValues); no other operator takes a range
		if l == r && (op == "+" || op == "-" || op == "*") {
			return l
		}
		return ""
	}
	if op == "*" && (l == "interval" || r == "interval" || l == "time" || r == "time") || op == "/" && (l == "interval" || l == "time") {
		return "interval" // an interval column times a number (interval_sum.go); time is cast to interval
	}
	if dtTypeOIDs[l] != 0 && l != "int" || dtTypeOIDs[r] != 0 && r != "int" {
		// date/time values are no arithmetic's: + or - over them is
		// the ELSE branch of columnDTOperator's CASE form, whose THEN
		// branch is the date/time operator ((ts - iv) - iv: timestamp)
		if op == "+" || op == "-" {
			if res := dtBinaryResult(op, dtShapeName(l), dtShapeName(r)); res != "?" {
				return res
			}
		}
		return ""
	}
	return arithResult(op, l, r)
}

// runtimeArithOperands are the operand types the translation wrote as
// constants into the run-time type argument at a..b-1, (SELECT
// pg_arith_type('op', l, r)) (arith_columns.go): "" for one read at run
// time (a column's pg_col_numtype) and when a..b-1 is no such argument.
func (x *tx) runtimeArithOperands(a, b int) (l, r string) {
	if b-a < 6 || !x.isP(a, "(") || x.match(a) != b-1 || !x.kw(a+1, "SELECT") ||
		!strings.EqualFold(x.T(a+2).text, "pg_arith_type") || !x.isP(a+3, "(") || x.match(a+3) != b-2 {
		return "", ""
	}
	args := x.splitTop(a+4, b-2)
	if len(args) != 3 {
		return "", ""
	}
	static := func(arg [2]int) string {
		if arg[1]-arg[0] != 1 {
			return ""
		}
		if t, ok := unquoteString(x.T(arg[0])); ok && arithTypeOIDs[t] != 0 {
			return t
		}
		return ""
	}
	return static(args[1]), static(args[2])
}

// dtCallShape is arithShape of a rewritten date/time operator
// pg_dt_add/sub/mul/div(l, 'type l', r, 'type r') at a..b-1 with an
// operand of unknown type (an empty type argument: a column, d +
// interval '1 month'): the
// result type once leaf gives that operand's (date/time names, as
// dtBinaryResult reads them), "" while unknown; "-" when a..b-1 is no
// such call.
func (x *tx) dtCallShape(a, b int, leaf func(a, b int) string) string {
	op := map[string]string{"pg_dt_add": "+", "pg_dt_sub": "-", "pg_dt_mul": "*", "pg_dt_div": "/"}[strings.ToLower(x.T(a).text)]
	args := x.splitTop(a+2, b-1)
	if op == "" || len(args) != 4 {
		return "-"
	}
	types := [2]string{}
	for k, i := range []int{0, 2} {
		t, ok := unquoteString(x.T(args[i+1][0]))
		if !ok || args[i+1][1]-args[i+1][0] != 1 {
			t = "" // a type read at run time (datetime_nested.go): the operand's shape tells it
		}
		if t == "" {
			t = x.arithShape(args[i][0], args[i][1], leaf)
		}
		types[k] = dtShapeName(t)
	}
	if r := dtBinaryResult(op, types[0], types[1]); r != "?" {
		return r
	}
	return ""
}

// dtShapeName is arithShape's type t as dtBinaryResult names it: int or
// float for a number.
func dtShapeName(t string) string {
	switch t {
	case "int2", "int4", "int8":
		return "int"
	case "numeric", "float8", "float4":
		return "float"
	}
	return t
}

// resultItems are the items of the statement's result list: its RETURNING
// list, else its first select list.
func (x *tx) resultItems() [][2]int {
	if r := x.findKw(0, x.n(), 0, "RETURNING"); r >= 0 {
		return x.splitTop(r+1, x.n())
	}
	if lists := x.selectLists(); len(lists) > 0 {
		return lists[0]
	}
	return nil
}
