package sqlexec

import (
	"regexp"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// PostgreSQL names an undefined function with its argument types,
// "function nosuchfunc(integer) does not exist", and hints at casts.
// SQLite's "no such function: nosuchfunc" knows neither, so the types are
// read from the client's statement (pgdialect.CallArgTypes: literals and
// casts); where an argument's type cannot be told from the text the name
// stays alone.

// undefinedFunctionHint is PostgreSQL's HINT for a function no candidate
// matches.
const undefinedFunctionHint = "No function matches the given name and argument types. You might need to add explicit type casts."

var reUndefinedFunction = regexp.MustCompile(`^function ([^\s(]+)(\(.*\))? does not exist$`)

// describeUndefinedFunction completes a 42883 "function f does not exist"
// from the statement orig as the client wrote it, whose parameters the
// client declared of types paramOIDs (0 or missing: unknown).
func describeUndefinedFunction(e *Error, orig string, paramOIDs []uint32) {
	if e == nil || e.Code != CodeUndefinedFunction {
		return
	}
	m := reUndefinedFunction.FindStringSubmatch(e.Message)
	if m == nil {
		return
	}
	if e.HintText == "" {
		e.HintText = undefinedFunctionHint
	}
	name := m[1]
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	params := make([]string, len(paramOIDs))
	for i, oid := range paramOIDs {
		if oid != 0 {
			params[i] = pgdialect.FormatType(oid, -1)
		}
	}
	// a message that names the types already (date_bin's, from the values
	// at run time) takes the statement's where its text shows them all:
	// PostgreSQL names an untyped literal unknown
	if types, ok := pgdialect.CallArgTypes(orig, name, params); ok {
		e.Message = "function " + m[1] + "(" + strings.Join(types, ", ") + ") does not exist"
	}
}
