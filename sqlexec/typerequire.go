package sqlexec

// pg_type_require(name) at apply: a column type that is no type
// pgdialect knows is an enum's or citext (pgdialect/typeallow.go). Whether
// it exists is replicated state (raftsql_enums, raftsql_extensions), so
// it is decided here, in log order and alike on every node: the DDL's
// entry fails with PostgreSQL's 42704 when it does not.

import (
	"fmt"

	"modernc.org/libc"
)

var typeRequireFunctions = []detFunction{
	{"pg_type_require", 1, cFuncPointer(fnTypeRequire), 0},
}

func fnTypeRequire(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	stateCall(tls, ctx, "pg_type_require", func(c *lconn, d *detState) (any, error) {
		name, _ := argValue(tls, argv, 0).(string)
		var found bool
		var err error
		if name == "citext" {
			found, err = extensionExists(c, "citext")
		} else {
			found, err = stateExists(c, `SELECT 1 FROM raftsql_enums WHERE typname = ?1`, name)
		}
		if err != nil || found {
			return nil, err
		}
		return nil, &Error{Code: CodeUndefinedObject, Message: fmt.Sprintf("type \"%s\" does not exist", name)}
	})
}
