package pgdialect

import (
	"fmt"
	"strings"
)

// Set-returning functions in a select list (SELECT generate_series(1, 3),
// SELECT unnest(arr) FROM t). PostgreSQL evaluates the select list once per
// input row and repeats the row once per value the function returns; for a
// select list with exactly one such call, and no aggregate, GROUP BY or
// window, that is the input rows joined with the function's rows. So the
// call becomes a FROM item of its SELECT (after the SELECT's own FROM
// items, so each input row is repeated per value, in the input's order) and
// the call itself a reference to the item's column.
//
// Several calls in one select list run in lockstep (PostgreSQL 10 and
// later): per input row, row n holds each call's n-th value, NULL past a
// call's end, as many rows as the longest. They become one FROM item that
// zips their rows (srfzip.go's pg_srf_zip over each call's rows as a JSON
// array), each call a json_extract of its place in the zipped row.
//
// Refused (0A000), where the join would not be PostgreSQL's answer: one
// inside an aggregate query (PostgreSQL expands the rows after
// aggregating) or with a window, several of which one cannot be zipped
// (a jsonb table function), and one outside a select list (ORDER BY,
// GROUP BY; where PostgreSQL refuses the place: srfplace.go).

// selZip collects the zipped calls of one select list: each call's rows
// (a JSON array) in the list's order, until all are rewritten.
type selZip struct {
	rows []string
	got  int
}

// srfSelect moves the set-returning call i..e (e its closing parenthesis),
// named fn, into the FROM of the SELECT whose select list holds it: item
// is the FROM item's text (with its alias), ref what replaces the call.
// Beside other set-returning calls the call is zipped with them instead:
// rows is the JSON array of its rows, elem the call's value given the
// zipped row's place (json_extract(...)).
func (x *tx) srfSelect(i, e int, fn, item, ref, rows string, elem func(v string) string) error {
	sel := x.srfSelectOf(i)
	if sel < 0 {
		return unsupported("%s() is only supported in FROM or a select list", fn)
	}
	d := x.depth[sel]
	from, after := -1, x.n()
	for k := e + 1; k < x.n(); k++ {
		if x.depth[k] < d {
			after = k
			break
		}
		if x.depth[k] != d {
			continue
		}
		t := x.T(k)
		if t.kw("FROM") && from < 0 {
			from = k
			continue
		}
		if t.kw("WHERE") || t.kw("GROUP") || t.kw("HAVING") || t.kw("ORDER") || t.kw("LIMIT") || t.kw("OFFSET") ||
			t.kw("UNION") || t.kw("EXCEPT") || t.kw("INTERSECT") || t.kw("WINDOW") || t.kw("RETURNING") || t.kw("FETCH") ||
			t.kw("FOR") || x.kw(k, "ON", "CONFLICT") || x.isP(k, ";") {
			// (ON CONFLICT: an INSERT source's FROM item goes before it)
			after = k
			break
		}
	}
	listEnd := from
	if listEnd < 0 {
		listEnd = after
	}
	var calls []int // the list's set-returning calls, i among them
	x.selectLevel(sel+1, listEnd, func(k int) {
		if x.T(k).typ == tIdent && setReturning[x.T(k).upper()] && x.isP(k+1, "(") && !x.isP(k-1, ".") {
			calls = append(calls, k)
		}
	})
	if len(calls) > 1 {
		for _, k := range calls {
			if !zipFuncs[x.T(k).identName()] || x.T(k).identName() == "unnest" && len(x.splitTop(k+2, x.match(k+1))) != 1 {
				return unsupported("%s() beside other set-returning functions in a select list is not supported", x.T(k).identName())
			}
		}
	}
	// the SELECT's own level up to its end (GROUP BY, HAVING, WINDOW)
	end := sel + 1
	for end < x.n() && x.depth[end] >= d && !x.isP(end, ";") &&
		!(x.depth[end] == d && (x.T(end).kw("UNION") || x.T(end).kw("EXCEPT") || x.T(end).kw("INTERSECT"))) {
		end++
	}
	if sh := x.selectShape(sel, end); sh.aggInList || sh.group || sh.over {
		return unsupported("%s() in the select list of an aggregate or window query is not supported (PostgreSQL expands its rows after aggregating)", fn)
	}
	// keep what earlier passes spliced around the call (an operator's
	// function call: generate_series(1, 3) * 2)
	pre, wpre, suf, wsuf := x.T(i).pre, x.T(i).wpre, x.T(e).suf, x.T(e).wsuf
	x.wipe(i, e+1)
	if len(calls) > 1 {
		if x.srfZips == nil {
			x.srfZips = map[int]*selZip{}
		}
		z := x.srfZips[sel]
		if z == nil {
			z = &selZip{rows: make([]string, len(calls))}
			x.srfZips[sel] = z
		}
		n := 0
		for n < len(calls) && calls[n] != i {
			n++
		}
		z.rows[n] = rows
		z.got++
		ref = elem(fmt.Sprintf("json_extract(pg_srf_zip.value, '$[%d]')", n))
		item = "json_each(pg_srf_zip(" + strings.Join(z.rows, ", ") + ")) AS pg_srf_zip"
	}
	x.T(i).set(ref)
	x.T(i).pre, x.T(i).wpre, x.T(e).suf, x.T(e).wsuf = pre, wpre, suf, wsuf
	if len(calls) > 1 && x.srfZips[sel].got < len(calls) {
		return nil // the FROM item once every call's rows are known
	}
	add := ", " + item
	if from < 0 {
		add = " FROM " + item
	}
	switch {
	case x.depth[sel] == 0 && x.findKw(0, sel, 0, "INSERT") >= 0:
		// INSERT's source: before the wrapping that checks the stored
		// values closes it (enforce.go), ahead of RETURNING
		x.T(after - 1).wsuf += add
	case after < x.n():
		x.T(after).pre = add + " " + x.T(after).pre
	default:
		x.tail += add // after the select item's alias (applyAliases)
	}
	return nil
}

// srfSelectOf returns the SELECT whose select list holds the call at i
// (directly or inside function calls and parentheses of its items), or -1
// when the call is elsewhere (FROM, WHERE, a subquery's clause ...).
func (x *tx) srfSelectOf(i int) int {
	cur := x.depth[i]
	for k := i - 1; k >= 0; k-- {
		if x.depth[k] > cur {
			continue
		}
		if x.depth[k] < cur {
			// the parenthesis that opens the call's enclosing expression:
			// a function call or grouping, never a subquery
			if !x.isP(k, "(") || x.kw(k+1, "SELECT") || x.kw(k+1, "WITH") || x.kw(k+1, "VALUES") {
				return -1
			}
			if p := x.T(k - 1); k > 0 && p.typ == tIdent && (p.kw("IN") || p.kw("EXISTS") || p.kw("VALUES") || p.kw("ANY") || p.kw("ALL") || p.kw("ARRAY") || p.kw("OVER") || p.kw("FILTER") || p.kw("AS")) {
				return -1
			}
			cur = x.depth[k]
			continue
		}
		t := x.T(k)
		if t.kw("SELECT") {
			return k
		}
		if t.typ == tIdent {
			switch t.upper() {
			case "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "RETURNING", "SET", "VALUES", "ON",
				"USING", "WINDOW", "INTO", "JOIN", "FETCH", "UNION", "EXCEPT", "INTERSECT", "OVER", "FILTER":
				return -1
			}
		}
	}
	return -1
}
