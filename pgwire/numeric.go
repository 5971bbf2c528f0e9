package pgwire

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/raftsql/raftsql/pgwire/oid"
)

// formatNumericFloat prints a float held for a numeric column: plain
// decimal notation, never an exponent; NaN and the infinities are spelled
// as FormatFloat spells them.
func formatNumericFloat(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return FormatFloat(f, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// encodeNumeric encodes a decimal string in PostgreSQL's binary numeric
// format.
func encodeNumeric(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	hdr := func(ndigits, weight int16, sign uint16, dscale int16) []byte {
		b := binary.BigEndian.AppendUint16(nil, uint16(ndigits))
		b = binary.BigEndian.AppendUint16(b, uint16(weight))
		b = binary.BigEndian.AppendUint16(b, sign)
		return binary.BigEndian.AppendUint16(b, uint16(dscale))
	}
	switch strings.ToLower(s) {
	case "nan":
		return hdr(0, 0, 0xC000, 0), nil
	case "infinity", "+infinity", "inf":
		return hdr(0, 0, 0xD000, 0), nil
	case "-infinity", "-inf":
		return hdr(0, 0, 0xF000, 0), nil
	}
	if strings.ContainsAny(s, "eE") {
		r, ok := new(big.Rat).SetString(s)
		if !ok {
			return nil, newErr(codeInvalidTextRep, "invalid input syntax for type numeric: %q", s)
		}
		// Enough fraction digits for an exact rendering of a decimal
		// exponent form.
		scale := 0
		if i := strings.IndexAny(s, "eE"); i >= 0 {
			mant := s[:i]
			exp, _ := strconv.Atoi(s[i+1:])
			if j := strings.IndexByte(mant, '.'); j >= 0 {
				scale = len(mant) - j - 1
			}
			scale -= exp
			if scale < 0 {
				scale = 0
			}
			if scale > 1000 {
				scale = 1000
			}
		}
		s = r.FloatString(scale)
	}
	sign := uint16(0)
	if strings.HasPrefix(s, "-") {
		sign = 0x4000
		s = s[1:]
	} else if strings.HasPrefix(s, "+") {
		s = s[1:]
	}
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i+1:]
	}
	if intPart == "" && frac == "" {
		return nil, newErr(codeInvalidTextRep, "invalid input syntax for type numeric: %q", s)
	}
	for _, r := range intPart + frac {
		if r < '0' || r > '9' {
			return nil, newErr(codeInvalidTextRep, "invalid input syntax for type numeric: %q", s)
		}
	}
	if len(intPart) > 131072 || len(frac) > 16383 {
		return nil, newErr(codeNumericOutOfRange, "value overflows numeric format")
	}
	dscale := len(frac)
	intPart = strings.TrimLeft(intPart, "0")
	if pad := (4 - len(intPart)%4) % 4; pad > 0 {
		intPart = strings.Repeat("0", pad) + intPart
	}
	if pad := (4 - len(frac)%4) % 4; pad > 0 {
		frac += strings.Repeat("0", pad)
	}
	all := intPart + frac
	digits := make([]int16, 0, len(all)/4)
	for i := 0; i < len(all); i += 4 {
		n, _ := strconv.Atoi(all[i : i+4])
		digits = append(digits, int16(n))
	}
	weight := len(intPart)/4 - 1
	for len(digits) > 0 && digits[0] == 0 {
		digits = digits[1:]
		weight--
	}
	for len(digits) > 0 && digits[len(digits)-1] == 0 {
		digits = digits[:len(digits)-1]
	}
	if len(digits) == 0 {
		weight = 0
		sign = 0
	}
	b := hdr(int16(len(digits)), int16(weight), sign, int16(dscale))
	for _, d := range digits {
		b = binary.BigEndian.AppendUint16(b, uint16(d))
	}
	return b, nil
}

// decodeNumeric decodes PostgreSQL's binary numeric into a decimal string.
func decodeNumeric(b []byte) (string, error) {
	if len(b) < 8 {
		return "", fmt.Errorf("numeric too short")
	}
	ndigits := int(int16(binary.BigEndian.Uint16(b)))
	weight := int(int16(binary.BigEndian.Uint16(b[2:])))
	sign := binary.BigEndian.Uint16(b[4:])
	dscale := int(int16(binary.BigEndian.Uint16(b[6:])))
	if ndigits < 0 || dscale < 0 || len(b) != 8+2*ndigits {
		return "", fmt.Errorf("invalid numeric")
	}
	switch sign {
	case 0xC000:
		return "NaN", nil
	case 0xD000:
		return "Infinity", nil
	case 0xF000:
		return "-Infinity", nil
	case 0, 0x4000:
	default:
		return "", fmt.Errorf("invalid numeric sign")
	}
	digits := make([]int, ndigits)
	for i := range digits {
		d := int(int16(binary.BigEndian.Uint16(b[8+2*i:])))
		if d < 0 || d > 9999 {
			return "", fmt.Errorf("invalid numeric digit")
		}
		digits[i] = d
	}
	digit := func(power int) int { // value of the base-10000 digit at power
		i := weight - power
		if i < 0 || i >= ndigits {
			return 0
		}
		return digits[i]
	}
	var sb strings.Builder
	if sign == 0x4000 {
		sb.WriteByte('-')
	}
	if weight > 32768 || weight < -32768 {
		return "", fmt.Errorf("invalid numeric weight")
	}
	var ib strings.Builder
	for p := weight; p >= 0; p-- {
		fmt.Fprintf(&ib, "%04d", digit(p))
	}
	ip := strings.TrimLeft(ib.String(), "0")
	if ip == "" {
		ip = "0"
	}
	sb.WriteString(ip)
	if dscale > 0 {
		if dscale > 16383 {
			return "", fmt.Errorf("invalid numeric scale")
		}
		var fb strings.Builder
		for p := -1; fb.Len() < dscale; p-- {
			fmt.Fprintf(&fb, "%04d", digit(p))
		}
		sb.WriteByte('.')
		sb.WriteString(fb.String()[:dscale])
	}
	s := sb.String()
	if s == "-0" || strings.HasPrefix(s, "-0.") && strings.Trim(s[3:], "0") == "" {
		s = s[1:]
	}
	return s, nil
}

// --- parameter / COPY input --------------------------------------------

// adjustForColumn applies the column's type modifier where PostgreSQL's
// output depends on it: numeric(p,s) prints s fraction digits.
func adjustForColumn(v any, col Column) any {
	if col.TypeOID != oid.Numeric || col.TypeModifier < 4 || v == nil {
		return v
	}
	scale := int((col.TypeModifier - 4) & 0xffff)
	if scale > 1000 {
		return v
	}
	var r *big.Rat
	switch x := normalize(v).(type) {
	case int64:
		r = new(big.Rat).SetInt64(x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return v
		}
		r = new(big.Rat)
		if _, ok := r.SetString(strconv.FormatFloat(x, 'f', -1, 64)); !ok {
			return v
		}
	case string:
		t := strings.TrimSpace(x)
		if t == "" || len(t) > 200 || strings.ContainsAny(t, "eEnN") {
			return v
		}
		var ok bool
		if r, ok = new(big.Rat).SetString(t); !ok {
			return v
		}
	default:
		return v
	}
	return r.FloatString(scale)
}
