package pgdialect

// make_interval.go: make_interval(years, months, weeks, days, hours,
// mins, secs), each optional (default 0), positional or named as in
// PostgreSQL: make_interval(days => 10), make_interval(1, secs => 1.5).
// The translator turns each named argument `name => value` (or `name :=
// value`) into the pair 'name=>', value, which the function reads: the
// names are checked at translation (42883 unknown name, 42601 a name used
// twice or a positional argument after a named one), and the values keep
// their tokens, so every other rewrite still applies to them.

import (
	"database/sql/driver"
	"math"
	"slices"
	"strings"
)

// makeIntervalParams are make_interval's parameter names, in order.
var makeIntervalParams = []string{"years", "months", "weeks", "days", "hours", "mins", "secs"}

// namedArgMark ends the marker string that carries a named argument's
// name ('days=>'): no number reads so.
const namedArgMark = "=>"

// makeIntervalArgs rewrites the named arguments of the make_interval call
// at i (see the file comment).
func (x *tx) makeIntervalArgs(i int) error {
	e := x.match(i + 1)
	named := map[string]bool{}
	var sig []string // the call's argument types, for a 42883 message
	positional := 0
	// each argument's value, label ("days => ", "" by position) and
	// parameter, for the check of the integer parameters' types
	var vals [][2]int
	var labels []string
	var params []int
	for _, arg := range x.splitTop(i+2, e) {
		lo, hi := arg[0], arg[1]
		arrow := 0 // tokens of => or :=
		ident := x.T(lo).typ == tIdent || x.T(lo).typ == tQIdent
		switch {
		case ident && x.T(lo+1).typ == tOp && x.T(lo+1).text == "=>":
			arrow = 1
		case ident && x.isP(lo+1, ":") && x.T(lo+2).typ == tOp && x.T(lo+2).text == "=":
			arrow = 2
		}
		if arrow == 0 || lo+1+arrow >= hi {
			if len(named) > 0 {
				return &Error{Code: "42601", Message: "positional argument cannot follow named argument"}
			}
			sig = append(sig, x.argTypeName(lo, hi))
			vals, labels, params = append(vals, arg), append(labels, ""), append(params, positional)
			positional++
			continue
		}
		name := x.T(lo).identName()
		sig = append(sig, name+" => "+x.argTypeName(lo+1+arrow, hi))
		// A name also given by position (make_interval(1, years => 2))
		// matches no function in PostgreSQL either.
		if p := slices.Index(makeIntervalParams, name); p < 0 || p < positional {
			return &Error{Code: "42883", Message: "function make_interval(" + strings.Join(sig, ", ") + ") does not exist",
				Hint: "No function matches the given name and argument types. You might need to add explicit type casts."}
		}
		if named[name] {
			return &Error{Code: "42601", Message: `argument name "` + name + `" used more than once`}
		}
		named[name] = true
		vals, labels, params = append(vals, [2]int{lo + 1 + arrow, hi}), append(labels, name+" => "), append(params, slices.Index(makeIntervalParams, name))
		x.T(lo).set(quoteLit(name + namedArgMark))
		x.T(lo + 1).set(",")
		if arrow == 2 {
			x.T(lo + 2).set("")
		}
	}
	return x.makeIntervalTypes(i, vals, labels, params)
}

// makeIntervalTypes refuses, for the call at i, a bigint, numeric or float value of an
// integer parameter (all but secs, which is double precision): 42883
// where the statement shows every argument's type, else a column's
// declared type at run time (pg_int_arg_refused); a bigint value is
// refused at run time too where it is past integer (fnMakeInterval).
func (x *tx) makeIntervalTypes(i int, vals [][2]int, labels []string, params []int) error {
	types := make([]string, len(vals))
	known := true
	for j, v := range vals {
		types[j] = x.windowArgType(v[0], v[1]) // window_args.go
		known = known && types[j] != ""
	}
	for j := range vals {
		if params[j] == 6 {
			continue // secs
		}
		switch types[j] {
		case "integer", "smallint", "unknown":
			continue
		}
		if types[j] != "" && known {
			sig := make([]string, len(vals))
			for k := range vals {
				sig[k] = labels[k] + types[k]
			}
			return &Error{Code: "42883", Message: "function make_interval(" + strings.Join(sig, ", ") + ") does not exist",
				Hint: jsonFunctionHint, Position: x.charPos(i)}
		}
		x.intArgRefused("make_interval", j, vals, labels, types)
	}
	return nil
}

// argTypeName is the PostgreSQL type name of argument a..b-1 in an error
// message: integer or numeric for a number, else unknown.
func (x *tx) argTypeName(a, b int) string {
	if b-a == 1 && x.T(a).typ == tNumber {
		if strings.ContainsAny(x.T(a).text, ".eE") {
			return "numeric"
		}
		return "integer"
	}
	return "unknown"
}

// fnMakeInterval is make_interval(...): positional arguments, then
// 'name=>', value pairs (makeIntervalArgs).
func fnMakeInterval(_ *sqliteFunctionContext, a []driver.Value) (driver.Value, error) {
	var vals [7]driver.Value
	pos := 0
	for k := 0; k < len(a); k++ {
		if s, ok := a[k].(string); ok && strings.HasSuffix(s, namedArgMark) && k+1 < len(a) {
			for p, name := range makeIntervalParams {
				if name+namedArgMark == s {
					vals[p] = a[k+1]
				}
			}
			k++
			continue
		}
		if pos >= len(vals) {
			return nil, pgErr("42883", "function make_interval with %d arguments does not exist", len(a))
		}
		vals[pos] = a[k]
		pos++
	}
	var n [6]int64
	var secs float64
	for i, v := range vals {
		if v == nil {
			if i < pos || named(a, makeIntervalParams[i]) {
				return nil, nil // a NULL argument: NULL, as the strict function
			}
			continue // a default
		}
		if i == 6 {
			f, err := argFloat(v)
			if err != nil {
				return nil, err
			}
			secs = f
			continue
		}
		x, err := argInt(v)
		if err != nil {
			return nil, err
		}
		if x != int64(int32(x)) {
			// the parameters are integer: a bigint value matches no
			// make_interval in PostgreSQL
			return nil, pgErr("42883", "function make_interval(%s => bigint) does not exist", makeIntervalParams[i])
		}
		n[i] = x
	}
	// PostgreSQL refuses infinite and NaN seconds; a finite value past
	// int64 microseconds it converts with C's undefined float-to-int cast
	// (garbage), and Go's conversion differs by CPU: both are refused
	// here, as PostgreSQL 17 refuses them, so every node agrees.
	us := math.RoundToEven(secs * 1e6) // C's rint: 2.5 microseconds is 2
	if math.IsNaN(us) || us < math.MinInt64 || us >= math.MaxInt64 {
		return nil, pgErr("22008", "interval out of range")
	}
	iv := interval{months: n[0]*12 + n[1], days: n[2]*7 + n[3], us: n[4]*usPerHour + n[5]*usPerMin + int64(us)}
	return iv.String(), nil
}

// named reports whether the arguments a name the parameter p.
func named(a []driver.Value, p string) bool {
	for _, v := range a {
		if s, ok := v.(string); ok && s == p+namedArgMark {
			return true
		}
	}
	return false
}
