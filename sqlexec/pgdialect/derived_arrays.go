package pgdialect

// derived_arrays.go: a column of a CTE or derived table that is an array
// (WITH RECURSIVE tree AS (SELECT id, ARRAY[id] AS path ... UNION ALL
// SELECT t.id, tree.path || t.id ...)). The || of arrays is rewritten only
// where an operand is shown to be an array (arrayShown): a reference to
// such a column showed nothing, so tree.path || t.id concatenated the
// array's text ('{1}2') where PostgreSQL appends ({1,2}). A column whose
// defining expression shows an array, of a static type or not, marks the
// references to it (derivedcols.go's typeRefs) as arrays too.

import pgoid "github.com/raftsql/raftsql/pgwire/oid"

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
