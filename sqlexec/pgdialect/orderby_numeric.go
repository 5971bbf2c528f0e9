package pgdialect

// orderby_numeric.go: ORDER BY a conditional over a numeric column.
// coalesce(v, 50), CASE WHEN ... THEN v ELSE 50 END, nullif(v, 1),
// greatest(v, 1) over a numeric column v yield numeric text or a SQLite
// number, and SQLite orders every number before every text and text by
// its bytes (10.500 before 9.250): PostgreSQL orders the numeric values.
// The translator does not know v's type (it has no schema), so the item
// gets a first sort key that is the value as numeric text with the
// collation of numeric values when the statement's run-time types say the
// result is numeric, else NULL (every row equal, so the item as written
// decides):
//
//	ORDER BY (CASE WHEN 'numeric' IN (<v's run-time type>)
//	  THEN CAST(pg_in_numeric(coalesce(v, 50), -1) AS TEXT) END)
//	  COLLATE pg_numeric NULLS LAST, coalesce(v, 50) NULLS LAST
//
// The run-time type is the schema's, the same on every node.

import "strings"

// orderNumeric records the ORDER BY items that are a conditional with a
// branch of numeric or run-time type (conditionalNumeric), before
// nullifNumeric and rewriteMinMax change their shape.
func (x *tx) orderNumeric() {
	if !x.castsChecked() {
		return
	}
	for i := 0; i < x.n(); i++ {
		if !x.kw(i, "ORDER", "BY") {
			continue
		}
		d := x.depth[i]
		hi := i + 2
		for hi < x.n() && !x.orderByEnd(hi, d) {
			hi++
		}
		for _, it := range x.splitTop(i+2, hi) {
			a, b := it[0], x.orderExprEnd(it[0], it[1], d)
			if !x.conditionalNumeric(a, b) {
				continue
			}
			if cond := x.conditionalNumericCond(a, b); cond != "" {
				if x.orderNum == nil {
					x.orderNum = map[int]string{}
				}
				x.orderNum[a] = cond
			}
		}
	}
}

// orderExprEnd is the end of the expression of the ORDER BY item lo..hi-1
// at depth d: before its ASC, DESC, NULLS, USING or COLLATE.
func (x *tx) orderExprEnd(lo, hi, d int) int {
	for j := lo; j < hi; j++ {
		if x.depth[j] == d && (x.T(j).kw("ASC") || x.T(j).kw("DESC") || x.T(j).kw("NULLS") || x.T(j).kw("USING") || x.T(j).kw("COLLATE")) {
			return j
		}
	}
	return hi
}

// conditionalNumericCond is the SQL condition under which the conditional
// a..b-1 has a numeric result: a branch statically numeric, or one whose
// run-time type is; "" when none can be.
func (x *tx) conditionalNumericCond(a, b int) string {
	var brs [][2]int
	if x.T(a).kw("CASE") {
		cb, _ := x.caseBranches(a)
		for _, br := range cb {
			brs = append(brs, [2]int{br.a, br.b})
		}
	} else {
		brs = x.splitTop(a+2, b-1)
	}
	var rts []string
	for _, br := range brs {
		switch rt := x.numTypeExpr(br[0], br[1]); {
		case rt == "'numeric'":
			return "1"
		case rt == "" || rt[0] == '\'':
		default:
			rts = append(rts, rt)
		}
	}
	if len(rts) == 0 {
		return ""
	}
	return "'numeric' IN (" + strings.Join(rts, ", ") + ")"
}

// orderNumericKey puts the numeric sort key recorded by orderNumeric
// before the ORDER BY item lo..hi-1 at depth d (desc: it sorts
// descending; explicit: it spells out its NULL placement), in the same
// direction and NULL placement.
func (x *tx) orderNumericKey(lo, hi, d int, desc, explicit bool) {
	cond, ok := x.orderNum[lo]
	if !ok {
		return
	}
	e := x.orderExprEnd(lo, hi, d)
	mods := strings.TrimSpace(x.text(e, hi))
	if e < hi && (x.T(e).kw("COLLATE") || x.T(e).kw("USING")) {
		return // a collation or operator of its own: left as written
	}
	if !explicit {
		if desc {
			mods += " NULLS FIRST"
		} else {
			mods += " NULLS LAST"
		}
	}
	expr := strings.TrimSpace(x.text(lo, e))
	x.T(lo).pre = "(CASE WHEN " + cond + " THEN CAST(pg_in_numeric(" + expr + ", -1) AS TEXT) END) COLLATE " + NumericCollation + " " + mods + ", " + x.T(lo).pre
}
