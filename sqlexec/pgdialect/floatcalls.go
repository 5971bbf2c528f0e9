package pgdialect

// Numeric functions PostgreSQL 15 has no double precision version of:
// round(x, n) and trunc(x, n) take numeric only (round(numeric, integer)),
// generate_series numbers are integer or numeric, div is numeric only and
// mod integer or numeric. A double precision
// argument matches none (implicit casts go from numeric to float8, not
// back), so round(1.5::float8, 1) is 42883 "function round(double
// precision, integer) does not exist"; SQLite's functions would answer.
// gcd and lcm are integer or numeric too.
// The statement's types refuse it when translated; a float column's
// declared type at run time (pg_float_refused).

import (
	"database/sql/driver"
	"slices"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"modernc.org/sqlite"
)

// noFloatCalls are the functions checked, with the argument counts whose
// signatures PostgreSQL has in numeric only.
var noFloatCalls = map[string]func(n int) bool{
	"round":           func(n int) bool { return n == 2 },
	"trunc":           func(n int) bool { return n == 2 },
	"generate_series": func(n int) bool { return n == 2 || n == 3 },
	"div":             func(n int) bool { return n == 2 },
	"mod":             func(n int) bool { return n == 2 },
	// integer or numeric: gcd(i4, sign(i8)) is gcd(integer, double
	// precision), 42883 (fuzz seed 800124)
	"gcd": func(n int) bool { return n == 2 },
	"lcm": func(n int) bool { return n == 2 },
}

// floatCalls refuses the calls of noFloatCalls with a float argument.
func (x *tx) floatCalls() error {
	if x.catalog {
		return nil
	}
	for i := 0; i+2 < x.n(); i++ {
		name := x.callName(i) // numeric_arrays.go
		if name == "" {
			continue
		}
		check := noFloatCalls[name]
		if check == nil {
			continue
		}
		args := x.splitTop(i+2, x.match(i+1))
		if !check(len(args)) {
			continue
		}
		names := make([]string, len(args))
		float, known := false, true
		for k, a := range args {
			typ := x.numType(a[0], a[1])
			if rt := x.numTypeExpr(a[0], a[1]); typ == "" && len(rt) > 2 && rt[0] == '\'' {
				typ = rt[1 : len(rt)-1] // sign(i8) is float8 (round_type.go)
			}
			if o := x.mathCallOID(a[0], a[1]); typ == "" && (o == pgoid.Float8 || o == pgoid.Float4) {
				typ = oidArithType(o) // sqrt(4), exp(1) are float8
			}
			switch {
			case typ == "float8" || typ == "float4":
				float = true
			case typ == "" && x.isUnknown(a[0], a[1]):
				names[k] = "unknown"
				continue
			case typ == "":
				known = false
			}
			names[k] = operandTypeNames[typ]
		}
		sig := name + "(" + strings.Join(names, ", ") + ")"
		if float && known {
			return &Error{Code: "42883", Message: "function " + sig + " does not exist", Position: x.T(i).pos + 1,
				Hint: "No function matches the given name and argument types. You might need to add explicit type casts."}
		}
		if name == "gcd" || name == "lcm" {
			x.gcdFloatRefused(i, name, args)
			continue
		}
		// round(f, 2) or mod(2, f) of a float column: its declared type at
		// run time, where the other arguments' types show
		if name == "generate_series" || float {
			continue
		}
		for k, a := range args {
			if !floatRefusedAt(name, names, k) {
				continue
			}
			if _, _, ok := x.bareColumn(a[0], a[1]); !ok && x.roundTypeExpr(a[0], a[1]) == "" {
				// (a column, or a call whose type its argument's
				// decides: div(sign(i), 2) is div(double precision,
				// integer), round_type.go)
				continue
			}
			typ := x.numTypeExpr(a[0], a[1])
			if typ == "" || typ[0] == '\'' {
				continue
			}
			sig := slices.Clone(names)
			sig[k] = "*"
			x.T(a[0]).pre = "pg_float_refused(" + x.T(a[0]).pre
			x.T(a[1] - 1).suf += ", " + typ + ", " + quoteLit(name) + ", " + quoteLit(strings.Join(sig, ", ")) + ")"
		}
	}
	return nil
}

// floatRefusedAt: argument k of name(args) with the types names is
// checked at run time: the other arguments' types are known (they name
// the refused signature), and round and trunc are checked at their value.
// mod is not: pg_mod refuses a float operand itself (42883, in its
// operator's words), and its result type is read from its bare columns.
func floatRefusedAt(name string, names []string, k int) bool {
	if (name == "round" || name == "trunc") && k != 0 || name == "mod" {
		return false
	}
	for j, n := range names {
		if j != k && n == "" {
			return false
		}
	}
	return true
}

// floatRefusedArg is the argument a that floatCalls wrapped in
// pg_float_refused(a, type, name, args) or gcdFloatRefused in
// pg_float_args_refused(a, name, type, type) (a the call), a itself when
// not wrapped: the check of a money column's round(m, 1) after
// translation reads it (money.go), the result type of gcd(i2, i4) its
// probe (calltypes.go).
func (x *tx) floatRefusedArg(a [2]int) [2]int {
	if t := x.T(a[0]); t.typ == tIdent && (strings.EqualFold(t.text, "pg_float_refused") || strings.EqualFold(t.text, "pg_float_args_refused")) && x.isP(a[0]+1, "(") && x.match(a[0]+1) == a[1]-1 {
		if in := x.splitTop(a[0]+2, a[1]-1); len(in) == 4 {
			return in[0]
		}
	}
	// pg_call_arg_refused(v, name, kinds, type...): callargkinds.go
	if t := x.T(a[0]); t.typ == tIdent && strings.EqualFold(t.text, "pg_call_arg_refused") && x.isP(a[0]+1, "(") && x.match(a[0]+1) == a[1]-1 {
		if in := x.splitTop(a[0]+2, a[1]-1); len(in) >= 4 {
			return in[0]
		}
	}
	return a
}

// gcdFloatRefused wraps gcd or lcm call i, args its arguments, whose
// types the statement does not all show, in pg_float_args_refused(call,
// name, type, type): none of their versions (integer, bigint, numeric)
// takes a float, whichever argument it is, and PostgreSQL's 42883 names
// every argument's type (gcd(i4, f8) of two columns answered). The call's
// own tokens carry the wrapping: a rewrite of an argument's (-x's pg_neg)
// comes later and would splice into it.
func (x *tx) gcdFloatRefused(i int, name string, args [][2]int) {
	types := make([]string, len(args))
	for k, a := range args {
		if types[k] = x.numTypeExpr(a[0], a[1]); types[k] == "" {
			return // of no type known even at run time: SQLite's answer stands
		}
	}
	// innermost around the call: a wrapping already on its first token
	// that ends past it (a cast's pg_text(gcd(a, b)::text ...) stays
	// outside, as does any later one
	e := x.match(i + 1)
	x.T(i).pre += "pg_float_args_refused("
	x.T(e).suf = ", " + quoteLit(name) + ", " + strings.Join(types, ", ") + ")" + x.T(e).suf
}

// fnFloatArgsRefused is pg_float_args_refused(v, name, type...): v,
// unless a type is a float type: 42883, function name(types) does not
// exist.
func fnFloatArgsRefused(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	names := make([]string, 0, len(a)-2)
	float := false
	for _, t := range a[2:] {
		float = float || str(t) == "float8" || str(t) == "float4"
		names = append(names, operandTypeNames[str(t)])
	}
	if float {
		return nil, pgErr("42883", "function %s(%s) does not exist", str(a[1]), strings.Join(names, ", "))
	}
	return a[0], nil
}

// fnFloatRefused is pg_float_refused(v, type, name, args): v, unless its
// column's type is a float type: 42883, function name(args) does not
// exist, the type in place of args' "*".
func fnFloatRefused(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if t := str(a[1]); t == "float8" || t == "float4" {
		return nil, pgErr("42883", "function %s(%s) does not exist", str(a[2]), strings.Replace(str(a[3]), "*", operandTypeNames[t], 1))
	}
	return a[0], nil
}

// mathCallOID is the result type of a..b-1 when it is a call of a math
// function whose result typeresolve.go's mathResult gives from its
// arguments (sqrt(4) float8, sqrt(4.0) numeric), else 0.
func (x *tx) mathCallOID(a, b int) uint32 {
	t := x.T(a)
	f := mathResult[t.identName()]
	if t.typ != tIdent || f == nil || !x.isP(a+1, "(") || x.match(a+1) != b-1 || x.isP(a-1, ".") {
		return 0
	}
	var args []branch
	for _, arg := range x.splitTop(a+2, b-1) {
		args = append(args, x.classify(arg[0], arg[1]))
	}
	return f(args)
}
