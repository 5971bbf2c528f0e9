package pgdialect

// widthbucket.go: width_bucket(operand, low, high, count), the bucket of
// operand in an equal-width histogram of count buckets over [low, high)
// (0 below, count+1 at or above; high < low counts downward), as
// PostgreSQL 15's width_bucket_numeric and width_bucket_float8:
//
//   - numeric (any argument numeric text): exact,
//     floor((operand - low) * count / (high - low)) + 1;
//   - double precision otherwise (integers too, as PostgreSQL resolves
//     width_bucket(5, 0, 10, 4)): count * (operand - low) / (high - low) + 1
//     in float8, truncated to int4 as C's conversion does (a NaN or
//     out-of-range quotient is -2147483648 on the x86-64 PostgreSQL that
//     recorded the corpus). Each operation is rounded to float64 explicitly
//     so no platform fuses them (Go may use FMA on arm64): every node
//     computes the same bucket.
//
// Errors: 2201G for count <= 0, equal bounds, a NaN argument and infinite
// bounds; 22003 when count+1 overflows int4. width_bucket(operand,
// thresholds) is refused (0A000, widthBucketArray): its thresholds compare
// by their element type, which a value alone does not tell ('{10,9}' is
// sorted as text[], not as int4[]).

import (
	"database/sql/driver"
	"math"
	"math/big"
	"strconv"
	"strings"

	sqlite "modernc.org/sqlite"
)

func widthBucketErr(msg string) error { return pgErr("2201G", "%s", msg) }

func fnWidthBucket(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if anyNull(a) {
		return nil, nil
	}
	count, ok := a[3].(int64)
	if !ok {
		s, isText := a[3].(string) // an untyped parameter: the integer argument
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if !isText || err != nil {
			return nil, pgErr("42883", "function width_bucket with a count that is not an integer does not exist")
		}
		count = n
	}
	if count < math.MinInt32 || count > math.MaxInt32 {
		return nil, pgErr("22003", "integer out of range")
	}
	if count <= 0 {
		return nil, widthBucketErr("count must be greater than zero")
	}
	numeric := false
	for _, v := range a[:3] {
		if _, isText := v.(string); isText {
			numeric = true
		}
	}
	var r int64
	if numeric {
		var d [3]decimal
		for i := range d {
			var err error
			if d[i], err = numArg(a[i]); err != nil {
				return nil, err
			}
		}
		var err error
		if r, err = widthBucketNum(&d[0], &d[1], &d[2], count); err != nil {
			return nil, err
		}
	} else {
		var f [3]float64
		for i := range f {
			switch v := a[i].(type) {
			case int64:
				f[i] = float64(v)
			case float64:
				f[i] = v
			default:
				return nil, invalidInput("double precision", v)
			}
		}
		var err error
		if r, err = widthBucketFloat(f[0], f[1], f[2], count); err != nil {
			return nil, err
		}
	}
	if r > math.MaxInt32 {
		return nil, pgErr("22003", "integer out of range")
	}
	return r, nil
}

func widthBucketNum(op, lo, hi *decimal, count int64) (int64, error) {
	if op.kind == numNaN || lo.kind == numNaN || hi.kind == numNaN {
		return 0, widthBucketErr("operand, lower bound, and upper bound cannot be NaN")
	}
	if lo.kind != numFinite || hi.kind != numFinite {
		return 0, widthBucketErr("lower and upper bounds must be finite")
	}
	c := lo.cmp(hi)
	if c == 0 {
		return 0, widthBucketErr("lower bound cannot equal upper bound")
	}
	if c > 0 { // counting downward: mirror everything
		op, lo, hi = negated(op), negated(lo), negated(hi)
	}
	switch {
	case op.cmp(lo) < 0:
		return 0, nil
	case op.cmp(hi) >= 0:
		return count + 1, nil
	}
	// op is finite here (an infinite one is outside the bounds)
	var num, den decimal
	num.add(op, negated(lo))
	den.add(hi, negated(lo))
	x, y, _ := aligned(&num, &den)
	q := new(big.Int).Mul(&x.coef, big.NewInt(count))
	q.Quo(q, &y.coef)
	return q.Int64() + 1, nil
}

// negated is -d (a copy).
func negated(d *decimal) *decimal {
	n := &decimal{kind: d.kind, scale: d.scale}
	n.coef.Neg(&d.coef)
	switch d.kind {
	case numPosInf:
		n.kind = numNegInf
	case numNegInf:
		n.kind = numPosInf
	}
	return n
}

func widthBucketFloat(op, lo, hi float64, count int64) (int64, error) {
	if math.IsNaN(op) || math.IsNaN(lo) || math.IsNaN(hi) {
		return 0, widthBucketErr("operand, lower bound, and upper bound cannot be NaN")
	}
	if math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return 0, widthBucketErr("lower and upper bounds must be finite")
	}
	var q float64
	switch {
	case lo < hi:
		if op < lo {
			return 0, nil
		}
		if op >= hi {
			return count + 1, nil
		}
		q = float64(float64(count)*float64(op-lo)) / float64(hi-lo)
	case lo > hi:
		if op > lo {
			return 0, nil
		}
		if op <= hi {
			return count + 1, nil
		}
		q = float64(float64(count)*float64(lo-op)) / float64(lo-hi)
	default:
		return 0, widthBucketErr("lower bound cannot equal upper bound")
	}
	q = float64(q + 1)
	if math.IsNaN(q) || q <= math.MinInt32-1 || q >= math.MaxInt32+1 {
		return math.MinInt32, nil // x86-64's cvttsd2si: the "integer indefinite" value
	}
	return int64(q), nil
}

// widthBucketArray refuses width_bucket(operand, thresholds) called at i.
func (x *tx) widthBucketArray(i int) error {
	if !strings.EqualFold(x.T(i).text, "width_bucket") || x.isP(i-1, ".") || len(x.splitTop(i+2, x.match(i+1))) != 2 {
		return nil
	}
	return unsupported("width_bucket(operand, thresholds) is not supported: use width_bucket(operand, low, high, count) or count the thresholds <= operand")
}
