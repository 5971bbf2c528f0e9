package pgdialect

// sum_float4.go: sum(float4) in single precision.
//
// PostgreSQL's sum(real) is real, accumulated by float4pl: every step
// rounds to single precision (sum of 1.1, 2.2, 3.3 is 6.6000004), and it
// has no inverse transition, so a window over a moving frame sums each
// frame from its first row. numSum (numeric_funcs.go) adds doubles: 6.6.
// The column's type is not in the value, so the translation gives the
// call of sum over an operand that the statement shows to be a float4, or
// whose type is read at run time (a column of a table the statement
// certainly names, arithmetic over such columns), a second argument: the
// operand's arithmetic type (numTypeExpr: 'float4', 'int4' ... or the
// uncorrelated subquery computing it, run once per statement), as
// pg_sum_typed(x, type), which sums in single precision when the type is
// float4 and is numSum otherwise (result types: aggitems.go and
// arith_types.go read it as sum). sum(DISTINCT x) of such an operand is
// pg_sum_distinct(x, type) (SQLite's DISTINCT aggregates take one
// argument): sum_distinct.go.

import (
	"database/sql/driver"
	"fmt"
	"math"
	"slices"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

func registerSumFloat4() error {
	impl := &sqlite.FunctionImpl{NArgs: 2, Deterministic: true, VolatileArgs: true,
		MakeAggregate: func(sqlite.FunctionContext) (sqlite.AggregateFunction, error) { return &typedSum{}, nil }}
	if err := sqlite.RegisterFunction("pg_sum_typed", impl); err != nil && !strings.Contains(err.Error(), "already registered") {
		return fmt.Errorf("pgdialect: register pg_sum_typed: %w", err)
	}
	deterministic["pg_sum_typed"] = true
	// pg_sum_f4_sorted(DISTINCT x): SQLite's DISTINCT aggregates take one
	// argument, so sum(DISTINCT x) of a float4 is this aggregate, whose
	// type is float4 by its name
	impl = &sqlite.FunctionImpl{NArgs: 1, Deterministic: true,
		MakeAggregate: func(sqlite.FunctionContext) (sqlite.AggregateFunction, error) {
			return &typedSum{decided: true, f4: true, sorted: true}, nil
		}}
	if err := sqlite.RegisterFunction("pg_sum_f4_sorted", impl); err != nil && !strings.Contains(err.Error(), "already registered") {
		return fmt.Errorf("pgdialect: register pg_sum_f4_sorted: %w", err)
	}
	deterministic["pg_sum_f4_sorted"] = true
	return nil
}

// typedSum is pg_sum_typed(x, type), the translation of sum(x).
type typedSum struct {
	numSum
	decided, f4 bool
	vals        []float32 // the frame's values, in order (single precision)
	inverted    bool      // a row left the frame: sum vals again
	// sorted: sum vals in ascending order at the end, as PostgreSQL
	// feeds a DISTINCT aggregate its sorted values (float4 addition
	// depends on the order)
	sorted bool
	acc    float32
}

func (s *typedSum) Step(_ *sqlite.FunctionContext, a []driver.Value) error {
	if !s.decided {
		s.decided = true
		s.f4 = str(a[1]) == "float4"
		if str(a[1]) == "oid" {
			return pgErr("42883", "function sum(oid) does not exist") // oidtype.go: no arithmetic
		}
	}
	if !s.f4 {
		return s.step(a[0], 1)
	}
	if a[0] == nil {
		return nil
	}
	f, err := float4Operand(a[0])
	if err != nil {
		return err
	}
	s.n++
	s.vals = append(s.vals, f)
	if !s.inverted {
		s.acc, err = float4Add(s.acc, f)
	}
	return err
}

func (s *typedSum) WindowInverse(_ *sqlite.FunctionContext, a []driver.Value) error {
	if !s.f4 {
		return s.step(a[0], -1)
	}
	if a[0] == nil {
		return nil
	}
	// SQLite removes the rows leaving the frame oldest first
	s.n--
	s.vals = s.vals[1:]
	s.inverted = true
	return nil
}

func (s *typedSum) WindowValue(ctx *sqlite.FunctionContext) (driver.Value, error) {
	if !s.f4 {
		return s.numSum.WindowValue(ctx)
	}
	if s.n == 0 {
		return nil, nil
	}
	if s.inverted || s.sorted {
		// as PostgreSQL, which restarts the aggregate for each frame
		vals := s.vals
		if s.sorted {
			vals = slices.Clone(vals)
			slices.Sort(vals)
		}
		var acc float32
		for _, v := range vals {
			var err error
			if acc, err = float4Add(acc, v); err != nil {
				return nil, err
			}
		}
		return float4Sum(acc)
	}
	return float4Sum(s.acc)
}

// float4Sum is a sum(real)'s value: Infinity plus -Infinity is NaN,
// refused (float8nan.go) where SQLite would answer NULL.
func float4Sum(acc float32) (driver.Value, error) {
	if math.IsNaN(float64(acc)) {
		return nil, errFloatNaN("real")
	}
	return float64(acc), nil
}

func (s *typedSum) Final(*sqlite.FunctionContext) {}

// float4Operand is a float4 value (a double holding single precision, or
// an integer) as float32.
func float4Operand(v driver.Value) (float32, error) {
	switch v := v.(type) {
	case float64:
		return float32(v), nil
	case int64:
		return float32(v), nil
	}
	x, err := classify(v)
	if err != nil {
		return 0, err
	}
	return float32(x.toFloat()), nil
}

// float4Add is float4pl: 22003 when finite operands overflow.
func float4Add(a, b float32) (float32, error) {
	r := a + b
	if math.IsInf(float64(r), 0) && !math.IsInf(float64(a), 0) && !math.IsInf(float64(b), 0) {
		return 0, pgErr("22003", "value out of range: overflow")
	}
	return r, nil
}

// sumFloat4Types gives each sum(x) whose operand's arithmetic type the
// statement shows or reads at run time that type as a second argument
// (see the top of the file). It runs after the arithmetic rewrite, whose
// run-time types it reuses.
func (x *tx) sumFloat4Types() { x.sumTypesWithin(0, x.n()) }

// sumTypesWithin is sumFloat4Types over the sum calls named within tokens
// lo..hi-1. A rewrite that copies an operand's text into a new form (the
// date/time CASE form of datetime_columns.go: sum(r) + 1, max(ts) +
// sum(iv)) calls it first: the later pass would rewrite the copied-from
// tokens, and the copy would sum a real column in double precision.
func (x *tx) sumTypesWithin(lo, hi int) {
	if !x.castsChecked() {
		return
	}
	for i := lo; i+2 < hi; i++ {
		t := x.T(i)
		if t.typ != tIdent || t.ed || !strings.EqualFold(t.text, "sum") || !x.isP(i+1, "(") || x.isP(i-1, ".") {
			continue
		}
		e := x.match(i + 1)
		if e <= i+2 || e >= x.n() || len(x.splitTop(i+2, e)) != 1 || x.kw(i+2, "ALL") {
			continue
		}
		if x.kw(i+2, "DISTINCT") {
			x.sumDistinctFloat4(i, e)
			continue
		}
		typ := x.numTypeExpr(i+2, e) // arith_columns.go
		if typ == "" && x.exprOID(i+2, e) == pgoid.Float4 {
			typ = "'float4'" // a column of a VALUES list typed real (typeresolve.go)
		}
		if typ == "" || typ[0] == '\'' && typ != "'float4'" {
			continue // unknown, or known not to be a float4: numSum as before
		}
		t.set("pg_sum_typed")
		x.T(e).pre = ", " + typ + x.T(e).pre
		if x.sumTypes == nil {
			x.sumTypes = map[int]string{}
		}
		x.sumTypes[i] = typ
	}
}

// sumDistinctFloat4 rewrites sum(DISTINCT x) (sum at i, its ")" at e)
// to pg_sum_f4_sorted(DISTINCT x) when the statement shows x to be a
// float4 (a real column of a VALUES list or derived table, a cast), and
// to pg_sum_distinct(x, type) when x's type is read at run time (a
// table's column: sum_distinct.go).
func (x *tx) sumDistinctFloat4(i, e int) {
	if x.exprOID(i+3, e) != pgoid.Float4 && x.numTypeExpr(i+3, e) != "'float4'" {
		if typ := x.numTypeExpr(i+3, e); typ != "" && typ[0] != '\'' && x.findKw(i+3, e, x.depth[i+3], "ORDER") < 0 {
			// a column's type, known at run time: pg_sum_distinct(x,
			// type) drops the repeated values itself (sum_distinct.go)
			x.T(i).set("pg_sum_distinct")
			x.T(i + 2).set("")
			x.T(e).pre = ", " + typ + x.T(e).pre
			if x.sumTypes == nil {
				x.sumTypes = map[int]string{}
			}
			x.sumTypes[i] = typ
		}
		return
	}
	x.T(i).set("pg_sum_f4_sorted")
	if x.sumTypes == nil {
		x.sumTypes = map[int]string{}
	}
	x.sumTypes[i] = "'float4'"
}
