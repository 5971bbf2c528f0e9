package pgdialect

// BETWEEN SYMMETRIC. `x [NOT] BETWEEN SYMMETRIC a AND b` is PostgreSQL's
// (x BETWEEN a AND b) OR (x BETWEEN b AND a), which is x BETWEEN min(a, b)
// AND max(a, b) with SQLite's scalar min/max (both NULL when a bound is, as
// the OR form is NULL then). The bounds are copied after the other
// rewrites, so the copies are translated; BETWEEN ASYMMETRIC is BETWEEN.

// betweenSymmetric rewrites BETWEEN [A]SYMMETRIC (see above). It runs at
// the end of exprPass.
func (x *tx) betweenSymmetric() {
	for i := 1; i < x.n(); i++ {
		if !x.kw(i-1, "BETWEEN") || !x.T(i).kw("SYMMETRIC") && !x.T(i).kw("ASYMMETRIC") {
			continue
		}
		sym := x.T(i).kw("SYMMETRIC")
		x.T(i).set("")
		if !sym {
			continue
		}
		d := x.depth[i]
		and := x.betweenAnd(i)
		if and < 0 || and == i+1 {
			continue // SQLite's syntax error
		}
		end := x.boundEnd(and+1, d)
		if end <= and+1 {
			continue
		}
		a, b := x.text(i+1, and), x.text(and+1, end)
		x.blank(i+1, and)
		x.blank(and+1, end)
		for k := i + 1; k < end; k++ {
			if k != and {
				t := x.T(k)
				t.pre, t.suf, t.wpre, t.wsuf = "", "", "", ""
			}
		}
		x.T(i + 1).set("min(" + a + ", " + b + ")")
		x.T(and + 1).set("max(" + a + ", " + b + ")")
	}
}

// boundEnd returns the index after the operand starting at lo (depth d)
// of an operator binding like BETWEEN: it extends over operators that bind
// tighter (arithmetic, ||, ::) and parenthesised groups, and ends at a
// comparison, a keyword, a comma or a closing parenthesis.
func (x *tx) boundEnd(lo, d int) int {
	want := true // expecting an operand
	for k := lo; k < x.n(); k++ {
		if x.depth[k] < d {
			return k
		}
		t := x.T(k)
		switch {
		case x.isP(k, "("):
			k = x.match(k)
			want = false
		case t.typ == tCast:
			want = true
		case t.typ == tOp:
			switch t.text {
			case "=", "<", ">", "<=", ">=", "<>", "!=":
				return k
			}
			want = true
		case t.typ == tPunct && t.text == ".":
			want = true
		case t.typ == tPunct:
			return k
		case t.typ == tIdent && !want && !x.isP(k+1, "("):
			return k // a keyword or an alias after the operand
		case t.typ == tIdent && reservedWords[t.upper()] && !t.kw("CASE") && !t.kw("NULL") && !t.kw("TRUE") && !t.kw("FALSE") && !t.kw("CAST"):
			return k
		case t.kw("CASE"):
			depth := 0
			for ; k < x.n(); k++ {
				if x.T(k).kw("CASE") {
					depth++
				} else if x.T(k).kw("END") {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			want = false
		default:
			if !want && !x.typedLiteral(k) { // unknownlit.go: date '...' is one operand
				return k
			}
			want = false
		}
	}
	return x.n()
}

// betweenAnd is the index of the AND that ends BETWEEN's lower bound, the
// first AND at BETWEEN's depth after i (BETWEEN or SYMMETRIC); -1 when
// there is none.
func (x *tx) betweenAnd(i int) int {
	d := x.depth[i]
	for k := i + 1; k < x.n() && x.depth[k] >= d; k++ {
		if x.depth[k] == d && x.T(k).kw("AND") {
			return k
		}
	}
	return -1
}
