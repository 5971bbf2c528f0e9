package pgdialect

import (
	"database/sql/driver"
	"fmt"
	"sort"
	"strings"

	sqlite "modernc.org/sqlite"
)

// RETURNING of UPDATE ... FROM and DELETE ... USING. PostgreSQL's
// RETURNING reads the FROM (USING) items too: RETURNING * lists the
// target's columns and then theirs, RETURNING s.tag reads the row the
// target row was joined with. SQLite's RETURNING reads the target only:
// its * was the target's columns alone (a different answer: fewer
// columns) and s.tag an unknown column.
//
// The session rewrites such a statement before translating it, knowing
// the tables' columns (ReturningFromTables, ExpandReturningFrom): each
// RETURNING item that reads a FROM item becomes a subquery that joins the
// returned row with the FROM list again,
//
//	RETURNING u.k, s.tag
//	RETURNING u.k, (SELECT s.tag FROM s WHERE s.k = u.k AND
//	    pg_returning_join_once((SELECT count(*) FROM s WHERE s.k = u.k)) LIMIT 1)
//
// and * (and s.*) is spelled out, a FROM item's columns each as such a
// subquery. The returned row is the updated one, so conjuncts of the
// WHERE clause that read a column SET assigns are left out of the join
// again: the FROM rows it finds are then a superset of those that matched
// the row, and when it finds exactly one that is the row PostgreSQL
// joined. When it finds several the row cannot be told (PostgreSQL uses
// any one of them, the one it updated the row with) and the statement is
// refused (0A000) rather than answered with another one.
//
// FROM lists of plain tables (joined by commas or JOINs) are rewritten,
// and lists with subqueries and VALUES lists joined by commas or JOIN ...
// ON (returning_from_derived.go); with another item (a function) a
// RETURNING * is refused, and a FROM item's column stays SQLite's error.
// A FROM item naming the target table itself (a self-join) is refused
// too: the subquery would read the updated table.

// retFrom is the shape of an UPDATE ... FROM / DELETE ... USING with a
// RETURNING list.
type retFrom struct {
	table, tref string // target table, the name its columns go by
	set         [2]int // UPDATE's assignments (SET+1, FROM)
	from        [2]int // the FROM (USING) list
	cond        [2]int // WHERE condition; cond[0] == cond[1] when none
	ret         int    // RETURNING
	end         int
	fc          usingFrom // nil: not a list of plain tables
	items       []retItem // when fc is nil: a list with derived items (returning_from_derived.go)
}

// readReturningFrom reads the statement's shape; ok false when it is not
// an UPDATE ... FROM or DELETE ... USING with a RETURNING list.
func (x *tx) readReturningFrom() (rf retFrom, ok bool) {
	if !x.balanced() {
		return rf, false
	}
	rf.end = x.n()
	for rf.end > 0 && x.isP(rf.end-1, ";") {
		rf.end--
	}
	i := 1
	isUpdate := x.T(0).kw("UPDATE")
	switch {
	case isUpdate:
	case x.T(0).kw("DELETE") && x.kw(1, "FROM"):
		i = 2
	default:
		return rf, false
	}
	if x.kw(i, "ONLY") {
		i++
	}
	table, j := x.name(i)
	if table == "" {
		return rf, false
	}
	rf.table, rf.tref = table, table
	if x.kw(j, "AS") {
		j++
	}
	if x.targetAliasAt(j) {
		rf.tref = x.T(j).identName()
		j++
	}
	var f int
	if isUpdate {
		if !x.kw(j, "SET") {
			return rf, false
		}
		f = x.findKw(j, rf.end, 0, "FROM")
		rf.set = [2]int{j + 1, f}
	} else {
		if !x.kw(j, "USING") {
			return rf, false
		}
		f = j
	}
	if f < 0 {
		return rf, false
	}
	rf.ret = x.findKw(f, rf.end, 0, "RETURNING")
	if rf.ret < 0 {
		return rf, false
	}
	w := x.findKw(f, rf.ret, 0, "WHERE")
	rf.from = [2]int{f + 1, rf.ret}
	rf.cond = [2]int{rf.ret, rf.ret}
	if w >= 0 {
		if x.kw(w+1, "CURRENT") && x.kw(w+2, "OF") {
			return rf, false
		}
		rf.from[1] = w
		rf.cond = [2]int{w + 1, rf.ret}
	}
	if fc, k, _, ok := x.readFromChains(rf.from[0], 0, rf.from[1]); ok && k == rf.from[1] {
		rf.fc = fc
	} else if items, ok := x.readRetItems(rf.from[0], rf.from[1]); ok {
		rf.items = items
	}
	return rf, true
}

// ReturningFromTables returns the tables whose columns
// ExpandReturningFrom needs for sql (the target first), nil when sql is
// not an UPDATE ... FROM or DELETE ... USING with a RETURNING list over
// plain tables.
func ReturningFromTables(sql string) []string {
	if !containsFoldASCII(sql, "returning") || !containsFoldASCII(sql, "from") && !containsFoldASCII(sql, "using") {
		return nil
	}
	x := newTx(sql)
	rf, ok := x.readReturningFrom()
	if !ok {
		return nil
	}
	tables := []string{rf.table}
	for _, ch := range rf.fc {
		for _, it := range ch.items {
			tables = append(tables, it.table)
		}
	}
	for _, it := range rf.items {
		if it.table != "" {
			tables = append(tables, it.table)
		}
	}
	return tables
}

// ExpandReturningFrom rewrites the RETURNING items of sql that read a FROM
// (USING) item as described above; cols gives a table's columns in order
// (nil when unknown: sql is returned as it is).
func ExpandReturningFrom(sql string, cols func(table string) []string) (string, error) {
	x := newTx(sql)
	rf, ok := x.readReturningFrom()
	if !ok {
		return sql, nil
	}
	items := x.splitTop(rf.ret+1, rf.end)
	if rf.fc == nil && rf.items != nil {
		return x.expandReturningDerived(sql, rf, rf.items, cols) // returning_from_derived.go
	}
	if rf.fc == nil {
		for _, it := range items {
			if it[1] == it[0]+1 && x.isP(it[0], "*") {
				return "", unsupported("RETURNING * of %s is not supported when its %s list holds an item other than a table", x.dmlName(), x.fromName())
			}
		}
		return sql, nil
	}
	targetCols := cols(rf.table)
	if targetCols == nil {
		return sql, nil
	}
	quals := map[string]string{} // FROM qualifier -> table
	fromCols := map[string]bool{}
	for _, ch := range rf.fc {
		for _, it := range ch.items {
			cs := cols(it.table)
			if cs == nil {
				return sql, nil
			}
			for _, c := range cs {
				fromCols[strings.ToLower(c)] = true
			}
			quals[it.qual] = it.table
		}
	}
	isTarget := map[string]bool{}
	for _, c := range targetCols {
		isTarget[strings.ToLower(c)] = true
	}
	rw := &retRewrite{x: x, rf: rf, quals: quals, fromCols: fromCols, targetCols: isTarget}
	var out []string
	changed := false
	for _, it := range items {
		a, b := it[0], it[1]
		switch {
		case b == a+1 && x.isP(a, "*"):
			list, ok, err := rf.fc.columns(cols)
			if err != nil || !ok {
				return sql, nil // SQLite's answer to the join stands
			}
			for _, c := range targetCols {
				out = append(out, quoteIdent(rf.tref)+"."+quoteIdent(c))
			}
			for _, c := range list {
				out = append(out, rw.subquery(c.expr)+" AS "+quoteIdent(c.name))
			}
			changed = true
			continue
		}
		if spelled, reads, ok := rw.qualifiedStar(a, b, targetCols, func(q string) []string { return cols(quals[q]) }); ok {
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
	for _, ch := range rf.fc {
		for _, it := range ch.items {
			if strings.EqualFold(it.table, rf.table) {
				return "", unsupported("RETURNING a column of a %s item of %s is not supported when the list names the target table %s", x.fromName(), x.dmlName(), rf.table)
			}
		}
	}
	return x.srcText(0, rf.ret+1, nil) + " " + strings.Join(out, ", ") + x.srcAfter(rf.end-1), nil
}

func (x *tx) dmlName() string {
	if x.T(0).kw("UPDATE") {
		return "UPDATE ... FROM"
	}
	return "DELETE ... USING"
}

func (x *tx) fromName() string {
	if x.T(0).kw("UPDATE") {
		return "FROM"
	}
	return "USING"
}

// returningAlias splits the RETURNING item a..b-1 into its expression
// (a..eb-1) and its alias text (" AS name", "" for none).
func (x *tx) returningAlias(a, b int) (eb int, alias string) {
	isName := func(t *token) bool {
		return t.typ == tQIdent || t.typ == tIdent && !reservedWords[t.upper()]
	}
	switch {
	case b-a >= 3 && x.kw(b-2, "AS") && (x.T(b-1).typ == tIdent || x.T(b-1).typ == tQIdent):
		return b - 2, " AS " + x.T(b-1).text
	case b-a >= 2 && isName(x.T(b-1)) && !x.isP(b-2, ".") && x.T(b-2).typ != tCast:
		// a bare label follows a complete operand: a column (t.c, c
		// alone), a parenthesised or CASE expression, a literal
		p := x.T(b - 2)
		if p.typ == tQIdent || p.typ == tIdent && (b-2 == a || x.isP(b-3, ".") || p.kw("END")) || x.isP(b-2, ")") || p.typ == tString || p.typ == tNumber {
			return b - 1, " AS " + x.T(b-1).text
		}
	}
	return b, ""
}

// srcText is the client's text of the tokens a..b-1, with pre[k] written
// before token k.
func (x *tx) srcText(a, b int, pre map[int]string) string {
	if a >= b {
		return ""
	}
	var sb strings.Builder
	p := x.T(a).pos
	ks := make([]int, 0, len(pre))
	for k := range pre {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	for _, k := range ks {
		q := x.T(k).pos
		sb.WriteString(x.src[p:q])
		sb.WriteString(pre[k])
		p = q
	}
	last := x.T(b - 1)
	sb.WriteString(x.src[p : last.pos+len(last.text)])
	return sb.String()
}

// srcAfter is the client's text after token k.
func (x *tx) srcAfter(k int) string {
	t := x.T(k)
	return x.src[t.pos+len(t.text):]
}

// qualifiedStar spells out RETURNING item a..b when it is q.*: the
// target's columns for the target's name or alias (a list with a * in it
// is named by SQLite), a FROM item's columns (colsOf) read through the
// join's subquery. ok=false: the item is no q.* of either; reads: it
// reads a FROM item.
func (r *retRewrite) qualifiedStar(a, b int, targetCols []string, colsOf func(q string) []string) (items []string, reads, ok bool) {
	x := r.x
	if b != a+3 || !x.isP(a+1, ".") || !x.isP(a+2, "*") || x.T(a).typ != tIdent && x.T(a).typ != tQIdent {
		return nil, false, false
	}
	switch q := x.T(a).identName(); {
	case q == r.rf.tref || q == r.rf.table:
		for _, c := range targetCols {
			items = append(items, quoteIdent(r.rf.tref)+"."+quoteIdent(c))
		}
		return items, false, true
	case r.quals[q] != "":
		for _, c := range colsOf(q) {
			items = append(items, r.subquery(quoteIdent(q)+"."+quoteIdent(c))+" AS "+quoteIdent(c))
		}
		return items, true, true
	}
	return nil, false, false
}

// plainItem is RETURNING item a..b that is no * of a FROM item: as
// written when it reads no FROM item, else read through the join's
// subquery and named as PostgreSQL names it (s.tag is "tag"). reads: it
// reads a FROM item.
func (r *retRewrite) plainItem(a, b int) (item string, reads bool, err error) {
	x := r.x
	eb, alias := x.returningAlias(a, b)
	if reads, err = r.readsFrom(a, eb); err != nil || !reads {
		return x.srcText(a, b, nil), false, err
	}
	if alias == "" {
		if n, ne := x.name(a); n != "" && ne == eb {
			alias = " AS " + quoteIdent(n)
		}
	}
	return r.subquery(x.srcText(a, eb, r.qualifyTarget(a, eb))) + alias, true, nil
}

type retRewrite struct {
	x                    *tx
	rf                   retFrom
	quals                map[string]string
	fromCols, targetCols map[string]bool
	join                 string // the FROM list and join condition, once built
	joinCond             bool   // join has a WHERE clause
}

// colRef reports whether token k is an unqualified name read as a
// column (not a function's, a type's after :: or AS, nor a qualifier).
func (r *retRewrite) colRef(k int) bool {
	x := r.x
	t := x.T(k)
	if t.typ != tIdent && t.typ != tQIdent || x.isP(k-1, ".") || x.isP(k+1, ".") || x.isP(k+1, "(") || x.T(k-1).typ == tCast || x.kw(k-1, "AS") {
		return false
	}
	return t.typ == tQIdent || !reservedWord(t.upper())
}

// readsFrom reports whether the expression a..b-1 reads a FROM item: a
// column qualified by one, or an unqualified name only a FROM item has
// (outside the subqueries of the expression, whose own items may have
// it). A name both have is PostgreSQL's 42702.
func (r *retRewrite) readsFrom(a, b int) (bool, error) {
	x := r.x
	reads := false
	for k := a; k < b; k++ {
		if x.isP(k, "(") && (x.kw(k+1, "SELECT") || x.kw(k+1, "WITH") || x.kw(k+1, "VALUES")) {
			m := x.match(k)
			for j := k + 1; j < m; j++ {
				if r.qualRef(j) {
					reads = true
				}
			}
			k = m
			continue
		}
		if r.qualRef(k) {
			reads = true
			continue
		}
		if r.colRef(k) {
			n := x.T(k).identName()
			if r.fromCols[strings.ToLower(n)] {
				if r.targetCols[strings.ToLower(n)] {
					return false, &Error{Code: "42702", Message: fmt.Sprintf("column reference %q is ambiguous", n), Position: x.charPos(k)}
				}
				reads = true
			}
		}
	}
	return reads, nil
}

// qualRef reports whether token k qualifies a column by a FROM item's name.
func (r *retRewrite) qualRef(k int) bool {
	x := r.x
	t := x.T(k)
	return (t.typ == tIdent || t.typ == tQIdent) && r.quals[t.identName()] != "" && x.isP(k+1, ".") && !x.isP(k-1, ".")
}

// qualifyTarget qualifies the unqualified names of the target's columns
// in a..b-1 (outside subqueries) by the target's name, so that inside the
// subquery they still read the returned row.
func (r *retRewrite) qualifyTarget(a, b int) map[int]string {
	x := r.x
	pre := map[int]string{}
	for k := a; k < b; k++ {
		if x.isP(k, "(") && (x.kw(k+1, "SELECT") || x.kw(k+1, "WITH") || x.kw(k+1, "VALUES")) {
			k = x.match(k)
			continue
		}
		if r.colRef(k) {
			n := strings.ToLower(x.T(k).identName())
			if r.targetCols[n] && !r.fromCols[n] {
				pre[k] = quoteIdent(r.rf.tref) + "."
			}
		}
	}
	return pre
}

// joinText is the FROM list and the join condition the subqueries read:
// the WHERE clause less its conjuncts that read a column SET assigns.
func (r *retRewrite) joinText() string {
	if r.join != "" {
		return r.join
	}
	x := r.x
	assigned := map[string]bool{}
	if r.rf.set[1] > r.rf.set[0] {
		for _, p := range x.splitTop(r.rf.set[0], r.rf.set[1]) {
			for k := p[0]; k < p[1] && !x.isP(k, "="); k++ {
				if t := x.T(k); t.typ == tIdent || t.typ == tQIdent {
					assigned[strings.ToLower(t.identName())] = true
				}
			}
		}
	}
	var conj []string
	c0, c1 := r.rf.cond[0], r.rf.cond[1]
	for s := c0; s < c1; {
		e := s
		for e < c1 && !(x.depth[e] == 0 && x.kw(e, "AND") && !x.andOfBetween(s, e)) {
			e++
		}
		keep := true
		for k := s; k < e; k++ {
			if t := x.T(k); (t.typ == tIdent || t.typ == tQIdent) && !x.isP(k+1, "(") && assigned[strings.ToLower(t.identName())] {
				keep = false
				break
			}
		}
		if keep && e > s {
			conj = append(conj, "("+x.srcText(s, e, r.qualifyTarget(s, e))+")")
		}
		s = e + 1
	}
	j := " FROM " + x.srcText(r.rf.from[0], r.rf.from[1], nil)
	if len(conj) > 0 {
		j += " WHERE " + strings.Join(conj, " AND ")
		r.joinCond = true
	}
	r.join = j
	return j
}

// andOfBetween reports whether the AND at e is the one of a BETWEEN in s..e.
func (x *tx) andOfBetween(s, e int) bool {
	open := false
	for k := s; k < e; k++ {
		if x.depth[k] != x.depth[e] {
			continue
		}
		if x.kw(k, "BETWEEN") {
			open = true
		} else if x.kw(k, "AND") {
			open = false
		}
	}
	return open
}

// subquery is expr read from the row the returned row joined.
func (r *retRewrite) subquery(expr string) string {
	j := r.joinText()
	check := "pg_returning_join_once((SELECT count(*)" + j + "))"
	if r.joinCond {
		return "(SELECT " + expr + j + " AND " + check + " LIMIT 1)"
	}
	return "(SELECT " + expr + j + " WHERE " + check + " LIMIT 1)"
}

// fnReturningJoinOnce is pg_returning_join_once(n): the n FROM rows the
// returned row joins again are at most one (true), or 0A000.
func fnReturningJoinOnce(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if n, _ := a[0].(int64); n > 1 {
		return nil, unsupported("RETURNING a column of a FROM (USING) item is not supported when a row joins several rows of that list")
	}
	return int64(1), nil
}
