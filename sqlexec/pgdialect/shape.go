package pgdialect

import "strings"

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
