package pgdialect

// tocharnum.go: to_char(numeric | integer | double precision, text), as
// PostgreSQL 15's numeric_to_char / int8_to_char / float8_to_char and
// NUM_processor (the template: numfmt.go). The value is first rendered as
// digits (numeric: rounded half away from zero to the template's fraction
// digits, exactly; double precision: C's "%.*f", at most 15 significant
// digits, DBL_DIG), then laid out position by position: 9 a digit or a
// space, 0 a digit or a zero, . and D the point, , and G a separator once
// a digit was written, S/MI/PL/SG/PR the sign, FM no padding, EEEE
// scientific notation (numeric_out_sci, or "%+.*e"), RN a Roman numeral
// (1 to 3999, else 15 '#'), TH an ordinal suffix, V a power of ten. Too
// many integer digits print '#'s. Integers format as numeric, which prints
// what PostgreSQL's integer versions print, except EEEE of a value in
// int4's range, formatted through float8 as int4_to_char does (SQLite
// does not tell int4 from int8: the common integer type decides).
//
// Everything here is a pure function of the value and the template (Go's
// strconv formats a float64 exactly as C's printf does), so to_char may
// enter the log.

import (
	"bytes"
	"database/sql/driver"
	"math"
	"strconv"
	"strings"
)

// isNumberValue reports whether a to_char argument is a number: an
// integer, a float, or numeric text (numeric.go's stored form, whose
// infinities are spelled "Infinity", while a date's are "infinity").
func isNumberValue(v driver.Value) bool {
	switch v := v.(type) {
	case int64, float64:
		return true
	case string:
		if v == "infinity" || v == "-infinity" {
			return false
		}
		_, ok := parseDecimal(v)
		return ok
	}
	return false
}

// toCharNumber is to_char(number, format); float4 when the number is a
// real (float4_to_char).
func toCharNumber(v driver.Value, format string, float4 bool) (driver.Value, error) {
	if format == "" {
		return "", nil
	}
	nodes, d, err := parseNumFormat(format)
	if err != nil {
		return nil, err
	}
	var numstr string
	var sign byte
	pre := 0
	switch v := v.(type) {
	case float64:
		numstr, sign, pre, err = floatDigits(v, &d, float4)
	case int64:
		if d.is(nfEEEE) && v >= math.MinInt32 && v <= math.MaxInt32 {
			// int4_to_char formats EEEE through float8 ("%+.*e": a tie
			// rounds to even, to_char(125, '9.9EEEE') is 1.2e+02);
			// int8_to_char through numeric (1.3e+02)
			numstr, sign, pre, err = floatDigits(float64(v), &d, false)
			break
		}
		x, _ := decimalFromValue(v)
		numstr, sign, pre, err = numericDigits(&x, &d)
	default:
		var x decimal
		var ok bool
		if x, ok = decimalFromValue(v); !ok {
			return nil, invalidInput("numeric", v)
		}
		numstr, sign, pre, err = numericDigits(&x, &d)
	}
	if err != nil {
		return nil, err
	}
	return numProcess(nodes, &d, numstr, pre, sign)
}

// hashes is the overflow rendering: '#' for every digit position, the
// point where the template has it.
func hashes(d *numDesc) string {
	b := []byte(strings.Repeat("#", d.pre+d.post+1))
	b[d.pre] = '.'
	return string(b)
}

// padDigits splits a rendered number into sign and digits and computes
// the spaces before it (out_pre_spaces), or the '#'s when the integer
// part does not fit.
func padDigits(s string, d *numDesc) (numstr string, sign byte, pre int) {
	sign = '+'
	if strings.HasPrefix(s, "-") {
		sign, s = '-', s[1:]
	}
	n := strings.IndexByte(s, '.')
	if n < 0 {
		n = len(s)
	}
	switch {
	case n < d.pre:
		pre = d.pre - n
	case n > d.pre:
		s = hashes(d)
	}
	return s, sign, pre
}

func numericDigits(x *decimal, d *numDesc) (string, byte, int, error) {
	switch {
	case d.is(nfRoman):
		r := *x
		r.coef.Set(&x.coef)
		r.rescale(0, false)
		n, err := numericInt4(&r)
		if err != nil {
			return "", 0, 0, err
		}
		return romanNumeral(n), 0, 0, nil
	case d.is(nfEEEE):
		s := numericSci(x, d.post)
		switch {
		case x.kind != numFinite:
			// as float8_to_char: '#'s for the sign, digits, point and exponent
			b := []byte(strings.Repeat("#", d.pre+d.post+6))
			b[0], b[d.pre+1] = ' ', '.'
			s = string(b)
		case !strings.HasPrefix(s, "-"):
			s = " " + s
		}
		return s, 0, 0, nil
	}
	val := *x
	val.coef.Set(&x.coef)
	if d.is(nfMulti) {
		if d.multi > numericMaxWeightDigits {
			return "", 0, 0, overflowsNumeric() // numeric_power(10, multi)
		}
		if val.kind == numFinite {
			val.coef.Mul(&val.coef, pow10(int32(d.multi)))
		}
		d.pre += d.multi
	}
	val.rescale(int32(d.post), false) // d.post is bounded by the template's length
	s, sign, pre := padDigits(val.String(), d)
	return s, sign, pre, nil
}

// numericInt4 is numeric_int4 of an integral numeric.
func numericInt4(x *decimal) (int64, error) {
	switch x.kind {
	case numNaN:
		return 0, pgErr("0A000", "cannot convert NaN to integer")
	case numPosInf, numNegInf:
		return 0, pgErr("0A000", "cannot convert infinity to integer")
	}
	if !x.coef.IsInt64() || x.coef.Int64() < math.MinInt32 || x.coef.Int64() > math.MaxInt32 {
		return 0, pgErr("22003", "integer out of range")
	}
	return x.coef.Int64(), nil
}

// numericSci is numeric_out_sci: one digit before the point, scale
// fraction digits (rounded half away from zero, so 9.999 at scale 2 is
// 10.00e+00, as PostgreSQL prints it), "e", a signed exponent of at least
// two digits.
func numericSci(x *decimal, scale int) string {
	if x.kind != numFinite {
		return x.String()
	}
	exp := 0
	if x.coef.Sign() != 0 {
		digits := len(new(decimal).absCoefString(x))
		exp = digits - 1 - int(x.scale)
	}
	sig := *x
	sig.coef.Set(&x.coef)
	sig.scale += int32(exp) // divided by 10^exp
	if sig.scale < 0 {
		sig.coef.Mul(&sig.coef, pow10(-sig.scale))
		sig.scale = 0
	}
	sig.rescale(int32(scale), false)
	e := strconv.Itoa(abs(exp))
	if len(e) < 2 {
		e = "0" + e
	}
	if exp < 0 {
		return sig.String() + "e-" + e
	}
	return sig.String() + "e+" + e
}

// absCoefString is the decimal digits of |x.coef|.
func (*decimal) absCoefString(x *decimal) string {
	s := x.coef.String()
	return strings.TrimPrefix(s, "-")
}

// dblDig is DBL_DIG: float8_to_char prints at most this many digits;
// fltDig FLT_DIG, float4_to_char's.
const (
	dblDig = 15
	fltDig = 6
)

// floatDigits renders v as float8_to_char does, as float4_to_char when
// float4 (v is then a real's value): at most FLT_DIG digits, V's power of
// ten multiplied in single precision.
func floatDigits(v float64, d *numDesc, float4 bool) (string, byte, int, error) {
	switch {
	case d.is(nfRoman):
		r := math.RoundToEven(v) // rint
		if math.IsNaN(r) || r < math.MinInt32 || r > math.MaxInt32 {
			return romanNumeral(0), 0, 0, nil // (int) of an out-of-range double: no numeral
		}
		return romanNumeral(int64(r)), 0, 0, nil
	case d.is(nfEEEE):
		if math.IsNaN(v) || math.IsInf(v, 0) {
			b := []byte(strings.Repeat("#", d.pre+d.post+6))
			b[0], b[d.pre+1] = ' ', '.'
			return string(b), 0, 0, nil
		}
		s := strconv.FormatFloat(v, 'e', d.post, 64)
		if !strings.HasPrefix(s, "-") {
			s = " " + s
		}
		return s, 0, 0, nil
	}
	val, dig := v, dblDig
	if float4 {
		dig = fltDig
	}
	if d.is(nfMulti) {
		if float4 {
			val = float64(float32(v) * float32(math.Pow(10, float64(d.multi))))
		} else {
			val = float64(v * math.Pow(10, float64(d.multi)))
		}
		d.pre += d.multi
	}
	n := len(printfF(math.Abs(val), 0))
	switch {
	case n >= dig:
		d.post = 0
	case n+d.post > dig:
		d.post = dig - n
	}
	s, sign, pre := padDigits(printfF(val, d.post), d)
	return s, sign, pre, nil
}

// printfF is PostgreSQL's own snprintf "%.*f" (src/port/snprintf.c, which
// float8_to_char's psprintf uses): the infinities print as "Infinity" and
// "-Infinity" (8 integer digits: '#'s in a narrower template, padded in
// a wider one), NaN as "NaN".
func printfF(v float64, prec int) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "Infinity"
	case math.IsInf(v, -1):
		return "-Infinity"
	}
	return strconv.FormatFloat(v, 'f', prec, 64)
}

var (
	romanHundreds = []string{"C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"}
	romanTens     = []string{"X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"}
	romanOnes     = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"}
)

// romanNumeral is int_to_roman: 1 to 3999, else 15 '#'.
func romanNumeral(n int64) string {
	if n < 1 || n > 3999 {
		return strings.Repeat("#", 15)
	}
	var b strings.Builder
	b.WriteString(strings.Repeat("M", int(n/1000)))
	if h := n / 100 % 10; h > 0 {
		b.WriteString(romanHundreds[h-1])
	}
	if t := n / 10 % 10; t > 0 {
		b.WriteString(romanTens[t-1])
	}
	if o := n % 10; o > 0 {
		b.WriteString(romanOnes[o-1])
	}
	return b.String()
}

// ordinal is get_th: the English suffix of the number's last digits.
func ordinal(num string, upper bool) string {
	s := "th"
	if n := len(num); n > 0 && !(n > 1 && num[n-2] == '1') {
		switch num[n-1] {
		case '1':
			s = "st"
		case '2':
			s = "nd"
		case '3':
			s = "rd"
		}
	}
	if upper {
		return strings.ToUpper(s)
	}
	return s
}

// numProcess is NUM_processor for to_char: number is the digits (no
// sign; a Roman numeral; the whole result for EEEE), outPre the spaces
// before them, sign '+', '-' or 0.
func numProcess(nodes []numNode, d *numDesc, number string, outPre int, sign byte) (string, error) {
	if d.is(nfEEEE) {
		return number, nil
	}
	if d.zeroStart > 0 {
		d.zeroStart--
	}
	p := &numProc{d: d, number: number, outPre: outPre, lastRelevant: -1}
	if d.is(nfRoman) {
		d.lsign, d.preLSignNum, d.post, d.pre, p.outPre, sign = 0, 0, 0, 0, 0, 0
		d.flag = nfRoman | d.flag&nfFillMode
	}
	p.sign = sign
	if d.is(nfPlus) || d.is(nfMinus) {
		p.signWrote = !(d.is(nfPlus) && !d.is(nfMinus))
	} else {
		if sign != '-' && d.is(nfFillMode) {
			d.flag &^= nfBracket
		}
		p.signWrote = sign == '+' && d.is(nfFillMode) && !d.is(nfLSign)
		if d.lsign == lsignPre && d.pre == d.preLSignNum {
			d.lsign = lsignPost
		}
	}
	p.numCount = d.post + d.pre - 1
	if d.is(nfFillMode) && d.is(nfDecimal) {
		p.lastRelevant = lastRelevantDecimal(number)
		if p.lastRelevant >= 0 && d.zeroEnd > p.outPre {
			lastZero := min(len(number)-1, d.zeroEnd-p.outPre)
			if p.lastRelevant < lastZero {
				p.lastRelevant = lastZero
			}
		}
	}
	if !p.signWrote && p.outPre == 0 {
		p.numCount++
	}
	out := make([]byte, 0, len(nodes)+len(number)+16)
	for _, n := range nodes {
		switch n.key {
		case nkNone:
			out = append(out, n.lit...)
		case nk9, nk0, nkDec, nkD:
			out = p.digit(out, n.key)
		case nkComma, nkG:
			if p.numIn {
				out = append(out, ',')
			} else if !d.is(nfFillMode) {
				out = append(out, ' ')
			}
		case nkL:
			out = append(out, ' ') // C locale: no currency symbol
		case nkRN, nkRNLower:
			r := p.number
			if n.key == nkRNLower {
				r = strings.ToLower(r)
			}
			if !d.is(nfFillMode) && len(r) < 15 {
				r = strings.Repeat(" ", 15-len(r)) + r
			}
			out = append(out, r...)
		case nkTH, nkTHLower:
			if d.is(nfRoman) || strings.HasPrefix(p.number, "#") || p.sign == '-' || d.is(nfDecimal) {
				continue
			}
			if c := p.at(len(p.number) - 1); c < '0' || c > '9' {
				return "", pgErr("22P02", "\"%s\" is not a number", p.number)
			}
			out = append(out, ordinal(p.number, n.key == nkTH)...)
		case nkMI:
			switch {
			case p.sign == '-':
				out = append(out, '-')
			case !d.is(nfFillMode):
				out = append(out, ' ')
			}
		case nkPL:
			switch {
			case p.sign == '+':
				out = append(out, '+')
			case !d.is(nfFillMode):
				out = append(out, ' ')
			}
		case nkSG:
			out = append(out, p.sign) // 0 (a Roman numeral): C's NUL ends the text
		}
	}
	// a digit position past the end of the digits wrote C's NUL, which
	// ends the text there
	if i := bytes.IndexByte(out, 0); i >= 0 {
		out = out[:i]
	}
	return string(out), nil
}

// numProc is the state of NUM_processor while formatting.
type numProc struct {
	d            *numDesc
	number       string
	numberP      int // next character of number
	outPre       int
	sign         byte
	signWrote    bool
	numIn        bool // a digit was written
	numCount     int
	numCurr      int
	lastRelevant int // index in number of the last digit FM keeps, -1: none
}

func (p *numProc) at(i int) byte {
	if i >= 0 && i < len(p.number) {
		return p.number[i]
	}
	return 0
}

// preDecSpace is IS_PREDEC_SPACE: the leading 0 of 0.5 under 9.9 is a space.
func (p *numProc) preDecSpace() bool {
	return !p.d.is(nfZero) && p.numberP == 0 && p.at(0) == '0' && p.d.post != 0
}

// digit is NUM_numpart_to_char.
func (p *numProc) digit(out []byte, id numKey) []byte {
	d := p.d
	if d.is(nfRoman) {
		return out
	}
	p.numIn = false
	if !p.signWrote &&
		(p.numCurr >= p.outPre || d.is(nfZero) && d.zeroStart == p.numCurr) &&
		(!p.preDecSpace() || p.lastRelevant >= 0 && p.at(p.lastRelevant) == '.') {
		switch {
		case d.is(nfLSign):
			if d.lsign == lsignPre {
				out = append(out, p.signChar())
				p.signWrote = true
			}
		case d.is(nfBracket):
			if p.sign == '+' {
				out = append(out, ' ')
			} else {
				out = append(out, '<')
			}
			p.signWrote = true
		case p.sign == '+':
			if !d.is(nfFillMode) {
				out = append(out, ' ')
			}
			p.signWrote = true
		case p.sign == '-':
			out = append(out, '-')
			p.signWrote = true
		}
	}
	switch {
	case p.numCurr < p.outPre && (d.zeroStart > p.numCurr || !d.is(nfZero)):
		if !d.is(nfFillMode) {
			out = append(out, ' ')
		}
	case d.is(nfZero) && p.numCurr < p.outPre && d.zeroStart <= p.numCurr:
		out = append(out, '0')
		p.numIn = true
	default:
		if p.at(p.numberP) == '.' {
			if p.lastRelevant < 0 || p.at(p.lastRelevant) != '.' || d.is(nfFillMode) {
				out = append(out, '.')
			}
		} else {
			switch {
			case p.lastRelevant >= 0 && p.numberP > p.lastRelevant && id != nk0:
			case p.preDecSpace():
				if !d.is(nfFillMode) {
					out = append(out, ' ')
				} else if p.lastRelevant >= 0 && p.at(p.lastRelevant) == '.' {
					out = append(out, '0')
				}
			default:
				out = append(out, p.at(p.numberP))
				p.numIn = true
			}
		}
		if p.at(p.numberP) != 0 {
			p.numberP++
		}
	}
	end := p.numCount + btoi(p.outPre > 0) + btoi(d.is(nfDecimal))
	if p.lastRelevant >= 0 && p.lastRelevant == p.numberP {
		end = p.numCurr
	}
	if p.numCurr+1 == end {
		switch {
		case p.signWrote && d.is(nfBracket):
			if p.sign == '+' {
				out = append(out, ' ')
			} else {
				out = append(out, '>')
			}
		case d.is(nfLSign) && d.lsign == lsignPost:
			out = append(out, p.signChar())
		}
	}
	p.numCurr++
	return out
}

func (p *numProc) signChar() byte {
	if p.sign == '-' {
		return '-'
	}
	return '+'
}

// lastRelevantDecimal is get_last_relevant_decnum: the index of the last
// non-zero fraction digit (of the point when there is none), -1 without a
// point.
func lastRelevantDecimal(num string) int {
	p := strings.IndexByte(num, '.')
	if p < 0 {
		return -1
	}
	r := p
	for i := p + 1; i < len(num); i++ {
		if num[i] != '0' {
			r = i
		}
	}
	return r
}
