package pgdialect

import (
	"fmt"
	"strings"
)

// A name that a function's column alias list in FROM gives and a table
// of the same FROM list has as a column: SELECT id FROM t, unnest(t.arr)
// u(id) is PostgreSQL's 42702 column reference "id" is ambiguous when t
// has a column id (u.id and t.id are read as they are). The translation
// has no schema: it reads a bare id as the function's column
// (qualifyEachCols), so the session checks the name against the tables'
// columns (SrfAliasRefTables, CheckSrfAliasRefs). Only a statement that is
// one SELECT whose FROM list is tables and function calls separated by
// commas is checked, and names inside its subqueries (which may have
// columns of that name) are left alone.

// srfAliasFrom is what the check reads of the statement: the FROM list's
// tables, the names the functions' alias lists give (lower-case), the
// FROM list's tokens and the select list's items.
type srfAliasFrom struct {
	tables []string
	names  map[string]bool
	from   [2]int
	items  [][2]int
}

// srfAliasSelect reads the statement's shape; ok false when it is not
// checked.
func (x *tx) srfAliasSelect() (sf srfAliasFrom, ok bool) {
	if !x.T(0).kw("SELECT") || !x.balanced() {
		return sf, false
	}
	for k := 0; k < x.n(); k++ {
		if x.depth[k] == 0 && (x.kw(k, "UNION") || x.kw(k, "INTERSECT") || x.kw(k, "EXCEPT") || x.kw(k, "INTO")) {
			return sf, false
		}
	}
	items, f := x.selectListAt(0)
	if f >= x.n() || !x.kw(f, "FROM") {
		return sf, false
	}
	sf.items = items
	j := f + 1
	for {
		if x.kw(j, "LATERAL") {
			j++
		}
		if n, e := x.name(j); n != "" && x.isP(e, "(") && !x.isP(j+1, ".") {
			// a function call: [WITH ORDINALITY] [AS] alias [(names)]
			e = x.match(e) + 1
			if x.kw(e, "WITH", "ORDINALITY") {
				e += 2
			}
			if x.kw(e, "AS") {
				e++
			}
			if a := x.T(e); a.typ == tQIdent || a.typ == tIdent && !isClauseKw(a.upper()) && !reservedWord(a.upper()) && !isJoinKw(a.upper()) {
				e++
				if x.isP(e, "(") {
					m := x.match(e)
					for _, p := range x.splitTop(e+1, m) {
						if c, ce := x.name(p[0]); c != "" && ce == p[1] {
							if sf.names == nil {
								sf.names = map[string]bool{}
							}
							sf.names[strings.ToLower(c)] = true
						}
					}
					e = m + 1
				}
			}
			j = e
		} else {
			it, e, ok := x.usingTable(j)
			if !ok {
				return sf, false
			}
			sf.tables = append(sf.tables, it.table)
			j = e
		}
		if !x.isP(j, ",") {
			break
		}
		j++
	}
	if j < x.n() && !x.fromEnds(j) || len(sf.names) == 0 || len(sf.tables) == 0 {
		return sf, false
	}
	sf.from = [2]int{f + 1, j}
	return sf, true
}

// SrfAliasRefTables returns the tables CheckSrfAliasRefs needs for sql,
// nil when sql is not checked.
func SrfAliasRefTables(sql string) []string {
	if !containsFoldASCII(sql, "select") || !containsFoldASCII(sql, "from") {
		return nil
	}
	x := newTx(sql)
	sf, ok := x.srfAliasSelect()
	if !ok {
		return nil
	}
	return sf.tables
}

// CheckSrfAliasRefs returns PostgreSQL's 42702 for the first bare name
// that a function's alias list gives and a table of the FROM list has
// too (see above); cols gives a table's columns (nil when unknown:
// nothing is checked).
func CheckSrfAliasRefs(sql string, cols func(table string) []string) error {
	x := newTx(sql)
	sf, ok := x.srfAliasSelect()
	if !ok {
		return nil
	}
	both := map[string]bool{}
	for _, t := range sf.tables {
		cs := cols(t)
		if cs == nil {
			return nil
		}
		for _, c := range cs {
			if sf.names[strings.ToLower(c)] {
				both[strings.ToLower(c)] = true
			}
		}
	}
	if len(both) == 0 {
		return nil
	}
	// an ORDER BY name alone names a result column first
	outs := map[string]bool{}
	labels := map[int]bool{} // a select item's output name: SELECT u.id id
	for _, it := range sf.items {
		ea, eb := x.itemExpr(it[0], it[1])
		if eb < it[1] {
			outs[x.T(it[1]-1).identName()] = true
			labels[it[1]-1] = true
		} else if n, _, ok := x.bareColumnName(ea, eb); ok {
			outs[n] = true
		}
	}
	orderAt := -1
	for k := sf.from[1]; k < x.n(); k++ {
		if x.depth[k] == 0 && x.kw(k, "ORDER", "BY") {
			orderAt = k
		}
	}
	for k := 1; k < x.n(); k++ {
		if k == sf.from[0] {
			k = sf.from[1] - 1 // the FROM list: the functions' arguments read the tables
			continue
		}
		if x.isP(k, "(") && (x.kw(k+1, "SELECT") || x.kw(k+1, "WITH") || x.kw(k+1, "VALUES")) {
			k = x.match(k)
			continue
		}
		t := x.T(k)
		if t.typ != tIdent && t.typ != tQIdent || !both[strings.ToLower(t.identName())] || t.typ == tQIdent && t.identName() != strings.ToLower(t.identName()) {
			continue
		}
		if labels[k] || x.isP(k-1, ".") || x.isP(k+1, ".") || x.isP(k+1, "(") || x.kw(k-1, "AS") || x.T(k-1).typ == tCast || t.typ == tIdent && reservedWords[t.upper()] {
			continue
		}
		if orderAt >= 0 && k > orderAt && x.depth[k] == 0 && (x.isP(k-1, ",") || k == orderAt+2) && outs[t.identName()] {
			continue // ORDER BY id: the result column
		}
		return &Error{Code: "42702", Message: fmt.Sprintf("column reference %q is ambiguous", t.identName()), Position: x.charPos(k)}
	}
	return nil
}
