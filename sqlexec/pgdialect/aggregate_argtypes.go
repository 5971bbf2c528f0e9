package pgdialect

// aggregate_argtypes.go: the column types PostgreSQL 15's built-in
// aggregates take. PostgreSQL resolves sum(t) of a text column when it
// plans the statement and finds no sum(text) (nor an implicit cast to one
// it has): 42883 "function sum(text) does not exist", whatever the rows,
// an empty table too. SQLite's aggregates take any value, so sum of a text
// column added what read as numbers and avg of a boolean averaged 1s and
// 0s, and sum of a date failed per row with numeric's input error. Where
// the SQLite text gives such an aggregate a bare column of a known
// declared type (typecompare_columns.go's reading, with the catalog), a
// type outside the aggregate's list below is refused as PostgreSQL does;
// anything else (an expression, a column whose type the reading cannot
// tell, an enum) is let through. The lists are pg_aggregate's, read from
// PostgreSQL 15 for every type this package declares (SELECT agg(NULL::t)):
// an allow-list, so a type added later is refused until it is listed.

import "strings"

var (
	// sums: the numbers, money and interval; time converts to interval
	// implicitly (sum(time) is sum(interval))
	aggSumTypes = aggTypes("smallint", "integer", "bigint", "real", "double precision", "numeric", "money", "interval", "time without time zone")
	// aggStatTypes: the statistics over numbers (avg also takes
	// interval)
	aggStatTypes = aggTypes("smallint", "integer", "bigint", "real", "double precision", "numeric")
	aggAvgTypes  = aggTypes("smallint", "integer", "bigint", "real", "double precision", "numeric", "interval", "time without time zone")
	aggBitTypes  = aggTypes("smallint", "integer", "bigint", "bit", "bit varying")
	aggBoolTypes = aggTypes("boolean")
	// min and max: the types with a total order (and every array:
	// aggArgTypes' arrays); not boolean, bytea, uuid, json, jsonb, xml,
	// the MAC addresses, the bit strings or the ranges
	aggMinMaxTypes = aggTypes(`"char"`, "name", "smallint", "integer", "bigint", "oid", "regproc", "regclass", "regtype", "regnamespace",
		"real", "double precision", "numeric", "money", "text", "character", "character varying", "inet", "cidr",
		"date", "time without time zone", "time with time zone", "timestamp without time zone", "timestamp with time zone", "interval")
)

// aggArgTypes: an aggregate call's name in the SQLite text to PostgreSQL's
// name and the types it takes. pg_sum_typed and pg_sum_distinct are
// sum(x) and sum(DISTINCT x) as the translation writes them
// (sum_float4.go); pg_numeric_min/max min/max of a numeric column
// (numeric_minmax.go), which needs no check.
var aggArgTypes = map[string]struct {
	pg     string
	types  map[string]bool
	arrays bool // min and max take any array (anyarray), compared element by element
}{
	"sum": {"sum", aggSumTypes, false}, "pg_sum_typed": {"sum", aggSumTypes, false}, "pg_sum_distinct": {"sum", aggSumTypes, false},
	"avg":    {"avg", aggAvgTypes, false},
	"stddev": {"stddev", aggStatTypes, false}, "stddev_samp": {"stddev_samp", aggStatTypes, false}, "stddev_pop": {"stddev_pop", aggStatTypes, false},
	"variance": {"variance", aggStatTypes, false}, "var_samp": {"var_samp", aggStatTypes, false}, "var_pop": {"var_pop", aggStatTypes, false},
	"bit_and": {"bit_and", aggBitTypes, false}, "bit_or": {"bit_or", aggBitTypes, false}, "bit_xor": {"bit_xor", aggBitTypes, false},
	"bool_and": {"bool_and", aggBoolTypes, false}, "bool_or": {"bool_or", aggBoolTypes, false}, "every": {"every", aggBoolTypes, false},
	"min": {"min", aggMinMaxTypes, true}, "max": {"max", aggMinMaxTypes, true},
}

func aggTypes(names ...string) map[string]bool {
	out := make(map[string]bool, len(names))
	for _, n := range names {
		out[n] = true
	}
	return out
}

// aggArgRefusal is PostgreSQL's 42883 for the aggregate call at k of the
// SQLite text (its name, then "(") when its argument is a bare column of
// a type the aggregate does not take, or nil. Only the SQLite text's pass
// (ty.col set) reads column types.
func (x *tx) aggArgRefusal(k int, ty jsonTyping) *jsonRefused {
	t := x.T(k)
	if ty.col == nil || t.typ != tIdent || !x.isP(k+1, "(") || x.isP(k-1, ".") {
		return nil
	}
	agg, ok := aggArgTypes[strings.ToLower(t.text)]
	if !ok {
		return nil
	}
	m, a := x.match(k+1), k+2
	if m < 0 {
		return nil
	}
	if x.kw(a, "DISTINCT") || x.kw(a, "ALL") {
		a++
	}
	// a column reference only (t, s.t): an expression's type is not
	// read here
	if end := x.columnRefEnd(a); end < 0 || end != m && !x.isP(end, ",") {
		return nil
	}
	typ := ty.col(a)
	if typ == "" || agg.types[typ] || agg.arrays && strings.HasSuffix(typ, "[]") {
		return nil
	}
	tok := k
	if agg.pg != strings.ToLower(t.text) {
		tok = -1 // the translation's name: the caret is placed by the message (fixPosition)
	}
	return &jsonRefused{tok, "function " + agg.pg + "(" + typ + ") does not exist", jsonFunctionHint, ""}
}

// MentionsAggregate is a cheap test before lexing: sqlText (SQLite text)
// may call one of aggArgTypes' aggregates (a name before a "(", in any
// case, spaces between). It allocates nothing: the statement path runs it.
func MentionsAggregate(sqlText string) bool {
	if mentionsArrayAgg(sqlText) {
		return true
	}
	var buf [16]byte
	for i := strings.IndexByte(sqlText, '('); i >= 0; {
		e := i // the name's end: sum (x) is a call too
		for e > 0 && (sqlText[e-1] == ' ' || sqlText[e-1] == '\t' || sqlText[e-1] == '\n' || sqlText[e-1] == '\r') {
			e--
		}
		j := e
		for j > 0 && e-j < len(buf) && (sqlText[j-1] == '_' || sqlText[j-1] >= 'a' && sqlText[j-1] <= 'z' || sqlText[j-1] >= 'A' && sqlText[j-1] <= 'Z') {
			j--
		}
		if j < e {
			n := copy(buf[:], sqlText[j:e])
			for k := range n {
				if c := buf[k]; c >= 'A' && c <= 'Z' {
					buf[k] = c + 'a' - 'A'
				}
			}
			if _, ok := aggArgTypes[string(buf[:n])]; ok {
				return true
			}
		}
		k := strings.IndexByte(sqlText[i+1:], '(')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}
