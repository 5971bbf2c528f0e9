package pgdialect

// Where PostgreSQL refuses a set-returning call (parse_func.c's
// check_srf_call_placement, and the checks of the constructs around it),
// raised with its SQLSTATE, wording and position before any rewrite, so a
// misplaced call never runs as something else (a CASE that picked the first
// element, a WHERE that compared one row). Two kinds, in PostgreSQL's order:
//
//   - the clause the call is in, checked when the call is parsed: WHERE,
//     JOIN conditions, HAVING, FILTER, LIMIT/OFFSET (FETCH FIRST is LIMIT),
//     a VALUES list (but an INSERT's single row), UPDATE's SET (ON CONFLICT
//     DO UPDATE's too), RETURNING, and an argument of a function in FROM
//     ("must appear at top level of FROM");
//   - in a clause that allows it (the select list, GROUP BY, ORDER BY,
//     DISTINCT ON, a window's PARTITION BY/ORDER BY), the innermost
//     construct that refuses a set once its arguments are parsed: an
//     aggregate or window call, COALESCE, CASE (a WHEN condition that
//     returns a set is 42804, as coerce_to_boolean says).

const srfLateralHint = "You might be able to move the set-returning function into a LATERAL FROM item."

// srfPlacement returns PostgreSQL's error for the first set-returning call
// of the statement that stands where PostgreSQL refuses one, nil when none
// does.
func (x *tx) srfPlacement() error {
	if x.catalog || !x.balanced() {
		return nil // unbalanced: SQLite's syntax error
	}
	for i := 0; i+1 < x.n(); i++ {
		t := x.T(i)
		if t.typ != tIdent || !setReturning[t.upper()] || !x.isP(i+1, "(") || x.isP(i-1, ".") || x.fromFunction(i) {
			continue
		}
		if e := x.srfPlaceError(i); e != nil {
			return e
		}
	}
	return nil
}

// fromFunction reports whether the call at i is a FROM item
// (FROM f(...), JOIN f(...), , f(...), LATERAL f(...)).
func (x *tx) fromFunction(i int) bool {
	p := i - 1
	if x.kw(p, "LATERAL") {
		p--
	}
	return x.kw(p, "FROM") || x.kw(p, "JOIN") || x.isP(p, ",") && x.inFrom(i)
}

// srfPlaceError is the error for the set-returning call at i, nil where
// PostgreSQL accepts it: the clause it is in decides first, then the
// innermost construct around it (walking out through the parentheses of
// calls and groupings, never into an enclosing subquery).
func (x *tx) srfPlaceError(i int) *Error {
	pos := x.T(i).pos + 1
	var inner *Error // the innermost construct's refusal
	construct := func(e *Error) {
		if inner == nil {
			inner = e
		}
	}
	clause := func(what string) *Error {
		return &Error{Code: "0A000", Message: "set-returning functions are not allowed in " + what, Position: pos}
	}
	d := x.depth[i]
	ends := 0         // ENDs of CASEs closed before i on this level
	caseSeen := false // the CASE part i is in was found on this level
	var when *Error   // its refusal when that part is a WHEN condition,
	whenAt := -1      // at this WHEN
	for k := i - 1; k >= 0; k-- {
		if x.depth[k] > d {
			continue
		}
		t := x.T(k)
		if x.depth[k] < d {
			// the parenthesis (or bracket) around the expression
			d, ends, caseSeen, when = x.depth[k], 0, false, nil
			if !x.isP(k, "(") {
				continue // ARRAY[...], a subscript
			}
			if x.kw(k+1, "SELECT") || x.kw(k+1, "WITH") || x.kw(k+1, "VALUES") {
				return inner // a subquery's clause was not found: nothing known
			}
			f := x.T(k - 1)
			if k == 0 || f.typ != tIdent && f.typ != tQIdent {
				continue
			}
			switch name := f.identName(); {
			case name == "filter":
				return clause("FILTER")
			case name == "over" || name == "within":
				return inner // a window's PARTITION BY/ORDER BY, WITHIN GROUP (ORDER BY)
			case name == "coalesce":
				construct(&Error{Code: "0A000", Message: "set-returning functions are not allowed in COALESCE", Hint: srfLateralHint, Position: pos})
			case x.fromFunction(k - 1):
				return &Error{Code: "0A000", Message: "set-returning functions must appear at top level of FROM", Position: pos}
			case x.windowCall(k - 1):
				construct(&Error{Code: "0A000", Message: "window function calls cannot contain set-returning function calls", Hint: srfLateralHint, Position: pos})
			case pgAggregates[name]:
				construct(&Error{Code: "0A000", Message: "aggregate function calls cannot contain set-returning function calls", Hint: srfLateralHint, Position: pos})
			}
			continue
		}
		if t.typ != tIdent {
			continue
		}
		switch t.upper() {
		case "END":
			ends++
		case "CASE":
			if ends > 0 {
				ends--
				continue
			}
			if !caseSeen { // the CASE's operand
				construct(&Error{Code: "0A000", Message: "set-returning functions are not allowed in CASE", Hint: srfLateralHint, Position: pos})
			}
			if when != nil && !x.kw(k+1, "WHEN") {
				// a simple CASE compares operand = value, placed at WHEN
				when.Position = x.T(whenAt).pos + 1
			}
			caseSeen, when = true, nil
		case "WHEN":
			if ends == 0 && !caseSeen {
				caseSeen = true
				when, whenAt = &Error{Code: "42804", Message: "argument of CASE/WHEN must not return a set", Position: x.T(k+1).pos + 1}, k
				construct(when)
			}
		case "THEN", "ELSE":
			if ends == 0 && !caseSeen {
				caseSeen = true
				construct(&Error{Code: "0A000", Message: "set-returning functions are not allowed in CASE", Hint: srfLateralHint, Position: pos})
			}
		case "WHERE":
			if x.isP(k-1, "(") && x.kw(k-2, "FILTER") {
				return clause("FILTER")
			}
			return clause("WHERE")
		case "HAVING":
			return clause("HAVING")
		case "ON":
			if x.kw(k+1, "CONFLICT") || x.kw(k-1, "DISTINCT") {
				return inner
			}
			return clause("JOIN conditions")
		case "LIMIT", "FETCH":
			return clause("LIMIT")
		case "OFFSET":
			return clause("OFFSET")
		case "SET":
			return clause("UPDATE")
		case "RETURNING":
			return clause("RETURNING")
		case "VALUES":
			if x.depth[k] == 0 && x.findKw(0, k, 0, "INSERT") >= 0 && len(x.splitTop(k+1, x.valuesEnd(k))) == 1 {
				return inner // INSERT ... VALUES (one row): a select list
			}
			return clause("VALUES")
		case "SELECT", "GROUP", "ORDER", "DISTINCT", "FROM", "JOIN", "USING", "WINDOW", "PARTITION":
			return inner
		}
	}
	return inner
}

// windowCall reports whether the call at f is a window function call (its
// argument list, then an optional FILTER (...), followed by OVER).
func (x *tx) windowCall(f int) bool {
	return x.kw(x.filterEnd(x.match(f+1))+1, "OVER") // orderby_array.go
}

// valuesEnd is the end of the VALUES list whose keyword is at k: the first
// token of its level after it that is no row or comma.
func (x *tx) valuesEnd(k int) int {
	d := x.depth[k]
	e := k + 1
	for e < x.n() && x.depth[e] >= d && !(x.depth[e] == d && x.T(e).typ == tIdent) {
		e++
	}
	return e
}
