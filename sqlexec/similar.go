package sqlexec

import (
	"database/sql/driver"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// similarFunctions register match(pattern, value[, escape]), the function
// behind SIMILAR TO (pgdialect/similar.go), on each connection with both
// arities: SQLite's own two-argument match (a stub for full-text tables)
// would win over one variadic registration.
var similarFunctions = []detFunction{
	{"match", 2, cFuncPointer(fnMatch), lib.SQLITE_DETERMINISTIC},
	{"match", 3, cFuncPointer(fnMatch), lib.SQLITE_DETERMINISTIC},
}

func fnMatch(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	a := make([]driver.Value, argc)
	for i := range a {
		a[i] = argValue(tls, argv, i)
	}
	v, err := pgdialect.SimilarTo(a)
	resultValue(tls, ctx, v, err)
}
