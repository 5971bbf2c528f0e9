package pgdialect

import (
	"strconv"
	"strings"
)

// A statement's literal shape (issue 15): the simple protocol sends every
// execution as a new text (psql, pgbench's default mode), and each new
// text was translated from scratch. Texts that differ only in some integer
// literals share a shape; the session translates a shape once and fills
// the literals in (sqlexec/shapecache.go), after checking that the
// translation carries those literals through unchanged.
//
// Only literals where a value can only be a value are lifted: an integer
// of 2 to 9 digits (no leading zero; always int4) that is an operand of a
// comparison or arithmetic operator, or an item of a VALUES row, followed
// by what ends an operand. Never a type modifier, a LIMIT, a subscript, a
// function argument outside VALUES, or a cast's operand.

// ShapeLiteral is one lifted literal: its byte range in the text.
type ShapeLiteral struct{ Start, End int }

// shapeMark stands for a lifted literal's digits in a shape's key.
const shapeMark = '\x01'

// shapeOperators are the operators a lifted literal may follow.
var shapeOperators = map[string]bool{"=": true, "<>": true, "!=": true, "<": true, ">": true, "<=": true, ">=": true, "+": true, "-": true, "*": true}

// shapeEnds are the keywords that may follow a lifted literal.
var shapeEnds = map[string]bool{"AND": true, "OR": true, "WHERE": true, "ORDER": true, "GROUP": true, "LIMIT": true,
	"OFFSET": true, "RETURNING": true, "THEN": true, "ELSE": true, "END": true, "WHEN": true, "HAVING": true,
	"UNION": true, "EXCEPT": true, "INTERSECT": true, "FOR": true, "ON": true}

// LiteralShape returns sql's shape key (the text with each lifted
// literal's digits replaced by marks, so positions in it are the text's)
// and the lifted literals in order; ok is false when nothing is lifted.
func LiteralShape(sql string) (key string, lits []ShapeLiteral, ok bool) {
	if strings.IndexByte(sql, shapeMark) >= 0 {
		return "", nil, false
	}
	l := lexedOf(sql)
	x := &tx{toks: l.toks, sig: l.sig, depth: l.depth} // read only
	n := len(x.sig)
	// valuesAt: the depth at which a VALUES list runs; row: the depth
	// of the items of the VALUES row the scan is in (-1: none).
	valuesAt, row := -1, -1
	for i := 0; i < n; i++ {
		t := x.T(i)
		d := x.depth[i]
		switch {
		case t.typ == tIdent && t.kw("VALUES"):
			valuesAt = d
			continue
		case valuesAt >= 0 && d == valuesAt:
			// a row opens, closes (its ")" is at the list's depth) or
			// the next one follows; anything else ends the list
			switch {
			case t.typ == tPunct && t.text == "(":
				row = d + 1
			case t.typ == tPunct && (t.text == ")" || t.text == ","):
				row = -1
			default:
				valuesAt, row = -1, -1
			}
			continue
		}
		if t.typ != tNumber || !shapeDigits(t.text) {
			continue
		}
		if i == 0 || (i+1 < n && x.T(i+1).typ == tOp && x.T(i+1).text == "::") {
			continue
		}
		p := x.T(i - 1)
		okPrev := p.typ == tOp && shapeOperators[p.text] && !(i >= 2 && x.T(i-2).typ == tOp && x.T(i-2).text == "::")
		if !okPrev && row == d && p.typ == tPunct && (p.text == "(" || p.text == ",") {
			okPrev = true
		}
		if !okPrev {
			continue
		}
		if i+1 < n {
			nx := x.T(i + 1)
			switch {
			case nx.typ == tPunct && (nx.text == "," || nx.text == ")" || nx.text == ";"):
			case nx.typ == tIdent && shapeEnds[nx.upper()]:
			default:
				continue
			}
		}
		lits = append(lits, ShapeLiteral{Start: t.pos, End: t.pos + len(t.text)})
	}
	if len(lits) == 0 {
		return "", nil, false
	}
	b := []byte(sql)
	for _, lt := range lits {
		for j := lt.Start; j < lt.End; j++ {
			b[j] = shapeMark
		}
	}
	return string(b), lits, true
}

// shapeDigits reports an integer literal of 2 to 9 digits without a
// leading zero.
func shapeDigits(s string) bool {
	if len(s) < 2 || len(s) > 9 || s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// LiteralBind is a parameter BindLiterals made of a lifted literal: the
// literal's index, and the form its occurrence had: the integer, or the
// text of it that a translation quotes ('56789', as the literal was
// written, for an assignment's messages), or that text negated ('-1234').
type LiteralBind struct {
	Lit       int
	Text, Neg bool
}

// BindLiterals is the SQLite text sqlText of a shape's translation with
// each occurrence of a sentinel made a parameter, numbered by its place in
// binds (the binds of the statement's earlier texts, extended as new
// ones are needed), so that every text of the shape is one SQLite
// statement (compiled and checked once, its values bound:
// sqlexec/shapecache.go); ok is false unless every occurrence is a whole
// number token in an operand's place or a string literal of exactly the
// sentinel (or its negation). A bound integer is what SQLite reads an
// integer literal as there (an operand of no affinity, the same value
// and type), but not as a column number of ORDER BY or GROUP BY, a LIMIT
// or an OFFSET, nor inside an identifier or comment: a sentinel seen
// there (or in any other token) refuses the text. A text without a
// sentinel is returned as it is.
func BindLiterals(sqlText string, sentinels []string, binds []LiteralBind) (string, []LiteralBind, bool) {
	toks := lex(sqlText)
	var b strings.Builder
	prev := "" // the previous significant token, upper case
	param := func(lb LiteralBind) string {
		for n, x := range binds {
			if x == lb {
				return "?" + strconv.Itoa(n+1)
			}
		}
		binds = append(binds, lb)
		return "?" + strconv.Itoa(len(binds))
	}
	for k := range toks {
		t := &toks[k]
		lb := LiteralBind{Lit: -1}
		for j, sent := range sentinels {
			switch {
			case t.typ == tNumber && t.text == sent:
				lb.Lit = j
			case t.typ == tString && t.text == "'"+sent+"'":
				lb = LiteralBind{Lit: j, Text: true}
			case t.typ == tString && t.text == "'-"+sent+"'":
				lb = LiteralBind{Lit: j, Text: true, Neg: true}
			}
			if lb.Lit >= 0 {
				break
			}
		}
		if lb.Lit < 0 {
			for _, sent := range sentinels {
				if strings.Contains(t.text, sent) {
					return "", nil, false
				}
			}
			b.WriteString(t.text)
		} else {
			next := ""
			for n := k + 1; n < len(toks); n++ {
				if !toks[n].trivia() {
					next = toks[n].text
					break
				}
			}
			switch prev {
			case "BY", "LIMIT", "OFFSET", "[", ".", ",":
				if prev != "," || !valuesItem(toks[:k]) {
					return "", nil, false
				}
			}
			if next == "]" || next == "." || next == "::" {
				return "", nil, false
			}
			b.WriteString(param(lb))
		}
		if !t.trivia() {
			prev = strings.ToUpper(t.text)
		}
	}
	return b.String(), binds, true
}

// valuesItem reports whether the tokens before a value that follows a
// comma make it an item of a VALUES row or of a function's argument list
// (an opening parenthesis before it at its depth, not a bare list such
// as ORDER BY a, 5).
func valuesItem(before []token) bool {
	depth := 0
	for k := len(before) - 1; k >= 0; k-- {
		t := &before[k]
		switch {
		case t.typ == tPunct && t.text == ")":
			depth++
		case t.typ == tPunct && t.text == "(":
			if depth == 0 {
				return true
			}
			depth--
		case depth == 0 && t.typ == tIdent && (t.kw("BY") || t.kw("SELECT") || t.kw("SET")):
			return false
		}
	}
	return false
}

// ResultListFree reports whether the SQLite query sqlText is one SELECT
// (no WITH list, no set operation) whose result list (SELECT ... FROM)
// holds none of the sentinels: its columns' names and types, which the
// session reads from the text, are then the same when the sentinels
// elsewhere are parameters.
func ResultListFree(sqlText string, sentinels []string) bool {
	x := newTx(sqlText)
	if !x.kw(0, "SELECT") {
		return false
	}
	from := x.n()
	for i := 1; i < x.n(); i++ {
		if x.depth[i] != 0 {
			continue
		}
		if x.kw(i, "UNION") || x.kw(i, "INTERSECT") || x.kw(i, "EXCEPT") {
			return false
		}
		if x.kw(i, "FROM") && from == x.n() {
			from = i
		}
	}
	list := x.orig(0, from)
	for _, s := range sentinels {
		if strings.Contains(list, s) {
			return false
		}
	}
	return true
}
