package pgdialect

import (
	"regexp"
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// default_display.go: what a column default shows (pg_attrdef.adbin,
// information_schema.columns.column_default, psql's \d) where the
// translated default no longer tells: CURRENT_TIMESTAMP and now() are
// both pg_now(), a precision (LOCALTIMESTAMP(3)) is gone, a numeric
// constant is stored as text. The translation keeps PostgreSQL's text of
// such a default in a comment at the head of the stored default
// (/*pg:CURRENT_TIMESTAMP*/, /*pg:2.50*/),
// which SQLite keeps in the column's default text and fnDefaultDisplay
// shows; other defaults are rendered from their translation
// (fnDefaultDisplay).

// clockKeywords are the SQL date/time value functions as PostgreSQL's
// ruleutils prints them.
var clockKeywords = map[string]bool{"CURRENT_TIMESTAMP": true, "LOCALTIMESTAMP": true, "CURRENT_TIME": true, "LOCALTIME": true, "CURRENT_DATE": true}

// clockCalls are the timestamp functions other than now() a default may
// call: each translates to the statement's time as now() does (the
// state machine pins the clock), and ruleutils prints them as called.
var clockCalls = map[string]bool{"statement_timestamp": true, "transaction_timestamp": true, "clock_timestamp": true}

// userKeywords are the SQL user value functions, shown alike (they all
// translate to current_user(), evaluated per row at apply).
var userKeywords = map[string]bool{"CURRENT_USER": true, "SESSION_USER": true, "CURRENT_ROLE": true, "USER": true}

// markClockDefault puts the display comment on the DEFAULT expression at
// lo..hi-1 (already wrapped by wrapDefault) when it is a date/time
// keyword, with its precision: CURRENT_TIMESTAMP, LOCALTIMESTAMP(3); or
// a user keyword (CURRENT_USER).
func (x *tx) markClockDefault(lo, hi int) {
	t := x.T(lo)
	if !strings.HasPrefix(t.wpre, "(") {
		return
	}
	if hi == lo+7 && t.kw("ARRAY") && x.isP(lo+1, "[") && x.isP(lo+2, "]") && x.isP(lo+3, "::") && x.T(lo+4).typ == tIdent && x.isP(lo+5, "[") && x.isP(lo+6, "]") {
		// ARRAY[]::text[]: the empty array as written (a '{}' literal
		// translates alike); the cast shows the column's type
		t.wpre = "(" + clockMark("ARRAY[]") + t.wpre[1:]
		return
	}
	if show := x.clockShow(lo, hi); show != "" {
		t.wpre = "(" + clockMark(show) + t.wpre[1:]
	}
}

// clockShow is how ruleutils prints the default expression at lo..hi-1
// when it is a date/time keyword, with its precision (CURRENT_TIMESTAMP,
// LOCALTIMESTAMP(3)), a user keyword (CURRENT_USER) or a timestamp
// function other than now() (statement_timestamp()), whose translation
// no longer tells; "" for any other expression.
func (x *tx) clockShow(lo, hi int) string {
	t := x.T(lo)
	if hi == lo+3 && t.typ == tIdent && clockCalls[strings.ToLower(t.text)] && x.isP(lo+1, "(") && x.isP(lo+2, ")") {
		return strings.ToLower(t.text) + "()"
	}
	if t.typ != tIdent || !clockKeywords[t.upper()] && !userKeywords[t.upper()] {
		return ""
	}
	show := t.upper()
	switch {
	case hi == lo+1:
	case userKeywords[show]:
		return ""
	case hi == lo+4 && x.isP(lo+1, "(") && x.T(lo+2).typ == tNumber && x.isP(lo+3, ")") && show != "CURRENT_DATE":
		p, err := strconv.Atoi(x.T(lo + 2).text)
		if err != nil {
			return ""
		}
		show += "(" + strconv.Itoa(p) + ")"
	default:
		return ""
	}
	return show
}

// setDefaultMark is the display comment for ALTER COLUMN ... SET DEFAULT
// of the PostgreSQL expression text orig ("" when its translation tells):
// CREATE TABLE's markClockDefault, for a default set later.
func setDefaultMark(orig string) string {
	ox := newTx(orig)
	if ox.n() == 0 {
		return ""
	}
	if show := ox.clockShow(0, ox.n()); show != "" {
		return clockMark(show)
	}
	return ""
}

func clockMark(show string) string { return "/*pg:" + show + "*/ " }

var clockMarkRe = regexp.MustCompile(`^/\*pg:((?:[A-Z_]+(?:\(\d+\)|\[\])?)|[a-z_]+\(\)|-?[0-9.]+|'-[0-9.]+'::numeric)\*/`)

// markedDefault is the display a stored default's comment keeps ("" when
// none) for a column of type oid.
func markedDefault(d string, oid uint32) string {
	m := clockMarkRe.FindStringSubmatch(strings.TrimSpace(d))
	switch {
	case m == nil:
		return ""
	case m[1] == "ARRAY[]":
		if oid == 0 {
			return ""
		}
		return "ARRAY[]::" + FormatType(oid, -1)
	case clockKeywords[strings.SplitN(m[1], "(", 2)[0]] || userKeywords[m[1]] || clockCalls[strings.TrimSuffix(m[1], "()")]:
		return m[1]
	case strings.ContainsAny(m[1][:1], "0123456789'-."):
		return m[1] // a numeric constant (int_default.go)
	}
	return ""
}

// arrayDefaultDisplay shows an ARRAY[...] default of literals as
// translated (pg_array(1,2)) as ruleutils prints it for a column of array
// type oid: ARRAY[1, 2], ARRAY['a'::text].
func arrayDefaultDisplay(d string, oid uint32) (string, bool) {
	if !strings.HasPrefix(d, "pg_array(") || !strings.HasSuffix(d, ")") {
		return "", false
	}
	x := newTx(d)
	if x.match(1) != x.n()-1 {
		return "", false
	}
	elem := pgoid.ElemOf(oid)
	var out []string
	for _, a := range x.splitTop(2, x.n()-1) {
		lit := x.text(a[0], a[1])
		switch {
		case a[1]-a[0] == 1 && x.T(a[0]).typ == tString && elem != 0:
			out = append(out, lit+"::"+FormatType(elem, -1))
		case a[1]-a[0] == 1 && x.T(a[0]).typ == tNumber,
			a[1]-a[0] == 2 && x.isP(a[0], "-") && x.T(a[0]+1).typ == tNumber:
			out = append(out, lit)
		default:
			return "", false
		}
	}
	return "ARRAY[" + strings.Join(out, ", ") + "]", true
}

// jsonbDefaultRe is a jsonb column's literal default as translated.
var jsonbDefaultRe = regexp.MustCompile(`^CAST\(('(?:[^']|'')*') AS TEXT\) COLLATE pg_jsonb$`)

// literalDefaultDisplay shows translated defaults PostgreSQL prints
// otherwise than their SQLite text: gen_random_uuid(), a jsonb literal
// ('{}'::jsonb), an integer literal past int4 ('10000000000'::bigint,
// beyond int8 numeric). ok is false for any other.
func literalDefaultDisplay(d string) (string, bool) {
	switch {
	case d == "pg_uuid_format(randomblob(16))":
		return "gen_random_uuid()", true
	}
	if m := jsonbDefaultRe.FindStringSubmatch(d); m != nil {
		return m[1] + "::jsonb", true
	}
	if n := strings.TrimPrefix(d, "-"); n != "" && strings.Trim(n, "0123456789") == "" {
		if _, err := strconv.ParseInt(d, 10, 32); err == nil {
			return "", false
		}
		if _, err := strconv.ParseInt(d, 10, 64); err == nil {
			return "'" + d + "'::bigint", true
		}
		return "'" + d + "'::numeric", true
	}
	return "", false
}

// defaultExpr is a stored default as an INSERT or UPDATE that names it
// (DEFAULT in some rows: FillDefaults) writes it, translated again with
// the statement: the PostgreSQL text its display comment keeps, where the
// stored text would read otherwise there (a numeric constant's quoted
// digits are text, not the number whose digits the column keeps); else
// the stored text, parenthesised.
func defaultExpr(d string) string {
	if m := clockMarkRe.FindStringSubmatch(strings.TrimSpace(stripParens(d))); m != nil && m[1] != "ARRAY[]" {
		return m[1]
	}
	if x := newTx(strings.TrimSpace(stripParens(d))); x.n() == 1 && x.T(0).typ == tString {
		// a literal as stored (a date's canonical text): of unknown type,
		// read by the column's input as the default was; in parentheses
		// the assignment would take it for text (42804)
		return x.T(0).text
	}
	return "(" + d + ")"
}
