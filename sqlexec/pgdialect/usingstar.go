package pgdialect

import (
	"fmt"
	"strings"
)

// The columns of SELECT * over a join with USING or NATURAL. PostgreSQL
// lists the join columns first (in the USING list's order, or the left
// input's for NATURAL), then the left input's other columns, then the
// right input's; SQLite keeps the left table's columns in place and drops
// the right one's copy of each join column. The values are the same, the
// order is not, and a client reading columns by position (rows.Scan)
// would put them in the wrong variables. The translator does not know
// the tables' columns, so the session looks them up (UsingStarTables says
// which) and ExpandUsingStar spells the * out in PostgreSQL's order: a
// join column of an inner or left join is the left input's, of a right
// join the right input's, of a full join coalesce(left, right), as
// PostgreSQL merges them.
//
// Only FROM clauses made of plain tables (optionally aliased) joined by
// commas and JOINs are expanded; with a derived table, a function or a
// parenthesised join in it the statement is left as it is.

// UsingStarTables returns the tables whose columns ExpandUsingStar needs
// for sql, nil when no SELECT of it has a bare * over a USING or NATURAL
// join.
func UsingStarTables(sql string) []string {
	if !containsFoldASCII(sql, "using") && !containsFoldASCII(sql, "natural") {
		return nil
	}
	x := newTx(sql)
	if !x.balanced() || x.findKw(0, x.n(), 0, "WITH") >= 0 {
		return nil // a WITH query may name a table as a CTE does
	}
	var tables []string
	for s := 0; s < x.n(); s++ {
		if fc, ok := x.usingStarSelect(s); ok {
			for _, ch := range fc {
				for _, it := range ch.items {
					tables = append(tables, it.table)
				}
			}
		}
	}
	return tables
}

// ExpandUsingStar rewrites the bare * of each SELECT over a USING or
// NATURAL join into its columns in PostgreSQL's order; cols returns a
// table's columns in order, nil when it is unknown (the statement is then
// left as it is). A join column missing from an input or named twice in
// it is PostgreSQL's error (42703, 42702), which SQLite words otherwise
// or, for a name twice in the left input, does not raise.
func ExpandUsingStar(sql string, cols func(table string) []string) (string, error) {
	x := newTx(sql)
	if !x.balanced() || x.findKw(0, x.n(), 0, "WITH") >= 0 {
		return sql, nil
	}
	changed := false
	for s := 0; s < x.n(); s++ {
		fc, ok := x.usingStarSelect(s)
		if !ok {
			continue
		}
		list, ok, err := fc.columns(cols)
		if err != nil {
			return "", err
		}
		if !ok {
			return sql, nil
		}
		var b strings.Builder
		for i, c := range list {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(c.expr + " AS " + quoteIdent(c.name))
		}
		for _, st := range x.bareStars(s) {
			x.T(st).set(b.String())
			changed = true
		}
	}
	if !changed {
		return sql, nil
	}
	return x.all(), nil
}

// usingItem is a table of a FROM clause; join is how it joins the item
// before it in its chain ("" for the first, "INNER", "LEFT", "RIGHT",
// "FULL", "CROSS"), using its join columns (natural: the common ones).
type usingItem struct {
	table, qual string
	join        string
	using       []string
	natural     bool
}

// usingChain is one comma-separated FROM item: tables joined in order.
type usingChain struct{ items []usingItem }

type usingFrom []usingChain

// usingCol is an output column: its name and the expression that reads it.
type usingCol struct{ name, expr string }

// columns lists the clause's output columns in PostgreSQL's order.
func (fc usingFrom) columns(cols func(string) []string) ([]usingCol, bool, error) {
	var out []usingCol
	for _, ch := range fc {
		for _, it := range ch.items {
			if cols(it.table) == nil {
				return nil, false, nil
			}
		}
	}
	for _, ch := range fc {
		var left []usingCol
		for k, it := range ch.items {
			names := cols(it.table)
			right := make([]usingCol, len(names))
			for i, n := range names {
				right[i] = usingCol{n, quoteIdent(it.qual) + "." + quoteIdent(n)}
			}
			if k == 0 {
				left = right
				continue
			}
			on := it.using
			if it.natural {
				on = nil
				for _, l := range left {
					if indexCol(right, l.name) >= 0 {
						on = append(on, l.name)
					}
				}
			}
			var merged []usingCol
			for i, n := range on {
				if containsCol(on[:i], n) {
					return nil, false, &Error{Code: "42701", Message: fmt.Sprintf("column name %q appears more than once in USING clause", n)}
				}
				li, ri := indexCol(left, n), indexCol(right, n)
				for _, side := range []struct {
					i    int
					cs   []usingCol
					name string
				}{{li, left, "left"}, {ri, right, "right"}} {
					switch {
					case side.i < 0:
						return nil, false, &Error{Code: "42703", Message: fmt.Sprintf("column %q specified in USING clause does not exist in %s table", n, side.name)}
					case indexCol(side.cs[side.i+1:], n) >= 0:
						return nil, false, &Error{Code: "42702", Message: fmt.Sprintf("common column name %q appears more than once in %s table", n, side.name)}
					}
				}
				c := usingCol{left[li].name, left[li].expr}
				switch it.join {
				case "RIGHT":
					c.expr = right[ri].expr
				case "FULL":
					c.expr = "coalesce(" + left[li].expr + ", " + right[ri].expr + ")"
				}
				merged = append(merged, c)
			}
			for _, l := range left {
				if !containsCol(on, l.name) {
					merged = append(merged, l)
				}
			}
			for _, r := range right {
				if !containsCol(on, r.name) {
					merged = append(merged, r)
				}
			}
			left = merged
		}
		out = append(out, left...)
	}
	return out, true, nil
}

func indexCol(cs []usingCol, name string) int {
	for i, c := range cs {
		if strings.EqualFold(c.name, name) {
			return i
		}
	}
	return -1
}

func containsCol(names []string, name string) bool {
	for _, n := range names {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}

// bareStars returns the bare * items of the select list of the SELECT at s.
func (x *tx) bareStars(s int) []int {
	d := x.depth[s]
	lo := s + 1
	if x.kw(lo, "ALL") || x.kw(lo, "DISTINCT") && !x.kw(lo+1, "ON") {
		lo++
	}
	from := x.findKw(lo, x.groupEnd(s), d, "FROM")
	if from < 0 {
		return nil
	}
	var stars []int
	for _, it := range x.splitTop(lo, from) {
		if it[1] == it[0]+1 && x.isP(it[0], "*") {
			stars = append(stars, it[0])
		}
	}
	return stars
}

// groupEnd is the end of the parenthesis group holding token s.
func (x *tx) groupEnd(s int) int {
	d := x.depth[s]
	for j := s; j < x.n(); j++ {
		if x.depth[j] < d {
			return j
		}
	}
	return x.n()
}

// usingStarSelect reads the FROM clause of the SELECT at s when its list
// has a bare * and the clause joins with USING or NATURAL.
func (x *tx) usingStarSelect(s int) (usingFrom, bool) {
	if !x.T(s).kw("SELECT") || len(x.bareStars(s)) == 0 {
		return nil, false
	}
	d, end := x.depth[s], x.groupEnd(s)
	fc, j, joined, ok := x.readFromChains(x.findKw(s+1, end, d, "FROM")+1, d, end)
	if !ok || !joined || j < end && !x.fromEnds(j) {
		return nil, false
	}
	return fc, true
}

// readFromChains reads a FROM list of plain tables at j (depth d, the
// enclosing group ending at end) joined by commas and JOINs; k is the
// token after it, joined whether a USING or NATURAL join merges columns,
// ok false for any other kind of item.
func (x *tx) readFromChains(j, d, end int) (fc usingFrom, k int, joined, ok bool) {
	for {
		it, k, ok := x.usingTable(j)
		if !ok {
			return nil, j, false, false
		}
		ch := usingChain{items: []usingItem{it}}
		j = k
		for {
			kind, k, natural, ok := x.usingJoinKw(j)
			if !ok {
				break
			}
			it, k2, ok := x.usingTable(k)
			if !ok {
				return nil, j, false, false
			}
			it.join, it.natural = kind, natural
			j = k2
			switch {
			case natural:
				joined = true
			case x.kw(j, "USING") && x.isP(j+1, "("):
				m := x.match(j + 1)
				for _, p := range x.splitTop(j+2, m) {
					n, e := x.name(p[0])
					if n == "" || e != p[1] {
						return nil, j, false, false
					}
					it.using = append(it.using, n)
				}
				joined = true
				j = m + 1
			case x.kw(j, "ON"):
				for j++; j < end && !(x.depth[j] == d && (x.isP(j, ",") || x.fromEnds(j) || x.joinsAt(j))); j++ {
				}
				it.join = "ON" // merges no column
			case kind == "CROSS":
			default:
				return nil, j, false, false
			}
			ch.items = append(ch.items, it)
		}
		fc = append(fc, ch)
		if x.isP(j, ",") && x.depth[j] == d {
			j++
			continue
		}
		break
	}
	return fc, j, joined, true
}

// fromEnds reports whether the token at j ends a FROM clause.
func (x *tx) fromEnds(j int) bool {
	switch x.T(j).upper() {
	case "WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT", "FOR", "FETCH", "RETURNING":
		return x.T(j).typ == tIdent
	}
	return x.isP(j, ";")
}

// joinsAt reports whether a JOIN clause starts at j.
func (x *tx) joinsAt(j int) bool {
	_, _, _, ok := x.usingJoinKw(j)
	return ok
}

func isJoinStart(t *token) bool {
	switch t.upper() {
	case "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL":
		return t.typ == tIdent
	}
	return false
}

// usingJoinKw reads [NATURAL] [INNER | CROSS | LEFT|RIGHT|FULL [OUTER]] JOIN
// at j.
func (x *tx) usingJoinKw(j int) (kind string, next int, natural, ok bool) {
	if x.kw(j, "NATURAL") {
		natural = true
		j++
	}
	kind = "INNER"
	switch {
	case x.kw(j, "INNER"), x.kw(j, "CROSS"):
		kind = x.T(j).upper()
		j++
	case x.kw(j, "LEFT"), x.kw(j, "RIGHT"), x.kw(j, "FULL"):
		kind = x.T(j).upper()
		j++
		if x.kw(j, "OUTER") {
			j++
		}
	}
	if !x.kw(j, "JOIN") {
		return "", 0, false, false
	}
	return kind, j + 1, natural, true
}

// usingTable reads a plain table "[ONLY] name [[AS] alias]" at j.
func (x *tx) usingTable(j int) (usingItem, int, bool) {
	if x.kw(j, "ONLY") {
		j++
	}
	t := x.T(j)
	if t.typ == tIdent && (isClauseKw(t.upper()) || t.kw("SELECT") || t.kw("LATERAL")) {
		return usingItem{}, j, false
	}
	n, e := x.name(j)
	if n == "" || x.isP(e, "(") || x.isP(e, "*") {
		return usingItem{}, j, false
	}
	it := usingItem{table: n, qual: n}
	if x.kw(e, "AS") {
		e++
	}
	if a := x.T(e); a.typ == tQIdent || a.typ == tIdent && !isClauseKw(a.upper()) && !isJoinStart(a) && !a.kw("ON") && !a.kw("FROM") {
		it.qual = a.identName()
		e++
		if x.isP(e, "(") {
			return usingItem{}, j, false // a column alias list
		}
	}
	return it, e, true
}

// containsFoldASCII reports whether s contains the lower-case ASCII word w
// in any case, without allocating.
func containsFoldASCII(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		k := 0
		for k < len(w) && s[i+k]|0x20 == w[k] {
			k++
		}
		if k == len(w) {
			return true
		}
	}
	return false
}
