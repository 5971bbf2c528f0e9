package pgdialect

import "strings"

// Aggregates, window functions and set-returning functions in MERGE's
// expressions. PostgreSQL refuses each where MERGE's parts stand: the
// join condition, a WHEN condition, an UPDATE's SET list, an INSERT's
// VALUES. The plan evaluates those expressions inside queries of its own
// (a CASE of the join's query, an UPDATE ... FROM, an INSERT ... SELECT),
// where SQLite would take an aggregate over the whole join or a window
// over the kept rows and give an answer PostgreSQL never gives; so they
// are refused here, with PostgreSQL's errors, at the call, in the order
// PostgreSQL transforms the parts (the join condition, then each clause's
// condition and action). Calls inside a subquery are the subquery's own.

// mergeCallPlace is how PostgreSQL words one part of MERGE in these
// errors, and its error for a set-returning function there.
type mergeCallPlace struct {
	lo, hi int
	where  string // "MERGE WHEN conditions", "UPDATE", ...
	srfMsg string // "" for "set-returning functions are not allowed in " + where
}

// mergeCalls refuses an aggregate, window or set-returning function call
// in the join condition on..onHi-1 or a part of clauses.
func (x *tx) mergeCalls(on, onHi int, clauses []mergeClause) error {
	places := []mergeCallPlace{{lo: on, hi: onHi, where: "JOIN conditions"}}
	for _, c := range clauses {
		places = append(places, mergeCallPlace{lo: c.cond[0], hi: c.cond[1], where: "MERGE WHEN conditions"})
		switch c.verb {
		case "UPDATE":
			places = append(places, mergeCallPlace{lo: c.body[0], hi: c.body[1], where: "UPDATE"})
		case "INSERT":
			if v := x.findKw(c.body[0], c.body[1], 0, "VALUES"); v >= 0 {
				places = append(places, mergeCallPlace{lo: v + 1, hi: c.body[1], where: "VALUES",
					srfMsg: "set-valued function called in context that cannot accept a set"})
			}
		}
	}
	for _, p := range places {
		if err := x.mergeCallsIn(p); err != nil {
			return err
		}
	}
	return nil
}

// mergeHypothetical are the aggregates that are window functions unless
// WITHIN GROUP follows their arguments.
var mergeHypothetical = map[string]bool{"rank": true, "dense_rank": true, "percent_rank": true, "cume_dist": true}

func (x *tx) mergeCallsIn(p mergeCallPlace) error {
	for i := p.lo; i < p.hi; i++ {
		if x.isSubquery(i) {
			i = x.match(i)
			continue
		}
		t := x.T(i)
		if t.typ != tIdent || !x.isP(i+1, "(") {
			continue
		}
		name := strings.ToLower(t.text)
		after := x.match(i+1) + 1
		within := x.kw(after, "WITHIN", "GROUP") && x.isP(after+2, "(")
		if within {
			after = x.match(after+2) + 1
		}
		if x.kw(after, "FILTER") && x.isP(after+1, "(") {
			after = x.match(after+1) + 1
		}
		scalar := (name == "min" || name == "max") && len(x.splitTop(i+2, x.match(i+1))) > 1 // SQLite's, not an aggregate
		var e *Error
		switch {
		case x.kw(after, "OVER"):
			e = &Error{Code: "42P20", Message: "window functions are not allowed in " + p.where}
		case pgAggregates[name] && !scalar && (!mergeHypothetical[name] || within):
			e = &Error{Code: "42803", Message: "aggregate functions are not allowed in " + p.where}
		case setReturning[strings.ToUpper(name)]:
			e = &Error{Code: "0A000", Message: "set-returning functions are not allowed in " + p.where}
			if p.srfMsg != "" {
				e.Message = p.srfMsg
			}
		default:
			continue
		}
		e.Position = x.charPos(i)
		return e
	}
	return nil
}
