package pgdialect

// hypothetical.go: the hypothetical-set aggregates rank(a...), dense_rank(a),
// percent_rank(a...) and cume_dist(a...) WITHIN GROUP (ORDER BY k...)
// [FILTER (WHERE f)]. Each is the rank the hypothetical row (a...) would
// take among the group's rows in the ORDER BY's order, so it is written,
// in PostgreSQL's SQL before the translation, with counts of the rows
// that sort before it (and its peers) under that order:
//
//	rank(2) WITHIN GROUP (ORDER BY k)
//	  -> (1 + count(*) FILTER (WHERE (2) IS NULL AND (k) IS NOT NULL OR (k) < (2)))
//
// A key's NULLs sort as the ORDER BY says (last for ASC, first for DESC
// unless NULLS FIRST/LAST); several keys compare left to right, a key
// equal when IS NOT DISTINCT FROM. The comparisons are then translated as
// any other, so each key compares under its type (numeric by value, text
// by its collation). rank and dense_rank are bigint, percent_rank and
// cume_dist double precision, as in PostgreSQL; a whole select item keeps
// the function's name. dense_rank of several keys, USING, a window (OVER)
// and a direct argument count unlike the ORDER BY's are left to
// withinGroup (orderedset.go), which refuses them.

import (
	"strings"
)

// hypotheticalSets returns sql with its hypothetical-set aggregate calls
// rewritten (see above); sql itself when it has none.
func hypotheticalSets(sql string) string {
	if !MentionsFold(sql, "within") { // notify.go
		return sql
	}
	x := newTx(sql)
	var b strings.Builder
	last := 0 // the byte of sql copied up to
	for p := 1; p < x.n(); p++ {
		name := x.T(p - 1)
		if !x.isP(p, "(") || name.typ != tIdent || x.isP(p-2, ".") {
			continue
		}
		fn := name.identName()
		if fn != "rank" && fn != "dense_rank" && fn != "percent_rank" && fn != "cume_dist" {
			continue
		}
		q := x.match(p)
		g := q + 3
		if !x.kw(q+1, "WITHIN", "GROUP") || !x.isP(g, "(") || !x.kw(g+1, "ORDER", "BY") {
			continue
		}
		ge := x.match(g)
		end := ge + 1
		filter := ""
		if x.kw(end, "FILTER") && x.isP(end+1, "(") && x.kw(end+2, "WHERE") {
			fe := x.match(end + 1)
			filter = x.orig(end+3, fe)
			end = fe + 1
		}
		if x.kw(end, "OVER") || p+1 == q || ge >= x.n() {
			continue
		}
		expr, ok := x.hypotheticalCall(fn, x.splitTop(p+1, q), x.splitTop(g+3, ge), filter)
		if !ok {
			continue
		}
		start := p - 1
		if x.hypotheticalItem(start, end) {
			expr += " AS " + fn
		}
		b.WriteString(sql[last:x.T(start).pos])
		b.WriteString(expr)
		last = x.T(end-1).pos + len(x.T(end-1).text)
		p = end
	}
	if last == 0 {
		return sql
	}
	b.WriteString(sql[last:])
	return b.String()
}

// hypotheticalCall is the counting expression of the call fn(direct)
// WITHIN GROUP (ORDER BY sorts) FILTER (WHERE filter) ("": none).
func (x *tx) hypotheticalCall(fn string, direct, sorts [][2]int, filter string) (string, bool) {
	if len(direct) != len(sorts) || fn == "dense_rank" && len(sorts) != 1 {
		return "", false
	}
	var less, eq []string // each key's: k sorts before a; k is a's peer
	for i, s := range sorts {
		se := x.sortKeyEnd(s[0], s[1]) // setoporder.go
		if se == s[0] || direct[i][0] >= direct[i][1] {
			return "", false
		}
		desc, nullsFirst := false, false
		switch {
		case se == s[1]:
		case x.kw(se, "ASC") && se+1 == s[1], x.kw(se, "ASC", "NULLS", "LAST") && se+3 == s[1], x.kw(se, "NULLS", "LAST") && se+2 == s[1]:
		case x.kw(se, "ASC", "NULLS", "FIRST") && se+3 == s[1], x.kw(se, "NULLS", "FIRST") && se+2 == s[1]:
			nullsFirst = true
		case x.kw(se, "DESC") && se+1 == s[1], x.kw(se, "DESC", "NULLS", "FIRST") && se+3 == s[1]:
			desc, nullsFirst = true, true
		case x.kw(se, "DESC", "NULLS", "LAST") && se+3 == s[1]:
			desc = true
		default:
			return "", false // USING
		}
		k := "(" + x.orig(s[0], se) + ")"
		a := "(" + x.orig(direct[i][0], direct[i][1]) + ")"
		op := " < "
		if desc {
			op = " > "
		}
		// NULL sorts before every value under NULLS FIRST, after under
		// NULLS LAST; two NULLs are peers
		nulls := a + " IS NULL AND " + k + " IS NOT NULL"
		if nullsFirst {
			nulls = k + " IS NULL AND " + a + " IS NOT NULL"
		}
		less = append(less, "("+nulls+" OR "+k+op+a+")")
		eq = append(eq, "("+k+" IS NOT DISTINCT FROM "+a+")")
	}
	// left to right: a key before, or the keys so far peers and this one
	// before
	var before []string
	for i := range less {
		before = append(before, strings.Join(append(append([]string(nil), eq[:i]...), less[i]), " AND "))
	}
	lt := "(" + strings.Join(before, " OR ") + ")"
	le := "(" + lt + " OR (" + strings.Join(eq, " AND ") + "))"
	where := func(c string) string {
		if filter == "" {
			return " FILTER (WHERE " + c + ")"
		}
		return " FILTER (WHERE (" + filter + ") AND " + c + ")"
	}
	n := "count(*)"
	if filter != "" {
		n += " FILTER (WHERE " + filter + ")"
	}
	switch fn {
	case "rank":
		return "(1 + count(*)" + where(lt) + ")", true
	case "dense_rank":
		// the distinct keys before it, a NULL key among them once
		k := "(" + x.orig(sorts[0][0], x.sortKeyEnd(sorts[0][0], sorts[0][1])) + ")"
		return "(1 + count(DISTINCT " + k + ")" + where(lt) +
			" + coalesce(max(CASE WHEN " + k + " IS NULL THEN 1 END)" + where(lt) + ", 0))", true
	case "percent_rank":
		// (rank - 1) / (rows - 1), the rows counting the hypothetical
		// one; 0 over no rows
		return "coalesce(CAST(count(*)" + where(lt) + " AS double precision) / nullif(" + n + ", 0), CAST(0 AS double precision))", true
	}
	// cume_dist: the rows before it and its peers, itself included, over
	// the rows and itself
	return "(CAST(count(*)" + where(le) + " + 1 AS double precision) / (" + n + " + 1))", true
}

// hypotheticalItem reports whether the call start..end-1 is a whole
// select item without an alias: its rewrite is then named as
// PostgreSQL names the call.
func (x *tx) hypotheticalItem(start, end int) bool {
	before := x.isP(start-1, ",") || x.kw(start-1, "SELECT") || x.kw(start-1, "DISTINCT") || x.kw(start-1, "ALL")
	if !before || x.isP(start-1, ",") && x.innermostSelect(start) < 0 {
		return false
	}
	if x.isP(start-1, ",") {
		// a comma of a select list, not of a GROUP BY or ORDER BY list
		for k := start - 1; k >= 0; k-- {
			if x.depth[k] < x.depth[start] {
				break
			}
			if x.depth[k] == x.depth[start] && x.T(k).typ == tIdent {
				switch x.T(k).upper() {
				case "SELECT":
					k = -1
					continue
				case "BY", "WHERE", "HAVING", "FROM", "ON", "WHEN", "THEN", "ELSE", "SET", "VALUES", "RETURNING":
					return false
				}
			}
		}
	}
	return end >= x.n() || x.isP(end, ",") || x.isP(end, ";") || x.isP(end, ")") || x.kw(end, "FROM") ||
		x.kw(end, "UNION") || x.kw(end, "INTERSECT") || x.kw(end, "EXCEPT") || x.kw(end, "ORDER") || x.kw(end, "LIMIT") || x.kw(end, "INTO")
}
