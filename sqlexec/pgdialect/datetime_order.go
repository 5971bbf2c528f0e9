package pgdialect

// datetime_order.go: date, timestamp and timestamptz columns order and
// compare as PostgreSQL's values do, not as their stored text.
//
// The stored text (datetime.go's canonical forms: 2024-01-31,
// 2024-01-31 04:05:06.5, 2024-01-31 04:05:06.5+00, with " BC" after a
// date before year 1, infinity, -infinity) sorts as its value for AD
// years 1 to 9999 only: '0044-03-15 BC' sorted between 0043 and 0045 AD,
// a later BC year after an earlier one, '12345-01-01' before
// '2024-01-01', and infinity/-infinity as the words. ORDER BY, <, >,
// BETWEEN, min/max and index lookups of a column holding such values
// answered in that order where PostgreSQL puts -infinity first, then BC
// years from the earliest, then AD years by number, then infinity.
//
// Every date, timestamp and timestamptz column is declared COLLATE
// pg_datetime (type_collations.go, as interval's pg_interval), a pure
// function of the two texts registered with the driver on every
// connection. Two texts of AD years of four digits compare as their
// bytes, exactly as before, so values of existing tables (whose columns,
// created before the collation, keep SQLite's text order) and the
// comparisons pg_dt_as arranges (datetime_as_column.go: a date's text
// followed by a space lies between two dates) are unchanged; the stored
// forms are unchanged too.

import "strings"

// DatetimeCollation is the collation of date, timestamp and timestamptz
// columns.
const DatetimeCollation = "pg_datetime"

// dtOrder classes, in the order PostgreSQL's values take.
const (
	dtNegInf  = iota // -infinity
	dtBC             // a year before 1 (" BC")
	dtPlain          // an AD year of four digits, and any other text: its bytes
	dtBigYear        // an AD year of five or more digits
	dtPosInf         // infinity
)

// dtSplit classifies s for compareDatetimeText: its class, and for the
// BC and big-year classes the year's digits and the rest of the text
// (the " BC" marker taken out), which orders the values within a year.
func dtSplit(s string) (class int, year, rest string) {
	switch s {
	case "-infinity":
		return dtNegInf, "", ""
	case "infinity":
		return dtPosInf, "", ""
	}
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	if n < 4 || n == len(s) || s[n] != '-' {
		return dtPlain, "", s
	}
	if i := strings.Index(s[n:], " BC"); i >= 0 {
		i += n
		return dtBC, s[:n], s[n:i] + s[i+3:]
	}
	if n > 4 {
		return dtBigYear, s[:n], s[n:]
	}
	return dtPlain, "", s
}

// compareDatetimeText is the pg_datetime collation.
func compareDatetimeText(a, b string) int {
	if a == b {
		return 0
	}
	ca, ya, ra := dtSplit(a)
	cb, yb, rb := dtSplit(b)
	if ca != cb {
		if ca < cb {
			return -1
		}
		return 1
	}
	c := 0
	switch ca {
	case dtBC:
		// an earlier BC year (a larger number) first; within a year the
		// months and days run forward
		if c = -compareDigits(ya, yb); c == 0 {
			c = strings.Compare(ra, rb)
		}
	case dtBigYear:
		if c = compareDigits(ya, yb); c == 0 {
			c = strings.Compare(ra, rb)
		}
	}
	if c == 0 {
		c = strings.Compare(a, b) // a total order: texts of one key by their bytes
	}
	return c
}

// compareDigits orders two runs of decimal digits by their numbers.
func compareDigits(a, b string) int {
	a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
	if len(a) != len(b) {
		if len(a) < len(b) {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}
