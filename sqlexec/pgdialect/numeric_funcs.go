package pgdialect

// SQL functions, aggregates and the collation that make numeric exact.
//
//	pg_in_numeric(v, typmod)  canonical stored text of v as numeric(typmod) (22P02, 22003)
//	COLLATE pg_numeric        orders and compares stored numerics by value
//	sum(x), avg(x)            exact over numeric text; avg of integers numeric
//	round(x[, s]) trunc(x[, s]) ceil(x) ceiling(x) floor(x) abs(x)
//	                          exact on numeric text (half away from zero)
//
// sum/avg/round/... replace SQLite's built-ins on every connection: a
// numeric is stored as text (numeric.go), which the built-ins would turn
// into a binary float. Integer and float arguments keep their SQLite
// result types, so only numeric results change. All are deterministic.

import (
	"database/sql/driver"
	"fmt"
	"math"
	"math/big"
	"strings"

	sqlite "modernc.org/sqlite"
)

// NumericCollation is the collation of numeric columns (CREATE TABLE adds
// it): stored numerics compare by value, so 1.5 = 1.50, 9 < 10, and
// `WHERE bal = 0.33` (the literal takes the column's text affinity) finds
// the row, also through an index.
const NumericCollation = "pg_numeric"

func registerNumericFuncs() error {
	scalars := map[string]struct {
		n int32
		f fn
	}{
		"pg_in_numeric": {2, fnInNumeric},
		setOpValueFunc:  {-1, fnSetOpValue}, // setoptypes.go
		setOpTypeFunc:   {-1, fnSetOpType},
		"round":         {-1, numRound(false)},
		"trunc":         {-1, numRound(true)},
		"ceil":          {1, numCeilFloor(true)},
		"ceiling":       {1, numCeilFloor(true)},
		"floor":         {1, numCeilFloor(false)},
		"sign":          {1, fnSign},
		"abs":           {-1, fnNumAbs}, // abs(x) and abs(x, 'int4'): arith_columns.go
		// numeric_math.go
		"pg_numsign": {1, numUnary(numSign)},
		"pg_numsqrt": {1, numUnary(numSqrt)},
		"pg_numexp":  {1, numUnary(numExp)},
		"pg_numln":   {1, numUnary(numLn)},
		"pg_numlog":  {2, numBinary(numLog)},
		// numeric_scale.go
		"scale":      {1, numScaleFn(false)},
		"min_scale":  {1, numScaleFn(true)},
		"trim_scale": {1, numUnary(numTrimScale)},
		// numeric_intfuncs.go (pg_gcd/pg_lcm: with the arguments' type)
		"gcd":       {2, gcdLcm(false)},
		"lcm":       {2, gcdLcm(true)},
		"pg_gcd":    {3, gcdLcm(false)},
		"pg_lcm":    {3, gcdLcm(true)},
		"factorial": {1, fnFactorial},
		"div":       {2, numBinary(numDivTrunc)},
		// widthbucket.go
		"width_bucket": {4, fnWidthBucket},
		"to_number":    {2, fnToNumber}, // tonumber.go
	}
	for name, d := range scalars {
		if err := sqlite.RegisterDeterministicScalarFunction(name, d.n, d.f); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
		deterministic[name] = true
	}
	aggs := map[string]func() sqlite.AggregateFunction{
		"sum": func() sqlite.AggregateFunction { return &numSum{} },
		"avg": func() sqlite.AggregateFunction { return &numSum{avg: true} },
	}
	for name, mk := range aggs {
		mk := mk
		// Step parses its argument and never keeps it: VolatileArgs
		// saves a copy of every text value.
		impl := &sqlite.FunctionImpl{NArgs: 1, Deterministic: true, VolatileArgs: true,
			MakeAggregate: func(sqlite.FunctionContext) (sqlite.AggregateFunction, error) { return mk(), nil }}
		if err := sqlite.RegisterFunction(name, impl); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register %s: %w", name, err)
		}
		deterministic[name] = true
	}
	if err := registerSumDistinct(); err != nil { // sum_distinct.go
		return err
	}
	if err := registerNumericMinMax(); err != nil { // numeric_minmax.go
		return err
	}
	if err := registerSumFloat4(); err != nil { // sum_float4.go
		return err
	}
	if err := sqlite.RegisterCollationUtf8(NumericCollation, compareNumericText); err != nil && !strings.Contains(err.Error(), "already registered") {
		return fmt.Errorf("pgdialect: register collation %s: %w", NumericCollation, err)
	}
	return nil
}

// numericInput converts v to numeric(typmod) (typmod -1 or NULL: none).
func numericInput(v driver.Value, typmod int64) (decimal, error) {
	d, ok := decimalFromValue(v)
	if !ok {
		return d, numericInputError(v)
	}
	return d, d.applyTypmod(typmod)
}

// fnInNumeric is pg_in_numeric(value, typmod): the canonical stored text.
func fnInNumeric(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil {
		return nil, nil
	}
	tm := int64(-1)
	if n, ok := a[1].(int64); ok {
		tm = n
	}
	d, err := numericInput(a[0], tm)
	if err != nil {
		return nil, err
	}
	return d.String(), nil
}

// numArg reads a numeric operand of a function over text (a stored
// numeric); other text is 22P02, as PostgreSQL's implicit cast would be.
func numArg(v driver.Value) (decimal, error) {
	d, ok := decimalFromValue(v)
	if !ok {
		return d, numericInputError(v)
	}
	return d, nil
}

func numRound(truncate bool) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		if len(a) < 1 || len(a) > 2 {
			return nil, pgErr("42883", "function round/trunc takes 1 or 2 arguments")
		}
		s := int64(0)
		if len(a) == 2 {
			if a[1] == nil {
				return nil, nil
			}
			n, ok := toInt(a[1])
			if !ok {
				return nil, invalidInput("integer", a[1])
			}
			s = max(min(n, maxNumericScale), -maxNumericScale)
		}
		switch v := a[0].(type) {
		case nil:
			return nil, nil
		case int64:
			if len(a) == 1 {
				return float64(v), nil // round(int), trunc(int): float8's, as ceil
			}
		case float64:
			if len(a) == 1 && truncate {
				// trunc(float8) is C's trunc in PostgreSQL: the sign of
				// a zero kept (trunc(-0.5) is -0), every digit of a large
				// value kept (a trip through decimal text keeps 15)
				return math.Trunc(v), nil
			}
			if len(a) == 1 && math.Abs(v) < 1<<52 {
				// a decimal literal SQLite read as REAL rounds half away
				// from zero, as numeric (a float8 the statement shows is
				// pg_round_typed: float8round.go)
				d, _ := decimalFromValue(v)
				d.rescale(0, false)
				return d.float(), nil
			}
		}
		d, err := numArg(a[0])
		if err != nil && truncate && len(a) == 1 && isMac(a[0]) {
			return fnMacTrunc(nil, a) // trunc(macaddr) of a column (inet_translate.go)
		}
		if err != nil {
			return nil, err
		}
		d.rescale(int32(s), truncate)
		if _, isFloat := a[0].(float64); isFloat {
			return d.float(), nil
		}
		return d.String(), nil
	}
}

// fnSign is sign(x): of an integer or a float8 the float8 one (PostgreSQL
// has sign of numeric and of float8: an integer takes float8's, so
// avg(sign(i)) is float8's 0.5), of numeric text numeric's (numeric_math.go).
func fnSign(c *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	switch v := a[0].(type) {
	case int64:
		return float64(min(max(v, -1), 1)), nil
	case float64:
		switch { // NaN is neither: 0, as C's comparisons in PostgreSQL's dsign
		case v > 0:
			return 1.0, nil
		case v < 0:
			return -1.0, nil
		}
		return 0.0, nil
	}
	return numUnary(numSign)(c, a)
}

func numCeilFloor(ceil bool) fn {
	return func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		switch v := a[0].(type) {
		case nil:
			return nil, nil
		case int64:
			// PostgreSQL has ceil and floor of numeric and of float8 only:
			// an integer takes the float8 one (its preferred numeric
			// type), so ceil(i) / 2 divides as float8
			return float64(v), nil
		case float64:
			if ceil {
				return math.Ceil(v), nil
			}
			return math.Floor(v), nil
		}
		d, err := numArg(a[0])
		if err != nil || d.kind != numFinite {
			return d.String(), err
		}
		neg := d.coef.Sign() < 0
		// fresh big.Ints: a struct copy of d would share coef's words, and
		// rescaling the copy would change d (ceil(100.00) was 101)
		t := decimal{kind: d.kind, scale: d.scale}
		t.coef.Set(&d.coef)
		t.rescale(0, true)
		// truncation went toward zero; step away when it dropped a fraction
		back := decimal{kind: t.kind, scale: t.scale}
		back.coef.Set(&t.coef)
		back.rescale(d.scale, true)
		if back.cmp(&d) != 0 {
			if ceil && !neg {
				t.coef.Add(&t.coef, bigOne)
			} else if !ceil && neg {
				t.coef.Sub(&t.coef, bigOne)
			}
		}
		return t.String(), nil
	}
}

func fnNumAbs(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if len(a) != 1 && len(a) != 2 {
		return nil, pgErr("42883", "function abs with %d arguments does not exist", len(a))
	}
	switch v := a[0].(type) {
	case nil:
		return nil, nil
	case int64:
		if len(a) > 1 { // abs(x, 'int4'): x's integer type (arith_columns.go)
			if rng, ok := intTypes[str(a[1])]; ok && v == rng.lo {
				return nil, pgErr("22003", "%s", rng.msg)
			}
		}
		if v == math.MinInt64 {
			return nil, pgErr("22003", "bigint out of range")
		}
		if v < 0 {
			return -v, nil
		}
		return v, nil
	case float64:
		return math.Abs(v), nil
	}
	d, err := numArg(a[0])
	if err != nil {
		return nil, err
	}
	switch d.kind {
	case numNegInf:
		d.kind = numPosInf
	case numFinite:
		d.coef.Abs(&d.coef)
	}
	return d.String(), nil
}

// numSum is sum() and avg(). Integers sum as int64 (past int64 they go
// on exactly as numeric, as PostgreSQL's sum(int8) does), any float makes
// a float8 sum (plain addition, as PostgreSQL), any text makes an exact
// numeric sum, intervals an interval sum (interval_sum.go). avg of numeric and of integers divides at PostgreSQL's
// division scale (a numeric, as PostgreSQL's); avg of floats is a float.
type numSum struct {
	avg  bool
	n    int64
	mode uint8 // 0 int, 1 float, 2 decimal
	i    int64
	f    float64 // the finite doubles' sum
	// posInf, negInf count the infinite doubles in the frame, kept out
	// of f so a window's frame can drop one again (Infinity - Infinity
	// would make f NaN for good); floatSum combines them
	posInf, negInf int64
	// decNaN, decPosInf, decNegInf count the numeric NaNs and infinities
	// in the frame, kept out of d as PostgreSQL's numeric aggregate
	// state counts them (NaNcount, pInfcount, nInfcount), so that a
	// window's frame can drop one again: a moving sum stayed NaN after
	// the NaN had left the frame (window.sql)
	decNaN, decPosInf, decNegInf int64
	d                            decimal
	dinit                        bool
	// small is a fast int64 part of the decimal sum at scale sscale
	// (addSmall); the value is d + small×10^-sscale
	small    int64
	sscale   int32
	hasSmall bool
	// ivs: the values are intervals (interval_sum.go), summed in iv
	ivs bool
	iv  interval
	// money: the values are money (money.go), summed in cents
	money bool
	cents int64
	// scales counts the numeric values by display scale (noteScale);
	// dropped: a window's frame has dropped a value (WindowInverse).
	// The result's scale is then the largest of the values in the
	// frame, as PostgreSQL's (it restarts the sum when the last value of
	// the largest scale leaves); the exact sum keeps the largest added.
	scales  [32]int64
	scalesX map[int32]int64 // scales of 32 and more
	dropped bool
	// fvals: the float8 values in the frame's row order from fhead on
	// (float mode; infinities counted apart too); ffirm: every value of
	// the frame is in fvals (none came before float mode). After a row
	// left the frame (dropped) the sum is recomputed from them in order,
	// as PostgreSQL restarts a float8 sum: a running sum that added 1e300
	// and took it away again had lost the small values beside it.
	fvals []float64
	fhead int
	ffirm bool
}

const (
	sumInt = iota
	sumFloat
	sumDec
)

var bigOne = big.NewInt(1)

func (s *numSum) toDec() {
	if s.dinit {
		return
	}
	s.dinit = true
	if s.mode == sumFloat {
		s.d, _ = decimalFromValue(s.floatTotal())
	} else {
		s.d.coef.SetInt64(s.i)
	}
	s.mode = sumDec
}

func (s *numSum) step(v driver.Value, sign int) error {
	if v == nil {
		return nil
	}
	s.n += int64(sign)
	if s.ivs {
		return s.stepMore(v, sign) // interval_sum.go
	}
	if s.money {
		return s.stepMoneyMore(v, sign) // money.go
	}
	if sv, ok := v.(string); ok {
		s.noteScale(sv, sign)
	}
	switch v := v.(type) {
	case int64:
		switch s.mode {
		case sumInt:
			if sign < 0 && v == math.MinInt64 {
				s.toDec()
				break
			}
			w := int64(sign) * v
			r := s.i + w
			if (w > 0 && r < s.i) || (w < 0 && r > s.i) {
				s.toDec()
				break
			}
			s.i = r
			return nil
		case sumFloat:
			s.noteFloat(float64(v), sign)
			s.f += float64(sign) * float64(v)
			return nil
		}
	case float64:
		switch s.mode {
		case sumInt:
			s.mode, s.f = sumFloat, float64(s.i)
			s.ffirm = s.n == 1
			if s.i == 0 && !s.avg {
				// -0, float8 addition's identity: the sum of -0 alone is
				// -0, as PostgreSQL's (its first value is the state;
				// avg's float8_accum starts from 0)
				s.f = math.Copysign(0, -1)
			}
			fallthrough
		case sumFloat:
			if s.avg && sign > 0 && !math.IsInf(v, 0) && math.IsInf(v*v, 0) {
				// avg(float8) is float8_accum's, which sums the squares
				// too: |x| past 1.3e154 overflows them
				return pgErr("22003", "value out of range: overflow")
			}
			s.noteFloat(v, sign)
			switch {
			case math.IsInf(v, 1):
				s.posInf += int64(sign)
			case math.IsInf(v, -1):
				s.negInf += int64(sign)
			default:
				s.f += float64(sign) * v
			}
			return nil
		}
	case string:
		if s.mode == sumDec && s.addSmall(v, sign) {
			return nil
		}
		if done, err := s.stepMoney(v, sign); done { // money.go
			return err
		}
		if done, err := s.stepInterval(v, sign); done { // interval_sum.go
			return err
		}
		s.toDec()
	default:
		s.toDec()
	}
	s.flushSmall()
	d, err := numArg(v)
	if err != nil {
		return err
	}
	switch d.kind {
	case numNaN:
		s.decNaN += int64(sign)
		return nil
	case numPosInf:
		s.decPosInf += int64(sign)
		return nil
	case numNegInf:
		s.decNegInf += int64(sign)
		return nil
	}
	if sign < 0 {
		d.coef.Neg(&d.coef)
	}
	s.d.add(&s.d, &d)
	return nil
}

// decSpecial is the numeric sum's (and avg's) text when the frame holds
// a NaN or an infinity: NaN for a NaN or both infinities, else the
// infinity; "" when it holds none.
func (s *numSum) decSpecial() string {
	switch {
	case s.decNaN > 0 || s.decPosInf > 0 && s.decNegInf > 0:
		return "NaN"
	case s.decPosInf > 0:
		return "Infinity"
	case s.decNegInf > 0:
		return "-Infinity"
	}
	return ""
}

// noteFloat records float8 value v entering (sign 1) or the oldest one
// leaving (-1) the frame (fvals).
func (s *numSum) noteFloat(v float64, sign int) {
	if sign < 0 {
		s.dropped = true
		s.fhead++ // SQLite removes the oldest row of the frame
		return
	}
	s.fvals = append(s.fvals, v)
}

// frameFloat recomputes the float8 sum of a frame that has dropped values
// from its values in row order, as PostgreSQL's restarted sum adds them.
func (s *numSum) frameFloat() {
	if !s.dropped || !s.ffirm || s.fhead > len(s.fvals) {
		return
	}
	f := 0.0
	if !s.avg {
		f = math.Copysign(0, -1) // as step starts it
	}
	for _, v := range s.fvals[s.fhead:] {
		if !math.IsInf(v, 0) {
			f += v
		}
	}
	s.f = f
}

// noteScale counts numeric text v in (sign 1) or out of (-1) the
// frame's values by its display scale (NaN, Infinity: 0).
func (s *numSum) noteScale(v string, sign int) {
	if sign < 0 {
		s.dropped = true
	}
	scale := 0
	if p := strings.IndexByte(v, '.'); p >= 0 {
		scale = len(v) - p - 1
	}
	if scale < len(s.scales) {
		s.scales[scale] += int64(sign)
		return
	}
	if s.scalesX == nil {
		s.scalesX = map[int32]int64{}
	}
	s.scalesX[int32(scale)] += int64(sign)
}

// frameScale sets the decimal sum of a frame that has dropped values to
// the display scale of the values in it (noteScale), exactly: every
// value in it is of that scale or a smaller one.
func (s *numSum) frameScale() {
	if !s.dropped || s.d.kind != numFinite {
		return
	}
	m := int32(0)
	for sc, k := range s.scalesX {
		if k > 0 && sc > m {
			m = sc
		}
	}
	for sc := len(s.scales) - 1; m == 0 && sc > 0; sc-- {
		if s.scales[sc] > 0 {
			m = int32(sc)
		}
	}
	if s.d.scale > m {
		s.d.coef.Quo(&s.d.coef, pow10(s.d.scale-m))
		s.d.scale = m
	}
}

// addSmall adds a plain decimal text of up to 18 digits to the int64
// fixed-point accumulator (small at scale sscale) without allocating: the
// common case of a stored numeric. It reports false when the value does
// not fit; the caller then takes the exact big path.
func (s *numSum) addSmall(v string, sign int) bool {
	neg, ip, fp, ok := plainDecimal(v)
	if !ok || len(ip)+len(fp) > 18 {
		return false
	}
	// the stored scale, trailing zeros included, is the display scale
	scale := int32(0)
	if p := strings.IndexByte(v, '.'); p >= 0 {
		scale = int32(len(v) - p - 1)
	}
	if len(ip)+int(scale) > 18 {
		return false
	}
	var c int64
	for i := 0; i < len(ip); i++ {
		c = c*10 + int64(ip[i]-'0')
	}
	for i := 0; i < len(fp); i++ {
		c = c*10 + int64(fp[i]-'0')
	}
	for k := int32(len(fp)); k < scale; k++ {
		c *= 10
	}
	if neg != (sign < 0) {
		c = -c
	}
	if scale > s.sscale {
		for ; s.sscale < scale; s.sscale++ {
			if s.small > math.MaxInt64/10 || s.small < math.MinInt64/10 {
				return false
			}
			s.small *= 10
		}
	}
	for k := scale; k < s.sscale; k++ {
		if c > math.MaxInt64/10 || c < math.MinInt64/10 {
			return false
		}
		c *= 10
	}
	r := s.small + c
	if (c > 0 && r < s.small) || (c < 0 && r > s.small) {
		return false
	}
	s.small = r
	s.hasSmall = true
	return true
}

// flushSmall moves the fixed-point accumulator into the exact sum.
func (s *numSum) flushSmall() {
	if !s.hasSmall {
		return
	}
	var d decimal
	d.coef.SetInt64(s.small)
	d.scale = s.sscale
	s.d.add(&s.d, &d)
	s.small, s.sscale, s.hasSmall = 0, 0, false
}

func (s *numSum) Step(_ *sqlite.FunctionContext, a []driver.Value) error { return s.step(a[0], 1) }

func (s *numSum) WindowInverse(_ *sqlite.FunctionContext, a []driver.Value) error {
	return s.step(a[0], -1)
}

func (s *numSum) WindowValue(_ *sqlite.FunctionContext) (driver.Value, error) {
	if s.n == 0 {
		return nil, nil
	}
	if s.ivs {
		return s.intervalValue()
	}
	if s.money {
		return formatMoney(s.cents), nil // money.go
	}
	switch s.mode {
	case sumInt:
		if s.avg {
			// numeric, as PostgreSQL's avg of integers: the exact sum
			// divided at numeric's division scale (1.5000000000000000)
			var sum, q, cnt decimal
			sum.coef.SetInt64(s.i)
			cnt.coef.SetInt64(s.n)
			if err := q.div(&sum, &cnt); err != nil {
				return nil, err
			}
			return q.String(), nil
		}
		return s.i, nil
	case sumFloat:
		s.frameFloat()
		f, err := s.floatSum()
		if err != nil {
			return nil, err
		}
		if s.avg {
			return f / float64(s.n), nil
		}
		return f, nil
	}
	s.flushSmall()
	s.frameScale()
	if sp := s.decSpecial(); sp != "" {
		return sp, nil
	}
	if !s.avg {
		return s.d.String(), nil
	}
	var q, cnt decimal
	cnt.coef.SetInt64(s.n)
	if err := q.div(&s.d, &cnt); err != nil {
		return nil, err
	}
	return q.String(), nil
}

func (s *numSum) Final(*sqlite.FunctionContext) {}

// floatTotal is the doubles' sum: NaN when both infinities are in it.
func (s *numSum) floatTotal() float64 {
	switch {
	case s.posInf > 0 && s.negInf > 0:
		return math.NaN()
	case s.posInf > 0:
		return math.Inf(1)
	case s.negInf > 0:
		return math.Inf(-1)
	}
	return s.f
}

// floatSum is sum(float8) as PostgreSQL's float8pl adds (float8_accum for
// avg): 22003 when finite values overflow, and a NaN (Infinity plus
// -Infinity) refused (float8nan.go) where SQLite would answer NULL.
func (s *numSum) floatSum() (float64, error) {
	if math.IsInf(s.f, 0) {
		return 0, pgErr("22003", "value out of range: overflow")
	}
	f := s.floatTotal()
	if math.IsNaN(f) {
		return 0, errFloatNaN("double precision")
	}
	return f, nil
}

// compareNumericText is the pg_numeric collation: by numeric value; text
// that is not a number sorts after every number: first the intervals by
// value as pg_interval orders them (an arithmetic expression over columns
// carries this collation, and timestamp - timestamp is an interval:
// ORDER BY b - a), then other text bytewise (a total order, as an index
// needs).
func compareNumericText(a, b string) int {
	if a == b {
		return 0
	}
	if c, ok := quickCompareDecimal(a, b); ok {
		return c
	}
	if c, ok := compareInfiniteDate(a, b); ok {
		return c
	}
	da, oka := parseDecimal(a)
	db, okb := parseDecimal(b)
	switch {
	case oka && okb:
		if c := da.cmp(&db); c != 0 {
			return sign(c)
		}
		return 0
	case oka:
		return -1
	case okb:
		return 1
	}
	if isMoney(a) && isMoney(b) {
		return compareMoneyText(a, b) // money.go: money arithmetic carries this collation
	}
	return compareIntervalText(a, b) // interval_order.go
}

// compareInfiniteDate orders a date's or timestamp's 'infinity' and
// '-infinity' (lower case, as PostgreSQL prints them; numeric's are
// 'Infinity') around the finite dates and timestamps, when the other text
// is one: a date/time value of a type known only at run time carries this
// collation (ts - iv: datetime_columns.go), which would otherwise read
// them as numeric infinities, before every date's text.
func compareInfiniteDate(a, b string) (int, bool) {
	inf := func(s string) int {
		switch s {
		case "infinity":
			return 1
		case "-infinity":
			return -1
		}
		return 0
	}
	switch ia, ib := inf(a), inf(b); {
	case ia != 0 && datePrefix(b):
		return ia, true
	case ib != 0 && datePrefix(a):
		return -ib, true
	}
	return 0, false
}

func sign(c int) int {
	switch {
	case c < 0:
		return -1
	case c > 0:
		return 1
	}
	return 0
}

// plainDecimal splits the canonical form [-]digits[.digits] without
// allocating; ok=false for anything else (exponents, NaN, spaces ...).
func plainDecimal(s string) (neg bool, intPart, frac string, ok bool) {
	if s != "" && s[0] == '-' {
		neg, s = true, s[1:]
	}
	p := strings.IndexByte(s, '.')
	intPart, frac = s, ""
	if p >= 0 {
		intPart, frac = s[:p], s[p+1:]
	}
	if intPart == "" {
		return false, "", "", false
	}
	for i := 0; i < len(intPart); i++ {
		if intPart[i] < '0' || intPart[i] > '9' {
			return false, "", "", false
		}
	}
	for i := 0; i < len(frac); i++ {
		if frac[i] < '0' || frac[i] > '9' {
			return false, "", "", false
		}
	}
	intPart = strings.TrimLeft(intPart, "0")
	frac = strings.TrimRight(frac, "0")
	if intPart == "" && frac == "" {
		neg = false // -0 = 0
	}
	return neg, intPart, frac, true
}

// quickCompareDecimal compares two plain decimals digit by digit.
func quickCompareDecimal(a, b string) (int, bool) {
	na, ia, fa, oka := plainDecimal(a)
	nb, ib, fb, okb := plainDecimal(b)
	if !oka || !okb {
		return 0, false
	}
	if na != nb {
		if na {
			return -1, true
		}
		return 1, true
	}
	c := 0
	switch {
	case len(ia) != len(ib):
		c = sign(len(ia) - len(ib))
	case ia != ib:
		c = strings.Compare(ia, ib)
	default:
		c = strings.Compare(fa, fb) // trailing zeros trimmed: prefix order is value order
	}
	if na {
		c = -c
	}
	return c, true
}
