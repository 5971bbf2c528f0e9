package pgdialect

// regex_precedence.go: the precedence of ~, ~*, !~, !~* and the LIKE
// operators ~~, ~~*, !~~, !~~*. PostgreSQL parses them as "any other
// operator", of the same precedence as || and left-associative, above
// comparison: 'ABC' ~* 'b' || 'c' is ('ABC' ~* 'b') || 'c', the text
// truec, and x = 'abc' ~ 'b' compares x with the match. The translation
// writes them as SQLite's REGEXP, LIKE and GLOB (expr.go rewriteOp),
// which bind looser than || and as loosely as =, so SQLite read
// 'ABC' REGEXP 'bc' and (x = 'abc') REGEXP 'b'.
//
// Before any pass reads the statement, such an operator with its operands
// is put in parentheses (tokens of their own, spliced into the copy that
// newTx makes) when an || follows its right operand or a comparison
// operator precedes its left one: everything after reads the group as
// PostgreSQL does, the || prints the boolean as text || does ('true').
// The operands are read conservatively: where the scan cannot delimit
// one (a multi-word type, a keyword it does not know) nothing is added,
// as before. A statement without ~ pays a byte search.

import "strings"

// regexPrecOps are the operators regrouped.
var regexPrecOps = map[string]bool{"~": true, "~*": true, "!~": true, "!~*": true,
	"~~": true, "~~*": true, "!~~": true, "!~~*": true}

// precTighter: the arithmetic operators, which bind tighter than
// PostgreSQL's other operators.
var precTighter = map[string]bool{"+": true, "-": true, "*": true, "/": true, "%": true, "^": true}

// regexPrecedence regroups x's tokens as described above.
func (x *tx) regexPrecedence() {
	if !strings.Contains(x.src, "~") {
		return
	}
	open, close := map[int]int{}, map[int]int{} // sig index -> parentheses to add before / after
	for i := 1; i+1 < x.n(); i++ {
		t := x.T(i)
		if t.typ != tOp || !regexPrecOps[t.text] || !x.endsOperand(i-1) {
			continue
		}
		re := x.precRight(i + 1)
		ls := x.precLeft(i - 1)
		if re < 0 || ls < 0 {
			continue
		}
		nt, pt := x.T(re), x.T(ls-1)
		if !(nt.typ == tOp && nt.text == "||") && !(pt.typ == tOp && comparisonOps[pt.text]) {
			continue
		}
		open[ls]++
		close[re-1]++
	}
	if len(open) == 0 {
		return
	}
	toks := make([]token, 0, len(x.toks)+2*len(open))
	at := map[int]int{} // token index -> sig index
	for s, ti := range x.sig {
		at[ti] = s
	}
	for ti, tok := range x.toks {
		s, sig := at[ti]
		if sig {
			for range open[s] {
				toks = append(toks, token{typ: tPunct, text: "(", pos: tok.pos})
			}
		}
		toks = append(toks, tok)
		if sig {
			for range close[s] {
				toks = append(toks, token{typ: tPunct, text: ")", pos: tok.pos + len(tok.text)})
			}
		}
	}
	// the significant tokens again, without the trailing semicolons that
	// lexStatement dropped
	x.toks = toks
	x.indexTokens()
}

// precOperand reports whether token i is a value that can be an operand
// (a literal, a parameter, a column or function name).
func (x *tx) precOperand(i int) bool {
	t := x.T(i)
	switch t.typ {
	case tString, tNumber, tParam, tDollar, tQIdent:
		return true
	case tIdent:
		u := t.upper()
		return x.endsOperand(i) && !isClauseKw(u) && u != "LIMIT" && u != "OFFSET" && u != "BY"
	}
	return false
}

// precRight is the end of the right operand of an other operator that
// starts at j: primaries joined by arithmetic, with their casts,
// subscripts and qualifiers; -1 when it cannot be delimited.
func (x *tx) precRight(j int) int {
	d := x.depth[j-1]
	for {
		for x.T(j).typ == tOp && (x.T(j).text == "-" || x.T(j).text == "+") {
			j++ // unary sign
		}
		switch {
		case x.isP(j, "("):
			j = x.closeAt(j, d)
		case x.precOperand(j):
			j++
			for x.isP(j, ".") && (x.T(j+1).typ == tIdent || x.T(j+1).typ == tQIdent) {
				j += 2
			}
			if x.isP(j, "(") {
				j = x.closeAt(j, d) // a call
			}
		default:
			return -1
		}
		if j < 0 {
			return -1
		}
		for { // postfix: subscripts, casts to a one-word type
			switch {
			case x.isP(j, "["):
				j = x.closeAt(j, d)
			case x.T(j).typ == tCast && x.T(j+1).typ == tIdent:
				j += 2
				if x.isP(j, "(") {
					j = x.closeAt(j, d)
				}
				if j >= 0 && x.T(j).typ == tIdent && x.precOperand(j) {
					return -1 // a type of several words
				}
			default:
				goto after
			}
			if j < 0 {
				return -1
			}
		}
	after:
		if t := x.T(j); t.typ == tOp && precTighter[t.text] {
			j++
			continue
		}
		return j
	}
}

// closeAt is the index after the ) or ] closing the ( or [ at j (both at
// depth d), -1 when none does.
func (x *tx) closeAt(j, d int) int {
	for k := j + 1; k < x.n(); k++ {
		if x.depth[k] == d {
			if t := x.T(k); t.typ == tPunct && (t.text == ")" || t.text == "]") {
				return k + 1
			}
			return -1
		}
	}
	return -1
}

// precLeft is the start of the left operand of an other operator that
// ends at k: primaries joined by arithmetic and other operators (left
// associative, || included), with their casts, subscripts and
// qualifiers; -1 when it cannot be delimited.
func (x *tx) precLeft(k int) int {
	d := x.depth[k+1]
	for {
		for { // back over a primary and its postfixes
			switch t := x.T(k); {
			case t.typ == tPunct && (t.text == ")" || t.text == "]"):
				o := x.openAt(k, d)
				if o < 0 {
					return -1
				}
				k = o - 1
				if x.T(o).text == "(" && x.T(k).typ == tIdent && x.precOperand(k) {
					k-- // a call
				} else if x.T(o).text == "[" {
					continue // a subscript of what comes before
				}
			case x.precOperand(k):
				k--
				for x.isP(k, ".") && (x.T(k-1).typ == tIdent || x.T(k-1).typ == tQIdent) {
					k -= 2
				}
			default:
				return -1
			}
			if x.T(k).typ == tCast {
				k-- // x::type: the type was read, now the value
				continue
			}
			break
		}
		if t := x.T(k); t.typ == tOp && !comparisonOps[t.text] {
			if !x.endsOperand(k - 1) {
				if t.text == "-" || t.text == "+" {
					return k // a unary sign starts the operand
				}
				return -1
			}
			k--
			continue
		}
		return k + 1
	}
}

// openAt is the index of the ( or [ at depth d opening the ) or ] at k.
func (x *tx) openAt(k, d int) int {
	for j := k - 1; j >= 0; j-- {
		if x.depth[j] == d {
			if t := x.T(j); t.typ == tPunct && (t.text == "(" || t.text == "[") {
				return j
			}
			return -1
		}
	}
	return -1
}
