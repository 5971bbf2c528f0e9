package pgdialect

// interval_fields.go: how interval input adds up its fields, as
// PostgreSQL 15's DecodeInterval does (datetime.c, the Adjust*
// functions): a field's whole part is added exactly to its own unit, and
// its fraction once to the next smaller unit and rounded there. So
// '1.05 years' is 1 year 1 mon (a fraction of a year is whole months,
// rounded: 0.6 months is 1 month), not 1 year 18 days, and a fraction of
// a microsecond rounds half toward zero ('1.0000005 sec' is 1 second).
// Summing every field as a float of microseconds and rounding at the end
// gave those a different answer.

import (
	"math"
	"math/bits"
)

// intervalSum is an interval being read: months, days, microseconds;
// overflow once a product or sum left int64 (PostgreSQL's
// pg_mul_s64_overflow / pg_add_s64_overflow checks).
type intervalSum struct {
	months, days, us int64
	overflow         bool
}

// mulAdd is *dst += val * scale, noting an overflow.
func (s *intervalSum) mulAdd(dst *int64, val, scale int64) {
	hi, lo := bits.Mul64(uint64(max(val, -val)), uint64(scale))
	p := int64(lo)
	if hi != 0 || p < 0 || val == math.MinInt64 {
		s.overflow = true
		return
	}
	if val < 0 {
		p = -p
	}
	sum := *dst + p
	if (p > 0 && sum < *dst) || (p < 0 && sum > *dst) {
		s.overflow = true
		return
	}
	*dst = sum
}

// fractUS is AdjustFractMicroseconds: frac units of scale microseconds,
// the fraction of a microsecond rounded with .5 toward zero.
func (s *intervalSum) fractUS(frac float64, scale int64) {
	if frac == 0 {
		return
	}
	frac *= float64(scale)
	us := int64(frac)
	frac -= float64(us)
	if frac > 0.5 {
		us++
	} else if frac < -0.5 {
		us--
	}
	s.mulAdd(&s.us, us, 1)
}

// fractDays is AdjustFractDays: frac units of scale days, whole days
// first, the rest in microseconds.
func (s *intervalSum) fractDays(frac float64, scale int64) {
	if frac == 0 {
		return
	}
	frac *= float64(scale)
	d := int64(frac)
	s.mulAdd(&s.days, d, 1)
	s.fractUS(frac-float64(d), usPerDay)
}

// fractYears is AdjustFractYears: a fraction of scale years is whole
// months, rounded (rint: half to even).
func (s *intervalSum) fractYears(frac float64, scale int64) {
	s.mulAdd(&s.months, int64(math.RoundToEven(frac*float64(scale)*12)), 1)
}

// add adds val and fraction fval of unit (an intervalUnit name); false
// for an unknown unit.
func (s *intervalSum) add(unit string, val int64, fval float64) bool {
	switch unit {
	case "microsecond", "millisecond", "second", "minute", "hour":
		scale := map[string]int64{"microsecond": 1, "millisecond": 1000, "second": usPerSec, "minute": usPerMin, "hour": usPerHour}[unit]
		s.fractUS(fval, scale)
		s.mulAdd(&s.us, val, scale)
	case "day":
		s.mulAdd(&s.days, val, 1)
		s.fractUS(fval, usPerDay)
	case "week":
		s.mulAdd(&s.days, val, 7)
		s.fractDays(fval, 7)
	case "month":
		s.mulAdd(&s.months, val, 1)
		s.fractDays(fval, 30)
	case "year", "decade", "century", "millennium":
		scale := map[string]int64{"year": 1, "decade": 10, "century": 100, "millennium": 1000}[unit]
		s.mulAdd(&s.months, val, scale*12)
		s.fractYears(fval, scale)
	default:
		return false
	}
	return true
}

// interval is the sum; ok=false when months or days leave PostgreSQL's
// 32-bit fields.
func (s *intervalSum) interval() (interval, bool) {
	if s.overflow || s.months > math.MaxInt32 || s.months < math.MinInt32 || s.days > math.MaxInt32 || s.days < math.MinInt32 {
		return interval{}, false
	}
	return interval{months: s.months, days: s.days, us: s.us}, true
}
