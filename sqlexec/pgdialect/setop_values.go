package pgdialect

// setop_values.go: a set operation whose every operand is a VALUES list
// (VALUES (2), (1) UNION VALUES (0); VALUES (1) UNION ALL VALUES (2.5)).
// PostgreSQL types each list's column by its rows' common type, then the
// set operation's column by the lists' common type: int4 for integer
// constants, numeric beside a decimal constant. resolveSetOps typed a
// lone VALUES list and set operations of SELECTs only, so such a column
// was described by SQLite's first value (int8) and its decimal constants
// were not converted. Here every row of every list is one row of the
// resolution (resolveRows, with the set operation's name), after each
// list's own rows are checked for a common type (42804 `VALUES types
// ... cannot be matched`, as PostgreSQL reads the lists first), and a
// list's column of unknown literals only is text, as PostgreSQL resolves
// it before the set operation (VALUES (1) UNION VALUES ('2') is 42804).
// Lists of different lengths are PostgreSQL's 42601 (SQLite's was an
// internal error). A set
// operation mixing VALUES with SELECT operands, or with a parenthesised
// operand, is left as before.

import pgoid "github.com/raftsql/raftsql/pgwire/oid"

// valuesSetOpRows returns the rows of a statement that is a set operation
// of VALUES lists only, each list's rows in order, the set operation's
// first keyword (UNION, INTERSECT, EXCEPT) and each list's rows apart;
// ok false when the statement is no such set operation.
func (x *tx) valuesSetOpRows() (rows [][][2]int, what string, lists [][][][2]int, ok bool) {
	if !x.T(0).kw("VALUES") {
		return nil, "", nil, false
	}
	start := 0
	var list [][][2]int
	flush := func(end int) bool {
		for _, r := range x.splitTop(start+1, end) {
			if r[0] >= r[1] || !x.isP(r[0], "(") || x.match(r[0]) != r[1]-1 {
				return false
			}
			list = append(list, x.splitTop(r[0]+1, r[1]-1))
		}
		if len(list) == 0 {
			return false
		}
		rows = append(rows, list...)
		lists = append(lists, list)
		list = nil
		return true
	}
	end := x.n()
	for k := 1; k < x.n(); k++ {
		if x.depth[k] != 0 {
			continue
		}
		if x.kw(k, "UNION") || x.kw(k, "INTERSECT") || x.kw(k, "EXCEPT") {
			if what == "" {
				what = x.T(k).upper()
			}
			if !flush(k) {
				return nil, "", nil, false
			}
			next := k + 1
			if x.kw(next, "ALL") || x.kw(next, "DISTINCT") {
				next++
			}
			if !x.kw(next, "VALUES") {
				return nil, "", nil, false // a SELECT or parenthesised operand
			}
			start, k = next, next
			continue
		}
		if x.kw(k, "ORDER") || x.kw(k, "LIMIT") || x.kw(k, "OFFSET") || x.kw(k, "FETCH") {
			end = k
			break
		}
	}
	if what == "" || !flush(end) {
		return nil, "", nil, false
	}
	return rows, what, lists, true
}

// resolveValuesSetOp types a set operation of VALUES lists (see above);
// done false when the statement is none.
func (x *tx) resolveValuesSetOp() (done bool, err error) {
	rows, what, lists, ok := x.valuesSetOpRows()
	if !ok {
		return false, nil
	}
	n := len(rows[0])
	for _, l := range lists {
		if len(l[0]) != n {
			// (a list's own rows of different lengths are valuesLengths')
			return true, &Error{Code: "42601", Message: "each " + what + " query must have the same number of columns"}
		}
	}
	oids := make([]uint32, n)
	for c := 0; c < n; c++ {
		var brs []branch
		for _, l := range lists {
			lb := make([]branch, len(l))
			unknown := true // the list's column is of no type but its literals'
			for i, r := range l {
				if len(r) != n {
					return true, nil // valuesLengths' 42601
				}
				lb[i] = x.classify(r[c][0], r[c][1])
				unknown = unknown && (lb[i].kind == branchUnknown || lb[i].kind == branchNull)
			}
			if _, e := commonType(lb, "VALUES"); e != nil {
				e.Position = x.charPos(mismatchAt(lb, "VALUES").a)
				return true, e
			}
			if unknown {
				// PostgreSQL resolves a list's column of unknown
				// literals to text before the set operation reads it
				// (VALUES (1) UNION VALUES ('2') is 42804)
				for i := range lb {
					lb[i].kind, lb[i].oid = branchTyped, pgoid.Text
				}
			}
			brs = append(brs, lb...)
		}
		o, e := commonType(brs, what)
		if e == nil && o == 0 {
			e = textMismatch(brs, what)
		}
		if e != nil {
			return true, e
		}
		x.collateSetOpColumn(brs[0]) // setopcollation.go
		if o == 0 {
			continue // no table column here: nothing typed at run time
		}
		if e := x.resolveBranches(brs, o); e != nil {
			return true, e
		}
		oids[c] = o
		x.setResolved(rows[0][c][0], rows[0][c][1], o)
	}
	x.colOIDs, x.colMods = oids, nil // no select list: applyAliases leaves it
	return true, nil
}

// textMismatch is PostgreSQL's 42804 for a column where a list's text
// (its unknown literals') meets a type of another category than the
// string types (VALUES (interval '1 day') UNION VALUES ('1 day')), which
// commonType leaves undecided; nil otherwise.
func textMismatch(brs []branch, what string) *Error {
	var first uint32
	for _, br := range brs {
		if br.kind != branchTyped {
			continue
		}
		if first == 0 {
			first = br.oid
			continue
		}
		if br.oid == first || first != pgoid.Text && br.oid != pgoid.Text {
			continue
		}
		a, b := typesByOID[first], typesByOID[br.oid]
		if a == nil || b == nil || a.cat == "S" && b.cat == "S" {
			continue
		}
		return &Error{Code: "42804", Message: what + " types " + a.format + " and " + b.format + " cannot be matched"}
	}
	return nil
}
