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
	// wider: an argument of a numeric type that PostgreSQL does not cast
	// implicitly to its parameter's (bigint, numeric or a float for an
	// integer one): no make_interval matches, whatever the value
	// (make_interval(days => 1.5) is 42883, not 2 days)
	wider := false
	argType := func(p, lo, hi int) string {
		n := x.callArgTypeName(lo, hi)
		if p < len(makeIntervalParams)-1 && makeIntervalNarrowing[n] {
			wider = true
		}
		return n
	}
	noFunction := func() error {
		return &Error{Code: "42883", Message: "function make_interval(" + strings.Join(sig, ", ") + ") does not exist",
			Hint: "No function matches the given name and argument types. You might need to add explicit type casts."}
	}
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
			sig = append(sig, argType(positional, lo, hi))
			positional++
			continue
		}
		name := x.T(lo).identName()
		p := slices.Index(makeIntervalParams, name)
		sig = append(sig, name+" => "+argType(p, lo+1+arrow, hi))
		// A name also given by position (make_interval(1, years => 2))
		// matches no function in PostgreSQL either.
		if p < 0 || p < positional {
			return noFunction()
		}
		if named[name] {
			return &Error{Code: "42601", Message: `argument name "` + name + `" used more than once`}
		}
		named[name] = true
		x.T(lo).set(quoteLit(name + namedArgMark))
		x.T(lo + 1).set(",")
		if arrow == 2 {
			x.T(lo + 2).set("")
		}
	}
	if wider {
		return noFunction()
	}
	return nil
}

// makeIntervalNarrowing are the type names (callArgTypeName) of the
// numbers an integer parameter of make_interval does not take: PostgreSQL
// casts none of them to integer implicitly.
var makeIntervalNarrowing = map[string]bool{"bigint": true, "numeric": true, "real": true, "double precision": true}

// argTypeName is the PostgreSQL type name of argument a..b-1 in an error
// message: integer, bigint or numeric for a number (numLiteralType), else
// unknown.
func (x *tx) argTypeName(a, b int) string {
	if b-a == 1 && x.T(a).typ == tNumber {
		return numLiteralTypeNames[numLiteralType(x.T(a).text)]
	}
	return "unknown"
}

// numLiteralTypeNames are PostgreSQL's names of numLiteralType's types.
var numLiteralTypeNames = map[string]string{"int4": "integer", "int8": "bigint", "numeric": "numeric"}

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
