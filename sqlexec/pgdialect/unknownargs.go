package pgdialect

// unknownargs.go: the polymorphic functions PostgreSQL cannot resolve for
// an argument of unknown type, a bare string literal or NULL. array_agg
// has two candidates (anynonarray, anyarray): 42725 `function
// array_agg(unknown) is not unique`; lead, lag, first_value, last_value
// and nth_value take anyelement: 42804 `could not determine polymorphic
// type because input has type unknown`. SQLite would answer with the
// text ({abc}), a value PostgreSQL never gives.

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
		if !(a.typ == tString || a.typ == tDollar || a.typ == tIdent && a.kw("NULL")) {
			continue
		}
		if !x.isP(end, ")") && !x.isP(end, ",") && !x.kw(end, "ORDER") {
			continue
		}
		if e[0] == "42804" {
			return &Error{Code: e[0], Message: e[1]} // PostgreSQL gives no position
		}
		return &Error{Code: e[0], Message: e[1], Position: t.pos + 1,
			Hint: "Could not choose a best candidate function. You might need to add explicit type casts."}
	}
	return nil
}
