package pgdialect

import (
	"database/sql/driver"
	"fmt"
	"strings"

	sqlite "modernc.org/sqlite"
)

// string_agg as a window function: pg_string_agg_window(value,
// delimiter). SQLite's group_concat loses a delimiter over a moving frame
// whose rows hold empty strings: once the rows it removed (xInverse)
// leave its text empty it writes the next value without one, so
// string_agg(v, ',') OVER (ORDER BY id ROWS 1 PRECEDING) of 'A', '', 'b',
// 'c' was A, A,, b, c where PostgreSQL answers A, A,, ,b, b,c (found by
// the differential fuzz tester). This one keeps the frame's values and
// their delimiters and writes them when asked. As an aggregate without
// OVER string_agg stays group_concat (its ORDER BY is SQLite's).

const stringAggWindow = "pg_string_agg_window"

func registerStringAggWindow() error {
	impl := &sqlite.FunctionImpl{NArgs: 2, Deterministic: true,
		MakeAggregate: func(sqlite.FunctionContext) (sqlite.AggregateFunction, error) { return &stringAggWin{}, nil }}
	if err := sqlite.RegisterFunction(stringAggWindow, impl); err != nil && !strings.Contains(err.Error(), "already registered") {
		return fmt.Errorf("pgdialect: register %s: %w", stringAggWindow, err)
	}
	deterministic[stringAggWindow] = true
	return nil
}

// stringAggWin holds the frame's non-NULL values, each with its row's
// delimiter, in the order they entered: SQLite removes rows from a
// frame's start in that order (xInverse), a NULL value never entered.
type stringAggWin struct {
	vals, delims []string
}

func (a *stringAggWin) Step(_ *sqlite.FunctionContext, v []driver.Value) error {
	if v[0] != nil {
		a.vals = append(a.vals, str(v[0]))
		a.delims = append(a.delims, str(v[1])) // a NULL delimiter is none
	}
	return nil
}

func (a *stringAggWin) WindowInverse(_ *sqlite.FunctionContext, v []driver.Value) error {
	if v[0] != nil && len(a.vals) > 0 {
		a.vals, a.delims = a.vals[1:], a.delims[1:]
	}
	return nil
}

func (a *stringAggWin) WindowValue(*sqlite.FunctionContext) (driver.Value, error) {
	if len(a.vals) == 0 {
		return nil, nil
	}
	var b strings.Builder
	for k, v := range a.vals {
		if k > 0 {
			b.WriteString(a.delims[k]) // each value after the first: its own row's delimiter
		}
		b.WriteString(v)
	}
	return b.String(), nil
}

func (a *stringAggWin) Final(*sqlite.FunctionContext) {}
