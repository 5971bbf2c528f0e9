package pgdialect

// gcd_notunique.go: gcd and lcm have int4, int8 and numeric versions and
// no int2 one. A smallint argument casts implicitly to all three and none
// is numeric's preferred type (float8), so PostgreSQL cannot choose when
// every argument is smallint or of unknown type (a bare string literal,
// NULL): gcd(1::int2, 2::int2) and gcd('4', '6') are 42725 `function
// gcd(smallint, smallint) is not unique`. SQLite's function would answer.

import "strings"

// gcdNotUnique refuses a gcd/lcm call whose arguments are each smallint
// or unknown, as PostgreSQL's function resolution does.
func (x *tx) gcdNotUnique() error {
	if x.catalog {
		return nil
	}
	for i := 0; i+2 < x.n(); i++ {
		t := x.T(i)
		name := strings.ToLower(t.text)
		if t.typ != tIdent || t.ed || name != "gcd" && name != "lcm" || !x.isP(i+1, "(") || x.isP(i-1, ".") {
			continue
		}
		args := x.splitTop(i+2, x.match(i+1))
		if len(args) != 2 {
			continue
		}
		names := make([]string, 2)
		for k, a := range args {
			switch typ := x.numType(a[0], a[1]); {
			case typ == "int2":
				names[k] = "smallint"
			case typ == "" && x.unknownArg(a[0], a[1]):
				names[k] = "unknown"
			}
		}
		if names[0] == "" || names[1] == "" {
			continue
		}
		return &Error{Code: "42725", Message: "function " + name + "(" + names[0] + ", " + names[1] + ") is not unique",
			Position: t.pos + 1, Hint: "Could not choose a best candidate function. You might need to add explicit type casts."}
	}
	return nil
}

// unknownArg: a..b-1 is a string literal or NULL, of unknown type. A
// parameter is not: its type may be given at Parse.
func (x *tx) unknownArg(a, b int) bool {
	return b == a+1 && (x.T(a).typ == tString && x.T(a).text[0] == '\'' || x.kw(a, "NULL"))
}
