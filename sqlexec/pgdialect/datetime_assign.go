package pgdialect

// datetime_assign.go: PostgreSQL's assignment cast of a timestamptz
// stored into a column of another type.
//
// PostgreSQL converts a value written into a column of another type by
// the assignment cast: a timestamptz stored into a timestamp, date, time
// or timetz column takes the date and time (and for timetz the offset)
// the session zone's clocks show at that instant, and one stored into a
// text column its output text in the session zone. Here a timestamptz is
// stored as its UTC text with "+00", and a column's input function
// (pg_in_timestamp, pg_in_date ...) reads the written fields and ignores
// the offset, as PostgreSQL's input functions do for text: so without
// the conversion `UPDATE t SET ts_plain = tstz_col` in America/New_York
// kept the UTC fields. The other direction needs nothing: a timestamp or
// date read by pg_in_timestamptz is already interpreted in the session
// zone, as the assignment cast does.
//
// Every value the statement shows to be a timestamptz and stores into a
// column (INSERT ... VALUES, the items of INSERT ... SELECT, UPDATE ...
// SET, ON CONFLICT DO UPDATE SET) is therefore written as its text in the
// session zone with the offset (pg_text(value, 'timestamptz')), which each
// column type's input reads as the assignment cast converts: a date, time
// or timestamp column the local fields, a timetz column the local time
// with the offset, a timestamptz column the same instant, a text column
// the text PostgreSQL stores. What shows the type:
//
//   - the expression's own tokens: now(), CURRENT_TIMESTAMP, a timestamptz
//     literal or cast (also of a parameter: $1::timestamptz), a date/time
//     function typed timestamptz (dtType);
//   - a column reference (t.col, EXCLUDED.col): its declared type, read at
//     run time from the FROM items' tables (columnTypeExpr), through
//     pg_tstz_text, which converts only a timestamptz;
//   - a sum or difference (tz + interval '1 hour'), typed from its value
//     at run time as the date/time operators type an untyped operand
//     (pg_tstz_text with 'auto': their results are in canonical form);
//   - a scalar subquery (SELECT item FROM ...): its item, by these rules.
//
// Values of unknown type (a string literal, a parameter without a cast, a
// column of a derived table) are left to the column's input function:
// PostgreSQL reads an untyped literal with the column's input function
// too. The zone is the session's: on the apply connection the entry's
// pinned TimeZone (ZonedFunctions), so every node stores the same value.
// COPY is not affected (its values are text, read by the input
// functions, as PostgreSQL's COPY FROM does).
//
// A boolean is stored the same way: SQLite holds it as 1/0, which a text
// column would keep as '1', where PostgreSQL's assignment cast stores
// 'true'/'false'. A value the statement shows to be a boolean (a
// comparison, IS NULL, EXISTS, a boolean function) is written as
// pg_text(value, 'boolean'), a boolean column through pg_tstz_text with
// its declared type, which turns a boolean into 'true'/'false'; a boolean
// column reads that text back as 1/0.

import (
	"database/sql/driver"
	"regexp"
	"strings"
	"time"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// reCanonTSTZ is timestamptz's stored form (always UTC).
var reCanonTSTZ = regexp.MustCompile(`^\d{4,}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?\+00( BC)?$`)

func init() {
	ZonedFunctions = append(ZonedFunctions, ZonedFunc{"pg_tstz_text", 2, tstzText}, ZonedFunc{"pg_tstz_assign", 3, tstzAssign})
}

// tstzText is pg_tstz_text(value, type): a timestamptz (by its type
// argument, as isTimestamptzArg reads it) as its text in the session zone
// with the offset, the form its assignment to any column type reads;
// values of other types pass unchanged.
func tstzText(a []driver.Value, zone *time.Location) (driver.Value, error) {
	if t, ok := a[1].(string); ok && a[0] != nil {
		if oid, _ := DeclTypeOID(t); oid == pgoid.Bool {
			return textIn([]driver.Value{a[0], "boolean"}, zone) // true/false (see the top)
		}
	}
	if !isTimestamptzArg(a) { // datetime_local.go
		return a[0], nil
	}
	return textIn([]driver.Value{a[0], "timestamptz"}, zone) // pgcast.go
}

// tstzAssignWrap is the wrapping of the value lo..hi-1 stored into a
// column by INSERT or UPDATE that converts a timestamptz as the
// assignment cast does (see the comment at the top); nothing for values
// of other or unknown types.
func (x *tx) tstzAssignWrap(lo, hi int) (pre, suf string) {
	if hi <= lo {
		return "", ""
	}
	if !x.literalOperand(lo, hi) && x.exprOID(lo, hi) == pgoid.Bool {
		return "pg_text(", ", 'boolean')" // a comparison, IS NULL, EXISTS ...
	}
	switch x.dtType(lo, hi, x.dtTypes) {
	case "timestamptz":
		return "pg_text(", ", 'timestamptz')"
	case "?": // a rewritten date/time operator of operands of unknown types
		return "pg_tstz_text(", ", 'auto')"
	case "":
	default:
		return "", ""
	}
	if n, j := x.name(lo); n != "" && j == hi && !(x.T(lo).typ == tIdent && reservedWord(x.T(lo).upper())) {
		qual := ""
		if j-lo >= 3 {
			qual = x.T(j - 3).identName()
		}
		return "pg_tstz_text(", ", " + x.columnTypeExpr(qual, n) + ")"
	}
	x.subqueryAssignWrap(lo, hi)
	return "", ""
}

// subqueryAssignWrap wraps the single item of a scalar subquery
// (SELECT item FROM ...) at lo..hi-1 by tstzAssignWrap's rules.
func (x *tx) subqueryAssignWrap(lo, hi int) {
	if !(x.isP(lo, "(") && x.match(lo) == hi-1 && x.T(lo+1).kw("SELECT")) {
		return
	}
	s, end := x.selectListStart(lo+1), hi-1
	if s < 0 {
		return
	}
	if e := x.findKw(s, end, x.depth[lo+1], "FROM"); e >= 0 {
		end = e
	}
	items := x.splitTop(s, end)
	if len(items) != 1 {
		return
	}
	a, b := x.selectItemExpr(items[0][0], items[0][1])
	if pre, suf := x.tstzAssignWrap(a, b); pre != "" {
		x.T(a).wpre = pre + x.T(a).wpre
		x.T(b - 1).wsuf += suf
	}
}

// selectListStart is the first token of the list of the SELECT at j
// (after ALL or DISTINCT), -1 for DISTINCT ON, whose expressions the
// wrapping would have to follow.
func (x *tx) selectListStart(j int) int {
	s := j + 1
	switch {
	case x.kw(s, "DISTINCT", "ON"):
		return -1
	case x.T(s).kw("ALL") || x.T(s).kw("DISTINCT"):
		s++
	}
	return s
}

// selectItemExpr is the expression of the SELECT item lo..hi-1, without
// its alias (expr AS name, expr name).
func (x *tx) selectItemExpr(lo, hi int) (int, int) {
	for k := lo + 1; k < hi; k++ {
		if x.depth[k] == x.depth[lo] && x.T(k).kw("AS") {
			return lo, k
		}
	}
	if hi-lo >= 2 {
		last, prev := x.T(hi-1), x.T(hi-2)
		if (last.typ == tIdent && !reservedWord(last.upper()) || last.typ == tQIdent) &&
			(prev.typ == tIdent || prev.typ == tQIdent || prev.typ == tString || prev.typ == tNumber || x.isP(hi-2, ")")) &&
			!(prev.typ == tIdent && reservedWord(prev.upper())) {
			return lo, hi - 1
		}
	}
	return lo, hi
}

// assignSelectItems wraps the items of the query at j (up to end) of an
// INSERT ... SELECT by tstzAssignWrap's rules: the CTE that converts the
// rows (wrapInsertSelect) no longer sees their types. It reports which of
// the n columns are untyped: values whose type the statement does not
// show and that are no literal (a column of a derived table or CTE, a
// CASE, a function's result), and every column of a set operation, whose
// types PostgreSQL resolves across the branches. wrapInsertSelect reads
// those with pg_tstz_assign, which recognises a timestamptz by its
// stored form.
func (x *tx) assignSelectItems(j, end, n int) []bool {
	untyped := make([]bool, n)
	sel := x.mainSelect(j, end)
	if sel < 0 {
		return untyped
	}
	s := x.selectListStart(sel)
	if s < 0 {
		return untyped
	}
	if x.setOpAt(s, end) < end {
		for i := range untyped {
			untyped[i] = true
		}
		return untyped
	}
	e := x.findKw(s, end, x.depth[sel], "FROM")
	if e < 0 {
		e = end
	}
	for i, it := range x.splitTop(s, e) {
		a, b := x.selectItemExpr(it[0], it[1])
		pre, suf := x.tstzAssignWrap(a, b)
		if pre != "" {
			x.T(a).wpre = pre + x.T(a).wpre
			x.T(b - 1).wsuf += suf
		}
		if i < n && !strings.HasPrefix(pre, "pg_text(") && !x.literalOperand(a, b) {
			untyped[i] = true
		}
	}
	return untyped
}

// literalOperand reports whether a..b-1 is a literal or parameter of
// unknown type ('...', $1, NULL, a number, with an optional sign): the
// column's input function reads it, as PostgreSQL reads an unknown
// literal.
func (x *tx) literalOperand(a, b int) bool {
	if b-a == 2 && (x.isP(a, "-") || x.isP(a, "+")) {
		a++
	}
	if b-a != 1 {
		return false
	}
	t := x.T(a)
	return t.typ == tString || t.typ == tDollar || t.typ == tParam || t.typ == tNumber || t.kw("NULL")
}

// setOpAt is the first UNION, INTERSECT or EXCEPT of the query whose
// select list starts at s, end when there is none.
func (x *tx) setOpAt(s, end int) int {
	first := end
	for _, kw := range []string{"UNION", "INTERSECT", "EXCEPT"} {
		if k := x.findKw(s, first, x.depth[s], kw); k >= 0 {
			first = k
		}
	}
	return first
}

// tstzAssign is pg_tstz_assign(value, create_sql, column): the value of an
// untyped column of INSERT ... SELECT (see assignSelectItems) stored into
// the column (a name or 0-based position) of the table created by
// create_sql. A value in timestamptz's stored form ("2024-03-10
// 12:00:00+00") stored into a date, time, timetz or timestamp column is
// a timestamptz (no literal reaches here, and text has no assignment
// cast to those types), so it becomes its text in the session zone with
// the offset, which the column's input reads as the assignment cast
// converts; anything else passes unchanged.
func tstzAssign(a []driver.Value, zone *time.Location) (driver.Value, error) {
	v, ok := a[0].(string)
	if !ok || !reCanonTSTZ.MatchString(v) {
		return a[0], nil
	}
	decl, found := tableColDecl(str(a[1]), a[2])
	if !found {
		return a[0], nil
	}
	switch oid, _ := DeclTypeOID(decl); oid {
	case pgoid.Date, pgoid.Time, pgoid.Timetz, pgoid.Timestamp:
		return textIn([]driver.Value{v, "timestamptz"}, zone) // pgcast.go
	}
	return a[0], nil
}

// TimestamptzParamText is the value of a parameter the client declared a
// timestamptz (in Parse) that the statement stores into a column of
// another type (the translation's inferred type for it is that column's):
// the timestamptz read in zone (the session's, which the entry applies
// in), as its text there with the offset, which the column's input reads
// as the assignment cast converts (see the comment at the top). Without
// it a timestamp column kept the fields as written. A value that is not a
// date/time text starting with a digit ('now', 'infinity', an invalid
// one) is returned unchanged, for the column's input to resolve or
// refuse at apply.
//
// The statement may compare the parameter with the column instead
// (ts_col < $1, date_col = $1), where the text is compared with the
// column's canonical texts: for a timestamp column (as) it is the local
// wall time's canonical text, which the column's input stores as it is;
// for a date column at local midnight the date's, and otherwise the text
// with its time, which sorts between that date and the next as
// PostgreSQL compares a date's midnight with the instant (the offset
// suffix made '2024-11-03 01:30:00' = $1 false where PostgreSQL found
// them equal). as is PostgreSQL's name of the inferred type.
func TimestamptzParamText(v driver.Value, as string, zone *time.Location) driver.Value {
	s, ok := v.(string)
	if !ok || s == "" || s[0] < '0' || s[0] > '9' {
		return v
	}
	c, err := InDateTimeIn("timestamptz", s, -1, time.Time{}, zone)
	if err != nil {
		return v
	}
	if as == "timestamp" || as == "date" {
		if o, err := operand(c, "timestamptz"); err == nil && o.inf == "" {
			w, _ := localWall(o.t, zone)
			switch {
			case as == "timestamp":
				return formatTimestampCanon(w)
			case w.Hour() == 0 && w.Minute() == 0 && w.Second() == 0 && w.Nanosecond() == 0:
				return formatDateCanon(w)
			}
		}
	}
	out, err := textIn([]driver.Value{c, "timestamptz"}, zone)
	if err != nil {
		return v
	}
	return out
}
