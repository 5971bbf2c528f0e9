package pgdialect

// interval_order.go: interval columns order and compare as PostgreSQL's
// interval_cmp does, by value with 30-day months and 24-hour days ('1 mon'
// after '3 days', '1 mon' equal to '30 days'), not as their stored text.
//
// Every interval column is declared COLLATE pg_interval (ddl.go's
// columnDef; ALTER COLUMN ... TYPE gets it from there too), a collation
// registered with the driver, so on every connection (writer, readers,
// snapshot verify/import, integrity_check): ORDER BY, <, >, BETWEEN,
// min/max, GROUP BY, DISTINCT and indexes on the column follow it. It is a
// pure function of the two texts, the same on every node. Columns created
// before it existed keep SQLite's text order (their declared type has no
// collation, which nothing requires).
//
// Equality is PostgreSQL's too: '1 mon' = '30 days' on such a column (a
// UNIQUE index on it treats them as duplicates, as PostgreSQL's does).

import "strings"

// IntervalCollation is the collation of interval columns.
const IntervalCollation = "pg_interval"

// intervalCalls return an interval whatever their arguments.
var intervalCalls = map[string]bool{"age": true, "justify_days": true, "justify_hours": true, "justify_interval": true, "make_interval": true}

// intervalCallCollation gives the calls of intervalCalls the collation of
// interval columns, so that they order, group and compare by value as
// the columns do (ORDER BY justify_interval(iv) put '-02:00:00' before
// '-29 days' as text).
func (x *tx) intervalCallCollation() {
	if !x.castsChecked() {
		return
	}
	for i := x.n() - 3; i >= 0; i-- {
		t := x.T(i)
		if t.typ != tIdent || t.ed || !intervalCalls[strings.ToLower(t.text)] || !x.isP(i+1, "(") || x.isP(i-1, ".") || x.relationAt(i) {
			continue
		}
		e := x.match(i + 1)
		if e <= i+1 || e >= x.n() {
			continue
		}
		x.T(i).pre += "("
		x.T(e).suf = " COLLATE " + IntervalCollation + ")" + x.T(e).suf
	}
}

// compareIntervalText is the pg_interval collation. Texts that are no
// interval (nothing the column's input function stores) sort after every
// interval, among themselves as text, so the order stays total: the text
// order of dates and timestamps, which the date/time operators' results
// carrying this collation keep.
func compareIntervalText(a, b string) int {
	if a == b {
		return 0
	}
	if datePrefix(a) && datePrefix(b) {
		// no interval (the parse would fail): dates and timestamps as
		// their columns order them (datetime_order.go: BC first)
		return compareDatetimeText(a, b)
	}
	return compareParsed(a, b, parseInterval, compareIntervals) // type_collations.go
}

// datePrefix reports whether s starts as a date's text does (2024-01-31,
// 12345-01-01), which no interval's does.
func datePrefix(s string) bool {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n >= 4 && n < len(s) && s[n] == '-'
}

// compareIntervals orders a and b by their span with 30-day months and
// 24-hour days, exactly (no float rounding: days and the rest of a day
// are compared apart, so no product overflows).
func compareIntervals(a, b interval) int {
	da, ra := a.spanDays()
	db, rb := b.spanDays()
	switch {
	case da != db:
		if da < db {
			return -1
		}
		return 1
	case ra < rb:
		return -1
	case ra > rb:
		return 1
	}
	return 0
}

// spanDays is the interval's span as whole days (months as 30) and the
// microseconds left over, 0 <= rest < usPerDay.
func (iv interval) spanDays() (days, rest int64) {
	days = iv.months*30 + iv.days + iv.us/usPerDay
	rest = iv.us % usPerDay
	if rest < 0 {
		days--
		rest += usPerDay
	}
	return days, rest
}
