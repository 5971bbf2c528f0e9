package pgdialect

// setop_select_values.go: a set operation of SELECT and VALUES operands
// (SELECT 1 UNION VALUES (2.5), SELECT i FROM t UNION ALL VALUES (2),
// (3)). resolveSetOps typed set operations of SELECTs and
// setop_values.go those of VALUES lists only; a mix was left untyped:
// described by its first operand (SELECT 1 UNION VALUES (2.5) int4,
// PostgreSQL numeric), its decimal constants not converted, and a VALUES
// list of text beside an integer answered (PostgreSQL's 42804). Here each
// select list is one row and each VALUES list's rows are rows, resolved
// as setop_values.go resolves lists (a list's column of unknown literals
// is text first); a column typed only at run time (a table's) gets the
// run-time conversion of setoptypes.go. Each VALUES operand is written
// SELECT * FROM (VALUES ...): SQLite's grammar refuses an ORDER BY or
// LIMIT after a last operand that is VALUES, and sqlexec describes a
// compound's column from its operands' declared types
// (sqlexec/compounddecl.go), which it reads from such a SELECT (a bare
// VALUES operand's column converted at run time was described as text).

import pgoid "github.com/raftsql/raftsql/pgwire/oid"

// selectValuesOperands are the operands of a statement that is a set
// operation of SELECT and VALUES operands, at least one of each: for a
// SELECT its select list items (one row), for VALUES its rows; the set
// operation's first keyword; each operand's tokens. ok is false for another statement (a
// parenthesised operand, a WITH clause, no VALUES or no SELECT).
func (x *tx) selectValuesOperands() (lists [][][][2]int, isValues []bool, spans [][2]int, what string, ok bool) {
	if !x.T(0).kw("SELECT") && !x.T(0).kw("VALUES") {
		return nil, nil, nil, "", false
	}
	// operand starts, each a SELECT or a VALUES at depth 0
	starts := []int{0}
	end := x.n()
	for k := 1; k < x.n(); k++ {
		if x.depth[k] != 0 {
			continue
		}
		if x.kw(k, "UNION") || x.kw(k, "INTERSECT") || x.kw(k, "EXCEPT") {
			if what == "" {
				what = x.T(k).upper()
			}
			next := k + 1
			if x.kw(next, "ALL") || x.kw(next, "DISTINCT") {
				next++
			}
			if !x.kw(next, "SELECT") && !x.kw(next, "VALUES") {
				return nil, nil, nil, "", false
			}
			starts = append(starts, next)
			k = next
			continue
		}
		if x.kw(k, "ORDER") || x.kw(k, "LIMIT") || x.kw(k, "OFFSET") || x.kw(k, "FETCH") {
			end = k
			break
		}
	}
	if what == "" {
		return nil, nil, nil, "", false
	}
	sawSelect, sawValues := false, false
	for i, s := range starts {
		e := end
		if i+1 < len(starts) {
			e = starts[i+1] - 1
			if x.kw(e, "ALL") || x.kw(e, "DISTINCT") {
				e--
			}
		}
		spans = append(spans, [2]int{s, e})
		if x.kw(s, "SELECT") {
			sawSelect = true
			items, _ := x.selectListAt(s) // aliases.go
			row := make([][2]int, len(items))
			for j, it := range items {
				if it[1] > it[0] && x.isP(it[1]-1, "*") {
					return nil, nil, nil, "", false
				}
				row[j][0], row[j][1] = x.itemExpr(it[0], it[1]) // typeresolve.go
			}
			lists = append(lists, [][][2]int{row})
			isValues = append(isValues, false)
			continue
		}
		sawValues = true
		var list [][][2]int
		for _, r := range x.splitTop(s+1, e) {
			if r[0] >= r[1] || !x.isP(r[0], "(") || x.match(r[0]) != r[1]-1 {
				return nil, nil, nil, "", false
			}
			list = append(list, x.splitTop(r[0]+1, r[1]-1))
		}
		if len(list) == 0 {
			return nil, nil, nil, "", false
		}
		lists = append(lists, list)
		isValues = append(isValues, true)
	}
	if !sawSelect || !sawValues {
		return nil, nil, nil, "", false
	}
	return lists, isValues, spans, what, true
}

// resolveSelectValuesSetOp types a set operation of SELECT and VALUES
// operands (see above); done false when the statement is none.
func (x *tx) resolveSelectValuesSetOp() (done bool, err error) {
	lists, isValues, _, what, ok := x.selectValuesOperands()
	if !ok {
		return false, nil
	}
	n := len(lists[0][0])
	for _, l := range lists {
		for _, r := range l {
			if len(r) != n {
				return true, &Error{Code: "42601", Message: "each " + what + " query must have the same number of columns"}
			}
		}
	}
	first := lists[0][0]
	oids := make([]uint32, n)
	for c := 0; c < n; c++ {
		var brs []branch
		for li, l := range lists {
			lb := make([]branch, len(l))
			unknown := isValues[li]
			for i, r := range l {
				lb[i] = x.classify(r[c][0], r[c][1])
				unknown = unknown && (lb[i].kind == branchUnknown || lb[i].kind == branchNull)
			}
			if isValues[li] {
				if _, e := commonType(lb, "VALUES"); e != nil {
					e.Position = x.charPos(mismatchAt(lb, "VALUES").a)
					return true, e
				}
			}
			if unknown {
				// a VALUES list's column of unknown literals is text
				// before the set operation reads it (setop_values.go)
				for i := range lb {
					if lb[i].kind == branchUnknown {
						lb[i].kind, lb[i].oid = branchTyped, pgoid.Text
					}
				}
			}
			brs = append(brs, lb...)
		}
		o, e := commonType(brs, what)
		if e != nil {
			e.Position = x.charPos(mismatchAt(brs, what).a)
			return true, e
		}
		if o == 0 {
			if e := textMismatch(brs, what); e != nil { // setop_values.go
				return true, e
			}
		}
		x.collateSetOpColumn(brs[0]) // setopcollation.go
		if o == 0 {
			x.runtimeSetOpColumn(brs) // setoptypes.go
			continue
		}
		if e := x.resolveBranches(brs, o); e != nil {
			return true, e
		}
		oids[c] = o
		x.setResolved(first[c][0], first[c][1], o)
	}
	if isValues[0] {
		x.colOIDs, x.colMods = oids, nil // no select list: applyAliases leaves it
	}
	return true, nil
}

// wrapValuesOperands writes each VALUES operand of a set operation of
// SELECT and VALUES operands as SELECT * FROM (VALUES ...) (see above),
// and reports whether the statement is one.
func (x *tx) wrapValuesOperands() bool {
	_, isValues, spans, _, ok := x.selectValuesOperands()
	if !ok {
		return false
	}
	for i, sp := range spans {
		if isValues[i] {
			x.T(sp[0]).pre = "SELECT * FROM (" + x.T(sp[0]).pre
			x.T(sp[1] - 1).suf += ")"
		}
	}
	return true
}
