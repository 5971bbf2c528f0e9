package sqlexec

// pg_type_require(name, enum_ok) at apply: a column type that is no type
// pgdialect knows is an enum's or citext (pgdialect/typeallow.go). Whether
// it exists is replicated state (raftsql_enums, raftsql_extensions), so
// it is decided here, in log order and alike on every node: the DDL's
// entry fails with PostgreSQL's 42704 when it does not, and with 0A000
// for an enum whose name SQLite reads as one of its own types (enum_ok
// 0: tint), whose column pgdialect could not give the enum's CHECK.

import (
	"fmt"

	"modernc.org/libc"
)

var typeRequireFunctions = []detFunction{
	{"pg_type_require", 2, cFuncPointer(fnTypeRequire), 0},
}

func fnTypeRequire(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	stateCall(tls, ctx, "pg_type_require", func(c *lconn, d *detState) (any, error) {
		name, _ := argValue(tls, argv, 0).(string)
		enumOK, _ := argValue(tls, argv, 1).(int64)
		var found bool
		var err error
		if name == "citext" {
			found, err = extensionExists(c, "citext")
		} else {
			found, err = stateExists(c, `SELECT 1 FROM raftsql_enums WHERE typname = ?1`, name)
		}
		switch {
		case err != nil:
			return nil, err
		case !found:
			return nil, &Error{Code: CodeUndefinedObject, Message: fmt.Sprintf("type \"%s\" does not exist", name)}
		case enumOK == 0:
			return nil, errf(CodeFeatureNotSupported, "columns of enum type %s are not supported: SQLite reads the name as one of its own types (rename the type)", name)
		}
		return nil, nil
	})
}
