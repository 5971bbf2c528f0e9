package pgdialect

// isfinite.go: isfinite(date | timestamp | timestamptz | interval), false
// for 'infinity' and '-infinity' (an interval is always finite in
// PostgreSQL 15). A pure function of its argument (deterministic, on the
// write allow-list); described as bool (funcResultOIDs).

import (
	"database/sql/driver"

	sqlite "modernc.org/sqlite"
)

func fnIsFinite(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	o, err := dtArg(a[0])
	if err != nil {
		return nil, err
	}
	return int64(btoi(o.inf == "")), nil
}
