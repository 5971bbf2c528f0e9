package pgdialect

// numnulls.go: num_nulls(VARIADIC "any") and num_nonnulls(VARIADIC "any"),
// the int4 count of NULL / non-NULL arguments (PostgreSQL 15's
// pg_num_nulls). Each argument counts once as written: an array argument
// is one value (num_nulls(VARIADIC arr), which counts the elements, is
// not supported: SQLite has no VARIADIC call syntax). Pure functions of
// their arguments, so they may run in writes.

import (
	"database/sql/driver"

	sqlite "modernc.org/sqlite"
)

var numNullsFuncs = map[string]struct {
	n int32
	f fn
}{
	"num_nulls":    {-1, countNulls("num_nulls", true)},
	"num_nonnulls": {-1, countNulls("num_nonnulls", false)},
}

// countNulls counts the NULL (nulls) or non-NULL arguments; PostgreSQL
// has no form without arguments (42883).
func countNulls(name string, nulls bool) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if len(a) == 0 {
			return nil, pgErr("42883", "function %s() does not exist", name)
		}
		var n int64
		for _, v := range a {
			if (v == nil) == nulls {
				n++
			}
		}
		return n, nil
	}
}
