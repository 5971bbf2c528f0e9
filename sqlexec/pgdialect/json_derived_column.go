package pgdialect

// json_derived_column.go: the declared type of a json column read through
// a FROM subquery or a CTE. ->, ->>, #> and #>> answer json's text as
// written or jsonb's form by the column's declared type
// (json_column_get.go), which the schema gives only for a table's or
// view's column. A derived table's column was looked up by its name among
// all the statement's tables: one renamed (SELECT j AS k ... ) s, read
// with a qualifier (s.j), or from a CTE was jsonb's form
// ('{"a" : [1,2]}' -> 'a' printed [1, 2], PostgreSQL [1,2]), and a jsonb
// item named as a json column of the inner table (SELECT b AS j) was
// read as json. Here a reference to a derived table's column follows
// the select list item that names it to the column it reads.

// derivedColumnTypeExpr is the declared type expression of the column
// c of a FROM subquery or CTE (aliased q, any at the depth of the
// reference at ref when q is ""), the SQL "NULL" when the item that
// names it is not a bare column, and found false when no derived
// relation names c.
func (x *tx) derivedColumnTypeExpr(ref int, q, c string, hops int) (te string, found bool) {
	if hops > 8 {
		return "NULL", true
	}
	a, b, star, found := x.derivedColumnItem(ref, q, c) // derived_column_item.go
	switch {
	case !found:
		return "", false
	case star:
		return x.columnTypeExpr("", c), true // SELECT *: the inner table's column
	}
	if q2, c2, ok := x.bareColumn(a, b); ok {
		if t, ok := x.derivedColumnTypeExpr(a, q2, c2, hops+1); ok {
			return t, true
		}
		return x.columnTypeExpr(q2, c2), true // pgcast.go
	}
	return "NULL", true
}
