package pgdialect

// textoperands.go: booleans and floats that become text without a cast.
//
// SQLite keeps a boolean as the integer 1/0 and a float4 or float8 as a
// double, and its concat(), concat_ws(), format() and || print those
// values as SQLite does: concat(paid) was '0' and paid || '' was '0' where
// PostgreSQL prints 'f' and 'false', and a real column 1.1 printed
// 1.100000023841858. PostgreSQL builds that text by two rules:
//
//   - concat, concat_ws and format call the type's output function: a
//     boolean is 't'/'f', a float its shortest round-trip digits (float4
//     with single precision);
//   - text || anything (and anything || text) is textanycat/anytextcat,
//     which casts the non-text operand to text: a boolean is
//     'true'/'false' (bool::text), floats as their output.
//
// So every argument of those functions and every operand of || whose type
// the statement shows (exprOID: comparisons, IS, EXISTS, boolean
// functions, casts, true/false), that is a column (its declared type
// read at run time, as pg_text's: columnTypeExpr) or arithmetic over
// columns (its type computed at run time: numTypeExpr) is wrapped in
// pg_out_text(value, type, short): a boolean becomes its text (short: the
// output function's t/f), a float4/float8 its output digits, a bytea its
// \x hex text (SQLite joined its raw bytes), a char(n) value (short)
// its blanks back (bpcharout pads to n), a timestamptz its text in the
// session's zone, anything else passes unchanged, so the other types
// keep their present behaviour. The function depends on its arguments
// and the session's zone (pinned per entry): deterministic.

import (
	"database/sql/driver"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"github.com/raftsql/raftsql/pgwire"
	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/pgwire/pgarray"
	sqlite "modernc.org/sqlite"
)

func init() {
	// a timestamptz prints in the session's zone: the entry's on the
	// apply connection, so the same on every node
	ZonedFunctions = append(ZonedFunctions, ZonedFunc{"pg_out_text", 3, outTextIn})
	quoteFuncs["pg_col_outtype"] = struct {
		n int32
		f fn
	}{-1, fnColOutType}
	quoteFuncs["pg_col_typename"] = struct {
		n int32
		f fn
	}{-1, fnColTypeName} // concat_columns.go
	quoteFuncs["pg_bool_elems"] = struct {
		n int32
		f fn
	}{2, fnBoolElems}
}

// fnBoolElems is pg_bool_elems(array, type): the array with its elements
// written as PostgreSQL's output writes them when type (the elements'
// type, or the array's) is boolean or real: SQLite's ARRAY[...] and
// array_agg build a boolean array of 1/0 (t/f) and a real array of the
// doubles nearest the float4 values (1.100000023841858: 1.1) (array.go).
// Anything else passes unchanged.
func fnBoolElems(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return a[0], nil
	}
	oid, _ := DeclTypeOID(str(a[1]))
	if e := pgoid.ElemOf(oid); e != 0 {
		oid = e
	}
	if oid != pgoid.Bool && oid != pgoid.Float4 {
		return a[0], nil
	}
	el, err := catalogArray(a[0]) // array.go
	if err != nil {
		return a[0], nil
	}
	for i := range el {
		if el[i].Null {
			continue
		}
		if oid == pgoid.Float4 {
			if f, err := strconv.ParseFloat(el[i].Val, 64); err == nil {
				el[i].Val = pgwire.FormatFloat(f, 32)
			}
			continue
		}
		switch el[i].Val {
		case "1":
			el[i].Val = "t"
		case "0":
			el[i].Val = "f"
		}
	}
	return pgarray.Format(el), nil
}

// outTextIn is pg_out_text(value, type, short) in zone; see the top of
// the file.
func outTextIn(a []driver.Value, zone *time.Location) (driver.Value, error) {
	v := a[0]
	if v == nil || a[1] == nil {
		return v, nil
	}
	oid, typmod := DeclTypeOID(str(a[1]))
	switch oid {
	case pgoid.Timestamptz:
		// timestamptz_out: the instant in the session's zone
		// (concat(id, ts) printed the stored UTC text)
		return textIn([]driver.Value{v, "timestamptz"}, zone)
	case pgoid.Bpchar:
		if s, ok := v.(string); ok && truthy(a[2]) && typmod > 4 {
			// bpcharout prints the value padded to n (bpchar.go); ||
			// casts it to text, without the blanks
			return fnBpcharPad(nil, []driver.Value{s, int64(typmod - 4)})
		}
	case pgoid.Bytea:
		if b, ok := v.([]byte); ok {
			return `\x` + hex.EncodeToString(b), nil // byteaout (hex)
		}
	case pgoid.Bool:
		var b bool
		switch v := v.(type) {
		case int64:
			b = v != 0
		case float64:
			b = v != 0
		case bool:
			b = v
		default:
			return v, nil // not a stored boolean: leave it as it is
		}
		short := truthy(a[2])
		switch {
		case b && short:
			return "t", nil
		case b:
			return "true", nil
		case short:
			return "f", nil
		}
		return "false", nil
	case pgoid.Float4, pgoid.Float8:
		bits := 64
		if oid == pgoid.Float4 {
			bits = 32
		}
		switch v := v.(type) {
		case float64:
			return pgwire.FormatFloat(v, bits), nil
		case int64:
			return pgwire.FormatFloat(float64(v), bits), nil
		}
	}
	return v, nil
}

// outTextFuncs are the functions whose arguments from the index on are
// printed by their types' output functions.
var outTextFuncs = map[string]int{"concat": 0, "concat_ws": 1, "format": 1}

// outTextCalls wraps the arguments of concat/concat_ws/format (see the
// top of the file). It runs after the casts and operators are rewritten
// (the wrapped text is final).
func (x *tx) outTextCalls() { x.outTextCallsIn(0, x.n()) }

// outTextCallsIn is outTextCalls of the calls within tokens lo..hi-1;
// a call it wraps is not wrapped again (outTextSettled).
func (x *tx) outTextCallsIn(lo, hi int) {
	if !x.castsChecked() {
		return
	}
	for i := lo; i+1 < hi && i+1 < x.n(); i++ {
		t := x.T(i)
		if t.typ != tIdent || t.ed || !x.isP(i+1, "(") || x.isP(i-1, ".") || x.outTextSettled[i] {
			continue
		}
		x.settleOutText(i)
		if t.identName() == "array_to_string" {
			x.boolElemsWrap(i)
			continue
		}
		from, ok := outTextFuncs[t.identName()]
		if !ok {
			continue
		}
		e := x.match(i + 1)
		for k, p := range x.splitTop(i+2, e) {
			if k >= from {
				x.outTextWrap(p[0], p[1], true)
			}
		}
	}
}

// boolElemsWrap wraps the array argument of array_to_string (the call
// at i) in pg_bool_elems when it is shown to be a boolean array
// (ARRAY[b, ...], a cast) or is array_agg over a column or a boolean
// expression: array_to_string(ARRAY[true, false], ',') is 't,f'.
func (x *tx) boolElemsWrap(i int) {
	args := x.splitTop(i+2, x.match(i+1))
	if len(args) < 2 {
		return
	}
	a, b := args[0][0], args[0][1]
	hint := ""
	switch {
	case x.exprOID(a, b) == pgoid.ArrayOf(pgoid.Bool):
		hint = "'boolean'"
	case x.T(a).typ == tIdent && strings.EqualFold(x.T(a).text, "array_agg") && x.isP(a+1, "(") && x.match(a+1) == b-1:
		e := x.match(a + 1)
		if o := x.findKw(a+2, e, x.depth[a+2], "ORDER"); o > a+2 {
			e = o
		}
		if qual, col, ok := x.bareColumn(a+2, e); ok {
			hint = x.columnTypeExpr(qual, col)
		} else if x.exprOID(a+2, e) == pgoid.Bool {
			hint = "'boolean'"
		}
	case len(x.fromTables()) > 0:
		if qual, col, ok := x.bareColumn(a, b); ok {
			hint = x.columnTypeExpr(qual, col) // a boolean[] column
		}
	}
	if hint == "" || hint == "NULL" {
		return
	}
	// spliced around the tokens, not replacing them: later passes still
	// rewrite array_agg's ORDER BY
	x.T(a).pre = "pg_bool_elems(" + x.T(a).pre
	x.T(b - 1).suf += ", " + hint + ")"
}

// outTextConcatOps wraps the operands of the || that are text
// concatenation. It runs after the array and jsonb passes, which rewrite
// (and so mark edited) the || of arrays and jsonb, including those
// decided at run time by a column's type.
func (x *tx) outTextConcatOps() { x.outTextConcatOpsIn(0, x.n()) }

// outTextConcatOpsIn is outTextConcatOps of the || within tokens
// lo..hi-1; an operator whose operands it wraps is not wrapped again
// (outTextSettled).
func (x *tx) outTextConcatOpsIn(lo, hi int) {
	if !x.castsChecked() {
		return
	}
	for i := max(lo, 1); i+1 < hi && i+1 < x.n(); i++ {
		t := x.T(i)
		if t.typ != tOp || t.ed || t.text != "||" || !x.endsOperand(i-1) || x.outTextSettled[i] {
			continue
		}
		ls := x.primaryStart(i - 1)
		re := x.operandEnd(i + 1)
		if ls < 0 || re < 0 || x.arrayShown(ls, i) || x.arrayShown(i+1, re) {
			continue
		}
		if ls < lo || re > hi {
			continue // not within the copied operand: the late pass's
		}
		x.settleOutText(i)
		x.unknownBesideColumn(ls, i, i+1, re)
		x.outTextWrap(ls, i, false)
		x.outTextWrap(i+1, re, false)
	}
}

// unknownBesideColumn wraps a string literal alone that is one operand of
// a text ||, the other (la..lb-1 or ra..rb-1) being a column, in
// pg_concat_unknown(literal, column type): PostgreSQL resolves the
// literal's type from the column's, so beside an array or jsonb column it
// is read as one (tags || 'z' is 22P02 malformed array literal, not
// '{a,b}z'). A literal that reads as an array or a jsonb document took
// jsonPass's run-time choice already (jsonColumnOperand).
func (x *tx) unknownBesideColumn(la, lb, ra, rb int) {
	lit, ca, cb := ra, la, lb
	if x.plainString(la, lb) {
		lit, ca, cb = la, ra, rb
	}
	if !x.plainString(lit, lit+1) {
		return
	}
	n, a, b := x.columnName(ca, cb)
	if n == "" {
		return
	}
	hint := x.derivedColumnType(a, b) // concat_columns.go: a derived table's column
	if hint == "" {
		qual := ""
		if b-a >= 3 {
			qual = x.T(b - 3).identName()
		}
		hint = x.columnTypeExpr(qual, n)
	}
	if hint == "NULL" {
		return
	}
	x.T(lit).pre = "pg_concat_unknown(" + x.T(lit).pre
	x.T(lit).suf += ", " + hint + ")"
}

// outTextWrap wraps a..b-1 in pg_out_text when its type is boolean or a
// float (shown by the statement) or it is a column (typed at run time).
func (x *tx) outTextWrap(a, b int, short bool) {
	if a >= b {
		return
	}
	if x.literalOperand(a, b) {
		x.numericLiteral(a, b) // arith.go: 1.50 prints 1.50, as numeric's output
		return
	}
	if ua, ub := x.unparen(a, b); ua != a && x.literalOperand(ua, ub) {
		x.numericLiteral(ua, ub) // (3.00) prints 3.00 too
		return
	}
	if n := x.charCastLen(a, b); n > 0 && short {
		// concat('a'::char(3), 'x') prints the value padded (bpchar.go)
		x.T(a).pre = "pg_bpchar_pad(" + x.T(a).pre
		x.T(b - 1).suf += ", " + strconv.Itoa(n) + ")"
		x.castEnd[b-1] = a
		return
	}
	var hint string
	if r, ok := x.resolved[a]; ok && r.end == b {
		// a derived table's or CTE's column of a type the statement
		// shows (derivedcols.go), a CASE or coalesce of booleans
		// (typeresolve.go)
		switch r.oid {
		case pgoid.Bool, pgoid.Float4, pgoid.Float8, pgoid.Bytea:
			hint = quoteLit(TypeName(r.oid))
		default:
			return
		}
	} else if r, ok := x.colRTypes[a]; ok && r.end == b {
		// a derived table's or CTE's column that is a table's column: its
		// declared type read at run time, as the arithmetic reads it
		hint = outRuntimeType(r.expr)
	} else if n, ca, cb := x.columnName(a, b); n != "" {
		// a column, parenthesised or not ((paid) || 'x' is falsex)
		qual := ""
		if cb-ca >= 3 {
			qual = x.T(cb - 3).identName()
		}
		if hint = x.columnTypeExpr(qual, n); hint == "NULL" {
			return
		}
	} else {
		switch oid := x.exprOID(a, b); oid {
		case pgoid.Bool, pgoid.Float4, pgoid.Float8, pgoid.Bytea:
			hint = quoteLit(TypeName(oid))
		default:
			// arithmetic typed at run time from its columns (price *
			// price): the expression computing its type ('float4' ...)
			if hint = x.numTypeExpr(a, b); hint == "" || hint[0] == '\'' && hint != "'float4'" && hint != "'float8'" {
				return
			}
		}
	}
	sh := "false"
	if short {
		sh = "true"
	}
	// spliced around the tokens: later passes still rewrite inside. The
	// value is text, compared as text: SQLite passes a COLLATE inside a
	// function's arguments on to the call (the numeric collation of -id
	// in nullif('' || -id, ...) ordered -8 before -1), BINARY stops it.
	x.T(a).pre = "pg_out_text(" + x.T(a).pre
	x.T(b - 1).suf += ", " + hint + ", " + sh + ") COLLATE BINARY"
	x.castEnd[b-1] = a
}

// outRuntimeType is the run-time type expression rt of a derived column
// (derivedcols.go: pg_col_numtype over the column's table, maybe under an
// aggregate's CASE) asking instead for the type pg_out_text converts:
// the arithmetic types have no boolean, which is what the text needs.
func outRuntimeType(rt string) string {
	return strings.ReplaceAll(rt, "pg_col_numtype(", "pg_col_outtype(")
}

// fnColOutType is pg_col_outtype, pg_col_numtype's twin (same arguments,
// arith_columns.go) naming the types whose text pg_out_text builds:
// boolean, float4, float8, bytea; empty for any other.
func fnColOutType(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	typ, err := colDeclType(a)
	if err != nil {
		return nil, err
	}
	switch typ {
	case pgoid.Bool, pgoid.Float4, pgoid.Float8, pgoid.Bytea:
		return TypeName(typ), nil
	}
	return "", nil
}
