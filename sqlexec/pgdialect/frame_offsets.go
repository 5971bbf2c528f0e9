package pgdialect

// frame_offsets.go: the offset of a ROWS or GROUPS frame bound (ROWS
// BETWEEN <offset> PRECEDING ...). PostgreSQL coerces it to bigint and
// evaluates it once: a column reference is 42P10 `argument of ROWS must
// not contain variables` at parse analysis, a negative offset 22013
// `frame starting offset must not be negative`, a NULL one 22004 `frame
// starting offset must not be null`, and any constant expression is
// taken (1+1, 1.5, which rounds to 2, '2'). SQLite takes only an
// expression it sees as constant while parsing, so every function call
// (the translation's checked arithmetic pg_add(1, 1, 'int4'), a cast)
// became NULL and the frame failed at run time with SQLite's internal
// XX000 `frame starting offset must be a non-negative integer`, as did a
// negative constant and a column reference.
//
// A constant offset (numbers, quoted literals, NULL, + - * / and
// parentheses, casts to the integer and numeric types) is evaluated here
// with PostgreSQL's integer and numeric rules and written as the bigint
// literal it coerces to, or refused as PostgreSQL refuses it; a lone
// parameter stays SQLite's (a negative value's run-time error is mapped
// to 22013: sqlexec/litemessages.go); anything else (a function call, a
// subquery) is 0A000. RANGE offsets are window_range.go's.

import (
	"math/big"
	"strings"
)

// frameOffsetTypes are the cast targets an offset may name: the integer
// types (int: true) and numeric.
var frameOffsetTypes = map[string]bool{"int": true, "integer": true, "int2": true, "int4": true, "int8": true,
	"smallint": true, "bigint": true, "numeric": false, "decimal": false}

// frameOffsetValue is a constant's value: null, an integer or numeric
// number, or a quoted literal of unknown type.
type frameOffsetValue struct {
	null    bool
	num     *big.Rat
	integer bool
	unknown string
	isLit   bool
}

// frameOffset checks the offset k..j-1 (j: its PRECEDING or FOLLOWING) of
// a frame bound of mode (ROWS or GROUPS); which is "starting" or
// "ending".
func (x *tx) frameOffset(mode string, k, j int, which string) error {
	for a := k; a < j; a++ {
		t := x.T(a)
		if x.isP(a+1, "(") && t.typ == tIdent && !t.kw("CAST") || t.kw("SELECT") {
			return unsupported("a frame offset that calls a function or reads a subquery is not supported")
		}
		if t.typ == tQIdent || t.typ == tIdent && !t.kw("NULL") && !t.kw("CAST") && !t.kw("AS") && !x.isTypeName(a) {
			return &Error{Code: "42P10", Message: "argument of " + mode + " must not contain variables", Position: x.charPos(a)}
		}
	}
	if j == k+1 && x.T(k).typ == tParam {
		return nil // SQLite's: a bound value is a constant
	}
	p := &frameOffsetParser{x: x, pos: k, end: j}
	v, ok, err := p.expr()
	if err != nil {
		return err
	}
	if !ok || p.pos != j {
		return unsupported("this frame offset expression is not supported (only constants)")
	}
	if v.null {
		return &Error{Code: "22004", Message: "frame " + which + " offset must not be null"}
	}
	n, err := v.bigint()
	if e, ok := err.(*Error); ok && j == k+1 {
		e.Position = x.charPos(k) // at the literal, as PostgreSQL places its input error
	}
	if err != nil {
		return err
	}
	if n.Sign() < 0 {
		return &Error{Code: "22013", Message: "frame " + which + " offset must not be negative"}
	}
	if !n.IsInt64() {
		return pgErrT("22003", "bigint out of range")
	}
	if j != k+1 || x.T(k).text != n.String() {
		x.frameReps = append(x.frameReps, frameRep{x.T(k).pos, x.T(j-1).pos + len(x.T(j-1).text), n.String()})
	}
	return nil
}

// frameRep replaces the statement's bytes from..to-1 with text.
type frameRep struct {
	from, to int
	text     string
}

// frameOffsetsRewrite writes each ROWS or GROUPS frame offset of sql
// that is a constant expression as the bigint literal PostgreSQL
// evaluates it to, before the statement is translated: the translation's
// rewrites of its casts and arithmetic would make it a function call,
// which SQLite does not take there. The offsets' refusals are the
// statement's error.
func frameOffsetsRewrite(sql string) (string, error) {
	low := strings.ToLower(sql)
	if !strings.Contains(low, "preceding") && !strings.Contains(low, "following") {
		return sql, nil
	}
	x := newTx(sql)
	if err := x.frameChecks(); err != nil {
		return sql, err
	}
	for k := len(x.frameReps) - 1; k >= 0; k-- {
		r := x.frameReps[k]
		sql = sql[:r.from] + r.text + sql[r.to:]
	}
	return sql, nil
}

// pgErrT is a translation-time Error of code and message.
func pgErrT(code, msg string) error { return &Error{Code: code, Message: msg} }

// isTypeName reports whether the identifier at a names a cast's type (after
// :: or CAST (... AS).
func (x *tx) isTypeName(a int) bool {
	return x.T(a-1).typ == tCast || x.kw(a-1, "AS")
}

// bigint is v (not null) coerced to bigint as PostgreSQL assigns a frame
// offset: a numeric rounds half away from zero, an unknown literal is
// read by bigint's input.
func (v frameOffsetValue) bigint() (*big.Int, error) {
	switch {
	case v.isLit:
		n, ok := new(big.Int).SetString(strings.TrimSpace(v.unknown), 10)
		if !ok {
			return nil, pgErrT("22P02", "invalid input syntax for type bigint: \""+v.unknown+"\"")
		}
		return n, nil
	}
	return roundHalfAway(v.num), nil
}

// roundHalfAway rounds r to an integer, halves away from zero.
func roundHalfAway(r *big.Rat) *big.Int {
	abs := new(big.Rat).Abs(r)
	abs.Add(abs, big.NewRat(1, 2))
	n := new(big.Int).Quo(abs.Num(), abs.Denom())
	if r.Sign() < 0 {
		n.Neg(n)
	}
	return n
}

// frameOffsetParser evaluates tokens pos..end-1.
type frameOffsetParser struct {
	x        *tx
	pos, end int
}

func (p *frameOffsetParser) op(s string) bool {
	if p.pos < p.end && p.x.T(p.pos).typ == tOp && p.x.T(p.pos).text == s {
		p.pos++
		return true
	}
	return false
}

// number is v as a number: an unknown literal is read as its operator's
// other operand's type would read it (here: a numeric).
func (v frameOffsetValue) number() (frameOffsetValue, error) {
	if !v.isLit {
		return v, nil
	}
	r, ok := new(big.Rat).SetString(strings.TrimSpace(v.unknown))
	if !ok {
		return v, pgErrT("22P02", "invalid input syntax for type integer: \""+v.unknown+"\"")
	}
	return frameOffsetValue{num: r, integer: r.IsInt()}, nil
}

func (p *frameOffsetParser) expr() (frameOffsetValue, bool, error) {
	l, ok, err := p.term()
	for ok && err == nil {
		var neg bool
		switch {
		case p.op("+"):
		case p.op("-"):
			neg = true
		default:
			return l, true, nil
		}
		var r frameOffsetValue
		if r, ok, err = p.term(); !ok || err != nil {
			break
		}
		l, err = arith2(l, r, func(a, b *big.Rat) *big.Rat {
			if neg {
				return new(big.Rat).Sub(a, b)
			}
			return new(big.Rat).Add(a, b)
		})
	}
	return l, ok, err
}

func (p *frameOffsetParser) term() (frameOffsetValue, bool, error) {
	l, ok, err := p.unary()
	for ok && err == nil {
		var div bool
		switch {
		case p.op("*"):
		case p.op("/"):
			div = true
		default:
			return l, true, nil
		}
		var r frameOffsetValue
		if r, ok, err = p.unary(); !ok || err != nil {
			break
		}
		if div && !r.null && !r.isLit && r.num.Sign() == 0 {
			return l, true, pgErrT("22012", "division by zero")
		}
		l, err = arith2(l, r, func(a, b *big.Rat) *big.Rat {
			if !div {
				return new(big.Rat).Mul(a, b)
			}
			q := new(big.Rat).Quo(a, b)
			if l.integer && r.integer {
				// integer division truncates toward zero
				return new(big.Rat).SetInt(new(big.Int).Quo(q.Num(), q.Denom()))
			}
			return q
		})
	}
	return l, ok, err
}

// arith2 applies f to two operands with PostgreSQL's NULL and type rules.
func arith2(l, r frameOffsetValue, f func(a, b *big.Rat) *big.Rat) (frameOffsetValue, error) {
	if l.null || r.null {
		return frameOffsetValue{null: true}, nil
	}
	l, err := l.number()
	if err != nil {
		return l, err
	}
	if r, err = r.number(); err != nil {
		return r, err
	}
	return frameOffsetValue{num: f(l.num, r.num), integer: l.integer && r.integer}, nil
}

func (p *frameOffsetParser) unary() (frameOffsetValue, bool, error) {
	switch {
	case p.op("-"):
		v, ok, err := p.unary()
		if ok && err == nil && !v.null {
			if v, err = v.number(); err == nil {
				v.num = new(big.Rat).Neg(v.num)
			}
		}
		return v, ok, err
	case p.op("+"):
		return p.unary()
	}
	v, ok, err := p.primary()
	for ok && err == nil && p.pos+1 < p.end && p.x.T(p.pos).typ == tCast {
		v, ok, err = castOffset(v, p.x.T(p.pos+1))
		p.pos += 2
	}
	return v, ok, err
}

// castOffset is v::t for the integer and numeric types, ok false for
// another type.
func castOffset(v frameOffsetValue, t *token) (frameOffsetValue, bool, error) {
	integer, known := frameOffsetTypes[strings.ToLower(t.text)]
	if !known || t.typ != tIdent {
		return v, false, nil
	}
	if v.null {
		return v, true, nil
	}
	if v.isLit && integer {
		n, err := v.bigint()
		if err != nil {
			return v, true, pgErrT("22P02", "invalid input syntax for type "+typeAlias[strings.ToLower(t.text)].format+": \""+v.unknown+"\"")
		}
		return frameOffsetValue{num: new(big.Rat).SetInt(n), integer: true}, true, nil
	}
	v, err := v.number()
	if err != nil {
		return v, true, pgErrT("22P02", "invalid input syntax for type numeric: \""+v.unknown+"\"")
	}
	if integer {
		return frameOffsetValue{num: new(big.Rat).SetInt(roundHalfAway(v.num)), integer: true}, true, nil
	}
	return frameOffsetValue{num: v.num}, true, nil
}

func (p *frameOffsetParser) primary() (frameOffsetValue, bool, error) {
	if p.pos >= p.end {
		return frameOffsetValue{}, false, nil
	}
	t := p.x.T(p.pos)
	switch {
	case t.kw("NULL"):
		p.pos++
		return frameOffsetValue{null: true}, true, nil
	case t.typ == tNumber:
		r, ok := new(big.Rat).SetString(t.text)
		if !ok {
			return frameOffsetValue{}, false, nil // 0x1F, 1_000: not read here
		}
		p.pos++
		return frameOffsetValue{num: r, integer: !strings.ContainsAny(t.text, ".eE")}, true, nil
	case t.typ == tString && t.text[0] == '\'':
		p.pos++
		s, _ := unquoteString(t)
		return frameOffsetValue{isLit: true, unknown: s}, true, nil
	case p.x.isP(p.pos, "("):
		m := p.x.match(p.pos)
		if m < 0 || m >= p.end {
			return frameOffsetValue{}, false, nil
		}
		inner := &frameOffsetParser{x: p.x, pos: p.pos + 1, end: m}
		v, ok, err := inner.expr()
		if !ok || err != nil || inner.pos != m {
			return v, false, err
		}
		p.pos = m + 1
		return v, true, nil
	case t.kw("CAST") && p.x.isP(p.pos+1, "("):
		m := p.x.match(p.pos + 1)
		if m < 0 || m >= p.end || !p.x.kw(m-2, "AS") {
			return frameOffsetValue{}, false, nil
		}
		inner := &frameOffsetParser{x: p.x, pos: p.pos + 2, end: m - 2}
		v, ok, err := inner.expr()
		if !ok || err != nil || inner.pos != m-2 {
			return v, false, err
		}
		p.pos = m + 1
		return castOffset(v, p.x.T(m-1))
	}
	return frameOffsetValue{}, false, nil
}
