package pgdialect

// array_subscript_set.go: assignment to an array element in an UPDATE's
// (or ON CONFLICT DO UPDATE's) SET list, UPDATE t SET tags[2] = 'x':
// PostgreSQL replaces the element, or enlarges the array, the positions
// between filled with NULLs. SQLite has no such target, so the statement's
// text is rewritten before translation to the whole column's assignment,
// SET tags = pg_array_set(tags, 2, 'x'); the column's own enforcement
// (enforce.go) then reads the new array with its element type's input
// function, as any array written. A slice (tags[1:2]), several
// subscripts (a[1][2]) and a subscript that would give the array a lower
// bound other than 1 (an empty array's a[3], a[0]) are refused (0A000):
// arrays here are one-dimensional from 1.

import (
	"database/sql/driver"
	"strings"

	sqlite "modernc.org/sqlite"

	"github.com/raftsql/raftsql/pgwire/pgarray"
)

// arraySetMax bounds the elements an assignment may enlarge an array to
// (PostgreSQL's own bound is 134217727, with 54000).
const arraySetMax = 1 << 20

// arraySubscriptSet is sql with each SET col[i] = v of its SET lists as
// SET col = pg_array_set(col, i, v); sql itself when it has none.
func arraySubscriptSet(sql string) (string, error) {
	if !strings.Contains(sql, "[") {
		return sql, nil
	}
	x := newTx(sql)
	type splice struct {
		at, end int // bytes of sql replaced
		text    string
	}
	var out []splice
	for k := 1; k+1 < x.n(); k++ {
		t := x.T(k)
		if t.typ != tIdent && t.typ != tQIdent || !x.isP(k+1, "[") || !(x.kw(k-1, "SET") || x.isP(k-1, ",")) || !x.inSetClause(k) {
			continue
		}
		c := x.closeBracket(k + 1)
		if c < 0 || !x.isP(c+1, "=") && !x.isP(c+1, "[") {
			continue
		}
		if x.isP(c+1, "[") {
			return "", unsupported("assignment to an element of a multidimensional array is not supported")
		}
		for j := k + 2; j < c; j++ {
			if x.isP(j, ":") && x.depth[j] == x.depth[k+2] {
				return "", unsupported("assignment to an array slice is not supported")
			}
		}
		// the value: to the item's end (a comma of the list, the next
		// clause, the list's closing parenthesis)
		d := x.depth[k]
		v := c + 2
		for v < x.n() && x.depth[v] >= d && !(x.depth[v] == d && (x.isP(v, ",") || x.isP(v, ";") || x.kw(v, "FROM") || x.kw(v, "WHERE") || x.kw(v, "RETURNING"))) {
			v++
		}
		if v == c+2 {
			continue // no value: SQLite's own syntax error
		}
		col := x.T(k).text
		if q := x.upsertTarget(k); q != "" {
			col = q + "." + col // EXCLUDED has the column too
		}
		idx := sql[x.T(k+2).pos:x.T(c).pos]
		last := x.T(v - 1)
		out = append(out,
			splice{x.T(k + 1).pos, x.T(c+1).pos + 1, " = pg_array_set(" + col + ", " + idx + ","},
			splice{last.pos + len(last.text), last.pos + len(last.text), ")"})
		k = v
	}
	if len(out) == 0 {
		return sql, nil
	}
	var b strings.Builder
	at := 0
	for _, s := range out {
		b.WriteString(sql[at:s.at])
		b.WriteString(s.text)
		at = s.end
	}
	b.WriteString(sql[at:])
	return b.String(), nil
}

// fnArraySet is pg_array_set(arr, i, v): arr with its i-th element v,
// enlarged with NULLs to i (see above).
func fnArraySet(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if a[1] == nil {
		return nil, pgErr("22004", "array subscript in assignment must not be null")
	}
	i, ok := toInt(a[1])
	if !ok {
		return nil, pgErr("42804", "array subscript must have type integer")
	}
	var el []pgarray.Elem
	if a[0] != nil {
		var err error
		if el, err = parseArrayValue(a[0]); err != nil {
			return nil, err
		}
	}
	switch {
	case i < 1 || len(el) == 0 && i != 1:
		return nil, pgErr("0A000", "assignment to an array element that gives the array a lower bound other than 1 is not supported")
	case i > arraySetMax:
		return nil, pgErr("54000", "array size exceeds the maximum allowed here (%d)", arraySetMax)
	}
	for int64(len(el)) < i {
		el = append(el, pgarray.Elem{Null: true})
	}
	el[i-1] = valueElem(a[2])
	return pgarray.Format(el), nil
}

// upsertTarget is the name that qualifies the INSERT's target table (its
// alias, or its name) when token k is in an ON CONFLICT DO UPDATE's SET
// list; "" otherwise.
func (x *tx) upsertTarget(k int) string {
	set := k - 1
	for set > 0 && !(x.depth[set] == x.depth[k] && x.kw(set, "SET")) {
		set--
	}
	if !x.kw(set-2, "DO", "UPDATE") {
		return ""
	}
	for i := 0; i+2 < set; i++ {
		if x.depth[i] != 0 || !x.kw(i, "INSERT", "INTO") {
			continue
		}
		n, ne := x.name(i + 2)
		if n == "" {
			return ""
		}
		if x.kw(ne, "AS") && (x.T(ne+1).typ == tIdent || x.T(ne+1).typ == tQIdent) {
			return x.T(ne + 1).text
		}
		return x.text(i+2, ne)
	}
	return ""
}
