package pgdialect

import (
	"fmt"
	"strings"
)

// A registered function's error carries PostgreSQL's SQLSTATE and message
// in its text (ErrMarker); a DETAIL, where PostgreSQL gives one, follows
// the message after detailMarker, so the one string SQLite passes on
// holds all three. ParseSQLStateError returns the message without it;
// ParseSQLStateDetail returns both.

// detailMarker separates the DETAIL from the message.
const detailMarker = "\nDETAIL: "

// pgErrDetail is pgErr with PostgreSQL's DETAIL.
func pgErrDetail(code, detail, format string, a ...any) error {
	return fmt.Errorf("%s%s: %s%s%s", ErrMarker, code, fmt.Sprintf(format, a...), detailMarker, detail)
}

// ParseSQLStateDetail extracts the SQLSTATE, message and DETAIL ("" when
// none) from an error message raised by a registered function.
func ParseSQLStateDetail(msg string) (code, message, detail string, ok bool) {
	m := reSQLState.FindStringSubmatch(msg)
	if m == nil {
		return "", "", "", false
	}
	message, detail, _ = strings.Cut(m[2], detailMarker)
	return m[1], message, detail, true
}

// numericOverflow is PostgreSQL's 22003 for a value numeric(prec, scale)
// cannot hold (apply_typmod): the DETAIL says what would fit.
func numericOverflow(prec, scale int32, infinite bool) error {
	if infinite {
		return pgErrDetail("22003", fmt.Sprintf("A field with precision %d, scale %d cannot hold an infinite value.", prec, scale), "numeric field overflow")
	}
	limit := "1" // 10^0 is shown as 1
	if d := prec - scale; d != 0 {
		limit = fmt.Sprintf("10^%d", d)
	}
	return pgErrDetail("22003", fmt.Sprintf("A field with precision %d, scale %d must round to an absolute value less than %s.", prec, scale, limit), "numeric field overflow")
}

// IndexKeyElements lists the key elements of a CREATE INDEX statement as
// written in it (a column name, or an expression such as lower(code)),
// without COLLATE, ASC/DESC and NULLS FIRST/LAST: what a 23505 DETAIL
// shows as "Key (lower(code))=(x)". Nil when the statement is not one.
func IndexKeyElements(createIndexSQL string) []string {
	x := newTx(createIndexSQL)
	on := x.findKw(0, x.n(), 0, "ON")
	if on < 0 {
		return nil
	}
	_, j := x.name(on + 1)
	if !x.isP(j, "(") {
		return nil
	}
	end := x.match(j)
	var out []string
	start := j + 1
	for i := start; i <= end && i < x.n(); i++ {
		if i < end && (x.depth[i] != x.depth[j]+1 || !x.isP(i, ",")) {
			continue
		}
		hi := i
		for k := start; k < hi; k++ {
			// the element ends where its ordering options begin
			if x.depth[k] == x.depth[j]+1 && (x.T(k).kw("COLLATE") || x.T(k).kw("ASC") || x.T(k).kw("DESC") || x.T(k).kw("NULLS")) {
				hi = k
				break
			}
		}
		if hi > start {
			out = append(out, strings.TrimSpace(x.orig(start, hi)))
		}
		start = i + 1
	}
	return out
}

// IdentName is the column name an index element that is a plain (maybe
// quoted) identifier names, and ok=false for an expression.
func IdentName(elem string) (string, bool) {
	x := newTx(elem)
	if x.n() != 1 {
		return "", false
	}
	t := x.T(0)
	if t.typ != tIdent && t.typ != tQIdent {
		return "", false
	}
	return t.identName(), true
}
