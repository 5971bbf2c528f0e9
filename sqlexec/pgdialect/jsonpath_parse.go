package pgdialect

// jsonpath_parse.go: PostgreSQL 15's SQL/JSON path language (the jsonpath
// type's input, jsonpath_gram.y) parsed into a tree that jsonpath_exec.go
// evaluates. The grammar is PostgreSQL's: an optional lax/strict mode,
// then an expression or a predicate; accessors .key ."key" .* .** (with
// level bounds) [subscripts] [*] ?(filter) and the item methods; the
// arithmetic operators; comparisons, &&, ||, !, exists(), like_regex,
// starts with, is unknown. What PostgreSQL has and this does not
// (.datetime(), like_regex flag m) is refused with 0A000 naming it, never
// read differently; a malformed path is PostgreSQL's 42601.

import (
	"encoding/json"
	"strings"
	"unicode/utf8"
)

type jpKind int

const (
	jpRoot       jpKind = iota // $
	jpCurrent                  // @
	jpVar                      // $name
	jpLast                     // last (in subscripts)
	jpLit                      // a string, number, true, false or null
	jpKey                      // .key
	jpAnyKey                   // .*
	jpIndex                    // [subscripts]
	jpAnyArray                 // [*]
	jpAny                      // .** / .**{m to n}
	jpFilter                   // ?(predicate)
	jpMethod                   // .size() ...
	jpArith                    // + - * / % of two operands
	jpUnary                    // unary + or -
	jpCmp                      // == != < <= > >=
	jpAnd                      // &&
	jpOr                       // ||
	jpNot                      // !
	jpIsUnknown                // (predicate) is unknown
	jpExists                   // exists(expr)
	jpLikeRegex                // expr like_regex "pattern" [flag "flags"]
	jpStartsWith               // expr starts with "prefix" | $var
)

// jpAnyLast is the bound "last" of .**{m to last} (PostgreSQL's
// PG_UINT32_MAX).
const jpAnyLast = 1<<32 - 1

// jpNode is one item of a path; next is the accessor applied to its
// results.
type jpNode struct {
	kind        jpKind
	op          string // operator, method name
	name        string // key, variable
	val         any    // literal: string, json.Number, bool or nil
	left, right *jpNode
	subs        [][2]*jpNode // [from, to] (to nil: one index)
	first, last uint32       // .** bounds
	re          *pgRE
	next        *jpNode
}

// isBool reports whether n is a predicate (a boolean item).
func (n *jpNode) isBool() bool {
	switch n.kind {
	case jpCmp, jpAnd, jpOr, jpNot, jpIsUnknown, jpExists, jpLikeRegex, jpStartsWith:
		return true
	}
	return false
}

// jsonPath is a parsed path with its mode.
type jsonPath struct {
	strict bool
	root   *jpNode
}

// jpMethods are PostgreSQL 15's item methods this evaluates.
var jpMethods = map[string]bool{"size": true, "type": true, "double": true, "abs": true, "floor": true, "ceiling": true, "keyvalue": true}

type jpTok struct {
	kind string // "op", "str", "num", "id", "var", "eof"
	text string // operator, identifier or number text; a string's or variable's value
}

type jpParser struct {
	toks     []jpTok
	p        int
	inFilter int // depth of ?( ) (@ allowed)
	inSubs   int // depth of [ ] (last allowed)
}

// parseJSONPath parses PostgreSQL's jsonpath text.
func parseJSONPath(s string) (*jsonPath, error) {
	toks, err := jpLex(s)
	if err != nil {
		return nil, err
	}
	p := &jpParser{toks: toks}
	jp := &jsonPath{}
	if t := p.peek(); t.kind == "id" && (t.text == "strict" || t.text == "lax") {
		// a mode word, unless it is the whole path's key-less start of
		// something else ("lax" alone is a syntax error in PostgreSQL too)
		jp.strict = t.text == "strict"
		p.p++
	}
	if jp.root, err = p.or(); err != nil {
		return nil, err
	}
	if p.peek().kind != "eof" {
		return nil, p.syntaxErr()
	}
	return jp, nil
}

func (p *jpParser) peek() jpTok { return p.toks[p.p] }

func (p *jpParser) isOp(s string) bool {
	t := p.toks[p.p]
	return t.kind == "op" && t.text == s
}

func (p *jpParser) isID(s string) bool {
	t := p.toks[p.p]
	return t.kind == "id" && t.text == s
}

func (p *jpParser) expectOp(s string) error {
	if !p.isOp(s) {
		return p.syntaxErr()
	}
	p.p++
	return nil
}

// syntaxErr is PostgreSQL's jsonpath_yyerror at the current token.
func (p *jpParser) syntaxErr() error {
	t := p.peek()
	if t.kind == "eof" {
		return pgErr("42601", "syntax error at end of jsonpath input")
	}
	text := t.text
	if t.kind == "str" || t.kind == "var" {
		text = t.raw()
	}
	return pgErr("42601", "syntax error at or near \"%s\" of jsonpath input", text)
}

func (t jpTok) raw() string {
	if t.kind == "var" {
		return "$" + t.text
	}
	return `"` + t.text + `"`
}

func (p *jpParser) or() (*jpNode, error) { return p.chain(jpOr, true, p.and, "||") }

func (p *jpParser) and() (*jpNode, error) { return p.chain(jpAnd, true, p.not, "&&") }

// chain reads operands of next joined by any of the operators ops
// (left-associative) into nodes of kind: predicates for the boolean
// operators (bools), values for the arithmetic ones.
func (p *jpParser) chain(kind jpKind, bools bool, next func() (*jpNode, error), ops ...string) (*jpNode, error) {
	l, err := next()
	if err != nil {
		return nil, err
	}
	for {
		op := ""
		for _, o := range ops {
			if p.isOp(o) {
				op = o
			}
		}
		if op == "" {
			return l, nil
		}
		p.p++
		r, err := next()
		if err != nil {
			return nil, err
		}
		if l.isBool() != bools || r.isBool() != bools {
			return nil, pgErr("42601", "syntax error at or near \"%s\" of jsonpath input", op)
		}
		l = &jpNode{kind: kind, op: op, left: l, right: r}
	}
}

// not: ! takes a delimited predicate, (predicate) or exists(...).
func (p *jpParser) not() (*jpNode, error) {
	if !p.isOp("!") {
		return p.comparison()
	}
	p.p++
	if !p.isOp("(") && !p.isID("exists") {
		return nil, p.syntaxErr()
	}
	a, err := p.comparison()
	if err != nil {
		return nil, err
	}
	if !a.isBool() {
		return nil, p.syntaxErr()
	}
	return &jpNode{kind: jpNot, left: a}, nil
}

var jpCmpOps = map[string]string{"==": "==", "!=": "!=", "<>": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}

func (p *jpParser) comparison() (*jpNode, error) {
	l, err := p.additive()
	if err != nil {
		return nil, err
	}
	if l.isBool() {
		if p.isID("is") {
			p.p++
			if !p.isID("unknown") {
				return nil, p.syntaxErr()
			}
			p.p++
			return &jpNode{kind: jpIsUnknown, left: l}, nil
		}
		return l, nil
	}
	t := p.peek()
	switch {
	case t.kind == "op" && jpCmpOps[t.text] != "":
		p.p++
		r, err := p.additive()
		if err != nil {
			return nil, err
		}
		if r.isBool() {
			return nil, p.syntaxErr()
		}
		return &jpNode{kind: jpCmp, op: jpCmpOps[t.text], left: l, right: r}, nil
	case p.isID("like_regex"):
		p.p++
		if p.peek().kind != "str" {
			return nil, p.syntaxErr()
		}
		pat := p.peek().text
		p.p++
		flags := ""
		if p.isID("flag") {
			p.p++
			if p.peek().kind != "str" {
				return nil, p.syntaxErr()
			}
			flags = p.peek().text
			p.p++
		}
		re, err := jpRegex(pat, flags)
		if err != nil {
			return nil, err
		}
		return &jpNode{kind: jpLikeRegex, left: l, re: re}, nil
	case p.isID("starts"):
		p.p++
		if !p.isID("with") {
			return nil, p.syntaxErr()
		}
		p.p++
		var r *jpNode
		switch t := p.peek(); t.kind {
		case "str":
			r = &jpNode{kind: jpLit, val: t.text}
		case "var":
			r = &jpNode{kind: jpVar, name: t.text}
		default:
			return nil, p.syntaxErr()
		}
		p.p++
		return &jpNode{kind: jpStartsWith, left: l, right: r}, nil
	}
	return l, nil
}

// jpRegex compiles like_regex's pattern with its XQuery flags as
// PostgreSQL's jspConvertRegexFlags maps them onto its regex flags.
func jpRegex(pat, flags string) (*pgRE, error) {
	re := ""
	for _, f := range flags {
		switch f {
		case 'i':
			re += "i"
		case 's':
			// dot matches newline: PostgreSQL's default without m
		case 'q':
			re += "q"
		case 'm':
			return nil, pgErr("0A000", "like_regex flag \"m\" is not supported")
		case 'x':
			return nil, pgErr("0A000", "XQuery \"x\" flag (expanded regular expressions) is not implemented")
		default:
			return nil, pgErr("42601", "invalid input syntax for type jsonpath")
		}
	}
	return pgRegexp("like_regex", pat, re)
}

func (p *jpParser) additive() (*jpNode, error) {
	return p.chain(jpArith, false, p.multiplicative, "+", "-")
}

func (p *jpParser) multiplicative() (*jpNode, error) {
	return p.chain(jpArith, false, p.unary, "*", "/", "%")
}

func (p *jpParser) unary() (*jpNode, error) {
	if !p.isOp("+") && !p.isOp("-") {
		return p.accessorExpr()
	}
	op := p.peek().text
	p.p++
	a, err := p.unary()
	if err != nil {
		return nil, err
	}
	if a.isBool() {
		return nil, p.syntaxErr()
	}
	if a.kind == jpLit && a.next == nil {
		// PostgreSQL folds the sign into a numeric literal (makeItemUnary)
		if n, ok := a.val.(json.Number); ok {
			if op == "-" {
				d, _ := parseDecimal(string(n))
				d.neg()
				a.val = json.Number(d.String())
			}
			return a, nil
		}
	}
	return &jpNode{kind: jpUnary, op: op, left: a}, nil
}

func (p *jpParser) accessorExpr() (*jpNode, error) {
	t := p.peek()
	var head *jpNode
	switch t.kind {
	case "op":
		switch t.text {
		case "$":
			head = &jpNode{kind: jpRoot}
		case "@":
			if p.inFilter == 0 {
				return nil, pgErr("42601", "@ is not allowed in root expressions")
			}
			head = &jpNode{kind: jpCurrent}
		case "(":
			p.p++
			inner, err := p.or()
			if err != nil {
				return nil, err
			}
			if err := p.expectOp(")"); err != nil {
				return nil, err
			}
			if inner.isBool() {
				return inner, nil
			}
			// (expr) followed by accessors: they apply to its results
			return p.accessors(inner, jpTail(inner))
		default:
			return nil, p.syntaxErr()
		}
	case "str":
		head = &jpNode{kind: jpLit, val: t.text}
	case "num":
		d, ok := parseDecimal(t.text)
		if !ok {
			return nil, p.syntaxErr()
		}
		head = &jpNode{kind: jpLit, val: json.Number(d.String())}
	case "var":
		head = &jpNode{kind: jpVar, name: t.text}
	case "id":
		switch t.text {
		case "true", "false":
			head = &jpNode{kind: jpLit, val: t.text == "true"}
		case "null":
			head = &jpNode{kind: jpLit}
		case "last":
			if p.inSubs == 0 {
				return nil, pgErr("42601", "LAST is allowed only in array subscripts")
			}
			head = &jpNode{kind: jpLast}
		case "exists":
			p.p++
			if err := p.expectOp("("); err != nil {
				return nil, err
			}
			a, err := p.or()
			if err != nil {
				return nil, err
			}
			if a.isBool() {
				return nil, p.syntaxErr()
			}
			if err := p.expectOp(")"); err != nil {
				return nil, err
			}
			return &jpNode{kind: jpExists, left: a}, nil
		default:
			return nil, p.syntaxErr()
		}
	default:
		return nil, p.syntaxErr()
	}
	p.p++
	return p.accessors(head, head)
}

// jpTail is the last item of n's accessor chain.
func jpTail(n *jpNode) *jpNode {
	for n.next != nil {
		n = n.next
	}
	return n
}

// accessors reads the accessor operators after a primary, chaining them
// after tail; head is returned.
func (p *jpParser) accessors(head, tail *jpNode) (*jpNode, error) {
	for {
		var n *jpNode
		switch {
		case p.isOp("."):
			p.p++
			t := p.peek()
			switch {
			case t.kind == "op" && t.text == "*":
				n = &jpNode{kind: jpAnyKey}
				p.p++
			case t.kind == "op" && t.text == "**":
				p.p++
				var err error
				if n, err = p.anyPath(); err != nil {
					return nil, err
				}
			case t.kind == "str":
				n = &jpNode{kind: jpKey, name: t.text}
				p.p++
			case t.kind == "id" && p.toks[p.p+1].kind == "op" && p.toks[p.p+1].text == "(":
				if t.text == "datetime" {
					return nil, pgErr("0A000", "jsonpath item method .datetime() is not supported")
				}
				if !jpMethods[t.text] {
					return nil, pgErr("42601", "syntax error at or near \"(\" of jsonpath input")
				}
				p.p += 2
				if err := p.expectOp(")"); err != nil {
					return nil, err
				}
				n = &jpNode{kind: jpMethod, op: t.text}
			case t.kind == "id":
				n = &jpNode{kind: jpKey, name: t.text}
				p.p++
			default:
				return nil, p.syntaxErr()
			}
		case p.isOp("["):
			p.p++
			var err error
			if n, err = p.subscripts(); err != nil {
				return nil, err
			}
		case p.isOp("?"):
			p.p++
			if err := p.expectOp("("); err != nil {
				return nil, err
			}
			p.inFilter++
			pred, err := p.or()
			p.inFilter--
			if err != nil {
				return nil, err
			}
			if !pred.isBool() {
				return nil, p.syntaxErr()
			}
			if err := p.expectOp(")"); err != nil {
				return nil, err
			}
			n = &jpNode{kind: jpFilter, left: pred}
		default:
			return head, nil
		}
		tail.next = n
		tail = n
	}
}

// anyPath reads the level bounds after .** ({n}, {m to n}, last).
func (p *jpParser) anyPath() (*jpNode, error) {
	n := &jpNode{kind: jpAny, first: 0, last: jpAnyLast}
	if !p.isOp("{") {
		return n, nil
	}
	p.p++
	level := func() (uint32, error) {
		t := p.peek()
		p.p++
		if t.kind == "id" && t.text == "last" {
			return jpAnyLast, nil
		}
		if t.kind != "num" || strings.ContainsAny(t.text, ".eE") {
			p.p--
			return 0, p.syntaxErr()
		}
		d, ok := parseDecimal(t.text)
		if !ok || !d.coef.IsInt64() || d.coef.Int64() >= jpAnyLast {
			p.p--
			return 0, p.syntaxErr()
		}
		return uint32(d.coef.Int64()), nil
	}
	var err error
	if n.first, err = level(); err != nil {
		return nil, err
	}
	n.last = n.first
	if p.isID("to") {
		p.p++
		if n.last, err = level(); err != nil {
			return nil, err
		}
	}
	return n, p.expectOp("}")
}

// subscripts reads [*] or [i, j to k, ...] after the [.
func (p *jpParser) subscripts() (*jpNode, error) {
	if p.isOp("*") && p.toks[p.p+1].kind == "op" && p.toks[p.p+1].text == "]" {
		p.p += 2
		return &jpNode{kind: jpAnyArray}, nil
	}
	n := &jpNode{kind: jpIndex}
	p.inSubs++
	defer func() { p.inSubs-- }()
	for {
		from, err := p.additive()
		if err != nil {
			return nil, err
		}
		var to *jpNode
		if p.isID("to") {
			p.p++
			if to, err = p.additive(); err != nil {
				return nil, err
			}
		}
		if from.isBool() || to != nil && to.isBool() {
			return nil, p.syntaxErr()
		}
		n.subs = append(n.subs, [2]*jpNode{from, to})
		if p.isOp(",") {
			p.p++
			continue
		}
		return n, p.expectOp("]")
	}
}

// jpSpecial are the characters that end an unquoted key (PostgreSQL's
// jsonpath_scan.l "other").
const jpSpecial = "?%$.[]{}()|&!=<>@#,*:-+/\\\" \t\n\r\f"

// jpLex splits a jsonpath text into tokens.
func jpLex(s string) ([]jpTok, error) {
	var toks []jpTok
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			i++
		case c == '"':
			v, n, err := jpString(s[i:])
			if err != nil {
				return nil, err
			}
			toks = append(toks, jpTok{kind: "str", text: v})
			i += n
		case c == '$':
			if i+1 < len(s) && s[i+1] == '"' {
				v, n, err := jpString(s[i+1:])
				if err != nil {
					return nil, err
				}
				toks = append(toks, jpTok{kind: "var", text: v})
				i += 1 + n
				continue
			}
			j := i + 1
			for j < len(s) && !strings.ContainsRune(jpSpecial, rune(s[j])) {
				j++
			}
			if j == i+1 {
				toks = append(toks, jpTok{kind: "op", text: "$"})
			} else {
				toks = append(toks, jpTok{kind: "var", text: s[i+1 : j]})
			}
			i = j
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j+1 < len(s) && s[j] == '.' && s[j+1] >= '0' && s[j+1] <= '9' {
				j++
				for j < len(s) && s[j] >= '0' && s[j] <= '9' {
					j++
				}
			}
			if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
				k := j + 1
				if k < len(s) && (s[k] == '+' || s[k] == '-') {
					k++
				}
				if k < len(s) && s[k] >= '0' && s[k] <= '9' {
					for k < len(s) && s[k] >= '0' && s[k] <= '9' {
						k++
					}
					j = k
				}
			}
			if j < len(s) && !strings.ContainsRune(jpSpecial, rune(s[j])) {
				return nil, pgErr("42601", "trailing junk after numeric literal at or near \"%s\" of jsonpath input", s[i:j+1])
			}
			toks = append(toks, jpTok{kind: "num", text: s[i:j]})
			i = j
		case strings.ContainsRune("=!<>&|*", rune(c)) && i+1 < len(s) && jpTwoChar[s[i:i+2]]:
			toks = append(toks, jpTok{kind: "op", text: s[i : i+2]})
			i += 2
		case strings.ContainsRune("$@.[](){},*?+-/%!<>", rune(c)):
			toks = append(toks, jpTok{kind: "op", text: string(c)})
			i++
		case c == '=' || c == '&' || c == '|' || c == '#' || c == ':' || c == '\\':
			return nil, pgErr("42601", "syntax error at or near \"%c\" of jsonpath input", c)
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(jpSpecial, rune(s[j])) {
				_, w := utf8.DecodeRuneInString(s[j:])
				j += w
			}
			toks = append(toks, jpTok{kind: "id", text: s[i:j]})
			i = j
		}
	}
	return append(toks, jpTok{kind: "eof"}), nil
}

var jpTwoChar = map[string]bool{"==": true, "!=": true, "<>": true, "<=": true, ">=": true, "&&": true, "||": true, "**": true}

// jpString reads a double-quoted jsonpath string at the start of s (its
// value and length), with JSON's escapes and \xNN.
func jpString(s string) (string, int, error) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		if c == '"' {
			return b.String(), i + 1, nil
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(s) {
			break
		}
		switch s[i] {
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte('\v')
		case 'x':
			if i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				b.WriteByte(byte(hexVal(s[i+1])<<4 | hexVal(s[i+2])))
				i += 2
			} else {
				return "", 0, pgErr("42601", "invalid hexadecimal character sequence at or near \"%s\" of jsonpath input", s[i-1:])
			}
		case 'u':
			if i+4 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) && isHex(s[i+3]) && isHex(s[i+4]) {
				r := rune(hexVal(s[i+1])<<12 | hexVal(s[i+2])<<8 | hexVal(s[i+3])<<4 | hexVal(s[i+4]))
				if r == 0 || r >= 0xD800 && r < 0xE000 {
					return "", 0, pgErr("0A000", "jsonpath \\u escapes of NUL and surrogate pairs are not supported")
				}
				b.WriteRune(r)
				i += 4
			} else {
				return "", 0, pgErr("42601", "invalid Unicode escape sequence at or near \"%s\" of jsonpath input", s[i-1:])
			}
		default:
			b.WriteByte(s[i]) // \" \\ \/ and any other character as itself
		}
	}
	return "", 0, pgErr("42601", "unterminated quoted string at end of jsonpath input")
}
