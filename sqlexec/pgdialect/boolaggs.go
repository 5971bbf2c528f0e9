package pgdialect

import (
	"database/sql/driver"
	"fmt"
	"strings"

	sqlite "modernc.org/sqlite"
)

// PostgreSQL's boolean and bitwise aggregates SQLite lacks: bool_and,
// every (its standard name), bool_or, bit_and, bit_or, bit_xor. NULL inputs are
// skipped; no non-NULL input gives NULL, as in PostgreSQL. They keep
// counts rather than a running value so they also work as window
// functions over moving frames (WindowInverse). Deterministic: allowed in
// writes.

var boolAggs = map[string]func() sqlite.AggregateFunction{
	"bool_and": func() sqlite.AggregateFunction { return &boolAgg{and: true} },
	"every":    func() sqlite.AggregateFunction { return &boolAgg{and: true} },
	"bool_or":  func() sqlite.AggregateFunction { return &boolAgg{} },
	"bit_and":  func() sqlite.AggregateFunction { return &bitAgg{op: "AND"} },
	"bit_or":   func() sqlite.AggregateFunction { return &bitAgg{op: "OR"} },
	"bit_xor":  func() sqlite.AggregateFunction { return &bitAgg{op: "XOR"} },
}

func registerBoolAggs() error {
	for name, mk := range boolAggs {
		mk := mk
		impl := &sqlite.FunctionImpl{NArgs: 1, Deterministic: true,
			MakeAggregate: func(sqlite.FunctionContext) (sqlite.AggregateFunction, error) { return mk(), nil }}
		if err := sqlite.RegisterFunction(name, impl); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
		deterministic[name] = true
	}
	return nil
}

// boolAgg counts the true and false inputs in the frame.
type boolAgg struct {
	and         bool
	trues, fals int64
}

func (a *boolAgg) add(v driver.Value, d int64) error {
	if v == nil {
		return nil
	}
	b, err := fnBool(nil, []driver.Value{v})
	if err != nil {
		return err
	}
	if truthy(b) {
		a.trues += d
	} else {
		a.fals += d
	}
	return nil
}

func (a *boolAgg) Step(_ *sqlite.FunctionContext, v []driver.Value) error { return a.add(v[0], 1) }
func (a *boolAgg) WindowInverse(_ *sqlite.FunctionContext, v []driver.Value) error {
	return a.add(v[0], -1)
}
func (a *boolAgg) Final(*sqlite.FunctionContext) {}
func (a *boolAgg) WindowValue(*sqlite.FunctionContext) (driver.Value, error) {
	switch {
	case a.trues+a.fals == 0:
		return nil, nil
	case a.and && a.fals > 0, !a.and && a.trues == 0:
		return int64(0), nil
	}
	return int64(1), nil
}

// bitAgg counts, per bit, the inputs that have it set: AND sets the bits
// every input has, OR those any has, XOR those an odd number has.
type bitAgg struct {
	op   string // AND, OR, XOR (PostgreSQL's error names it so)
	n    int64
	ones [64]int64
	// bits: the ones of each position of bit strings (a bit column's
	// stored 0/1 texts: bits.go), nil for integers
	bits []int64
}

func (a *bitAgg) add(v driver.Value, d int64) error {
	if v == nil {
		return nil
	}
	if s, ok := v.(string); ok && isBitText(v) && (a.n == 0 && d > 0 || a.bits != nil) {
		// bit_and/bit_or/bit_xor of bit strings: bit, of equal lengths
		if a.n == 0 && d > 0 {
			a.bits = make([]int64, len(s))
		}
		if len(s) != len(a.bits) {
			return pgErr("22026", "cannot %s bit strings of different sizes", a.op)
		}
		a.n += d
		for b := range s {
			if s[b] == '1' {
				a.bits[b] += d
			}
		}
		return nil
	}
	i, ok := toInt(v)
	if !ok {
		return invalidInput("bigint", v)
	}
	a.n += d
	for b := 0; b < 64; b++ {
		if uint64(i)&(1<<b) != 0 {
			a.ones[b] += d
		}
	}
	return nil
}

func (a *bitAgg) Step(_ *sqlite.FunctionContext, v []driver.Value) error { return a.add(v[0], 1) }
func (a *bitAgg) WindowInverse(_ *sqlite.FunctionContext, v []driver.Value) error {
	return a.add(v[0], -1)
}
func (a *bitAgg) Final(*sqlite.FunctionContext) {}
func (a *bitAgg) WindowValue(*sqlite.FunctionContext) (driver.Value, error) {
	if a.n == 0 {
		return nil, nil
	}
	if a.bits != nil {
		out := make([]byte, len(a.bits))
		for b, ones := range a.bits {
			out[b] = '0'
			if a.set(ones) {
				out[b] = '1'
			}
		}
		return string(out), nil
	}
	var r uint64
	for b := 0; b < 64; b++ {
		if a.set(a.ones[b]) {
			r |= 1 << b
		}
	}
	return int64(r), nil
}

// set reports whether a bit that ones of the a.n inputs have is set in
// the result.
func (a *bitAgg) set(ones int64) bool {
	switch a.op {
	case "AND":
		return ones == a.n
	case "XOR":
		return ones%2 != 0
	}
	return ones > 0
}
