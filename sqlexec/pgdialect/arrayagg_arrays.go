package pgdialect

// arrayagg_arrays.go: array_agg of arrays. PostgreSQL's array_agg(anyarray)
// stacks its inputs into an array of one dimension more ({{1,2},{3,4}};
// 2202E for inputs of different dimensions, 22004 for a NULL one). Arrays
// here have one dimension, so pg_array_agg made an array of the inputs'
// texts ({"{1,2}","{3,4}"}), an answer PostgreSQL never gives. Where the
// SQLite text shows the argument is an array, a bare column of an array
// type (the catalog's reading, typecompare_columns.go) or an expression
// exprType types as one (ARRAY[...], '{1}'::int[]), the call is refused
// with 0A000, as the other multidimensional arrays are.

import "strings"

// arrayAggOfArray is the refusal of the pg_array_agg call at k of the
// SQLite text whose argument is an array, or nil.
func (x *tx) arrayAggOfArray(k int, ty jsonTyping) *jsonRefused {
	t := x.T(k)
	if ty.col == nil || t.typ != tIdent || t.text != "pg_array_agg" || !x.isP(k+1, "(") {
		return nil
	}
	m, a := x.match(k+1), k+2
	if x.kw(a, "DISTINCT") || x.kw(a, "ALL") {
		a++
	}
	end := m
	if ob := x.findKw(a, m, x.depth[a], "ORDER"); ob >= 0 {
		end = ob
	}
	if a >= end {
		return nil
	}
	typ := ""
	if e := x.columnRefEnd(a); e == end {
		typ = ty.col(a)
	} else if o := x.exprType(a, end); o != 0 && strings.HasPrefix(TypeName(o), "_") {
		typ = "[]"
	}
	if !strings.HasSuffix(typ, "[]") {
		return nil
	}
	return &jsonRefused{-1, "array_agg of arrays (a multidimensional array) is not supported", "", "0A000"}
}

// mentionsArrayAgg is MentionsAggregate's test for pg_array_agg.
func mentionsArrayAgg(sqlText string) bool { return strings.Contains(sqlText, "pg_array_agg(") }
