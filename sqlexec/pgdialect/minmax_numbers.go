package pgdialect

// minmax_numbers.go: greatest/least of numbers the statement types is a
// number of a static type before typeresolve.go reads it, so that a
// comparison with a value numeric at run time compares by value
// (arith.go's arithCompare): coalesce(n, 0) > greatest(1000000, 2) and
// nullif(n, n2) >= greatest(1e10::float8, 1.5::float8) compared a
// numeric column's text with SQLite's number, which it orders after
// every number, so they were true for every numeric value (the fuzz
// tester's seed 777318).

import "strings"

// minMaxNumbers reports whether a..b-1 is a greatest or least call whose
// arguments are all of a number type the statement shows (constants,
// casts, arithmetic of them).
func (x *tx) minMaxNumbers(a, b int) bool {
	t := x.T(a)
	if t.typ != tIdent || t.ed || !x.isP(a+1, "(") || x.match(a+1) != b-1 || x.isP(a-1, ".") {
		return false
	}
	if n := strings.ToLower(t.text); n != "greatest" && n != "least" {
		return false
	}
	args := x.splitTop(a+2, b-1)
	if len(args) == 0 {
		return false
	}
	for _, arg := range args {
		if x.numType(arg[0], arg[1]) == "" {
			return false
		}
	}
	return true
}
