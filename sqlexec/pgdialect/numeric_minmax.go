package pgdialect

// numeric_minmax.go: pg_numeric_min and pg_numeric_max, min and max of a
// numeric column as PostgreSQL's numeric_smaller and numeric_larger run
// them: each row's value replaces the one kept unless the kept one is
// strictly smaller (max) or larger (min), so of equal values (1.5 and
// 1.50) the last one read is the result, with its scale. SQLite's min and
// max keep the first. CompiledTypeConversion (compiled_types.go) writes
// them for a column whose declared type is numeric, and only then, so
// SQLite's own min/max (and its index lookup for max(id)) serve every
// other column.

import (
	"database/sql/driver"
	"fmt"
	"strings"

	sqlite "modernc.org/sqlite"
)

func registerNumericMinMax() error {
	for name, max := range map[string]bool{"pg_numeric_max": true, "pg_numeric_min": false} {
		impl := &sqlite.FunctionImpl{NArgs: 1, Deterministic: true, VolatileArgs: true,
			MakeAggregate: func(sqlite.FunctionContext) (sqlite.AggregateFunction, error) { return &numericMinMax{max: max}, nil }}
		if err := sqlite.RegisterFunction(name, impl); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
		deterministic[name] = true
	}
	return nil
}

// numericMinMax is the state of pg_numeric_max (max) or pg_numeric_min:
// the value kept.
type numericMinMax struct {
	max  bool
	best driver.Value
}

func (m *numericMinMax) Step(_ *sqlite.FunctionContext, a []driver.Value) error {
	v := a[0]
	if v == nil {
		return nil
	}
	if m.best != nil {
		// PostgreSQL's transition keeps the value it has only when it
		// is strictly better
		c := compareNumericText(str(m.best), str(v)) // numeric_funcs.go: by value
		if m.max && c > 0 || !m.max && c < 0 {
			return nil
		}
	}
	switch w := v.(type) {
	case string: // kept past the call: SQLite may reuse the memory (VolatileArgs)
		v = strings.Clone(w)
	case []byte:
		v = string(w)
	}
	m.best = v
	return nil
}

// WindowInverse refuses: the conversion leaves a window call SQLite's own
// min/max, so none reaches here.
func (m *numericMinMax) WindowInverse(*sqlite.FunctionContext, []driver.Value) error {
	return fmt.Errorf("pgdialect: pg_numeric_min/max is not a window function")
}

func (m *numericMinMax) WindowValue(*sqlite.FunctionContext) (driver.Value, error) {
	return m.best, nil
}

func (m *numericMinMax) Final(*sqlite.FunctionContext) {}
