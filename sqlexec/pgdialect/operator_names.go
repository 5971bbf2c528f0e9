package pgdialect

// operator_names.go: an operator PostgreSQL 15 has no operator of that
// name for. PostgreSQL's lexer reads the longest run of operator
// characters (a run ending in + or - only when it holds one of ~ ! @ #
// % ^ & | ` ?), so ~-1 is the operator ~- applied to 1, which does not
// exist (42883); SQLite's tokenizer reads ~ and then -, and answered
// ~(-1) = 0 (also -~1, 5 &-1, 1 == 1). Every operator token of the
// statement is checked against the names pg_operator holds.

import "strings"

// pgOperatorNames are the operator names of PostgreSQL 15's pg_operator
// (SELECT DISTINCT oprname FROM pg_operator), with != (the parser's
// spelling of <>) and => (a named argument's arrow, no operator).
var pgOperatorNames = func() map[string]bool {
	out := map[string]bool{}
	for _, n := range strings.Fields(`!! !~ !~* !~~ !~~* # ## #- #> #>> % & && &< &<| &> * *< *<=
	*<> *= *> *>= + - -> ->> -|- / < <-> << <<= <<| <= <> <@ <^ = > >= >> >>= >^ ? ?# ?& ?- ?-| ?| ?||
	@ @-@ @> @? @@ @@@ ^ ^@ | |&> |/ |>> || ||/ ~ ~* ~<=~ ~<~ ~= ~>=~ ~>~ ~~ ~~* != =>`) {
		out[n] = true
	}
	return out
}()

// undefinedOperator is PostgreSQL's 42883 for the first operator token
// whose name pg_operator does not hold, nil when there is none.
func (x *tx) undefinedOperator() *Error {
	if x.catalog {
		return nil
	}
	for i := 0; i < x.n(); i++ {
		t := x.T(i)
		if t.typ != tOp || pgOperatorNames[t.text] || !opChars(t.text) {
			continue // (IS DISTINCT FROM and the like: the translator's)
		}
		right := x.argTypeName(i+1, i+2)
		if i == 0 || !x.endsOperand(i-1) {
			return &Error{Code: "42883", Message: "operator does not exist: " + t.text + " " + right, Position: x.charPos(i),
				Hint: "No operator matches the given name and argument type. You might need to add an explicit type cast."}
		}
		return &Error{Code: "42883", Message: "operator does not exist: " + x.argTypeName(i-1, i) + " " + t.text + " " + right, Position: x.charPos(i),
			Hint: "No operator matches the given name and argument types. You might need to add explicit type casts."}
	}
	return nil
}

// opChars reports whether s is made of operator characters only.
func opChars(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isOpChar(s[i]) {
			return false
		}
	}
	return true
}
