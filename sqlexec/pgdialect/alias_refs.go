package pgdialect

import (
	"fmt"
	"strings"
)

// Output column names where PostgreSQL does not see them. A select list
// alias names a result column: ORDER BY and GROUP BY may name it alone
// (ORDER BY x), but an expression there, WHERE and HAVING read the FROM
// items' columns only, so SELECT a AS x FROM t WHERE x > 1 (or ORDER BY x
// + 1) is PostgreSQL's 42703 column "x" does not exist. SQLite resolves
// such a name to the alias and answered. And an ORDER BY name that two
// result columns of different expressions have is PostgreSQL's 42702
// ORDER BY "x" is ambiguous, where SQLite took one of them; so is a GROUP
// BY name no FROM item's column has (GROUP BY "x" is ambiguous).
//
// Which names are the FROM items' columns is a property of the schema:
// the session reads the tables' columns (AliasRefTables) and checks
// (CheckAliasRefs). Only a statement that is one SELECT over plain tables
// (no WITH, no set operation) is checked, and names inside its subqueries
// (which may have columns of that name) are left alone.

// aliasSelect reads the statement's shape: its select list, the FROM
// list and the index after it; ok false when it is not checked.
func (x *tx) aliasSelect() (items [][2]int, fc usingFrom, after int, ok bool) {
	if !x.T(0).kw("SELECT") || !x.balanced() {
		return nil, nil, 0, false
	}
	for k := 0; k < x.n(); k++ {
		if x.depth[k] == 0 && (x.kw(k, "UNION") || x.kw(k, "INTERSECT") || x.kw(k, "EXCEPT") || x.kw(k, "INTO")) {
			return nil, nil, 0, false
		}
	}
	items, f := x.selectListAt(0)
	if f >= x.n() || !x.kw(f, "FROM") {
		return nil, nil, 0, false
	}
	fc, after, _, ok = x.readFromChains(f+1, 0, x.n())
	if !ok || after < x.n() && !x.fromEnds(after) {
		return nil, nil, 0, false
	}
	return items, fc, after, true
}

// AliasRefTables returns the tables CheckAliasRefs needs for sql, nil
// when sql is not checked.
func AliasRefTables(sql string) []string {
	if !containsFoldASCII(sql, "select") || !containsFoldASCII(sql, "from") {
		return nil
	}
	x := newTx(sql)
	_, fc, _, ok := x.aliasSelect()
	if !ok {
		return nil
	}
	var tables []string
	for _, ch := range fc {
		for _, it := range ch.items {
			tables = append(tables, it.table)
		}
	}
	return tables
}

// CheckAliasRefs returns PostgreSQL's error for the first alias read
// where PostgreSQL does not see it (see above); cols gives a table's
// columns (nil when unknown: nothing is checked).
func CheckAliasRefs(sql string, cols func(table string) []string) error {
	x := newTx(sql)
	items, fc, after, ok := x.aliasSelect()
	if !ok {
		return nil
	}
	inputs := map[string]bool{}
	for _, ch := range fc {
		for _, it := range ch.items {
			cs := cols(it.table)
			if cs == nil {
				return nil
			}
			for _, c := range cs {
				inputs[strings.ToLower(c)] = true
			}
		}
	}
	var outs []outCol
	star := false
	aliases := map[string]bool{}
	for _, it := range items {
		ea, eb := x.itemExpr(it[0], it[1])
		if eb < it[1] {
			n := x.T(it[1] - 1).identName()
			outs = append(outs, x.outColOf(n, ea, eb))
			if !inputs[strings.ToLower(n)] {
				aliases[n] = true
			}
			continue
		}
		if n, _, ok := x.bareColumnName(ea, eb); ok {
			outs = append(outs, x.outColOf(n, ea, eb))
		} else if x.isP(eb-1, "*") {
			outs = nil // names not known here: no ambiguity is told
			star = true
		}
	}
	// the clauses after the FROM list: ORDER BY and GROUP BY items that
	// are a name alone may name a result column
	clause := ""
	bareOK := map[int]bool{}
	for k := after; k < x.n(); k++ {
		if x.depth[k] != 0 {
			continue
		}
		switch {
		case x.kw(k, "ORDER", "BY"), x.kw(k, "GROUP", "BY"):
			clause = x.T(k).upper()
			end := k + 2
			for end < x.n() && !(x.depth[end] == 0 && x.clauseStarts(end)) {
				end++
			}
			if clause == "GROUP" {
				// an element of ROLLUP (...), CUBE (...) or GROUPING
				// SETS (...) may name a result column as an item does
				for j := k + 2; j < end; j++ {
					if t := x.T(j); (t.typ == tIdent || t.typ == tQIdent) && (x.isP(j-1, "(") || x.isP(j-1, ",")) && (x.isP(j+1, ")") || x.isP(j+1, ",")) {
						bareOK[j] = true
						if !star && x.depth[j] > 0 && !inputs[strings.ToLower(t.identName())] {
							if err := x.orderNameAmbiguous(j, outs, clause); err != nil {
								return err
							}
						}
					}
				}
			}
			for _, p := range x.splitTop(k+2, end) {
				a, b := p[0], p[1]
				for b > a && (x.kw(b-1, "ASC") || x.kw(b-1, "DESC") || x.kw(b-1, "FIRST") || x.kw(b-1, "LAST") || x.kw(b-1, "NULLS")) {
					b--
				}
				if u := x.findKw(a, b, x.depth[a], "USING"); u > a {
					b = u
				}
				a, b = x.unparen(a, b) // (x) is the name x
				t := x.T(a)
				if b == a+1 && (t.typ == tIdent || t.typ == tQIdent) {
					bareOK[a] = true
					// GROUP BY reads a FROM item's column of the name
					// first, ORDER BY the result column
					if !star && (clause == "ORDER" || !inputs[strings.ToLower(t.identName())]) {
						if err := x.orderNameAmbiguous(a, outs, clause); err != nil {
							return err
						}
					}
				}
			}
		}
	}
	if len(aliases) == 0 {
		return nil
	}
	for k := after; k < x.n(); k++ {
		if x.isP(k, "(") && (x.kw(k+1, "SELECT") || x.kw(k+1, "WITH") || x.kw(k+1, "VALUES")) {
			k = x.match(k)
			continue
		}
		t := x.T(k)
		if t.typ != tIdent && t.typ != tQIdent || bareOK[k] || !aliases[t.identName()] {
			continue
		}
		if x.isP(k-1, ".") || x.isP(k+1, ".") || x.isP(k+1, "(") || x.T(k+1).typ == tString || t.typ == tIdent && reservedWords[t.upper()] {
			continue
		}
		return &Error{Code: "42703", Message: fmt.Sprintf("column %q does not exist", t.identName()), Position: x.charPos(k)}
	}
	return nil
}

// clauseStarts reports whether a clause after ORDER BY / GROUP BY starts
// at k.
func (x *tx) clauseStarts(k int) bool {
	switch x.T(k).upper() {
	case "HAVING", "ORDER", "LIMIT", "OFFSET", "WINDOW", "FETCH", "FOR", ";":
		return true
	}
	return x.isP(k, ";")
}

// outCol is a result column: its name and what it reads (a column's
// name and qualifier, or the expression's text).
type outCol struct{ name, col, qual, expr string }

func (x *tx) outColOf(name string, a, b int) outCol {
	if n, q, ok := x.bareColumnName(a, b); ok {
		return outCol{name: name, col: n, qual: q}
	}
	var sb strings.Builder
	for k := a; k < b; k++ {
		sb.WriteString(strings.ToLower(x.T(k).text))
		sb.WriteByte(' ')
	}
	return outCol{name: name, expr: sb.String()}
}

// same reports whether two result columns read the same expression (a
// column unqualified beside a qualified one of its name counts as it).
func (o outCol) same(p outCol) bool {
	if o.col != "" || p.col != "" {
		return o.col == p.col && (o.qual == "" || p.qual == "" || o.qual == p.qual)
	}
	return o.expr == p.expr
}

// bareColumnName reads a..b-1 as a column reference, c or q.c: its name
// and qualifier.
func (x *tx) bareColumnName(a, b int) (name, qual string, ok bool) {
	isName := func(k int) bool {
		return x.T(k).typ == tIdent && !reservedWords[x.T(k).upper()] || x.T(k).typ == tQIdent
	}
	switch {
	case b == a+1 && isName(a):
		return x.T(a).identName(), "", true
	case b == a+3 && isName(a) && x.isP(a+1, ".") && isName(a+2):
		return x.T(a + 2).identName(), x.T(a).identName(), true
	}
	return "", "", false
}

// orderNameAmbiguous is PostgreSQL's 42702 for the ORDER BY (GROUP BY:
// clause "GROUP") name at k when result columns of different expressions
// have it.
func (x *tx) orderNameAmbiguous(k int, outs []outCol, clause string) error {
	n := x.T(k).identName()
	var first *outCol
	for i := range outs {
		if outs[i].name != n {
			continue
		}
		if first == nil {
			first = &outs[i]
			continue
		}
		if !first.same(outs[i]) {
			return &Error{Code: "42702", Message: fmt.Sprintf("%s BY %q is ambiguous", clause, n), Position: x.charPos(k)}
		}
	}
	return nil
}
