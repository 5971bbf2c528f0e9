package pgdialect

import (
	"fmt"
	"strings"
)

// PostgreSQL refuses a generation expression that reads another
// generated column (42P17), in CREATE TABLE and ADD COLUMN alike; SQLite
// computes one from another, so such a column was accepted.

// generatedColumns lists the generated columns among the table elements
// elems of x and the token ranges (inside the parentheses) of their
// expressions.
func (x *tx) generatedColumns(elems [][2]int) (names []string, exprs [][2]int) {
	for _, el := range elems {
		if el[0] >= el[1] || colConstraintStart(x.T(el[0])) {
			continue
		}
		col, _ := x.name(el[0])
		for k := el[0] + 1; k+3 < el[1]; k++ {
			if x.kw(k, "GENERATED", "ALWAYS", "AS") && x.isP(k+3, "(") {
				names = append(names, col)
				exprs = append(exprs, [2]int{k + 4, x.match(k + 3)})
				break
			}
		}
	}
	return names, exprs
}

// colConstraintStart reports whether a table element starting with t is a
// table constraint, not a column.
func colConstraintStart(t *token) bool {
	return t.kw("CONSTRAINT") || t.kw("PRIMARY") || t.kw("UNIQUE") || t.kw("CHECK") || t.kw("FOREIGN") || t.kw("EXCLUDE") || t.kw("LIKE")
}

// generatedRef is the first of names that tokens lo..hi-1 of x read as a
// column (an identifier not called as a function), "" when none.
func (x *tx) generatedRef(lo, hi int, names []string) string {
	for j := lo; j < hi; j++ {
		t := x.T(j)
		if (t.typ != tIdent && t.typ != tQIdent) || x.isP(j+1, "(") {
			continue
		}
		for _, n := range names {
			if strings.EqualFold(n, t.identName()) {
				return n
			}
		}
	}
	return ""
}

func generatedRefError(col string) error {
	return &Error{Code: "42P17", Message: fmt.Sprintf("cannot use generated column \"%s\" in column generation expression", col),
		Detail: "A generated column cannot reference another generated column."}
}

// generatedRefErr is CREATE TABLE's 42P17 for a generated column of
// elems computed from another.
func (x *tx) generatedRefErr(elems [][2]int) error {
	names, exprs := x.generatedColumns(elems)
	for _, r := range exprs {
		if n := x.generatedRef(r[0], r[1], names); n != "" {
			return generatedRefError(n)
		}
	}
	return nil
}

// addedGeneratedRefErr is ADD COLUMN's 42P17 for a generation expression
// (GENERATED ALWAYS AS (...) STORED) that reads a generated column of
// the table createSQL.
func addedGeneratedRefErr(createSQL, generated string) error {
	x := newTx(createSQL)
	open := x.firstTopParen()
	if open < 0 {
		return nil
	}
	names, _ := x.generatedColumns(x.splitTop(open+1, x.match(open)))
	if len(names) == 0 {
		return nil
	}
	g := newTx(generated)
	p := g.findParen(0, g.n())
	if p < 0 {
		return nil
	}
	if n := g.generatedRef(p+1, g.match(p), names); n != "" {
		return generatedRefError(n)
	}
	return nil
}
