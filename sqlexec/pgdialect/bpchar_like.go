package pgdialect

// bpchar_like.go: LIKE, ILIKE, SIMILAR TO and the regular expression
// operators over a character(n) value. PostgreSQL has these operators
// for bpchar (bpcharlike, bpchariclike, bpcharregexeq, ...), which match
// the value as stored, padded to n: a char(4) 'a' is 'a   ', so
// c LIKE 'a' is false, c LIKE 'a %' true and c ~ '^a$' false. A char(n)
// value is kept without its trailing blanks (bpchar.go), so SQLite's
// LIKE, GLOB (ILIKE), MATCH (SIMILAR TO) and REGEXP matched 'a'. (Its
// functions, regexp_match(c, ...) and the like, take text: the value
// without the blanks, in PostgreSQL too.)
//
// The translation has no schema. Once SQLite has compiled the statement
// (compiled_types.go), the left operand of such an operator that is a
// char(n) column, or an explicit cast to char(n), is padded back to n:
// pg_bpchar_pad(c, n) LIKE 'a %'. The declared types are read once per
// compiled statement (bpcharTypes); an operand of any other type is
// left as it is, so no other statement pays anything per row.

import (
	"strconv"
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// BpcharLikeConversion is sqlText (SQLite text) with the operands the
// file's comment describes padded, "" when none is. declOf evaluates an
// SQL expression (a declared type's read) and returns its text.
func BpcharLikeConversion(sqlText string, declOf func(expr string) string) string {
	low := strings.ToLower(sqlText)
	if !strings.Contains(low, " like ") && !strings.Contains(low, " glob ") && !strings.Contains(low, " regexp ") && !strings.Contains(low, " match ") {
		return ""
	}
	x := newTx(sqlText)
	bt := &bpcharTypes{x: x, declOf: declOf}
	var eds []textEdit
	for i := 1; i+1 < x.n(); i++ {
		if !x.kw(i, "LIKE") && !x.kw(i, "GLOB") && !x.kw(i, "REGEXP") && !x.kw(i, "MATCH") {
			continue
		}
		le := i
		if x.kw(i-1, "NOT") {
			le = i - 1
		}
		ls := x.primaryStart(le - 1)
		if ls < 0 || !x.cmpBoundary(ls-1, -1) {
			continue
		}
		o, mod := bt.of(ls, le)
		if o != pgoid.Bpchar || mod <= 4 {
			continue
		}
		end := x.T(le-1).pos + len(x.T(le-1).text)
		eds = append(eds, textEdit{x.T(ls).pos, 0, "pg_bpchar_pad("},
			textEdit{end, 0, ", " + strconv.Itoa(int(mod-4)) + ")"})
	}
	if len(eds) == 0 {
		return ""
	}
	return applyEdits(sqlText, eds)
}
