package pgdialect

import "strings"

// extract(unit FROM a date constant) is folded by PostgreSQL's planner
// (extract of a date is immutable), so a unit a date has not (hour,
// minute, second, ..., timezone: 0A000 "unit "hour" not supported for type
// date"; an unknown word: 22023) fails the statement even when no row is
// read, where SQLite's per-row call answered an empty result. Such a call
// is one of planConstants' folds, evaluated before the statement runs;
// one with a unit the date has is left out (nothing to fail, nothing to
// evaluate), as is a source of any other type or not constant.

// dateUnitRefused reports whether the extract unit at token unit is one a
// date refuses and src, the call's source, is a date literal ('...'::date,
// date '...', CAST('...' AS date)).
func (x *tx) dateUnitRefused(unit int, src cnode) bool {
	if src.state != cLit || !x.dateLiteral(src.lo, src.hi) {
		return false
	}
	t := x.T(unit)
	var field string
	switch t.typ {
	case tIdent, tQIdent:
		field = t.identName()
	case tString:
		v, ok := unquoteString(t)
		if !ok {
			return false
		}
		field = v
	default:
		return false
	}
	field = strings.ToLower(field)
	return dateTimeUnits[field] || !extractUnits[field]
}

// dateLiteral reports whether tokens lo..hi-1 are a string literal cast
// to date.
func (x *tx) dateLiteral(lo, hi int) bool {
	isDate := func(i, end int) bool {
		e, name, _, arr, ok := x.parseType(i)
		return ok && !arr && e == end && name == "date"
	}
	switch {
	case x.T(lo).typ == tString && x.T(lo+1).typ == tCast:
		return isDate(lo+2, hi)
	case x.T(lo).typ == tIdent && x.T(lo).identName() == "date" && x.T(lo+1).typ == tString:
		return hi == lo+2
	case x.kw(lo, "CAST") && x.isP(lo+1, "(") && x.T(lo+2).typ == tString && x.kw(lo+3, "AS"):
		return x.match(lo+1) == hi-1 && isDate(lo+4, hi-1)
	}
	return false
}
