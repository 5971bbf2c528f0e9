package pgdialect

// PostgreSQL's numeric as an exact decimal.
//
// A numeric value is coef × 10^-scale (coef a big.Int, scale >= 0, the
// display scale PostgreSQL keeps: 1.50 has scale 2), or NaN, +Infinity,
// -Infinity. Everything here is a pure function of its inputs (no floats
// on the exact path, no locale), so every node computes the same digits.
//
// The canonical stored form (pg_in_numeric) is the text PostgreSQL prints:
// optional '-', integer digits (at least one), and exactly `scale`
// fraction digits ("0.30", "-12", "NaN", "Infinity", "-Infinity"); never
// an exponent, a '+', or "-0". Stored text compares through the pg_numeric
// collation (numeric_funcs.go), which orders by value.

import (
	"database/sql/driver"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

type numKind uint8

const (
	numFinite numKind = iota
	numNaN
	numPosInf
	numNegInf
)

// maxNumericScale bounds the display scale (PostgreSQL's
// NUMERIC_MAX_DISPLAY_SCALE): of results, and of input, so no input makes
// a node compute at a scale it cannot keep (see parseDecimalCode).
const (
	maxNumericScale    = 1000
	numericMinSigDigit = 16 // NUMERIC_MIN_SIG_DIGITS: digits of a quotient
)

// PostgreSQL 15's numeric input limits: an exponent past ±(INT_MAX/2)
// (set_var_from_str), more than 131072 digits before the point
// (numericMaxWeightDigits) or a scale past NUMERIC_DSCALE_MAX
// (make_result) is 22003 "value overflows numeric format". They bound
// what one input makes a node allocate (131072 digits, about 54 KB).
const (
	numericMaxInputExponent = math.MaxInt32 / 2
	numericMaxDscale        = 16383
)

type decimal struct {
	kind  numKind
	coef  big.Int // signed
	scale int32
}

var bigTen = big.NewInt(10)

func pow10(n int32) *big.Int {
	return new(big.Int).Exp(bigTen, big.NewInt(int64(n)), nil)
}

// parseDecimal parses PostgreSQL's numeric input syntax (parseDecimalCode);
// ok=false for any text it refuses.
func parseDecimal(s string) (d decimal, ok bool) {
	d, code := parseDecimalCode(s)
	return d, code == ""
}

// parseDecimalCode parses PostgreSQL's numeric input syntax: surrounding
// spaces, a sign, digits with an optional point, an optional exponent;
// NaN and [+-]Infinity/inf case-insensitively. code is "" when it reads,
// else the SQLSTATE of the refusal: 22P02 for bad syntax, 22003 past
// PostgreSQL's limits, 0A000 for a scale past maxNumericScale that
// PostgreSQL would keep (up to 16383 digits after the point) and this
// implementation does not (its results stop at 1000 digits; a value it
// could not compute with exactly is refused, not rounded).
func parseDecimalCode(s string) (d decimal, code string) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "nan":
		d.kind = numNaN
		return d, ""
	case "infinity", "+infinity", "inf", "+inf":
		d.kind = numPosInf
		return d, ""
	case "-infinity", "-inf":
		d.kind = numNegInf
		return d, ""
	}
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	var digits strings.Builder
	frac := int64(0)
	seenPoint, seenDigit := false, false
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits.WriteByte(c)
			seenDigit = true
			if seenPoint {
				frac++
			}
		case c == '.' && !seenPoint:
			seenPoint = true
		default:
			goto exp
		}
	}
exp:
	if !seenDigit {
		return d, "22P02"
	}
	e := int64(0)
	if i < len(s) {
		if s[i] != 'e' && s[i] != 'E' || !isExponentDigits(s[i+1:]) {
			return d, "22P02"
		}
		n, err := strconv.ParseInt(s[i+1:], 10, 64)
		if err != nil || n >= numericMaxInputExponent || n <= -numericMaxInputExponent {
			return d, "22003" // digits, too many of them
		}
		e = n
	}
	coef := strings.TrimLeft(digits.String(), "0")
	scale := frac - e
	switch {
	case coef != "" && int64(len(coef))-scale > numericMaxWeightDigits, scale > numericMaxDscale:
		return d, "22003"
	case scale > maxNumericScale:
		return d, "0A000"
	}
	d.coef.SetString(digits.String(), 10)
	if scale < 0 {
		if coef != "" {
			d.coef.Mul(&d.coef, pow10(int32(-scale)))
		}
		scale = 0
	}
	d.scale = int32(scale)
	if neg {
		d.coef.Neg(&d.coef)
	}
	return d, ""
}

// isExponentDigits reports whether s is an exponent's text: an optional
// sign and at least one digit.
func isExponentDigits(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// numericInputError is the error of numeric input v that
// decimalFromValue refused (only text is refused: the error path reads it
// again for its SQLSTATE).
func numericInputError(v driver.Value) error {
	_, code := parseDecimalCode(str(v))
	if code == "22P02" {
		return invalidInput("numeric", v)
	}
	return pgErr(code, "%s", numericLimitMessage(code))
}

// numericLimitMessage is the message of parseDecimalCode's 22003 or 0A000.
func numericLimitMessage(code string) string {
	if code == "0A000" {
		return fmt.Sprintf("numeric input with more than %d digits after the decimal point is not supported", maxNumericScale)
	}
	return "value overflows numeric format"
}

// numberTextCode is parseDecimalCode's verdict on s, the text of a number
// (a numeric literal, a JSON number), without parsing the common short
// one with no exponent, which it always reads.
func numberTextCode(s string) string {
	if len(s) <= maxNumericScale && !strings.ContainsAny(s, "eE") {
		return ""
	}
	_, code := parseDecimalCode(s)
	return code
}

// decimalFromValue converts a SQLite value: integers exactly, floats to
// 15 significant digits (what PostgreSQL 15's float8 -> numeric cast does:
// "%.*g" with DBL_DIG, so (1/3::float8)::numeric is 0.333333333333333 and
// (0.1::float8 + 0.2)::numeric is 0.3), text by parseDecimal.
func decimalFromValue(v driver.Value) (d decimal, ok bool) {
	switch v := v.(type) {
	case int64:
		d.coef.SetInt64(v)
		return d, true
	case float64:
		switch {
		case math.IsNaN(v):
			d.kind = numNaN
			return d, true
		case math.IsInf(v, 1):
			d.kind = numPosInf
			return d, true
		case math.IsInf(v, -1):
			d.kind = numNegInf
			return d, true
		}
		return parseDecimal(strconv.FormatFloat(v, 'g', 15, 64))
	case bool:
		if v {
			d.coef.SetInt64(1)
		}
		return d, true
	}
	return parseDecimal(str(v))
}

// String is the canonical text form.
func (d *decimal) String() string {
	switch d.kind {
	case numNaN:
		return "NaN"
	case numPosInf:
		return "Infinity"
	case numNegInf:
		return "-Infinity"
	}
	neg := d.coef.Sign() < 0
	s := new(big.Int).Abs(&d.coef).String()
	if d.scale > 0 {
		if len(s) <= int(d.scale) {
			s = strings.Repeat("0", int(d.scale)-len(s)+1) + s
		}
		s = s[:len(s)-int(d.scale)] + "." + s[len(s)-int(d.scale):]
	}
	if neg {
		return "-" + s
	}
	return s
}

// float returns the nearest float64 (for mixing with float operands).
func (d *decimal) float() float64 {
	switch d.kind {
	case numNaN:
		return math.NaN()
	case numPosInf:
		return math.Inf(1)
	case numNegInf:
		return math.Inf(-1)
	}
	f, _ := strconv.ParseFloat(d.String(), 64)
	return f
}

// rescale sets the scale to s (s may be negative: round to 10^-s and
// show no fraction), rounding half away from zero (PostgreSQL's
// round_var) or truncating toward zero.
func (d *decimal) rescale(s int32, truncate bool) {
	if d.kind != numFinite {
		return
	}
	if s >= d.scale {
		d.coef.Mul(&d.coef, pow10(s-d.scale))
		d.scale = s
		return
	}
	div := pow10(d.scale - s)
	q, r := new(big.Int).QuoRem(&d.coef, div, new(big.Int))
	if !truncate {
		// |2r| >= div: round away from zero
		r2 := new(big.Int).Abs(r)
		r2.Lsh(r2, 1)
		if r2.Cmp(div) >= 0 {
			if d.coef.Sign() < 0 {
				q.Sub(q, big.NewInt(1))
			} else {
				q.Add(q, big.NewInt(1))
			}
		}
	}
	if s < 0 {
		q.Mul(q, pow10(-s))
		s = 0
	}
	d.coef.Set(q)
	d.scale = s
}

// intDigits is the number of digits before the point (0 for |d| < 1).
func (d *decimal) intDigits() int {
	q := new(big.Int).Quo(new(big.Int).Abs(&d.coef), pow10(d.scale))
	if q.Sign() == 0 {
		return 0
	}
	return len(q.String())
}

// numericTypmod decodes PostgreSQL's numeric typmod (VARHDRSZ +
// precision<<16 | scale&0x7ff, scale sign-extended from 11 bits).
func numericTypmod(typmod int64) (prec, scale int32, ok bool) {
	if typmod < 4 {
		return 0, 0, false
	}
	t := typmod - 4
	return int32((t >> 16) & 0xffff), int32(((t & 0x7ff) ^ 1024) - 1024), true
}

// numericTypmodOf encodes numeric(prec, scale).
func numericTypmodOf(prec, scale int32) int32 {
	return (prec<<16 | scale&0x7ff) + 4
}

// applyTypmod rounds d to the typmod's scale and checks its precision
// (PostgreSQL's apply_typmod), raising 22003 "numeric field overflow".
func (d *decimal) applyTypmod(typmod int64) error {
	prec, scale, ok := numericTypmod(typmod)
	if !ok {
		return nil
	}
	switch d.kind {
	case numNaN:
		return nil
	case numPosInf, numNegInf:
		return numericOverflow(prec, scale, true) // errdetail.go
	}
	d.rescale(scale, false)
	if d.intDigits() > int(prec-scale) {
		return numericOverflow(prec, scale, false)
	}
	return nil
}

// cmp orders as PostgreSQL: -Infinity < finite < +Infinity < NaN, NaN
// equal to NaN; finite values by value regardless of scale (1.5 = 1.50).
func (d *decimal) cmp(e *decimal) int {
	rank := func(x *decimal) int {
		switch x.kind {
		case numNegInf:
			return 0
		case numPosInf:
			return 2
		case numNaN:
			return 3
		}
		return 1
	}
	if a, b := rank(d), rank(e); a != b || a != 1 {
		return a - b
	}
	if d.scale == e.scale {
		return d.coef.Cmp(&e.coef)
	}
	if d.scale < e.scale {
		x := new(big.Int).Mul(&d.coef, pow10(e.scale-d.scale))
		return x.Cmp(&e.coef)
	}
	x := new(big.Int).Mul(&e.coef, pow10(d.scale-e.scale))
	return d.coef.Cmp(x)
}

// add sets d = a + b (scale max of both; Inf/NaN as PostgreSQL).
func (d *decimal) add(a, b *decimal) {
	if a.kind != numFinite || b.kind != numFinite {
		switch {
		case a.kind == numNaN || b.kind == numNaN,
			a.kind == numPosInf && b.kind == numNegInf, a.kind == numNegInf && b.kind == numPosInf:
			d.kind = numNaN
		case a.kind != numFinite:
			d.kind = a.kind
		default:
			d.kind = b.kind
		}
		return
	}
	x, y, s := aligned(a, b)
	d.kind = numFinite
	d.coef.Add(&x.coef, &y.coef)
	d.scale = s
}

// aligned returns copies of finite a and b at their larger scale s.
func aligned(a, b *decimal) (x, y decimal, s int32) {
	x.coef.Set(&a.coef)
	y.coef.Set(&b.coef)
	x.scale, y.scale = a.scale, b.scale
	s = max(x.scale, y.scale)
	x.rescale(s, true)
	y.rescale(s, true)
	return x, y, s
}

// leadDigit returns PostgreSQL's base-10000 weight of d's first non-zero
// digit group and that group's value (for select_div_scale).
func (d *decimal) leadDigit() (weight int, first int64) {
	abs := new(big.Int).Abs(&d.coef)
	if abs.Sign() == 0 {
		return 0, 0
	}
	e10 := len(abs.String()) - 1 - int(d.scale) // power of ten of the leading digit
	weight = e10 / 4
	if e10 < 0 && e10%4 != 0 {
		weight--
	}
	k := -int(d.scale) - 4*weight
	if k >= 0 {
		abs.Mul(abs, pow10(int32(k)))
	} else {
		abs.Quo(abs, pow10(int32(-k)))
	}
	return weight, abs.Int64()
}

// divScale is PostgreSQL's select_div_scale: at least 16 significant
// digits, at least either input's scale, at most 1000.
func divScale(a, b *decimal) int32 {
	w1, f1 := a.leadDigit()
	w2, f2 := b.leadDigit()
	qweight := w1 - w2
	if f1 <= f2 {
		qweight--
	}
	r := int32(numericMinSigDigit - qweight*4)
	r = max(r, a.scale, b.scale, 0)
	return min(r, maxNumericScale)
}

// div sets d = a / b at scale divScale(a, b), rounding half away from
// zero; 22012 on division by zero.
func (d *decimal) div(a, b *decimal) error {
	if a.kind == numNaN || b.kind == numNaN {
		d.kind = numNaN
		return nil
	}
	if b.kind == numFinite && b.coef.Sign() == 0 {
		return pgErr("22012", "division by zero")
	}
	if a.kind != numFinite {
		if b.kind != numFinite {
			d.kind = numNaN
			return nil
		}
		d.kind = a.kind
		if b.coef.Sign() < 0 {
			d.kind = numPosInf + numNegInf - a.kind
		}
		return nil
	}
	if b.kind != numFinite {
		*d = decimal{}
		return nil
	}
	rs := divScale(a, b)
	// a/b at scale rs+1, then round: coef = a.coef*10^(rs+1+b.scale-a.scale) / b.coef
	shift := rs + 1 + b.scale - a.scale
	num := new(big.Int).Set(&a.coef)
	den := new(big.Int).Set(&b.coef)
	if shift >= 0 {
		num.Mul(num, pow10(shift))
	} else {
		den.Mul(den, pow10(-shift))
	}
	d.kind = numFinite
	d.coef.Quo(num, den) // truncated; the extra digit decides the rounding
	d.scale = rs + 1
	d.rescale(rs, false)
	return nil
}
