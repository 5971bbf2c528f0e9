package pgdialect

import (
	"strconv"
	"strings"
)

// RETURNING of UPDATE ... FROM (DELETE ... USING) whose FROM list holds a
// subquery or VALUES list beside tables: UPDATE t SET ... FROM (SELECT k,
// tag FROM u) s WHERE s.k = t.k RETURNING s.tag. Its items are read as
// returning_from.go reads a list of tables (the returned row joined with
// the FROM list again), the derived item's columns named by its alias
// list, else by its select list (VALUES: column1, column2, ...). Items
// joined by commas or JOIN ... ON only (USING and NATURAL merge columns);
// a derived item whose query reads the target table is refused (0A000),
// as a self-join is: the subquery would read the updated table.

// retItem is a FROM item of such a list: qual the name its columns go
// by, table its table ("" for a derived item), cols a derived item's
// columns (nil when not known), a..b its tokens.
type retItem struct {
	qual, table string
	cols        []string
	a, b        int
}

// readRetItems reads the FROM list lo..hi-1 as retItems; ok false when an
// item is of another form or a join merges columns.
func (x *tx) readRetItems(lo, hi int) (items []retItem, ok bool) {
	j := lo
	for {
		it, e, ok := x.retItemAt(j)
		if !ok {
			return nil, false
		}
		items = append(items, it)
		j = e
		if j >= hi {
			return items, j == hi
		}
		if x.isP(j, ",") {
			j++
			continue
		}
		_, k, natural, ok := x.usingJoinKw(j)
		if !ok || natural {
			return nil, false
		}
		it, e, ok = x.retItemAt(k)
		if !ok {
			return nil, false
		}
		items = append(items, it)
		j = e
		if x.kw(j, "ON") {
			// the condition, up to the next item or the list's end
			for j++; j < hi && !(x.depth[j] == x.depth[lo] && (x.isP(j, ",") || x.joinsAt(j))); j++ {
			}
		} else if !x.kw(k-2, "CROSS") {
			return nil, false // USING (...): merged columns
		}
		if j >= hi {
			return items, j == hi
		}
		if x.isP(j, ",") {
			j++
		}
	}
}

// retItemAt reads one FROM item at j: a table, or a parenthesised
// SELECT or VALUES with an alias.
func (x *tx) retItemAt(j int) (retItem, int, bool) {
	if !x.isP(j, "(") {
		u, e, ok := x.usingTable(j)
		return retItem{qual: u.qual, table: u.table, a: j, b: e}, e, ok
	}
	if !x.kw(j+1, "SELECT") && !x.kw(j+1, "VALUES") {
		return retItem{}, j, false
	}
	m := x.match(j)
	e := m + 1
	if x.kw(e, "AS") {
		e++
	}
	t := x.T(e)
	if t.typ != tQIdent && (t.typ != tIdent || isClauseKw(t.upper()) || reservedWord(t.upper()) || isJoinKw(t.upper()) || t.kw("ON")) {
		return retItem{}, j, false // PostgreSQL 15 requires the alias
	}
	it := retItem{qual: t.identName(), a: j}
	e++
	if x.isP(e, "(") {
		for _, p := range x.splitTop(e+1, x.match(e)) {
			n, ne := x.name(p[0])
			if n == "" || ne != p[1] {
				return retItem{}, j, false
			}
			it.cols = append(it.cols, n)
		}
		e = x.match(e) + 1
	}
	inner := x.derivedColumns(j+1, m)
	if len(it.cols) < len(inner) {
		it.cols = append(it.cols, inner[len(it.cols):]...)
	} else if inner == nil && it.cols != nil {
		it.cols = nil // an alias list over columns not known here
	}
	it.b = e
	return it, e, true
}

// derivedColumns are the output names of the SELECT or VALUES at s
// (ending before m), nil when not known (a *, a set operation).
func (x *tx) derivedColumns(s, m int) []string {
	if x.kw(s, "VALUES") {
		if !x.isP(s+1, "(") {
			return nil
		}
		n := len(x.splitTop(s+2, x.match(s+1)))
		out := make([]string, n)
		for i := range out {
			out[i] = "column" + strconv.Itoa(i+1)
		}
		return out
	}
	for k := s; k < m; k++ {
		if x.depth[k] == x.depth[s] && (x.kw(k, "UNION") || x.kw(k, "INTERSECT") || x.kw(k, "EXCEPT")) {
			return nil
		}
	}
	items, _ := x.selectListAt(s)
	var out []string
	for _, it := range items {
		if x.isP(it[1]-1, "*") {
			return nil
		}
		ea, eb := x.itemExpr(it[0], it[1])
		switch {
		case eb < it[1]:
			out = append(out, x.T(it[1]-1).identName())
		default:
			if n, ne := x.name(ea); n != "" && ne == eb && !isKeywordEnd(x.T(ea).upper()) {
				out = append(out, n)
			} else {
				out = append(out, x.figureName(ea, eb))
			}
		}
	}
	return out
}

// expandReturningDerived is ExpandReturningFrom over a FROM list of
// retItems (see above).
func (x *tx) expandReturningDerived(sql string, rf retFrom, items []retItem, cols func(table string) []string) (string, error) {
	targetCols := cols(rf.table)
	if targetCols == nil {
		return sql, nil
	}
	quals := map[string]string{} // FROM qualifier -> table (derived: the qualifier)
	itemCols := map[string][]string{}
	fromCols := map[string]bool{}
	derived := false
	for _, it := range items {
		cs := it.cols
		if it.table != "" {
			cs = cols(it.table)
		} else {
			derived = true
		}
		if cs == nil {
			return sql, nil // SQLite's error names what it does not see
		}
		for _, c := range cs {
			fromCols[strings.ToLower(c)] = true
		}
		quals[it.qual] = it.qual
		itemCols[it.qual] = cs
	}
	if !derived {
		return sql, nil
	}
	isTarget := map[string]bool{}
	for _, c := range targetCols {
		isTarget[strings.ToLower(c)] = true
	}
	rw := &retRewrite{x: x, rf: rf, quals: quals, fromCols: fromCols, targetCols: isTarget}
	var out []string
	changed := false
	for _, r := range x.splitTop(rf.ret+1, rf.end) {
		a, b := r[0], r[1]
		switch {
		case b == a+1 && x.isP(a, "*"):
			for _, c := range targetCols {
				out = append(out, quoteIdent(rf.tref)+"."+quoteIdent(c))
			}
			for _, it := range items {
				for _, c := range itemCols[it.qual] {
					out = append(out, rw.subquery(quoteIdent(it.qual)+"."+quoteIdent(c))+" AS "+quoteIdent(c))
				}
			}
			changed = true
			continue
		}
		if spelled, reads, ok := rw.qualifiedStar(a, b, targetCols, func(q string) []string { return itemCols[q] }); ok {
			out = append(out, spelled...)
			changed = changed || reads
			continue
		}
		item, reads, err := rw.plainItem(a, b)
		if err != nil {
			return "", err
		}
		out = append(out, item)
		changed = changed || reads
	}
	if !changed {
		return sql, nil
	}
	for _, it := range items {
		if strings.EqualFold(it.table, rf.table) {
			return "", unsupported("RETURNING a column of a %s item of %s is not supported when the list names the target table %s", x.fromName(), x.dmlName(), rf.table)
		}
		if it.table == "" {
			for k := it.a; k < it.b; k++ {
				if t := x.T(k); (t.typ == tIdent || t.typ == tQIdent) && strings.EqualFold(t.identName(), rf.table) {
					return "", unsupported("RETURNING a column of a %s item of %s is not supported when the item reads the target table %s", x.fromName(), x.dmlName(), rf.table)
				}
			}
		}
	}
	return x.srcText(0, rf.ret+1, nil) + " " + strings.Join(out, ", ") + x.srcAfter(rf.end-1), nil
}
