package pgdialect

// interval_typmod.go: PostgreSQL's interval type modifiers, interval(p)
// and the field restrictions (interval day to second(3), interval hour
// ...), wherever a type is written: casts, typed literals, column types.
//
// The typmod is PostgreSQL's encoding, INTERVAL_TYPMOD(precision, range):
// range (a mask of the fields) in the high 16 bits, precision (0-6, or
// 0xffff for full) in the low 16; -1 is plain interval. Keeping PostgreSQL's
// numbers means pg_attribute.atttypmod reads as in PostgreSQL.
//
// A column's declared type is stored in SQLite's schema, whose type names
// cannot hold the keyword TO: "interval day to second" is stored as
// "interval day_to_second" and read back here (intervalDeclTypmod).
//
// Invariant: applyTypmod is AdjustIntervalForTypmod of PostgreSQL 15
// (src/backend/utils/adt/timestamp.c), a pure function of the value and
// the typmod, so the stored value is the same on every node.

import (
	"strconv"
	"strings"
)

// interval field masks, as PostgreSQL's INTERVAL_MASK.
const (
	ivMonth  = 1 << 1
	ivYear   = 1 << 2
	ivDay    = 1 << 3
	ivHour   = 1 << 10
	ivMinute = 1 << 11
	ivSecond = 1 << 12

	ivFullRange     = 0x7fff
	ivFullPrecision = 0xffff
	ivMaxPrecision  = 6
)

// intervalRanges are the field restrictions the grammar accepts, by their
// words joined with single spaces.
var intervalRanges = map[string]int64{
	"year": ivYear, "month": ivMonth, "day": ivDay, "hour": ivHour, "minute": ivMinute, "second": ivSecond,
	"year to month":    ivYear | ivMonth,
	"day to hour":      ivDay | ivHour,
	"day to minute":    ivDay | ivHour | ivMinute,
	"day to second":    ivDay | ivHour | ivMinute | ivSecond,
	"hour to minute":   ivHour | ivMinute,
	"hour to second":   ivHour | ivMinute | ivSecond,
	"minute to second": ivMinute | ivSecond,
}

// intervalRangeWords is the inverse of intervalRanges (format_type).
var intervalRangeWords = func() map[int64]string {
	m := map[int64]string{}
	for w, r := range intervalRanges {
		m[r] = w
	}
	return m
}()

func intervalTypmodOf(rng, prec int64) int64 { return rng<<16 | prec }

func intervalTypmodRange(typmod int64) int64 { return typmod >> 16 & ivFullRange }

func intervalTypmodPrecision(typmod int64) int64 { return typmod & ivFullPrecision }

// intervalMods parses what follows the word interval in a type: "",
// "(3)", "day to second", "second(3)", "day_to_second(3)" (the stored
// spelling). It returns the typmod (-1 for none); ok is false when the
// text is not an interval modifier.
func intervalMods(mods string) (typmod int64, ok bool) {
	s := strings.ToLower(strings.TrimSpace(mods))
	prec := int64(ivFullPrecision)
	if i := strings.IndexByte(s, '('); i >= 0 {
		j := strings.LastIndexByte(s, ')')
		if j < i || strings.TrimSpace(s[j+1:]) != "" {
			return 0, false
		}
		p, err := strconv.ParseInt(strings.TrimSpace(s[i+1:j]), 10, 64)
		if err != nil || p < 0 {
			return 0, false
		}
		prec = min(p, ivMaxPrecision) // PostgreSQL warns and reduces to 6
		s = strings.TrimSpace(s[:i])
	}
	if s == "" {
		if prec == ivFullPrecision {
			return -1, true
		}
		return intervalTypmodOf(ivFullRange, prec), true
	}
	rng, ok := intervalRanges[strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ")]
	if !ok || prec != ivFullPrecision && rng&ivSecond == 0 {
		return 0, false // (p) only follows SECOND
	}
	return intervalTypmodOf(rng, prec), true
}

// intervalDeclTypmod is the typmod of a declared column type that is an
// interval with modifiers ("interval(3)", "interval day_to_second");
// ok is false for any other declaration.
func intervalDeclTypmod(decl string) (typmod int64, ok bool) {
	d := strings.TrimSpace(decl)
	if len(d) < len("interval") || !strings.EqualFold(d[:len("interval")], "interval") {
		return 0, false
	}
	rest := d[len("interval"):]
	if rest != "" && rest[0] != ' ' && rest[0] != '(' && rest[0] != '\t' {
		return 0, false
	}
	return intervalMods(rest)
}

// intervalStoredDecl is the declared type as stored in SQLite's schema
// (TO joined with underscores, which SQLite's type names accept).
func intervalStoredDecl(mods string) string {
	f := strings.Fields(strings.ToLower(mods))
	return strings.TrimSpace("interval " + strings.ReplaceAll(strings.Join(f, "_"), "_(", "("))
}

// formatIntervalTypmod is format_type's modifier text ("(3)", " day to
// second(3)").
func formatIntervalTypmod(typmod int64) string {
	if typmod < 0 {
		return ""
	}
	s := ""
	if w, ok := intervalRangeWords[intervalTypmodRange(typmod)]; ok {
		s = " " + w
	}
	if p := intervalTypmodPrecision(typmod); p != ivFullPrecision {
		s += "(" + strconv.FormatInt(p, 10) + ")"
	}
	return s
}

// applyTypmod is PostgreSQL's AdjustIntervalForTypmod: the fields below
// the range are cleared (truncated toward zero, as C's division), then the
// seconds fraction is rounded to the precision, half away from zero.
func (iv interval) applyTypmod(typmod int64) interval {
	if typmod < 0 {
		return iv
	}
	trunc := func(unit int64) { iv.us = iv.us / unit * unit }
	switch intervalTypmodRange(typmod) {
	case ivYear:
		iv.months = iv.months / 12 * 12
		iv.days, iv.us = 0, 0
	case ivMonth, ivYear | ivMonth:
		iv.days, iv.us = 0, 0
	case ivDay:
		iv.us = 0
	case ivHour, ivDay | ivHour:
		trunc(usPerHour)
	case ivMinute, ivDay | ivHour | ivMinute, ivHour | ivMinute:
		trunc(usPerMin)
	}
	if p := intervalTypmodPrecision(typmod); p < ivMaxPrecision {
		iv.us = roundTo(iv.us, p)
	}
	return iv
}

// intervalDefaultUnit is the unit of a bare number in interval input under
// the range of typmod (DecodeInterval: interval '1' day is one day).
func intervalDefaultUnit(typmod int64) string {
	if typmod < 0 {
		return "second"
	}
	switch intervalTypmodRange(typmod) {
	case ivYear:
		return "year"
	case ivMonth, ivYear | ivMonth:
		return "month"
	case ivDay:
		return "day"
	case ivHour, ivDay | ivHour:
		return "hour"
	case ivMinute, ivHour | ivMinute, ivDay | ivHour | ivMinute:
		return "minute"
	}
	return "second"
}

// intervalMinSec reports whether "a:b" reads as minutes:seconds under
// typmod (MINUTE TO SECOND), as DecodeTime does.
func intervalMinSec(typmod int64) bool {
	return typmod >= 0 && intervalTypmodRange(typmod) == ivMinute|ivSecond
}

// intervalFieldsEnd reports whether the tokens before b end with the
// fields of an interval type or literal (x::interval day to second,
// interval '1' day): the last word is then no column alias.
func (x *tx) intervalFieldsEnd(b int) bool {
	j := b - 1
	for j > 0 && x.T(j).typ == tIdent && intervalFieldWords[x.T(j).upper()] {
		j--
	}
	if j == b-1 {
		return false
	}
	return x.T(j).kw("INTERVAL") || x.T(j).typ == tString && x.T(j-1).kw("INTERVAL")
}

// intervalInfoType is information_schema.columns.interval_type: the fields
// in upper case with the precision ("DAY TO SECOND(0)"), NULL (nil) for
// an interval without fields.
func intervalInfoType(typmod int64) any {
	w, ok := intervalRangeWords[intervalTypmodRange(typmod)]
	if typmod < 0 || !ok {
		return nil
	}
	return strings.ToUpper(w + formatIntervalTypmod(intervalTypmodOf(ivFullRange, intervalTypmodPrecision(typmod))))
}

// intervalTypeErr is PostgreSQL's syntax error for the interval type at
// i..end-1 when its modifiers are not in the grammar (interval day to
// year, interval hour(2)); nil for any other type.
func (x *tx) intervalTypeErr(i, end int) error {
	if !x.T(i).kw("INTERVAL") || end <= i+1 || x.isP(i+1, "(") {
		return nil
	}
	k := i + 1
	if x.T(k).kw("TO") {
		return x.syntaxErrAt(k)
	}
	last := k
	if x.kw(k+1, "TO") {
		last = k + 2
		if _, ok := intervalRanges[strings.ToLower(x.T(k).text+" to "+x.T(last).text)]; !ok || last >= end {
			return x.syntaxErrAt(min(last, end-1))
		}
	}
	if last+1 < end && x.isP(last+1, "(") && !x.T(last).kw("SECOND") {
		return x.syntaxErrAt(last + 1)
	}
	if last+1 < end && !x.isP(last+1, "(") {
		return x.syntaxErrAt(last + 1)
	}
	return nil
}

// intervalLiteralItem reports whether a..b-1 is one typed interval literal
// with fields or a precision (interval '1' day, interval(3) '1.5'), not
// an expression that starts with one (interval '1 day' * 2 is ?column?).
func (x *tx) intervalLiteralItem(a, b int) bool {
	k := a + 1
	if x.isP(k, "(") {
		k = x.match(k) + 1
	}
	if k >= b || x.T(k).typ != tString {
		return false
	}
	for k++; k < b; {
		switch {
		case x.T(k).typ == tIdent:
			k++
		case x.isP(k, "("):
			k = x.match(k) + 1
		default:
			return false
		}
	}
	return k == b
}
