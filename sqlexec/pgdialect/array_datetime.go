package pgdialect

// array_datetime.go: ARRAY[...] of date, timestamp and timestamptz
// columns. PostgreSQL converts the elements to their common type, the
// widest of them (a date converts implicitly to timestamp, a timestamp to
// timestamptz, not back), and reads a quoted literal among them by that
// type's input: ARRAY[d, ts] is timestamp[] with the date at midnight
// ({"2024-01-02 00:00:00","2024-01-03 04:05:06"}), ARRAY[ts, tz]
// timestamptz[]. The translation (pg_array, array_translate.go) kept
// each value as stored, a different answer. The columns' types are their
// declared types, known once SQLite has compiled the statement
// (typedconvert.go runs this), as for bpchar_mixed.go; an element of
// another form (an expression, a function) leaves the call as it is.

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// datetimeRank orders date, timestamp and timestamptz by PostgreSQL's
// implicit casts, each to the next.
var datetimeRank = map[uint32]int{pgoid.Date: 1, pgoid.Timestamp: 2, pgoid.Timestamptz: 3}

// datetimeCast is the translation's cast function to each of them.
var datetimeCast = map[uint32]string{pgoid.Date: "pg_cast_date", pgoid.Timestamp: "pg_cast_timestamp", pgoid.Timestamptz: "pg_cast_timestamptz"}

// datetimeCommon is the common type of date/time element types oids (0:
// an unknown literal or NULL), 0 when one is of another type or none is
// typed.
func datetimeCommon(oids []uint32) uint32 {
	var res uint32
	for _, o := range oids {
		switch {
		case o == 0:
		case datetimeRank[o] == 0:
			return 0
		case datetimeRank[o] > datetimeRank[res]:
			res = o
		}
	}
	return res
}

// ArrayDatetimeConversion is sqlText (SQLite text) with the elements of
// its pg_array calls over date/time columns converted to their common
// type, "" when none needs it. declOf evaluates an SQL expression (a
// column's declared type's read) and returns its text.
func ArrayDatetimeConversion(sqlText string, declOf func(expr string) string) string {
	if !strings.Contains(strings.ToLower(sqlText), "pg_array(") {
		return ""
	}
	x := newTx(sqlText)
	decls := map[string]string{}
	colType := func(a, b int) uint32 {
		qual, col, ok := x.bareColumn(a, b)
		if !ok || x.inSchemaQuery(a) {
			return 0
		}
		e := x.columnTypeExpr(qual, col) // pgcast.go
		if e == "NULL" {
			return 0
		}
		d, known := decls[e]
		if !known {
			d = declOf(e)
			decls[e] = d
		}
		o, _ := DeclTypeOID(d)
		return o
	}
	var eds []textEdit
	for i := 0; i+1 < x.n(); i++ {
		if !x.isCall(i, "pg_array") {
			continue
		}
		args := x.splitTop(i+2, x.match(i+1))
		oids := make([]uint32, len(args))
		lits := make([]bool, len(args))
		known := true
		for k, p := range args {
			a, b := x.unparen(p[0], p[1])
			switch {
			case b == a+1 && x.T(a).kw("NULL"):
			case b == a+1 && x.T(a).typ == tString:
				lits[k] = true
			default:
				if oids[k] = colType(a, b); oids[k] == 0 {
					known = false
				}
			}
		}
		common := datetimeCommon(oids)
		if !known || common == 0 {
			continue
		}
		for k, p := range args {
			if !lits[k] && (oids[k] == 0 || oids[k] == common) {
				continue
			}
			eds = append(eds, textEdit{x.T(p[0]).pos, 0, datetimeCast[common] + "("},
				textEdit{x.T(p[1]-1).pos + len(x.T(p[1]-1).text), 0, ")"})
		}
	}
	if len(eds) == 0 {
		return ""
	}
	return applyEdits(sqlText, eds)
}
