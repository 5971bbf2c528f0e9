package pgdialect

// datetime_casts.go: which casts between the date/time types exist.
// PostgreSQL's pg_cast joins date, time, timetz, timestamp, timestamptz
// and interval by dtCasts alone; any other pair is 42846 `cannot cast
// type timestamp without time zone to time with time zone` at parse
// analysis, whatever the rows. The cast functions read their operand's
// text, so ts::timetz was answered (03:04:05+00) and date::time was
// 22007 `invalid input syntax for type time: "2024-01-02"`, and
// interval::time, which PostgreSQL has (the interval's time of day), was
// 22007 too. The operand's type is the one the statement shows (refused
// at translation, with the cast's position), else the run-time type of a
// column (or of an expression over columns: dtTypeExpr) that
// pg_dt_cast_from reads when the statement runs (no position, as other
// run-time refusals).

import (
	"database/sql/driver"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
	sqlite "modernc.org/sqlite"
)

func init() {
	arrayFuncs["pg_dt_cast_from"] = struct {
		n int32
		f fn
	}{3, fnDTCastFrom}
}

// dtCastTypes are the date/time types by the names dtTypeExpr gives.
var dtCastTypes = map[string]uint32{"date": pgoid.Date, "time": pgoid.Time, "timetz": pgoid.Timetz,
	"timestamp": pgoid.Timestamp, "timestamptz": pgoid.Timestamptz, "interval": pgoid.Interval}

// dtCasts: the casts PostgreSQL 15 has between them (pg_cast), besides a
// type's to itself.
var dtCasts = map[[2]uint32]bool{
	{pgoid.Date, pgoid.Timestamp}: true, {pgoid.Date, pgoid.Timestamptz}: true,
	{pgoid.Time, pgoid.Timetz}: true, {pgoid.Time, pgoid.Interval}: true,
	{pgoid.Timetz, pgoid.Time}:    true,
	{pgoid.Timestamp, pgoid.Date}: true, {pgoid.Timestamp, pgoid.Time}: true, {pgoid.Timestamp, pgoid.Timestamptz}: true,
	{pgoid.Timestamptz, pgoid.Date}: true, {pgoid.Timestamptz, pgoid.Time}: true, {pgoid.Timestamptz, pgoid.Timestamp}: true, {pgoid.Timestamptz, pgoid.Timetz}: true,
	{pgoid.Interval, pgoid.Time}: true,
}

// dtCastRefused is PostgreSQL's 42846 for a cast from date/time type
// from to date/time type to that it has no cast for; nil when it has
// one or either is another type.
func dtCastRefused(from, to uint32) *Error {
	if from == to || from == 0 || to == 0 || dtCasts[[2]uint32{from, to}] {
		return nil
	}
	return &Error{Code: "42846", Message: "cannot cast type " + FormatType(from, -1) + " to " + FormatType(to, -1)}
}

// dtCastCheck is the check of the cast at i of operand a..b-1 to tt: the
// refusal when the statement shows the operand's date/time type and
// PostgreSQL has no such cast, else the wrapping (pre, suf) that decides
// it at run time by the operand's type read then (pg_dt_cast_from), or
// takes an interval's time of day (interval::time); none for other
// operands and targets.
func (x *tx) dtCastCheck(a, b, i int, tt *pgType) (pre, suf string, err error) {
	to, ok := dtCastTypes[TypeName(tt.oid)]
	if !ok || x.catalog {
		return "", "", nil
	}
	te := x.dtTypeExpr(a, b) // datetime_nested.go
	if te == "" {
		return "", "", nil
	}
	if !runtimeTypeExpr(te) {
		from := dtCastTypes[te[1:len(te)-1]]
		if e := dtCastRefused(from, to); e != nil {
			e.Position = x.T(i).pos + 1
			return "", "", e
		}
		if from != pgoid.Interval || to != pgoid.Time {
			return "", "", nil
		}
	}
	return "pg_dt_cast_from(", ", " + te + ", " + quoteLit(TypeName(to)) + ")", nil
}

// fnDTCastFrom is pg_dt_cast_from(v, from, to): v, of date/time type
// from (dtTypeExpr's name; another or none: v as it is), for the cast to
// to: 42846 where PostgreSQL has no such cast, an interval's time of day
// for time (interval_time: the time part, modulo a day, never negative).
func fnDTCastFrom(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return a[0], nil
	}
	from, to := dtCastTypes[str(a[1])], dtCastTypes[str(a[2])]
	if e := dtCastRefused(from, to); e != nil {
		return nil, pgErr(e.Code, "%s", e.Message)
	}
	if from != pgoid.Interval || to != pgoid.Time {
		return a[0], nil
	}
	iv, err := parseInterval(str(a[0]))
	if err != nil {
		return a[0], nil // the cast reports it
	}
	us := iv.us % (24 * 3600 * usPerSec)
	if us < 0 {
		us += 24 * 3600 * usPerSec
	}
	return formatTimeCanon(us), nil
}
