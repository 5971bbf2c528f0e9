package pgdialect

// array_order.go: arrays order and compare as PostgreSQL's array_cmp does
// (docs/sql-dialect.md "Arrays"): element by element by the element type's
// own order, a NULL element after every non-NULL one (and equal to another
// NULL), and when one array is a prefix of the other the shorter first.
//
// Array values are stored as their text ('{10,9}'), so SQLite's own
// comparison would order them as text ('{10}' < '{9}'). Every array column
// is declared with the collation of its element type, pg_array_<elem>
// (pg_array_int4, ...), registered with the driver for every connection:
// ORDER BY, <, >, BETWEEN, min/max, GROUP BY, DISTINCT, window ORDER BY
// and indexes (UNIQUE included) on the column follow it. A collation is a
// pure function of the two texts (no catalog), so it is the same on every
// node and in every connection (determinism).
//
// Equality stays PostgreSQL's: stored arrays are canonical texts, so two
// texts compare equal exactly when their elements are equal by the element
// type (numeric '{1.0}' and '{1}' are equal, as in PostgreSQL; the numeric
// column collation does the same).

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	"github.com/raftsql/raftsql/pgwire/pgarray"
	"modernc.org/sqlite"
)

// ArrayCollationPrefix starts the name of an array column's collation; the
// element type's name follows (pg_array_int4).
const ArrayCollationPrefix = "pg_array_"

// arrayCollation is the COLLATE clause of a column of array type arr (a
// type table name such as "_int4"), or "" for none.
func arrayCollation(arr string) string {
	t := typeAlias[arr]
	if t == nil || t.cat != "A" {
		return ""
	}
	for _, e := range arrayElemTypes {
		if pgoid.ArrayOf(e) == t.oid {
			return " COLLATE " + ArrayCollationPrefix + pgoid.TypeName(e)
		}
	}
	return ""
}

// registerArrayCollations registers pg_array_<elem> for every supported
// element type.
func registerArrayCollations() error {
	for _, e := range arrayElemTypes {
		name := ArrayCollationPrefix + pgoid.TypeName(e)
		if err := sqlite.RegisterCollationUtf8(name, CompareArrayText(e)); err != nil && !strings.Contains(err.Error(), "already registered") {
			return fmt.Errorf("pgdialect: register collation %s: %w", name, err)
		}
	}
	return nil
}

// CompareArrayText compares two stored arrays of element type elem as
// PostgreSQL does. When either text is no array literal (nothing an array
// column's input function stores) the two compare as text.
func CompareArrayText(elem uint32) func(a, b string) int {
	cmpElem := elemComparer(elem)
	return func(a, b string) int {
		if a == b {
			return 0
		}
		if c, ok := compareSimpleArrays(a, b, cmpElem); ok {
			return c
		}
		ea, errA := pgarray.Parse(a)
		eb, errB := pgarray.Parse(b)
		if errA != nil || errB != nil {
			return strings.Compare(a, b)
		}
		for i := 0; i < len(ea) && i < len(eb); i++ {
			x, y := ea[i], eb[i]
			switch {
			case x.Null && y.Null:
				continue
			case x.Null:
				return 1
			case y.Null:
				return -1
			}
			if c := cmpElem(x.Val, y.Val); c != 0 {
				return c
			}
		}
		return cmp.Compare(len(ea), len(eb))
	}
}

// compareSimpleArrays compares two canonical array texts without quoted
// elements ('{1,2,NULL}', the form of every number, date and uuid array)
// in place, without parsing them into slices; ok false: not that form.
func compareSimpleArrays(a, b string, cmpElem func(a, b string) int) (int, bool) {
	if len(a) < 2 || len(b) < 2 || a[0] != '{' || b[0] != '{' || a[len(a)-1] != '}' || b[len(b)-1] != '}' {
		return 0, false
	}
	ia, ib := a[1:len(a)-1], b[1:len(b)-1]
	if strings.ContainsAny(ia, "\"\\{} \t\n\r\v\f") || strings.ContainsAny(ib, "\"\\{} \t\n\r\v\f") {
		return 0, false
	}
	next := func(s string) (elem, rest string, more bool) {
		if s == "" {
			return "", "", false
		}
		if i := strings.IndexByte(s, ','); i >= 0 {
			return s[:i], s[i+1:], true
		}
		return s, "", true
	}
	for {
		x, ra, okA := next(ia)
		y, rb, okB := next(ib)
		switch {
		case !okA && !okB:
			return 0, true
		case !okA:
			return -1, true
		case !okB:
			return 1, true
		}
		nx, ny := strings.EqualFold(x, "NULL"), strings.EqualFold(y, "NULL")
		switch {
		case nx && ny:
		case nx:
			return 1, true
		case ny:
			return -1, true
		default:
			if c := cmpElem(x, y); c != 0 {
				return c, true
			}
		}
		ia, ib = ra, rb
	}
}

// elemComparer is the order of canonical element texts of type elem.
func elemComparer(elem uint32) func(a, b string) int {
	switch elem {
	case pgoid.Int2, pgoid.Int4, pgoid.Int8:
		return func(a, b string) int {
			x, errA := strconv.ParseInt(a, 10, 64)
			y, errB := strconv.ParseInt(b, 10, 64)
			if errA != nil || errB != nil {
				return strings.Compare(a, b)
			}
			return cmp.Compare(x, y)
		}
	case pgoid.Float4, pgoid.Float8:
		return compareFloatText
	case pgoid.Numeric:
		return compareNumericText // numeric_funcs.go
	case pgoid.Date, pgoid.Timestamp, pgoid.Timestamptz:
		typ := pgoid.TypeName(elem)
		return func(a, b string) int { return compareDateTimeText(typ, a, b) }
	}
	// text, varchar, bpchar (C collation, as raftsql's text), uuid
	// (canonical lower-case hex: byte order is PostgreSQL's), bool (f < t)
	return strings.Compare
}

// compareFloatText is float8's order: -Infinity < numbers < Infinity < NaN,
// NaN equal to NaN, -0 equal to 0.
func compareFloatText(a, b string) int {
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	if errA != nil || errB != nil {
		return strings.Compare(a, b)
	}
	nx, ny := math.IsNaN(x), math.IsNaN(y)
	switch {
	case nx && ny:
		return 0
	case nx:
		return 1
	case ny:
		return -1
	}
	return cmp.Compare(x, y)
}

// compareDateTimeText orders canonical date/timestamp texts: by their bytes
// when both are plain ISO texts of the same length (four-digit years, AD),
// otherwise by their instants with -infinity first and infinity last.
func compareDateTimeText(typ, a, b string) int {
	plain := func(s string) bool { return !strings.ContainsAny(s, "BCinfty") }
	if len(a) == len(b) && plain(a) && plain(b) {
		return strings.Compare(a, b)
	}
	rank := func(s string) (int, dtValue, bool) {
		v, err := parseDT(typ, s)
		if err != nil {
			return 0, v, false
		}
		switch v.special {
		case "-infinity":
			return -1, v, true
		case "infinity":
			return 1, v, true
		}
		return 0, v, true
	}
	ra, va, okA := rank(a)
	rb, vb, okB := rank(b)
	if !okA || !okB {
		return strings.Compare(a, b)
	}
	if ra != 0 || rb != 0 {
		return cmp.Compare(ra, rb)
	}
	return va.instant().Compare(vb.instant())
}
