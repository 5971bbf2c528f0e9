package pgdialect

// bitwise.go: PostgreSQL's bitwise operators & | # ~ << >> on integers and
// bit strings (bits.go). SQLite has & | ~ << >> on 64-bit integers only and
// no # (XOR): PostgreSQL's results have the operands' type (int2 & int2 is
// int2, int4 << n wraps at 32 bits: 1::int4 << 31 is -2147483648, the
// count taken modulo the width as the C shift of PostgreSQL's int4shl
// does), and a bit string is no number at all. Each operator becomes
// pg_bit_and / pg_bit_or / pg_bit_xor / pg_bit_shl / pg_bit_shr(a, b,
// type) or pg_bit_not(a, type), type being the result type the statement
// shows ('int4'), or read at run time from the columns' declared types
// (arith_columns.go's pg_arith_type), or '' (the values decide: integers
// as bigint, a bit string's 0s and 1s as bit, anything else as inet or
// macaddr: inet_translate.go's operators between untyped operands).
//
// Precedence is PostgreSQL's: these are its "other" operators, one level,
// left-associative, below + - and above comparisons (1 + 1 << 2 is 8,
// ~ 1 + 2 is -4 where SQLite's ~ binds tightest); datetimePass calls
// bitwiseOps between those levels. An operator with a network operand, or
// a quoted literal beside an operand of unknown type (addr << '10.0.0.0/8'),
// is left to inet_translate.go.

import (
	"database/sql/driver"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

// bitFuncs are the functions of the bitwise operators.
var bitFuncs = map[string]string{"&": "pg_bit_and", "|": "pg_bit_or", "#": "pg_bit_xor", "<<": "pg_bit_shl", ">>": "pg_bit_shr", "~": "pg_bit_not"}

// bitOpOf is the operator of a bitwise function ("" when f is none).
func bitOpOf(f string) string {
	for op, name := range bitFuncs {
		if name == f {
			return op
		}
	}
	return ""
}

// intRank orders the integer types by width (0: no integer type).
var intRank = map[string]int{"int2": 1, "int4": 2, "int8": 3}

// bitResult is PostgreSQL's result type of the integer operator l op r
// (arith.go's type names; r "" with op "~"), "" when a type is unknown,
// "!op l r" when PostgreSQL has no such operator (noOperator): & | # take
// the wider integer type, a shift the left operand's and an int4 count
// (an int2 one widens; an int8 one has no operator).
func bitResult(op, l, r string) string {
	if op == "~" {
		if intRank[l] == 0 && l != "" {
			return "!~ " + l + " " + l
		}
		return l
	}
	if l == "" || r == "" {
		return ""
	}
	if intRank[l] == 0 || intRank[r] == 0 || (op == "<<" || op == ">>") && r == "int8" {
		return "!" + op + " " + l + " " + r
	}
	if op == "<<" || op == ">>" || intRank[l] >= intRank[r] {
		return l
	}
	return r
}

// bitOperandOID is the bit string type (bit or varbit) the statement
// shows for operand a..b-1, 0 when none.
func (x *tx) bitOperandOID(a, b int) uint32 {
	for b-a > 2 && x.isP(a, "(") && x.match(a) == b-1 {
		a, b = a+1, b-1 // (B'101' & B'111') + 1
	}
	switch o := x.exprOID(a, b); o {
	case pgoid.Bit, pgoid.Varbit:
		return o
	}
	return 0
}

// bitwiseOps rewrites the bitwise operators, left to right (a prefix ~
// before the operator whose right operand it starts).
func (x *tx) bitwiseOps() error {
	if !x.castsChecked() {
		return nil
	}
	for i := 0; i < x.n(); i++ {
		t := x.T(i)
		if t.typ == tOp && t.text == "||" && !t.ed && x.endsOperand(i-1) {
			x.bitConcat(i)
			continue
		}
		if t.typ != tOp || t.ed || bitFuncs[t.text] == "" {
			continue
		}
		if t.text == "~" {
			if !x.endsOperand(i - 1) {
				if err := x.bitNot(i); err != nil {
					return err
				}
			}
			continue
		}
		if !x.endsOperand(i - 1) {
			continue
		}
		if x.T(i+1).typ == tOp && x.T(i+1).text == "~" && !x.T(i+1).ed {
			if err := x.bitNot(i + 1); err != nil { // a & ~b
				return err
			}
		}
		ls := x.primaryStart(i - 1)
		re := x.signedOperandEnd(i + 1)
		if ls < 0 || re < 0 {
			continue
		}
		ls = x.unaryStart(ls)
		if err := x.bitBinary(i, ls, re); err != nil {
			return err
		}
	}
	return nil
}

// bitBinary rewrites the binary operator at i between ls..i-1 and
// i+1..re-1, unless inet_translate.go's rewrite is the one to apply.
func (x *tx) bitBinary(i, ls, re int) error {
	op := x.T(i).text
	f := bitFuncs[op]
	if lo, ro := x.bitOperandOID(ls, i), x.bitOperandOID(i+1, re); lo != 0 || ro != 0 {
		return x.bitStringOp(i, ls, re, lo, ro)
	}
	if x.netOperandType(ls, i) != 0 || x.netOperandType(i+1, re) != 0 {
		return nil
	}
	lt, rt := x.numType(ls, i), x.numType(i+1, re)
	if lt == "" && intRank[rt] != 0 && x.unknownLiteralOf(ls, i, rt) {
		lt = rt // '5' # 3 reads '5' as the integer
	} else if rt == "" && intRank[lt] != 0 && x.unknownLiteralOf(i+1, re, map[bool]string{true: "int4", false: lt}[op == "<<" || op == ">>"]) {
		rt = lt
		if op == "<<" || op == ">>" {
			rt = "int4"
		}
	}
	res := ""
	rtype := ""
	switch {
	case lt != "" && rt != "":
		res = bitResult(op, lt, rt)
		if res[0] == '!' {
			e := noOperator(res)
			code, msg, _ := ParseSQLStateError(e.Error())
			return &Error{Code: code, Message: msg, Position: x.T(i).pos + 1}
		}
	case x.stringOperand(ls, i) || x.stringOperand(i+1, re):
		return nil // an inet or macaddr literal beside a column (inet_translate.go)
	case lt == "" && x.exprOID(ls, i) != 0 || rt == "" && x.exprOID(i+1, re) != 0:
		if intRank[lt] == 0 && intRank[rt] == 0 {
			return nil // no integer: SQLite's operator, as before
		}
		// an integer beside a type that has no such operator (true & 1)
		name := func(t string, a, b int) string {
			if t != "" {
				return operandTypeNames[t]
			}
			return FormatType(x.exprOID(a, b), -1)
		}
		return &Error{Code: "42883", Message: "operator does not exist: " + name(lt, ls, i) + " " + op + " " + name(rt, i+1, re), Position: x.T(i).pos + 1}
	default:
		rtype = x.runtimeArithType(op, ls, i, i+1, re) // arith_columns.go
		if rtype == "" && lt == "" && rt == "" {
			return nil // two operands of unknown type: inet_translate.go decides by the values
		}
	}
	x.wrapBinary(ls, i, re, f, res, rtype) // arith.go
	return nil
}

// bitNot rewrites the prefix ~ at i. Its operand extends over + and -
// (already rewritten): ~ 1 + 2 is ~(1 + 2).
func (x *tx) bitNot(i int) error {
	if x.T(i+1).typ == tOp && x.T(i+1).text == "~" && !x.T(i+1).ed {
		if err := x.bitNot(i + 1); err != nil { // ~ ~ a
			return err
		}
	}
	re := x.signedOperandEnd(i + 1)
	if re < 0 {
		return nil
	}
	t := x.T(i)
	if o := x.bitOperandOID(i+1, re); o != 0 {
		t.set("pg_bit_not(")
		x.T(re - 1).suf += ", 'bit')"
		x.castEnd[re-1] = i
		x.setResolved(i, re, pgoid.Bit) // ~ of a varbit is bit too
		return nil
	}
	if x.netOperandType(i+1, re) != 0 {
		return nil // inet_translate.go
	}
	res := x.numType(i+1, re)
	rtype := ""
	switch {
	case res != "":
		res = bitResult("~", res, "")
		if res[0] == '!' {
			return &Error{Code: "42883", Message: "operator does not exist: ~ " + operandTypeNames[x.numType(i+1, re)], Position: t.pos + 1}
		}
	case x.stringOperand(i+1, re) || x.exprOID(i+1, re) != 0:
		return nil
	default:
		rtype = x.runtimeArithType("~", i+1, re, -1, -1)
		if rtype == "" {
			return nil // inet_translate.go: decided by the value
		}
	}
	pre, suf := arithWrapRT("pg_bit_not", res, rtype)
	t.set(pre)
	x.T(re - 1).suf += suf
	x.castEnd[re-1] = i
	x.setArithType(i, res, rtype) // arith.go
	return nil
}

// bitIntOp is op of the integers m and n as PostgreSQL computes it for
// the result type typ (int2, int4, int8; "" is int8).
func bitIntOp(op string, m, n int64, typ string) int64 {
	switch op {
	case "&":
		return m & n
	case "|":
		return m | n
	case "#":
		return m ^ n
	case "~":
		return ^m
	}
	// C's shift of an int (int2 and int4: int2shl computes in int and
	// casts back) or an int64: the count modulo the width, as x86 does
	w := uint(64)
	if typ == "int2" || typ == "int4" {
		w = 32
	}
	c := uint(n) & (w - 1)
	var r int64
	if w == 32 {
		if op == "<<" {
			r = int64(int32(m) << c)
		} else {
			r = int64(int32(m) >> c)
		}
	} else if op == "<<" {
		r = m << c
	} else {
		r = m >> c
	}
	if typ == "int2" {
		r = int64(int16(r))
	}
	return r
}

// bitOpFn is the SQL function of the binary operator op: (a, b, type).
func bitOpFn(op string) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		x, y := a[0], a[1]
		if x == nil || y == nil {
			return nil, nil
		}
		typ := str(a[2])
		if typ != "" && typ[0] == '!' {
			return nil, noOperator(typ)
		}
		if rangeKindNamed(typ) != nil {
			return rangeValuesOp(op, x, y) // two range columns (optype_columns.go)
		}
		m, mok := x.(int64)
		n, nok := y.(int64)
		switch {
		case mok && nok:
			return bitIntOp(op, m, n, typ), nil
		case isBitText(x) && (nok || isBitText(y)):
			return bitStringOp(op, str(x), y) // bits.go
		}
		switch op {
		case "&", "|":
			return fnNetOrInt(nil, []driver.Value{op, x, y}) // inet_translate.go
		case "<<", ">>":
			return netShift(op)(nil, []driver.Value{x, y})
		}
		return nil, pgErr("42883", "operator does not exist: %s %s %s", valueTypeName(x), op, valueTypeName(y))
	}
}

// fnBitNot is pg_bit_not(a, type).
func fnBitNot(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	switch x := a[0].(type) {
	case nil:
		return nil, nil
	case int64:
		return ^x, nil
	}
	if typ := str(a[1]); typ != "" && typ[0] == '!' {
		return nil, noOperator(typ)
	}
	if isBitText(a[0]) {
		return bitStringOp("~", str(a[0]), nil)
	}
	return fnNetOrInt(nil, []driver.Value{"~", a[0], nil})
}

// valueTypeName names a value's type in an error about an operator whose
// operand types were not known before run time.
func valueTypeName(v driver.Value) string {
	switch v.(type) {
	case int64:
		return "bigint"
	case float64:
		return "double precision"
	case []byte:
		return "bytea"
	}
	return "text"
}

func init() {
	for op, f := range bitFuncs {
		if op == "~" {
			netFuncs[f] = netFunc{2, fnBitNot}
		} else {
			netFuncs[f] = netFunc{3, bitOpFn(op)}
		}
	}
}

// bitStringOp rewrites the binary operator at i whose operand ls..i-1 or
// i+1..re-1 is of the bit string type lo or ro: & | # of two bit strings
// (another operand of unknown type is read as one) and a shift by an
// integer are bit; another operand type has no operator (42883).
func (x *tx) bitStringOp(i, ls, re int, lo, ro uint32) error {
	op := x.T(i).text
	shift := op == "<<" || op == ">>"
	rt := x.numType(i+1, re)
	// an operand of unknown type (a column, a quoted literal) is read as
	// the operator needs it
	unknown := func(a, b int) bool {
		return x.numType(a, b) == "" && (x.exprOID(a, b) == 0 || x.stringOperand(a, b))
	}
	ok := (lo != 0 || unknown(ls, i)) && (ro != 0 || unknown(i+1, re))
	if shift {
		ok = lo != 0 && ro == 0 && (rt == "int4" || rt == "int2" || rt == "" && x.exprOID(i+1, re) == 0)
	}
	if !ok {
		name := func(o uint32, t string) string {
			if o != 0 {
				return "bit"
			}
			if n := operandTypeNames[t]; n != "" {
				return n
			}
			return "unknown"
		}
		return &Error{Code: "42883", Message: "operator does not exist: " + name(lo, x.numType(ls, i)) + " " + op + " " + name(ro, rt), Position: x.T(i).pos + 1}
	}
	x.T(ls).pre = bitFuncs[op] + "(" + x.T(ls).pre
	x.T(i).set(", ")
	x.T(re - 1).suf += ", 'bit')"
	x.castEnd[re-1] = ls
	x.setResolved(ls, re, pgoid.Bit)
	return nil
}

// bitwiseLeafResult is the type of a result column that is a bitwise
// operator over operands of run-time type (ArithType) when an operand is
// a network address or a bit string column, whose operators are no
// integer's: << and >> of inet are boolean containment, & | ~ of inet
// are inet, of macaddr macaddr, any of a bit string bit.
func (x *tx) bitwiseLeafResult(leafTypes []uint32) (uint32, bool) {
	n := x.n()
	if n < 6 || !x.isP(0, "(") || x.match(0) != n-1 || !x.kw(n-3, "COLLATE") || !x.isP(2, "(") {
		return 0, false
	}
	op := bitOpOf(x.T(1).identName())
	if op == "" {
		return 0, false
	}
	for _, o := range leafTypes {
		switch o {
		case pgoid.Inet, pgoid.Cidr:
			if op == "<<" || op == ">>" {
				return pgoid.Bool, true
			}
			return pgoid.Inet, true
		case pgoid.Macaddr, pgoid.Macaddr8:
			return o, true
		case pgoid.Bit, pgoid.Varbit:
			return pgoid.Bit, true
		}
		if rangeKinds[o] != nil && (op == "<<" || op == ">>") {
			return pgoid.Bool, true // strictly left / right of (optype_columns.go)
		}
	}
	return 0, false
}

// bitConcat types the || at i between two operands of bit string types
// the statement shows: bit varying, SQLite's || of the 0/1 texts.
func (x *tx) bitConcat(i int) {
	ls := x.primaryStart(i - 1)
	re := x.signedOperandEnd(i + 1)
	if ls < 0 || re < 0 || x.bitOperandOID(ls, i) == 0 || x.bitOperandOID(i+1, re) == 0 {
		return
	}
	x.T(ls).pre = "(" + x.T(ls).pre
	x.T(re - 1).suf += ")"
	x.castEnd[re-1] = ls
	x.setResolved(ls, re, pgoid.Varbit)
}

// bitArithErr refuses arithmetic (+ - * / % ^ at i) with an operand the
// statement shows to be a bit string: PostgreSQL has no such operator
// (42883), where the stored 0/1 text would compute as a number (B'101' + 1
// would be 102).
func (x *tx) bitArithErr(i, ls, re int) error {
	lo, ro := x.bitOperandOID(ls, i), x.bitOperandOID(i+1, re)
	if lo == 0 && ro == 0 {
		return nil
	}
	name := func(o uint32, a, b int) string {
		if o != 0 {
			return FormatType(o, -1)
		}
		if t := operandTypeNames[x.numType(a, b)]; t != "" {
			return t
		}
		if o := x.exprOID(a, b); o != 0 && !x.stringOperand(a, b) {
			return FormatType(o, -1)
		}
		return "unknown"
	}
	return &Error{Code: "42883", Message: "operator does not exist: " + name(lo, ls, i) + " " + x.T(i).text + " " + name(ro, i+1, re), Position: x.T(i).pos + 1}
}

// bitNegateErr refuses a prefix - or + of an operand the statement shows
// to be a bit string (42883: -B'101' would be -101).
func (x *tx) bitNegateErr() error {
	if !x.castsChecked() {
		return nil
	}
	for i := 0; i < x.n(); i++ {
		t := x.T(i)
		if t.typ != tOp || t.text != "-" && t.text != "+" || t.ed || x.endsOperand(i-1) {
			continue
		}
		if re := x.signedOperandEnd(i + 1); re > 0 && x.bitOperandOID(i+1, re) != 0 {
			return &Error{Code: "42883", Message: "operator does not exist: " + t.text + " bit", Position: t.pos + 1}
		}
	}
	return nil
}
