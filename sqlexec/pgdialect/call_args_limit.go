package pgdialect

// call_args_limit.go: PostgreSQL's parse analysis refuses a function call
// of more than FUNC_MAX_ARGS (100) arguments, whatever the function (one
// that does not exist too), with 54023 "cannot pass more than 100
// arguments to a function" at the call's name. SQLite takes any number:
// concat(...), json_build_array(...) or format(...) of 101 arguments
// answered, an unknown name was 42883. GREATEST, LEAST, COALESCE, ROW,
// VALUES and the other forms the grammar writes with parentheses are no
// function calls and take any number, as are a relation's or an alias's
// column list (INSERT INTO t (...), CREATE TABLE t (...), AS a(...)).
// It runs once a statement translated without error: PostgreSQL analyses
// the arguments first, so their own errors (a missing column's 42703 too,
// CompileFirst) come first.

import "strings"

// funcMaxArgs is PostgreSQL's FUNC_MAX_ARGS.
const funcMaxArgs = 100

// notFunctionWords are the words the grammar follows with a parenthesised
// list that is no function call's arguments (reservedWords aside).
var notFunctionWords = map[string]bool{
	"VALUES": true, "ROW": true, "GREATEST": true, "LEAST": true, "COALESCE": true, "NULLIF": true,
	"GROUPING": true, "CUBE": true, "ROLLUP": true, "SETS": true, "EXISTS": true,
	"XMLCONCAT": true, "XMLELEMENT": true, "XMLFOREST": true, "ENUM": true,
}

// relationWords are the words after which a name and a parenthesised
// list are a relation and its column list (or a type's modifiers), never
// a call: INSERT INTO t (...), CREATE TABLE [IF NOT EXISTS] t (...),
// REFERENCES t (...), CREATE VIEW v (...), FROM t AS a(...),
// CAST(x AS numeric(10, 2)), TYPE numeric(10, 2), COPY t (...), FROM ONLY t.
var relationWords = map[string]bool{
	"INTO": true, "TABLE": true, "EXISTS": true, "REFERENCES": true, "VIEW": true, "AS": true,
	"TYPE": true, "COPY": true, "ONLY": true,
}

// relationListWords are more words a name with a list follows that is
// rarely a call's: ANALYZE t (...), CREATE INDEX ... USING btree (...),
// WITH w(...).
var relationListWords = map[string]bool{
	"ANALYZE": true, "ANALYSE": true, "VACUUM": true, "KEY": true, "UNIQUE": true,
	"USING": true, "INCLUDE": true, "RECURSIVE": true, "WITH": true,
}

// exprWords are the words, no reserved ones, that an expression follows
// (ORDER BY f(...), x LIKE f(...), JOIN f(...)).
var exprWords = map[string]bool{
	"BY": true, "LIKE": true, "ILIKE": true, "SIMILAR": true, "IS": true, "BETWEEN": true, "ESCAPE": true,
	"ZONE": true, "OVERLAPS": true, "RETURN": true, "JOIN": true, "FIRST": true, "NEXT": true,
}

// callArgsCheck is PostgreSQL's 54023 for the call of sql (PostgreSQL
// text) that passes more than 100 arguments and that PostgreSQL analyses
// first (the one closing first: an argument's call before its own), or
// nil.
func callArgsCheck(sql string) *Error {
	if strings.Count(sql, ",") < funcMaxArgs {
		return nil // the cheap test: 101 arguments need 100 commas
	}
	x := newTx(sql)
	if !x.balanced() {
		return nil
	}
	best, bestEnd := -1, x.n()
	for k := 0; k+1 < x.n(); k++ {
		if !x.isP(k+1, "(") {
			continue
		}
		start, ok := x.callNameStart(k, false)
		if !ok {
			continue
		}
		m := x.match(k + 1)
		if m < 0 || m >= x.n() || m >= bestEnd {
			continue
		}
		if x.callArgCount(k+2, m) > funcMaxArgs {
			best, bestEnd = start, m
		}
	}
	if best < 0 {
		return nil
	}
	return &Error{Code: "54023", Message: "cannot pass more than 100 arguments to a function", Position: x.charPos(best)}
}

// callNameStart reports whether the word at k, followed by "(", names a
// function being called, and gives the first token of its (possibly
// schema-qualified) name. strict (internal_calls.go) takes a name after
// any word but those that introduce a relation's name as a call (a
// false refusal of a relation named pg_... is better than a call let
// through); otherwise a name after any word that is no keyword an
// expression follows is a column list's, an alias's or a type's.
func (x *tx) callNameStart(k int, strict bool) (int, bool) {
	t := x.T(k)
	if t.typ != tIdent && t.typ != tQIdent {
		return 0, false
	}
	if t.typ == tIdent && (reservedWords[t.upper()] || notFunctionWords[t.upper()]) {
		return 0, false
	}
	start := k
	for start >= 2 && x.isP(start-1, ".") && (x.T(start-2).typ == tIdent || x.T(start-2).typ == tQIdent) {
		start -= 2
	}
	if start > 0 {
		p := x.T(start - 1)
		switch {
		case p.typ == tCast:
			return 0, false // a type's modifiers
		case p.kw("ON"):
			if x.indexOn(start - 1) {
				return 0, false // CREATE INDEX ... ON t (...)
			}
		case p.typ == tIdent && relationWords[p.upper()]:
			return 0, false // a relation's column list
		case strict:
		case p.typ == tQIdent:
			return 0, false // an alias's column list: FROM t "a"(x)
		case p.typ == tIdent && (relationListWords[p.upper()] || !reservedWords[p.upper()] && !exprWords[p.upper()]):
			// an alias's column list (FROM t a(x)), a column
			// definition's type (n numeric(10, 2)), an index's method
			return 0, false
		}
	}
	// a WITH query's name and column list: w(a, b) AS [NOT MATERIALIZED] (...)
	if m := x.match(k + 1); m+2 < x.n() && x.kw(m+1, "AS") && (x.isP(m+2, "(") || x.kw(m+2, "MATERIALIZED") || x.kw(m+2, "NOT")) {
		return 0, false
	}
	return start, true
}

// indexOn reports whether the ON at on names an index's table: CREATE
// [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON, not a join's
// condition.
func (x *tx) indexOn(on int) bool {
	for j := on - 1; j >= 0 && j >= on-7; j-- {
		switch {
		case x.depth[j] != x.depth[on] || x.kw(j, "JOIN") || x.kw(j, "SELECT") || x.kw(j, "FROM") || x.kw(j, "WHERE"):
			return false
		case x.kw(j, "INDEX"):
			return true
		}
	}
	return false
}

// callArgCount is the number of arguments of the call whose list is
// a..b-1: its top-level items before an aggregate's ORDER BY.
func (x *tx) callArgCount(a, b int) int {
	if a >= b {
		return 0
	}
	n := 1
	for j := a; j < b; j++ {
		if x.depth[j] != x.depth[a] {
			continue
		}
		if x.kw(j, "ORDER") && x.kw(j+1, "BY") {
			break
		}
		if x.isP(j, ",") {
			n++
		}
	}
	return n
}
