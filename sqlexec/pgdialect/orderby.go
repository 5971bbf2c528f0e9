package pgdialect

import (
	"sort"
	"strings"
)

// ORDER BY and the row-limiting clauses, PostgreSQL's way.
//
// NULL placement: PostgreSQL sorts NULL as larger than every value (last
// ascending, first descending); SQLite as smaller. Every ORDER BY item
// without an explicit NULLS FIRST/LAST (in queries, subqueries, window
// definitions and aggregate calls) gets PostgreSQL's default spelled out,
// so results, window ranks, running sums and string_agg orders match.
// SQLite still walks an index for "x NULLS LAST" (it reads the NULL keys
// in a second pass), so ORDER BY ... LIMIT keeps its index.
//
// Row limits: PostgreSQL accepts OFFSET without LIMIT, OFFSET before
// LIMIT, the standard FETCH {FIRST|NEXT} n ROWS ONLY and OFFSET n ROWS;
// SQLite only LIMIT n [OFFSET m]. A negative literal limit or offset is
// PostgreSQL's error (SQLite would read it as "no limit").

// orderByPass applies both rewrites to the whole statement.
func (x *tx) orderByPass() error {
	// the innermost lists first: a sort key copies its item's expression
	// as translated (orderNumericKey), which must then hold the NULL
	// placement of an ORDER BY inside it (array_agg(x ORDER BY x))
	x.orderByWithin(0, x.n())
	for i := 0; i < x.n(); i++ {
		if x.T(i).kw("LIMIT") || x.T(i).kw("OFFSET") || (x.T(i).kw("FETCH") && (x.kw(i+1, "FIRST") || x.kw(i+1, "NEXT"))) {
			end, err := x.limitClause(i)
			if err != nil {
				return err
			}
			i = end - 1
		}
	}
	return nil
}

// orderByWithin gives the ORDER BY lists within tokens lo..hi-1 their
// NULL placement (nullsDefault), innermost first, unless done before. A
// rewrite that copies an operand's text into a new form (the date/time
// CASE form of datetime_columns.go: ts - lag(ts) OVER (ORDER BY id))
// calls it first: the later pass would append NULLS LAST to a token of
// the copied-from text, after the whole form (a syntax error).
func (x *tx) orderByWithin(lo, hi int) {
	var lists []int
	for i := lo; i < hi; i++ {
		if x.kw(i, "ORDER", "BY") && !x.ordered[i] {
			lists = append(lists, i)
		}
	}
	sort.SliceStable(lists, func(a, b int) bool { return x.depth[lists[a]] > x.depth[lists[b]] })
	if x.ordered == nil && len(lists) > 0 {
		x.ordered = map[int]bool{}
	}
	for _, i := range lists {
		x.ordered[i] = true
		x.nullsDefault(i+2, x.depth[i])
	}
}

// orderByEnd reports whether token j ends an ORDER BY list at depth d.
func (x *tx) orderByEnd(j, d int) bool {
	if x.depth[j] < d {
		return true
	}
	if x.depth[j] > d {
		return false
	}
	switch x.T(j).upper() {
	case "LIMIT", "OFFSET", "FETCH", "FOR", "ROWS", "RANGE", "GROUPS", "UNION", "EXCEPT", "INTERSECT", "WINDOW", "RETURNING", ";":
		return x.T(j).typ == tIdent || x.T(j).typ == tPunct
	}
	return false
}

// orderByItems are the items of the ORDER BY list starting at lo (the
// ORDER keyword at depth d), each as its token range.
func (x *tx) orderByItems(lo, d int) [][2]int {
	hi := lo
	for hi < x.n() && !x.orderByEnd(hi, d) {
		hi++
	}
	return x.splitTop(lo, hi)
}

// nullsDefault spells out PostgreSQL's NULL placement on the items of the
// ORDER BY list starting at lo (the ORDER keyword at depth d).
func (x *tx) nullsDefault(lo, d int) {
	for _, it := range x.orderByItems(lo, d) {
		if it[0] >= it[1] {
			continue
		}
		desc, explicit := false, false
		for j := it[0]; j < it[1]; j++ {
			if x.depth[j] != d {
				continue
			}
			switch {
			case x.T(j).kw("NULLS"):
				explicit = true
			case x.T(j).kw("DESC"):
				desc = true
			case x.T(j).kw("ASC"):
				desc = false
			case x.T(j).kw("USING"):
				explicit = true // ORDER BY x USING <: left as written
			}
		}
		x.orderNumericKey(it[0], it[1], d, desc, explicit)
		if explicit {
			continue
		}
		last := x.T(it[1] - 1)
		if desc {
			last.suf += " NULLS FIRST"
		} else {
			last.suf += " NULLS LAST"
		}
	}
}

// limitClause rewrites the row-limiting clauses that start at i (LIMIT,
// OFFSET or FETCH) into SQLite's LIMIT n OFFSET m and returns the index
// after them.
func (x *tx) limitClause(i int) (int, error) {
	d := x.depth[i]
	var limit, offset, limitSrc, offsetSrc string
	hasLimit, hasOffset, ties := false, false, false
	var limitAt, offsetAt [2]int // the count's and offset's tokens
	j := i
	for j < x.n() && x.depth[j] == d {
		start := j
		switch {
		case (x.T(j).kw("LIMIT") || x.T(j).kw("FETCH")) && hasLimit, x.T(j).kw("OFFSET") && hasOffset:
			return 0, x.syntaxErrAt(j) // one count and one offset (PostgreSQL's grammar)
		case x.T(j).kw("LIMIT"):
			e := x.limitExprEnd(j+1, d)
			limit, limitSrc, hasLimit = strings.TrimSpace(x.text(j+1, e)), x.orig(j+1, e), true
			if strings.EqualFold(limit, "ALL") {
				limit = "-1"
			}
			j = e
		case x.T(j).kw("OFFSET"):
			e := x.limitExprEnd(j+1, d)
			offset, offsetSrc, hasOffset = strings.TrimSpace(x.text(j+1, e)), x.orig(j+1, e), true
			offsetAt = [2]int{j + 1, e}
			j = e
			if x.kw(j, "ROW") || x.kw(j, "ROWS") {
				j++
			}
		case x.T(j).kw("FETCH") && (x.kw(j+1, "FIRST") || x.kw(j+1, "NEXT")):
			e := x.limitExprEnd(j+2, d)
			limit, limitSrc, hasLimit = strings.TrimSpace(x.text(j+2, e)), x.orig(j+2, e), true
			limitAt = [2]int{j + 2, e}
			if limit == "" {
				limit = "1"
			}
			j = e
			if !(x.kw(j, "ROW") || x.kw(j, "ROWS")) {
				return 0, x.syntaxErrAt(j)
			}
			j++
			if x.kw(j, "WITH", "TIES") {
				if !x.hasOrderBy(i, d) {
					return 0, &Error{Code: "42601", Message: "WITH TIES cannot be specified without ORDER BY clause"}
				}
				ties = true // withties.go finishes it
				j += 2
				continue
			}
			if !x.T(j).kw("ONLY") {
				return 0, x.syntaxErrAt(j)
			}
			j++
		default:
			if start == i {
				return i + 1, nil
			}
			goto done
		}
		if j == start {
			break
		}
	}
done:
	if hasLimit && negativeLiteral(limitSrc) {
		return 0, &Error{Code: "2201W", Message: "LIMIT must not be negative"}
	}
	if hasOffset && negativeLiteral(offsetSrc) {
		return 0, &Error{Code: "2201X", Message: "OFFSET must not be negative"}
	}
	if !hasLimit {
		limit = "-1"
	}
	if limit == "" || (hasOffset && offset == "") {
		return j, nil // SQLite's syntax error says where
	}
	out := "LIMIT " + limit
	if hasOffset {
		out += " OFFSET " + offset
	}
	if ties && nullLiteral(limitSrc) {
		return 0, &Error{Code: "2201W", Message: "row count cannot be null in FETCH FIRST ... WITH TIES clause"}
	}
	if ties {
		// the count and offset keep their tokens: later passes may still
		// rewrite them (a cast), withTies reads them as translated
		x.ties = append(x.ties, fetchTies{at: i, count: limitAt, offset: offsetAt})
		for k := i; k < j; k++ {
			if (k < limitAt[0] || k >= limitAt[1]) && (k < offsetAt[0] || k >= offsetAt[1]) {
				x.blank(k, k+1)
			}
		}
		return j, nil
	}
	x.blank(i, j)
	x.T(i).set(out + " ")
	return j, nil
}

// limitExprEnd returns the end of a LIMIT/OFFSET/FETCH count starting at
// lo at depth d.
func (x *tx) limitExprEnd(lo, d int) int {
	j := lo
	for j < x.n() && x.depth[j] >= d {
		if x.depth[j] == d {
			t := x.T(j)
			if t.kw("LIMIT") || t.kw("OFFSET") || t.kw("FETCH") || t.kw("FOR") || t.kw("ROW") || t.kw("ROWS") ||
				t.kw("UNION") || t.kw("EXCEPT") || t.kw("INTERSECT") || t.kw("RETURNING") || (t.typ == tPunct && t.text == ";") {
				break
			}
		}
		j++
	}
	return j
}

// negativeLiteral reports a limit written as a negative number.
func negativeLiteral(s string) bool {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "()"))
	if !strings.HasPrefix(s, "-") {
		return false
	}
	s = strings.TrimSpace(s[1:])
	if s == "" {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && c != '.' {
			return false
		}
	}
	return strings.Trim(s, "0.") != ""
}

// nullLiteral reports a count written as the NULL constant (NULL,
// (NULL)), which PostgreSQL's parser refuses in a WITH TIES clause (a
// cast NULL::int8 is no constant to it: no limit when run).
func nullLiteral(s string) bool {
	return strings.EqualFold(strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "()")), "NULL")
}
