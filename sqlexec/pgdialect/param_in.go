package pgdialect

import (
	"database/sql/driver"
	"time"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// paramInTypes are the parameter types whose text a bound argument is read
// by, at Bind, with the type's input function (ParamIn): the types whose
// values are stored in one canonical text, so that a parameter compared
// with a column (WHERE t = $1, iv < $1) meets the stored form, as
// PostgreSQL reads the parameter's text as a value of its type. The others
// need nothing: numbers and bytea are decoded by the wire protocol (and
// compare by value with SQLite's affinity), and text is its own form.
// Booleans and uuids are decoded by the wire protocol too, but EXECUTE's
// arguments arrive as their text ('yes' for a boolean). Arrays of every type are read too:
// '{"a", b}' is stored as {a,b}. json keeps its text as written (it
// has no equality), and enums and domains have no fixed OID. bit is left
// out: its input without a length is bit(1)'s, where a parameter's bit has
// none (pgx binds '1010' to a bit(4) column as a bit parameter).
var paramInTypes = map[uint32]bool{
	pgoid.Date: true, pgoid.Timestamp: true, pgoid.Timestamptz: true,
	pgoid.Time: true, pgoid.Timetz: true, pgoid.Interval: true,
	pgoid.Bpchar: true, pgoid.Varbit: true,
	pgoid.JSONB: true, pgoid.Inet: true, pgoid.Cidr: true,
	pgoid.Macaddr: true, pgoid.Macaddr8: true, pgoid.Money: true,
	pgoid.Bool: true, pgoid.UUID: true,
	pgoid.Int4Range: true, pgoid.Int8Range: true, pgoid.NumRange: true,
	pgoid.DateRange: true, pgoid.TsRange: true, pgoid.TstzRange: true,
}

// ParamIn is a bound parameter's text read by the input function of the
// parameter's type oid (typmod -1, as PostgreSQL's parameters have none):
// its canonical stored form, or PostgreSQL's error for a value the type
// does not accept. now resolves 'now', 'today' and a timetz's offset; zone
// is the session's TimeZone, which a date/time without a zone is read in.
// Other values (not a string, or of a type paramInTypes lacks) are
// returned unchanged.
func ParamIn(v driver.Value, oid uint32, now time.Time, zone *time.Location) (driver.Value, error) {
	s, ok := v.(string)
	if !ok || !ParamReads(oid) {
		return v, nil
	}
	name := assignTypeName(oid)
	if name == "" {
		return v, nil
	}
	return InDeclAt(s, name, func() time.Time { return now }, zone)
}

// ParamReads reports whether ParamIn reads a text argument of a parameter
// of type oid (the others pass unchanged): a caller asks before it looks up
// the clock and the session's zone.
func ParamReads(oid uint32) bool {
	e := pgoid.ElemOf(oid)
	return paramInTypes[oid] || e != 0 && e != pgoid.Bit
}

// TimeParamText is the canonical text of a date/time value a client bound
// in binary (a time.Time) for a parameter of type oid: a date's, a
// time's, a timestamp's (the wall clock as sent) or a timestamptz's (the
// instant, in UTC with its +00), BC years as PostgreSQL writes them;
// another type's parameter takes the timestamp's text.
func TimeParamText(t time.Time, oid uint32) string {
	switch oid {
	case pgoid.Date:
		return formatDateCanon(t)
	case pgoid.Time:
		return formatTimeCanon(int64(t.Hour())*3600e6 + int64(t.Minute())*60e6 + int64(t.Second())*1e6 + int64(t.Nanosecond()/1000))
	case pgoid.Timestamptz:
		// an instant: with its zone, or a session TimeZone other than
		// UTC would read the UTC clock as its own local time
		return formatTimestamptzCanon(t)
	}
	return formatTimestampCanon(t.UTC())
}
