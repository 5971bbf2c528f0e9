package pgdialect

import (
	"database/sql/driver"

	"modernc.org/sqlite"
)

// fnSeriesNumCheck is a numeric generate_series's argument check,
// pg_series_numcheck(start, stop, step), in PostgreSQL's order: a NaN or
// infinite start or stop, then a NaN, infinite or zero step, each 22023
// (the step's own pg_series_step would refuse a zero step before a bad
// bound).
// Without it a NaN start compared as no bound and the recursive series
// never ended, and a NaN step answered one row.
func fnSeriesNumCheck(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	for _, v := range a {
		if v == nil {
			return int64(1), nil // strict: no rows, no check
		}
	}
	for k, what := range []string{"start value", "stop value", "step size"} {
		s, ok := a[k].(string)
		if !ok {
			continue // an integer
		}
		d, ok := parseDecimal(s)
		if !ok {
			continue
		}
		switch d.kind {
		case numNaN:
			return nil, pgErr("22023", "%s cannot be NaN", what)
		case numPosInf, numNegInf:
			return nil, pgErr("22023", "%s cannot be infinity", what)
		}
		if k == 2 && d.coef.Sign() == 0 {
			return nil, pgErr("22023", "step size cannot equal zero")
		}
	}
	return int64(1), nil
}
