package pgdialect

// intersectfirst.go: which of two equal values INTERSECT returns.
//
// Values equal but written differently (numerics of different scales,
// 1.50 and 1.5; an integer and a decimal, 1 and 1.0) leave one row of an
// INTERSECT. SQLite returns the left operand's; PostgreSQL's planner
// hashes the operand it estimates to have fewer groups and returns that
// one's: a SELECT without FROM is one row, fewer than a table is
// estimated to hold (a table with statistics of one row, or a WHERE on
// its key, is a tie that keeps the left operand: not read here). So
// SELECT n FROM t INTERSECT SELECT 1.5 over a numeric 1.50 is 1.5 in
// PostgreSQL. A statement that is one INTERSECT [DISTINCT] of a left
// operand reading FROM items, each of its items named, and a right
// operand without FROM with a decimal constant among its items is written
//
//	WITH pgdialect_ix("n") AS (right INTERSECT left) SELECT * FROM pgdialect_ix [ORDER BY ...] [LIMIT ...]
//
// so SQLite returns the right operand's values under the left's column
// names. Anything else keeps SQLite's choice (a documented difference).

import "strings"

// intersectSwap is what intersectFirst found: the operator's token, the
// operands' ends and the left operand's output names.
type intersectSwap struct {
	op, rightAt, end int
	names            []string
}

// intersectFirst reads the statement (before translation) for the form
// above; nil when it is not.
func (x *tx) intersectFirst() *intersectSwap {
	if !x.T(0).kw("SELECT") {
		return nil
	}
	op, end := -1, x.n()
	for i := 0; i < x.n(); i++ {
		if x.depth[i] != 0 {
			continue
		}
		if x.isP(i, ";") || x.kw(i, "ORDER", "BY") || x.T(i).kw("LIMIT") || x.T(i).kw("OFFSET") || x.T(i).kw("FETCH") {
			end = i
			break
		}
		if x.isSetOp(i) {
			if op >= 0 || !x.T(i).kw("INTERSECT") || x.kw(i+1, "ALL") {
				return nil
			}
			op = i
		}
	}
	if op < 0 {
		return nil
	}
	right := op + 1
	if x.kw(right, "DISTINCT") {
		right++
	}
	if !x.T(right).kw("SELECT") {
		return nil
	}
	ll, rl := x.levelAt(0), x.levelAt(right)
	if ll.from < 0 || rl.from >= 0 || x.kw(ll.items, "DISTINCT") || x.kw(rl.items, "DISTINCT") {
		return nil
	}
	litems, ritems := x.splitTop(ll.items, ll.from), x.splitTop(rl.items, end)
	if len(litems) != len(ritems) || len(litems) == 0 {
		return nil
	}
	decimal := false
	for _, it := range ritems {
		a, b := it[0], it[1]
		if x.isP(a, "-") || x.isP(a, "+") {
			a++
		}
		if b != a+1 || x.T(a).typ != tNumber && x.T(a).typ != tString && !x.T(a).kw("NULL") {
			return nil // constants only: the operand is one row
		}
		decimal = decimal || x.T(a).typ == tNumber && strings.ContainsAny(x.T(a).text, ".eE")
	}
	if !decimal {
		return nil
	}
	var names []string
	for _, it := range litems {
		if _, ok := x.itemAlias(it); !ok {
			return nil
		}
		last := x.T(it[1] - 1)
		n := last.identName()
		if last.typ == tIdent {
			n = strings.ToLower(n)
		}
		names = append(names, quoteIdent(n))
	}
	return &intersectSwap{op: op, rightAt: right, end: end, names: names}
}

// apply writes the statement as the file comment shows, after the
// translation's passes (the operands' translated texts).
func (s *intersectSwap) apply(x *tx) {
	left, right := x.text(0, s.op), x.text(s.rightAt, s.end)
	x.wipe(0, s.end)
	x.T(0).set("WITH pgdialect_ix(" + strings.Join(s.names, ", ") + ") AS (" + right + " INTERSECT " + left + ") SELECT * FROM pgdialect_ix")
}
