package pgdialect

// datetime_zone.go: the date/time functions whose result depends on the
// session TimeZone. A timestamptz is stored as its UTC instant
// (datetime.go), but PostgreSQL computes its calendar fields in the
// session's zone: date_trunc('day', ts) is local midnight, EXTRACT(hour)
// the local hour, ts + interval '1 day' the same local time on the next
// calendar day (23 or 25 hours across a DST change), ts::date the local
// date, to_char the local time with the zone's abbreviation.
//
// Each of these is a pure function of its arguments and the zone. The
// process-wide registrations (Register) compute in UTC; sqlexec replaces
// them on every connection with versions that pass the zone bound to the
// connection (ZonedFunctions): on the apply connection that is the
// TimeZone carried in the entry (Command.TimeZone), so every node computes
// the same value.

import (
	"database/sql/driver"
	"fmt"
	"strings"
	"time"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// ZonedFunc is a registered SQL function whose result depends on the
// session time zone zone (never nil).
type ZonedFunc struct {
	Name string
	N    int32
	F    func(a []driver.Value, zone *time.Location) (driver.Value, error)
}

// ZonedFunctions are the session-TimeZone-dependent date/time functions.
// Register installs them computing in UTC; sqlexec installs them per
// connection with the connection's zone.
var ZonedFunctions = []ZonedFunc{
	// (field, source[, zone]), (field, source, NULL, source's type):
	// datetime_translate.go's dateTruncTyped
	{"date_trunc", -1, dateTruncIn},
	{"date_bin", 3, dateBinIn}, // datebin.go
	{"date_bin", 5, dateBinIn},
	{"pg_extract", -1, func(a []driver.Value, z *time.Location) (driver.Value, error) { return extractArgs(a, true, z) }},
	{"date_part", -1, func(a []driver.Value, z *time.Location) (driver.Value, error) { return extractArgs(a, false, z) }},
	{"age", 2, ageIn},
	{"timezone", 2, timezoneIn},      // datefuncs.go: a date is promoted to timestamptz
	{"pg_range_key", -1, rangeKeyIn}, // window_range.go
	{"pg_to_char", 2, toCharIn},
	{"pg_to_char", 3, toCharIn},                                // (number, format, its type): tocharnum.go's float4
	{"pg_dt_add", 4, unknownOperandIn("+", dtBinaryIn(dtAdd))}, // datetime_unknown.go
	{"pg_dt_sub", 4, unknownOperandIn("-", dtBinaryIn(dtSub))},
	{"pg_date_as", 2, dateAs},
	{"pg_dt_cmp", 4, dtBinaryIn(func(a, b dtOperand, zone *time.Location) (driver.Value, error) { return dtCmp(a, b, zone) })},
	{"pg_dt_cmp_nd", 4, func(a []driver.Value, zone *time.Location) (driver.Value, error) { // distinct_operator.go
		if a[0] == nil && a[2] == nil {
			return int64(0), nil
		}
		return dtBinaryIn(func(a, b dtOperand, zone *time.Location) (driver.Value, error) { return dtCmp(a, b, zone) })(a, zone)
	}},
	{"make_timestamptz", -1, func(a []driver.Value, zone *time.Location) (driver.Value, error) {
		return makeTimestampIn(true, a, zone)
	}},
	{"to_timestamp", -1, toTimestampIn},
	{"pg_tstz_local", 2, tstzLocal},
	{"pg_text", 2, textIn}, // pgcast.go: timestamptz::text
}

func init() {
	ZonedFunctions = append(ZonedFunctions, rangeZoned()...) // range_funcs.go
}

// registerZoned registers ZonedFunctions computing in UTC.
func registerZoned(register func(name string, n int32, f fn) error) error {
	for _, z := range ZonedFunctions {
		f := z.F
		if err := register(z.Name, z.N, func(_ *sqliteFunctionContext, a []driver.Value) (driver.Value, error) {
			return f(a, time.UTC)
		}); err != nil {
			return err
		}
	}
	return nil
}

// localWall is the wall-clock time of instant t in zone (its fields, as a
// UTC time) and zone's offset at t in seconds east of UTC.
func localWall(t time.Time, zone *time.Location) (time.Time, int) {
	if zone == nil {
		zone = time.UTC
	}
	l := t.In(zone)
	_, off := l.Zone()
	return time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), l.Second(), l.Nanosecond(), time.UTC), off
}

// zoneAbbrev is the abbreviation PostgreSQL prints for zone at t (to_char
// TZ): the tz database's ("+04" for zones without a name there), "" for
// a POSIX zone without one (+05:30).
func zoneAbbrev(t time.Time, zone *time.Location) string {
	name, _ := t.In(zone).Zone()
	return name
}

// tstzLocal is pg_tstz_local(value, type): a timestamptz as the
// timestamp the session zone's clocks show (the translator puts it under
// the casts of a timestamptz to date, time and timestamp, which take the
// local date and time as in PostgreSQL). type is the value's type as the
// statement shows it, or a column's declared type read at run time;
// values of other types pass unchanged (text input keeps its written
// fields: '2024-01-01 23:00-05'::date is 2024-01-01).
func tstzLocal(a []driver.Value, zone *time.Location) (driver.Value, error) {
	if !isTimestamptzArg(a) { // datetime_local.go
		return a[0], nil
	}
	o, err := operand(a[0], "timestamptz")
	if err != nil || o.inf != "" {
		return a[0], nil // the cast reports the error / keeps infinity
	}
	w, _ := localWall(o.t, zone)
	return formatTimestampCanon(w), nil
}

// addIntervalIn is timestamptz + interval in zone: months and days move
// the local calendar date (keeping the local time, resolved as WallIn
// does), the time part is elapsed time, as PostgreSQL's
// timestamptz_pl_interval.
func addIntervalIn(t time.Time, iv interval, zone *time.Location) time.Time {
	if zone == nil || zone == time.UTC || iv.months == 0 && iv.days == 0 {
		return addInterval(t, iv)
	}
	w, _ := localWall(t, zone)
	w = addInterval(w, interval{months: iv.months, days: iv.days})
	return WallIn(w, zone).Add(time.Duration(iv.us) * time.Microsecond)
}

// tstzLocalWrap is the wrapping (pg_tstz_local) the cast of operand a..b-1
// to tt needs: a timestamptz cast to date, time or timestamp takes its
// local date and time in the session zone. The operand's type is the one
// the statement shows, or for a bare column its declared type, read at
// run time; nothing for other casts and operands of other or unknown
// types.
func (x *tx) tstzLocalWrap(a, b int, tt *pgType) (pre, suf string) {
	fn := "pg_tstz_local("
	switch tt.oid {
	case pgoid.Date, pgoid.Time, pgoid.Timestamp:
	case pgoid.Timetz:
		fn = "pg_tstz_timetz(" // datetime_local.go
	default:
		return "", ""
	}
	if x.dtType(a, b, x.dtTypes) == "timestamptz" {
		return fn, ", 'timestamptz')"
	}
	if n, j := x.name(a); n != "" && j == b && !(x.T(a).typ == tIdent && reservedWord(x.T(a).upper())) {
		qual := ""
		if j-a >= 3 {
			qual = x.T(j - 3).identName()
		}
		return fn, ", " + x.columnTypeExpr(qual, n) + ")"
	}
	if x.sumOperand(a, b) { // datetime_local.go
		return fn, ", 'auto')"
	}
	if x.dtType(a, b, x.dtTypes) == "?" {
		// a value whose type is read at run time (date_trunc('week',
		// tz_col)::date took the date of the UTC text: the day before
		// east of Greenwich)
		if te := x.dtTypeExpr(a, b); runtimeTypeExpr(te) {
			return fn, ", " + te + ")"
		}
	}
	return "", ""
}

// dtCallType is the result type of the call a..b-1 of a date/time function
// whose type follows its arguments (date_trunc, date_bin, timezone / AT
// TIME ZONE),
// "?" when they do not show it. Clients are told timestamptz, so that the
// wire prints the value in the session zone.
func (x *tx) dtCallType(a, b int, known map[int]string) string {
	args := x.splitTop(a+2, b-1)
	arg := func(k int) string {
		if k >= len(args) {
			return ""
		}
		return x.dtType(args[k][0], args[k][1], known)
	}
	switch strings.ToLower(x.T(a).text) {
	case "date_trunc":
		if len(args) == 3 {
			return "timestamptz"
		}
		switch ty := arg(1); ty {
		case "date", "timestamptz":
			return "timestamptz"
		case "timestamp", "interval":
			return ty
		case "time": // cast to interval (datefuncs.go)
			return "interval"
		}
	case "date_bin":
		// timestamp when source and origin are timestamps (a date beside
		// a timestamp is one), else timestamptz
		s, o := arg(1), arg(2)
		null := func(k int) bool { return k < len(args) && args[k][1] == args[k][0]+1 && x.T(args[k][0]).kw("NULL") }
		if null(1) { // NULL takes the other operand's type
			s = o
		} else if null(2) {
			o = s
		}
		switch {
		case s == "timestamptz" || o == "timestamptz":
			return "timestamptz"
		case s == "timestamp" && (o == "timestamp" || o == "date"), s == "date" && o == "timestamp":
			return "timestamp"
		case s == "date" && o == "date":
			return "timestamptz"
		}
	case "timezone":
		return atTimeZoneResult(arg(1))
	}
	return "?"
}

// atTimeZoneResult is the type of timezone(zone, value) (value AT TIME
// ZONE zone) for a value of date/time type t (dtType's names), "?" when
// t is none of those timezone takes. A date is promoted to timestamptz,
// PostgreSQL's preferred type of the category, so its result is a
// timestamp (timezoneIn, datefuncs.go).
func atTimeZoneResult(t string) string {
	switch t {
	case "timestamptz", "date":
		return "timestamp"
	case "timestamp":
		return "timestamptz"
	case "time", "timetz":
		return "timetz" // timezoneTime
	}
	return "?"
}

func init() {
	ZonedFunctions = append(ZonedFunctions, ZonedFunc{"pg_timezone_time", 3, timezoneTime})
}

// timezoneTime is pg_timezone_time(zone, value, type): value AT TIME ZONE
// zone for a time or timetz value (type: its static type, or a column's
// read at run time; other types are timezone's), a timetz: the same
// instant of the day at zone's offset, a time taken at the session
// zone's. PostgreSQL takes a named zone's offset at the current date,
// which a replicated value cannot depend on; a zone whose offset never
// changes (UTC, +05:30, Asia/Tokyo) has one answer, another is refused.
func timezoneTime(a []driver.Value, session *time.Location) (driver.Value, error) {
	typ := str(a[2])
	if typ != "time" && typ != "timetz" {
		return timezoneIn(a[:2], session)
	}
	if anyNil(a[:2]) {
		return nil, nil
	}
	loc, err := zoneArg(a[0])
	if err != nil {
		return nil, err
	}
	d, err := parseDT(msgType[typ], str(a[1]))
	if err != nil {
		return nil, err
	}
	to, ok := fixedOffset(loc)
	if !ok {
		return nil, pgErr("0A000", "%s AT TIME ZONE '%s' is not supported (the zone's offset changes with the date; use a fixed offset)", msgType[typ], strings.TrimSpace(str(a[0])))
	}
	from := d.zoneOff
	if typ == "time" {
		if from, ok = fixedOffset(session); !ok {
			return nil, pgErr("0A000", "time AT TIME ZONE under a session TimeZone whose offset changes with the date (%s) is not supported (cast the time to timetz)", session)
		}
	}
	const day = 24 * usPerHour
	us := int64(d.h)*usPerHour + int64(d.mi)*usPerMin + int64(d.s)*usPerSec + int64(d.us)
	us = ((us-int64(from)*usPerSec+int64(to)*usPerSec)%day + day) % day
	w := time.Date(2000, 1, 1, 0, 0, 0, int(us*1000), time.UTC)
	return fmt.Sprintf("%02d:%02d:%02d%s%s", w.Hour(), w.Minute(), w.Second(), fracString(w.Nanosecond()), formatOffset(to)), nil
}

// fixedOffset is loc's offset in seconds east of UTC when it is the same
// on every half year from 1970 to 2037 (no daylight saving time and no
// change of standard time in that span), ok=false otherwise.
func fixedOffset(loc *time.Location) (off int, ok bool) {
	_, off = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).In(loc).Zone()
	for y := 1970; y <= 2037; y++ {
		for _, m := range []time.Month{time.January, time.July} {
			if _, o := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).In(loc).Zone(); o != off {
				return 0, false
			}
		}
	}
	return off, true
}

// dateBesideColumn rewrites the date, timestamp or timestamptz operand
// of a comparison with a bare column (between ls..i-1 and i+1..re-1, the
// operator at i; lt and rt their static date/time types) to
// pg_dt_as(value, its type, the column's date/time type)
// (datetime_as_column.go): the stored text of a timestamptz column
// compares with a date's midnight in the session zone, of a timestamp
// column with its midnight, as PostgreSQL promotes the date (in
// America/New_York ts >= '2024-06-01'::date was compared with UTC
// midnight, and ts = '2024-06-01'::date never held); a timestamp column
// with now() as the local wall time, a date column with a timestamp
// between two dates. The comparison stays one of texts of one type, so
// an index on the column still serves it.
func (x *tx) dateBesideColumn(ls, i, re int, lt, rt string) {
	wrap := func(da, db, ca, cb int, vt string) {
		ct := x.columnDTType(ca, cb) // datetime_columns.go
		if ct == "" {
			return
		}
		x.T(da).pre = "pg_dt_as(" + x.T(da).pre
		x.T(db - 1).suf += ", '" + vt + "', " + ct + ")"
	}
	// a value whose type is read at run time (tz_col + interval '1 day'):
	// that type, as pg_dt_as's second argument
	runtime := func(da, db, ca, cb int) {
		ct := x.columnDTType(ca, cb)
		if ct == "" {
			return
		}
		if te := x.dtTypeExpr(da, db); runtimeTypeExpr(te) {
			x.T(da).pre = "pg_dt_as(" + x.T(da).pre
			x.T(db - 1).suf += ", " + te + ", " + ct + ")"
		}
	}
	switch {
	case dtRank(rt) && lt == "":
		wrap(i+1, re, ls, i, rt)
	case dtRank(lt) && rt == "":
		wrap(ls, i, i+1, re, lt)
	case rt == "?" && lt == "":
		runtime(i+1, re, ls, i)
	case lt == "?" && rt == "":
		runtime(ls, i, i+1, re)
	}
}

// dtColumnBefore is the date/time type of the column that is the
// operand before keyword k ([NOT] BETWEEN, [NOT] IN), "" for none
// (columnDTType, datetime_columns.go).
func (x *tx) dtColumnBefore(k int) string {
	l := k - 1
	if x.T(l).kw("NOT") {
		l--
	}
	ls := x.primaryStart(l)
	if ls < 0 {
		return ""
	}
	return x.columnDTType(ls, l+1)
}

// dateBetweenColumn is dateBesideColumn for the bounds of col [NOT]
// BETWEEN a AND b: a date, timestamp or timestamptz bound is taken into
// the column type's text domain.
func (x *tx) dateBetweenColumn(known map[int]string) {
	for k := 1; k < x.n(); k++ {
		if !x.T(k).kw("BETWEEN") || x.T(k).ed {
			continue
		}
		ct := x.dtColumnBefore(k)
		if ct == "" {
			continue
		}
		first := k + 1
		if x.kw(first, "SYMMETRIC") || x.kw(first, "ASYMMETRIC") {
			first++ // betweenSymmetric copies the bounds later, wrapping and all
		}
		e1 := x.operandEnd(first)
		if e1 < 0 || !x.kw(e1, "AND") {
			continue
		}
		e2 := x.operandEnd(e1 + 1)
		if e2 < 0 {
			continue
		}
		for _, bd := range [][2]int{{first, e1}, {e1 + 1, e2}} {
			if vt := x.dtType(bd[0], bd[1], known); dtRank(vt) {
				x.T(bd[0]).pre = "pg_dt_as(" + x.T(bd[0]).pre
				x.T(bd[1] - 1).suf += ", '" + vt + "', " + ct + ")"
			} else {
				x.dtOperandAsColumn(bd[0], bd[1], ct) // datetime_column_pair.go: d BETWEEN tz AND ts
			}
		}
	}
}

// dateInColumn is dateBesideColumn for the items of col [NOT] IN (a, b,
// ...): each date, timestamp or timestamptz item is taken into the
// column type's text domain (ts IN ('2024-01-01 05:00+00'::timestamptz)
// compared the UTC text with the local one and never held).
func (x *tx) dateInColumn(known map[int]string) {
	for k := 1; k+1 < x.n(); k++ {
		if !x.T(k).kw("IN") || x.T(k).ed || !x.isP(k+1, "(") || x.kw(k+2, "SELECT") || x.kw(k+2, "VALUES") || x.kw(k+2, "WITH") {
			continue
		}
		ct := x.dtColumnBefore(k)
		if ct == "" {
			continue
		}
		e := x.match(k + 1)
		if e < 0 {
			continue
		}
		for _, it := range x.splitTop(k+2, e) {
			if vt := x.dtType(it[0], it[1], known); dtRank(vt) {
				x.T(it[0]).pre = "pg_dt_as(" + x.T(it[0]).pre
				x.T(it[1] - 1).suf += ", '" + vt + "', " + ct + ")"
			} else {
				x.dtOperandAsColumn(it[0], it[1], ct) // datetime_column_pair.go: d IN (tz, ts)
			}
		}
	}
}

// dateAs is pg_date_as(date, type): the date as the canonical text of a
// column of date/time type typ (its midnight, for a timestamptz in the
// session zone); other values and types unchanged.
func dateAs(a []driver.Value, zone *time.Location) (driver.Value, error) {
	if a[0] == nil || a[1] == nil {
		return a[0], nil
	}
	typ := str(a[1])
	if typ != "timestamp" && typ != "timestamptz" {
		return a[0], nil
	}
	o, err := operand(a[0], "date")
	if err != nil || o.inf != "" {
		return a[0], nil
	}
	if typ == "timestamp" {
		return formatTimestampCanon(o.t), nil
	}
	return formatTimestamptzCanon(WallIn(o.t, zone)), nil
}
