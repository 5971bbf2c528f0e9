package pgdialect

// The integer argument of the window functions ntile(integer),
// nth_value(x, integer), lag(x, integer [, d]) and lead(x, integer [,
// d]). PostgreSQL has them for integer only (smallint and an unknown
// literal are cast to it): a numeric, bigint or float argument matches
// none, 42883 "function lead(integer, numeric) does not exist" (SQLite's
// functions took 1.5 and 2::bigint and answered). A NULL count is a NULL
// result for every row (PostgreSQL's ntile and nth_value return NULL
// for it; SQLite's raise their "must be a positive integer" error,
// which maps to 22014 and 22016). The statement's types refuse it when
// translated; a column's declared type at run time
// (pg_int_arg_refused).

import (
	"database/sql/driver"
	"errors"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"modernc.org/sqlite"
)

// windowIntArg is the position of each function's integer argument.
var windowIntArg = map[string]int{"ntile": 0, "nth_value": 1, "lag": 1, "lead": 1}

// windowArgs checks the integer argument of the window calls (see above).
func (x *tx) windowArgs() error {
	if x.catalog {
		return nil
	}
	for i := 0; i+2 < x.n(); i++ {
		name := x.callName(i) // numeric_arrays.go
		if name == "" {
			continue
		}
		k, ok := windowIntArg[name]
		m := x.match(i + 1)
		if !ok || !x.kw(m+1, "OVER") {
			continue
		}
		args := x.splitTop(i+2, m)
		if len(args) <= k {
			continue
		}
		a := args[k]
		if x.nullCount(a[0], a[1]) {
			switch name {
			case "nth_value":
				// a row past any partition's: NULL, and the call
				// keeps its shape (its type is read from it)
				x.T(a[0]).pre = "coalesce(" + x.T(a[0]).pre
				x.T(a[1] - 1).suf += ", 9223372036854775807)"
			case "ntile":
				// the count 1 where SQLite needs one, the call's
				// value NULL
				x.T(a[0]).pre = "coalesce(" + x.T(a[0]).pre
				x.T(a[1] - 1).suf += ", 1)"
				end := m + 2
				if x.isP(end, "(") {
					end = x.match(end)
				}
				x.T(i).pre = "(NULL + " + x.T(i).pre
				x.T(end).suf += ")"
			}
			continue
		}
		types := make([]string, len(args)) // shown types, "" unknown
		known := true
		for j, arg := range args {
			types[j] = x.windowArgType(arg[0], arg[1])
			known = known && types[j] != ""
		}
		switch types[k] {
		case "integer", "smallint", "unknown":
		default:
			if known {
				return &Error{Code: "42883", Message: "function " + name + "(" + strings.Join(types, ", ") + ") does not exist", Position: x.charPos(i),
					Hint: jsonFunctionHint}
			}
			// the count's type, or another argument's for the
			// message, is read at run time
			x.intArgRefused(name, k, args, nil, types)
		}
	}
	return nil
}

// nullCount reports whether a..b-1 is NULL or NULL cast to an integer
// type.
func (x *tx) nullCount(a, b int) bool {
	if !x.T(a).kw("NULL") || x.T(a).ed {
		return false
	}
	if b == a+1 {
		return true
	}
	if b == a+3 && x.T(a+1).typ == tCast {
		switch strings.ToLower(x.T(a + 2).text) {
		case "int", "int4", "integer", "int2", "smallint":
			return true
		}
	}
	return false
}

// windowArgType is the PostgreSQL name of the type a..b-1 shows
// ("unknown" for a quoted literal or parameter), "" when it shows none.
func (x *tx) windowArgType(a, b int) string {
	if x.isUnknown(a, b) {
		return "unknown"
	}
	if t := x.numType(a, b); t != "" {
		if n := operandTypeNames[t]; n != "" {
			return n
		}
	}
	if o := x.exprOID(a, b); o != 0 && o != pgoid.Unknown {
		return FormatType(o, -1)
	}
	return ""
}

// intArgRefused wraps argument k of the call name(args), an integer
// parameter, when the statement does not show all the arguments' types,
// in pg_int_arg_refused(arg, name, k, types...): each type shown
// (types[j], "" for none) or read at run time (a bare column's declared
// type, arithmetic's type), after its label (labels[j]: make_interval's "days => "; nil for
// none); nothing when some argument's type is not known even then.
func (x *tx) intArgRefused(name string, k int, args [][2]int, labels, types []string) {
	exprs := make([]string, len(args))
	for j, arg := range args {
		label := ""
		if labels != nil {
			label = labels[j]
		}
		if types[j] != "" {
			exprs[j] = quoteLit(label + "=" + types[j])
			continue
		}
		var e string
		if qual, col, ok := x.bareColumn(arg[0], arg[1]); ok {
			e = x.columnTypeExpr(qual, col)
		} else if e = x.numTypeExpr(arg[0], arg[1]); e == "" || e[0] == '\'' {
			return // (arithmetic of columns: its run-time type, 'int8')
		}
		if e == "NULL" {
			return
		}
		exprs[j] = e
		if label != "" {
			exprs[j] = quoteLit(label) + " || " + e
		}
	}
	a := args[k]
	x.T(a[0]).pre = "pg_int_arg_refused(" + x.T(a[0]).pre
	x.T(a[1] - 1).suf += ", " + quoteLit(name) + ", " + strconv.Itoa(k) + ", " + strings.Join(exprs, ", ") + ")"
}

// fnIntArgRefused is pg_int_arg_refused(v, name, k, types...): v, unless
// type k is no integer type: 42883, function name(types) does not
// exist. A type is a label ending in "=> " or none, then "=" and its
// PostgreSQL name or a column's declared type.
func fnIntArgRefused(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if len(a) < 4 {
		return a[0], nil
	}
	k, _ := a[2].(int64)
	names := make([]string, len(a)-3)
	var kth string
	for j, t := range a[3:] {
		label, s := "", str(t)
		if i := strings.LastIndex(s, "=> "); i >= 0 {
			label, s = s[:i+3], s[i+3:]
		}
		if n, shown := strings.CutPrefix(s, "="); shown {
			s = n
		} else if o, _ := DeclTypeOID(s); o != 0 {
			s = FormatType(o, -1)
		} else {
			return a[0], nil // a type not known here: SQLite's answer
		}
		names[j] = label + s
		if j == int(k) {
			kth = s
		}
	}
	switch kth {
	case "integer", "smallint", "unknown", "":
		return a[0], nil
	}
	return nil, errors.New(SQLStateText("42883", "function "+str(a[1])+"("+strings.Join(names, ", ")+") does not exist", "", jsonFunctionHint))
}
