package pgdialect

// numeric_minmax.go: pg_numeric_min and pg_numeric_max, min and max of a
// numeric column as PostgreSQL's numeric_smaller and numeric_larger run
// them: each row's value replaces the one kept unless the kept one is
// strictly smaller (max) or larger (min), so of equal values (1.5 and
// 1.50) the last one read is the result, with its scale. SQLite's min and
// max keep the first. pg_numeric_wmin and pg_numeric_wmax are the same
// as window functions (numericWindowMinMax). CompiledTypeConversion
// (compiled_types.go) writes them for a column whose declared type is
// numeric, and only then, so SQLite's own min/max (and its index lookup
// for max(id)) serve every other column.

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
	for name, max := range map[string]bool{"pg_numeric_wmax": true, "pg_numeric_wmin": false} {
		impl := &sqlite.FunctionImpl{NArgs: 1, Deterministic: true, VolatileArgs: true,
			MakeAggregate: func(sqlite.FunctionContext) (sqlite.AggregateFunction, error) {
				return &numericWindowMinMax{max: max}, nil
			}}
		if err := sqlite.RegisterFunction(name, impl); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
		deterministic[name] = true
	}
	return nil
}

// keptValue is v as the state keeps it past the call: SQLite may reuse
// an argument's memory (VolatileArgs).
func keptValue(v driver.Value) driver.Value {
	switch w := v.(type) {
	case string:
		return strings.Clone(w)
	case []byte:
		return string(w)
	}
	return v
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
	m.best = keptValue(v)
	return nil
}

// WindowInverse refuses: the conversion writes a window call
// pg_numeric_wmin/wmax, so none reaches here.
func (m *numericMinMax) WindowInverse(*sqlite.FunctionContext, []driver.Value) error {
	return fmt.Errorf("pgdialect: pg_numeric_min/max is not a window function")
}

func (m *numericMinMax) WindowValue(*sqlite.FunctionContext) (driver.Value, error) {
	return m.best, nil
}

func (m *numericMinMax) Final(*sqlite.FunctionContext) {}

// numericWindowMinMax is pg_numeric_wmax (max) or pg_numeric_wmin, min
// and max of a numeric column as a window function. PostgreSQL's min and
// max have no inverse transition: for each frame it folds
// numeric_larger/numeric_smaller over the frame's rows in order, so the
// result is the last of the frame's rows holding the extreme value (of
// 1.5 and 1.50 in that order, 1.50). SQLite's frames move by Step (a row
// enters) and WindowInverse (the oldest row leaves), so the state is the
// frame's candidates in row order, each strictly better than every later
// one: a row entering removes the candidates it ties or beats (it is read
// later, so it wins a tie), and the first candidate is the answer. Each
// row enters and leaves the candidates once.
type numericWindowMinMax struct {
	max bool
	// in and out count the rows stepped and inverted (a NULL too, which
	// is no candidate), so a leaving row is known by its number
	in, out int
	cands   []numericCandidate
}

// numericCandidate is a row's value and its number among the rows stepped.
type numericCandidate struct {
	row int
	v   driver.Value
}

func (m *numericWindowMinMax) Step(_ *sqlite.FunctionContext, a []driver.Value) error {
	row := m.in
	m.in++
	v := a[0]
	if v == nil {
		return nil
	}
	for n := len(m.cands); n > 0; n-- {
		c := compareNumericText(str(m.cands[n-1].v), str(v)) // numeric_funcs.go: by value
		if m.max && c > 0 || !m.max && c < 0 {
			break // the kept candidate is strictly better
		}
		m.cands = m.cands[:n-1]
	}
	m.cands = append(m.cands, numericCandidate{row, keptValue(v)})
	return nil
}

// WindowInverse: SQLite removes the rows leaving the frame oldest first.
func (m *numericWindowMinMax) WindowInverse(*sqlite.FunctionContext, []driver.Value) error {
	row := m.out
	m.out++
	if len(m.cands) > 0 && m.cands[0].row == row {
		m.cands = m.cands[1:]
	}
	return nil
}

func (m *numericWindowMinMax) WindowValue(*sqlite.FunctionContext) (driver.Value, error) {
	if len(m.cands) == 0 {
		return nil, nil
	}
	return m.cands[0].v, nil
}

func (m *numericWindowMinMax) Final(*sqlite.FunctionContext) {}
