package pgdialect

// datetime_expr_type.go: the date/time type of an expression of the
// compiled SQLite text whose columns' declared types are known
// (datetime_pair_compiled.go reads them): a cast or a call of one result
// type, and coalesce, nullif, CASE, greatest/least (max/min over
// coalesce calls, strsyntax.go) and scalar subqueries over such values,
// of PostgreSQL's common type (datetime_common.go). A comparison of one with a value of another
// date/time type is promoted as PostgreSQL promotes it (d =
// coalesce(tz, ts) compared a date's text with a timestamptz's).

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// datetimeCallType is the result type of the calls of the SQLite text
// that return one date/time type whatever their arguments: the casts
// (pgcast.go) and the functions of such a result.
var datetimeCallType = map[string]uint32{
	"pg_cast_date": pgoid.Date, "pg_cast_timestamp": pgoid.Timestamp, "pg_cast_timestamptz": pgoid.Timestamptz,
	"make_date": pgoid.Date, "make_timestamp": pgoid.Timestamp, "make_timestamptz": pgoid.Timestamptz,
	"to_timestamp": pgoid.Timestamptz, "to_date": pgoid.Date,
}

// datetimeCall reports whether a..b-1 is a call whose result is a date,
// timestamp or timestamptz whatever its arguments: one of
// datetimeCallType, or date_bin (a timestamp or timestamptz, its
// argument's).
func (x *tx) datetimeCall(a, b int) bool {
	t := x.T(a)
	if t.typ != tIdent || !x.isP(a+1, "(") || x.match(a+1) != b-1 || x.isP(a-1, ".") {
		return false
	}
	n := strings.ToLower(t.text)
	return datetimeCallType[n] != 0 || n == "date_bin"
}

// datetimeExprType is the date/time type of the expression a..b-1 (no
// enclosing parentheses) when it is one of the forms the file's comment
// names, its values' types read by leaf (a column's declared type, or
// the expression's by this function); 0 otherwise.
func (x *tx) datetimeExprType(a, b int, leaf func(a, b int) uint32) uint32 {
	t := x.T(a)
	switch {
	case t.kw("SELECT") && x.isP(a-1, "(") && x.match(a-1) == b:
		// a scalar subquery (its parentheses taken off): its one item's
		// (tz > (SELECT max(d) FROM c) of a CTE c, which the translation
		// does not type)
		if items, from := x.selectListAt(a); len(items) == 1 && from <= b {
			ia, ib := x.itemExpr(items[0][0], items[0][1])
			return leaf(ia, ib)
		}
	case t.kw("CASE") && x.caseEnd(a) == b-1:
		return x.datetimeValuesType(x.caseResults(a), leaf) // datetime_common.go
	case t.kw("CASE") && b-a > 4 && x.kw(b-2, "COLLATE") && strings.EqualFold(x.T(b-1).text, NumericCollation) && x.caseEnd(a) == b-3 &&
		x.kw(a+1, "WHEN") && x.T(a+2).text == "'numeric'":
		// greatest/least whose arguments' type is read at run time
		// (minmax_collation.go's runtimeMinMaxText): a date/time value
		// is its ELSE branch, SQLite's max/min
		if vals := x.caseResults(a); len(vals) > 0 && x.kw(vals[len(vals)-1][0]-1, "ELSE") {
			last := vals[len(vals)-1]
			return leaf(last[0], last[1])
		}
	case t.typ == tIdent && x.isP(a+1, "(") && x.match(a+1) == b-1 && !x.isP(a-1, "."):
		name := strings.ToLower(t.text)
		if o := datetimeCallType[name]; o != 0 {
			return o
		}
		args := x.splitTop(a+2, b-1)
		switch name {
		case "coalesce", "max", "min": // max/min: greatest/least's, or an aggregate's value
			return x.datetimeValuesType(args, leaf)
		case "nullif":
			if len(args) == 2 {
				return leaf(args[0][0], args[0][1])
			}
		}
	}
	return 0
}

// datetimeValuesType is the common date/time type of vals (a NULL or a
// quoted literal takes any), 0 when one is of another or unknown type.
func (x *tx) datetimeValuesType(vals [][2]int, leaf func(a, b int) uint32) uint32 {
	oids := make([]uint32, 0, len(vals))
	for _, p := range vals {
		a, b := x.unparen(p[0], p[1])
		if b == a+1 && (x.T(a).kw("NULL") || x.T(a).typ == tString) {
			continue
		}
		o := leaf(a, b)
		if datetimeRank[o] == 0 {
			return 0
		}
		oids = append(oids, o)
	}
	return datetimeCommon(oids)
}
