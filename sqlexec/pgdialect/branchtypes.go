package pgdialect

// Result types of CASE, COALESCE, NULLIF, GREATEST/LEAST and lag/lead/
// first_value/last_value/nth_value over columns. typeresolve.go types these where the
// statement shows every branch's type; a branch that reads a table's
// column has only a declared type, which the session asks SQLite for, as
// for arithmetic (arith_types.go): it compiles the statement with each
// such item replaced by one of its branches (ArithProbeSQL, once per
// branch position) and combines the branches' declared types with the
// literals' own (BranchType), as PostgreSQL's select_common_type does.
// So CASE WHEN id > 3 THEN id END over an int4 column is int4, also on an
// empty result, and lag(salary) is salary's type.

import (
	"strings"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// MentionsBranches is a cheap test before lexing: sqlText may have an
// item BranchItems types.
func MentionsBranches(sqlText string) bool {
	low := strings.ToLower(sqlText)
	for _, w := range []string{"case", "coalesce", "nullif", "lag", "lead", "_value"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// BranchItems returns the items of the result list of the SQLite
// statement sqlText (its RETURNING list, else its first select list) that
// are a CASE, a COALESCE/NULLIF call or a window function returning its
// argument, each with its branches as Leaves; nil when the list has a *.
func BranchItems(sqlText string) []ArithItem {
	x := newTx(sqlText)
	var out []ArithItem
	for col, it := range x.resultItems() {
		if it[1] > it[0] && x.isP(it[1]-1, "*") {
			return nil
		}
		a, b := x.itemExpr(it[0], it[1])
		if b <= a {
			continue
		}
		ia, ib := a, b // the item the probe replaces
		if lo, hi, ok := x.minMaxIntervalElse(a, b); ok {
			a, b = lo, hi // greatest(iv, '3 days'): of its plain call's type (strsyntax.go)
		}
		var leaves [][2]int
		nullif, caseElse := false, false
		t := x.T(a)
		switch {
		case t.kw("CASE"):
			if brs, end := x.caseBranches(a); end == b {
				for _, br := range brs {
					leaves = append(leaves, [2]int{br.a, br.b})
				}
				caseElse = len(brs) > 0 && x.kw(brs[len(brs)-1].a-1, "ELSE")
			}
		case t.typ == tIdent && x.isP(a+1, "("):
			m := x.match(a + 1)
			if m < 0 {
				continue
			}
			args := x.splitTop(a+2, m)
			switch t.identName() {
			case "coalesce":
				if m+1 == b {
					leaves = args
				}
			case "nullif":
				if m+1 == b && len(args) == 2 {
					leaves, nullif = args[:1], true
				}
			case "max", "min":
				// greatest/least: SQLite's max/min of the arguments, each
				// coalesce(x, the others) to skip NULLs (strsyntax.go):
				// greatest(price, 2) over a real column is real
				if m+1 != b || len(args) < 2 {
					break
				}
				for _, ar := range args {
					lo, hi := ar[0], ar[1]
					if x.T(lo).typ == tIdent && x.T(lo).identName() == "coalesce" && x.isP(lo+1, "(") && x.match(lo+1) == hi-1 {
						if inner := x.splitTop(lo+2, hi-1); len(inner) > 0 {
							lo, hi = inner[0][0], inner[0][1]
						}
					}
					leaves = append(leaves, [2]int{lo, hi})
				}
			case "lag", "lead", "first_value", "last_value", "nth_value":
				if x.overEnd(m+1) == b && len(args) > 0 {
					leaves = args[:1]
					if len(args) == 3 {
						leaves = append(leaves, x.floatRefusedArg(args[2])) // the default (its value where checked: callargkinds.go)
					}
				}
			}
		}
		if len(leaves) == 0 {
			continue
		}
		it := ArithItem{Column: col, start: x.T(ia).pos, end: x.T(ib-1).pos + len(x.T(ib-1).text), nullif: nullif, caseElse: caseElse}
		for _, l := range leaves {
			if l[0] >= l[1] {
				it.Leaves = nil
				break
			}
			agg := ""
			if f := strings.ToLower(x.T(l[0]).text); x.T(l[0]).typ == tIdent && (aggTyped[f] || f == "pg_sum_typed" || f == "pg_sum_distinct") && x.isP(l[0]+1, "(") && x.match(l[0]+1) == l[1]-1 && l[1]-l[0] > 3 {
				// coalesce(sum(x), 0): the probe reads x, typed by the
				// aggregate (AggregateType); pg_sum_typed(x, type) is
				// sum(x) (sum_float4.go)
				if args := x.splitTop(l[0]+2, l[1]-1); (len(args) == 1 || (f == "pg_sum_typed" || f == "pg_sum_distinct") && len(args) == 2) && !x.kw(l[0]+2, "DISTINCT") {
					agg, l = f, args[0]
					if ka, kb, ok := x.minMaxKeyArg(l[0], l[1]); ok {
						l = [2]int{ka, kb} // min(coalesce(n2, n)) keyed as numeric (minmax_conditional.go)
					}
				}
			}
			it.aggs = append(it.aggs, agg)
			// a branch converted to the common type (branch_consts.go) is
			// typed as written
			it.Leaves = append(it.Leaves, unwrapSetOpValue(x.src[x.T(l[0]).pos:x.T(l[1]-1).pos+len(x.T(l[1]-1).text)]))
		}
		if len(it.Leaves) > 0 {
			out = append(out, it)
		}
	}
	return out
}

// clockSQLTypes are the types of the translations of now(),
// CURRENT_DATE and LOCALTIMESTAMP (expr.go, datetime_local.go), which
// declare none.
var clockSQLTypes = map[string]uint32{nowSQL: pgoid.Timestamptz, legacyNowSQL: pgoid.Timestamptz, currentDateSQL: pgoid.Date, localTimestampSQL: pgoid.Timestamp}

// BranchType is the type of item it given its branches' declared types
// (0: none), 0 when a branch's type cannot be told.
func BranchType(it ArithItem, leafTypes []uint32) uint32 {
	brs := make([]branch, len(it.Leaves))
	converted := make([]bool, len(it.Leaves))
	for i, l := range it.Leaves {
		x := newTx(l)
		brs[i] = x.classify(0, x.n())
		if o := x.exprType(0, x.n()); brs[i].kind == branchOpaque && o != 0 {
			brs[i] = branch{kind: branchTyped, oid: o} // a cast as the translation writes it: coalesce(s, pg_cast_int2(1))
		}
		if x.isParam(0, x.n()) {
			// a parameter: of unknown type, as a quoted literal, and
			// bound in the type its context gives it (paramoperands.go:
			// the other branches' type), so converted
			brs[i], converted[i] = branch{kind: branchUnknown}, true
			continue
		}
		if l := strings.TrimSpace(l); strings.HasPrefix(l, "pg_in_col(") && strings.HasSuffix(l, "'common')") {
			// a literal read as the column beside it (unknownlit.go's
			// commonLiterals): of no type of its own, and converted
			brs[i], converted[i] = branch{kind: branchUnknown}, true
			continue
		}
		if o := clockSQLTypes[strings.TrimSpace(l)]; o != 0 {
			brs[i] = branch{kind: branchTyped, oid: o} // coalesce(ts, now())
		}
		if i < len(leafTypes) && leafTypes[i] != 0 && brs[i].kind != branchNull && brs[i].kind != branchUnknown {
			// (a quoted literal is of no type: the probe's text is not its)
			brs[i] = branch{kind: branchTyped, oid: leafTypes[i]}
		}
		if i < len(it.aggs) && it.aggs[i] != "" {
			// an aggregate's argument: its result type, or unknown
			brs[i] = branch{kind: branchTyped}
			if brs[i].oid = AggregateType(it.aggs[i], leafTypes[i]); brs[i].oid == 0 {
				return 0
			}
		}
	}
	typed := make([]uint32, len(brs))
	seen := true
	for i, br := range brs {
		typed[i] = br.oid
		seen = seen && br.kind != branchOpaque
	}
	if o := datetimeCommon(typed); o != 0 && seen {
		return o // date beside timestamp: the widest (datetime_common.go)
	}
	o, err := commonType(elseFirst(brs, it.caseElse), "CASE")
	if err != nil {
		return 0
	}
	if it.nullif && o == pgoid.Varchar {
		// varchar has no = of its own: nullif compares with text's,
		// whose left side's type nullif returns (nullif(vc, 'a') is text)
		o = pgoid.Text
	}
	for i, br := range brs {
		if br.kind == branchUnknown && o != pgoid.Text && o != pgoid.Varchar && !converted[i] {
			// a literal not converted to o (a column's type is known
			// only now); as varchar its text is its value already
			return 0
		}
	}
	return o
}

// elseFirst is brs of a CASE in the order PostgreSQL resolves their
// common type: the ELSE result (the last, when hasElse) first, then the
// THEN results. Of text and varchar the first one's type is the common
// one: CASE WHEN b THEN vc ELSE t END is text, CASE WHEN b THEN t ELSE vc
// END varchar.
func elseFirst(brs []branch, hasElse bool) []branch {
	if !hasElse || len(brs) < 2 {
		return brs
	}
	out := make([]branch, 0, len(brs))
	out = append(out, brs[len(brs)-1])
	return append(out, brs[:len(brs)-1]...)
}
