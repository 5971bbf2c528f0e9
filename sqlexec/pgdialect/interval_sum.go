package pgdialect

// interval_sum.go: sum() and avg() over intervals, and interval * or /
// a number where the statement does not show the interval's type (an
// interval column: iv * 2), as PostgreSQL's
// interval_pl accumulation and interval_avg (the sum divided by the
// count as interval_div divides). numSum (numeric_funcs.go) is the one
// sum/avg aggregate registered with the driver: SQLite has no types, so
// it tells an interval column's values ('1 day', '-1 days +02:00:00')
// from numbers by their text: a first value that is no number but an
// interval's text makes the whole sum an interval sum. A number after an
// interval (which PostgreSQL's types would never mix) is 22P02, as any
// text that is no interval.

import (
	"fmt"
	"math"
	"strconv"
)

// stepInterval adds (sign 1) or removes (sign -1, a window frame
// moving on) the text v when the sum is an interval sum or v starts one;
// done is false when v is for the numeric sum.
func (s *numSum) stepInterval(v string, sign int) (done bool, err error) {
	if !s.ivs {
		if s.mode != sumInt || s.i != 0 || s.n != 1 || s.hasSmall {
			return false, nil // numbers came first
		}
		if _, ok := parseDecimal(v); ok {
			return false, nil
		}
		if _, err := parseInterval(v); err != nil {
			return false, nil // the numeric sum reports it
		}
		s.ivs = true
	}
	iv, err := parseInterval(v)
	if err != nil {
		return true, err
	}
	if sign < 0 {
		iv = iv.neg()
	}
	sum, ok := addIntervalChecked(s.iv, iv)
	if !ok {
		return true, pgErr("22008", "interval out of range")
	}
	s.iv = sum
	return true, nil
}

// stepMore adds or removes a value of an interval sum.
func (s *numSum) stepMore(v any, sign int) error {
	t, ok := v.(string)
	if !ok {
		return pgErr("22P02", fmt.Sprintf("invalid input syntax for type interval: \"%v\"", v))
	}
	_, err := s.stepInterval(t, sign)
	return err
}

// addIntervalChecked is interval_pl: months and days within int32, the
// time within int64, else false (22008 interval out of range).
func addIntervalChecked(a, b interval) (interval, bool) {
	r := a.add(b)
	if r.months > math.MaxInt32 || r.months < math.MinInt32 || r.days > math.MaxInt32 || r.days < math.MinInt32 ||
		(b.us > 0 && r.us < a.us) || (b.us < 0 && r.us > a.us) {
		return interval{}, false
	}
	return r, true
}

// intervalValue is the interval sum, or for avg the sum divided by the
// count (interval_div).
func (s *numSum) intervalValue() (any, error) {
	if !s.avg {
		return s.iv.String(), nil
	}
	q, ok := s.iv.div(float64(s.n))
	if !ok {
		return nil, pgErr("22015", "interval out of range")
	}
	return q.String(), nil
}

// intervalArith is interval * number, number * interval or interval /
// number (dtMul, as interval_mul and interval_div) for the checked
// arithmetic of operands of unknown type (arith_funcs.go: an interval
// column times a number) whose numeric reading failed: ok when an operand
// is an interval's text and the other a number.
func intervalArith(op byte, a, b any) (v any, ok bool, err error) {
	num := func(v any) (dtOperand, bool) {
		switch n := v.(type) {
		case int64:
			return dtOperand{typ: "int", n: float64(n)}, true
		case float64:
			return dtOperand{typ: "float", n: n}, true
		case string:
			if d, ok := parseDecimal(n); ok {
				if f, err := strconv.ParseFloat(d.String(), 64); err == nil {
					return dtOperand{typ: "float", n: f}, true
				}
			}
		}
		return dtOperand{}, false
	}
	ivOf := func(v any) (dtOperand, bool) {
		s, ok := v.(string)
		if !ok {
			return dtOperand{}, false
		}
		iv, err := parseInterval(s)
		return dtOperand{typ: "interval", iv: iv}, err == nil
	}
	if iv, ok := ivOf(a); ok {
		if n, ok := num(b); ok {
			v, err := dtMul(iv, n, op == '/')
			return v, true, err
		}
	}
	if op == '*' {
		if iv, ok := ivOf(b); ok {
			if n, ok := num(a); ok {
				v, err := dtMul(iv, n, false)
				return v, true, err
			}
		}
	}
	return nil, false, nil
}
