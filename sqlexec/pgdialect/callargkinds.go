package pgdialect

// callargkinds.go: functions that PostgreSQL has for one kind of
// argument only, where no implicit cast leads from another: sqrt, exp,
// ln, log10, cbrt take numbers (sqrt(text) is 42883: text has no implicit
// cast to double precision or numeric), repeat, lpad, rpad, left and right
// take a string and an integer (repeat(text, bigint) is 42883: bigint
// narrows to integer only by an assignment cast). SQLite's functions (and
// the registered ones) read any value, so sqrt('4') of a text column
// answered 2. Where the statement shows every argument's type the call is
// refused when translated, with PostgreSQL's position; where an argument
// is a column (or of a type read at run time), its first argument is
// wrapped in pg_call_arg_refused(v, name, kinds, type...), which refuses
// the call by the declared types (read once a statement) when a row
// reaches it.

import (
	"database/sql/driver"
	"errors"
	"slices"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"modernc.org/sqlite"
)

// callArgKinds are the functions checked: for each argument count, one
// letter per argument: N a number, I an integer (int4's signature), S a
// string (text's signature), A anycompatible (the A arguments of one type
// category).
var callArgKinds = map[string]map[int]string{
	"sqrt":   {1: "N"},
	"cbrt":   {1: "N"},
	"exp":    {1: "N"},
	"ln":     {1: "N"},
	"log10":  {1: "N"},
	"log":    {1: "N", 2: "NN"},
	"repeat": {2: "SI"},
	"lpad":   {2: "SI", 3: "SIS"},
	"rpad":   {2: "SI", 3: "SIS"},
	"left":   {2: "SI"},
	"right":  {2: "SI"},
	// lag(anycompatible, integer, anycompatible): a value and a default
	// of one type category (lag(t, 1, 5) of a text t is 42883)
	"lag":  {3: "AIA"},
	"lead": {3: "AIA"},
}

// checkedArg is the argument wrapped for the run-time check: the
// first, or lag's and lead's default (their value is read by the window
// typing, which the wrapping would hide).
var checkedArg = map[string]int{"lag": 2, "lead": 2}

// argKindTypes are the types each kind takes: the signature's own and
// those with an implicit cast to it (an unknown literal or parameter
// takes the signature's type).
var argKindTypes = map[byte]map[uint32]bool{
	'N': {pgoid.Int2: true, pgoid.Int4: true, pgoid.Int8: true, pgoid.Numeric: true, pgoid.Float4: true, pgoid.Float8: true, pgoid.Unknown: true},
	'I': {pgoid.Int2: true, pgoid.Int4: true, pgoid.Unknown: true},
	'S': {pgoid.Text: true, pgoid.Varchar: true, pgoid.Bpchar: true, pgoid.Name: true, pgoid.Char: true, pgoid.Unknown: true},
}

// callHint is PostgreSQL's hint of a call no function matches.
const callHint = "No function matches the given name and argument types. You might need to add explicit type casts."

// callArgKindChecks refuses, or wraps for the check at run time, the
// calls of callArgKinds.
func (x *tx) callArgKindChecks() error {
	if x.catalog {
		return nil
	}
	for i := 0; i+2 < x.n(); i++ {
		t := x.T(i)
		name := strings.ToLower(t.text)
		if t.typ != tIdent || !x.isP(i+1, "(") || x.isP(i-1, ".") || t.ed && (t.out != funcRename[name] || t.out == "") {
			continue // not a call, or rewritten (sqrt is pg_sqrt already)
		}
		kinds := callArgKinds[name]
		if kinds == nil || x.relationAt(i) {
			continue
		}
		args := x.splitTop(i+2, x.match(i+1))
		k := kinds[len(args)]
		if k == "" {
			continue
		}
		types := make([]string, len(args))
		static := true
		for j, a := range args {
			if a[0] >= a[1] {
				return nil
			}
			types[j] = x.argKindType(a[0], a[1])
			if types[j] == "" {
				break
			}
			static = static && types[j][0] == '\''
		}
		if slices.Contains(types, "") {
			continue // an argument of no type known even at run time
		}
		if static {
			names := make([]string, len(types))
			for j, t := range types {
				names[j] = strings.Trim(t, "'")
			}
			if err := argKindsRefused(name, k, names); err != nil {
				return &Error{Code: "42883", Message: "function " + name + "(" + strings.Join(argTypeNames(names), ", ") + ") does not exist",
					Hint: callHint, Position: x.T(i).pos + 1}
			}
			continue
		}
		a := args[checkedArg[name]]
		if x.isUnknown(a[0], a[1]) || a[1]-a[0] == 1 && x.T(a[0]).kw("NULL") {
			continue // (lag's default: takes the value's type)
		}
		x.T(a[0]).pre = "pg_call_arg_refused(" + x.T(a[0]).pre
		x.T(a[1] - 1).suf += ", " + quoteLit(name) + ", " + quoteLit(k) + ", " + strings.Join(types, ", ") + ")"
	}
	return nil
}

// argKindType is the type of argument a..b-1 as an SQL expression giving
// a type name or declaration: a quoted name where the statement shows
// it, a column's declared type (read from the schema) or a run-time type;
// "" when not known.
func (x *tx) argKindType(a, b int) string {
	if x.isUnknown(a, b) {
		return "'unknown'"
	}
	if o := x.exprOID(a, b); o != 0 && TypeName(o) != "" {
		return quoteLit(TypeName(o))
	}
	if qual, col, ok := x.bareColumn(a, b); ok {
		if t := x.derivedColumnType(a, b); t != "" {
			return t
		}
		if t := x.columnTypeExpr(qual, col); t != "NULL" {
			return t
		}
		return ""
	}
	if rt := x.numTypeExpr(a, b); rt != "" {
		return rt
	}
	return ""
}

// argKindsRefused is the 42883 of name called with arguments of the
// declared types decls for the signature kinds, nil when the types match
// it or one is not known.
func argKindsRefused(name, kinds string, decls []string) error {
	refused := false
	common := "" // the type category of the A arguments
	for j, d := range decls {
		o, _ := DeclTypeOID(d)
		if d == "unknown" {
			o = pgoid.Unknown
		}
		if o == 0 || typesByOID[o] == nil && o != pgoid.Unknown {
			return nil // a type not known here: the call stands
		}
		if kinds[j] == 'A' {
			if c := typesByOID[o]; o != pgoid.Unknown && c != nil {
				refused = refused || common != "" && c.cat != common
				common = c.cat
			}
			continue
		}
		refused = refused || !argKindTypes[kinds[j]][o]
	}
	if !refused {
		return nil
	}
	return errors.New(SQLStateText("42883", "function "+name+"("+strings.Join(argTypeNames(decls), ", ")+") does not exist", "", callHint))
}

// argTypeNames are PostgreSQL's names of the declared types decls.
func argTypeNames(decls []string) []string {
	out := make([]string, len(decls))
	for j, d := range decls {
		if d == "unknown" {
			out[j] = d
			continue
		}
		o, _ := DeclTypeOID(d)
		if t := typesByOID[o]; t != nil {
			out[j] = t.format
		} else {
			out[j] = d
		}
	}
	return out
}

// fnCallArgRefused is pg_call_arg_refused(v, name, kinds, type...): v,
// unless the types do not match the signature kinds of name
// (callArgKinds): 42883.
func fnCallArgRefused(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if len(a) < 4 {
		return nil, pgErr("42883", "function pg_call_arg_refused takes 4 or more arguments")
	}
	decls := make([]string, len(a)-3)
	for j, t := range a[3:] {
		if t == nil {
			return a[0], nil
		}
		decls[j] = str(t)
	}
	if len(decls) != len(str(a[2])) {
		return a[0], nil
	}
	if err := argKindsRefused(str(a[1]), str(a[2]), decls); err != nil {
		return nil, err
	}
	return a[0], nil
}
