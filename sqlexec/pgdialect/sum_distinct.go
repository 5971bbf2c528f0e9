package pgdialect

// sum_distinct.go: sum(DISTINCT x) of a column typed at run time.
//
// SQLite's DISTINCT aggregates take one argument, so the run-time type
// that pg_sum_typed(x, type) receives (sum_float4.go) cannot reach
// sum(DISTINCT x): a real column's distinct values would be added in
// double precision (6.6 where PostgreSQL's float4 sum is 6.6000004). The
// translation writes sum(DISTINCT x) over an operand of run-time type as
// pg_sum_distinct(x, type) (typed as sum, as pg_sum_typed), an aggregate that drops the repeated values
// itself, by the type's equality (numerics by value, the first of equal
// ones kept as PostgreSQL keeps it: 1.50 and 1.5 are one value, whose
// scale is the first's; floats by value; intervals by their length), and
// then sums as PostgreSQL sums a DISTINCT aggregate's sorted input:
// float4 in single precision and float8 in double, in ascending order,
// the others exactly (numSum).

import (
	"database/sql/driver"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	sqlite "modernc.org/sqlite"
)

func registerSumDistinct() error {
	impl := &sqlite.FunctionImpl{NArgs: 2, Deterministic: true, VolatileArgs: true,
		MakeAggregate: func(sqlite.FunctionContext) (sqlite.AggregateFunction, error) { return &distinctSum{}, nil }}
	if err := sqlite.RegisterFunction("pg_sum_distinct", impl); err != nil && !strings.Contains(err.Error(), "already registered") {
		return fmt.Errorf("pgdialect: register pg_sum_distinct: %w", err)
	}
	deterministic["pg_sum_distinct"] = true
	return nil
}

// distinctSum is pg_sum_distinct(x, type): sum(DISTINCT x).
type distinctSum struct {
	typ string
	all []driver.Value // the non-NULL values, in order
}

func (s *distinctSum) Step(_ *sqlite.FunctionContext, a []driver.Value) error {
	if s.typ == "" && a[1] != nil {
		s.typ = strings.Clone(str(a[1])) // the arguments' memory is SQLite's (VolatileArgs)
	}
	switch w := a[0].(type) {
	case nil:
	case string: // kept past the call: SQLite may reuse the memory
		s.all = append(s.all, strings.Clone(w))
	case []byte:
		s.all = append(s.all, string(w))
	default:
		s.all = append(s.all, w)
	}
	return nil
}

// distinct is all without repeated values under the type's equality,
// the first of equal ones kept.
func (s *distinctSum) distinct() ([]driver.Value, error) {
	seen := map[string]bool{}
	var vals []driver.Value
	for _, v := range s.all {
		key, err := s.key(v)
		if err != nil {
			return nil, err
		}
		if key == "" { // an interval: compared by length with those kept
			if !slices.ContainsFunc(vals, func(w driver.Value) bool { return compareIntervalText(str(w), str(v)) == 0 }) {
				vals = append(vals, v)
			}
			continue
		}
		if !seen[key] {
			seen[key] = true
			vals = append(vals, v)
		}
	}
	return vals, nil
}

// key is v's identity under its type's equality ("" for a text value of
// a type that is not numeric: an interval, compared otherwise).
func (s *distinctSum) key(v driver.Value) (string, error) {
	switch s.typ {
	case "float4":
		f, err := float4Operand(v)
		if f == 0 {
			f = 0 // -0 is 0
		}
		return strconv.FormatFloat(float64(f), 'g', -1, 32), err
	case "float8":
		x, err := classify(v)
		if err != nil {
			return "", err
		}
		f := x.toFloat()
		if f == 0 {
			f = 0
		}
		return strconv.FormatFloat(f, 'g', -1, 64), nil
	}
	switch v := v.(type) {
	case int64:
		return strconv.FormatInt(v, 10), nil
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), nil
	}
	if d, ok := decimalFromValue(v); ok {
		return canonicalDecimal(d.String()), nil
	}
	return "", nil
}

// canonicalDecimal is a decimal's text without trailing fraction zeros
// (1.50 and 1.5 are one numeric value).
func canonicalDecimal(s string) string {
	if strings.ContainsRune(s, '.') && !strings.ContainsAny(s, "eE") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		return "0"
	}
	return s
}

func (s *distinctSum) WindowValue(ctx *sqlite.FunctionContext) (driver.Value, error) {
	vals, err := s.distinct()
	if err != nil || len(vals) == 0 {
		return nil, err
	}
	if s.typ == "float4" || s.typ == "float8" {
		fs := make([]float64, 0, len(vals))
		for _, v := range vals {
			x, err := classify(v)
			if err != nil {
				return nil, err
			}
			fs = append(fs, x.toFloat())
		}
		slices.Sort(fs)
		if s.typ == "float4" {
			var acc float32
			for _, f := range fs {
				var err error
				if acc, err = float4Add(acc, float32(f)); err != nil {
					return nil, err
				}
			}
			return float4Sum(acc) // sum_float4.go: NaN refused
		}
		acc := 0.0
		for _, f := range fs {
			acc += f
		}
		if math.IsInf(acc, 0) && !slices.ContainsFunc(fs, func(f float64) bool { return math.IsInf(f, 0) }) {
			return nil, pgErr("22003", "value out of range: overflow")
		}
		if math.IsNaN(acc) {
			// Infinity and -Infinity: PostgreSQL's NaN, which SQLite
			// would return as NULL
			return nil, errFloatNaN("double precision") // float8nan.go
		}
		return acc, nil
	}
	var sum numSum
	for _, v := range vals {
		if err := sum.step(v, 1); err != nil {
			return nil, err
		}
	}
	return sum.WindowValue(ctx)
}

func (s *distinctSum) WindowInverse(*sqlite.FunctionContext, []driver.Value) error {
	return pgErr("0A000", "DISTINCT is not implemented for window functions")
}

func (s *distinctSum) Final(*sqlite.FunctionContext) {}
