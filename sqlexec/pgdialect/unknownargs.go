package pgdialect

// unknownargs.go: the polymorphic functions PostgreSQL cannot resolve for
// an argument of unknown type, a bare string literal or NULL. array_agg
// has two candidates (anynonarray, anyarray): 42725 `function
// array_agg(unknown) is not unique`; lead, lag, first_value, last_value
// and nth_value take anyelement: 42804 `could not determine polymorphic
// type because input has type unknown`, as are json_agg and jsonb_agg.
// sum, avg and bit_and/bit_or/bit_xor have candidates in several type
// categories (numbers, interval, money; integers, bit strings): 42725 is
// not unique. string_agg has no one-argument form: 42883 does not exist.
// SQLite would answer with the text ({abc}, ["1"], 1), a value PostgreSQL
// never gives. (min and max take it as text, and the statistics
// aggregates as double precision, as SQLite's answer does.)

import "strings"

// unknownPolymorphic maps a function to its SQLSTATE and message for an
// unknown first argument.
var unknownPolymorphic = map[string][2]string{
	"array_agg":   {"42725", "function array_agg(unknown) is not unique"},
	"lead":        {"42804", "could not determine polymorphic type because input has type unknown"},
	"lag":         {"42804", "could not determine polymorphic type because input has type unknown"},
	"first_value": {"42804", "could not determine polymorphic type because input has type unknown"},
	"last_value":  {"42804", "could not determine polymorphic type because input has type unknown"},
	"nth_value":   {"42804", "could not determine polymorphic type because input has type unknown"},
	"json_agg":    {"42804", "could not determine polymorphic type because input has type unknown"},
	"jsonb_agg":   {"42804", "could not determine polymorphic type because input has type unknown"},
	"sum":         {"42725", "function sum(unknown) is not unique"},
	"avg":         {"42725", "function avg(unknown) is not unique"},
	"bit_and":     {"42725", "function bit_and(unknown) is not unique"},
	"bit_or":      {"42725", "function bit_or(unknown) is not unique"},
	"bit_xor":     {"42725", "function bit_xor(unknown) is not unique"},
	"string_agg":  {"42883", "function string_agg(unknown) does not exist"},
}

// unknownPolymorphicArgs refuses a call of unknownPolymorphic whose first
// argument is a bare string literal or NULL, as PostgreSQL does.
func (x *tx) unknownPolymorphicArgs() error {
	for i := 0; i+3 < x.n(); i++ {
		t := x.T(i)
		e, ok := unknownPolymorphic[strings.ToLower(t.text)]
		if t.typ != tIdent || !ok || !x.isP(i+1, "(") || x.isP(i-1, ".") {
			continue
		}
		a := x.T(i + 2)
		end := i + 3 // the first argument is the one token
		// B'101' and X'1f' are bit strings; every other quoted literal
		// is of unknown type
		if !(a.typ == tString && !strings.ContainsRune("BbXx", rune(a.text[0])) || a.typ == tDollar || a.typ == tIdent && a.kw("NULL")) {
			continue
		}
		if !x.isP(end, ")") && (e[0] == "42883" || !x.isP(end, ",") && !x.kw(end, "ORDER")) {
			continue // string_agg(x, ',') has two arguments
		}
		if e[0] == "42804" {
			return &Error{Code: e[0], Message: e[1]} // PostgreSQL gives no position
		}
		hint := "Could not choose a best candidate function. You might need to add explicit type casts."
		if e[0] == "42883" {
			hint = jsonFunctionHint
		}
		return &Error{Code: e[0], Message: e[1], Position: t.pos + 1, Hint: hint}
	}
	return nil
}
