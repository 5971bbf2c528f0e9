package pgdialect

// datetime_local.go: the current date and time in the session TimeZone.
// PostgreSQL's CURRENT_DATE, LOCALTIMESTAMP, LOCALTIME and CURRENT_TIME
// are the transaction's start instant (here: the entry's pinned time, as
// now()) seen on the session zone's clocks; SQLite's CURRENT_DATE and
// CURRENT_TIME are UTC, so in America/New_York at 22:00 local time
// current_date was already tomorrow's date (and now()::date =
// current_date false). They are translated as the casts of now() that
// PostgreSQL defines them as, which take the local date and time
// (pg_tstz_local, datetime_zone.go): the apply connection computes them
// in the entry's TimeZone, so every node writes the same value.
//
// The function-call form date(x) is PostgreSQL's cast x::date (SQLite's
// date() does not read a timestamptz written with a +00 offset and
// returned NULL); a timestamptz cast to timetz takes the session zone's
// offset at that instant, as PostgreSQL's timestamptz_timetz.

import (
	"database/sql/driver"
	"fmt"
	"sort"
	"strings"
	"time"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// The translations of the SQL-standard current date/time keywords. The
// catalog shows a column DEFAULT written with them under its keyword
// (localNowKeyword), as PostgreSQL's pg_get_expr does.
const (
	currentDateSQL    = "pg_cast_date(pg_tstz_local(" + nowSQL + ", 'timestamptz'))"
	localTimestampSQL = "pg_cast_timestamp(pg_tstz_local(" + nowSQL + ", 'timestamptz'))"
	localTimeSQL      = "pg_cast_time(pg_tstz_local(" + nowSQL + ", 'timestamptz'))"
	currentTimeSQL    = "pg_cast_timetz(pg_tstz_timetz(" + nowSQL + ", 'timestamptz'))"
)

// localNowSQL is the translation of keyword u (upper case), "" when u is
// not one of them.
func localNowSQL(u string) string {
	switch u {
	case "CURRENT_DATE":
		return currentDateSQL
	case "LOCALTIMESTAMP":
		return localTimestampSQL
	case "LOCALTIME":
		return localTimeSQL
	case "CURRENT_TIME":
		return currentTimeSQL
	}
	return ""
}

// localNowKeyword is the keyword whose translation is d, "" for other
// expressions.
func localNowKeyword(d string) string {
	switch d {
	case currentDateSQL:
		return "CURRENT_DATE"
	case localTimestampSQL:
		return "LOCALTIMESTAMP"
	case localTimeSQL:
		return "LOCALTIME"
	case currentTimeSQL:
		return "CURRENT_TIME"
	}
	return ""
}

func init() {
	ZonedFunctions = append(ZonedFunctions, ZonedFunc{"pg_tstz_timetz", 2, tstzTimetz})
}

// tstzTimetz is pg_tstz_timetz(value, type): a timestamptz as the
// time-of-day and UTC offset the session zone's clocks show at that
// instant (PostgreSQL's timestamptz_timetz), for the cast to timetz to
// read. Values of other types pass unchanged, as in tstzLocal.
func tstzTimetz(a []driver.Value, zone *time.Location) (driver.Value, error) {
	if !isTimestamptzArg(a) {
		return a[0], nil
	}
	o, err := operand(a[0], "timestamptz")
	if err != nil || o.inf != "" {
		return a[0], nil // the cast reports the error
	}
	w, off := localWall(o.t, zone)
	return fmt.Sprintf("%02d:%02d:%02d%s%s", w.Hour(), w.Minute(), w.Second(), fracString(w.Nanosecond()), formatOffset(off)), nil
}

// localDefaultWrap is the wrapping of a timestamptz DEFAULT expression
// (now(), CURRENT_TIMESTAMP) of a date, time or timestamp column (input
// function name): PostgreSQL's assignment cast takes the local date and
// time in the session zone (at apply: the entry's), while the input
// function of the value's text would keep its UTC fields.
func (x *tx) localDefaultWrap(name string, lo, hi int) (pre, suf string) {
	switch name {
	case "pg_in_date", "pg_in_time", "pg_in_timestamp":
		if x.dtTypeLexical(lo, hi, x.dtTypes) == "timestamptz" {
			return "pg_tstz_local(", ", 'timestamptz')"
		}
	}
	return "", ""
}

// unwrapLocalDefault is a stored default without localDefaultWrap's
// wrapping, for the catalog (pg_get_expr shows now()).
func unwrapLocalDefault(d string) string {
	const pre, suf = "pg_tstz_local(", ", 'timestamptz')"
	if strings.HasPrefix(d, pre) && strings.HasSuffix(d, suf) {
		if x := newTx(d); x.match(1) == x.n()-1 {
			return stripParens(d[len(pre) : len(d)-len(suf)])
		}
	}
	return d
}

// isTimestamptzArg reports whether the value a[0] of pg_tstz_local /
// pg_tstz_timetz is a timestamptz by its type argument a[1]: a type name
// (a column's declared type, read at run time), or 'auto' for a sum or
// difference whose type the statement does not show ((ts + interval
// '1 hour')::date: the date/time operators are translated after the
// casts), read from the value as the date/time operators read an untyped
// operand (guessDTType: their results are in canonical form, a
// timestamptz with its +00).
func isTimestamptzArg(a []driver.Value) bool {
	if a[0] == nil || a[1] == nil {
		return false
	}
	if t := str(a[1]); t == "auto" {
		_, isText := a[0].(string)
		return isText && guessDTType(a[0]) == "timestamptz"
	}
	oid, _ := DeclTypeOID(str(a[1]))
	return oid == pgoid.Timestamptz
}

// sumOperand reports whether operand a..b-1 (in parentheses or not) is a
// sum or difference at its own level: a date/time operator once
// datetimePass has run.
func (x *tx) sumOperand(a, b int) bool {
	for b-a >= 2 && x.isP(a, "(") && x.match(a) == b-1 {
		a, b = a+1, b-1
	}
	for k := a + 1; k < b; k++ {
		if t := x.T(k); x.depth[k] == x.depth[a] && (t.typ == tOp || t.typ == tPunct) && (t.text == "+" || t.text == "-") {
			return true
		}
	}
	return false
}

// dateCalls rewrites each one-argument call date(x) into CAST(x AS date)
// (the function-call form of the cast in PostgreSQL), so the cast's rules
// apply: a timestamptz gives its date in the session zone. It returns the
// new statement and the byte offsets of the CAST tokens it wrote (the
// columns keep PostgreSQL's name, date); the statement unchanged when
// there is none (no allocation: this runs on every statement).
// date(x, modifier...) stays SQLite's (PostgreSQL has no such function).
func (x *tx) dateCalls() (string, map[int]bool) {
	type edit struct {
		pos, cut int // replace src[pos:pos+cut]
		with     string
	}
	var edits []edit
	for i := 0; i+1 < x.n(); i++ {
		t := x.T(i)
		if t.typ != tIdent || !strings.EqualFold(t.text, "date") || !x.isP(i+1, "(") || i > 0 && (x.isP(i-1, ".") || x.T(i-1).typ == tCast) {
			continue
		}
		// e == x.n(): the "(" is never closed, a syntax error SQLite
		// reports; there is no ")" to put the cast's type before.
		e := x.match(i + 1)
		if e <= i+2 || e >= x.n() || len(x.splitTop(i+2, e)) != 1 {
			continue
		}
		edits = append(edits, edit{t.pos, len(t.text), "CAST"}, edit{x.T(e).pos, 0, " AS date"})
	}
	if edits == nil {
		return x.src, nil
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].pos < edits[j].pos })
	var b strings.Builder
	at, casts := 0, map[int]bool{}
	for _, e := range edits {
		b.WriteString(x.src[at:e.pos])
		if e.cut > 0 {
			casts[b.Len()] = true
		}
		b.WriteString(e.with)
		at = e.pos + e.cut
	}
	b.WriteString(x.src[at:])
	return b.String(), casts
}
