package pgdialect

// inet_translate.go: PostgreSQL's operators on the network address types
// (<< <<= >> >>= && & | ~ + -) rewritten into inet_funcs.go's functions.
// SQLite would read << >> & | ~ as integer bit operators on the texts
// ('10.1.2.3'::inet << '10.0.0.0/8'::inet would be 10240) and has no
// <<= >>=. An operator is rewritten when an operand is of a network type
// the statement shows (a cast, a typed literal, a network function), or
// is a quoted literal beside an operand that is not an integer (addr <<
// '10.0.0.0/8': PostgreSQL reads the literal as the other operand's type);
// an operator between operands of types the statement does not show (two
// columns) goes through pg_net_or_int for & | ~, which decides by the
// values: integers keep SQLite's integer operator, texts are read as inet
// (the result column is then described by its value: text for an inet);
// << and >> between two such operands (but two columns whose declared
// types are read: optype_columns.go) are inet containment (described
// boolean), and refuse integers (0A000: an integer shift's result could
// not be described as boolean; a cast of one operand shows the type). The
// functions' result types (funcResultOIDs) describe the result columns.

import (
	"database/sql/driver"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

// netOpFuncs are the functions of the binary operators on inet and cidr.
var netOpFuncs = map[string]string{
	"<<": "pg_net_contained", "<<=": "pg_net_contained_eq", ">>": "pg_net_contains", ">>=": "pg_net_contains_eq",
	"&&": "pg_net_overlap", "&": "pg_net_and", "|": "pg_net_or",
}

// netOperandType is the network type (inet, cidr, macaddr, macaddr8) the
// statement shows for operand a..b-1, 0 when none.
func (x *tx) netOperandType(a, b int) uint32 {
	switch o := x.exprOID(a, b); o {
	case pgoid.Inet, pgoid.Cidr, pgoid.Macaddr, pgoid.Macaddr8:
		return o
	}
	return 0
}

// stringOperand reports whether a..b-1 is a quoted literal alone.
func (x *tx) stringOperand(a, b int) bool {
	return b-a == 1 && (x.T(a).typ == tString || x.T(a).typ == tDollar)
}

// arrayLiteral reports whether a..b-1 is a quoted array literal ('{9}').
func (x *tx) arrayLiteral(a, b int) bool {
	return x.stringOperand(a, b) && strings.HasPrefix(strings.TrimLeft(x.T(a).text, "eE'$"), "{")
}

// netOperators rewrites the network operators of the statement.
// It runs in DDL too (unlike the casts' rewrites): a CHECK or an index's
// WHERE with a << '10.0.0.0/8' would otherwise be SQLite's integer shift,
// true for almost any row.
func (x *tx) netOperators() {
	if x.catalog {
		return
	}
	for i := 1; i < x.n(); i++ {
		t := x.T(i)
		if t.typ != tOp || t.ed {
			continue
		}
		if t.text == "~" && !x.endsOperand(i-1) {
			x.netNot(i)
			continue
		}
		f := netOpFuncs[t.text]
		if f == "" || !x.endsOperand(i-1) {
			continue
		}
		ls := x.primaryStart(i - 1)
		re := x.operandEnd(i + 1)
		if ls < 0 || re < 0 {
			continue
		}
		lo, ro := x.netOperandType(ls, i), x.netOperandType(i+1, re)
		lInt, rInt := x.numType(ls, i) != "", x.numType(i+1, re) != ""
		res := pgoid.Bool
		if t.text == "&" || t.text == "|" {
			res = pgoid.Inet
		}
		switch {
		case lo == pgoid.Macaddr || lo == pgoid.Macaddr8 || ro == pgoid.Macaddr || ro == pgoid.Macaddr8:
			if t.text != "&" && t.text != "|" {
				continue // no such operator: SQLite's error
			}
			f = "pg_mac_" + map[string]string{"&": "and", "|": "or"}[t.text]
			res = lo
			if res == 0 {
				res = ro
			}
		case lo != 0 || ro != 0:
		case (t.text == "&" || t.text == "|") && !lInt && !rInt:
			f, res = "pg_net_or_int", 0 // a macaddr column & 'ff:ff:ff:00:00:00' too
		case t.text == "&&" && (x.arrayLiteral(ls, i) || x.arrayLiteral(i+1, re)):
			continue // an array's overlap (array_translate.go)
		case x.stringOperand(ls, i) && !rInt || x.stringOperand(i+1, re) && !lInt:
		case t.text == "<<=" || t.text == ">>=":
		case !lInt && !rInt && (t.text == "<<" || t.text == ">>"):
			f = "pg_net_shift_" + map[string]string{"<<": "contained", ">>": "contains"}[t.text]
		default:
			continue
		}
		left, right := x.text(ls, i), x.text(i+1, re)
		x.wipe(ls, re)
		if f == "pg_net_or_int" {
			x.T(ls).set("pg_net_or_int(" + quoteLit(t.text) + ", " + left + ", " + right + ")")
		} else {
			x.T(ls).set(f + "(" + left + ", " + right + ")")
		}
		x.castEnd[re-1] = ls
		if res != 0 {
			x.setResolved(ls, re, res)
		}
	}
}

// netNot rewrites the prefix ~ at i of an inet, cidr or macaddr operand,
// or of one whose type the statement does not show (decided by the value).
func (x *tx) netNot(i int) {
	re := x.operandEnd(i + 1)
	if re < 0 {
		return
	}
	o := x.netOperandType(i+1, re)
	f := "pg_net_not"
	switch {
	case o == pgoid.Macaddr || o == pgoid.Macaddr8:
		f = "pg_mac_not"
	case o == pgoid.Inet || o == pgoid.Cidr:
	case x.numType(i+1, re) == "":
		f, o = "pg_net_or_int", 0
	default:
		return
	}
	arg := x.text(i+1, re)
	x.wipe(i, re)
	if f == "pg_net_or_int" {
		x.T(i).set("pg_net_or_int('~', " + arg + ", NULL)")
	} else {
		x.T(i).set(f + "(" + arg + ")")
	}
	x.castEnd[re-1] = i
	if o == pgoid.Cidr {
		o = pgoid.Inet
	}
	x.setResolved(i, re, o) // 0: typed by the value, not boolean as ~ (regex match) would be
}

// netArith rewrites + and - (at i, operands ls..i-1 and i+1..re-1) with
// an inet or cidr operand: inet + int8, int8 + inet, inet - int8, inet -
// inet. It reports whether it did.
func (x *tx) netArith(i, ls, re int) bool {
	op := x.T(i).text
	if op != "+" && op != "-" {
		return false
	}
	lo, ro := x.netOperandType(ls, i), x.netOperandType(i+1, re)
	if lo != pgoid.Inet && lo != pgoid.Cidr && ro != pgoid.Inet && ro != pgoid.Cidr {
		return false
	}
	f, res := "pg_net_add", pgoid.Inet
	switch {
	case op == "+":
	case ro == pgoid.Inet || ro == pgoid.Cidr || x.stringOperand(i+1, re):
		f, res = "pg_net_diff", pgoid.Int8
	default:
		f = "pg_net_minus_int"
	}
	x.T(ls).pre = f + "(" + x.T(ls).pre
	x.T(i).set(", ")
	x.T(re - 1).suf += ")"
	x.castEnd[re-1] = ls
	x.setResolved(ls, re, res)
	return true
}

// netShift is pg_net_shift_contained / _contains: << or >> of two
// operands whose types the statement does not show.
func netShift(op string) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		_, xi := a[0].(int64)
		_, yi := a[1].(int64)
		if xi || yi {
			return nil, pgErr("0A000", "operator %s between operands whose types the statement does not show is supported for inet and cidr only: cast an integer operand (::int8) to shift it", op)
		}
		return netFuncs[netOpFuncs[op]].f(nil, a)
	}
}

// netArithValues is x + y or x - y of operands whose types the statement
// does not show (an inet column + 1) when a text operand is an inet or
// cidr value: ok is false when none is.
func netArithValues(op byte, x, y driver.Value) (driver.Value, bool, error) {
	isNet := func(v driver.Value) bool {
		if s, ok := v.(string); ok {
			_, err := parseNet(s, false)
			return err == nil
		}
		return false
	}
	switch {
	case op == '+' && (isNet(x) || isNet(y)):
		v, err := fnNetAdd(nil, []driver.Value{x, y})
		return v, true, err
	case op == '-' && isNet(x):
		v, err := fnNetMinus(nil, []driver.Value{x, y})
		return v, true, err
	}
	return nil, false, nil
}

// fnNetOrInt is pg_net_or_int(op, a, b): the operator op of operands whose
// types the statement does not show. Integers keep SQLite's integer
// operator, MAC addresses (isMac) macaddr's; anything else is read as
// inet or cidr.
func fnNetOrInt(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	op := str(a[0])
	x, y := a[1], a[2]
	if op == "~" {
		if x == nil {
			return nil, nil
		}
		if n, ok := x.(int64); ok {
			return ^n, nil
		}
		if isMac(x) {
			return macBitwise("~")(nil, []driver.Value{x})
		}
		return netFn(netNot)(nil, []driver.Value{x})
	}
	if x == nil || y == nil {
		return nil, nil
	}
	m, mok := x.(int64)
	n, nok := y.(int64)
	if mok && nok {
		if op == "&" {
			return m & n, nil
		}
		return m | n, nil
	}
	if (op == "&" || op == "|") && isMac(x) && isMac(y) {
		return macBitwise(op)(nil, []driver.Value{x, y})
	}
	return netFuncs[netOpFuncs[op]].f(nil, []driver.Value{x, y})
}

// isMac reports whether v has the shape of a stored macaddr or macaddr8
// (six or eight groups of two hex digits: an inet prints no leading zero,
// so only an IPv6 address whose eight groups all have two digits has it
// too, and is read as a macaddr8 here).
func isMac(v driver.Value) bool {
	s, ok := v.(string)
	if !ok || len(s) != len("08:00:2b:01:02:03") && len(s) != len("08:00:2b:01:02:03:04:05") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i%3 == 2 && s[i] != ':' || i%3 != 2 && !isHex(s[i]) {
			return false
		}
	}
	return true
}

// macBitwise is macaddr(8) & and |, and ~ (b nil).
func macBitwise(op string) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if a[0] == nil || len(a) > 1 && a[1] == nil {
			return nil, nil
		}
		x, err := macBytes(str(a[0]))
		if err != nil {
			return nil, err
		}
		if op == "~" {
			for i := range x {
				x[i] = ^x[i]
			}
			return macText(x), nil
		}
		y, err := macBytes(str(a[1]))
		if err != nil {
			return nil, err
		}
		if len(x) != len(y) {
			return nil, pgErr("42883", "operator does not exist: macaddr %s macaddr8", op)
		}
		for i := range x {
			if op == "&" {
				x[i] &= y[i]
			} else {
				x[i] |= y[i]
			}
		}
		return macText(x), nil
	}
}

// macBytes reads a stored macaddr (6 bytes) or macaddr8 (8 bytes).
func macBytes(s string) ([]byte, error) {
	if len(s) > len("08:00:2b:01:02:03") && strings.Count(s, ":") == 7 {
		m, err := parseMacaddr8(s)
		return m[:], err
	}
	m, err := parseMacaddr(s)
	return m[:], err
}

func init() {
	netFuncs["pg_net_or_int"] = netFunc{3, fnNetOrInt}
	netFuncs["pg_net_shift_contained"] = netFunc{2, netShift("<<")}
	netFuncs["pg_net_shift_contains"] = netFunc{2, netShift(">>")}
	funcResultOIDs["pg_net_shift_contained"] = pgoid.Bool
	funcResultOIDs["pg_net_shift_contains"] = pgoid.Bool
	netFuncs["pg_mac_and"] = netFunc{2, macBitwise("&")}
	netFuncs["pg_mac_or"] = netFunc{2, macBitwise("|")}
	netFuncs["pg_mac_not"] = netFunc{1, macBitwise("~")}
}

// netTypedCalls are the functions whose answer on a network value depends
// on its type, not only its text: abbrev and set_masklen (inet or cidr),
// text (PostgreSQL's text output: inet with its mask length), trunc
// (macaddr or a number). typedCall (typeof.go) hands them to netTypedCall.
var netTypedCalls = map[string]bool{"abbrev": true, "set_masklen": true, "text": true, "trunc": true}

// netTypedCall rewrites the call l(args) at i with the type of its first
// argument: the column's declared type read when the statement runs, or
// the type the statement shows.
func (x *tx) netTypedCall(i int, l string, args [][2]int) {
	a, b := args[0][0], args[0][1]
	o := x.netOperandType(a, b)
	e := x.match(i + 1)
	switch l {
	case "trunc":
		if o == pgoid.Macaddr || o == pgoid.Macaddr8 {
			x.T(i).set("pg_macaddr_trunc")
			x.setResolved(i, e+1, o)
		}
		return
	case "text":
		if o == 0 && x.stringOperand(a, b) {
			return
		}
		x.T(i).set("pg_text")
	case "abbrev":
		x.T(i).set("pg_inet_abbrev")
	case "set_masklen":
		x.T(i).set("pg_set_masklen")
		if o == pgoid.Cidr {
			x.setResolved(i, e+1, o)
		}
	}
	hint := x.textHint(a, b) // pgcast.go
	if x.stringOperand(a, b) {
		hint = "'inet'" // PostgreSQL prefers inet for a literal: abbrev('10.1.0.0/16') is abbrev(inet)
	}
	x.T(e).wpre += ", " + hint
}

// netCastFrom is the conversion of the operand a..b-1 of a cast to cidr
// or macaddr that is not a literal: PostgreSQL's cidr(inet) keeps an inet's
// network and macaddr(macaddr8) drops its ff:fe, where reading the value's
// text would refuse it; pg_cast_net_from is given the operand's type
// (textHint: a column's declared type, or the type the statement shows).
func (x *tx) netCastFrom(a, b int, tt *pgType, literal bool) (pre, suf string, ok bool) {
	if literal || tt.oid != pgoid.Cidr && tt.oid != pgoid.Macaddr {
		return "", "", false
	}
	hint := x.textHint(a, b)
	if hint == "NULL" {
		return "", "", false
	}
	if tt.oid == pgoid.Cidr {
		return "(pg_cast_net_from(", ", 'cidr', " + hint + ") COLLATE " + InetCollation + ")", true
	}
	return "(pg_cast_net_from(", ", 'macaddr', " + hint + ") COLLATE " + MacaddrCollation + ")", true
}
