package pgdialect

// Result types of function calls over columns, from PostgreSQL's
// signatures. A call whose result type follows from its arguments' types
// is typed by the translation when the statement shows them (literals,
// casts); over a table's column SQLite declares no type for the call, and
// the result column would be described by its first value (text for a
// date_trunc, int8 for any integer, none on an empty result). As for
// arithmetic (arith_types.go), the session compiles the statement with
// each such call replaced by one of its arguments (ArithProbeSQL) and
// applies the signature to the arguments' declared types (CallType).
//
// Only the functions of callSigs are typed here, each by the overloads
// PostgreSQL 15 has: an allow-list, so a call whose type is not known
// stays undescribed rather than guessed.

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// callSig types a call from its arguments' types (0: unknown), 0 when no
// overload applies.
type callSig struct {
	args []int // the argument positions probed, in order
	typ  func(args []uint32) uint32
	only func(x *tx, args [][2]int) bool // nil, or the calls typed (by their arguments' text)
	// untyped: an argument of unknown type (an untyped string literal) is
	// passed to typ as 0 rather than leaving the call undescribed
	untyped bool
	// allArgs: every argument is probed (args is nil), a variadic call
	allArgs bool
	// leafTyp, when set, types the call from its leaves' texts and
	// probed types instead of typ (ARRAY[...]: array_ctor_types.go)
	leafTyp func(leaves []string, leafTypes []uint32) uint32
}

// callSigs: the calls typed here, by their name in the SQLite text.
var callSigs = map[string]callSig{
	// date_trunc(field, source): timestamp, timestamptz or interval; a
	// date is read as timestamptz (the preferred type of its category)
	"date_trunc": {args: []int{1}, typ: func(a []uint32) uint32 {
		switch a[0] {
		case pgoid.Timestamp, pgoid.Timestamptz, pgoid.Interval:
			return a[0]
		case pgoid.Date:
			return pgoid.Timestamptz
		}
		return 0
	}},
	// date_bin(stride, source, origin): timestamp over two timestamps (a
	// date beside a timestamp is one), else timestamptz (datebin.go)
	"date_bin": {args: []int{1, 2}, typ: func(a []uint32) uint32 {
		for k := range a { // an untyped literal beside a column (datebin.go)
			if a[k] == 0 {
				a[k] = a[1-k]
				if a[k] == pgoid.Date {
					a[k] = pgoid.Timestamptz
				}
			}
		}
		ts := func(o uint32) bool { return o == pgoid.Timestamp || o == pgoid.Date }
		switch {
		case a[0] == pgoid.Timestamptz && (ts(a[1]) || a[1] == pgoid.Timestamptz),
			a[1] == pgoid.Timestamptz && ts(a[0]),
			a[0] == pgoid.Date && a[1] == pgoid.Date:
			return pgoid.Timestamptz
		case ts(a[0]) && ts(a[1]):
			return pgoid.Timestamp
		}
		return 0
	}, untyped: true},
	// gcd/lcm(a, b): int4, int8 or numeric, the arguments' common type
	// (int2 is read as int4: there is no int2 overload)
	"pg_gcd": {args: []int{0, 1}, typ: intCommonType},
	"pg_lcm": {args: []int{0, 1}, typ: intCommonType},
	// j -> k, j #> path (jsonb_translate.go: pg_jsonb_get(j, k, 0)): the
	// type of j, json or jsonb (->> and #>> are text, typed lexically)
	"pg_jsonb_get":  {args: []int{0}, typ: jsonType, only: jsonValueMode},
	"pg_jsonb_path": {args: []int{0}, typ: jsonType, only: jsonValueMode},
	// a[i] (array_translate.go: pg_array_get(a, i, type)): a's element type
	"pg_array_get": {args: []int{0}, typ: func(a []uint32) uint32 { return pgoid.ElemOf(a[0]) }},
	// an element of unnest(a) after other FROM items (array_translate.go:
	// pg_unnest_elem(value, a)): a's element type
	"pg_unnest_elem": {args: []int{1}, typ: func(a []uint32) uint32 { return pgoid.ElemOf(a[0]) }},
	// a value of an integer generate_series after other FROM items
	// (series_lateral.go: pg_series_value(value, start, stop)): the
	// bounds' common type
	"pg_series_value": {args: []int{1, 2}, typ: intCommonType},
	// a column of run-time type of a LATERAL subquery (lateral.go:
	// pg_lateral_col(row, k, probe)): the probed column's type, of sum
	// and avg over it their result's
	"pg_lateral_col": {args: []int{2}, typ: func(a []uint32) uint32 { return a[0] }},
	"pg_lateral_sum": {args: []int{2}, typ: lateralSumType},
	"pg_lateral_avg": {args: []int{2}, typ: lateralAvgType},
	// a value of a date/time generate_series after other FROM items
	// (series_lateral.go: pg_series_dt(value, start)): start's type, a
	// date's series timestamptz
	"pg_series_dt": {args: []int{1}, typ: func(a []uint32) uint32 {
		switch a[0] {
		case pgoid.Timestamp, pgoid.Timestamptz:
			return a[0]
		case pgoid.Date:
			return pgoid.Timestamptz
		}
		return 0
	}},
	// j - text[] (jsonb_translate.go): jsonb; j - 'k' over a column of a
	// type read at run time is jsonb when the column is (runtimeOperatorCall)
	"pg_jsonb_delete_keys": {args: []int{0}, typ: jsonbOnly},
	"pg_jsonb_delete":      {args: []int{0}, typ: jsonbOnly},
	// l || r over a column of a type read at run time (runtimeOperatorCall):
	// an operand of unknown type (CAST('z' AS TEXT)) is 0, the array's
	// type deciding
	"pg_jsonb_concat": {args: []int{0, 1}, typ: concatType, untyped: true},
	// a column || ARRAY[...] (array_translate.go, concat_columns.go):
	// the constructor typed by its elements (ExprType)
	"pg_array_concat": {args: []int{0, 1}, typ: concatType},
	// lower(r) / upper(r) of a column (range_translate.go:
	// pg_range_lower(r, type)): a range column's element type, else
	// text's lower()
	"pg_range_lower": {args: []int{0}, typ: rangeBoundType},
	"pg_range_upper": {args: []int{0}, typ: rangeBoundType},
}

// rangeBoundType is the type of lower(x) / upper(x) of an x of type
// a[0]: a range's element type, else text (lower(text)).
func rangeBoundType(a []uint32) uint32 {
	if k := rangeKinds[a[0]]; k != nil {
		return k.elem
	}
	return pgoid.Text
}

// jsonbOnly is jsonb of a jsonb argument: json has no - operator.
func jsonbOnly(a []uint32) uint32 {
	if a[0] == pgoid.JSONB {
		return a[0]
	}
	return 0
}

// concatType is the type of l || r by PostgreSQL's operators: jsonb ||
// jsonb; anyarray || anyelement and anyelement || anyarray the array's
// type (anyarray || anyarray too); text || text and text beside any
// other non-array value (anynonarray) text.
func concatType(a []uint32) uint32 {
	l, r := a[0], a[1]
	text := func(o uint32) bool { return o == pgoid.Text || o == pgoid.Varchar || o == pgoid.Bpchar }
	switch {
	case l == pgoid.JSONB || r == pgoid.JSONB:
		switch {
		case l == pgoid.JSONB && r == pgoid.JSONB:
			return pgoid.JSONB
		case text(l) || text(r):
			return pgoid.Text // anynonarray || text
		}
		return 0
	case pgoid.ElemOf(l) != 0 || pgoid.ElemOf(r) != 0:
		// anycompatiblearray: the elements' common type (int4[] ||
		// int8[] is int8[]), the array's own when not known
		el, er, arr := pgoid.ElemOf(l), pgoid.ElemOf(r), l
		if el == 0 {
			el, er, arr = l, pgoid.ElemOf(r), r
		} else if er == 0 {
			er = r
		}
		if c := pgoid.ArrayOf(CommonType([]uint32{el, er})); el != 0 && er != 0 && c != 0 {
			return c
		}
		return arr
	case l == 0 || r == 0:
		return 0
	case (l == pgoid.Bit || l == pgoid.Varbit) && (r == pgoid.Bit || r == pgoid.Varbit):
		return pgoid.Varbit // bitcat (bits.go)
	}
	if text(l) || text(r) {
		return pgoid.Text
	}
	return 0
}

// runtimeOperatorCall is the jsonb call of jsonb_translate.go's run-time
// form at a..b-1 of an operator over a column whose type is read at run
// time, CASE WHEN lower(type) IN ('json', ...) THEN pg_jsonb_concat(l, r)
// ELSE ... END (the ELSE branches: an array's pg_array_concat(l, r), the
// operator itself, over the same operands): its extent, ok=false when
// a..b-1 is no such form.
func (x *tx) runtimeOperatorCall(a, b int) (lo, hi int, ok bool) {
	if !x.kw(a, "CASE", "WHEN") || !x.T(a+2).kw("lower") || x.caseEnd(a) != b-1 {
		return 0, 0, false
	}
	k := x.findKw(a+2, b, x.depth[a], "THEN")
	if k < 0 || !x.isP(k+2, "(") {
		return 0, 0, false
	}
	switch x.T(k + 1).identName() {
	case "pg_jsonb_concat", "pg_jsonb_delete":
		return k + 1, x.match(k+2) + 1, true
	}
	return 0, 0, false
}

func jsonType(a []uint32) uint32 {
	if a[0] == pgoid.JSON || a[0] == pgoid.JSONB {
		return a[0]
	}
	return 0
}

// jsonValueMode: the call's third argument is 0 (->, #>: a json value),
// not 1 (->>, #>>: text).
func jsonValueMode(x *tx, args [][2]int) bool {
	// mode 0: jsonb's -> / #>, 2: json's, 4: either's (json_get.go)
	m := ""
	if len(args) >= 3 && args[2][1]-args[2][0] == 1 {
		m = x.T(args[2][0]).text
	}
	return m == "0" || m == "2" || m == "4"
}

// intCommonType is the common type of integer and numeric arguments for
// functions with int4, int8 and numeric overloads.
func intCommonType(a []uint32) uint32 {
	res := uint32(pgoid.Int4)
	for _, o := range a {
		switch o {
		case pgoid.Int2, pgoid.Int4:
		case pgoid.Int8:
			if res == pgoid.Int4 {
				res = pgoid.Int8
			}
		case pgoid.Numeric:
			res = pgoid.Numeric
		default:
			return 0
		}
	}
	return res
}

// MentionsCalls is a cheap test before lexing: sqlText may have an item
// CallItems types.
func MentionsCalls(sqlText string) bool {
	low := strings.ToLower(sqlText)
	for f := range callSigs {
		if strings.Contains(low, f+"(") {
			return true
		}
	}
	return false
}

// CallItems returns the items of the result list of the SQLite statement
// sqlText (its RETURNING list, else its first select list) that are a
// call of callSigs, each with its probed arguments as Leaves. A * (t.*,
// beside unnest's element: array_translate.go) lists columns the text
// does not count: an item after the last * has Column counted from the
// end (-1 the last column), one between two *s none.
func CallItems(sqlText string) []ArithItem {
	x := newTx(sqlText)
	var out []ArithItem
	items := x.resultItems()
	first, last := len(items), -1 // the first and the last *
	for k, it := range items {
		if it[1] > it[0] && x.isP(it[1]-1, "*") {
			first, last = min(first, k), k
		}
	}
	for col, it := range items {
		switch {
		case col >= first && col <= last:
			continue
		case col > last && last >= 0:
			col -= len(items)
		}
		a, b := x.itemExpr(it[0], it[1])
		ra, rb := -1, -1 // the tokens the probe replaces, when not the call's
		for {
			if b-a > 2 && x.isP(a, "(") && x.match(a) == b-1 {
				a, b = a+1, b-1
				continue
			}
			if in := x.floatRefusedArg([2]int{a, b}); in != [2]int{a, b} {
				// pg_float_args_refused(gcd(i2, i4), ...): floatcalls.go
				if ra < 0 {
					ra, rb = a, b
				}
				a, b = in[0], in[1]
				continue
			}
			if b-a > 2 && x.kw(b-2, "COLLATE") {
				// (pg_jsonb_get(j, k, 0) COLLATE pg_jsonb): jsonb_order.go;
				// the probe replaces the collated expression, which would
				// hide the argument's declared type
				if ra < 0 {
					ra, rb = a, b
				}
				b -= 2
				continue
			}
			break
		}
		runtimeOp := false
		if lo, hi, ok := x.runtimeOperatorCall(a, b); ok {
			if ra < 0 {
				ra, rb = a, b // the probe replaces the whole CASE
			}
			a, b, runtimeOp = lo, hi, true
		}
		if b-a < 4 || x.T(a).typ != tIdent || !x.isP(a+1, "(") || x.match(a+1) != b-1 {
			continue
		}
		sig, ok := callSigs[x.T(a).identName()]
		if !ok {
			continue
		}
		args := x.splitTop(a+2, b-1)
		if sig.only != nil && !sig.only(x, args) {
			continue
		}
		if ra < 0 {
			ra, rb = a, b
		}
		item := ArithItem{Column: col, expr: x.T(a).identName(), start: x.T(ra).pos, end: x.T(rb-1).pos + len(x.T(rb-1).text)}
		probed := sig.args
		if sig.allArgs {
			probed = make([]int, len(args))
			for k := range probed {
				probed[k] = k
			}
		}
		for _, k := range probed {
			if k >= len(args) || args[k][0] >= args[k][1] {
				item.Leaves = nil
				break
			}
			l := x.floatRefusedArg(args[k]) // the checked argument's value (callargkinds.go)
			if runtimeOp {
				l = x.columnBranchLeaf(l) // concattypes.go
			}
			// (max(a))[1]: the probe's item is max(a), which the
			// aggregates' probe types (it reads no parenthesised call)
			l[0], l[1] = x.unparen(l[0], l[1])
			item.Leaves = append(item.Leaves, x.src[x.T(l[0]).pos:x.T(l[1]-1).pos+len(x.T(l[1]-1).text)])
		}
		if len(item.Leaves) > 0 {
			out = append(out, item)
		}
	}
	return out
}

// CallType is the type of call item it given its probed arguments'
// declared types (0: none; a literal is then typed by its text), 0 when
// an argument's type cannot be told or no overload takes it.
func CallType(it ArithItem, leafTypes []uint32) uint32 {
	sig, ok := callSigs[it.expr]
	if !ok || len(leafTypes) < len(it.Leaves) {
		return 0
	}
	leafTypes = leafTypes[:len(it.Leaves)] // the probes of other items' further leaves
	if sig.leafTyp != nil {
		return sig.leafTyp(it.Leaves, leafTypes)
	}
	args := make([]uint32, len(leafTypes))
	for i, o := range leafTypes {
		if sig.untyped && strings.HasPrefix(strings.TrimSpace(it.Leaves[i]), "'") {
			args[i] = 0 // an untyped string literal
			continue
		}
		if o == 0 {
			o = ExprType(it.Leaves[i])
		}
		if o == 0 || o == pgoid.Unknown {
			if !sig.untyped {
				return 0
			}
			o = 0
		}
		args[i] = o
	}
	return sig.typ(args)
}
