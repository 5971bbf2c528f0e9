package pgdialect

import (
	"database/sql/driver"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

// Functions whose answer depends on the argument's PostgreSQL type, not
// only on its SQLite value: pg_typeof(x) and to_hex(x) (an int4's -1 is
// ffffffff, an int8's ffffffffffffffff). The translator gives them the
// type it knows: the declared type of a column reference (read from the
// schema when the statement runs, pragma_table_xinfo), or the static type
// of the expression (literals, casts, arithmetic, functions: exprOID).
// pg_typeof of an expression whose type neither gives is refused (0A000)
// rather than guessed from its value.

// lateCalls are rewritten after the expression passes, when casts and
// arithmetic are typed: pg_typeof/to_hex here, WITHIN GROUP in
// orderedset.go. Innermost (last) first, so an outer rewrite that copies
// text copies the final form.
func (x *tx) latePass() error {
	for k := len(x.late) - 1; k >= 0; k-- {
		i := x.late[k]
		var err error
		if x.T(i).kw("WITHIN") {
			err = x.withinGroup(i) // orderedset.go
		} else if t := x.T(i); t.kw("ANY") || t.kw("SOME") || t.kw("ALL") {
			x.anyAllOpen(i) // anyall.go
		} else {
			err = x.typedCall(i)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// bitCallsWithin runs now the late octet_length/bit_length rewrites
// (bits_funcs.go) of calls within tokens lo..hi-1, whose text a rewrite
// is about to copy (operandcopy.go): run later, pg_bits_length's name and
// arguments were spliced into the blanked tokens after the copy, a syntax
// error (i2 + octet_length(vc) of columns, found by the differential fuzz
// tester). They cannot fail; the other late calls keep their turn.
func (x *tx) bitCallsWithin(lo, hi int) {
	kept := x.late[:0]
	var now []int
	for _, i := range x.late {
		if i >= lo && i < hi && bitTypedCalls[strings.ToLower(x.T(i).text)] {
			now = append(now, i)
		} else {
			kept = append(kept, i)
		}
	}
	x.late = kept
	for k := len(now) - 1; k >= 0; k-- {
		_ = x.typedCall(now[k]) // (bitTypedCall returns no error)
	}
}

// columnRef reports whether a..b-1 is one (possibly qualified) column
// reference and returns its qualifier ("" for none) and name.
func (x *tx) columnRef(a, b int) (qual, col string, ok bool) {
	n, j := x.name(a)
	if n == "" || j != b || x.isP(a+1, "(") {
		return "", "", false
	}
	if x.T(a).typ == tIdent {
		switch x.T(a).upper() {
		case "NULL", "TRUE", "FALSE", "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME",
			"CURRENT_USER", "SESSION_USER", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_CATALOG", "USER":
			return "", "", false
		}
	}
	if b-a >= 3 {
		qual = x.T(b - 3).identName()
	}
	return qual, n, true
}

// typedCall rewrites pg_typeof(x) / to_hex(x) at i.
func (x *tx) typedCall(i int) error {
	l := strings.ToLower(x.T(i).text)
	e := x.match(i + 1)
	args := x.splitTop(i+2, e)
	if bitTypedCalls[l] {
		x.bitTypedCall(i, l, args) // bits_funcs.go
		return nil
	}
	if (len(args) != 1 || args[0][0] >= args[0][1]) && !(l == "set_masklen" && len(args) == 2) {
		if l == "pg_typeof" {
			return &Error{Code: "42883", Message: "function pg_typeof() does not exist"}
		}
		return nil // to_hex: its own argument errors
	}
	if netTypedCalls[l] {
		x.netTypedCall(i, l, args) // inet_translate.go
		return nil
	}
	a, b := args[0][0], args[0][1]
	qual, col, isCol := x.columnRef(a, b)
	var oid uint32
	if !isCol {
		if b-a == 1 && x.T(a).typ == tString && x.bitOperandOID(a, b) == 0 || b-a == 1 && x.T(a).kw("NULL") {
			oid = pgoid.Unknown
		} else {
			oid = x.exprOID(a, b)
		}
		if oid == 0 {
			oid = x.argTypedCallOID(a, b)
		}
		if oid == 0 {
			oid = x.windowCallOID(a, b)
		}
	}
	switch l {
	case "pg_typeof":
		switch {
		case isCol:
			x.T(i).set("pg_typeof_decl")
			x.blank(a, b)
			x.T(a).set(x.columnTypeExpr(qual, col))
		case oid == 0 && x.typeofAggOfColumn(i, a, b):
		case oid != 0 && typesByOID[oid] != nil && x.aggregateIn(a, b):
			// the aggregate or window call stays, unread, so the query
			// stays one of aggregates (one row) or windows
			x.T(i).set("coalesce")
			x.T(i + 1).suf += quoteLit(typesByOID[oid].format) + ", "
		case oid != 0 && typesByOID[oid] != nil:
			x.T(i).set(quoteLit(typesByOID[oid].format))
			x.erase(i+1, e)
			x.T(e).set("")
			x.T(e).pre = ""
		default:
			return unsupported("pg_typeof of this expression is not supported (its type is only known for columns, literals, casts and typed functions)")
		}
	case "to_hex":
		if oid == pgoid.Int2 {
			// to_hex(int4) and to_hex(int8) both take a smallint
			return &Error{Code: "42725", Message: "function to_hex(smallint) is not unique", Hint: toHexHint, Position: x.T(i).pos + 1}
		}
		switch {
		case isCol:
			x.T(e).set(", " + x.columnTypeExpr(qual, col) + ")")
		case oid == pgoid.Int8:
			x.T(e).set(", 'int8')")
		case oid == 0:
			// a type known only at run time (coalesce(i8, i4) of columns is
			// bigint: its -1 is ffffffffffffffff, not ffffffff)
			if rt := x.numTypeExpr(a, b); rt != "" {
				x.T(e).set(", " + rt + ")")
			}
		}
	}
	return nil
}

// erase blanks tokens lo..hi-1 with the text earlier passes spliced
// around them (a cast's function call), all of it inside the erased span.
func (x *tx) erase(lo, hi int) {
	x.blank(lo, hi)
	for k := lo; k < hi; k++ {
		t := x.T(k)
		t.pre, t.suf, t.wpre, t.wsuf = "", "", "", ""
	}
}

// fnTypeofDecl is pg_typeof of a column: its declared type's name.
func fnTypeofDecl(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, pgErr("0A000", "pg_typeof of this expression is not supported (not a column of a table or view)")
	}
	o, _ := DeclTypeOID(str(a[0]))
	t := typesByOID[o]
	if t == nil {
		return nil, pgErr("0A000", "pg_typeof of a column declared %s is not supported", str(a[0]))
	}
	return t.format, nil
}

func init() {
	funcResultOIDs["pg_typeof"] = pgoid.Regtype
	quoteFuncs["pg_typeof_decl"] = struct {
		n int32
		f fn
	}{1, fnTypeofDecl}
	quoteFuncs["pg_typeof_agg"] = struct {
		n int32
		f fn
	}{3, fnTypeofAgg}
}

// windowCallOID is the static type of the window call a..b-1, f(...)
// [FILTER (...)] OVER (...): the call's as an aggregate's
// (argTypedCallOID: sum(n::int8) OVER () is numeric) or as the window
// function's (row_number() is bigint, lag(x) x's type: mathResult), 0
// when not known.
func (x *tx) windowCallOID(a, b int) uint32 {
	ca, cb, ok := x.windowCallSpan(a, b)
	if !ok {
		return 0
	}
	if o := x.exprOID(ca, cb); o != 0 {
		return o
	}
	if o := x.argTypedCallOID(ca, cb); o != 0 {
		return o
	}
	if f := mathResult[x.T(a).identName()]; f != nil {
		var args []branch
		for _, arg := range x.splitTop(a+2, cb-1) {
			args = append(args, x.classify(arg[0], arg[1]))
		}
		return f(args)
	}
	return 0
}

// windowCallSpan is the call a..cb-1 of the window call a..b-1 without
// its FILTER and OVER clauses; ok=false when a..b-1 is no window call.
func (x *tx) windowCallSpan(a, b int) (int, int, bool) {
	if x.T(a).typ != tIdent || !x.isP(a+1, "(") || x.isP(a-1, ".") || !x.windowCall(a) {
		return 0, 0, false
	}
	m := x.match(a + 1)
	if x.callEnd(m+1) != b {
		return 0, 0, false
	}
	return a, m + 1, true
}

// typeofArgTyped are the aggregates and window functions whose result
// type pg_typeof_agg gives from their first argument's declared type.
var typeofArgTyped = map[string]bool{"sum": true, "avg": true, "min": true, "max": true,
	"stddev": true, "stddev_samp": true, "stddev_pop": true, "variance": true, "var_samp": true, "var_pop": true,
	"bit_and": true, "bit_or": true, "bit_xor": true,
	"lag": true, "lead": true, "first_value": true, "last_value": true, "nth_value": true}

// typeofAggOfColumn rewrites pg_typeof at i of a..b-1, an aggregate or
// window call of a table's column (sum(n), sum(n) OVER (), lag(amt)
// OVER (...)), as pg_typeof_agg of the function, the column's declared
// type (read when the statement runs) and the call, and reports whether
// it did.
func (x *tx) typeofAggOfColumn(i, a, b int) bool {
	ca, cb := a, b
	if wa, wb, ok := x.windowCallSpan(a, b); ok {
		ca, cb = wa, wb
	} else if x.T(a).typ != tIdent || !x.isP(a+1, "(") || x.isP(a-1, ".") || x.match(a+1) != b-1 {
		return false
	}
	fn := x.T(ca).identName()
	if !typeofArgTyped[fn] {
		return false
	}
	args := x.splitTop(ca+2, cb-1)
	if len(args) == 0 || (fn == "lag" || fn == "lead") && len(args) > 2 {
		return false // a default beside the value: their common type
	}
	lo, hi := args[0][0], args[0][1]
	if x.kw(lo, "DISTINCT") {
		lo++
	}
	qual, col, ok := x.columnRef(lo, hi)
	if !ok {
		return false
	}
	x.T(i).set("pg_typeof_agg")
	x.T(i + 1).suf += quoteLit(fn) + ", " + x.columnTypeExpr(qual, col) + ", "
	return true
}

// fnTypeofAgg is pg_typeof_agg(fn, decl, value): the type of the
// aggregate or window function fn of a column declared decl (its value,
// an argument so that the query stays one of aggregates or windows, is
// not read).
func fnTypeofAgg(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	fn := str(a[0])
	if a[1] == nil {
		return nil, pgErr("0A000", "pg_typeof of this expression is not supported (not a column of a table or view)")
	}
	o, _ := DeclTypeOID(str(a[1]))
	if !typeofValueFuncs[fn] {
		o = AggregateType(fn, o)
	}
	t := typesByOID[o]
	if t == nil {
		return nil, pgErr("0A000", "pg_typeof of %s of a column declared %s is not supported", fn, str(a[1]))
	}
	return t.format, nil
}

// typeofValueFuncs: the window functions of their argument's type.
var typeofValueFuncs = map[string]bool{"lag": true, "lead": true, "first_value": true, "last_value": true, "nth_value": true}

// argTypedCallOID is the type of the call a..b-1 of an aggregate or math
// function whose result type follows from its one argument's (PostgreSQL
// 15's function resolution: sum(int4) is bigint, avg(int) numeric,
// sqrt(2) double precision, sqrt(2.0) numeric), 0 when the call is none
// of them or the argument's type is not known.
func (x *tx) argTypedCallOID(a, b int) uint32 {
	if x.T(a).typ != tIdent || !x.isP(a+1, "(") || x.match(a+1) != b-1 {
		return 0
	}
	args := x.splitTop(a+2, b-1)
	if o, ok := x.floatCallOID(strings.ToLower(x.T(a).text), args); ok {
		return o // typeof_float.go
	}
	if len(args) != 1 {
		return 0
	}
	in := x.exprOID(args[0][0], args[0][1])
	if in == 0 {
		if r, ok := x.resolved[args[0][0]]; ok && r.end == args[0][1] {
			in = r.oid
		}
	}
	intArg := in == pgoid.Int2 || in == pgoid.Int4 || in == pgoid.Int8
	switch strings.ToLower(x.T(a).text) {
	case "sum":
		switch {
		case in == pgoid.Int2 || in == pgoid.Int4:
			return pgoid.Int8
		case in == pgoid.Int8 || in == pgoid.Numeric:
			return pgoid.Numeric
		case in == pgoid.Float4 || in == pgoid.Float8 || in == pgoid.Interval:
			return in
		}
	case "avg":
		switch {
		case intArg || in == pgoid.Numeric:
			return pgoid.Numeric
		case in == pgoid.Float4 || in == pgoid.Float8:
			return pgoid.Float8
		case in == pgoid.Interval:
			return in
		}
	case "min", "max":
		return in
	case "round", "trunc", "ceil", "ceiling", "floor", "sqrt", "exp", "ln", "log", "log10":
		switch {
		case in == pgoid.Numeric:
			return pgoid.Numeric
		case intArg || in == pgoid.Float4 || in == pgoid.Float8:
			return pgoid.Float8
		}
	case "cbrt":
		if intArg || in == pgoid.Numeric || in == pgoid.Float4 || in == pgoid.Float8 {
			return pgoid.Float8
		}
	}
	return 0
}
