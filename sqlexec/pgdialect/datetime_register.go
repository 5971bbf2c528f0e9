package pgdialect

// datetime_register.go: the registration list of the date/time functions
// (datetime_in.go, datearith.go, datefuncs.go, tochar.go, interval.go).

import (
	"database/sql/driver"
	"fmt"
	"strings"

	sqlite "modernc.org/sqlite"
)

type sqliteFunctionContext = sqlite.FunctionContext

// datetimeDeterministic are pure functions of their arguments.
func datetimeDeterministic() map[string]struct {
	n int32
	f fn
} {
	m := map[string]struct {
		n int32
		f fn
	}{
		"pg_dt_mul":         {4, dtBinary(func(a, b dtOperand) (driver.Value, error) { return dtMul(a, b, false) })},
		"pg_dt_div":         {4, dtBinary(func(a, b dtOperand) (driver.Value, error) { return dtMul(a, b, true) })},
		"make_date":         {3, fnMakeDate},
		"make_time":         {3, fnMakeTime},
		"make_timestamp":    {6, makeTimestamp(false)},
		"make_interval":     {-1, fnMakeInterval},
		"justify_days":      {1, fnJustify(interval.justifyDays)},
		"justify_hours":     {1, fnJustify(interval.justifyHours)},
		"justify_interval":  {1, fnJustify(interval.justifyInterval)},
		"to_date":           {2, fnToDate},
		"pg_col_dttype":     {-1, fnColDTType},
		"pg_col_elemdttype": {-1, fnColElemDTType}, // datetime_columns.go
		"pg_dt_result":      {3, fnDTResult},       // datetime_nested.go
		"isfinite":          {1, fnIsFinite},       // isfinite.go
	}
	return m
}

// registerDateTime registers the date/time functions, those of
// ZonedFunctions in UTC. (The pg_in_* input functions are registered with
// the other type families: enforce.go, dateTimeIn.)
func registerDateTime() error {
	register := func(name string, n int32, f fn) error {
		if err := sqlite.RegisterDeterministicScalarFunction(name, n, f); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
		deterministic[name] = true
		return nil
	}
	for name, d := range datetimeDeterministic() {
		if err := register(name, d.n, d.f); err != nil {
			return err
		}
	}
	return registerZoned(register)
}
