package pgdialect

// dangling_operator.go: operators SQLite's tokenizer does not know (!,
// #, @ and the operators made with them, as PostgreSQL's lexer reads
// them: 20!, 1 # 2 #, 1 @). SQLite answered `unrecognized token: "!"`;
// PostgreSQL 15, whose postfix operators are gone (20! was factorial),
// reads the operator as a binary or prefix one and fails where its
// right operand should start: 42601 syntax error at or near the next
// token (";" after 20!, placed by the session) or at the end of input;
// between a number and a number or a quoted literal an operator it does
// not have is 42883 (20 ! 3: operator does not exist: integer ! integer).
// A `backtick` name is SQLite's quoted identifier, PostgreSQL's operator
// (` is an operator character): SELECT `a` is a syntax error at the
// token after it. Other uses stay with
// SQLite's error, worded as PostgreSQL's syntax error by the session
// (sqlexec/errors.go placeSyntaxError).

import "strings"

// pgBangOperators are PostgreSQL 15's operators with "!" (text's
// negated matches; != is <>).
var pgBangOperators = map[string]bool{"!=": true, "!~": true, "!~*": true, "!~~": true, "!~~*": true}

// danglingOperator is PostgreSQL's error for an operator of the file's
// comment with no right operand, or a "!" operator PostgreSQL does not
// have between two numbers; nil otherwise.
func (x *tx) danglingOperator() *Error {
	for i := 0; i < x.n(); i++ {
		t := x.T(i)
		if t.typ == tQIdent && !t.open && len(t.text) > 2 && t.text[0] == '`' && isSimpleIdent(t.text[1:len(t.text)-1]) {
			// `a`: SQLite's quoted name, PostgreSQL's operator ` before
			// and after a; no right operand follows the second
			return x.syntaxErrAt(i + 1)
		}
		if t.typ != tOp || !strings.ContainsAny(t.text, "!#@") || t.text == "!=" {
			continue
		}
		if x.kw(i-1, "USING") || x.kw(i-2, "OPERATOR") || x.isP(i-1, ".") {
			continue // ORDER BY x USING >, OPERATOR(pg_catalog.#)
		}
		n := x.T(i + 1)
		switch {
		case i+1 >= x.n():
			return x.syntaxErrAt(i + 1) // at end of input
		case n.typ == tPunct && (n.text == ")" || n.text == "," || n.text == "]" || n.text == ";"),
			n.typ == tIdent && (isClauseKw(n.upper()) && !x.isP(i+2, "(") || n.kw("FROM") || n.kw("AS") ||
				n.kw("THEN") || n.kw("ELSE") || n.kw("END") || n.kw("WHEN") || n.kw("AND") || n.kw("OR")):
			return x.syntaxErrAt(i + 1)
		}
		if strings.Contains(t.text, "!") && !pgBangOperators[t.text] && i > 0 &&
			x.T(i-1).typ == tNumber && (n.typ == tNumber || n.typ == tString && n.text[0] == '\'') &&
			!x.isP(i-2, ".") && !(i >= 2 && x.T(i-2).typ == tOp) && !(i+2 < x.n() && x.T(i+2).typ == tOp) {
			return &Error{Code: "42883", Message: "operator does not exist: " + x.argTypeName(i-1, i) + " " + t.text + " " + x.argTypeName(i+1, i+2),
				Hint: "No operator matches the given name and argument types. You might need to add explicit type casts.", Position: x.charPos(i)}
		}
	}
	return nil
}

// isSimpleIdent reports whether s is a plain identifier (a letter or _,
// then letters, digits, _ or $).
func isSimpleIdent(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && (c >= '0' && c <= '9' || c == '$')) {
			return false
		}
	}
	return s != ""
}
