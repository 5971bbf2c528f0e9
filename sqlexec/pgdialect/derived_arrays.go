package pgdialect

// derived_arrays.go: a column of a CTE or derived table that is an array
// (WITH RECURSIVE tree AS (SELECT id, ARRAY[id] AS path ... UNION ALL
// SELECT t.id, tree.path || t.id ...)). The || of arrays is rewritten only
// where an operand is shown to be an array (arrayShown): a reference to
// such a column showed nothing, so tree.path || t.id concatenated the
// array's text ('{1}2') where PostgreSQL appends ({1,2}). A column whose
// defining expression shows an array, of a static type or not, marks the
// references to it (derivedcols.go's typeRefs) as arrays too.
//
// Such an array of no static element type (ARRAY[id]: id's type is the
// table's, read at run time) has no array order: its text would sort
// '{1,2,4}' before '{1,2}' where PostgreSQL compares element by element.
// An ORDER BY key that is such a column is refused (0A000) with the cast
// that gives it its order (ORDER BY path::int[]).

import (
	"slices"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// colArray reports whether column c of rel is shown to be an array of no
// static element type (one column of that name).
func (rel *derivedRel) colArray(c string) bool {
	arr, n := false, 0
	for i, name := range rel.cols {
		if name == c {
			arr = i < len(rel.arrays) && rel.arrays[i]
			n++
		}
	}
	return n == 1 && arr
}

// setArrayRef records that the reference a..b-1 is to an array column.
func (x *tx) setArrayRef(a, b int) {
	if x.arrayRefs == nil {
		x.arrayRefs = map[int]int{}
	}
	x.arrayRefs[a] = b
}

// arrayRef reports whether a..b-1 is a reference to a derived column that
// is an array: one of no static element type (setArrayRef) or one typed
// as an array type (x.resolved: WITH c AS (SELECT ARRAY[1] AS p)).
func (x *tx) arrayRef(a, b int) bool {
	if e, ok := x.arrayRefs[a]; ok && e == b {
		return true
	}
	r, ok := x.resolved[a]
	return ok && r.end == b && pgoid.ElemOf(r.oid) != 0
}

// arrayRefOrder refuses an ORDER BY key that is a reference to a derived
// array column of no static element type (see above).
func (x *tx) arrayRefOrder() error {
	starts := make([]int, 0, len(x.arrayRefs))
	for a := range x.arrayRefs {
		starts = append(starts, a)
	}
	slices.Sort(starts)
	for _, a := range starts {
		if b := x.arrayRefs[a]; x.orderByKey(a, b) {
			return &Error{Code: "0A000", Message: "ORDER BY an array whose element type is known only when the statement runs (" + x.text(a, b) + ") is not supported", Hint: "Cast it to its array type, as ORDER BY " + x.text(a, b) + "::int[].", Position: x.T(a).pos + 1}
		}
	}
	return nil
}

// orderByKey reports whether a..b-1 is a whole sort key of an ORDER BY
// list (before its ASC/DESC/NULLS, if any).
func (x *tx) orderByKey(a, b int) bool {
	d := x.depth[a]
	switch {
	case b >= x.n(), x.isP(b, ","), x.isP(b, ")"), x.isP(b, ";"):
	case x.T(b).typ == tIdent && (x.kw(b, "ASC") || x.kw(b, "DESC") || x.kw(b, "NULLS") || x.kw(b, "LIMIT") || x.kw(b, "OFFSET") || x.kw(b, "FETCH") || x.kw(b, "FOR")):
	default:
		return false
	}
	for k := a - 1; k > 0; k-- {
		if x.depth[k] > d {
			continue
		}
		if x.depth[k] < d {
			return false
		}
		if x.kw(k-1, "ORDER", "BY") {
			return true
		}
		if x.T(k).typ == tIdent && isClauseKw(x.T(k).upper()) || x.kw(k, "SELECT") || x.kw(k, "FROM") {
			return false
		}
		if !x.isP(k, ",") {
			// inside an earlier key (ORDER BY a DESC, path): pass over
			// it up to its comma
			continue
		}
	}
	return false
}

// arrayRefsBeside marks, in a..b-1 of a block whose FROM has tables
// beside the derived items rels (no NATURAL or USING join), the
// unqualified references to a derived array column (see above): SELECT
// t.id, path || t.id FROM t JOIN tree ON ... reads tree's path, since a
// table's column of that name would make the reference ambiguous
// (PostgreSQL's 42702, and SQLite's), not the table's.
func (x *tx) arrayRefsBeside(a, b int, rels map[string]*derivedRel) {
	x.eachBareRef(a, b, func(k int) { // derivedcols.go
		name := x.T(k).identName()
		arr, n := false, 0
		for _, rel := range rels {
			for ci, c := range rel.cols {
				if c == name {
					arr, n = ci < len(rel.arrays) && rel.arrays[ci], n+1
				}
			}
			if rel.star != "" {
				n++ // a table's columns: not known here
			}
		}
		if n == 1 && arr {
			x.setArrayRef(k, k+1)
		}
	})
}
