package pgdialect

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// Static result types of aggregates. SQLite declares no type for an
// expression column, and the type of sum(x) in PostgreSQL depends on the
// type of x, not on the values: sum(int4) is int8, sum(int8) numeric,
// avg(int) numeric, min/max the argument's type. The session asks SQLite
// for the declared type of each argument by compiling the statement with
// every aggregate call replaced by its argument (ProbeSQL): SQLite then
// resolves the names (joins, aliases, subqueries, views) itself.

// AggItem is a select item that is one aggregate call.
type AggItem struct {
	Column int    // index of the result column
	Func   string // sum, avg, min, max (lower case)
	Arg    string // the argument's text
	start  int    // byte range of the call (with FILTER/OVER) in the statement
	end    int
}

// aggTyped: the aggregates whose result type follows from their argument.
var aggTyped = map[string]bool{"sum": true, "avg": true, "min": true, "max": true, "pg_array_agg": true,
	"pg_numeric_min": true, "pg_numeric_max": true, "pg_numeric_wmin": true, "pg_numeric_wmax": true, // numeric_minmax.go: min/max of a numeric column once compiled
	"bit_and": true, "bit_or": true, "bit_xor": true, // boolaggs.go
	"stddev": true, "stddev_samp": true, "stddev_pop": true, "variance": true, "var_samp": true, "var_pop": true, // statsagg.go
}

// firstArgTyped: functions whose result has their first argument's type
// (the array functions of array.go); typed like the aggregates, from the
// first argument's declared type.
var firstArgTyped = map[string]bool{"pg_sum_typed": true, "pg_sum_distinct": true, // sum_float4.go, sum_distinct.go
	"array_append": true, "array_cat": true, "array_remove": true, "pg_array_slice": true, "array_replace": true,
	"pg_percentile_cont": true, "pg_percentile_disc": true, "pg_mode": true, // orderedset.go
	"pg_percentile_cont_multi": true, "pg_percentile_disc_multi": true,
}

// AggregateItems returns the items of the first select list of the SQLite
// statement sqlText that are a single aggregate call with one argument
// (f(x), f(DISTINCT x), with FILTER/OVER, with an alias). It returns nil
// when the list has a * (column indexes would not follow the items).
func AggregateItems(sqlText string) []AggItem {
	x := newTx(sqlText)
	lists := x.selectLists()
	if len(lists) == 0 {
		return nil
	}
	var out []AggItem
	for col, it := range lists[0] {
		a, b := it[0], it[1]
		for k := a; k < b; k++ {
			if x.isP(k, "*") && (k == a || x.isP(k-1, ".")) && x.depth[k] == x.depth[a] {
				return nil
			}
		}
		// (f(x) COLLATE c): a subquery's or CTE's sum or avg, which
		// derivedcols.go gives the numeric collation
		wrapA, wrapB := -1, -1
		if m := x.match(a); x.isP(a, "(") && m > a+4 && m < b && (m+1 == b || x.kw(m+1, "AS") || m+2 == b && (x.T(m+1).typ == tIdent || x.T(m+1).typ == tQIdent)) {
			if ca, cb, ok := x.minMaxElseCall(a); ok {
				// min(coalesce(n2, n)) as minmax_conditional.go writes it:
				// typed by its second call's argument
				wrapA, wrapB = a, m+1
				a, b = ca, cb
			} else if x.kw(m-2, "COLLATE") {
				wrapA, wrapB = a, m+1
				a, b = a+1, m-2
			}
		}
		fname := strings.ToLower(x.T(a).text)
		if b-a < 4 || x.T(a).typ != tIdent || !aggTyped[fname] && !firstArgTyped[fname] && fname != "array_prepend" || !x.isP(a+1, "(") {
			continue
		}
		m := x.match(a + 1)
		if m <= a+2 || m >= b {
			continue
		}
		argLo := a + 2
		if fname == "array_prepend" { // typed by its second argument, the array
			args := x.splitTop(a+2, m)
			if len(args) != 2 {
				continue
			}
			argLo = args[1][0]
		}
		if x.kw(argLo, "DISTINCT") || x.kw(argLo, "ALL") {
			argLo++
		}
		single := argLo < m
		argEnd := m
		for k := argLo; k < m; k++ {
			if x.kw(k, "ORDER") && x.depth[k] == x.depth[a+2] {
				break // array_agg(x ORDER BY y, z): the keys' commas are no arguments
			}
			if x.isP(k, ",") && x.depth[k] == x.depth[a+2] {
				if firstArgTyped[fname] && k > argLo {
					argEnd = k // typed by the first argument
					break
				}
				single = false
			}
		}
		if !single {
			continue
		}
		end := m + 1
		for end < b {
			if x.kw(end, "FILTER") && x.isP(end+1, "(") {
				end = x.match(end+1) + 1
			} else if x.kw(end, "OVER") && x.isP(end+1, "(") {
				end = x.match(end+1) + 1
			} else if x.kw(end, "OVER") {
				end += 2
			} else {
				break
			}
		}
		// What follows must be an alias ([AS] name), nothing else.
		if end < b && !(x.kw(end, "AS") || end+1 == b && (x.T(end).typ == tIdent || x.T(end).typ == tQIdent)) {
			continue
		}
		last := x.T(end - 1)
		start := x.T(a).pos
		if wrapA >= 0 {
			if end != b {
				continue
			}
			start, last = x.T(wrapA).pos, x.T(wrapB-1) // the probe replaces the parentheses too
		}
		argHi := argEnd
		if o := x.findKw(argLo, argEnd, x.depth[argLo], "ORDER"); o > argLo {
			argHi = o // array_agg(x ORDER BY y): the argument is x
		}
		out = append(out, AggItem{Column: col, Func: strings.ToLower(x.T(a).text),
			Arg:   x.src[x.T(argLo).pos : x.T(argHi-1).pos+len(x.T(argHi-1).text)],
			start: start, end: last.pos + len(last.text)})
	}
	return out
}

// AggregateType is PostgreSQL's result type of fn over an argument of type
// arg (0: unknown).
func AggregateType(fn string, arg uint32) uint32 {
	switch fn {
	case "min", "max", "pg_numeric_min", "pg_numeric_max", "pg_numeric_wmin", "pg_numeric_wmax":
		if arg == pgoid.Varchar || arg == pgoid.Name {
			return pgoid.Text // max(text): varchar and name have no min/max of their own
		}
		if arg == pgoid.Cidr {
			return pgoid.Inet // max(inet) takes cidr
		}
		if arg == pgoid.Unknown {
			return pgoid.Text // max(NULL): unknown resolves to text
		}
		return arg
	case "bit_and", "bit_or", "bit_xor":
		switch arg {
		case pgoid.Int2, pgoid.Int4, pgoid.Int8:
			return arg
		case pgoid.Bit, pgoid.Varbit:
			return pgoid.Bit // bit_and(bit): a varbit is read as bit
		}
	case "pg_array_agg": // array_agg
		return pgoid.ArrayOf(arg)
	case "array_append", "array_cat", "array_remove", "pg_array_slice", "array_replace", "array_prepend": // pgdialect.firstArgTyped
		if pgoid.ElemOf(arg) != 0 {
			return arg
		}
	case "pg_percentile_disc", "pg_mode": // pgdialect/orderedset.go
		return arg
	case "pg_percentile_cont":
		if arg == pgoid.Interval {
			return arg
		}
		return pgoid.Float8
	case "pg_percentile_disc_multi":
		return pgoid.ArrayOf(arg)
	case "pg_percentile_cont_multi":
		if arg == pgoid.Interval {
			return pgoid.ArrayOf(arg)
		}
		return pgoid.Float8Array
	case "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop": // pgdialect/statsagg.go
		switch arg {
		case pgoid.Int2, pgoid.Int4, pgoid.Int8, pgoid.Numeric:
			return pgoid.Numeric
		case pgoid.Float4, pgoid.Float8:
			return pgoid.Float8
		case pgoid.Unknown, pgoid.Text:
			// stddev('1'), stddev(NULL): every candidate is a number, so
			// unknown resolves to the preferred one, double precision (a
			// text column is refused: aggregate_argtypes.go)
			return pgoid.Float8
		}
	case "sum", "pg_sum_typed", "pg_sum_distinct":
		switch arg {
		case pgoid.Int2, pgoid.Int4:
			return pgoid.Int8
		case pgoid.Int8, pgoid.Numeric:
			return pgoid.Numeric
		case pgoid.Float4, pgoid.Float8, pgoid.Interval, pgoid.Money:
			return arg
		case pgoid.Time:
			return pgoid.Interval // time converts to interval implicitly
		}
	case "avg":
		switch arg {
		case pgoid.Int2, pgoid.Int4, pgoid.Int8, pgoid.Numeric:
			return pgoid.Numeric
		case pgoid.Float4, pgoid.Float8:
			return pgoid.Float8
		case pgoid.Interval:
			return arg
		case pgoid.Time:
			return pgoid.Interval
		}
	}
	return 0
}

// ProbeSQL is sqlText with each aggregate call of items replaced by its
// argument: compiling it (never running it) gives each argument's declared
// type as its result column's.
func ProbeSQL(sqlText string, items []AggItem) string {
	out := sqlText
	for i := len(items) - 1; i >= 0; i-- {
		it := items[i]
		arg := it.Arg
		if !primaryText(arg) { // arith_types.go: sum(sum(v)) probes sum(v) bare
			arg = "(" + arg + ")"
		}
		out = out[:it.start] + arg + out[it.end:]
	}
	return out
}

// ExprType is the PostgreSQL type of a SQLite expression that needs no
// table: literals, NULL, true/false, and CASE whose results are such
// (CASE WHEN ok THEN 1 ELSE 0 END is int4); 0 when it cannot tell.
func ExprType(expr string) uint32 {
	x := newTx(expr)
	return x.exprType(0, x.n())
}

func (x *tx) exprType(a, b int) uint32 {
	for b-a >= 2 && x.isP(a, "(") && x.match(a) == b-1 {
		a, b = a+1, b-1
	}
	sign := ""
	if b-a == 2 && x.T(a).typ == tOp && (x.T(a).text == "-" || x.T(a).text == "+") && x.T(a+1).typ == tNumber {
		sign = x.T(a).text
		a++
	}
	if b-a == 8 && x.kw(a, "CAST") && x.isP(a+1, "(") && x.T(a+2).typ == tString && x.kw(a+3, "AS", "TEXT") && x.isP(a+5, ")") &&
		x.kw(a+6, "COLLATE") && strings.EqualFold(x.T(a+7).text, NumericCollation) {
		return pgoid.Numeric // a numeric constant as the translation writes it (CAST('1.5' AS TEXT) COLLATE pg_numeric)
	}
	if b-a >= 3 && x.kw(b-2, "COLLATE") {
		// a collation keeps the type: (pg_cast_jsonb('{}') COLLATE pg_jsonb)
		return x.exprType(a, b-2)
	}
	if x.textConcat(a, b) { // concat_texttype.go
		return pgoid.Text
	}
	switch {
	case b-a == 1:
		t := x.T(a)
		switch {
		case t.typ == tNumber:
			if strings.ContainsAny(t.text, ".eE") {
				return pgoid.Numeric
			}
			// int4, int8 or numeric by magnitude, as PostgreSQL types an
			// integer constant (-2147483648 is int4, 2147483648 int8)
			return arithTypeOIDs[numLiteralType(strings.TrimPrefix(sign, "+")+t.text)]
		case t.typ == tString && t.text[0] == '\'':
			return pgoid.Text
		case t.kw("TRUE"), t.kw("FALSE"):
			return pgoid.Bool
		case t.kw("NULL"):
			return pgoid.Unknown
		}
		return 0
	case x.kw(a, "CASE") && x.kw(b-1, "END"):
		// The results: the expression after each THEN and after ELSE, at
		// this CASE's depth.
		var types []uint32
		start := -1
		for k := a + 1; k < b; k++ {
			if x.depth[k] != x.depth[a] {
				continue
			}
			if x.kw(k, "CASE") {
				k = x.caseEnd(k)
				continue
			}
			if start >= 0 && (x.kw(k, "WHEN") || x.kw(k, "ELSE") || k == b-1) {
				types = append(types, x.exprType(start, k))
				start = -1
			}
			if x.kw(k, "THEN") || x.kw(k, "ELSE") {
				start = k + 1
			}
		}
		var out uint32
		for _, t := range types {
			switch {
			case t == 0:
				return 0
			case t == pgoid.Unknown: // NULL
			case out == 0 || out == t:
				out = t
			default:
				return 0
			}
		}
		return out
	case x.T(a).typ == tIdent && x.isP(a+1, "(") && x.match(a+1) == b-1:
		if strings.EqualFold(x.T(a).text, "pg_array") {
			return x.arrayCallType(a+2, b-1)
		}
		if t := x.T(a).identName(); (t == "coalesce" || (t == "max" || t == "min") && len(x.splitTop(a+2, b-1)) > 1) && !x.isP(a-1, ".") {
			// greatest and least as the translation writes them
			// (max(coalesce(1, 7), coalesce(7, 1)): strsyntax.go), and
			// coalesce: their arguments' common type
			return x.commonExprType(a+2, b-1)
		}
		if f := x.T(a).identName(); (f == "pg_jsonb_get" || f == "pg_jsonb_path") && !x.isP(a-1, ".") {
			// j ->> k, j #>> path (jsonb_translate.go: mode 1, 3 or 5,
			// as text whatever j is)
			if args := x.splitTop(a+2, b-1); len(args) >= 3 && args[2][1]-args[2][0] == 1 {
				switch x.T(args[2][0]).text {
				case "1", "3", "5":
					return pgoid.Text
				}
			}
			return 0
		}
		if strings.EqualFold(x.T(a).text, "pg_bits_int") && !x.isP(a-1, ".") {
			// x::int4 / x::int8 of a bit string or a column (bits_funcs.go:
			// pg_bits_int(x, 'int8'[, type])): the type it names
			if args := x.splitTop(a+2, b-1); len(args) >= 2 && args[1][1]-args[1][0] == 1 {
				if n, ok := unquoteString(x.T(args[1][0])); ok && (n == "int4" || n == "int8") {
					return typeAlias[n].oid
				}
			}
			return 0
		}
		if strings.EqualFold(x.T(a).text, "count") && !x.isP(a-1, ".") {
			// whatever its argument, count is bigint: SELECT count(*)
			// UNION SELECT sum(b) is bigint beside numeric, numeric
			return pgoid.Int8
		}
		if typ, ok := strings.CutPrefix(strings.ToLower(x.T(a).text), "pg_in_"); ok {
			// an array's input, '{3}'::int4[] (array_translate.go)
			if o, _ := DeclTypeOID(typ); pgoid.ElemOf(o) != 0 && TypeName(o) == typ {
				return o
			}
		}
		if o := fixedCallOID(x.T(a).identName()); o != 0 && !x.isP(a-1, ".") {
			return o // exprtype_calls.go
		}
		return castFuncOID(x.T(a).text) // pg_cast_int2(2): int2
	}
	return 0
}

// commonExprType is the common type of the arguments at a..b-1 (a NULL
// takes the others'), 0 when one is not known.
func (x *tx) commonExprType(a, b int) uint32 {
	var types []uint32
	for _, p := range x.splitTop(a, b) {
		switch o := x.exprType(p[0], p[1]); o {
		case 0:
			return 0
		case pgoid.Unknown:
		default:
			types = append(types, o)
		}
	}
	if len(types) == 0 {
		return 0
	}
	return CommonType(types)
}

// arrayCallType is the type of ARRAY[...] as the translation writes it,
// pg_array(e1, e2, ...) with the elements at a..b-1: the array of the
// elements' common type (a NULL takes the others'), 0 when one is not
// known.
func (x *tx) arrayCallType(a, b int) uint32 {
	if t := x.commonExprType(a, b); t != 0 {
		return pgoid.ArrayOf(t)
	}
	return 0
}

// castFuncOID is the type a checked cast function (pgcast.go's
// checkedCasts) converts to, 0 for any other name.
func castFuncOID(name string) uint32 {
	name = strings.ToLower(name)
	if !strings.HasPrefix(name, "pg_cast_") {
		return 0
	}
	for o, f := range checkedCasts {
		if f == name {
			return o
		}
	}
	return 0
}

// caseEnd returns the index of the END closing the CASE at k.
func (x *tx) caseEnd(k int) int {
	n := 0
	for j := k; j < x.n(); j++ {
		if x.depth[j] != x.depth[k] {
			continue
		}
		if x.kw(j, "CASE") {
			n++
		} else if x.kw(j, "END") {
			n--
			if n == 0 {
				return j
			}
		}
	}
	return x.n()
}

// aggregateCallOID is the type of the aggregate call that starts at j and
// ends at b-1 (f(x), f(DISTINCT x ORDER BY y), f() WITHIN GROUP (ORDER BY
// x), with FILTER/OVER) when its argument's type shows in the statement
// (a literal, a cast, a VALUES or generate_series column: derivedcols.go),
// 0 otherwise: then the session's probe types it from the argument's
// declared type (AggregateItems). j is the function's name, unqualified.
func (x *tx) aggregateCallOID(j, b int) uint32 {
	if x.T(j).typ != tIdent || !x.isP(j+1, "(") {
		return 0
	}
	m := x.match(j + 1)
	if m <= j+1 || m >= b {
		return 0
	}
	fn := x.T(j).identName()
	argLo, argHi := j+2, m
	end := m + 1
	if x.kw(end, "WITHIN", "GROUP") && x.isP(end+2, "(") && x.kw(end+3, "ORDER", "BY") {
		if fn != "mode" || argLo != m {
			return 0 // percentile_*: typed by their fraction argument too
		}
		fn = "pg_mode"
		argLo, argHi = end+5, x.match(end+2)
		end = argHi + 1
	} else {
		switch fn {
		case "array_agg":
			fn = "pg_array_agg"
		case "min", "max", "pg_numeric_min", "pg_numeric_max", "pg_numeric_wmin", "pg_numeric_wmax", "sum", "avg", "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop", "bit_and", "bit_or", "bit_xor":
		default:
			return 0
		}
		if x.kw(argLo, "DISTINCT") || x.kw(argLo, "ALL") {
			argLo++
		}
	}
	for end < b {
		switch {
		case x.kw(end, "FILTER") && x.isP(end+1, "("):
			end = x.match(end+1) + 1
		case x.kw(end, "OVER") && x.isP(end+1, "("):
			end = x.match(end+1) + 1
		case x.kw(end, "OVER"):
			end += 2
		default:
			return 0
		}
	}
	if end != b {
		return 0
	}
	d := x.depth[argLo]
	for k := argLo; k < argHi; k++ {
		if x.depth[k] == d && (x.isP(k, ",") || x.T(k).kw("ORDER") || x.T(k).kw("ASC") || x.T(k).kw("DESC") ||
			x.T(k).kw("NULLS") || x.T(k).kw("USING")) {
			argHi = k
			break
		}
	}
	if argLo >= argHi {
		return 0
	}
	arg := x.exprOID(argLo, argHi)
	if arg == 0 || arg == pgoid.Unknown || fn == "pg_array_agg" && pgoid.ElemOf(arg) != 0 {
		return 0 // array_agg of arrays is the same array type, one dimension more
	}
	return AggregateType(fn, arg)
}
