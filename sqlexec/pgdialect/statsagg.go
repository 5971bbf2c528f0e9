package pgdialect

import (
	"database/sql/driver"
	"fmt"
	"math"
	"math/big"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

// Statistics aggregates with PostgreSQL 15's results, also as window
// functions (moving frames included):
//
//   - stddev/stddev_samp, stddev_pop, variance/var_samp, var_pop: over
//     integers and numerics exact decimals (numeric), computed as
//     PostgreSQL's numeric_stddev_internal: N*Σx² - (Σx)² at twice the
//     inputs' largest scale, divided at select_div_scale's scale, the
//     square root rounded to that scale (a numerator <= 0 is 0); any NaN or
//     infinity gives NaN. Over floats float8, by the Youngs-Cramer
//     recurrence of float8_accum, in the frame's row order, so the last
//     bits are PostgreSQL's too.
//   - corr, covar_pop, covar_samp, regr_avgx, regr_avgy, regr_count,
//     regr_intercept, regr_r2, regr_slope, regr_sxx, regr_sxy, regr_syy
//     (Y, X): float8 (regr_count int8), float8_regr_accum's recurrence.
//
// Which arithmetic applies follows the first non-NULL value: a float
// (SQLite REAL: float4/float8 columns) selects float8, an integer or a
// numeric (stored as text) exact numeric; the described type comes from
// the argument's declared type (aggitems.go, sqlexec/resulttypes.go). All
// are deterministic and allowed in writes.

var statFuncs = map[string]int32{
	"stddev": 1, "stddev_samp": 1, "stddev_pop": 1, "variance": 1, "var_samp": 1, "var_pop": 1,
	"corr": 2, "covar_pop": 2, "covar_samp": 2, "regr_avgx": 2, "regr_avgy": 2, "regr_count": 2,
	"regr_intercept": 2, "regr_r2": 2, "regr_slope": 2, "regr_sxx": 2, "regr_sxy": 2, "regr_syy": 2,
}

func init() {
	for f, n := range statFuncs {
		if n == 2 {
			funcResultOIDs[f] = pgoid.Float8
		}
	}
	funcResultOIDs["regr_count"] = pgoid.Int8
}

func registerStatAggs() error {
	for name, n := range statFuncs {
		name := name
		impl := &sqlite.FunctionImpl{NArgs: n, Deterministic: true,
			MakeAggregate: func(sqlite.FunctionContext) (sqlite.AggregateFunction, error) { return &statAgg{fn: name}, nil }}
		if err := sqlite.RegisterFunction(name, impl); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
		deterministic[name] = true
	}
	return nil
}

type statMode uint8

const (
	statNone statMode = iota
	statNumeric
	statFloat
)

// statAgg is one group's (or window frame's) state.
type statAgg struct {
	fn   string
	mode statMode
	// float8: the frame's rows in order (y, x; x unused for one argument)
	// and the recurrence's state over rows[head:]; dirty after a row left
	// the frame (the recurrence has no inverse: recomputed, as PostgreSQL
	// restarts a float8 window aggregate).
	rows  [][2]float64
	head  int
	dirty bool
	yc    ycState
	// numeric: exact sums over the frame, and how many of its values have
	// each scale (the largest present scale is the sums' display scale).
	n              int64
	sumX, sumX2    decimal
	scales         map[int32]int64
	nan, pinf, nin int64
}

// ycState is float8_accum / float8_regr_accum's transition state.
type ycState struct {
	n, sx, sxx, sy, syy, sxy float64
}

var errFloatOverflow = pgErr("22003", "value out of range: overflow")

// add is float8_regr_accum (y, x); with two=false float8_accum of y
// (kept in the x slots, as PostgreSQL's single-argument state).
func (s *ycState) add(y, x float64, two bool) error {
	if !two {
		x = y
	}
	old := *s
	s.n++
	s.sx += x
	if two {
		s.sy += y
	}
	if old.n > 0 {
		tmpX := x*s.n - s.sx
		if two {
			tmpY := y*s.n - s.sy
			scale := 1.0 / (s.n * old.n)
			s.sxx += tmpX * tmpX * scale
			s.syy += tmpY * tmpY * scale
			s.sxy += tmpX * tmpY * scale
		} else {
			s.sxx += tmpX * tmpX / (s.n * old.n)
		}
		if math.IsInf(s.sx, 0) || math.IsInf(s.sxx, 0) {
			if !math.IsInf(old.sx, 0) && !math.IsInf(x, 0) {
				return errFloatOverflow
			}
			s.sxx = math.NaN()
		}
		if two {
			if math.IsInf(s.sy, 0) || math.IsInf(s.syy, 0) {
				if !math.IsInf(old.sy, 0) && !math.IsInf(y, 0) {
					return errFloatOverflow
				}
				s.syy = math.NaN()
			}
			if math.IsInf(s.sxy, 0) {
				if !math.IsInf(old.sx, 0) && !math.IsInf(x, 0) && !math.IsInf(old.sy, 0) && !math.IsInf(y, 0) {
					return errFloatOverflow
				}
				s.sxy = math.NaN()
			}
		}
		return nil
	}
	if math.IsInf(x, 0) || math.IsNaN(x) {
		s.sxx, s.sxy = math.NaN(), math.NaN()
	}
	if two && (math.IsInf(y, 0) || math.IsNaN(y)) {
		s.syy, s.sxy = math.NaN(), math.NaN()
	}
	return nil
}

func (a *statAgg) two() bool { return statFuncs[a.fn] == 2 }

func (a *statAgg) Step(_ *sqlite.FunctionContext, v []driver.Value) error { return a.step(v, false) }
func (a *statAgg) WindowInverse(_ *sqlite.FunctionContext, v []driver.Value) error {
	return a.step(v, true)
}
func (a *statAgg) Final(*sqlite.FunctionContext) {}

func (a *statAgg) step(v []driver.Value, inverse bool) error {
	for _, e := range v {
		if e == nil {
			return nil // strict: a row with a NULL argument is skipped
		}
	}
	if a.mode == statNone {
		a.mode = statNumeric
		if _, isFloat := v[0].(float64); isFloat || a.two() {
			a.mode = statFloat
		}
	}
	if a.mode == statFloat {
		y, ok := toFloat(v[0])
		if !ok {
			return invalidInput("double precision", v[0])
		}
		x := y
		if a.two() {
			if x, ok = toFloat(v[1]); !ok {
				return invalidInput("double precision", v[1])
			}
		}
		if inverse {
			a.head++ // SQLite removes the oldest row of the frame
			a.dirty = true
			return nil
		}
		a.rows = append(a.rows, [2]float64{y, x})
		if a.dirty {
			return nil
		}
		return a.yc.add(y, x, a.two())
	}
	d, ok := decimalFromValue(v[0])
	if !ok {
		return invalidInput("numeric", v[0])
	}
	sign := int64(1)
	if inverse {
		sign = -1
	}
	switch d.kind {
	case numNaN:
		a.nan += sign
		a.n += sign
		return nil
	case numPosInf:
		a.pinf += sign
		a.n += sign
		return nil
	case numNegInf:
		a.nin += sign
		a.n += sign
		return nil
	}
	if a.scales == nil {
		a.scales = map[int32]int64{}
	}
	a.scales[d.scale] += sign
	a.n += sign
	var sq decimal
	sq.mul(&d, &d)
	if inverse {
		d.neg()
		sq.neg()
	}
	a.sumX.add(&a.sumX, &d)
	a.sumX2.add(&a.sumX2, &sq)
	return nil
}

func (a *statAgg) WindowValue(*sqlite.FunctionContext) (driver.Value, error) {
	if a.fn == "regr_count" {
		return int64(len(a.rows) - a.head), nil
	}
	switch a.mode {
	case statNone:
		return nil, nil
	case statNumeric:
		return a.numericValue()
	}
	if a.dirty {
		a.yc, a.dirty = ycState{}, false
		if a.head > len(a.rows)/2 && a.head > 64 {
			a.rows, a.head = append(a.rows[:0:0], a.rows[a.head:]...), 0
		}
		for _, r := range a.rows[a.head:] {
			if err := a.yc.add(r[0], r[1], a.two()); err != nil {
				return nil, err
			}
		}
	}
	v := a.floatValue()
	if f, ok := v.(float64); ok && math.IsNaN(f) {
		// an infinity among the values makes PostgreSQL's answer NaN
		return nil, errFloatNaN("double precision") // float8nan.go
	}
	return v, nil
}

// floatValue is the float8 final function of a.fn over a.yc.
func (a *statAgg) floatValue() driver.Value {
	s := a.yc
	switch a.fn {
	case "var_pop", "stddev_pop", "covar_pop":
		if s.n < 1 {
			return nil
		}
	case "variance", "var_samp", "stddev", "stddev_samp", "covar_samp":
		if s.n < 2 {
			return nil
		}
	default:
		if s.n < 1 {
			return nil
		}
	}
	switch a.fn {
	case "var_pop":
		return s.sxx / s.n
	case "stddev_pop":
		return math.Sqrt(s.sxx / s.n)
	case "variance", "var_samp":
		return s.sxx / (s.n - 1)
	case "stddev", "stddev_samp":
		return math.Sqrt(s.sxx / (s.n - 1))
	case "covar_pop":
		return s.sxy / s.n
	case "covar_samp":
		return s.sxy / (s.n - 1)
	case "regr_avgx":
		return s.sx / s.n
	case "regr_avgy":
		return s.sy / s.n
	case "regr_sxx":
		return s.sxx
	case "regr_syy":
		return s.syy
	case "regr_sxy":
		return s.sxy
	case "corr":
		if s.sxx == 0 || s.syy == 0 {
			return nil
		}
		return s.sxy / math.Sqrt(s.sxx*s.syy)
	case "regr_r2":
		if s.sxx == 0 {
			return nil
		}
		if s.syy == 0 {
			return 1.0
		}
		return (s.sxy * s.sxy) / (s.sxx * s.syy)
	case "regr_slope":
		if s.sxx == 0 {
			return nil
		}
		return s.sxy / s.sxx
	case "regr_intercept":
		if s.sxx == 0 {
			return nil
		}
		return (s.sy - s.sx*s.sxy/s.sxx) / s.n
	}
	return nil
}

// numericValue is numeric_stddev_internal over the exact sums.
func (a *statAgg) numericValue() (driver.Value, error) {
	sample := a.fn == "stddev" || a.fn == "stddev_samp" || a.fn == "variance" || a.fn == "var_samp"
	if a.n == 0 || sample && a.n <= 1 {
		return nil, nil
	}
	if a.nan+a.pinf+a.nin > 0 {
		return "NaN", nil
	}
	var ds int32
	for s, c := range a.scales {
		if c > 0 && s > ds {
			ds = s
		}
	}
	var sumX, sumX2 decimal
	sumX.coef.Set(&a.sumX.coef)
	sumX.scale = a.sumX.scale
	sumX2.coef.Set(&a.sumX2.coef)
	sumX2.scale = a.sumX2.scale
	sumX.rescale(ds, true) // exact: every value in the frame has scale <= ds
	sumX2.rescale(2*ds, true)
	var n, sq, num decimal
	n.coef.SetInt64(a.n)
	sq.mul(&sumX, &sumX)
	num.mul(&n, &sumX2)
	sq.neg()
	num.add(&num, &sq)
	num.rescale(2*ds, true)
	if num.coef.Sign() <= 0 {
		return "0", nil
	}
	var den decimal
	if sample {
		den.coef.SetInt64(a.n - 1)
		den.mul(&n, &den)
	} else {
		den.mul(&n, &n)
	}
	var q decimal
	if err := q.div(&num, &den); err != nil {
		return nil, err
	}
	if a.fn == "variance" || a.fn == "var_samp" || a.fn == "var_pop" {
		return q.String(), nil
	}
	r := sqrtDecimal(&q, divScale(&num, &den))
	return r.String(), nil
}

// sqrtDecimal is √d (d > 0) rounded half away from zero to scale rs: the
// floor of the root at one more digit, then rounded (the floor's dropped
// digits can never change the rounding).
func sqrtDecimal(d *decimal, rs int32) decimal {
	e := 2*(rs+1) - d.scale
	v := new(big.Int).Set(&d.coef)
	if e >= 0 {
		v.Mul(v, pow10(e))
	} else {
		v.Quo(v, pow10(-e))
	}
	var r decimal
	r.coef.Sqrt(v)
	r.scale = rs + 1
	r.rescale(rs, false)
	return r
}
