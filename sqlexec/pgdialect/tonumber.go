package pgdialect

// tonumber.go: to_number(text, template), as PostgreSQL 15's
// numeric_to_number and NUM_processor reading input (the template:
// numfmt.go). Each digit position (9, 0, ., D) reads one digit or the
// point from the input, a sign is read where S, MI, PL, SG or PR put it,
// a separator (',' or G) is skipped when the input has one there, L and
// TH skip non-digit characters, and any other template character skips
// one input character, whatever it is. The digits read become numeric
// input with the template's precision and the digits read after the
// point as scale, so to_number('1,234.50', '9,999.99') is 1234.50;
// nothing read is 22P02 (invalid input syntax for type numeric: " "),
// too many digits 22003. EEEE and RN are refused for input (0A000), as in
// PostgreSQL 15. A pure function of its arguments (deterministic, on the
// write allow-list).

import (
	"database/sql/driver"
	"strings"

	sqlite "modernc.org/sqlite"
)

func fnToNumber(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if anyNull(a) {
		return nil, nil
	}
	d, err := toNumber(str(a[0]), str(a[1]))
	if err != nil || d == nil {
		return nil, err
	}
	return d.String(), nil
}

// toNumber is to_number(in, format); nil for an empty template (NULL).
func toNumber(in, format string) (*decimal, error) {
	if format == "" {
		return nil, nil
	}
	nodes, desc, err := parseNumFormat(format)
	if err != nil {
		return nil, err
	}
	switch {
	case desc.is(nfEEEE):
		return nil, pgErr("0A000", `"EEEE" not supported for input`)
	case desc.is(nfRoman):
		return nil, pgErr("0A000", `"RN" not supported for input`)
	}
	r := numReader{d: &desc, in: in, number: []byte{' '}}
	for _, n := range nodes {
		if r.pos >= len(in) {
			break
		}
		if r.node(n) {
			r.pos++
		}
	}
	num := r.number
	if num[len(num)-1] == '.' {
		num = num[:len(num)-1]
	}
	x, ok := parseDecimal(string(num))
	if !ok {
		return nil, numericInputError(string(num))
	}
	prec := desc.pre + desc.multi + r.readPost
	if err := x.applyTypmod(int64(numericTypmodOf(int32(prec), int32(r.readPost)))); err != nil {
		return nil, err
	}
	if desc.is(nfMulti) {
		ten, exp := decimal{}, decimal{}
		ten.coef.SetInt64(10)
		exp.coef.SetInt64(int64(-desc.multi))
		p, err := numPow(&ten, &exp)
		if err != nil {
			return nil, err
		}
		var m decimal
		m.mul(&x, &p)
		x = m
	}
	return &x, nil
}

// numReader is the state of NUM_processor while reading.
type numReader struct {
	d                 *numDesc
	in                string
	pos               int
	number            []byte // number[0] is the sign: ' ', '-' or '+'
	readPre, readPost int
	readDec           bool
}

func (r *numReader) at(i int) byte {
	if i >= 0 && i < len(r.in) {
		return r.in[i]
	}
	return 0
}

// node reads template node n; it reports whether the input position
// then moves on by one (NUM_processor's loop increment).
func (r *numReader) node(n numNode) bool {
	d := r.d
	switch n.key {
	case nkNone:
		r.pos += utf8Len(r.in[r.pos:])
		return false
	case nk9, nk0, nkDec, nkD:
		r.numPart(n.key)
		return true
	case nkComma, nkG:
		return !d.is(nfFillMode) && r.at(r.pos) == ','
	case nkL:
		r.eatNonData(1) // C locale: the currency symbol is one character
	case nkTH, nkTHLower:
		if !d.is(nfDecimal) {
			r.eatNonData(2)
		}
	case nkMI, nkPL, nkSG:
		c := r.at(r.pos)
		if c == '-' && n.key != nkPL || c == '+' && n.key != nkMI {
			r.number[0] = c
			return true
		}
		r.eatNonData(1)
	}
	return false
}

// eatNonData is NUM_eat_non_data_chars: skip up to n characters that
// cannot be part of a number.
func (r *numReader) eatNonData(n int) {
	for ; n > 0 && r.pos < len(r.in); n-- {
		if strings.IndexByte("0123456789.,+-", r.in[r.pos]) >= 0 {
			return
		}
		r.pos += utf8Len(r.in[r.pos:])
	}
}

// numPart is NUM_numpart_from_char: a digit or the point, and a sign
// before the first digit or after the last.
func (r *numReader) numPart(id numKey) {
	d := r.d
	if r.pos >= len(r.in) {
		return
	}
	if r.at(r.pos) == ' ' {
		r.pos++
	}
	if r.pos >= len(r.in) {
		return
	}
	if r.number[0] == ' ' && (id == nk0 || id == nk9) && r.readPre+r.readPost == 0 {
		c := r.at(r.pos)
		switch {
		case d.is(nfLSign) && d.lsign == lsignPre:
			if c == '-' || c == '+' {
				r.pos++
				r.number[0] = c
			}
		case c == '-' || d.is(nfBracket) && c == '<':
			r.number[0] = '-'
			r.pos++
		case c == '+':
			r.number[0] = '+'
			r.pos++
		}
	}
	if r.pos >= len(r.in) {
		return
	}
	isRead := false
	if c := r.at(r.pos); c >= '0' && c <= '9' {
		if r.readDec && r.readPost == d.post {
			return
		}
		r.number = append(r.number, c)
		if r.readDec {
			r.readPost++
		} else {
			r.readPre++
		}
		isRead = true
	} else if d.is(nfDecimal) && !r.readDec && c == '.' {
		r.number = append(r.number, '.')
		r.readDec = true
		isRead = true
	}
	if r.pos >= len(r.in) {
		return
	}
	if r.number[0] != ' ' || r.readPre+r.readPost == 0 {
		return
	}
	switch {
	case d.is(nfLSign) && isRead && r.pos+1 < len(r.in) && !isDigit(r.in[r.pos+1]):
		// the locale sign is anchored behind the last digit
		if c := r.at(r.pos + 1); c == '-' || c == '+' {
			r.pos++
			r.number[0] = c
		}
	case !isRead && !d.is(nfLSign) && (d.is(nfPlus) || d.is(nfMinus)):
		// MI/PL/SG not where the template puts them (FM9.999999MI: 5.01-)
		if c := r.at(r.pos); c == '-' || c == '+' {
			r.number[0] = c
		}
	}
}
