package pgdialect

import (
	"strconv"
	"strings"
)

// GROUP BY ROLLUP / CUBE / GROUPING SETS and grouping() (PostgreSQL;
// SQLite has none of them). A query level whose GROUP BY names grouping
// sets, or whose select list, HAVING or ORDER BY calls grouping(), is
// rewritten before translation into one grouped query per grouping set,
// joined by UNION ALL (UNION under SELECT DISTINCT):
//
//	SELECT g, h, sum(v), grouping(g, h) FROM s GROUP BY ROLLUP(g, h) ORDER BY 1, 2
//	=>
//	SELECT g AS "g", h AS "h", sum(v) AS "sum", 0 AS "grouping" FROM s GROUP BY g, h
//	UNION ALL SELECT g AS "g", NULL AS "h", sum(v) AS "sum", 1 AS "grouping" FROM s GROUP BY g
//	UNION ALL SELECT NULL AS "g", NULL AS "h", sum(v) AS "sum", 3 AS "grouping" FROM s
//	ORDER BY 1, 2
//
// Invariants, as PostgreSQL 15 evaluates grouping sets:
//   - In the arm of a set, a grouping expression outside the set reads
//     NULL wherever it appears outside an aggregate's arguments (select
//     list, HAVING, ORDER BY), matched top-down so that a longer grouping
//     expression wins over its parts; aggregates (with DISTINCT, FILTER,
//     ORDER BY) see the arm's input rows unchanged.
//   - grouping(e1, ..., en) is the constant bitmask of the arm, e1 the
//     most significant bit, a bit set when its expression is not in the
//     set; an argument that is no grouping expression is 42803.
//   - The empty set yields one row even over no input rows (an aggregate
//     query without GROUP BY; an arm with no aggregate reads a one-row
//     count(*) subquery so that it stays one row).
//   - ORDER BY, LIMIT, OFFSET and FETCH apply to all arms together: a term
//     naming an output column sorts by its position; any other expression
//     is computed in each arm as a hidden column of a wrapping query.
//   - Window functions run over the whole result: with one at the level,
//     the arms compute only what the level reads of the groups (its
//     aggregates, grouping expressions and grouping() calls, the
//     fragments), and a query over the union computes the select list,
//     the windows and ORDER BY from them.
//   - The rewrite is text to text, before every other pass: the arms are
//     translated, typed (the union's column types) and checked for
//     determinism as any statement is.
//
// Refused with 0A000: a WINDOW clause at the grouped level, DISTINCT ON,
// a select list with *. More than maxGroupingSets sets is 54000, as
// PostgreSQL. Without ORDER BY the rows come arm by arm (PostgreSQL:
// unspecified order too).

// maxGroupingSets is PostgreSQL's limit on the number of grouping sets.
const maxGroupingSets = 4096

// pgAggregates: PostgreSQL's built-in aggregate functions, whose
// arguments a grouping set never nulls.
var pgAggregates = map[string]bool{
	"count": true, "sum": true, "avg": true, "min": true, "max": true,
	"array_agg": true, "string_agg": true, "json_agg": true, "jsonb_agg": true,
	"json_object_agg": true, "jsonb_object_agg": true, "xmlagg": true,
	"bool_and": true, "bool_or": true, "every": true, "bit_and": true, "bit_or": true, "bit_xor": true,
	"stddev": true, "stddev_samp": true, "stddev_pop": true, "variance": true, "var_samp": true, "var_pop": true,
	"corr": true, "covar_pop": true, "covar_samp": true, "regr_avgx": true, "regr_avgy": true,
	"regr_count": true, "regr_intercept": true, "regr_r2": true, "regr_slope": true,
	"regr_sxx": true, "regr_sxy": true, "regr_syy": true,
	"percentile_cont": true, "percentile_disc": true, "mode": true,
	"rank": true, "dense_rank": true, "percent_rank": true, "cume_dist": true, // hypothetical-set forms (WITHIN GROUP)
}

// groupingSets rewrites every query level of sql that uses grouping sets
// or grouping(); sql comes back unchanged when there is none.
func groupingSets(sql string) (string, error) {
	for i := 0; ; i++ {
		x := newTx(sql)
		if i == 0 && !x.mentionsGrouping() {
			return sql, nil
		}
		s, ok, err := x.groupingLevel()
		if err != nil || !ok {
			return sql, err
		}
		sql = s
	}
}

// mentionsGrouping is the fast path: no ROLLUP, CUBE, GROUPING or
// GROUP BY () token, nothing to do.
func (x *tx) mentionsGrouping() bool {
	for k := 0; k < x.n(); k++ {
		t := x.T(k)
		if t.kw("ROLLUP") || t.kw("CUBE") || t.kw("GROUPING") || t.kw("BY") && x.isP(k+1, "(") && x.isP(k+2, ")") {
			return true
		}
	}
	return false
}

// gsLevel is one SELECT query level: the token indexes of its clauses
// (-1 when absent) and where it ends.
type gsLevel struct {
	sel, items, from, where, group, having, window, order, tail, end int
	compound                                                         bool // an arm of a UNION / INTERSECT / EXCEPT
}

// levelAt reads the query level of the SELECT at s.
func (x *tx) levelAt(s int) gsLevel {
	d := x.depth[s]
	l := gsLevel{sel: s, from: -1, where: -1, group: -1, having: -1, window: -1, order: -1, tail: -1, end: x.n()}
	for k := s + 1; k < x.n(); k++ {
		if x.depth[k] < d || x.depth[k] == d && (x.isP(k, ";") || x.kw(k, "UNION") || x.kw(k, "INTERSECT") || x.kw(k, "EXCEPT")) {
			l.end = k
			l.compound = x.depth[k] == d && !x.isP(k, ";")
			break
		}
	}
	if p := s - 1; p >= 0 && x.depth[p] == d && (x.kw(p, "UNION") || x.kw(p, "INTERSECT") || x.kw(p, "EXCEPT") || x.kw(p, "ALL") || x.kw(p, "DISTINCT")) {
		l.compound = true
	}
	l.items = s + 1
	if x.kw(l.items, "ALL") {
		l.items++
	}
	for k := s + 1; k < l.end; k++ {
		if x.depth[k] != d || x.T(k).typ != tIdent {
			continue
		}
		switch {
		case x.kw(k, "FROM") && !x.kw(k-1, "DISTINCT") && l.from < 0 && l.where < 0 && l.group < 0:
			l.from = k
		case x.kw(k, "WHERE") && l.where < 0 && l.group < 0:
			l.where = k
		case x.kw(k, "GROUP", "BY") && !x.kw(k-1, "WITHIN") && l.group < 0:
			l.group = k
		case x.kw(k, "HAVING") && l.having < 0:
			l.having = k
		case x.kw(k, "WINDOW") && l.window < 0:
			l.window = k
		case x.kw(k, "ORDER", "BY") && l.order < 0:
			l.order = k
		case (x.kw(k, "LIMIT") || x.kw(k, "OFFSET") || x.kw(k, "FETCH") || x.kw(k, "FOR")) && l.tail < 0:
			l.tail = k
		}
	}
	return l
}

// next returns the first clause start after k (or the level's end).
func (l gsLevel) next(k int) int {
	e := l.end
	for _, c := range []int{l.from, l.where, l.group, l.having, l.window, l.order, l.tail} {
		if c > k && c < e {
			e = c
		}
	}
	return e
}

// groupingLevel rewrites the last query level that needs it and returns
// the new statement text; ok is false when no level does.
func (x *tx) groupingLevel() (string, bool, error) {
	for s := x.n() - 1; s >= 0; s-- {
		if !x.T(s).kw("SELECT") {
			continue
		}
		l := x.levelAt(s)
		need := false
		if l.group >= 0 {
			for _, p := range x.splitTop(l.group+2, l.next(l.group)) {
				if (x.kw(p[0], "ROLLUP") || x.kw(p[0], "CUBE")) && x.isP(p[0]+1, "(") || x.kw(p[0], "GROUPING", "SETS") || x.isP(p[0], "(") && x.isP(p[0]+1, ")") {
					need = true
				}
			}
		}
		for k := s + 1; k < l.end && !need; k++ {
			if x.isGroupingCall(k) && x.innermostSelect(k) == s {
				need = true
			}
		}
		if need {
			out, err := x.rewriteGrouping(l)
			return out, err == nil, err
		}
	}
	return "", false, nil
}

// isGroupingCall: grouping( at k.
func (x *tx) isGroupingCall(k int) bool {
	return x.T(k).kw("GROUPING") && x.isP(k+1, "(") && !x.isP(k-1, ".")
}

// innermostSelect returns the SELECT whose level contains token k.
func (x *tx) innermostSelect(k int) int {
	for s := k - 1; s >= 0; s-- {
		if x.T(s).kw("SELECT") && x.depth[s] <= x.depth[k] && x.levelAt(s).end > k {
			return s
		}
	}
	return -1
}

// gsExpr is a grouping expression: its tokens and its canonical key.
type gsExpr struct {
	lo, hi int
	key    string
}

// canonKey is the key of tokens lo..hi-1 for matching two spellings of
// one expression: identifiers folded, column qualifiers dropped.
func (x *tx) canonKey(lo, hi int) string {
	var b strings.Builder
	for k := lo; k < hi; k++ {
		if x.isQualifier(k) {
			k++
			continue
		}
		writeCanonToken(&b, x.T(k))
	}
	return b.String()
}

// writeCanonToken appends token t to a canonKey: an identifier folded,
// anything else as written, then a space.
func writeCanonToken(b *strings.Builder, t *token) {
	switch t.typ {
	case tIdent, tQIdent:
		b.WriteString(t.identName())
	default:
		b.WriteString(t.text)
	}
	b.WriteByte(' ')
}

// isQualifier: k is the "t" of a column reference t.c (the "." follows).
func (x *tx) isQualifier(k int) bool {
	t := x.T(k)
	return (t.typ == tIdent || t.typ == tQIdent) && x.isP(k+1, ".") && (x.T(k+2).typ == tIdent || x.T(k+2).typ == tQIdent) && !x.isP(k+3, "(")
}

// rewriteGrouping rewrites the query level l (see the file comment).
func (x *tx) rewriteGrouping(l gsLevel) (string, error) {
	d := x.depth[l.sel]
	if x.kw(l.items, "DISTINCT", "ON") {
		return "", unsupported("SELECT DISTINCT ON with GROUPING SETS, ROLLUP or CUBE is not supported")
	}
	distinct := x.kw(l.items, "DISTINCT")
	itemsLo := l.items
	if distinct {
		itemsLo++
	}
	if l.window >= 0 {
		return "", unsupported("WINDOW with GROUPING SETS, ROLLUP or CUBE is not supported")
	}
	windowed := false
	for k := l.sel; k < l.end; k++ {
		if x.kw(k, "OVER") && x.innermostSelect(k) == l.sel {
			windowed = true
		}
	}
	itemsHi := l.next(itemsLo - 1)
	items := x.splitTop(itemsLo, itemsHi)
	names, exprEnd, err := x.outputNames(items, "GROUPING SETS, ROLLUP or CUBE")
	if err != nil {
		return "", err
	}
	// the grouping sets, each a list of indexes into exprs
	var exprs []gsExpr
	exprIndex := func(lo, hi int) (int, error) {
		for x.isP(lo, "(") && x.match(lo) == hi-1 && len(x.splitTop(lo+1, hi-1)) == 1 {
			lo, hi = lo+1, hi-1
		}
		if hi-lo == 1 {
			t := x.T(lo)
			if n, err := strconv.Atoi(t.text); err == nil && t.typ == tNumber {
				if n < 1 || n > len(items) {
					return 0, &Error{Code: "42P10", Message: "GROUP BY position " + t.text + " is not in select list", Position: t.pos + 1}
				}
				lo, hi = items[n-1][0], exprEnd[n-1]
			} else if t.typ == tIdent || t.typ == tQIdent {
				for k, it := range items {
					if exprEnd[k] < it[1] && names[k] == t.identName() && !x.refersTo(it[0], exprEnd[k], t.identName()) {
						lo, hi = it[0], exprEnd[k]
						break
					}
				}
			}
		}
		key := x.canonKey(lo, hi)
		for i, e := range exprs {
			if e.key == key {
				return i, nil
			}
		}
		exprs = append(exprs, gsExpr{lo, hi, key})
		return len(exprs) - 1, nil
	}
	sets := [][]int{{}}
	if l.group >= 0 {
		gEnd := l.next(l.group)
		lo := l.group + 2
		if x.kw(lo, "ALL") || x.kw(lo, "DISTINCT") {
			lo++
		}
		for _, p := range x.splitTop(lo, gEnd) {
			el, err := x.groupingElement(p[0], p[1], true, exprIndex)
			if err != nil {
				return "", err
			}
			var prod [][]int
			for _, a := range sets {
				for _, b := range el {
					prod = append(prod, append(append([]int(nil), a...), b...))
				}
			}
			if len(prod) > maxGroupingSets {
				return "", &Error{Code: "54000", Message: "too many grouping sets present (maximum 4096)"}
			}
			sets = prod
		}
		if x.kw(l.group+2, "DISTINCT") {
			sets = distinctSets(sets)
		}
	} else {
		// grouping() without GROUP BY: the level is grouped only when it
		// aggregates; either way its argument is no grouping expression
		sets = [][]int{{}}
	}
	// ORDER BY terms: an output column's position, or a hidden column
	type term struct {
		pos       int // 1-based output column, 0: hidden
		lo, hi    int // the expression of a hidden term
		dir       string
		hiddenCol string
	}
	var terms []term
	hidden := false
	if l.order >= 0 && !l.compound {
		oEnd := l.next(l.order)
		for _, p := range x.splitTop(l.order+2, oEnd) {
			eh := p[1]
			for k := p[0]; k < p[1]; k++ {
				if x.depth[k] == d && (x.kw(k, "ASC") || x.kw(k, "DESC") || x.kw(k, "NULLS") || x.kw(k, "USING")) {
					eh = k
					break
				}
			}
			tm := term{lo: p[0], hi: eh, dir: x.orig(eh, p[1])}
			if eh == p[0]+1 {
				t := x.T(p[0])
				if n, err := strconv.Atoi(t.text); err == nil && t.typ == tNumber {
					if n < 1 || n > len(items) {
						return "", &Error{Code: "42P10", Message: "ORDER BY position " + t.text + " is not in select list", Position: t.pos + 1}
					}
					tm.pos = n
				} else if t.typ == tIdent || t.typ == tQIdent {
					for k := range items {
						if names[k] == t.identName() {
							tm.pos = k + 1
							break
						}
					}
				}
			}
			if tm.pos == 0 {
				key := x.canonKey(p[0], eh)
				for k, it := range items {
					if x.canonKey(it[0], exprEnd[k]) == key {
						tm.pos = k + 1
						break
					}
				}
			}
			if tm.pos == 0 {
				if distinct {
					return "", &Error{Code: "42P10", Message: "for SELECT DISTINCT, ORDER BY expressions must appear in select list", Position: x.T(p[0]).pos + 1}
				}
				hidden = true
				tm.hiddenCol = "pg_gs_o" + strconv.Itoa(len(terms)+1)
			}
			terms = append(terms, tm)
		}
	}
	// grouping() calls of the level are checked once, before any arm
	for k := l.sel; k < l.end; k++ {
		if !x.isGroupingCall(k) || x.innermostSelect(k) != l.sel {
			continue
		}
		for _, a := range x.splitTop(k+2, x.match(k+1)) {
			key := x.canonKey(a[0], a[1])
			found := false
			for _, e := range exprs {
				found = found || e.key == key
			}
			if !found || l.group < 0 {
				return "", &Error{Code: "42803", Message: "arguments to GROUPING must be grouping expressions of the associated query level", Position: x.T(a[0]).pos + 1}
			}
		}
	}

	fromText := ""
	if l.from >= 0 {
		fromText = " " + x.orig(l.from, l.next(l.from))
	}
	whereText := ""
	if l.where >= 0 {
		whereText = " " + x.orig(l.where, l.next(l.where))
	}
	// A union's column takes its type from the arms (a NULL arm says
	// nothing); when the first set lacks a grouping expression, a first
	// arm that reads no row and groups by all of them types the columns
	// as the expressions' own types.
	armSets := sets
	typing := -1
	if len(sets[0]) < len(exprs) {
		var all []int
		for i := range exprs {
			all = append(all, i)
		}
		armSets = append([][]int{all}, sets...)
		typing = 0
	}
	// Window functions run over the whole result, after grouping: the
	// arms compute the aggregates, grouping expressions and grouping()
	// calls the level reads (fragments), and a wrapping query computes
	// the select list, windows and ORDER BY over them.
	var frags []gsExpr
	occ := map[int]gsOcc{}
	if windowed {
		for k, it := range items {
			x.gsFragments(l.sel, it[0], exprEnd[k], exprs, &frags, occ)
		}
		for _, tm := range terms {
			if tm.hiddenCol != "" {
				x.gsFragments(l.sel, tm.lo, tm.hi, exprs, &frags, occ)
			}
		}
	}
	var arms []string
	for n, set := range armSets {
		in := map[int]bool{}
		for _, i := range set {
			in[i] = true
		}
		var cols []string
		aggregates := false
		for k, f := range frags {
			e, agg := x.gsSubst(l.sel, f.lo, f.hi, exprs, in)
			aggregates = aggregates || agg
			cols = append(cols, e+" AS pg_gs_f"+strconv.Itoa(k+1))
		}
		if windowed && len(cols) == 0 {
			cols = append(cols, "NULL AS pg_gs_f0")
		}
		for k, it := range items {
			if windowed {
				break
			}
			e, agg := x.gsSubst(l.sel, it[0], exprEnd[k], exprs, in)
			aggregates = aggregates || agg
			name := quoteIdent(names[k])
			if hidden {
				name = "pg_gs_" + strconv.Itoa(k+1)
			}
			cols = append(cols, e+" AS "+name)
		}
		for _, tm := range terms {
			if tm.hiddenCol != "" && !windowed {
				e, agg := x.gsSubst(l.sel, tm.lo, tm.hi, exprs, in)
				aggregates = aggregates || agg
				cols = append(cols, e+" AS "+tm.hiddenCol)
			}
		}
		havingText := ""
		if n == typing {
			var g []string
			for _, e := range exprs {
				g = append(g, x.orig(e.lo, e.hi))
			}
			arms = append(arms, "SELECT "+strings.Join(cols, ", ")+fromText+" WHERE false GROUP BY "+strings.Join(g, ", "))
			continue
		}
		if l.having >= 0 {
			e, _ := x.gsSubst(l.sel, l.having+1, l.next(l.having), exprs, in)
			havingText = " HAVING " + e
		}
		var arm string
		switch {
		case len(set) > 0:
			var g []string
			seen := map[int]bool{}
			for _, i := range set {
				if !seen[i] {
					seen[i] = true
					g = append(g, x.orig(exprs[i].lo, exprs[i].hi))
				}
			}
			arm = "SELECT " + strings.Join(cols, ", ") + fromText + whereText + " GROUP BY " + strings.Join(g, ", ") + havingText
		case aggregates:
			arm = "SELECT " + strings.Join(cols, ", ") + fromText + whereText + havingText
		default:
			// the empty set is one row even without an aggregate to make
			// the arm an aggregate query
			arm = "SELECT " + strings.Join(cols, ", ") + " FROM (SELECT count(*) AS pg_gs_n" + fromText + whereText + havingText + ") AS pg_gs_one"
		}
		arms = append(arms, arm)
	}
	join := " UNION ALL "
	if distinct && !windowed {
		join = " UNION "
	}
	body := strings.Join(arms, join)
	var order []string
	for _, tm := range terms {
		switch {
		case windowed && tm.hiddenCol != "":
			order = append(order, x.liftText(tm.lo, tm.hi, occ)+" "+tm.dir)
		case windowed:
			order = append(order, strconv.Itoa(tm.pos)+" "+tm.dir)
		case tm.hiddenCol != "":
			order = append(order, tm.hiddenCol+" "+tm.dir)
		case hidden:
			order = append(order, "pg_gs_"+strconv.Itoa(tm.pos)+" "+tm.dir)
		default:
			order = append(order, strconv.Itoa(tm.pos)+" "+tm.dir)
		}
	}
	orderText := ""
	if len(order) > 0 {
		orderText = " ORDER BY " + strings.Join(order, ", ")
	}
	tailText := ""
	cut := l.end
	if l.compound {
		// ORDER BY and LIMIT after the last arm belong to the set operation
		for _, c := range []int{l.order, l.tail} {
			if c >= 0 && c < cut {
				cut = c
			}
		}
		if windowed {
			body = x.gsWindowed(items, exprEnd, names, distinct, occ, body)
		} else {
			body = "SELECT * FROM (" + body + ") AS pg_gs"
		}
	} else {
		if l.tail >= 0 {
			tailText = " " + x.orig(l.tail, l.end)
		}
		switch {
		case windowed:
			body = x.gsWindowed(items, exprEnd, names, distinct, occ, body) + orderText + tailText
		case hidden:
			var outer []string
			for k := range items {
				outer = append(outer, "pg_gs_"+strconv.Itoa(k+1)+" AS "+quoteIdent(names[k]))
			}
			body = "SELECT " + strings.Join(outer, ", ") + " FROM (" + body + ") AS pg_gs" + orderText + tailText
		default:
			body += orderText + tailText
		}
	}
	a := x.T(l.sel).pos
	e := len(x.src)
	if cut < x.n() {
		e = x.T(cut).pos
		body += " "
	}
	return x.src[:a] + body + x.src[e:], nil
}

// groupingElement expands the GROUP BY element lo..hi-1 to its grouping
// sets; top is the GROUP BY list itself, where (a, b) is one set.
func (x *tx) groupingElement(lo, hi int, top bool, index func(lo, hi int) (int, error)) ([][]int, error) {
	list := func(from int) (int, [][2]int) {
		c := x.match(from)
		return c, x.splitTop(from+1, c)
	}
	switch {
	case x.isP(lo, "(") && x.isP(lo+1, ")") && hi == lo+2:
		return [][]int{{}}, nil
	case (x.kw(lo, "ROLLUP") || x.kw(lo, "CUBE")) && x.isP(lo+1, "(") && x.match(lo+1) == hi-1:
		_, parts := list(lo + 1)
		var elems [][]int
		for _, p := range parts {
			el, err := x.groupingComposite(p[0], p[1], index)
			if err != nil {
				return nil, err
			}
			elems = append(elems, el)
		}
		if x.kw(lo, "ROLLUP") {
			var sets [][]int
			for n := len(elems); n >= 0; n-- {
				var s []int
				for _, el := range elems[:n] {
					s = append(s, el...)
				}
				sets = append(sets, s)
			}
			return sets, nil
		}
		if len(elems) > 12 {
			return nil, &Error{Code: "54000", Message: "CUBE is limited to 12 elements", Position: x.T(lo).pos + 1}
		}
		var sets [][]int
		for m := (1 << len(elems)) - 1; m >= 0; m-- {
			var s []int
			for i, el := range elems {
				if m&(1<<(len(elems)-1-i)) != 0 {
					s = append(s, el...)
				}
			}
			sets = append(sets, s)
		}
		return sets, nil
	case x.kw(lo, "GROUPING", "SETS") && x.isP(lo+2, "(") && x.match(lo+2) == hi-1:
		_, parts := list(lo + 2)
		var sets [][]int
		for _, p := range parts {
			el, err := x.groupingElement(p[0], p[1], false, index)
			if err != nil {
				return nil, err
			}
			sets = append(sets, el...)
		}
		if len(sets) > maxGroupingSets {
			return nil, &Error{Code: "54000", Message: "too many grouping sets present (maximum 4096)"}
		}
		return sets, nil
	case x.isP(lo, "(") && x.match(lo) == hi-1 && (!top || len(x.splitTop(lo+1, hi-1)) > 1):
		el, err := x.groupingComposite(lo, hi, index)
		if err != nil {
			return nil, err
		}
		return [][]int{el}, nil
	}
	i, err := index(lo, hi)
	if err != nil {
		return nil, err
	}
	return [][]int{{i}}, nil
}

// groupingComposite reads a ROLLUP/CUBE element or a set: an expression
// or a parenthesized list of them.
func (x *tx) groupingComposite(lo, hi int, index func(lo, hi int) (int, error)) ([]int, error) {
	parts := [][2]int{{lo, hi}}
	if x.isP(lo, "(") && x.match(lo) == hi-1 {
		parts = x.splitTop(lo+1, hi-1)
	}
	var out []int
	for _, p := range parts {
		if p[0] >= p[1] {
			continue
		}
		i, err := index(p[0], p[1])
		if err != nil {
			return nil, err
		}
		out = append(out, i)
	}
	return out, nil
}

// distinctSets removes repeated sets (GROUP BY DISTINCT), a set being
// its expressions regardless of order and repetition.
func distinctSets(sets [][]int) [][]int {
	seen := map[string]bool{}
	var out [][]int
	for _, s := range sets {
		m := map[int]bool{}
		for _, i := range s {
			m[i] = true
		}
		var ks []string
		for i := 0; len(m) > 0 && i <= maxInt(s); i++ {
			if m[i] {
				ks = append(ks, strconv.Itoa(i))
			}
		}
		k := strings.Join(ks, ",")
		if !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

func maxInt(s []int) int {
	m := 0
	for _, v := range s {
		if v > m {
			m = v
		}
	}
	return m
}

// gsSubst returns the text of tokens lo..hi-1 in the arm of the set in:
// grouping expressions outside the set read NULL outside aggregate
// arguments, grouping() calls become the arm's bitmask. agg reports an
// aggregate call at this level.
func (x *tx) gsSubst(sel, lo, hi int, exprs []gsExpr, in map[int]bool) (text string, agg bool) {
	var b strings.Builder
	at := x.T(lo).pos // the source copied up to here
	emit := func(a, e int, s string) {
		b.WriteString(x.src[at:x.T(a).pos])
		b.WriteString(s)
		last := x.T(e - 1)
		at = last.pos + len(last.text)
	}
	for k := lo; k < hi; k++ {
		t := x.T(k)
		if t.typ == tIdent && x.isP(k+1, "(") && !x.isP(k-1, ".") {
			name := t.identName()
			if pgAggregates[name] {
				agg = agg || x.innermostSelect(k) == sel
				k = x.match(k + 1)
				if x.kw(k+1, "WITHIN", "GROUP") && x.isP(k+3, "(") {
					k = x.match(k + 3)
				}
				if x.kw(k+1, "FILTER") && x.isP(k+2, "(") {
					k = x.match(k + 2)
				}
				continue
			}
			if t.kw("GROUPING") {
				c := x.match(k + 1)
				v := 0
				for _, a := range x.splitTop(k+2, c) {
					key := x.canonKey(a[0], a[1])
					v <<= 1
					for i, e := range exprs {
						if e.key == key && !in[i] {
							v |= 1
						}
					}
				}
				emit(k, c+1, strconv.Itoa(v))
				k = c
				continue
			}
		}
		// the longest grouping expression starting here, top-down
		best, bestEnd := -1, 0
		for i, e := range exprs {
			end := x.gsMatch(k, hi, e)
			if end > bestEnd {
				best, bestEnd = i, end
			}
		}
		if best < 0 {
			continue
		}
		if !in[best] {
			emit(k, bestEnd, "NULL")
		}
		k = bestEnd - 1
	}
	if e := x.T(hi - 1); hi > lo && at < e.pos+len(e.text) {
		b.WriteString(x.src[at : e.pos+len(e.text)])
	}
	return strings.TrimSpace(b.String()), agg
}

// gsMatch returns the end of an occurrence of e at k (before hi), or 0.
// An occurrence is a whole operand: not part of a qualified name or a
// call, and an operator expression is not an operand of a tighter one.
func (x *tx) gsMatch(k, hi int, e gsExpr) int {
	if x.isP(k-1, ".") || x.T(k).typ == tIdent && isKeywordEnd(x.T(k).upper()) || !x.columnAt(k) {
		return 0
	}
	j := k
	var b strings.Builder
	for j < hi && b.Len() < len(e.key) {
		if x.isQualifier(j) {
			j += 2
			continue
		}
		writeCanonToken(&b, x.T(j)) // the key canonKey would give
		j++
	}
	if b.String() != e.key || x.isP(j, "(") || x.isP(j, ".") {
		return 0
	}
	if x.topOperator(e.lo, e.hi) {
		open := func(i int) bool {
			return i < 0 || x.isP(i, "(") || x.isP(i, ",") || x.T(i).typ == tIdent && gsBoundaryKw[x.T(i).upper()]
		}
		if !open(k-1) || !(j >= x.n() || j >= hi || x.isP(j, ")") || x.isP(j, ",") || x.T(j).typ == tIdent && gsBoundaryKw[x.T(j).upper()]) {
			return 0
		}
	}
	return j
}

// gsBoundaryKw: keywords that end or start a whole expression.
var gsBoundaryKw = map[string]bool{"SELECT": true, "AS": true, "WHEN": true, "THEN": true, "ELSE": true, "END": true,
	"AND": true, "OR": true, "NOT": true, "HAVING": true, "ASC": true, "DESC": true, "NULLS": true, "CASE": true}

// gsOcc is an occurrence of a fragment: where it ends, which one.
type gsOcc struct{ end, frag int }

// gsFragments collects what the arms compute for a windowed level from
// tokens lo..hi-1: aggregate calls of the level (not those a window
// applies to, whose arguments are read instead), grouping() calls and
// grouping expressions outside them.
func (x *tx) gsFragments(sel, lo, hi int, exprs []gsExpr, frags *[]gsExpr, occ map[int]gsOcc) {
	add := func(a, e int) {
		key := x.canonKey(a, e)
		i := -1
		for k, f := range *frags {
			if f.key == key {
				i = k
			}
		}
		if i < 0 {
			*frags = append(*frags, gsExpr{a, e, key})
			i = len(*frags) - 1
		}
		occ[a] = gsOcc{e, i}
	}
	for k := lo; k < hi; k++ {
		t := x.T(k)
		if t.typ == tIdent && x.isP(k+1, "(") && !x.isP(k-1, ".") {
			c := x.match(k + 1)
			if pgAggregates[t.identName()] && x.innermostSelect(k) == sel {
				after := c
				if x.kw(after+1, "WITHIN", "GROUP") && x.isP(after+3, "(") {
					after = x.match(after + 3)
				}
				if x.kw(after+1, "FILTER") && x.isP(after+2, "(") {
					after = x.match(after + 2)
				}
				if !x.kw(after+1, "OVER") {
					add(k, after+1)
					k = after
				}
				continue
			}
			if t.kw("GROUPING") {
				add(k, c+1)
				k = c
				continue
			}
		}
		best := 0
		for _, e := range exprs {
			if end := x.gsMatch(k, hi, e); end > best {
				best = end
			}
		}
		if best > 0 {
			add(k, best)
			k = best - 1
		}
	}
}

// liftText is tokens lo..hi-1 with each fragment occurrence read from
// the arms' column.
func (x *tx) liftText(lo, hi int, occ map[int]gsOcc) string {
	var b strings.Builder
	at := x.T(lo).pos
	for k := lo; k < hi; k++ {
		o, ok := occ[k]
		if !ok {
			continue
		}
		b.WriteString(x.src[at:x.T(k).pos])
		b.WriteString("pg_gs_f" + strconv.Itoa(o.frag+1))
		last := x.T(o.end - 1)
		at = last.pos + len(last.text)
		k = o.end - 1
	}
	if e := x.T(hi - 1); hi > lo && at < e.pos+len(e.text) {
		b.WriteString(x.src[at : e.pos+len(e.text)])
	}
	return strings.TrimSpace(b.String())
}

// gsWindowed is the query over the arms of a windowed level: its select
// list read from the fragments.
func (x *tx) gsWindowed(items [][2]int, exprEnd []int, names []string, distinct bool, occ map[int]gsOcc, arms string) string {
	var outer []string
	for k, it := range items {
		outer = append(outer, x.liftText(it[0], exprEnd[k], occ)+" AS "+quoteIdent(names[k]))
	}
	d := ""
	if distinct {
		d = "DISTINCT "
	}
	return "SELECT " + d + strings.Join(outer, ", ") + " FROM (" + arms + ") AS pg_gs"
}

// columnAt: an identifier at k may be a column reference, not an alias
// (AS x), a type (CAST(v AS x), v::x) or EXTRACT's field (year FROM d).
func (x *tx) columnAt(k int) bool {
	t := x.T(k)
	if t.typ != tIdent && t.typ != tQIdent {
		return true
	}
	return !x.T(k-1).kw("AS") && x.T(k-1).typ != tCast && !(x.T(k+1).kw("FROM") && x.isP(k-1, "("))
}

// refersTo reports whether tokens lo..hi-1 read a column named name.
func (x *tx) refersTo(lo, hi int, name string) bool {
	for k := lo; k < hi; k++ {
		t := x.T(k)
		if (t.typ == tIdent || t.typ == tQIdent) && t.identName() == name && !x.isP(k+1, "(") && x.columnAt(k) {
			return true
		}
	}
	return false
}
