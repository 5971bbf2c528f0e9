package pgdialect

// numfmt.go: PostgreSQL's number formatting templates (formatting.c's
// NUM_keywords, parse_format and NUMDesc_prepare), shared by to_char of
// numbers (tocharnum.go) and to_number (tonumber.go).
//
// A template is a sequence of patterns and other characters. The patterns
// are matched case-sensitively, in upper or lower case (FM or fm, not Fm),
// longest first where they share a first letter:
//
//	9 0 . , B C D EEEE FM G L MI PL PR RN SG SP S TH V (and b c d eeee fm
//	g l mi pl pr rn sg sp s th v)
//
// "..." is literal text (a backslash inside quotes the next character);
// outside quotes a backslash only escapes a following double quote. The
// locale is C, as on the PostgreSQL that recorded the corpus: D is '.',
// G ',', L a space (C has no currency symbol), S '+' or '-'.
//
// Parsing is a pure function of the template; an invalid combination is
// PostgreSQL's 42601 with its message. Templates are bounded by the input
// text's length, so no template can make a node allocate without bound.

import "strings"

type numKey uint8

const (
	nkNone numKey = iota // a literal character
	nkComma
	nkDec
	nk0
	nk9
	nkB
	nkC
	nkD
	nkE
	nkFM
	nkG
	nkL
	nkMI
	nkPL
	nkPR
	nkRN
	nkRNLower
	nkSG
	nkSP
	nkS
	nkTH
	nkTHLower
	nkV
)

// numKeywords in the order formatting.c searches them: for one first
// letter, the longer names first.
var numKeywords = []struct {
	name string
	key  numKey
}{
	{",", nkComma}, {".", nkDec}, {"0", nk0}, {"9", nk9},
	{"B", nkB}, {"C", nkC}, {"D", nkD}, {"EEEE", nkE}, {"FM", nkFM}, {"G", nkG}, {"L", nkL},
	{"MI", nkMI}, {"PL", nkPL}, {"PR", nkPR}, {"RN", nkRN}, {"SG", nkSG}, {"SP", nkSP}, {"S", nkS},
	{"TH", nkTH}, {"V", nkV},
	{"b", nkB}, {"c", nkC}, {"d", nkD}, {"eeee", nkE}, {"fm", nkFM}, {"g", nkG}, {"l", nkL},
	{"mi", nkMI}, {"pl", nkPL}, {"pr", nkPR}, {"rn", nkRNLower}, {"sg", nkSG}, {"sp", nkSP}, {"s", nkS},
	{"th", nkTHLower}, {"v", nkV},
}

// numNode is one template element: a pattern, or one literal character.
type numNode struct {
	key numKey
	lit string // the character (nkNone)
}

// numDesc flags (formatting.c's NUM_F_*).
const (
	nfDecimal = 1 << iota
	nfLDecimal
	nfZero
	nfBlank
	nfFillMode
	nfLSign
	nfBracket
	nfMinus
	nfPlus
	nfRoman
	nfMulti
	nfPlusPost
	nfMinusPost
	nfEEEE
)

const (
	lsignNone = iota
	lsignPre
	lsignPost
)

// numDesc is formatting.c's NUMDesc: what the template asks for.
type numDesc struct {
	pre, post, multi   int // digits before/after the point, digits after V
	zeroStart, zeroEnd int
	preLSignNum        int
	lsign              int
	flag               int
}

func (d *numDesc) is(f int) bool { return d.flag&f != 0 }

// parseNumFormat parses a template (parse_format with NUM_FLAG, each
// pattern checked by NUMDesc_prepare).
func parseNumFormat(f string) ([]numNode, numDesc, error) {
	var nodes []numNode
	var d numDesc
	for i := 0; i < len(f); {
		if k, n := matchNumKeyword(f[i:]); n > 0 {
			if err := d.prepare(k); err != nil {
				return nil, d, err
			}
			nodes = append(nodes, numNode{key: k})
			i += n
			continue
		}
		if f[i] == '"' {
			i++
			for i < len(f) {
				if f[i] == '"' {
					i++
					break
				}
				if f[i] == '\\' && i+1 < len(f) {
					i++
				}
				n := utf8Len(f[i:])
				nodes = append(nodes, numNode{lit: f[i : i+n]})
				i += n
			}
			continue
		}
		if f[i] == '\\' && i+1 < len(f) && f[i+1] == '"' {
			i++
		}
		n := utf8Len(f[i:])
		nodes = append(nodes, numNode{lit: f[i : i+n]})
		i += n
	}
	return nodes, d, nil
}

func matchNumKeyword(s string) (numKey, int) {
	for _, k := range numKeywords {
		if strings.HasPrefix(s, k.name) {
			return k.key, len(k.name)
		}
	}
	return nkNone, 0
}

// utf8Len is the byte length of the character starting s (at least 1).
func utf8Len(s string) int {
	for n := 1; n < len(s); n++ {
		if s[n]&0xC0 != 0x80 {
			return n
		}
	}
	return max(len(s), 1)
}

func numFormatErr(msg string) error { return pgErr("42601", "%s", msg) }

// prepare is NUMDesc_prepare: it records pattern k and refuses invalid
// combinations.
func (d *numDesc) prepare(k numKey) error {
	if d.is(nfEEEE) && k != nkE {
		return numFormatErr(`"EEEE" must be the last pattern used`)
	}
	switch k {
	case nk9:
		if d.is(nfBracket) {
			return numFormatErr(`"9" must be ahead of "PR"`)
		}
		if d.is(nfMulti) {
			d.multi++
			break
		}
		if d.is(nfDecimal) {
			d.post++
		} else {
			d.pre++
		}
	case nk0:
		if d.is(nfBracket) {
			return numFormatErr(`"0" must be ahead of "PR"`)
		}
		if !d.is(nfZero) && !d.is(nfDecimal) {
			d.flag |= nfZero
			d.zeroStart = d.pre + 1
		}
		if !d.is(nfDecimal) {
			d.pre++
		} else {
			d.post++
		}
		d.zeroEnd = d.pre + d.post
	case nkB:
		if d.pre == 0 && d.post == 0 && !d.is(nfZero) {
			d.flag |= nfBlank
		}
	case nkD, nkDec:
		if k == nkD {
			d.flag |= nfLDecimal
		}
		if d.is(nfDecimal) {
			return numFormatErr("multiple decimal points")
		}
		if d.is(nfMulti) {
			return numFormatErr(`cannot use "V" and decimal point together`)
		}
		d.flag |= nfDecimal
	case nkFM:
		d.flag |= nfFillMode
	case nkS:
		if d.is(nfLSign) {
			return numFormatErr(`cannot use "S" twice`)
		}
		if d.is(nfPlus) || d.is(nfMinus) || d.is(nfBracket) {
			return numFormatErr(`cannot use "S" and "PL"/"MI"/"SG"/"PR" together`)
		}
		if !d.is(nfDecimal) {
			d.lsign = lsignPre
			d.preLSignNum = d.pre
			d.flag |= nfLSign
		} else if d.lsign == lsignNone {
			d.lsign = lsignPost
			d.flag |= nfLSign
		}
	case nkMI:
		if d.is(nfLSign) {
			return numFormatErr(`cannot use "S" and "MI" together`)
		}
		d.flag |= nfMinus
		if d.is(nfDecimal) {
			d.flag |= nfMinusPost
		}
	case nkPL:
		if d.is(nfLSign) {
			return numFormatErr(`cannot use "S" and "PL" together`)
		}
		d.flag |= nfPlus
		if d.is(nfDecimal) {
			d.flag |= nfPlusPost
		}
	case nkSG:
		if d.is(nfLSign) {
			return numFormatErr(`cannot use "S" and "SG" together`)
		}
		d.flag |= nfMinus | nfPlus
	case nkPR:
		if d.is(nfLSign) || d.is(nfPlus) || d.is(nfMinus) {
			return numFormatErr(`cannot use "PR" and "S"/"PL"/"MI"/"SG" together`)
		}
		d.flag |= nfBracket
	case nkRN, nkRNLower:
		d.flag |= nfRoman
	case nkV:
		if d.is(nfDecimal) {
			return numFormatErr(`cannot use "V" and decimal point together`)
		}
		d.flag |= nfMulti
	case nkE:
		if d.is(nfEEEE) {
			return numFormatErr(`cannot use "EEEE" twice`)
		}
		if d.is(nfBlank) || d.is(nfFillMode) || d.is(nfLSign) || d.is(nfBracket) ||
			d.is(nfMinus) || d.is(nfPlus) || d.is(nfRoman) || d.is(nfMulti) {
			return pgErrDetail("42601", `"EEEE" may only be used together with digit and decimal point patterns.`, `"EEEE" is incompatible with other formats`)
		}
		d.flag |= nfEEEE
	}
	return nil
}
